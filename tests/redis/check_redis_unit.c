/*
 * check_redis_unit.c - libmitch-redis without a server: URLs, channel
 * names, hash slots, RESP commands, payload judgement, the API's answers
 * to hostile arguments.
 *
 * Expected values come from the documents, not from the code: transport.md
 * (channel 6648576 is "6648576" or 00 73 65 00), the Redis Cluster
 * specification (CRC16 of "123456789" is 0x31C3; hash-tag rules with its
 * own examples), protocol.md (the header layout), mitch.h (which status
 * each kind of damage gets).  The slots of real keys are checked against a
 * real cluster's CLUSTER KEYSLOT in check_redis_cluster.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "test_util.h"

/* ---- URLs ---------------------------------------------------------------- */

START_TEST(url_tcp_forms) {
  mr_url u;
  char err[MR_ERROR_SIZE];
  ck_assert_int_eq(mr_url_parse("redis://127.0.0.1:6390/3", &u, err), MITCH_OK);
  ck_assert_str_eq(u.host, "127.0.0.1");
  ck_assert_int_eq(u.port, 6390);
  ck_assert_int_eq(u.db, 3);
  ck_assert_int_eq(u.is_unix, 0);
  ck_assert_int_eq(u.has_password, 0);

  ck_assert_int_eq(mr_url_parse("redis://localhost", &u, err), MITCH_OK);
  ck_assert_str_eq(u.host, "localhost");
  ck_assert_int_eq(u.port, 6379);
  ck_assert_int_eq(u.db, 0);

  ck_assert_int_eq(mr_url_parse("REDIS://h:1/", &u, err), MITCH_OK);
  ck_assert_int_eq(u.port, 1);
  ck_assert_int_eq(u.db, 0);

  ck_assert_int_eq(mr_url_parse("redis://[::1]:7000/0", &u, err), MITCH_OK);
  ck_assert_str_eq(u.host, "::1");
  ck_assert_int_eq(u.port, 7000);
}
END_TEST

