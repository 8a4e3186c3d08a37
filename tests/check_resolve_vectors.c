/*
 * check_resolve_vectors.c - every row of the resolution conformance
 * vectors (the project's copy, tests/vectors/resolution, or
 * $MITCH_VECTORS_DIR): tickers.tsv, assets.tsv and providers.tsv, through
 * the typed API and through the flat ABI.
 *
 * Each test runs all rows of its file and reports every failing row, so
 * one run shows the whole picture.  A row that cannot be parsed fails.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* Failure report: the rows that failed, one per line. */
typedef struct report {
  char text[8192];
  size_t len;
  unsigned failures;
} report;

static void fail_row(report *r, size_t row, const char *what, const char *detail) {
  int n;
  r->failures++;
  if (r->len >= sizeof r->text - 1)
    return;
  n = snprintf(r->text + r->len, sizeof r->text - r->len, "\n  row %zu %s: %s", row + 1, what,
               detail);
  if (n > 0)
    r->len += (size_t)n < sizeof r->text - r->len ? (size_t)n : sizeof r->text - r->len - 1;
}

static void load(const char *file, const char *const *columns, tu_tsv *t) {
  char err[512];
  ck_assert_msg(tu_tsv_load(file, columns, t, err, sizeof err), "%s", err);
  ck_assert_msg(t->nrows > 0, "%s has no rows", file);
}

static unsigned number(report *r, size_t row, const char *text, uint64_t max) {
  uint64_t v;
  if (!tu_parse_u64(text, &v) || v > max) {
    fail_row(r, row, text, "not a number in range");
    return 0;
  }
  return (unsigned)v;
}

static double confidence_of(report *r, size_t row, const char *text) {
  double d;
  if (!tu_parse_double(text, &d) || !(d >= 0 && d <= 1)) {
    fail_row(r, row, text, "bad min_confidence");
    return 2;
  }
  return d;
}

START_TEST(test_tickers) {
  static const char *const cols[] = {"symbol",   "instrument_type", "ticker_id",
                                     "base_class", "base_id",       "quote_class",
                                     "quote_id", "base_name",       "quote_name", NULL};
  tu_tsv t;
  report r;
  size_t i;
  r.len = 0;
  r.failures = 0;
  r.text[0] = '\0';
  load("resolution/tickers.tsv", cols, &t);
  for (i = 0; i < t.nrows; i++) {
    const char *sym = tu_tsv_cell(&t, i, 0);
    unsigned type = number(&r, i, tu_tsv_cell(&t, i, 1), 15);
    uint64_t want_id = 0, flat_id = 0;
    unsigned bc = number(&r, i, tu_tsv_cell(&t, i, 3), 15);
    unsigned bi = number(&r, i, tu_tsv_cell(&t, i, 4), 0xFFFF);
    unsigned qc = number(&r, i, tu_tsv_cell(&t, i, 5), 15);
    unsigned qi = number(&r, i, tu_tsv_cell(&t, i, 6), 0xFFFF);
    mitch_resolution res;
    uint32_t base = 0, quote = 0;
    double conf = -1;
    char detail[512];
    int st;
    if (!tu_parse_u64(tu_tsv_cell(&t, i, 2), &want_id)) {
      fail_row(&r, i, sym, "bad ticker_id");
      continue;
    }
    st = mitch_resolve(sym, (uint8_t)type, &res);
    if (st != MITCH_OK) {
      snprintf(detail, sizeof detail, "mitch_resolve status %d", st);
      fail_row(&r, i, sym, detail);
      continue;
    }
    if (res.ticker_id != want_id || res.base.asset_class != bc || res.base.class_id != bi ||
        res.quote.asset_class != qc || res.quote.class_id != qi ||
        strcmp(res.base.name, tu_tsv_cell(&t, i, 7)) != 0 ||
        strcmp(res.quote.name, tu_tsv_cell(&t, i, 8)) != 0 || res.confidence != 1.0 ||
        res.instrument_type != type) {
      snprintf(detail, sizeof detail, "got 0x%llx %s (%u/%u) / %s (%u/%u) conf %g [%s]",
               (unsigned long long)res.ticker_id, res.base.name, res.base.asset_class,
               res.base.class_id, res.quote.name, res.quote.asset_class, res.quote.class_id,
               res.confidence, res.steps);
      fail_row(&r, i, sym, detail);
      continue;
    }
    /* The flat call gives the same id and the packed legs. */
    st = mitch_resolve_ticker(sym, (uint8_t)type, &flat_id, &base, &quote, &conf);
    if (st != MITCH_OK || flat_id != want_id || base != ((uint32_t)bc << 16 | bi) ||
        quote != ((uint32_t)qc << 16 | qi) || conf != 1.0)
      fail_row(&r, i, sym, "mitch_resolve_ticker disagrees");
  }
  ck_assert_msg(r.failures == 0, "%u of %zu ticker rows failed:%s", r.failures, t.nrows,
                r.text);
  tu_tsv_free(&t);
}
END_TEST

