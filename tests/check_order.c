/*
 * check_order.c - Order bodies ('o', 32 bytes).
 *
 * Layout from protocol.md: ticker_id u64 @0, order_id u32 @8, price f64
 * @12 (unaligned), quantity u32 @20, type_and_side u8 @24 (bit 0 side,
 * bits 1..7 type), expiry u48 @25 (Unix ms, 0 = GTC), padding @31.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static void order_bytes(uint8_t out[32], uint64_t ticker_id, uint32_t order_id, double price,
                        uint32_t quantity, uint8_t type_and_side, uint64_t expiry_ms) {
  memset(out, 0, 32);
  tu_put_le(out + 0, ticker_id, 8);
  tu_put_le(out + 8, order_id, 4);
  tu_put_f64(out + 12, price);
  tu_put_le(out + 20, quantity, 4);
  out[24] = type_and_side;
  tu_put_le(out + 25, expiry_ms, 6);
}

static mitch_order make_order(uint64_t ticker_id, uint32_t order_id, double price,
                              uint32_t quantity, uint8_t order_type, uint8_t side,
                              uint64_t expiry_ms) {
  mitch_order o;
  memset(&o, 0, sizeof o);
  o.ticker_id = ticker_id;
  o.order_id = order_id;
  o.price = price;
  o.quantity = quantity;
  o.order_type = order_type;
  o.side = side;
  o.expiry_ms = expiry_ms;
  return o;
}

/* A limit sell of 250 at 1.5 expiring at 2023-11-14 22:13:20 UTC: by hand. */
START_TEST(test_known_bytes) {
  uint8_t out[33], want[32];
  mitch_order o = make_order(UINT64_C(0x0305153138900000), 77, 1.5, 250, MITCH_ORDER_LIMIT,
                             MITCH_SIDE_SELL, UINT64_C(1700000000000));
  tu_hex("0000903831150503" /* ticker id */
         "4d000000"         /* order id 77 */
         "000000000000f83f" /* 1.5 at offset 12 */
         "fa000000"         /* 250 */
         "03"               /* limit (1) << 1 | sell (1) */
         "0068e5cf8b01"     /* 1 700 000 000 000 = 0x018BCFE56800 */
         "00",              /* padding */
         want, 32);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_order_encode(&o, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_order(UINT64_C(0x0305153138900000), 77, 1.5, 250, 1, 1,
                                    UINT64_C(1700000000000), out),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5);
}
END_TEST

/* _i = type * 2 + side: the byte is (type << 1) | side = _i. */
START_TEST(test_type_and_side_bits) {
  uint8_t type = (uint8_t)(_i / 2), side = (uint8_t)(_i % 2);
  uint8_t out[32], want[32];
  mitch_order o = make_order(3, 4, 10.0, 5, type, side, 0), back;
  uint64_t tid, expiry;
  uint32_t oid, qty;
  double price;
  uint8_t t2, s2;
  order_bytes(want, 3, 4, 10.0, 5, (uint8_t)_i, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[24], (unsigned)_i);
  ck_assert_int_eq(mitch_order_decode(want, 32, &back), MITCH_OK);
  ck_assert_uint_eq(back.order_type, type);
  ck_assert_uint_eq(back.side, side);
  ck_assert_int_eq(mitch_unpack_order(want, 32, &tid, &oid, &price, &qty, &t2, &s2, &expiry),
                   MITCH_OK);
  ck_assert_uint_eq(t2, type);
  ck_assert_uint_eq(s2, side);
  ck_assert_uint_eq(expiry, 0);
}
END_TEST

static const uint64_t expiries[] = {
    0, /* good till cancelled */
    1,
    UINT64_C(1700000000000),
    UINT64_C(0xFFFFFFFF),
    UINT64_C(0x100000000),
    UINT64_C(0xFFFFFFFFFFFF), /* 2^48 - 1 */
};

