/*
 * check_redis_server.c - libmitch-redis against real servers (started by
 * tests/redis/server-tests.sh; see there which ones).
 *
 * Every body type goes through pub/sub and streams and must come back
 * byte for byte (the sample stream holds all five); both channel
 * spellings, both payload kinds, patterns; foreign and damaged payloads
 * are reported with the status mitch.h gives that damage and skipped;
 * authentication, ACL users and bad URLs fail clearly; a paused server
 * gives a timeout within the bound; a server restarted under a publisher
 * gives an error or a reconnect within twice the timeout, never a hang; a
 * slow subscriber dropped by the output-buffer limit is reported as such.
 */
#include <config.h>

#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "redis_test.h"

#define PROVIDER 101 /* Binance, as in transport.md */
#define T_TRADES ((PROVIDER << 16) | ('t' << 8))

static mitch_redis *connect_ok(const char *url, int timeout_ms) {
  mitch_redis *r = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  int st = mitch_redis_connect(url, timeout_ms, &r, why, sizeof why);
  ck_assert_msg(st == MITCH_OK, "connect %s: %d %s", url, st, why);
  return r;
}

static mitch_redis_subscriber *subscriber_ok(const char *url) {
  mitch_redis_subscriber *s = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  int st = mitch_redis_subscriber_open(url, 2000, &s, why, sizeof why);
  ck_assert_msg(st == MITCH_OK, "subscriber %s: %d %s", url, st, why);
  return s;
}

/* The next delivery within 2 s, which must exist. */
static void receive_ok(mitch_redis_subscriber *s, mitch_redis_delivery *d) {
  int st = mitch_redis_receive(s, 2000, d);
  ck_assert_msg(st == MITCH_OK, "receive: %d %s", st, mitch_redis_subscriber_last_error(s));
}

static void nothing_more(mitch_redis_subscriber *s) {
  mitch_redis_delivery d;
  ck_assert_int_eq(mitch_redis_receive(s, 150, &d), MITCH_REDIS_AGAIN);
}

/* ---- pub/sub: every body type, both spellings, both payload kinds -------- */

START_TEST(pubsub_every_message_both_spellings) {
  rt_corpus c;
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  size_t i, spelling;
  rt_load_sample(&c);
  for (i = 0; i < c.n; i++) {
    /* Once per channel and spelling (several messages share a type). */
    uint32_t ch = rt_channel(&c, i, PROVIDER);
    int st = mitch_redis_subscribe(s, ch, 0);
    ck_assert(st == MITCH_OK || st == MITCH_REDIS_ERR_STATE);
    st = mitch_redis_subscribe(s, ch, MITCH_REDIS_BINARY_CHANNEL);
    ck_assert(st == MITCH_OK || st == MITCH_REDIS_ERR_STATE);
  }
  for (spelling = 0; spelling < 2; spelling++) {
    unsigned flags = spelling ? MITCH_REDIS_BINARY_CHANNEL : 0;
    for (i = 0; i < c.n; i++)
      ck_assert_int_eq(mitch_redis_publish(r, rt_channel(&c, i, PROVIDER), rt_msg(&c, i),
                                           c.len[i], flags),
                       MITCH_OK);
    for (i = 0; i < c.n; i++) {
      mitch_redis_delivery d;
      char name[16];
      size_t name_len;
      receive_ok(s, &d);
      ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
      ck_assert_int_eq(d.status, MITCH_OK);
      ck_assert_uint_eq(d.channel_id, rt_channel(&c, i, PROVIDER));
      ck_assert_uint_eq(d.flags, flags);
      ck_assert_uint_eq(d.size, c.len[i]);
      TU_ASSERT_BYTES(d.data, rt_msg(&c, i), c.len[i]);
      /* The name as it came: transport.md's spellings. */
      mitch_redis_channel_name(d.channel_id, flags, name, sizeof name, &name_len);
      ck_assert_uint_eq(d.channel_len, name_len);
      ck_assert_int_eq(memcmp(d.channel, name, name_len), 0);
      ck_assert_ptr_null(d.pattern);
    }
  }
  nothing_more(s);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
  free(c.data);
}
END_TEST

