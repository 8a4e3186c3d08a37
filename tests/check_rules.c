/*
 * check_rules.c - the two checkers agree.  The hand-written fast checks
 * (X_validate through mitch_message_encode's body check, mitch_body_validate,
 * mitch_header_validate/decode) and the generic checker driven by the
 * layout table's rules (mitch_check_values, mitch_check_wire) must give the
 * same status for every input: here, for every wire layout of the table,
 * edge values of each field's kind (0, 1, limits, limits + 1, NaN with
 * either sign, infinities, -0, subnormals, equal neighbours for the
 * relations between fields) mixed at random, plus plain random bytes.
 *
 * The inputs are built from the table's offsets and kinds, so the test
 * covers a new body type without a change; the table's offsets themselves
 * are checked against protocol.md by check_layout.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define ROUNDS 4000 /* per layout and form; cheap enough for valgrind and qemu */

static uint64_t rng = UINT64_C(0x853C49E6748FEA9B);
static uint64_t rnd(void) { /* xorshift64* */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * UINT64_C(0x2545F4914F6CDD1D);
}

static const uint64_t edge_u[] = {0,     1,     2,      3,      4,      5,          99,
                                  100,   101,   127,    128,    255,    256,        9999,
                                  10000, 10001, 32767,  32768,  65535,  0xFFFFFFFFu,
                                  UINT64_C(0xFFFFFFFFFFFF), UINT64_C(0x1000000000000),
                                  UINT64_MAX, 't', 'o', 's', 'i', 'b', 'T', 'x'};
static const int64_t edge_i[] = {INT32_MIN, -10001, -10000, -9999, -1,   0,
                                 1,         9999,   10000,  10001, 32767, -32768, INT32_MAX};

static double edge_double(void) {
  static const uint64_t bits[] = {
      UINT64_C(0x0000000000000000), /* +0 */
      UINT64_C(0x8000000000000000), /* -0 */
      UINT64_C(0x7FF8000000000000), /* NaN */
      UINT64_C(0xFFF8000000000000), /* -NaN */
      UINT64_C(0x7FF0000000000001), /* signalling NaN */
      UINT64_C(0x7FF0000000000000), /* +inf */
      UINT64_C(0xFFF0000000000000), /* -inf */
      UINT64_C(0x0000000000000001), /* smallest subnormal */
      UINT64_C(0x8000000000000001), /* its negative */
      UINT64_C(0x7FEFFFFFFFFFFFFF), /* DBL_MAX */
      UINT64_C(0x3FF0000000000000), /* 1 */
      UINT64_C(0xBFF0000000000000), /* -1 */
      UINT64_C(0x3FF0CCCCCCCCCCCD), /* 1.05 */
      UINT64_C(0x3FF051EB851EB852), /* 1.02 */
  };
  return tu_bits_double(bits[rnd() % (sizeof bits / sizeof bits[0])]);
}

/* One field's value, by kind: mostly edge values, sometimes random. */
static uint64_t pick_unsigned(void) {
  return rnd() % 4 ? edge_u[rnd() % (sizeof edge_u / sizeof edge_u[0])] : rnd();
}
static int64_t pick_signed(void) {
  return rnd() % 4 ? edge_i[rnd() % (sizeof edge_i / sizeof edge_i[0])] : (int64_t)rnd();
}
static double pick_double(double neighbour) {
  switch (rnd() % 5) {
  case 0:
    return neighbour; /* equal to the field before: ask == bid */
  case 1:
    return (double)(rnd() % 2000) / 1000.0;
  default:
    return edge_double();
  }
}

