/*
 * check_resolve_rules.c - an independent audit of resolution.md on symbols
 * that are not in the conformance sample: every cleaning step, raw
 * whole-symbol hits, each separator, whole symbols, concatenated pairs
 * (4a, 4b, 4c), the account letter, fuzzy fallback, errors, the five tie
 * rules, case, non-ASCII names, business suffixes, providers, thresholds,
 * Jaro-Winkler on published values, instrument types and hostile input.
 *
 * Every expected value was derived by hand from resolution.md and the
 * registry facts in ../shared/reference/ids (ids quoted there); fuzzy
 * scores were computed independently (a brute-force Jaro-Winkler over the
 * whole reference, written from the document) and are written here as the
 * exact fractions they are.  The ticker id is recomposed from protocol.md's
 * bit layout, not taken from mitch_create_ticker_id.
 *
 * Each table reports all of its mismatches at once, so one run lists every
 * disagreement.
 */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define EQ 0
#define SD 2
#define FX 3
#define CM 4
#define CR 6
#define IP 10

/* Registry ids used again and again (the reference CSV files). */
#define USD FX, 5001
#define EUR FX, 1301
#define GBP FX, 401
#define JPY FX, 2001
#define CHF FX, 4501
#define CAD FX, 601
#define AUD FX, 101
#define PLN FX, 3401
#define BTC CR, 2701
#define ETH CR, 5801
#define USDT CR, 17601
#define USDC CR, 18501

/* Collected mismatches of one table. */
typedef struct report {
  char text[16384];
  size_t len;
  unsigned failures;
} report;

