/*
 * check.c - the check functions: the verdict of the fast functions with
 * the details of the descriptor table's rules (field, rule, values, where).
 *
 * mitch_check_values and mitch_check_wire ask only the generic checker
 * (lib/rules.c), so the tests that compare them with the fast X_validate /
 * mitch_body_validate compare two independent implementations.
 * mitch_check_stream lets the fast stream validator find the damage and
 * then explains it with the generic checker.
 */
#include <config.h>

#include "check.h"
#include "error.h"
#include "frame.h"
#include "layout.h"
#include "rules.h"

static const char rule_not_null[] = "a pointer to the input is required when there is input";
static const char rule_checked_layout[] =
    "must be the type byte of a body, MITCH_LAYOUT_HEADER or MITCH_LAYOUT_BIN";

/* The layout a check function checks, or NULL: the API structs have no
   wire image and no rules. */
static const layout_desc *checked_layout(uint8_t id) {
  const layout_desc *d = libmitch_layout_find(id);
  return d && d->pub.wire_size ? d : NULL;
}

int mitch_check_values(uint8_t id, const void *values, size_t n, mitch_error *err) {
  const layout_desc *d;
  size_t i;
  if (!values && n)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, id, rule_not_null,
                                "values is NULL but n is %zu", n);
  d = checked_layout(id);
  if (!d)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE, id, rule_checked_layout,
                                "layout id 0x%02x has no rules to check", (unsigned)id);
  for (i = 0; i < n; i++) {
    rule_failure f;
    const uint8_t *v = (const uint8_t *)values + i * d->pub.struct_size;
    if (libmitch_rules_check_struct(d, v, &f) != MITCH_OK)
      return libmitch_error_rule(err, d, &f, i,
                                 i * d->pub.wire_size + d->fields[f.field].pub.wire_offset);
  }
  return libmitch_error_ok(err);
}

int mitch_check_wire(uint8_t id, const uint8_t *in, size_t in_len, size_t n, mitch_error *err) {
  const layout_desc *d;
  size_t i, ws;
  if (!in && n)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, id, rule_not_null,
                                "in is NULL but n is %zu", n);
  d = checked_layout(id);
  if (!d)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE, id, rule_checked_layout,
                                "layout id 0x%02x has no rules to check", (unsigned)id);
  ws = d->pub.wire_size;
  if (n > in_len / ws)
    return libmitch_error_plain(err, MITCH_ERR_BUFFER_TOO_SMALL, id,
                                "the input must hold every image it is said to hold",
                                "%zu bytes cannot hold %zu %s image%s of %zu bytes", in_len, n,
                                d->pub.name, n == 1 ? "" : "s", ws);
  for (i = 0; i < n; i++) {
    rule_failure f;
    if (libmitch_rules_check_wire(d, in + i * ws, &f) != MITCH_OK)
      return libmitch_error_rule(err, d, &f, i, i * ws + d->fields[f.field].pub.wire_offset);
  }
  return libmitch_error_ok(err);
}

/* ---- streams ----------------------------------------------------------------- */

int libmitch_explain_stream_failure(const uint8_t *data, size_t size, uint8_t only_type,
                                    int status, const mitch_stream_info *info,
                                    mitch_error *err) {
  const layout_desc *header = libmitch_layout_find(MITCH_LAYOUT_HEADER);
  size_t mo = info->message_offset, remaining = size - mo;
  const uint8_t *p = data + mo;
  rule_failure f;
  frame fr;
  size_t fault;
  int st;
  if (!err)
    return status;
  st = frame_message(p, remaining, &fr, &fault);
  if (st == MITCH_ERR_BUFFER_TOO_SMALL && remaining < MITCH_HEADER_SIZE) {
    libmitch_error_plain(err, st, MITCH_LAYOUT_HEADER,
                         "a message starts with a complete 8-byte header",
                         "only %zu bytes left for an 8-byte message header", remaining);
    err->offset = mo + remaining;
  } else if (st == MITCH_ERR_INVALID_MESSAGE_TYPE || st == MITCH_ERR_INVALID_FIELD_VALUE) {
    /* the header breaks a rule of its own: the table says which */
    if (libmitch_rules_check_wire(header, p, &f) != MITCH_OK)
      libmitch_error_rule(err, header, &f, 0, mo + header->fields[f.field].pub.wire_offset);
    else
      libmitch_error_plain(err, st, MITCH_LAYOUT_HEADER, "", "damaged message header");
  } else if (st == MITCH_ERR_BUFFER_TOO_SMALL) {
    libmitch_error_plain(err, st, MITCH_LAYOUT_HEADER,
                         "the bodies a header announces must be in the buffer",
                         "count %u announces %zu bytes of %s bodies, only %zu are left",
                         (unsigned)fr.count, fr.size - MITCH_HEADER_SIZE, fr.body->pub.name,
                         remaining - MITCH_HEADER_SIZE);
    err->field = LAYOUT_FIELD(header, count);
    err->field_name = header->fields[LAYOUT_FIELD(header, count)].pub.name;
    err->value = fr.count;
    err->offset = mo + remaining;
  } else if (only_type && fr.type != only_type) {
    libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE, MITCH_LAYOUT_HEADER,
                         "must be the one type asked for",
                         "message_type is 0x%02x, not the 0x%02x asked for",
                         (unsigned)fr.type, (unsigned)only_type);
    err->field = LAYOUT_FIELD(header, message_type);
    err->field_name = header->fields[LAYOUT_FIELD(header, message_type)].pub.name;
    err->value = fr.type;
    err->offset = mo;
  } else {
    /* a body: the fast check said which, the table says why */
    size_t bs = fr.body->pub.wire_size;
    size_t body_at = info->error_offset;
    if (body_at < mo + MITCH_HEADER_SIZE || body_at + bs > mo + fr.size ||
        libmitch_rules_check_wire(fr.body, data + body_at, &f) == MITCH_OK)
      libmitch_error_plain(err, status, fr.body->pub.id, "", "%s body at offset %zu: %s",
                           fr.body->pub.name, body_at, mitch_strerror(status));
    else
      libmitch_error_rule(err, fr.body, &f, 0,
                          body_at + fr.body->fields[f.field].pub.wire_offset);
    err->status = status;
  }
  err->index = info->messages;
  err->message_offset = mo;
  return status;
}

int mitch_check_stream(const uint8_t *data, size_t size, uint8_t only_type,
                       mitch_stream_info *info, mitch_error *err) {
  mitch_stream_info local;
  int st;
  if (!data && size)
    return libmitch_error_plain(err, MITCH_ERR_INVALID_DATA, MITCH_LAYOUT_HEADER,
                                rule_not_null, "data is NULL but size is %zu", size);
  if (only_type && !type_is_valid(only_type))
    return libmitch_error_plain(err, MITCH_ERR_INVALID_MESSAGE_TYPE, MITCH_LAYOUT_HEADER,
                                "only_type must be 0 or the type byte of a body",
                                "only_type 0x%02x is not the type byte of a body",
                                (unsigned)only_type);
  st = mitch_stream_validate(data, size, only_type, &local);
  if (info)
    *info = local;
  if (st == MITCH_OK)
    return libmitch_error_ok(err);
  return libmitch_explain_stream_failure(data, size, only_type, st, &local, err);
}
