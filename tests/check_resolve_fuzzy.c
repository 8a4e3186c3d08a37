/*
 * check_resolve_fuzzy.c - the fuzzy asset lookup gives exactly the answer
 * of a plain search over every registry key, whatever its pruning does.
 *
 * The reference below is written from resolution.md alone: it lists every
 * name and alias of every asset through the public API, keys them with
 * mitch_name_key, scores each with its own textbook Jaro-Winkler (flag
 * arrays, no bounds, no buckets), and picks the best score at or above the
 * threshold with the tie rules (class precedence FX CR CM IP EQ SD then by
 * number, primary symbol > later alias > name, lower id).  Scores are
 * compared as exact fractions so that ties are real ties.
 *
 * Queries: typos of the conformance sample and of this file, plus
 * deterministic mutations (deletion, insertion, substitution, swap, and
 * sometimes a second substitution) of registry keys, at several thresholds
 * and class filters.  The provider lookup is checked the same way (a name
 * hit ranks before an abbreviation hit, then the lower id).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define KEY_CAP 128

typedef struct ref_entry {
  uint8_t cls;
  uint16_t id;
  uint8_t kind; /* 0 primary symbol, 1 later alias, 2 name */
  size_t len;
  char key[KEY_CAP];
} ref_entry;

static ref_entry *entries;
static size_t n_entries;

static void add_entry(uint8_t cls, uint16_t id, uint8_t kind, const char *text) {
  ref_entry *e = &entries[n_entries];
  size_t len = 0;
  if (mitch_name_key(text, e->key, sizeof e->key, &len) != MITCH_OK || len == 0)
    return;
  e->cls = cls;
  e->id = id;
  e->kind = kind;
  e->len = len;
  n_entries++;
}

static void load_registry(void) {
  unsigned c;
  size_t cap = 0;
  for (c = 0; c < 16; c++) { /* a name and up to (bars + 1) aliases per asset */
    size_t i, n = mitch_asset_count((uint8_t)c);
    for (i = 0; i < n; i++) {
      mitch_asset a;
      const char *p;
      mitch_asset_at((uint8_t)c, i, &a);
      cap += 2;
      for (p = a.aliases; *p; p++)
        cap += *p == '|';
    }
  }
  entries = malloc(cap * sizeof *entries);
  ck_assert_ptr_nonnull(entries);
  n_entries = 0;
  for (c = 0; c < 16; c++) {
    size_t i, n = mitch_asset_count((uint8_t)c);
    for (i = 0; i < n; i++) {
      mitch_asset a;
      const char *p;
      uint8_t kind = 0;
      mitch_asset_at((uint8_t)c, i, &a);
      add_entry(a.asset_class, a.class_id, 2, a.name);
      for (p = a.aliases; *p;) {
        char alias[KEY_CAP];
        size_t n2 = strcspn(p, "|");
        ck_assert_uint_lt(n2, sizeof alias);
        memcpy(alias, p, n2);
        alias[n2] = '\0';
        add_entry(a.asset_class, a.class_id, kind, alias);
        kind = 1;
        p += n2;
        if (*p == '|')
          p++;
      }
    }
  }
  ck_assert_uint_gt(n_entries, 5000);
}

/* Textbook Jaro-Winkler as an exact fraction num/den. */
typedef struct frac {
  unsigned long long num, den;
} frac;

/* The fraction as a double, rounded to double even on x87 (i386), where a
   bare quotient keeps 80-bit precision and never equals a stored double. */
static double frac_value(frac f) {
  volatile double v = (double)f.num / (double)f.den;
  return v;
}

