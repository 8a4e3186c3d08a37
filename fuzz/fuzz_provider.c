/*
 * fuzz_provider.c - market-provider lookup over arbitrary bytes:
 * mitch_provider_find, mitch_find_market_provider,
 * mitch_get_market_provider_by_id, mitch_provider_get.
 *
 * Input: minimum confidence, output length, then the query (exactly-sized
 * NUL-terminated heap copy).
 *
 * Properties:
 *  - only documented statuses; empty or over-long queries never match;
 *  - a found provider is a registry entry (mitch_provider_get finds the
 *    same id and name) with a confidence in [min, 1];
 *  - the flat functions agree with the typed one (NOT_FOUND reads as
 *    INVALID_DATA there) and copy the name into an exactly-sized buffer as
 *    a NUL-terminated prefix cut at a UTF-8 boundary;
 *  - the provider table enumerates in strictly increasing id order and
 *    mitch_get_all_market_providers reports the same ids.
 */
#include "fuzz_registry.h"

static void check_table_once(void) {
  static int done; /* the fuzz target's own state, not the library's */
  size_t n, i, count = 0;
  uint16_t *ids;
  if (done)
    return;
  done = 1;
  n = mitch_provider_count();
  FUZZ_ASSERT(n > 0);
  ids = malloc(n * sizeof *ids);
  FUZZ_ASSERT(mitch_get_all_market_providers(NULL, 0, &count) == MITCH_OK && count == n);
  FUZZ_ASSERT(mitch_get_all_market_providers(ids, n, &count) == MITCH_OK && count == n);
  for (i = 0; i < n; i++) {
    mitch_provider p, q;
    FUZZ_ASSERT(mitch_provider_at(i, &p) == MITCH_OK && p.id == ids[i] && p.name != NULL);
    FUZZ_ASSERT(i == 0 || ids[i] > ids[i - 1]);
    FUZZ_ASSERT(mitch_provider_get(p.id, &q) == MITCH_OK && strcmp(q.name, p.name) == 0);
  }
  {
    mitch_provider p;
    FUZZ_ASSERT(mitch_provider_at(n, &p) != MITCH_OK);
  }
  free(ids);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mitch_provider p;
  double min, conf = -5, flat_conf = -6;
  uint8_t name_len;
  uint16_t id = 7;
  char *q, *name_out;
  size_t len;
  int st, flat;

  check_table_once();
  if (size < 2)
    return 0;
  min = fuzz_confidence(data[0]);
  name_len = data[1];
  q = fuzz_string(data + 2, size - 2);
  len = strlen(q);
  name_out = malloc(name_len ? name_len : 1);

  st = mitch_provider_find(q, min, &p, &conf);
  FUZZ_ASSERT(st == MITCH_OK || st == MITCH_ERR_INVALID_DATA ||
              st == MITCH_ERR_INVALID_FIELD_VALUE || st == MITCH_ERR_NOT_FOUND);
  if (len == 0 || len > MITCH_QUERY_MAX)
    FUZZ_ASSERT(st != MITCH_OK);
  if (st == MITCH_OK) {
    mitch_provider again;
    FUZZ_ASSERT(p.name != NULL && p.abbreviations != NULL);
    FUZZ_ASSERT(mitch_provider_get(p.id, &again) == MITCH_OK && again.id == p.id &&
                strcmp(again.name, p.name) == 0);
    FUZZ_ASSERT(conf >= 0 && conf <= 1); /* 0 only when min <= 0 */
    FUZZ_ASSERT(conf > 0 || !(min > 0));
    if (fuzz_sane_confidence(min))
      FUZZ_ASSERT(conf >= min);
  }

  flat = mitch_find_market_provider(q, min, &id, name_out, name_len, &flat_conf);
  FUZZ_ASSERT(flat == (st == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : st));
  if (st == MITCH_OK) {
    FUZZ_ASSERT(id == p.id && fuzz_same_f64(flat_conf, conf));
    fuzz_check_copy(name_out, name_len, p.name);
    memset(name_out, 0x7F, name_len ? name_len : 1);
    FUZZ_ASSERT(mitch_get_market_provider_by_id(p.id, name_out, name_len) == MITCH_OK);
    fuzz_check_copy(name_out, name_len, p.name);
  } else {
    FUZZ_ASSERT(id == 7 && flat_conf == -6);
  }

  /* any id: found exactly when mitch_provider_get finds it */
  {
    uint16_t any = (uint16_t)(len * 131 + (size > 2 ? data[2] : 0));
    mitch_provider g;
    int gs = mitch_provider_get(any, &g);
    FUZZ_ASSERT(gs == MITCH_OK || gs == MITCH_ERR_NOT_FOUND || gs == MITCH_ERR_INVALID_DATA);
    st = mitch_get_market_provider_by_id(any, name_out, name_len);
    FUZZ_ASSERT((st == MITCH_OK) == (gs == MITCH_OK));
    if (st == MITCH_OK)
      fuzz_check_copy(name_out, name_len, g.name);
  }
  free(name_out);
  free(q);
  return 0;
}
