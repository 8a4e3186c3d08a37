/*
 * cmd_stream.c - the stream subcommands of the mitch tool: decode and
 * encode.
 *
 * decode prints one line per body.  With --json each line is an object that
 * carries everything encode needs to rebuild the same bytes: the message
 * number groups bodies into messages, and prices are printed in their
 * shortest round-trip form, so `mitch decode --json | mitch encode` gives
 * back the input byte for byte (padding aside, which MITCH ignores and
 * writes as zeros).
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif
#ifdef HAVE_JANSSON
#include <jansson.h>
#endif

#include "cli.h"
#include "mitch.h"

/* ---- input ------------------------------------------------------------- */

/* Read a whole file ("-" or NULL for stdin) into a malloc'ed buffer. */
static int read_all(const char *cmd, const char *path, uint8_t **data, size_t *size) {
  FILE *f;
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0;
  int from_stdin = !path || strcmp(path, "-") == 0;

  if (from_stdin) {
    f = stdin;
#ifdef _WIN32
    _setmode(_fileno(stdin), _O_BINARY);
#endif
  } else {
    f = fopen(path, "rb");
    if (!f) {
      cli_error(cmd, "%s: %s", path, strerror(errno));
      return -1;
    }
  }
  for (;;) {
    size_t n;
    if (cap - len < 65536) {
      size_t ncap = cap ? cap * 2 : 1 << 20;
      uint8_t *nbuf = realloc(buf, ncap);
      if (!nbuf) {
        cli_error(cmd, "out of memory reading %s", from_stdin ? "standard input" : path);
        free(buf);
        if (!from_stdin)
          fclose(f);
        return -1;
      }
      buf = nbuf;
      cap = ncap;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0)
      break;
  }
  if (ferror(f)) {
    cli_error(cmd, "%s: read error", from_stdin ? "standard input" : path);
    free(buf);
    if (!from_stdin)
      fclose(f);
    return -1;
  }
  if (!from_stdin)
    fclose(f);
  *data = buf;
  *size = len;
  return 0;
}

/* ---- formatting -------------------------------------------------------- */

/* Shortest decimal text that reads back as exactly `v`. */
static void format_double(char *out, size_t out_len, double v) {
  int precision;
  for (precision = 15; precision <= 17; precision++) {
    snprintf(out, out_len, "%.*g", precision, v);
    if (strtod(out, NULL) == v)
      return;
  }
}

static const char *type_name(uint8_t type) {
  switch (type) {
  case MITCH_MSG_TRADE:
    return "trade";
  case MITCH_MSG_ORDER:
    return "order";
  case MITCH_MSG_TICK:
    return "tick";
  case MITCH_MSG_INDEX:
    return "index";
  case MITCH_MSG_ORDER_BOOK:
    return "order_book";
  default:
    return "?";
  }
}

static const char *const side_names[] = {"buy", "sell"};
static const char *const order_type_names[] = {"market", "limit", "stop", "cancel"};

/* Nanoseconds since midnight as HH:MM:SS.nnnnnnnnn (hours may exceed 23:
   the protocol bounds the field, not the day). */
static void format_time_of_day(char *out, size_t out_len, uint64_t ns) {
  uint64_t s = ns / 1000000000u;
  snprintf(out, out_len, "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64 ".%09" PRIu64, s / 3600,
           s / 60 % 60, s % 60, ns % 1000000000u);
}

/* One body as "key=value" pairs (text) or "\"key\":value" members (JSON). */
struct printer {
  FILE *out;
  int json;
  int first;
};

static void put_key(struct printer *p, const char *key) {
  if (p->json)
    fprintf(p->out, ",\"%s\":", key);
  else
    fprintf(p->out, "%s%s=", p->first ? "" : " ", key);
  p->first = 0;
}
static void put_u64(struct printer *p, const char *key, uint64_t v) {
  put_key(p, key);
  fprintf(p->out, "%" PRIu64, v);
}
static void put_i64(struct printer *p, const char *key, int64_t v) {
  put_key(p, key);
  fprintf(p->out, "%" PRId64, v);
}
static void put_f64(struct printer *p, const char *key, double v) {
  char buf[40];
  format_double(buf, sizeof buf, v);
  put_key(p, key);
  fputs(buf, p->out);
}
static void put_word(struct printer *p, const char *key, const char *word) {
  put_key(p, key);
  fprintf(p->out, p->json ? "\"%s\"" : "%s", word);
}
static void put_ticker(struct printer *p, const char *key, uint64_t id) {
  put_key(p, key);
  fprintf(p->out, p->json ? "\"0x%016" PRIx64 "\"" : "0x%016" PRIx64, id);
}

