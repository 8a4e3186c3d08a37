/* api11.c - the 1.1 calls: the details of a failure (mitch_check_*) and
   whole captures in one call (mitch_capture_decode / _encode).  Java calls
   these only when mitch_get_version_number() >= 0x010100. */
#include <stdint.h>
#include <stdlib.h>

#include "mitch_jni.h"

/* err = {status, layout, field, otherField, index, offset, messageOffset,
   value bits, otherValue bits}; strings = {fieldName, otherName, rule, text}. */
static int put_error(JNIEnv *env, const mitch_error *e, jlongArray err, jobjectArray strings) {
  jlong v[9];
  char text[MITCH_ERROR_TEXT_SIZE];
  v[0] = e->status;
  v[1] = e->layout;
  v[2] = e->field;
  v[3] = e->other_field;
  v[4] = (jlong)e->index;
  v[5] = (jlong)e->offset;
  v[6] = (jlong)e->message_offset;
  v[7] = mj_bits(e->value);
  v[8] = mj_bits(e->other_value);
  (*env)->SetLongArrayRegion(env, err, 0, 9, v);
  memcpy(text, e->text, sizeof text);
  text[sizeof text - 1] = '\0';
  if (mj_set_string(env, strings, 0, e->field_name) != 0 ||
      mj_set_string(env, strings, 1, e->other_name) != 0 ||
      mj_set_string(env, strings, 2, e->rule) != 0 || mj_set_string(env, strings, 3, text) != 0)
    return -1;
  return 0;
}

static int error_out_ok(JNIEnv *env, jlongArray err, jobjectArray strings) {
  return mj_has_longs(env, err, 9) && mj_has_objects(env, strings, 4);
}

/* The status of a check, its details written to Java. */
static jint report(JNIEnv *env, int st, const mitch_error *e, jlongArray err,
                   jobjectArray strings) {
  if (st != MITCH_OK && put_error(env, e, err, strings) != 0)
    return MITCH_ERR_INVALID_DATA;
  return st;
}

/* A value that does not even fit its struct member (found by the glue). */
static void width_error(mitch_error *e, int type, size_t index) {
  memset(e, 0, sizeof *e);
  e->status = MITCH_ERR_INVALID_FIELD_VALUE;
  e->layout = (uint8_t)type;
  e->field = -1;
  e->other_field = -1;
  e->field_name = "";
  e->other_name = "";
  e->rule = "every value must fit its field's width";
  e->index = index;
  memcpy(e->text, "a value does not fit its field's width", sizeof "a value does not fit its field's width");
}

JNIEXPORT jint JNICALL MJ(checkValues)(JNIEnv *env, jclass cls, jint type, jlongArray slots,
                                       jlongArray err, jobjectArray strings) {
  union {
    mitch_header h;
    mitch_trade t;
    mitch_order o;
    mitch_tick s;
    mitch_index i;
    mitch_order_book b;
  } v;
  jlong s[3 + 4 * MITCH_BINS_PER_SIDE];
  mitch_error e;
  jsize count;
  int st;
  (void)cls;
  if (!error_out_ok(env, err, strings))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_slot_count(type, &count)) != MITCH_OK)
    return st;
  if (!mj_has_longs(env, slots, count))
    return MITCH_ERR_INVALID_DATA;
  (*env)->GetLongArrayRegion(env, slots, 0, count, s);
  memset(&v, 0, sizeof v);
  if (mj_from_slots(type, s, &v) != MITCH_OK) {
    width_error(&e, type, 0);
    return report(env, e.status, &e, err, strings);
  }
  st = mitch_check_values((uint8_t)type, &v, 1, &e);
  return report(env, st, &e, err, strings);
}

JNIEXPORT jint JNICALL MJ(checkColumns)(JNIEnv *env, jclass cls, jint type, jobjectArray columns,
                                        jint n, jlongArray err, jobjectArray strings) {
  union {
    mitch_trade t[64];
    mitch_order o[64];
    mitch_tick s[64];
    mitch_index i[64];
    mitch_order_book b[4];
  } chunk;
  mj_columns c;
  mitch_error e;
  size_t size = mj_struct_size(type), step, done = 0, wire = 0;
  int st = MITCH_OK;
  (void)cls;
  if (!error_out_ok(env, err, strings))
    return MITCH_ERR_INVALID_DATA;
  if (type <= 0 || type > 255 || size == 0 || mitch_body_size((uint8_t)type, &wire) != MITCH_OK)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_columns_get(env, type, columns, n, &c)) != MITCH_OK)
    return st;
  step = sizeof chunk / size;
  if ((st = mj_columns_pin(env, &c)) != MITCH_OK)
    return st;
  while (done < (size_t)n && st == MITCH_OK) {
    size_t m = (size_t)n - done < step ? (size_t)n - done : step, i;
    for (i = 0; i < m; i++) {
      if (mj_columns_gather(&c, done + i, (uint8_t *)&chunk + i * size) != MITCH_OK) {
        /* check what came before the value that does not fit, then report it */
        st = mitch_check_values((uint8_t)type, &chunk, i, &e);
        if (st == MITCH_OK) {
          width_error(&e, type, done + i);
          st = e.status;
        } else {
          e.index += done;
          e.offset += done * wire;
        }
        break;
      }
    }
    if (st != MITCH_OK)
      break;
    st = mitch_check_values((uint8_t)type, &chunk, m, &e);
    if (st != MITCH_OK) {
      e.index += done;
      e.offset += done * wire;
    }
    done += m;
  }
  mj_columns_unpin(env, &c, 0);
  return report(env, st, &e, err, strings);
}

