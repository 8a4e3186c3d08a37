/*
 * check_capture.c - mitch_capture_decode and mitch_capture_encode: every
 * valid message row of the conformance vectors decoded from one mixed
 * capture (and encoded back to the same bytes), the valid-prefix rule on
 * every kind of damage (nothing written at or after it, in any sink),
 * sinks that are too small, sizing calls, and hostile arguments.
 *
 * Body types are taken from the layout table and vector files are found by
 * layout name (messages/<name>.tsv), so nothing here lists the types.
 * Bytes are built by hand (tu_put_le), never with the encoders under test.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define MAX_TYPES 8
#define FILL 0xA5

/* The body layouts of the table. */
static size_t body_layouts(mitch_layout *out) {
  size_t i, n = 0;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (l.message_type && n < MAX_TYPES)
      out[n++] = l;
  }
  return n;
}

static void put_header(uint8_t *p, uint8_t type, uint64_t ts, uint8_t count) {
  p[0] = type;
  tu_put_le(p + 1, ts, 6);
  p[7] = count;
}

/* The bits of a member of `size` bytes, in host order (any endianness). */
static uint64_t member_bits(const uint8_t *p, size_t size) {
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  switch (size) {
  case 1:
    memcpy(&u8, p, 1);
    return u8;
  case 2:
    memcpy(&u16, p, 2);
    return u16;
  case 4:
    memcpy(&u32, p, 4);
    return u32;
  default:
    memcpy(&u64, p, 8); /* u64, u48 and the bits of a double */
    return u64;
  }
}

/* Every member of a decoded struct equals its field in the wire image,
   read here by kind through the table's offsets (doubles by bit pattern). */
static void assert_struct_is_wire(const mitch_layout *l, const uint8_t *s, const uint8_t *w,
                                  const char *where) {
  size_t j;
  for (j = 0; j < l->field_count; j++) {
    mitch_field f;
    uint64_t want = 0, got = 0;
    mitch_layout_field(l->id, j, &f);
    switch (f.kind) {
    case MITCH_FIELD_PADDING:
      continue;
    case MITCH_FIELD_BITS:
      want = (w[f.wire_offset] >> f.bit_offset) & ((1u << f.bit_width) - 1u);
      got = s[f.struct_offset];
      break;
    case MITCH_FIELD_BINS: {
      size_t k;
      for (k = 0; k < f.count * 2; k++)
        ck_assert_msg(member_bits(s + f.struct_offset + 4 * k, 4) ==
                          tu_get_le(w + f.wire_offset + 4 * k, 4),
                      "%s: %s word %zu", where, f.name, k);
      continue;
    }
    default:
      want = tu_get_le(w + f.wire_offset, f.wire_size);
      got = member_bits(s + f.struct_offset, f.struct_size);
      if (f.struct_size < 8) /* signed members: compare their bits */
        want &= (UINT64_C(1) << (8 * f.struct_size)) - 1u;
      break;
    }
    ck_assert_msg(got == want, "%s: %s is 0x%llx, the wire says 0x%llx", where, f.name,
                  (unsigned long long)got, (unsigned long long)want);
  }
}

/* ---- every valid row of the vectors ----------------------------------------- */

typedef struct rows {
  uint8_t *bodies; /* n * wire_size */
  size_t n;
} rows;

/* The valid rows of messages/<name>.tsv: the `expect` column (the last)
   as bytes.  Rows whose expect is ERRn are skipped. */
static rows load_rows(const mitch_layout *l) {
  char path[1024], *text, *line, *end;
  FILE *f;
  long size;
  rows r;
  snprintf(path, sizeof path, "%s/messages/%s.tsv", tu_vectors_dir(), l->name);
  f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  ck_assert_ptr_ne(text, NULL);
  ck_assert_uint_eq(fread(text, 1, (size_t)size, f), (size_t)size);
  text[size] = '\0';
  fclose(f);
  r.n = 0;
  r.bodies = malloc((size_t)size / 2 + 1); /* hex text is twice the bytes */
  ck_assert_ptr_ne(r.bodies, NULL);
  line = strchr(text, '\n'); /* skip the header row */
  ck_assert_ptr_ne(line, NULL);
  for (line++; *line; line = end + 1) {
    const char *expect;
    size_t len;
    end = strchr(line, '\n');
    ck_assert_msg(end != NULL, "%s: no newline at the end", path);
    *end = '\0';
    expect = strrchr(line, '\t');
    ck_assert_ptr_ne(expect, NULL);
    expect++;
    if (strncmp(expect, "ERR", 3) == 0)
      continue;
    ck_assert_msg(tu_hex_decode(expect, r.bodies + r.n * l->wire_size, l->wire_size, &len) &&
                      len == l->wire_size,
                  "%s: bad expect \"%.20s...\"", path, expect);
    r.n++;
  }
  free(text);
  ck_assert_msg(r.n > 0, "%s has no valid rows", path);
  return r;
}

