/*
 * check_layout.c - the layout table (mitch_layout_*) against its two
 * independent sources of truth:
 *   - protocol.md's tables, typed in below by hand (offsets, sizes, kinds,
 *     which fields carry a rule), never read from the code under test;
 *   - the C compiler, through offsetof/sizeof of the structs of mitch.h.
 * Plus the shape of the API (order, ids, errors) and the invariants every
 * binding relies on (wire bytes covered exactly once, bits inside their
 * byte, nested layouts that exist).
 */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* ---- protocol.md, typed in ------------------------------------------------ */

typedef struct wire_row {
  const char *wire_name; /* protocol.md's name */
  const char *member;    /* the struct member (mitch.h), "padding" for padding */
  int kind;
  size_t offset, size;
  unsigned bit_offset, bit_width;
  size_t count;
  int has_rule; /* protocol.md states a rule for it */
  const char *values;
} wire_row;

typedef struct wire_table {
  uint8_t id;
  const char *name;
  uint8_t message_type;
  size_t wire_size;
  const wire_row *rows;
  size_t n;
} wire_table;

#define K(x) MITCH_FIELD_##x
static const wire_row header_rows[] = {
    {"message_type", "message_type", K(U8), 0, 1, 0, 0, 1, 1, ""},
    {"timestamp", "timestamp", K(U48), 1, 6, 0, 0, 1, 1, ""},
    {"count", "count", K(U8), 7, 1, 0, 0, 1, 1, ""},
};
static const wire_row trade_rows[] = {
    {"ticker_id", "ticker_id", K(U64), 0, 8, 0, 0, 1, 1, ""},
    {"price", "price", K(F64), 8, 8, 0, 0, 1, 1, ""},
    {"quantity", "quantity", K(U32), 16, 4, 0, 0, 1, 1, ""},
    {"trade_id", "trade_id", K(U32), 20, 4, 0, 0, 1, 1, ""},
    {"side", "side", K(U8), 24, 1, 0, 0, 1, 1, "buy|sell"},
    {"padding", "padding", K(PADDING), 25, 7, 0, 0, 1, 0, ""},
};
static const wire_row order_rows[] = {
    {"ticker_id", "ticker_id", K(U64), 0, 8, 0, 0, 1, 1, ""},
    {"order_id", "order_id", K(U32), 8, 4, 0, 0, 1, 1, ""},
    {"price", "price", K(F64), 12, 8, 0, 0, 1, 1, ""},
    {"quantity", "quantity", K(U32), 20, 4, 0, 0, 1, 1, ""},
    {"type_and_side", "side", K(BITS), 24, 1, 0, 1, 1, 1, "buy|sell"},
    {"type_and_side", "order_type", K(BITS), 24, 1, 1, 7, 1, 1, "market|limit|stop|cancel"},
    {"expiry", "expiry_ms", K(U48), 25, 6, 0, 0, 1, 1, ""},
    {"padding", "padding", K(PADDING), 31, 1, 0, 0, 1, 0, ""},
};
static const wire_row tick_rows[] = {
    {"ticker_id", "ticker_id", K(U64), 0, 8, 0, 0, 1, 1, ""},
    {"bid_price", "bid_price", K(F64), 8, 8, 0, 0, 1, 1, ""},
    {"ask_price", "ask_price", K(F64), 16, 8, 0, 0, 1, 1, ""},
    {"bid_volume", "bid_volume", K(U32), 24, 4, 0, 0, 1, 0, ""},
    {"ask_volume", "ask_volume", K(U32), 28, 4, 0, 0, 1, 0, ""},
};
static const wire_row index_rows[] = {
    {"ticker_id", "ticker_id", K(U64), 0, 8, 0, 0, 1, 1, ""},
    {"mid", "mid", K(F64), 8, 8, 0, 0, 1, 1, ""},
    {"v_bid", "v_bid", K(U32), 16, 4, 0, 0, 1, 0, ""},
    {"v_ask", "v_ask", K(U32), 20, 4, 0, 0, 1, 0, ""},
    {"m_spread", "m_spread", K(I32), 24, 4, 0, 0, 1, 0, ""},
    {"b_bid_o", "b_bid_o", K(I32), 28, 4, 0, 0, 1, 0, ""},
    {"b_ask_o", "b_ask_o", K(I32), 32, 4, 0, 0, 1, 0, ""},
    {"w_bid_o", "w_bid_o", K(I32), 36, 4, 0, 0, 1, 0, ""},
    {"w_ask_o", "w_ask_o", K(I32), 40, 4, 0, 0, 1, 0, ""},
    {"v_force", "v_force", K(U16), 44, 2, 0, 0, 1, 1, ""},
    {"l_force", "l_force", K(U16), 46, 2, 0, 0, 1, 1, ""},
    {"t_force", "t_force", K(I16), 48, 2, 0, 0, 1, 1, ""},
    {"m_force", "m_force", K(I16), 50, 2, 0, 0, 1, 1, ""},
    {"confidence", "confidence", K(U8), 52, 1, 0, 0, 1, 1, ""},
    {"rejected", "rejected", K(U8), 53, 1, 0, 0, 1, 0, ""},
    {"accepted", "accepted", K(U8), 54, 1, 0, 0, 1, 1, ""},
    {"padding", "padding", K(PADDING), 55, 9, 0, 0, 1, 0, ""},
};
static const wire_row order_book_rows[] = {
    {"ticker_id", "ticker_id", K(U64), 0, 8, 0, 0, 1, 1, ""},
    {"mid_price", "mid_price", K(F64), 8, 8, 0, 0, 1, 1, ""},
    {"bin_aggregator", "bin_aggregator", K(U8), 16, 1, 0, 0, 1, 1, ""},
    {"padding", "padding", K(PADDING), 17, 7, 0, 0, 1, 0, ""},
    {"bids", "bids", K(BINS), 24, 1024, 0, 0, 128, 0, ""},
    {"asks", "asks", K(BINS), 1048, 1024, 0, 0, 128, 0, ""},
};
static const wire_row bin_rows[] = {
    {"count", "count", K(U32), 0, 4, 0, 0, 1, 0, ""},
    {"volume", "volume", K(U32), 4, 4, 0, 0, 1, 0, ""},
};

