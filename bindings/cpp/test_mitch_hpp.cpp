/*
 * test_mitch_hpp.cpp - the tests of include/mitch.hpp, the C++ binding.
 *
 * make check builds this file three ways (bindings/cpp/local.mk): C++17,
 * C++17 with -fno-exceptions (only the try_ calls exist there) and C++20
 * (std::span), each with -Wall -Wextra -Werror; bindings/cpp/ci-extra.sh
 * builds the same set with the other compiler (g++ / clang++).
 *
 *   test_mitch_hpp [FILTER]     runs the cases whose name contains FILTER
 *
 * The expected values come from the C library (called directly, the
 * reference the binding wraps), from the protocol's constants, or from the
 * conformance vectors' rows; the layout case reads `mitch info --layouts
 * --json` through MITCH_TOOL.
 */
#include <mitch.hpp>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "test_harness.hpp"
#include "test_samples.hpp"

/* ---- counting allocator: proves the hot paths never allocate ---------- */

/* The replacements below pair malloc with free by design; GCC, seeing both
   inlined, would call that a mismatch. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {
std::atomic<unsigned long> allocations{0};
}

void *operator new(std::size_t n) {
  allocations++;
  if (void *p = std::malloc(n ? n : 1))
    return p;
#if defined(__cpp_exceptions)
  throw std::bad_alloc();
#else
  std::abort();
#endif
}
void *operator new[](std::size_t n) { return operator new(n); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept {
  allocations++;
  return std::malloc(n ? n : 1);
}
void *operator new[](std::size_t n, const std::nothrow_t &t) noexcept { return operator new(n, t); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }

namespace {

/* ---- helpers --------------------------------------------------------- */

using namespace samples;

bool same_bits(double a, double b) {
  std::uint64_t x, y;
  std::memcpy(&x, &a, 8);
  std::memcpy(&y, &b, 8);
  return x == y;
}

bool operator==(const mitch::trade &a, const mitch::trade &b) {
  return a.ticker_id == b.ticker_id && same_bits(a.price, b.price) && a.quantity == b.quantity &&
         a.trade_id == b.trade_id && a.side == b.side;
}
bool operator==(const mitch::order &a, const mitch::order &b) {
  return a.ticker_id == b.ticker_id && a.order_id == b.order_id && same_bits(a.price, b.price) &&
         a.quantity == b.quantity && a.order_type == b.order_type && a.side == b.side &&
         a.expiry_ms == b.expiry_ms;
}
bool operator==(const mitch::tick &a, const mitch::tick &b) {
  return a.ticker_id == b.ticker_id && same_bits(a.bid_price, b.bid_price) &&
         same_bits(a.ask_price, b.ask_price) && a.bid_volume == b.bid_volume &&
         a.ask_volume == b.ask_volume;
}
bool operator==(const mitch::index &a, const mitch::index &b) {
  return a.ticker_id == b.ticker_id && same_bits(a.mid, b.mid) && a.v_bid == b.v_bid &&
         a.v_ask == b.v_ask && a.m_spread == b.m_spread && a.b_bid_o == b.b_bid_o &&
         a.b_ask_o == b.b_ask_o && a.w_bid_o == b.w_bid_o && a.w_ask_o == b.w_ask_o &&
         a.v_force == b.v_force && a.l_force == b.l_force && a.t_force == b.t_force &&
         a.m_force == b.m_force && a.confidence == b.confidence && a.rejected == b.rejected &&
         a.accepted == b.accepted;
}
bool operator==(const mitch::order_book &a, const mitch::order_book &b) {
  if (a.ticker_id != b.ticker_id || !same_bits(a.mid_price, b.mid_price) ||
      a.bin_aggregator != b.bin_aggregator)
    return false;
  for (std::size_t i = 0; i < mitch::bins_per_side; i++)
    if (a.bids[i].count != b.bids[i].count || a.bids[i].volume != b.bids[i].volume ||
        a.asks[i].count != b.asks[i].count || a.asks[i].volume != b.asks[i].volume)
      return false;
  return true;
}

/* A capture of four messages: 3 trades, 2 orders, 1 tick, 1 index. */
std::vector<std::uint8_t> a_capture() {
  std::vector<std::uint8_t> buf(1024);
  std::size_t at = 0, n = 0;
  mitch::trade trades[3] = {a_trade(1), a_trade(2), a_trade(3)};
  mitch::order orders[2] = {an_order(7), an_order(8)};
  mitch::tick ticks[1] = {a_tick()};
  mitch::index indices[1] = {an_index()};
  mitch::status st;
  st = mitch::try_encode_message(1000, trades, mitch::mutable_byte_view(buf).subview(at), &n);
  at += st == mitch::status::ok ? n : 0;
  st = mitch::try_encode_message(2000, orders, mitch::mutable_byte_view(buf).subview(at), &n);
  at += st == mitch::status::ok ? n : 0;
  st = mitch::try_encode_message(3000, ticks, mitch::mutable_byte_view(buf).subview(at), &n);
  at += st == mitch::status::ok ? n : 0;
  st = mitch::try_encode_message(4000, indices, mitch::mutable_byte_view(buf).subview(at), &n);
  at += st == mitch::status::ok ? n : 0;
  buf.resize(at);
  return buf;
}