static void print_bins(struct printer *p, const char *key, const mitch_bin *bins) {
  unsigned i;
  put_key(p, key);
  fputc('[', p->out);
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++)
    fprintf(p->out, "%s[%" PRIu32 ",%" PRIu32 "]", i ? "," : "", bins[i].count, bins[i].volume);
  fputc(']', p->out);
}

/* Decode body `i` of `m` and print its fields; returns the decode status. */
static int print_body(struct printer *p, const mitch_message *m, size_t i,
                      mitch_order_book *book) {
  const uint8_t *b = m->bodies + i * m->body_size;
  int st;
  switch (m->header.message_type) {
  case MITCH_MSG_TRADE: {
    mitch_trade t;
    if ((st = mitch_trade_decode(b, m->body_size, &t)) != MITCH_OK)
      return st;
    put_ticker(p, "ticker_id", t.ticker_id);
    put_f64(p, "price", t.price);
    put_u64(p, "quantity", t.quantity);
    put_u64(p, "trade_id", t.trade_id);
    put_word(p, "side", side_names[t.side]);
    return MITCH_OK;
  }
  case MITCH_MSG_ORDER: {
    mitch_order o;
    if ((st = mitch_order_decode(b, m->body_size, &o)) != MITCH_OK)
      return st;
    put_ticker(p, "ticker_id", o.ticker_id);
    put_u64(p, "order_id", o.order_id);
    put_f64(p, "price", o.price);
    put_u64(p, "quantity", o.quantity);
    put_word(p, "order_type", order_type_names[o.order_type]);
    put_word(p, "side", side_names[o.side]);
    put_u64(p, "expiry_ms", o.expiry_ms);
    return MITCH_OK;
  }
  case MITCH_MSG_TICK: {
    mitch_tick t;
    if ((st = mitch_tick_decode(b, m->body_size, &t)) != MITCH_OK)
      return st;
    put_ticker(p, "ticker_id", t.ticker_id);
    put_f64(p, "bid_price", t.bid_price);
    put_f64(p, "ask_price", t.ask_price);
    put_u64(p, "bid_volume", t.bid_volume);
    put_u64(p, "ask_volume", t.ask_volume);
    return MITCH_OK;
  }
  case MITCH_MSG_INDEX: {
    mitch_index x;
    if ((st = mitch_index_decode(b, m->body_size, &x)) != MITCH_OK)
      return st;
    put_ticker(p, "ticker_id", x.ticker_id);
    put_f64(p, "mid", x.mid);
    put_u64(p, "v_bid", x.v_bid);
    put_u64(p, "v_ask", x.v_ask);
    put_i64(p, "m_spread", x.m_spread);
    put_i64(p, "b_bid_o", x.b_bid_o);
    put_i64(p, "b_ask_o", x.b_ask_o);
    put_i64(p, "w_bid_o", x.w_bid_o);
    put_i64(p, "w_ask_o", x.w_ask_o);
    put_u64(p, "v_force", x.v_force);
    put_u64(p, "l_force", x.l_force);
    put_i64(p, "t_force", x.t_force);
    put_i64(p, "m_force", x.m_force);
    put_u64(p, "confidence", x.confidence);
    put_u64(p, "rejected", x.rejected);
    put_u64(p, "accepted", x.accepted);
    return MITCH_OK;
  }
  default: { /* order book: the reader only frames known types */
    uint64_t bid_volume, ask_volume;
    if ((st = mitch_order_book_decode(b, m->body_size, book)) != MITCH_OK)
      return st;
    put_ticker(p, "ticker_id", book->ticker_id);
    put_f64(p, "mid_price", book->mid_price);
    put_u64(p, "bin_aggregator", book->bin_aggregator);
    if (p->json) {
      print_bins(p, "bids", book->bids);
      print_bins(p, "asks", book->asks);
    } else {
      mitch_order_book_totals(book, &bid_volume, &ask_volume, NULL, NULL);
      put_word(p, "aggregator", mitch_bin_aggregator_name(book->bin_aggregator));
      put_u64(p, "bid_volume", bid_volume);
      put_u64(p, "ask_volume", ask_volume);
    }
    return MITCH_OK;
  }
  }
}

