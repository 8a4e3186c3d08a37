"""Enums and dataclasses of the MITCH protocol, with conversions to and from
the C structs (``to_ffi``/``from_ffi``) and validation by libmitch.

The dataclasses hold host values (ints, floats, enums).  Everything that
knows a protocol rule - which prices are valid, how bytes are laid out -
runs in the C library: ``validate()``, ``pack()`` and ``unpack()`` call it.
What Python checks itself is only that a value is of the right type and fits
the width of its C field (a ctypes ``c_uint32`` would otherwise silently cut
``2**32`` to ``0``).

When libmitch rejects a value, the exception names the field to blame.  The
package finds it without knowing the rules: it swaps one field at a time for
the same field of a known-valid sample and asks libmitch again.
"""

import dataclasses
import enum
import operator
from ctypes import (byref, c_double, c_int16, c_int32, c_size_t, c_uint, c_uint8, c_uint16,
                    c_uint32, c_uint64, create_string_buffer)
from dataclasses import dataclass, field
from typing import (Any, Callable, ClassVar, Dict, List, Optional, Sequence, Tuple, Type,
                    TypeVar, Union)

from . import _ffi
from ._buffer import check_span, pinned
from .exceptions import (InvalidFieldValueError, InvalidMessageTypeError, MitchError,
                         exception_for_status)

__all__ = [
    "MessageType", "OrderSide", "OrderType", "InstrumentType", "AssetClass",
    "BinAggregator", "BookSide",
    "Header", "Trade", "Order", "Tick", "Index", "Bin", "OrderBook",
    "TickMetrics", "IndexMetrics", "BookTotals",
    "TickerFields", "Ticker", "Asset", "ClassInfo", "MarketProvider", "Channel",
    "StreamInfo", "WireField", "WIRE_LAYOUTS", "BODY_TYPES", "message_type_byte",
]

# ---------------------------------------------------------------------------
# Enums (values are the protocol's numbers, see protocol.md and mitch.h)
# ---------------------------------------------------------------------------


class MessageType(enum.IntEnum):
    """Message type byte: the ASCII code of the body type."""

    TRADE = ord("t")
    ORDER = ord("o")
    TICK = ord("s")
    INDEX = ord("i")
    ORDER_BOOK = ord("b")

    @property
    def code(self) -> str:
        """The type as its one-character code (``"t"``)."""
        return chr(self.value)


class OrderSide(enum.IntEnum):
    """Trade aggressor side and order side."""

    BUY = 0
    SELL = 1


class OrderType(enum.IntEnum):
    """Order types (bits 1..7 of the order's type_and_side byte)."""

    MARKET = 0
    LIMIT = 1
    STOP = 2
    CANCEL = 3


class InstrumentType(enum.IntEnum):
    """Instrument types (bits 63..60 of a ticker id); 14 and 15 are reserved."""

    SPOT = 0
    FUTURE = 1
    FORWARD = 2
    SWAP = 3
    PERPETUAL_SWAP = 4
    CFD = 5
    CALL_OPTION = 6
    PUT_OPTION = 7
    DIGITAL_OPTION = 8
    BARRIER_OPTION = 9
    WARRANT = 10
    PREDICTION_CONTRACT = 11
    FUND_OR_TRUST = 12
    STRUCTURED_PRODUCT = 13
    RESERVED_14 = 14
    RESERVED_15 = 15


class AssetClass(enum.IntEnum):
    """Asset classes (4 bits); 14 and 15 are reserved.  Indices are class 10."""

    EQUITIES = 0
    CORPORATE_BONDS = 1
    SOVEREIGN_DEBT = 2
    FOREX = 3
    COMMODITIES = 4
    REAL_ESTATE = 5
    CRYPTO = 6
    PRIVATE_MARKETS = 7
    COLLECTIBLES = 8
    INFRASTRUCTURE = 9
    INDICES = 10
    STRUCTURED_PRODUCTS = 11
    CASH = 12
    LOANS = 13
    RESERVED_14 = 14
    RESERVED_15 = 15


class BinAggregator(enum.IntEnum):
    """Order-book bin aggregators: which boundary table the 128 bins use."""

    LINGAUSSIAN = 0
    LINGEOFLAT = 1
    BILINGEO = 2
    TRILINEAR = 3


class BookSide(enum.IntEnum):
    """Sides of an order book."""

    BID = 0
    ASK = 1


def _member_lookup(enum_cls: Type[enum.IntEnum]) -> Callable[[int], Any]:
    """Fast int -> member conversion that keeps unknown values as ints."""
    table = {m.value: m for m in enum_cls}
    return lambda v: table.get(v, v)


_as_message_type = _member_lookup(MessageType)
_as_side = _member_lookup(OrderSide)
_as_order_type = _member_lookup(OrderType)
_as_instrument_type = _member_lookup(InstrumentType)
_as_asset_class = _member_lookup(AssetClass)
_as_aggregator = _member_lookup(BinAggregator)

MessageTypeLike = Union[MessageType, int, str, bytes]