START_TEST(pubsub_bare_bodies) {
  rt_corpus c;
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  size_t i, b;
  rt_load_sample(&c);
  for (i = 0; i < c.n; i++) {
    int st = mitch_redis_subscribe(s, rt_channel(&c, i, PROVIDER),
                                   MITCH_REDIS_BARE_BODIES | MITCH_REDIS_BINARY_CHANNEL);
    ck_assert(st == MITCH_OK || st == MITCH_REDIS_ERR_STATE);
  }
  for (i = 0; i < c.n; i++) {
    const uint8_t *m = rt_msg(&c, i);
    size_t body_size = 0, count = m[7];
    uint64_t before, after;
    mitch_body_size(m[0], &body_size);
    before = rt_time_of_day_ns();
    /* As the deployed Rust publishers do: binary names, one body each. */
    ck_assert_int_eq(mitch_redis_publish(r, rt_channel(&c, i, PROVIDER), m, c.len[i],
                                         MITCH_REDIS_BARE_BODIES | MITCH_REDIS_BINARY_CHANNEL),
                     MITCH_OK);
    for (b = 0; b < count; b++) {
      mitch_redis_delivery d;
      mitch_header h;
      receive_ok(s, &d);
      after = rt_time_of_day_ns();
      ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
      ck_assert(d.flags & MITCH_REDIS_STAMPED);
      ck_assert(d.flags & MITCH_REDIS_BARE_BODIES);
      ck_assert_uint_eq(d.size, MITCH_HEADER_SIZE + body_size);
      ck_assert_int_eq(mitch_stream_validate(d.data, d.size, m[0], NULL), MITCH_OK);
      ck_assert_int_eq(mitch_header_decode(d.data, d.size, &h), MITCH_OK);
      ck_assert_uint_eq(h.count, 1);
      ck_assert_uint_eq(h.timestamp, d.receive_time);
      if (after > before) /* not across midnight */
        ck_assert_msg(h.timestamp >= before && h.timestamp <= after,
                      "stamp %llu ns not within [%llu, %llu]", (unsigned long long)h.timestamp,
                      (unsigned long long)before, (unsigned long long)after);
      TU_ASSERT_BYTES(d.data + MITCH_HEADER_SIZE, m + MITCH_HEADER_SIZE + b * body_size,
                      body_size);
    }
  }
  nothing_more(s);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
  free(c.data);
}
END_TEST

START_TEST(pubsub_patterns) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis_delivery d;
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 1, 1);
  /* Provider 101's channels all start with 66 (6619136 + type << 8). */
  ck_assert_int_eq(mitch_redis_psubscribe(s, "66*", 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_psubscribe(s, "66*", 0), MITCH_REDIS_ERR_STATE);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  ck_assert_uint_eq(d.channel_id, T_TRADES);
  ck_assert(d.flags & MITCH_REDIS_PATTERN);
  ck_assert_uint_eq(d.pattern_len, 3);
  ck_assert_int_eq(memcmp(d.pattern, "66*", 3), 0);
  TU_ASSERT_BYTES(d.data, m, n);
  /* A name the pattern matches that is no MITCH channel. */
  freeReplyObject(rt_cmd(raw, "PUBLISH %s %b", "66-not-a-channel", m, n));
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_uint_eq(d.channel_id, 0);
  ck_assert_uint_eq(d.channel_len, 16);
  nothing_more(s);
  redisFree(raw);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

/* ---- foreign and damaged payloads ----------------------------------------- */

START_TEST(foreign_payloads_reported_and_skipped) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis *r = connect_ok(url, 2000);
  mitch_redis_delivery d;
  uint8_t m[2 * 64], tick[64], *big;
  size_t n = rt_trade(m, sizeof m, 5, 1), i;
  struct {
    const void *p;
    size_t len;
    int status;
  } cases[8];
  size_t n_cases = 0;
  big = malloc(1 << 20);
  ck_assert_ptr_nonnull(big);
  for (i = 0; i < (1u << 20); i++)
    big[i] = (uint8_t)(i * 2654435761u >> 13);
  big[0] = 'x'; /* no type: refused at byte 0 whatever follows */
  memcpy(m + n, m, n);
  memcpy(tick, m, n);
  tick[0] = 's'; /* a well-framed tick on the trade channel, bodies not ticks */
  cases[n_cases].p = "";
  cases[n_cases].len = 0;
  cases[n_cases++].status = MITCH_ERR_BUFFER_TOO_SMALL;
  cases[n_cases].p = "{\"price\": 1.5}";
  cases[n_cases].len = 14;
  cases[n_cases++].status = MITCH_ERR_INVALID_MESSAGE_TYPE;
  cases[n_cases].p = m;
  cases[n_cases].len = n - 1;
  cases[n_cases++].status = MITCH_ERR_BUFFER_TOO_SMALL;
  cases[n_cases].p = m;
  cases[n_cases].len = 2 * n;
  cases[n_cases++].status = MITCH_ERR_INVALID_DATA;
  cases[n_cases].p = big;
  cases[n_cases].len = 1 << 20;
  cases[n_cases++].status = MITCH_ERR_INVALID_MESSAGE_TYPE;
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  for (i = 0; i < n_cases; i++)
    freeReplyObject(rt_cmd(raw, "PUBLISH %s %b", "6648832", cases[i].p, cases[i].len));
  /* A well-framed tick message on the trade channel: the type is checked
     before its bodies. */
  freeReplyObject(rt_cmd(raw, "PUBLISH %s %b", "6648832", tick, n));
  /* A trade with price 0: a field rule, in body 0 at offset 8. */
  memset(m + MITCH_HEADER_SIZE + 8, 0, 8);
  freeReplyObject(rt_cmd(raw, "PUBLISH %s %b", "6648832", m, n));
  /* ... and then a good one: the subscriber goes on. */
  n = rt_trade(m, sizeof m, 6, 1);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  for (i = 0; i < n_cases; i++) {
    receive_ok(s, &d);
    ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
    ck_assert_msg(d.status == cases[i].status, "case %zu: status %d, want %d (%s)", i, d.status,
                  cases[i].status, d.reason);
    ck_assert_uint_eq(d.size, cases[i].len);
    ck_assert_uint_eq(d.channel_id, T_TRADES);
    ck_assert(d.reason[0] != '\0');
    ck_assert_int_eq(d.error.status, d.status);
    ck_assert(d.error.rule[0] != '\0');
  }
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_MESSAGE_TYPE);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(d.error.field_name, "price"); /* protocol.md: offset 8 of the body */
  ck_assert_uint_eq(d.error.offset, MITCH_HEADER_SIZE + 8);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  TU_ASSERT_BYTES(d.data, m, n);
  nothing_more(s);
  free(big);
  redisFree(raw);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

