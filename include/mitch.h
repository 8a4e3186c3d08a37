/*
 * mitch.h - the public interface of libmitch, the MITCH market-data library.
 *
 * MITCH is a compact little-endian binary market-data protocol derived from
 * NASDAQ ITCH.  A message is an 8-byte header followed by 1..255 bodies of a
 * single type (trade, order, tick, index or order book).  libmitch encodes
 * and decodes those bytes exactly, on any host byte order, and resolves the
 * symbols traders type ("EURUSD.m", "BTC-USDT", "^SPX", "Apple Inc.") to the
 * 64-bit ticker ids the protocol carries.
 *
 * This is the only header you need:   #include <mitch.h>
 * Link with:                           pkg-config --cflags --libs mitch
 *
 * Conventions (they hold for every function below unless its comment says
 * otherwise):
 *
 *  - Functions return an int status: MITCH_OK (0) on success, or one of the
 *    MITCH_ERR_* codes.  mitch_strerror() turns a code into text.
 *  - Checks run in a fixed order and the first failure is returned: a NULL
 *    pointer (MITCH_ERR_INVALID_DATA), then a length
 *    (MITCH_ERR_BUFFER_TOO_SMALL), then the message type
 *    (MITCH_ERR_INVALID_MESSAGE_TYPE), then field values
 *    (MITCH_ERR_INVALID_FIELD_VALUE).  A length that depends on the type
 *    (the size of its bodies) is checked as soon as the type is known:
 *    e.g. a 1-byte buffer holding "X" is too short for a message header
 *    (MITCH_ERR_BUFFER_TOO_SMALL), while 8 bytes "X......" have a bad type.
 *  - On failure, output parameters are left untouched: a decode either
 *    delivers every field or none.
 *  - Encoders validate before writing and never truncate or "round" a value
 *    (a timestamp >= 2^48 is an error, not a wrapped timestamp).
 *  - One rule for every bulk call (batches, messages, streams, captures):
 *    an encoder writes nothing unless every input is valid (it validates
 *    everything first; *done then names the first bad body); a failed
 *    batch decode, gather or capture decode delivers exactly the valid
 *    prefix - every body before the first bad one, body by body - says how
 *    much (*done, *n_bodies, the sinks' counts) and leaves the failing slot
 *    and everything after it untouched.  Every decoder, single or bulk,
 *    writes every byte of each struct it fills: padding as zero (or, where
 *    the struct is the wire image, the wire's bytes), never stale memory,
 *    so structs and arrays can be handed on whole.  Outputs must not
 *    overlap inputs:
 *    mitch_stream_frame and mitch_capture_encode refuse an overlap with
 *    MITCH_ERR_INVALID_DATA, and so does mitch_stream_gather unless its
 *    output is its input (then it compacts the buffer in place); for the
 *    other functions an overlap is the caller's error.
 *  - Decoders validate what they read with the same rules as the encoders;
 *    they accept a buffer longer than the body and read only the body.
 *    Padding is written as zeros and ignored when reading.
 *  - Buffer lengths are always explicit, except in the flat pack functions
 *    kept for compatibility with existing callers (mitch_pack_trade & co.),
 *    which write exactly the documented body size.
 *  - Nothing allocates memory, nothing keeps global mutable state: every
 *    function may be called from any number of threads at once, from the
 *    very first call.  Strings handed out (names, versions, status texts)
 *    point to constant storage inside the library and live as long as it is
 *    loaded.
 *  - Text inputs are NUL-terminated byte strings, expected to be UTF-8 but
 *    never trusted to be: invalid UTF-8 is compared byte-wise, never crashes.
 *    Queries longer than MITCH_QUERY_MAX bytes are rejected with
 *    MITCH_ERR_INVALID_DATA.
 *
 * Copyright and licence: see COPYING in the source distribution.
 */
#ifndef MITCH_H
#define MITCH_H 1

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------- */
/* Versions                                                                */
/* ---------------------------------------------------------------------- */

/* The library version.  configure.ac reads MITCH_VERSION_STRING from this
   line, so the two cannot disagree; mitch_get_version() returns the same
   string at run time (a test checks it). */
#define MITCH_VERSION_STRING "1.1.0"
#define MITCH_VERSION_MAJOR 1
#define MITCH_VERSION_MINOR 1
#define MITCH_VERSION_PATCH 0
/* (major << 16) | (minor << 8) | patch, for #if comparisons. */
#define MITCH_VERSION_NUMBER \
  ((MITCH_VERSION_MAJOR << 16) | (MITCH_VERSION_MINOR << 8) | MITCH_VERSION_PATCH)

/* The version of the MITCH wire protocol this library speaks. */
#define MITCH_PROTOCOL_VERSION_STRING "1.0.0"

/* ---------------------------------------------------------------------- */
/* Symbol visibility                                                       */
/* ---------------------------------------------------------------------- */

/* MITCH_API marks the exported functions.  On Windows, define MITCH_STATIC
   before including this header when you link the static library. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(MITCH_BUILDING_LIBRARY)
#    if defined(DLL_EXPORT)
#      define MITCH_API __declspec(dllexport)
#    else
#      define MITCH_API
#    endif
#  elif defined(MITCH_STATIC)
#    define MITCH_API
#  else
#    define MITCH_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define MITCH_API __attribute__((visibility("default")))
#else
#  define MITCH_API
#endif

/* ---------------------------------------------------------------------- */
/* Status codes                                                            */
/* ---------------------------------------------------------------------- */

/* Codes 0..7 and 99 are fixed by the flat ABI every MITCH binding uses;
   codes 8 and up are libmitch additions. */
enum mitch_status {
  MITCH_OK = 0,
  MITCH_ERR_INVALID_DATA = 1,         /* NULL pointer, bad text, nothing matched (flat ABI) */
  MITCH_ERR_INVALID_MESSAGE_TYPE = 2, /* type byte not one of t o s i b */
  MITCH_ERR_BUFFER_TOO_SMALL = 3,     /* input shorter than needed, or output too short */
  MITCH_ERR_INVALID_TICKER_ID = 4,    /* from ticker-id validation only */
  MITCH_ERR_INVALID_CHANNEL_ID = 5,   /* channel id fails validation */
  MITCH_ERR_INVALID_FIELD_VALUE = 6,  /* a field breaks a protocol rule */
  MITCH_ERR_SERIALIZATION = 7,        /* encoding failed for another reason */
  MITCH_END = 8,                      /* not an error: no more messages in the buffer */
  MITCH_ERR_NOT_FOUND = 9,            /* typed registry API: no entry matches
                                         (the flat ABI reports this as 1) */
  MITCH_ERR_UNKNOWN = 99              /* never returned on purpose */
};

/* A short English description of a status code; never NULL (unknown codes
   get a generic text). */
MITCH_API const char *mitch_strerror(int status);

/* ---------------------------------------------------------------------- */
/* Wire constants                                                          */
/* ---------------------------------------------------------------------- */

#define MITCH_HEADER_SIZE 8u
#define MITCH_TRADE_SIZE 32u
#define MITCH_ORDER_SIZE 32u
#define MITCH_TICK_SIZE 32u
#define MITCH_INDEX_SIZE 64u
#define MITCH_ORDER_BOOK_SIZE 2072u
#define MITCH_CHANNEL_SIZE 4u
#define MITCH_BIN_SIZE 8u
#define MITCH_BINS_PER_SIDE 128u
#define MITCH_MAX_BODIES 255u
/* Largest valid header timestamp (ns since midnight) and order expiry (ms). */
#define MITCH_U48_MAX ((uint64_t)0xFFFFFFFFFFFFu)
/* Largest message: header + 255 order books. */
#define MITCH_MAX_MESSAGE_SIZE (MITCH_HEADER_SIZE + MITCH_MAX_BODIES * MITCH_ORDER_BOOK_SIZE)