/* What C writes for a trade, the reference for the binding's bytes. */
std::array<std::uint8_t, MITCH_TRADE_SIZE> c_trade_bytes(const mitch::trade &t) {
  std::array<std::uint8_t, MITCH_TRADE_SIZE> out{};
  mitch_trade c;
  std::memset(&c, 0, sizeof c);
  c.ticker_id = t.ticker_id;
  c.price = t.price;
  c.quantity = t.quantity;
  c.trade_id = t.trade_id;
  c.side = mitch::to_underlying(t.side);
  if (mitch_trade_encode(&c, out.data(), out.size()) != MITCH_OK)
    out.fill(0xEE);
  return out;
}

}  // namespace

/* ====================================================================== */
/* Compile-time promises                                                  */
/* ====================================================================== */

static_assert(std::is_trivially_copyable_v<mitch::trade> && std::is_standard_layout_v<mitch::order_book>);
static_assert(mitch::wire_size_v<mitch::trade> == 32 && mitch::wire_size_v<mitch::index> == 64 &&
              mitch::wire_size_v<mitch::order_book> == 2072 && mitch::wire_size_v<mitch::header> == 8);
static_assert(mitch::is_body_v<mitch::tick> && !mitch::is_body_v<mitch::header> && !mitch::is_body_v<int>);
static_assert(std::is_same_v<std::underlying_type_t<mitch::side>, std::uint8_t>);
/* The try_ calls and the accessors cannot throw. */
static_assert(noexcept(mitch::try_decode(mitch::byte_view(), std::declval<mitch::trade &>())));
static_assert(noexcept(mitch::try_encode(mitch::trade{}, mitch::mutable_byte_view())));
static_assert(noexcept(mitch::try_messages(mitch::byte_view())));
static_assert(noexcept(mitch::decode_ticker_id(1)));
static_assert(noexcept(mitch::try_resolve_ticker("x", mitch::instrument_type::spot,
                                                 std::declval<mitch::resolution &>())));
static_assert(noexcept(mitch::metrics(mitch::tick{})));
static_assert(noexcept(mitch::library_version()));
static_assert(std::is_error_code_enum_v<mitch::status>);
#if defined(MITCH_HPP_EXCEPTIONS)
static_assert(std::is_base_of_v<std::system_error, mitch::error> &&
              std::is_base_of_v<mitch::error, mitch::invalid_field_value_error>);
static_assert(std::is_nothrow_copy_constructible_v<mitch::error>);
#endif

/* ====================================================================== */
/* One value                                                              */
/* ====================================================================== */

TEST(trade_round_trip_matches_c) {
  mitch::trade t = a_trade(3);
  std::array<std::uint8_t, 40> buf;
  buf.fill(0xAB);
  REQUIRE(mitch::try_encode(t, buf) == mitch::status::ok);
  auto want = c_trade_bytes(t);
  CHECK(std::memcmp(buf.data(), want.data(), want.size()) == 0);
  CHECK(buf[32] == 0xAB); /* exactly the body size is written */
  mitch::trade back;
  REQUIRE(mitch::try_decode(buf, back) == mitch::status::ok); /* a longer buffer is fine */
  CHECK(back == t);
}

TEST(every_body_round_trips) {
  std::vector<std::uint8_t> buf(mitch::wire_size_v<mitch::order_book>);
  mitch::order o = an_order(), o2;
  REQUIRE(mitch::try_encode(o, buf) == mitch::status::ok);
  REQUIRE(mitch::try_decode(buf, o2) == mitch::status::ok);
  CHECK(o2 == o);
  mitch::tick s = a_tick(), s2;
  REQUIRE(mitch::try_encode(s, buf) == mitch::status::ok);
  REQUIRE(mitch::try_decode(buf, s2) == mitch::status::ok);
  CHECK(s2 == s);
  mitch::index i = an_index(), i2;
  REQUIRE(mitch::try_encode(i, buf) == mitch::status::ok);
  REQUIRE(mitch::try_decode(buf, i2) == mitch::status::ok);
  CHECK(i2 == i);
  mitch::order_book b = a_book(), b2;
  REQUIRE(mitch::try_encode(b, buf) == mitch::status::ok);
  REQUIRE(mitch::try_decode(buf, b2) == mitch::status::ok);
  CHECK(b2 == b);
  mitch::header h{mitch::message_type::tick, 3, 123456789}, h2;
  REQUIRE(mitch::try_encode(h, buf) == mitch::status::ok);
  REQUIRE(mitch::try_decode(buf, h2) == mitch::status::ok);
  CHECK(h2.message_type == h.message_type && h2.count == 3 && h2.timestamp == 123456789);
  CHECK(buf[0] == 's');
}

TEST(invalid_value_is_refused_and_nothing_written) {
  mitch::trade t = a_trade();
  t.price = -1.0;
  std::array<std::uint8_t, 32> buf;
  buf.fill(0x5A);
  mitch::error_info why;
  CHECK(mitch::try_encode(t, buf, &why) == mitch::status::invalid_field_value);
  CHECK(why.status == mitch::status::invalid_field_value);
  CHECK(!why.message().empty());
  bool untouched = true;
  for (auto b : buf)
    untouched = untouched && b == 0x5A;
  CHECK(untouched);
  CHECK(mitch::try_validate(t) == mitch::status::invalid_field_value);
  t.price = std::numeric_limits<double>::quiet_NaN();
  CHECK(mitch::try_validate(t) == mitch::status::invalid_field_value);
  t.price = 1.0;
  CHECK(mitch::try_validate(t) == mitch::status::ok);
}