/* ---- decode ------------------------------------------------------------ */

static void decode_usage(FILE *to) {
  fprintf(to, "usage: mitch decode [--json] [FILE|-]\n"
              "Print every body of every message in a binary MITCH stream, one line\n"
              "per body: aligned text, or JSON lines with --json (which 'mitch encode'\n"
              "turns back into the same bytes).  Exit status 1 if the stream is\n"
              "damaged; the error names the byte offset and the reason.\n");
}

int cmd_decode(int argc, char **argv) {
  const char *path = NULL;
  int json = 0, i, st, status = 0;
  uint8_t *data;
  size_t size, message_no = 0;
  mitch_reader r;
  mitch_message m;
  mitch_order_book *book;

  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      decode_usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      cli_error("decode", "unknown option '%s'", argv[i]);
      decode_usage(stderr);
      return 2;
    } else if (path) {
      cli_error("decode", "only one input file, please");
      return 2;
    } else {
      path = argv[i];
    }
  }
  if (read_all("decode", path, &data, &size) != 0)
    return 1;
  book = malloc(sizeof *book);
  if (!book) {
    cli_error("decode", "out of memory");
    free(data);
    return 1;
  }
  if (!json)
    printf("%8s %6s %-10s %-18s %-9s%s\n", "offset", "msg", "type", "time", "body", "fields");

  mitch_reader_init(&r, data, size);
  while ((st = mitch_reader_next(&r, &m)) == MITCH_OK) {
    size_t b;
    char tod[32];
    format_time_of_day(tod, sizeof tod, m.header.timestamp);
    for (b = 0; b < m.header.count; b++) {
      struct printer p;
      p.out = stdout;
      p.json = json;
      p.first = 1;
      if (json)
        printf("{\"message\":%zu,\"offset\":%zu,\"type\":\"%s\",\"timestamp\":%" PRIu64
               ",\"body\":%zu",
               message_no, m.offset, type_name(m.header.message_type), m.header.timestamp, b);
      else
        printf("%8zu %6zu %-10s %-18s %3zu/%-3u  ", m.offset, message_no,
               type_name(m.header.message_type), tod, b, m.header.count);
      st = print_body(&p, &m, b, book);
      fputs(json ? "}\n" : "\n", stdout);
      if (st != MITCH_OK) {
        fflush(stdout);
        cli_error("decode", "offset %zu: body %zu of the %s message at offset %zu: %s",
                  m.offset + MITCH_HEADER_SIZE + b * m.body_size, b,
                  type_name(m.header.message_type), m.offset, mitch_strerror(st));
        status = 1;
        goto done;
      }
    }
    message_no++;
  }
  if (st != MITCH_END) {
    fflush(stdout);
    cli_error("decode", "offset %zu: message at offset %zu: %s", r.error_offset,
              r.message_offset, mitch_strerror(st));
    status = 1;
  }
done:
  free(book);
  free(data);
  if (fflush(stdout) != 0) {
    cli_error("decode", "write error: %s", strerror(errno));
    return 1;
  }
  return status;
}

/* ---- encode ------------------------------------------------------------ */

#ifdef HAVE_JANSSON

/* Bodies of the message being assembled; big enough for 255 order books. */
union body_array {
  mitch_trade trade[MITCH_MAX_BODIES];
  mitch_order order[MITCH_MAX_BODIES];
  mitch_tick tick[MITCH_MAX_BODIES];
  mitch_index index[MITCH_MAX_BODIES];
  mitch_order_book order_book[MITCH_MAX_BODIES];
};

struct pending {
  int open;
  json_int_t message_no;
  uint8_t type;
  uint64_t timestamp;
  size_t count;
  size_t first_line;
};

struct line_ctx {
  size_t line;
  const char *error; /* set by the field readers */
  const char *field;
};

static int field_fail(struct line_ctx *c, const char *field, const char *why) {
  if (!c->error) {
    c->error = why;
    c->field = field;
  }
  return -1;
}

static int get_uint(struct line_ctx *c, json_t *obj, const char *key, uint64_t max,
                    uint64_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    return field_fail(c, key, "missing");
  if (!json_is_integer(v) || json_integer_value(v) < 0 ||
      (uint64_t)json_integer_value(v) > max)
    return field_fail(c, key, "must be an integer in range");
  *out = (uint64_t)json_integer_value(v);
  return 0;
}

