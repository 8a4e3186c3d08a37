/* columns.c - many bodies at once: Java column arrays <-> typed structs,
   batch decode and encode, whole messages. */
#include <stdlib.h>

#include "mitch_jni.h"

#define BOOK_VALUES (4 * MITCH_BINS_PER_SIDE) /* ints per book in the bins column */

/* The element kind of each column, per type: J long[], D double[], I int[],
   B byte[] (Columns.java holds the same list; the types are fixed by the
   records' components, so only the lengths need checking here). */
static const char *column_kinds(int type) {
  switch (type) {
  case MITCH_MSG_TRADE: return "JDJJB";
  case MITCH_MSG_ORDER: return "JJDJBBJ";
  case MITCH_MSG_TICK: return "JDDJJ";
  case MITCH_MSG_INDEX: return "JDJJIIIIIIIIIIII";
  case MITCH_MSG_ORDER_BOOK: return "JDBI";
  default: return NULL;
  }
}

/* Elements column k must hold for n bodies. */
static jlong column_length(int type, jsize k, jsize n) {
  if (type == MITCH_MSG_ORDER_BOOK && k == 3)
    return (jlong)n * BOOK_VALUES;
  return n;
}

int mj_columns_get(JNIEnv *env, int type, jobjectArray columns, jsize n, mj_columns *c) {
  const char *kinds = column_kinds(type);
  jsize k, count;
  c->type = type;
  c->count = 0;
  if (kinds == NULL)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  count = (jsize)strlen(kinds);
  if (n < 0 || !mj_has_objects(env, columns, count))
    return MITCH_ERR_INVALID_DATA;
  for (k = 0; k < count; k++) {
    jarray a = (jarray)(*env)->GetObjectArrayElement(env, columns, k);
    if (a == NULL || (jlong)(*env)->GetArrayLength(env, a) < column_length(type, k, n)) {
      c->count = k;
      if (a != NULL)
        (*env)->DeleteLocalRef(env, a);
      mj_columns_release(env, c);
      return MITCH_ERR_INVALID_DATA;
    }
    c->arrays[k] = a;
    c->data[k] = NULL;
  }
  c->count = count;
  return MITCH_OK;
}

int mj_columns_pin(JNIEnv *env, mj_columns *c) {
  jsize k;
  for (k = 0; k < c->count; k++) {
    c->data[k] = (*env)->GetPrimitiveArrayCritical(env, c->arrays[k], NULL);
    if (c->data[k] == NULL) {
      while (k-- > 0) {
        (*env)->ReleasePrimitiveArrayCritical(env, c->arrays[k], c->data[k], JNI_ABORT);
        c->data[k] = NULL;
      }
      return MITCH_ERR_INVALID_DATA; /* OutOfMemoryError pending */
    }
  }
  return MITCH_OK;
}

void mj_columns_unpin(JNIEnv *env, mj_columns *c, int written) {
  jsize k = c->count;
  while (k-- > 0) {
    if (c->data[k] != NULL)
      (*env)->ReleasePrimitiveArrayCritical(env, c->arrays[k], c->data[k],
                                            written ? 0 : JNI_ABORT);
    c->data[k] = NULL;
  }
}

void mj_columns_release(JNIEnv *env, mj_columns *c) {
  jsize k;
  for (k = 0; k < c->count; k++)
    (*env)->DeleteLocalRef(env, c->arrays[k]);
  c->count = 0;
}

#define J(k) (((const jlong *)c->data[k])[i])
#define D(k) (((const jdouble *)c->data[k])[i])
#define I(k) (((const jint *)c->data[k])[i])
#define B(k) ((uint8_t)((const jbyte *)c->data[k])[i])
#define TRY(x)                                                                            \
  do {                                                                                    \
    int st_ = (x);                                                                        \
    if (st_ != MITCH_OK)                                                                  \
      return st_;                                                                         \
  } while (0)

