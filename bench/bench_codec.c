/*
 * bench_codec.c - how fast the codecs are, measured through the shared
 * library's exported functions.
 *
 *   bench/bench_codec [--runs N] [--min-ms MS] [--quick] [--filter TEXT]
 *
 * Every row is timed R times (default 31), each run long enough to dwarf
 * the clock (default 5 ms); the table shows the median with the fastest
 * and slowest run, so the spread is visible next to the number.  Many
 * short runs rather than a few long ones: on a shared machine another
 * process's time slice then spoils a few runs, not the median.  Scalar
 * rows are compared with a 32-byte memcpy called through a pointer the
 * compiler cannot see through (the cheapest thing a call into a shared
 * library can do with 32 bytes); throughput rows with a memcpy of the same
 * number of bytes.  Both baselines are measured here, in the same process.
 *
 * Every call goes through libmitch's exported symbols (the program links
 * the shared library like any user), inputs rotate through 64 different
 * valid values, and every status is folded into a checksum that is checked
 * after the run, so nothing can be optimised away and no row times an
 * error path by mistake.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_clock.h"

#include <mitch.h>

/* ---- options and timing ------------------------------------------------ */

static unsigned opt_runs = 31;
static double opt_min_ns = 5e6;
static int opt_quick;
static const char *opt_filter;


/* A row's work: `n` repetitions of one call (or one pass).  Returns the OR
   of every status (0 when every call succeeded) mixed with output bits in
   the upper half, so the work is observable. */
typedef uint64_t (*bench_fn)(const void *ctx, size_t n);

typedef struct stats {
  double median, min, max; /* ns per repetition */
} stats;

static volatile uint64_t sink; /* the results end here, once per run */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void fail(const char *what) {
  fprintf(stderr, "bench_codec: %s\n", what);
  exit(1);
}

/* Status bits live in the low 32 bits of a bench_fn's result. */
static void check_result(const char *name, uint64_t r) {
  if ((uint32_t)r != 0) {
    fprintf(stderr, "bench_codec: %s: a call returned status %u\n", name, (unsigned)(uint32_t)r);
    exit(1);
  }
}

static stats measure(const char *name, bench_fn fn, const void *ctx) {
  size_t n = 1;
  double t, *samples;
  unsigned i;
  stats s;

  /* Warm up (page faults, lazy PLT binding) and calibrate. */
  check_result(name, fn(ctx, 1));
  for (;;) {
    double t0 = now_ns();
    uint64_t r = fn(ctx, n);
    t = now_ns() - t0;
    check_result(name, r);
    sink ^= r;
    if (t >= opt_min_ns || n >= SIZE_MAX / 16)
      break;
    n *= t > 0 && opt_min_ns / t < 64 ? 2 : 16;
  }
  samples = malloc(opt_runs * sizeof *samples);
  if (!samples)
    fail("out of memory");
  for (i = 0; i < opt_runs; i++) {
    double t0 = now_ns();
    uint64_t r = fn(ctx, n);
    samples[i] = (now_ns() - t0) / (double)n;
    sink ^= r;
  }
  qsort(samples, opt_runs, sizeof *samples, cmp_double);
  s.median = opt_runs % 2 ? samples[opt_runs / 2]
                          : (samples[opt_runs / 2 - 1] + samples[opt_runs / 2]) / 2;
  s.min = samples[0];
  s.max = samples[opt_runs - 1];
  free(samples);
  return s;
}

static int selected(const char *name) {
  return !opt_filter || strstr(name, opt_filter) != NULL;
}

/* ---- inputs ------------------------------------------------------------ */

#define RING 64 /* distinct inputs each scalar row rotates through */
#define RING_MASK (RING - 1)

static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);
static uint64_t rnd(void) { /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * UINT64_C(0x2545F4914F6CDD1D);
}
static uint32_t rnd_nonzero32(void) {
  uint32_t v = (uint32_t)rnd();
  return v ? v : 1;
}
static double rnd_price(void) {
  return 0.5 + (double)(rnd() % 10000000) / 100.0;
}

static mitch_trade trades[RING];
static mitch_order orders[RING];
static mitch_tick ticks[RING];
static mitch_index indexes[RING];
static mitch_header headers[RING];
static mitch_ticker_fields tickers[RING];
static uint64_t ticker_ids[RING];
static uint32_t channels[RING];
static mitch_order_book *books; /* RING_BOOKS of them */
#define RING_BOOKS 8
static uint32_t book_flat_bids[RING_BOOKS][2 * MITCH_BINS_PER_SIDE];
static uint32_t book_flat_asks[RING_BOOKS][2 * MITCH_BINS_PER_SIDE];

static uint8_t trade_wire[RING][MITCH_TRADE_SIZE];
static uint8_t order_wire[RING][MITCH_ORDER_SIZE];
static uint8_t tick_wire[RING][MITCH_TICK_SIZE];
static uint8_t index_wire[RING][MITCH_INDEX_SIZE];
static uint8_t header_wire[RING][MITCH_HEADER_SIZE];
static uint8_t channel_wire[RING][MITCH_CHANNEL_SIZE];
static uint8_t book_wire[RING_BOOKS][MITCH_ORDER_BOOK_SIZE];
static uint8_t baseline_src[RING][32];

/* The type byte of body type k % (number of body types), from the
   library's layout table. */
static uint8_t body_type_at(size_t k) {
  size_t i, n = 0;
  uint8_t found[16];
  for (i = 0; i < mitch_layout_count() && n < sizeof found; i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (l.message_type)
      found[n++] = l.message_type;
  }
  if (n == 0)
    fail("no body types in the layout table");
  return found[k % n];
}

