/*
 * fuzz_util.h - what the libFuzzer targets share.
 *
 * Each target copies the bytes it hands to libmitch into a heap block of
 * exactly the length it passes (or the string length + 1 for text), so
 * AddressSanitizer reports any read past that length, and checks
 * properties with FUZZ_ASSERT, which aborts with a message (a crash to
 * libFuzzer) when one does not hold.
 */
#ifndef MITCH_FUZZ_UTIL_H
#define MITCH_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mitch.h>

#define FUZZ_ASSERT(cond)                                                                \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);       \
      abort();                                                                           \
    }                                                                                    \
  } while (0)

/* An exactly-sized heap copy (malloc(0) may return NULL; 1 byte then, and
   the length passed on stays 0). */
static inline uint8_t *fuzz_copy(const uint8_t *data, size_t size) {
  uint8_t *p = malloc(size ? size : 1);
  if (!p)
    abort();
  if (size)
    memcpy(p, data, size);
  return p;
}

/* A NUL-terminated heap copy of exactly size + 1 bytes. */
static inline char *fuzz_string(const uint8_t *data, size_t size) {
  char *p = malloc(size + 1);
  if (!p)
    abort();
  if (size)
    memcpy(p, data, size);
  p[size] = '\0';
  return p;
}

/* Reads fixed-width little-endian fields off the input; past the end it
   yields zeros, so every input length is usable. */
typedef struct fuzz_reader {
  const uint8_t *p;
  size_t left;
} fuzz_reader;

static inline uint64_t fuzz_take(fuzz_reader *r, unsigned bytes) {
  uint64_t v = 0;
  unsigned i;
  for (i = 0; i < bytes; i++) {
    uint8_t b = 0;
    if (r->left) {
      b = *r->p++;
      r->left--;
    }
    v |= (uint64_t)b << (8 * i);
  }
  return v;
}
static inline uint8_t fuzz_u8(fuzz_reader *r) {
  return (uint8_t)fuzz_take(r, 1);
}
static inline uint16_t fuzz_u16(fuzz_reader *r) {
  return (uint16_t)fuzz_take(r, 2);
}
static inline uint32_t fuzz_u32(fuzz_reader *r) {
  return (uint32_t)fuzz_take(r, 4);
}
static inline uint64_t fuzz_u64(fuzz_reader *r) {
  return fuzz_take(r, 8);
}
static inline double fuzz_f64(fuzz_reader *r) { /* any bit pattern: NaN, Inf, -0 */
  uint64_t bits = fuzz_take(r, 8);
  double d;
  memcpy(&d, &bits, 8);
  return d;
}

/* Bitwise equality of doubles (NaN payloads and -0 count). */
static inline int fuzz_same_f64(double a, double b) {
  return memcmp(&a, &b, sizeof a) == 0;
}

/* The padding bytes of a body: protocol.md says they are written as zero
   and ignored when read, so a decode->encode round trip reproduces the
   input only once they are zeroed. */
static inline void fuzz_zero_padding(uint8_t type, uint8_t *body) {
  switch (type) {
  case MITCH_MSG_TRADE:
    memset(body + 25, 0, 7);
    break;
  case MITCH_MSG_ORDER:
    body[31] = 0;
    break;
  case MITCH_MSG_INDEX:
    memset(body + 55, 0, 9);
    break;
  case MITCH_MSG_ORDER_BOOK:
    memset(body + 17, 0, 7);
    break;
  default: /* tick and header have no padding */
    break;
  }
}

/* Wire size of a body type, 0 if unknown - computed here from protocol.md,
   not asked of the library under test. */
static inline size_t fuzz_body_size(uint8_t type) {
  switch (type) {
  case 't':
  case 'o':
  case 's':
    return 32;
  case 'i':
    return 64;
  case 'b':
    return 2072;
  default:
    return 0;
  }
}

/* Size of the typed struct (mitch_trade, ...) of a known type byte, from
   the library's layout table (a struct size is the compiler's, not a rule
   of the protocol: the table is the one description of it; the wire sizes
   above stay an independent oracle). */
static inline size_t fuzz_struct_size(uint8_t type) {
  mitch_layout l;
  if (mitch_layout_get(type, &l) != MITCH_OK || !l.message_type)
    return 0;
  return l.struct_size;
}

/* Every status a function may return, per mitch.h. */
static inline int fuzz_known_status(int st) {
  return (st >= MITCH_OK && st <= MITCH_ERR_NOT_FOUND) || st == MITCH_ERR_UNKNOWN;
}

#endif /* MITCH_FUZZ_UTIL_H */
