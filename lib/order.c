/*
 * order.c - Order bodies ('o', 32 bytes).
 *
 *   off size field
 *     0    8 ticker_id      u64, != 0
 *     8    4 order_id       u32, > 0
 *    12    8 price          f64 (not 8-byte aligned in the body)
 *    20    4 quantity       u32
 *    24    1 type_and_side  bit 0 side, bits 1..7 order type (0..3)
 *    25    6 expiry         u48 Unix ms, 0 = good till cancelled
 *    31    1 padding        zero
 *
 * Market, limit and stop orders need price finite > 0 and quantity > 0; a
 * cancel needs only a finite price >= 0 and takes any quantity.
 */
#include <config.h>

#include "body.h"

enum {
  ORDER_TICKER_ID = 0,
  ORDER_ORDER_ID = 8,
  ORDER_PRICE = 12,
  ORDER_QUANTITY = 20,
  ORDER_TYPE_AND_SIDE = 24,
  ORDER_EXPIRY = 25,
  ORDER_PADDING = 31
};
MITCH_STATIC_ASSERT(ORDER_ORDER_ID == ORDER_TICKER_ID + 8, "order layout");
MITCH_STATIC_ASSERT(ORDER_PRICE == ORDER_ORDER_ID + 4, "order layout");
MITCH_STATIC_ASSERT(ORDER_QUANTITY == ORDER_PRICE + 8, "order layout");
MITCH_STATIC_ASSERT(ORDER_TYPE_AND_SIDE == ORDER_QUANTITY + 4, "order layout");
MITCH_STATIC_ASSERT(ORDER_EXPIRY == ORDER_TYPE_AND_SIDE + 1, "order layout");
MITCH_STATIC_ASSERT(ORDER_PADDING == ORDER_EXPIRY + 6, "order layout");
MITCH_STATIC_ASSERT(ORDER_PADDING + 1 == MITCH_ORDER_SIZE, "order size");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(order, ticker_id, ORDER_TICKER_ID);
LAYOUT_ASSERT_OFFSET(order, order_id, ORDER_ORDER_ID);
LAYOUT_ASSERT_OFFSET(order, price, ORDER_PRICE);
LAYOUT_ASSERT_OFFSET(order, quantity, ORDER_QUANTITY);
LAYOUT_ASSERT_OFFSET(order, side, ORDER_TYPE_AND_SIDE);
LAYOUT_ASSERT_OFFSET(order, order_type, ORDER_TYPE_AND_SIDE);
LAYOUT_ASSERT_OFFSET(order, expiry_ms, ORDER_EXPIRY);
LAYOUT_ASSERT_OFFSET(order, padding, ORDER_PADDING);

MITCH_INLINE int order_check(const mitch_order *v) {
  if (MITCH_UNLIKELY(v->ticker_id == 0 || v->order_id == 0 || v->side > MITCH_SIDE_SELL ||
                     v->order_type > MITCH_ORDER_CANCEL || v->expiry_ms > MITCH_U48_MAX))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if (v->order_type == MITCH_ORDER_CANCEL) {
    if (MITCH_UNLIKELY(!wire_nonnegative_finite(v->price)))
      return MITCH_ERR_INVALID_FIELD_VALUE;
  } else if (MITCH_UNLIKELY(!wire_positive_finite(v->price) || v->quantity == 0)) {
    return MITCH_ERR_INVALID_FIELD_VALUE;
  }
  return MITCH_OK;
}

MITCH_INLINE void order_store(const mitch_order *v, uint8_t *out) {
  wire_store_u64(out + ORDER_TICKER_ID, v->ticker_id);
  wire_store_u32(out + ORDER_ORDER_ID, v->order_id);
  wire_store_f64(out + ORDER_PRICE, v->price);
  wire_store_u32(out + ORDER_QUANTITY, v->quantity);
  /* type_and_side, expiry and padding as one u64: expiry < 2^48 keeps the
     padding byte zero. */
  wire_store_u64(out + ORDER_TYPE_AND_SIDE,
                 (uint64_t)(uint8_t)((v->order_type << 1) | v->side) | (v->expiry_ms << 8));
}

MITCH_INLINE void order_load(const uint8_t *in, mitch_order *v) {
  /* type_and_side, expiry and padding as one u64 (the mirror of
     order_store): one load instead of three, and one register instead of
     three while the fields are checked. */
  uint64_t tail = wire_load_u64(in + ORDER_TYPE_AND_SIDE);
  v->ticker_id = wire_load_u64(in + ORDER_TICKER_ID);
  v->order_id = wire_load_u32(in + ORDER_ORDER_ID);
  v->price = wire_load_f64(in + ORDER_PRICE);
  v->quantity = wire_load_u32(in + ORDER_QUANTITY);
  v->side = (uint8_t)(tail & 1u);
  v->order_type = (uint8_t)((tail >> 1) & 0x7Fu);
  v->expiry_ms = (tail >> 8) & MITCH_U48_MAX;
}

/* Bulk decode: the struct is not the wire image, so it is loaded field by
   field, its padding zeroed (MITCH_LOAD_WHOLE). */
MITCH_INLINE void order_load_bulk(const uint8_t *in, const mitch_order *checked,
                                  mitch_order *out) {
  (void)checked;
  MITCH_LOAD_WHOLE(order_load, in, out);
}

MITCH_DEFINE_BODY_CODEC(order, mitch_order, MITCH_ORDER_SIZE, order_load, order_load_bulk,
                        order_store)

int mitch_pack_order(uint64_t ticker_id, uint32_t order_id, double price, uint32_t quantity,
                     uint8_t order_type, uint8_t side, uint64_t expiry_ms, uint8_t *out) {
  mitch_order v;
  v.ticker_id = ticker_id;
  v.order_id = order_id;
  v.price = price;
  v.quantity = quantity;
  v.order_type = order_type;
  v.side = side;
  v.expiry_ms = expiry_ms;
  return order_encode_inline(&v, out, MITCH_ORDER_SIZE);
}

int mitch_unpack_order(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                       uint32_t *order_id, double *price, uint32_t *quantity,
                       uint8_t *order_type, uint8_t *side, uint64_t *expiry_ms) {
  mitch_order v;
  int st;
  if (!ticker_id || !order_id || !price || !quantity || !order_type || !side || !expiry_ms)
    return MITCH_ERR_INVALID_DATA;
  st = order_decode_inline(bytes, len, &v);
  if (st != MITCH_OK)
    return st;
  *ticker_id = v.ticker_id;
  *order_id = v.order_id;
  *price = v.price;
  *quantity = v.quantity;
  *order_type = v.order_type;
  *side = v.side;
  *expiry_ms = v.expiry_ms;
  return MITCH_OK;
}
