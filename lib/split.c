/*
 * split.c - steps 2-4 of resolution.md: the ways a cleaned symbol reads
 * as a pair, in the order they are tried (the first whose legs both have
 * an allowed candidate wins):
 *
 *   2   at each separator, left to right: the left part is the base, the
 *       right part the quote, a currency (FX or CR);
 *   3   the whole symbol is the base, against US Dollar;
 *   4a  for each major quote, the key ends with it: the rest is the base;
 *   4b  the last three characters of the key are a fiat (FX) quote;
 *   4c  for each major, the key starts with it: the major is the base, the
 *       rest the quote, a fiat currency, or another major.
 *
 * A reading names its legs by key: a separator's parts are keyed here,
 * each once; the other legs are slices of the symbol's own key.  Looking
 * them up and picking are the caller's (key_index.c).
 */
#include <config.h>

#include <string.h>

#include "registry.h"

/* Major quotes, in the order step 4 tries them. */
static const char majors[][REG_WORD_MAX + 1] = {"usdt", "usdc", "usd", "eur", "gbp", "jpy",
                                                "cad",  "aud",  "chf", "btc", "eth"};
#define N_MAJORS (sizeof majors / sizeof majors[0])

/* Step 4b's fiat quote: the last this many characters of the key. */
#define FIAT_CODE_LEN 3u

/* The splitter's step once every reading has been handed out. */
#define SPLIT_DONE (-1)

static int is_separator(char c) {
  return c == '/' || c == '-' || c == '_' || c == '.' || c == ' ';
}

static int is_major(const char *k, size_t n) {
  size_t i;
  for (i = 0; i < N_MAJORS; i++)
    if (strlen(majors[i]) == n && memcmp(majors[i], k, n) == 0)
      return 1;
  return 0;
}

/* A leg whose text is also its raw form for tie rule 1. */
static void leg(reg_leg_key *l, const char *key, size_t key_len, uint16_t classes) {
  l->raw = key;
  l->raw_len = key_len;
  l->key = key;
  l->key_len = key_len;
  l->classes = classes;
  l->fallback_classes = 0;
}

/* A separator's part: the text as written, keyed into buf. */
static void part(reg_leg_key *l, const char *text, size_t len, char *buf, uint16_t classes) {
  leg(l, buf, libmitch_reg_name_key(text, len, buf), classes);
  l->raw = text;
  l->raw_len = len;
}

static void word(reg_reading *r, int step, const char *w, size_t n) {
  r->step = step;
  r->word = w;
  r->word_len = n;
}

void libmitch_reg_split_start(reg_splitter *s, const reg_text *sym) {
  s->sym = sym;
  s->step = REG_STEP_SEPARATOR;
  s->next = 0;
}

int libmitch_reg_split_next(reg_splitter *s, reg_reading *r) {
  const reg_text *t = s->sym;
  const char *k = t->key;
  size_t n = t->key_len;
  switch (s->step) {
  case REG_STEP_SEPARATOR:
    while (s->next < t->len) {
      size_t i = s->next++;
      if (!is_separator(t->text[i]))
        continue;
      word(r, REG_STEP_SEPARATOR, t->text + i, 1);
      part(&r->base, t->text, i, s->base_key, REG_ALL_CLASSES);
      part(&r->quote, t->text + i + 1, t->len - i - 1, s->quote_key, REG_CURRENCY_BITS);
      return 1;
    }
    s->step = REG_STEP_WHOLE;
    /* fall through */
  case REG_STEP_WHOLE:
    s->step = REG_STEP_MAJOR_QUOTE;
    s->next = 0;
    word(r, REG_STEP_WHOLE, "", 0);
    leg(&r->base, k, n, REG_ALL_CLASSES);
    r->base.raw = t->text;
    r->base.raw_len = t->len;
    return 1;
  case REG_STEP_MAJOR_QUOTE:
    while (s->next < N_MAJORS) {
      const char *m = majors[s->next++];
      size_t ml = strlen(m);
      if (n <= ml || memcmp(k + n - ml, m, ml) != 0)
        continue;
      word(r, REG_STEP_MAJOR_QUOTE, m, ml);
      leg(&r->base, k, n - ml, REG_ALL_CLASSES);
      leg(&r->quote, m, ml, REG_CURRENCY_BITS);
      return 1;
    }
    s->step = REG_STEP_FIAT_QUOTE;
    /* fall through */
  case REG_STEP_FIAT_QUOTE:
    s->step = REG_STEP_MAJOR_BASE;
    s->next = 0;
    if (n > FIAT_CODE_LEN) {
      const char *fiat = k + n - FIAT_CODE_LEN;
      word(r, REG_STEP_FIAT_QUOTE, fiat, FIAT_CODE_LEN);
      leg(&r->base, k, n - FIAT_CODE_LEN, REG_ALL_CLASSES);
      leg(&r->quote, fiat, FIAT_CODE_LEN, REG_FX_BIT);
      return 1;
    }
    /* fall through */
  case REG_STEP_MAJOR_BASE:
    while (s->next < N_MAJORS) {
      const char *m = majors[s->next++];
      size_t ml = strlen(m);
      if (n <= ml || memcmp(k, m, ml) != 0)
        continue;
      word(r, REG_STEP_MAJOR_BASE, m, ml);
      leg(&r->base, m, ml, REG_CURRENCY_BITS);
      leg(&r->quote, k + ml, n - ml, REG_FX_BIT);
      if (is_major(k + ml, n - ml))
        r->quote.fallback_classes = REG_CURRENCY_BITS;
      return 1;
    }
    s->step = SPLIT_DONE;
    /* fall through */
  default:
    return 0;
  }
}
