"""Ticker ids, packed assets and channel ids (all computed by libmitch)."""

from ctypes import byref, c_size_t, c_uint8, c_uint16, c_uint32, c_uint64
from typing import Any, List, Sequence, Tuple

from . import _ffi
from .exceptions import exception_for_status
from .flat import (create_channel, create_ticker_id, pack_asset, pack_channel,
                   unpack_channel)
from .types import (AssetClass, MessageType, MessageTypeLike, TickerFields,
                    _as_asset_class, _as_message_type, as_int)

__all__ = [
    "create_ticker_id", "decode_ticker_id", "encode_ticker_ids", "decode_ticker_ids",
    "validate_ticker_id", "is_valid_ticker_id", "ticker_id_is_spot", "ticker_id_is_forex",
    "ticker_id_is_crypto", "ticker_id_is_equity", "ticker_id_forex", "ticker_id_crypto",
    "ticker_id_equity", "pack_asset", "unpack_asset", "create_channel", "channel_id",
    "validate_channel", "channel_decode", "pack_channel", "unpack_channel",
]

lib = _ffi.lib


def _raise(status: int, what: str) -> None:
    raise exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                       status=status)


def decode_ticker_id(ticker_id: int) -> TickerFields:
    """Split a ticker id into its fields (never fails for a u64)."""
    f = _ffi.TickerFieldsStruct()
    status = lib.mitch_ticker_id_decode(as_int(ticker_id, c_uint64, "ticker_id"), byref(f))
    if status:
        _raise(status, "decode_ticker_id(%#x)" % ticker_id)
    return TickerFields.from_ffi(f)


def encode_ticker_ids(fields: Sequence[TickerFields]) -> List[int]:
    """Ticker ids of many field sets in one C call."""
    n = len(fields)
    arr = (_ffi.TickerFieldsStruct * n)(*[f.to_ffi() for f in fields])
    ids = (c_uint64 * n)()
    done = c_size_t()
    status = lib.mitch_ticker_id_encode_batch(arr, n, ids, byref(done))
    if status:
        _raise(status, "encode_ticker_ids: fields[%d] = %r" % (done.value, fields[done.value]))
    return list(ids)


def decode_ticker_ids(ticker_ids: Sequence[int]) -> List[TickerFields]:
    """Fields of many ticker ids in one C call."""
    n = len(ticker_ids)
    ids = (c_uint64 * n)(*[as_int(t, c_uint64, "ticker_ids[%d]" % i)
                          for i, t in enumerate(ticker_ids)])
    arr = (_ffi.TickerFieldsStruct * n)()
    status = lib.mitch_ticker_id_decode_batch(ids, n, arr)
    if status:
        _raise(status, "decode_ticker_ids")
    return [TickerFields.from_ffi(f) for f in arr]


def validate_ticker_id(ticker_id: int) -> None:
    """Raise InvalidTickerIdError for a reserved instrument type or class or
    base == quote."""
    status = lib.mitch_validate_ticker_id(as_int(ticker_id, c_uint64, "ticker_id"))
    if status:
        _raise(status, "ticker id %#x" % ticker_id)


def is_valid_ticker_id(ticker_id: int) -> bool:
    """True when :func:`validate_ticker_id` would not raise."""
    return lib.mitch_validate_ticker_id(as_int(ticker_id, c_uint64, "ticker_id")) == 0


def ticker_id_is_spot(ticker_id: int) -> bool:
    """Instrument type Spot."""
    return bool(lib.mitch_ticker_id_is_spot(as_int(ticker_id, c_uint64, "ticker_id")))


def ticker_id_is_forex(ticker_id: int) -> bool:
    """Both legs Forex."""
    return bool(lib.mitch_ticker_id_is_forex(as_int(ticker_id, c_uint64, "ticker_id")))


def ticker_id_is_crypto(ticker_id: int) -> bool:
    """Base leg Crypto."""
    return bool(lib.mitch_ticker_id_is_crypto(as_int(ticker_id, c_uint64, "ticker_id")))


def ticker_id_is_equity(ticker_id: int) -> bool:
    """Base leg Equities."""
    return bool(lib.mitch_ticker_id_is_equity(as_int(ticker_id, c_uint64, "ticker_id")))


def _builder(fn: Any, name: str, instrument_type: int, base: int, quote: int,
             quote_type: Any) -> int:
    out = c_uint64()
    status = fn(as_int(instrument_type, c_uint8, "instrument_type"),
                as_int(base, c_uint16, "base"), as_int(quote, quote_type, "quote"), byref(out))
    if status:
        _raise(status, "%s(%r, %r, %r)" % (name, instrument_type, base, quote))
    return out.value


def ticker_id_forex(instrument_type: int, base_fx_id: int, quote_fx_id: int) -> int:
    """Ticker id of a Forex pair (both legs class FX)."""
    return _builder(lib.mitch_ticker_id_forex, "ticker_id_forex", instrument_type,
                    base_fx_id, quote_fx_id, c_uint16)


def ticker_id_crypto(instrument_type: int, base_crypto_id: int, quote_asset: int) -> int:
    """Ticker id of a crypto base against a packed quote asset."""
    return _builder(lib.mitch_ticker_id_crypto, "ticker_id_crypto", instrument_type,
                    base_crypto_id, quote_asset, c_uint32)


def ticker_id_equity(instrument_type: int, equity_id: int, quote_asset: int) -> int:
    """Ticker id of an equity against a packed quote asset."""
    return _builder(lib.mitch_ticker_id_equity, "ticker_id_equity", instrument_type,
                    equity_id, quote_asset, c_uint32)


def unpack_asset(asset_id: int) -> Tuple[AssetClass, int]:
    """(asset_class, class_id) of a packed asset."""
    cls, cid = c_uint8(), c_uint16()
    status = lib.mitch_unpack_asset(as_int(asset_id, c_uint32, "asset_id"), byref(cls),
                                    byref(cid))
    if status:
        _raise(status, "unpack_asset(%#x)" % asset_id)
    return _as_asset_class(cls.value), cid.value


def channel_id(provider_id: int, message_type: MessageTypeLike) -> int:
    """The channel id of a provider's messages of one type (its decimal form
    is the usual Redis/Kafka/NATS topic name)."""
    return create_channel(provider_id, message_type)


def validate_channel(channel_id: int) -> None:
    """Raise InvalidChannelIdError unless the channel id is valid."""
    status = lib.mitch_validate_channel(as_int(channel_id, c_uint32, "channel_id"))
    if status:
        _raise(status, "channel id %#x" % channel_id)


def channel_decode(channel_id: int) -> Tuple[int, MessageType]:
    """(provider_id, message_type) of a valid channel id."""
    provider, mtype = c_uint16(), c_uint8()
    status = lib.mitch_channel_decode(as_int(channel_id, c_uint32, "channel_id"),
                                      byref(provider), byref(mtype))
    if status:
        _raise(status, "channel id %#x" % channel_id)
    return provider.value, _as_message_type(mtype.value)

