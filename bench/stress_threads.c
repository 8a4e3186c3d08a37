/*
 * stress_threads.c - many threads, every kind of call, one right answer.
 *
 *   bench/stress_threads [--threads N] [--calls N] [--seed N] [--require-registry]
 *
 * libmitch promises that every function may be called from any number of
 * threads at once, from the very first call (no global mutable state, no
 * lazy initialisation).  This program checks it: a table of operations
 * (pack/unpack of every body, headers, channels, ticker ids, order-book
 * bins, stream validation/iteration/gathering, symbol, asset and provider
 * resolution, status texts) is run by N threads (default 8) at once, in a
 * different random order per thread, and every result - status and all
 * outputs, folded into a 64-bit FNV-1a hash - is compared with the answer
 * the same operation gives when run alone on one thread.
 *
 * Two phases:
 *   cold  the threads start together (a barrier) before anything else has
 *         called the library, each runs every operation once in its own
 *         order; the single-threaded answers are computed afterwards.
 *   hot   the threads draw random operations until they have made at
 *         least --calls library calls between them (default 1 200 000),
 *         checking each answer against the table as they go.
 *
 * tools/check-tsan builds this with -fsanitize=thread; a normal build runs
 * it as a plain consistency check.  Exit status 0 only if every answer
 * matched.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mitch.h>

/* The registry functions are weak on ELF so this program still links (and
   stresses the codecs) against a library built without them; the registry
   operations are then skipped and the report says so. */
#if defined(__ELF__) && defined(__GNUC__)
#pragma weak mitch_resolve
#pragma weak mitch_resolve_ticker
#pragma weak mitch_asset_find
#pragma weak mitch_resolve_asset
#pragma weak mitch_asset_get
#pragma weak mitch_provider_find
#pragma weak mitch_find_market_provider
#pragma weak mitch_get_market_provider_by_id
static int registry_present(void) {
  return mitch_resolve && mitch_resolve_ticker && mitch_asset_find && mitch_resolve_asset &&
         mitch_asset_get && mitch_provider_find && mitch_find_market_provider &&
         mitch_get_market_provider_by_id;
}
#else
static int registry_present(void) {
  return 1;
}
#endif

/* ---- hashing every output ------------------------------------------------ */

typedef struct hash {
  uint64_t h;
} hash;

static void h_init(hash *s) {
  s->h = UINT64_C(0xcbf29ce484222325);
}
static void h_bytes(hash *s, const void *p, size_t n) {
  const uint8_t *b = p;
  size_t i;
  for (i = 0; i < n; i++) {
    s->h ^= b[i];
    s->h *= UINT64_C(0x100000001b3);
  }
}
static void h_u64(hash *s, uint64_t v) {
  h_bytes(s, &v, sizeof v);
}
static void h_f64(hash *s, double v) {
  h_bytes(s, &v, sizeof v); /* bit pattern: NaN payloads and -0 count */
}
static void h_str(hash *s, const char *str) {
  if (!str)
    h_u64(s, UINT64_C(0xDEAD));
  else
    h_bytes(s, str, strlen(str) + 1);
}

/* ---- inputs (built once, read-only while the threads run) ------------------- */

static uint64_t xorshift(uint64_t *state) {
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * UINT64_C(0x2545F4914F6CDD1D);
}

#define N_RAW 256       /* random byte blocks: mostly invalid bodies */
#define N_VALUES 256    /* random field sets: a mix of valid and invalid */
#define RAW_SIZE 2080   /* > the largest body, so any body type can be read */
#define N_STREAMS 12
#define STREAM_MAX (256u << 10)

static uint8_t raw[N_RAW][RAW_SIZE];
static uint64_t values[N_VALUES][20];
static double prices[N_VALUES][3];

typedef struct stream_input {
  uint8_t *data;
  size_t size;
} stream_input;
static stream_input streams[N_STREAMS];

static const char *const symbols[] = {
    "EURUSD", "EUR/USD", "eur-usd", "EURUSD.m", "EURUSDm", "GBPJPYmini", "USDJPY",
    "USDTRY", "XAUUSD.c", "GOLD", "US30.cash", "^SPX", ".DJI", "$INDU", "BTCUSDT",
    "BTC-USDT", "btc_usdt", "ETHUSDT", "LINK/ETH", "_EURUSDc", "AAPL", "AAPL.US", "$MSFT",
    "TSLA.cash", "Apple", "Bitcoin Cash", "BRK-B", "TECK.B", "USD", "", "zzzzqqqq",
    "Etherium", "Polish Z\xc5\x82oty", "\xff\xfe\x80 bad utf8", "S&P 500", "Euro Stoxx 50",
    "GBP/JPY", "SOL_", "$BOBLEUR.ecn", "FRA40EURm"};
