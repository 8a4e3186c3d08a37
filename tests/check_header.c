/*
 * check_header.c - the 8-byte message header and the size helpers.
 *
 * Expected bytes are written out from protocol.md's header table:
 * type (1 byte) | timestamp (u48 little-endian) | count (1 byte).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static const uint8_t valid_types[] = {'t', 'o', 's', 'i', 'b'};

static int is_valid_type(unsigned c) {
  return c == 't' || c == 'o' || c == 's' || c == 'i' || c == 'b';
}

START_TEST(test_create_writes_table_layout) {
  uint8_t out[9], want[8];
  memset(out, 0xA5, sizeof out);
  /* 't', timestamp 0x0123456789AB, count 3 */
  tu_hex("74ab896745230103", want, 8);
  ck_assert_int_eq(mitch_create_header('t', UINT64_C(0x0123456789AB), 3, out, sizeof out),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
  ck_assert_uint_eq(out[8], 0xA5); /* exactly 8 bytes written */

  /* the flat form writes the same bytes */
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_header('t', UINT64_C(0x0123456789AB), 3, out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
  ck_assert_uint_eq(out[8], 0xA5);
}
END_TEST

/* Every type code, count 1 and 255. */
START_TEST(test_create_every_type) {
  uint8_t type = valid_types[_i];
  uint8_t out[8], want[8];
  memset(want, 0, sizeof want);
  want[0] = type;
  want[7] = 1;
  ck_assert_int_eq(mitch_create_header(type, 0, 1, out, 8), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
  want[7] = 255;
  ck_assert_int_eq(mitch_create_header(type, 0, 255, out, 8), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
}
END_TEST

START_TEST(test_validated_create) {
  mitch_header h;
  uint8_t out[8], want[8];
  h.message_type = 'b';
  h.timestamp = UINT64_C(86399999999999); /* last ns of a day */
  h.count = 2;
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_OK);
  ck_assert_int_eq(mitch_header_encode(&h, out, sizeof out), MITCH_OK);
  /* 86399999999999 = 0x4E94914EFFFF */
  tu_hex("62ffff4e91944e02", want, 8);
  TU_ASSERT_BYTES(out, want, 8);

  h.count = 0;
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_header_encode(&h, out, sizeof out), MITCH_ERR_INVALID_FIELD_VALUE);
  h.count = 1;
  h.message_type = 'T';
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_header_encode(&h, out, sizeof out), MITCH_ERR_INVALID_MESSAGE_TYPE);
  h.message_type = 't';
  h.timestamp = MITCH_U48_MAX + 1;
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_header_validate(NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_header_encode(NULL, out, sizeof out), MITCH_ERR_INVALID_DATA);
  h.timestamp = 0;
  ck_assert_int_eq(mitch_header_encode(&h, NULL, 8), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_header_encode(&h, out, 7), MITCH_ERR_BUFFER_TOO_SMALL);
}
END_TEST

static const uint64_t u48_samples[] = {
    0,
    1,
    0xFF,
    0x100,
    UINT64_C(0xFFFFFFFF),
    UINT64_C(0x100000000),
    UINT64_C(0x7FFFFFFFFFFF),
    UINT64_C(0x800000000000),
    UINT64_C(0xFFFFFFFFFFFE),
    UINT64_C(0xFFFFFFFFFFFF), /* 2^48 - 1 */
};

