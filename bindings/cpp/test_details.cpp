/*
 * test_details.cpp - what the library says about an error (field, rule,
 * offset, text: mitch_check_*) as the C++ binding delivers it, and capture
 * decoding and encoding (mitch_capture_decode / _encode).
 */
#include <mitch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "test_harness.hpp"

namespace {

constexpr std::uint64_t eurusd = 0x0305153138900000ull;

mitch::trade trade_n(std::uint32_t id) {
  return mitch::trade{eurusd, 1.0 + id * 0.01, 100 * id, id, id % 2 ? mitch::side::buy : mitch::side::sell};
}

mitch::tick tick_n(std::uint32_t n) {
  return mitch::tick{eurusd, 1.0 + n * 0.01, 1.01 + n * 0.01, n, n + 1};
}

/* trades 1..3 at t=10, ticks 1..2 at t=20, trades 4..5 at t=30 */
std::vector<std::uint8_t> mixed_capture() {
  std::vector<std::uint8_t> buf(1024);
  std::size_t at = 0, n = 0;
  mitch::trade a[3] = {trade_n(1), trade_n(2), trade_n(3)};
  mitch::tick b[2] = {tick_n(1), tick_n(2)};
  mitch::trade c[2] = {trade_n(4), trade_n(5)};
  if (mitch::try_encode_message(10, a, mitch::mutable_byte_view(buf).subview(at), &n) == mitch::status::ok)
    at += n;
  if (mitch::try_encode_message(20, b, mitch::mutable_byte_view(buf).subview(at), &n) == mitch::status::ok)
    at += n;
  if (mitch::try_encode_message(30, c, mitch::mutable_byte_view(buf).subview(at), &n) == mitch::status::ok)
    at += n;
  buf.resize(at);
  return buf;
}

bool same(const mitch::trade &a, const mitch::trade &b) {
  return a.ticker_id == b.ticker_id && a.price == b.price && a.quantity == b.quantity &&
         a.trade_id == b.trade_id && a.side == b.side;
}

}  // namespace

TEST(errors_name_the_field_the_rule_and_the_offset) {
  mitch::trade t = trade_n(1);
  t.price = -1;
  mitch::error_info why;
  REQUIRE(mitch::try_validate(t, &why) == mitch::status::invalid_field_value);
  CHECK(why.field_name == "price" && !why.rule.empty() && why.value == -1.0);
  CHECK(why.layout == 't' && why.field >= 0 && why.offset == 8);
  CHECK(std::string(why.message()).find("price") != std::string::npos);
  /* a rule between two fields: a crossed tick */
  mitch::tick s = tick_n(1);
  std::swap(s.bid_price, s.ask_price);
  REQUIRE(mitch::try_validate(s, &why) == mitch::status::invalid_field_value);
  CHECK(!why.field_name.empty() && !why.other_name.empty() && why.other_field >= 0);
  /* on the wire: the byte offset in the caller's buffer */
  std::vector<mitch::trade> trades{trade_n(1), trade_n(2), trade_n(3)};
  std::vector<std::uint8_t> wire(3 * 32);
  REQUIRE(mitch::try_encode_batch(trades, wire) == mitch::status::ok);
  wire[2 * 32 + 24] = 9; /* side of body 2 */
  std::vector<mitch::trade> out(3);
  REQUIRE(mitch::try_decode_batch(wire, out, nullptr, &why) == mitch::status::invalid_field_value);
  CHECK(why.field_name == "side" && why.index == 2 && why.offset == 2 * 32 + 24 && why.value == 9.0);
  /* a failed encode's offset: where the field would be on the wire */
  trades[1].quantity = 0;
  REQUIRE(mitch::try_encode_batch(trades, wire, nullptr, &why) == mitch::status::invalid_field_value);
  CHECK(why.field_name == "quantity" && why.index == 1 && why.offset == 32 + 16);
  /* the header's timestamp in a message */
  REQUIRE(mitch::try_encode_message(mitch::u48_max + 1, out, mitch::mutable_byte_view(wire),
                                    nullptr, &why) != mitch::status::ok);
  /* the output is too short for a message, the check says nothing more */
  std::uint8_t small[8];
  CHECK(mitch::try_encode(trade_n(1), small, &why) == mitch::status::buffer_too_small &&
        why.field < 0 && why.field_name.empty());
}

