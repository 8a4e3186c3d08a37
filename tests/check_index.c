/*
 * check_index.c - Index bodies ('i', 64 bytes) and their derived values.
 *
 * Layout from protocol.md: ticker_id u64 @0, mid f64 @8, v_bid u32 @16,
 * v_ask u32 @20, m_spread i32 @24, b_bid_o @28, b_ask_o @32, w_bid_o @36,
 * w_ask_o @40 (i32), v_force u16 @44, l_force u16 @46, t_force i16 @48,
 * m_force i16 @50, confidence @52, rejected @53, accepted @54, padding 9.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static mitch_index base_index(void) {
  mitch_index v;
  memset(&v, 0, sizeof v);
  v.ticker_id = UINT64_C(0x1122334455667788);
  v.mid = 4321.0;
  v.v_bid = 1000;
  v.v_ask = 2000;
  v.m_spread = 150;
  v.b_bid_o = -75;
  v.b_ask_o = 75;
  v.w_bid_o = -1000000;
  v.w_ask_o = 1000000;
  v.v_force = 2500;
  v.l_force = 10000;
  v.t_force = -10000;
  v.m_force = 1234;
  v.confidence = 95;
  v.rejected = 1;
  v.accepted = 7;
  return v;
}

/* The wire image of v, from the table (shifts, two's complement by hand). */
static void index_bytes(uint8_t out[64], const mitch_index *v) {
  memset(out, 0, 64);
  tu_put_le(out + 0, v->ticker_id, 8);
  tu_put_f64(out + 8, v->mid);
  tu_put_le(out + 16, v->v_bid, 4);
  tu_put_le(out + 20, v->v_ask, 4);
  tu_put_le(out + 24, (uint32_t)v->m_spread, 4);
  tu_put_le(out + 28, (uint32_t)v->b_bid_o, 4);
  tu_put_le(out + 32, (uint32_t)v->b_ask_o, 4);
  tu_put_le(out + 36, (uint32_t)v->w_bid_o, 4);
  tu_put_le(out + 40, (uint32_t)v->w_ask_o, 4);
  tu_put_le(out + 44, v->v_force, 2);
  tu_put_le(out + 46, v->l_force, 2);
  tu_put_le(out + 48, (uint16_t)v->t_force, 2);
  tu_put_le(out + 50, (uint16_t)v->m_force, 2);
  out[52] = v->confidence;
  out[53] = v->rejected;
  out[54] = v->accepted;
}

static void assert_same_index(const mitch_index *a, const mitch_index *b) {
  ck_assert_uint_eq(a->ticker_id, b->ticker_id);
  TU_ASSERT_SAME_DOUBLE(a->mid, b->mid);
  ck_assert_uint_eq(a->v_bid, b->v_bid);
  ck_assert_uint_eq(a->v_ask, b->v_ask);
  ck_assert_int_eq(a->m_spread, b->m_spread);
  ck_assert_int_eq(a->b_bid_o, b->b_bid_o);
  ck_assert_int_eq(a->b_ask_o, b->b_ask_o);
  ck_assert_int_eq(a->w_bid_o, b->w_bid_o);
  ck_assert_int_eq(a->w_ask_o, b->w_ask_o);
  ck_assert_uint_eq(a->v_force, b->v_force);
  ck_assert_uint_eq(a->l_force, b->l_force);
  ck_assert_int_eq(a->t_force, b->t_force);
  ck_assert_int_eq(a->m_force, b->m_force);
  ck_assert_uint_eq(a->confidence, b->confidence);
  ck_assert_uint_eq(a->rejected, b->rejected);
  ck_assert_uint_eq(a->accepted, b->accepted);
}

