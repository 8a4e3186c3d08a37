/*
 * fuzz_ids.c - ticker ids, channel ids and packed assets over arbitrary
 * values.
 *
 * Properties (the oracle is the bit layout of protocol.md):
 *  - creating a ticker id succeeds exactly when every field fits its bits,
 *    gives the documented composition, and decodes back to the fields;
 *    any u64 decodes to fields that create the same id again;
 *  - validation refuses exactly reserved types/classes and base == quote;
 *    the predicates match the fields; the batch forms agree with the
 *    single ones and stop at the first bad entry;
 *  - the builders (forex/crypto/equity) equal mitch_create_ticker_id;
 *  - a channel id is valid exactly when its low byte is 0 and its type byte
 *    one of t o s i b; create/decode/pack/unpack are inverse;
 *  - packed assets: (class << 16) | id, class <= 15, value <= 2^20 - 1.
 */
#include "fuzz_util.h"

static uint64_t compose(unsigned it, unsigned bc, unsigned bid, unsigned qc, unsigned qid,
                        uint32_t sub) {
  return ((uint64_t)it << 60) | ((uint64_t)bc << 56) | ((uint64_t)bid << 40) |
         ((uint64_t)qc << 36) | ((uint64_t)qid << 20) | sub;
}

static void check_ticker(fuzz_reader *r) {
  uint8_t it = fuzz_u8(r), bc = fuzz_u8(r), qc = fuzz_u8(r);
  uint16_t bid = fuzz_u16(r), qid = fuzz_u16(r);
  uint32_t sub = fuzz_u32(r);
  uint64_t any = fuzz_u64(r), id = 77;
  int fits = it <= 15 && bc <= 15 && qc <= 15 && sub <= 0xFFFFF;
  uint8_t a, b, c;
  uint16_t d, e;
  uint32_t f;
  mitch_ticker_fields tf;
  int st, reserved;

  st = mitch_create_ticker_id(it, bc, bid, qc, qid, sub, &id);
  FUZZ_ASSERT(st == (fits ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE));
  if (fits) {
    FUZZ_ASSERT(id == compose(it, bc, bid, qc, qid, sub));
    FUZZ_ASSERT(mitch_decode_ticker_id(id, &a, &b, &d, &c, &e, &f) == MITCH_OK);
    FUZZ_ASSERT(a == it && b == bc && d == bid && c == qc && e == qid && f == sub);
  } else {
    FUZZ_ASSERT(id == 77); /* untouched */
  }

  /* any u64 splits into fields that rebuild it */
  FUZZ_ASSERT(mitch_ticker_id_decode(any, &tf) == MITCH_OK);
  FUZZ_ASSERT(tf.instrument_type == any >> 60 && tf.base_class == ((any >> 56) & 15) &&
              tf.base_id == (uint16_t)(any >> 40) && tf.quote_class == ((any >> 36) & 15) &&
              tf.quote_id == (uint16_t)(any >> 20) && tf.sub_type == (any & 0xFFFFF));
  FUZZ_ASSERT(mitch_ticker_id_encode(&tf, &id) == MITCH_OK && id == any);

  reserved = tf.instrument_type >= 14 || tf.base_class >= 14 || tf.quote_class >= 14 ||
             (tf.base_class == tf.quote_class && tf.base_id == tf.quote_id);
  FUZZ_ASSERT(mitch_validate_ticker_id(any) ==
              (reserved ? MITCH_ERR_INVALID_TICKER_ID : MITCH_OK));
  FUZZ_ASSERT(mitch_ticker_id_is_spot(any) == (tf.instrument_type == 0));
  FUZZ_ASSERT(mitch_ticker_id_is_forex(any) == (tf.base_class == 3 && tf.quote_class == 3));
  FUZZ_ASSERT(mitch_ticker_id_is_crypto(any) == (tf.base_class == 6));
  FUZZ_ASSERT(mitch_ticker_id_is_equity(any) == (tf.base_class == 0));

  /* builders */
  {
    uint32_t quote_asset = ((uint32_t)qc << 16) | qid, quote_any = fuzz_u32(r);
    uint64_t x = 1, y = 2;
    int want;
    st = mitch_ticker_id_forex(it, bid, qid, &x);
    want = mitch_create_ticker_id(it, 3, bid, 3, qid, 0, &y);
    FUZZ_ASSERT(st == want && (st != MITCH_OK || x == y));
    st = mitch_ticker_id_crypto(it, bid, quote_asset, &x);
    want = mitch_create_ticker_id(it, 6, bid, qc, qid, 0, &y);
    FUZZ_ASSERT(st == want && (st != MITCH_OK || x == y));
    st = mitch_ticker_id_equity(it, bid, quote_any, &x);
    if (quote_any > 0xFFFFF)
      FUZZ_ASSERT(st == MITCH_ERR_INVALID_FIELD_VALUE);
    else {
      want = mitch_create_ticker_id(it, 0, bid, (uint8_t)(quote_any >> 16),
                                    (uint16_t)quote_any, 0, &y);
      FUZZ_ASSERT(st == want && (st != MITCH_OK || x == y));
    }
  }
}

