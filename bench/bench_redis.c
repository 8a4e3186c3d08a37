/*
 * bench_redis.c - MITCH over Redis: publish -> receive throughput and
 * latency through libmitch-redis, beside the ceiling transport.md names,
 * in one invocation against one server:
 *
 *   ours     a publisher (this thread, mitch_redis_publish, pipelined or
 *            not) and a subscriber (another thread, mitch_redis_receive,
 *            which validates every payload) on one channel; messages/s and
 *            bytes/s from the first publish to the last message received,
 *            latency from the header timestamp (CLOCK_REALTIME at publish)
 *            to the receive time;
 *   ceiling  redis-benchmark -c 1 -P <same depth> -n <same count> PUBLISH
 *            <the same channel> <a payload of the same size>, with the same
 *            subscriber attached (it receives those payloads too: they are
 *            not MITCH, so it reports them damaged and counts them).
 *
 * Trade messages of 1 and of 255 bodies, pipeline depth 1 and 64; each
 * configuration runs ours and the ceiling alternately, 5 times (--runs), and
 * the table shows medians with the range.  Start it through
 * bench/run-bench-redis.sh (make bench-redis), which starts the server.
 *
 *   bench_redis --redis URL [--runs N] [--quick] [--redis-benchmark PATH]
 *               [--only BODIES:DEPTH] [--no-ceiling]
 * (--only and --no-ceiling are for profiling one side of one row.)
 */
#include <config.h>

#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"
#include "mitch-redis.h"

#define CHANNEL ((101u << 16) | ('t' << 8)) /* Binance trades: "6648832" */
#define MAX_RUNS 15

static uint64_t time_of_day_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)(ts.tv_sec % 86400) * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- the subscriber thread ------------------------------------------------ */

struct subscriber {
  mitch_redis_subscriber *s;
  atomic_size_t received;      /* deliveries of any kind since reset */
  atomic_size_t damaged;
  atomic_uint_fast64_t last_ns; /* now_ns() of the latest delivery */
  atomic_int stop;
  int64_t *latency;             /* ns, by trade id (1..capacity) */
  size_t capacity;
};

static void *subscriber_main(void *arg) {
  struct subscriber *sub = arg;
  while (!atomic_load(&sub->stop)) {
    mitch_redis_delivery d;
    int st = mitch_redis_receive(sub->s, 50, &d);
    if (st == MITCH_REDIS_AGAIN)
      continue;
    if (st != MITCH_OK) {
      fprintf(stderr, "bench_redis: receive: %s\n", mitch_redis_subscriber_last_error(sub->s));
      continue;
    }
    if (d.kind == MITCH_REDIS_MESSAGE) {
      mitch_header h;
      mitch_trade t;
      if (mitch_header_decode(d.data, d.size, &h) == MITCH_OK &&
          mitch_trade_decode(d.data + MITCH_HEADER_SIZE, d.size - MITCH_HEADER_SIZE, &t) ==
              MITCH_OK &&
          t.trade_id >= 1 && t.trade_id <= sub->capacity)
        sub->latency[t.trade_id - 1] = (int64_t)d.receive_time - (int64_t)h.timestamp;
    } else if (d.kind == MITCH_REDIS_DAMAGED) {
      atomic_fetch_add(&sub->damaged, 1);
    }
    atomic_store(&sub->last_ns, (uint_fast64_t)now_ns());
    atomic_fetch_add_explicit(&sub->received, 1, memory_order_release);
  }
  return NULL;
}

static void reset(struct subscriber *sub) {
  atomic_store(&sub->received, 0);
  atomic_store(&sub->damaged, 0);
}

/* Wait until the subscriber has n deliveries (or 30 s pass): 1 if it did. */
static int wait_for(struct subscriber *sub, size_t n) {
  double deadline = now_ns() + 30e9;
  while (atomic_load_explicit(&sub->received, memory_order_acquire) < n) {
    struct timespec ts = {0, 200000};
    if (now_ns() > deadline)
      return 0;
    nanosleep(&ts, NULL);
  }
  return 1;
}