def message_type_byte(value: MessageTypeLike) -> int:
    """The type byte of a message type given as a :class:`MessageType`, an
    int, a one-character ``str`` (``"t"``) or a one-byte ``bytes``.

    Only the form is checked here; whether the byte is one of the five codes
    is libmitch's call (MITCH_ERR_INVALID_MESSAGE_TYPE).
    """
    if isinstance(value, type) and getattr(value, "_TYPE", 0):
        return value._TYPE  # a body class: Trade, Order ...
    if isinstance(value, (bytes, bytearray)):
        if len(value) != 1:
            raise InvalidMessageTypeError("message type %r: expected one byte" % (value,),
                                          status=2, field="message_type")
        return value[0]
    if isinstance(value, str):
        if len(value) != 1 or ord(value) > 0xFF:
            raise InvalidMessageTypeError("message type %r: expected one character "
                                          "(t, o, s, i or b)" % (value,), status=2,
                                          field="message_type")
        return ord(value)
    try:
        byte = operator.index(value)
    except TypeError:
        raise TypeError("message type must be a MessageType, int, str or bytes, not %s"
                        % type(value).__name__) from None
    if not 0 <= byte <= 0xFF:
        raise InvalidMessageTypeError("message type %d does not fit a byte" % byte,
                                      status=2, field="message_type")
    return byte


# ---------------------------------------------------------------------------
# Type conversion helpers (widths only: the rules are libmitch's)
# ---------------------------------------------------------------------------

_RANGES: Dict[Any, Tuple[int, int, str]] = {
    c_uint8: (0, 0xFF, "u8"),
    c_uint16: (0, 0xFFFF, "u16"),
    c_uint32: (0, 0xFFFFFFFF, "u32"),
    c_uint64: (0, 0xFFFFFFFFFFFFFFFF, "u64"),
    c_int16: (-0x8000, 0x7FFF, "i16"),
    c_int32: (-0x80000000, 0x7FFFFFFF, "i32"),
}
_RANGES.setdefault(c_uint, (0, 0xFFFFFFFF, "unsigned"))  # c_uint is c_uint32 where int is 32-bit


def as_int(value: Any, ctype: Any, what: str) -> int:
    """``value`` as an int that fits ``ctype``; TypeError for non-integers
    (floats included: 1.5 is not silently cut to 1), InvalidFieldValueError
    for values outside the C type."""
    try:
        v = operator.index(value)
    except TypeError:
        raise TypeError("%s must be an integer, not %s" % (what, type(value).__name__)) \
            from None
    lo, hi, name = _RANGES[ctype]
    if v < lo or v > hi:
        raise InvalidFieldValueError("%s=%d does not fit %s (%d..%d)" % (what, v, name, lo, hi),
                                     status=6, field=what.rpartition(".")[2])
    return v


def as_float(value: Any, what: str) -> float:
    """``value`` as a float; TypeError for text and other non-numbers.  NaN
    and infinities pass through: libmitch decides whether they are valid."""
    if isinstance(value, float):
        return value
    if isinstance(value, (str, bytes, bytearray)) or not hasattr(value, "__float__"):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__))
    return float(value)


def _convert(obj: Any, spec: Sequence[Tuple[str, Any]]) -> List[Any]:
    """The fields of ``obj`` named by ``spec`` as C values, in order."""
    out = []
    for name, ctype in spec:
        value = getattr(obj, name)
        if ctype is c_double:
            if type(value) is not float:
                value = as_float(value, "%s.%s" % (type(obj).__name__, name))
        else:
            lo, hi, _ = _RANGES[ctype]
            # plain ints in range pass at once; everything else (IntEnum,
            # numpy, out of range, wrong type) gets the full check
            if not isinstance(value, int) or value < lo or value > hi:
                value = as_int(value, ctype, "%s.%s" % (type(obj).__name__, name))
        out.append(value)
    return out


def _fast_to_ffi(struct_cls: Any, spec: Sequence[Tuple[str, Any]]) -> Callable[[Any], Any]:
    """A ``to_ffi`` method for a body whose fields are all numbers, generated
    (as dataclasses generates ``__init__``) so that the common case - ints
    in range and floats - costs one expression; anything else takes the
    exact, field-naming path of :func:`_convert`."""
    names = [name for name, _ in spec]
    width_checks, float_checks = [], []
    for name, ctype in spec:
        if ctype is c_double:
            float_checks.append("type(%s) is not float" % name)
            continue
        lo, hi, _ = _RANGES[ctype]
        bits = (hi - lo).bit_length()
        # in range <=> (value - lo) >> bits == 0; a negative shifts to -1
        width_checks.append("((%s - %d) >> %d)" % (name, lo, bits) if lo else
                            "(%s >> %d)" % (name, bits))
    source = (
        "def to_ffi(self):\n"
        "    %s, = %s,\n"
        "    try:\n"
        "        if not (%s) and not (%s):\n"
        "            return _S(%s)\n"
        "    except TypeError:\n"
        "        pass\n"
        "    return _S(*_convert(self, _SPEC))\n"
    ) % (", ".join(names), ", ".join("self." + n for n in names),
         " | ".join(width_checks) or "0", " or ".join(float_checks) or "False",
         ", ".join(names))
    namespace: Dict[str, Any] = {"_S": struct_cls, "_convert": _convert, "_SPEC": tuple(spec)}
    exec(source, namespace)  # noqa: S102 - generated from the Structure's own fields
    fn = namespace["to_ffi"]
    fn.__doc__ = "This value as its ctypes struct (checks types and C widths)."
    return fn


def _struct_spec(struct: Any, skip: Tuple[str, ...] = ()) -> Tuple[Tuple[str, Any], ...]:
    return tuple((n, t) for n, t in struct._fields_ if n not in skip)


# ---------------------------------------------------------------------------
# Wire layouts (protocol.md tables; used for numpy dtypes and to say which
# bytes of a rejected body are to blame - never to encode or decode)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WireField:
    """One field of a body on the wire: name, byte offset, numpy-style
    little-endian format (``"u48"`` is a 6-byte unsigned integer)."""

    name: str
    offset: int
    format: str

    @property
    def size(self) -> int:
        """Width in bytes."""
        return 6 if self.format == "u48" else int(self.format[-1])