TEST(undefined_codes_are_errors_not_mapped) {
  mitch::trade t = a_trade();
  t.side = static_cast<mitch::side>(2);
  CHECK(mitch::try_validate(t) == mitch::status::invalid_field_value);
  mitch::order o = an_order();
  o.order_type = static_cast<mitch::order_type>(9);
  CHECK(mitch::try_validate(o) == mitch::status::invalid_field_value);
  mitch::order_book b = a_book();
  b.bin_aggregator = static_cast<mitch::bin_aggregator>(4);
  CHECK(mitch::try_validate(b) == mitch::status::invalid_field_value);
  mitch::header h{static_cast<mitch::message_type>('x'), 1, 0};
  CHECK(mitch::try_validate(h) == mitch::status::invalid_message_type);
  std::size_t size = 0;
  CHECK(mitch::try_body_size(static_cast<mitch::message_type>('T'), size) ==
        mitch::status::invalid_message_type);
  CHECK(mitch::try_body_size(mitch::message_type::index, size) == mitch::status::ok && size == 64);
}

TEST(short_empty_and_missing_buffers) {
  mitch::trade t;
  std::uint8_t bytes[31] = {};
  CHECK(mitch::try_decode(mitch::byte_view(bytes, 31), t) == mitch::status::buffer_too_small);
  CHECK(mitch::try_decode(mitch::byte_view(), t) == mitch::status::buffer_too_small);
  std::vector<std::uint8_t> empty;
  CHECK(mitch::try_decode(empty, t) == mitch::status::buffer_too_small);
  CHECK(mitch::try_encode(a_trade(), empty) == mitch::status::buffer_too_small);
  CHECK(mitch::try_encode(a_trade(), mitch::mutable_byte_view(bytes, 31)) ==
        mitch::status::buffer_too_small);
  /* a view that claims bytes it does not have is the caller's NULL */
  CHECK(mitch::try_decode(mitch::byte_view(nullptr, 32), t) == mitch::status::invalid_data);
}

TEST(decode_failure_leaves_output_untouched) {
  auto bytes = c_trade_bytes(a_trade(1));
  bytes[24] = 7; /* side 7 */
  mitch::trade out = a_trade(9);
  mitch::error_info why;
  CHECK(mitch::try_decode(bytes, out, &why) == mitch::status::invalid_field_value);
  CHECK(out == a_trade(9));
  CHECK(why.status == mitch::status::invalid_field_value);
}

TEST(views_accept_many_byte_containers) {
  mitch::trade t = a_trade(5);
  auto want = c_trade_bytes(t);
  std::vector<char> chars(want.begin(), want.end());
  std::string str(want.begin(), want.end());
  std::vector<std::byte> bytes(32);
  std::memcpy(bytes.data(), want.data(), 32);
  unsigned char raw[32];
  std::memcpy(raw, want.data(), 32);
  mitch::trade a, b, c, d, e;
  CHECK(mitch::try_decode(want, a) == mitch::status::ok && a == t);
  CHECK(mitch::try_decode(chars, b) == mitch::status::ok && b == t);
  CHECK(mitch::try_decode(str, c) == mitch::status::ok && c == t);
  CHECK(mitch::try_decode(bytes, d) == mitch::status::ok && d == t);
  CHECK(mitch::try_decode(raw, e) == mitch::status::ok && e == t);
  mitch::byte_view v(want);
  CHECK(v.size() == 32 && v.subview(8, 8).size() == 8 && v.subview(40).empty());
  CHECK(v.subview(30, 100).size() == 2);
}

/* ====================================================================== */
/* Batches                                                                */
/* ====================================================================== */

TEST(batch_round_trip_in_one_call) {
  std::vector<mitch::trade> trades;
  for (std::uint32_t i = 1; i <= 100; i++)
    trades.push_back(a_trade(i));
  std::vector<std::uint8_t> wire(100 * 32);
  std::size_t done = 0;
  REQUIRE(mitch::try_encode_batch(trades, wire, &done) == mitch::status::ok);
  CHECK(done == 100);
  /* the same bytes as C, body by body */
  bool same = true;
  for (std::size_t i = 0; i < 100; i++)
    same = same && std::memcmp(wire.data() + 32 * i, c_trade_bytes(trades[i]).data(), 32) == 0;
  CHECK(same);
  std::vector<mitch::trade> back(100);
  REQUIRE(mitch::try_decode_batch(wire, back, &done) == mitch::status::ok);
  CHECK(done == 100);
  bool equal = true;
  for (std::size_t i = 0; i < 100; i++)
    equal = equal && back[i] == trades[i];
  CHECK(equal);
  /* arrays and spans work too */
  std::array<mitch::trade, 4> four;
  CHECK(mitch::try_decode_batch(wire, four) == mitch::status::ok && four[3] == trades[3]);
  mitch::trade c_array[2];
  CHECK(mitch::try_decode_batch(mitch::byte_view(wire).subview(64), c_array) == mitch::status::ok &&
        c_array[1] == trades[3]);
  mitch::span<mitch::trade> part(back.data() + 10, 5);
  CHECK(mitch::try_decode_batch(wire, part) == mitch::status::ok && back[10] == trades[0]);
}