static void make_inputs(void) {
  unsigned i, j;
  for (i = 0; i < RING; i++) {
    mitch_trade *t = &trades[i];
    mitch_order *o = &orders[i];
    mitch_tick *k = &ticks[i];
    mitch_index *x = &indexes[i];
    t->ticker_id = rnd() | 1;
    t->price = rnd_price();
    t->quantity = rnd_nonzero32();
    t->trade_id = rnd_nonzero32();
    t->side = (uint8_t)(rnd() & 1);

    o->ticker_id = rnd() | 1;
    o->order_id = rnd_nonzero32();
    o->price = rnd_price();
    o->quantity = rnd_nonzero32();
    o->order_type = (uint8_t)(rnd() % 4);
    o->side = (uint8_t)(rnd() & 1);
    o->expiry_ms = rnd() % 2 ? 0 : rnd() & MITCH_U48_MAX;

    k->ticker_id = rnd() | 1;
    k->bid_price = rnd_price();
    k->ask_price = k->bid_price + (double)(rnd() % 100) / 100.0;
    k->bid_volume = (uint32_t)rnd();
    k->ask_volume = (uint32_t)rnd();

    x->ticker_id = rnd() | 1;
    x->mid = rnd_price();
    x->v_bid = (uint32_t)rnd();
    x->v_ask = (uint32_t)rnd();
    x->m_spread = (int32_t)(rnd() % 100000);
    x->b_bid_o = -(int32_t)(rnd() % 100000);
    x->b_ask_o = (int32_t)(rnd() % 100000);
    x->w_bid_o = -(int32_t)(rnd() % 1000000);
    x->w_ask_o = (int32_t)(rnd() % 1000000);
    x->v_force = (uint16_t)(rnd() % 10001);
    x->l_force = (uint16_t)(rnd() % 10001);
    x->t_force = (int16_t)((int)(rnd() % 20001) - 10000);
    x->m_force = (int16_t)((int)(rnd() % 20001) - 10000);
    x->accepted = (uint8_t)(1 + rnd() % 200);
    x->rejected = (uint8_t)(rnd() % 50);
    x->confidence = (uint8_t)(rnd() % 101);

    headers[i].message_type = body_type_at(i);
    headers[i].timestamp = rnd() & MITCH_U48_MAX;
    headers[i].count = (uint8_t)(1 + rnd() % 255);

    tickers[i].instrument_type = (uint8_t)(rnd() % 14);
    tickers[i].base_class = (uint8_t)(rnd() % 14);
    tickers[i].base_id = (uint16_t)rnd();
    tickers[i].quote_class = (uint8_t)(rnd() % 14);
    tickers[i].quote_id = (uint16_t)rnd();
    tickers[i].sub_type = (uint32_t)(rnd() & MITCH_SUB_TYPE_MAX);
    if (mitch_ticker_id_encode(&tickers[i], &ticker_ids[i]) != MITCH_OK)
      fail("cannot build a ticker id");

    if (mitch_create_channel((uint16_t)rnd(), (char)body_type_at(i), &channels[i]) != MITCH_OK)
      fail("cannot build a channel id");

    if (mitch_trade_encode(t, trade_wire[i], MITCH_TRADE_SIZE) != MITCH_OK ||
        mitch_order_encode(o, order_wire[i], MITCH_ORDER_SIZE) != MITCH_OK ||
        mitch_tick_encode(k, tick_wire[i], MITCH_TICK_SIZE) != MITCH_OK ||
        mitch_index_encode(x, index_wire[i], MITCH_INDEX_SIZE) != MITCH_OK ||
        mitch_header_encode(&headers[i], header_wire[i], MITCH_HEADER_SIZE) != MITCH_OK ||
        mitch_pack_channel(channels[i], channel_wire[i]) != MITCH_OK)
      fail("cannot encode the inputs");
    memcpy(baseline_src[i], trade_wire[i], 32);
  }

  books = calloc(RING_BOOKS, sizeof *books);
  if (!books)
    fail("out of memory");
  for (i = 0; i < RING_BOOKS; i++) {
    mitch_order_book *b = &books[i];
    b->ticker_id = rnd() | 1;
    b->mid_price = rnd_price();
    b->bin_aggregator = (uint8_t)(i % 4);
    for (j = 0; j < MITCH_BINS_PER_SIDE; j++) {
      b->bids[j].count = book_flat_bids[i][2 * j] = (uint32_t)rnd() % 1000;
      b->bids[j].volume = book_flat_bids[i][2 * j + 1] = (uint32_t)rnd();
      b->asks[j].count = book_flat_asks[i][2 * j] = (uint32_t)rnd() % 1000;
      b->asks[j].volume = book_flat_asks[i][2 * j + 1] = (uint32_t)rnd();
    }
    if (mitch_order_book_encode(b, book_wire[i], MITCH_ORDER_BOOK_SIZE) != MITCH_OK)
      fail("cannot encode an order book");
  }
}

static mitch_trade trades_ring(size_t i) {
  return trades[i % RING];
}
static mitch_tick ticks_ring(size_t i) {
  return ticks[i % RING];
}

/* ---- the baseline ------------------------------------------------------ */

/* volatile: the compiler must load the pointer and make a real call. */
static void *(*volatile copy_fn)(void *, const void *, size_t) = memcpy;

static uint64_t b_memcpy32(const void *ctx, size_t n) {
  void *(*copy)(void *, const void *, size_t) = copy_fn;
  uint8_t out[32];
  uint64_t acc = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    copy(out, baseline_src[i & RING_MASK], 32);
    acc += out[3];
  }
  return acc << 32;
}

/* ---- scalar rows: the flat ABI ---------------------------------------- */

