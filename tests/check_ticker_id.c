/*
 * check_ticker_id.c - 64-bit ticker ids (protocol.md, "Ticker ID"):
 *   bits 63..60 instrument type   bits 59..56 base class
 *   bits 55..40 base id           bits 39..36 quote class
 *   bits 35..20 quote id          bits 19..0  sub-type
 */
#include <config.h>

#include <string.h>

#include "mitch.h"
#include "test_util.h"

static mitch_ticker_fields fields(uint8_t type, uint8_t base_class, uint16_t base_id,
                                  uint8_t quote_class, uint16_t quote_id, uint32_t sub_type) {
  mitch_ticker_fields f;
  memset(&f, 0, sizeof f);
  f.instrument_type = type;
  f.base_class = base_class;
  f.base_id = base_id;
  f.quote_class = quote_class;
  f.quote_id = quote_id;
  f.sub_type = sub_type;
  return f;
}

static void assert_fields(const mitch_ticker_fields *got, const mitch_ticker_fields *want) {
  ck_assert_uint_eq(got->instrument_type, want->instrument_type);
  ck_assert_uint_eq(got->base_class, want->base_class);
  ck_assert_uint_eq(got->base_id, want->base_id);
  ck_assert_uint_eq(got->quote_class, want->quote_class);
  ck_assert_uint_eq(got->quote_id, want->quote_id);
  ck_assert_uint_eq(got->sub_type, want->sub_type);
}

/* protocol.md: instrument 0, base FX 111, quote FX 461, sub-type 0. */
START_TEST(test_spec_example) {
  uint64_t id = 0;
  mitch_ticker_fields f = fields(0, 3, 111, 3, 461, 0), back;
  uint8_t type, bc, qc;
  uint16_t bid, qid;
  uint32_t sub;
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 111, 3, 461, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, UINT64_C(0x03006F301CD00000));
  id = 0;
  ck_assert_int_eq(mitch_ticker_id_encode(&f, &id), MITCH_OK);
  ck_assert_uint_eq(id, UINT64_C(0x03006F301CD00000));
  ck_assert_int_eq(mitch_ticker_id_decode(UINT64_C(0x03006F301CD00000), &back), MITCH_OK);
  assert_fields(&back, &f);
  ck_assert_int_eq(mitch_decode_ticker_id(UINT64_C(0x03006F301CD00000), &type, &bc, &bid, &qc,
                                          &qid, &sub),
                   MITCH_OK);
  ck_assert_uint_eq(type, 0);
  ck_assert_uint_eq(bc, 3);
  ck_assert_uint_eq(bid, 111);
  ck_assert_uint_eq(qc, 3);
  ck_assert_uint_eq(qid, 461);
  ck_assert_uint_eq(sub, 0);
  ck_assert_int_eq(mitch_validate_ticker_id(id), MITCH_OK);
}
END_TEST

/* protocol.md: EUR (FX 1301) / USD (FX 5001) spot is 0x0305153138900000. */
START_TEST(test_eur_usd) {
  uint64_t id = 0;
  ck_assert_int_eq(mitch_create_ticker_id(MITCH_SPOT, MITCH_CLASS_FOREX, 1301, MITCH_CLASS_FOREX,
                                          5001, 0, &id),
                   MITCH_OK);
  ck_assert_uint_eq(id, UINT64_C(0x0305153138900000));
  id = 0;
  ck_assert_int_eq(mitch_ticker_id_forex(MITCH_SPOT, 1301, 5001, &id), MITCH_OK);
  ck_assert_uint_eq(id, UINT64_C(0x0305153138900000));
  ck_assert(mitch_ticker_id_is_forex(id));
  ck_assert(mitch_ticker_id_is_spot(id));
  ck_assert(!mitch_ticker_id_is_crypto(id));
  ck_assert(!mitch_ticker_id_is_equity(id));
}
END_TEST

