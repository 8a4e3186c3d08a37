/*
 * mitch-conformance - every row of a conformance vector directory through
 * the C++ binding's public API (include/mitch.hpp).
 *
 *   bindings/cpp/mitch-conformance DIR      (DIR: tests/vectors or ../shared/conformance)
 *
 * Reads DIR/messages/{trade,order,tick,index,header,ticker_id,channel,
 * order_book}.tsv and DIR/resolution/{tickers,assets,providers}.tsv (format:
 * DIR/README.md), prints each failing row on stderr as FILE:LINE: what, and
 * closes with one line on stdout, "N passed, N failed", one per data row.
 * Exit status 0 only when no row failed, 2 for a usage error.
 *
 * A damaged directory is failures, never a crash or a silent pass: a file
 * that is missing, cannot be read (an I/O error, a directory), or has no
 * header or no data rows is one failure line (FILE: missing / unreadable:
 * why / no rows), the rows read before an I/O error still count; a line
 * that is not UTF-8, longer than 1 MiB, or has another number of cells is
 * its own failing row and the rest of the file is still checked.  Failure
 * lines quote at most 64 bytes of a cell.
 *
 * A body row is encoded and must give exactly the expected bytes (or fail
 * with status n for ERRn, through the try_ call and as the matching
 * exception); the expected bytes must decode back to every field, doubles
 * bit for bit, also from a longer buffer.
 */
#include <mitch.hpp>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace {

/* ---- the TSV files ----------------------------------------------------- */

/* A longer line is a failing row, not the end of its file: only this much of
   it is kept (a damaged file can hold a line of any length). */
constexpr std::size_t max_line = 1 << 20;

struct row {
  std::size_t line = 0;                    /* in the file (the header is line 1) */
  std::vector<std::string> cells;
  std::string damage;                      /* why the line cannot be a row: it fails */
};

struct table {
  std::string file;                        /* for messages: "messages/trade.tsv" */
  std::vector<std::string> columns;        /* the header row */
  std::vector<row> rows;
  bool missing = false;
  std::size_t lines = 0;                   /* lines read, the header included */
  std::string unreadable;                  /* why the lines after `lines` could not be read */
};

std::vector<std::string> split_tabs(const std::string &line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos)
      return cells;
    start = tab + 1;
  }
}

/* The offset of the first byte of s that is not well-formed UTF-8 (RFC 3629:
   no overlong forms, no surrogates, nothing above U+10FFFF; what Go's
   utf8.Valid and Python's decoder accept), or npos. */
std::size_t utf8_error(const std::string &s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (s.size() - i < len)
      return i;
    unsigned c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi)
      return i;
    for (std::size_t k = 2; k < len; k++)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
        return i;
    i += len;
  }
  return std::string::npos;
}

/* One line of f without its "\n" (at most max_line bytes of it; too_long
   says there were more); false at the end of the file or on a read error,
   which then sets err (an errno value). */
bool read_line(std::FILE *f, std::string &line, bool &too_long, int &err) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    errno = 0;
    int c = std::getc(f);
    if (c == EOF) {
      if (std::ferror(f)) {
        err = errno != 0 ? errno : EIO;
        return false; /* a line cut short by the error is not a row */
      }
      return any;
    }
    any = true;
    if (c == '\n')
      return true;
    if (line.size() < max_line)
      line.push_back(static_cast<char>(c));
    else
      too_long = true;
  }
}

/* A file of DIR: its rows up to the end or to a read error.  A damaged
   line (too long, not UTF-8) is a row that fails, so that the rest of the
   file is still checked. */
table load(const std::string &dir, const std::string &file) {
  table t;
  t.file = file;
  std::FILE *in = std::fopen((dir + "/" + file).c_str(), "rb");
  if (!in) {
    if (errno == ENOENT)
      t.missing = true;
    else
      t.unreadable = std::strerror(errno);
    return t;
  }
  std::string line;
  bool too_long = false;
  int err = 0;
  while (read_line(in, line, too_long, err)) {
    t.lines++;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (t.lines == 1) {
      t.columns = split_tabs(line); /* too long or not UTF-8: not the README's */
      continue;
    }
    if (line.empty() && !too_long)
      continue;
    row r;
    r.line = t.lines;
    std::size_t bad = utf8_error(line);
    if (too_long) {
      r.damage = "the line is longer than " + std::to_string(max_line) + " bytes";
    } else if (line.find('\0') != std::string::npos) {
      /* strtoull and friends would stop at it and pass the cell */
      r.damage = "a NUL byte at offset " + std::to_string(line.find('\0'));
    } else if (bad != std::string::npos) {
      char what[64];
      std::snprintf(what, sizeof what, "not UTF-8 (byte 0x%02x at offset %zu)",
                    static_cast<unsigned>(static_cast<unsigned char>(line[bad])), bad);
      r.damage = what;
    } else {
      r.cells = split_tabs(line);
    }
    t.rows.push_back(std::move(r));
  }
  if (err != 0)
    t.unreadable = std::strerror(err);
  std::fclose(in);
  return t;
}

