/* bins.h - the order-book bin-end tables (internal; generated data). */
#ifndef MITCH_BINS_H
#define MITCH_BINS_H

#include "mitch.h"
#include "protocol_limits.h"

/* Aggregators 0..LIMIT_AGGREGATOR_MAX (the order book's rule). */
#define MITCH_BIN_AGGREGATORS (LIMIT_AGGREGATOR_MAX + 1)

/* Bin ends in percent of mid, from data/bins.tsv (lib/bins_table.c). */
extern const double libmitch_bin_ends[MITCH_BIN_AGGREGATORS][MITCH_BINS_PER_SIDE];

#endif
