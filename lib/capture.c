/*
 * capture.c - captures: many messages of mixed types decoded in one pass
 * into per-type arrays with their timestamps, and such arrays encoded back
 * into messages.  The bulk path every binding uses (a DataFrame per type).
 *
 * The per-type work is the codecs' own fast paths (the body_ops of the
 * descriptor table); this file only frames messages and routes bodies, so
 * it knows no body type.
 */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "check.h"
#include "error.h"
#include "frame.h"
#include "layout.h"
#include "rules.h"

/* ---- decoding ---------------------------------------------------------------- */

/* A uint64_t's alignment as a member of a struct (4 on i386, where GCC's
   __alignof__ says 8): the alignment of the timestamps in a record. */
struct u64_member {
  char c;
  uint64_t t;
};
#define U64_MEMBER_ALIGN offsetof(struct u64_member, t)

/* The stride of a sink's bodies and of its timestamps (0 means packed). */
static size_t body_stride(const mitch_capture_sink *s, const layout_desc *d) {
  return s->body_stride ? s->body_stride : d->pub.struct_size;
}

static size_t timestamp_stride(const mitch_capture_sink *s) {
  return s->timestamp_stride ? s->timestamp_stride : sizeof(uint64_t);
}

/* Whether a sink's strides and capacity describe arrays that can be
   written: each element at least as wide as what is stored in it and
   aligned like it, and the last one addressable. */
static int sink_is_addressable(const mitch_capture_sink *s) {
  const layout_desc *d = body_layout(s->message_type);
  size_t bs = body_stride(s, d), ts = timestamp_stride(s);
  if (bs < d->pub.struct_size || bs % d->pub.struct_align)
    return 0;
  if (ts < sizeof(uint64_t) || ts % U64_MEMBER_ALIGN)
    return 0;
  if (!s->bodies && !s->timestamps)
    return 1; /* counting only: capacity is ignored */
  return s->capacity <= SIZE_MAX / (bs > ts ? bs : ts);
}

/* Route bodies of one message of a type that has a sink.  Writes at most
   the sink's room, each body only once it is valid (decode_wire stops
   before a bad one), and its timestamp only once the body is written.
   Returns the status; *good = bodies delivered. */
static int fill_sink(mitch_capture_sink *s, const frame *f, const uint8_t *bodies,
                     size_t *good, size_t *bad) {
  const body_ops *ops = f->body->ops;
  size_t room, take, i;
  int st;
  if (!s->bodies && !s->timestamps) { /* sizing: count only */
    st = ops->check_wire(bodies, f->count, bad);
    *good = st == MITCH_OK ? f->count : *bad;
    return st;
  }
  room = s->capacity > s->count ? s->capacity - s->count : 0;
  take = f->count < room ? f->count : room;
  if (s->bodies) {
    size_t stride = body_stride(s, f->body);
    st = ops->decode_wire(bodies, take, (uint8_t *)s->bodies + s->count * stride, stride, bad);
  } else {
    st = ops->check_wire(bodies, take, bad);
  }
  *good = st == MITCH_OK ? take : *bad;
  if (s->timestamps) {
    size_t stride = timestamp_stride(s);
    if (stride == sizeof(uint64_t)) {
      for (i = 0; i < *good; i++)
        s->timestamps[s->count + i] = f->timestamp;
    } else {
      /* records: the stride is a multiple of uint64_t's alignment, so each
         slot is aligned */
      uint8_t *slot = (uint8_t *)s->timestamps + s->count * stride;
      for (i = 0; i < *good; i++, slot += stride)
        *(uint64_t *)(void *)slot = f->timestamp;
    }
  }
  if (st == MITCH_OK && take < f->count) {
    *bad = take;
    return MITCH_ERR_BUFFER_TOO_SMALL;
  }
  return st;
}

