/*
 * check_message.c - whole messages: building one into a caller buffer,
 * reading a buffer of concatenated messages of mixed types (with the exact
 * status and offsets of each kind of damage), and the stream helpers
 * (validate, gather, frame).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* ---- a mixed buffer -------------------------------------------------------
 *   offset  type  count  size
 *        0  't'   2      8 + 2*32   = 72
 *       72  's'   1      8 + 32     = 40
 *      112  'b'   1      8 + 2072   = 2080
 *     2192  'i'   3      8 + 3*64   = 200
 *     2392  'o'   1      8 + 32     = 40
 *     2432  end
 */
#define MIXED_SIZE 2432
static const size_t mixed_offsets[] = {0, 72, 112, 2192, 2392};
static const size_t mixed_sizes[] = {72, 40, 2080, 200, 40};
static const uint8_t mixed_types[] = {'t', 's', 'b', 'i', 'o'};
static const uint8_t mixed_counts[] = {2, 1, 1, 3, 1};

static mitch_trade trades[2];
static mitch_tick ticks[1];
static mitch_order_book books[1];
static mitch_index indexes[3];
static mitch_order orders[1];

static void make_bodies(void) {
  unsigned i;
  memset(trades, 0, sizeof trades);
  memset(ticks, 0, sizeof ticks);
  memset(books, 0, sizeof books);
  memset(indexes, 0, sizeof indexes);
  memset(orders, 0, sizeof orders);
  for (i = 0; i < 2; i++) {
    trades[i].ticker_id = 10 + i;
    trades[i].price = 1.25 * (i + 1);
    trades[i].quantity = 100 + i;
    trades[i].trade_id = 1 + i;
    trades[i].side = (uint8_t)i;
  }
  ticks[0].ticker_id = 20;
  ticks[0].bid_price = 1.0;
  ticks[0].ask_price = 1.5;
  books[0].ticker_id = 30;
  books[0].mid_price = 99.5;
  books[0].bin_aggregator = 1;
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    books[0].bids[i].count = i;
    books[0].asks[i].volume = 1000 + i;
  }
  for (i = 0; i < 3; i++) {
    indexes[i].ticker_id = 40 + i;
    indexes[i].mid = 4321.0 + i;
    indexes[i].confidence = (uint8_t)(90 + i);
    indexes[i].accepted = 5;
  }
  orders[0].ticker_id = 50;
  orders[0].order_id = 7;
  orders[0].price = 0.0;
  orders[0].order_type = MITCH_ORDER_CANCEL;
}

static void header_bytes(uint8_t *out, uint8_t type, uint64_t ts, uint8_t count) {
  out[0] = type;
  tu_put_le(out + 1, ts, 6);
  out[7] = count;
}

/* Build the mixed buffer with mitch_message_encode and check every header
   against the table and every body against the single-body encoder. */
static void build_mixed(uint8_t *buf) {
  const void *bodies[] = {trades, ticks, books, indexes, orders};
  size_t k, pos = 0;
  make_bodies();
  for (k = 0; k < 5; k++) {
    size_t written = 0;
    uint8_t want_header[8];
    ck_assert_int_eq(mitch_message_encode(mixed_types[k], 1000 + k, bodies[k], mixed_counts[k],
                                          buf + pos, MIXED_SIZE - pos, &written),
                     MITCH_OK);
    ck_assert_uint_eq(written, mixed_sizes[k]);
    ck_assert_uint_eq(pos, mixed_offsets[k]);
    header_bytes(want_header, mixed_types[k], 1000 + k, mixed_counts[k]);
    TU_ASSERT_BYTES(buf + pos, want_header, 8);
    pos += written;
  }
  ck_assert_uint_eq(pos, MIXED_SIZE);
}

START_TEST(test_message_encode_bodies) {
  static uint8_t buf[MIXED_SIZE];
  uint8_t body[2072];
  unsigned i;
  build_mixed(buf);
  for (i = 0; i < 2; i++) {
    ck_assert_int_eq(mitch_trade_encode(&trades[i], body, 32), MITCH_OK);
    TU_ASSERT_BYTES(buf + 8 + 32 * i, body, 32);
  }
  ck_assert_int_eq(mitch_tick_encode(&ticks[0], body, 32), MITCH_OK);
  TU_ASSERT_BYTES(buf + 72 + 8, body, 32);
  ck_assert_int_eq(mitch_order_book_encode(&books[0], body, 2072), MITCH_OK);
  TU_ASSERT_BYTES(buf + 112 + 8, body, 2072);
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(mitch_index_encode(&indexes[i], body, 64), MITCH_OK);
    TU_ASSERT_BYTES(buf + 2192 + 8 + 64 * i, body, 64);
  }
  ck_assert_int_eq(mitch_order_encode(&orders[0], body, 32), MITCH_OK);
  TU_ASSERT_BYTES(buf + 2392 + 8, body, 32);
}
END_TEST

