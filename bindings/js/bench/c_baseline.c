/*
 * c_baseline.c - the work bench.mjs times, done in C, so that each runtime's
 * figure stands beside C's for the identical work on the same machine.
 *
 *   c_baseline [iterations]
 *
 * Prints "<name> <value>" lines, each the median of 5 rounds:
 *   pack_trade_ns      mitch_trade_encode of one trade struct
 *   unpack_trade_ns    mitch_trade_decode of one 32-byte body
 *   resolve_ticker_ns  mitch_resolve("BTC-USDT", spot)
 *   bulk_decode_ms     1,000,000 trades in messages of 255: mitch_stream_gather,
 *                      mitch_trade_decode_batch, then one column per field
 *                      (what the JavaScript decodeColumns does)
 */
#include <mitch.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROUNDS 5
#define BULK 1000000u

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v) {
  qsort(v, ROUNDS, sizeof *v, by_value);
  return v[ROUNDS / 2];
}

/* Keeps the compiler from dropping the timed calls. */
static volatile uint64_t sink;

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  long n_resolve = n / 20 > 0 ? n / 20 : 1;
  mitch_trade trade = {0x0305153138900000u, 1.0850, 1000, 7, MITCH_SIDE_BUY};
  mitch_trade decoded;
  mitch_resolution resolution;
  uint8_t body[MITCH_TRADE_SIZE];
  double t[ROUNDS];
  int r;
  long i;
  size_t k, bodies_n;
  mitch_trade *all, *structs;
  uint8_t *wire, *capture, *gathered;
  size_t capture_len;
  uint64_t *col_ticker;
  double *col_price;
  uint32_t *col_qty, *col_id;
  uint8_t *col_side;

  if (n <= 0)
    return 2;
  for (r = 0; r < ROUNDS; r++) {
    double start = now_ns();
    for (i = 0; i < n; i++) {
      trade.trade_id = (uint32_t)i + 1;
      if (mitch_trade_encode(&trade, body, sizeof body) != MITCH_OK)
        return 1;
    }
    t[r] = (now_ns() - start) / (double)n;
  }
  printf("pack_trade_ns %.2f\n", median(t));
  for (r = 0; r < ROUNDS; r++) {
    double start = now_ns();
    for (i = 0; i < n; i++) {
      if (mitch_trade_decode(body, sizeof body, &decoded) != MITCH_OK)
        return 1;
      sink += decoded.trade_id;
    }
    t[r] = (now_ns() - start) / (double)n;
  }
  printf("unpack_trade_ns %.2f\n", median(t));
  for (r = 0; r < ROUNDS; r++) {
    double start = now_ns();
    for (i = 0; i < n_resolve; i++) {
      if (mitch_resolve("BTC-USDT", MITCH_SPOT, &resolution) != MITCH_OK)
        return 1;
      sink += resolution.ticker_id;
    }
    t[r] = (now_ns() - start) / (double)n_resolve;
  }
  printf("resolve_ticker_ns %.2f\n", median(t));

  /* The capture: 1,000,000 trades, messages of 255, one timestamp. */
  all = malloc(BULK * sizeof *all);
  wire = malloc((size_t)BULK * MITCH_TRADE_SIZE);
  if (!all || !wire)
    return 1;
  for (k = 0; k < BULK; k++) {
    all[k] = trade;
    all[k].trade_id = (uint32_t)k + 1;
    all[k].price = 1.0 + (double)k / 1e6;
  }
  if (mitch_trade_encode_batch(all, BULK, wire, (size_t)BULK * MITCH_TRADE_SIZE, NULL) != MITCH_OK ||
      mitch_stream_frame('t', 0, wire, BULK, NULL, 0, &capture_len) != MITCH_OK)
    return 1;
  capture = malloc(capture_len);
  if (!capture || mitch_stream_frame('t', 0, wire, BULK, capture, capture_len, &capture_len) != MITCH_OK)
    return 1;
  for (r = 0; r < ROUNDS; r++) {
    double start = now_ns();
    /* the same allocations and passes as decodeColumns */
    gathered = malloc(capture_len / MITCH_TRADE_SIZE * MITCH_TRADE_SIZE);
    structs = malloc(BULK * sizeof *structs);
    col_ticker = malloc(BULK * sizeof *col_ticker);
    col_price = malloc(BULK * sizeof *col_price);
    col_qty = malloc(BULK * sizeof *col_qty);
    col_id = malloc(BULK * sizeof *col_id);
    col_side = malloc(BULK);
    if (!gathered || !structs || !col_ticker || !col_price || !col_qty || !col_id || !col_side)
      return 1;
    if (mitch_stream_gather(capture, capture_len, 't', gathered,
                            capture_len / MITCH_TRADE_SIZE * MITCH_TRADE_SIZE, &bodies_n,
                            NULL) != MITCH_OK ||
        bodies_n != BULK ||
        mitch_trade_decode_batch(gathered, bodies_n * MITCH_TRADE_SIZE, structs, bodies_n,
                                 NULL) != MITCH_OK)
      return 1;
    for (k = 0; k < bodies_n; k++) {
      col_ticker[k] = structs[k].ticker_id;
      col_price[k] = structs[k].price;
      col_qty[k] = structs[k].quantity;
      col_id[k] = structs[k].trade_id;
      col_side[k] = structs[k].side;
    }
    sink += col_id[BULK - 1] + col_side[0] + col_qty[0] + col_ticker[0] + (uint64_t)col_price[0];
    t[r] = (now_ns() - start) / 1e6;
    free(gathered);
    free(structs);
    free(col_ticker);
    free(col_price);
    free(col_qty);
    free(col_id);
    free(col_side);
  }
  printf("bulk_decode_ms %.2f\n", median(t));
  free(all);
  free(wire);
  free(capture);
  return 0;
}
