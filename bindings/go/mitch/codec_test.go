package mitch_test

import (
	"bytes"
	"encoding"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

var (
	_ encoding.BinaryMarshaler   = mitch.Trade{}
	_ encoding.BinaryUnmarshaler = (*mitch.OrderBook)(nil)
	_ error                      = mitch.StatusInvalidData
	_ error                      = (*mitch.Error)(nil)
)

// wantBytes is what mitch.h's protocol table says a trade is on the wire
// (protocol.md: ticker_id u64, price f64, quantity u32, trade_id u32,
// side u8, 7 bytes of padding), little-endian.
func wantBytes(t mitch.Trade) []byte {
	b := make([]byte, 32)
	put := func(off int, v uint64, n int) {
		for i := 0; i < n; i++ {
			b[off+i] = byte(v >> (8 * i))
		}
	}
	put(0, t.TickerID, 8)
	put(8, math.Float64bits(t.Price), 8)
	put(16, uint64(t.Quantity), 4)
	put(20, uint64(t.TradeID), 4)
	b[24] = byte(t.Side)
	return b
}

func TestTradeRoundTrip(t *testing.T) {
	tr := aTrade(3)
	buf := bytes.Repeat([]byte{0xAB}, 40)
	if err := tr.Encode(buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf[:32], wantBytes(tr)) || buf[32] != 0xAB {
		t.Fatalf("encoded % x", buf)
	}
	var back mitch.Trade
	if err := back.Decode(buf); err != nil || back != tr {
		t.Fatalf("decoded %+v, %v", back, err)
	}
	m, err := tr.MarshalBinary()
	if err != nil || !bytes.Equal(m, wantBytes(tr)) {
		t.Fatalf("MarshalBinary % x, %v", m, err)
	}
	prefix := []byte("xy")
	out, err := tr.AppendBinary(prefix)
	if err != nil || string(out[:2]) != "xy" || !bytes.Equal(out[2:], m) {
		t.Fatalf("AppendBinary % x, %v", out, err)
	}
}

func TestEveryBodyRoundTrips(t *testing.T) {
	o, s, x, b := anOrder(7), aTick(), anIndex(), aBook()
	h := mitch.Header{MessageType: mitch.MsgTick, Count: 3, Timestamp: 123456789}
	var o2 mitch.Order
	var s2 mitch.Tick
	var x2 mitch.Index
	var b2 mitch.OrderBook
	var h2 mitch.Header
	for _, c := range []struct {
		name string
		in   interface {
			MarshalBinary() ([]byte, error)
		}
		out  encoding.BinaryUnmarshaler
		same func() bool
		size int
	}{
		{"order", o, &o2, func() bool { return o2 == o }, mitch.OrderSize},
		{"tick", s, &s2, func() bool { return s2 == s }, mitch.TickSize},
		{"index", x, &x2, func() bool { return x2 == x }, mitch.IndexSize},
		{"order book", b, &b2, func() bool { return b2 == b }, mitch.OrderBookSize},
		{"header", h, &h2, func() bool { return h2 == h }, mitch.HeaderSize},
	} {
		wire, err := c.in.MarshalBinary()
		if err != nil || len(wire) != c.size {
			t.Errorf("%s: %d bytes, %v", c.name, len(wire), err)
			continue
		}
		if err := c.out.UnmarshalBinary(wire); err != nil || !c.same() {
			t.Errorf("%s: round trip: %v", c.name, err)
		}
	}
}

func TestRefusedValueIsAnErrorAndNothingIsWritten(t *testing.T) {
	tr := aTrade(1)
	tr.Price = -1
	buf := bytes.Repeat([]byte{0x5A}, 32)
	err := tr.Encode(buf)
	if !errors.Is(err, mitch.ErrInvalidFieldValue) || errors.Is(err, mitch.ErrInvalidData) {
		t.Fatalf("Encode: %v", err)
	}
	var e *mitch.Error
	if !errors.As(err, &e) || e.Status != mitch.StatusInvalidFieldValue || e.Op != "Trade.Encode" {
		t.Fatalf("errors.As: %#v", e)
	}
	if !strings.Contains(err.Error(), mitch.StatusInvalidFieldValue.Error()) {
		t.Errorf("Error() = %q", err.Error())
	}
	if !bytes.Equal(buf, bytes.Repeat([]byte{0x5A}, 32)) {
		t.Error("a failed Encode wrote")
	}
	tr.Price = math.NaN()
	if err := tr.Validate(); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("NaN: %v", err)
	}
	tr.Price = math.Inf(1)
	if err := tr.Validate(); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("Inf: %v", err)
	}
}

