"""The symbol registry and resolver of libmitch: assets, asset classes,
instrument types, market providers, and ticker symbols such as
``"EURUSD.m"``, ``"BTC-USDT"`` or ``"^SPX"``, and the values that describe
them (:class:`Asset`, :class:`MarketProvider`, :class:`Ticker` ...).

Resolution runs entirely in C (``resolution.md`` describes its rules); these
functions convert the results to dataclasses.  A query that matches nothing
raises :class:`mitch.NotFoundError`.
"""

from __future__ import annotations

import struct
from ctypes import byref, c_double, c_size_t, create_string_buffer, string_at

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Iterator, List, Optional, Tuple, Union
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

from . import _ffi
from ._convert import as_flag, as_float, as_int, require_struct, shorten
from ._text import c_query, c_text
from .bodies import _format_value
from .enums import AssetClass, InstrumentType, by_value, to_enum
from .exceptions import InvalidFieldValueError, MitchError, NotFoundError, exception_for_status

__all__ = [
    "Asset", "ClassInfo", "MarketProvider", "Ticker",
    "DEFAULT_MIN_CONFIDENCE", "FUZZY_MIN_CONFIDENCE", "get_asset", "get_asset_packed",
    "resolve_asset", "match_asset", "asset_count", "assets", "asset_class_info",
    "instrument_type_info", "market_provider_count", "market_providers",
    "get_market_provider", "find_market_provider", "match_market_provider",
    "resolve_ticker", "ticker_from_id", "name_key", "jaro_winkler",
]

lib = _ffi.lib
_asset_classes = by_value(AssetClass)
_instrument_types = by_value(InstrumentType)

#: Minimum fuzzy score the asset and provider lookups use unless told otherwise.
DEFAULT_MIN_CONFIDENCE = 0.8
#: The fuzzy bar of ticker resolution (resolution.md, step 6): a fuzzy base
#: below it is never taken; ``resolve_ticker(min_confidence=...)`` can only
#: raise it.
FUZZY_MIN_CONFIDENCE = 0.7


def _error(status: int, what: str) -> MitchError:
    return exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                        status=status)


def _text(address: Optional[int]) -> str:
    """The text at a ``const char *`` member (the library's constant storage)."""
    return string_at(address).decode("utf-8", "replace") if address else ""


def _split_aliases(value: Optional[int]) -> Tuple[str, ...]:
    text = _text(value)
    return tuple(text.split("|")) if text else ()


# -- the values ---------------------------------------------------------------------

@dataclass(frozen=True)
class Asset:
    """A registry asset.  ``id`` is the packed ``(asset_class << 16) |
    class_id``; ``symbol`` is the primary symbol (first alias)."""

    id: int
    class_id: int
    asset_class: AssetClass
    name: str
    aliases: Tuple[str, ...] = ()
    symbol: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "asset_class",
                           to_enum(AssetClass, self.asset_class, "asset_class"))

    def __repr__(self) -> str:
        return "Asset(id=%#x, class_id=%d, asset_class=%s, name=%r, symbol=%r)" % (
            self.id, self.class_id, _format_value("", self.asset_class), self.name,
            self.symbol)

    @classmethod
    def from_ffi(cls, s: Any) -> "Asset":
        """From a ``mitch_asset`` struct (``mitch._ffi.AssetStruct``); anything
        else is a MitchTypeError.  The struct's own members, whatever they
        are: a caller's struct is not a registry entry."""
        return cls._convert(require_struct(s, _ffi.AssetStruct, "Asset.from_ffi"))

    @classmethod
    def _convert(cls, s: Any) -> "Asset":
        return cls(s.asset_id, s.class_id, _asset_classes.get(s.asset_class, s.asset_class),
                   _text(s.name), _split_aliases(s.aliases), _text(s.symbol))

    @classmethod
    def _from_struct(cls, s: Any) -> "Asset":
        """From a ``mitch_asset`` struct libmitch filled from its registry
        (registry entries are constant, so each is converted once and
        shared: the dataclass is frozen)."""
        asset = _ASSET_CACHE.get(s.asset_id)
        if asset is None:
            asset = cls._convert(s)
            _ASSET_CACHE[s.asset_id] = asset
        return asset


