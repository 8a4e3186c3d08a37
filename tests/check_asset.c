/*
 * check_asset.c - packed assets: (asset_class << 16) | class_id, 20 bits
 * carried in a u32 (protocol.md, "Ticker ID").
 */
#include <config.h>

#include "mitch.h"
#include "test_util.h"

START_TEST(test_pack_unpack) {
  static const struct {
    uint8_t asset_class;
    uint16_t class_id;
    uint32_t packed;
  } cases[] = {
      {3, 5001, 0x31389},   /* USD */
      {3, 1301, 0x30515},   /* EUR */
      {0, 0, 0},
      {0, 0xFFFF, 0xFFFF},
      {15, 0, 0xF0000},
      {15, 0xFFFF, 0xFFFFF},
      {10, 1, 0xA0001},     /* indices are class 10 */
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint32_t packed = 0xDEAD;
    uint8_t cls = 0xEE;
    uint16_t id = 0xEEEE;
    ck_assert_int_eq(mitch_pack_asset(cases[i].asset_class, cases[i].class_id, &packed), MITCH_OK);
    ck_assert_uint_eq(packed, cases[i].packed);
    ck_assert_int_eq(mitch_unpack_asset(cases[i].packed, &cls, &id), MITCH_OK);
    ck_assert_uint_eq(cls, cases[i].asset_class);
    ck_assert_uint_eq(id, cases[i].class_id);
  }
}
END_TEST

START_TEST(test_rejections) {
  uint32_t packed = 0xDEAD;
  uint8_t cls = 0xEE;
  uint16_t id = 0xEEEE;
  unsigned c;
  for (c = 16; c < 256; c++)
    ck_assert_int_eq(mitch_pack_asset((uint8_t)c, 1, &packed), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(packed, 0xDEAD);
  ck_assert_int_eq(mitch_unpack_asset(0x100000, &cls, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_unpack_asset(UINT32_MAX, &cls, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(cls, 0xEE);
  ck_assert_uint_eq(id, 0xEEEE);
  ck_assert_int_eq(mitch_pack_asset(3, 1, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_asset(99, 1, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(1, NULL, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(1, &cls, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(UINT32_MAX, NULL, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* A packed asset is exactly the quote half of a ticker id. */
START_TEST(test_matches_ticker_id_leg) {
  uint32_t usd = 0;
  uint64_t id = 0;
  ck_assert_int_eq(mitch_pack_asset(MITCH_CLASS_FOREX, 5001, &usd), MITCH_OK);
  ck_assert_int_eq(mitch_ticker_id_crypto(MITCH_SPOT, 1, usd, &id), MITCH_OK);
  ck_assert_uint_eq((id >> 20) & 0xFFFFF, usd);
}
END_TEST

static Suite *asset_suite(void) {
  Suite *s = suite_create("asset");
  TCase *tc = tu_tcase("packed");
  tcase_add_test(tc, test_pack_unpack);
  tcase_add_test(tc, test_rejections);
  tcase_add_test(tc, test_matches_ticker_id_leg);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(asset_suite());
}
