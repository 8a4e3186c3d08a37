/* stream.c - captures of concatenated messages: framing one message at a
   time (the Java iterator keeps the position), validating a whole stream. */
#include "mitch_jni.h"

JNIEXPORT jint JNICALL MJ(readMessage)(JNIEnv *env, jclass cls, jobject direct,
                                       jbyteArray array, jlong offset, jlong length,
                                       jlong start, jlongArray out) {
  mj_region r;
  mitch_reader reader;
  mitch_message msg;
  jlong o[8];
  size_t from, bad = 0;
  int st;
  (void)cls;
  if (!mj_has_longs(env, out, 8))
    return MITCH_ERR_INVALID_DATA;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  if (start < 0 || (size_t)start > r.size) {
    mj_region_release(env, &r, 0);
    return MITCH_ERR_INVALID_DATA;
  }
  from = (size_t)start;
  memset(o, 0, sizeof o);
  /* A reader over the rest of the buffer; its offsets are relative to `from`. */
  mitch_reader_init(&reader, r.data + from, r.size - from);
  st = mitch_reader_next(&reader, &msg);
  if (st == MITCH_OK) {
    o[0] = msg.header.message_type;
    o[1] = msg.header.count;
    o[2] = (jlong)msg.header.timestamp;
    o[3] = (jlong)(from + msg.offset);
    o[4] = (jlong)msg.size;
    o[5] = (jlong)msg.body_size;
    /* Iteration delivers only messages whose bodies are valid. */
    st = mitch_message_validate(&msg, &bad);
    if (st != MITCH_OK) {
      o[6] = (jlong)(from + msg.offset + MITCH_HEADER_SIZE + bad * msg.body_size);
      o[7] = (jlong)(from + msg.offset);
    }
  } else if (st != MITCH_END) {
    o[6] = (jlong)(from + reader.error_offset);
    o[7] = (jlong)(from + reader.message_offset);
  }
  mj_region_release(env, &r, 0);
  (*env)->SetLongArrayRegion(env, out, 0, 8, o);
  return st;
}

JNIEXPORT jint JNICALL MJ(validateStream)(JNIEnv *env, jclass cls, jobject direct,
                                          jbyteArray array, jlong offset, jlong length,
                                          jint only_type, jlongArray info_out) {
  mj_region r;
  mitch_stream_info info;
  jlong o[4];
  int st;
  (void)cls;
  if (!mj_has_longs(env, info_out, 4))
    return MITCH_ERR_INVALID_DATA;
  if (only_type < 0 || only_type > 255)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if ((st = mj_region_acquire(env, direct, array, offset, length, &r)) != MITCH_OK)
    return st;
  memset(&info, 0, sizeof info);
  st = mitch_stream_validate(r.data, r.size, (uint8_t)only_type, &info);
  mj_region_release(env, &r, 0);
  o[0] = (jlong)info.messages;
  o[1] = (jlong)info.bodies;
  o[2] = (jlong)info.error_offset;
  o[3] = (jlong)info.message_offset;
  (*env)->SetLongArrayRegion(env, info_out, 0, 4, o);
  return st;
}
