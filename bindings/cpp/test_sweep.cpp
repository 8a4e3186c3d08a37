/*
 * test_sweep.cpp - every public function, constructor and member function
 * of include/mitch.hpp, fed hostile arguments (the C++ counterpart of
 * python/tests/test_hostile_sweep.py).
 *
 *   test_sweep [FILTER]     runs the groups whose name contains FILTER
 *   test_sweep --list       prints the names of the table (one a line)
 *   test_sweep --covers     prints the names of mitch.hpp the table calls
 *                           (sweep-complete.sh checks them against clang's
 *                           list of the header's public functions)
 *
 * Each name of the table is called `trials` times; trial k of name N draws
 * its arguments from a generator seeded with fnv1a(N) + k, so a failure
 * repeats and is reported with its name, seed and a bounded description of
 * the arguments.  The arguments: empty, short, odd-length and long byte
 * buffers (0, 1, 7, 31, 33, 5000 bytes), random bytes, valid bodies,
 * messages and captures with a damaged byte, nullptr+0 views; strings "",
 * invalid UTF-8, 1 MB, embedded NUL; numbers min/max/0/-1, NaN, +-inf,
 * -0.0; huge counts and offsets; default-constructed values, hostile field
 * values, codes no enum defines (static_cast).
 *
 * The verdicts: returning, or throwing mitch::error (the class of its
 * status, what() bounded) is fine; another exception type, a sanitizer
 * report or a crash is a failure.  Beside that: a try_ call and its
 * throwing twin agree; a failed call leaves the caller's output untouched
 * (where the header promises it: encoders, single decodes, the registry's
 * out parameters; the bulk decoders keep everything after the valid
 * prefix); an empty container (data() NULL) and an empty view that points
 * somewhere are the same input; error texts stay short.
 *
 * make check runs it plainly; run it by hand under valgrind or built with
 * -fsanitize=address,undefined (see bindings/cpp/README.md).  It needs
 * exceptions: bodies of the -fno-exceptions build are the try_ calls,
 * which this program calls too.
 */
#include <mitch.hpp>

#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <typeinfo>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define SWEEP_HAVE_WRITE 1
#endif

#include "test_harness.hpp"
#include "test_samples.hpp"

#if !defined(MITCH_HPP_EXCEPTIONS)
int main() {
  std::printf("test_sweep needs exceptions: 0 passed, 0 failed\n");
  return 77;
}
#else

namespace {

constexpr int trials = 100;
using namespace samples;
using u8 = std::uint8_t;
using u16 = std::uint16_t;
using u32 = std::uint32_t;
using u64 = std::uint64_t;
using bytes = std::vector<u8>;

/* ---- the generator ------------------------------------------------------ */

std::uint64_t fnv1a(const char *s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; ++s) {
    h ^= static_cast<u8>(*s);
    h *= 0x100000001b3ull;
  }
  return h;
}

