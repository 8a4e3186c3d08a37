"""Compatibility module: the names ``mitch.types`` held before mitch 1.1.

They are defined, one job per module, in :mod:`mitch.enums` (enumerations),
:mod:`mitch.bodies` (header, trade, order, tick, index), :mod:`mitch.book`
(order books), :mod:`mitch.ids` (ticker fields, channels),
:mod:`mitch.registry` (assets, providers, tickers), :mod:`mitch.codec`
(stream info) and :mod:`mitch.layouts`; all are also ``mitch.<name>``.
Nothing in the package imports this module.
"""

from typing import Any, Dict

from .bodies import (Header, Index, IndexMetrics, Order, Tick, TickMetrics, Trade, body_class,
                     body_classes)
from .book import Bin, BookTotals, OrderBook
from .codec import StreamInfo
from .enums import (AssetClass, BinAggregator, BookSide, InstrumentType, MessageType,
                    MessageTypeLike, OrderSide, OrderType, message_type_byte)
from .ids import Channel, TickerFields
from .layouts import WIRE_LAYOUTS, WireField
from .registry import Asset, ClassInfo, MarketProvider, Ticker

__all__ = [
    "MessageType", "OrderSide", "OrderType", "InstrumentType", "AssetClass",
    "BinAggregator", "BookSide",
    "Header", "Trade", "Order", "Tick", "Index", "Bin", "OrderBook",
    "TickMetrics", "IndexMetrics", "BookTotals",
    "TickerFields", "Ticker", "Asset", "ClassInfo", "MarketProvider", "Channel",
    "StreamInfo", "WireField", "WIRE_LAYOUTS", "BODY_TYPES", "message_type_byte",
    "body_class", "MessageTypeLike",
]

#: Body dataclass by message type.
BODY_TYPES: Dict[MessageType, Any] = {MessageType(byte): cls
                                      for byte, cls in body_classes().items()}
