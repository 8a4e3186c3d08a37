// Command mitch-bench measures what the Go binding costs over C doing the
// identical work (bindings.md): a scalar pack and unpack of a trade and the
// bulk decode of 1,000,000 trade bodies, and the cost of a bare cgo call
// for scale, each timed -runs times (default 5) in this one process, Go and C interleaved, printed as the median with
// the fastest and slowest run.
//
//	cd bindings/go && PKG_CONFIG_PATH=<build dir> go run ./cmd/mitch-bench
//
// Run it pinned to one core for stable numbers (taskset -c 1).
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/mitch-protocol/libmitch/bindings/go/internal/cbench"
	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

var sink uint64

func timePerOp(n int, f func(n int)) float64 {
	start := time.Now()
	f(n)
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

type stats struct{ median, min, max float64 }

func summarize(v []float64) stats {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	m := s[n/2]
	if n%2 == 0 {
		m = (s[n/2-1] + s[n/2]) / 2
	}
	return stats{m, s[0], s[n-1]}
}

func main() {
	runs := flag.Int("runs", 5, "timed runs per row")
	scalar := flag.Int("scalar", 5000000, "calls per scalar run")
	bodies := flag.Int("bodies", 1000000, "trade bodies in the bulk decode")
	flag.Parse()
	if *runs < 1 || *scalar < 1 || *bodies < 1 {
		flag.Usage()
		os.Exit(2)
	}
	const eurusd = 0x0305153138900000
	buf := make([]byte, 32)
	tr := mitch.Trade{TickerID: eurusd, Price: 1.0875, Quantity: 100, TradeID: 1, Side: mitch.Buy}
	if err := tr.Encode(buf); err != nil {
		panic(err)
	}
	trades := make([]mitch.Trade, *bodies)
	for i := range trades {
		trades[i] = mitch.Trade{TickerID: eurusd + uint64(i), Price: 1 + float64(i%1000)*1e-4,
			Quantity: uint32(i%5000 + 1), TradeID: uint32(i + 1), Side: mitch.Side(i % 2)}
	}
	wire, err := mitch.AppendBatch(nil, trades)
	if err != nil {
		panic(err)
	}
	out := make([]mitch.Trade, *bodies)
	cout := make([]byte, *bodies*cbench.TradeSize)

	rows := []struct {
		name  string
		unit  string
		scale float64
		base  int // the row it is compared with
		run   func() float64
	}{
		{"C   mitch_trade_encode", "ns", 1, 0, func() float64 {
			return timePerOp(*scalar, func(n int) { sink += cbench.TradeEncode(n, buf) })
		}},
		{"Go  Trade.Encode", "ns", 1, 0, func() float64 {
			return timePerOp(*scalar, func(n int) {
				t := tr
				for i := 0; i < n; i++ {
					t.TradeID = uint32(i + 1)
					if t.Encode(buf) != nil {
						panic("encode")
					}
				}
			})
		}},
		{"C   mitch_trade_decode", "ns", 1, 2, func() float64 {
			return timePerOp(*scalar, func(n int) { sink += cbench.TradeDecode(n, buf) })
		}},
		{"Go  Trade.Decode", "ns", 1, 2, func() float64 {
			return timePerOp(*scalar, func(n int) {
				var t mitch.Trade
				for i := 0; i < n; i++ {
					buf[20] = byte(i | 1)
					if t.Decode(buf) != nil {
						panic("decode")
					}
					sink += uint64(t.TradeID)
				}
			})
		}},
		{"Go  cgo call of an empty C function", "ns", 1, 0, func() float64 {
			return timePerOp(*scalar, func(n int) {
				for i := 0; i < n; i++ {
					cbench.Nothing()
				}
			})
		}},
		{fmt.Sprintf("C   mitch_trade_decode_batch, %d bodies", *bodies), "ms", 1e-6, 5, func() float64 {
			return timePerOp(1, func(int) {
				if cbench.DecodeBatch(wire, cout, *bodies) != 0 {
					panic("c batch")
				}
			})
		}},
		{fmt.Sprintf("Go  mitch.DecodeBatch, %d bodies", *bodies), "ms", 1e-6, 5, func() float64 {
			return timePerOp(1, func(int) {
				if _, err := mitch.DecodeBatch(out, wire); err != nil {
					panic(err)
				}
			})
		}},
	}
	samples := make([][]float64, len(rows))
	for r := 0; r < *runs; r++ {
		for i, row := range rows {
			samples[i] = append(samples[i], row.run())
		}
	}
	fmt.Printf("libmitch %s, Go binding vs C, median (min..max) of %d runs in one process\n", mitch.Version(), *runs)
	for i, row := range rows {
		s, b := summarize(samples[i]), summarize(samples[row.base])
		fmt.Printf("  %-46s %9.2f %s (%.2f..%.2f)  %+7.1f%% vs C\n", row.name, s.median*row.scale, row.unit,
			s.min*row.scale, s.max*row.scale, (s.median/b.median-1)*100)
	}
	c, g := summarize(samples[5]), summarize(samples[6])
	fmt.Printf("  bulk throughput: C %.2f GB/s, Go %.2f GB/s (wire bytes)\n",
		float64(len(wire))/c.median, float64(len(wire))/g.median)
}
