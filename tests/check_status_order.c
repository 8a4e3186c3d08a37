/*
 * check_status_order.c - the documented order of the checks, function by
 * function: a NULL pointer (1), then a length (3), then the message type
 * (2), then field values (6); a length that depends on the type is checked
 * as soon as the type is known.  Each call below breaks several rules at
 * once and must report the first of them in that order; then the rules are
 * repaired one by one and the next one must show.
 *
 * The cases named in issue 10 are here: the 1-byte buffer "X" is a short
 * header (3) for the reader and mitch_stream_validate,
 * mitch_message_encode('t', 0, b, 0, out, 0) is 3, and
 * mitch_stream_frame('t', 1 << 48, body, 1, out, 0, &w) is 3.
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define E1 MITCH_ERR_INVALID_DATA
#define E2 MITCH_ERR_INVALID_MESSAGE_TYPE
#define E3 MITCH_ERR_BUFFER_TOO_SMALL
#define E6 MITCH_ERR_INVALID_FIELD_VALUE

static mitch_trade bad_trade(void) {
  mitch_trade t;
  memset(&t, 0, sizeof t); /* every field zero: breaks several rules */
  return t;
}

static mitch_trade good_trade(void) {
  mitch_trade t = bad_trade();
  t.ticker_id = 1;
  t.price = 1;
  t.quantity = 1;
  t.trade_id = 1;
  return t;
}

START_TEST(test_reader) {
  static const uint8_t x8[8] = {'X', 0, 0, 0, 0, 0, 0, 1};
  mitch_reader r;
  mitch_message m;
  uint8_t one = 'X';
  mitch_reader_init(&r, &one, 1);
  ck_assert_int_eq(mitch_reader_next(NULL, &m), E1);
  ck_assert_int_eq(mitch_reader_next(&r, &m), E3); /* issue 10 */
  ck_assert_uint_eq(r.error_offset, 1);
  mitch_reader_init(&r, x8, 8);
  ck_assert_int_eq(mitch_reader_next(&r, &m), E2);
  ck_assert_uint_eq(r.error_offset, 0);
  mitch_reader_init(&r, NULL, 5);
  ck_assert_int_eq(mitch_reader_next(&r, &m), E1);
}
END_TEST

START_TEST(test_stream_validate) {
  static const uint8_t x8[8] = {'X', 0, 0, 0, 0, 0, 0, 0};
  static const uint8_t t0[8] = {'t', 0, 0, 0, 0, 0, 0, 0};
  mitch_stream_info info;
  ck_assert_int_eq(mitch_stream_validate(NULL, 1, 'X', &info), E1);
  ck_assert_int_eq(mitch_stream_validate((const uint8_t *)"X", 1, 0, &info), E3); /* issue 10 */
  ck_assert_uint_eq(info.error_offset, 1);
  ck_assert_int_eq(mitch_stream_validate(x8, 8, 0, &info), E2);
  ck_assert_int_eq(mitch_stream_validate(t0, 8, 0, &info), E6); /* count 0 */
  ck_assert_int_eq(mitch_stream_validate(x8, 8, 'X', &info), E2);
  /* the same through the check function and the capture decoder */
  ck_assert_int_eq(mitch_check_stream((const uint8_t *)"X", 1, 0, NULL, NULL), E3);
  ck_assert_int_eq(mitch_capture_decode((const uint8_t *)"X", 1, NULL, 0, NULL, NULL), E3);
  ck_assert_int_eq(mitch_capture_decode(x8, 8, NULL, 0, NULL, NULL), E2);
}
END_TEST

START_TEST(test_message_encode) {
  mitch_trade b[2];
  uint8_t out[8 + 2 * 32];
  size_t w;
  b[0] = bad_trade();
  b[1] = bad_trade();
  ck_assert_int_eq(mitch_message_encode('X', MITCH_U48_MAX + 1, NULL, 0, out, 0, &w), E1);
  ck_assert_int_eq(mitch_message_encode('t', 0, b, 0, out, 0, &w), E3); /* issue 10 */
  ck_assert_int_eq(mitch_message_encode('X', 0, b, 0, out, 0, &w), E3);
  ck_assert_int_eq(mitch_message_encode('X', 0, b, 1, out, sizeof out, &w), E2);
  ck_assert_int_eq(mitch_message_encode('t', 0, b, 2, out, 8 + 32, &w), E3); /* body length */
  ck_assert_int_eq(mitch_message_encode('t', 0, b, 0, out, sizeof out, &w), E6);
  ck_assert_int_eq(mitch_message_encode('t', 0, b, 2, out, sizeof out, &w), E6);
}
END_TEST