#define N_SYMBOLS (sizeof symbols / sizeof symbols[0])

static const char *const names[] = {
    "BTC", "XBT", "Bitcoin", "$BTC", "Euro", "Apple Inc.", "Microsoft Corporation", "gold",
    "SPX", "S&P 500", "ETH", "ethereum", "usdt", "Appel", "Microsft", "Nvidea", "Japanse Yen",
    "Polkadott", "Binance", "binance", "Interactive Brokers", "InteractiveBrokers", "NYSE",
    "IBKR", "LSE", "Binanse", "Krakn", "Zzyzx Exchange Qq", "", "\xc3\x28\xa0\xa1",
    "Crypto.com", "Hong Kong Stock Exchange"};
#define N_NAMES (sizeof names / sizeof names[0])

static char long_query[4096]; /* longer than MITCH_QUERY_MAX */

/* Mostly a body type byte, sometimes one that is not ('T', 0). */
static uint8_t pick_type(uint64_t r);
static uint8_t any_type(uint64_t r) {
  switch (r % 7) {
  case 5:
    return 'T';
  case 6:
    return 0;
  default:
    return pick_type(r);
  }
}

/* A body type byte, from the library's layout table. */
static uint8_t pick_type(uint64_t r) {
  size_t i, n = 0;
  uint8_t types[16];
  for (i = 0; i < mitch_layout_count() && n < sizeof types; i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (l.message_type)
      types[n++] = l.message_type;
  }
  return types[r % n];
}

static void build_inputs(void) {
  uint64_t st = UINT64_C(0x1234567887654321);
  unsigned i, j;
  for (i = 0; i < N_RAW; i++)
    for (j = 0; j < RAW_SIZE; j++)
      raw[i][j] = (uint8_t)xorshift(&st);
  for (i = 0; i < N_VALUES; i++) {
    for (j = 0; j < 20; j++) {
      uint64_t r = xorshift(&st);
      /* small values half of the time, so the valid ranges are hit */
      values[i][j] = (r & 1) ? (r >> 1) % 8 : r;
    }
    for (j = 0; j < 3; j++) {
      uint64_t r = xorshift(&st);
      switch (r % 8) {
      case 0: {
        uint64_t bits = xorshift(&st); /* any bit pattern: NaN, Inf, negative */
        memcpy(&prices[i][j], &bits, 8);
        break;
      }
      case 1:
        prices[i][j] = 0.0;
        break;
      default:
        prices[i][j] = (double)(r % 1000000) / 100.0 + 0.01;
      }
    }
    /* valid bodies need the raw blocks to look valid sometimes too */
    if (i % 4 == 0)
      mitch_pack_trade(values[i][0] | 1, 1.5 + i, (uint32_t)i + 1, 7, 0, raw[i]);
    if (i % 4 == 1)
      mitch_pack_tick(values[i][0] | 1, 2.0, 3.0 + i, (uint32_t)i, 5, raw[i]);
  }
  /* Streams: valid runs of messages of mixed types, some damaged at the end. */
  for (i = 0; i < N_STREAMS; i++) {
    size_t cap = STREAM_MAX, size = 0;
    uint8_t *d = malloc(cap);
    if (!d) {
      fprintf(stderr, "stress_threads: out of memory\n");
      exit(1);
    }
    for (;;) {
      uint8_t type = pick_type(xorshift(&st));
      size_t body, k, count = 1 + xorshift(&st) % (type == 'b' ? 3 : 40);
      mitch_body_size(type, &body);
      if (size + MITCH_HEADER_SIZE + count * body > cap)
        break;
      mitch_pack_header(type, xorshift(&st) & MITCH_U48_MAX, (uint8_t)count, d + size);
      for (k = 0; k < count; k++) {
        uint8_t *b = d + size + MITCH_HEADER_SIZE + k * body;
        memset(b, 0, body);
        switch (type) {
        case 't':
          mitch_pack_trade(k + 1, 10.0 + k, 1, 2, 1, b);
          break;
        case 'o':
          mitch_pack_order(k + 1, 3, 10.5, 4, (uint8_t)(k % 4), 0, k, b);
          break;
        case 's':
          mitch_pack_tick(k + 1, 1.0, 1.5, 1, 2, b);
          break;
        case 'i':
          mitch_pack_index(k + 1, 99.0, 1, 2, 3, -4, 5, -6, 7, 8, 9, -10, 11, 50, 1, 2, b);
          break;
        default: {
          static const uint32_t bins[256];
          mitch_pack_order_book(k + 1, 42.0, (uint8_t)(k % 4), bins, bins, b, body);
        }
        }
      }
      size += MITCH_HEADER_SIZE + count * body;
      if (xorshift(&st) % 64 == 0)
        break;
    }
    switch (i % 4) { /* 0: intact; 1: truncated; 2: a bad type byte; 3: a bad body */
    case 1:
      size -= 1 + xorshift(&st) % 7;
      break;
    case 2:
      d[size / 2] ^= 0x55;
      break;
    case 3:
      if (size > 40)
        memset(d + size - 24, 0xFF, 24);
      break;
    }
    streams[i].data = d;
    streams[i].size = size;
  }
  memset(long_query, 'A', sizeof long_query - 1);
}

