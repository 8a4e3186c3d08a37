/*
 * index.c - Index bodies ('i', 64 bytes): a synthetic aggregate across
 * venues.
 *
 *   off size field                    off size field
 *     0    8 ticker_id  u64 != 0       44    2 v_force  u16 0..10000
 *     8    8 mid        f64 > 0        46    2 l_force  u16 0..10000
 *    16    4 v_bid      u32            48    2 t_force  i16 -10000..10000
 *    20    4 v_ask      u32            50    2 m_force  i16 -10000..10000
 *    24    4 m_spread   i32            52    1 confidence 0..100
 *    28    4 b_bid_o    i32            53    1 rejected
 *    32    4 b_ask_o    i32            54    1 accepted (0 => confidence 0)
 *    36    4 w_bid_o    i32            55    9 padding
 *    40    4 w_ask_o    i32
 */
#include <config.h>

#include <stddef.h>

#include "body.h"

enum {
  INDEX_TICKER_ID = 0,
  INDEX_MID = 8,
  INDEX_V_BID = 16,
  INDEX_V_ASK = 20,
  INDEX_M_SPREAD = 24,
  INDEX_B_BID_O = 28,
  INDEX_B_ASK_O = 32,
  INDEX_W_BID_O = 36,
  INDEX_W_ASK_O = 40,
  INDEX_V_FORCE = 44,
  INDEX_L_FORCE = 46,
  INDEX_T_FORCE = 48,
  INDEX_M_FORCE = 50,
  INDEX_CONFIDENCE = 52,
  INDEX_REJECTED = 53,
  INDEX_ACCEPTED = 54,
  INDEX_PADDING = 55
};
MITCH_STATIC_ASSERT(INDEX_MID == INDEX_TICKER_ID + 8, "index layout");
MITCH_STATIC_ASSERT(INDEX_V_BID == INDEX_MID + 8, "index layout");
MITCH_STATIC_ASSERT(INDEX_V_ASK == INDEX_V_BID + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_M_SPREAD == INDEX_V_ASK + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_B_BID_O == INDEX_M_SPREAD + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_B_ASK_O == INDEX_B_BID_O + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_W_BID_O == INDEX_B_ASK_O + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_W_ASK_O == INDEX_W_BID_O + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_V_FORCE == INDEX_W_ASK_O + 4, "index layout");
MITCH_STATIC_ASSERT(INDEX_L_FORCE == INDEX_V_FORCE + 2, "index layout");
MITCH_STATIC_ASSERT(INDEX_T_FORCE == INDEX_L_FORCE + 2, "index layout");
MITCH_STATIC_ASSERT(INDEX_M_FORCE == INDEX_T_FORCE + 2, "index layout");
MITCH_STATIC_ASSERT(INDEX_CONFIDENCE == INDEX_M_FORCE + 2, "index layout");
MITCH_STATIC_ASSERT(INDEX_REJECTED == INDEX_CONFIDENCE + 1, "index layout");
MITCH_STATIC_ASSERT(INDEX_ACCEPTED == INDEX_REJECTED + 1, "index layout");
MITCH_STATIC_ASSERT(INDEX_PADDING == INDEX_ACCEPTED + 1, "index layout");
MITCH_STATIC_ASSERT(INDEX_PADDING + 9 == MITCH_INDEX_SIZE, "index size");
/* The descriptor table (layout.h) says the same. */
LAYOUT_ASSERT_OFFSET(index, ticker_id, INDEX_TICKER_ID);
LAYOUT_ASSERT_OFFSET(index, mid, INDEX_MID);
LAYOUT_ASSERT_OFFSET(index, v_bid, INDEX_V_BID);
LAYOUT_ASSERT_OFFSET(index, v_ask, INDEX_V_ASK);
LAYOUT_ASSERT_OFFSET(index, m_spread, INDEX_M_SPREAD);
LAYOUT_ASSERT_OFFSET(index, b_bid_o, INDEX_B_BID_O);
LAYOUT_ASSERT_OFFSET(index, b_ask_o, INDEX_B_ASK_O);
LAYOUT_ASSERT_OFFSET(index, w_bid_o, INDEX_W_BID_O);
LAYOUT_ASSERT_OFFSET(index, w_ask_o, INDEX_W_ASK_O);
LAYOUT_ASSERT_OFFSET(index, v_force, INDEX_V_FORCE);
LAYOUT_ASSERT_OFFSET(index, l_force, INDEX_L_FORCE);
LAYOUT_ASSERT_OFFSET(index, t_force, INDEX_T_FORCE);
LAYOUT_ASSERT_OFFSET(index, m_force, INDEX_M_FORCE);
LAYOUT_ASSERT_OFFSET(index, confidence, INDEX_CONFIDENCE);
LAYOUT_ASSERT_OFFSET(index, rejected, INDEX_REJECTED);
LAYOUT_ASSERT_OFFSET(index, accepted, INDEX_ACCEPTED);
LAYOUT_ASSERT_OFFSET(index, padding, INDEX_PADDING);

