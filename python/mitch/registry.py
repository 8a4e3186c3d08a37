"""The symbol registry and resolver of libmitch: assets, asset classes,
instrument types, market providers, and ticker symbols such as
``"EURUSD.m"``, ``"BTC-USDT"`` or ``"^SPX"``.

Resolution runs entirely in C (``resolution.md`` describes its rules); these
functions convert the results to dataclasses.  A query that matches nothing
raises :class:`mitch.NotFoundError`.
"""

from ctypes import (byref, c_double, c_size_t, c_uint8, c_uint16, c_uint32, c_uint64,
                    create_string_buffer)
from typing import Any, Iterator, List, Optional, Tuple

from . import _ffi
from ._text import c_text
from .exceptions import exception_for_status
from .types import (Asset, ClassInfo, InstrumentType, MarketProvider, Ticker,
                    _as_instrument_type, as_float, as_int)

__all__ = [
    "DEFAULT_MIN_CONFIDENCE", "get_asset", "get_asset_packed", "resolve_asset", "match_asset",
    "asset_count", "assets", "asset_class_info", "instrument_type_info",
    "market_provider_count", "market_providers", "get_market_provider",
    "find_market_provider", "match_market_provider", "resolve_ticker", "ticker_from_id",
    "name_key",
    "jaro_winkler",
]

lib = _ffi.lib

#: Minimum fuzzy score the typed lookups use unless told otherwise.
DEFAULT_MIN_CONFIDENCE = 0.8


def _raise(status: int, what: str) -> None:
    raise exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                       status=status)


# -- assets -------------------------------------------------------------------------

def get_asset(asset_class: int, class_id: int) -> Asset:
    """The registry asset ``class_id`` of ``asset_class`` (NotFoundError if none)."""
    out = _ffi.AssetStruct()
    status = lib.mitch_asset_get(as_int(asset_class, c_uint8, "asset_class"),
                                 as_int(class_id, c_uint16, "class_id"), byref(out))
    if status:
        _raise(status, "get_asset(%r, %r)" % (asset_class, class_id))
    return Asset.from_ffi(out)


def get_asset_packed(asset_id: int) -> Asset:
    """The registry asset of a packed id ``(class << 16) | id``."""
    out = _ffi.AssetStruct()
    status = lib.mitch_asset_get_packed(as_int(asset_id, c_uint32, "asset_id"), byref(out))
    if status:
        _raise(status, "get_asset_packed(%#x)" % asset_id)
    return Asset.from_ffi(out)


def match_asset(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                asset_class: Optional[int] = None) -> Tuple[Asset, float]:
    """The asset a name or symbol means, and the confidence (1.0 for an
    exact hit); ``asset_class`` restricts the search to one class."""
    q = c_text(query, "query")
    class_filter = -1 if asset_class is None else as_int(asset_class, c_uint8, "asset_class")
    out = _ffi.AssetStruct()
    confidence = c_double()
    status = lib.mitch_asset_find(q, class_filter, as_float(min_confidence, "min_confidence"),
                                  byref(out), byref(confidence))
    if status:
        _raise(status, "resolve_asset(%r)" % (query,))
    return Asset.from_ffi(out), confidence.value


def resolve_asset(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  asset_class: Optional[int] = None) -> Asset:
    """The asset a name or symbol means (``"BTC"``, ``"Apple Inc."``,
    ``"Etherium"``); see :func:`match_asset` for the confidence."""
    return match_asset(query, min_confidence, asset_class)[0]


def asset_count(asset_class: int) -> int:
    """Number of registry assets in a class."""
    return lib.mitch_asset_count(as_int(asset_class, c_uint8, "asset_class"))


def assets(asset_class: int) -> Iterator[Asset]:
    """The assets of a class, in id order."""
    cls = as_int(asset_class, c_uint8, "asset_class")
    out = _ffi.AssetStruct()
    for i in range(lib.mitch_asset_count(cls)):
        status = lib.mitch_asset_at(cls, i, byref(out))
        if status:
            _raise(status, "assets(%r)[%d]" % (asset_class, i))
        yield Asset.from_ffi(out)


def asset_class_info(asset_class: int) -> ClassInfo:
    """Name and code of an asset class (0..15, reserved ones included)."""
    out = _ffi.ClassInfoStruct()
    status = lib.mitch_asset_class_get(as_int(asset_class, c_uint8, "asset_class"), byref(out))
    if status:
        _raise(status, "asset_class_info(%r)" % (asset_class,))
    return ClassInfo.from_ffi(out)


def instrument_type_info(instrument_type: int) -> ClassInfo:
    """Name and short code of an instrument type (0..15)."""
    out = _ffi.ClassInfoStruct()
    status = lib.mitch_instrument_type_get(as_int(instrument_type, c_uint8, "instrument_type"),
                                           byref(out))
    if status:
        _raise(status, "instrument_type_info(%r)" % (instrument_type,))
    return ClassInfo.from_ffi(out)