/* ---- the operations --------------------------------------------------------- */

/* Each operation runs a few library calls on input `i`, hashes every
   result, and adds the number of calls it made to *calls. */
typedef uint64_t (*op_fn)(unsigned i, uint8_t *scratch, unsigned long *calls);

typedef struct op {
  const char *name;
  op_fn fn;
  unsigned inputs; /* i ranges over 0..inputs-1 */
  unsigned weight; /* relative frequency in the hot phase */
  int registry;    /* needs the registry functions */
} op;

static uint64_t op_trade(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  uint64_t ticker;
  double price;
  uint32_t qty, id;
  uint8_t side;
  int st;
  h_init(&s);
  st = mitch_pack_trade(v[0], prices[i][0], (uint32_t)v[1], (uint32_t)v[2], (uint8_t)v[3],
                        scratch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_TRADE_SIZE);
  st = mitch_unpack_trade(raw[i], (size_t)(v[4] % 40), &ticker, &price, &qty, &id, &side);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ticker);
    h_f64(&s, price);
    h_u64(&s, qty);
    h_u64(&s, id);
    h_u64(&s, side);
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_order(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  uint64_t ticker, expiry;
  double price;
  uint32_t id, qty;
  uint8_t type, side;
  int st;
  h_init(&s);
  st = mitch_pack_order(v[0], (uint32_t)v[1], prices[i][0], (uint32_t)v[2], (uint8_t)v[3],
                        (uint8_t)v[4], v[5], scratch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_ORDER_SIZE);
  st = mitch_unpack_order(raw[i], (size_t)(v[6] % 40), &ticker, &id, &price, &qty, &type,
                          &side, &expiry);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ticker);
    h_u64(&s, id);
    h_f64(&s, price);
    h_u64(&s, qty);
    h_u64(&s, type);
    h_u64(&s, side);
    h_u64(&s, expiry);
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_tick(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  mitch_tick t;
  mitch_tick_metrics m;
  int st;
  h_init(&s);
  st = mitch_pack_tick(v[0], prices[i][0], prices[i][1], (uint32_t)v[1], (uint32_t)v[2],
                       scratch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_TICK_SIZE);
  st = mitch_tick_decode(raw[i], (size_t)(v[3] % 40), &t);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, t.ticker_id);
    h_f64(&s, t.bid_price);
    h_f64(&s, t.ask_price);
    h_u64(&s, t.bid_volume);
    h_u64(&s, t.ask_volume);
    st = mitch_tick_metrics_get(&t, &m);
    h_u64(&s, (uint64_t)st);
    h_f64(&s, m.mid);
    h_f64(&s, m.spread);
    h_f64(&s, m.spread_bps);
    h_f64(&s, m.imbalance);
    h_u64(&s, m.total_volume);
    *calls += 1;
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_index(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  mitch_index x;
  mitch_index_metrics m;
  int st;
  h_init(&s);
  st = mitch_pack_index(v[0], prices[i][0], (uint32_t)v[1], (uint32_t)v[2], (int32_t)v[3],
                        (int32_t)v[4], (int32_t)v[5], (int32_t)v[6], (int32_t)v[7],
                        (uint16_t)(v[8] % 12000), (uint16_t)v[9], (int16_t)v[10],
                        (int16_t)v[11], (uint8_t)(v[12] % 120), (uint8_t)v[13], (uint8_t)v[14],
                        scratch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_INDEX_SIZE);
  /* decode what was just packed, or a raw block */
  st = mitch_index_decode(st == MITCH_OK && (v[15] & 1) ? scratch : raw[i], 64, &x);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    st = mitch_index_metrics_get(&x, &m);
    h_u64(&s, (uint64_t)st);
    h_f64(&s, m.best_bid_price);
    h_f64(&s, m.worst_ask_price);
    h_f64(&s, m.trend);
    h_str(&s, m.confidence_band);
    *calls += 1;
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_order_book(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  uint32_t bids[256], asks[256];
  uint64_t ticker, totals[4];
  double mid;
  uint8_t agg;
  mitch_order_book *b = (void *)(scratch + 4096); /* calloc-aligned */
  const uint8_t *src;
  hash s;
  unsigned k;
  int st;
  h_init(&s);
  for (k = 0; k < 256; k++) {
    bids[k] = (uint32_t)(v[k % 20] >> (k % 32));
    asks[k] = (uint32_t)(v[(k + 7) % 20] * (k + 1));
  }
  st = mitch_pack_order_book(v[0], prices[i][0], (uint8_t)(v[1] % 6), bids, asks, scratch,
                             (size_t)(2060 + v[2] % 20));
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_ORDER_BOOK_SIZE);
  src = st == MITCH_OK ? scratch : raw[i];
  st = mitch_unpack_order_book(src, MITCH_ORDER_BOOK_SIZE, &ticker, &mid, &agg, bids, asks);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ticker);
    h_f64(&s, mid);
    h_u64(&s, agg);
    h_bytes(&s, bids, sizeof bids);
    h_bytes(&s, asks, sizeof asks);
  }
  st = mitch_order_book_decode(src, MITCH_ORDER_BOOK_SIZE, b);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    st = mitch_order_book_totals(b, &totals[0], &totals[1], &totals[2], &totals[3]);
    h_u64(&s, (uint64_t)st);
    h_bytes(&s, totals, sizeof totals);
    *calls += 1;
  }
  *calls += 3;
  return s.h;
}

