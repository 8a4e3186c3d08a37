/*
 * fuzz_decode.c - every decode/unpack function over arbitrary bytes.
 *
 * Input: one selector byte (body type, header or channel), then the bytes
 * handed to the decoder, copied to an exactly-sized heap block.
 *
 * Properties checked for each kind:
 *  - the status equals an independent oracle written here from protocol.md
 *    (length first, then the field rules), and the typed decode, the flat
 *    unpack and mitch_body_validate agree on it;
 *  - on success the fields equal the oracle's own little-endian reading,
 *    and encoding them again (typed and flat) gives the input bytes with
 *    the padding zeroed (protocol: padding is ignored on read, written as
 *    zero);
 *  - on failure no output parameter was touched;
 *  - the batch decoder over all whole bodies of the input stops at the
 *    first body the oracle rejects, and agrees with the single decoder.
 */
#include <math.h>

#include "fuzz_util.h"

/* ---- the oracle: little-endian reads and the rules of protocol.md ---- */

static uint64_t le(const uint8_t *p, unsigned n) {
  uint64_t v = 0;
  unsigned i;
  for (i = 0; i < n; i++)
    v |= (uint64_t)p[i] << (8 * i);
  return v;
}
static double le_f64(const uint8_t *p) {
  uint64_t b = le(p, 8);
  double d;
  memcpy(&d, &b, 8);
  return d;
}
static int positive_finite(double d) {
  return isfinite(d) && d > 0;
}

static int oracle_trade(const uint8_t *b) {
  return le(b, 8) != 0 && positive_finite(le_f64(b + 8)) && le(b + 16, 4) != 0 &&
                 le(b + 20, 4) != 0 && b[24] <= 1
             ? MITCH_OK
             : MITCH_ERR_INVALID_FIELD_VALUE;
}

static int oracle_order(const uint8_t *b) {
  unsigned type = b[24] >> 1;
  double price = le_f64(b + 12);
  if (le(b, 8) == 0 || le(b + 8, 4) == 0 || type > 3)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if (type == 3) /* cancel: finite and >= 0 (so -0 too), any quantity */
    return isfinite(price) && price >= 0 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE;
  return positive_finite(price) && le(b + 20, 4) != 0 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE;
}

static int oracle_tick(const uint8_t *b) {
  double bid = le_f64(b + 8), ask = le_f64(b + 16);
  return le(b, 8) != 0 && positive_finite(bid) && positive_finite(ask) && ask >= bid
             ? MITCH_OK
             : MITCH_ERR_INVALID_FIELD_VALUE;
}

static int oracle_index(const uint8_t *b) {
  int16_t t = (int16_t)le(b + 48, 2), m = (int16_t)le(b + 50, 2);
  unsigned conf = b[52], accepted = b[54];
  return le(b, 8) != 0 && positive_finite(le_f64(b + 8)) && le(b + 44, 2) <= 10000 &&
                 le(b + 46, 2) <= 10000 && t >= -10000 && t <= 10000 && m >= -10000 &&
                 m <= 10000 && conf <= 100 && !(accepted == 0 && conf != 0)
             ? MITCH_OK
             : MITCH_ERR_INVALID_FIELD_VALUE;
}

static int oracle_book(const uint8_t *b) {
  return le(b, 8) != 0 && positive_finite(le_f64(b + 8)) && b[16] <= 3
             ? MITCH_OK
             : MITCH_ERR_INVALID_FIELD_VALUE;
}

static int oracle_body(uint8_t type, const uint8_t *b) {
  switch (type) {
  case 't':
    return oracle_trade(b);
  case 'o':
    return oracle_order(b);
  case 's':
    return oracle_tick(b);
  case 'i':
    return oracle_index(b);
  default:
    return oracle_book(b);
  }
}

/* The input's first body with the padding zeroed: what encode must write. */
static void canonical(uint8_t type, const uint8_t *in, uint8_t *out) {
  memcpy(out, in, fuzz_body_size(type));
  fuzz_zero_padding(type, out);
}

/* ---- one kind each ---------------------------------------------------------- */

