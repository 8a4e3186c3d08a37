/*
 * check_resolve.c - the rules of resolution.md on symbols beyond the
 * conformance sample: asset lookup (names, symbols, classes, tie rules,
 * cleaning, thresholds), ticker resolution step by step, and hostile input.
 *
 * Expected ids are the registry's (../shared/reference/ids): EUR 1301,
 * USD 5001, GBP 401, JPY 2001, CHF 4501, Bitcoin 2701, Ethereum 5801,
 * Tether 17601, Gold 161, S&P 500 6301 ...
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#if !defined(_WIN32)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "mitch.h"
#include "test_util.h"

#define FX MITCH_CLASS_FOREX
#define CR MITCH_CLASS_CRYPTO
#define EQ MITCH_CLASS_EQUITIES
#define CM MITCH_CLASS_COMMODITIES
#define IP MITCH_CLASS_INDICES
#define SD MITCH_CLASS_SOVEREIGN_DEBT

/* ---- assets ---------------------------------------------------------------- */

static mitch_asset find(const char *q, int cls, double min, double *conf) {
  mitch_asset a;
  int st = mitch_asset_find(q, cls, min, &a, conf);
  ck_assert_msg(st == MITCH_OK, "\"%s\": status %d", q, st);
  return a;
}

#define ASSERT_ASSET(q, cls, want_class, want_id)                                          \
  do {                                                                                     \
    double c_;                                                                             \
    mitch_asset a_ = find((q), (cls), 0.8, &c_);                                           \
    ck_assert_msg(a_.asset_class == (want_class) && a_.class_id == (want_id),             \
                  "\"%s\" -> %s (%u/%u), want %u/%u", (q), a_.name, a_.asset_class,       \
                  a_.class_id, (unsigned)(want_class), (unsigned)(want_id));               \
    ck_assert_msg(c_ == 1.0, "\"%s\": exact hit with confidence %g", (q), c_);           \
  } while (0)

START_TEST(test_asset_by_name_and_symbol) {
  ASSERT_ASSET("Bitcoin", -1, CR, 2701);
  ASSERT_ASSET("BTC", -1, CR, 2701);
  ASSERT_ASSET("XBT", -1, CR, 2701); /* a later alias */
  ASSERT_ASSET("US Dollar", -1, FX, 5001);
  ASSERT_ASSET("usdollar", -1, FX, 5001);
  ASSERT_ASSET("Japanese Yen", -1, FX, 2001);
  ASSERT_ASSET("GBP", -1, FX, 401);
  ASSERT_ASSET("Gold", -1, CM, 161);
  ASSERT_ASSET("XAU", -1, CM, 161);
  ASSERT_ASSET("Brent Crude Oil", -1, CM, 21);
  ASSERT_ASSET("S&P 500", -1, IP, 6301);
  ASSERT_ASSET("sp500", -1, IP, 6301);
  ASSERT_ASSET("Nikkei 225", -1, IP, 4701);
  ASSERT_ASSET("United States 10-year Treasury Note", -1, SD, 17601);
  ASSERT_ASSET("US10Y", -1, SD, 17601);
  ASSERT_ASSET("BOBL", -1, SD, 6001);
  ASSERT_ASSET("Apple", -1, EQ, 831);
  ASSERT_ASSET("BRK-B", -1, EQ, 1521);
  ASSERT_ASSET("brkb", -1, EQ, 1521);
  ASSERT_ASSET("Polish Złoty", -1, FX, 3401);
}
END_TEST

START_TEST(test_asset_case_insensitive) {
  static const char *const forms[] = {"EURUSD", "eurusd", "EurUsd", "eUrUsD"};
  static const char *const names[] = {"bitcoin", "BITCOIN", "BitCoin", "btc", "Btc"};
  size_t i;
  uint64_t first = 0;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    ASSERT_ASSET(names[i], -1, CR, 2701);
  for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    mitch_resolution r;
    ck_assert_int_eq(mitch_resolve(forms[i], 0, &r), MITCH_OK);
    if (i == 0)
      first = r.ticker_id;
    ck_assert_uint_eq(r.ticker_id, first);
    ck_assert_uint_eq(r.ticker_id, 0x0305153138900000u);
  }
}
END_TEST

