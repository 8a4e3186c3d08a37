/*
 * clean.c - step 1 of resolution.md: strip the decorations brokers put
 * around symbols ("^SPX", "EURUSD.m", "US30.cash", "$BTCUSD.m",
 * "GBPJPYmini", "EURUSD#"), and the step log that reports what the
 * resolver did.
 *
 * Cleaning only ever removes a leading byte and trailing bytes, so the
 * cleaned symbol is a slice [start, end) of the caller's string: no copy.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

void libmitch_reg_steps_add(reg_steps *s, const char *phrase, const char *arg, size_t arg_len) {
  char piece[MITCH_STEPS_MAX];
  size_t n = 0, i;
  const char *sep = s->len ? "; " : "";
  if (!s->text || s->cap == 0)
    return;
  for (i = 0; sep[i] && n < sizeof piece; i++)
    piece[n++] = sep[i];
  for (i = 0; phrase[i] && n < sizeof piece; i++)
    piece[n++] = phrase[i];
  if (arg) {
    if (n + 2 < sizeof piece) {
      piece[n++] = ' ';
      piece[n++] = '"';
    }
    for (i = 0; i < arg_len && n < sizeof piece; i++)
      piece[n++] = arg[i];
    if (n < sizeof piece)
      piece[n++] = '"';
  }
  /* Append what fits, without splitting a UTF-8 character. */
  if (s->len + n >= s->cap) {
    n = s->cap - 1 - s->len;
    while (n > 0 && ((unsigned char)piece[n] & 0xC0) == 0x80)
      n--;
  }
  memcpy(s->text + s->len, piece, n);
  s->len += n;
  s->text[s->len] = '\0';
}

static int is_one_of(char c, const char *set) { return c != '\0' && strchr(set, c) != NULL; }

/* Delimiter suffixes ("EURUSD.m", "AAPL.US", "USDCAD_i") follow one of
   these; a trailing delimiter or "+" / "!" goes on its own ("EURUSD#"). */
static const char delimiters[] = "-_.$^#";
static const char *const delimiter_suffixes[] = {"us", "m", "c", "z", "b", "r", "d", "i"};
static const char *const standalone_suffixes[] = {"usx", "mini", "micro", "cash", "spot", "ecn",
                                                  "zero", "pro",  "raw",   "std",  "stp",  "vip"};

/* Strip one suffix from sym[start..*end); 0 when there is none. */
static int strip_one(const char *sym, size_t start, size_t *end) {
  size_t n = *end - start, i;
  for (i = 0; i < sizeof delimiter_suffixes / sizeof delimiter_suffixes[0]; i++) {
    size_t l = strlen(delimiter_suffixes[i]);
    /* delimiter + suffix, and something left before them */
    if (n >= l + 2 && is_one_of(sym[*end - l - 1], delimiters) &&
        libmitch_reg_equal_nocase(sym + *end - l, delimiter_suffixes[i], l)) {
      *end -= l + 1;
      return 1;
    }
  }
  for (i = 0; i < sizeof standalone_suffixes / sizeof standalone_suffixes[0]; i++) {
    size_t l = strlen(standalone_suffixes[i]);
    if (n >= l + 1 && libmitch_reg_equal_nocase(sym + *end - l, standalone_suffixes[i], l)) {
      *end -= l;
      return 1;
    }
  }
  if (n >= 2 && (is_one_of(sym[*end - 1], delimiters) || is_one_of(sym[*end - 1], "+!"))) {
    *end -= 1;
    return 1;
  }
  return 0;
}

void libmitch_reg_clean(const char *sym, size_t *start, size_t *end, reg_steps *steps) {
  size_t original_end = *end;
  int pass;
  if (*end > *start && is_one_of(sym[*start], "^.$#_")) {
    if (steps)
      libmitch_reg_steps_add(steps, "stripped", sym + *start, 1);
    (*start)++;
  }
  /* Up to twice, for compound suffixes such as ".cash" or "$micro". */
  for (pass = 0; pass < 2 && strip_one(sym, *start, end); pass++)
    ;
  if (steps && *end < original_end)
    libmitch_reg_steps_add(steps, "stripped", sym + *end, original_end - *end);
}
