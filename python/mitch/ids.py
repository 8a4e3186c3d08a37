"""Ticker ids, packed assets and channel ids (all computed by libmitch), and
the :class:`TickerFields` and :class:`Channel` values that describe them."""

from __future__ import annotations

from ctypes import byref, c_char, c_size_t, c_uint8, c_uint16, c_uint32, c_uint64

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, List, Sequence, Tuple, Union
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

from . import _ffi
from ._buffer import pinned
from ._convert import as_int, as_list, check_span, require_struct, shorten
from .bodies import _format_value, slotted
from .enums import (AssetClass, InstrumentType, MessageType, by_value, message_type_byte,
                    to_enum)
from .exceptions import InvalidChannelIdError, MitchError, MitchTypeError, exception_for_status

__all__ = [
    "TickerFields", "Channel",
    "create_ticker_id", "decode_ticker_id", "encode_ticker_ids", "decode_ticker_ids",
    "validate_ticker_id", "is_valid_ticker_id", "ticker_id_is_spot", "ticker_id_is_forex",
    "ticker_id_is_crypto", "ticker_id_is_equity", "ticker_id_forex", "ticker_id_crypto",
    "ticker_id_equity", "pack_asset", "unpack_asset", "create_channel", "channel_id",
    "validate_channel", "channel_decode", "pack_channel", "unpack_channel",
]

lib = _ffi.lib
_instrument_types = by_value(InstrumentType)
_asset_classes = by_value(AssetClass)
_message_types = by_value(MessageType)


def _error(status: int, what: str) -> MitchError:
    return exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                        status=status)


# -- ticker ids ---------------------------------------------------------------------

@slotted
@dataclass(repr=False)
class TickerFields:
    """The fields of a 64-bit ticker id (see :func:`mitch.create_ticker_id`)."""

    instrument_type: InstrumentType
    base_class: AssetClass
    base_id: int
    quote_class: AssetClass
    quote_id: int
    sub_type: int = 0

    def __post_init__(self) -> None:
        self.instrument_type = to_enum(InstrumentType, self.instrument_type,  # type: ignore
                                       "instrument_type")
        self.base_class = to_enum(AssetClass, self.base_class, "base_class")  # type: ignore
        self.quote_class = to_enum(AssetClass, self.quote_class, "quote_class")  # type: ignore

    def __repr__(self) -> str:
        return "TickerFields(%s)" % ", ".join(
            "%s=%s" % (n, _format_value(n, getattr(self, n))) for n in _TICKER_FIELD_NAMES)

    def to_ffi(self) -> Any:
        """As a ``mitch_ticker_fields`` struct (checks the C widths)."""
        return _ffi.TickerFieldsStruct(
            as_int(self.instrument_type, "u8", "instrument_type"),
            as_int(self.base_class, "u8", "base_class"), as_int(self.base_id, "u16", "base_id"),
            as_int(self.quote_class, "u8", "quote_class"),
            as_int(self.quote_id, "u16", "quote_id"), as_int(self.sub_type, "u32", "sub_type"))

    @classmethod
    def from_ffi(cls, s: Any) -> "TickerFields":
        """From a ``mitch_ticker_fields`` struct
        (``mitch._ffi.TickerFieldsStruct``); anything else is a
        MitchTypeError."""
        return cls._from_struct(require_struct(s, _ffi.TickerFieldsStruct,
                                               "TickerFields.from_ffi"))

    @classmethod
    def _from_struct(cls, s: Any) -> "TickerFields":
        """From a ``mitch_ticker_fields`` struct."""
        return cls(_instrument_types.get(s.instrument_type, s.instrument_type),
                   _asset_classes.get(s.base_class, s.base_class), s.base_id,
                   _asset_classes.get(s.quote_class, s.quote_class), s.quote_id, s.sub_type)

    def encode(self) -> int:
        """The ticker id (libmitch checks the widths of the 4-bit and 20-bit fields)."""
        out = c_uint64()
        status = lib.mitch_ticker_id_encode(self.to_ffi(), byref(out))
        if status:
            raise _error(status, "%r cannot be encoded" % (self,))
        return out.value


_TICKER_FIELD_NAMES = ("instrument_type", "base_class", "base_id", "quote_class", "quote_id",
                       "sub_type")


def create_ticker_id(instrument_type: int, base_class: int, base_id: int, quote_class: int,
                     quote_id: int, sub_type: int = 0) -> int:
    """The 64-bit ticker id of these fields (a field too wide for its bits
    raises InvalidFieldValueError)."""
    return TickerFields(instrument_type, base_class, base_id,  # type: ignore[arg-type]
                        quote_class, quote_id, sub_type).encode()  # type: ignore[arg-type]