def _layout(*fields: Tuple[str, int, str]) -> Tuple[WireField, ...]:
    return tuple(WireField(*f) for f in fields)


#: Body layouts by type byte (protocol.md).  Padding is not listed.
WIRE_LAYOUTS: Dict[int, Tuple[WireField, ...]] = {
    ord("t"): _layout(("ticker_id", 0, "<u8"), ("price", 8, "<f8"), ("quantity", 16, "<u4"),
                      ("trade_id", 20, "<u4"), ("side", 24, "u1")),
    ord("o"): _layout(("ticker_id", 0, "<u8"), ("order_id", 8, "<u4"), ("price", 12, "<f8"),
                      ("quantity", 20, "<u4"), ("type_and_side", 24, "u1"),
                      ("expiry_ms", 25, "u48")),
    ord("s"): _layout(("ticker_id", 0, "<u8"), ("bid_price", 8, "<f8"),
                      ("ask_price", 16, "<f8"), ("bid_volume", 24, "<u4"),
                      ("ask_volume", 28, "<u4")),
    ord("i"): _layout(("ticker_id", 0, "<u8"), ("mid", 8, "<f8"), ("v_bid", 16, "<u4"),
                      ("v_ask", 20, "<u4"), ("m_spread", 24, "<i4"), ("b_bid_o", 28, "<i4"),
                      ("b_ask_o", 32, "<i4"), ("w_bid_o", 36, "<i4"), ("w_ask_o", 40, "<i4"),
                      ("v_force", 44, "<u2"), ("l_force", 46, "<u2"), ("t_force", 48, "<i2"),
                      ("m_force", 50, "<i2"), ("confidence", 52, "u1"),
                      ("rejected", 53, "u1"), ("accepted", 54, "u1")),
    ord("b"): _layout(("ticker_id", 0, "<u8"), ("mid_price", 8, "<f8"),
                      ("bin_aggregator", 16, "u1")),
}
#: Header layout (protocol.md).
HEADER_LAYOUT = _layout(("message_type", 0, "u1"), ("timestamp", 1, "u48"), ("count", 7, "u1"))


def _blame_wire(type_byte: int, body: bytes, sample: bytes) -> List[str]:
    """Fields of a rejected wire body to blame (see :func:`_blame`)."""
    def valid(candidate: bytearray) -> bool:
        data = bytes(candidate)
        return _ffi.lib.mitch_body_validate(type_byte, data, len(data)) == 0

    def swapped(base: bytes, source: bytes, f: WireField) -> bytearray:
        trial = bytearray(base)
        trial[f.offset:f.offset + f.size] = source[f.offset:f.offset + f.size]
        return trial

    fields = WIRE_LAYOUTS.get(type_byte, ())
    return _blame([f.name for f in fields],
                  lambda i: valid(swapped(sample, body, fields[i])),
                  lambda i: valid(swapped(body, sample, fields[i])))


def _blame(names: List[str], valid_with_only: Callable[[int], bool],
           valid_without: Callable[[int], bool]) -> List[str]:
    """Which fields make a value invalid, asking only libmitch.

    First every field that is invalid on its own: the user's field put into
    a known-valid sample.  If there is none, the fault is a relation between
    fields (an ask below the bid): then every field whose replacement by the
    sample's makes the value valid.
    """
    culprits = [n for i, n in enumerate(names) if not valid_with_only(i)]
    if not culprits:
        culprits = [n for i, n in enumerate(names) if valid_without(i)]
    return culprits


def _describe(names: List[str]) -> str:
    if not names:
        return "a combination of fields breaks"
    if len(names) == 1:
        return "field %r breaks" % names[0]
    return "fields %s and %r break" % (", ".join(repr(n) for n in names[:-1]), names[-1])


def body_error(type_byte: int, status: int, data: Any, offset: int,
               body_offset: Optional[int] = None) -> MitchError:
    """The exception for a body libmitch refused to decode from ``data`` at
    ``offset`` (``body_offset`` is reported, default ``offset``)."""
    at = offset if body_offset is None else body_offset
    name = _BODY_BY_TYPE[type_byte].__name__ if type_byte in _BODY_BY_TYPE else "body"
    text = _ffi.strerror(status)
    culprits: List[str] = []
    if status == 6:
        cls = _BODY_BY_TYPE[type_byte]
        size = cls._SIZE
        body = bytes(memoryview(data).cast("B")[offset:offset + size])
        culprits = _blame_wire(type_byte, body, cls._sample_wire())
        message = "%s body at offset %d: %s a protocol rule (%s)" % (
            name, at, _describe(culprits), text)
    else:
        message = "%s body at offset %d: %s" % (name, at, text)
    return exception_for_status(status)(
        message, status=status, field=culprits[0] if culprits else None, offset=at)


# ---------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------

B = TypeVar("B", bound="_Body")


