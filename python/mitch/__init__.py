"""mitch - Python bindings of libmitch, the MITCH market-data library.

MITCH is a compact little-endian binary market-data protocol: an 8-byte
header followed by 1..255 bodies of one type (trade ``t``, order ``o``,
tick ``s``, index ``i``, order book ``b``).  This package calls the C
library libmitch for every encode, decode, validation and symbol
resolution (through ctypes; no compiled extension), and offers:

* dataclasses and enums: :class:`Trade`, :class:`Order`, :class:`Tick`,
  :class:`Index`, :class:`OrderBook`, :class:`Header`, :class:`Ticker`,
  :class:`Asset`, :class:`MarketProvider`, :class:`Channel` ...
* ``pack(body)`` / ``unpack(data, type)``, ``encode_message(bodies, type,
  timestamp)`` and ``decode_messages(buffer)`` over bytes, bytearray,
  memoryview or mmap - always the data first, the message type second;
* symbol resolution: ``resolve_ticker("EURUSD.m")``, ``resolve_asset("BTC")``,
  ``find_market_provider("NYSE")``, ``channel_id(101, "s")``;
* bulk numpy paths: ``decode_array(buffer, "t")`` (one C call, zero-copy
  when possible), ``decode_records``, ``encode_array``, ``to_dataframe``
  (pandas);
* ``mitch.aio`` for asyncio streams;
* :mod:`mitch.flat`: the flat C ABI one function per C function, in the C
  argument order.

Errors raise a subclass of :class:`MitchError` (one per libmitch status
code, each also the matching built-in exception) whose message names the
field, the rule or the byte offset at fault.

The library is found through ``MITCH_LIBRARY`` (a path), then the copy a
platform wheel bundles inside the package, then
``ctypes.util.find_library("mitch")`` (a system install: run ``ldconfig``
after ``make install``), then ``libmitch.so.1`` / ``libmitch-1.dll`` /
``libmitch.1.dylib``.  ``mitch.library_path`` tells which file was loaded.

Example::

    import mitch
    ticker = mitch.resolve_ticker("EURUSD")
    trade = mitch.Trade(ticker.id, 1.0850, 1000, 1, mitch.OrderSide.BUY)
    wire = mitch.encode_message([trade], "t", timestamp=34_200_000_000_000)
    for message in mitch.decode_messages(wire):
        print(message.header, message.bodies)
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, List

from ._version import LIBRARY_MAJOR, __version__
from . import _ffi, _loader

_ffi.lib = _loader.load()

#: The libmitch file that was loaded, and how it was found
#: ("MITCH_LIBRARY", "bundled", "find_library" or "versioned name").
library_path: str = _ffi.lib.path
library_source: str = _ffi.lib.source

from . import exceptions, enums, layouts, bodies, book, ids  # noqa: E402
from . import bins, codec  # noqa: E402
from .exceptions import *  # noqa: E402,F401,F403
from .enums import *  # noqa: E402,F401,F403
from .layouts import *  # noqa: E402,F401,F403
from .bodies import *  # noqa: E402,F401,F403
from .book import *  # noqa: E402,F401,F403
from .ids import *  # noqa: E402,F401,F403
from .bins import *  # noqa: E402,F401,F403
from .codec import *  # noqa: E402,F401,F403

# The symbol registry, the numpy paths and the flat ABI are imported the first
# time one of their names is used (PEP 562 __getattr__ below), not by
# ``import mitch``: most programs use one of them or none, and each costs
# import time.  Their names are listed here so that __all__, dir(mitch) and
# ``from mitch import *`` have them without importing them; the suite checks
# the lists against the modules (test_package.py).
_LAZY_NAMES = {
    "registry": ("Asset", "ClassInfo", "MarketProvider", "Ticker", "DEFAULT_MIN_CONFIDENCE",
                 "FUZZY_MIN_CONFIDENCE", "get_asset", "get_asset_packed", "resolve_asset",
                 "match_asset", "asset_count", "assets", "asset_class_info",
                 "instrument_type_info", "market_provider_count", "market_providers",
                 "get_market_provider", "find_market_provider", "match_market_provider",
                 "resolve_ticker", "ticker_from_id", "name_key", "jaro_winkler"),
    "dtypes": ("wire_dtype", "host_dtype"),
    "bulk": ("decode_array", "decode_records", "encode_array", "to_dataframe", "to_polars"),
    "capture": ("decode_capture",),
    # of the flat ABI, the functions with no typed counterpart
    "flat": ("create_header", "get_all_market_providers", "get_protocol_version",
             "get_version", "get_version_number", "pack_header", "pack_index", "pack_order",
             "pack_order_book", "pack_tick", "pack_trade", "strerror"),
}
#: submodules that are attributes of the package before they are imported
_LAZY_MODULES = ("aio", "flat", "registry", "dtypes", "bulk", "capture")
_LAZY = {name: module for module, names in _LAZY_NAMES.items() for name in names}

if TYPE_CHECKING:
    from . import aio, flat, registry, dtypes, bulk, capture
    from .registry import *  # noqa: F401,F403
    from .dtypes import *  # noqa: F401,F403
    from .bulk import *  # noqa: F401,F403
    from .capture import *  # noqa: F401,F403
    # 'x as x': explicit re-exports for type checkers (__all__ takes the names
    # from _LAZY_NAMES, which mypy cannot read)
    from .flat import (create_header as create_header,
                       get_all_market_providers as get_all_market_providers,
                       get_protocol_version as get_protocol_version,
                       get_version as get_version, get_version_number as get_version_number,
                       pack_header as pack_header, pack_index as pack_index,
                       pack_order as pack_order, pack_order_book as pack_order_book,
                       pack_tick as pack_tick, pack_trade as pack_trade, strerror as strerror)

# The wire sizes under the names of mitch.h (MITCH_TRADE_SIZE ...), from the
# library's layout table; the suite checks the list against the table.
HEADER_SIZE: int = layouts.HEADER_SIZE
TRADE_SIZE: int = Trade._SIZE  # type-list: public constants, checked against the table
ORDER_SIZE: int = Order._SIZE
TICK_SIZE: int = Tick._SIZE
INDEX_SIZE: int = Index._SIZE
ORDER_BOOK_SIZE: int = OrderBook._SIZE
MAX_BODIES: int = _ffi.MAX_BODIES
BINS_PER_SIDE: int = layouts.BINS_PER_SIDE

__all__ = ["__version__", "LIBRARY_MAJOR", "library_path", "library_source", "flat", "aio",
           "HEADER_SIZE", "TRADE_SIZE", "ORDER_SIZE", "TICK_SIZE", "INDEX_SIZE",
           "ORDER_BOOK_SIZE", "MAX_BODIES", "BINS_PER_SIDE"]
__all__ += _LAZY_NAMES["flat"]
__all__ += exceptions.__all__
__all__ += enums.__all__
__all__ += layouts.__all__
__all__ += bodies.__all__
__all__ += book.__all__
__all__ += ids.__all__
__all__ += _LAZY_NAMES["registry"]
__all__ += bins.__all__
__all__ += codec.__all__
__all__ += _LAZY_NAMES["dtypes"]
__all__ += _LAZY_NAMES["bulk"]
__all__ += _LAZY_NAMES["capture"]


if TYPE_CHECKING:
    from .codec import Body as Body
__all__ += ["Body"]


def __getattr__(name: str) -> Any:
    # A name of a module imported on first use (see _LAZY_NAMES): the module
    # is imported (the import lock makes one thread do it) and the value
    # kept in the package's namespace, so __getattr__ runs once per name;
    # threads racing here store the same object.  mitch.aio imports
    # asyncio, which most users of the codecs never need; mitch.Body is a
    # typing.Union, built when asked for.
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(_import(module), name)
        globals()[name] = value
        return value
    if name in _LAZY_MODULES:
        return _import(name)
    if name == "Body":
        return codec.Body
    raise AttributeError("module 'mitch' has no attribute %r" % name)


def __dir__() -> List[str]:
    # the lazily imported names too, before they are imported
    return sorted(set(globals()) | set(__all__) | set(_LAZY_MODULES))


def _import(module: str) -> Any:
    import importlib
    return importlib.import_module("." + module, __name__)
