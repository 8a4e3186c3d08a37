/*
 * check_trade.c - Trade bodies ('t', 32 bytes).
 *
 * Layout from protocol.md: ticker_id u64 @0, price f64 @8, quantity u32 @16,
 * trade_id u32 @20, side u8 @24, padding 7 bytes @25.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* Build the wire image from the protocol table, independently of the
   library (little-endian by shifts). */
static void trade_bytes(uint8_t out[32], uint64_t ticker_id, double price, uint32_t quantity,
                        uint32_t trade_id, uint8_t side) {
  memset(out, 0, 32);
  tu_put_le(out + 0, ticker_id, 8);
  tu_put_f64(out + 8, price);
  tu_put_le(out + 16, quantity, 4);
  tu_put_le(out + 20, trade_id, 4);
  out[24] = side;
}

static mitch_trade make_trade(uint64_t ticker_id, double price, uint32_t quantity,
                              uint32_t trade_id, uint8_t side) {
  mitch_trade t;
  memset(&t, 0, sizeof t);
  t.ticker_id = ticker_id;
  t.price = price;
  t.quantity = quantity;
  t.trade_id = trade_id;
  t.side = side;
  return t;
}

/* EUR/USD spot sells 1 000 000 at 1.0875, trade 42: bytes by hand. */
START_TEST(test_known_bytes) {
  uint8_t out[40], want[32];
  mitch_trade t = make_trade(UINT64_C(0x0305153138900000), 1.0875, 1000000, 42, MITCH_SIDE_SELL);
  tu_hex("0000903831150503"  /* ticker id */
         "666666666666f13f"  /* 1.0875 */
         "40420f00"          /* 1 000 000 */
         "2a000000"          /* 42 */
         "01"                /* sell */
         "00000000000000",   /* padding */
         want, 32);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_trade_encode(&t, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5); /* exactly 32 bytes */

  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_trade(UINT64_C(0x0305153138900000), 1.0875, 1000000, 42, 1, out),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5);
}
END_TEST

/* Both sides, extreme but valid values, both directions. */
static const struct {
  uint64_t ticker_id;
  double price;
  uint32_t quantity, trade_id;
  uint8_t side;
} valid_trades[] = {
    {1, 1.0, 1, 1, MITCH_SIDE_BUY},
    {1, 1.0, 1, 1, MITCH_SIDE_SELL},
    {UINT64_MAX, DBL_MAX, UINT32_MAX, UINT32_MAX, MITCH_SIDE_SELL},
    {UINT64_C(0x8000000000000000), 4.9406564584124654e-324 /* smallest subnormal */, 7, 9,
     MITCH_SIDE_BUY},
    {UINT64_C(0x0305153138900000), 100.25, 500, 123456789, MITCH_SIDE_BUY},
    {UINT64_C(0x03006F301CD00000), DBL_MIN, 2, 3, MITCH_SIDE_SELL},
};

START_TEST(test_valid_round_trip) {
  uint8_t want[32], out[32];
  mitch_trade t = make_trade(valid_trades[_i].ticker_id, valid_trades[_i].price,
                             valid_trades[_i].quantity, valid_trades[_i].trade_id,
                             valid_trades[_i].side);
  mitch_trade back;
  uint64_t tid;
  double price;
  uint32_t qty, trade_id;
  uint8_t side;
  trade_bytes(want, t.ticker_id, t.price, t.quantity, t.trade_id, t.side);
  ck_assert_int_eq(mitch_trade_validate(&t), MITCH_OK);
  ck_assert_int_eq(mitch_trade_encode(&t, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  memset(&back, 0x5A, sizeof back);
  ck_assert_int_eq(mitch_trade_decode(want, sizeof want, &back), MITCH_OK);
  ck_assert_uint_eq(back.ticker_id, t.ticker_id);
  TU_ASSERT_SAME_DOUBLE(back.price, t.price);
  ck_assert_uint_eq(back.quantity, t.quantity);
  ck_assert_uint_eq(back.trade_id, t.trade_id);
  ck_assert_uint_eq(back.side, t.side);
  ck_assert_int_eq(mitch_unpack_trade(want, 32, &tid, &price, &qty, &trade_id, &side), MITCH_OK);
  ck_assert_uint_eq(tid, t.ticker_id);
  TU_ASSERT_SAME_DOUBLE(price, t.price);
  ck_assert_uint_eq(qty, t.quantity);
  ck_assert_uint_eq(trade_id, t.trade_id);
  ck_assert_uint_eq(side, t.side);
}
END_TEST

/* Each rule of the table, broken alone. */
START_TEST(test_field_rules) {
  uint8_t out[32];
  mitch_trade t;
  unsigned s;
  const double bad_prices[] = {0.0, -0.0, -1.0, -DBL_MIN, NAN, -NAN, INFINITY, -INFINITY};
  size_t i;
  memset(out, 0xA5, sizeof out);
  t = make_trade(0, 1.0, 1, 1, 0);
  ck_assert_int_eq(mitch_trade_validate(&t), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof bad_prices / sizeof bad_prices[0]; i++) {
    t = make_trade(1, bad_prices[i], 1, 1, 0);
    ck_assert_msg(mitch_trade_encode(&t, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "price %a accepted", bad_prices[i]);
    ck_assert_msg(mitch_pack_trade(1, bad_prices[i], 1, 1, 0, out) ==
                      MITCH_ERR_INVALID_FIELD_VALUE,
                  "flat: price %a accepted", bad_prices[i]);
  }
  t = make_trade(1, 1.0, 0, 1, 0);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  t = make_trade(1, 1.0, 1, 0, 0);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  for (s = 2; s < 256; s++) {
    t = make_trade(1, 1.0, 1, 1, (uint8_t)s);
    ck_assert_msg(mitch_trade_encode(&t, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "side %u accepted", s);
  }
  /* nothing was written by any failing call */
  for (i = 0; i < 32; i++)
    ck_assert_uint_eq(out[i], 0xA5);
}
END_TEST

/* Decoding applies the same rules to what is on the wire. */
START_TEST(test_decode_rejects_bad_wire) {
  uint8_t in[32];
  mitch_trade v;
  trade_bytes(in, 0, 1.0, 1, 1, 0);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, NAN, 1, 1, 0);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, -2.5, 1, 1, 0);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, 1.0, 0, 1, 0);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, 1.0, 1, 0, 0);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, 1.0, 1, 1, 2);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_body_validate('t', in, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  trade_bytes(in, 1, 1.0, 1, 1, 1);
  ck_assert_int_eq(mitch_body_validate('t', in, 32), MITCH_OK);
}
END_TEST

