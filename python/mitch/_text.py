"""Text arguments for libmitch: NUL-terminated byte strings."""

from typing import Any, Optional

from .exceptions import InvalidDataError


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
            raise InvalidDataError("%s is not encodable as UTF-8: %s" % (what, err),
                                   status=1, field=what) from None
        if b"\0" in data:
            raise InvalidDataError("%s contains a NUL byte at offset %d"
                                   % (what, data.index(b"\0")), status=1, field=what,
                                   offset=data.index(b"\0"))
        return data
    if value is None:
        return None
    if isinstance(value, str):
        try:
            data = value.encode("utf-8")
        except UnicodeEncodeError as err:
            raise InvalidDataError("%s is not encodable as UTF-8: %s" % (what, err),
                                   status=1, field=what) from None
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
    else:
        raise TypeError("%s must be str or bytes, not %s" % (what, type(value).__name__))
    if b"\0" in data:
        raise InvalidDataError("%s contains a NUL byte at offset %d" % (what, data.index(b"\0")),
                               status=1, field=what, offset=data.index(b"\0"))
    return data


def from_c(value: Optional[bytes]) -> str:
    """Text libmitch handed out (UTF-8)."""
    return value.decode("utf-8") if value else ""