START_TEST(test_known_bytes) {
  uint8_t out[65], want[64];
  mitch_index v = base_index(), back;
  tu_hex("8877665544332211" /* ticker id */
         "0000000000e1b040" /* mid 4321.0 */
         "e8030000"         /* v_bid 1000 */
         "d0070000"         /* v_ask 2000 */
         "96000000"         /* m_spread 150 */
         "b5ffffff"         /* b_bid_o -75 */
         "4b000000"         /* b_ask_o 75 */
         "c0bdf0ff"         /* w_bid_o -1 000 000 */
         "40420f00"         /* w_ask_o 1 000 000 */
         "c409"             /* v_force 2500 */
         "1027"             /* l_force 10000 */
         "f0d8"             /* t_force -10000 */
         "d204"             /* m_force 1234 */
         "5f"               /* confidence 95 */
         "01"               /* rejected 1 */
         "07"               /* accepted 7 */
         "000000000000000000",
         want, 64);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_index_encode(&v, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 64);
  ck_assert_uint_eq(out[64], 0xA5);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_index(v.ticker_id, v.mid, v.v_bid, v.v_ask, v.m_spread, v.b_bid_o,
                                    v.b_ask_o, v.w_bid_o, v.w_ask_o, v.v_force, v.l_force,
                                    v.t_force, v.m_force, v.confidence, v.rejected, v.accepted,
                                    out),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, want, 64);
  ck_assert_uint_eq(out[64], 0xA5);
  ck_assert_int_eq(mitch_index_decode(want, 64, &back), MITCH_OK);
  assert_same_index(&back, &v);
}
END_TEST

START_TEST(test_extremes_round_trip) {
  mitch_index v = base_index(), back;
  uint8_t want[64], out[64];
  uint64_t tid;
  double mid;
  uint32_t vb, va;
  int32_t ms, bb, ba, wb, wa;
  uint16_t vf, lf;
  int16_t tf, mf;
  uint8_t conf, rej, acc;
  v.v_bid = UINT32_MAX;
  v.v_ask = 0;
  v.m_spread = INT32_MIN;
  v.b_bid_o = INT32_MAX;
  v.b_ask_o = INT32_MIN;
  v.w_bid_o = -1;
  v.w_ask_o = 0;
  v.v_force = 0;
  v.l_force = 0;
  v.t_force = 10000;
  v.m_force = -10000;
  v.confidence = 0;
  v.rejected = 255;
  v.accepted = 0; /* allowed with confidence 0 */
  v.mid = DBL_MAX;
  index_bytes(want, &v);
  ck_assert_int_eq(mitch_index_encode(&v, out, 64), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 64);
  ck_assert_int_eq(mitch_index_decode(want, 64, &back), MITCH_OK);
  assert_same_index(&back, &v);
  ck_assert_int_eq(mitch_unpack_index(want, 64, &tid, &mid, &vb, &va, &ms, &bb, &ba, &wb, &wa,
                                      &vf, &lf, &tf, &mf, &conf, &rej, &acc),
                   MITCH_OK);
  ck_assert_uint_eq(tid, v.ticker_id);
  TU_ASSERT_SAME_DOUBLE(mid, v.mid);
  ck_assert_uint_eq(vb, v.v_bid);
  ck_assert_uint_eq(va, v.v_ask);
  ck_assert_int_eq(ms, v.m_spread);
  ck_assert_int_eq(bb, v.b_bid_o);
  ck_assert_int_eq(ba, v.b_ask_o);
  ck_assert_int_eq(wb, v.w_bid_o);
  ck_assert_int_eq(wa, v.w_ask_o);
  ck_assert_uint_eq(vf, v.v_force);
  ck_assert_uint_eq(lf, v.l_force);
  ck_assert_int_eq(tf, v.t_force);
  ck_assert_int_eq(mf, v.m_force);
  ck_assert_uint_eq(conf, v.confidence);
  ck_assert_uint_eq(rej, v.rejected);
  ck_assert_uint_eq(acc, v.accepted);
}
END_TEST

/* Encode v and decode its wire image; both must give `want`. */
static void expect_status(const mitch_index *v, int want, const char *what) {
  uint8_t out[64], in[64];
  mitch_index back;
  ck_assert_msg(mitch_index_validate(v) == want, "validate %s: want %d", what, want);
  ck_assert_msg(mitch_index_encode(v, out, 64) == want, "encode %s: want %d", what, want);
  index_bytes(in, v);
  ck_assert_msg(mitch_index_decode(in, 64, &back) == want, "decode %s: want %d", what, want);
}

