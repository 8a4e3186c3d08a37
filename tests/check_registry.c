/*
 * check_registry.c - the registry as data: classes, instrument types,
 * assets by id and in order, duplicates, every registry string finding its
 * own entry exactly, the flat getters and their buffers, and the id
 * helpers (ticker ids, packed assets) applied to registry assets.
 *
 * Counts and names below come from ../shared/reference/ids (e.g. 1554
 * equities, EUR = 1301, USD = 5001) and protocol.md.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* ---- classes and instrument types ------------------------------------------ */

START_TEST(test_asset_classes) {
  static const char *const codes[16] = {"EQ", "CB", "SD", "FX", "CM", "RE", "CR", "PM",
                                        "CL", "IN", "IP", "SP", "CE", "LR", "",   ""};
  mitch_class_info info;
  unsigned c;
  for (c = 0; c < 16; c++) {
    ck_assert_int_eq(mitch_asset_class_get((uint8_t)c, &info), MITCH_OK);
    ck_assert_uint_eq(info.id, c);
    ck_assert_str_eq(info.code, codes[c]);
    ck_assert(info.name && info.name[0]);
  }
  mitch_asset_class_get(MITCH_CLASS_INDICES, &info);
  ck_assert_str_eq(info.name, "Indices & Index Products"); /* indices are class 10 */
  mitch_asset_class_get(MITCH_CLASS_INFRASTRUCTURE, &info);
  ck_assert_str_eq(info.name, "Infrastructure");
  mitch_asset_class_get(MITCH_CLASS_FOREX, &info);
  ck_assert_str_eq(info.name, "Forex");
  mitch_asset_class_get(15, &info);
  ck_assert_str_eq(info.name, "*Reserved*"); /* not in the reference file, reserved all the same */
  ck_assert_int_eq(mitch_asset_class_get(16, &info), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_asset_class_get(0, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_instrument_types) {
  static const char *const codes[16] = {"SPOT", "FUT", "FWD", "SWAP", "PERP", "CFD",
                                        "CALL", "PUT", "DIGI", "BAR", "WAR", "PRED",
                                        "FUND", "STRUCT", "", ""};
  mitch_class_info info;
  unsigned t;
  for (t = 0; t < 16; t++) {
    ck_assert_int_eq(mitch_instrument_type_get((uint8_t)t, &info), MITCH_OK);
    ck_assert_uint_eq(info.id, t);
    ck_assert_str_eq(info.code, codes[t]);
  }
  mitch_instrument_type_get(MITCH_PERPETUAL_SWAP, &info);
  ck_assert_str_eq(info.name, "Perpetual Swap");
  mitch_instrument_type_get(MITCH_CFD, &info);
  ck_assert_str_eq(info.name, "Contract For Difference");
  mitch_instrument_type_get(14, &info);
  ck_assert_str_eq(info.name, "*Reserved*");
  ck_assert_int_eq(mitch_instrument_type_get(16, &info), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_instrument_type_get(0, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* ---- assets ------------------------------------------------------------------ */

START_TEST(test_counts) {
  /* Rows of the six class files of the reference. */
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_EQUITIES), 1554);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_SOVEREIGN_DEBT), 183);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_FOREX), 52);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_COMMODITIES), 54);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_CRYPTO), 194);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_INDICES), 77);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_INFRASTRUCTURE), 0);
  ck_assert_uint_eq(mitch_asset_count(MITCH_CLASS_CORPORATE_BONDS), 0);
  ck_assert_uint_eq(mitch_asset_count(14), 0);
  ck_assert_uint_eq(mitch_asset_count(200), 0);
}
END_TEST

