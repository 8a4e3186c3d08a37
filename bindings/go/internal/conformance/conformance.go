// Package conformance pushes every row of a conformance vector directory
// (the format of tests/vectors/README.md) through the Go binding's public
// API.  cmd/mitch-conformance prints the totals; the package's tests run
// each row as a subtest.
package conformance

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// Row is one data row of a vector file.
type Row struct {
	File  string            // "messages/trade.tsv"
	Line  int               // in the file (the header is line 1)
	Cells map[string]string // by column name; nil if the line is not a row
	Err   error             // why the line is not a row (cells, length, NUL, not UTF-8)
}

// MaxLine is the longest line a vector file may hold: a longer one is a
// row that fails, not the end of its file (nor a line held in memory).
const MaxLine = 1 << 20

// File is one vector file: its columns and the check of each row.
type File struct {
	Path    string
	Columns []string
	Check   func(Row) error
}

// Files are the eight message files and the three resolution files.
var Files = []File{
	{"messages/trade.tsv", []string{"ticker_id", "price", "quantity", "trade_id", "side", "expect"}, tradeRow},
	{"messages/order.tsv", []string{"ticker_id", "order_id", "price", "quantity", "order_type", "side", "expiry_ms", "expect"}, orderRow},
	{"messages/tick.tsv", []string{"ticker_id", "bid_price", "ask_price", "bid_volume", "ask_volume", "expect"}, tickRow},
	{"messages/index.tsv", []string{"ticker_id", "mid", "v_bid", "v_ask", "m_spread", "b_bid_o", "b_ask_o", "w_bid_o",
		"w_ask_o", "v_force", "l_force", "t_force", "m_force", "confidence", "rejected", "accepted", "expect"}, indexRow},
	{"messages/header.tsv", []string{"message_type", "timestamp", "count", "expect"}, headerRow},
	{"messages/ticker_id.tsv", []string{"instrument_type", "base_class", "base_id", "quote_class", "quote_id", "sub_type", "expect"}, tickerIDRow},
	{"messages/channel.tsv", []string{"provider_id", "message_type", "channel_id", "bytes"}, channelRow},
	{"messages/order_book.tsv", []string{"ticker_id", "mid_price", "bin_aggregator", "bins_seed", "expect"}, orderBookRow},
	{"resolution/tickers.tsv", []string{"symbol", "instrument_type", "ticker_id", "base_class", "base_id", "quote_class",
		"quote_id", "base_name", "quote_name"}, tickerRow},
	{"resolution/assets.tsv", []string{"query", "class_filter", "min_confidence", "expect_class", "expect_id", "expect_name"}, assetRow},
	{"resolution/providers.tsv", []string{"query", "min_confidence", "expect_id", "expect_name"}, providerRow},
}

// Load reads a vector file: its rows, and why the file cannot be used
// (missing, unreadable, other columns, no rows), if so.  After a read error
// the rows before it are returned with the error.  A line that is not UTF-8,
// holds a NUL, is longer than MaxLine or has another number of cells is a
// row whose Err says so: CheckRow fails it and the rest of the file is still read.
func Load(dir string, f File) ([]Row, error) {
	in, err := os.Open(filepath.Join(dir, filepath.FromSlash(f.Path)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("missing")
	} else if err != nil {
		return nil, fmt.Errorf("unreadable: %v", err)
	}
	defer in.Close()
	br := bufio.NewReader(in)
	var rows []Row
	line := 0
	for {
		b, long, err := readLine(br)
		if err != nil && err != io.EOF {
			// a line cut short by the error is not a row
			if line == 0 {
				return rows, fmt.Errorf("unreadable: %v", err)
			}
			return rows, fmt.Errorf("unreadable after line %d: %v", line, err)
		}
		if err == io.EOF && len(b) == 0 && !long {
			break
		}
		line++
		text := strings.TrimSuffix(string(b), "\r")
		if line == 1 {
			if long {
				return nil, fmt.Errorf("the header is longer than %d bytes, not the README's columns", MaxLine)
			}
			if got := strings.Split(text, "\t"); strings.Join(got, "\t") != strings.Join(f.Columns, "\t") {
				return nil, fmt.Errorf("columns %q, not the README's %q", got, f.Columns)
			}
		} else if long {
			rows = append(rows, Row{File: f.Path, Line: line, Err: fmt.Errorf("the line is longer than %d bytes", MaxLine)})
		} else if k := strings.IndexByte(text, 0); k >= 0 {
			// as the C++ runner: a NUL is no cell's content
			rows = append(rows, Row{File: f.Path, Line: line, Err: fmt.Errorf("a NUL byte at offset %d", k)})
		} else if !utf8.ValidString(text) {
			k := 0
			for k < len(text) {
				r, n := utf8.DecodeRuneInString(text[k:])
				if r == utf8.RuneError && n <= 1 {
					break
				}
				k += n
			}
			rows = append(rows, Row{File: f.Path, Line: line, Err: fmt.Errorf("not UTF-8 (byte 0x%02x at offset %d)", text[k], k)})
		} else if text != "" {
			cells := strings.Split(text, "\t")
			row := Row{File: f.Path, Line: line, Cells: map[string]string{}}
			if len(cells) != len(f.Columns) {
				row.Cells = nil
				row.Err = fmt.Errorf("the row has %d cells, not %d", len(cells), len(f.Columns))
			} else {
				for i, c := range f.Columns {
					row.Cells[c] = cells[i]
				}
			}
			rows = append(rows, row)
		}
		if err == io.EOF {
			break
		}
	}
	if line == 0 || len(rows) == 0 {
		// no header or no rows: a file cut short, not a file of no vectors
		return nil, errors.New("no rows")
	}
	return rows, nil
}

// readLine reads one line without its "\n", keeping at most MaxLine bytes
// of it (long: there were more, read and dropped); io.EOF comes with the
// last line if it has no "\n".
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if err == nil {
			chunk = chunk[:len(chunk)-1]
		}
		if !long && len(line)+len(chunk) <= MaxLine {
			line = append(line, chunk...)
		} else {
			line, long = nil, true
		}
		if err != bufio.ErrBufferFull {
			return line, long, err
		}
	}
}

