/*
 * fuzz_encode.c - every encode/pack function over arbitrary field values.
 *
 * Input: a selector byte (trade, order, tick, index, order book, header), an
 * output-length byte, then the fields in the column order of the
 * conformance vectors (doubles as raw bit patterns, so NaN, infinities, -0
 * and subnormals all occur; missing bytes read as zero).
 *
 * Properties:
 *  - mitch_X_validate and mitch_X_encode return what an oracle written from
 *    protocol.md says (NULL, then length, then field rules);
 *  - nothing is written on failure, and nothing past the body on success
 *    (the output block is exactly out_len bytes, pre-filled);
 *  - the flat pack function writes the same bytes as the typed encoder;
 *  - what was encoded decodes to the very same values (doubles bit for
 *    bit), i.e. nothing was silently truncated or rounded;
 *  - a one-body message of it encodes as header + the same body.
 */
#include <math.h>

#include "fuzz_util.h"

static int positive_finite(double d) {
  return isfinite(d) && d > 0;
}

#define FILL 0xC3

/* Encodes with out_len derived from `len_byte`: usually the exact size,
   sometimes shorter or longer.  Returns the heap block (size + 16 bytes),
   checks the length rule and that bytes past the body stay FILL. */
typedef int (*encode_fn)(const void *v, uint8_t *out, size_t out_len);

static uint8_t *encode_checked(encode_fn enc, const void *v, size_t size, uint8_t len_byte,
                               int expect) {
  size_t out_len = size, i;
  uint8_t *out = malloc(size + 16);
  int st;
  if (len_byte >= 0xF0)
    out_len = size + (len_byte & 0x0F); /* longer than needed */
  else if (len_byte >= 0xE0)
    out_len = (len_byte & 0x0F) % size; /* too short */
  memset(out, FILL, size + 16);
  /* The block handed over is exactly out_len bytes from its end, so an
     overflow runs off the heap block. */
  {
    uint8_t *exact = malloc(out_len ? out_len : 1);
    memset(exact, FILL, out_len ? out_len : 1);
    st = enc(v, exact, out_len);
    if (out_len < size) {
      FUZZ_ASSERT(st == MITCH_ERR_BUFFER_TOO_SMALL);
      for (i = 0; i < out_len; i++)
        FUZZ_ASSERT(exact[i] == FILL);
      free(exact);
      free(out);
      return NULL;
    }
    FUZZ_ASSERT(st == expect);
    for (i = st == MITCH_OK ? size : 0; i < out_len; i++)
      FUZZ_ASSERT(exact[i] == FILL);
    if (st == MITCH_OK)
      memcpy(out, exact, size);
    free(exact);
  }
  if (st != MITCH_OK) {
    free(out);
    return NULL;
  }
  return out;
}

static int enc_trade(const void *v, uint8_t *o, size_t n) {
  return mitch_trade_encode(v, o, n);
}
static int enc_order(const void *v, uint8_t *o, size_t n) {
  return mitch_order_encode(v, o, n);
}
static int enc_tick(const void *v, uint8_t *o, size_t n) {
  return mitch_tick_encode(v, o, n);
}
static int enc_index(const void *v, uint8_t *o, size_t n) {
  return mitch_index_encode(v, o, n);
}
static int enc_book(const void *v, uint8_t *o, size_t n) {
  return mitch_order_book_encode(v, o, n);
}
static int enc_header(const void *v, uint8_t *o, size_t n) {
  return mitch_header_encode(v, o, n);
}

/* A one-body message must be the header followed by the same body. */
static void check_message(uint8_t type, const void *v, const uint8_t *body, size_t bs,
                          uint64_t timestamp) {
  size_t written = 0;
  uint8_t *msg = malloc(8 + bs), header[8];
  timestamp &= MITCH_U48_MAX;
  FUZZ_ASSERT(mitch_message_encode(type, timestamp, v, 1, msg, 8 + bs, &written) == MITCH_OK);
  FUZZ_ASSERT(written == 8 + bs);
  FUZZ_ASSERT(mitch_create_header(type, timestamp, 1, header, 8) == MITCH_OK);
  FUZZ_ASSERT(memcmp(msg, header, 8) == 0 && memcmp(msg + 8, body, bs) == 0);
  free(msg);
}

/* A flat pack function filled `flat` (FILL beforehand) and returned st;
   the typed encoder gave `out` (NULL on failure).  Both must agree with
   the oracle's `expect`, and a failed pack must leave its buffer as it
   was. */