/* A struct of layout l with every member set from the table. */
static void fill_struct(const mitch_layout *l, uint8_t *s) {
  size_t j;
  double last = 1.0;
  memset(s, 0, l->struct_size);
  for (j = 0; j < l->field_count; j++) {
    mitch_field f;
    uint8_t *p;
    uint64_t u = pick_unsigned();
    int64_t i = pick_signed();
    uint8_t u8 = (uint8_t)u;
    uint16_t u16 = (uint16_t)u;
    uint32_t u32 = (uint32_t)u;
    int16_t i16 = (int16_t)i;
    int32_t i32 = (int32_t)i;
    double d;
    mitch_layout_field(l->id, j, &f);
    p = s + f.struct_offset;
    switch (f.kind) {
    case MITCH_FIELD_U8:
    case MITCH_FIELD_BITS:
      if (rnd() % 2)
        u8 = (uint8_t)(rnd() % 6);
      memcpy(p, &u8, 1);
      break;
    case MITCH_FIELD_U16:
      memcpy(p, &u16, 2);
      break;
    case MITCH_FIELD_U32:
      memcpy(p, &u32, 4);
      break;
    case MITCH_FIELD_U48:
    case MITCH_FIELD_U64:
      memcpy(p, &u, 8);
      break;
    case MITCH_FIELD_I16:
      memcpy(p, &i16, 2);
      break;
    case MITCH_FIELD_I32:
      memcpy(p, &i32, 4);
      break;
    case MITCH_FIELD_F64:
      d = pick_double(last);
      last = d;
      memcpy(p, &d, 8);
      break;
    case MITCH_FIELD_BINS:
      for (u = 0; u < f.struct_size; u++)
        p[u] = (uint8_t)rnd();
      break;
    default:
      break;
    }
  }
}

/* A wire image of layout l: random bytes, then edge values in the fields
   (little-endian, built here, not by the library). */
static void fill_wire(const mitch_layout *l, uint8_t *w) {
  size_t j, k;
  double last = 1.0;
  for (k = 0; k < l->wire_size; k++)
    w[k] = (uint8_t)rnd();
  if (rnd() % 8 == 0)
    return; /* sometimes plain noise */
  for (j = 0; j < l->field_count; j++) {
    mitch_field f;
    mitch_layout_field(l->id, j, &f);
    switch (f.kind) {
    case MITCH_FIELD_BITS: {
      unsigned mask = ((1u << f.bit_width) - 1u) << f.bit_offset;
      unsigned v = (unsigned)(rnd() % 6) << f.bit_offset;
      w[f.wire_offset] = (uint8_t)((w[f.wire_offset] & ~mask) | (v & mask));
      break;
    }
    case MITCH_FIELD_U8:
    case MITCH_FIELD_U16:
    case MITCH_FIELD_U32:
    case MITCH_FIELD_U48:
    case MITCH_FIELD_U64:
      tu_put_le(w + f.wire_offset, rnd() % 2 ? rnd() % 6 : pick_unsigned(), f.wire_size);
      break;
    case MITCH_FIELD_I16:
    case MITCH_FIELD_I32:
      tu_put_le(w + f.wire_offset, (uint64_t)pick_signed(), f.wire_size);
      break;
    case MITCH_FIELD_F64:
      last = pick_double(last);
      tu_put_f64(w + f.wire_offset, last);
      break;
    default:
      break;
    }
  }
}

/* The fast verdict on one struct: a body through mitch_message_encode
   (which checks the bodies with the codec's own X_check before anything
   else is written; header fields fixed valid), the header through
   mitch_header_validate. */
static int fast_values(const mitch_layout *l, const uint8_t *s) {
  static uint8_t out[MITCH_MAX_MESSAGE_SIZE];
  size_t written;
  if (l->id == MITCH_LAYOUT_HEADER)
    return mitch_header_validate((const mitch_header *)(const void *)s);
  if (l->id == MITCH_LAYOUT_BIN)
    return MITCH_OK; /* no rules, no fast check */
  return mitch_message_encode(l->message_type, 0, s, 1, out, sizeof out, &written);
}

static int fast_wire(const mitch_layout *l, const uint8_t *w) {
  mitch_header h;
  if (l->id == MITCH_LAYOUT_HEADER)
    return mitch_header_decode(w, l->wire_size, &h);
  if (l->id == MITCH_LAYOUT_BIN)
    return MITCH_OK;
  return mitch_body_validate(l->message_type, w, l->wire_size);
}