/* A cell as a failure line quotes it: at most 64 bytes of it, control bytes
   as \xHH (a damaged file can hold a cell of a megabyte). */
std::string shown(const std::string &s) {
  std::size_t n = s.size();
  if (n > 64) {
    n = 64;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
      n--; /* not inside a UTF-8 sequence */
  }
  std::string out = "\"";
  for (std::size_t k = 0; k < n; k++) {
    unsigned c = static_cast<unsigned char>(s[k]);
    if (c < 0x20 || c == 0x7F) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      out += esc;
    } else {
      out += s[k];
    }
  }
  out += n < s.size() ? "\"..." : "\"";
  return out;
}

/* A failure line's reason, at most about 240 bytes. */
std::string bounded(std::string what) {
  if (what.size() > 240) {
    std::size_t n = 240;
    while (n > 0 && (static_cast<unsigned char>(what[n]) & 0xC0) == 0x80)
      n--;
    what.resize(n);
    what += "...";
  }
  return what;
}

/* One failure: why a row did not pass (thrown by the parsers and checks,
   caught per row). */
struct row_failure {
  std::string what;
};

[[noreturn]] void fail(const std::string &what) { throw row_failure{what}; }

/* Strict numbers: decimal or 0x hex, the whole cell, in range. */
std::uint64_t unsigned_cell(const std::string &s, std::uint64_t max, const char *column) {
  const char *p = s.c_str();
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    p += 2;
  }
  if (*p == '\0' || *p == '-' || *p == '+' || *p == ' ')
    fail(std::string(column) + " " + shown(s) + " is not a number");
  errno = 0;
  char *end = nullptr;
  unsigned long long v = std::strtoull(p, &end, base);
  if (errno != 0 || *end != '\0' || v > max)
    fail(std::string(column) + " " + shown(s) + " is not a number in range");
  return v;
}

std::int64_t signed_cell(const std::string &s, std::int64_t min, std::int64_t max,
                         const char *column) {
  if (s.empty() || s[0] == ' ' || s[0] == '+')
    fail(std::string(column) + " " + shown(s) + " is not a number");
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < min || v > max)
    fail(std::string(column) + " " + shown(s) + " is not a number in range");
  return v;
}

/* C99 hex floats, nan and inf, exactly (strtod reads them all). */
double double_cell(const std::string &s, const char *column) {
  if (s.empty() || s[0] == ' ')
    fail(std::string(column) + " " + shown(s) + " is not a float");
  char *end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (*end != '\0')
    fail(std::string(column) + " " + shown(s) + " is not a float");
  return d;
}

char char_cell(const std::string &s, const char *column) {
  if (s.size() != 1)
    fail(std::string(column) + " " + shown(s) + " is not one character");
  return s[0];
}

std::vector<std::uint8_t> hex_cell(const std::string &s, std::size_t size) {
  if (s.size() != 2 * size)
    fail("expect is not " + std::to_string(size) + " bytes of hex");
  std::vector<std::uint8_t> out(size);
  for (std::size_t i = 0; i < size; i++) {
    auto nibble = [&](char c) -> int {
      if (c >= '0' && c <= '9')
        return c - '0';
      if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
      if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
      fail("expect is not hex");
    };
    out[i] = static_cast<std::uint8_t>(nibble(s[2 * i]) << 4 | nibble(s[2 * i + 1]));
  }
  return out;
}

/* "ERRn" -> n, else 0. */
int error_of(const std::string &expect) {
  if (expect.compare(0, 3, "ERR") != 0)
    return 0;
  std::uint64_t n = unsigned_cell(expect.substr(3), 99, "expect");
  if (n == 0)
    fail("expect " + shown(expect) + " is not ERRn");
  return static_cast<int>(n);
}

