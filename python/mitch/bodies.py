"""The header and body dataclasses (trade, order, tick, index), their
validation, packing and unpacking by libmitch, and the derived values
libmitch computes (tick and index metrics).  Order books are in
:mod:`mitch.book`.

The dataclasses hold host values (ints, floats, enums).  Everything that
knows a protocol rule runs in the C library: ``validate()``, ``pack()`` and
``unpack()`` call it.  What Python checks itself is only that a value is of
the right type and fits the width of its C field.  Enumerated fields are
normalised when a value is built: ``Trade(..., side=1).side`` is
``OrderSide.SELL``; a number the protocol does not define stays an int and
is rejected, with the rule, when the value is validated or packed.

Each class names its layout (``_LAYOUT = "trade"``); its type byte, its
ctypes struct and its C functions (``mitch_trade_encode`` ...) follow from
that name and the library's layout table.
"""

from __future__ import annotations

import enum
import struct
import sys
from ctypes import (byref, c_char, c_double, c_int8, c_int16, c_int32, c_size_t, c_uint8,
                    c_uint16, c_uint32, c_uint64, c_void_p, sizeof, string_at)
from operator import attrgetter

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar
    T = TypeVar("T")
    B = TypeVar("B", bound="_Body")
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

from . import _diagnose, _ffi
from ._record import field_names, field_types
from ._buffer import pinned
from ._convert import (AT_START, as_float, as_int, check_span, require_struct,
                       require_struct_array, shorten)
from .enums import MessageType, OrderSide, OrderType, by_value, message_type_byte, to_enum
from .exceptions import MitchError, MitchTypeError, exception_for_status
from .layouts import HEADER_SIZE, body_layouts, layout

__all__ = ["Header", "Trade", "Order", "Tick", "Index", "TickMetrics", "IndexMetrics",
           "body_class", "body_classes"]

lib = _ffi.lib
_new = object.__new__

#: ctypes type -> (struct module code, width name of mitch._convert.WIDTHS)
_CODES: Dict[Any, Tuple[str, Optional[str]]] = {
    c_uint8: ("B", "u8"), c_uint16: ("H", "u16"), c_uint32: ("I", "u32"),
    c_uint64: ("Q", "u64"), c_int8: ("b", "i8"), c_int16: ("h", "i16"),
    c_int32: ("i", "i32"), c_double: ("d", None),
}



def host_struct(struct_cls: Any, names: Tuple[str, ...], whole: bool = False
                ) -> "struct.Struct":
    """A ``struct.Struct`` reading or writing the numeric members ``names``
    of a ctypes struct in one call, at the offsets ctypes computed (native
    byte order).  ``pack_into`` also checks every width at once."""
    ctypes_of = dict(struct_cls._fields_)
    fmt, pos = "=", 0
    for name in sorted(names, key=lambda n: int(getattr(struct_cls, n).offset)):
        offset = getattr(struct_cls, name).offset
        if offset < pos:
            raise AssertionError("overlapping members in %s" % struct_cls.__name__)
        fmt += ("%dx" % (offset - pos) if offset > pos else "") + _CODES[ctypes_of[name]][0]
        pos = offset + struct.calcsize("=" + _CODES[ctypes_of[name]][0])
    if whole and sizeof(struct_cls) > pos:  # up to the next struct of an array
        fmt += "%dx" % (sizeof(struct_cls) - pos)
    return struct.Struct(fmt)


def slotted(cls: Type[T]) -> Type[T]:
    """``cls`` (a dataclass) rebuilt with ``__slots__`` for its fields, as
    ``dataclass(slots=True)`` does on Python >= 3.10: smaller objects and
    faster attribute access on the hot paths."""
    original: Any = cls
    names = field_names(original)
    body = {k: v for k, v in original.__dict__.items()
            if k not in names and k not in ("__dict__", "__weakref__")}
    body["__slots__"] = names
    new = type(original)(original.__name__, original.__bases__, body)
    new.__qualname__ = original.__qualname__
    return new  # type: ignore[no-any-return]


def _enum_converter(enum_cls: Any, what: str) -> Callable[[Any], Any]:
    if enum_cls is MessageType:
        table = by_value(MessageType)

        def message_type(value: Any) -> Any:
            if type(value) is MessageType:
                return value
            byte = message_type_byte(value)
            return table.get(byte, byte)
        return message_type
    table = by_value(enum_cls)

    def convert(value: Any) -> Any:
        if type(value) is int:  # decoded values; an unknown number stays an int
            return table.get(value, value)
        return value if type(value) is enum_cls else to_enum(enum_cls, value, what)
    return convert


