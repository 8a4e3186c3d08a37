/*
 * check_tick.c - Tick bodies ('s', 32 bytes) and their derived values.
 *
 * Layout from protocol.md: ticker_id u64 @0, bid_price f64 @8,
 * ask_price f64 @16, bid_volume u32 @24, ask_volume u32 @28.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static void tick_bytes(uint8_t out[32], uint64_t ticker_id, double bid, double ask,
                       uint32_t bid_volume, uint32_t ask_volume) {
  tu_put_le(out + 0, ticker_id, 8);
  tu_put_f64(out + 8, bid);
  tu_put_f64(out + 16, ask);
  tu_put_le(out + 24, bid_volume, 4);
  tu_put_le(out + 28, ask_volume, 4);
}

static mitch_tick make_tick(uint64_t ticker_id, double bid, double ask, uint32_t bid_volume,
                            uint32_t ask_volume) {
  mitch_tick t;
  memset(&t, 0, sizeof t);
  t.ticker_id = ticker_id;
  t.bid_price = bid;
  t.ask_price = ask;
  t.bid_volume = bid_volume;
  t.ask_volume = ask_volume;
  return t;
}

START_TEST(test_known_bytes) {
  uint8_t out[33], want[32];
  mitch_tick t = make_tick(UINT64_C(0x0305153138900000), 1.2345, 1.2346, 1000000, 2500000);
  tu_hex("0000903831150503"  /* ticker id */
         "8d976e1283c0f33f"  /* 1.2345 */
         "fe43faedebc0f33f"  /* 1.2346 */
         "40420f00"          /* 1 000 000 */
         "a0252600",         /* 2 500 000 */
         want, 32);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_tick_encode(&t, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_tick(UINT64_C(0x0305153138900000), 1.2345, 1.2346, 1000000,
                                   2500000, out),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_uint_eq(out[32], 0xA5);
}
END_TEST

static const struct {
  double bid, ask;
  uint32_t bid_volume, ask_volume;
} valid_ticks[] = {
    {1.0, 1.0, 0, 0}, /* ask == bid is allowed */
    {1.0, 1.5, 100, 300},
    {DBL_MIN, DBL_MAX, UINT32_MAX, UINT32_MAX},
    {4.9406564584124654e-324, 9.8813129168249309e-324, 1, 0},
    {50000.5, 50000.5, 0, UINT32_MAX},
};

START_TEST(test_valid_round_trip) {
  uint8_t want[32], out[32];
  mitch_tick t = make_tick(UINT64_C(0x6000000000000001), valid_ticks[_i].bid, valid_ticks[_i].ask,
                           valid_ticks[_i].bid_volume, valid_ticks[_i].ask_volume),
             back;
  uint64_t tid;
  double bid, ask;
  uint32_t bv, av;
  tick_bytes(want, t.ticker_id, t.bid_price, t.ask_price, t.bid_volume, t.ask_volume);
  ck_assert_int_eq(mitch_tick_validate(&t), MITCH_OK);
  ck_assert_int_eq(mitch_tick_encode(&t, out, 32), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 32);
  ck_assert_int_eq(mitch_tick_decode(want, 32, &back), MITCH_OK);
  ck_assert_uint_eq(back.ticker_id, t.ticker_id);
  TU_ASSERT_SAME_DOUBLE(back.bid_price, t.bid_price);
  TU_ASSERT_SAME_DOUBLE(back.ask_price, t.ask_price);
  ck_assert_uint_eq(back.bid_volume, t.bid_volume);
  ck_assert_uint_eq(back.ask_volume, t.ask_volume);
  ck_assert_int_eq(mitch_unpack_tick(want, 32, &tid, &bid, &ask, &bv, &av), MITCH_OK);
  ck_assert_uint_eq(tid, t.ticker_id);
  TU_ASSERT_SAME_DOUBLE(bid, t.bid_price);
  TU_ASSERT_SAME_DOUBLE(ask, t.ask_price);
  ck_assert_uint_eq(bv, t.bid_volume);
  ck_assert_uint_eq(av, t.ask_volume);
}
END_TEST

