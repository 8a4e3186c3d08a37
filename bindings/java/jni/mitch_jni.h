/*
 * mitch_jni.h - what the files of the JNI glue (libmitch-jni) share.
 *
 * The glue is a thin layer between the native methods of
 * io.github.mitchprotocol.mitch.Native (whose header `javac -h` generates,
 * so every function here is compiled against the Java declaration) and
 * libmitch.  It keeps no state: no cached jclass, jfieldID or jmethodID, no
 * static variables, nothing allocated that outlives a call.  It creates only
 * primitive arrays (which need no class lookup) and hands strings to Java as
 * UTF-8 byte arrays (JNI's own string functions speak modified UTF-8).
 *
 * Conventions (see Native.java): a byte region is (direct ByteBuffer, byte[],
 * offset, length) with exactly one buffer non-null; bodies travel as "slots"
 * (jlong[] in record order, doubles as raw bits); columns as primitive
 * arrays.  Every entry point returns a libmitch status and never crashes on
 * bad arguments: NULL arrays, short arrays or a region outside its buffer
 * give MITCH_ERR_INVALID_DATA.
 */
#ifndef MITCH_JNI_H
#define MITCH_JNI_H 1

#include <jni.h>
#include <stdint.h>
#include <string.h>

#include <mitch.h>

#include "io_github_mitchprotocol_mitch_Native.h"

/* The JNI function name of Native.<method>. */
#define MJ(method) Java_io_github_mitchprotocol_mitch_Native_##method

/* The header's type id in the glue (MITCH_LAYOUT_HEADER of the 1.1 API). */
#define MJ_HEADER 0

/* A byte region of a direct buffer or a Java array, bounds-checked. */
typedef struct mj_region {
  jbyteArray array; /* the array, when the region is in one */
  void *critical;   /* its pinned elements (between acquire and release) */
  uint8_t *data;    /* first byte of the region */
  size_t size;      /* bytes in the region */
} mj_region;

/* Checks (direct | array, offset, length) and makes r->data usable: a direct
   buffer's address, or the pinned elements of the array (a critical region:
   no other JNI call until mj_region_release).  MITCH_OK or
   MITCH_ERR_INVALID_DATA. */
int mj_region_acquire(JNIEnv *env, jobject direct, jbyteArray array, jlong offset,
                      jlong length, mj_region *r);
/* Ends the critical region; `written` copies changes back (else JNI_ABORT). */
void mj_region_release(JNIEnv *env, mj_region *r, int written);

/* Only the bounds: MITCH_OK when the region lies inside its buffer. */
int mj_region_check(JNIEnv *env, jobject direct, jbyteArray array, jlong offset, jlong length);

/* A Java long[] / double[] of at least n elements? */
int mj_has_longs(JNIEnv *env, jlongArray a, jsize n);
int mj_has_doubles(JNIEnv *env, jdoubleArray a, jsize n);
int mj_has_objects(JNIEnv *env, jobjectArray a, jsize n);

/* A new byte[] with the bytes of a C string (NULL -> NULL), stored at
   strings[index]; 0 on success, -1 if Java threw (out of memory). */
int mj_set_string(JNIEnv *env, jobjectArray strings, jsize index, const char *text);
jbyteArray mj_bytes(JNIEnv *env, const char *text);

/* The bytes of a NUL-terminated UTF-8 byte[] as a C string, copied into
   buf (of buf_size bytes) - or MITCH_ERR_INVALID_DATA when the array is
   NULL, not NUL-terminated, holds an inner NUL, or is longer than buf.
   A query longer than the library accepts is the library's to refuse, so
   buf is sized a little above MITCH_QUERY_MAX and a longer text is cut to
   a length the library still refuses. */
int mj_c_string(JNIEnv *env, jbyteArray text, char *buf, size_t buf_size);
#define MJ_TEXT_MAX (MITCH_QUERY_MAX + 2u)

/* Conversions from slots (jlong) to C fields; a value that does not fit is
   MITCH_ERR_INVALID_FIELD_VALUE, never a silently changed value. */
static inline int mj_u8(jlong v, uint8_t *out) {
  if (v < 0 || v > UINT8_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *out = (uint8_t)v;
  return MITCH_OK;
}
static inline int mj_u16(jlong v, uint16_t *out) {
  if (v < 0 || v > UINT16_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *out = (uint16_t)v;
  return MITCH_OK;
}
static inline int mj_i16(jlong v, int16_t *out) {
  if (v < INT16_MIN || v > INT16_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *out = (int16_t)v;
  return MITCH_OK;
}
static inline int mj_u32(jlong v, uint32_t *out) {
  if (v < 0 || v > (jlong)UINT32_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *out = (uint32_t)v;
  return MITCH_OK;
}
static inline int mj_i32(jlong v, int32_t *out) {
  if (v < INT32_MIN || v > INT32_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *out = (int32_t)v;
  return MITCH_OK;
}
/* u64 and u48 travel as the same 64 bits (Java reads them unsigned); the
   library checks the 48-bit bound. */
static inline uint64_t mj_u64(jlong v) {
  return (uint64_t)v;
}
static inline double mj_f64(jlong bits) {
  double d;
  uint64_t u = (uint64_t)bits;
  memcpy(&d, &u, sizeof d);
  return d;
}
static inline jlong mj_bits(double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return (jlong)u;
}

/* Bodies <-> slots (bodies.c).  `type` is a message type byte or MJ_HEADER.
   The struct is the body's typed struct (mitch_trade for 't', ...). */
int mj_slot_count(int type, jsize *count);
int mj_from_slots(int type, const jlong *slots, void *body);
void mj_to_slots(int type, const void *body, jlong *slots);
/* sizeof the typed struct of a type; 0 for an unknown type. */
size_t mj_struct_size(int type);

/* Columns (columns.c): `columns` is the Object[] of one type's arrays.
   Pins every column (critical) after checking each holds n elements. */
#define MJ_MAX_COLUMNS 17
typedef struct mj_columns {
  int type;
  jsize count;                      /* arrays in use */
  jarray arrays[MJ_MAX_COLUMNS];
  void *data[MJ_MAX_COLUMNS];
} mj_columns;
int mj_columns_get(JNIEnv *env, int type, jobjectArray columns, jsize n, mj_columns *c);
int mj_columns_pin(JNIEnv *env, mj_columns *c);
void mj_columns_unpin(JNIEnv *env, mj_columns *c, int written);
/* Deletes the local references mj_columns_get took (a native method may
   hold only a few at once: call it before taking the next type's). */
void mj_columns_release(JNIEnv *env, mj_columns *c);
/* Body i of pinned columns into / out of its typed struct. */
int mj_columns_gather(const mj_columns *c, size_t i, void *body);
void mj_columns_scatter(const mj_columns *c, size_t i, const void *body);
/* Fresh Java arrays for n bodies of a type (timestamps: one more long[]),
   stored into a new Object[]... by the caller; returns the count of columns. */
int mj_columns_new(JNIEnv *env, int type, jsize n, jobjectArray into, int with_timestamps);

#endif /* MITCH_JNI_H */