static frac ref_jw(const char *a, size_t la, const char *b, size_t lb) {
  unsigned char fa[KEY_CAP * 4], fb[KEY_CAP * 4];
  size_t w, i, j, k, m = 0, half = 0, l = 0;
  frac f;
  if (la == 0 && lb == 0) {
    f.num = f.den = 1;
    return f;
  }
  f.num = 0;
  f.den = 1;
  if (la == 0 || lb == 0)
    return f;
  w = (la > lb ? la : lb) / 2;
  w = w > 0 ? w - 1 : 0;
  memset(fa, 0, la);
  memset(fb, 0, lb);
  for (i = 0; i < la; i++)
    for (j = (i > w ? i - w : 0); j < lb && j <= i + w; j++)
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = 1;
        m++;
        break;
      }
  if (m == 0)
    return f;
  for (i = 0, k = 0; i < la; i++) {
    if (!fa[i])
      continue;
    while (!fb[k])
      k++;
    if (a[i] != b[k])
      half++;
    k++;
  }
  while (l < 4 && l < la && l < lb && a[l] == b[l])
    l++;
  /* jaro = (m/la + m/lb + (m - half/2)/m) / 3, over the common
     denominator 6*la*lb*m; jw = jaro + l/10 * (1 - jaro). */
  {
    unsigned long long d = 6ull * la * lb * m;
    unsigned long long jn = 2ull * m * m * lb + 2ull * m * m * la + (unsigned long long)la * lb * (2 * m - half);
    f.num = jn * (10 - l) + l * d;
    f.den = 10 * d;
  }
  return f;
}

static int frac_cmp(frac x, frac y) {
  unsigned long long a = x.num * y.den, b = y.num * x.den;
  return a < b ? -1 : a > b;
}

static int precedence(uint8_t cls) {
  static const uint8_t order[] = {3, 6, 4, 10, 0, 2};
  int i;
  for (i = 0; i < 6; i++)
    if (order[i] == cls)
      return i;
  return 6 + cls;
}

/* Does entry x beat entry y on the tie rules (score equal)? */
static int ties_better(const ref_entry *x, const ref_entry *y) {
  if (precedence(x->cls) != precedence(y->cls))
    return precedence(x->cls) < precedence(y->cls);
  if (x->kind != y->kind)
    return x->kind < y->kind;
  return x->id < y->id;
}

/* 1: exact key present (not a fuzzy case); 0: *best filled or NULL. */
static int reference(const char *q, int cls, double min, const ref_entry **best, frac *score) {
  size_t i, len = strlen(q);
  *best = NULL;
  for (i = 0; i < n_entries; i++) {
    const ref_entry *e = &entries[i];
    frac s;
    int c;
    if (cls >= 0 && e->cls != cls)
      continue;
    if (e->len == len && memcmp(e->key, q, len) == 0)
      return 1;
    s = ref_jw(q, len, e->key, e->len);
    /* Similarity 0 is never a match, whatever the minimum, even 0
       (resolution.md, fuzzy lookup). */
    if (s.num == 0 || frac_value(s) < min)
      continue;
    c = *best ? frac_cmp(s, *score) : 1;
    if (c > 0 || (c == 0 && ties_better(e, *best))) {
      *best = e;
      *score = s;
    }
  }
  return 0;
}

/* Cleaning would change a query ending in a broker suffix: skip those. */
static int ends_with_suffix(const char *q) {
  static const char *const suffixes[] = {"usx", "mini", "micro", "cash", "spot", "ecn",
                                         "zero", "pro",  "raw",   "std",  "stp",  "vip"};
  size_t i, n = strlen(q);
  for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    size_t l = strlen(suffixes[i]);
    if (n > l && strcmp(q + n - l, suffixes[i]) == 0)
      return 1;
  }
  return 0;
}

static unsigned checked, skipped;