/* Every byte of a struct a decoder filled is written: a byte no member
   covers (padding) is zero, or, where the struct is the wire image, the
   wire's byte (mitch.h: decoders never leave stale memory). */
static void assert_padding_written(const mitch_layout *l, const uint8_t *s, const uint8_t *w,
                                   const char *where) {
  unsigned char covered[4096];
  size_t j, b;
  ck_assert_uint_le(l->struct_size, sizeof covered);
  memset(covered, 0, sizeof covered);
  for (j = 0; j < l->field_count; j++) {
    mitch_field f;
    mitch_layout_field(l->id, j, &f);
    if (f.struct_offset != MITCH_NO_MEMBER)
      memset(covered + f.struct_offset, 1, f.struct_size); /* all elements */
  }
  for (b = 0; b < l->struct_size; b++)
    if (!covered[b])
      ck_assert_msg(s[b] == 0 || (l->struct_size <= l->wire_size && s[b] == w[b]),
                    "%s: padding byte %zu of the struct is 0x%02x", where, b, s[b]);
}

/* One body through the single decoder of its type (a type added to the
   table without one here fails the test that calls this). */
static int decode_one(uint8_t type, const uint8_t *wire, size_t len, void *out) {
  switch (type) {
  case MITCH_MSG_TRADE:
    return mitch_trade_decode(wire, len, (mitch_trade *)out);
  case MITCH_MSG_ORDER:
    return mitch_order_decode(wire, len, (mitch_order *)out);
  case MITCH_MSG_TICK:
    return mitch_tick_decode(wire, len, (mitch_tick *)out);
  case MITCH_MSG_INDEX:
    return mitch_index_decode(wire, len, (mitch_index *)out);
  case MITCH_MSG_ORDER_BOOK:
    return mitch_order_book_decode(wire, len, (mitch_order_book *)out);
  default:
    ck_abort_msg("no single decoder for layout '%c'", type);
    return -1;
  }
}

/* Fills the stack below the caller with 0xEE, where the decoder's own
   frame will lie: a byte it copies without writing shows as 0xEE. */
static __attribute__((noinline)) void dirty_stack(void) {
  volatile unsigned char junk[16384];
  size_t i;
  for (i = 0; i < sizeof junk; i++)
    junk[i] = 0xEE;
}

/* The single decoders too write every byte of the struct (padding as zero):
   a decoded struct is copied, hashed, written out whole by callers, and
   must carry neither what the caller's memory held before nor bytes of
   libmitch's stack (fuzz_check found X_decode doing both - it copied a
   stack temporary, whose padding the compiler may or may not copy; see
   fuzz/regressions/fuzz_check/order-book-decode-copied-stack-padding). */
START_TEST(test_single_decoders_write_every_byte) {
  mitch_layout types[MAX_TYPES];
  size_t n_types = body_layouts(types), t, i;
  for (t = 0; t < n_types; t++) {
    rows r = load_rows(&types[t]);
    uint8_t *s = malloc(types[t].struct_size);
    ck_assert_ptr_ne(s, NULL);
    for (i = 0; i < r.n; i++) {
      const uint8_t *w = r.bodies + i * types[t].wire_size;
      char where[64];
      snprintf(where, sizeof where, "%s row %zu", types[t].name, i);
      memset(s, FILL, types[t].struct_size);
      dirty_stack();
      ck_assert_int_eq(decode_one(types[t].id, w, types[t].wire_size, s), MITCH_OK);
      assert_struct_is_wire(&types[t], s, w, where);
      assert_padding_written(&types[t], s, w, where);
    }
    free(s);
    free(r.bodies);
  }
}
END_TEST