# Registry entries are constants of the loaded library: a converted entry is
# shared (a race fills it twice with equal values; nothing else is kept).
_ASSET_CACHE: Dict[int, Asset] = {}


@dataclass(frozen=True)
class ClassInfo:
    """An asset class or instrument type as the registry names it."""

    id: int
    name: str
    code: str

    @classmethod
    def from_ffi(cls, s: Any) -> "ClassInfo":
        """From a ``mitch_class_info`` struct (``mitch._ffi.ClassInfoStruct``); anything
        else is a MitchTypeError."""
        return cls._from_struct(require_struct(s, _ffi.ClassInfoStruct, "ClassInfo.from_ffi"))

    @classmethod
    def _from_struct(cls, s: Any) -> "ClassInfo":
        """From a ``mitch_class_info`` struct."""
        return cls(s.id, _text(s.name), _text(s.code))


@dataclass(frozen=True)
class MarketProvider:
    """A market provider (exchange, broker, data vendor) of the registry."""

    id: int
    name: str
    abbreviations: Tuple[str, ...] = ()

    @classmethod
    def from_ffi(cls, s: Any) -> "MarketProvider":
        """From a ``mitch_provider`` struct (``mitch._ffi.ProviderStruct``); anything
        else is a MitchTypeError.  The struct's own members (not a registry
        entry's)."""
        return cls._convert(require_struct(s, _ffi.ProviderStruct, "MarketProvider.from_ffi"))

    @classmethod
    def _convert(cls, s: Any) -> "MarketProvider":
        return cls(s.id, _text(s.name), _split_aliases(s.abbreviations))

    @classmethod
    def _from_struct(cls, s: Any) -> "MarketProvider":
        """From a ``mitch_provider`` struct libmitch filled from its registry
        (converted once, then shared)."""
        provider = _PROVIDER_CACHE.get(s.id)
        if provider is None:
            provider = cls._convert(s)
            _PROVIDER_CACHE[s.id] = provider
        return provider


_PROVIDER_CACHE: Dict[int, MarketProvider] = {}


@dataclass
class Ticker:
    """A ticker: its 64-bit id and what it is made of.  From
    :func:`mitch.resolve_ticker`, ``name`` is the symbol that was resolved,
    ``confidence`` the resolver's score (1.0 for exact legs) and ``steps``
    what it did."""

    id: int
    name: str
    instrument_type: InstrumentType
    base: Asset
    quote: Asset
    sub_type: int = 0
    confidence: float = 1.0
    steps: str = ""

    def __post_init__(self) -> None:
        self.instrument_type = to_enum(InstrumentType, self.instrument_type,  # type: ignore
                                       "instrument_type")

    def __repr__(self) -> str:
        legs = "%s/%s" % (self.base.symbol or "?", self.quote.symbol or "?")
        return "Ticker(id=%#x, name=%s, %s %s, confidence=%.3f)" % (
            self.id, shorten(self.name), legs, _format_value("", self.instrument_type),
            self.confidence)

    @classmethod
    def from_ffi(cls, s: Any, name: str = "") -> "Ticker":
        """From a ``mitch_resolution`` struct (``mitch._ffi.ResolutionStruct``); anything
        else is a MitchTypeError.  The legs are the struct's own (not registry
        entries')."""
        s = require_struct(s, _ffi.ResolutionStruct, "Ticker.from_ffi")
        return cls._from_struct(s, name, Asset._convert(s.base), Asset._convert(s.quote))

    @classmethod
    def _from_struct(cls, s: Any, name: str = "", base: Optional[Asset] = None,
                     quote: Optional[Asset] = None) -> "Ticker":
        """From a ``mitch_resolution`` struct (whose ticker id has sub-type 0,
        as mitch.h documents); legs not given are registry entries libmitch
        filled in, shared."""
        ticker_id, itype, base_id, quote_id, confidence = _RESOLUTION_NUMBERS.unpack_from(s)
        if base is None:
            base = _ASSET_CACHE.get(base_id) or Asset._from_struct(s.base)
        if quote is None:
            quote = _ASSET_CACHE.get(quote_id) or Asset._from_struct(s.quote)
        return cls(ticker_id, name, _instrument_types.get(itype, itype), base, quote, 0,
                   confidence, s.steps.decode("utf-8", "replace"))

    @classmethod
    def from_id(cls, ticker_id: int) -> "Ticker":
        """Describe a ticker id: its fields, and its legs as registry assets
        (a leg the registry does not list is an :class:`Asset` of that class
        and id with an empty name and no symbols).  ``name`` is "BASE/QUOTE"
        from the legs' primary symbols when both are known."""
        return ticker_from_id(ticker_id)