START_TEST(test_assets) {
  static const char *const cols[] = {"query",        "class_filter", "min_confidence",
                                     "expect_class", "expect_id",    "expect_name", NULL};
  tu_tsv t;
  report r;
  size_t i;
  r.len = 0;
  r.failures = 0;
  r.text[0] = '\0';
  load("resolution/assets.tsv", cols, &t);
  for (i = 0; i < t.nrows; i++) {
    const char *q = tu_tsv_cell(&t, i, 0);
    const char *filter = tu_tsv_cell(&t, i, 1);
    int cls = strcmp(filter, "-") == 0 ? -1 : (int)number(&r, i, filter, 15);
    double min = confidence_of(&r, i, tu_tsv_cell(&t, i, 2));
    int expect_none = strcmp(tu_tsv_cell(&t, i, 3), "-") == 0;
    mitch_asset a;
    double conf = -1;
    char detail[512], name[128];
    uint32_t packed = 0;
    uint16_t class_id = 0;
    uint8_t asset_class = 0;
    int st = mitch_asset_find(q, cls, min, &a, &conf), flat;
    if (cls < 0)
      flat = mitch_resolve_asset(q, min, &packed, &class_id, &asset_class, name, sizeof name,
                                 NULL, 0, NULL);
    else
      flat = mitch_resolve_asset_in_class(q, (uint8_t)cls, min, &packed, &class_id, name,
                                          sizeof name, NULL, 0, NULL);
    if (expect_none) {
      if (st != MITCH_ERR_NOT_FOUND || flat != MITCH_ERR_INVALID_DATA) {
        snprintf(detail, sizeof detail, "expected not found, got %d/%d (%s %g)", st, flat,
                 st == MITCH_OK ? a.name : "-", conf);
        fail_row(&r, i, q, detail);
      }
      continue;
    }
    {
      unsigned ec = number(&r, i, tu_tsv_cell(&t, i, 3), 15);
      unsigned ei = number(&r, i, tu_tsv_cell(&t, i, 4), 0xFFFF);
      const char *en = tu_tsv_cell(&t, i, 5);
      if (st != MITCH_OK || a.asset_class != ec || a.class_id != ei || strcmp(a.name, en) != 0 ||
          conf < min || conf > 1) {
        snprintf(detail, sizeof detail, "status %d, got %s (%u/%u) conf %g", st,
                 st == MITCH_OK ? a.name : "-", a.asset_class, a.class_id, conf);
        fail_row(&r, i, q, detail);
        continue;
      }
      if (flat != MITCH_OK || packed != ((uint32_t)ec << 16 | ei) || class_id != ei ||
          strcmp(name, en) != 0 || (cls < 0 && asset_class != ec))
        fail_row(&r, i, q, "flat resolve disagrees");
    }
  }
  ck_assert_msg(r.failures == 0, "%u of %zu asset rows failed:%s", r.failures, t.nrows, r.text);
  tu_tsv_free(&t);
}
END_TEST

START_TEST(test_providers) {
  static const char *const cols[] = {"query", "min_confidence", "expect_id", "expect_name",
                                     NULL};
  tu_tsv t;
  report r;
  size_t i;
  r.len = 0;
  r.failures = 0;
  r.text[0] = '\0';
  load("resolution/providers.tsv", cols, &t);
  for (i = 0; i < t.nrows; i++) {
    const char *q = tu_tsv_cell(&t, i, 0);
    double min = confidence_of(&r, i, tu_tsv_cell(&t, i, 1));
    int expect_none = strcmp(tu_tsv_cell(&t, i, 2), "-") == 0;
    mitch_provider p;
    double conf = -1;
    uint16_t id = 0;
    char name[128], detail[512];
    int st = mitch_provider_find(q, min, &p, &conf);
    int flat = mitch_find_market_provider(q, min, &id, name, sizeof name, NULL);
    if (expect_none) {
      if (st != MITCH_ERR_NOT_FOUND || flat != MITCH_ERR_INVALID_DATA) {
        snprintf(detail, sizeof detail, "expected not found, got %d/%d (%s)", st, flat,
                 st == MITCH_OK ? p.name : "-");
        fail_row(&r, i, q, detail);
      }
      continue;
    }
    {
      unsigned eid = number(&r, i, tu_tsv_cell(&t, i, 2), 0xFFFF);
      const char *en = tu_tsv_cell(&t, i, 3);
      if (st != MITCH_OK || p.id != eid || strcmp(p.name, en) != 0 || conf < min) {
        snprintf(detail, sizeof detail, "status %d, got %s (%u) conf %g", st,
                 st == MITCH_OK ? p.name : "-", st == MITCH_OK ? p.id : 0, conf);
        fail_row(&r, i, q, detail);
        continue;
      }
      if (flat != MITCH_OK || id != eid || strcmp(name, en) != 0)
        fail_row(&r, i, q, "mitch_find_market_provider disagrees");
    }
  }
  ck_assert_msg(r.failures == 0, "%u of %zu provider rows failed:%s", r.failures, t.nrows,
                r.text);
  tu_tsv_free(&t);
}
END_TEST

int main(void) {
  Suite *s = suite_create("resolution vectors");
  TCase *tc = tu_tcase("vectors");
  tcase_add_test(tc, test_tickers);
  tcase_add_test(tc, test_assets);
  tcase_add_test(tc, test_providers);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
