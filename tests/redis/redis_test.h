/*
 * redis_test.h - what the server and cluster test programs share: the
 * environment the scripts set, a raw hiredis connection for doing things
 * behind the library's back (publishing foreign payloads, reading keys,
 * pausing clients), the sample stream as a corpus of every body type.
 * Header-only: each program includes it once.
 */
#ifndef MITCH_REDIS_TEST_H
#define MITCH_REDIS_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hiredis/hiredis.h>

#include "mitch-redis.h"
#include "test_util.h"

static inline const char *rt_env(const char *name) {
  const char *v = getenv(name);
  ck_assert_msg(v && *v, "%s is not set (run through the test script)", name);
  return v;
}

static inline uint64_t rt_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Now as ns since midnight UTC, read the way libmitch-redis stamps bodies
   (CLOCK_REALTIME).  Not time(NULL): glibc reads a coarse clock for it,
   which can still give the previous second a few ms after clock_gettime
   has moved on, so a bound taken from it can fall before the stamp. */
static inline uint64_t rt_time_of_day_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)(ts.tv_sec % 86400) * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline void rt_sleep_ms(unsigned ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (long)(ms % 1000) * 1000000L;
  nanosleep(&ts, NULL);
}

/* "redis://127.0.0.1:PORT..." -> PORT */
static inline int rt_url_port(const char *url) {
  const char *colon = strrchr(url, ':');
  ck_assert_ptr_nonnull(colon);
  return atoi(colon + 1);
}

static inline redisContext *rt_raw(int port) {
  struct timeval tv = {5, 0};
  redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
  ck_assert_msg(c && !c->err, "raw connect to %d: %s", port, c ? c->errstr : "no memory");
  redisSetTimeout(c, tv);
  return c;
}

/* A command on a raw connection; fails the test if there is no reply. */
static inline redisReply *rt_cmd(redisContext *c, const char *fmt, ...) {
  va_list ap;
  redisReply *r;
  va_start(ap, fmt);
  r = redisvCommand(c, fmt, ap);
  va_end(ap);
  ck_assert_msg(r != NULL, "raw command failed: %s", c->errstr);
  return r;
}

static inline long long rt_int(redisContext *c, const char *fmt, ...) {
  va_list ap;
  redisReply *r;
  long long v;
  va_start(ap, fmt);
  r = redisvCommand(c, fmt, ap);
  va_end(ap);
  ck_assert_msg(r && r->type == REDIS_REPLY_INTEGER, "expected an integer reply (%s)",
                r && r->str ? r->str : c->errstr);
  v = r->integer;
  freeReplyObject(r);
  return v;
}

/* The sample stream (data/sample.mitch: every body type) as messages. */
typedef struct rt_corpus {
  uint8_t *data;
  size_t size;
  size_t n;
  size_t offset[64], len[64];
} rt_corpus;

static inline void rt_load_sample(rt_corpus *c) {
  const char *path = rt_env("MITCH_SAMPLE");
  FILE *f = fopen(path, "rb");
  mitch_reader rd;
  mitch_message m;
  long size;
  ck_assert_msg(f != NULL, "%s: cannot open", path);
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  rewind(f);
  c->data = malloc((size_t)size);
  ck_assert_ptr_nonnull(c->data);
  ck_assert_uint_eq(fread(c->data, 1, (size_t)size, f), (size_t)size);
  fclose(f);
  c->size = (size_t)size;
  c->n = 0;
  mitch_reader_init(&rd, c->data, c->size);
  while (mitch_reader_next(&rd, &m) == MITCH_OK) {
    ck_assert_uint_lt(c->n, 64);
    c->offset[c->n] = m.offset;
    c->len[c->n] = m.size;
    c->n++;
  }
  ck_assert_int_eq(rd.status, MITCH_END);
  ck_assert_uint_ge(c->n, 5);
}

static inline const uint8_t *rt_msg(const rt_corpus *c, size_t i) { return c->data + c->offset[i]; }

/* The channel of provider p for message i's type. */
static inline uint32_t rt_channel(const rt_corpus *c, size_t i, uint16_t p) {
  uint32_t ch = 0;
  ck_assert_int_eq(mitch_create_channel(p, (char)rt_msg(c, i)[0], &ch), MITCH_OK);
  return ch;
}

/* A trade message with trade_id `seq`, for counting and ordering. */
static inline size_t rt_trade(uint8_t *out, size_t cap, uint32_t seq, uint8_t count) {
  mitch_trade t[255];
  size_t n = 0, i;
  memset(t, 0, sizeof t);
  for (i = 0; i < count; i++) {
    t[i].ticker_id = 0x0305153138900000ull + i;
    t[i].price = 1.0 + seq * 1e-6;
    t[i].quantity = 100;
    t[i].trade_id = seq;
    t[i].side = (uint8_t)(i & 1);
  }
  ck_assert_int_eq(mitch_message_encode(MITCH_MSG_TRADE, 1000u + seq, t, count, out, cap, &n),
                   MITCH_OK);
  return n;
}

/* trade_id of body 0 (wire offset 20 per protocol.md). */
static inline uint32_t rt_trade_seq(const uint8_t *msg) {
  return (uint32_t)tu_get_le(msg + MITCH_HEADER_SIZE + 20, 4);
}

#endif
