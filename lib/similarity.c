/*
 * similarity.c - Jaro-Winkler similarity, exactly as resolution.md states
 * it: standard Jaro with a match window of max(len)/2 - 1 (floored at 0),
 * a Winkler bonus of 0.1 per common leading character (at most
 * REG_PREFIX_MAX = 4) applied whatever the Jaro score, 1.0 for identical
 * strings and 0.0 for an empty string against a non-empty one.
 *
 * Scores are kept as exact fractions.  With m matches, T out-of-order
 * matched characters (t = T/2 transpositions) and a common prefix l:
 *
 *   jaro = (m/la + m/lb + (m - T/2)/m) / 3  =  Nj / Dj
 *     Nj = 2 m^2 (la + lb) + la lb (2m - T),   Dj = 6 la lb m
 *   jw   = jaro + l/10 (1 - jaro)  =  (Nj (10 - l) + l Dj) / (10 Dj)
 *
 * so two candidates with mathematically equal scores compare equal and go
 * to the tie rules instead of being split by rounding.  With lengths up to
 * 255, 10 Dj < 10^9 < 2^30, so cross-multiplied comparisons fit 64 bits.
 */
#include <config.h>

#include <limits.h>
#include <string.h>

#include "registry.h"

static reg_score score_of(size_t la, size_t lb, size_t m, size_t t, size_t l) {
  reg_score s;
  uint64_t dj, nj;
  if (m == 0) {
    s.num = 0;
    s.den = 1;
    return s;
  }
  dj = 6u * (uint64_t)la * lb * m;
  nj = 2u * (uint64_t)m * m * (la + lb) + (uint64_t)la * lb * (2u * m - t);
  s.num = nj * (10u - l) + l * dj;
  s.den = 10u * dj;
  return s;
}

static size_t common_prefix(const char *a, size_t la, const char *b, size_t lb) {
  size_t l = 0, lim = la < lb ? la : lb;
  if (lim > REG_PREFIX_MAX)
    lim = REG_PREFIX_MAX;
  while (l < lim && a[l] == b[l])
    l++;
  return l;
}

static size_t match_window(size_t la, size_t lb) {
  size_t longer = la > lb ? la : lb;
  return longer / 2 >= 1 ? longer / 2 - 1 : 0;
}

static reg_score trivial(size_t la, size_t lb, int *done) {
  reg_score s = {0, 1};
  *done = 1;
  if (la == 0 && lb == 0)
    s.num = 1; /* identical (empty) strings */
  else if (la != 0 && lb != 0)
    *done = 0;
  return s;
}

static inline unsigned lowest_bit(uint64_t x) { /* x != 0 */
#if defined(__GNUC__)
  return (unsigned)__builtin_ctzll(x);
#else
  unsigned n = 0;
  while (!(x & 1u)) {
    x >>= 1;
    n++;
  }
  return n;
#endif
}

/* Bits lo..hi-1 set (hi <= 64). */
static inline uint64_t bit_range(size_t lo, size_t hi) {
  uint64_t below_hi = hi >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << hi) - 1;
  return below_hi & ~(((uint64_t)1 << lo) - 1);
}

/* The standard matching -- for each character of a in order, the first
   unmatched equal character of b inside the window -- done with one
   position mask per byte value of b, so each character of a costs a few
   instructions instead of a scan of its window. */
reg_score libmitch_reg_jw_short(const char *a, size_t la, const char *b, size_t lb) {
  uint64_t positions[UCHAR_MAX + 1]; /* only the entries of bytes in a or b are set */
  uint64_t used = 0;       /* matched positions of b */
  char seq[REG_MAX_KEY];   /* matched characters of a, in a's order */
  size_t w, i, j, m = 0, t = 0, k = 0;
  int done;
  reg_score s = trivial(la, lb, &done);
  if (done)
    return s;
  for (i = 0; i < la; i++)
    positions[(unsigned char)a[i]] = 0;
  for (j = 0; j < lb; j++)
    positions[(unsigned char)b[j]] = 0;
  for (j = 0; j < lb; j++)
    positions[(unsigned char)b[j]] |= (uint64_t)1 << j;
  w = match_window(la, lb);
  for (i = 0; i < la; i++) {
    size_t lo = i > w ? i - w : 0, hi = i + w + 1 < lb ? i + w + 1 : lb;
    uint64_t free_here;
    if (lo >= lb)
      break; /* later characters of a have no window left in b */
    free_here = positions[(unsigned char)a[i]] & ~used & bit_range(lo, hi);
    if (free_here) {
      used |= free_here & (~free_here + 1); /* the first one */
      seq[m++] = a[i];
    }
  }
  /* Out-of-order matches: b's matched characters, in b's order, against
     a's matched characters in a's order. */
  for (; used; used &= used - 1)
    if (b[lowest_bit(used)] != seq[k++])
      t++;
  return score_of(la, lb, m, t, common_prefix(a, la, b, lb));
}

reg_score libmitch_reg_jw(const char *a, size_t la, const char *b, size_t lb) {
  unsigned char used[MITCH_QUERY_MAX];
  char seq[MITCH_QUERY_MAX];
  size_t w, i, j, m = 0, t = 0, k = 0;
  int done;
  reg_score s = trivial(la, lb, &done);
  if (done)
    return s;
  if (lb <= REG_MAX_KEY)
    return libmitch_reg_jw_short(a, la, b, lb);
  memset(used, 0, lb);
  w = match_window(la, lb);
  for (i = 0; i < la; i++) {
    size_t hi = i + w + 1 < lb ? i + w + 1 : lb;
    for (j = i > w ? i - w : 0; j < hi; j++) {
      if (!used[j] && a[i] == b[j]) {
        used[j] = 1;
        seq[m++] = a[i];
        break;
      }
    }
  }
  for (j = 0; j < lb; j++)
    if (used[j] && b[j] != seq[k++])
      t++;
  return score_of(la, lb, m, t, common_prefix(a, la, b, lb));
}

reg_score libmitch_reg_jw_bound(size_t la, size_t lb, size_t m, size_t l) {
  return score_of(la, lb, m, 0, l);
}

int mitch_jaro_winkler(const char *a, const char *b, double *score) {
  size_t la, lb;
  if (!a || !b || !score)
    return MITCH_ERR_INVALID_DATA;
  la = libmitch_reg_query_len(a);
  lb = libmitch_reg_query_len(b);
  if (la > MITCH_QUERY_MAX || lb > MITCH_QUERY_MAX)
    return MITCH_ERR_INVALID_DATA;
  *score = reg_score_value(libmitch_reg_jw(a, la, b, lb));
  return MITCH_OK;
}