def _numbers_reader(struct_cls: Any, paths: Tuple[Tuple[str, str], ...]) -> "struct.Struct":
    """A ``struct.Struct`` reading several numeric members of a ctypes struct
    in one call, at the offsets ctypes computed.  ``paths`` are (dotted
    member path, struct code)."""
    fmt, pos = "=", 0
    for path, code in paths:
        offset, owner = 0, struct_cls
        for part in path.split("."):
            offset += getattr(owner, part).offset
            owner = dict(owner._fields_)[part]
        fmt += "%dx%s" % (offset - pos, code) if offset > pos else code
        pos = offset + struct.calcsize("=" + code)
    return struct.Struct(fmt)


_RESOLUTION_NUMBERS = _numbers_reader(
    _ffi.ResolutionStruct, (("ticker_id", "Q"), ("instrument_type", "B"),
                            ("base.asset_id", "I"), ("quote.asset_id", "I"),
                            ("confidence", "d")))


# -- assets -------------------------------------------------------------------------

def _class_filter(asset_class: Any) -> int:
    return as_int(to_enum(AssetClass, asset_class, "asset_class"), "u8", "asset_class")


def get_asset(asset_class: Any, class_id: int) -> Asset:
    """The registry asset ``class_id`` of ``asset_class`` (NotFoundError if none)."""
    out = _ffi.AssetStruct()
    status = lib.mitch_asset_get(_class_filter(asset_class),
                                 as_int(class_id, "u16", "class_id"), byref(out))
    if status:
        raise _error(status, "get_asset(%s, %s)" % (shorten(asset_class), shorten(class_id)))
    return Asset._from_struct(out)


def get_asset_packed(asset_id: int) -> Asset:
    """The registry asset of a packed id ``(class << 16) | id``."""
    out = _ffi.AssetStruct()
    status = lib.mitch_asset_get_packed(as_int(asset_id, "u32", "asset_id"), byref(out))
    if status:
        raise _error(status, "get_asset_packed(%#x)" % asset_id)
    return Asset._from_struct(out)


def _min_confidence(value: Any, low: float = 0.0) -> float:
    v = as_float(value, "min_confidence")
    if not low <= v <= 1.0:  # NaN fails too
        raise InvalidFieldValueError(
            "min_confidence %s is outside %s..1" % (shorten(v), low), field="min_confidence",
            rule="between %s and 1" % low)
    return v


def match_asset(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                asset_class: Any = None) -> Tuple[Asset, float]:
    """The asset a name or symbol means, and the confidence (1.0 for an
    exact hit); ``asset_class`` restricts the search to one class."""
    q = c_query(query, "query")
    class_filter = -1 if asset_class is None else _class_filter(asset_class)
    out = _ffi.AssetStruct()
    confidence = c_double()
    status = lib.mitch_asset_find(q, class_filter, _min_confidence(min_confidence),
                                  byref(out), byref(confidence))
    if status:
        raise _error(status, "resolve_asset(%s)" % shorten(query))
    return Asset._from_struct(out), confidence.value


def resolve_asset(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  asset_class: Any = None) -> Asset:
    """The asset a name or symbol means (``"BTC"``, ``"Apple Inc."``,
    ``"Etherium"``); see :func:`match_asset` for the confidence."""
    return match_asset(query, min_confidence, asset_class)[0]


def asset_count(asset_class: Any) -> int:
    """Number of registry assets in a class."""
    return int(lib.mitch_asset_count(_class_filter(asset_class)))


def assets(asset_class: Any) -> Iterator[Asset]:
    """The assets of a class, in id order."""
    cls = _class_filter(asset_class)
    out = _ffi.AssetStruct()
    for i in range(lib.mitch_asset_count(cls)):
        status = lib.mitch_asset_at(cls, i, byref(out))
        if status:
            raise _error(status, "assets(%s)[%d]" % (shorten(asset_class), i))
        yield Asset._from_struct(out)