def decode_ticker_id(ticker_id: int) -> TickerFields:
    """Split a ticker id into its fields (never fails for a u64)."""
    f = _ffi.TickerFieldsStruct()
    status = lib.mitch_ticker_id_decode(as_int(ticker_id, "u64", "ticker_id"), byref(f))
    if status:
        raise _error(status, "decode_ticker_id(%#x)" % ticker_id)
    return TickerFields._from_struct(f)


def encode_ticker_ids(fields: Sequence[TickerFields]) -> List[int]:
    """Ticker ids of many field sets in one C call."""
    fields = as_list(fields, "fields")
    for i, f in enumerate(fields):
        if not isinstance(f, TickerFields):
            raise MitchTypeError("fields[%d] must be a TickerFields, not %s"
                                 % (i, type(f).__name__), field="fields", index=i)
    n = len(fields)
    arr = (_ffi.TickerFieldsStruct * n)(*[f.to_ffi() for f in fields])
    ids = (c_uint64 * n)()
    done = c_size_t()
    status = lib.mitch_ticker_id_encode_batch(arr, n, ids, byref(done))
    if status:
        raise _error(status, "encode_ticker_ids: fields[%d] = %r"
                     % (done.value, fields[done.value]))
    return list(ids)


def decode_ticker_ids(ticker_ids: Sequence[int]) -> List[TickerFields]:
    """Fields of many ticker ids in one C call."""
    ticker_ids = as_list(ticker_ids, "ticker_ids")
    n = len(ticker_ids)
    ids = (c_uint64 * n)(*[as_int(t, "u64", "ticker_ids[%d]" % i)
                          for i, t in enumerate(ticker_ids)])
    arr = (_ffi.TickerFieldsStruct * n)()
    status = lib.mitch_ticker_id_decode_batch(ids, n, arr)
    if status:
        raise _error(status, "decode_ticker_ids")
    return [TickerFields._from_struct(f) for f in arr]


def validate_ticker_id(ticker_id: int) -> None:
    """Raise InvalidTickerIdError for a reserved instrument type or class or
    base == quote."""
    status = lib.mitch_validate_ticker_id(as_int(ticker_id, "u64", "ticker_id"))
    if status:
        raise _error(status, "ticker id %#x" % ticker_id)


def is_valid_ticker_id(ticker_id: int) -> bool:
    """True when :func:`validate_ticker_id` would not raise."""
    return bool(lib.mitch_validate_ticker_id(as_int(ticker_id, "u64", "ticker_id")) == 0)


def ticker_id_is_spot(ticker_id: int) -> bool:
    """Instrument type Spot."""
    return bool(lib.mitch_ticker_id_is_spot(as_int(ticker_id, "u64", "ticker_id")))


def ticker_id_is_forex(ticker_id: int) -> bool:
    """Both legs Forex."""
    return bool(lib.mitch_ticker_id_is_forex(as_int(ticker_id, "u64", "ticker_id")))


def ticker_id_is_crypto(ticker_id: int) -> bool:
    """Base leg Crypto."""
    return bool(lib.mitch_ticker_id_is_crypto(as_int(ticker_id, "u64", "ticker_id")))


def ticker_id_is_equity(ticker_id: int) -> bool:
    """Base leg Equities."""
    return bool(lib.mitch_ticker_id_is_equity(as_int(ticker_id, "u64", "ticker_id")))


def _builder(fn: Any, name: str, instrument_type: int, base: int, quote: int,
             quote_width: str) -> int:
    out = c_uint64()
    status = fn(as_int(instrument_type, "u8", "instrument_type"), as_int(base, "u16", "base"),
                as_int(quote, quote_width, "quote"), byref(out))
    if status:
        raise _error(status, "%s(%s, %s, %s)" % (name, shorten(instrument_type), shorten(base),
                                                 shorten(quote)))
    return int(out.value)


def ticker_id_forex(instrument_type: int, base_fx_id: int, quote_fx_id: int) -> int:
    """Ticker id of a Forex pair (both legs class FX)."""
    return _builder(lib.mitch_ticker_id_forex, "ticker_id_forex", instrument_type,
                    base_fx_id, quote_fx_id, "u16")


def ticker_id_crypto(instrument_type: int, base_crypto_id: int, quote_asset: int) -> int:
    """Ticker id of a crypto base against a packed quote asset."""
    return _builder(lib.mitch_ticker_id_crypto, "ticker_id_crypto", instrument_type,
                    base_crypto_id, quote_asset, "u32")


def ticker_id_equity(instrument_type: int, equity_id: int, quote_asset: int) -> int:
    """Ticker id of an equity against a packed quote asset."""
    return _builder(lib.mitch_ticker_id_equity, "ticker_id_equity", instrument_type,
                    equity_id, quote_asset, "u32")


# -- packed assets ------------------------------------------------------------------