START_TEST(test_iteration) {
  unsigned c;
  for (c = 0; c < 16; c++) {
    size_t i, n = mitch_asset_count((uint8_t)c);
    mitch_asset a, b;
    long prev = -1;
    for (i = 0; i < n; i++) {
      ck_assert_int_eq(mitch_asset_at((uint8_t)c, i, &a), MITCH_OK);
      ck_assert_uint_eq(a.asset_class, c);
      ck_assert_msg((long)a.class_id > prev, "class %u not in id order at %zu", c, i);
      prev = a.class_id;
      ck_assert_uint_eq(a.asset_id, (uint32_t)c << 16 | a.class_id);
      ck_assert(a.name && a.name[0] && a.symbol && a.aliases);
      /* The symbol is the first alias. */
      ck_assert(strncmp(a.aliases, a.symbol, strlen(a.symbol)) == 0);
      ck_assert(a.aliases[strlen(a.symbol)] == '\0' || a.aliases[strlen(a.symbol)] == '|');
      /* By id and by packed id give the same row. */
      ck_assert_int_eq(mitch_asset_get((uint8_t)c, a.class_id, &b), MITCH_OK);
      ck_assert_ptr_eq(b.name, a.name);
      ck_assert_int_eq(mitch_asset_get_packed(a.asset_id, &b), MITCH_OK);
      ck_assert_ptr_eq(b.aliases, a.aliases);
    }
    ck_assert_int_eq(mitch_asset_at((uint8_t)c, n, &a), MITCH_ERR_NOT_FOUND);
  }
  ck_assert_int_eq(mitch_asset_at(16, 0, NULL), MITCH_ERR_INVALID_DATA);
  {
    mitch_asset a;
    ck_assert_int_eq(mitch_asset_at(16, 0, &a), MITCH_ERR_INVALID_FIELD_VALUE);
  }
}
END_TEST

