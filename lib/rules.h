/*
 * rules.h - the generic checker (internal): evaluates the rules of the
 * descriptor table on a struct or on a wire image, field by field.
 *
 * It is the reference the hand-written fast checks are compared with (the
 * tests give both many edge and random inputs and demand the same status),
 * and the source of the details in a mitch_error.  It is not on any hot
 * path: the fast checks run first everywhere, this one only explains a
 * failure or checks the checkers.
 */
#ifndef MITCH_RULES_H
#define MITCH_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* A field's value, whatever its kind. */
typedef struct rule_value {
  char cls;   /* 'u' unsigned, 'i' signed, 'f' double */
  uint64_t u; /* cls 'u' */
  int64_t i;  /* cls 'i' */
  double d;   /* cls 'f' */
} rule_value;

/* The first rule a struct or wire image breaks. */
typedef struct rule_failure {
  int status;      /* MITCH_ERR_INVALID_FIELD_VALUE, or ..._MESSAGE_TYPE for a type byte */
  int field;       /* index of the field at fault */
  int other;       /* the other field of a relation, -1 for a rule of the field alone */
  rule_value value, other_value;
} rule_failure;

/* MITCH_OK, or the first broken rule of one struct of layout d (fields in
   wire order, each field's own rule before any relation between fields). */
int libmitch_rules_check_struct(const layout_desc *d, const void *values, rule_failure *f);
/* The same for one wire image of layout d (d->pub.wire_size bytes). */
int libmitch_rules_check_wire(const layout_desc *d, const uint8_t *in, rule_failure *f);

/* The value as a double, as mitch_error carries it. */
double libmitch_rule_value_double(const rule_value *v);

#endif /* MITCH_RULES_H */