/* ---- one measurement -------------------------------------------------- */

struct result {
  double msgs_per_s, bytes_per_s, p50_us, p99_us;
};

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static size_t build_message(uint8_t *out, size_t cap, unsigned bodies, uint32_t seq,
                            uint64_t timestamp) {
  static mitch_trade t[255];
  size_t n = 0;
  unsigned i;
  for (i = 0; i < bodies; i++) {
    t[i].ticker_id = 0x0305153138900000ull;
    t[i].price = 1.0875 + (double)(seq % 100) * 1e-5;
    t[i].quantity = 1000 + i;
    t[i].trade_id = seq;
    t[i].side = (uint8_t)(i & 1);
  }
  if (mitch_message_encode(MITCH_MSG_TRADE, timestamp, t, bodies, out, cap, &n) != MITCH_OK)
    return 0;
  return n;
}

/* Where body 0's trade_id sits in a message, from the layout table. */
static size_t trade_id_offset(void) {
  mitch_layout layout;
  mitch_field f;
  size_t i;
  if (mitch_layout_get(MITCH_MSG_TRADE, &layout) == MITCH_OK)
    for (i = 0; i < layout.field_count; i++)
      if (mitch_layout_field(MITCH_MSG_TRADE, i, &f) == MITCH_OK &&
          strcmp(f.name, "trade_id") == 0)
        return MITCH_HEADER_SIZE + f.wire_offset;
  fprintf(stderr, "bench_redis: no trade_id in the layout table\n");
  exit(1);
}

/* The message is built once (the producer's work, not the transport's);
   each publish stamps the header with the time and body 0 with its number,
   which is how the subscriber tells order and latency. */
static int ours(mitch_redis *r, struct subscriber *sub, unsigned bodies, unsigned depth,
                size_t count, struct result *res) {
  static uint8_t msg[MITCH_HEADER_SIZE + 255 * MITCH_TRADE_SIZE];
  size_t i, size = build_message(msg, sizeof msg, bodies, 1, 0), id_at = trade_id_offset();
  double t0, dt;
  mitch_header h;
  if (!size || mitch_header_decode(msg, size, &h) != MITCH_OK)
    return 0;
  reset(sub);
  for (i = 0; i < count; i++)
    sub->latency[i] = -1;
  mitch_redis_set_pipeline(r, depth);
  t0 = now_ns();
  for (i = 1; i <= count; i++) {
    int st;
    h.timestamp = time_of_day_ns();
    mitch_header_encode(&h, msg, MITCH_HEADER_SIZE);
    msg[id_at] = (uint8_t)i;
    msg[id_at + 1] = (uint8_t)(i >> 8);
    msg[id_at + 2] = (uint8_t)(i >> 16);
    msg[id_at + 3] = (uint8_t)(i >> 24);
    if ((st = mitch_redis_publish(r, CHANNEL, msg, size, 0)) != MITCH_OK) {
      fprintf(stderr, "bench_redis: publish: %s\n", mitch_redis_last_error(r));
      return 0;
    }
  }
  if (mitch_redis_flush(r) != MITCH_OK) {
    fprintf(stderr, "bench_redis: flush: %s\n", mitch_redis_last_error(r));
    return 0;
  }

  if (!wait_for(sub, count)) {
    fprintf(stderr, "bench_redis: only %zu of %zu arrived\n", atomic_load(&sub->received),
            count);
    return 0;
  }
  dt = ((double)atomic_load(&sub->last_ns) - t0) / 1e9;
  res->msgs_per_s = (double)count / dt;
  res->bytes_per_s = (double)count * (double)size / dt;
  qsort(sub->latency, count, sizeof *sub->latency, cmp_i64);
  if (sub->latency[0] < 0) {
    fprintf(stderr, "bench_redis: a message arrived damaged or not at all\n");
    return 0;
  }
  res->p50_us = (double)sub->latency[count / 2] / 1e3;
  res->p99_us = (double)sub->latency[count * 99 / 100] / 1e3;
  return 1;
}

