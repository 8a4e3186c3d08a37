"""Order books: the :class:`OrderBook` dataclass, its bins and their totals.

A side of a book is a list of 128 :class:`Bin` (count, volume) as users
expect, but a book decoded by libmitch keeps each side as the 1,024 raw
bytes of its C bins until the list is first read, and a side that is still
raw is copied as it is into the bytes of the C struct when the book is
packed: decoding, re-encoding and comparing books never builds 256 Python
objects.  A side given as a list is read by one generated function (no
loop: 256 attribute reads in one expression) and converted by one
``struct`` call, which also checks every width; only when that fails does
the slow loop run, to name the bin at fault.

For many books at once use the numpy path: ``mitch.decode_array(data, "b")``
gives a structured array whose ``bids``/``asks`` fields are (n, 128) arrays
of ``count``/``volume`` records, and ``mitch.encode_array`` takes them back.
"""

from __future__ import annotations

import array
import struct
from ctypes import (addressof, byref, c_int, c_size_t, c_uint64, c_void_p, sizeof,
                    string_at)

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, List, Sequence, Tuple, Union
    from dataclasses import dataclass, field
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass, field

from . import _ffi
from ._convert import as_int, as_list
from ._record import field_names
from .bodies import _BYTES_ALIGNED, _Body, _format_value, bind, slotted
from .bins import bin_for_price, bin_price_range
from .enums import BinAggregator, BookSide
from .exceptions import InvalidFieldValueError, MitchError, MitchTypeError
from .layouts import BIN_SIZE, BINS_PER_SIDE, layout

__all__ = ["Bin", "BookTotals", "OrderBook"]

_new = object.__new__
#: array type code of a C uint32 (the members of mitch_bin)
_U32 = next(code for code in "IL" if array.array(code).itemsize == 4)


@slotted
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