def _format_value(name: str, value: Any) -> str:
    if type(value) is int and name == "ticker_id":
        return hex(value)
    if isinstance(value, enum.Enum):
        return "%s.%s" % (type(value).__name__, value.name)
    return shorten(value)


class _Body:
    """Shared behaviour of the body dataclasses (and Header)."""

    __slots__ = ()

    _LAYOUT: ClassVar[str]
    _STRUCT: ClassVar[Any]
    _TYPE: ClassVar[int]
    _SIZE: ClassVar[int]
    _HOST: ClassVar["struct.Struct"]
    _HOST_NAMES: ClassVar[Tuple[str, ...]]
    _GET: ClassVar[Any]
    _ENUMS: ClassVar[Tuple[Tuple[str, Callable[[Any], Any]], ...]]
    _FIELD_NAMES: ClassVar[Tuple[str, ...]]
    _MAKE: ClassVar[Any]
    _OUT: ClassVar[Any]
    _ROWS: ClassVar[Any]
    _SAMPLE: ClassVar[Any]
    _VALIDATE: ClassVar[Any]
    _ENCODE: ClassVar[Any]
    _DECODE: ClassVar[Any]

    def __post_init__(self) -> None:
        for name, convert in self._ENUMS:
            setattr(self, name, convert(getattr(self, name)))

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%s" % (n, _format_value(n, getattr(self, n))) for n in self._FIELD_NAMES))

    # -- conversions -------------------------------------------------------
    def to_ffi(self) -> Any:
        """This value as its ctypes struct (checks types and C widths)."""
        s = self._STRUCT()
        try:
            self._HOST.pack_into(s, 0, *self._GET(self))
        except (struct.error, TypeError, OverflowError, ValueError):
            raise self._width_error() from None
        return s

    def _width_error(self) -> MitchError:
        """The exact error for a field ``to_ffi`` could not convert."""
        ctypes_of = dict(self._STRUCT._fields_)
        cls = type(self).__name__
        for name in self._HOST_NAMES:
            value = getattr(self, name)
            width = _CODES[ctypes_of[name]][1]
            if width is None:
                as_float(value, "%s.%s" % (cls, name))
            else:
                as_int(value, width, "%s.%s" % (cls, name))
        return MitchTypeError("%s has a value that is not a C number" % cls)

    @classmethod
    def from_ffi(cls: Type[B], s: Any) -> B:
        """From its ctypes struct (``mitch._ffi.STRUCTS["mitch_trade"]`` for
        a Trade ...); anything else is a MitchTypeError."""
        return cls._from_struct(require_struct(s, cls._STRUCT, cls.__name__ + ".from_ffi"))

    @classmethod
    def _from_struct(cls: Type[B], s: Any) -> B:
        """``from_ffi`` for a struct libmitch has just filled."""
        return cls._MAKE(cls._HOST.unpack_from(s))  # type: ignore[no-any-return]

    @classmethod
    def from_ffi_array(cls: Type[B], arr: Any, n: int) -> List[B]:
        """The first ``n`` structs of a ctypes array of them (one unpack of
        the array's bytes, no ctypes object per element)."""
        return cls._from_array(arr, require_struct_array(arr, cls._STRUCT, n,
                                                         cls.__name__ + ".from_ffi_array"))

    @classmethod
    def _from_array(cls: Type[B], arr: Any, n: int) -> List[B]:
        """``from_ffi_array`` for an array libmitch has just filled."""
        size = sizeof(cls._STRUCT)
        return list(map(cls._MAKE, cls._ROWS(memoryview(arr).cast("B")[:n * size])))

    @classmethod
    def _make(cls: Type[B], values: Tuple[Any, ...]) -> B:
        """An instance from the values of its struct members, in struct
        order, without the checks of ``__init__`` (the values come from
        libmitch, and enumerated ones become members)."""
        return cls._MAKE(values)  # type: ignore[no-any-return]

    # -- libmitch calls ----------------------------------------------------
    def _fail(self, status: int, action: str) -> MitchError:
        return _diagnose.value_error(self, status, action)

    def validate(self) -> None:
        """Raise the matching :class:`MitchError` if libmitch rejects this
        value (the exception names the field and the rule); return None if
        it is valid."""
        status = self._VALIDATE(self.to_ffi())
        if status:
            raise self._fail(status, "is invalid")

    def is_valid(self) -> bool:
        """True when :meth:`validate` would not raise."""
        try:
            self.validate()
        except MitchError:
            return False
        return True

    def pack(self) -> bytes:
        """The wire bytes of this value (validated by libmitch)."""
        out = self._OUT()
        status = self._ENCODE(self.to_ffi(), out, self._SIZE)
        if status:
            raise self._fail(status, "cannot be encoded")
        return out.raw  # type: ignore[no-any-return]

    @classmethod
    def unpack(cls: Type[B], data: Any, offset: int = 0) -> B:
        """Decode one value from ``data`` (any bytes-like object) at
        ``offset``; libmitch validates it.  Extra bytes after it are ignored."""
        s = cls._STRUCT()
        if type(data) is bytes and offset is AT_START:
            status = cls._DECODE(data, len(data), s)
        else:
            with pinned(data) as (address, size):
                offset, left = check_span(size, offset)
                status = cls._DECODE(address + offset, left, s)
        if status:
            raise _diagnose.wire_error(cls, status, data, offset)
        return cls._from_struct(s)


