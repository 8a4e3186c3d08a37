"""Exceptions: one class per libmitch status code, under :class:`MitchError`.

Every call into libmitch returns a status code; the package turns a non-zero
code into the matching exception.  The message says what was wrong and, where
it is known, which field (``exc.field``), which rule (``exc.rule``) and which
byte offset (``exc.offset``) was to blame; ``exc.status`` holds the number.
The codes are those of ``mitch.h`` and the flat ABI (``ffi.md``).

Every class also derives from the matching built-in exception, so generic
code keeps working: a value libmitch rejects is a ``ValueError``, a value too
wide for its C field also an ``OverflowError``, an argument of the wrong
Python type a ``TypeError`` (:class:`MitchTypeError`), a registry miss a
``LookupError``.  Messages never quote more than about 80 characters of any
input.
"""

from __future__ import annotations

import operator

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Type
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

__all__ = [
    "MitchError",
    "InvalidDataError",
    "InvalidMessageTypeError",
    "BufferTooSmallError",
    "InvalidTickerIdError",
    "InvalidChannelIdError",
    "InvalidFieldValueError",
    "FieldOverflowError",
    "SerializationError",
    "NotFoundError",
    "UnknownError",
    "MissingSymbolError",
    "MitchTypeError",
    "ArgumentOrderError",
    "BufferLayoutError",
    "exception_for_status",
    "raise_for_status",
]


@dataclass
class StreamInfo:
    """What :func:`mitch.stream_validate` found in a buffer, and, on a stream
    call's exception (``exc.info``), how far the valid prefix reached:
    whole messages and bodies before the damage, the damaged byte and the
    damaged message's offset."""

    messages: int
    bodies: int
    error_offset: int = 0
    message_offset: int = 0


class MitchError(Exception):
    """Base class of every error the package raises.

    Attributes:
        status: the libmitch status code (``mitch.h``: ``MITCH_ERR_*``).
        field: the name of the offending field, when known, else ``None``.
        rule: the rule it broke, in words (``"must not be zero"``), when
            libmitch says, else ``None``.
        offset: the byte offset of the offending data in the caller's
            buffer, when known, else ``None``.
        index: which body (of a batch or array) or message (of a stream) is
            at fault, when known, else ``None``.
        other_field: the second field of a rule between two fields (a
            crossed tick: ``field="ask_price"``, ``other_field="bid_price"``).
        info: for stream calls, a :class:`mitch.StreamInfo` saying how far
            the valid prefix reached, else ``None``.
    """

    status = 99

    def __init__(self, message: str, *, status: Optional[int] = None,
                 field: Optional[str] = None, offset: Optional[int] = None,
                 rule: Optional[str] = None, index: Optional[int] = None,
                 other_field: Optional[str] = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.field = field
        self.offset = offset
        self.rule = rule
        self.index = index
        self.other_field = other_field
        self.info: Optional[Any] = None


class InvalidDataError(MitchError, ValueError):
    """Status 1: a required input is missing, text is invalid, or nothing matched
    (the flat ABI's "not found")."""

    status = 1


class InvalidMessageTypeError(MitchError, ValueError):
    """Status 2: the message type is not one of the protocol's body types."""

    status = 2


class BufferTooSmallError(MitchError, ValueError):
    """Status 3: the input is shorter than the message it must hold, an
    offset lies outside the buffer, or an output buffer is too short."""

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


class FieldOverflowError(InvalidFieldValueError, OverflowError):
    """Status 6: a number too large (or negative) for the C type of its field
    (``2**32`` for a u32 quantity, ``10**400`` for a double price)."""


class SerializationError(MitchError):
    """Status 7: encoding failed for another reason."""

    status = 7


class NotFoundError(MitchError, LookupError):
    """Status 9: no registry entry matches (or none good enough for the
    ``min_confidence`` or ``exact`` the caller asked for)."""

    status = 9


class UnknownError(MitchError):
    """Status 99 or a code this package does not know."""

    status = 99


class MissingSymbolError(MitchError, NotImplementedError):
    """The loaded libmitch lacks a function this package wraps (an older or
    partial build of the library)."""

    status = 99


class MitchTypeError(MitchError, TypeError):
    """An argument of the wrong Python type: text where a number belongs, a
    float offset, ``True`` as a count.  Status 1 (invalid data)."""

    status = 1


class ArgumentOrderError(MitchTypeError):
    """A call in the argument order of mitch before 1.1 (message type first).
    Every function of the package takes the data first and the message type
    second (``unpack(data, "t")``); :mod:`mitch.flat` keeps the C order."""


class BufferLayoutError(InvalidDataError, BufferError):
    """Status 1: a buffer whose bytes are not one C-contiguous block (a
    strided memoryview or numpy slice); copy it first (``bytes(view)``)."""


_BY_STATUS: Dict[int, Type[MitchError]] = {
    cls.status: cls
    for cls in (InvalidDataError, InvalidMessageTypeError, BufferTooSmallError,
                InvalidTickerIdError, InvalidChannelIdError, InvalidFieldValueError,
                SerializationError, NotFoundError, UnknownError)
}


def _status_code(status: Any) -> int:
    """``status`` as an int, or a MitchTypeError: a status code is a C int
    (or has ``__index__``), never a float or a container."""
    if type(status) is int:
        return status
    try:
        return operator.index(status)
    except TypeError:
        raise MitchTypeError("status must be an int, not %s" % type(status).__name__,
                             field="status") from None


def exception_for_status(status: int) -> Type[MitchError]:
    """The exception class for a libmitch status code (UnknownError for codes
    this package does not know)."""
    return _BY_STATUS.get(_status_code(status), UnknownError)


def raise_for_status(status: int, message: str, *, field: Optional[str] = None,
                     offset: Optional[int] = None) -> None:
    """Raise the exception for a non-zero ``status``; return for 0."""
    status = _status_code(status)
    if status:
        raise exception_for_status(status)(message, status=status, field=field,
                                           offset=offset)
