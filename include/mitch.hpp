/*
 * mitch.hpp - the C++ interface of libmitch (header-only, C++17 or later).
 *
 *   #include <mitch.hpp>
 *   build: c++ -std=c++17 app.cpp $(pkg-config --cflags --libs mitch)
 *   CMake: find_package(mitch 1.1) + target_link_libraries(app PRIVATE mitch::cxx)
 *
 * Everything here is a thin inline layer over the C functions of mitch.h:
 * no codec rule, bin table or resolution step is written twice.  What the
 * layer adds is C++ vocabulary:
 *
 *  - value types with the protocol's field names (mitch::trade, mitch::order,
 *    mitch::tick, mitch::index, mitch::order_book, mitch::header) and enum
 *    classes for the coded fields (mitch::side, mitch::order_type, ...);
 *  - views over the caller's memory (mitch::byte_view, mitch::mutable_byte_view
 *    and mitch::span<T>; each converts from std::span under C++20), so a
 *    capture is read in place:
 *
 *        for (auto& msg : mitch::messages(buf))
 *          if (msg.is<mitch::trade>())
 *            for (auto& t : msg.bodies<mitch::trade>())
 *              use(t.ticker_id, t.price);
 *
 *  - errors: every failing call throws mitch::error (derived from
 *    std::system_error, category mitch::category(), one subclass per status:
 *    mitch::invalid_field_value_error ...) carrying the status, the field, the
 *    rule it breaks and the byte offset.  Every throwing call has a try_
 *    twin that is noexcept, returns a mitch::status and fills an optional
 *    mitch::error_info with the same details: that is the interface for code
 *    built with -fno-exceptions (where the throwing calls are not declared).
 *
 * Costs: no call allocates memory except the few that return a std::string
 * or a std::vector (name_key, read_capture, the vector form of
 * encode_capture) and throwing an exception; the codecs, the iteration, the
 * captures and the registry lookups work on the stack and in the caller's
 * buffers, the try_ calls included, failures and their error_info too.
 * Functions that cannot fail are noexcept.  Like the C library, nothing
 * here keeps mutable global state: every call may run in any number of
 * threads at once.
 *
 * Layouts: the value types passed to C (the bodies, header, bin, ticker
 * fields) have exactly the size, alignment and member offsets of the C
 * structs of mitch.h (static_asserts below), so batch calls hand the
 * caller's arrays to the library in one call without copying.  The test
 * suite also compares them with the library's own description of its
 * layouts (`mitch info --layouts --json`).
 *
 * Copyright and licence: see COPYING in the source distribution.
 */
#ifndef MITCH_HPP
#define MITCH_HPP 1

#include <mitch.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(_MSVC_LANG)
#  define MITCH_HPP_CPLUSPLUS _MSVC_LANG
#else
#  define MITCH_HPP_CPLUSPLUS __cplusplus
#endif
#if MITCH_HPP_CPLUSPLUS < 201703L
#  error "mitch.hpp needs C++17 or later (e.g. -std=c++17)"
#endif

/* std::span overloads when the standard library has it (C++20). */
#if MITCH_HPP_CPLUSPLUS >= 202002L && defined(__has_include)
#  if __has_include(<span>)
#    include <span>
#    if defined(__cpp_lib_span)
#      define MITCH_HPP_STD_SPAN 1
#    endif
#  endif
#endif

/* The throwing calls exist only when exceptions do; define
   MITCH_HPP_NO_EXCEPTIONS to leave them out anyway. */
#if !defined(MITCH_HPP_NO_EXCEPTIONS) && (defined(__cpp_exceptions) || defined(_CPPUNWIND))
#  define MITCH_HPP_EXCEPTIONS 1
#endif

/* The error details and capture decoding are libmitch 1.1's. */
#if MITCH_VERSION_NUMBER < 0x010100
#  error "mitch.hpp needs mitch.h 1.1 or later"
#endif

static_assert(MITCH_VERSION_MAJOR == 1, "mitch.hpp is written for libmitch 1.x");

namespace mitch {

/* ====================================================================== */
/* Status codes and the error category                                    */
/* ====================================================================== */

/* The status of every call: mitch.h's codes. */
enum class status : int {
  ok = MITCH_OK,
  invalid_data = MITCH_ERR_INVALID_DATA,                 /* missing input, bad text, no match */
  invalid_message_type = MITCH_ERR_INVALID_MESSAGE_TYPE, /* type byte not one of t o s i b */
  buffer_too_small = MITCH_ERR_BUFFER_TOO_SMALL,         /* input too short, or output too short */
  invalid_ticker_id = MITCH_ERR_INVALID_TICKER_ID,
  invalid_channel_id = MITCH_ERR_INVALID_CHANNEL_ID,
  invalid_field_value = MITCH_ERR_INVALID_FIELD_VALUE,   /* a field breaks a protocol rule */
  serialization = MITCH_ERR_SERIALIZATION,
  end = MITCH_END,                                       /* not an error: the reader's "no more" */
  not_found = MITCH_ERR_NOT_FOUND,                       /* registry: nothing matches */
  unknown = MITCH_ERR_UNKNOWN
};

/* mitch_strerror's text for a status; never empty. */
inline std::string_view status_message(status s) noexcept {
  return mitch_strerror(static_cast<int>(s));
}

namespace detail {
class category_impl final : public std::error_category {
 public:
  const char *name() const noexcept override { return "mitch"; }
  std::string message(int code) const override { return mitch_strerror(code); }
};
}  // namespace detail

/* The "mitch" error category: std::error_code{int(status), mitch::category()}.
   One constant object (it holds no state). */
inline const std::error_category &category() noexcept {
  static const detail::category_impl instance;
  return instance;
}

inline std::error_code make_error_code(status s) noexcept {
  return std::error_code(static_cast<int>(s), category());
}

}  // namespace mitch

template <>
struct std::is_error_code_enum<mitch::status> : std::true_type {};

namespace mitch {

/* ====================================================================== */
/* Coded fields                                                           */
/* ====================================================================== */

/* Each enum class holds any value of its underlying type: a code the
   protocol does not define is representable, and the library refuses it
   (status invalid_field_value, or invalid_message_type for a type byte)
   instead of the binding mapping it to something else. */

enum class message_type : std::uint8_t {
  trade = MITCH_MSG_TRADE,
  order = MITCH_MSG_ORDER,
  tick = MITCH_MSG_TICK,
  index = MITCH_MSG_INDEX,
  order_book = MITCH_MSG_ORDER_BOOK
};

enum class side : std::uint8_t { buy = MITCH_SIDE_BUY, sell = MITCH_SIDE_SELL };

enum class order_type : std::uint8_t {
  market = MITCH_ORDER_MARKET,
  limit = MITCH_ORDER_LIMIT,
  stop = MITCH_ORDER_STOP,
  cancel = MITCH_ORDER_CANCEL
};

enum class instrument_type : std::uint8_t {
  spot = MITCH_SPOT,
  future = MITCH_FUTURE,
  forward = MITCH_FORWARD,
  swap = MITCH_SWAP,
  perpetual_swap = MITCH_PERPETUAL_SWAP,
  cfd = MITCH_CFD,
  call_option = MITCH_CALL_OPTION,
  put_option = MITCH_PUT_OPTION,
  digital_option = MITCH_DIGITAL_OPTION,
  barrier_option = MITCH_BARRIER_OPTION,
  warrant = MITCH_WARRANT,
  prediction_contract = MITCH_PREDICTION_CONTRACT,
  fund_or_trust = MITCH_FUND_OR_TRUST,
  structured_product = MITCH_STRUCTURED_PRODUCT
};

enum class asset_class : std::uint8_t {
  equities = MITCH_CLASS_EQUITIES,
  corporate_bonds = MITCH_CLASS_CORPORATE_BONDS,
  sovereign_debt = MITCH_CLASS_SOVEREIGN_DEBT,
  forex = MITCH_CLASS_FOREX,
  commodities = MITCH_CLASS_COMMODITIES,
  real_estate = MITCH_CLASS_REAL_ESTATE,
  crypto = MITCH_CLASS_CRYPTO,
  private_markets = MITCH_CLASS_PRIVATE_MARKETS,
  collectibles = MITCH_CLASS_COLLECTIBLES,
  infrastructure = MITCH_CLASS_INFRASTRUCTURE,
  indices = MITCH_CLASS_INDICES,
  structured_products = MITCH_CLASS_STRUCTURED_PRODUCTS,
  cash = MITCH_CLASS_CASH,
  loans = MITCH_CLASS_LOANS
};

enum class bin_aggregator : std::uint8_t {
  lingaussian = MITCH_BINS_LINGAUSSIAN, /* recommended default */
  lingeoflat = MITCH_BINS_LINGEOFLAT,
  bilingeo = MITCH_BINS_BILINGEO,
  trilinear = MITCH_BINS_TRILINEAR
};

enum class book_side : int { bid = MITCH_BOOK_BID, ask = MITCH_BOOK_ASK };

/* The raw code of any of the enums above. */
template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
constexpr std::underlying_type_t<E> to_underlying(E e) noexcept {
  return static_cast<std::underlying_type_t<E>>(e);
}

/* ====================================================================== */
/* Views over the caller's memory                                         */
/* ====================================================================== */

namespace detail {
template <class B>
inline constexpr bool is_byte_like_v =
    std::is_same_v<std::remove_cv_t<B>, char> || std::is_same_v<std::remove_cv_t<B>, signed char> ||
    std::is_same_v<std::remove_cv_t<B>, unsigned char> ||
    std::is_same_v<std::remove_cv_t<B>, std::byte>;

/* The element type of a contiguous container (anything with std::data and
   std::size), or void. */
template <class C, class = void>
struct element_of {
  using type = void;
};
template <class C>
struct element_of<C, std::void_t<decltype(std::data(std::declval<C &>())),
                                 decltype(std::size(std::declval<C &>()))>> {
  using type = std::remove_pointer_t<decltype(std::data(std::declval<C &>()))>;
};
template <class C>
using element_t = typename element_of<std::remove_reference_t<C>>::type;
}  // namespace detail

/* A contiguous run of T that someone else owns (std::span's small cousin,
   for C++17).  Converts from arrays, std::array, std::vector, std::span and
   anything else with data() and size(). */
template <class T>
class span {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using pointer = T *;
  using reference = T &;
  using iterator = T *;

  constexpr span() noexcept = default;
  constexpr span(T *data, std::size_t size) noexcept : data_(data), size_(size) {}
  template <std::size_t N>
  constexpr span(T (&array)[N]) noexcept : data_(array), size_(N) {}
  /* Any contiguous container whose elements convert to T without slicing
     (T = const X accepts X). */
  template <class C, class E = detail::element_t<C>,
            std::enable_if_t<!std::is_void_v<E> && !std::is_array_v<std::remove_reference_t<C>> &&
                                 std::is_convertible_v<E (*)[], T (*)[]>,
                             int> = 0>
  constexpr span(C &&c) noexcept(noexcept(std::data(c)) && noexcept(std::size(c)))
      : data_(std::data(c)), size_(static_cast<std::size_t>(std::size(c))) {}

