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
  char key[REG_KEY_BUF];
  const char *fuzzy_key = key;
  size_t len, key_len, fuzzy_len, start = 0, end;
  reg_filter f;
  reg_score score;
  const reg_candidate *c;
  int st = libmitch_reg_check_query(query, &len);
  if (st != MITCH_OK)
    return st;
  if (class_filter < -1 || class_filter > 15 || isnan(min_confidence))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  key_len = libmitch_reg_name_key(query, len, key);
  if (key_len == 0)
    return MITCH_ERR_INVALID_DATA; /* empty, blank or punctuation only */

  f.classes = class_filter < 0 ? REG_ALL_CLASSES : REG_CLASS_BIT(class_filter);
  f.prefer_class = -1;
  f.raw = query;
  f.raw_len = len;
  f.raw_only = 0;
  c = libmitch_reg_exact(&libmitch_reg_asset_index, key, key_len, &f);
  fuzzy_len = key_len;
  if (!c) {
    /* No exact hit as typed: clean the query as a ticker symbol would be
       ("AAPL.US" -> "AAPL") and try again; fuzzy works on the cleaned
       form too. */
    char clean_key[REG_KEY_BUF];
    size_t clean_len;
    end = len;
    libmitch_reg_clean(query, &start, &end, NULL);
    if (start != 0 || end != len) {
      clean_len = libmitch_reg_name_key(query + start, end - start, clean_key);
      if (clean_len > 0) {
        f.raw = query + start;
        f.raw_len = end - start;
        c = libmitch_reg_exact(&libmitch_reg_asset_index, clean_key, clean_len, &f);
        if (!c) {
          size_t i;
          for (i = 0; i < clean_len; i++)
            key[i] = clean_key[i];
          fuzzy_len = clean_len;
        }
      }
    }
  }
  if (c) {
    *row = c->row;
    *confidence = 1.0;
    return MITCH_OK;
  }
  c = libmitch_reg_fuzzy(&libmitch_reg_asset_index, fuzzy_key, fuzzy_len, min_confidence, &f,
                         &score);
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