static uint64_t op_header(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  uint64_t ts;
  uint8_t type, count;
  size_t size;
  int st;
  h_init(&s);
  st = mitch_pack_header(any_type(v[0]), v[1] & (v[2] & 1 ? MITCH_U48_MAX : UINT64_MAX),
                         (uint8_t)v[3], scratch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, MITCH_HEADER_SIZE);
  st = mitch_unpack_header(raw[i] + (v[4] % 8), (size_t)(v[5] % 12), &type, &ts, &count);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, type);
    h_u64(&s, ts);
    h_u64(&s, count);
  }
  st = mitch_calculate_message_size(any_type(v[6]), (uint8_t)v[7], &size);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_u64(&s, size);
  *calls += 3;
  return s.h;
}

static uint64_t op_ticker_channel(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  uint64_t id;
  uint8_t it, bc, qc, mt;
  uint16_t bid, qid, prov;
  uint32_t sub, ch, asset;
  int st;
  h_init(&s);
  st = mitch_create_ticker_id((uint8_t)v[0], (uint8_t)v[1], (uint16_t)v[2], (uint8_t)v[3],
                              (uint16_t)v[4], (uint32_t)v[5], &id);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_u64(&s, id);
  st = mitch_decode_ticker_id(v[6], &it, &bc, &bid, &qc, &qid, &sub);
  h_u64(&s, (uint64_t)st);
  h_u64(&s, ((uint64_t)it << 56) | ((uint64_t)bc << 48) | ((uint64_t)qc << 40) | sub);
  h_u64(&s, ((uint64_t)bid << 16) | qid);
  h_u64(&s, (uint64_t)mitch_validate_ticker_id(v[6]));
  h_u64(&s, (uint64_t)(mitch_ticker_id_is_forex(v[6]) * 8 + mitch_ticker_id_is_crypto(v[6]) * 4 +
                       mitch_ticker_id_is_spot(v[6]) * 2 + mitch_ticker_id_is_equity(v[6])));
  st = mitch_create_channel((uint16_t)v[7], (char)raw[i][0], &ch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ch);
    st = mitch_pack_channel(ch, scratch);
    h_u64(&s, (uint64_t)st);
    h_bytes(&s, scratch, 4);
    *calls += 1;
  }
  st = mitch_unpack_channel(raw[i] + 1, (size_t)(v[8] % 6), &ch);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ch);
    st = mitch_channel_decode(ch, &prov, &mt);
    h_u64(&s, (uint64_t)st);
    h_u64(&s, ((uint64_t)prov << 8) | mt);
    *calls += 1;
  }
  st = mitch_pack_asset((uint8_t)v[9], (uint16_t)v[10], &asset);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_u64(&s, asset);
  *calls += 9;
  return s.h;
}

