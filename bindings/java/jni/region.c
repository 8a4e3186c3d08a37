/* region.c - byte regions, small array checks and strings for the JNI glue. */
#include "mitch_jni.h"

int mj_region_check(JNIEnv *env, jobject direct, jbyteArray array, jlong offset,
                    jlong length) {
  jlong capacity;
  if ((direct == NULL) == (array == NULL) || offset < 0 || length < 0)
    return MITCH_ERR_INVALID_DATA;
  if (direct != NULL) {
    if ((*env)->GetDirectBufferAddress(env, direct) == NULL)
      return MITCH_ERR_INVALID_DATA;
    capacity = (*env)->GetDirectBufferCapacity(env, direct);
  } else {
    capacity = (*env)->GetArrayLength(env, array);
  }
  if (capacity < 0 || offset > capacity || length > capacity - offset)
    return MITCH_ERR_INVALID_DATA;
  return MITCH_OK;
}

int mj_region_acquire(JNIEnv *env, jobject direct, jbyteArray array, jlong offset,
                      jlong length, mj_region *r) {
  int st = mj_region_check(env, direct, array, offset, length);
  r->array = NULL;
  r->critical = NULL;
  r->data = NULL;
  r->size = 0;
  if (st != MITCH_OK)
    return st;
  if (direct != NULL) {
    r->data = (uint8_t *)(*env)->GetDirectBufferAddress(env, direct) + offset;
  } else {
    r->critical = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    if (r->critical == NULL)
      return MITCH_ERR_INVALID_DATA; /* OutOfMemoryError pending */
    r->array = array;
    r->data = (uint8_t *)r->critical + offset;
  }
  r->size = (size_t)length;
  return MITCH_OK;
}

void mj_region_release(JNIEnv *env, mj_region *r, int written) {
  if (r->critical != NULL)
    (*env)->ReleasePrimitiveArrayCritical(env, r->array, r->critical, written ? 0 : JNI_ABORT);
  r->critical = NULL;
  r->array = NULL;
}

int mj_has_longs(JNIEnv *env, jlongArray a, jsize n) {
  return a != NULL && (*env)->GetArrayLength(env, a) >= n;
}

int mj_has_doubles(JNIEnv *env, jdoubleArray a, jsize n) {
  return a != NULL && (*env)->GetArrayLength(env, a) >= n;
}

int mj_has_objects(JNIEnv *env, jobjectArray a, jsize n) {
  return a != NULL && (*env)->GetArrayLength(env, a) >= n;
}

jbyteArray mj_bytes(JNIEnv *env, const char *text) {
  size_t len;
  jbyteArray out;
  if (text == NULL)
    return NULL;
  len = strlen(text);
  out = (*env)->NewByteArray(env, (jsize)len);
  if (out == NULL)
    return NULL; /* OutOfMemoryError pending */
  (*env)->SetByteArrayRegion(env, out, 0, (jsize)len, (const jbyte *)text);
  return out;
}

int mj_set_string(JNIEnv *env, jobjectArray strings, jsize index, const char *text) {
  jbyteArray bytes = mj_bytes(env, text);
  if (bytes == NULL && text != NULL)
    return -1;
  (*env)->SetObjectArrayElement(env, strings, index, bytes);
  if ((*env)->ExceptionCheck(env))
    return -1;
  if (bytes != NULL)
    (*env)->DeleteLocalRef(env, bytes);
  return 0;
}

int mj_c_string(JNIEnv *env, jbyteArray text, char *buf, size_t buf_size) {
  jsize len;
  if (text == NULL || buf_size < 2)
    return MITCH_ERR_INVALID_DATA;
  len = (*env)->GetArrayLength(env, text);
  if (len < 1)
    return MITCH_ERR_INVALID_DATA;
  if ((size_t)len <= buf_size) {
    /* The whole text: it must end with its NUL and hold no other. */
    (*env)->GetByteArrayRegion(env, text, 0, len, (jbyte *)buf);
    if (buf[len - 1] != '\0' || memchr(buf, '\0', (size_t)len - 1) != NULL)
      return MITCH_ERR_INVALID_DATA;
    return MITCH_OK;
  }
  /* Longer than buf: keep buf_size - 1 bytes.  Every text function of the
     library refuses more than MITCH_QUERY_MAX bytes, and buf_size - 1 is
     above that, so the library still sees (and refuses) a text too long -
     it never sees a shortened text it would accept. */
  (*env)->GetByteArrayRegion(env, text, 0, (jsize)(buf_size - 1), (jbyte *)buf);
  if (memchr(buf, '\0', buf_size - 1) != NULL)
    return MITCH_ERR_INVALID_DATA;
  buf[buf_size - 1] = '\0';
  return MITCH_OK;
}