static int ceiling(const char *tool, const char *host, int port, struct subscriber *sub,
                   size_t payload_size, unsigned depth, size_t count, struct result *res) {
  /* The CSV's first field repeats the whole command, payload included. */
  char *cmd = malloc(payload_size + 512), *line = malloc(payload_size + 4096);
  FILE *p;
  size_t off;
  double rps = 0;
  int got = 0;
  if (!cmd || !line) {
    free(cmd);
    free(line);
    return 0;
  }
  off = (size_t)snprintf(cmd, 512,
                         "'%s' -h %s -p %d -c 1 -P %u -n %zu --csv PUBLISH %" PRIu32 " ", tool,
                         host, port, depth, count, (uint32_t)CHANNEL);
  memset(cmd + off, 'x', payload_size);
  strcpy(cmd + off + payload_size, " 2>/dev/null");
  reset(sub);
  p = popen(cmd, "r");
  free(cmd);
  if (!p) {
    free(line);
    return 0;
  }
  while (fgets(line, (int)(payload_size + 4096), p)) {
    /* "PUBLISH 6648832 xxxx...","123456.78",... : the rps is the 2nd field */
    char *q = strstr(line, "\",\"");
    if (strncmp(line, "\"PUBLISH", 8) == 0 && q) {
      rps = strtod(q + 3, NULL);
      got = 1;
    }
  }
  free(line);
  if (pclose(p) != 0 || !got || rps <= 0) {
    fprintf(stderr, "bench_redis: redis-benchmark failed\n");
    return 0;
  }
  if (!wait_for(sub, count) || atomic_load(&sub->damaged) != count) {
    fprintf(stderr, "bench_redis: the subscriber saw %zu of the ceiling's %zu payloads\n",
            atomic_load(&sub->received), count);
    return 0;
  }
  res->msgs_per_s = rps;
  res->bytes_per_s = rps * (double)payload_size;
  res->p50_us = res->p99_us = 0;
  return 1;
}

