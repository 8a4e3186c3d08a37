/*
 * test_layouts.cpp - the C++ types against the library's own description
 * of its layouts, `mitch info --layouts --json` (the tool is found through
 * MITCH_TOOL, else the build tree's tools/mitch): for every type the
 * library reads or writes in place, the size, the alignment and each
 * member's offset and size; for every type a user sees, the member names,
 * their order and their kinds.  A layout the binding has no type for must
 * be listed with the reason.
 */
#include <mitch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "test_harness.hpp"

namespace {

/* ---- a small JSON reader (the tool's output only) ---------------------- */

struct json {
  enum kind_t { null, number, string, array, object, boolean } kind = null;
  double num = 0;
  std::string str;
  std::vector<json> items;     /* an array's, or an object's values */
  std::vector<std::string> keys; /* an object's keys, keys[i] for items[i] */
  const json *get(const std::string &key) const {
    for (std::size_t i = 0; i < keys.size(); i++)
      if (keys[i] == key)
        return &items[i];
    return nullptr;
  }
};

class json_reader {
 public:
  explicit json_reader(const std::string &text) : s_(text) {}
  bool parse(json &out) {
    bool ok = value(out);
    space();
    return ok && p_ == s_.size();
  }

 private:
  void space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r'))
      p_++;
  }
  bool literal(const char *word) {
    std::size_t n = std::strlen(word);
    if (s_.compare(p_, n, word) != 0)
      return false;
    p_ += n;
    return true;
  }
  bool text(std::string &out) {
    if (p_ >= s_.size() || s_[p_] != '"')
      return false;
    p_++;
    while (p_ < s_.size() && s_[p_] != '"') {
      char c = s_[p_++];
      if (c == '\\') {
        if (p_ >= s_.size())
          return false;
        char e = s_[p_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'u': /* the tool writes ASCII; keep the escape as is */
            out += "\\u";
            break;
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    if (p_ >= s_.size())
      return false;
    p_++;
    return true;
  }
  bool value(json &out) {
    space();
    if (p_ >= s_.size())
      return false;
    char c = s_[p_];
    if (c == '{') {
      out.kind = json::object;
      p_++;
      space();
      if (p_ < s_.size() && s_[p_] == '}')
        return ++p_, true;
      for (;;) {
        std::string key;
        json v;
        space();
        if (!text(key))
          return false;
        space();
        if (p_ >= s_.size() || s_[p_++] != ':' || !value(v))
          return false;
        out.keys.push_back(key);
        out.items.push_back(v);
        space();
        if (p_ < s_.size() && s_[p_] == ',') {
          p_++;
          continue;
        }
        return p_ < s_.size() && s_[p_++] == '}';
      }
    }
    if (c == '[') {
      out.kind = json::array;
      p_++;
      space();
      if (p_ < s_.size() && s_[p_] == ']')
        return ++p_, true;
      for (;;) {
        json v;
        if (!value(v))
          return false;
        out.items.push_back(v);
        space();
        if (p_ < s_.size() && s_[p_] == ',') {
          p_++;
          continue;
        }
        return p_ < s_.size() && s_[p_++] == ']';
      }
    }
    if (c == '"') {
      out.kind = json::string;
      return text(out.str);
    }
    if (literal("null")) {
      out.kind = json::null;
      return true;
    }
    if (literal("true") || literal("false")) {
      out.kind = json::boolean;
      return true;
    }
    char *end = nullptr;
    out.num = std::strtod(s_.c_str() + p_, &end);
    if (end == s_.c_str() + p_)
      return false;
    out.kind = json::number;
    p_ = static_cast<std::size_t>(end - s_.c_str());
    return true;
  }
  const std::string &s_;
  std::size_t p_ = 0;
};

bool read_layouts(json &out) {
  const char *tool = std::getenv("MITCH_TOOL");
  std::string cmd = std::string("'") + (tool && *tool ? tool : "tools/mitch") + "' info --layouts --json";
  FILE *f = popen(cmd.c_str(), "r");
  if (!f)
    return false;
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
    text.append(buf, n);
  if (pclose(f) != 0)
    return false;
  return json_reader(text).parse(out);
}

/* ---- the C++ side: each member's name, offset, size and kind ----------- */

/* The layout kinds a C++ member type stands for. */
template <class T>
const char *kinds_of() {
  using U = std::remove_cv_t<T>;
  if constexpr (std::is_enum_v<U>) {
    return kinds_of<std::underlying_type_t<U>>();
  } else if constexpr (std::is_same_v<U, std::uint8_t>) {
    return "u8 bits";
  } else if constexpr (std::is_same_v<U, std::uint16_t>) {
    return "u16";
  } else if constexpr (std::is_same_v<U, std::uint32_t>) {
    return "u32";
  } else if constexpr (std::is_same_v<U, std::uint64_t> || std::is_same_v<U, unsigned long>) {
    return "u64 u48 size";
  } else if constexpr (std::is_same_v<U, std::int16_t>) {
    return "i16";
  } else if constexpr (std::is_same_v<U, std::int32_t>) {
    return "i32 int";
  } else if constexpr (std::is_same_v<U, double>) {
    return "f64";
  } else if constexpr (std::is_same_v<U, std::string_view>) {
    return "pointer";
  } else if constexpr (std::is_same_v<U, std::array<mitch::bin, mitch::bins_per_side>>) {
    return "bins";
  } else if constexpr (std::is_same_v<U, std::array<char, MITCH_STEPS_MAX>> ||
                       std::is_same_v<U, std::array<char, mitch::error_text_size>>) {
    return "chars";
  } else if constexpr (std::is_class_v<U>) {
    return "struct";
  } else {
    return "?";
  }
}

struct member {
  const char *name; /* the C member it stands for */
  std::size_t offset, size;
  const char *kinds;
};

struct cpp_type {
  std::size_t size, align;
  bool in_place; /* the library reads or writes it as the C struct */
  std::vector<member> members;
};

#define MEMBER(type, cpp_name, c_name)                                                          \
  member {                                                                                      \
    c_name, offsetof(type, cpp_name), sizeof(type::cpp_name), kinds_of<decltype(type::cpp_name)>() \
  }
#define SAME(type, m) MEMBER(type, m, #m)
#define TYPE(type, in_place, ...)                                                               \
  cpp_type { sizeof(type), alignof(type), in_place, { __VA_ARGS__ } }

std::map<std::string, cpp_type> cpp_types() {
  using namespace mitch;
  return {
      {"header", TYPE(header, true, SAME(header, message_type), SAME(header, count), SAME(header, timestamp))},
      {"trade", TYPE(trade, true, SAME(trade, ticker_id), SAME(trade, price), SAME(trade, quantity),
                     SAME(trade, trade_id), SAME(trade, side))},
      {"order", TYPE(order, true, SAME(order, ticker_id), SAME(order, order_id), SAME(order, price),
                     SAME(order, quantity), SAME(order, order_type), SAME(order, side), SAME(order, expiry_ms))},
      {"tick", TYPE(tick, true, SAME(tick, ticker_id), SAME(tick, bid_price), SAME(tick, ask_price),
                    SAME(tick, bid_volume), SAME(tick, ask_volume))},
      {"index", TYPE(mitch::index, true, SAME(mitch::index, ticker_id), SAME(mitch::index, mid),
                     SAME(mitch::index, v_bid), SAME(mitch::index, v_ask), SAME(mitch::index, m_spread),
                     SAME(mitch::index, b_bid_o), SAME(mitch::index, b_ask_o), SAME(mitch::index, w_bid_o),
                     SAME(mitch::index, w_ask_o), SAME(mitch::index, v_force), SAME(mitch::index, l_force),
                     SAME(mitch::index, t_force), SAME(mitch::index, m_force), SAME(mitch::index, confidence),
                     SAME(mitch::index, rejected), SAME(mitch::index, accepted))},
      {"order_book", TYPE(order_book, true, SAME(order_book, ticker_id), SAME(order_book, mid_price),
                          SAME(order_book, bin_aggregator), SAME(order_book, bids), SAME(order_book, asks))},
      {"bin", TYPE(bin, true, SAME(bin, count), SAME(bin, volume))},
      {"ticker_fields", TYPE(ticker_fields, true, SAME(ticker_fields, instrument_type),
                             SAME(ticker_fields, base_class), SAME(ticker_fields, base_id),
                             SAME(ticker_fields, quote_class), SAME(ticker_fields, quote_id),
                             SAME(ticker_fields, sub_type))},
      {"stream_info", TYPE(stream_info, false, SAME(stream_info, messages), SAME(stream_info, bodies),
                           SAME(stream_info, error_offset), SAME(stream_info, message_offset))},
      {"error", TYPE(error_info, false, SAME(error_info, status), SAME(error_info, layout),
                     SAME(error_info, field), SAME(error_info, other_field), SAME(error_info, field_name),
                     SAME(error_info, other_name), SAME(error_info, rule), SAME(error_info, value),
                     SAME(error_info, other_value), SAME(error_info, index), SAME(error_info, offset),
                     SAME(error_info, message_offset), SAME(error_info, text))},
      {"asset", TYPE(asset, false, SAME(asset, asset_id), SAME(asset, class_id), SAME(asset, asset_class),
                     SAME(asset, name), SAME(asset, symbol), SAME(asset, aliases))},
      {"provider", TYPE(provider, false, SAME(provider, id), SAME(provider, name), SAME(provider, abbreviations))},
      {"resolution", TYPE(resolution, false, SAME(resolution, ticker_id), SAME(resolution, instrument_type),
                          SAME(resolution, base), SAME(resolution, quote), SAME(resolution, confidence),
                          MEMBER(resolution, steps_text, "steps"))},
      {"class_info", TYPE(class_info, false, SAME(class_info, id), SAME(class_info, name), SAME(class_info, code))},
      {"tick_metrics", TYPE(tick_metrics, false, SAME(tick_metrics, mid), SAME(tick_metrics, spread),
                            SAME(tick_metrics, spread_bps), SAME(tick_metrics, imbalance),
                            SAME(tick_metrics, total_volume))},
      {"index_metrics", TYPE(index_metrics, false, SAME(index_metrics, best_bid_price),
                             SAME(index_metrics, best_ask_price), SAME(index_metrics, worst_bid_price),
                             SAME(index_metrics, worst_ask_price), SAME(index_metrics, mean_spread),
                             SAME(index_metrics, volatility), SAME(index_metrics, liquidity),
                             SAME(index_metrics, trend), SAME(index_metrics, momentum),
                             SAME(index_metrics, confidence_band))},
  };
}

/* Layouts the binding deliberately has no mirror of, and why. */
const std::map<std::string, const char *> not_mirrored = {
    {"capture_sink", "built by decode_capture from each capture_column's spans"},
    {"message", "mitch::message is a view with accessors over the caller's buffer"},
    {"reader", "mitch::message_range keeps the reader inside"},
};

bool has_kind(const char *kinds, const std::string &kind) {
  std::string all = std::string(" ") + kinds + " ";
  return all.find(" " + kind + " ") != std::string::npos;
}

}  // namespace

TEST(layouts_match_the_library) {
  json doc;
  REQUIRE(read_layouts(doc));
  const json *version = doc.get("library_version");
  REQUIRE(version && version->kind == json::string);
  CHECK(version->str == std::string(mitch::library_version()));
  const json *layouts = doc.get("layouts");
  REQUIRE(layouts && layouts->kind == json::array && !layouts->items.empty());
  auto types = cpp_types();
  std::size_t seen = 0, bodies = 0;
  for (const json &lay : layouts->items) {
    const json *name = lay.get("name");
    const json *fields = lay.get("fields");
    REQUIRE(name && fields && lay.get("struct_size") && lay.get("struct_align"));
    const json *mt = lay.get("message_type");
    if (mt && mt->kind == json::string)
      bodies++;
    auto it = types.find(name->str);
    if (it == types.end()) {
      if (!not_mirrored.count(name->str)) {
        std::fprintf(stderr, "layout %s has no C++ type and no reason not to\n", name->str.c_str());
        CHECK(false);
      }
      continue;
    }
    seen++;
    const cpp_type &t = it->second;
    if (t.in_place) {
      CHECK(static_cast<double>(t.size) == lay.get("struct_size")->num);
      CHECK(static_cast<double>(t.align) == lay.get("struct_align")->num);
    }
    /* The C members in struct order (padding has no member). */
    std::vector<const json *> members;
    for (const json &f : fields->items)
      if (f.get("struct_offset") && f.get("struct_offset")->kind == json::number)
        members.push_back(&f);
    std::stable_sort(members.begin(), members.end(), [](const json *a, const json *b) {
      return a->get("struct_offset")->num < b->get("struct_offset")->num;
    });
    if (members.size() != t.members.size()) {
      std::fprintf(stderr, "%s: C has %zu members, C++ %zu\n", name->str.c_str(), members.size(),
                   t.members.size());
      CHECK(false);
      continue;
    }
    /* C++ members in declaration order are in offset order. */
    for (std::size_t i = 1; i < t.members.size(); i++)
      CHECK(t.members[i - 1].offset < t.members[i].offset);
    for (std::size_t i = 0; i < members.size(); i++) {
      const json &f = *members[i];
      const member &m = t.members[i];
      const std::string c_name = f.get("name")->str, kind = f.get("kind")->str;
      bool ok = c_name == m.name && has_kind(m.kinds, kind);
      if (t.in_place)
        ok = ok && static_cast<double>(m.offset) == f.get("struct_offset")->num &&
             static_cast<double>(m.size) == f.get("struct_size")->num;
      if (!ok) {
        std::fprintf(stderr, "%s member %zu: C %s (%s, offset %g, size %g), C++ %s (%s, %zu, %zu)\n",
                     name->str.c_str(), i, c_name.c_str(), kind.c_str(), f.get("struct_offset")->num,
                     f.get("struct_size")->num, m.name, m.kinds, m.offset, m.size);
        CHECK(false);
      }
    }
  }
  CHECK(seen == types.size());
  CHECK(bodies == 5);
}
