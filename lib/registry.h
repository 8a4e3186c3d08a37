/*
 * registry.h - the registry tables and the lookups over them (internal).
 *
 * tools/gen-registry.c turns data/ into lib/registry_data.c: constant rows
 * (classes, instrument types, assets, providers) whose strings live in one
 * pool, and for assets and providers a key index -- every distinct
 * comparison key with its candidates in tie-break order, a hash table over
 * the keys for exact lookups, and length buckets plus character-set masks
 * for the fuzzy search.  Their format and the rules both sides apply are
 * in registry_rules.h.  Everything is const: nothing is built at run time,
 * so any thread may use the tables from the first call on.
 *
 * A ticker symbol flows one way through the files below (resolve_ticker.c
 * drives it): normalize.c checks the query, clean.c cleans it, split.c
 * reads it as pairs, key_index.c looks the legs up and picks candidates,
 * resolve_steps.c writes what was done.  Each piece of text is keyed once
 * (reg_text).
 */
#ifndef MITCH_REGISTRY_H
#define MITCH_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "registry_rules.h"
#include "wire.h"

#define REG_STR(off) (libmitch_reg_strings + (off))

#define REG_ALL_CLASSES 0xFFFFu
#define REG_CLASS_BIT(c) ((uint16_t)(1u << (c)))
#define REG_FX_BIT REG_CLASS_BIT(MITCH_CLASS_FOREX)
#define REG_CURRENCY_BITS (REG_CLASS_BIT(MITCH_CLASS_FOREX) | REG_CLASS_BIT(MITCH_CLASS_CRYPTO))

/* ---- normalize.c: query text -------------------------------------------- */

/* Longest key a query can have (a query is at most MITCH_QUERY_MAX bytes). */
#define REG_KEY_BUF (MITCH_QUERY_MAX + 1u)

/* Length of a NUL-terminated query, reading at most MITCH_QUERY_MAX + 1
   bytes; MITCH_QUERY_MAX + 1 means "too long". */
size_t libmitch_reg_query_len(const char *q);

/* MITCH_OK, or MITCH_ERR_INVALID_DATA for NULL or a query that is too long.
   *len receives the length. */
int libmitch_reg_check_query(const char *q, size_t *len);

/* Copy the NUL-terminated s into out[0..out_len): cut at a UTF-8 character
   boundary to fit, always NUL-terminated; out_len 0 writes nothing.
   Returns 1 when all of s fitted. */
int libmitch_reg_copy_text(char *out, size_t out_len, const char *s);

/* Case-insensitive (ASCII) equality of two byte strings of equal length. */
static inline int reg_equal_nocase(const char *a, const char *b, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if (reg_lower_ascii((unsigned char)a[i]) != reg_lower_ascii((unsigned char)b[i]))
      return 0;
  return 1;
}

/* A piece of a query with its comparison key, keyed once when it is set. */
typedef struct reg_text {
  const char *text; /* not NUL-terminated: a slice of the caller's query */
  size_t len;
  size_t key_len;
  char key[REG_KEY_BUF];
} reg_text;

static inline void reg_text_set(reg_text *t, const char *text, size_t len) {
  t->text = text;
  t->len = len;
  t->key_len = libmitch_reg_name_key(text, len, t->key);
}

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
   most m matching characters and a common prefix of l (<= REG_PREFIX_MAX)
   can reach. */
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

/* ---- key_index.c: look up and pick -------------------------------------- */

/* The candidate filter of a lookup. */
typedef struct reg_filter {
  uint16_t classes;  /* allowed asset classes (bit c); REG_ALL_CLASSES = all */
  int prefer_class;  /* tie rule 2: the other leg's class, -1 for none */
  const char *raw;   /* the query as written, for tie rule 1 (NULL: none) */
  size_t raw_len;
  int raw_only;      /* accept raw hits only (ticker step 0) */
} reg_filter;

static inline reg_filter reg_filter_make(uint16_t classes, const char *raw, size_t raw_len) {
  reg_filter f;
  f.classes = classes;
  f.prefer_class = -1;
  f.raw = raw;
  f.raw_len = raw_len;
  f.raw_only = 0;
  return f;
}

/* The group whose key is key[0..len), or NULL. */
const reg_key_group *libmitch_reg_find_key(const reg_index *ix, const char *key, size_t len);

/* The best candidate of a group under a filter (tie rules 1, 2, then rank),
   or NULL when none is allowed. */
const reg_candidate *libmitch_reg_pick(const reg_index *ix, const reg_key_group *g,
                                       const reg_filter *f);

/* Exact lookup: find_key + pick. */
const reg_candidate *libmitch_reg_exact(const reg_index *ix, const char *key, size_t len,
                                        const reg_filter *f);