/* Message type bytes (case-sensitive ASCII). */
enum mitch_message_type {
  MITCH_MSG_TRADE = 't',
  MITCH_MSG_ORDER = 'o',
  MITCH_MSG_TICK = 's',
  MITCH_MSG_INDEX = 'i',
  MITCH_MSG_ORDER_BOOK = 'b'
};

/* Trade aggressor side and order side. */
enum mitch_side { MITCH_SIDE_BUY = 0, MITCH_SIDE_SELL = 1 };

/* Order types (bits 1..7 of the order's type_and_side byte). */
enum mitch_order_type {
  MITCH_ORDER_MARKET = 0,
  MITCH_ORDER_LIMIT = 1,
  MITCH_ORDER_STOP = 2,
  MITCH_ORDER_CANCEL = 3
};

/* Instrument types (bits 63..60 of a ticker id); 14 and 15 are reserved. */
enum mitch_instrument_type {
  MITCH_SPOT = 0,
  MITCH_FUTURE = 1,
  MITCH_FORWARD = 2,
  MITCH_SWAP = 3,
  MITCH_PERPETUAL_SWAP = 4,
  MITCH_CFD = 5,
  MITCH_CALL_OPTION = 6,
  MITCH_PUT_OPTION = 7,
  MITCH_DIGITAL_OPTION = 8,
  MITCH_BARRIER_OPTION = 9,
  MITCH_WARRANT = 10,
  MITCH_PREDICTION_CONTRACT = 11,
  MITCH_FUND_OR_TRUST = 12,
  MITCH_STRUCTURED_PRODUCT = 13
};

/* Asset classes (4 bits in a ticker id or packed asset); 14 and 15 are
   reserved.  Indices are class 10. */
enum mitch_asset_class {
  MITCH_CLASS_EQUITIES = 0,
  MITCH_CLASS_CORPORATE_BONDS = 1,
  MITCH_CLASS_SOVEREIGN_DEBT = 2,
  MITCH_CLASS_FOREX = 3,
  MITCH_CLASS_COMMODITIES = 4,
  MITCH_CLASS_REAL_ESTATE = 5,
  MITCH_CLASS_CRYPTO = 6,
  MITCH_CLASS_PRIVATE_MARKETS = 7,
  MITCH_CLASS_COLLECTIBLES = 8,
  MITCH_CLASS_INFRASTRUCTURE = 9,
  MITCH_CLASS_INDICES = 10,
  MITCH_CLASS_STRUCTURED_PRODUCTS = 11,
  MITCH_CLASS_CASH = 12,
  MITCH_CLASS_LOANS = 13
};

/* Order-book bin aggregators: which boundary table the 128 bins use. */
enum mitch_bin_aggregator {
  MITCH_BINS_LINGAUSSIAN = 0, /* recommended default */
  MITCH_BINS_LINGEOFLAT = 1,
  MITCH_BINS_BILINGEO = 2,
  MITCH_BINS_TRILINEAR = 3
};

/* Sides of an order book. */
enum mitch_book_side { MITCH_BOOK_BID = 0, MITCH_BOOK_ASK = 1 };

/* ---------------------------------------------------------------------- */
/* Typed bodies                                                            */
/* ---------------------------------------------------------------------- */

/* These structs are host-order values, not wire images: use the encode and
   decode functions to move between them and the bytes. */

typedef struct mitch_header {
  uint8_t message_type; /* one of enum mitch_message_type */
  uint8_t count;        /* bodies that follow, 1..255 */
  uint64_t timestamp;   /* ns since midnight UTC, < 2^48 */
} mitch_header;

typedef struct mitch_trade {
  uint64_t ticker_id; /* != 0 */
  double price;       /* finite, > 0 */
  uint32_t quantity;  /* > 0 */
  uint32_t trade_id;  /* > 0 */
  uint8_t side;       /* MITCH_SIDE_BUY (aggressor bought) or MITCH_SIDE_SELL */
} mitch_trade;

typedef struct mitch_order {
  uint64_t ticker_id; /* != 0 */
  uint32_t order_id;  /* > 0 */
  double price;       /* finite, > 0; a cancel needs only finite, >= 0 */
  uint32_t quantity;  /* > 0; any value for a cancel */
  uint8_t order_type; /* enum mitch_order_type */
  uint8_t side;       /* enum mitch_side */
  uint64_t expiry_ms; /* Unix ms, < 2^48; 0 = good till cancelled */
} mitch_order;

typedef struct mitch_tick {
  uint64_t ticker_id; /* != 0 */
  double bid_price;   /* finite, > 0 */
  double ask_price;   /* finite, > 0, >= bid_price */
  uint32_t bid_volume;
  uint32_t ask_volume;
} mitch_tick;

typedef struct mitch_index {
  uint64_t ticker_id; /* != 0 */
  double mid;         /* finite, > 0 */
  uint32_t v_bid;     /* aggregated bid volume */
  uint32_t v_ask;     /* aggregated ask volume */
  int32_t m_spread;   /* mean spread, 1e-9 of a price unit relative to mid */
  int32_t b_bid_o;    /* best bid offset from mid (same unit) */
  int32_t b_ask_o;    /* best ask offset */
  int32_t w_bid_o;    /* worst bid offset */
  int32_t w_ask_o;    /* worst ask offset */
  uint16_t v_force;   /* volatility 0..10000 */
  uint16_t l_force;   /* liquidity 0..10000 */
  int16_t t_force;    /* trend -10000..10000 */
  int16_t m_force;    /* momentum -10000..10000 */
  uint8_t confidence; /* 0..100 */
  uint8_t rejected;   /* sources rejected */
  uint8_t accepted;   /* sources accepted; 0 requires confidence 0 */
} mitch_index;

typedef struct mitch_bin {
  uint32_t count;  /* orders in the bin */
  uint32_t volume; /* volume in the bin */
} mitch_bin;

typedef struct mitch_order_book {
  uint64_t ticker_id;     /* != 0 */
  double mid_price;       /* finite, > 0 */
  uint8_t bin_aggregator; /* enum mitch_bin_aggregator, 0..3 */
  mitch_bin bids[MITCH_BINS_PER_SIDE];
  mitch_bin asks[MITCH_BINS_PER_SIDE];
} mitch_order_book;

/* Each body type has the same five functions.
 *
 *   X_validate(v)                    MITCH_OK or why v breaks a rule.
 *   X_encode(v, out, out_len)        validate, then write the body (exactly
 *                                    its size) to out.
 *   X_decode(in, in_len, v)          read one body from in, validate it,
 *                                    fill *v.
 *   X_encode_batch(v, n, out, out_len, done)
 *   X_decode_batch(in, in_len, v, n, done)
 *                                    the same for n consecutive bodies (no
 *                                    header).  done (may be NULL) receives n
 *                                    on success, else the index of the first
 *                                    bad body.  The encoder validates all n
 *                                    structs before it writes a byte (out is
 *                                    untouched on failure); the decoder fills
 *                                    v[0 .. done) and leaves v[done] and
 *                                    every slot after it untouched.  n == 0
 *                                    is allowed (and needs no buffers).
 * (mitch_check_values / mitch_check_wire, below, say which field broke
 * which rule.)
 */