TEST(batch_failure_delivers_the_valid_prefix) {
  std::vector<mitch::trade> trades;
  for (std::uint32_t i = 1; i <= 10; i++)
    trades.push_back(a_trade(i));
  std::vector<std::uint8_t> wire(10 * 32);
  REQUIRE(mitch::try_encode_batch(trades, wire) == mitch::status::ok);
  wire[6 * 32 + 16] = 0; /* quantity of body 6 */
  wire[6 * 32 + 17] = 0;
  wire[6 * 32 + 18] = 0;
  wire[6 * 32 + 19] = 0;
  std::vector<mitch::trade> out(10);
  mitch::trade marker;
  marker.trade_id = 999;
  for (auto &o : out)
    o = marker;
  std::size_t done = 99;
  mitch::error_info why;
  CHECK(mitch::try_decode_batch(wire, out, &done, &why) == mitch::status::invalid_field_value);
  CHECK(done == 6);
  CHECK(why.status == mitch::status::invalid_field_value && why.index == 6);
  CHECK(why.offset >= 6 * 32 && why.offset < 7 * 32);
  CHECK(out[5] == trades[5]);
  CHECK(out[6].trade_id == 999 && out[9].trade_id == 999);
  /* too little input for the bodies asked for */
  CHECK(mitch::try_decode_batch(mitch::byte_view(wire).subview(0, 100), out) ==
        mitch::status::buffer_too_small);
  /* encoding: the bad body's index */
  trades[4].quantity = 0;
  CHECK(mitch::try_encode_batch(trades, wire, &done, &why) == mitch::status::invalid_field_value);
  CHECK(done == 4 && why.index == 4);
}

/* ====================================================================== */
/* Messages and iteration                                                 */
/* ====================================================================== */

TEST(iteration_over_a_mixed_capture) {
  auto buf = a_capture();
  REQUIRE(!buf.empty());
  std::size_t messages = 0, trades = 0, orders = 0, others = 0;
  std::uint64_t stamps = 0;
  auto range = mitch::try_messages(buf);
  for (auto &msg : range) {
    messages++;
    stamps += msg.timestamp();
    if (msg.is<mitch::trade>()) {
      mitch::body_range<mitch::trade> bodies;
      REQUIRE(msg.try_bodies(bodies) == mitch::status::ok);
      std::uint32_t want = 1;
      for (auto &t : bodies) {
        CHECK(t == a_trade(want));
        want++;
        trades++;
      }
      CHECK(bodies.size() == 3 && bodies[2] == a_trade(3));
      mitch::body_range<mitch::order> wrong;
      CHECK(msg.try_bodies(wrong) == mitch::status::invalid_message_type);
    } else if (msg.type() == mitch::message_type::order) {
      mitch::order two[2];
      std::size_t n = 0;
      CHECK(msg.try_decode(two, &n) == mitch::status::ok && n == 2 && two[1] == an_order(8));
      mitch::order one[1];
      CHECK(msg.try_decode(one) == mitch::status::buffer_too_small);
      orders += n;
    } else {
      others++;
      CHECK(msg.count() == 1);
    }
    CHECK(msg.bytes().size() == msg.size() && msg.body_bytes().size() == msg.size() - 8);
    CHECK(msg.body_bytes(msg.count()).empty() && msg.body_bytes(0).size() == msg.body_size());
  }
  CHECK(range.status() == mitch::status::ok);
  CHECK(messages == 4 && range.count() == 4 && trades == 3 && orders == 2 && others == 2);
  CHECK(stamps == 10000);
  CHECK(range.offset() == buf.size());
}

TEST(iteration_stops_at_damage_and_says_where) {
  auto good = a_capture();
  REQUIRE(good.size() > 200);
  const std::size_t second = 8 + 3 * 32; /* where the order message starts */
  {
    auto buf = good;
    buf[second] = 'x'; /* unknown type byte */
    auto range = mitch::try_messages(buf);
    std::size_t n = 0;
    for (auto &msg : range) {
      (void)msg;
      n++;
    }
    CHECK(n == 1);
    CHECK(range.status() == mitch::status::invalid_message_type);
    CHECK(range.error().message_offset == second && range.error().offset == second);
    CHECK(range.error().index == 1);
  }
  {
    auto buf = good;
    buf.resize(second + 8 + 40); /* the order message is cut short */
    auto range = mitch::try_messages(buf);
    std::size_t n = 0;
    for (auto &msg : range)
      n += msg.count();
    CHECK(n == 3 && range.status() == mitch::status::buffer_too_small);
    CHECK(range.error().message_offset == second);
  }
  {
    auto buf = good;
    buf[8 + 32 + 8] = 0; /* price of trade 1 -> 0.0 is not > 0 ... */
    for (int k = 9; k < 16; k++)
      buf[8 + 32 + static_cast<std::size_t>(k)] = 0;
    auto range = mitch::try_messages(buf);
    std::size_t n = 0;
    for (auto &msg : range) {
      (void)msg;
      n++;
    }
    /* the damaged message is not handed out */
    CHECK(n == 0 && range.status() == mitch::status::invalid_field_value);
    CHECK(range.error().message_offset == 0);
    CHECK(range.error().offset >= 8 + 32 && range.error().offset < 8 + 64);
  }
  {
    auto range = mitch::try_messages(mitch::byte_view());
    std::size_t n = 0;
    for (auto &msg : range) {
      (void)msg;
      n++;
    }
    CHECK(n == 0 && range.status() == mitch::status::ok);
  }
}

TEST(message_encode_checks_count_and_timestamp) {
  std::vector<std::uint8_t> buf(8 + 256 * 32);
  std::vector<mitch::trade> none;
  CHECK(mitch::try_encode_message(0, none, buf) == mitch::status::invalid_field_value);
  std::vector<mitch::trade> many(256, a_trade());
  CHECK(mitch::try_encode_message(0, many, buf) == mitch::status::invalid_field_value);
  many.resize(255);
  std::size_t n = 0;
  CHECK(mitch::try_encode_message(mitch::u48_max, many, buf, &n) == mitch::status::ok &&
        n == 8 + 255 * 32);
  CHECK(mitch::try_encode_message(mitch::u48_max + 1, many, buf) == mitch::status::invalid_field_value);
  std::size_t size = 0;
  CHECK(mitch::try_message_size(mitch::message_type::order_book, 2, size) == mitch::status::ok &&
        size == 8 + 2 * 2072);
  CHECK(mitch::try_message_size(mitch::message_type::trade, 0, size) ==
        mitch::status::invalid_field_value);
}

