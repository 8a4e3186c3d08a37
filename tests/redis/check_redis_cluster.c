/*
 * check_redis_cluster.c - libmitch-redis on a 3-master Redis Cluster
 * (tests/redis/cluster-tests.sh starts it).
 *
 * The library's hash slots agree with the cluster's CLUSTER KEYSLOT; sharded
 * channels and streams spread over all three masters arrive bit-exact
 * through handles connected to other nodes; plain PUBLISH is broadcast;
 * MOVED (a forgotten slot map) and ASK (a slot in migration) are followed,
 * which the servers' own error statistics confirm.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "redis_test.h"

static int ports[3];
static char urls[3][64];

static void load_cluster(void) {
  const char *p = rt_env("MITCH_REDIS_CLUSTER_PORTS");
  int i;
  ck_assert_int_eq(sscanf(p, "%d %d %d", &ports[0], &ports[1], &ports[2]), 3);
  for (i = 0; i < 3; i++)
    snprintf(urls[i], sizeof urls[i], "redis://127.0.0.1:%d", ports[i]);
}

static mitch_redis *connect_node(int i) {
  mitch_redis *r = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  ck_assert_msg(mitch_redis_connect(urls[i], 2000, &r, why, sizeof why) == MITCH_OK, "%s", why);
  ck_assert_int_eq(mitch_redis_is_cluster(r), 1);
  return r;
}

static mitch_redis_subscriber *subscriber_node(int i) {
  mitch_redis_subscriber *s = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  ck_assert_msg(mitch_redis_subscriber_open(urls[i], 2000, &s, why, sizeof why) == MITCH_OK,
                "%s", why);
  return s;
}

/* Which of the three nodes owns a slot, from CLUSTER SLOTS on node 0. */
static int owner_of(unsigned slot) {
  redisContext *raw = rt_raw(ports[0]);
  redisReply *r = rt_cmd(raw, "CLUSTER SLOTS");
  size_t i;
  int owner = -1, j;
  for (i = 0; i < r->elements; i++) {
    redisReply *e = r->element[i];
    if ((long long)slot >= e->element[0]->integer && (long long)slot <= e->element[1]->integer)
      for (j = 0; j < 3; j++)
        if (e->element[2]->element[1]->integer == ports[j])
          owner = j;
  }
  freeReplyObject(r);
  redisFree(raw);
  ck_assert_int_ge(owner, 0);
  return owner;
}

static long long errorstat(int node, const char *name) {
  redisContext *raw = rt_raw(ports[node]);
  redisReply *r = rt_cmd(raw, "INFO errorstats");
  char key[64];
  const char *p;
  long long v = 0;
  snprintf(key, sizeof key, "errorstat_%s:count=", name);
  p = strstr(r->str, key);
  if (p)
    v = atoll(p + strlen(key));
  freeReplyObject(r);
  redisFree(raw);
  return v;
}

static uint32_t trade_channel(unsigned provider) {
  return ((uint32_t)provider << 16) | ('t' << 8);
}

START_TEST(slots_agree_with_the_cluster) {
  redisContext *raw;
  size_t i, checked = 0;
  uint8_t types[256];
  size_t n_types = 0;
  unsigned t;
  load_cluster();
  raw = rt_raw(ports[0]);
  for (t = 0; t < 256; t++) { /* the type bytes, as the library knows them */
    size_t body_size;
    if (mitch_body_size((uint8_t)t, &body_size) == MITCH_OK)
      types[n_types++] = (uint8_t)t;
  }
  ck_assert_uint_ge(n_types, 5);
  for (i = 0; i < 2000; i++) {
    char key[MR_KEY_MAX + 8];
    size_t len;
    long long want;
    uint32_t ch = ((uint32_t)(i * 37 % 65536) << 16) | ((uint32_t)types[i % n_types] << 8);
    switch (i % 4) {
    case 0:
      mitch_redis_channel_name(ch, 0, key, sizeof key, &len);
      break;
    case 1: /* binary names: any byte, braces included */
      mitch_redis_channel_name(ch, MITCH_REDIS_BINARY_CHANNEL, key, sizeof key, &len);
      break;
    case 2:
      len = mr_stream_key(ch, key);
      break;
    default:
      len = mr_snapshot_key(ch, i * 0x9E3779B97F4A7C15ull, key);
      break;
    }
    want = rt_int(raw, "CLUSTER KEYSLOT %b", key, len);
    ck_assert_msg((long long)mr_key_slot(key, len) == want, "key %zu: %u, cluster says %lld", i,
                  mr_key_slot(key, len), want);
    checked++;
  }
  {
    static const char *const tagged[] = {"{a}b", "x{}{y}", "{{z}}", "p{q}{r}", "{", "}{", "{}"};
    for (i = 0; i < sizeof tagged / sizeof tagged[0]; i++)
      ck_assert_int_eq((long long)mr_key_slot(tagged[i], strlen(tagged[i])),
                       rt_int(raw, "CLUSTER KEYSLOT %s", tagged[i]));
  }
  ck_assert_uint_eq(checked, 2000);
  redisFree(raw);
}
END_TEST

