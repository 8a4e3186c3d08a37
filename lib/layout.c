/*
 * layout.c - the descriptor table: every wire layout (built from the rows
 * in layout.h), every API struct a caller allocates, and the read-only
 * functions that hand them out (mitch_layout_*).
 *
 * Nothing here is computed at run time: the table is constant data, so it
 * is thread-safe from the first call.  Offsets and sizes of struct members
 * come from offsetof/sizeof, widths on the wire from the rows, and static
 * assertions below check that the two agree with each row's kind and that
 * every wire layout adds up to its MITCH_*_SIZE.
 */
#include <config.h>

#include <stddef.h>

#include "layout.h"

#define MEMBER_SIZE(T, m) sizeof(((T *)0)->m)

/* Bytes a kind takes on the wire and in the struct (per element). */
#define KIND_WIRE_BYTES_U8 1
#define KIND_WIRE_BYTES_U16 2
#define KIND_WIRE_BYTES_U32 4
#define KIND_WIRE_BYTES_U48 6
#define KIND_WIRE_BYTES_U64 8
#define KIND_WIRE_BYTES_I16 2
#define KIND_WIRE_BYTES_I32 4
#define KIND_WIRE_BYTES_F64 8
#define KIND_MEMBER_BYTES_U8 1
#define KIND_MEMBER_BYTES_U16 2
#define KIND_MEMBER_BYTES_U32 4
#define KIND_MEMBER_BYTES_U48 8
#define KIND_MEMBER_BYTES_U64 8
#define KIND_MEMBER_BYTES_I16 2
#define KIND_MEMBER_BYTES_I32 4
#define KIND_MEMBER_BYTES_F64 8
#define KIND_MEMBER_BYTES_I8 1
#define KIND_MEMBER_BYTES_INT sizeof(int)
#define KIND_MEMBER_BYTES_SIZE sizeof(size_t)
#define KIND_MEMBER_BYTES_POINTER sizeof(void *)

/* ---- wire layouts: the rows of layout.h as table entries ------------------ */