  constexpr T *data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr std::size_t size_bytes() const noexcept { return size_ * sizeof(T); }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T *begin() const noexcept { return data_; }
  constexpr T *end() const noexcept { return data_ + size_; }
  constexpr T &operator[](std::size_t i) const noexcept { return data_[i]; }
  /* Elements [offset, offset + count), clipped to the span. */
  constexpr span subspan(std::size_t offset, std::size_t count = static_cast<std::size_t>(-1)) const
      noexcept {
    if (offset > size_)
      offset = size_;
    if (count > size_ - offset)
      count = size_ - offset;
    return span(data_ + offset, count);
  }
  constexpr span first(std::size_t count) const noexcept { return subspan(0, count); }
  /* (std::span<T> converts from it as from any contiguous range.) */

 private:
  T *data_ = nullptr;
  std::size_t size_ = 0;
};

/* Read-only bytes: a capture, a body, a file mapped into memory.  Built from
   (pointer, size) or any contiguous container of char, unsigned char,
   std::uint8_t or std::byte (std::vector, std::array, std::string,
   std::string_view, std::span<const std::byte> ...). */
class byte_view {
 public:
  constexpr byte_view() noexcept = default;
  byte_view(const void *data, std::size_t size) noexcept
      : data_(static_cast<const std::uint8_t *>(data)), size_(size) {}
  template <class C, class E = detail::element_t<C>,
            std::enable_if_t<detail::is_byte_like_v<E>, int> = 0>
  byte_view(C &&c) noexcept(noexcept(std::data(c)) && noexcept(std::size(c)))
      : data_(reinterpret_cast<const std::uint8_t *>(std::data(c))),
        size_(static_cast<std::size_t>(std::size(c)) * sizeof(E)) {}

  constexpr const std::uint8_t *data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const std::uint8_t *begin() const noexcept { return data_; }
  constexpr const std::uint8_t *end() const noexcept { return data_ + size_; }
  constexpr std::uint8_t operator[](std::size_t i) const noexcept { return data_[i]; }
  /* Bytes [offset, offset + count), clipped to the view. */
  constexpr byte_view subview(std::size_t offset,
                              std::size_t count = static_cast<std::size_t>(-1)) const noexcept {
    if (offset > size_)
      offset = size_;
    if (count > size_ - offset)
      count = size_ - offset;
    return byte_view(data_ + offset, count, 0);
  }
#if defined(MITCH_HPP_STD_SPAN)
  operator std::span<const std::byte>() const noexcept {
    return std::span<const std::byte>(reinterpret_cast<const std::byte *>(data_), size_);
  }
#endif

 private:
  constexpr byte_view(const std::uint8_t *data, std::size_t size, int) noexcept
      : data_(data), size_(size) {}
  const std::uint8_t *data_ = nullptr;
  std::size_t size_ = 0;
};

/* Writable bytes: where an encoder puts its output. */
class mutable_byte_view {
 public:
  constexpr mutable_byte_view() noexcept = default;
  mutable_byte_view(void *data, std::size_t size) noexcept
      : data_(static_cast<std::uint8_t *>(data)), size_(size) {}
  template <class C, class E = detail::element_t<C>,
            std::enable_if_t<detail::is_byte_like_v<E> && !std::is_const_v<E>, int> = 0>
  mutable_byte_view(C &&c) noexcept(noexcept(std::data(c)) && noexcept(std::size(c)))
      : data_(reinterpret_cast<std::uint8_t *>(std::data(c))),
        size_(static_cast<std::size_t>(std::size(c)) * sizeof(E)) {}

  constexpr std::uint8_t *data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr std::uint8_t *begin() const noexcept { return data_; }
  constexpr std::uint8_t *end() const noexcept { return data_ + size_; }
  constexpr std::uint8_t &operator[](std::size_t i) const noexcept { return data_[i]; }
  mutable_byte_view subview(std::size_t offset,
                            std::size_t count = static_cast<std::size_t>(-1)) const noexcept {
    if (offset > size_)
      offset = size_;
    if (count > size_ - offset)
      count = size_ - offset;
    return mutable_byte_view(data_ + offset, count);
  }
  operator byte_view() const noexcept { return byte_view(data_, size_); }
#if defined(MITCH_HPP_STD_SPAN)
  operator std::span<std::byte>() const noexcept {
    return std::span<std::byte>(reinterpret_cast<std::byte *>(data_), size_);
  }
#endif

 private:
  std::uint8_t *data_ = nullptr;
  std::size_t size_ = 0;
};

/* ====================================================================== */
/* Error details and exceptions                                           */
/* ====================================================================== */

inline constexpr std::size_t error_text_size = MITCH_ERROR_TEXT_SIZE;

/* What went wrong, as far as the library can tell.  Filled by every try_
   call given one, and carried by every mitch::error.  Names and rules point
   to constant storage in the library; text is one English line. */
struct error_info {
  mitch::status status = mitch::status::ok;
  std::uint8_t layout = 0;          /* layout id of the item at fault: a type byte, or 0 = header */
  int field = -1;                   /* field index in that layout, -1 if none */
  int other_field = -1;             /* second field of a rule between two fields, else -1 */
  std::string_view field_name;      /* "" when none */
  std::string_view other_name;      /* "" when none */
  std::string_view rule;            /* the rule broken, in words; "" when none */
  double value = 0;                 /* the field's value as a number */
  double other_value = 0;
  std::size_t index = 0;            /* which body (batch, message) or message (stream) */
  std::size_t offset = 0;           /* byte offset of the damage in the caller's input */
  std::size_t message_offset = 0;   /* streams: offset of the damaged message */
  std::array<char, error_text_size> text{}; /* e.g. "price -1 is not > 0 (...)"; may be empty */

  /* The text, or mitch_strerror's when the library gave none.  Read up to
     its NUL or to the end of the array (a caller may fill it by hand). */
  std::string_view message() const noexcept {
    if (text[0] == '\0')
      return status_message(status);
    const void *nul = std::memchr(text.data(), '\0', text.size());
    return std::string_view(text.data(),
                            nul ? static_cast<std::size_t>(static_cast<const char *>(nul) -
                                                           text.data())
                                : text.size());
  }
};

#if defined(MITCH_HPP_EXCEPTIONS)
/* The exception every throwing call raises; catch the subclass of one
   status (below), mitch::error for all, or std::system_error.
   e.code() == mitch::status::invalid_field_value works too. */
class error : public std::system_error {
 public:
  explicit error(const error_info &info)
      : std::system_error(make_error_code(info.status)), info_(info) {
    /* "invalid field value: price -1 is not > 0 (...)", in fixed storage so
       that copying the exception cannot throw */
    const char *status_text = mitch_strerror(static_cast<int>(info.status));
    if (info.text[0] != '\0') /* (text may lack its NUL: message() bounds it) */
      std::snprintf(what_.data(), what_.size(), "%s: %.*s", status_text,
                    static_cast<int>(info.message().size()), info.text.data());
    else
      std::snprintf(what_.data(), what_.size(), "%s", status_text);
  }
  const char *what() const noexcept override { return what_.data(); }
  mitch::status status() const noexcept { return info_.status; }
  std::string_view field() const noexcept { return info_.field_name; }
  std::string_view other_field() const noexcept { return info_.other_name; }
  std::string_view rule() const noexcept { return info_.rule; }
  std::size_t offset() const noexcept { return info_.offset; }
  std::size_t index() const noexcept { return info_.index; }
  std::size_t message_offset() const noexcept { return info_.message_offset; }
  const error_info &info() const noexcept { return info_; }

