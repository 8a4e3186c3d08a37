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
    from typing import Any

from ._version import LIBRARY_MAJOR, __version__
from . import _ffi, _loader

_ffi.lib = _loader.load()

#: The libmitch file that was loaded, and how it was found
#: ("MITCH_LIBRARY", "bundled", "find_library" or "versioned name").
library_path: str = _ffi.lib.path
library_source: str = _ffi.lib.source

from . import exceptions, enums, layouts, bodies, book, ids  # noqa: E402
from . import registry, bins, codec, dtypes, capture, bulk  # noqa: E402
from .exceptions import *  # noqa: E402,F401,F403
from .enums import *  # noqa: E402,F401,F403
from .layouts import *  # noqa: E402,F401,F403
from .bodies import *  # noqa: E402,F401,F403
from .book import *  # noqa: E402,F401,F403
from .ids import *  # noqa: E402,F401,F403
from .registry import *  # noqa: E402,F401,F403
from .bins import *  # noqa: E402,F401,F403
from .codec import *  # noqa: E402,F401,F403
from .dtypes import *  # noqa: E402,F401,F403
from .bulk import *  # noqa: E402,F401,F403
from .capture import *  # noqa: E402,F401,F403
from . import flat  # noqa: E402
from .flat import (create_header, get_all_market_providers, get_protocol_version,  # noqa: E402
                   get_version, get_version_number, pack_header, pack_index,
                   pack_order, pack_order_book, pack_tick, pack_trade, strerror)

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
           "create_header", "get_all_market_providers", "get_protocol_version",
           "get_version", "get_version_number", "pack_header", "pack_index", "pack_order",
           "pack_order_book", "pack_tick", "pack_trade", "strerror", "HEADER_SIZE",
           "TRADE_SIZE", "ORDER_SIZE", "TICK_SIZE", "INDEX_SIZE", "ORDER_BOOK_SIZE",
           "MAX_BODIES", "BINS_PER_SIDE"]
__all__ += exceptions.__all__
__all__ += enums.__all__
__all__ += layouts.__all__
__all__ += bodies.__all__
__all__ += book.__all__
__all__ += ids.__all__
__all__ += registry.__all__
__all__ += bins.__all__
__all__ += codec.__all__
__all__ += dtypes.__all__
__all__ += bulk.__all__
__all__ += capture.__all__


if TYPE_CHECKING:
    from .codec import Body as Body
__all__ += ["Body"]


def __getattr__(name: str) -> Any:
    # mitch.aio imports asyncio, which most users of the codecs never need;
    # mitch.Body is a typing.Union, built when asked for.
    if name == "aio":
        import importlib
        return importlib.import_module(".aio", __name__)
    if name == "Body":
        return codec.Body
    raise AttributeError("module 'mitch' has no attribute %r" % name)