static uint64_t op_bins(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const uint64_t *v = values[i];
  hash s;
  double start = 0, end = 0;
  unsigned bin = 0;
  const double *ends;
  int st;
  (void)scratch;
  h_init(&s);
  st = mitch_bin_for_price(prices[i][0], (uint8_t)(v[0] % 5), (int)(v[1] % 3), prices[i][1],
                           &bin);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_u64(&s, bin);
  st = mitch_bin_price_range(prices[i][2], (uint8_t)(v[2] % 5), (int)(v[3] % 3),
                             (unsigned)(v[4] % 130), &start, &end);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_f64(&s, start);
    h_f64(&s, end);
  }
  st = mitch_bin_table((uint8_t)(v[5] % 5), &ends);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK)
    h_f64(&s, ends[v[6] % 128]);
  h_str(&s, mitch_bin_aggregator_name((uint8_t)(v[7] % 6)));
  *calls += 4;
  return s.h;
}

static uint64_t op_stream(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const stream_input *in = &streams[i % N_STREAMS];
  static const uint8_t only[3] = {0, 't', 'b'};
  uint8_t type = only[i / N_STREAMS % 3];
  mitch_stream_info info;
  mitch_reader r;
  mitch_message m;
  size_t n = 0, bad;
  hash s;
  int st;
  h_init(&s);
  st = mitch_stream_validate(in->data, in->size, type, &info);
  h_u64(&s, (uint64_t)st);
  h_u64(&s, info.messages);
  h_u64(&s, info.bodies);
  if (st != MITCH_OK) {
    h_u64(&s, info.error_offset);
    h_u64(&s, info.message_offset);
  }
  mitch_reader_init(&r, in->data, in->size);
  *calls += 2;
  while ((st = mitch_reader_next(&r, &m)) == MITCH_OK) {
    int vs = mitch_message_validate(&m, &bad);
    h_u64(&s, m.offset);
    h_u64(&s, (uint64_t)vs);
    if (vs != MITCH_OK)
      h_u64(&s, bad);
    *calls += 2;
  }
  *calls += 1;
  h_u64(&s, (uint64_t)st);
  h_u64(&s, r.error_offset);
  st = mitch_stream_gather(in->data, in->size, type ? type : 't', scratch, STREAM_MAX, &n,
                           &info);
  h_u64(&s, (uint64_t)st);
  h_u64(&s, n);
  if (st == MITCH_OK)
    h_bytes(&s, scratch, n * (type == 'b' ? MITCH_ORDER_BOOK_SIZE : MITCH_TRADE_SIZE));
  *calls += 1;
  return s.h;
}

/* The 1.1 functions: the layout table, the check functions (their error
   texts are built on the stack: locale-independent number formatting from
   many threads) and capture decoding into per-thread sinks. */
static void hash_error(hash *s, const mitch_error *e) {
  h_u64(s, (uint64_t)e->status);
  if (e->status == MITCH_OK)
    return;
  h_u64(s, ((uint64_t)e->layout << 32) | (uint32_t)e->field);
  h_str(s, e->field_name);
  h_str(s, e->other_name);
  h_str(s, e->rule);
  h_f64(s, e->value);
  h_f64(s, e->other_value);
  h_u64(s, e->index);
  h_u64(s, e->offset);
  h_u64(s, e->message_offset);
  h_str(s, e->text);
}

static uint64_t op_api11(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const stream_input *in = &streams[i % N_STREAMS];
  mitch_capture_sink sinks[2];
  mitch_stream_info info;
  mitch_error e;
  mitch_tick t;
  mitch_layout l;
  size_t j, k;
  hash s;
  int st;
  h_init(&s);
  st = mitch_check_stream(in->data, in->size, 0, &info, &e);
  hash_error(&s, &e);
  h_u64(&s, (uint64_t)st + info.messages);
  memset(sinks, 0, sizeof sinks);
  /* the structs' padding is never written: start from zeros so the hash
     sees only what the decoder wrote */
  memset(scratch, 0, STREAM_MAX / 2);
  sinks[0].message_type = MITCH_MSG_TRADE;
  sinks[0].bodies = scratch;
  sinks[0].timestamps = (uint64_t *)(void *)(scratch + STREAM_MAX / 2);
  sinks[0].capacity = STREAM_MAX / 2 / sizeof(mitch_trade) / 2;
  sinks[1].message_type = pick_type(i);
  sinks[1].capacity = 0; /* counts only */
  if (sinks[1].message_type != MITCH_MSG_TRADE) {
    st = mitch_capture_decode(in->data, in->size, sinks, 2, &info, &e);
    hash_error(&s, &e);
    h_u64(&s, sinks[0].count);
    h_u64(&s, sinks[1].count);
    h_bytes(&s, scratch, sinks[0].count * sizeof(mitch_trade));
    h_bytes(&s, sinks[0].timestamps, sinks[0].count * sizeof(uint64_t));
    *calls += 1;
  }
  memset(&t, 0, sizeof t);
  t.ticker_id = i + 1;
  t.bid_price = 1.0 + (double)i / 7.0;
  t.ask_price = t.bid_price - 0.5 / (double)(i + 1);
  st = mitch_check_values(MITCH_MSG_TICK, &t, 1, &e);
  hash_error(&s, &e);
  k = i % mitch_layout_count();
  mitch_layout_at(k, &l);
  for (j = 0; j < l.field_count; j++) {
    mitch_field f;
    mitch_layout_field(l.id, j, &f);
    h_str(&s, f.name);
    h_u64(&s, (f.wire_offset << 32) ^ f.struct_offset);
    h_str(&s, f.rule);
  }
  *calls += 3 + l.field_count;
  return s.h;
}

