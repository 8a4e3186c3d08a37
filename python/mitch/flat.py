"""The flat ABI, one Python function per C function.

These mirror the functions every MITCH binding calls (``ffi.md``), with the
same names minus the ``mitch_`` prefix and the same parameters in the same
order; output pointers become return values (a tuple when there are several,
in the C order).  Errors raise the :class:`mitch.MitchError` subclass of the
status code.  Prefer the typed API of :mod:`mitch` (dataclasses) unless you
port code written against another binding.
"""

from __future__ import annotations

from ctypes import (ArgumentError, addressof, byref, c_char, c_double, c_int32, c_size_t,
                    c_uint8, c_uint16, c_uint32, c_uint64, c_void_p, create_string_buffer)
from operator import attrgetter

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, List, Sequence, Tuple

from . import _diagnose, _ffi
from ._buffer import pinned
from ._convert import AT_START, as_float, as_int, as_list, check_span, shorten
from ._text import c_query
from .bodies import Header, Index, Order, Tick, Trade
from .book import OrderBook
from .enums import message_type_byte
from .exceptions import InvalidFieldValueError, exception_for_status
from . import ids as _ids
from .layouts import BINS_PER_SIDE, HEADER_SIZE

__all__ = [
    "pack_trade", "unpack_trade", "pack_order", "unpack_order", "pack_tick", "unpack_tick",
    "pack_index", "unpack_index", "pack_order_book", "unpack_order_book",
    "get_message_sizes", "pack_header", "unpack_header", "create_header",
    "resolve_asset", "resolve_asset_in_class", "get_asset_by_id", "resolve_ticker",
    "find_market_provider", "get_market_provider_by_id", "get_all_market_providers",
    "create_ticker_id", "decode_ticker_id", "create_channel", "pack_channel",
    "unpack_channel", "pack_asset", "unpack_asset", "get_version", "get_version_len",
    "get_protocol_version", "get_protocol_version_len", "get_version_number", "strerror",
]

lib = _ffi.lib
_pack_trade = lib.mitch_pack_trade
_pack_order = lib.mitch_pack_order
_pack_tick = lib.mitch_pack_tick
_pack_index = lib.mitch_pack_index


def _fast_unpack(name: str, struct_cls: Any) -> Tuple[Any, Tuple[int, ...], Any]:
    """The flat unpack function ``name`` declared with ``c_void_p`` outputs,
    the offsets of the fields of ``struct_cls`` (the outputs, in the flat
    order: the struct has the same fields in the same order), and a getter
    of those fields.  One struct then holds every output: no ctypes object
    per output."""
    names = [n for n, _ in struct_cls._fields_]
    fn = lib.alias(name, c_int32, [c_void_p, c_size_t] + [c_void_p] * len(names))
    return fn, tuple(getattr(struct_cls, n).offset for n in names), attrgetter(*names)


_unpack_trade, _TRADE_OFFSETS, _trade_fields = _fast_unpack("mitch_unpack_trade",
                                                            _ffi.TradeStruct)
_unpack_order, _ORDER_OFFSETS, _order_fields = _fast_unpack("mitch_unpack_order",
                                                            _ffi.OrderStruct)
_unpack_tick, _TICK_OFFSETS, _tick_fields = _fast_unpack("mitch_unpack_tick", _ffi.TickStruct)
_unpack_index, _INDEX_OFFSETS, _index_fields = _fast_unpack("mitch_unpack_index",
                                                            _ffi.IndexStruct)
_TradeStruct = _ffi.TradeStruct
if _TRADE_OFFSETS[0] != 0:
    raise ImportError("mitch: mitch_trade does not start with ticker_id")
_T1, _T2, _T3, _T4 = _TRADE_OFFSETS[1:]
#: The outputs from the struct in one call (the struct has them in the flat
#: order, as Trade._HOST reads them): cheaper than a ctypes getter each.
_trade_values = Trade._HOST.unpack_from
if Trade._HOST_NAMES != tuple(n for n, _ in _TradeStruct._fields_):
    raise ImportError("mitch: mitch_trade's members are not in the flat order")

