/*
 * order_book.c - OrderBook bodies ('b', 2072 bytes): depth in 128 bins per
 * side.
 *
 *   off  size field
 *      0    8 ticker_id       u64, != 0
 *      8    8 mid_price       f64, finite and > 0
 *     16    1 bin_aggregator  0..3
 *     17    7 padding         zero
 *     24 1024 bids            128 x { count u32, volume u32 }
 *   1048 1024 asks            128 x { count u32, volume u32 }
 *
 * (One public table puts asks at 1040; 24 + 1024 = 1048 is the only layout
 * that sums to 2072.)
 */
#include <config.h>

#include "body.h"

enum {
  BOOK_TICKER_ID = 0,
  BOOK_MID_PRICE = 8,
  BOOK_AGGREGATOR = 16,
  BOOK_PADDING = 17,
  BOOK_BIDS = 24,
  BOOK_ASKS = 1048
};
#define BOOK_SIDE_SIZE (MITCH_BINS_PER_SIDE * MITCH_BIN_SIZE)
MITCH_STATIC_ASSERT(BOOK_MID_PRICE == BOOK_TICKER_ID + 8, "order book layout");
MITCH_STATIC_ASSERT(BOOK_AGGREGATOR == BOOK_MID_PRICE + 8, "order book layout");
MITCH_STATIC_ASSERT(BOOK_PADDING == BOOK_AGGREGATOR + 1, "order book layout");
MITCH_STATIC_ASSERT(BOOK_BIDS == BOOK_PADDING + 7, "order book layout");
MITCH_STATIC_ASSERT(BOOK_ASKS == BOOK_BIDS + BOOK_SIDE_SIZE, "order book layout");
MITCH_STATIC_ASSERT(BOOK_ASKS + BOOK_SIDE_SIZE == MITCH_ORDER_BOOK_SIZE, "order book size");
MITCH_STATIC_ASSERT(sizeof(mitch_bin) == MITCH_BIN_SIZE, "bin struct has no padding");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(order_book, ticker_id, BOOK_TICKER_ID);
LAYOUT_ASSERT_OFFSET(order_book, mid_price, BOOK_MID_PRICE);
LAYOUT_ASSERT_OFFSET(order_book, bin_aggregator, BOOK_AGGREGATOR);
LAYOUT_ASSERT_OFFSET(order_book, padding, BOOK_PADDING);
LAYOUT_ASSERT_OFFSET(order_book, bids, BOOK_BIDS);
LAYOUT_ASSERT_OFFSET(order_book, asks, BOOK_ASKS);

MITCH_INLINE int order_book_check(const mitch_order_book *v) {
  if (MITCH_UNLIKELY(v->ticker_id == 0 || !wire_positive_finite(v->mid_price) ||
                     v->bin_aggregator > LIMIT_AGGREGATOR_MAX))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  return MITCH_OK;
}

static void bins_store(const mitch_bin *bins, uint8_t *out) {
#if !defined(MITCH_BIG_ENDIAN)
  /* mitch_bin is two u32 without padding: on a little-endian host its
     memory image is the wire image. */
  memcpy(out, bins, BOOK_SIDE_SIZE);
#else
  unsigned i;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    wire_store_u32(out + i * MITCH_BIN_SIZE, bins[i].count);
    wire_store_u32(out + i * MITCH_BIN_SIZE + 4, bins[i].volume);
  }
#endif
}

static void bins_load(const uint8_t *in, mitch_bin *bins) {
#if !defined(MITCH_BIG_ENDIAN)
  memcpy(bins, in, BOOK_SIDE_SIZE);
#else
  unsigned i;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    bins[i].count = wire_load_u32(in + i * MITCH_BIN_SIZE);
    bins[i].volume = wire_load_u32(in + i * MITCH_BIN_SIZE + 4);
  }
#endif
}

MITCH_INLINE void order_book_store(const mitch_order_book *v, uint8_t *out) {
  wire_store_u64(out + BOOK_TICKER_ID, v->ticker_id);
  wire_store_f64(out + BOOK_MID_PRICE, v->mid_price);
  /* aggregator + 7 padding bytes as one u64 */
  wire_store_u64(out + BOOK_AGGREGATOR, v->bin_aggregator);
  bins_store(v->bids, out + BOOK_BIDS);
  bins_store(v->asks, out + BOOK_ASKS);
}