START_TEST(publisher_refuses_bad_messages) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 9, 1);
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_psubscribe(s, "*", 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n - 1, 0), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_ptr_nonnull(strstr(mitch_redis_last_error(r), "nothing sent"));
  ck_assert_int_eq(mitch_redis_publish(r, 6648576, m, n, 0), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES | 1, m, n, 0), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0x80000u), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, NULL, n, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_stream_append(r, T_TRADES, m, n, 10, MITCH_REDIS_SHARDED, NULL),
                   MITCH_ERR_INVALID_DATA);
  m[MITCH_HEADER_SIZE + 16] = 0; /* quantity 0 (it was 100: one byte) */
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_redis_snapshot_set(r, T_TRADES, m, n), MITCH_ERR_INVALID_FIELD_VALUE);
  nothing_more(s); /* nothing of it went out */
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

/* ---- pipelining, the event-loop descriptor -------------------------------- */

START_TEST(pipelined_in_order) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  uint8_t m[8 + 255 * 32];
  uint32_t i;
  const uint32_t total = 20000;
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_set_pipeline(r, 32), MITCH_OK);
  for (i = 1; i <= total; i++) {
    size_t n = rt_trade(m, sizeof m, i, (uint8_t)(i % 7 == 0 ? 255 : 1));
    ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  }
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  for (i = 1; i <= total; i++) {
    mitch_redis_delivery d;
    receive_ok(s, &d);
    ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
    ck_assert_uint_eq(rt_trade_seq(d.data), i);
    ck_assert_uint_eq(d.size, 8 + 32u * (i % 7 == 0 ? 255 : 1));
  }
  nothing_more(s);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

START_TEST(event_loop_descriptor) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  mitch_redis_delivery d;
  struct pollfd p;
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 3, 1);
  int fd = mitch_redis_subscriber_fd(s);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_receive(s, 0, &d), MITCH_REDIS_AGAIN);
  p.fd = fd;
  p.events = POLLIN;
  ck_assert_int_eq(poll(&p, 1, 100), 0); /* nothing yet: not readable */
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  ck_assert_int_eq(poll(&p, 1, 2000), 1);
  ck_assert(p.revents & POLLIN);
  /* Both, without waiting: the second may be buffered inside already. */
  ck_assert_int_eq(mitch_redis_receive(s, 0, &d), MITCH_OK);
  ck_assert_int_eq(mitch_redis_receive(s, 1000, &d), MITCH_OK);
  TU_ASSERT_BYTES(d.data, m, n);
  ck_assert_int_eq(mitch_redis_receive(s, 0, &d), MITCH_REDIS_AGAIN);
  ck_assert_int_eq(mitch_redis_subscriber_fd(s), fd);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

/* ---- streams and consumer groups ------------------------------------------- */

static mitch_redis_consumer *consumer_ok(const char *url, const char *group, const char *name,
                                         const uint32_t *ch, size_t n, unsigned flags) {
  mitch_redis_consumer *k = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  int st = mitch_redis_consumer_open(url, 2000, group, name, ch, n, flags, &k, why, sizeof why);
  ck_assert_msg(st == MITCH_OK, "consumer: %d %s", st, why);
  return k;
}

