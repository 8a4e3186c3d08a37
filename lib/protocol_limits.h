/*
 * protocol_limits.h - the protocol's numeric limits that more than one file
 * needs (internal).  The public ones (MITCH_U48_MAX, MITCH_SUB_TYPE_MAX,
 * MITCH_MAX_BODIES, ...) are in mitch.h; these are the rest, named once so
 * that no file writes the number again.
 */
#ifndef MITCH_PROTOCOL_LIMITS_H
#define MITCH_PROTOCOL_LIMITS_H

#include "mitch.h"

/* A 4-bit field of a ticker id or packed asset (instrument type, asset
   class): 0..15. */
#define LIMIT_NIBBLE_MAX 15u
/* Instrument types and asset classes from 14 up are reserved. */
#define LIMIT_RESERVED_FIRST 14u
/* A packed asset: (class << 16) | id in 20 bits. */
#define LIMIT_PACKED_ASSET_MAX 0xFFFFFu
/* The index's forces: v/l 0..FORCE_MAX, t/m -FORCE_MAX..FORCE_MAX; the
   fraction a force stands for is force / FORCE_MAX. */
#define LIMIT_FORCE_MAX 10000
/* The index's confidence: 0..100. */
#define LIMIT_CONFIDENCE_MAX 100
/* The order book's bin aggregator: 0..3. */
#define LIMIT_AGGREGATOR_MAX MITCH_BINS_TRILINEAR

#endif /* MITCH_PROTOCOL_LIMITS_H */
