/*
 * error.c - filling a caller's mitch_error: defaults, the field and rule
 * from the descriptor table, and one line of English.
 *
 * The text never contains bytes taken from the input, only names and
 * rules from the table and numbers, so it is always ASCII, always bounded
 * (MITCH_ERROR_TEXT_SIZE) and safe to show.
 */
#include <config.h>

#include <float.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static void error_defaults(mitch_error *err, int status, uint8_t layout) {
  err->status = status;
  err->layout = layout;
  err->field = -1;
  err->other_field = -1;
  err->field_name = "";
  err->other_name = "";
  err->rule = "";
  err->value = 0;
  err->other_value = 0;
  err->index = 0;
  err->offset = 0;
  err->message_offset = 0;
  err->text[0] = '\0';
}

int libmitch_error_ok(mitch_error *err) {
  if (err)
    err->status = MITCH_OK;
  return MITCH_OK;
}

int libmitch_error_plain(mitch_error *err, int status, uint8_t layout, const char *rule,
                         const char *fmt, ...) {
  va_list ap;
  if (!err)
    return status;
  error_defaults(err, status, layout);
  err->rule = rule;
  va_start(ap, fmt);
  vsnprintf(err->text, sizeof err->text, fmt, ap);
  va_end(ap);
  return status;
}

/* ---- numbers --------------------------------------------------------------- */

/* snprintf and strtod both follow LC_NUMERIC, so the round trip is exact
   in any locale; the radix character (one or more bytes that are not part
   of a number in the C locale) is then replaced by '.'. */
static void format_double(char *out, size_t out_len, double d) {
  char buf[48];
  const char *p;
  size_t n = 0;
  int precision, in_radix = 0;
  if (d != d) {
    snprintf(out, out_len, "nan");
    return;
  }
  if (d > DBL_MAX || d < -DBL_MAX) {
    snprintf(out, out_len, d > 0 ? "inf" : "-inf");
    return;
  }
  for (precision = 15; precision <= 17; precision++) {
    snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (strtod(buf, NULL) == d)
      break;
  }
  for (p = buf; *p && n + 1 < out_len; p++) {
    int c = (unsigned char)*p;
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e') {
      out[n++] = (char)c;
      in_radix = 0;
    } else if (!in_radix) {
      out[n++] = '.';
      in_radix = 1;
    }
  }
  if (out_len)
    out[n] = '\0';
}

void libmitch_format_value(char *out, size_t out_len, const rule_value *v) {
  switch (v->cls) {
  case 'u':
    snprintf(out, out_len, "%llu", (unsigned long long)v->u);
    break;
  case 'i':
    snprintf(out, out_len, "%lld", (long long)v->i);
    break;
  default:
    format_double(out, out_len, v->d);
    break;
  }
}

/* An enumerated field's value by its name ("limit"), else the number. */
static void format_named(char *out, size_t out_len, const mitch_field *fd, const rule_value *v) {
  const char *p = fd->values;
  uint64_t k;
  if (v->cls == 'u' && *p) {
    for (k = 0; k < v->u && p; k++) {
      p = strchr(p, '|');
      if (p)
        p++;
    }
    if (p) {
      size_t len = strcspn(p, "|");
      snprintf(out, out_len, "%.*s", (int)len, p);
      return;
    }
  }
  libmitch_format_value(out, out_len, v);
}

/* ---- rules ----------------------------------------------------------------- */

int libmitch_error_rule(mitch_error *err, const layout_desc *d, const rule_failure *f,
                        size_t index, size_t offset) {
  const layout_field *lf, *of = NULL;
  char v[40], o[40];
  if (!err)
    return f->status;
  lf = &d->fields[f->field];
  error_defaults(err, f->status, d->pub.id);
  err->field = f->field;
  err->field_name = lf->pub.name;
  err->value = libmitch_rule_value_double(&f->value);
  err->index = index;
  err->offset = offset;
  if (f->other < 0) {
    err->rule = lf->pub.rule;
    if (lf->rule.kind == LAYOUT_RULE_BODY_TYPE)
      snprintf(v, sizeof v, "0x%02x", (unsigned)f->value.u);
    else
      libmitch_format_value(v, sizeof v, &f->value);
    snprintf(err->text, sizeof err->text, "%s is %s (%s)", lf->pub.name, v, lf->pub.rule);
    return f->status;
  }
  of = &d->fields[f->other];
  err->other_field = f->other;
  err->other_name = of->pub.name;
  err->other_value = libmitch_rule_value_double(&f->other_value);
  err->rule = lf->rule.relation;
  libmitch_format_value(v, sizeof v, &f->value);
  format_named(o, sizeof o, &of->pub, &f->other_value);
  if (lf->rule.kind == LAYOUT_RULE_NOT_BELOW)
    /* "bid_price 1.05 is above ask_price 1.02 (...)": the relation reads
       from the other field */
    snprintf(err->text, sizeof err->text, "%s %s is above %s %s (%s)", of->pub.name, o,
             lf->pub.name, v, lf->rule.relation);
  else
    snprintf(err->text, sizeof err->text, "%s is %s while %s is %s (%s)", lf->pub.name, v,
             of->pub.name, o, lf->rule.relation);
  return f->status;
}