static int get_int(struct line_ctx *c, json_t *obj, const char *key, int64_t min, int64_t max,
                   int64_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    return field_fail(c, key, "missing");
  if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max)
    return field_fail(c, key, "must be an integer in range");
  *out = (int64_t)json_integer_value(v);
  return 0;
}

static int get_real(struct line_ctx *c, json_t *obj, const char *key, double *out) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    return field_fail(c, key, "missing");
  if (!json_is_number(v))
    return field_fail(c, key, "must be a number");
  *out = json_number_value(v);
  return 0;
}

/* Ticker ids are u64: a "0x..." or decimal string, or a JSON integer. */
static int get_ticker(struct line_ctx *c, json_t *obj, const char *key, uint64_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    return field_fail(c, key, "missing");
  if (json_is_integer(v) && json_integer_value(v) >= 0) {
    *out = (uint64_t)json_integer_value(v);
    return 0;
  }
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    char *end;
    unsigned long long x;
    if (*s == '-' || *s == '\0')
      return field_fail(c, key, "must be a non-negative 64-bit id");
    errno = 0;
    x = strtoull(s, &end, 0);
    if (errno == 0 && *end == '\0') {
      *out = (uint64_t)x;
      return 0;
    }
  }
  return field_fail(c, key, "must be a 64-bit id (\"0x...\" or decimal)");
}

/* A word from a fixed list ("buy"/"sell", ...) or its number. */
static int get_choice(struct line_ctx *c, json_t *obj, const char *key,
                      const char *const *names, unsigned n, uint8_t *out) {
  json_t *v = json_object_get(obj, key);
  unsigned i;
  if (!v)
    return field_fail(c, key, "missing");
  if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= 255) {
    *out = (uint8_t)json_integer_value(v);
    return 0;
  }
  if (json_is_string(v))
    for (i = 0; i < n; i++)
      if (strcmp(json_string_value(v), names[i]) == 0) {
        *out = (uint8_t)i;
        return 0;
      }
  return field_fail(c, key, "unknown value");
}

static int get_bins(struct line_ctx *c, json_t *obj, const char *key, mitch_bin *bins) {
  json_t *arr = json_object_get(obj, key);
  size_t i;
  if (!arr)
    return field_fail(c, key, "missing");
  if (!json_is_array(arr) || json_array_size(arr) != MITCH_BINS_PER_SIDE)
    return field_fail(c, key, "must be an array of 128 [count, volume] pairs");
  for (i = 0; i < MITCH_BINS_PER_SIDE; i++) {
    json_t *pair = json_array_get(arr, i);
    json_t *cnt = json_array_get(pair, 0), *vol = json_array_get(pair, 1);
    if (!json_is_array(pair) || json_array_size(pair) != 2 || !json_is_integer(cnt) ||
        !json_is_integer(vol) || json_integer_value(cnt) < 0 ||
        json_integer_value(cnt) > UINT32_MAX || json_integer_value(vol) < 0 ||
        json_integer_value(vol) > UINT32_MAX)
      return field_fail(c, key, "bins must be [count, volume] pairs of u32");
    bins[i].count = (uint32_t)json_integer_value(cnt);
    bins[i].volume = (uint32_t)json_integer_value(vol);
  }
  return 0;
}

static uint8_t parse_type(json_t *v) {
  static const struct {
    const char *name;
    uint8_t code;
  } types[] = {{"trade", MITCH_MSG_TRADE}, {"order", MITCH_MSG_ORDER},
               {"tick", MITCH_MSG_TICK},   {"index", MITCH_MSG_INDEX},
               {"order_book", MITCH_MSG_ORDER_BOOK}};
  size_t i;
  const char *s;
  if (!json_is_string(v))
    return 0;
  s = json_string_value(v);
  for (i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(s, types[i].name) == 0 ||
        (s[0] == (char)types[i].code && s[1] == '\0'))
      return types[i].code;
  return 0;
}

/* Fill body slot `i` of `bodies` from a JSON object; -1 with c->error set
   on a missing or malformed field (rule checks are the library's job). */
