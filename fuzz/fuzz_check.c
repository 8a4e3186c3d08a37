/*
 * fuzz_check.c - the diagnostic and bulk-encode calls against the plain
 * calls they must agree with.
 *
 * The bindings call a fast function on their hot path and, only when it
 * fails, a check function to build a precise exception; a disagreement
 * between the two would give a wrong exception (or none) in every binding.
 * And the bulk encoders are where one bad body among hundreds must stop
 * everything before a byte is written.
 *
 * Input: a mode byte, a layout byte, two count bytes, then data (wire bytes,
 * or struct images - padding and all, as a careless caller leaves it).
 *
 * Properties, per mode:
 *  - check_wire: the verdict of mitch_body_validate (mitch_header_decode
 *    for headers) on each of the n images, the first failure's index, and
 *    an offset inside that image; too short an input is BUFFER_TOO_SMALL;
 *  - check_stream: the status and the very same *info as
 *    mitch_stream_validate, the damaged message's number and offset;
 *  - check_values: the verdict of X_validate on each struct, the first
 *    failure's index, and err->offset = index * wire size + the field's
 *    wire offset;
 *  - capture_encode: OK exactly when every body validates and every
 *    timestamp is below 2^48, else the earlier of the two, out untouched;
 *    on success the size query's size, and mitch_capture_decode gives back
 *    the same bodies (as a single decode reads them) and timestamps in the
 *    number of messages the timestamp runs and the 255 limit make;
 *  - X_encode_batch: the length rule, then the first bad body in *done and
 *    out untouched; on success the bytes of n single encodes.
 * For every check call: err->status is the status, err's text is
 * NUL-terminated, err->rule is never NULL, a field index names a field of
 * the layout, and on success nothing but err->status is written; the same
 * call with err NULL returns the same status.
 */
#include "fuzz_util.h"

#define FILL 0xC3

typedef struct body_ops {
  uint8_t id;
  int (*validate)(const void *v);
  int (*encode)(const void *v, uint8_t *out, size_t out_len);
  int (*decode)(const uint8_t *in, size_t in_len, void *v);
  int (*encode_batch)(const void *v, size_t n, uint8_t *out, size_t out_len, size_t *done);
} body_ops;

#define BODY_OPS(T)                                                                      \
  static int validate_##T(const void *v) {                                               \
    return mitch_##T##_validate((const mitch_##T *)v);                                   \
  }                                                                                      \
  static int encode_##T(const void *v, uint8_t *o, size_t n) {                           \
    return mitch_##T##_encode((const mitch_##T *)v, o, n);                               \
  }                                                                                      \
  static int decode_##T(const uint8_t *in, size_t n, void *v) {                          \
    return mitch_##T##_decode(in, n, (mitch_##T *)v);                                    \
  }                                                                                      \
  static int encode_batch_##T(const void *v, size_t n, uint8_t *o, size_t ol, size_t *d) { \
    return mitch_##T##_encode_batch((const mitch_##T *)v, n, o, ol, d);                  \
  }
BODY_OPS(trade)
BODY_OPS(order)
BODY_OPS(tick)
BODY_OPS(index)
BODY_OPS(order_book)

static int validate_header(const void *v) {
  return mitch_header_validate((const mitch_header *)v);
}
static int encode_header(const void *v, uint8_t *o, size_t n) {
  return mitch_header_encode((const mitch_header *)v, o, n);
}
static int decode_header(const uint8_t *in, size_t n, void *v) {
  return mitch_header_decode(in, n, (mitch_header *)v);
}
static int validate_bin(const void *v) { /* bins have no rules (mitch_check_values) */
  (void)v;
  return MITCH_OK;
}

/* The first five are the body types (capture and batch modes use only
   those), then the header and the bin. */
static const body_ops OPS[] = {
    {MITCH_MSG_TRADE, validate_trade, encode_trade, decode_trade, encode_batch_trade},
    {MITCH_MSG_ORDER, validate_order, encode_order, decode_order, encode_batch_order},
    {MITCH_MSG_TICK, validate_tick, encode_tick, decode_tick, encode_batch_tick},
    {MITCH_MSG_INDEX, validate_index, encode_index, decode_index, encode_batch_index},
    {MITCH_MSG_ORDER_BOOK, validate_order_book, encode_order_book, decode_order_book,
     encode_batch_order_book},
    {MITCH_LAYOUT_HEADER, validate_header, encode_header, decode_header, NULL},
    {MITCH_LAYOUT_BIN, validate_bin, NULL, NULL, NULL},
};
#define N_BODY_TYPES 5
#define N_OPS (sizeof OPS / sizeof OPS[0])

