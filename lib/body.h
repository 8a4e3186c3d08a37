/*
 * body.h - what the body codecs share (internal).
 *
 * Each body file (trade.c, order.c, ...) defines three inline primitives:
 *   X_check(const T *v)           -> status of the field rules
 *   X_store(const T *v, uint8_t *out)   write the wire image (no checks)
 *   X_load(const uint8_t *in, T *v)     read the wire image (no checks)
 * and MITCH_DEFINE_BODY_CODEC(X, T, SIZE, LOAD_FOR_CHECK, LOAD_BULK, STORE_BULK)
 * turns them into the public validate / encode / decode / batch functions,
 * and into the body_ops (layout.h) that the descriptor table hands to the
 * code that knows a type only by its byte (messages, streams, captures),
 * so that the length and NULL rules and the bulk rules are written once.
 * LOAD_FOR_CHECK is the loader the wire validator uses: X_load, or a
 * cheaper one that reads only the fields X_check looks at.  The bulk paths
 * (batches, messages, captures) write through LOAD_BULK(in, checked, out)
 * - which turns the wire image `in`, already checked as `checked`, into
 * *out - and STORE_BULK(v, out): field by field, or a wide copy where the
 * struct's image is the wire's on little-endian hosts.  Single calls keep
 * the field-by-field X_load/X_store: there the struct was usually just
 * written field by field, and a wide load across narrow stores stalls.
 * The flat pack/unpack functions call X_encode_inline / X_decode_inline,
 * the always-inlined bodies of the public encode/decode, so a flat call
 * costs one call, not two plus a struct copy through memory.
 */
#ifndef MITCH_BODY_H
#define MITCH_BODY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"
#include "mitch.h"
#include "wire.h"

/* The decoders write every byte of each struct they fill: the
   padding as zero, or, where the struct is the wire image, the wire's own
   bytes.  Their arrays are handed on whole (numpy records, files, other
   processes) and must never carry stale memory.  This is the LOAD_BULK
   of a loader that writes the fields only. */
#define MITCH_LOAD_WHOLE(LOAD, in, out) (memset((out), 0, sizeof *(out)), LOAD((in), (out)))