static void fuzz_trade(const uint8_t *p, size_t n) {
  mitch_trade t, sentinel;
  uint64_t ticker = 1;
  double price = 2;
  uint32_t qty = 3, id = 4;
  uint8_t side = 5;
  int expect = n < 32 ? MITCH_ERR_BUFFER_TOO_SMALL : oracle_trade(p);
  int st;
  memset(&t, 0xA5, sizeof t);
  sentinel = t;
  st = mitch_trade_decode(p, n, &t);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_body_validate('t', p, n) == expect);
  FUZZ_ASSERT(mitch_unpack_trade(p, n, &ticker, &price, &qty, &id, &side) == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(&t, &sentinel, sizeof t) == 0);
    FUZZ_ASSERT(ticker == 1 && price == 2 && qty == 3 && id == 4 && side == 5);
    return;
  }
  FUZZ_ASSERT(t.ticker_id == le(p, 8) && fuzz_same_f64(t.price, le_f64(p + 8)));
  FUZZ_ASSERT(t.quantity == le(p + 16, 4) && t.trade_id == le(p + 20, 4) && t.side == p[24]);
  FUZZ_ASSERT(ticker == t.ticker_id && fuzz_same_f64(price, t.price) && qty == t.quantity &&
              id == t.trade_id && side == t.side);
  {
    uint8_t *out = malloc(32), want[32];
    canonical('t', p, want);
    FUZZ_ASSERT(mitch_trade_encode(&t, out, 32) == MITCH_OK && memcmp(out, want, 32) == 0);
    memset(out, 0xEE, 32);
    FUZZ_ASSERT(mitch_pack_trade(ticker, price, qty, id, side, out) == MITCH_OK &&
                memcmp(out, want, 32) == 0);
    free(out);
  }
}

static void fuzz_order(const uint8_t *p, size_t n) {
  mitch_order o, sentinel;
  uint64_t ticker = 1, expiry = 2;
  double price = 3;
  uint32_t id = 4, qty = 5;
  uint8_t type = 6, side = 7;
  int expect = n < 32 ? MITCH_ERR_BUFFER_TOO_SMALL : oracle_order(p);
  int st;
  memset(&o, 0xA5, sizeof o);
  sentinel = o;
  st = mitch_order_decode(p, n, &o);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_body_validate('o', p, n) == expect);
  FUZZ_ASSERT(mitch_unpack_order(p, n, &ticker, &id, &price, &qty, &type, &side, &expiry) ==
              expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(&o, &sentinel, sizeof o) == 0);
    FUZZ_ASSERT(ticker == 1 && expiry == 2 && price == 3 && id == 4 && qty == 5 && type == 6 &&
                side == 7);
    return;
  }
  FUZZ_ASSERT(o.ticker_id == le(p, 8) && o.order_id == le(p + 8, 4) &&
              fuzz_same_f64(o.price, le_f64(p + 12)) && o.quantity == le(p + 20, 4));
  FUZZ_ASSERT(o.side == (p[24] & 1) && o.order_type == p[24] >> 1 &&
              o.expiry_ms == le(p + 25, 6));
  FUZZ_ASSERT(ticker == o.ticker_id && id == o.order_id && fuzz_same_f64(price, o.price) &&
              qty == o.quantity && type == o.order_type && side == o.side &&
              expiry == o.expiry_ms);
  {
    uint8_t *out = malloc(32), want[32];
    canonical('o', p, want);
    FUZZ_ASSERT(mitch_order_encode(&o, out, 32) == MITCH_OK && memcmp(out, want, 32) == 0);
    memset(out, 0xEE, 32);
    FUZZ_ASSERT(mitch_pack_order(ticker, id, price, qty, type, side, expiry, out) == MITCH_OK &&
                memcmp(out, want, 32) == 0);
    free(out);
  }
}

