"""Exceptions for values and bytes libmitch refused: which field, which rule,
where.

The hot paths call the plain libmitch function and come here only when it
failed: the matching check function of libmitch (``mitch_check_values``,
``mitch_check_wire``, ``mitch_check_stream``) says which item, field and
rule, and fills a ``mitch_error`` whose text is one English line that never
quotes the input.  Python adds only where the item sits in the caller's
data.
"""

from __future__ import annotations

from ctypes import byref, string_at

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Optional

from . import _ffi
from ._buffer import pinned
from ._convert import check_span
from .exceptions import MitchError, StreamInfo, exception_for_status

lib = _ffi.lib
_Error = _ffi.ErrorStruct


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8", "replace") if value else ""


def _c_string(address: Optional[int]) -> str:
    """The text at a ``const char *`` member (constant storage of the library)."""
    return _text(string_at(address)) if address else ""


def from_error(err: Any, what: str, status: int, base: int = 0,
               index: Optional[int] = None, offset: Optional[int] = None) -> MitchError:
    """The exception of a filled ``mitch_error``: ``what`` says which call
    or item, ``base`` is added to the error's byte offset (the position of
    the checked bytes in the caller's buffer); ``index``/``offset``, when
    given, replace the error's own."""
    if err.status == 0:  # the check disagrees with the fast path: say only what C said
        return exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                            status=status, index=index, offset=offset)
    text = _text(err.text) or _ffi.strerror(err.status)
    return exception_for_status(err.status)(
        "%s: %s" % (what, text), status=err.status,
        field=_c_string(err.field_name) or None,
        other_field=_c_string(err.other_name) or None,
        rule=_c_string(err.rule) or None,
        index=err.index if index is None else index,
        offset=base + err.offset if offset is None else offset)


def value_error(obj: Any, status: int, action: str) -> MitchError:
    """The exception for a body or header dataclass libmitch refused."""
    return values_error(type(obj), obj.to_ffi(), 1, status, "%s %s" % (type(obj).__name__,
                                                                        action))


def values_error(cls: Any, values: Any, n: int, status: int, what: str) -> MitchError:
    """The exception for ``n`` structs of ``cls`` (a ctypes object or an
    address) libmitch refused; ``index`` is the bad one."""
    err = _Error()
    lib.mitch_check_values(cls._TYPE, values if isinstance(values, int) else byref(values), n,
                           byref(err))
    return from_error(err, what, status, offset=None)


def wire_error(cls: Any, status: int, data: Any, offset: int,
               at: Optional[int] = None, n: int = 1, index: Optional[int] = None
               ) -> MitchError:
    """The exception for ``n`` consecutive bodies of ``cls`` (or one header)
    libmitch refused to decode from ``data`` at ``offset``; ``at`` is the
    offset reported for them (default ``offset``)."""
    err = _Error()
    with pinned(data) as (address, size):
        # the caller's offset passed check_span already; this makes a numpy
        # integer a plain int so ctypes can add it to an address
        offset, left = check_span(size, offset)
        lib.mitch_check_wire(cls._TYPE, address + offset, left, n, byref(err))
    where = offset if at is None else at
    name = "Header" if not cls._TYPE else cls.__name__ + " body"
    if err.status == 0:
        return exception_for_status(status)(
            "%s at offset %d: %s" % (name, where, _ffi.strerror(status)), status=status,
            offset=where, index=index)
    return from_error(err, "%s at offset %d" % (name, where + err.index * cls._SIZE), status,
                      base=where, index=err.index if index is None else index)


def stream_error(status: int, data: Any, what: str, only_type: int = 0,
                 base: int = 0) -> MitchError:
    """The exception for a stream of messages libmitch refused (framing or a
    body), with ``info`` saying how far the valid prefix reached; ``base``
    is added to every offset (the position of ``data`` in a longer stream)."""
    err = _Error()
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        check = lib.mitch_check_stream(address, size, only_type, byref(info), byref(err))
    if check == 0:
        exc = exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                           status=status)
    else:
        exc = from_error(err, "%s: message at offset %d" % (what, base + err.message_offset),
                         status, base=base)
        if base:  # err.index counts the messages of ``data``, not of the stream
            exc.index = None
    exc.info = StreamInfo(int(info.messages), int(info.bodies), base + int(info.error_offset),
                          base + int(info.message_offset))
    return exc