START_TEST(test_message_encode_errors) {
  static uint8_t out[8 + 256 * 32];
  static mitch_trade many[256];
  size_t written = 12345, i;
  make_bodies();
  for (i = 0; i < 256; i++)
    many[i] = trades[0];
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 255, out, sizeof out, &written), MITCH_OK);
  ck_assert_uint_eq(written, 8 + 255 * 32);
  ck_assert_uint_eq(out[7], 255);
  written = 12345;
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 256, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 0, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_message_encode('T', 0, many, 1, out, sizeof out, &written),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_message_encode('t', MITCH_U48_MAX + 1, many, 1, out, sizeof out,
                                        &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 2, out, 8 + 63, &written),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_message_encode('t', 0, NULL, 2, out, sizeof out, &written),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 2, NULL, sizeof out, &written),
                   MITCH_ERR_INVALID_DATA);
  many[1].price = NAN;
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 2, out, sizeof out, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(written, 12345); /* only set on success */
  /* written may be NULL */
  ck_assert_int_eq(mitch_message_encode('t', 0, many, 1, out, sizeof out, NULL), MITCH_OK);
}
END_TEST

/* ---- the reader ---------------------------------------------------------- */

START_TEST(test_reader_mixed) {
  static uint8_t buf[MIXED_SIZE];
  mitch_reader r;
  mitch_message m;
  size_t k;
  build_mixed(buf);
  mitch_reader_init(&r, buf, sizeof buf);
  for (k = 0; k < 5; k++) {
    size_t bad = 99;
    ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_OK);
    ck_assert_uint_eq(m.header.message_type, mixed_types[k]);
    ck_assert_uint_eq(m.header.timestamp, 1000 + k);
    ck_assert_uint_eq(m.header.count, mixed_counts[k]);
    ck_assert_uint_eq(m.offset, mixed_offsets[k]);
    ck_assert_uint_eq(m.size, mixed_sizes[k]);
    ck_assert_uint_eq(m.body_size, (mixed_sizes[k] - 8) / mixed_counts[k]);
    ck_assert_ptr_eq(m.bodies, buf + mixed_offsets[k] + 8);
    ck_assert_int_eq(mitch_message_validate(&m, &bad), MITCH_OK);
    ck_assert_int_eq(mitch_message_validate(&m, NULL), MITCH_OK);
  }
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_END);
  ck_assert_int_eq(r.status, MITCH_END);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_END); /* sticky */
}
END_TEST

/* Run a reader over buf[0..size): expect `ok` good messages, then `status`
   at error_offset / message_offset, sticky. */
static void expect_damage(const uint8_t *buf, size_t size, size_t ok, int status,
                          size_t error_offset, size_t message_offset) {
  mitch_reader r;
  mitch_message m;
  size_t k;
  int again;
  mitch_reader_init(&r, buf, size);
  for (k = 0; k < ok; k++)
    ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_OK);
  ck_assert_int_eq(mitch_reader_next(&r, &m), status);
  ck_assert_int_eq(r.status, status);
  ck_assert_uint_eq(r.error_offset, error_offset);
  ck_assert_uint_eq(r.message_offset, message_offset);
  again = mitch_reader_next(&r, &m);
  ck_assert_int_eq(again, status);
  ck_assert_uint_eq(r.error_offset, error_offset);
  ck_assert_uint_eq(r.message_offset, message_offset);
}

START_TEST(test_reader_bad_type) {
  static uint8_t buf[MIXED_SIZE];
  build_mixed(buf);
  buf[72] = 'S'; /* case matters */
  expect_damage(buf, sizeof buf, 1, MITCH_ERR_INVALID_MESSAGE_TYPE, 72, 72);
  buf[72] = 's';
  buf[2392] = 0;
  expect_damage(buf, sizeof buf, 4, MITCH_ERR_INVALID_MESSAGE_TYPE, 2392, 2392);
  buf[0] = 0xFF;
  expect_damage(buf, sizeof buf, 0, MITCH_ERR_INVALID_MESSAGE_TYPE, 0, 0);
}
END_TEST

