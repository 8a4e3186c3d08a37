/*
 * check_batch.c - batch encode/decode of N bodies (no header) for every
 * body type: the bytes of N single bodies back to back, `done` = index of
 * the first bad body; a failed encode writes nothing, a failed decode
 * delivers the bodies before the bad one and leaves its slot and all after
 * it untouched.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define N 6
#define BAD 3 /* index of the invalid body in the "bad" arrays */

/* ---- one valid and one invalid value of each type ------------------------ */

static mitch_trade trade_value(size_t i, int bad) {
  mitch_trade v;
  memset(&v, 0, sizeof v);
  v.ticker_id = 1000 + i;
  v.price = 1.5 + (double)i;
  v.quantity = (uint32_t)(10 + i);
  v.trade_id = (uint32_t)(20 + i);
  v.side = (uint8_t)(i & 1);
  if (bad)
    v.quantity = 0;
  return v;
}

static mitch_order order_value(size_t i, int bad) {
  mitch_order v;
  memset(&v, 0, sizeof v);
  v.ticker_id = 2000 + i;
  v.order_id = (uint32_t)(30 + i);
  v.price = 2.25 * (double)(i + 1);
  v.quantity = (uint32_t)(40 + i);
  v.order_type = (uint8_t)(i % 4);
  v.side = (uint8_t)(i & 1);
  v.expiry_ms = i * UINT64_C(1000000007);
  if (bad)
    v.order_type = 4;
  return v;
}

static mitch_tick tick_value(size_t i, int bad) {
  mitch_tick v;
  memset(&v, 0, sizeof v);
  v.ticker_id = 3000 + i;
  v.bid_price = 100.0 + (double)i;
  v.ask_price = 100.5 + (double)i;
  v.bid_volume = (uint32_t)(50 + i);
  v.ask_volume = (uint32_t)(60 + i);
  if (bad)
    v.ask_price = 99.0; /* below the bid */
  return v;
}

static mitch_index index_value(size_t i, int bad) {
  mitch_index v;
  memset(&v, 0, sizeof v);
  v.ticker_id = 4000 + i;
  v.mid = 4321.0 + (double)i;
  v.v_bid = (uint32_t)i;
  v.v_ask = (uint32_t)(i * 2);
  v.m_spread = (int32_t)i - 3;
  v.b_bid_o = -(int32_t)i;
  v.b_ask_o = (int32_t)i;
  v.v_force = (uint16_t)(i * 100);
  v.t_force = (int16_t)(-(int)i * 100);
  v.confidence = (uint8_t)(i * 10);
  v.accepted = 3;
  if (bad)
    v.t_force = -10001;
  return v;
}

static mitch_order_book order_book_value(size_t i, int bad) {
  mitch_order_book v;
  unsigned b;
  memset(&v, 0, sizeof v);
  v.ticker_id = 5000 + i;
  v.mid_price = 10.0 + (double)i;
  v.bin_aggregator = (uint8_t)(i % 4);
  for (b = 0; b < MITCH_BINS_PER_SIDE; b++) {
    v.bids[b].count = (uint32_t)(i * 1000 + b);
    v.bids[b].volume = (uint32_t)(i * 2000 + b);
    v.asks[b].count = (uint32_t)(i * 3000 + b);
    v.asks[b].volume = (uint32_t)(i * 4000 + b);
  }
  if (bad)
    v.bin_aggregator = 4;
  return v;
}

/* The trade wire image by hand, to check the batch output independently. */
static void trade_bytes(uint8_t out[32], const mitch_trade *v) {
  memset(out, 0, 32);
  tu_put_le(out, v->ticker_id, 8);
  tu_put_f64(out + 8, v->price);
  tu_put_le(out + 16, v->quantity, 4);
  tu_put_le(out + 20, v->trade_id, 4);
  out[24] = v->side;
}

START_TEST(test_trade_batch_bytes) {
  mitch_trade v[N];
  uint8_t out[N * 32], want[32];
  size_t i, done = 99;
  for (i = 0; i < N; i++)
    v[i] = trade_value(i, 0);
  ck_assert_int_eq(mitch_trade_encode_batch(v, N, out, sizeof out, &done), MITCH_OK);
  ck_assert_uint_eq(done, N);
  for (i = 0; i < N; i++) {
    trade_bytes(want, &v[i]);
    TU_ASSERT_BYTES(out + 32 * i, want, 32);
  }
}
END_TEST

/* The same checks for every type, written once as a macro because each
   type has its own struct and functions. */