START_TEST(test_every_message_row) {
  mitch_layout types[MAX_TYPES];
  rows r[MAX_TYPES];
  mitch_capture_sink sinks[MAX_TYPES];
  uint8_t *capture, *per_type[MAX_TYPES];
  size_t n_types = body_layouts(types), t, size = 0, total = 0, type_size[MAX_TYPES];
  size_t next[MAX_TYPES], left, messages = 0;
  uint64_t ts = 1000;
  mitch_stream_info info;
  mitch_error err;
  ck_assert_uint_eq(n_types, 5);
  for (t = 0; t < n_types; t++) {
    r[t] = load_rows(&types[t]);
    total += r[t].n * (types[t].wire_size + 8);
    next[t] = 0;
    type_size[t] = 0;
    per_type[t] = malloc(r[t].n * (types[t].wire_size + 8));
    ck_assert_ptr_ne(per_type[t], NULL);
  }
  /* round robin over the types, up to 3 rows per message, each message its
     own timestamp; the same messages are also kept per type */
  capture = malloc(total);
  ck_assert_ptr_ne(capture, NULL);
  do {
    left = 0;
    for (t = 0; t < n_types; t++) {
      size_t k = r[t].n - next[t] < 3 ? r[t].n - next[t] : 3, bytes;
      if (k == 0)
        continue;
      bytes = k * types[t].wire_size;
      put_header(capture + size, types[t].message_type, ts, (uint8_t)k);
      memcpy(capture + size + 8, r[t].bodies + next[t] * types[t].wire_size, bytes);
      memcpy(per_type[t] + type_size[t], capture + size, 8 + bytes);
      size += 8 + bytes;
      type_size[t] += 8 + bytes;
      next[t] += k;
      ts += 7919;
      messages++;
      left += r[t].n - next[t];
    }
  } while (left);

  /* sizing: all buffers NULL */
  for (t = 0; t < n_types; t++) {
    memset(&sinks[t], 0, sizeof sinks[t]);
    sinks[t].message_type = types[t].message_type;
    sinks[t].count = 12345;
  }
  ck_assert_int_eq(mitch_capture_decode(capture, size, sinks, n_types, &info, &err), MITCH_OK);
  ck_assert_int_eq(err.status, MITCH_OK);
  ck_assert_uint_eq(info.messages, messages);
  for (t = 0; t < n_types; t++) {
    ck_assert_uint_eq(sinks[t].count, r[t].n);
    sinks[t].bodies = malloc(r[t].n * types[t].struct_size);
    sinks[t].timestamps = malloc(r[t].n * sizeof(uint64_t));
    ck_assert(sinks[t].bodies && sinks[t].timestamps);
    sinks[t].capacity = r[t].n;
    memset(sinks[t].bodies, FILL, r[t].n * types[t].struct_size);
  }
  ck_assert_int_eq(mitch_capture_decode(capture, size, sinks, n_types, &info, NULL), MITCH_OK);
  for (t = 0; t < n_types; t++) {
    size_t i, at = 0, out_size = 0;
    uint8_t *again = malloc(type_size[t]);
    ck_assert_uint_eq(sinks[t].count, r[t].n);
    for (i = 0; i < r[t].n; i++) {
      char where[64];
      snprintf(where, sizeof where, "%s row %zu", types[t].name, i);
      assert_struct_is_wire(&types[t], (uint8_t *)sinks[t].bodies + i * types[t].struct_size,
                            r[t].bodies + i * types[t].wire_size, where);
      assert_padding_written(&types[t], (uint8_t *)sinks[t].bodies + i * types[t].struct_size,
                             r[t].bodies + i * types[t].wire_size, where);
    }
    /* the timestamps: walk this type's own messages */
    for (i = 0; at < type_size[t]; at += 8 + per_type[t][at + 7] * types[t].wire_size) {
      uint64_t want = tu_get_le(per_type[t] + at + 1, 6);
      size_t k;
      for (k = 0; k < per_type[t][at + 7]; k++, i++)
        ck_assert_uint_eq(sinks[t].timestamps[i], want);
    }
    /* and back: the same messages byte for byte */
    ck_assert_int_eq(mitch_capture_encode(types[t].message_type, sinks[t].bodies,
                                          sinks[t].timestamps, r[t].n, NULL, 0, &out_size, NULL),
                     MITCH_OK);
    ck_assert_uint_eq(out_size, type_size[t]);
    ck_assert(again != NULL);
    ck_assert_int_eq(mitch_capture_encode(types[t].message_type, sinks[t].bodies,
                                          sinks[t].timestamps, r[t].n, again, type_size[t],
                                          &out_size, &err),
                     MITCH_OK);
    TU_ASSERT_BYTES(again, per_type[t], type_size[t]);
    free(again);
    free(sinks[t].bodies);
    free(sinks[t].timestamps);
    free(per_type[t]);
    free(r[t].bodies);
  }
  free(capture);
}
END_TEST

/* ---- damage: the valid prefix, nothing after it ------------------------------ */

/* trades and ticks by hand: trade i has ticker i + 1, price 1 + i, qty 1,
   id 1, side 0; tick i: ticker 100 + i, bid 1, ask 2. */
static void trade_body(uint8_t *p, unsigned i) {
  memset(p, 0, 32);
  tu_put_le(p, i + 1, 8);
  tu_put_f64(p + 8, 1.0 + i);
  tu_put_le(p + 16, 1, 4);
  tu_put_le(p + 20, 1, 4);
}
static void tick_body(uint8_t *p, unsigned i) {
  memset(p, 0, 32);
  tu_put_le(p, 100 + i, 8);
  tu_put_f64(p + 8, 1.0);
  tu_put_f64(p + 16, 2.0);
}

