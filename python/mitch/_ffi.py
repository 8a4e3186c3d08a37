"""ctypes declarations of every function libmitch exports, and Structure
mirrors of the typed structs of ``mitch.h``.

Nothing here implements a codec: this module only says how to call the C
library.  :func:`bind` applies the declarations to a loaded ``CDLL``; the
rest of the package calls the library through the module-level ``lib``
object that :mod:`mitch` sets once at import time.

The Structures are host-order C structs (not wire images); their layout must
equal the C compiler's, which ``tests/test_layout.py`` checks field by field
against ``offsetof``/``sizeof`` from a compiled probe of ``mitch.h``.
"""

from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int16,
                    c_int32, c_size_t, c_uint, c_uint8, c_uint16, c_uint32, c_uint64,
                    c_void_p)
from typing import Any, Dict, List, Tuple

from .exceptions import MissingSymbolError

# ---------------------------------------------------------------------------
# Constants of mitch.h (wire sizes are protocol constants, not rules).
# ---------------------------------------------------------------------------

MITCH_OK = 0
MITCH_END = 8
HEADER_SIZE = 8
TRADE_SIZE = 32
ORDER_SIZE = 32
TICK_SIZE = 32
INDEX_SIZE = 64
ORDER_BOOK_SIZE = 2072
CHANNEL_SIZE = 4
BIN_SIZE = 8
BINS_PER_SIDE = 128
MAX_BODIES = 255
U48_MAX = (1 << 48) - 1
SUB_TYPE_MAX = (1 << 20) - 1
QUERY_MAX = 255
STEPS_MAX = 256
MAX_MESSAGE_SIZE = HEADER_SIZE + MAX_BODIES * ORDER_BOOK_SIZE

# ---------------------------------------------------------------------------
# Structures (field order and types exactly as in mitch.h).
# ---------------------------------------------------------------------------


class HeaderStruct(Structure):
    """``mitch_header``."""

    _fields_ = [("message_type", c_uint8), ("count", c_uint8), ("timestamp", c_uint64)]


class TradeStruct(Structure):
    """``mitch_trade``."""

    _fields_ = [("ticker_id", c_uint64), ("price", c_double), ("quantity", c_uint32),
                ("trade_id", c_uint32), ("side", c_uint8)]


class OrderStruct(Structure):
    """``mitch_order``."""

    _fields_ = [("ticker_id", c_uint64), ("order_id", c_uint32), ("price", c_double),
                ("quantity", c_uint32), ("order_type", c_uint8), ("side", c_uint8),
                ("expiry_ms", c_uint64)]


class TickStruct(Structure):
    """``mitch_tick``."""

    _fields_ = [("ticker_id", c_uint64), ("bid_price", c_double), ("ask_price", c_double),
                ("bid_volume", c_uint32), ("ask_volume", c_uint32)]


class IndexStruct(Structure):
    """``mitch_index``."""

    _fields_ = [("ticker_id", c_uint64), ("mid", c_double), ("v_bid", c_uint32),
                ("v_ask", c_uint32), ("m_spread", c_int32), ("b_bid_o", c_int32),
                ("b_ask_o", c_int32), ("w_bid_o", c_int32), ("w_ask_o", c_int32),
                ("v_force", c_uint16), ("l_force", c_uint16), ("t_force", c_int16),
                ("m_force", c_int16), ("confidence", c_uint8), ("rejected", c_uint8),
                ("accepted", c_uint8)]


class BinStruct(Structure):
    """``mitch_bin``."""

    _fields_ = [("count", c_uint32), ("volume", c_uint32)]


class OrderBookStruct(Structure):
    """``mitch_order_book``."""

    _fields_ = [("ticker_id", c_uint64), ("mid_price", c_double),
                ("bin_aggregator", c_uint8), ("bids", BinStruct * BINS_PER_SIDE),
                ("asks", BinStruct * BINS_PER_SIDE)]


