/* test_util.c - see test_util.h. */
#include <config.h>

#include "test_util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TU_DEFAULT_VECTORS_DIR
#define TU_DEFAULT_VECTORS_DIR "tests/vectors"
#endif

/* ---- running ------------------------------------------------------------ */

TCase *tu_tcase(const char *name) {
  TCase *tc = tcase_create(name);
  /* Check's default is 4 s; valgrind and qemu runs are 20-50x slower. */
  tcase_set_timeout(tc, 300);
  return tc;
}

int tu_run_suite(Suite *s) {
  SRunner *sr = srunner_create(s);
  int failed;
  srunner_run_all(sr, getenv("CK_VERBOSITY") ? CK_ENV : CK_VERBOSE);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* ---- numbers ------------------------------------------------------------ */

int tu_parse_u64(const char *s, uint64_t *out) {
  const char *digits = s;
  int base = 10;
  unsigned long long v;
  char *end;
  if (!s || !out)
    return 0;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    digits = s + 2;
    if (!isxdigit((unsigned char)digits[0]))
      return 0;
  } else if (!isdigit((unsigned char)s[0])) {
    return 0; /* strtoull would accept spaces and signs */
  }
  errno = 0;
  v = strtoull(digits, &end, base);
  if (errno != 0 || *end != '\0')
    return 0;
  *out = (uint64_t)v;
  return 1;
}

int tu_parse_i64(const char *s, int64_t *out) {
  uint64_t mag;
  int negative = 0;
  if (!s || !out)
    return 0;
  if (s[0] == '-') {
    negative = 1;
    s++;
  }
  if (!tu_parse_u64(s, &mag))
    return 0;
  if (negative) {
    if (mag > (uint64_t)INT64_MAX + 1)
      return 0;
    *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
  } else {
    if (mag > (uint64_t)INT64_MAX)
      return 0;
    *out = (int64_t)mag;
  }
  return 1;
}

int tu_parse_double(const char *s, double *out) {
  char *end;
  double v;
  if (!s || !out || s[0] == '\0' || isspace((unsigned char)s[0]))
    return 0;
  errno = 0;
  v = strtod(s, &end);
  /* ERANGE on subnormal results is fine: hex literals are exact. */
  if (*end != '\0')
    return 0;
  *out = v;
  return 1;
}

uint64_t tu_double_bits(double d) {
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return bits;
}

