/*
 * ticker_id.c - 64-bit ticker ids.
 *
 *   bits 63..60 instrument type   bits 59..56 base class
 *   bits 55..40 base id           bits 39..36 quote class
 *   bits 35..20 quote id          bits 19..0  sub-type
 *
 * Creation refuses fields too wide for their bits (never masks them);
 * validation is a separate, stricter call that also refuses reserved
 * types/classes and a pair whose base is its quote.
 */
#include <config.h>

#include "mitch.h"
#include "protocol_limits.h"
#include "wire.h"

/* Where each field sits (its lowest bit). */
enum {
  TYPE_SHIFT = 60,
  BASE_CLASS_SHIFT = 56,
  BASE_ID_SHIFT = 40,
  QUOTE_CLASS_SHIFT = 36,
  QUOTE_ID_SHIFT = 20,
  /* a packed asset: (class << 16) | id */
  ASSET_CLASS_SHIFT = 16
};
MITCH_STATIC_ASSERT(QUOTE_ID_SHIFT == 20 && MITCH_SUB_TYPE_MAX == (1u << QUOTE_ID_SHIFT) - 1u,
                    "the sub-type is the bits below the quote id");

MITCH_INLINE uint64_t compose(const mitch_ticker_fields *f) {
  return ((uint64_t)f->instrument_type << TYPE_SHIFT) |
         ((uint64_t)f->base_class << BASE_CLASS_SHIFT) | ((uint64_t)f->base_id << BASE_ID_SHIFT) |
         ((uint64_t)f->quote_class << QUOTE_CLASS_SHIFT) |
         ((uint64_t)f->quote_id << QUOTE_ID_SHIFT) | (uint64_t)f->sub_type;
}

MITCH_INLINE int fields_fit(const mitch_ticker_fields *f) {
  return f->instrument_type <= LIMIT_NIBBLE_MAX && f->base_class <= LIMIT_NIBBLE_MAX &&
         f->quote_class <= LIMIT_NIBBLE_MAX && f->sub_type <= MITCH_SUB_TYPE_MAX;
}