static void hash_asset(hash *s, const mitch_asset *a) {
  h_u64(s, a->asset_id);
  h_u64(s, ((uint64_t)a->asset_class << 16) | a->class_id);
  h_str(s, a->name);
  h_str(s, a->symbol);
  h_str(s, a->aliases);
}

static uint64_t op_resolve(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const char *sym = i < N_SYMBOLS ? symbols[i] : long_query;
  mitch_resolution res;
  uint64_t ticker;
  uint32_t base, quote;
  double conf;
  hash s;
  int st;
  (void)scratch;
  h_init(&s);
  st = mitch_resolve(sym, (uint8_t)(i % 3 == 2 ? 16 : i % 3), &res);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, res.ticker_id);
    h_u64(&s, res.instrument_type);
    hash_asset(&s, &res.base);
    hash_asset(&s, &res.quote);
    h_f64(&s, res.confidence);
    h_str(&s, res.steps);
  }
  st = mitch_resolve_ticker(sym, (uint8_t)(i % 5), &ticker, &base, &quote, &conf);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, ticker);
    h_u64(&s, ((uint64_t)base << 32) | quote);
    h_f64(&s, conf);
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_asset(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const char *q = i < N_NAMES ? names[i] : long_query;
  static const double thresholds[3] = {0.6, 0.8, 0.95};
  mitch_asset a;
  uint32_t asset_id;
  uint16_t class_id;
  uint8_t cls;
  char *name_out = (char *)scratch, *aliases_out = (char *)scratch + 512;
  size_t name_len = i % 7 * 3, aliases_len = i % 5 * 40; /* short buffers cut the text */
  double conf;
  hash s;
  int st;
  h_init(&s);
  st = mitch_asset_find(q, i % 4 == 3 ? 6 : -1, thresholds[i % 3], &a, &conf);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    hash_asset(&s, &a);
    h_f64(&s, conf);
    st = mitch_asset_get(a.asset_class, a.class_id, &a);
    h_u64(&s, (uint64_t)st);
    *calls += 1;
  }
  memset(scratch, 0x5A, 1024);
  st = mitch_resolve_asset(q, thresholds[(i + 1) % 3], &asset_id, &class_id, &cls, name_out,
                           name_len, aliases_out, aliases_len, &conf);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, asset_id);
    h_u64(&s, ((uint64_t)cls << 16) | class_id);
    h_f64(&s, conf);
    h_bytes(&s, scratch, 1024); /* the bytes past the cut must be untouched too */
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_provider(unsigned i, uint8_t *scratch, unsigned long *calls) {
  const char *q = i < N_NAMES ? names[i] : long_query;
  mitch_provider p;
  uint16_t id;
  double conf;
  size_t name_len = i % 6 * 5;
  hash s;
  int st;
  h_init(&s);
  st = mitch_provider_find(q, i % 2 ? 0.8 : 0.95, &p, &conf);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, p.id);
    h_str(&s, p.name);
    h_str(&s, p.abbreviations);
    h_f64(&s, conf);
  }
  memset(scratch, 0x5A, 256);
  st = mitch_find_market_provider(q, 0.8, &id, (char *)scratch, name_len, &conf);
  h_u64(&s, (uint64_t)st);
  if (st == MITCH_OK) {
    h_u64(&s, id);
    h_f64(&s, conf);
    h_bytes(&s, scratch, 256);
    st = mitch_get_market_provider_by_id(id, (char *)scratch + 256, 64);
    h_u64(&s, (uint64_t)st);
    h_str(&s, (char *)scratch + 256);
    *calls += 1;
  }
  *calls += 2;
  return s.h;
}

static uint64_t op_texts(unsigned i, uint8_t *scratch, unsigned long *calls) {
  hash s;
  (void)scratch;
  h_init(&s);
  h_str(&s, mitch_strerror((int)i - 5));
  h_str(&s, mitch_get_version());
  h_u64(&s, mitch_get_version_len());
  h_str(&s, mitch_get_protocol_version());
  h_str(&s, mitch_confidence_band((uint8_t)(i % 110)));
  *calls += 5;
  return s.h;
}