_Body32 = c_char * 32
_Body64 = c_char * 64

#: Default output sizes for the registry's name buffers: large enough for
#: every registry string, so nothing is cut unless the caller asks for less.
NAME_LEN = 512
ALIASES_LEN = 4096


def _error(status: int, function: str) -> Exception:
    return exception_for_status(status)("%s: %s" % (function, _ffi.strerror(status)),
                                        status=status)


def _read(data: Any, offset: int, fn: Any, *outs: Any) -> int:
    """Call ``fn(pointer, length, *outs)`` on ``data[offset:]`` without a copy."""
    if type(data) is bytes and offset is AT_START:
        return int(fn(data, len(data), *outs))
    with pinned(data) as (address, size):
        offset, left = check_span(size, offset)
        return int(fn(address + offset, left, *outs))


# -- bodies -------------------------------------------------------------------

def _exact(cls: Any, args: Tuple[Any, ...]) -> Tuple[Any, ...]:
    """The arguments as C values, checked by the dataclass (TypeError or
    InvalidFieldValueError naming the field); for the rare inputs the fast
    width test cannot judge (numpy scalars, out-of-range values)."""
    return tuple(cls._HOST.unpack_from(cls(*args).to_ffi()))


def pack_trade(ticker_id: int, price: float, quantity: int, trade_id: int, side: int) -> bytes:
    """``mitch_pack_trade``: the 32 bytes of a trade body."""
    out = _Body32()
    try:
        # one expression checks every width (a negative value shifts to -1);
        # only a plain int is judged here: the truth of a numpy array is an
        # error, or for an empty one a deprecation warning
        widths = (ticker_id >> 64) | (quantity >> 32) | (trade_id >> 32) | (side >> 8)
        if type(widths) is int and not widths:
            status = _pack_trade(ticker_id, price, quantity, trade_id, side, out)
            if not status:
                return out.raw
    except (TypeError, ValueError, ArgumentError):
        pass
    # the slow, exact path: numpy scalars, bad widths or types, or a refusal
    args = _exact(Trade, (ticker_id, price, quantity, trade_id, side))
    status = _pack_trade(*args, out)
    if status:
        raise Trade(*args)._fail(status, "cannot be packed")
    return out.raw


def unpack_trade(data: Any, offset: int = 0) -> Tuple[int, float, int, int, int]:
    """``mitch_unpack_trade``: (ticker_id, price, quantity, trade_id, side)."""
    s = _TradeStruct()
    a = addressof(s)
    if type(data) is bytes and offset is AT_START:
        status = _unpack_trade(data, len(data), a, a + _T1, a + _T2, a + _T3, a + _T4)
    else:
        status = _read(data, offset, _unpack_trade, *[a + o for o in _TRADE_OFFSETS])
    if status:
        raise _diagnose.wire_error(Trade, status, data, offset)
    return _trade_values(s)  # type: ignore[return-value]


def pack_order(ticker_id: int, order_id: int, price: float, quantity: int, order_type: int,
               side: int, expiry_ms: int) -> bytes:
    """``mitch_pack_order``: the 32 bytes of an order body."""
    args: Tuple[Any, ...] = (ticker_id, order_id, price, quantity, order_type, side, expiry_ms)
    try:
        widths = (ticker_id >> 64) | (order_id >> 32) | (quantity >> 32) | \
            (order_type >> 8) | (side >> 8) | (expiry_ms >> 64)
        if type(widths) is not int or widths:  # not a plain int: see pack_trade
            args = _exact(Order, args)
    except (TypeError, ValueError):
        args = _exact(Order, args)
    out = _Body32()
    try:
        status = _pack_order(*args, out)
    except ArgumentError:
        args = _exact(Order, args)
        status = _pack_order(*args, out)
    if status:
        raise Order(*args)._fail(status, "cannot be packed")
    return out.raw


def unpack_order(data: Any, offset: int = 0) -> Tuple[int, int, float, int, int, int, int]:
    """``mitch_unpack_order``: (ticker_id, order_id, price, quantity,
    order_type, side, expiry_ms)."""
    s = _ffi.OrderStruct()
    a = addressof(s)
    status = _read(data, offset, _unpack_order, *[a + o for o in _ORDER_OFFSETS])
    if status:
        raise _diagnose.wire_error(Order, status, data, offset)
    return _order_fields(s)  # type: ignore[no-any-return]


