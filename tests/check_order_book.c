/*
 * check_order_book.c - OrderBook bodies ('b', 2072 bytes), the four bin
 * tables and the price <-> bin helpers.
 *
 * Layout from protocol.md: ticker_id u64 @0, mid_price f64 @8,
 * bin_aggregator u8 @16, padding 7 @17, bids 128 x {count u32, volume u32}
 * @24, asks @1048.  Bin edges: ask bin i ends at mid*(1 + end[i]/100), bid
 * bin i at mid*(1 - end[i]/100) floored at 0; bin 0 starts at mid.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#define BINS 128

/* ---- the bin tables -------------------------------------------------- */

/* Entries copied by hand from the CSV tables of ../shared/reference/bins,
   so that the tables are checked even where that folder is absent
   (tarball builds). */
static const unsigned sample_bins[] = {0,  1,  2,  8,  18, 22,  28,  38,  48,  58,  68,  78,
                                       88, 89, 90, 91, 92, 98, 108, 118, 124, 125, 126, 127};
#define N_SAMPLES (sizeof sample_bins / sizeof sample_bins[0])
static const double sample_ends[4][N_SAMPLES] = {
    /* 0 default-lingaussian.csv */
    {0.00001000, 0.00002000, 0.00003000, 0.00009000, 0.0003004, 0.0005847, 0.001550, 0.007369,
     0.03229, 0.1304, 0.4854, 1.665, 5.264, 5.880, 6.562, 6.562, 7.318, 13.83, 37.45, 93.44,
     155.5, 168.8, 183.1, 200.0},
    /* 1 default-lingeoflat.csv */
    {0.00001000, 0.00002000, 0.00003000, 0.0001133, 0.0007237, 0.001380, 0.003416, 0.01372,
     0.04952, 0.1652, 0.5187, 1.550, 4.442, 4.925, 5.459, 6.048, 6.699, 12.29, 32.97, 86.08,
     151.3, 166.1, 182.3, 200.0},
    /* 2 default-bilingeo.csv (bin 22 carries the corrected label) */
    {0.0000250, 0.0000500, 0.0000750, 0.0002250, 0.0007817, 0.001235, 0.002450, 0.007680,
     0.02407, 0.07545, 0.2365, 0.7412, 2.323, 2.604, 2.919, 3.273, 3.669, 7.281, 22.82, 71.53,
     142.0, 159.1, 178.4, 200.0},
    /* 3 default-trilinear.csv */
    {0.02000, 0.04000, 0.06000, 0.1800, 0.3800, 0.4600, 0.5800, 0.7800, 0.9800, 3.250, 5.750,
     8.250, 10.750, 11.000, 15.0000, 20.0000, 25.0000, 55.0000, 105.0000, 155.0000, 185.0000,
     190.0000, 195.0000, 200.0000},
};
static const char *const reference_files[4] = {"default-lingaussian.csv", "default-lingeoflat.csv",
                                               "default-bilingeo.csv", "default-trilinear.csv"};
static const char *const aggregator_names[4] = {"DEFAULT_LINGAUSSIAN", "DEFAULT_LINGEOFLAT",
                                                "DEFAULT_BILINGEO", "DEFAULT_TRILINEAR"};

static const double *table(unsigned agg) {
  const double *ends = NULL;
  ck_assert_int_eq(mitch_bin_table((uint8_t)agg, &ends), MITCH_OK);
  ck_assert_ptr_ne(ends, NULL);
  return ends;
}

START_TEST(test_tables_shape) {
  unsigned agg = (unsigned)_i, i;
  const double *ends = table(agg);
  ck_assert_msg(ends[0] > 0.0, "first end must be > 0");
  for (i = 1; i < BINS; i++)
    ck_assert_msg(ends[i] >= ends[i - 1], "aggregator %u: end[%u]=%g < end[%u]=%g", agg, i,
                  ends[i], i - 1, ends[i - 1]);
  ck_assert_double_eq(ends[BINS - 1], 200.0);
  ck_assert_str_eq(mitch_bin_aggregator_name((uint8_t)agg), aggregator_names[agg]);
}
END_TEST

