package mitch_test

// The hostile-input sweep (python/tests/test_hostile_sweep.py's idea, in
// Go): every exported function and method of the package, found with
// go/doc, is called with argument lists drawn from a fixed seed, each
// parameter from the hostile values of its type (reflect).  A call may
// return an error, never panic; and when it fails, the caller's slices are
// as they were, the error is one of the package's *Error values and its
// text is bounded; when it succeeds where an encode/decode pair exists,
// the values round-trip.  A failure names the call, the seed and the trial,
// and describes the arguments in a few characters each.
//
// A new export without an entry in sweepTable fails the sweep.

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"hash/fnv"
	"io"
	"math"
	"math/rand"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// sweepSeed is the fixed seed; each name's generator is seeded with it and
// the name, so adding an entry does not change what the others draw.
const sweepSeed = 20240611

// sweepTrials is the number of argument lists per function (per
// instantiation of a generic one).
const sweepTrials = 100

// Instantiations of the generic functions, one per body type, in a fixed order.
func perBody(trade, order, tick, index, book any) []any {
	return []any{trade, order, tick, index, book}
}

// sweepTable: every export, as "Func" or "Type.Method" (go/doc's names),
// and what to call: functions, instantiations, method expressions (the
// receiver is then the first argument).
var sweepTable = map[string][]any{
	"AppendBatch": perBody(mitch.AppendBatch[mitch.Trade], mitch.AppendBatch[mitch.Order], mitch.AppendBatch[mitch.Tick],
		mitch.AppendBatch[mitch.Index], mitch.AppendBatch[mitch.OrderBook]),
	"AppendBodies": perBody(mitch.AppendBodies[mitch.Trade], mitch.AppendBodies[mitch.Order], mitch.AppendBodies[mitch.Tick],
		mitch.AppendBodies[mitch.Index], mitch.AppendBodies[mitch.OrderBook]),
	"AppendCapture": perBody(mitch.AppendCapture[mitch.Trade], mitch.AppendCapture[mitch.Order], mitch.AppendCapture[mitch.Tick],
		mitch.AppendCapture[mitch.Index], mitch.AppendCapture[mitch.OrderBook]),
	"AppendChannel": {mitch.AppendChannel},
	"AppendMessage": perBody(mitch.AppendMessage[mitch.Trade], mitch.AppendMessage[mitch.Order], mitch.AppendMessage[mitch.Tick],
		mitch.AppendMessage[mitch.Index], mitch.AppendMessage[mitch.OrderBook]),
	"AssetClassInfo": {mitch.AssetClassInfo},
	"Assets":         {mitch.Assets},
	"BinForPrice":    {mitch.BinForPrice},
	"BinPriceRange":  {mitch.BinPriceRange},
	"BinTable":       {mitch.BinTable},
	"BodySize":       {mitch.BodySize},
	"ChannelID":      {mitch.ChannelID},
	"CheckLibrary":   {mitch.CheckLibrary},
	"CountCapture":   {mitch.CountCapture},
	"DecodeAll": perBody(mitch.DecodeAll[mitch.Trade], mitch.DecodeAll[mitch.Order], mitch.DecodeAll[mitch.Tick],
		mitch.DecodeAll[mitch.Index], mitch.DecodeAll[mitch.OrderBook]),
	"DecodeBatch": perBody(mitch.DecodeBatch[mitch.Trade], mitch.DecodeBatch[mitch.Order], mitch.DecodeBatch[mitch.Tick],
		mitch.DecodeBatch[mitch.Index], mitch.DecodeBatch[mitch.OrderBook]),
	"DecodeCapture":  {mitch.DecodeCapture},
	"DecodeChannel":  {mitch.DecodeChannel},
	"DecodeTickerID": {mitch.DecodeTickerID},
	"EncodeBatch": perBody(mitch.EncodeBatch[mitch.Trade], mitch.EncodeBatch[mitch.Order], mitch.EncodeBatch[mitch.Tick],
		mitch.EncodeBatch[mitch.Index], mitch.EncodeBatch[mitch.OrderBook]),
	"EncodeMessage": perBody(mitch.EncodeMessage[mitch.Trade], mitch.EncodeMessage[mitch.Order], mitch.EncodeMessage[mitch.Tick],
		mitch.EncodeMessage[mitch.Index], mitch.EncodeMessage[mitch.OrderBook]),
	"EncodeTickerID":     {mitch.EncodeTickerID},
	"FindAsset":          {mitch.FindAsset},
	"FindAssetInClass":   {mitch.FindAssetInClass},
	"FindProvider":       {mitch.FindProvider},
	"GetAsset":           {mitch.GetAsset},
	"GetAssetPacked":     {mitch.GetAssetPacked},
	"GetProvider":        {mitch.GetProvider},
	"InstrumentTypeInfo": {mitch.InstrumentTypeInfo},
	"IsCrypto":           {mitch.IsCrypto},
	"IsEquity":           {mitch.IsEquity},
	"IsForex":            {mitch.IsForex},
	"IsSpot":             {mitch.IsSpot},
	"JaroWinkler":        {mitch.JaroWinkler},
	"LibraryFile":        {mitch.LibraryFile},
	"MessageSize":        {mitch.MessageSize},
	"Messages":           {mitch.Messages},
	"NameKey":            {mitch.NameKey},
	"NewDecoder":         {mitch.NewDecoder},
	"PackAsset":          {mitch.PackAsset},
	"ProtocolVersion":    {mitch.ProtocolVersion},
	"Providers":          {mitch.Providers},
	"ReadChannel":        {mitch.ReadChannel},
	"ResolveTicker":      {mitch.ResolveTicker},
	"SizeOf": perBody(mitch.SizeOf[mitch.Trade], mitch.SizeOf[mitch.Order], mitch.SizeOf[mitch.Tick],
		mitch.SizeOf[mitch.Index], mitch.SizeOf[mitch.OrderBook]),
	"TypeOf": perBody(mitch.TypeOf[mitch.Trade], mitch.TypeOf[mitch.Order], mitch.TypeOf[mitch.Tick],
		mitch.TypeOf[mitch.Index], mitch.TypeOf[mitch.OrderBook]),
	"ValidateChannel":  {mitch.ValidateChannel},
	"ValidateStream":   {mitch.ValidateStream},
	"ValidateTickerID": {mitch.ValidateTickerID},
	"Version":          {mitch.Version},
	"VersionNumber":    {mitch.VersionNumber},

	"AssetClass.String":       {mitch.AssetClass.String},
	"BinAggregator.String":    {mitch.BinAggregator.String},
	"InstrumentType.String":   {mitch.InstrumentType.String},
	"MessageType.String":      {mitch.MessageType.String},
	"OrderType.String":        {mitch.OrderType.String},
	"Side.String":             {mitch.Side.String},
	"Status.Error":            {mitch.Status.Error},
	"Status.String":           {mitch.Status.String},
	"Error.Error":             {(*mitch.Error).Error},
	"Error.Unwrap":            {(*mitch.Error).Unwrap},
	"Capture.DecodeFrom":      {(*mitch.Capture).DecodeFrom},
	"Decoder.Count":           {(*mitch.Decoder).Count},
	"Decoder.Err":             {(*mitch.Decoder).Err},
	"Decoder.Message":         {(*mitch.Decoder).Message},
	"Decoder.Next":            {(*mitch.Decoder).Next},
	"Message.Bodies":          {(*mitch.Message).Bodies},
	"Message.Body":            {(*mitch.Message).Body},
	"Message.BodySize":        {(*mitch.Message).BodySize},
	"Message.Indices":         {(*mitch.Message).Indices},
	"Message.OrderBooks":      {(*mitch.Message).OrderBooks},
	"Message.Orders":          {(*mitch.Message).Orders},
	"Message.Ticks":           {(*mitch.Message).Ticks},
	"Message.Trades":          {(*mitch.Message).Trades},
	"MessageIterator.Count":   {(*mitch.MessageIterator).Count},
	"MessageIterator.Err":     {(*mitch.MessageIterator).Err},
	"MessageIterator.Message": {(*mitch.MessageIterator).Message},
	"MessageIterator.Next":    {(*mitch.MessageIterator).Next},
	"MessageIterator.Offset":  {(*mitch.MessageIterator).Offset},

	"Header.AppendBinary":    {mitch.Header.AppendBinary},
	"Header.Decode":          {(*mitch.Header).Decode},
	"Header.Encode":          {(*mitch.Header).Encode},
	"Header.MarshalBinary":   {mitch.Header.MarshalBinary},
	"Header.UnmarshalBinary": {(*mitch.Header).UnmarshalBinary},
	"Header.Validate":        {(*mitch.Header).Validate},

	"Trade.AppendBinary":    {mitch.Trade.AppendBinary},
	"Trade.Decode":          {(*mitch.Trade).Decode},
	"Trade.Encode":          {(*mitch.Trade).Encode},
	"Trade.MarshalBinary":   {mitch.Trade.MarshalBinary},
	"Trade.UnmarshalBinary": {(*mitch.Trade).UnmarshalBinary},
	"Trade.Validate":        {(*mitch.Trade).Validate},

	"Order.AppendBinary":    {mitch.Order.AppendBinary},
	"Order.Decode":          {(*mitch.Order).Decode},
	"Order.Encode":          {(*mitch.Order).Encode},
	"Order.MarshalBinary":   {mitch.Order.MarshalBinary},
	"Order.UnmarshalBinary": {(*mitch.Order).UnmarshalBinary},
	"Order.Validate":        {(*mitch.Order).Validate},

	"Tick.AppendBinary":    {mitch.Tick.AppendBinary},
	"Tick.Decode":          {(*mitch.Tick).Decode},
	"Tick.Encode":          {(*mitch.Tick).Encode},
	"Tick.MarshalBinary":   {mitch.Tick.MarshalBinary},
	"Tick.Metrics":         {(*mitch.Tick).Metrics},
	"Tick.UnmarshalBinary": {(*mitch.Tick).UnmarshalBinary},
	"Tick.Validate":        {(*mitch.Tick).Validate},

	"Index.AppendBinary":    {mitch.Index.AppendBinary},
	"Index.Decode":          {(*mitch.Index).Decode},
	"Index.Encode":          {(*mitch.Index).Encode},
	"Index.MarshalBinary":   {mitch.Index.MarshalBinary},
	"Index.Metrics":         {(*mitch.Index).Metrics},
	"Index.UnmarshalBinary": {(*mitch.Index).UnmarshalBinary},
	"Index.Validate":        {(*mitch.Index).Validate},

	"OrderBook.AppendBinary":    {mitch.OrderBook.AppendBinary},
	"OrderBook.Decode":          {(*mitch.OrderBook).Decode},
	"OrderBook.Encode":          {(*mitch.OrderBook).Encode},
	"OrderBook.MarshalBinary":   {mitch.OrderBook.MarshalBinary},
	"OrderBook.Totals":          {(*mitch.OrderBook).Totals},
	"OrderBook.UnmarshalBinary": {(*mitch.OrderBook).UnmarshalBinary},
	"OrderBook.Validate":        {(*mitch.OrderBook).Validate},
}

