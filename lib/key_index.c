/*
 * key_index.c - exact and fuzzy lookups over a generated key index.
 *
 * Exact: hash the query key (reg_key_hash, as the generator did) and probe the
 * open-addressing table; the group found lists every registry string with
 * that key, already sorted by tie rules 3-5, so picking is a short scan for
 * tie rules 1 and 2.
 *
 * Fuzzy: Jaro-Winkler against every distinct key, made cheap by pruning
 * that can never change the answer.  A key is skipped only when an upper
 * bound of its score is below the threshold or strictly below the best
 * score so far (equal scores still go to the tie rules):
 *  - lengths: with m <= min(la, lb) matches, jaro <= (m/la + m/lb + 1)/3;
 *    keys are bucketed by length and the buckets are visited outwards from
 *    the query's length, so a whole direction stops at the first bucket
 *    whose bound fails (the bound only falls as the lengths move apart);
 *  - prefixes: keys of one length are sorted, so those sharing the query's
 *    first p characters are nested ranges found by binary search; each
 *    ring has an exact Winkler prefix, and a ring whose bound cannot reach
 *    the best score is skipped whole -- usually the big ring of keys that
 *    do not even start like the query;
 *  - character sets: every character class the query has and the key lacks
 *    removes at least one possible match on the query's side (and vice
 *    versa), so m <= la - |Q \ K| and m <= lb - |K \ Q| for the 64-bit
 *    set masks Q and K (bytes sharing a mask bit only weaken the bound).
 * The keys one length away or less that share the query's first
 * REG_PREFIX_MAX characters are scored first: a typo's target is usually there, and a
 * high best score early is what makes the bounds bite.
 */
#include <config.h>

#include <string.h>

#include "registry.h"

