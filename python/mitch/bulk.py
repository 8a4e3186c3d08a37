"""Bulk paths: whole buffers of messages to numpy arrays and back, and
pandas DataFrames.

numpy (Debian's ``python3-numpy``) and pandas are optional and imported only
when one of these functions runs.  Two array layouts:

* the **wire** layout (:func:`wire_dtype`): one record per body, fields at
  their protocol offsets, little-endian on every host, padding included -
  the bytes exactly as on the wire.  :func:`decode_array` returns this; when
  the buffer is one message it is a zero-copy view of the caller's buffer
  (validated by libmitch in one call), otherwise libmitch validates the
  whole buffer and copies the bodies into the array in one call.
* the **host** layout (:func:`host_dtype`): the C structs of ``mitch.h``,
  every field a native number (an order's type, side and 48-bit expiry
  included).  :func:`decode_records` returns this; DataFrames are built
  from it.

:func:`encode_array` turns either layout back into messages.  Arrays of
either layout are accepted however numpy shaped them: with the padding
dropped (``np.concatenate`` does that), N-dimensional (encoded whole, in C
order), or not contiguous.
"""

from ctypes import POINTER, byref, c_size_t
from typing import Any, Dict, List, Optional, Tuple

from . import _diagnose, _ffi
from ._buffer import pinned
from .bodies import body_class, body_classes
from .codec import _batch_functions, check_order, stream_frame
from .exceptions import MitchTypeError
from .layouts import HEADER_SIZE, layout

__all__ = ["wire_dtype", "host_dtype", "decode_array", "decode_records", "encode_array",
           "to_dataframe"]

lib = _ffi.lib


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


def host_dtype(message_type: Any) -> Any:
    """numpy dtype of the C struct of a body (``mitch_trade`` ...), native
    byte order, the layout the batch encoders and decoders use."""
    cls = body_class(message_type)
    key = ("host", cls._TYPE)
    dtype = _DTYPES.get(key)
    if dtype is None:
        dtype = _DTYPES[key] = _numpy().dtype(cls._STRUCT)
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


def _single_message_count(address: int, size: int, type_byte: int, bs: int) -> Optional[int]:
    """Body count when the buffer is exactly one message of ``type_byte``."""
    header = _ffi.HeaderStruct()
    if size < HEADER_SIZE or lib.mitch_header_decode(address, size, byref(header)):
        return None
    if header.message_type != type_byte or HEADER_SIZE + header.count * bs != size:
        return None
    return int(header.count)