static uint64_t b_pack_trade(const void *ctx, size_t n) {
  uint8_t out[MITCH_TRADE_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_trade *t = &trades[i & RING_MASK];
    st |= (uint64_t)mitch_pack_trade(t->ticker_id, t->price, t->quantity, t->trade_id, t->side,
                                     out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_trade(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, ticker;
  double price;
  uint32_t qty, id;
  uint8_t side;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_trade(trade_wire[i & RING_MASK], MITCH_TRADE_SIZE, &ticker,
                                       &price, &qty, &id, &side);
    acc += ticker;
  }
  return st | acc << 32;
}

static uint64_t b_pack_order(const void *ctx, size_t n) {
  uint8_t out[MITCH_ORDER_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_order *o = &orders[i & RING_MASK];
    st |= (uint64_t)mitch_pack_order(o->ticker_id, o->order_id, o->price, o->quantity,
                                     o->order_type, o->side, o->expiry_ms, out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_order(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, ticker, expiry;
  double price;
  uint32_t id, qty;
  uint8_t type, side;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_order(order_wire[i & RING_MASK], MITCH_ORDER_SIZE, &ticker, &id,
                                       &price, &qty, &type, &side, &expiry);
    acc += ticker;
  }
  return st | acc << 32;
}

static uint64_t b_pack_tick(const void *ctx, size_t n) {
  uint8_t out[MITCH_TICK_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_tick *k = &ticks[i & RING_MASK];
    st |= (uint64_t)mitch_pack_tick(k->ticker_id, k->bid_price, k->ask_price, k->bid_volume,
                                    k->ask_volume, out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_tick(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, ticker;
  double bid, ask;
  uint32_t bv, av;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_tick(tick_wire[i & RING_MASK], MITCH_TICK_SIZE, &ticker, &bid,
                                      &ask, &bv, &av);
    acc += ticker;
  }
  return st | acc << 32;
}

static uint64_t b_pack_index(const void *ctx, size_t n) {
  uint8_t out[MITCH_INDEX_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_index *x = &indexes[i & RING_MASK];
    st |= (uint64_t)mitch_pack_index(x->ticker_id, x->mid, x->v_bid, x->v_ask, x->m_spread,
                                     x->b_bid_o, x->b_ask_o, x->w_bid_o, x->w_ask_o, x->v_force,
                                     x->l_force, x->t_force, x->m_force, x->confidence,
                                     x->rejected, x->accepted, out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_index(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, ticker;
  double mid;
  uint32_t vb, va;
  int32_t ms, bbo, bao, wbo, wao;
  uint16_t vf, lf;
  int16_t tf, mf;
  uint8_t conf, rej, acc8;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_index(index_wire[i & RING_MASK], MITCH_INDEX_SIZE, &ticker,
                                       &mid, &vb, &va, &ms, &bbo, &bao, &wbo, &wao, &vf, &lf,
                                       &tf, &mf, &conf, &rej, &acc8);
    acc += ticker;
  }
  return st | acc << 32;
}

static uint64_t b_pack_order_book(const void *ctx, size_t n) {
  static uint8_t out[MITCH_ORDER_BOOK_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    size_t k = i % RING_BOOKS;
    const mitch_order_book *b = &books[k];
    st |= (uint64_t)mitch_pack_order_book(b->ticker_id, b->mid_price, b->bin_aggregator,
                                          book_flat_bids[k], book_flat_asks[k], out,
                                          sizeof out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_order_book(const void *ctx, size_t n) {
  static uint32_t bids[2 * MITCH_BINS_PER_SIDE], asks[2 * MITCH_BINS_PER_SIDE];
  uint64_t st = 0, acc = 0, ticker;
  double mid;
  uint8_t agg;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_order_book(book_wire[i % RING_BOOKS], MITCH_ORDER_BOOK_SIZE,
                                            &ticker, &mid, &agg, bids, asks);
    acc += ticker + asks[255];
  }
  return st | acc << 32;
}

static uint64_t b_pack_header(const void *ctx, size_t n) {
  uint8_t out[MITCH_HEADER_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_header *h = &headers[i & RING_MASK];
    st |= (uint64_t)mitch_pack_header(h->message_type, h->timestamp, h->count, out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_create_header(const void *ctx, size_t n) {
  uint8_t out[MITCH_HEADER_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_header *h = &headers[i & RING_MASK];
    st |= (uint64_t)mitch_create_header(h->message_type, h->timestamp, h->count, out,
                                        sizeof out);
  }
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_unpack_header(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, ts;
  uint8_t type, count;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_header(header_wire[i & RING_MASK], MITCH_HEADER_SIZE, &type,
                                        &ts, &count);
    acc += ts;
  }
  return st | acc << 32;
}

static uint64_t b_create_channel(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0;
  uint32_t id;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_header *h = &headers[i & RING_MASK]; /* any valid type byte */
    st |= (uint64_t)mitch_create_channel((uint16_t)i, (char)h->message_type, &id);
    acc += id;
  }
  return st | acc << 32;
}

static uint64_t b_pack_channel(const void *ctx, size_t n) {
  uint8_t out[MITCH_CHANNEL_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++)
    st |= (uint64_t)mitch_pack_channel(channels[i & RING_MASK], out);
  return st | (uint64_t)out[1] << 32;
}

static uint64_t b_unpack_channel(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0;
  uint32_t id;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_unpack_channel(channel_wire[i & RING_MASK], MITCH_CHANNEL_SIZE, &id);
    acc += id;
  }
  return st | acc << 32;
}

static uint64_t b_create_ticker_id(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0, id;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    const mitch_ticker_fields *f = &tickers[i & RING_MASK];
    st |= (uint64_t)mitch_create_ticker_id(f->instrument_type, f->base_class, f->base_id,
                                           f->quote_class, f->quote_id, f->sub_type, &id);
    acc += id;
  }
  return st | acc << 32;
}

static uint64_t b_decode_ticker_id(const void *ctx, size_t n) {
  uint64_t st = 0, acc = 0;
  uint8_t type, bc, qc;
  uint16_t bid, qid;
  uint32_t sub;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_decode_ticker_id(ticker_ids[i & RING_MASK], &type, &bc, &bid, &qc,
                                           &qid, &sub);
    acc += sub;
  }
  return st | acc << 32;
}

static uint64_t b_validate_ticker_id(const void *ctx, size_t n) {
  uint64_t acc = 0;
  size_t i;
  (void)ctx;
  /* Random ids are sometimes invalid (base == quote is not): count them
     instead of treating a status as a failure. */
  for (i = 0; i < n; i++)
    acc += mitch_validate_ticker_id(ticker_ids[i & RING_MASK]) == MITCH_OK;
  return acc << 32;
}

/* ---- scalar rows: the typed API --------------------------------------- */

static uint64_t b_trade_encode(const void *ctx, size_t n) {
  uint8_t out[MITCH_TRADE_SIZE];
  uint64_t st = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++)
    st |= (uint64_t)mitch_trade_encode(&trades[i & RING_MASK], out, sizeof out);
  return st | (uint64_t)out[0] << 32;
}

static uint64_t b_trade_decode(const void *ctx, size_t n) {
  mitch_trade t;
  uint64_t st = 0, acc = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_trade_decode(trade_wire[i & RING_MASK], MITCH_TRADE_SIZE, &t);
    acc += t.trade_id;
  }
  return st | acc << 32;
}

static uint64_t b_tick_decode(const void *ctx, size_t n) {
  mitch_tick t;
  uint64_t st = 0, acc = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_tick_decode(tick_wire[i & RING_MASK], MITCH_TICK_SIZE, &t);
    acc += t.bid_volume;
  }
  return st | acc << 32;
}

static uint64_t b_order_decode(const void *ctx, size_t n) {
  mitch_order o;
  uint64_t st = 0, acc = 0;
  size_t i;
  (void)ctx;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_order_decode(order_wire[i & RING_MASK], MITCH_ORDER_SIZE, &o);
    acc += o.order_id;
  }
  return st | acc << 32;
}

/* ---- batch rows --------------------------------------------------------- */

/* One batch: `count` bodies of one type, as structs and as wire bytes. */
typedef struct batch_ctx {
  uint8_t type;
  const struct batch_codec *codec;
  size_t count;
  void *structs; /* count structs of the type */
  uint8_t *wire; /* count * body size bytes */
  size_t wire_size;
} batch_ctx;

/* The batch functions the "Typed batches" rows time, and the inputs they
   start from: the one place the benchmark names the body types, since it
   times each type's own exported functions.  Sizes and names come from the
   library's layout table. */
#define BENCH_BODY_TYPES(X)                                                               \
  X(trade, mitch_trade, MITCH_MSG_TRADE, trades, RING)                                    \
  X(order, mitch_order, MITCH_MSG_ORDER, orders, RING)                                    \
  X(tick, mitch_tick, MITCH_MSG_TICK, ticks, RING)                                        \
  X(index, mitch_index, MITCH_MSG_INDEX, indexes, RING)                                   \
  X(order_book, mitch_order_book, MITCH_MSG_ORDER_BOOK, books, RING_BOOKS)

typedef struct batch_codec {
  uint8_t type;
  const void *(*ring)(size_t i); /* the i-th input struct */
  int (*encode)(const void *v, size_t n, uint8_t *out, size_t out_len);
  int (*decode)(const uint8_t *in, size_t in_len, void *v, size_t n);
} batch_codec;

#define BATCH_WRAPPERS(X, T, code, ring_array, ring_len)                                  \
  static const void *X##_ring(size_t i) {                                                 \
    return &ring_array[i % (ring_len)];                                                   \
  }                                                                                       \
  static int X##_encode(const void *v, size_t n, uint8_t *out, size_t out_len) {          \
    return mitch_##X##_encode_batch((const T *)v, n, out, out_len, NULL);                 \
  }                                                                                       \
  static int X##_decode(const uint8_t *in, size_t in_len, void *v, size_t n) {            \
    return mitch_##X##_decode_batch(in, in_len, (T *)v, n, NULL);                         \
  }
BENCH_BODY_TYPES(BATCH_WRAPPERS)

#define BATCH_ENTRY(X, T, code, ring_array, ring_len) {code, X##_ring, X##_encode, X##_decode},
static const batch_codec batch_codecs[] = {BENCH_BODY_TYPES(BATCH_ENTRY)};
#define N_BATCH_CODECS (sizeof batch_codecs / sizeof batch_codecs[0])

static const batch_codec *codec_of(uint8_t type) {
  size_t i;
  for (i = 0; i < N_BATCH_CODECS; i++)
    if (batch_codecs[i].type == type)
      return &batch_codecs[i];
  fail("no batch functions for a body type of the layout table");
  return NULL;
}

/* sizeof(mitch_<type>), as the library's layout table gives it. */
static size_t struct_size_of(uint8_t type) {
  mitch_layout l;
  if (mitch_layout_get(type, &l) != MITCH_OK)
    fail("unknown body type");
  return l.struct_size;
}

static batch_ctx make_batch(uint8_t type, size_t count) {
  batch_ctx c;
  size_t body, ss = struct_size_of(type), i;
  mitch_body_size(type, &body);
  c.type = type;
  c.codec = codec_of(type);
  c.count = count;
  c.wire_size = count * body;
  c.structs = malloc(count * ss);
  c.wire = malloc(c.wire_size);
  if (!c.structs || !c.wire)
    fail("out of memory");
  for (i = 0; i < count; i++)
    memcpy((uint8_t *)c.structs + i * ss, codec_of(type)->ring(i), ss);
  if (codec_of(type)->encode(c.structs, count, c.wire, c.wire_size) != MITCH_OK)
    fail("cannot encode a batch");
  return c;
}

static uint64_t b_encode_batch(const void *ctx, size_t n) {
  const batch_ctx *c = ctx;
  uint64_t st = 0;
  size_t i;
  for (i = 0; i < n; i++)
    st |= (uint64_t)c->codec->encode(c->structs, c->count, c->wire, c->wire_size);
  return st | (uint64_t)c->wire[1] << 32;
}

static uint64_t b_decode_batch(const void *ctx, size_t n) {
  const batch_ctx *c = ctx;
  uint64_t st = 0;
  size_t i;
  for (i = 0; i < n; i++)
    st |= (uint64_t)c->codec->decode(c->wire, c->wire_size, c->structs, c->count);
  return st | (uint64_t)((uint8_t *)c->structs)[1] << 32;
}

typedef struct ticker_batch_ctx {
  size_t count;
  mitch_ticker_fields *fields;
  uint64_t *ids;
} ticker_batch_ctx;

static uint64_t b_ticker_encode_batch(const void *ctx, size_t n) {
  const ticker_batch_ctx *c = ctx;
  uint64_t st = 0;
  size_t i;
  for (i = 0; i < n; i++)
    st |= (uint64_t)mitch_ticker_id_encode_batch(c->fields, c->count, c->ids, NULL);
  return st | (c->ids[0] & 0xFFFFFFFFu) << 32;
}

static uint64_t b_ticker_decode_batch(const void *ctx, size_t n) {
  const ticker_batch_ctx *c = ctx;
  uint64_t st = 0;
  size_t i;
  for (i = 0; i < n; i++)
    st |= (uint64_t)mitch_ticker_id_decode_batch(c->ids, c->count, c->fields);
  return st | (uint64_t)c->fields[0].base_id << 32;
}

/* ---- streams ------------------------------------------------------------ */

typedef struct stream_ctx {
  uint8_t *data;
  size_t size;
  size_t bodies;
  size_t messages;
  uint8_t *gather_out; /* bodies * 32 bytes, for the gather rows */
} stream_ctx;

/* Trade messages of `per_message` bodies filling about `target` bytes (the
   last message shorter if that is what fits), built with the library's own
   message encoder. */
static stream_ctx make_trade_stream(size_t target, unsigned per_message) {
  stream_ctx s;
  mitch_trade batch[MITCH_MAX_BODIES];
  size_t cap = target + MITCH_MAX_MESSAGE_SIZE, i;
  memset(&s, 0, sizeof s);
  s.data = malloc(cap);
  if (!s.data)
    fail("out of memory");
  for (i = 0; i < MITCH_MAX_BODIES; i++)
    batch[i] = trades[i % RING];
  for (;;) {
    size_t room = target > s.size ? target - s.size : 0, k = per_message, written;
    if (room < MITCH_HEADER_SIZE + MITCH_TRADE_SIZE)
      break;
    if (MITCH_HEADER_SIZE + k * MITCH_TRADE_SIZE > room)
      k = (room - MITCH_HEADER_SIZE) / MITCH_TRADE_SIZE;
    batch[0].trade_id = (uint32_t)s.messages + 1; /* vary the bytes a little */
    if (mitch_message_encode(MITCH_MSG_TRADE, s.messages & MITCH_U48_MAX, batch, k,
                             s.data + s.size, cap - s.size, &written) != MITCH_OK)
      fail("cannot encode a stream");
    s.size += written;
    s.bodies += k;
    s.messages++;
  }
  /* Touch every page now so the first timed run does not pay for faults. */
  s.gather_out = malloc(s.bodies * MITCH_TRADE_SIZE);
  if (!s.gather_out)
    fail("out of memory");
  memset(s.gather_out, 0, s.bodies * MITCH_TRADE_SIZE);
  return s;
}

static void free_stream(stream_ctx *s) {
  free(s->data);
  free(s->gather_out);
  memset(s, 0, sizeof *s);
}

static uint64_t b_stream_validate(const void *ctx, size_t n) {
  const stream_ctx *s = ctx;
  mitch_stream_info info;
  uint64_t st = 0, acc = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_stream_validate(s->data, s->size, 0, &info);
    acc += info.bodies;
  }
  return st | acc << 32;
}

static uint64_t b_stream_gather(const void *ctx, size_t n) {
  const stream_ctx *s = ctx;
  uint64_t st = 0, acc = 0;
  size_t i, bodies;
  for (i = 0; i < n; i++) {
    st |= (uint64_t)mitch_stream_gather(s->data, s->size, MITCH_MSG_TRADE, s->gather_out,
                                        s->bodies * MITCH_TRADE_SIZE, &bodies, NULL);
    acc += bodies;
  }
  return st | acc << 32;
}

/* What a consumer does: frame each message, decode (and so validate) its
   bodies into a small reused array. */
static uint64_t b_stream_decode(const void *ctx, size_t n) {
  const stream_ctx *s = ctx;
  mitch_trade out[MITCH_MAX_BODIES];
  uint64_t st = 0, acc = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    mitch_reader r;
    mitch_message m;
    int rs;
    mitch_reader_init(&r, s->data, s->size);
    while ((rs = mitch_reader_next(&r, &m)) == MITCH_OK) {
      st |= (uint64_t)mitch_trade_decode_batch(m.bodies, m.size - MITCH_HEADER_SIZE, out,
                                               m.header.count, NULL);
      acc += out[0].trade_id;
    }
    st |= (uint64_t)(rs != MITCH_END);
  }
  return st | acc << 32;
}

