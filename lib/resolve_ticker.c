/*
 * resolve_ticker.c - trading symbols to ticker ids, steps 0-7 of
 * resolution.md:
 *
 *   0 the raw symbol is a registry name or alias  -> it, against US Dollar
 *   1 clean ("^", ".m", ".cash", "mini", "#", ...)
 *   2 explicit separator: exact asset / exact currency
 *   3 the whole cleaned symbol is an exact key     -> it, against US Dollar
 *   4 concatenated pair: a) major quote at the end, b) fiat quote in the
 *     last three characters, c) major base at the start
 *   5 drop one trailing account letter and retry 2-4
 *   6 fuzzy (>= 0.7) on the cleaned symbol         -> it, against US Dollar
 *   7 anything else, and base == quote, is an error
 *
 * Every lookup is an exact hash probe (or, in step 6 only, the pruned
 * fuzzy search); nothing is allocated.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

#define FUZZY_TICKER_MIN 0.7

#define FX_BIT REG_CLASS_BIT(MITCH_CLASS_FOREX)
#define CURRENCY_BITS (REG_CLASS_BIT(MITCH_CLASS_FOREX) | REG_CLASS_BIT(MITCH_CLASS_CRYPTO))

/* Major quotes, in the order step 4 tries them. */
static const char *const majors[] = {"usdt", "usdc", "usd", "eur", "gbp", "jpy",
                                     "cad",  "aud",  "chf", "btc", "eth"};
#define N_MAJORS (sizeof majors / sizeof majors[0])

typedef struct pair {
  size_t base, quote; /* asset rows */
  double confidence;
} pair;

/* One leg of a pair: the key group found and how to pick from it. */
typedef struct leg {
  const reg_key_group *group;
  reg_filter filter;
} leg;

static const reg_key_group *find(const char *key, size_t len) {
  return libmitch_reg_find_key(&libmitch_reg_asset_index, key, len);
}

static void leg_init(leg *l, const reg_key_group *g, const char *raw, size_t raw_len,
                     uint16_t classes) {
  l->group = g;
  l->filter.classes = classes;
  l->filter.prefer_class = -1;
  l->filter.raw = raw;
  l->filter.raw_len = raw_len;
  l->filter.raw_only = 0;
}

static const reg_candidate *pick(const leg *l) {
  return l->group ? libmitch_reg_pick(&libmitch_reg_asset_index, l->group, &l->filter) : NULL;
}

/* Both legs, each preferring the class the other leg has on its own (tie
   rule 2: a crypto quote pulls an ambiguous base towards crypto). */
static int pick_pair(leg *base, leg *quote, pair *p) {
  const reg_candidate *b = pick(base), *q = pick(quote);
  if (!b || !q)
    return 0;
  base->filter.prefer_class = q->asset_class;
  quote->filter.prefer_class = b->asset_class;
  p->base = pick(base)->row;
  p->quote = pick(quote)->row;
  p->confidence = 1.0;
  return 1;
}

/* A base against the default quote, US Dollar. */
static int against_usd(leg *base, pair *p) {
  const reg_candidate *b;
  base->filter.prefer_class = MITCH_CLASS_FOREX;
  b = pick(base);
  if (!b)
    return 0;
  p->base = b->row;
  p->quote = libmitch_reg_usd_row;
  p->confidence = 1.0;
  return 1;
}

static int is_separator(char c) {
  return c == '/' || c == '-' || c == '_' || c == '.' || c == ' ';
}

/* Step 2: at each separator, left must be an exact asset key and right an
   exact key of a currency (FX or CR). */
static int split_pair(const char *sym, size_t len, pair *p, reg_steps *steps) {
  size_t i;
  for (i = 0; i < len; i++) {
    char kl[REG_KEY_BUF], kr[REG_KEY_BUF];
    size_t nl, nr;
    leg base, quote;
    if (!is_separator(sym[i]))
      continue;
    nl = libmitch_reg_name_key(sym, i, kl);
    nr = libmitch_reg_name_key(sym + i + 1, len - i - 1, kr);
    leg_init(&quote, find(kr, nr), sym + i + 1, len - i - 1, CURRENCY_BITS);
    if (!quote.group)
      continue;
    leg_init(&base, find(kl, nl), sym, i, REG_ALL_CLASSES);
    if (pick_pair(&base, &quote, p)) {
      libmitch_reg_steps_add(steps, "split at", sym + i, 1);
      return 1;
    }
  }
  return 0;
}

