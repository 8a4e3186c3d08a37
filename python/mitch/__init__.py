"""mitch - Python bindings of libmitch, the MITCH market-data library.

MITCH is a compact little-endian binary market-data protocol: an 8-byte
header followed by 1..255 bodies of one type (trade ``t``, order ``o``,
tick ``s``, index ``i``, order book ``b``).  This package calls the C
library libmitch for every encode, decode, validation and symbol
resolution (through ctypes; no compiled extension), and offers:

* dataclasses and enums: :class:`Trade`, :class:`Order`, :class:`Tick`,
  :class:`Index`, :class:`OrderBook`, :class:`Header`, :class:`Ticker`,
  :class:`Asset`, :class:`MarketProvider`, :class:`Channel` ...
* ``pack(body)`` / ``unpack(type, data)``, ``encode_message(type, bodies,
  timestamp)`` and ``decode_messages(buffer)`` over bytes, bytearray,
  memoryview or mmap;
* symbol resolution: ``resolve_ticker("EURUSD.m")``, ``resolve_asset("BTC")``,
  ``find_market_provider("NYSE")``, ``channel_id(101, "s")``;
* bulk numpy paths: ``decode_array(buffer, "t")`` (one C call, zero-copy
  when possible), ``encode_array``, ``to_dataframe`` (pandas);
* ``mitch.aio.read_messages(reader)`` for asyncio streams;
* :mod:`mitch.flat`: the flat C ABI one function per C function.

Errors raise a subclass of :class:`MitchError` (one per libmitch status
code) whose message names the field or byte offset at fault.

The library is found through ``MITCH_LIBRARY`` (a path), then
``ctypes.util.find_library("mitch")`` (a system install: run ``ldconfig``
after ``make install``), then ``libmitch.so.1`` / ``libmitch-1.dll`` /
``libmitch.1.dylib``.  ``mitch.library_path`` tells which file was loaded.

Example::

    import mitch
    ticker = mitch.resolve_ticker("EURUSD")
    trade = mitch.Trade(ticker.id, 1.0850, 1000, 1, mitch.OrderSide.BUY)
    wire = mitch.encode_message("t", [trade], timestamp=34_200_000_000_000)
    for message in mitch.decode_messages(wire):
        print(message.header, message.bodies)
"""

from typing import Any

from ._version import LIBRARY_MAJOR, __version__
from . import _ffi, _loader

_ffi.lib = _loader.load()

#: The libmitch file that was loaded, and how it was found
#: ("MITCH_LIBRARY", "find_library" or "versioned name").
library_path: str = _ffi.lib.path
library_source: str = _ffi.lib.source

from .exceptions import *  # noqa: E402,F401,F403
from .exceptions import __all__ as _exceptions_all  # noqa: E402
from .types import *  # noqa: E402,F401,F403
from .types import __all__ as _types_all  # noqa: E402
from .codec import *  # noqa: E402,F401,F403
from .codec import __all__ as _codec_all  # noqa: E402
from .ids import *  # noqa: E402,F401,F403
from .ids import __all__ as _ids_all  # noqa: E402
from .registry import *  # noqa: E402,F401,F403
from .registry import __all__ as _registry_all  # noqa: E402
from .bins import *  # noqa: E402,F401,F403
from .bins import __all__ as _bins_all  # noqa: E402
from .bulk import *  # noqa: E402,F401,F403
from .bulk import __all__ as _bulk_all  # noqa: E402
from . import flat  # noqa: E402
from .flat import (create_header, get_all_market_providers, get_protocol_version,  # noqa: E402
                   get_version, get_version_number, pack_header, pack_index,
                   pack_order, pack_order_book, pack_tick, pack_trade, strerror)

HEADER_SIZE = _ffi.HEADER_SIZE
TRADE_SIZE = _ffi.TRADE_SIZE
ORDER_SIZE = _ffi.ORDER_SIZE
TICK_SIZE = _ffi.TICK_SIZE
INDEX_SIZE = _ffi.INDEX_SIZE
ORDER_BOOK_SIZE = _ffi.ORDER_BOOK_SIZE
MAX_BODIES = _ffi.MAX_BODIES
BINS_PER_SIDE = _ffi.BINS_PER_SIDE

__all__ = (["__version__", "library_path", "library_source", "flat", "aio",
            "create_header", "get_all_market_providers", "get_protocol_version",
            "get_version", "get_version_number", "pack_header", "pack_index", "pack_order",
            "pack_order_book", "pack_tick", "pack_trade", "strerror", "HEADER_SIZE",
            "TRADE_SIZE", "ORDER_SIZE", "TICK_SIZE", "INDEX_SIZE", "ORDER_BOOK_SIZE",
            "MAX_BODIES", "BINS_PER_SIDE"]
           + _exceptions_all + _types_all + _codec_all + _ids_all + _registry_all
           + _bins_all + _bulk_all)


def __getattr__(name: str) -> Any:
    # mitch.aio imports asyncio, which most users of the codecs never need.
    if name == "aio":
        import importlib
        return importlib.import_module(".aio", __name__)
    raise AttributeError("module 'mitch' has no attribute %r" % name)