 private:
  error_info info_;
  std::array<char, error_text_size + 64> what_{};
};

/* One class per status code. */
class invalid_data_error : public error { using error::error; };
class invalid_message_type_error : public error { using error::error; };
class buffer_too_small_error : public error { using error::error; };
class invalid_ticker_id_error : public error { using error::error; };
class invalid_channel_id_error : public error { using error::error; };
class invalid_field_value_error : public error { using error::error; };
class serialization_error : public error { using error::error; };
class not_found_error : public error { using error::error; };
class unknown_error : public error { using error::error; };

/* Throw the class of info.status. */
[[noreturn]] inline void throw_error(const error_info &info) {
  switch (info.status) {
    case status::invalid_data: throw invalid_data_error(info);
    case status::invalid_message_type: throw invalid_message_type_error(info);
    case status::buffer_too_small: throw buffer_too_small_error(info);
    case status::invalid_ticker_id: throw invalid_ticker_id_error(info);
    case status::invalid_channel_id: throw invalid_channel_id_error(info);
    case status::invalid_field_value: throw invalid_field_value_error(info);
    case status::serialization: throw serialization_error(info);
    case status::not_found: throw not_found_error(info);
    default: throw unknown_error(info);
  }
}
#endif

namespace detail {
/* A C string of the library (constant storage), "" for NULL. */
inline std::string_view text(const char *s) noexcept {
  return s ? std::string_view(s) : std::string_view();
}

inline status fail(error_info *why, int st) noexcept {
  if (why) {
    *why = error_info{};
    why->status = static_cast<status>(st);
  }
  return static_cast<status>(st);
}

#if defined(MITCH_HPP_EXCEPTIONS)
/* The throwing calls run the fast call without details; only when it fails
   is it run again with an error_info (cold, out of line), so success costs
   what the try_ call costs. */
#if defined(__GNUC__)
#  define MITCH_HPP_COLD __attribute__((cold, noinline))
#else
#  define MITCH_HPP_COLD
#endif
template <class Retry>
[[noreturn]] MITCH_HPP_COLD void raise(Retry &&retry) {
  error_info why;
  retry(&why);
  throw_error(why);
}

/* For the calls where the status says it all. */
[[noreturn]] inline void throw_status(status st) {
  error_info why;
  why.status = st;
  throw_error(why);
}
#endif


/* Copy the library's details when its checker agrees with the status the
   fast call returned (it reports nothing else, e.g. for an output buffer
   that is too short). */
inline bool take_details(error_info *why, int st, int checked, const mitch_error &e) noexcept {
  if (!why || checked != st || e.status != st)
    return false;
  why->layout = e.layout;
  why->field = e.field;
  why->other_field = e.other_field;
  why->field_name = text(e.field_name);
  why->other_name = text(e.other_name);
  why->rule = text(e.rule);
  why->value = e.value;
  why->other_value = e.other_value;
  why->index = e.index;
  why->offset = e.offset;
  why->message_offset = e.message_offset;
  static_assert(sizeof e.text == error_text_size, "mitch_error's text is error_info's");
  std::memcpy(why->text.data(), e.text, sizeof e.text);
  why->text.back() = '\0';
  return true;
}

/* Why typed values were refused (n structs of layout id at `values`). */
inline status explain_values(error_info *why, int st, std::uint8_t id, const void *values,
                             std::size_t n) noexcept {
  fail(why, st);
  if (why) {
    mitch_error e;
    take_details(why, st, mitch_check_values(id, values, n, &e), e);
  }
  return static_cast<status>(st);
}

/* Why n wire bodies of type id (or one header) were refused. */
inline status explain_wire(error_info *why, int st, std::uint8_t id, const std::uint8_t *in,
                           std::size_t len, std::size_t n) noexcept {
  fail(why, st);
  if (why) {
    mitch_error e;
    take_details(why, st, mitch_check_wire(id, in, len, n, &e), e);
  }
  return static_cast<status>(st);
}

/* A non-NULL pointer for an empty input view: an empty buffer is too
   short, not missing (the C functions report NULL as invalid_data). */
inline const std::uint8_t *in_ptr(byte_view v) noexcept {
  static const std::uint8_t none = 0;
  return v.data() || v.size() ? v.data() : &none;
}
}  // namespace detail

/* ====================================================================== */
/* Value types                                                            */
/* ====================================================================== */

/* Host-order values, not wire images: encode/decode move between them and
   the bytes.  Members are named and ordered as in protocol.md / mitch.h. */

struct header {
  mitch::message_type message_type{}; /* type of the bodies that follow */
  std::uint8_t count = 0;             /* bodies that follow, 1..255 */
  std::uint64_t timestamp = 0;        /* ns since midnight UTC, < 2^48 */
};

struct trade {
  std::uint64_t ticker_id = 0; /* != 0 */
  double price = 0;            /* finite, > 0 */
  std::uint32_t quantity = 0;  /* > 0 */
  std::uint32_t trade_id = 0;  /* > 0 */
  mitch::side side{};          /* the aggressor's side */
};

struct order {
  std::uint64_t ticker_id = 0;   /* != 0 */
  std::uint32_t order_id = 0;    /* > 0 */
  double price = 0;              /* finite, > 0; a cancel needs only finite, >= 0 */
  std::uint32_t quantity = 0;    /* > 0; any value for a cancel */
  mitch::order_type order_type{};
  mitch::side side{};
  std::uint64_t expiry_ms = 0;   /* Unix ms, < 2^48; 0 = good till cancelled */
};

struct tick {
  std::uint64_t ticker_id = 0; /* != 0 */
  double bid_price = 0;        /* finite, > 0 */
  double ask_price = 0;        /* finite, > 0, >= bid_price */
  std::uint32_t bid_volume = 0;
  std::uint32_t ask_volume = 0;
};

struct index {
  std::uint64_t ticker_id = 0; /* != 0 */
  double mid = 0;              /* finite, > 0 */
  std::uint32_t v_bid = 0;     /* aggregated bid volume */
  std::uint32_t v_ask = 0;     /* aggregated ask volume */
  std::int32_t m_spread = 0;   /* mean spread, 1e-9 of a price unit relative to mid */
  std::int32_t b_bid_o = 0;    /* best bid offset from mid (same unit) */
  std::int32_t b_ask_o = 0;    /* best ask offset */
  std::int32_t w_bid_o = 0;    /* worst bid offset */
  std::int32_t w_ask_o = 0;    /* worst ask offset */
  std::uint16_t v_force = 0;   /* volatility 0..10000 */
  std::uint16_t l_force = 0;   /* liquidity 0..10000 */
  std::int16_t t_force = 0;    /* trend -10000..10000 */
  std::int16_t m_force = 0;    /* momentum -10000..10000 */
  std::uint8_t confidence = 0; /* 0..100 */
  std::uint8_t rejected = 0;   /* sources rejected */
  std::uint8_t accepted = 0;   /* sources accepted; 0 requires confidence 0 */
};

struct bin {
  std::uint32_t count = 0;  /* orders in the bin */
  std::uint32_t volume = 0; /* volume in the bin */
};

inline constexpr std::size_t bins_per_side = MITCH_BINS_PER_SIDE;

struct order_book {
  std::uint64_t ticker_id = 0; /* != 0 */
  double mid_price = 0;        /* finite, > 0 */
  mitch::bin_aggregator bin_aggregator{};
  std::array<bin, bins_per_side> bids{};
  std::array<bin, bins_per_side> asks{};
};

/* The fields of a ticker id (bits 63..60 instrument type, 59..56 base class,
   55..40 base id, 39..36 quote class, 35..20 quote id, 19..0 sub-type). */
struct ticker_fields {
  mitch::instrument_type instrument_type{};
  mitch::asset_class base_class{};
  std::uint16_t base_id = 0;
  mitch::asset_class quote_class{};
  std::uint16_t quote_id = 0;
  std::uint32_t sub_type = 0; /* 0..2^20-1 */
};

inline constexpr std::uint32_t sub_type_max = MITCH_SUB_TYPE_MAX;
inline constexpr std::uint64_t u48_max = 0xFFFFFFFFFFFFull; /* largest timestamp / expiry */
inline constexpr std::size_t header_size = MITCH_HEADER_SIZE;
inline constexpr std::size_t max_bodies = MITCH_MAX_BODIES;
inline constexpr std::size_t max_message_size = MITCH_MAX_MESSAGE_SIZE;

/* Same size, alignment and member offsets as the C structs: the library
   reads and writes these types in place. */
#define MITCH_HPP_SAME_MEMBER(cpp, c, member)                                                 \
  static_assert(offsetof(cpp, member) == offsetof(c, member) &&                                 \
                    sizeof(cpp::member) == sizeof(c::member),                                   \
                #cpp "::" #member " differs from " #c "::" #member)
#define MITCH_HPP_SAME_STRUCT(cpp, c)                                                           \
  static_assert(sizeof(cpp) == sizeof(c) && alignof(cpp) == alignof(c) &&                       \
                    std::is_standard_layout_v<cpp> && std::is_trivially_copyable_v<cpp>,        \
                #cpp " differs from " #c)
MITCH_HPP_SAME_STRUCT(header, mitch_header);
MITCH_HPP_SAME_MEMBER(header, mitch_header, message_type);
MITCH_HPP_SAME_MEMBER(header, mitch_header, count);
MITCH_HPP_SAME_MEMBER(header, mitch_header, timestamp);
MITCH_HPP_SAME_STRUCT(trade, mitch_trade);
MITCH_HPP_SAME_MEMBER(trade, mitch_trade, ticker_id);
MITCH_HPP_SAME_MEMBER(trade, mitch_trade, price);
MITCH_HPP_SAME_MEMBER(trade, mitch_trade, quantity);
MITCH_HPP_SAME_MEMBER(trade, mitch_trade, trade_id);
MITCH_HPP_SAME_MEMBER(trade, mitch_trade, side);
MITCH_HPP_SAME_STRUCT(order, mitch_order);
MITCH_HPP_SAME_MEMBER(order, mitch_order, ticker_id);
MITCH_HPP_SAME_MEMBER(order, mitch_order, order_id);
MITCH_HPP_SAME_MEMBER(order, mitch_order, price);
MITCH_HPP_SAME_MEMBER(order, mitch_order, quantity);
MITCH_HPP_SAME_MEMBER(order, mitch_order, order_type);
MITCH_HPP_SAME_MEMBER(order, mitch_order, side);
MITCH_HPP_SAME_MEMBER(order, mitch_order, expiry_ms);
MITCH_HPP_SAME_STRUCT(tick, mitch_tick);
MITCH_HPP_SAME_MEMBER(tick, mitch_tick, ticker_id);
MITCH_HPP_SAME_MEMBER(tick, mitch_tick, bid_price);
MITCH_HPP_SAME_MEMBER(tick, mitch_tick, ask_price);
MITCH_HPP_SAME_MEMBER(tick, mitch_tick, bid_volume);
MITCH_HPP_SAME_MEMBER(tick, mitch_tick, ask_volume);
MITCH_HPP_SAME_STRUCT(index, mitch_index);
MITCH_HPP_SAME_MEMBER(index, mitch_index, ticker_id);
MITCH_HPP_SAME_MEMBER(index, mitch_index, mid);
MITCH_HPP_SAME_MEMBER(index, mitch_index, v_bid);
MITCH_HPP_SAME_MEMBER(index, mitch_index, v_ask);
MITCH_HPP_SAME_MEMBER(index, mitch_index, m_spread);
MITCH_HPP_SAME_MEMBER(index, mitch_index, b_bid_o);
MITCH_HPP_SAME_MEMBER(index, mitch_index, b_ask_o);
MITCH_HPP_SAME_MEMBER(index, mitch_index, w_bid_o);
MITCH_HPP_SAME_MEMBER(index, mitch_index, w_ask_o);
MITCH_HPP_SAME_MEMBER(index, mitch_index, v_force);
MITCH_HPP_SAME_MEMBER(index, mitch_index, l_force);
MITCH_HPP_SAME_MEMBER(index, mitch_index, t_force);
MITCH_HPP_SAME_MEMBER(index, mitch_index, m_force);
MITCH_HPP_SAME_MEMBER(index, mitch_index, confidence);
MITCH_HPP_SAME_MEMBER(index, mitch_index, rejected);
MITCH_HPP_SAME_MEMBER(index, mitch_index, accepted);
MITCH_HPP_SAME_STRUCT(bin, mitch_bin);
MITCH_HPP_SAME_MEMBER(bin, mitch_bin, count);
MITCH_HPP_SAME_MEMBER(bin, mitch_bin, volume);
MITCH_HPP_SAME_STRUCT(order_book, mitch_order_book);
MITCH_HPP_SAME_MEMBER(order_book, mitch_order_book, ticker_id);
MITCH_HPP_SAME_MEMBER(order_book, mitch_order_book, mid_price);
MITCH_HPP_SAME_MEMBER(order_book, mitch_order_book, bin_aggregator);
MITCH_HPP_SAME_MEMBER(order_book, mitch_order_book, bids);
MITCH_HPP_SAME_MEMBER(order_book, mitch_order_book, asks);
MITCH_HPP_SAME_STRUCT(ticker_fields, mitch_ticker_fields);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, instrument_type);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, base_class);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, base_id);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, quote_class);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, quote_id);
MITCH_HPP_SAME_MEMBER(ticker_fields, mitch_ticker_fields, sub_type);
#undef MITCH_HPP_SAME_MEMBER
#undef MITCH_HPP_SAME_STRUCT

/* ====================================================================== */
/* Per-type traits: how each value type meets its C functions             */
/* ====================================================================== */

/* body_traits<T> exists for the five body types; header_traits for the
   header.  type: its message type; wire_size: bytes on the wire. */
template <class T>
struct body_traits;

#define MITCH_HPP_BODY_TRAITS(T, c_name, type_code, size)                                       \
  template <>                                                                                   \
  struct body_traits<T> {                                                                       \
    using c_type = mitch_##c_name;                                                              \
    static constexpr mitch::message_type type = type_code;                                      \
    static constexpr std::size_t wire_size = size;                                              \
    static int validate(const T *v) noexcept {                                                  \
      return mitch_##c_name##_validate(reinterpret_cast<const c_type *>(v));                    \
    }                                                                                           \
    static int encode(const T *v, std::uint8_t *out, std::size_t len) noexcept {                \
      return mitch_##c_name##_encode(reinterpret_cast<const c_type *>(v), out, len);            \
    }                                                                                           \
    static int decode(const std::uint8_t *in, std::size_t len, T *v) noexcept {                 \
      return mitch_##c_name##_decode(in, len, reinterpret_cast<c_type *>(v));                   \
    }                                                                                           \
    static int encode_batch(const T *v, std::size_t n, std::uint8_t *out, std::size_t len,      \
                            std::size_t *done) noexcept {                                       \
      return mitch_##c_name##_encode_batch(reinterpret_cast<const c_type *>(v), n, out, len,    \
                                           done);                                               \
    }                                                                                           \
    static int decode_batch(const std::uint8_t *in, std::size_t len, T *v, std::size_t n,       \
                            std::size_t *done) noexcept {                                       \
      return mitch_##c_name##_decode_batch(in, len, reinterpret_cast<c_type *>(v), n, done);    \
    }                                                                                           \
  }
