/*
 * payload.c - what travels in a Redis payload, judged by libmitch: channel
 * names in both spellings, one whole message or one bare body, the stream
 * and snapshot key names.  Nothing here does I/O.
 */
#include <config.h>

#include <stdarg.h>
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

/* Damage libmitch does not judge itself: an error in mitch_error's form. */
static void set_error(mitch_error *e, int status, size_t offset, const char *rule,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void set_error(mitch_error *e, int status, size_t offset, const char *rule,
                      const char *fmt, ...) {
  va_list ap;
  memset(e, 0, sizeof *e);
  e->status = status;
  e->layout = MITCH_LAYOUT_HEADER;
  e->field = -1;
  e->other_field = -1;
  e->field_name = "";
  e->other_name = "";
  e->rule = rule;
  e->offset = offset;
  va_start(ap, fmt);
  vsnprintf(e->text, sizeof e->text, fmt, ap);
  va_end(ap);
}

/* Shared by both directions: one whole valid message of the channel's type.
   The checks run in mitch.h's order: framing (length, type byte, count),
   the channel's type, nothing after the message, then the bodies' fields.
   The fast 1.0 calls decide; only a failure asks mitch_check_stream for the
   field and the rule (it gives the same verdict, a libmitch test says so). */
static int check_message(uint8_t type, const uint8_t *m, size_t size, size_t *n_bodies,
                         mitch_error *e) {
  mitch_reader rd;
  mitch_message msg;
  size_t bad = 0;
  int st;
  if (size == 0) {
    set_error(e, MITCH_ERR_BUFFER_TOO_SMALL, 0, "a payload must be one whole message",
              "empty payload");
    return MITCH_ERR_BUFFER_TOO_SMALL;
  }
  mitch_reader_init(&rd, m, size);
  st = mitch_reader_next(&rd, &msg);
  if (st == MITCH_OK && msg.header.message_type != type)
    st = MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (st == MITCH_OK && msg.size != size) {
    set_error(e, MITCH_ERR_INVALID_DATA, msg.size, "a payload must be one whole message",
              "%zu bytes after the message of %zu bytes (one message per payload)",
              size - msg.size, msg.size);
    e->index = 1;
    e->message_offset = msg.size;
    return MITCH_ERR_INVALID_DATA;
  }
  if (st == MITCH_OK)
    st = mitch_message_validate(&msg, &bad);
  if (st != MITCH_OK) {
    int detailed = mitch_check_stream(m, st == MITCH_ERR_INVALID_FIELD_VALUE ? msg.size : size,
                                      type, NULL, e);
    if (detailed != st) /* cannot happen; keep the fast verdict, say so */
      set_error(e, st, 0, "", "%s", mitch_strerror(st));
    return st;
  }
  if (n_bodies)
    *n_bodies = msg.header.count;
  return MITCH_OK;
}

/* "offset 16: price is 0 (...)" from an error. */
static void describe(const mitch_error *e, char *out, size_t out_len) {
  snprintf(out, out_len, "offset %zu: %s", e->offset, e->text);
}

int mr_check_outgoing(uint32_t channel_id, const uint8_t *message, size_t size,
                      size_t *n_bodies, char *err) {
  uint8_t type = mr_channel_type(channel_id);
  mitch_error e;
  char why[MR_ERROR_SIZE];
  int st;
  if (!message) {
    mr_set_error(err, "message: NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  if (!type) {
    mr_set_error(err, "%lu is not a valid channel id", (unsigned long)channel_id);
    return MITCH_ERR_INVALID_CHANNEL_ID;
  }
  st = check_message(type, message, size, n_bodies, &e);
  if (st != MITCH_OK) {
    describe(&e, why, sizeof why);
    mr_set_error(err, "message refused, nothing sent: %.200s", why);
  }
  return st;
}

/* The layout table (libmitch 1.1) says where a body's ticker id is. */
int mr_body_ticker_id(uint8_t type, const uint8_t *body, uint64_t *ticker_id) {
  mitch_layout layout;
  mitch_field f;
  size_t i;
  int b;
  if (mitch_layout_get(type, &layout) != MITCH_OK)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  for (i = 0; i < layout.field_count; i++)
    if (mitch_layout_field(type, i, &f) == MITCH_OK && strcmp(f.name, "ticker_id") == 0 &&
        f.kind == MITCH_FIELD_U64 && f.wire_size == 8) {
      uint64_t v = 0;
      for (b = 7; b >= 0; b--)
        v = v << 8 | body[f.wire_offset + (size_t)b];
      *ticker_id = v;
      return MITCH_OK;
    }
  return MITCH_ERR_INVALID_FIELD_VALUE; /* a body without a ticker id: none has */
}

void mr_judge_payload(const uint8_t *payload, size_t len, uint32_t channel_id, int channel_ok,
                      unsigned flags, uint8_t *frame, mitch_redis_delivery *d) {
  uint8_t type = channel_ok ? mr_channel_type(channel_id) : 0;
  size_t body_size = 0;
  int st;
  d->data = payload;
  d->size = len;
  d->reason[0] = '\0';
  if (!type) {
    st = MITCH_ERR_INVALID_CHANNEL_ID;
    set_error(&d->error, st, 0, "the channel name must spell a MITCH channel id",
              "the channel name is not a MITCH channel id");
  } else if (!(flags & MITCH_REDIS_BARE_BODIES)) {
    st = check_message(type, payload, len, NULL, &d->error);
  } else {
    mitch_header h;
    mitch_body_size(type, &body_size);
    if (len != body_size) {
      st = len < body_size ? MITCH_ERR_BUFFER_TOO_SMALL : MITCH_ERR_INVALID_DATA;
      set_error(&d->error, st, len < body_size ? len : body_size,
                "a bare body payload must be exactly one body of the channel's type",
                "%zu bytes: a bare '%c' body is %zu bytes", len, type, body_size);
    } else if ((st = mitch_body_validate(type, payload, len)) != MITCH_OK) {
      if (mitch_check_wire(type, payload, len, 1, &d->error) != st)
        set_error(&d->error, st, 0, "", "%s", mitch_strerror(st));
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
      } else {
        set_error(&d->error, st, 0, "", "receive time %llu: %s",
                  (unsigned long long)h.timestamp, mitch_strerror(st));
      }
    }
  }
  if (st != MITCH_OK) {
    d->kind = MITCH_REDIS_DAMAGED;
    d->status = st;
    describe(&d->error, d->reason, sizeof d->reason);
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

void mr_damaged(mitch_redis_delivery *d, int status, const char *rule, const char *fmt, ...) {
  va_list ap;
  set_error(&d->error, status, 0, rule, "%s", "");
  va_start(ap, fmt);
  vsnprintf(d->error.text, sizeof d->error.text, fmt, ap);
  va_end(ap);
  d->kind = MITCH_REDIS_DAMAGED;
  d->status = status;
  snprintf(d->reason, sizeof d->reason, "%s", d->error.text);
}

void mr_delivery_reset(mitch_redis_delivery *d) {
  /* Field by field: the error and the reason (most of the struct) are only
     read for damaged deliveries, which set them in full. */
  d->kind = 0;
  d->status = MITCH_OK;
  d->channel_id = 0;
  d->flags = 0;
  d->data = NULL;
  d->size = 0;
  d->channel = NULL;
  d->channel_len = 0;
  d->pattern = NULL;
  d->pattern_len = 0;
  d->entry_id[0] = '\0';
  d->receive_time = 0;
  d->gap_ms = 0;
  d->reason[0] = '\0';
  d->error.status = MITCH_OK;
}