static void check_flat(const uint8_t *flat, int st, int expect, const uint8_t *out,
                       size_t size) {
  size_t i;
  FUZZ_ASSERT(st == expect);
  if (st != MITCH_OK)
    for (i = 0; i < size; i++)
      FUZZ_ASSERT(flat[i] == FILL);
  if (out)
    FUZZ_ASSERT(memcmp(out, flat, size) == 0);
}

static void fuzz_trade(fuzz_reader *r, uint8_t len_byte) {
  mitch_trade t, back;
  uint8_t *out, *flat;
  int expect, st;
  memset(&t, 0, sizeof t);
  t.ticker_id = fuzz_u64(r);
  t.price = fuzz_f64(r);
  t.quantity = fuzz_u32(r);
  t.trade_id = fuzz_u32(r);
  t.side = fuzz_u8(r);
  expect = t.ticker_id != 0 && positive_finite(t.price) && t.quantity && t.trade_id &&
                   t.side <= 1
               ? MITCH_OK
               : MITCH_ERR_INVALID_FIELD_VALUE;
  FUZZ_ASSERT(mitch_trade_validate(&t) == expect);
  flat = malloc(32);
  memset(flat, FILL, 32);
  st = mitch_pack_trade(t.ticker_id, t.price, t.quantity, t.trade_id, t.side, flat);
  out = encode_checked(enc_trade, &t, 32, len_byte, expect);
  check_flat(flat, st, expect, out, 32);
  free(flat);
  if (!out)
    return;
  FUZZ_ASSERT(mitch_trade_decode(out, 32, &back) == MITCH_OK);
  FUZZ_ASSERT(back.ticker_id == t.ticker_id && fuzz_same_f64(back.price, t.price) &&
              back.quantity == t.quantity && back.trade_id == t.trade_id && back.side == t.side);
  check_message('t', &t, out, 32, t.ticker_id);
  free(out);
}

static void fuzz_order(fuzz_reader *r, uint8_t len_byte) {
  mitch_order o, back;
  uint8_t *out, *flat;
  int expect, st;
  memset(&o, 0, sizeof o);
  o.ticker_id = fuzz_u64(r);
  o.order_id = fuzz_u32(r);
  o.price = fuzz_f64(r);
  o.quantity = fuzz_u32(r);
  o.order_type = fuzz_u8(r);
  o.side = fuzz_u8(r);
  o.expiry_ms = fuzz_u64(r);
  if (o.ticker_id == 0 || o.order_id == 0 || o.side > 1 || o.order_type > 3 ||
      o.expiry_ms > MITCH_U48_MAX)
    expect = MITCH_ERR_INVALID_FIELD_VALUE;
  else if (o.order_type == 3)
    expect = isfinite(o.price) && o.price >= 0 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE;
  else
    expect = positive_finite(o.price) && o.quantity ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE;
  FUZZ_ASSERT(mitch_order_validate(&o) == expect);
  flat = malloc(32);
  memset(flat, FILL, 32);
  st = mitch_pack_order(o.ticker_id, o.order_id, o.price, o.quantity, o.order_type, o.side,
                        o.expiry_ms, flat);
  out = encode_checked(enc_order, &o, 32, len_byte, expect);
  check_flat(flat, st, expect, out, 32);
  free(flat);
  if (!out)
    return;
  FUZZ_ASSERT(mitch_order_decode(out, 32, &back) == MITCH_OK);
  FUZZ_ASSERT(back.ticker_id == o.ticker_id && back.order_id == o.order_id &&
              fuzz_same_f64(back.price, o.price) && back.quantity == o.quantity &&
              back.order_type == o.order_type && back.side == o.side &&
              back.expiry_ms == o.expiry_ms);
  FUZZ_ASSERT(out[31] == 0); /* padding */
  check_message('o', &o, out, 32, o.expiry_ms);
  free(out);
}

