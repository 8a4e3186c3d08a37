package mitch_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// EUR/USD spot, as resolution/tickers.tsv gives it.
const eurusd = 0x0305153138900000

func aTrade(id uint32) mitch.Trade {
	side := mitch.Buy
	if id%2 == 0 {
		side = mitch.Sell
	}
	return mitch.Trade{TickerID: eurusd, Price: 1.0875 + float64(id)*1e-5, Quantity: 1000 * id, TradeID: id, Side: side}
}

func anOrder(id uint32) mitch.Order {
	return mitch.Order{TickerID: eurusd, OrderID: id, Price: 1.08, Quantity: 500, OrderType: mitch.Limit,
		Side: mitch.Sell, ExpiryMs: 1700000000000}
}

func aTick() mitch.Tick {
	return mitch.Tick{TickerID: eurusd, BidPrice: 1.0874, AskPrice: 1.0876, BidVolume: 100, AskVolume: 300}
}

func anIndex() mitch.Index {
	return mitch.Index{TickerID: eurusd, Mid: 1.0875, VBid: 10, VAsk: 20, MSpread: 150, BBidO: -100, BAskO: 100,
		WBidO: -900, WAskO: 900, VForce: 5000, LForce: 6000, TForce: -200, MForce: 300, Confidence: 90,
		Rejected: 1, Accepted: 5}
}

func aBook() mitch.OrderBook {
	b := mitch.OrderBook{TickerID: eurusd, MidPrice: 1.0875, BinAggregator: mitch.BiLinGeo}
	for i := range b.Bids {
		b.Bids[i] = mitch.Bin{Count: uint32(i), Volume: uint32(10 * i)}
		b.Asks[i] = mitch.Bin{Count: uint32(i + 1), Volume: uint32(7 * i)}
	}
	return b
}

// aCapture is four messages: 3 trades (t=1000), 2 orders (2000), a tick
// (3000) and an index (4000).
func aCapture(t testing.TB) []byte {
	t.Helper()
	var buf []byte
	var err error
	if buf, err = mitch.AppendMessage(buf, 1000, []mitch.Trade{aTrade(1), aTrade(2), aTrade(3)}); err != nil {
		t.Fatal(err)
	}
	if buf, err = mitch.AppendMessage(buf, 2000, []mitch.Order{anOrder(7), anOrder(8)}); err != nil {
		t.Fatal(err)
	}
	if buf, err = mitch.AppendMessage(buf, 3000, []mitch.Tick{aTick()}); err != nil {
		t.Fatal(err)
	}
	if buf, err = mitch.AppendMessage(buf, 4000, []mitch.Index{anIndex()}); err != nil {
		t.Fatal(err)
	}
	return buf
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// The project's copy of the vectors, or MITCH_VECTORS_DIR.
func vectorsDir() string {
	if d := os.Getenv("MITCH_VECTORS_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "tests", "vectors")
}