MITCH_HPP_BODY_TRAITS(trade, trade, message_type::trade, MITCH_TRADE_SIZE);
MITCH_HPP_BODY_TRAITS(order, order, message_type::order, MITCH_ORDER_SIZE);
MITCH_HPP_BODY_TRAITS(tick, tick, message_type::tick, MITCH_TICK_SIZE);
MITCH_HPP_BODY_TRAITS(index, index, message_type::index, MITCH_INDEX_SIZE);
MITCH_HPP_BODY_TRAITS(order_book, order_book, message_type::order_book, MITCH_ORDER_BOOK_SIZE);
#undef MITCH_HPP_BODY_TRAITS

/* True for trade, order, tick, index and order_book. */
template <class T, class = void>
inline constexpr bool is_body_v = false;
template <class T>
inline constexpr bool is_body_v<T, std::void_t<decltype(body_traits<T>::wire_size)>> = true;

/* The codec of a value type: the five bodies and the header. */
template <class T>
struct codec : body_traits<T> {};
template <>
struct codec<header> {
  static constexpr std::size_t wire_size = MITCH_HEADER_SIZE;
  static constexpr std::uint8_t layout_id = 0; /* MITCH_LAYOUT_HEADER */
  static int validate(const header *v) noexcept {
    return mitch_header_validate(reinterpret_cast<const mitch_header *>(v));
  }
  static int encode(const header *v, std::uint8_t *out, std::size_t len) noexcept {
    return mitch_header_encode(reinterpret_cast<const mitch_header *>(v), out, len);
  }
  static int decode(const std::uint8_t *in, std::size_t len, header *v) noexcept {
    return mitch_header_decode(in, len, reinterpret_cast<mitch_header *>(v));
  }
};

template <class T, class = void>
inline constexpr bool is_codec_v = false;
template <class T>
inline constexpr bool is_codec_v<T, std::void_t<decltype(codec<T>::wire_size)>> = true;

/* Bytes on the wire of one T. */
template <class T>
inline constexpr std::size_t wire_size_v = codec<T>::wire_size;

namespace detail {
template <class T>
constexpr std::uint8_t layout_id() noexcept {
  if constexpr (std::is_same_v<T, header>)
    return codec<header>::layout_id;
  else
    return static_cast<std::uint8_t>(body_traits<T>::type);
}
}  // namespace detail

/* ====================================================================== */
/* One value <-> its bytes                                                */
/* ====================================================================== */

/* Validate v against the protocol's rules. */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
[[nodiscard]] status try_validate(const T &v, error_info *why = nullptr) noexcept {
  int st = codec<T>::validate(&v);
  if (st == MITCH_OK)
    return status::ok;
  return detail::explain_values(why, st, detail::layout_id<T>(), &v, 1);
}

/* Validate, then write exactly wire_size_v<T> bytes at out (out may be
   longer).  On failure nothing is written. */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
[[nodiscard]] status try_encode(const T &v, mutable_byte_view out,
                                error_info *why = nullptr) noexcept {
  std::uint8_t none;
  int st = codec<T>::encode(&v, out.data() || out.size() ? out.data() : &none, out.size());
  if (st == MITCH_OK)
    return status::ok;
  return detail::explain_values(why, st, detail::layout_id<T>(), &v, 1);
}

/* Read one T from the first wire_size_v<T> bytes of in and validate it.
   On failure out is untouched. */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
[[nodiscard]] status try_decode(byte_view in, T &out, error_info *why = nullptr) noexcept {
  const std::uint8_t *p = detail::in_ptr(in);
  int st = codec<T>::decode(p, in.size(), &out);
  if (st == MITCH_OK)
    return status::ok;
  return detail::explain_wire(why, st, detail::layout_id<T>(), p, in.size(), 1);
}

#if defined(MITCH_HPP_EXCEPTIONS)
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
void validate(const T &v) {
  if (try_validate(v, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_validate(v, why); });
}

/* Encode into out; returns the bytes written (wire_size_v<T>). */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
std::size_t encode(const T &v, mutable_byte_view out) {
  if (try_encode(v, out, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_encode(v, out, why); });
  return wire_size_v<T>;
}

/* Encode into a new array: auto bytes = mitch::encode(trade); */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
std::array<std::uint8_t, wire_size_v<T>> encode(const T &v) {
  std::array<std::uint8_t, wire_size_v<T>> bytes;
  encode(v, mutable_byte_view(bytes.data(), bytes.size()));
  return bytes;
}

/* auto t = mitch::decode<mitch::trade>(bytes); */
template <class T, std::enable_if_t<is_codec_v<T>, int> = 0>
T decode(byte_view in) {
  T out;
  if (try_decode(in, out, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_decode(in, out, why); });
  return out;
}
#endif

/* ====================================================================== */
/* Many bodies of one type (no headers)                                   */
/* ====================================================================== */

/* Decode out.size() consecutive bodies from in (which must hold them all)
   in one library call.  On failure *done (may be NULL) gets the index of
   the bad body, the bodies before it are decoded and the rest of out is
   untouched; why->index and why->offset say which body and byte. */
template <class Bodies, class T = detail::element_t<Bodies>,
          std::enable_if_t<is_body_v<std::remove_const_t<T>> && !std::is_const_v<T>, int> = 0>
[[nodiscard]] status try_decode_batch(byte_view in, Bodies &&out, std::size_t *done = nullptr,
                                      error_info *why = nullptr) noexcept {
  span<T> bodies(out);
  std::size_t ok = 0;
  const std::uint8_t *p = detail::in_ptr(in);
  int st = body_traits<T>::decode_batch(p, in.size(), bodies.data(), bodies.size(), &ok);
  if (done)
    *done = ok;
  if (st == MITCH_OK)
    return status::ok;
  detail::explain_wire(why, st, detail::layout_id<T>(), p, in.size(), bodies.size());
  if (why && why->field < 0) {
    why->index = ok;
    why->offset = ok * wire_size_v<T>;
  }
  return static_cast<status>(st);
}

/* Validate every body, then write them back to back at out (which must
   hold bodies.size() * wire_size_v<T> bytes).  Nothing is written unless
   all are valid... as far as the library promises: see mitch.h's bulk rule. */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
[[nodiscard]] status try_encode_batch(const Bodies &bodies, mutable_byte_view out,
                                      std::size_t *done = nullptr,
                                      error_info *why = nullptr) noexcept {
  span<const T> values(bodies);
  std::size_t ok = 0;
  std::uint8_t none;
  int st = body_traits<T>::encode_batch(values.data(), values.size(),
                                        out.data() || out.size() ? out.data() : &none, out.size(),
                                        &ok);
  if (done)
    *done = ok;
  if (st == MITCH_OK)
    return status::ok;
  detail::explain_values(why, st, detail::layout_id<T>(), values.data(), values.size());
  if (why && why->field < 0) {
    why->index = ok;
    why->offset = ok * wire_size_v<T>;
  }
  return static_cast<status>(st);
}

#if defined(MITCH_HPP_EXCEPTIONS)
/* Decode out.size() bodies from in; returns how many (all of them). */
template <class Bodies, class T = detail::element_t<Bodies>,
          std::enable_if_t<is_body_v<std::remove_const_t<T>> && !std::is_const_v<T>, int> = 0>
std::size_t decode_batch(byte_view in, Bodies &&out) {
  std::size_t done = 0;
  if (try_decode_batch(in, out, &done, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_decode_batch(in, out, &done, why); });
  return done;
}

/* Encode bodies back to back; returns the bytes written. */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
std::size_t encode_batch(const Bodies &bodies, mutable_byte_view out) {
  std::size_t done = 0;
  if (try_encode_batch(bodies, out, &done, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_encode_batch(bodies, out, &done, why); });
  return done * wire_size_v<T>;
}
#endif

/* ====================================================================== */
/* Sizes                                                                  */
/* ====================================================================== */

/* Size of one body of a type (32, 64 or 2072). */
[[nodiscard]] inline status try_body_size(message_type type, std::size_t &size) noexcept {
  return static_cast<status>(mitch_body_size(static_cast<std::uint8_t>(type), &size));
}

/* Size of a message of `count` (1..255) bodies. */
[[nodiscard]] inline status try_message_size(message_type type, std::size_t count,
                                             std::size_t &size) noexcept {
  /* More than 255 would wrap in C's uint8_t count: ask C about count 0
     instead, which it refuses the same way (after checking the type). */
  return static_cast<status>(mitch_calculate_message_size(
      static_cast<std::uint8_t>(type),
      static_cast<std::uint8_t>(count > MITCH_MAX_BODIES ? 0 : count), &size));
}

#if defined(MITCH_HPP_EXCEPTIONS)
inline std::size_t body_size(message_type type) {
  std::size_t size = 0;
  status st = try_body_size(type, size);
  if (st != status::ok)
    detail::throw_status(st);
  return size;
}

inline std::size_t message_size(message_type type, std::size_t count) {
  std::size_t size = 0;
  status st = try_message_size(type, count, size);
  if (st != status::ok)
    detail::throw_status(st);
  return size;
}
#endif

/* ====================================================================== */
/* Whole messages                                                         */
/* ====================================================================== */

/* Encode one message: a header (type from T, the timestamp, count =
   bodies.size(), 1..255) and the bodies.  *written (may be NULL) gets the
   message size.  Nothing is written unless everything is valid; a bad body
   gives why->index and why->offset, where its field would be in the
   message. */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
[[nodiscard]] status try_encode_message(std::uint64_t timestamp, const Bodies &bodies,
                                        mutable_byte_view out, std::size_t *written = nullptr,
                                        error_info *why = nullptr) noexcept {
  span<const T> values(bodies);
  std::size_t size = 0;
  std::uint8_t none;
  /* no bodies is a count of 0 (invalid_field_value), not a NULL array */
  static const T no_body{};
  int st = mitch_message_encode(static_cast<std::uint8_t>(body_traits<T>::type), timestamp,
                                values.empty() ? &no_body : values.data(), values.size(),
                                out.data() || out.size() ? out.data() : &none, out.size(), &size);
  if (st == MITCH_OK) {
    if (written)
      *written = size;
    return status::ok;
  }
  detail::fail(why, st);
  if (why && st == MITCH_ERR_INVALID_FIELD_VALUE) {
    /* The bodies, else the header (timestamp, count) */
    mitch_error e;
    if (detail::take_details(why, st,
                             mitch_check_values(detail::layout_id<T>(), values.data(),
                                                values.size(), &e),
                             e)) {
      why->offset += MITCH_HEADER_SIZE; /* in the message, after its header */
    } else {
      mitch_header h{static_cast<std::uint8_t>(body_traits<T>::type),
                     static_cast<std::uint8_t>(values.size() > 255 ? 0 : values.size()),
                     timestamp};
      detail::take_details(why, st, mitch_check_values(0, &h, 1, &e), e);
    }
  }
  return static_cast<status>(st);
}

#if defined(MITCH_HPP_EXCEPTIONS)
/* Returns the message size. */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
std::size_t encode_message(std::uint64_t timestamp, const Bodies &bodies, mutable_byte_view out) {
  std::size_t written = 0;
  if (try_encode_message(timestamp, bodies, out, &written, nullptr) != status::ok)
    detail::raise([&](error_info *why) {
      (void)try_encode_message(timestamp, bodies, out, &written, why);
    });
  return written;
}
#endif

template <class T>
class body_range;