static const op ops[] = {
    {"trade pack/unpack", op_trade, N_VALUES, 12, 0},
    {"order pack/unpack", op_order, N_VALUES, 12, 0},
    {"tick pack/decode/metrics", op_tick, N_VALUES, 12, 0},
    {"index pack/decode/metrics", op_index, N_VALUES, 10, 0},
    {"order book pack/unpack/totals", op_order_book, N_VALUES, 2, 0},
    {"header pack/unpack/size", op_header, N_VALUES, 12, 0},
    {"ticker id, channel, asset", op_ticker_channel, N_VALUES, 12, 0},
    {"order-book bins", op_bins, N_VALUES, 10, 0},
    {"stream validate/read/gather", op_stream, N_STREAMS * 3, 1, 0},
    {"layouts, checks, captures (1.1)", op_api11, N_STREAMS * 4, 1, 0},
    {"symbol resolution", op_resolve, N_SYMBOLS + 1, 2, 1},
    {"asset lookup", op_asset, N_NAMES + 1, 2, 1},
    {"provider lookup", op_provider, N_NAMES + 1, 2, 1},
    {"status and version texts", op_texts, 120, 4, 0},
};
#define N_OPS (sizeof ops / sizeof ops[0])
typedef char ops_fit_per_op_array[N_OPS <= 32 ? 1 : -1];

/* ---- running it ------------------------------------------------------------- */

static uint64_t *expected[N_OPS]; /* single-threaded answers */
static int use_registry;
static unsigned long target_calls = 1200000;
static unsigned n_threads = 8;
static uint64_t seed = 42;
static int require_registry;

static pthread_barrier_t start_line;

typedef struct worker {
  unsigned index;
  pthread_t thread;
  uint8_t *scratch;
  uint64_t *cold[N_OPS]; /* cold-phase answers, checked after the join */
  unsigned long calls, ops_done, mismatches;
  unsigned long per_op[32]; /* operations run, by kind */
  unsigned long quota;      /* hot-phase calls this thread must make */
} worker;

static int op_enabled(unsigned k) {
  return use_registry || !ops[k].registry;
}

static void *cold_phase(void *arg) {
  worker *w = arg;
  uint64_t st = seed * 0x9E3779B97F4A7C15u + w->index + 1;
  unsigned order[N_OPS], k, i, n;
  /* Every (operation, input) once: operations in a thread-specific
     shuffled order, inputs in a thread-specific rotation. */
  for (k = 0; k < N_OPS; k++)
    order[k] = k;
  for (k = N_OPS - 1; k > 0; k--) {
    unsigned j = (unsigned)(xorshift(&st) % (k + 1)), tmp = order[k];
    order[k] = order[j];
    order[j] = tmp;
  }
  pthread_barrier_wait(&start_line);
  for (n = 0; n < N_OPS; n++) {
    k = order[n];
    if (!op_enabled(k))
      continue;
    for (i = 0; i < ops[k].inputs; i++) {
      unsigned j = (i + w->index * 13) % ops[k].inputs;
      w->cold[k][j] = ops[k].fn(j, w->scratch, &w->calls) | 1;
      w->ops_done++;
      w->per_op[k]++;
    }
  }
  return NULL;
}

static void *hot_phase(void *arg) {
  worker *w = arg;
  uint64_t st = seed * 0xD1B54A32D192ED03u + w->index + 1;
  unsigned total_weight = 0, k;
  for (k = 0; k < N_OPS; k++)
    if (op_enabled(k))
      total_weight += ops[k].weight;
  pthread_barrier_wait(&start_line);
  while (w->calls < w->quota) {
    unsigned r = (unsigned)(xorshift(&st) % total_weight), i;
    uint64_t got;
    for (k = 0; k < N_OPS; k++) {
      if (!op_enabled(k))
        continue;
      if (r < ops[k].weight)
        break;
      r -= ops[k].weight;
    }
    i = (unsigned)(xorshift(&st) % ops[k].inputs);
    got = ops[k].fn(i, w->scratch, &w->calls) | 1;
    w->ops_done++;
    w->per_op[k]++;
    if (got != expected[k][i]) {
      if (w->mismatches++ < 5)
        fprintf(stderr, "stress_threads: thread %u: %s input %u: got %016llx, alone %016llx\n",
                w->index, ops[k].name, i, (unsigned long long)got,
                (unsigned long long)expected[k][i]);
    }
  }
  return NULL;
}

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n, size);
  if (!p) {
    fprintf(stderr, "stress_threads: out of memory\n");
    exit(1);
  }
  return p;
}

