/*
 * check_similarity.c - Jaro-Winkler and comparison keys (resolution.md,
 * "Normalisation" and "Fuzzy asset lookup").
 *
 * Expected scores are worked out by hand from the definition (window
 * max(len)/2 - 1 floored at 0, t = half the out-of-order matches, prefix
 * bonus 0.1 per character up to 4, no boost threshold) or are the
 * published textbook values (Winkler 1990 / Wikipedia).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static double jw(const char *a, const char *b) {
  double s = -1;
  ck_assert_int_eq(mitch_jaro_winkler(a, b, &s), MITCH_OK);
  return s;
}

#define ASSERT_SCORE(a, b, want)                                                         \
  do {                                                                                   \
    double got_ = jw((a), (b));                                                          \
    ck_assert_msg(fabs(got_ - (want)) < 1e-12, "jw(%s, %s) = %.15f, want %.15f", (a), (b), \
                  got_, (double)(want));                                                 \
  } while (0)

START_TEST(test_textbook_values) {
  /* Published to four digits; the exact fractions follow from the
     definition: MARTHA/MARHTA jaro 17/18, l=3 -> 173/180. */
  ck_assert(fabs(jw("MARTHA", "MARHTA") - 0.9611) < 5e-5);
  ck_assert(fabs(jw("DWAYNE", "DUANE") - 0.84) < 5e-5);
  ck_assert(fabs(jw("DIXON", "DICKSONX") - 0.8133) < 5e-5);
  ASSERT_SCORE("MARTHA", "MARHTA", 173.0 / 180.0);
  ASSERT_SCORE("DWAYNE", "DUANE", 21.0 / 25.0);
  ASSERT_SCORE("DIXON", "DICKSONX", 61.0 / 75.0);
  /* CRATE/TRACE: window 1, matches R A E in order, no common prefix. */
  ASSERT_SCORE("CRATE", "TRACE", 11.0 / 15.0);
}
END_TEST

START_TEST(test_symmetric) {
  static const char *words[] = {"MARTHA", "MARHTA", "DWAYNE", "DUANE", "DIXON", "DICKSONX",
                                "abcxyz", "bcaxyz", "etherium", "ethereum", "a", "",
                                "ab", "ba", "aaaaab", "baaaaa", "interactivebrokers"};
  size_t i, j, n = sizeof words / sizeof words[0];
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      ck_assert_msg(jw(words[i], words[j]) == jw(words[j], words[i]), "%s/%s", words[i],
                    words[j]);
}
END_TEST

START_TEST(test_edge_cases) {
  ASSERT_SCORE("", "", 1.0);     /* identical */
  ASSERT_SCORE("", "a", 0.0);    /* empty against non-empty */
  ASSERT_SCORE("abc", "", 0.0);
  ASSERT_SCORE("a", "a", 1.0);   /* one character */
  ASSERT_SCORE("a", "b", 0.0);
  ASSERT_SCORE("Apple", "Apple", 1.0);
  ASSERT_SCORE("A", "a", 0.0);   /* case-sensitive: the resolver compares keys */
  /* Window floored at 0 for lengths 2 and 3: no crossed matches. */
  ASSERT_SCORE("ab", "ba", 0.0);
  ASSERT_SCORE("abc", "bac", 5.0 / 9.0); /* only 'c' matches */
  /* Length 4: window 1 lets the swap match, t = 1: jaro 11/12, l = 1. */
  ASSERT_SCORE("abcd", "acbd", 11.0 / 12.0 + 0.1 * (1.0 / 12.0));
  /* An odd number of out-of-order matches: t = 3/2, not rounded:
     abcxyz/bcaxyz m = 6, jaro = (1 + 1 + 4.5/6) / 3 = 11/12, no prefix. */
  ASSERT_SCORE("abcxyz", "bcaxyz", 11.0 / 12.0);
  /* No boost threshold: jaro 1/2, common prefix 2 -> 0.6. */
  ASSERT_SCORE("abcdefgh", "abxyzuvw", 0.6);
  /* The prefix bonus stops at 4 characters: jaro 5/6, l = 4 -> 0.9. */
  ASSERT_SCORE("abcdefxx", "abcdefyy", 0.9);
}
END_TEST

START_TEST(test_long_and_bad_input) {
  char long_a[MITCH_QUERY_MAX + 2], long_b[MITCH_QUERY_MAX + 1];
  double s = 42;
  memset(long_a, 'x', sizeof long_a - 1);
  long_a[sizeof long_a - 1] = '\0'; /* 256 bytes: too long */
  memset(long_b, 'x', sizeof long_b - 1);
  long_b[sizeof long_b - 1] = '\0'; /* 255 bytes: the limit */
  ck_assert_int_eq(mitch_jaro_winkler(long_a, "x", &s), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_jaro_winkler("x", long_a, &s), MITCH_ERR_INVALID_DATA);
  ck_assert(s == 42); /* untouched on failure */
  ASSERT_SCORE(long_b, long_b, 1.0);
  long_b[200] = 'y';
  s = jw(long_b, "xxxx");
  ck_assert(s > 0 && s < 1);
  ck_assert_int_eq(mitch_jaro_winkler(NULL, "a", &s), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_jaro_winkler("a", NULL, &s), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_jaro_winkler("a", "a", NULL), MITCH_ERR_INVALID_DATA);
  /* Invalid UTF-8 is compared byte by byte. */
  ASSERT_SCORE("\xff\xfe", "\xff\xfe", 1.0);
  ASSERT_SCORE("\xc3", "\xc3\xa9", 0.85); /* jaro 5/6, prefix 1 */
}
END_TEST

/* ---- keys ----------------------------------------------------------------- */