typedef struct copy_ctx {
  uint8_t *src, *dst;
  size_t size;
} copy_ctx;

/* Throughput baseline: memcpy of the same number of bytes. */
static uint64_t b_memcpy_bytes(const void *ctx, size_t n) {
  const copy_ctx *c = ctx;
  void *(*copy)(void *, const void *, size_t) = copy_fn;
  size_t i;
  for (i = 0; i < n; i++)
    copy(c->dst, c->src, c->size);
  return (uint64_t)c->dst[c->size / 2] << 32;
}

static stats memcpy_baseline(const uint8_t *src, size_t size) {
  copy_ctx c;
  stats s;
  c.src = (uint8_t *)src;
  c.size = size;
  c.dst = malloc(size);
  if (!c.dst)
    fail("out of memory");
  memset(c.dst, 1, size);
  s = measure("memcpy", b_memcpy_bytes, &c);
  free(c.dst);
  return s;
}

/* ---- captures ----------------------------------------------------------- */

/* A capture of alternating trade and tick messages of `per_message` bodies
   each, about `target` bytes, and the sinks that receive it: what a
   binding's "capture to one array per type" call does. */
typedef struct capture_ctx {
  uint8_t *data;
  size_t size;
  size_t bodies;
  mitch_capture_sink sinks[2];
  /* for the encode row: the trades again, one timestamp per body */
  uint8_t *encoded;
  size_t encoded_size;
} capture_ctx;

