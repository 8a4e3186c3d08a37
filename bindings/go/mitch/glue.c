/* glue.c - the C side of the Go binding (see glue.h). */
#if defined(__linux__) || defined(__APPLE__) || defined(__FreeBSD__)
#define _GNU_SOURCE 1 /* dladdr */
#include <dlfcn.h>
#define MITCHGO_HAVE_DLADDR 1
#endif
#include <string.h>

#include "glue.h"

/* An empty Go slice has no array: an empty input is short (and an empty
   output too small), not missing as NULL would say. */
static const uint8_t no_bytes[1];

#define MITCHGO_VALUE_CODEC(name)                                                          \
  int mitchgo_##name##_validate(mitch_##name v) { return mitch_##name##_validate(&v); }  \
  int mitchgo_##name##_encode(mitch_##name v, uint8_t *out, size_t out_len) {             \
    uint8_t none[1];                                                                      \
    return mitch_##name##_encode(&v, out || out_len ? out : none, out_len);               \
  }                                                                                       \
  mitchgo_##name##_result mitchgo_##name##_decode(const uint8_t *in, size_t in_len) {     \
    mitchgo_##name##_result r;                                                            \
    memset(&r, 0, sizeof r);                                                              \
    r.status = mitch_##name##_decode(in || in_len ? in : no_bytes, in_len, &r.value);     \
    return r;                                                                             \
  }
MITCHGO_VALUE_CODEC(header)
MITCHGO_VALUE_CODEC(trade)
MITCHGO_VALUE_CODEC(order)
MITCHGO_VALUE_CODEC(tick)
MITCHGO_VALUE_CODEC(index)
MITCHGO_VALUE_CODEC(order_book)


mitchgo_totals mitchgo_order_book_totals(mitch_order_book b) {
  mitchgo_totals t = {0, 0, 0, 0};
  mitch_order_book_totals(&b, &t.bid_volume, &t.ask_volume, &t.bid_count, &t.ask_count);
  return t;
}

mitch_tick_metrics mitchgo_tick_metrics(mitch_tick t) {
  mitch_tick_metrics m;
  memset(&m, 0, sizeof m);
  mitch_tick_metrics_get(&t, &m);
  return m;
}

mitch_index_metrics mitchgo_index_metrics(mitch_index v) {
  mitch_index_metrics m;
  memset(&m, 0, sizeof m);
  mitch_index_metrics_get(&v, &m);
  return m;
}

mitchgo_count_result mitchgo_body_size(uint8_t type) {
  mitchgo_count_result r = {0, 0};
  r.status = mitch_body_size(type, &r.n);
  return r;
}

mitchgo_count_result mitchgo_message_size(uint8_t type, uint8_t count) {
  mitchgo_count_result r = {0, 0};
  r.status = mitch_calculate_message_size(type, count, &r.n);
  return r;
}

mitchgo_count_result mitchgo_decode_batch(uint8_t type, const uint8_t *in, size_t in_len,
                                          void *bodies, size_t n) {
  mitchgo_count_result r = {MITCH_ERR_INVALID_MESSAGE_TYPE, 0};
  if (!in && in_len == 0)
    in = no_bytes;
  switch (type) {
    case MITCH_MSG_TRADE: r.status = mitch_trade_decode_batch(in, in_len, bodies, n, &r.n); break;
    case MITCH_MSG_ORDER: r.status = mitch_order_decode_batch(in, in_len, bodies, n, &r.n); break;
    case MITCH_MSG_TICK: r.status = mitch_tick_decode_batch(in, in_len, bodies, n, &r.n); break;
    case MITCH_MSG_INDEX: r.status = mitch_index_decode_batch(in, in_len, bodies, n, &r.n); break;
    case MITCH_MSG_ORDER_BOOK:
      r.status = mitch_order_book_decode_batch(in, in_len, bodies, n, &r.n);
      break;
    default: break;
  }
  return r;
}

mitchgo_count_result mitchgo_encode_batch(uint8_t type, const void *bodies, size_t n, uint8_t *out,
                                          size_t out_len) {
  mitchgo_count_result r = {MITCH_ERR_INVALID_MESSAGE_TYPE, 0};
  uint8_t none[1];
  if (!out && out_len == 0)
    out = none;
  switch (type) {
    case MITCH_MSG_TRADE: r.status = mitch_trade_encode_batch(bodies, n, out, out_len, &r.n); break;
    case MITCH_MSG_ORDER: r.status = mitch_order_encode_batch(bodies, n, out, out_len, &r.n); break;
    case MITCH_MSG_TICK: r.status = mitch_tick_encode_batch(bodies, n, out, out_len, &r.n); break;
    case MITCH_MSG_INDEX: r.status = mitch_index_encode_batch(bodies, n, out, out_len, &r.n); break;
    case MITCH_MSG_ORDER_BOOK:
      r.status = mitch_order_book_encode_batch(bodies, n, out, out_len, &r.n);
      break;
    default: break;
  }
  return r;
}

mitchgo_count_result mitchgo_message_encode(uint8_t type, uint64_t timestamp, const void *bodies,
                                            size_t count, uint8_t *out, size_t out_len) {
  mitchgo_count_result r = {0, 0};
  static const mitch_order_book no_body; /* the largest body: a count of 0 is not NULL */
  uint8_t none[1];
  if (!bodies)
    bodies = &no_body;
  if (!out && out_len == 0)
    out = none;
  r.status = mitch_message_encode(type, timestamp, bodies, count, out, out_len, &r.n);
  return r;
}

