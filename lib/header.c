/*
 * header.c - the 8-byte message header.
 *
 *   off size field
 *     0    1 message_type  the type byte of a body (layout.h)
 *     1    6 timestamp     u48, ns since midnight UTC
 *     7    1 count         1..255 bodies
 */
#include <config.h>

#include "body.h"
#include "frame.h"

enum { HEADER_TYPE = 0, HEADER_TIMESTAMP = 1, HEADER_COUNT = 7 };
MITCH_STATIC_ASSERT(HEADER_TIMESTAMP == HEADER_TYPE + 1, "header layout");
MITCH_STATIC_ASSERT(HEADER_COUNT == HEADER_TIMESTAMP + 6, "header layout");
MITCH_STATIC_ASSERT(HEADER_COUNT + 1 == MITCH_HEADER_SIZE, "header size");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(header, message_type, HEADER_TYPE);
LAYOUT_ASSERT_OFFSET(header, timestamp, HEADER_TIMESTAMP);
LAYOUT_ASSERT_OFFSET(header, count, HEADER_COUNT);

MITCH_INLINE int header_check(uint8_t type, uint64_t timestamp, uint8_t count) {
  if (MITCH_UNLIKELY(!type_is_valid(type)))
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (MITCH_UNLIKELY(count == 0 || timestamp > MITCH_U48_MAX))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  return MITCH_OK;
}

int mitch_header_validate(const mitch_header *h) {
  if (!h)
    return MITCH_ERR_INVALID_DATA;
  return header_check(h->message_type, h->timestamp, h->count);
}

/* The typed and flat functions share these always-inline bodies, so a flat
   call is one call (GCC does not reliably inline one exported function
   into another). */
MITCH_INLINE int header_encode_inline(uint8_t message_type, uint64_t timestamp, uint8_t count,
                                      uint8_t *out, size_t out_len) {
  int st;
  if (MITCH_UNLIKELY(!out))
    return MITCH_ERR_INVALID_DATA;
  if (MITCH_UNLIKELY(out_len < MITCH_HEADER_SIZE))
    return MITCH_ERR_BUFFER_TOO_SMALL;
  st = header_check(message_type, timestamp, count);
  if (MITCH_UNLIKELY(st != MITCH_OK))
    return st;
  header_store(message_type, timestamp, count, out);
  return MITCH_OK;
}

MITCH_INLINE int header_decode_inline(const uint8_t *in, size_t in_len, mitch_header *h) {
  uint64_t word;
  uint8_t type, count;
  int st;
  if (MITCH_UNLIKELY(!in || !h))
    return MITCH_ERR_INVALID_DATA;
  if (MITCH_UNLIKELY(in_len < MITCH_HEADER_SIZE))
    return MITCH_ERR_BUFFER_TOO_SMALL;
  word = wire_load_u64(in);
  type = (uint8_t)word;
  count = (uint8_t)(word >> 56);
  /* a 6-byte field cannot exceed 2^48 - 1, so only type and count can fail */
  st = header_check(type, 0, count);
  if (MITCH_UNLIKELY(st != MITCH_OK))
    return st;
  h->message_type = type;
  h->timestamp = (word >> 8) & MITCH_U48_MAX;
  h->count = count;
  return MITCH_OK;
}

int mitch_create_header(uint8_t message_type, uint64_t timestamp, uint8_t count, uint8_t *out,
                        size_t out_len) {
  return header_encode_inline(message_type, timestamp, count, out, out_len);
}

int mitch_header_encode(const mitch_header *h, uint8_t *out, size_t out_len) {
  if (MITCH_UNLIKELY(!h))
    return MITCH_ERR_INVALID_DATA;
  return header_encode_inline(h->message_type, h->timestamp, h->count, out, out_len);
}

int mitch_pack_header(uint8_t message_type, uint64_t timestamp, uint8_t count, uint8_t *out) {
  return header_encode_inline(message_type, timestamp, count, out, MITCH_HEADER_SIZE);
}

int mitch_header_decode(const uint8_t *in, size_t in_len, mitch_header *h) {
  return header_decode_inline(in, in_len, h);
}

int mitch_unpack_header(const uint8_t *bytes, size_t len, uint8_t *message_type,
                        uint64_t *timestamp, uint8_t *count) {
  mitch_header h;
  int st;
  if (!message_type || !timestamp || !count)
    return MITCH_ERR_INVALID_DATA;
  st = header_decode_inline(bytes, len, &h);
  if (st != MITCH_OK)
    return st;
  *message_type = h.message_type;
  *timestamp = h.timestamp;
  *count = h.count;
  return MITCH_OK;
}