static capture_ctx make_capture(size_t target, unsigned per_message) {
  capture_ctx c;
  mitch_trade tr[MITCH_MAX_BODIES];
  mitch_tick tk[MITCH_MAX_BODIES];
  size_t cap = target + 2 * MITCH_MAX_MESSAGE_SIZE, i, n_trades = 0, n_ticks = 0, messages = 0;
  memset(&c, 0, sizeof c);
  c.data = malloc(cap);
  if (!c.data)
    fail("out of memory");
  for (i = 0; i < MITCH_MAX_BODIES; i++) {
    tr[i] = trades_ring(i);
    tk[i] = ticks_ring(i);
  }
  while (c.size + MITCH_HEADER_SIZE + per_message * MITCH_TRADE_SIZE <= target) {
    size_t written;
    int is_trade = messages % 2 == 0;
    const void *bodies = is_trade ? (const void *)tr : (const void *)tk;
    if (mitch_message_encode(is_trade ? MITCH_MSG_TRADE : MITCH_MSG_TICK,
                             messages & MITCH_U48_MAX, bodies, per_message, c.data + c.size,
                             cap - c.size, &written) != MITCH_OK)
      fail("cannot encode a capture");
    c.size += written;
    if (is_trade)
      n_trades += per_message;
    else
      n_ticks += per_message;
    messages++;
  }
  c.bodies = n_trades + n_ticks;
  c.sinks[0].message_type = MITCH_MSG_TRADE;
  c.sinks[0].bodies = malloc(n_trades * sizeof(mitch_trade));
  c.sinks[0].timestamps = malloc(n_trades * sizeof(uint64_t));
  c.sinks[0].capacity = n_trades;
  c.sinks[1].message_type = MITCH_MSG_TICK;
  c.sinks[1].bodies = malloc(n_ticks * sizeof(mitch_tick));
  c.sinks[1].timestamps = malloc(n_ticks * sizeof(uint64_t));
  c.sinks[1].capacity = n_ticks;
  if (!c.sinks[0].bodies || !c.sinks[0].timestamps || !c.sinks[1].bodies ||
      !c.sinks[1].timestamps)
    fail("out of memory");
  /* touch every page before the first timed run, and fill the trade sink
     for the encode row */
  if (mitch_capture_decode(c.data, c.size, c.sinks, 2, NULL, NULL) != MITCH_OK)
    fail("cannot decode the capture");
  if (mitch_capture_encode(MITCH_MSG_TRADE, c.sinks[0].bodies, c.sinks[0].timestamps, n_trades,
                           NULL, 0, &c.encoded_size, NULL) != MITCH_OK ||
      !(c.encoded = malloc(c.encoded_size)))
    fail("cannot size the trade capture");
  memset(c.encoded, 0, c.encoded_size);
  return c;
}