class _RawSide:
    """A side as the raw bytes of its 128 C bins (what libmitch decoded)."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data


_ZERO_SIDE = bytes(BINS_PER_SIDE * BIN_SIZE)


def _zero_side() -> Any:
    return _RawSide(_ZERO_SIDE)


def _side_values(bins: Sequence[Any], side: str) -> "array.array[int]":
    """The (count, volume) pairs of a side as 256 C uint32 values, bin by
    bin (the slow, exact path of :func:`_side_bytes`); the error names the
    bin and member at fault."""
    if len(bins) != BINS_PER_SIDE:
        raise InvalidFieldValueError(
            "OrderBook.%s has %d bins; a side has exactly %d" % (side, len(bins),
                                                                 BINS_PER_SIDE),
            field=side, rule="exactly %d bins" % BINS_PER_SIDE)
    values = array.array(_U32)
    for i, b in enumerate(bins):
        what = "OrderBook.%s[%d]" % (side, i)
        if isinstance(b, Bin):
            count, volume = b.count, b.volume
        else:
            try:
                count, volume = b
            except (TypeError, ValueError):
                raise MitchTypeError("%s must be a Bin or a (count, volume) pair, not %s"
                                     % (what, type(b).__name__), field=side) from None
        values.append(as_int(count, "u32", what + ".count"))
        values.append(as_int(volume, "u32", what + ".volume"))
    return values


#: The C bins of a side from their 256 values (checks each fits a uint32).
_SIDE_STRUCT = struct.Struct("=%d%s" % (2 * BINS_PER_SIDE, _U32))
_flat_side: Any = None


def _make_flat_side() -> Any:
    """``flat_side(bins)``: the count and volume of each of 128 bins, in C
    order, as one tuple.  Generated (as dataclasses generates ``__init__``)
    on the first pack of a list: one unpacking and one tuple display read
    the 256 attributes in half the time of two comprehensions and their
    interleaving.  Two threads may build it at once; both get the same."""
    global _flat_side
    names = ["b%d" % i for i in range(BINS_PER_SIDE)]
    source = "def flat_side(bins):\n    %s, = bins\n    return (%s)\n" % (
        ", ".join(names), ", ".join("%s.count, %s.volume" % (n, n) for n in names))
    scope: Dict[str, Any] = {}
    exec(compile(source, "<mitch.book flat_side>", "exec"), scope)  # noqa: S102
    _flat_side = scope["flat_side"]
    return _flat_side


def _side_bytes(bins: Sequence[Any], side: str) -> bytes:
    """The bytes of the 128 C bins of a side given as a list; the error
    (of the exact path) names the bin and member at fault."""
    if len(bins) == BINS_PER_SIDE:
        try:
            return _SIDE_STRUCT.pack(*(_flat_side or _make_flat_side())(bins))
        except (struct.error, TypeError, AttributeError):
            pass  # a pair, a wrong type or width: the exact error below
    return _side_values(bins, side).tobytes()


class _Side:
    """The ``bids``/``asks`` attribute: a list of Bin, built from the raw
    bytes on first read."""

    __slots__ = ("name", "list_slot", "raw_slot")

    def __init__(self, name: str) -> None:
        self.name = name
        self.list_slot = getattr(OrderBook, "_" + name)
        self.raw_slot = getattr(OrderBook, "_" + name + "_raw")

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        bins = self.list_slot.__get__(obj)
        if bins is None:
            values = array.array(_U32)
            values.frombytes(self.raw_slot.__get__(obj))
            bins = list(map(Bin, values[0::2], values[1::2]))
            self.list_slot.__set__(obj, bins)
            self.raw_slot.__set__(obj, None)
        return bins

    def __set__(self, obj: Any, value: Any) -> None:
        if type(value) is _RawSide:
            self.raw_slot.__set__(obj, value.data)
            self.list_slot.__set__(obj, None)
            return
        if not isinstance(value, list) or not all(type(b) is Bin for b in value):
            value = [b if isinstance(b, Bin) else _pair_to_bin(b, self.name, i)
                     for i, b in enumerate(as_list(value, "OrderBook." + self.name))]
        self.list_slot.__set__(obj, value)
        self.raw_slot.__set__(obj, None)

    def raw(self, obj: Any) -> bytes:
        """The side as the bytes of its C bins."""
        data = self.raw_slot.__get__(obj)
        if data is None:
            data = _side_bytes(self.list_slot.__get__(obj), self.name)
        return data  # type: ignore[no-any-return]


def _pair_to_bin(pair: Any, side: str, index: int) -> Bin:
    try:
        count, volume = pair
    except (TypeError, ValueError):
        raise MitchTypeError("OrderBook.%s[%d] must be a Bin or a (count, volume) pair, not %s"
                             % (side, index, type(pair).__name__), field=side) from None
    return Bin(count, volume)


@dataclass(repr=False, eq=False)
class OrderBook(_Body):
    """OrderBook body (``b``, 2072 bytes): depth in 128 bins per side around
    ``mid_price``; ``bin_aggregator`` picks the bin boundary table.  ``bids``
    and ``asks`` are lists of 128 :class:`Bin` ((count, volume) pairs are
    accepted)."""

    ticker_id: int
    mid_price: float
    bin_aggregator: BinAggregator = BinAggregator.LINGAUSSIAN
    bids: List[Bin] = field(default_factory=_zero_side)
    asks: List[Bin] = field(default_factory=_zero_side)

    def __repr__(self) -> str:
        parts = ["%s=%s" % (n, _format_value(n, getattr(self, n)))
                 for n in ("ticker_id", "mid_price", "bin_aggregator")]
        for name, side in (("bids", _BIDS), ("asks", _ASKS)):
            try:
                values = array.array(_U32)
                values.frombytes(side.raw(self))
                parts.append("%s=<%d bins, %d non-empty, volume %d>" % (
                    name, len(values) // 2,
                    sum(1 for c, v in zip(values[0::2], values[1::2]) if c or v),
                    sum(values[1::2])))
            except MitchError:
                parts.append("%s=<%d invalid bins>" % (name, len(getattr(self, name))))
        return "OrderBook(%s)" % ", ".join(parts)

    def __eq__(self, other: object) -> bool:
        if type(other) is not OrderBook:
            return NotImplemented
        if (self.ticker_id, self.mid_price, self.bin_aggregator) != \
                (other.ticker_id, other.mid_price, other.bin_aggregator):
            return False
        for side in (_BIDS, _ASKS):
            try:
                if side.raw(self) != side.raw(other):
                    return False
            except MitchError:  # not convertible: compare what the user gave
                if side.__get__(self) != side.__get__(other):
                    return False
        return True

    __hash__ = None  # type: ignore[assignment]

    def _struct_bytes(self) -> bytes:
        """The bytes of this book's ``mitch_order_book`` struct (checks the
        types and C widths of every member, the scalars first)."""
        try:
            head = _HEAD.pack(*self._GET(self))
        except (struct.error, TypeError, OverflowError, ValueError):
            raise self._width_error() from None
        return b"".join((head, _BIDS.raw(self), _ASKS.raw(self), _TAIL))

    def to_ffi(self) -> Any:
        """This book as a ``mitch_order_book`` struct."""
        return self._STRUCT.from_buffer_copy(self._struct_bytes())

    def pack(self) -> bytes:
        """The wire bytes of this book (validated by libmitch): the struct
        is built as bytes, handed to ``mitch_order_book_encode`` as is."""
        data = self._struct_bytes()
        out = self._OUT()
        if _BYTES_ALIGNED:
            status = _encode_bytes(data, out, _SIZE)
        else:  # the image copied into an aligned struct first
            status = self._ENCODE(self._STRUCT.from_buffer_copy(data), out, _SIZE)
        if status:
            raise self._fail(status, "cannot be encoded")
        return out.raw  # type: ignore[no-any-return]

    @classmethod
    def _from_struct(cls, s: Any) -> "OrderBook":
        """From a ``mitch_order_book`` struct libmitch has just filled
        (``from_ffi`` checks its type first)."""
        book = cls._make(cls._HOST.unpack_from(s))
        base = addressof(s)
        _BIDS.__set__(book, _RawSide(string_at(base + _BIDS_OFFSET, _SIDE_BYTES)))
        _ASKS.__set__(book, _RawSide(string_at(base + _ASKS_OFFSET, _SIDE_BYTES)))
        return book

    @classmethod
    def _from_array(cls, arr: Any, n: int) -> List["OrderBook"]:
        """The first ``n`` books of a ctypes array of them."""
        return [cls._from_struct(arr[i]) for i in range(n)]

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
        return bin_price_range(self.mid_price, self.bin_aggregator, side, index)

    def boundaries(self, side: Union[BookSide, int]) -> List[Tuple[float, float]]:
        """Price ranges of all 128 bins of ``side``."""
        return [self.bin_range(side, i) for i in range(BINS_PER_SIDE)]

    def bin_for_price(self, side: Union[BookSide, int], price: float) -> int:
        """The bin of ``side`` that ``price`` falls into."""
        return bin_for_price(self.mid_price, self.bin_aggregator, side, price)


def _slotted_book(cls: Any) -> Any:
    names = tuple(n for n in field_names(cls) if n not in ("bids", "asks"))
    body = {k: v for k, v in cls.__dict__.items()
            if k not in names and k not in ("__dict__", "__weakref__", "bids", "asks")}
    body["__slots__"] = names + ("_bids", "_bids_raw", "_asks", "_asks_raw")
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    return new


OrderBook = _slotted_book(OrderBook)  # type: ignore[misc]
_BIDS = _Side("bids")
_ASKS = _Side("asks")
OrderBook.bids = _BIDS  # type: ignore[assignment]
OrderBook.asks = _ASKS  # type: ignore[assignment]
_LAYOUT = layout("order_book")
bind(OrderBook, _LAYOUT.name, _LAYOUT.message_type, _LAYOUT.wire_size,
     dict(ticker_id=1, mid_price=1.0), member_names=tuple(
         f.name for f in _LAYOUT.fields if f.struct_offset is not None and f.kind != "bins"))
_BIDS_OFFSET = _ffi.OrderBookStruct.bids.offset
_ASKS_OFFSET = _ffi.OrderBookStruct.asks.offset
_SIDE_BYTES = BINS_PER_SIDE * BIN_SIZE
_SIZE = OrderBook._SIZE
if _ASKS_OFFSET != _BIDS_OFFSET + _SIDE_BYTES or _BIDS_OFFSET < OrderBook._HOST.size:
    raise ImportError("mitch: mitch_order_book does not end with its bids and asks")
#: The struct's members before the bids (with the padding up to them), and
#: its padding after the asks.
_HEAD = struct.Struct(OrderBook._HOST.format + "%dx" % (_BIDS_OFFSET - OrderBook._HOST.size))
_TAIL = bytes(sizeof(_ffi.OrderBookStruct) - _ASKS_OFFSET - _SIDE_BYTES)
#: mitch_order_book_encode taking the struct as any pointer: the bytes of
#: ``_struct_bytes`` go in without a ctypes copy (libmitch only reads them).
_encode_bytes = _ffi.lib.alias("mitch_order_book_encode", c_int,
                               [c_void_p, c_void_p, c_size_t])

