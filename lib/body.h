/*
 * body.h - what the body codecs share (internal).
 *
 * Each body file (trade.c, order.c, ...) defines three inline primitives:
 *   X_check(const T *v)           -> status of the field rules
 *   X_store(const T *v, uint8_t *out)   write the wire image (no checks)
 *   X_load(const uint8_t *in, T *v)     read the wire image (no checks)
 * and MITCH_DEFINE_BODY_CODEC(X, T, SIZE, LOAD_FOR_CHECK) turns them into
 * the public validate / encode / decode / batch functions plus the wire validator the stream
 * functions use, so that the length and NULL rules are written once.
 * LOAD_FOR_CHECK is the loader the wire validator uses: X_load, or a
 * cheaper one that reads only the fields X_check looks at.
 * The flat pack/unpack functions call X_encode_inline / X_decode_inline,
 * the always-inlined bodies of the public encode/decode, so a flat call
 * costs one call, not two plus a struct copy through memory.
 */
#ifndef MITCH_BODY_H
#define MITCH_BODY_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "wire.h"

/* Size of a body of `type`, 0 for an unknown type byte. */
MITCH_INLINE size_t body_size_of(uint8_t type) {
  switch (type) {
  case MITCH_MSG_TRADE:
    return MITCH_TRADE_SIZE;
  case MITCH_MSG_ORDER:
    return MITCH_ORDER_SIZE;
  case MITCH_MSG_TICK:
    return MITCH_TICK_SIZE;
  case MITCH_MSG_INDEX:
    return MITCH_INDEX_SIZE;
  case MITCH_MSG_ORDER_BOOK:
    return MITCH_ORDER_BOOK_SIZE;
  default:
    return 0;
  }
}

/* Is `type` one of the five type bytes?  A bit test instead of the size
   table: the header and channel checks need only this, on every call. */
MITCH_INLINE int type_is_valid(uint8_t type) {
  /* bit (code - 'b') for b, i, o, s, t */
  const uint32_t valid = (1u << ('b' - 'b')) | (1u << ('i' - 'b')) | (1u << ('o' - 'b')) |
                         (1u << ('s' - 'b')) | (1u << ('t' - 'b'));
  unsigned bit = (unsigned)type - 'b';
  return bit < 32 && ((valid >> bit) & 1u);
}

/* Validate n consecutive wire bodies; *bad gets the index of the first
   invalid one.  One per body type, defined by MITCH_DEFINE_BODY_CODEC. */
int libmitch_trade_check_wire(const uint8_t *in, size_t n, size_t *bad);
int libmitch_order_check_wire(const uint8_t *in, size_t n, size_t *bad);
int libmitch_tick_check_wire(const uint8_t *in, size_t n, size_t *bad);
int libmitch_index_check_wire(const uint8_t *in, size_t n, size_t *bad);
int libmitch_order_book_check_wire(const uint8_t *in, size_t n, size_t *bad);

#define MITCH_DEFINE_BODY_CODEC(X, T, SIZE, LOAD_FOR_CHECK)                                         \
  int mitch_##X##_validate(const T *v) {                                              \
    if (!v)                                                                           \
      return MITCH_ERR_INVALID_DATA;                                                  \
    return X##_check(v);                                                              \
  }                                                                                   \
  /* Inlined into the flat pack function too, so that costs one call. */            \
  MITCH_INLINE int X##_encode_inline(const T *v, uint8_t *out, size_t out_len) {       \
    int st;                                                                           \
    if (MITCH_UNLIKELY(!v || !out))                                                   \
      return MITCH_ERR_INVALID_DATA;                                                  \
    if (MITCH_UNLIKELY(out_len < (SIZE)))                                             \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                              \
    st = X##_check(v);                                                                \
    if (MITCH_UNLIKELY(st != MITCH_OK))                                               \
      return st;                                                                      \
    X##_store(v, out);                                                                \
    return MITCH_OK;                                                                  \
  }                                                                                   \
  int mitch_##X##_encode(const T *v, uint8_t *out, size_t out_len) {                  \
    return X##_encode_inline(v, out, out_len);                                        \
  }                                                                                   \
  /* Inlined into the flat unpack function too, so that costs one call. */          \
  MITCH_INLINE int X##_decode_inline(const uint8_t *in, size_t in_len, T *v) {         \
    T tmp;                                                                            \
    int st;                                                                           \
    if (MITCH_UNLIKELY(!in || !v))                                                    \
      return MITCH_ERR_INVALID_DATA;                                                  \
    if (MITCH_UNLIKELY(in_len < (SIZE)))                                              \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                              \
    X##_load(in, &tmp);                                                               \
    st = X##_check(&tmp);                                                             \
    if (MITCH_UNLIKELY(st != MITCH_OK))                                               \
      return st;                                                                      \
    *v = tmp;                                                                         \
    return MITCH_OK;                                                                  \
  }                                                                                   \
  int mitch_##X##_decode(const uint8_t *in, size_t in_len, T *v) {                    \
    return X##_decode_inline(in, in_len, v);                                          \
  }                                                                                   \
  int mitch_##X##_encode_batch(const T *v, size_t n, uint8_t *out, size_t out_len,     \
                               size_t *done) {                                        \
    size_t i;                                                                         \
    int st = MITCH_OK;                                                                \
    if (done)                                                                         \
      *done = 0;                                                                      \
    if (n == 0)                                                                       \
      return MITCH_OK;                                                                \
    if (!v || !out)                                                                   \
      return MITCH_ERR_INVALID_DATA;                                                  \
    if (n > out_len / (SIZE))                                                         \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                              \
    for (i = 0; i < n; i++) {                                                         \
      st = X##_check(&v[i]);                                                          \
      if (MITCH_UNLIKELY(st != MITCH_OK))                                             \
        break;                                                                        \
      X##_store(&v[i], out + i * (SIZE));                                             \
    }                                                                                 \
    if (done)                                                                         \
      *done = i;                                                                      \
    return st;                                                                        \
  }                                                                                   \
  int mitch_##X##_decode_batch(const uint8_t *in, size_t in_len, T *v, size_t n,       \
                               size_t *done) {                                        \
    size_t i;                                                                         \
    int st = MITCH_OK;                                                                \
    if (done)                                                                         \
      *done = 0;                                                                      \
    if (n == 0)                                                                       \
      return MITCH_OK;                                                                \
    if (!in || !v)                                                                    \
      return MITCH_ERR_INVALID_DATA;                                                  \
    if (n > in_len / (SIZE))                                                          \
      return MITCH_ERR_BUFFER_TOO_SMALL;                                              \
    for (i = 0; i < n; i++) {                                                         \
      X##_load(in + i * (SIZE), &v[i]);                                               \
      st = X##_check(&v[i]);                                                          \
      if (MITCH_UNLIKELY(st != MITCH_OK))                                             \
        break;                                                                        \
    }                                                                                 \
    if (done)                                                                         \
      *done = i;                                                                      \
    return st;                                                                        \
  }                                                                                   \
  int libmitch_##X##_check_wire(const uint8_t *in, size_t n, size_t *bad) {           \
    size_t i;                                                                         \
    for (i = 0; i < n; i++) {                                                         \
      T tmp;                                                                          \
      int st;                                                                         \
      LOAD_FOR_CHECK(in + i * (SIZE), &tmp);                                          \
      st = X##_check(&tmp);                                                           \
      if (MITCH_UNLIKELY(st != MITCH_OK)) {                                           \
        *bad = i;                                                                     \
        return st;                                                                    \
      }                                                                               \
    }                                                                                 \
    return MITCH_OK;                                                                  \
  }

#endif /* MITCH_BODY_H */
