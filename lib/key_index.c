/*
 * key_index.c - exact and fuzzy lookups over a generated key index.
 *
 * Exact: hash the query key (FNV-1a, as the generator did) and probe the
 * open-addressing table; the group found lists every registry string with
 * that key, already sorted by tie rules 3-5, so picking is a short scan for
 * tie rules 1 and 2.
 *
 * Fuzzy: Jaro-Winkler against every distinct key, made cheap by pruning
 * that can never change the answer.  A candidate is skipped only when an
 * upper bound of its score is below the threshold or strictly below the
 * best score so far (equal scores still go to the tie rules):
 *  - lengths: with m <= min(la, lb) matches, jaro <= (m/la + m/lb + 1)/3;
 *    keys are bucketed by length and the buckets are visited outwards from
 *    the query's length, so a whole direction stops at the first bucket
 *    whose bound fails (the bound only falls as the lengths move apart);
 *  - character sets: every character class the query has and the key lacks
 *    removes at least one possible match on the query's side (and vice
 *    versa), so m <= la - |Q \ K| and m <= lb - |K \ Q| for the 64-bit
 *    set masks Q and K (bytes sharing a mask bit only weaken the bound);
 *  - the Winkler bonus uses the actual common prefix, cheap to compute.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

static inline uint32_t fnv1a(const char *s, size_t n) {
  uint32_t h = 0x811C9DC5u;
  size_t i;
  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 0x01000193u;
  return h;
}

const reg_key_group *libmitch_reg_find_key(const reg_index *ix, const char *key, size_t len) {
  uint32_t h, i;
  if (len == 0 || len > ix->max_len)
    return NULL;
  h = fnv1a(key, len);
  for (i = h & ix->slot_mask;; i = (i + 1) & ix->slot_mask) {
    const reg_key_group *g;
    uint16_t slot = ix->slots[i];
    if (slot == 0)
      return NULL;
    g = &ix->groups[slot - 1];
    if (g->hash == h && g->len == len && memcmp(ix->keys + g->key, key, len) == 0)
      return g;
  }
}

/* Tie rules 1 and 2 as a number (higher wins); rules 3-5 are the rank. */
static inline int preference(const reg_candidate *c, const reg_filter *f) {
  int p = 0;
  if (f->raw && c->raw_len == f->raw_len &&
      libmitch_reg_equal_nocase(REG_STR(c->raw), f->raw, f->raw_len))
    p = 2;
  if (f->prefer_class >= 0 && c->asset_class == f->prefer_class)
    p |= 1;
  return p;
}

const reg_candidate *libmitch_reg_pick(const reg_index *ix, const reg_key_group *g,
                                       const reg_filter *f) {
  const reg_candidate *c = ix->candidates + g->first, *end = c + g->count, *best = NULL;
  int best_p = -1;
  if (!(g->classes & f->classes))
    return NULL;
  for (; c < end; c++) {
    int p;
    if (!(f->classes & REG_CLASS_BIT(c->asset_class)))
      continue;
    p = preference(c, f);
    if (f->raw_only && p < 2)
      continue;
    if (p > best_p) { /* candidates come in rank order: the first wins ties */
      best = c;
      best_p = p;
    }
  }
  return best;
}

const reg_candidate *libmitch_reg_exact(const reg_index *ix, const char *key, size_t len,
                                        const reg_filter *f) {
  const reg_key_group *g = libmitch_reg_find_key(ix, key, len);
  return g ? libmitch_reg_pick(ix, g, f) : NULL;
}

/* ---- fuzzy ---------------------------------------------------------------- */

static inline unsigned mask_bit(unsigned char c) {
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= '0' && c <= '9')
    return 26u + (c - '0');
  return 36u + c % 28u;
}

static inline unsigned popcount64(uint64_t x) {
#if defined(__GNUC__) && defined(__POPCNT__)
  return (unsigned)__builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555u);
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return (unsigned)((x * 0x0101010101010101u) >> 56);
#endif
}

typedef struct fuzzy_search {
  const reg_index *ix;
  const char *key;
  size_t la;
  uint64_t qmask;
  double min_score;
  reg_filter filter; /* raw dropped: tie rule 1 is about exact hits */
  const reg_candidate *best;
  reg_score best_score;
} fuzzy_search;

/* Can a score bounded by ub still win or tie? */
static inline int may_win(const fuzzy_search *s, reg_score ub) {
  if (reg_score_value(ub) < s->min_score)
    return 0;
  return !s->best || reg_score_cmp(ub, s->best_score) >= 0;
}