/* Each field at all ones, alone: it lands exactly on its bits. */
START_TEST(test_field_positions) {
  static const struct {
    mitch_ticker_fields f;
    uint64_t id;
  } cases[] = {
      {{15, 0, 0, 0, 0, 0}, UINT64_C(0xF000000000000000)},
      {{0, 15, 0, 0, 0, 0}, UINT64_C(0x0F00000000000000)},
      {{0, 0, 0xFFFF, 0, 0, 0}, UINT64_C(0x00FFFF0000000000)},
      {{0, 0, 0, 15, 0, 0}, UINT64_C(0x000000F000000000)},
      {{0, 0, 0, 0, 0xFFFF, 0}, UINT64_C(0x0000000FFFF00000)},
      {{0, 0, 0, 0, 0, 0xFFFFF}, UINT64_C(0x00000000000FFFFF)},
      {{15, 15, 0xFFFF, 15, 0xFFFF, 0xFFFFF}, UINT64_C(0xFFFFFFFFFFFFFFFF)},
      {{0, 0, 0, 0, 0, 0}, 0},
      {{1, 2, 0x3456, 7, 0x89AB, 0xCDEF1}, UINT64_C(0x123456789ABCDEF1)},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint64_t id = 0;
    mitch_ticker_fields back;
    ck_assert_int_eq(mitch_ticker_id_encode(&cases[i].f, &id), MITCH_OK);
    ck_assert_msg(id == cases[i].id, "case %zu: 0x%016llx, want 0x%016llx", i,
                  (unsigned long long)id, (unsigned long long)cases[i].id);
    ck_assert_int_eq(mitch_ticker_id_decode(cases[i].id, &back), MITCH_OK);
    assert_fields(&back, &cases[i].f);
  }
}
END_TEST

START_TEST(test_all_ones) {
  uint64_t id = 0;
  mitch_ticker_fields back, want = fields(15, 15, 0xFFFF, 15, 0xFFFF, 0xFFFFF);
  ck_assert_int_eq(mitch_create_ticker_id(15, 15, 0xFFFF, 15, 0xFFFF, 0xFFFFF, &id), MITCH_OK);
  ck_assert_uint_eq(id, UINT64_MAX);
  ck_assert_int_eq(mitch_ticker_id_decode(UINT64_MAX, &back), MITCH_OK);
  assert_fields(&back, &want);
  /* creation allows reserved values; validation does not */
  ck_assert_int_eq(mitch_validate_ticker_id(UINT64_MAX), MITCH_ERR_INVALID_TICKER_ID);
}
END_TEST

START_TEST(test_too_wide_fields) {
  uint64_t id = 0x1234;
  mitch_ticker_fields f;
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1, 3, 2, 0x100000, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1, 3, 2, UINT32_MAX, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(16, 3, 1, 3, 2, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(255, 3, 1, 3, 2, 0, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 16, 1, 3, 2, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1, 16, 2, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1, 255, 2, 0, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(id, 0x1234); /* never masked and written */
  f = fields(0, 3, 1, 3, 2, 0x100000);
  ck_assert_int_eq(mitch_ticker_id_encode(&f, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  f = fields(0, 3, 1, 3, 2, 0xFFFFF);
  ck_assert_int_eq(mitch_ticker_id_encode(&f, &id), MITCH_OK);
  ck_assert_uint_eq(id & 0xFFFFF, 0xFFFFF);
  ck_assert_uint_eq(MITCH_SUB_TYPE_MAX, 0xFFFFF);
}
END_TEST

START_TEST(test_validation_codes) {
  uint64_t id;
  unsigned v;
  ck_assert_int_eq(mitch_validate_ticker_id(UINT64_C(0x0305153138900000)), MITCH_OK);
  for (v = 0; v < 16; v++) {
    int want = v >= 14 ? MITCH_ERR_INVALID_TICKER_ID : MITCH_OK;
    ck_assert_int_eq(mitch_create_ticker_id((uint8_t)v, 3, 1301, 3, 5001, 0, &id), MITCH_OK);
    ck_assert_msg(mitch_validate_ticker_id(id) == want, "instrument type %u", v);
    ck_assert_int_eq(mitch_create_ticker_id(0, (uint8_t)v, 1301, 3, 5001, 0, &id), MITCH_OK);
    ck_assert_msg(mitch_validate_ticker_id(id) == want, "base class %u", v);
    ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1301, (uint8_t)v, 5001, 0, &id), MITCH_OK);
    ck_assert_msg(mitch_validate_ticker_id(id) == want, "quote class %u", v);
  }
  /* base == quote (same class and id) */
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 5001, 3, 5001, 0, &id), MITCH_OK);
  ck_assert_int_eq(mitch_validate_ticker_id(id), MITCH_ERR_INVALID_TICKER_ID);
  ck_assert_int_eq(mitch_create_ticker_id(4, 6, 1, 6, 1, 77, &id), MITCH_OK);
  ck_assert_int_eq(mitch_validate_ticker_id(id), MITCH_ERR_INVALID_TICKER_ID);
  ck_assert_int_eq(mitch_validate_ticker_id(0), MITCH_ERR_INVALID_TICKER_ID);
  /* same id in different classes is a real pair */
  ck_assert_int_eq(mitch_create_ticker_id(0, 6, 5001, 3, 5001, 0, &id), MITCH_OK);
  ck_assert_int_eq(mitch_validate_ticker_id(id), MITCH_OK);
  /* sub-type plays no part in validation */
  ck_assert_int_eq(mitch_create_ticker_id(1, 4, 9, 3, 5001, 0xFFFFF, &id), MITCH_OK);
  ck_assert_int_eq(mitch_validate_ticker_id(id), MITCH_OK);
}
END_TEST