def pack_tick(ticker_id: int, bid_price: float, ask_price: float, bid_volume: int,
              ask_volume: int) -> bytes:
    """``mitch_pack_tick``: the 32 bytes of a tick body."""
    args: Tuple[Any, ...] = (ticker_id, bid_price, ask_price, bid_volume, ask_volume)
    try:
        widths = (ticker_id >> 64) | (bid_volume >> 32) | (ask_volume >> 32)
        if type(widths) is not int or widths:  # not a plain int: see pack_trade
            args = _exact(Tick, args)
    except (TypeError, ValueError):
        args = _exact(Tick, args)
    out = _Body32()
    try:
        status = _pack_tick(*args, out)
    except ArgumentError:
        args = _exact(Tick, args)
        status = _pack_tick(*args, out)
    if status:
        raise Tick(*args)._fail(status, "cannot be packed")
    return out.raw


def unpack_tick(data: Any, offset: int = 0) -> Tuple[int, float, float, int, int]:
    """``mitch_unpack_tick``: (ticker_id, bid_price, ask_price, bid_volume,
    ask_volume)."""
    s = _ffi.TickStruct()
    a = addressof(s)
    status = _read(data, offset, _unpack_tick, *[a + o for o in _TICK_OFFSETS])
    if status:
        raise _diagnose.wire_error(Tick, status, data, offset)
    return _tick_fields(s)  # type: ignore[no-any-return]


def pack_index(ticker_id: int, mid: float, v_bid: int, v_ask: int, m_spread: int,
               b_bid_o: int, b_ask_o: int, w_bid_o: int, w_ask_o: int, v_force: int,
               l_force: int, t_force: int, m_force: int, confidence: int, rejected: int,
               accepted: int) -> bytes:
    """``mitch_pack_index``: the 64 bytes of an index body."""
    args = (ticker_id, mid, v_bid, v_ask, m_spread, b_bid_o, b_ask_o, w_bid_o, w_ask_o,
            v_force, l_force, t_force, m_force, confidence, rejected, accepted)
    out = _Body64()
    status = _pack_index(*_exact(Index, args), out)  # checks every width, signed included
    if status:
        raise Index(*args)._fail(status, "cannot be packed")
    return out.raw


def unpack_index(data: Any, offset: int = 0) -> Tuple[Any, ...]:
    """``mitch_unpack_index``: the 16 fields in wire order."""
    s = _ffi.IndexStruct()
    a = addressof(s)
    status = _read(data, offset, _unpack_index, *[a + o for o in _INDEX_OFFSETS])
    if status:
        raise _diagnose.wire_error(Index, status, data, offset)
    return tuple(_index_fields(s))


def _bins_array(bins: Sequence[int], what: str) -> Any:
    values = as_list(bins, what)
    if len(values) != 2 * BINS_PER_SIDE:
        raise InvalidFieldValueError(
            "%s has %d values; the flat ABI takes %d (count, volume interleaved)"
            % (what, len(values), 2 * BINS_PER_SIDE), status=6, field=what)
    return (c_uint32 * (2 * BINS_PER_SIDE))(
        *[as_int(v, "u32", "%s[%d]" % (what, i)) for i, v in enumerate(values)])


def pack_order_book(ticker_id: int, mid_price: float, bin_aggregator: int,
                    bid_bins: Sequence[int], ask_bins: Sequence[int]) -> bytes:
    """``mitch_pack_order_book``: the 2072 bytes of an order-book body.
    ``bid_bins``/``ask_bins`` are 256 ints each: count and volume of bin 0,
    then of bin 1, ... as on the wire."""
    t = as_int(ticker_id, "u64", "ticker_id")
    m = as_float(mid_price, "mid_price")
    a: Any = as_int(bin_aggregator, "u8", "bin_aggregator")
    bids, asks = _bins_array(bid_bins, "bid_bins"), _bins_array(ask_bins, "ask_bins")
    out = create_string_buffer(OrderBook._SIZE)
    status = lib.mitch_pack_order_book(t, m, a, bids, asks, out, OrderBook._SIZE)
    if status:
        raise OrderBook(t, m, a)._fail(status, "cannot be packed")
    return out.raw


