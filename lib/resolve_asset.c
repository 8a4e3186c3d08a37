/*
 * resolve_asset.c - asset lookup by name or symbol ("BTC", "Apple Inc.",
 * "AAPL.US", "Etherium"): the exact key of the query, then the exact key
 * of the cleaned query, then Jaro-Winkler fuzzy at the caller's minimum.
 */
#include <config.h>

#include <math.h>

#include "registry.h"

int libmitch_reg_find_asset(const char *query, int class_filter, double min_confidence,
                            size_t *row, double *confidence) {
  reg_text typed, cleaned_text;
  const reg_text *fuzzy = &typed; /* the text the fuzzy search scores */
  reg_cleaned cleaned;
  size_t len;
  reg_filter f;
  reg_score score;
  const reg_candidate *c;
  int st = libmitch_reg_check_query(query, &len);
  if (st != MITCH_OK)
    return st;
  if (class_filter < -1 || class_filter > (int)LIMIT_NIBBLE_MAX || isnan(min_confidence))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  reg_text_set(&typed, query, len);
  if (typed.key_len == 0)
    return MITCH_ERR_INVALID_DATA; /* empty, blank or punctuation only */

  f = reg_filter_make(class_filter < 0 ? REG_ALL_CLASSES : REG_CLASS_BIT(class_filter), query,
                      len);
  c = libmitch_reg_exact(&libmitch_reg_asset_index, typed.key, typed.key_len, &f);
  if (!c) {
    /* No exact hit as typed: clean the query as a ticker symbol would be
       ("AAPL.US" -> "AAPL") and try again; fuzzy works on the cleaned
       form too. */
    libmitch_reg_clean(query, len, &cleaned);
    if (cleaned.start != 0 || cleaned.end != len) {
      reg_text_set(&cleaned_text, query + cleaned.start, cleaned.end - cleaned.start);
      if (cleaned_text.key_len > 0) {
        f.raw = cleaned_text.text;
        f.raw_len = cleaned_text.len;
        c = libmitch_reg_exact(&libmitch_reg_asset_index, cleaned_text.key, cleaned_text.key_len,
                               &f);
        fuzzy = &cleaned_text;
      }
    }
  }
  if (c) {
    *row = c->row;
    *confidence = 1.0;
    return MITCH_OK;
  }
  c = libmitch_reg_fuzzy(&libmitch_reg_asset_index, fuzzy->key, fuzzy->key_len, min_confidence,
                         &f, &score);
  if (!c)
    return MITCH_ERR_NOT_FOUND;
  *row = c->row;
  *confidence = reg_score_value(score);
  return MITCH_OK;
}

int mitch_asset_find(const char *query, int class_filter, double min_confidence,
                     mitch_asset *out, double *confidence) {
  size_t row;
  double conf;
  int st;
  if (!query || !out)
    return MITCH_ERR_INVALID_DATA;
  st = libmitch_reg_find_asset(query, class_filter, min_confidence, &row, &conf);
  if (st != MITCH_OK)
    return st;
  libmitch_reg_fill_asset(row, out);
  if (confidence)
    *confidence = conf;
  return MITCH_OK;
}
