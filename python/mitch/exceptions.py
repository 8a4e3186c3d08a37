"""Exceptions: one class per libmitch status code, under :class:`MitchError`.

Every call into libmitch returns a status code; the package turns a non-zero
code into the matching exception.  The message says what was wrong and, where
the package knows it, which field (``exc.field``) or byte offset
(``exc.offset``) was to blame.  The codes are those of ``mitch.h`` and the
flat ABI (``ffi.md``); ``exc.status`` holds the number.

The classes also derive from the closest built-in exception (``ValueError``,
``LookupError``) so generic ``except ValueError`` code keeps working.
"""

from typing import Dict, Optional, Type

__all__ = [
    "MitchError",
    "InvalidDataError",
    "InvalidMessageTypeError",
    "BufferTooSmallError",
    "InvalidTickerIdError",
    "InvalidChannelIdError",
    "InvalidFieldValueError",
    "SerializationError",
    "NotFoundError",
    "UnknownError",
    "MissingSymbolError",
    "exception_for_status",
    "raise_for_status",
]


class MitchError(Exception):
    """Base class of every error libmitch reports.

    Attributes:
        status: the libmitch status code (``mitch.h``: ``MITCH_ERR_*``).
        field: the name of the offending field, when known, else ``None``.
        offset: the byte offset of the offending data in the caller's
            buffer, when known, else ``None``.
    """

    status = 99

    def __init__(self, message: str, *, status: Optional[int] = None,
                 field: Optional[str] = None, offset: Optional[int] = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.field = field
        self.offset = offset


class InvalidDataError(MitchError, ValueError):
    """Status 1: a required input is missing, text is invalid, or nothing matched
    (the flat ABI's "not found")."""

    status = 1


class InvalidMessageTypeError(MitchError, ValueError):
    """Status 2: the message type is not one of ``t o s i b``."""

    status = 2


class BufferTooSmallError(MitchError, ValueError):
    """Status 3: the input is shorter than the message it must hold, or an
    output buffer is too short."""

    status = 3


class InvalidTickerIdError(MitchError, ValueError):
    """Status 4: ticker-id validation failed (reserved type or class, or base
    equals quote)."""

    status = 4


class InvalidChannelIdError(MitchError, ValueError):
    """Status 5: a channel id fails validation."""

    status = 5


class InvalidFieldValueError(MitchError, ValueError):
    """Status 6: a field breaks a rule of the MITCH protocol, or does not fit
    the width of its wire field."""

    status = 6


class SerializationError(MitchError):
    """Status 7: encoding failed for another reason."""

    status = 7


class NotFoundError(MitchError, LookupError):
    """Status 9: no registry entry matches."""

    status = 9


class UnknownError(MitchError):
    """Status 99 or a code this package does not know."""

    status = 99


class MissingSymbolError(MitchError, NotImplementedError):
    """The loaded libmitch lacks a function this package wraps (an older or
    partial build of the library)."""

    status = 99


_BY_STATUS: Dict[int, Type[MitchError]] = {
    cls.status: cls
    for cls in (InvalidDataError, InvalidMessageTypeError, BufferTooSmallError,
                InvalidTickerIdError, InvalidChannelIdError, InvalidFieldValueError,
                SerializationError, NotFoundError, UnknownError)
}


def exception_for_status(status: int) -> Type[MitchError]:
    """The exception class for a libmitch status code (UnknownError for codes
    this package does not know)."""
    return _BY_STATUS.get(status, UnknownError)


def raise_for_status(status: int, message: str, *, field: Optional[str] = None,
                     offset: Optional[int] = None) -> None:
    """Raise the exception for a non-zero ``status``; return for 0."""
    if status:
        raise exception_for_status(status)(message, status=status, field=field,
                                           offset=offset)