static int is_major(const char *k, size_t n) {
  size_t i;
  for (i = 0; i < N_MAJORS; i++)
    if (strlen(majors[i]) == n && memcmp(majors[i], k, n) == 0)
      return 1;
  return 0;
}

static void step_with_word(reg_steps *steps, const char *before, const char *word, size_t n,
                           const char *after) {
  char phrase[64];
  size_t a = strlen(before), b = strlen(after);
  if (a + n + b + 2 >= sizeof phrase)
    return;
  memcpy(phrase, before, a);
  phrase[a] = ' ';
  memcpy(phrase + a + 1, word, n);
  phrase[a + 1 + n] = ' ';
  memcpy(phrase + a + 2 + n, after, b + 1);
  libmitch_reg_steps_add(steps, phrase, NULL, 0);
}

/* Step 4 on the key k of the cleaned symbol. */
static int concatenated_pair(const char *k, size_t n, pair *p, reg_steps *steps) {
  size_t i;
  leg base, quote;
  /* a. a major quote at the end, the rest an exact asset key */
  for (i = 0; i < N_MAJORS; i++) {
    size_t ml = strlen(majors[i]);
    if (n <= ml || memcmp(k + n - ml, majors[i], ml) != 0)
      continue;
    leg_init(&base, find(k, n - ml), k, n - ml, REG_ALL_CLASSES);
    if (!base.group)
      continue;
    leg_init(&quote, find(majors[i], ml), majors[i], ml, CURRENCY_BITS);
    if (pick_pair(&base, &quote, p)) {
      step_with_word(steps, "quote", majors[i], ml, "at end");
      return 1;
    }
  }
  /* b. a fiat currency in the last three characters */
  if (n > 3) {
    leg_init(&quote, find(k + n - 3, 3), k + n - 3, 3, FX_BIT);
    leg_init(&base, find(k, n - 3), k, n - 3, REG_ALL_CLASSES);
    if (quote.group && base.group && pick_pair(&base, &quote, p)) {
      step_with_word(steps, "fiat quote", k + n - 3, 3, "at end");
      return 1;
    }
  }
  /* c. a major base at the start, the rest a fiat currency or a major */
  for (i = 0; i < N_MAJORS; i++) {
    size_t ml = strlen(majors[i]);
    if (n <= ml || memcmp(k, majors[i], ml) != 0)
      continue;
    leg_init(&quote, find(k + ml, n - ml), k + ml, n - ml, FX_BIT);
    if (!quote.group)
      continue;
    if (!pick(&quote)) {
      if (!is_major(k + ml, n - ml))
        continue;
      quote.filter.classes = CURRENCY_BITS;
    }
    leg_init(&base, find(majors[i], ml), majors[i], ml, CURRENCY_BITS);
    if (pick_pair(&base, &quote, p)) {
      step_with_word(steps, "base", majors[i], ml, "at start");
      return 1;
    }
  }
  return 0;
}

/* Steps 2-4 on sym[0..len). */
static int exact_steps(const char *sym, size_t len, pair *p, reg_steps *steps) {
  char k[REG_KEY_BUF];
  size_t n;
  leg whole;
  if (split_pair(sym, len, p, steps))
    return 1;
  n = libmitch_reg_name_key(sym, len, k);
  leg_init(&whole, find(k, n), sym, len, REG_ALL_CLASSES);
  if (against_usd(&whole, p)) {
    libmitch_reg_steps_add(steps, "whole symbol, quote usd", NULL, 0);
    return 1;
  }
  return concatenated_pair(k, n, p, steps);
}