TEST(stream_damage_details) {
  auto buf = mixed_capture();
  const std::size_t second = 8 + 3 * 32;
  buf[second + 8 + 32 + 8] = 0; /* bid price of the second tick -> tiny but ... */
  for (std::size_t k = 0; k < 8; k++)
    buf[second + 8 + 32 + 8 + k] = 0; /* ... 0.0: not > 0 */
  auto range = mitch::try_messages(buf);
  std::size_t n = 0;
  for (auto &msg : range) {
    (void)msg;
    n++;
  }
  const mitch::error_info &e = range.error();
  CHECK(n == 1 && range.status() == mitch::status::invalid_field_value);
  CHECK(e.message_offset == second && e.offset == second + 8 + 32 + 8);
  CHECK(e.field_name == "bid_price" && e.index == 1 && e.layout == 's');
  mitch::error_info why;
  CHECK(mitch::try_validate_stream(buf, nullptr, &why) == mitch::status::invalid_field_value &&
        why.offset == e.offset && why.field_name == "bid_price");
}

TEST(capture_decode_in_one_pass) {
  auto buf = mixed_capture();
  mitch::capture_counts n;
  REQUIRE(mitch::try_count_capture(buf, n) == mitch::status::ok);
  CHECK(n.trades == 5 && n.ticks == 2 && n.orders == 0 && n.indices == 0 && n.order_books == 0);
  std::vector<mitch::trade> trades(5);
  std::vector<std::uint64_t> stamps(5);
  std::vector<mitch::tick> ticks(2);
  mitch::capture_column<mitch::trade> t{trades, stamps};
  mitch::capture_column<mitch::tick> s{ticks, {}};
  mitch::stream_info info;
  REQUIRE(mitch::try_decode_capture(buf, &info, nullptr, t, s) == mitch::status::ok);
  CHECK(t.count == 5 && s.count == 2 && info.messages == 3 && info.bodies == 7);
  CHECK(same(trades[3], trade_n(4)) && stamps[2] == 10 && stamps[3] == 30 && ticks[1].bid_volume == 2);
  /* a column too small: the prefix that fits */
  std::vector<mitch::trade> two(2);
  mitch::capture_column<mitch::trade> small{two, {}};
  mitch::error_info why;
  CHECK(mitch::try_decode_capture(buf, nullptr, &why, small) == mitch::status::buffer_too_small);
  CHECK(small.count == 2 && same(two[1], trade_n(2)));
}

TEST(capture_damage_keeps_the_prefix) {
  auto buf = mixed_capture();
  buf[8 + 2 * 32 + 16] = 0; /* quantity of trade 3 */
  buf[8 + 2 * 32 + 17] = 0;
  buf[8 + 2 * 32 + 18] = 0;
  buf[8 + 2 * 32 + 19] = 0;
  std::vector<mitch::trade> trades(5);
  for (auto &x : trades)
    x.trade_id = 999;
  mitch::capture_column<mitch::trade> t{trades, {}};
  mitch::error_info why;
  CHECK(mitch::try_decode_capture(buf, nullptr, &why, t) == mitch::status::invalid_field_value);
  CHECK(t.count == 2 && same(trades[1], trade_n(2)) && trades[2].trade_id == 999);
  CHECK(why.field_name == "quantity" && why.offset == 8 + 2 * 32 + 16);
}