#define ROW_FIELD(L, name, KIND, off, size, values, rule, text)                           \
  {{#name, MITCH_FIELD_##KIND, (off), (size), 0, 0, 1, offsetof(mitch_##L, name),         \
    MEMBER_SIZE(mitch_##L, name), 0, #name, values, text},                                \
   rule},
#define ROW_RENAMED(L, name, wire_name, KIND, off, size, values, rule, text)              \
  {{#name, MITCH_FIELD_##KIND, (off), (size), 0, 0, 1, offsetof(mitch_##L, name),         \
    MEMBER_SIZE(mitch_##L, name), 0, wire_name, values, text},                            \
   rule},
#define ROW_BITS(L, name, wire_name, off, bit_off, bit_width, values, rule, text)         \
  {{#name, MITCH_FIELD_BITS, (off), 1, (bit_off), (bit_width), 1,                         \
    offsetof(mitch_##L, name), MEMBER_SIZE(mitch_##L, name), 0, wire_name, values, text}, \
   rule},
#define ROW_BINS(L, name, off, count)                                                     \
  {{#name, MITCH_FIELD_BINS, (off), (count)*MITCH_BIN_SIZE, 0, 0, (count),                \
    offsetof(mitch_##L, name), MEMBER_SIZE(mitch_##L, name), MITCH_LAYOUT_BIN, #name, "", \
    ""},                                                                                  \
   RULE_ANY},
#define ROW_PADDING(L, off, size)                                                         \
  {{"padding", MITCH_FIELD_PADDING, (off), (size), 0, 0, 1, MITCH_NO_MEMBER, 0, 0,        \
    "padding", "", ""},                                                                   \
   RULE_ANY},

#define WIRE_FIELDS_ARRAY(L, id, ROWS)                                                    \
  static const layout_field L##_fields[] = {                                              \
      ROWS(ROW_FIELD, ROW_RENAMED, ROW_BITS, ROW_BINS, ROW_PADDING)};
LAYOUT_WIRE_LAYOUTS(WIRE_FIELDS_ARRAY)

/* ---- static assertions: each row against its kind and its layout ----------- */

#define WIRE_SIZE_header MITCH_HEADER_SIZE
#define WIRE_SIZE_trade MITCH_TRADE_SIZE
#define WIRE_SIZE_order MITCH_ORDER_SIZE
#define WIRE_SIZE_tick MITCH_TICK_SIZE
#define WIRE_SIZE_index MITCH_INDEX_SIZE
#define WIRE_SIZE_order_book MITCH_ORDER_BOOK_SIZE
#define WIRE_SIZE_bin MITCH_BIN_SIZE

#define ASSERT_FIELD(L, name, KIND, off, size, ...)                                       \
  MITCH_STATIC_ASSERT((size) == KIND_WIRE_BYTES_##KIND,                                   \
                      #L "." #name ": wire size is not that of its kind");                \
  MITCH_STATIC_ASSERT(MEMBER_SIZE(mitch_##L, name) == KIND_MEMBER_BYTES_##KIND,           \
                      #L "." #name ": struct member is not of its kind");                 \
  MITCH_STATIC_ASSERT((off) + (size) <= WIRE_SIZE_##L, #L "." #name ": past the end");
#define ASSERT_RENAMED(L, name, wire_name, KIND, off, size, ...)                          \
  ASSERT_FIELD(L, name, KIND, off, size)
#define ASSERT_BITS(L, name, wire_name, off, bit_off, bit_width, ...)                     \
  MITCH_STATIC_ASSERT((bit_off) + (bit_width) <= 8, #L "." #name ": bits past the byte"); \
  MITCH_STATIC_ASSERT(MEMBER_SIZE(mitch_##L, name) == 1, #L "." #name ": not a uint8_t"); \
  MITCH_STATIC_ASSERT((off) < WIRE_SIZE_##L, #L "." #name ": past the end");
#define ASSERT_BINS(L, name, off, count)                                                  \
  MITCH_STATIC_ASSERT(MEMBER_SIZE(mitch_##L, name) == (count) * sizeof(mitch_bin),        \
                      #L "." #name ": not an array of bins");                             \
  MITCH_STATIC_ASSERT((off) + (count)*MITCH_BIN_SIZE <= WIRE_SIZE_##L,                    \
                      #L "." #name ": past the end");
#define ASSERT_PADDING(L, off, size)                                                      \
  MITCH_STATIC_ASSERT((off) + (size) <= WIRE_SIZE_##L, #L ": padding past the end");

/* The bytes the rows cover add up to the layout's size (the bits of one
   byte count once: the row with bit offset 0 counts it). */
#define SUM_FIELD(L, name, KIND, off, size, ...) +(size)
#define SUM_RENAMED(L, name, wire_name, KIND, off, size, ...) +(size)
#define SUM_BITS(L, name, wire_name, off, bit_off, ...) +((bit_off) == 0)
#define SUM_BINS(L, name, off, count) +(count)*MITCH_BIN_SIZE
#define SUM_PADDING(L, off, size) +(size)

#define ASSERT_LAYOUT(L, id, ROWS)                                                        \
  ROWS(ASSERT_FIELD, ASSERT_RENAMED, ASSERT_BITS, ASSERT_BINS, ASSERT_PADDING)            \
  MITCH_STATIC_ASSERT(0 ROWS(SUM_FIELD, SUM_RENAMED, SUM_BITS, SUM_BINS, SUM_PADDING) ==  \
                          WIRE_SIZE_##L,                                                  \
                      #L ": the rows do not add up to the layout's size");
LAYOUT_WIRE_LAYOUTS(ASSERT_LAYOUT)

/* ---- API structs: members only --------------------------------------------- */

/* Rows: MEMBER(T, name, KIND), CHARS(T, name), STRUCT(T, name, nested id). */
#define API_MEMBER(T, name, KIND)                                                         \
  {{#name, MITCH_FIELD_##KIND, 0, 0, 0, 0, 1, offsetof(T, name), MEMBER_SIZE(T, name), 0, \
    #name, "", ""},                                                                       \
   RULE_ANY},
#define API_CHARS(T, name)                                                                \
  {{#name, MITCH_FIELD_CHARS, 0, 0, 0, 0, MEMBER_SIZE(T, name), offsetof(T, name),        \
    MEMBER_SIZE(T, name), 0, #name, "", ""},                                              \
   RULE_ANY},
#define API_STRUCT(T, name, nested)                                                       \
  {{#name, MITCH_FIELD_STRUCT, 0, 0, 0, 0, 1, offsetof(T, name), MEMBER_SIZE(T, name),    \
    (nested), #name, "", ""},                                                             \
   RULE_ANY},

#define ASSERT_API_MEMBER(T, name, KIND)                                                  \
  MITCH_STATIC_ASSERT(MEMBER_SIZE(T, name) == KIND_MEMBER_BYTES_##KIND,                   \
                      #T "." #name ": struct member is not of its kind");
#define ASSERT_API_CHARS(T, name)                                                         \
  MITCH_STATIC_ASSERT(sizeof(((T *)0)->name[0]) == 1, #T "." #name ": not a char array");
#define ASSERT_API_STRUCT(T, name, nested)

#define STREAM_INFO_ROWS(MEMBER, CHARS, STRUCT)                                           \
  MEMBER(mitch_stream_info, messages, SIZE)                                               \
  MEMBER(mitch_stream_info, bodies, SIZE)                                                 \
  MEMBER(mitch_stream_info, error_offset, SIZE)                                           \
  MEMBER(mitch_stream_info, message_offset, SIZE)

#define ERROR_ROWS(MEMBER, CHARS, STRUCT)                                                 \
  MEMBER(mitch_error, status, INT)                                                        \
  MEMBER(mitch_error, layout, U8)                                                         \
  MEMBER(mitch_error, field, INT)                                                         \
  MEMBER(mitch_error, other_field, INT)                                                   \
  MEMBER(mitch_error, field_name, POINTER)                                                \
  MEMBER(mitch_error, other_name, POINTER)                                                \
  MEMBER(mitch_error, rule, POINTER)                                                      \
  MEMBER(mitch_error, value, F64)                                                         \
  MEMBER(mitch_error, other_value, F64)                                                   \
  MEMBER(mitch_error, index, SIZE)                                                        \
  MEMBER(mitch_error, offset, SIZE)                                                       \
  MEMBER(mitch_error, message_offset, SIZE)                                               \
  CHARS(mitch_error, text)

#define CAPTURE_SINK_ROWS(MEMBER, CHARS, STRUCT)                                          \
  MEMBER(mitch_capture_sink, message_type, U8)                                            \
  MEMBER(mitch_capture_sink, bodies, POINTER)                                             \
  MEMBER(mitch_capture_sink, timestamps, POINTER)                                         \
  MEMBER(mitch_capture_sink, capacity, SIZE)                                              \
  MEMBER(mitch_capture_sink, count, SIZE)                                                 \
  MEMBER(mitch_capture_sink, body_stride, SIZE)                                           \
  MEMBER(mitch_capture_sink, timestamp_stride, SIZE)

#define TICKER_FIELDS_ROWS(MEMBER, CHARS, STRUCT)                                         \
  MEMBER(mitch_ticker_fields, instrument_type, U8)                                        \
  MEMBER(mitch_ticker_fields, base_class, U8)                                             \
  MEMBER(mitch_ticker_fields, base_id, U16)                                               \
  MEMBER(mitch_ticker_fields, quote_class, U8)                                            \
  MEMBER(mitch_ticker_fields, quote_id, U16)                                              \
  MEMBER(mitch_ticker_fields, sub_type, U32)

#define ASSET_ROWS(MEMBER, CHARS, STRUCT)                                                 \
  MEMBER(mitch_asset, asset_id, U32)                                                      \
  MEMBER(mitch_asset, class_id, U16)                                                      \
  MEMBER(mitch_asset, asset_class, U8)                                                    \
  MEMBER(mitch_asset, name, POINTER)                                                      \
  MEMBER(mitch_asset, symbol, POINTER)                                                    \
  MEMBER(mitch_asset, aliases, POINTER)

#define PROVIDER_ROWS(MEMBER, CHARS, STRUCT)                                              \
  MEMBER(mitch_provider, id, U16)                                                         \
  MEMBER(mitch_provider, name, POINTER)                                                   \
  MEMBER(mitch_provider, abbreviations, POINTER)

#define RESOLUTION_ROWS(MEMBER, CHARS, STRUCT)                                            \
  MEMBER(mitch_resolution, ticker_id, U64)                                                \
  MEMBER(mitch_resolution, instrument_type, U8)                                           \
  STRUCT(mitch_resolution, base, MITCH_LAYOUT_ASSET)                                      \
  STRUCT(mitch_resolution, quote, MITCH_LAYOUT_ASSET)                                     \
  MEMBER(mitch_resolution, confidence, F64)                                               \
  CHARS(mitch_resolution, steps)

#define CLASS_INFO_ROWS(MEMBER, CHARS, STRUCT)                                            \
  MEMBER(mitch_class_info, id, U8)                                                        \
  MEMBER(mitch_class_info, name, POINTER)                                                 \
  MEMBER(mitch_class_info, code, POINTER)

#define TICK_METRICS_ROWS(MEMBER, CHARS, STRUCT)                                          \
  MEMBER(mitch_tick_metrics, mid, F64)                                                    \
  MEMBER(mitch_tick_metrics, spread, F64)                                                 \
  MEMBER(mitch_tick_metrics, spread_bps, F64)                                             \
  MEMBER(mitch_tick_metrics, imbalance, F64)                                              \
  MEMBER(mitch_tick_metrics, total_volume, U64)

#define INDEX_METRICS_ROWS(MEMBER, CHARS, STRUCT)                                         \
  MEMBER(mitch_index_metrics, best_bid_price, F64)                                        \
  MEMBER(mitch_index_metrics, best_ask_price, F64)                                        \
  MEMBER(mitch_index_metrics, worst_bid_price, F64)                                       \
  MEMBER(mitch_index_metrics, worst_ask_price, F64)                                       \
  MEMBER(mitch_index_metrics, mean_spread, F64)                                           \
  MEMBER(mitch_index_metrics, volatility, F64)                                            \
  MEMBER(mitch_index_metrics, liquidity, F64)                                             \
  MEMBER(mitch_index_metrics, trend, F64)                                                 \
  MEMBER(mitch_index_metrics, momentum, F64)                                              \
  MEMBER(mitch_index_metrics, confidence_band, POINTER)

#define MESSAGE_ROWS(MEMBER, CHARS, STRUCT)                                               \
  STRUCT(mitch_message, header, MITCH_LAYOUT_HEADER)                                      \
  MEMBER(mitch_message, offset, SIZE)                                                     \
  MEMBER(mitch_message, size, SIZE)                                                       \
  MEMBER(mitch_message, body_size, SIZE)                                                  \
  MEMBER(mitch_message, bodies, POINTER)

#define READER_ROWS(MEMBER, CHARS, STRUCT)                                                \
  MEMBER(mitch_reader, data, POINTER)                                                     \
  MEMBER(mitch_reader, size, SIZE)                                                        \
  MEMBER(mitch_reader, offset, SIZE)                                                      \
  MEMBER(mitch_reader, status, INT)                                                       \
  MEMBER(mitch_reader, error_offset, SIZE)                                                \
  MEMBER(mitch_reader, message_offset, SIZE)

/* Every API struct, in table (and id) order: X(name, id, ROWS). */
#define LAYOUT_API_STRUCTS(X)                                                             \
  X(stream_info, MITCH_LAYOUT_STREAM_INFO, STREAM_INFO_ROWS)                              \
  X(error, MITCH_LAYOUT_ERROR, ERROR_ROWS)                                                \
  X(capture_sink, MITCH_LAYOUT_CAPTURE_SINK, CAPTURE_SINK_ROWS)                           \
  X(ticker_fields, MITCH_LAYOUT_TICKER_FIELDS, TICKER_FIELDS_ROWS)                        \
  X(asset, MITCH_LAYOUT_ASSET, ASSET_ROWS)                                                \
  X(provider, MITCH_LAYOUT_PROVIDER, PROVIDER_ROWS)                                       \
  X(resolution, MITCH_LAYOUT_RESOLUTION, RESOLUTION_ROWS)                                 \
  X(class_info, MITCH_LAYOUT_CLASS_INFO, CLASS_INFO_ROWS)                                 \
  X(tick_metrics, MITCH_LAYOUT_TICK_METRICS, TICK_METRICS_ROWS)                           \
  X(index_metrics, MITCH_LAYOUT_INDEX_METRICS, INDEX_METRICS_ROWS)                        \
  X(message, MITCH_LAYOUT_MESSAGE, MESSAGE_ROWS)                                          \
  X(reader, MITCH_LAYOUT_READER, READER_ROWS)

#define API_FIELDS_ARRAY(N, id, ROWS)                                                     \
  static const layout_field N##_fields[] = {ROWS(API_MEMBER, API_CHARS, API_STRUCT)};     \
  ROWS(ASSERT_API_MEMBER, ASSERT_API_CHARS, ASSERT_API_STRUCT)
LAYOUT_API_STRUCTS(API_FIELDS_ARRAY)

/* ---- the table ------------------------------------------------------------- */

/* The body codecs' fast paths (MITCH_DEFINE_BODY_CODEC in each body file). */
extern const body_ops libmitch_trade_ops;
extern const body_ops libmitch_order_ops;
extern const body_ops libmitch_tick_ops;
extern const body_ops libmitch_index_ops;
extern const body_ops libmitch_order_book_ops;

#define OPS_header NULL
#define OPS_trade &libmitch_trade_ops
#define OPS_order &libmitch_order_ops
#define OPS_tick &libmitch_tick_ops
#define OPS_index &libmitch_index_ops
#define OPS_order_book &libmitch_order_book_ops
#define OPS_bin NULL

/* A body's message_type is its id; the other layouts have none. */
#define IS_BODY_header 0
#define IS_BODY_bin 0
#define IS_BODY_trade 1
#define IS_BODY_order 1
#define IS_BODY_tick 1
#define IS_BODY_index 1
#define IS_BODY_order_book 1

#define WIRE_ENTRY(L, id, ROWS)                                                           \
  {{(id), IS_BODY_##L ? (id) : 0, #L, WIRE_SIZE_##L, sizeof(mitch_##L),                   \
    MITCH_ALIGNOF(mitch_##L), sizeof L##_fields / sizeof L##_fields[0]},                  \
   L##_fields, OPS_##L},
#define API_ENTRY(N, id, ROWS)                                                            \
  {{(id), 0, #N, 0, sizeof(mitch_##N), MITCH_ALIGNOF(mitch_##N),                          \
    sizeof N##_fields / sizeof N##_fields[0]},                                            \
   N##_fields, NULL},

const layout_desc libmitch_layouts[] = {LAYOUT_WIRE_LAYOUTS(WIRE_ENTRY)
                                            LAYOUT_API_STRUCTS(API_ENTRY)};
const size_t libmitch_layout_total = sizeof libmitch_layouts / sizeof libmitch_layouts[0];

/* Position of each layout in libmitch_layouts. */
#define SLOT_ENUM(L, id, ROWS) LAYOUT_SLOT_##L,
enum { LAYOUT_WIRE_LAYOUTS(SLOT_ENUM) LAYOUT_API_STRUCTS(SLOT_ENUM) LAYOUT_SLOTS };
MITCH_STATIC_ASSERT(LAYOUT_SLOTS == sizeof libmitch_layouts / sizeof libmitch_layouts[0],
                    "one slot per layout");

/* The field-index enums of layout.h count the same rows as the arrays. */
#define ASSERT_FIELD_COUNT(L, id, ROWS)                                                   \
  MITCH_STATIC_ASSERT(LAYOUT_FIELDS_##L == sizeof L##_fields / sizeof L##_fields[0],      \
                      #L ": field indexes and rows disagree");
LAYOUT_WIRE_LAYOUTS(ASSERT_FIELD_COUNT)

const layout_desc *const libmitch_body_by_type[256] = {
    [MITCH_MSG_TRADE] = &libmitch_layouts[LAYOUT_SLOT_trade],
    [MITCH_MSG_ORDER] = &libmitch_layouts[LAYOUT_SLOT_order],
    [MITCH_MSG_TICK] = &libmitch_layouts[LAYOUT_SLOT_tick],
    [MITCH_MSG_INDEX] = &libmitch_layouts[LAYOUT_SLOT_index],
    [MITCH_MSG_ORDER_BOOK] = &libmitch_layouts[LAYOUT_SLOT_order_book],
};

const layout_desc *libmitch_layout_find(uint8_t id) {
  size_t i;
  for (i = 0; i < LAYOUT_SLOTS; i++)
    if (libmitch_layouts[i].pub.id == id)
      return &libmitch_layouts[i];
  return NULL;
}

/* ---- exported ------------------------------------------------------------------ */

size_t mitch_layout_count(void) {
  return LAYOUT_SLOTS;
}

int mitch_layout_at(size_t index, mitch_layout *out) {
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (index >= LAYOUT_SLOTS)
    return MITCH_ERR_NOT_FOUND;
  *out = libmitch_layouts[index].pub;
  return MITCH_OK;
}

int mitch_layout_get(uint8_t id, mitch_layout *out) {
  const layout_desc *d;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  d = libmitch_layout_find(id);
  if (!d)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  *out = d->pub;
  return MITCH_OK;
}

int mitch_layout_field(uint8_t id, size_t index, mitch_field *out) {
  const layout_desc *d;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  d = libmitch_layout_find(id);
  if (!d)
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  if (index >= d->pub.field_count)
    return MITCH_ERR_NOT_FOUND;
  *out = d->fields[index].pub;
  return MITCH_OK;
}

/* The flat ABI's size query: one out-parameter per body type of 1.0, so it
   names them; the sizes come from the table. */
int mitch_get_message_sizes(size_t *header, size_t *trade, size_t *order, size_t *tick,
                            size_t *index, size_t *order_book) {
  if (!header || !trade || !order || !tick || !index || !order_book)
    return MITCH_ERR_INVALID_DATA;
  *header = libmitch_layouts[LAYOUT_SLOT_header].pub.wire_size;
  *trade = libmitch_layouts[LAYOUT_SLOT_trade].pub.wire_size;
  *order = libmitch_layouts[LAYOUT_SLOT_order].pub.wire_size;
  *tick = libmitch_layouts[LAYOUT_SLOT_tick].pub.wire_size;
  *index = libmitch_layouts[LAYOUT_SLOT_index].pub.wire_size;
  *order_book = libmitch_layouts[LAYOUT_SLOT_order_book].pub.wire_size;
  return MITCH_OK;
}
