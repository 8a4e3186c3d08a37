"""numpy dtypes of the bodies, from the library's layout table, and the
conversions between arrays of them.

* the **wire** layout (:func:`wire_dtype`): one record per body, fields at
  their protocol offsets, little-endian on every host, padding included -
  the bytes exactly as on the wire;
* the **host** layout (:func:`host_dtype`): the C structs of ``mitch.h``,
  every field a native number, optionally followed by the header's
  ``timestamp``.

numpy is imported only when one of these functions runs.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, List, Tuple

from ._convert import as_flag
from .bodies import body_class
from .layouts import layout

__all__ = ["wire_dtype", "host_dtype"]


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # depends on the system
        raise ImportError("this function needs numpy (Debian: apt install python3-numpy)") \
            from None
    return numpy


#: numpy format of one wire element of each field kind (little-endian on
#: every host); a u48 is its 6 raw bytes, as on the wire.
_WIRE_FORMATS = {"u8": "u1", "u16": "<u2", "u32": "<u4", "u64": "<u8", "i8": "i1",
                 "i16": "<i2", "i32": "<i4", "f64": "<f8", "bits": "u1", "u48": ("u1", (6,))}


def _make_wire_dtype(name: str) -> Any:
    """The wire dtype of a layout, from the library's table: one field per
    wire field (bit fields as the byte that holds them, under its wire
    name), nested bins as (count, volume) records, padding left out."""
    np = _numpy()
    entry = layout(name)
    names: List[str] = []
    formats: List[Any] = []
    offsets: List[int] = []
    for f in entry.fields:
        if f.kind == "padding":
            continue
        if f.kind == "bits":
            if f.wire_name in names:
                continue
            names.append(f.wire_name)
        else:
            names.append(f.name)
        if f.kind == "bins":
            formats.append((_make_wire_dtype(f.nested or ""), (f.count,)))
        else:
            formats.append(_WIRE_FORMATS[f.kind])
        offsets.append(f.wire_offset)
    return np.dtype({"names": names, "formats": formats, "offsets": offsets,
                     "itemsize": entry.wire_size})


# dtypes are immutable values computed from the library's constant table: a
# race computes one twice, with equal results; nothing else is kept.
_DTYPES: Dict[Tuple[str, int], Any] = {}


def wire_dtype(message_type: Any) -> Any:
    """numpy dtype of one body as on the wire (little-endian, padding
    included; an order's ``expiry_ms`` is 6 raw bytes and its
    ``type_and_side`` one byte, as on the wire)."""
    cls = body_class(message_type)
    key = ("wire", cls._TYPE)
    dtype = _DTYPES.get(key)
    if dtype is None:
        dtype = _DTYPES[key] = _make_wire_dtype(cls._LAYOUT)
    return dtype


def host_dtype(message_type: Any, with_timestamp: bool = False) -> Any:
    """numpy dtype of the C struct of a body (``mitch_trade`` ...), native
    byte order, the layout the batch encoders and decoders use; with
    ``with_timestamp``, followed by ``timestamp`` (u64, the header's ns
    since midnight), the records :func:`decode_capture` and
    :func:`decode_records` return."""
    cls = body_class(message_type)
    with_timestamp = as_flag(with_timestamp, "with_timestamp")
    key = ("timed" if with_timestamp else "host", cls._TYPE)
    dtype = _DTYPES.get(key)
    if dtype is None:
        np = _numpy()
        host = np.dtype(cls._STRUCT)
        if with_timestamp:
            names = list(host.names) + ["timestamp"]
            dtype = np.dtype({"names": names,
                              "formats": [host.fields[n][0] for n in host.names] + ["=u8"],
                              "offsets": [host.fields[n][1] for n in host.names]
                              + [host.itemsize], "itemsize": host.itemsize + 8})
        else:
            dtype = host
        _DTYPES[key] = dtype
    return dtype


def _same_bytes(a: Any, b: Any) -> bool:
    """True when two structured dtypes describe the same bytes (same
    fields, formats and offsets, same item size): an array of one can be
    viewed as the other."""
    return bool(a.itemsize == b.itemsize and a.names == b.names
                and all(a.fields[n][:2] == b.fields[n][:2] for n in a.names))


def _equivalent(dtype: Any, target: Any) -> bool:
    """True when ``dtype`` has the fields of ``target`` (names, order and
    formats), wherever numpy placed them (packed, other padding)."""
    return bool(dtype.names == target.names
                and all(dtype.fields[n][0] == target.fields[n][0] for n in target.names))


def _canonical(array: Any, target: Any) -> Any:
    """``array`` (any shape) as a contiguous 1-D array of dtype ``target``:
    a view when it already is one, else one copy field by field."""
    np = _numpy()
    flat = array.reshape(-1) if array.flags.c_contiguous else np.ravel(array, order="C")
    if flat.dtype == target and flat.flags.c_contiguous:
        return flat
    out = np.empty(flat.shape[0], dtype=target)
    out[...] = flat  # structured assignment: field by field, by position
    return out
