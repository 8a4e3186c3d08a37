/*
 * normalize.c - the query side of resolution.md's text rules: how long a
 * query may be (the check every lookup starts with), mitch_name_key, and
 * the truncating copies of registry strings into caller buffers.
 *
 * The comparison key itself is lib/name_key.c, shared with the table
 * generator.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

size_t libmitch_reg_query_len(const char *q) {
  size_t n = 0;
  /* Bounded: never read past the first MITCH_QUERY_MAX + 1 bytes. */
  while (n <= MITCH_QUERY_MAX && q[n] != '\0')
    n++;
  return n;
}

int libmitch_reg_check_query(const char *q, size_t *len) {
  if (!q)
    return MITCH_ERR_INVALID_DATA;
  *len = libmitch_reg_query_len(q);
  return *len > MITCH_QUERY_MAX ? MITCH_ERR_INVALID_DATA : MITCH_OK;
}

/* Bytes of s that fit in cap bytes without splitting a UTF-8 character:
   step back over continuation bytes (10xxxxxx) at the cut. */
static size_t utf8_fit(const char *s, size_t n, size_t cap) {
  size_t cut;
  if (n <= cap)
    return n;
  cut = cap;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
    cut--;
  return cut;
}

int libmitch_reg_copy_text(char *out, size_t out_len, const char *s) {
  size_t n, fit;
  if (out_len == 0)
    return 0;
  n = strlen(s);
  fit = utf8_fit(s, n, out_len - 1);
  memcpy(out, s, fit);
  out[fit] = '\0';
  return fit == n;
}

int mitch_name_key(const char *name, char *out, size_t out_len, size_t *key_len) {
  char key[REG_KEY_BUF];
  size_t len, n, fit;
  int st = libmitch_reg_check_query(name, &len);
  if (st != MITCH_OK)
    return st;
  if (!out && out_len > 0)
    return MITCH_ERR_INVALID_DATA;
  n = libmitch_reg_name_key(name, len, key);
  if (key_len)
    *key_len = n;
  if (out_len == 0)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  fit = utf8_fit(key, n, out_len - 1);
  memcpy(out, key, fit);
  out[fit] = '\0';
  return fit == n ? MITCH_OK : MITCH_ERR_BUFFER_TOO_SMALL;
}