START_TEST(streams_every_message_through_a_group) {
  rt_corpus c;
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis_consumer *k;
  uint32_t channels[8], provider = 202;
  size_t n_channels = 0, i, j, seen[64] = {0};
  char id[MITCH_REDIS_ENTRY_ID_SIZE];
  rt_load_sample(&c);
  for (i = 0; i < c.n; i++) {
    uint32_t ch = rt_channel(&c, i, (uint16_t)provider);
    for (j = 0; j < n_channels && channels[j] != ch; j++)
      ;
    if (j == n_channels)
      channels[n_channels++] = ch;
    ck_assert_int_eq(mitch_redis_stream_append(r, ch, rt_msg(&c, i), c.len[i], 1000, 0, id),
                     MITCH_OK);
    ck_assert_ptr_nonnull(strchr(id, '-'));
  }
  /* Key and field as transport.md says. */
  {
    char key[40];
    redisReply *e;
    snprintf(key, sizeof key, "mitch:stream:%lu", (unsigned long)rt_channel(&c, 0, 202));
    e = rt_cmd(raw, "XRANGE %s - + COUNT 1", key);
    ck_assert_int_eq(e->type, REDIS_REPLY_ARRAY);
    ck_assert_uint_eq(e->elements, 1);
    ck_assert_str_eq(e->element[0]->element[1]->element[0]->str, "m");
    ck_assert_uint_eq(e->element[0]->element[1]->element[1]->len, c.len[0]);
    freeReplyObject(e);
  }
  k = consumer_ok(url, "readers", "one", channels, n_channels, 0);
  for (i = 0; i < c.n; i++) {
    mitch_redis_delivery d;
    size_t want;
    ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
    ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
    ck_assert(!(d.flags & MITCH_REDIS_PENDING));
    ck_assert(d.entry_id[0] != '\0');
    /* Per channel, in the order appended: the next unseen message of d's
       channel. */
    for (want = 0; want < c.n; want++)
      if (!seen[want] && rt_channel(&c, want, 202) == d.channel_id)
        break;
    ck_assert_uint_lt(want, c.n);
    seen[want] = 1;
    ck_assert_uint_eq(d.size, c.len[want]);
    TU_ASSERT_BYTES(d.data, rt_msg(&c, want), c.len[want]);
    ck_assert_int_eq(mitch_redis_consumer_ack(k, &d), MITCH_OK);
  }
  {
    mitch_redis_delivery d;
    ck_assert_int_eq(mitch_redis_consumer_receive(k, 200, &d), MITCH_REDIS_AGAIN);
  }
  ck_assert_int_eq(mitch_redis_consumer_flush(k), MITCH_OK);
  mitch_redis_consumer_close(k);
  /* Acknowledged: nothing pending for the group. */
  {
    char key[40];
    redisReply *p;
    snprintf(key, sizeof key, "mitch:stream:%lu", (unsigned long)channels[0]);
    p = rt_cmd(raw, "XPENDING %s readers", key);
    ck_assert_int_eq(p->type, REDIS_REPLY_ARRAY);
    ck_assert_int_eq(p->element[0]->integer, 0);
    freeReplyObject(p);
  }
  redisFree(raw);
  mitch_redis_close(r);
  free(c.data);
}
END_TEST

START_TEST(consumer_rereads_unacknowledged) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis_consumer *k;
  mitch_redis_delivery d;
  uint32_t ch = (303u << 16) | ('t' << 8), i;
  char ids[6][MITCH_REDIS_ENTRY_ID_SIZE], key[40];
  uint8_t m[64];
  for (i = 1; i <= 6; i++) {
    size_t n = rt_trade(m, sizeof m, i, 1);
    ck_assert_int_eq(mitch_redis_stream_append(r, ch, m, n, 0, 0, ids[i - 1]), MITCH_OK);
  }
  k = consumer_ok(url, "g", "c", &ch, 1, 0);
  for (i = 1; i <= 4; i++) { /* read 4, acknowledge 2 */
    ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
    ck_assert_uint_eq(rt_trade_seq(d.data), i);
    ck_assert_str_eq(d.entry_id, ids[i - 1]);
    if (i <= 2)
      ck_assert_int_eq(mitch_redis_consumer_ack(k, &d), MITCH_OK);
  }
  ck_assert_int_eq(mitch_redis_consumer_flush(k), MITCH_OK);
  mitch_redis_consumer_close(k);
  /* Same name again: 3 and 4 come back, and 5 and 6 too: they were read
     ahead with the first batch, so they are pending as well. */
  k = consumer_ok(url, "g", "c", &ch, 1, 0);
  for (i = 3; i <= 6; i++) {
    ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
    ck_assert_uint_eq(rt_trade_seq(d.data), i);
    ck_assert_str_eq(d.entry_id, ids[i - 1]);
    ck_assert(d.flags & MITCH_REDIS_PENDING);
    ck_assert_int_eq(mitch_redis_consumer_ack(k, &d), MITCH_OK);
  }
  ck_assert_int_eq(mitch_redis_consumer_receive(k, 200, &d), MITCH_REDIS_AGAIN);
  mitch_redis_consumer_close(k); /* sends the acknowledgements */
  snprintf(key, sizeof key, "mitch:stream:%lu", (unsigned long)ch);
  {
    redisReply *p = rt_cmd(raw, "XPENDING %s g", key);
    ck_assert_int_eq(p->element[0]->integer, 0);
    freeReplyObject(p);
  }
  /* An entry deleted while pending comes back damaged, and can be acked. */
  ck_assert_int_eq(mitch_redis_stream_append(r, ch, m, rt_trade(m, sizeof m, 7, 1), 0, 0, ids[0]),
                   MITCH_OK);
  k = consumer_ok(url, "g", "c", &ch, 1, 0);
  ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
  ck_assert_uint_eq(rt_trade_seq(d.data), 7);
  ck_assert(!(d.flags & MITCH_REDIS_PENDING)); /* new: not read before */
  mitch_redis_consumer_close(k);
  ck_assert_int_eq(rt_int(raw, "XDEL %s %s", key, ids[0]), 1);
  k = consumer_ok(url, "g", "c", &ch, 1, 0);
  ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_DATA);
  ck_assert_str_eq(d.entry_id, ids[0]);
  ck_assert(d.flags & MITCH_REDIS_PENDING);
  ck_assert_int_eq(mitch_redis_consumer_ack(k, &d), MITCH_OK);
  ck_assert_int_eq(mitch_redis_consumer_flush(k), MITCH_OK);
  mitch_redis_consumer_close(k);
  /* A foreign entry (no field m) and a damaged one, added behind our back. */
  freeReplyObject(rt_cmd(raw, "XADD %s * price 1.5", key));
  freeReplyObject(rt_cmd(raw, "XADD %s * m %b", key, "t\1\2", (size_t)3));
  k = consumer_ok(url, "g", "c", &ch, 1, 0);
  ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_DATA);
  ck_assert_ptr_nonnull(strstr(d.reason, "\"m\""));
  ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_BUFFER_TOO_SMALL);
  mitch_redis_consumer_close(k);
  redisFree(raw);
  mitch_redis_close(r);
}
END_TEST