std::string status_text(mitch::status st) {
  return std::to_string(static_cast<int>(st)) + " (" + std::string(mitch::status_message(st)) + ")";
}

bool same_bits(double a, double b) {
  std::uint64_t x, y;
  std::memcpy(&x, &a, 8);
  std::memcpy(&y, &b, 8);
  return x == y;
}

/* A row's cells by column name. */
class row_view {
 public:
  row_view(const table &t, const std::vector<std::string> &cells) : t_(t), cells_(cells) {}
  const std::string &operator[](const char *column) const {
    for (std::size_t i = 0; i < t_.columns.size(); i++)
      if (t_.columns[i] == column) {
        if (i >= cells_.size())
          fail(std::string("no cell for column ") + column);
        return cells_[i];
      }
    fail(std::string("no column ") + column);
  }
  std::uint64_t u(const char *column, std::uint64_t max) const {
    return unsigned_cell((*this)[column], max, column);
  }
  std::int64_t i(const char *column, std::int64_t min, std::int64_t max) const {
    return signed_cell((*this)[column], min, max, column);
  }
  double d(const char *column) const { return double_cell((*this)[column], column); }

 private:
  const table &t_;
  const std::vector<std::string> &cells_;
};

/* ---- bodies ------------------------------------------------------------ */

/* The checks every body type shares: encode (try_ and throwing), the bytes,
   decode back (exact and from a longer buffer), validate. */
template <class T, class Same>
void check_body(const T &v, const std::string &expect, Same same) {
  constexpr std::size_t size = mitch::wire_size_v<T>;
  int err = error_of(expect);
  std::vector<std::uint8_t> out(size + 8, 0xA5);
  mitch::status st = mitch::try_encode(v, out);
  mitch::status vst = mitch::try_validate(v);
  if (err) {
    if (static_cast<int>(st) != err)
      fail("try_encode gave " + status_text(st) + ", want " + std::to_string(err));
    if (static_cast<int>(vst) != err)
      fail("try_validate gave " + status_text(vst) + ", want " + std::to_string(err));
    for (auto b : out)
      if (b != 0xA5)
        fail("a failed encode wrote to its output");
    try {
      (void)mitch::encode(v);
      fail("mitch::encode did not throw");
    } catch (const mitch::error &e) {
      if (static_cast<int>(e.status()) != err || e.code().value() != err)
        fail("mitch::encode threw status " + status_text(e.status()));
    }
    return;
  }
  std::vector<std::uint8_t> want = hex_cell(expect, size);
  if (st != mitch::status::ok)
    fail("try_encode gave " + status_text(st));
  if (vst != mitch::status::ok)
    fail("try_validate gave " + status_text(vst));
  if (std::memcmp(out.data(), want.data(), size) != 0) {
    std::size_t k = 0;
    while (out[k] == want[k])
      k++;
    fail("encoded bytes differ from expect at offset " + std::to_string(k));
  }
  if (out[size] != 0xA5)
    fail("encode wrote past the body");
  auto thrown = mitch::encode(v);
  if (std::memcmp(thrown.data(), want.data(), size) != 0)
    fail("mitch::encode differs from try_encode");
  T back = mitch::decode<T>(want);
  if (!same(back, v))
    fail("decoding the expected bytes did not give every field back");
  std::vector<std::uint8_t> longer(want);
  longer.resize(size + 9, 0xFF);
  T back2{};
  if (mitch::try_decode(longer, back2) != mitch::status::ok || !same(back2, v))
    fail("decoding from a longer buffer differs");
  T untouched = v;
  if (mitch::try_decode(mitch::byte_view(want).subview(0, size - 1), untouched) !=
      mitch::status::buffer_too_small)
    fail("one byte short is not buffer_too_small");
}

void trade_row(const row_view &r) {
  mitch::trade v;
  v.ticker_id = r.u("ticker_id", UINT64_MAX);
  v.price = r.d("price");
  v.quantity = static_cast<std::uint32_t>(r.u("quantity", UINT32_MAX));
  v.trade_id = static_cast<std::uint32_t>(r.u("trade_id", UINT32_MAX));
  v.side = static_cast<mitch::side>(r.u("side", UINT8_MAX));
  check_body(v, r["expect"], [](const mitch::trade &a, const mitch::trade &b) {
    return a.ticker_id == b.ticker_id && same_bits(a.price, b.price) && a.quantity == b.quantity &&
           a.trade_id == b.trade_id && a.side == b.side;
  });
}