static mitch_layout layout_of(uint8_t id) {
  mitch_layout l;
  FUZZ_ASSERT(mitch_layout_get(id, &l) == MITCH_OK);
  return l;
}

/* What every check call promises about *err.  `before` is err as it was
   handed over (pre-filled), to see that success writes only the status. */
static void check_err(const mitch_error *err, const mitch_error *before, int st) {
  mitch_layout l;
  FUZZ_ASSERT(err->status == st);
  if (st == MITCH_OK) {
    mitch_error expect = *before;
    expect.status = MITCH_OK;
    FUZZ_ASSERT(memcmp(&expect, err, sizeof expect) == 0);
    return;
  }
  FUZZ_ASSERT(memchr(err->text, '\0', sizeof err->text) != NULL);
  FUZZ_ASSERT(err->rule != NULL && err->field_name != NULL && err->other_name != NULL);
  FUZZ_ASSERT(err->field >= -1);
  if (err->field >= 0) {
    FUZZ_ASSERT(mitch_layout_get(err->layout, &l) == MITCH_OK);
    FUZZ_ASSERT((size_t)err->field < l.field_count);
    FUZZ_ASSERT(err->field_name[0] != '\0');
  }
}

static void prefill(mitch_error *err) {
  memset(err, 0xA5, sizeof *err);
}

/* n wire images of layout OPS[which] at in[0 .. len). */
static void fuzz_wire(const body_ops *ops, const uint8_t *in, size_t len, size_t n) {
  mitch_layout l = layout_of(ops->id);
  size_t bs = l.wire_size, k, first_bad = n;
  int expect = MITCH_OK, st;
  mitch_error err, before;
  uint8_t *scratch = malloc(l.struct_size);
  if (n && len / bs < n) {
    expect = MITCH_ERR_BUFFER_TOO_SMALL;
  } else {
    for (k = 0; k < n && expect == MITCH_OK; k++) {
      int s = ops->id == MITCH_LAYOUT_HEADER ? ops->decode(in + k * bs, bs, scratch)
                                              : mitch_body_validate(ops->id, in + k * bs, bs);
      if (s != MITCH_OK) {
        expect = s;
        first_bad = k;
      }
    }
  }
  free(scratch);
  prefill(&err);
  before = err;
  st = mitch_check_wire(ops->id, in, len, n, &err);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_check_wire(ops->id, in, len, n, NULL) == st);
  check_err(&err, &before, st);
  if (st != MITCH_OK && st != MITCH_ERR_BUFFER_TOO_SMALL) {
    FUZZ_ASSERT(err.index == first_bad);
    if (err.field >= 0)
      FUZZ_ASSERT(err.offset >= first_bad * bs && err.offset < (first_bad + 1) * bs);
  }
}

static void fuzz_stream_check(const uint8_t *in, size_t len, uint8_t only) {
  mitch_stream_info plain, checked, untouched;
  mitch_error err, before;
  int st_plain, st;
  memset(&plain, 0x5A, sizeof plain);
  memset(&checked, 0x5A, sizeof checked);
  prefill(&err);
  before = err;
  st_plain = mitch_stream_validate(in, len, only, &plain);
  st = mitch_check_stream(in, len, only, &checked, &err);
  FUZZ_ASSERT(st == st_plain);
  FUZZ_ASSERT(memcmp(&plain, &checked, sizeof plain) == 0);
  FUZZ_ASSERT(mitch_check_stream(in, len, only, NULL, NULL) == st);
  check_err(&err, &before, st);
  memset(&untouched, 0x5A, sizeof untouched);
  /* (an argument error - only_type not a body type - leaves *info as it was) */
  if (st != MITCH_OK && memcmp(&plain, &untouched, sizeof plain) != 0) {
    FUZZ_ASSERT(err.index == plain.messages);
    FUZZ_ASSERT(err.message_offset == plain.message_offset);
    FUZZ_ASSERT(err.offset <= len);
  }
}

/* n struct images of OPS[which], taken from the input: each its own, or
   (repeat) all copies of the first but one, so that long runs of valid
   bodies with one bad one among them are easy to reach. */
