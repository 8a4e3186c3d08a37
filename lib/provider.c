/*
 * provider.c - market providers: by id, in order, and by name (exact key,
 * then the project's abbreviations such as NYSE or IBKR, then
 * Jaro-Winkler fuzzy at the caller's minimum: "Binanse" -> Binance).
 */
#include <config.h>

#include <math.h>

#include "registry.h"

void libmitch_reg_fill_provider(size_t row, mitch_provider *out) {
  const reg_provider_row *p = &libmitch_reg_providers[row];
  out->id = p->id;
  out->name = REG_STR(p->name);
  out->abbreviations = REG_STR(p->abbreviations);
}

size_t mitch_provider_count(void) { return libmitch_reg_provider_count; }

int mitch_provider_at(size_t index, mitch_provider *out) {
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (index >= libmitch_reg_provider_count)
    return MITCH_ERR_NOT_FOUND;
  libmitch_reg_fill_provider(index, out);
  return MITCH_OK;
}

int mitch_provider_get(uint16_t provider_id, mitch_provider *out) {
  size_t lo = 0, hi = libmitch_reg_provider_count;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  while (lo < hi) { /* rows are in id order */
    size_t mid = lo + (hi - lo) / 2;
    uint16_t id = libmitch_reg_providers[mid].id;
    if (id == provider_id) {
      libmitch_reg_fill_provider(mid, out);
      return MITCH_OK;
    }
    if (id < provider_id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return MITCH_ERR_NOT_FOUND;
}

int mitch_provider_find(const char *query, double min_confidence, mitch_provider *out,
                        double *confidence) {
  reg_text typed;
  size_t len;
  reg_filter f;
  reg_score score;
  const reg_candidate *c;
  int st;
  if (!query || !out)
    return MITCH_ERR_INVALID_DATA;
  st = libmitch_reg_check_query(query, &len);
  if (st != MITCH_OK)
    return st;
  if (isnan(min_confidence))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  reg_text_set(&typed, query, len);
  if (typed.key_len == 0)
    return MITCH_ERR_INVALID_DATA;
  f = reg_filter_make(REG_ALL_CLASSES, query, len);
  /* Names and abbreviations share one index; a key is never both (the
     generator checks), and names rank before abbreviations. */
  c = libmitch_reg_exact(&libmitch_reg_provider_index, typed.key, typed.key_len, &f);
  if (c) {
    libmitch_reg_fill_provider(c->row, out);
    if (confidence)
      *confidence = 1.0;
    return MITCH_OK;
  }
  c = libmitch_reg_fuzzy(&libmitch_reg_provider_index, typed.key, typed.key_len, min_confidence,
                         &f, &score);
  if (!c)
    return MITCH_ERR_NOT_FOUND;
  libmitch_reg_fill_provider(c->row, out);
  if (confidence)
    *confidence = reg_score_value(score);
  return MITCH_OK;
}