MITCH_API int mitch_header_validate(const mitch_header *h);
MITCH_API int mitch_header_encode(const mitch_header *h, uint8_t *out, size_t out_len);
MITCH_API int mitch_header_decode(const uint8_t *in, size_t in_len, mitch_header *h);

MITCH_API int mitch_trade_validate(const mitch_trade *v);
MITCH_API int mitch_trade_encode(const mitch_trade *v, uint8_t *out, size_t out_len);
MITCH_API int mitch_trade_decode(const uint8_t *in, size_t in_len, mitch_trade *v);
MITCH_API int mitch_trade_encode_batch(const mitch_trade *v, size_t n, uint8_t *out,
                                       size_t out_len, size_t *done);
MITCH_API int mitch_trade_decode_batch(const uint8_t *in, size_t in_len, mitch_trade *v,
                                       size_t n, size_t *done);

MITCH_API int mitch_order_validate(const mitch_order *v);
MITCH_API int mitch_order_encode(const mitch_order *v, uint8_t *out, size_t out_len);
MITCH_API int mitch_order_decode(const uint8_t *in, size_t in_len, mitch_order *v);
MITCH_API int mitch_order_encode_batch(const mitch_order *v, size_t n, uint8_t *out,
                                       size_t out_len, size_t *done);
MITCH_API int mitch_order_decode_batch(const uint8_t *in, size_t in_len, mitch_order *v,
                                       size_t n, size_t *done);

MITCH_API int mitch_tick_validate(const mitch_tick *v);
MITCH_API int mitch_tick_encode(const mitch_tick *v, uint8_t *out, size_t out_len);
MITCH_API int mitch_tick_decode(const uint8_t *in, size_t in_len, mitch_tick *v);
MITCH_API int mitch_tick_encode_batch(const mitch_tick *v, size_t n, uint8_t *out,
                                      size_t out_len, size_t *done);
MITCH_API int mitch_tick_decode_batch(const uint8_t *in, size_t in_len, mitch_tick *v,
                                      size_t n, size_t *done);

MITCH_API int mitch_index_validate(const mitch_index *v);
MITCH_API int mitch_index_encode(const mitch_index *v, uint8_t *out, size_t out_len);
MITCH_API int mitch_index_decode(const uint8_t *in, size_t in_len, mitch_index *v);
MITCH_API int mitch_index_encode_batch(const mitch_index *v, size_t n, uint8_t *out,
                                       size_t out_len, size_t *done);
MITCH_API int mitch_index_decode_batch(const uint8_t *in, size_t in_len, mitch_index *v,
                                       size_t n, size_t *done);

MITCH_API int mitch_order_book_validate(const mitch_order_book *v);
MITCH_API int mitch_order_book_encode(const mitch_order_book *v, uint8_t *out, size_t out_len);
MITCH_API int mitch_order_book_decode(const uint8_t *in, size_t in_len, mitch_order_book *v);
MITCH_API int mitch_order_book_encode_batch(const mitch_order_book *v, size_t n, uint8_t *out,
                                            size_t out_len, size_t *done);
MITCH_API int mitch_order_book_decode_batch(const uint8_t *in, size_t in_len,
                                            mitch_order_book *v, size_t n, size_t *done);

/* Check the bytes of one body of the given type without decoding it:
   MITCH_OK, MITCH_ERR_BUFFER_TOO_SMALL, MITCH_ERR_INVALID_MESSAGE_TYPE or
   MITCH_ERR_INVALID_FIELD_VALUE. */
MITCH_API int mitch_body_validate(uint8_t message_type, const uint8_t *in, size_t in_len);

/* ---------------------------------------------------------------------- */
/* Derived values                                                          */
/* ---------------------------------------------------------------------- */

typedef struct mitch_tick_metrics {
  double mid;            /* (bid + ask) / 2 */
  double spread;         /* ask - bid */
  double spread_bps;     /* spread / mid * 10000; 0 when mid <= 0 */
  double imbalance;      /* (ask_vol - bid_vol) / (ask_vol + bid_vol); 0 when both 0 */
  uint64_t total_volume; /* bid_volume + ask_volume, without overflow */
} mitch_tick_metrics;

/* Fill *m from *t.  Works on any tick (no validation), so it can describe a
   crossed book too; NULL gives MITCH_ERR_INVALID_DATA. */
MITCH_API int mitch_tick_metrics_get(const mitch_tick *t, mitch_tick_metrics *m);

typedef struct mitch_index_metrics {
  double best_bid_price;  /* mid * (1 + b_bid_o / 1e9) */
  double best_ask_price;  /* mid * (1 + b_ask_o / 1e9) */
  double worst_bid_price; /* mid * (1 + w_bid_o / 1e9) */
  double worst_ask_price; /* mid * (1 + w_ask_o / 1e9) */
  double mean_spread;     /* mid * m_spread / 1e9, in price units */
  double volatility;      /* v_force / 10000: 0..1 */
  double liquidity;       /* l_force / 10000: 0..1 */
  double trend;           /* t_force / 10000: -1..1 */
  double momentum;        /* m_force / 10000: -1..1 */
  const char *confidence_band; /* "very high", "high", "medium",
                                  "medium-low", "low" or "very low" */
} mitch_index_metrics;

MITCH_API int mitch_index_metrics_get(const mitch_index *v, mitch_index_metrics *m);

/* The band of a confidence value: [95,100] "very high", [80,95) "high",
   [60,80) "medium", [40,60) "medium-low", [20,40) "low", [0,20) "very low";
   NULL above 100. */
MITCH_API const char *mitch_confidence_band(uint8_t confidence);

/* ---------------------------------------------------------------------- */
/* Order-book bins                                                         */
/* ---------------------------------------------------------------------- */

/* The 128 bin ends of an aggregator, in percent of mid (0.00001 means
   0.00001 % = 1e-7 of mid; 200.0 means 200 %), non-decreasing.  *ends
   points to constant storage. */
MITCH_API int mitch_bin_table(uint8_t aggregator, const double **ends);

/* Name of an aggregator ("DEFAULT_LINGAUSSIAN", ...), NULL if not 0..3. */
MITCH_API const char *mitch_bin_aggregator_name(uint8_t aggregator);

/* Price range of bin `bin` (0..127) on `side` for a book of mid price
   `mid`: *start is the edge nearer mid (bin 0 starts at mid), *end the far
   edge.  Ask bin i covers mid*(1 + end[i-1]/100) .. mid*(1 + end[i]/100);
   bid bin i covers mid*(1 - end[i-1]/100) .. mid*(1 - end[i]/100), floored
   at 0.  Either output may be NULL. */
MITCH_API int mitch_bin_price_range(double mid, uint8_t aggregator, int side, unsigned bin,
                                    double *start, double *end);

/* The bin that `price` falls into: for an ask price p >= mid, the smallest i
   with p <= mid*(1 + end[i]/100); for a bid price p <= mid, the smallest i
   with p >= mid*(1 - end[i]/100) (floored at 0).  mid itself is bin 0 on
   either side; prices beyond the last edge are bin 127.  A price on the
   wrong side of mid, <= 0 or not finite is MITCH_ERR_INVALID_FIELD_VALUE. */
MITCH_API int mitch_bin_for_price(double mid, uint8_t aggregator, int side, double price,
                                  unsigned *bin);

/* Sum of the volumes (and order counts) of each side; sums are 64-bit so
   they never overflow.  Any output may be NULL. */
MITCH_API int mitch_order_book_totals(const mitch_order_book *b, uint64_t *bid_volume,
                                      uint64_t *ask_volume, uint64_t *bid_count,
                                      uint64_t *ask_count);