#define MITCH_DEFINE_BODY_CODEC(X, T, SIZE, LOAD_FOR_CHECK, LOAD_BULK, STORE_BULK)      \
  int mitch_##X##_validate(const T *v) {                                                  \
    if (!v)                                                                               \
      return MITCH_ERR_INVALID_DATA;                                                      \
    return X##_check(v);                                                                  \
  }                                                                                       \
  /* Inlined into the flat pack function too, so that costs one call. */                  \
  MITCH_INLINE int X##_encode_inline(const T *v, uint8_t *out, size_t out_len) {          \
    int st;                                                                               \
    if (MITCH_UNLIKELY(!v || !out))                                                       \
      return MITCH_ERR_INVALID_DATA;                                                      \
    if (MITCH_UNLIKELY(out_len < (SIZE)))                                                 \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                                  \
    st = X##_check(v);                                                                    \
    if (MITCH_UNLIKELY(st != MITCH_OK))                                                   \
      return st;                                                                          \
    X##_store(v, out);                                                                    \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  int mitch_##X##_encode(const T *v, uint8_t *out, size_t out_len) {                      \
    return X##_encode_inline(v, out, out_len);                                            \
  }                                                                                       \
  /* Inlined into the flat unpack function too, so that costs one call. */                \
  MITCH_INLINE int X##_decode_inline(const uint8_t *in, size_t in_len, T *v) {            \
    T tmp;                                                                                \
    int st;                                                                               \
    if (MITCH_UNLIKELY(!in || !v))                                                        \
      return MITCH_ERR_INVALID_DATA;                                                      \
    if (MITCH_UNLIKELY(in_len < (SIZE)))                                                  \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                                  \
    X##_load(in, &tmp);                                                                   \
    st = X##_check(&tmp);                                                                 \
    if (MITCH_UNLIKELY(st != MITCH_OK))                                                   \
      return st;                                                                          \
    /* loaded again, padding zeroed, as the bulk decoders store: "*v = tmp" \
       may leave v's padding as it was or copy tmp's, stale stack bytes */   \
    MITCH_LOAD_WHOLE(X##_load, in, v);                                                    \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  int mitch_##X##_decode(const uint8_t *in, size_t in_len, T *v) {                        \
    return X##_decode_inline(in, in_len, v);                                              \
  }                                                                                       \
  /* The body_ops of this type (layout.h): n structs or wire images. */                   \
  MITCH_INLINE int X##_check_values_n(const void *values, size_t n, size_t *bad) {        \
    const T *v = (const T *)values;                                                       \
    size_t i;                                                                             \
    for (i = 0; i < n; i++) {                                                             \
      int st = X##_check(&v[i]);                                                          \
      if (MITCH_UNLIKELY(st != MITCH_OK)) {                                               \
        *bad = i;                                                                         \
        return st;                                                                        \
      }                                                                                   \
    }                                                                                     \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  MITCH_INLINE void X##_store_n(const void *values, size_t n, uint8_t *out) {             \
    const T *v = (const T *)values;                                                       \
    size_t i;                                                                             \
    for (i = 0; i < n; i++)                                                               \
      STORE_BULK(&v[i], out + i * (SIZE));                                                \
  }                                                                                       \
  static int X##_check_wire_n(const uint8_t *in, size_t n, size_t *bad) {                 \
    size_t i;                                                                             \
    for (i = 0; i < n; i++) {                                                             \
      T tmp;                                                                              \
      int st;                                                                             \
      LOAD_FOR_CHECK(in + i * (SIZE), &tmp);                                              \
      st = X##_check(&tmp);                                                               \
      if (MITCH_UNLIKELY(st != MITCH_OK)) {                                               \
        *bad = i;                                                                         \
        return st;                                                                        \
      }                                                                                   \
    }                                                                                     \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  /* Each body is checked before its slot is written, so a failure leaves                 \
     slot *bad and everything after it untouched.  Slot i is at out + i *                 \
     stride (sizeof(T) for an array of T; more for records holding a T). */               \
  MITCH_INLINE int X##_decode_wire_n(const uint8_t *MITCH_RESTRICT in, size_t n,          \
                                     void *MITCH_RESTRICT out, size_t stride,             \
                                     size_t *bad) {                                       \
    uint8_t *MITCH_RESTRICT slot = (uint8_t *)out;                                        \
    size_t i;                                                                             \
    for (i = 0; i < n; i++, slot += stride) {                                             \
      T tmp;                                                                              \
      int st;                                                                             \
      LOAD_FOR_CHECK(in + i * (SIZE), &tmp);                                              \
      st = X##_check(&tmp);                                                               \
      if (MITCH_UNLIKELY(st != MITCH_OK)) {                                               \
        *bad = i;                                                                         \
        return st;                                                                        \
      }                                                                                   \
      LOAD_BULK(in + i * (SIZE), &tmp, (T *)(void *)slot);                                \
    }                                                                                     \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  const body_ops libmitch_##X##_ops = {X##_check_values_n, X##_check_wire_n,              \
                                       X##_decode_wire_n, X##_store_n};                   \
  /* Every struct is validated before the first byte is written. */                       \
  int mitch_##X##_encode_batch(const T *v, size_t n, uint8_t *out, size_t out_len,        \
                               size_t *done) {                                            \
    size_t bad = 0;                                                                       \
    int st;                                                                               \
    if (done)                                                                             \
      *done = 0;                                                                          \
    if (n == 0)                                                                           \
      return MITCH_OK;                                                                    \
    if (!v || !out)                                                                       \
      return MITCH_ERR_INVALID_DATA;                                                      \
    if (n > out_len / (SIZE))                                                             \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                                  \
    st = X##_check_values_n(v, n, &bad);                                                  \
    if (MITCH_UNLIKELY(st != MITCH_OK)) {                                                 \
      if (done)                                                                           \
        *done = bad;                                                                      \
      return st;                                                                          \
    }                                                                                     \
    X##_store_n(v, n, out);                                                               \
    if (done)                                                                             \
      *done = n;                                                                          \
    return MITCH_OK;                                                                      \
  }                                                                                       \
  int mitch_##X##_decode_batch(const uint8_t *in, size_t in_len, T *v, size_t n,          \
                               size_t *done) {                                            \
    size_t bad = 0;                                                                       \
    int st;                                                                               \
    if (done)                                                                             \
      *done = 0;                                                                          \
    if (n == 0)                                                                           \
      return MITCH_OK;                                                                    \
    if (!in || !v)                                                                        \
      return MITCH_ERR_INVALID_DATA;                                                      \
    if (n > in_len / (SIZE))                                                              \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                                  \
    st = X##_decode_wire_n(in, n, v, sizeof(T), &bad);                                    \
    if (done)                                                                             \
      *done = st == MITCH_OK ? n : bad;                                                   \
    return st;                                                                            \
  }

#endif /* MITCH_BODY_H */