#define TABLE(id, name, type, size, rows) {id, name, type, size, rows, sizeof rows / sizeof rows[0]}
static const wire_table wire_tables[] = {
    TABLE(MITCH_LAYOUT_HEADER, "header", 0, 8, header_rows),
    TABLE('t', "trade", 't', 32, trade_rows),
    TABLE('o', "order", 'o', 32, order_rows),
    TABLE('s', "tick", 's', 32, tick_rows),
    TABLE('i', "index", 'i', 64, index_rows),
    TABLE('b', "order_book", 'b', 2072, order_book_rows),
    TABLE(MITCH_LAYOUT_BIN, "bin", 0, 8, bin_rows),
};
#define N_WIRE (sizeof wire_tables / sizeof wire_tables[0])

/* ---- the C compiler's view: offsetof/sizeof of each member --------------- */

typedef struct member_row {
  const char *name;
  size_t offset, size;
  int kind;
  size_t count;   /* elements (bins, chars), else 1 */
  int nested;     /* layout id for BINS/STRUCT, else -1 */
} member_row;

typedef struct struct_table {
  uint8_t id;
  const char *name;
  size_t size, align;
  const member_row *rows;
  size_t n;
} struct_table;

#define M(T, m, KIND) {#m, offsetof(T, m), sizeof(((T *)0)->m), K(KIND), 1, -1}
#define MC(T, m) {#m, offsetof(T, m), sizeof(((T *)0)->m), K(CHARS), sizeof(((T *)0)->m), -1}
#define MS(T, m, nested) {#m, offsetof(T, m), sizeof(((T *)0)->m), K(STRUCT), 1, nested}
#define MB(T, m) {#m, offsetof(T, m), sizeof(((T *)0)->m), K(BINS), MITCH_BINS_PER_SIDE, MITCH_LAYOUT_BIN}