struct rng {
  std::uint64_t s;
  std::uint64_t next() { /* splitmix64 */
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  T pick(const T (&a)[N]) { return a[below(N)]; }
};

/* ---- what the current call is, for reports and crashes ------------------ */

struct current_call {
  const char *name = "";
  std::uint64_t seed = 0;
  int trial = 0;
  std::string args; /* bounded: each argument adds at most ~60 characters */
};
current_call now;
unsigned entry_failures = 0;

/* One printable, bounded description of a string or bytes. */
std::string describe(const void *p, std::size_t n, const char *kind) {
  std::string out = kind;
  out += "[" + std::to_string(n) + "]";
  if (!p) {
    out += "(null)";
    return out;
  }
  out += "\"";
  const auto *b = static_cast<const u8 *>(p);
  for (std::size_t i = 0; i < n && i < 16; ++i) {
    char hex[8];
    if (b[i] >= 0x20 && b[i] < 0x7f && b[i] != '"' && b[i] != '\\')
      out += static_cast<char>(b[i]);
    else {
      std::snprintf(hex, sizeof hex, "\\x%02x", b[i]);
      out += hex;
    }
  }
  if (n > 16)
    out += "...";
  out += "\"";
  return out;
}

void arg(const std::string &s) {
  if (!now.args.empty())
    now.args += ", ";
  now.args += s.size() > 70 ? s.substr(0, 70) + "..." : s;
}
void arg(const char *name, double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%s=%a", name, v);
  arg(std::string(b));
}
void arg(const char *name, u64 v) {
  char b[64];
  std::snprintf(b, sizeof b, "%s=%#llx", name, static_cast<unsigned long long>(v));
  arg(std::string(b));
}

void failure(const std::string &what) {
  ++entry_failures;
  if (entry_failures > 3) { /* counted, not printed: the first ones say it */
    harness::failures()++;
    return;
  }
  char head[160];
  std::snprintf(head, sizeof head, "%s seed=%#llx trial=%d", now.name,
                static_cast<unsigned long long>(now.seed), now.trial);
  std::string msg = std::string(head) + " (" + now.args + "): " + what;
  harness::fail(__FILE__, __LINE__, msg.c_str());
}
#define EXPECT(cond)                                                                            \
  do {                                                                                          \
    if (!(cond))                                                                                \
      failure(#cond);                                                                           \
  } while (0)

/* A crash (or a sanitizer's report) names the call it happened in. */
void say_where() {
#if defined(SWEEP_HAVE_WRITE)
  char b[512];
  int n = std::snprintf(b, sizeof b, "\ntest_sweep: died in %s seed=%#llx trial=%d (%.300s)\n",
                        now.name, static_cast<unsigned long long>(now.seed), now.trial,
                        now.args.c_str());
  if (n > 0)
    (void)!write(2, b, static_cast<std::size_t>(n) < sizeof b ? static_cast<std::size_t>(n)
                                                              : sizeof b - 1);
#endif
}
extern "C" void on_signal(int sig) {
  say_where();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}
}  // namespace

#if defined(__GNUC__)
extern "C" void __sanitizer_set_death_callback(void (*)(void)) __attribute__((weak));
#endif

namespace {
extern "C" void on_sanitizer_death() { say_where(); }

/* ---- hostile values ------------------------------------------------------ */

const double nan_ = std::numeric_limits<double>::quiet_NaN();
const double inf_ = std::numeric_limits<double>::infinity();

double any_double(rng &r) {
  static const double pool[] = {0.0,      -0.0,   1.0,     1.5,  1.0825, -1.0,
                                100.0,    1e-300, 1e308,   2.0,  0.5,    50.0,
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::denorm_min(),
                                -std::numeric_limits<double>::max()};
  switch (r.below(8)) {
    case 0: return nan_;
    case 1: return -nan_;
    case 2: return r.chance(50) ? inf_ : -inf_;
    case 3: return static_cast<double>(r.below(2000000)) / 1000000.0;
    default: return r.pick(pool);
  }
}

u64 any_u64(rng &r) {
  static const u64 pool[] = {0, 1, ~0ull, u64{1} << 48, (u64{1} << 48) - 1, eurusd,
                             u64{1} << 63, 0x7fffffffffffffffull, 10, 255, 256};
  return r.chance(20) ? r.next() : r.pick(pool);
}
u32 any_u32(rng &r) {
  static const u32 pool[] = {0, 1, 0xffffffffu, 0x7fffffffu, 0x80000000u, 100, 0x00027400u,
                             0x00017400u, 0xffff7400u, 0x0001ff00u};
  return r.chance(20) ? static_cast<u32>(r.next()) : r.pick(pool);
}
std::int32_t any_i32(rng &r) {
  static const std::int32_t pool[] = {0, 1, -1, std::numeric_limits<std::int32_t>::min(),
                                      std::numeric_limits<std::int32_t>::max(), 5, -5};
  return r.chance(20) ? static_cast<std::int32_t>(static_cast<u32>(r.next())) : r.pick(pool);
}
u16 any_u16(rng &r) {
  static const u16 pool[] = {0, 1, 0xffff, 0x7fff, 10000, 10001, 840, 978, 826};
  return r.chance(20) ? static_cast<u16>(r.next()) : r.pick(pool);
}
std::int16_t any_i16(rng &r) {
  static const std::int16_t pool[] = {0, 1, -1, -10000, 10000, -10001, 10001,
                                      std::numeric_limits<std::int16_t>::min(),
                                      std::numeric_limits<std::int16_t>::max()};
  return r.pick(pool);
}
u8 any_u8(rng &r) {
  static const u8 pool[] = {0, 1, 2, 3, 4, 5, 15, 16, 100, 101, 127, 128, 255, 't', 'o', 's', 'i', 'b', 'x'};
  return r.chance(30) ? static_cast<u8>(r.next()) : r.pick(pool);
}
std::size_t any_size(rng &r) {
  static const std::size_t pool[] = {0, 1, 2, 7, 31, 32, 33, 255, 256, 5000,
                                     static_cast<std::size_t>(-1), static_cast<std::size_t>(-1) / 2,
                                     static_cast<std::size_t>(-1) / 32 + 1,
                                     static_cast<std::size_t>(-1) / 2072 + 1};
  return r.chance(20) ? r.below(10000) : r.pick(pool);
}

/* A coded field: sometimes a defined code, often any byte (undefined ones
   made with static_cast, as a caller or a corrupt file would). */
template <class E>
E any_enum(rng &r, std::initializer_list<E> defined) {
  if (r.chance(40))
    return *(defined.begin() + r.below(defined.size()));
  return static_cast<E>(any_u8(r));
}
mitch::message_type any_type(rng &r) {
  using m = mitch::message_type;
  return any_enum<m>(r, {m::trade, m::order, m::tick, m::index, m::order_book});
}
mitch::side any_side(rng &r) {
  return any_enum<mitch::side>(r, {mitch::side::buy, mitch::side::sell});
}
mitch::order_type any_order_type(rng &r) {
  using o = mitch::order_type;
  return any_enum<o>(r, {o::market, o::limit, o::stop, o::cancel});
}
mitch::instrument_type any_instrument(rng &r) {
  using i = mitch::instrument_type;
  return any_enum<i>(r, {i::spot, i::future, i::call_option, i::structured_product});
}
mitch::asset_class any_class(rng &r) {
  using a = mitch::asset_class;
  return any_enum<a>(r, {a::equities, a::forex, a::crypto, a::commodities, a::indices, a::loans});
}
mitch::bin_aggregator any_agg(rng &r) {
  using b = mitch::bin_aggregator;
  return any_enum<b>(r, {b::lingaussian, b::lingeoflat, b::bilingeo, b::trilinear});
}
mitch::book_side any_book_side(rng &r) {
  static const int pool[] = {0, 1, -1, 2, std::numeric_limits<int>::min(),
                             std::numeric_limits<int>::max()};
  return r.chance(50) ? (r.chance(50) ? mitch::book_side::bid : mitch::book_side::ask)
                      : static_cast<mitch::book_side>(r.pick(pool));
}

mitch::header good_header() { return mitch::header{mitch::message_type::trade, 1, 5}; }

/* A valid value with, now and then, hostile fields; or a default one. */
template <class T>
T hostile(rng &r);
template <>
mitch::trade hostile<mitch::trade>(rng &r) {
  if (r.chance(10))
    return mitch::trade{};
  mitch::trade v = a_trade(static_cast<u32>(1 + r.below(50)));
  if (r.chance(35)) v.ticker_id = any_u64(r);
  if (r.chance(35)) v.price = any_double(r);
  if (r.chance(35)) v.quantity = any_u32(r);
  if (r.chance(35)) v.trade_id = any_u32(r);
  if (r.chance(35)) v.side = any_side(r);
  return v;
}
template <>
mitch::order hostile<mitch::order>(rng &r) {
  if (r.chance(10))
    return mitch::order{};
  mitch::order v = an_order();
  if (r.chance(35)) v.ticker_id = any_u64(r);
  if (r.chance(35)) v.order_id = any_u32(r);
  if (r.chance(35)) v.price = any_double(r);
  if (r.chance(35)) v.quantity = any_u32(r);
  if (r.chance(35)) v.order_type = any_order_type(r);
  if (r.chance(35)) v.side = any_side(r);
  if (r.chance(35)) v.expiry_ms = any_u64(r);
  return v;
}
template <>
mitch::tick hostile<mitch::tick>(rng &r) {
  if (r.chance(10))
    return mitch::tick{};
  mitch::tick v = a_tick();
  if (r.chance(35)) v.ticker_id = any_u64(r);
  if (r.chance(35)) v.bid_price = any_double(r);
  if (r.chance(35)) v.ask_price = any_double(r);
  if (r.chance(35)) v.bid_volume = any_u32(r);
  if (r.chance(35)) v.ask_volume = any_u32(r);
  return v;
}
template <>
mitch::index hostile<mitch::index>(rng &r) {
  if (r.chance(10))
    return mitch::index{};
  mitch::index v = an_index();
  if (r.chance(25)) v.ticker_id = any_u64(r);
  if (r.chance(25)) v.mid = any_double(r);
  if (r.chance(25)) v.v_bid = any_u32(r);
  if (r.chance(25)) v.v_ask = any_u32(r);
  if (r.chance(25)) v.m_spread = any_i32(r);
  if (r.chance(25)) v.b_bid_o = any_i32(r);
  if (r.chance(25)) v.b_ask_o = any_i32(r);
  if (r.chance(25)) v.w_bid_o = any_i32(r);
  if (r.chance(25)) v.w_ask_o = any_i32(r);
  if (r.chance(25)) v.v_force = any_u16(r);
  if (r.chance(25)) v.l_force = any_u16(r);
  if (r.chance(25)) v.t_force = any_i16(r);
  if (r.chance(25)) v.m_force = any_i16(r);
  if (r.chance(25)) v.confidence = any_u8(r);
  if (r.chance(25)) v.rejected = any_u8(r);
  if (r.chance(25)) v.accepted = any_u8(r);
  return v;
}
template <>
mitch::order_book hostile<mitch::order_book>(rng &r) {
  if (r.chance(10))
    return mitch::order_book{};
  mitch::order_book v = a_book();
  if (r.chance(35)) v.ticker_id = any_u64(r);
  if (r.chance(35)) v.mid_price = any_double(r);
  if (r.chance(35)) v.bin_aggregator = any_agg(r);
  if (r.chance(35)) {
    std::size_t i = r.below(mitch::bins_per_side);
    v.bids[i] = mitch::bin{any_u32(r), any_u32(r)};
    v.asks[mitch::bins_per_side - 1 - i] = mitch::bin{any_u32(r), any_u32(r)};
  }
  return v;
}
template <>
mitch::header hostile<mitch::header>(rng &r) {
  if (r.chance(10))
    return mitch::header{};
  mitch::header v = good_header();
  if (r.chance(40)) v.message_type = any_type(r);
  if (r.chance(40)) v.count = any_u8(r);
  if (r.chance(40)) v.timestamp = any_u64(r);
  return v;
}
mitch::ticker_fields hostile_fields(rng &r) {
  mitch::ticker_fields f = mitch::decode_ticker_id(eurusd);
  if (r.chance(10))
    return mitch::ticker_fields{};
  if (r.chance(40)) f.instrument_type = static_cast<mitch::instrument_type>(any_u8(r));
  if (r.chance(40)) f.base_class = static_cast<mitch::asset_class>(any_u8(r));
  if (r.chance(40)) f.base_id = any_u16(r);
  if (r.chance(40)) f.quote_class = static_cast<mitch::asset_class>(any_u8(r));
  if (r.chance(40)) f.quote_id = any_u16(r);
  if (r.chance(40)) f.sub_type = any_u32(r);
  return f;
}

template <class T>
const char *type_name() {
  if constexpr (std::is_same_v<T, mitch::trade>) return "trade";
  else if constexpr (std::is_same_v<T, mitch::order>) return "order";
  else if constexpr (std::is_same_v<T, mitch::tick>) return "tick";
  else if constexpr (std::is_same_v<T, mitch::index>) return "index";
  else if constexpr (std::is_same_v<T, mitch::order_book>) return "order_book";
  else return "header";
}
/* A few fields (not the struct's bytes: its padding is indeterminate). */
template <class T>
std::string describe_value(const T &v) {
  char b[160];
  if constexpr (std::is_same_v<T, mitch::header>)
    std::snprintf(b, sizeof b, "header{type=%u count=%u ts=%#llx}", mitch::to_underlying(v.message_type),
                  v.count, static_cast<unsigned long long>(v.timestamp));
  else if constexpr (std::is_same_v<T, mitch::trade>)
    std::snprintf(b, sizeof b, "trade{%#llx %a q=%u id=%u side=%u}", static_cast<unsigned long long>(v.ticker_id),
                  v.price, v.quantity, v.trade_id, mitch::to_underlying(v.side));
  else if constexpr (std::is_same_v<T, mitch::order>)
    std::snprintf(b, sizeof b, "order{%#llx id=%u %a q=%u type=%u side=%u exp=%#llx}",
                  static_cast<unsigned long long>(v.ticker_id), v.order_id, v.price, v.quantity,
                  mitch::to_underlying(v.order_type), mitch::to_underlying(v.side),
                  static_cast<unsigned long long>(v.expiry_ms));
  else if constexpr (std::is_same_v<T, mitch::tick>)
    std::snprintf(b, sizeof b, "tick{%#llx %a %a %u %u}", static_cast<unsigned long long>(v.ticker_id),
                  v.bid_price, v.ask_price, v.bid_volume, v.ask_volume);
  else if constexpr (std::is_same_v<T, mitch::index>)
    std::snprintf(b, sizeof b, "index{%#llx %a conf=%u acc=%u vf=%u tf=%d}", static_cast<unsigned long long>(v.ticker_id),
                  v.mid, v.confidence, v.accepted, v.v_force, v.t_force);
  else
    std::snprintf(b, sizeof b, "order_book{%#llx %a agg=%u}", static_cast<unsigned long long>(v.ticker_id),
                  v.mid_price, mitch::to_underlying(v.bin_aggregator));
  return b;
}

/* The wire bytes of a valid value (through the C library, the reference). */
template <class T>
bytes wire_of(const T &v) {
  bytes out(mitch::wire_size_v<T>);
  if (mitch::try_encode(v, out) != mitch::status::ok)
    out.assign(out.size(), 0xEE);
  return out;
}

template <class T>
bytes message_of(const std::vector<T> &bodies, u64 ts) {
  bytes out(mitch::header_size + bodies.size() * mitch::wire_size_v<T>);
  std::size_t n = 0;
  if (mitch::try_encode_message(ts, bodies, out, &n) != mitch::status::ok)
    n = 0;
  out.resize(n);
  return out;
}

/* trades, ticks, an order, an index, an order book */
const bytes &good_capture() {
  static const bytes cap = [] {
    bytes c;
    auto add = [&c](const bytes &m) { c.insert(c.end(), m.begin(), m.end()); };
    add(message_of(std::vector<mitch::trade>{a_trade(1), a_trade(2), a_trade(3)}, 10));
    add(message_of(std::vector<mitch::tick>{a_tick(), a_tick()}, 20));
    add(message_of(std::vector<mitch::order>{an_order()}, 30));
    add(message_of(std::vector<mitch::index>{an_index()}, 40));
    add(message_of(std::vector<mitch::order_book>{a_book()}, 50));
    add(message_of(std::vector<mitch::trade>{a_trade(4)}, 60));
    return c;
  }();
  return cap;
}

/* Hostile input bytes: the vector and whether the view is nullptr+0. */
struct input {
  bytes v;
  bool null = false;
  std::size_t claimed = 0; /* null: the size the view claims (nullptr+N is the caller's NULL) */
  mitch::byte_view view() const {
    return null ? mitch::byte_view(nullptr, claimed) : mitch::byte_view(v.data(), v.size());
  }
};

void damage(rng &r, bytes &b) {
  if (!b.empty())
    b[r.below(b.size())] = static_cast<u8>(r.next());
}

bytes random_bytes(rng &r, std::size_t n) {
  bytes b(n);
  for (auto &x : b)
    x = static_cast<u8>(r.next());
  return b;
}

std::size_t any_length(rng &r) {
  static const std::size_t pool[] = {0, 1, 7, 31, 33, 5000, 8, 32, 64, 2072};
  return r.pick(pool);
}

input any_input(rng &r) {
  input in;
  switch (r.below(12)) {
    case 0: in.null = true; in.claimed = r.chance(70) ? 0 : any_length(r); break;
    case 1: in.v = random_bytes(r, any_length(r)); break;
    case 2: in.v.assign(any_length(r), r.chance(50) ? 0 : 0xff); break;
    case 3: in.v = wire_of(hostile<mitch::trade>(r)); break;
    case 4: in.v = wire_of(a_book()); damage(r, in.v); break;
    case 5: in.v = wire_of(an_index()); if (r.chance(70)) damage(r, in.v); break;
    case 6: in.v = message_of(std::vector<mitch::trade>{a_trade(1), a_trade(2)}, 7);
            if (r.chance(60)) damage(r, in.v);
            break;
    case 7: in.v = good_capture(); break;
    case 8: in.v = good_capture(); damage(r, in.v); break;
    case 9: in.v = good_capture(); in.v.resize(r.below(in.v.size())); break;
    case 10: {
      in.v = good_capture();
      bytes tail = random_bytes(r, 1 + r.below(40));
      in.v.insert(in.v.end(), tail.begin(), tail.end());
      break;
    }
    default: in.v = wire_of(an_order()); in.v.resize(r.below(in.v.size() + 1)); break;
  }
  arg(in.null ? describe(nullptr, in.claimed, "bytes") : describe(in.v.data(), in.v.size(), "bytes"));
  return in;
}

/* An output buffer, filled with a pattern so that a write shows. */
constexpr u8 pattern = 0xA5;
struct output {
  bytes v;
  bool null = false;
  std::size_t claimed = 0;
  mitch::mutable_byte_view view() {
    return null ? mitch::mutable_byte_view(nullptr, claimed) : mitch::mutable_byte_view(v.data(), v.size());
  }
  bool untouched() const {
    for (u8 b : v)
      if (b != pattern)
        return false;
    return true;
  }
};
output any_output(rng &r, std::size_t fits) {
  output o;
  static const std::size_t lengths[] = {0, 1, 7, 31, 33, 5000};
  if (r.chance(15)) {
    o.null = true;
    o.claimed = r.chance(70) ? 0 : fits;
  } else {
    o.v.assign(r.chance(50) ? fits + r.below(3) : r.pick(lengths), pattern);
  }
  arg("out[" + (o.null ? "null+" + std::to_string(o.claimed) : std::to_string(o.v.size())) + "]");
  return o;
}

/* Hostile text. */
std::string any_string(rng &r) {
  static const std::string megabyte(1u << 20, 'x');
  static const char *pool[] = {"", "EURUSD", "BTC-USDT", "EURUSD.m", "^SPX", "Apple Inc.",
                               "BTC", "Etherium", "NYSE", "USD", "usd", " ", "...",
                               "\xff\xfe\xfd", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80",
                               "\xf4\x90\x80\x80", "\xc0\xaf"};
  std::string s;
  switch (r.below(8)) {
    case 0: s = megabyte; break;
    case 1: s = std::string("EUR\0USD", 7); break;
    case 2: s.assign(mitch::query_max, 'a'); break;
    case 3: s.assign(mitch::query_max + 1, 'a'); break;
    case 4: {
      bytes b = random_bytes(r, r.below(40));
      s.assign(b.begin(), b.end());
      break;
    }
    default: s = r.pick(pool); break;
  }
  arg(describe(s.data(), s.size(), "str"));
  return s;
}

template <class T>
std::vector<T> any_bodies(rng &r) {
  static const std::size_t lengths[] = {0, 0, 1, 2, 3, 255, 256, 300};
  std::size_t n = r.pick(lengths);
  std::vector<T> v(n);
  bool all_good = r.chance(40);
  for (auto &x : v)
    x = all_good ? hostile<T>(r) : hostile<T>(r);
  if (all_good && !v.empty())
    for (std::size_t i = 0; i < v.size(); ++i)
      if (r.chance(90))
        v[i] = [] {
          if constexpr (std::is_same_v<T, mitch::trade>) return a_trade(7);
          else if constexpr (std::is_same_v<T, mitch::order>) return an_order();
          else if constexpr (std::is_same_v<T, mitch::tick>) return a_tick();
          else if constexpr (std::is_same_v<T, mitch::index>) return an_index();
          else return a_book();
        }();
  arg(std::string(type_name<T>()) + "s[" + std::to_string(n) + "]" +
      (n ? " first " + describe_value(v[0]) : ""));
  return v;
}

/* ---- checks shared by the entries ---------------------------------------- */

/* What a try_ call's error_info must look like after it returned st. */
void check_why(mitch::status st, const mitch::error_info &why) {
  if (st == mitch::status::ok)
    return;
  EXPECT(why.status == st);
  EXPECT(why.text.back() == '\0');
  EXPECT(!why.message().empty() && why.message().size() < mitch::error_text_size);
}

/* A thrown mitch::error: of the class of its status, what() bounded. */
bool class_matches(const mitch::error &e) {
  using s = mitch::status;
  switch (e.status()) {
    case s::invalid_data: return dynamic_cast<const mitch::invalid_data_error *>(&e) != nullptr;
    case s::invalid_message_type:
      return dynamic_cast<const mitch::invalid_message_type_error *>(&e) != nullptr;
    case s::buffer_too_small: return dynamic_cast<const mitch::buffer_too_small_error *>(&e) != nullptr;
    case s::invalid_ticker_id: return dynamic_cast<const mitch::invalid_ticker_id_error *>(&e) != nullptr;
    case s::invalid_channel_id:
      return dynamic_cast<const mitch::invalid_channel_id_error *>(&e) != nullptr;
    case s::invalid_field_value:
      return dynamic_cast<const mitch::invalid_field_value_error *>(&e) != nullptr;
    case s::serialization: return dynamic_cast<const mitch::serialization_error *>(&e) != nullptr;
    case s::not_found: return dynamic_cast<const mitch::not_found_error *>(&e) != nullptr;
    default: return dynamic_cast<const mitch::unknown_error *>(&e) != nullptr;
  }
}
/* what(): the status text and the library's line, never more. */
constexpr std::size_t what_max = mitch::error_text_size + 63;

void check_thrown(const mitch::error &e, bool hostile_info) {
  std::size_t n = std::strlen(e.what());
  EXPECT(n <= what_max);
  EXPECT(e.code().category() == mitch::category());
  EXPECT(e.code().value() == static_cast<int>(e.status()));
  if (!hostile_info) {
    EXPECT(e.status() != mitch::status::ok && e.status() != mitch::status::end);
    EXPECT(class_matches(e));
  }
  EXPECT(e.info().message().size() < mitch::error_text_size + 64);
}

/* A throwing call and its try_ twin (run first) agree; the throw goes on
   to the sweep, which judges the exception. */
template <class Throwing>
void agrees(mitch::status try_status, Throwing &&call) {
  try {
    call();
  } catch (const mitch::error &e) {
    EXPECT(e.status() == try_status);
    throw;
  }
  EXPECT(try_status == mitch::status::ok);
}

/* Trivially copyable outputs: the bytes before the call, to compare. */
template <class T>
struct keep {
  static_assert(std::is_trivially_copyable_v<T>);
  unsigned char before[sizeof(T)];
  explicit keep(T &v) {
    std::memset(static_cast<void *>(&v), pattern, sizeof v);
    std::memcpy(before, &v, sizeof v);
  }
  bool same(const T &v) const { return std::memcmp(before, &v, sizeof v) == 0; }
};

/* ---- the table ------------------------------------------------------------ */

/* name says what the entry calls ("try_decode<trade>", "encode<trade>(v)",
   "asset_count/try_asset_at/asset_at": a '/' list, template arguments and a
   parenthesized variant are not part of the names); an entry that calls the
   members of one class says which in covers instead ("byte_view::size ...").
   --covers prints those names; bindings/cpp/sweep-complete.sh checks them
   against the public names clang finds in mitch.hpp, both ways. */
struct entry {
  const char *name;
  void (*fn)(rng &);
  const char *covers = nullptr;
};

void run_entries(const entry *first, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const entry &e = first[k];
    entry_failures = 0;
    for (int t = 0; t < trials; ++t) {
      now.name = e.name;
      now.seed = fnv1a(e.name) + static_cast<u64>(t);
      now.trial = t;
      now.args.clear();
      rng r{now.seed};
      try {
        e.fn(r);
      } catch (const mitch::error &ex) {
        check_thrown(ex, false);
      } catch (const std::exception &ex) {
        failure(std::string("escaped ") + typeid(ex).name() + ": " +
                std::string(ex.what()).substr(0, 80));
      } catch (...) {
        failure("escaped an exception of unknown type");
      }
    }
  }
  now.name = "";
}

#define ENTRY(name_, ...) entry{name_, [](rng & r) { (void)r; __VA_ARGS__ }}
/* An entry for the members of a class: covers_ lists them. */
#define MEMBERS(name_, covers_, ...) entry{name_, [](rng & r) { (void)r; __VA_ARGS__ }, covers_}

/* -- one value <-> its bytes, for each type -- */
template <class T>
void value_entries(std::vector<entry> &t) {
  static const std::string n_validate = std::string("try_validate<") + type_name<T>() + ">";
  static const std::string n_encode = std::string("try_encode<") + type_name<T>() + ">";
  static const std::string n_decode = std::string("try_decode<") + type_name<T>() + ">";
  static const std::string t_validate = std::string("validate<") + type_name<T>() + ">";
  static const std::string t_encode = std::string("encode<") + type_name<T>() + ">(v, out)";
  static const std::string t_encode1 = std::string("encode<") + type_name<T>() + ">(v)";
  static const std::string t_decode = std::string("decode<") + type_name<T>() + ">";
  t.push_back(entry{n_validate.c_str(), [](rng &r) {
                      T v = hostile<T>(r);
                      arg(describe_value(v));
                      mitch::error_info why;
                      check_why(mitch::try_validate(v, &why), why);
                      EXPECT(mitch::try_validate(v) == mitch::try_validate(v, &why));
                    }});
  t.push_back(entry{n_encode.c_str(), [](rng &r) {
                      T v = hostile<T>(r);
                      arg(describe_value(v));
                      output o = any_output(r, mitch::wire_size_v<T>);
                      mitch::error_info why;
                      mitch::status st = mitch::try_encode(v, o.view(), &why);
                      check_why(st, why);
                      if (st != mitch::status::ok)
                        EXPECT(o.untouched());
                    }});
  t.push_back(entry{n_decode.c_str(), [](rng &r) {
                      input in = any_input(r);
                      T out;
                      keep<T> k(out);
                      mitch::error_info why;
                      mitch::status st = mitch::try_decode(in.view(), out, &why);
                      check_why(st, why);
                      if (st != mitch::status::ok)
                        EXPECT(k.same(out));
                      if (in.view().size() == 0) { /* nullptr+0 and a pointer+0 are the same input */
                        u8 one = 0;
                        EXPECT(mitch::try_decode(mitch::byte_view(&one, 0), out) == st);
                      }
                    }});
  t.push_back(entry{t_validate.c_str(), [](rng &r) {
                      T v = hostile<T>(r);
                      arg(describe_value(v));
                      agrees(mitch::try_validate(v), [&] { mitch::validate(v); });
                    }});
  t.push_back(entry{t_encode.c_str(), [](rng &r) {
                      T v = hostile<T>(r);
                      arg(describe_value(v));
                      output o = any_output(r, mitch::wire_size_v<T>);
                      output o2 = o;
                      mitch::status st = mitch::try_encode(v, o2.view());
                      try {
                        agrees(st, [&] { EXPECT(mitch::encode(v, o.view()) == mitch::wire_size_v<T>); });
                      } catch (const mitch::error &) {
                        EXPECT(o.untouched());
                        throw;
                      }
                    }});
  t.push_back(entry{t_encode1.c_str(), [](rng &r) {
                      T v = hostile<T>(r);
                      arg(describe_value(v));
                      u8 room[mitch::wire_size_v<T>];
                      agrees(mitch::try_encode(v, mitch::mutable_byte_view(room, sizeof room)),
                             [&] { (void)mitch::encode(v); });
                    }});
  t.push_back(entry{t_decode.c_str(), [](rng &r) {
                      input in = any_input(r);
                      T out;
                      agrees(mitch::try_decode(in.view(), out), [&] { (void)mitch::decode<T>(in.view()); });
                    }});
}

/* -- many bodies -- */
template <class T>
void batch_entries(std::vector<entry> &t) {
  static const std::string n_dec = std::string("try_decode_batch<") + type_name<T>() + ">";
  static const std::string n_enc = std::string("try_encode_batch<") + type_name<T>() + ">";
  static const std::string t_dec = std::string("decode_batch<") + type_name<T>() + ">";
  static const std::string t_enc = std::string("encode_batch<") + type_name<T>() + ">";
  t.push_back(entry{n_dec.c_str(), [](rng &r) {
                      input in = any_input(r);
                      static const std::size_t counts[] = {0, 0, 1, 2, 3, 64, 200};
                      std::vector<T> out(r.pick(counts));
                      arg("out[" + std::to_string(out.size()) + "]");
                      for (auto &x : out)
                        std::memset(static_cast<void *>(&x), pattern, sizeof x);
                      bytes before(out.size() * sizeof(T));
                      if (!out.empty()) std::memcpy(before.data(), out.data(), before.size());
                      std::size_t done = static_cast<std::size_t>(-1);
                      mitch::error_info why;
                      mitch::status st = mitch::try_decode_batch(in.view(), out, &done, &why);
                      check_why(st, why);
                      EXPECT(done <= out.size());
                      if (st != mitch::status::ok && done <= out.size())
                        for (std::size_t i = done; i < out.size(); ++i)
                          EXPECT(std::memcmp(&out[i], before.data() + i * sizeof(T), sizeof(T)) == 0);
                      if (out.empty()) {
                        T one;
                        std::size_t d2 = 0;
                        EXPECT(mitch::try_decode_batch(in.view(), mitch::span<T>(&one, 0), &d2) == st);
                      }
                    }});
  t.push_back(entry{n_enc.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      output o = any_output(r, v.size() * mitch::wire_size_v<T>);
                      std::size_t done = static_cast<std::size_t>(-1);
                      mitch::error_info why;
                      mitch::status st = mitch::try_encode_batch(v, o.view(), &done, &why);
                      check_why(st, why);
                      EXPECT(done <= v.size());
                      if (st != mitch::status::ok)
                        EXPECT(o.untouched());
                      if (v.empty()) {
                        T one{};
                        output o2 = o;
                        EXPECT(mitch::try_encode_batch(mitch::span<const T>(&one, 0), o2.view()) == st);
                      }
                    }});
  t.push_back(entry{t_dec.c_str(), [](rng &r) {
                      input in = any_input(r);
                      std::vector<T> out(r.below(4));
                      std::vector<T> out2(out.size());
                      agrees(mitch::try_decode_batch(in.view(), out2),
                             [&] { EXPECT(mitch::decode_batch(in.view(), out) == out.size()); });
                    }});
  t.push_back(entry{t_enc.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      output o = any_output(r, v.size() * mitch::wire_size_v<T>);
                      output o2 = o;
                      try {
                        agrees(mitch::try_encode_batch(v, o2.view()), [&] {
                          EXPECT(mitch::encode_batch(v, o.view()) == v.size() * mitch::wire_size_v<T>);
                        });
                      } catch (const mitch::error &) {
                        EXPECT(o.untouched());
                        throw;
                      }
                    }});
}

