// example.cpp - resolve a symbol, encode two trades, read them back, see an error.
// Build: c++ -std=c++17 example.cpp $(pkg-config --cflags --libs mitch)
#include <cstdio>
#include <vector>

#include <mitch.hpp>

int main() {
  // What a trader types -> the 64-bit ticker id the wire carries
  mitch::resolution eurusd = mitch::resolve_ticker("EURUSD.m");
  std::printf("EURUSD.m is %.*s/%.*s, ticker 0x%016llx\n",
              static_cast<int>(eurusd.base.name.size()), eurusd.base.name.data(),
              static_cast<int>(eurusd.quote.name.size()), eurusd.quote.name.data(),
              static_cast<unsigned long long>(eurusd.ticker_id));

  // Two trades in one message at 09:30 (ns since midnight UTC)
  std::vector<mitch::trade> trades = {
      {eurusd.ticker_id, 1.0875, 1000000, 1, mitch::side::buy},
      {eurusd.ticker_id, 1.08752, 250000, 2, mitch::side::sell},
  };
  std::vector<std::uint8_t> wire(mitch::message_size(mitch::message_type::trade, trades.size()));
  mitch::encode_message(34200000000000, trades, wire);

  // Read a capture in place: no copies, no allocation
  for (auto& msg : mitch::messages(wire))
    for (auto& t : msg.bodies<mitch::trade>())
      std::printf("%llu: trade %u %s %u @ %.5f\n", static_cast<unsigned long long>(msg.timestamp()),
                  t.trade_id, t.side == mitch::side::buy ? "buy" : "sell", t.quantity, t.price);

  // A broken rule is an exception that names it
  try {
    trades[0].price = -1.0;
    mitch::encode_message(34200000000000, trades, wire);
  } catch (const mitch::invalid_field_value_error& e) {
    std::printf("refused: %s\n", e.what());
    std::printf("field %.*s at byte %zu\n", static_cast<int>(e.field().size()), e.field().data(),
                e.offset());
  }
  return 0;
}
