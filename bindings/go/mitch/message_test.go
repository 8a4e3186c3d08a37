package mitch_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
	"testing/iotest"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

func TestIterationOverAMixedCapture(t *testing.T) {
	buf := aCapture(t)
	it := mitch.Messages(buf)
	var stamps uint64
	var trades []mitch.Trade
	var orders []mitch.Order
	others := 0
	for it.Next() {
		msg := it.Message()
		stamps += msg.Header.Timestamp
		if len(msg.Bytes) != mitch.HeaderSize+int(msg.Header.Count)*msg.BodySize() {
			t.Errorf("message at %d: %d bytes", msg.Offset, len(msg.Bytes))
		}
		var err error
		switch msg.Header.MessageType {
		case mitch.MsgTrade:
			trades, err = msg.Trades(trades)
			if _, werr := msg.Orders(nil); !errors.Is(werr, mitch.ErrInvalidMessageType) {
				t.Errorf("Orders of a trade message: %v", werr)
			}
		case mitch.MsgOrder:
			orders, err = msg.Orders(orders)
		default:
			others++
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	if it.Count() != 4 || stamps != 10000 || len(trades) != 3 || len(orders) != 2 || others != 2 {
		t.Fatalf("%d messages, %d trades, %d orders, %d others", it.Count(), len(trades), len(orders), others)
	}
	if trades[2] != aTrade(3) || orders[1] != anOrder(8) || it.Offset() != len(buf) {
		t.Errorf("decoded %+v / %+v, offset %d", trades[2], orders[1], it.Offset())
	}
}

func TestIterationOverManyMessagesAcrossBatches(t *testing.T) {
	var buf []byte
	var err error
	for i := 0; i < 200; i++ { // more messages than one C call frames
		if buf, err = mitch.AppendMessage(buf, uint64(i), []mitch.Trade{aTrade(uint32(i + 1))}); err != nil {
			t.Fatal(err)
		}
	}
	it := mitch.Messages(buf)
	var got []mitch.Trade
	for it.Next() {
		if got, err = it.Message().Trades(got); err != nil {
			t.Fatal(err)
		}
	}
	if it.Err() != nil || len(got) != 200 || got[199] != aTrade(200) {
		t.Fatalf("%d trades, %v", len(got), it.Err())
	}
}

func TestIterationStopsAtDamageAndSaysWhere(t *testing.T) {
	good := aCapture(t)
	second := mitch.HeaderSize + 3*mitch.TradeSize
	cases := []struct {
		name    string
		damage  func([]byte) []byte
		handed  int
		want    error
		message int
	}{
		{"unknown type", func(b []byte) []byte { b[second] = 'x'; return b }, 1, mitch.ErrInvalidMessageType, second},
		{"count 0", func(b []byte) []byte { b[second+7] = 0; return b }, 1, mitch.ErrInvalidFieldValue, second},
		{"cut short", func(b []byte) []byte { return b[:second+8+40] }, 1, mitch.ErrBufferTooSmall, second},
		{"bad body", func(b []byte) []byte {
			copy(b[8+32+8:8+32+16], make([]byte, 8)) // price 0 of trade 2
			return b
		}, 0, mitch.ErrInvalidFieldValue, 0},
	}
	for _, c := range cases {
		buf := c.damage(append([]byte{}, good...))
		it := mitch.Messages(buf)
		n := 0
		for it.Next() {
			n++
		}
		err := it.Err()
		var e *mitch.Error
		if n != c.handed || !errors.Is(err, c.want) || !errors.As(err, &e) {
			t.Errorf("%s: %d messages, %v", c.name, n, err)
			continue
		}
		if e.MessageOffset != c.message || e.Index != c.handed || e.Offset < c.message || e.Offset > len(buf) {
			t.Errorf("%s: error at message %d (offset %d, byte %d)", c.name, e.Index, e.MessageOffset, e.Offset)
		}
		if it.Next() {
			t.Errorf("%s: Next after the damage", c.name)
		}
	}
	it := mitch.Messages(nil)
	if it.Next() || it.Err() != nil {
		t.Errorf("an empty buffer: %v", it.Err())
	}
}

func TestEncodeMessageChecksCountAndTimestamp(t *testing.T) {
	buf := make([]byte, 8+256*32)
	if _, err := mitch.EncodeMessage[mitch.Trade](buf, 0, nil); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("no bodies: %v", err)
	}
	many := make([]mitch.Trade, 256)
	for i := range many {
		many[i] = aTrade(1)
	}
	if _, err := mitch.EncodeMessage(buf, 0, many); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("256 bodies: %v", err)
	}
	if n, err := mitch.EncodeMessage(buf, mitch.U48Max, many[:255]); n != 8+255*32 || err != nil {
		t.Errorf("255 bodies: %d, %v", n, err)
	}
	if _, err := mitch.EncodeMessage(buf, mitch.U48Max+1, many[:1]); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("a 49-bit timestamp: %v", err)
	}
	if n, err := mitch.MessageSize(mitch.MsgOrderBook, 2); n != 8+2*2072 || err != nil {
		t.Errorf("MessageSize: %d, %v", n, err)
	}
	if _, err := mitch.MessageSize(mitch.MsgTrade, 0); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("MessageSize(0): %v", err)
	}
}

func TestValidateStream(t *testing.T) {
	buf := aCapture(t)
	info, err := mitch.ValidateStream(buf, 0)
	if err != nil || info.Messages != 4 || info.Bodies != 7 {
		t.Fatalf("%+v, %v", info, err)
	}
	info, err = mitch.ValidateStream(buf, mitch.MsgTrade)
	var e *mitch.Error
	if !errors.As(err, &e) || e.Status != mitch.StatusInvalidMessageType || info.Messages != 1 ||
		e.MessageOffset != 8+96 {
		t.Errorf("only trades: %+v, %v", info, err)
	}
}

