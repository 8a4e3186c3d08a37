/*
 * cmd_registry.c - the registry subcommands of the mitch tool:
 *
 *   mitch resolve SYMBOL... [--type T] [--json]
 *       ticker id (hex and decimal), base and quote (class, id, name),
 *       confidence and the resolver's steps, one line per symbol
 *   mitch asset QUERY... [--class C] [--min X] [--json]
 *   mitch provider QUERY... [--min X] [--json]
 *   mitch channel PROVIDER TYPE [--json]
 *       PROVIDER is a provider name or id, TYPE a message type
 *       (t o s i b, or trade order tick index book)
 *
 * Instrument types are given by code (spot, perp, cfd, ...) or number,
 * asset classes by code (fx, cr, eq, ...) or number, case-insensitively.
 * With --json every result is one JSON object per line; failures are
 * objects with "error" and "status".  Exit status: 0 when everything
 * resolved, 1 when something did not, 2 on a usage error.
 */
#include <config.h>

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mitch.h"

#define DEFAULT_MIN_CONFIDENCE 0.8

/* ---- small helpers -------------------------------------------------------- */

static int equal_nocase(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
      return 0;
  return *a == *b;
}

/* A whole decimal number in [0, max]. */
static int parse_uint(const char *s, unsigned long max, unsigned long *out) {
  char *end;
  unsigned long v;
  if (!isdigit((unsigned char)s[0]))
    return 0;
  v = strtoul(s, &end, 10);
  if (*end != '\0' || v > max)
    return 0;
  *out = v;
  return 1;
}

/* An instrument type or asset class (whatever `get` describes) by its
   code ("perp", "fx"), its name ("Perpetual Swap", "Forex") or number.
   Which numbers exist is the library's answer (`get` refuses the first
   one past the last), not a count written here. */
static int parse_class_like(const char *s, int (*get)(uint8_t, mitch_class_info *),
                            unsigned *out) {
  mitch_class_info info;
  unsigned long v;
  unsigned i;
  if (parse_uint(s, UINT8_MAX, &v)) {
    if (get((uint8_t)v, &info) != MITCH_OK)
      return 0;
    *out = (unsigned)v;
    return 1;
  }
  for (i = 0; i <= UINT8_MAX && get((uint8_t)i, &info) == MITCH_OK; i++) {
    if (!info.code[0])
      continue;
    if (equal_nocase(s, info.code) || equal_nocase(s, info.name)) {
      *out = i;
      return 1;
    }
  }
  return 0;
}

static int parse_instrument_type(const char *s, uint8_t *type) {
  unsigned v;
  if (!parse_class_like(s, mitch_instrument_type_get, &v))
    return 0;
  *type = (uint8_t)v;
  return 1;
}

static int parse_class(const char *s, int *cls) {
  unsigned v;
  if (!parse_class_like(s, mitch_asset_class_get, &v))
    return 0;
  *cls = (int)v;
  return 1;
}

static int parse_min(const char *s, double *min) {
  char *end;
  double v = strtod(s, &end);
  if (end == s || *end != '\0' || !(v >= 0.0 && v <= 1.0))
    return 0;
  *min = v;
  return 1;
}

static const char *class_code(uint8_t cls) {
  mitch_class_info info;
  if (mitch_asset_class_get(cls, &info) != MITCH_OK || !info.code[0])
    return "?";
  return info.code;
}

/* Append text to out (cap > 0) as far as it fits; *len counts it all. */
static void append_cut(char *out, size_t cap, size_t *len, const char *text) {
  size_t n = strlen(text), used = *len < cap - 1 ? *len : cap - 1;
  size_t room = cap - 1 - used;
  memcpy(out + used, text, n < room ? n : room);
  out[used + (n < room ? n : room)] = '\0';
  *len += n;
}

/* Positional words joined with spaces ("Apple Inc." typed unquoted), as
   much as fits in out (cap > 0); returns the whole text's length. */