TEST(capture_encode_round_trip) {
  std::vector<mitch::trade> trades{trade_n(1), trade_n(2), trade_n(3), trade_n(4)};
  std::vector<std::uint64_t> stamps{5, 5, 7, 7};
  std::size_t size = 0;
  REQUIRE(mitch::try_encode_capture(trades, stamps, mitch::mutable_byte_view(), size) == mitch::status::ok);
  CHECK(size == 2 * 8 + 4 * 32);
  std::vector<std::uint8_t> out(size);
  std::size_t written = 0;
  REQUIRE(mitch::try_encode_capture(trades, stamps, out, written) == mitch::status::ok);
  CHECK(written == size);
  std::vector<mitch::trade> back(4);
  std::vector<std::uint64_t> back_stamps(4);
  mitch::capture_column<mitch::trade> t{back, back_stamps};
  REQUIRE(mitch::try_decode_capture(out, nullptr, nullptr, t) == mitch::status::ok);
  CHECK(t.count == 4 && same(back[3], trades[3]) && back_stamps[1] == 5 && back_stamps[2] == 7);
  stamps[2] = mitch::u48_max + 1;
  mitch::error_info why;
  out.assign(size + 64, 0xA5); /* room for the extra message the timestamps make */
  std::vector<std::uint8_t> keep(out);
  CHECK(mitch::try_encode_capture(trades, stamps, out, written, &why) == mitch::status::invalid_field_value);
  CHECK(out == keep && why.layout == 0 && why.index == 2);
  CHECK(mitch::try_encode_capture(trades, mitch::span<const std::uint64_t>(stamps.data(), 3), out,
                                  written) == mitch::status::invalid_data);
}

/* Only an out without storage computes the size: a view that claims bytes
   at NULL is the caller's NULL (invalid_data), as for the other encoders. */
TEST(capture_encode_refuses_a_null_view_that_claims_bytes) {
  std::vector<mitch::trade> trades{trade_n(1), trade_n(2)};
  std::vector<std::uint64_t> stamps{5, 5};
  std::size_t written = 0;
  CHECK(mitch::try_encode_capture(trades, stamps, mitch::mutable_byte_view(nullptr, 64), written) ==
        mitch::status::invalid_data);
  std::uint8_t room[80];
  CHECK(mitch::try_encode(trades[0], mitch::mutable_byte_view(nullptr, 64)) == mitch::status::invalid_data);
  CHECK(mitch::try_encode_capture(trades, stamps, mitch::mutable_byte_view(room, sizeof room), written) ==
        mitch::status::ok);
}

#if defined(MITCH_HPP_EXCEPTIONS)
/* encode_capture(bodies, timestamps, out) returns the bytes it wrote: an
   empty out is too short (and bad bodies are refused), never a size of
   bytes that were not written. */
TEST(throwing_capture_encode_into_an_empty_out) {
  std::vector<mitch::trade> trades{trade_n(1), trade_n(2)};
  std::vector<std::uint64_t> stamps{5, 5};
  std::vector<std::uint8_t> empty;
  bool caught = false;
  try {
    (void)mitch::encode_capture(trades, stamps, empty);
  } catch (const mitch::buffer_too_small_error &) {
    caught = true;
  }
  CHECK(caught);
  trades[1].price = -1; /* refused too (the length first, in C's order) */
  caught = false;
  try {
    (void)mitch::encode_capture(trades, stamps, empty);
  } catch (const mitch::buffer_too_small_error &) {
    caught = true;
  }
  CHECK(caught);
  std::vector<mitch::trade> none;
  std::vector<std::uint64_t> no_stamps;
  CHECK(mitch::encode_capture(none, no_stamps, empty) == 0);
}
#endif

#if defined(MITCH_HPP_EXCEPTIONS)
TEST(throwing_capture_calls) {
  auto buf = mixed_capture();
  mitch::capture c = mitch::read_capture(buf);
  CHECK(c.trades.size() == 5 && c.ticks.size() == 2 && c.trade_timestamps[4] == 30 && c.orders.empty());
  auto wire = mitch::encode_capture(c.trades, mitch::span<const std::uint64_t>(c.trade_timestamps));
  CHECK(mitch::count_capture(wire).trades == 5);
  buf[0] = 'x';
  bool caught = false;
  try {
    (void)mitch::read_capture(buf);
  } catch (const mitch::invalid_message_type_error &e) {
    caught = e.message_offset() == 0 && e.offset() == 0;
  }
  CHECK(caught);
  mitch::trade t = trade_n(1);
  t.trade_id = 0;
  caught = false;
  try {
    mitch::validate(t);
  } catch (const mitch::error &e) {
    caught = e.field() == "trade_id" && !e.rule().empty() &&
             std::strstr(e.what(), "trade_id") != nullptr;
  }
  CHECK(caught);
}
#endif