START_TEST(test_asset_business_suffixes) {
  ASSERT_ASSET("Apple Inc.", -1, EQ, 831);
  ASSERT_ASSET("apple inc", -1, EQ, 831);
  ASSERT_ASSET("Microsoft Corp", -1, EQ, 9101);
  ASSERT_ASSET("The Walt Disney Company", -1, EQ, 3971);
  ASSERT_ASSET("Walt Disney", -1, EQ, 3971); /* the registry name is keyed the same way */
  ASSERT_ASSET("3M", -1, EQ, 11);
  ASSERT_ASSET("Ford Motor", -1, EQ, 5081);
  ASSERT_ASSET("XAG", -1, CM, 411); /* one word: keeps its "ag" */
}
END_TEST

START_TEST(test_asset_in_class) {
  ASSERT_ASSET("ETH", -1, CR, 5801);
  ASSERT_ASSET("ETH", IP, IP, 2101);
  ASSERT_ASSET("ETH", CR, CR, 5801);
  ASSERT_ASSET("C", -1, CM, 111);  /* Corn: CM before EQ */
  ASSERT_ASSET("C", EQ, EQ, 2791); /* Citigroup */
  ASSERT_ASSET("CL", EQ, EQ, 2991);
  ASSERT_ASSET("CL", -1, CM, 521);
  {
    mitch_asset a;
    double conf = 5;
    uint32_t id = 9;
    ck_assert_int_eq(mitch_asset_find("Apple", CR, 0.8, &a, &conf), MITCH_ERR_NOT_FOUND);
    ck_assert(conf == 5);
    ck_assert_int_eq(mitch_asset_find("Apple", 14, 0.0, &a, &conf), MITCH_ERR_NOT_FOUND);
    ck_assert_int_eq(mitch_asset_find("Apple", 16, 0.8, &a, &conf),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_asset_find("Apple", -2, 0.8, &a, &conf),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_resolve_asset_in_class("Apple", CR, 0.8, &id, NULL, NULL, 0, NULL,
                                                  0, NULL),
                     MITCH_ERR_INVALID_DATA);
    ck_assert_uint_eq(id, 9);
    ck_assert_int_eq(mitch_resolve_asset_in_class("Appel", EQ, 0.8, &id, NULL, NULL, 0, NULL,
                                                  0, &conf),
                     MITCH_OK);
    ck_assert_uint_eq(id, 831);
    ck_assert(conf < 1);
  }
}
END_TEST

START_TEST(test_asset_tie_rules) {
  /* 1. raw beats punctuation-dropped, even against class precedence:
        "USD+" is Overnight USD (crypto), not US Dollar. */
  ASSERT_ASSET("USD+", -1, CR, 12101);
  ASSERT_ASSET("usd", -1, FX, 5001);
  ASSERT_ASSET("ETH+", -1, CR, 5701);
  ASSERT_ASSET("USD0", -1, CR, 18701);   /* not USD0++ (16401), despite its lower id */
  ASSERT_ASSET("USD0++", -1, CR, 16401);
  ASSERT_ASSET("T&D", -1, EQ, 13381);    /* raw name beats TD's primary symbol */
  ASSERT_ASSET("TD", -1, EQ, 14141);
  /* 3. class precedence FX, CR, CM, IP, EQ, SD. */
  ASSERT_ASSET("ethereum", -1, CR, 5801); /* also an alias of the Ethereum Index */
  ASSERT_ASSET("SSE", -1, IP, 6601);      /* and of two equities */
  ASSERT_ASSET("GAS", -1, CM, 251);
  ASSERT_ASSET("BSX", -1, IP, 6401);
  ASSERT_ASSET("BAX", -1, EQ, 1441);      /* EQ before SD */
  /* 4. a primary symbol beats a later alias beats a name. */
  ASSERT_ASSET("SL", -1, EQ, 12881);     /* Standard Life's symbol, not the company "SL" */
  ASSERT_ASSET("EGX30", -1, IP, 2001);
  ASSERT_ASSET("egx-30", -1, IP, 2001);  /* only keyed hits: the primary symbol wins */
  /* 5. the lower id. */
  ASSERT_ASSET("EGX 30", -1, IP, 1901);  /* both names hit raw */
  ASSERT_ASSET("BA", -1, EQ, 1241);      /* BAE Systems before Boeing */
  ASSERT_ASSET("COMMODITY", -1, IP, 1401); /* a later alias of four indices */
}
END_TEST

