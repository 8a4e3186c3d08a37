/*
 * tick.c - Tick bodies ('s', 32 bytes): a top-of-book snapshot.
 *
 *   off size field
 *     0    8 ticker_id   u64, != 0
 *     8    8 bid_price   f64, finite and > 0
 *    16    8 ask_price   f64, finite and > 0, >= bid_price
 *    24    4 bid_volume  u32
 *    28    4 ask_volume  u32
 */
#include <config.h>

#include <stddef.h>

#include "body.h"

enum {
  TICK_TICKER_ID = 0,
  TICK_BID_PRICE = 8,
  TICK_ASK_PRICE = 16,
  TICK_BID_VOLUME = 24,
  TICK_ASK_VOLUME = 28
};
MITCH_STATIC_ASSERT(TICK_BID_PRICE == TICK_TICKER_ID + 8, "tick layout");
MITCH_STATIC_ASSERT(TICK_ASK_PRICE == TICK_BID_PRICE + 8, "tick layout");
MITCH_STATIC_ASSERT(TICK_BID_VOLUME == TICK_ASK_PRICE + 8, "tick layout");
MITCH_STATIC_ASSERT(TICK_ASK_VOLUME == TICK_BID_VOLUME + 4, "tick layout");
MITCH_STATIC_ASSERT(TICK_ASK_VOLUME + 4 == MITCH_TICK_SIZE, "tick size");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(tick, ticker_id, TICK_TICKER_ID);
LAYOUT_ASSERT_OFFSET(tick, bid_price, TICK_BID_PRICE);
LAYOUT_ASSERT_OFFSET(tick, ask_price, TICK_ASK_PRICE);
LAYOUT_ASSERT_OFFSET(tick, bid_volume, TICK_BID_VOLUME);
LAYOUT_ASSERT_OFFSET(tick, ask_volume, TICK_ASK_VOLUME);

MITCH_INLINE int tick_check(const mitch_tick *v) {
  if (MITCH_UNLIKELY(v->ticker_id == 0 || !wire_positive_finite(v->bid_price) ||
                     !wire_positive_finite(v->ask_price) || v->ask_price < v->bid_price))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  return MITCH_OK;
}

MITCH_INLINE void tick_store(const mitch_tick *v, uint8_t *out) {
  wire_store_u64(out + TICK_TICKER_ID, v->ticker_id);
  wire_store_f64(out + TICK_BID_PRICE, v->bid_price);
  wire_store_f64(out + TICK_ASK_PRICE, v->ask_price);
  wire_store_u32(out + TICK_BID_VOLUME, v->bid_volume);
  wire_store_u32(out + TICK_ASK_VOLUME, v->ask_volume);
}

/* Batches: on a little-endian host mitch_tick is the wire image (same
   offsets and widths, no padding: checked here), so a store is one 32-byte
   copy (see trade_store_bulk for why single calls do not). */
MITCH_STATIC_ASSERT(offsetof(mitch_tick, ticker_id) == TICK_TICKER_ID &&
                        offsetof(mitch_tick, bid_price) == TICK_BID_PRICE &&
                        offsetof(mitch_tick, ask_price) == TICK_ASK_PRICE &&
                        offsetof(mitch_tick, bid_volume) == TICK_BID_VOLUME &&
                        offsetof(mitch_tick, ask_volume) == TICK_ASK_VOLUME &&
                        sizeof(mitch_tick) == MITCH_TICK_SIZE,
                    "mitch_tick is the wire image");

MITCH_INLINE void tick_store_bulk(const mitch_tick *v, uint8_t *out) {
#if !defined(MITCH_BIG_ENDIAN)
  memcpy(out, v, MITCH_TICK_SIZE);
#else
  tick_store(v, out);
#endif
}

MITCH_INLINE void tick_load(const uint8_t *in, mitch_tick *v) {
  v->ticker_id = wire_load_u64(in + TICK_TICKER_ID);
  v->bid_price = wire_load_f64(in + TICK_BID_PRICE);
  v->ask_price = wire_load_f64(in + TICK_ASK_PRICE);
  v->bid_volume = wire_load_u32(in + TICK_BID_VOLUME);
  v->ask_volume = wire_load_u32(in + TICK_ASK_VOLUME);
}

/* Bulk decode: the whole image on little-endian hosts. */
MITCH_INLINE void tick_load_bulk(const uint8_t *in, const mitch_tick *checked, mitch_tick *out) {
#if !defined(MITCH_BIG_ENDIAN)
  (void)checked;
  memcpy(out, in, MITCH_TICK_SIZE);
#else
  (void)checked;
  MITCH_LOAD_WHOLE(tick_load, in, out);
#endif
}

MITCH_DEFINE_BODY_CODEC(tick, mitch_tick, MITCH_TICK_SIZE, tick_load, tick_load_bulk,
                        tick_store_bulk)

/* Basis points in one unit (spread_bps = spread / mid * BASIS_POINTS). */
#define BASIS_POINTS 10000.0

int mitch_tick_metrics_get(const mitch_tick *t, mitch_tick_metrics *m) {
  uint32_t both_hi;
  if (!t || !m)
    return MITCH_ERR_INVALID_DATA;
  m->mid = (t->bid_price + t->ask_price) / 2.0;
  m->spread = t->ask_price - t->bid_price;
  m->spread_bps = m->mid > 0.0 ? m->spread / m->mid * BASIS_POINTS : 0.0;
  m->total_volume = (uint64_t)t->bid_volume + t->ask_volume;
  both_hi = t->bid_volume | t->ask_volume;
  m->imbalance = both_hi == 0 ? 0.0
                              : ((double)t->ask_volume - (double)t->bid_volume) /
                                    (double)m->total_volume;
  return MITCH_OK;
}

int mitch_pack_tick(uint64_t ticker_id, double bid_price, double ask_price, uint32_t bid_volume,
                    uint32_t ask_volume, uint8_t *out) {
  mitch_tick v;
  v.ticker_id = ticker_id;
  v.bid_price = bid_price;
  v.ask_price = ask_price;
  v.bid_volume = bid_volume;
  v.ask_volume = ask_volume;
  return tick_encode_inline(&v, out, MITCH_TICK_SIZE);
}

int mitch_unpack_tick(const uint8_t *bytes, size_t len, uint64_t *ticker_id, double *bid_price,
                      double *ask_price, uint32_t *bid_volume, uint32_t *ask_volume) {
  mitch_tick v;
  int st;
  if (!ticker_id || !bid_price || !ask_price || !bid_volume || !ask_volume)
    return MITCH_ERR_INVALID_DATA;
  st = tick_decode_inline(bytes, len, &v);
  if (st != MITCH_OK)
    return st;
  *ticker_id = v.ticker_id;
  *bid_price = v.bid_price;
  *ask_price = v.ask_price;
  *bid_volume = v.bid_volume;
  *ask_volume = v.ask_volume;
  return MITCH_OK;
}