static void free_capture(capture_ctx *c) {
  size_t i;
  for (i = 0; i < 2; i++) {
    free(c->sinks[i].bodies);
    free(c->sinks[i].timestamps);
  }
  free(c->data);
  free(c->encoded);
  memset(c, 0, sizeof *c);
}

static uint64_t b_capture_decode(const void *ctx, size_t n) {
  const capture_ctx *c = ctx;
  mitch_capture_sink sinks[2];
  uint64_t st = 0, acc = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    memcpy(sinks, c->sinks, sizeof sinks);
    st |= (uint64_t)mitch_capture_decode(c->data, c->size, sinks, 2, NULL, NULL);
    acc += sinks[0].count + sinks[1].count;
  }
  return st | acc << 32;
}

static uint64_t b_capture_encode(const void *ctx, size_t n) {
  const capture_ctx *c = ctx;
  uint64_t st = 0;
  size_t i, written;
  for (i = 0; i < n; i++)
    st |= (uint64_t)mitch_capture_encode(MITCH_MSG_TRADE, c->sinks[0].bodies,
                                         c->sinks[0].timestamps, c->sinks[0].capacity,
                                         c->encoded, c->encoded_size, &written, NULL);
  return st | (uint64_t)c->encoded[1] << 32;
}

/* ---- report ------------------------------------------------------------- */

static stats baseline32;

/* Section titles wait for the first row that is printed under them, so a
   --filter run shows no empty sections. */
static char pending_title[160];

static void print_pending_title(void) {
  if (pending_title[0]) {
    fputs(pending_title, stdout);
    pending_title[0] = '\0';
  }
}

static void print_scalar(const char *name, bench_fn fn, const void *ctx, double target_ns) {
  stats s;
  if (!selected(name))
    return;
  print_pending_title();
  s = measure(name, fn, ctx);
  printf("  %-30s %8.2f %8.2f %8.2f %8.2f", name, s.median, s.min, s.max,
         s.median / baseline32.median);
  if (target_ns > 0)
    printf("   <= %.0f ns: %s", target_ns, s.median <= target_ns ? "ok" : "MISSED");
  putchar('\n');
  fflush(stdout);
}

