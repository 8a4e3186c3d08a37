/* values.c - the library's versions, ticker ids, packed assets, channels,
   derived values and order-book bins. */
#define _GNU_SOURCE 1 /* dladdr */
#include <dlfcn.h>

#include "mitch_jni.h"

JNIEXPORT jint JNICALL MJ(versionNumber)(JNIEnv *env, jclass cls) {
  (void)env;
  (void)cls;
  return (jint)mitch_get_version_number();
}

JNIEXPORT jbyteArray JNICALL MJ(version)(JNIEnv *env, jclass cls) {
  (void)cls;
  return mj_bytes(env, mitch_get_version());
}

JNIEXPORT jbyteArray JNICALL MJ(protocolVersion)(JNIEnv *env, jclass cls) {
  (void)cls;
  return mj_bytes(env, mitch_get_protocol_version());
}

JNIEXPORT jbyteArray JNICALL MJ(strerror)(JNIEnv *env, jclass cls, jint status) {
  (void)cls;
  return mj_bytes(env, mitch_strerror(status));
}

JNIEXPORT jbyteArray JNICALL MJ(libraryPath)(JNIEnv *env, jclass cls) {
  Dl_info info;
  (void)cls;
  /* The file that defines the function the glue calls: the libmitch the
     dynamic loader actually bound, whatever path it was found by. */
  if (dladdr((void *)(uintptr_t)&mitch_get_version_number, &info) == 0 ||
      info.dli_fname == NULL)
    return NULL;
  return mj_bytes(env, info.dli_fname);
}

/* ---- ticker ids, assets, channels ----------------------------------- */

JNIEXPORT jint JNICALL MJ(tickerIdEncode)(JNIEnv *env, jclass cls, jlongArray fields,
                                          jlongArray id_out) {
  jlong f[6], id;
  mitch_ticker_fields tf;
  uint64_t out = 0;
  int st;
  (void)cls;
  if (!mj_has_longs(env, fields, 6) || !mj_has_longs(env, id_out, 1))
    return MITCH_ERR_INVALID_DATA;
  (*env)->GetLongArrayRegion(env, fields, 0, 6, f);
  /* Wider than the struct's members: refuse rather than cut (the library
     then checks the bit widths). */
  if (mj_u8(f[0], &tf.instrument_type) != MITCH_OK || mj_u8(f[1], &tf.base_class) != MITCH_OK ||
      mj_u16(f[2], &tf.base_id) != MITCH_OK || mj_u8(f[3], &tf.quote_class) != MITCH_OK ||
      mj_u16(f[4], &tf.quote_id) != MITCH_OK || mj_u32(f[5], &tf.sub_type) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_ticker_id_encode(&tf, &out);
  if (st == MITCH_OK) {
    id = (jlong)out;
    (*env)->SetLongArrayRegion(env, id_out, 0, 1, &id);
  }
  return st;
}

JNIEXPORT void JNICALL MJ(tickerIdDecode)(JNIEnv *env, jclass cls, jlong id,
                                          jlongArray fields) {
  mitch_ticker_fields tf;
  jlong f[6];
  (void)cls;
  if (!mj_has_longs(env, fields, 6) || mitch_ticker_id_decode(mj_u64(id), &tf) != MITCH_OK)
    return;
  f[0] = tf.instrument_type;
  f[1] = tf.base_class;
  f[2] = tf.base_id;
  f[3] = tf.quote_class;
  f[4] = tf.quote_id;
  f[5] = tf.sub_type;
  (*env)->SetLongArrayRegion(env, fields, 0, 6, f);
}

JNIEXPORT jint JNICALL MJ(tickerIdValidate)(JNIEnv *env, jclass cls, jlong id) {
  (void)env;
  (void)cls;
  return mitch_validate_ticker_id(mj_u64(id));
}

JNIEXPORT jint JNICALL MJ(tickerIdIs)(JNIEnv *env, jclass cls, jint what, jlong id) {
  (void)env;
  (void)cls;
  switch (what) {
  case 0: return mitch_ticker_id_is_spot(mj_u64(id));
  case 1: return mitch_ticker_id_is_forex(mj_u64(id));
  case 2: return mitch_ticker_id_is_crypto(mj_u64(id));
  case 3: return mitch_ticker_id_is_equity(mj_u64(id));
  default: return 0;
  }
}

JNIEXPORT jint JNICALL MJ(packAsset)(JNIEnv *env, jclass cls, jint asset_class, jint class_id,
                                     jlongArray out) {
  uint8_t c;
  uint16_t id;
  uint32_t packed = 0;
  jlong v;
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(asset_class, &c) != MITCH_OK || mj_u16(class_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_pack_asset(c, id, &packed);
  if (st == MITCH_OK) {
    v = packed;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
  }
  return st;
}

JNIEXPORT jint JNICALL MJ(unpackAsset)(JNIEnv *env, jclass cls, jlong asset_id,
                                       jlongArray out) {
  uint32_t packed;
  uint8_t c = 0;
  uint16_t id = 0;
  jlong v[2];
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 2))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u32(asset_id, &packed) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_unpack_asset(packed, &c, &id);
  if (st == MITCH_OK) {
    v[0] = c;
    v[1] = id;
    (*env)->SetLongArrayRegion(env, out, 0, 2, v);
  }
  return st;
}

