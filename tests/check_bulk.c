/*
 * check_bulk.c - the one rule of every bulk call (mitch.h, "One rule for
 * every bulk call"): an encoder writes nothing unless every input is valid;
 * a failed batch decode or gather delivers exactly the valid prefix, body
 * by body, says how much, and leaves the failing slot and everything after
 * it untouched; gather may compact in place, other overlap is refused.
 *
 * Only 1.0 functions are called, so the same program also runs against a
 * 1.0 library, where these promises were broken (issue 10): there it
 * fails.  Every output starts filled with FILL, so "untouched" is checked
 * byte by byte.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define FILL 0xA5

static void assert_untouched(const void *p, size_t from, size_t to, const char *what) {
  const uint8_t *b = (const uint8_t *)p;
  size_t i;
  for (i = from; i < to; i++)
    ck_assert_msg(b[i] == FILL, "%s: byte %zu written", what, i);
}

static mitch_trade good_trade(unsigned i) {
  mitch_trade t;
  memset(&t, 0, sizeof t);
  t.ticker_id = 100 + i;
  t.price = 1.5 + i;
  t.quantity = 10 + i;
  t.trade_id = 1 + i;
  t.side = (uint8_t)(i & 1);
  return t;
}

/* A trade body by hand (protocol.md's layout). */
static void trade_bytes(uint8_t *p, unsigned i) {
  memset(p, 0, 32);
  tu_put_le(p, 100 + i, 8);
  tu_put_f64(p + 8, 1.5 + i);
  tu_put_le(p + 16, 10 + i, 4);
  tu_put_le(p + 20, 1 + i, 4);
  p[24] = (uint8_t)(i & 1);
}

static void header_bytes(uint8_t *p, uint8_t type, uint64_t ts, uint8_t count) {
  p[0] = type;
  tu_put_le(p + 1, ts, 6);
  p[7] = count;
}

/* issue 10: "mitch_message_encode with a bad second body returns 6 after
   writing 40 bytes: a header claiming 2 bodies plus body 0". */