static void scalar_header(const char *title) {
  snprintf(pending_title, sizeof pending_title, "\n%s\n  %-30s %8s %8s %8s %8s\n", title,
           "operation", "ns/call", "min", "max", "x memcpy");
}

static void throughput_header(const char *title) {
  snprintf(pending_title, sizeof pending_title, "\n%s\n  %-34s %9s %7s %7s %7s %8s %6s\n",
           title, "operation", "ns/body", "GB/s", "min", "max", "memcpy", "ratio");
}

/* Rows whose cost is per pass over `bytes` bytes holding `units` bodies;
   GB/s counts wire bytes (headers included for streams). */
static void print_throughput(const char *name, bench_fn fn, const void *ctx, size_t units,
                             const uint8_t *bytes, size_t size, double target_gbs) {
  stats s, base;
  double gbs, copy_gbs;
  if (!selected(name))
    return;
  print_pending_title();
  s = measure(name, fn, ctx);
  base = memcpy_baseline(bytes, size);
  gbs = (double)size / s.median;
  copy_gbs = (double)size / base.median;
  printf("  %-34s %9.2f %7.2f %7.2f %7.2f %8.2f %6.2f", name, s.median / (double)units, gbs,
         (double)size / s.max, (double)size / s.min, copy_gbs, gbs / copy_gbs);
  if (target_gbs > 0)
    printf("   >= %.0f GB/s: %s", target_gbs, gbs >= target_gbs ? "ok" : "MISSED");
  putchar('\n');
  fflush(stdout);
}

static void size_label(char *buf, size_t len, size_t bytes) {
  if (bytes >= ((size_t)1 << 20))
    snprintf(buf, len, "%zu MB", bytes >> 20);
  else
    snprintf(buf, len, "%zu KB", bytes >> 10);
}

static void usage(FILE *f) {
  fputs("usage: bench_codec [--runs N] [--min-ms MS] [--quick] [--filter TEXT]\n"
        "  --runs N      timed runs per row (default 31); the table shows median, min, max\n"
        "  --min-ms MS   minimum length of one run in milliseconds (default 5)\n"
        "  --quick       3 runs of 2 ms, streams up to 4 MB (a smoke test, not a measurement)\n"
        "  --filter TEXT only rows whose name contains TEXT\n",
        f);
}

static void parse_args(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--runs") && i + 1 < argc) {
      long v = strtol(argv[++i], NULL, 10);
      if (v < 1 || v > 1000)
        fail("--runs wants 1..1000");
      opt_runs = (unsigned)v;
    } else if (!strcmp(a, "--min-ms") && i + 1 < argc) {
      double v = strtod(argv[++i], NULL);
      if (!(v > 0 && v < 1e5))
        fail("--min-ms wants a positive number");
      opt_min_ns = v * 1e6;
    } else if (!strcmp(a, "--quick")) {
      opt_quick = 1;
      opt_runs = 3;
      opt_min_ns = 2e6;
    } else if (!strcmp(a, "--filter") && i + 1 < argc) {
      opt_filter = argv[++i];
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      exit(0);
    } else {
      usage(stderr);
      exit(2);
    }
  }
}

