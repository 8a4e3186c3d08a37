/*
 * util.c - byte buffers, clocks and error text for libmitch-redis.
 */
#include <config.h>

#include <errno.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

int mr_buf_reserve(mr_buf *b, size_t extra) {
  size_t want, cap;
  char *p;
  if (b->failed)
    return MITCH_REDIS_ERR_NO_MEMORY;
  if (extra <= b->cap - b->len)
    return MITCH_OK;
  if (extra > (size_t)-1 / 2 - b->len) {
    b->failed = 1;
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  want = b->len + extra;
  cap = b->cap ? b->cap : 256;
  while (cap < want)
    cap *= 2;
  p = realloc(b->data, cap);
  if (!p) {
    b->failed = 1;
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  b->data = p;
  b->cap = cap;
  return MITCH_OK;
}

int mr_buf_append(mr_buf *b, const void *p, size_t n) {
  int st = mr_buf_reserve(b, n);
  if (st != MITCH_OK)
    return st;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  return MITCH_OK;
}

void mr_buf_free(mr_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

void mr_buf_clear(mr_buf *b) {
  b->len = 0;
  b->failed = 0;
}

uint64_t mr_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

uint64_t mr_time_of_day_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)(ts.tv_sec % 86400) * 1000000000u + (uint64_t)ts.tv_nsec;
}

int mr_remaining_ms(uint64_t deadline) {
  uint64_t now = mr_now_ms();
  if (now >= deadline)
    return 0;
  if (deadline - now > 0x7fffffff)
    return 0x7fffffff;
  return (int)(deadline - now);
}

void mr_set_error(char *dst, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(dst, MR_ERROR_SIZE, fmt, ap);
  va_end(ap);
}

void mr_report_why(char *why, size_t why_len, const char *text) {
  if (why && why_len)
    snprintf(why, why_len, "%s", text);
}

const char *mr_strerror(int errnum, char buf[64]) {
  /* glibc with _GNU_SOURCE has the char * strerror_r; the XSI one returns
     an int.  Either way the text is in the returned pointer or in buf. */
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  return strerror_r(errnum, buf, 64);
#else
  if (strerror_r(errnum, buf, 64) != 0)
    snprintf(buf, 64, "error %d", errnum);
  return buf;
#endif
}