START_TEST(test_values_agree) {
  static uint8_t s[4096];
  size_t i, r, counts[3];
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (!l.wire_size)
      continue;
    memset(counts, 0, sizeof counts);
    for (r = 0; r < ROUNDS; r++) {
      mitch_error err;
      int fast, generic;
      fill_struct(&l, s);
      fast = fast_values(&l, s);
      generic = mitch_check_values(l.id, s, 1, &err);
      ck_assert_msg(fast == generic, "%s round %zu: fast %d, generic %d (%s)", l.name, r, fast,
                    generic, generic ? err.text : "");
      counts[fast == MITCH_OK ? 0 : fast == MITCH_ERR_INVALID_FIELD_VALUE ? 1 : 2]++;
    }
    /* both verdicts were exercised (the bin has no rules) */
    if (l.id != MITCH_LAYOUT_BIN)
      ck_assert_msg(counts[0] > ROUNDS / 50 && counts[1] > ROUNDS / 50,
                    "%s: %zu valid, %zu invalid: the inputs do not test much", l.name,
                    counts[0], counts[1]);
  }
}
END_TEST

START_TEST(test_wire_agrees) {
  static uint8_t w[4096];
  size_t i, r, valid;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (!l.wire_size)
      continue;
    valid = 0;
    for (r = 0; r < ROUNDS; r++) {
      mitch_error err;
      int fast, generic;
      fill_wire(&l, w);
      fast = fast_wire(&l, w);
      generic = mitch_check_wire(l.id, w, l.wire_size, 1, &err);
      ck_assert_msg(fast == generic, "%s round %zu: fast %d, generic %d (%s)", l.name, r, fast,
                    generic, generic ? err.text : "");
      valid += fast == MITCH_OK;
    }
    if (l.id != MITCH_LAYOUT_BIN)
      ck_assert_msg(valid > ROUNDS / 50 && valid < ROUNDS - ROUNDS / 50,
                    "%s: %zu of %d valid: the inputs do not test much", l.name, valid, ROUNDS);
  }
}
END_TEST

/* The edges spelled out, so that a failure here names the case. */
START_TEST(test_named_edges) {
  mitch_tick t = {1, 1.05, 1.05, 0, 0};
  mitch_order o;
  mitch_index x;
  mitch_header h = {'t', 1, MITCH_U48_MAX};
  ck_assert_int_eq(mitch_tick_validate(&t), MITCH_OK); /* ask == bid */
  ck_assert_int_eq(mitch_check_values('s', &t, 1, NULL), MITCH_OK);
  t.ask_price = nextafter(1.05, 0.0);
  ck_assert_int_eq(mitch_tick_validate(&t), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_check_values('s', &t, 1, NULL), MITCH_ERR_INVALID_FIELD_VALUE);
  memset(&o, 0, sizeof o);
  o.ticker_id = 1;
  o.order_id = 1;
  o.order_type = MITCH_ORDER_CANCEL;
  o.price = -0.0; /* a cancel may have -0 */
  ck_assert_int_eq(mitch_order_validate(&o), MITCH_OK);
  ck_assert_int_eq(mitch_check_values('o', &o, 1, NULL), MITCH_OK);
  o.order_type = MITCH_ORDER_STOP;
  ck_assert_int_eq(mitch_order_validate(&o), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_check_values('o', &o, 1, NULL), MITCH_ERR_INVALID_FIELD_VALUE);
  memset(&x, 0, sizeof x);
  x.ticker_id = 1;
  x.mid = 1;
  x.t_force = -10000;
  ck_assert_int_eq(mitch_index_validate(&x), MITCH_OK);
  ck_assert_int_eq(mitch_check_values('i', &x, 1, NULL), MITCH_OK);
  x.confidence = 1; /* accepted 0 */
  ck_assert_int_eq(mitch_index_validate(&x), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_check_values('i', &x, 1, NULL), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_OK);
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, NULL), MITCH_OK);
  h.timestamp++;
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  h.message_type = 'T';
  ck_assert_int_eq(mitch_header_validate(&h), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, NULL),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
}
END_TEST

static Suite *rules_suite(void) {
  Suite *s = suite_create("rules");
  TCase *tc = tu_tcase("agree");
  tcase_add_test(tc, test_values_agree);
  tcase_add_test(tc, test_wire_agrees);
  tcase_add_test(tc, test_named_edges);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(rules_suite());
}