class TickMetricsStruct(Structure):
    """``mitch_tick_metrics``."""

    _fields_ = [("mid", c_double), ("spread", c_double), ("spread_bps", c_double),
                ("imbalance", c_double), ("total_volume", c_uint64)]


class IndexMetricsStruct(Structure):
    """``mitch_index_metrics``."""

    _fields_ = [("best_bid_price", c_double), ("best_ask_price", c_double),
                ("worst_bid_price", c_double), ("worst_ask_price", c_double),
                ("mean_spread", c_double), ("volatility", c_double),
                ("liquidity", c_double), ("trend", c_double), ("momentum", c_double),
                ("confidence_band", c_char_p)]


class MessageStruct(Structure):
    """``mitch_message``."""

    _fields_ = [("header", HeaderStruct), ("offset", c_size_t), ("size", c_size_t),
                ("body_size", c_size_t), ("bodies", c_void_p)]


class ReaderStruct(Structure):
    """``mitch_reader``."""

    _fields_ = [("data", c_void_p), ("size", c_size_t), ("offset", c_size_t),
                ("status", c_int), ("error_offset", c_size_t),
                ("message_offset", c_size_t)]


class StreamInfoStruct(Structure):
    """``mitch_stream_info``."""

    _fields_ = [("messages", c_size_t), ("bodies", c_size_t), ("error_offset", c_size_t),
                ("message_offset", c_size_t)]


class TickerFieldsStruct(Structure):
    """``mitch_ticker_fields``."""

    _fields_ = [("instrument_type", c_uint8), ("base_class", c_uint8),
                ("base_id", c_uint16), ("quote_class", c_uint8), ("quote_id", c_uint16),
                ("sub_type", c_uint32)]


class AssetStruct(Structure):
    """``mitch_asset``."""

    _fields_ = [("asset_id", c_uint32), ("class_id", c_uint16), ("asset_class", c_uint8),
                ("name", c_char_p), ("symbol", c_char_p), ("aliases", c_char_p)]


class ClassInfoStruct(Structure):
    """``mitch_class_info``."""

    _fields_ = [("id", c_uint8), ("name", c_char_p), ("code", c_char_p)]


class ProviderStruct(Structure):
    """``mitch_provider``."""

    _fields_ = [("id", c_uint16), ("name", c_char_p), ("abbreviations", c_char_p)]


class ResolutionStruct(Structure):
    """``mitch_resolution``."""

    _fields_ = [("ticker_id", c_uint64), ("instrument_type", c_uint8),
                ("base", AssetStruct), ("quote", AssetStruct), ("confidence", c_double),
                ("steps", c_char * STEPS_MAX)]


class LayoutStruct(Structure):
    """``mitch_layout`` (1.1)."""

    _fields_ = [("id", c_uint8), ("message_type", c_uint8), ("name", c_char_p),
                ("wire_size", c_size_t), ("struct_size", c_size_t),
                ("struct_align", c_size_t), ("field_count", c_size_t)]


class FieldStruct(Structure):
    """``mitch_field`` (1.1)."""

    _fields_ = [("name", c_char_p), ("kind", c_int), ("wire_offset", c_size_t),
                ("wire_size", c_size_t), ("bit_offset", c_uint), ("bit_width", c_uint),
                ("count", c_size_t), ("struct_offset", c_size_t), ("struct_size", c_size_t),
                ("nested", c_uint8), ("wire_name", c_char_p), ("values", c_char_p),
                ("rule", c_char_p)]


class ErrorStruct(Structure):
    """``mitch_error`` (1.1)."""

    _fields_ = [("status", c_int), ("layout", c_uint8), ("field", c_int),
                ("other_field", c_int), ("field_name", c_char_p), ("other_name", c_char_p),
                ("rule", c_char_p), ("value", c_double), ("other_value", c_double),
                ("index", c_size_t), ("offset", c_size_t), ("message_offset", c_size_t),
                ("text", c_char * 160)]


class CaptureSinkStruct(Structure):
    """``mitch_capture_sink`` (1.1)."""

    _fields_ = [("message_type", c_uint8), ("bodies", c_void_p),
                ("timestamps", POINTER(c_uint64)), ("capacity", c_size_t),
                ("count", c_size_t)]