/* -- whole messages -- */
template <class T>
void message_entries(std::vector<entry> &t) {
  static const std::string n_enc = std::string("try_encode_message<") + type_name<T>() + ">";
  static const std::string t_enc = std::string("encode_message<") + type_name<T>() + ">";
  static const std::string n_cap = std::string("try_encode_capture<") + type_name<T>() + ">";
  static const std::string t_cap = std::string("encode_capture<") + type_name<T>() + ">(b, ts, out)";
  static const std::string t_capv = std::string("encode_capture<") + type_name<T>() + ">(b, ts)";
  t.push_back(entry{n_enc.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      u64 ts = any_u64(r);
                      arg("ts", ts);
                      output o = any_output(r, mitch::header_size + v.size() * mitch::wire_size_v<T>);
                      std::size_t written = 12345;
                      mitch::error_info why;
                      mitch::status st = mitch::try_encode_message(ts, v, o.view(), &written, &why);
                      check_why(st, why);
                      if (st != mitch::status::ok) {
                        EXPECT(o.untouched());
                        EXPECT(written == 12345);
                      }
                    }});
  t.push_back(entry{t_enc.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      u64 ts = any_u64(r);
                      arg("ts", ts);
                      output o = any_output(r, mitch::header_size + v.size() * mitch::wire_size_v<T>);
                      output o2 = o;
                      try {
                        agrees(mitch::try_encode_message(ts, v, o2.view()),
                               [&] { (void)mitch::encode_message(ts, v, o.view()); });
                      } catch (const mitch::error &) {
                        EXPECT(o.untouched());
                        throw;
                      }
                    }});
  t.push_back(entry{n_cap.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      std::vector<u64> ts(r.chance(80) ? v.size() : r.below(5));
                      for (auto &x : ts)
                        x = r.chance(80) ? 10 + r.below(3) : any_u64(r);
                      arg("timestamps[" + std::to_string(ts.size()) + "]");
                      output o = any_output(r, v.size() * (mitch::wire_size_v<T> + mitch::header_size));
                      std::size_t written = 0;
                      mitch::error_info why;
                      mitch::status st = mitch::try_encode_capture(v, ts, o.view(), written, &why);
                      check_why(st, why);
                      if (st != mitch::status::ok)
                        EXPECT(o.untouched());
                    }});
  t.push_back(entry{t_cap.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      std::vector<u64> ts(r.chance(80) ? v.size() : r.below(5));
                      for (auto &x : ts)
                        x = r.chance(80) ? 10 + r.below(3) : any_u64(r);
                      arg("timestamps[" + std::to_string(ts.size()) + "]");
                      output o = any_output(r, v.size() * (mitch::wire_size_v<T> + mitch::header_size));
                      std::size_t written = 0;
                      try {
                        written = mitch::encode_capture(v, ts, o.view());
                      } catch (const mitch::error &) {
                        EXPECT(o.untouched());
                        throw;
                      }
                      /* returned: the bytes are in out, and they decode to v */
                      EXPECT(written <= o.v.size());
                      if (written <= o.v.size()) {
                        mitch::capture_counts c{};
                        EXPECT(mitch::try_count_capture(mitch::byte_view(o.v.data(), written), c) ==
                               mitch::status::ok);
                      }
                    }});
  t.push_back(entry{t_capv.c_str(), [](rng &r) {
                      std::vector<T> v = any_bodies<T>(r);
                      std::vector<u64> ts(r.chance(80) ? v.size() : r.below(5));
                      for (auto &x : ts)
                        x = r.chance(80) ? 10 + r.below(3) : any_u64(r);
                      arg("timestamps[" + std::to_string(ts.size()) + "]");
                      if (v.empty() && ts.empty()) { /* nothing to encode is no error */
                        try {
                          EXPECT(mitch::encode_capture(v, mitch::span<const u64>(ts)).empty());
                          EXPECT(mitch::encode_capture(v, ts, bytes()) == 0);
                        } catch (const mitch::error &e) {
                          failure(std::string("encoding no bodies threw: ") + e.what());
                        }
                      }
                      auto out = mitch::encode_capture(v, mitch::span<const u64>(ts));
                      EXPECT(v.empty() ? out.empty() : !out.empty());
                    }});
}