TEST(stream_validation) {
  auto buf = a_capture();
  mitch::stream_info info;
  CHECK(mitch::try_validate_stream(buf, &info) == mitch::status::ok);
  CHECK(info.messages == 4 && info.bodies == 7);
  mitch::error_info why;
  CHECK(mitch::try_validate_stream(buf, mitch::message_type::trade, &info, &why) ==
        mitch::status::invalid_message_type);
  CHECK(info.messages == 1 && why.message_offset == 8 + 96);
}

/* ====================================================================== */
/* Ids, channels, registry                                                */
/* ====================================================================== */

TEST(ticker_ids_and_channels) {
  mitch::ticker_fields f = mitch::decode_ticker_id(eurusd);
  CHECK(f.instrument_type == mitch::instrument_type::spot && f.base_class == mitch::asset_class::forex &&
        f.base_id == 1301 && f.quote_class == mitch::asset_class::forex && f.quote_id == 5001 &&
        f.sub_type == 0);
  std::uint64_t id = 0;
  CHECK(mitch::try_encode_ticker_id(f, id) == mitch::status::ok && id == eurusd);
  f.sub_type = mitch::sub_type_max + 1;
  CHECK(mitch::try_encode_ticker_id(f, id) == mitch::status::invalid_field_value);
  CHECK(mitch::try_validate_ticker_id(eurusd) == mitch::status::ok);
  CHECK(mitch::is_spot(eurusd) && mitch::is_forex(eurusd) && !mitch::is_crypto(eurusd));
  std::uint32_t channel = 0;
  CHECK(mitch::try_channel_id(101, mitch::message_type::tick, channel) == mitch::status::ok &&
        channel == 6648576u);
  CHECK(mitch::try_channel_id(101, static_cast<mitch::message_type>('q'), channel) ==
        mitch::status::invalid_message_type);
  mitch::channel c;
  CHECK(mitch::try_decode_channel(6648576u, c) == mitch::status::ok && c.provider_id == 101 &&
        c.message_type == mitch::message_type::tick);
  CHECK(mitch::try_validate_channel(6648577u) == mitch::status::invalid_channel_id);
  std::uint32_t packed = 0;
  CHECK(mitch::try_pack_asset(mitch::asset_class::crypto, 2701, packed) == mitch::status::ok &&
        packed == (6u << 16 | 2701u));
}

TEST(resolution_and_lookups) {
  mitch::resolution r;
  REQUIRE(mitch::try_resolve_ticker("EURUSD.m", mitch::instrument_type::spot, r) == mitch::status::ok);
  CHECK(r.ticker_id == eurusd && r.base.name == "Euro" && r.quote.name == "US Dollar");
  CHECK(r.base.asset_class == mitch::asset_class::forex && r.base.class_id == 1301);
  CHECK(r.confidence == 1.0 && !r.steps().empty());
  mitch::asset_match m;
  REQUIRE(mitch::try_find_asset("BTC", 0.8, m) == mitch::status::ok);
  CHECK(m.asset.name == "Bitcoin" && m.asset.asset_class == mitch::asset_class::crypto &&
        m.asset.class_id == 2701 && m.confidence == 1.0);
  CHECK(mitch::try_find_asset("BTC", mitch::asset_class::forex, 0.99, m) == mitch::status::not_found);
  mitch::provider_match p;
  REQUIRE(mitch::try_find_provider("Binance", 0.8, p) == mitch::status::ok);
  CHECK(p.provider.id == 101 && p.provider.name == "Binance");
  mitch::provider q;
  CHECK(mitch::try_get_provider(101, q) == mitch::status::ok && q.name == "Binance");
  CHECK(mitch::provider_count() > 100);
  mitch::asset a;
  CHECK(mitch::try_get_asset(mitch::asset_class::crypto, 2701, a) == mitch::status::ok &&
        a.name == "Bitcoin");
  CHECK(mitch::try_get_asset(6u << 16 | 2701u, a) == mitch::status::ok && a.symbol == "BTC");
  CHECK(mitch::asset_count(mitch::asset_class::forex) == mitch_asset_count(MITCH_CLASS_FOREX));
  CHECK(mitch::asset_count(mitch::asset_class::forex) > 10);
  mitch::asset first_fx;
  CHECK(mitch::try_asset_at(mitch::asset_class::forex, 0, first_fx) == mitch::status::ok &&
        !first_fx.name.empty() && first_fx.asset_class == mitch::asset_class::forex);
  mitch::class_info ci;
  CHECK(mitch::try_asset_class_info(mitch::asset_class::forex, ci) == mitch::status::ok && ci.code == "FX");
}

