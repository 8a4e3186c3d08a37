/*
 * gen-registry.c - turn the registry data in data/ into
 * lib/registry_data.c: constant C tables (.rodata) the resolver reads
 * directly, with no parsing, allocation or initialisation at run time.
 *
 *   gen-registry DATA_DIR > registry_data.c
 *
 * Reads DATA_DIR/asset-classes.tsv, instrument-types.tsv, assets.tsv and
 * providers.tsv (format: data/README.md), refuses data that breaks the
 * registry's rules (duplicate ids, ids wider than 16 bits, unknown or
 * reserved classes, invalid UTF-8, control characters, padded fields, a
 * value too wide for the table field that holds it), and writes:
 *
 *   - the rows (classes, instrument types, assets in (class, id) order,
 *     providers in id order) with their strings in one string pool;
 *   - for assets and for providers a key index: every distinct comparison
 *     key of a name or alias, grouped by key and sorted by (length, key),
 *     each group listing its candidates in tie-break order, an
 *     open-addressing hash table over the groups, and for the fuzzy search
 *     a character-set mask per group.
 *
 * The build runs it on the build machine, built with CC_FOR_BUILD (also in
 * cross builds) from this file and lib/name_key.c.  The key rule, the key
 * hash, the masks, the candidate order (tie rules 3-5) and the table
 * format come from lib/registry_rules.h, which the library compiles too:
 * the tables cannot disagree with the lookups that read them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_rules.h"

/* Classes from LIMIT_RESERVED_FIRST (14) up are reserved: no asset may be
   in them. */
#define LAST_ASSET_CLASS (LIMIT_RESERVED_FIRST - 1u)

