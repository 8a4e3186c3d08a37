"""The library's description of every wire layout and struct.

libmitch carries a read-only table (``mitch_layout_*``, also printed by
``mitch info --layouts``): for the header, each body type, an order-book bin
and each struct of its API, the fields with their kinds, wire offsets and
sizes, struct offsets and sizes, enumerated values and rules.  This module
gives it to Python as :class:`Layout` and :class:`Field` values.  Everything
in the package that depends on a layout - the ctypes Structures, the numpy
dtypes, which message types exist, which class decodes each - derives from
it; nothing here is written by hand.
"""

from __future__ import annotations


TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple, Union
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

from . import _ffi
from ._convert import integer_or_none, shorten
from .exceptions import MitchTypeError, NotFoundError

__all__ = ["Layout", "Field", "layout_table", "layout", "body_layouts"]


class LayoutNotFoundError(NotFoundError, KeyError):
    """A layout or field that is not there: a KeyError, as a mapping's
    missing key is, and a MitchError like every other refusal."""

    # KeyError's str() is the repr() of its argument (quotes, escapes); the
    # message is a sentence, so print it as every other MitchError does
    __str__ = Exception.__str__


@dataclass(frozen=True)
class Field:
    """One field of a layout (``mitch_field``)."""

    name: str            #: the struct member ("expiry_ms"); "padding" for padding
    kind: str            #: u8 u16 u32 u48 u64 i8 i16 i32 f64 bits bins padding ...
    wire_offset: int     #: byte offset on the wire (0 for API structs)
    wire_size: int       #: bytes on the wire (bits: the 1 byte holding them)
    bit_offset: int      #: bits: lowest bit in that byte
    bit_width: int       #: bits: number of bits
    count: int           #: elements (128 bins, N chars, else 1)
    struct_offset: Optional[int]  #: offsetof in the C struct; None for padding
    struct_size: int     #: member size in bytes (all elements)
    nested: Optional[str]  #: layout name of nested elements (bins, struct)
    wire_name: str       #: protocol.md's name ("type_and_side", "expiry")
    values: Tuple[str, ...]  #: names of an enumerated field's values, in value order
    rule: str            #: the rule the field keeps, in words ("" when none)


@dataclass(frozen=True)
class Layout:
    """One layout of the table (``mitch_layout``) with its fields."""

    id: int              #: the type byte for a body, else a small MITCH_LAYOUT_* number
    message_type: int    #: the type byte of a body layout, 0 for every other
    name: str            #: "trade" ...: the C struct is mitch_<name>
    wire_size: int       #: bytes on the wire; 0 for API structs
    struct_size: int     #: sizeof(mitch_<name>)
    struct_align: int    #: its alignment
    fields: Tuple[Field, ...]  #: wire order for wire layouts, member order otherwise

    @property
    def is_body(self) -> bool:
        """True for the body layouts (the message types)."""
        return self.message_type != 0

    def field(self, name: str) -> Field:
        """The field named ``name`` (a member or a wire name)."""
        if not isinstance(name, str):
            raise MitchTypeError("a field name is a str, not %s" % type(name).__name__,
                                 field="name")
        for f in self.fields:
            if f.name == name:
                return f
        for f in self.fields:
            if f.wire_name == name:
                return f
        raise LayoutNotFoundError("layout %r has no field %s" % (self.name, shorten(name)),
                                  field="name")


def _convert(table: Any) -> Tuple[Layout, ...]:
    names = {entry["id"]: entry["name"] for entry, _ in table}
    out = []
    for entry, fields in table:
        converted = []
        for f in fields:
            kind = _ffi.FIELD_KINDS.get(f["kind"], ("kind %d" % f["kind"], None))[0]
            converted.append(Field(
                f["name"], kind, f["wire_offset"], f["wire_size"], f["bit_offset"],
                f["bit_width"], f["count"],
                None if f["struct_offset"] == _ffi.NO_MEMBER else f["struct_offset"],
                f["struct_size"], names.get(f["nested"]) if kind in ("bins", "struct") else None,
                f["wire_name"], tuple(f["values"].split("|")) if f["values"] else (),
                f["rule"]))
        out.append(Layout(entry["id"], entry["message_type"], entry["name"],
                          entry["wire_size"], entry["struct_size"], entry["struct_align"],
                          tuple(converted)))
    return tuple(out)


_LAYOUTS = _convert(_ffi.lib.table)
_BY_KEY: Dict[Union[int, str], Layout] = {}
for _layout in _LAYOUTS:
    _BY_KEY[_layout.id] = _layout
    _BY_KEY[_layout.name] = _layout
del _layout


def layout_table() -> Tuple[Layout, ...]:
    """Every layout, in the library's table order: header, the bodies, the
    order-book bin, then the API structs."""
    return _LAYOUTS


def layout(key: Union[int, str]) -> Layout:
    """The layout with this id (a body's type byte, or a small number) or
    name ("trade", "header", "stream_info" ...); a LayoutNotFoundError (both
    a KeyError and a NotFoundError) when none."""
    if isinstance(key, str):
        if len(key) == 1 and key not in _BY_KEY:
            key = ord(key)
    else:
        number = None if isinstance(key, bool) else integer_or_none(key)
        if number is None:
            raise MitchTypeError("a layout key is an id (int) or a name (str), not %s"
                                 % type(key).__name__, field="key")
        key = number
    try:
        return _BY_KEY[key]
    except KeyError:
        raise LayoutNotFoundError("libmitch has no layout %s" % shorten(key),
                                  field="key") from None


def body_layouts() -> Tuple[Layout, ...]:
    """The body layouts: exactly the message types the library knows."""
    return tuple(entry for entry in _LAYOUTS if entry.is_body)


#: Bytes of a message header on the wire.
HEADER_SIZE: int = layout("header").wire_size
#: Bytes of one order-book bin on the wire.
BIN_SIZE: int = layout("bin").wire_size
#: Bins on each side of an order book.
BINS_PER_SIDE: int = next(f.count for body in body_layouts() for f in body.fields
                          if f.kind == "bins")