/* One framed, validated message inside the caller's buffer (handed out by
   mitch::messages).  The bytes stay where they are: the buffer must outlive
   the message. */
class message {
 public:
  const mitch::header &header() const noexcept { return header_; }
  mitch::message_type type() const noexcept { return header_.message_type; }
  std::size_t count() const noexcept { return header_.count; }
  std::uint64_t timestamp() const noexcept { return header_.timestamp; }
  std::size_t offset() const noexcept { return offset_; }       /* of the header in the buffer */
  std::size_t size() const noexcept { return size_; }           /* header + bodies */
  std::size_t body_size() const noexcept { return body_size_; } /* one body */
  byte_view bytes() const noexcept { return byte_view(start_, size_); }
  byte_view body_bytes() const noexcept {
    if (size_ < MITCH_HEADER_SIZE) /* a default-constructed message: no bytes */
      return byte_view();
    return byte_view(start_ + MITCH_HEADER_SIZE, size_ - MITCH_HEADER_SIZE);
  }
  /* Wire bytes of body i (empty past the end). */
  byte_view body_bytes(std::size_t i) const noexcept {
    if (i >= count())
      return byte_view();
    return byte_view(start_ + MITCH_HEADER_SIZE + i * body_size_, body_size_);
  }
  /* Whether the bodies are Ts. */
  template <class T>
  bool is() const noexcept {
    static_assert(is_body_v<T>, "a body type: trade, order, tick, index or order_book");
    return header_.message_type == body_traits<T>::type;
  }

  /* The bodies decoded one by one as you iterate (they were validated when
     the message was read).  Another type is invalid_message_type. */
  template <class T>
  [[nodiscard]] status try_bodies(body_range<T> &out, error_info *why = nullptr) const noexcept;
  /* Decode every body into out (out.size() >= count()) in one library
     call; *n gets count(). */
  template <class Bodies, class T = detail::element_t<Bodies>,
            std::enable_if_t<is_body_v<std::remove_const_t<T>> && !std::is_const_v<T>, int> = 0>
  [[nodiscard]] status try_decode(Bodies &&out, std::size_t *n = nullptr,
                                  error_info *why = nullptr) const noexcept {
    span<T> bodies(out);
    if (!is<T>())
      return detail::fail(why, MITCH_ERR_INVALID_MESSAGE_TYPE);
    if (bodies.size() < count())
      return detail::fail(why, MITCH_ERR_BUFFER_TOO_SMALL);
    status st = try_decode_batch(body_bytes(), bodies.first(count()), nullptr, why);
    if (st == status::ok && n)
      *n = count();
    return st;
  }
#if defined(MITCH_HPP_EXCEPTIONS)
  template <class T>
  body_range<T> bodies() const;
  /* Body i decoded. */
  template <class T>
  T body(std::size_t i) const;
  template <class Bodies, class T = detail::element_t<Bodies>,
            std::enable_if_t<is_body_v<std::remove_const_t<T>> && !std::is_const_v<T>, int> = 0>
  std::size_t decode(Bodies &&out) const {
    std::size_t n = 0;
    if (try_decode(out, &n, nullptr) != status::ok)
      detail::raise([&](error_info *why) { (void)try_decode(out, &n, why); });
    return n;
  }
#endif

 private:
  friend class message_range;
  const std::uint8_t *start_ = nullptr;
  std::size_t offset_ = 0, size_ = 0, body_size_ = 0;
  mitch::header header_;
};

/* The bodies of one message as values: for (auto& t : msg.bodies<trade>()).
   Input range; each body is decoded when the iterator reaches it. */
template <class T>
class body_range {
  static_assert(is_body_v<T>, "a body type: trade, order, tick, index or order_book");

 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T *;
    using reference = const T &;
    /* A default iterator is an end iterator of an empty range; ++ leaves
       an end iterator where it is. */
    iterator() noexcept = default;
    const T &operator*() const noexcept { return value_; }
    const T *operator->() const noexcept { return &value_; }
    iterator &operator++() noexcept {
      if (p_ != end_) {
        p_ += wire_size_v<T>;
        load();
      }
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator &a, const iterator &b) noexcept { return a.p_ == b.p_; }
    friend bool operator!=(const iterator &a, const iterator &b) noexcept { return a.p_ != b.p_; }

   private:
    friend class body_range;
    iterator(const std::uint8_t *p, const std::uint8_t *end) noexcept : p_(p), end_(end) { load(); }
    void load() noexcept {
      /* The message was validated when it was read, so this cannot fail. */
      if (p_ != end_)
        (void)body_traits<T>::decode(p_, wire_size_v<T>, &value_);
    }
    const std::uint8_t *p_ = nullptr, *end_ = nullptr;
    T value_{};
  };

  body_range() noexcept = default;
  iterator begin() const noexcept { return iterator(begin_, end_); }
  iterator end() const noexcept { return iterator(end_, end_); }
  std::size_t size() const noexcept {
    return static_cast<std::size_t>(end_ - begin_) / wire_size_v<T>;
  }
  bool empty() const noexcept { return begin_ == end_; }
  /* Body i decoded (i < size()). */
  T operator[](std::size_t i) const noexcept {
    T v{};
    (void)body_traits<T>::decode(begin_ + i * wire_size_v<T>, wire_size_v<T>, &v);
    return v;
  }

 private:
  friend class message;
  body_range(const std::uint8_t *begin, const std::uint8_t *end) noexcept
      : begin_(begin), end_(end) {}
  const std::uint8_t *begin_ = nullptr, *end_ = nullptr;
};

template <class T>
status message::try_bodies(body_range<T> &out, error_info *why) const noexcept {
  if (!is<T>())
    return detail::fail(why, MITCH_ERR_INVALID_MESSAGE_TYPE);
  out = body_range<T>(start_ + MITCH_HEADER_SIZE, start_ + size_);
  return status::ok;
}

#if defined(MITCH_HPP_EXCEPTIONS)
template <class T>
body_range<T> message::bodies() const {
  body_range<T> range;
  if (try_bodies(range, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_bodies(range, why); });
  return range;
}

template <class T>
T message::body(std::size_t i) const {
  static_assert(is_body_v<T>, "a body type: trade, order, tick, index or order_book");
  if (!is<T>())
    detail::throw_status(status::invalid_message_type);
  if (i >= count())
    detail::throw_status(status::buffer_too_small);
  return mitch::decode<T>(body_bytes(i));
}
#endif

/* The messages of a buffer of concatenated messages of any types, framed
   and validated one at a time as you iterate (an input range: iterate it
   once).  At damage the iteration stops: mitch::messages() throws the
   error from the loop, mitch::try_messages() ends the loop and status() /
   error() say what and where.  Nothing is allocated or copied. */
class message_range {
 public:
  struct sentinel {};
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = message;
    using difference_type = std::ptrdiff_t;
    using pointer = const message *;
    using reference = const message &;
    /* A default iterator is an end iterator (as std::istream_iterator's
       is): it compares equal to end(), and ++ leaves it so.  Only
       dereference an iterator that is not at the end. */
    iterator() noexcept = default;
    const message &operator*() const noexcept { return range_->current_; }
    const message *operator->() const noexcept { return &range_->current_; }
    iterator &operator++() {
      if (range_)
        range_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator &i, sentinel) noexcept { return i.at_end(); }
    friend bool operator!=(const iterator &i, sentinel s) noexcept { return !(i == s); }
    friend bool operator==(sentinel s, const iterator &i) noexcept { return i == s; }
    friend bool operator!=(sentinel s, const iterator &i) noexcept { return !(i == s); }

   private:
    friend class message_range;
    explicit iterator(message_range *range) noexcept : range_(range) {}
    bool at_end() const noexcept { return !range_ || range_->done_; }
    message_range *range_ = nullptr;
  };

  message_range(byte_view data, bool throws) noexcept : data_(data), throws_(throws) {
    mitch_reader_init(&reader_, data.data(), data.size());
  }
  /* Reads the first message on the first call. */
  iterator begin() {
    if (!started_) {
      started_ = true;
      advance();
    }
    return iterator(this);
  }
  sentinel end() const noexcept { return {}; }

  /* ok while reading and after a clean end; else why the data is damaged. */
  mitch::status status() const noexcept { return error_.status; }
  const error_info &error() const noexcept { return error_; }
  /* Messages handed out so far. */
  std::size_t count() const noexcept { return count_; }
  /* Bytes of complete, valid messages read so far. */
  std::size_t offset() const noexcept { return reader_.offset; }

 private:
  void advance() {
    if (done_)
      return;
    mitch_message m;
    int st = mitch_reader_next(&reader_, &m);
    if (st == MITCH_END) {
      done_ = true;
      return;
    }
    std::size_t at = reader_.error_offset, msg_at = reader_.message_offset;
    if (st == MITCH_OK) {
      std::size_t bad = 0;
      st = mitch_message_validate(&m, &bad);
      if (st == MITCH_OK) {
        current_.start_ = data_.data() + m.offset;
        current_.offset_ = m.offset;
        current_.size_ = m.size;
        current_.body_size_ = m.body_size;
        current_.header_.message_type = static_cast<message_type>(m.header.message_type);
        current_.header_.count = m.header.count;
        current_.header_.timestamp = m.header.timestamp;
        ++count_;
        return;
      }
      at = m.offset + MITCH_HEADER_SIZE + bad * m.body_size;
      msg_at = m.offset;
    }
    stop(st, at, msg_at);
  }

  void stop(int st, std::size_t at, std::size_t msg_at) {
    done_ = true;
    detail::fail(&error_, st);
    error_.index = count_;
    error_.offset = at;
    error_.message_offset = msg_at;
    /* The details, from the damaged message on (offsets made absolute). */
    if (data_.data() && msg_at <= data_.size()) {
      mitch_error e;
      if (detail::take_details(&error_, st,
                               mitch_check_stream(data_.data() + msg_at, data_.size() - msg_at, 0,
                                                  nullptr, &e),
                               e)) {
        error_.index = count_;
        error_.offset = msg_at + e.offset;
        error_.message_offset = msg_at + e.message_offset;
      }
    }
#if defined(MITCH_HPP_EXCEPTIONS)
    if (throws_)
      throw_error(error_);
#endif
  }

  byte_view data_;
  mitch_reader reader_;
  message current_;
  error_info error_;
  std::size_t count_ = 0;
  [[maybe_unused]] bool throws_ = false; /* (unused without exceptions) */
  bool started_ = false, done_ = false;
};

/* Iterate without exceptions; check status() after the loop. */
inline message_range try_messages(byte_view data) noexcept { return message_range(data, false); }
#if defined(MITCH_HPP_EXCEPTIONS)
/* Iterate; damage throws mitch::error from the loop. */
inline message_range messages(byte_view data) noexcept { return message_range(data, true); }
#endif

/* ====================================================================== */
/* Streams                                                                */
/* ====================================================================== */

/* What a stream check found (mitch_stream_info). */
struct stream_info {
  std::size_t messages = 0;       /* complete, valid messages before any error */
  std::size_t bodies = 0;         /* bodies in those messages */
  std::size_t error_offset = 0;   /* on error: offset of the faulty byte or body */
  std::size_t message_offset = 0; /* on error: offset of the damaged message */
};