TEST(hostile_queries) {
  mitch::resolution r;
  CHECK(mitch::try_resolve_ticker("", mitch::instrument_type::spot, r) == mitch::status::invalid_data);
  std::string huge(1 << 20, 'A');
  CHECK(mitch::try_resolve_ticker(huge, mitch::instrument_type::spot, r) == mitch::status::invalid_data);
  std::string at_limit(mitch::query_max, 'Q');
  /* 255 bytes are a query the library looks up (and does not find) */
  CHECK(mitch::try_resolve_ticker(at_limit, mitch::instrument_type::spot, r) == mitch::status::not_found);
  at_limit.push_back('Q');
  CHECK(mitch::try_resolve_ticker(at_limit, mitch::instrument_type::spot, r) == mitch::status::invalid_data);
  /* a NUL inside: C would silently resolve "EURUSD" - refused instead */
  std::string with_nul("EURUSD\0GBP", 10);
  CHECK(mitch::try_resolve_ticker(with_nul, mitch::instrument_type::spot, r) == mitch::status::invalid_data);
  CHECK(mitch::try_resolve_ticker("EURUSD", static_cast<mitch::instrument_type>(16), r) ==
        mitch::status::invalid_field_value);
  CHECK(mitch::try_resolve_ticker("USD", mitch::instrument_type::spot, r) == mitch::status::not_found);
  std::string bad_utf8("\xff\xfe\xc3", 3);
  mitch::asset_match m;
  mitch::status st = mitch::try_find_asset(bad_utf8, 0.8, m);
  CHECK(st == mitch::status::not_found || st == mitch::status::invalid_data);
  CHECK(mitch::try_find_asset("BTC", std::numeric_limits<double>::quiet_NaN(), m) ==
        mitch::status::invalid_field_value);
}

TEST(metrics_and_bins) {
  mitch::tick_metrics tm = mitch::metrics(a_tick());
  mitch_tick_metrics cm;
  mitch_tick c{eurusd, 1.0874, 1.0876, 100, 300};
  REQUIRE(mitch_tick_metrics_get(&c, &cm) == MITCH_OK);
  CHECK(same_bits(tm.mid, cm.mid) && same_bits(tm.spread_bps, cm.spread_bps) && tm.total_volume == 400);
  mitch::index_metrics im = mitch::metrics(an_index());
  CHECK(im.confidence_band == "high");
  mitch::book_totals bt = mitch::totals(a_book());
  CHECK(bt.bid_count == 127u * 128u / 2u && bt.ask_count == 128u * 129u / 2u);
  mitch::span<const double> ends;
  REQUIRE(mitch::try_bin_table(mitch::bin_aggregator::lingaussian, ends) == mitch::status::ok);
  CHECK(ends.size() == 128 && ends[127] >= ends[0]);
  CHECK(mitch::try_bin_table(static_cast<mitch::bin_aggregator>(9), ends) ==
        mitch::status::invalid_field_value);
  CHECK(mitch::aggregator_name(mitch::bin_aggregator::lingaussian) == "DEFAULT_LINGAUSSIAN");
  CHECK(mitch::aggregator_name(static_cast<mitch::bin_aggregator>(9)).empty());
  unsigned bin = 99;
  CHECK(mitch::try_bin_for_price(100.0, mitch::bin_aggregator::lingaussian, mitch::book_side::ask,
                                 100.0, bin) == mitch::status::ok &&
        bin == 0);
  CHECK(mitch::try_bin_for_price(100.0, mitch::bin_aggregator::lingaussian, mitch::book_side::ask,
                                 99.0, bin) == mitch::status::invalid_field_value);
  mitch::price_range pr;
  CHECK(mitch::try_bin_price_range(100.0, mitch::bin_aggregator::lingaussian, mitch::book_side::bid, 0,
                                   pr) == mitch::status::ok &&
        pr.start == 100.0 && pr.end <= 100.0);
}

TEST(versions) {
  CHECK(mitch::library_version() == MITCH_VERSION_STRING);
  CHECK(mitch::header_version == mitch::library_version());
  CHECK(mitch::protocol_version() == MITCH_PROTOCOL_VERSION_STRING);
  CHECK(mitch::library_version_number() == MITCH_VERSION_NUMBER);
  CHECK(mitch::try_check_library() == mitch::status::ok);
}

TEST(error_codes_and_category) {
  std::error_code ec = mitch::status::invalid_field_value;
  CHECK(ec.value() == 6 && std::string(ec.category().name()) == "mitch");
  CHECK(ec.message() == mitch_strerror(6));
  CHECK(ec == mitch::status::invalid_field_value && ec != mitch::status::invalid_data);
  CHECK(mitch::status_message(mitch::status::buffer_too_small) == mitch_strerror(3));
  CHECK(&mitch::category() == &mitch::category());
}

/* ====================================================================== */
/* No allocation on the hot paths                                         */
/* ====================================================================== */

TEST(hot_paths_do_not_allocate) {
  auto capture = a_capture();
  std::vector<mitch::trade> trades(100, a_trade());
  std::vector<std::uint8_t> wire(100 * 32);
  std::vector<mitch::trade> back(100);
  std::string long_query(300, 'x');
  unsigned long before = allocations.load();
  /* everything below is on the stack or in the buffers above */
  std::size_t sum = 0;
  for (int round = 0; round < 3; round++) {
    mitch::trade t;
    std::array<std::uint8_t, 32> one;
    sum += mitch::try_encode(a_trade(2), one) == mitch::status::ok;
    sum += mitch::try_decode(one, t) == mitch::status::ok;
    sum += mitch::try_encode_batch(trades, wire) == mitch::status::ok;
    sum += mitch::try_decode_batch(wire, back) == mitch::status::ok;
    for (auto &msg : mitch::try_messages(capture)) {
      if (msg.is<mitch::trade>()) {
        mitch::body_range<mitch::trade> bodies;
        if (msg.try_bodies(bodies) == mitch::status::ok)
          for (auto &b : bodies)
            sum += b.trade_id;
      }
    }
    mitch::resolution r;
    sum += mitch::try_resolve_ticker("EURUSD.m", mitch::instrument_type::spot, r) == mitch::status::ok;
    sum += mitch::try_resolve_ticker("GBPJPYmini", mitch::instrument_type::spot, r) == mitch::status::ok;
    mitch::asset_match m;
    sum += mitch::try_find_asset("Etherium", 0.8, m) == mitch::status::ok;
    mitch::provider_match p;
    sum += mitch::try_find_provider("NYSE", 0.8, p) == mitch::status::ok;
    /* a capture into caller-owned columns, in one pass */
    mitch::capture_column<mitch::trade> column{mitch::span<mitch::trade>(back), {}};
    sum += mitch::try_decode_capture(capture, nullptr, nullptr, column) == mitch::status::ok &&
           column.count == 3;
    /* failures with their details */
    mitch::error_info why;
    t.price = -2;
    sum += mitch::try_encode(t, one, &why) == mitch::status::invalid_field_value;
    sum += mitch::try_resolve_ticker(long_query, mitch::instrument_type::spot, r, &why) ==
           mitch::status::invalid_data;
    sum += mitch::try_decode(mitch::byte_view(one).subview(0, 3), t, &why) ==
           mitch::status::buffer_too_small;
  }
  unsigned long after = allocations.load();
  CHECK(after == before);
  CHECK(sum == 3 * (4 + 6 + 5 + 3));
  /* the counter itself works */
  std::vector<int> *probe = new std::vector<int>(3);
  CHECK(allocations.load() > after);
  delete probe;
}