START_TEST(test_expiry_u48) {
  uint64_t expiry = expiries[_i];
  uint8_t out[32], want[32];
  mitch_order o = make_order(1, 2, 3.0, 4, MITCH_ORDER_STOP, MITCH_SIDE_BUY, expiry), back;
  order_bytes(want, 1, 2, 3.0, 4, 4, expiry);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[31], 0); /* padding stays zero */
  ck_assert_uint_eq(tu_get_le(out + 25, 6), expiry);
  ck_assert_int_eq(mitch_order_decode(out, 32, &back), MITCH_OK);
  ck_assert_uint_eq(back.expiry_ms, expiry);
}
END_TEST

START_TEST(test_gtc_is_zero) {
  uint8_t out[32];
  mitch_order o = make_order(1, 2, 3.0, 4, MITCH_ORDER_LIMIT, MITCH_SIDE_BUY, 0);
  size_t i;
  memset(out, 0xFF, sizeof out);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  for (i = 25; i < 32; i++)
    ck_assert_uint_eq(out[i], 0);
}
END_TEST

START_TEST(test_expiry_too_wide) {
  uint8_t out[32];
  mitch_order o = make_order(1, 2, 3.0, 4, MITCH_ORDER_LIMIT, 0, UINT64_C(0x1000000000000));
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o.expiry_ms = UINT64_MAX;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_order(1, 2, 3.0, 4, 1, 0, UINT64_C(0x1000000000000), out),
                   MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

/* A cancel needs only ticker id and order id; price finite and >= 0. */
START_TEST(test_cancel_with_zero_price) {
  uint8_t out[32], want[32];
  mitch_order o = make_order(UINT64_C(0x0305153138900000), 991, 0.0, 0, MITCH_ORDER_CANCEL,
                             MITCH_SIDE_SELL, 0),
              back;
  tu_hex("0000903831150503"
         "df030000"         /* order id 991 */
         "0000000000000000" /* price 0 */
         "00000000"         /* quantity 0 */
         "07"               /* cancel (3) << 1 | sell */
         "000000000000"
         "00",
         want, 32);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_int_eq(mitch_order_decode(want, 32, &back), MITCH_OK);
  ck_assert_uint_eq(back.order_type, MITCH_ORDER_CANCEL);
  ck_assert_uint_eq(back.quantity, 0);
  TU_ASSERT_SAME_DOUBLE(back.price, 0.0);

  /* any quantity, a positive price, and -0.0 (which is >= 0) are fine */
  o.quantity = UINT32_MAX;
  o.price = 12.5;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  o.price = -0.0;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
  ck_assert_int_eq(mitch_order_decode(out, 32, &back), MITCH_OK);
  TU_ASSERT_SAME_DOUBLE(back.price, -0.0);

  /* but not negative or non-finite prices */
  o.price = -0.01;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o.price = NAN;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o.price = INFINITY;
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  /* and still a ticker id and an order id */
  o = make_order(0, 991, 0.0, 0, MITCH_ORDER_CANCEL, 0, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o = make_order(1, 0, 0.0, 0, MITCH_ORDER_CANCEL, 0, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

/* Market, limit and stop need price finite > 0 and quantity > 0. */
START_TEST(test_non_cancel_rules) {
  uint8_t type = (uint8_t)_i; /* 0..2 */
  uint8_t out[32];
  mitch_order o;
  const double bad_prices[] = {0.0, -0.0, -1.0, NAN, INFINITY, -INFINITY};
  size_t i;
  for (i = 0; i < sizeof bad_prices / sizeof bad_prices[0]; i++) {
    o = make_order(1, 1, bad_prices[i], 1, type, 0, 0);
    ck_assert_msg(mitch_order_encode(&o, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "type %u price %a accepted", type, bad_prices[i]);
  }
  o = make_order(1, 1, 1.0, 0, type, 0, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o = make_order(0, 1, 1.0, 1, type, 0, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o = make_order(1, 0, 1.0, 1, type, 0, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o = make_order(1, 1, 1.0, 1, type, 2, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  o = make_order(1, 1, 4.9406564584124654e-324, 1, type, 1, 0);
  ck_assert_int_eq(mitch_order_encode(&o, out, 32), MITCH_OK);
}
END_TEST

START_TEST(test_invalid_types) {
  unsigned type;
  uint8_t out[32], in[32];
  mitch_order o, v;
  for (type = 4; type < 256; type++) {
    o = make_order(1, 1, 1.0, 1, (uint8_t)type, 0, 0);
    ck_assert_msg(mitch_order_encode(&o, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "order type %u accepted", type);
  }
  /* on the wire: types 4..127 in bits 1..7, either side */
  for (type = 4; type < 128; type++) {
    order_bytes(in, 1, 1, 1.0, 1, (uint8_t)(type << 1 | (type & 1)), 0);
    ck_assert_msg(mitch_order_decode(in, 32, &v) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "wire order type %u accepted", type);
  }
}
END_TEST

START_TEST(test_decode_rules) {
  uint8_t in[64];
  mitch_order v;
  order_bytes(in, 8, 9, 2.0, 3, 4 /* stop (2) << 1 | buy */, 12345);
  in[31] = 0xFF; /* padding is ignored */
  memset(in + 32, 0xEE, 32);
  ck_assert_int_eq(mitch_order_decode(in, sizeof in, &v), MITCH_OK);
  ck_assert_uint_eq(v.ticker_id, 8);
  ck_assert_uint_eq(v.order_id, 9);
  TU_ASSERT_SAME_DOUBLE(v.price, 2.0);
  ck_assert_uint_eq(v.quantity, 3);
  ck_assert_uint_eq(v.order_type, MITCH_ORDER_STOP);
  ck_assert_uint_eq(v.side, MITCH_SIDE_BUY);
  ck_assert_uint_eq(v.expiry_ms, 12345);
  ck_assert_int_eq(mitch_order_decode(in, 31, &v), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_order_decode(NULL, 32, &v), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_decode(in, 32, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_encode(&v, in, 31), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_order_encode(NULL, in, 32), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_validate(NULL), MITCH_ERR_INVALID_DATA);
  /* decode checks: a non-cancel with quantity 0 */
  order_bytes(in, 8, 9, 2.0, 0, 2, 0);
  ck_assert_int_eq(mitch_order_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_body_validate('o', in, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  /* a cancel with a negative price */
  order_bytes(in, 8, 9, -1.0, 0, 6, 0);
  ck_assert_int_eq(mitch_order_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

START_TEST(test_outputs_untouched_on_failure) {
  uint8_t in[32];
  uint64_t tid = 1, expiry = 2;
  uint32_t oid = 3, qty = 4;
  double price = 5.0;
  uint8_t type = 6, side = 7;
  order_bytes(in, 1, 0 /* bad order id */, 1.0, 1, 0, 0);
  ck_assert_int_eq(mitch_unpack_order(in, 32, &tid, &oid, &price, &qty, &type, &side, &expiry),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(tid, 1);
  ck_assert_uint_eq(expiry, 2);
  ck_assert_uint_eq(oid, 3);
  ck_assert_uint_eq(qty, 4);
  TU_ASSERT_SAME_DOUBLE(price, 5.0);
  ck_assert_uint_eq(type, 6);
  ck_assert_uint_eq(side, 7);
}
END_TEST

static Suite *order_suite(void) {
  Suite *s = suite_create("order");
  TCase *tc = tu_tcase("codec");
  tcase_add_test(tc, test_known_bytes);
  tcase_add_loop_test(tc, test_type_and_side_bits, 0, 8);
  tcase_add_loop_test(tc, test_expiry_u48, 0, (int)(sizeof expiries / sizeof expiries[0]));
  tcase_add_test(tc, test_gtc_is_zero);
  tcase_add_test(tc, test_cancel_with_zero_price);
  suite_add_tcase(s, tc);
  tc = tu_tcase("rules");
  tcase_add_test(tc, test_expiry_too_wide);
  tcase_add_loop_test(tc, test_non_cancel_rules, 0, 3);
  tcase_add_test(tc, test_invalid_types);
  tcase_add_test(tc, test_decode_rules);
  tcase_add_test(tc, test_outputs_untouched_on_failure);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(order_suite());
}