class _Body:
    """Shared behaviour of the body dataclasses (and Header)."""

    _STRUCT: ClassVar[Any]
    _PREFIX: ClassVar[str]
    _TYPE: ClassVar[int]
    _SIZE: ClassVar[int]
    _SPEC: ClassVar[Tuple[Tuple[str, Any], ...]]
    _SAMPLE: ClassVar[Any]
    _VALIDATE: ClassVar[Callable[..., int]]
    _ENCODE: ClassVar[Callable[..., int]]
    _DECODE: ClassVar[Callable[..., int]]

    # -- conversions -------------------------------------------------------
    def to_ffi(self) -> Any:
        """This value as its ctypes struct (checks types and C widths)."""
        return self._STRUCT(*_convert(self, self._SPEC))

    @classmethod
    def from_ffi(cls: Type[B], s: Any) -> B:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- libmitch calls ----------------------------------------------------
    def _fail(self, status: int, action: str) -> MitchError:
        culprits: List[str] = []
        if status == 6:
            validate = self._VALIDATE
            sample = self._SAMPLE
            names = [name for name, _ in self._SPEC]

            def valid(trial: Any) -> bool:
                try:
                    return validate(trial.to_ffi()) == 0
                except (TypeError, ValueError):
                    return False

            culprits = _blame(
                names,
                lambda i: valid(dataclasses.replace(sample, **{names[i]: getattr(self, names[i])})),
                lambda i: valid(dataclasses.replace(self, **{names[i]: getattr(sample, names[i])})))
            detail = ", ".join("%s=%r" % (n, getattr(self, n)) for n in culprits)
            message = "%s %s: %s %s a protocol rule (%s)" % (
                type(self).__name__, action, detail or "a combination of fields",
                "break" if len(culprits) > 1 else "breaks", _ffi.strerror(status))
        else:
            message = "%s %s: %s" % (type(self).__name__, action, _ffi.strerror(status))
        return exception_for_status(status)(
            message, status=status, field=culprits[0] if culprits else None)

    def validate(self) -> None:
        """Raise the matching :class:`MitchError` if libmitch rejects this
        value (the exception names the field); return None if it is valid."""
        status = self._VALIDATE(self.to_ffi())
        if status:
            raise self._fail(status, "is invalid")

    def is_valid(self) -> bool:
        """True when :meth:`validate` would not raise."""
        try:
            self.validate()
        except (MitchError, TypeError, ValueError):
            return False
        return True

    def pack(self) -> bytes:
        """The wire bytes of this value (validated by libmitch)."""
        buf = create_string_buffer(self._SIZE)
        status = self._ENCODE(self.to_ffi(), buf, self._SIZE)
        if status:
            raise self._fail(status, "cannot be encoded")
        return buf.raw

    @classmethod
    def unpack(cls: Type[B], data: Any, offset: int = 0) -> B:
        """Decode one value from ``data`` (any bytes-like object) at
        ``offset``; libmitch validates it.  Extra bytes after it are ignored."""
        s = cls._STRUCT()
        decode = cls._DECODE
        if type(data) is bytes and offset == 0:
            status = decode(data, len(data), s)
        else:
            with pinned(data) as (address, size):
                status = decode(address + offset,
                                check_span(size, offset), s)
        if status:
            raise cls._decode_error(status, data, offset)
        return cls.from_ffi(s)

    @classmethod
    def _decode_error(cls, status: int, data: Any, offset: int) -> MitchError:
        if status == 6 and cls._TYPE:
            return body_error(cls._TYPE, status, data, offset)
        if status == 6 and cls is Header:
            return _header_error(data, offset)
        return exception_for_status(status)(
            "%s at offset %d: %s" % (cls.__name__, offset, _ffi.strerror(status)),
            status=status, offset=offset)

    @classmethod
    def _sample_wire(cls) -> bytes:
        cache = cls.__dict__.get("_sample_wire_cache")
        if cache is None:
            cache = cls._SAMPLE.pack()
            setattr(cls, "_sample_wire_cache", cache)
        return cache


@dataclass
class Header(_Body):
    """The 8-byte message header: type, timestamp (ns since midnight UTC,
    < 2**48) and the number of bodies that follow (1..255)."""

    message_type: MessageType
    timestamp: int
    count: int

    _STRUCT = _ffi.HeaderStruct
    _PREFIX = "header"
    _VALIDATE = staticmethod(_ffi.lib.mitch_header_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_header_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_header_decode)
    _TYPE = 0
    _SIZE = _ffi.HEADER_SIZE

    def to_ffi(self) -> Any:
        """This header as a ``mitch_header`` struct."""
        cls = type(self).__name__
        try:
            mtype = message_type_byte(self.message_type)
        except InvalidMessageTypeError as err:
            raise InvalidFieldValueError(str(err), status=6, field="message_type") from None
        return _ffi.HeaderStruct(mtype, as_int(self.count, c_uint8, cls + ".count"),
                                 as_int(self.timestamp, c_uint64, cls + ".timestamp"))

    @classmethod
    def from_ffi(cls, s: Any) -> "Header":
        """From a ``mitch_header`` struct."""
        return cls(_as_message_type(s.message_type), s.timestamp, s.count)

    @property
    def body_size(self) -> int:
        """Size of one body of this header's type (libmitch)."""
        size = c_size_t()
        status = _ffi.lib.mitch_body_size(message_type_byte(self.message_type), byref(size))
        if status:
            raise exception_for_status(status)(
                "header type %r: %s" % (self.message_type, _ffi.strerror(status)),
                status=status, field="message_type")
        return size.value

    @property
    def message_size(self) -> int:
        """Size of the whole message: header plus ``count`` bodies (libmitch)."""
        size = c_size_t()
        status = _ffi.lib.mitch_calculate_message_size(
            message_type_byte(self.message_type), as_int(self.count, c_uint8, "Header.count"),
            byref(size))
        if status:
            raise exception_for_status(status)(
                "header %r: %s" % (self, _ffi.strerror(status)), status=status)
        return size.value


Header._SPEC = (("message_type", c_uint8), ("timestamp", c_uint64), ("count", c_uint8))
Header._SAMPLE = Header(MessageType.TRADE, 0, 1)