/* A message of a hostile buffer (or a default one). */
mitch::message any_message(rng &r, input &in) {
  in = any_input(r);
  mitch::message m;
  if (r.chance(15)) {
    arg("message{}");
    return m;
  }
  std::size_t want = r.below(4), k = 0;
  auto range = mitch::try_messages(in.view());
  for (auto it = range.begin(); it != range.end() && k < 64; ++it, ++k) {
    m = *it;
    if (k == want)
      break;
  }
  arg("message #" + std::to_string(k));
  return m;
}

template <class T>
void message_member_entries(std::vector<entry> &t) {
  static const std::string n_is = std::string("message::is<") + type_name<T>() + ">";
  static const std::string n_tb = std::string("message::try_bodies<") + type_name<T>() + ">";
  static const std::string n_td = std::string("message::try_decode<") + type_name<T>() + ">";
  static const std::string n_b = std::string("message::bodies<") + type_name<T>() + ">";
  static const std::string n_body = std::string("message::body<") + type_name<T>() + ">";
  static const std::string n_d = std::string("message::decode<") + type_name<T>() + ">";
  static const std::string n_range = std::string("body_range<") + type_name<T>() + "> members";
  t.push_back(entry{n_is.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      EXPECT(m.is<T>() == (m.type() == mitch::body_traits<T>::type));
                    }});
  t.push_back(entry{n_tb.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      mitch::body_range<T> b;
                      mitch::error_info why;
                      mitch::status st = m.try_bodies(b, &why);
                      check_why(st, why);
                      if (st == mitch::status::ok)
                        EXPECT(b.size() == m.count());
                    }});
  t.push_back(entry{n_td.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      std::vector<T> out(r.below(5));
                      for (auto &x : out)
                        std::memset(static_cast<void *>(&x), pattern, sizeof x);
                      bytes before(out.size() * sizeof(T));
                      if (!out.empty()) std::memcpy(before.data(), out.data(), before.size());
                      std::size_t n = 777;
                      mitch::error_info why;
                      mitch::status st = m.try_decode(out, &n, &why);
                      check_why(st, why);
                      if (st != mitch::status::ok) {
                        EXPECT(n == 777);
                        EXPECT(out.empty() ||
                               std::memcmp(out.data(), before.data(), out.size() * sizeof(T)) == 0);
                      } else {
                        EXPECT(n == m.count());
                      }
                    }});
  t.push_back(entry{n_b.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      mitch::body_range<T> b0;
                      agrees(m.try_bodies(b0), [&] {
                        std::size_t n = 0;
                        for (const T &v : m.bodies<T>()) {
                          EXPECT(mitch::try_validate(v) == mitch::status::ok);
                          ++n;
                        }
                        EXPECT(n == m.count());
                      });
                    }});
  t.push_back(entry{n_body.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      std::size_t i = r.chance(50) ? r.below(4) : any_size(r);
                      arg("i", static_cast<u64>(i));
                      T v = m.body<T>(i);
                      EXPECT(i < m.count());
                      EXPECT(mitch::try_validate(v) == mitch::status::ok);
                    }});
  t.push_back(entry{n_d.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      std::vector<T> out(r.below(5));
                      std::vector<T> out2(out.size());
                      agrees(m.try_decode(out2), [&] { EXPECT(m.decode(out) == m.count()); });
                    }});
  t.push_back(entry{n_range.c_str(), [](rng &r) {
                      input in;
                      mitch::message m = any_message(r, in);
                      mitch::body_range<T> b;
                      if (r.chance(80))
                        (void)m.try_bodies(b);
                      EXPECT(b.empty() == (b.size() == 0));
                      std::size_t n = 0;
                      for (auto it = b.begin(); it != b.end() && n < 300; it++, ++n) {
                        EXPECT(mitch::try_validate(*it) == mitch::status::ok);
                        EXPECT(it->ticker_id == (*it).ticker_id);
                      }
                      EXPECT(n == b.size());
                      for (std::size_t i = 0; i < b.size(); ++i) /* operator[]: i < size() */
                        EXPECT(mitch::try_validate(b[i]) == mitch::status::ok);
                      typename mitch::body_range<T>::iterator none, other;
                      EXPECT(none == other && !(none != other));
                    }, "body_range::body_range, body_range::begin, body_range::end, body_range::size, "
                       "body_range::empty, body_range::operator[], body_range::iterator::iterator, "
                       "body_range::iterator::operator*, body_range::iterator::operator->, "
                       "body_range::iterator::operator++"});
}

void capture_column_checks(const char *what, std::size_t count, const void *data, std::size_t cap,
                           std::size_t elem, bool failed) {
  (void)what;
  if (!data || !failed)
    return;
  const auto *p = static_cast<const u8 *>(data);
  for (std::size_t i = count * elem; i < cap * elem; ++i)
    if (p[i] != pattern) {
      failure(std::string(what) + ": a slot after the valid prefix was written");
      return;
    }
}