// CheckRow runs a file's check on one row.
func CheckRow(f File, r Row) error {
	if r.Err != nil {
		return r.Err
	}
	if r.Cells == nil {
		return errors.New("the row does not have one cell per column")
	}
	return f.Check(r)
}

// shown is a cell as a failure quotes it: at most 64 bytes of it (a damaged
// file can hold a cell of a megabyte).
func shown(s string) string {
	if len(s) <= 64 {
		return strconv.Quote(s)
	}
	n := 64
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "..."
}

// bounded is a failure's reason, at most about 240 bytes of it.
func bounded(s string) string {
	if len(s) <= 240 {
		return s
	}
	n := 240
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// ---- cells ----------------------------------------------------------------

type cellError struct{ msg string }

func (e cellError) Error() string { return e.msg }

func u(r Row, col string, bits int) uint64 {
	s := r.Cells[col]
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "0x"), base(s), bits)
	if err != nil || s == "" || s[0] == '+' {
		panic(cellError{fmt.Sprintf("%s %s is not a %d-bit unsigned number", col, shown(s), bits)})
	}
	return v
}

func base(s string) int {
	if strings.HasPrefix(s, "0x") {
		return 16
	}
	return 10
}

func i(r Row, col string, bits int) int64 {
	s := r.Cells[col]
	v, err := strconv.ParseInt(s, 10, bits)
	if err != nil || s == "" || s[0] == '+' {
		panic(cellError{fmt.Sprintf("%s %s is not a %d-bit signed number", col, shown(s), bits)})
	}
	return v
}

// f reads C99 hex floats, nan and inf exactly.
func f(r Row, col string) float64 {
	s := r.Cells[col]
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		panic(cellError{fmt.Sprintf("%s %s is not a float", col, shown(s))})
	}
	return v
}

func char(r Row, col string) byte {
	s := r.Cells[col]
	if len(s) != 1 {
		panic(cellError{fmt.Sprintf("%s %s is not one character", col, shown(s))})
	}
	return s[0]
}

// expect is ("", n) for ERRn, else (the hex, 0).
func expect(r Row, col string) (string, mitch.Status) {
	s := r.Cells[col]
	if strings.HasPrefix(s, "ERR") {
		n, err := strconv.Atoi(s[3:])
		if err != nil || n <= 0 || n > 99 || s[3] == '0' {
			panic(cellError{fmt.Sprintf("%s %s is not ERRn", col, shown(s))})
		}
		return "", mitch.Status(n)
	}
	return s, 0
}

func unhex(s string, size int) []byte {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != size {
		panic(cellError{fmt.Sprintf("%s is not %d bytes of hex", shown(s), size)})
	}
	return b
}

// guard turns a cell panic into the row's error.
func guard(err *error) {
	if p := recover(); p != nil {
		if ce, ok := p.(cellError); ok {
			*err = ce
			return
		}
		panic(p)
	}
}