def asset_class_info(asset_class: Any) -> ClassInfo:
    """Name and code of an asset class (0..15, reserved ones included)."""
    out = _ffi.ClassInfoStruct()
    status = lib.mitch_asset_class_get(_class_filter(asset_class), byref(out))
    if status:
        raise _error(status, "asset_class_info(%s)" % shorten(asset_class))
    return ClassInfo._from_struct(out)


def instrument_type_info(instrument_type: Any) -> ClassInfo:
    """Name and short code of an instrument type (0..15)."""
    out = _ffi.ClassInfoStruct()
    status = lib.mitch_instrument_type_get(_instrument_type(instrument_type), byref(out))
    if status:
        raise _error(status, "instrument_type_info(%s)" % shorten(instrument_type))
    return ClassInfo._from_struct(out)


# -- market providers -----------------------------------------------------------------

def market_provider_count() -> int:
    """Number of market providers in the registry."""
    return int(lib.mitch_provider_count())


def market_providers() -> List[MarketProvider]:
    """Every market provider, in id order."""
    out = _ffi.ProviderStruct()
    result = []
    for i in range(lib.mitch_provider_count()):
        status = lib.mitch_provider_at(i, byref(out))
        if status:
            raise _error(status, "market_providers()[%d]" % i)
        result.append(MarketProvider._from_struct(out))
    return result


def get_market_provider(provider_id: int) -> MarketProvider:
    """The market provider with this id (NotFoundError if none)."""
    out = _ffi.ProviderStruct()
    status = lib.mitch_provider_get(as_int(provider_id, "u16", "provider_id"), byref(out))
    if status:
        raise _error(status, "get_market_provider(%s)" % shorten(provider_id))
    return MarketProvider._from_struct(out)


def match_market_provider(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE
                          ) -> Tuple[MarketProvider, float]:
    """The provider a name or abbreviation means, and the confidence."""
    q = c_query(query, "query")
    out = _ffi.ProviderStruct()
    confidence = c_double()
    status = lib.mitch_provider_find(q, _min_confidence(min_confidence), byref(out),
                                     byref(confidence))
    if status:
        raise _error(status, "find_market_provider(%s)" % shorten(query))
    return MarketProvider._from_struct(out), confidence.value


def find_market_provider(query: Any, min_confidence: float = DEFAULT_MIN_CONFIDENCE
                         ) -> MarketProvider:
    """The provider a name or abbreviation means (``"NYSE"``, ``"Binanse"``)."""
    return match_market_provider(query, min_confidence)[0]


# -- tickers --------------------------------------------------------------------------

def _instrument_type_names() -> Dict[str, int]:
    """Codes and names of the instrument types, lower-cased, as the library
    spells them ("perp", "perpetual swap") - what the CLI's --type takes."""
    names: Dict[str, int] = {}
    info = _ffi.ClassInfoStruct()
    for number in range(16):
        if lib.mitch_instrument_type_get(number, byref(info)) == 0:
            for text in (_text(info.code), _text(info.name)):
                if text:
                    names[text.lower()] = number
    return names


_INSTRUMENT_NAMES = _instrument_type_names()


def _instrument_type(value: Any) -> int:
    """An instrument type given as a member, a number, or a code or name
    (``"perp"``, ``"Perpetual Swap"``, ``"PERPETUAL_SWAP"``)."""
    if type(value) is int and 0 <= value <= 0xFF:
        return value
    if isinstance(value, str):
        key = value.strip().lower()
        number = _INSTRUMENT_NAMES.get(key)
        if number is None:
            member = getattr(InstrumentType, key.upper().replace(" ", "_").replace("-", "_"),
                             None)
            number = int(member) if isinstance(member, InstrumentType) else None
        if number is None:
            raise InvalidFieldValueError(
                "instrument type %s is not a code (spot, perp, cfd ...), name or number 0-15"
                % shorten(value, 40), field="instrument_type",
                rule="a known instrument type")
        return number
    return as_int(value, "u8", "instrument_type")