static uint8_t *structs_from(fuzz_reader *r, size_t ss, size_t n, int repeat) {
  uint8_t *v = malloc(n ? n * ss : 1);
  size_t k, odd;
  if (!n)
    return v;
  if (!repeat) {
    for (k = 0; k < n * ss; k++)
      v[k] = fuzz_u8(r);
    return v;
  }
  for (k = 0; k < ss; k++)
    v[k] = fuzz_u8(r);
  for (k = 1; k < n; k++)
    memcpy(v + k * ss, v, ss);
  odd = fuzz_u16(r) % (2 * n); /* past n: none differs */
  if (odd < n)
    for (k = 0; k < ss; k++)
      v[odd * ss + k] = fuzz_u8(r);
  return v;
}

static size_t first_invalid(const body_ops *ops, const uint8_t *v, size_t ss, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (ops->validate(v + k * ss) != MITCH_OK)
      return k;
  return n;
}

static void fuzz_values(const body_ops *ops, fuzz_reader *r, size_t n, int repeat) {
  mitch_layout l = layout_of(ops->id);
  uint8_t *v = structs_from(r, l.struct_size, n, repeat);
  size_t bad = first_invalid(ops, v, l.struct_size, n);
  mitch_error err, before;
  int st;
  prefill(&err);
  before = err;
  st = mitch_check_values(ops->id, v, n, &err);
  FUZZ_ASSERT(mitch_check_values(ops->id, v, n, NULL) == st);
  check_err(&err, &before, st);
  if (bad == n) {
    FUZZ_ASSERT(st == MITCH_OK);
  } else {
    FUZZ_ASSERT(st == ops->validate(v + bad * l.struct_size));
    FUZZ_ASSERT(err.index == bad);
    if (err.field >= 0) {
      mitch_field f;
      FUZZ_ASSERT(mitch_layout_field(ops->id, (size_t)err.field, &f) == MITCH_OK);
      FUZZ_ASSERT(err.offset == bad * l.wire_size + f.wire_offset);
    }
  }
  free(v);
}

/* Struct k as a single decode of its single encode reads it (padding
   zero), for comparing with what the bulk decoder delivers. */
static void canonical(const body_ops *ops, const uint8_t *v, size_t ss, size_t bs,
                      uint8_t *out) {
  uint8_t *wire = malloc(bs);
  memset(out, 0, ss);
  FUZZ_ASSERT(ops->encode(v, wire, bs) == MITCH_OK);
  FUZZ_ASSERT(ops->decode(wire, bs, out) == MITCH_OK);
  free(wire);
}

static void fuzz_capture_encode(const body_ops *ops, fuzz_reader *r, size_t n, int repeat) {
  mitch_layout l = layout_of(ops->id);
  size_t ss = l.struct_size, bs = l.wire_size, k, size = 0, written = 0, bad, messages = 0,
         run = 0;
  uint8_t *v = structs_from(r, ss, n, repeat), *out, *fill;
  uint64_t *ts = malloc(n ? n * sizeof *ts : 1);
  mitch_error err, before;
  int st;
  /* timestamps in runs: each either the last one again or a new one */
  for (k = 0; k < n; k++) {
    uint8_t how = fuzz_u8(r);
    if (k == 0 || (how & 3) == 0) {
      uint64_t t = fuzz_u64(r);
      ts[k] = how & 4 ? t : t & MITCH_U48_MAX;
    } else {
      ts[k] = ts[k - 1];
    }
    if (k == 0 || ts[k] != ts[k - 1] || run == 255) {
      messages++;
      run = 0;
    }
    run++;
  }
  bad = first_invalid(ops, v, ss, n);
  for (k = 0; k < bad; k++)
    if (ts[k] > MITCH_U48_MAX)
      bad = k;
  FUZZ_ASSERT(mitch_capture_encode(ops->id, v, ts, n, NULL, 0, &size, NULL) == MITCH_OK);
  FUZZ_ASSERT(size == (n ? messages * MITCH_HEADER_SIZE + n * bs : 0));
  out = malloc(size ? size : 1);
  fill = malloc(size ? size : 1);
  memset(out, FILL, size ? size : 1);
  memset(fill, FILL, size ? size : 1);
  prefill(&err);
  before = err;
  st = mitch_capture_encode(ops->id, v, ts, n, out, size, &written, &err);
  check_err(&err, &before, st);
  if (bad < n) {
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_FIELD_VALUE);
    FUZZ_ASSERT(err.index == bad);
    FUZZ_ASSERT(memcmp(out, fill, size ? size : 1) == 0);
  } else if (n) {
    uint8_t *back = malloc(n * ss), *one = malloc(ss);
    uint64_t *back_ts = malloc(n * sizeof *back_ts);
    mitch_capture_sink sink;
    mitch_stream_info info;
    FUZZ_ASSERT(st == MITCH_OK && written == size);
    memset(&sink, 0, sizeof sink);
    sink.message_type = ops->id;
    sink.bodies = back;
    sink.timestamps = back_ts;
    sink.capacity = n;
    FUZZ_ASSERT(mitch_capture_decode(out, size, &sink, 1, &info, NULL) == MITCH_OK);
    FUZZ_ASSERT(sink.count == n && info.messages == messages && info.bodies == n);
    for (k = 0; k < n; k++) {
      canonical(ops, v + k * ss, ss, bs, one);
      FUZZ_ASSERT(memcmp(one, back + k * ss, ss) == 0);
      FUZZ_ASSERT(back_ts[k] == ts[k]);
    }
    free(back);
    free(one);
    free(back_ts);
  } else {
    FUZZ_ASSERT(st == MITCH_OK && written == 0);
  }
  free(out);
  free(fill);
  free(ts);
  free(v);
}