// partialPrefix: calls documented to fill their first slice argument's
// first n elements (n: the first result) before the damage; the rest of it
// must still be untouched.
var partialPrefix = map[string]bool{"DecodeBatch": true}

// exportedAPI is go/doc's list of the package's exported functions and
// methods, read from its sources.
func exportedAPI(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/mitch-protocol/libmitch/bindings/go/mitch")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range pkg.Funcs {
		names = append(names, f.Name)
	}
	for _, typ := range pkg.Types {
		for _, f := range typ.Funcs {
			names = append(names, f.Name)
		}
		for _, m := range typ.Methods {
			names = append(names, typ.Name+"."+m.Name)
		}
	}
	sort.Strings(names)
	return names
}

func TestSweepCoversEveryExport(t *testing.T) {
	api := exportedAPI(t)
	if len(api) < 50 {
		t.Fatalf("go/doc found only %d exports: %v", len(api), api)
	}
	seen := map[string]bool{}
	for _, name := range api {
		seen[name] = true
		if _, ok := sweepTable[name]; !ok {
			t.Errorf("%s is exported but has no entry in sweepTable", name)
		}
	}
	for name := range sweepTable {
		if !seen[name] {
			t.Errorf("sweepTable has %s, which the package does not export", name)
		}
	}
}

// ---- hostile values ------------------------------------------------------

// sweepData holds the valid samples the hostile values are made from.
type sweepData struct {
	messages [][]byte // one valid message per body type, and a capture
	bodies   [][]byte // one valid body per type
	bigStr   string
	bigBytes []byte
	channel  uint32
	packed   uint32       // a packed asset id
	err      *mitch.Error // an error a call returned
}