START_TEST(test_force_ranges) {
  mitch_index v;
  /* unsigned forces: 0..10000 */
  v = base_index();
  v.v_force = 10000;
  expect_status(&v, MITCH_OK, "v_force 10000");
  v.v_force = 10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "v_force 10001");
  v.v_force = UINT16_MAX;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "v_force 65535");
  v = base_index();
  v.l_force = 0;
  expect_status(&v, MITCH_OK, "l_force 0");
  v.l_force = 10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "l_force 10001");
  v.l_force = UINT16_MAX;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "l_force 65535");
  /* signed forces: -10000..10000 */
  v = base_index();
  v.t_force = -10000;
  expect_status(&v, MITCH_OK, "t_force -10000");
  v.t_force = 10000;
  expect_status(&v, MITCH_OK, "t_force 10000");
  v.t_force = 10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "t_force 10001");
  v.t_force = -10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "t_force -10001");
  v.t_force = INT16_MIN;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "t_force -32768");
  v.t_force = INT16_MAX;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "t_force 32767");
  v = base_index();
  v.m_force = -10000;
  expect_status(&v, MITCH_OK, "m_force -10000");
  v.m_force = 10000;
  expect_status(&v, MITCH_OK, "m_force 10000");
  v.m_force = 10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "m_force 10001");
  v.m_force = -10001;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "m_force -10001");
  v.m_force = INT16_MIN;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "m_force -32768");
}
END_TEST

START_TEST(test_confidence_rule) {
  mitch_index v = base_index();
  unsigned c;
  for (c = 0; c <= 255; c++) {
    v.confidence = (uint8_t)c;
    v.accepted = 1;
    expect_status(&v, c <= 100 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE, "confidence");
    /* no accepted source: only confidence 0 is allowed */
    v.accepted = 0;
    expect_status(&v, c == 0 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE,
                  "confidence with accepted 0");
  }
}
END_TEST

START_TEST(test_other_rules) {
  mitch_index v = base_index();
  const double bad[] = {0.0, -0.0, -1.0, NAN, INFINITY, -INFINITY};
  size_t i;
  v.ticker_id = 0;
  expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "ticker id 0");
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    v = base_index();
    v.mid = bad[i];
    expect_status(&v, MITCH_ERR_INVALID_FIELD_VALUE, "bad mid");
  }
  /* offsets, volumes and rejected have no range rule */
  v = base_index();
  v.m_spread = INT32_MIN;
  v.b_bid_o = INT32_MIN;
  v.b_ask_o = INT32_MAX;
  v.rejected = 255;
  v.accepted = 255;
  expect_status(&v, MITCH_OK, "extreme offsets");
}
END_TEST