static void check_ticker_batch(fuzz_reader *r) {
  size_t n = fuzz_u8(r) % 32, i, done = 999, expect_done;
  mitch_ticker_fields *f = malloc((n ? n : 1) * sizeof *f), *back = malloc((n ? n : 1) * sizeof *f);
  uint64_t *ids = malloc((n ? n : 1) * sizeof *ids);
  int st;
  expect_done = n;
  for (i = 0; i < n; i++) {
    f[i].instrument_type = fuzz_u8(r) % 20;
    f[i].base_class = fuzz_u8(r) % 18;
    f[i].base_id = fuzz_u16(r);
    f[i].quote_class = fuzz_u8(r) % 18;
    f[i].quote_id = fuzz_u16(r);
    f[i].sub_type = fuzz_u32(r) % 0x180000;
    if (expect_done == n && (f[i].instrument_type > 15 || f[i].base_class > 15 ||
                             f[i].quote_class > 15 || f[i].sub_type > 0xFFFFF))
      expect_done = i;
  }
  st = mitch_ticker_id_encode_batch(f, n, ids, &done);
  FUZZ_ASSERT(done == expect_done);
  FUZZ_ASSERT(st == (expect_done == n ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE));
  for (i = 0; i < done; i++) {
    uint64_t one;
    FUZZ_ASSERT(mitch_ticker_id_encode(&f[i], &one) == MITCH_OK && one == ids[i]);
  }
  FUZZ_ASSERT(mitch_ticker_id_decode_batch(ids, done, back) == MITCH_OK);
  for (i = 0; i < done; i++)
    FUZZ_ASSERT(back[i].instrument_type == f[i].instrument_type &&
                back[i].base_class == f[i].base_class && back[i].base_id == f[i].base_id &&
                back[i].quote_class == f[i].quote_class && back[i].quote_id == f[i].quote_id &&
                back[i].sub_type == f[i].sub_type);
  free(f);
  free(back);
  free(ids);
}

static void check_channel(fuzz_reader *r) {
  uint32_t any = fuzz_u32(r), id = 5, back;
  uint16_t provider = fuzz_u16(r), p2 = 9;
  uint8_t type = fuzz_u8(r), t2 = 9, *out = malloc(4);
  int valid = (any & 0xFF) == 0 && fuzz_body_size((uint8_t)(any >> 8)) != 0;
  int st;
  FUZZ_ASSERT(mitch_validate_channel(any) == (valid ? MITCH_OK : MITCH_ERR_INVALID_CHANNEL_ID));
  st = mitch_channel_decode(any, &p2, &t2);
  FUZZ_ASSERT(st == mitch_validate_channel(any));
  if (st == MITCH_OK)
    FUZZ_ASSERT(p2 == any >> 16 && t2 == (uint8_t)(any >> 8));
  else
    FUZZ_ASSERT(p2 == 9 && t2 == 9);
  memset(out, 0xAB, 4);
  st = mitch_pack_channel(any, out);
  FUZZ_ASSERT(st == mitch_validate_channel(any));
  if (st == MITCH_OK) {
    FUZZ_ASSERT(out[0] == 0 && out[1] == (uint8_t)(any >> 8) && out[2] == (uint8_t)(any >> 16) &&
                out[3] == (uint8_t)(any >> 24));
    FUZZ_ASSERT(mitch_unpack_channel(out, 4, &back) == MITCH_OK && back == any);
  } else {
    FUZZ_ASSERT(out[0] == 0xAB && out[1] == 0xAB && out[2] == 0xAB && out[3] == 0xAB);
  }
  st = mitch_create_channel(provider, (char)type, &id);
  if (fuzz_body_size(type) == 0) {
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_MESSAGE_TYPE && id == 5);
  } else {
    FUZZ_ASSERT(st == MITCH_OK && id == (((uint32_t)provider << 16) | ((uint32_t)type << 8)));
    FUZZ_ASSERT(mitch_validate_channel(id) == MITCH_OK);
  }
  free(out);
}

static void check_asset(fuzz_reader *r) {
  uint8_t cls = fuzz_u8(r), c2 = 99;
  uint16_t id = fuzz_u16(r), i2 = 99;
  uint32_t any = fuzz_u32(r), packed = 7;
  int st = mitch_pack_asset(cls, id, &packed);
  if (cls > 15) {
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_FIELD_VALUE && packed == 7);
  } else {
    FUZZ_ASSERT(st == MITCH_OK && packed == (((uint32_t)cls << 16) | id));
    FUZZ_ASSERT(mitch_unpack_asset(packed, &c2, &i2) == MITCH_OK && c2 == cls && i2 == id);
  }
  c2 = 99;
  i2 = 99;
  st = mitch_unpack_asset(any, &c2, &i2);
  if (any > 0xFFFFF)
    FUZZ_ASSERT(st == MITCH_ERR_INVALID_FIELD_VALUE && c2 == 99 && i2 == 99);
  else
    FUZZ_ASSERT(st == MITCH_OK && c2 == any >> 16 && i2 == (uint16_t)any);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_reader r;
  r.p = data;
  r.left = size;
  check_ticker(&r);
  check_channel(&r);
  check_asset(&r);
  check_ticker_batch(&r);
  /* status texts for any code */
  {
    int code = (int)fuzz_u32(&r);
    const char *text = mitch_strerror(code);
    FUZZ_ASSERT(text != NULL && strlen(text) > 0);
    FUZZ_ASSERT(mitch_confidence_band((uint8_t)code) == NULL || (uint8_t)code <= 100);
  }
  return 0;
}