/* The capture used below:
 *   offset   message
 *        0   't' ts 10, 3 trades (0..2)          8 + 96  = 104
 *      104   's' ts 20, 2 ticks (0..1)           8 + 64  = 72
 *      176   't' ts 30, 4 trades (3..6)          8 + 128 = 136
 *      312   's' ts 40, 1 tick (2)               8 + 32  = 40
 *      352   end
 */
#define CAP_SIZE 352
static void build_capture(uint8_t *c) {
  unsigned i;
  put_header(c, 't', 10, 3);
  for (i = 0; i < 3; i++)
    trade_body(c + 8 + 32 * i, i);
  put_header(c + 104, 's', 20, 2);
  for (i = 0; i < 2; i++)
    tick_body(c + 112 + 32 * i, i);
  put_header(c + 176, 't', 30, 4);
  for (i = 0; i < 4; i++)
    trade_body(c + 184 + 32 * i, 3 + i);
  put_header(c + 312, 's', 40, 1);
  tick_body(c + 320, 2);
}

typedef struct two_sinks {
  mitch_capture_sink s[2];
  mitch_trade trades[16];
  mitch_tick ticks[16];
  uint64_t trade_ts[16], tick_ts[16];
} two_sinks;

static void sinks_init(two_sinks *k, size_t trade_cap, size_t tick_cap) {
  memset(k, FILL, sizeof *k);
  k->s[0].message_type = 't';
  k->s[0].bodies = k->trades;
  k->s[0].timestamps = k->trade_ts;
  k->s[0].capacity = trade_cap;
  k->s[1].message_type = 's';
  k->s[1].bodies = k->ticks;
  k->s[1].timestamps = k->tick_ts;
  k->s[1].capacity = tick_cap;
  k->s[0].body_stride = k->s[0].timestamp_stride = 0; /* packed */
  k->s[1].body_stride = k->s[1].timestamp_stride = 0;
}

/* Exactly `trades` trades and `ticks` ticks delivered, every byte after them
   still FILL. */
static void assert_prefix(const two_sinks *k, size_t trades, size_t ticks) {
  size_t i;
  ck_assert_uint_eq(k->s[0].count, trades);
  ck_assert_uint_eq(k->s[1].count, ticks);
  for (i = 0; i < trades; i++) {
    ck_assert_uint_eq(k->trades[i].ticker_id, i + 1);
    ck_assert(k->trades[i].price == 1.0 + (double)i);
    ck_assert_uint_eq(k->trade_ts[i], i < 3 ? 10 : 30);
  }
  for (i = 0; i < ticks; i++) {
    ck_assert_uint_eq(k->ticks[i].ticker_id, 100 + i);
    ck_assert_uint_eq(k->tick_ts[i], i < 2 ? 20 : 40);
  }
  for (i = trades * sizeof(mitch_trade); i < sizeof k->trades; i++)
    ck_assert_msg(((const uint8_t *)k->trades)[i] == FILL, "trade byte %zu written", i);
  for (i = trades * 8; i < sizeof k->trade_ts; i++)
    ck_assert_msg(((const uint8_t *)k->trade_ts)[i] == FILL, "trade timestamp byte %zu written",
                  i);
  for (i = ticks * sizeof(mitch_tick); i < sizeof k->ticks; i++)
    ck_assert_msg(((const uint8_t *)k->ticks)[i] == FILL, "tick byte %zu written", i);
  for (i = ticks * 8; i < sizeof k->tick_ts; i++)
    ck_assert_msg(((const uint8_t *)k->tick_ts)[i] == FILL, "tick timestamp byte %zu written", i);
}

START_TEST(test_whole_capture) {
  uint8_t c[CAP_SIZE];
  two_sinks k;
  mitch_stream_info info;
  build_capture(c);
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, NULL), MITCH_OK);
  assert_prefix(&k, 7, 3);
  ck_assert_uint_eq(info.messages, 4);
  ck_assert_uint_eq(info.bodies, 10);
  /* a sink for one type only: the other is validated and skipped */
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, &k.s[1], 1, NULL, NULL), MITCH_OK);
  ck_assert_uint_eq(k.s[1].count, 3);
  ck_assert_uint_eq(k.ticks[2].ticker_id, 102);
  /* no sink at all: validation only */
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, NULL, 0, &info, NULL), MITCH_OK);
  ck_assert_uint_eq(info.bodies, 10);
}
END_TEST

/* A bad body inside a message: the bodies before it in that message are
   delivered, the bad one and everything after are not. */