def annotation_type(cls: Any, annotation: Any) -> Any:
    """The object a field annotation names: annotations are text (``from
    __future__ import annotations``), found in the class's module."""
    if isinstance(annotation, str):
        return sys.modules[cls.__module__].__dict__.get(annotation)
    return annotation


def _maker(cls: Any) -> Callable[[Tuple[Any, ...]], Any]:
    """A function making an instance of ``cls`` from its struct members'
    values (struct order, as libmitch decoded them: enumerated ones are
    ints) in one unpacking assignment.  It is generated, as dataclasses
    generates ``__init__``, because the decoders call it once per body: a
    loop of setattr costs seven times as much."""
    names = cls._HOST_NAMES
    enums = [name for name, _ in cls._ENUMS]
    # enumerated members go through a local (v_side), not back through the
    # object: two attribute reads fewer per member
    targets = ["v_" + n if n in enums else "obj." + n for n in names]
    lines = ["def make(values):", "    obj = new(cls)", "    %s, = values" % ", ".join(targets)]
    scope: Dict[str, Any] = {"new": _new, "cls": cls}
    for i, name in enumerate(enums):
        kind = annotation_type(cls, field_types(cls)[name])
        scope["members%d" % i] = by_value(kind)
        lines.append("    obj.{0} = members{1}.get(v_{0}, v_{0})".format(name, i))
    lines.append("    return obj")
    exec("\n".join(lines), scope)  # noqa: S102 - from the layout's member names
    return scope["make"]  # type: ignore[no-any-return]


def _bytes_keep_structs_aligned() -> bool:
    """Whether the data of a ``bytes`` object is aligned for any libmitch
    struct (8 bytes), so that a struct's image built as bytes can be handed
    to C as the struct itself.  CPython's allocator aligns its blocks to 8
    or 16 bytes and a bytes object's data starts 16 or 32 bytes in; another
    implementation may not, and then pack() goes through a ctypes struct."""
    from ctypes import c_char_p, c_void_p as void_p, cast
    probes = [bytes(n) for n in (1, 25, 32, 40, 64, 2072, 5000)]
    return all((cast(c_char_p(p), void_p).value or 0) % 8 == 0 for p in probes)


#: See _bytes_keep_structs_aligned (probed once: a property of the runtime).
_BYTES_ALIGNED = _bytes_keep_structs_aligned()