/* ---------------------------------------------------------------------- */
/* Whole messages and streams                                              */
/* ---------------------------------------------------------------------- */

/* Size of one body of a message type (*size = 32, 64 or 2072). */
MITCH_API int mitch_body_size(uint8_t message_type, size_t *size);

/* Size of a message of `count` bodies: 8 + count * body size.  count 0 is
   MITCH_ERR_INVALID_FIELD_VALUE. */
MITCH_API int mitch_calculate_message_size(uint8_t message_type, uint8_t count, size_t *size);

/* Encode a whole message: a header (type, timestamp, count) and `count`
   bodies taken from `bodies`, an array of the struct that matches the type
   (mitch_trade for 't', mitch_order for 'o', ...).  count is 1..255.
   *written (may be NULL) receives the message size.  Every body is
   validated before anything is written: on failure out is untouched. */
MITCH_API int mitch_message_encode(uint8_t message_type, uint64_t timestamp,
                                   const void *bodies, size_t count, uint8_t *out,
                                   size_t out_len, size_t *written);

/* One message inside a caller's buffer, as handed out by the reader. */
typedef struct mitch_message {
  mitch_header header;   /* decoded and validated header */
  size_t offset;         /* offset of the header within the buffer */
  size_t size;           /* header + bodies, in bytes */
  size_t body_size;      /* size of one body */
  const uint8_t *bodies; /* first body: header.count * body_size bytes of
                            wire data inside the caller's buffer */
} mitch_message;

/* Iterates over a buffer holding any number of concatenated messages of
   mixed types.  Plain data: put it on the stack, no cleanup needed.  The
   buffer must stay valid while you iterate. */
typedef struct mitch_reader {
  const uint8_t *data;
  size_t size;
  size_t offset;         /* where the next message starts */
  int status;            /* MITCH_OK while reading, then MITCH_END or the error */
  size_t error_offset;   /* on error: offset of the faulty byte (the type
                            byte, the count byte, or the first byte past the
                            end of the buffer for a truncated message) */
  size_t message_offset; /* on error: offset of the damaged message */
} mitch_reader;

/* Start reading `size` bytes at `data` (data may be NULL when size is 0;
   NULL with a non-zero size makes mitch_reader_next return
   MITCH_ERR_INVALID_DATA). */
MITCH_API void mitch_reader_init(mitch_reader *r, const void *data, size_t size);

/* Frame the next message (header checks and bounds only; the bodies are not
   decoded, see mitch_message_validate).  Returns MITCH_OK with *msg filled,
   MITCH_END when the buffer is used up exactly, or why the next message is
   damaged, checked in this order: MITCH_ERR_BUFFER_TOO_SMALL (fewer than 8
   bytes left for its header), MITCH_ERR_INVALID_MESSAGE_TYPE (unknown type
   byte), MITCH_ERR_INVALID_FIELD_VALUE (count 0; the timestamp cannot be
   too wide on the wire), MITCH_ERR_BUFFER_TOO_SMALL (its bodies run past
   the end).  An error is sticky: later calls return it again.
   r->error_offset and r->message_offset say where. */
MITCH_API int mitch_reader_next(mitch_reader *r, mitch_message *msg);

/* Validate every body of a framed message.  *bad_body (may be NULL)
   receives the index of the first invalid body. */
MITCH_API int mitch_message_validate(const mitch_message *msg, size_t *bad_body);

/* Summary of a whole buffer, as mitch_stream_validate finds it. */
typedef struct mitch_stream_info {
  size_t messages;     /* complete, valid messages before any error */
  size_t bodies;       /* bodies in those messages */
  size_t error_offset; /* on error: offset of the faulty byte or body */
  size_t message_offset; /* on error: offset of the damaged message */
} mitch_stream_info;

/* Frame and validate every message and every body of a buffer.  If
   `only_type` is not 0, a message of another type is an error
   (MITCH_ERR_INVALID_MESSAGE_TYPE).  *info may be NULL. */
MITCH_API int mitch_stream_validate(const uint8_t *data, size_t size, uint8_t only_type,
                                    mitch_stream_info *info);

/* Validate a buffer of messages that are all of `message_type` and copy
   their bodies, back to back, to `bodies_out` (wire format, no headers):
   the "gather" step for zero-copy bulk readers.  *n_bodies receives how
   many bodies there are; with bodies_out NULL nothing is copied and only
   the count is computed (so a caller can size its array).
   On failure (damage, a message of another type, or bodies_out too short)
   bodies_out holds exactly the valid prefix, body by body - the bodies
   before the first bad one, even those of the damaged message - and
   *n_bodies says how many; nothing at or after the failing slot is
   written.  (info->bodies counts only the complete valid messages.)
   bodies_out == data compacts the buffer in place; any other overlap of
   bodies_out with data is MITCH_ERR_INVALID_DATA. */
MITCH_API int mitch_stream_gather(const uint8_t *data, size_t size, uint8_t message_type,
                                  uint8_t *bodies_out, size_t out_len, size_t *n_bodies,
                                  mitch_stream_info *info);

/* The reverse: frame `n_bodies` wire-format bodies of one type into as many
   messages as needed (255 bodies each, the last one shorter), all with the
   same timestamp; every body is validated before anything is written.
   With out NULL only *written (the size needed) is computed (and the
   timestamp checked).  out must not overlap bodies. */
MITCH_API int mitch_stream_frame(uint8_t message_type, uint64_t timestamp,
                                 const uint8_t *bodies, size_t n_bodies, uint8_t *out,
                                 size_t out_len, size_t *written);

/* ---------------------------------------------------------------------- */
/* Layouts: the one description of every wire layout and public struct    */
/* ---------------------------------------------------------------------- */

/* Added in 1.1 (version node MITCH_1.1): check mitch_get_version_number()
   >= 0x010100 before calling anything in this section or the two after it.

   The library carries a read-only table that describes, field by field,
   the wire image of the header, of each body type and of an order-book bin
   (offsets and sizes as protocol.md states them), the typed struct each of
   them is decoded into, and the structs this header asks callers to
   allocate (mitch_stream_info, mitch_error, ...).  Bindings build their own
   structures from it, or check theirs against it, instead of copying the
   layouts by hand; `mitch info --layouts --json` prints the same table.
   The fast codecs are written by hand; the library's build and tests tie
   them to this table (same offsets, same sizes, same rules). */

/* What a field holds. */
enum mitch_field_kind {
  MITCH_FIELD_U8 = 1,
  MITCH_FIELD_U16 = 2,
  MITCH_FIELD_U32 = 3,
  MITCH_FIELD_U48 = 4, /* 6 bytes on the wire, uint64_t in the struct */
  MITCH_FIELD_U64 = 5,
  MITCH_FIELD_I16 = 6,
  MITCH_FIELD_I32 = 7,
  MITCH_FIELD_F64 = 8,
  MITCH_FIELD_BITS = 9,     /* bit_width bits of one wire byte from bit_offset up
                               (the order's side and order_type); uint8_t member */
  MITCH_FIELD_BINS = 10,    /* `count` nested order-book bins (layout MITCH_LAYOUT_BIN) */
  MITCH_FIELD_PADDING = 11, /* zero on the wire, ignored when read, no struct member */
  /* Members of API structs only (no wire image): */
  MITCH_FIELD_I8 = 12,      /* int8_t (reserved: no struct of 1.1 has one) */
  MITCH_FIELD_INT = 13,     /* C int */
  MITCH_FIELD_SIZE = 14,    /* size_t */
  MITCH_FIELD_POINTER = 15, /* any data pointer, const char * included */
  MITCH_FIELD_CHARS = 16,   /* char array of `count` bytes */
  MITCH_FIELD_STRUCT = 17   /* one nested struct, the layout named by `nested` */
};

