/* registry.c - assets, providers, classes, symbol resolution. */
#include "mitch_jni.h"

/* nums = {assetId, classId, assetClass}, strings[from..from+2] = {name,
   symbol, aliases}.  MITCH_OK, or MITCH_ERR_INVALID_DATA if Java threw. */
static int put_asset(JNIEnv *env, const mitch_asset *a, jlongArray nums, jsize at,
                     jobjectArray strings, jsize from) {
  jlong v[3];
  v[0] = a->asset_id;
  v[1] = a->class_id;
  v[2] = a->asset_class;
  (*env)->SetLongArrayRegion(env, nums, at, 3, v);
  if (mj_set_string(env, strings, from, a->name) != 0 ||
      mj_set_string(env, strings, from + 1, a->symbol) != 0 ||
      mj_set_string(env, strings, from + 2, a->aliases) != 0)
    return MITCH_ERR_INVALID_DATA;
  return MITCH_OK;
}

static int asset_out_ok(JNIEnv *env, jlongArray nums, jobjectArray strings) {
  return mj_has_longs(env, nums, 3) && mj_has_objects(env, strings, 3);
}

JNIEXPORT jint JNICALL MJ(assetGet)(JNIEnv *env, jclass cls, jint asset_class, jint class_id,
                                    jlongArray nums, jobjectArray strings) {
  mitch_asset a;
  uint8_t c;
  uint16_t id;
  int st;
  (void)cls;
  if (!asset_out_ok(env, nums, strings))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(asset_class, &c) != MITCH_OK || mj_u16(class_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_asset_get(c, id, &a)) != MITCH_OK)
    return st;
  return put_asset(env, &a, nums, 0, strings, 0);
}

JNIEXPORT jint JNICALL MJ(assetGetPacked)(JNIEnv *env, jclass cls, jlong asset_id,
                                          jlongArray nums, jobjectArray strings) {
  mitch_asset a;
  uint32_t id;
  int st;
  (void)cls;
  if (!asset_out_ok(env, nums, strings))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u32(asset_id, &id) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_asset_get_packed(id, &a)) != MITCH_OK)
    return st;
  return put_asset(env, &a, nums, 0, strings, 0);
}

JNIEXPORT jlong JNICALL MJ(assetCount)(JNIEnv *env, jclass cls, jint asset_class) {
  uint8_t c;
  (void)env;
  (void)cls;
  if (mj_u8(asset_class, &c) != MITCH_OK)
    return 0;
  return (jlong)mitch_asset_count(c);
}

JNIEXPORT jint JNICALL MJ(assetAt)(JNIEnv *env, jclass cls, jint asset_class, jlong index,
                                   jlongArray nums, jobjectArray strings) {
  mitch_asset a;
  uint8_t c;
  int st;
  (void)cls;
  if (!asset_out_ok(env, nums, strings))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(asset_class, &c) != MITCH_OK || index < 0)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_asset_at(c, (size_t)index, &a)) != MITCH_OK)
    return st;
  return put_asset(env, &a, nums, 0, strings, 0);
}

JNIEXPORT jint JNICALL MJ(assetFind)(JNIEnv *env, jclass cls, jbyteArray query,
                                     jint class_filter, jdouble min_confidence, jlongArray nums,
                                     jobjectArray strings, jdoubleArray confidence) {
  char q[MJ_TEXT_MAX];
  mitch_asset a;
  double conf = 0;
  int st;
  (void)cls;
  if (!asset_out_ok(env, nums, strings) || !mj_has_doubles(env, confidence, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_c_string(env, query, q, sizeof q)) != MITCH_OK)
    return st;
  if ((st = mitch_asset_find(q, class_filter, min_confidence, &a, &conf)) != MITCH_OK)
    return st;
  (*env)->SetDoubleArrayRegion(env, confidence, 0, 1, &conf);
  return put_asset(env, &a, nums, 0, strings, 0);
}

JNIEXPORT jint JNICALL MJ(classInfo)(JNIEnv *env, jclass cls, jint kind, jint id,
                                     jobjectArray strings) {
  mitch_class_info info;
  uint8_t code;
  int st;
  (void)cls;
  if (!mj_has_objects(env, strings, 2))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u8(id, &code) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  st = kind == 0 ? mitch_asset_class_get(code, &info) : mitch_instrument_type_get(code, &info);
  if (st != MITCH_OK)
    return st;
  if (mj_set_string(env, strings, 0, info.name) != 0 ||
      mj_set_string(env, strings, 1, info.code) != 0)
    return MITCH_ERR_INVALID_DATA;
  return MITCH_OK;
}

static int put_provider(JNIEnv *env, const mitch_provider *p, jlongArray id,
                        jobjectArray strings) {
  jlong v = p->id;
  (*env)->SetLongArrayRegion(env, id, 0, 1, &v);
  if (mj_set_string(env, strings, 0, p->name) != 0 ||
      mj_set_string(env, strings, 1, p->abbreviations) != 0)
    return MITCH_ERR_INVALID_DATA;
  return MITCH_OK;
}