#if defined(__GNUC__)
static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
#endif
static void fail(const char *fmt, ...) {
  va_list ap;
  fputs("gen-registry: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    fail("out of memory");
  return q;
}

/* A value must fit the table field that holds it: store, read back. */
#define STORE(field, value, what)                                                            \
  do {                                                                                       \
    unsigned long long stored_value_ = (unsigned long long)(value);                         \
    (field) = (value);                                                                       \
    if ((unsigned long long)(field) != stored_value_)                                       \
      fail("%s: %llu does not fit its table field", (what), stored_value_);                 \
  } while (0)

/* ---- growing text ------------------------------------------------------- */

typedef struct buf {
  char *data;
  size_t len, cap;
} buf;

static void buf_add(buf *b, const void *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    while (b->len + n + 1 > b->cap)
      b->cap = b->cap ? 2 * b->cap : 4096;
    b->data = xrealloc(b->data, b->cap);
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

#if defined(__GNUC__)
static void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static void buf_printf(buf *b, const char *fmt, ...) {
  char small[512];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0)
    fail("formatting failed");
  if ((size_t)n < sizeof small) {
    buf_add(b, small, (size_t)n);
  } else {
    char *big = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_add(b, big, (size_t)n);
    free(big);
  }
}

/* ---- reading data/ ------------------------------------------------------ */

#define MAX_COLUMNS 4

typedef struct tsv_row {
  unsigned line;
  char *field[MAX_COLUMNS];
} tsv_row;

typedef struct tsv {
  char path[4096];
  char *text;
  tsv_row *rows;
  size_t n_rows;
} tsv;

/* Length of the UTF-8 character at s[0..n) (strict: no overlong forms,
   surrogates or code points above U+10FFFF), 0 if it is invalid. */
static size_t utf8_char(const unsigned char *s, size_t n) {
  size_t len, i;
  unsigned long cp;
  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF)
    len = 2, cp = s[0] & 0x1Fu;
  else if (s[0] >= 0xE0 && s[0] <= 0xEF)
    len = 3, cp = s[0] & 0x0Fu;
  else if (s[0] >= 0xF0 && s[0] <= 0xF4)
    len = 4, cp = s[0] & 0x07u;
  else
    return 0;
  if (n < len)
    return 0;
  for (i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  size_t cap = 0, n = 0, got;
  if (!f)
    fail("cannot read %s", path);
  do {
    if (n + 4096 + 1 > cap) {
      cap = cap ? 2 * cap : 65536;
      text = xrealloc(text, cap);
    }
    got = fread(text + n, 1, cap - n - 1, f);
    n += got;
  } while (got > 0);
  if (ferror(f))
    fail("cannot read %s", path);
  fclose(f);
  text[n] = '\0';
  *len = n;
  return text;
}

static void check_field(const tsv *t, unsigned line, const char *text) {
  size_t n = strlen(text), i;
  for (i = 0; i < n; i++)
    if ((unsigned char)text[i] < 0x20 || text[i] == 0x7F)
      fail("%s:%u: control character in \"%s\"", t->path, line, text);
  if (n > 0 && (text[0] == ' ' || text[n - 1] == ' '))
    fail("%s:%u: leading or trailing space in \"%s\"", t->path, line, text);
}

/* Read DIR/NAME: '#' comments and blank lines skipped, the first other line
   the header (exactly `columns`), then rows of as many tab-separated
   fields, which point into t->text. */
static void read_tsv(tsv *t, const char *dir, const char *name, const char *const *columns,
                     size_t n_columns) {
  size_t len, pos = 0, cap = 0, i;
  unsigned line = 0;
  int have_header = 0;
  snprintf(t->path, sizeof t->path, "%s/%s", dir, name);
  t->text = read_file(t->path, &len);
  t->rows = NULL;
  t->n_rows = 0;
  for (i = 0; i < len;) { /* the whole file is UTF-8 */
    size_t c = utf8_char((const unsigned char *)t->text + i, len - i);
    if (c == 0) {
      unsigned bad_line = 1;
      size_t j;
      for (j = 0; j < i; j++)
        bad_line += t->text[j] == '\n';
      fail("%s:%u: invalid UTF-8", t->path, bad_line);
    }
    i += c;
  }
  if (strlen(t->text) != len)
    fail("%s: NUL byte", t->path);
  while (pos < len) {
    char *start = t->text + pos, *nl = strchr(start, '\n'), *f;
    size_t n_fields = 0;
    char *fields[MAX_COLUMNS + 1];
    line++;
    if (nl) {
      *nl = '\0';
      pos = (size_t)(nl - t->text) + 1;
    } else {
      pos = len;
    }
    if (strchr(start, '\r'))
      fail("%s:%u: CR line ending", t->path, line);
    if (start[0] == '\0' || start[0] == '#')
      continue;
    for (f = start;; f++) {
      char *tab = strchr(f, '\t');
      if (n_fields <= MAX_COLUMNS)
        fields[n_fields] = f;
      n_fields++;
      if (!tab)
        break;
      *tab = '\0';
      f = tab;
    }
    if (!have_header) {
      int same = n_fields == n_columns;
      for (i = 0; same && i < n_columns; i++)
        same = strcmp(fields[i], columns[i]) == 0;
      if (!same)
        fail("%s:%u: the header is not the %zu columns of data/README.md", t->path, line,
             n_columns);
      have_header = 1;
      continue;
    }
    if (n_fields != n_columns)
      fail("%s:%u: %zu columns, expected %zu", t->path, line, n_fields, n_columns);
    if (t->n_rows == cap) {
      cap = cap ? 2 * cap : 256;
      t->rows = xrealloc(t->rows, cap * sizeof *t->rows);
    }
    t->rows[t->n_rows].line = line;
    for (i = 0; i < n_columns; i++) {
      check_field(t, line, fields[i]);
      t->rows[t->n_rows].field[i] = fields[i];
    }
    t->n_rows++;
  }
  if (!have_header)
    fail("%s: no header", t->path);
}

static void free_tsv(tsv *t) {
  free(t->text);
  free(t->rows);
}

static unsigned long parse_number(const tsv *t, unsigned line, const char *text,
                                  unsigned long limit) {
  unsigned long v = 0;
  const char *p;
  if (*text == '\0')
    fail("%s:%u: \"%s\" is not a decimal number", t->path, line, text);
  for (p = text; *p; p++) {
    if (*p < '0' || *p > '9')
      fail("%s:%u: \"%s\" is not a decimal number", t->path, line, text);
    v = v * 10 + (unsigned long)(*p - '0');
    if (v > limit)
      fail("%s:%u: %s is larger than %lu", t->path, line, text, limit);
  }
  return v;
}

/* "a|b|c": items must be non-empty and unpadded.  Returns the count. */
static size_t check_list(const tsv *t, unsigned line, const char *text) {
  size_t n = 0;
  const char *item = text;
  if (*text == '\0')
    return 0;
  for (;;) {
    size_t l = strcspn(item, "|");
    if (l == 0 || item[0] == ' ' || item[l - 1] == ' ')
      fail("%s:%u: empty or padded list item in \"%s\"", t->path, line, text);
    n++;
    if (item[l] == '\0')
      return n;
    item += l + 1;
  }
}

/* ---- the registry in memory --------------------------------------------- */

typedef struct code_entry {
  const char *code, *name;
} code_entry;

typedef struct asset {
  unsigned asset_class;
  uint16_t id;
  const char *name, *aliases; /* aliases: "a|b|c" as in the file */
} asset;

typedef struct provider {
  uint16_t id;
  const char *name, *abbreviations;
} provider;

static void read_code_table(const char *dir, const char *name, tsv *t,
                            code_entry table[REG_CLASS_COUNT]) {
  static const char *const columns[] = {"id", "code", "name"};
  int seen[REG_CLASS_COUNT] = {0};
  size_t r;
  unsigned id;
  read_tsv(t, dir, name, columns, 3);
  for (r = 0; r < t->n_rows; r++) {
    const tsv_row *row = &t->rows[r];
    id = (unsigned)parse_number(t, row->line, row->field[0], LIMIT_NIBBLE_MAX);
    if (seen[id])
      fail("%s:%u: id %u listed twice", t->path, row->line, id);
    if (row->field[2][0] == '\0')
      fail("%s:%u: empty name", t->path, row->line);
    seen[id] = 1;
    table[id].code = row->field[1];
    table[id].name = row->field[2];
  }
  for (id = 0; id < REG_CLASS_COUNT; id++)
    if (!seen[id])
      fail("%s: ids 0..%u must all be listed", t->path, LIMIT_NIBBLE_MAX);
}

static int compare_assets(const void *a, const void *b) {
  const asset *x = a, *y = b;
  if (x->asset_class != y->asset_class)
    return x->asset_class < y->asset_class ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static asset *read_assets(const char *dir, tsv *t, size_t *count) {
  static const char *const columns[] = {"class", "id", "name", "aliases"};
  asset *assets;
  size_t r;
  read_tsv(t, dir, "assets.tsv", columns, 4);
  assets = xrealloc(NULL, t->n_rows * sizeof *assets);
  for (r = 0; r < t->n_rows; r++) {
    const tsv_row *row = &t->rows[r];
    asset *a = &assets[r];
    a->asset_class = (unsigned)parse_number(t, row->line, row->field[0], LAST_ASSET_CLASS);
    a->id = (uint16_t)parse_number(t, row->line, row->field[1], UINT16_MAX);
    a->name = row->field[2];
    a->aliases = row->field[3];
    if (a->name[0] == '\0')
      fail("%s:%u: empty name", t->path, row->line);
    check_list(t, row->line, a->aliases);
  }
  qsort(assets, t->n_rows, sizeof *assets, compare_assets);
  for (r = 1; r < t->n_rows; r++)
    if (compare_assets(&assets[r - 1], &assets[r]) == 0)
      fail("%s: asset %u/%u listed twice", t->path, assets[r].asset_class, assets[r].id);
  *count = t->n_rows;
  return assets;
}

static int compare_providers(const void *a, const void *b) {
  const provider *x = a, *y = b;
  return x->id < y->id ? -1 : x->id > y->id;
}

static provider *read_providers(const char *dir, tsv *t, size_t *count) {
  static const char *const columns[] = {"id", "name", "abbreviations"};
  provider *providers;
  size_t r;
  read_tsv(t, dir, "providers.tsv", columns, 3);
  providers = xrealloc(NULL, t->n_rows * sizeof *providers);
  for (r = 0; r < t->n_rows; r++) {
    const tsv_row *row = &t->rows[r];
    provider *p = &providers[r];
    p->id = (uint16_t)parse_number(t, row->line, row->field[0], UINT16_MAX);
    p->name = row->field[1];
    p->abbreviations = row->field[2];
    if (p->name[0] == '\0')
      fail("%s:%u: empty name", t->path, row->line);
    check_list(t, row->line, p->abbreviations);
  }
  qsort(providers, t->n_rows, sizeof *providers, compare_providers);
  for (r = 1; r < t->n_rows; r++)
    if (providers[r - 1].id == providers[r].id)
      fail("%s: provider %u listed twice", t->path, providers[r].id);
  *count = t->n_rows;
  return providers;
}

/* ---- string pools -------------------------------------------------------- */

/* NUL-terminated strings, each stored once. */
typedef struct pool {
  buf data;
  uint32_t *slots; /* offset + 1 of a stored string, 0 = empty */
  size_t n_slots, n_strings;
} pool;

static int pool_holds(const pool *p, uint32_t off, const char *s, size_t n) {
  return strlen(p->data.data + off) == n && memcmp(p->data.data + off, s, n) == 0;
}

static void pool_grow(pool *p) {
  size_t n = p->n_slots ? 2 * p->n_slots : 4096, i;
  uint32_t *slots = xrealloc(NULL, n * sizeof *slots);
  memset(slots, 0, n * sizeof *slots);
  for (i = 0; i < p->n_slots; i++) {
    if (p->slots[i]) {
      const char *s = p->data.data + p->slots[i] - 1;
      size_t h = reg_key_hash(s, strlen(s)) & (n - 1);
      while (slots[h])
        h = (h + 1) & (n - 1);
      slots[h] = p->slots[i];
    }
  }
  free(p->slots);
  p->slots = slots;
  p->n_slots = n;
}

/* Offset of s[0..n) in the pool, added if it is not there yet. */
static uint32_t pool_add(pool *p, const char *s, size_t n) {
  size_t h;
  uint32_t off;
  if (2 * (p->n_strings + 1) > p->n_slots)
    pool_grow(p);
  for (h = reg_key_hash(s, n) & (p->n_slots - 1); p->slots[h]; h = (h + 1) & (p->n_slots - 1))
    if (pool_holds(p, p->slots[h] - 1, s, n))
      return p->slots[h] - 1;
  STORE(off, p->data.len, "string pool offset");
  buf_add(&p->data, s, n);
  buf_add(&p->data, "", 1);
  p->slots[h] = off + 1;
  p->n_strings++;
  return off;
}

static uint32_t pool_add_str(pool *p, const char *s) { return pool_add(p, s, strlen(s)); }

static void free_pool(pool *p) {
  free(p->data.data);
  free(p->slots);
}

/* The pool as a C string literal (octal escapes for everything but
   printable ASCII; '?' too, so no trigraph can form). */
static void write_c_bytes(buf *out, const buf *data) {
  enum { WIDTH = 76 };
  char line[WIDTH + 8];
  size_t used = 0, i;
  memcpy(line, "  \"", 3);
  used = 3;
  for (i = 0; i < data->len; i++) {
    unsigned char c = (unsigned char)data->data[i];
    char piece[8];
    size_t n;
    if (c == '"' || c == '\\')
      n = (size_t)snprintf(piece, sizeof piece, "\\%c", c);
    else if (c >= 0x20 && c < 0x7F && c != '?')
      n = (size_t)snprintf(piece, sizeof piece, "%c", c);
    else
      n = (size_t)snprintf(piece, sizeof piece, "\\%03o", c);
    if (used + n > WIDTH) {
      buf_add(out, line, used);
      buf_add(out, "\"\n", 2);
      used = 3;
    }
    memcpy(line + used, piece, n);
    used += n;
  }
  buf_add(out, line, used);
  buf_add(out, "\"", 1);
}

/* ---- key indexes ----------------------------------------------------------- */

/* A registry string that becomes a candidate of its key's group. */
typedef struct entry {
  size_t row;
  unsigned kind, asset_class;
  const char *raw; /* not NUL-terminated (an item of an "a|b|c" list) */
  size_t raw_len;
  uint32_t raw_off; /* offset of the raw text in the string pool */
  uint32_t order;   /* reg_asset_order / reg_provider_order */
  size_t rank;
  size_t seq; /* position in the input, for a stable sort */
  char *key;
  size_t key_len;
} entry;

typedef struct entries {
  entry *e;
  size_t n, cap;
} entries;

static void add_entry(entries *es, size_t row, unsigned kind, unsigned asset_class,
                      const char *raw, size_t raw_len, uint32_t raw_off, uint32_t order) {
  entry *e;
  if (es->n == es->cap) {
    es->cap = es->cap ? 2 * es->cap : 1024;
    es->e = xrealloc(es->e, es->cap * sizeof *es->e);
  }
  e = &es->e[es->n];
  e->row = row;
  e->kind = kind;
  e->asset_class = asset_class;
  e->raw = raw;
  e->raw_len = raw_len;
  e->raw_off = raw_off;
  e->order = order;
  e->seq = es->n;
  e->key = xrealloc(NULL, raw_len + 1);
  e->key_len = libmitch_reg_name_key(raw, raw_len, e->key);
  es->n++;
}

/* Entries of every item of the list at text (offset off in the pool). */
static void add_list_entries(entries *es, size_t row, unsigned first_kind, unsigned later_kind,
                             unsigned asset_class, uint16_t id, const char *text, uint32_t off,
                             int assets) {
  const char *item = text;
  unsigned n = 0;
  if (*text == '\0')
    return;
  for (;;) {
    size_t l = strcspn(item, "|");
    unsigned kind = n == 0 ? first_kind : later_kind;
    uint32_t order = assets ? reg_asset_order(asset_class, kind, id) : reg_provider_order(kind, id);
    add_entry(es, row, kind, asset_class, item, l, off + (uint32_t)(item - text), order);
    n++;
    if (item[l] == '\0')
      return;
    item += l + 1;
  }
}

static int compare_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* rank = position of the entry's order among all distinct orders. */
static void assign_ranks(entries *es) {
  uint32_t *orders = xrealloc(NULL, es->n * sizeof *orders);
  size_t i, n = 0;
  for (i = 0; i < es->n; i++)
    orders[i] = es->e[i].order;
  qsort(orders, es->n, sizeof *orders, compare_u32);
  for (i = 0; i < es->n; i++)
    if (n == 0 || orders[n - 1] != orders[i])
      orders[n++] = orders[i];
  for (i = 0; i < es->n; i++) {
    uint32_t *hit = bsearch(&es->e[i].order, orders, n, sizeof *orders, compare_u32);
    es->e[i].rank = (size_t)(hit - orders);
  }
  free(orders);
}

/* Keys by (length, bytes); within a key, candidates by (rank, row), and
   in input order when a string has its key twice. */
static int compare_entries(const void *a, const void *b) {
  const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
  int c;
  if (x->key_len != y->key_len)
    return x->key_len < y->key_len ? -1 : 1;
  c = memcmp(x->key, y->key, x->key_len);
  if (c)
    return c;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static unsigned popcount64(uint64_t x) {
  unsigned n = 0;
  for (; x; x &= x - 1)
    n++;
  return n;
}

/* Array initialisers, per_line to a line: 64-bit masks in hex, the rest
   in decimal. */
static void write_numbers(buf *out, int hex64, const unsigned long long *v, size_t n,
                          size_t per_line) {
  size_t i;
  for (i = 0; i < n; i++) {
    buf_add(out, i % per_line == 0 ? "  " : " ", i % per_line == 0 ? 2 : 1);
    if (hex64)
      buf_printf(out, "0x%016llxu,", v[i]);
    else
      buf_printf(out, "%llu,", v[i]);
    if (i % per_line == per_line - 1 || i + 1 == n)
      buf_add(out, "\n", 1);
  }
}

/* Build the key index `name` over es into out; returns its size in bytes. */
static size_t build_index(const char *name, entries *es, pool *keys, buf *out) {
  entry **sorted = xrealloc(NULL, es->n * sizeof *sorted);
  reg_candidate *cands = xrealloc(NULL, es->n * sizeof *cands);
  reg_key_group *groups = xrealloc(NULL, es->n * sizeof *groups);
  unsigned long long *masks = xrealloc(NULL, es->n * sizeof *masks);
  unsigned long long *numbers;
  uint16_t *slots;
  size_t n = 0, n_groups = 0, i, j, k, n_slots = 1, max_len = 0, size;

  for (i = 0; i < es->n; i++) {
    entry *e = &es->e[i];
    if (e->key_len == 0)
      continue; /* a string without letters or digits can never be looked up */
    if (e->key_len > REG_MAX_KEY)
      fail("%s: the key of \"%.*s\" is longer than %u bytes", name, (int)e->raw_len, e->raw,
           REG_MAX_KEY);
    sorted[n++] = e;
  }
  if (n == 0)
    fail("%s: no keys", name);
  qsort(sorted, n, sizeof *sorted, compare_entries);

  for (i = 0; i < n; i = j) {
    const entry *e = sorted[i];
    reg_key_group *g = &groups[n_groups];
    uint64_t mask = 0;
    uint16_t classes = 0;
    for (j = i; j < n && sorted[j]->key_len == e->key_len &&
                memcmp(sorted[j]->key, e->key, e->key_len) == 0;
         j++) {
      const entry *c = sorted[j];
      reg_candidate *rc = &cands[j];
      STORE(rc->raw, c->raw_off, "candidate text offset");
      STORE(rc->rank, c->rank, "candidate rank");
      STORE(rc->row, c->row, "candidate row");
      STORE(rc->raw_len, c->raw_len, "length of a name or alias");
      STORE(rc->kind, c->kind, "candidate kind");
      STORE(rc->asset_class, c->asset_class, "candidate class");
      classes |= (uint16_t)(1u << c->asset_class);
    }
    STORE(g->key, pool_add(keys, e->key, e->key_len), "key offset");
    g->hash = reg_key_hash(e->key, e->key_len);
    STORE(g->first, i, "first candidate");
    STORE(g->count, j - i, "candidates of one key");
    STORE(g->len, e->key_len, "key length");
    g->classes = classes;
    for (k = 0; k < e->key_len; k++)
      mask |= (uint64_t)1 << reg_mask_bit((unsigned char)e->key[k]);
    masks[n_groups] = mask;
    if (e->key_len > max_len)
      max_len = e->key_len;
    n_groups++;
  }

  while (n_slots < 2 * n_groups)
    n_slots *= 2;
  slots = xrealloc(NULL, n_slots * sizeof *slots);
  memset(slots, 0, n_slots * sizeof *slots);
  for (i = 0; i < n_groups; i++) {
    size_t h = groups[i].hash & (n_slots - 1);
    while (slots[h])
      h = (h + 1) & (n_slots - 1);
    STORE(slots[h], i + 1, "key group number");
  }

  buf_printf(out, "static const reg_candidate %s_candidates[%zu] = {\n", name, n);
  for (i = 0; i < n; i++)
    buf_printf(out, "  {%lu, %u, %u, %u, %u, %u},\n", (unsigned long)cands[i].raw,
               cands[i].rank, cands[i].row, cands[i].raw_len, cands[i].kind,
               cands[i].asset_class);
  buf_printf(out, "};\nstatic const reg_key_group %s_groups[%zu] = {\n", name, n_groups);
  for (i = 0; i < n_groups; i++)
    buf_printf(out, "  {%lu, 0x%08lxu, %u, %u, %u, 0x%04x},\n", (unsigned long)groups[i].key,
               (unsigned long)groups[i].hash, groups[i].first, groups[i].count, groups[i].len,
               groups[i].classes);
  buf_printf(out, "};\nstatic const uint64_t %s_masks[%zu] = {\n", name, n_groups);
  write_numbers(out, 1, masks, n_groups, 4);
  numbers = xrealloc(NULL, (n_slots > max_len + 2 ? n_slots : max_len + 2) * sizeof *numbers);
  for (i = 0; i < n_groups; i++)
    numbers[i] = popcount64(masks[i]);
  buf_printf(out, "};\nstatic const uint8_t %s_mask_bits[%zu] = {\n", name, n_groups);
  write_numbers(out, 0, numbers, n_groups, 16);
  for (i = 0; i < n_slots; i++)
    numbers[i] = slots[i];
  buf_printf(out, "};\nstatic const uint16_t %s_slots[%zu] = {\n", name, n_slots);
  write_numbers(out, 0, numbers, n_slots, 16);
  /* by_length[L]: the groups with keys shorter than L. */
  for (i = 0, j = 0; i < max_len + 2; i++) {
    while (j < n_groups && groups[j].len < i)
      j++;
    numbers[i] = j;
    if (numbers[i] > UINT16_MAX)
      fail("%s: too many keys", name);
  }
  buf_printf(out, "};\nstatic const uint16_t %s_by_length[%zu] = {\n", name, max_len + 2);
  write_numbers(out, 0, numbers, max_len + 2, 16);
  buf_printf(out, "};\nconst reg_index libmitch_reg_%s_index = {\n", name);
  buf_printf(out, "  %s_groups, %s_candidates, %s_masks, %s_mask_bits, %s_slots, %s_by_length,\n",
             name, name, name, name, name, name);
  buf_printf(out, "  libmitch_reg_keys, %zu, %zu, %zuu, %zuu\n};\n", n_groups, n, n_slots - 1,
             max_len);

  size = n * sizeof(reg_candidate) + n_groups * (sizeof(reg_key_group) + 8 + 1) +
         n_slots * sizeof(uint16_t) + (max_len + 2) * sizeof(uint16_t);
  free(sorted);
  free(cands);
  free(groups);
  free(masks);
  free(numbers);
  free(slots);
  return size;
}

static void free_entries(entries *es) {
  size_t i;
  for (i = 0; i < es->n; i++)
    free(es->e[i].key);
  free(es->e);
}

/* ---- the output ------------------------------------------------------------ */

static void write_code_table(buf *body, pool *strings, const char *name,
                             const code_entry table[REG_CLASS_COUNT]) {
  unsigned i;
  buf_printf(body, "const reg_code_row %s[%u] = {\n", name, REG_CLASS_COUNT);
  for (i = 0; i < REG_CLASS_COUNT; i++) {
    reg_code_row r;
    r.name = pool_add_str(strings, table[i].name);
    r.code = pool_add_str(strings, table[i].code);
    buf_printf(body, "  {%lu, %lu},\n", (unsigned long)r.name, (unsigned long)r.code);
  }
  buf_add(body, "};\n", 3);
}

/* Provider abbreviations must not collide with a name key (names win, so
   the abbreviation would be dead data) nor with another provider's. */
static void check_abbreviations(const entries *es, const provider *providers) {
  size_t i, j;
  for (i = 0; i < es->n; i++) {
    const entry *a = &es->e[i];
    if (a->kind != REG_KIND_ABBREVIATION)
      continue;
    for (j = 0; j < es->n; j++) {
      const entry *b = &es->e[j];
      if (j == i || a->key_len != b->key_len || memcmp(a->key, b->key, a->key_len) != 0)
        continue;
      if (b->kind == REG_KIND_PROVIDER_NAME)
        fail("providers: abbreviation \"%.*s\" of %u is the key of provider %u's name",
             (int)a->raw_len, a->raw, providers[a->row].id, providers[b->row].id);
      if (b->row != a->row)
        fail("providers: abbreviation \"%.*s\" of %u is also one of %u", (int)a->raw_len,
             a->raw, providers[a->row].id, providers[b->row].id);
    }
  }
}

int main(int argc, char **argv) {
  tsv class_file, type_file, asset_file, provider_file;
  code_entry classes[REG_CLASS_COUNT], types[REG_CLASS_COUNT];
  asset *assets;
  provider *providers;
  size_t n_assets, n_providers, i, usd_row = (size_t)-1, index_size, total;
  pool strings = {{NULL, 0, 0}, NULL, 0, 0}, keys = {{NULL, 0, 0}, NULL, 0, 0};
  buf body = {NULL, 0, 0}, out = {NULL, 0, 0};
  entries asset_entries = {NULL, 0, 0}, provider_entries = {NULL, 0, 0};
  uint16_t class_first[REG_CLASS_COUNT + 1], usd;
  const char *dir;

  if (argc != 2)
    fail("usage: gen-registry DATA_DIR > registry_data.c");
  dir = argv[1];
  read_code_table(dir, "asset-classes.tsv", &class_file, classes);
  read_code_table(dir, "instrument-types.tsv", &type_file, types);
  assets = read_assets(dir, &asset_file, &n_assets);
  providers = read_providers(dir, &provider_file, &n_providers);
  for (i = LIMIT_RESERVED_FIRST; i < REG_CLASS_COUNT; i++)
    if (classes[i].code[0] != '\0')
      fail("asset class %zu is reserved and has no code", i);

  pool_add_str(&strings, "");
  write_code_table(&body, &strings, "libmitch_reg_classes", classes);
  write_code_table(&body, &strings, "libmitch_reg_instrument_types", types);

  /* Assets.  The raw text of each alias is found inside the pool's copy of
     the whole alias list, so candidates point into it (offset, length). */
  buf_printf(&body, "const reg_asset_row libmitch_reg_assets[%zu] = {\n", n_assets);
  for (i = 0; i < n_assets; i++) {
    const asset *a = &assets[i];
    reg_asset_row r;
    size_t symbol_len = strcspn(a->aliases, "|");
    r.name = pool_add_str(&strings, a->name);
    r.aliases = pool_add_str(&strings, a->aliases);
    r.symbol = symbol_len ? pool_add(&strings, a->aliases, symbol_len) : 0;
    r.id = a->id;
    STORE(r.asset_class, a->asset_class, "asset class");
    buf_printf(&body, "  {%lu, %lu, %lu, %u, %u},\n", (unsigned long)r.name,
               (unsigned long)r.aliases, (unsigned long)r.symbol, r.id, r.asset_class);
    add_entry(&asset_entries, i, REG_KIND_NAME, a->asset_class, a->name, strlen(a->name), r.name,
              reg_asset_order(a->asset_class, REG_KIND_NAME, a->id));
    add_list_entries(&asset_entries, i, REG_KIND_PRIMARY, REG_KIND_ALIAS, a->asset_class, a->id,
                     a->aliases, r.aliases, 1);
    if (a->asset_class == MITCH_CLASS_FOREX && strcmp(a->name, "US Dollar") == 0)
      usd_row = i;
  }
  buf_add(&body, "};\n", 3);
  if (usd_row == (size_t)-1)
    fail("the registry has no Forex asset named US Dollar (the default quote)");
  for (i = 0; i <= REG_CLASS_COUNT; i++) {
    size_t below = 0, k;
    for (k = 0; k < n_assets; k++)
      below += assets[k].asset_class < i;
    STORE(class_first[i], below, "asset row number");
  }
  buf_printf(&body, "const uint16_t libmitch_reg_class_first[%u] = {", REG_CLASS_COUNT + 1);
  for (i = 0; i <= REG_CLASS_COUNT; i++)
    buf_printf(&body, "%s%u", i ? ", " : "", class_first[i]);
  STORE(usd, usd_row, "asset row number");
  buf_printf(&body, "};\nconst uint16_t libmitch_reg_usd_row = %u;\n", usd);

  buf_printf(&body, "const reg_provider_row libmitch_reg_providers[%zu] = {\n", n_providers);
  for (i = 0; i < n_providers; i++) {
    const provider *p = &providers[i];
    reg_provider_row r;
    r.name = pool_add_str(&strings, p->name);
    r.abbreviations = pool_add_str(&strings, p->abbreviations);
    r.id = p->id;
    buf_printf(&body, "  {%lu, %lu, %u},\n", (unsigned long)r.name,
               (unsigned long)r.abbreviations, r.id);
    add_entry(&provider_entries, i, REG_KIND_PROVIDER_NAME, 0, p->name, strlen(p->name), r.name,
              reg_provider_order(REG_KIND_PROVIDER_NAME, p->id));
    add_list_entries(&provider_entries, i, REG_KIND_ABBREVIATION, REG_KIND_ABBREVIATION, 0,
                     p->id, p->abbreviations, r.abbreviations, 0);
  }
  buf_add(&body, "};\n", 3);
  check_abbreviations(&provider_entries, providers);

  assign_ranks(&asset_entries);
  assign_ranks(&provider_entries);
  index_size = build_index("asset", &asset_entries, &keys, &body);
  index_size += build_index("provider", &provider_entries, &keys, &body);

  buf_printf(&out, "/* Generated by tools/gen-registry.c from data/: do not edit. */\n"
                   "#include <config.h>\n\n#include \"registry.h\"\n\n");
  buf_printf(&out, "const char libmitch_reg_strings[%zu] =\n", strings.data.len);
  write_c_bytes(&out, &strings.data);
  buf_printf(&out, ";\nconst char libmitch_reg_keys[%zu] =\n", keys.data.len);
  write_c_bytes(&out, &keys.data);
  buf_add(&out, ";\n", 2);
  buf_add(&out, body.data, body.len);
  buf_printf(&out, "const size_t libmitch_reg_asset_count = %zu;\n", n_assets);
  buf_printf(&out, "const size_t libmitch_reg_provider_count = %zu;\n", n_providers);

  total = strings.data.len + keys.data.len + 2 * REG_CLASS_COUNT * sizeof(reg_code_row) +
          n_assets * sizeof(reg_asset_row) + n_providers * sizeof(reg_provider_row) + index_size;
  if (total > REG_TABLE_BUDGET)
    fail("registry tables take %zu bytes, more than the %u-byte budget", total, REG_TABLE_BUDGET);
  buf_printf(&out, "\n/* About %zu bytes of tables (budget %u). */\n", total, REG_TABLE_BUDGET);
  buf_printf(&out,
             "MITCH_STATIC_ASSERT(sizeof libmitch_reg_strings + sizeof libmitch_reg_keys +\n"
             "                    sizeof libmitch_reg_assets + sizeof libmitch_reg_providers +\n"
             "                    sizeof asset_candidates + sizeof asset_groups +\n"
             "                    sizeof asset_masks + sizeof asset_mask_bits + sizeof asset_slots +\n"
             "                    sizeof provider_candidates + sizeof provider_groups +\n"
             "                    sizeof provider_masks + sizeof provider_mask_bits +\n"
             "                    sizeof provider_slots <= REG_TABLE_BUDGET,\n"
             "                    \"registry tables must stay within their budget\");\n");

  if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
    fail("cannot write the output");

  free(out.data);
  free(body.data);
  free_pool(&strings);
  free_pool(&keys);
  free_entries(&asset_entries);
  free_entries(&provider_entries);
  free(assets);
  free(providers);
  free_tsv(&class_file);
  free_tsv(&type_file);
  free_tsv(&asset_file);
  free_tsv(&provider_file);
  return 0;
}
