/*
 * normalize.c - the text rules of resolution.md: query limits, comparison
 * keys, case-insensitive comparison and truncating string copies.
 *
 * Keys are computed byte by byte: ASCII letters are lower-cased, non-ASCII
 * bytes are kept as they are (no accent folding, and invalid UTF-8 is just
 * bytes), everything else is dropped.  tools/gen-registry.py keys the
 * registry with the same rules; the tests check the two agree on every
 * registry string.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

static inline unsigned char lower_ascii(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Letters, digits and non-ASCII bytes make up keys. */
static inline int is_key_byte(unsigned char c) {
  c = lower_ascii(c);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static int has_key_byte(const unsigned char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (is_key_byte(s[i]))
      return 1;
  return 0;
}

/* resolution.md's business-suffix words. */
static const char *const business_suffixes[] = {
    "corporation", "company", "inc", "corp", "ltd", "llc", "limited",
    "group",       "cie",     "plc", "sa",   "ag",  "nv",
};

static int is_business_suffix(const unsigned char *w, size_t n) {
  size_t i, j;
  for (i = 0; i < sizeof business_suffixes / sizeof business_suffixes[0]; i++) {
    const char *suffix = business_suffixes[i];
    if (strlen(suffix) != n)
      continue;
    for (j = 0; j < n && lower_ascii(w[j]) == (unsigned char)suffix[j]; j++)
      ;
    if (j == n)
      return 1;
  }
  return 0;
}

size_t libmitch_reg_name_key(const char *text, size_t len, char *out) {
  const unsigned char *s = (const unsigned char *)text;
  size_t start = 0, end = len, p = 0, e, w, i, n = 0;

  /* A leading word "the", when something is left after it. */
  while (p < end && s[p] == ' ')
    p++;
  if (end - p >= 4 && lower_ascii(s[p]) == 't' && lower_ascii(s[p + 1]) == 'h' &&
      lower_ascii(s[p + 2]) == 'e' && s[p + 3] == ' ' && has_key_byte(s + p + 4, end - p - 4))
    start = p + 4;

  /* One trailing business-suffix word preceded by a space (trailing
     punctuation ignored), when something is left before it. */
  e = end;
  while (e > start && !is_key_byte(s[e - 1]))
    e--;
  w = e;
  while (w > start && s[w - 1] != ' ')
    w--;
  if (w > start && is_business_suffix(s + w, e - w) && has_key_byte(s + start, w - 1 - start))
    end = w - 1;

  for (i = start; i < end; i++)
    if (is_key_byte(s[i]))
      out[n++] = (char)lower_ascii(s[i]);
  return n;
}

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

int libmitch_reg_equal_nocase(const char *a, const char *b, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if (lower_ascii((unsigned char)a[i]) != lower_ascii((unsigned char)b[i]))
      return 0;
  return 1;
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
