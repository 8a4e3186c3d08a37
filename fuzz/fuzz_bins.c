/*
 * fuzz_bins.c - the order-book bin helpers over arbitrary doubles.
 *
 * Input: mid and price (raw bit patterns, or - selected by a mode byte -
 * a price a small relative step from mid, so the valid region is reached
 * often), aggregator, side and bin bytes.
 *
 * Properties (protocol.md, "OrderBook"):
 *  - every table has 128 non-decreasing ends in percent, from a positive
 *    first end;
 *  - mitch_bin_for_price refuses exactly: unknown aggregator or side, a mid
 *    or price that is not finite and > 0, a price on the wrong side of
 *    mid; otherwise its bin is the smallest i whose far edge reaches the
 *    price (127 beyond the last edge), checked against an independent
 *    linear scan over mitch_bin_price_range;
 *  - ranges start where the previous bin ends, move away from mid, and bid
 *    edges never go below 0;
 *  - a price read off a bin's far edge falls back into a bin with the same
 *    far edge (the same bin unless bins have zero width).
 */
#include <math.h>

#include "fuzz_util.h"

static int positive_finite(double d) {
  return isfinite(d) && d > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_reader r;
  double mid, price, start, end, prev_end;
  uint8_t mode, agg, raw_side;
  int side, valid_args, st;
  unsigned bin_arg, bin = 999, i, scan;
  const double *ends = NULL;

  r.p = data;
  r.left = size;
  mode = fuzz_u8(&r);
  agg = fuzz_u8(&r) % 6; /* 4 and 5 are invalid */
  raw_side = fuzz_u8(&r);
  side = raw_side % 3 == 2 ? (int)(int8_t)raw_side : raw_side % 3; /* sometimes invalid */
  bin_arg = fuzz_u8(&r);
  mid = fuzz_f64(&r);
  if (mode & 1) {
    /* a price near mid: mid * (1 +- k * 1e-6), k from the input */
    int32_t k = (int32_t)fuzz_u32(&r);
    price = mid * (1.0 + (double)(k % 4000000) * 1e-6);
  } else {
    price = fuzz_f64(&r);
  }
  if (mode & 2)
    mid = fabs(fmod(mid, 1e6)) + 1e-3; /* a finite positive mid */

  /* tables */
  st = mitch_bin_table(agg, &ends);
  FUZZ_ASSERT(st == (agg <= 3 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE));
  FUZZ_ASSERT(mitch_bin_table(agg, NULL) == MITCH_ERR_INVALID_DATA);
  FUZZ_ASSERT((mitch_bin_aggregator_name(agg) != NULL) == (agg <= 3));
  if (st == MITCH_OK) {
    FUZZ_ASSERT(ends[0] > 0);
    for (i = 1; i < 128; i++)
      FUZZ_ASSERT(ends[i] >= ends[i - 1]);
  }

  valid_args = agg <= 3 && (side == MITCH_BOOK_BID || side == MITCH_BOOK_ASK) &&
               positive_finite(mid);

  /* ranges: contiguous, moving away from mid, bid floored at 0 */
  st = mitch_bin_price_range(mid, agg, side, bin_arg, &start, &end);
  FUZZ_ASSERT(st == (valid_args && bin_arg < 128 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE));
  if (valid_args) {
    prev_end = mid;
    for (i = 0; i < 128; i++) {
      FUZZ_ASSERT(mitch_bin_price_range(mid, agg, side, i, &start, &end) == MITCH_OK);
      FUZZ_ASSERT(start == prev_end);
      if (side == MITCH_BOOK_ASK)
        FUZZ_ASSERT(end >= start && end >= mid);
      else
        FUZZ_ASSERT(end <= start && end >= 0 && end <= mid);
      prev_end = end;
    }
    FUZZ_ASSERT(mitch_bin_price_range(mid, agg, side, 0, NULL, NULL) == MITCH_OK);
  }

  /* price -> bin, against a linear scan over the ranges */
  st = mitch_bin_for_price(mid, agg, side, price, &bin);
  FUZZ_ASSERT(mitch_bin_for_price(mid, agg, side, price, NULL) == MITCH_ERR_INVALID_DATA);
  if (!valid_args || !positive_finite(price) ||
      (side == MITCH_BOOK_ASK ? price < mid : price > mid)) {
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_FIELD_VALUE && bin == 999);
  } else {
    FUZZ_ASSERT(st == MITCH_OK && bin < 128);
    for (scan = 0; scan < 127; scan++) {
      FUZZ_ASSERT(mitch_bin_price_range(mid, agg, side, scan, NULL, &end) == MITCH_OK);
      if (side == MITCH_BOOK_ASK ? price <= end : price >= end)
        break;
    }
    FUZZ_ASSERT(bin == scan);
    if (price == mid)
      FUZZ_ASSERT(bin == 0);
    /* the far edge of that bin maps back to a bin with the same edge */
    FUZZ_ASSERT(mitch_bin_price_range(mid, agg, side, bin, NULL, &end) == MITCH_OK);
    if (positive_finite(end) && bin < 127) {
      unsigned back = 999;
      double back_end;
      FUZZ_ASSERT(mitch_bin_for_price(mid, agg, side, end, &back) == MITCH_OK);
      FUZZ_ASSERT(back <= bin);
      FUZZ_ASSERT(mitch_bin_price_range(mid, agg, side, back, NULL, &back_end) == MITCH_OK);
      FUZZ_ASSERT(back_end == end);
    }
  }
  return 0;
}