namespace detail {
inline stream_info to_stream_info(const mitch_stream_info &i) noexcept {
  return stream_info{i.messages, i.bodies, i.error_offset, i.message_offset};
}
inline status explain_stream(error_info *why, int st, const mitch_stream_info &info,
                             const std::uint8_t *data, std::size_t size,
                             std::uint8_t only_type) noexcept {
  fail(why, st);
  if (!why)
    return static_cast<status>(st);
  why->index = info.messages;
  why->offset = info.error_offset;
  why->message_offset = info.message_offset;
  mitch_error e;
  take_details(why, st, mitch_check_stream(data, size, only_type, nullptr, &e), e);
  return static_cast<status>(st);
}
}  // namespace detail

/* Frame and validate every message and body of a buffer; with `only`, a
   message of another type is invalid_message_type. */
[[nodiscard]] inline status try_validate_stream(byte_view data, stream_info *info = nullptr,
                                                error_info *why = nullptr) noexcept {
  mitch_stream_info i{};
  int st = mitch_stream_validate(data.data(), data.size(), 0, &i);
  if (info)
    *info = detail::to_stream_info(i);
  if (st == MITCH_OK)
    return status::ok;
  return detail::explain_stream(why, st, i, data.data(), data.size(), 0);
}
[[nodiscard]] inline status try_validate_stream(byte_view data, message_type only,
                                                stream_info *info = nullptr,
                                                error_info *why = nullptr) noexcept {
  mitch_stream_info i{};
  int st = mitch_stream_validate(data.data(), data.size(), static_cast<std::uint8_t>(only), &i);
  if (info)
    *info = detail::to_stream_info(i);
  if (st == MITCH_OK)
    return status::ok;
  return detail::explain_stream(why, st, i, data.data(), data.size(),
                                static_cast<std::uint8_t>(only));
}

#if defined(MITCH_HPP_EXCEPTIONS)
inline stream_info validate_stream(byte_view data) {
  stream_info info;
  if (try_validate_stream(data, &info, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_validate_stream(data, &info, why); });
  return info;
}
inline stream_info validate_stream(byte_view data, message_type only) {
  stream_info info;
  if (try_validate_stream(data, only, &info, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_validate_stream(data, only, &info, why); });
  return info;
}
#endif

/* ====================================================================== */
/* Captures: every body of a buffer of mixed messages, by type            */
/* ====================================================================== */

/* Where decode_capture puts the bodies of one type T and their header
   timestamps.  Either span may be empty; the capacity is the smaller of
   the non-empty ones.  count (out) is how many bodies of T were found (and
   written, unless both spans are empty). */
template <class T>
struct capture_column {
  static_assert(is_body_v<T>, "a body type: trade, order, tick, index or order_book");
  span<T> bodies;
  span<std::uint64_t> timestamps;
  std::size_t count = 0;
};

/* Bodies of each type in a capture. */
struct capture_counts {
  std::size_t trades = 0, orders = 0, ticks = 0, indices = 0, order_books = 0;
};

namespace detail {
template <class T>
mitch_capture_sink sink_of(capture_column<T> &c) noexcept {
  mitch_capture_sink s{}; // strides 0: packed spans
  s.message_type = static_cast<std::uint8_t>(body_traits<T>::type);
  s.bodies = c.bodies.empty() ? nullptr : static_cast<void *>(c.bodies.data());
  s.timestamps = c.timestamps.empty() ? nullptr : c.timestamps.data();
  std::size_t cap = c.bodies.empty() ? c.timestamps.size() : c.bodies.size();
  if (!c.bodies.empty() && !c.timestamps.empty() && c.timestamps.size() < cap)
    cap = c.timestamps.size();
  s.capacity = cap;
  s.count = 0;
  return s;
}
inline status capture_call(byte_view data, mitch_capture_sink *sinks, std::size_t n,
                           stream_info *info, error_info *why) noexcept {
  mitch_stream_info i{};
  mitch_error e;
  int st = mitch_capture_decode(data.data(), data.size(), sinks, n, &i, why ? &e : nullptr);
  if (info)
    *info = to_stream_info(i);
  if (st == MITCH_OK)
    return status::ok;
  fail(why, st);
  if (why) {
    why->index = i.messages;
    why->offset = i.error_offset;
    why->message_offset = i.message_offset;
    take_details(why, st, st, e);
  }
  return static_cast<status>(st);
}
}  // namespace detail

/* One library pass over a capture: every message framed and every body
   validated; the bodies of each column's type decoded into it with their
   timestamps.  On damage each column holds exactly the bodies before it
   (count says how many) and nothing at or after it is written. */
template <class... T>
[[nodiscard]] status try_decode_capture(byte_view data, stream_info *info, error_info *why,
                                        capture_column<T> &...columns) noexcept {
  mitch_capture_sink sinks[sizeof...(T) > 0 ? sizeof...(T) : 1] = {detail::sink_of(columns)...};
  status st = detail::capture_call(data, sinks, sizeof...(T), info, why);
  std::size_t k = 0;
  ((columns.count = sinks[k++].count), ...);
  return st;
}

/* How many bodies of each type a capture holds (validating all of it). */
[[nodiscard]] inline status try_count_capture(byte_view data, capture_counts &counts,
                                              error_info *why = nullptr) noexcept {
  capture_column<trade> t;
  capture_column<order> o;
  capture_column<tick> s;
  capture_column<index> i;
  capture_column<order_book> b;
  status st = try_decode_capture(data, nullptr, why, t, o, s, i, b);
  if (st == status::ok)
    counts = capture_counts{t.count, o.count, s.count, i.count, b.count};
  return st;
}

/* A whole capture in vectors (this allocates; decode_capture does not). */
struct capture {
  std::vector<trade> trades;
  std::vector<std::uint64_t> trade_timestamps;
  std::vector<order> orders;
  std::vector<std::uint64_t> order_timestamps;
  std::vector<tick> ticks;
  std::vector<std::uint64_t> tick_timestamps;
  std::vector<index> indices;
  std::vector<std::uint64_t> index_timestamps;
  std::vector<order_book> order_books;
  std::vector<std::uint64_t> order_book_timestamps;
};

/* Encode n bodies with one timestamp each into messages (a new message
   when the timestamp changes or after 255 bodies); *written gets the size.
   A default-constructed out (no storage) only computes the size needed.  Nothing is written unless
   everything is valid. */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
[[nodiscard]] status try_encode_capture(const Bodies &bodies, span<const std::uint64_t> timestamps,
                                        mutable_byte_view out, std::size_t &written,
                                        error_info *why = nullptr) noexcept {
  span<const T> values(bodies);
  if (timestamps.size() != values.size())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  /* Only an out without storage computes the size; one that claims bytes
     it does not have is the caller's NULL, as for every other call. */
  if (!out.data() && out.size())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  mitch_error e;
  int st = mitch_capture_encode(static_cast<std::uint8_t>(body_traits<T>::type), values.data(),
                                timestamps.data(), values.size(), out.data(), out.size(), &written,
                                why ? &e : nullptr);
  if (st == MITCH_OK)
    return status::ok;
  detail::fail(why, st);
  detail::take_details(why, st, st, e);
  return static_cast<status>(st);
}

#if defined(MITCH_HPP_EXCEPTIONS)
template <class... T>
stream_info decode_capture(byte_view data, capture_column<T> &...columns) {
  stream_info info;
  if (try_decode_capture(data, &info, nullptr, columns...) != status::ok)
    detail::raise([&](error_info *why) { (void)try_decode_capture(data, &info, why, columns...); });
  return info;
}

inline capture_counts count_capture(byte_view data) {
  capture_counts counts;
  if (try_count_capture(data, counts, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_count_capture(data, counts, why); });
  return counts;
}

/* Count, allocate, decode: two library passes. */
inline capture read_capture(byte_view data) {
  capture_counts n = count_capture(data);
  capture c;
  c.trades.resize(n.trades);
  c.trade_timestamps.resize(n.trades);
  c.orders.resize(n.orders);
  c.order_timestamps.resize(n.orders);
  c.ticks.resize(n.ticks);
  c.tick_timestamps.resize(n.ticks);
  c.indices.resize(n.indices);
  c.index_timestamps.resize(n.indices);
  c.order_books.resize(n.order_books);
  c.order_book_timestamps.resize(n.order_books);
  capture_column<trade> t{c.trades, c.trade_timestamps};
  capture_column<order> o{c.orders, c.order_timestamps};
  capture_column<tick> s{c.ticks, c.tick_timestamps};
  capture_column<index> i{c.indices, c.index_timestamps};
  capture_column<order_book> b{c.order_books, c.order_book_timestamps};
  decode_capture(data, t, o, s, i, b);
  return c;
}

/* Encode into out; returns the bytes written.  (An out without storage, an
   empty std::vector say, is too short here, not try_encode_capture's "only
   compute the size": that would return bytes it never wrote.) */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
std::size_t encode_capture(const Bodies &bodies, span<const std::uint64_t> timestamps,
                           mutable_byte_view out) {
  std::uint8_t none;
  if (!out.data() && !out.size() && span<const T>(bodies).size() != 0)
    out = mutable_byte_view(&none, 0);
  std::size_t written = 0;
  if (try_encode_capture(bodies, timestamps, out, written, nullptr) != status::ok)
    detail::raise([&](error_info *why) {
      (void)try_encode_capture(bodies, timestamps, out, written, why);
    });
  return written;
}

/* Encode into a new vector (allocates). */
template <class Bodies, class T = std::remove_const_t<detail::element_t<Bodies>>,
          std::enable_if_t<is_body_v<T>, int> = 0>
std::vector<std::uint8_t> encode_capture(const Bodies &bodies,
                                         span<const std::uint64_t> timestamps) {
  std::size_t size = 0;
  if (try_encode_capture(bodies, timestamps, mutable_byte_view(), size, nullptr) != status::ok)
    detail::raise([&](error_info *why) {
      (void)try_encode_capture(bodies, timestamps, mutable_byte_view(), size, why);
    });
  std::vector<std::uint8_t> out(size);
  out.resize(encode_capture(bodies, timestamps, out));
  return out;
}
#endif

/* ====================================================================== */
/* Ticker ids, packed assets, channels                                    */
/* ====================================================================== */

/* Build a ticker id; a field too wide for its bits is invalid_field_value
   (reserved values are allowed here: see validate_ticker_id). */
[[nodiscard]] inline status try_encode_ticker_id(const ticker_fields &f, std::uint64_t &id,
                                                 error_info *why = nullptr) noexcept {
  int st = mitch_ticker_id_encode(reinterpret_cast<const mitch_ticker_fields *>(&f), &id);
  return st == MITCH_OK ? status::ok : detail::fail(why, st);
}

/* The fields of any ticker id. */
inline ticker_fields decode_ticker_id(std::uint64_t id) noexcept {
  ticker_fields f;
  (void)mitch_ticker_id_decode(id, reinterpret_cast<mitch_ticker_fields *>(&f));
  return f;
}

/* ok, or invalid_ticker_id for a reserved instrument type or class, or
   base == quote. */
[[nodiscard]] inline status try_validate_ticker_id(std::uint64_t id) noexcept {
  return static_cast<status>(mitch_validate_ticker_id(id));
}