void order_row(const row_view &r) {
  mitch::order v;
  v.ticker_id = r.u("ticker_id", UINT64_MAX);
  v.order_id = static_cast<std::uint32_t>(r.u("order_id", UINT32_MAX));
  v.price = r.d("price");
  v.quantity = static_cast<std::uint32_t>(r.u("quantity", UINT32_MAX));
  v.order_type = static_cast<mitch::order_type>(r.u("order_type", UINT8_MAX));
  v.side = static_cast<mitch::side>(r.u("side", UINT8_MAX));
  v.expiry_ms = r.u("expiry_ms", UINT64_MAX);
  check_body(v, r["expect"], [](const mitch::order &a, const mitch::order &b) {
    return a.ticker_id == b.ticker_id && a.order_id == b.order_id && same_bits(a.price, b.price) &&
           a.quantity == b.quantity && a.order_type == b.order_type && a.side == b.side &&
           a.expiry_ms == b.expiry_ms;
  });
}

void tick_row(const row_view &r) {
  mitch::tick v;
  v.ticker_id = r.u("ticker_id", UINT64_MAX);
  v.bid_price = r.d("bid_price");
  v.ask_price = r.d("ask_price");
  v.bid_volume = static_cast<std::uint32_t>(r.u("bid_volume", UINT32_MAX));
  v.ask_volume = static_cast<std::uint32_t>(r.u("ask_volume", UINT32_MAX));
  check_body(v, r["expect"], [](const mitch::tick &a, const mitch::tick &b) {
    return a.ticker_id == b.ticker_id && same_bits(a.bid_price, b.bid_price) &&
           same_bits(a.ask_price, b.ask_price) && a.bid_volume == b.bid_volume &&
           a.ask_volume == b.ask_volume;
  });
}

void index_row(const row_view &r) {
  mitch::index v;
  v.ticker_id = r.u("ticker_id", UINT64_MAX);
  v.mid = r.d("mid");
  v.v_bid = static_cast<std::uint32_t>(r.u("v_bid", UINT32_MAX));
  v.v_ask = static_cast<std::uint32_t>(r.u("v_ask", UINT32_MAX));
  v.m_spread = static_cast<std::int32_t>(r.i("m_spread", INT32_MIN, INT32_MAX));
  v.b_bid_o = static_cast<std::int32_t>(r.i("b_bid_o", INT32_MIN, INT32_MAX));
  v.b_ask_o = static_cast<std::int32_t>(r.i("b_ask_o", INT32_MIN, INT32_MAX));
  v.w_bid_o = static_cast<std::int32_t>(r.i("w_bid_o", INT32_MIN, INT32_MAX));
  v.w_ask_o = static_cast<std::int32_t>(r.i("w_ask_o", INT32_MIN, INT32_MAX));
  v.v_force = static_cast<std::uint16_t>(r.u("v_force", UINT16_MAX));
  v.l_force = static_cast<std::uint16_t>(r.u("l_force", UINT16_MAX));
  v.t_force = static_cast<std::int16_t>(r.i("t_force", INT16_MIN, INT16_MAX));
  v.m_force = static_cast<std::int16_t>(r.i("m_force", INT16_MIN, INT16_MAX));
  v.confidence = static_cast<std::uint8_t>(r.u("confidence", UINT8_MAX));
  v.rejected = static_cast<std::uint8_t>(r.u("rejected", UINT8_MAX));
  v.accepted = static_cast<std::uint8_t>(r.u("accepted", UINT8_MAX));
  check_body(v, r["expect"], [](const mitch::index &a, const mitch::index &b) {
    return a.ticker_id == b.ticker_id && same_bits(a.mid, b.mid) && a.v_bid == b.v_bid &&
           a.v_ask == b.v_ask && a.m_spread == b.m_spread && a.b_bid_o == b.b_bid_o &&
           a.b_ask_o == b.b_ask_o && a.w_bid_o == b.w_bid_o && a.w_ask_o == b.w_ask_o &&
           a.v_force == b.v_force && a.l_force == b.l_force && a.t_force == b.t_force &&
           a.m_force == b.m_force && a.confidence == b.confidence && a.rejected == b.rejected &&
           a.accepted == b.accepted;
  });
}