JNIEXPORT jlong JNICALL MJ(providerCount)(JNIEnv *env, jclass cls) {
  (void)env;
  (void)cls;
  return (jlong)mitch_provider_count();
}

JNIEXPORT jint JNICALL MJ(providerAt)(JNIEnv *env, jclass cls, jlong index, jlongArray id,
                                      jobjectArray strings) {
  mitch_provider p;
  int st;
  (void)cls;
  if (!mj_has_longs(env, id, 1) || !mj_has_objects(env, strings, 2))
    return MITCH_ERR_INVALID_DATA;
  if (index < 0)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_provider_at((size_t)index, &p)) != MITCH_OK)
    return st;
  return put_provider(env, &p, id, strings);
}

JNIEXPORT jint JNICALL MJ(providerGet)(JNIEnv *env, jclass cls, jint provider_id,
                                       jlongArray id, jobjectArray strings) {
  mitch_provider p;
  uint16_t pid;
  int st;
  (void)cls;
  if (!mj_has_longs(env, id, 1) || !mj_has_objects(env, strings, 2))
    return MITCH_ERR_INVALID_DATA;
  if (mj_u16(provider_id, &pid) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_provider_get(pid, &p)) != MITCH_OK)
    return st;
  return put_provider(env, &p, id, strings);
}

JNIEXPORT jint JNICALL MJ(providerFind)(JNIEnv *env, jclass cls, jbyteArray query,
                                        jdouble min_confidence, jlongArray id,
                                        jobjectArray strings, jdoubleArray confidence) {
  char q[MJ_TEXT_MAX];
  mitch_provider p;
  double conf = 0;
  int st;
  (void)cls;
  if (!mj_has_longs(env, id, 1) || !mj_has_objects(env, strings, 2) ||
      !mj_has_doubles(env, confidence, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_c_string(env, query, q, sizeof q)) != MITCH_OK)
    return st;
  if ((st = mitch_provider_find(q, min_confidence, &p, &conf)) != MITCH_OK)
    return st;
  (*env)->SetDoubleArrayRegion(env, confidence, 0, 1, &conf);
  return put_provider(env, &p, id, strings);
}

JNIEXPORT jint JNICALL MJ(resolve)(JNIEnv *env, jclass cls, jbyteArray symbol,
                                   jint instrument_type, jlongArray nums, jobjectArray strings,
                                   jdoubleArray confidence) {
  char q[MJ_TEXT_MAX];
  mitch_resolution r;
  uint8_t type;
  jlong v[2];
  int st;
  (void)cls;
  if (!mj_has_longs(env, nums, 8) || !mj_has_objects(env, strings, 7) ||
      !mj_has_doubles(env, confidence, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_c_string(env, symbol, q, sizeof q)) != MITCH_OK)
    return st;
  if (mj_u8(instrument_type, &type) != MITCH_OK)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if ((st = mitch_resolve(q, type, &r)) != MITCH_OK)
    return st;
  v[0] = (jlong)r.ticker_id;
  v[1] = r.instrument_type;
  (*env)->SetLongArrayRegion(env, nums, 0, 2, v);
  (*env)->SetDoubleArrayRegion(env, confidence, 0, 1, &r.confidence);
  r.steps[sizeof r.steps - 1] = '\0';
  if (put_asset(env, &r.base, nums, 2, strings, 0) != MITCH_OK ||
      put_asset(env, &r.quote, nums, 5, strings, 3) != MITCH_OK ||
      mj_set_string(env, strings, 6, r.steps) != 0)
    return MITCH_ERR_INVALID_DATA;
  return MITCH_OK;
}

JNIEXPORT jint JNICALL MJ(nameKey)(JNIEnv *env, jclass cls, jbyteArray name,
                                   jobjectArray key_out) {
  char q[MJ_TEXT_MAX], key[MJ_TEXT_MAX];
  int st;
  (void)cls;
  if (!mj_has_objects(env, key_out, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_c_string(env, name, q, sizeof q)) != MITCH_OK)
    return st;
  /* A key is never longer than its (at most MITCH_QUERY_MAX byte) name. */
  if ((st = mitch_name_key(q, key, sizeof key, NULL)) != MITCH_OK)
    return st;
  return mj_set_string(env, key_out, 0, key) == 0 ? MITCH_OK : MITCH_ERR_INVALID_DATA;
}

JNIEXPORT jint JNICALL MJ(jaroWinkler)(JNIEnv *env, jclass cls, jbyteArray a, jbyteArray b,
                                       jdoubleArray score) {
  char qa[MJ_TEXT_MAX], qb[MJ_TEXT_MAX];
  double s = 0;
  int st;
  (void)cls;
  if (!mj_has_doubles(env, score, 1))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_c_string(env, a, qa, sizeof qa)) != MITCH_OK ||
      (st = mj_c_string(env, b, qb, sizeof qb)) != MITCH_OK)
    return st;
  if ((st = mitch_jaro_winkler(qa, qb, &s)) != MITCH_OK)
    return st;
  (*env)->SetDoubleArrayRegion(env, score, 0, 1, &s);
  return MITCH_OK;
}
