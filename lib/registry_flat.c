/*
 * registry_flat.c - the registry functions of the flat ABI (ffi.md), thin
 * wrappers over the typed API.  Differences from the typed API, kept for
 * existing callers: "nothing matched" is MITCH_ERR_INVALID_DATA, and names
 * are copied into caller buffers, cut at a UTF-8 character boundary,
 * always NUL-terminated (a length of 0 writes nothing) -- truncation is not
 * an error.
 *
 * Required pointers: the query and the main output (asset_id, ticker_id,
 * provider_id, count).  The other outputs may be NULL; a name buffer may be
 * NULL only with a length of 0.
 */
#include <config.h>

#include "registry.h"

static int flat_status(int st) { return st == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : st; }

static int buffer_ok(const char *buf, size_t len) { return buf != NULL || len == 0; }

static void copy_out(char *buf, size_t len, const char *s) {
  if (buf)
    libmitch_reg_copy_text(buf, len, s);
}

static int flat_asset(const char *name, int class_filter, double min_confidence,
                      uint32_t *asset_id, uint16_t *class_id, uint8_t *asset_class,
                      char *name_out, size_t name_len, char *aliases_out, size_t aliases_len,
                      double *confidence) {
  mitch_asset a;
  double conf;
  int st;
  if (!name || !asset_id || !buffer_ok(name_out, name_len) ||
      !buffer_ok(aliases_out, aliases_len))
    return MITCH_ERR_INVALID_DATA;
  st = mitch_asset_find(name, class_filter, min_confidence, &a, &conf);
  if (st != MITCH_OK)
    return flat_status(st);
  *asset_id = a.asset_id;
  if (class_id)
    *class_id = a.class_id;
  if (asset_class)
    *asset_class = a.asset_class;
  copy_out(name_out, name_len, a.name);
  copy_out(aliases_out, aliases_len, a.aliases);
  if (confidence)
    *confidence = conf;
  return MITCH_OK;
}

int mitch_resolve_asset(const char *name, double min_confidence, uint32_t *asset_id,
                        uint16_t *class_id, uint8_t *asset_class, char *name_out,
                        size_t name_len, char *aliases_out, size_t aliases_len,
                        double *confidence) {
  return flat_asset(name, -1, min_confidence, asset_id, class_id, asset_class, name_out,
                    name_len, aliases_out, aliases_len, confidence);
}

int mitch_resolve_asset_in_class(const char *name, uint8_t asset_class, double min_confidence,
                                 uint32_t *asset_id, uint16_t *class_id, char *name_out,
                                 size_t name_len, char *aliases_out, size_t aliases_len,
                                 double *confidence) {
  return flat_asset(name, asset_class, min_confidence, asset_id, class_id, NULL, name_out,
                    name_len, aliases_out, aliases_len, confidence);
}

int mitch_get_asset_by_id(uint8_t asset_class, uint16_t class_id, uint32_t *asset_id,
                          char *name_out, size_t name_len, char *aliases_out,
                          size_t aliases_len) {
  mitch_asset a;
  int st;
  if (!asset_id || !buffer_ok(name_out, name_len) || !buffer_ok(aliases_out, aliases_len))
    return MITCH_ERR_INVALID_DATA;
  st = mitch_asset_get(asset_class, class_id, &a);
  if (st != MITCH_OK)
    return flat_status(st);
  *asset_id = a.asset_id;
  copy_out(name_out, name_len, a.name);
  copy_out(aliases_out, aliases_len, a.aliases);
  return MITCH_OK;
}

int mitch_resolve_ticker(const char *symbol, uint8_t instrument_type, uint64_t *ticker_id,
                         uint32_t *base_asset_id, uint32_t *quote_asset_id,
                         double *confidence) {
  mitch_resolution r;
  int st;
  if (!symbol || !ticker_id)
    return MITCH_ERR_INVALID_DATA;
  st = mitch_resolve(symbol, instrument_type, &r);
  if (st != MITCH_OK)
    return flat_status(st);
  *ticker_id = r.ticker_id;
  if (base_asset_id)
    *base_asset_id = r.base.asset_id;
  if (quote_asset_id)
    *quote_asset_id = r.quote.asset_id;
  if (confidence)
    *confidence = r.confidence;
  return MITCH_OK;
}

int mitch_find_market_provider(const char *name, double min_confidence, uint16_t *provider_id,
                               char *name_out, size_t name_len, double *confidence) {
  mitch_provider p;
  double conf;
  int st;
  if (!name || !provider_id || !buffer_ok(name_out, name_len))
    return MITCH_ERR_INVALID_DATA;
  st = mitch_provider_find(name, min_confidence, &p, &conf);
  if (st != MITCH_OK)
    return flat_status(st);
  *provider_id = p.id;
  copy_out(name_out, name_len, p.name);
  if (confidence)
    *confidence = conf;
  return MITCH_OK;
}

int mitch_get_market_provider_by_id(uint16_t provider_id, char *name_out, size_t name_len) {
  mitch_provider p;
  int st;
  if (!name_out && name_len > 0)
    return MITCH_ERR_INVALID_DATA;
  st = mitch_provider_get(provider_id, &p);
  if (st != MITCH_OK)
    return flat_status(st);
  copy_out(name_out, name_len, p.name);
  return MITCH_OK;
}

int mitch_get_all_market_providers(uint16_t *ids_out, size_t capacity, size_t *count) {
  size_t i, n = libmitch_reg_provider_count;
  if (!count || (!ids_out && capacity > 0))
    return MITCH_ERR_INVALID_DATA;
  for (i = 0; i < n && i < capacity; i++)
    ids_out[i] = libmitch_reg_providers[i].id;
  *count = n;
  return MITCH_OK;
}