START_TEST(test_ask_below_bid_rejected) {
  uint8_t out[32], in[32];
  mitch_tick t = make_tick(1, 1.5, 1.4999999999999998, 1, 1), v;
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_tick_validate(&t), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_tick_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_tick(1, 2.0, 1.0, 1, 1, out), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(out[0], 0xA5);
  tick_bytes(in, 1, 2.0, 1.0, 1, 1);
  ck_assert_int_eq(mitch_tick_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_body_validate('s', in, 32), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

START_TEST(test_field_rules) {
  const double bad[] = {0.0, -0.0, -1.0, NAN, INFINITY, -INFINITY};
  uint8_t out[32], in[32];
  mitch_tick t, v;
  size_t i;
  t = make_tick(0, 1.0, 2.0, 1, 1);
  ck_assert_int_eq(mitch_tick_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    t = make_tick(1, bad[i], 2.0, 1, 1);
    ck_assert_msg(mitch_tick_encode(&t, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "bid %a accepted", bad[i]);
    t = make_tick(1, 1.0, bad[i], 1, 1);
    ck_assert_msg(mitch_tick_encode(&t, out, 32) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "ask %a accepted", bad[i]);
    tick_bytes(in, 1, bad[i], 2.0, 1, 1);
    ck_assert_msg(mitch_tick_decode(in, 32, &v) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "wire bid %a accepted", bad[i]);
    tick_bytes(in, 1, 1.0, bad[i], 1, 1);
    ck_assert_msg(mitch_tick_decode(in, 32, &v) == MITCH_ERR_INVALID_FIELD_VALUE,
                  "wire ask %a accepted", bad[i]);
  }
  /* NaN on both sides: no ordering, still rejected */
  t = make_tick(1, NAN, NAN, 1, 1);
  ck_assert_int_eq(mitch_tick_encode(&t, out, 32), MITCH_ERR_INVALID_FIELD_VALUE);
  tick_bytes(in, 0, 1.0, 2.0, 0, 0);
  ck_assert_int_eq(mitch_tick_decode(in, 32, &v), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

START_TEST(test_lengths_and_nulls) {
  uint8_t buf[40];
  mitch_tick t = make_tick(1, 1.0, 2.0, 3, 4), v;
  tick_bytes(buf, 1, 1.0, 2.0, 3, 4);
  memset(buf + 32, 0xEE, 8);
  ck_assert_int_eq(mitch_tick_decode(buf, sizeof buf, &v), MITCH_OK);
  ck_assert_uint_eq(v.ask_volume, 4);
  ck_assert_int_eq(mitch_tick_decode(buf, 31, &v), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_tick_encode(&t, buf, 31), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_tick_encode(NULL, buf, 32), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_tick_encode(&t, NULL, 32), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_tick_decode(NULL, 32, &v), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_tick_decode(buf, 32, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_tick_validate(NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* protocol.md: mid = (bid+ask)/2; spread = ask-bid; spread_bps =
   spread/mid*10000; imbalance = (ask_vol-bid_vol)/(ask_vol+bid_vol). */
START_TEST(test_metrics) {
  mitch_tick t = make_tick(1, 1.0, 1.5, 100, 300);
  mitch_tick_metrics m;
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_double_eq(m.mid, 1.25);
  ck_assert_double_eq(m.spread, 0.5);
  ck_assert_double_eq_tol(m.spread_bps, 4000.0, 1e-9);
  ck_assert_double_eq(m.imbalance, 0.5);
  ck_assert_uint_eq(m.total_volume, 400);

  t = make_tick(1, 1.2345, 1.2346, 1000000, 2500000);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_double_eq_tol(m.mid, 1.23455, 1e-15);
  ck_assert_double_eq_tol(m.spread, 0.0001, 1e-15);
  ck_assert_double_eq_tol(m.spread_bps, 0.0001 / 1.23455 * 10000.0, 1e-9);
  ck_assert_double_eq_tol(m.imbalance, 1500000.0 / 3500000.0, 1e-15);
  ck_assert_uint_eq(m.total_volume, 3500000);

  /* all volume on the bid: -1; none at all: 0; totals do not overflow */
  t = make_tick(1, 1.0, 1.0, UINT32_MAX, 0);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_double_eq(m.imbalance, -1.0);
  ck_assert_double_eq(m.spread, 0.0);
  ck_assert_double_eq(m.spread_bps, 0.0);
  t = make_tick(1, 1.0, 1.0, 0, 0);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_double_eq(m.imbalance, 0.0);
  ck_assert_uint_eq(m.total_volume, 0);
  t = make_tick(1, 1.0, 1.0, UINT32_MAX, UINT32_MAX);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_uint_eq(m.total_volume, UINT64_C(8589934590));
  ck_assert_double_eq(m.imbalance, 0.0);

  /* spread_bps is 0 when mid <= 0 (metrics work on any tick) */
  t = make_tick(1, -1.0, 1.0, 0, 0);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, &m), MITCH_OK);
  ck_assert_double_eq(m.mid, 0.0);
  ck_assert_double_eq(m.spread_bps, 0.0);

  ck_assert_int_eq(mitch_tick_metrics_get(NULL, &m), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_tick_metrics_get(&t, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_outputs_untouched_on_failure) {
  uint8_t in[32];
  uint64_t tid = 1;
  double bid = 2.0, ask = 3.0;
  uint32_t bv = 4, av = 5;
  tick_bytes(in, 1, 3.0, 2.0, 1, 1);
  ck_assert_int_eq(mitch_unpack_tick(in, 32, &tid, &bid, &ask, &bv, &av),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(tid, 1);
  TU_ASSERT_SAME_DOUBLE(bid, 2.0);
  TU_ASSERT_SAME_DOUBLE(ask, 3.0);
  ck_assert_uint_eq(bv, 4);
  ck_assert_uint_eq(av, 5);
}
END_TEST

static Suite *tick_suite(void) {
  Suite *s = suite_create("tick");
  TCase *tc = tu_tcase("codec");
  tcase_add_test(tc, test_known_bytes);
  tcase_add_loop_test(tc, test_valid_round_trip, 0,
                      (int)(sizeof valid_ticks / sizeof valid_ticks[0]));
  suite_add_tcase(s, tc);
  tc = tu_tcase("rules");
  tcase_add_test(tc, test_ask_below_bid_rejected);
  tcase_add_test(tc, test_field_rules);
  tcase_add_test(tc, test_lengths_and_nulls);
  tcase_add_test(tc, test_outputs_untouched_on_failure);
  suite_add_tcase(s, tc);
  tc = tu_tcase("metrics");
  tcase_add_test(tc, test_metrics);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(tick_suite());
}