int mj_columns_gather(const mj_columns *c, size_t i, void *body) {
  switch (c->type) {
  case MITCH_MSG_TRADE: {
    mitch_trade *t = body;
    t->ticker_id = mj_u64(J(0));
    t->price = D(1);
    TRY(mj_u32(J(2), &t->quantity));
    TRY(mj_u32(J(3), &t->trade_id));
    t->side = B(4);
    return MITCH_OK;
  }
  case MITCH_MSG_ORDER: {
    mitch_order *o = body;
    o->ticker_id = mj_u64(J(0));
    TRY(mj_u32(J(1), &o->order_id));
    o->price = D(2);
    TRY(mj_u32(J(3), &o->quantity));
    o->order_type = B(4);
    o->side = B(5);
    o->expiry_ms = mj_u64(J(6));
    return MITCH_OK;
  }
  case MITCH_MSG_TICK: {
    mitch_tick *t = body;
    t->ticker_id = mj_u64(J(0));
    t->bid_price = D(1);
    t->ask_price = D(2);
    TRY(mj_u32(J(3), &t->bid_volume));
    TRY(mj_u32(J(4), &t->ask_volume));
    return MITCH_OK;
  }
  case MITCH_MSG_INDEX: {
    mitch_index *x = body;
    x->ticker_id = mj_u64(J(0));
    x->mid = D(1);
    TRY(mj_u32(J(2), &x->v_bid));
    TRY(mj_u32(J(3), &x->v_ask));
    x->m_spread = I(4);
    x->b_bid_o = I(5);
    x->b_ask_o = I(6);
    x->w_bid_o = I(7);
    x->w_ask_o = I(8);
    TRY(mj_u16(I(9), &x->v_force));
    TRY(mj_u16(I(10), &x->l_force));
    TRY(mj_i16(I(11), &x->t_force));
    TRY(mj_i16(I(12), &x->m_force));
    TRY(mj_u8(I(13), &x->confidence));
    TRY(mj_u8(I(14), &x->rejected));
    TRY(mj_u8(I(15), &x->accepted));
    return MITCH_OK;
  }
  case MITCH_MSG_ORDER_BOOK: {
    mitch_order_book *b = body;
    const uint32_t *bins = (const uint32_t *)((const jint *)c->data[3] + i * BOOK_VALUES);
    b->ticker_id = mj_u64(J(0));
    b->mid_price = D(1);
    b->bin_aggregator = B(2);
    /* The column holds count, volume pairs, bids then asks: the order of the
       struct's bin arrays, so the pairs copy as they are. */
    memcpy(b->bids, bins, sizeof b->bids);
    memcpy(b->asks, bins + 2 * MITCH_BINS_PER_SIDE, sizeof b->asks);
    return MITCH_OK;
  }
  default:
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

#undef J
#undef D
#undef I
#undef B
#define J(k) (((jlong *)c->data[k])[i])
#define D(k) (((jdouble *)c->data[k])[i])
#define I(k) (((jint *)c->data[k])[i])
#define B(k) (((jbyte *)c->data[k])[i])

void mj_columns_scatter(const mj_columns *c, size_t i, const void *body) {
  switch (c->type) {
  case MITCH_MSG_TRADE: {
    const mitch_trade *t = body;
    J(0) = (jlong)t->ticker_id;
    D(1) = t->price;
    J(2) = t->quantity;
    J(3) = t->trade_id;
    B(4) = (jbyte)t->side;
    break;
  }
  case MITCH_MSG_ORDER: {
    const mitch_order *o = body;
    J(0) = (jlong)o->ticker_id;
    J(1) = o->order_id;
    D(2) = o->price;
    J(3) = o->quantity;
    B(4) = (jbyte)o->order_type;
    B(5) = (jbyte)o->side;
    J(6) = (jlong)o->expiry_ms;
    break;
  }
  case MITCH_MSG_TICK: {
    const mitch_tick *t = body;
    J(0) = (jlong)t->ticker_id;
    D(1) = t->bid_price;
    D(2) = t->ask_price;
    J(3) = t->bid_volume;
    J(4) = t->ask_volume;
    break;
  }
  case MITCH_MSG_INDEX: {
    const mitch_index *x = body;
    J(0) = (jlong)x->ticker_id;
    D(1) = x->mid;
    J(2) = x->v_bid;
    J(3) = x->v_ask;
    I(4) = x->m_spread;
    I(5) = x->b_bid_o;
    I(6) = x->b_ask_o;
    I(7) = x->w_bid_o;
    I(8) = x->w_ask_o;
    I(9) = x->v_force;
    I(10) = x->l_force;
    I(11) = x->t_force;
    I(12) = x->m_force;
    I(13) = x->confidence;
    I(14) = x->rejected;
    I(15) = x->accepted;
    break;
  }
  case MITCH_MSG_ORDER_BOOK: {
    const mitch_order_book *b = body;
    uint32_t *bins = (uint32_t *)((jint *)c->data[3] + i * BOOK_VALUES);
    J(0) = (jlong)b->ticker_id;
    D(1) = b->mid_price;
    B(2) = (jbyte)b->bin_aggregator;
    memcpy(bins, b->bids, sizeof b->bids);
    memcpy(bins + 2 * MITCH_BINS_PER_SIDE, b->asks, sizeof b->asks);
    break;
  }
  default:
    break;
  }
}

int mj_columns_new(JNIEnv *env, int type, jsize n, jobjectArray into, int with_timestamps) {
  const char *kinds = column_kinds(type);
  jsize k, count;
  if (kinds == NULL)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  count = (jsize)strlen(kinds);
  if (!mj_has_objects(env, into, count + (with_timestamps ? 1 : 0)))
    return MITCH_ERR_INVALID_DATA;
  if (type == MITCH_MSG_ORDER_BOOK && n > INT32_MAX / (jsize)BOOK_VALUES)
    return MITCH_ERR_BUFFER_TOO_SMALL; /* more books than one Java array can hold */
  for (k = 0; k <= count; k++) {
    jarray a;
    char kind = k < count ? kinds[k] : (with_timestamps ? 'J' : 0);
    jsize len = (jsize)column_length(type, k, n);
    if (kind == 0)
      break;
    switch (kind) {
    case 'J': a = (*env)->NewLongArray(env, len); break;
    case 'D': a = (*env)->NewDoubleArray(env, len); break;
    case 'I': a = (*env)->NewIntArray(env, len); break;
    default: a = (*env)->NewByteArray(env, len); break;
    }
    if (a == NULL)
      return MITCH_ERR_INVALID_DATA; /* OutOfMemoryError pending */
    (*env)->SetObjectArrayElement(env, into, k, a);
    (*env)->DeleteLocalRef(env, a);
  }
  return MITCH_OK;
}

/* Batch calls of the library, by type. */
static int decode_batch(int type, const uint8_t *in, size_t in_len, void *v, size_t n,
                        size_t *done) {
  switch (type) {
  case MITCH_MSG_TRADE: return mitch_trade_decode_batch(in, in_len, v, n, done);
  case MITCH_MSG_ORDER: return mitch_order_decode_batch(in, in_len, v, n, done);
  case MITCH_MSG_TICK: return mitch_tick_decode_batch(in, in_len, v, n, done);
  case MITCH_MSG_INDEX: return mitch_index_decode_batch(in, in_len, v, n, done);
  case MITCH_MSG_ORDER_BOOK: return mitch_order_book_decode_batch(in, in_len, v, n, done);
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

static int encode_batch(int type, const void *v, size_t n, uint8_t *out, size_t out_len,
                        size_t *done) {
  switch (type) {
  case MITCH_MSG_TRADE: return mitch_trade_encode_batch(v, n, out, out_len, done);
  case MITCH_MSG_ORDER: return mitch_order_encode_batch(v, n, out, out_len, done);
  case MITCH_MSG_TICK: return mitch_tick_encode_batch(v, n, out, out_len, done);
  case MITCH_MSG_INDEX: return mitch_index_encode_batch(v, n, out, out_len, done);
  case MITCH_MSG_ORDER_BOOK: return mitch_order_book_encode_batch(v, n, out, out_len, done);
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

static int validate_struct(int type, const void *v) {
  switch (type) {
  case MITCH_MSG_TRADE: return mitch_trade_validate(v);
  case MITCH_MSG_ORDER: return mitch_order_validate(v);
  case MITCH_MSG_TICK: return mitch_tick_validate(v);
  case MITCH_MSG_INDEX: return mitch_index_validate(v);
  case MITCH_MSG_ORDER_BOOK: return mitch_order_book_validate(v);
  default: return MITCH_ERR_INVALID_MESSAGE_TYPE;
  }
}

/* Structs per chunk: the stack holds at most this many bytes of them. */
#define CHUNK_BYTES 16384u
typedef union chunk {
  mitch_trade trade[CHUNK_BYTES / sizeof(mitch_trade)];
  mitch_order order[CHUNK_BYTES / sizeof(mitch_order)];
  mitch_tick tick[CHUNK_BYTES / sizeof(mitch_tick)];
  mitch_index index[CHUNK_BYTES / sizeof(mitch_index)];
  mitch_order_book book[(CHUNK_BYTES / sizeof(mitch_order_book)) > 0
                            ? CHUNK_BYTES / sizeof(mitch_order_book)
                            : 1];
} chunk;

static size_t per_chunk(int type) {
  size_t size = mj_struct_size(type);
  size_t n = size ? sizeof(chunk) / size : 0;
  return n ? n : 1;
}

static void *chunk_at(chunk *c, int type, size_t i) {
  return (uint8_t *)c + i * mj_struct_size(type);
}

JNIEXPORT jint JNICALL MJ(decodeColumns)(JNIEnv *env, jclass cls, jint type, jobject direct,
                                         jbyteArray array, jlong offset, jlong length, jint n,
                                         jobjectArray columns, jlongArray done_out) {
  mj_columns c;
  mj_region r;
  chunk tmp;
  size_t body_size = 0, total = 0, step = per_chunk(type);
  jlong done;
  int st;
  (void)cls;
  if (!mj_has_longs(env, done_out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (type <= 0 || type > 255 || mitch_body_size((uint8_t)type, &body_size) != MITCH_OK)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_columns_get(env, type, columns, n, &c)) != MITCH_OK)
    return st;
  /* The region first: acquiring it calls JNI functions that are not allowed
     once a critical region is open; pinning more arrays is. */
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  if ((st = mj_columns_pin(env, &c)) != MITCH_OK) {
    mj_region_release(env, &r, 0);
    return st;
  }
  while (total < (size_t)n) {
    size_t want = (size_t)n - total < step ? (size_t)n - total : step, got = 0, i;
    size_t at = total * body_size;
    st = decode_batch(type, r.data + (at < r.size ? at : r.size), at < r.size ? r.size - at : 0,
                      &tmp, want, &got);
    for (i = 0; i < got; i++)
      mj_columns_scatter(&c, total + i, chunk_at(&tmp, type, i));
    total += got;
    if (st != MITCH_OK)
      break;
  }
  mj_columns_unpin(env, &c, 1);
  mj_region_release(env, &r, 0);
  done = (jlong)total;
  (*env)->SetLongArrayRegion(env, done_out, 0, 1, &done);
  return st;
}

/* Gathers and validates every body (nothing is written before all pass);
   *bad receives the index of the first that fails. */
static int validate_columns(const mj_columns *c, size_t n, size_t *bad) {
  chunk tmp;
  size_t i;
  for (i = 0; i < n; i++) {
    void *v = chunk_at(&tmp, c->type, 0);
    int st = mj_columns_gather(c, i, v);
    if (st == MITCH_OK)
      st = validate_struct(c->type, v);
    if (st != MITCH_OK) {
      *bad = i;
      return st;
    }
  }
  return MITCH_OK;
}

JNIEXPORT jint JNICALL MJ(encodeColumns)(JNIEnv *env, jclass cls, jint type,
                                         jobjectArray columns, jint n, jobject direct,
                                         jbyteArray array, jlong offset, jlong length,
                                         jlongArray done_out) {
  mj_columns c;
  mj_region r;
  chunk tmp;
  size_t body_size = 0, total = 0, bad = 0, step = per_chunk(type);
  jlong done;
  int st;
  (void)cls;
  if (!mj_has_longs(env, done_out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (type <= 0 || type > 255 || mitch_body_size((uint8_t)type, &body_size) != MITCH_OK)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_columns_get(env, type, columns, n, &c)) != MITCH_OK)
    return st;
  if ((st = mj_region_check(env, direct, array, offset, length)) != MITCH_OK)
    return st;
  if ((uint64_t)length < (uint64_t)n * body_size)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  if ((st = mj_columns_pin(env, &c)) != MITCH_OK) {
    mj_region_release(env, &r, 0);
    return st;
  }
  /* Everything is validated before the first byte is written. */
  st = validate_columns(&c, (size_t)n, &bad);
  if (st == MITCH_OK) {
    while (total < (size_t)n) {
      size_t want = (size_t)n - total < step ? (size_t)n - total : step, got = 0, i;
      for (i = 0; i < want; i++)
        mj_columns_gather(&c, total + i, chunk_at(&tmp, type, i));
      st = encode_batch(type, &tmp, want, r.data + total * body_size,
                        r.size - total * body_size, &got);
      total += got;
      if (st != MITCH_OK)
        break;
    }
  } else {
    total = bad;
  }
  mj_columns_unpin(env, &c, 0);
  mj_region_release(env, &r, st == MITCH_OK);
  done = (jlong)total;
  (*env)->SetLongArrayRegion(env, done_out, 0, 1, &done);
  return st;
}

JNIEXPORT jint JNICALL MJ(encodeMessage)(JNIEnv *env, jclass cls, jint type, jlong timestamp,
                                         jobjectArray columns, jint n, jobject direct,
                                         jbyteArray array, jlong offset, jlong length,
                                         jlongArray written_out) {
  mj_columns c;
  mj_region r;
  void *bodies;
  size_t size, i, written = 0, bad = 0;
  jlong w;
  int st;
  (void)cls;
  if (!mj_has_longs(env, written_out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (type <= 0 || type > 255 || (size = mj_struct_size(type)) == 0 || type == MJ_HEADER)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (n < 1 || n > (jint)MITCH_MAX_BODIES)
    return MITCH_ERR_INVALID_FIELD_VALUE; /* the header's count is 1..255 */
  if ((st = mj_columns_get(env, type, columns, n, &c)) != MITCH_OK)
    return st;
  if ((st = mj_region_check(env, direct, array, offset, length)) != MITCH_OK)
    return st;
  bodies = calloc((size_t)n, size);
  if (bodies == NULL)
    return MITCH_ERR_SERIALIZATION;
  if ((st = mj_columns_pin(env, &c)) != MITCH_OK) {
    free(bodies);
    return st;
  }
  for (i = 0; i < (size_t)n && st == MITCH_OK; i++) {
    st = mj_columns_gather(&c, i, (uint8_t *)bodies + i * size);
    bad = i;
  }
  mj_columns_unpin(env, &c, 0);
  if (st != MITCH_OK) {
    written = bad; /* the body whose value does not fit its field */
  } else if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) == MITCH_OK) {
    st = mitch_message_encode((uint8_t)type, mj_u64(timestamp), bodies, (size_t)n, r.data,
                              r.size, &written);
    mj_region_release(env, &r, st == MITCH_OK);
  }
  free(bodies);
  w = (jlong)written;
  (*env)->SetLongArrayRegion(env, written_out, 0, 1, &w);
  return st;
}