def unpack_order_book(data: Any, offset: int = 0
                      ) -> Tuple[int, float, int, List[int], List[int]]:
    """``mitch_unpack_order_book``: (ticker_id, mid_price, bin_aggregator,
    bid_bins, ask_bins), the bins as 256 ints each (count, volume interleaved)."""
    t, m, a = c_uint64(), c_double(), c_uint8()
    bids = (c_uint32 * (2 * BINS_PER_SIDE))()
    asks = (c_uint32 * (2 * BINS_PER_SIDE))()
    status = _read(data, offset, lib.mitch_unpack_order_book, byref(t), byref(m), byref(a),
                   bids, asks)
    if status:
        raise _diagnose.wire_error(OrderBook, status, data, offset)
    return t.value, m.value, a.value, list(bids), list(asks)


def get_message_sizes() -> Tuple[int, int, int, int, int, int]:
    """``mitch_get_message_sizes``: (header, trade, order, tick, index, order_book)."""
    outs = [c_size_t() for _ in range(6)]
    status = lib.mitch_get_message_sizes(*[byref(o) for o in outs])
    if status:
        raise _error(status, "mitch_get_message_sizes")
    return tuple(o.value for o in outs)  # type: ignore[return-value]


# -- header ---------------------------------------------------------------------

def _header_args(message_type: Any, timestamp: int, count: int) -> Tuple[int, int, int]:
    return (message_type_byte(message_type), as_int(timestamp, "u64", "timestamp"),
            as_int(count, "u8", "count"))


def pack_header(message_type: Any, timestamp: int, count: int) -> bytes:
    """``mitch_pack_header``: the 8 header bytes."""
    args = _header_args(message_type, timestamp, count)
    out = create_string_buffer(HEADER_SIZE)
    status = lib.mitch_pack_header(*args, out)
    if status:
        raise Header(message_type, timestamp, count)._fail(status, "cannot be packed")
    return out.raw


def create_header(message_type: Any, timestamp: int, count: int) -> bytes:
    """``mitch_create_header``: the 8 header bytes (explicit output length)."""
    args = _header_args(message_type, timestamp, count)
    out = create_string_buffer(HEADER_SIZE)
    status = lib.mitch_create_header(*args, out, HEADER_SIZE)
    if status:
        raise Header(message_type, timestamp, count)._fail(status, "cannot be created")
    return out.raw


def unpack_header(data: Any, offset: int = 0) -> Tuple[int, int, int]:
    """``mitch_unpack_header``: (message_type byte, timestamp, count)."""
    t, ts, c = c_uint8(), c_uint64(), c_uint8()
    status = _read(data, offset, lib.mitch_unpack_header, byref(t), byref(ts), byref(c))
    if status:
        raise _diagnose.wire_error(Header, status, data, offset)
    return t.value, ts.value, c.value


# -- registry ---------------------------------------------------------------------

def _out_text(buf: Any) -> str:
    return str(buf.value.decode("utf-8"))


def _text_buffer(length: int, what: str) -> Any:
    n = as_int(length, "u32", what)
    # A length of 0 is legal in C ("writes nothing"); keep one byte so the
    # buffer object exists, and tell C the caller's length.
    return create_string_buffer(max(n, 1)), n


def resolve_asset(name: Any, min_confidence: float, name_len: int = NAME_LEN,
                  aliases_len: int = ALIASES_LEN) -> Tuple[int, int, int, str, str, float]:
    """``mitch_resolve_asset``: (asset_id, class_id, asset_class, name,
    aliases, confidence).  No match raises InvalidDataError (status 1, as in
    the flat ABI)."""
    q = c_query(name, "name")
    aid, cid, acls, conf = c_uint32(), c_uint16(), c_uint8(), c_double()
    nbuf, nlen = _text_buffer(name_len, "name_len")
    abuf, alen = _text_buffer(aliases_len, "aliases_len")
    status = lib.mitch_resolve_asset(q, as_float(min_confidence, "min_confidence"), byref(aid),
                                     byref(cid), byref(acls), nbuf, nlen, abuf, alen,
                                     byref(conf))
    if status:
        raise _error(status, "mitch_resolve_asset(%s)" % (shorten(name),))
    return aid.value, cid.value, acls.value, _out_text(nbuf), _out_text(abuf), conf.value


