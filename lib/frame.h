/*
 * frame.h - the 8-byte message header on the wire, and framing one message
 * inside a caller's buffer (internal).
 *
 * Every function that walks concatenated messages (the reader, the stream
 * functions, the check and capture functions) frames them here, so they
 * all report the same damage with the same status at the same offset.
 */
#ifndef MITCH_FRAME_H
#define MITCH_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"
#include "mitch.h"
#include "wire.h"

/* The whole header is one little-endian u64: type | timestamp << 8 |
   count << 56, written with a single store.  The caller guarantees
   timestamp < 2^48. */
MITCH_INLINE void header_store(uint8_t type, uint64_t timestamp, uint8_t count, uint8_t *out) {
  wire_store_u64(out, (uint64_t)type | (timestamp << 8) | ((uint64_t)count << 56));
}

/* One framed message. */
typedef struct frame {
  uint8_t type;
  uint8_t count;
  uint64_t timestamp;
  const layout_desc *body; /* the layout of its body type */
  size_t size;             /* header + bodies */
} frame;

/* Frame the message at p, with `remaining` (> 0) bytes left in the
   buffer.  On failure, *fault is where the damage is, relative to p: the
   type byte (0), the count byte (7), or `remaining` (the end of the buffer)
   for a message that does not fit.  The header is checked in the order of
   mitch.h: its length, its type byte, its count; then the length of its
   bodies. */
MITCH_INLINE int frame_message(const uint8_t *p, size_t remaining, frame *f, size_t *fault) {
  uint64_t word;
  size_t bs;
  if (MITCH_UNLIKELY(remaining < MITCH_HEADER_SIZE)) {
    *fault = remaining;
    return MITCH_ERR_BUFFER_TOO_SMALL;
  }
  word = wire_load_u64(p);
  f->type = (uint8_t)word;
  f->body = body_layout(f->type);
  if (MITCH_UNLIKELY(!f->body)) {
    *fault = 0;
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
  f->count = (uint8_t)(word >> 56);
  if (MITCH_UNLIKELY(f->count == 0)) {
    *fault = MITCH_HEADER_SIZE - 1;
    return MITCH_ERR_INVALID_FIELD_VALUE;
  }
  f->timestamp = (word >> 8) & MITCH_U48_MAX;
  bs = f->body->pub.wire_size;
  f->size = MITCH_HEADER_SIZE + (size_t)f->count * bs;
  if (MITCH_UNLIKELY(remaining < f->size)) {
    *fault = remaining;
    return MITCH_ERR_BUFFER_TOO_SMALL;
  }
  return MITCH_OK;
}

#endif /* MITCH_FRAME_H */