START_TEST(test_message_encode_writes_nothing_on_failure) {
  mitch_trade v[3];
  uint8_t out[8 + 3 * 32];
  size_t written = 777;
  v[0] = good_trade(0);
  v[1] = good_trade(1);
  v[2] = good_trade(2);
  v[1].price = -1;
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_message_encode('t', 5, v, 3, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_untouched(out, 0, sizeof out, "mitch_message_encode");
  ck_assert_uint_eq(written, 777);
  v[1].price = 2;
  v[2].side = 2; /* the last body */
  ck_assert_int_eq(mitch_message_encode('t', 5, v, 3, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_untouched(out, 0, sizeof out, "mitch_message_encode, bad last body");
  /* a bad timestamp: nothing either */
  v[2].side = 0;
  ck_assert_int_eq(mitch_message_encode('t', MITCH_U48_MAX + 1, v, 3, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_untouched(out, 0, sizeof out, "mitch_message_encode, bad timestamp");
}
END_TEST

/* Every batch encoder validates all n structs before writing. */
START_TEST(test_encode_batch_validates_first) {
  mitch_trade t[4];
  mitch_tick k[4];
  uint8_t out[4 * 32];
  size_t done = 99, i;
  for (i = 0; i < 4; i++) {
    t[i] = good_trade((unsigned)i);
    memset(&k[i], 0, sizeof k[i]);
    k[i].ticker_id = 1;
    k[i].bid_price = 1;
    k[i].ask_price = 2;
  }
  t[3].trade_id = 0;
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_trade_encode_batch(t, 4, out, sizeof out, &done),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(done, 3);
  assert_untouched(out, 0, sizeof out, "mitch_trade_encode_batch");
  k[2].ask_price = 0.5; /* crossed */
  ck_assert_int_eq(mitch_tick_encode_batch(k, 4, out, sizeof out, &done),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(done, 2);
  assert_untouched(out, 0, sizeof out, "mitch_tick_encode_batch");
}
END_TEST

/* issue 10: "*_decode_batch fills the rejected slot with the invalid
   values". */
START_TEST(test_decode_batch_never_writes_the_failing_slot) {
  uint8_t wire[4 * 32];
  mitch_trade back[4];
  size_t done = 99, i;
  for (i = 0; i < 4; i++)
    trade_bytes(wire + 32 * i, (unsigned)i);
  tu_put_le(wire + 2 * 32 + 16, 0, 4); /* body 2: quantity 0 */
  memset(back, FILL, sizeof back);
  ck_assert_int_eq(mitch_trade_decode_batch(wire, sizeof wire, back, 4, &done),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(done, 2);
  ck_assert_uint_eq(back[0].ticker_id, 100);
  ck_assert_uint_eq(back[1].ticker_id, 101);
  assert_untouched(back, 2 * sizeof back[0], sizeof back, "mitch_trade_decode_batch");
}
END_TEST

/* A stream of three trade messages, 2 + 3 + 2 bodies. */
#define STREAM_SIZE (3 * 8 + 7 * 32)
static void build_stream(uint8_t *s) {
  unsigned i, b = 0;
  header_bytes(s, 't', 1, 2);
  for (i = 0; i < 2; i++)
    trade_bytes(s + 8 + 32 * i, b++);
  header_bytes(s + 72, 't', 2, 3);
  for (i = 0; i < 3; i++)
    trade_bytes(s + 80 + 32 * i, b++);
  header_bytes(s + 176, 't', 3, 2);
  for (i = 0; i < 2; i++)
    trade_bytes(s + 184 + 32 * i, b++);
}

/* issue 10: "mitch_stream_gather with a bad second message returns 6 after
   copying the first message's bodies and setting *n_bodies to 1": the
   prefix is body-granular and nothing at or after the failing slot is
   written. */
START_TEST(test_gather_delivers_the_valid_prefix) {
  uint8_t s[STREAM_SIZE], out[7 * 32];
  size_t n = 99;
  mitch_stream_info info;
  build_stream(s);
  tu_put_f64(s + 80 + 2 * 32 + 8, NAN); /* message 1, body 2 */
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', out, sizeof out, &n, &info),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(n, 4); /* 2 of message 0, 2 of message 1 */
  TU_ASSERT_BYTES(out, s + 8, 64);
  TU_ASSERT_BYTES(out + 64, s + 80, 64);
  assert_untouched(out, 4 * 32, sizeof out, "mitch_stream_gather");
  ck_assert_uint_eq(info.messages, 1);
  ck_assert_uint_eq(info.message_offset, 72);
  ck_assert_uint_eq(info.error_offset, 80 + 2 * 32);
  /* framing damage: the prefix ends before the damaged message */
  build_stream(s);
  s[176 + 7] = 0;
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', out, sizeof out, &n, &info),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(n, 5);
  assert_untouched(out, 5 * 32, sizeof out, "mitch_stream_gather, count 0");
  /* an output too short: the bodies that fit, nothing after */
  build_stream(s);
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', out, 3 * 32 + 7, &n, &info),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_uint_eq(n, 3);
  TU_ASSERT_BYTES(out + 64, s + 80, 32);
  assert_untouched(out, 3 * 32, sizeof out, "mitch_stream_gather, output too short");
}
END_TEST

/* issue 10: "mitch_stream_gather with bodies_out == data is undefined
   behaviour (memcpy-param-overlap)": in place it compacts; other overlap
   is refused. */
START_TEST(test_gather_in_place) {
  uint8_t s[STREAM_SIZE], want[7 * 32];
  size_t n = 0;
  unsigned i;
  build_stream(s);
  for (i = 0; i < 7; i++)
    trade_bytes(want + 32 * i, i);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', s, sizeof s, &n, NULL), MITCH_OK);
  ck_assert_uint_eq(n, 7);
  TU_ASSERT_BYTES(s, want, sizeof want);
  /* output inside the input, but not at its start: refused, input intact */
  build_stream(s);
  memcpy(want, s, 64);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', s + 8, sizeof s - 8, &n, NULL),
                   MITCH_ERR_INVALID_DATA);
  TU_ASSERT_BYTES(s, want, 64);
  /* input inside the output */
  {
    static uint8_t big[1024];
    build_stream(big + 100);
    ck_assert_int_eq(mitch_stream_gather(big + 100, STREAM_SIZE, 't', big, sizeof big, &n, NULL),
                     MITCH_ERR_INVALID_DATA);
  }
}
END_TEST

/* mitch_stream_frame: every body first; overlap refused. */
START_TEST(test_frame_validates_first) {
  uint8_t bodies[3 * 32], out[8 + 3 * 32];
  size_t w = 5;
  unsigned i;
  for (i = 0; i < 3; i++)
    trade_bytes(bodies + 32 * i, i);
  bodies[2 * 32 + 24] = 2; /* body 2: side 2 */
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_stream_frame('t', 1, bodies, 3, out, sizeof out, &w),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_untouched(out, 0, sizeof out, "mitch_stream_frame");
  ck_assert_uint_eq(w, 5);
  bodies[2 * 32 + 24] = 1;
  /* out over its own input (too short anyway: lengths first) */
  ck_assert_int_eq(mitch_stream_frame('t', 1, bodies, 3, bodies, sizeof bodies, &w),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  {
    static uint8_t both[8 + 3 * 32 + 3 * 32];
    memcpy(both + 8, bodies, sizeof bodies);
    ck_assert_int_eq(mitch_stream_frame('t', 1, both + 8, 3, both, sizeof both, &w),
                     MITCH_ERR_INVALID_DATA);
  }
}
END_TEST

static Suite *bulk_suite(void) {
  Suite *s = suite_create("bulk");
  TCase *tc = tu_tcase("one rule");
  tcase_add_test(tc, test_message_encode_writes_nothing_on_failure);
  tcase_add_test(tc, test_encode_batch_validates_first);
  tcase_add_test(tc, test_decode_batch_never_writes_the_failing_slot);
  tcase_add_test(tc, test_gather_delivers_the_valid_prefix);
  tcase_add_test(tc, test_gather_in_place);
  tcase_add_test(tc, test_frame_validates_first);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(bulk_suite());
}