static void parse_args(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--threads") && i + 1 < argc)
      n_threads = (unsigned)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--calls") && i + 1 < argc)
      target_calls = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
      seed = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--require-registry"))
      require_registry = 1;
    else {
      fprintf(stderr, "usage: stress_threads [--threads N] [--calls N] [--seed N] "
                      "[--require-registry]\n");
      exit(2);
    }
  }
  if (n_threads < 1 || n_threads > 256) {
    fprintf(stderr, "stress_threads: --threads wants 1..256\n");
    exit(2);
  }
}

int main(int argc, char **argv) {
  worker *w;
  unsigned t, k, i;
  unsigned long total_calls = 0, total_ops = 0, mismatches = 0;
  uint8_t *scratch;
  unsigned long solo_calls = 0;

  parse_args(argc, argv);
  build_inputs();
  use_registry = registry_present();
  if (!use_registry && require_registry) {
    fprintf(stderr, "stress_threads: the library has no registry functions\n");
    return 1;
  }
  w = xcalloc(n_threads, sizeof *w);
  for (t = 0; t < n_threads; t++) {
    w[t].index = t;
    w[t].scratch = xcalloc(STREAM_MAX + 8192, 1);
    for (k = 0; k < N_OPS; k++)
      w[t].cold[k] = xcalloc(ops[k].inputs, sizeof(uint64_t));
    w[t].quota = target_calls / n_threads + 1;
  }

  /* Cold phase: nothing has called the library yet except build_inputs
     (codec calls only); the registry's first call happens here, on
     n_threads threads at once. */
  if (pthread_barrier_init(&start_line, NULL, n_threads) != 0)
    return 1;
  for (t = 0; t < n_threads; t++)
    if (pthread_create(&w[t].thread, NULL, cold_phase, &w[t]) != 0) {
      fprintf(stderr, "stress_threads: cannot start thread %u\n", t);
      return 1;
    }
  for (t = 0; t < n_threads; t++)
    pthread_join(w[t].thread, NULL);
  pthread_barrier_destroy(&start_line);

  /* The single-threaded answers. */
  scratch = xcalloc(STREAM_MAX + 8192, 1);
  for (k = 0; k < N_OPS; k++) {
    expected[k] = xcalloc(ops[k].inputs, sizeof(uint64_t));
    if (!op_enabled(k))
      continue;
    for (i = 0; i < ops[k].inputs; i++)
      expected[k][i] = ops[k].fn(i, scratch, &solo_calls) | 1;
  }
  for (t = 0; t < n_threads; t++)
    for (k = 0; k < N_OPS; k++)
      for (i = 0; op_enabled(k) && i < ops[k].inputs; i++)
        if (w[t].cold[k][i] != expected[k][i] && mismatches++ < 5)
          fprintf(stderr, "stress_threads: cold phase, thread %u: %s input %u differs\n", t,
                  ops[k].name, i);

  /* Hot phase. */
  if (pthread_barrier_init(&start_line, NULL, n_threads) != 0)
    return 1;
  for (t = 0; t < n_threads; t++) {
    w[t].quota += w[t].calls; /* calls counted cumulatively */
    if (pthread_create(&w[t].thread, NULL, hot_phase, &w[t]) != 0) {
      fprintf(stderr, "stress_threads: cannot start thread %u\n", t);
      return 1;
    }
  }
  for (t = 0; t < n_threads; t++)
    pthread_join(w[t].thread, NULL);
  pthread_barrier_destroy(&start_line);

  for (t = 0; t < n_threads; t++) {
    total_calls += w[t].calls;
    total_ops += w[t].ops_done;
    mismatches += w[t].mismatches;
  }
  printf("stress_threads: %u threads, %lu operations, %lu library calls, %lu mismatches%s\n",
         n_threads, total_ops, total_calls, mismatches,
         use_registry ? "" : " (registry functions absent: resolution not exercised)");
  for (k = 0; k < N_OPS; k++) {
    unsigned long n = 0;
    for (t = 0; t < n_threads; t++)
      n += w[t].per_op[k];
    printf("  %-32s %9lu operations\n", ops[k].name, n);
  }
  for (t = 0; t < n_threads; t++) {
    free(w[t].scratch);
    for (k = 0; k < N_OPS; k++)
      free(w[t].cold[k]);
  }
  for (k = 0; k < N_OPS; k++)
    free(expected[k]);
  for (i = 0; i < N_STREAMS; i++)
    free(streams[i].data);
  free(scratch);
  free(w);
  return mismatches == 0 && total_calls >= target_calls ? 0 : 1;
}
