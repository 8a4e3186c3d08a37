/*
 * layout.h - the descriptor table (internal): the one description of every
 * wire layout, of the struct each is decoded into, and of the rule each
 * field keeps.
 *
 * The wire layouts are written below as one list per layout, in wire
 * order, one row per field, exactly as protocol.md's tables read.  Each
 * list is an "X-macro": it names a row macro per kind of row, and each user
 * passes the macros it needs, so the one list becomes
 *   - the exported table (lib/layout.c: mitch_layout_field and
 *     `mitch info --layouts`),
 *   - the field indexes the rules refer to (LAYOUT_FIELD_<layout>_<name>),
 *   - compile-time offsets (LAYOUT_OFFSET(layout, name)) that every codec
 *     file checks its own offset enum against with static assertions, so
 *     the hand-written fast paths cannot drift from the table,
 *   - static assertions that each row's width matches its kind, its struct
 *     member and the layout's size (lib/layout.c).
 *
 * The row macros:
 *   FIELD(L, name, KIND, wire_offset, wire_size, values, rule, "rule text")
 *   RENAMED(L, name, wire_name, KIND, wire_offset, wire_size, values, rule, text)
 *                       a member whose protocol.md name differs (expiry_ms)
 *   BITS(L, name, wire_name, wire_offset, bit_offset, bit_width, values, rule, text)
 *   BINS(L, name, wire_offset, count)       `count` order-book bins
 *   PADDING(L, wire_offset, wire_size)      zero bytes (one per layout at most)
 * L is the layout's name (the struct is mitch_L), name its member, KIND a
 * MITCH_FIELD_* suffix.  `rule` is one of the RULE_* initializers below:
 * the machine-readable form of "rule text", which the generic checker
 * (lib/rules.c) evaluates.
 *
 * The API structs (mitch_stream_info, mitch_error, ...) have no wire image;
 * their rows live in lib/layout.c.
 */
#ifndef MITCH_LAYOUT_H
#define MITCH_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "protocol_limits.h"
#include "wire.h"

/* ---- rules ---------------------------------------------------------------- */

/* What the generic checker tests.  Each kind has a part that needs only
   the field itself (checked for every field first, in wire order) and may
   have a part that compares it with another field (checked afterwards), so
   a field that is wrong on its own is blamed before a relation that
   depends on it. */
enum layout_rule_kind {
  LAYOUT_RULE_NONE = 0,           /* any value */
  LAYOUT_RULE_NONZERO,            /* != 0 */
  LAYOUT_RULE_POSITIVE,           /* f64: finite and > 0 */
  LAYOUT_RULE_RANGE,              /* lo <= value <= hi */
  LAYOUT_RULE_BODY_TYPE,          /* the type byte of a body (status 2, not 6) */
  LAYOUT_RULE_NOT_BELOW,          /* f64: finite and > 0; then >= other */
  LAYOUT_RULE_POSITIVE_UNLESS,    /* f64: finite and >= 0; then > 0 unless other == lo */
  LAYOUT_RULE_NONZERO_UNLESS,     /* then != 0 unless other == lo */
  LAYOUT_RULE_ZERO_REQUIRES_ZERO  /* then: when 0, other must be 0 too */
};

typedef struct layout_rule {
  uint8_t kind;         /* enum layout_rule_kind */
  int8_t other;         /* field index of the other field, -1 if none */
  int64_t lo, hi;       /* RANGE bounds; the `other` value of the *_UNLESS kinds */
  const char *relation; /* the rule between the two fields, in words ("" if none) */
} layout_rule;

#define RULE_ANY {LAYOUT_RULE_NONE, -1, 0, 0, ""}
#define RULE_NONZERO {LAYOUT_RULE_NONZERO, -1, 0, 0, ""}
#define RULE_POSITIVE {LAYOUT_RULE_POSITIVE, -1, 0, 0, ""}
#define RULE_IN(lo, hi) {LAYOUT_RULE_RANGE, -1, (lo), (hi), ""}
#define RULE_BODY_TYPE {LAYOUT_RULE_BODY_TYPE, -1, 0, 0, ""}
#define RULE_NOT_BELOW(L, other, relation)                                                \
  {LAYOUT_RULE_NOT_BELOW, LAYOUT_FIELD(L, other), 0, 0, relation}
#define RULE_POSITIVE_UNLESS(L, other, value, relation)                                   \
  {LAYOUT_RULE_POSITIVE_UNLESS, LAYOUT_FIELD(L, other), (value), 0, relation}
