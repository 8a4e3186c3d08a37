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
 */
#ifndef MITCH_REGISTRY_H
#define MITCH_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "registry_rules.h"
#include "wire.h"

#define REG_STR(off) (libmitch_reg_strings + (off))

/* ---- normalize.c: query text -------------------------------------------- */

/* Longest key a query can have (a query is at most MITCH_QUERY_MAX bytes). */
#define REG_KEY_BUF (MITCH_QUERY_MAX + 1u)

/* Length of a NUL-terminated query, reading at most MITCH_QUERY_MAX + 1
   bytes; MITCH_QUERY_MAX + 1 means "too long". */
size_t libmitch_reg_query_len(const char *q);

/* MITCH_OK, or MITCH_ERR_INVALID_DATA for NULL or a query that is too long.
   *len receives the length. */
int libmitch_reg_check_query(const char *q, size_t *len);

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