void header_row(const row_view &r) {
  mitch::header v;
  v.message_type = static_cast<mitch::message_type>(char_cell(r["message_type"], "message_type"));
  v.timestamp = r.u("timestamp", UINT64_MAX);
  v.count = static_cast<std::uint8_t>(r.u("count", UINT8_MAX));
  check_body(v, r["expect"], [](const mitch::header &a, const mitch::header &b) {
    return a.message_type == b.message_type && a.timestamp == b.timestamp && a.count == b.count;
  });
}

/* README: bins from the seed; count = ((seed + 2i) * 2654435761) mod 2^32,
   volume = ((seed + 2i + 1) * ...), i = 0..255 (bids, then asks). */
std::uint32_t seeded(std::uint64_t seed, std::uint64_t k) {
  return static_cast<std::uint32_t>(((seed + k) * 2654435761ull) & 0xFFFFFFFFull);
}

void order_book_row(const row_view &r) {
  mitch::order_book v;
  v.ticker_id = r.u("ticker_id", UINT64_MAX);
  v.mid_price = r.d("mid_price");
  v.bin_aggregator = static_cast<mitch::bin_aggregator>(r.u("bin_aggregator", UINT8_MAX));
  std::uint64_t seed = r.u("bins_seed", UINT32_MAX);
  for (std::uint64_t i = 0; i < 256; i++) {
    mitch::bin b{seeded(seed, 2 * i), seeded(seed, 2 * i + 1)};
    if (i < 128)
      v.bids[i] = b;
    else
      v.asks[i - 128] = b;
  }
  check_body(v, r["expect"], [](const mitch::order_book &a, const mitch::order_book &b) {
    if (a.ticker_id != b.ticker_id || !same_bits(a.mid_price, b.mid_price) ||
        a.bin_aggregator != b.bin_aggregator)
      return false;
    for (std::size_t i = 0; i < mitch::bins_per_side; i++)
      if (a.bids[i].count != b.bids[i].count || a.bids[i].volume != b.bids[i].volume ||
          a.asks[i].count != b.asks[i].count || a.asks[i].volume != b.asks[i].volume)
        return false;
    return true;
  });
}

void ticker_id_row(const row_view &r) {
  mitch::ticker_fields f;
  f.instrument_type = static_cast<mitch::instrument_type>(r.u("instrument_type", UINT8_MAX));
  f.base_class = static_cast<mitch::asset_class>(r.u("base_class", UINT8_MAX));
  f.base_id = static_cast<std::uint16_t>(r.u("base_id", UINT16_MAX));
  f.quote_class = static_cast<mitch::asset_class>(r.u("quote_class", UINT8_MAX));
  f.quote_id = static_cast<std::uint16_t>(r.u("quote_id", UINT16_MAX));
  f.sub_type = static_cast<std::uint32_t>(r.u("sub_type", UINT32_MAX));
  const std::string &expect = r["expect"];
  int err = error_of(expect);
  std::uint64_t id = 0xDEADBEEF;
  mitch::status st = mitch::try_encode_ticker_id(f, id);
  if (err) {
    if (static_cast<int>(st) != err)
      fail("try_encode_ticker_id gave " + status_text(st) + ", want " + std::to_string(err));
    if (id != 0xDEADBEEF)
      fail("a failed encode wrote its output");
    try {
      (void)mitch::encode_ticker_id(f);
      fail("mitch::encode_ticker_id did not throw");
    } catch (const mitch::error &e) {
      if (static_cast<int>(e.status()) != err)
        fail("mitch::encode_ticker_id threw status " + status_text(e.status()));
    }
    return;
  }
  std::uint64_t want = unsigned_cell(expect, UINT64_MAX, "expect");
  if (st != mitch::status::ok || id != want)
    fail("try_encode_ticker_id gave status " + status_text(st) + ", a different id");
  if (mitch::encode_ticker_id(f) != want)
    fail("mitch::encode_ticker_id differs");
  mitch::ticker_fields back = mitch::decode_ticker_id(want);
  if (back.instrument_type != f.instrument_type || back.base_class != f.base_class ||
      back.base_id != f.base_id || back.quote_class != f.quote_class ||
      back.quote_id != f.quote_id || back.sub_type != f.sub_type)
    fail("decode_ticker_id did not give the fields back");
}