static size_t join_words(char **words, int n, char *out, size_t cap) {
  size_t len = 0;
  int i;
  out[0] = '\0';
  for (i = 0; i < n; i++) {
    if (i > 0)
      append_cut(out, cap, &len, " ");
    append_cut(out, cap, &len, words[i]);
  }
  return len;
}

/* ---- JSON output (hand-written: a handful of flat objects) ---------------- */

/* Length of the valid UTF-8 sequence at s, 0 if it is not one. */
static size_t utf8_sequence(const unsigned char *s) {
  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF)
    return (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return 0;
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))
      return 0; /* overlong, surrogate */
    return 3;
  }
  if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
      return 0;
    return 4;
  }
  return 0;
}

/* A JSON string; bytes that are not UTF-8 (user input may have them)
   become U+FFFD. */
static void json_string(const char *text) {
  const unsigned char *s = (const unsigned char *)text;
  putchar('"');
  while (*s) {
    size_t n = utf8_sequence(s);
    if (n == 0) {
      fputs("\\ufffd", stdout);
      s++;
    } else if (*s == '"' || *s == '\\') {
      putchar('\\');
      putchar(*s++);
    } else if (*s < 0x20) {
      printf("\\u%04x", *s++);
    } else {
      fwrite(s, 1, n, stdout);
      s += n;
    }
  }
  putchar('"');
}

static void json_key(const char *key, int first) {
  if (!first)
    putchar(',');
  json_string(key);
  putchar(':');
}

/* A failed lookup of `input`: a JSON line on stdout with --json (so a
   batch of symbols stays one object per line), else a message on stderr.
   The input is echoed cut to CLI_ECHO_MAX bytes; `why` is the reason when
   the status's own text does not say enough (NULL: it does). */
static void report_failure(const char *cmd, int json, const char *input_key,
                           const char *input, int status, const char *why) {
  char echo[CLI_ECHO_BUF];
  if (!why)
    why = mitch_strerror(status);
  if (!json) {
    cli_error(cmd, "%s: %s", cli_echo(input, echo), why);
    return;
  }
  putchar('{');
  json_key(input_key, 1);
  json_string(cli_echo(input, echo));
  json_key("status", 0);
  printf("%d", status);
  json_key("error", 0);
  json_string(why);
  fputs("}\n", stdout);
}

/* Queries and symbols longer than the library takes are reported as such
   (the library's own answer, invalid data, does not say why).  Returns 1
   after reporting a too-long `input` of `len` bytes, else 0. */
static int report_too_long(const char *cmd, int json, const char *input_key,
                           const char *input, size_t len) {
  char why[96];
  if (len <= MITCH_QUERY_MAX)
    return 0;
  snprintf(why, sizeof why, "too long: %zu bytes, the limit is %u", len, MITCH_QUERY_MAX);
  report_failure(cmd, json, input_key, input, MITCH_ERR_INVALID_DATA, why);
  return 1;
}

static void json_asset(const mitch_asset *a) {
  putchar('{');
  json_key("class", 1);
  printf("%u", a->asset_class);
  json_key("class_code", 0);
  json_string(class_code(a->asset_class));
  json_key("id", 0);
  printf("%u", a->class_id);
  json_key("packed", 0);
  printf("%" PRIu32, a->asset_id);
  json_key("name", 0);
  json_string(a->name);
  json_key("symbol", 0);
  json_string(a->symbol);
  json_key("aliases", 0);
  json_string(a->aliases);
  putchar('}');
}

/* ---- options ---------------------------------------------------------------- */

typedef struct options {
  int json;
  uint8_t type;
  int cls;
  double min;
  char **args; /* positional arguments, in order */
  int nargs;
} options;

/* What parse_options returns after --help: the command is done (exit 0,
   once main() has checked that the usage was written). */
#define OPTIONS_HELP (-1)

/* Parse argv[1..]: the options a command allows ("tcm": --type, --class,
   --min) anywhere among the positional arguments.  Returns 0, 2 after
   printing a usage error, or OPTIONS_HELP. */
