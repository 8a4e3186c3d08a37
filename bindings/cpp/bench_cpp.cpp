/*
 * bench_cpp.cpp - what the C++ binding costs over calling C directly
 * (make bench-cpp; bindings.md: "medians of 5 runs ... and the C figure for
 * the identical work on the same machine").
 *
 *   bindings/cpp/bench_cpp [--runs N] [--bodies N]
 *
 * Each row is timed `runs` times (default 5) in this one process, C and C++
 * interleaved, and printed as the median with the fastest and slowest run:
 *   pack a trade      mitch_trade_encode       vs mitch::try_encode / mitch::encode
 *   unpack a trade    mitch_trade_decode       vs mitch::try_decode / mitch::decode<trade>
 *   bulk decode       mitch_trade_decode_batch vs mitch::try_decode_batch (one call)
 *                     of 1,000,000 trade bodies (32 MB of wire data)
 *   iterate           mitch_reader_next + mitch_trade_decode per body, and
 *                     the same with mitch_message_validate before a message's
 *                     bodies are used (what try_messages() does: it hands out
 *                     only whole valid messages, so a body loop cannot fail)
 *                     vs for (m : try_messages(capture)) for (t : m.bodies<trade>())
 *                     over the same bodies framed as messages of 255
 * Run it pinned to one core for stable numbers (taskset -c 1).
 *
 * The iterate rows move by +-25% between builds that differ only in code
 * placement (one added row swapped which of C and C++ looked faster), so a
 * gap there is not a cost until instruction counts agree: with each loop
 * made noinline, valgrind --tool=callgrind --runs 1 counted 54 instructions
 * per body for the plain C loop, 76 with mitch_message_validate and 81 for
 * try_messages()/bodies<trade>() (libmitch 1.1.0, g++ 12 -O2).
 */
#include <mitch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double now_ns() {
  return std::chrono::duration<double, std::nano>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct stats {
  double median, min, max;
};

stats summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return stats{median, v.front(), v.back()};
}

/* The checksum every loop feeds, so no work can be dropped. */
volatile std::uint64_t sink;

constexpr std::uint64_t eurusd = 0x0305153138900000ull;

}  // namespace