inline bool is_spot(std::uint64_t id) noexcept { return mitch_ticker_id_is_spot(id) != 0; }
inline bool is_forex(std::uint64_t id) noexcept { return mitch_ticker_id_is_forex(id) != 0; }
inline bool is_crypto(std::uint64_t id) noexcept { return mitch_ticker_id_is_crypto(id) != 0; }
inline bool is_equity(std::uint64_t id) noexcept { return mitch_ticker_id_is_equity(id) != 0; }

/* A packed asset id: (class << 16) | class_id. */
[[nodiscard]] inline status try_pack_asset(asset_class cls, std::uint16_t class_id,
                                           std::uint32_t &asset_id) noexcept {
  return static_cast<status>(mitch_pack_asset(to_underlying(cls), class_id, &asset_id));
}

/* A pub/sub channel: (provider << 16) | (message type << 8). */
struct channel {
  std::uint16_t provider_id = 0;
  mitch::message_type message_type{};
};

[[nodiscard]] inline status try_channel_id(std::uint16_t provider_id, message_type type,
                                           std::uint32_t &channel_id) noexcept {
  return static_cast<status>(
      mitch_create_channel(provider_id, static_cast<char>(type), &channel_id));
}
/* ok or invalid_channel_id. */
[[nodiscard]] inline status try_validate_channel(std::uint32_t channel_id) noexcept {
  return static_cast<status>(mitch_validate_channel(channel_id));
}
[[nodiscard]] inline status try_decode_channel(std::uint32_t channel_id, channel &out) noexcept {
  std::uint16_t provider = 0;
  std::uint8_t type = 0;
  int st = mitch_channel_decode(channel_id, &provider, &type);
  if (st == MITCH_OK)
    out = channel{provider, static_cast<message_type>(type)};
  return static_cast<status>(st);
}

/* The 4 wire bytes of a channel id (little-endian), and back (validated). */
[[nodiscard]] inline status try_write_channel(std::uint32_t channel_id,
                                              mutable_byte_view out) noexcept {
  if (out.size() < MITCH_CHANNEL_SIZE)
    return status::buffer_too_small;
  return static_cast<status>(mitch_pack_channel(channel_id, out.data()));
}
[[nodiscard]] inline status try_read_channel(byte_view in, std::uint32_t &channel_id) noexcept {
  return static_cast<status>(mitch_unpack_channel(detail::in_ptr(in), in.size(), &channel_id));
}

#if defined(MITCH_HPP_EXCEPTIONS)
inline std::array<std::uint8_t, MITCH_CHANNEL_SIZE> write_channel(std::uint32_t channel_id) {
  std::array<std::uint8_t, MITCH_CHANNEL_SIZE> out{};
  status st = try_write_channel(channel_id, out);
  if (st != status::ok)
    detail::throw_status(st);
  return out;
}
inline std::uint32_t read_channel(byte_view in) {
  std::uint32_t id = 0;
  status st = try_read_channel(in, id);
  if (st != status::ok)
    detail::throw_status(st);
  return id;
}
inline std::uint64_t encode_ticker_id(const ticker_fields &f) {
  std::uint64_t id = 0;
  if (try_encode_ticker_id(f, id, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_encode_ticker_id(f, id, why); });
  return id;
}
inline void validate_ticker_id(std::uint64_t id) {
  status st = try_validate_ticker_id(id);
  if (st != status::ok)
    detail::throw_status(st);
}
inline std::uint32_t pack_asset(asset_class cls, std::uint16_t class_id) {
  std::uint32_t id = 0;
  status st = try_pack_asset(cls, class_id, id);
  if (st != status::ok)
    detail::throw_status(st);
  return id;
}
inline std::uint32_t channel_id(std::uint16_t provider_id, message_type type) {
  std::uint32_t id = 0;
  status st = try_channel_id(provider_id, type, id);
  if (st != status::ok)
    detail::throw_status(st);
  return id;
}
inline void validate_channel(std::uint32_t channel_id) {
  status st = try_validate_channel(channel_id);
  if (st != status::ok)
    detail::throw_status(st);
}
inline channel decode_channel(std::uint32_t channel_id) {
  channel c;
  status st = try_decode_channel(channel_id, c);
  if (st != status::ok)
    detail::throw_status(st);
  return c;
}
#endif

/* ====================================================================== */
/* Registry and symbol resolution                                         */
/* ====================================================================== */

inline constexpr double default_min_confidence = 0.8;
inline constexpr std::size_t query_max = MITCH_QUERY_MAX;

/* A registry asset; the strings are the registry's own ("US Dollar"). */
struct asset {
  std::uint32_t asset_id = 0; /* packed: (asset_class << 16) | class_id */
  std::uint16_t class_id = 0;
  mitch::asset_class asset_class{};
  std::string_view name;
  std::string_view symbol;  /* primary symbol, "" if none */
  std::string_view aliases; /* every alias, '|'-separated */
};

/* An asset found by name, with how sure the registry is (1.0: exact). */
struct asset_match {
  mitch::asset asset;
  double confidence = 0;
};

struct provider {
  std::uint16_t id = 0;
  std::string_view name;          /* "New York Stock Exchange" */
  std::string_view abbreviations; /* '|'-separated, "" if none */
};

struct provider_match {
  mitch::provider provider;
  double confidence = 0;
};

/* An asset class or instrument type: id 0..15, "Forex" / "FX". */
struct class_info {
  std::uint8_t id = 0;
  std::string_view name;
  std::string_view code; /* "" for reserved ones */
};

/* What a symbol resolved to. */
struct resolution {
  std::uint64_t ticker_id = 0;
  mitch::instrument_type instrument_type{};
  mitch::asset base;
  mitch::asset quote;
  double confidence = 0; /* 1.0 for exact legs, else the fuzzy score */
  /* What the resolver did, NUL-terminated: read it through steps(). */
  std::array<char, MITCH_STEPS_MAX> steps_text{};

  /* "stripped \".m\"; quote usd at end" */
  std::string_view steps() const noexcept {
    const void *nul = std::memchr(steps_text.data(), '\0', steps_text.size());
    return std::string_view(steps_text.data(),
                            nul ? static_cast<std::size_t>(static_cast<const char *>(nul) -
                                                           steps_text.data())
                                : steps_text.size());
  }
};

namespace detail {
inline asset to_asset(const mitch_asset &a) noexcept {
  asset r;
  r.asset_id = a.asset_id;
  r.class_id = a.class_id;
  r.asset_class = static_cast<asset_class>(a.asset_class);
  r.name = text(a.name);
  r.symbol = text(a.symbol);
  r.aliases = text(a.aliases);
  return r;
}
inline provider to_provider(const mitch_provider &p) noexcept {
  return provider{p.id, text(p.name), text(p.abbreviations)};
}
inline class_info to_class_info(const mitch_class_info &c) noexcept {
  return class_info{c.id, text(c.name), text(c.code)};
}

/* A query as the C library wants it: NUL-terminated, on the stack.  Longer
   than query_max or holding a NUL byte (which C would silently cut at) is
   invalid_data. */
class query_text {
 public:
  explicit query_text(std::string_view s) noexcept {
    if (s.size() > MITCH_QUERY_MAX || s.find('\0') != std::string_view::npos) {
      ok_ = false;
      buf_[0] = '\0';
      return;
    }
    if (!s.empty())
      std::memcpy(buf_, s.data(), s.size());
    buf_[s.size()] = '\0';
  }
  bool ok() const noexcept { return ok_; }
  const char *c_str() const noexcept { return buf_; }

 private:
  char buf_[MITCH_QUERY_MAX + 1];
  bool ok_ = true;
};
}  // namespace detail

/* Resolve a trading symbol ("EURUSD.m", "BTC-USDT", "^SPX") to its ticker:
   invalid_data (empty, too long, cleans to nothing), invalid_field_value
   (instrument type > 15), not_found (no match, or base == quote). */
[[nodiscard]] inline status try_resolve_ticker(std::string_view symbol, instrument_type type,
                                               resolution &out,
                                               error_info *why = nullptr) noexcept {
  detail::query_text q(symbol);
  if (!q.ok())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  mitch_resolution r;
  int st = mitch_resolve(q.c_str(), to_underlying(type), &r);
  if (st != MITCH_OK)
    return detail::fail(why, st);
  out.ticker_id = r.ticker_id;
  out.instrument_type = static_cast<instrument_type>(r.instrument_type);
  out.base = detail::to_asset(r.base);
  out.quote = detail::to_asset(r.quote);
  out.confidence = r.confidence;
  std::memcpy(out.steps_text.data(), r.steps, out.steps_text.size());
  out.steps_text.back() = '\0';
  return status::ok;
}

/* Find an asset by name or symbol ("BTC", "Apple Inc.", "Etherium"): exact
   key, cleaned key, then fuzzy at or above min_confidence; not_found if
   nothing matches. */
[[nodiscard]] inline status try_find_asset(std::string_view query, double min_confidence,
                                           asset_match &out, error_info *why = nullptr) noexcept {
  detail::query_text q(query);
  if (!q.ok())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  mitch_asset a;
  double confidence = 0;
  int st = mitch_asset_find(q.c_str(), -1, min_confidence, &a, &confidence);
  if (st != MITCH_OK)
    return detail::fail(why, st);
  out = asset_match{detail::to_asset(a), confidence};
  return status::ok;
}
/* The same within one asset class. */
[[nodiscard]] inline status try_find_asset(std::string_view query, asset_class within,
                                           double min_confidence, asset_match &out,
                                           error_info *why = nullptr) noexcept {
  detail::query_text q(query);
  if (!q.ok())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  mitch_asset a;
  double confidence = 0;
  int st = mitch_asset_find(q.c_str(), to_underlying(within), min_confidence, &a, &confidence);
  if (st != MITCH_OK)
    return detail::fail(why, st);
  out = asset_match{detail::to_asset(a), confidence};
  return status::ok;
}

[[nodiscard]] inline status try_get_asset(asset_class cls, std::uint16_t class_id,
                                          asset &out) noexcept {
  mitch_asset a;
  int st = mitch_asset_get(to_underlying(cls), class_id, &a);
  if (st == MITCH_OK)
    out = detail::to_asset(a);
  return static_cast<status>(st);
}
[[nodiscard]] inline status try_get_asset(std::uint32_t asset_id, asset &out) noexcept {
  mitch_asset a;
  int st = mitch_asset_get_packed(asset_id, &a);
  if (st == MITCH_OK)
    out = detail::to_asset(a);
  return static_cast<status>(st);
}

/* Assets of a class, in id order: asset_count(c) of them, asset_at(c, i). */
inline std::size_t asset_count(asset_class cls) noexcept {
  return mitch_asset_count(to_underlying(cls));
}
[[nodiscard]] inline status try_asset_at(asset_class cls, std::size_t i, asset &out) noexcept {
  mitch_asset a;
  int st = mitch_asset_at(to_underlying(cls), i, &a);
  if (st == MITCH_OK)
    out = detail::to_asset(a);
  return static_cast<status>(st);
}

[[nodiscard]] inline status try_asset_class_info(asset_class cls, class_info &out) noexcept {
  mitch_class_info c;
  int st = mitch_asset_class_get(to_underlying(cls), &c);
  if (st == MITCH_OK)
    out = detail::to_class_info(c);
  return static_cast<status>(st);
}
[[nodiscard]] inline status try_instrument_type_info(instrument_type type,
                                                     class_info &out) noexcept {
  mitch_class_info c;
  int st = mitch_instrument_type_get(to_underlying(type), &c);
  if (st == MITCH_OK)
    out = detail::to_class_info(c);
  return static_cast<status>(st);
}