START_TEST(test_u48_round_trip) {
  uint64_t ts = u48_samples[_i];
  uint8_t out[8], want[8];
  mitch_header h;
  uint8_t type = 0, count = 0;
  uint64_t back = 0;
  want[0] = 'o';
  tu_put_le(want + 1, ts, 6);
  want[7] = 7;
  ck_assert_int_eq(mitch_create_header('o', ts, 7, out, 8), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
  ck_assert_int_eq(mitch_header_decode(out, 8, &h), MITCH_OK);
  ck_assert_uint_eq(h.message_type, 'o');
  ck_assert_uint_eq(h.timestamp, ts);
  ck_assert_uint_eq(h.count, 7);
  ck_assert_int_eq(mitch_unpack_header(out, 8, &type, &back, &count), MITCH_OK);
  ck_assert_uint_eq(type, 'o');
  ck_assert_uint_eq(back, ts);
  ck_assert_uint_eq(count, 7);
}
END_TEST

START_TEST(test_u48_max_bytes) {
  uint8_t out[8], want[8];
  tu_hex("74ffffffffffff01", want, 8);
  ck_assert_int_eq(mitch_pack_header('t', UINT64_C(281474976710655), 1, out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 8);
}
END_TEST

START_TEST(test_timestamp_too_wide) {
  uint8_t out[8];
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_create_header('t', UINT64_C(281474976710656), 1, out, 8),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_header('t', UINT64_MAX, 1, out, 8),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_header('t', UINT64_C(1) << 63, 1, out),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  /* nothing written on failure */
  ck_assert_uint_eq(out[0], 0xA5);
  ck_assert_uint_eq(out[7], 0xA5);
}
END_TEST

START_TEST(test_count_zero_rejected) {
  uint8_t out[8], in[8];
  mitch_header h;
  ck_assert_int_eq(mitch_create_header('t', 5, 0, out, 8), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_pack_header('b', 5, 0, out), MITCH_ERR_INVALID_FIELD_VALUE);
  tu_hex("7405000000000000", in, 8);
  ck_assert_int_eq(mitch_header_decode(in, 8, &h), MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

/* Every byte value that is not one of the five codes, both directions. */
START_TEST(test_unknown_types_rejected) {
  unsigned c;
  for (c = 0; c < 256; c++) {
    uint8_t out[8], in[8];
    mitch_header h;
    int want = is_valid_type(c) ? MITCH_OK : MITCH_ERR_INVALID_MESSAGE_TYPE;
    ck_assert_msg(mitch_create_header((uint8_t)c, 1, 1, out, 8) == want, "create type %u", c);
    in[0] = (uint8_t)c;
    tu_put_le(in + 1, 1, 6);
    in[7] = 1;
    ck_assert_msg(mitch_header_decode(in, 8, &h) == want, "decode type %u", c);
  }
}
END_TEST

START_TEST(test_decode_rules) {
  uint8_t in[16];
  mitch_header h;
  uint8_t type = 0x11, count = 0x22;
  uint64_t ts = 0x33;
  tu_hex("6901020304050609", in, 8);
  memset(in + 8, 0xEE, 8);
  /* a longer buffer is fine: only the first 8 bytes are read */
  ck_assert_int_eq(mitch_header_decode(in, sizeof in, &h), MITCH_OK);
  ck_assert_uint_eq(h.message_type, 'i');
  ck_assert_uint_eq(h.timestamp, UINT64_C(0x060504030201));
  ck_assert_uint_eq(h.count, 9);
  /* short input */
  ck_assert_int_eq(mitch_header_decode(in, 7, &h), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_header_decode(in, 0, &h), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_header_decode(NULL, 8, &h), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_header_decode(in, 8, NULL), MITCH_ERR_INVALID_DATA);
  /* outputs untouched on failure */
  in[7] = 0;
  ck_assert_int_eq(mitch_unpack_header(in, 8, &type, &ts, &count), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(type, 0x11);
  ck_assert_uint_eq(ts, 0x33);
  ck_assert_uint_eq(count, 0x22);
}
END_TEST

/* Checks run NULL, then length, then type, then fields. */
START_TEST(test_check_order) {
  uint8_t out[8], in[8];
  uint8_t type;
  uint64_t ts;
  uint8_t count;
  ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, NULL, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, out, 7), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_create_header('x', UINT64_MAX, 0, out, 8),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_create_header('t', UINT64_MAX, 0, out, 8),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  tu_hex("5800000000000000", in, 8); /* 'X', count 0 */
  ck_assert_int_eq(mitch_unpack_header(in, 7, &type, &ts, &count), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_header(in, 8, &type, &ts, &count),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_unpack_header(NULL, 7, &type, &ts, &count), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_body_sizes) {
  size_t size = 12345;
  ck_assert_int_eq(mitch_body_size('t', &size), MITCH_OK);
  ck_assert_uint_eq(size, 32);
  ck_assert_int_eq(mitch_body_size('o', &size), MITCH_OK);
  ck_assert_uint_eq(size, 32);
  ck_assert_int_eq(mitch_body_size('s', &size), MITCH_OK);
  ck_assert_uint_eq(size, 32);
  ck_assert_int_eq(mitch_body_size('i', &size), MITCH_OK);
  ck_assert_uint_eq(size, 64);
  ck_assert_int_eq(mitch_body_size('b', &size), MITCH_OK);
  ck_assert_uint_eq(size, 2072);
  size = 12345;
  ck_assert_int_eq(mitch_body_size('B', &size), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_body_size(0, &size), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(size, 12345);
  ck_assert_int_eq(mitch_body_size('t', NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_message_sizes) {
  size_t size = 0;
  size_t h = 0, t = 0, o = 0, s = 0, i = 0, b = 0;
  ck_assert_int_eq(mitch_calculate_message_size('t', 1, &size), MITCH_OK);
  ck_assert_uint_eq(size, 8 + 32);
  ck_assert_int_eq(mitch_calculate_message_size('o', 10, &size), MITCH_OK);
  ck_assert_uint_eq(size, 8 + 320);
  ck_assert_int_eq(mitch_calculate_message_size('s', 255, &size), MITCH_OK);
  ck_assert_uint_eq(size, 8 + 255 * 32);
  ck_assert_int_eq(mitch_calculate_message_size('i', 3, &size), MITCH_OK);
  ck_assert_uint_eq(size, 8 + 3 * 64);
  ck_assert_int_eq(mitch_calculate_message_size('b', 255, &size), MITCH_OK);
  ck_assert_uint_eq(size, 528368); /* 8 + 255 * 2072 */
  ck_assert_uint_eq(MITCH_MAX_MESSAGE_SIZE, 528368);
  size = 77;
  ck_assert_int_eq(mitch_calculate_message_size('t', 0, &size), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_calculate_message_size('q', 1, &size), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_calculate_message_size('q', 0, &size), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(size, 77);
  ck_assert_int_eq(mitch_calculate_message_size('t', 1, NULL), MITCH_ERR_INVALID_DATA);

  ck_assert_int_eq(mitch_get_message_sizes(&h, &t, &o, &s, &i, &b), MITCH_OK);
  ck_assert_uint_eq(h, 8);
  ck_assert_uint_eq(t, 32);
  ck_assert_uint_eq(o, 32);
  ck_assert_uint_eq(s, 32);
  ck_assert_uint_eq(i, 64);
  ck_assert_uint_eq(b, 2072);
  ck_assert_uint_eq(MITCH_HEADER_SIZE, 8);
  ck_assert_uint_eq(MITCH_TRADE_SIZE, 32);
  ck_assert_uint_eq(MITCH_ORDER_SIZE, 32);
  ck_assert_uint_eq(MITCH_TICK_SIZE, 32);
  ck_assert_uint_eq(MITCH_INDEX_SIZE, 64);
  ck_assert_uint_eq(MITCH_ORDER_BOOK_SIZE, 2072);
}
END_TEST

static Suite *header_suite(void) {
  Suite *s = suite_create("header");
  TCase *tc = tu_tcase("encode");
  tcase_add_test(tc, test_create_writes_table_layout);
  tcase_add_loop_test(tc, test_create_every_type, 0, (int)sizeof valid_types);
  tcase_add_test(tc, test_validated_create);
  tcase_add_loop_test(tc, test_u48_round_trip, 0,
                      (int)(sizeof u48_samples / sizeof u48_samples[0]));
  tcase_add_test(tc, test_u48_max_bytes);
  tcase_add_test(tc, test_timestamp_too_wide);
  suite_add_tcase(s, tc);
  tc = tu_tcase("rules");
  tcase_add_test(tc, test_count_zero_rejected);
  tcase_add_test(tc, test_unknown_types_rejected);
  tcase_add_test(tc, test_decode_rules);
  tcase_add_test(tc, test_check_order);
  suite_add_tcase(s, tc);
  tc = tu_tcase("sizes");
  tcase_add_test(tc, test_body_sizes);
  tcase_add_test(tc, test_message_sizes);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(header_suite());
}
