/*
 * check_flat_abi.c - every flat-ABI function of ffi.md (all but the
 * registry ones) with NULL for each pointer argument and with short
 * buffers.  ffi.md fixes the order of the checks: NULL pointers (1), then
 * lengths (3), then the message type (2), then field values (6); so each
 * call below also breaks the later rules, to prove the earlier one wins.
 * It also checks the status codes and their texts.
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* P(k, x): &x, or NULL when k is the argument under test. */
#define P(k, x) (null_arg == (k) ? NULL : &(x))
#define NO_NULL 999u

static uint8_t junk[4096]; /* 0xFF everywhere: invalid as any body */

static void init_junk(void) {
  memset(junk, 0xFF, sizeof junk);
}

/* ---- bodies -------------------------------------------------------------- */

static int call_unpack_trade(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint64_t tid = 1;
  double price = 2;
  uint32_t qty = 3, trade_id = 4;
  uint8_t side = 5;
  int st = mitch_unpack_trade(null_arg == 0 ? NULL : bytes, len, P(1, tid), P(2, price),
                              P(3, qty), P(4, trade_id), P(5, side));
  if (st != MITCH_OK) { /* outputs untouched on failure */
    ck_assert_uint_eq(tid, 1);
    ck_assert_double_eq(price, 2);
    ck_assert_uint_eq(qty + trade_id + side, 12);
  }
  return st;
}