/* Layout ids.  A body is named by its message type byte ('t', 'o', 's',
   'i', 'b'); the others by these small numbers (none is a type byte). */
#define MITCH_LAYOUT_HEADER 0 /* mitch_header, the 8-byte message header */
#define MITCH_LAYOUT_BIN 1    /* mitch_bin, one order-book bin */
/* API structs callers pass to the library (wire_size 0): */
#define MITCH_LAYOUT_STREAM_INFO 2   /* mitch_stream_info */
#define MITCH_LAYOUT_ERROR 3         /* mitch_error */
#define MITCH_LAYOUT_CAPTURE_SINK 4  /* mitch_capture_sink */
#define MITCH_LAYOUT_TICKER_FIELDS 5 /* mitch_ticker_fields */
#define MITCH_LAYOUT_ASSET 6         /* mitch_asset */
#define MITCH_LAYOUT_PROVIDER 7      /* mitch_provider */
#define MITCH_LAYOUT_RESOLUTION 8    /* mitch_resolution */
#define MITCH_LAYOUT_CLASS_INFO 9    /* mitch_class_info */
#define MITCH_LAYOUT_TICK_METRICS 10 /* mitch_tick_metrics */
#define MITCH_LAYOUT_INDEX_METRICS 11 /* mitch_index_metrics */
#define MITCH_LAYOUT_MESSAGE 12      /* mitch_message */
#define MITCH_LAYOUT_READER 13       /* mitch_reader */

typedef struct mitch_layout {
  uint8_t id;           /* a type byte for a body, else a MITCH_LAYOUT_* number */
  uint8_t message_type; /* the type byte for the body layouts, 0 for all others:
                           the body types are exactly the layouts where it is not 0 */
  const char *name;     /* "header", "trade", "order", "tick", "index", "order_book",
                           "bin", "stream_info", "error", ...: the C struct is
                           mitch_<name> */
  size_t wire_size;     /* bytes on the wire (MITCH_TRADE_SIZE, ...); 0 for API structs */
  size_t struct_size;   /* sizeof(mitch_<name>) */
  size_t struct_align;  /* its alignment */
  size_t field_count;   /* fields, padding included; in wire order for the wire
                           layouts, in member order for API structs */
} mitch_layout;

typedef struct mitch_field {
  const char *name;      /* the struct member ("ticker_id", "bid_price", "expiry_ms");
                            "padding" for padding */
  int kind;              /* enum mitch_field_kind */
  size_t wire_offset;    /* byte offset in the wire image (0 for API structs) */
  size_t wire_size;      /* bytes on the wire, all elements (BITS: 1, the byte
                            holding them; 0 for API structs) */
  unsigned bit_offset;   /* BITS: lowest bit in that byte; else 0 */
  unsigned bit_width;    /* BITS: number of bits; else 0 */
  size_t count;          /* elements: 128 for bins, N for a char array, else 1 */
  size_t struct_offset;  /* offsetof(mitch_<layout>, member); MITCH_NO_MEMBER for padding */
  size_t struct_size;    /* member size in bytes (all elements); 0 for padding */
  uint8_t nested;        /* BINS and STRUCT only: layout id of the nested elements
                            (MITCH_LAYOUT_BIN, MITCH_LAYOUT_HEADER, ...); 0 otherwise,
                            so read it only for those two kinds */
  const char *wire_name; /* protocol.md's name of the wire field that holds it:
                            "type_and_side" for the order's side and order_type
                            bits, "expiry" for expiry_ms; else the same as name */
  const char *values;    /* an enumerated field's value names, '|'-separated in value
                            order ("buy|sell", "market|limit|stop|cancel"); "" otherwise */
  const char *rule;      /* the rule the field keeps, in words a person reads ("must
                            not be zero"); "" when any value is valid */
} mitch_field;

#define MITCH_NO_MEMBER ((size_t)-1)

/* Number of layouts in the table. */
MITCH_API size_t mitch_layout_count(void);
/* Layout `index` (0 .. mitch_layout_count()-1), in table order: header,
   trade, order, tick, index, order_book, bin, then the API structs in
   MITCH_LAYOUT_* order.  MITCH_ERR_NOT_FOUND past the end. */
MITCH_API int mitch_layout_at(size_t index, mitch_layout *out);
/* The layout with id `id`; an unknown id is MITCH_ERR_INVALID_MESSAGE_TYPE. */
MITCH_API int mitch_layout_get(uint8_t id, mitch_layout *out);
/* Field `index` (0 .. field_count-1) of layout `id`: unknown id
   MITCH_ERR_INVALID_MESSAGE_TYPE, index past the end MITCH_ERR_NOT_FOUND. */
MITCH_API int mitch_layout_field(uint8_t id, size_t index, mitch_field *out);

/* ---------------------------------------------------------------------- */
/* Errors that name the field and the rule                                 */
/* ---------------------------------------------------------------------- */

/* The 1.0 functions say only *that* something is wrong (a status).  The
   check functions below say which item, which field, which rule and where,
   in a struct the caller provides (like jansson's json_error_t).  They are
   driven by the layout table's rules and give the same status as the fast
   function they mirror (the tests compare them on edge and random inputs),
   so a binding calls the fast function on its hot path and, only when it
   fails, the check function to build a precise exception. */

#define MITCH_ERROR_TEXT_SIZE 160

typedef struct mitch_error {
  int status;              /* what the call returned; on MITCH_OK nothing below is set */
  uint8_t layout;          /* layout id of the item at fault: a type byte, or
                              MITCH_LAYOUT_HEADER for a message header */
  int field;               /* mitch_layout_field index of the field at fault, -1 if none
                              (a NULL pointer, a short buffer, a truncated message) */
  int other_field;         /* the second field of a rule between two fields, else -1
                              (a crossed tick: field ask_price, other bid_price) */
  const char *field_name;  /* name of `field`, "" when none; constant storage */
  const char *other_name;  /* name of `other_field`, "" when none */
  const char *rule;        /* the rule broken, in words; never NULL; constant storage */
  double value;            /* the field's value as a number (exact for every width
                              but u48/u64 values above 2^53); 0 when no field */
  double other_value;      /* the other field's value, 0 when none */
  size_t index;            /* which item is at fault: the body (check_values,
                              check_wire, capture_encode) or the message
                              (check_stream, capture_decode), counted from 0 */
  size_t offset;           /* byte offset of the damage from the start of the caller's
                              input buffer (wire input); for struct input, where the
                              field would sit in the encoded bodies
                              (index * wire_size + wire_offset) */
  size_t message_offset;   /* stream and capture calls: offset of the damaged
                              message; else 0 */
  char text[MITCH_ERROR_TEXT_SIZE]; /* one English line, NUL-terminated, e.g.
      "bid_price 1.05 is above ask_price 1.02 (a tick's bid must not exceed its ask)";
      numbers in the C locale's form whatever the process locale ('.' as the
      decimal point, shortest text that reads back as the same double), never
      any text taken from the input */
} mitch_error;

/* The functions below are plain functions of their arguments (no state):
   `err` may be NULL, then only the status is returned.  On failure *err is
   filled completely; on success only err->status (MITCH_OK) is written.
   Checks run in the documented order (see the top of this file); a NULL
   argument or a short buffer gives field -1 and a rule that says what is
   missing. */