def _header_error(data: Any, offset: int) -> MitchError:
    """A header libmitch refused with MITCH_ERR_INVALID_FIELD_VALUE: name the
    field by the same swap test as bodies, with the header decoder as judge."""
    head = bytes(memoryview(data).cast("B")[offset:offset + _ffi.HEADER_SIZE])
    sample = Header._sample_wire()

    def valid(candidate: bytearray) -> bool:
        return _ffi.lib.mitch_header_decode(bytes(candidate), _ffi.HEADER_SIZE,
                                            _ffi.HeaderStruct()) == 0

    def swapped(base: bytes, source: bytes, f: WireField) -> bytearray:
        trial = bytearray(base)
        trial[f.offset:f.offset + f.size] = source[f.offset:f.offset + f.size]
        return trial

    culprits = _blame([f.name for f in HEADER_LAYOUT],
                      lambda i: valid(swapped(sample, head, HEADER_LAYOUT[i])),
                      lambda i: valid(swapped(head, sample, HEADER_LAYOUT[i])))
    return InvalidFieldValueError(
        "Header at offset %d: %s a protocol rule (%s)" % (offset, _describe(culprits),
                                                        _ffi.strerror(6)),
        status=6, field=culprits[0] if culprits else None, offset=offset)


@dataclass
class Trade(_Body):
    """Trade body (``t``, 32 bytes): an executed trade."""

    ticker_id: int
    price: float
    quantity: int
    trade_id: int
    side: OrderSide = OrderSide.BUY

    _STRUCT = _ffi.TradeStruct
    _PREFIX = "trade"
    _VALIDATE = staticmethod(_ffi.lib.mitch_trade_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_trade_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_trade_decode)
    _TYPE = ord("t")
    _SIZE = _ffi.TRADE_SIZE
    _SPEC = _struct_spec(_ffi.TradeStruct)

    @classmethod
    def from_ffi(cls, s: Any) -> "Trade":
        """From a ``mitch_trade`` struct."""
        return cls(s.ticker_id, s.price, s.quantity, s.trade_id, _as_side(s.side))


Trade.to_ffi = _fast_to_ffi(_ffi.TradeStruct, Trade._SPEC)  # type: ignore[assignment]
Trade._SAMPLE = Trade(1, 1.0, 1, 1, OrderSide.BUY)


@dataclass
class Order(_Body):
    """Order body (``o``, 32 bytes): an order event.  ``expiry_ms`` is Unix
    time in ms (< 2**48), 0 for good-till-cancelled."""

    ticker_id: int
    order_id: int
    price: float
    quantity: int
    order_type: OrderType = OrderType.LIMIT
    side: OrderSide = OrderSide.BUY
    expiry_ms: int = 0

    _STRUCT = _ffi.OrderStruct
    _PREFIX = "order"
    _VALIDATE = staticmethod(_ffi.lib.mitch_order_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_order_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_order_decode)
    _TYPE = ord("o")
    _SIZE = _ffi.ORDER_SIZE
    _SPEC = _struct_spec(_ffi.OrderStruct)

    @classmethod
    def from_ffi(cls, s: Any) -> "Order":
        """From a ``mitch_order`` struct."""
        return cls(s.ticker_id, s.order_id, s.price, s.quantity, _as_order_type(s.order_type),
                   _as_side(s.side), s.expiry_ms)


Order.to_ffi = _fast_to_ffi(_ffi.OrderStruct, Order._SPEC)  # type: ignore[assignment]
Order._SAMPLE = Order(1, 1, 1.0, 1, OrderType.LIMIT, OrderSide.BUY, 0)


@dataclass
class TickMetrics:
    """Derived values of a tick (computed by libmitch)."""

    mid: float
    spread: float
    spread_bps: float
    imbalance: float
    total_volume: int


@dataclass
class Tick(_Body):
    """Tick body (``s``, 32 bytes): a top-of-book snapshot."""

    ticker_id: int
    bid_price: float
    ask_price: float
    bid_volume: int = 0
    ask_volume: int = 0

    _STRUCT = _ffi.TickStruct
    _PREFIX = "tick"
    _VALIDATE = staticmethod(_ffi.lib.mitch_tick_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_tick_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_tick_decode)
    _TYPE = ord("s")
    _SIZE = _ffi.TICK_SIZE
    _SPEC = _struct_spec(_ffi.TickStruct)

    @classmethod
    def from_ffi(cls, s: Any) -> "Tick":
        """From a ``mitch_tick`` struct."""
        return cls(s.ticker_id, s.bid_price, s.ask_price, s.bid_volume, s.ask_volume)

    def metrics(self) -> TickMetrics:
        """Mid, spread, spread in basis points, volume imbalance and total
        volume, from libmitch (works on any tick, crossed ones too)."""
        m = _ffi.TickMetricsStruct()
        status = _ffi.lib.mitch_tick_metrics_get(self.to_ffi(), m)
        if status:
            raise self._fail(status, "has no metrics")
        return TickMetrics(m.mid, m.spread, m.spread_bps, m.imbalance, m.total_volume)

    @property
    def mid(self) -> float:
        """(bid + ask) / 2."""
        return self.metrics().mid

    @property
    def spread(self) -> float:
        """ask - bid."""
        return self.metrics().spread

    @property
    def spread_bps(self) -> float:
        """spread / mid * 10000 (0 when mid <= 0)."""
        return self.metrics().spread_bps

    @property
    def imbalance(self) -> float:
        """(ask_volume - bid_volume) / (ask_volume + bid_volume), 0 when both are 0."""
        return self.metrics().imbalance

    @property
    def total_volume(self) -> int:
        """bid_volume + ask_volume."""
        return self.metrics().total_volume


