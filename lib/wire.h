/*
 * wire.h - little-endian loads and stores (internal).
 *
 * Every codec reads and writes the wire through these helpers, never by
 * casting a struct onto the bytes: memcpy gives the compiler an unaligned
 * access it turns into one move on x86/ARM, and the byte swap happens only
 * on big-endian hosts, so the bytes are identical everywhere.
 */
#ifndef MITCH_WIRE_H
#define MITCH_WIRE_H

#include <stdint.h>
#include <string.h>

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define MITCH_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#else
/* C99: a negative array size.  __COUNTER__ (GCC, Clang, MSVC) keeps the
   names apart when one macro expands to several assertions on one line. */
#define MITCH_STATIC_ASSERT_JOIN2(a, b) a##b
#define MITCH_STATIC_ASSERT_JOIN(a, b) MITCH_STATIC_ASSERT_JOIN2(a, b)
#if defined(__COUNTER__)
#define MITCH_STATIC_ASSERT_ID __COUNTER__
#else
#define MITCH_STATIC_ASSERT_ID __LINE__
#endif
#define MITCH_STATIC_ASSERT(cond, msg)                                              \
  typedef char MITCH_STATIC_ASSERT_JOIN(mitch_static_assert_,                       \
                                        MITCH_STATIC_ASSERT_ID)[(cond) ? 1 : -1]
#endif

/* restrict where the compiler knows it (C99, or GCC's spelling). */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define MITCH_RESTRICT restrict
#elif defined(__GNUC__)
#define MITCH_RESTRICT __restrict__
#else
#define MITCH_RESTRICT
#endif

/* Alignment of a type, for the layout table. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define MITCH_ALIGNOF(T) _Alignof(T)
#elif defined(__GNUC__)
#define MITCH_ALIGNOF(T) __alignof__(T)
#else
#define MITCH_ALIGNOF(T) offsetof(struct { char c; T t; }, t)
#endif

#if defined(__GNUC__)
#define MITCH_LIKELY(x) __builtin_expect(!!(x), 1)
#define MITCH_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define MITCH_INLINE static inline __attribute__((always_inline))
#else
#define MITCH_LIKELY(x) (x)
#define MITCH_UNLIKELY(x) (x)
#define MITCH_INLINE static inline
#endif

MITCH_STATIC_ASSERT(sizeof(double) == 8, "double must be IEEE-754 binary64");
MITCH_STATIC_ASSERT(sizeof(uint64_t) == 8, "uint64_t must be 8 bytes");

#if defined(MITCH_BIG_ENDIAN)
#if defined(__GNUC__)
#define MITCH_BSWAP16(x) __builtin_bswap16(x)
#define MITCH_BSWAP32(x) __builtin_bswap32(x)
#define MITCH_BSWAP64(x) __builtin_bswap64(x)
#else
MITCH_INLINE uint16_t mitch_bswap16(uint16_t x) { return (uint16_t)((x >> 8) | (x << 8)); }
MITCH_INLINE uint32_t mitch_bswap32(uint32_t x) {
  return (x >> 24) | ((x >> 8) & 0xFF00u) | ((x << 8) & 0xFF0000u) | (x << 24);
}
MITCH_INLINE uint64_t mitch_bswap64(uint64_t x) {
  return ((uint64_t)mitch_bswap32((uint32_t)x) << 32) | mitch_bswap32((uint32_t)(x >> 32));
}
#define MITCH_BSWAP16(x) mitch_bswap16(x)
#define MITCH_BSWAP32(x) mitch_bswap32(x)
#define MITCH_BSWAP64(x) mitch_bswap64(x)
#endif
#define MITCH_LE16(x) MITCH_BSWAP16(x)
#define MITCH_LE32(x) MITCH_BSWAP32(x)
#define MITCH_LE64(x) MITCH_BSWAP64(x)
#else
#define MITCH_LE16(x) (x)
#define MITCH_LE32(x) (x)
#define MITCH_LE64(x) (x)
#endif

MITCH_INLINE uint16_t wire_load_u16(const uint8_t *p) {
  uint16_t v;
  memcpy(&v, p, 2);
  return (uint16_t)MITCH_LE16(v);
}
MITCH_INLINE uint32_t wire_load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return (uint32_t)MITCH_LE32(v);
}
MITCH_INLINE uint64_t wire_load_u64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return (uint64_t)MITCH_LE64(v);
}
/* 48-bit fields (timestamps, expiries): six bytes, little-endian. */
MITCH_INLINE uint64_t wire_load_u48(const uint8_t *p) {
  return (uint64_t)wire_load_u32(p) | ((uint64_t)wire_load_u16(p + 4) << 32);
}
MITCH_INLINE double wire_load_f64(const uint8_t *p) {
  uint64_t bits = wire_load_u64(p);
  double v;
  memcpy(&v, &bits, 8);
  return v;
}
MITCH_INLINE int16_t wire_load_i16(const uint8_t *p) {
  uint16_t u = wire_load_u16(p);
  int16_t v;
  memcpy(&v, &u, 2); /* two's complement reinterpretation without UB */
  return v;
}
MITCH_INLINE int32_t wire_load_i32(const uint8_t *p) {
  uint32_t u = wire_load_u32(p);
  int32_t v;
  memcpy(&v, &u, 4);
  return v;
}

MITCH_INLINE void wire_store_u16(uint8_t *p, uint16_t v) {
  v = (uint16_t)MITCH_LE16(v);
  memcpy(p, &v, 2);
}
MITCH_INLINE void wire_store_u32(uint8_t *p, uint32_t v) {
  v = (uint32_t)MITCH_LE32(v);
  memcpy(p, &v, 4);
}
MITCH_INLINE void wire_store_u64(uint8_t *p, uint64_t v) {
  v = (uint64_t)MITCH_LE64(v);
  memcpy(p, &v, 8);
}
/* Caller guarantees v < 2^48. */
MITCH_INLINE void wire_store_u48(uint8_t *p, uint64_t v) {
  wire_store_u32(p, (uint32_t)v);
  wire_store_u16(p + 4, (uint16_t)(v >> 32));
}
MITCH_INLINE void wire_store_f64(uint8_t *p, double v) {
  uint64_t bits;
  memcpy(&bits, &v, 8);
  wire_store_u64(p, bits);
}
MITCH_INLINE void wire_store_i16(uint8_t *p, int16_t v) {
  uint16_t u;
  memcpy(&u, &v, 2);
  wire_store_u16(p, u);
}
MITCH_INLINE void wire_store_i32(uint8_t *p, int32_t v) {
  uint32_t u;
  memcpy(&u, &v, 4);
  wire_store_u32(p, u);
}

/* Finite and strictly positive; false for NaN, +-Inf, +-0 and negatives.
   Written on the bit pattern so it costs two integer compares and does not
   depend on the floating-point environment. */
MITCH_INLINE int wire_positive_finite(double v) {
  uint64_t bits;
  memcpy(&bits, &v, 8);
  /* positive (sign 0), not zero, exponent not all ones */
  return bits != 0 && bits < UINT64_C(0x7FF0000000000000);
}
/* Finite and >= 0 as IEEE-754 compares it: +0 and -0 both pass. */
MITCH_INLINE int wire_nonnegative_finite(double v) {
  uint64_t bits;
  memcpy(&bits, &v, 8);
  return bits < UINT64_C(0x7FF0000000000000) || bits == UINT64_C(0x8000000000000000);
}

#endif /* MITCH_WIRE_H */