START_TEST(test_stream_frame) {
  uint8_t body[32], out[8 + 32];
  size_t w;
  memset(body, 0, sizeof body); /* an invalid trade body */
  ck_assert_int_eq(mitch_stream_frame('X', UINT64_C(1) << 48, NULL, 1, out, 0, &w), E1);
  ck_assert_int_eq(mitch_stream_frame('t', 1, body, 1, out, 0, NULL), E1);
  ck_assert_int_eq(mitch_stream_frame('t', UINT64_C(1) << 48, body, 1, out, 0, &w),
                   E3); /* issue 10 */
  ck_assert_int_eq(mitch_stream_frame('X', UINT64_C(1) << 48, body, 1, out, 0, &w), E3);
  ck_assert_int_eq(mitch_stream_frame('X', UINT64_C(1) << 48, body, 1, out, sizeof out, &w), E2);
  ck_assert_int_eq(mitch_stream_frame('t', UINT64_C(1) << 48, body, 1, out, 8 + 31, &w), E3);
  ck_assert_int_eq(mitch_stream_frame('t', UINT64_C(1) << 48, body, 1, out, sizeof out, &w), E6);
  ck_assert_int_eq(mitch_stream_frame('t', 0, body, 1, out, sizeof out, &w), E6);
}
END_TEST

START_TEST(test_stream_gather) {
  /* a trade message with an invalid body */
  uint8_t s[8 + 32], out[32];
  size_t n;
  memset(s, 0, sizeof s);
  s[0] = 't';
  s[7] = 1;
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 'X', out, 0, NULL, NULL), E1);
  ck_assert_int_eq(mitch_stream_gather(NULL, 1, 'X', out, 0, &n, NULL), E1);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 'X', out, 0, &n, NULL), E2);
  /* no room for its body: a length error before its field error */
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', out, 31, &n, NULL), E3);
  ck_assert_int_eq(mitch_stream_gather(s, sizeof s, 't', out, 32, &n, NULL), E6);
  ck_assert_int_eq(mitch_stream_gather((const uint8_t *)"X", 1, 't', out, 32, &n, NULL), E3);
}
END_TEST

START_TEST(test_header) {
  mitch_header h;
  uint8_t out[8];
  static const uint8_t x7[7] = {'X', 0, 0, 0, 0, 0, 0};
  static const uint8_t x8[8] = {'X', 0, 0, 0, 0, 0, 0, 0};
  static const uint8_t t0[8] = {'t', 0, 0, 0, 0, 0, 0, 0};
  ck_assert_int_eq(mitch_header_decode(NULL, 7, &h), E1);
  ck_assert_int_eq(mitch_header_decode(x7, 7, &h), E3);
  ck_assert_int_eq(mitch_header_decode(x8, 8, &h), E2);
  ck_assert_int_eq(mitch_header_decode(t0, 8, &h), E6);
  h.message_type = 'X';
  h.timestamp = MITCH_U48_MAX + 1;
  h.count = 0;
  ck_assert_int_eq(mitch_header_encode(&h, NULL, 8), E1);
  ck_assert_int_eq(mitch_header_encode(&h, out, 7), E3);
  ck_assert_int_eq(mitch_header_encode(&h, out, 8), E2);
  ck_assert_int_eq(mitch_create_header('X', MITCH_U48_MAX + 1, 0, out, 7), E3);
  ck_assert_int_eq(mitch_create_header('X', MITCH_U48_MAX + 1, 0, out, 8), E2);
  ck_assert_int_eq(mitch_create_header('t', MITCH_U48_MAX + 1, 0, out, 8), E6);
  ck_assert_int_eq(mitch_pack_header('X', MITCH_U48_MAX + 1, 0, NULL), E1);
  ck_assert_int_eq(mitch_pack_header('X', MITCH_U48_MAX + 1, 0, out), E2);
  ck_assert_int_eq(mitch_header_validate(NULL), E1);
  ck_assert_int_eq(mitch_header_validate(&h), E2);
}
END_TEST