/* min_m[l]: fewest matches a key of length lb with common prefix l needs to
   possibly win (mmax + 1: it cannot). */
static void needed_matches(const fuzzy_search *s, size_t lb, size_t mmax, size_t lmax,
                           size_t *min_m) {
  size_t l;
  for (l = 0; l <= lmax; l++) {
    size_t lo = 0, hi = mmax + 1; /* the bound grows with m: binary search */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (may_win(s, libmitch_reg_jw_bound(s->la, lb, mid, l)))
        hi = mid;
      else
        lo = mid + 1;
    }
    min_m[l] = lo;
  }
}

/* Is candidate c (score sc) better than the best so far? */
static inline int beats(const fuzzy_search *s, const reg_candidate *c, reg_score sc) {
  int cmp, pc, pb;
  if (!s->best)
    return 1;
  cmp = reg_score_cmp(sc, s->best_score);
  if (cmp)
    return cmp > 0;
  pc = preference(c, &s->filter);
  pb = preference(s->best, &s->filter);
  if (pc != pb)
    return pc > pb;
  return c->rank < s->best->rank;
}

/* Score the keys of length lb; returns 0 when no key of this length (nor,
   by monotony, of any length further from the query's) can win. */
static int search_bucket(fuzzy_search *s, size_t lb) {
  const reg_index *ix = s->ix;
  size_t g = ix->by_length[lb], end = ix->by_length[lb + 1];
  size_t la = s->la, mmax = la < lb ? la : lb, lmax = mmax < 4 ? mmax : 4;
  size_t min_m[5];
  if (!may_win(s, libmitch_reg_jw_bound(la, lb, mmax, lmax)))
    return 0;
  if (g == end)
    return 1;
  needed_matches(s, lb, mmax, lmax, min_m);
  for (; g < end; g++) {
    const reg_key_group *grp = &ix->groups[g];
    const char *k = ix->keys + grp->key;
    uint64_t km = ix->masks[g];
    size_t only_q = popcount64(s->qmask & ~km), only_k = popcount64(km & ~s->qmask);
    size_t m_bound, l = 0;
    reg_score sc;
    const reg_candidate *c;
    if (!(grp->classes & s->filter.classes))
      continue;
    m_bound = only_q >= la || only_k >= lb ? 0
              : la - only_q < lb - only_k ? la - only_q : lb - only_k;
    while (l < lmax && k[l] == s->key[l])
      l++;
    if (m_bound < min_m[l])
      continue;
    sc = libmitch_reg_jw_short(s->key, la, k, lb);
    if (reg_score_value(sc) < s->min_score)
      continue;
    c = libmitch_reg_pick(ix, grp, &s->filter);
    if (c && beats(s, c, sc)) {
      int raised = !s->best || reg_score_cmp(sc, s->best_score) > 0;
      s->best = c;
      s->best_score = sc;
      if (raised)
        needed_matches(s, lb, mmax, lmax, min_m);
    }
  }
  return 1;
}

const reg_candidate *libmitch_reg_fuzzy(const reg_index *ix, const char *key, size_t len,
                                        double min_score, const reg_filter *f,
                                        reg_score *score) {
  fuzzy_search s;
  size_t i, up, down;
  int going_up = 1, going_down = 1;
  if (len == 0)
    return NULL;
  s.ix = ix;
  s.key = key;
  s.la = len;
  s.qmask = 0;
  for (i = 0; i < len; i++)
    s.qmask |= (uint64_t)1 << mask_bit((unsigned char)key[i]);
  s.min_score = min_score;
  s.filter = *f;
  s.filter.raw = NULL;
  s.filter.raw_len = 0;
  s.filter.raw_only = 0;
  s.best = NULL;
  s.best_score.num = 0;
  s.best_score.den = 1;

  /* Outwards from the query's length: up from min(len, max_len), down
     from one below it. */
  up = len < ix->max_len ? len : ix->max_len;
  down = up - 1;
  while (going_up || going_down) {
    if (going_up) {
      if (up > ix->max_len || !search_bucket(&s, up))
        going_up = 0;
      up++;
    }
    if (going_down) {
      if (down < 1 || !search_bucket(&s, down))
        going_down = 0;
      down--;
    }
  }
  if (s.best && score)
    *score = s.best_score;
  return s.best;
}