START_TEST(test_tables_sample) {
  unsigned agg = (unsigned)_i;
  const double *ends = table(agg);
  size_t k;
  for (k = 0; k < N_SAMPLES; k++)
    ck_assert_msg(ends[sample_bins[k]] == sample_ends[agg][k],
                  "aggregator %u bin %u: %.17g, reference says %.17g", agg, sample_bins[k],
                  ends[sample_bins[k]], sample_ends[agg][k]);
}
END_TEST

/* The lingaussian table repeats 6.562 (bins 90 and 91): a zero-width bin. */
START_TEST(test_zero_width_bin) {
  const double *ends = table(MITCH_BINS_LINGAUSSIAN);
  ck_assert_double_eq(ends[90], ends[91]);
}
END_TEST

/* Every entry against ../shared/reference/bins when that folder exists. */
START_TEST(test_tables_match_reference) {
  const char *shared = getenv("MITCH_SHARED_DIR");
  char path[4096], line[256];
  unsigned agg = (unsigned)_i, row = 0;
  const double *ends = table(agg);
  FILE *f;
  if (!shared || !shared[0]) {
    fprintf(stderr, "MITCH_SHARED_DIR unset: compared only the built-in sample\n");
    return;
  }
  snprintf(path, sizeof path, "%s/reference/bins/%s", shared, reference_files[agg]);
  f = fopen(path, "r");
  if (!f) {
    /* no shared tree at all (tarball build): nothing to compare; a shared
       tree without this table is an error */
    char readme[4096];
    FILE *d;
    int shared_present;
    snprintf(readme, sizeof readme, "%s/reference/README.md", shared);
    d = fopen(readme, "r");
    shared_present = d != NULL;
    if (d)
      fclose(d);
    ck_assert_msg(!shared_present, "%s exists but %s cannot be read", readme, path);
    fprintf(stderr, "%s absent: compared only the built-in sample\n", path);
    return;
  }
  ck_assert_msg(fgets(line, sizeof line, f) && strcmp(line, "bin_id,bin_end\n") == 0,
                "%s: unexpected header", path);
  while (fgets(line, sizeof line, f)) {
    char *comma = strchr(line, ','), *end;
    unsigned long id;
    double value;
    ck_assert_msg(comma != NULL, "%s: malformed line %u", path, row + 2);
    *comma = '\0';
    id = strtoul(line, &end, 10);
    ck_assert_msg(*end == '\0' && id == row, "%s: row %u has bin id %s", path, row, line);
    value = strtod(comma + 1, &end);
    ck_assert_msg(*end == '\n' || *end == '\0', "%s: bad number on line %u", path, row + 2);
    ck_assert_msg(row < BINS, "%s: more than %d rows", path, BINS);
    ck_assert_msg(ends[row] == value, "aggregator %u bin %u: library %.17g, %s %.17g", agg, row,
                  ends[row], reference_files[agg], value);
    row++;
  }
  fclose(f);
  ck_assert_uint_eq(row, BINS);
}
END_TEST