void channel_row(const row_view &r) {
  std::uint16_t provider = static_cast<std::uint16_t>(r.u("provider_id", UINT16_MAX));
  auto type = static_cast<mitch::message_type>(char_cell(r["message_type"], "message_type"));
  std::uint32_t want = static_cast<std::uint32_t>(r.u("channel_id", UINT32_MAX));
  std::vector<std::uint8_t> bytes = hex_cell(r["bytes"], 4);
  std::uint32_t id = 0;
  mitch::status st = mitch::try_channel_id(provider, type, id);
  if (st != mitch::status::ok || id != want)
    fail("try_channel_id gave status " + status_text(st) + ", id " + std::to_string(id));
  if (mitch::channel_id(provider, type) != want)
    fail("mitch::channel_id differs");
  if (mitch::try_validate_channel(want) != mitch::status::ok)
    fail("the channel id does not validate");
  auto written = mitch::write_channel(want);
  if (std::memcmp(written.data(), bytes.data(), 4) != 0)
    fail("write_channel bytes differ from the vector's");
  if (mitch::read_channel(bytes) != want)
    fail("read_channel did not give the id back");
  mitch::channel c = mitch::decode_channel(want);
  if (c.provider_id != provider || c.message_type != type)
    fail("decode_channel did not give the fields back");
}

/* ---- resolution -------------------------------------------------------- */

void ticker_row(const row_view &r) {
  const std::string &symbol = r["symbol"];
  auto type = static_cast<mitch::instrument_type>(r.u("instrument_type", UINT8_MAX));
  std::uint64_t want = r.u("ticker_id", UINT64_MAX);
  mitch::resolution res;
  mitch::status st = mitch::try_resolve_ticker(symbol, type, res);
  if (st != mitch::status::ok)
    fail("try_resolve_ticker gave " + status_text(st));
  if (res.ticker_id != want || res.instrument_type != type)
    fail("resolved to another ticker id");
  if (mitch::to_underlying(res.base.asset_class) != r.u("base_class", 15) ||
      res.base.class_id != r.u("base_id", UINT16_MAX) ||
      mitch::to_underlying(res.quote.asset_class) != r.u("quote_class", 15) ||
      res.quote.class_id != r.u("quote_id", UINT16_MAX))
    fail("resolved to other legs");
  if (res.base.name != r["base_name"] || res.quote.name != r["quote_name"])
    fail("leg names \"" + std::string(res.base.name) + "\" / \"" + std::string(res.quote.name) +
         "\" differ");
  if (mitch::resolve_ticker(symbol, type).ticker_id != want)
    fail("mitch::resolve_ticker differs");
}

void asset_row(const row_view &r) {
  const std::string &query = r["query"];
  const std::string &filter = r["class_filter"];
  double min = r.d("min_confidence");
  mitch::asset_match m;
  mitch::status st =
      filter == "-" ? mitch::try_find_asset(query, min, m)
                    : mitch::try_find_asset(
                          query, static_cast<mitch::asset_class>(unsigned_cell(filter, 15, "class_filter")),
                          min, m);
  if (r["expect_class"] == "-") {
    if (st != mitch::status::not_found)
      fail("want not found, got " + status_text(st));
    return;
  }
  if (st != mitch::status::ok)
    fail("try_find_asset gave " + status_text(st));
  if (mitch::to_underlying(m.asset.asset_class) != r.u("expect_class", 15) ||
      m.asset.class_id != r.u("expect_id", UINT16_MAX) || m.asset.name != r["expect_name"])
    fail("found \"" + std::string(m.asset.name) + "\", another asset");
  if (!(m.confidence >= min && m.confidence <= 1.0))
    fail("confidence out of range");
}

void provider_row(const row_view &r) {
  const std::string &query = r["query"];
  double min = r.d("min_confidence");
  mitch::provider_match m;
  mitch::status st = mitch::try_find_provider(query, min, m);
  if (r["expect_id"] == "-") {
    if (st != mitch::status::not_found)
      fail("want not found, got " + status_text(st));
    return;
  }
  if (st != mitch::status::ok)
    fail("try_find_provider gave " + status_text(st));
  if (m.provider.id != r.u("expect_id", UINT16_MAX) || m.provider.name != r["expect_name"])
    fail("found \"" + std::string(m.provider.name) + "\", another provider");
  if (!(m.confidence >= min))
    fail("confidence below the minimum");
}