Tick.to_ffi = _fast_to_ffi(_ffi.TickStruct, Tick._SPEC)  # type: ignore[assignment]
Tick._SAMPLE = Tick(1, 1.0, 1.0, 0, 0)


@dataclass
class IndexMetrics:
    """Derived values of an index body (computed by libmitch)."""

    best_bid_price: float
    best_ask_price: float
    worst_bid_price: float
    worst_ask_price: float
    mean_spread: float
    volatility: float
    liquidity: float
    trend: float
    momentum: float
    confidence_band: str


@dataclass
class Index(_Body):
    """Index body (``i``, 64 bytes): a synthetic aggregate across venues.
    Offsets are in 1e-9 of a price unit relative to mid; forces in 1/10000."""

    ticker_id: int
    mid: float
    v_bid: int = 0
    v_ask: int = 0
    m_spread: int = 0
    b_bid_o: int = 0
    b_ask_o: int = 0
    w_bid_o: int = 0
    w_ask_o: int = 0
    v_force: int = 0
    l_force: int = 0
    t_force: int = 0
    m_force: int = 0
    confidence: int = 0
    rejected: int = 0
    accepted: int = 0

    _STRUCT = _ffi.IndexStruct
    _PREFIX = "index"
    _VALIDATE = staticmethod(_ffi.lib.mitch_index_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_index_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_index_decode)
    _TYPE = ord("i")
    _SIZE = _ffi.INDEX_SIZE
    _SPEC = _struct_spec(_ffi.IndexStruct)

    @classmethod
    def from_ffi(cls, s: Any) -> "Index":
        """From a ``mitch_index`` struct."""
        return cls(s.ticker_id, s.mid, s.v_bid, s.v_ask, s.m_spread, s.b_bid_o, s.b_ask_o,
                   s.w_bid_o, s.w_ask_o, s.v_force, s.l_force, s.t_force, s.m_force,
                   s.confidence, s.rejected, s.accepted)

    def metrics(self) -> IndexMetrics:
        """Best/worst bid and ask prices, mean spread, force fractions and the
        confidence band, from libmitch."""
        m = _ffi.IndexMetricsStruct()
        status = _ffi.lib.mitch_index_metrics_get(self.to_ffi(), m)
        if status:
            raise self._fail(status, "has no metrics")
        band = m.confidence_band.decode("ascii") if m.confidence_band else ""
        return IndexMetrics(m.best_bid_price, m.best_ask_price, m.worst_bid_price,
                            m.worst_ask_price, m.mean_spread, m.volatility, m.liquidity,
                            m.trend, m.momentum, band)

    @property
    def best_bid_price(self) -> float:
        """mid * (1 + b_bid_o / 1e9)."""
        return self.metrics().best_bid_price

    @property
    def best_ask_price(self) -> float:
        """mid * (1 + b_ask_o / 1e9)."""
        return self.metrics().best_ask_price

    @property
    def volatility(self) -> float:
        """v_force as a fraction (0..1)."""
        return self.metrics().volatility

    @property
    def liquidity(self) -> float:
        """l_force as a fraction (0..1)."""
        return self.metrics().liquidity

    @property
    def trend(self) -> float:
        """t_force as a fraction (-1..1)."""
        return self.metrics().trend

    @property
    def momentum(self) -> float:
        """m_force as a fraction (-1..1)."""
        return self.metrics().momentum

    @property
    def confidence_band(self) -> str:
        """"very high", "high", "medium", "medium-low", "low" or "very low"."""
        return self.metrics().confidence_band


Index.to_ffi = _fast_to_ffi(_ffi.IndexStruct, Index._SPEC)  # type: ignore[assignment]
Index._SAMPLE = Index(1, 1.0)


@dataclass
class Bin:
    """One order-book bin: orders and volume in its price range."""

    count: int = 0
    volume: int = 0


@dataclass
class BookTotals:
    """Sums over the bins of each side of an order book (64-bit, no overflow)."""

    bid_volume: int
    ask_volume: int
    bid_count: int
    ask_count: int


def _empty_side() -> List[Bin]:
    return [Bin() for _ in range(_ffi.BINS_PER_SIDE)]