static const member_row m_header[] = {M(mitch_header, message_type, U8),
                                      M(mitch_header, timestamp, U48),
                                      M(mitch_header, count, U8)};
static const member_row m_trade[] = {M(mitch_trade, ticker_id, U64), M(mitch_trade, price, F64),
                                     M(mitch_trade, quantity, U32), M(mitch_trade, trade_id, U32),
                                     M(mitch_trade, side, U8)};
static const member_row m_order[] = {
    M(mitch_order, ticker_id, U64), M(mitch_order, order_id, U32), M(mitch_order, price, F64),
    M(mitch_order, quantity, U32),  M(mitch_order, side, BITS),    M(mitch_order, order_type, BITS),
    M(mitch_order, expiry_ms, U48)};
static const member_row m_tick[] = {M(mitch_tick, ticker_id, U64), M(mitch_tick, bid_price, F64),
                                    M(mitch_tick, ask_price, F64), M(mitch_tick, bid_volume, U32),
                                    M(mitch_tick, ask_volume, U32)};
static const member_row m_index[] = {
    M(mitch_index, ticker_id, U64), M(mitch_index, mid, F64),      M(mitch_index, v_bid, U32),
    M(mitch_index, v_ask, U32),     M(mitch_index, m_spread, I32), M(mitch_index, b_bid_o, I32),
    M(mitch_index, b_ask_o, I32),   M(mitch_index, w_bid_o, I32),  M(mitch_index, w_ask_o, I32),
    M(mitch_index, v_force, U16),   M(mitch_index, l_force, U16),  M(mitch_index, t_force, I16),
    M(mitch_index, m_force, I16),   M(mitch_index, confidence, U8), M(mitch_index, rejected, U8),
    M(mitch_index, accepted, U8)};
static const member_row m_order_book[] = {
    M(mitch_order_book, ticker_id, U64), M(mitch_order_book, mid_price, F64),
    M(mitch_order_book, bin_aggregator, U8), MB(mitch_order_book, bids),
    MB(mitch_order_book, asks)};
static const member_row m_bin[] = {M(mitch_bin, count, U32), M(mitch_bin, volume, U32)};
static const member_row m_stream_info[] = {
    M(mitch_stream_info, messages, SIZE), M(mitch_stream_info, bodies, SIZE),
    M(mitch_stream_info, error_offset, SIZE), M(mitch_stream_info, message_offset, SIZE)};
static const member_row m_error[] = {
    M(mitch_error, status, INT),         M(mitch_error, layout, U8),
    M(mitch_error, field, INT),          M(mitch_error, other_field, INT),
    M(mitch_error, field_name, POINTER), M(mitch_error, other_name, POINTER),
    M(mitch_error, rule, POINTER),       M(mitch_error, value, F64),
    M(mitch_error, other_value, F64),    M(mitch_error, index, SIZE),
    M(mitch_error, offset, SIZE),        M(mitch_error, message_offset, SIZE),
    MC(mitch_error, text)};
static const member_row m_capture_sink[] = {
    M(mitch_capture_sink, message_type, U8), M(mitch_capture_sink, bodies, POINTER),
    M(mitch_capture_sink, timestamps, POINTER), M(mitch_capture_sink, capacity, SIZE),
    M(mitch_capture_sink, count, SIZE), M(mitch_capture_sink, body_stride, SIZE),
    M(mitch_capture_sink, timestamp_stride, SIZE)};
static const member_row m_ticker_fields[] = {
    M(mitch_ticker_fields, instrument_type, U8), M(mitch_ticker_fields, base_class, U8),
    M(mitch_ticker_fields, base_id, U16),        M(mitch_ticker_fields, quote_class, U8),
    M(mitch_ticker_fields, quote_id, U16),       M(mitch_ticker_fields, sub_type, U32)};
