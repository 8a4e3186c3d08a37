/*
 * fuzz_resolve.c - symbol resolution (mitch_resolve, mitch_resolve_ticker)
 * over arbitrary bytes.
 *
 * Input: one byte for the instrument type (0..19, so 16..19 are invalid),
 * then the symbol, copied to an exactly-sized NUL-terminated heap block
 * (so ASan catches a read past the terminator).
 *
 * Properties:
 *  - only documented statuses: OK, INVALID_DATA (empty, too long, cleans
 *    to nothing), INVALID_FIELD_VALUE (instrument type > 15), NOT_FOUND;
 *    never OK for an instrument type > 15 or a query > MITCH_QUERY_MAX;
 *  - on success the ticker id is (type, base, quote, sub-type 0) in the bit
 *    layout of protocol.md, passes mitch_validate_ticker_id (for a
 *    non-reserved instrument type), base != quote,
 *    both legs are registry entries mitch_asset_get finds, the confidence
 *    is in (0, 1], and the steps text is NUL-terminated in its array;
 *  - the flat mitch_resolve_ticker agrees (NOT_FOUND reads as
 *    INVALID_DATA there), and a second call gives the same answer.
 */
#include "fuzz_registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mitch_resolution res, again;
  uint8_t type;
  char *symbol;
  size_t len;
  uint64_t ticker = 1;
  uint32_t base = 2, quote = 3;
  double confidence = 4;
  int st, flat;

  if (size < 1)
    return 0;
  type = data[0] % 20;
  symbol = fuzz_string(data + 1, size - 1);
  len = strlen(symbol);

  st = mitch_resolve(symbol, type, &res);
  FUZZ_ASSERT(st == MITCH_OK || st == MITCH_ERR_INVALID_DATA ||
              st == MITCH_ERR_INVALID_FIELD_VALUE || st == MITCH_ERR_NOT_FOUND);
  if (len == 0 || len > MITCH_QUERY_MAX)
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_DATA || st == MITCH_ERR_INVALID_FIELD_VALUE);
  if (type > 15)
    FUZZ_ASSERT(st != MITCH_OK && st != MITCH_ERR_NOT_FOUND);
  if (st == MITCH_OK) {
    uint64_t expect = ((uint64_t)type << 60) | ((uint64_t)res.base.asset_class << 56) |
                      ((uint64_t)res.base.class_id << 40) |
                      ((uint64_t)res.quote.asset_class << 36) |
                      ((uint64_t)res.quote.class_id << 20);
    FUZZ_ASSERT(res.ticker_id == expect && res.instrument_type == type);
    /* Instrument types 14 and 15 are reserved: resolution accepts them
       (mitch.h refuses only > 15) and the id then fails validation for
       that reason alone. */
    if (type <= 13)
      FUZZ_ASSERT(mitch_validate_ticker_id(res.ticker_id) == MITCH_OK);
    else
      FUZZ_ASSERT(mitch_validate_ticker_id(res.ticker_id & ~((uint64_t)15 << 60)) == MITCH_OK);
    FUZZ_ASSERT(res.base.asset_id != res.quote.asset_id);
    fuzz_check_asset(&res.base);
    fuzz_check_asset(&res.quote);
    FUZZ_ASSERT(res.confidence > 0 && res.confidence <= 1);
    FUZZ_ASSERT(memchr(res.steps, '\0', sizeof res.steps) != NULL);
  }

  flat = mitch_resolve_ticker(symbol, type, &ticker, &base, &quote, &confidence);
  FUZZ_ASSERT(flat == (st == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : st));
  if (st == MITCH_OK) {
    FUZZ_ASSERT(ticker == res.ticker_id && base == res.base.asset_id &&
                quote == res.quote.asset_id && fuzz_same_f64(confidence, res.confidence));
    FUZZ_ASSERT(mitch_resolve(symbol, type, &again) == MITCH_OK);
    FUZZ_ASSERT(again.ticker_id == res.ticker_id && strcmp(again.steps, res.steps) == 0 &&
                fuzz_same_f64(again.confidence, res.confidence));
  } else {
    FUZZ_ASSERT(ticker == 1 && base == 2 && quote == 3 && confidence == 4);
  }

  FUZZ_ASSERT(mitch_resolve(NULL, type, &res) == MITCH_ERR_INVALID_DATA);
  FUZZ_ASSERT(mitch_resolve(symbol, type, NULL) == MITCH_ERR_INVALID_DATA);
  free(symbol);
  return 0;
}