START_TEST(test_bodies) {
  mitch_trade t = bad_trade(), v[2];
  uint8_t out[64], zero[64];
  size_t done;
  uint64_t id;
  double price;
  uint32_t q, tid;
  uint8_t side;
  memset(zero, 0, sizeof zero);
  v[0] = v[1] = t;
  ck_assert_int_eq(mitch_trade_encode(&t, NULL, 0), E1);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 31), E3);
  ck_assert_int_eq(mitch_trade_encode(&t, out, 32), E6);
  ck_assert_int_eq(mitch_trade_decode(NULL, 0, &t), E1);
  ck_assert_int_eq(mitch_trade_decode(zero, 31, &t), E3);
  ck_assert_int_eq(mitch_trade_decode(zero, 32, &t), E6);
  ck_assert_int_eq(mitch_trade_encode_batch(v, 2, NULL, 0, &done), E1);
  ck_assert_int_eq(mitch_trade_encode_batch(v, 2, out, 63, &done), E3);
  ck_assert_int_eq(mitch_trade_encode_batch(v, 2, out, 64, &done), E6);
  ck_assert_int_eq(mitch_trade_decode_batch(zero, 63, NULL, 2, &done), E1);
  ck_assert_int_eq(mitch_trade_decode_batch(zero, 63, v, 2, &done), E3);
  ck_assert_int_eq(mitch_trade_decode_batch(zero, 64, v, 2, &done), E6);
  ck_assert_int_eq(mitch_pack_trade(0, NAN, 0, 0, 9, NULL), E1);
  ck_assert_int_eq(mitch_unpack_trade(zero, 31, NULL, &price, &q, &tid, &side), E1);
  ck_assert_int_eq(mitch_unpack_trade(zero, 31, &id, &price, &q, &tid, &side), E3);
  ck_assert_int_eq(mitch_unpack_trade(zero, 32, &id, &price, &q, &tid, &side), E6);
  /* the type-dependent length comes after the type */
  ck_assert_int_eq(mitch_body_validate('X', NULL, 0), E1);
  ck_assert_int_eq(mitch_body_validate('X', zero, 0), E2);
  ck_assert_int_eq(mitch_body_validate('t', zero, 31), E3);
  ck_assert_int_eq(mitch_body_validate('t', zero, 32), E6);
  t = good_trade();
  ck_assert_int_eq(mitch_trade_encode(&t, out, 32), MITCH_OK);
}
END_TEST

START_TEST(test_order_book_flat) {
  static uint32_t bins[256];
  static uint8_t out[MITCH_ORDER_BOOK_SIZE];
  uint64_t id;
  double mid;
  uint8_t agg;
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, NULL, bins, out, sizeof out), E1);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, bins, out, sizeof out - 1), E3);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, bins, out, sizeof out), E6);
  memset(out, 0, sizeof out);
  ck_assert_int_eq(mitch_unpack_order_book(out, 10, &id, &mid, &agg, NULL, bins), E1);
  ck_assert_int_eq(mitch_unpack_order_book(out, 10, &id, &mid, &agg, bins, bins), E3);
  ck_assert_int_eq(mitch_unpack_order_book(out, sizeof out, &id, &mid, &agg, bins, bins), E6);
}
END_TEST

START_TEST(test_sizes_and_messages) {
  size_t size;
  mitch_message m;
  uint8_t body[32];
  ck_assert_int_eq(mitch_body_size('X', NULL), E1);
  ck_assert_int_eq(mitch_body_size('X', &size), E2);
  ck_assert_int_eq(mitch_calculate_message_size('X', 0, NULL), E1);
  ck_assert_int_eq(mitch_calculate_message_size('X', 0, &size), E2);
  ck_assert_int_eq(mitch_calculate_message_size('t', 0, &size), E6);
  memset(&m, 0, sizeof m);
  memset(body, 0, sizeof body);
  ck_assert_int_eq(mitch_message_validate(&m, NULL), E1); /* no bodies */
  m.bodies = body;
  m.header.message_type = 'X';
  m.header.count = 1;
  m.body_size = 32;
  ck_assert_int_eq(mitch_message_validate(&m, NULL), E2);
  m.header.message_type = 't';
  ck_assert_int_eq(mitch_message_validate(&m, NULL), E6);
}
END_TEST

