package mitch_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// The library's description of its layouts (`mitch info --layouts --json`),
// the one description the binding's types are checked against.
type layoutField struct {
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	WireOffset   int    `json:"wire_offset"`
	WireSize     int    `json:"wire_size"`
	BitOffset    int    `json:"bit_offset"`
	BitWidth     int    `json:"bit_width"`
	Count        int    `json:"count"`
	StructOffset *int   `json:"struct_offset"`
	StructSize   int    `json:"struct_size"`
	Nested       string `json:"nested"`
	WireName     string `json:"wire_name"`
	Values       string `json:"values"`
	Rule         string `json:"rule"`
}

type layout struct {
	ID          int           `json:"id"`
	Name        string        `json:"name"`
	MessageType *string       `json:"message_type"`
	WireSize    int           `json:"wire_size"`
	StructSize  int           `json:"struct_size"`
	StructAlign int           `json:"struct_align"`
	Fields      []layoutField `json:"fields"`
}

type layouts struct {
	LibraryVersion  string   `json:"library_version"`
	ProtocolVersion string   `json:"protocol_version"`
	Layouts         []layout `json:"layouts"`
}

// The tool: MITCH_TOOL, else the build tree's (an in-tree build).
func mitchTool() string {
	if t := os.Getenv("MITCH_TOOL"); t != "" {
		return t
	}
	return filepath.Join("..", "..", "..", "tools", "mitch")
}

func readLayouts(t *testing.T) layouts {
	t.Helper()
	out, err := exec.Command(mitchTool(), "info", "--layouts", "--json").Output()
	if err != nil {
		t.Fatalf("%s info --layouts --json: %v", mitchTool(), err)
	}
	var l layouts
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatalf("the layouts are not JSON: %v", err)
	}
	if l.LibraryVersion != mitch.Version() {
		t.Errorf("the tool describes libmitch %s, the binding loads %s", l.LibraryVersion, mitch.Version())
	}
	return l
}