START_TEST(test_bad_body_prefix) {
  uint8_t c[CAP_SIZE];
  two_sinks k;
  mitch_stream_info info;
  mitch_error err;
  build_capture(c);
  tu_put_le(c + 184 + 2 * 32 + 16, 0, 4); /* trade 5 (third of message 2): quantity 0 */
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_prefix(&k, 5, 2);
  ck_assert_uint_eq(info.messages, 2);
  ck_assert_uint_eq(info.bodies, 5);
  ck_assert_uint_eq(info.message_offset, 176);
  ck_assert_uint_eq(info.error_offset, 184 + 2 * 32);
  ck_assert_uint_eq(err.layout, 't');
  ck_assert_str_eq(err.field_name, "quantity");
  ck_assert_uint_eq(err.offset, 184 + 2 * 32 + 16);
  ck_assert_uint_eq(err.index, 2);
  ck_assert_uint_eq(err.message_offset, 176);
  /* the same damage in a type without a sink stops the others too */
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, &k.s[1], 1, &info, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(k.s[1].count, 2);
  /* and the sizing call reports the same prefix */
  k.s[0].bodies = NULL;
  k.s[0].timestamps = NULL;
  k.s[1].bodies = NULL;
  k.s[1].timestamps = NULL;
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(k.s[0].count, 5);
  ck_assert_uint_eq(k.s[1].count, 2);
}
END_TEST

/* Framing damage ends the prefix before its message: none of its bodies,
   valid or not, is delivered. */
START_TEST(test_framing_damage_prefix) {
  uint8_t c[CAP_SIZE];
  two_sinks k;
  mitch_stream_info info;
  mitch_error err;
  size_t cut;
  build_capture(c);
  c[176] = 'T'; /* bad type byte */
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  assert_prefix(&k, 3, 2);
  ck_assert_str_eq(err.field_name, "message_type");
  ck_assert_uint_eq(err.offset, 176);
  build_capture(c);
  c[176 + 7] = 0; /* count 0 */
  sinks_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_prefix(&k, 3, 2);
  ck_assert_str_eq(err.field_name, "count");
  /* truncated anywhere inside the third message: its three complete,
     valid bodies are not delivered either */
  build_capture(c);
  for (cut = 176 + 1; cut < 312; cut++) {
    sinks_init(&k, 16, 16);
    ck_assert_int_eq(mitch_capture_decode(c, cut, k.s, 2, &info, &err),
                     MITCH_ERR_BUFFER_TOO_SMALL);
    assert_prefix(&k, 3, 2);
    ck_assert_uint_eq(info.error_offset, cut);
    ck_assert_uint_eq(err.message_offset, 176);
  }
}
END_TEST

/* A sink that is full: MITCH_ERR_BUFFER_TOO_SMALL at the first body that
   does not fit, the same prefix rule. */
START_TEST(test_sink_too_small) {
  uint8_t c[CAP_SIZE];
  two_sinks k;
  mitch_stream_info info;
  mitch_error err;
  build_capture(c);
  sinks_init(&k, 4, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  assert_prefix(&k, 4, 2);
  ck_assert_uint_eq(info.error_offset, 184 + 32);
  ck_assert_uint_eq(err.offset, 184 + 32);
  ck_assert_uint_eq(err.layout, 't');
  ck_assert_str_ne(err.rule, "");
  /* capacity 0 with buffers: the first body already does not fit */
  sinks_init(&k, 0, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  assert_prefix(&k, 0, 0);
  /* timestamps only: capacity applies to them */
  sinks_init(&k, 16, 2);
  k.s[1].bodies = NULL;
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_uint_eq(k.s[1].count, 2);
  ck_assert_uint_eq(k.tick_ts[1], 20);
  ck_assert_uint_eq(k.tick_ts[2], UINT64_C(0xA5A5A5A5A5A5A5A5));
}
END_TEST

START_TEST(test_decode_arguments) {
  uint8_t c[CAP_SIZE];
  two_sinks k;
  mitch_error err;
  build_capture(c);
  sinks_init(&k, 16, 16);
  k.s[0].count = 77;
  k.s[1].count = 77;
  ck_assert_int_eq(mitch_capture_decode(NULL, 10, k.s, 2, NULL, &err), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, NULL, 2, NULL, &err), MITCH_ERR_INVALID_DATA);
  k.s[1].message_type = 't'; /* two sinks for one type */
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err), MITCH_ERR_INVALID_DATA);
  k.s[1].message_type = 'S';
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(err.layout, 'S');
  /* argument errors leave the sinks alone */
  ck_assert_uint_eq(k.s[0].count, 77);
  ck_assert_uint_eq(k.s[1].count, 77);
  ck_assert_uint_eq(k.trades[0].ticker_id, UINT64_C(0xA5A5A5A5A5A5A5A5));
  /* empty input: valid, counts 0 */
  k.s[1].message_type = 's';
  ck_assert_int_eq(mitch_capture_decode(NULL, 0, k.s, 2, NULL, &err), MITCH_OK);
  ck_assert_uint_eq(k.s[0].count, 0);
  /* a one-byte input: a short header (length before type) */
  ck_assert_int_eq(mitch_capture_decode((const uint8_t *)"X", 1, k.s, 2, NULL, &err),
                   MITCH_ERR_BUFFER_TOO_SMALL);
}
END_TEST