START_TEST(url_credentials) {
  mr_url u;
  char err[MR_ERROR_SIZE];
  ck_assert_int_eq(mr_url_parse("redis://:s3cret@h:1", &u, err), MITCH_OK);
  ck_assert_int_eq(u.has_user, 0);
  ck_assert_int_eq(u.has_password, 1);
  ck_assert_str_eq(u.password, "s3cret");

  ck_assert_int_eq(mr_url_parse("redis://alice:won%40der%3Aland@h:1/2", &u, err), MITCH_OK);
  ck_assert_int_eq(u.has_user, 1);
  ck_assert_str_eq(u.user, "alice");
  ck_assert_str_eq(u.password, "won@der:land");
  ck_assert_int_eq(u.db, 2);

  /* The last '@' ends the user information. */
  ck_assert_int_eq(mr_url_parse("redis://a:b@c@h:1", &u, err), MITCH_OK);
  ck_assert_str_eq(u.password, "b@c");
  ck_assert_str_eq(u.host, "h");

  ck_assert_int_eq(mr_url_parse("redis://alice@h:1", &u, err), MITCH_REDIS_ERR_URL);
  ck_assert_ptr_nonnull(strstr(err, "password"));
  ck_assert_int_eq(mr_url_parse("redis://a:%zz@h", &u, err), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(mr_url_parse("redis://a:%4@h", &u, err), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(mr_url_parse("redis://a:%00@h", &u, err), MITCH_REDIS_ERR_URL);
}
END_TEST

START_TEST(url_unix) {
  mr_url u;
  char err[MR_ERROR_SIZE];
  ck_assert_int_eq(mr_url_parse("unix:///run/redis/redis.sock", &u, err), MITCH_OK);
  ck_assert_int_eq(u.is_unix, 1);
  ck_assert_str_eq(u.path, "/run/redis/redis.sock");
  ck_assert_int_eq(u.db, 0);
  ck_assert_int_eq(mr_url_parse("unix://:pw@/tmp/s?db=5", &u, err), MITCH_OK);
  ck_assert_str_eq(u.path, "/tmp/s");
  ck_assert_str_eq(u.password, "pw");
  ck_assert_int_eq(u.db, 5);
  ck_assert_int_eq(mr_url_parse("unix://host/tmp/s", &u, err), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(mr_url_parse("unix://", &u, err), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(mr_url_parse("unix:///tmp/s?timeout=3", &u, err), MITCH_REDIS_ERR_URL);
}
END_TEST

START_TEST(url_refused) {
  static const char *const bad[] = {
      "",
      "redis://",
      "redis://:6379",
      "redis://h:0",
      "redis://h:65536",
      "redis://h:12ab",
      "redis://h:6379/x",
      "redis://h:6379/1?db=2",
      "redis://h#frag",
      "redis://h o",
      "redis://h\n",
      "redis://h\xc3\xa9",
      "redis://[::1",
      "redis://[]:1",
      "redis://[::1]x:1",
      "redis://h!:1",
      "http://h:6379",
      "h:6379",
      "redis:/h",
  };
  mr_url u;
  char err[MR_ERROR_SIZE];
  size_t i;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    memset(&u, 0x5a, sizeof u);
    ck_assert_msg(mr_url_parse(bad[i], &u, err) == MITCH_REDIS_ERR_URL, "accepted %s", bad[i]);
    ck_assert_msg(err[0] != '\0', "no reason for %s", bad[i]);
    ck_assert_msg(((unsigned char *)&u)[0] == 0x5a, "output touched for %s", bad[i]);
  }
}
END_TEST

START_TEST(url_tls_and_limits) {
  mr_url u;
  char err[MR_ERROR_SIZE], *long_url;
  ck_assert_int_eq(mr_url_parse("rediss://h:6380", &u, err), MITCH_REDIS_ERR_TLS);
  ck_assert_ptr_nonnull(strstr(err, "TLS"));
  ck_assert_int_eq(mr_url_parse(NULL, &u, err), MITCH_ERR_INVALID_DATA);
  long_url = malloc(1 << 20);
  ck_assert_ptr_nonnull(long_url);
  memcpy(long_url, "redis://", 8);
  memset(long_url + 8, 'a', (1 << 20) - 9);
  long_url[(1 << 20) - 1] = '\0';
  ck_assert_int_eq(mr_url_parse(long_url, &u, err), MITCH_REDIS_ERR_URL);
  free(long_url);
  /* A host of 255 bytes fits, 256 does not. */
  {
    char url[300];
    memcpy(url, "redis://", 8);
    memset(url + 8, 'h', 255);
    url[263] = '\0';
    ck_assert_int_eq(mr_url_parse(url, &u, err), MITCH_OK);
    memset(url + 8, 'h', 256);
    url[264] = '\0';
    ck_assert_int_eq(mr_url_parse(url, &u, err), MITCH_REDIS_ERR_URL);
  }
}
END_TEST

/* The public entry points refuse bad URLs before any I/O. */
START_TEST(connect_refuses_without_io) {
  mitch_redis *r = (mitch_redis *)0x1;
  mitch_redis_subscriber *s = (mitch_redis_subscriber *)0x1;
  mitch_redis_consumer *k = (mitch_redis_consumer *)0x1;
  uint32_t ch = 6648576;
  char why[MITCH_REDIS_ERROR_SIZE];
  ck_assert_int_eq(mitch_redis_connect("rediss://127.0.0.1:1", 100, &r, why, sizeof why),
                   MITCH_REDIS_ERR_TLS);
  ck_assert_ptr_eq(r, (mitch_redis *)0x1);
  ck_assert_ptr_nonnull(strstr(why, "TLS"));
  ck_assert_int_eq(mitch_redis_connect("tcp://x", 100, &r, why, sizeof why), MITCH_REDIS_ERR_URL);
  ck_assert_int_eq(mitch_redis_connect(NULL, 100, &r, NULL, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_connect("redis://h", 100, NULL, NULL, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_connect("redis://h", -5, &r, why, sizeof why),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_subscriber_open("rediss://h", 100, &s, NULL, 0),
                   MITCH_REDIS_ERR_TLS);
  ck_assert_ptr_eq(s, (mitch_redis_subscriber *)0x1);
  ck_assert_int_eq(mitch_redis_consumer_open("redis://h", 100, "g", "c", &ch, 0, 0, &k, NULL, 0),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_consumer_open("redis://h", 100, "g g", "c", &ch, 1, 0, &k, why,
                                             sizeof why),
                   MITCH_ERR_INVALID_DATA);
  ch = 6648577;
  ck_assert_int_eq(mitch_redis_consumer_open("redis://h", 100, "g", "c", &ch, 1, 0, &k, NULL, 0),
                   MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_ptr_eq(k, (mitch_redis_consumer *)0x1);
  /* A tiny why buffer is cut, not overrun. */
  why[5] = 'X';
  mitch_redis_connect("rediss://h", 100, &r, why, 4);
  ck_assert_int_eq(why[3], '\0');
  ck_assert_int_eq(why[5], 'X');
}
END_TEST

START_TEST(null_handles) {
  mitch_redis_delivery d;
  uint8_t buf[64];
  size_t n;
  memset(buf, 0, sizeof buf);
  memset(&d, 0, sizeof d);
  ck_assert_int_eq(mitch_redis_publish(NULL, 6648576, buf, 8, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_flush(NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_set_pipeline(NULL, 4), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_snapshot_get(NULL, 6648576, 1, buf, sizeof buf, &n),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_receive(NULL, 0, &d), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_consumer_receive(NULL, 0, &d), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_consumer_ack(NULL, &d), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_subscriber_fd(NULL), -1);
  ck_assert_int_eq(mitch_redis_is_cluster(NULL), 0);
  ck_assert_str_eq(mitch_redis_last_error(NULL), "");
  mitch_redis_close(NULL);
  mitch_redis_subscriber_close(NULL);
  mitch_redis_consumer_close(NULL);
}
END_TEST

START_TEST(status_texts) {
  int codes[] = {MITCH_REDIS_ERR_URL,        MITCH_REDIS_ERR_TLS,       MITCH_REDIS_ERR_CONNECT,
                 MITCH_REDIS_ERR_AUTH,       MITCH_REDIS_ERR_TIMEOUT,   MITCH_REDIS_ERR_CONNECTION,
                 MITCH_REDIS_ERR_SERVER,     MITCH_REDIS_ERR_PROTOCOL,  MITCH_REDIS_ERR_NO_MEMORY,
                 MITCH_REDIS_ERR_CLUSTER,    MITCH_REDIS_ERR_DROPPED,   MITCH_REDIS_ERR_RESTARTED,
                 MITCH_REDIS_ERR_STATE,      MITCH_REDIS_AGAIN};
  size_t i, j;
  const char *generic = mitch_strerror(12345);
  for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    const char *t = mitch_redis_strerror(codes[i]);
    ck_assert_ptr_nonnull(t);
    ck_assert_str_ne(t, generic);
    for (j = 0; j < i; j++)
      ck_assert_str_ne(t, mitch_redis_strerror(codes[j]));
  }
  /* libmitch's own codes keep libmitch's texts. */
  ck_assert_str_eq(mitch_redis_strerror(MITCH_ERR_INVALID_FIELD_VALUE),
                   mitch_strerror(MITCH_ERR_INVALID_FIELD_VALUE));
  ck_assert_ptr_nonnull(mitch_redis_strerror(-7));
  ck_assert_str_eq(mitch_redis_version(), mitch_get_version());
}
END_TEST

/* ---- channel names (transport.md) ---------------------------------------- */

START_TEST(channel_spellings) {
  char out[16];
  size_t len = 0;
  uint32_t id = 0;
  unsigned flags = 99;
  ck_assert_int_eq(mitch_redis_channel_name(6648576, 0, out, sizeof out, &len), MITCH_OK);
  ck_assert_uint_eq(len, 7);
  ck_assert_str_eq(out, "6648576");
  ck_assert_int_eq(mitch_redis_channel_name(6648576, MITCH_REDIS_BINARY_CHANNEL, out, sizeof out,
                                            &len),
                   MITCH_OK);
  ck_assert_uint_eq(len, 4);
  ck_assert_int_eq(memcmp(out, "\x00\x73\x65\x00", 4), 0);
  /* NYSE (861) index 'i' is 56453376 (protocol.md). */
  ck_assert_int_eq(mitch_redis_channel_name(56453376, 0, out, sizeof out, &len), MITCH_OK);
  ck_assert_str_eq(out, "56453376");

  ck_assert_int_eq(mitch_redis_channel_parse("6648576", 7, &id, &flags), MITCH_OK);
  ck_assert_uint_eq(id, 6648576);
  ck_assert_uint_eq(flags, 0);
  ck_assert_int_eq(mitch_redis_channel_parse("\x00\x73\x65\x00", 4, &id, &flags), MITCH_OK);
  ck_assert_uint_eq(id, 6648576);
  ck_assert_uint_eq(flags, MITCH_REDIS_BINARY_CHANNEL);
}
END_TEST

START_TEST(channel_names_refused) {
  static const struct {
    const char *name;
    size_t len;
  } bad[] = {
      {"", 0},           {"06648576", 8},        {"+6648576", 8},       {"6648577", 7},
      {"6648576 ", 8},   {"66485760000", 11},    {"4294967296", 10},    {"25087", 5},
      /* 4 bytes: the low byte first (must be 0), then the type byte */
      {"\x01\x73\x65\x00", 4}, {"\x00\x78\x65\x00", 4}, {"\x00\x00\x65\x00", 4},
      {"\x00\x73\x65", 3}, {"abc", 3},         {"6648576\0", 8},
  };
  char out[16];
  size_t i, len = 77;
  uint32_t id = 77;
  unsigned flags = 77;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ck_assert_msg(mitch_redis_channel_parse(bad[i].name, bad[i].len, &id, &flags) ==
                      MITCH_ERR_INVALID_CHANNEL_ID,
                  "accepted name %zu", i);
    ck_assert_uint_eq(id, 77);
    ck_assert_uint_eq(flags, 77);
  }
  ck_assert_int_eq(mitch_redis_channel_parse(NULL, 3, &id, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_redis_channel_parse("6648576", 7, NULL, NULL), MITCH_ERR_INVALID_DATA);
  /* Smallest valid id: provider 0, type 'b' (0x62) -> 25088, five digits. */
  ck_assert_int_eq(mitch_redis_channel_parse("25088", 5, &id, NULL), MITCH_OK);
  ck_assert_uint_eq(id, 25088);

  ck_assert_int_eq(mitch_redis_channel_name(6648577, 0, out, sizeof out, &len),
                   MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mitch_redis_channel_name(6648576, 0, out, 6, &len), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_redis_channel_name(6648576, MITCH_REDIS_BINARY_CHANNEL, out, 3, &len),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_redis_channel_name(6648576, 0, NULL, 16, &len), MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(len, 77);
  /* Exactly 7 bytes: the name, no NUL. */
  memset(out, 'x', sizeof out);
  ck_assert_int_eq(mitch_redis_channel_name(6648576, 0, out, 7, &len), MITCH_OK);
  ck_assert_int_eq(out[7], 'x');
}
END_TEST

/* ---- hash slots (Redis Cluster specification) ----------------------------- */

START_TEST(crc16_and_hash_tags) {
  ck_assert_uint_eq(mr_crc16("123456789", 9), 0x31C3);
  ck_assert_uint_eq(mr_key_slot("123456789", 9), 0x31C3 & 16383);
  /* Hash tags: the spec's own examples. */
  ck_assert_uint_eq(mr_key_slot("{user1000}.following", 20), mr_key_slot("user1000", 8));
  ck_assert_uint_eq(mr_key_slot("{user1000}.followers", 20), mr_key_slot("user1000", 8));
  ck_assert_uint_eq(mr_key_slot("foo{}{bar}", 10), mr_crc16("foo{}{bar}", 10) & 16383);
  ck_assert_uint_eq(mr_key_slot("foo{{bar}}zap", 13), mr_key_slot("{bar", 4));
  ck_assert_uint_eq(mr_key_slot("foo{bar}{zap}", 13), mr_key_slot("bar", 3));
  ck_assert_uint_eq(mr_key_slot("{", 1), mr_crc16("{", 1) & 16383);
  ck_assert_uint_eq(mr_key_slot("", 0), 0);
}
END_TEST

/* ---- RESP ------------------------------------------------------------------ */

START_TEST(resp_commands) {
  mr_buf b = {0};
  char digits[20];
  static const char want[] = "*3\r\n$7\r\nPUBLISH\r\n$7\r\n6648576\r\n$3\r\na\0b\r\n";
  mr_cmd_begin(&b, 3);
  mr_cmd_arg_str(&b, "PUBLISH");
  mr_cmd_arg_u64(&b, 6648576);
  mr_cmd_arg(&b, "a\0b", 3);
  ck_assert_int_eq(b.failed, 0);
  ck_assert_uint_eq(b.len, sizeof want - 1);
  ck_assert_int_eq(memcmp(b.data, want, b.len), 0);
  mr_buf_clear(&b);
  mr_cmd_begin(&b, 1);
  mr_cmd_arg(&b, "", 0);
  ck_assert_uint_eq(b.len, 10);
  ck_assert_int_eq(memcmp(b.data, "*1\r\n$0\r\n\r\n", 10), 0);
  mr_buf_free(&b);
  ck_assert_uint_eq(mr_u64_text(0, digits), 1);
  ck_assert_uint_eq(mr_u64_text(UINT64_MAX, digits), 20);
  ck_assert_int_eq(memcmp(digits, "18446744073709551615", 20), 0);
}
END_TEST

START_TEST(redirect_replies) {
  redisReply r;
  char host[64];
  unsigned slot = 0;
  int port = 0;
  memset(&r, 0, sizeof r);
  r.type = REDIS_REPLY_ERROR;
  r.str = (char *)"MOVED 3999 127.0.0.1:6381";
  r.len = strlen(r.str);
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 1);
  ck_assert_uint_eq(slot, 3999);
  ck_assert_str_eq(host, "127.0.0.1");
  ck_assert_int_eq(port, 6381);
  r.str = (char *)"ASK 16383 ::1:7000";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 2);
  ck_assert_uint_eq(slot, 16383);
  ck_assert_str_eq(host, "::1");
  ck_assert_int_eq(port, 7000);
  r.str = (char *)"MOVED 16384 h:1";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 0);
  r.str = (char *)"MOVED 1 h:99999";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 0);
  r.str = (char *)"MOVED x h:1";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 0);
  r.str = (char *)"ERR MOVED 1 h:1";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 0);
  r.type = REDIS_REPLY_STRING;
  r.str = (char *)"MOVED 1 h:1";
  ck_assert_int_eq(mr_parse_redirect(&r, &slot, host, sizeof host, &port), 0);
}
END_TEST

/* ---- payloads -------------------------------------------------------------- */

/* A valid one-trade message, built through libmitch's encoder. */
static size_t trade_message(uint8_t *out, size_t cap, double price, uint32_t trade_id) {
  mitch_trade t;
  size_t n = 0;
  memset(&t, 0, sizeof t);
  t.ticker_id = 0x0305153138900000ull;
  t.price = price;
  t.quantity = 10;
  t.trade_id = trade_id;
  t.side = MITCH_SIDE_SELL;
  ck_assert_int_eq(mitch_message_encode(MITCH_MSG_TRADE, 1234, &t, 1, out, cap, &n), MITCH_OK);
  return n;
}

static void judge(const uint8_t *p, size_t n, uint32_t channel, unsigned flags,
                  mitch_redis_delivery *d, uint8_t *frame) {
  memset(d, 0, sizeof *d);
  d->receive_time = 987654321;
  mr_judge_payload(p, n, channel, mitch_validate_channel(channel) == MITCH_OK, flags, frame, d);
}

START_TEST(payload_whole_messages) {
  uint8_t m[128], frame[MR_FRAME_MAX];
  mitch_redis_delivery d;
  const uint32_t trades = 6648832, ticks = 6648576; /* provider 101 't', 's' */
  size_t n = trade_message(m, sizeof m, 1.25, 7);

  judge(m, n, trades, 0, &d, frame);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  ck_assert_int_eq(d.status, MITCH_OK);
  ck_assert_ptr_eq(d.data, m);
  ck_assert_uint_eq(d.size, n);

  judge(m, 0, trades, 0, &d, frame);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_BUFFER_TOO_SMALL);

  judge(m, n - 1, trades, 0, &d, frame); /* truncated */
  ck_assert_int_eq(d.status, MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_ptr_eq(d.data, m);
  ck_assert_uint_eq(d.size, n - 1);

  judge(m, n, ticks, 0, &d, frame); /* a trade on the tick channel */
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_MESSAGE_TYPE);

  judge(m, n, 6648577, 0, &d, frame); /* a name that is no channel */
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_CHANNEL_ID);

  memcpy(m + n, m, n); /* two messages in one payload */
  judge(m, 2 * n, trades, 0, &d, frame);
  ck_assert_int_eq(d.kind, MITCH_REDIS_DAMAGED);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_DATA);
  ck_assert_uint_eq(d.error.offset, n);
  ck_assert_int_eq(d.error.status, MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(d.error.field, -1);
  ck_assert(d.error.rule[0] != '\0');
  /* A bad type of message on the right channel is still the framing's
     error: the framing is checked before anything else. */
  m[n] = 'x';
  judge(m, 2 * n, trades, 0, &d, frame);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_DATA);

  judge((const uint8_t *)"hello, world", 12, trades, 0, &d, frame); /* 'h' is no type */
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(d.error.offset, 0);
  ck_assert_str_eq(d.error.field_name, "message_type");
  ck_assert(d.reason[0] != '\0');
  ck_assert_ptr_null(strstr(d.reason, "hello")); /* never the payload's own text */

  /* Price 0 breaks a field rule: protocol.md puts the price at offset 8 of
     the body, 16 in the message; the error names the field and its rule. */
  n = trade_message(m, sizeof m, 1.25, 7);
  memset(m + MITCH_HEADER_SIZE + 8, 0, 8);
  judge(m, n, trades, 0, &d, frame);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(d.error.status, MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(d.error.layout, 't');
  ck_assert_str_eq(d.error.field_name, "price");
  ck_assert(d.error.rule[0] != '\0');
  ck_assert_uint_eq(d.error.offset, MITCH_HEADER_SIZE + 8);
  ck_assert_ptr_nonnull(strstr(d.reason, "price"));
  ck_assert_ptr_nonnull(strstr(d.reason, "offset 16"));
  /* A crossed tick names both fields. */
  {
    mitch_tick t;
    uint8_t tm[64];
    size_t tn;
    memset(&t, 0, sizeof t);
    t.ticker_id = 5;
    t.bid_price = 1.5;
    t.ask_price = 1.6;
    ck_assert_int_eq(mitch_message_encode(MITCH_MSG_TICK, 1, &t, 1, tm, sizeof tm, &tn), MITCH_OK);
    tu_put_f64(tm + MITCH_HEADER_SIZE + 16, 1.4); /* ask below bid */
    judge(tm, tn, ticks, 0, &d, frame);
    ck_assert_int_eq(d.status, MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_str_eq(d.error.field_name, "ask_price");
    ck_assert_str_eq(d.error.other_name, "bid_price");
  }
}
END_TEST

START_TEST(payload_bare_bodies) {
  uint8_t m[128], frame[MR_FRAME_MAX];
  mitch_redis_delivery d;
  mitch_header h;
  const uint32_t trades = 6648832;
  size_t n = trade_message(m, sizeof m, 2.5, 9);
  const uint8_t *body = m + MITCH_HEADER_SIZE;

  judge(body, n - MITCH_HEADER_SIZE, trades, MITCH_REDIS_BARE_BODIES, &d, frame);
  ck_assert_int_eq(d.kind, MITCH_REDIS_MESSAGE);
  ck_assert_ptr_eq(d.data, frame);
  ck_assert_uint_eq(d.size, MITCH_HEADER_SIZE + MITCH_TRADE_SIZE);
  ck_assert(d.flags & MITCH_REDIS_STAMPED);
  TU_ASSERT_BYTES(frame + MITCH_HEADER_SIZE, body, MITCH_TRADE_SIZE);
  /* The header (protocol.md: type at 0, u48 timestamp at 1, count at 7)
     carries the receive time. */
  ck_assert_int_eq(frame[0], 't');
  ck_assert_uint_eq(tu_get_le(frame + 1, 6), 987654321);
  ck_assert_int_eq(frame[7], 1);
  ck_assert_int_eq(mitch_header_decode(frame, MITCH_HEADER_SIZE, &h), MITCH_OK);

  judge(body, MITCH_TRADE_SIZE - 1, trades, MITCH_REDIS_BARE_BODIES, &d, frame);
  ck_assert_int_eq(d.status, MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(d.error.field, -1);
  judge(m, n, trades, MITCH_REDIS_BARE_BODIES, &d, frame); /* a whole message is too long */
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_DATA);
  memset(m + MITCH_HEADER_SIZE + 8, 0, 8); /* price 0 */
  judge(body, MITCH_TRADE_SIZE, trades, MITCH_REDIS_BARE_BODIES, &d, frame);
  ck_assert_int_eq(d.status, MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(d.error.field_name, "price");
  ck_assert_uint_eq(d.error.offset, 8);
  ck_assert(!(d.flags & MITCH_REDIS_STAMPED));
}
END_TEST

START_TEST(outgoing_checks) {
  uint8_t m[128];
  char err[MR_ERROR_SIZE];
  size_t n = trade_message(m, sizeof m, 1.5, 3), bodies = 0;
  ck_assert_int_eq(mr_check_outgoing(6648832, m, n, &bodies, err), MITCH_OK);
  ck_assert_uint_eq(bodies, 1);
  ck_assert_int_eq(mr_check_outgoing(6648576, m, n, &bodies, err),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mr_check_outgoing(6648833, m, n, &bodies, err), MITCH_ERR_INVALID_CHANNEL_ID);
  ck_assert_int_eq(mr_check_outgoing(6648832, NULL, n, &bodies, err), MITCH_ERR_INVALID_DATA);
  memcpy(m + n, "t\0\0", 3); /* bytes after the message */
  ck_assert_int_eq(mr_check_outgoing(6648832, m, n + 3, &bodies, err), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mr_check_outgoing(6648832, m, n - 3, &bodies, err),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_ptr_nonnull(strstr(err, "nothing sent"));
  n = trade_message(m, sizeof m, 1.5, 3);
  memset(m + MITCH_HEADER_SIZE + 20, 0, 4); /* trade_id 0 */
  ck_assert_int_eq(mr_check_outgoing(6648832, m, n, &bodies, err), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_ptr_nonnull(strstr(err, "trade_id"));
}
END_TEST

START_TEST(key_names) {
  char key[MR_KEY_MAX];
  size_t n = mr_stream_key(6648576, key);
  ck_assert_uint_eq(n, 20);
  ck_assert_int_eq(memcmp(key, "mitch:stream:6648576", 20), 0);
  n = mr_snapshot_key(6648576, 18446744073709551615ull, key);
  ck_assert_int_eq(memcmp(key, "mitch:last:6648576:18446744073709551615", n), 0);
  ck_assert_uint_eq(n, 39);
}
END_TEST

int main(void) {
  Suite *s = suite_create("libmitch-redis without a server");
  TCase *tc = tu_tcase("urls");
  tcase_add_test(tc, url_tcp_forms);
  tcase_add_test(tc, url_credentials);
  tcase_add_test(tc, url_unix);
  tcase_add_test(tc, url_refused);
  tcase_add_test(tc, url_tls_and_limits);
  tcase_add_test(tc, connect_refuses_without_io);
  tcase_add_test(tc, null_handles);
  tcase_add_test(tc, status_texts);
  suite_add_tcase(s, tc);
  tc = tu_tcase("names and slots");
  tcase_add_test(tc, channel_spellings);
  tcase_add_test(tc, channel_names_refused);
  tcase_add_test(tc, crc16_and_hash_tags);
  tcase_add_test(tc, resp_commands);
  tcase_add_test(tc, redirect_replies);
  tcase_add_test(tc, key_names);
  suite_add_tcase(s, tc);
  tc = tu_tcase("payloads");
  tcase_add_test(tc, payload_whole_messages);
  tcase_add_test(tc, payload_bare_bodies);
  tcase_add_test(tc, outgoing_checks);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
