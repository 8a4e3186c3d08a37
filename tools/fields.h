/*
 * fields.h - the fields of a layout as the mitch tool prints and reads
 * them, taken from the library's layout table (mitch_layout_*), so the tool
 * names no body type and no field of its own.
 *
 * Fields come in struct member order, padding left out.  Conventions the
 * tool applies by name or kind: a field named "ticker_id" is a ticker id
 * (printed in hex), a field with value names (side, order_type) is printed
 * as a word and read as a word or a number, order-book bins (kind BINS) are
 * [count, volume] pairs in JSON and per-side volume totals in text.
 */
#ifndef MITCH_TOOL_FIELDS_H
#define MITCH_TOOL_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"

#define FIELDS_MAX 64

typedef struct layout_fields {
  mitch_layout layout;
  mitch_field field[FIELDS_MAX]; /* struct member order, no padding */
  size_t n;
} layout_fields;

/* The fields of layout `id`; 0 on success, -1 for an unknown layout. */
int fields_load(uint8_t id, layout_fields *out);

/* The body layout whose name or type byte is `s` ("trade" or "t"); 0 if
   none. */
uint8_t fields_body_type(const char *s);

/* The name of the body layout of a type byte ("trade"), "?" if none. */
const char *fields_type_name(uint8_t type);

/* "trade, order, tick, index or order_book": the body types' names. */
void fields_type_names(char *out, size_t out_len);

/* The largest struct of any body type (the decode and encode buffers). */
size_t fields_max_body_struct(void);

/* A member of the struct at s, by the field's kind. */
uint64_t field_get_unsigned(const mitch_field *f, const void *s);
int64_t field_get_signed(const mitch_field *f, const void *s);
double field_get_double(const mitch_field *f, const void *s);
void field_set_unsigned(const mitch_field *f, void *s, uint64_t v);
void field_set_signed(const mitch_field *f, void *s, int64_t v);
void field_set_double(const mitch_field *f, void *s, double v);

/* Kinds by what their values are. */
int field_is_unsigned(const mitch_field *f); /* u8 .. u64, bits */
int field_is_signed(const mitch_field *f);   /* i16, i32 */
/* Largest and smallest value of the member's C type. */
uint64_t field_unsigned_max(const mitch_field *f);
int64_t field_signed_min(const mitch_field *f);
int64_t field_signed_max(const mitch_field *f);

/* Value name `v` of an enumerated field into out ("buy"); 0, or -1 when
   the field has no such name. */
int field_value_name(const mitch_field *f, uint64_t v, char *out, size_t out_len);
/* The value whose name is `word`; 0, or -1 when there is none. */
int field_value_of(const mitch_field *f, const char *word, uint64_t *v);

#endif /* MITCH_TOOL_FIELDS_H */