func newSweepData(t *testing.T) *sweepData {
	t.Helper()
	d := &sweepData{bigStr: strings.Repeat("A", 1<<20), bigBytes: bytes.Repeat([]byte{'t'}, 1<<20)}
	must := func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	d.messages = [][]byte{
		must(mitch.AppendMessage(nil, 5, []mitch.Trade{aTrade(1), aTrade(2)})),
		must(mitch.AppendMessage(nil, 6, []mitch.Order{anOrder(1)})),
		must(mitch.AppendMessage(nil, 7, []mitch.Tick{aTick()})),
		must(mitch.AppendMessage(nil, 8, []mitch.Index{anIndex()})),
		must(mitch.AppendMessage(nil, 9, []mitch.OrderBook{aBook()})),
		aCapture(t),
	}
	d.bodies = [][]byte{
		must(aTrade(1).MarshalBinary()), must(anOrder(1).MarshalBinary()), must(aTick().MarshalBinary()),
		must(anIndex().MarshalBinary()), must(aBook().MarshalBinary()),
		must((&mitch.Header{MessageType: mitch.MsgTrade, Count: 1, Timestamp: 3}).MarshalBinary()),
	}
	id, err := mitch.ChannelID(7, mitch.MsgTick)
	if err != nil {
		t.Fatal(err)
	}
	d.channel = id
	wire, err := mitch.AppendChannel(nil, id)
	if err != nil {
		t.Fatal(err)
	}
	d.bodies = append(d.bodies, wire)
	usd, _, err := mitch.FindAsset("USD", mitch.DefaultMinConfidence)
	if err != nil {
		t.Fatal(err)
	}
	d.packed = usd.AssetID
	if err := (&mitch.Trade{}).Validate(); !errors.As(err, &d.err) {
		t.Fatalf("a zero trade: %v", err)
	}
	return d
}

// hostileBytes: nil, empty, odd lengths of random bytes, valid messages
// and bodies (whole, damaged in one byte, cut short), a megabyte; some with
// spare capacity.
func (d *sweepData) hostileBytes(rng *rand.Rand) []byte {
	random := func(n int) []byte {
		b := make([]byte, n)
		rng.Read(b)
		return b
	}
	pick := func(set [][]byte) []byte { return append([]byte(nil), set[rng.Intn(len(set))]...) }
	var b []byte
	switch rng.Intn(15) {
	case 0:
		return nil
	case 1:
		b = []byte{}
	case 2:
		b = random([]int{1, 7, 31, 33, 5000}[rng.Intn(5)])
	case 3, 4:
		b = pick(d.messages)
	case 5, 6:
		b = pick(d.messages)
		b[rng.Intn(len(b))] ^= byte(1 + rng.Intn(255))
	case 7:
		b = pick(d.messages)
		b = b[:rng.Intn(len(b))]
	case 8, 12, 13:
		b = pick(d.bodies)
		if rng.Intn(3) == 0 {
			b = append(b, d.messages[0]...) // more than one body: read the first
		}
	case 9:
		b = pick(d.bodies)
		b[rng.Intn(len(b))] ^= byte(1 + rng.Intn(255))
	case 10:
		b = append([]byte(nil), d.bigBytes[:[]int{1 << 20, 8, 9, 4096}[rng.Intn(4)]]...)
	default:
		b = make([]byte, []int{1, 4, 8, 32, 64, 2072}[rng.Intn(6)])
	}
	if rng.Intn(3) == 0 { // spare capacity, with something in it
		grown := make([]byte, len(b), len(b)+1+rng.Intn(3000))
		copy(grown, b)
		rng.Read(grown[len(b):cap(grown)])
		b = grown
	}
	return b
}

func (d *sweepData) hostileString(rng *rand.Rand) string {
	set := []string{"", "\xff\xfe", d.bigStr, "EUR\x00USD", "\x00", "EURUSD", "EURUSD.m", "BTC-USDT", "^SPX",
		"Apple Inc.", "NYSE", "Binanse", strings.Repeat("e", mitch.QueryMax), strings.Repeat("e", mitch.QueryMax+1),
		"日本円", "a|b", "%s%d%x", string(d.bigBytes[:300])}
	return set[rng.Intn(len(set))]
}

func (d *sweepData) hostileInt(rng *rand.Rand) int64 {
	set := []int64{0, 1, -1, 2, 5, 7, 127, 128, 255, 256, 1 << 16, math.MaxInt32, math.MaxInt32 + 1,
		math.MinInt32, math.MinInt32 - 1, 1 << 32, 1<<32 + 1, 1<<32 + 5, math.MaxInt64, math.MinInt64,
		rng.Int63(), -rng.Int63()}
	return set[rng.Intn(len(set))]
}

func (d *sweepData) hostileUint(rng *rand.Rand, bits int) uint64 {
	set := []uint64{0, 1, 2, 3, 4, 13, 14, 15, 16, 99, 100, 101, 127, 128, 255, 't', 'o', 's', 'i', 'b', 'x', 'T',
		256, 1 << 16, 1<<16 - 1, 1 << 20, 1<<20 - 1, 1<<32 - 1, 1 << 32, mitch.U48Max, mitch.U48Max + 1, 1 << 63,
		math.MaxUint64, eurusd, uint64(d.channel), 1700000000000, rng.Uint64()}
	v := set[rng.Intn(len(set))]
	if bits < 64 && rng.Intn(4) != 0 {
		v &= 1<<bits - 1 // mostly values of the type's range, sometimes its top bits
	}
	return v
}

func (d *sweepData) hostileFloat(rng *rand.Rand) float64 {
	set := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64,
		-math.MaxFloat64, math.SmallestNonzeroFloat64, -1, 1, 1.0875, 0.5, 0.8, 1.5, 100, 1e308, -1e-300,
		rng.NormFloat64() * 10}
	return set[rng.Intn(len(set))]
}

// readers: nil, readers over hostile bytes (whole, a byte at a time,
// failing with data, timing out), a failing one.
var errSweepReader = errors.New("sweep: the reader failed")

func (d *sweepData) hostileReader(rng *rand.Rand) reflect.Value {
	b := d.hostileBytes(rng)
	var r io.Reader
	switch rng.Intn(7) {
	case 0:
		return reflect.Zero(reflect.TypeOf((*io.Reader)(nil)).Elem())
	case 1:
		r = iotest.OneByteReader(bytes.NewReader(b))
	case 2:
		r = iotest.DataErrReader(bytes.NewReader(b))
	case 3:
		r = iotest.ErrReader(errSweepReader)
	case 4:
		r = iotest.HalfReader(bytes.NewReader(b))
	default:
		r = bytes.NewReader(b)
	}
	return reflect.ValueOf(&r).Elem()
}