mitchgo_frames_result mitchgo_frame_messages(const uint8_t *data, size_t size, size_t offset,
                                             mitchgo_frame *out, size_t cap) {
  mitchgo_frames_result r;
  mitch_reader reader;
  mitch_message m;
  memset(&r, 0, sizeof r);
  r.next = offset;
  if (offset >= size) {
    r.status = offset == size ? MITCH_END : MITCH_ERR_INVALID_DATA;
    return r;
  }
  mitch_reader_init(&reader, data + offset, size - offset);
  while (r.count < cap) {
    size_t bad = 0;
    int st = mitch_reader_next(&reader, &m);
    if (st == MITCH_OK)
      st = mitch_message_validate(&m, &bad);
    if (st != MITCH_OK) {
      r.status = st;
      if (st == MITCH_END)
        return r;
      if (reader.status == MITCH_OK) { /* framed, but a body is invalid */
        r.message_offset = offset + m.offset;
        r.error_offset = offset + m.offset + MITCH_HEADER_SIZE + bad * m.body_size;
      } else {
        r.message_offset = offset + reader.message_offset;
        r.error_offset = offset + reader.error_offset;
      }
      return r;
    }
    out[r.count].header = m.header;
    out[r.count].offset = offset + m.offset;
    out[r.count].size = m.size;
    out[r.count].body_size = m.body_size;
    r.count++;
    r.next = offset + reader.offset;
  }
  r.status = MITCH_OK;
  return r;
}

mitchgo_stream_result mitchgo_stream_validate(const uint8_t *data, size_t size, uint8_t only_type) {
  mitchgo_stream_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_stream_validate(data, size, only_type, &r.info);
  return r;
}

mitch_error mitchgo_check_values(uint8_t id, const void *values, size_t n) {
  mitch_error e;
  memset(&e, 0, sizeof e);
  e.field = e.other_field = -1;
  e.status = mitch_check_values(id, values, n, &e);
  return e;
}

mitch_error mitchgo_check_wire(uint8_t id, const uint8_t *in, size_t in_len, size_t n) {
  mitch_error e;
  memset(&e, 0, sizeof e);
  e.field = e.other_field = -1;
  if (!in && in_len == 0)
    in = no_bytes;
  e.status = mitch_check_wire(id, in, in_len, n, &e);
  return e;
}

mitch_error mitchgo_check_stream(const uint8_t *data, size_t size, uint8_t only_type) {
  mitch_error e;
  memset(&e, 0, sizeof e);
  e.field = e.other_field = -1;
  e.status = mitch_check_stream(data, size, only_type, NULL, &e);
  return e;
}

mitchgo_capture_result mitchgo_capture_decode(const uint8_t *data, size_t size, void *trades,
                                              uint64_t *trade_ts, size_t trade_cap, void *orders,
                                              uint64_t *order_ts, size_t order_cap, void *ticks,
                                              uint64_t *tick_ts, size_t tick_cap, void *indices,
                                              uint64_t *index_ts, size_t index_cap,
                                              void *books, uint64_t *book_ts, size_t book_cap) {
  mitchgo_capture_result r;
  mitch_capture_sink sinks[5];
  size_t i;
  memset(&r, 0, sizeof r);
  memset(sinks, 0, sizeof sinks);
  sinks[0].message_type = MITCH_MSG_TRADE;
  sinks[0].bodies = trades;
  sinks[0].timestamps = trade_ts;
  sinks[0].capacity = trade_cap;
  sinks[1].message_type = MITCH_MSG_ORDER;
  sinks[1].bodies = orders;
  sinks[1].timestamps = order_ts;
  sinks[1].capacity = order_cap;
  sinks[2].message_type = MITCH_MSG_TICK;
  sinks[2].bodies = ticks;
  sinks[2].timestamps = tick_ts;
  sinks[2].capacity = tick_cap;
  sinks[3].message_type = MITCH_MSG_INDEX;
  sinks[3].bodies = indices;
  sinks[3].timestamps = index_ts;
  sinks[3].capacity = index_cap;
  sinks[4].message_type = MITCH_MSG_ORDER_BOOK;
  sinks[4].bodies = books;
  sinks[4].timestamps = book_ts;
  sinks[4].capacity = book_cap;
  if (!data && size == 0)
    data = no_bytes;
  r.error.field = r.error.other_field = -1;
  r.status = mitch_capture_decode(data, size, sinks, 5, &r.info, &r.error);
  for (i = 0; i < 5; i++)
    r.counts[i] = sinks[i].count;
  return r;
}

mitchgo_capture_encode_result mitchgo_capture_encode(uint8_t type, const void *bodies,
                                                     const uint64_t *timestamps, size_t n,
                                                     uint8_t *out, size_t out_len) {
  mitchgo_capture_encode_result r;
  static const mitch_order_book no_body;
  static const uint64_t no_timestamp;
  memset(&r, 0, sizeof r);
  r.error.field = r.error.other_field = -1;
  if (!bodies)
    bodies = &no_body;
  if (!timestamps)
    timestamps = &no_timestamp;
  r.status = mitch_capture_encode(type, bodies, timestamps, n, out, out_len, &r.written, &r.error);
  return r;
}

const char *mitchgo_library_file(void) {
#if defined(MITCHGO_HAVE_DLADDR)
  Dl_info info;
  if (dladdr((const void *)&mitch_get_version, &info) && info.dli_fname)
    return info.dli_fname;
#endif
  return "";
}
