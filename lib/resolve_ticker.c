/*
 * resolve_ticker.c - trading symbols to ticker ids, steps 0-7 of
 * resolution.md.  The symbol flows one way; each step is one file's:
 *
 *   check      the query's length                      normalize.c
 *   0          the symbol as typed is a registry name or alias -> it,
 *              against US Dollar (raw hits only)        here
 *   1 clean    "^", ".m", ".cash", "mini", "#", ...     clean.c
 *   2-4 split  separator, whole symbol, concatenated pair
 *              (major quote, fiat quote, major base)    split.c
 *   5          without the account letter clean.c found, 2-4 again
 *   6          fuzzy (>= 0.7) on the cleaned symbol, against US Dollar
 *   look up, pick  every leg's key                      key_index.c
 *   7          nothing found, or base == quote: an error
 *
 * The symbol, the cleaned symbol and the one without its account letter
 * are each keyed once (reg_text); a reading's legs are slices of those
 * keys or, for a separator, keyed by split.c.  What succeeded is recorded
 * in a reg_trace and written out once (resolve_steps.c).  Every lookup is
 * an exact hash probe (or, in step 6 only, the pruned fuzzy search);
 * nothing is allocated.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

#define FUZZY_TICKER_MIN 0.7

#define ASSETS (&libmitch_reg_asset_index)

typedef struct pair {
  size_t base, quote; /* asset rows */
  double confidence;
} pair;

static void look_up(reg_leg *l, const reg_leg_key *k) {
  l->group = libmitch_reg_find_key(ASSETS, k->key, k->key_len);
  l->filter = reg_filter_make(k->classes, k->raw, k->raw_len);
}

/* A base against the default quote, US Dollar (tie rule 2: Forex). */
static int against_usd(reg_leg *base, pair *p) {
  const reg_candidate *b;
  if (!base->group)
    return 0;
  base->filter.prefer_class = MITCH_CLASS_FOREX;
  b = libmitch_reg_pick(ASSETS, base->group, &base->filter);
  if (!b)
    return 0;
  p->base = b->row;
  p->quote = libmitch_reg_usd_row;
  p->confidence = 1.0;
  return 1;
}

/* Look up and pick the legs of one reading of split.c. */
static int take(const reg_reading *r, pair *p) {
  const reg_candidate *b, *q;
  reg_leg base, quote;
  look_up(&base, &r->base);
  if (!base.group)
    return 0;
  if (r->step == REG_STEP_WHOLE)
    return against_usd(&base, p);
  look_up(&quote, &r->quote);
  if (!quote.group)
    return 0;
  if (r->quote.fallback_classes && !libmitch_reg_pick(ASSETS, quote.group, &quote.filter))
    quote.filter.classes = r->quote.fallback_classes;
  if (!libmitch_reg_pick_pair(ASSETS, &base, &quote, &b, &q))
    return 0;
  p->base = b->row;
  p->quote = q->row;
  p->confidence = 1.0;
  return 1;
}

/* Steps 2-4 on one form of the cleaned symbol. */
static int pair_steps(const reg_text *sym, pair *p, reg_trace *t) {
  reg_splitter s;
  reg_reading r;
  libmitch_reg_split_start(&s, sym);
  while (libmitch_reg_split_next(&s, &r)) {
    if (take(&r, p)) {
      t->step = r.step;
      t->word_len = r.word_len < sizeof t->word ? r.word_len : sizeof t->word;
      memcpy(t->word, r.word, t->word_len);
      return 1;
    }
  }
  return 0;
}

static int resolve_symbol(const char *symbol, size_t len, pair *p, reg_trace *t) {
  reg_text typed, cleaned_text, shorter;
  const reg_text *cleaned = &typed;
  reg_leg raw;
  const reg_candidate *c;
  reg_filter f;

  memset(t, 0, sizeof *t);
  t->symbol = symbol;
  t->len = len;
  reg_text_set(&typed, symbol, len);
  if (typed.key_len == 0)
    return MITCH_ERR_INVALID_DATA;

  /* 0. the symbol as typed is a registry name or alias */
  raw.group = libmitch_reg_find_key(ASSETS, typed.key, typed.key_len);
  raw.filter = reg_filter_make(REG_ALL_CLASSES, symbol, len);
  raw.filter.raw_only = 1;
  if (against_usd(&raw, p)) {
    t->step = REG_STEP_RAW;
    return MITCH_OK;
  }

  /* 1. clean: a slice of the symbol, keyed only when it differs */
  libmitch_reg_clean(symbol, len, &t->cleaned);
  if (t->cleaned.start != 0 || t->cleaned.end != len) {
    reg_text_set(&cleaned_text, symbol + t->cleaned.start, t->cleaned.end - t->cleaned.start);
    cleaned = &cleaned_text;
  }
  if (cleaned->key_len == 0)
    return MITCH_ERR_INVALID_DATA;

  /* 2-4 */
  if (pair_steps(cleaned, p, t))
    return MITCH_OK;

  /* 5. 2-4 again without the trailing account letter */
  if (t->cleaned.account_letter) {
    reg_text_set(&shorter, cleaned->text, cleaned->len - 1);
    if (pair_steps(&shorter, p, t)) {
      t->account_letter = 1;
      return MITCH_OK;
    }
  }

  /* 6. fuzzy on the cleaned symbol, against US Dollar */
  f = reg_filter_make(REG_ALL_CLASSES, NULL, 0);
  f.prefer_class = MITCH_CLASS_FOREX;
  c = libmitch_reg_fuzzy(ASSETS, cleaned->key, cleaned->key_len, FUZZY_TICKER_MIN, &f,
                         &t->score);
  if (!c)
    return MITCH_ERR_NOT_FOUND;
  t->step = REG_STEP_FUZZY;
  p->base = c->row;
  p->quote = libmitch_reg_usd_row;
  p->confidence = reg_score_value(t->score);
  return MITCH_OK;
}

int mitch_resolve(const char *symbol, uint8_t instrument_type, mitch_resolution *out) {
  mitch_resolution r;
  mitch_ticker_fields id;
  reg_trace trace;
  pair p;
  size_t len;
  int st;
  if (!symbol || !out)
    return MITCH_ERR_INVALID_DATA;
  st = libmitch_reg_check_query(symbol, &len);
  if (st != MITCH_OK)
    return st;
  if (instrument_type > LIMIT_NIBBLE_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = resolve_symbol(symbol, len, &p, &trace);
  if (st != MITCH_OK)
    return st;
  if (p.base == p.quote)
    return MITCH_ERR_NOT_FOUND; /* "USD" alone: no pair */
  libmitch_reg_fill_asset(p.base, &r.base);
  libmitch_reg_fill_asset(p.quote, &r.quote);
  id.instrument_type = instrument_type;
  id.base_class = r.base.asset_class;
  id.base_id = r.base.class_id;
  id.quote_class = r.quote.asset_class;
  id.quote_id = r.quote.class_id;
  id.sub_type = 0;
  st = mitch_ticker_id_encode(&id, &r.ticker_id);
  if (st != MITCH_OK)
    return st;
  r.instrument_type = instrument_type;
  r.confidence = p.confidence;
  libmitch_reg_write_steps(&trace, r.steps, sizeof r.steps);
  *out = r;
  return MITCH_OK;
}