START_TEST(test_reader_count_zero) {
  static uint8_t buf[MIXED_SIZE];
  build_mixed(buf);
  buf[112 + 7] = 0;
  expect_damage(buf, sizeof buf, 2, MITCH_ERR_INVALID_FIELD_VALUE, 119, 112);
}
END_TEST

START_TEST(test_reader_truncated_header) {
  static uint8_t buf[MIXED_SIZE];
  size_t cut;
  build_mixed(buf);
  /* 1..7 bytes of the second header: error at the end of the buffer */
  for (cut = 1; cut < 8; cut++)
    expect_damage(buf, 72 + cut, 1, MITCH_ERR_BUFFER_TOO_SMALL, 72 + cut, 72);
  /* the short header is reported before its bad type byte: lengths
     before types, as everywhere */
  buf[72] = '?';
  expect_damage(buf, 72 + 3, 1, MITCH_ERR_BUFFER_TOO_SMALL, 75, 72);
  expect_damage(buf, 72 + 8, 1, MITCH_ERR_INVALID_MESSAGE_TYPE, 72, 72);
}
END_TEST

START_TEST(test_reader_truncated_body) {
  static uint8_t buf[MIXED_SIZE];
  build_mixed(buf);
  /* the order book message lacks its last byte */
  expect_damage(buf, 2192 - 1, 2, MITCH_ERR_BUFFER_TOO_SMALL, 2191, 112);
  /* only its header is there */
  expect_damage(buf, 112 + 8, 2, MITCH_ERR_BUFFER_TOO_SMALL, 120, 112);
  /* the last message lacks one byte */
  expect_damage(buf, MIXED_SIZE - 1, 4, MITCH_ERR_BUFFER_TOO_SMALL, MIXED_SIZE - 1, 2392);
  /* a count that promises more bodies than there are */
  buf[7] = 200;
  expect_damage(buf, sizeof buf, 0, MITCH_ERR_BUFFER_TOO_SMALL, MIXED_SIZE, 0);
}
END_TEST

