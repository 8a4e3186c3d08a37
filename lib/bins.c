/*
 * bins.c - order-book bin boundaries: from a bin to its prices and from a
 * price to its bin.
 *
 * Both directions compute an edge the same way, mid * (1 +- end/100), so a
 * price read off mitch_bin_price_range() falls back into the same bin.
 */
#include <config.h>

#include "bins.h"
#include "wire.h"

/* Bin ends are percentages of mid. */
#define PERCENT 100.0

static const char *const aggregator_names[MITCH_BIN_AGGREGATORS] = {
    "DEFAULT_LINGAUSSIAN", "DEFAULT_LINGEOFLAT", "DEFAULT_BILINGEO", "DEFAULT_TRILINEAR"};

int mitch_bin_table(uint8_t aggregator, const double **ends) {
  if (!ends)
    return MITCH_ERR_INVALID_DATA;
  if (aggregator >= MITCH_BIN_AGGREGATORS)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *ends = libmitch_bin_ends[aggregator];
  return MITCH_OK;
}

const char *mitch_bin_aggregator_name(uint8_t aggregator) {
  return aggregator < MITCH_BIN_AGGREGATORS ? aggregator_names[aggregator] : NULL;
}

/* Edge i of a side (i = -1 is mid itself); bid edges are floored at 0.
   The volatile rounds the edge to double on x87 (i386) as well, so the
   edge compared in mitch_bin_for_price is exactly the one handed out by
   mitch_bin_price_range. */
static double edge_price(double mid, const double *ends, int side, int i) {
  volatile double price;
  if (i < 0)
    return mid;
  if (side == MITCH_BOOK_ASK) {
    price = mid * (1.0 + ends[i] / PERCENT);
    return price;
  }
  price = mid * (1.0 - ends[i] / PERCENT);
  return price > 0.0 ? price : 0.0;
}

int mitch_bin_price_range(double mid, uint8_t aggregator, int side, unsigned bin,
                          double *start, double *end) {
  const double *ends;
  if (aggregator >= MITCH_BIN_AGGREGATORS || bin >= MITCH_BINS_PER_SIDE ||
      (side != MITCH_BOOK_BID && side != MITCH_BOOK_ASK) || !wire_positive_finite(mid))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  ends = libmitch_bin_ends[aggregator];
  if (start)
    *start = edge_price(mid, ends, side, (int)bin - 1);
  if (end)
    *end = edge_price(mid, ends, side, (int)bin);
  return MITCH_OK;
}

int mitch_bin_for_price(double mid, uint8_t aggregator, int side, double price,
                        unsigned *bin) {
  const double *ends;
  unsigned lo, hi;
  if (!bin)
    return MITCH_ERR_INVALID_DATA;
  if (aggregator >= MITCH_BIN_AGGREGATORS || (side != MITCH_BOOK_BID && side != MITCH_BOOK_ASK) ||
      !wire_positive_finite(mid) || !wire_positive_finite(price))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if (side == MITCH_BOOK_ASK ? price < mid : price > mid)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  ends = libmitch_bin_ends[aggregator];
  /* Smallest i whose far edge reaches the price; edges grow away from mid,
     so binary search over the non-decreasing table. */
  lo = 0;
  hi = MITCH_BINS_PER_SIDE - 1; /* beyond the last edge: bin 127 */
  while (lo < hi) {
    unsigned m = lo + (hi - lo) / 2;
    double e = edge_price(mid, ends, side, (int)m);
    int reached = side == MITCH_BOOK_ASK ? price <= e : price >= e;
    if (reached)
      hi = m;
    else
      lo = m + 1;
  }
  *bin = lo;
  return MITCH_OK;
}
