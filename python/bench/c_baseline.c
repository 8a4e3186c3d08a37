/*
 * c_baseline.c - what the calls the Python benchmark makes cost in C, so
 * that bench_python.py can report the overhead Python adds on top.
 *
 *   c_baseline [iterations]
 *
 * Prints one line per operation: "<name> <nanoseconds per call>", the best
 * of five rounds, and, for the capture decoder, "<name>_gbps <GB/s>" (bytes
 * of capture per second, the output buffers already touched once: the
 * ceiling of any caller) and "<name>_new_gbps <GB/s>" (into records of
 * body and timestamp in memory new to the process each time, as
 * mitch.decode_capture returns them: what a call returning new arrays can
 * reach).
 */
#include <mitch.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

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

/* Memory as np.empty gets it for a large array: new pages from the kernel
   (which clears each one on first touch), as huge pages where the kernel
   offers them on request (numpy asks for them for large arrays). */
static void *new_memory(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  (void)madvise(p, bytes, MADV_HUGEPAGE); /* advice: without it, small pages */
  return p;
#else
  return malloc(bytes);
#endif
}

static void free_memory(void *p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (p)
    munmap(p, bytes);
#else
  (void)bytes;
  free(p);
#endif
}

/* The records of mitch.decode_capture: a body's struct, then its timestamp. */
struct trade_record {
  mitch_trade body;
  uint64_t timestamp;
};
struct tick_record {
  mitch_tick body;
  uint64_t timestamp;
};

/* Decodes the capture into new records sized, as mitch.decode_capture
   sizes them, for the most bodies of each type the capture could hold;
   returns the seconds taken, or a negative number on failure. */
static double decode_into_new_memory(const uint8_t *data, size_t size) {
  size_t most_trades = size / MITCH_TRADE_SIZE, most_ticks = size / MITCH_TICK_SIZE;
  double start = now_ns(), seconds = -1;
  struct trade_record *trades = new_memory(most_trades * sizeof *trades);
  struct tick_record *ticks = new_memory(most_ticks * sizeof *ticks);
  if (trades && ticks) {
    mitch_capture_sink sinks[2] = {
        {.message_type = MITCH_MSG_TRADE, .bodies = trades, .timestamps = &trades[0].timestamp,
         .capacity = most_trades, .body_stride = sizeof *trades,
         .timestamp_stride = sizeof *trades},
        {.message_type = MITCH_MSG_TICK, .bodies = ticks, .timestamps = &ticks[0].timestamp,
         .capacity = most_ticks, .body_stride = sizeof *ticks,
         .timestamp_stride = sizeof *ticks}};
    if (mitch_capture_decode(data, size, sinks, 2, NULL, NULL) == MITCH_OK)
      seconds = (now_ns() - start) / 1e9;
  }
  free_memory(trades, most_trades * sizeof *trades);
  free_memory(ticks, most_ticks * sizeof *ticks);
  return seconds;
}

/* A capture of about `bytes` bytes of alternating trade and tick messages
   of `per_message` bodies each, decoded five times into touched buffers and
   five times into new ones; prints the best GB/s of each.  0 on success. */
static int capture_rate(const char *name, size_t bytes, size_t per_message) {
  size_t n = bytes / (2 * (8 + 32 * per_message)) * per_message, i, written = 0, size = 0;
  mitch_trade *trades = calloc(n, sizeof *trades);
  mitch_tick *ticks = calloc(n, sizeof *ticks);
  uint64_t *stamps = calloc(n, sizeof *stamps);
  size_t message = 8 + 32 * per_message;
  uint8_t *data = malloc(2 * (n / per_message) * message), *one = malloc(message);
  mitch_capture_sink sinks[2];
  double best = 0, best_new = 0;
  int round, status = 1;
  if (!trades || !ticks || !stamps || !data || !one)
    goto done;
  for (i = 0; i < n; i++) {
    trades[i] = (mitch_trade){1 + i, 1.0 + (double)i, 1, 1 + (uint32_t)i, 0};
    ticks[i] = (mitch_tick){1 + i, 1.0, 2.0, 1, 1};
  }
  for (i = 0; i + per_message <= n; i += per_message) {
    if (mitch_capture_encode(MITCH_MSG_TRADE, trades + i, stamps + i, per_message, one, message,
                             &written, NULL) != MITCH_OK)
      goto done;
    memcpy(data + size, one, written);
    size += written;
    if (mitch_capture_encode(MITCH_MSG_TICK, ticks + i, stamps + i, per_message, one, message,
                             &written, NULL) != MITCH_OK)
      goto done;
    memcpy(data + size, one, written);
    size += written;
  }
  for (round = 0; round < 6; round++) {
    double start, gbps;
    sinks[0] = (mitch_capture_sink){.message_type = MITCH_MSG_TRADE, .bodies = trades,
                                     .timestamps = stamps, .capacity = n};
    sinks[1] = (mitch_capture_sink){.message_type = MITCH_MSG_TICK, .bodies = ticks,
                                     .timestamps = stamps, .capacity = n};
    start = now_ns();
    if (mitch_capture_decode(data, size, sinks, 2, NULL, NULL) != MITCH_OK)
      goto done;
    gbps = (double)size / ((now_ns() - start) / 1e9) / 1e9;
    if (round > 0 && gbps > best) /* round 0 touches the pages */
      best = gbps;
  }
  for (round = 0; round < 5; round++) {
    double seconds = decode_into_new_memory(data, size), gbps;
    if (seconds < 0)
      goto done;
    gbps = (double)size / seconds / 1e9;
    if (gbps > best_new)
      best_new = gbps;
  }
  printf("%s_gbps %.2f\n", name, best);
  printf("%s_new_gbps %.2f\n", name, best_new);
  status = 0;
done:
  free(trades);
  free(ticks);
  free(stamps);
  free(data);
  free(one);
  return status;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  uint8_t buf[MITCH_TRADE_SIZE];
  uint64_t ticker_id;
  double price;
  uint32_t quantity, trade_id;
  uint8_t side;
  mitch_trade trade = {0x0305153138900000u, 1.0850, 1000, 7, MITCH_SIDE_BUY};
  mitch_trade decoded;
  mitch_order_book book, book_out;
  uint8_t book_wire[MITCH_ORDER_BOOK_SIZE];
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
  memset(&book, 0, sizeof book);
  book.ticker_id = trade.ticker_id;
  book.mid_price = 1.0850;
  TIME_OP("order_book_encode", n / 10,
          sink += (uint64_t)mitch_order_book_encode(&book, book_wire, sizeof book_wire));
  TIME_OP("order_book_decode", n / 10,
          sink += (uint64_t)mitch_order_book_decode(book_wire, sizeof book_wire, &book_out);
          sink += book_out.bin_aggregator);
  if (capture_rate("capture_decode_255", 100u << 20, 255) ||
      capture_rate("capture_decode_1", 100u << 20, 1))
    return 1;
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