/* ---- driver ------------------------------------------------------------ */

struct vector_file {
  const char *path;
  std::vector<std::string> columns; /* as the README lists them */
  void (*check)(const row_view &);
};

}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    // a mistyped DIR is a usage error, not eleven missing files
    std::fprintf(stderr, "%s: %s is not a directory\n", argv[0], dir.c_str());
    return 2;
  }
  const std::vector<vector_file> files = {
      {"messages/trade.tsv", {"ticker_id", "price", "quantity", "trade_id", "side", "expect"}, trade_row},
      {"messages/order.tsv",
       {"ticker_id", "order_id", "price", "quantity", "order_type", "side", "expiry_ms", "expect"},
       order_row},
      {"messages/tick.tsv",
       {"ticker_id", "bid_price", "ask_price", "bid_volume", "ask_volume", "expect"},
       tick_row},
      {"messages/index.tsv",
       {"ticker_id", "mid", "v_bid", "v_ask", "m_spread", "b_bid_o", "b_ask_o", "w_bid_o", "w_ask_o",
        "v_force", "l_force", "t_force", "m_force", "confidence", "rejected", "accepted", "expect"},
       index_row},
      {"messages/header.tsv", {"message_type", "timestamp", "count", "expect"}, header_row},
      {"messages/ticker_id.tsv",
       {"instrument_type", "base_class", "base_id", "quote_class", "quote_id", "sub_type", "expect"},
       ticker_id_row},
      {"messages/channel.tsv", {"provider_id", "message_type", "channel_id", "bytes"}, channel_row},
      {"messages/order_book.tsv",
       {"ticker_id", "mid_price", "bin_aggregator", "bins_seed", "expect"},
       order_book_row},
      {"resolution/tickers.tsv",
       {"symbol", "instrument_type", "ticker_id", "base_class", "base_id", "quote_class", "quote_id",
        "base_name", "quote_name"},
       ticker_row},
      {"resolution/assets.tsv",
       {"query", "class_filter", "min_confidence", "expect_class", "expect_id", "expect_name"},
       asset_row},
      {"resolution/providers.tsv", {"query", "min_confidence", "expect_id", "expect_name"}, provider_row},
  };
  unsigned long passed = 0, failed = 0;
  for (const auto &f : files) {
    /* A file that is missing, unreadable or has no rows is one failure; a
       damaged row fails alone and the rest of its file is still checked. */
    table t = load(dir, f.path);
    if (t.missing) {
      std::fprintf(stderr, "%s: missing\n", f.path);
      failed++;
      continue;
    }
    if (t.lines > 0 && t.columns != f.columns) {
      std::fprintf(stderr, "%s: the columns are not the README's; its %zu rows fail\n", f.path,
                   t.rows.size());
      failed += t.rows.size() ? t.rows.size() : 1;
      continue;
    }
    for (const row &r : t.rows) {
      try {
        if (!r.damage.empty())
          fail(r.damage);
        if (r.cells.size() != t.columns.size())
          fail("the row has " + std::to_string(r.cells.size()) + " cells, not " +
               std::to_string(t.columns.size()));
        f.check(row_view(t, r.cells));
        passed++;
      } catch (const row_failure &e) {
        std::fprintf(stderr, "%s:%zu: %s\n", f.path, r.line, bounded(e.what).c_str());
        failed++;
      } catch (const std::exception &e) {
        std::fprintf(stderr, "%s:%zu: unexpected exception: %s\n", f.path, r.line,
                     bounded(e.what()).c_str());
        failed++;
      }
    }
    if (!t.unreadable.empty()) {
      if (t.lines == 0)
        std::fprintf(stderr, "%s: unreadable: %s\n", f.path, t.unreadable.c_str());
      else
        std::fprintf(stderr, "%s: unreadable after line %zu: %s\n", f.path, t.lines,
                     t.unreadable.c_str());
      failed++;
    } else if (t.rows.empty()) {
      /* no header or no rows: a file cut short, not a file of no vectors */
      std::fprintf(stderr, "%s: no rows\n", f.path);
      failed++;
    }
  }
  std::printf("%lu passed, %lu failed\n", passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}
