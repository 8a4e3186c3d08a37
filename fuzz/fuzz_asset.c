/*
 * fuzz_asset.c - asset lookup and the text helpers behind it, over
 * arbitrary bytes: mitch_asset_find, mitch_resolve_asset,
 * mitch_resolve_asset_in_class, mitch_get_asset_by_id, mitch_name_key,
 * mitch_jaro_winkler.
 *
 * Input: class filter, minimum confidence, two output lengths, then the
 * query (exactly-sized NUL-terminated heap copy).  A tab splits the query
 * into the two strings given to mitch_jaro_winkler.
 *
 * Properties:
 *  - only documented statuses; a query longer than MITCH_QUERY_MAX or
 *    empty never matches;
 *  - a found asset is a registry entry (mitch_asset_get finds the same),
 *    in the requested class, with a confidence in [min, 1];
 *  - the flat functions agree with the typed ones (NOT_FOUND reads as
 *    INVALID_DATA there) and copy names into exactly-sized buffers as a
 *    NUL-terminated prefix cut at a UTF-8 boundary;
 *  - name keys hold only a-z, 0-9 and non-ASCII bytes, the full length is
 *    reported, and a short buffer gets a NUL-terminated prefix of the key
 *    cut before the character that did not fit;
 *  - Jaro-Winkler scores are in [0, 1] and a string scores 1 against itself;
 *    text over MITCH_QUERY_MAX bytes is refused, as by every text function.
 */
#include "fuzz_registry.h"

static void check_find(const char *q, int class_filter, double min, uint8_t name_len,
                       uint8_t aliases_len) {
  mitch_asset a;
  double conf = -5, flat_conf = -6;
  uint32_t asset_id = 1;
  uint16_t class_id = 2;
  uint8_t cls = 3;
  char *name_out = malloc(name_len ? name_len : 1), *aliases_out = malloc(aliases_len ? aliases_len : 1);
  size_t len = strlen(q);
  int st, flat;

  st = mitch_asset_find(q, class_filter, min, &a, &conf);
  FUZZ_ASSERT(st == MITCH_OK || st == MITCH_ERR_INVALID_DATA ||
              st == MITCH_ERR_INVALID_FIELD_VALUE || st == MITCH_ERR_NOT_FOUND);
  if (len == 0 || len > MITCH_QUERY_MAX)
    FUZZ_ASSERT(st != MITCH_OK);
  if (st == MITCH_OK) {
    fuzz_check_asset(&a);
    FUZZ_ASSERT(class_filter < 0 || a.asset_class == class_filter);
    FUZZ_ASSERT(conf >= 0 && conf <= 1); /* 0 only when min <= 0 */
    FUZZ_ASSERT(conf > 0 || !(min > 0));
    if (fuzz_sane_confidence(min))
      FUZZ_ASSERT(conf >= min);
  }

  if (class_filter == -1) {
    flat = mitch_resolve_asset(q, min, &asset_id, &class_id, &cls, name_out, name_len,
                               aliases_out, aliases_len, &flat_conf);
  } else if (class_filter >= 0) {
    cls = (uint8_t)class_filter;
    flat = mitch_resolve_asset_in_class(q, (uint8_t)class_filter, min, &asset_id, &class_id,
                                        name_out, name_len, aliases_out, aliases_len,
                                        &flat_conf);
  } else {
    flat = st == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : st; /* no flat form */
  }
  if (class_filter >= -1) {
    FUZZ_ASSERT(flat == (st == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : st));
    if (st == MITCH_OK) {
      FUZZ_ASSERT(asset_id == a.asset_id && class_id == a.class_id && cls == a.asset_class);
      FUZZ_ASSERT(fuzz_same_f64(flat_conf, conf));
      fuzz_check_copy(name_out, name_len, a.name);
      fuzz_check_copy(aliases_out, aliases_len, a.aliases);
    }
  }

  if (st == MITCH_OK) {
    uint32_t id2 = 0;
    memset(name_out, 0x7F, name_len ? name_len : 1);
    FUZZ_ASSERT(mitch_get_asset_by_id(a.asset_class, a.class_id, &id2, name_out, name_len,
                                      aliases_out, aliases_len) == MITCH_OK);
    FUZZ_ASSERT(id2 == a.asset_id);
    fuzz_check_copy(name_out, name_len, a.name);
    fuzz_check_copy(aliases_out, aliases_len, a.aliases);
  }
  free(name_out);
  free(aliases_out);
}