static int read_body(struct line_ctx *c, json_t *obj, uint8_t type, union body_array *bodies,
                     size_t i) {
  uint64_t u = 0;
  int64_t s = 0;
  int bad = 0;
  switch (type) {
  case MITCH_MSG_TRADE: {
    mitch_trade *t = &bodies->trade[i];
    bad |= get_ticker(c, obj, "ticker_id", &t->ticker_id);
    bad |= get_real(c, obj, "price", &t->price);
    bad |= get_uint(c, obj, "quantity", UINT32_MAX, &u);
    t->quantity = (uint32_t)u;
    bad |= get_uint(c, obj, "trade_id", UINT32_MAX, &u);
    t->trade_id = (uint32_t)u;
    bad |= get_choice(c, obj, "side", side_names, 2, &t->side);
    break;
  }
  case MITCH_MSG_ORDER: {
    mitch_order *o = &bodies->order[i];
    bad |= get_ticker(c, obj, "ticker_id", &o->ticker_id);
    bad |= get_uint(c, obj, "order_id", UINT32_MAX, &u);
    o->order_id = (uint32_t)u;
    bad |= get_real(c, obj, "price", &o->price);
    bad |= get_uint(c, obj, "quantity", UINT32_MAX, &u);
    o->quantity = (uint32_t)u;
    bad |= get_choice(c, obj, "order_type", order_type_names, 4, &o->order_type);
    bad |= get_choice(c, obj, "side", side_names, 2, &o->side);
    bad |= get_uint(c, obj, "expiry_ms", UINT64_MAX >> 1, &o->expiry_ms);
    break;
  }
  case MITCH_MSG_TICK: {
    mitch_tick *t = &bodies->tick[i];
    bad |= get_ticker(c, obj, "ticker_id", &t->ticker_id);
    bad |= get_real(c, obj, "bid_price", &t->bid_price);
    bad |= get_real(c, obj, "ask_price", &t->ask_price);
    bad |= get_uint(c, obj, "bid_volume", UINT32_MAX, &u);
    t->bid_volume = (uint32_t)u;
    bad |= get_uint(c, obj, "ask_volume", UINT32_MAX, &u);
    t->ask_volume = (uint32_t)u;
    break;
  }
  case MITCH_MSG_INDEX: {
    mitch_index *x = &bodies->index[i];
    bad |= get_ticker(c, obj, "ticker_id", &x->ticker_id);
    bad |= get_real(c, obj, "mid", &x->mid);
    bad |= get_uint(c, obj, "v_bid", UINT32_MAX, &u);
    x->v_bid = (uint32_t)u;
    bad |= get_uint(c, obj, "v_ask", UINT32_MAX, &u);
    x->v_ask = (uint32_t)u;
    bad |= get_int(c, obj, "m_spread", INT32_MIN, INT32_MAX, &s);
    x->m_spread = (int32_t)s;
    bad |= get_int(c, obj, "b_bid_o", INT32_MIN, INT32_MAX, &s);
    x->b_bid_o = (int32_t)s;
    bad |= get_int(c, obj, "b_ask_o", INT32_MIN, INT32_MAX, &s);
    x->b_ask_o = (int32_t)s;
    bad |= get_int(c, obj, "w_bid_o", INT32_MIN, INT32_MAX, &s);
    x->w_bid_o = (int32_t)s;
    bad |= get_int(c, obj, "w_ask_o", INT32_MIN, INT32_MAX, &s);
    x->w_ask_o = (int32_t)s;
    bad |= get_uint(c, obj, "v_force", UINT16_MAX, &u);
    x->v_force = (uint16_t)u;
    bad |= get_uint(c, obj, "l_force", UINT16_MAX, &u);
    x->l_force = (uint16_t)u;
    bad |= get_int(c, obj, "t_force", INT16_MIN, INT16_MAX, &s);
    x->t_force = (int16_t)s;
    bad |= get_int(c, obj, "m_force", INT16_MIN, INT16_MAX, &s);
    x->m_force = (int16_t)s;
    bad |= get_uint(c, obj, "confidence", UINT8_MAX, &u);
    x->confidence = (uint8_t)u;
    bad |= get_uint(c, obj, "rejected", UINT8_MAX, &u);
    x->rejected = (uint8_t)u;
    bad |= get_uint(c, obj, "accepted", UINT8_MAX, &u);
    x->accepted = (uint8_t)u;
    break;
  }
  default: {
    mitch_order_book *b = &bodies->order_book[i];
    bad |= get_ticker(c, obj, "ticker_id", &b->ticker_id);
    bad |= get_real(c, obj, "mid_price", &b->mid_price);
    bad |= get_uint(c, obj, "bin_aggregator", UINT8_MAX, &u);
    b->bin_aggregator = (uint8_t)u;
    bad |= get_bins(c, obj, "bids", b->bids);
    bad |= get_bins(c, obj, "asks", b->asks);
    break;
  }
  }
  return bad ? -1 : 0;
}