static void fuzz_encode_batch(const body_ops *ops, fuzz_reader *r, size_t n, int repeat,
                              uint8_t short_by) {
  mitch_layout l = layout_of(ops->id);
  size_t ss = l.struct_size, bs = l.wire_size, need = n * bs, k, done = (size_t)-1;
  size_t out_len = short_by && short_by <= need ? need - short_by : need;
  uint8_t *v = structs_from(r, ss, n, repeat), *out = malloc(out_len ? out_len : 1);
  size_t bad = first_invalid(ops, v, ss, n);
  int st;
  memset(out, FILL, out_len ? out_len : 1);
  st = ops->encode_batch(v, n, out, out_len, &done);
  if (out_len < need) {
    FUZZ_ASSERT(st == MITCH_ERR_BUFFER_TOO_SMALL);
  } else if (bad < n) {
    FUZZ_ASSERT(st == ops->validate(v + bad * ss));
    FUZZ_ASSERT(done == bad);
  } else {
    uint8_t *one = malloc(bs);
    FUZZ_ASSERT(st == MITCH_OK && done == n);
    for (k = 0; k < n; k++) {
      FUZZ_ASSERT(ops->encode(v + k * ss, one, bs) == MITCH_OK);
      FUZZ_ASSERT(memcmp(one, out + k * bs, bs) == 0);
    }
    free(one);
  }
  if (st != MITCH_OK)
    for (k = 0; k < out_len; k++)
      FUZZ_ASSERT(out[k] == FILL);
  free(out);
  free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_reader r;
  uint8_t mode, which, count_lo, count_hi;
  const body_ops *ops;
  int repeat;
  if (size < 4)
    return 0;
  mode = data[0];
  which = data[1];
  count_lo = data[2];
  count_hi = data[3];
  repeat = mode & 0x80;
  r.p = data + 4;
  r.left = size - 4;
  switch (mode & 7) {
  case 0: { /* check_wire over the rest, as an exact heap copy */
    uint8_t *in = fuzz_copy(r.p, r.left);
    ops = &OPS[which % (N_OPS - 1)]; /* the body types and the header */
    fuzz_wire(ops, in, r.left, count_lo);
    free(in);
    break;
  }
  case 1: { /* check_stream */
    static const uint8_t only[] = {0, MITCH_MSG_TRADE, MITCH_MSG_ORDER, MITCH_MSG_TICK,
                                   MITCH_MSG_INDEX, MITCH_MSG_ORDER_BOOK, 'X'};
    uint8_t *in = fuzz_copy(r.p, r.left);
    fuzz_stream_check(in, r.left, only[which % sizeof only]);
    free(in);
    break;
  }
  case 2:
    fuzz_values(&OPS[which % N_OPS], &r, count_lo % 9, repeat);
    break;
  case 3: /* up to 700 bodies: runs cross the 255-body limit */
    fuzz_capture_encode(&OPS[which % N_BODY_TYPES], &r,
                        ((size_t)count_hi << 8 | count_lo) % 701, repeat);
    break;
  case 4:
    fuzz_encode_batch(&OPS[which % N_BODY_TYPES], &r, count_lo % 41, repeat, count_hi);
    break;
  default:
    break;
  }
  return 0;
}
