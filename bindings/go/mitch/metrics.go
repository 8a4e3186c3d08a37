package mitch

/*
#include "glue.h"

typedef struct { int status; double start, end; } mitchgo_range_result;
static mitchgo_range_result mitchgo_bin_price_range(double mid, uint8_t agg, int side, unsigned bin) {
  mitchgo_range_result r = {0, 0, 0};
  r.status = mitch_bin_price_range(mid, agg, side, bin, &r.start, &r.end);
  return r;
}
typedef struct { int status; unsigned bin; } mitchgo_bin_result;
static mitchgo_bin_result mitchgo_bin_for_price(double mid, uint8_t agg, int side, double price) {
  mitchgo_bin_result r = {0, 0};
  r.status = mitch_bin_for_price(mid, agg, side, price, &r.bin);
  return r;
}
typedef struct { int status; const double *ends; } mitchgo_table_result;
static mitchgo_table_result mitchgo_bin_table(uint8_t agg) {
  mitchgo_table_result r = {0, 0};
  r.status = mitch_bin_table(agg, &r.ends);
  return r;
}
*/
import "C"

import "unsafe"

// TickMetrics are values derived from a tick.
type TickMetrics struct {
	Mid         float64 // (bid + ask) / 2
	Spread      float64 // ask - bid
	SpreadBps   float64 // spread / mid * 10000
	Imbalance   float64 // (ask_vol - bid_vol) / (ask_vol + bid_vol)
	TotalVolume uint64
}

// Metrics of any tick, a crossed one too (no validation).
func (t *Tick) Metrics() TickMetrics {
	m := C.mitchgo_tick_metrics(t.c())
	return TickMetrics{float64(m.mid), float64(m.spread), float64(m.spread_bps), float64(m.imbalance),
		uint64(m.total_volume)}
}

// IndexMetrics are values derived from an index.
type IndexMetrics struct {
	BestBidPrice, BestAskPrice, WorstBidPrice, WorstAskPrice float64
	MeanSpread                                               float64 // in price units
	Volatility, Liquidity, Trend, Momentum                   float64
	ConfidenceBand                                           string // "very high" ... "very low"
}

// Metrics of an index.
func (x *Index) Metrics() IndexMetrics {
	m := C.mitchgo_index_metrics(x.c())
	return IndexMetrics{float64(m.best_bid_price), float64(m.best_ask_price), float64(m.worst_bid_price),
		float64(m.worst_ask_price), float64(m.mean_spread), float64(m.volatility), float64(m.liquidity),
		float64(m.trend), float64(m.momentum), C.GoString(m.confidence_band)}
}

// BinTable is the 128 bin ends of an aggregator, in percent of mid (a copy).
func BinTable(a BinAggregator) ([]float64, error) {
	r := C.mitchgo_bin_table(C.uint8_t(a))
	if r.status != C.MITCH_OK {
		return nil, statusError("BinTable", r.status)
	}
	ends := (*[BinsPerSide]C.double)(unsafe.Pointer(r.ends))
	out := make([]float64, BinsPerSide)
	for i := range out {
		out[i] = float64(ends[i])
	}
	return out, nil
}

// BinPriceRange is the price range of a bin; start is the edge nearer mid.
func BinPriceRange(mid float64, a BinAggregator, side BookSide, bin int) (start, end float64, err error) {
	// A bin or side that C's unsigned / int cannot hold is refused, not
	// wrapped into one it can (1<<32 + 5 is not bin 5); the C call judges
	// the rest.
	if bin < 0 || int(C.uint(bin)) != bin {
		return 0, 0, &Error{Status: StatusInvalidFieldValue, Op: "BinPriceRange", Field: "bin"}
	}
	if BookSide(C.int(side)) != side {
		return 0, 0, &Error{Status: StatusInvalidFieldValue, Op: "BinPriceRange", Field: "side"}
	}
	r := C.mitchgo_bin_price_range(C.double(mid), C.uint8_t(a), C.int(side), C.uint(bin))
	if r.status != C.MITCH_OK {
		return 0, 0, statusError("BinPriceRange", r.status)
	}
	return float64(r.start), float64(r.end), nil
}

// BinForPrice is the bin a price falls into.
func BinForPrice(mid float64, a BinAggregator, side BookSide, price float64) (int, error) {
	if BookSide(C.int(side)) != side { // as in BinPriceRange
		return 0, &Error{Status: StatusInvalidFieldValue, Op: "BinForPrice", Field: "side"}
	}
	r := C.mitchgo_bin_for_price(C.double(mid), C.uint8_t(a), C.int(side), C.double(price))
	if r.status != C.MITCH_OK {
		return 0, statusError("BinForPrice", r.status)
	}
	return int(r.bin), nil
}
