/*
 * c_baseline.c - what the calls the Python benchmark makes cost in C, so
 * that bench_python.py can report the overhead Python adds on top.
 *
 *   c_baseline [iterations]
 *
 * Prints one line per operation: "<name> <nanoseconds per call>", the best
 * of five rounds.  Registry functions that the library does not export yet
 * are not called (the program links the library like any user does).
 */
#include <mitch.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Keeps the compiler from dropping the timed calls. */
static volatile uint64_t sink;

#define TIME_OP(name, iterations, body)                                   \
  do {                                                                    \
    double best = 1e300;                                                  \
    int round;                                                            \
    for (round = 0; round < 5; round++) {                                 \
      long i;                                                             \
      double start = now_ns(), elapsed;                                   \
      for (i = 0; i < (iterations); i++) {                                \
        body;                                                             \
      }                                                                   \
      elapsed = (now_ns() - start) / (double)(iterations);                \
      if (elapsed < best)                                                 \
        best = elapsed;                                                   \
    }                                                                     \
    printf("%s %.2f\n", (name), best);                                    \
  } while (0)

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  uint8_t buf[MITCH_TRADE_SIZE];
  uint64_t ticker_id;
  double price;
  uint32_t quantity, trade_id;
  uint8_t side;
  mitch_trade trade = {0x0305153138900000u, 1.0850, 1000, 7, MITCH_SIDE_BUY};
  mitch_trade decoded;
  mitch_resolution resolution;
  long n_resolve = n / 20 > 0 ? n / 20 : 1;

  if (n <= 0)
    return 2;
  if (mitch_pack_trade(trade.ticker_id, trade.price, trade.quantity, trade.trade_id,
                       trade.side, buf) != MITCH_OK)
    return 1;

  TIME_OP("pack_trade", n,
          sink += (uint64_t)mitch_pack_trade(trade.ticker_id + (uint64_t)(i & 1), trade.price,
                                             trade.quantity, trade.trade_id, trade.side, buf);
          sink += buf[0]);
  TIME_OP("unpack_trade", n,
          sink += (uint64_t)mitch_unpack_trade(buf, sizeof buf, &ticker_id, &price, &quantity,
                                               &trade_id, &side);
          sink += ticker_id);
  TIME_OP("trade_encode", n,
          sink += (uint64_t)mitch_trade_encode(&trade, buf, sizeof buf); sink += buf[1]);
  TIME_OP("trade_decode", n,
          sink += (uint64_t)mitch_trade_decode(buf, sizeof buf, &decoded);
          sink += decoded.quantity);
  if (mitch_resolve("EURUSD", MITCH_SPOT, &resolution) == MITCH_OK) {
    TIME_OP("resolve EURUSD", n_resolve,
            sink += (uint64_t)mitch_resolve("EURUSD", MITCH_SPOT, &resolution));
    TIME_OP("resolve BTC-USDT", n_resolve,
            sink += (uint64_t)mitch_resolve("BTC-USDT", MITCH_SPOT, &resolution));
    TIME_OP("resolve EURUSD.m", n_resolve,
            sink += (uint64_t)mitch_resolve("EURUSD.m", MITCH_SPOT, &resolution));
  }
  return 0;
}
