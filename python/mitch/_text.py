"""Text arguments for libmitch: NUL-terminated byte strings."""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Optional

from . import _ffi
from .exceptions import InvalidDataError, MitchTypeError


def c_text(value: Any, what: str) -> Optional[bytes]:
    """``value`` (str or bytes-like) as the bytes C receives.

    ``str`` is encoded as UTF-8; a ``str`` that cannot be (lone surrogates)
    and text containing a NUL byte (which C would silently cut there) are
    InvalidDataError.  Bytes are passed as they are: libmitch compares
    invalid UTF-8 byte-wise.  ``None`` becomes a NULL pointer, which libmitch
    reports as MITCH_ERR_INVALID_DATA.
    """
    if type(value) is str:  # the common case first
        try:
            data = value.encode("utf-8")
        except UnicodeEncodeError as err:
            raise InvalidDataError("%s is not encodable as UTF-8 (character %d)"
                                   % (what, err.start), field=what) from None
    elif value is None:
        return None
    elif isinstance(value, str):
        return c_text(str(value), what)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
    else:
        raise MitchTypeError("%s must be str or bytes, not %s" % (what, type(value).__name__),
                             field=what)
    if b"\0" in data:
        raise InvalidDataError("%s contains a NUL byte at offset %d" % (what, data.index(b"\0")),
                               field=what, offset=data.index(b"\0"))
    return data


def c_query(value: Any, what: str) -> Optional[bytes]:
    """A registry query as :func:`c_text`; longer than the
    ``MITCH_QUERY_MAX`` bytes libmitch reads, it is refused here, with that
    rule, before anything is copied or searched."""
    if isinstance(value, (str, bytes, bytearray, memoryview)) and \
            len(value) > _ffi.QUERY_MAX:
        size = len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) \
            else len(value)
        if size > _ffi.QUERY_MAX:
            raise InvalidDataError("%s is %d bytes long; queries longer than %d bytes are "
                                   "refused (MITCH_QUERY_MAX)" % (what, size, _ffi.QUERY_MAX),
                                   field=what, rule="at most %d bytes" % _ffi.QUERY_MAX)
    return c_text(value, what)


def from_c(value: Optional[bytes]) -> str:
    """Text libmitch handed out (UTF-8)."""
    return value.decode("utf-8") if value else ""