/* One leg of a pair: the key group looked up and how to pick from it. */
typedef struct reg_leg {
  const reg_key_group *group;
  reg_filter filter;
} reg_leg;

/* Pick both legs of a pair, each preferring the class of the other's own
   best candidate (tie rule 2).  0 when a leg has no allowed candidate. */
int libmitch_reg_pick_pair(const reg_index *ix, reg_leg *base, reg_leg *quote,
                           const reg_candidate **base_out, const reg_candidate **quote_out);

/* Fuzzy lookup: the candidate whose key has the best Jaro-Winkler score
   against key[0..len), at or above min_score, ties by the filter's rules
   (raw is ignored).  NULL when nothing reaches min_score; *score receives
   the winning score. */
const reg_candidate *libmitch_reg_fuzzy(const reg_index *ix, const char *key, size_t len,
                                        double min_score, const reg_filter *f,
                                        reg_score *score);

/* ---- clean.c: step 1, and the account letter of step 5 ------------------ */

typedef struct reg_cleaned {
  size_t start, end;  /* the cleaned symbol is sym[start..end) */
  int account_letter; /* sym[end - 1] is a letter step 5 may drop */
} reg_cleaned;

void libmitch_reg_clean(const char *sym, size_t len, reg_cleaned *out);

/* ---- split.c: steps 2-4, the readings of a cleaned symbol as a pair ----- */

/* The step of resolution.md that found a ticker's legs. */
enum reg_step {
  REG_STEP_RAW,         /* 0: the symbol as typed, against US Dollar */
  REG_STEP_SEPARATOR,   /* 2: split at a separator */
  REG_STEP_WHOLE,       /* 3: the whole cleaned symbol, against US Dollar */
  REG_STEP_MAJOR_QUOTE, /* 4a: a major quote at the end */
  REG_STEP_FIAT_QUOTE,  /* 4b: a fiat quote in the last three characters */
  REG_STEP_MAJOR_BASE,  /* 4c: a major base at the start */
  REG_STEP_FUZZY        /* 6: fuzzy, against US Dollar */
};

/* Longest word a reading names: the separator, a major, a fiat code. */
#define REG_WORD_MAX 4u

/* A leg of a reading: the key to look up and which classes may answer. */
typedef struct reg_leg_key {
  const char *raw; /* the leg as written, for tie rule 1 */
  size_t raw_len;
  const char *key;
  size_t key_len;
  uint16_t classes;
  uint16_t fallback_classes; /* allowed when `classes` has no candidate (4c) */
} reg_leg_key;

typedef struct reg_reading {
  int step;         /* REG_STEP_SEPARATOR .. REG_STEP_MAJOR_BASE */
  const char *word; /* for the step log */
  size_t word_len;
  reg_leg_key base;
  reg_leg_key quote; /* unused in REG_STEP_WHOLE: the quote is US Dollar */
} reg_reading;

typedef struct reg_splitter {
  const reg_text *sym; /* the cleaned symbol */
  int step;            /* of the next reading */
  size_t next;         /* position in sym->text (step 2), major (4a, 4c) */
  char base_key[REG_KEY_BUF], quote_key[REG_KEY_BUF]; /* a separator's parts */
} reg_splitter;

void libmitch_reg_split_start(reg_splitter *s, const reg_text *sym);
/* The next reading, in resolution.md's order; 0 after the last. */
int libmitch_reg_split_next(reg_splitter *s, reg_reading *r);

/* ---- resolve_steps.c: the step log -------------------------------------- */

/* What a ticker resolution did: filled when a step succeeds, written out
   once (mitch_resolution.steps) at the end. */
typedef struct reg_trace {
  const char *symbol; /* as typed */
  size_t len;
  reg_cleaned cleaned; /* what step 1 left */
  int account_letter;  /* step 5 dropped the cleaned symbol's last byte */
  int step;            /* enum reg_step */
  char word[REG_WORD_MAX];
  size_t word_len;
  reg_score score; /* REG_STEP_FUZZY */
} reg_trace;

void libmitch_reg_write_steps(const reg_trace *t, char *out, size_t cap);

/* ---- registry.c: rows to public structs ---------------------------------- */

void libmitch_reg_fill_asset(size_t row, mitch_asset *out);
void libmitch_reg_fill_provider(size_t row, mitch_provider *out);

/* ---- resolve_asset.c ------------------------------------------------------ */

/* Asset lookup of a query (exact, cleaned exact, fuzzy), shared by
   mitch_asset_find and the flat functions. */
int libmitch_reg_find_asset(const char *query, int class_filter, double min_confidence,
                            size_t *row, double *confidence);

#endif