/* Typed values: the same verdict as X_validate (mitch_header_validate for
   MITCH_LAYOUT_HEADER) over `n` consecutive structs of layout `id` (a type
   byte or MITCH_LAYOUT_HEADER; `values` points to n mitch_trade, ... or
   mitch_header).  n == 0 is MITCH_OK.  MITCH_LAYOUT_BIN is accepted (bins
   have no rules); an API-struct id or unknown id is
   MITCH_ERR_INVALID_MESSAGE_TYPE.  err->index is the first bad struct,
   err->offset where its field would be on the wire. */
MITCH_API int mitch_check_values(uint8_t id, const void *values, size_t n, mitch_error *err);

/* Wire bytes: `n` consecutive bodies of type `id` (or headers, with
   MITCH_LAYOUT_HEADER) at in[0 .. in_len), like mitch_body_validate for
   each.  in_len must hold n images (MITCH_ERR_BUFFER_TOO_SMALL otherwise,
   checked once the type is known); extra bytes are ignored.  err->offset
   is the offset in `in` of the bad field (of its byte, for bits). */
MITCH_API int mitch_check_wire(uint8_t id, const uint8_t *in, size_t in_len, size_t n,
                               mitch_error *err);

/* A whole stream: the same status and the same *info as mitch_stream_validate,
   with the details: err->index is the message number, err->message_offset
   its offset, err->layout MITCH_LAYOUT_HEADER for framing damage (bad type
   byte, count 0, truncation) or the body type for a bad body (err->offset
   then points at the bad field inside the buffer). */
MITCH_API int mitch_check_stream(const uint8_t *data, size_t size, uint8_t only_type,
                                 mitch_stream_info *info, mitch_error *err);

/* ---------------------------------------------------------------------- */
/* Captures: many messages of mixed types, in one pass                     */
/* ---------------------------------------------------------------------- */

/* Where mitch_capture_decode puts the bodies of one message type.
   Zero-initialise it ({0} or memset) and set what you need: a stride of 0
   means packed arrays.  With strides, the bodies and timestamps can be
   members of one array of records, decoded in place:

     struct timed_trade { mitch_trade body; uint64_t timestamp; } rec[N];
     mitch_capture_sink s = {0};
     s.message_type = MITCH_MSG_TRADE;
     s.bodies = &rec[0].body;           s.body_stride = sizeof rec[0];
     s.timestamps = &rec[0].timestamp;  s.timestamp_stride = sizeof rec[0];
     s.capacity = N;

   Body k is then written at (char *)bodies + k * body_stride and its
   timestamp at (char *)timestamps + k * timestamp_stride; nothing between
   them is touched. */
typedef struct mitch_capture_sink {
  uint8_t message_type; /* the type this sink collects ('t', 's', ...) */
  void *bodies;         /* room for `capacity` structs of that type (mitch_trade for
                           't', ...), or NULL */
  uint64_t *timestamps; /* room for `capacity` header timestamps, one per body, or NULL */
  size_t capacity;      /* elements `bodies` and `timestamps` each hold (ignored when
                           both are NULL) */
  size_t count;         /* out: bodies of this type found (and, with buffers,
                           written) */
  size_t body_stride;   /* bytes from one struct in `bodies` to the next: 0 for
                           packed (the struct's size), else at least that size
                           and a multiple of the struct's alignment */
  size_t timestamp_stride; /* bytes from one timestamp to the next: 0 for packed
                              (8), else at least 8 and a multiple of uint64_t's
                              alignment */
} mitch_capture_sink;

/* Decode a capture - concatenated messages of any types, e.g. a recorded
   feed - in one pass.  Every message is framed and every body validated, as
   mitch_stream_validate does; the bodies of each type that has a sink are
   decoded into its `bodies`, each with its message's header timestamp in
   `timestamps`, in stream order; bodies of other types are validated and
   skipped.
   Sizing: a sink whose bodies and timestamps are both NULL only counts, so
   a first call with all buffers NULL gives every count (validating the
   whole capture), the caller allocates, a second call fills.
   Failure: MITCH_ERR_BUFFER_TOO_SMALL when a sink is full (its capacity
   reached and one more body of its type follows), else the status of the
   first damage (as mitch_stream_validate).  Each sink then holds exactly
   the bodies before the damage: a framing error (bad type byte, count 0,
   truncation) ends the valid prefix before its message, a bad body ends it
   at that body (bodies before it in the same message are delivered).
   `count` says how many; nothing at or after the damage is written, in any
   sink.  *info (messages and bodies: the complete valid messages before the
   damage; error_offset, message_offset) and *err (both may be NULL) say
   where.
   Argument errors are found before anything is read or written (the
   counts stay untouched): data NULL with size > 0 or sinks NULL with
   n_sinks > 0 is MITCH_ERR_INVALID_DATA; a sink whose message_type is not
   a body type is MITCH_ERR_INVALID_MESSAGE_TYPE; two sinks for one type, a
   stride that is neither 0 nor a whole number of aligned elements, or a
   capacity whose strided array could not be addressed are
   MITCH_ERR_INVALID_DATA.  No sinks at all is allowed (the call then
   validates, like mitch_stream_validate). */
MITCH_API int mitch_capture_decode(const uint8_t *data, size_t size, mitch_capture_sink *sinks,
                                   size_t n_sinks, mitch_stream_info *info, mitch_error *err);

/* The reverse: `n` structs of one type (mitch_trade for 't', ...) with one
   timestamp per body (ns since midnight, < 2^48) become messages: a new
   message starts when the timestamp changes or after 255 bodies, so
   decoding the result with mitch_capture_decode gives back the same bodies
   and timestamps.  Everything is validated before anything is written (out
   untouched on failure; err->index is the bad body and err->field its
   field, or, for a timestamp >= 2^48, err->layout is MITCH_LAYOUT_HEADER
   and err->field the header's timestamp; err->offset is then the
   timestamp's offset in the `timestamps` array, in bytes).
   written must not be NULL, nor bodies and timestamps when n > 0.  With
   out NULL, *written is the size needed and nothing but the arguments and
   the type is checked.  n == 0 writes nothing (*written = 0). */
MITCH_API int mitch_capture_encode(uint8_t message_type, const void *bodies,
                                   const uint64_t *timestamps, size_t n, uint8_t *out,
                                   size_t out_len, size_t *written, mitch_error *err);

/* ---------------------------------------------------------------------- */
/* Ticker ids, packed assets, channels                                     */
/* ---------------------------------------------------------------------- */

/* The fields of a ticker id:
     bits 63..60 instrument type     bits 59..56 base class
     bits 55..40 base id             bits 39..36 quote class
     bits 35..20 quote id            bits 19..0  sub-type                 */
typedef struct mitch_ticker_fields {
  uint8_t instrument_type; /* 0..15 */
  uint8_t base_class;      /* 0..15 */
  uint16_t base_id;
  uint8_t quote_class; /* 0..15 */
  uint16_t quote_id;
  uint32_t sub_type; /* 0..2^20-1 */
} mitch_ticker_fields;

#define MITCH_SUB_TYPE_MAX 0xFFFFFu

/* Build a ticker id.  A field too wide for its bits is
   MITCH_ERR_INVALID_FIELD_VALUE; reserved values are allowed here (see
   mitch_validate_ticker_id). */
MITCH_API int mitch_ticker_id_encode(const mitch_ticker_fields *f, uint64_t *ticker_id);
/* Split a ticker id into its fields (never fails but for NULL). */
MITCH_API int mitch_ticker_id_decode(uint64_t ticker_id, mitch_ticker_fields *f);
/* Batch forms; *done as for the body batches. */
MITCH_API int mitch_ticker_id_encode_batch(const mitch_ticker_fields *f, size_t n,
                                           uint64_t *ticker_ids, size_t *done);
