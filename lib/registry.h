/*
 * registry.h - the registry tables and the lookups over them (internal).
 *
 * tools/gen-registry.py turns data/ into lib/registry_data.c: constant rows
 * (classes, instrument types, assets, providers) whose strings live in one
 * pool, and for assets and providers a key index -- every distinct
 * comparison key with its candidates in tie-break order, a hash table over
 * the keys for exact lookups, and length buckets plus character-set masks
 * for the fuzzy search.  Everything is const: nothing is built at run time,
 * so any thread may use the tables from the first call on.
 */
#ifndef MITCH_REGISTRY_H
#define MITCH_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "wire.h"

/* ---- generated tables ---------------------------------------------------- */

typedef struct reg_code_row {
  uint32_t name; /* offsets into libmitch_reg_strings */
  uint32_t code;
} reg_code_row;

typedef struct reg_asset_row {
  uint32_t name;    /* offsets into libmitch_reg_strings */
  uint32_t aliases; /* "a|b|c", "" if none */
  uint32_t symbol;  /* first alias alone, "" if none */
  uint16_t id;
  uint8_t asset_class;
} reg_asset_row;

typedef struct reg_provider_row {
  uint32_t name;
  uint32_t abbreviations;
  uint16_t id;
} reg_provider_row;

/* Candidate kinds: tie rule 4 for assets (primary symbol, later alias,
   name); for providers a name hit beats an abbreviation hit. */
enum { REG_KIND_PRIMARY = 0, REG_KIND_ALIAS = 1, REG_KIND_NAME = 2 };
enum { REG_KIND_PROVIDER_NAME = 0, REG_KIND_ABBREVIATION = 1 };

/* One registry string (a name or an alias) that has a group's key. */
typedef struct reg_candidate {
  uint32_t raw;  /* the string as written, in libmitch_reg_strings (not
                    NUL-terminated: an alias inside its "a|b|c" list) */
  uint16_t rank; /* tie rules 3-5 (class precedence, kind, id) for assets,
                    (kind, id) for providers: the lower rank wins */
  uint16_t row;  /* index into libmitch_reg_assets / _providers */
  uint8_t raw_len;
  uint8_t kind;
  uint8_t asset_class; /* 0 for providers */
} reg_candidate;

/* All the candidates sharing one comparison key, sorted by rank. */
typedef struct reg_key_group {
  uint32_t key;     /* offset into libmitch_reg_keys (NUL-terminated) */
  uint32_t hash;    /* reg_hash() of the key */
  uint16_t first;   /* first candidate */
  uint8_t count;    /* number of candidates */
  uint8_t len;      /* key length, <= REG_MAX_KEY */
  uint16_t classes; /* bit c set when a candidate is of asset class c */
} reg_key_group;

typedef struct reg_index {
  const reg_key_group *groups;    /* sorted by (key length, key) */
  const reg_candidate *candidates;
  const uint64_t *masks;          /* character-set mask of each group's key */
  const uint8_t *mask_bits;       /* bits set in each mask */
  const uint16_t *slots;          /* open addressing: group index + 1, 0 = empty */
  const uint16_t *by_length;      /* groups of key length L: [by_length[L], by_length[L+1]) */
  const char *keys;
  uint32_t n_groups;
  uint32_t n_candidates;
  uint32_t slot_mask;             /* table size - 1 (a power of two) */
  uint32_t max_len;               /* longest key */
} reg_index;

/* Registry keys fit a 64-bit position mask in the fuzzy matcher. */
#define REG_MAX_KEY 64u

extern const char libmitch_reg_strings[];
extern const char libmitch_reg_keys[];
extern const reg_code_row libmitch_reg_classes[16];
extern const reg_code_row libmitch_reg_instrument_types[16];
extern const reg_asset_row libmitch_reg_assets[];
extern const size_t libmitch_reg_asset_count;
extern const uint16_t libmitch_reg_class_first[17]; /* class c: rows [first[c], first[c+1]) */
extern const uint16_t libmitch_reg_usd_row;         /* US Dollar, the default quote */
extern const reg_provider_row libmitch_reg_providers[];
extern const size_t libmitch_reg_provider_count;
extern const reg_index libmitch_reg_asset_index;
extern const reg_index libmitch_reg_provider_index;

#define REG_STR(off) (libmitch_reg_strings + (off))

/* ---- normalize.c: text handling ----------------------------------------- */

/* Longest key a query can have (a query is at most MITCH_QUERY_MAX bytes). */
#define REG_KEY_BUF (MITCH_QUERY_MAX + 1u)

/* Length of a NUL-terminated query, reading at most MITCH_QUERY_MAX + 1
   bytes; MITCH_QUERY_MAX + 1 means "too long". */
size_t libmitch_reg_query_len(const char *q);

/* MITCH_OK, or MITCH_ERR_INVALID_DATA for NULL or a query that is too long.
   *len receives the length. */