static void fuzz_tick(const uint8_t *p, size_t n) {
  mitch_tick k, sentinel;
  mitch_tick_metrics m;
  uint64_t ticker = 1;
  double bid = 2, ask = 3;
  uint32_t bv = 4, av = 5;
  int expect = n < 32 ? MITCH_ERR_BUFFER_TOO_SMALL : oracle_tick(p);
  int st;
  memset(&k, 0xA5, sizeof k);
  sentinel = k;
  st = mitch_tick_decode(p, n, &k);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_body_validate('s', p, n) == expect);
  FUZZ_ASSERT(mitch_unpack_tick(p, n, &ticker, &bid, &ask, &bv, &av) == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(&k, &sentinel, sizeof k) == 0);
    FUZZ_ASSERT(ticker == 1 && bid == 2 && ask == 3 && bv == 4 && av == 5);
    return;
  }
  FUZZ_ASSERT(k.ticker_id == le(p, 8) && fuzz_same_f64(k.bid_price, le_f64(p + 8)) &&
              fuzz_same_f64(k.ask_price, le_f64(p + 16)) && k.bid_volume == le(p + 24, 4) &&
              k.ask_volume == le(p + 28, 4));
  FUZZ_ASSERT(ticker == k.ticker_id && fuzz_same_f64(bid, k.bid_price) &&
              fuzz_same_f64(ask, k.ask_price) && bv == k.bid_volume && av == k.ask_volume);
  FUZZ_ASSERT(mitch_tick_metrics_get(&k, &m) == MITCH_OK);
  FUZZ_ASSERT(m.total_volume == (uint64_t)bv + av);
  FUZZ_ASSERT(m.spread >= 0 && m.imbalance >= -1 && m.imbalance <= 1);
  {
    uint8_t *out = malloc(32);
    FUZZ_ASSERT(mitch_tick_encode(&k, out, 32) == MITCH_OK && memcmp(out, p, 32) == 0);
    memset(out, 0xEE, 32);
    FUZZ_ASSERT(mitch_pack_tick(ticker, bid, ask, bv, av, out) == MITCH_OK &&
                memcmp(out, p, 32) == 0);
    free(out);
  }
}

static void fuzz_index(const uint8_t *p, size_t n) {
  mitch_index x, sentinel;
  mitch_index_metrics m;
  uint64_t ticker = 1;
  double mid = 2;
  uint32_t vb = 3, va = 4;
  int32_t ms = 5, bbo = 6, bao = 7, wbo = 8, wao = 9;
  uint16_t vf = 10, lf = 11;
  int16_t tf = 12, mf = 13;
  uint8_t conf = 14, rej = 15, acc = 16;
  int expect = n < 64 ? MITCH_ERR_BUFFER_TOO_SMALL : oracle_index(p);
  int st;
  memset(&x, 0xA5, sizeof x);
  sentinel = x;
  st = mitch_index_decode(p, n, &x);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_body_validate('i', p, n) == expect);
  FUZZ_ASSERT(mitch_unpack_index(p, n, &ticker, &mid, &vb, &va, &ms, &bbo, &bao, &wbo, &wao,
                                 &vf, &lf, &tf, &mf, &conf, &rej, &acc) == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(&x, &sentinel, sizeof x) == 0);
    FUZZ_ASSERT(ticker == 1 && mid == 2 && vb == 3 && va == 4 && ms == 5 && bbo == 6 &&
                bao == 7 && wbo == 8 && wao == 9 && vf == 10 && lf == 11 && tf == 12 &&
                mf == 13 && conf == 14 && rej == 15 && acc == 16);
    return;
  }
  FUZZ_ASSERT(x.ticker_id == le(p, 8) && fuzz_same_f64(x.mid, le_f64(p + 8)) &&
              x.v_bid == le(p + 16, 4) && x.v_ask == le(p + 20, 4) &&
              x.m_spread == (int32_t)le(p + 24, 4) && x.b_bid_o == (int32_t)le(p + 28, 4) &&
              x.b_ask_o == (int32_t)le(p + 32, 4) && x.w_bid_o == (int32_t)le(p + 36, 4) &&
              x.w_ask_o == (int32_t)le(p + 40, 4) && x.v_force == le(p + 44, 2) &&
              x.l_force == le(p + 46, 2) && x.t_force == (int16_t)le(p + 48, 2) &&
              x.m_force == (int16_t)le(p + 50, 2) && x.confidence == p[52] &&
              x.rejected == p[53] && x.accepted == p[54]);
  FUZZ_ASSERT(ticker == x.ticker_id && fuzz_same_f64(mid, x.mid) && vb == x.v_bid &&
              va == x.v_ask && ms == x.m_spread && bbo == x.b_bid_o && bao == x.b_ask_o &&
              wbo == x.w_bid_o && wao == x.w_ask_o && vf == x.v_force && lf == x.l_force &&
              tf == x.t_force && mf == x.m_force && conf == x.confidence && rej == x.rejected &&
              acc == x.accepted);
  FUZZ_ASSERT(mitch_index_metrics_get(&x, &m) == MITCH_OK && m.confidence_band != NULL);
  FUZZ_ASSERT(m.volatility >= 0 && m.volatility <= 1 && m.trend >= -1 && m.trend <= 1);
  {
    uint8_t *out = malloc(64), want[64];
    canonical('i', p, want);
    FUZZ_ASSERT(mitch_index_encode(&x, out, 64) == MITCH_OK && memcmp(out, want, 64) == 0);
    memset(out, 0xEE, 64);
    FUZZ_ASSERT(mitch_pack_index(ticker, mid, vb, va, ms, bbo, bao, wbo, wao, vf, lf, tf, mf,
                                 conf, rej, acc, out) == MITCH_OK &&
                memcmp(out, want, 64) == 0);
    free(out);
  }
}

