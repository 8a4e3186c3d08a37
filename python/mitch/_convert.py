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
    from typing import Any, Dict, List, Optional, Tuple

from .exceptions import BufferTooSmallError, FieldOverflowError, MitchTypeError

#: The offset of the fast paths: ``offset is AT_START`` is how they test
#: for the default offset, because ``offset == 0`` on a numpy array is an
#: array whose truth value raises.  CPython keeps one object for the int 0,
#: so every 0 is this object; where that does not hold the slow path, which
#: checks the offset fully, is taken instead: slower, never wrong.
AT_START = 0

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


def integer_or_none(value: Any) -> Optional[int]:
    """``operator.index(value)``, or None where that fails: besides the
    non-integers, objects that claim ``__index__`` but refuse it (a numpy
    array of more than one element raises TypeError from it)."""
    try:
        return operator.index(value)
    except TypeError:
        return None


def as_int(value: Any, width: str, what: str) -> int:
    """``value`` as an int that fits ``width`` (a key of :data:`WIDTHS`).

    Integers and objects with ``__index__`` (IntEnum members, numpy
    integers) are accepted; anything else - floats included: 1.5 is never
    cut to 1 - is a :class:`MitchTypeError`; a value outside the width is a
    :class:`FieldOverflowError` naming ``what``.
    """
    v = integer_or_none(value)
    if v is None:
        raise MitchTypeError("%s must be an integer, not %s" % (what, type_name(value)),
                             field=what.rpartition(".")[2])
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
    except (TypeError, ValueError):  # a __float__ that refuses (a numpy array, a record)
        raise MitchTypeError("%s must be a number, not %s" % (what, shorten(value)),
                             field=what.rpartition(".")[2]) from None


def as_index(value: Any, what: str) -> int:
    """A count, length or offset: a non-negative int, never a bool or float
    (``True`` is not taken as 1)."""
    if type(value) is not int:
        number = None if isinstance(value, bool) else integer_or_none(value)
        if number is None:
            raise MitchTypeError("%s must be an int, not %s" % (what, type_name(value)),
                                 field=what)
        value = number
    if value < 0:
        raise BufferTooSmallError("%s %d is negative" % (what, value), field=what)
    return int(value)


def check_span(size: int, offset: Any) -> Tuple[int, int]:
    """Validate ``offset`` into a buffer of ``size`` bytes: (offset as an
    int, the bytes left after it)."""
    if type(offset) is not int:
        number = None if isinstance(offset, bool) else integer_or_none(offset)
        if number is None:
            raise MitchTypeError("offset must be an int, not %s" % type_name(offset),
                                 field="offset")
        offset = number
    if offset < 0 or offset > size:
        raise BufferTooSmallError("offset %d is outside the %d-byte buffer"
                                  % (offset, size), offset=offset)
    return offset, size - offset


def as_flag(value: Any, what: str) -> bool:
    """A yes/no argument: anything with a truth value but a container (an
    array's truth is ambiguous or deprecated, numpy's error would not say
    which argument it was, and a list or text as a flag is a slip)."""
    if value is True or value is False:
        return value
    if not hasattr(value, "__len__"):
        try:
            return bool(value)
        except (TypeError, ValueError):
            pass
    raise MitchTypeError("%s must be true or false, not %s" % (what, shorten(value)),
                         field=what)


def as_list(values: Any, what: str) -> List[Any]:
    """A list of the elements of ``values``, any iterable but text, bytes
    and scalars (``str`` would iterate as characters, ``bytes`` as ints)."""
    if type(values) is list:
        return values
    if isinstance(values, (str, bytes, bytearray, memoryview)) or \
            not hasattr(values, "__iter__"):
        raise MitchTypeError("%s must be a sequence, not %s" % (what, shorten(values)),
                             field=what)
    try:
        return list(values)
    except TypeError:  # a 0-d numpy array claims __iter__ and refuses it
        raise MitchTypeError("%s must be a sequence, not %s" % (what, shorten(values)),
                             field=what) from None


def require_struct(value: Any, struct_cls: Any, what: str) -> Any:
    """``value`` if it is a ``struct_cls`` (one of libmitch's ctypes
    structs), else a MitchTypeError: ``from_ffi`` takes a struct's members
    as libmitch wrote them, and the registry shares what it builds from
    them, so a look-alike object must not get that far."""
    if type(value) is not struct_cls:
        raise MitchTypeError("%s takes a %s, not %s" % (what, struct_cls.__name__,
                                                        type_name(value)), field="s")
    return value


def require_struct_array(value: Any, struct_cls: Any, n: Any, what: str) -> int:
    """``n`` as a count of the elements of ``value``, a ctypes array of
    ``struct_cls``; a MitchTypeError or BufferTooSmallError otherwise."""
    if getattr(type(value), "_type_", None) is not struct_cls or \
            not hasattr(type(value), "_length_"):
        raise MitchTypeError("%s takes an array of %s, not %s" % (
            what, struct_cls.__name__, type_name(value)), field="arr")
    count = as_index(n, "n")
    if count > len(value):
        raise BufferTooSmallError("%s: n %d is more than the %d structs of the array"
                                  % (what, count, len(value)), field="n")
    return count
