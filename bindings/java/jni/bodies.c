/* bodies.c - one body at a time: slots <-> typed structs, encode, decode. */
#include "mitch_jni.h"

#define MJ_BOOK_SLOTS (3 + 4 * MITCH_BINS_PER_SIDE)

int mj_slot_count(int type, jsize *count) {
  switch (type) {
  case MJ_HEADER: *count = 3; return MITCH_OK;
  case MITCH_MSG_TRADE: *count = 5; return MITCH_OK;
  case MITCH_MSG_ORDER: *count = 7; return MITCH_OK;
  case MITCH_MSG_TICK: *count = 5; return MITCH_OK;
  case MITCH_MSG_INDEX: *count = 16; return MITCH_OK;
  case MITCH_MSG_ORDER_BOOK: *count = MJ_BOOK_SLOTS; return MITCH_OK;
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

size_t mj_struct_size(int type) {
  switch (type) {
  case MJ_HEADER: return sizeof(mitch_header);
  case MITCH_MSG_TRADE: return sizeof(mitch_trade);
  case MITCH_MSG_ORDER: return sizeof(mitch_order);
  case MITCH_MSG_TICK: return sizeof(mitch_tick);
  case MITCH_MSG_INDEX: return sizeof(mitch_index);
  case MITCH_MSG_ORDER_BOOK: return sizeof(mitch_order_book);
  default: return 0;
  }
}

/* Wire size of one header or body. */
static size_t wire_size(int type) {
  size_t size = 0;
  if (type == MJ_HEADER)
    return MITCH_HEADER_SIZE;
  return mitch_body_size((uint8_t)type, &size) == MITCH_OK ? size : 0;
}

#define TRY(x)                                                                            \
  do {                                                                                    \
    int st_ = (x);                                                                        \
    if (st_ != MITCH_OK)                                                                  \
      return st_;                                                                         \
  } while (0)

int mj_from_slots(int type, const jlong *s, void *body) {
  switch (type) {
  case MJ_HEADER: {
    mitch_header *h = body;
    TRY(mj_u8(s[0], &h->message_type));
    h->timestamp = mj_u64(s[1]);
    TRY(mj_u8(s[2], &h->count));
    return MITCH_OK;
  }
  case MITCH_MSG_TRADE: {
    mitch_trade *t = body;
    t->ticker_id = mj_u64(s[0]);
    t->price = mj_f64(s[1]);
    TRY(mj_u32(s[2], &t->quantity));
    TRY(mj_u32(s[3], &t->trade_id));
    TRY(mj_u8(s[4], &t->side));
    return MITCH_OK;
  }
  case MITCH_MSG_ORDER: {
    mitch_order *o = body;
    o->ticker_id = mj_u64(s[0]);
    TRY(mj_u32(s[1], &o->order_id));
    o->price = mj_f64(s[2]);
    TRY(mj_u32(s[3], &o->quantity));
    TRY(mj_u8(s[4], &o->order_type));
    TRY(mj_u8(s[5], &o->side));
    o->expiry_ms = mj_u64(s[6]);
    return MITCH_OK;
  }
  case MITCH_MSG_TICK: {
    mitch_tick *t = body;
    t->ticker_id = mj_u64(s[0]);
    t->bid_price = mj_f64(s[1]);
    t->ask_price = mj_f64(s[2]);
    TRY(mj_u32(s[3], &t->bid_volume));
    TRY(mj_u32(s[4], &t->ask_volume));
    return MITCH_OK;
  }
  case MITCH_MSG_INDEX: {
    mitch_index *x = body;
    x->ticker_id = mj_u64(s[0]);
    x->mid = mj_f64(s[1]);
    TRY(mj_u32(s[2], &x->v_bid));
    TRY(mj_u32(s[3], &x->v_ask));
    TRY(mj_i32(s[4], &x->m_spread));
    TRY(mj_i32(s[5], &x->b_bid_o));
    TRY(mj_i32(s[6], &x->b_ask_o));
    TRY(mj_i32(s[7], &x->w_bid_o));
    TRY(mj_i32(s[8], &x->w_ask_o));
    TRY(mj_u16(s[9], &x->v_force));
    TRY(mj_u16(s[10], &x->l_force));
    TRY(mj_i16(s[11], &x->t_force));
    TRY(mj_i16(s[12], &x->m_force));
    TRY(mj_u8(s[13], &x->confidence));
    TRY(mj_u8(s[14], &x->rejected));
    TRY(mj_u8(s[15], &x->accepted));
    return MITCH_OK;
  }
  case MITCH_MSG_ORDER_BOOK: {
    mitch_order_book *b = body;
    size_t i;
    b->ticker_id = mj_u64(s[0]);
    b->mid_price = mj_f64(s[1]);
    TRY(mj_u8(s[2], &b->bin_aggregator));
    for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
      TRY(mj_u32(s[3 + 2 * i], &b->bids[i].count));
      TRY(mj_u32(s[4 + 2 * i], &b->bids[i].volume));
      TRY(mj_u32(s[3 + 2 * MITCH_BINS_PER_SIDE + 2 * i], &b->asks[i].count));
      TRY(mj_u32(s[4 + 2 * MITCH_BINS_PER_SIDE + 2 * i], &b->asks[i].volume));
    }
    return MITCH_OK;
  }
  default:
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

void mj_to_slots(int type, const void *body, jlong *s) {
  switch (type) {
  case MJ_HEADER: {
    const mitch_header *h = body;
    s[0] = h->message_type;
    s[1] = (jlong)h->timestamp;
    s[2] = h->count;
    break;
  }
  case MITCH_MSG_TRADE: {
    const mitch_trade *t = body;
    s[0] = (jlong)t->ticker_id;
    s[1] = mj_bits(t->price);
    s[2] = t->quantity;
    s[3] = t->trade_id;
    s[4] = t->side;
    break;
  }
  case MITCH_MSG_ORDER: {
    const mitch_order *o = body;
    s[0] = (jlong)o->ticker_id;
    s[1] = o->order_id;
    s[2] = mj_bits(o->price);
    s[3] = o->quantity;
    s[4] = o->order_type;
    s[5] = o->side;
    s[6] = (jlong)o->expiry_ms;
    break;
  }
  case MITCH_MSG_TICK: {
    const mitch_tick *t = body;
    s[0] = (jlong)t->ticker_id;
    s[1] = mj_bits(t->bid_price);
    s[2] = mj_bits(t->ask_price);
    s[3] = t->bid_volume;
    s[4] = t->ask_volume;
    break;
  }
  case MITCH_MSG_INDEX: {
    const mitch_index *x = body;
    s[0] = (jlong)x->ticker_id;
    s[1] = mj_bits(x->mid);
    s[2] = x->v_bid;
    s[3] = x->v_ask;
    s[4] = x->m_spread;
    s[5] = x->b_bid_o;
    s[6] = x->b_ask_o;
    s[7] = x->w_bid_o;
    s[8] = x->w_ask_o;
    s[9] = x->v_force;
    s[10] = x->l_force;
    s[11] = x->t_force;
    s[12] = x->m_force;
    s[13] = x->confidence;
    s[14] = x->rejected;
    s[15] = x->accepted;
    break;
  }
  case MITCH_MSG_ORDER_BOOK: {
    const mitch_order_book *b = body;
    size_t i;
    s[0] = (jlong)b->ticker_id;
    s[1] = mj_bits(b->mid_price);
    s[2] = b->bin_aggregator;
    for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
      s[3 + 2 * i] = b->bids[i].count;
      s[4 + 2 * i] = b->bids[i].volume;
      s[3 + 2 * MITCH_BINS_PER_SIDE + 2 * i] = b->asks[i].count;
      s[4 + 2 * MITCH_BINS_PER_SIDE + 2 * i] = b->asks[i].volume;
    }
    break;
  }
  default:
    break;
  }
}

/* Any typed struct but the order book's (2 kB), on the stack: the scalar
   paths keep their frames small, the book takes its own path below. */
typedef union mj_small_body {
  mitch_header header;
  mitch_trade trade;
  mitch_order order;
  mitch_tick tick;
  mitch_index index;
} mj_small_body;

#define MJ_SMALL_SLOTS 16
#define MJ_SMALL_WIRE 64

static int encode_one(int type, const void *v, uint8_t *out, size_t out_len) {
  switch (type) {
  case MJ_HEADER: return mitch_header_encode(v, out, out_len);
  case MITCH_MSG_TRADE: return mitch_trade_encode(v, out, out_len);
  case MITCH_MSG_ORDER: return mitch_order_encode(v, out, out_len);
  case MITCH_MSG_TICK: return mitch_tick_encode(v, out, out_len);
  case MITCH_MSG_INDEX: return mitch_index_encode(v, out, out_len);
  case MITCH_MSG_ORDER_BOOK: return mitch_order_book_encode(v, out, out_len);
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

static int decode_one(int type, const uint8_t *in, size_t in_len, void *v) {
  switch (type) {
  case MJ_HEADER: return mitch_header_decode(in, in_len, v);
  case MITCH_MSG_TRADE: return mitch_trade_decode(in, in_len, v);
  case MITCH_MSG_ORDER: return mitch_order_decode(in, in_len, v);
  case MITCH_MSG_TICK: return mitch_tick_decode(in, in_len, v);
  case MITCH_MSG_INDEX: return mitch_index_decode(in, in_len, v);
  case MITCH_MSG_ORDER_BOOK: return mitch_order_book_decode(in, in_len, v);
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

/* The shared body of encodeBody: `s` and `wire` have room for the type. */
static int encode_body(JNIEnv *env, int type, jlongArray slots, jlong *s, void *v,
                       uint8_t *wire, jobject direct, jbyteArray array, jlong offset,
                       jlong length) {
  size_t size = wire_size(type);
  jsize count;
  int st = mj_slot_count(type, &count);
  if (st != MITCH_OK)
    return st;
  if (!mj_has_longs(env, slots, count))
    return MITCH_ERR_INVALID_DATA;
  (*env)->GetLongArrayRegion(env, slots, 0, count, s);
  if ((st = mj_from_slots(type, s, v)) != MITCH_OK)
    return st;
  if ((st = mj_region_check(env, direct, array, offset, length)) != MITCH_OK)
    return st;
  if (direct != NULL) {
    uint8_t *out = (uint8_t *)(*env)->GetDirectBufferAddress(env, direct) + offset;
    return encode_one(type, v, out, (size_t)length);
  }
  /* An array: encode on the stack (the library checks the length as it would
     for the caller's buffer), then copy the body in. */
  st = encode_one(type, v, wire, (size_t)length < size ? (size_t)length : size);
  if (st == MITCH_OK)
    (*env)->SetByteArrayRegion(env, array, (jsize)offset, (jsize)size, (const jbyte *)wire);
  return st;
}

static int decode_body(JNIEnv *env, int type, jobject direct, jbyteArray array, jlong offset,
                       jlong length, jlongArray slots, jlong *s, void *v, uint8_t *wire) {
  size_t size = wire_size(type);
  jsize count;
  int st;
  if ((st = mj_slot_count(type, &count)) != MITCH_OK)
    return st;
  if (!mj_has_longs(env, slots, count))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_region_check(env, direct, array, offset, length)) != MITCH_OK)
    return st;
  if (direct != NULL) {
    const uint8_t *in = (const uint8_t *)(*env)->GetDirectBufferAddress(env, direct) + offset;
    st = decode_one(type, in, (size_t)length, v);
  } else {
    /* Only the body's bytes are read, as the library reads only them. */
    size_t take = (size_t)length < size ? (size_t)length : size;
    (*env)->GetByteArrayRegion(env, array, (jsize)offset, (jsize)take, (jbyte *)wire);
    st = decode_one(type, wire, take, v);
  }
  if (st != MITCH_OK)
    return st;
  mj_to_slots(type, v, s);
  (*env)->SetLongArrayRegion(env, slots, 0, count, s);
  return MITCH_OK;
}

JNIEXPORT jint JNICALL MJ(encodeBody)(JNIEnv *env, jclass cls, jint type, jlongArray slots,
                                      jobject direct, jbyteArray array, jlong offset,
                                      jlong length) {
  (void)cls;
  if (type == MITCH_MSG_ORDER_BOOK) {
    mitch_order_book book;
    jlong s[MJ_BOOK_SLOTS];
    uint8_t wire[MITCH_ORDER_BOOK_SIZE];
    return encode_body(env, type, slots, s, &book, wire, direct, array, offset, length);
  } else {
    mj_small_body v;
    jlong s[MJ_SMALL_SLOTS];
    uint8_t wire[MJ_SMALL_WIRE];
    return encode_body(env, type, slots, s, &v, wire, direct, array, offset, length);
  }
}

JNIEXPORT jint JNICALL MJ(decodeBody)(JNIEnv *env, jclass cls, jint type, jobject direct,
                                      jbyteArray array, jlong offset, jlong length,
                                      jlongArray slots) {
  (void)cls;
  if (type == MITCH_MSG_ORDER_BOOK) {
    mitch_order_book book;
    jlong s[MJ_BOOK_SLOTS];
    uint8_t wire[MITCH_ORDER_BOOK_SIZE];
    return decode_body(env, type, direct, array, offset, length, slots, s, &book, wire);
  } else {
    mj_small_body v;
    jlong s[MJ_SMALL_SLOTS];
    uint8_t wire[MJ_SMALL_WIRE];
    return decode_body(env, type, direct, array, offset, length, slots, s, &v, wire);
  }
}

JNIEXPORT jint JNICALL MJ(validateBody)(JNIEnv *env, jclass cls, jint type, jobject direct,
                                        jbyteArray array, jlong offset, jlong length) {
  mj_region r;
  int st;
  (void)cls;
  if (type == MJ_HEADER || type < 0 || type > 255)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  st = mitch_body_validate((uint8_t)type, r.data, r.size);
  mj_region_release(env, &r, 0);
  return st;
}