START_TEST(test_predicates) {
  uint64_t id;
  ck_assert_int_eq(mitch_create_ticker_id(MITCH_FUTURE, MITCH_CLASS_FOREX, 1, MITCH_CLASS_FOREX, 2,
                                          0, &id),
                   MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_is_spot(id), 0);
  ck_assert_int_eq(mitch_ticker_id_is_forex(id), 1);
  /* forex needs both legs in Forex */
  ck_assert_int_eq(mitch_create_ticker_id(MITCH_SPOT, MITCH_CLASS_CRYPTO, 1, MITCH_CLASS_FOREX,
                                          5001, 0, &id),
                   MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_is_spot(id), 1);
  ck_assert_int_eq(mitch_ticker_id_is_forex(id), 0);
  ck_assert_int_eq(mitch_ticker_id_is_crypto(id), 1);
  ck_assert_int_eq(mitch_ticker_id_is_equity(id), 0);
  ck_assert_int_eq(mitch_create_ticker_id(MITCH_SPOT, MITCH_CLASS_FOREX, 1, MITCH_CLASS_CRYPTO, 2,
                                          0, &id),
                   MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_is_forex(id), 0);
  ck_assert_int_eq(mitch_ticker_id_is_crypto(id), 0); /* crypto is about the base leg */
  ck_assert_int_eq(mitch_create_ticker_id(MITCH_CFD, MITCH_CLASS_EQUITIES, 42, MITCH_CLASS_FOREX,
                                          5001, 0, &id),
                   MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_is_equity(id), 1);
  ck_assert_int_eq(mitch_ticker_id_is_spot(id), 0);
  ck_assert_int_eq(mitch_ticker_id_is_spot(UINT64_C(0x0FFFFFFFFFFFFFFF)), 1);
  ck_assert_int_eq(mitch_ticker_id_is_spot(UINT64_C(0x1000000000000000)), 0);
}
END_TEST

static uint64_t compose(unsigned type, unsigned bc, unsigned bid, unsigned qc, unsigned qid,
                        unsigned sub) {
  return (uint64_t)type << 60 | (uint64_t)bc << 56 | (uint64_t)bid << 40 | (uint64_t)qc << 36 |
         (uint64_t)qid << 20 | sub;
}

