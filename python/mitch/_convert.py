"""Python values as C values: type and width checks, offsets, and short
descriptions of inputs for error texts.

Only the form of a value is checked here (an integer where an integer
belongs, one that fits its C type); whether a value is *valid* is libmitch's
call.  A ctypes ``c_uint32`` would silently cut ``2**32`` to ``0``, which is
why widths are checked before any call.
"""

from __future__ import annotations

import enum
import operator

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Tuple

from .exceptions import BufferTooSmallError, FieldOverflowError, MitchTypeError

#: How many characters of an input an error text quotes at most.
QUOTE_LIMIT = 80

#: (low, high, name) of every integer width the package passes to C.
WIDTHS: Dict[str, Tuple[int, int]] = {
    "u8": (0, 0xFF), "u16": (0, 0xFFFF), "u32": (0, 0xFFFFFFFF),
    "u48": (0, 0xFFFFFFFFFFFF), "u64": (0, 0xFFFFFFFFFFFFFFFF),
    "i8": (-0x80, 0x7F), "i16": (-0x8000, 0x7FFF), "i32": (-0x80000000, 0x7FFFFFFF),
    "size": (0, 0xFFFFFFFFFFFFFFFF),
}


def shorten(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """A description of ``value`` for an error text, never longer than
    about ``limit`` characters and never expensive to build: long text and
    bytes are cut, buffers and containers are described by type and size
    (``repr`` of a 300 MB buffer would take seconds and a gigabyte)."""
    if value is None or isinstance(value, (bool, float, enum.Enum)):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > 4 * limit:  # str() of a huge int is slow, and capped
            return "an integer of %d bits" % value.bit_length()
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "..."
    if isinstance(value, (str, bytes, bytearray)):
        if len(value) <= limit:
            return repr(value)
        what = "characters" if isinstance(value, str) else "bytes"
        return "%s... (%d %s)" % (repr(value[:limit])[:limit + 3], len(value), what)
    if isinstance(value, memoryview):
        return "<memoryview of %d bytes>" % value.nbytes
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return "<%s of %d items>" % (type(value).__name__, len(value))
    nbytes = getattr(value, "nbytes", None)
    if isinstance(nbytes, int):
        return "<%s of %d bytes>" % (type(value).__name__, nbytes)
    return "<%s object>" % type(value).__name__


def type_name(value: Any) -> str:
    """The type of ``value`` as an error text names it."""
    return type(value).__name__


def as_int(value: Any, width: str, what: str) -> int:
    """``value`` as an int that fits ``width`` (a key of :data:`WIDTHS`).

    Integers and objects with ``__index__`` (IntEnum members, numpy
    integers) are accepted; anything else - floats included: 1.5 is never
    cut to 1 - is a :class:`MitchTypeError`; a value outside the width is a
    :class:`FieldOverflowError` naming ``what``.
    """
    try:
        v = operator.index(value)
    except TypeError:
        raise MitchTypeError("%s must be an integer, not %s" % (what, type_name(value)),
                             field=what.rpartition(".")[2]) from None
    lo, hi = WIDTHS[width]
    if v < lo or v > hi:
        raise FieldOverflowError("%s %s does not fit %s (%d..%d)"
                                 % (what, shorten(v), width, lo, hi),
                                 field=what.rpartition(".")[2], rule="fits %s" % width)
    return v


def as_float(value: Any, what: str) -> float:
    """``value`` as a float.  Text and other non-numbers are a
    :class:`MitchTypeError`; an integer too large for a double a
    :class:`FieldOverflowError`.  NaN and infinities pass through: libmitch
    decides whether they are valid."""
    if type(value) is float:
        return value
    if isinstance(value, (str, bytes, bytearray)) or not hasattr(value, "__float__"):
        raise MitchTypeError("%s must be a number, not %s" % (what, type_name(value)),
                             field=what.rpartition(".")[2])
    try:
        return float(value)
    except OverflowError:
        raise FieldOverflowError("%s %s does not fit a double" % (what, shorten(value)),
                                 field=what.rpartition(".")[2],
                                 rule="fits a double") from None


def as_index(value: Any, what: str) -> int:
    """A count, length or offset: a non-negative int, never a bool or float
    (``True`` is not taken as 1)."""
    if type(value) is not int:
        if isinstance(value, bool) or not hasattr(value, "__index__"):
            raise MitchTypeError("%s must be an int, not %s" % (what, type_name(value)),
                                 field=what)
        value = operator.index(value)
    if value < 0:
        raise BufferTooSmallError("%s %d is negative" % (what, value), field=what)
    return int(value)


def check_span(size: int, offset: Any) -> Tuple[int, int]:
    """Validate ``offset`` into a buffer of ``size`` bytes: (offset as an
    int, the bytes left after it)."""
    if type(offset) is not int:
        if isinstance(offset, bool) or not hasattr(offset, "__index__"):
            raise MitchTypeError("offset must be an int, not %s" % type_name(offset),
                                 field="offset")
        offset = operator.index(offset)
    if offset < 0 or offset > size:
        raise BufferTooSmallError("offset %d is outside the %d-byte buffer"
                                  % (offset, size), offset=offset)
    return offset, size - offset