static int parse_options(int argc, char **argv, const char *allowed, const char *usage,
                         options *o) {
  int i;
  o->json = 0;
  o->type = MITCH_SPOT;
  o->cls = -1;
  o->min = DEFAULT_MIN_CONFIDENCE;
  o->args = argv + 1;
  o->nargs = 0;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      printf("usage: mitch %s %s\n", argv[0], usage);
      return OPTIONS_HELP;
    } else if (strcmp(a, "--json") == 0) {
      o->json = 1;
    } else if (strcmp(a, "--type") == 0 && strchr(allowed, 't')) {
      if (!value || !parse_instrument_type(value, &o->type)) {
        cli_error(argv[0], "--type needs an instrument type (spot, fut, perp, cfd, ... or 0-15)");
        return 2;
      }
      i++;
    } else if (strcmp(a, "--class") == 0 && strchr(allowed, 'c')) {
      if (!value || !parse_class(value, &o->cls)) {
        cli_error(argv[0], "--class needs an asset class (eq, sd, fx, cm, cr, ip, ... or 0-15)");
        return 2;
      }
      i++;
    } else if (strcmp(a, "--min") == 0 && strchr(allowed, 'm')) {
      if (!value || !parse_min(value, &o->min)) {
        cli_error(argv[0], "--min needs a confidence between 0 and 1");
        return 2;
      }
      i++;
    } else if (strcmp(a, "--") == 0) {
      for (i++; i < argc; i++)
        o->args[o->nargs++] = argv[i];
    } else if (a[0] == '-' && a[1] == '-') {
      char echo[CLI_ECHO_BUF];
      cli_error(argv[0], "unknown option '%s' (usage: mitch %s %s)", cli_echo(a, echo), argv[0],
                usage);
      return 2;
    } else {
      o->args[o->nargs++] = argv[i]; /* compacts argv in place: i >= nargs + 1 */
    }
  }
  return 0;
}

/* ---- resolve ---------------------------------------------------------------- */

int cmd_resolve(int argc, char **argv) {
  static const char usage[] = "SYMBOL... [--type T] [--json]";
  options o;
  int i, st, failures = 0;
  if ((st = parse_options(argc, argv, "t", usage, &o)) != 0)
    return st == OPTIONS_HELP ? 0 : st;
  if (o.nargs == 0) {
    cli_error(argv[0], "no symbol given (usage: mitch %s %s)", argv[0], usage);
    return 2;
  }
  for (i = 0; i < o.nargs; i++) {
    mitch_resolution r;
    mitch_class_info type;
    if (report_too_long(argv[0], o.json, "symbol", o.args[i], strlen(o.args[i]))) {
      failures++;
      continue;
    }
    st = mitch_resolve(o.args[i], o.type, &r);
    if (st != MITCH_OK) {
      failures++;
      report_failure(argv[0], o.json, "symbol", o.args[i], st, NULL);
      continue;
    }
    mitch_instrument_type_get(r.instrument_type, &type);
    if (o.json) {
      putchar('{');
      json_key("symbol", 1);
      json_string(o.args[i]);
      json_key("ticker_id", 0);
      printf("%" PRIu64, r.ticker_id);
      json_key("ticker_id_hex", 0);
      printf("\"0x%016" PRIx64 "\"", r.ticker_id);
      json_key("instrument_type", 0);
      printf("%u", r.instrument_type);
      json_key("instrument", 0);
      json_string(type.code);
      json_key("base", 0);
      json_asset(&r.base);
      json_key("quote", 0);
      json_asset(&r.quote);
      json_key("confidence", 0);
      printf("%.6f", r.confidence);
      json_key("steps", 0);
      json_string(r.steps);
      fputs("}\n", stdout);
    } else {
      printf("%s: %s/%s %s  ticker 0x%016" PRIx64 " = %" PRIu64 "\n", o.args[i], r.base.name,
             r.quote.name, type.code, r.ticker_id, r.ticker_id);
      printf("  base  %s %u (%s)  quote %s %u (%s)  confidence %.4f\n",
             class_code(r.base.asset_class), r.base.class_id, r.base.symbol,
             class_code(r.quote.asset_class), r.quote.class_id, r.quote.symbol, r.confidence);
      printf("  steps %s\n", r.steps);
    }
  }
  return failures ? 1 : 0;
}