int main(int argc, char **argv) {
  static const unsigned per_message[3] = {1, 16, 255};
  static const size_t stream_sizes[] = {(size_t)1 << 10,  (size_t)16 << 10, (size_t)256 << 10,
                                        (size_t)4 << 20,  (size_t)64 << 20, (size_t)100 << 20};
  size_t large_stream, big_stream_max;
  unsigned t, k;
  char name[96];

  parse_args(argc, argv);
  large_stream = opt_quick ? (size_t)4 << 20 : (size_t)64 << 20;
  big_stream_max = opt_quick ? (size_t)4 << 20 : (size_t)100 << 20;
  make_inputs();

  printf("libmitch %s codec benchmark (protocol %s)\n", mitch_get_version(),
         mitch_get_protocol_version());
  printf("%u runs per row, each >= %.0f ms; median with the fastest and slowest run\n",
         opt_runs, opt_min_ns / 1e6);

  baseline32 = measure("memcpy32", b_memcpy32, NULL);
  printf("baseline: 32-byte memcpy through a non-inlinable call: %.2f ns [%.2f .. %.2f]\n",
         baseline32.median, baseline32.min, baseline32.max);

  scalar_header("Flat ABI, one call");
  print_scalar("mitch_pack_trade", b_pack_trade, NULL, 3);
  print_scalar("mitch_unpack_trade", b_unpack_trade, NULL, 3);
  print_scalar("mitch_pack_order", b_pack_order, NULL, 3);
  print_scalar("mitch_unpack_order", b_unpack_order, NULL, 3);
  print_scalar("mitch_pack_tick", b_pack_tick, NULL, 3);
  print_scalar("mitch_unpack_tick", b_unpack_tick, NULL, 3);
  print_scalar("mitch_pack_index", b_pack_index, NULL, 0);
  print_scalar("mitch_unpack_index", b_unpack_index, NULL, 0);
  print_scalar("mitch_pack_order_book", b_pack_order_book, NULL, 0);
  print_scalar("mitch_unpack_order_book", b_unpack_order_book, NULL, 0);
  print_scalar("mitch_pack_header", b_pack_header, NULL, 2);
  print_scalar("mitch_unpack_header", b_unpack_header, NULL, 2);
  print_scalar("mitch_create_header", b_create_header, NULL, 2);
  print_scalar("mitch_create_channel", b_create_channel, NULL, 0);
  print_scalar("mitch_pack_channel", b_pack_channel, NULL, 0);
  print_scalar("mitch_unpack_channel", b_unpack_channel, NULL, 0);
  print_scalar("mitch_create_ticker_id", b_create_ticker_id, NULL, 0);
  print_scalar("mitch_decode_ticker_id", b_decode_ticker_id, NULL, 0);
  print_scalar("mitch_validate_ticker_id", b_validate_ticker_id, NULL, 0);

  scalar_header("Typed API, one call");
  print_scalar("mitch_trade_encode", b_trade_encode, NULL, 0);
  print_scalar("mitch_trade_decode", b_trade_decode, NULL, 0);
  print_scalar("mitch_order_decode", b_order_decode, NULL, 0);
  print_scalar("mitch_tick_decode", b_tick_decode, NULL, 0);

  throughput_header("Typed batches (~32 KB of bodies per call, L1/L2-resident)");
  for (t = 0; t < mitch_layout_count(); t++) {
    size_t body;
    batch_ctx c;
    mitch_layout l;
    mitch_layout_at(t, &l);
    if (!l.message_type)
      continue;
    body = l.wire_size;
    c = make_batch(l.message_type, ((size_t)32 << 10) / body);
    snprintf(name, sizeof name, "mitch_%s_encode_batch x%zu", l.name, c.count);
    print_throughput(name, b_encode_batch, &c, c.count, c.wire, c.wire_size, 0);
    snprintf(name, sizeof name, "mitch_%s_decode_batch x%zu", l.name, c.count);
    print_throughput(name, b_decode_batch, &c, c.count, c.wire, c.wire_size,
                     l.message_type == MITCH_MSG_TRADE ? 2 : 0);
    free(c.structs);
    free(c.wire);
  }
  {
    ticker_batch_ctx c;
    size_t i;
    c.count = 4096;
    c.fields = malloc(c.count * sizeof *c.fields);
    c.ids = malloc(c.count * sizeof *c.ids);
    if (!c.fields || !c.ids)
      fail("out of memory");
    for (i = 0; i < c.count; i++) {
      c.fields[i] = tickers[i % RING];
      c.ids[i] = ticker_ids[i % RING];
    }
    print_throughput("mitch_ticker_id_encode_batch x4096", b_ticker_encode_batch, &c, c.count,
                     (const uint8_t *)c.ids, c.count * sizeof *c.ids, 0);
    print_throughput("mitch_ticker_id_decode_batch x4096", b_ticker_decode_batch, &c, c.count,
                     (const uint8_t *)c.ids, c.count * sizeof *c.ids, 0);
    free(c.fields);
    free(c.ids);
  }

  {
    stream_ctx s = make_trade_stream(large_stream, MITCH_MAX_BODIES);
    char label[32];
    size_label(label, sizeof label, large_stream);
    snprintf(name, sizeof name, "Whole streams: %s of trade messages, 255 bodies each", label);
    throughput_header(name);
    print_throughput("mitch_stream_validate", b_stream_validate, &s, s.bodies, s.data, s.size,
                     2);
    print_throughput("mitch_stream_gather", b_stream_gather, &s, s.bodies, s.data, s.size, 0);
    print_throughput("reader_next + trade_decode_batch", b_stream_decode, &s, s.bodies, s.data,
                     s.size, 2);
    free_stream(&s);
  }

  throughput_header("Cost curve: bodies per message (1 MB trade stream)");
  for (k = 0; k < 3; k++) {
    stream_ctx s = make_trade_stream((size_t)1 << 20, per_message[k]);
    snprintf(name, sizeof name, "decode, %u per message", per_message[k]);
    print_throughput(name, b_stream_decode, &s, s.bodies, s.data, s.size, 0);
    snprintf(name, sizeof name, "validate, %u per message", per_message[k]);
    print_throughput(name, b_stream_validate, &s, s.bodies, s.data, s.size, 0);
    free_stream(&s);
  }

  {
    static const unsigned capture_per_message[2] = {255, 1};
    char label[32];
    size_label(label, sizeof label, big_stream_max);
    snprintf(name, sizeof name, "Captures: %s of alternating trade and tick messages", label);
    throughput_header(name);
    for (k = 0; k < 2; k++) {
      capture_ctx c = make_capture(big_stream_max, capture_per_message[k]);
      snprintf(name, sizeof name, "capture_decode, %u per message", capture_per_message[k]);
      print_throughput(name, b_capture_decode, &c, c.bodies, c.data, c.size,
                       capture_per_message[k] == 255 ? 5 : 0);
      snprintf(name, sizeof name, "capture_encode trades, %u per msg", capture_per_message[k]);
      print_throughput(name, b_capture_encode, &c, c.sinks[0].capacity, c.encoded,
                       c.encoded_size, 0);
      free_capture(&c);
    }
  }

  throughput_header("Cost curve: stream size (trade messages of 255 bodies)");
  for (k = 0; k < sizeof stream_sizes / sizeof stream_sizes[0]; k++) {
    stream_ctx s;
    char label[32];
    if (stream_sizes[k] > big_stream_max)
      break;
    s = make_trade_stream(stream_sizes[k], MITCH_MAX_BODIES);
    size_label(label, sizeof label, stream_sizes[k]);
    snprintf(name, sizeof name, "decode, %s", label);
    print_throughput(name, b_stream_decode, &s, s.bodies, s.data, s.size, 0);
    snprintf(name, sizeof name, "validate, %s", label);
    print_throughput(name, b_stream_validate, &s, s.bodies, s.data, s.size, 0);
    free_stream(&s);
  }

  printf("\n(ns/call and ns/body are medians; GB/s = wire bytes / median time; min/max GB/s\n"
         " are the slowest and fastest runs; memcpy = a memcpy of the same bytes; a ratio > 1\n"
         " means faster than copying.)\n");
  return 0;
}