// samples are valid values of the package's struct types.
func (d *sweepData) samples(rng *rand.Rand, t reflect.Type) []reflect.Value {
	var out []any
	switch t {
	case reflect.TypeOf(mitch.Trade{}):
		out = []any{aTrade(1), aTrade(2)}
	case reflect.TypeOf(mitch.Order{}):
		cancel := anOrder(2)
		cancel.OrderType = mitch.Cancel
		out = []any{anOrder(1), cancel}
	case reflect.TypeOf(mitch.Tick{}):
		out = []any{aTick()}
	case reflect.TypeOf(mitch.Index{}):
		out = []any{anIndex()}
	case reflect.TypeOf(mitch.OrderBook{}):
		out = []any{aBook()}
	case reflect.TypeOf(mitch.Header{}):
		out = []any{mitch.Header{MessageType: mitch.MsgTrade, Count: 1, Timestamp: 5},
			mitch.Header{MessageType: mitch.MsgOrderBook, Count: 255, Timestamp: mitch.U48Max}}
	case reflect.TypeOf(mitch.TickerFields{}):
		out = []any{mitch.DecodeTickerID(eurusd)}
	case reflect.TypeOf(mitch.Message{}):
		for it := mitch.Messages(d.messages[rng.Intn(len(d.messages))]); it.Next(); {
			out = append(out, *it.Message())
		}
	case reflect.TypeOf(mitch.Capture{}):
		c, err := mitch.DecodeCapture(d.messages[len(d.messages)-1])
		if err == nil {
			out = append(out, *c)
		}
		out = append(out, mitch.Capture{Trades: make([]mitch.Trade, 0, 2), TradeTimestamps: nil},
			mitch.Capture{Trades: nil, TradeTimestamps: make([]uint64, 0, 5)},
			mitch.Capture{Orders: make([]mitch.Order, 1, 1), OrderTimestamps: make([]uint64, 0, 9)})
	case reflect.TypeOf(mitch.Error{}):
		out = []any{*d.err}
	}
	vals := make([]reflect.Value, len(out))
	for i, v := range out {
		vals[i] = reflect.ValueOf(v)
	}
	return vals
}

// validCodes are the codes the protocol defines, for the enum types.
var validCodes = map[reflect.Type][]int64{
	reflect.TypeOf(mitch.MessageType(0)):    {'t', 'o', 's', 'i', 'b'},
	reflect.TypeOf(mitch.Side(0)):           {0, 1},
	reflect.TypeOf(mitch.OrderType(0)):      {0, 1, 2, 3},
	reflect.TypeOf(mitch.BinAggregator(0)):  {0, 1, 2, 3},
	reflect.TypeOf(mitch.BookSide(0)):       {0, 1},
	reflect.TypeOf(mitch.AssetClass(0)):     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13},
	reflect.TypeOf(mitch.InstrumentType(0)): {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13},
	reflect.TypeOf(mitch.Status(0)):         {0, 1, 2, 3, 4, 5, 6, 7, 8, 99},
}

// value draws a hostile value of type t (depth bounds the recursion
// through struct fields and slices).
func (d *sweepData) value(rng *rand.Rand, t reflect.Type, depth int) reflect.Value {
	switch t {
	case reflect.TypeOf([]byte(nil)):
		return reflect.ValueOf(d.hostileBytes(rng))
	case reflect.TypeOf((*io.Reader)(nil)).Elem():
		return d.hostileReader(rng)
	case reflect.TypeOf(&mitch.Decoder{}):
		if rng.Intn(4) == 0 {
			return reflect.ValueOf(&mitch.Decoder{})
		}
		r, _ := d.hostileReader(rng).Interface().(io.Reader)
		dec := mitch.NewDecoder(r)
		advance(rng.Intn(3), dec.Next)
		return reflect.ValueOf(dec)
	case reflect.TypeOf(&mitch.MessageIterator{}):
		if rng.Intn(4) == 0 {
			return reflect.ValueOf(&mitch.MessageIterator{})
		}
		it := mitch.Messages(d.hostileBytes(rng))
		advance(rng.Intn(3), it.Next)
		return reflect.ValueOf(it)
	}
	v := reflect.New(t).Elem()
	if codes, ok := validCodes[t]; ok && rng.Intn(2) == 0 {
		// a code the protocol defines, so that later arguments are reached
		x := codes[rng.Intn(len(codes))]
		if t.Kind() == reflect.Int {
			v.SetInt(x)
		} else {
			v.SetUint(uint64(x))
		}
		return v
	}
	switch t.Kind() {
	case reflect.Int:
		if rng.Intn(2) == 0 { // a small count, index or bin
			v.SetInt(int64(rng.Intn(260)))
			return v
		}
	case reflect.Uint16, reflect.Uint32:
		if rng.Intn(3) == 0 { // an id the registry or the channels know
			ids := []uint64{1, 2, 3, 7, 42, 840, 978, uint64(d.channel), uint64(d.packed)}
			if x := ids[rng.Intn(len(ids))]; !v.OverflowUint(x) {
				v.SetUint(x)
				return v
			}
		}
	}
	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(rng.Intn(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x := d.hostileInt(rng)
		if bits := t.Bits(); bits < 64 && rng.Intn(4) != 0 {
			x = x << (64 - bits) >> (64 - bits) // a value of the type's range
		}
		if v.OverflowInt(x) {
			x = int64(int32(x))
		}
		if v.OverflowInt(x) {
			x = int64(int8(x))
		}
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x := d.hostileUint(rng, t.Bits())
		v.SetUint(x & (math.MaxUint64 >> (64 - t.Bits())))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(d.hostileFloat(rng))
	case reflect.String:
		v.SetString(d.hostileString(rng))
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if rng.Intn(8) == 0 && depth > 0 {
				v.Index(i).Set(d.value(rng, t.Elem(), depth-1))
			}
		}
	case reflect.Slice:
		switch rng.Intn(8) {
		case 0:
			return v // nil
		case 1:
			return reflect.MakeSlice(t, 0, rng.Intn(3)*7)
		}
		n := []int{1, 1, 2, 7, 31, 33, 255, 256}[rng.Intn(8)]
		s := reflect.MakeSlice(t, n, n+rng.Intn(2)*rng.Intn(40))
		hostile := rng.Intn(3) == 0
		samples := d.samples(rng, t.Elem())
		for i := 0; i < n; i++ {
			switch {
			case len(samples) > 0 && (!hostile || rng.Intn(n+1) != 0):
				s.Index(i).Set(samples[rng.Intn(len(samples))])
			case depth > 0:
				s.Index(i).Set(d.value(rng, t.Elem(), depth-1))
			}
		}
		return s
	case reflect.Struct:
		samples := d.samples(rng, t)
		switch k := rng.Intn(4); {
		case k == 0 || len(samples) == 0 && k == 1:
			return v // the zero value
		case len(samples) > 0:
			v.Set(samples[rng.Intn(len(samples))])
			if k == 1 {
				return v
			}
		}
		// one to three fields hostile
		for n := 1 + rng.Intn(3); n > 0 && depth > 0; n-- {
			i := rng.Intn(t.NumField())
			if f := t.Field(i); f.IsExported() {
				v.Field(i).Set(d.value(rng, f.Type, depth-1))
			}
		}
	case reflect.Ptr:
		if rng.Intn(5) == 0 {
			return v // nil
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(d.value(rng, t.Elem(), depth))
		return p
	case reflect.Interface:
		// only io.Reader (above) and error are parameters; a nil one
	case reflect.Func, reflect.Map, reflect.Chan:
		// nil: no export takes one today
	}
	return v
}

// advance calls next up to n times; a panic is the sweep's to report
// (through the Next entries), not the drawing's.
func advance(n int, next func() bool) {
	defer func() { _ = recover() }()
	for ; n > 0 && next(); n-- {
	}
}

// receiver draws a method's receiver: never nil, valid, zero or with
// hostile fields.
func (d *sweepData) receiver(rng *rand.Rand, t reflect.Type) reflect.Value {
	if t.Kind() == reflect.Ptr {
		switch t {
		case reflect.TypeOf(&mitch.Decoder{}), reflect.TypeOf(&mitch.MessageIterator{}):
			return d.value(rng, t, 3)
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(d.value(rng, t.Elem(), 3))
		return p
	}
	return d.value(rng, t, 3)
}

// ---- describing a call ---------------------------------------------------

// describe says what a value is in at most about 60 characters.
func describe(v reflect.Value) string {
	cut := func(s string) string {
		if len(s) > 48 {
			return s[:48] + "..."
		}
		return s
	}
	if !v.IsValid() {
		return "<nil>"
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v.Type().String() + "(nil)"
		}
		head := ""
		if b, ok := v.Interface().([]byte); ok {
			head = fmt.Sprintf(" % x", b[:minInt(len(b), 8)])
		}
		return fmt.Sprintf("%s(len %d cap %d%s)", v.Type(), v.Len(), v.Cap(), head)
	case reflect.String:
		s := v.String()
		return fmt.Sprintf("string(len %d %s)", len(s), cut(fmt.Sprintf("%q", s[:minInt(len(s), 24)])))
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return v.Type().String() + "(nil)"
		}
		return "&" + describe(v.Elem())
	case reflect.Struct:
		return cut(fmt.Sprintf("%s%+v", v.Type(), v.Interface()))
	}
	return cut(fmt.Sprintf("%s(%v)", v.Type(), v.Interface()))
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// ---- the sweep -----------------------------------------------------------

type sweepCall struct {
	name  string
	seed  int64
	trial int
	args  []reflect.Value
}

func (c *sweepCall) String() string {
	parts := make([]string, len(c.args))
	for i, a := range c.args {
		parts[i] = describe(a)
	}
	return fmt.Sprintf("%s (seed %d, trial %d)(%s)", c.name, c.seed, c.trial, strings.Join(parts, ", "))
}

// snapshot is a copy of a slice argument's whole backing array.
type snapshot struct {
	arg   int
	whole reflect.Value // arg[:cap]
	copy  reflect.Value
}

func takeSnapshots(args []reflect.Value) []snapshot {
	var out []snapshot
	for i, a := range args {
		if a.Kind() != reflect.Slice || a.Cap() == 0 {
			continue
		}
		whole := a.Slice(0, a.Cap())
		c := reflect.MakeSlice(a.Type(), a.Cap(), a.Cap())
		reflect.Copy(c, whole)
		out = append(out, snapshot{i, whole, c})
	}
	return out
}

// sameElem compares two elements by their printed form (a NaN equals itself).
func sameElem(a, b reflect.Value) bool {
	if a.Kind() == reflect.Uint8 {
		return a.Uint() == b.Uint()
	}
	return fmt.Sprintf("%#v", a.Interface()) == fmt.Sprintf("%#v", b.Interface())
}

// call runs one call, recovering a panic.
func (c *sweepCall) run(fn reflect.Value) (results []reflect.Value, panicked any) {
	defer func() {
		if r := recover(); r != nil {
			panicked = r
		}
	}()
	return fn.Call(c.args), nil
}

func seedOf(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64()>>1) ^ sweepSeed
}