MITCH_INLINE int index_check(const mitch_index *v) {
  if (MITCH_UNLIKELY(v->ticker_id == 0 || !wire_positive_finite(v->mid) ||
                     v->v_force > LIMIT_FORCE_MAX || v->l_force > LIMIT_FORCE_MAX ||
                     v->t_force > LIMIT_FORCE_MAX || v->t_force < -LIMIT_FORCE_MAX ||
                     v->m_force > LIMIT_FORCE_MAX || v->m_force < -LIMIT_FORCE_MAX ||
                     v->confidence > LIMIT_CONFIDENCE_MAX ||
                     (v->accepted == 0 && v->confidence != 0)))
    return MITCH_ERR_INVALID_FIELD_VALUE;
  return MITCH_OK;
}

MITCH_INLINE void index_store(const mitch_index *v, uint8_t *out) {
  wire_store_u64(out + INDEX_TICKER_ID, v->ticker_id);
  wire_store_f64(out + INDEX_MID, v->mid);
  wire_store_u32(out + INDEX_V_BID, v->v_bid);
  wire_store_u32(out + INDEX_V_ASK, v->v_ask);
  wire_store_i32(out + INDEX_M_SPREAD, v->m_spread);
  wire_store_i32(out + INDEX_B_BID_O, v->b_bid_o);
  wire_store_i32(out + INDEX_B_ASK_O, v->b_ask_o);
  wire_store_i32(out + INDEX_W_BID_O, v->w_bid_o);
  wire_store_i32(out + INDEX_W_ASK_O, v->w_ask_o);
  wire_store_u16(out + INDEX_V_FORCE, v->v_force);
  wire_store_u16(out + INDEX_L_FORCE, v->l_force);
  wire_store_i16(out + INDEX_T_FORCE, v->t_force);
  wire_store_i16(out + INDEX_M_FORCE, v->m_force);
  out[INDEX_CONFIDENCE] = v->confidence;
  out[INDEX_REJECTED] = v->rejected;
  out[INDEX_ACCEPTED] = v->accepted;
  memset(out + INDEX_PADDING, 0, MITCH_INDEX_SIZE - INDEX_PADDING);
}

/* Batches: on a little-endian host mitch_index's first 55 bytes are the
   wire's (same offsets and widths: checked here): 48 bytes are copied, the
   next eight go through a register with the struct's padding byte masked
   off, the wire's last eight bytes are zero (see trade_store_bulk for why
   single calls do not). */