START_TEST(test_trade) {
  uint8_t out[32], good[32];
  unsigned k;
  size_t len;
  init_junk();
  /* NULL out beats every bad field */
  ck_assert_int_eq(mitch_pack_trade(0, NAN, 0, 0, 9, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_trade(1, 1.0, 1, 1, 0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_trade(0, NAN, 0, 0, 9, out), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_trade(1, 1.0, 1, 1, 0, good), MITCH_OK);
  ck_assert_int_eq(call_unpack_trade(NO_NULL, good, 32), MITCH_OK);
  for (k = 0; k <= 5; k++) {
    ck_assert_msg(call_unpack_trade(k, good, 32) == MITCH_ERR_INVALID_DATA, "arg %u NULL", k);
    ck_assert_msg(call_unpack_trade(k, junk, 0) == MITCH_ERR_INVALID_DATA, "arg %u NULL, len 0",
                  k);
  }
  for (len = 0; len < 32; len++) {
    ck_assert_int_eq(call_unpack_trade(NO_NULL, good, len), MITCH_ERR_BUFFER_TOO_SMALL);
    ck_assert_int_eq(call_unpack_trade(NO_NULL, junk, len), MITCH_ERR_BUFFER_TOO_SMALL);
  }
  ck_assert_int_eq(call_unpack_trade(NO_NULL, junk, 32), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

static int call_unpack_order(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint64_t tid = 1, expiry = 2;
  uint32_t oid = 3, qty = 4;
  double price = 5;
  uint8_t type = 6, side = 7;
  int st = mitch_unpack_order(null_arg == 0 ? NULL : bytes, len, P(1, tid), P(2, oid),
                              P(3, price), P(4, qty), P(5, type), P(6, side), P(7, expiry));
  if (st != MITCH_OK) {
    ck_assert_uint_eq(tid + expiry, 3);
    ck_assert_uint_eq(oid + qty, 7);
    ck_assert_double_eq(price, 5);
    ck_assert_uint_eq(type + side, 13);
  }
  return st;
}

START_TEST(test_order) {
  uint8_t out[32], good[32];
  unsigned k;
  size_t len;
  init_junk();
  ck_assert_int_eq(mitch_pack_order(0, 0, NAN, 0, 9, 9, UINT64_MAX, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order(0, 0, NAN, 0, 9, 9, UINT64_MAX, out),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_order(1, 1, 1.0, 1, 1, 0, 0, good), MITCH_OK);
  ck_assert_int_eq(call_unpack_order(NO_NULL, good, 32), MITCH_OK);
  for (k = 0; k <= 7; k++) {
    ck_assert_msg(call_unpack_order(k, good, 32) == MITCH_ERR_INVALID_DATA, "arg %u NULL", k);
    ck_assert_msg(call_unpack_order(k, junk, 0) == MITCH_ERR_INVALID_DATA, "arg %u NULL, len 0",
                  k);
  }
  for (len = 0; len < 32; len++)
    ck_assert_int_eq(call_unpack_order(NO_NULL, junk, len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_order(NO_NULL, junk, 32), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

static int call_unpack_tick(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint64_t tid = 1;
  double bid = 2, ask = 3;
  uint32_t bv = 4, av = 5;
  int st = mitch_unpack_tick(null_arg == 0 ? NULL : bytes, len, P(1, tid), P(2, bid), P(3, ask),
                             P(4, bv), P(5, av));
  if (st != MITCH_OK) {
    ck_assert_uint_eq(tid, 1);
    ck_assert_double_eq(bid + ask, 5);
    ck_assert_uint_eq(bv + av, 9);
  }
  return st;
}

START_TEST(test_tick) {
  uint8_t out[32], good[32];
  unsigned k;
  size_t len;
  init_junk();
  ck_assert_int_eq(mitch_pack_tick(0, NAN, -1.0, 0, 0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_tick(0, NAN, -1.0, 0, 0, out), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_tick(1, 1.0, 2.0, 0, 0, good), MITCH_OK);
  ck_assert_int_eq(call_unpack_tick(NO_NULL, good, 32), MITCH_OK);
  for (k = 0; k <= 5; k++) {
    ck_assert_msg(call_unpack_tick(k, good, 32) == MITCH_ERR_INVALID_DATA, "arg %u NULL", k);
    ck_assert_msg(call_unpack_tick(k, junk, 0) == MITCH_ERR_INVALID_DATA, "arg %u NULL, len 0",
                  k);
  }
  for (len = 0; len < 32; len++)
    ck_assert_int_eq(call_unpack_tick(NO_NULL, junk, len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_tick(NO_NULL, junk, 32), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

static int call_unpack_index(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint64_t tid = 1;
  double mid = 2;
  uint32_t vb = 3, va = 4;
  int32_t ms = 5, bb = 6, ba = 7, wb = 8, wa = 9;
  uint16_t vf = 10, lf = 11;
  int16_t tf = 12, mf = 13;
  uint8_t conf = 14, rej = 15, acc = 16;
  int st = mitch_unpack_index(null_arg == 0 ? NULL : bytes, len, P(1, tid), P(2, mid), P(3, vb),
                              P(4, va), P(5, ms), P(6, bb), P(7, ba), P(8, wb), P(9, wa),
                              P(10, vf), P(11, lf), P(12, tf), P(13, mf), P(14, conf),
                              P(15, rej), P(16, acc));
  if (st != MITCH_OK) {
    ck_assert_uint_eq(tid, 1);
    ck_assert_double_eq(mid, 2);
    ck_assert_uint_eq(vb + va, 7);
    ck_assert_int_eq(ms + bb + ba + wb + wa, 35);
    ck_assert_uint_eq(vf + lf, 21);
    ck_assert_int_eq(tf + mf, 25);
    ck_assert_uint_eq(conf + rej + acc, 45);
  }
  return st;
}

START_TEST(test_index) {
  uint8_t out[64], good[64];
  unsigned k;
  size_t len;
  init_junk();
  ck_assert_int_eq(mitch_pack_index(0, NAN, 0, 0, 0, 0, 0, 0, 0, 60000, 60000, -20000, 20000,
                                    200, 0, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_index(0, NAN, 0, 0, 0, 0, 0, 0, 0, 60000, 60000, -20000, 20000,
                                    200, 0, 0, out),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(
      mitch_pack_index(1, 1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 0, 1, good), MITCH_OK);
  ck_assert_int_eq(call_unpack_index(NO_NULL, good, 64), MITCH_OK);
  for (k = 0; k <= 16; k++) {
    ck_assert_msg(call_unpack_index(k, good, 64) == MITCH_ERR_INVALID_DATA, "arg %u NULL", k);
    ck_assert_msg(call_unpack_index(k, junk, 0) == MITCH_ERR_INVALID_DATA, "arg %u NULL, len 0",
                  k);
  }
  for (len = 0; len < 64; len++)
    ck_assert_int_eq(call_unpack_index(NO_NULL, junk, len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_index(NO_NULL, junk, 64), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

static uint32_t bid_bins[256], ask_bins[256];

static int call_unpack_order_book(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint64_t tid = 1;
  double mid = 2;
  uint8_t agg = 3;
  int st = mitch_unpack_order_book(null_arg == 0 ? NULL : bytes, len, P(1, tid), P(2, mid),
                                   P(3, agg), null_arg == 4 ? NULL : bid_bins,
                                   null_arg == 5 ? NULL : ask_bins);
  if (st != MITCH_OK) {
    ck_assert_uint_eq(tid, 1);
    ck_assert_double_eq(mid, 2);
    ck_assert_uint_eq(agg, 3);
  }
  return st;
}

START_TEST(test_order_book) {
  static uint8_t out[2072], good[2072];
  unsigned k;
  size_t len;
  init_junk();
  memset(bid_bins, 0, sizeof bid_bins);
  memset(ask_bins, 0, sizeof ask_bins);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, NULL, ask_bins, out, 0),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bid_bins, NULL, out, 0),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bid_bins, ask_bins, NULL, 0),
                   MITCH_ERR_INVALID_DATA);
  for (len = 0; len < 2072; len += 7)
    ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bid_bins, ask_bins, out, len),
                     MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bid_bins, ask_bins, out, 2071),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bid_bins, ask_bins, out, 2072),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_order_book(1, 1.0, 0, bid_bins, ask_bins, good, sizeof good),
                   MITCH_OK);
  ck_assert_int_eq(call_unpack_order_book(NO_NULL, good, 2072), MITCH_OK);
  for (k = 0; k <= 5; k++) {
    ck_assert_msg(call_unpack_order_book(k, good, 2072) == MITCH_ERR_INVALID_DATA, "arg %u NULL",
                  k);
    ck_assert_msg(call_unpack_order_book(k, junk, 0) == MITCH_ERR_INVALID_DATA,
                  "arg %u NULL, len 0", k);
  }
  for (len = 0; len < 2072; len += 7)
    ck_assert_int_eq(call_unpack_order_book(NO_NULL, junk, len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_order_book(NO_NULL, junk, 2071), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_order_book(NO_NULL, junk, 2072), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

/* ---- sizes and header ------------------------------------------------------ */

START_TEST(test_message_sizes) {
  size_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
  unsigned null_arg;
  for (null_arg = 0; null_arg < 6; null_arg++) {
    ck_assert_int_eq(
        mitch_get_message_sizes(P(0, a), P(1, b), P(2, c), P(3, d), P(4, e), P(5, f)),
        MITCH_ERR_INVALID_DATA);
    ck_assert_uint_eq(a + b + c + d + e + f, 21); /* nothing written */
  }
  ck_assert_int_eq(mitch_get_message_sizes(NULL, NULL, NULL, NULL, NULL, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_get_message_sizes(&a, &b, &c, &d, &e, &f), MITCH_OK);
  ck_assert_uint_eq(a, 8);
  ck_assert_uint_eq(b, 32);
  ck_assert_uint_eq(c, 32);
  ck_assert_uint_eq(d, 32);
  ck_assert_uint_eq(e, 64);
  ck_assert_uint_eq(f, 2072);
}
END_TEST

static int call_unpack_header(unsigned null_arg, const uint8_t *bytes, size_t len) {
  uint8_t type = 1, count = 2;
  uint64_t ts = 3;
  int st = mitch_unpack_header(null_arg == 0 ? NULL : bytes, len, P(1, type), P(2, ts),
                               P(3, count));
  if (st != MITCH_OK) {
    ck_assert_uint_eq(type + count, 3);
    ck_assert_uint_eq(ts, 3);
  }
  return st;
}

START_TEST(test_header) {
  uint8_t out[8], good[8], bad_type_zero_count[8];
  unsigned k;
  size_t len;
  tu_hex("7400000000000001", good, 8);
  tu_hex("5400000000000000", bad_type_zero_count, 8); /* 'T', count 0 */
  /* pack: NULL, then type, then fields */
  ck_assert_int_eq(mitch_pack_header('x', UINT64_MAX, 0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_header('x', UINT64_MAX, 0, out), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_pack_header('t', UINT64_MAX, 0, out), MITCH_ERR_INVALID_FIELD_VALUE);
  /* create: NULL, then length, then type, then fields */
  ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, NULL, 8), MITCH_ERR_INVALID_DATA);
  for (len = 0; len < 8; len++)
    ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, out, len),
                     MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, out, 8),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_create_header('t', UINT64_MAX, 0, out, 8),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  /* unpack */
  ck_assert_int_eq(call_unpack_header(NO_NULL, good, 8), MITCH_OK);
  for (k = 0; k <= 3; k++) {
    ck_assert_msg(call_unpack_header(k, good, 8) == MITCH_ERR_INVALID_DATA, "arg %u NULL", k);
    ck_assert_msg(call_unpack_header(k, bad_type_zero_count, 0) == MITCH_ERR_INVALID_DATA,
                  "arg %u NULL, len 0", k);
  }
  for (len = 0; len < 8; len++)
    ck_assert_int_eq(call_unpack_header(NO_NULL, bad_type_zero_count, len),
                     MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(call_unpack_header(NO_NULL, bad_type_zero_count, 8),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  good[7] = 0;
  ck_assert_int_eq(call_unpack_header(NO_NULL, good, 8), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

/* ---- ticker ids, channels, packed assets --------------------------------- */

START_TEST(test_ticker_id) {
  uint64_t id = 7;
  uint8_t a = 1, b = 2, d = 3;
  uint16_t c = 4, e = 5;
  uint32_t f = 6;
  unsigned null_arg;
  ck_assert_int_eq(mitch_create_ticker_id(16, 16, 0, 16, 0, UINT32_MAX, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_create_ticker_id(16, 16, 0, 16, 0, UINT32_MAX, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(id, 7);
  for (null_arg = 0; null_arg < 6; null_arg++) {
    ck_assert_int_eq(mitch_decode_ticker_id(UINT64_MAX, P(0, a), P(1, b), P(2, c), P(3, d),
                                            P(4, e), P(5, f)),
                     MITCH_ERR_INVALID_DATA);
    ck_assert_uint_eq(a + b + d, 6);
    ck_assert_uint_eq(c + e, 9);
    ck_assert_uint_eq(f, 6);
  }
  ck_assert_int_eq(mitch_decode_ticker_id(UINT64_MAX, &a, &b, &c, &d, &e, &f), MITCH_OK);
  ck_assert_uint_eq(f, 0xFFFFF);
}
END_TEST

START_TEST(test_channel) {
  uint32_t id = 9;
  uint8_t out[4], bad[4] = {0x01, 0x58, 0, 0};
  size_t len;
  ck_assert_int_eq(mitch_create_channel(1, 'x', NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_create_channel(1, 'x', &id), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(id, 9);
  ck_assert_int_eq(mitch_pack_channel(0x12345678u, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_channel(0x12345678u, out), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_unpack_channel(NULL, 4, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_channel(bad, 4, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_channel(NULL, 0, NULL), MITCH_ERR_INVALID_DATA);
  for (len = 0; len < 4; len++)
    ck_assert_int_eq(mitch_unpack_channel(bad, len, &id), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_channel(bad, 4, &id), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_uint_eq(id, 9);
}
END_TEST

START_TEST(test_asset) {
  uint32_t packed = 1;
  uint8_t cls = 2;
  uint16_t id = 3;
  ck_assert_int_eq(mitch_pack_asset(200, 0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_asset(200, 0, &packed), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_unpack_asset(UINT32_MAX, NULL, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(UINT32_MAX, &cls, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(UINT32_MAX, &cls, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(packed + cls + id, 6);
}
END_TEST

START_TEST(test_versions) {
  ck_assert_ptr_ne(mitch_get_version(), NULL);
  ck_assert_ptr_ne(mitch_get_protocol_version(), NULL);
  ck_assert_uint_eq(mitch_get_version_len(), strlen(mitch_get_version()));
  ck_assert_uint_eq(mitch_get_protocol_version_len(), strlen(mitch_get_protocol_version()));
  ck_assert_str_eq(mitch_get_protocol_version(), "1.0.0");
}
END_TEST

/* ---- status codes ------------------------------------------------------------ */

START_TEST(test_status_codes) {
  int code;
  ck_assert_int_eq(MITCH_OK, 0);
  ck_assert_int_eq(MITCH_ERR_INVALID_DATA, 1);
  ck_assert_int_eq(MITCH_ERR_INVALID_MESSAGE_TYPE, 2);
  ck_assert_int_eq(MITCH_ERR_BUFFER_TOO_SMALL, 3);
  ck_assert_int_eq(MITCH_ERR_INVALID_TICKER_ID, 4);
  ck_assert_int_eq(MITCH_ERR_INVALID_CHANNEL_ID, 5);
  ck_assert_int_eq(MITCH_ERR_INVALID_FIELD_VALUE, 6);
  ck_assert_int_eq(MITCH_ERR_SERIALIZATION, 7);
  ck_assert_int_eq(MITCH_ERR_UNKNOWN, 99);
  /* libmitch's own codes sit above 7 and below 99 */
  ck_assert_int_gt(MITCH_END, 7);
  ck_assert_int_lt(MITCH_END, 99);
  ck_assert_int_gt(MITCH_ERR_NOT_FOUND, 7);
  ck_assert_int_lt(MITCH_ERR_NOT_FOUND, 99);
  /* every code has a text; unknown codes too */
  for (code = -3; code <= 100; code++) {
    const char *text = mitch_strerror(code);
    ck_assert_ptr_ne(text, NULL);
    ck_assert_msg(text[0] != '\0', "empty text for %d", code);
  }
  ck_assert_ptr_ne(mitch_strerror(-2147483647 - 1), NULL);
  /* and the known codes have their own texts */
  {
    static const int known[] = {0, 1, 2, 3, 4, 5, 6, 7, MITCH_END, MITCH_ERR_NOT_FOUND, 99};
    size_t i, j;
    const size_t n = sizeof known / sizeof known[0];
    for (i = 0; i < n; i++) {
      ck_assert_msg(strcmp(mitch_strerror(known[i]), mitch_strerror(12345)) != 0,
                    "code %d has the generic text", known[i]);
      for (j = i + 1; j < n; j++)
        ck_assert_msg(strcmp(mitch_strerror(known[i]), mitch_strerror(known[j])) != 0,
                      "codes %d and %d share a text", known[i], known[j]);
    }
  }
}
END_TEST

/* ---- unpack reads the first body-size bytes of a longer buffer ------------- */

START_TEST(test_longer_input) {
  uint8_t buf[4096];
  uint64_t tid;
  double price, bid, ask;
  uint32_t qty, trade_id, bv, av;
  uint8_t side, type, count;
  uint64_t ts;
  uint32_t channel;
  memset(buf, 0xEE, sizeof buf);
  ck_assert_int_eq(mitch_pack_trade(5, 1.0, 1, 1, 0, buf), MITCH_OK);
  ck_assert_int_eq(mitch_unpack_trade(buf, sizeof buf, &tid, &price, &qty, &trade_id, &side),
                   MITCH_OK);
  ck_assert_uint_eq(tid, 5);
  ck_assert_int_eq(mitch_pack_tick(6, 1.0, 2.0, 3, 4, buf), MITCH_OK);
  ck_assert_int_eq(mitch_unpack_tick(buf, sizeof buf, &tid, &bid, &ask, &bv, &av), MITCH_OK);
  ck_assert_uint_eq(av, 4);
  ck_assert_int_eq(mitch_pack_header('b', 1, 1, buf), MITCH_OK);
  ck_assert_int_eq(mitch_unpack_header(buf, 9, &type, &ts, &count), MITCH_OK);
  ck_assert_uint_eq(type, 'b');
  ck_assert_int_eq(mitch_pack_channel(0x00657300u, buf), MITCH_OK);
  ck_assert_int_eq(mitch_unpack_channel(buf, 5, &channel), MITCH_OK);
  ck_assert_uint_eq(channel, 0x00657300u);
}
END_TEST

static Suite *flat_abi_suite(void) {
  Suite *s = suite_create("flat_abi");
  TCase *tc = tu_tcase("bodies");
  tcase_add_test(tc, test_trade);
  tcase_add_test(tc, test_order);
  tcase_add_test(tc, test_tick);
  tcase_add_test(tc, test_index);
  tcase_add_test(tc, test_order_book);
  tcase_add_test(tc, test_longer_input);
  suite_add_tcase(s, tc);
  tc = tu_tcase("other");
  tcase_add_test(tc, test_message_sizes);
  tcase_add_test(tc, test_header);
  tcase_add_test(tc, test_ticker_id);
  tcase_add_test(tc, test_channel);
  tcase_add_test(tc, test_asset);
  tcase_add_test(tc, test_versions);
  tcase_add_test(tc, test_status_codes);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(flat_abi_suite());
}