# -- market providers -----------------------------------------------------------------

def market_provider_count() -> int:
    """Number of market providers in the registry."""
    return lib.mitch_provider_count()


def market_providers() -> List[MarketProvider]:
    """Every market provider, in id order."""
    out = _ffi.ProviderStruct()
    result = []
    for i in range(lib.mitch_provider_count()):
        status = lib.mitch_provider_at(i, byref(out))
        if status:
            _raise(status, "market_providers()[%d]" % i)
        result.append(MarketProvider.from_ffi(out))
    return result


def get_market_provider(provider_id: int) -> MarketProvider:
    """The market provider with this id (NotFoundError if none)."""
    out = _ffi.ProviderStruct()
    status = lib.mitch_provider_get(as_int(provider_id, c_uint16, "provider_id"), byref(out))
    if status:
        _raise(status, "get_market_provider(%r)" % (provider_id,))
    return MarketProvider.from_ffi(out)


def match_market_provider(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE
                          ) -> Tuple[MarketProvider, float]:
    """The provider a name or abbreviation means, and the confidence."""
    q = c_text(query, "query")
    out = _ffi.ProviderStruct()
    confidence = c_double()
    status = lib.mitch_provider_find(q, as_float(min_confidence, "min_confidence"),
                                     byref(out), byref(confidence))
    if status:
        _raise(status, "find_market_provider(%r)" % (query,))
    return MarketProvider.from_ffi(out), confidence.value


def find_market_provider(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE
                         ) -> MarketProvider:
    """The provider a name or abbreviation means (``"NYSE"``, ``"Binanse"``)."""
    return match_market_provider(query, min_confidence)[0]


# -- tickers --------------------------------------------------------------------------

_resolve = lib.mitch_resolve
_ResolutionStruct = _ffi.ResolutionStruct
_ticker_from_ffi = Ticker.from_ffi


def resolve_ticker(symbol: Any, instrument_type: int = InstrumentType.SPOT) -> Ticker:
    """Resolve a trading symbol (``"EURUSD.m"``, ``"BTC-USDT"``, ``"^SPX"``)
    to a :class:`Ticker`: its id, base and quote assets, confidence and the
    resolver's steps."""
    q = c_text(symbol, "symbol")
    if not (isinstance(instrument_type, int) and 0 <= instrument_type <= 0xFF):
        instrument_type = as_int(instrument_type, c_uint8, "instrument_type")
    out = _ResolutionStruct()
    status = _resolve(q, instrument_type, out)
    if status:
        _raise(status, "resolve_ticker(%r)" % (symbol,))
    return _ticker_from_ffi(out, symbol if type(symbol) is str
                            else bytes(q or b"").decode("utf-8", "replace"))


def ticker_from_id(ticker_id: int) -> Ticker:
    """A :class:`Ticker` for a ticker id (see :meth:`Ticker.from_id`)."""
    fields = _ffi.TickerFieldsStruct()
    status = lib.mitch_ticker_id_decode(as_int(ticker_id, c_uint64, "ticker_id"), byref(fields))
    if status:
        _raise(status, "ticker_from_id(%#x)" % ticker_id)
    legs = []
    for cls, cid in ((fields.base_class, fields.base_id), (fields.quote_class, fields.quote_id)):
        out = _ffi.AssetStruct()
        legs.append(Asset.from_ffi(out) if lib.mitch_asset_get(cls, cid, byref(out)) == 0
                    else None)
    base, quote = legs
    name = "%s/%s" % (base.symbol, quote.symbol) if base and quote and base.symbol \
        and quote.symbol else ""
    return Ticker(ticker_id, name, _as_instrument_type(fields.instrument_type), base, quote,
                  fields.sub_type)


# -- building blocks --------------------------------------------------------------------

def name_key(name: Any) -> str:
    """The comparison key the resolver uses for a name (``"Apple Inc."`` ->
    ``"apple"``).  Returns ``str`` for ``str`` input, ``bytes`` for bytes."""
    q = c_text(name, "name")
    needed = c_size_t()
    size = len(q) + 1 if q is not None else 1
    out = create_string_buffer(size)
    status = lib.mitch_name_key(q, out, size, byref(needed))
    if status == 3:  # the key came out longer than the name: size it exactly
        size = needed.value + 1
        out = create_string_buffer(size)
        status = lib.mitch_name_key(q, out, size, byref(needed))
    if status:
        _raise(status, "name_key(%r)" % (name,))
    key = out.value
    return key.decode("utf-8", "surrogateescape") if isinstance(name, str) else key  # type: ignore


def jaro_winkler(a: Any, b: Any) -> float:
    """Jaro-Winkler similarity (0..1) of two strings, as the resolver scores
    keys (case-sensitive)."""
    qa, qb = c_text(a, "a"), c_text(b, "b")
    score = c_double()
    status = lib.mitch_jaro_winkler(qa, qb, byref(score))
    if status:
        _raise(status, "jaro_winkler(%r, %r)" % (a, b))
    return score.value