static const member_row m_asset[] = {
    M(mitch_asset, asset_id, U32), M(mitch_asset, class_id, U16), M(mitch_asset, asset_class, U8),
    M(mitch_asset, name, POINTER), M(mitch_asset, symbol, POINTER),
    M(mitch_asset, aliases, POINTER)};
static const member_row m_provider[] = {M(mitch_provider, id, U16),
                                        M(mitch_provider, name, POINTER),
                                        M(mitch_provider, abbreviations, POINTER)};
static const member_row m_resolution[] = {
    M(mitch_resolution, ticker_id, U64), M(mitch_resolution, instrument_type, U8),
    MS(mitch_resolution, base, MITCH_LAYOUT_ASSET), MS(mitch_resolution, quote, MITCH_LAYOUT_ASSET),
    M(mitch_resolution, confidence, F64), MC(mitch_resolution, steps)};
static const member_row m_class_info[] = {M(mitch_class_info, id, U8),
                                          M(mitch_class_info, name, POINTER),
                                          M(mitch_class_info, code, POINTER)};
static const member_row m_tick_metrics[] = {
    M(mitch_tick_metrics, mid, F64), M(mitch_tick_metrics, spread, F64),
    M(mitch_tick_metrics, spread_bps, F64), M(mitch_tick_metrics, imbalance, F64),
    M(mitch_tick_metrics, total_volume, U64)};
static const member_row m_index_metrics[] = {
    M(mitch_index_metrics, best_bid_price, F64),  M(mitch_index_metrics, best_ask_price, F64),
    M(mitch_index_metrics, worst_bid_price, F64), M(mitch_index_metrics, worst_ask_price, F64),
    M(mitch_index_metrics, mean_spread, F64),     M(mitch_index_metrics, volatility, F64),
    M(mitch_index_metrics, liquidity, F64),       M(mitch_index_metrics, trend, F64),
    M(mitch_index_metrics, momentum, F64),        M(mitch_index_metrics, confidence_band, POINTER)};
static const member_row m_message[] = {
    MS(mitch_message, header, MITCH_LAYOUT_HEADER), M(mitch_message, offset, SIZE),
    M(mitch_message, size, SIZE), M(mitch_message, body_size, SIZE),
    M(mitch_message, bodies, POINTER)};
static const member_row m_reader[] = {
    M(mitch_reader, data, POINTER),       M(mitch_reader, size, SIZE),
    M(mitch_reader, offset, SIZE),        M(mitch_reader, status, INT),
    M(mitch_reader, error_offset, SIZE), M(mitch_reader, message_offset, SIZE)};

#define STRUCT(id, name, T, rows) {id, name, sizeof(T), _Alignof(T), rows, sizeof rows / sizeof rows[0]}
/* In table order: the wire layouts, then the API structs by id. */
static const struct_table struct_tables[] = {
    STRUCT(MITCH_LAYOUT_HEADER, "header", mitch_header, m_header),
    STRUCT('t', "trade", mitch_trade, m_trade),
    STRUCT('o', "order", mitch_order, m_order),
    STRUCT('s', "tick", mitch_tick, m_tick),
    STRUCT('i', "index", mitch_index, m_index),
    STRUCT('b', "order_book", mitch_order_book, m_order_book),
    STRUCT(MITCH_LAYOUT_BIN, "bin", mitch_bin, m_bin),
    STRUCT(MITCH_LAYOUT_STREAM_INFO, "stream_info", mitch_stream_info, m_stream_info),
    STRUCT(MITCH_LAYOUT_ERROR, "error", mitch_error, m_error),
    STRUCT(MITCH_LAYOUT_CAPTURE_SINK, "capture_sink", mitch_capture_sink, m_capture_sink),
    STRUCT(MITCH_LAYOUT_TICKER_FIELDS, "ticker_fields", mitch_ticker_fields, m_ticker_fields),
    STRUCT(MITCH_LAYOUT_ASSET, "asset", mitch_asset, m_asset),
    STRUCT(MITCH_LAYOUT_PROVIDER, "provider", mitch_provider, m_provider),
    STRUCT(MITCH_LAYOUT_RESOLUTION, "resolution", mitch_resolution, m_resolution),
    STRUCT(MITCH_LAYOUT_CLASS_INFO, "class_info", mitch_class_info, m_class_info),
    STRUCT(MITCH_LAYOUT_TICK_METRICS, "tick_metrics", mitch_tick_metrics, m_tick_metrics),
    STRUCT(MITCH_LAYOUT_INDEX_METRICS, "index_metrics", mitch_index_metrics, m_index_metrics),
    STRUCT(MITCH_LAYOUT_MESSAGE, "message", mitch_message, m_message),
    STRUCT(MITCH_LAYOUT_READER, "reader", mitch_reader, m_reader),
};
#define N_STRUCTS (sizeof struct_tables / sizeof struct_tables[0])