#: Every Structure, by its C name (the layout test walks this).
STRUCTS: Dict[str, Any] = {
    "mitch_header": HeaderStruct,
    "mitch_trade": TradeStruct,
    "mitch_order": OrderStruct,
    "mitch_tick": TickStruct,
    "mitch_index": IndexStruct,
    "mitch_bin": BinStruct,
    "mitch_order_book": OrderBookStruct,
    "mitch_tick_metrics": TickMetricsStruct,
    "mitch_index_metrics": IndexMetricsStruct,
    "mitch_message": MessageStruct,
    "mitch_reader": ReaderStruct,
    "mitch_stream_info": StreamInfoStruct,
    "mitch_ticker_fields": TickerFieldsStruct,
    "mitch_asset": AssetStruct,
    "mitch_class_info": ClassInfoStruct,
    "mitch_provider": ProviderStruct,
    "mitch_resolution": ResolutionStruct,
    "mitch_layout": LayoutStruct,
    "mitch_field": FieldStruct,
    "mitch_error": ErrorStruct,
    "mitch_capture_sink": CaptureSinkStruct,
}

# ---------------------------------------------------------------------------
# Function declarations: name -> (restype, argtypes), in mitch.h order.
# Byte buffers are c_void_p so that bytes, ctypes arrays and raw addresses
# (from pinned Python buffers) can all be passed without a copy.
# ---------------------------------------------------------------------------

_u8p = POINTER(c_uint8)
_u16p = POINTER(c_uint16)
_u32p = POINTER(c_uint32)
_u64p = POINTER(c_uint64)
_i16p = POINTER(c_int16)
_i32p = POINTER(c_int32)
_dp = POINTER(c_double)
_szp = POINTER(c_size_t)
_buf = c_void_p      # const uint8_t * / uint8_t * (any byte buffer)
_cstr = c_char_p     # const char * (NUL-terminated text in)
_obuf = c_char_p     # char * (text out)


def _body_decls(prefix: str, struct: Any) -> List[Tuple[str, Any, List[Any]]]:
    sp = POINTER(struct)
    return [
        ("mitch_%s_validate" % prefix, c_int, [sp]),
        ("mitch_%s_encode" % prefix, c_int, [sp, _buf, c_size_t]),
        ("mitch_%s_decode" % prefix, c_int, [_buf, c_size_t, sp]),
        ("mitch_%s_encode_batch" % prefix, c_int, [sp, c_size_t, _buf, c_size_t, _szp]),
        ("mitch_%s_decode_batch" % prefix, c_int, [_buf, c_size_t, sp, c_size_t, _szp]),
    ]