START_TEST(test_table_errors) {
  const double *ends = NULL;
  ck_assert_int_eq(mitch_bin_table(4, &ends), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_table(255, &ends), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_ptr_eq(ends, NULL);
  ck_assert_int_eq(mitch_bin_table(0, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_ptr_eq(mitch_bin_aggregator_name(4), NULL);
  ck_assert_ptr_eq(mitch_bin_aggregator_name(255), NULL);
}
END_TEST

/* ---- price <-> bin ------------------------------------------------------ */

/* The edges protocol.md defines, computed here from the table. */
/* Edges by the definition.  The volatile rounds them to double on x87
   (i386) too; a bare product would keep 80-bit precision there. */
static double ask_edge(double mid, const double *ends, unsigned i) {
  volatile double p = mid * (1.0 + ends[i] / 100.0);
  return p;
}
static double bid_edge(double mid, const double *ends, unsigned i) {
  volatile double p = mid * (1.0 - ends[i] / 100.0);
  return p > 0.0 ? p : 0.0;
}

/* The bin of a price by the definition: the smallest i whose far edge the
   price reaches, 127 beyond the last edge.  A linear scan, unlike the
   library's search. */
static unsigned reference_bin(double mid, const double *ends, int side, double p) {
  unsigned i;
  for (i = 0; i < BINS; i++) {
    if (side == MITCH_BOOK_ASK ? p <= ask_edge(mid, ends, i) : p >= bid_edge(mid, ends, i))
      return i;
  }
  return BINS - 1;
}

static const double mids[] = {1.0, 1.0875, 0.00012345, 43210.5, 1e300, 1e-300};
#define N_MIDS (sizeof mids / sizeof mids[0])

START_TEST(test_price_ranges) {
  unsigned agg = (unsigned)_i, m, i;
  const double *ends = table(agg);
  for (m = 0; m < N_MIDS; m++) {
    double mid = mids[m], prev_ask_end = mid, prev_bid_end = mid;
    for (i = 0; i < BINS; i++) {
      double s = -1, e = -1;
      ck_assert_int_eq(mitch_bin_price_range(mid, (uint8_t)agg, MITCH_BOOK_ASK, i, &s, &e),
                       MITCH_OK);
      TU_ASSERT_SAME_DOUBLE(s, prev_ask_end); /* bin 0 starts at mid */
      TU_ASSERT_SAME_DOUBLE(e, ask_edge(mid, ends, i));
      ck_assert(e >= s);
      prev_ask_end = e;
      ck_assert_int_eq(mitch_bin_price_range(mid, (uint8_t)agg, MITCH_BOOK_BID, i, &s, &e),
                       MITCH_OK);
      TU_ASSERT_SAME_DOUBLE(s, prev_bid_end);
      TU_ASSERT_SAME_DOUBLE(e, bid_edge(mid, ends, i));
      ck_assert(e <= s);
      ck_assert_msg(e >= 0.0, "bid edge below 0");
      if (ends[i] >= 100.0)
        ck_assert_msg(e == 0.0, "aggregator %u bid bin %u (end %g%%) must end at 0", agg, i,
                      ends[i]);
      prev_bid_end = e;
    }
  }
}
END_TEST

START_TEST(test_bid_floor_at_zero) {
  unsigned agg = (unsigned)_i;
  const double *ends = table(agg);
  double s, e;
  /* the deepest bid bin of every table (200 %) ends at 0, not at -mid */
  ck_assert_int_eq(mitch_bin_price_range(10.0, (uint8_t)agg, MITCH_BOOK_BID, 127, &s, &e),
                   MITCH_OK);
  ck_assert_double_eq(e, 0.0);
  ck_assert(!signbit(e));
  ck_assert_double_eq(ends[127], 200.0);
  /* and the ask side keeps going: 10 * (1 + 2) = 30 */
  ck_assert_int_eq(mitch_bin_price_range(10.0, (uint8_t)agg, MITCH_BOOK_ASK, 127, &s, &e),
                   MITCH_OK);
  ck_assert_double_eq(e, 30.0);
}
END_TEST

START_TEST(test_range_errors) {
  double s = 7, e = 8;
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, MITCH_BOOK_ASK, 128, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(1.0, 4, MITCH_BOOK_ASK, 0, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, 2, 0, &s, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, -1, 0, &s, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(0.0, 0, MITCH_BOOK_ASK, 0, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(-1.0, 0, MITCH_BOOK_ASK, 0, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(NAN, 0, MITCH_BOOK_ASK, 0, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_price_range(INFINITY, 0, MITCH_BOOK_ASK, 0, &s, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_double_eq(s, 7);
  ck_assert_double_eq(e, 8);
  /* either output may be NULL */
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, MITCH_BOOK_ASK, 5, NULL, &e), MITCH_OK);
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, MITCH_BOOK_ASK, 5, &s, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_bin_price_range(1.0, 0, MITCH_BOOK_ASK, 5, NULL, NULL), MITCH_OK);
}
END_TEST

static unsigned bin_of(double mid, unsigned agg, int side, double price) {
  unsigned bin = 999;
  int st = mitch_bin_for_price(mid, (uint8_t)agg, side, price, &bin);
  ck_assert_msg(st == MITCH_OK, "bin_for_price(mid %a, agg %u, side %d, price %a) = %d", mid, agg,
                side, price, st);
  return bin;
}

/* Inside each bin of non-zero width: the middle maps back to the bin; each
   far edge maps to the first bin that ends there. */
START_TEST(test_round_trip) {
  unsigned agg = (unsigned)_i, m, i;
  const double *ends = table(agg);
  int side;
  for (m = 0; m < N_MIDS; m++) {
    double mid = mids[m];
    for (side = MITCH_BOOK_BID; side <= MITCH_BOOK_ASK; side++) {
      for (i = 0; i < BINS; i++) {
        double s, e, inside;
        unsigned first = i;
        ck_assert_int_eq(mitch_bin_price_range(mid, (uint8_t)agg, side, i, &s, &e), MITCH_OK);
        while (first > 0 && ends[first - 1] == ends[i])
          first--;
        if (e > 0.0) /* an edge at the bid floor is price 0, not a valid price */
          ck_assert_msg(bin_of(mid, agg, side, e) == reference_bin(mid, ends, side, e),
                        "edge of bin %u, side %d, mid %a", i, side, mid);
        if (e > 0.0 && (side == MITCH_BOOK_ASK || ends[i] < 100.0))
          ck_assert_msg(bin_of(mid, agg, side, e) == first,
                        "far edge of bin %u maps to %u, want %u (side %d, mid %a)", i,
                        bin_of(mid, agg, side, e), first, side, mid);
        if (s == e)
          continue; /* zero-width bin, or both edges at the floor */
        inside = s + (e - s) / 2;
        if (inside == s || inside == e || inside <= 0.0 || !isfinite(inside))
          continue; /* too narrow to hold a price strictly inside */
        ck_assert_msg(bin_of(mid, agg, side, inside) == i,
                      "middle of bin %u maps to %u (side %d, mid %a, price %a)", i,
                      bin_of(mid, agg, side, inside), side, mid, inside);
      }
    }
  }
}
END_TEST

/* Many prices on both sides against the linear-scan reference. */
START_TEST(test_against_reference) {
  unsigned agg = (unsigned)_i, m, k;
  const double *ends = table(agg);
  for (m = 0; m < N_MIDS; m++) {
    double mid = mids[m];
    for (k = 0; k <= 4000; k++) {
      /* ask: mid .. 3.2 x mid, denser near mid; bid: mid .. just above 0 */
      double f = (double)k / 4000.0;
      double ask = mid * (1.0 + 2.2 * f * f * f);
      double bid = mid * (1.0 - f * f * f);
      ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_ASK, ask),
                        reference_bin(mid, ends, MITCH_BOOK_ASK, ask));
      if (bid > 0.0)
        ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_BID, bid),
                          reference_bin(mid, ends, MITCH_BOOK_BID, bid));
    }
  }
}
END_TEST

START_TEST(test_mid_and_beyond) {
  unsigned agg = (unsigned)_i, first_floor = 0;
  const double *ends = table(agg);
  double mid = 250.0;
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_ASK, mid), 0);
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_BID, mid), 0);
  /* beyond the last ask edge (mid * 3): bin 127 */
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_ASK, mid * 3.0000001), 127);
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_ASK, 1e308), 127);
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_ASK, DBL_MAX), 127);
  /* a tiny bid price reaches the first bin whose edge is floored at 0 */
  while (ends[first_floor] < 100.0)
    first_floor++;
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_BID, 4.9406564584124654e-324), first_floor);
  ck_assert_uint_eq(bin_of(mid, agg, MITCH_BOOK_BID, 1e-9), first_floor);
}
END_TEST