static const char *key_of(const char *name) {
  static char out[MITCH_QUERY_MAX + 1];
  size_t len = 999;
  ck_assert_int_eq(mitch_name_key(name, out, sizeof out, &len), MITCH_OK);
  ck_assert_uint_eq(len, strlen(out));
  return out;
}

#define ASSERT_KEY(name, want) ck_assert_str_eq(key_of(name), (want))

START_TEST(test_key_punctuation) {
  ASSERT_KEY("S&P 500", "sp500");
  ASSERT_KEY("BRK-B", "brkb");
  ASSERT_KEY("EUR/USD", "eurusd");
  ASSERT_KEY("  Euro  Stoxx 50 ", "eurostoxx50");
  ASSERT_KEY("ETH+", "eth");
  ASSERT_KEY("^SPX", "spx");
  ASSERT_KEY("Arthur J. Gallagher & Co.", "arthurjgallagherco"); /* "co" is no suffix */
  ASSERT_KEY("!!!", "");
  ASSERT_KEY("", "");
}
END_TEST

START_TEST(test_key_business_suffixes) {
  static const char *const suffixes[] = {"Corporation", "Company", "Inc", "Corp", "Ltd",
                                         "LLC",         "Limited", "Group", "Cie", "plc",
                                         "SA",          "AG",      "NV"};
  size_t i;
  ASSERT_KEY("Apple Inc.", "apple");
  ASSERT_KEY("Microsoft Corporation", "microsoft");
  ASSERT_KEY("3M Company", "3m");
  ASSERT_KEY("Vistra Corp.", "vistra");
  ASSERT_KEY("Apple, Inc.", "apple");
  ASSERT_KEY("Apple Inc. ", "apple");
  ASSERT_KEY("XAG", "xag");             /* one word: keeps its "ag" */
  ASSERT_KEY("XAG AG", "xag");
  ASSERT_KEY("FooSA", "foosa");         /* not a separate word */
  ASSERT_KEY("Foo Group Inc", "foogroup"); /* only one suffix word */
  ASSERT_KEY("Inc", "inc");             /* nothing would be left */
  ASSERT_KEY("- Ltd", "ltd");
  for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    char name[64];
    strcpy(name, "Acme ");
    strcat(name, suffixes[i]);
    ck_assert_msg(strcmp(key_of(name), "acme") == 0, "%s", name);
  }
}
END_TEST

START_TEST(test_key_leading_the) {
  ASSERT_KEY("The Walt Disney Company", "waltdisney");
  ASSERT_KEY("the hershey company", "hershey");
  ASSERT_KEY("THE Trade Desk", "tradedesk");
  ASSERT_KEY("Theranos", "theranos"); /* not a word of its own */
  ASSERT_KEY("The", "the");
  ASSERT_KEY("The !", "the");          /* nothing would be left */
}
END_TEST

START_TEST(test_key_non_ascii) {
  ASSERT_KEY("Estée Lauder", "estée" "lauder");
  ASSERT_KEY("Polish Złoty", "polishzłoty");
  ASSERT_KEY("ÉCLAIR", "Éclair"); /* no folding beyond ASCII */
  ASSERT_KEY("Brown\xe2\x80\x93" "Forman", "brown\xe2\x80\x93" "forman");
  ASSERT_KEY("\xff\xfe ab", "\xff\xfe" "ab"); /* invalid UTF-8 kept byte-wise */
}
END_TEST

START_TEST(test_key_buffers) {
  char out[8];
  size_t len = 0;
  memset(out, '#', sizeof out);
  /* "ałb": a, 2-byte ł, b.  Room for 2 bytes: the cut may not split ł. */
  ck_assert_int_eq(mitch_name_key("a\xc5\x82" "b", out, 3, &len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(out, "a");
  ck_assert_uint_eq(len, 4);
  ck_assert_int_eq(mitch_name_key("a\xc5\x82" "b", out, 5, &len), MITCH_OK);
  ck_assert_str_eq(out, "a\xc5\x82" "b");
  memset(out, '#', sizeof out);
  ck_assert_int_eq(mitch_name_key("abc", out, 0, &len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(out[0], '#'); /* length 0 writes nothing */
  ck_assert_uint_eq(len, 3);
  ck_assert_int_eq(mitch_name_key("abc", NULL, 0, &len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_name_key("abc", NULL, 4, &len), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_name_key(NULL, out, sizeof out, &len), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_name_key("ab", out, sizeof out, NULL), MITCH_OK);
}
END_TEST

START_TEST(test_key_too_long) {
  char *big = malloc(1u << 20);
  char out[16];
  ck_assert_ptr_nonnull(big);
  memset(big, 'a', (1u << 20) - 1);
  big[(1u << 20) - 1] = '\0';
  ck_assert_int_eq(mitch_name_key(big, out, sizeof out, NULL), MITCH_ERR_INVALID_DATA);
  big[MITCH_QUERY_MAX] = '\0';
  ck_assert_int_eq(mitch_name_key(big, out, sizeof out, NULL), MITCH_ERR_BUFFER_TOO_SMALL);
  free(big);
}
END_TEST

int main(void) {
  Suite *s = suite_create("similarity");
  TCase *tc = tu_tcase("jaro-winkler");
  tcase_add_test(tc, test_textbook_values);
  tcase_add_test(tc, test_symmetric);
  tcase_add_test(tc, test_edge_cases);
  tcase_add_test(tc, test_long_and_bad_input);
  suite_add_tcase(s, tc);
  tc = tu_tcase("keys");
  tcase_add_test(tc, test_key_punctuation);
  tcase_add_test(tc, test_key_business_suffixes);
  tcase_add_test(tc, test_key_leading_the);
  tcase_add_test(tc, test_key_non_ascii);
  tcase_add_test(tc, test_key_buffers);
  tcase_add_test(tc, test_key_too_long);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