def resolve_asset_in_class(name: Any, asset_class: int, min_confidence: float,
                           name_len: int = NAME_LEN, aliases_len: int = ALIASES_LEN
                           ) -> Tuple[int, int, str, str, float]:
    """``mitch_resolve_asset_in_class``: (asset_id, class_id, name, aliases,
    confidence)."""
    q = c_query(name, "name")
    aid, cid, conf = c_uint32(), c_uint16(), c_double()
    nbuf, nlen = _text_buffer(name_len, "name_len")
    abuf, alen = _text_buffer(aliases_len, "aliases_len")
    status = lib.mitch_resolve_asset_in_class(
        q, as_int(asset_class, "u8", "asset_class"),
        as_float(min_confidence, "min_confidence"), byref(aid), byref(cid), nbuf, nlen, abuf,
        alen, byref(conf))
    if status:
        raise _error(status, "mitch_resolve_asset_in_class(%s, %s)"
                     % (shorten(name), shorten(asset_class)))
    return aid.value, cid.value, _out_text(nbuf), _out_text(abuf), conf.value


def get_asset_by_id(asset_class: int, class_id: int, name_len: int = NAME_LEN,
                    aliases_len: int = ALIASES_LEN) -> Tuple[int, str, str]:
    """``mitch_get_asset_by_id``: (asset_id, name, aliases)."""
    aid = c_uint32()
    nbuf, nlen = _text_buffer(name_len, "name_len")
    abuf, alen = _text_buffer(aliases_len, "aliases_len")
    status = lib.mitch_get_asset_by_id(as_int(asset_class, "u8", "asset_class"),
                                       as_int(class_id, "u16", "class_id"), byref(aid),
                                       nbuf, nlen, abuf, alen)
    if status:
        raise _error(status, "mitch_get_asset_by_id(%s, %s)"
                     % (shorten(asset_class), shorten(class_id)))
    return aid.value, _out_text(nbuf), _out_text(abuf)


def resolve_ticker(symbol: Any, instrument_type: int) -> Tuple[int, int, int, float]:
    """``mitch_resolve_ticker``: (ticker_id, base_asset_id, quote_asset_id,
    confidence), the assets packed."""
    q = c_query(symbol, "symbol")
    tid, base, quote, conf = c_uint64(), c_uint32(), c_uint32(), c_double()
    status = lib.mitch_resolve_ticker(q, as_int(instrument_type, "u8", "instrument_type"),
                                      byref(tid), byref(base), byref(quote), byref(conf))
    if status:
        raise _error(status, "mitch_resolve_ticker(%s)" % (shorten(symbol),))
    return tid.value, base.value, quote.value, conf.value


def find_market_provider(name: Any, min_confidence: float, name_len: int = NAME_LEN
                         ) -> Tuple[int, str, float]:
    """``mitch_find_market_provider``: (provider_id, name, confidence)."""
    q = c_query(name, "name")
    pid, conf = c_uint16(), c_double()
    nbuf, nlen = _text_buffer(name_len, "name_len")
    status = lib.mitch_find_market_provider(q, as_float(min_confidence, "min_confidence"),
                                            byref(pid), nbuf, nlen, byref(conf))
    if status:
        raise _error(status, "mitch_find_market_provider(%s)" % (shorten(name),))
    return pid.value, _out_text(nbuf), conf.value


def get_market_provider_by_id(provider_id: int, name_len: int = NAME_LEN) -> str:
    """``mitch_get_market_provider_by_id``: the provider's name."""
    nbuf, nlen = _text_buffer(name_len, "name_len")
    status = lib.mitch_get_market_provider_by_id(as_int(provider_id, "u16", "provider_id"),
                                                 nbuf, nlen)
    if status:
        raise _error(status, "mitch_get_market_provider_by_id(%s)" % (shorten(provider_id),))
    return _out_text(nbuf)


