/*
 * trade.c - Trade bodies ('t', 32 bytes).
 *
 *   off size field
 *     0    8 ticker_id   u64, != 0
 *     8    8 price       f64, finite and > 0
 *    16    4 quantity    u32, > 0
 *    20    4 trade_id    u32, > 0
 *    24    1 side        0 buy, 1 sell
 *    25    7 padding     zero
 *
 * The flat functions live here, beside the typed ones they wrap, so the
 * compiler inlines one into the other: a flat call costs one call.
 */
#include <config.h>

#include <stddef.h>

#include "body.h"

enum {
  TRADE_TICKER_ID = 0,
  TRADE_PRICE = 8,
  TRADE_QUANTITY = 16,
  TRADE_TRADE_ID = 20,
  TRADE_SIDE = 24,
  TRADE_PADDING = 25
};
MITCH_STATIC_ASSERT(TRADE_PRICE == TRADE_TICKER_ID + 8, "trade layout");
MITCH_STATIC_ASSERT(TRADE_QUANTITY == TRADE_PRICE + 8, "trade layout");
MITCH_STATIC_ASSERT(TRADE_TRADE_ID == TRADE_QUANTITY + 4, "trade layout");
MITCH_STATIC_ASSERT(TRADE_SIDE == TRADE_TRADE_ID + 4, "trade layout");
MITCH_STATIC_ASSERT(TRADE_PADDING == TRADE_SIDE + 1, "trade layout");
MITCH_STATIC_ASSERT(TRADE_PADDING + 7 == MITCH_TRADE_SIZE, "trade size");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(trade, ticker_id, TRADE_TICKER_ID);
LAYOUT_ASSERT_OFFSET(trade, price, TRADE_PRICE);
LAYOUT_ASSERT_OFFSET(trade, quantity, TRADE_QUANTITY);
LAYOUT_ASSERT_OFFSET(trade, trade_id, TRADE_TRADE_ID);
LAYOUT_ASSERT_OFFSET(trade, side, TRADE_SIDE);
LAYOUT_ASSERT_OFFSET(trade, padding, TRADE_PADDING);

MITCH_INLINE int trade_check(const mitch_trade *v) {
  if (MITCH_UNLIKELY(v->ticker_id == 0 || !wire_positive_finite(v->price) ||
                     v->quantity == 0 || v->trade_id == 0 || v->side > MITCH_SIDE_SELL))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  return MITCH_OK;
}

MITCH_INLINE void trade_store(const mitch_trade *v, uint8_t *out) {
  wire_store_u64(out + TRADE_TICKER_ID, v->ticker_id);
  wire_store_f64(out + TRADE_PRICE, v->price);
  wire_store_u32(out + TRADE_QUANTITY, v->quantity);
  wire_store_u32(out + TRADE_TRADE_ID, v->trade_id);
  /* side and the 7 padding bytes as one little-endian u64 store */
  wire_store_u64(out + TRADE_SIDE, v->side);
}

/* Batches: on a little-endian host the struct's first 24 bytes are the
   wire's (same offsets and widths, checked here), so they are copied as
   one image.  Not for single calls: there the struct was usually just
   written field by field, and wide loads across narrow stores stall. */
MITCH_STATIC_ASSERT(offsetof(mitch_trade, ticker_id) == TRADE_TICKER_ID &&
                        offsetof(mitch_trade, price) == TRADE_PRICE &&
                        offsetof(mitch_trade, quantity) == TRADE_QUANTITY &&
                        offsetof(mitch_trade, trade_id) == TRADE_TRADE_ID &&
                        TRADE_TRADE_ID + 4 == TRADE_SIDE,
                    "mitch_trade's first 24 bytes are the wire image");

MITCH_INLINE void trade_store_bulk(const mitch_trade *v, uint8_t *out) {
#if !defined(MITCH_BIG_ENDIAN)
  memcpy(out, v, TRADE_SIDE);
  wire_store_u64(out + TRADE_SIDE, v->side);
#else
  trade_store(v, out);
#endif
}

MITCH_INLINE void trade_load(const uint8_t *in, mitch_trade *v) {
  v->ticker_id = wire_load_u64(in + TRADE_TICKER_ID);
  v->price = wire_load_f64(in + TRADE_PRICE);
  v->quantity = wire_load_u32(in + TRADE_QUANTITY);
  v->trade_id = wire_load_u32(in + TRADE_TRADE_ID);
  v->side = in[TRADE_SIDE];
}

/* Bulk decode: the whole image on little-endian hosts whose struct is as
   wide as the wire (the wire's padding lands in the struct's padding, which
   nothing reads).  Where 64-bit fields are only 4-byte aligned (i386) the
   struct is shorter than the wire: there it is loaded field by field. */
MITCH_INLINE void trade_load_bulk(const uint8_t *in, const mitch_trade *checked,
                                  mitch_trade *out) {
  (void)checked;
#if !defined(MITCH_BIG_ENDIAN)
  if (sizeof *out == MITCH_TRADE_SIZE)
    memcpy(out, in, MITCH_TRADE_SIZE);
  else
    MITCH_LOAD_WHOLE(trade_load, in, out);
#else
  MITCH_LOAD_WHOLE(trade_load, in, out);
#endif
}

MITCH_DEFINE_BODY_CODEC(trade, mitch_trade, MITCH_TRADE_SIZE, trade_load, trade_load_bulk,
                        trade_store_bulk)

int mitch_pack_trade(uint64_t ticker_id, double price, uint32_t quantity, uint32_t trade_id,
                     uint8_t side, uint8_t *out) {
  mitch_trade v;
  v.ticker_id = ticker_id;
  v.price = price;
  v.quantity = quantity;
  v.trade_id = trade_id;
  v.side = side;
  return trade_encode_inline(&v, out, MITCH_TRADE_SIZE);
}

int mitch_unpack_trade(const uint8_t *bytes, size_t len, uint64_t *ticker_id, double *price,
                       uint32_t *quantity, uint32_t *trade_id, uint8_t *side) {
  mitch_trade v;
  int st;
  if (!ticker_id || !price || !quantity || !trade_id || !side)
    return MITCH_ERR_INVALID_DATA;
  st = trade_decode_inline(bytes, len, &v);
  if (st != MITCH_OK)
    return st;
  *ticker_id = v.ticker_id;
  *price = v.price;
  *quantity = v.quantity;
  *trade_id = v.trade_id;
  *side = v.side;
  return MITCH_OK;
}
