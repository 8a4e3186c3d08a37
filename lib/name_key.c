/*
 * name_key.c - the comparison key of a name, alias or query
 * (resolution.md, "Normalisation").
 *
 * The one implementation of the key rule: the library keys queries with
 * it, and tools/gen-registry.c, built from this same file for the build
 * machine, keys the registry's names and aliases with it.
 *
 * Keys are computed byte by byte: ASCII letters are lower-cased, non-ASCII
 * bytes are kept as they are (no accent folding, and invalid UTF-8 is just
 * bytes), everything else is dropped.
 */
#ifdef HAVE_CONFIG_H /* not when compiled for the build machine */
#include <config.h>
#endif

#include <string.h>

#include "registry_rules.h"

/* Letters, digits and non-ASCII bytes make up keys. */
static inline int is_key_byte(unsigned char c) {
  c = reg_lower_ascii(c);
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
    for (j = 0; j < n && reg_lower_ascii(w[j]) == (unsigned char)suffix[j]; j++)
      ;
    if (j == n)
      return 1;
  }
  return 0;
}

/* A leading word "the" followed by a space. */
static int is_the(const unsigned char *s, size_t n) {
  return n >= 4 && reg_lower_ascii(s[0]) == 't' && reg_lower_ascii(s[1]) == 'h' &&
         reg_lower_ascii(s[2]) == 'e' && s[3] == ' ';
}

size_t libmitch_reg_name_key(const char *text, size_t len, char *out) {
  const unsigned char *s = (const unsigned char *)text;
  size_t start = 0, end = len, p = 0, e, w, i, n = 0;

  /* A leading word "the", when something is left after it. */
  while (p < end && s[p] == ' ')
    p++;
  if (is_the(s + p, end - p) && has_key_byte(s + p + 4, end - p - 4))
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
      out[n++] = (char)reg_lower_ascii(s[i]);
  return n;
}