/* ====================================================================== */
/* Threads                                                                */
/* ====================================================================== */

TEST(calls_from_many_threads) {
  std::atomic<int> bad{0};
  auto work = [&bad](std::uint32_t seed) {
    for (std::uint32_t i = 1; i < 2000; i++) {
      mitch::trade t = a_trade(seed * 10000 + i), back;
      std::array<std::uint8_t, 32> b;
      if (mitch::try_encode(t, b) != mitch::status::ok || mitch::try_decode(b, back) != mitch::status::ok ||
          !(back == t))
        bad++;
      if (i % 100 == 0) {
        mitch::resolution r;
        if (mitch::try_resolve_ticker("EURUSD", mitch::instrument_type::spot, r) != mitch::status::ok ||
            r.ticker_id != eurusd)
          bad++;
      }
    }
  };
  std::thread a(work, 1u), b(work, 2u), c(work, 3u), d(work, 4u);
  a.join();
  b.join();
  c.join();
  d.join();
  CHECK(bad.load() == 0);
}

/* ====================================================================== */
/* The throwing interface                                                 */
/* ====================================================================== */

#if defined(MITCH_HPP_EXCEPTIONS)
TEST(exceptions_carry_status_and_class) {
  mitch::trade t = a_trade();
  t.quantity = 0;
  bool caught = false;
  try {
    (void)mitch::encode(t);
  } catch (const mitch::invalid_field_value_error &e) {
    caught = true;
    CHECK(e.status() == mitch::status::invalid_field_value);
    CHECK(e.code() == mitch::status::invalid_field_value);
    CHECK(std::string(e.code().category().name()) == "mitch");
    CHECK(std::strstr(e.what(), mitch_strerror(6)) != nullptr);
  }
  CHECK(caught);
  caught = false;
  try {
    (void)mitch::decode<mitch::trade>(mitch::byte_view());
  } catch (const std::system_error &e) {
    caught = e.code() == mitch::status::buffer_too_small &&
             dynamic_cast<const mitch::buffer_too_small_error *>(&e) != nullptr;
  }
  CHECK(caught);
  caught = false;
  try {
    (void)mitch::resolve_ticker("USD"); /* base == quote */
  } catch (const mitch::not_found_error &) {
    caught = true;
  }
  CHECK(caught);
  caught = false;
  try {
    (void)mitch::find_asset(std::string(400, 'z'));
  } catch (const mitch::invalid_data_error &e) {
    caught = std::strlen(e.what()) < 300; /* never echoes the input */
  }
  CHECK(caught);
}

TEST(throwing_calls_return_values) {
  mitch::trade t = a_trade(4);
  auto bytes = mitch::encode(t);
  CHECK(bytes == c_trade_bytes(t));
  CHECK(mitch::decode<mitch::trade>(bytes) == t);
  std::vector<std::uint8_t> buf(8 + 2 * 32);
  std::vector<mitch::trade> two{a_trade(1), a_trade(2)};
  CHECK(mitch::encode_message(5, two, buf) == buf.size());
  std::size_t n = 0;
  for (auto &msg : mitch::messages(buf))
    for (auto &x : msg.bodies<mitch::trade>())
      n += x.trade_id;
  CHECK(n == 3);
  CHECK(mitch::resolve_ticker("EURUSD").ticker_id == eurusd);
  CHECK(mitch::find_asset("Bitcoin").asset.class_id == 2701);
  CHECK(mitch::find_provider("NYSE").provider.name == "New York Stock Exchange");
  CHECK(mitch::channel_id(101, mitch::message_type::tick) == 6648576u);
  CHECK(mitch::decode_channel(6648576u).provider_id == 101);
  CHECK(mitch::encode_ticker_id(mitch::decode_ticker_id(eurusd)) == eurusd);
  CHECK(mitch::name_key("Apple Inc.") == "apple");
  CHECK(mitch::jaro_winkler("MARTHA", "MARHTA") > 0.9);
  CHECK(mitch::body_size(mitch::message_type::order_book) == 2072);
  CHECK(mitch::message_size(mitch::message_type::trade, 2) == 72);
  CHECK(mitch::validate_stream(buf).bodies == 2);
  std::vector<mitch::trade> back(2);
  CHECK(mitch::decode_batch(mitch::byte_view(buf).subview(8), back) == 2 && back[1] == two[1]);
  mitch::check_library();
}

