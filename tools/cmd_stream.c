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
 *
 * Which fields a body has, and how each is printed and read, comes from the
 * library's layout table (tools/fields.c): this file names no body type.
 * Errors carry the library's own explanation (mitch_error): the field, the
 * rule it breaks, its value and its offset.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
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
#include "fields.h"
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

/* Nanoseconds since midnight as HH:MM:SS.nnnnnnnnn (hours may exceed 23:
   the protocol bounds the field, not the day). */
static void format_time_of_day(char *out, size_t out_len, uint64_t ns) {
  uint64_t s = ns / 1000000000u;
  snprintf(out, out_len, "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64 ".%09" PRIu64, s / 3600,
           s / 60 % 60, s % 60, ns % 1000000000u);
}

/* The short name of a status: mitch_strerror's text up to its colon
   ("invalid field value"). */
static void status_name(int st, char *out, size_t out_len) {
  const char *text = mitch_strerror(st);
  size_t n = strcspn(text, ":");
  snprintf(out, out_len, "%.*s", (int)n, text);
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
  /* "-0" would read back as the integer 0: a cancel order's -0.0 price
     must survive decode --json | encode (signbit is a macro: no libm). */
  if (v == 0 && signbit(v))
    snprintf(buf, sizeof buf, "-0.0");
  else
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

/* Order-book bins: JSON prints every [count, volume] pair; text prints the
   side's total volume, "bids" -> bid_volume=..., "asks" -> ask_volume=... */
static void put_bins(struct printer *p, const mitch_field *f, const uint8_t *s) {
  layout_fields bin;
  size_t i, j;
  fields_load(f->nested, &bin);
  if (p->json) {
    put_key(p, f->name);
    fputc('[', p->out);
    for (i = 0; i < f->count; i++) {
      const uint8_t *elem = s + f->struct_offset + i * bin.layout.struct_size;
      fputs(i ? ",[" : "[", p->out);
      for (j = 0; j < bin.n; j++)
        fprintf(p->out, "%s%" PRIu64, j ? "," : "", field_get_unsigned(&bin.field[j], elem));
      fputc(']', p->out);
    }
    fputc(']', p->out);
  } else {
    char key[64];
    uint64_t total = 0;
    const mitch_field *volume = NULL;
    size_t len = strlen(f->name);
    for (j = 0; j < bin.n; j++)
      if (strcmp(bin.field[j].name, "volume") == 0)
        volume = &bin.field[j];
    if (!volume)
      return;
    for (i = 0; i < f->count; i++)
      total += field_get_unsigned(volume, s + f->struct_offset + i * bin.layout.struct_size);
    if (len > 1 && f->name[len - 1] == 's')
      len--;
    snprintf(key, sizeof key, "%.*s_volume", (int)len, f->name);
    put_u64(p, key, total);
  }
}

/* Print every field of one decoded struct `s` of layout `lf`. */
static void print_fields(struct printer *p, const layout_fields *lf, const void *s) {
  size_t j;
  for (j = 0; j < lf->n; j++) {
    const mitch_field *f = &lf->field[j];
    char word[32];
    if (f->kind == MITCH_FIELD_BINS) {
      put_bins(p, f, (const uint8_t *)s);
    } else if (f->kind == MITCH_FIELD_F64) {
      put_f64(p, f->name, field_get_double(f, s));
    } else if (field_is_signed(f)) {
      put_i64(p, f->name, field_get_signed(f, s));
    } else if (strcmp(f->name, "ticker_id") == 0) {
      put_ticker(p, f->name, field_get_unsigned(f, s));
    } else if (field_value_name(f, field_get_unsigned(f, s), word, sizeof word) == 0) {
      put_word(p, f->name, word);
    } else {
      put_u64(p, f->name, field_get_unsigned(f, s));
      /* the aggregator's name beside its number, in text */
      if (!p->json && strcmp(f->name, "bin_aggregator") == 0)
        put_word(p, "aggregator", mitch_bin_aggregator_name((uint8_t)field_get_unsigned(f, s)));
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

/* Report a damaged message: the reader's status and offsets, and the
   library's explanation of the damage (the same walk, from the message). */
static void report_framing(const uint8_t *data, size_t size, const mitch_reader *r, int st) {
  mitch_error err;
  char name[64];
  status_name(st, name, sizeof name);
  if (st == MITCH_ERR_INVALID_DATA ||
      mitch_check_stream(data + r->message_offset, size - r->message_offset, 0, NULL, &err) == 0)
    cli_error("decode", "offset %zu: message at offset %zu: %s", r->error_offset,
              r->message_offset, mitch_strerror(st));
  else
    cli_error("decode", "offset %zu: message at offset %zu: %s: %s", r->error_offset,
              r->message_offset, name, err.text);
}

int cmd_decode(int argc, char **argv) {
  const char *path = NULL;
  int json = 0, i, st, status = 0;
  uint8_t *data, *structs;
  size_t size, message_no = 0;
  mitch_reader r;
  mitch_message m;

  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      decode_usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      char echo[CLI_ECHO_BUF];
      cli_error("decode", "unknown option '%s'", cli_echo(argv[i], echo));
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
  /* the decoded bodies of one message, whatever its type */
  structs = malloc(MITCH_MAX_BODIES * fields_max_body_struct());
  if (!structs) {
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
    const char *type = fields_type_name(m.header.message_type);
    layout_fields lf;
    mitch_capture_sink sink;
    mitch_error err;
    int dst;
    fields_load(m.header.message_type, &lf);
    /* decode the message's bodies: all of them, or those before a bad one */
    memset(&sink, 0, sizeof sink);
    sink.message_type = m.header.message_type;
    sink.bodies = structs;
    sink.capacity = MITCH_MAX_BODIES;
    dst = mitch_capture_decode(data + m.offset, m.size, &sink, 1, NULL, &err);
    format_time_of_day(tod, sizeof tod, m.header.timestamp);
    for (b = 0; b < m.header.count; b++) {
      struct printer p;
      p.out = stdout;
      p.json = json;
      p.first = 1;
      /* A body the library refused is not printed at all: damage stops the
         output, and a record with empty fields would pass for data. */
      if (b >= sink.count) {
        char name[64];
        status_name(dst, name, sizeof name);
        fflush(stdout);
        cli_error("decode", "offset %zu: body %zu of the %s message at offset %zu: %s: %s "
                            "(field at offset %zu)",
                  m.offset + MITCH_HEADER_SIZE + b * m.body_size, b, type, m.offset, name,
                  err.text, m.offset + err.offset);
        status = 1;
        goto done;
      }
      if (json)
        printf("{\"message\":%zu,\"offset\":%zu,\"type\":\"%s\",\"timestamp\":%" PRIu64
               ",\"body\":%zu",
               message_no, m.offset, type, m.header.timestamp, b);
      else
        printf("%8zu %6zu %-10s %-18s %3zu/%-3u  ", m.offset, message_no, type, tod, b,
               m.header.count);
      print_fields(&p, &lf, structs + b * lf.layout.struct_size);
      fputs(json ? "}\n" : "\n", stdout);
    }
    message_no++;
    /* Nobody reads any more (a full disk, a closed pipe): stop; main()
       reports it. */
    if (ferror(stdout))
      goto done;
  }
  if (st != MITCH_END) {
    fflush(stdout);
    report_framing(data, size, &r, st);
    status = 1;
  }
done:
  free(structs);
  free(data);
  return status;
}

/* ---- encode ------------------------------------------------------------ */

#ifdef HAVE_JANSSON

struct pending {
  int open;
  json_int_t message_no;
  uint8_t type;
  uint64_t timestamp;
  size_t count;
  size_t first_line;
  size_t line[MITCH_MAX_BODIES]; /* each body's line (blank lines between) */
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

/* A ticker id's text: "0x" and 1 to 16 hex digits, or decimal digits with
   no sign, space or leading zero, at most 2^64 - 1.  strtoull would take
   " -1" (as 2^64 - 1), "010" (as octal 8), "+5" and " 7". */
static int parse_ticker_text(const char *s, uint64_t *out) {
  static const char hex[] = "0123456789abcdef0123456789ABCDEF";
  uint64_t v = 0;
  size_t n, i;
  if (s[0] == '0' && s[1] == 'x') {
    s += 2;
    n = strspn(s, hex);
    if (n == 0 || n > 16 || s[n] != '\0')
      return -1;
    for (i = 0; i < n; i++)
      v = v << 4 | (uint64_t)((strchr(hex, s[i]) - hex) % 16);
  } else {
    n = strspn(s, "0123456789");
    if (n == 0 || s[n] != '\0' || (s[0] == '0' && n > 1))
      return -1;
    for (i = 0; i < n; i++) {
      unsigned d = (unsigned)(s[i] - '0');
      if (v > (UINT64_MAX - d) / 10)
        return -1;
      v = v * 10 + d;
    }
  }
  *out = v;
  return 0;
}

/* Ticker ids are u64: a string as above, or a JSON integer >= 0. */
static int get_ticker(struct line_ctx *c, json_t *obj, const char *key, uint64_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!v)
    return field_fail(c, key, "missing");
  if (json_is_integer(v) && json_integer_value(v) >= 0) {
    *out = (uint64_t)json_integer_value(v);
    return 0;
  }
  if (json_is_string(v) && parse_ticker_text(json_string_value(v), out) == 0)
    return 0;
  return field_fail(c, key,
                    "must be a 64-bit id: \"0x\" and 1-16 hex digits, or decimal digits "
                    "without sign, space or leading zero");
}

/* An enumerated field: one of its value names ("buy"/"sell", ...) or its
   number. */
static int get_choice(struct line_ctx *c, json_t *obj, const mitch_field *f, uint64_t *out) {
  json_t *v = json_object_get(obj, f->name);
  if (!v)
    return field_fail(c, f->name, "missing");
  if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= 255) {
    *out = (uint64_t)json_integer_value(v);
    return 0;
  }
  if (json_is_string(v) && field_value_of(f, json_string_value(v), out) == 0)
    return 0;
  return field_fail(c, f->name, "unknown value");
}

/* Order-book bins: an array of `count` [count, volume] pairs of u32. */
static int get_bins(struct line_ctx *c, json_t *obj, const mitch_field *f, uint8_t *s) {
  json_t *arr = json_object_get(obj, f->name);
  layout_fields bin;
  size_t i, j;
  if (!arr)
    return field_fail(c, f->name, "missing");
  fields_load(f->nested, &bin);
  if (!json_is_array(arr) || json_array_size(arr) != f->count)
    return field_fail(c, f->name, "must be an array of 128 [count, volume] pairs");
  for (i = 0; i < f->count; i++) {
    json_t *pair = json_array_get(arr, i);
    uint8_t *elem = s + f->struct_offset + i * bin.layout.struct_size;
    if (!json_is_array(pair) || json_array_size(pair) != bin.n)
      return field_fail(c, f->name, "bins must be [count, volume] pairs of u32");
    for (j = 0; j < bin.n; j++) {
      json_t *x = json_array_get(pair, j);
      if (!json_is_integer(x) || json_integer_value(x) < 0 ||
          (uint64_t)json_integer_value(x) > field_unsigned_max(&bin.field[j]))
        return field_fail(c, f->name, "bins must be [count, volume] pairs of u32");
      field_set_unsigned(&bin.field[j], elem, (uint64_t)json_integer_value(x));
    }
  }
  return 0;
}

static uint8_t parse_type(json_t *v) {
  if (!json_is_string(v))
    return 0;
  return fields_body_type(json_string_value(v));
}

/* Fill the struct at s (layout lf) from a JSON object, field by field as
   the layout table lists them; -1 with c->error set on a missing or
   malformed field (rule checks are the library's job). */
static int read_body(struct line_ctx *c, json_t *obj, const layout_fields *lf, uint8_t *s) {
  size_t j;
  int bad = 0;
  memset(s, 0, lf->layout.struct_size);
  for (j = 0; j < lf->n; j++) {
    const mitch_field *f = &lf->field[j];
    uint64_t u = 0;
    int64_t i = 0;
    double d = 0;
    if (f->kind == MITCH_FIELD_BINS) {
      bad |= get_bins(c, obj, f, s);
    } else if (f->kind == MITCH_FIELD_F64) {
      bad |= get_real(c, obj, f->name, &d);
      field_set_double(f, s, d);
    } else if (field_is_signed(f)) {
      bad |= get_int(c, obj, f->name, field_signed_min(f), field_signed_max(f), &i);
      field_set_signed(f, s, i);
    } else if (strcmp(f->name, "ticker_id") == 0) {
      bad |= get_ticker(c, obj, f->name, &u);
      field_set_unsigned(f, s, u);
    } else if (f->values[0]) {
      bad |= get_choice(c, obj, f, &u);
      field_set_unsigned(f, s, u);
    } else if (field_is_unsigned(f)) {
      bad |= get_uint(c, obj, f->name, field_unsigned_max(f), &u);
      field_set_unsigned(f, s, u);
    }
  }
  return bad ? -1 : 0;
}

/* Report why the library refused a message: the status, and its
   explanation (which body, field, value and rule, and where the field
   would have been in the message). */
static void report_refusal(size_t line, const char *what, int st, const mitch_error *err,
                           size_t at) {
  char name[64];
  status_name(st, name, sizeof name);
  cli_error("encode", "line %zu: %s%s: %s (byte %zu of the message)", line, what, name,
            err->text, at);
}

/* Encode and write the pending message; 0 or -1 (error printed).  The
   header and every body are checked first, so the error names the line of
   the body at fault. */
static int flush_message(struct pending *pm, const uint8_t *bodies, uint8_t *buf, FILE *out) {
  mitch_header h;
  mitch_error err;
  size_t size = 0;
  int st;
  if (!pm->open)
    return 0;
  h.message_type = pm->type;
  h.timestamp = pm->timestamp;
  h.count = (uint8_t)pm->count;
  st = mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, &err);
  if (st != MITCH_OK) {
    report_refusal(pm->first_line, "header: ", st, &err, err.offset);
    return -1;
  }
  st = mitch_check_values(pm->type, bodies, pm->count, &err);
  if (st != MITCH_OK) {
    report_refusal(err.index < pm->count ? pm->line[err.index] : pm->first_line, "", st, &err,
                   MITCH_HEADER_SIZE + err.offset);
    return -1;
  }
  st = mitch_message_encode(pm->type, pm->timestamp, bodies, pm->count, buf,
                            MITCH_MAX_MESSAGE_SIZE, &size);
  if (st != MITCH_OK) { /* the checks above agree with the encoder: not reached */
    cli_error("encode", "line %zu: %s", pm->first_line, mitch_strerror(st));
    return -1;
  }
  /* A failed write is reported once, when the output is closed. */
  if (fwrite(buf, 1, size, out) != size)
    return -1;
  pm->open = 0;
  return 0;
}

#define LINE_END (-1)
#define LINE_NO_MEMORY (-2)

/* One line of any length, NUL bytes included (fgets and strlen would lose
   what follows one; getline is not in MinGW's C library).  Returns its
   length in bytes, LINE_END at the end of input, LINE_NO_MEMORY. */
static long read_line(FILE *in, char **line, size_t *cap) {
  size_t len = 0;
  int ch;
  for (;;) {
    if (*cap - len < 2) {
      size_t ncap = *cap ? *cap * 2 : 4096;
      char *nline = ncap > (size_t)0x7fffffff ? NULL : realloc(*line, ncap);
      if (!nline)
        return LINE_NO_MEMORY;
      *line = nline;
      *cap = ncap;
    }
    ch = getc(in);
    if (ch == EOF) {
      (*line)[len] = '\0';
      return len ? (long)len : LINE_END;
    }
    (*line)[len++] = (char)ch;
    if (ch == '\n') {
      (*line)[len] = '\0';
      return (long)len;
    }
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
  FILE *in = stdin, *out = NULL;
  cli_output output;
  char *line = NULL;
  size_t line_cap = 0, line_no = 0;
  char type_choices[160] = "must be ";
  uint8_t *bodies = NULL; /* up to 255 structs of the message's type */
  size_t body_struct = fields_max_body_struct();
  layout_fields lf;
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
      char echo[CLI_ECHO_BUF];
      cli_error("encode", "unknown option '%s'", cli_echo(argv[i], echo));
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
  fields_type_names(type_choices + strlen(type_choices), sizeof type_choices - strlen(type_choices));
  memset(&output, 0, sizeof output);
  bodies = malloc(MITCH_MAX_BODIES * body_struct);
  buf = malloc(MITCH_MAX_MESSAGE_SIZE);
  if (!bodies || !buf) {
    cli_error("encode", "out of memory");
    goto done;
  }
  /* Written aside and renamed over OUTPUT only when all is well; an
     OUTPUT that is the input is refused before anything is read. */
  if (cli_output_open("encode", out_path, in, &output) != 0)
    goto done;
  out = output.file;
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
    if (n == LINE_NO_MEMORY) {
      cli_error("encode", "line %zu: out of memory", line_no + 1);
      goto done;
    }
    if (n < 0) {
      if (ferror(in)) {
        cli_error("encode", "read error: %s", strerror(errno));
        goto done;
      }
      break;
    }
    line_no++;
    if (memchr(line, '\0', (size_t)n)) {
      cli_error("encode", "line %zu: contains a NUL byte (not JSON text)", line_no);
      goto done;
    }
    if (strspn(line, " \t\r\n") == (size_t)n)
      continue; /* blank line */
    if (ferror(out))
      goto done; /* nobody reads any more: stop */
    obj = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &jerr);
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
      field_fail(&c, "type", type_choices);
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
        cli_error("encode", "line %zu: message %" PRId64 " has more than 255 bodies", line_no,
                  (int64_t)message_no);
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
      /* PRId64, not JSON_INTEGER_FORMAT: for MinGW jansson says "I64d",
         Microsoft's own format, not C99's that the tool's printf is
         (config.h) and cli_error's format check expects. */
      cli_error("encode", "line %zu: message %" PRId64
                          " mixes types or timestamps (one header per message)",
                line_no, (int64_t)message_no);
      json_decref(obj);
      goto done;
    }
    if (pm.count == 0)
      fields_load(type, &lf);
    if (read_body(&c, obj, &lf, bodies + pm.count * lf.layout.struct_size) != 0) {
      cli_error("encode", "line %zu: \"%s\" %s", line_no, c.field, c.error);
      json_decref(obj);
      goto done;
    }
    pm.line[pm.count] = line_no;
    pm.count++;
    json_decref(obj);
  }
  if (flush_message(&pm, bodies, buf, out) != 0)
    goto done;
  status = 0;

done:
  /* Complete: the output becomes what was written.  Refused, or a write
     failed: an existing OUTPUT stays as it was, a new one is not made. */
  if (cli_output_close("encode", &output, status == 0) != 0)
    status = 1;
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