def pack_asset(asset_class: int, class_id: int) -> int:
    """``(asset_class << 16) | class_id`` (libmitch checks the class)."""
    out = c_uint32()
    status = lib.mitch_pack_asset(as_int(asset_class, "u8", "asset_class"),
                                  as_int(class_id, "u16", "class_id"), byref(out))
    if status:
        raise _error(status, "pack_asset(%s, %s)" % (shorten(asset_class), shorten(class_id)))
    return int(out.value)


def unpack_asset(asset_id: int) -> Tuple[Union[AssetClass, int], int]:
    """(asset_class, class_id) of a packed asset."""
    cls, cid = c_uint8(), c_uint16()
    status = lib.mitch_unpack_asset(as_int(asset_id, "u32", "asset_id"), byref(cls),
                                    byref(cid))
    if status:
        raise _error(status, "unpack_asset(%#x)" % asset_id)
    return _asset_classes.get(cls.value, cls.value), cid.value


# -- channels -----------------------------------------------------------------------

def create_channel(provider_id: int, message_type: Any) -> int:
    """The 32-bit channel id ``(provider << 16) | (type << 8)`` of a
    provider's messages of one type (libmitch checks the type)."""
    out = c_uint32()
    byte = message_type_byte(message_type)
    status = lib.mitch_create_channel(as_int(provider_id, "u16", "provider_id"),
                                      c_char(byte), byref(out))
    if status:
        raise _error(status, "create_channel(%s, %s)" % (shorten(provider_id),
                                                         shorten(message_type, 20)))
    return int(out.value)


def channel_id(provider_id: int, message_type: Any) -> int:
    """The channel id of a provider's messages of one type (its decimal form
    is the usual Redis/Kafka/NATS topic name)."""
    return create_channel(provider_id, message_type)


def validate_channel(channel_id: int) -> None:
    """Raise InvalidChannelIdError unless the channel id is valid."""
    status = lib.mitch_validate_channel(as_int(channel_id, "u32", "channel_id"))
    if status:
        raise _error(status, "channel id %#x" % channel_id)


def channel_decode(channel_id: int) -> Tuple[int, MessageType]:
    """(provider_id, message_type) of a valid channel id."""
    provider, mtype = c_uint16(), c_uint8()
    status = lib.mitch_channel_decode(as_int(channel_id, "u32", "channel_id"),
                                      byref(provider), byref(mtype))
    if status:
        raise _error(status, "channel id %#x" % channel_id)
    return provider.value, _message_types.get(mtype.value, mtype.value)


def pack_channel(channel_id: int) -> bytes:
    """The 4 little-endian bytes of a channel id."""
    out = (c_char * _ffi.CHANNEL_SIZE)()
    status = lib.mitch_pack_channel(as_int(channel_id, "u32", "channel_id"), out)
    if status:
        raise _error(status, "pack_channel(%#x)" % channel_id)
    return out.raw


def unpack_channel(data: Any, offset: int = 0) -> int:
    """The channel id in 4 bytes of ``data`` at ``offset`` (validated)."""
    out = c_uint32()
    with pinned(data) as (address, size):
        offset, left = check_span(size, offset)
        status = lib.mitch_unpack_channel(address + offset, left, byref(out))
    if status:
        raise exception_for_status(status)(
            "channel at offset %d: %s" % (offset, _ffi.strerror(status)), status=status,
            offset=offset)
    return int(out.value)


@dataclass
class Channel:
    """A pub/sub channel id: ``(provider << 16) | (msg_type << 8)``.  Build
    one with :meth:`create`; ``str(channel.id)`` is the usual topic name."""

    id: int
    provider: int
    msg_type: MessageType

    def __post_init__(self) -> None:
        self.msg_type = _message_types.get(message_type_byte(self.msg_type), self.msg_type)
        # the three fields say one thing twice: a Channel whose id is not
        # its provider's channel of its type would publish where it says it
        # does not (libmitch checks the provider and the type)
        self.id = as_int(self.id, "u32", "Channel.id")
        expected = create_channel(self.provider, self.msg_type)
        if self.id != expected:
            raise InvalidChannelIdError(
                "Channel id %#x is not provider %d's %r channel (%#x)"
                % (self.id, self.provider, self.msg_type.code, expected),
                field="id", rule="id == (provider << 16) | (msg_type << 8)")

    @classmethod
    def create(cls, provider: int, msg_type: Any) -> "Channel":
        """The channel of a provider's messages of one type (libmitch)."""
        return cls.from_id(create_channel(provider, msg_type))

    @classmethod
    def from_id(cls, channel_id: int) -> "Channel":
        """Split a channel id (InvalidChannelIdError when it is not valid)."""
        provider, mtype = channel_decode(channel_id)
        return cls(channel_id, provider, mtype)

    def pack(self) -> bytes:
        """The 4 little-endian bytes of the id."""
        return pack_channel(self.id)

    @classmethod
    def unpack(cls, data: Any, offset: int = 0) -> "Channel":
        """Read a channel id from 4 bytes."""
        return cls.from_id(unpack_channel(data, offset))
