/*
 * message.c - whole messages: sizes, building a message into a caller
 * buffer, and reading a buffer of concatenated messages of mixed types.
 *
 * A body type is known here only by its byte: its size and its fast paths
 * come from the descriptor table (layout.h), so nothing below lists the
 * types.
 */
#include <config.h>

#include <string.h>

#include "frame.h"
#include "layout.h"

int mitch_body_size(uint8_t message_type, size_t *size) {
  size_t bs;
  if (!size)
    return MITCH_ERR_INVALID_DATA;
  bs = body_size_of(message_type);
  if (bs == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  *size = bs;
  return MITCH_OK;
}

int mitch_calculate_message_size(uint8_t message_type, uint8_t count, size_t *size) {
  size_t bs;
  if (!size)
    return MITCH_ERR_INVALID_DATA;
  bs = body_size_of(message_type);
  if (bs == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (count == 0)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *size = MITCH_HEADER_SIZE + (size_t)count * bs;
  return MITCH_OK;
}

int mitch_body_validate(uint8_t message_type, const uint8_t *in, size_t in_len) {
  const layout_desc *d;
  size_t bad;
  if (!in)
    return MITCH_ERR_INVALID_DATA;
  d = body_layout(message_type);
  if (!d)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (in_len < d->pub.wire_size)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  return d->ops->check_wire(in, 1, &bad);
}

int mitch_message_encode(uint8_t message_type, uint64_t timestamp, const void *bodies,
                         size_t count, uint8_t *out, size_t out_len, size_t *written) {
  const layout_desc *d;
  size_t bs, bad;
  int st;
  if (!bodies || !out)
    return MITCH_ERR_INVALID_DATA;
  if (out_len < MITCH_HEADER_SIZE) /* no message fits, whatever its type */
    return MITCH_ERR_BUFFER_TOO_SMALL;
  d = body_layout(message_type);
  if (!d)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  bs = d->pub.wire_size;
  if (count > (out_len - MITCH_HEADER_SIZE) / bs)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  if (count == 0 || count > MITCH_MAX_BODIES || timestamp > MITCH_U48_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  /* Every body is valid before the first byte is written. */
  st = d->ops->check_values(bodies, count, &bad);
  if (st != MITCH_OK)
    return st;
  header_store(message_type, timestamp, (uint8_t)count, out);
  d->ops->store(bodies, count, out + MITCH_HEADER_SIZE);
  if (written)
    *written = MITCH_HEADER_SIZE + count * bs;
  return MITCH_OK;
}

/* ---- reading ----------------------------------------------------------- */

void mitch_reader_init(mitch_reader *r, const void *data, size_t size) {
  if (!r)
    return;
  r->data = data;
  r->size = data ? size : 0;
  r->offset = 0;
  /* NULL data with a size is a caller's mistake, not an empty stream:
     make the first mitch_reader_next() say so. */
  r->status = data || size == 0 ? MITCH_OK : MITCH_ERR_INVALID_DATA;
  r->error_offset = 0;
  r->message_offset = 0;
}

int mitch_reader_next(mitch_reader *r, mitch_message *msg) {
  frame f;
  size_t fault;
  int st;
  if (!r || !msg)
    return MITCH_ERR_INVALID_DATA;
  if (r->status != MITCH_OK)
    return r->status;
  if (r->offset >= r->size) {
    r->status = MITCH_END;
    return MITCH_END;
  }
  st = frame_message(r->data + r->offset, r->size - r->offset, &f, &fault);
  if (st != MITCH_OK) {
    r->status = st;
    r->error_offset = r->offset + fault;
    r->message_offset = r->offset;
    return st;
  }
  msg->header.message_type = f.type;
  msg->header.timestamp = f.timestamp;
  msg->header.count = f.count;
  msg->offset = r->offset;
  msg->size = f.size;
  msg->body_size = f.body->pub.wire_size;
  msg->bodies = r->data + r->offset + MITCH_HEADER_SIZE;
  r->offset += f.size;
  return MITCH_OK;
}

int mitch_message_validate(const mitch_message *msg, size_t *bad_body) {
  const layout_desc *d;
  size_t bad = 0;
  int st;
  if (!msg || !msg->bodies)
    return MITCH_ERR_INVALID_DATA;
  d = body_layout(msg->header.message_type);
  if (!d || msg->body_size != d->pub.wire_size)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  st = d->ops->check_wire(msg->bodies, msg->header.count, &bad);
  if (st != MITCH_OK && bad_body)
    *bad_body = bad;
  return st;
}

/* Do [a, a + a_len) and [b, b + b_len) share a byte?  Compared as
   integers: the two may be unrelated objects. */
static int ranges_overlap(const void *a, size_t a_len, const void *b, size_t b_len) {
  uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  if (a_len == 0 || b_len == 0)
    return 0;
  return x < y ? y - x < a_len : x - y < b_len;
}

/* Walk a whole buffer; with `copy_to` set, append every message's bodies
   there, each body only once it is known to be valid and to fit (so a
   failure leaves exactly the valid prefix).  copy_to may be `data` itself
   (in-place compaction): a body is never copied to a place after where it
   is read from, and memmove copes with the overlap of one body with
   itself.  Shared by mitch_stream_validate and mitch_stream_gather. */
static int stream_walk(const uint8_t *data, size_t size, uint8_t only_type, uint8_t *copy_to,
                       size_t copy_cap, size_t *n_bodies, mitch_stream_info *info) {
  mitch_stream_info local = {0, 0, 0, 0};
  size_t offset = 0, delivered = 0;
  int st = MITCH_OK;

  while (offset < size) {
    frame f;
    size_t fault, bad = 0, bs, good, fits;
    const uint8_t *bodies = data + offset + MITCH_HEADER_SIZE;
    st = frame_message(data + offset, size - offset, &f, &fault);
    if (st != MITCH_OK) {
      local.error_offset = offset + fault;
      local.message_offset = offset;
      break;
    }
    if (only_type && f.type != only_type) {
      st = MITCH_ERR_INVALID_MESSAGE_TYPE;
      local.error_offset = local.message_offset = offset;
      break;
    }
    bs = f.body->pub.wire_size;
    /* the bodies that fit are checked; the first that does not fit is a
       length error, reported before any field error after it */
    fits = copy_to ? (copy_cap - delivered * bs) / bs : f.count;
    fits = fits < f.count ? fits : f.count;
    st = f.body->ops->check_wire(bodies, fits, &bad);
    if (st == MITCH_OK && fits < f.count) {
      st = MITCH_ERR_BUFFER_TOO_SMALL;
      bad = fits;
    }
    good = st == MITCH_OK ? f.count : bad;
    if (copy_to)
      memmove(copy_to + delivered * bs, bodies, good * bs);
    delivered += good;
    if (st != MITCH_OK) {
      local.message_offset = offset;
      local.error_offset = offset + MITCH_HEADER_SIZE + bad * bs;
      break;
    }
    local.messages++;
    local.bodies += f.count;
    offset += f.size;
  }
  if (n_bodies)
    *n_bodies = delivered;
  if (info)
    *info = local;
  return st;
}

int mitch_stream_validate(const uint8_t *data, size_t size, uint8_t only_type,
                          mitch_stream_info *info) {
  if (!data && size)
    return MITCH_ERR_INVALID_DATA;
  if (only_type && !type_is_valid(only_type))
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  return stream_walk(data, size, only_type, NULL, 0, NULL, info);
}

int mitch_stream_gather(const uint8_t *data, size_t size, uint8_t message_type,
                        uint8_t *bodies_out, size_t out_len, size_t *n_bodies,
                        mitch_stream_info *info) {
  if ((!data && size) || !n_bodies)
    return MITCH_ERR_INVALID_DATA;
  /* In place (bodies_out == data) is allowed; any other overlap would
     overwrite input not yet read. */
  if (bodies_out && bodies_out != data && ranges_overlap(bodies_out, out_len, data, size))
    return MITCH_ERR_INVALID_DATA;
  if (!type_is_valid(message_type))
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  return stream_walk(data, size, message_type, bodies_out, out_len, n_bodies, info);
}

int mitch_stream_frame(uint8_t message_type, uint64_t timestamp, const uint8_t *bodies,
                       size_t n_bodies, uint8_t *out, size_t out_len, size_t *written) {
  const layout_desc *d;
  size_t bs, messages, size, i, bad;
  int st;
  if ((!bodies && n_bodies) || !written)
    return MITCH_ERR_INVALID_DATA;
  if (out && n_bodies && out_len < MITCH_HEADER_SIZE) /* no message fits, whatever its type */
    return MITCH_ERR_BUFFER_TOO_SMALL;
  d = body_layout(message_type);
  if (!d)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  bs = d->pub.wire_size;
  messages = n_bodies / MITCH_MAX_BODIES + (n_bodies % MITCH_MAX_BODIES != 0);
  /* overflow-safe: n_bodies * bs is at most the caller's own array size */
  if (n_bodies > (SIZE_MAX - messages * MITCH_HEADER_SIZE) / bs)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  size = messages * MITCH_HEADER_SIZE + n_bodies * bs;
  if (!out) {
    if (timestamp > MITCH_U48_MAX)
      return MITCH_ERR_INVALID_FIELD_VALUE;
    *written = size;
    return MITCH_OK;
  }
  if (out_len < size)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  if (ranges_overlap(out, size, bodies, n_bodies * bs))
    return MITCH_ERR_INVALID_DATA;
  if (timestamp > MITCH_U48_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = d->ops->check_wire(bodies, n_bodies, &bad);
  if (st != MITCH_OK)
    return st;
  for (i = 0; i < n_bodies; i += MITCH_MAX_BODIES) {
    size_t n = n_bodies - i < MITCH_MAX_BODIES ? n_bodies - i : MITCH_MAX_BODIES;
    header_store(message_type, timestamp, (uint8_t)n, out);
    memcpy(out + MITCH_HEADER_SIZE, bodies + i * bs, n * bs);
    out += MITCH_HEADER_SIZE + n * bs;
  }
  *written = size;
  return MITCH_OK;
}