static void fuzz_order_book(const uint8_t *p, size_t n) {
  mitch_order_book *b = malloc(sizeof *b), *sentinel = malloc(sizeof *b);
  uint32_t *bids = malloc(256 * 4), *asks = malloc(256 * 4);
  uint64_t ticker = 1, tv[4];
  double mid = 2;
  uint8_t agg = 3;
  int expect = n < 2072 ? MITCH_ERR_BUFFER_TOO_SMALL : oracle_book(p);
  int st;
  unsigned i;
  memset(b, 0xA5, sizeof *b);
  memcpy(sentinel, b, sizeof *b);
  memset(bids, 0xA5, 256 * 4);
  memset(asks, 0xA5, 256 * 4);
  st = mitch_order_book_decode(p, n, b);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_body_validate('b', p, n) == expect);
  FUZZ_ASSERT(mitch_unpack_order_book(p, n, &ticker, &mid, &agg, bids, asks) == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(b, sentinel, sizeof *b) == 0);
    FUZZ_ASSERT(ticker == 1 && mid == 2 && agg == 3);
    for (i = 0; i < 256; i++)
      FUZZ_ASSERT(bids[i] == 0xA5A5A5A5u && asks[i] == 0xA5A5A5A5u);
  } else {
    uint64_t sums[4] = {0, 0, 0, 0};
    uint8_t *out = malloc(2072), *want = malloc(2072);
    FUZZ_ASSERT(b->ticker_id == le(p, 8) && fuzz_same_f64(b->mid_price, le_f64(p + 8)) &&
                b->bin_aggregator == p[16]);
    FUZZ_ASSERT(ticker == b->ticker_id && fuzz_same_f64(mid, b->mid_price) &&
                agg == b->bin_aggregator);
    for (i = 0; i < 128; i++) {
      FUZZ_ASSERT(b->bids[i].count == le(p + 24 + 8 * i, 4) &&
                  b->bids[i].volume == le(p + 28 + 8 * i, 4));
      FUZZ_ASSERT(b->asks[i].count == le(p + 1048 + 8 * i, 4) &&
                  b->asks[i].volume == le(p + 1052 + 8 * i, 4));
      FUZZ_ASSERT(bids[2 * i] == b->bids[i].count && bids[2 * i + 1] == b->bids[i].volume);
      FUZZ_ASSERT(asks[2 * i] == b->asks[i].count && asks[2 * i + 1] == b->asks[i].volume);
      sums[0] += b->bids[i].volume;
      sums[1] += b->asks[i].volume;
      sums[2] += b->bids[i].count;
      sums[3] += b->asks[i].count;
    }
    FUZZ_ASSERT(mitch_order_book_totals(b, &tv[0], &tv[1], &tv[2], &tv[3]) == MITCH_OK);
    FUZZ_ASSERT(memcmp(tv, sums, sizeof sums) == 0);
    canonical('b', p, want);
    FUZZ_ASSERT(mitch_order_book_encode(b, out, 2072) == MITCH_OK && memcmp(out, want, 2072) == 0);
    memset(out, 0xEE, 2072);
    FUZZ_ASSERT(mitch_pack_order_book(ticker, mid, agg, bids, asks, out, 2072) == MITCH_OK &&
                memcmp(out, want, 2072) == 0);
    free(out);
    free(want);
  }
  free(b);
  free(sentinel);
  free(bids);
  free(asks);
}

