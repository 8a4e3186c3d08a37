/*
 * check_conformance.c - every row of the tests/vectors/messages TSV files (the
 * copy of ../shared/conformance), both directions, bit-exact.
 *
 * For each row: pack (flat ABI and typed API) must give exactly the
 * `expect` bytes, or fail with status n for ERRn.  A valid row must also
 * round-trip: unpacking the expected bytes gives back every input field,
 * doubles compared by bit pattern.  An ERRn row whose fields can be put on
 * the wire at all is also written there by hand and must be refused by
 * unpack with the same status, and explained by the check functions (a
 * field and the rule it breaks, mitch_check_values / mitch_check_wire).
 * A row that cannot be parsed is a failure,
 * and so is a file with more or fewer rows than it had when this test was
 * written (a truncated copy must not pass).
 */
#include <config.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* Rows per file (data rows, header excluded) in the vectors this suite was
   written against.  If the shared vectors grow, update these numbers along
   with the copy. */
#define ROWS_TRADE 209
#define ROWS_ORDER 210
#define ROWS_TICK 206
#define ROWS_INDEX 211
#define ROWS_HEADER 204
#define ROWS_TICKER_ID 203
#define ROWS_CHANNEL 125
#define ROWS_ORDER_BOOK 10

/* The files of messages/ this suite knows; any other file there fails. */
static const char *const known_files[] = {"channel.tsv", "header.tsv",     "index.tsv",
                                          "order.tsv",   "order_book.tsv", "tick.tsv",
                                          "ticker_id.tsv", "trade.tsv"};

/* ---- per-row bookkeeping ------------------------------------------------- */

typedef struct row_ctx {
  const char *file;
  const tu_tsv *t;
  size_t row;        /* 0-based data row; the file line is row + 2 */
  size_t failures;
  size_t valid_rows; /* rows that round-tripped */
  size_t error_rows; /* ERRn rows */
} row_ctx;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void row_fail(row_ctx *c, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s:%zu: ", c->file, c->row + 2);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  c->failures++;
}

#define CHECK(c, cond, ...)                                                                      \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      row_fail((c), __VA_ARGS__);                                                                \
      return;                                                                                    \
    }                                                                                            \
  } while (0)

static const char *cell(row_ctx *c, size_t col) {
  return tu_tsv_cell(c->t, c->row, col);
}

/* Unsigned field of at most `max`. */
static int get_u(row_ctx *c, size_t col, uint64_t max, uint64_t *out) {
  if (!tu_parse_u64(cell(c, col), out) || *out > max) {
    row_fail(c, "column %s: \"%s\" is not a number in 0..%llu", c->t->cells[col], cell(c, col),
             (unsigned long long)max);
    return 0;
  }
  return 1;
}

static int get_i(row_ctx *c, size_t col, int64_t min, int64_t max, int64_t *out) {
  if (!tu_parse_i64(cell(c, col), out) || *out < min || *out > max) {
    row_fail(c, "column %s: \"%s\" is not a number in %lld..%lld", c->t->cells[col],
             cell(c, col), (long long)min, (long long)max);
    return 0;
  }
  return 1;
}

static int get_d(row_ctx *c, size_t col, double *out) {
  if (!tu_parse_double(cell(c, col), out)) {
    row_fail(c, "column %s: \"%s\" is not a float literal", c->t->cells[col], cell(c, col));
    return 0;
  }
  return 1;
}

/* The expect column: *err = n for "ERRn" (and 0 bytes), else the bytes. */
static int get_expect(row_ctx *c, size_t col, size_t size, uint8_t *bytes, int *err) {
  const char *e = cell(c, col);
  size_t len = 0;
  *err = 0;
  if (strncmp(e, "ERR", 3) == 0) {
    uint64_t n;
    if (!tu_parse_u64(e + 3, &n) || e[3] == '0' || n == 0 || n > 99) {
      row_fail(c, "expect \"%s\" is not ERRn", e);
      return 0;
    }
    *err = (int)n;
    return 1;
  }
  if (!tu_hex_decode(e, bytes, size, &len) || len != size) {
    row_fail(c, "expect is not %zu bytes of hex", size);
    return 0;
  }
  return 1;
}

static int same_bits(double a, double b) {
  return tu_double_bits(a) == tu_double_bits(b);
}

/* Compare bytes; on a difference, describe it. */
static int bytes_ok(row_ctx *c, const char *what, const uint8_t *got, const uint8_t *want,
                    size_t n) {
  char msg[512];
  if (tu_bytes_equal(got, want, n, msg, sizeof msg))
    return 1;
  row_fail(c, "%s: %s", what, msg);
  return 0;
}

/* An invalid row is also explained: mitch_check_values (and, for a row
   the wire can hold, mitch_check_wire on its hand-made bytes) gives the
   same status and names a field and the rule it breaks. */