static void check_key(const char *q, uint8_t out_len) {
  char *out = malloc(out_len ? out_len : 1), full[1024];
  size_t key_len = 12345, full_len = 54321, n, i;
  int st = mitch_name_key(q, out, out_len, &key_len);
  int full_st = mitch_name_key(q, full, sizeof full, &full_len);
  FUZZ_ASSERT(st == MITCH_OK || st == MITCH_ERR_BUFFER_TOO_SMALL ||
              st == MITCH_ERR_INVALID_DATA);
  if (full_st == MITCH_ERR_INVALID_DATA) {
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_DATA);
  } else {
    FUZZ_ASSERT(full_st == MITCH_OK && strlen(full) == full_len);
    FUZZ_ASSERT(full_len <= strlen(q)); /* a key only drops bytes */
    for (i = 0; i < full_len; i++) {
      unsigned char c = (unsigned char)full[i];
      FUZZ_ASSERT((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
    }
    FUZZ_ASSERT(key_len == full_len);
    if (out_len > 0) {
      /* A prefix of the full key, NUL-terminated in the buffer; when cut,
         only the last character that did not fit is left out: the cut is
         at a byte that is not a UTF-8 continuation byte (or at 0), and
         every byte after it that would have fitted is one. */
      const char *nul = memchr(out, '\0', out_len);
      FUZZ_ASSERT(st == (full_len < out_len ? MITCH_OK : MITCH_ERR_BUFFER_TOO_SMALL));
      FUZZ_ASSERT(nul != NULL);
      n = (size_t)(nul - out);
      FUZZ_ASSERT(n <= full_len && memcmp(out, full, n) == 0);
      if (st == MITCH_OK)
        FUZZ_ASSERT(n == full_len);
      else {
        FUZZ_ASSERT(n < out_len);
        FUZZ_ASSERT(n == 0 || ((unsigned char)full[n] & 0xC0) != 0x80);
        for (i = n + 1; i + 1 < out_len; i++)
          FUZZ_ASSERT(((unsigned char)full[i] & 0xC0) == 0x80);
      }
    }
  }
  free(out);
}

static void check_jaro_winkler(const char *q) {
  const char *tab = strchr(q, '\t');
  char *a, *b;
  double s = -1, t = -1;
  size_t alen;
  if (!tab)
    tab = q + strlen(q);
  alen = (size_t)(tab - q);
  a = fuzz_string((const uint8_t *)q, alen);
  b = fuzz_string((const uint8_t *)(*tab ? tab + 1 : tab), strlen(*tab ? tab + 1 : tab));
  /* Text longer than MITCH_QUERY_MAX is refused, as everywhere (mitch.h). */
  if (alen > MITCH_QUERY_MAX || strlen(b) > MITCH_QUERY_MAX) {
    FUZZ_ASSERT(mitch_jaro_winkler(a, b, &s) == MITCH_ERR_INVALID_DATA && s == -1);
  } else {
    FUZZ_ASSERT(mitch_jaro_winkler(a, b, &s) == MITCH_OK);
    FUZZ_ASSERT(s >= 0 && s <= 1);
    FUZZ_ASSERT(mitch_jaro_winkler(a, a, &t) == MITCH_OK);
    FUZZ_ASSERT(alen == 0 || t == 1.0);
    if (strcmp(a, b) == 0 && alen > 0)
      FUZZ_ASSERT(s == 1.0);
  }
  FUZZ_ASSERT(mitch_jaro_winkler(NULL, b, &s) == MITCH_ERR_INVALID_DATA);
  FUZZ_ASSERT(mitch_jaro_winkler(a, b, NULL) == MITCH_ERR_INVALID_DATA);
  free(a);
  free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int class_filter;
  double min;
  uint8_t name_len, aliases_len;
  char *q;
  if (size < 4)
    return 0;
  class_filter = (int)(data[0] % 20) - 2; /* -2 invalid, -1 any, 14..17 reserved/invalid */
  min = fuzz_confidence(data[1]);
  name_len = data[2];
  aliases_len = data[3];
  q = fuzz_string(data + 4, size - 4);
  check_find(q, class_filter, min, name_len, aliases_len);
  check_key(q, name_len);
  check_jaro_winkler(q);
  FUZZ_ASSERT(mitch_asset_find(NULL, -1, 0.5, NULL, NULL) == MITCH_ERR_INVALID_DATA);
  free(q);
  return 0;
}