static void fuzz_header(const uint8_t *p, size_t n) {
  mitch_header h, sentinel;
  uint64_t ts = 1;
  uint8_t type = 2, count = 3;
  int expect, st;
  if (n < 8)
    expect = MITCH_ERR_BUFFER_TOO_SMALL;
  else if (fuzz_body_size(p[0]) == 0)
    expect = MITCH_ERR_INVALID_MESSAGE_TYPE;
  else
    expect = p[7] == 0 ? MITCH_ERR_INVALID_FIELD_VALUE : MITCH_OK;
  memset(&h, 0xA5, sizeof h);
  sentinel = h;
  st = mitch_header_decode(p, n, &h);
  FUZZ_ASSERT(st == expect);
  FUZZ_ASSERT(mitch_unpack_header(p, n, &type, &ts, &count) == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(memcmp(&h, &sentinel, sizeof h) == 0 && ts == 1 && type == 2 && count == 3);
    return;
  }
  FUZZ_ASSERT(h.message_type == p[0] && h.timestamp == le(p + 1, 6) && h.count == p[7]);
  FUZZ_ASSERT(type == h.message_type && ts == h.timestamp && count == h.count);
  {
    uint8_t *out = malloc(8);
    size_t size;
    FUZZ_ASSERT(mitch_header_encode(&h, out, 8) == MITCH_OK && memcmp(out, p, 8) == 0);
    memset(out, 0, 8);
    FUZZ_ASSERT(mitch_pack_header(type, ts, count, out) == MITCH_OK && memcmp(out, p, 8) == 0);
    memset(out, 0, 8);
    FUZZ_ASSERT(mitch_create_header(type, ts, count, out, 8) == MITCH_OK &&
                memcmp(out, p, 8) == 0);
    FUZZ_ASSERT(mitch_calculate_message_size(type, count, &size) == MITCH_OK &&
                size == 8 + (size_t)count * fuzz_body_size(type));
    free(out);
  }
}

static void fuzz_channel(const uint8_t *p, size_t n) {
  uint32_t id = 7, again;
  uint16_t provider;
  uint8_t type;
  int expect, st;
  if (n < 4)
    expect = MITCH_ERR_BUFFER_TOO_SMALL;
  else
    expect = p[0] == 0 && fuzz_body_size(p[1]) != 0 ? MITCH_OK : MITCH_ERR_INVALID_CHANNEL_ID;
  st = mitch_unpack_channel(p, n, &id);
  FUZZ_ASSERT(st == expect);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(id == 7);
    return;
  }
  FUZZ_ASSERT(id == le(p, 4));
  FUZZ_ASSERT(mitch_validate_channel(id) == MITCH_OK);
  FUZZ_ASSERT(mitch_channel_decode(id, &provider, &type) == MITCH_OK);
  FUZZ_ASSERT(provider == le(p + 2, 2) && type == p[1]);
  FUZZ_ASSERT(mitch_create_channel(provider, (char)type, &again) == MITCH_OK && again == id);
  {
    uint8_t *out = malloc(4);
    FUZZ_ASSERT(mitch_pack_channel(id, out) == MITCH_OK && memcmp(out, p, 4) == 0);
    free(out);
  }
}

