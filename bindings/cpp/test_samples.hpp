/*
 * test_samples.hpp - valid sample values of each body type, shared by the
 * C++ tests (test_mitch_hpp.cpp, test_sweep.cpp): one place says what a
 * good trade, order, tick, index and order book look like.  Include it
 * after mitch.hpp.
 */
#ifndef MITCH_TEST_SAMPLES_HPP
#define MITCH_TEST_SAMPLES_HPP

#include <cstddef>
#include <cstdint>

namespace samples {

constexpr std::uint64_t eurusd = 0x0305153138900000ull; /* tickers.tsv: EURUSD */

inline mitch::trade a_trade(std::uint32_t id = 1) {
  mitch::trade t;
  t.ticker_id = eurusd;
  t.price = 1.0875 + id * 1e-5;
  t.quantity = 1000 * id;
  t.trade_id = id;
  t.side = id % 2 ? mitch::side::buy : mitch::side::sell;
  return t;
}

inline mitch::order an_order(std::uint32_t id = 7) {
  mitch::order o;
  o.ticker_id = eurusd;
  o.order_id = id;
  o.price = 1.08;
  o.quantity = 500;
  o.order_type = mitch::order_type::limit;
  o.side = mitch::side::sell;
  o.expiry_ms = 1700000000000ull;
  return o;
}

inline mitch::tick a_tick() {
  mitch::tick t;
  t.ticker_id = eurusd;
  t.bid_price = 1.0874;
  t.ask_price = 1.0876;
  t.bid_volume = 100;
  t.ask_volume = 300;
  return t;
}

inline mitch::index an_index() {
  mitch::index v;
  v.ticker_id = eurusd;
  v.mid = 1.0875;
  v.v_bid = 10;
  v.v_ask = 20;
  v.m_spread = 150;
  v.b_bid_o = -100;
  v.b_ask_o = 100;
  v.w_bid_o = -900;
  v.w_ask_o = 900;
  v.v_force = 5000;
  v.l_force = 6000;
  v.t_force = -200;
  v.m_force = 300;
  v.confidence = 90;
  v.rejected = 1;
  v.accepted = 5;
  return v;
}

inline mitch::order_book a_book() {
  mitch::order_book b;
  b.ticker_id = eurusd;
  b.mid_price = 1.0875;
  b.bin_aggregator = mitch::bin_aggregator::bilingeo;
  for (std::size_t i = 0; i < mitch::bins_per_side; i++) {
    b.bids[i] = mitch::bin{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(10 * i)};
    b.asks[i] = mitch::bin{static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(7 * i)};
  }
  return b;
}

} // namespace samples

#endif /* MITCH_TEST_SAMPLES_HPP */