def get_all_market_providers() -> List[int]:
    """``mitch_get_all_market_providers``: every provider id, in id order."""
    count = c_size_t()
    status = lib.mitch_get_all_market_providers(None, 0, byref(count))
    if status:
        raise _error(status, "mitch_get_all_market_providers")
    ids = (c_uint16 * max(count.value, 1))()
    status = lib.mitch_get_all_market_providers(ids, count.value, byref(count))
    if status:
        raise _error(status, "mitch_get_all_market_providers")
    return list(ids[:count.value])


# -- ticker ids, assets, channels ---------------------------------------------------

def create_ticker_id(instrument_type: int, base_class: int, base_id: int, quote_class: int,
                     quote_id: int, sub_type: int) -> int:
    """``mitch_create_ticker_id``: the 64-bit ticker id (a field too wide for
    its bits raises InvalidFieldValueError)."""
    out = c_uint64()
    status = lib.mitch_create_ticker_id(
        as_int(instrument_type, "u8", "instrument_type"),
        as_int(base_class, "u8", "base_class"), as_int(base_id, "u16", "base_id"),
        as_int(quote_class, "u8", "quote_class"), as_int(quote_id, "u16", "quote_id"),
        as_int(sub_type, "u32", "sub_type"), byref(out))
    if status:
        raise _error(status, "mitch_create_ticker_id(%s)" % ", ".join(
            shorten(v) for v in (instrument_type, base_class, base_id, quote_class, quote_id,
                                 sub_type)))
    return out.value


def decode_ticker_id(ticker_id: int) -> Tuple[int, int, int, int, int, int]:
    """``mitch_decode_ticker_id``: (instrument_type, base_class, base_id,
    quote_class, quote_id, sub_type)."""
    outs = (c_uint8(), c_uint8(), c_uint16(), c_uint8(), c_uint16(), c_uint32())
    status = lib.mitch_decode_ticker_id(as_int(ticker_id, "u64", "ticker_id"),
                                        *[byref(o) for o in outs])
    if status:
        raise _error(status, "mitch_decode_ticker_id(%#x)" % ticker_id)
    return tuple(o.value for o in outs)  # type: ignore[return-value]


# The typed layer's channel and packed-asset functions already take the C
# arguments in the C order and return what C returns.
create_channel = _ids.create_channel
pack_channel = _ids.pack_channel
unpack_channel = _ids.unpack_channel
pack_asset = _ids.pack_asset


def unpack_asset(asset_id: int) -> Tuple[int, int]:
    """``mitch_unpack_asset``: (asset_class, class_id)."""
    cls, cid = c_uint8(), c_uint16()
    status = lib.mitch_unpack_asset(as_int(asset_id, "u32", "asset_id"), byref(cls),
                                    byref(cid))
    if status:
        raise _error(status, "mitch_unpack_asset(%#x)" % asset_id)
    return cls.value, cid.value


# -- versions and status texts ------------------------------------------------------

def get_version() -> str:
    """``mitch_get_version``: the library version ("1.1.0")."""
    return str(lib.mitch_get_version().decode("ascii"))


def get_version_len() -> int:
    """``mitch_get_version_len``."""
    return int(lib.mitch_get_version_len())


def get_protocol_version() -> str:
    """``mitch_get_protocol_version``: the wire protocol version ("1.0.0")."""
    return str(lib.mitch_get_protocol_version().decode("ascii"))


def get_protocol_version_len() -> int:
    """``mitch_get_protocol_version_len``."""
    return int(lib.mitch_get_protocol_version_len())


def get_version_number() -> int:
    """``mitch_get_version_number``: (major << 16) | (minor << 8) | patch."""
    return int(lib.mitch_get_version_number())


def strerror(status: int) -> str:
    """``mitch_strerror``: the text of a status code."""
    return _ffi.strerror(as_int(status, "i32", "status"))

