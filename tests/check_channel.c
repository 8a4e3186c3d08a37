/*
 * check_channel.c - 32-bit channel ids: (provider << 16) | (type << 8) | 0,
 * packed little-endian in 4 bytes (protocol.md, "Channel ID").
 */
#include <config.h>

#include <string.h>

#include "mitch.h"
#include "test_util.h"

static int is_valid_type(unsigned c) {
  return c == 't' || c == 'o' || c == 's' || c == 'i' || c == 'b';
}

/* protocol.md: Binance (101) ticks 's' -> 0x00657300 = 6 648 576. */
START_TEST(test_binance_ticks_example) {
  uint32_t id = 0;
  uint8_t out[5], want[4];
  uint16_t provider = 0;
  uint8_t type = 0;
  ck_assert_int_eq(mitch_create_channel(101, 's', &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x00657300u);
  ck_assert_uint_eq(id, 6648576u);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_pack_channel(id, out), MITCH_OK);
  tu_hex("00736500", want, 4);
  TU_ASSERT_BYTES(out, want, 4);
  ck_assert_uint_eq(out[4], 0xA5);
  id = 0;
  ck_assert_int_eq(mitch_unpack_channel(want, 4, &id), MITCH_OK);
  ck_assert_uint_eq(id, 6648576u);
  ck_assert_int_eq(mitch_channel_decode(id, &provider, &type), MITCH_OK);
  ck_assert_uint_eq(provider, 101);
  ck_assert_uint_eq(type, 's');
  ck_assert_int_eq(mitch_validate_channel(id), MITCH_OK);
}
END_TEST

/* protocol.md: NYSE (861) index 'i' -> 0x035D6900 = 56 453 376. */
START_TEST(test_nyse_index_example) {
  uint32_t id = 0;
  uint8_t out[4], want[4];
  uint16_t provider = 0;
  uint8_t type = 0;
  ck_assert_int_eq(mitch_create_channel(861, 'i', &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x035D6900u);
  ck_assert_uint_eq(id, 56453376u);
  ck_assert_int_eq(mitch_pack_channel(id, out), MITCH_OK);
  tu_hex("00695d03", want, 4);
  TU_ASSERT_BYTES(out, want, 4);
  ck_assert_int_eq(mitch_unpack_channel(out, 4, &id), MITCH_OK);
  ck_assert_uint_eq(id, 56453376u);
  ck_assert_int_eq(mitch_channel_decode(id, &provider, &type), MITCH_OK);
  ck_assert_uint_eq(provider, 861);
  ck_assert_uint_eq(type, 'i');
}
END_TEST

/* Every type byte for a few providers, both directions. */
START_TEST(test_every_type_and_provider) {
  static const uint16_t providers[] = {0, 1, 101, 861, 0x7FFF, 0x8000, 0xFFFF};
  size_t p;
  unsigned c;
  for (p = 0; p < sizeof providers / sizeof providers[0]; p++) {
    for (c = 0; c < 256; c++) {
      uint32_t id = 0xDEADBEEF;
      uint32_t want = (uint32_t)providers[p] << 16 | (uint32_t)c << 8;
      int st = mitch_create_channel(providers[p], (char)c, &id);
      if (!is_valid_type(c)) {
        ck_assert_msg(st == MITCH_ERR_INVALID_MESSAGE_TYPE, "type %u accepted", c);
        ck_assert_uint_eq(id, 0xDEADBEEF);
        ck_assert_int_eq(mitch_validate_channel(want), MITCH_ERR_INVALID_CHANNEL_ID);
        continue;
      }
      ck_assert_int_eq(st, MITCH_OK);
      ck_assert_uint_eq(id, want);
      ck_assert_int_eq(mitch_validate_channel(id), MITCH_OK);
      {
        uint8_t bytes[4], wire[4];
        uint16_t prov = 0;
        uint8_t type = 0;
        uint32_t back = 0;
        tu_put_le(wire, want, 4);
        ck_assert_int_eq(mitch_pack_channel(id, bytes), MITCH_OK);
        TU_ASSERT_BYTES(bytes, wire, 4);
        ck_assert_int_eq(mitch_unpack_channel(wire, 4, &back), MITCH_OK);
        ck_assert_uint_eq(back, want);
        ck_assert_int_eq(mitch_channel_decode(id, &prov, &type), MITCH_OK);
        ck_assert_uint_eq(prov, providers[p]);
        ck_assert_uint_eq(type, c);
      }
    }
  }
}
END_TEST

/* A channel is valid when its type byte is one of the five codes and its
   low byte is 0. */
START_TEST(test_validation) {
  unsigned low;
  uint8_t out[4] = {0xA5, 0xA5, 0xA5, 0xA5}, in[4];
  uint32_t id = 0x11111111;
  uint16_t prov = 7;
  uint8_t type = 8;
  for (low = 1; low < 256; low++)
    ck_assert_int_eq(mitch_validate_channel(0x00657300u | low), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_validate_channel(0), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_validate_channel(0x00655300u /* 'S' */), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_validate_channel(0xFFFFFFFFu), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_validate_channel(0xFFFF6200u), MITCH_OK);
  /* pack, unpack and decode validate too, and write nothing on failure */
  ck_assert_int_eq(mitch_pack_channel(0x00657301u, out), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_uint_eq(out[0], 0xA5);
  tu_hex("01736500", in, 4);
  ck_assert_int_eq(mitch_unpack_channel(in, 4, &id), MITCH_ERR_INVALID_CHANNEL_ID);
  tu_hex("00586500", in, 4); /* 'X' */
  ck_assert_int_eq(mitch_unpack_channel(in, 4, &id), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_uint_eq(id, 0x11111111);
  ck_assert_int_eq(mitch_channel_decode(0x00657301u, &prov, &type), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_uint_eq(prov, 7);
  ck_assert_uint_eq(type, 8);
}
END_TEST

START_TEST(test_nulls_and_lengths) {
  uint8_t in[8];
  uint32_t id = 0;
  uint16_t prov;
  uint8_t type;
  tu_hex("0073650099999999", in, 8);
  /* a longer buffer is fine: the first 4 bytes are read */
  ck_assert_int_eq(mitch_unpack_channel(in, 8, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x00657300u);
  ck_assert_int_eq(mitch_unpack_channel(in, 3, &id), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_channel(in, 0, &id), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_channel(NULL, 4, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_channel(in, 4, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_channel(0x00657300u, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_create_channel(101, 's', NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_channel_decode(0x00657300u, NULL, &type), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_channel_decode(0x00657300u, &prov, NULL), MITCH_ERR_INVALID_DATA);
  /* NULL before length before content */
  tu_hex("01000000", in, 4);
  ck_assert_int_eq(mitch_unpack_channel(in, 3, &id), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_channel(NULL, 3, &id), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_create_channel(101, 'x', NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_channel(1, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

static Suite *channel_suite(void) {
  Suite *s = suite_create("channel");
  TCase *tc = tu_tcase("channel");
  tcase_add_test(tc, test_binance_ticks_example);
  tcase_add_test(tc, test_nyse_index_example);
  tcase_add_test(tc, test_every_type_and_provider);
  tcase_add_test(tc, test_validation);
  tcase_add_test(tc, test_nulls_and_lengths);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(channel_suite());
}