def decode_array(data: Any, message_type: Any, copy: bool = False) -> Any:
    """All bodies of a buffer of messages of one type as a numpy array of
    :func:`wire_dtype` records, validated by libmitch.

    A buffer holding a single message gives a view of its bodies (no copy;
    read-only if the buffer is), unless ``copy`` is true; any other buffer
    is gathered into a new array by one C call.  A message of another type
    or a damaged one raises, with ``offset`` at the faulty byte.
    """
    check_order("decode_array", "decode_array(data, message_type)", data, message_type)
    np = _numpy()
    cls = body_class(message_type)
    byte = cls._TYPE
    dtype = wire_dtype(cls)
    bs = cls._SIZE
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        count = None if copy else _single_message_count(address, size, byte, bs)
        if count is not None:
            status = lib.mitch_stream_validate(address, size, byte, byref(info))
            if status:
                raise _diagnose.stream_error(status, data, "decode_array", byte)
            return np.frombuffer(data, dtype=dtype, count=count, offset=HEADER_SIZE)
        # Every message has a header, so size // bs bounds the body count:
        # one pass of C validates and copies, no counting pass first.
        out = np.empty(size // bs, dtype=dtype)
        n = c_size_t()
        status = lib.mitch_stream_gather(address, size, byte, out.ctypes.data,
                                         out.nbytes, byref(n), byref(info))
    if status:
        raise _diagnose.stream_error(status, data, "decode_array", byte)
    return out[:n.value]


def decode_records(data: Any, message_type: Any) -> Any:
    """All bodies of a buffer of messages of one type as a numpy array of
    :func:`host_dtype` records (every field a native number)."""
    check_order("decode_records", "decode_records(data, message_type)", data, message_type)
    cls = body_class(message_type)
    # copy=True: the records are the caller's own, never a view of ``data``
    return _wire_to_host(decode_array(data, cls, copy=True), cls)


def _wire_to_host(wire: Any, cls: Any) -> Any:
    np = _numpy()
    host = host_dtype(cls)
    wire = _canonical(wire, wire_dtype(cls))
    if _same_bytes(host, wire.dtype):
        # The wire image is the C struct on this host (a trade on a
        # little-endian machine): libmitch validated it, nothing to convert.
        return wire.view(host)
    records = np.empty(len(wire), dtype=host)
    done = c_size_t()
    status = _batch_functions(cls)[1](wire.ctypes.data or None, wire.nbytes,
                                      records.ctypes.data_as(POINTER(cls._STRUCT)), len(wire),
                                      byref(done))
    if status:
        raise _diagnose.wire_error(cls, status, wire.view(np.uint8), done.value * cls._SIZE,
                                   index=done.value)
    return records


def _array_kind(array: Any, cls: Any) -> Optional[str]:
    """"host" or "wire" when ``array`` holds records of that layout of
    ``cls`` (wherever numpy put the padding), else None."""
    dtype = array.dtype
    if dtype.names is None:
        return None
    host, wire = host_dtype(cls), wire_dtype(cls)
    if dtype == host or (dtype != wire and _equivalent(dtype, host)):
        return "host"
    if dtype == wire or _equivalent(dtype, wire):
        return "wire"
    return None


def _class_of_array(array: Any, message_type: Any) -> Tuple[Any, str]:
    candidates = [body_class(message_type)] if message_type is not None else \
        list(body_classes().values())
    for cls in candidates:
        kind = _array_kind(array, cls)
        if kind:
            return cls, kind
    names = ", ".join(str(n) for n in (array.dtype.names or ())[:8])
    raise MitchTypeError("array of dtype with fields (%s) holds neither the wire nor the host "
                         "records of %s" % (names[:80], "any body type" if message_type is None
                                            else body_class(message_type).__name__))


def encode_array(array: Any, message_type: Any = None, timestamp: int = 0) -> bytes:
    """Messages (255 bodies each, the last shorter) holding the records of
    ``array`` - :func:`wire_dtype` or :func:`host_dtype` records, any shape
    (encoded whole, in C order) - all with the same timestamp.  libmitch
    validates every body; the message type defaults to the one whose
    records the array holds."""
    check_order("encode_array", "encode_array(array, message_type=None, timestamp=0)", array,
                message_type)
    np = _numpy()
    if not isinstance(array, np.ndarray):
        raise MitchTypeError("encode_array takes a numpy array of records, not %s"
                             % type(array).__name__)
    cls, kind = _class_of_array(array, message_type)
    if kind == "wire":
        wire = _canonical(array, wire_dtype(cls))
        return stream_frame(wire.view(np.uint8), cls, timestamp)
    # Host records go through the C encoder even where their dtype equals the
    # wire dtype (a trade on a little-endian host): it writes the padding as
    # zeros, whatever the array's padding bytes hold.
    records = _canonical(array, host_dtype(cls))
    wire = np.empty(len(records), dtype=wire_dtype(cls))
    done = c_size_t()
    status = _batch_functions(cls)[0](records.ctypes.data_as(POINTER(cls._STRUCT)),
                                      len(records), wire.ctypes.data or None, wire.nbytes,
                                      byref(done))
    if status:
        err = _diagnose.values_error(cls, records.ctypes.data, len(records), status,
                                     "encode_array")
        err.args = ("encode_array: array[%s]: %s" % (err.index, err.args[0][14:]),)
        raise err
    return stream_frame(wire.view(np.uint8), cls, timestamp)


def to_dataframe(data: Any, message_type: Any = None) -> Any:
    """A pandas DataFrame of the bodies of ``data``: a buffer of messages of
    one type (``message_type`` required), or an array from
    :func:`decode_array`/:func:`decode_records`.  One column per field;
    order books get per-row arrays of bin counts and volumes."""
    check_order("to_dataframe", "to_dataframe(data, message_type)", data, message_type)
    try:
        import pandas
    except ImportError:  # depends on the system
        raise ImportError("to_dataframe needs pandas (Debian: apt install python3-pandas)") \
            from None
    np = _numpy()
    if isinstance(data, np.ndarray) and data.dtype.names:
        cls, kind = _class_of_array(data, message_type)
        records = _canonical(data, host_dtype(cls)) if kind == "host" \
            else _wire_to_host(data, cls)
    else:
        if message_type is None:
            raise MitchTypeError("to_dataframe(buffer) needs the message_type")
        cls = body_class(message_type)
        records = decode_records(data, cls)
    columns = {}
    for name in records.dtype.names:
        if name in ("bids", "asks"):
            columns[name[:-1] + "_counts"] = list(records[name]["count"])
            columns[name[:-1] + "_volumes"] = list(records[name]["volume"])
        else:
            columns[name] = records[name]
    return pandas.DataFrame(columns)

