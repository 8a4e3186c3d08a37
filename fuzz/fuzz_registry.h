/*
 * fuzz_registry.h - checks the registry fuzz targets share.
 */
#ifndef MITCH_FUZZ_REGISTRY_H
#define MITCH_FUZZ_REGISTRY_H

#include <math.h>

#include "fuzz_util.h"

/* A minimum confidence from one byte: mostly 0..1, sometimes nonsense
   (negative, > 1, NaN, infinite) that must still get a status code. */
static inline double fuzz_confidence(uint8_t b) {
  switch (b) {
  case 250:
    return -1.0;
  case 251:
    return 2.0;
  case 252:
    return NAN;
  case 253:
    return INFINITY;
  case 254:
    return -0.0;
  case 255:
    return 1.0;
  default:
    return (double)b / 249.0;
  }
}

static inline int fuzz_sane_confidence(double min) {
  return min >= 0 && min <= 1;
}

/* A registry asset as handed out: strings present, packed id consistent,
   and mitch_asset_get/mitch_asset_get_packed find the very same entry. */
static inline void fuzz_check_asset(const mitch_asset *a) {
  mitch_asset again, packed;
  FUZZ_ASSERT(a->name != NULL && a->symbol != NULL && a->aliases != NULL);
  FUZZ_ASSERT(a->asset_class <= 13); /* 14 and 15 are reserved: no entries */
  FUZZ_ASSERT(a->asset_id == (((uint32_t)a->asset_class << 16) | a->class_id));
  FUZZ_ASSERT(mitch_asset_get(a->asset_class, a->class_id, &again) == MITCH_OK);
  FUZZ_ASSERT(again.asset_id == a->asset_id && strcmp(again.name, a->name) == 0 &&
              strcmp(again.symbol, a->symbol) == 0 && strcmp(again.aliases, a->aliases) == 0);
  FUZZ_ASSERT(mitch_asset_get_packed(a->asset_id, &packed) == MITCH_OK &&
              packed.asset_id == a->asset_id && strcmp(packed.name, a->name) == 0);
}

/* A name copied into a caller buffer of `len` bytes: NUL-terminated inside
   it, a prefix of the full text, cut only at a UTF-8 character boundary,
   and as long as fits (ffi.md: truncation is not an error). */
static inline void fuzz_check_copy(const char *out, size_t len, const char *full) {
  size_t n, full_len = strlen(full);
  const char *nul;
  if (len == 0)
    return;
  nul = memchr(out, '\0', len);
  FUZZ_ASSERT(nul != NULL);
  n = (size_t)(nul - out);
  FUZZ_ASSERT(n <= full_len && memcmp(out, full, n) == 0);
  if (n < full_len) {
    /* the next byte starts a character, and that character did not fit */
    unsigned char lead = (unsigned char)full[n];
    size_t char_len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    FUZZ_ASSERT((lead & 0xC0) != 0x80);
    FUZZ_ASSERT(n + char_len > len - 1);
  }
}

#endif /* MITCH_FUZZ_REGISTRY_H */