MITCH_API int mitch_ticker_id_decode_batch(const uint64_t *ticker_ids, size_t n,
                                           mitch_ticker_fields *f);
/* MITCH_OK, or MITCH_ERR_INVALID_TICKER_ID for a reserved instrument type
   (14, 15), a reserved class (14, 15) on either leg, or base == quote
   (same class and id). */
MITCH_API int mitch_validate_ticker_id(uint64_t ticker_id);

/* Predicates: 1 or 0. */
MITCH_API int mitch_ticker_id_is_spot(uint64_t ticker_id);   /* instrument type Spot */
MITCH_API int mitch_ticker_id_is_forex(uint64_t ticker_id);  /* both legs Forex */
MITCH_API int mitch_ticker_id_is_crypto(uint64_t ticker_id); /* base leg Crypto */
MITCH_API int mitch_ticker_id_is_equity(uint64_t ticker_id); /* base leg Equities */

/* Builders for the common pairs; quote_asset is a packed asset. */
MITCH_API int mitch_ticker_id_forex(uint8_t instrument_type, uint16_t base_fx_id,
                                    uint16_t quote_fx_id, uint64_t *ticker_id);
MITCH_API int mitch_ticker_id_crypto(uint8_t instrument_type, uint16_t base_crypto_id,
                                     uint32_t quote_asset, uint64_t *ticker_id);
MITCH_API int mitch_ticker_id_equity(uint8_t instrument_type, uint16_t equity_id,
                                     uint32_t quote_asset, uint64_t *ticker_id);

/* Packed assets: (asset_class << 16) | class_id, 20 bits in a uint32_t. */
MITCH_API int mitch_pack_asset(uint8_t asset_class, uint16_t class_id, uint32_t *asset_id);
MITCH_API int mitch_unpack_asset(uint32_t asset_id, uint8_t *asset_class, uint16_t *class_id);

/* Channels: (provider_id << 16) | (message_type << 8), low byte 0. */
MITCH_API int mitch_validate_channel(uint32_t channel_id); /* MITCH_OK or ..._CHANNEL_ID */
MITCH_API int mitch_channel_decode(uint32_t channel_id, uint16_t *provider_id,
                                   uint8_t *message_type);

/* ---------------------------------------------------------------------- */
/* Registry: assets, classes, instrument types, providers                  */
/* ---------------------------------------------------------------------- */

/* Longest query (in bytes, before the NUL) the registry functions accept. */
#define MITCH_QUERY_MAX 255u

/* A registry asset.  Strings point to constant storage in the library and
   keep the registry's spelling ("US Dollar", "S&P 500", "Polish Złoty"). */
typedef struct mitch_asset {
  uint32_t asset_id;   /* packed: (asset_class << 16) | class_id */
  uint16_t class_id;   /* id inside the class */
  uint8_t asset_class; /* enum mitch_asset_class */
  const char *name;    /* registry name */
  const char *symbol;  /* primary symbol (first alias), "" if none */
  const char *aliases; /* every alias, '|'-separated, "" if none */
} mitch_asset;

MITCH_API int mitch_asset_get(uint8_t asset_class, uint16_t class_id, mitch_asset *out);
MITCH_API int mitch_asset_get_packed(uint32_t asset_id, mitch_asset *out);

/* Resolve a name or symbol ("BTC", "Apple Inc.", "Etherium") to an asset,
   following the registry rules: exact key, cleaned key, then Jaro-Winkler
   fuzzy at or above min_confidence (0..1).  class_filter is an asset class
   or -1 for any.  *confidence (may be NULL) is 1.0 for exact hits.
   An exact hit is returned whatever min_confidence is.  A query without
   letters or digits is MITCH_ERR_INVALID_DATA; a NaN min_confidence or a
   class_filter outside -1..15 is MITCH_ERR_INVALID_FIELD_VALUE. */
MITCH_API int mitch_asset_find(const char *query, int class_filter, double min_confidence,
                               mitch_asset *out, double *confidence);

/* Enumerate the assets of one class in id order: index 0..count-1. */
MITCH_API size_t mitch_asset_count(uint8_t asset_class);
MITCH_API int mitch_asset_at(uint8_t asset_class, size_t index, mitch_asset *out);

typedef struct mitch_class_info {
  uint8_t id;
  const char *name; /* "Forex", "Indices & Index Products", "*Reserved*" */
  const char *code; /* "FX", "IP", "" for reserved */
} mitch_class_info;

/* Asset classes 0..15 and instrument types 0..15 (reserved ones included). */
MITCH_API int mitch_asset_class_get(uint8_t asset_class, mitch_class_info *out);
MITCH_API int mitch_instrument_type_get(uint8_t instrument_type, mitch_class_info *out);

typedef struct mitch_provider {
  uint16_t id;
  const char *name;          /* registry name, e.g. "New York Stock Exchange" */
  const char *abbreviations; /* '|'-separated, e.g. "NYSE", "" if none */
} mitch_provider;

MITCH_API size_t mitch_provider_count(void);
MITCH_API int mitch_provider_at(size_t index, mitch_provider *out); /* id order */
MITCH_API int mitch_provider_get(uint16_t provider_id, mitch_provider *out);
/* Exact key, then abbreviation, then fuzzy at min_confidence. */
MITCH_API int mitch_provider_find(const char *query, double min_confidence,
                                  mitch_provider *out, double *confidence);

/* ---------------------------------------------------------------------- */
/* Symbol resolution                                                       */
/* ---------------------------------------------------------------------- */

#define MITCH_STEPS_MAX 256u

typedef struct mitch_resolution {
  uint64_t ticker_id;      /* (instrument type, base, quote, sub-type 0) */
  uint8_t instrument_type; /* as given */
  mitch_asset base;
  mitch_asset quote;
  double confidence; /* 1.0 for exact legs, else the fuzzy score */
  /* What the resolver did, as short phrases separated by "; ", e.g.
     "stripped \".cash\"; split at \"/\"". NUL-terminated. */
  char steps[MITCH_STEPS_MAX];
} mitch_resolution;

/* Resolve a trading symbol ("EURUSD.m", "BTC-USDT", "^SPX", "GBPJPYmini")
   to base and quote assets and a ticker id.  Errors:
   MITCH_ERR_INVALID_DATA (NULL, empty, too long, cleans to nothing),
   MITCH_ERR_INVALID_FIELD_VALUE (instrument type > 15),
   MITCH_ERR_NOT_FOUND (nothing matches, or base == quote such as "USD"). */
MITCH_API int mitch_resolve(const char *symbol, uint8_t instrument_type,
                            mitch_resolution *out);

/* The comparison key of a name: ASCII lower-cased, only letters, digits and
   non-ASCII bytes kept, a leading "the" and one trailing business-suffix
   word dropped ("Apple Inc." -> "apple").  *key_len (may be NULL) gets the
   full key length; an output that does not fit is cut at a UTF-8
   character boundary within out_len-1 bytes, NUL-terminated, and reported
   as MITCH_ERR_BUFFER_TOO_SMALL. */
MITCH_API int mitch_name_key(const char *name, char *out, size_t out_len, size_t *key_len);

/* Jaro-Winkler similarity of two byte strings, as the resolver uses it
   (case-sensitive; the resolver compares keys).  0..1. */
MITCH_API int mitch_jaro_winkler(const char *a, const char *b, double *score);

/* ---------------------------------------------------------------------- */
/* The flat ABI                                                            */
/* ---------------------------------------------------------------------- */