START_TEST(test_builders) {
  uint64_t id = 0;
  uint32_t usd = (uint32_t)MITCH_CLASS_FOREX << 16 | 5001;
  ck_assert_int_eq(mitch_ticker_id_crypto(MITCH_PERPETUAL_SWAP, 1, usd, &id), MITCH_OK);
  ck_assert_uint_eq(id, compose(4, 6, 1, 3, 5001, 0));
  ck_assert(mitch_ticker_id_is_crypto(id));
  ck_assert_int_eq(mitch_ticker_id_equity(MITCH_SPOT, 42, usd, &id), MITCH_OK);
  ck_assert_uint_eq(id, compose(0, 0, 42, 3, 5001, 0));
  ck_assert(mitch_ticker_id_is_equity(id));
  ck_assert_int_eq(mitch_ticker_id_forex(MITCH_FORWARD, 0xFFFF, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, compose(2, 3, 0xFFFF, 3, 0, 0));
  /* quote asset: 20 bits at most; instrument type: 4 bits */
  id = 99;
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 1, 0x100000, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_equity(0, 1, UINT32_MAX, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_forex(16, 1, 2, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_crypto(16, 1, usd, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(id, 99);
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 1, 0xFFFFF, &id), MITCH_OK);
  ck_assert_uint_eq(id, compose(0, 6, 1, 15, 0xFFFF, 0));
  ck_assert_int_eq(mitch_ticker_id_forex(0, 1, 2, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 1, usd, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_equity(0, 1, usd, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_batch) {
  mitch_ticker_fields in[5], back[5];
  uint64_t ids[5];
  size_t done = 99, i;
  in[0] = fields(0, 3, 111, 3, 461, 0);
  in[1] = fields(0, 3, 1301, 3, 5001, 0);
  in[2] = fields(15, 15, 0xFFFF, 15, 0xFFFF, 0xFFFFF);
  in[3] = fields(0, 3, 1, 3, 2, 0x100000); /* too wide */
  in[4] = fields(1, 2, 3, 4, 5, 6);
  for (i = 0; i < 5; i++)
    ids[i] = 0xAAAA;
  ck_assert_int_eq(mitch_ticker_id_encode_batch(in, 5, ids, &done), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(done, 3);
  ck_assert_uint_eq(ids[0], UINT64_C(0x03006F301CD00000));
  ck_assert_uint_eq(ids[1], UINT64_C(0x0305153138900000));
  ck_assert_uint_eq(ids[2], UINT64_MAX);
  ck_assert_uint_eq(ids[3], 0xAAAA);
  ck_assert_uint_eq(ids[4], 0xAAAA);

  in[3] = fields(0, 3, 1, 3, 2, 0xFFFFF);
  ck_assert_int_eq(mitch_ticker_id_encode_batch(in, 5, ids, &done), MITCH_OK);
  ck_assert_uint_eq(done, 5);
  ck_assert_uint_eq(ids[3], compose(0, 3, 1, 3, 2, 0xFFFFF));
  ck_assert_uint_eq(ids[4], compose(1, 2, 3, 4, 5, 6));
  ck_assert_int_eq(mitch_ticker_id_encode_batch(in, 5, ids, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_decode_batch(ids, 5, back), MITCH_OK);
  for (i = 0; i < 5; i++)
    assert_fields(&back[i], &in[i]);

  /* n == 0 is allowed, even with NULL arrays */
  done = 99;
  ck_assert_int_eq(mitch_ticker_id_encode_batch(NULL, 0, NULL, &done), MITCH_OK);
  ck_assert_uint_eq(done, 0);
  ck_assert_int_eq(mitch_ticker_id_decode_batch(NULL, 0, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_encode_batch(NULL, 1, ids, &done), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_encode_batch(in, 1, NULL, &done), MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(done, 0);
  ck_assert_int_eq(mitch_ticker_id_decode_batch(NULL, 1, back), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_decode_batch(ids, 1, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_nulls) {
  uint8_t a, b, d;
  uint16_t c, e;
  uint32_t f;
  mitch_ticker_fields tf = fields(0, 3, 1, 3, 2, 0);
  uint64_t id;
  ck_assert_int_eq(mitch_create_ticker_id(0, 3, 1, 3, 2, 0, NULL), MITCH_ERR_INVALID_DATA);
  /* NULL is reported before a too-wide field */
  ck_assert_int_eq(mitch_create_ticker_id(99, 99, 1, 99, 2, UINT32_MAX, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_encode(NULL, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_encode(&tf, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_ticker_id_decode(1, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, NULL, &b, &c, &d, &e, &f), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, &a, NULL, &c, &d, &e, &f), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, &a, &b, NULL, &d, &e, &f), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, &a, &b, &c, NULL, &e, &f), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, &a, &b, &c, &d, NULL, &f), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_decode_ticker_id(1, &a, &b, &c, &d, &e, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

static Suite *ticker_id_suite(void) {
  Suite *s = suite_create("ticker_id");
  TCase *tc = tu_tcase("ticker_id");
  tcase_add_test(tc, test_spec_example);
  tcase_add_test(tc, test_eur_usd);
  tcase_add_test(tc, test_field_positions);
  tcase_add_test(tc, test_all_ones);
  tcase_add_test(tc, test_too_wide_fields);
  tcase_add_test(tc, test_validation_codes);
  tcase_add_test(tc, test_predicates);
  tcase_add_test(tc, test_builders);
  tcase_add_test(tc, test_batch);
  tcase_add_test(tc, test_nulls);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(ticker_id_suite());
}