int main(int argc, char **argv) {
  unsigned runs = 5;
  std::size_t bodies = 1000000;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      runs = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--bodies") && i + 1 < argc)
      bodies = static_cast<std::size_t>(std::atol(argv[++i]));
    else {
      std::fprintf(stderr, "usage: bench_cpp [--runs N] [--bodies N]\n");
      return 2;
    }
  }
  if (runs == 0 || bodies == 0)
    return 2;
  const std::size_t scalar_iters = 5000000;

  /* ---- scalar ---------------------------------------------------------- */
  std::uint8_t buf[MITCH_TRADE_SIZE];
  auto c_pack = [&] {
    mitch_trade c{eurusd, 1.0875, 100, 1, MITCH_SIDE_BUY};
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      c.trade_id = static_cast<std::uint32_t>(i + 1);
      sum += static_cast<std::uint64_t>(mitch_trade_encode(&c, buf, sizeof buf)) + buf[20];
    }
    double t = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return t;
  };
  auto cpp_pack = [&] {
    mitch::trade t{eurusd, 1.0875, 100, 1, mitch::side::buy};
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      t.trade_id = static_cast<std::uint32_t>(i + 1);
      sum += static_cast<std::uint64_t>(mitch::try_encode(t, buf)) + buf[20];
    }
    double r = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return r;
  };
  auto cpp_pack_throwing = [&] {
    mitch::trade t{eurusd, 1.0875, 100, 1, mitch::side::buy};
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      t.trade_id = static_cast<std::uint32_t>(i + 1);
      sum += mitch::encode(t, buf) + buf[20];
    }
    double r = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return r;
  };
  {
    mitch_trade c{eurusd, 1.0875, 100, 1, MITCH_SIDE_BUY};
    if (mitch_trade_encode(&c, buf, sizeof buf) != MITCH_OK)
      return 1;
  }
  auto c_unpack = [&] {
    mitch_trade c;
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      buf[20] = static_cast<std::uint8_t>(i | 1);
      sum += static_cast<std::uint64_t>(mitch_trade_decode(buf, sizeof buf, &c)) + c.trade_id;
    }
    double t = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return t;
  };
  auto cpp_unpack = [&] {
    mitch::trade t;
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      buf[20] = static_cast<std::uint8_t>(i | 1);
      sum += static_cast<std::uint64_t>(mitch::try_decode(buf, t)) + t.trade_id;
    }
    double r = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return r;
  };
  auto cpp_unpack_throwing = [&] {
    std::uint64_t sum = 0;
    double t0 = now_ns();
    for (std::size_t i = 0; i < scalar_iters; i++) {
      buf[20] = static_cast<std::uint8_t>(i | 1);
      sum += mitch::decode<mitch::trade>(buf).trade_id;
    }
    double r = (now_ns() - t0) / static_cast<double>(scalar_iters);
    sink = sum;
    return r;
  };

  /* ---- bulk ------------------------------------------------------------ */
  std::vector<mitch::trade> values(bodies);
  for (std::size_t i = 0; i < bodies; i++)
    values[i] = mitch::trade{eurusd + i, 1.0 + static_cast<double>(i % 1000) * 1e-4,
                             static_cast<std::uint32_t>(i % 5000 + 1),
                             static_cast<std::uint32_t>(i + 1),
                             i % 2 ? mitch::side::sell : mitch::side::buy};
  std::vector<std::uint8_t> wire(bodies * MITCH_TRADE_SIZE);
  if (mitch::try_encode_batch(values, wire) != mitch::status::ok)
    return 1;
  std::vector<mitch_trade> c_out(bodies);
  std::vector<mitch::trade> cpp_out(bodies);
  auto c_bulk = [&] {
    std::size_t done = 0;
    double t0 = now_ns();
    int st = mitch_trade_decode_batch(wire.data(), wire.size(), c_out.data(), bodies, &done);
    double t = now_ns() - t0;
    sink = static_cast<std::uint64_t>(st) + done + c_out[bodies - 1].trade_id;
    return t;
  };
  auto cpp_bulk = [&] {
    std::size_t done = 0;
    double t0 = now_ns();
    mitch::status st = mitch::try_decode_batch(wire, cpp_out, &done);
    double t = now_ns() - t0;
    sink = static_cast<std::uint64_t>(st) + done + cpp_out[bodies - 1].trade_id;
    return t;
  };

  /* ---- iterate a capture ---------------------------------------------- */
  std::vector<std::uint64_t> stamps(bodies, 5);
  const std::vector<std::uint8_t> capture = mitch::encode_capture(values, stamps);
  auto c_iterate = [&] {
    std::uint64_t sum = 0;
    std::size_t n = 0;
    double t0 = now_ns();
    mitch_reader reader;
    mitch_message m;
    mitch_trade t;
    mitch_reader_init(&reader, capture.data(), capture.size());
    while (mitch_reader_next(&reader, &m) == MITCH_OK)
      for (std::size_t i = 0; i < m.header.count; i++, n++) {
        (void)mitch_trade_decode(m.bodies + i * m.body_size, m.body_size, &t);
        sum += t.trade_id;
      }
    double r = (now_ns() - t0) / static_cast<double>(n);
    sink = sum + n;
    return r;
  };
  /* The same guarantee as try_messages(): no body of a damaged message is
     used.  The C++ row is compared with this one. */
  auto c_iterate_validated = [&] {
    std::uint64_t sum = 0;
    std::size_t n = 0;
    double t0 = now_ns();
    mitch_reader reader;
    mitch_message m;
    mitch_trade t;
    mitch_reader_init(&reader, capture.data(), capture.size());
    while (mitch_reader_next(&reader, &m) == MITCH_OK) {
      if (mitch_message_validate(&m, nullptr) != MITCH_OK)
        break;
      for (std::size_t i = 0; i < m.header.count; i++, n++) {
        (void)mitch_trade_decode(m.bodies + i * m.body_size, m.body_size, &t);
        sum += t.trade_id;
      }
    }
    double r = (now_ns() - t0) / static_cast<double>(n);
    sink = sum + n;
    return r;
  };
  auto cpp_iterate = [&] {
    std::uint64_t sum = 0;
    std::size_t n = 0;
    double t0 = now_ns();
    for (const mitch::message &m : mitch::try_messages(capture))
      for (const mitch::trade &t : m.bodies<mitch::trade>()) {
        sum += t.trade_id;
        n++;
      }
    double r = (now_ns() - t0) / static_cast<double>(n);
    sink = sum + n;
    return r;
  };

  std::vector<double> s[11];
  for (unsigned r = 0; r < runs; r++) {
    s[0].push_back(c_pack());
    s[1].push_back(cpp_pack());
    s[2].push_back(cpp_pack_throwing());
    s[3].push_back(c_unpack());
    s[4].push_back(cpp_unpack());
    s[5].push_back(cpp_unpack_throwing());
    s[6].push_back(c_bulk());
    s[7].push_back(cpp_bulk());
    s[8].push_back(c_iterate());
    s[9].push_back(c_iterate_validated());
    s[10].push_back(cpp_iterate());
  }
  if (cpp_out[bodies / 2].trade_id != values[bodies / 2].trade_id)
    return 1;
  std::printf("libmitch %s, C++ binding vs C, median (min..max) of %u runs in one process\n",
              MITCH_VERSION_STRING, runs);
  auto line = [](const char *what, const std::vector<double> &v, const std::vector<double> &base,
                 const char *unit, double scale) {
    stats x = summarize(v), b = summarize(base);
    std::printf("  %-44s %9.2f %s (%.2f..%.2f)  %+6.1f%% vs C\n", what, x.median * scale, unit,
                x.min * scale, x.max * scale, (x.median / b.median - 1) * 100);
  };
  line("C    mitch_trade_encode", s[0], s[0], "ns", 1);
  line("C++  mitch::try_encode(trade, buf)", s[1], s[0], "ns", 1);
  line("C++  mitch::encode(trade, buf) [throwing]", s[2], s[0], "ns", 1);
  line("C    mitch_trade_decode", s[3], s[3], "ns", 1);
  line("C++  mitch::try_decode(buf, trade)", s[4], s[3], "ns", 1);
  line("C++  mitch::decode<trade>(buf) [throwing]", s[5], s[3], "ns", 1);
  char what[96];
  std::snprintf(what, sizeof what, "C    mitch_trade_decode_batch, %zu bodies", bodies);
  line(what, s[6], s[6], "ms", 1e-6);
  std::snprintf(what, sizeof what, "C++  mitch::try_decode_batch, %zu bodies", bodies);
  line(what, s[7], s[6], "ms", 1e-6);
  line("C    mitch_reader_next + mitch_trade_decode", s[8], s[8], "ns/body", 1);
  line("C    ... + mitch_message_validate", s[9], s[9], "ns/body", 1);
  line("C++  try_messages() / bodies<trade>()", s[10], s[9], "ns/body", 1);
  stats cb = summarize(s[6]), xb = summarize(s[7]);
  std::printf("  bulk throughput: C %.2f GB/s, C++ %.2f GB/s (wire bytes)\n",
              static_cast<double>(wire.size()) / cb.median, static_cast<double>(wire.size()) / xb.median);
  return 0;
}