#define DEFINE_BATCH_TESTS(X, T, SIZE)                                                     \
  START_TEST(test_##X##_batch) {                                                          \
    static T v[N], back[N];                                                               \
    static uint8_t out[N * (SIZE) + 1], single[SIZE];                                     \
    size_t i, done = 99;                                                                  \
    for (i = 0; i < N; i++)                                                               \
      v[i] = X##_value(i, 0);                                                             \
    memset(out, 0xA5, sizeof out);                                                        \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, N, out, N * (SIZE), &done), MITCH_OK);   \
    ck_assert_uint_eq(done, N);                                                           \
    ck_assert_uint_eq(out[N * (SIZE)], 0xA5);                                             \
    /* the batch is N single bodies back to back */                                       \
    for (i = 0; i < N; i++) {                                                             \
      ck_assert_int_eq(mitch_##X##_encode(&v[i], single, sizeof single), MITCH_OK);       \
      TU_ASSERT_BYTES(out + i * (SIZE), single, SIZE);                                    \
    }                                                                                     \
    done = 99;                                                                            \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, N * (SIZE), back, N, &done), MITCH_OK); \
    ck_assert_uint_eq(done, N);                                                           \
    for (i = 0; i < N; i++) {                                                             \
      ck_assert_int_eq(mitch_##X##_encode(&back[i], single, sizeof single), MITCH_OK);    \
      TU_ASSERT_BYTES(out + i * (SIZE), single, SIZE);                                    \
    }                                                                                     \
    /* done may be NULL */                                                                \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, N, out, N * (SIZE), NULL), MITCH_OK);    \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, N * (SIZE), back, N, NULL), MITCH_OK); \
  }                                                                                       \
  END_TEST                                                                                \
                                                                                          \
  START_TEST(test_##X##_batch_first_bad) {                                                \
    static T v[N], back[N];                                                               \
    static uint8_t out[N * (SIZE)], wire[N * (SIZE)], single[SIZE];                       \
    size_t i, done = 99;                                                                  \
    for (i = 0; i < N; i++)                                                               \
      v[i] = X##_value(i, i == BAD);                                                      \
    memset(out, 0xA5, sizeof out);                                                        \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, N, out, sizeof out, &done),              \
                     MITCH_ERR_INVALID_FIELD_VALUE);                                      \
    ck_assert_uint_eq(done, BAD);                                                         \
    /* every body is validated first: nothing at all is written */                       \
    for (i = 0; i < sizeof out; i++)                                                      \
      ck_assert_msg(out[i] == 0xA5, "byte %zu written by a failed encode", i);            \
    /* decode: the wire image of the same bodies, the bad one included */                \
    for (i = 0; i < N; i++) {                                                             \
      T ok = X##_value(i, 0);                                                             \
      ck_assert_int_eq(mitch_##X##_encode(&ok, wire + i * (SIZE), SIZE), MITCH_OK);       \
    }                                                                                     \
    X##_corrupt(wire + BAD * (SIZE));                                                     \
    done = 99;                                                                            \
    memset(back, 0xA5, sizeof back);                                                      \
    ck_assert_int_eq(mitch_##X##_decode_batch(wire, sizeof wire, back, N, &done),         \
                     MITCH_ERR_INVALID_FIELD_VALUE);                                      \
    ck_assert_uint_eq(done, BAD);                                                         \
    /* the valid prefix is delivered ... */                                              \
    for (i = 0; i < BAD; i++) {                                                           \
      ck_assert_int_eq(mitch_##X##_encode(&back[i], single, sizeof single), MITCH_OK);    \
      TU_ASSERT_BYTES(wire + i * (SIZE), single, SIZE);                                   \
    }                                                                                     \
    /* ... and the failing slot and everything after it are untouched */                 \
    for (i = BAD * sizeof(T); i < sizeof back; i++)                                       \
      ck_assert_msg(((const uint8_t *)back)[i] == 0xA5,                                   \
                    "byte %zu of the output written at or after the bad body", i);        \
    /* the bad body first */                                                              \
    ck_assert_int_eq(mitch_##X##_decode_batch(wire + BAD * (SIZE), (SIZE), back, 1, &done), \
                     MITCH_ERR_INVALID_FIELD_VALUE);                                      \
    ck_assert_uint_eq(done, 0);                                                           \
  }                                                                                       \
  END_TEST                                                                                \
                                                                                          \
  START_TEST(test_##X##_batch_edges) {                                                    \
    static T v[N], back[N];                                                               \
    static uint8_t out[N * (SIZE)];                                                       \
    size_t i, done = 99;                                                                  \
    for (i = 0; i < N; i++)                                                               \
      v[i] = X##_value(i, 0);                                                             \
    /* n == 0: nothing to do, even with NULL arrays */                                   \
    ck_assert_int_eq(mitch_##X##_encode_batch(NULL, 0, NULL, 0, &done), MITCH_OK);        \
    ck_assert_uint_eq(done, 0);                                                           \
    done = 99;                                                                            \
    ck_assert_int_eq(mitch_##X##_decode_batch(NULL, 0, NULL, 0, &done), MITCH_OK);        \
    ck_assert_uint_eq(done, 0);                                                           \
    /* NULL with n > 0 */                                                                 \
    done = 99;                                                                            \
    ck_assert_int_eq(mitch_##X##_encode_batch(NULL, 1, out, sizeof out, &done),           \
                     MITCH_ERR_INVALID_DATA);                                             \
    ck_assert_uint_eq(done, 0);                                                           \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, 1, NULL, sizeof out, &done),             \
                     MITCH_ERR_INVALID_DATA);                                             \
    ck_assert_int_eq(mitch_##X##_decode_batch(NULL, sizeof out, back, 1, &done),          \
                     MITCH_ERR_INVALID_DATA);                                             \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, sizeof out, NULL, 1, &done),           \
                     MITCH_ERR_INVALID_DATA);                                             \
    /* short buffers: checked before any body is written */                              \
    memset(out, 0xA5, sizeof out);                                                        \
    done = 99;                                                                            \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, N, out, N * (SIZE) - 1, &done),          \
                     MITCH_ERR_BUFFER_TOO_SMALL);                                         \
    ck_assert_uint_eq(done, 0);                                                           \
    for (i = 0; i < sizeof out; i++)                                                      \
      ck_assert_uint_eq(out[i], 0xA5);                                                    \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, N, out, N * (SIZE), NULL), MITCH_OK);    \
    done = 99;                                                                            \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, N * (SIZE) - 1, back, N, &done),       \
                     MITCH_ERR_BUFFER_TOO_SMALL);                                         \
    ck_assert_uint_eq(done, 0);                                                           \
    /* a count whose byte size overflows size_t is "too small", not a wrap */           \
    ck_assert_int_eq(mitch_##X##_encode_batch(v, SIZE_MAX, out, sizeof out, &done),       \
                     MITCH_ERR_BUFFER_TOO_SMALL);                                         \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, sizeof out, back, SIZE_MAX / 2 + 2,    \
                                              &done),                                     \
                     MITCH_ERR_BUFFER_TOO_SMALL);                                         \
    /* a longer input than n bodies is fine */                                           \
    ck_assert_int_eq(mitch_##X##_decode_batch(out, sizeof out, back, N - 1, &done),       \
                     MITCH_OK);                                                           \
    ck_assert_uint_eq(done, N - 1);                                                       \
  }                                                                                       \
  END_TEST