@dataclass
class OrderBook(_Body):
    """OrderBook body (``b``, 2072 bytes): depth in 128 bins per side around
    ``mid_price``; ``bin_aggregator`` picks the bin boundary table."""

    ticker_id: int
    mid_price: float
    bin_aggregator: BinAggregator = BinAggregator.LINGAUSSIAN
    bids: List[Bin] = field(default_factory=_empty_side)
    asks: List[Bin] = field(default_factory=_empty_side)

    _STRUCT = _ffi.OrderBookStruct
    _PREFIX = "order_book"
    _VALIDATE = staticmethod(_ffi.lib.mitch_order_book_validate)
    _ENCODE = staticmethod(_ffi.lib.mitch_order_book_encode)
    _DECODE = staticmethod(_ffi.lib.mitch_order_book_decode)
    _TYPE = ord("b")
    _SIZE = _ffi.ORDER_BOOK_SIZE
    _SPEC = _struct_spec(_ffi.OrderBookStruct, skip=("bids", "asks"))

    def __post_init__(self) -> None:
        # (count, volume) pairs are accepted for bins; keep them as Bin.
        for side_name in ("bids", "asks"):
            bins = getattr(self, side_name)
            if not all(type(b) is Bin for b in bins):
                setattr(self, side_name,
                        [b if isinstance(b, Bin) else Bin(*b) for b in bins])

    def to_ffi(self) -> Any:
        """This book as a ``mitch_order_book`` struct."""
        s = _ffi.OrderBookStruct(*_convert(self, self._SPEC))
        for side_name in ("bids", "asks"):
            bins = getattr(self, side_name)
            if len(bins) != _ffi.BINS_PER_SIDE:
                raise InvalidFieldValueError(
                    "OrderBook.%s has %d bins; a side has exactly %d"
                    % (side_name, len(bins), _ffi.BINS_PER_SIDE), status=6, field=side_name)
            target = getattr(s, side_name)
            for i, b in enumerate(bins):
                count, volume = (b.count, b.volume) if isinstance(b, Bin) else b
                what = "OrderBook.%s[%d]" % (side_name, i)
                target[i].count = as_int(count, c_uint32, what + ".count")
                target[i].volume = as_int(volume, c_uint32, what + ".volume")
        return s

    @classmethod
    def from_ffi(cls, s: Any) -> "OrderBook":
        """From a ``mitch_order_book`` struct."""
        return cls(s.ticker_id, s.mid_price, _as_aggregator(s.bin_aggregator),
                   [Bin(b.count, b.volume) for b in s.bids],
                   [Bin(b.count, b.volume) for b in s.asks])

    def totals(self) -> BookTotals:
        """Total volume and order count per side (libmitch)."""
        vals = [c_uint64() for _ in range(4)]
        status = _ffi.lib.mitch_order_book_totals(self.to_ffi(), *[byref(v) for v in vals])
        if status:
            raise self._fail(status, "has no totals")
        return BookTotals(*[v.value for v in vals])

    @property
    def total_bid_volume(self) -> int:
        """Sum of the bid bins' volumes."""
        return self.totals().bid_volume

    @property
    def total_ask_volume(self) -> int:
        """Sum of the ask bins' volumes."""
        return self.totals().ask_volume

    def bin_range(self, side: Union[BookSide, int], index: int) -> Tuple[float, float]:
        """Price range (start nearer mid, end) of bin ``index`` on ``side``."""
        from .bins import bin_price_range
        return bin_price_range(self.mid_price, self.bin_aggregator, side, index)

    def boundaries(self, side: Union[BookSide, int]) -> List[Tuple[float, float]]:
        """Price ranges of all 128 bins of ``side``."""
        return [self.bin_range(side, i) for i in range(_ffi.BINS_PER_SIDE)]

    def bin_for_price(self, side: Union[BookSide, int], price: float) -> int:
        """The bin of ``side`` that ``price`` falls into."""
        from .bins import bin_for_price
        return bin_for_price(self.mid_price, self.bin_aggregator, side, price)


OrderBook._SAMPLE = OrderBook(1, 1.0)

#: Body dataclass by type byte.
_BODY_BY_TYPE: Dict[int, Any] = {Trade._TYPE: Trade, Order._TYPE: Order, Tick._TYPE: Tick,
                                 Index._TYPE: Index, OrderBook._TYPE: OrderBook}
BODY_TYPES: Dict[MessageType, Any] = {_as_message_type(k): v for k, v in _BODY_BY_TYPE.items()}


def body_class(message_type: MessageTypeLike) -> Any:
    """The body dataclass of a message type (InvalidMessageTypeError for an
    unknown type byte)."""
    if isinstance(message_type, type) and issubclass(message_type, _Body) \
            and message_type is not Header:
        return message_type
    byte = message_type_byte(message_type)
    cls = _BODY_BY_TYPE.get(byte)
    if cls is None:
        # Let libmitch give the verdict and its text.
        status = _ffi.lib.mitch_body_size(byte, byref(c_size_t())) or 2
        raise exception_for_status(status)(
            "message type %r: %s" % (message_type, _ffi.strerror(status)), status=status,
            field="message_type")
    return cls


# ---------------------------------------------------------------------------
# Ticker ids, assets, providers, channels
# ---------------------------------------------------------------------------


@dataclass
class TickerFields:
    """The fields of a 64-bit ticker id (see :func:`mitch.create_ticker_id`)."""

    instrument_type: InstrumentType
    base_class: AssetClass
    base_id: int
    quote_class: AssetClass
    quote_id: int
    sub_type: int = 0

    def to_ffi(self) -> Any:
        """As a ``mitch_ticker_fields`` struct."""
        return _ffi.TickerFieldsStruct(*_convert(self, _struct_spec(_ffi.TickerFieldsStruct)))

    @classmethod
    def from_ffi(cls, s: Any) -> "TickerFields":
        """From a ``mitch_ticker_fields`` struct."""
        return cls(_as_instrument_type(s.instrument_type), _as_asset_class(s.base_class),
                   s.base_id, _as_asset_class(s.quote_class), s.quote_id, s.sub_type)

    def encode(self) -> int:
        """The ticker id (libmitch checks the widths of the 4-bit and 20-bit fields)."""
        out = c_uint64()
        status = _ffi.lib.mitch_ticker_id_encode(self.to_ffi(), byref(out))
        if status:
            raise exception_for_status(status)(
                "%r cannot be encoded: %s" % (self, _ffi.strerror(status)), status=status)
        return out.value


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8", "replace") if value else ""


def _split_aliases(value: Optional[bytes]) -> Tuple[str, ...]:
    text = _text(value)
    return tuple(text.split("|")) if text else ()


