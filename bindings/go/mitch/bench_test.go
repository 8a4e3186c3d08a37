package mitch_test

import (
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/internal/cbench"
	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// go test -bench . ./mitch: each Go row beside the C row doing the
// identical work in a C loop (cmd/mitch-bench prints medians of 5 runs).

func BenchmarkTradeEncode(b *testing.B) {
	tr := aTrade(1)
	buf := make([]byte, 32)
	for i := 0; i < b.N; i++ {
		tr.TradeID = uint32(i + 1)
		if err := tr.Encode(buf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTradeEncodeC(b *testing.B) {
	buf := make([]byte, 32)
	cbench.TradeEncode(b.N, buf)
}

func BenchmarkTradeDecode(b *testing.B) {
	buf, _ := aTrade(1).MarshalBinary()
	var tr mitch.Trade
	for i := 0; i < b.N; i++ {
		buf[20] = byte(i | 1)
		if err := tr.Decode(buf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTradeDecodeC(b *testing.B) {
	buf, _ := aTrade(1).MarshalBinary()
	cbench.TradeDecode(b.N, buf)
}

const batchBodies = 1000000

func batchWire(b *testing.B) []byte {
	trades := make([]mitch.Trade, batchBodies)
	for i := range trades {
		trades[i] = mitch.Trade{TickerID: eurusd + uint64(i), Price: 1 + float64(i%1000)*1e-4,
			Quantity: uint32(i%5000 + 1), TradeID: uint32(i + 1), Side: mitch.Side(i % 2)}
	}
	wire, err := mitch.AppendBatch(nil, trades)
	if err != nil {
		b.Fatal(err)
	}
	return wire
}

func BenchmarkDecodeBatch1M(b *testing.B) {
	wire := batchWire(b)
	out := make([]mitch.Trade, batchBodies)
	b.SetBytes(int64(len(wire)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := mitch.DecodeBatch(out, wire); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeBatch1MC(b *testing.B) {
	wire := batchWire(b)
	out := make([]byte, batchBodies*cbench.TradeSize)
	b.SetBytes(int64(len(wire)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if st := cbench.DecodeBatch(wire, out, batchBodies); st != 0 {
			b.Fatal(st)
		}
	}
}