START_TEST(test_bin_for_price_errors) {
  unsigned bin = 77;
  const double bad[] = {0.0, -0.0, -1.0, NAN, INFINITY, -INFINITY};
  size_t i;
  /* wrong side of mid */
  ck_assert_int_eq(mitch_bin_for_price(100.0, 0, MITCH_BOOK_ASK, 99.999, &bin),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_for_price(100.0, 0, MITCH_BOOK_BID, 100.001, &bin),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ck_assert_int_eq(mitch_bin_for_price(100.0, 0, MITCH_BOOK_ASK, bad[i], &bin),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_bin_for_price(100.0, 0, MITCH_BOOK_BID, bad[i], &bin),
                     MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_int_eq(mitch_bin_for_price(bad[i], 0, MITCH_BOOK_BID, 1.0, &bin),
                     MITCH_ERR_INVALID_FIELD_VALUE);
  }
  ck_assert_int_eq(mitch_bin_for_price(100.0, 4, MITCH_BOOK_ASK, 100.0, &bin),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_bin_for_price(100.0, 0, 2, 100.0, &bin), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(bin, 77);
  /* NULL is reported before anything else */
  ck_assert_int_eq(mitch_bin_for_price(NAN, 9, 9, NAN, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* ---- the body ----------------------------------------------------------- */

/* Distinct, recognisable bins. */
static void fill_book(mitch_order_book *b, uint64_t ticker_id, double mid, uint8_t agg) {
  unsigned i;
  memset(b, 0, sizeof *b);
  b->ticker_id = ticker_id;
  b->mid_price = mid;
  b->bin_aggregator = agg;
  for (i = 0; i < BINS; i++) {
    b->bids[i].count = 0x10000000u + i;
    b->bids[i].volume = 0x20000000u + i * 7;
    b->asks[i].count = 0x30000000u + i;
    b->asks[i].volume = 0xF0000000u + i * 13;
  }
}

static void book_bytes(uint8_t out[2072], const mitch_order_book *b) {
  unsigned i;
  memset(out, 0, 2072);
  tu_put_le(out + 0, b->ticker_id, 8);
  tu_put_f64(out + 8, b->mid_price);
  out[16] = b->bin_aggregator;
  for (i = 0; i < BINS; i++) {
    tu_put_le(out + 24 + 8 * i, b->bids[i].count, 4);
    tu_put_le(out + 24 + 8 * i + 4, b->bids[i].volume, 4);
    tu_put_le(out + 1048 + 8 * i, b->asks[i].count, 4);
    tu_put_le(out + 1048 + 8 * i + 4, b->asks[i].volume, 4);
  }
}

START_TEST(test_layout) {
  static uint8_t out[2080], want[2072];
  static mitch_order_book b;
  uint8_t head[24];
  fill_book(&b, UINT64_C(0x0600010031389000), 1.0875, MITCH_BINS_BILINGEO);
  ck_assert_uint_eq(MITCH_ORDER_BOOK_SIZE, 2072);
  memset(out, 0xA5, sizeof out);
  ck_assert_int_eq(mitch_order_book_encode(&b, out, sizeof out), MITCH_OK);
  ck_assert_uint_eq(out[2072], 0xA5); /* exactly 2072 bytes */
  tu_hex("0090383100010006" /* ticker id */
         "666666666666f13f" /* 1.0875 */
         "02"               /* bilingeo */
         "00000000000000",  /* padding */
         head, 24);
  TU_ASSERT_BYTES(out, head, 24);
  /* bids[0] at 24, bids[127] at 24 + 127*8 = 1040, asks[0] at 1048 */
  {
    uint8_t bid0[8], bid127[8], ask0[8], ask127[8];
    tu_hex("0000001000000020", bid0, 8);
    tu_hex("7f00001079030020", bid127, 8); /* 0x1000007f, 0x20000379 */
    tu_hex("00000030000000f0", ask0, 8);
    tu_hex("7f000030730600f0", ask127, 8); /* 0x3000007f, 0xf0000673 */
    TU_ASSERT_BYTES(out + 24, bid0, 8);
    TU_ASSERT_BYTES(out + 1040, bid127, 8);
    TU_ASSERT_BYTES(out + 1048, ask0, 8);
    TU_ASSERT_BYTES(out + 2064, ask127, 8);
  }
  book_bytes(want, &b);
  TU_ASSERT_BYTES(out, want, 2072);
}
END_TEST

START_TEST(test_round_trip_typed_and_flat) {
  static mitch_order_book b, back;
  static uint8_t out[2072], flat_out[2072], want[2072];
  static uint32_t bid_bins[256], ask_bins[256], bid_back[256], ask_back[256];
  uint64_t tid = 0;
  double mid = 0;
  uint8_t agg = 9;
  unsigned i;
  fill_book(&b, 42, 50000.5, MITCH_BINS_TRILINEAR);
  book_bytes(want, &b);
  ck_assert_int_eq(mitch_order_book_validate(&b), MITCH_OK);
  ck_assert_int_eq(mitch_order_book_encode(&b, out, sizeof out), MITCH_OK);
  TU_ASSERT_BYTES(out, want, 2072);
  ck_assert_int_eq(mitch_order_book_decode(want, sizeof want, &back), MITCH_OK);
  ck_assert_uint_eq(back.ticker_id, 42);
  TU_ASSERT_SAME_DOUBLE(back.mid_price, 50000.5);
  ck_assert_uint_eq(back.bin_aggregator, MITCH_BINS_TRILINEAR);
  for (i = 0; i < BINS; i++) {
    ck_assert_uint_eq(back.bids[i].count, b.bids[i].count);
    ck_assert_uint_eq(back.bids[i].volume, b.bids[i].volume);
    ck_assert_uint_eq(back.asks[i].count, b.asks[i].count);
    ck_assert_uint_eq(back.asks[i].volume, b.asks[i].volume);
  }
  /* flat: count and volume interleaved per bin */
  for (i = 0; i < BINS; i++) {
    bid_bins[2 * i] = b.bids[i].count;
    bid_bins[2 * i + 1] = b.bids[i].volume;
    ask_bins[2 * i] = b.asks[i].count;
    ask_bins[2 * i + 1] = b.asks[i].volume;
  }
  ck_assert_int_eq(mitch_pack_order_book(42, 50000.5, MITCH_BINS_TRILINEAR, bid_bins, ask_bins,
                                         flat_out, sizeof flat_out),
                   MITCH_OK);
  TU_ASSERT_BYTES(flat_out, want, 2072);
  ck_assert_int_eq(mitch_unpack_order_book(want, sizeof want, &tid, &mid, &agg, bid_back,
                                           ask_back),
                   MITCH_OK);
  ck_assert_uint_eq(tid, 42);
  TU_ASSERT_SAME_DOUBLE(mid, 50000.5);
  ck_assert_uint_eq(agg, MITCH_BINS_TRILINEAR);
  ck_assert(memcmp(bid_back, bid_bins, sizeof bid_bins) == 0);
  ck_assert(memcmp(ask_back, ask_bins, sizeof ask_bins) == 0);
}
END_TEST

START_TEST(test_aggregator_ids) {
  static mitch_order_book b, back;
  static uint8_t out[2072], in[2072];
  unsigned agg;
  for (agg = 0; agg < 256; agg++) {
    int want = agg <= 3 ? MITCH_OK : MITCH_ERR_INVALID_FIELD_VALUE;
    fill_book(&b, 1, 1.0, (uint8_t)agg);
    ck_assert_msg(mitch_order_book_encode(&b, out, sizeof out) == want, "aggregator %u", agg);
    book_bytes(in, &b);
    ck_assert_msg(mitch_order_book_decode(in, sizeof in, &back) == want, "wire aggregator %u",
                  agg);
    ck_assert_msg(mitch_body_validate('b', in, sizeof in) == want, "validate aggregator %u", agg);
    if (want == MITCH_OK)
      ck_assert_uint_eq(back.bin_aggregator, agg);
  }
}
END_TEST

START_TEST(test_rules_and_lengths) {
  static mitch_order_book b, back;
  static uint8_t buf[2100];
  static uint32_t bins[256];
  const double bad[] = {0.0, -0.0, -1.0, NAN, INFINITY, -INFINITY};
  uint64_t tid;
  double mid;
  uint8_t agg;
  size_t i;
  fill_book(&b, 0, 1.0, 0);
  ck_assert_int_eq(mitch_order_book_encode(&b, buf, sizeof buf), MITCH_ERR_INVALID_FIELD_VALUE);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    fill_book(&b, 1, bad[i], 0);
    ck_assert_int_eq(mitch_order_book_encode(&b, buf, sizeof buf), MITCH_ERR_INVALID_FIELD_VALUE);
    book_bytes(buf, &b);
    ck_assert_int_eq(mitch_order_book_decode(buf, 2072, &back), MITCH_ERR_INVALID_FIELD_VALUE);
  }
  fill_book(&b, 1, 1.0, 0);
  ck_assert_int_eq(mitch_order_book_encode(&b, buf, 2071), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_order_book_encode(NULL, buf, 2072), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_book_encode(&b, NULL, 2072), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_book_validate(NULL), MITCH_ERR_INVALID_DATA);
  book_bytes(buf, &b);
  memset(buf + 17, 0xFF, 7); /* padding ignored on decode */
  memset(buf + 2072, 0xEE, sizeof buf - 2072);
  ck_assert_int_eq(mitch_order_book_decode(buf, sizeof buf, &back), MITCH_OK);
  ck_assert_uint_eq(back.asks[127].volume, b.asks[127].volume);
  ck_assert_int_eq(mitch_order_book_decode(buf, 2071, &back), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_order_book_decode(NULL, 2072, &back), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_order_book_decode(buf, 2072, NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_body_validate('b', buf, 2071), MITCH_ERR_BUFFER_TOO_SMALL);
  /* flat: NULL before length before fields */
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, NULL, bins, buf, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, NULL, buf, 0), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, bins, NULL, 2072),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, bins, buf, 2071),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_pack_order_book(0, NAN, 9, bins, bins, buf, 2072),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_unpack_order_book(buf, 2071, &tid, &mid, &agg, bins, bins),
                   MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_unpack_order_book(NULL, 2071, &tid, &mid, &agg, bins, bins),
                   MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_unpack_order_book(buf, 2072, &tid, &mid, &agg, NULL, bins),
                   MITCH_ERR_INVALID_DATA);
}
END_TEST

START_TEST(test_totals) {
  static mitch_order_book b;
  uint64_t bv = 1, av = 2, bc = 3, ac = 4;
  unsigned i;
  uint64_t want_bv = 0, want_av = 0, want_bc = 0, want_ac = 0;
  fill_book(&b, 1, 1.0, 0);
  for (i = 0; i < BINS; i++) {
    want_bc += 0x10000000u + i;
    want_bv += 0x20000000u + i * 7;
    want_ac += 0x30000000u + i;
    want_av += 0xF0000000u + i * 13;
  }
  ck_assert_int_eq(mitch_order_book_totals(&b, &bv, &av, &bc, &ac), MITCH_OK);
  ck_assert_uint_eq(bv, want_bv);
  ck_assert_uint_eq(av, want_av);
  ck_assert_uint_eq(bc, want_bc);
  ck_assert_uint_eq(ac, want_ac);
  /* the sums are 64-bit: 128 x (2^32 - 1) */
  for (i = 0; i < BINS; i++)
    b.bids[i].volume = b.asks[i].count = UINT32_MAX;
  ck_assert_int_eq(mitch_order_book_totals(&b, &bv, NULL, NULL, &ac), MITCH_OK);
  ck_assert_uint_eq(bv, UINT64_C(549755813760));
  ck_assert_uint_eq(ac, UINT64_C(549755813760));
  ck_assert_int_eq(mitch_order_book_totals(&b, NULL, NULL, NULL, NULL), MITCH_OK);
  ck_assert_int_eq(mitch_order_book_totals(NULL, &bv, &av, &bc, &ac), MITCH_ERR_INVALID_DATA);
}
END_TEST

static Suite *order_book_suite(void) {
  Suite *s = suite_create("order_book");
  TCase *tc = tu_tcase("tables");
  tcase_add_loop_test(tc, test_tables_shape, 0, 4);
  tcase_add_loop_test(tc, test_tables_sample, 0, 4);
  tcase_add_loop_test(tc, test_tables_match_reference, 0, 4);
  tcase_add_test(tc, test_zero_width_bin);
  tcase_add_test(tc, test_table_errors);
  suite_add_tcase(s, tc);
  tc = tu_tcase("bins");
  tcase_add_loop_test(tc, test_price_ranges, 0, 4);
  tcase_add_loop_test(tc, test_bid_floor_at_zero, 0, 4);
  tcase_add_test(tc, test_range_errors);
  tcase_add_loop_test(tc, test_round_trip, 0, 4);
  tcase_add_loop_test(tc, test_against_reference, 0, 4);
  tcase_add_loop_test(tc, test_mid_and_beyond, 0, 4);
  tcase_add_test(tc, test_bin_for_price_errors);
  suite_add_tcase(s, tc);
  tc = tu_tcase("body");
  tcase_add_test(tc, test_layout);
  tcase_add_test(tc, test_round_trip_typed_and_flat);
  tcase_add_test(tc, test_aggregator_ids);
  tcase_add_test(tc, test_rules_and_lengths);
  tcase_add_test(tc, test_totals);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(order_book_suite());
}