def _packer(cls: Any) -> Callable[[Any], bytes]:
    """``pack()`` of ``cls`` (one whose ``to_ffi`` is the plain one), as
    ``to_ffi`` then ``mitch_<layout>_encode`` but cheaper: the members are
    read one by one (no getter, no argument tuple) into the bytes of the
    struct by one ``struct`` call, which checks every width (a failure
    raises the exact error of ``to_ffi``), and those bytes go to the C
    function as its input pointer (it only reads them, and _BYTES_ALIGNED
    says they are aligned for it): no ctypes struct.
    Generated, as ``_maker``, because Trade.pack() is a hot call."""
    scope: Dict[str, Any] = {
        "wire": host_struct(cls._STRUCT, cls._HOST_NAMES, whole=True).pack,
        "error": struct.error, "out_type": cls._OUT, "size": cls._SIZE,
        "encode": lib.alias("mitch_%s_encode" % cls._LAYOUT, c_int32,
                            [c_void_p, c_void_p, c_size_t])}
    lines = ["def pack(self):",
             "    try:",
             "        data = wire(%s)" % ", ".join("self." + n for n in cls._HOST_NAMES),
             "    except (error, TypeError, OverflowError, ValueError):",
             "        raise self._width_error() from None",
             "    out = out_type()",
             "    status = encode(data, out, size)",
             "    if status:",
             "        raise self._fail(status, 'cannot be encoded')",
             "    return out.raw"]
    exec("\n".join(lines), scope)  # noqa: S102 - from the layout's member names
    scope["pack"].__doc__ = _Body.pack.__doc__
    scope["pack"].__qualname__ = cls.__qualname__ + ".pack"
    return scope["pack"]  # type: ignore[no-any-return]


def _pack_on_first_use(cls: Any) -> Callable[[Any], bytes]:
    """A ``pack()`` that replaces itself on ``cls`` by ``_packer(cls)`` when
    first called (building it costs import time otherwise).  Two threads
    may build it at once: both get an equal function, and one is kept."""
    def pack(self: Any) -> bytes:
        fn = _packer(cls)
        setattr(cls, "pack", fn)
        return fn(self)
    pack.__doc__ = _Body.pack.__doc__
    pack.__qualname__ = cls.__qualname__ + ".pack"
    return pack


#: Body classes by layout name, filled as the classes below are defined.
_CLASSES_BY_LAYOUT: Dict[str, Any] = {}


def bind(cls: Type[B], layout: str, type_byte: int, size: int,
         sample: Optional[Dict[str, Any]] = None,
         member_names: Optional[Tuple[str, ...]] = None) -> Type[B]:
    """Attach to ``cls`` (a slotted dataclass) its struct, C functions and
    converters, all named after ``layout`` (``mitch_<layout>_decode`` ...)."""
    fields = field_names(cls)
    cls._LAYOUT = layout
    cls._STRUCT = _ffi.STRUCTS["mitch_" + layout]
    cls._TYPE = type_byte
    cls._SIZE = size
    cls._OUT = c_char * size  # the output buffer type of pack()
    cls._VALIDATE = getattr(lib, "mitch_%s_validate" % layout)
    cls._ENCODE = getattr(lib, "mitch_%s_encode" % layout)
    cls._DECODE = getattr(lib, "mitch_%s_decode" % layout)
    names = member_names or tuple(n for n, _ in cls._STRUCT._fields_ if n in fields)
    cls._HOST_NAMES = tuple(sorted(names, key=lambda n: int(getattr(cls._STRUCT, n).offset)))
    cls._HOST = host_struct(cls._STRUCT, cls._HOST_NAMES)
    cls._ROWS = host_struct(cls._STRUCT, cls._HOST_NAMES, whole=True).iter_unpack
    cls._GET = attrgetter(*cls._HOST_NAMES)
    cls._FIELD_NAMES = fields
    kinds = [(name, annotation_type(cls, note)) for name, note in field_types(cls).items()]
    cls._ENUMS = tuple((name, _enum_converter(kind, name)) for name, kind in kinds
                       if isinstance(kind, type) and issubclass(kind, enum.IntEnum))
    cls._MAKE = _maker(cls)
    if cls.to_ffi is _Body.to_ffi and cls.pack is _Body.pack and _BYTES_ALIGNED:
        setattr(cls, "pack", _pack_on_first_use(cls))
    if sample is not None:
        cls._SAMPLE = cls(**sample)
    if type_byte:
        _CLASSES_BY_LAYOUT[layout] = cls
    return cls


def _body(name: str, sample: Dict[str, Any]) -> Callable[[Type[B]], Type[B]]:
    """Class decorator: slotted dataclass bound to the body layout ``name``
    (its type byte and wire size come from the library's table)."""
    def decorate(cls: Type[B]) -> Type[B]:
        entry = layout(name)
        return bind(slotted(cls), name, entry.message_type, entry.wire_size, sample)
    return decorate


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------


def _header(cls: Type[B]) -> Type[B]:
    """Class decorator of Header: slotted, bound to the layout "header"."""
    bound = bind(slotted(cls), "header", 0, HEADER_SIZE)
    bound._SAMPLE = bound(MessageType.TRADE, 0, 1)  # type: ignore[call-arg]
    return bound