/* The batch encoder of `type`: it reports which body broke a rule. */
static int encode_bodies(uint8_t type, const union body_array *b, size_t n, uint8_t *out,
                         size_t out_len, size_t *done) {
  switch (type) {
  case MITCH_MSG_TRADE:
    return mitch_trade_encode_batch(b->trade, n, out, out_len, done);
  case MITCH_MSG_ORDER:
    return mitch_order_encode_batch(b->order, n, out, out_len, done);
  case MITCH_MSG_TICK:
    return mitch_tick_encode_batch(b->tick, n, out, out_len, done);
  case MITCH_MSG_INDEX:
    return mitch_index_encode_batch(b->index, n, out, out_len, done);
  default:
    return mitch_order_book_encode_batch(b->order_book, n, out, out_len, done);
  }
}

/* Encode and write the pending message; 0 or -1 (error printed). */
static int flush_message(struct pending *pm, const union body_array *bodies, uint8_t *buf,
                         FILE *out) {
  size_t done = 0, size = 0;
  int st;
  if (!pm->open)
    return 0;
  st = mitch_create_header(pm->type, pm->timestamp, (uint8_t)pm->count, buf,
                           MITCH_HEADER_SIZE);
  if (st != MITCH_OK) {
    cli_error("encode", "line %zu: header: %s", pm->first_line, mitch_strerror(st));
    return -1;
  }
  st = encode_bodies(pm->type, bodies, pm->count, buf + MITCH_HEADER_SIZE,
                     MITCH_MAX_MESSAGE_SIZE - MITCH_HEADER_SIZE, &done);
  if (st != MITCH_OK) {
    cli_error("encode", "line %zu: %s", pm->first_line + done, mitch_strerror(st));
    return -1;
  }
  mitch_calculate_message_size(pm->type, (uint8_t)pm->count, &size);
  if (fwrite(buf, 1, size, out) != size) {
    cli_error("encode", "write error: %s", strerror(errno));
    return -1;
  }
  pm->open = 0;
  return 0;
}

/* One line of any length (getline is not in MinGW's C library).  Returns
   its length, or -1 at end of input. */
static long read_line(FILE *in, char **line, size_t *cap) {
  size_t len = 0;
  for (;;) {
    if (*cap - len < 2) {
      size_t ncap = *cap ? *cap * 2 : 4096;
      char *nline = realloc(*line, ncap);
      if (!nline)
        return -1;
      *line = nline;
      *cap = ncap;
    }
    if (!fgets(*line + len, (int)(*cap - len < 1 << 30 ? *cap - len : 1 << 30), in))
      return len ? (long)len : -1;
    len += strlen(*line + len);
    if (len > 0 && (*line)[len - 1] == '\n')
      return (long)len;
  }
}

static void encode_usage(FILE *to) {
  fprintf(to, "usage: mitch encode [-o OUTPUT] [FILE|-]\n"
              "Read JSON lines as printed by 'mitch decode --json' and write the binary\n"
              "MITCH stream.  Consecutive lines with the same \"message\" number form\n"
              "one message (they must share type and timestamp).  Without -o the bytes\n"
              "go to standard output, which must not be a terminal.\n");
}

