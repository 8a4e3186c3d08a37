"""Layouts of the protocol's bodies and the library's structs.

TEMPORARY (until libmitch 1.1's layout table lands): the wire layouts are
the protocol.md tables written out here.  They are replaced by the library's
own description (mitch_layout_*), from which everything else derives.
"""

from dataclasses import dataclass
from typing import Dict, Tuple

from . import _ffi

__all__ = ["WireField", "WIRE_LAYOUTS", "HEADER_LAYOUT", "BODY_LAYOUT_NAMES"]


@dataclass(frozen=True)
class WireField:
    """One field of a body on the wire: name, byte offset, numpy-style
    little-endian format (``"u48"`` is a 6-byte unsigned integer)."""

    name: str
    offset: int
    format: str

    @property
    def size(self) -> int:
        """Width in bytes."""
        return 6 if self.format == "u48" else int(self.format[-1])


def _layout(*fields: Tuple[str, int, str]) -> Tuple[WireField, ...]:
    return tuple(WireField(*f) for f in fields)


#: Body layouts by type byte (protocol.md).  Padding is not listed.
WIRE_LAYOUTS: Dict[int, Tuple[WireField, ...]] = {
    ord("t"): _layout(("ticker_id", 0, "<u8"), ("price", 8, "<f8"), ("quantity", 16, "<u4"),
                      ("trade_id", 20, "<u4"), ("side", 24, "u1")),
    ord("o"): _layout(("ticker_id", 0, "<u8"), ("order_id", 8, "<u4"), ("price", 12, "<f8"),
                      ("quantity", 20, "<u4"), ("type_and_side", 24, "u1"),
                      ("expiry_ms", 25, "u48")),
    ord("s"): _layout(("ticker_id", 0, "<u8"), ("bid_price", 8, "<f8"),
                      ("ask_price", 16, "<f8"), ("bid_volume", 24, "<u4"),
                      ("ask_volume", 28, "<u4")),
    ord("i"): _layout(("ticker_id", 0, "<u8"), ("mid", 8, "<f8"), ("v_bid", 16, "<u4"),
                      ("v_ask", 20, "<u4"), ("m_spread", 24, "<i4"), ("b_bid_o", 28, "<i4"),
                      ("b_ask_o", 32, "<i4"), ("w_bid_o", 36, "<i4"), ("w_ask_o", 40, "<i4"),
                      ("v_force", 44, "<u2"), ("l_force", 46, "<u2"), ("t_force", 48, "<i2"),
                      ("m_force", 50, "<i2"), ("confidence", 52, "u1"),
                      ("rejected", 53, "u1"), ("accepted", 54, "u1")),
    ord("b"): _layout(("ticker_id", 0, "<u8"), ("mid_price", 8, "<f8"),
                      ("bin_aggregator", 16, "u1")),
}
#: Header layout (protocol.md).
HEADER_LAYOUT = _layout(("message_type", 0, "u1"), ("timestamp", 1, "u48"), ("count", 7, "u1"))

#: Layout name (the C struct is mitch_<name>) by type byte.
BODY_LAYOUT_NAMES: Dict[int, str] = {
    ord("t"): "trade", ord("o"): "order", ord("s"): "tick", ord("i"): "index",
    ord("b"): "order_book"}
WIRE_SIZES = {b: getattr(_ffi, n.upper() + "_SIZE") for b, n in BODY_LAYOUT_NAMES.items()}