/* ---- the table ----------------------------------------------------------- */

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_d);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv) {
  const char *url = NULL, *tool = "redis-benchmark";
  char why[MITCH_REDIS_ERROR_SIZE], host[64] = "127.0.0.1";
  struct subscriber sub;
  pthread_t thread;
  mitch_redis *r;
  int runs = 5, quick = 0, port = 0, i, c, no_ceiling = 0;
  unsigned only_bodies = 0, only_depth = 0;
  static const struct {
    unsigned bodies, depth;
    size_t count;
  } configs[] = {{1, 1, 20000}, {1, 64, 300000}, {255, 1, 10000}, {255, 64, 60000}};
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--redis") == 0 && i + 1 < argc)
      url = argv[++i];
    else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
      runs = atoi(argv[++i]);
    else if (strcmp(argv[i], "--redis-benchmark") == 0 && i + 1 < argc)
      tool = argv[++i];
    else if (strcmp(argv[i], "--quick") == 0)
      quick = 1;
    else if (strcmp(argv[i], "--no-ceiling") == 0)
      no_ceiling = 1;
    else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc &&
             sscanf(argv[i + 1], "%u:%u", &only_bodies, &only_depth) == 2)
      i++;
    else {
      fprintf(stderr, "usage: bench_redis --redis redis://127.0.0.1:PORT [--runs N] [--quick] "
                      "[--redis-benchmark PATH] [--only BODIES:DEPTH] [--no-ceiling]\n");
      return 2;
    }
  }
  if (!url || sscanf(url, "redis://%63[0-9.]:%d", host, &port) != 2 || runs < 1 ||
      runs > MAX_RUNS) {
    fprintf(stderr, "bench_redis: --redis redis://ADDRESS:PORT (loopback) and 1..%d runs\n",
            MAX_RUNS);
    return 2;
  }
  memset(&sub, 0, sizeof sub);
  sub.capacity = 400000; /* the largest count, rounded up to whole pipelines */
  sub.latency = malloc(sub.capacity * sizeof *sub.latency);
  if (!sub.latency || mitch_redis_subscriber_open(url, 5000, &sub.s, why, sizeof why) != MITCH_OK ||
      mitch_redis_subscribe(sub.s, CHANNEL, 0) != MITCH_OK ||
      mitch_redis_connect(url, 5000, &r, why, sizeof why) != MITCH_OK) {
    fprintf(stderr, "bench_redis: %s\n", why);
    return 1;
  }
  pthread_create(&thread, NULL, subscriber_main, &sub);
  printf("MITCH over Redis: publish -> receive through libmitch-redis %s, beside\n"
         "redis-benchmark -c 1 -P <depth> PUBLISH <same channel> <same-size payload>\n"
         "(same server, same subscriber attached); medians of %d runs [min..max]\n\n",
         mitch_redis_version(), runs);
  printf("%-9s %5s %7s | %-30s %-24s %9s %9s | %-30s | %s\n", "bodies", "depth", "count",
         "ours msg/s", "ours MB/s", "p50 us", "p99 us", "ceiling msg/s", "ours/ceiling");
  for (c = 0; c < (int)(sizeof configs / sizeof configs[0]); c++) {
    double om[MAX_RUNS], ob[MAX_RUNS], p50[MAX_RUNS], p99[MAX_RUNS], cm[MAX_RUNS], ratio[MAX_RUNS];
    double lo_om = 1e300, hi_om = 0, lo_cm = 1e300, hi_cm = 0, lo_ob = 1e300, hi_ob = 0;
    /* redis-benchmark sends whole pipelines: a multiple of the depth. */
    size_t count = quick ? configs[c].count / 10 : configs[c].count;
    size_t payload = MITCH_HEADER_SIZE + configs[c].bodies * MITCH_TRADE_SIZE;
    count = (count + configs[c].depth - 1) / configs[c].depth * configs[c].depth;
    if (only_bodies && (only_bodies != configs[c].bodies || only_depth != configs[c].depth))
      continue;
    for (i = 0; i < runs; i++) {
      struct result o, k = {1, 1, 0, 0};
      if (!ours(r, &sub, configs[c].bodies, configs[c].depth, count, &o) ||
          (!no_ceiling &&
           !ceiling(tool, host, port, &sub, payload, configs[c].depth, count, &k)))
        return 1;
      om[i] = o.msgs_per_s;
      ob[i] = o.bytes_per_s / 1e6;
      p50[i] = o.p50_us;
      p99[i] = o.p99_us;
      cm[i] = k.msgs_per_s;
      ratio[i] = o.msgs_per_s / k.msgs_per_s;
      lo_om = om[i] < lo_om ? om[i] : lo_om;
      hi_om = om[i] > hi_om ? om[i] : hi_om;
      lo_ob = ob[i] < lo_ob ? ob[i] : lo_ob;
      hi_ob = ob[i] > hi_ob ? ob[i] : hi_ob;
      lo_cm = cm[i] < lo_cm ? cm[i] : lo_cm;
      hi_cm = cm[i] > hi_cm ? cm[i] : hi_cm;
    }
    {
      char a[64], b[64], k[64];
      snprintf(a, sizeof a, "%.0f [%.0f..%.0f]", median(om, runs), lo_om, hi_om);
      snprintf(b, sizeof b, "%.1f [%.1f..%.1f]", median(ob, runs), lo_ob, hi_ob);
      snprintf(k, sizeof k, "%.0f [%.0f..%.0f]", median(cm, runs), lo_cm, hi_cm);
      printf("%-9u %5u %7zu | %-30s %-24s %9.1f %9.1f | %-30s | %.0f %%\n", configs[c].bodies,
             configs[c].depth, count, a, b, median(p50, runs), median(p99, runs), k,
             100 * median(ratio, runs));
      fflush(stdout);
    }
  }
  atomic_store(&sub.stop, 1);
  pthread_join(thread, NULL);
  mitch_redis_close(r);
  mitch_redis_subscriber_close(sub.s);
  free(sub.latency);
  return 0;
}