MITCH_STATIC_ASSERT(offsetof(mitch_index, ticker_id) == INDEX_TICKER_ID &&
                        offsetof(mitch_index, mid) == INDEX_MID &&
                        offsetof(mitch_index, v_bid) == INDEX_V_BID &&
                        offsetof(mitch_index, v_ask) == INDEX_V_ASK &&
                        offsetof(mitch_index, m_spread) == INDEX_M_SPREAD &&
                        offsetof(mitch_index, b_bid_o) == INDEX_B_BID_O &&
                        offsetof(mitch_index, b_ask_o) == INDEX_B_ASK_O &&
                        offsetof(mitch_index, w_bid_o) == INDEX_W_BID_O &&
                        offsetof(mitch_index, w_ask_o) == INDEX_W_ASK_O &&
                        offsetof(mitch_index, v_force) == INDEX_V_FORCE &&
                        offsetof(mitch_index, l_force) == INDEX_L_FORCE &&
                        offsetof(mitch_index, t_force) == INDEX_T_FORCE &&
                        offsetof(mitch_index, m_force) == INDEX_M_FORCE &&
                        offsetof(mitch_index, confidence) == INDEX_CONFIDENCE &&
                        offsetof(mitch_index, rejected) == INDEX_REJECTED &&
                        offsetof(mitch_index, accepted) == INDEX_ACCEPTED &&
                        INDEX_T_FORCE == 48 && sizeof(mitch_index) == 56,
                    "mitch_index's first 55 bytes are the wire image");

MITCH_INLINE void index_store_bulk(const mitch_index *v, uint8_t *out) {
#if !defined(MITCH_BIG_ENDIAN)
  uint64_t tail;
  memcpy(out, v, INDEX_T_FORCE);
  memcpy(&tail, (const uint8_t *)v + INDEX_T_FORCE, 8);
  wire_store_u64(out + INDEX_T_FORCE, tail & UINT64_C(0x00FFFFFFFFFFFFFF));
  wire_store_u64(out + INDEX_T_FORCE + 8, 0);
#else
  index_store(v, out);
#endif
}

MITCH_INLINE void index_load(const uint8_t *in, mitch_index *v) {
  v->ticker_id = wire_load_u64(in + INDEX_TICKER_ID);
  v->mid = wire_load_f64(in + INDEX_MID);
  v->v_bid = wire_load_u32(in + INDEX_V_BID);
  v->v_ask = wire_load_u32(in + INDEX_V_ASK);
  v->m_spread = wire_load_i32(in + INDEX_M_SPREAD);
  v->b_bid_o = wire_load_i32(in + INDEX_B_BID_O);
  v->b_ask_o = wire_load_i32(in + INDEX_B_ASK_O);
  v->w_bid_o = wire_load_i32(in + INDEX_W_BID_O);
  v->w_ask_o = wire_load_i32(in + INDEX_W_ASK_O);
  v->v_force = wire_load_u16(in + INDEX_V_FORCE);
  v->l_force = wire_load_u16(in + INDEX_L_FORCE);
  v->t_force = wire_load_i16(in + INDEX_T_FORCE);
  v->m_force = wire_load_i16(in + INDEX_M_FORCE);
  v->confidence = in[INDEX_CONFIDENCE];
  v->rejected = in[INDEX_REJECTED];
  v->accepted = in[INDEX_ACCEPTED];
}

/* Bulk decode: the struct's 56 bytes of image on little-endian hosts (the
   wire's first padding byte lands in the struct's padding). */
MITCH_INLINE void index_load_bulk(const uint8_t *in, const mitch_index *checked,
                                  mitch_index *out) {
#if !defined(MITCH_BIG_ENDIAN)
  (void)checked;
  memcpy(out, in, sizeof *out);
#else
  (void)checked;
  MITCH_LOAD_WHOLE(index_load, in, out);
#endif
}

MITCH_DEFINE_BODY_CODEC(index, mitch_index, MITCH_INDEX_SIZE, index_load, index_load_bulk,
                        index_store_bulk)

const char *mitch_confidence_band(uint8_t confidence) {
  if (confidence > LIMIT_CONFIDENCE_MAX)
    return NULL;
  if (confidence >= 95)
    return "very high";
  if (confidence >= 80)
    return "high";
  if (confidence >= 60)
    return "medium";
  if (confidence >= 40)
    return "medium-low";
  if (confidence >= 20)
    return "low";
  return "very low";
}