func statusOf(err error) mitch.Status {
	var e *mitch.Error
	if errors.As(err, &e) {
		return e.Status
	}
	if err != nil {
		return -1
	}
	return mitch.StatusOK
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// ---- bodies ---------------------------------------------------------------

// codec is what the body checks need of a value type.
type codec[T any] interface {
	*T
	Validate() error
	Encode([]byte) error
	Decode([]byte) error
	MarshalBinary() ([]byte, error)
}

// checkBody: encode gives the expected bytes (or the ERRn status, writing
// nothing), the bytes decode back to every field (doubles bit for bit),
// also from a longer buffer, and one byte short is ErrBufferTooSmall.
func checkBody[T any, P codec[T]](v T, hexBytes string, want mitch.Status, size int, same func(a, b *T) bool) error {
	p := P(&v)
	out := bytes.Repeat([]byte{0xA5}, size+8)
	err := p.Encode(out)
	verr := p.Validate()
	if want != 0 {
		if st := statusOf(err); st != want {
			return fmt.Errorf("Encode gave %v (%d), want status %d", err, st, want)
		}
		if !errors.Is(err, want) {
			return fmt.Errorf("errors.Is(%v, status %d) is false", err, want)
		}
		if st := statusOf(verr); st != want {
			return fmt.Errorf("Validate gave %v, want status %d", verr, want)
		}
		if !bytes.Equal(out, bytes.Repeat([]byte{0xA5}, size+8)) {
			return errors.New("a failed Encode wrote to its output")
		}
		return nil
	}
	wire := unhex(hexBytes, size)
	if err != nil || verr != nil {
		return fmt.Errorf("Encode: %v, Validate: %v", err, verr)
	}
	if !bytes.Equal(out[:size], wire) {
		return fmt.Errorf("encoded % x, want % x", out[:size], wire)
	}
	if out[size] != 0xA5 {
		return errors.New("Encode wrote past the body")
	}
	if m, err := p.MarshalBinary(); err != nil || !bytes.Equal(m, wire) {
		return fmt.Errorf("MarshalBinary differs (%v)", err)
	}
	var back T
	if err := P(&back).Decode(wire); err != nil {
		return fmt.Errorf("decoding the expected bytes: %v", err)
	}
	if !same(&back, &v) {
		return fmt.Errorf("decoded %+v, want %+v", back, v)
	}
	var back2 T
	if err := P(&back2).Decode(append(append([]byte{}, wire...), bytes.Repeat([]byte{0xFF}, 9)...)); err != nil || !same(&back2, &v) {
		return fmt.Errorf("decoding from a longer buffer: %v", err)
	}
	if err := P(&back2).Decode(wire[:size-1]); !errors.Is(err, mitch.ErrBufferTooSmall) {
		return fmt.Errorf("one byte short gave %v", err)
	}
	return nil
}

func tradeRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.Trade{TickerID: u(r, "ticker_id", 64), Price: f(r, "price"), Quantity: uint32(u(r, "quantity", 32)),
		TradeID: uint32(u(r, "trade_id", 32)), Side: mitch.Side(u(r, "side", 8))}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.TradeSize, func(a, b *mitch.Trade) bool {
		return a.TickerID == b.TickerID && sameBits(a.Price, b.Price) && a.Quantity == b.Quantity &&
			a.TradeID == b.TradeID && a.Side == b.Side
	})
}

func orderRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.Order{TickerID: u(r, "ticker_id", 64), OrderID: uint32(u(r, "order_id", 32)), Price: f(r, "price"),
		Quantity: uint32(u(r, "quantity", 32)), OrderType: mitch.OrderType(u(r, "order_type", 8)),
		Side: mitch.Side(u(r, "side", 8)), ExpiryMs: u(r, "expiry_ms", 64)}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.OrderSize, func(a, b *mitch.Order) bool {
		return a.TickerID == b.TickerID && a.OrderID == b.OrderID && sameBits(a.Price, b.Price) &&
			a.Quantity == b.Quantity && a.OrderType == b.OrderType && a.Side == b.Side && a.ExpiryMs == b.ExpiryMs
	})
}

func tickRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.Tick{TickerID: u(r, "ticker_id", 64), BidPrice: f(r, "bid_price"), AskPrice: f(r, "ask_price"),
		BidVolume: uint32(u(r, "bid_volume", 32)), AskVolume: uint32(u(r, "ask_volume", 32))}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.TickSize, func(a, b *mitch.Tick) bool {
		return a.TickerID == b.TickerID && sameBits(a.BidPrice, b.BidPrice) && sameBits(a.AskPrice, b.AskPrice) &&
			a.BidVolume == b.BidVolume && a.AskVolume == b.AskVolume
	})
}

func indexRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.Index{TickerID: u(r, "ticker_id", 64), Mid: f(r, "mid"), VBid: uint32(u(r, "v_bid", 32)),
		VAsk: uint32(u(r, "v_ask", 32)), MSpread: int32(i(r, "m_spread", 32)), BBidO: int32(i(r, "b_bid_o", 32)),
		BAskO: int32(i(r, "b_ask_o", 32)), WBidO: int32(i(r, "w_bid_o", 32)), WAskO: int32(i(r, "w_ask_o", 32)),
		VForce: uint16(u(r, "v_force", 16)), LForce: uint16(u(r, "l_force", 16)), TForce: int16(i(r, "t_force", 16)),
		MForce: int16(i(r, "m_force", 16)), Confidence: uint8(u(r, "confidence", 8)),
		Rejected: uint8(u(r, "rejected", 8)), Accepted: uint8(u(r, "accepted", 8))}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.IndexSize, func(a, b *mitch.Index) bool {
		x, y := *a, *b
		x.Mid, y.Mid = 0, 0
		return x == y && sameBits(a.Mid, b.Mid)
	})
}

func headerRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.Header{MessageType: mitch.MessageType(char(r, "message_type")), Timestamp: u(r, "timestamp", 64),
		Count: uint8(u(r, "count", 8))}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.HeaderSize, func(a, b *mitch.Header) bool { return *a == *b })
}

// README: bins from the seed, count = ((seed + 2i) * 2654435761) mod 2^32,
// volume = ((seed + 2i + 1) * ...) for i = 0..255 (bids, then asks).
func seeded(seed, k uint64) uint32 { return uint32((seed + k) * 2654435761) }

func orderBookRow(r Row) (err error) {
	defer guard(&err)
	v := mitch.OrderBook{TickerID: u(r, "ticker_id", 64), MidPrice: f(r, "mid_price"),
		BinAggregator: mitch.BinAggregator(u(r, "bin_aggregator", 8))}
	seed := u(r, "bins_seed", 32)
	for k := uint64(0); k < 256; k++ {
		b := mitch.Bin{Count: seeded(seed, 2*k), Volume: seeded(seed, 2*k+1)}
		if k < 128 {
			v.Bids[k] = b
		} else {
			v.Asks[k-128] = b
		}
	}
	h, want := expect(r, "expect")
	return checkBody(v, h, want, mitch.OrderBookSize, func(a, b *mitch.OrderBook) bool {
		return a.TickerID == b.TickerID && sameBits(a.MidPrice, b.MidPrice) &&
			a.BinAggregator == b.BinAggregator && a.Bids == b.Bids && a.Asks == b.Asks
	})
}

func tickerIDRow(r Row) (err error) {
	defer guard(&err)
	fields := mitch.TickerFields{InstrumentType: mitch.InstrumentType(u(r, "instrument_type", 8)),
		BaseClass: mitch.AssetClass(u(r, "base_class", 8)), BaseID: uint16(u(r, "base_id", 16)),
		QuoteClass: mitch.AssetClass(u(r, "quote_class", 8)), QuoteID: uint16(u(r, "quote_id", 16)),
		SubType: uint32(u(r, "sub_type", 32))}
	id, err2 := mitch.EncodeTickerID(fields)
	if want := r.Cells["expect"]; strings.HasPrefix(want, "ERR") {
		_, st := expect(r, "expect")
		if !errors.Is(err2, st) || id != 0 {
			return fmt.Errorf("EncodeTickerID gave %#x, %v; want status %d", id, err2, st)
		}
		return nil
	}
	want := u(r, "expect", 64)
	if err2 != nil || id != want {
		return fmt.Errorf("EncodeTickerID gave %#x, %v; want %#x", id, err2, want)
	}
	if back := mitch.DecodeTickerID(want); back != fields {
		return fmt.Errorf("DecodeTickerID gave %+v, want %+v", back, fields)
	}
	return nil
}