_resolve = lib.mitch_resolve
_ResolutionStruct = _ffi.ResolutionStruct
_ticker_from_ffi = Ticker._from_struct


def resolve_ticker(symbol: Any, instrument_type: Union[InstrumentType, int, str] = "spot",
                   min_confidence: float = FUZZY_MIN_CONFIDENCE, exact: bool = False) -> Ticker:
    """Resolve a trading symbol (``"EURUSD.m"``, ``"BTC-USDT"``, ``"^SPX"``)
    to a :class:`Ticker`: its id, base and quote assets, confidence and the
    resolver's steps (resolution.md).

    ``instrument_type`` is a member, a number or a code or name as the CLI
    takes them (``"spot"``, ``"perp"``, ``"cfd"``).  The resolver falls back
    to a fuzzy match of the base (confidence below 1) when nothing matches
    exactly; ``min_confidence`` raises the bar such a match must reach
    (it cannot go below resolution.md's 0.7), and ``exact=True`` refuses
    fuzzy matches altogether.  A refused or missing match raises
    :class:`NotFoundError`.
    """
    q = c_query(symbol, "symbol")
    itype = instrument_type if type(instrument_type) is int and 0 <= instrument_type <= 0xFF \
        else _instrument_type(instrument_type)
    if type(min_confidence) is not float or min_confidence != FUZZY_MIN_CONFIDENCE:
        min_confidence = _min_confidence(min_confidence, FUZZY_MIN_CONFIDENCE)
    exact = as_flag(exact, "exact")
    out = _ResolutionStruct()
    status = _resolve(q, itype, out)
    if status:
        raise _error(status, "resolve_ticker(%s)" % shorten(symbol))
    ticker = _ticker_from_ffi(out, symbol if type(symbol) is str
                              else bytes(q or b"").decode("utf-8", "replace"))
    if ticker.confidence < 1.0 and (exact or ticker.confidence < min_confidence):
        raise NotFoundError(
            "resolve_ticker(%s): no exact match; the best fuzzy match, %s, has confidence "
            "%.3f%s" % (shorten(symbol), shorten(ticker.base.name if ticker.base else "?", 40),
                        ticker.confidence,
                        " (exact=True refuses fuzzy matches)" if exact else
                        ", below min_confidence %.3f" % min_confidence),
            field="symbol", rule="exact match" if exact else
            "confidence >= min_confidence")
    return ticker


def ticker_from_id(ticker_id: int) -> Ticker:
    """A :class:`Ticker` for a ticker id (see :meth:`Ticker.from_id`)."""
    fields = _ffi.TickerFieldsStruct()
    status = lib.mitch_ticker_id_decode(as_int(ticker_id, "u64", "ticker_id"), byref(fields))
    if status:
        raise _error(status, "ticker_from_id(%#x)" % ticker_id)
    legs = []
    for cls, cid in ((fields.base_class, fields.base_id), (fields.quote_class, fields.quote_id)):
        out = _ffi.AssetStruct()
        legs.append(Asset._from_struct(out) if lib.mitch_asset_get(cls, cid, byref(out)) == 0
                    else Asset((cls << 16) | cid, cid, _asset_classes.get(cls, cls), ""))
    base, quote = legs
    name = "%s/%s" % (base.symbol, quote.symbol) if base.symbol and quote.symbol else ""
    return Ticker(ticker_id, name, _instrument_types.get(fields.instrument_type,
                                                         fields.instrument_type),
                  base, quote, fields.sub_type)


# -- building blocks --------------------------------------------------------------------

def name_key(name: Any) -> Any:
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
        raise _error(status, "name_key(%s)" % shorten(name))
    key = out.value
    return key.decode("utf-8", "surrogateescape") if isinstance(name, str) else key


def jaro_winkler(a: Any, b: Any) -> float:
    """Jaro-Winkler similarity (0..1) of two strings, as the resolver scores
    keys (case-sensitive)."""
    qa, qb = c_text(a, "a"), c_text(b, "b")
    score = c_double()
    status = lib.mitch_jaro_winkler(qa, qb, byref(score))
    if status:
        raise _error(status, "jaro_winkler(%s, %s)" % (shorten(a), shorten(b)))
    return float(score.value)