func TestUndefinedCodesAreRefusedNotMapped(t *testing.T) {
	tr := aTrade(1)
	tr.Side = 2
	if err := tr.Validate(); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("side 2: %v", err)
	}
	o := anOrder(1)
	o.OrderType = 9
	if err := o.Validate(); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("order type 9: %v", err)
	}
	b := aBook()
	b.BinAggregator = 4
	if err := b.Validate(); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("aggregator 4: %v", err)
	}
	h := mitch.Header{MessageType: 'x', Count: 1}
	if err := h.Validate(); !errors.Is(err, mitch.ErrInvalidMessageType) {
		t.Errorf("type x: %v", err)
	}
	if _, err := mitch.BodySize('T'); !errors.Is(err, mitch.ErrInvalidMessageType) {
		t.Errorf("BodySize('T'): %v", err)
	}
	if n, err := mitch.BodySize(mitch.MsgIndex); n != 64 || err != nil {
		t.Errorf("BodySize('i') = %d, %v", n, err)
	}
	if s := mitch.Side(7).String(); s != "Side(7)" {
		t.Errorf("Side(7).String() = %q", s)
	}
}

func TestShortAndEmptyBuffers(t *testing.T) {
	var tr mitch.Trade
	for _, in := range [][]byte{nil, {}, make([]byte, 31)} {
		if err := tr.Decode(in); !errors.Is(err, mitch.ErrBufferTooSmall) {
			t.Errorf("Decode(%d bytes): %v", len(in), err)
		}
	}
	good := aTrade(1)
	for _, out := range [][]byte{nil, make([]byte, 31)} {
		if err := good.Encode(out); !errors.Is(err, mitch.ErrBufferTooSmall) {
			t.Errorf("Encode into %d bytes: %v", len(out), err)
		}
	}
}

func TestDecodeFailureLeavesTheValueUntouched(t *testing.T) {
	wire := wantBytes(aTrade(1))
	wire[24] = 7 // side 7
	v := aTrade(9)
	if err := v.Decode(wire); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Fatalf("Decode: %v", err)
	}
	if v != aTrade(9) {
		t.Errorf("the value changed: %+v", v)
	}
}

func TestBatchRoundTripInOneCall(t *testing.T) {
	trades := make([]mitch.Trade, 100)
	for i := range trades {
		trades[i] = aTrade(uint32(i + 1))
	}
	wire, err := mitch.AppendBatch(nil, trades)
	if err != nil || len(wire) != 3200 {
		t.Fatalf("AppendBatch: %d bytes, %v", len(wire), err)
	}
	for i := range trades {
		if !bytes.Equal(wire[32*i:32*i+32], wantBytes(trades[i])) {
			t.Fatalf("body %d differs", i)
		}
	}
	back := make([]mitch.Trade, 100)
	if n, err := mitch.DecodeBatch(back, wire); n != 100 || err != nil {
		t.Fatalf("DecodeBatch: %d, %v", n, err)
	}
	for i := range back {
		if back[i] != trades[i] {
			t.Fatalf("body %d: %+v", i, back[i])
		}
	}
	all, err := mitch.DecodeAll[mitch.Trade](wire)
	if err != nil || len(all) != 100 || all[99] != trades[99] {
		t.Fatalf("DecodeAll: %d, %v", len(all), err)
	}
	if _, err := mitch.DecodeAll[mitch.Trade](wire[:3199]); !errors.Is(err, mitch.ErrBufferTooSmall) {
		t.Errorf("DecodeAll of a cut body: %v", err)
	}
	if n, err := mitch.DecodeBatch(back[:0], nil); n != 0 || err != nil {
		t.Errorf("an empty batch: %d, %v", n, err)
	}
	books := []mitch.OrderBook{aBook(), aBook()}
	bw, err := mitch.AppendBatch(nil, books)
	if err != nil {
		t.Fatal(err)
	}
	bb, err := mitch.DecodeAll[mitch.OrderBook](bw)
	if err != nil || len(bb) != 2 || bb[1] != books[1] {
		t.Fatalf("order books: %v", err)
	}
}