int mitch_capture_decode(const uint8_t *data, size_t size, mitch_capture_sink *sinks,
                         size_t n_sinks, mitch_stream_info *info, mitch_error *err) {
  /* sink_of[type] = index + 1 of the sink collecting that type, 0 if none
     (a 257th sink must repeat a type, so index + 1 fits 16 bits) */
  uint16_t sink_of[256];
  mitch_stream_info local = {0, 0, 0, 0};
  size_t offset = 0, i;
  int st = MITCH_OK, sink_full = 0;

  if ((!data && size) || (!sinks && n_sinks))
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, MITCH_LAYOUT_HEADER,
                                "a pointer is required where there is something to point to",
                                "data or sinks is NULL");
  memset(sink_of, 0, sizeof sink_of);
  for (i = 0; i < n_sinks; i++) {
    uint8_t t = sinks[i].message_type;
    if (sink_of[t])
      return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, t,
                                  "one sink per message type",
                                  "sinks %u and %zu both collect type 0x%02x",
                                  (unsigned)sink_of[t] - 1, i, (unsigned)t);
    sink_of[t] = (uint16_t)(i + 1);
  }
  for (i = 0; i < n_sinks; i++)
    if (!type_is_valid(sinks[i].message_type))
      return libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE,
                                  sinks[i].message_type,
                                  "a sink collects the bodies of one body type",
                                  "sink %zu: type 0x%02x is not the type byte of a body", i,
                                  (unsigned)sinks[i].message_type);
  for (i = 0; i < n_sinks; i++)
    if (!sink_is_addressable(&sinks[i]))
      return libmitch_error_plain(
          err, MITCH_ERR_INVALID_DATA, sinks[i].message_type,
          "a stride is 0 (packed) or a whole number of aligned elements, and the "
          "strided arrays fit in memory",
          "sink %zu: body_stride %zu, timestamp_stride %zu, capacity %zu", i,
          sinks[i].body_stride, sinks[i].timestamp_stride, sinks[i].capacity);
  for (i = 0; i < n_sinks; i++)
    sinks[i].count = 0;

  while (offset < size) {
    frame f;
    size_t fault, bad = 0, good;
    const uint8_t *bodies = data + offset + MITCH_HEADER_SIZE;
    uint16_t slot;
    st = frame_message(data + offset, size - offset, &f, &fault);
    if (MITCH_UNLIKELY(st != MITCH_OK)) {
      local.error_offset = offset + fault;
      local.message_offset = offset;
      break;
    }
    slot = sink_of[f.type];
    if (slot) {
      mitch_capture_sink *s = &sinks[slot - 1];
      st = fill_sink(s, &f, bodies, &good, &bad);
      s->count += good;
      sink_full = st == MITCH_ERR_BUFFER_TOO_SMALL;
    } else {
      st = f.body->ops->check_wire(bodies, f.count, &bad);
    }
    if (MITCH_UNLIKELY(st != MITCH_OK)) {
      local.message_offset = offset;
      local.error_offset = offset + MITCH_HEADER_SIZE + bad * f.body->pub.wire_size;
      break;
    }
    local.messages++;
    local.bodies += f.count;
    offset += f.size;
  }
  if (info)
    *info = local;
  if (st == MITCH_OK)
    return libmitch_error_ok(err);
  if (sink_full) {
    const layout_desc *d = body_layout(data[local.message_offset]);
    mitch_capture_sink *s = &sinks[sink_of[d->pub.id] - 1];
    libmitch_error_plain(err, st, d->pub.id, "a sink must have room for every body of its type",
                         "the %s sink is full: its capacity is %zu bodies", d->pub.name,
                         s->capacity);
    if (err) {
      err->index = local.messages;
      err->offset = local.error_offset;
      err->message_offset = local.message_offset;
    }
    return st;
  }
  return libmitch_explain_stream_failure(data, size, 0, st, &local, err);
}

/* ---- encoding ------------------------------------------------------------------ */

/* Messages needed for n bodies (a new one when the timestamp changes or
   after MITCH_MAX_BODIES bodies), and in the same pass the first timestamp
   that does not fit 48 bits (*bad_ts = n if none). */
static size_t count_messages(const uint64_t *timestamps, size_t n, size_t *bad_ts) {
  size_t i, messages = 0, run = 0;
  *bad_ts = n;
  for (i = 0; i < n; i++) {
    if (i == 0 || timestamps[i] != timestamps[i - 1] || run == MITCH_MAX_BODIES) {
      messages++;
      run = 0;
      if (MITCH_UNLIKELY(timestamps[i] > MITCH_U48_MAX) && *bad_ts == n)
        *bad_ts = i;
    }
    run++;
  }
  return messages;
}