JNIEXPORT jint JNICALL MJ(checkWire)(JNIEnv *env, jclass cls, jint type, jobject direct,
                                     jbyteArray array, jlong offset, jlong length, jlong n,
                                     jlongArray err, jobjectArray strings) {
  mj_region r;
  mitch_error e;
  int st;
  (void)cls;
  if (!error_out_ok(env, err, strings))
    return MITCH_ERR_INVALID_DATA;
  if (type < 0 || type > 255 || n < 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  st = mitch_check_wire((uint8_t)type, r.data, r.size, (size_t)n, &e);
  mj_region_release(env, &r, 0);
  return report(env, st, &e, err, strings);
}

JNIEXPORT jint JNICALL MJ(checkStream)(JNIEnv *env, jclass cls, jobject direct, jbyteArray array,
                                       jlong offset, jlong length, jint only_type,
                                       jlongArray err, jobjectArray strings) {
  mj_region r;
  mitch_error e;
  mitch_stream_info info;
  int st;
  (void)cls;
  if (!error_out_ok(env, err, strings))
    return MITCH_ERR_INVALID_DATA;
  if (only_type < 0 || only_type > 255)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  st = mitch_check_stream(r.data, r.size, (uint8_t)only_type, &info, &e);
  mj_region_release(env, &r, 0);
  return report(env, st, &e, err, strings);
}

#define MJ_MAX_SINKS 5

JNIEXPORT jint JNICALL MJ(captureDecode)(JNIEnv *env, jclass cls, jobject direct,
                                         jbyteArray array, jlong offset, jlong length,
                                         jintArray types_in, jobjectArray columns_out,
                                         jlongArray info_out, jlongArray err,
                                         jobjectArray strings) {
  mitch_capture_sink sinks[MJ_MAX_SINKS];
  void *bodies[MJ_MAX_SINKS] = {NULL, NULL, NULL, NULL, NULL};
  uint64_t *stamps[MJ_MAX_SINKS] = {NULL, NULL, NULL, NULL, NULL};
  jint types[MJ_MAX_SINKS];
  jlong info_values[4 + MJ_MAX_SINKS];
  mitch_stream_info info;
  mitch_error e;
  mj_region r;
  jsize n, k;
  int st;
  (void)cls;
  if (!error_out_ok(env, err, strings) || types_in == NULL)
    return MITCH_ERR_INVALID_DATA;
  n = (*env)->GetArrayLength(env, types_in);
  if (n < 1 || n > MJ_MAX_SINKS || !mj_has_objects(env, columns_out, n) ||
      !mj_has_longs(env, info_out, 4 + n))
    return MITCH_ERR_INVALID_DATA;
  (*env)->GetIntArrayRegion(env, types_in, 0, n, types);
  memset(sinks, 0, sizeof sinks);
  for (k = 0; k < n; k++) {
    if (types[k] <= 0 || types[k] > 255 || mj_struct_size(types[k]) == 0)
      return MITCH_ERR_INVALID_MESSAGE_TYPE;
    sinks[k].message_type = (uint8_t)types[k];
  }
  /* Pass 1: count (and validate everything). */
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  st = mitch_capture_decode(r.data, r.size, sinks, (size_t)n, &info, &e);
  mj_region_release(env, &r, 0);
  if (st != MITCH_OK)
    return report(env, st, &e, err, strings);
  /* The columns Java receives, and the structs and timestamps C writes. */
  for (k = 0; k < n && st == MITCH_OK; k++) {
    jobjectArray into = (jobjectArray)(*env)->GetObjectArrayElement(env, columns_out, k);
    size_t count = sinks[k].count, size = mj_struct_size(types[k]);
    if (count > (size_t)INT32_MAX || into == NULL) {
      st = into == NULL ? MITCH_ERR_INVALID_DATA : MITCH_ERR_BUFFER_TOO_SMALL;
      break;
    }
    st = mj_columns_new(env, types[k], (jsize)count, into, 1);
    if (st == MITCH_OK && count > 0) {
      bodies[k] = malloc(count * size);
      stamps[k] = malloc(count * sizeof(uint64_t));
      if (bodies[k] == NULL || stamps[k] == NULL)
        st = MITCH_ERR_SERIALIZATION;
    }
    sinks[k].bodies = bodies[k];
    sinks[k].timestamps = stamps[k];
    sinks[k].capacity = count;
    sinks[k].count = 0;
    (*env)->DeleteLocalRef(env, into);
  }
  /* Pass 2: decode into the structs. */
  if (st == MITCH_OK && (st = mj_region_acquire(env, direct, array, offset, length, &r)) ==
                            MITCH_OK) {
    st = mitch_capture_decode(r.data, r.size, sinks, (size_t)n, &info, &e);
    mj_region_release(env, &r, 0);
    if (st != MITCH_OK)
      st = report(env, st, &e, err, strings);
  }
  /* Structs -> the Java columns (timestamps last). */
  for (k = 0; k < n && st == MITCH_OK; k++) {
    jobjectArray into = (jobjectArray)(*env)->GetObjectArrayElement(env, columns_out, k);
    jsize count = (jsize)sinks[k].count, i, ncols;
    jlongArray ts;
    mj_columns c;
    if (into == NULL) {
      st = MITCH_ERR_INVALID_DATA;
      break;
    }
    ncols = (*env)->GetArrayLength(env, into) - 1;
    ts = (jlongArray)(*env)->GetObjectArrayElement(env, into, ncols);
    if (count > 0 && ts != NULL)
      (*env)->SetLongArrayRegion(env, ts, 0, count, (const jlong *)stamps[k]);
    if ((st = mj_columns_get(env, types[k], into, count, &c)) == MITCH_OK &&
        (st = mj_columns_pin(env, &c)) == MITCH_OK) {
      for (i = 0; i < count; i++)
        mj_columns_scatter(&c, (size_t)i, (uint8_t *)bodies[k] + (size_t)i * mj_struct_size(types[k]));
      mj_columns_unpin(env, &c, 1);
    }
    mj_columns_release(env, &c); /* count is 0 when get failed */
    (*env)->DeleteLocalRef(env, ts);
    (*env)->DeleteLocalRef(env, into);
  }
  for (k = 0; k < n; k++) {
    free(bodies[k]);
    free(stamps[k]);
  }
  if (st != MITCH_OK)
    return st;
  info_values[0] = (jlong)info.messages;
  info_values[1] = (jlong)info.bodies;
  info_values[2] = (jlong)info.error_offset;
  info_values[3] = (jlong)info.message_offset;
  for (k = 0; k < n; k++)
    info_values[4 + k] = (jlong)sinks[k].count;
  (*env)->SetLongArrayRegion(env, info_out, 0, 4 + n, info_values);
  return MITCH_OK;
}

JNIEXPORT jint JNICALL MJ(captureEncode)(JNIEnv *env, jclass cls, jint type, jobjectArray columns,
                                         jlongArray timestamps, jint n, jobject direct,
                                         jbyteArray array, jlong offset, jlong length,
                                         jlongArray written_out, jlongArray err,
                                         jobjectArray strings) {
  mj_columns c;
  mj_region r;
  mitch_error e;
  size_t size = mj_struct_size(type), written = 0, i;
  void *bodies = NULL;
  jlong *stamps = NULL, w;
  int st;
  (void)cls;
  if (!error_out_ok(env, err, strings) || !mj_has_longs(env, written_out, 1))
    return MITCH_ERR_INVALID_DATA;
  if (type <= 0 || type > 255 || size == 0)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (n < 0 || !mj_has_longs(env, timestamps, n))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_columns_get(env, type, columns, n, &c)) != MITCH_OK)
    return st;
  bodies = calloc(n > 0 ? (size_t)n : 1, size);
  stamps = malloc((n > 0 ? (size_t)n : 1) * sizeof *stamps);
  if (bodies == NULL || stamps == NULL) {
    free(bodies);
    free(stamps);
    return MITCH_ERR_SERIALIZATION;
  }
  (*env)->GetLongArrayRegion(env, timestamps, 0, n, stamps);
  if ((st = mj_columns_pin(env, &c)) == MITCH_OK) {
    for (i = 0; i < (size_t)n && st == MITCH_OK; i++) {
      if (mj_columns_gather(&c, i, (uint8_t *)bodies + i * size) != MITCH_OK) {
        width_error(&e, type, i);
        st = e.status;
      }
    }
    mj_columns_unpin(env, &c, 0);
  }
  if (st == MITCH_OK) {
    if (direct == NULL && array == NULL) {
      /* Sizing: out NULL. */
      st = mitch_capture_encode((uint8_t)type, bodies, (const uint64_t *)stamps, (size_t)n, NULL,
                                0, &written, &e);
    } else if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) == MITCH_OK) {
      st = mitch_capture_encode((uint8_t)type, bodies, (const uint64_t *)stamps, (size_t)n,
                                r.data, r.size, &written, &e);
      mj_region_release(env, &r, st == MITCH_OK);
    } else {
      free(bodies);
      free(stamps);
      return st;
    }
  }
  free(bodies);
  free(stamps);
  w = (jlong)written;
  (*env)->SetLongArrayRegion(env, written_out, 0, 1, &w);
  return report(env, st, &e, err, strings);
}