static void fuzz_tick(fuzz_reader *r, uint8_t len_byte) {
  mitch_tick k, back;
  uint8_t *out, *flat;
  int expect, st;
  memset(&k, 0, sizeof k);
  k.ticker_id = fuzz_u64(r);
  k.bid_price = fuzz_f64(r);
  k.ask_price = fuzz_f64(r);
  k.bid_volume = fuzz_u32(r);
  k.ask_volume = fuzz_u32(r);
  expect = k.ticker_id != 0 && positive_finite(k.bid_price) && positive_finite(k.ask_price) &&
                   k.ask_price >= k.bid_price
               ? MITCH_OK
               : MITCH_ERR_INVALID_FIELD_VALUE;
  FUZZ_ASSERT(mitch_tick_validate(&k) == expect);
  flat = malloc(32);
  memset(flat, FILL, 32);
  st = mitch_pack_tick(k.ticker_id, k.bid_price, k.ask_price, k.bid_volume, k.ask_volume, flat);
  out = encode_checked(enc_tick, &k, 32, len_byte, expect);
  check_flat(flat, st, expect, out, 32);
  free(flat);
  if (!out)
    return;
  FUZZ_ASSERT(mitch_tick_decode(out, 32, &back) == MITCH_OK);
  FUZZ_ASSERT(memcmp(&back, &k, sizeof k) == 0); /* no padding in mitch_tick */
  check_message('s', &k, out, 32, k.bid_volume);
  free(out);
}

static void fuzz_index(fuzz_reader *r, uint8_t len_byte) {
  mitch_index x, back;
  uint8_t *out, *flat;
  int expect, st;
  memset(&x, 0, sizeof x);
  x.ticker_id = fuzz_u64(r);
  x.mid = fuzz_f64(r);
  x.v_bid = fuzz_u32(r);
  x.v_ask = fuzz_u32(r);
  x.m_spread = (int32_t)fuzz_u32(r);
  x.b_bid_o = (int32_t)fuzz_u32(r);
  x.b_ask_o = (int32_t)fuzz_u32(r);
  x.w_bid_o = (int32_t)fuzz_u32(r);
  x.w_ask_o = (int32_t)fuzz_u32(r);
  x.v_force = fuzz_u16(r);
  x.l_force = fuzz_u16(r);
  x.t_force = (int16_t)fuzz_u16(r);
  x.m_force = (int16_t)fuzz_u16(r);
  x.confidence = fuzz_u8(r);
  x.rejected = fuzz_u8(r);
  x.accepted = fuzz_u8(r);
  expect = x.ticker_id != 0 && positive_finite(x.mid) && x.v_force <= 10000 &&
                   x.l_force <= 10000 && x.t_force >= -10000 && x.t_force <= 10000 &&
                   x.m_force >= -10000 && x.m_force <= 10000 && x.confidence <= 100 &&
                   !(x.accepted == 0 && x.confidence != 0)
               ? MITCH_OK
               : MITCH_ERR_INVALID_FIELD_VALUE;
  FUZZ_ASSERT(mitch_index_validate(&x) == expect);
  flat = malloc(64);
  memset(flat, FILL, 64);
  st = mitch_pack_index(x.ticker_id, x.mid, x.v_bid, x.v_ask, x.m_spread, x.b_bid_o, x.b_ask_o,
                        x.w_bid_o, x.w_ask_o, x.v_force, x.l_force, x.t_force, x.m_force,
                        x.confidence, x.rejected, x.accepted, flat);
  out = encode_checked(enc_index, &x, 64, len_byte, expect);
  check_flat(flat, st, expect, out, 64);
  free(flat);
  if (!out)
    return;
  FUZZ_ASSERT(mitch_index_decode(out, 64, &back) == MITCH_OK);
  FUZZ_ASSERT(back.ticker_id == x.ticker_id && fuzz_same_f64(back.mid, x.mid) &&
              back.v_bid == x.v_bid && back.v_ask == x.v_ask && back.m_spread == x.m_spread &&
              back.b_bid_o == x.b_bid_o && back.b_ask_o == x.b_ask_o &&
              back.w_bid_o == x.w_bid_o && back.w_ask_o == x.w_ask_o &&
              back.v_force == x.v_force && back.l_force == x.l_force &&
              back.t_force == x.t_force && back.m_force == x.m_force &&
              back.confidence == x.confidence && back.rejected == x.rejected &&
              back.accepted == x.accepted);
  for (st = 55; st < 64; st++)
    FUZZ_ASSERT(out[st] == 0);
  check_message('i', &x, out, 64, x.v_bid);
  free(out);
}

