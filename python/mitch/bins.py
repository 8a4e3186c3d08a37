"""Order-book bins and index confidence bands (tables and arithmetic live in
libmitch)."""

from __future__ import annotations

from ctypes import POINTER, byref, c_double, c_uint

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Tuple

from . import _ffi
from .exceptions import InvalidFieldValueError, exception_for_status
from .layouts import BINS_PER_SIDE
from ._convert import as_float, as_int, shorten

__all__ = ["bin_table", "bin_aggregator_name", "bin_price_range", "bin_for_price",
           "confidence_band"]

lib = _ffi.lib


def _raise(status: int, what: str) -> None:
    raise exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                       status=status)


def bin_table(aggregator: int) -> Tuple[float, ...]:
    """The 128 bin ends of an aggregator, in percent of mid (0.00001 means
    1e-7 of mid), non-decreasing."""
    ends = POINTER(c_double)()
    status = lib.mitch_bin_table(as_int(aggregator, "u8", "aggregator"), byref(ends))
    if status:
        _raise(status, "bin_table(%s)" % shorten(aggregator))
    return tuple(ends[:BINS_PER_SIDE])


def bin_aggregator_name(aggregator: int) -> str:
    """``"DEFAULT_LINGAUSSIAN"`` ... for 0..3."""
    name = lib.mitch_bin_aggregator_name(as_int(aggregator, "u8", "aggregator"))
    if name is None:
        raise InvalidFieldValueError("bin aggregator %s is not one of 0..3" % shorten(aggregator),
                                     status=6, field="bin_aggregator")
    return str(name.decode("ascii"))


def bin_price_range(mid: float, aggregator: int, side: int, index: int) -> Tuple[float, float]:
    """(start, end) prices of bin ``index`` (0..127) on ``side`` (BookSide)
    of a book with mid price ``mid``; start is the edge nearer mid."""
    start, end = c_double(), c_double()
    status = lib.mitch_bin_price_range(as_float(mid, "mid"),
                                       as_int(aggregator, "u8", "aggregator"),
                                       as_int(side, "i32", "side"),
                                       as_int(index, "u32", "index"), byref(start),
                                       byref(end))
    if status:
        _raise(status, "bin_price_range(%s, %s, %s, %s)" % (
            shorten(mid), shorten(aggregator), shorten(side), shorten(index)))
    return start.value, end.value


def bin_for_price(mid: float, aggregator: int, side: int, price: float) -> int:
    """The bin (0..127) of ``side`` that ``price`` falls into."""
    out = c_uint()
    status = lib.mitch_bin_for_price(as_float(mid, "mid"),
                                     as_int(aggregator, "u8", "aggregator"),
                                     as_int(side, "i32", "side"),
                                     as_float(price, "price"), byref(out))
    if status:
        _raise(status, "bin_for_price(%s, %s, %s, %s)" % (
            shorten(mid), shorten(aggregator), shorten(side), shorten(price)))
    return out.value


def confidence_band(confidence: int) -> str:
    """The band of an index confidence value (0..100): "very high", "high",
    "medium", "medium-low", "low" or "very low"."""
    band = lib.mitch_confidence_band(as_int(confidence, "u8", "confidence"))
    if band is None:
        raise InvalidFieldValueError("confidence %s is above 100" % shorten(confidence), status=6,
                                     field="confidence")
    return str(band.decode("ascii"))