#define RULE_NONZERO_UNLESS(L, other, value, relation)                                    \
  {LAYOUT_RULE_NONZERO_UNLESS, LAYOUT_FIELD(L, other), (value), 0, relation}
#define RULE_ZERO_REQUIRES_ZERO(L, other, relation)                                       \
  {LAYOUT_RULE_ZERO_REQUIRES_ZERO, LAYOUT_FIELD(L, other), 0, 0, relation}

/* ---- the wire layouts ------------------------------------------------------ */

/* The type bytes of the bodies, for texts (mitch_strerror, the header's
   rule); the body layouts below and the table in layout.c are the list. */
#define LAYOUT_BODY_TYPE_BYTES "'t', 'o', 's', 'i', 'b'"

#define LAYOUT_HEADER_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                           \
  FIELD(header, message_type, U8, 0, 1, "", RULE_BODY_TYPE,                               \
        "must be the type byte of a body: " LAYOUT_BODY_TYPE_BYTES)                       \
  FIELD(header, timestamp, U48, 1, 6, "", RULE_IN(0, (int64_t)MITCH_U48_MAX),             \
        "must be below 2^48 (nanoseconds since midnight UTC)")                            \
  FIELD(header, count, U8, 7, 1, "", RULE_IN(1, MITCH_MAX_BODIES),                        \
        "must be 1..255 (the bodies that follow)")

#define LAYOUT_TRADE_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                              \
  FIELD(trade, ticker_id, U64, 0, 8, "", RULE_NONZERO, "must not be zero")                  \
  FIELD(trade, price, F64, 8, 8, "", RULE_POSITIVE, "must be finite and greater than zero") \
  FIELD(trade, quantity, U32, 16, 4, "", RULE_NONZERO, "must be greater than zero")         \
  FIELD(trade, trade_id, U32, 20, 4, "", RULE_NONZERO, "must be greater than zero")         \
  FIELD(trade, side, U8, 24, 1, "buy|sell", RULE_IN(0, MITCH_SIDE_SELL),                    \
        "must be 0 (buy: the aggressor bought) or 1 (sell)")                                \
  PADDING(trade, 25, 7)

#define LAYOUT_ORDER_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                            \
  FIELD(order, ticker_id, U64, 0, 8, "", RULE_NONZERO, "must not be zero")                \
  FIELD(order, order_id, U32, 8, 4, "", RULE_NONZERO, "must be greater than zero")        \
  FIELD(order, price, F64, 12, 8, "",                                                     \
        RULE_POSITIVE_UNLESS(order, order_type, MITCH_ORDER_CANCEL,                       \
                             "only a cancel may have a price of zero"),                   \
        "must be finite and greater than zero (a cancel's: finite and not negative)")     \
  FIELD(order, quantity, U32, 20, 4, "",                                                  \
        RULE_NONZERO_UNLESS(order, order_type, MITCH_ORDER_CANCEL,                        \
                            "only a cancel may have a quantity of zero"),                 \
        "must be greater than zero, except in a cancel")                                  \
  BITS(order, side, "type_and_side", 24, 0, 1, "buy|sell", RULE_IN(0, MITCH_SIDE_SELL),   \
       "must be 0 (buy) or 1 (sell)")                                                     \
  BITS(order, order_type, "type_and_side", 24, 1, 7, "market|limit|stop|cancel",          \
       RULE_IN(0, MITCH_ORDER_CANCEL), "must be 0..3 (market, limit, stop, cancel)")      \
  RENAMED(order, expiry_ms, "expiry", U48, 25, 6, "", RULE_IN(0, (int64_t)MITCH_U48_MAX), \
          "must be below 2^48 (Unix time in ms; 0 = good till cancelled)")                \
  PADDING(order, 31, 1)

#define LAYOUT_TICK_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                             \
  FIELD(tick, ticker_id, U64, 0, 8, "", RULE_NONZERO, "must not be zero")                 \
  FIELD(tick, bid_price, F64, 8, 8, "", RULE_POSITIVE,                                    \
        "must be finite and greater than zero")                                           \
  FIELD(tick, ask_price, F64, 16, 8, "",                                                  \
        RULE_NOT_BELOW(tick, bid_price, "a tick's bid must not exceed its ask"),          \
        "must be finite, greater than zero and not below bid_price")                      \
  FIELD(tick, bid_volume, U32, 24, 4, "", RULE_ANY, "")                                   \
  FIELD(tick, ask_volume, U32, 28, 4, "", RULE_ANY, "")