/* Offsets and the mean spread are in units of 1e-9 relative to mid. */
#define OFFSET_UNITS 1e9

static double offset_price(double mid, int32_t offset) {
  return mid * (1.0 + (double)offset / OFFSET_UNITS);
}

int mitch_index_metrics_get(const mitch_index *v, mitch_index_metrics *m) {
  if (!v || !m)
    return MITCH_ERR_INVALID_DATA;
  m->best_bid_price = offset_price(v->mid, v->b_bid_o);
  m->best_ask_price = offset_price(v->mid, v->b_ask_o);
  m->worst_bid_price = offset_price(v->mid, v->w_bid_o);
  m->worst_ask_price = offset_price(v->mid, v->w_ask_o);
  m->mean_spread = v->mid * ((double)v->m_spread / OFFSET_UNITS);
  m->volatility = v->v_force / (double)LIMIT_FORCE_MAX;
  m->liquidity = v->l_force / (double)LIMIT_FORCE_MAX;
  m->trend = v->t_force / (double)LIMIT_FORCE_MAX;
  m->momentum = v->m_force / (double)LIMIT_FORCE_MAX;
  m->confidence_band = mitch_confidence_band(v->confidence);
  return MITCH_OK;
}

int mitch_pack_index(uint64_t ticker_id, double mid, uint32_t v_bid, uint32_t v_ask,
                     int32_t m_spread, int32_t b_bid_o, int32_t b_ask_o, int32_t w_bid_o,
                     int32_t w_ask_o, uint16_t v_force, uint16_t l_force, int16_t t_force,
                     int16_t m_force, uint8_t confidence, uint8_t rejected, uint8_t accepted,
                     uint8_t *out) {
  mitch_index v;
  v.ticker_id = ticker_id;
  v.mid = mid;
  v.v_bid = v_bid;
  v.v_ask = v_ask;
  v.m_spread = m_spread;
  v.b_bid_o = b_bid_o;
  v.b_ask_o = b_ask_o;
  v.w_bid_o = w_bid_o;
  v.w_ask_o = w_ask_o;
  v.v_force = v_force;
  v.l_force = l_force;
  v.t_force = t_force;
  v.m_force = m_force;
  v.confidence = confidence;
  v.rejected = rejected;
  v.accepted = accepted;
  return index_encode_inline(&v, out, MITCH_INDEX_SIZE);
}

int mitch_unpack_index(const uint8_t *bytes, size_t len, uint64_t *ticker_id, double *mid,
                       uint32_t *v_bid, uint32_t *v_ask, int32_t *m_spread, int32_t *b_bid_o,
                       int32_t *b_ask_o, int32_t *w_bid_o, int32_t *w_ask_o,
                       uint16_t *v_force, uint16_t *l_force, int16_t *t_force,
                       int16_t *m_force, uint8_t *confidence, uint8_t *rejected,
                       uint8_t *accepted) {
  mitch_index v;
  int st;
  if (!ticker_id || !mid || !v_bid || !v_ask || !m_spread || !b_bid_o || !b_ask_o ||
      !w_bid_o || !w_ask_o || !v_force || !l_force || !t_force || !m_force || !confidence ||
      !rejected || !accepted)
    return MITCH_ERR_INVALID_DATA;
  st = index_decode_inline(bytes, len, &v);
  if (st != MITCH_OK)
    return st;
  *ticker_id = v.ticker_id;
  *mid = v.mid;
  *v_bid = v.v_bid;
  *v_ask = v.v_ask;
  *m_spread = v.m_spread;
  *b_bid_o = v.b_bid_o;
  *b_ask_o = v.b_ask_o;
  *w_bid_o = v.w_bid_o;
  *w_ask_o = v.w_ask_o;
  *v_force = v.v_force;
  *l_force = v.l_force;
  *t_force = v.t_force;
  *m_force = v.m_force;
  *confidence = v.confidence;
  *rejected = v.rejected;
  *accepted = v.accepted;
  return MITCH_OK;
}