static void compare(const char *q, int cls, double min) {
  const ref_entry *want;
  frac score;
  mitch_asset a;
  double conf = -1;
  int st;
  if (ends_with_suffix(q) || reference(q, cls, min, &want, &score)) {
    skipped++;
    return;
  }
  st = mitch_asset_find(q, cls, min, &a, &conf);
  if (!want) {
    ck_assert_msg(st == MITCH_ERR_NOT_FOUND, "\"%s\" (class %d, min %g): got %s (%u/%u) %.6f, want none",
                  q, cls, min, st == MITCH_OK ? a.name : "-", a.asset_class, a.class_id, conf);
  } else {
    ck_assert_msg(st == MITCH_OK && a.asset_class == want->cls && a.class_id == want->id &&
                      conf == frac_value(score),
                  "\"%s\" (class %d, min %g): status %d, got %u/%u %.9f, want %u/%u %.9f", q,
                  cls, min, st, a.asset_class, a.class_id, conf, want->cls, want->id,
                  frac_value(score));
  }
  checked++;
}

START_TEST(test_named_typos) {
  static const char *const typos[] = {
      "appel", "microsft", "etherium", "nvidea", "amazom", "netflx", "japanseyen", "teslla",
      "cardanno", "platinium", "brentcrudoil", "austrliandollar", "polkadott", "tetherr",
      "nikei225", "chainlnk", "silverr", "eurostox50", "mexicanpesso", "intell", "bitcoinn",
      "solanna", "dogecoyn", "swissfrank", "natralgas", "zzqxjv", "qqqq", "x", "xy", "e1",
      "9", "thewaltdisny", "goldmansacks", "berkshirehathway", "unitedstates10yeartreasurynot",
      "polishzloty", "esteelauder", "nestle", "hermesinternational", "l\xc3\xa9oreal",
      "dassaultsyst\xc3\xa8me", "\xc3\xa9", "\xff\xfe",
      "averyveryverylongquerythatgoesonandonbeyondsixtyfourcharactersofkeyxyz"};
  static const double mins[] = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
  static const int classes[] = {-1, 0, 3, 6, 10};
  size_t i, j, k;
  load_registry();
  for (i = 0; i < sizeof typos / sizeof typos[0]; i++)
    for (j = 0; j < sizeof mins / sizeof mins[0]; j++)
      for (k = 0; k < sizeof classes / sizeof classes[0]; k++)
        compare(typos[i], classes[k], mins[j]);
  ck_assert_uint_gt(checked, 1000);
  free(entries);
}
END_TEST

/* A small deterministic generator (xorshift), so failures reproduce. */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (unsigned)(rng_state % n);
}

START_TEST(test_mutated_keys) {
  static const double mins[] = {0.6, 0.7, 0.75, 0.8, 0.85, 0.9};
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  size_t i;
  load_registry();
  checked = skipped = 0;
  for (i = 0; i < n_entries; i += 3) {
    const ref_entry *e = &entries[i];
    char q[KEY_CAP + 2];
    size_t n = e->len, p;
    int cls;
    if (n < 2 || n + 1 >= sizeof q)
      continue;
    memcpy(q, e->key, n);
    q[n] = '\0';
    p = rnd((unsigned)n);
    switch (rnd(4)) {
    case 0: /* deletion */
      memmove(q + p, q + p + 1, n - p);
      break;
    case 1: /* insertion */
      memmove(q + p + 1, q + p, n - p + 1);
      q[p] = alphabet[rnd(sizeof alphabet - 1)];
      break;
    case 2: /* substitution */
      q[p] = alphabet[rnd(sizeof alphabet - 1)];
      break;
    default: /* swap with the next character */
      if (p + 1 < n) {
        char t = q[p];
        q[p] = q[p + 1];
        q[p + 1] = t;
      }
      break;
    }
    if (rnd(3) == 0 && strlen(q) > 2) /* a second typo */
      q[rnd((unsigned)strlen(q))] = alphabet[rnd(sizeof alphabet - 1)];
    cls = rnd(4) == 0 ? e->cls : rnd(8) == 0 ? (int)rnd(16) : -1;
    compare(q, cls, mins[rnd(sizeof mins / sizeof mins[0])]);
  }
  ck_assert_uint_gt(checked, 500);
  free(entries);
}
END_TEST