func TestHostileSweep(t *testing.T) {
	d := newSweepData(t)
	names := make([]string, 0, len(sweepTable))
	for name := range sweepTable {
		names = append(names, name)
	}
	sort.Strings(names)
	// Failures by call and kind: the first of each is shown, with a count.
	var order []string
	first := map[string]string{}
	count := map[string]int{}
	fail := func(c *sweepCall, format string, a ...any) {
		msg := fmt.Sprintf(format, a...)
		key := c.name + ": " + failureKind(msg)
		if count[key] == 0 {
			order = append(order, key)
			first[key] = c.String() + ": " + msg
		}
		count[key]++
	}
	succeeded := map[string]int{}
	for _, name := range names {
		for k, f := range sweepTable[name] {
			fn := reflect.ValueOf(f)
			full := name
			if len(sweepTable[name]) > 1 {
				full = fmt.Sprintf("%s[%s]", name, []string{"Trade", "Order", "Tick", "Index", "OrderBook"}[k])
			}
			method := strings.Contains(name, ".")
			seed := seedOf(full)
			rng := rand.New(rand.NewSource(seed))
			for trial := 0; trial < sweepTrials; trial++ {
				c := &sweepCall{name: full, seed: seed, trial: trial}
				ft := fn.Type()
				for i := 0; i < ft.NumIn(); i++ {
					if i == 0 && method {
						c.args = append(c.args, d.receiver(rng, ft.In(0)))
					} else {
						c.args = append(c.args, d.value(rng, ft.In(i), 3))
					}
				}
				coherent(rng, c.args)
				if sweepOne(d, fn, c, fail) {
					succeeded[full]++
				}
			}
		}
	}
	if testing.Verbose() {
		var b strings.Builder
		for _, name := range names {
			for k := range sweepTable[name] {
				full := name
				if len(sweepTable[name]) > 1 {
					full = fmt.Sprintf("%s[%s]", name, []string{"Trade", "Order", "Tick", "Index", "OrderBook"}[k])
				}
				fmt.Fprintf(&b, " %s:%d", full, succeeded[full])
			}
		}
		t.Logf("calls without an error, of %d each:%s", sweepTrials, b.String())
	}
	for i, key := range order {
		if i == 60 {
			t.Errorf("... and %d more kinds of failure", len(order)-60)
			break
		}
		t.Errorf("%s (%d of %d calls)", first[key], count[key], sweepTrials)
	}
}

// failureKind is a failure without its numbers, to group failures.
func failureKind(msg string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, msg[:minInt(len(msg), 60)])
}

