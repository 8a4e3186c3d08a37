/*
 * resp.c - commands in RESP (arrays of bulk strings), built straight into a
 * connection's output buffer: no format strings, no allocation per command
 * beyond the buffer's growth, binary-safe arguments.
 */
#include <config.h>

#include <string.h>

#include "internal.h"

size_t mr_u64_text(uint64_t v, char out[20]) {
  char tmp[20];
  size_t n = 0, i;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  return n;
}

static int put_count(mr_buf *b, char prefix, uint64_t n) {
  char line[24];
  size_t len = 0;
  int st;
  line[len++] = prefix;
  len += mr_u64_text(n, line + len);
  line[len++] = '\r';
  line[len++] = '\n';
  st = mr_buf_append(b, line, len);
  return st;
}

int mr_cmd_begin(mr_buf *b, unsigned argc) { return put_count(b, '*', argc); }

int mr_cmd_arg(mr_buf *b, const void *arg, size_t len) {
  int st = mr_buf_reserve(b, len + 24);
  if (st != MITCH_OK)
    return st;
  put_count(b, '$', len);
  if (len)
    memcpy(b->data + b->len, arg, len);
  b->len += len;
  b->data[b->len++] = '\r';
  b->data[b->len++] = '\n';
  return MITCH_OK;
}

int mr_cmd_arg_str(mr_buf *b, const char *s) { return mr_cmd_arg(b, s, strlen(s)); }

int mr_cmd_arg_u64(mr_buf *b, uint64_t v) {
  char text[20];
  return mr_cmd_arg(b, text, mr_u64_text(v, text));
}