#if defined(__GNUC__)
static void report_add(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static void report_add(report *r, const char *fmt, ...) {
  va_list ap;
  int n;
  size_t room;
  r->failures++;
  if (r->len + 3 > sizeof r->text)
    return; /* full: the count still says how many */
  room = sizeof r->text - r->len - 1; /* keep one byte for the newline */
  va_start(ap, fmt);
  n = vsnprintf(r->text + r->len, room, fmt, ap);
  va_end(ap);
  if (n > 0)
    r->len += (size_t)n < room ? (size_t)n : room - 1;
  r->text[r->len++] = '\n';
  r->text[r->len] = '\0';
}

#define ASSERT_REPORT(r) ck_assert_msg((r).failures == 0, "%u mismatch(es):\n%s", (r).failures, (r).text)

static int same_score(double got, unsigned num, unsigned den) {
  return fabs(got - (double)num / (double)den) < 1e-12;
}

/* protocol.md: bits 63..60 type, 59..56 base class, 55..40 base id,
   39..36 quote class, 35..20 quote id, 19..0 sub-type. */
static uint64_t ticker_id_of(unsigned type, unsigned bc, unsigned bi, unsigned qc, unsigned qi) {
  return ((uint64_t)type << 60) | ((uint64_t)bc << 56) | ((uint64_t)bi << 40) |
         ((uint64_t)qc << 36) | ((uint64_t)qi << 20);
}

/* ---- tickers ------------------------------------------------------------ */

typedef struct ticker_case {
  const char *symbol;
  int status; /* of mitch_resolve */
  unsigned bc, bi, qc, qi;
  unsigned num, den; /* expected confidence num/den */
  const char *why;
} ticker_case;

/* PAIR(symbol, base class, base id, quote class, quote id, why): an exact
   pair; FUZZY(symbol, base class, base id, num, den, why): a fuzzy base at
   score num/den against US Dollar; FAILS(symbol, status, why).  The
   indirection lets USD, EUR, ... expand to their two numbers first. */
#define PAIR(sym, ...) PAIR_(sym, __VA_ARGS__)
#define PAIR_(sym, bc, bi, qc, qi, why) {sym, MITCH_OK, bc, bi, qc, qi, 1, 1, why}
#define FUZZY(sym, ...) FUZZY_(sym, __VA_ARGS__)
#define FUZZY_(sym, bc, bi, num, den, why) {sym, MITCH_OK, bc, bi, FX, 5001, num, den, why}
#define FAILS(sym, st, why) {sym, st, 0, 0, 0, 0, 0, 1, why}

static const ticker_case tickers[] = {
    /* Step 1: one leading ^ . $ # _ */
    PAIR("^NDX", IP, 4201, USD, "leading ^, NDX is NASDAQ 100's symbol"),
    PAIR(".FTSE", IP, 2401, USD, "leading ., FTSE is an alias of FTSE 100"),
    PAIR("$AAPL", EQ, 831, USD, "leading $"),
    PAIR("#XAUUSD", CM, 161, USD, "leading #, then 4a"),
    PAIR("_GBPUSD", GBP, USD, "leading _"),
    PAIR("^^SPX", IP, 6301, USD, "one ^ stripped; the key of ^SPX is spx (step 3)"),
    FAILS("#", MITCH_ERR_INVALID_DATA, "nothing but a leading character"),
    FAILS("$", MITCH_ERR_INVALID_DATA, "nothing but a leading character"),
    FAILS("^$", MITCH_ERR_INVALID_DATA, "cleans to nothing"),
    /* Step 1: standalone suffixes, compound suffixes */
    PAIR("AUDJPYusx", AUD, JPY, "standalone usx"),
    PAIR("AUDJPYmini", AUD, JPY, "standalone mini"),
    PAIR("AUDJPYmicro", AUD, JPY, "standalone micro"),
    PAIR("AUDJPYcash", AUD, JPY, "standalone cash"),
    PAIR("AUDJPYspot", AUD, JPY, "standalone spot"),
    PAIR("AUDJPYecn", AUD, JPY, "standalone ecn"),
    PAIR("AUDJPYzero", AUD, JPY, "standalone zero"),
    PAIR("AUDJPYpro", AUD, JPY, "standalone pro"),
    PAIR("AUDJPYraw", AUD, JPY, "standalone raw"),
    PAIR("AUDJPYstd", AUD, JPY, "standalone std"),
    PAIR("AUDJPYstp", AUD, JPY, "standalone stp"),
    PAIR("AUDJPYvip", AUD, JPY, "standalone vip"),
    PAIR("AUDJPYMINI", AUD, JPY, "suffixes are case-insensitive"),
    PAIR("AUDJPY.ecn", AUD, JPY, "compound .ecn"),
    PAIR("AUDJPY_pro", AUD, JPY, "compound _pro"),
    PAIR("AUDJPY-raw", AUD, JPY, "compound -raw"),
    PAIR("AUDJPY$std", AUD, JPY, "compound $std"),
    PAIR("AUDJPY#stp", AUD, JPY, "compound #stp"),
    PAIR("AUDJPY^vip", AUD, JPY, "compound ^vip"),
    PAIR("AUDJPY-cash", AUD, JPY, "compound -cash"),
    PAIR("AUDJPY.pro.m", AUD, JPY, ".m then pro; the '.' left over is not part of the key"),
    PAIR("AUDJPYmini.m", AUD, JPY, ".m then mini"),
    PAIR("AUDJPYzero!", AUD, JPY, "! then zero"),
    /* "A suffix is only stripped when something is left." */
    PAIR(".spot", EQ, 12831, USD, "spot stays: SPOT is Spotify's symbol (step 3)"),
    PAIR(".c", CM, 111, USD, "c stays; C is Corn (CM before EQ Citigroup)"),
    PAIR("_z", IP, 2401, USD, "z stays; Z is an alias of FTSE 100"),
    PAIR(".b", EQ, 1421, USD, "b stays; B is Barrick Gold"),
    FUZZY("mini", EQ, 9371, 17, 20, "mini stays, nothing has that key: fuzzy MNDI (Mondi)"),
    FUZZY(".cash", EQ, 2061, 14, 15, "cash stays: fuzzy CAH (Cardinal Health)"),
    FUZZY("cash", EQ, 2061, 14, 15, "cash stays: fuzzy CAH (Cardinal Health)"),
    /* Step 1: a trailing delimiter or + ! */
    PAIR("EURJPY-", EUR, JPY, "trailing -"),
    PAIR("EURJPY_", EUR, JPY, "trailing _"),
    PAIR("EURJPY.", EUR, JPY, "trailing ."),
    PAIR("EURJPY$", EUR, JPY, "trailing $"),
    PAIR("EURJPY^", EUR, JPY, "trailing ^"),
    PAIR("EURJPY#", EUR, JPY, "trailing #"),
    PAIR("EURJPY+", EUR, JPY, "trailing +"),
    PAIR("EURJPY!", EUR, JPY, "trailing !"),
    PAIR("EURJPY!!", EUR, JPY, "twice"),
    PAIR("BTC+", BTC, USD, "BTC+ is no registry string: + is stripped"),
    FAILS("!", MITCH_ERR_INVALID_DATA, "punctuation only"),
    FAILS("+", MITCH_ERR_INVALID_DATA, "punctuation only"),
    /* Step 0: registry strings as typed, which cleaning would damage */
    PAIR("Capgemini", EQ, 2031, USD, "would lose mini"),
    PAIR("Trend Micro", EQ, 14311, USD, "would lose Micro"),
    PAIR("SUGARRAW", CM, 471, USD, "an alias of Sugar"),
    PAIR("NOVO-B", EQ, 10081, USD, "would lose -B"),
    PAIR("novo-b", EQ, 10081, USD, "case aside"),
    PAIR("HM-B", EQ, 6231, USD, "Hennes & Mauritz"),
    PAIR("DC.", EQ, 3981, USD, "Dixons Carphone's DC., not Milk's DC (rule 1)"),
    PAIR("DC", CM, 241, USD, "Milk's DC as typed"),
    PAIR("Prosus N.V.", EQ, 11021, USD, "a name with dots"),
    PAIR("BITCOIN CASH", CR, 2501, USD, "would lose CASH"),
    PAIR("Brazil 5-year NTN-B", SD, 2001, USD, "would lose -B"),
    PAIR("USD+", CR, 12101, USD, "Overnight USD as typed"),
    PAIR("USD0++", CR, 16401, USD, "Staked Usual USD as typed"),
    PAIR("ethusd", IP, 2101, USD, "pair-like alias of the Ethereum Index"),
    PAIR("DJIUSD", IP, 1801, USD, "pair-like alias of the Dow"),
    PAIR("VIXUSD", IP, 7501, USD, "pair-like alias of the VIX"),
    PAIR("HSIHKD", IP, 2701, USD, "the asset listing it, quote US Dollar (not HKD)"),
    PAIR("UKCGBP", IP, 2401, USD, "the asset listing it, quote US Dollar (not GBP)"),
    PAIR("EXCEUR", IP, 2301, USD, "Euro Stoxx 50's alias"),
    PAIR("ETHUSD.m", IP, 2101, USD, "cleaned to ETHUSD, an exact key: step 3"),
    PAIR("USDm", CR, 10801, USD, "equals USDM (Mountain Protocol USD) as typed"),
    PAIR("Trend Micro Inc", EQ, 14311, USD, "not raw; key trendmicro (suffix word dropped)"),
    PAIR("NOVO B", EQ, 10081, USD, "B is no currency; key novob is NOVO-B's"),
    /* Step 2: explicit separators; the right part must be a currency */
    PAIR("BRK-B/USD", EQ, 1521, USD, "BRK is no key: the split is at /"),
    PAIR("TECK.B/CAD", EQ, 13591, CAD, "TECK is no key: the split is at /"),
    PAIR("Bitcoin Cash/USDT", CR, 2501, USDT, "Cash/USDT is no currency"),
    PAIR("Swiss Franc/Japanese Yen", CHF, JPY, "Franc/... is no currency"),
    PAIR("US Dollar/Japanese Yen", USD, JPY, "names on both sides"),
    PAIR("Euro Stoxx 50/EUR", IP, 2301, EUR, "spaces inside the base"),
    PAIR("S&P 500/EUR", IP, 6301, EUR, "S&P keys to SP (an S&P 500 alias) but 500/EUR is no currency"),
    PAIR("GOLD/SILVER", IP, 5301, USD, "SILVER is no currency; GOLDSILVER is PHLX Gold/Silver (step 3)"),
    PAIR("BTC.ETH", BTC, ETH, "split at ."),
    PAIR("ETH_BTC", ETH, BTC, "split at _"),
    PAIR("eth btc", ETH, BTC, "split at a space"),
    PAIR("XAU-EUR", CM, 161, EUR, "split at -"),
    PAIR("AAPL_EUR", EQ, 831, EUR, "any asset as base"),
    PAIR("Apple/Euro", EQ, 831, EUR, "names"),
    PAIR("Gold/Bitcoin", CM, 161, BTC, "a crypto quote"),
    PAIR("COP/USD", FX, 901, USD, "COP: Colombian Peso (FX) before ConocoPhillips (EQ)"),
    PAIR("BTC/U S D", BTC, CR, 12101, "quote key usd, no raw hit: rule 2 takes the crypto Overnight USD"),
    PAIR("A/USDT", CR, 18801, USDT, "A: Vaulta (CR) before Agilent (EQ)"),
    PAIR("EUR/USDm", EUR, CR, 10801, "USDm is the exact key of a crypto: step 2 takes it"),
    PAIR("EUR/USD.m", EUR, USD, "cleaned first"),
    PAIR("ETH+/USDT", CR, 5701, USDT, "rule 1: ETH+ as typed is Ethereum Plus"),
    PAIR("USD/BTC", USD, BTC, "rule 1: USD as typed is US Dollar, despite the crypto quote"),
    PAIR("DASH/USD", CR, 4901, USD, "Dash (CR) before DoorDash (EQ)"),
    PAIR("C/USD", CM, 111, USD, "Corn (CM) before Citigroup (EQ)"),
    PAIR("ETH/EUR", ETH, EUR, "Ethereum (CR) before the Ethereum Index (IP)"),
    PAIR("Polish Złoty/JPY", PLN, JPY, "a non-ASCII name"),
    FUZZY("AAPL/MSFT", EQ, 831, 9, 10, "MSFT is no currency: fuzzy aaplmsft"),
    FUZZY("XAU/XAG", CM, 161, 53, 60, "XAG is no currency: fuzzy xauxag"),
    FUZZY("AAPL/US", EQ, 831, 14, 15, "US is no key ('/' is no cleaning delimiter)"),
    /* Step 3: whole symbols */
    PAIR("USOIL.cash", CM, 521, USD, "WTI"),
    PAIR("DE30", IP, 1601, USD, "DAX"),
    PAIR("HK50", IP, 2701, USD, "Hang Seng"),
    PAIR("AUS200", IP, 201, USD, "ASX 200"),
    PAIR("US2000", IP, 6101, USD, "Russell 2000"),
    PAIR("USTEC", IP, 4201, USD, "NASDAQ 100"),
    PAIR("DXY", IP, 7401, USD, "US Dollar Index"),
    PAIR("USDX", CR, 15001, USD, "two cryptos (lower id) before the index's alias"),
    PAIR("Japanese Yen", JPY, USD, "a name"),
    PAIR("Tether", USDT, USD, "a name"),
    PAIR("Brent", CM, 21, USD, "an alias"),
    PAIR("GAS", CM, 251, USD, "Natural Gas (CM) before Gas Natural SDG (EQ)"),
    PAIR("W", CR, 19101, USD, "Wormhole (CR) before Wheat (CM)"),
    PAIR("S", CR, 14901, USD, "Sonic (CR) before Soybeans (CM)"),
    PAIR("IP", CR, 16701, USD, "Story (CR) before International Paper (EQ)"),
    PAIR("COP", FX, 901, USD, "Colombian Peso"),
    PAIR("DASH", CR, 4901, USD, "Dash"),
    PAIR("A", CR, 18801, USD, "Vaulta"),
    /* Step 4a: a major quote at the end */
    PAIR("SOLUSDC", CR, 14701, USDC, "usdc"),
    PAIR("ADAUSD", CR, 3501, USD, "usd"),
    PAIR("AAPLEUR", EQ, 831, EUR, "eur"),
    PAIR("XAGGBP", CM, 411, GBP, "gbp"),
    PAIR("US30EUR", IP, 1801, EUR, "an index base"),
    PAIR("NZDJPY", FX, 2701, JPY, "jpy"),
    PAIR("EURCAD", EUR, CAD, "cad"),
    PAIR("GBPAUD", GBP, AUD, "aud"),
    PAIR("CADCHF", CAD, CHF, "chf"),
    PAIR("LINKBTC", CR, 3701, BTC, "btc"),
    PAIR("SOLETH", CR, 14701, ETH, "eth"),
    PAIR("ETHUSDC", ETH, USDC, "usdc"),
    PAIR("USDCUSDT", USDC, USDT, "usdt"),
    PAIR("USDTUSD", USDT, USD, "usd after a stablecoin"),
    PAIR("JPYUSD", JPY, USD, "usd"),
    PAIR("XNGUSD", CM, 251, USD, "XNG is Natural Gas"),
    PAIR("GBPUSDc", GBP, USDC, "usdc completes before step 5"),
    PAIR("GBPUSD.c", GBP, USD, ".c is a delimiter suffix"),
    PAIR("ETH+USDT", ETH, USDT, "the key is ethusdt: no raw ETH+ any more"),
    PAIR("USDBTC", USD, BTC, "rest usd equals US Dollar's USD"),
    PAIR("MATICUSDT", CR, 12801, USDT, "Polygon 12801 (MATIC)"),
    PAIR("POLUSDT", CR, 12901, USDT, "Polygon 12901 (POL)"),
    FUZZY("XRPUSDT", IP, 4001, 17, 21, "XRP is not in the registry: fuzzy (MOEX's RUS)"),
    /* Step 4b: a fiat currency in the last three characters */
    PAIR("USDHUF", USD, FX, 1601, "Hungarian Forint"),
    PAIR("EURPLN", EUR, PLN, "Polish Złoty"),
    PAIR("GBPSEK", GBP, FX, 4401, "Swedish Krona"),
    PAIR("CHFNOK", CHF, FX, 2901, "Norwegian Krone"),
    PAIR("XAUTRY", CM, 161, FX, 4701, "Turkish Lira"),
    PAIR("BTCZAR", BTC, FX, 4101, "South African Rand"),
    PAIR("AAPLMXN", EQ, 831, FX, 2401, "Mexican Peso"),
    PAIR("USDCOP", USD, FX, 901, "Colombian Peso"),
    PAIR("EURDKK", EUR, FX, 1101, "Danish Krone"),
    PAIR("USDINR", USD, FX, 1701, "Indian Rupee"),
    PAIR("USDCNY", USD, FX, 801, "Chinese Renminbi, not usdc + ny"),
    PAIR("USDTTRY", USDT, FX, 4701, "Tether against the lira"),
    PAIR("ETHKRW", ETH, FX, 4201, "South Korean Won"),
    PAIR("USDTRYm", USD, FX, 4701, "step 5 then 4b"),
    /* Step 4c: a major at the start, the rest a fiat currency */
    PAIR("USDSwiss Franc", USD, CHF, "rest swissfranc"),
    PAIR("GBPEuro", GBP, EUR, "rest euro"),
    PAIR("CHFPolish Złoty", CHF, PLN, "rest polishzłoty"),
    PAIR("EURJapanese Yen", EUR, JPY, "rest japaneseyen"),
    PAIR("BTCUS Dollar", BTC, USD, "rest usdollar"),
    PAIR("ETHEuro", ETH, EUR, "base eth is Ethereum"),
    FUZZY("USDBitcoin", BTC, 9, 10, "bitcoin is neither fiat nor a major key"),
    FUZZY("EURAAPL", EUR, 13, 15, "AAPL is no currency: never EUR/AAPL"),
    /* A quote that is neither major nor fiat is never taken */
    FUZZY("BTCDAI", BTC, 53, 60, "never BTC/DAI"),
    FUZZY("SOLBNB", EQ, 12731, 14, 15, "never SOL/BNB (fuzzy SOLB, Solvay)"),
    PAIR("BTCUSDM", BTC, USD, "not USDM: step 5"),
    PAIR("GBPUSDD", GBP, USD, "not USDD: step 5"),
    PAIR("GBPUSDB", GBP, USD, "step 5"),
    /* Step 5: one trailing account letter */
    PAIR("AUDUSDm", AUD, USD, "m"),
    PAIR("AUDUSDz", AUD, USD, "z (not USDZ, Anzen USD)"),
    PAIR("AUDUSDb", AUD, USD, "b"),
    PAIR("AUDUSDr", AUD, USD, "r"),
    PAIR("AUDUSDd", AUD, USD, "d (not USDD)"),
    PAIR("AUDUSDi", AUD, USD, "i"),
    PAIR("AUDUSDR", AUD, USD, "upper case R"),
    PAIR("AUDUSDc", AUD, USDC, "c: usdc at the end wins first (4a)"),
    PAIR("US30m", IP, 1801, USD, "then step 3"),
    PAIR("BTCm", BTC, USD, "then step 3"),
    PAIR("Goldm", CM, 161, USD, "then step 3"),
    PAIR("XAUUSDi", CM, 161, USD, "then 4a"),
    PAIR("BTCUSDTm", BTC, USDT, "then 4a"),
    FUZZY("EURUSDmm", CR, 5201, 13, 15, "only one letter: fuzzy (eUSD)"),
    FUZZY("EURUSDx", CR, 5201, 31, 35, "x is no account letter: fuzzy (eUSD)"),
    /* Step 7: errors */
    FAILS("", MITCH_ERR_INVALID_DATA, "empty"),
    FAILS("   ", MITCH_ERR_INVALID_DATA, "blank"),
    FAILS("US Dollar", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("USD.m", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("USDUSD", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("Euro/EUR", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("BTC/XBT", MITCH_ERR_NOT_FOUND, "base == quote (XBT is Bitcoin)"),
    FAILS("XBTBTC", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("EUREUR.m", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("USD/USD", MITCH_ERR_NOT_FOUND, "base == quote"),
    FAILS("Us Dolar", MITCH_ERR_NOT_FOUND, "fuzzy US Dollar against US Dollar"),
    /* Tie rules */
    PAIR("DIS", EQ, 3971, USD, "rule 5: Disney 3971 before 13901"),
    PAIR("Polygon/USDT", CR, 12801, USDT, "rule 5: Polygon 12801 before 12901"),
    PAIR("EGX 30", IP, 1901, USD, "two raw names: rule 5"),
    PAIR("EGX30", IP, 2001, USD, "raw primary symbol of 2001"),
    PAIR("CASE30", IP, 1901, USD, "primary symbol of 1901"),
    PAIR("AJG", EQ, 961, USD, "rule 5: Gallagher 961 before 5281"),
    PAIR("GLE", EQ, 5651, USD, "rule 5: Groupe Societe Generale 5651 before 12681"),
    PAIR("SO", EQ, 12811, USD, "rule 5: Southern Company 12811 before 13881"),
    PAIR("The Southern Company", EQ, 13881, USD, "rule 1: the raw name of 13881"),
    PAIR("Southern", EQ, 12811, USD, "both names key to southern: rule 5"),
    /* Case */
    PAIR("gbpjpy", GBP, JPY, "lower case"),
    PAIR("GbPjPy", GBP, JPY, "mixed case"),
    PAIR("btc-usdt", BTC, USDT, "lower case"),
    PAIR("XAUUSD.M", CM, 161, USD, "upper-case suffix"),
    PAIR("aapl.us", EQ, 831, USD, "lower-case .us"),
    /* Everyday broker symbols */
    PAIR("XTIUSD", CM, 521, USD, "XTI is WTI"),
    PAIR("XBRUSD", CM, 21, USD, "XBR is Brent"),
    PAIR("XPDUSD", CM, 301, USD, "Palladium"),
    PAIR("NGAS", CM, 251, USD, "Natural Gas"),
    PAIR("US100", IP, 4201, USD, "NASDAQ 100"),
    PAIR("JPN225", IP, 4701, USD, "Nikkei 225"),
    PAIR("EU50", IP, 2301, USD, "Euro Stoxx 50"),
    PAIR("IT40", IP, 2501, USD, "FTSE MIB"),
    PAIR("ES35", IP, 2801, USD, "IBEX 35"),
    PAIR("CHINA50", IP, 1301, USD, "China A50"),
    PAIR("TSLA.US", EQ, 13711, USD, "Tesla"),
    PAIR("NFLX", EQ, 9641, USD, "Netflix"),
    PAIR("LTCUSDT", CR, 9601, USDT, "Litecoin"),
    PAIR("DOTUSDT", CR, 12701, USDT, "Polkadot"),
    PAIR("TRXUSDT", CR, 18101, USDT, "Tron"),
    PAIR("DOGE/USDT", CR, 5101, USDT, "Dogecoin"),
    PAIR("ADA_EUR", CR, 3501, EUR, "Cardano"),
    PAIR("USDHKD", USD, FX, 1501, "Hong Kong Dollar"),
    PAIR("USDSEK", USD, FX, 4401, "Swedish Krona"),
    PAIR("EURCZK", EUR, FX, 1001, "Czech Koruna"),
    PAIR("GBPNZD", GBP, FX, 2701, "New Zealand Dollar"),
    PAIR("NZDCAD", FX, 2701, CAD, "cad"),
    PAIR("hubspot", EQ, 6551, USD, "HubSpot as typed, case aside"),
    PAIR("Spot", EQ, 12831, USD, "SPOT as typed, case aside"),
    FUZZY("GER40", IP, 1601, 68, 75, "not in the registry: fuzzy GER30 (DAX)"),
    /* The fuzzy threshold of step 6 is 0.7, inclusive */
    FUZZY("pqz", EQ, 10741, 7, 10, "exactly 0.7 (pfizer): at the threshold"),
    FAILS("yxqyfx", MITCH_ERR_NOT_FOUND, "best score 251/360, just below 0.7"),
    /* Step 6: fuzzy, quote US Dollar */
    FUZZY("Etherium", ETH, 19, 20, "ties with the index's ETHEREUM: rule 3"),
    FUZZY("Solanna", CR, 14701, 34, 35, "Solana"),
    FUZZY("Chainlnk", CR, 3701, 44, 45, "Chainlink"),
    FUZZY("Nvidea", EQ, 10191, 14, 15, "Nvidia"),
};

START_TEST(test_ticker_table) {
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof tickers / sizeof tickers[0]; i++) {
    const ticker_case *t = &tickers[i];
    mitch_resolution r;
    uint64_t id = 0;
    uint32_t b = 0, q = 0;
    double conf = -1;
    int st = mitch_resolve(t->symbol, MITCH_SPOT, &r);
    int flat = mitch_resolve_ticker(t->symbol, MITCH_SPOT, &id, &b, &q, &conf);
    int want_flat = t->status == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : t->status;
    if (st != t->status) {
      if (st == MITCH_OK)
        report_add(&rep, "\"%s\": got %s (%u/%u) / %s (%u/%u) conf %.6f [%s], want status %d (%s)",
                   t->symbol, r.base.name, r.base.asset_class, r.base.class_id, r.quote.name,
                   r.quote.asset_class, r.quote.class_id, r.confidence, r.steps, t->status,
                   t->why);
      else
        report_add(&rep, "\"%s\": status %d, want %d (%s)", t->symbol, st, t->status, t->why);
      continue;
    }
    if (flat != want_flat)
      report_add(&rep, "\"%s\": flat status %d, want %d", t->symbol, flat, want_flat);
    if (st != MITCH_OK)
      continue;
    if (r.base.asset_class != t->bc || r.base.class_id != t->bi || r.quote.asset_class != t->qc ||
        r.quote.class_id != t->qi || !same_score(r.confidence, t->num, t->den)) {
      report_add(&rep,
                 "\"%s\": got %s (%u/%u) / %s (%u/%u) conf %.6f [%s], want %u/%u / %u/%u "
                 "conf %u/%u (%s)",
                 t->symbol, r.base.name, r.base.asset_class, r.base.class_id, r.quote.name,
                 r.quote.asset_class, r.quote.class_id, r.confidence, r.steps, t->bc, t->bi,
                 t->qc, t->qi, t->num, t->den, t->why);
      continue;
    }
    if (r.ticker_id != ticker_id_of(0, t->bc, t->bi, t->qc, t->qi) ||
        mitch_validate_ticker_id(r.ticker_id) != MITCH_OK)
      report_add(&rep, "\"%s\": ticker id 0x%016llx", t->symbol, (unsigned long long)r.ticker_id);
    if (id != r.ticker_id || b != ((t->bc << 16) | t->bi) || q != ((t->qc << 16) | t->qi) ||
        conf != r.confidence)
      report_add(&rep, "\"%s\": the flat call disagrees with the typed one", t->symbol);
    if (t->num == t->den && strstr(r.steps, "fuzzy") != NULL)
      report_add(&rep, "\"%s\": exact pair, but steps say \"%s\"", t->symbol, r.steps);
  }
  ASSERT_REPORT(rep);
}
END_TEST

/* Every delimiter suffix after every delimiter, both cases. */
START_TEST(test_delimiter_suffixes) {
  static const char delimiters[] = "-_.$^#";
  static const char *const suffixes[] = {"us", "m", "c", "z", "b", "r", "d", "i",
                                         "US", "M", "C", "Z", "B", "R", "D", "I"};
  report rep = {{0}, 0, 0};
  size_t d, s;
  for (d = 0; delimiters[d]; d++) {
    for (s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++) {
      char sym[32];
      mitch_resolution r;
      int st;
      snprintf(sym, sizeof sym, "GBPUSD%c%s", delimiters[d], suffixes[s]);
      st = mitch_resolve(sym, 0, &r);
      if (st != MITCH_OK || r.ticker_id != ticker_id_of(0, GBP, USD) || r.confidence != 1.0) {
        report_add(&rep, "\"%s\": status %d, %s / %s", sym, st, st ? "-" : r.base.name,
                   st ? "-" : r.quote.name);
        continue;
      }
      {
        char want[32];
        snprintf(want, sizeof want, "stripped \"%c%s\"", delimiters[d], suffixes[s]);
        if (!strstr(r.steps, want))
          report_add(&rep, "\"%s\": steps \"%s\" lack %s", sym, r.steps, want);
      }
      /* The same on an equity, and as an asset lookup. */
      snprintf(sym, sizeof sym, "MSFT%c%s", delimiters[d], suffixes[s]);
      st = mitch_resolve(sym, 0, &r);
      if (st != MITCH_OK || r.ticker_id != ticker_id_of(0, EQ, 9101, USD))
        report_add(&rep, "\"%s\": status %d", sym, st);
      {
        mitch_asset a;
        double c = 0;
        st = mitch_asset_find(sym, -1, 0.99, &a, &c);
        if (st != MITCH_OK || a.asset_class != EQ || a.class_id != 9101 || c != 1.0)
          report_add(&rep, "asset \"%s\": status %d", sym, st);
      }
    }
  }
  ASSERT_REPORT(rep);
}
END_TEST

START_TEST(test_steps_text) {
  static const struct {
    const char *symbol, *phrase;
  } cases[] = {
      {"AUDJPY.ecn", "stripped \".ecn\""},     {"^NDX", "stripped \"^\""},
      {"AUDJPYzero!", "stripped \"zero!\""},   {"AUDJPYmini.m", "stripped \"mini.m\""},
      {"BTC.ETH", "split at \".\""},           {"ETH_BTC", "split at \"_\""},
      {"XAU-EUR", "split at \"-\""},           {"USDHUF", "fiat quote huf at end"},
      {"GBPEuro", "base gbp at start"},        {"AUDUSDr", "dropped account letter \"r\""},
      {"SOLUSDC", "quote usdc at end"},        {"Capgemini", "as typed"},
      {"Etherium", "fuzzy"},
  };
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mitch_resolution r;
    int st = mitch_resolve(cases[i].symbol, 0, &r);
    if (st != MITCH_OK || !strstr(r.steps, cases[i].phrase))
      report_add(&rep, "\"%s\": status %d, steps \"%s\" lack \"%s\"", cases[i].symbol, st,
                 st ? "" : r.steps, cases[i].phrase);
  }
  ASSERT_REPORT(rep);
}
END_TEST

/* Instrument types 0..13 are encoded as given; 14 and 15 are reserved:
   resolution encodes them like mitch_create_ticker_id does (protocol.md:
   creation fails only for a type wider than 4 bits) and the separate
   validation rejects the id.  16 and above do not fit the field. */
START_TEST(test_instrument_types) {
  unsigned t;
  for (t = 0; t < 16; t++) {
    mitch_resolution r;
    uint64_t id = 0;
    uint32_t b = 0, q = 0;
    double c = 0;
    ck_assert_int_eq(mitch_resolve("XAGGBP.ecn", (uint8_t)t, &r), MITCH_OK);
    ck_assert_uint_eq(r.ticker_id, ticker_id_of(t, CM, 411, GBP));
    ck_assert_uint_eq(r.instrument_type, t);
    ck_assert_int_eq(mitch_resolve_ticker("XAGGBP.ecn", (uint8_t)t, &id, &b, &q, &c), MITCH_OK);
    ck_assert_uint_eq(id, r.ticker_id);
    ck_assert_int_eq(mitch_validate_ticker_id(id),
                     t < 14 ? MITCH_OK : MITCH_ERR_INVALID_TICKER_ID);
  }
  for (t = 16; t < 256; t += 13) {
    mitch_resolution r;
    uint64_t id = 7;
    ck_assert_int_eq(mitch_resolve("XAGGBP", (uint8_t)t, &r), MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_resolve_ticker("XAGGBP", (uint8_t)t, &id, NULL, NULL, NULL),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_uint_eq(id, 7);
  }
  {
    mitch_resolution r;
    ck_assert_int_eq(mitch_resolve("XAGGBP", 255, &r), MITCH_ERR_INVALID_FIELD_VALUE);
    /* Per-type ids of a crypto pair (perpetual swap, CFD). */
    ck_assert_int_eq(mitch_resolve("SOLUSDC", MITCH_PERPETUAL_SWAP, &r), MITCH_OK);
    ck_assert_uint_eq(r.ticker_id, 0x46396d6484500000u);
    ck_assert_int_eq(mitch_resolve("GER30.cash", 5, &r), MITCH_OK);
    ck_assert_uint_eq(r.ticker_id, 0x5a06413138900000u);
  }
}
END_TEST

/* ---- assets ------------------------------------------------------------- */

typedef struct asset_case {
  const char *query;
  int class_filter;
  double min;
  int status;
  unsigned cls, id;
  unsigned num, den;
  const char *why;
} asset_case;

#define HIT(q, cf, cls, id, why) {q, cf, 0.8, MITCH_OK, cls, id, 1, 1, why}
#define NEAR(q, cf, min, cls, id, num, den, why) {q, cf, min, MITCH_OK, cls, id, num, den, why}
#define MISS(q, cf, min, st, why) {q, cf, min, st, 0, 0, 0, 1, why}

static const asset_case assets[] = {
    HIT("W", -1, CR, 19101, "Wormhole before Wheat (rule 3)"),
    HIT("W", CM, CM, 491, "class filter: Wheat"),
    HIT("S", CM, CM, 451, "class filter: Soybeans"),
    HIT("COP", -1, FX, 901, "FX before EQ"),
    HIT("COP", EQ, EQ, 3091, "ConocoPhillips"),
    HIT("DASH", -1, CR, 4901, "Dash"),
    HIT("DASH", EQ, EQ, 4101, "DoorDash"),
    HIT("Sony", -1, EQ, 12791, "raw name of 12791"),
    HIT("Sony Group", -1, EQ, 12801, "raw name of 12801 (same key sony)"),
    HIT("SONY GROUP", -1, EQ, 12801, "raw, case aside"),
    HIT("Cigna Group", -1, EQ, 2711, "keyed only: both names, lower id"),
    HIT("The Cigna Group", -1, EQ, 13781, "raw name"),
    HIT("Southern", -1, EQ, 12811, "keyed only: lower id"),
    HIT("The Southern Company", -1, EQ, 13881, "raw name"),
    HIT("Coca-Cola", -1, EQ, 13791, "The Coca-Cola Company keys to cocacola"),
    HIT("coca cola", -1, EQ, 13791, "punctuation and spaces go"),
    HIT("The Coca-Cola Company", -1, EQ, 13791, "raw"),
    HIT("Microsoft Corp.", -1, EQ, 9101, "Corp."),
    HIT("Walmart Inc.", -1, EQ, 14901, "Inc."),
    HIT("Alphabet Inc", -1, EQ, 531, "Inc"),
    HIT("Tesla, Inc.", -1, EQ, 13711, "a comma before the suffix word"),
    HIT("Bayer AG", -1, EQ, 1451, "AG as a word"),
    HIT("BAE Systems plc", -1, EQ, 1241, "plc"),
    HIT("3i", -1, EQ, 1, "3i Group keys to 3i"),
    HIT("III", -1, EQ, 1, "its symbol"),
    HIT("the apple", -1, EQ, 831, "leading the"),
    HIT("Target Corp", -1, EQ, 13501, "Target Corporation keys to target"),
    HIT("W. R. Berkley", -1, EQ, 14861, "W. R. Berkley Corporation"),
    HIT("XAG", -1, CM, 411, "one word: keeps its ag"),
    HIT("Polish Złoty", -1, FX, 3401, "non-ASCII"),
    HIT("polish złoty", -1, FX, 3401, "ASCII lower-cased, ł as it is"),
    NEAR("POLISH ZŁOTY", -1, 0.8, FX, 3401, 29, 30, "Ł is not folded to ł: fuzzy"),
    HIT("Nestlé", -1, EQ, 9611, "non-ASCII"),
    NEAR("Nestle SA", -1, 0.8, EQ, 9611, 191, 210, "SA dropped, no accent folding: fuzzy"),
    NEAR("NESTLÉ", -1, 0.8, EQ, 9611, 33, 35, "É is not folded: fuzzy"),
    HIT("L'Oréal", -1, EQ, 8121, "raw"),
    HIT("LOréal", -1, EQ, 8121, "keyed"),
    HIT("Brown–Forman", -1, EQ, 1821, "en dash kept in the key"),
    NEAR("Brown-Forman", -1, 0.8, EQ, 1821, 67, 70, "ASCII hyphen: fuzzy"),
    HIT("Estée Lauder Companies", -1, EQ, 4721, "non-ASCII"),
    HIT("Hitachi Zōsen", -1, EQ, 6331, "non-ASCII"),
    HIT("ETH", CR, CR, 5801, "class filter"),
    HIT("ETH", IP, IP, 2101, "class filter"),
    NEAR("ETH", EQ, 0.8, EQ, 4301, 37, 45, "ETN and ETR tie: rule 5, Eaton"),
    NEAR("Gold", IP, 0.8, IP, 5301, 22, 25, "GOLDSILVER"),
    MISS("Apple", CM, 0.8, MITCH_ERR_NOT_FOUND, "nothing at 0.8 in commodities"),
    NEAR("Etherium", -1, 0.95, CR, 5801, 19, 20, "exactly at the threshold"),
    MISS("Etherium", -1, 0.9500001, MITCH_ERR_NOT_FOUND, "just above the score"),
    NEAR("zzqxjv", -1, -1.0, IP, 2401, 3, 4, "negative threshold: best score"),
    NEAR("zzqxjv", -1, 0.0, IP, 2401, 3, 4, "zero threshold: best score"),
    NEAR("zzqxjv", -1, 0.75, IP, 2401, 3, 4, "at the threshold"),
    MISS("zzqxjv", -1, 0.76, MITCH_ERR_NOT_FOUND, "never a neighbour below it"),
    HIT("BTC", -1, CR, 2701, "exact"),
    {"BTC", -1, 1.5, MITCH_OK, CR, 2701, 1, 1, "exact, whatever the threshold"},
    MISS("Etherium", -1, 1.5, MITCH_ERR_NOT_FOUND, "fuzzy above 1"),
    HIT("GLE", -1, EQ, 5651, "rule 5"),
    HIT("DIS", -1, EQ, 3971, "rule 5"),
    HIT("AJG", -1, EQ, 961, "rule 5"),
    HIT("POL", -1, CR, 12901, "its own entry"),
    HIT("Polygon", -1, CR, 12801, "rule 5"),
    HIT("MATIC", -1, CR, 12801, "its own entry"),
    HIT("CASE30", -1, IP, 1901, "its own entry"),
    HIT("Heineken", -1, EQ, 6161, "raw name"),
    HIT("HEIA", -1, EQ, 6161, "both list HEIA: rule 5"),
    HIT("Heineken NV", -1, EQ, 6181, "raw name of 6181"),
    HIT("USDX", -1, CR, 15001, "two cryptos before the index: rule 3 then 5"),
    HIT("USDX", IP, IP, 7401, "class filter: the index"),
    HIT("USDN", -1, CR, 11001, "rule 5"),
    HIT("DC", -1, CM, 241, "raw: Milk (DC), not Dixons (DC.)"),
    HIT("DC.", -1, EQ, 3981, "raw: Dixons"),
    HIT("DC", EQ, EQ, 3981, "class filter"),
    NEAR("NOVO-B.m", -1, 0.8, EQ, 10081, 24, 25, "cleaned twice to NOVO: fuzzy"),
    HIT("^NDX", -1, IP, 4201, "cleaned"),
    HIT("GOLD#", -1, CM, 161, "cleaned"),
    HIT("XAUmini", -1, CM, 161, "cleaned"),
    MISS("#", -1, 0.8, MITCH_ERR_INVALID_DATA, "no letter or digit"),
    MISS("", -1, 0.8, MITCH_ERR_INVALID_DATA, "empty"),
    NEAR(".cash", -1, 0.8, EQ, 2061, 14, 15, "nothing is left to strip cash from"),
    NEAR("mini", -1, 0.8, EQ, 9371, 17, 20, "nothing is left to strip mini from"),
};

START_TEST(test_asset_table) {
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof assets / sizeof assets[0]; i++) {
    const asset_case *t = &assets[i];
    mitch_asset a;
    double conf = -1, fconf = -1;
    uint32_t aid = 0;
    uint16_t cid = 0;
    uint8_t acls = 0;
    int st = mitch_asset_find(t->query, t->class_filter, t->min, &a, &conf);
    int flat = t->class_filter < 0
                   ? mitch_resolve_asset(t->query, t->min, &aid, &cid, &acls, NULL, 0, NULL, 0,
                                         &fconf)
                   : mitch_resolve_asset_in_class(t->query, (uint8_t)t->class_filter, t->min,
                                                  &aid, &cid, NULL, 0, NULL, 0, &fconf);
    int want_flat = t->status == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : t->status;
    if (st != t->status) {
      if (st == MITCH_OK)
        report_add(&rep, "\"%s\" (class %d, min %g): got %s (%u/%u) %.6f, want status %d (%s)",
                   t->query, t->class_filter, t->min, a.name, a.asset_class, a.class_id, conf,
                   t->status, t->why);
      else
        report_add(&rep, "\"%s\" (class %d, min %g): status %d, want %d (%s)", t->query,
                   t->class_filter, t->min, st, t->status, t->why);
      continue;
    }
    if (flat != want_flat)
      report_add(&rep, "\"%s\": flat status %d, want %d", t->query, flat, want_flat);
    if (st != MITCH_OK)
      continue;
    if (a.asset_class != t->cls || a.class_id != t->id || !same_score(conf, t->num, t->den))
      report_add(&rep, "\"%s\" (class %d, min %g): got %s (%u/%u) %.6f, want %u/%u %u/%u (%s)",
                 t->query, t->class_filter, t->min, a.name, a.asset_class, a.class_id, conf,
                 t->cls, t->id, t->num, t->den, t->why);
    else if (aid != ((t->cls << 16) | t->id) || cid != t->id || fconf != conf ||
             (t->class_filter < 0 && acls != t->cls))
      report_add(&rep, "\"%s\": the flat call disagrees", t->query);
  }
  ASSERT_REPORT(rep);
}
END_TEST

START_TEST(test_asset_arguments) {
  mitch_asset a;
  double c = 0.25;
  uint32_t id = 3;
  static const int bad_classes[] = {-2, -100, 16, 17, 255, 1000};
  size_t i;
  for (i = 0; i < sizeof bad_classes / sizeof bad_classes[0]; i++)
    ck_assert_int_eq(mitch_asset_find("Gold", bad_classes[i], 0.8, &a, &c),
                     MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_resolve_asset_in_class("Gold", 16, 0.8, &id, NULL, NULL, 0, NULL, 0, &c),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_resolve_asset_in_class("Gold", 255, 0.8, &id, NULL, NULL, 0, NULL, 0,
                                                &c),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  /* Reserved and empty classes hold nothing. */
  ck_assert_int_eq(mitch_asset_find("Gold", 14, 0.0, &a, &c), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_find("Gold", 15, 0.0, &a, &c), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_find("Gold", 1, 0.0, &a, &c), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_resolve_asset_in_class("Gold", 15, 0.0, &id, NULL, NULL, 0, NULL, 0, &c),
                   MITCH_ERR_INVALID_DATA);
  ck_assert(c == 0.25 && id == 3);
  /* NaN thresholds; infinities are just numbers. */
  ck_assert_int_eq(mitch_asset_find("Gold", -1, NAN, &a, &c), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_resolve_asset_in_class("Gold", CM, NAN, &id, NULL, NULL, 0, NULL, 0, &c),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_asset_find("Gold", -1, INFINITY, &a, &c), MITCH_OK);
  ck_assert(c == 1.0 && a.class_id == 161);
  ck_assert_int_eq(mitch_asset_find("Goldd", -1, INFINITY, &a, &c), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_find("Goldd", -1, -INFINITY, &a, &c), MITCH_OK);
  ck_assert_uint_eq(a.class_id, 161);
  ck_assert(c > 0.9 && c < 1.0);
  /* Optional outputs. */
  ck_assert_int_eq(mitch_asset_find("Gold", -1, 0.8, &a, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_asset_find("Gold", -1, 0.8, NULL, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_asset("Gold", 0.8, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL),
                   MITCH_ERR_INVALID_DATA);
}
END_TEST

/* ---- providers ---------------------------------------------------------- */

typedef struct provider_case {
  const char *query;
  double min;
  int status;
  unsigned id;
  unsigned num, den;
  const char *why;
} provider_case;

#define PHIT(q, id, why) {q, 0.8, MITCH_OK, id, 1, 1, why}
#define PNEAR(q, min, id, num, den, why) {q, min, MITCH_OK, id, num, den, why}
#define PMISS(q, min, st, why) {q, min, st, 0, 0, 1, why}

static const provider_case providers[] = {
    PHIT("InteractiveBrokers", 691, "no space"),
    PHIT("INTERACTIVE BROKERS", 691, "upper case"),
    PHIT("interactive  brokers", 691, "two spaces"),
    PHIT("Interactive-Brokers", 691, "a hyphen"),
    PHIT(" Interactive Brokers ", 691, "padded"),
    PHIT("Interactive Brokers LLC", 691, "business suffix word"),
    PHIT("Coinbase Inc.", 341, "business suffix word"),
    PHIT("The Vanguard Group", 1261, "the ... Group"),
    PHIT("CME Group", 331, "Group"),
    PHIT("London Stock Exchange Group", 781, "Group"),
    PHIT("Charles Schwab Corporation", 311, "Corporation"),
    PHIT("Hargreaves Lansdown plc", 601, "plc"),
    PHIT("nyse", 861, "abbreviation"),
    PHIT("Ibkr", 691, "abbreviation"),
    PHIT("lse", 781, "abbreviation"),
    PHIT("hkex", 621, "abbreviation"),
    PHIT("SGX", 1091, "abbreviation"),
    PHIT("tse", 1171, "abbreviation"),
    PHIT("N.Y.S.E.", 861, "abbreviation, keyed"),
    PHIT("Gate.io", 561, "raw"),
    PHIT("gate io", 561, "keyed"),
    PHIT("Crypto com", 391, "keyed"),
    PHIT("E*Trade", 441, "keyed"),
    PHIT("dydx", 433, "case"),
    PHIT("XT.COM", 1301, "the row without an aliases column"),
    PHIT("xt com", 1301, "keyed"),
    PHIT("Forex.com", 511, "raw"),
    PHIT("B3", 51, "short name"),
    PHIT("IG", 671, "short name"),
    PHIT("BitMex", 162, "not BitMart"),
    PNEAR("Coinbse", 0.8, 341, 39, 40, "fuzzy"),
    PNEAR("Bitfinx", 0.8, 131, 39, 40, "fuzzy"),
    PNEAR("Krakenn", 0.8, 721, 34, 35, "fuzzy"),
    PNEAR("Robinhod", 0.8, 1061, 44, 45, "fuzzy"),
    PNEAR("Pepperston", 0.8, 961, 54, 55, "fuzzy"),
    PNEAR("Hong Kong Stock Exchang", 0.8, 621, 104, 105, "fuzzy"),
    PNEAR("Tokio Stock Exchange", 0.8, 1171, 263, 270, "fuzzy"),
    PNEAR("Binanse", 0.9428, 101, 33, 35, "0.942857"),
    PMISS("Binanse", 0.943, MITCH_ERR_NOT_FOUND, "just above its score"),
    PMISS("qqqq", 0.8, MITCH_ERR_NOT_FOUND, "unknown"),
    PMISS("!!!", 0.8, MITCH_ERR_INVALID_DATA, "no letter or digit"),
    PMISS("", 0.8, MITCH_ERR_INVALID_DATA, "empty"),
};

START_TEST(test_provider_table) {
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof providers / sizeof providers[0]; i++) {
    const provider_case *t = &providers[i];
    mitch_provider p;
    double conf = -1, fconf = -1;
    uint16_t pid = 0;
    int st = mitch_provider_find(t->query, t->min, &p, &conf);
    int flat = mitch_find_market_provider(t->query, t->min, &pid, NULL, 0, &fconf);
    int want_flat = t->status == MITCH_ERR_NOT_FOUND ? MITCH_ERR_INVALID_DATA : t->status;
    if (st != t->status) {
      report_add(&rep, "\"%s\" (min %g): status %d (%s), want %d (%s)", t->query, t->min, st,
                 st == MITCH_OK ? p.name : "-", t->status, t->why);
      continue;
    }
    if (flat != want_flat)
      report_add(&rep, "\"%s\": flat status %d, want %d", t->query, flat, want_flat);
    if (st != MITCH_OK)
      continue;
    if (p.id != t->id || !same_score(conf, t->num, t->den))
      report_add(&rep, "\"%s\" (min %g): got %s (%u) %.6f, want %u %u/%u (%s)", t->query, t->min,
                 p.name, p.id, conf, t->id, t->num, t->den, t->why);
    else if (pid != p.id || fconf != conf)
      report_add(&rep, "\"%s\": the flat call disagrees", t->query);
  }
  ASSERT_REPORT(rep);
}
END_TEST

START_TEST(test_provider_arguments) {
  mitch_provider p;
  double c = 0.5;
  uint16_t id = 4;
  ck_assert_int_eq(mitch_provider_find("Binance", NAN, &p, &c), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_find_market_provider("Binance", NAN, &id, NULL, 0, &c),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert(c == 0.5 && id == 4);
  ck_assert_int_eq(mitch_provider_find("Binance", 7.0, &p, &c), MITCH_OK); /* exact */
  ck_assert(c == 1.0 && p.id == 101);
  ck_assert_int_eq(mitch_provider_find("Binanse", 7.0, &p, &c), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_provider_find("Binanse", -3.0, &p, &c), MITCH_OK);
  ck_assert_uint_eq(p.id, 101);
  ck_assert_int_eq(mitch_provider_find(NULL, 0.8, &p, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_provider_find("Binance", 0.8, NULL, &c), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_find_market_provider("Binance", 0.8, NULL, NULL, 0, &c),
                   MITCH_ERR_INVALID_DATA);
}
END_TEST

/* ---- Jaro-Winkler ------------------------------------------------------- */

/* Winkler's published table (Jaro-Winkler to three decimals) and the
   exact fractions they come from. */
START_TEST(test_jaro_winkler_published) {
  static const struct {
    const char *a, *b;
    double published;
    unsigned num, den;
  } pairs[] = {
      {"SHACKLEFORD", "SHACKELFORD", 0.982, 54, 55}, {"DUNNINGHAM", "CUNNIGHAM", 0.896, 121, 135},
      {"NICHLESON", "NICHULSON", 0.956, 43, 45},     {"JONES", "JOHNSON", 0.832, 437, 525},
      {"MASSEY", "MASSIE", 0.933, 14, 15},           {"ABROMS", "ABRAMS", 0.922, 83, 90},
      {"HARDIN", "MARTINEZ", 0.722, 13, 18},         {"ITMAN", "SMITH", 0.467, 7, 15},
      {"JERALDINE", "GERALDINE", 0.926, 25, 27},     {"MARHTA", "MARTHA", 0.961, 173, 180},
      {"MICHELLE", "MICHAEL", 0.921, 129, 140},      {"JULIES", "JULIUS", 0.933, 14, 15},
      {"TANYA", "TONYA", 0.880, 22, 25},             {"DWAYNE", "DUANE", 0.840, 21, 25},
      {"SEAN", "SUSAN", 0.805, 161, 200},            {"JON", "JOHN", 0.933, 14, 15},
      {"JELLYFISH", "SMELLYFISH", 0.896, 121, 135},  {"CRATE", "TRACE", 0.733, 11, 15},
  };
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    double s = -1, r = -1;
    if (mitch_jaro_winkler(pairs[i].a, pairs[i].b, &s) != MITCH_OK ||
        mitch_jaro_winkler(pairs[i].b, pairs[i].a, &r) != MITCH_OK || s != r ||
        fabs(s - pairs[i].published) > 0.0005 || !same_score(s, pairs[i].num, pairs[i].den))
      report_add(&rep, "jw(%s, %s) = %.6f / %.6f, published %.3f", pairs[i].a, pairs[i].b, s, r,
                 pairs[i].published);
  }
  ASSERT_REPORT(rep);
}
END_TEST

/* ---- hostile input ------------------------------------------------------- */

/* Every string entry point, flat and typed, on one query: each lookup
   must return `want`; the key and similarity functions only judge the
   length (too_long: MITCH_ERR_INVALID_DATA, else a result). */
static void all_entry_points(const char *q, int want, int too_long, report *rep,
                             const char *label) {
  mitch_resolution r;
  mitch_asset a;
  mitch_provider p;
  uint64_t tid;
  uint32_t aid, qid;
  uint16_t cid, pid;
  uint8_t cls;
  char name[8], aliases[8], key[8];
  double c, s;
  int st[7], key_st, jw_st;
  size_t i;
  st[0] = mitch_resolve(q, 0, &r);
  st[1] = mitch_resolve_ticker(q, 0, &tid, &aid, &qid, &c);
  st[2] = mitch_asset_find(q, -1, 0.8, &a, &c);
  st[3] = mitch_resolve_asset(q, 0.8, &aid, &cid, &cls, name, sizeof name, aliases,
                              sizeof aliases, &c);
  st[4] = mitch_resolve_asset_in_class(q, FX, 0.8, &aid, &cid, name, sizeof name, aliases,
                                       sizeof aliases, &c);
  st[5] = mitch_provider_find(q, 0.8, &p, &c);
  st[6] = mitch_find_market_provider(q, 0.8, &pid, name, sizeof name, &c);
  for (i = 0; i < 7; i++)
    if (st[i] != want)
      report_add(rep, "%s: entry point %zu returned %d, want %d", label, i, st[i], want);
  key_st = mitch_name_key(q, key, sizeof key, NULL);
  jw_st = mitch_jaro_winkler(q, "abc", &s);
  if (too_long ? key_st != MITCH_ERR_INVALID_DATA
               : key_st != MITCH_OK && key_st != MITCH_ERR_BUFFER_TOO_SMALL)
    report_add(rep, "%s: mitch_name_key returned %d", label, key_st);
  if (too_long ? jw_st != MITCH_ERR_INVALID_DATA : jw_st != MITCH_OK)
    report_add(rep, "%s: mitch_jaro_winkler returned %d", label, jw_st);
}

START_TEST(test_hostile_lengths) {
  report rep = {{0}, 0, 0};
  char *big = malloc((1u << 20) + 1);
  char *q;
  ck_assert_ptr_nonnull(big);
  memset(big, 'Q', 1u << 20);
  big[1u << 20] = '\0';
  all_entry_points(big, MITCH_ERR_INVALID_DATA, 1, &rep, "1 MiB");
  /* MITCH_QUERY_MAX + 1 bytes: too long, whatever they are. */
  q = big + (1u << 20) - (MITCH_QUERY_MAX + 1);
  all_entry_points(q, MITCH_ERR_INVALID_DATA, 1, &rep, "MITCH_QUERY_MAX + 1");
  memcpy(q + MITCH_QUERY_MAX + 1 - 6, "EURUSD", 6);
  all_entry_points(q, MITCH_ERR_INVALID_DATA, 1, &rep, "MITCH_QUERY_MAX + 1 ending in EURUSD");
  ASSERT_REPORT(rep);
  /* Exactly MITCH_QUERY_MAX bytes: accepted and looked up. */
  q = big + (1u << 20) - MITCH_QUERY_MAX;
  memset(q, ' ', MITCH_QUERY_MAX - 6);
  memcpy(q + MITCH_QUERY_MAX - 6, "GBPJPY", 6);
  {
    mitch_resolution r;
    mitch_asset a;
    mitch_provider p;
    double c;
    char key[8];
    size_t key_len = 0;
    ck_assert_uint_eq(strlen(q), MITCH_QUERY_MAX);
    ck_assert_int_eq(mitch_resolve(q, 0, &r), MITCH_OK);
    ck_assert_uint_eq(r.ticker_id, ticker_id_of(0, GBP, JPY));
    ck_assert_int_eq(mitch_asset_find(q, -1, 0.95, &a, &c), MITCH_ERR_NOT_FOUND);
    ck_assert_int_eq(mitch_provider_find(q, 0.95, &p, &c), MITCH_ERR_NOT_FOUND);
    ck_assert_int_eq(mitch_name_key(q, key, sizeof key, &key_len), MITCH_OK);
    ck_assert_str_eq(key, "gbpjpy");
    ck_assert_uint_eq(key_len, 6);
    memset(q, 'x', MITCH_QUERY_MAX); /* a 255-byte key, fuzzy against everything */
    ck_assert_int_eq(mitch_resolve(q, 0, &r), MITCH_ERR_NOT_FOUND);
    ck_assert_int_eq(mitch_asset_find(q, -1, 0.0, &a, &c), MITCH_OK);
    ck_assert(c >= 0.0 && c < 0.7);
    ck_assert_int_eq(mitch_provider_find(q, 0.0, &p, &c), MITCH_OK);
    ck_assert_int_eq(mitch_name_key(q, key, sizeof key, &key_len), MITCH_ERR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(key_len, MITCH_QUERY_MAX);
  }
  free(big);
}
END_TEST

START_TEST(test_hostile_bytes) {
  static const char *const junk[] = {
      "\xff",           "\x80\x80\x80",  "\xc3",        "\xe2\x82",      "\xf0\x9f\x98",
      "EUR\xc3USD",     "\xc0\xaf",      "\xed\xb0\x80", "\xfe\xff\xfe",  "BTC\xa0/USD",
      "Z\xc5\x81OTY",   "\xe2\x80\x93",  "\x01\x02\x03", "\x7f",          "EURUSD\x80.m",
      "€€€€",           "$\xff.cash",    "\xff\xffmini", "\xc3\xa9\xc3\xa9\xc3\xa9"};
  static const char *const punctuation[] = {"!!!", "...", "^$#_", "/-_. ", "+!+!", "&&&",
                                            "()[]{}", "    \t", "'\"`~", "-_.$^#"};
  report rep = {{0}, 0, 0};
  size_t i;
  for (i = 0; i < sizeof junk / sizeof junk[0]; i++) {
    mitch_resolution r;
    mitch_asset a;
    mitch_provider p;
    double c;
    int st = mitch_resolve(junk[i], 0, &r);
    if (st != MITCH_OK && st != MITCH_ERR_NOT_FOUND && st != MITCH_ERR_INVALID_DATA)
      report_add(&rep, "junk %zu: resolve status %d", i, st);
    if (st == MITCH_OK && (r.confidence < 0.7 || r.confidence > 1.0 ||
                           mitch_validate_ticker_id(r.ticker_id) != MITCH_OK ||
                           !memchr(r.steps, '\0', sizeof r.steps)))
      report_add(&rep, "junk %zu: a bad result", i);
    /* At threshold 0 junk may still match (a byte in common), but never
       with similarity 0 (resolution.md: then it is not found). */
    st = mitch_asset_find(junk[i], -1, 0.0, &a, &c);
    if (st != MITCH_OK && st != MITCH_ERR_INVALID_DATA && st != MITCH_ERR_NOT_FOUND)
      report_add(&rep, "junk %zu: asset status %d at threshold 0", i, st);
    if (st == MITCH_OK && !(c > 0.0))
      report_add(&rep, "junk %zu: asset matched with confidence %g", i, c);
    st = mitch_provider_find(junk[i], 0.0, &p, &c);
    if (st != MITCH_OK && st != MITCH_ERR_INVALID_DATA && st != MITCH_ERR_NOT_FOUND)
      report_add(&rep, "junk %zu: provider status %d at threshold 0", i, st);
    if (st == MITCH_OK && !(c > 0.0))
      report_add(&rep, "junk %zu: provider matched with confidence %g", i, c);
  }
  /* Non-ASCII bytes are key bytes: these are queries, not "no text" (a
     lookup, found or not, never invalid data). */
  {
    mitch_asset a;
    double c;
    int st = mitch_asset_find("\xff", -1, 0.0, &a, &c);
    if (st != MITCH_OK && st != MITCH_ERR_NOT_FOUND)
      report_add(&rep, "\\xff is a key byte: a lookup at threshold 0 says %d", st);
  }
  for (i = 0; i < sizeof punctuation / sizeof punctuation[0]; i++)
    all_entry_points(punctuation[i], MITCH_ERR_INVALID_DATA, 0, &rep, punctuation[i]);
  ASSERT_REPORT(rep);
}
END_TEST

/* Suffixes alone are text: they are looked up, not rejected. */
START_TEST(test_only_suffixes) {
  static const char *const only[] = {".cash", "mini", "micro", "spot", "#spot", "$micro",
                                     "_ecn", "zero", ".m", "-us", "usx"};
  size_t i;
  for (i = 0; i < sizeof only / sizeof only[0]; i++) {
    mitch_resolution r;
    mitch_asset a;
    double c;
    int st = mitch_resolve(only[i], 0, &r);
    ck_assert_msg(st == MITCH_OK || st == MITCH_ERR_NOT_FOUND, "\"%s\": status %d", only[i], st);
    ck_assert_msg(mitch_asset_find(only[i], -1, 0.0, &a, &c) == MITCH_OK, "\"%s\"", only[i]);
  }
}
END_TEST

/* Flat name buffers: cut at a UTF-8 boundary, NUL-terminated, never an
   error; a length of 0 writes nothing. */
START_TEST(test_truncated_names) {
  static const struct {
    size_t len;
    const char *want;
  } zloty[] = {{1, ""},          {2, "P"},           {8, "Polish "},   {9, "Polish Z"},
               {10, "Polish Z"}, {11, "Polish Z\xc5\x82"}, {12, "Polish Z\xc5\x82o"},
               {14, "Polish Z\xc5\x82oty"}, {64, "Polish Z\xc5\x82oty"}};
  static const struct {
    size_t len;
    const char *want;
  } dash[] = {{6, "Brown"}, {7, "Brown"}, {8, "Brown"}, {9, "Brown\xe2\x80\x93"}};
  char buf[80], aliases[80];
  uint32_t id;
  uint16_t cid;
  uint8_t cls;
  double c;
  size_t i;
  /* Length 0: nothing written, not even the NUL. */
  memset(buf, '#', sizeof buf);
  ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, &cid, &cls, buf, 0, aliases, 0, &c),
                   MITCH_OK);
  ck_assert_int_eq(buf[0], '#');
  ck_assert_uint_eq(id, (FX << 16) | 3401);
  for (i = 0; i < sizeof zloty / sizeof zloty[0]; i++) {
    memset(buf, '#', sizeof buf);
    ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, &cid, &cls, buf, zloty[i].len, NULL,
                                         0, &c),
                     MITCH_OK);
    ck_assert_msg(strcmp(buf, zloty[i].want) == 0, "len %zu: \"%s\"", zloty[i].len, buf);
    ck_assert_int_eq(buf[zloty[i].len], '#'); /* nothing written past the buffer */
    memset(buf, '#', sizeof buf);
    ck_assert_int_eq(mitch_get_asset_by_id(FX, 3401, &id, buf, zloty[i].len, NULL, 0), MITCH_OK);
    ck_assert_msg(strcmp(buf, zloty[i].want) == 0, "by id, len %zu: \"%s\"", zloty[i].len, buf);
    memset(buf, '#', sizeof buf);
    ck_assert_int_eq(mitch_resolve_asset_in_class("Polish Zloty", FX, 0.8, &id, &cid, buf,
                                                  zloty[i].len, NULL, 0, &c),
                     MITCH_OK);
    ck_assert_msg(strcmp(buf, zloty[i].want) == 0, "in class, len %zu: \"%s\"", zloty[i].len,
                  buf);
  }
  for (i = 0; i < sizeof dash / sizeof dash[0]; i++) {
    memset(buf, '#', sizeof buf);
    ck_assert_int_eq(mitch_get_asset_by_id(EQ, 1821, &id, buf, dash[i].len, NULL, 0), MITCH_OK);
    ck_assert_msg(strcmp(buf, dash[i].want) == 0, "len %zu: \"%s\"", dash[i].len, buf);
  }
  /* Aliases cut the same way; provider names too. */
  memset(aliases, '#', sizeof aliases);
  ck_assert_int_eq(mitch_resolve_asset("Nestlé", 0.8, &id, NULL, NULL, buf, 6, aliases, 2, &c),
                   MITCH_OK);
  ck_assert_str_eq(buf, "Nestl");
  ck_assert_str_eq(aliases, "N");
  {
    uint16_t pid;
    memset(buf, '#', sizeof buf);
    ck_assert_int_eq(mitch_find_market_provider("NYSE", 0.8, &pid, buf, 9, &c), MITCH_OK);
    ck_assert_str_eq(buf, "New York");
    ck_assert_int_eq(mitch_find_market_provider("NYSE", 0.8, &pid, buf, 1, &c), MITCH_OK);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(mitch_find_market_provider("NYSE", 0.8, &pid, NULL, 5, &c),
                     MITCH_ERR_INVALID_DATA);
    ck_assert_int_eq(mitch_get_market_provider_by_id(861, buf, 2), MITCH_OK);
    ck_assert_str_eq(buf, "N");
  }
  /* A NULL buffer is allowed only with a length of 0. */
  ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, NULL, NULL, NULL, 1, NULL, 0, &c),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, NULL, NULL, buf, 4, NULL, 3, &c),
                   MITCH_ERR_INVALID_DATA);
}
END_TEST

/* The typed key function: truncated at a UTF-8 boundary too. */
START_TEST(test_name_key_truncation) {
  char out[16];
  size_t n = 0;
  memset(out, '#', sizeof out);
  ck_assert_int_eq(mitch_name_key("Złoty", out, 0, &n), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(out[0], '#');
  ck_assert_uint_eq(n, 6);
  ck_assert_int_eq(mitch_name_key("Złoty", out, 1, &n), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(out, "");
  ck_assert_int_eq(mitch_name_key("Złoty", out, 2, &n), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(out, "z");
  ck_assert_int_eq(mitch_name_key("Złoty", out, 3, &n), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(out, "z"); /* not half of the ł */
  ck_assert_int_eq(mitch_name_key("Złoty", out, 4, &n), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(out, "z\xc5\x82");
  ck_assert_int_eq(mitch_name_key("Złoty", out, 7, &n), MITCH_OK);
  ck_assert_str_eq(out, "z\xc5\x82oty");
  ck_assert_int_eq(mitch_name_key("The Coca-Cola Company", out, sizeof out, &n), MITCH_OK);
  ck_assert_str_eq(out, "cocacola");
  ck_assert_int_eq(mitch_name_key("Nestle SA", out, sizeof out, &n), MITCH_OK);
  ck_assert_str_eq(out, "nestle");
  ck_assert_int_eq(mitch_name_key(NULL, out, sizeof out, &n), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_name_key("x", NULL, 4, &n), MITCH_ERR_INVALID_DATA);
}
END_TEST

int main(void) {
  Suite *s = suite_create("resolve_rules");
  TCase *tc = tu_tcase("tickers");
  tcase_add_test(tc, test_ticker_table);
  tcase_add_test(tc, test_delimiter_suffixes);
  tcase_add_test(tc, test_steps_text);
  tcase_add_test(tc, test_instrument_types);
  suite_add_tcase(s, tc);
  tc = tu_tcase("assets and providers");
  tcase_add_test(tc, test_asset_table);
  tcase_add_test(tc, test_asset_arguments);
  tcase_add_test(tc, test_provider_table);
  tcase_add_test(tc, test_provider_arguments);
  tcase_add_test(tc, test_jaro_winkler_published);
  suite_add_tcase(s, tc);
  tc = tu_tcase("hostile input");
  tcase_add_test(tc, test_hostile_lengths);
  tcase_add_test(tc, test_hostile_bytes);
  tcase_add_test(tc, test_only_suffixes);
  tcase_add_test(tc, test_truncated_names);
  tcase_add_test(tc, test_name_key_truncation);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
