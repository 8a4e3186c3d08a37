/*
 * error.h - filling a caller's mitch_error (internal).
 *
 * Every function that takes a mitch_error * fills it through these, so the
 * defaults ("nothing known": field -1, "" names) and the wording of the
 * text are the same everywhere.  All of them accept err == NULL and return
 * the status they were given, so a caller can write
 *   return error_plain(err, MITCH_ERR_INVALID_DATA, ...);
 */
#ifndef MITCH_ERROR_H
#define MITCH_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"
#include "mitch.h"
#include "rules.h"

/* Success: only err->status is written. */
int libmitch_error_ok(mitch_error *err);

/* A failure that names no field (a NULL argument, a short buffer, a sink
   that is full): `rule` says what was expected, `fmt` the text. */
int libmitch_error_plain(mitch_error *err, int status, uint8_t layout, const char *rule,
                         const char *fmt, ...)
#if defined(__MINGW32__)
    __attribute__((format(gnu_printf, 5, 6)))
#elif defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A broken rule of layout d found by the generic checker; index and
   offset (of the field's first byte) as the caller computed them. */
int libmitch_error_rule(mitch_error *err, const layout_desc *d, const rule_failure *f,
                        size_t index, size_t offset);

/* A value as the error texts print it: integers exactly, doubles as the
   shortest text that reads back as the same double, with '.' whatever the
   locale; "nan", "inf", "-inf", "-0". */
void libmitch_format_value(char *out, size_t out_len, const rule_value *v);

#endif /* MITCH_ERROR_H */
