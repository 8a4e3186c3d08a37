/*
 * glue.h - the C side of the Go binding: small wrappers that let Go call
 * libmitch without handing C a pointer to a Go stack value.
 *
 * cgo moves every Go value whose address is passed to C onto the heap (one
 * allocation per call).  So a single value goes to C by value and comes
 * back in a struct returned by value, and an output count comes back the
 * same way; only caller-owned slices (already on the heap) are passed by
 * pointer.  Nothing here re-implements a rule of the library.
 */
#ifndef MITCHGO_GLUE_H
#define MITCHGO_GLUE_H

#include <stddef.h>
#include <stdint.h>

#include <mitch.h>

/* One value in, one status out; or a status and a decoded value. */
#define MITCHGO_VALUE_CODEC(name)                                                          \
  typedef struct {                                                                        \
    int status;                                                                           \
    mitch_##name value;                                                                   \
  } mitchgo_##name##_result;                                                              \
  int mitchgo_##name##_validate(mitch_##name v);                                          \
  int mitchgo_##name##_encode(mitch_##name v, uint8_t *out, size_t out_len);              \
  mitchgo_##name##_result mitchgo_##name##_decode(const uint8_t *in, size_t in_len);
MITCHGO_VALUE_CODEC(header)
MITCHGO_VALUE_CODEC(trade)
MITCHGO_VALUE_CODEC(order)
MITCHGO_VALUE_CODEC(tick)
MITCHGO_VALUE_CODEC(index)
MITCHGO_VALUE_CODEC(order_book)
#undef MITCHGO_VALUE_CODEC

/* Derived values of one body. */
typedef struct {
  uint64_t bid_volume, ask_volume, bid_count, ask_count;
} mitchgo_totals;
mitchgo_totals mitchgo_order_book_totals(mitch_order_book b);
mitch_tick_metrics mitchgo_tick_metrics(mitch_tick t);
mitch_index_metrics mitchgo_index_metrics(mitch_index v);

/* A status and a count (bodies done, bytes written). */
typedef struct {
  int status;
  size_t n;
} mitchgo_count_result;

mitchgo_count_result mitchgo_body_size(uint8_t type);
mitchgo_count_result mitchgo_message_size(uint8_t type, uint8_t count);

/* n bodies of `type` (bodies: the Go slice's array of the matching struct). */
mitchgo_count_result mitchgo_decode_batch(uint8_t type, const uint8_t *in, size_t in_len,
                                          void *bodies, size_t n);
mitchgo_count_result mitchgo_encode_batch(uint8_t type, const void *bodies, size_t n, uint8_t *out,
                                          size_t out_len);
mitchgo_count_result mitchgo_message_encode(uint8_t type, uint64_t timestamp, const void *bodies,
                                            size_t count, uint8_t *out, size_t out_len);

/* Framing and validating many messages in one call. */
typedef struct {
  mitch_header header;
  size_t offset;    /* of the header, in the whole buffer */
  size_t size;      /* header + bodies */
  size_t body_size;
} mitchgo_frame;

typedef struct {
  int status;            /* MITCH_OK: cap frames and more may follow; MITCH_END: the buffer
                            ended cleanly after count frames; else the damage after them */
  size_t count;          /* frames written */
  size_t next;           /* where the message after the last frame starts */
  size_t error_offset;   /* on damage: the faulty byte or body */
  size_t message_offset; /* on damage: the damaged message */
} mitchgo_frames_result;

/* Frame (and validate the bodies of) up to cap messages of data[0..size)
   starting at offset. */
mitchgo_frames_result mitchgo_frame_messages(const uint8_t *data, size_t size, size_t offset,
                                             mitchgo_frame *out, size_t cap);

typedef struct {
  int status;
  mitch_stream_info info;
} mitchgo_stream_result;
mitchgo_stream_result mitchgo_stream_validate(const uint8_t *data, size_t size, uint8_t only_type);

/* ---- 1.1: the details of an error, capture decoding ------------------- */

#if MITCH_VERSION_NUMBER < 0x010100
#error "the Go binding needs mitch.h 1.1 or later (mitch_error, capture decoding)"
#endif

/* mitch_check_values / _wire / _stream: the error the checker finds. */
mitch_error mitchgo_check_values(uint8_t id, const void *values, size_t n);
mitch_error mitchgo_check_wire(uint8_t id, const uint8_t *in, size_t in_len, size_t n);
mitch_error mitchgo_check_stream(const uint8_t *data, size_t size, uint8_t only_type);

typedef struct {
  int status;
  size_t counts[5]; /* trades, orders, ticks, indices, order books */
  mitch_stream_info info;
  mitch_error error;
} mitchgo_capture_result;

/* mitch_capture_decode with one sink per body type (bodies/timestamps NULL
   for a type nobody wants, or all NULL to count). */
mitchgo_capture_result mitchgo_capture_decode(const uint8_t *data, size_t size, void *trades,
                                              uint64_t *trade_ts, size_t trade_cap, void *orders,
                                              uint64_t *order_ts, size_t order_cap, void *ticks,
                                              uint64_t *tick_ts, size_t tick_cap, void *indices,
                                              uint64_t *index_ts, size_t index_cap,
                                              void *books, uint64_t *book_ts, size_t book_cap);

typedef struct {
  int status;
  size_t written;
  mitch_error error;
} mitchgo_capture_encode_result;
mitchgo_capture_encode_result mitchgo_capture_encode(uint8_t type, const void *bodies,
                                                     const uint64_t *timestamps, size_t n,
                                                     uint8_t *out, size_t out_len);

/* The file the library was loaded from, or "" where the platform cannot say. */
const char *mitchgo_library_file(void);

#endif