/* Providers in id order: provider_count() of them, provider_at(i). */
inline std::size_t provider_count() noexcept { return mitch_provider_count(); }
[[nodiscard]] inline status try_provider_at(std::size_t i, provider &out) noexcept {
  mitch_provider p;
  int st = mitch_provider_at(i, &p);
  if (st == MITCH_OK)
    out = detail::to_provider(p);
  return static_cast<status>(st);
}
[[nodiscard]] inline status try_get_provider(std::uint16_t id, provider &out) noexcept {
  mitch_provider p;
  int st = mitch_provider_get(id, &p);
  if (st == MITCH_OK)
    out = detail::to_provider(p);
  return static_cast<status>(st);
}
/* Exact key, then abbreviation ("NYSE"), then fuzzy at min_confidence. */
[[nodiscard]] inline status try_find_provider(std::string_view query, double min_confidence,
                                              provider_match &out,
                                              error_info *why = nullptr) noexcept {
  detail::query_text q(query);
  if (!q.ok())
    return detail::fail(why, MITCH_ERR_INVALID_DATA);
  mitch_provider p;
  double confidence = 0;
  int st = mitch_provider_find(q.c_str(), min_confidence, &p, &confidence);
  if (st != MITCH_OK)
    return detail::fail(why, st);
  out = provider_match{detail::to_provider(p), confidence};
  return status::ok;
}

/* Jaro-Winkler similarity of two byte strings, as the resolver uses it. */
[[nodiscard]] inline status try_jaro_winkler(std::string_view a, std::string_view b,
                                             double &score) noexcept {
  detail::query_text qa(a), qb(b);
  if (!qa.ok() || !qb.ok())
    return status::invalid_data;
  return static_cast<status>(mitch_jaro_winkler(qa.c_str(), qb.c_str(), &score));
}

#if defined(MITCH_HPP_EXCEPTIONS)
inline resolution resolve_ticker(std::string_view symbol,
                                 instrument_type type = instrument_type::spot) {
  resolution r;
  if (try_resolve_ticker(symbol, type, r, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_resolve_ticker(symbol, type, r, why); });
  return r;
}
inline asset_match find_asset(std::string_view query,
                              double min_confidence = default_min_confidence) {
  asset_match m;
  if (try_find_asset(query, min_confidence, m, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_find_asset(query, min_confidence, m, why); });
  return m;
}
inline asset_match find_asset(std::string_view query, asset_class within,
                              double min_confidence = default_min_confidence) {
  asset_match m;
  if (try_find_asset(query, within, min_confidence, m, nullptr) != status::ok)
    detail::raise([&](error_info *why) {
      (void)try_find_asset(query, within, min_confidence, m, why);
    });
  return m;
}
inline asset get_asset(asset_class cls, std::uint16_t class_id) {
  asset a;
  status st = try_get_asset(cls, class_id, a);
  if (st != status::ok)
    detail::throw_status(st);
  return a;
}
inline asset get_asset(std::uint32_t asset_id) {
  asset a;
  status st = try_get_asset(asset_id, a);
  if (st != status::ok)
    detail::throw_status(st);
  return a;
}
inline asset asset_at(asset_class cls, std::size_t i) {
  asset a;
  status st = try_asset_at(cls, i, a);
  if (st != status::ok)
    detail::throw_status(st);
  return a;
}
inline class_info asset_class_info(asset_class cls) {
  class_info c;
  status st = try_asset_class_info(cls, c);
  if (st != status::ok)
    detail::throw_status(st);
  return c;
}
inline class_info instrument_type_info(instrument_type type) {
  class_info c;
  status st = try_instrument_type_info(type, c);
  if (st != status::ok)
    detail::throw_status(st);
  return c;
}
inline provider provider_at(std::size_t i) {
  provider p;
  status st = try_provider_at(i, p);
  if (st != status::ok)
    detail::throw_status(st);
  return p;
}
inline provider get_provider(std::uint16_t id) {
  provider p;
  status st = try_get_provider(id, p);
  if (st != status::ok)
    detail::throw_status(st);
  return p;
}
inline provider_match find_provider(std::string_view query,
                                    double min_confidence = default_min_confidence) {
  provider_match m;
  if (try_find_provider(query, min_confidence, m, nullptr) != status::ok)
    detail::raise([&](error_info *why) { (void)try_find_provider(query, min_confidence, m, why); });
  return m;
}
inline double jaro_winkler(std::string_view a, std::string_view b) {
  double score = 0;
  status st = try_jaro_winkler(a, b, score);
  if (st != status::ok)
    detail::throw_status(st);
  return score;
}
/* The resolver's comparison key of a name ("Apple Inc." -> "apple");
   allocates the string it returns. */
inline std::string name_key(std::string_view name) {
  detail::query_text q(name);
  if (!q.ok())
    detail::throw_status(status::invalid_data);
  char key[MITCH_QUERY_MAX + 1];
  std::size_t len = 0;
  int st = mitch_name_key(q.c_str(), key, sizeof key, &len);
  if (st != MITCH_OK)
    detail::throw_status(static_cast<status>(st));
  return std::string(key, len);
}
#endif

/* ====================================================================== */
/* Derived values and order-book bins                                     */
/* ====================================================================== */

struct tick_metrics {
  double mid = 0;                /* (bid + ask) / 2 */
  double spread = 0;             /* ask - bid */
  double spread_bps = 0;         /* spread / mid * 10000 */
  double imbalance = 0;          /* (ask_vol - bid_vol) / (ask_vol + bid_vol) */
  std::uint64_t total_volume = 0;
};

struct index_metrics {
  double best_bid_price = 0, best_ask_price = 0, worst_bid_price = 0, worst_ask_price = 0;
  double mean_spread = 0; /* in price units */
  double volatility = 0, liquidity = 0, trend = 0, momentum = 0;
  std::string_view confidence_band; /* "very high" ... "very low" */
};

/* Works on any tick, crossed ones too (no validation). */
inline tick_metrics metrics(const tick &t) noexcept {
  mitch_tick_metrics m{};
  (void)mitch_tick_metrics_get(reinterpret_cast<const mitch_tick *>(&t), &m);
  return tick_metrics{m.mid, m.spread, m.spread_bps, m.imbalance, m.total_volume};
}

inline index_metrics metrics(const index &v) noexcept {
  mitch_index_metrics m{};
  (void)mitch_index_metrics_get(reinterpret_cast<const mitch_index *>(&v), &m);
  index_metrics r;
  r.best_bid_price = m.best_bid_price;
  r.best_ask_price = m.best_ask_price;
  r.worst_bid_price = m.worst_bid_price;
  r.worst_ask_price = m.worst_ask_price;
  r.mean_spread = m.mean_spread;
  r.volatility = m.volatility;
  r.liquidity = m.liquidity;
  r.trend = m.trend;
  r.momentum = m.momentum;
  r.confidence_band = detail::text(m.confidence_band);
  return r;
}

/* Sums of each side (64-bit, never overflow). */
struct book_totals {
  std::uint64_t bid_volume = 0, ask_volume = 0, bid_count = 0, ask_count = 0;
};
inline book_totals totals(const order_book &b) noexcept {
  book_totals t;
  (void)mitch_order_book_totals(reinterpret_cast<const mitch_order_book *>(&b), &t.bid_volume,
                                &t.ask_volume, &t.bid_count, &t.ask_count);
  return t;
}

/* The 128 bin ends of an aggregator, in percent of mid. */
[[nodiscard]] inline status try_bin_table(bin_aggregator agg, span<const double> &ends) noexcept {
  const double *p = nullptr;
  int st = mitch_bin_table(to_underlying(agg), &p);
  if (st == MITCH_OK)
    ends = span<const double>(p, MITCH_BINS_PER_SIDE);
  return static_cast<status>(st);
}

/* "DEFAULT_LINGAUSSIAN" ..., "" for an unknown aggregator. */
inline std::string_view aggregator_name(bin_aggregator agg) noexcept {
  return detail::text(mitch_bin_aggregator_name(to_underlying(agg)));
}

/* Price range of a bin: start is the edge nearer mid. */
struct price_range {
  double start = 0, end = 0;
};
[[nodiscard]] inline status try_bin_price_range(double mid, bin_aggregator agg, book_side side,
                                                unsigned bin, price_range &out) noexcept {
  price_range r;
  int st = mitch_bin_price_range(mid, to_underlying(agg), static_cast<int>(side), bin, &r.start,
                                 &r.end);
  if (st == MITCH_OK)
    out = r;
  return static_cast<status>(st);
}
[[nodiscard]] inline status try_bin_for_price(double mid, bin_aggregator agg, book_side side,
                                              double price, unsigned &bin) noexcept {
  return static_cast<status>(
      mitch_bin_for_price(mid, to_underlying(agg), static_cast<int>(side), price, &bin));
}

#if defined(MITCH_HPP_EXCEPTIONS)
inline span<const double> bin_table(bin_aggregator agg) {
  span<const double> ends;
  status st = try_bin_table(agg, ends);
  if (st != status::ok)
    detail::throw_status(st);
  return ends;
}
inline price_range bin_price_range(double mid, bin_aggregator agg, book_side side, unsigned bin) {
  price_range r;
  status st = try_bin_price_range(mid, agg, side, bin, r);
  if (st != status::ok)
    detail::throw_status(st);
  return r;
}
inline unsigned bin_for_price(double mid, bin_aggregator agg, book_side side, double price) {
  unsigned bin = 0;
  status st = try_bin_for_price(mid, agg, side, price, bin);
  if (st != status::ok)
    detail::throw_status(st);
  return bin;
}
#endif

/* ====================================================================== */
/* Versions                                                               */
/* ====================================================================== */

/* Of the library loaded at run time ("1.1.0"), and of the protocol. */
inline std::string_view library_version() noexcept {
  return std::string_view(mitch_get_version(), mitch_get_version_len());
}
inline unsigned library_version_number() noexcept { return mitch_get_version_number(); }
inline std::string_view protocol_version() noexcept {
  return std::string_view(mitch_get_protocol_version(), mitch_get_protocol_version_len());
}
/* Of the header this program was compiled with. */
inline constexpr std::string_view header_version = MITCH_VERSION_STRING;

/* ok when the loaded library has this header's major version and at least
   its minor; otherwise invalid_data, with a text naming both versions. */
[[nodiscard]] inline status try_check_library(error_info *why = nullptr) noexcept {
  unsigned loaded = mitch_get_version_number();
  if ((loaded >> 16) == MITCH_VERSION_MAJOR && loaded >= MITCH_VERSION_NUMBER)
    return status::ok;
  detail::fail(why, MITCH_ERR_INVALID_DATA);
  if (why)
    std::snprintf(why->text.data(), why->text.size(),
                  "libmitch %s is loaded, but this program was built with mitch.hpp %s "
                  "(needs %d.x, at least %s)",
                  mitch_get_version(), MITCH_VERSION_STRING, MITCH_VERSION_MAJOR,
                  MITCH_VERSION_STRING);
  return status::invalid_data;
}
#if defined(MITCH_HPP_EXCEPTIONS)
inline void check_library() {
  error_info why;
  if (try_check_library(&why) != status::ok)
    throw_error(why);
}
#endif

}  // namespace mitch

#endif /* MITCH_HPP */
