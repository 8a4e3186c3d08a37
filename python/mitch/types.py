"""Compatibility module: the names ``mitch.types`` held before mitch 1.1.

They are defined, one job per module, in :mod:`mitch.enums` (enumerations),
:mod:`mitch.bodies` (header, trade, order, tick, index), :mod:`mitch.book`
(order books), :mod:`mitch.ids` (ticker fields, channels),
:mod:`mitch.registry` (assets, providers, tickers), :mod:`mitch.codec`
(stream info) and :mod:`mitch.layouts`; all are also ``mitch.<name>``.
Nothing in the package imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Tuple

from .bodies import (Header, Index, IndexMetrics, Order, Tick, TickMetrics, Trade, body_class,
                     body_classes)
from .book import Bin, BookTotals, OrderBook
from .exceptions import StreamInfo
from .enums import (AssetClass, BinAggregator, BookSide, InstrumentType, MessageType,
                    OrderSide, OrderType, message_type_byte)
from .ids import Channel, TickerFields
from .layouts import body_layouts
from .registry import Asset, ClassInfo, MarketProvider, Ticker

__all__ = [
    "MessageType", "OrderSide", "OrderType", "InstrumentType", "AssetClass",
    "BinAggregator", "BookSide",
    "Header", "Trade", "Order", "Tick", "Index", "Bin", "OrderBook",
    "TickMetrics", "IndexMetrics", "BookTotals",
    "TickerFields", "Ticker", "Asset", "ClassInfo", "MarketProvider", "Channel",
    "StreamInfo", "WireField", "WIRE_LAYOUTS", "BODY_TYPES", "message_type_byte",
    "body_class",
]

@dataclass(frozen=True)
class WireField:
    """One field of a body on the wire (the pre-1.1 view of a layout):
    name, byte offset, numpy-style format (``"u48"``: 6 bytes)."""

    name: str
    offset: int
    format: str

    @property
    def size(self) -> int:
        """Width in bytes."""
        return 6 if self.format == "u48" else int(self.format[-1])


_FORMATS = {"u8": "u1", "u16": "<u2", "u32": "<u4", "u64": "<u8", "i16": "<i2", "i32": "<i4",
            "f64": "<f8", "u48": "u48", "bits": "u1"}


def _wire_fields(entry: Any) -> Tuple[WireField, ...]:
    out, seen = [], set()
    for f in entry.fields:
        name = f.wire_name if f.kind == "bits" else f.name
        if f.kind in _FORMATS and name not in seen:
            seen.add(name)
            out.append(WireField(name, f.wire_offset, _FORMATS[f.kind]))
    return tuple(out)


#: Wire fields of each body by type byte (padding and bins left out), from
#: the library's layout table.
WIRE_LAYOUTS: Dict[int, Tuple[WireField, ...]] = {
    entry.message_type: _wire_fields(entry) for entry in body_layouts()}

#: Body dataclass by message type.
BODY_TYPES: Dict[MessageType, Any] = {MessageType(byte): cls
                                      for byte, cls in body_classes().items()}
