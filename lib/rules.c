/*
 * rules.c - the generic checker: reads each field through its descriptor
 * (kind, offset, bits) and tests the machine-readable rule beside it.
 *
 * Nothing here knows a body type; a new layout with the existing rule
 * kinds needs no change here.
 */
#include <config.h>

#include <string.h>

#include "rules.h"

/* ---- reading a field -------------------------------------------------------- */

static rule_value unsigned_value(uint64_t u) {
  rule_value v;
  v.cls = 'u';
  v.u = u;
  v.i = 0;
  v.d = 0;
  return v;
}

static rule_value signed_value(int64_t i) {
  rule_value v;
  v.cls = 'i';
  v.u = 0;
  v.i = i;
  v.d = 0;
  return v;
}

static rule_value double_value(double d) {
  rule_value v;
  v.cls = 'f';
  v.u = 0;
  v.i = 0;
  v.d = d;
  return v;
}

/* A member of a struct, by kind.  memcpy: the member may be read through
   any pointer without aliasing or alignment questions. */
static rule_value read_member(const mitch_field *fd, const uint8_t *s) {
  const uint8_t *p = s + fd->struct_offset;
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  int16_t i16;
  int32_t i32;
  double d;
  switch (fd->kind) {
  case MITCH_FIELD_U8:
  case MITCH_FIELD_BITS:
    memcpy(&u8, p, 1);
    return unsigned_value(u8);
  case MITCH_FIELD_U16:
    memcpy(&u16, p, 2);
    return unsigned_value(u16);
  case MITCH_FIELD_U32:
    memcpy(&u32, p, 4);
    return unsigned_value(u32);
  case MITCH_FIELD_U48:
  case MITCH_FIELD_U64:
    memcpy(&u64, p, 8);
    return unsigned_value(u64);
  case MITCH_FIELD_I16:
    memcpy(&i16, p, 2);
    return signed_value(i16);
  case MITCH_FIELD_I32:
    memcpy(&i32, p, 4);
    return signed_value(i32);
  case MITCH_FIELD_F64:
    memcpy(&d, p, 8);
    return double_value(d);
  default: /* bins, padding: no rules */
    return unsigned_value(0);
  }
}

/* A field of a wire image, by kind (little-endian, bits masked out of
   their byte). */
static rule_value read_wire(const mitch_field *fd, const uint8_t *w) {
  const uint8_t *p = w + fd->wire_offset;
  switch (fd->kind) {
  case MITCH_FIELD_U8:
    return unsigned_value(p[0]);
  case MITCH_FIELD_BITS:
    return unsigned_value((uint64_t)(p[0] >> fd->bit_offset) & ((1u << fd->bit_width) - 1u));
  case MITCH_FIELD_U16:
    return unsigned_value(wire_load_u16(p));
  case MITCH_FIELD_U32:
    return unsigned_value(wire_load_u32(p));
  case MITCH_FIELD_U48:
    return unsigned_value(wire_load_u48(p));
  case MITCH_FIELD_U64:
    return unsigned_value(wire_load_u64(p));
  case MITCH_FIELD_I16:
    return signed_value(wire_load_i16(p));
  case MITCH_FIELD_I32:
    return signed_value(wire_load_i32(p));
  case MITCH_FIELD_F64:
    return double_value(wire_load_f64(p));
  default:
    return unsigned_value(0);
  }
}

/* ---- testing a rule ------------------------------------------------------------ */

static int is_zero(const rule_value *v) {
  return v->cls == 'u' ? v->u == 0 : v->cls == 'i' ? v->i == 0 : v->d == 0.0;
}

static int equals(const rule_value *v, int64_t x) {
  return v->cls == 'u' ? x >= 0 && v->u == (uint64_t)x : v->cls == 'i' && v->i == x;
}

static int in_range(const rule_value *v, int64_t lo, int64_t hi) {
  if (v->cls == 'u')
    return (lo <= 0 || v->u >= (uint64_t)lo) && hi >= 0 && v->u <= (uint64_t)hi;
  if (v->cls == 'i')
    return v->i >= lo && v->i <= hi;
  return 0; /* no range rule on a double */
}