/* These are the functions existing MITCH bindings (Python ctypes, Node FFI,
   JNI, P/Invoke, cgo, MetaTrader) already call, with exactly these
   signatures.  They take only primitives and pointers, and are thin
   wrappers over the typed API above. */

/* Bodies.  pack writes exactly the body size (32, 32, 32, 64 bytes) to out;
   unpack reads the first body-size bytes of bytes[0..len). */
MITCH_API int mitch_pack_trade(uint64_t ticker_id, double price, uint32_t quantity,
                               uint32_t trade_id, uint8_t side, uint8_t *out);
MITCH_API int mitch_unpack_trade(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                                 double *price, uint32_t *quantity, uint32_t *trade_id,
                                 uint8_t *side);
MITCH_API int mitch_pack_order(uint64_t ticker_id, uint32_t order_id, double price,
                               uint32_t quantity, uint8_t order_type, uint8_t side,
                               uint64_t expiry_ms, uint8_t *out);
MITCH_API int mitch_unpack_order(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                                 uint32_t *order_id, double *price, uint32_t *quantity,
                                 uint8_t *order_type, uint8_t *side, uint64_t *expiry_ms);
MITCH_API int mitch_pack_tick(uint64_t ticker_id, double bid_price, double ask_price,
                              uint32_t bid_volume, uint32_t ask_volume, uint8_t *out);
MITCH_API int mitch_unpack_tick(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                                double *bid_price, double *ask_price, uint32_t *bid_volume,
                                uint32_t *ask_volume);
MITCH_API int mitch_pack_index(uint64_t ticker_id, double mid, uint32_t v_bid,
                               uint32_t v_ask, int32_t m_spread, int32_t b_bid_o,
                               int32_t b_ask_o, int32_t w_bid_o, int32_t w_ask_o,
                               uint16_t v_force, uint16_t l_force, int16_t t_force,
                               int16_t m_force, uint8_t confidence, uint8_t rejected,
                               uint8_t accepted, uint8_t *out);
MITCH_API int mitch_unpack_index(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                                 double *mid, uint32_t *v_bid, uint32_t *v_ask,
                                 int32_t *m_spread, int32_t *b_bid_o, int32_t *b_ask_o,
                                 int32_t *w_bid_o, int32_t *w_ask_o, uint16_t *v_force,
                                 uint16_t *l_force, int16_t *t_force, int16_t *m_force,
                                 uint8_t *confidence, uint8_t *rejected, uint8_t *accepted);
/* Order book: the bins are 256 uint32_t per side, count and volume
   interleaved as on the wire (bins[2i] = count of bin i, bins[2i+1] = its
   volume).  out must hold out_len >= 2072 bytes. */
MITCH_API int mitch_pack_order_book(uint64_t ticker_id, double mid_price,
                                    uint8_t bin_aggregator, const uint32_t *bid_bins,
                                    const uint32_t *ask_bins, uint8_t *out, size_t out_len);
MITCH_API int mitch_unpack_order_book(const uint8_t *bytes, size_t len, uint64_t *ticker_id,
                                      double *mid_price, uint8_t *bin_aggregator,
                                      uint32_t *bid_bins, uint32_t *ask_bins);

MITCH_API int mitch_get_message_sizes(size_t *header, size_t *trade, size_t *order,
                                      size_t *tick, size_t *index, size_t *order_book);

/* Header: timestamp is nanoseconds since midnight and must fit 48 bits. */
MITCH_API int mitch_pack_header(uint8_t message_type, uint64_t timestamp, uint8_t count,
                                uint8_t *out /* 8 bytes */);
MITCH_API int mitch_unpack_header(const uint8_t *bytes, size_t len, uint8_t *message_type,
                                  uint64_t *timestamp, uint8_t *count);
/* mitch_pack_header with an explicit output length. */
MITCH_API int mitch_create_header(uint8_t message_type, uint64_t timestamp, uint8_t count,
                                  uint8_t *out, size_t out_len);

/* Registry.  name_out / aliases_out receive NUL-terminated UTF-8 cut at a
   character boundary to fit name_len / aliases_len (a length of 0 writes
   nothing); truncation is not an error.  asset_id is packed.  "Nothing
   matched" is MITCH_ERR_INVALID_DATA here.  Required pointers are the
   text and the first output (asset_id, ticker_id, provider_id, count);
   the other outputs may be NULL, a name buffer only with a length of 0. */
MITCH_API int mitch_resolve_asset(const char *name, double min_confidence,
                                  uint32_t *asset_id, uint16_t *class_id,
                                  uint8_t *asset_class, char *name_out, size_t name_len,
                                  char *aliases_out, size_t aliases_len, double *confidence);
MITCH_API int mitch_resolve_asset_in_class(const char *name, uint8_t asset_class,
                                           double min_confidence, uint32_t *asset_id,
                                           uint16_t *class_id, char *name_out,
                                           size_t name_len, char *aliases_out,
                                           size_t aliases_len, double *confidence);
MITCH_API int mitch_get_asset_by_id(uint8_t asset_class, uint16_t class_id,
                                    uint32_t *asset_id, char *name_out, size_t name_len,
                                    char *aliases_out, size_t aliases_len);
MITCH_API int mitch_resolve_ticker(const char *symbol, uint8_t instrument_type,
                                   uint64_t *ticker_id, uint32_t *base_asset_id,
                                   uint32_t *quote_asset_id, double *confidence);
MITCH_API int mitch_find_market_provider(const char *name, double min_confidence,
                                         uint16_t *provider_id, char *name_out,
                                         size_t name_len, double *confidence);
MITCH_API int mitch_get_market_provider_by_id(uint16_t provider_id, char *name_out,
                                              size_t name_len);
/* Writes up to `capacity` provider ids, in id order, to ids_out (may be NULL
   when capacity is 0); *count receives the total number of providers, so a
   first call with capacity 0 sizes the array. */
MITCH_API int mitch_get_all_market_providers(uint16_t *ids_out, size_t capacity,
                                             size_t *count);

/* Ticker ids. */
MITCH_API int mitch_create_ticker_id(uint8_t instrument_type, uint8_t base_class,
                                     uint16_t base_id, uint8_t quote_class,
                                     uint16_t quote_id, uint32_t sub_type,
                                     uint64_t *ticker_id);
MITCH_API int mitch_decode_ticker_id(uint64_t ticker_id, uint8_t *instrument_type,
                                     uint8_t *base_class, uint16_t *base_id,
                                     uint8_t *quote_class, uint16_t *quote_id,
                                     uint32_t *sub_type);

/* Channels.  A type byte that is not one of the five codes is
   MITCH_ERR_INVALID_MESSAGE_TYPE; unpack validates the channel id. */
MITCH_API int mitch_create_channel(uint16_t provider_id, char message_type,
                                   uint32_t *channel_id);
MITCH_API int mitch_pack_channel(uint32_t channel_id, uint8_t *out /* 4 bytes */);
MITCH_API int mitch_unpack_channel(const uint8_t *bytes, size_t len, uint32_t *channel_id);

/* Versions: static NUL-terminated strings; the _len functions give their
   length without the NUL. */
MITCH_API const char *mitch_get_version(void);
MITCH_API size_t mitch_get_version_len(void);
MITCH_API const char *mitch_get_protocol_version(void);
MITCH_API size_t mitch_get_protocol_version_len(void);
/* MITCH_VERSION_NUMBER of the library actually loaded. */
MITCH_API unsigned mitch_get_version_number(void);

#ifdef __cplusplus
}
#endif

#endif /* MITCH_H */
