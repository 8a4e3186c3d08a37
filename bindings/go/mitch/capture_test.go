package mitch_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

func TestCaptureDecodeInOnePass(t *testing.T) {
	buf := aCapture(t)
	n, err := mitch.CountCapture(buf)
	if err != nil || n != (mitch.CaptureCounts{Trades: 3, Orders: 2, Ticks: 1, Indices: 1}) {
		t.Fatalf("CountCapture: %+v, %v", n, err)
	}
	c, err := mitch.DecodeCapture(buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Trades) != 3 || c.Trades[2] != aTrade(3) || c.TradeTimestamps[0] != 1000 ||
		len(c.Orders) != 2 || c.OrderTimestamps[1] != 2000 || c.Ticks[0] != aTick() || c.IndexTimestamps[0] != 4000 ||
		len(c.OrderBooks) != 0 {
		t.Errorf("decoded %+v", c)
	}
	// Reusing the slices: one pass, no new arrays.
	again := &mitch.Capture{Trades: make([]mitch.Trade, 0, 8), TradeTimestamps: make([]uint64, 0, 8)}
	if err := again.DecodeFrom(buf); err != nil || len(again.Trades) != 3 || len(again.Orders) != 0 {
		t.Errorf("DecodeFrom: %d trades, %v", len(again.Trades), err)
	}
	small := &mitch.Capture{Trades: make([]mitch.Trade, 0, 2)}
	if err := small.DecodeFrom(buf); !errors.Is(err, mitch.ErrBufferTooSmall) || len(small.Trades) != 2 {
		t.Errorf("too small: %d trades, %v", len(small.Trades), err)
	}
}

func TestCaptureDamageKeepsThePrefix(t *testing.T) {
	buf := aCapture(t)
	bad := append([]byte{}, buf...)
	copy(bad[8+2*32+16:8+2*32+20], make([]byte, 4)) // quantity 0 of trade 3
	c, err := mitch.DecodeCapture(bad)
	var e *mitch.Error
	if !errors.As(err, &e) || e.Status != mitch.StatusInvalidFieldValue {
		t.Fatalf("DecodeCapture: %v", err)
	}
	if len(c.Trades) != 2 || c.Trades[1] != aTrade(2) || len(c.Orders) != 0 {
		t.Errorf("the prefix: %d trades, %d orders", len(c.Trades), len(c.Orders))
	}
	if e.Field != "quantity" || e.Offset != 8+2*32+16 || e.MessageOffset != 0 {
		t.Errorf("the error names %q at byte %d (message at %d)", e.Field, e.Offset, e.MessageOffset)
	}
}

func TestCaptureEncodeRoundTrip(t *testing.T) {
	trades := []mitch.Trade{aTrade(1), aTrade(2), aTrade(3), aTrade(4)}
	stamps := []uint64{10, 10, 20, 20}
	out, err := mitch.AppendCapture([]byte("x"), trades, stamps)
	if err != nil || out[0] != 'x' {
		t.Fatalf("AppendCapture: %v", err)
	}
	c, err := mitch.DecodeCapture(out[1:])
	if err != nil || len(c.Trades) != 4 || c.Trades[3] != trades[3] || c.TradeTimestamps[2] != 20 {
		t.Fatalf("round trip: %+v, %v", c, err)
	}
	if it := mitch.Messages(out[1:]); it.Next() && it.Message().Header.Count != 2 {
		t.Errorf("a new message starts when the timestamp changes")
	}
	trades[1].Price = 0
	keep := []byte("keep")
	if got, err := mitch.AppendCapture(keep, trades, stamps); !errors.Is(err, mitch.ErrInvalidFieldValue) ||
		!bytes.Equal(got, keep) {
		t.Errorf("a bad body: %q, %v", got, err)
	}
	if _, err := mitch.AppendCapture(nil, trades, stamps[:3]); !errors.Is(err, mitch.ErrInvalidData) {
		t.Errorf("missing timestamps: %v", err)
	}
}

// The details of an error come from the library's checker (1.1).
func TestErrorsNameTheFieldAndTheRule(t *testing.T) {
	tk := aTick()
	tk.BidPrice, tk.AskPrice = 1.05, 1.02 // crossed
	err := tk.Validate()
	var e *mitch.Error
	if !errors.As(err, &e) || e.Field == "" || e.Rule == "" || e.Text == "" {
		t.Fatalf("a crossed tick: %#v", err)
	}
	if e.Field != "ask_price" && e.Field != "bid_price" {
		t.Errorf("field %q", e.Field)
	}
	tr := aTrade(1)
	wire, _ := tr.MarshalBinary()
	copy(wire[8:16], make([]byte, 8)) // price 0
	if err := tr.Decode(wire); !errors.As(err, &e) || e.Field != "price" || e.Offset != 8 {
		t.Errorf("price 0 on the wire: %#v", err)
	}
}

// Timestamps with room but bodies without: the type is only validated, as
// DecodeFrom says (it was decoded into the timestamps alone, and a capture
// with more trades than they hold failed with ErrBufferTooSmall).
func TestCaptureTimestampsWithoutBodiesAreOnlyValidated(t *testing.T) {
	buf := aCapture(t) // 3 trades, 2 orders, a tick, an index
	c := &mitch.Capture{TradeTimestamps: make([]uint64, 0, 2),
		Orders: make([]mitch.Order, 0, 4), OrderTimestamps: make([]uint64, 0, 4)}
	if err := c.DecodeFrom(buf); err != nil {
		t.Fatalf("DecodeFrom: %v", err)
	}
	if len(c.Trades) != 0 || len(c.TradeTimestamps) != 0 {
		t.Errorf("trades without room: %d bodies, timestamps %v", len(c.Trades), c.TradeTimestamps)
	}
	if len(c.Orders) != 2 || c.Orders[1] != anOrder(8) || len(c.OrderTimestamps) != 2 || c.OrderTimestamps[0] != 2000 {
		t.Errorf("orders: %+v at %v", c.Orders, c.OrderTimestamps)
	}
	// Only timestamps anywhere: every type is only validated.
	only := &mitch.Capture{TradeTimestamps: make([]uint64, 0, 1)}
	if err := only.DecodeFrom(buf); err != nil || len(only.TradeTimestamps) != 0 {
		t.Errorf("timestamps only: %v, %v", only.TradeTimestamps, err)
	}
}