/* The start of the one-query commands (asset, provider): options, then
   the remaining words joined by spaces into `query` (cap > MITCH_QUERY_MAX).
   Returns -1 to go on, or the exit status: of a usage error, of --help, or
   1 for a query the library would not take for its length. */
static int parse_query(int argc, char **argv, const char *allowed, const char *usage,
                       options *o, char *query, size_t cap) {
  int st = parse_options(argc, argv, allowed, usage, o);
  if (st != 0)
    return st == OPTIONS_HELP ? 0 : st;
  if (o->nargs == 0) {
    cli_error(argv[0], "no query given (usage: mitch %s %s)", argv[0], usage);
    return 2;
  }
  if (report_too_long(argv[0], o->json, "query", query,
                      join_words(o->args, o->nargs, query, cap)))
    return 1;
  return -1;
}

/* ---- asset -------------------------------------------------------------------- */

int cmd_asset(int argc, char **argv) {
  static const char usage[] = "QUERY... [--class C] [--min X] [--json]";
  char query[4 * MITCH_QUERY_MAX];
  options o;
  mitch_asset a;
  double conf = 0;
  int st;
  if ((st = parse_query(argc, argv, "cm", usage, &o, query, sizeof query)) >= 0)
    return st;
  st = mitch_asset_find(query, o.cls, o.min, &a, &conf);
  if (st != MITCH_OK) {
    report_failure(argv[0], o.json, "query", query, st, NULL);
    return 1;
  }
  if (o.json) {
    putchar('{');
    json_key("query", 1);
    json_string(query);
    json_key("asset", 0);
    json_asset(&a);
    json_key("confidence", 0);
    printf("%.6f", conf);
    fputs("}\n", stdout);
  } else {
    printf("%s: %s  %s %u  packed 0x%05" PRIx32 " = %" PRIu32 "  confidence %.4f\n", query,
           a.name, class_code(a.asset_class), a.class_id, a.asset_id, a.asset_id, conf);
    printf("  symbol %s  aliases %s\n", a.symbol[0] ? a.symbol : "-",
           a.aliases[0] ? a.aliases : "-");
  }
  return 0;
}

/* ---- provider ------------------------------------------------------------------ */

/* A provider by id (a number) or by name. */
static int find_provider(const char *text, double min, mitch_provider *p, double *conf) {
  unsigned long id;
  if (parse_uint(text, 0xFFFF, &id)) {
    *conf = 1.0;
    return mitch_provider_get((uint16_t)id, p);
  }
  return mitch_provider_find(text, min, p, conf);
}

int cmd_provider(int argc, char **argv) {
  static const char usage[] = "QUERY... [--min X] [--json]";
  char query[4 * MITCH_QUERY_MAX];
  options o;
  mitch_provider p;
  double conf = 0;
  int st;
  if ((st = parse_query(argc, argv, "m", usage, &o, query, sizeof query)) >= 0)
    return st;
  st = find_provider(query, o.min, &p, &conf);
  if (st != MITCH_OK) {
    report_failure(argv[0], o.json, "query", query, st, NULL);
    return 1;
  }
  if (o.json) {
    putchar('{');
    json_key("query", 1);
    json_string(query);
    json_key("id", 0);
    printf("%u", p.id);
    json_key("name", 0);
    json_string(p.name);
    json_key("abbreviations", 0);
    json_string(p.abbreviations);
    json_key("confidence", 0);
    printf("%.6f", conf);
    fputs("}\n", stdout);
  } else {
    printf("%s: %s  id %u  confidence %.4f%s%s\n", query, p.name, p.id, conf,
           p.abbreviations[0] ? "  abbreviations " : "", p.abbreviations);
  }
  return 0;
}

/* ---- channel ------------------------------------------------------------------- */

/* A name for a body type: its layout name ("order_book"), the same with
   '-' or nothing for the '_' ("order-book", "orderbook") or its last word
   ("book"), any case; or its type byte.  Taken from the library's layout
   table, so the tool lists no type itself. */