START_TEST(stream_cap_and_bare_entries) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis_consumer *k;
  mitch_redis_delivery d;
  uint32_t ch = (404u << 16) | ('t' << 8), i;
  uint8_t m[8 + 3 * 32];
  size_t n;
  long long len;
  mitch_redis_set_pipeline(r, 100);
  for (i = 1; i <= 5000; i++) {
    n = rt_trade(m, sizeof m, i, 1);
    ck_assert_int_eq(mitch_redis_stream_append(r, ch, m, n, 1000, 0, NULL), MITCH_OK);
  }
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  /* MAXLEN ~ 1000: about 1000 kept, never fewer. */
  len = rt_int(raw, "XLEN mitch:stream:%lu", (unsigned long)ch);
  ck_assert_msg(len >= 1000 && len < 1200, "XLEN %lld", len);
  /* Bare bodies: one entry per body, framed on the way out. */
  ch = (405u << 16) | ('t' << 8);
  n = rt_trade(m, sizeof m, 77, 3);
  ck_assert_int_eq(mitch_redis_stream_append(r, ch, m, n, 0, MITCH_REDIS_BARE_BODIES, NULL),
                   MITCH_OK);
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  ck_assert_int_eq(rt_int(raw, "XLEN mitch:stream:%lu", (unsigned long)ch), 3);
  k = consumer_ok(url, "g", "c", &ch, 1, MITCH_REDIS_BARE_BODIES);
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(mitch_redis_consumer_receive(k, 2000, &d), MITCH_OK);
    ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
    ck_assert(d.flags & MITCH_REDIS_STAMPED);
    TU_ASSERT_BYTES(d.data + MITCH_HEADER_SIZE, m + MITCH_HEADER_SIZE + i * 32, 32);
  }
  mitch_redis_consumer_close(k);
  redisFree(raw);
  mitch_redis_close(r);
}
END_TEST

/* ---- snapshots ---------------------------------------------------------------- */

START_TEST(snapshot_keys) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_trade t[3];
  uint8_t m[8 + 3 * 32], out[MITCH_HEADER_SIZE + MITCH_ORDER_BOOK_SIZE], want[40];
  size_t n = 0, size = 99;
  uint32_t ch = (505u << 16) | ('t' << 8);
  memset(t, 0, sizeof t);
  t[0].ticker_id = 11;
  t[0].price = 1.0;
  t[0].quantity = 1;
  t[0].trade_id = 1;
  t[1] = t[0];
  t[1].ticker_id = 22;
  t[1].trade_id = 2;
  t[2] = t[0];
  t[2].trade_id = 3; /* ticker 11 again: the later body wins */
  ck_assert_int_eq(mitch_message_encode('t', 4242, t, 3, m, sizeof m, &n), MITCH_OK);
  ck_assert_int_eq(mitch_redis_publish(r, ch, m, n, MITCH_REDIS_SNAPSHOT), MITCH_OK);
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 11, out, sizeof out, &size), MITCH_OK);
  ck_assert_int_eq(mitch_message_encode('t', 4242, &t[2], 1, want, sizeof want, NULL), MITCH_OK);
  ck_assert_uint_eq(size, 40);
  TU_ASSERT_BYTES(out, want, 40);
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 22, out, sizeof out, &size), MITCH_OK);
  ck_assert_int_eq(mitch_message_encode('t', 4242, &t[1], 1, want, sizeof want, NULL), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 40);
  /* The key is the one transport.md names. */
  {
    redisReply *v = rt_cmd(raw, "GET mitch:last:%lu:22", (unsigned long)ch);
    ck_assert_int_eq(v->type, REDIS_REPLY_STRING);
    ck_assert_uint_eq(v->len, 40);
    TU_ASSERT_BYTES((uint8_t *)v->str, want, 40);
    freeReplyObject(v);
  }
  size = 99;
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 33, out, sizeof out, &size),
                   MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 22, out, 39, &size),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_uint_eq(size, 99);
  /* Damaged and foreign values behind our back. */
  freeReplyObject(rt_cmd(raw, "SET mitch:last:%lu:44 %b", (unsigned long)ch, want, (size_t)39));
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 44, out, sizeof out, &size),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  freeReplyObject(rt_cmd(raw, "SET mitch:last:%lu:22 %b", (unsigned long)ch, m, n));
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 22, out, sizeof out, &size),
                   MITCH_ERR_INVALID_DATA); /* three bodies, not one */
  freeReplyObject(rt_cmd(raw, "HSET mitch:last:%lu:55 a b", (unsigned long)ch));
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 55, out, sizeof out, &size),
                   MITCH_REDIS_ERR_SERVER); /* WRONGTYPE */
  ck_assert_ptr_nonnull(strstr(mitch_redis_last_error(r), "WRONGTYPE"));
  /* Streams keep snapshots too. */
  ck_assert_int_eq(mitch_redis_stream_append(r, ch, want, 40, 0, MITCH_REDIS_SNAPSHOT, NULL),
                   MITCH_OK);
  ck_assert_int_eq(mitch_redis_snapshot_get(r, ch, 22, out, sizeof out, &size), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 40);
  redisFree(raw);
  mitch_redis_close(r);
}
END_TEST