START_TEST(test_reader_edges) {
  mitch_reader r;
  mitch_message m;
  uint8_t one = 't';
  mitch_reader_init(&r, NULL, 0);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_END);
  mitch_reader_init(&r, &one, 0);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_END);
  /* NULL data with a size: the caller's mistake is reported, not read as
     an empty stream, and never dereferenced */
  mitch_reader_init(&r, NULL, 100);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_ERR_INVALID_DATA);
  mitch_reader_init(NULL, &one, 1); /* must not crash */
  mitch_reader_init(&r, &one, 1);
  ck_assert_int_eq(mitch_reader_next(NULL, &m), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_reader_next(&r, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_uint_eq(r.error_offset, 1);
  ck_assert_int_eq(mitch_message_validate(NULL, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_message_validate_bad_body) {
  static uint8_t buf[MIXED_SIZE];
  mitch_reader r;
  mitch_message m;
  size_t bad = 99, k;
  build_mixed(buf);
  buf[2192 + 8 + 2 * 64 + 52] = 101; /* third index body: confidence 101 */
  mitch_reader_init(&r, buf, sizeof buf);
  for (k = 0; k < 4; k++)
    ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_OK); /* framing only */
  ck_assert_uint_eq(m.offset, 2192);
  ck_assert_int_eq(mitch_message_validate(&m, &bad), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(bad, 2);
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_OK); /* the reader goes on */
  ck_assert_int_eq(mitch_reader_next(&r, &m), MITCH_END);
}
END_TEST

/* ---- stream helpers ------------------------------------------------------ */

START_TEST(test_stream_validate) {
  static uint8_t buf[MIXED_SIZE];
  mitch_stream_info info;
  build_mixed(buf);
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 0, &info), MITCH_OK);
  ck_assert_uint_eq(info.messages, 5);
  ck_assert_uint_eq(info.bodies, 8);
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 0, NULL), MITCH_OK);
  /* only one type wanted: the tick message is the error */
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 't', &info),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(info.messages, 1);
  ck_assert_uint_eq(info.bodies, 2);
  ck_assert_uint_eq(info.error_offset, 72);
  ck_assert_uint_eq(info.message_offset, 72);
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 'x', &info),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  /* a bad body: the offset of that body */
  buf[2192 + 8 + 2 * 64 + 52] = 101;
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 0, &info),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(info.messages, 3);
  ck_assert_uint_eq(info.bodies, 4);
  ck_assert_uint_eq(info.error_offset, 2192 + 8 + 2 * 64);
  ck_assert_uint_eq(info.message_offset, 2192);
  buf[2192 + 8 + 2 * 64 + 52] = 92;
  /* framing errors carry the reader's offsets */
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf - 5, 0, &info),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_uint_eq(info.messages, 4);
  ck_assert_uint_eq(info.error_offset, sizeof buf - 5);
  ck_assert_uint_eq(info.message_offset, 2392);
  buf[112 + 7] = 0;
  ck_assert_int_eq(mitch_stream_validate(buf, sizeof buf, 0, &info),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(info.messages, 2);
  ck_assert_uint_eq(info.error_offset, 119);
  ck_assert_uint_eq(info.message_offset, 112);
  /* empty input */
  ck_assert_int_eq(mitch_stream_validate(NULL, 0, 0, &info), MITCH_OK);
  ck_assert_uint_eq(info.messages, 0);
  ck_assert_uint_eq(info.bodies, 0);
  ck_assert_int_eq(mitch_stream_validate(NULL, 1, 0, &info), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* Three trade messages of 2, 1 and 3 bodies. */
static size_t build_trades(uint8_t *buf, size_t cap, mitch_trade *t) {
  size_t i, pos = 0, written;
  static const size_t counts[] = {2, 1, 3};
  size_t k, first = 0;
  for (i = 0; i < 6; i++) {
    memset(&t[i], 0, sizeof t[i]);
    t[i].ticker_id = 100 + i;
    t[i].price = 10.0 + (double)i;
    t[i].quantity = 1;
    t[i].trade_id = (uint32_t)(i + 1);
  }
  for (k = 0; k < 3; k++) {
    ck_assert_int_eq(
        mitch_message_encode('t', k, t + first, counts[k], buf + pos, cap - pos, &written),
        MITCH_OK);
    pos += written;
    first += counts[k];
  }
  return pos;
}

START_TEST(test_stream_gather) {
  uint8_t buf[3 * 8 + 6 * 32 + 64], bodies[6 * 32], want[6 * 32];
  static uint8_t mixed[MIXED_SIZE];
  mitch_trade t[6];
  mitch_stream_info info;
  size_t size, n = 0, i;
  size = build_trades(buf, sizeof buf, t);
  ck_assert_uint_eq(size, 3 * 8 + 6 * 32);
  for (i = 0; i < 6; i++)
    ck_assert_int_eq(mitch_trade_encode(&t[i], want + 32 * i, 32), MITCH_OK);
  /* count only */
  ck_assert_int_eq(mitch_stream_gather(buf, size, 't', NULL, 0, &n, &info), MITCH_OK);
  ck_assert_uint_eq(n, 6);
  ck_assert_uint_eq(info.messages, 3);
  /* copy */
  n = 0;
  ck_assert_int_eq(mitch_stream_gather(buf, size, 't', bodies, sizeof bodies, &n, NULL),
                   MITCH_OK);
  ck_assert_uint_eq(n, 6);
  TU_ASSERT_BYTES(bodies, want, sizeof want);
  /* too small for the bodies */
  ck_assert_int_eq(mitch_stream_gather(buf, size, 't', bodies, 5 * 32, &n, &info),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  /* a message of another type */
  build_mixed(mixed);
  ck_assert_int_eq(mitch_stream_gather(mixed, sizeof mixed, 't', NULL, 0, &n, &info),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(info.error_offset, 72);
  ck_assert_int_eq(mitch_stream_gather(buf, size, 'x', NULL, 0, &n, &info),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_stream_gather(buf, size, 't', NULL, 0, NULL, &info),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_stream_gather(NULL, 8, 't', NULL, 0, &n, &info), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_stream_gather(NULL, 0, 't', NULL, 0, &n, &info), MITCH_OK);
  ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_stream_frame) {
  const size_t n_bodies = 600;
  const size_t want_size = 3 * 8 + 600 * 32; /* 255 + 255 + 90 bodies */
  uint8_t *bodies = malloc(n_bodies * 32), *out = malloc(want_size + 16),
          *back = malloc(n_bodies * 32);
  size_t written = 0, i, n = 0;
  uint8_t h[8];
  mitch_stream_info info;
  ck_assert_ptr_ne(bodies, NULL);
  ck_assert_ptr_ne(out, NULL);
  ck_assert_ptr_ne(back, NULL);
  for (i = 0; i < n_bodies; i++) {
    mitch_tick t;
    memset(&t, 0, sizeof t);
    t.ticker_id = i + 1;
    t.bid_price = 1.0 + (double)i;
    t.ask_price = 2.0 + (double)i;
    ck_assert_int_eq(mitch_tick_encode(&t, bodies + 32 * i, 32), MITCH_OK);
  }
  /* sizing call */
  ck_assert_int_eq(mitch_stream_frame('s', 777, bodies, n_bodies, NULL, 0, &written), MITCH_OK);
  ck_assert_uint_eq(written, want_size);
  written = 0;
  memset(out, 0xA5, want_size + 16);
  ck_assert_int_eq(mitch_stream_frame('s', 777, bodies, n_bodies, out, want_size, &written),
                   MITCH_OK);
  ck_assert_uint_eq(written, want_size);
  ck_assert_uint_eq(out[want_size], 0xA5);
  header_bytes(h, 's', 777, 255);
  TU_ASSERT_BYTES(out, h, 8);
  TU_ASSERT_BYTES(out + 8, bodies, 255 * 32);
  TU_ASSERT_BYTES(out + 8 + 255 * 32, h, 8);
  TU_ASSERT_BYTES(out + 16 + 255 * 32, bodies + 255 * 32, 255 * 32);
  header_bytes(h, 's', 777, 90);
  TU_ASSERT_BYTES(out + 16 + 510 * 32, h, 8);
  TU_ASSERT_BYTES(out + 24 + 510 * 32, bodies + 510 * 32, 90 * 32);
  /* and back */
  ck_assert_int_eq(mitch_stream_gather(out, written, 's', back, n_bodies * 32, &n, &info),
                   MITCH_OK);
  ck_assert_uint_eq(n, n_bodies);
  ck_assert_uint_eq(info.messages, 3);
  TU_ASSERT_BYTES(back, bodies, n_bodies * 32);

  /* exactly 255 bodies: one message */
  ck_assert_int_eq(mitch_stream_frame('s', 1, bodies, 255, NULL, 0, &written), MITCH_OK);
  ck_assert_uint_eq(written, 8 + 255 * 32);
  /* none: nothing */
  ck_assert_int_eq(mitch_stream_frame('s', 1, NULL, 0, out, 0, &written), MITCH_OK);
  ck_assert_uint_eq(written, 0);
  /* errors */
  ck_assert_int_eq(mitch_stream_frame('s', 1, bodies, n_bodies, out, want_size - 1, &written),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_stream_frame('x', 1, bodies, n_bodies, out, want_size, &written),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_stream_frame('s', MITCH_U48_MAX + 1, bodies, 1, out, want_size,
                                      &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_stream_frame('s', 1, bodies, 1, out, want_size, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_stream_frame('s', 1, NULL, 1, out, want_size, &written),
                   MITCH_ERR_INVALID_DATA);
  /* a bad body anywhere: nothing is written */
  tu_put_f64(bodies + 300 * 32 + 16, 0.5); /* ask below bid */
  memset(out, 0xA5, want_size);
  ck_assert_int_eq(mitch_stream_frame('s', 1, bodies, n_bodies, out, want_size, &written),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < want_size; i++)
    ck_assert_uint_eq(out[i], 0xA5);
  free(bodies);
  free(out);
  free(back);
}
END_TEST

static Suite *message_suite(void) {
  Suite *s = suite_create("message");
  TCase *tc = tu_tcase("encode");
  tcase_add_test(tc, test_message_encode_bodies);
  tcase_add_test(tc, test_message_encode_errors);
  suite_add_tcase(s, tc);
  tc = tu_tcase("reader");
  tcase_add_test(tc, test_reader_mixed);
  tcase_add_test(tc, test_reader_bad_type);
  tcase_add_test(tc, test_reader_count_zero);
  tcase_add_test(tc, test_reader_truncated_header);
  tcase_add_test(tc, test_reader_truncated_body);
  tcase_add_test(tc, test_reader_edges);
  tcase_add_test(tc, test_message_validate_bad_body);
  suite_add_tcase(s, tc);
  tc = tu_tcase("stream");
  tcase_add_test(tc, test_stream_validate);
  tcase_add_test(tc, test_stream_gather);
  tcase_add_test(tc, test_stream_frame);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(message_suite());
}