static int name_matches(const char *s, const char *name) {
  char dashed[64], joined[64];
  const char *last = strrchr(name, '_');
  size_t i, j = 0;
  if (equal_nocase(s, name) || (last && equal_nocase(s, last + 1)))
    return 1;
  for (i = 0; name[i] && i + 1 < sizeof dashed; i++) {
    dashed[i] = name[i] == '_' ? '-' : name[i];
    if (name[i] != '_')
      joined[j++] = name[i];
  }
  dashed[i] = '\0';
  joined[j] = '\0';
  return equal_nocase(s, dashed) || equal_nocase(s, joined);
}

static int parse_message_type(const char *s, char *type) {
  size_t i;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (!l.message_type)
      continue;
    if ((s[0] == (char)l.message_type && s[1] == '\0') || name_matches(s, l.name)) {
      *type = (char)l.message_type;
      return 1;
    }
  }
  return 0;
}

/* "t o s i b, or trade order tick index book": the accepted types, for the
   usage line. */
static void type_hint(char *out, size_t out_len) {
  char codes[32] = "", names[128] = "";
  size_t i;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    const char *last;
    mitch_layout_at(i, &l);
    if (!l.message_type)
      continue;
    last = strrchr(l.name, '_');
    snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%c", codes[0] ? " " : "",
             (char)l.message_type);
    snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? " " : "",
             last ? last + 1 : l.name);
  }
  snprintf(out, out_len, "%s, or %s", codes, names);
}

int cmd_channel(int argc, char **argv) {
  char usage[256], hint[160];
  char query[4 * MITCH_QUERY_MAX];
  options o;
  mitch_provider p;
  double conf = 0;
  uint32_t channel;
  uint8_t bytes[MITCH_CHANNEL_SIZE];
  char type;
  int st;
  type_hint(hint, sizeof hint);
  snprintf(usage, sizeof usage, "PROVIDER TYPE [--json]  (TYPE: %s)", hint);
  if ((st = parse_options(argc, argv, "", usage, &o)) != 0)
    return st == OPTIONS_HELP ? 0 : st;
  if (o.nargs < 2) {
    cli_error(argv[0], "need a provider and a message type (usage: mitch %s %s)", argv[0],
              usage);
    return 2;
  }
  if (!parse_message_type(o.args[o.nargs - 1], &type)) {
    char echo[CLI_ECHO_BUF];
    cli_error(argv[0], "'%s' is not a message type (%s)", cli_echo(o.args[o.nargs - 1], echo),
              hint);
    return 2;
  }
  /* Everything before TYPE names the provider ("New York Stock Exchange"). */
  if (report_too_long(argv[0], o.json, "provider", query,
                      join_words(o.args, o.nargs - 1, query, sizeof query)))
    return 1;
  st = find_provider(query, DEFAULT_MIN_CONFIDENCE, &p, &conf);
  if (st == MITCH_OK)
    st = mitch_create_channel(p.id, type, &channel);
  if (st == MITCH_OK)
    st = mitch_pack_channel(channel, bytes);
  if (st != MITCH_OK) {
    report_failure(argv[0], o.json, "provider", query, st, NULL);
    return 1;
  }
  if (o.json) {
    putchar('{');
    json_key("provider", 1);
    printf("%u", p.id);
    json_key("provider_name", 0);
    json_string(p.name);
    json_key("message_type", 0);
    printf("\"%c\"", type);
    json_key("channel_id", 0);
    printf("%" PRIu32, channel);
    json_key("channel_id_hex", 0);
    printf("\"0x%08" PRIx32 "\"", channel);
    json_key("bytes", 0);
    printf("\"%02x%02x%02x%02x\"", bytes[0], bytes[1], bytes[2], bytes[3]);
    fputs("}\n", stdout);
  } else {
    printf("%s '%c': channel 0x%08" PRIx32 " = %" PRIu32 "  bytes %02x %02x %02x %02x  (%s, id %u)\n",
           query, type, channel, channel, bytes[0], bytes[1], bytes[2], bytes[3], p.name, p.id);
  }
  return 0;
}