START_TEST(test_by_id) {
  mitch_asset a;
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_FOREX, 1301, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "Euro");
  ck_assert_str_eq(a.symbol, "EUR");
  ck_assert_uint_eq(a.asset_id, 0x30515);
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_FOREX, 5001, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "US Dollar");
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_FOREX, 3401, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "Polish Złoty"); /* the registry's spelling */
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_INDICES, 6301, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "S&P 500");
  ck_assert_str_eq(a.aliases, "SPX|SPXUSD|SP500|US500|SPX500|SPCUSD|INX|GSPC|ES|MES|ESF|SPXF|SP");
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_CRYPTO, 2701, &a), MITCH_OK);
  ck_assert_str_eq(a.aliases, "BTC|XBT");
  ck_assert_int_eq(mitch_asset_get_packed(0x60A8D, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "Bitcoin");
  /* Reference quirks: a padded alias, rows without aliases. */
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_EQUITIES, 11241, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "Reckitt Benckiser");
  ck_assert_str_eq(a.aliases, "RKT");
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_CRYPTO, 6801, &a), MITCH_OK);
  ck_assert_str_eq(a.name, "FLUID");
  ck_assert_str_eq(a.symbol, "");
  ck_assert_str_eq(a.aliases, "");

  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_FOREX, 1302, &a), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_FOREX, 0, &a), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_get(MITCH_CLASS_INFRASTRUCTURE, 1801, &a), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_get(15, 1, &a), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_asset_get(16, 1, &a), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_asset_get_packed(0x100000, &a), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_asset_get(3, 1301, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_asset_get_packed(0x30515, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_duplicates_addressable) {
  static const struct {
    uint8_t cls;
    uint16_t a, b;
  } dups[] = {{0, 3971, 13901}, {0, 961, 5281}, {6, 12801, 12901}, {10, 1901, 2001}};
  size_t i;
  mitch_asset x, y;
  for (i = 0; i < sizeof dups / sizeof dups[0]; i++) {
    ck_assert_int_eq(mitch_asset_get(dups[i].cls, dups[i].a, &x), MITCH_OK);
    ck_assert_int_eq(mitch_asset_get(dups[i].cls, dups[i].b, &y), MITCH_OK);
    ck_assert_str_eq(x.name, y.name);
    ck_assert_uint_ne(x.asset_id, y.asset_id);
    /* By name: tie rule 5, the lower id. */
    ck_assert_int_eq(mitch_asset_find(x.name, dups[i].cls, 0.8, &y, NULL), MITCH_OK);
    ck_assert_uint_eq(y.class_id, dups[i].a);
  }
  /* ...unless a symbol says otherwise: POL is the second Polygon. */
  ck_assert_int_eq(mitch_asset_find("POL", -1, 0.8, &y, NULL), MITCH_OK);
  ck_assert_uint_eq(y.class_id, 12901);
  ck_assert_int_eq(mitch_asset_find("MATIC", -1, 0.8, &y, NULL), MITCH_OK);
  ck_assert_uint_eq(y.class_id, 12801);
}
END_TEST

/* The next '|'-separated item of *list, copied to item (NULL at the end). */
static const char *next_item(const char **list, char *item, size_t cap) {
  size_t n = 0;
  if (!*list)
    return NULL;
  while (**list && **list != '|') {
    if (n + 1 < cap)
      item[n++] = **list;
    (*list)++;
  }
  item[n] = '\0';
  *list = **list ? *list + 1 : NULL;
  return item;
}

/* Does asset a have a name or alias whose key is `key`? */
static int has_key(const mitch_asset *a, const char *key) {
  char item[256], k[300];
  const char *list = a->aliases;
  mitch_name_key(a->name, k, sizeof k, NULL);
  if (strcmp(k, key) == 0)
    return 1;
  while (next_item(&list, item, sizeof item)) {
    mitch_name_key(item, k, sizeof k, NULL);
    if (strcmp(k, key) == 0)
      return 1;
  }
  return 0;
}

/* Every name and alias finds, within its class, an entry with exactly
   that key (confidence 1): the index holds every registry string under its
   key, and the hash table finds every key. */
START_TEST(test_every_string_exact) {
  unsigned c;
  size_t checked = 0;
  for (c = 0; c < 16; c++) {
    size_t i, n = mitch_asset_count((uint8_t)c);
    for (i = 0; i < n; i++) {
      mitch_asset a, hit;
      char item[256], key[300];
      const char *list;
      int first = 1;
      mitch_asset_at((uint8_t)c, i, &a);
      list = a.aliases;
      for (;;) {
        const char *p;
        size_t klen;
        double conf = 0;
        if (first) {
          p = a.name;
          first = 0;
        } else if ((p = next_item(&list, item, sizeof item)) == NULL) {
          break;
        }
        if (!*p || mitch_name_key(p, key, sizeof key, &klen) != MITCH_OK || klen == 0)
          continue;
        ck_assert_msg(mitch_asset_find(p, (int)c, 0.99, &hit, &conf) == MITCH_OK && conf == 1.0,
                      "%s (%u/%u) does not find itself exactly", p, c, a.class_id);
        ck_assert_msg(has_key(&hit, key), "%s found %s, which has no key %s", p, hit.name, key);
        checked++;
      }
    }
  }
  ck_assert_uint_gt(checked, 5000);
}
END_TEST

/* ---- flat getters and buffers --------------------------------------------------- */

START_TEST(test_flat_get_asset_by_id) {
  char name[64], aliases[64];
  uint32_t id = 0;
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, name, sizeof name, aliases, sizeof aliases),
                   MITCH_OK);
  ck_assert_uint_eq(id, 0x30515);
  ck_assert_str_eq(name, "Euro");
  ck_assert_str_eq(aliases, "EUR");
  /* Not found is 1 in the flat ABI; outputs untouched. */
  id = 77;
  strcpy(name, "keep");
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1302, &id, name, sizeof name, NULL, 0),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(id, 77);
  ck_assert_str_eq(name, "keep");
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, NULL, name, sizeof name, NULL, 0),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, NULL, 5, NULL, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, NULL, 0, NULL, 0), MITCH_OK);
  ck_assert_int_eq(mitch_get_asset_by_id(16, 1301, &id, NULL, 0, NULL, 0),
                   MITCH_ERR_INVALID_FIELD_VALUE);
}
END_TEST

