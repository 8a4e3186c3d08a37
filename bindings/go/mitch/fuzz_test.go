package mitch_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// FuzzDecode feeds arbitrary bytes to every reading path (CI runs it with
// a bounded -fuzztime; go test runs the seeds).  No input may panic, and
// the paths must agree: the iterator, the stream check, the streaming
// decoder and the capture decoder see the same messages and stop at the
// same damage; whatever decodes, re-encodes to the same values.
func FuzzDecode(f *testing.F) {
	capture := aCapture(f)
	f.Add(capture)
	f.Add(capture[:len(capture)-1])
	f.Add([]byte{})
	f.Add([]byte{'t', 0, 0, 0, 0, 0, 0, 0})
	book, _ := mitch.AppendMessage(nil, 5, []mitch.OrderBook{aBook()})
	f.Add(book)
	f.Fuzz(func(t *testing.T, data []byte) {
		it := mitch.Messages(data)
		end := 0
		var trades []mitch.Trade
		for it.Next() {
			m := it.Message()
			if m.Offset != end {
				t.Fatalf("message at %d, want %d", m.Offset, end)
			}
			end += len(m.Bytes)
			roundTrip(t, m)
			if m.Header.MessageType == mitch.MsgTrade {
				trades, _ = m.Trades(trades)
			}
		}
		info, serr := mitch.ValidateStream(data, 0)
		ierr := it.Err()
		if (ierr == nil) != (serr == nil) || info.Messages != it.Count() {
			t.Fatalf("iterator: %d messages, %v; ValidateStream: %d, %v", it.Count(), ierr, info.Messages, serr)
		}
		if ierr == nil && end != len(data) {
			t.Fatalf("a clean end at %d of %d bytes", end, len(data))
		}
		var e *mitch.Error
		if ierr != nil {
			if !errors.As(ierr, &e) || e.MessageOffset != end || e.Offset < end || e.Offset > len(data) {
				t.Fatalf("damage reported at %d (message %d) after %d good bytes: %v", e.Offset, e.MessageOffset, end, ierr)
			}
			if !errors.Is(serr, e.Status) {
				t.Fatalf("the iterator says %v, ValidateStream %v", ierr, serr)
			}
		}
		dec := mitch.NewDecoder(bytes.NewReader(data))
		for dec.Next() {
		}
		if dec.Count() != it.Count() || (dec.Err() == nil) != (ierr == nil) {
			t.Fatalf("Decoder: %d messages, %v; iterator %d, %v", dec.Count(), dec.Err(), it.Count(), ierr)
		}
		c, cerr := mitch.DecodeCapture(data)
		if (cerr == nil) != (ierr == nil) || len(c.Trades) < len(trades) {
			t.Fatalf("DecodeCapture: %v (%d trades); iterator %v (%d)", cerr, len(c.Trades), ierr, len(trades))
		}
		for i := range trades {
			if c.Trades[i] != trades[i] {
				t.Fatalf("trade %d differs", i)
			}
		}
		// Each body type straight from the bytes.
		var tr mitch.Trade
		if tr.Decode(data) == nil {
			var back mitch.Trade
			w, err := tr.MarshalBinary()
			if err != nil || back.Decode(w) != nil || back != tr {
				t.Fatalf("a decoded trade does not re-encode: %v", err)
			}
		}
		var ob mitch.OrderBook
		_ = ob.Decode(data)
		var h mitch.Header
		_ = h.Decode(data)
	})
}

// roundTrip decodes a message's bodies and encodes them again: the same
// values come back.
func roundTrip(t *testing.T, m *mitch.Message) {
	t.Helper()
	switch m.Header.MessageType {
	case mitch.MsgTrade:
		again(t, m, func(d []mitch.Trade) ([]mitch.Trade, error) { return m.Trades(d) })
	case mitch.MsgOrder:
		again(t, m, func(d []mitch.Order) ([]mitch.Order, error) { return m.Orders(d) })
	case mitch.MsgTick:
		again(t, m, func(d []mitch.Tick) ([]mitch.Tick, error) { return m.Ticks(d) })
	case mitch.MsgIndex:
		again(t, m, func(d []mitch.Index) ([]mitch.Index, error) { return m.Indices(d) })
	case mitch.MsgOrderBook:
		again(t, m, func(d []mitch.OrderBook) ([]mitch.OrderBook, error) { return m.OrderBooks(d) })
	default:
		t.Fatalf("a message of type %v was handed out", m.Header.MessageType)
	}
}

func again[T mitch.Body](t *testing.T, m *mitch.Message, decode func([]T) ([]T, error)) {
	bodies, err := decode(nil)
	if err != nil || len(bodies) != int(m.Header.Count) {
		t.Fatalf("a validated message does not decode: %v", err)
	}
	wire, err := mitch.AppendMessage(nil, m.Header.Timestamp, bodies)
	if err != nil {
		t.Fatalf("decoded bodies do not encode: %v", err)
	}
	back, err := mitch.DecodeAll[T](wire[mitch.HeaderSize:])
	if err != nil || len(back) != len(bodies) {
		t.Fatalf("re-encoded bodies do not decode: %v", err)
	}
	for i := range back {
		if !same(back[i], bodies[i]) {
			t.Fatalf("body %d changed in a round trip", i)
		}
	}
}

// same compares bodies, floats by bits (a NaN never decodes, but be exact).
func same[T mitch.Body](a, b T) bool {
	x, _ := mitch.AppendBatch(nil, []T{a})
	y, _ := mitch.AppendBatch(nil, []T{b})
	return bytes.Equal(x, y)
}
