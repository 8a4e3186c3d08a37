/*
 * test_util.h - helpers the Check programs share: strict number parsing,
 * hex, host-order-independent little-endian composition, the conformance
 * TSV reader and a suite runner.
 *
 * Tests build their expected bytes with tu_put_le() (shifts, never a
 * struct's memory image), so they pass unchanged on big-endian hosts.
 */
#ifndef MITCH_TEST_UTIL_H
#define MITCH_TEST_UTIL_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

/* ---- running ------------------------------------------------------------ */

/* A test case with a timeout generous enough for valgrind and qemu. */
TCase *tu_tcase(const char *name);

/* Run every test of `s` (verbose unless CK_VERBOSITY says otherwise) and
   return EXIT_SUCCESS when none failed. */
int tu_run_suite(Suite *s);

/* ---- numbers ------------------------------------------------------------ */

/* Parse the whole string as an unsigned decimal or 0x-hex number that fits
   64 bits ("0x7" and "7" both work; no sign, no spaces).  1 on success. */
int tu_parse_u64(const char *s, uint64_t *out);
/* The same with an optional leading '-', range of int64_t. */
int tu_parse_i64(const char *s, int64_t *out);
/* Parse the whole string with strtod: hex floats, "nan", "inf", "-0x0p+0". */
int tu_parse_double(const char *s, double *out);

uint64_t tu_double_bits(double d);
double tu_bits_double(uint64_t bits);

/* ---- bytes ---------------------------------------------------------------- */

/* Write the low n bytes of v to p, least significant first (n <= 8). */
void tu_put_le(uint8_t *p, uint64_t v, size_t n);
/* Read n bytes at p as a little-endian number (n <= 8). */
uint64_t tu_get_le(const uint8_t *p, size_t n);
/* The IEEE-754 bits of d, little-endian, at p. */
void tu_put_f64(uint8_t *p, double d);

/* Decode a hex string (lower or upper case, even length, nothing else) into
   out[0..cap).  *len receives the byte count.  1 on success. */
int tu_hex_decode(const char *hex, uint8_t *out, size_t cap, size_t *len);
/* Decode a hex literal of exactly n bytes, failing the current test if it
   is malformed (for expected bytes written out in a test). */
void tu_hex(const char *hex, uint8_t *out, size_t n);
/* Lower-case hex of n bytes into out (2n+1 chars). */
void tu_hex_encode(const uint8_t *p, size_t n, char *out);

/* 1 when a and b are equal; otherwise 0 and a description of the first
   difference (offset and the bytes around it) in msg. */
int tu_bytes_equal(const uint8_t *got, const uint8_t *want, size_t n, char *msg, size_t msg_len);

/* Fail the test with the offset of the first differing byte. */
#define TU_ASSERT_BYTES(got, want, n)                                                    \
  do {                                                                                   \
    char tu_msg_[512];                                                                   \
    ck_assert_msg(tu_bytes_equal((got), (want), (n), tu_msg_, sizeof tu_msg_), "%s",     \
                  tu_msg_);                                                              \
  } while (0)

/* Two doubles with the same bit pattern (NaN payloads and -0.0 included). */
#define TU_ASSERT_SAME_DOUBLE(got, want)                                                 \
  do {                                                                                   \
    double tu_g_ = (got), tu_w_ = (want);                                                \
    ck_assert_msg(tu_double_bits(tu_g_) == tu_double_bits(tu_w_),                        \
                  "double bits differ: got %a (0x%016llx), want %a (0x%016llx)", tu_g_,  \
                  (unsigned long long)tu_double_bits(tu_g_), tu_w_,                      \
                  (unsigned long long)tu_double_bits(tu_w_));                            \
  } while (0)

/* ---- conformance vectors ------------------------------------------------- */

/* The vectors directory: $MITCH_VECTORS_DIR, else the build-time default
   (the source tree's tests/vectors). */
const char *tu_vectors_dir(void);

/* A TSV file: a header row and data rows of exactly `ncols` fields each. */
typedef struct tu_tsv {
  char *text;       /* the file, fields NUL-terminated in place */
  char **cells;     /* (nrows + 1) * ncols pointers; row 0 is the header */
  size_t ncols;
  size_t nrows;     /* data rows, without the header */
} tu_tsv;

/* Load vectors_dir/relpath, check that its header is exactly the
   NULL-terminated list `columns`, and split it.  Any malformed line (wrong
   field count, empty line, missing final newline, CR) is an error: returns
   0 and describes it in err. */
int tu_tsv_load(const char *relpath, const char *const *columns, tu_tsv *t, char *err,
                size_t err_len);
/* Field `col` of data row `row` (0-based). */
const char *tu_tsv_cell(const tu_tsv *t, size_t row, size_t col);
void tu_tsv_free(tu_tsv *t);

#endif /* MITCH_TEST_UTIL_H */