func TestBatchFailureDeliversTheValidPrefix(t *testing.T) {
	trades := make([]mitch.Trade, 10)
	for i := range trades {
		trades[i] = aTrade(uint32(i + 1))
	}
	wire, _ := mitch.AppendBatch(nil, trades)
	copy(wire[6*32+16:6*32+20], []byte{0, 0, 0, 0}) // quantity of body 6
	out := make([]mitch.Trade, 10)
	for i := range out {
		out[i] = mitch.Trade{TradeID: 999}
	}
	n, err := mitch.DecodeBatch(out, wire)
	if n != 6 || !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Fatalf("DecodeBatch: %d, %v", n, err)
	}
	var e *mitch.Error
	if !errors.As(err, &e) || e.Index != 6 || e.Offset < 6*32 || e.Offset >= 7*32 {
		t.Errorf("the error says body %d, offset %d", e.Index, e.Offset)
	}
	if out[5] != trades[5] {
		t.Error("the prefix was not decoded")
	}
	// mitch.h's bulk rule: the failing slot and everything after it untouched
	if out[6].TradeID != 999 || out[9].TradeID != 999 {
		t.Errorf("slots after the damage were written: %+v %+v", out[6], out[9])
	}
	if _, err := mitch.DecodeBatch(out, wire[:100]); !errors.Is(err, mitch.ErrBufferTooSmall) {
		t.Errorf("too little input: %v", err)
	}
	trades[4].Quantity = 0
	buf := make([]byte, 320)
	if n, err := mitch.EncodeBatch(buf, trades); n != 4 || !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("EncodeBatch: %d, %v", n, err)
	} else if errors.As(err, &e); e.Index != 4 {
		t.Errorf("EncodeBatch error names body %d", e.Index)
	}
	if out, err := mitch.AppendBatch([]byte("keep"), trades); string(out) != "keep" || err == nil {
		t.Errorf("a failed AppendBatch changed its input: %q, %v", out, err)
	}
}

// The scalar codecs and the batch calls allocate nothing (cgo would move a
// Go value whose address goes to C onto the heap: the binding passes values).
func TestHotPathsDoNotAllocate(t *testing.T) {
	tr := aTrade(5)
	buf := make([]byte, 32)
	trades := make([]mitch.Trade, 64)
	wire := make([]byte, 64*32)
	for i := range trades {
		trades[i] = aTrade(uint32(i + 1))
	}
	capture := aCapture(t)
	tickWire, err := aTick().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var sink int
	if _, err := mitch.EncodeBatch(wire, trades); err != nil {
		t.Fatal(err)
	}
	if err := tr.Encode(buf); err != nil {
		t.Fatal(err)
	}
	msg := make([]byte, mitch.HeaderSize+10*mitch.TradeSize)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Trade.Encode", func() { _ = tr.Encode(buf) }},
		{"Trade.Decode", func() { var v mitch.Trade; _ = v.Decode(buf); sink += int(v.TradeID) }},
		{"Tick.Decode", func() { var v mitch.Tick; _ = v.Decode(tickWire); sink += int(v.BidVolume) }},
		{"EncodeBatch", func() { _, _ = mitch.EncodeBatch(wire, trades) }},
		{"DecodeBatch", func() { _, _ = mitch.DecodeBatch(trades, wire) }},
		{"Header.Decode", func() { var h mitch.Header; _ = h.Decode(capture); sink += int(h.Count) }},
		{"EncodeMessage", func() { _, _ = mitch.EncodeMessage(msg, 1, trades[:10]) }},
	} {
		if n := testing.AllocsPerRun(200, c.f); n != 0 {
			t.Errorf("%s: %v allocations per call", c.name, n)
		}
	}
	dst := make([]mitch.Trade, 0, 16)
	n := testing.AllocsPerRun(100, func() {
		it := mitch.Messages(capture)
		for it.Next() {
			if it.Message().Header.MessageType == mitch.MsgTrade {
				dst, _ = it.Message().Trades(dst[:0])
			}
		}
	})
	if n > 1 {
		t.Errorf("iterating a capture: %v allocations, want at most the iterator's", n)
	}
	_ = sink
}
