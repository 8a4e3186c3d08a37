/*
 * check_provider.c - market providers: the table, lookups by id and by
 * name (exact key, abbreviations, Jaro-Winkler fuzzy), the flat calls.
 *
 * Ids and names are those of ../shared/reference/ids/market-providers.csv;
 * the abbreviations required are those resolution.md lists.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

static mitch_provider find(const char *q, double min, double *conf) {
  mitch_provider p;
  int st = mitch_provider_find(q, min, &p, conf);
  ck_assert_msg(st == MITCH_OK, "\"%s\": status %d", q, st);
  return p;
}

#define ASSERT_PROVIDER(q, want_id)                                                        \
  do {                                                                                     \
    double c_ = -1;                                                                        \
    mitch_provider p_ = find((q), 0.8, &c_);                                               \
    ck_assert_msg(p_.id == (want_id), "\"%s\" -> %s (%u), want %u", (q), p_.name, p_.id,  \
                  (unsigned)(want_id));                                                    \
    ck_assert_msg(c_ == 1.0, "\"%s\": confidence %g", (q), c_);                          \
  } while (0)

START_TEST(test_table) {
  size_t i, n = mitch_provider_count();
  mitch_provider p, q;
  int prev = -1;
  ck_assert_uint_eq(n, 147); /* rows of market-providers.csv */
  for (i = 0; i < n; i++) {
    ck_assert_int_eq(mitch_provider_at(i, &p), MITCH_OK);
    ck_assert_msg((int)p.id > prev, "not in id order at %zu", i);
    prev = p.id;
    ck_assert(p.name && p.name[0] && p.abbreviations);
    ck_assert_int_eq(mitch_provider_get(p.id, &q), MITCH_OK);
    ck_assert_ptr_eq(q.name, p.name);
  }
  ck_assert_int_eq(mitch_provider_at(n, &p), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_at(0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_get(101, &p), MITCH_OK);
  ck_assert_str_eq(p.name, "Binance");
  ck_assert_int_eq(mitch_provider_get(1301, &p), MITCH_OK);
  ck_assert_str_eq(p.name, "XT.COM"); /* a reference row without an aliases column */
  ck_assert_int_eq(mitch_provider_get(861, &p), MITCH_OK);
  ck_assert_str_eq(p.name, "New York Stock Exchange");
  ck_assert_str_eq(p.abbreviations, "NYSE");
  ck_assert_int_eq(mitch_provider_get(0, &p), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_get(102, &p), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_get(65535, &p), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_get(101, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_exact_names) {
  ASSERT_PROVIDER("Binance", 101);
  ASSERT_PROVIDER("binance", 101);
  ASSERT_PROVIDER("BINANCE", 101);
  ASSERT_PROVIDER("Interactive Brokers", 691); /* multi-word */
  ASSERT_PROVIDER("interactive brokers", 691);
  ASSERT_PROVIDER("InteractiveBrokers", 691);
  ASSERT_PROVIDER("interactive-brokers", 691);
  ASSERT_PROVIDER("Hong Kong Stock Exchange", 621);
  ASSERT_PROVIDER("Crypto.com", 391);
  ASSERT_PROVIDER("cryptocom", 391);
  ASSERT_PROVIDER("dYdX", 433);
  ASSERT_PROVIDER("E-Trade", 441);
  ASSERT_PROVIDER("XT.COM", 1301);
  ASSERT_PROVIDER("Gate.io", 561);
}
END_TEST

START_TEST(test_required_abbreviations) {
  ASSERT_PROVIDER("NYSE", 861);
  ASSERT_PROVIDER("nyse", 861);
  ASSERT_PROVIDER("IBKR", 691);
  ASSERT_PROVIDER("LSE", 781);
  ASSERT_PROVIDER("HKEX", 621);
  ASSERT_PROVIDER("SGX", 1091);
  ASSERT_PROVIDER("TSE", 1171);
}
END_TEST

/* Every abbreviation the data lists finds its own provider. */
START_TEST(test_every_abbreviation) {
  size_t i, n = mitch_provider_count(), seen = 0;
  for (i = 0; i < n; i++) {
    mitch_provider p;
    const char *a;
    mitch_provider_at(i, &p);
    for (a = p.abbreviations; *a;) {
      char abbr[64];
      size_t len = strcspn(a, "|");
      ck_assert_uint_lt(len, sizeof abbr);
      memcpy(abbr, a, len);
      abbr[len] = '\0';
      ASSERT_PROVIDER(abbr, p.id);
      seen++;
      a += len;
      if (*a == '|')
        a++;
    }
  }
  ck_assert_uint_ge(seen, 6);
}
END_TEST

START_TEST(test_typos_and_unknown) {
  static const struct {
    const char *q;
    uint16_t id;
  } typos[] = {{"Binanse", 101},          {"Krakn", 721},   {"Interactiv Brokers", 691},
               {"Coinbsae", 341},         {"Bitstmap", 181}, {"Hong Kong Stock Exchang", 621},
               {"Robinhod", 1061},        {"Pepperstne", 961}};
  size_t i;
  mitch_provider p;
  double conf = -1;
  uint16_t id = 5;
  for (i = 0; i < sizeof typos / sizeof typos[0]; i++) {
    p = find(typos[i].q, 0.8, &conf);
    ck_assert_msg(p.id == typos[i].id, "\"%s\" -> %s", typos[i].q, p.name);
    ck_assert(conf >= 0.8 && conf < 1.0);
  }
  /* JW(binanse, binance): m 6, jaro 19/21, prefix 4 -> 19.8/21 = 0.942857... */
  p = find("Binanse", 0.9428, &conf);
  ck_assert(conf > 0.94285 && conf < 0.94286);
  ck_assert_int_eq(mitch_provider_find("Binanse", 0.9429, &p, &conf), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_find("Zzyzx Exchange Qq", 0.9, &p, &conf), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_find("qqqqqqqq", 0.8, &p, &conf), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_find_market_provider("qqqqqqqq", 0.8, &id, NULL, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(id, 5);
}
END_TEST

START_TEST(test_bad_input) {
  mitch_provider p;
  char big[MITCH_QUERY_MAX + 2];
  memset(big, 'B', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  ck_assert_int_eq(mitch_provider_find(NULL, 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find("Binance", 0.8, NULL, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find("", 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find(" \t ", 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find(big, 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find("Binance", 0.0 / 0.0, &p, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_provider_find("\xff\xfe\xfd", 0.8, &p, NULL), MITCH_ERR_NOT_FOUND);
}
END_TEST

START_TEST(test_flat) {
  uint16_t id = 0, ids[4];
  char name[8];
  double conf = 0;
  size_t count = 0, n = mitch_provider_count();
  uint16_t *all;
  ck_assert_int_eq(mitch_find_market_provider("IBKR", 0.8, &id, name, sizeof name, &conf),
                   MITCH_OK);
  ck_assert_uint_eq(id, 691);
  ck_assert_str_eq(name, "Interac"); /* truncated, still success */
  ck_assert(conf == 1.0);
  ck_assert_int_eq(mitch_find_market_provider("IBKR", 0.8, NULL, name, sizeof name, &conf),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_find_market_provider("IBKR", 0.8, &id, NULL, 3, &conf),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_get_market_provider_by_id(341, name, sizeof name), MITCH_OK);
  ck_assert_str_eq(name, "Coinbas");
  memset(name, '#', sizeof name);
  ck_assert_int_eq(mitch_get_market_provider_by_id(341, name, 0), MITCH_OK);
  ck_assert_int_eq(name[0], '#');
  ck_assert_int_eq(mitch_get_market_provider_by_id(342, name, sizeof name),
                   MITCH_ERR_INVALID_DATA);
  /* Sizing call, a short array, the full array. */
  ck_assert_int_eq(mitch_get_all_market_providers(NULL, 0, &count), MITCH_OK);
  ck_assert_uint_eq(count, n);
  ck_assert_int_eq(mitch_get_all_market_providers(ids, 4, &count), MITCH_OK);
  ck_assert_uint_eq(count, n);
  ck_assert(ids[0] == 1 && ids[1] == 2 && ids[2] == 3 && ids[3] == 11);
  all = malloc(n * sizeof *all);
  ck_assert_ptr_nonnull(all);
  ck_assert_int_eq(mitch_get_all_market_providers(all, n, &count), MITCH_OK);
  ck_assert_uint_eq(all[n - 1], 1301);
  free(all);
  ck_assert_int_eq(mitch_get_all_market_providers(NULL, 3, &count), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_get_all_market_providers(ids, 4, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_channel_of_provider) {
  /* protocol.md: Binance ticks -> 0x00657300, NYSE index -> 0x035D6900. */
  mitch_provider p;
  uint32_t ch;
  p = find("Binance", 0.8, NULL);
  ck_assert_int_eq(mitch_create_channel(p.id, 's', &ch), MITCH_OK);
  ck_assert_uint_eq(ch, 0x00657300u);
  p = find("NYSE", 0.8, NULL);
  ck_assert_int_eq(mitch_create_channel(p.id, 'i', &ch), MITCH_OK);
  ck_assert_uint_eq(ch, 0x035D6900u);
}
END_TEST

int main(void) {
  Suite *s = suite_create("provider");
  TCase *tc = tu_tcase("providers");
  tcase_add_test(tc, test_table);
  tcase_add_test(tc, test_exact_names);
  tcase_add_test(tc, test_required_abbreviations);
  tcase_add_test(tc, test_every_abbreviation);
  tcase_add_test(tc, test_typos_and_unknown);
  tcase_add_test(tc, test_bad_input);
  tcase_add_test(tc, test_flat);
  tcase_add_test(tc, test_channel_of_provider);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