/* Records holding a body and its timestamp (what a numpy structured array
   or a struct-of-record language binding has), decoded in place through
   the strides.  `guard` sits between them and after them: never written. */
typedef struct timed_trade {
  mitch_trade body;
  uint64_t guard;
  uint64_t timestamp;
  uint64_t guard2;
} timed_trade;

typedef struct timed_tick {
  mitch_tick body;
  uint64_t timestamp;
} timed_tick;

typedef struct strided_sinks {
  mitch_capture_sink s[2];
  timed_trade trades[16];
  timed_tick ticks[16];
} strided_sinks;

/* A sink filling records of `size` bytes whose body and timestamp are at
   `body` and `timestamp` in the first one. */
static void strided_sink(mitch_capture_sink *s, uint8_t type, void *body, uint64_t *timestamp,
                         size_t size, size_t capacity) {
  memset(s, 0, sizeof *s);
  s->message_type = type;
  s->bodies = body;
  s->body_stride = size;
  s->timestamps = timestamp;
  s->timestamp_stride = size;
  s->capacity = capacity;
}

static void strided_init(strided_sinks *k, size_t trade_cap, size_t tick_cap) {
  memset(k, FILL, sizeof *k);
  strided_sink(&k->s[0], 't', &k->trades[0].body, &k->trades[0].timestamp, sizeof k->trades[0],
               trade_cap);
  strided_sink(&k->s[1], 's', &k->ticks[0].body, &k->ticks[0].timestamp, sizeof k->ticks[0],
               tick_cap);
}

static int all_fill(const void *p, size_t n) {
  const uint8_t *b = (const uint8_t *)p;
  size_t i;
  for (i = 0; i < n; i++)
    if (b[i] != FILL)
      return 0;
  return 1;
}

/* The records hold exactly what the packed decode of the same capture gives
   (checked against the capture's own bytes by assert_prefix), for the first
   `trades` and `ticks`; the guards and every later record are untouched. */
static void assert_strided_prefix(const strided_sinks *k, size_t trades, size_t ticks) {
  uint8_t c[CAP_SIZE];
  two_sinks packed;
  size_t i;
  build_capture(c);
  sinks_init(&packed, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, packed.s, 2, NULL, NULL), MITCH_OK);
  assert_prefix(&packed, 7, 3);
  ck_assert_uint_eq(k->s[0].count, trades);
  ck_assert_uint_eq(k->s[1].count, ticks);
  for (i = 0; i < 16; i++) {
    const timed_trade *r = &k->trades[i];
    ck_assert_msg(all_fill(&r->guard, sizeof r->guard) && all_fill(&r->guard2, sizeof r->guard2),
                  "guard of trade record %zu written", i);
    if (i < trades) {
      ck_assert_mem_eq(&r->body, &packed.trades[i], sizeof r->body);
      ck_assert_uint_eq(r->timestamp, packed.trade_ts[i]);
    } else {
      ck_assert_msg(all_fill(r, sizeof *r), "trade record %zu written", i);
    }
  }
  for (i = 0; i < 16; i++) {
    if (i < ticks) {
      ck_assert_mem_eq(&k->ticks[i].body, &packed.ticks[i], sizeof k->ticks[i].body);
      ck_assert_uint_eq(k->ticks[i].timestamp, packed.tick_ts[i]);
    } else {
      ck_assert_msg(all_fill(&k->ticks[i], sizeof k->ticks[i]), "tick record %zu written", i);
    }
  }
}

START_TEST(test_strided_records) {
  uint8_t c[CAP_SIZE];
  strided_sinks k;
  mitch_stream_info info;
  mitch_error err;
  build_capture(c);
  strided_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err), MITCH_OK);
  assert_strided_prefix(&k, 7, 3);
  /* a bad body: the prefix rule holds record by record */
  tu_put_le(c + 184 + 2 * 32 + 16, 0, 4); /* trade 5: quantity 0 */
  strided_init(&k, 16, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  assert_strided_prefix(&k, 5, 2);
  /* a full sink: the same */
  build_capture(c);
  strided_init(&k, 4, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  assert_strided_prefix(&k, 4, 2);
  /* only one of the two strided (bodies packed in a record array of their
     own size is a stride equal to the struct size) */
  strided_init(&k, 16, 16);
  k.s[1].body_stride = 0;
  k.s[1].bodies = NULL;
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, &info, &err), MITCH_OK);
  ck_assert_uint_eq(k.s[1].count, 3);
  ck_assert_uint_eq(k.ticks[2].timestamp, 40);
  ck_assert(all_fill(&k.ticks[0].body, sizeof k.ticks[0].body));
}
END_TEST