/* ---- connecting: sockets, databases, credentials, URLs ----------------------- */

static int connect_status(const char *url, char *why) {
  mitch_redis *r = NULL;
  int st = mitch_redis_connect(url, 1000, &r, why, MITCH_REDIS_ERROR_SIZE);
  if (st == MITCH_OK)
    mitch_redis_close(r);
  else
    ck_assert_ptr_null(r);
  return st;
}

START_TEST(unix_socket_and_database) {
  const char *url = rt_env("MITCH_REDIS_URL");
  char db_url[300], unix_url[600];
  mitch_redis *r;
  mitch_redis_subscriber *s;
  mitch_redis_delivery d;
  redisContext *raw = rt_raw(rt_url_port(url));
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 8, 1);
  uint32_t ch = (606u << 16) | ('t' << 8);
  snprintf(unix_url, sizeof unix_url, "%s", rt_env("MITCH_REDIS_UNIX_URL"));
  s = subscriber_ok(unix_url);
  ck_assert_int_eq(mitch_redis_subscribe(s, ch, 0), MITCH_OK);
  r = connect_ok(unix_url, 2000);
  ck_assert_int_eq(mitch_redis_publish(r, ch, m, n, 0), MITCH_OK);
  receive_ok(s, &d);
  TU_ASSERT_BYTES(d.data, m, n);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
  /* Database 3: the stream lands there, not in 0. */
  snprintf(db_url, sizeof db_url, "%s/3", url);
  r = connect_ok(db_url, 2000);
  ck_assert_int_eq(mitch_redis_stream_append(r, ch, m, n, 0, 0, NULL), MITCH_OK);
  ck_assert_int_eq(rt_int(raw, "EXISTS mitch:stream:%lu", (unsigned long)ch), 0);
  freeReplyObject(rt_cmd(raw, "SELECT 3"));
  ck_assert_int_eq(rt_int(raw, "EXISTS mitch:stream:%lu", (unsigned long)ch), 1);
  mitch_redis_close(r);
  redisFree(raw);
}
END_TEST

START_TEST(credentials_and_urls) {
  char url[256], why[MITCH_REDIS_ERROR_SIZE];
  int auth = atoi(rt_env("MITCH_REDIS_AUTH_PORT"));
  mitch_redis *r;
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 1, 1);
  snprintf(url, sizeof url, "redis://127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_AUTH);
  ck_assert_ptr_nonnull(strstr(why, "NOAUTH"));
  snprintf(url, sizeof url, "redis://:wrong@127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_AUTH);
  ck_assert_ptr_nonnull(strstr(why, "WRONGPASS"));
  snprintf(url, sizeof url, "redis://:sesame@127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_OK);
  snprintf(url, sizeof url, "redis://alice:wonderland@127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_OK);
  snprintf(url, sizeof url, "redis://alice:sesame@127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_AUTH);
  snprintf(url, sizeof url, "redis://mallory:x@127.0.0.1:%d", auth);
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_AUTH);
  /* bob may use other:* only: the server's NOPERM is a server error. */
  snprintf(url, sizeof url, "redis://bob:builder@127.0.0.1:%d", auth);
  r = connect_ok(url, 2000);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_REDIS_ERR_SERVER);
  ck_assert_ptr_nonnull(strstr(mitch_redis_last_error(r), "NOPERM"));
  ck_assert_int_eq(mitch_redis_stream_append(r, T_TRADES, m, n, 0, 0, NULL),
                   MITCH_REDIS_ERR_SERVER);
  mitch_redis_close(r);
  /* Wrong places and forms. */
  ck_assert_int_eq(connect_status("rediss://127.0.0.1:6380", why), MITCH_REDIS_ERR_TLS);
  ck_assert_int_eq(connect_status("redis://127.0.0.1:notaport", why), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(connect_status("unix:///nonexistent/redis.sock", why), MITCH_REDIS_ERR_CONNECT);
  snprintf(url, sizeof url, "%s/99999", rt_env("MITCH_REDIS_URL"));
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_SERVER);
  ck_assert_ptr_nonnull(strstr(why, "SELECT"));
}
END_TEST

START_TEST(refused_port_fails_fast) {
  char url[64], why[MITCH_REDIS_ERROR_SIZE];
  uint64_t t0;
  redisContext *raw = rt_raw(rt_url_port(rt_env("MITCH_REDIS_URL")));
  int port;
  /* A port nothing listens on: the test server's port + 1 after checking. */
  for (port = rt_url_port(rt_env("MITCH_REDIS_URL")) + 1;; port++) {
    struct timeval tv = {1, 0};
    redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
    int refused = c && c->err;
    redisFree(c);
    if (refused)
      break;
  }
  snprintf(url, sizeof url, "redis://127.0.0.1:%d", port);
  t0 = rt_now_ms();
  ck_assert_int_eq(connect_status(url, why), MITCH_REDIS_ERR_CONNECT);
  ck_assert_uint_lt(rt_now_ms() - t0, 1000);
  ck_assert_ptr_nonnull(strstr(why, "refused"));
  redisFree(raw);
}
END_TEST

/* A server that stops answering (CLIENT PAUSE): a timeout within bound. */
START_TEST(paused_server_times_out) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis *r = connect_ok(url, 300);
  redisContext *raw = rt_raw(rt_url_port(url));
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 1, 1);
  uint64_t t0, took;
  int st;
  ck_assert_int_eq(mitch_redis_set_reconnect(r, 300), MITCH_OK);
  freeReplyObject(rt_cmd(raw, "CLIENT PAUSE 1500 ALL"));
  t0 = rt_now_ms();
  st = mitch_redis_publish(r, T_TRADES, m, n, 0);
  took = rt_now_ms() - t0;
  ck_assert_int_eq(st, MITCH_REDIS_ERR_TIMEOUT);
  ck_assert_msg(took >= 250 && took <= 2 * 300 + 150, "timeout after %llu ms",
                (unsigned long long)took);
  rt_sleep_ms(1500);
  /* The connection was dropped (a late reply must not be misread); the
     next call reconnects. */
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  redisFree(raw);
  mitch_redis_close(r);
}
END_TEST