@dataclass(frozen=True)
class Asset:
    """A registry asset.  ``id`` is the packed ``(asset_class << 16) |
    class_id``; ``symbol`` is the primary symbol (first alias)."""

    id: int
    class_id: int
    asset_class: AssetClass
    name: str
    aliases: Tuple[str, ...] = ()
    symbol: str = ""

    @classmethod
    def from_ffi(cls, s: Any) -> "Asset":
        """From a ``mitch_asset`` struct (registry entries are constant, so
        each is converted once and shared: the dataclass is frozen)."""
        asset = _ASSET_CACHE.get(s.asset_id)
        if asset is None:
            asset = cls(s.asset_id, s.class_id, _as_asset_class(s.asset_class), _text(s.name),
                        _split_aliases(s.aliases), _text(s.symbol))
            _ASSET_CACHE[s.asset_id] = asset
        return asset


_ASSET_CACHE: Dict[int, Asset] = {}


@dataclass(frozen=True)
class ClassInfo:
    """An asset class or instrument type as the registry names it."""

    id: int
    name: str
    code: str

    @classmethod
    def from_ffi(cls, s: Any) -> "ClassInfo":
        """From a ``mitch_class_info`` struct."""
        return cls(s.id, _text(s.name), _text(s.code))


@dataclass(frozen=True)
class MarketProvider:
    """A market provider (exchange, broker, data vendor) of the registry."""

    id: int
    name: str
    abbreviations: Tuple[str, ...] = ()

    @classmethod
    def from_ffi(cls, s: Any) -> "MarketProvider":
        """From a ``mitch_provider`` struct (converted once, then shared)."""
        provider = _PROVIDER_CACHE.get(s.id)
        if provider is None:
            provider = cls(s.id, _text(s.name), _split_aliases(s.abbreviations))
            _PROVIDER_CACHE[s.id] = provider
        return provider


_PROVIDER_CACHE: Dict[int, MarketProvider] = {}


@dataclass
class Ticker:
    """A ticker: its 64-bit id and what it is made of.  From
    :func:`mitch.resolve_ticker`, ``name`` is the symbol that was resolved,
    ``confidence`` the resolver's score and ``steps`` what it did."""

    id: int
    name: str
    instrument_type: InstrumentType
    base: Optional[Asset]
    quote: Optional[Asset]
    sub_type: int = 0
    confidence: float = 1.0
    steps: str = ""

    @classmethod
    def from_ffi(cls, s: Any, name: str = "") -> "Ticker":
        """From a ``mitch_resolution`` struct (whose ticker id has sub-type 0,
        as mitch.h documents)."""
        ticker_id, itype, base_id, quote_id, confidence = _RESOLUTION_NUMBERS.unpack_from(s)
        base = _ASSET_CACHE.get(base_id) or Asset.from_ffi(s.base)
        quote = _ASSET_CACHE.get(quote_id) or Asset.from_ffi(s.quote)
        return cls(ticker_id, name, _as_instrument_type(itype), base, quote, 0, confidence,
                   s.steps.decode("utf-8", "replace"))

    @classmethod
    def from_id(cls, ticker_id: int) -> "Ticker":
        """Describe a ticker id: its fields, and its legs as registry assets
        (None for a leg the registry does not list).  ``name`` is
        "BASE/QUOTE" from the legs' primary symbols when both are known."""
        from .registry import ticker_from_id
        return ticker_from_id(ticker_id)


def _numbers_reader(struct_cls: Any, fields: Sequence[Tuple[str, str]]) -> Any:
    """A ``struct.Struct`` reading several numeric fields of a ctypes struct
    in one call, at the offsets ctypes computed (no layout written by hand).
    ``fields`` are (dotted field path, struct code)."""
    import struct as _struct
    fmt, pos = "=", 0
    for path, code in fields:
        offset, owner = 0, struct_cls
        for part in path.split("."):
            desc = getattr(owner, part)
            offset += desc.offset
            owner = dict(owner._fields_)[part]
        assert offset >= pos
        fmt += "%dx%s" % (offset - pos, code) if offset > pos else code
        pos = offset + _struct.calcsize("=" + code)
    return _struct.Struct(fmt)


_RESOLUTION_NUMBERS = _numbers_reader(
    _ffi.ResolutionStruct, [("ticker_id", "Q"), ("instrument_type", "B"),
                            ("base.asset_id", "I"), ("quote.asset_id", "I"),
                            ("confidence", "d")])


@dataclass
class Channel:
    """A pub/sub channel id: ``(provider << 16) | (msg_type << 8)``.  Build
    one with :meth:`create`; ``str(channel.id)`` is the usual topic name."""

    id: int
    provider: int
    msg_type: MessageType

    @classmethod
    def create(cls, provider: int, msg_type: MessageTypeLike) -> "Channel":
        """The channel of a provider's messages of one type (libmitch)."""
        from .ids import create_channel
        return cls.from_id(create_channel(provider, msg_type))

    @classmethod
    def from_id(cls, channel_id: int) -> "Channel":
        """Split a channel id (InvalidChannelIdError when it is not valid)."""
        from .ids import channel_decode
        provider, mtype = channel_decode(channel_id)
        return cls(channel_id, provider, _as_message_type(mtype))

    def pack(self) -> bytes:
        """The 4 little-endian bytes of the id."""
        from .ids import pack_channel
        return pack_channel(self.id)

    @classmethod
    def unpack(cls, data: Any, offset: int = 0) -> "Channel":
        """Read a channel id from 4 bytes."""
        from .ids import unpack_channel
        return cls.from_id(unpack_channel(data, offset))


@dataclass
class StreamInfo:
    """What :func:`mitch.stream_validate` found in a buffer."""

    messages: int
    bodies: int
    error_offset: int = 0
    message_offset: int = 0