#define LAYOUT_INDEX_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                              \
  FIELD(index, ticker_id, U64, 0, 8, "", RULE_NONZERO, "must not be zero")                  \
  FIELD(index, mid, F64, 8, 8, "", RULE_POSITIVE, "must be finite and greater than zero")   \
  FIELD(index, v_bid, U32, 16, 4, "", RULE_ANY, "")                                         \
  FIELD(index, v_ask, U32, 20, 4, "", RULE_ANY, "")                                         \
  FIELD(index, m_spread, I32, 24, 4, "", RULE_ANY, "")                                      \
  FIELD(index, b_bid_o, I32, 28, 4, "", RULE_ANY, "")                                       \
  FIELD(index, b_ask_o, I32, 32, 4, "", RULE_ANY, "")                                       \
  FIELD(index, w_bid_o, I32, 36, 4, "", RULE_ANY, "")                                       \
  FIELD(index, w_ask_o, I32, 40, 4, "", RULE_ANY, "")                                       \
  FIELD(index, v_force, U16, 44, 2, "", RULE_IN(0, LIMIT_FORCE_MAX), "must be 0..10000")    \
  FIELD(index, l_force, U16, 46, 2, "", RULE_IN(0, LIMIT_FORCE_MAX), "must be 0..10000")    \
  FIELD(index, t_force, I16, 48, 2, "", RULE_IN(-LIMIT_FORCE_MAX, LIMIT_FORCE_MAX),         \
        "must be -10000..10000")                                                            \
  FIELD(index, m_force, I16, 50, 2, "", RULE_IN(-LIMIT_FORCE_MAX, LIMIT_FORCE_MAX),         \
        "must be -10000..10000")                                                            \
  FIELD(index, confidence, U8, 52, 1, "", RULE_IN(0, LIMIT_CONFIDENCE_MAX),                 \
        "must be 0..100")                                                                   \
  FIELD(index, rejected, U8, 53, 1, "", RULE_ANY, "")                                       \
  FIELD(index, accepted, U8, 54, 1, "",                                                     \
        RULE_ZERO_REQUIRES_ZERO(index, confidence,                                          \
                                "an index with no accepted source must have confidence 0"), \
        "must not be 0 (no source accepted) unless confidence is 0")                        \
  PADDING(index, 55, 9)

#define LAYOUT_ORDER_BOOK_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                       \
  FIELD(order_book, ticker_id, U64, 0, 8, "", RULE_NONZERO, "must not be zero")           \
  FIELD(order_book, mid_price, F64, 8, 8, "", RULE_POSITIVE,                              \
        "must be finite and greater than zero")                                           \
  FIELD(order_book, bin_aggregator, U8, 16, 1, "", RULE_IN(0, LIMIT_AGGREGATOR_MAX),      \
        "must be 0..3 (see mitch_bin_aggregator_name)")                                   \
  PADDING(order_book, 17, 7)                                                              \
  BINS(order_book, bids, 24, MITCH_BINS_PER_SIDE)                                         \
  BINS(order_book, asks, 1048, MITCH_BINS_PER_SIDE)

#define LAYOUT_BIN_ROWS(FIELD, RENAMED, BITS, BINS, PADDING)                              \
  FIELD(bin, count, U32, 0, 4, "", RULE_ANY, "")                                          \
  FIELD(bin, volume, U32, 4, 4, "", RULE_ANY, "")

/* Every wire layout, in table order: X(name, id, ROWS). */
#define LAYOUT_WIRE_LAYOUTS(X)                                                            \
  X(header, MITCH_LAYOUT_HEADER, LAYOUT_HEADER_ROWS)                                      \
  X(trade, MITCH_MSG_TRADE, LAYOUT_TRADE_ROWS)                                            \
  X(order, MITCH_MSG_ORDER, LAYOUT_ORDER_ROWS)                                            \
  X(tick, MITCH_MSG_TICK, LAYOUT_TICK_ROWS)                                               \
  X(index, MITCH_MSG_INDEX, LAYOUT_INDEX_ROWS)                                            \
  X(order_book, MITCH_MSG_ORDER_BOOK, LAYOUT_ORDER_BOOK_ROWS)                             \
  X(bin, MITCH_LAYOUT_BIN, LAYOUT_BIN_ROWS)

/* ---- what the rows become at compile time ----------------------------------- */

/* LAYOUT_FIELD(L, name): the field's index in its layout. */
#define LAYOUT_FIELD(L, name) LAYOUT_FIELD_##L##_##name
#define LAYOUT_INDEX_FIELD_(L, name, ...) LAYOUT_FIELD_##L##_##name,
#define LAYOUT_INDEX_PADDING_(L, ...) LAYOUT_FIELD_##L##_padding,
#define LAYOUT_INDEX_ENUM_(L, id, ROWS)                                                      \
  enum {                                                                                     \
    ROWS(LAYOUT_INDEX_FIELD_, LAYOUT_INDEX_FIELD_, LAYOUT_INDEX_FIELD_, LAYOUT_INDEX_FIELD_, \
         LAYOUT_INDEX_PADDING_) LAYOUT_FIELDS_##L                                            \
  };