MITCH_INLINE void order_book_load(const uint8_t *in, mitch_order_book *v) {
  v->ticker_id = wire_load_u64(in + BOOK_TICKER_ID);
  v->mid_price = wire_load_f64(in + BOOK_MID_PRICE);
  v->bin_aggregator = in[BOOK_AGGREGATOR];
  bins_load(in + BOOK_BIDS, v->bids);
  bins_load(in + BOOK_ASKS, v->asks);
}

/* The stream validator only needs the header fields of a book; checking
   them without copying 2 KB of bins keeps bulk validation cheap. */
MITCH_INLINE void order_book_load_head(const uint8_t *in, mitch_order_book *v) {
  v->ticker_id = wire_load_u64(in + BOOK_TICKER_ID);
  v->mid_price = wire_load_f64(in + BOOK_MID_PRICE);
  v->bin_aggregator = in[BOOK_AGGREGATOR];
}

/* Bulk decode: the check read the head only; now the whole book. */
MITCH_INLINE void order_book_load_bulk(const uint8_t *in, const mitch_order_book *checked,
                                       mitch_order_book *out) {
  /* every byte written (MITCH_LOAD_WHOLE's rule) without clearing 2 KB of
     bins first: only the padding after the aggregator and at the end */
  const size_t gap = offsetof(mitch_order_book, bin_aggregator) + 1;
  const size_t tail = offsetof(mitch_order_book, asks) + sizeof out->asks;
  (void)checked;
  memset((uint8_t *)out + gap, 0, offsetof(mitch_order_book, bids) - gap);
  memset((uint8_t *)out + tail, 0, sizeof *out - tail);
  order_book_load(in, out);
}

MITCH_DEFINE_BODY_CODEC(order_book, mitch_order_book, MITCH_ORDER_BOOK_SIZE, order_book_load_head,
                        order_book_load_bulk, order_book_store)

int mitch_order_book_totals(const mitch_order_book *b, uint64_t *bid_volume,
                            uint64_t *ask_volume, uint64_t *bid_count, uint64_t *ask_count) {
  uint64_t bv = 0, av = 0, bc = 0, ac = 0;
  unsigned i;
  if (!b)
    return MITCH_ERR_INVALID_DATA;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    bv += b->bids[i].volume;
    av += b->asks[i].volume;
    bc += b->bids[i].count;
    ac += b->asks[i].count;
  }
  if (bid_volume)
    *bid_volume = bv;
  if (ask_volume)
    *ask_volume = av;
  if (bid_count)
    *bid_count = bc;
  if (ask_count)
    *ask_count = ac;
  return MITCH_OK;
}

/* Flat form: bins as 256 interleaved u32 (count, volume) per side. */
static void bins_from_flat(const uint32_t *flat, mitch_bin *bins) {
  unsigned i;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    bins[i].count = flat[2 * i];
    bins[i].volume = flat[2 * i + 1];
  }
}

static void bins_to_flat(const mitch_bin *bins, uint32_t *flat) {
  unsigned i;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    flat[2 * i] = bins[i].count;
    flat[2 * i + 1] = bins[i].volume;
  }
}

int mitch_pack_order_book(uint64_t ticker_id, double mid_price, uint8_t bin_aggregator,
                          const uint32_t *bid_bins, const uint32_t *ask_bins, uint8_t *out,
                          size_t out_len) {
  mitch_order_book v;
  if (!bid_bins || !ask_bins || !out)
    return MITCH_ERR_INVALID_DATA;
  v.ticker_id = ticker_id;
  v.mid_price = mid_price;
  v.bin_aggregator = bin_aggregator;
  bins_from_flat(bid_bins, v.bids);
  bins_from_flat(ask_bins, v.asks);
  return mitch_order_book_encode(&v, out, out_len);
}

int mitch_unpack_order_book(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                            double *mid_price, uint8_t *bin_aggregator, uint32_t *bid_bins,
                            uint32_t *ask_bins) {
  mitch_order_book v;
  int st;
  if (!ticker_id || !mid_price || !bin_aggregator || !bid_bins || !ask_bins)
    return MITCH_ERR_INVALID_DATA;
  st = mitch_order_book_decode(bytes, len, &v);
  if (st != MITCH_OK)
    return st;
  *ticker_id = v.ticker_id;
  *mid_price = v.mid_price;
  *bin_aggregator = v.bin_aggregator;
  bins_to_flat(v.bids, bid_bins);
  bins_to_flat(v.asks, ask_bins);
  return MITCH_OK;
}