int libmitch_reg_check_query(const char *q, size_t *len);

/* The comparison key of text[0..len) (resolution.md: lower-cased ASCII,
   letters, digits and non-ASCII bytes, leading "the" and one trailing
   business-suffix word dropped).  out must hold len bytes; returns the key
   length. */
size_t libmitch_reg_name_key(const char *text, size_t len, char *out);

/* Case-insensitive (ASCII) equality of two byte strings of equal length. */
int libmitch_reg_equal_nocase(const char *a, const char *b, size_t len);

/* Copy the NUL-terminated s into out[0..out_len): cut at a UTF-8 character
   boundary to fit, always NUL-terminated; out_len 0 writes nothing.
   Returns 1 when all of s fitted. */
int libmitch_reg_copy_text(char *out, size_t out_len, const char *s);

/* ---- similarity.c: Jaro-Winkler with exact scores ----------------------- */

/* A score as an exact fraction num/den (den > 0), so that equal scores
   compare equal and ties go to the tie rules, not to rounding. */
typedef struct reg_score {
  uint64_t num;
  uint64_t den;
} reg_score;

/* Jaro-Winkler of a[0..la) and b[0..lb) (lb <= REG_MAX_KEY). */
reg_score libmitch_reg_jw_short(const char *a, size_t la, const char *b, size_t lb);
/* The same for any lengths up to MITCH_QUERY_MAX. */
reg_score libmitch_reg_jw(const char *a, size_t la, const char *b, size_t lb);
/* The largest Jaro-Winkler score two strings of lengths la and lb with at
   most m matching characters and a common prefix of l (<= 4) can reach. */
reg_score libmitch_reg_jw_bound(size_t la, size_t lb, size_t m, size_t l);

static inline int reg_score_cmp(reg_score x, reg_score y) {
  uint64_t a = x.num * y.den, b = y.num * x.den; /* < 2^60, see similarity.c */
  return a < b ? -1 : a > b;
}
/* The score as the double callers see.  Going through a volatile rounds it
   to double on x87 (i386) too, where the quotient would otherwise keep
   80-bit precision and compare differently from the value handed out. */
static inline double reg_score_value(reg_score s) {
  volatile double v = (double)s.num / (double)s.den;
  return v;
}

/* ---- key_index.c: exact and fuzzy lookups -------------------------------- */

/* The candidate filter of a lookup. */
typedef struct reg_filter {
  uint16_t classes;  /* allowed asset classes (bit c); 0xFFFF = all */
  int prefer_class;  /* tie rule 2: the other leg's class, -1 for none */
  const char *raw;   /* the query as written, for tie rule 1 (NULL: none) */
  size_t raw_len;
  int raw_only;      /* accept raw hits only (ticker step 0) */
} reg_filter;

#define REG_ALL_CLASSES 0xFFFFu
#define REG_CLASS_BIT(c) ((uint16_t)(1u << (c)))

/* The group whose key is key[0..len), or NULL. */
const reg_key_group *libmitch_reg_find_key(const reg_index *ix, const char *key, size_t len);

/* The best candidate of a group under a filter (tie rules 1, 2, then rank),
   or NULL when none is allowed. */
const reg_candidate *libmitch_reg_pick(const reg_index *ix, const reg_key_group *g,
                                       const reg_filter *f);

/* Exact lookup: find_key + pick. */
const reg_candidate *libmitch_reg_exact(const reg_index *ix, const char *key, size_t len,
                                        const reg_filter *f);

/* Fuzzy lookup: the candidate whose key has the best Jaro-Winkler score
   against key[0..len), at or above min_score, ties by the filter's rules
   (raw is ignored).  NULL when nothing reaches min_score; *score receives
   the winning score. */
const reg_candidate *libmitch_reg_fuzzy(const reg_index *ix, const char *key, size_t len,
                                        double min_score, const reg_filter *f,
                                        reg_score *score);

/* ---- registry.c: rows to public structs ---------------------------------- */

void libmitch_reg_fill_asset(size_t row, mitch_asset *out);
void libmitch_reg_fill_provider(size_t row, mitch_provider *out);

/* Clean a symbol as in step 1 of resolution.md: sym[*start..*end) shrinks.
   Writes what was stripped to `steps` (may be NULL). */
typedef struct reg_steps {
  char *text;
  size_t cap;
  size_t len;
} reg_steps;
void libmitch_reg_steps_add(reg_steps *s, const char *phrase, const char *arg, size_t arg_len);
void libmitch_reg_clean(const char *sym, size_t *start, size_t *end, reg_steps *steps);

/* Asset lookup of a query (exact, cleaned exact, fuzzy), shared by
   mitch_asset_find and the flat functions. */
int libmitch_reg_find_asset(const char *query, int class_filter, double min_confidence,
                            size_t *row, double *confidence);

#endif
