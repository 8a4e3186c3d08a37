/*
 * fields.c - a layout's fields for the mitch tool, from the library's
 * layout table: which members a struct has, in which order, and how to
 * read and write each one by its kind.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "fields.h"

int fields_load(uint8_t id, layout_fields *out) {
  size_t j, k;
  if (mitch_layout_get(id, &out->layout) != MITCH_OK)
    return -1;
  out->n = 0;
  for (j = 0; j < out->layout.field_count && out->n < FIELDS_MAX; j++) {
    mitch_field f;
    mitch_layout_field(id, j, &f);
    if (f.kind == MITCH_FIELD_PADDING)
      continue;
    /* insertion by struct offset: the wire order puts an order's side
       before its order_type, the struct (and the tool's output) after */
    for (k = out->n; k > 0 && out->field[k - 1].struct_offset > f.struct_offset; k--)
      out->field[k] = out->field[k - 1];
    out->field[k] = f;
    out->n++;
  }
  return 0;
}

uint8_t fields_body_type(const char *s) {
  size_t i;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (!l.message_type)
      continue;
    if (strcmp(s, l.name) == 0 || (s[0] == (char)l.message_type && s[1] == '\0'))
      return l.message_type;
  }
  return 0;
}

const char *fields_type_name(uint8_t type) {
  mitch_layout l;
  if (mitch_layout_get(type, &l) != MITCH_OK || !l.message_type)
    return "?";
  return l.name;
}

void fields_type_names(char *out, size_t out_len) {
  size_t i, n = 0, k = 0, used = 0;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    n += l.message_type != 0;
  }
  out[0] = '\0';
  for (i = 0; i < mitch_layout_count() && used < out_len; i++) {
    mitch_layout l;
    int w;
    mitch_layout_at(i, &l);
    if (!l.message_type)
      continue;
    w = snprintf(out + used, out_len - used, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ",
                 l.name);
    if (w < 0)
      break;
    used += (size_t)w;
    k++;
  }
}

size_t fields_max_body_struct(void) {
  size_t i, max = 0;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (l.message_type && l.struct_size > max)
      max = l.struct_size;
  }
  return max;
}

/* ---- members by kind ------------------------------------------------------- */

uint64_t field_get_unsigned(const mitch_field *f, const void *s) {
  const uint8_t *p = (const uint8_t *)s + f->struct_offset;
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  switch (f->struct_size) {
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
    memcpy(&u64, p, 8);
    return u64;
  }
}

int64_t field_get_signed(const mitch_field *f, const void *s) {
  const uint8_t *p = (const uint8_t *)s + f->struct_offset;
  int16_t i16;
  int32_t i32;
  if (f->struct_size == 2) {
    memcpy(&i16, p, 2);
    return i16;
  }
  memcpy(&i32, p, 4);
  return i32;
}

double field_get_double(const mitch_field *f, const void *s) {
  double d;
  memcpy(&d, (const uint8_t *)s + f->struct_offset, 8);
  return d;
}

void field_set_unsigned(const mitch_field *f, void *s, uint64_t v) {
  uint8_t *p = (uint8_t *)s + f->struct_offset;
  uint8_t u8 = (uint8_t)v;
  uint16_t u16 = (uint16_t)v;
  uint32_t u32 = (uint32_t)v;
  switch (f->struct_size) {
  case 1:
    memcpy(p, &u8, 1);
    break;
  case 2:
    memcpy(p, &u16, 2);
    break;
  case 4:
    memcpy(p, &u32, 4);
    break;
  default:
    memcpy(p, &v, 8);
    break;
  }
}

void field_set_signed(const mitch_field *f, void *s, int64_t v) {
  uint8_t *p = (uint8_t *)s + f->struct_offset;
  int16_t i16 = (int16_t)v;
  int32_t i32 = (int32_t)v;
  if (f->struct_size == 2)
    memcpy(p, &i16, 2);
  else
    memcpy(p, &i32, 4);
}

void field_set_double(const mitch_field *f, void *s, double v) {
  memcpy((uint8_t *)s + f->struct_offset, &v, 8);
}

int field_is_unsigned(const mitch_field *f) {
  switch (f->kind) {
  case MITCH_FIELD_U8:
  case MITCH_FIELD_U16:
  case MITCH_FIELD_U32:
  case MITCH_FIELD_U48:
  case MITCH_FIELD_U64:
  case MITCH_FIELD_BITS:
    return 1;
  default:
    return 0;
  }
}

int field_is_signed(const mitch_field *f) {
  return f->kind == MITCH_FIELD_I16 || f->kind == MITCH_FIELD_I32;
}

/* 48- and 64-bit members: what a JSON integer can hold; the library then
   judges the value (a u48 of 2^48 is its error to report, not the tool's). */
uint64_t field_unsigned_max(const mitch_field *f) {
  return f->struct_size >= 8 ? UINT64_MAX >> 1 : (UINT64_C(1) << (8 * f->struct_size)) - 1u;
}

int64_t field_signed_min(const mitch_field *f) {
  return f->struct_size == 2 ? INT16_MIN : INT32_MIN;
}

int64_t field_signed_max(const mitch_field *f) {
  return f->struct_size == 2 ? INT16_MAX : INT32_MAX;
}

/* ---- value names ------------------------------------------------------------ */

int field_value_name(const mitch_field *f, uint64_t v, char *out, size_t out_len) {
  const char *p = f->values;
  uint64_t k;
  size_t len;
  if (!*p)
    return -1;
  for (k = 0; k < v; k++) {
    p = strchr(p, '|');
    if (!p)
      return -1;
    p++;
  }
  len = strcspn(p, "|");
  if (len + 1 > out_len)
    return -1;
  memcpy(out, p, len);
  out[len] = '\0';
  return 0;
}

int field_value_of(const mitch_field *f, const char *word, uint64_t *v) {
  const char *p = f->values;
  uint64_t k = 0;
  size_t wl = strlen(word);
  if (!*p)
    return -1;
  for (;;) {
    size_t len = strcspn(p, "|");
    if (len == wl && strncmp(p, word, len) == 0) {
      *v = k;
      return 0;
    }
    if (!p[len])
      return -1;
    p += len + 1;
    k++;
  }
}