// coherent makes some argument lists consistent (one timestamp per body)
// so that the sweep reaches the checks after the first one.
func coherent(rng *rand.Rand, args []reflect.Value) {
	stamps, bodies := -1, -1
	for i, a := range args {
		switch {
		case a.Type() == reflect.TypeOf([]uint64(nil)):
			stamps = i
		case a.Kind() == reflect.Slice && a.Type().Elem().Kind() == reflect.Struct:
			bodies = i
		}
	}
	if stamps >= 0 && bodies >= 0 && rng.Intn(2) == 0 {
		n := args[bodies].Len()
		s := make([]uint64, n)
		base := []uint64{0, 1000, mitch.U48Max - 3, mitch.U48Max + 1}[rng.Intn(4)]
		for i := range s {
			s[i] = base + uint64(i/(1+rng.Intn(4)))
		}
		args[stamps] = reflect.ValueOf(s)
	}
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// sweepOne makes one call and checks it; true when it returned no error.
func sweepOne(d *sweepData, fn reflect.Value, c *sweepCall, fail func(*sweepCall, string, ...any)) bool {
	base := c.name
	if i := strings.IndexByte(base, '['); i >= 0 {
		base = base[:i]
	}
	snaps := takeSnapshots(c.args)
	var recvBefore string
	method := strings.Contains(c.name, ".")
	if method && c.args[0].Kind() == reflect.Ptr && isValueType(c.args[0].Type().Elem()) {
		recvBefore = fmt.Sprintf("%#v", c.args[0].Elem().Interface())
	}
	var caps []int // Capture.DecodeFrom: the capacities it was given
	if base == "Capture.DecodeFrom" {
		recv := c.args[0].Elem()
		for i := 0; i < recv.NumField(); i++ {
			caps = append(caps, recv.Field(i).Cap())
		}
	}
	results, panicked := c.run(fn)
	if panicked != nil {
		msg := fmt.Sprint(panicked)
		fail(c, "panicked: %.200s", msg)
		return false
	}
	var err error
	if n := len(results); n > 0 && results[n-1].Type() == errorType && !results[n-1].IsNil() {
		err = results[n-1].Interface().(error)
	}
	if caps != nil {
		if msg := captureContract(c.args[0].Interface().(*mitch.Capture), caps, c.args[1].Bytes(), err); msg != "" {
			fail(c, "%s", msg)
		}
	}
	if err != nil && base == "Error.Unwrap" {
		return false // the error it wraps, a Status, not a failure of the call
	}
	if err != nil {
		checkError(c, err, fail)
		// The caller's slices: untouched, but for a documented prefix
		// and what a returned slice (an append) hands back.
		for _, s := range snaps {
			arg := c.args[s.arg]
			from := 0
			if partialPrefix[base] && s.arg == 0 && results[0].Kind() == reflect.Int {
				from = int(results[0].Int())
			}
			allowedTo := arg.Len()
			for _, r := range results {
				if r.Kind() == reflect.Slice && r.Type() == arg.Type() && r.Cap() > 0 &&
					r.Slice(0, r.Cap()).Index(0).Addr().Pointer() == s.whole.Index(0).Addr().Pointer() && r.Len() > allowedTo {
					allowedTo = r.Len()
				}
			}
			for i := 0; i < s.whole.Len(); i++ {
				if i >= from && i < arg.Len() || i >= allowedTo {
					if !sameElem(s.whole.Index(i), s.copy.Index(i)) {
						fail(c, "failed (%v) but changed element %d of argument %d", err, i, s.arg+1)
						break
					}
				}
			}
		}
		if recvBefore != "" && fmt.Sprintf("%#v", c.args[0].Elem().Interface()) != recvBefore {
			fail(c, "failed (%v) but changed its receiver", err)
		}
		return false
	}
	if recvBefore != "" && !strings.HasSuffix(base, "Decode") && !strings.HasSuffix(base, "UnmarshalBinary") &&
		fmt.Sprintf("%#v", c.args[0].Elem().Interface()) != recvBefore {
		fail(c, "changed its receiver")
	}
	if msg := roundTripCheck(base, c.args, results); msg != "" {
		fail(c, "%s", msg)
	}
	if msg := wrapCheck(fn, c, results); msg != "" {
		fail(c, "%s", msg)
	}
	return true
}

// captureContract: what DecodeFrom documents.  A type whose bodies had no
// capacity is only validated (both its slices empty); timestamps come one
// per body or not at all; ErrBufferTooSmall over a whole capture means a
// type with room is full.
func captureContract(c *mitch.Capture, caps []int, data []byte, err error) string {
	v := reflect.ValueOf(c).Elem()
	full := false
	for i := 0; i+1 < v.NumField(); i += 2 {
		bodies, stamps := v.Field(i), v.Field(i+1)
		name := v.Type().Field(i).Name
		if caps[i] == 0 && (bodies.Len() != 0 || stamps.Len() != 0) {
			return fmt.Sprintf("%s had no room, but %d bodies and %d timestamps came back", name, bodies.Len(), stamps.Len())
		}
		if stamps.Len() != 0 && stamps.Len() != bodies.Len() {
			return fmt.Sprintf("%d %s came back with %d timestamps", bodies.Len(), name, stamps.Len())
		}
		room := caps[i]
		if caps[i+1] > 0 && caps[i+1] < room {
			room = caps[i+1]
		}
		if room > 0 && bodies.Len() == room {
			full = true
		}
	}
	if _, whole := mitch.CountCapture(data); whole == nil && errors.Is(err, mitch.ErrBufferTooSmall) && !full {
		return fmt.Sprintf("%v, but no type with room is full", err)
	}
	return ""
}

// isValueType: the body and header types, whose methods other than
// Decode never change the receiver.
func isValueType(t reflect.Type) bool {
	switch t {
	case reflect.TypeOf(mitch.Header{}), reflect.TypeOf(mitch.Trade{}), reflect.TypeOf(mitch.Order{}),
		reflect.TypeOf(mitch.Tick{}), reflect.TypeOf(mitch.Index{}), reflect.TypeOf(mitch.OrderBook{}):
		return true
	}
	return false
}

// checkError: one of the package's errors, with a failing status and a
// bounded text that echoes no long input.
func checkError(c *sweepCall, err error, fail func(*sweepCall, string, ...any)) {
	msg := err.Error()
	if len(msg) > 400 {
		fail(c, "an error of %d characters: %.80q...", len(msg), msg)
	}
	for _, a := range c.args {
		var in string
		switch a.Kind() {
		case reflect.String:
			in = a.String()
		case reflect.Slice:
			if b, ok := a.Interface().([]byte); ok {
				in = string(b)
			}
		}
		if len(in) > 80 && strings.Contains(msg, in[:81]) {
			fail(c, "the error echoes more than 80 characters of an input: %.80q", msg)
		}
	}
	if errors.Is(err, errSweepReader) || errors.Is(err, iotest.ErrTimeout) {
		return // the reader's own error, wrapped
	}
	var e *mitch.Error
	if !errors.As(err, &e) {
		fail(c, "returned %T (%v), not a *mitch.Error", err, err)
		return
	}
	if e.Status == mitch.StatusOK || !errors.Is(err, e.Status) {
		fail(c, "returned an error of status %d: %v", int(e.Status), err)
	}
}

// wrapCheck: a platform-width integer argument that does not fit C's 32
// bits must not be wrapped into one that does: when such a call succeeds,
// the same call with the value cut to 32 bits must not give the same
// answer.
func wrapCheck(fn reflect.Value, c *sweepCall, results []reflect.Value) string {
	ft := fn.Type()
	if ft.NumOut() == 0 || ft.Out(ft.NumOut()-1) != errorType {
		return ""
	}
	for i, a := range c.args {
		k := a.Kind()
		if k != reflect.Int && k != reflect.Uint {
			continue
		}
		var cut reflect.Value
		switch k {
		case reflect.Int:
			x := a.Int()
			if x == int64(int32(x)) {
				continue
			}
			cut = reflect.New(a.Type()).Elem()
			cut.SetInt(int64(int32(x)))
		case reflect.Uint:
			x := a.Uint()
			if x == uint64(uint32(x)) {
				continue
			}
			cut = reflect.New(a.Type()).Elem()
			cut.SetUint(uint64(uint32(x)))
		}
		args := append([]reflect.Value(nil), c.args...)
		args[i] = cut
		again := (&sweepCall{args: args}).runQuiet(fn)
		if again == nil || !again[len(again)-1].IsNil() {
			continue
		}
		same := true
		for j := range results {
			if fmt.Sprintf("%#v", results[j].Interface()) != fmt.Sprintf("%#v", again[j].Interface()) {
				same = false
			}
		}
		if same {
			return fmt.Sprintf("argument %d, %v, was accepted as %v (wrapped to 32 bits)", i+1, a.Interface(), cut.Interface())
		}
	}
	return ""
}

func (c *sweepCall) runQuiet(fn reflect.Value) []reflect.Value {
	r, p := c.run(fn)
	if p != nil {
		return nil
	}
	return r
}

// roundTripCheck: what a successful call gives back, through its inverse,
// is what went in.
func roundTripCheck(name string, args, results []reflect.Value) string {
	res := func(i int) any { return results[i].Interface() }
	arg := func(i int) any { return args[i].Interface() }
	same := func(a, b any) bool { return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b) }
	switch {
	case strings.HasSuffix(name, ".Encode"), strings.HasSuffix(name, ".AppendBinary"),
		strings.HasSuffix(name, ".MarshalBinary"):
		// the receiver, encoded: decoding the new bytes gives it back
		recv := args[0]
		if recv.Kind() == reflect.Ptr {
			recv = recv.Elem()
		}
		var wire []byte
		switch {
		case strings.HasSuffix(name, ".Encode"):
			wire = arg(1).([]byte)
		case strings.HasSuffix(name, ".AppendBinary"):
			wire = res(0).([]byte)[len(arg(1).([]byte)):]
		default:
			wire = res(0).([]byte)
		}
		back := reflect.New(recv.Type())
		if err := back.Interface().(interface{ Decode([]byte) error }).Decode(wire); err != nil {
			return fmt.Sprintf("encoded, but the bytes do not decode: %v", err)
		}
		if !same(back.Elem().Interface(), recv.Interface()) {
			return "encoded, but decodes to another value"
		}
	case strings.HasSuffix(name, ".Decode"), strings.HasSuffix(name, ".UnmarshalBinary"):
		v := args[0].Interface()
		if err := v.(interface{ Validate() error }).Validate(); err != nil {
			return fmt.Sprintf("decoded a value that does not validate: %v", err)
		}
		wire, err := v.(encodingBinary).MarshalBinary()
		if err != nil {
			return fmt.Sprintf("decoded a value that does not encode: %v", err)
		}
		src := arg(1).([]byte)
		back := reflect.New(args[0].Type().Elem())
		if back.Interface().(interface{ Decode([]byte) error }).Decode(wire) != nil ||
			!same(back.Elem().Interface(), args[0].Elem().Interface()) || len(src) < len(wire) {
			return "decoded, but the value does not round-trip"
		}
	case name == "EncodeTickerID":
		if f := mitch.DecodeTickerID(res(0).(uint64)); !same(f, arg(0)) {
			return fmt.Sprintf("encoded to %#x, which decodes to %+v", res(0), f)
		}
	case name == "DecodeTickerID":
		id, err := mitch.EncodeTickerID(res(0).(mitch.TickerFields))
		if err != nil || id != arg(0).(uint64) {
			return fmt.Sprintf("the fields of %#x encode to %#x, %v", arg(0), id, err)
		}
	case name == "ChannelID":
		ch, err := mitch.DecodeChannel(res(0).(uint32))
		if err != nil || ch.ProviderID != arg(0).(uint16) || ch.MessageType != arg(1).(mitch.MessageType) {
			return fmt.Sprintf("channel %#x decodes to %+v, %v", res(0), ch, err)
		}
	case name == "DecodeChannel":
		ch := res(0).(mitch.Channel)
		id, err := mitch.ChannelID(ch.ProviderID, ch.MessageType)
		if err != nil || id != arg(0).(uint32) {
			return fmt.Sprintf("%+v encodes to %#x, %v", ch, id, err)
		}
	case name == "AppendChannel":
		out := res(0).([]byte)
		id, err := mitch.ReadChannel(out[len(arg(0).([]byte)):])
		if err != nil || id != arg(1).(uint32) {
			return fmt.Sprintf("appended channel reads back as %#x, %v", id, err)
		}
	case name == "ReadChannel":
		out, err := mitch.AppendChannel(nil, res(0).(uint32))
		if err != nil || !bytes.Equal(out, arg(0).([]byte)[:mitch.ChannelSize]) {
			return fmt.Sprintf("channel %#x does not write back its bytes: %v", res(0), err)
		}
	case name == "PackAsset":
		if res(0).(uint32) != uint32(arg(0).(mitch.AssetClass))<<16|uint32(arg(1).(uint16)) {
			return fmt.Sprintf("packed to %#x", res(0))
		}
	case name == "MessageSize":
		size, err := mitch.BodySize(arg(0).(mitch.MessageType))
		if err != nil || res(0).(int) != mitch.HeaderSize+arg(1).(int)*size {
			return fmt.Sprintf("size %d for %d bodies of %d bytes", res(0), arg(1), size)
		}
	case name == "EncodeBatch", name == "AppendBatch", name == "EncodeMessage", name == "AppendMessage":
		return sameBodies(name, args, results)
	case name == "DecodeAll", name == "DecodeBatch":
		return decodedBodies(name, args, results)
	case name == "AppendCapture":
		out := res(0).([]byte)[len(arg(0).([]byte)):]
		c, err := mitch.DecodeCapture(out)
		if err != nil {
			return fmt.Sprintf("the appended capture does not decode: %v", err)
		}
		bodies, stamps := captureColumn(c, args[1].Type().Elem())
		if bodies.Len() != args[1].Len() || !same(stamps, arg(2)) && args[1].Len() > 0 {
			return fmt.Sprintf("the appended capture holds %d bodies, want %d", bodies.Len(), args[1].Len())
		}
		for i := 0; i < bodies.Len(); i++ {
			if !same(bodies.Index(i).Interface(), args[1].Index(i).Interface()) {
				return fmt.Sprintf("body %d of the capture changed", i)
			}
		}
	case name == "DecodeCapture":
		c := res(0).(*mitch.Capture)
		n, err := mitch.CountCapture(arg(0).([]byte))
		if err != nil || n != (mitch.CaptureCounts{len(c.Trades), len(c.Orders), len(c.Ticks), len(c.Indices),
			len(c.OrderBooks)}) {
			return fmt.Sprintf("decoded %d trades, ..., CountCapture says %+v, %v", len(c.Trades), n, err)
		}
		again, err := mitch.AppendCapture(nil, c.Trades, c.TradeTimestamps)
		if err != nil {
			return fmt.Sprintf("the decoded trades do not encode: %v", err)
		}
		if back, err := mitch.DecodeCapture(again); err != nil || !same(back.Trades, c.Trades) && len(c.Trades) > 0 {
			return fmt.Sprintf("the decoded trades do not round-trip: %v", err)
		}
	}
	return ""
}