DECLARATIONS: List[Tuple[str, Any, List[Any]]] = [
    # status
    ("mitch_strerror", c_char_p, [c_int]),
    # typed bodies
    ("mitch_header_validate", c_int, [POINTER(HeaderStruct)]),
    ("mitch_header_encode", c_int, [POINTER(HeaderStruct), _buf, c_size_t]),
    ("mitch_header_decode", c_int, [_buf, c_size_t, POINTER(HeaderStruct)]),
    *_body_decls("trade", TradeStruct),
    *_body_decls("order", OrderStruct),
    *_body_decls("tick", TickStruct),
    *_body_decls("index", IndexStruct),
    *_body_decls("order_book", OrderBookStruct),
    ("mitch_body_validate", c_int, [c_uint8, _buf, c_size_t]),
    # derived values
    ("mitch_tick_metrics_get", c_int, [POINTER(TickStruct), POINTER(TickMetricsStruct)]),
    ("mitch_index_metrics_get", c_int, [POINTER(IndexStruct), POINTER(IndexMetricsStruct)]),
    ("mitch_confidence_band", c_char_p, [c_uint8]),
    # order-book bins
    ("mitch_bin_table", c_int, [c_uint8, POINTER(POINTER(c_double))]),
    ("mitch_bin_aggregator_name", c_char_p, [c_uint8]),
    ("mitch_bin_price_range", c_int, [c_double, c_uint8, c_int, c_uint, _dp, _dp]),
    ("mitch_bin_for_price", c_int, [c_double, c_uint8, c_int, c_double, POINTER(c_uint)]),
    ("mitch_order_book_totals", c_int, [POINTER(OrderBookStruct), _u64p, _u64p, _u64p, _u64p]),
    # whole messages and streams
    ("mitch_body_size", c_int, [c_uint8, _szp]),
    ("mitch_calculate_message_size", c_int, [c_uint8, c_uint8, _szp]),
    ("mitch_message_encode", c_int, [c_uint8, c_uint64, c_void_p, c_size_t, _buf, c_size_t,
                                     _szp]),
    ("mitch_reader_init", None, [POINTER(ReaderStruct), c_void_p, c_size_t]),
    ("mitch_reader_next", c_int, [POINTER(ReaderStruct), POINTER(MessageStruct)]),
    ("mitch_message_validate", c_int, [POINTER(MessageStruct), _szp]),
    ("mitch_stream_validate", c_int, [_buf, c_size_t, c_uint8, POINTER(StreamInfoStruct)]),
    ("mitch_stream_gather", c_int, [_buf, c_size_t, c_uint8, _buf, c_size_t, _szp,
                                    POINTER(StreamInfoStruct)]),
    ("mitch_stream_frame", c_int, [c_uint8, c_uint64, _buf, c_size_t, _buf, c_size_t, _szp]),
    # layouts, errors that name the field, captures (1.1)
    ("mitch_layout_count", c_size_t, []),
    ("mitch_layout_at", c_int, [c_size_t, POINTER(LayoutStruct)]),
    ("mitch_layout_get", c_int, [c_uint8, POINTER(LayoutStruct)]),
    ("mitch_layout_field", c_int, [c_uint8, c_size_t, POINTER(FieldStruct)]),
    ("mitch_check_values", c_int, [c_uint8, c_void_p, c_size_t, POINTER(ErrorStruct)]),
    ("mitch_check_wire", c_int, [c_uint8, _buf, c_size_t, c_size_t, POINTER(ErrorStruct)]),
    ("mitch_check_stream", c_int, [_buf, c_size_t, c_uint8, POINTER(StreamInfoStruct),
                                   POINTER(ErrorStruct)]),
    ("mitch_capture_decode", c_int, [_buf, c_size_t, POINTER(CaptureSinkStruct), c_size_t,
                                     POINTER(StreamInfoStruct), POINTER(ErrorStruct)]),
    ("mitch_capture_encode", c_int, [c_uint8, c_void_p, _u64p, c_size_t, _buf, c_size_t,
                                     _szp, POINTER(ErrorStruct)]),
    # ticker ids, packed assets, channels
    ("mitch_ticker_id_encode", c_int, [POINTER(TickerFieldsStruct), _u64p]),
    ("mitch_ticker_id_decode", c_int, [c_uint64, POINTER(TickerFieldsStruct)]),
    ("mitch_ticker_id_encode_batch", c_int, [POINTER(TickerFieldsStruct), c_size_t, _u64p,
                                             _szp]),
    ("mitch_ticker_id_decode_batch", c_int, [_u64p, c_size_t, POINTER(TickerFieldsStruct)]),
    ("mitch_validate_ticker_id", c_int, [c_uint64]),
    ("mitch_ticker_id_is_spot", c_int, [c_uint64]),
    ("mitch_ticker_id_is_forex", c_int, [c_uint64]),
    ("mitch_ticker_id_is_crypto", c_int, [c_uint64]),
    ("mitch_ticker_id_is_equity", c_int, [c_uint64]),
    ("mitch_ticker_id_forex", c_int, [c_uint8, c_uint16, c_uint16, _u64p]),
    ("mitch_ticker_id_crypto", c_int, [c_uint8, c_uint16, c_uint32, _u64p]),
    ("mitch_ticker_id_equity", c_int, [c_uint8, c_uint16, c_uint32, _u64p]),
    ("mitch_pack_asset", c_int, [c_uint8, c_uint16, _u32p]),
    ("mitch_unpack_asset", c_int, [c_uint32, _u8p, _u16p]),
    ("mitch_validate_channel", c_int, [c_uint32]),
    ("mitch_channel_decode", c_int, [c_uint32, _u16p, _u8p]),
    # registry
    ("mitch_asset_get", c_int, [c_uint8, c_uint16, POINTER(AssetStruct)]),
    ("mitch_asset_get_packed", c_int, [c_uint32, POINTER(AssetStruct)]),
    ("mitch_asset_find", c_int, [_cstr, c_int, c_double, POINTER(AssetStruct), _dp]),
    ("mitch_asset_count", c_size_t, [c_uint8]),
    ("mitch_asset_at", c_int, [c_uint8, c_size_t, POINTER(AssetStruct)]),
    ("mitch_asset_class_get", c_int, [c_uint8, POINTER(ClassInfoStruct)]),
    ("mitch_instrument_type_get", c_int, [c_uint8, POINTER(ClassInfoStruct)]),
    ("mitch_provider_count", c_size_t, []),
    ("mitch_provider_at", c_int, [c_size_t, POINTER(ProviderStruct)]),
    ("mitch_provider_get", c_int, [c_uint16, POINTER(ProviderStruct)]),
    ("mitch_provider_find", c_int, [_cstr, c_double, POINTER(ProviderStruct), _dp]),
    # symbol resolution
    ("mitch_resolve", c_int, [_cstr, c_uint8, POINTER(ResolutionStruct)]),
    ("mitch_name_key", c_int, [_cstr, _obuf, c_size_t, _szp]),
    ("mitch_jaro_winkler", c_int, [_cstr, _cstr, _dp]),
    # the flat ABI
    ("mitch_pack_trade", c_int, [c_uint64, c_double, c_uint32, c_uint32, c_uint8, _buf]),
    ("mitch_unpack_trade", c_int, [_buf, c_size_t, _u64p, _dp, _u32p, _u32p, _u8p]),
    ("mitch_pack_order", c_int, [c_uint64, c_uint32, c_double, c_uint32, c_uint8, c_uint8,
                                 c_uint64, _buf]),
    ("mitch_unpack_order", c_int, [_buf, c_size_t, _u64p, _u32p, _dp, _u32p, _u8p, _u8p,
                                   _u64p]),
    ("mitch_pack_tick", c_int, [c_uint64, c_double, c_double, c_uint32, c_uint32, _buf]),
    ("mitch_unpack_tick", c_int, [_buf, c_size_t, _u64p, _dp, _dp, _u32p, _u32p]),
    ("mitch_pack_index", c_int, [c_uint64, c_double, c_uint32, c_uint32, c_int32, c_int32,
                                 c_int32, c_int32, c_int32, c_uint16, c_uint16, c_int16,
                                 c_int16, c_uint8, c_uint8, c_uint8, _buf]),
    ("mitch_unpack_index", c_int, [_buf, c_size_t, _u64p, _dp, _u32p, _u32p, _i32p, _i32p,
                                   _i32p, _i32p, _i32p, _u16p, _u16p, _i16p, _i16p, _u8p,
                                   _u8p, _u8p]),
    ("mitch_pack_order_book", c_int, [c_uint64, c_double, c_uint8, _u32p, _u32p, _buf,
                                      c_size_t]),
    ("mitch_unpack_order_book", c_int, [_buf, c_size_t, _u64p, _dp, _u8p, _u32p, _u32p]),
    ("mitch_get_message_sizes", c_int, [_szp, _szp, _szp, _szp, _szp, _szp]),
    ("mitch_pack_header", c_int, [c_uint8, c_uint64, c_uint8, _buf]),
    ("mitch_unpack_header", c_int, [_buf, c_size_t, _u8p, _u64p, _u8p]),
    ("mitch_create_header", c_int, [c_uint8, c_uint64, c_uint8, _buf, c_size_t]),
    ("mitch_resolve_asset", c_int, [_cstr, c_double, _u32p, _u16p, _u8p, _obuf, c_size_t,
                                    _obuf, c_size_t, _dp]),
    ("mitch_resolve_asset_in_class", c_int, [_cstr, c_uint8, c_double, _u32p, _u16p, _obuf,
                                             c_size_t, _obuf, c_size_t, _dp]),
    ("mitch_get_asset_by_id", c_int, [c_uint8, c_uint16, _u32p, _obuf, c_size_t, _obuf,
                                      c_size_t]),
    ("mitch_resolve_ticker", c_int, [_cstr, c_uint8, _u64p, _u32p, _u32p, _dp]),
    ("mitch_find_market_provider", c_int, [_cstr, c_double, _u16p, _obuf, c_size_t, _dp]),
    ("mitch_get_market_provider_by_id", c_int, [c_uint16, _obuf, c_size_t]),
    ("mitch_get_all_market_providers", c_int, [_u16p, c_size_t, _szp]),
    ("mitch_create_ticker_id", c_int, [c_uint8, c_uint8, c_uint16, c_uint8, c_uint16,
                                       c_uint32, _u64p]),
    ("mitch_decode_ticker_id", c_int, [c_uint64, _u8p, _u8p, _u16p, _u8p, _u16p, _u32p]),
    ("mitch_create_channel", c_int, [c_uint16, c_char, _u32p]),
    ("mitch_pack_channel", c_int, [c_uint32, _buf]),
    ("mitch_unpack_channel", c_int, [_buf, c_size_t, _u32p]),
    # versions
    ("mitch_get_version", c_char_p, []),
    ("mitch_get_version_len", c_size_t, []),
    ("mitch_get_protocol_version", c_char_p, []),
    ("mitch_get_protocol_version_len", c_size_t, []),
    ("mitch_get_version_number", c_uint, []),
]