START_TEST(test_channels) {
  uint8_t four[4] = {0, 'X', 0, 0};
  uint32_t id;
  uint16_t provider;
  uint8_t type;
  ck_assert_int_eq(mitch_create_channel(1, 'X', NULL), E1);
  ck_assert_int_eq(mitch_create_channel(1, 'X', &id), E2);
  ck_assert_int_eq(mitch_pack_channel(0x0001FF01u, NULL), E1);
  ck_assert_int_eq(mitch_unpack_channel(NULL, 3, &id), E1);
  ck_assert_int_eq(mitch_unpack_channel(four, 3, &id), E3);
  ck_assert_int_eq(mitch_unpack_channel(four, 4, &id), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_channel_decode(0x0001FF01u, NULL, &type), E1);
  ck_assert_int_eq(mitch_channel_decode(0x0001FF01u, &provider, &type),
                   MITCH_ERR_INVALID_CHANNEL_ID);
}
END_TEST

START_TEST(test_ticker_ids_and_assets) {
  mitch_ticker_fields f;
  uint64_t id;
  uint32_t asset;
  uint8_t cls;
  uint16_t cid;
  memset(&f, 0, sizeof f);
  f.instrument_type = 16;
  ck_assert_int_eq(mitch_ticker_id_encode(&f, NULL), E1);
  ck_assert_int_eq(mitch_ticker_id_encode(&f, &id), E6);
  ck_assert_int_eq(mitch_create_ticker_id(16, 0, 0, 0, 0, 0, NULL), E1);
  ck_assert_int_eq(mitch_create_ticker_id(16, 0, 0, 0, 0, 0, &id), E6);
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 1, 0x100000u, NULL), E1);
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 1, 0x100000u, &id), E6);
  ck_assert_int_eq(mitch_pack_asset(16, 0, NULL), E1);
  ck_assert_int_eq(mitch_pack_asset(16, 0, &asset), E6);
  ck_assert_int_eq(mitch_unpack_asset(0x100000u, NULL, &cid), E1);
  ck_assert_int_eq(mitch_unpack_asset(0x100000u, &cls, &cid), E6);
}
END_TEST

START_TEST(test_check_and_capture_functions) {
  mitch_trade t = bad_trade();
  uint8_t zero[64], out[64];
  uint64_t ts = MITCH_U48_MAX + 1;
  size_t w;
  mitch_capture_sink sink;
  memset(zero, 0, sizeof zero);
  ck_assert_int_eq(mitch_check_values('X', NULL, 1, NULL), E1);
  ck_assert_int_eq(mitch_check_values('X', &t, 1, NULL), E2);
  ck_assert_int_eq(mitch_check_values('t', &t, 1, NULL), E6);
  ck_assert_int_eq(mitch_check_wire('X', NULL, 0, 1, NULL), E1);
  ck_assert_int_eq(mitch_check_wire('X', zero, 0, 1, NULL), E2);
  ck_assert_int_eq(mitch_check_wire('t', zero, 31, 1, NULL), E3);
  ck_assert_int_eq(mitch_check_wire('t', zero, 32, 1, NULL), E6);
  ck_assert_int_eq(mitch_capture_encode('X', &t, &ts, 1, out, 7, NULL, NULL), E1);
  ck_assert_int_eq(mitch_capture_encode('X', &t, &ts, 1, out, 7, &w, NULL), E3);
  ck_assert_int_eq(mitch_capture_encode('X', &t, &ts, 1, out, 40, &w, NULL), E2);
  ck_assert_int_eq(mitch_capture_encode('t', &t, &ts, 1, out, 39, &w, NULL), E3);
  ck_assert_int_eq(mitch_capture_encode('t', &t, &ts, 1, out, 40, &w, NULL), E6);
  memset(&sink, 0, sizeof sink);
  sink.message_type = 'X';
  ck_assert_int_eq(mitch_capture_decode(NULL, 1, &sink, 1, NULL, NULL), E1);
  ck_assert_int_eq(mitch_capture_decode(zero, 1, &sink, 1, NULL, NULL), E2);
}
END_TEST

static Suite *order_suite(void) {
  Suite *s = suite_create("status order");
  TCase *tc = tu_tcase("per function");
  tcase_add_test(tc, test_reader);
  tcase_add_test(tc, test_stream_validate);
  tcase_add_test(tc, test_message_encode);
  tcase_add_test(tc, test_stream_frame);
  tcase_add_test(tc, test_stream_gather);
  tcase_add_test(tc, test_header);
  tcase_add_test(tc, test_bodies);
  tcase_add_test(tc, test_order_book_flat);
  tcase_add_test(tc, test_sizes_and_messages);
  tcase_add_test(tc, test_channels);
  tcase_add_test(tc, test_ticker_ids_and_assets);
  tcase_add_test(tc, test_check_and_capture_functions);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(order_suite());
}