// The decoder reads one message at a time from any io.Reader.
func TestDecoderOverAReader(t *testing.T) {
	buf := aCapture(t)
	for name, r := range map[string]io.Reader{
		"bytes":    bytes.NewReader(buf),
		"one byte": iotest.OneByteReader(bytes.NewReader(buf)),
		"half":     iotest.HalfReader(bytes.NewReader(buf)),
	} {
		dec := mitch.NewDecoder(r)
		var types []mitch.MessageType
		total := 0
		for dec.Next() {
			msg := dec.Message()
			types = append(types, msg.Header.MessageType)
			if msg.Offset != total {
				t.Errorf("%s: message at %d, want %d", name, msg.Offset, total)
			}
			total += len(msg.Bytes)
			if msg.Header.MessageType == mitch.MsgTrade {
				trades, err := msg.Trades(nil)
				if err != nil || len(trades) != 3 || trades[0] != aTrade(1) {
					t.Errorf("%s: trades %v", name, err)
				}
			}
		}
		if err := dec.Err(); err != nil || string(types) != "tosi" || total != len(buf) {
			t.Errorf("%s: %q, %d bytes, %v", name, types, total, err)
		}
	}
}

func TestDecoderReportsTruncationAndDamage(t *testing.T) {
	buf := aCapture(t)
	dec := mitch.NewDecoder(bytes.NewReader(buf[:len(buf)-5]))
	n := 0
	for dec.Next() {
		n++
	}
	var e *mitch.Error
	if n != 3 || !errors.Is(dec.Err(), mitch.ErrBufferTooSmall) || !errors.As(dec.Err(), &e) ||
		e.MessageOffset != len(buf)-(8+64) {
		t.Errorf("truncated: %d messages, %v", n, dec.Err())
	}
	bad := append([]byte{}, buf...)
	bad[8+96] = 'q'
	dec = mitch.NewDecoder(bytes.NewReader(bad))
	for dec.Next() {
	}
	if !errors.Is(dec.Err(), mitch.ErrInvalidMessageType) || dec.Count() != 1 {
		t.Errorf("bad type: %d, %v", dec.Count(), dec.Err())
	}
	failing := iotest.ErrReader(errors.New("disk on fire"))
	dec = mitch.NewDecoder(failing)
	if dec.Next() || dec.Err() == nil || errors.Is(dec.Err(), mitch.ErrBufferTooSmall) {
		t.Errorf("a read error: %v", dec.Err())
	}
}

// A Message built by hand (its fields are exported) with a count or Bytes
// that do not agree is refused or empty, never a panic (a slice out of
// range, a division by zero); a nil *Message is an error.
func TestHandBuiltMessagesDoNotPanic(t *testing.T) {
	var zero mitch.Message
	if zero.Bodies() != nil || zero.BodySize() != 0 || zero.Body(0) != nil {
		t.Errorf("zero Message: % x, %d, % x", zero.Bodies(), zero.BodySize(), zero.Body(0))
	}
	wire, err := mitch.AppendMessage(nil, 5, []mitch.Trade{aTrade(1), aTrade(2)})
	if err != nil {
		t.Fatal(err)
	}
	short := mitch.Message{Header: mitch.Header{MessageType: mitch.MsgTrade, Count: 2}, Bytes: wire[:5]}
	if short.Bodies() != nil || short.BodySize() != 0 || short.Body(1) != nil {
		t.Errorf("5 bytes: % x, %d", short.Bodies(), short.BodySize())
	}
	dst := []mitch.Trade{aTrade(9)}
	got, err := short.Trades(dst)
	if !errors.Is(err, mitch.ErrBufferTooSmall) || len(got) != 1 || got[0] != aTrade(9) {
		t.Errorf("Trades of 5 bytes: %d, %v", len(got), err)
	}
	// A count the bytes do not hold (a trade and a half).
	claims := mitch.Message{Header: mitch.Header{MessageType: mitch.MsgTrade, Count: 2}, Bytes: wire[:8+48]}
	if _, err := claims.Trades(nil); !errors.Is(err, mitch.ErrBufferTooSmall) {
		t.Errorf("Trades of a body and a half: %v", err)
	}
	if got, err := mitch.AppendBodies(dst, nil); !errors.Is(err, mitch.ErrInvalidData) || len(got) != 1 {
		t.Errorf("AppendBodies(nil message): %v", err)
	}
}

// The count of a Message is checked against its bytes before room for the
// bodies is made: a header claiming 255 order books (half a megabyte of
// them) over no bodies is refused without making that room.
func TestAppendBodiesChecksTheCountBeforeAllocating(t *testing.T) {
	m := mitch.Message{Header: mitch.Header{MessageType: mitch.MsgOrderBook, Count: 255}, Bytes: make([]byte, 8)}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < 20; i++ {
		if _, err := m.OrderBooks(nil); !errors.Is(err, mitch.ErrBufferTooSmall) {
			t.Fatalf("OrderBooks: %v", err)
		}
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 { // not 20 * 528 kB
		t.Errorf("20 refused calls allocated %d bytes", grew)
	}
}

// A Decoder needs a reader: NewDecoder(nil) and a zero Decoder end with
// ErrInvalidData instead of a nil dereference or a slice out of range.
func TestDecoderWithoutAReader(t *testing.T) {
	for _, dec := range []*mitch.Decoder{mitch.NewDecoder(nil), {}} {
		if dec.Next() || !errors.Is(dec.Err(), mitch.ErrInvalidData) || dec.Count() != 0 {
			t.Errorf("Next without a reader: %v", dec.Err())
		}
		if dec.Next() {
			t.Error("a second Next without a reader")
		}
	}
}
