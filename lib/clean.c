/*
 * clean.c - step 1 of resolution.md: strip the decorations brokers put
 * around symbols ("^SPX", "EURUSD.m", "US30.cash", "$BTCUSD.m",
 * "GBPJPYmini", "EURUSD#"), and find the trailing account letter that
 * step 5 may drop ("EURUSDm").
 *
 * Cleaning only ever removes a leading byte and trailing bytes, so the
 * cleaned symbol is a slice [start, end) of the caller's string: no copy.
 * What was removed is read off the slice's ends (resolve_steps.c).
 */
#include <config.h>

#include <string.h>

#include "registry.h"

/* One leading byte of these goes ("^SPX"). */
static const char leading[] = "^.$#_";
/* Brokers' account letters: after a delimiter in step 1 ("EURUSD.m"), on
   their own in step 5 ("EURUSDm"). */
static const char account_letters[] = "mczbrdi";
/* A delimiter suffix is a delimiter followed by "us" ("AAPL.US") or by an
   account letter; a trailing delimiter, "+" or "!" goes on its own. */
static const char delimiters[] = "-_.$^#";
static const char trailing[] = "+!";
static const char *const standalone_suffixes[] = {"usx", "mini", "micro", "cash", "spot", "ecn",
                                                  "zero", "pro",  "raw",   "std",  "stp",  "vip"};

static int is_one_of(char c, const char *set) { return c != '\0' && strchr(set, c) != NULL; }

static int is_account_letter(char c) {
  return is_one_of((char)reg_lower_ascii((unsigned char)c), account_letters);
}

/* Strip one suffix from sym[start..*end), when something is left before
   it; 0 when there is none. */
static int strip_one(const char *sym, size_t start, size_t *end) {
  size_t n = *end - start, i;
  if (n >= 4 && is_one_of(sym[*end - 3], delimiters) && reg_equal_nocase(sym + *end - 2, "us", 2)) {
    *end -= 3;
    return 1;
  }
  if (n >= 3 && is_one_of(sym[*end - 2], delimiters) && is_account_letter(sym[*end - 1])) {
    *end -= 2;
    return 1;
  }
  for (i = 0; i < sizeof standalone_suffixes / sizeof standalone_suffixes[0]; i++) {
    size_t l = strlen(standalone_suffixes[i]);
    if (n >= l + 1 && reg_equal_nocase(sym + *end - l, standalone_suffixes[i], l)) {
      *end -= l;
      return 1;
    }
  }
  if (n >= 2 && (is_one_of(sym[*end - 1], delimiters) || is_one_of(sym[*end - 1], trailing))) {
    *end -= 1;
    return 1;
  }
  return 0;
}

void libmitch_reg_clean(const char *sym, size_t len, reg_cleaned *out) {
  size_t start = 0, end = len;
  int pass;
  if (len > 0 && is_one_of(sym[0], leading))
    start = 1;
  /* Up to twice, for compound suffixes such as ".cash" or "$micro". */
  for (pass = 0; pass < 2 && strip_one(sym, start, &end); pass++)
    ;
  out->start = start;
  out->end = end;
  out->account_letter = end - start >= 2 && is_account_letter(sym[end - 1]);
}