func channelRow(r Row) (err error) {
	defer guard(&err)
	provider := uint16(u(r, "provider_id", 16))
	typ := mitch.MessageType(char(r, "message_type"))
	want := uint32(u(r, "channel_id", 32))
	wire := unhex(r.Cells["bytes"], 4)
	id, err2 := mitch.ChannelID(provider, typ)
	if err2 != nil || id != want {
		return fmt.Errorf("ChannelID gave %#x, %v; want %#x", id, err2, want)
	}
	if err := mitch.ValidateChannel(want); err != nil {
		return fmt.Errorf("ValidateChannel: %v", err)
	}
	if b, err := mitch.AppendChannel(nil, want); err != nil || !bytes.Equal(b, wire) {
		return fmt.Errorf("AppendChannel gave % x, %v; want % x", b, err, wire)
	}
	if back, err := mitch.ReadChannel(wire); err != nil || back != want {
		return fmt.Errorf("ReadChannel gave %#x, %v", back, err)
	}
	if c, err := mitch.DecodeChannel(want); err != nil || c != (mitch.Channel{ProviderID: provider, MessageType: typ}) {
		return fmt.Errorf("DecodeChannel gave %+v, %v", c, err)
	}
	return nil
}

// ---- resolution -------------------------------------------------------------

func tickerRow(r Row) (err error) {
	defer guard(&err)
	typ := mitch.InstrumentType(u(r, "instrument_type", 8))
	t, err2 := mitch.ResolveTicker(r.Cells["symbol"], typ)
	if err2 != nil {
		return fmt.Errorf("ResolveTicker: %v", err2)
	}
	if t.TickerID != u(r, "ticker_id", 64) || t.InstrumentType != typ {
		return fmt.Errorf("resolved to %#x (type %d)", t.TickerID, t.InstrumentType)
	}
	if uint64(t.Base.AssetClass) != u(r, "base_class", 8) || uint64(t.Base.ClassID) != u(r, "base_id", 16) ||
		uint64(t.Quote.AssetClass) != u(r, "quote_class", 8) || uint64(t.Quote.ClassID) != u(r, "quote_id", 16) {
		return fmt.Errorf("resolved to other legs: %+v / %+v", t.Base, t.Quote)
	}
	if t.Base.Name != r.Cells["base_name"] || t.Quote.Name != r.Cells["quote_name"] {
		return fmt.Errorf("leg names %q / %q", t.Base.Name, t.Quote.Name)
	}
	return nil
}

func assetRow(r Row) (err error) {
	defer guard(&err)
	min := f(r, "min_confidence")
	var a mitch.Asset
	var conf float64
	if cls := r.Cells["class_filter"]; cls == "-" {
		a, conf, err = mitch.FindAsset(r.Cells["query"], min)
	} else {
		a, conf, err = mitch.FindAssetInClass(r.Cells["query"], mitch.AssetClass(u(r, "class_filter", 8)), min)
	}
	if r.Cells["expect_class"] == "-" {
		if !errors.Is(err, mitch.ErrNotFound) {
			return fmt.Errorf("want not found, got %+v, %v", a, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("FindAsset: %v", err)
	}
	if uint64(a.AssetClass) != u(r, "expect_class", 8) || uint64(a.ClassID) != u(r, "expect_id", 16) ||
		a.Name != r.Cells["expect_name"] {
		return fmt.Errorf("found %+v", a)
	}
	if !(conf >= min && conf <= 1) {
		return fmt.Errorf("confidence %v out of range", conf)
	}
	return nil
}

func providerRow(r Row) (err error) {
	defer guard(&err)
	min := f(r, "min_confidence")
	p, conf, err2 := mitch.FindProvider(r.Cells["query"], min)
	if r.Cells["expect_id"] == "-" {
		if !errors.Is(err2, mitch.ErrNotFound) {
			return fmt.Errorf("want not found, got %+v, %v", p, err2)
		}
		return nil
	}
	if err2 != nil {
		return fmt.Errorf("FindProvider: %v", err2)
	}
	if uint64(p.ID) != u(r, "expect_id", 16) || p.Name != r.Cells["expect_name"] {
		return fmt.Errorf("found %+v", p)
	}
	if conf < min {
		return fmt.Errorf("confidence %v below %v", conf, min)
	}
	return nil
}

// Run checks every row of every file under dir; each failure is reported
// through report (file:line: why, at most about 240 bytes of why).  A file
// that is missing, unreadable or has no rows counts as one failure, after
// the rows read before a read error.
func Run(dir string, report func(string)) (passed, failed int) {
	for _, file := range Files {
		rows, err := Load(dir, file)
		for _, row := range rows {
			if err := CheckRow(file, row); err != nil {
				report(fmt.Sprintf("%s:%d: %s", row.File, row.Line, bounded(err.Error())))
				failed++
			} else {
				passed++
			}
		}
		if err != nil {
			report(fmt.Sprintf("%s: %s", file.Path, bounded(err.Error())))
			failed++
		}
	}
	return passed, failed
}
