/*
 * c_baseline.c - the C side of the Java and C# benchmarks: the identical
 * work done from C, in the same invocation as the binding's figures.
 *
 *   c_baseline [scalar_iterations [bulk_bodies]]
 *
 * Prints one line per operation, "<name> <median> <min> <max>" in
 * nanoseconds per call (per body for the bulk lines), over 5 runs:
 *   pack          mitch_trade_encode of a trade built from its fields
 *   unpack        mitch_trade_decode of 32 bytes
 *   bulk_structs  mitch_trade_decode_batch of N bodies into a struct array
 *                 (what the C# binding does: its structs are mitch.h's)
 *   bulk_columns  the same, in chunks of 512 on the stack, then each field
 *                 copied into its own column (what the JNI glue does)
 */
#include <mitch.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../bench/bench_clock.h"

#define RUNS 5

static volatile uint64_t sink;

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void report(const char *name, double *t) {
  qsort(t, RUNS, sizeof *t, cmp_double);
  printf("%s %.3f %.3f %.3f\n", name, t[RUNS / 2], t[0], t[RUNS - 1]);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 5000000;
  long bulk = argc > 2 ? atol(argv[2]) : 1000000;
  double t[RUNS];
  uint8_t buf[MITCH_TRADE_SIZE];
  uint8_t *bodies;
  mitch_trade *structs, chunk[512];
  int64_t *tickers, *quantities, *trade_ids;
  double *prices;
  int8_t *sides;
  int r;
  long i;

  if (n <= 0 || bulk <= 0)
    return 2;
  bodies = malloc((size_t)bulk * MITCH_TRADE_SIZE);
  structs = malloc((size_t)bulk * sizeof *structs);
  tickers = malloc((size_t)bulk * sizeof *tickers);
  quantities = malloc((size_t)bulk * sizeof *quantities);
  trade_ids = malloc((size_t)bulk * sizeof *trade_ids);
  prices = malloc((size_t)bulk * sizeof *prices);
  sides = malloc((size_t)bulk);
  if (!bodies || !structs || !tickers || !quantities || !trade_ids || !prices || !sides)
    return 1;
  for (i = 0; i < bulk; i++) {
    mitch_trade v = {0x0305153138900000u + (uint64_t)(i & 7), 1.0 + (double)(i % 1000) / 1024.0,
                     (uint32_t)(i % 100000) + 1, (uint32_t)i + 1, (uint8_t)(i & 1)};
    if (mitch_trade_encode(&v, bodies + i * MITCH_TRADE_SIZE, MITCH_TRADE_SIZE) != MITCH_OK)
      return 1;
  }

  for (r = 0; r < RUNS; r++) {
    double start = now_ns();
    for (i = 0; i < n; i++) {
      mitch_trade v;
      v.ticker_id = 0x0305153138900000u;
      v.price = 1.0850;
      v.quantity = (uint32_t)(i & 0xffff) + 1;
      v.trade_id = 7;
      v.side = MITCH_SIDE_BUY;
      sink += (uint64_t)mitch_trade_encode(&v, buf, sizeof buf) + buf[16];
    }
    t[r] = (now_ns() - start) / (double)n;
  }
  report("pack", t);

  for (r = 0; r < RUNS; r++) {
    double start = now_ns();
    for (i = 0; i < n; i++) {
      mitch_trade v;
      sink += (uint64_t)mitch_trade_decode(bodies + (i & 1023) * MITCH_TRADE_SIZE,
                                           MITCH_TRADE_SIZE, &v) + v.quantity;
    }
    t[r] = (now_ns() - start) / (double)n;
  }
  report("unpack", t);

  for (r = 0; r < RUNS; r++) {
    size_t done = 0;
    double start = now_ns();
    if (mitch_trade_decode_batch(bodies, (size_t)bulk * MITCH_TRADE_SIZE, structs, (size_t)bulk,
                                 &done) != MITCH_OK)
      return 1;
    t[r] = (now_ns() - start) / (double)bulk;
    sink += structs[bulk - 1].trade_id + done;
  }
  report("bulk_structs", t);

  for (r = 0; r < RUNS; r++) {
    double start = now_ns();
    long at;
    for (at = 0; at < bulk; at += 512) {
      size_t m = (size_t)(bulk - at < 512 ? bulk - at : 512), done = 0, k;
      if (mitch_trade_decode_batch(bodies + at * MITCH_TRADE_SIZE,
                                   (size_t)(bulk - at) * MITCH_TRADE_SIZE, chunk, m, &done) !=
          MITCH_OK)
        return 1;
      for (k = 0; k < m; k++) {
        tickers[at + k] = (int64_t)chunk[k].ticker_id;
        prices[at + k] = chunk[k].price;
        quantities[at + k] = chunk[k].quantity;
        trade_ids[at + k] = chunk[k].trade_id;
        sides[at + k] = (int8_t)chunk[k].side;
      }
    }
    t[r] = (now_ns() - start) / (double)bulk;
    sink += (uint64_t)trade_ids[bulk - 1] + (uint64_t)quantities[0];
  }
  report("bulk_columns", t);

  free(bodies);
  free(structs);
  free(tickers);
  free(quantities);
  free(trade_ids);
  free(prices);
  free(sides);
  return sink == 42 ? 3 : 0;
}
