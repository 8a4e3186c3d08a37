/*
 * check_version.c - the library version agrees everywhere it is stated:
 * mitch_get_version() == MITCH_VERSION_STRING == PACKAGE_VERSION (what
 * configure and the tarball say), and the protocol version is "1.0.0".
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

START_TEST(test_library_version) {
  const char *v = mitch_get_version();
  char composed[32];
  ck_assert_ptr_ne(v, NULL);
  ck_assert_str_eq(v, MITCH_VERSION_STRING);
  ck_assert_str_eq(v, PACKAGE_VERSION);
  ck_assert_str_eq(v, "1.1.0");
  ck_assert_uint_eq(mitch_get_version_len(), strlen(v));
  /* the string, the parts and the number say the same */
  snprintf(composed, sizeof composed, "%d.%d.%d", MITCH_VERSION_MAJOR, MITCH_VERSION_MINOR,
           MITCH_VERSION_PATCH);
  ck_assert_str_eq(composed, v);
  ck_assert_uint_eq(MITCH_VERSION_NUMBER, 0x010100u);
  ck_assert_uint_eq(mitch_get_version_number(), MITCH_VERSION_NUMBER);
  /* the same static string every time */
  ck_assert_ptr_eq(mitch_get_version(), v);
}
END_TEST

START_TEST(test_protocol_version) {
  const char *v = mitch_get_protocol_version();
  ck_assert_ptr_ne(v, NULL);
  ck_assert_str_eq(v, "1.0.0");
  ck_assert_str_eq(v, MITCH_PROTOCOL_VERSION_STRING);
  ck_assert_uint_eq(mitch_get_protocol_version_len(), 5);
  ck_assert_uint_eq(mitch_get_protocol_version_len(), strlen(v));
}
END_TEST

static Suite *version_suite(void) {
  Suite *s = suite_create("version");
  TCase *tc = tu_tcase("version");
  tcase_add_test(tc, test_library_version);
  tcase_add_test(tc, test_protocol_version);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(version_suite());
}