static int explained(row_ctx *c, uint8_t id, const void *values, const uint8_t *wire,
                     size_t wire_size, int err) {
  mitch_error e;
  int st = mitch_check_values(id, values, 1, &e);
  if (st != err) {
    row_fail(c, "mitch_check_values returned %d, want %d", st, err);
    return 0;
  }
  if (e.field < 0 || !e.field_name[0] || !e.rule[0] || !e.text[0]) {
    row_fail(c, "mitch_check_values names no field and rule (\"%s\")", e.text);
    return 0;
  }
  if (!wire)
    return 1;
  st = mitch_check_wire(id, wire, wire_size, 1, &e);
  if (st != err) {
    row_fail(c, "mitch_check_wire returned %d, want %d", st, err);
    return 0;
  }
  if (e.field < 0 || !e.field_name[0] || !e.rule[0] || !e.text[0]) {
    row_fail(c, "mitch_check_wire names no field and rule (\"%s\")", e.text);
    return 0;
  }
  return 1;
}

/* ---- trade ------------------------------------------------------------------- */

static void trade_wire(uint8_t out[32], uint64_t tid, double price, uint32_t qty, uint32_t id,
                       uint8_t side) {
  memset(out, 0, 32);
  tu_put_le(out, tid, 8);
  tu_put_f64(out + 8, price);
  tu_put_le(out + 16, qty, 4);
  tu_put_le(out + 20, id, 4);
  out[24] = side;
}

