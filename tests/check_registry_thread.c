/*
 * check_registry_thread.c - 8 threads resolving a mixed corpus at once get
 * exactly the answers of a single thread (status, ids, confidence bits,
 * steps text).  The registry keeps no mutable state, so this must hold from
 * the very first call: the threads start together, before anything was
 * resolved in the process, and CI also runs it under ThreadSanitizer.
 */
#include <config.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define THREADS 8
#define ROUNDS 20

/* Tickers, assets (exact, cleaned, fuzzy, class-filtered, not found) and
   providers, plus hostile input. */
static const char *const corpus[] = {
    "EURUSD", "EUR/USD", "GBPJPYmini", "USDTRY", "EURUSDm", "US30.cash", "^SPX", "BTC-USDT",
    "ETHBTC", "LINK/ETH", "$BOBLEUR.ecn", "FRA40EURm", "XAUUSD.c", "AAPL.US", "Apple Inc.",
    "Microsoft Corporation", "Etherium", "Nvidea", "Japanse Yen", "Euro Stox 50", "Bitcoinn",
    "USD", "", "   ", "^", "zzqxjv", "\xff\xfe", "ETH", "ETH+", "U.S.D/BTC", "S&P 500",
    "Binance", "Binanse", "IBKR", "Interactiv Brokers", "NYSE", "Krakn", "Zzyzx Exchange Qq"};
#define N_QUERIES (sizeof corpus / sizeof corpus[0])

typedef struct answer {
  int ticker_status;
  mitch_resolution ticker;
  int asset_status, class_asset_status;
  mitch_asset asset, class_asset;
  double asset_conf, class_asset_conf;
  int provider_status;
  mitch_provider provider;
  double provider_conf;
  int flat_status;
  uint64_t flat_id;
  char flat_name[32];
} answer;

static void answer_of(const char *q, answer *a) {
  uint32_t packed;
  memset(a, 0, sizeof *a);
  a->ticker_status = mitch_resolve(q, MITCH_CFD, &a->ticker);
  a->asset_status = mitch_asset_find(q, -1, 0.6, &a->asset, &a->asset_conf);
  a->class_asset_status = mitch_asset_find(q, MITCH_CLASS_INDICES, 0.7, &a->class_asset,
                                           &a->class_asset_conf);
  a->provider_status = mitch_provider_find(q, 0.8, &a->provider, &a->provider_conf);
  a->flat_status = mitch_resolve_ticker(q, 0, &a->flat_id, NULL, NULL, NULL);
  mitch_resolve_asset(q, 0.6, &packed, NULL, NULL, a->flat_name, sizeof a->flat_name, NULL, 0,
                      NULL);
}

static int same(const answer *x, const answer *y) {
  /* Compare field by field: the structs have padding. */
  if (x->ticker_status != y->ticker_status || x->asset_status != y->asset_status ||
      x->class_asset_status != y->class_asset_status || x->provider_status != y->provider_status ||
      x->flat_status != y->flat_status || x->flat_id != y->flat_id ||
      strcmp(x->flat_name, y->flat_name) != 0)
    return 0;
  if (x->ticker_status == MITCH_OK &&
      (x->ticker.ticker_id != y->ticker.ticker_id ||
       memcmp(&x->ticker.confidence, &y->ticker.confidence, sizeof(double)) != 0 ||
       x->ticker.base.name != y->ticker.base.name || x->ticker.quote.name != y->ticker.quote.name ||
       strcmp(x->ticker.steps, y->ticker.steps) != 0))
    return 0;
  if (x->asset_status == MITCH_OK &&
      (x->asset.asset_id != y->asset.asset_id || x->asset.name != y->asset.name ||
       memcmp(&x->asset_conf, &y->asset_conf, sizeof(double)) != 0))
    return 0;
  if (x->class_asset_status == MITCH_OK &&
      (x->class_asset.asset_id != y->class_asset.asset_id ||
       memcmp(&x->class_asset_conf, &y->class_asset_conf, sizeof(double)) != 0))
    return 0;
  if (x->provider_status == MITCH_OK &&
      (x->provider.id != y->provider.id ||
       memcmp(&x->provider_conf, &y->provider_conf, sizeof(double)) != 0))
    return 0;
  return 1;
}

static answer threaded[THREADS][N_QUERIES];
static answer expected[N_QUERIES];
static pthread_barrier_t start_line;

typedef struct job {
  int index;
  int mismatches;
} job;

static void *worker(void *arg) {
  job *j = arg;
  int round;
  size_t i;
  pthread_barrier_wait(&start_line);
  for (round = 0; round < ROUNDS; round++) {
    for (i = 0; i < N_QUERIES; i++) {
      /* Each thread walks the corpus from a different place. */
      size_t k = (i + (size_t)j->index * 5) % N_QUERIES;
      answer a;
      answer_of(corpus[k], &a);
      if (round == 0)
        threaded[j->index][k] = a;
      else if (!same(&a, &threaded[j->index][k]))
        j->mismatches++;
    }
  }
  return NULL;
}

START_TEST(test_threads_agree) {
  pthread_t t[THREADS];
  job jobs[THREADS];
  int i;
  size_t k;
  ck_assert_int_eq(pthread_barrier_init(&start_line, NULL, THREADS), 0);
  for (i = 0; i < THREADS; i++) {
    jobs[i].index = i;
    jobs[i].mismatches = 0;
    ck_assert_int_eq(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
  }
  for (i = 0; i < THREADS; i++)
    ck_assert_int_eq(pthread_join(t[i], NULL), 0);
  pthread_barrier_destroy(&start_line);
  /* Now the single-threaded answers. */
  for (k = 0; k < N_QUERIES; k++)
    answer_of(corpus[k], &expected[k]);
  for (i = 0; i < THREADS; i++) {
    ck_assert_msg(jobs[i].mismatches == 0, "thread %d changed its answers %d times", i,
                  jobs[i].mismatches);
    for (k = 0; k < N_QUERIES; k++)
      ck_assert_msg(same(&threaded[i][k], &expected[k]), "thread %d, \"%s\": differs", i,
                    corpus[k]);
  }
  /* A sanity check that the corpus exercises successes. */
  ck_assert_int_eq(expected[0].ticker_status, MITCH_OK);
  ck_assert_uint_eq(expected[0].ticker.ticker_id, 0x5305153138900000u);
}
END_TEST

int main(void) {
  Suite *s = suite_create("registry threads");
  TCase *tc = tu_tcase("threads");
  tcase_add_test(tc, test_threads_agree);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
