/*
 * bench_registry.c - how fast the registry answers, through the flat ABI
 * every binding calls.
 *
 *   bench/bench_registry [--runs N] [--quick]
 *
 * Corpora come from the conformance vectors (the resolution TSVs under
 * $MITCH_VECTORS_DIR, else the source tree's tests/vectors):
 *   exact asset    the assets.tsv queries that hit exactly (confidence 1)
 *   fuzzy asset    the assets.tsv queries that need Jaro-Winkler (typos)
 *   ticker         every symbol of tickers.tsv
 *   provider exact / fuzzy   providers.tsv, split the same way
 * and a cost curve: one fuzzy asset query (a misspelt company name, no
 * exact hit) cut to 4, 8, 16, ... 255 bytes, to show how the pruned
 * Jaro-Winkler search grows with the query's length.
 * For each query the call is repeated in a tight loop and timed with
 * CLOCK_MONOTONIC; a run's figure is the median over the queries of the
 * mean time per call.  The program prints every run and the median of the
 * runs, with the targets of issue 3 next to them.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_clock.h"

#include "mitch.h"

#ifndef BENCH_DEFAULT_VECTORS_DIR
#define BENCH_DEFAULT_VECTORS_DIR "tests/vectors"
#endif

#define MAX_QUERIES 512
#define MAX_RUNS 64

typedef struct query {
  char text[MITCH_QUERY_MAX + 1];
  int instrument_type;
  double min_confidence;
} query;

enum kind { KIND_ASSET, KIND_TICKER, KIND_PROVIDER };

typedef struct corpus {
  const char *name;
  double target_ns;
  enum kind kind;
  query q[MAX_QUERIES];
  size_t n;
} corpus;

static corpus exact_assets = {"exact asset lookup", 100, KIND_ASSET, {{{0}, 0, 0}}, 0};
static corpus fuzzy_assets = {"fuzzy asset lookup", 10000, KIND_ASSET, {{{0}, 0, 0}}, 0};
static corpus tickers = {"ticker resolution", 1000, KIND_TICKER, {{{0}, 0, 0}}, 0};
static corpus exact_providers = {"provider exact", 100, KIND_PROVIDER, {{{0}, 0, 0}}, 0};
static corpus fuzzy_providers = {"provider fuzzy", 5000, KIND_PROVIDER, {{{0}, 0, 0}}, 0};

/* The cost curve's query: typos in every word, so no prefix of it is an
   exact key; cut to each length of curve_lengths. */
static const char curve_text[] =
    "Internationl Busines Machines Corporatin Holdngs Grup of Compnies and Subsidaries "
    "Worldwid Tradng Operatons in Equites Bonds Comodities Currencys and Derivatves for "
    "Instituional Clints Acros Europ Amrica and Asa Pacfic Regons with Hedg Fundz Pensin Plans "
    "and Sovreign Welth Funds";
static const size_t curve_lengths[] = {4, 8, 16, 32, 64, 128, 255};
#define N_CURVE (sizeof curve_lengths / sizeof curve_lengths[0])
static corpus curve[N_CURVE];

static volatile uint64_t sink; /* keeps the calls from being optimised away */

/* Read a TSV of the vectors directory; calls row() for each data row with
   the fields split in place. */
static int read_tsv(const char *file, size_t ncols, void (*row)(char **cells)) {
  const char *dir = getenv("MITCH_VECTORS_DIR");
  char path[4096], line[4096];
  FILE *f;
  int header = 1;
  if (!dir || !*dir)
    dir = BENCH_DEFAULT_VECTORS_DIR;
  snprintf(path, sizeof path, "%s/resolution/%s", dir, file);
  f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "bench_registry: cannot open %s (set MITCH_VECTORS_DIR)\n", path);
    return 0;
  }
  while (fgets(line, sizeof line, f)) {
    char *cells[16];
    size_t n = 0;
    char *p = line;
    line[strcspn(line, "\r\n")] = '\0';
    if (header) {
      header = 0;
      continue;
    }
    cells[n++] = p;
    while (n < 16 && (p = strchr(p, '\t')) != NULL) {
      *p++ = '\0';
      cells[n++] = p;
    }
    if (n != ncols) {
      fprintf(stderr, "bench_registry: %s: bad row\n", path);
      fclose(f);
      return 0;
    }
    row(cells);
  }
  fclose(f);
  return 1;
}

static void add(corpus *c, const char *text, int type, double min) {
  if (c->n >= MAX_QUERIES || strlen(text) > MITCH_QUERY_MAX)
    return;
  strcpy(c->q[c->n].text, text);
  c->q[c->n].instrument_type = type;
  c->q[c->n].min_confidence = min;
  c->n++;
}

static void ticker_row(char **cells) { add(&tickers, cells[0], atoi(cells[1]), 0); }

