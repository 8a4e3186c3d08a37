/*
 * resolve_steps.c - the step log of a ticker resolution
 * (mitch_resolution.steps): what resolve_ticker.c recorded in a reg_trace,
 * as the phrases doc/registry.md lists, separated by "; ":
 *
 *   stripped "^"                           step 1, the leading byte
 *   stripped ".cash"                       step 1, the suffixes
 *   dropped account letter "m"             step 5
 *   registry symbol as typed, quote usd    step 0
 *   split at "/"                           step 2
 *   whole symbol, quote usd                step 3
 *   quote usd at end                       step 4a
 *   fiat quote try at end                  step 4b
 *   base usd at start                      step 4c
 *   fuzzy match 0.975, quote usd           step 6
 *
 * The log is written once, from a trace that holds only what succeeded,
 * so nothing is ever taken back.  Text that does not fit is cut at a
 * UTF-8 character boundary.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

typedef struct steps {
  char *text;
  size_t cap;
  size_t len;
} steps;

/* Append `phrase`, and `arg` in double quotes when it is not NULL. */
static void add(steps *s, const char *phrase, const char *arg, size_t arg_len) {
  char piece[MITCH_STEPS_MAX];
  size_t n = 0, i;
  const char *sep = s->len ? "; " : "";
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

/* "before WORD after", e.g. "quote usd at end". */
static void add_with_word(steps *s, const char *before, const char *word, size_t n,
                          const char *after) {
  char phrase[MITCH_STEPS_MAX];
  size_t a = strlen(before), b = strlen(after);
  if (a + n + b + 2 >= sizeof phrase)
    return;
  memcpy(phrase, before, a);
  phrase[a] = ' ';
  memcpy(phrase + a + 1, word, n);
  phrase[a + 1 + n] = ' ';
  memcpy(phrase + a + 2 + n, after, b + 1);
  add(s, phrase, NULL, 0);
}

/* "fuzzy match 0.975, quote usd": the score to three decimals. */
static void add_fuzzy(steps *s, reg_score score) {
  static const char head[] = "fuzzy match 0.", tail[] = ", quote usd";
  char phrase[sizeof head + 3 + sizeof tail];
  unsigned thousandths = (unsigned)(reg_score_value(score) * 1000.0 + 0.5);
  size_t i = sizeof head - 1;
  memcpy(phrase, head, i);
  if (thousandths >= 1000) {
    phrase[i - 2] = '1'; /* "1.000" */
    thousandths = 0;
  }
  phrase[i++] = (char)('0' + thousandths / 100);
  phrase[i++] = (char)('0' + thousandths / 10 % 10);
  phrase[i++] = (char)('0' + thousandths % 10);
  memcpy(phrase + i, tail, sizeof tail);
  add(s, phrase, NULL, 0);
}

void libmitch_reg_write_steps(const reg_trace *t, char *out, size_t cap) {
  steps s;
  const reg_cleaned *c = &t->cleaned;
  if (cap == 0)
    return;
  s.text = out;
  s.cap = cap;
  s.len = 0;
  out[0] = '\0';
  if (t->step == REG_STEP_RAW) {
    add(&s, "registry symbol as typed, quote usd", NULL, 0);
    return;
  }
  if (c->start > 0)
    add(&s, "stripped", t->symbol, c->start);
  if (c->end < t->len)
    add(&s, "stripped", t->symbol + c->end, t->len - c->end);
  if (t->account_letter)
    add(&s, "dropped account letter", t->symbol + c->end - 1, 1);
  switch (t->step) {
  case REG_STEP_SEPARATOR:
    add(&s, "split at", t->word, t->word_len);
    break;
  case REG_STEP_WHOLE:
    add(&s, "whole symbol, quote usd", NULL, 0);
    break;
  case REG_STEP_MAJOR_QUOTE:
    add_with_word(&s, "quote", t->word, t->word_len, "at end");
    break;
  case REG_STEP_FIAT_QUOTE:
    add_with_word(&s, "fiat quote", t->word, t->word_len, "at end");
    break;
  case REG_STEP_MAJOR_BASE:
    add_with_word(&s, "base", t->word, t->word_len, "at start");
    break;
  case REG_STEP_FUZZY:
    add_fuzzy(&s, t->score);
    break;
  default:
    break;
  }
}