/* ---- restarts, drops, reconnection ---------------------------------------- */

START_TEST(server_restarted_under_a_publisher) {
  const char *url = rt_env("MITCH_REDIS_RESTART_URL");
  const int timeout = 500;
  mitch_redis *r = connect_ok(url, timeout);
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis_delivery d;
  uint8_t m[64];
  uint64_t t0, worst = 0;
  int failures = 0, ok_after = 0, restarted = 0, i, st, gap = 0;
  char cmd[1024];
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  snprintf(cmd, sizeof cmd, "%s >/dev/null 2>&1", rt_env("MITCH_REDIS_RESTART"));
  for (i = 1; i <= 150; i++) {
    size_t n = rt_trade(m, sizeof m, (uint32_t)i, 1);
    uint64_t took;
    if (i == 30) {
      ck_assert_int_eq(system(cmd), 0); /* SIGKILL, start again on the same port */
      restarted = 1;
    }
    t0 = rt_now_ms();
    st = mitch_redis_publish(r, T_TRADES, m, n, 0);
    took = rt_now_ms() - t0;
    if (took > worst)
      worst = took;
    ck_assert_msg(took <= 2 * timeout + 200, "publish %d took %llu ms (status %d)", i,
                  (unsigned long long)took, st);
    if (st != MITCH_OK) {
      ck_assert_msg(st == MITCH_REDIS_ERR_CONNECTION || st == MITCH_REDIS_ERR_CONNECT ||
                        st == MITCH_REDIS_ERR_TIMEOUT,
                    "publish %d: %d %s", i, st, mitch_redis_last_error(r));
      failures++;
    } else if (restarted) {
      ok_after++;
    }
    rt_sleep_ms(10);
  }
  ck_assert_int_ge(failures, 1); /* the loss was noticed */
  ck_assert_int_ge(ok_after, 100); /* and the publisher reconnected */
  /* The subscriber: what came before the restart, then a GAP (the server
     restarted), then new messages again. */
  for (i = 0; i < 200 && !gap; i++) {
    st = mitch_redis_receive(s, 2000, &d);
    ck_assert_msg(st == MITCH_OK, "receive: %d %s", st, mitch_redis_subscriber_last_error(s));
    if (d.kind == MITCH_REDIS_GAP) {
      ck_assert_int_eq(d.status, MITCH_REDIS_ERR_RESTARTED);
      ck_assert_ptr_nonnull(strstr(d.reason, "restarted"));
      gap = 1;
    } else {
      ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
      ck_assert_uint_lt(rt_trade_seq(d.data), 30);
    }
  }
  ck_assert_msg(gap, "no GAP delivery");
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, rt_trade(m, sizeof m, 999, 1), 0),
                   MITCH_OK);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  ck_assert_uint_eq(rt_trade_seq(d.data), 999);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