START_TEST(test_flat_truncation) {
  char name[16];
  uint32_t id;
  /* "Polish Złoty": 'ł' is bytes 8-9.  A 10-byte buffer holds 9 bytes
     plus the NUL; the cut steps back so as not to split 'ł'. */
  memset(name, '#', sizeof name);
  ck_assert_int_eq(mitch_get_asset_by_id(3, 3401, &id, name, 10, NULL, 0), MITCH_OK);
  ck_assert_str_eq(name, "Polish Z");
  ck_assert_int_eq(mitch_get_asset_by_id(3, 3401, &id, name, 11, NULL, 0), MITCH_OK);
  ck_assert_str_eq(name, "Polish Zł");
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, name, 1, NULL, 0), MITCH_OK);
  ck_assert_str_eq(name, "");
  /* A length of 0 writes nothing at all. */
  memset(name, '#', sizeof name);
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, name, 0, NULL, 0), MITCH_OK);
  ck_assert_int_eq(name[0], '#');
  /* Exactly fitting: "Euro" + NUL in 5 bytes. */
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, name, 5, NULL, 0), MITCH_OK);
  ck_assert_str_eq(name, "Euro");
  ck_assert_int_eq(mitch_get_asset_by_id(3, 1301, &id, name, 4, NULL, 0), MITCH_OK);
  ck_assert_str_eq(name, "Eur");
  /* The same rules in the resolving calls. */
  memset(name, '#', sizeof name);
  ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, NULL, NULL, name, 9, NULL, 0, NULL),
                   MITCH_OK);
  ck_assert_str_eq(name, "Polish Z");
  ck_assert_int_eq(mitch_resolve_asset("PLN", 0.8, &id, NULL, NULL, name, 0, NULL, 0, NULL),
                   MITCH_OK);
  ck_assert_str_eq(name, "Polish Z");
  {
    char aliases[8];
    ck_assert_int_eq(mitch_resolve_asset("SPX", 0.8, &id, NULL, NULL, NULL, 0, aliases,
                                         sizeof aliases, NULL),
                     MITCH_OK);
    ck_assert_str_eq(aliases, "SPX|SPX");
  }
}
END_TEST

/* ---- ticker ids and packed assets on registry legs ------------------------------ */