@_header
@dataclass(repr=False)
class Header(_Body):
    """The 8-byte message header: type, timestamp (ns since midnight UTC,
    < 2**48) and the number of bodies that follow (1..255)."""

    message_type: MessageType
    timestamp: int
    count: int

    @property
    def body_size(self) -> int:
        """Size of one body of this header's type (libmitch)."""
        size = c_size_t()
        status = lib.mitch_body_size(message_type_byte(self.message_type), byref(size))
        if status:
            raise exception_for_status(status)(
                "header type %s: %s" % (shorten(self.message_type), _ffi.strerror(status)),
                status=status, field="message_type")
        return size.value

    @property
    def message_size(self) -> int:
        """Size of the whole message: header plus ``count`` bodies (libmitch)."""
        size = c_size_t()
        status = lib.mitch_calculate_message_size(
            message_type_byte(self.message_type), as_int(self.count, "u8", "Header.count"),
            byref(size))
        if status:
            raise exception_for_status(status)(
                "%r: %s" % (self, _ffi.strerror(status)), status=status)
        return size.value




# ---------------------------------------------------------------------------
# Trade, order, tick, index
# ---------------------------------------------------------------------------


@_body("trade", dict(ticker_id=1, price=1.0, quantity=1, trade_id=1))
@dataclass(repr=False)
class Trade(_Body):
    """Trade body (``t``, 32 bytes): an executed trade."""

    ticker_id: int
    price: float
    quantity: int
    trade_id: int
    side: OrderSide = OrderSide.BUY


@_body("order", dict(ticker_id=1, order_id=1, price=1.0, quantity=1))
@dataclass(repr=False)
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


@dataclass
class TickMetrics:
    """Derived values of a tick (computed by libmitch)."""

    mid: float
    spread: float
    spread_bps: float
    imbalance: float
    total_volume: int


@_body("tick", dict(ticker_id=1, bid_price=1.0, ask_price=1.0))
@dataclass(repr=False)
class Tick(_Body):
    """Tick body (``s``, 32 bytes): a top-of-book snapshot."""

    ticker_id: int
    bid_price: float
    ask_price: float
    bid_volume: int = 0
    ask_volume: int = 0

    def metrics(self) -> TickMetrics:
        """Mid, spread, spread in basis points, volume imbalance and total
        volume, from libmitch (works on any tick, crossed ones too)."""
        m = _ffi.TickMetricsStruct()
        status = lib.mitch_tick_metrics_get(self.to_ffi(), m)
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


@_body("index", dict(ticker_id=1, mid=1.0))
@dataclass(repr=False)
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

    def metrics(self) -> IndexMetrics:
        """Best/worst bid and ask prices, mean spread, force fractions and the
        confidence band, from libmitch."""
        m = _ffi.IndexMetricsStruct()
        status = lib.mitch_index_metrics_get(self.to_ffi(), m)
        if status:
            raise self._fail(status, "has no metrics")
        band = string_at(m.confidence_band).decode("ascii") if m.confidence_band else ""
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


# ---------------------------------------------------------------------------
# Body classes by type
# ---------------------------------------------------------------------------


def body_classes() -> Dict[int, Any]:
    """Body dataclass by type byte, for every body type of the library's
    layout table that this package has a class for."""
    return {entry.message_type: _CLASSES_BY_LAYOUT[entry.name] for entry in body_layouts()
            if entry.name in _CLASSES_BY_LAYOUT}


def body_class(message_type: Any) -> Any:
    """The body dataclass of a message type (InvalidMessageTypeError for a
    byte that is not a body type)."""
    if isinstance(message_type, type) and issubclass(message_type, _Body) \
            and message_type._TYPE:
        return message_type
    byte = message_type_byte(message_type)
    cls = body_classes().get(byte)
    if cls is None:
        status = lib.mitch_body_size(byte, byref(c_size_t())) or 2
        if status == 0:  # a body type of a newer libmitch
            raise exception_for_status(2)(
                "message type %s: libmitch knows it, this mitch package has no class for it"
                % shorten(message_type, 20), status=2, field="message_type")
        raise exception_for_status(status)(
            "message type %s: %s" % (shorten(message_type, 20), _ffi.strerror(status)),
            status=status, field="message_type")
    return cls

