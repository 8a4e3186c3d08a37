/*
 * payload.c - what travels in a Redis payload, judged by libmitch: channel
 * names in both spellings, one whole message or one bare body, the stream
 * and snapshot key names.  Nothing here does I/O.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"

uint8_t mr_channel_type(uint32_t channel_id) {
  uint16_t provider;
  uint8_t type;
  if (mitch_channel_decode(channel_id, &provider, &type) != MITCH_OK)
    return 0;
  return type;
}

int mitch_redis_channel_name(uint32_t channel_id, unsigned flags, char *out, size_t out_len,
                             size_t *len) {
  char text[20];
  size_t n;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (flags & MITCH_REDIS_BINARY_CHANNEL) {
    if (out_len < MITCH_CHANNEL_SIZE)
      return MITCH_ERR_BUFFER_TOO_SMALL;
    if (mitch_validate_channel(channel_id) != MITCH_OK)
      return MITCH_ERR_INVALID_CHANNEL_ID;
    mitch_pack_channel(channel_id, (uint8_t *)out);
    n = MITCH_CHANNEL_SIZE;
  } else {
    n = mr_u64_text(channel_id, text);
    if (out_len < n)
      return MITCH_ERR_BUFFER_TOO_SMALL;
    if (mitch_validate_channel(channel_id) != MITCH_OK)
      return MITCH_ERR_INVALID_CHANNEL_ID;
    memcpy(out, text, n);
    if (out_len > n)
      out[n] = '\0';
  }
  if (len)
    *len = n;
  return MITCH_OK;
}

int mitch_redis_channel_parse(const void *name, size_t len, uint32_t *channel_id,
                              unsigned *flags) {
  const unsigned char *p = name;
  uint64_t v = 0;
  unsigned spelling = 0;
  size_t i;
  if ((!name && len) || !channel_id)
    return MITCH_ERR_INVALID_DATA;
  if (len == MITCH_CHANNEL_SIZE && p[0] == 0) {
    v = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
    spelling = MITCH_REDIS_BINARY_CHANNEL;
  } else {
    if (len == 0 || len > 10 || (p[0] == '0'))
      return MITCH_ERR_INVALID_CHANNEL_ID;
    for (i = 0; i < len; i++) {
      if (p[i] < '0' || p[i] > '9')
        return MITCH_ERR_INVALID_CHANNEL_ID;
      v = v * 10 + (uint64_t)(p[i] - '0');
    }
    if (v > 0xffffffffu)
      return MITCH_ERR_INVALID_CHANNEL_ID;
  }
  if (mitch_validate_channel((uint32_t)v) != MITCH_OK)
    return MITCH_ERR_INVALID_CHANNEL_ID;
  *channel_id = (uint32_t)v;
  if (flags)
    *flags = spelling;
  return MITCH_OK;
}

/* Shared by both directions: one whole valid message of the channel's type.
   The checks run in mitch.h's order: framing (length, type byte, count),
   the channel's type, nothing after the message, then the bodies' fields. */