START_TEST(test_padding) {
  uint8_t in[32], out[32];
  mitch_trade v;
  /* padding is ignored on decode ... */
  trade_bytes(in, 5, 2.0, 3, 4, 1);
  memset(in + 25, 0xFF, 7);
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_OK);
  ck_assert_uint_eq(v.ticker_id, 5);
  ck_assert_uint_eq(v.side, 1);
  /* ... and written as zeros even over a dirty buffer */
  memset(out, 0xFF, sizeof out);
  ck_assert_int_eq(mitch_trade_encode(&v, out, 32), MITCH_OK);
  trade_bytes(in, 5, 2.0, 3, 4, 1);
  TU_ASSERT_BYTES(out, in, 32);
}
END_TEST

START_TEST(test_lengths_and_nulls) {
  uint8_t buf[64], out[32];
  mitch_trade t = make_trade(9, 99.75, 10, 11, 0), v;
  trade_bytes(buf, 9, 99.75, 10, 11, 0);
  memset(buf + 32, 0xEE, 32);
  /* longer input: only the first 32 bytes are read */
  ck_assert_int_eq(mitch_trade_decode(buf, sizeof buf, &v), MITCH_OK);
  ck_assert_uint_eq(v.trade_id, 11);
  ck_assert_int_eq(mitch_trade_decode(buf, 31, &v), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_trade_decode(buf, 0, &v), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 31), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 0), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_trade_encode(NULL, out, 32), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_trade_encode(&t, NULL, 32), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_trade_decode(NULL, 32, &v), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_trade_decode(buf, 32, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_trade_validate(NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_body_validate('t', buf, 31), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_body_validate('t', NULL, 32), MITCH_ERR_INVALID_DATA);
  /* length is checked before field values */
  t.price = NAN;
  ck_assert_int_eq(mitch_trade_encode(&t, out, 31), MITCH_ERR_BUFFER_TOO_SMALL);
}
END_TEST

START_TEST(test_outputs_untouched_on_failure) {
  uint8_t in[32];
  mitch_trade v, before;
  uint64_t tid = 1;
  double price = 2.0;
  uint32_t qty = 3, trade_id = 4;
  uint8_t side = 5;
  trade_bytes(in, 7, 1.0, 0 /* bad quantity */, 8, 1);
  memset(&v, 0x5A, sizeof v);
  before = v;
  ck_assert_int_eq(mitch_trade_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert(memcmp(&v, &before, sizeof v) == 0);
  ck_assert_int_eq(mitch_unpack_trade(in, 32, &tid, &price, &qty, &trade_id, &side),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(tid, 1);
  TU_ASSERT_SAME_DOUBLE(price, 2.0);
  ck_assert_uint_eq(qty, 3);
  ck_assert_uint_eq(trade_id, 4);
  ck_assert_uint_eq(side, 5);
}
END_TEST

static Suite *trade_suite(void) {
  Suite *s = suite_create("trade");
  TCase *tc = tu_tcase("codec");
  tcase_add_test(tc, test_known_bytes);
  tcase_add_loop_test(tc, test_valid_round_trip, 0,
                      (int)(sizeof valid_trades / sizeof valid_trades[0]));
  tcase_add_test(tc, test_padding);
  suite_add_tcase(s, tc);
  tc = tu_tcase("rules");
  tcase_add_test(tc, test_field_rules);
  tcase_add_test(tc, test_decode_rejects_bad_wire);
  tcase_add_test(tc, test_lengths_and_nulls);
  tcase_add_test(tc, test_outputs_untouched_on_failure);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(trade_suite());
}