/* Break one field of a wire body (so decode must refuse it). */
static void trade_corrupt(uint8_t *b) {
  tu_put_le(b + 16, 0, 4); /* quantity 0 */
}
static void order_corrupt(uint8_t *b) {
  b[24] = (uint8_t)(4 << 1); /* order type 4 */
}
static void tick_corrupt(uint8_t *b) {
  tu_put_f64(b + 16, NAN); /* ask price */
}
static void index_corrupt(uint8_t *b) {
  b[52] = 101; /* confidence */
}
static void order_book_corrupt(uint8_t *b) {
  tu_put_le(b, 0, 8); /* ticker id 0 */
}

DEFINE_BATCH_TESTS(trade, mitch_trade, 32)
DEFINE_BATCH_TESTS(order, mitch_order, 32)
DEFINE_BATCH_TESTS(tick, mitch_tick, 32)
DEFINE_BATCH_TESTS(index, mitch_index, 64)
DEFINE_BATCH_TESTS(order_book, mitch_order_book, 2072)

#define ADD_BATCH_TESTS(tc, X)                                                            \
  do {                                                                                    \
    tcase_add_test(tc, test_##X##_batch);                                                 \
    tcase_add_test(tc, test_##X##_batch_first_bad);                                       \
    tcase_add_test(tc, test_##X##_batch_edges);                                           \
  } while (0)

static Suite *batch_suite(void) {
  Suite *s = suite_create("batch");
  TCase *tc = tu_tcase("batch");
  tcase_add_test(tc, test_trade_batch_bytes);
  ADD_BATCH_TESTS(tc, trade);
  ADD_BATCH_TESTS(tc, order);
  ADD_BATCH_TESTS(tc, tick);
  ADD_BATCH_TESTS(tc, index);
  ADD_BATCH_TESTS(tc, order_book);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(batch_suite());
}