int cmd_encode(int argc, char **argv) {
  const char *in_path = NULL, *out_path = NULL;
  FILE *in = stdin, *out = stdout;
  char *line = NULL;
  size_t line_cap = 0, line_no = 0;
  union body_array *bodies = NULL;
  uint8_t *buf = NULL;
  struct pending pm;
  int i, status = 1;

  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
      if (++i >= argc) {
        cli_error("encode", "-o needs a file name");
        return 2;
      }
      out_path = argv[i];
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      encode_usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      cli_error("encode", "unknown option '%s'", argv[i]);
      encode_usage(stderr);
      return 2;
    } else if (in_path) {
      cli_error("encode", "only one input file, please");
      return 2;
    } else {
      in_path = argv[i];
    }
  }
  if (in_path && strcmp(in_path, "-") != 0 && !(in = fopen(in_path, "r"))) {
    cli_error("encode", "%s: %s", in_path, strerror(errno));
    return 1;
  }
  bodies = malloc(sizeof *bodies);
  buf = malloc(MITCH_MAX_MESSAGE_SIZE);
  if (!bodies || !buf) {
    cli_error("encode", "out of memory");
    goto done;
  }
  if (out_path) {
    if (!(out = fopen(out_path, "wb"))) {
      cli_error("encode", "%s: %s", out_path, strerror(errno));
      goto done;
    }
  } else {
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
#endif
  }
  memset(&pm, 0, sizeof pm);

  for (;;) {
    long n;
    json_t *obj;
    json_error_t jerr;
    struct line_ctx c;
    uint8_t type;
    uint64_t timestamp = 0;
    json_int_t message_no;
    json_t *v;

    errno = 0;
    n = read_line(in, &line, &line_cap);
    if (n < 0) {
      if (ferror(in)) {
        cli_error("encode", "read error: %s", strerror(errno));
        goto done;
      }
      break;
    }
    line_no++;
    if (strspn(line, " \t\r\n") == (size_t)n)
      continue; /* blank line */
    obj = json_loads(line, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj || !json_is_object(obj)) {
      cli_error("encode", "line %zu: not a JSON object%s%s", line_no, obj ? "" : ": ",
                obj ? "" : jerr.text);
      json_decref(obj);
      goto done;
    }
    c.line = line_no;
    c.error = NULL;
    c.field = NULL;
    v = json_object_get(obj, "message");
    type = parse_type(json_object_get(obj, "type"));
    if (!json_is_integer(v) || json_integer_value(v) < 0) {
      field_fail(&c, "message", "must be the message number (an integer >= 0)");
    } else if (!type) {
      field_fail(&c, "type", "must be trade, order, tick, index or order_book");
    } else {
      get_uint(&c, obj, "timestamp", UINT64_MAX >> 1, &timestamp);
    }
    if (c.error) {
      cli_error("encode", "line %zu: \"%s\" %s", line_no, c.field, c.error);
      json_decref(obj);
      goto done;
    }
    message_no = json_integer_value(v);
    if (pm.open && (message_no != pm.message_no || pm.count == MITCH_MAX_BODIES)) {
      if (message_no == pm.message_no) {
        cli_error("encode", "line %zu: message %" JSON_INTEGER_FORMAT " has more than 255 bodies",
                  line_no, message_no);
        json_decref(obj);
        goto done;
      }
      if (flush_message(&pm, bodies, buf, out) != 0) {
        json_decref(obj);
        goto done;
      }
    }
    if (!pm.open) {
      pm.open = 1;
      pm.message_no = message_no;
      pm.type = type;
      pm.timestamp = timestamp;
      pm.count = 0;
      pm.first_line = line_no;
    } else if (type != pm.type || timestamp != pm.timestamp) {
      cli_error("encode", "line %zu: message %" JSON_INTEGER_FORMAT
                          " mixes types or timestamps (one header per message)",
                line_no, message_no);
      json_decref(obj);
      goto done;
    }
    if (read_body(&c, obj, type, bodies, pm.count) != 0) {
      cli_error("encode", "line %zu: \"%s\" %s", line_no, c.field, c.error);
      json_decref(obj);
      goto done;
    }
    pm.count++;
    json_decref(obj);
  }
  if (flush_message(&pm, bodies, buf, out) != 0)
    goto done;
  status = 0;

done:
  if (out_path && out && out != stdout) {
    if (fclose(out) != 0 && status == 0) {
      cli_error("encode", "%s: %s", out_path, strerror(errno));
      status = 1;
    }
  } else if (fflush(stdout) != 0 && status == 0) {
    cli_error("encode", "write error: %s", strerror(errno));
    status = 1;
  }
  if (in && in != stdin)
    fclose(in);
  free(line);
  free(bodies);
  free(buf);
  return status;
}

#else /* !HAVE_JANSSON */

int cmd_encode(int argc, char **argv) {
  (void)argc;
  (void)argv;
  cli_error("encode", "this mitch was built without JSON support (jansson)");
  return 1;
}

#endif