std::vector<entry> build_table() {
  std::vector<entry> t;
  /* -- status, category, error -- */
  t.push_back(ENTRY("status_message", {
    auto s = static_cast<mitch::status>(static_cast<int>(any_u32(r)));
    arg("status", static_cast<u64>(static_cast<int>(s)));
    auto m = mitch::status_message(s);
    EXPECT(!m.empty() && m.size() < 200);
  }));
  t.push_back(ENTRY("category", {
    const std::error_category &c = mitch::category();
    EXPECT(&c == &mitch::category());
    EXPECT(std::string(c.name()) == "mitch");
    int code = static_cast<int>(any_u32(r));
    arg("code", static_cast<u64>(code));
    EXPECT(c.message(code).size() < 200);
  }));
  t.push_back(ENTRY("make_error_code", {
    auto s = static_cast<mitch::status>(static_cast<int>(any_u32(r)));
    std::error_code ec = mitch::make_error_code(s);
    EXPECT(ec.value() == static_cast<int>(s) && ec.category() == mitch::category());
    EXPECT(ec.message().size() < 200);
    std::error_code ec2 = s;
    EXPECT(ec2 == ec);
  }));
  t.push_back(ENTRY("to_underlying", {
    u8 b = any_u8(r);
    EXPECT(mitch::to_underlying(static_cast<mitch::side>(b)) == b);
    EXPECT(mitch::to_underlying(static_cast<mitch::asset_class>(b)) == b);
    EXPECT(mitch::to_underlying(static_cast<mitch::book_side>(static_cast<int>(b))) == b);
  }));

  /* error_info and mitch::error with hostile contents: a caller can build
     them (they are public aggregates) */
  struct info_maker {
    static mitch::error_info make(rng &r) {
      mitch::error_info i;
      static const int statuses[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, -1, 12345,
                                     std::numeric_limits<int>::min()};
      i.status = static_cast<mitch::status>(r.pick(statuses));
      i.field = static_cast<int>(any_u32(r));
      i.value = any_double(r);
      i.index = any_size(r);
      i.offset = any_size(r);
      switch (r.below(4)) {
        case 0: break; /* empty text */
        case 1: std::snprintf(i.text.data(), i.text.size(), "price -1 is not > 0"); break;
        case 2: /* full, no NUL anywhere: a text the caller filled by hand */
          for (auto &c : i.text)
            c = static_cast<char>('A' + r.below(26));
          break;
        default:
          for (auto &c : i.text)
            c = static_cast<char>(1 + r.below(255));
          i.text.back() = '\0';
          break;
      }
      arg("info{status=" + std::to_string(static_cast<int>(i.status)) + ", text[0]=" +
          std::to_string(static_cast<int>(static_cast<u8>(i.text[0]))) +
          ", text.back=" + std::to_string(static_cast<int>(static_cast<u8>(i.text.back()))) + "}");
      return i;
    }
  };
  t.push_back(entry{"error_info::message", [](rng &r) {
                      mitch::error_info i = info_maker::make(r);
                      auto m = i.message();
                      EXPECT(!m.empty() && m.size() <= i.text.size());
                    }});
  t.push_back(entry{"error::error", [](rng &r) {
                      mitch::error_info i = info_maker::make(r);
                      mitch::error e(i);
                      check_thrown(e, true);
                      EXPECT(e.status() == i.status);
                      mitch::error copy(e);
                      EXPECT(std::strcmp(copy.what(), e.what()) == 0);
                    }, "error::error, error::status, error::what"});
  t.push_back(entry{"error accessors", [](rng &r) {
                      mitch::error_info i = info_maker::make(r);
                      i.field_name = "price";
                      i.rule = "must be > 0";
                      i.message_offset = any_size(r);
                      const mitch::error e(i);
                      EXPECT(e.field() == "price" && e.other_field().empty() && e.rule() == "must be > 0");
                      EXPECT(e.offset() == i.offset && e.index() == i.index &&
                             e.message_offset() == i.message_offset);
                      EXPECT(e.info().field == i.field);
                      EXPECT(std::strlen(e.what()) <= what_max);
                    }, "error::field, error::other_field, error::rule, error::offset, error::index, "
                       "error::message_offset, error::info, error::what"});
  t.push_back(entry{"error subclasses", [](rng &r) {
                      mitch::error_info i = info_maker::make(r);
                      const mitch::error *all[] = {
                          new mitch::invalid_data_error(i),   new mitch::invalid_message_type_error(i),
                          new mitch::buffer_too_small_error(i), new mitch::invalid_ticker_id_error(i),
                          new mitch::invalid_channel_id_error(i), new mitch::invalid_field_value_error(i),
                          new mitch::serialization_error(i),  new mitch::not_found_error(i),
                          new mitch::unknown_error(i)};
                      for (const mitch::error *e : all) {
                        check_thrown(*e, true);
                        delete e;
                      }
                    }, "error::status, error::what"});
  t.push_back(entry{"throw_error", [](rng &r) {
                      mitch::error_info i = info_maker::make(r);
                      try {
                        mitch::throw_error(i);
                      } catch (const mitch::error &e) {
                        EXPECT(e.status() == i.status);
                        EXPECT(class_matches(e));
                        check_thrown(e, true);
                        return;
                      }
                    }});

  /* -- views -- */
  t.push_back(MEMBERS("span members",
                      "span::span, span::size, span::size_bytes, span::empty, span::begin, span::end, "
                      "span::operator[], span::data, span::subspan, span::first", {
    input in = any_input(r);
    mitch::span<const u8> s = in.null ? mitch::span<const u8>() : mitch::span<const u8>(in.v);
    EXPECT(s.size() == (in.null ? 0 : in.v.size()) && s.size_bytes() == s.size());
    EXPECT(s.empty() == (s.size() == 0));
    EXPECT(static_cast<std::size_t>(s.end() - s.begin()) == s.size());
    if (!s.empty())
      EXPECT(s[s.size() - 1] == in.v.back() && s.data() == in.v.data());
    std::size_t off = any_size(r), cnt = any_size(r);
    arg("offset", static_cast<u64>(off));
    arg("count", static_cast<u64>(cnt));
    auto sub = s.subspan(off, cnt);
    EXPECT(sub.size() <= s.size());
    if (!s.empty())
      EXPECT(sub.data() >= s.data() && sub.data() + sub.size() <= s.data() + s.size());
    auto sub1 = s.subspan(off);
    EXPECT(sub1.size() == (off >= s.size() ? 0 : s.size() - off));
    EXPECT(s.first(cnt).size() == (cnt < s.size() ? cnt : s.size()));
    u8 arr[7] = {};
    mitch::span<u8> a(arr);
    EXPECT(a.size() == 7);
    std::vector<mitch::trade> tv(r.below(3));
    mitch::span<const mitch::trade> ts(tv);
    EXPECT(ts.size() == tv.size() && ts.size_bytes() == tv.size() * sizeof(mitch::trade));
  }));
  t.push_back(MEMBERS("byte_view members",
                      "byte_view::byte_view, byte_view::empty, byte_view::size, byte_view::begin, "
                      "byte_view::end, byte_view::operator[], byte_view::data, byte_view::subview", {
    input in = any_input(r);
    in.claimed = 0; /* (the bytes are read here: no view that lies about its size) */
    mitch::byte_view v = in.view();
    std::string str(in.v.begin(), in.v.end());
    mitch::byte_view from_string(str), from_vector(in.v);
    EXPECT(from_string.size() == str.size() && from_vector.size() == in.v.size());
    std::vector<std::byte> bb(in.v.size() % 9);
    EXPECT(mitch::byte_view(bb).size() == bb.size());
    EXPECT(v.empty() == (v.size() == 0));
    EXPECT(static_cast<std::size_t>(v.end() - v.begin()) == v.size());
    if (!v.empty())
      EXPECT(v[0] == in.v[0] && v.data() == in.v.data());
    std::size_t off = any_size(r), cnt = any_size(r);
    arg("offset", static_cast<u64>(off));
    arg("count", static_cast<u64>(cnt));
    auto sub = v.subview(off, cnt);
    EXPECT(sub.size() <= v.size());
    EXPECT(v.subview(off).size() == (off >= v.size() ? 0 : v.size() - off));
    if (!v.empty())
      EXPECT(sub.data() >= v.data() && sub.data() + sub.size() <= v.data() + v.size());
  }));
  t.push_back(MEMBERS("mutable_byte_view members",
                      "mutable_byte_view::mutable_byte_view, mutable_byte_view::empty, "
                      "mutable_byte_view::size, mutable_byte_view::begin, mutable_byte_view::end, "
                      "mutable_byte_view::operator[], mutable_byte_view::data, "
                      "mutable_byte_view::subview, mutable_byte_view::operator byte_view", {
    output o = any_output(r, 5);
    o.claimed = 0;
    mitch::mutable_byte_view v = o.view();
    EXPECT(v.empty() == (v.size() == 0));
    EXPECT(static_cast<std::size_t>(v.end() - v.begin()) == v.size());
    if (!v.empty())
      EXPECT(v[0] == pattern && v.data() == o.v.data());
    std::size_t off = any_size(r), cnt = any_size(r);
    arg("offset", static_cast<u64>(off));
    arg("count", static_cast<u64>(cnt));
    auto sub = v.subview(off, cnt);
    EXPECT(sub.size() <= v.size());
    EXPECT(v.subview(off).size() == (off >= v.size() ? 0 : v.size() - off));
    /* (copy-initialization picks byte_view's container constructor) */
    mitch::byte_view ro = v.operator mitch::byte_view();
    EXPECT(ro.size() == v.size() && ro.data() == v.data());
    std::array<char, 3> ca{};
    EXPECT(mitch::mutable_byte_view(ca).size() == 3);
    EXPECT(o.untouched());
  }));

  /* -- values -- */
  value_entries<mitch::header>(t);
  value_entries<mitch::trade>(t);
  value_entries<mitch::order>(t);
  value_entries<mitch::tick>(t);
  value_entries<mitch::index>(t);
  value_entries<mitch::order_book>(t);
  batch_entries<mitch::trade>(t);
  batch_entries<mitch::order>(t);
  batch_entries<mitch::tick>(t);
  batch_entries<mitch::index>(t);
  batch_entries<mitch::order_book>(t);

  /* -- sizes -- */
  t.push_back(ENTRY("try_body_size", {
    mitch::message_type ty = any_type(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    std::size_t size = 4242;
    mitch::status st = mitch::try_body_size(ty, size);
    if (st != mitch::status::ok)
      EXPECT(size == 4242);
  }));
  t.push_back(ENTRY("body_size", {
    mitch::message_type ty = any_type(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    std::size_t s0 = 0;
    agrees(mitch::try_body_size(ty, s0), [&] { EXPECT(mitch::body_size(ty) == s0); });
  }));
  t.push_back(ENTRY("try_message_size", {
    mitch::message_type ty = any_type(r);
    std::size_t count = any_size(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    arg("count", static_cast<u64>(count));
    std::size_t size = 4242;
    mitch::status st = mitch::try_message_size(ty, count, size);
    if (count > mitch::max_bodies) { /* too many is one verdict with none, in C's order */
      std::size_t s0 = 0;
      EXPECT(st == mitch::try_message_size(ty, 0, s0));
    }
    if (st != mitch::status::ok)
      EXPECT(size == 4242);
    else {
      std::size_t body = 0;
      EXPECT(count >= 1 && count <= 255);
      EXPECT(mitch::try_body_size(ty, body) == mitch::status::ok && size == 8 + count * body);
    }
  }));
  t.push_back(ENTRY("message_size", {
    mitch::message_type ty = any_type(r);
    std::size_t count = any_size(r);
    arg("count", static_cast<u64>(count));
    std::size_t s0 = 0;
    agrees(mitch::try_message_size(ty, count, s0), [&] { EXPECT(mitch::message_size(ty, count) == s0); });
  }));

  /* -- messages -- */
  message_entries<mitch::trade>(t);
  message_entries<mitch::order>(t);
  message_entries<mitch::tick>(t);
  message_entries<mitch::index>(t);
  message_entries<mitch::order_book>(t);
  message_member_entries<mitch::trade>(t);
  message_member_entries<mitch::order>(t);
  message_member_entries<mitch::tick>(t);
  message_member_entries<mitch::index>(t);
  message_member_entries<mitch::order_book>(t);
  t.push_back(MEMBERS("message accessors",
                      "message::header, message::count, message::timestamp, message::type, "
                      "message::bytes, message::size, message::body_bytes, message::body_size, "
                      "message::offset", {
    input in;
    mitch::message m = any_message(r, in);
    const mitch::header &h = m.header();
    EXPECT(h.count == m.count() && h.timestamp == m.timestamp() && h.message_type == m.type());
    EXPECT(m.bytes().size() == m.size());
    /* body_bytes(): the bodies inside bytes() */
    mitch::byte_view all = m.bytes(), bodies = m.body_bytes();
    EXPECT(bodies.size() <= all.size());
    if (!all.empty())
      EXPECT(bodies.data() >= all.data() && bodies.data() + bodies.size() <= all.data() + all.size());
    EXPECT(bodies.size() == m.count() * m.body_size());
    std::size_t i = r.chance(50) ? r.below(4) : any_size(r);
    arg("i", static_cast<u64>(i));
    mitch::byte_view one = m.body_bytes(i);
    EXPECT(one.size() == (i < m.count() ? m.body_size() : 0));
    if (!one.empty())
      EXPECT(one.data() >= bodies.data() && one.data() + one.size() <= bodies.data() + bodies.size());
    EXPECT(m.offset() <= in.v.size());
    /* reading what the views say: the sanitizers judge */
    unsigned sum = 0;
    for (u8 b : bodies)
      sum += b;
    for (u8 b : one)
      sum += b;
    (void)sum;
  }));
  t.push_back(MEMBERS("message_range (try_messages)",
                      "try_messages, message_range::message_range, message_range::begin, "
                      "message_range::end, message_range::count, message_range::offset, "
                      "message_range::status, message_range::error, message_range::iterator::iterator, "
                      "message_range::iterator::operator*, message_range::iterator::operator->, "
                      "message_range::iterator::operator++", {
    input in = any_input(r);
    auto range = mitch::try_messages(in.view());
    std::size_t n = 0, covered = 0;
    for (auto it = range.begin(); it != range.end() && n < 1000; ++it, ++n) {
      const mitch::message &m = *it;
      EXPECT(it->offset() == covered);
      EXPECT(m.offset() + m.size() <= in.v.size());
      covered = m.offset() + m.size();
    }
    EXPECT(range.count() == n && range.offset() == covered);
    if (range.status() != mitch::status::ok) {
      check_why(range.status(), range.error());
      EXPECT(range.error().message_offset <= in.v.size());
    } else {
      EXPECT(covered == in.v.size());
    }
    if (in.view().size() == 0) {
      u8 one = 0;
      auto other = mitch::try_messages(mitch::byte_view(&one, 0));
      for (auto it = other.begin(); it != other.end();)
        ++it;
      EXPECT(other.status() == range.status());
    }
    auto again = range.begin(); /* begin() once more: still at the end */
    EXPECT(again == range.end() && range.end() == again && !(again != range.end()));
    /* A default iterator is an end, as std::istream_iterator's is. */
    mitch::message_range::iterator none;
    EXPECT(none == range.end() && !(range.end() != none));
    /* The constructor mitch::messages() and try_messages() use. */
    bool throws = r.chance(50);
    arg("throws", static_cast<u64>(throws));
    mitch::message_range direct(in.view(), throws);
    std::size_t k = 0;
    try {
      for (auto it = direct.begin(); it != direct.end() && k < 1000; it++)
        ++k;
      EXPECT(k == n && direct.status() == range.status());
    } catch (const mitch::error &e) {
      EXPECT(throws && e.status() == range.status() && k == n);
    }
  }));
  t.push_back(ENTRY("messages", {
    input in = any_input(r);
    auto ref = mitch::try_messages(in.view());
    std::size_t n_ref = 0;
    for (auto it = ref.begin(); it != ref.end(); ++it)
      ++n_ref;
    std::size_t n = 0;
    try {
      for (const mitch::message &m : mitch::messages(in.view())) {
        (void)m;
        ++n;
      }
    } catch (const mitch::error &e) {
      EXPECT(n == n_ref && e.status() == ref.status() && e.offset() == ref.error().offset);
      throw;
    }
    EXPECT(n == n_ref && ref.status() == mitch::status::ok);
  }));

  /* -- streams -- */
  t.push_back(ENTRY("try_validate_stream", {
    input in = any_input(r);
    mitch::stream_info info;
    mitch::error_info why;
    mitch::status st = mitch::try_validate_stream(in.view(), &info, &why);
    check_why(st, why);
    EXPECT(info.error_offset <= in.v.size() && info.message_offset <= in.v.size());
    if (in.view().size() == 0) {
      u8 one = 0;
      EXPECT(mitch::try_validate_stream(mitch::byte_view(&one, 0)) == st);
    }
  }));
  t.push_back(ENTRY("try_validate_stream(only)", {
    input in = any_input(r);
    mitch::message_type only = any_type(r);
    arg("only", static_cast<u64>(mitch::to_underlying(only)));
    mitch::stream_info info;
    mitch::error_info why;
    mitch::status st = mitch::try_validate_stream(in.view(), only, &info, &why);
    check_why(st, why);
    if (in.view().size() == 0) {
      u8 one = 0;
      EXPECT(mitch::try_validate_stream(mitch::byte_view(&one, 0), only) == st);
    }
  }));
  t.push_back(ENTRY("validate_stream", {
    input in = any_input(r);
    agrees(mitch::try_validate_stream(in.view()), [&] { (void)mitch::validate_stream(in.view()); });
  }));
  t.push_back(ENTRY("validate_stream(only)", {
    input in = any_input(r);
    mitch::message_type only = any_type(r);
    agrees(mitch::try_validate_stream(in.view(), only),
           [&] { (void)mitch::validate_stream(in.view(), only); });
  }));

  /* -- captures -- */
  t.push_back(ENTRY("try_decode_capture", {
    input in = any_input(r);
    static const std::size_t caps[] = {0, 1, 2, 3, 100};
    std::vector<mitch::trade> tb(r.pick(caps));
    std::vector<u64> tt(r.chance(50) ? tb.size() : r.pick(caps));
    std::vector<mitch::tick> sb(r.pick(caps));
    std::vector<u64> st_(r.pick(caps));
    std::vector<mitch::order_book> bb(r.pick(caps));
    for (auto &x : tb) std::memset(static_cast<void *>(&x), pattern, sizeof x);
    for (auto &x : tt) std::memset(static_cast<void *>(&x), pattern, sizeof x);
    for (auto &x : sb) std::memset(static_cast<void *>(&x), pattern, sizeof x);
    for (auto &x : bb) std::memset(static_cast<void *>(&x), pattern, sizeof x);
    arg("columns trade[" + std::to_string(tb.size()) + "/" + std::to_string(tt.size()) + "] tick[" +
        std::to_string(sb.size()) + "/" + std::to_string(st_.size()) + "] book[" +
        std::to_string(bb.size()) + "]");
    mitch::capture_column<mitch::trade> t1{tb, tt};
    mitch::capture_column<mitch::tick> s1{sb, st_};
    mitch::capture_column<mitch::order_book> b1{bb, {}};
    mitch::stream_info info;
    mitch::error_info why;
    mitch::status status;
    switch (r.below(4)) {
      case 0: status = mitch::try_decode_capture(in.view(), &info, &why); break;
      case 1: status = mitch::try_decode_capture(in.view(), &info, &why, t1); break;
      case 2: {
        mitch::capture_column<mitch::trade> t2{};
        status = mitch::try_decode_capture(in.view(), nullptr, &why, t1, t2); /* two for one type */
        EXPECT(status != mitch::status::ok);
        break;
      }
      default: status = mitch::try_decode_capture(in.view(), &info, &why, t1, s1, b1); break;
    }
    check_why(status, why);
    bool failed = status != mitch::status::ok;
    std::size_t tcap = tb.empty() ? tt.size() : (tt.empty() ? tb.size() : std::min(tb.size(), tt.size()));
    if (!tb.empty() && !failed)
      EXPECT(t1.count <= tcap);
    capture_column_checks("trade bodies", std::min(t1.count, tb.size()), tb.data(), tb.size(),
                          sizeof(mitch::trade), failed);
    capture_column_checks("trade timestamps", std::min(t1.count, tt.size()), tt.data(), tt.size(), 8,
                          failed);
    capture_column_checks("tick bodies", std::min(s1.count, sb.size()), sb.data(), sb.size(),
                          sizeof(mitch::tick), failed);
    capture_column_checks("book bodies", std::min(b1.count, bb.size()), bb.data(), bb.size(),
                          sizeof(mitch::order_book), failed);
    if (in.view().size() == 0) {
      u8 one = 0;
      EXPECT(mitch::try_decode_capture(mitch::byte_view(&one, 0), nullptr, nullptr) ==
             mitch::try_decode_capture(in.view(), nullptr, nullptr));
    }
  }));
  t.push_back(ENTRY("try_count_capture", {
    input in = any_input(r);
    mitch::capture_counts c{7, 7, 7, 7, 7};
    mitch::error_info why;
    mitch::status st = mitch::try_count_capture(in.view(), c, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(c.trades == 7 && c.orders == 7 && c.ticks == 7 && c.indices == 7 && c.order_books == 7);
    else
      EXPECT((c.trades + c.orders + c.ticks + c.indices) * 32 + c.order_books * 2072 <= in.v.size());
  }));
  t.push_back(ENTRY("decode_capture", {
    input in = any_input(r);
    std::vector<mitch::trade> tb(r.below(8));
    std::vector<u64> tt(tb.size());
    std::vector<mitch::trade> tb2(tb.size());
    std::vector<u64> tt2(tb.size());
    mitch::capture_column<mitch::trade> t1{tb, tt}, t2{tb2, tt2};
    agrees(mitch::try_decode_capture(in.view(), nullptr, nullptr, t2),
           [&] { (void)mitch::decode_capture(in.view(), t1); });
  }));
  t.push_back(ENTRY("count_capture", {
    input in = any_input(r);
    mitch::capture_counts c0;
    agrees(mitch::try_count_capture(in.view(), c0), [&] {
      auto c = mitch::count_capture(in.view());
      EXPECT(c.trades == c0.trades && c.order_books == c0.order_books);
    });
  }));
  t.push_back(ENTRY("read_capture", {
    input in = any_input(r);
    mitch::capture_counts c0;
    agrees(mitch::try_count_capture(in.view(), c0), [&] {
      mitch::capture c = mitch::read_capture(in.view());
      EXPECT(c.trades.size() == c0.trades && c.trade_timestamps.size() == c0.trades);
      EXPECT(c.ticks.size() == c0.ticks && c.order_books.size() == c0.order_books);
    });
  }));

  /* -- ticker ids, assets, channels -- */
  t.push_back(ENTRY("try_encode_ticker_id", {
    mitch::ticker_fields f = hostile_fields(r);
    arg("fields{" + std::to_string(mitch::to_underlying(f.instrument_type)) + "," +
        std::to_string(mitch::to_underlying(f.base_class)) + "," + std::to_string(f.base_id) + "," +
        std::to_string(mitch::to_underlying(f.quote_class)) + "," + std::to_string(f.quote_id) + "," +
        std::to_string(f.sub_type) + "}");
    u64 id = 0x5a5a5a5a5a5a5a5aull;
    mitch::error_info why;
    mitch::status st = mitch::try_encode_ticker_id(f, id, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(id == 0x5a5a5a5a5a5a5a5aull);
  }));
  t.push_back(ENTRY("encode_ticker_id", {
    mitch::ticker_fields f = hostile_fields(r);
    arg("fields{" + std::to_string(mitch::to_underlying(f.instrument_type)) + "," +
        std::to_string(mitch::to_underlying(f.base_class)) + "," + std::to_string(f.base_id) + "," +
        std::to_string(mitch::to_underlying(f.quote_class)) + "," + std::to_string(f.quote_id) + "," +
        std::to_string(f.sub_type) + "}");
    u64 id = 0;
    agrees(mitch::try_encode_ticker_id(f, id), [&] { EXPECT(mitch::encode_ticker_id(f) == id); });
  }));
  t.push_back(ENTRY("decode_ticker_id", {
    u64 id = any_u64(r);
    arg("id", id);
    mitch::ticker_fields f = mitch::decode_ticker_id(id);
    u64 back = 0;
    EXPECT(mitch::try_encode_ticker_id(f, back) == mitch::status::ok && back == id);
  }));
  t.push_back(ENTRY("try_validate_ticker_id", {
    u64 id = any_u64(r);
    arg("id", id);
    mitch::status st = mitch::try_validate_ticker_id(id);
    EXPECT(st == mitch::status::ok || st == mitch::status::invalid_ticker_id);
  }));
  t.push_back(ENTRY("validate_ticker_id", {
    u64 id = any_u64(r);
    arg("id", id);
    agrees(mitch::try_validate_ticker_id(id), [&] { mitch::validate_ticker_id(id); });
  }));
  t.push_back(ENTRY("is_spot/is_forex/is_crypto/is_equity", {
    u64 id = any_u64(r);
    arg("id", id);
    mitch::ticker_fields f = mitch::decode_ticker_id(id);
    EXPECT(mitch::is_spot(id) == (f.instrument_type == mitch::instrument_type::spot));
    EXPECT(mitch::is_crypto(id) == (f.base_class == mitch::asset_class::crypto));
    EXPECT(mitch::is_equity(id) == (f.base_class == mitch::asset_class::equities));
    EXPECT(mitch::is_forex(id) == (f.base_class == mitch::asset_class::forex &&
                                   f.quote_class == mitch::asset_class::forex));
  }));
  t.push_back(ENTRY("try_pack_asset", {
    mitch::asset_class c = any_class(r);
    u16 id = any_u16(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    u32 out = 0xdeadbeef;
    mitch::status st = mitch::try_pack_asset(c, id, out);
    if (st != mitch::status::ok)
      EXPECT(out == 0xdeadbeef);
    else
      EXPECT(out == ((static_cast<u32>(mitch::to_underlying(c)) << 16) | id));
  }));
  t.push_back(ENTRY("pack_asset", {
    mitch::asset_class c = any_class(r);
    u16 id = any_u16(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    u32 out = 0;
    agrees(mitch::try_pack_asset(c, id, out), [&] { EXPECT(mitch::pack_asset(c, id) == out); });
  }));
  t.push_back(ENTRY("try_channel_id", {
    u16 p = any_u16(r);
    mitch::message_type ty = any_type(r);
    arg("provider", static_cast<u64>(p));
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    u32 out = 0xdeadbeef;
    mitch::status st = mitch::try_channel_id(p, ty, out);
    if (st != mitch::status::ok)
      EXPECT(out == 0xdeadbeef);
    else {
      mitch::channel c;
      EXPECT(mitch::try_decode_channel(out, c) == mitch::status::ok && c.provider_id == p &&
             c.message_type == ty);
    }
  }));
  t.push_back(ENTRY("channel_id", {
    u16 p = any_u16(r);
    mitch::message_type ty = any_type(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    u32 out = 0;
    agrees(mitch::try_channel_id(p, ty, out), [&] { EXPECT(mitch::channel_id(p, ty) == out); });
  }));
  t.push_back(ENTRY("try_validate_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    mitch::status st = mitch::try_validate_channel(id);
    EXPECT(st == mitch::status::ok || st == mitch::status::invalid_channel_id);
  }));
  t.push_back(ENTRY("validate_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    agrees(mitch::try_validate_channel(id), [&] { mitch::validate_channel(id); });
  }));
  t.push_back(ENTRY("try_decode_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    mitch::channel c;
    keep<mitch::channel> k(c);
    mitch::status st = mitch::try_decode_channel(id, c);
    if (st != mitch::status::ok)
      EXPECT(k.same(c));
  }));
  t.push_back(ENTRY("decode_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    mitch::channel c0;
    agrees(mitch::try_decode_channel(id, c0), [&] {
      mitch::channel c = mitch::decode_channel(id);
      EXPECT(c.provider_id == c0.provider_id && c.message_type == c0.message_type);
    });
  }));
  t.push_back(ENTRY("try_write_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    output o = any_output(r, 4);
    mitch::status st = mitch::try_write_channel(id, o.view());
    if (st != mitch::status::ok)
      EXPECT(o.untouched());
  }));
  t.push_back(ENTRY("write_channel", {
    u32 id = any_u32(r);
    arg("channel", static_cast<u64>(id));
    u8 room[4];
    agrees(mitch::try_write_channel(id, room), [&] { (void)mitch::write_channel(id); });
  }));
  t.push_back(ENTRY("try_read_channel", {
    input in = any_input(r);
    u32 id = 0xdeadbeef;
    mitch::status st = mitch::try_read_channel(in.view(), id);
    if (st != mitch::status::ok)
      EXPECT(id == 0xdeadbeef);
    if (in.view().size() == 0) {
      u8 one = 0;
      EXPECT(mitch::try_read_channel(mitch::byte_view(&one, 0), id) == st);
    }
  }));
  t.push_back(ENTRY("read_channel", {
    input in = any_input(r);
    u32 id = 0;
    agrees(mitch::try_read_channel(in.view(), id), [&] { EXPECT(mitch::read_channel(in.view()) == id); });
  }));

  /* -- registry -- */
  t.push_back(ENTRY("try_resolve_ticker", {
    std::string s = any_string(r);
    mitch::instrument_type ty = any_instrument(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    mitch::resolution out;
    out.ticker_id = 99;
    mitch::error_info why;
    mitch::status st = mitch::try_resolve_ticker(s, ty, out, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(out.ticker_id == 99);
    else
      EXPECT(out.steps().size() < out.steps_text.size() && out.confidence >= 0 && out.confidence <= 1);
  }));
  t.push_back(ENTRY("resolve_ticker", {
    std::string s = any_string(r);
    mitch::instrument_type ty = any_instrument(r);
    mitch::resolution r0;
    agrees(mitch::try_resolve_ticker(s, ty, r0), [&] {
      EXPECT(mitch::resolve_ticker(s, ty).ticker_id == r0.ticker_id);
      if (ty == mitch::instrument_type::spot)
        EXPECT(mitch::resolve_ticker(s).ticker_id == r0.ticker_id);
    });
  }));
  t.push_back(ENTRY("resolution::steps", {
    mitch::resolution res;
    if (r.chance(50))
      (void)mitch::try_resolve_ticker(any_string(r), mitch::instrument_type::spot, res);
    else
      for (auto &c : res.steps_text) /* no NUL at all */
        c = static_cast<char>('a' + r.below(26));
    EXPECT(res.steps().size() <= res.steps_text.size());
  }));
  t.push_back(ENTRY("try_find_asset", {
    std::string s = any_string(r);
    double conf = any_double(r);
    arg("min_confidence", conf);
    mitch::asset_match m;
    m.confidence = -7;
    mitch::error_info why;
    mitch::status st = mitch::try_find_asset(s, conf, m, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(m.confidence == -7);
    else
      EXPECT(!m.asset.name.empty() && m.confidence >= 0 && m.confidence <= 1 && !std::isnan(conf));
  }));
  t.push_back(ENTRY("try_find_asset(within)", {
    std::string s = any_string(r);
    mitch::asset_class c = any_class(r);
    double conf = any_double(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    arg("min_confidence", conf);
    mitch::asset_match m;
    m.confidence = -7;
    mitch::error_info why;
    mitch::status st = mitch::try_find_asset(s, c, conf, m, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(m.confidence == -7);
    else
      EXPECT(m.asset.asset_class == c && !std::isnan(conf));
  }));
  t.push_back(ENTRY("find_asset", {
    std::string s = any_string(r);
    double conf = r.chance(50) ? mitch::default_min_confidence : any_double(r);
    mitch::asset_match m0;
    agrees(mitch::try_find_asset(s, conf, m0), [&] {
      EXPECT(mitch::find_asset(s, conf).asset.asset_id == m0.asset.asset_id);
    });
  }));
  t.push_back(ENTRY("find_asset(within)", {
    std::string s = any_string(r);
    mitch::asset_class c = any_class(r);
    double conf = r.chance(50) ? mitch::default_min_confidence : any_double(r);
    mitch::asset_match m0;
    agrees(mitch::try_find_asset(s, c, conf, m0), [&] {
      EXPECT(mitch::find_asset(s, c, conf).asset.asset_id == m0.asset.asset_id);
    });
  }));
  t.push_back(ENTRY("try_get_asset/get_asset(class, id)", {
    mitch::asset_class c = any_class(r);
    u16 id = r.chance(50) ? static_cast<u16>(r.below(20)) : any_u16(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    arg("id", static_cast<u64>(id));
    mitch::asset a;
    a.asset_id = 0xdeadbeef;
    mitch::status st = mitch::try_get_asset(c, id, a);
    if (st != mitch::status::ok)
      EXPECT(a.asset_id == 0xdeadbeef);
    agrees(st, [&] { EXPECT(mitch::get_asset(c, id).asset_id == a.asset_id); });
  }));
  t.push_back(ENTRY("try_get_asset/get_asset(packed)", {
    u32 id = r.chance(50) ? (static_cast<u32>(r.below(16)) << 16 | static_cast<u32>(r.below(20))) : any_u32(r);
    arg("asset_id", static_cast<u64>(id));
    mitch::asset a;
    a.asset_id = 0xdeadbeef;
    mitch::status st = mitch::try_get_asset(id, a);
    if (st != mitch::status::ok)
      EXPECT(a.asset_id == 0xdeadbeef);
    agrees(st, [&] { EXPECT(mitch::get_asset(id).asset_id == a.asset_id); });
  }));
  t.push_back(ENTRY("asset_count/try_asset_at/asset_at", {
    mitch::asset_class c = any_class(r);
    std::size_t n = mitch::asset_count(c);
    std::size_t i = r.chance(50) ? r.below(n + 2) : any_size(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    arg("i", static_cast<u64>(i));
    mitch::asset a;
    a.asset_id = 0xdeadbeef;
    mitch::status st = mitch::try_asset_at(c, i, a);
    EXPECT((st == mitch::status::ok) == (i < n));
    if (st != mitch::status::ok)
      EXPECT(a.asset_id == 0xdeadbeef);
    agrees(st, [&] { EXPECT(mitch::asset_at(c, i).asset_id == a.asset_id); });
  }));
  t.push_back(ENTRY("try_asset_class_info/asset_class_info", {
    mitch::asset_class c = any_class(r);
    arg("class", static_cast<u64>(mitch::to_underlying(c)));
    mitch::class_info ci;
    ci.id = 200;
    mitch::status st = mitch::try_asset_class_info(c, ci);
    if (st != mitch::status::ok)
      EXPECT(ci.id == 200);
    agrees(st, [&] { EXPECT(mitch::asset_class_info(c).id == ci.id); });
  }));
  t.push_back(ENTRY("try_instrument_type_info/instrument_type_info", {
    mitch::instrument_type ty = any_instrument(r);
    arg("type", static_cast<u64>(mitch::to_underlying(ty)));
    mitch::class_info ci;
    ci.id = 200;
    mitch::status st = mitch::try_instrument_type_info(ty, ci);
    if (st != mitch::status::ok)
      EXPECT(ci.id == 200);
    agrees(st, [&] { EXPECT(mitch::instrument_type_info(ty).id == ci.id); });
  }));
  t.push_back(ENTRY("provider_count/try_provider_at/provider_at", {
    std::size_t n = mitch::provider_count();
    std::size_t i = r.chance(50) ? r.below(n + 2) : any_size(r);
    arg("i", static_cast<u64>(i));
    mitch::provider p;
    p.id = 4242;
    mitch::status st = mitch::try_provider_at(i, p);
    EXPECT((st == mitch::status::ok) == (i < n));
    if (st != mitch::status::ok)
      EXPECT(p.id == 4242);
    agrees(st, [&] { EXPECT(mitch::provider_at(i).id == p.id); });
  }));
  t.push_back(ENTRY("try_get_provider/get_provider", {
    u16 id = r.chance(50) ? static_cast<u16>(r.below(100)) : any_u16(r);
    arg("id", static_cast<u64>(id));
    mitch::provider p;
    p.id = 4242;
    mitch::status st = mitch::try_get_provider(id, p);
    if (st != mitch::status::ok)
      EXPECT(p.id == 4242);
    agrees(st, [&] { EXPECT(mitch::get_provider(id).id == p.id); });
  }));
  t.push_back(ENTRY("try_find_provider", {
    std::string s = any_string(r);
    double conf = any_double(r);
    arg("min_confidence", conf);
    mitch::provider_match m;
    m.confidence = -7;
    mitch::error_info why;
    mitch::status st = mitch::try_find_provider(s, conf, m, &why);
    check_why(st, why);
    if (st != mitch::status::ok)
      EXPECT(m.confidence == -7);
    else
      EXPECT(!std::isnan(conf));
  }));
  t.push_back(ENTRY("find_provider", {
    std::string s = any_string(r);
    double conf = r.chance(50) ? mitch::default_min_confidence : any_double(r);
    mitch::provider_match m0;
    agrees(mitch::try_find_provider(s, conf, m0),
           [&] { EXPECT(mitch::find_provider(s, conf).provider.id == m0.provider.id); });
  }));
  t.push_back(ENTRY("try_jaro_winkler", {
    std::string a = any_string(r), b = any_string(r);
    double score = -7;
    mitch::status st = mitch::try_jaro_winkler(a, b, score);
    if (st != mitch::status::ok)
      EXPECT(score == -7);
    else
      EXPECT(score >= 0 && score <= 1);
  }));
  t.push_back(ENTRY("jaro_winkler", {
    std::string a = any_string(r), b = any_string(r);
    double s0 = 0;
    agrees(mitch::try_jaro_winkler(a, b, s0), [&] { EXPECT(mitch::jaro_winkler(a, b) == s0); });
  }));
  t.push_back(ENTRY("name_key", {
    std::string s = any_string(r);
    std::string k = mitch::name_key(s);
    EXPECT(k.size() <= mitch::query_max && k.find('\0') == std::string::npos);
    EXPECT(s.size() <= mitch::query_max);
  }));

  /* -- derived values and bins -- */
  t.push_back(ENTRY("metrics(tick)", {
    mitch::tick v = hostile<mitch::tick>(r);
    arg(describe_value(v));
    mitch::tick_metrics m = mitch::metrics(v);
    EXPECT(m.total_volume == static_cast<u64>(v.bid_volume) + v.ask_volume);
  }));
  t.push_back(ENTRY("metrics(index)", {
    mitch::index v = hostile<mitch::index>(r);
    arg(describe_value(v));
    mitch::index_metrics m = mitch::metrics(v);
    EXPECT(m.confidence_band.size() < 64);
  }));
  t.push_back(ENTRY("totals", {
    mitch::order_book b = hostile<mitch::order_book>(r);
    for (auto &x : b.bids)
      if (r.chance(20)) x = mitch::bin{0xffffffffu, 0xffffffffu};
    arg(describe_value(b));
    mitch::book_totals t0 = mitch::totals(b);
    u64 bv = 0, av = 0, bc = 0, ac = 0;
    for (std::size_t i = 0; i < mitch::bins_per_side; ++i) {
      bv += b.bids[i].volume;
      bc += b.bids[i].count;
      av += b.asks[i].volume;
      ac += b.asks[i].count;
    }
    EXPECT(t0.bid_volume == bv && t0.ask_volume == av && t0.bid_count == bc && t0.ask_count == ac);
  }));
  t.push_back(ENTRY("try_bin_table/bin_table", {
    mitch::bin_aggregator a = any_agg(r);
    arg("agg", static_cast<u64>(mitch::to_underlying(a)));
    mitch::span<const double> ends;
    mitch::status st = mitch::try_bin_table(a, ends);
    if (st != mitch::status::ok)
      EXPECT(ends.empty());
    else
      EXPECT(ends.size() == mitch::bins_per_side && std::isfinite(ends[ends.size() - 1]));
    agrees(st, [&] { EXPECT(mitch::bin_table(a).data() == ends.data()); });
  }));
  t.push_back(ENTRY("aggregator_name", {
    mitch::bin_aggregator a = any_agg(r);
    arg("agg", static_cast<u64>(mitch::to_underlying(a)));
    mitch::span<const double> ends;
    auto n = mitch::aggregator_name(a);
    EXPECT(n.size() < 64);
    EXPECT(n.empty() == (mitch::try_bin_table(a, ends) != mitch::status::ok));
  }));
  t.push_back(ENTRY("try_bin_price_range/bin_price_range", {
    double mid = any_double(r);
    mitch::bin_aggregator a = any_agg(r);
    mitch::book_side s = any_book_side(r);
    static const unsigned bins[] = {0, 1, 127, 128, 129, 0xffffffffu};
    unsigned bin = r.pick(bins);
    arg("mid", mid);
    arg("agg", static_cast<u64>(mitch::to_underlying(a)));
    arg("side", static_cast<u64>(static_cast<int>(s)));
    arg("bin", static_cast<u64>(bin));
    mitch::price_range pr{-7, -7};
    mitch::status st = mitch::try_bin_price_range(mid, a, s, bin, pr);
    if (st != mitch::status::ok)
      EXPECT(pr.start == -7 && pr.end == -7);
    else
      EXPECT(!std::isnan(pr.start) && !std::isnan(pr.end));
    agrees(st, [&] { (void)mitch::bin_price_range(mid, a, s, bin); });
  }));
  t.push_back(ENTRY("try_bin_for_price/bin_for_price", {
    double mid = any_double(r), price = any_double(r);
    mitch::bin_aggregator a = any_agg(r);
    mitch::book_side s = any_book_side(r);
    arg("mid", mid);
    arg("price", price);
    arg("agg", static_cast<u64>(mitch::to_underlying(a)));
    arg("side", static_cast<u64>(static_cast<int>(s)));
    unsigned bin = 4242;
    mitch::status st = mitch::try_bin_for_price(mid, a, s, price, bin);
    if (st != mitch::status::ok)
      EXPECT(bin == 4242);
    else
      EXPECT(bin < mitch::bins_per_side);
    agrees(st, [&] { EXPECT(mitch::bin_for_price(mid, a, s, price) == bin); });
  }));

  /* -- versions -- */
  t.push_back(ENTRY("library_version/library_version_number/protocol_version", {
    EXPECT(!mitch::library_version().empty() && mitch::library_version().size() < 64);
    EXPECT(!mitch::protocol_version().empty() && mitch::protocol_version().size() < 64);
    EXPECT((mitch::library_version_number() >> 16) == MITCH_VERSION_MAJOR);
    EXPECT(!mitch::header_version.empty());
  }));
  t.push_back(ENTRY("try_check_library/check_library", {
    mitch::error_info why;
    mitch::status st = mitch::try_check_library(&why);
    check_why(st, why);
    agrees(st, [] { mitch::check_library(); });
  }));
  return t;
}

/* The names of mitch.hpp an entry calls (see struct entry). */
std::vector<std::string> covered_names(const entry &e) {
  std::vector<std::string> names;
  const std::string all = e.covers ? e.covers : e.name;
  const char separator = e.covers ? ',' : '/';
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find(separator, start);
    if (end == std::string::npos)
      end = all.size();
    std::string name = all.substr(start, end - start);
    if (!e.covers) { /* "encode<trade>(v, out)" is encode */
      name = name.substr(0, name.find_first_of("<( "));
    }
    while (!name.empty() && name.front() == ' ')
      name.erase(0, 1);
    if (!name.empty())
      names.push_back(name);
    start = end + 1;
  }
  return names;
}

const std::vector<entry> &table() {
  static const std::vector<entry> t = build_table();
  return t;
}

/* The table in groups, so that a filter can pick one: a group is the
   entries whose names start with one of its prefixes; the last group is
   every entry no other group has. */
struct group {
  const char *test;
  std::vector<const char *> starts;
};
const std::vector<group> &groups() {
  static const std::vector<group> all = {
      {"values", {"try_validate<", "try_encode<", "try_decode<", "validate<", "encode<", "decode<"}},
      {"batches", {"try_decode_batch", "try_encode_batch", "decode_batch", "encode_batch"}},
      {"messages", {"try_encode_message", "encode_message", "try_encode_capture", "encode_capture",
                    "message", "body_range"}},
      {"registry", {"try_resolve", "resolve", "resolution", "try_find", "find_", "try_get", "asset",
                    "try_asset", "try_instrument", "provider", "try_jaro", "jaro", "name_key"}},
  };
  return all;
}

bool in_group(const entry &e, const group &g) {
  for (const char *s : g.starts)
    if (std::strncmp(e.name, s, std::strlen(s)) == 0)
      return true;
  return false;
}

void sweep_group(const char *test) {
  std::vector<entry> picked;
  for (const entry &e : table()) {
    bool grouped = false, wanted = false;
    for (const group &g : groups())
      if (in_group(e, g)) {
        grouped = true;
        wanted = wanted || (test && std::strcmp(g.test, test) == 0);
      }
    if (test == nullptr ? !grouped : wanted)
      picked.push_back(e);
  }
  run_entries(picked.data(), picked.size());
}

}  // namespace

TEST(sweep_values) { sweep_group("values"); }
TEST(sweep_batches) { sweep_group("batches"); }
TEST(sweep_messages) { sweep_group("messages"); }
TEST(sweep_registry) { sweep_group("registry"); }
TEST(sweep_the_rest) { sweep_group(nullptr); }

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "--list") == 0) {
    for (const entry &e : table())
      std::printf("%s\n", e.name);
    return 0;
  }
  if (argc > 1 && std::strcmp(argv[1], "--covers") == 0) {
    for (const entry &e : table())
      for (const std::string &name : covered_names(e))
        std::printf("%s\n", name.c_str());
    return 0;
  }
  if (&__sanitizer_set_death_callback != nullptr)
    __sanitizer_set_death_callback(on_sanitizer_death);
  std::signal(SIGSEGV, on_signal);
  std::signal(SIGBUS, on_signal);
  std::signal(SIGFPE, on_signal);
  std::signal(SIGILL, on_signal);
  std::signal(SIGABRT, on_signal);
  return harness::run_all(argc > 1 ? argv[1] : nullptr);
}
#endif