// goName is a protocol name in Go's case: ticker_id -> TickerID,
// b_bid_o -> BBidO, expiry_ms -> ExpiryMs.
func goName(snake string) string {
	var b strings.Builder
	for _, part := range strings.Split(snake, "_") {
		switch part {
		case "":
		case "id":
			b.WriteString("ID")
		default:
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// goKinds are the Go kinds a layout kind may be represented by.
var goKinds = map[string][]reflect.Kind{
	"u8": {reflect.Uint8}, "bits": {reflect.Uint8}, "i8": {reflect.Int8},
	"u16": {reflect.Uint16}, "i16": {reflect.Int16},
	"u32": {reflect.Uint32}, "i32": {reflect.Int32},
	"u48": {reflect.Uint64}, "u64": {reflect.Uint64}, "f64": {reflect.Float64},
	"bins": {reflect.Array}, "struct": {reflect.Struct},
	"int": {reflect.Int, reflect.Int32}, "size": {reflect.Int, reflect.Uint64, reflect.Uintptr},
	"pointer": {reflect.String}, "chars": {reflect.String},
}

// The Go type of each layout, and whether C reads or writes it in place
// (then sizes and offsets must match too, not only names, order and kinds).
var goTypes = map[string]struct {
	typ     reflect.Type
	inPlace bool
}{
	"header":        {reflect.TypeOf(mitch.Header{}), true},
	"trade":         {reflect.TypeOf(mitch.Trade{}), true},
	"order":         {reflect.TypeOf(mitch.Order{}), true},
	"tick":          {reflect.TypeOf(mitch.Tick{}), true},
	"index":         {reflect.TypeOf(mitch.Index{}), true},
	"order_book":    {reflect.TypeOf(mitch.OrderBook{}), true},
	"bin":           {reflect.TypeOf(mitch.Bin{}), true},
	"ticker_fields": {reflect.TypeOf(mitch.TickerFields{}), true},
	"stream_info":   {reflect.TypeOf(mitch.StreamInfo{}), false},
	"asset":         {reflect.TypeOf(mitch.Asset{}), false},
	"provider":      {reflect.TypeOf(mitch.Provider{}), false},
	"resolution":    {reflect.TypeOf(mitch.Ticker{}), false},
	"class_info":    {reflect.TypeOf(mitch.ClassInfo{}), false},
	"tick_metrics":  {reflect.TypeOf(mitch.TickMetrics{}), false},
	"index_metrics": {reflect.TypeOf(mitch.IndexMetrics{}), false},
}

// Layouts the binding deliberately has no mirror of, and why.
var notMirrored = map[string]string{
	"error":        "mitch.Error is Go's error value: its fields name the same things (Status, Field, Rule, Offset)",
	"capture_sink": "filled by the glue from the slices of a mitch.Capture",
	"message":      "mitch.Message holds Go slices of the caller's buffer",
	"reader":       "mitch.MessageIterator keeps its offset in Go",
}

func TestLayoutsMatchTheLibrary(t *testing.T) {
	l := readLayouts(t)
	seen := map[string]bool{}
	for _, lay := range l.Layouts {
		seen[lay.Name] = true
		gt, ok := goTypes[lay.Name]
		if !ok {
			if _, skip := notMirrored[lay.Name]; !skip {
				t.Errorf("layout %q has no Go type and no reason not to", lay.Name)
			}
			continue
		}
		typ := gt.typ
		if gt.inPlace && (int(typ.Size()) != lay.StructSize || int(typ.Align()) != lay.StructAlign) {
			t.Errorf("%s: Go %v is %d bytes aligned %d, C %d aligned %d", lay.Name, typ, typ.Size(), typ.Align(),
				lay.StructSize, lay.StructAlign)
		}
		// The members, in struct order.
		var members []layoutField
		for _, f := range lay.Fields {
			if f.StructOffset != nil {
				members = append(members, f)
			}
		}
		sort.SliceStable(members, func(i, j int) bool { return *members[i].StructOffset < *members[j].StructOffset })
		if len(members) != typ.NumField() {
			t.Errorf("%s: C has %d members, Go %v %d fields", lay.Name, len(members), typ, typ.NumField())
			continue
		}
		for i, f := range members {
			gf := typ.Field(i)
			want := goName(f.Name)
			if gf.Name != want {
				t.Errorf("%s: member %d is %q in C, Go field %s (want %s)", lay.Name, i, f.Name, gf.Name, want)
			}
			kinds, known := goKinds[f.Kind]
			if !known {
				t.Errorf("%s.%s: unknown kind %q", lay.Name, f.Name, f.Kind)
			}
			okKind := false
			for _, k := range kinds {
				okKind = okKind || gf.Type.Kind() == k
			}
			if !okKind {
				t.Errorf("%s.%s: kind %s, Go %v", lay.Name, f.Name, f.Kind, gf.Type)
			}
			if gt.inPlace && (int(gf.Offset) != *f.StructOffset || int(gf.Type.Size()) != f.StructSize) {
				t.Errorf("%s.%s: C offset %d size %d, Go %d %d", lay.Name, f.Name, *f.StructOffset, f.StructSize,
					gf.Offset, gf.Type.Size())
			}
		}
	}
	for name := range goTypes {
		if !seen[name] {
			t.Errorf("the library describes no layout %q", name)
		}
	}
	// The body types are the layouts with a message type; wire sizes agree.
	sizes := map[string]int{"t": mitch.TradeSize, "o": mitch.OrderSize, "s": mitch.TickSize,
		"i": mitch.IndexSize, "b": mitch.OrderBookSize}
	n := 0
	for _, lay := range l.Layouts {
		if lay.MessageType != nil {
			n++
			if sizes[*lay.MessageType] != lay.WireSize {
				t.Errorf("%s: wire size %d", lay.Name, lay.WireSize)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d body layouts", n)
	}
}