START_TEST(test_ticker_id_limits) {
  uint64_t id = 0;
  uint8_t t, bc, qc;
  uint16_t bi, qi;
  uint32_t sub;
  /* Every field at its largest value lands in its bits. */
  ck_assert_int_eq(mitch_create_ticker_id(15, 0, 0, 0, 0, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0xF000000000000000u);
  ck_assert_int_eq(mitch_create_ticker_id(0, 15, 0, 0, 0, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x0F00000000000000u);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0xFFFF, 0, 0, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x00FFFF0000000000u);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 15, 0, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x000000F000000000u);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 0, 0xFFFF, 0, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x0000000FFFF00000u);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 0, 0, 0xFFFFF, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x00000000000FFFFFu);
  ck_assert_int_eq(mitch_decode_ticker_id(0xFFFFFFFFFFFFFFFFu, &t, &bc, &bi, &qc, &qi, &sub),
                   MITCH_OK);
  ck_assert(t == 15 && bc == 15 && bi == 0xFFFF && qc == 15 && qi == 0xFFFF && sub == 0xFFFFF);
  /* One past each limit is refused, never masked. */
  id = 123;
  ck_assert_int_eq(mitch_create_ticker_id(16, 0, 0, 0, 0, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 16, 0, 0, 0, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 16, 0, 0, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 0, 0, 0x100000, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_create_ticker_id(0, 0, 0, 0, 0, 0xFFFFFFFFu, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(id, 123);
}
END_TEST

START_TEST(test_builders) {
  uint64_t id = 0;
  uint32_t usd, usdt;
  ck_assert_int_eq(mitch_pack_asset(MITCH_CLASS_FOREX, 5001, &usd), MITCH_OK);
  ck_assert_int_eq(mitch_pack_asset(MITCH_CLASS_CRYPTO, 17601, &usdt), MITCH_OK);
  /* EUR/USD spot: protocol.md's example with the registry ids. */
  ck_assert_int_eq(mitch_ticker_id_forex(MITCH_SPOT, 1301, 5001, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x0305153138900000u);
  /* BTC/USDT perpetual, AAPL/USD spot (tickers.tsv). */
  ck_assert_int_eq(mitch_ticker_id_crypto(MITCH_PERPETUAL_SWAP, 2701, usdt, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x460a8d644c100000u);
  ck_assert_int_eq(mitch_ticker_id_equity(MITCH_SPOT, 831, usd, &id), MITCH_OK);
  ck_assert_uint_eq(id, 0x00033f3138900000u);
  ck_assert(mitch_ticker_id_is_equity(id) && mitch_ticker_id_is_spot(id));
  /* Overflowing arguments are refused. */
  ck_assert_int_eq(mitch_ticker_id_forex(16, 1301, 5001, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_crypto(0, 2701, 0x100000, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_equity(0, 831, 0xFFFFFFFFu, &id),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_ticker_id_forex(0, 1301, 5001, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_packed_asset_limits) {
  uint32_t packed = 7;
  uint8_t cls = 1;
  uint16_t id = 2;
  ck_assert_int_eq(mitch_pack_asset(15, 0xFFFF, &packed), MITCH_OK);
  ck_assert_uint_eq(packed, 0xFFFFFu);
  ck_assert_int_eq(mitch_pack_asset(0, 0, &packed), MITCH_OK);
  ck_assert_uint_eq(packed, 0);
  ck_assert_int_eq(mitch_unpack_asset(0xFFFFFu, &cls, &id), MITCH_OK);
  ck_assert(cls == 15 && id == 0xFFFF);
  ck_assert_int_eq(mitch_unpack_asset(0, &cls, &id), MITCH_OK);
  ck_assert(cls == 0 && id == 0);
  packed = 7;
  ck_assert_int_eq(mitch_pack_asset(16, 1, &packed), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(packed, 7);
  ck_assert_int_eq(mitch_unpack_asset(0x100000u, &cls, &id), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert(cls == 0 && id == 0);
  ck_assert_int_eq(mitch_pack_asset(3, 1301, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_asset(0x30515, NULL, &id), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* Every registry asset: packed round trip, and as the base of a ticker id
   against US Dollar, decoded back to its class and id. */
START_TEST(test_registry_round_trips) {
  unsigned c;
  for (c = 0; c < 16; c++) {
    size_t i, n = mitch_asset_count((uint8_t)c);
    for (i = 0; i < n; i++) {
      mitch_asset a;
      uint32_t packed;
      uint8_t cls, t, bc, qc;
      uint16_t cid, bi, qi;
      uint32_t sub;
      uint64_t id;
      mitch_asset_at((uint8_t)c, i, &a);
      ck_assert_int_eq(mitch_pack_asset(a.asset_class, a.class_id, &packed), MITCH_OK);
      ck_assert_uint_eq(packed, a.asset_id);
      ck_assert_int_eq(mitch_unpack_asset(packed, &cls, &cid), MITCH_OK);
      ck_assert(cls == a.asset_class && cid == a.class_id);
      ck_assert_int_eq(mitch_create_ticker_id(MITCH_CFD, a.asset_class, a.class_id, 3, 5001, 0,
                                              &id),
                       MITCH_OK);
      ck_assert_int_eq(mitch_decode_ticker_id(id, &t, &bc, &bi, &qc, &qi, &sub), MITCH_OK);
      ck_assert(t == MITCH_CFD && bc == a.asset_class && bi == a.class_id && qc == 3 &&
                qi == 5001 && sub == 0);
    }
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("registry");
  TCase *tc = tu_tcase("tables");
  tcase_add_test(tc, test_asset_classes);
  tcase_add_test(tc, test_instrument_types);
  tcase_add_test(tc, test_counts);
  tcase_add_test(tc, test_iteration);
  tcase_add_test(tc, test_by_id);
  tcase_add_test(tc, test_duplicates_addressable);
  tcase_add_test(tc, test_every_string_exact);
  suite_add_tcase(s, tc);
  tc = tu_tcase("flat");
  tcase_add_test(tc, test_flat_get_asset_by_id);
  tcase_add_test(tc, test_flat_truncation);
  suite_add_tcase(s, tc);
  tc = tu_tcase("ids");
  tcase_add_test(tc, test_ticker_id_limits);
  tcase_add_test(tc, test_builders);
  tcase_add_test(tc, test_packed_asset_limits);
  tcase_add_test(tc, test_registry_round_trips);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