START_TEST(test_asset_cleaned_query) {
  ASSERT_ASSET("AAPL.US", -1, EQ, 831);
  ASSERT_ASSET("$BTC", -1, CR, 2701);
  ASSERT_ASSET("^SPX", -1, IP, 6301);
  ASSERT_ASSET("GOLD.cash", -1, CM, 161);
  ASSERT_ASSET("XAU_i", -1, CM, 161);
}
END_TEST

START_TEST(test_asset_threshold) {
  /* JW(appel, apple): m 5, t 1, jaro 14/15, prefix 3 -> 0.95333... */
  double conf = 0;
  mitch_asset a;
  uint32_t id = 7;
  a = find("Appel", -1, 0.9533, &conf);
  ck_assert_uint_eq(a.class_id, 831);
  ck_assert(conf > 0.95333 && conf < 0.95334);
  ck_assert_int_eq(mitch_asset_find("Appel", -1, 0.9534, &a, &conf), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_resolve_asset("Appel", 0.9534, &id, NULL, NULL, NULL, 0, NULL, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(id, 7);
  /* Never a nearest neighbour below the threshold. */
  ck_assert_int_eq(mitch_asset_find("zzqxjv", -1, 0.9, &a, &conf), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_find("Etherium", -1, 1.0, &a, &conf), MITCH_ERR_NOT_FOUND);
  /* An exact hit needs no threshold: it is confidence 1. */
  a = find("BTC", -1, 1.0, &conf);
  ck_assert(conf == 1.0 && a.class_id == 2701);
  a = find("BTC", -1, 2.0, &conf);
  ck_assert(conf == 1.0 && a.class_id == 2701);
  ck_assert_int_eq(mitch_asset_find("BTC", -1, 0.0 / 0.0, &a, &conf),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_resolve_asset("BTC", 0.0 / 0.0, &id, NULL, NULL, NULL, 0, NULL, 0, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

START_TEST(test_asset_typos) {
  static const struct {
    const char *q;
    uint8_t cls;
    uint16_t id;
  } typos[] = {{"Bitcoinn", CR, 2701},        {"Etherum", CR, 5801},   {"Solanna", CR, 14701},
               {"Dogecoyn", CR, 5101},        {"Microsoftt", EQ, 9101}, {"Nvidiaa", EQ, 10191},
               {"Swiss Frank", FX, 4501},     {"Japnese Yen", FX, 2001},
               {"Natral Gas", CM, 251},       {"Dow Jones Industral Average", IP, 1801}};
  size_t i;
  for (i = 0; i < sizeof typos / sizeof typos[0]; i++) {
    double conf;
    mitch_asset a = find(typos[i].q, -1, 0.8, &conf);
    ck_assert_msg(a.asset_class == typos[i].cls && a.class_id == typos[i].id,
                  "\"%s\" -> %s (%u/%u)", typos[i].q, a.name, a.asset_class, a.class_id);
    ck_assert_msg(conf >= 0.8 && conf < 1.0, "\"%s\": confidence %g", typos[i].q, conf);
  }
}
END_TEST

/* ---- tickers ------------------------------------------------------------------ */

static mitch_resolution resolve(const char *sym, uint8_t type) {
  mitch_resolution r;
  int st = mitch_resolve(sym, type, &r);
  ck_assert_msg(st == MITCH_OK, "\"%s\": status %d", sym, st);
  return r;
}

#define ASSERT_PAIR(sym, bc, bi, qc, qi)                                                   \
  do {                                                                                     \
    mitch_resolution r_ = resolve((sym), 0);                                               \
    ck_assert_msg(r_.base.asset_class == (bc) && r_.base.class_id == (bi) &&              \
                      r_.quote.asset_class == (qc) && r_.quote.class_id == (qi),          \
                  "\"%s\" -> %s (%u/%u) / %s (%u/%u) [%s], want %u/%u / %u/%u", (sym),    \
                  r_.base.name, r_.base.asset_class, r_.base.class_id, r_.quote.name,     \
                  r_.quote.asset_class, r_.quote.class_id, r_.steps, (unsigned)(bc),      \
                  (unsigned)(bi), (unsigned)(qc), (unsigned)(qi));                        \
  } while (0)

#define ASSERT_STEPS(sym, phrase)                                                          \
  do {                                                                                     \
    mitch_resolution r_ = resolve((sym), 0);                                               \
    ck_assert_msg(strstr(r_.steps, (phrase)) != NULL, "\"%s\": steps \"%s\" lack \"%s\"", \
                  (sym), r_.steps, (phrase));                                              \
  } while (0)

START_TEST(test_ticker_each_class) {
  ASSERT_PAIR("GBPJPY", FX, 401, FX, 2001);
  ASSERT_PAIR("ETHBTC", CR, 5801, CR, 2701);
  ASSERT_PAIR("MSFT/USD", EQ, 9101, FX, 5001);
  ASSERT_PAIR("XAGUSD", CM, 411, FX, 5001);
  ASSERT_PAIR("NAS100", IP, 4201, FX, 5001);
  ASSERT_PAIR("US10Y", SD, 17601, FX, 5001);
  ASSERT_PAIR("BOBLEUR", SD, 6001, FX, 1301);
}
END_TEST

START_TEST(test_ticker_separators) {
  ASSERT_PAIR("EUR/USD", FX, 1301, FX, 5001);
  ASSERT_PAIR("EUR-USD", FX, 1301, FX, 5001);
  ASSERT_PAIR("EUR_USD", FX, 1301, FX, 5001);
  ASSERT_PAIR("EUR.USD", FX, 1301, FX, 5001);
  ASSERT_PAIR("EUR USD", FX, 1301, FX, 5001);
  ASSERT_PAIR("Euro/US Dollar", FX, 1301, FX, 5001);
  ASSERT_PAIR("Apple Inc./USD", EQ, 831, FX, 5001);
  ASSERT_PAIR("LINK/ETH", CR, 3701, CR, 5801);
  ASSERT_PAIR("ETH/USD", CR, 5801, FX, 5001); /* split, not the index's ETHUSD alias */
  /* The right part must be a currency: these split nowhere. */
  ASSERT_PAIR("S&P 500", IP, 6301, FX, 5001);
  ASSERT_PAIR("Swiss Franc", FX, 4501, FX, 5001);
  ASSERT_PAIR("Euro Stoxx 50", IP, 2301, FX, 5001);
  /* Hyphens and dots inside registry symbols: step 0 keeps them whole. */
  ASSERT_PAIR("BRK-B", EQ, 1521, FX, 5001);
  ASSERT_PAIR("brk-b", EQ, 1521, FX, 5001);
  ASSERT_PAIR("TECK.B", EQ, 13591, FX, 5001);
  ASSERT_STEPS("EUR/USD", "split at \"/\"");
  ASSERT_STEPS("eur usd", "split at \" \"");
}
END_TEST

START_TEST(test_ticker_raw_symbols) {
  /* Cleaning would damage these: "cash", "spot" are broker suffixes. */
  ASSERT_PAIR("Bitcoin Cash", CR, 2501, FX, 5001);
  ASSERT_PAIR("HubSpot", EQ, 6551, FX, 5001);
  ASSERT_PAIR("SPOT", EQ, 12831, FX, 5001);
  /* Pair-like aliases resolve to the asset that lists them. */
  ASSERT_PAIR("ETHUSD", IP, 2101, FX, 5001);
  ASSERT_PAIR("SPXUSD", IP, 6301, FX, 5001);
  ASSERT_PAIR("ETH+", CR, 5701, FX, 5001);
  ASSERT_STEPS("SPOT", "as typed");
}
END_TEST

START_TEST(test_ticker_cleaning) {
  static const char *const eurusd[] = {
      "EURUSD.m",   "EURUSD.zero", "EURUSDpro", "EURUSD.vip", "EURUSD_ecn", "EURUSDstd",
      "EURUSDraw",  "EURUSDstp",   "EURUSD#",   "EURUSD!",    "EURUSD+",    "#EURUSD",
      "^EURUSD",    "_EURUSD",     "EURUSD$micro", "EURUSD.micro", "EURUSDusx", "EURUSD-d",
      "EURUSD.US",  "EURUSD.cash", "$EURUSD.spot", "EURUSD.b",   "EURUSD^i"};
  size_t i;
  for (i = 0; i < sizeof eurusd / sizeof eurusd[0]; i++)
    ASSERT_PAIR(eurusd[i], FX, 1301, FX, 5001);
  ASSERT_STEPS("US30.cash", "stripped \".cash\"");
  ASSERT_STEPS("EURUSD$micro", "stripped \"$micro\"");
  ASSERT_STEPS("^SPX", "stripped \"^\"");
  ASSERT_STEPS("EURUSD.m", "stripped \".m\"");
  /* Only one leading character goes. */
  {
    mitch_resolution r;
    int st = mitch_resolve("^^EURUSD", 0, &r);
    ck_assert(st != MITCH_OK || strstr(r.steps, "stripped \"^\"") != NULL);
  }
}
END_TEST

START_TEST(test_ticker_concatenated) {
  ASSERT_PAIR("USDJPY", FX, 5001, FX, 2001);  /* not JPY/USD */
  ASSERT_PAIR("GBPJPY", FX, 401, FX, 2001);   /* not JPY/GBP */
  ASSERT_PAIR("USDTRY", FX, 5001, FX, 4701);  /* b: fiat at the end */
  ASSERT_PAIR("EURNOK", FX, 1301, FX, 2901);
  ASSERT_PAIR("ETHUSDT", CR, 5801, CR, 17601); /* the crypto, not the index */
  ASSERT_PAIR("BTCUSDC", CR, 2701, CR, 18501);
  ASSERT_PAIR("EURGBP", FX, 1301, FX, 401);
  ASSERT_PAIR("XAUJPY", CM, 161, FX, 2001);
  ASSERT_PAIR("USDEuro", FX, 5001, FX, 1301); /* c: major at the start, fiat after */
  ASSERT_STEPS("USDEuro", "base usd at start");
  ASSERT_STEPS("EURUSD", "quote usd at end");
  ASSERT_STEPS("USDTRY", "fiat quote try at end");
  /* A quote that is neither major nor fiat is never taken. */
  ASSERT_PAIR("EURUSDM", FX, 1301, FX, 5001); /* not the stablecoin USDM */
  ASSERT_PAIR("EURUSDz", FX, 1301, FX, 5001); /* not the stablecoin USDZ */
  {
    mitch_resolution r;
    int st = mitch_resolve("ETHLINK", 0, &r);
    ck_assert(st != MITCH_OK || !(r.quote.asset_class == CR && r.quote.class_id == 3701));
  }
}
END_TEST

START_TEST(test_ticker_account_letter) {
  static const char letters[] = "mzbrdiMZBRDI";
  size_t i;
  for (i = 0; letters[i]; i++) {
    char sym[16];
    strcpy(sym, "EURUSD");
    sym[6] = letters[i];
    sym[7] = '\0';
    ASSERT_PAIR(sym, FX, 1301, FX, 5001);
    ASSERT_STEPS(sym, "dropped account letter");
  }
  /* "c" completes USDC before step 5 is reached. */
  ASSERT_PAIR("EURUSDc", FX, 1301, CR, 18501);
  ASSERT_PAIR("GBPJPYm", FX, 401, FX, 2001);
  /* Only one letter, and only from the list. */
  {
    mitch_resolution r;
    int st = mitch_resolve("EURUSDmm", 0, &r);
    ck_assert(st != MITCH_OK || r.confidence < 1.0);
    st = mitch_resolve("EURUSDx", 0, &r);
    ck_assert(st != MITCH_OK || r.confidence < 1.0);
  }
}
END_TEST

START_TEST(test_ticker_other_leg_rule) {
  /* "U.S.D" keys to usd without equalling any alias: US Dollar (FX) and
     Overnight USD ("USD+", crypto) tie on rule 1, and a crypto quote pulls
     the base towards crypto (rule 2) where class precedence would not. */
  ASSERT_PAIR("U.S.D/BTC", CR, 12101, CR, 2701);
  ASSERT_PAIR("U.S.D/EUR", FX, 5001, FX, 1301);
}
END_TEST

START_TEST(test_ticker_fuzzy_fallback) {
  mitch_resolution r = resolve("Bitcoinn", 0);
  ck_assert_uint_eq(r.base.class_id, 2701);
  ck_assert_uint_eq(r.quote.class_id, 5001);
  ck_assert(r.confidence >= 0.7 && r.confidence < 1.0);
  ck_assert_ptr_nonnull(strstr(r.steps, "fuzzy"));
  /* Fuzzy is at 0.7 and short keys match easily ("zzqxjv" reaches the
     FTSE 100 alias "Z" at 0.75), so the not-found case has no z at all. */
  ck_assert_int_eq(mitch_resolve("qqqqxxxx", 0, &r), MITCH_ERR_NOT_FOUND);
}
END_TEST

START_TEST(test_ticker_instrument_types) {
  unsigned t;
  for (t = 0; t < 16; t++) {
    mitch_resolution r = resolve("EURUSD", (uint8_t)t);
    ck_assert_uint_eq(r.ticker_id >> 60, t);
    ck_assert_uint_eq(r.instrument_type, t);
    ck_assert_uint_eq(r.ticker_id & 0x0FFFFFFFFFFFFFFFu, 0x0305153138900000u);
  }
  {
    mitch_resolution r;
    uint64_t id = 5;
    ck_assert_int_eq(mitch_resolve("EURUSD", 16, &r), MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_resolve_ticker("EURUSD", 255, &id, NULL, NULL, NULL),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_uint_eq(id, 5);
  }
}
END_TEST

START_TEST(test_ticker_errors) {
  mitch_resolution r, pattern;
  uint64_t id = 99;
  uint32_t b = 1, q = 2;
  double c = 3;
  memset(&pattern, 0xA5, sizeof pattern);
  r = pattern;
  ck_assert_int_eq(mitch_resolve(NULL, 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("EURUSD", 0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("", 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("   ", 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("^", 0, &r), MITCH_ERR_INVALID_DATA);  /* cleans to nothing */
  ck_assert_int_eq(mitch_resolve("._", 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("!!!", 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve("USD", 0, &r), MITCH_ERR_NOT_FOUND);   /* base == quote */
  ck_assert_int_eq(mitch_resolve("usd", 0, &r), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_resolve("EUR/EUR", 0, &r), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_resolve("EUREUR", 0, &r), MITCH_ERR_NOT_FOUND);
  ck_assert(memcmp(&r, &pattern, sizeof r) == 0); /* untouched on failure */
  /* The flat call: not found is 1, outputs untouched. */
  ck_assert_int_eq(mitch_resolve_ticker("USD", 0, &id, &b, &q, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_ticker("", 0, &id, &b, &q, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_ticker(NULL, 0, &id, &b, &q, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_ticker("EURUSD", 0, NULL, &b, &q, &c), MITCH_ERR_INVALID_DATA);
  ck_assert(id == 99 && b == 1 && q == 2 && c == 3);
  /* Optional outputs may be NULL. */
  ck_assert_int_eq(mitch_resolve_ticker("EURUSD", 0, &id, NULL, NULL, NULL), MITCH_OK);
  ck_assert_uint_eq(id, 0x0305153138900000u);
}
END_TEST

/* Any status but a crash; a success is a valid pair. */
static void assert_sane(const char *sym) {
  mitch_resolution r;
  int st = mitch_resolve(sym, 0, &r);
  ck_assert_msg(st == MITCH_OK || st == MITCH_ERR_NOT_FOUND || st == MITCH_ERR_INVALID_DATA,
                "status %d", st);
  if (st == MITCH_OK) {
    ck_assert_int_eq(mitch_validate_ticker_id(r.ticker_id), MITCH_OK);
    ck_assert(r.confidence >= 0.7 && r.confidence <= 1.0);
    ck_assert(memchr(r.steps, '\0', sizeof r.steps) != NULL);
  }
}

START_TEST(test_single_characters_and_bytes) {
  unsigned c;
  for (c = 1; c < 256; c++) {
    char s[2];
    mitch_asset a;
    mitch_provider p;
    s[0] = (char)c;
    s[1] = '\0';
    assert_sane(s);
    (void)mitch_asset_find(s, -1, 0.5, &a, NULL);
    (void)mitch_provider_find(s, 0.5, &p, NULL);
  }
  assert_sane("\xff\xfe\xfd");
  assert_sane("EUR\xffUSD");
  assert_sane("\xc3(");          /* truncated sequence */
  assert_sane("\xed\xa0\x80");   /* a UTF-16 surrogate */
  assert_sane("\xf4\x90\x80\x80" "EURUSD"); /* beyond U+10FFFF */
  assert_sane("€/$");
  assert_sane("E");
  assert_sane("m");
}
END_TEST

START_TEST(test_long_input) {
  char *big = malloc((1u << 20) + 1);
  mitch_resolution r;
  mitch_asset a;
  mitch_provider p;
  uint64_t id;
  uint32_t aid;
  uint16_t pid;
  ck_assert_ptr_nonnull(big);
  memset(big, 'A', 1u << 20);
  big[1u << 20] = '\0'; /* 1 MB */
  ck_assert_int_eq(mitch_resolve(big, 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_asset_find(big, -1, 0.8, &a, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find(big, 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_ticker(big, 0, &id, NULL, NULL, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_asset(big, 0.8, &aid, NULL, NULL, NULL, 0, NULL, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_find_market_provider(big, 0.8, &pid, NULL, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
  /* MITCH_QUERY_MAX bytes are accepted, one more is not. */
  big[MITCH_QUERY_MAX + 1] = '\0';
  ck_assert_int_eq(mitch_resolve(big, 0, &r), MITCH_ERR_INVALID_DATA);
  big[MITCH_QUERY_MAX] = '\0';
  ck_assert_int_ne(mitch_resolve(big, 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_ne(mitch_asset_find(big, -1, 0.8, &a, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_ne(mitch_provider_find(big, 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  /* ...also as a fuzzy query against every key (threshold 0). */
  ck_assert_int_eq(mitch_asset_find(big, -1, 0.0, &a, NULL), MITCH_OK);
  /* A long query that ends in a real pair. */
  memset(big, ' ', MITCH_QUERY_MAX);
  memcpy(big + MITCH_QUERY_MAX - 6, "EURUSD", 6);
  ck_assert_int_eq(mitch_resolve(big, 0, &r), MITCH_OK);
  ck_assert_uint_eq(r.ticker_id, 0x0305153138900000u);
  free(big);
}
END_TEST

#if !defined(_WIN32)
/* A query with no NUL within MITCH_QUERY_MAX + 1 bytes, right before an
   unreadable page: the length scan must stop in time. */
START_TEST(test_bounded_scan) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *q;
  mitch_resolution r;
  mitch_asset a;
  mitch_provider p;
  double s;
  char key[8];
  ck_assert(mem != MAP_FAILED);
  ck_assert_int_eq(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
  q = (char *)mem + page - (MITCH_QUERY_MAX + 1);
  memset(q, 'E', MITCH_QUERY_MAX + 1);
  ck_assert_int_eq(mitch_resolve(q, 0, &r), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_asset_find(q, -1, 0.8, &a, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find(q, 0.8, &p, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_name_key(q, key, sizeof key, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_jaro_winkler(q, "x", &s), MITCH_ERR_INVALID_DATA);
  /* The longest accepted query ends on the page's last byte. */
  q[MITCH_QUERY_MAX] = '\0';
  ck_assert_int_ne(mitch_resolve(q, 0, &r), MITCH_ERR_INVALID_DATA);
  munmap(mem, (size_t)page * 2);
}
END_TEST
#endif

START_TEST(test_result_fields) {
  mitch_resolution r = resolve("BTC-USDT", MITCH_PERPETUAL_SWAP);
  ck_assert_uint_eq(r.ticker_id, 0x460a8d644c100000u);
  ck_assert_str_eq(r.base.name, "Bitcoin");
  ck_assert_str_eq(r.base.symbol, "BTC");
  ck_assert_str_eq(r.base.aliases, "BTC|XBT");
  ck_assert_uint_eq(r.base.asset_id, 0x60A8D);
  ck_assert_str_eq(r.quote.name, "Tether");
  ck_assert_str_eq(r.quote.symbol, "USDT");
  ck_assert_uint_eq(r.quote.asset_id, (6u << 16) | 17601u);
  ck_assert(r.confidence == 1.0);
  ck_assert_int_eq(mitch_validate_ticker_id(r.ticker_id), MITCH_OK);
}
END_TEST

int main(void) {
  Suite *s = suite_create("resolve");
  TCase *tc = tu_tcase("assets");
  tcase_add_test(tc, test_asset_by_name_and_symbol);
  tcase_add_test(tc, test_asset_case_insensitive);
  tcase_add_test(tc, test_asset_business_suffixes);
  tcase_add_test(tc, test_asset_in_class);
  tcase_add_test(tc, test_asset_tie_rules);
  tcase_add_test(tc, test_asset_cleaned_query);
  tcase_add_test(tc, test_asset_threshold);
  tcase_add_test(tc, test_asset_typos);
  suite_add_tcase(s, tc);
  tc = tu_tcase("tickers");
  tcase_add_test(tc, test_ticker_each_class);
  tcase_add_test(tc, test_ticker_separators);
  tcase_add_test(tc, test_ticker_raw_symbols);
  tcase_add_test(tc, test_ticker_cleaning);
  tcase_add_test(tc, test_ticker_concatenated);
  tcase_add_test(tc, test_ticker_account_letter);
  tcase_add_test(tc, test_ticker_other_leg_rule);
  tcase_add_test(tc, test_ticker_fuzzy_fallback);
  tcase_add_test(tc, test_ticker_instrument_types);
  tcase_add_test(tc, test_result_fields);
  suite_add_tcase(s, tc);
  tc = tu_tcase("hostile input");
  tcase_add_test(tc, test_ticker_errors);
  tcase_add_test(tc, test_single_characters_and_bytes);
  tcase_add_test(tc, test_long_input);
#if !defined(_WIN32)
  tcase_add_test(tc, test_bounded_scan);
#endif
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