static void fuzz_book(fuzz_reader *r, uint8_t len_byte) {
  mitch_order_book *b = calloc(1, sizeof *b), *back = malloc(sizeof *b);
  uint32_t *bids = malloc(256 * 4), *asks = malloc(256 * 4);
  uint8_t *out, *flat;
  int expect, st;
  unsigned i;
  b->ticker_id = fuzz_u64(r);
  b->mid_price = fuzz_f64(r);
  b->bin_aggregator = fuzz_u8(r);
  for (i = 0; i < 128; i++) {
    bids[2 * i] = b->bids[i].count = fuzz_u32(r);
    bids[2 * i + 1] = b->bids[i].volume = fuzz_u32(r);
  }
  for (i = 0; i < 128; i++) {
    asks[2 * i] = b->asks[i].count = fuzz_u32(r);
    asks[2 * i + 1] = b->asks[i].volume = fuzz_u32(r);
  }
  expect = b->ticker_id != 0 && positive_finite(b->mid_price) && b->bin_aggregator <= 3
               ? MITCH_OK
               : MITCH_ERR_INVALID_FIELD_VALUE;
  FUZZ_ASSERT(mitch_order_book_validate(b) == expect);
  flat = malloc(2072);
  memset(flat, FILL, 2072);
  st = mitch_pack_order_book(b->ticker_id, b->mid_price, b->bin_aggregator, bids, asks, flat,
                             len_byte == 0xE1 ? 2071 : 2072);
  FUZZ_ASSERT(st == (len_byte == 0xE1 ? MITCH_ERR_BUFFER_TOO_SMALL : expect));
  out = encode_checked(enc_book, b, 2072, len_byte, expect);
  if (out) {
    if (st == MITCH_OK)
      FUZZ_ASSERT(memcmp(out, flat, 2072) == 0);
    FUZZ_ASSERT(mitch_order_book_decode(out, 2072, back) == MITCH_OK);
    FUZZ_ASSERT(back->ticker_id == b->ticker_id && fuzz_same_f64(back->mid_price, b->mid_price) &&
                back->bin_aggregator == b->bin_aggregator &&
                memcmp(back->bids, b->bids, sizeof b->bids) == 0 &&
                memcmp(back->asks, b->asks, sizeof b->asks) == 0);
    check_message('b', b, out, 2072, b->ticker_id >> 16);
    free(out);
  }
  if (st != MITCH_OK) /* nothing written on failure */
    for (i = 0; i < 2072; i++)
      FUZZ_ASSERT(flat[i] == FILL);
  free(flat);
  free(b);
  free(back);
  free(bids);
  free(asks);
}

static void fuzz_header(fuzz_reader *r, uint8_t len_byte) {
  mitch_header h, back;
  uint8_t *out, flat[8];
  size_t size;
  int expect, st;
  memset(&h, 0, sizeof h);
  h.message_type = fuzz_u8(r);
  h.timestamp = fuzz_u64(r);
  h.count = fuzz_u8(r);
  if (fuzz_body_size(h.message_type) == 0)
    expect = MITCH_ERR_INVALID_MESSAGE_TYPE;
  else if (h.count == 0 || h.timestamp > MITCH_U48_MAX)
    expect = MITCH_ERR_INVALID_FIELD_VALUE;
  else
    expect = MITCH_OK;
  FUZZ_ASSERT(mitch_header_validate(&h) == expect);
  memset(flat, FILL, 8);
  FUZZ_ASSERT(mitch_pack_header(h.message_type, h.timestamp, h.count, flat) == expect);
  if (expect != MITCH_OK) /* nothing written on failure */
    for (st = 0; st < 8; st++)
      FUZZ_ASSERT(flat[st] == FILL);
  st = mitch_calculate_message_size(h.message_type, h.count, &size);
  FUZZ_ASSERT(st == (expect == MITCH_OK || (expect == MITCH_ERR_INVALID_FIELD_VALUE && h.count)
                         ? MITCH_OK
                         : expect));
  out = encode_checked(enc_header, &h, 8, len_byte, expect);
  if (!out)
    return;
  FUZZ_ASSERT(memcmp(out, flat, 8) == 0);
  FUZZ_ASSERT(mitch_header_decode(out, 8, &back) == MITCH_OK);
  FUZZ_ASSERT(back.message_type == h.message_type && back.timestamp == h.timestamp &&
              back.count == h.count);
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_reader r;
  uint8_t kind, len_byte;
  if (size < 2)
    return 0;
  kind = data[0] % 6;
  len_byte = data[1];
  r.p = data + 2;
  r.left = size - 2;
  switch (kind) {
  case 0:
    fuzz_trade(&r, len_byte);
    break;
  case 1:
    fuzz_order(&r, len_byte);
    break;
  case 2:
    fuzz_tick(&r, len_byte);
    break;
  case 3:
    fuzz_index(&r, len_byte);
    break;
  case 4:
    fuzz_book(&r, len_byte);
    break;
  default:
    fuzz_header(&r, len_byte);
  }
  return 0;
}