TEST(iteration_throws_at_damage) {
  auto buf = a_capture();
  buf[8 + 96] = 'Z';
  std::size_t seen = 0;
  bool caught = false;
  try {
    for (auto &msg : mitch::messages(buf)) {
      (void)msg;
      seen++;
    }
  } catch (const mitch::invalid_message_type_error &e) {
    caught = e.message_offset() == 8 + 96 && e.index() == 1;
  }
  CHECK(caught && seen == 1);
  caught = false;
  auto good = a_capture();
  for (auto &msg : mitch::messages(good)) {
    if (msg.is<mitch::trade>()) {
      try {
        (void)msg.bodies<mitch::order>();
      } catch (const mitch::invalid_message_type_error &) {
        caught = true;
      }
      CHECK(msg.body<mitch::trade>(1) == a_trade(2));
    }
  }
  CHECK(caught);
}
#endif

/* ====================================================================== */
/* std::span (C++20)                                                      */
/* ====================================================================== */

#if defined(MITCH_HPP_STD_SPAN)
TEST(std_span_in_and_out) {
  std::vector<mitch::trade> trades{a_trade(1), a_trade(2), a_trade(3)};
  std::vector<std::byte> wire(3 * 32);
  std::span<std::byte> out(wire);
  std::span<const mitch::trade> in(trades);
  REQUIRE(mitch::try_encode_batch(in, out) == mitch::status::ok);
  std::array<mitch::trade, 3> back;
  std::span<mitch::trade> dst(back);
  std::span<const std::byte> src(wire);
  REQUIRE(mitch::try_decode_batch(src, dst) == mitch::status::ok);
  CHECK(back[2] == trades[2]);
  mitch::byte_view v(src);
  std::span<const std::byte> again = v;
  CHECK(again.size() == 96 && again.data() == wire.data());
  mitch::span<mitch::trade> mine(trades);
  std::span<mitch::trade> theirs = mine;
  CHECK(theirs.size() == 3 && theirs.data() == trades.data());
}
#endif

/* ====================================================================== */
/* Found by the hostile-input sweep (test_sweep.cpp)                      */
/* ====================================================================== */

/* An error_info is a public aggregate: a caller may fill its text by hand,
   to the last byte.  message() and what() stop at the array's end. */
TEST(error_text_without_nul_is_bounded) {
  struct {
    mitch::error_info info;
    char after[64];
  } s;
  s.info.status = mitch::status::invalid_field_value;
  s.info.text.fill('A');
  std::memset(s.after, 'B', sizeof s.after - 1);
  s.after[sizeof s.after - 1] = '\0';
  std::string_view m = s.info.message();
  CHECK(m.size() == s.info.text.size());
  CHECK(m.find('B') == std::string_view::npos);
#if defined(MITCH_HPP_EXCEPTIONS)
  mitch::invalid_field_value_error e(s.info);
  CHECK(std::strchr(e.what(), 'B') == nullptr);
  CHECK(std::strlen(e.what()) <= mitch::error_text_size + 63);
  CHECK(e.info().message().size() == s.info.text.size());
#endif
}

/* A default-constructed message holds no bytes: no view past its start. */
TEST(default_message_has_empty_views) {
  const mitch::message m;
  CHECK(m.bytes().empty() && m.size() == 0 && m.count() == 0);
  CHECK(m.body_bytes().empty() && m.body_bytes().size() == 0);
  CHECK(m.body_bytes(0).empty());
  mitch::trade out[1];
  CHECK(m.try_decode(out) == mitch::status::invalid_message_type);
}

/* A default message_range::iterator is an end iterator, as a default
   std::istream_iterator is: it used to dereference a null range.  ++ on
   an end body iterator used to step past the end and decode from there. */
TEST(default_iterators_are_ends) {
  const std::uint8_t none[1] = {0};
  auto range = mitch::try_messages(mitch::byte_view(none, 0));
  mitch::message_range::iterator it;
  CHECK(it == range.end() && range.end() == it && !(it != range.end()));
  ++it;
  it++;
  CHECK(it == range.end());
  /* So is a default body iterator, of an empty body_range; ++ stays. */
  mitch::body_range<mitch::trade> empty_bodies;
  mitch::body_range<mitch::trade>::iterator b;
  CHECK(b == empty_bodies.begin() && b == empty_bodies.end() && empty_bodies.empty());
  ++b;
  b++;
  CHECK(b == empty_bodies.end());
  auto e = empty_bodies.end();
  ++e;
  CHECK(e == empty_bodies.end());
}

/* More than 255 bodies is refused as C refuses a bad count: after the
   type, so an unknown type is still invalid_message_type. */
TEST(message_size_of_too_many_bodies_checks_the_type_first) {
  std::size_t c_size = 0, size = 77;
  int c_bad_type = mitch_calculate_message_size('x', 1, &c_size);
  int c_bad_count = mitch_calculate_message_size('t', 0, &c_size);
  CHECK(mitch::try_message_size(static_cast<mitch::message_type>('x'), 300, size) ==
        static_cast<mitch::status>(c_bad_type));
  CHECK(mitch::try_message_size(mitch::message_type::trade, 300, size) ==
        static_cast<mitch::status>(c_bad_count));
  CHECK(mitch::try_message_size(mitch::message_type::trade, static_cast<std::size_t>(-1), size) ==
        static_cast<mitch::status>(c_bad_count));
  CHECK(size == 77);
}

/* ====================================================================== */

int main(int argc, char **argv) {
  return harness::run_all(argc > 1 ? argv[1] : nullptr);
}