/* Strides that cannot describe an array of aligned elements are refused
   before anything is read or written. */
START_TEST(test_stride_arguments) {
  uint8_t c[CAP_SIZE];
  strided_sinks k;
  mitch_error err;
  /* too small, or not a multiple of the alignment (at least 4 on every
     ABI for these structs and uint64_t) */
  size_t bad_body[] = {1, sizeof(mitch_trade) - 8, sizeof(mitch_trade) + 1,
                       sizeof(mitch_trade) + 2};
  size_t bad_stamp[] = {4, 7, 9, 10};
  size_t i;
  build_capture(c);
  for (i = 0; i < sizeof bad_body / sizeof bad_body[0]; i++) {
    strided_init(&k, 16, 16);
    k.s[0].count = 77;
    k.s[0].body_stride = bad_body[i];
    ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err),
                     MITCH_ERR_INVALID_DATA);
    ck_assert_uint_eq(err.layout, 't');
    ck_assert_uint_eq(k.s[0].count, 77);
    ck_assert(all_fill(k.trades, sizeof k.trades));
  }
  for (i = 0; i < sizeof bad_stamp / sizeof bad_stamp[0]; i++) {
    strided_init(&k, 16, 16);
    k.s[1].timestamp_stride = bad_stamp[i];
    ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err),
                     MITCH_ERR_INVALID_DATA);
    ck_assert_uint_eq(err.layout, 's');
    ck_assert(all_fill(k.ticks, sizeof k.ticks) && all_fill(k.trades, sizeof k.trades));
  }
  /* a capacity whose last record could not be addressed */
  strided_init(&k, SIZE_MAX / sizeof(timed_trade) + 1, 16);
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err),
                   MITCH_ERR_INVALID_DATA);
  ck_assert(all_fill(k.trades, sizeof k.trades));
  /* counting only: capacity and strides of the arrays do not matter, but
     the strides must still be valid ones */
  strided_init(&k, SIZE_MAX, 16);
  k.s[0].bodies = NULL;
  k.s[0].timestamps = NULL;
  ck_assert_int_eq(mitch_capture_decode(c, sizeof c, k.s, 2, NULL, &err), MITCH_OK);
  ck_assert_uint_eq(k.s[0].count, 7);
}
END_TEST

/* ---- encoding ----------------------------------------------------------------- */

static void make_trades(mitch_trade *v, size_t n) {
  size_t i;
  memset(v, 0, n * sizeof *v);
  for (i = 0; i < n; i++) {
    v[i].ticker_id = i + 1;
    v[i].price = 1.0 + (double)i;
    v[i].quantity = 1;
    v[i].trade_id = 1;
  }
}

START_TEST(test_encode_splits_messages) {
  static mitch_trade v[600], back[600];
  static uint64_t ts[600], back_ts[600];
  static uint8_t out[600 * 40 + 100];
  mitch_capture_sink sink;
  size_t i, written = 0, at, messages;
  make_trades(v, 600);
  /* 0..299 at ts 5 (255 + 45), 300..599 at ts 6 (255 + 45) */
  for (i = 0; i < 600; i++)
    ts[i] = i < 300 ? 5 : 6;
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 600, NULL, 0, &written, NULL), MITCH_OK);
  ck_assert_uint_eq(written, 4 * 8 + 600 * 32);
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 600, out, sizeof out, &written, NULL),
                   MITCH_OK);
  ck_assert_uint_eq(written, 4 * 8 + 600 * 32);
  for (at = 0, messages = 0; at < written; messages++) {
    static const unsigned counts[] = {255, 45, 255, 45};
    ck_assert_uint_eq(out[at], 't');
    ck_assert_uint_eq(out[at + 7], counts[messages]);
    ck_assert_uint_eq(tu_get_le(out + at + 1, 6), messages < 2 ? 5 : 6);
    at += 8 + 32 * out[at + 7];
  }
  ck_assert_uint_eq(messages, 4);
  memset(&sink, 0, sizeof sink);
  sink.message_type = 't';
  sink.bodies = back;
  sink.timestamps = back_ts;
  sink.capacity = 600;
  ck_assert_int_eq(mitch_capture_decode(out, written, &sink, 1, NULL, NULL), MITCH_OK);
  ck_assert_uint_eq(sink.count, 600);
  for (i = 0; i < 600; i++) {
    ck_assert_uint_eq(back[i].ticker_id, v[i].ticker_id);
    ck_assert_uint_eq(back_ts[i], ts[i]);
  }
  /* every timestamp different: one body per message */
  for (i = 0; i < 3; i++)
    ts[i] = 100 + i;
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 3, out, sizeof out, &written, NULL), MITCH_OK);
  ck_assert_uint_eq(written, 3 * 40);
  ck_assert_uint_eq(out[7], 1);
  ck_assert_uint_eq(out[47], 1);
  /* n == 0 */
  ck_assert_int_eq(mitch_capture_encode('t', NULL, NULL, 0, out, 0, &written, NULL), MITCH_OK);
  ck_assert_uint_eq(written, 0);
}
END_TEST