static int resolve_symbol(const char *sym, size_t len, pair *p, reg_steps *steps) {
  char k[REG_KEY_BUF];
  size_t n, start = 0, end = len, mark;
  leg whole;
  reg_score score;
  reg_filter f;
  const reg_candidate *c;

  n = libmitch_reg_name_key(sym, len, k);
  if (n == 0)
    return MITCH_ERR_INVALID_DATA;

  /* 0. the symbol as typed is a registry name or alias */
  leg_init(&whole, find(k, n), sym, len, REG_ALL_CLASSES);
  whole.filter.raw_only = 1;
  if (against_usd(&whole, p)) {
    libmitch_reg_steps_add(steps, "registry symbol as typed, quote usd", NULL, 0);
    return MITCH_OK;
  }

  /* 1. clean */
  libmitch_reg_clean(sym, &start, &end, steps);
  sym += start;
  len = end - start;
  n = libmitch_reg_name_key(sym, len, k);
  if (n == 0)
    return MITCH_ERR_INVALID_DATA;

  /* 2-4 */
  if (exact_steps(sym, len, p, steps))
    return MITCH_OK;

  /* 5. one trailing account letter */
  if (len >= 2 && strchr("mczbrdiMCZBRDI", sym[len - 1]) != NULL) {
    mark = steps->len;
    libmitch_reg_steps_add(steps, "dropped account letter", sym + len - 1, 1);
    if (exact_steps(sym, len - 1, p, steps))
      return MITCH_OK;
    steps->len = mark;
    if (steps->text)
      steps->text[mark] = '\0';
  }

  /* 6. fuzzy on the cleaned symbol, against US Dollar */
  f.classes = REG_ALL_CLASSES;
  f.prefer_class = MITCH_CLASS_FOREX;
  f.raw = NULL;
  f.raw_len = 0;
  f.raw_only = 0;
  c = libmitch_reg_fuzzy(&libmitch_reg_asset_index, k, n, FUZZY_TICKER_MIN, &f, &score);
  if (c) {
    char phrase[40];
    unsigned thousandths = (unsigned)(reg_score_value(score) * 1000.0 + 0.5);
    size_t i = 0;
    const char *head = "fuzzy match 0.";
    while (*head)
      phrase[i++] = *head++;
    if (thousandths >= 1000) {
      phrase[i - 2] = '1'; /* "1.000" */
      thousandths = 0;
    }
    phrase[i++] = (char)('0' + thousandths / 100);
    phrase[i++] = (char)('0' + thousandths / 10 % 10);
    phrase[i++] = (char)('0' + thousandths % 10);
    memcpy(phrase + i, ", quote usd", sizeof ", quote usd");
    libmitch_reg_steps_add(steps, phrase, NULL, 0);
    p->base = c->row;
    p->quote = libmitch_reg_usd_row;
    p->confidence = reg_score_value(score);
    return MITCH_OK;
  }
  return MITCH_ERR_NOT_FOUND;
}

int mitch_resolve(const char *symbol, uint8_t instrument_type, mitch_resolution *out) {
  mitch_resolution r;
  reg_steps steps;
  pair p;
  size_t len;
  int st;
  if (!symbol || !out)
    return MITCH_ERR_INVALID_DATA;
  st = libmitch_reg_check_query(symbol, &len);
  if (st != MITCH_OK)
    return st;
  if (instrument_type > 15)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  r.steps[0] = '\0';
  steps.text = r.steps;
  steps.cap = sizeof r.steps;
  steps.len = 0;
  st = resolve_symbol(symbol, len, &p, &steps);
  if (st != MITCH_OK)
    return st;
  if (p.base == p.quote)
    return MITCH_ERR_NOT_FOUND; /* "USD" alone: no pair */
  libmitch_reg_fill_asset(p.base, &r.base);
  libmitch_reg_fill_asset(p.quote, &r.quote);
  r.instrument_type = instrument_type;
  r.confidence = p.confidence;
  st = mitch_create_ticker_id(instrument_type, r.base.asset_class, r.base.class_id,
                              r.quote.asset_class, r.quote.class_id, 0, &r.ticker_id);
  if (st != MITCH_OK)
    return st;
  *out = r;
  return MITCH_OK;
}