double tu_bits_double(uint64_t bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

/* ---- bytes ---------------------------------------------------------------- */

void tu_put_le(uint8_t *p, uint64_t v, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

uint64_t tu_get_le(const uint8_t *p, size_t n) {
  uint64_t v = 0;
  size_t i;
  for (i = 0; i < n; i++)
    v |= (uint64_t)p[i] << (8 * i);
  return v;
}

void tu_put_f64(uint8_t *p, double d) {
  tu_put_le(p, tu_double_bits(d), 8);
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int tu_hex_decode(const char *hex, uint8_t *out, size_t cap, size_t *len) {
  size_t n, i;
  if (!hex || !len)
    return 0;
  n = strlen(hex);
  if (n % 2 != 0 || n / 2 > cap)
    return 0;
  for (i = 0; i < n / 2; i++) {
    int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return 0;
    out[i] = (uint8_t)(hi << 4 | lo);
  }
  *len = n / 2;
  return 1;
}

void tu_hex(const char *hex, uint8_t *out, size_t n) {
  size_t len = 0;
  ck_assert_msg(tu_hex_decode(hex, out, n, &len) && len == n,
                "test bug: hex literal \"%s\" is not %zu bytes", hex, n);
}

void tu_hex_encode(const uint8_t *p, size_t n, char *out) {
  static const char digits[] = "0123456789abcdef";
  size_t i;
  for (i = 0; i < n; i++) {
    out[2 * i] = digits[p[i] >> 4];
    out[2 * i + 1] = digits[p[i] & 15];
  }
  out[2 * n] = '\0';
}

int tu_bytes_equal(const uint8_t *got, const uint8_t *want, size_t n, char *msg,
                   size_t msg_len) {
  size_t i, from, count;
  char g[2 * 16 + 1], w[2 * 16 + 1];
  for (i = 0; i < n; i++)
    if (got[i] != want[i])
      break;
  if (i == n) {
    if (msg_len)
      msg[0] = '\0';
    return 1;
  }
  from = i >= 4 ? i - 4 : 0;
  count = n - from < 16 ? n - from : 16;
  tu_hex_encode(got + from, count, g);
  tu_hex_encode(want + from, count, w);
  snprintf(msg, msg_len, "bytes differ at offset %zu of %zu: got %02x, want %02x "
           "(from offset %zu: got %s, want %s)", i, n, got[i], want[i], from, g, w);
  return 0;
}

/* ---- conformance vectors ------------------------------------------------- */

const char *tu_vectors_dir(void) {
  const char *dir = getenv("MITCH_VECTORS_DIR");
  return dir && dir[0] ? dir : TU_DEFAULT_VECTORS_DIR;
}

static char *read_file(const char *path, size_t *size, char *err, size_t err_len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (!f) {
    snprintf(err, err_len, "cannot open %s", path);
    return NULL;
  }
  for (;;) {
    size_t got;
    if (cap - n < 4096) {
      char *bigger = realloc(buf, cap * 2 + 8192);
      if (!bigger) {
        free(buf);
        fclose(f);
        snprintf(err, err_len, "out of memory reading %s", path);
        return NULL;
      }
      buf = bigger;
      cap = cap * 2 + 8192;
    }
    got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0)
      break;
  }
  if (ferror(f)) {
    free(buf);
    fclose(f);
    snprintf(err, err_len, "read error on %s", path);
    return NULL;
  }
  fclose(f);
  buf[n] = '\0';
  *size = n;
  return buf;
}

int tu_tsv_load(const char *relpath, const char *const *columns, tu_tsv *t, char *err,
                size_t err_len) {
  char path[4096];
  size_t size = 0, ncols = 0, lines = 0, i, line, cell = 0;
  char *p;
  memset(t, 0, sizeof *t);
  snprintf(path, sizeof path, "%s/%s", tu_vectors_dir(), relpath);
  t->text = read_file(path, &size, err, err_len);
  if (!t->text)
    return 0;
  if (size == 0 || t->text[size - 1] != '\n' || strlen(t->text) != size) {
    snprintf(err, err_len, "%s: empty, NUL byte inside, or no final newline", path);
    goto fail;
  }
  for (i = 0; columns[i]; i++)
    ncols++;
  for (i = 0; i < size; i++) {
    if (t->text[i] == '\n')
      lines++;
    else if (t->text[i] == '\r') {
      snprintf(err, err_len, "%s: carriage return at byte %zu", path, i);
      goto fail;
    }
  }
  t->ncols = ncols;
  t->nrows = lines - 1;
  t->cells = calloc(lines * ncols, sizeof *t->cells);
  if (!t->cells) {
    snprintf(err, err_len, "out of memory");
    goto fail;
  }
  p = t->text;
  for (line = 0; line < lines; line++) {
    char *eol = strchr(p, '\n');
    size_t col = 0;
    *eol = '\0';
    if (p == eol) {
      snprintf(err, err_len, "%s:%zu: empty line", path, line + 1);
      goto fail;
    }
    for (;;) {
      char *tab = strchr(p, '\t');
      if (col == ncols) {
        snprintf(err, err_len, "%s:%zu: more than %zu fields", path, line + 1, ncols);
        goto fail;
      }
      t->cells[cell++] = p;
      col++;
      if (!tab)
        break;
      *tab = '\0';
      p = tab + 1;
    }
    if (col != ncols) {
      snprintf(err, err_len, "%s:%zu: %zu fields, want %zu", path, line + 1, col, ncols);
      goto fail;
    }
    p = eol + 1;
  }
  for (i = 0; i < ncols; i++) {
    if (strcmp(t->cells[i], columns[i]) != 0) {
      snprintf(err, err_len, "%s: column %zu is \"%s\", want \"%s\"", path, i + 1,
               t->cells[i], columns[i]);
      goto fail;
    }
  }
  return 1;
fail:
  tu_tsv_free(t);
  return 0;
}

const char *tu_tsv_cell(const tu_tsv *t, size_t row, size_t col) {
  return t->cells[(row + 1) * t->ncols + col];
}

void tu_tsv_free(tu_tsv *t) {
  free(t->cells);
  free(t->text);
  memset(t, 0, sizeof *t);
}