/* Finite and > 0, and finite and >= 0 (-0 included), on the bit pattern
   like the fast checks (wire.h), so both agree on every NaN and -0. */
static int positive(const rule_value *v) {
  return v->cls == 'f' && wire_positive_finite(v->d);
}
static int nonnegative(const rule_value *v) {
  return v->cls == 'f' && wire_nonnegative_finite(v->d);
}

/* The part of a rule that needs only the field itself. */
static int alone_ok(const layout_rule *r, const rule_value *v) {
  switch (r->kind) {
  case LAYOUT_RULE_NONZERO:
    return !is_zero(v);
  case LAYOUT_RULE_POSITIVE:
  case LAYOUT_RULE_NOT_BELOW:
    return positive(v);
  case LAYOUT_RULE_RANGE:
    return in_range(v, r->lo, r->hi);
  case LAYOUT_RULE_BODY_TYPE:
    return v->cls == 'u' && v->u <= 0xFF && type_is_valid((uint8_t)v->u);
  case LAYOUT_RULE_POSITIVE_UNLESS:
    return nonnegative(v);
  default:
    return 1;
  }
}

/* The part that compares it with another field. */
static int relation_ok(const layout_rule *r, const rule_value *v, const rule_value *o) {
  switch (r->kind) {
  case LAYOUT_RULE_NOT_BELOW:
    return v->cls == 'f' && o->cls == 'f' && v->d >= o->d;
  case LAYOUT_RULE_POSITIVE_UNLESS:
    return equals(o, r->lo) || positive(v);
  case LAYOUT_RULE_NONZERO_UNLESS:
    return equals(o, r->lo) || !is_zero(v);
  case LAYOUT_RULE_ZERO_REQUIRES_ZERO:
    return !is_zero(v) || is_zero(o);
  default:
    return 1;
  }
}

typedef rule_value (*field_reader)(const mitch_field *fd, const uint8_t *src);

static int check(const layout_desc *d, const uint8_t *src, field_reader read, rule_failure *f) {
  size_t i;
  /* Each field on its own first, so that a relation is only judged
     between fields that are valid by themselves. */
  for (i = 0; i < d->pub.field_count; i++) {
    const layout_field *lf = &d->fields[i];
    rule_value v;
    if (lf->rule.kind == LAYOUT_RULE_NONE)
      continue;
    v = read(&lf->pub, src);
    if (!alone_ok(&lf->rule, &v)) {
      f->status = lf->rule.kind == LAYOUT_RULE_BODY_TYPE ? MITCH_ERR_INVALID_MESSAGE_TYPE
                                                          : MITCH_ERR_INVALID_FIELD_VALUE;
      f->field = (int)i;
      f->other = -1;
      f->value = v;
      f->other_value = unsigned_value(0);
      return f->status;
    }
  }
  for (i = 0; i < d->pub.field_count; i++) {
    const layout_field *lf = &d->fields[i];
    rule_value v, o;
    if (lf->rule.other < 0)
      continue;
    v = read(&lf->pub, src);
    o = read(&d->fields[lf->rule.other].pub, src);
    if (!relation_ok(&lf->rule, &v, &o)) {
      f->status = MITCH_ERR_INVALID_FIELD_VALUE;
      f->field = (int)i;
      f->other = lf->rule.other;
      f->value = v;
      f->other_value = o;
      return f->status;
    }
  }
  return MITCH_OK;
}

int libmitch_rules_check_struct(const layout_desc *d, const void *values, rule_failure *f) {
  return check(d, (const uint8_t *)values, read_member, f);
}

int libmitch_rules_check_wire(const layout_desc *d, const uint8_t *in, rule_failure *f) {
  return check(d, in, read_wire, f);
}

double libmitch_rule_value_double(const rule_value *v) {
  return v->cls == 'u' ? (double)v->u : v->cls == 'i' ? (double)v->i : v->d;
}