/* Validate first: a bad body or timestamp anywhere leaves out untouched. */
START_TEST(test_encode_writes_nothing_on_failure) {
  static mitch_trade v[300];
  static uint64_t ts[300];
  static uint8_t out[300 * 40];
  mitch_error err;
  size_t i, written = 999;
  make_trades(v, 300);
  memset(ts, 0, sizeof ts);
  v[280].price = -1.0;
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 300, out, sizeof out, &written, &err),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof out; i++)
    ck_assert_msg(out[i] == FILL, "byte %zu written", i);
  ck_assert_uint_eq(written, 999);
  ck_assert_uint_eq(err.index, 280);
  ck_assert_str_eq(err.field_name, "price");
  ck_assert_uint_eq(err.offset, 280 * 32 + 8);
  v[280].price = 1.0;
  ts[290] = MITCH_U48_MAX + 1;
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 300, out, sizeof out, &written, &err),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof out; i++)
    ck_assert_msg(out[i] == FILL, "byte %zu written", i);
  ck_assert_uint_eq(err.layout, MITCH_LAYOUT_HEADER);
  ck_assert_str_eq(err.field_name, "timestamp");
  ck_assert_uint_eq(err.index, 290);
  /* the earlier of a bad body and a bad timestamp is reported */
  v[295].quantity = 0;
  mitch_capture_encode('t', v, ts, 300, out, sizeof out, &written, &err);
  ck_assert_uint_eq(err.index, 290);
  ts[290] = 0;
  ts[10] = UINT64_MAX;
  mitch_capture_encode('t', v, ts, 300, out, sizeof out, &written, &err);
  ck_assert_uint_eq(err.index, 10);
  ck_assert_str_eq(err.field_name, "timestamp");
}
END_TEST

START_TEST(test_encode_arguments) {
  static mitch_trade v[4];
  static uint64_t ts[4];
  static uint8_t out[4 * 40];
  size_t written = 999, i;
  make_trades(v, 4);
  memset(ts, 0, sizeof ts);
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 4, out, sizeof out, NULL, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_capture_encode('t', NULL, ts, 4, out, sizeof out, &written, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_capture_encode('t', v, NULL, 4, out, sizeof out, &written, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_capture_encode('X', v, ts, 4, out, sizeof out, &written, NULL),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_capture_encode('X', v, ts, 4, NULL, 0, &written, NULL),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  /* lengths before types: an output that cannot hold any message */
  ck_assert_int_eq(mitch_capture_encode('X', v, ts, 4, out, 7, &written, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  memset(out, FILL, sizeof out);
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 4, out, 8 + 4 * 32 - 1, &written, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  for (i = 0; i < sizeof out; i++)
    ck_assert_msg(out[i] == FILL, "byte %zu written", i);
  ck_assert_uint_eq(written, 999);
  /* output overlapping the input */
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, 1, (uint8_t *)v, sizeof v, &written, NULL),
                   MITCH_ERR_INVALID_DATA);
  /* a count no memory can hold is refused before anything is read */
  ck_assert_int_eq(mitch_capture_encode('t', v, ts, SIZE_MAX / 8, NULL, 0, &written, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_capture_encode('b', v, ts, SIZE_MAX / 2048, NULL, 0, &written, NULL),
                   MITCH_ERR_BUFFER_TOO_SMALL);
}
END_TEST

static Suite *capture_suite(void) {
  Suite *s = suite_create("capture");
  TCase *tc = tu_tcase("decode");
  tcase_add_test(tc, test_every_message_row);
  tcase_add_test(tc, test_single_decoders_write_every_byte);
  tcase_add_test(tc, test_whole_capture);
  tcase_add_test(tc, test_bad_body_prefix);
  tcase_add_test(tc, test_framing_damage_prefix);
  tcase_add_test(tc, test_sink_too_small);
  tcase_add_test(tc, test_decode_arguments);
  tcase_add_test(tc, test_strided_records);
  tcase_add_test(tc, test_stride_arguments);
  suite_add_tcase(s, tc);
  tc = tu_tcase("encode");
  tcase_add_test(tc, test_encode_splits_messages);
  tcase_add_test(tc, test_encode_writes_nothing_on_failure);
  tcase_add_test(tc, test_encode_arguments);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(capture_suite());
}