/* ---- providers ------------------------------------------------------------ */

typedef struct ref_provider {
  uint16_t id;
  uint8_t kind; /* 0 name, 1 abbreviation */
  size_t len;
  char key[KEY_CAP];
} ref_provider;

START_TEST(test_providers) {
  static const char *const queries[] = {
      "binanse", "krakn", "interactivbrokers", "coinbsae", "bitstmap", "hongkongstockexchang",
      "robinhod", "pepperstne", "nyce", "lse1", "tokyostockexch", "okxx", "bybitt", "x", "qq",
      "zzyzxexchangeqq", "londonstock", "singapor", "degir", "etoro", "ig", "hfx", "cme1",
      /* no byte in common with any provider: not found, even at min 0 */
      "\xf0\x9f\x98\x80"};
  static const double mins[] = {0.0, 0.6, 0.7, 0.8, 0.9};
  ref_provider *refs;
  size_t n = 0, i, j, k, cap = mitch_provider_count() * 8;
  refs = malloc(cap * sizeof *refs);
  ck_assert_ptr_nonnull(refs);
  for (i = 0; i < mitch_provider_count(); i++) {
    mitch_provider p;
    const char *a;
    mitch_provider_at(i, &p);
    refs[n].id = p.id;
    refs[n].kind = 0;
    if (mitch_name_key(p.name, refs[n].key, KEY_CAP, &refs[n].len) == MITCH_OK && refs[n].len)
      n++;
    for (a = p.abbreviations; *a;) {
      char item[KEY_CAP];
      size_t l = strcspn(a, "|");
      memcpy(item, a, l);
      item[l] = '\0';
      ck_assert_uint_lt(n, cap);
      refs[n].id = p.id;
      refs[n].kind = 1;
      if (mitch_name_key(item, refs[n].key, KEY_CAP, &refs[n].len) == MITCH_OK && refs[n].len)
        n++;
      a += l + (a[l] == '|');
    }
  }
  for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
    for (j = 0; j < sizeof mins / sizeof mins[0]; j++) {
      const ref_provider *best = NULL;
      frac best_score = {0, 1};
      size_t len = strlen(queries[i]);
      int exact = 0, st;
      mitch_provider got;
      double conf = -1;
      for (k = 0; k < n && !exact; k++) {
        frac sc;
        int c;
        if (refs[k].len == len && memcmp(refs[k].key, queries[i], len) == 0) {
          exact = 1;
          break;
        }
        sc = ref_jw(queries[i], len, refs[k].key, refs[k].len);
        if (sc.num == 0 || frac_value(sc) < mins[j]) /* 0 is no match */
          continue;
        c = best ? frac_cmp(sc, best_score) : 1;
        if (c > 0 || (c == 0 && (refs[k].kind < best->kind ||
                                 (refs[k].kind == best->kind && refs[k].id < best->id)))) {
          best = &refs[k];
          best_score = sc;
        }
      }
      if (exact)
        continue;
      st = mitch_provider_find(queries[i], mins[j], &got, &conf);
      if (!best)
        ck_assert_msg(st == MITCH_ERR_NOT_FOUND, "\"%s\" (min %g): got %s", queries[i], mins[j],
                      st == MITCH_OK ? got.name : "-");
      else
        ck_assert_msg(st == MITCH_OK && got.id == best->id &&
                          conf == frac_value(best_score),
                      "\"%s\" (min %g): status %d, got %u %.9f, want %u %.9f", queries[i],
                      mins[j], st, got.id, conf, best->id,
                      frac_value(best_score));
    }
  }
  free(refs);
}
END_TEST

int main(void) {
  Suite *s = suite_create("resolve fuzzy");
  TCase *tc = tu_tcase("against a plain search");
  tcase_add_test(tc, test_named_typos);
  tcase_add_test(tc, test_mutated_keys);
  tcase_add_test(tc, test_providers);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