class _Missing:
    """Stands in for a function the loaded library does not export: calling
    it raises :class:`MissingSymbolError` (an older or partial libmitch)."""

    def __init__(self, name: str, library: str) -> None:
        self.__name__ = name
        self._library = library

    def __call__(self, *args: Any) -> Any:
        raise MissingSymbolError(
            "%s is not exported by the loaded libmitch (%s): that library is older "
            "than this package or was built without it; install a complete libmitch "
            "1.x or point MITCH_LIBRARY at one" % (self.__name__, self._library))


class Library:
    """The bound functions of one loaded libmitch, as attributes named like
    the C functions (``lib.mitch_pack_trade``)."""

    def __init__(self, cdll: Any, path: str, source: str) -> None:
        self.cdll = cdll
        self.path = path
        self.source = source
        self.missing: List[str] = []
        for name, restype, argtypes in DECLARATIONS:
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, _Missing(name, path))
                continue
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name, fn)


    def alias(self, name: str, restype: Any, argtypes: List[Any]) -> Any:
        """A second, separately declared handle on ``name``, for the package's
        fast paths: e.g. output pointers as ``c_void_p`` so that addresses of
        one struct's fields can be passed without a ctypes object each.  The
        declaration in DECLARATIONS stays the faithful one."""
        try:
            fn = self.cdll[name]
        except (AttributeError, KeyError, TypeError):
            return _Missing(name, self.path)
        fn.restype = restype
        fn.argtypes = argtypes
        return fn


def bind(cdll: Any, path: str = "", source: str = "") -> Library:
    """Declare every function of ``DECLARATIONS`` on ``cdll``."""
    return Library(cdll, path, source)


#: The library the package uses; set by ``mitch/__init__.py`` before any
#: other module of the package is imported.
lib: Library = None  # type: ignore[assignment]


def strerror(status: int) -> str:
    """libmitch's text for a status code."""
    text = lib.mitch_strerror(status)
    return text.decode("utf-8", "replace") if text else "status %d" % status