START_TEST(sharded_pubsub_on_every_master) {
  mitch_redis_subscriber *s;
  mitch_redis *r;
  uint8_t m[64];
  int owners[3] = {0, 0, 0};
  unsigned p;
  load_cluster();
  s = subscriber_node(0);
  r = connect_node(1);
  for (p = 1000; p < 1064; p++) {
    char name[16];
    size_t len;
    ck_assert_int_eq(mitch_redis_channel_name(trade_channel(p), 0, name, sizeof name, &len),
                     MITCH_OK);
    owners[owner_of(mr_key_slot(name, len))]++;
    ck_assert_int_eq(mitch_redis_subscribe(s, trade_channel(p), MITCH_REDIS_SHARDED), MITCH_OK);
    ck_assert_int_eq(mitch_redis_subscribe(s, trade_channel(p),
                                           MITCH_REDIS_SHARDED | MITCH_REDIS_BINARY_CHANNEL),
                     MITCH_OK);
  }
  ck_assert_msg(owners[0] && owners[1] && owners[2], "channels on %d/%d/%d nodes", owners[0],
                owners[1], owners[2]);
  for (p = 1000; p < 1064; p++) {
    size_t n = rt_trade(m, sizeof m, p, 1);
    ck_assert_int_eq(mitch_redis_publish(r, trade_channel(p), m, n, MITCH_REDIS_SHARDED),
                     MITCH_OK);
    ck_assert_int_eq(mitch_redis_publish(r, trade_channel(p), m, n,
                                         MITCH_REDIS_SHARDED | MITCH_REDIS_BINARY_CHANNEL),
                     MITCH_OK);
  }
  {
    int seen[64][2];
    size_t i;
    memset(seen, 0, sizeof seen);
    for (i = 0; i < 128; i++) {
      mitch_redis_delivery d;
      unsigned pp;
      ck_assert_int_eq(mitch_redis_receive(s, 2000, &d), MITCH_OK);
      ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
      ck_assert(d.flags & MITCH_REDIS_SHARDED);
      pp = d.channel_id >> 16;
      ck_assert(pp >= 1000 && pp < 1064);
      ck_assert_uint_eq(rt_trade_seq(d.data), pp);
      rt_trade(m, sizeof m, pp, 1);
      TU_ASSERT_BYTES(d.data, m, d.size);
      seen[pp - 1000][!!(d.flags & MITCH_REDIS_BINARY_CHANNEL)]++;
    }
    for (i = 0; i < 64; i++)
      ck_assert(seen[i][0] == 1 && seen[i][1] == 1);
  }
  {
    mitch_redis_delivery d;
    ck_assert_int_eq(mitch_redis_receive(s, 200, &d), MITCH_REDIS_AGAIN);
  }
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

START_TEST(plain_publish_is_broadcast) {
  rt_corpus c;
  mitch_redis_subscriber *s;
  mitch_redis *r;
  size_t i, k;
  load_cluster();
  rt_load_sample(&c);
  s = subscriber_node(0);
  r = connect_node(2);
  ck_assert_int_eq(mitch_redis_psubscribe(s, "66*", 0), MITCH_OK);
  for (i = 0; i < c.n; i++) {
    int st = mitch_redis_subscribe(s, rt_channel(&c, i, 101), 0);
    ck_assert(st == MITCH_OK || st == MITCH_REDIS_ERR_STATE);
  }
  for (i = 0; i < c.n; i++)
    ck_assert_int_eq(mitch_redis_publish(r, rt_channel(&c, i, 101), rt_msg(&c, i), c.len[i], 0),
                     MITCH_OK);
  /* Each message twice (channel and pattern), in publishing order per
     subscription kind. */
  {
    size_t next[2] = {0, 0};
    for (k = 0; k < 2 * c.n; k++) {
      mitch_redis_delivery d;
      int pat;
      ck_assert_int_eq(mitch_redis_receive(s, 2000, &d), MITCH_OK);
      ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
      pat = !!(d.flags & MITCH_REDIS_PATTERN);
      i = next[pat]++;
      ck_assert_uint_eq(d.size, c.len[i]);
      TU_ASSERT_BYTES(d.data, rt_msg(&c, i), c.len[i]);
    }
  }
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
  free(c.data);
}
END_TEST

START_TEST(streams_on_every_master) {
  mitch_redis *r;
  mitch_redis_consumer *k;
  uint32_t ch[64];
  uint32_t next[64];
  int owners[3] = {0, 0, 0};
  uint8_t m[64];
  size_t i, total = 0;
  char why[MITCH_REDIS_ERROR_SIZE];
  load_cluster();
  r = connect_node(1);
  mitch_redis_set_pipeline(r, 16);
  for (i = 0; i < 64; i++) {
    char key[MR_KEY_MAX];
    uint32_t seq;
    ch[i] = trade_channel(2000 + (unsigned)i);
    owners[owner_of(mr_key_slot(key, mr_stream_key(ch[i], key)))]++;
    for (seq = 1; seq <= 20; seq++) {
      size_t n = rt_trade(m, sizeof m, (uint32_t)i * 100 + seq, 1);
      ck_assert_int_eq(mitch_redis_stream_append(r, ch[i], m, n, 1000, 0, NULL), MITCH_OK);
    }
    next[i] = 1;
  }
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  ck_assert(owners[0] && owners[1] && owners[2]);
  ck_assert_int_eq(mitch_redis_consumer_open(urls[2], 2000, "g", "c", ch, 64, 0, &k, why,
                                             sizeof why),
                   MITCH_OK);
  for (;;) {
    mitch_redis_delivery d;
    int st = mitch_redis_consumer_receive(k, 1000, &d);
    if (st == MITCH_REDIS_AGAIN)
      break;
    ck_assert_msg(st == MITCH_OK, "%d %s", st, mitch_redis_consumer_last_error(k));
    ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
    i = (d.channel_id >> 16) - 2000;
    ck_assert_uint_lt(i, 64);
    ck_assert_uint_eq(rt_trade_seq(d.data), i * 100 + next[i]); /* in order per stream */
    rt_trade(m, sizeof m, (uint32_t)(i * 100 + next[i]), 1);
    TU_ASSERT_BYTES(d.data, m, d.size);
    next[i]++;
    total++;
    ck_assert_int_eq(mitch_redis_consumer_ack(k, &d), MITCH_OK);
  }
  ck_assert_uint_eq(total, 64 * 20);
  ck_assert_int_eq(mitch_redis_consumer_flush(k), MITCH_OK);
  mitch_redis_consumer_close(k);
  /* Every stream's group has nothing pending, on whichever node. */
  for (i = 0; i < 64; i++) {
    char key[MR_KEY_MAX];
    size_t len = mr_stream_key(ch[i], key);
    redisContext *raw = rt_raw(ports[owner_of(mr_key_slot(key, len))]);
    redisReply *p = rt_cmd(raw, "XPENDING %b g", key, len);
    ck_assert_int_eq(p->type, REDIS_REPLY_ARRAY);
    ck_assert_int_eq(p->element[0]->integer, 0);
    freeReplyObject(p);
    redisFree(raw);
  }
  mitch_redis_close(r);
}
END_TEST

START_TEST(moved_is_followed) {
  mitch_redis *r;
  mitch_redis_subscriber *s;
  mitch_redis_delivery d;
  uint8_t m[64], out[64];
  size_t n, size, i;
  long long before;
  unsigned p, away = 0;
  load_cluster();
  /* A channel whose stream and name live off node 0. */
  for (p = 3000;; p++) {
    char key[MR_KEY_MAX], name[16];
    size_t len;
    ck_assert_int_eq(mitch_redis_channel_name(trade_channel(p), 0, name, sizeof name, &len),
                     MITCH_OK);
    if (owner_of(mr_key_slot(key, mr_stream_key(trade_channel(p), key))) != 0 &&
        owner_of(mr_key_slot(name, len)) != 0) {
      away = p;
      break;
    }
  }
  before = errorstat(0, "MOVED");
  r = connect_node(0);
  s = subscriber_node(0);
  mr_forget_slots(r);
  mr_subscriber_forget_slots(s);
  ck_assert_int_eq(mitch_redis_subscribe(s, trade_channel(away), MITCH_REDIS_SHARDED), MITCH_OK);
  n = rt_trade(m, sizeof m, 42, 1);
  ck_assert_int_eq(mitch_redis_stream_append(r, trade_channel(away), m, n, 0,
                                             MITCH_REDIS_SNAPSHOT, NULL),
                   MITCH_OK);
  mr_forget_slots(r);
  ck_assert_int_eq(mitch_redis_snapshot_get(r, trade_channel(away), 0x0305153138900000ull, out,
                                            sizeof out, &size),
                   MITCH_OK);
  TU_ASSERT_BYTES(out, m, n);
  mr_forget_slots(r);
  ck_assert_int_eq(mitch_redis_publish(r, trade_channel(away), m, n, MITCH_REDIS_SHARDED),
                   MITCH_OK);
  ck_assert_int_eq(mitch_redis_receive(s, 2000, &d), MITCH_OK);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  TU_ASSERT_BYTES(d.data, m, n);
  /* Pipelined, with the map forgotten in the middle. */
  mitch_redis_set_pipeline(r, 8);
  for (i = 0; i < 100; i++) {
    if (i == 50)
      mr_forget_slots(r);
    ck_assert_int_eq(mitch_redis_stream_append(r, trade_channel(away), m, n, 0, 0, NULL),
                     MITCH_OK);
  }
  ck_assert_int_eq(mitch_redis_flush(r), MITCH_OK);
  ck_assert_int_ge(errorstat(0, "MOVED"), before + 4);
  {
    char key[MR_KEY_MAX];
    size_t len = mr_stream_key(trade_channel(away), key);
    redisContext *raw = rt_raw(ports[owner_of(mr_key_slot(key, len))]);
    ck_assert_int_eq(rt_int(raw, "XLEN %b", key, len), 101);
    redisFree(raw);
  }
  mitch_redis_close(r);
  mitch_redis_subscriber_close(s);
}
END_TEST

/* A slot in migration from node A to node B: A answers ASK for a key it
   does not have; then the slot moves for good and the stale map meets
   MOVED.  Last of the suite: it changes the cluster. */
START_TEST(ask_is_followed) {
  char key[MR_KEY_MAX], ids[3][64];
  size_t len;
  unsigned p, slot;
  int a, b, i;
  long long asks;
  mitch_redis *r;
  uint8_t m[64];
  size_t n = rt_trade(m, sizeof m, 7, 1);
  redisContext *ra, *rb;
  redisReply *x;
  load_cluster();
  p = 4000;
  len = mr_stream_key(trade_channel(p), key);
  slot = mr_key_slot(key, len);
  a = owner_of(slot);
  b = (a + 1) % 3;
  for (i = 0; i < 3; i++) {
    redisContext *raw = rt_raw(ports[i]);
    x = rt_cmd(raw, "CLUSTER MYID");
    ck_assert_int_eq(x->type, REDIS_REPLY_STRING);
    snprintf(ids[i], sizeof ids[i], "%s", x->str);
    freeReplyObject(x);
    redisFree(raw);
  }
  r = connect_node(a); /* its map says: slot -> a */
  ra = rt_raw(ports[a]);
  rb = rt_raw(ports[b]);
  x = rt_cmd(rb, "CLUSTER SETSLOT %u IMPORTING %s", slot, ids[a]);
  ck_assert_msg(x->type == REDIS_REPLY_STATUS, "%s", x->str);
  freeReplyObject(x);
  x = rt_cmd(ra, "CLUSTER SETSLOT %u MIGRATING %s", slot, ids[b]);
  ck_assert_msg(x->type == REDIS_REPLY_STATUS, "%s", x->str);
  freeReplyObject(x);
  asks = errorstat(a, "ASK");
  ck_assert_int_eq(mitch_redis_stream_append(r, trade_channel(p), m, n, 0, 0, NULL), MITCH_OK);
  ck_assert_int_eq(errorstat(a, "ASK"), asks + 1);
  freeReplyObject(rt_cmd(rb, "ASKING"));
  ck_assert_int_eq(rt_int(rb, "XLEN %b", key, len), 1);
  for (i = 0; i < 3; i++) {
    redisContext *raw = rt_raw(ports[i]);
    x = rt_cmd(raw, "CLUSTER SETSLOT %u NODE %s", slot, ids[b]);
    ck_assert_msg(x->type == REDIS_REPLY_STATUS, "%s", x->str);
    freeReplyObject(x);
    redisFree(raw);
  }
  /* The map still says a: MOVED now, and the map learns b. */
  ck_assert_int_eq(mitch_redis_stream_append(r, trade_channel(p), m, n, 0, 0, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_redis_stream_append(r, trade_channel(p), m, n, 0, 0, NULL), MITCH_OK);
  ck_assert_int_eq(rt_int(rb, "XLEN %b", key, len), 3);
  redisFree(ra);
  redisFree(rb);
  mitch_redis_close(r);
}
END_TEST

int main(void) {
  Suite *s = suite_create("libmitch-redis on a Redis Cluster");
  TCase *tc = tu_tcase("cluster");
  tcase_add_test(tc, slots_agree_with_the_cluster);
  tcase_add_test(tc, sharded_pubsub_on_every_master);
  tcase_add_test(tc, plain_publish_is_broadcast);
  tcase_add_test(tc, streams_on_every_master);
  tcase_add_test(tc, moved_is_followed);
  tcase_add_test(tc, ask_is_followed);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