START_TEST(slow_subscriber_dropped) {
  const char *url = rt_env("MITCH_REDIS_SLOW_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  mitch_redis_delivery d;
  static uint8_t m[8 + 255 * 32];
  size_t n = rt_trade(m, sizeof m, 1, 255), got = 0;
  int i, st, gap = 0;
  ck_assert_int_eq(mitch_redis_subscribe(s, T_TRADES, 0), MITCH_OK);
  mitch_redis_set_pipeline(r, 64);
  /* 64 MB while the subscriber sleeps: far past the 64 kB limit and any
     socket buffers. */
  for (i = 0; i < 8000; i++)
    ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  for (;;) {
    st = mitch_redis_receive(s, 3000, &d);
    ck_assert_msg(st == MITCH_OK, "receive: %d %s", st, mitch_redis_subscriber_last_error(s));
    if (d.kind == MITCH_REDIS_GAP)
      break;
    ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
    got++;
  }
  gap = 1;
  ck_assert_int_eq(d.status, MITCH_REDIS_ERR_DROPPED);
  ck_assert_msg(got < 8000, "all %zu arrived: the server did not drop the subscriber", got);
  /* Subscribed again: a new message arrives. */
  ck_assert_int_eq(mitch_redis_set_pipeline(r, 1), MITCH_OK);
  ck_assert_int_eq(mitch_redis_publish(r, T_TRADES, m, n, 0), MITCH_OK);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  ck_assert(gap);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

START_TEST(killed_subscription_renewed) {
  const char *url = rt_env("MITCH_REDIS_URL");
  mitch_redis_subscriber *s = subscriber_ok(url);
  mitch_redis *r = connect_ok(url, 2000);
  redisContext *raw = rt_raw(rt_url_port(url));
  mitch_redis_delivery d;
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 12, 1);
  uint32_t ch = (707u << 16) | ('t' << 8);
  ck_assert_int_eq(mitch_redis_subscribe(s, ch, 0), MITCH_OK);
  ck_assert_int_eq(mitch_redis_psubscribe(s, "463636*", 0), MITCH_OK); /* 707 <<16 | t << 8 */
  ck_assert_int_ge(rt_int(raw, "CLIENT KILL TYPE pubsub"), 1);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_GAP);
  ck_assert_int_eq(d.status, MITCH_REDIS_ERR_DROPPED);
  /* Both subscriptions are back. */
  ck_assert_int_eq(mitch_redis_publish(r, ch, m, n, 0), MITCH_OK);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  receive_ok(s, &d);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  nothing_more(s);
  redisFree(raw);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

/* ---- threads: one handle each, no shared state ------------------------------ */

struct thread_job {
  const char *url;
  uint32_t channel;
  int ok;
};

static void *thread_pair(void *arg) {
  struct thread_job *j = arg;
  mitch_redis *r = NULL;
  mitch_redis_subscriber *s = NULL;
  mitch_redis_delivery d;
  uint8_t m[64];
  uint32_t i;
  j->ok = 0;
  if (mitch_redis_subscriber_open(j->url, 2000, &s, NULL, 0) != MITCH_OK ||
      mitch_redis_subscribe(s, j->channel, 0) != MITCH_OK ||
      mitch_redis_connect(j->url, 2000, &r, NULL, 0) != MITCH_OK)
    goto out;
  mitch_redis_set_pipeline(r, 16);
  for (i = 1; i <= 2000; i++) {
    size_t n = rt_trade(m, sizeof m, i, 1);
    if (mitch_redis_publish(r, j->channel, m, n, 0) != MITCH_OK)
      goto out;
  }
  if (mitch_redis_flush(r) != MITCH_OK)
    goto out;
  for (i = 1; i <= 2000; i++)
    if (mitch_redis_receive(s, 2000, &d) != MITCH_OK || d.kind != MITCH_REDIS_MESSAGE ||
        d.channel_id != j->channel || rt_trade_seq(d.data) != i)
      goto out;
  j->ok = mitch_redis_receive(s, 100, &d) == MITCH_REDIS_AGAIN;
out:
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
  return NULL;
}

START_TEST(independent_handles_in_threads) {
  pthread_t t[4];
  struct thread_job j[4];
  int i;
  for (i = 0; i < 4; i++) {
    j[i].url = rt_env("MITCH_REDIS_URL");
    j[i].channel = ((uint32_t)(800 + i) << 16) | ('t' << 8);
    ck_assert_int_eq(pthread_create(&t[i], NULL, thread_pair, &j[i]), 0);
  }
  for (i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    ck_assert_msg(j[i].ok, "thread %d", i);
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("libmitch-redis on a real server");
  TCase *tc = tu_tcase("pub/sub");
  tcase_add_test(tc, pubsub_every_message_both_spellings);
  tcase_add_test(tc, pubsub_bare_bodies);
  tcase_add_test(tc, pubsub_patterns);
  tcase_add_test(tc, foreign_payloads_reported_and_skipped);
  tcase_add_test(tc, publisher_refuses_bad_messages);
  tcase_add_test(tc, pipelined_in_order);
  tcase_add_test(tc, event_loop_descriptor);
  suite_add_tcase(s, tc);
  tc = tu_tcase("streams and snapshots");
  tcase_add_test(tc, streams_every_message_through_a_group);
  tcase_add_test(tc, consumer_rereads_unacknowledged);
  tcase_add_test(tc, stream_cap_and_bare_entries);
  tcase_add_test(tc, snapshot_keys);
  suite_add_tcase(s, tc);
  tc = tu_tcase("connecting");
  tcase_add_test(tc, unix_socket_and_database);
  tcase_add_test(tc, credentials_and_urls);
  tcase_add_test(tc, refused_port_fails_fast);
  tcase_add_test(tc, paused_server_times_out);
  suite_add_tcase(s, tc);
  tc = tu_tcase("losing the connection");
  tcase_add_test(tc, server_restarted_under_a_publisher);
  tcase_add_test(tc, slow_subscriber_dropped);
  tcase_add_test(tc, killed_subscription_renewed);
  tcase_add_test(tc, independent_handles_in_threads);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