static void trade_row(row_ctx *c) {
  uint64_t tid, qty, id, side;
  double price;
  uint8_t want[32], out[32], wire[32];
  int err, st;
  mitch_trade v, back;
  uint64_t u_tid;
  double u_price;
  uint32_t u_qty, u_id;
  uint8_t u_side;
  if (!get_u(c, 0, UINT64_MAX, &tid) || !get_d(c, 1, &price) || !get_u(c, 2, UINT32_MAX, &qty) ||
      !get_u(c, 3, UINT32_MAX, &id) || !get_u(c, 4, UINT8_MAX, &side) ||
      !get_expect(c, 5, 32, want, &err))
    return;
  memset(&v, 0, sizeof v);
  v.ticker_id = tid;
  v.price = price;
  v.quantity = (uint32_t)qty;
  v.trade_id = (uint32_t)id;
  v.side = (uint8_t)side;
  st = mitch_pack_trade(tid, price, (uint32_t)qty, (uint32_t)id, (uint8_t)side, out);
  CHECK(c, st == err, "mitch_pack_trade returned %d, want %d", st, err);
  st = mitch_trade_encode(&v, wire, sizeof wire);
  CHECK(c, st == err, "mitch_trade_encode returned %d, want %d", st, err);
  trade_wire(wire, tid, price, (uint32_t)qty, (uint32_t)id, (uint8_t)side);
  if (err) {
    /* every trade field fits its wire slot: decode must refuse it too */
    st = mitch_unpack_trade(wire, 32, &u_tid, &u_price, &u_qty, &u_id, &u_side);
    CHECK(c, st == err, "mitch_unpack_trade of the hand-made bytes returned %d, want %d", st, err);
    st = mitch_trade_decode(wire, 32, &back);
    CHECK(c, st == err, "mitch_trade_decode of the hand-made bytes returned %d, want %d", st, err);
    CHECK(c, explained(c, MITCH_MSG_TRADE, &v, wire, 32, err), "not explained");
    c->error_rows++;
    return;
  }
  if (!bytes_ok(c, "mitch_pack_trade", out, want, 32))
    return;
  CHECK(c, mitch_trade_encode(&v, out, 32) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_trade_encode", out, want, 32) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 32))
    return;
  st = mitch_unpack_trade(want, 32, &u_tid, &u_price, &u_qty, &u_id, &u_side);
  CHECK(c, st == MITCH_OK, "mitch_unpack_trade returned %d", st);
  CHECK(c, u_tid == tid && same_bits(u_price, price) && u_qty == qty && u_id == id &&
               u_side == side,
        "mitch_unpack_trade did not give the fields back");
  st = mitch_trade_decode(want, 32, &back);
  CHECK(c, st == MITCH_OK, "mitch_trade_decode returned %d", st);
  CHECK(c, back.ticker_id == tid && same_bits(back.price, price) && back.quantity == qty &&
               back.trade_id == id && back.side == side,
        "mitch_trade_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- order ------------------------------------------------------------------- */

static void order_row(row_ctx *c) {
  uint64_t tid, oid, qty, type, side, expiry;
  double price;
  uint8_t want[32], out[32], wire[32];
  int err, st;
  mitch_order v, back;
  uint64_t u_tid, u_expiry;
  uint32_t u_oid, u_qty;
  double u_price;
  uint8_t u_type, u_side;
  if (!get_u(c, 0, UINT64_MAX, &tid) || !get_u(c, 1, UINT32_MAX, &oid) || !get_d(c, 2, &price) ||
      !get_u(c, 3, UINT32_MAX, &qty) || !get_u(c, 4, UINT8_MAX, &type) ||
      !get_u(c, 5, UINT8_MAX, &side) || !get_u(c, 6, UINT64_MAX, &expiry) ||
      !get_expect(c, 7, 32, want, &err))
    return;
  memset(&v, 0, sizeof v);
  v.ticker_id = tid;
  v.order_id = (uint32_t)oid;
  v.price = price;
  v.quantity = (uint32_t)qty;
  v.order_type = (uint8_t)type;
  v.side = (uint8_t)side;
  v.expiry_ms = expiry;
  st = mitch_pack_order(tid, (uint32_t)oid, price, (uint32_t)qty, (uint8_t)type, (uint8_t)side,
                        expiry, out);
  CHECK(c, st == err, "mitch_pack_order returned %d, want %d", st, err);
  st = mitch_order_encode(&v, out, sizeof out);
  CHECK(c, st == err, "mitch_order_encode returned %d, want %d", st, err);
  /* the wire can hold the row if side is a bit, type 7 bits, expiry 48 */
  if (side <= 1 && type <= 127 && expiry <= MITCH_U48_MAX) {
    memset(wire, 0, 32);
    tu_put_le(wire, tid, 8);
    tu_put_le(wire + 8, oid, 4);
    tu_put_f64(wire + 12, price);
    tu_put_le(wire + 20, qty, 4);
    wire[24] = (uint8_t)(type << 1 | side);
    tu_put_le(wire + 25, expiry, 6);
  } else {
    CHECK(c, err != 0, "a valid row that does not fit the wire");
  }
  if (err) {
    if (side <= 1 && type <= 127 && expiry <= MITCH_U48_MAX) {
      st = mitch_unpack_order(wire, 32, &u_tid, &u_oid, &u_price, &u_qty, &u_type, &u_side,
                              &u_expiry);
      CHECK(c, st == err, "mitch_unpack_order of the hand-made bytes returned %d, want %d", st,
            err);
      st = mitch_order_decode(wire, 32, &back);
      CHECK(c, st == err, "mitch_order_decode of the hand-made bytes returned %d, want %d", st,
            err);
      CHECK(c, explained(c, MITCH_MSG_ORDER, &v, wire, 32, err), "not explained");
    } else {
      /* only the struct can hold it (or not even that: a side of 2 fits the
         struct but not its bit) */
      CHECK(c, explained(c, MITCH_MSG_ORDER, &v, NULL, 0, err), "not explained");
    }
    c->error_rows++;
    return;
  }
  CHECK(c, mitch_pack_order(tid, (uint32_t)oid, price, (uint32_t)qty, (uint8_t)type,
                            (uint8_t)side, expiry, out) == MITCH_OK,
        "flat pack");
  if (!bytes_ok(c, "mitch_pack_order", out, want, 32))
    return;
  CHECK(c, mitch_order_encode(&v, out, 32) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_order_encode", out, want, 32) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 32))
    return;
  st = mitch_unpack_order(want, 32, &u_tid, &u_oid, &u_price, &u_qty, &u_type, &u_side,
                          &u_expiry);
  CHECK(c, st == MITCH_OK, "mitch_unpack_order returned %d", st);
  CHECK(c, u_tid == tid && u_oid == oid && same_bits(u_price, price) && u_qty == qty &&
               u_type == type && u_side == side && u_expiry == expiry,
        "mitch_unpack_order did not give the fields back");
  st = mitch_order_decode(want, 32, &back);
  CHECK(c, st == MITCH_OK, "mitch_order_decode returned %d", st);
  CHECK(c, back.ticker_id == tid && back.order_id == oid && same_bits(back.price, price) &&
               back.quantity == qty && back.order_type == type && back.side == side &&
               back.expiry_ms == expiry,
        "mitch_order_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- tick -------------------------------------------------------------------- */

static void tick_row(row_ctx *c) {
  uint64_t tid, bv, av;
  double bid, ask;
  uint8_t want[32], out[32], wire[32];
  int err, st;
  mitch_tick v, back;
  uint64_t u_tid;
  double u_bid, u_ask;
  uint32_t u_bv, u_av;
  if (!get_u(c, 0, UINT64_MAX, &tid) || !get_d(c, 1, &bid) || !get_d(c, 2, &ask) ||
      !get_u(c, 3, UINT32_MAX, &bv) || !get_u(c, 4, UINT32_MAX, &av) ||
      !get_expect(c, 5, 32, want, &err))
    return;
  memset(&v, 0, sizeof v);
  v.ticker_id = tid;
  v.bid_price = bid;
  v.ask_price = ask;
  v.bid_volume = (uint32_t)bv;
  v.ask_volume = (uint32_t)av;
  st = mitch_pack_tick(tid, bid, ask, (uint32_t)bv, (uint32_t)av, out);
  CHECK(c, st == err, "mitch_pack_tick returned %d, want %d", st, err);
  st = mitch_tick_encode(&v, out, sizeof out);
  CHECK(c, st == err, "mitch_tick_encode returned %d, want %d", st, err);
  tu_put_le(wire, tid, 8);
  tu_put_f64(wire + 8, bid);
  tu_put_f64(wire + 16, ask);
  tu_put_le(wire + 24, bv, 4);
  tu_put_le(wire + 28, av, 4);
  if (err) {
    st = mitch_unpack_tick(wire, 32, &u_tid, &u_bid, &u_ask, &u_bv, &u_av);
    CHECK(c, st == err, "mitch_unpack_tick of the hand-made bytes returned %d, want %d", st, err);
    st = mitch_tick_decode(wire, 32, &back);
    CHECK(c, st == err, "mitch_tick_decode of the hand-made bytes returned %d, want %d", st, err);
    CHECK(c, explained(c, MITCH_MSG_TICK, &v, wire, 32, err), "not explained");
    c->error_rows++;
    return;
  }
  CHECK(c, mitch_pack_tick(tid, bid, ask, (uint32_t)bv, (uint32_t)av, out) == MITCH_OK,
        "flat pack");
  if (!bytes_ok(c, "mitch_pack_tick", out, want, 32))
    return;
  CHECK(c, mitch_tick_encode(&v, out, 32) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_tick_encode", out, want, 32) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 32))
    return;
  st = mitch_unpack_tick(want, 32, &u_tid, &u_bid, &u_ask, &u_bv, &u_av);
  CHECK(c, st == MITCH_OK, "mitch_unpack_tick returned %d", st);
  CHECK(c, u_tid == tid && same_bits(u_bid, bid) && same_bits(u_ask, ask) && u_bv == bv &&
               u_av == av,
        "mitch_unpack_tick did not give the fields back");
  st = mitch_tick_decode(want, 32, &back);
  CHECK(c, st == MITCH_OK, "mitch_tick_decode returned %d", st);
  CHECK(c, back.ticker_id == tid && same_bits(back.bid_price, bid) &&
               same_bits(back.ask_price, ask) && back.bid_volume == bv && back.ask_volume == av,
        "mitch_tick_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- index ------------------------------------------------------------------- */

static void index_row(row_ctx *c) {
  uint64_t tid, vb, va, vf, lf, conf, rej, acc;
  int64_t ms, bb, ba, wb, wa, tf, mf;
  double mid;
  uint8_t want[64], out[64], wire[64];
  int err, st;
  mitch_index v, back;
  uint64_t u_tid;
  double u_mid;
  uint32_t u_vb, u_va;
  int32_t u_ms, u_bb, u_ba, u_wb, u_wa;
  uint16_t u_vf, u_lf;
  int16_t u_tf, u_mf;
  uint8_t u_conf, u_rej, u_acc;
  if (!get_u(c, 0, UINT64_MAX, &tid) || !get_d(c, 1, &mid) || !get_u(c, 2, UINT32_MAX, &vb) ||
      !get_u(c, 3, UINT32_MAX, &va) || !get_i(c, 4, INT32_MIN, INT32_MAX, &ms) ||
      !get_i(c, 5, INT32_MIN, INT32_MAX, &bb) || !get_i(c, 6, INT32_MIN, INT32_MAX, &ba) ||
      !get_i(c, 7, INT32_MIN, INT32_MAX, &wb) || !get_i(c, 8, INT32_MIN, INT32_MAX, &wa) ||
      !get_u(c, 9, UINT16_MAX, &vf) || !get_u(c, 10, UINT16_MAX, &lf) ||
      !get_i(c, 11, INT16_MIN, INT16_MAX, &tf) || !get_i(c, 12, INT16_MIN, INT16_MAX, &mf) ||
      !get_u(c, 13, UINT8_MAX, &conf) || !get_u(c, 14, UINT8_MAX, &rej) ||
      !get_u(c, 15, UINT8_MAX, &acc) || !get_expect(c, 16, 64, want, &err))
    return;
  memset(&v, 0, sizeof v);
  v.ticker_id = tid;
  v.mid = mid;
  v.v_bid = (uint32_t)vb;
  v.v_ask = (uint32_t)va;
  v.m_spread = (int32_t)ms;
  v.b_bid_o = (int32_t)bb;
  v.b_ask_o = (int32_t)ba;
  v.w_bid_o = (int32_t)wb;
  v.w_ask_o = (int32_t)wa;
  v.v_force = (uint16_t)vf;
  v.l_force = (uint16_t)lf;
  v.t_force = (int16_t)tf;
  v.m_force = (int16_t)mf;
  v.confidence = (uint8_t)conf;
  v.rejected = (uint8_t)rej;
  v.accepted = (uint8_t)acc;
  st = mitch_pack_index(v.ticker_id, v.mid, v.v_bid, v.v_ask, v.m_spread, v.b_bid_o, v.b_ask_o,
                        v.w_bid_o, v.w_ask_o, v.v_force, v.l_force, v.t_force, v.m_force,
                        v.confidence, v.rejected, v.accepted, out);
  CHECK(c, st == err, "mitch_pack_index returned %d, want %d", st, err);
  st = mitch_index_encode(&v, wire, sizeof wire);
  CHECK(c, st == err, "mitch_index_encode returned %d, want %d", st, err);
  memset(wire, 0, 64);
  tu_put_le(wire, tid, 8);
  tu_put_f64(wire + 8, mid);
  tu_put_le(wire + 16, vb, 4);
  tu_put_le(wire + 20, va, 4);
  tu_put_le(wire + 24, (uint32_t)(int32_t)ms, 4);
  tu_put_le(wire + 28, (uint32_t)(int32_t)bb, 4);
  tu_put_le(wire + 32, (uint32_t)(int32_t)ba, 4);
  tu_put_le(wire + 36, (uint32_t)(int32_t)wb, 4);
  tu_put_le(wire + 40, (uint32_t)(int32_t)wa, 4);
  tu_put_le(wire + 44, vf, 2);
  tu_put_le(wire + 46, lf, 2);
  tu_put_le(wire + 48, (uint16_t)(int16_t)tf, 2);
  tu_put_le(wire + 50, (uint16_t)(int16_t)mf, 2);
  wire[52] = (uint8_t)conf;
  wire[53] = (uint8_t)rej;
  wire[54] = (uint8_t)acc;
  if (err) {
    st = mitch_unpack_index(wire, 64, &u_tid, &u_mid, &u_vb, &u_va, &u_ms, &u_bb, &u_ba, &u_wb,
                            &u_wa, &u_vf, &u_lf, &u_tf, &u_mf, &u_conf, &u_rej, &u_acc);
    CHECK(c, st == err, "mitch_unpack_index of the hand-made bytes returned %d, want %d", st,
          err);
    st = mitch_index_decode(wire, 64, &back);
    CHECK(c, st == err, "mitch_index_decode of the hand-made bytes returned %d, want %d", st,
          err);
    CHECK(c, explained(c, MITCH_MSG_INDEX, &v, wire, 64, err), "not explained");
    c->error_rows++;
    return;
  }
  if (!bytes_ok(c, "mitch_pack_index", out, want, 64))
    return;
  CHECK(c, mitch_index_encode(&v, out, 64) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_index_encode", out, want, 64) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 64))
    return;
  st = mitch_unpack_index(want, 64, &u_tid, &u_mid, &u_vb, &u_va, &u_ms, &u_bb, &u_ba, &u_wb,
                          &u_wa, &u_vf, &u_lf, &u_tf, &u_mf, &u_conf, &u_rej, &u_acc);
  CHECK(c, st == MITCH_OK, "mitch_unpack_index returned %d", st);
  CHECK(c, u_tid == tid && same_bits(u_mid, mid) && u_vb == vb && u_va == va && u_ms == ms &&
               u_bb == bb && u_ba == ba && u_wb == wb && u_wa == wa && u_vf == vf &&
               u_lf == lf && u_tf == tf && u_mf == mf && u_conf == conf && u_rej == rej &&
               u_acc == acc,
        "mitch_unpack_index did not give the fields back");
  st = mitch_index_decode(want, 64, &back);
  CHECK(c, st == MITCH_OK, "mitch_index_decode returned %d", st);
  CHECK(c, back.ticker_id == tid && same_bits(back.mid, mid) && back.v_bid == vb &&
               back.v_ask == va && back.m_spread == ms && back.b_bid_o == bb &&
               back.b_ask_o == ba && back.w_bid_o == wb && back.w_ask_o == wa &&
               back.v_force == vf && back.l_force == lf && back.t_force == tf &&
               back.m_force == mf && back.confidence == conf && back.rejected == rej &&
               back.accepted == acc,
        "mitch_index_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- header ------------------------------------------------------------------ */

static void header_row(row_ctx *c) {
  const char *type_cell = cell(c, 0);
  uint64_t ts, count;
  uint8_t type, want[8], out[8], wire[8];
  int err, st;
  uint8_t u_type, u_count;
  uint64_t u_ts;
  mitch_header h;
  CHECK(c, strlen(type_cell) == 1, "message_type \"%s\" is not one character", type_cell);
  type = (uint8_t)type_cell[0];
  if (!get_u(c, 1, UINT64_MAX, &ts) || !get_u(c, 2, UINT8_MAX, &count) ||
      !get_expect(c, 3, 8, want, &err))
    return;
  st = mitch_pack_header(type, ts, (uint8_t)count, out);
  CHECK(c, st == err, "mitch_pack_header returned %d, want %d", st, err);
  st = mitch_create_header(type, ts, (uint8_t)count, out, sizeof out);
  CHECK(c, st == err, "mitch_create_header returned %d, want %d", st, err);
  h.message_type = type;
  h.timestamp = ts;
  h.count = (uint8_t)count;
  st = mitch_header_encode(&h, out, sizeof out);
  CHECK(c, st == err, "mitch_header_encode returned %d, want %d", st, err);
  if (err) {
    if (ts <= MITCH_U48_MAX) { /* else it cannot be on the wire */
      wire[0] = type;
      tu_put_le(wire + 1, ts, 6);
      wire[7] = (uint8_t)count;
      st = mitch_unpack_header(wire, 8, &u_type, &u_ts, &u_count);
      CHECK(c, st == err, "mitch_unpack_header of the hand-made bytes returned %d, want %d", st,
            err);
      CHECK(c, explained(c, MITCH_LAYOUT_HEADER, &h, wire, 8, err), "not explained");
    } else {
      CHECK(c, explained(c, MITCH_LAYOUT_HEADER, &h, NULL, 0, err), "not explained");
    }
    c->error_rows++;
    return;
  }
  wire[0] = type;
  tu_put_le(wire + 1, ts, 6);
  wire[7] = (uint8_t)count;
  CHECK(c, mitch_pack_header(type, ts, (uint8_t)count, out) == MITCH_OK, "flat pack");
  if (!bytes_ok(c, "mitch_pack_header", out, want, 8) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 8))
    return;
  CHECK(c, mitch_header_encode(&h, out, 8) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_header_encode", out, want, 8))
    return;
  st = mitch_unpack_header(want, 8, &u_type, &u_ts, &u_count);
  CHECK(c, st == MITCH_OK, "mitch_unpack_header returned %d", st);
  CHECK(c, u_type == type && u_ts == ts && u_count == count,
        "mitch_unpack_header did not give the fields back");
  memset(&h, 0, sizeof h);
  st = mitch_header_decode(want, 8, &h);
  CHECK(c, st == MITCH_OK, "mitch_header_decode returned %d", st);
  CHECK(c, h.message_type == type && h.timestamp == ts && h.count == count,
        "mitch_header_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- ticker id ----------------------------------------------------------------- */

static void ticker_id_row(row_ctx *c) {
  uint64_t type, bc, bid, qc, qid, sub, want = 0, id = 0xDEADBEEF;
  int err = 0, st;
  const char *e;
  uint8_t u_type, u_bc, u_qc;
  uint16_t u_bid, u_qid;
  uint32_t u_sub;
  mitch_ticker_fields f;
  if (!get_u(c, 0, UINT8_MAX, &type) || !get_u(c, 1, UINT8_MAX, &bc) ||
      !get_u(c, 2, UINT16_MAX, &bid) || !get_u(c, 3, UINT8_MAX, &qc) ||
      !get_u(c, 4, UINT16_MAX, &qid) || !get_u(c, 5, UINT32_MAX, &sub))
    return;
  e = cell(c, 6);
  if (strncmp(e, "ERR", 3) == 0) {
    uint8_t dummy[1];
    if (!get_expect(c, 6, 0, dummy, &err))
      return;
  } else if (!get_u(c, 6, UINT64_MAX, &want)) {
    return;
  }
  st = mitch_create_ticker_id((uint8_t)type, (uint8_t)bc, (uint16_t)bid, (uint8_t)qc,
                              (uint16_t)qid, (uint32_t)sub, &id);
  CHECK(c, st == err, "mitch_create_ticker_id returned %d, want %d", st, err);
  f.instrument_type = (uint8_t)type;
  f.base_class = (uint8_t)bc;
  f.base_id = (uint16_t)bid;
  f.quote_class = (uint8_t)qc;
  f.quote_id = (uint16_t)qid;
  f.sub_type = (uint32_t)sub;
  if (err) {
    CHECK(c, id == 0xDEADBEEF, "output written on failure");
    st = mitch_ticker_id_encode(&f, &id);
    CHECK(c, st == err, "mitch_ticker_id_encode returned %d, want %d", st, err);
    c->error_rows++;
    return;
  }
  CHECK(c, id == want, "mitch_create_ticker_id gave 0x%llx, want 0x%llx",
        (unsigned long long)id, (unsigned long long)want);
  CHECK(c, (type << 60 | bc << 56 | bid << 40 | qc << 36 | qid << 20 | sub) == want,
        "vector disagrees with the protocol's bit layout");
  id = 0;
  CHECK(c, mitch_ticker_id_encode(&f, &id) == MITCH_OK && id == want, "mitch_ticker_id_encode");
  st = mitch_decode_ticker_id(want, &u_type, &u_bc, &u_bid, &u_qc, &u_qid, &u_sub);
  CHECK(c, st == MITCH_OK, "mitch_decode_ticker_id returned %d", st);
  CHECK(c, u_type == type && u_bc == bc && u_bid == bid && u_qc == qc && u_qid == qid &&
               u_sub == sub,
        "mitch_decode_ticker_id did not give the fields back");
  memset(&f, 0, sizeof f);
  CHECK(c, mitch_ticker_id_decode(want, &f) == MITCH_OK, "mitch_ticker_id_decode");
  CHECK(c, f.instrument_type == type && f.base_class == bc && f.base_id == bid &&
               f.quote_class == qc && f.quote_id == qid && f.sub_type == sub,
        "mitch_ticker_id_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- channel ------------------------------------------------------------------- */

static void channel_row(row_ctx *c) {
  uint64_t provider, want_id;
  const char *type_cell = cell(c, 1);
  uint8_t want_bytes[4], out[4], u_type;
  uint32_t id = 0, back = 0;
  uint16_t u_provider;
  size_t len;
  int st;
  CHECK(c, strlen(type_cell) == 1, "message_type \"%s\" is not one character", type_cell);
  if (!get_u(c, 0, UINT16_MAX, &provider) || !get_u(c, 2, UINT32_MAX, &want_id))
    return;
  CHECK(c, tu_hex_decode(cell(c, 3), want_bytes, 4, &len) && len == 4,
        "bytes \"%s\" is not 4 bytes of hex", cell(c, 3));
  CHECK(c, tu_get_le(want_bytes, 4) == want_id, "vector: bytes are not channel_id little-endian");
  CHECK(c, (provider << 16 | (uint64_t)(uint8_t)type_cell[0] << 8) == want_id,
        "vector disagrees with (provider << 16) | (type << 8)");
  st = mitch_create_channel((uint16_t)provider, type_cell[0], &id);
  CHECK(c, st == MITCH_OK, "mitch_create_channel returned %d", st);
  CHECK(c, id == want_id, "mitch_create_channel gave 0x%08lx, want 0x%08lx", (unsigned long)id,
        (unsigned long)want_id);
  CHECK(c, mitch_validate_channel(id) == MITCH_OK, "mitch_validate_channel");
  st = mitch_pack_channel(id, out);
  CHECK(c, st == MITCH_OK, "mitch_pack_channel returned %d", st);
  if (!bytes_ok(c, "mitch_pack_channel", out, want_bytes, 4))
    return;
  st = mitch_unpack_channel(want_bytes, 4, &back);
  CHECK(c, st == MITCH_OK && back == want_id, "mitch_unpack_channel returned %d, 0x%08lx", st,
        (unsigned long)back);
  st = mitch_channel_decode(want_id, &u_provider, &u_type);
  CHECK(c, st == MITCH_OK && u_provider == provider && u_type == (uint8_t)type_cell[0],
        "mitch_channel_decode did not give the fields back");
  c->valid_rows++;
}

/* ---- order book ------------------------------------------------------------------ */

/* README: for i = 0..255 (0..127 bids, 128..255 asks),
   count = ((seed + 2i) * 2654435761) mod 2^32,
   volume = ((seed + 2i + 1) * 2654435761) mod 2^32. */
static uint32_t seeded(uint64_t seed, uint64_t k) {
  return (uint32_t)(((seed + k) * UINT64_C(2654435761)) & 0xFFFFFFFFu);
}

static void order_book_row(row_ctx *c) {
  static uint8_t want[2072], out[2072], wire[2072];
  static uint32_t bids[256], asks[256], u_bids[256], u_asks[256];
  static mitch_order_book v, back;
  uint64_t tid, agg, seed, u_tid;
  double mid, u_mid;
  uint8_t u_agg;
  int err, st;
  unsigned i;
  if (!get_u(c, 0, UINT64_MAX, &tid) || !get_d(c, 1, &mid) || !get_u(c, 2, UINT8_MAX, &agg) ||
      !get_u(c, 3, UINT32_MAX, &seed) || !get_expect(c, 4, 2072, want, &err))
    return;
  memset(&v, 0, sizeof v);
  v.ticker_id = tid;
  v.mid_price = mid;
  v.bin_aggregator = (uint8_t)agg;
  for (i = 0; i < 256; i++) {
    uint32_t count = seeded(seed, 2u * i), volume = seeded(seed, 2u * i + 1);
    if (i < 128) {
      bids[2 * i] = v.bids[i].count = count;
      bids[2 * i + 1] = v.bids[i].volume = volume;
    } else {
      asks[2 * (i - 128)] = v.asks[i - 128].count = count;
      asks[2 * (i - 128) + 1] = v.asks[i - 128].volume = volume;
    }
  }
  memset(wire, 0, sizeof wire);
  tu_put_le(wire, tid, 8);
  tu_put_f64(wire + 8, mid);
  wire[16] = (uint8_t)agg;
  for (i = 0; i < 256; i++) {
    tu_put_le(wire + 24 + 8 * i, seeded(seed, 2u * i), 4);
    tu_put_le(wire + 24 + 8 * i + 4, seeded(seed, 2u * i + 1), 4);
  }
  st = mitch_pack_order_book(tid, mid, (uint8_t)agg, bids, asks, out, sizeof out);
  CHECK(c, st == err, "mitch_pack_order_book returned %d, want %d", st, err);
  st = mitch_order_book_encode(&v, out, sizeof out);
  CHECK(c, st == err, "mitch_order_book_encode returned %d, want %d", st, err);
  if (err) {
    st = mitch_order_book_decode(wire, sizeof wire, &back);
    CHECK(c, st == err, "mitch_order_book_decode of the hand-made bytes returned %d, want %d", st,
          err);
    CHECK(c, explained(c, MITCH_MSG_ORDER_BOOK, &v, wire, sizeof wire, err), "not explained");
    c->error_rows++;
    return;
  }
  CHECK(c, mitch_pack_order_book(tid, mid, (uint8_t)agg, bids, asks, out, sizeof out) == MITCH_OK,
        "flat pack");
  if (!bytes_ok(c, "mitch_pack_order_book", out, want, 2072))
    return;
  CHECK(c, mitch_order_book_encode(&v, out, sizeof out) == MITCH_OK, "typed encode");
  if (!bytes_ok(c, "mitch_order_book_encode", out, want, 2072) ||
      !bytes_ok(c, "vector vs protocol table", wire, want, 2072))
    return;
  st = mitch_unpack_order_book(want, sizeof want, &u_tid, &u_mid, &u_agg, u_bids, u_asks);
  CHECK(c, st == MITCH_OK, "mitch_unpack_order_book returned %d", st);
  CHECK(c, u_tid == tid && same_bits(u_mid, mid) && u_agg == agg &&
               memcmp(u_bids, bids, sizeof bids) == 0 && memcmp(u_asks, asks, sizeof asks) == 0,
        "mitch_unpack_order_book did not give the fields back");
  st = mitch_order_book_decode(want, sizeof want, &back);
  CHECK(c, st == MITCH_OK, "mitch_order_book_decode returned %d", st);
  CHECK(c, back.ticker_id == tid && same_bits(back.mid_price, mid) && back.bin_aggregator == agg,
        "mitch_order_book_decode did not give the header fields back");
  for (i = 0; i < 128; i++)
    CHECK(c, back.bids[i].count == v.bids[i].count && back.bids[i].volume == v.bids[i].volume &&
                 back.asks[i].count == v.asks[i].count && back.asks[i].volume == v.asks[i].volume,
          "mitch_order_book_decode: bin %u differs", i);
  c->valid_rows++;
}

/* ---- driver -------------------------------------------------------------------- */

typedef struct vector_file {
  const char *name;
  const char *const *columns;
  size_t rows;
  void (*check_row)(row_ctx *c);
} vector_file;

static const char *const trade_cols[] = {"ticker_id", "price", "quantity", "trade_id", "side",
                                         "expect", NULL};
static const char *const order_cols[] = {"ticker_id", "order_id", "price", "quantity",
                                         "order_type", "side", "expiry_ms", "expect", NULL};
static const char *const tick_cols[] = {"ticker_id", "bid_price", "ask_price", "bid_volume",
                                        "ask_volume", "expect", NULL};
static const char *const index_cols[] = {
    "ticker_id", "mid",     "v_bid",   "v_ask",   "m_spread",   "b_bid_o",  "b_ask_o",
    "w_bid_o",   "w_ask_o", "v_force", "l_force", "t_force",    "m_force",  "confidence",
    "rejected",  "accepted", "expect", NULL};
static const char *const header_cols[] = {"message_type", "timestamp", "count", "expect", NULL};
static const char *const ticker_id_cols[] = {"instrument_type", "base_class", "base_id",
                                             "quote_class",     "quote_id",   "sub_type",
                                             "expect",          NULL};
static const char *const channel_cols[] = {"provider_id", "message_type", "channel_id", "bytes",
                                           NULL};
static const char *const order_book_cols[] = {"ticker_id", "mid_price", "bin_aggregator",
                                              "bins_seed", "expect", NULL};

static const vector_file files[] = {
    {"trade.tsv", trade_cols, ROWS_TRADE, trade_row},
    {"order.tsv", order_cols, ROWS_ORDER, order_row},
    {"tick.tsv", tick_cols, ROWS_TICK, tick_row},
    {"index.tsv", index_cols, ROWS_INDEX, index_row},
    {"header.tsv", header_cols, ROWS_HEADER, header_row},
    {"ticker_id.tsv", ticker_id_cols, ROWS_TICKER_ID, ticker_id_row},
    {"channel.tsv", channel_cols, ROWS_CHANNEL, channel_row},
    {"order_book.tsv", order_book_cols, ROWS_ORDER_BOOK, order_book_row},
};
#define N_FILES (sizeof files / sizeof files[0])

START_TEST(test_vector_file) {
  const vector_file *vf = &files[_i];
  char path[256], err[512];
  tu_tsv t;
  row_ctx c;
  snprintf(path, sizeof path, "messages/%s", vf->name);
  ck_assert_msg(tu_tsv_load(path, vf->columns, &t, err, sizeof err), "%s", err);
  memset(&c, 0, sizeof c);
  c.file = vf->name;
  c.t = &t;
  for (c.row = 0; c.row < t.nrows; c.row++)
    vf->check_row(&c);
  fprintf(stderr, "%s: %zu rows, %zu round-tripped, %zu expected errors, %zu failed\n", vf->name,
          t.nrows, c.valid_rows, c.error_rows, c.failures);
  ck_assert_msg(t.nrows == vf->rows, "%s has %zu rows, want %zu", vf->name, t.nrows, vf->rows);
  tu_tsv_free(&t);
  ck_assert_msg(c.failures == 0, "%s: %zu of %zu rows failed (see the log)", vf->name, c.failures,
                vf->rows);
  ck_assert_uint_eq(c.valid_rows + c.error_rows, vf->rows);
}
END_TEST

/* Every file in messages/ is one this suite reads. */
START_TEST(test_no_unknown_files) {
  char path[4096];
  DIR *d;
  struct dirent *e;
  size_t seen = 0;
  snprintf(path, sizeof path, "%s/messages", tu_vectors_dir());
  d = opendir(path);
  ck_assert_msg(d != NULL, "cannot open %s", path);
  while ((e = readdir(d)) != NULL) {
    size_t k;
    int known = 0;
    if (e->d_name[0] == '.')
      continue;
    for (k = 0; k < sizeof known_files / sizeof known_files[0]; k++)
      if (strcmp(e->d_name, known_files[k]) == 0)
        known = 1;
    ck_assert_msg(known, "%s/%s is not checked by this suite", path, e->d_name);
    seen++;
  }
  closedir(d);
  ck_assert_uint_eq(seen, sizeof known_files / sizeof known_files[0]);
}
END_TEST

static Suite *conformance_suite(void) {
  Suite *s = suite_create("conformance");
  TCase *tc = tu_tcase("messages");
  tcase_add_loop_test(tc, test_vector_file, 0, (int)N_FILES);
  tcase_add_test(tc, test_no_unknown_files);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  fprintf(stderr, "vectors: %s\n", tu_vectors_dir());
  return tu_run_suite(conformance_suite());
}