static void asset_row(char **cells) {
  uint32_t id;
  double conf = 0, min = atof(cells[2]);
  if (strcmp(cells[1], "-") != 0 || strcmp(cells[3], "-") == 0)
    return; /* class-filtered and not-found rows are not the common case */
  if (mitch_resolve_asset(cells[0], min, &id, NULL, NULL, NULL, 0, NULL, 0, &conf) != MITCH_OK)
    return;
  add(conf == 1.0 ? &exact_assets : &fuzzy_assets, cells[0], 0, min);
}

static void provider_row(char **cells) {
  uint16_t id;
  double conf = 0, min = atof(cells[1]);
  if (strcmp(cells[2], "-") == 0)
    return;
  if (mitch_find_market_provider(cells[0], min, &id, NULL, 0, &conf) != MITCH_OK)
    return;
  add(conf == 1.0 ? &exact_providers : &fuzzy_providers, cells[0], 0, min);
}

static void call(const corpus *c, const query *q) {
  if (c->kind == KIND_TICKER) {
    uint64_t t = 0;
    mitch_resolve_ticker(q->text, (uint8_t)q->instrument_type, &t, NULL, NULL, NULL);
    sink += t;
  } else if (c->kind == KIND_ASSET) {
    uint32_t id = 0;
    char name[64];
    mitch_resolve_asset(q->text, q->min_confidence, &id, NULL, NULL, name, sizeof name, NULL, 0,
                        NULL);
    sink += id;
  } else {
    uint16_t id = 0;
    mitch_find_market_provider(q->text, q->min_confidence, &id, NULL, 0, NULL);
    sink += id;
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One run: the median over the queries of the mean ns per call. */
static double run(const corpus *c, double budget_ns_per_query) {
  double per_query[MAX_QUERIES];
  size_t i;
  for (i = 0; i < c->n; i++) {
    const query *q = &c->q[i];
    double t0, t1;
    long reps = 16, r;
    call(c, q); /* warm the caches */
    /* Grow the loop until it lasts long enough to time reliably. */
    for (;;) {
      t0 = now_ns();
      for (r = 0; r < reps; r++)
        call(c, q);
      t1 = now_ns();
      if (t1 - t0 >= budget_ns_per_query || reps >= (1L << 24))
        break;
      reps *= 4;
    }
    per_query[i] = (t1 - t0) / (double)reps;
  }
  return median(per_query, c->n);
}

int main(int argc, char **argv) {
  corpus *all[5];
  int runs = 5, a, ok = 1;
  double budget = 2e6; /* 2 ms of calls per query and run */
  size_t k;
  for (a = 1; a < argc; a++) {
    if (strcmp(argv[a], "--runs") == 0 && a + 1 < argc)
      runs = atoi(argv[++a]);
    else if (strcmp(argv[a], "--quick") == 0) {
      runs = 3;
      budget = 2e5;
    } else {
      fprintf(stderr, "usage: %s [--runs N] [--quick]\n", argv[0]);
      return 2;
    }
  }
  if (runs < 1 || runs > MAX_RUNS)
    runs = 5;
  if (!read_tsv("tickers.tsv", 9, ticker_row) || !read_tsv("assets.tsv", 6, asset_row) ||
      !read_tsv("providers.tsv", 4, provider_row))
    return 1;
  all[0] = &exact_assets;
  all[1] = &fuzzy_assets;
  all[2] = &tickers;
  all[3] = &exact_providers;
  all[4] = &fuzzy_providers;
  printf("registry benchmark: libmitch %s, median ns per call over each corpus, %d runs\n",
         mitch_get_version(), runs);
  for (k = 0; k < 5; k++) {
    double results[MAX_RUNS], m;
    int r;
    if (all[k]->n == 0) {
      printf("%-20s no queries\n", all[k]->name);
      ok = 0;
      continue;
    }
    printf("%-20s %3zu queries, runs:", all[k]->name, all[k]->n);
    for (r = 0; r < runs; r++) {
      results[r] = run(all[k], budget);
      printf(" %.0f", results[r]);
    }
    m = median(results, (size_t)runs);
    printf(" -> median %.0f ns (target <= %.0f ns)%s\n", m, all[k]->target_ns,
           m <= all[k]->target_ns ? "" : "  ABOVE TARGET");
    fflush(stdout);
  }

  /* Fuzzy cost against query length (no target: how it grows). */
  printf("\nfuzzy asset lookup by query length (min confidence 0.6), median ns per call:\n");
  for (k = 0; k < N_CURVE; k++) {
    double results[MAX_RUNS];
    int r;
    corpus *c = &curve[k];
    c->kind = KIND_ASSET;
    c->n = 1;
    memcpy(c->q[0].text, curve_text, curve_lengths[k]);
    c->q[0].text[curve_lengths[k]] = '\0';
    c->q[0].min_confidence = 0.6;
    for (r = 0; r < runs; r++)
      results[r] = run(c, budget);
    printf("  %3zu bytes  %9.0f ns\n", curve_lengths[k], median(results, (size_t)runs));
    fflush(stdout);
  }
  return ok ? 0 : 1;
}
