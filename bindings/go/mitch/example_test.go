package mitch_test

import (
	"errors"
	"fmt"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// Resolve a symbol, encode two trades, read them back, see an error.
func Example() {
	// What a trader types -> the 64-bit ticker id the wire carries
	eurusd, err := mitch.ResolveTicker("EURUSD.m", mitch.Spot)
	if err != nil {
		panic(err)
	}
	fmt.Printf("EURUSD.m is %s/%s, ticker %#016x\n", eurusd.Base.Name, eurusd.Quote.Name, eurusd.TickerID)

	// Two trades in one message at 09:30 (ns since midnight UTC)
	trades := []mitch.Trade{
		{TickerID: eurusd.TickerID, Price: 1.0875, Quantity: 1000000, TradeID: 1, Side: mitch.Buy},
		{TickerID: eurusd.TickerID, Price: 1.08752, Quantity: 250000, TradeID: 2, Side: mitch.Sell},
	}
	wire, err := mitch.AppendMessage(nil, 34200000000000, trades)
	if err != nil {
		panic(err)
	}

	// Read a capture in place; the bodies of a message in one call
	it := mitch.Messages(wire)
	for it.Next() {
		msg := it.Message()
		bodies, err := msg.Trades(nil)
		if err != nil {
			panic(err)
		}
		for _, t := range bodies {
			fmt.Printf("%d: trade %d %s %d @ %.5f\n", msg.Header.Timestamp, t.TradeID, t.Side, t.Quantity, t.Price)
		}
	}
	if err := it.Err(); err != nil {
		panic(err)
	}

	// A broken rule is an error that names it
	trades[0].Price = -1.0
	_, err = mitch.AppendMessage(nil, 34200000000000, trades)
	var e *mitch.Error
	if errors.Is(err, mitch.ErrInvalidFieldValue) && errors.As(err, &e) {
		fmt.Printf("refused: %s (%s) at byte %d\n", e.Field, e.Rule, e.Offset)
	}
	// Output:
	// EURUSD.m is Euro/US Dollar, ticker 0x0305153138900000
	// 34200000000000: trade 1 buy 1000000 @ 1.08750
	// 34200000000000: trade 2 sell 250000 @ 1.08752
	// refused: price (must be finite and greater than zero) at byte 16
}