START_TEST(test_padding_and_lengths) {
  mitch_index v = base_index(), back;
  uint8_t in[80], out[64], want[64];
  index_bytes(in, &v);
  memset(in + 55, 0xFF, 9); /* padding is ignored when reading */
  memset(in + 64, 0xEE, 16);
  ck_assert_int_eq(mitch_index_decode(in, sizeof in, &back), MITCH_OK);
  assert_same_index(&back, &v);
  memset(out, 0xFF, sizeof out); /* and written as zeros */
  ck_assert_int_eq(mitch_index_encode(&v, out, 64), MITCH_OK);
  index_bytes(want, &v);
  TU_ASSERT_BYTES(out, want, 64);
  ck_assert_int_eq(mitch_index_decode(in, 63, &back), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_index_encode(&v, out, 63), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_index_encode(NULL, out, 64), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_index_encode(&v, NULL, 64), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_index_decode(NULL, 64, &back), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_index_decode(in, 64, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_index_validate(NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_body_validate('i', in, 63), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_body_validate('i', in, 64), MITCH_OK);
}
END_TEST

/* protocol.md: price = mid * (1 + offset / 1e9); force fraction = force /
   10 000; mean spread in price units = mid * m_spread / 1e9. */
START_TEST(test_metrics) {
  mitch_index v = base_index();
  mitch_index_metrics m;
  v.mid = 100.0;
  v.b_bid_o = -1000000; /* -0.1 % */
  v.b_ask_o = 2000000;  /* +0.2 % */
  v.w_bid_o = -50000000;
  v.w_ask_o = 0;
  v.m_spread = 5000000;
  v.v_force = 2500;
  v.l_force = 10000;
  v.t_force = -10000;
  v.m_force = 1234;
  v.confidence = 95;
  ck_assert_int_eq(mitch_index_metrics_get(&v, &m), MITCH_OK);
  ck_assert_double_eq_tol(m.best_bid_price, 99.9, 1e-12);
  ck_assert_double_eq_tol(m.best_ask_price, 100.2, 1e-12);
  ck_assert_double_eq_tol(m.worst_bid_price, 95.0, 1e-12);
  ck_assert_double_eq(m.worst_ask_price, 100.0);
  ck_assert_double_eq_tol(m.mean_spread, 0.5, 1e-12);
  ck_assert_double_eq(m.volatility, 0.25);
  ck_assert_double_eq(m.liquidity, 1.0);
  ck_assert_double_eq(m.trend, -1.0);
  ck_assert_double_eq_tol(m.momentum, 0.1234, 1e-15);
  ck_assert_str_eq(m.confidence_band, "very high");

  /* extreme offsets: INT32_MIN is about -214.7 % */
  v.mid = 1.0;
  v.b_bid_o = INT32_MIN;
  v.b_ask_o = INT32_MAX;
  ck_assert_int_eq(mitch_index_metrics_get(&v, &m), MITCH_OK);
  ck_assert_double_eq_tol(m.best_bid_price, 1.0 - 2.147483648, 1e-12);
  ck_assert_double_eq_tol(m.best_ask_price, 1.0 + 2.147483647, 1e-12);

  ck_assert_int_eq(mitch_index_metrics_get(NULL, &m), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_index_metrics_get(&v, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* [95,100] very high, [80,95) high, [60,80) medium, [40,60) medium-low,
   [20,40) low, [0,20) very low. */
START_TEST(test_confidence_bands) {
  unsigned c;
  for (c = 0; c <= 255; c++) {
    const char *want = c > 100  ? NULL
                       : c >= 95 ? "very high"
                       : c >= 80 ? "high"
                       : c >= 60 ? "medium"
                       : c >= 40 ? "medium-low"
                       : c >= 20 ? "low"
                                 : "very low";
    const char *got = mitch_confidence_band((uint8_t)c);
    if (!want)
      ck_assert_msg(got == NULL, "confidence %u has band %s", c, got);
    else
      ck_assert_msg(got && strcmp(got, want) == 0, "confidence %u: got %s, want %s", c,
                    got ? got : "(null)", want);
  }
}
END_TEST

START_TEST(test_outputs_untouched_on_failure) {
  mitch_index v = base_index();
  uint8_t in[64];
  uint64_t tid = 11;
  double mid = 12.0;
  uint32_t vb = 13, va = 14;
  int32_t ms = 15, bb = 16, ba = 17, wb = 18, wa = 19;
  uint16_t vf = 20, lf = 21;
  int16_t tf = 22, mf = 23;
  uint8_t conf = 24, rej = 25, acc = 26;
  v.confidence = 101;
  index_bytes(in, &v);
  ck_assert_int_eq(mitch_unpack_index(in, 64, &tid, &mid, &vb, &va, &ms, &bb, &ba, &wb, &wa, &vf,
                                      &lf, &tf, &mf, &conf, &rej, &acc),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(tid, 11);
  TU_ASSERT_SAME_DOUBLE(mid, 12.0);
  ck_assert_uint_eq(vb + va, 27);
  ck_assert_int_eq(ms + bb + ba + wb + wa, 85);
  ck_assert_uint_eq(vf + lf, 41);
  ck_assert_int_eq(tf + mf, 45);
  ck_assert_uint_eq(conf + rej + acc, 75);
}
END_TEST

static Suite *index_suite(void) {
  Suite *s = suite_create("index");
  TCase *tc = tu_tcase("codec");
  tcase_add_test(tc, test_known_bytes);
  tcase_add_test(tc, test_extremes_round_trip);
  tcase_add_test(tc, test_padding_and_lengths);
  suite_add_tcase(s, tc);
  tc = tu_tcase("rules");
  tcase_add_test(tc, test_force_ranges);
  tcase_add_test(tc, test_confidence_rule);
  tcase_add_test(tc, test_other_rules);
  tcase_add_test(tc, test_outputs_untouched_on_failure);
  suite_add_tcase(s, tc);
  tc = tu_tcase("metrics");
  tcase_add_test(tc, test_metrics);
  tcase_add_test(tc, test_confidence_bands);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(index_suite());
}