JNIEXPORT jint JNICALL MJ(channelCreate)(JNIEnv *env, jclass cls, jint provider,
                                         jint message_type, jlongArray out) {
  uint16_t p;
  uint8_t t;
  uint32_t id = 0;
  jlong v;
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u16(provider, &p) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if (mj_u8(message_type, &t) != MITCH_OK)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  st = mitch_create_channel(p, (char)t, &id);
  if (st == MITCH_OK) {
    v = id;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
  }
  return st;
}

JNIEXPORT jint JNICALL MJ(channelValidate)(JNIEnv *env, jclass cls, jlong channel_id) {
  uint32_t id;
  (void)env;
  (void)cls;
  if (mj_u32(channel_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_CHANNEL_ID;
  return mitch_validate_channel(id);
}

JNIEXPORT jint JNICALL MJ(channelDecode)(JNIEnv *env, jclass cls, jlong channel_id,
                                         jlongArray out) {
  uint32_t id;
  uint16_t p = 0;
  uint8_t t = 0;
  jlong v[2];
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 2))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u32(channel_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_CHANNEL_ID;
  st = mitch_channel_decode(id, &p, &t);
  if (st == MITCH_OK) {
    v[0] = p;
    v[1] = t;
    (*env)->SetLongArrayRegion(env, out, 0, 2, v);
  }
  return st;
}

JNIEXPORT jint JNICALL MJ(channelPack)(JNIEnv *env, jclass cls, jlong channel_id,
                                       jbyteArray out) {
  uint32_t id;
  uint8_t bytes[MITCH_CHANNEL_SIZE];
  int st;
  (void)cls;
  if (out == NULL || (*env)->GetArrayLength(env, out) < (jsize)MITCH_CHANNEL_SIZE)
    return MITCH_ERR_INVALID_DATA;
  if (mj_u32(channel_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_CHANNEL_ID;
  st = mitch_pack_channel(id, bytes);
  if (st == MITCH_OK)
    (*env)->SetByteArrayRegion(env, out, 0, MITCH_CHANNEL_SIZE, (const jbyte *)bytes);
  return st;
}

JNIEXPORT jint JNICALL MJ(channelUnpack)(JNIEnv *env, jclass cls, jbyteArray in,
                                         jlongArray out) {
  uint8_t bytes[MITCH_CHANNEL_SIZE];
  uint32_t id = 0;
  jsize len;
  jlong v;
  int st;
  (void)cls;
  if (in == NULL || !mj_has_longs(env, out, 1))
    return MITCH_ERR_INVALID_DATA;
  len = (*env)->GetArrayLength(env, in);
  if (len > (jsize)MITCH_CHANNEL_SIZE)
    len = (jsize)MITCH_CHANNEL_SIZE;
  (*env)->GetByteArrayRegion(env, in, 0, len, (jbyte *)bytes);
  st = mitch_unpack_channel(bytes, (size_t)len, &id);
  if (st == MITCH_OK) {
    v = id;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
  }
  return st;
}

/* ---- derived values and bins ----------------------------------------- */

static int body_from_slots(JNIEnv *env, int type, jlongArray slots, jsize count, void *body) {
  jlong s[3 + 4 * MITCH_BINS_PER_SIDE];
  if (!mj_has_longs(env, slots, count))
    return MITCH_ERR_INVALID_DATA;
  (*env)->GetLongArrayRegion(env, slots, 0, count, s);
  return mj_from_slots(type, s, body);
}

JNIEXPORT jint JNICALL MJ(tickMetrics)(JNIEnv *env, jclass cls, jlongArray slots,
                                       jdoubleArray out) {
  mitch_tick t;
  mitch_tick_metrics m;
  jdouble v[5];
  int st;
  (void)cls;
  if (!mj_has_doubles(env, out, 5))
    return MITCH_ERR_INVALID_DATA;
  if ((st = body_from_slots(env, MITCH_MSG_TICK, slots, 5, &t)) != MITCH_OK)
    return st;
  if ((st = mitch_tick_metrics_get(&t, &m)) != MITCH_OK)
    return st;
  v[0] = m.mid;
  v[1] = m.spread;
  v[2] = m.spread_bps;
  v[3] = m.imbalance;
  /* The u64 total travels as its bits in a double slot (see Native.java). */
  memcpy(&v[4], &m.total_volume, sizeof v[4]);
  (*env)->SetDoubleArrayRegion(env, out, 0, 5, v);
  return MITCH_OK;
}

JNIEXPORT jint JNICALL MJ(indexMetrics)(JNIEnv *env, jclass cls, jlongArray slots,
                                        jdoubleArray out, jobjectArray band) {
  mitch_index x;
  mitch_index_metrics m;
  jdouble v[9];
  int st;
  (void)cls;
  if (!mj_has_doubles(env, out, 9) || !mj_has_objects(env, band, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = body_from_slots(env, MITCH_MSG_INDEX, slots, 16, &x)) != MITCH_OK)
    return st;
  if ((st = mitch_index_metrics_get(&x, &m)) != MITCH_OK)
    return st;
  v[0] = m.best_bid_price;
  v[1] = m.best_ask_price;
  v[2] = m.worst_bid_price;
  v[3] = m.worst_ask_price;
  v[4] = m.mean_spread;
  v[5] = m.volatility;
  v[6] = m.liquidity;
  v[7] = m.trend;
  v[8] = m.momentum;
  (*env)->SetDoubleArrayRegion(env, out, 0, 9, v);
  return mj_set_string(env, band, 0, m.confidence_band) == 0 ? MITCH_OK
                                                             : MITCH_ERR_INVALID_DATA;
}

JNIEXPORT jbyteArray JNICALL MJ(confidenceBand)(JNIEnv *env, jclass cls, jint confidence) {
  uint8_t c;
  (void)cls;
  if (mj_u8(confidence, &c) != MITCH_OK)
    return NULL;
  return mj_bytes(env, mitch_confidence_band(c));
}

JNIEXPORT jint JNICALL MJ(binTable)(JNIEnv *env, jclass cls, jint aggregator,
                                    jdoubleArray ends_out) {
  const double *ends = NULL;
  uint8_t agg;
  int st;
  (void)cls;
  if (!mj_has_doubles(env, ends_out, MITCH_BINS_PER_SIDE))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(aggregator, &agg) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_bin_table(agg, &ends);
  if (st == MITCH_OK)
    (*env)->SetDoubleArrayRegion(env, ends_out, 0, MITCH_BINS_PER_SIDE, ends);
  return st;
}

JNIEXPORT jbyteArray JNICALL MJ(binAggregatorName)(JNIEnv *env, jclass cls, jint aggregator) {
  uint8_t agg;
  (void)cls;
  if (mj_u8(aggregator, &agg) != MITCH_OK)
    return NULL;
  return mj_bytes(env, mitch_bin_aggregator_name(agg));
}

JNIEXPORT jint JNICALL MJ(binPriceRange)(JNIEnv *env, jclass cls, jdouble mid,
                                         jint aggregator, jint side, jint bin,
                                         jdoubleArray out) {
  double v[2] = {0, 0};
  uint8_t agg;
  int st;
  (void)cls;
  if (!mj_has_doubles(env, out, 2))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(aggregator, &agg) != MITCH_OK || bin < 0)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_bin_price_range(mid, agg, side, (unsigned)bin, &v[0], &v[1]);
  if (st == MITCH_OK)
    (*env)->SetDoubleArrayRegion(env, out, 0, 2, v);
  return st;
}

JNIEXPORT jint JNICALL MJ(binForPrice)(JNIEnv *env, jclass cls, jdouble mid, jint aggregator,
                                       jint side, jdouble price, jlongArray out) {
  unsigned bin = 0;
  uint8_t agg;
  jlong v;
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(aggregator, &agg) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = mitch_bin_for_price(mid, agg, side, price, &bin);
  if (st == MITCH_OK) {
    v = bin;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &v);
  }
  return st;
}

JNIEXPORT jint JNICALL MJ(orderBookTotals)(JNIEnv *env, jclass cls, jlongArray slots,
                                           jlongArray out) {
  mitch_order_book b;
  uint64_t t[4] = {0, 0, 0, 0};
  jlong v[4];
  int st, i;
  (void)cls;
  if (!mj_has_longs(env, out, 4))
    return MITCH_ERR_INVALID_DATA;
  if ((st = body_from_slots(env, MITCH_MSG_ORDER_BOOK, slots, 3 + 4 * MITCH_BINS_PER_SIDE,
                            &b)) != MITCH_OK)
    return st;
  st = mitch_order_book_totals(&b, &t[0], &t[1], &t[2], &t[3]);
  if (st == MITCH_OK) {
    for (i = 0; i < 4; i++)
      v[i] = (jlong)t[i];
    (*env)->SetLongArrayRegion(env, out, 0, 4, v);
  }
  return st;
}