/* The group of key[0..len) whose hash is h, or NULL. */
static const reg_key_group *probe(const reg_index *ix, const char *key, size_t len, uint32_t h) {
  uint32_t i;
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

const reg_key_group *libmitch_reg_find_key(const reg_index *ix, const char *key, size_t len) {
  if (len == 0 || len > ix->max_len)
    return NULL;
  return probe(ix, key, len, reg_key_hash(key, len));
}

/* Tie rules 1 and 2 as a number (higher wins); rules 3-5 are the rank
   (registry_rules.h). */
static inline int preference(const reg_candidate *c, const reg_filter *f) {
  int p = 0;
  if (f->raw && c->raw_len == f->raw_len && reg_equal_nocase(REG_STR(c->raw), f->raw, f->raw_len))
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

int libmitch_reg_pick_pair(const reg_index *ix, reg_leg *base, reg_leg *quote,
                           const reg_candidate **base_out, const reg_candidate **quote_out) {
  const reg_candidate *b, *q;
  if (!base->group || !quote->group)
    return 0;
  b = libmitch_reg_pick(ix, base->group, &base->filter);
  q = libmitch_reg_pick(ix, quote->group, &quote->filter);
  if (!b || !q)
    return 0;
  /* Tie rule 2 both ways: a crypto quote pulls an ambiguous base towards
     crypto, and the base's class an ambiguous quote towards its own. */
  base->filter.prefer_class = q->asset_class;
  quote->filter.prefer_class = b->asset_class;
  *base_out = libmitch_reg_pick(ix, base->group, &base->filter);
  *quote_out = libmitch_reg_pick(ix, quote->group, &quote->filter);
  return 1;
}

/* ---- fuzzy ---------------------------------------------------------------- */

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
  size_t q_bits; /* bits set in qmask */
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

/* The keys of one length, while they are being scored. */
typedef struct bucket {
  size_t lb, mmax, lmax;
  size_t min_m[REG_PREFIX_MAX + 1]; /* needed_matches() for the current best */
} bucket;

/* Score groups [g, end), whose keys share exactly l leading characters
   with the query (at least l when l == lmax).  Returns 0 once no key of
   this length with that prefix can win any more. */
static int scan_ring(fuzzy_search *s, bucket *b, size_t g, size_t end, size_t l) {
  const reg_index *ix = s->ix;
  size_t la = s->la, lb = b->lb;
  /* Characters the query has and the key lacks (or the reverse) each
     cost a match. */
  size_t need = b->min_m[l], slack_q, slack_k;
  if (need > b->mmax)
    return 0;
  slack_q = la - need;
  slack_k = lb - need;
  for (; g < end; g++) {
    const reg_key_group *grp;
    size_t common = popcount64(s->qmask & ix->masks[g]);
    size_t only_q = s->q_bits - common, only_k = ix->mask_bits[g] - common;
    reg_score sc;
    const reg_candidate *c;
    if (only_q > slack_q || only_k > slack_k)
      continue;
    grp = &ix->groups[g];
    if (!(grp->classes & s->filter.classes))
      continue;
    sc = libmitch_reg_jw_short(s->key, la, ix->keys + grp->key, lb);
    if (reg_score_value(sc) < s->min_score)
      continue;
    c = libmitch_reg_pick(ix, grp, &s->filter);
    if (c && beats(s, c, sc)) {
      int raised = !s->best || reg_score_cmp(sc, s->best_score) > 0;
      s->best = c;
      s->best_score = sc;
      if (raised) {
        needed_matches(s, lb, b->mmax, b->lmax, b->min_m);
        need = b->min_m[l];
        if (need > b->mmax)
          return 0;
        slack_q = la - need;
        slack_k = lb - need;
      }
    }
  }
  return 1;
}

/* Narrow [*lo, *hi) -- keys sorted bytewise that agree with the query
   before position p -- to those whose byte p is also the query's. */
static void narrow(const reg_index *ix, size_t p, unsigned char want, size_t *lo, size_t *hi) {
  size_t a = *lo, z = *hi;
  while (a < z) { /* first key with byte p >= want */
    size_t mid = a + (z - a) / 2;
    if ((unsigned char)ix->keys[ix->groups[mid].key + p] < want)
      a = mid + 1;
    else
      z = mid;
  }
  *lo = a;
  z = *hi;
  while (a < z) { /* first key with byte p > want */
    size_t mid = a + (z - a) / 2;
    if ((unsigned char)ix->keys[ix->groups[mid].key + p] <= want)
      a = mid + 1;
    else
      z = mid;
  }
  *hi = a;
}

/* Set up bucket lb: its bounds and the nested ranges lo[p]..hi[p] of keys
   sharing the query's first p characters (keys of one length are sorted
   bytewise, so each range is contiguous).  0 when no key of this length
   (nor, by monotony, of any length further from the query's) can win. */
static int open_bucket(fuzzy_search *s, size_t lb, bucket *b, size_t *lo, size_t *hi) {
  const reg_index *ix = s->ix;
  size_t p;
  b->lb = lb;
  b->mmax = s->la < lb ? s->la : lb;
  b->lmax = b->mmax < REG_PREFIX_MAX ? b->mmax : REG_PREFIX_MAX;
  if (!may_win(s, libmitch_reg_jw_bound(s->la, lb, b->mmax, b->lmax)))
    return 0;
  lo[0] = ix->by_length[lb];
  hi[0] = ix->by_length[lb + 1];
  for (p = 1; p <= b->lmax; p++) {
    lo[p] = lo[p - 1];
    hi[p] = hi[p - 1];
    if (lo[p] < hi[p])
      narrow(ix, p - 1, (unsigned char)s->key[p - 1], &lo[p], &hi[p]);
  }
  needed_matches(s, lb, b->mmax, b->lmax, b->min_m);
  return 1;
}

/* Score the keys of length lb, those sharing the most leading characters
   with the query first, each ring with its exact Winkler prefix; a ring
   whose bound cannot reach the best score is skipped whole (usually the
   large ring of keys that do not even start like the query).  0 when no
   key of this length or further away can win. */
static int search_bucket(fuzzy_search *s, size_t lb) {
  bucket b;
  size_t lo[REG_PREFIX_MAX + 1], hi[REG_PREFIX_MAX + 1], p;
  if (!open_bucket(s, lb, &b, lo, hi))
    return 0;
  scan_ring(s, &b, lo[b.lmax], hi[b.lmax], b.lmax);
  for (p = b.lmax; p-- > 0;)
    if (scan_ring(s, &b, lo[p], lo[p + 1], p))
      scan_ring(s, &b, hi[p + 1], hi[p], p);
  return 1;
}

/* Score one group outside the walk over the buckets (seeding). */
static void consider(fuzzy_search *s, const reg_key_group *grp) {
  reg_score sc;
  const reg_candidate *c;
  if (!(grp->classes & s->filter.classes))
    return;
  sc = libmitch_reg_jw_short(s->key, s->la, s->ix->keys + grp->key, grp->len);
  if (reg_score_value(sc) < s->min_score)
    return;
  c = libmitch_reg_pick(s->ix, grp, &s->filter);
  if (c && beats(s, c, sc)) {
    s->best = c;
    s->best_score = sc;
  }
}

/* Before the search proper, score the keys one length away or less that
   share the query's first REG_PREFIX_MAX characters (or all of a shorter
   key's):
   a typo's target is usually among these few.  Then the keys that are a
   prefix of the query -- "hess" in "hesscorporationn", where a typo kept
   the business suffix word, or "stryker" in "strykercorporationxau" -- at
   one hash probe per length.  A high best score from the start lets the
   bounds skip most of the registry.  This only changes the order of
   scoring, never the answer. */
static void seed(fuzzy_search *s) {
  static const int offsets[3] = {0, 1, -1};
  size_t i, p;
  uint32_t h = REG_HASH_START;
  for (i = 0; i < 3; i++) {
    bucket b;
    size_t lo[REG_PREFIX_MAX + 1], hi[REG_PREFIX_MAX + 1], lb = s->la + (size_t)(long)offsets[i];
    if (lb < 1 || lb > s->ix->max_len || !open_bucket(s, lb, &b, lo, hi))
      continue;
    scan_ring(s, &b, lo[b.lmax], hi[b.lmax], b.lmax);
  }
  /* Prefixes one or more characters shorter than the first seed's keys. */
  for (p = 1; p + 2 <= s->la && p <= s->ix->max_len; p++) {
    const reg_key_group *g;
    h = reg_key_hash_step(h, s->key[p - 1]);
    g = probe(s->ix, s->key, p, h);
    if (g)
      consider(s, g);
  }
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
    s.qmask |= (uint64_t)1 << reg_mask_bit((unsigned char)key[i]);
  s.q_bits = popcount64(s.qmask);
  s.min_score = min_score;
  s.filter = *f;
  s.filter.raw = NULL;
  s.filter.raw_len = 0;
  s.filter.raw_only = 0;
  s.best = NULL;
  s.best_score.num = 0;
  s.best_score.den = 1;

  seed(&s);
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
  /* Jaro similarity 0 (no byte in common; then there is no common prefix
     either, so Jaro-Winkler is 0 too) is never a match, whatever the
     minimum, even 0 (resolution.md, fuzzy lookup). */
  if (s.best && reg_score_value(s.best_score) <= 0)
    return NULL;
  if (s.best && score)
    *score = s.best_score;
  return s.best;
}