type encodingBinary interface{ MarshalBinary() ([]byte, error) }

func captureColumn(c *mitch.Capture, t reflect.Type) (reflect.Value, []uint64) {
	switch t {
	case reflect.TypeOf(mitch.Trade{}):
		return reflect.ValueOf(c.Trades), c.TradeTimestamps
	case reflect.TypeOf(mitch.Order{}):
		return reflect.ValueOf(c.Orders), c.OrderTimestamps
	case reflect.TypeOf(mitch.Tick{}):
		return reflect.ValueOf(c.Ticks), c.TickTimestamps
	case reflect.TypeOf(mitch.Index{}):
		return reflect.ValueOf(c.Indices), c.IndexTimestamps
	}
	return reflect.ValueOf(c.OrderBooks), c.OrderBookTimestamps
}

// decodeWire decodes back-to-back bodies of the type of elem, one by one
// through the scalar Decode (not the batch call under test).
func decodeWire(elem reflect.Type, wire []byte, n int) (reflect.Value, error) {
	size := len(wire) / maxInt(n, 1)
	out := reflect.MakeSlice(reflect.SliceOf(elem), n, n)
	for i := 0; i < n; i++ {
		p := out.Index(i).Addr().Interface().(interface{ Decode([]byte) error })
		if err := p.Decode(wire[i*size : (i+1)*size]); err != nil {
			return out, err
		}
	}
	return out, nil
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func sameBodies(name string, args, results []reflect.Value) string {
	var wire []byte
	var bodies reflect.Value
	switch name {
	case "EncodeBatch":
		bodies = args[1]
		n := int(results[0].Int())
		if n != bodies.Len() {
			return fmt.Sprintf("wrote %d of %d bodies without an error", n, bodies.Len())
		}
		wire = args[0].Interface().([]byte)[:n*bodySizeOf(bodies.Type().Elem())]
	case "AppendBatch":
		bodies = args[1]
		wire = results[0].Interface().([]byte)[len(args[0].Interface().([]byte)):]
	case "EncodeMessage", "AppendMessage":
		bodies = args[2]
		if name == "EncodeMessage" {
			wire = args[0].Interface().([]byte)[:results[0].Int()]
		} else {
			wire = results[0].Interface().([]byte)[len(args[0].Interface().([]byte)):]
		}
		it := mitch.Messages(wire)
		if !it.Next() || it.Next() || it.Err() != nil {
			return fmt.Sprintf("the encoded message does not iterate as one: %v", it.Err())
		}
		var h mitch.Header
		if err := h.Decode(wire); err != nil || h.Timestamp != args[1].Uint() || int(h.Count) != bodies.Len() {
			return fmt.Sprintf("the encoded header is %+v, %v", h, err)
		}
		wire = wire[mitch.HeaderSize:]
	}
	back, err := decodeWire(bodies.Type().Elem(), wire, bodies.Len())
	if err != nil {
		return fmt.Sprintf("the encoded bodies do not decode: %v", err)
	}
	for i := 0; i < bodies.Len(); i++ {
		if fmt.Sprintf("%#v", back.Index(i).Interface()) != fmt.Sprintf("%#v", bodies.Index(i).Interface()) {
			return fmt.Sprintf("body %d changed on the way", i)
		}
	}
	return ""
}

func bodySizeOf(t reflect.Type) int {
	switch t {
	case reflect.TypeOf(mitch.Trade{}):
		return mitch.TradeSize
	case reflect.TypeOf(mitch.Order{}):
		return mitch.OrderSize
	case reflect.TypeOf(mitch.Tick{}):
		return mitch.TickSize
	case reflect.TypeOf(mitch.Index{}):
		return mitch.IndexSize
	}
	return mitch.OrderBookSize
}

func decodedBodies(name string, args, results []reflect.Value) string {
	var bodies reflect.Value
	var src []byte
	if name == "DecodeAll" {
		bodies, src = results[0], args[0].Interface().([]byte)
		if bodies.Len()*bodySizeOf(bodies.Type().Elem()) != len(src) {
			return fmt.Sprintf("decoded %d bodies from %d bytes", bodies.Len(), len(src))
		}
	} else {
		bodies, src = args[0], args[1].Interface().([]byte)
		if int(results[0].Int()) != bodies.Len() {
			return fmt.Sprintf("decoded %d of %d bodies without an error", results[0].Int(), bodies.Len())
		}
	}
	size := bodySizeOf(bodies.Type().Elem())
	back, err := decodeWire(bodies.Type().Elem(), src[:bodies.Len()*size], bodies.Len())
	if err != nil {
		return fmt.Sprintf("the batch decoded bodies the scalar Decode refuses: %v", err)
	}
	for i := 0; i < bodies.Len(); i++ {
		if fmt.Sprintf("%#v", back.Index(i).Interface()) != fmt.Sprintf("%#v", bodies.Index(i).Interface()) {
			return fmt.Sprintf("body %d decodes differently one by one", i)
		}
	}
	return ""
}

// The sweep must stay deterministic: the same seed draws the same calls.
func TestSweepIsRepeatable(t *testing.T) {
	d := newSweepData(t)
	draw := func() string {
		rng := rand.New(rand.NewSource(seedOf("BinPriceRange")))
		var b strings.Builder
		ft := reflect.TypeOf(mitch.BinPriceRange)
		for trial := 0; trial < 20; trial++ {
			for i := 0; i < ft.NumIn(); i++ {
				b.WriteString(describe(d.value(rng, ft.In(i), 3)))
			}
		}
		return b.String()
	}
	if a, b := draw(), draw(); a != b {
		t.Fatal("the same seed drew other arguments")
	}
}