static int ranges_overlap(const void *a, size_t a_len, const void *b, size_t b_len) {
  uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  if (a_len == 0 || b_len == 0)
    return 0;
  return x < y ? y - x < a_len : x - y < b_len;
}

int mitch_capture_encode(uint8_t message_type, const void *bodies, const uint64_t *timestamps,
                         size_t n, uint8_t *out, size_t out_len, size_t *written,
                         mitch_error *err) {
  const layout_desc *d, *header = libmitch_layout_find(MITCH_LAYOUT_HEADER);
  const uint8_t *structs = (const uint8_t *)bodies;
  size_t bs, ss, messages, size, start, bad_body = 0, bad_ts;
  int st;
  if (!written || (n && (!bodies || !timestamps)))
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, message_type,
                                "written, and bodies and timestamps when n > 0, are required",
                                "a required pointer is NULL");
  if (out && n && out_len < MITCH_HEADER_SIZE)
    return libmitch_error_plain(err, MITCH_ERR_BUFFER_TOO_SMALL, message_type,
                                "the output must hold every message",
                                "%zu bytes cannot hold a message", out_len);
  d = body_layout(message_type);
  if (!d)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE, message_type,
                                "must be the type byte of a body",
                                "type 0x%02x is not the type byte of a body",
                                (unsigned)message_type);
  bs = d->pub.wire_size;
  ss = d->pub.struct_size;
  /* at most one header per body: a count whose output could not even be
     addressed is refused before the arrays are read */
  if (n > SIZE_MAX / (MITCH_HEADER_SIZE + bs))
    return libmitch_error_plain(err, MITCH_ERR_BUFFER_TOO_SMALL, message_type,
                                "the output must fit in memory", "%zu bodies are too many", n);
  messages = count_messages(timestamps, n, &bad_ts);
  size = messages * MITCH_HEADER_SIZE + n * bs;
  if (!out) {
    *written = size;
    return libmitch_error_ok(err);
  }
  if (out_len < size)
    return libmitch_error_plain(err, MITCH_ERR_BUFFER_TOO_SMALL, message_type,
                                "the output must hold every message",
                                "%zu bytes cannot hold %zu messages of %zu bytes in all", out_len,
                                messages, size);
  if (ranges_overlap(out, size, bodies, n * ss) ||
      ranges_overlap(out, size, timestamps, n * sizeof *timestamps))
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, message_type,
                                "the output must not overlap the input",
                                "out overlaps bodies or timestamps");

  /* Validate everything first: the earlier of the first bad timestamp
     (found while counting: only a message's first timestamp is new) and
     the first bad body is the one reported. */
  st = d->ops->check_values(bodies, bad_ts, &bad_body);
  if (st != MITCH_OK) {
    rule_failure f;
    if (libmitch_rules_check_struct(d, structs + bad_body * ss, &f) != MITCH_OK)
      return libmitch_error_rule(err, d, &f, bad_body,
                                 bad_body * bs + d->fields[f.field].pub.wire_offset);
    return libmitch_error_plain(err, st, message_type, "", "body %zu: %s", bad_body,
                                mitch_strerror(st));
  }
  if (bad_ts < n) {
    rule_failure f;
    f.status = MITCH_ERR_INVALID_FIELD_VALUE;
    f.field = LAYOUT_FIELD(header, timestamp);
    f.other = -1;
    f.value.cls = 'u';
    f.value.u = timestamps[bad_ts];
    f.value.i = 0;
    f.value.d = 0;
    f.other_value = f.value;
    /* struct input: the offset is the timestamp's place in its array */
    return libmitch_error_rule(err, header, &f, bad_ts, bad_ts * sizeof *timestamps);
  }

  for (start = 0; start < n;) {
    size_t run = 1;
    while (start + run < n && run < MITCH_MAX_BODIES &&
           timestamps[start + run] == timestamps[start])
      run++;
    header_store(message_type, timestamps[start], (uint8_t)run, out);
    d->ops->store(structs + start * ss, run, out + MITCH_HEADER_SIZE);
    out += MITCH_HEADER_SIZE + run * bs;
    start += run;
  }
  *written = size;
  return libmitch_error_ok(err);
}