MITCH_INLINE void split(uint64_t id, mitch_ticker_fields *f) {
  f->instrument_type = (uint8_t)(id >> TYPE_SHIFT);
  f->base_class = (uint8_t)((id >> BASE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX);
  f->base_id = (uint16_t)(id >> BASE_ID_SHIFT);
  f->quote_class = (uint8_t)((id >> QUOTE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX);
  f->quote_id = (uint16_t)(id >> QUOTE_ID_SHIFT);
  f->sub_type = (uint32_t)(id & MITCH_SUB_TYPE_MAX);
}

int mitch_ticker_id_encode(const mitch_ticker_fields *f, uint64_t *ticker_id) {
  if (!f || !ticker_id)
    return MITCH_ERR_INVALID_DATA;
  if (!fields_fit(f))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *ticker_id = compose(f);
  return MITCH_OK;
}

int mitch_ticker_id_decode(uint64_t ticker_id, mitch_ticker_fields *f) {
  if (!f)
    return MITCH_ERR_INVALID_DATA;
  split(ticker_id, f);
  return MITCH_OK;
}

int mitch_ticker_id_encode_batch(const mitch_ticker_fields *f, size_t n, uint64_t *ticker_ids,
                                 size_t *done) {
  size_t i;
  int st = MITCH_OK;
  if (done)
    *done = 0;
  if (n == 0)
    return MITCH_OK;
  if (!f || !ticker_ids)
    return MITCH_ERR_INVALID_DATA;
  for (i = 0; i < n; i++) {
    if (!fields_fit(&f[i])) {
      st = MITCH_ERR_INVALID_FIELD_VALUE;
      break;
    }
    ticker_ids[i] = compose(&f[i]);
  }
  if (done)
    *done = i;
  return st;
}

int mitch_ticker_id_decode_batch(const uint64_t *ticker_ids, size_t n, mitch_ticker_fields *f) {
  size_t i;
  if (n == 0)
    return MITCH_OK;
  if (!ticker_ids || !f)
    return MITCH_ERR_INVALID_DATA;
  for (i = 0; i < n; i++)
    split(ticker_ids[i], &f[i]);
  return MITCH_OK;
}

int mitch_validate_ticker_id(uint64_t ticker_id) {
  mitch_ticker_fields f;
  split(ticker_id, &f);
  if (f.instrument_type >= LIMIT_RESERVED_FIRST || f.base_class >= LIMIT_RESERVED_FIRST ||
      f.quote_class >= LIMIT_RESERVED_FIRST)
    return MITCH_ERR_INVALID_TICKER_ID;
  if (f.base_class == f.quote_class && f.base_id == f.quote_id)
    return MITCH_ERR_INVALID_TICKER_ID;
  return MITCH_OK;
}

int mitch_ticker_id_is_spot(uint64_t ticker_id) {
  return (ticker_id >> TYPE_SHIFT) == MITCH_SPOT;
}

int mitch_ticker_id_is_forex(uint64_t ticker_id) {
  return ((ticker_id >> BASE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX) == MITCH_CLASS_FOREX &&
         ((ticker_id >> QUOTE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX) == MITCH_CLASS_FOREX;
}

int mitch_ticker_id_is_crypto(uint64_t ticker_id) {
  return ((ticker_id >> BASE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX) == MITCH_CLASS_CRYPTO;
}

int mitch_ticker_id_is_equity(uint64_t ticker_id) {
  return ((ticker_id >> BASE_CLASS_SHIFT) & LIMIT_NIBBLE_MAX) == MITCH_CLASS_EQUITIES;
}

/* A builder takes a packed quote asset; it must fit its 20 bits. */
static int build(uint8_t instrument_type, uint8_t base_class, uint16_t base_id,
                 uint32_t quote_asset, uint64_t *ticker_id) {
  mitch_ticker_fields f;
  if (!ticker_id)
    return MITCH_ERR_INVALID_DATA;
  if (quote_asset > LIMIT_PACKED_ASSET_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  f.instrument_type = instrument_type;
  f.base_class = base_class;
  f.base_id = base_id;
  f.quote_class = (uint8_t)(quote_asset >> ASSET_CLASS_SHIFT);
  f.quote_id = (uint16_t)quote_asset;
  f.sub_type = 0;
  return mitch_ticker_id_encode(&f, ticker_id);
}

int mitch_ticker_id_forex(uint8_t instrument_type, uint16_t base_fx_id, uint16_t quote_fx_id,
                          uint64_t *ticker_id) {
  return build(instrument_type, MITCH_CLASS_FOREX, base_fx_id,
               ((uint32_t)MITCH_CLASS_FOREX << ASSET_CLASS_SHIFT) | quote_fx_id, ticker_id);
}

int mitch_ticker_id_crypto(uint8_t instrument_type, uint16_t base_crypto_id,
                           uint32_t quote_asset, uint64_t *ticker_id) {
  return build(instrument_type, MITCH_CLASS_CRYPTO, base_crypto_id, quote_asset, ticker_id);
}

int mitch_ticker_id_equity(uint8_t instrument_type, uint16_t equity_id, uint32_t quote_asset,
                           uint64_t *ticker_id) {
  return build(instrument_type, MITCH_CLASS_EQUITIES, equity_id, quote_asset, ticker_id);
}

int mitch_create_ticker_id(uint8_t instrument_type, uint8_t base_class, uint16_t base_id,
                           uint8_t quote_class, uint16_t quote_id, uint32_t sub_type,
                           uint64_t *ticker_id) {
  mitch_ticker_fields f;
  f.instrument_type = instrument_type;
  f.base_class = base_class;
  f.base_id = base_id;
  f.quote_class = quote_class;
  f.quote_id = quote_id;
  f.sub_type = sub_type;
  return mitch_ticker_id_encode(&f, ticker_id);
}

int mitch_decode_ticker_id(uint64_t ticker_id, uint8_t *instrument_type, uint8_t *base_class,
                           uint16_t *base_id, uint8_t *quote_class, uint16_t *quote_id,
                           uint32_t *sub_type) {
  mitch_ticker_fields f;
  if (!instrument_type || !base_class || !base_id || !quote_class || !quote_id || !sub_type)
    return MITCH_ERR_INVALID_DATA;
  split(ticker_id, &f);
  *instrument_type = f.instrument_type;
  *base_class = f.base_class;
  *base_id = f.base_id;
  *quote_class = f.quote_class;
  *quote_id = f.quote_id;
  *sub_type = f.sub_type;
  return MITCH_OK;
}