LAYOUT_WIRE_LAYOUTS(LAYOUT_INDEX_ENUM_)

/* LAYOUT_OFFSET(L, name): the field's wire offset ("padding" for padding). */
#define LAYOUT_OFFSET(L, name) LAYOUT_OFFSET_##L##_##name
#define LAYOUT_OFFSET_FIELD_(L, name, KIND, off, ...) LAYOUT_OFFSET_##L##_##name = (off),
#define LAYOUT_OFFSET_RENAMED_(L, name, wire_name, KIND, off, ...)                        \
  LAYOUT_OFFSET_##L##_##name = (off),
#define LAYOUT_OFFSET_BITS_(L, name, wire_name, off, ...) LAYOUT_OFFSET_##L##_##name = (off),
#define LAYOUT_OFFSET_BINS_(L, name, off, count) LAYOUT_OFFSET_##L##_##name = (off),
#define LAYOUT_OFFSET_PADDING_(L, off, size) LAYOUT_OFFSET_##L##_padding = (off),
#define LAYOUT_OFFSET_ENUM_(L, id, ROWS)                                                  \
  enum {                                                                                  \
    ROWS(LAYOUT_OFFSET_FIELD_, LAYOUT_OFFSET_RENAMED_, LAYOUT_OFFSET_BITS_,               \
         LAYOUT_OFFSET_BINS_, LAYOUT_OFFSET_PADDING_) LAYOUT_OFFSET_END_##L               \
  };
LAYOUT_WIRE_LAYOUTS(LAYOUT_OFFSET_ENUM_)

/* What each codec file writes after its own offset enum, once per field. */
#define LAYOUT_ASSERT_OFFSET(L, name, value)                                              \
  MITCH_STATIC_ASSERT((int)(value) == (int)LAYOUT_OFFSET(L, name),                        \
                      #L "." #name ": the codec's offset is not the table's")

/* ---- the run-time table --------------------------------------------------------- */

/* One field: the exported part and its rule. */
typedef struct layout_field {
  mitch_field pub;
  layout_rule rule;
} layout_field;

/* A body codec's fast paths, for code that knows a type only by its byte
   (message.c, capture.c, check.c).  Each body file defines one
   (MITCH_DEFINE_BODY_CODEC in body.h).  `n` structs or wire images; the
   check functions set *bad to the first invalid one. */
typedef struct body_ops {
  /* validate n structs */
  int (*check_values)(const void *values, size_t n, size_t *bad);
  /* validate n wire bodies */
  int (*check_wire)(const uint8_t *in, size_t n, size_t *bad);
  /* decode n wire bodies into structs `stride` bytes apart from out on,
     stopping at the first invalid one: slots [0 .. *bad) written, the rest
     untouched */
  int (*decode_wire)(const uint8_t *in, size_t n, void *out, size_t stride, size_t *bad);
  /* write n valid structs as wire bodies (no checks) */
  void (*store)(const void *values, size_t n, uint8_t *out);
} body_ops;

typedef struct layout_desc {
  mitch_layout pub;
  const layout_field *fields; /* pub.field_count of them */
  const body_ops *ops;        /* the five bodies only, else NULL */
} layout_desc;

/* All layouts in table order; LIBMITCH_LAYOUT_COUNT of them. */
extern const layout_desc libmitch_layouts[];
extern const size_t libmitch_layout_total;

/* The layout of a body type byte, NULL for any other byte: a 256-entry
   table, so the reader's per-message lookup is one load. */
extern const layout_desc *const libmitch_body_by_type[256];

/* A layout by id, NULL if unknown. */
const layout_desc *libmitch_layout_find(uint8_t id);

MITCH_INLINE const layout_desc *body_layout(uint8_t type) {
  return libmitch_body_by_type[type];
}

/* Size of a body of `type`, 0 for a byte that is not a body type. */
MITCH_INLINE size_t body_size_of(uint8_t type) {
  const layout_desc *d = libmitch_body_by_type[type];
  return d ? d->pub.wire_size : 0;
}

/* Is `type` a body type byte? */
MITCH_INLINE int type_is_valid(uint8_t type) {
  return libmitch_body_by_type[type] != NULL;
}

#endif /* MITCH_LAYOUT_H */
