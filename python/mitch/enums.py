"""The protocol's enumerations (values as in protocol.md and mitch.h), and
the one conversion every dataclass field and argument of an enumerated kind
goes through.

A value is accepted as a member, its number, or its name in any case
(``OrderSide.SELL``, ``1``, ``"sell"``); a number the protocol does not
define is kept as a plain int so that libmitch, which owns the rules,
rejects it with status 6 when the value is validated or packed.
"""

from __future__ import annotations

import enum

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Type, TypeVar, Union
    E = TypeVar("E", bound=enum.IntEnum)
    MessageTypeLike = Union["MessageType", int, str, bytes]

from ._convert import integer_or_none, shorten
from .exceptions import InvalidFieldValueError, InvalidMessageTypeError, MitchTypeError

__all__ = [
    "MessageType", "OrderSide", "OrderType", "InstrumentType", "AssetClass",
    "BinAggregator", "BookSide", "message_type_byte",
]


class MessageType(enum.IntEnum):
    """Message type byte: the ASCII code of the body type.  (The package's
    tests check these members against the library's layout table.)"""

    TRADE = ord("t")
    ORDER = ord("o")
    TICK = ord("s")
    INDEX = ord("i")
    ORDER_BOOK = ord("b")

    @property
    def code(self) -> str:
        """The type as its one-character code (``"t"``)."""
        return chr(self.value)


class OrderSide(enum.IntEnum):
    """Trade aggressor side and order side."""

    BUY = 0
    SELL = 1


class OrderType(enum.IntEnum):
    """Order types (bits 1..7 of the order's type_and_side byte)."""

    MARKET = 0
    LIMIT = 1
    STOP = 2
    CANCEL = 3


class InstrumentType(enum.IntEnum):
    """Instrument types (bits 63..60 of a ticker id); 14 and 15 are reserved."""

    SPOT = 0
    FUTURE = 1
    FORWARD = 2
    SWAP = 3
    PERPETUAL_SWAP = 4
    CFD = 5
    CALL_OPTION = 6
    PUT_OPTION = 7
    DIGITAL_OPTION = 8
    BARRIER_OPTION = 9
    WARRANT = 10
    PREDICTION_CONTRACT = 11
    FUND_OR_TRUST = 12
    STRUCTURED_PRODUCT = 13
    RESERVED_14 = 14
    RESERVED_15 = 15


class AssetClass(enum.IntEnum):
    """Asset classes (4 bits); 14 and 15 are reserved.  Indices are class 10."""

    EQUITIES = 0
    CORPORATE_BONDS = 1
    SOVEREIGN_DEBT = 2
    FOREX = 3
    COMMODITIES = 4
    REAL_ESTATE = 5
    CRYPTO = 6
    PRIVATE_MARKETS = 7
    COLLECTIBLES = 8
    INFRASTRUCTURE = 9
    INDICES = 10
    STRUCTURED_PRODUCTS = 11
    CASH = 12
    LOANS = 13
    RESERVED_14 = 14
    RESERVED_15 = 15


class BinAggregator(enum.IntEnum):
    """Order-book bin aggregators: which boundary table the 128 bins use."""

    LINGAUSSIAN = 0
    LINGEOFLAT = 1
    BILINGEO = 2
    TRILINEAR = 3


class BookSide(enum.IntEnum):
    """Sides of an order book."""

    BID = 0
    ASK = 1


_BY_VALUE: Dict[Type[enum.IntEnum], Dict[int, Any]] = {}
_BY_NAME: Dict[Type[enum.IntEnum], Dict[str, Any]] = {}
for _cls in (MessageType, OrderSide, OrderType, InstrumentType, AssetClass, BinAggregator,
             BookSide):
    _BY_VALUE[_cls] = {m.value: m for m in _cls}
    _BY_NAME[_cls] = {m.name.lower(): m for m in _cls}
del _cls


def by_value(enum_cls: Type[E]) -> Dict[int, Any]:
    """number -> member of ``enum_cls`` (for fast conversions of decoded
    values: ``table.get(v, v)`` keeps an unknown number as it is)."""
    return _BY_VALUE[enum_cls]


def to_enum(enum_cls: Type[E], value: Any, what: str) -> Union[E, int]:
    """``value`` as a member of ``enum_cls``: a member, its number or its
    name (any case).  A number the enum does not define stays an int (the
    library rejects it later, with the rule); an unknown name is an
    :class:`InvalidFieldValueError`, anything else a :class:`MitchTypeError`."""
    if type(value) is enum_cls:
        return value
    if isinstance(value, str):
        member = _BY_NAME[enum_cls].get(value.lower().replace(" ", "_").replace("-", "_"))
        if member is None:
            raise InvalidFieldValueError(
                "%s %s is not one of %s" % (what, shorten(value),
                                           ", ".join(_BY_NAME[enum_cls])),
                field=what, rule="one of " + "|".join(_BY_NAME[enum_cls]))
        return member  # type: ignore[no-any-return]
    number = None if isinstance(value, float) else integer_or_none(value)
    if number is None:
        raise MitchTypeError("%s must be a member of %s, its number or its name, not %s"
                             % (what, enum_cls.__name__, type(value).__name__), field=what)
    return _BY_VALUE[enum_cls].get(number, number)


def message_type_byte(value: Any) -> int:
    """The type byte of a message type given as a :class:`MessageType`, an
    int, a one-character ``str`` (``"t"``), a one-byte ``bytes`` or a body
    class (``mitch.Trade``).

    Only the form is checked here; whether the byte is a body type is
    libmitch's call (MITCH_ERR_INVALID_MESSAGE_TYPE).
    """
    if type(value) is str:
        if len(value) == 1 and ord(value) <= 0xFF:
            return ord(value)
        raise InvalidMessageTypeError("message type %s: expected one character"
                                      % shorten(value, 20), field="message_type")
    byte = getattr(value, "_TYPE", None)
    if isinstance(value, type) and type(byte) is int and byte:
        return byte  # a body class: Trade, Order ...
    if isinstance(value, (bytes, bytearray)):
        if len(value) != 1:
            raise InvalidMessageTypeError("message type %s: expected one byte"
                                          % shorten(value, 20), field="message_type")
        return value[0]
    number = None if isinstance(value, (bool, float)) else integer_or_none(value)
    if number is None:
        raise MitchTypeError("message type must be a MessageType, int, str or bytes, not %s"
                             % type(value).__name__, field="message_type")
    if not 0 <= number <= 0xFF:
        raise InvalidMessageTypeError("message type %s does not fit a byte" % shorten(number),
                                      field="message_type")
    return number


def looks_like_message_type(value: Any) -> bool:
    """True for the values :func:`message_type_byte` takes as a type (a
    member, a one-character str, a one-byte bytes, a body class) - used to
    recognise calls in the argument order of mitch before 1.1."""
    if isinstance(value, MessageType):
        return True
    if isinstance(value, str):
        return len(value) == 1
    if isinstance(value, (bytes, bytearray)):
        return len(value) == 1
    return isinstance(value, type) and bool(getattr(value, "_TYPE", 0))
