/*
 * message.c - whole messages: sizes, building a message into a caller
 * buffer, and reading a buffer of concatenated messages of mixed types.
 */
#include <config.h>

#include "body.h"

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

int mitch_get_message_sizes(size_t *header, size_t *trade, size_t *order, size_t *tick,
                            size_t *index, size_t *order_book) {
  if (!header || !trade || !order || !tick || !index || !order_book)
    return MITCH_ERR_INVALID_DATA;
  *header = MITCH_HEADER_SIZE;
  *trade = MITCH_TRADE_SIZE;
  *order = MITCH_ORDER_SIZE;
  *tick = MITCH_TICK_SIZE;
  *index = MITCH_INDEX_SIZE;
  *order_book = MITCH_ORDER_BOOK_SIZE;
  return MITCH_OK;
}

/* Validate n wire bodies of a known type. */
static int check_wire_bodies(uint8_t type, const uint8_t *bodies, size_t n, size_t *bad) {
  switch (type) {
  case MITCH_MSG_TRADE:
    return libmitch_trade_check_wire(bodies, n, bad);
  case MITCH_MSG_ORDER:
    return libmitch_order_check_wire(bodies, n, bad);
  case MITCH_MSG_TICK:
    return libmitch_tick_check_wire(bodies, n, bad);
  case MITCH_MSG_INDEX:
    return libmitch_index_check_wire(bodies, n, bad);
  case MITCH_MSG_ORDER_BOOK:
    return libmitch_order_book_check_wire(bodies, n, bad);
  default:
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

int mitch_body_validate(uint8_t message_type, const uint8_t *in, size_t in_len) {
  size_t bs, bad;
  if (!in)
    return MITCH_ERR_INVALID_DATA;
  bs = body_size_of(message_type);
  if (bs == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (in_len < bs)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  return check_wire_bodies(message_type, in, 1, &bad);
}

int mitch_message_encode(uint8_t message_type, uint64_t timestamp, const void *bodies,
                         size_t count, uint8_t *out, size_t out_len, size_t *written) {
  size_t bs, size;
  int st;
  if (!bodies || !out)
    return MITCH_ERR_INVALID_DATA;
  bs = body_size_of(message_type);
  if (bs == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (count == 0 || count > MITCH_MAX_BODIES)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  size = MITCH_HEADER_SIZE + count * bs;
  if (out_len < size)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  st = mitch_create_header(message_type, timestamp, (uint8_t)count, out, out_len);
  if (st != MITCH_OK)
    return st;
  switch (message_type) {
  case MITCH_MSG_TRADE:
    st = mitch_trade_encode_batch(bodies, count, out + MITCH_HEADER_SIZE, size, NULL);
    break;
  case MITCH_MSG_ORDER:
    st = mitch_order_encode_batch(bodies, count, out + MITCH_HEADER_SIZE, size, NULL);
    break;
  case MITCH_MSG_TICK:
    st = mitch_tick_encode_batch(bodies, count, out + MITCH_HEADER_SIZE, size, NULL);
    break;
  case MITCH_MSG_INDEX:
    st = mitch_index_encode_batch(bodies, count, out + MITCH_HEADER_SIZE, size, NULL);
    break;
  default: /* MITCH_MSG_ORDER_BOOK: the type was checked above */
    st = mitch_order_book_encode_batch(bodies, count, out + MITCH_HEADER_SIZE, size, NULL);
    break;
  }
  if (st != MITCH_OK)
    return st;
  if (written)
    *written = size;
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

static int reader_fail(mitch_reader *r, int status, size_t error_offset) {
  r->status = status;
  r->error_offset = error_offset;
  r->message_offset = r->offset;
  return status;
}

int mitch_reader_next(mitch_reader *r, mitch_message *msg) {
  const uint8_t *p;
  size_t remaining, bs, total;
  uint8_t count;
  if (!r || !msg)
    return MITCH_ERR_INVALID_DATA;
  if (r->status != MITCH_OK)
    return r->status;
  if (r->offset >= r->size) {
    r->status = MITCH_END;
    return MITCH_END;
  }
  p = r->data + r->offset;
  remaining = r->size - r->offset;
  /* The type byte is always there: report a bad type before a short
     header, since it is the more precise diagnosis. */
  bs = body_size_of(p[0]);
  if (bs == 0)
    return reader_fail(r, MITCH_ERR_INVALID_MESSAGE_TYPE, r->offset);
  if (remaining < MITCH_HEADER_SIZE)
    return reader_fail(r, MITCH_ERR_BUFFER_TOO_SMALL, r->size);
  count = p[7];
  if (count == 0)
    return reader_fail(r, MITCH_ERR_INVALID_FIELD_VALUE, r->offset + 7);
  total = MITCH_HEADER_SIZE + (size_t)count * bs;
  if (remaining < total)
    return reader_fail(r, MITCH_ERR_BUFFER_TOO_SMALL, r->size);
  msg->header.message_type = p[0];
  msg->header.timestamp = wire_load_u48(p + 1);
  msg->header.count = count;
  msg->offset = r->offset;
  msg->size = total;
  msg->body_size = bs;
  msg->bodies = p + MITCH_HEADER_SIZE;
  r->offset += total;
  return MITCH_OK;
}

int mitch_message_validate(const mitch_message *msg, size_t *bad_body) {
  size_t bad = 0;
  int st;
  if (!msg || !msg->bodies)
    return MITCH_ERR_INVALID_DATA;
  if (msg->body_size != body_size_of(msg->header.message_type))
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  st = check_wire_bodies(msg->header.message_type, msg->bodies, msg->header.count, &bad);
  if (st != MITCH_OK && bad_body)
    *bad_body = bad;
  return st;
}

/* Walk a whole buffer; with `copy_to` set, append every message's bodies
   there.  Shared by mitch_stream_validate and mitch_stream_gather. */
static int stream_walk(const uint8_t *data, size_t size, uint8_t only_type, uint8_t *copy_to,
                       size_t copy_cap, size_t *n_bodies, mitch_stream_info *info) {
  mitch_reader r;
  mitch_message m;
  mitch_stream_info local = {0, 0, 0, 0};
  size_t copied = 0;
  int st;

  mitch_reader_init(&r, data, size);
  for (;;) {
    size_t bad = 0, body_bytes;
    st = mitch_reader_next(&r, &m);
    if (st == MITCH_END) {
      st = MITCH_OK;
      break;
    }
    if (st != MITCH_OK) {
      local.error_offset = r.error_offset;
      local.message_offset = r.message_offset;
      break;
    }
    if (only_type && m.header.message_type != only_type) {
      st = MITCH_ERR_INVALID_MESSAGE_TYPE;
      local.error_offset = local.message_offset = m.offset;
      break;
    }
    st = check_wire_bodies(m.header.message_type, m.bodies, m.header.count, &bad);
    if (st != MITCH_OK) {
      local.message_offset = m.offset;
      local.error_offset = m.offset + MITCH_HEADER_SIZE + bad * m.body_size;
      break;
    }
    body_bytes = (size_t)m.header.count * m.body_size;
    if (copy_to) {
      if (copy_cap - copied < body_bytes) {
        st = MITCH_ERR_BUFFER_TOO_SMALL;
        local.error_offset = local.message_offset = m.offset;
        break;
      }
      memcpy(copy_to + copied, m.bodies, body_bytes);
      copied += body_bytes;
    }
    local.messages++;
    local.bodies += m.header.count;
  }
  if (n_bodies)
    *n_bodies = local.bodies;
  if (info)
    *info = local;
  return st;
}

int mitch_stream_validate(const uint8_t *data, size_t size, uint8_t only_type,
                          mitch_stream_info *info) {
  if (!data && size)
    return MITCH_ERR_INVALID_DATA;
  if (only_type && body_size_of(only_type) == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  return stream_walk(data, size, only_type, NULL, 0, NULL, info);
}

int mitch_stream_gather(const uint8_t *data, size_t size, uint8_t message_type,
                        uint8_t *bodies_out, size_t out_len, size_t *n_bodies,
                        mitch_stream_info *info) {
  if ((!data && size) || !n_bodies)
    return MITCH_ERR_INVALID_DATA;
  if (body_size_of(message_type) == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  return stream_walk(data, size, message_type, bodies_out, out_len, n_bodies, info);
}

int mitch_stream_frame(uint8_t message_type, uint64_t timestamp, const uint8_t *bodies,
                       size_t n_bodies, uint8_t *out, size_t out_len, size_t *written) {
  size_t bs, messages, size, i, bad;
  int st;
  if ((!bodies && n_bodies) || !written)
    return MITCH_ERR_INVALID_DATA;
  bs = body_size_of(message_type);
  if (bs == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (timestamp > MITCH_U48_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  messages = n_bodies / MITCH_MAX_BODIES + (n_bodies % MITCH_MAX_BODIES != 0);
  /* overflow-safe: n_bodies * bs is at most the caller's own array size */
  if (n_bodies > (SIZE_MAX - messages * MITCH_HEADER_SIZE) / bs)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  size = messages * MITCH_HEADER_SIZE + n_bodies * bs;
  if (!out) {
    *written = size;
    return MITCH_OK;
  }
  if (out_len < size)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  st = check_wire_bodies(message_type, bodies, n_bodies, &bad);
  if (st != MITCH_OK)
    return st;
  for (i = 0; i < n_bodies; i += MITCH_MAX_BODIES) {
    size_t n = n_bodies - i < MITCH_MAX_BODIES ? n_bodies - i : MITCH_MAX_BODIES;
    mitch_create_header(message_type, timestamp, (uint8_t)n, out, MITCH_HEADER_SIZE);
    memcpy(out + MITCH_HEADER_SIZE, bodies + i * bs, n * bs);
    out += MITCH_HEADER_SIZE + n * bs;
  }
  *written = size;
  return MITCH_OK;
}