static int check_message(uint8_t type, const uint8_t *m, size_t size, size_t *n_bodies,
                         size_t *where, char *why, size_t why_len) {
  mitch_reader rd;
  mitch_message msg;
  size_t bad = 0;
  int st;
  if (size == 0) {
    snprintf(why, why_len, "empty payload");
    *where = 0;
    return MITCH_ERR_BUFFER_TOO_SMALL;
  }
  mitch_reader_init(&rd, m, size);
  if ((st = mitch_reader_next(&rd, &msg)) != MITCH_OK) {
    snprintf(why, why_len, "offset %zu: %s", rd.error_offset, mitch_strerror(st));
    *where = rd.error_offset;
    return st;
  }
  if (msg.header.message_type != type) {
    snprintf(why, why_len, "a '%c' message on a channel of '%c' messages",
             msg.header.message_type, type);
    *where = 0;
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
  if (msg.size != size) {
    snprintf(why, why_len, "%zu bytes after the message (one message per payload)",
             size - msg.size);
    *where = msg.size;
    return MITCH_ERR_INVALID_DATA;
  }
  if ((st = mitch_message_validate(&msg, &bad)) != MITCH_OK) {
    *where = MITCH_HEADER_SIZE + bad * msg.body_size;
    snprintf(why, why_len, "offset %zu: body %zu: %s", *where, bad, mitch_strerror(st));
    return st;
  }
  if (n_bodies)
    *n_bodies = msg.header.count;
  return MITCH_OK;
}

int mr_check_outgoing(uint32_t channel_id, const uint8_t *message, size_t size,
                      size_t *n_bodies, char *err) {
  uint8_t type = mr_channel_type(channel_id);
  char why[160];
  size_t where;
  int st;
  if (!message) {
    mr_set_error(err, "message: NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  if (!type) {
    mr_set_error(err, "%lu is not a valid channel id", (unsigned long)channel_id);
    return MITCH_ERR_INVALID_CHANNEL_ID;
  }
  st = check_message(type, message, size, n_bodies, &where, why, sizeof why);
  if (st != MITCH_OK)
    mr_set_error(err, "message refused, nothing sent: %s", why);
  return st;
}

uint64_t mr_body_ticker_id(const uint8_t *b) {
  uint64_t v = 0;
  int i;
  for (i = 7; i >= 0; i--)
    v = v << 8 | b[i];
  return v;
}

void mr_judge_payload(const uint8_t *payload, size_t len, uint32_t channel_id, int channel_ok,
                      unsigned flags, uint8_t *frame, mitch_redis_delivery *d) {
  uint8_t type = channel_ok ? mr_channel_type(channel_id) : 0;
  size_t where = 0, body_size = 0;
  int st;
  d->data = payload;
  d->size = len;
  d->error_offset = 0;
  d->reason[0] = '\0';
  if (!type) {
    d->kind = MITCH_REDIS_DAMAGED;
    d->status = MITCH_ERR_INVALID_CHANNEL_ID;
    snprintf(d->reason, sizeof d->reason, "the channel name is not a MITCH channel id");
    return;
  }
  if (!(flags & MITCH_REDIS_BARE_BODIES)) {
    st = check_message(type, payload, len, NULL, &where, d->reason, sizeof d->reason);
  } else {
    mitch_header h;
    mitch_body_size(type, &body_size);
    if (len != body_size) {
      st = len < body_size ? MITCH_ERR_BUFFER_TOO_SMALL : MITCH_ERR_INVALID_DATA;
      where = len < body_size ? len : body_size;
      snprintf(d->reason, sizeof d->reason, "%zu bytes: a bare '%c' body is %zu bytes", len,
               type, body_size);
    } else if ((st = mitch_body_validate(type, payload, len)) != MITCH_OK) {
      snprintf(d->reason, sizeof d->reason, "bare '%c' body: %s", type, mitch_strerror(st));
    } else {
      h.message_type = type;
      h.count = 1;
      h.timestamp = d->receive_time;
      st = mitch_header_encode(&h, frame, MITCH_HEADER_SIZE);
      if (st == MITCH_OK) {
        memcpy(frame + MITCH_HEADER_SIZE, payload, len);
        d->data = frame;
        d->size = MITCH_HEADER_SIZE + len;
        d->flags |= MITCH_REDIS_STAMPED;
      }
    }
  }
  if (st != MITCH_OK) {
    d->kind = MITCH_REDIS_DAMAGED;
    d->status = st;
    d->error_offset = where;
    return;
  }
  d->kind = MITCH_REDIS_MESSAGE;
  d->status = MITCH_OK;
}

size_t mr_stream_key(uint32_t channel_id, char out[MR_KEY_MAX]) {
  memcpy(out, "mitch:stream:", 13);
  return 13 + mr_u64_text(channel_id, out + 13);
}

size_t mr_snapshot_key(uint32_t channel_id, uint64_t ticker_id, char out[MR_KEY_MAX]) {
  size_t n;
  memcpy(out, "mitch:last:", 11);
  n = 11 + mr_u64_text(channel_id, out + 11);
  out[n++] = ':';
  return n + mr_u64_text(ticker_id, out + n);
}