/* The batch decoder over every whole body in the input. */
static void fuzz_batch(uint8_t type, const uint8_t *p, size_t n) {
  size_t bs = fuzz_body_size(type), count = n / bs, done = 12345, i, ss;
  void *v;
  int st, expect = MITCH_OK;
  size_t expect_done = count;
  for (i = 0; i < count; i++)
    if (oracle_body(type, p + i * bs) != MITCH_OK) {
      expect = MITCH_ERR_INVALID_FIELD_VALUE;
      expect_done = i;
      break;
    }
  ss = fuzz_struct_size(type);
  v = malloc(count ? count * ss : 1); /* exactly count structs */
  switch (type) {
  case 't':
    st = mitch_trade_decode_batch(p, n, v, count, &done);
    break;
  case 'o':
    st = mitch_order_decode_batch(p, n, v, count, &done);
    break;
  case 's':
    st = mitch_tick_decode_batch(p, n, v, count, &done);
    break;
  case 'i':
    st = mitch_index_decode_batch(p, n, v, count, &done);
    break;
  default:
    st = mitch_order_book_decode_batch(p, n, v, count, &done);
  }
  FUZZ_ASSERT(st == expect && done == expect_done);
  /* Every body before the failure was decoded like the single decoder does. */
  for (i = 0; i < done; i++) {
    union {
      mitch_trade t;
      mitch_order o;
      mitch_tick s;
      mitch_index x;
    } one;
    switch (type) {
    case 't':
      FUZZ_ASSERT(mitch_trade_decode(p + i * bs, bs, &one.t) == MITCH_OK);
      FUZZ_ASSERT(memcmp(&one.t, (mitch_trade *)v + i, offsetof(mitch_trade, side) + 1) == 0);
      break;
    case 'o':
      FUZZ_ASSERT(mitch_order_decode(p + i * bs, bs, &one.o) == MITCH_OK);
      FUZZ_ASSERT(one.o.expiry_ms == ((mitch_order *)v)[i].expiry_ms &&
                  one.o.order_id == ((mitch_order *)v)[i].order_id);
      break;
    case 's':
      FUZZ_ASSERT(mitch_tick_decode(p + i * bs, bs, &one.s) == MITCH_OK);
      FUZZ_ASSERT(memcmp(&one.s, (mitch_tick *)v + i, sizeof one.s) == 0);
      break;
    case 'i':
      FUZZ_ASSERT(mitch_index_decode(p + i * bs, bs, &one.x) == MITCH_OK);
      FUZZ_ASSERT(one.x.ticker_id == ((mitch_index *)v)[i].ticker_id &&
                  one.x.accepted == ((mitch_index *)v)[i].accepted);
      break;
    default:
      FUZZ_ASSERT(((mitch_order_book *)v)[i].ticker_id == le(p + i * bs, 8));
    }
  }
  free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const uint8_t types[5] = {'t', 'o', 's', 'i', 'b'};
  uint8_t *p;
  size_t n;
  unsigned kind;
  if (size < 1)
    return 0;
  kind = data[0] % 7;
  n = size - 1;
  p = fuzz_copy(data + 1, n);
  switch (kind) {
  case 0:
    fuzz_trade(p, n);
    break;
  case 1:
    fuzz_order(p, n);
    break;
  case 2:
    fuzz_tick(p, n);
    break;
  case 3:
    fuzz_index(p, n);
    break;
  case 4:
    fuzz_order_book(p, n);
    break;
  case 5:
    fuzz_header(p, n);
    break;
  default:
    fuzz_channel(p, n);
    break;
  }
  if (kind < 5)
    fuzz_batch(types[kind], p, n);
  /* NULL is always refused with MITCH_ERR_INVALID_DATA, never read. */
  if (kind < 5)
    FUZZ_ASSERT(mitch_body_validate(types[kind], NULL, n) == MITCH_ERR_INVALID_DATA);
  free(p);
  return 0;
}