/* ---- tests ------------------------------------------------------------------ */

START_TEST(test_layouts_in_table_order) {
  size_t i;
  mitch_layout l;
  ck_assert_uint_eq(mitch_layout_count(), N_STRUCTS);
  for (i = 0; i < N_STRUCTS; i++) {
    const struct_table *t = &struct_tables[i];
    ck_assert_int_eq(mitch_layout_at(i, &l), MITCH_OK);
    ck_assert_uint_eq(l.id, t->id);
    ck_assert_str_eq(l.name, t->name);
    ck_assert_uint_eq(l.struct_size, t->size);
    ck_assert_uint_eq(l.struct_align, t->align);
    ck_assert_uint_eq(l.field_count, i < N_WIRE ? wire_tables[i].n : t->n);
    if (i >= N_WIRE) {
      ck_assert_uint_eq(l.wire_size, 0);
      ck_assert_uint_eq(l.message_type, 0);
    }
  }
  ck_assert_int_eq(mitch_layout_at(N_STRUCTS, &l), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_layout_at((size_t)-1, &l), MITCH_ERR_NOT_FOUND);
  ck_assert_int_eq(mitch_layout_at(0, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* Every wire layout, field by field, as protocol.md has it. */
START_TEST(test_wire_layouts_match_protocol_md) {
  size_t i, j;
  for (i = 0; i < N_WIRE; i++) {
    const wire_table *t = &wire_tables[i];
    mitch_layout l;
    ck_assert_int_eq(mitch_layout_get(t->id, &l), MITCH_OK);
    ck_assert_str_eq(l.name, t->name);
    ck_assert_uint_eq(l.message_type, t->message_type);
    ck_assert_uint_eq(l.wire_size, t->wire_size);
    ck_assert_uint_eq(l.field_count, t->n);
    for (j = 0; j < t->n; j++) {
      const wire_row *w = &t->rows[j];
      mitch_field f;
      ck_assert_int_eq(mitch_layout_field(t->id, j, &f), MITCH_OK);
      ck_assert_msg(strcmp(f.name, w->member) == 0, "%s field %zu is %s, want %s", t->name, j,
                    f.name, w->member);
      ck_assert_str_eq(f.wire_name, w->wire_name);
      ck_assert_msg(f.kind == w->kind, "%s.%s: kind %d, want %d", t->name, f.name, f.kind,
                    w->kind);
      ck_assert_msg(f.wire_offset == w->offset && f.wire_size == w->size,
                    "%s.%s: at %zu size %zu, protocol.md says %zu size %zu", t->name, f.name,
                    f.wire_offset, f.wire_size, w->offset, w->size);
      ck_assert_uint_eq(f.bit_offset, w->bit_offset);
      ck_assert_uint_eq(f.bit_width, w->bit_width);
      ck_assert_uint_eq(f.count, w->count);
      ck_assert_str_eq(f.values, w->values);
      ck_assert_msg((f.rule[0] != '\0') == w->has_rule, "%s.%s: rule \"%s\"", t->name, f.name,
                    f.rule);
      if (w->kind == MITCH_FIELD_PADDING) {
        ck_assert_uint_eq(f.struct_offset, MITCH_NO_MEMBER);
        ck_assert_uint_eq(f.struct_size, 0);
      }
      if (w->kind == MITCH_FIELD_BINS)
        ck_assert_uint_eq(f.nested, MITCH_LAYOUT_BIN);
    }
    ck_assert_int_eq(mitch_layout_field(t->id, t->n, &(mitch_field){0}), MITCH_ERR_NOT_FOUND);
  }
}
END_TEST

/* Every byte of a wire image belongs to exactly one field (the bits of one
   byte: to its bit fields, which cover its 8 bits at most once). */
START_TEST(test_wire_bytes_covered_once) {
  size_t i, j, k;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    unsigned char owners[2072];
    unsigned bits[2072];
    mitch_layout_at(i, &l);
    if (!l.wire_size)
      continue;
    ck_assert_uint_le(l.wire_size, sizeof owners);
    memset(owners, 0, sizeof owners);
    memset(bits, 0, sizeof bits);
    for (j = 0; j < l.field_count; j++) {
      mitch_field f;
      mitch_layout_field(l.id, j, &f);
      ck_assert_uint_le(f.wire_offset + f.wire_size, l.wire_size);
      if (f.kind == MITCH_FIELD_BITS) {
        unsigned mask;
        ck_assert_uint_eq(f.wire_size, 1);
        ck_assert_uint_ge(f.bit_width, 1);
        ck_assert_uint_le(f.bit_offset + f.bit_width, 8);
        mask = ((1u << f.bit_width) - 1u) << f.bit_offset;
        ck_assert_msg((bits[f.wire_offset] & mask) == 0, "%s.%s: bits overlap", l.name, f.name);
        bits[f.wire_offset] |= mask;
        owners[f.wire_offset] = 1;
        continue;
      }
      for (k = f.wire_offset; k < f.wire_offset + f.wire_size; k++) {
        ck_assert_msg(!owners[k], "%s: byte %zu has two fields", l.name, k);
        owners[k] = 1;
      }
    }
    for (k = 0; k < l.wire_size; k++)
      ck_assert_msg(owners[k], "%s: byte %zu belongs to no field", l.name, k);
  }
}
END_TEST

/* Struct offsets and sizes are the compiler's, for every layout. */
START_TEST(test_struct_members_match_the_compiler) {
  size_t i, j;
  for (i = 0; i < N_STRUCTS; i++) {
    const struct_table *t = &struct_tables[i];
    mitch_layout l;
    size_t members = 0;
    ck_assert_int_eq(mitch_layout_get(t->id, &l), MITCH_OK);
    for (j = 0; j < l.field_count; j++) {
      mitch_field f;
      const member_row *m;
      mitch_layout_field(t->id, j, &f);
      if (f.kind == MITCH_FIELD_PADDING)
        continue;
      ck_assert_uint_lt(members, t->n);
      /* wire layouts list fields in wire order: find the member by name */
      for (m = t->rows; m < t->rows + t->n && strcmp(m->name, f.name) != 0; m++)
        ;
      ck_assert_msg(m < t->rows + t->n, "%s.%s is not a member of mitch_%s", t->name, f.name,
                    t->name);
      ck_assert_msg(f.struct_offset == m->offset && f.struct_size == m->size,
                    "%s.%s: struct offset %zu size %zu, the compiler says %zu size %zu", t->name,
                    f.name, f.struct_offset, f.struct_size, m->offset, m->size);
      ck_assert_msg(f.kind == m->kind, "%s.%s: kind %d, want %d", t->name, f.name, f.kind,
                    m->kind);
      ck_assert_uint_eq(f.count, m->count);
      if (m->nested >= 0)
        ck_assert_uint_eq(f.nested, (unsigned)m->nested);
      if (l.wire_size == 0) { /* API structs: member order, no wire image */
        ck_assert_str_eq(f.name, t->rows[j].name);
        ck_assert_uint_eq(f.wire_offset, 0);
        ck_assert_uint_eq(f.wire_size, 0);
        ck_assert_str_eq(f.wire_name, f.name);
        ck_assert_str_eq(f.rule, "");
      }
      members++;
    }
    ck_assert_uint_eq(members, t->n); /* every member described */
  }
}
END_TEST

/* The body types are exactly the layouts with a message type, and each is
   found by its type byte. */
START_TEST(test_body_types) {
  static const uint8_t codes[] = {'t', 'o', 's', 'i', 'b'};
  size_t i, bodies = 0;
  unsigned b;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (!l.message_type)
      continue;
    bodies++;
    ck_assert_uint_eq(l.id, l.message_type);
    ck_assert_ptr_ne(memchr(codes, l.message_type, sizeof codes), NULL);
  }
  ck_assert_uint_eq(bodies, sizeof codes);
  for (b = 0; b < 256; b++) {
    mitch_layout l;
    int st = mitch_layout_get((uint8_t)b, &l);
    int known = memchr(codes, (int)b, sizeof codes) != NULL || b <= MITCH_LAYOUT_READER;
    ck_assert_int_eq(st, known ? MITCH_OK : MITCH_ERR_INVALID_MESSAGE_TYPE);
    if (!known) {
      mitch_field f;
      ck_assert_int_eq(mitch_layout_field((uint8_t)b, 0, &f), MITCH_ERR_INVALID_MESSAGE_TYPE);
    }
  }
  ck_assert_int_eq(mitch_layout_get('t', NULL), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_layout_field('t', 0, NULL), MITCH_ERR_INVALID_DATA);
}
END_TEST

/* Nested layouts exist, strings are never NULL, the sizes of mitch.h
   agree. */
START_TEST(test_strings_and_nesting) {
  size_t i, j;
  mitch_layout l;
  for (i = 0; i < mitch_layout_count(); i++) {
    mitch_layout_at(i, &l);
    ck_assert_ptr_ne(l.name, NULL);
    for (j = 0; j < l.field_count; j++) {
      mitch_field f;
      mitch_layout nested;
      mitch_layout_field(l.id, j, &f);
      ck_assert_ptr_ne(f.name, NULL);
      ck_assert_ptr_ne(f.wire_name, NULL);
      ck_assert_ptr_ne(f.values, NULL);
      ck_assert_ptr_ne(f.rule, NULL);
      if (f.kind == MITCH_FIELD_BINS || f.kind == MITCH_FIELD_STRUCT) {
        ck_assert_int_eq(mitch_layout_get(f.nested, &nested), MITCH_OK);
        ck_assert_uint_eq(f.struct_size, f.count * nested.struct_size);
      }
    }
  }
  mitch_layout_get('b', &l);
  ck_assert_uint_eq(l.wire_size, MITCH_ORDER_BOOK_SIZE);
  mitch_layout_get(MITCH_LAYOUT_HEADER, &l);
  ck_assert_uint_eq(l.wire_size, MITCH_HEADER_SIZE);
  mitch_layout_get(MITCH_LAYOUT_BIN, &l);
  ck_assert_uint_eq(l.wire_size, MITCH_BIN_SIZE);
}
END_TEST

static Suite *layout_suite(void) {
  Suite *s = suite_create("layout");
  TCase *tc = tu_tcase("layout");
  tcase_add_test(tc, test_layouts_in_table_order);
  tcase_add_test(tc, test_wire_layouts_match_protocol_md);
  tcase_add_test(tc, test_wire_bytes_covered_once);
  tcase_add_test(tc, test_struct_members_match_the_compiler);
  tcase_add_test(tc, test_body_types);
  tcase_add_test(tc, test_strings_and_nesting);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(layout_suite());
}
