"""Bulk paths: whole buffers of messages to numpy arrays and back, and
pandas DataFrames.

numpy (Debian's ``python3-numpy``) and pandas are optional and imported only
when one of these functions runs.  Two array layouts:

* the **wire** layout (:func:`wire_dtype`): one record per body, fields at
  their protocol offsets, little-endian on every host, padding included -
  the bytes exactly as on the wire.  :func:`decode_array` returns this; when
  the buffer is one message it is a zero-copy view of the caller's buffer
  (validated by libmitch in one call), otherwise libmitch validates the
  whole buffer and copies the bodies into the array in one call
  (``mitch_stream_gather``).
* the **host** layout (:func:`host_dtype`): the C structs of ``mitch.h``,
  every field a native number (an order's type, side and 48-bit expiry
  included).  :func:`decode_records` returns this (libmitch decodes the
  bodies in one batch call); DataFrames are built from it.

:func:`encode_array` turns either layout back into messages
(``mitch_stream_frame``, after ``mitch_*_encode_batch`` for host records).
"""

from ctypes import POINTER, byref, c_size_t
from typing import Any, Optional

from . import _ffi
from ._buffer import pinned
from .codec import _BATCH_FUNCS, _stream_error
from .types import MessageTypeLike, WIRE_LAYOUTS, body_class, body_error, message_type_byte

__all__ = ["wire_dtype", "host_dtype", "decode_array", "decode_records", "encode_array",
           "to_dataframe"]

lib = _ffi.lib
_DTYPES: dict = {}


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - depends on the system
        raise ImportError("this function needs numpy (Debian: apt install python3-numpy)") \
            from None
    return numpy


def wire_dtype(message_type: MessageTypeLike) -> Any:
    """numpy dtype of one body as on the wire (little-endian, padding
    included; an order's ``expiry_ms`` is 6 raw bytes and its
    ``type_and_side`` one byte, as on the wire)."""
    np = _numpy()
    cls = body_class(message_type)
    key = ("wire", cls._TYPE)
    if key not in _DTYPES:
        names, formats, offsets = [], [], []
        for f in WIRE_LAYOUTS[cls._TYPE]:
            names.append(f.name)
            formats.append(("u1", (6,)) if f.format == "u48" else f.format)
            offsets.append(f.offset)
        if cls._TYPE == ord("b"):
            bins = np.dtype([("count", "<u4"), ("volume", "<u4")])
            names += ["bids", "asks"]
            formats += [(bins, (_ffi.BINS_PER_SIDE,)), (bins, (_ffi.BINS_PER_SIDE,))]
            offsets += [24, 24 + _ffi.BINS_PER_SIDE * _ffi.BIN_SIZE]
        _DTYPES[key] = np.dtype({"names": names, "formats": formats, "offsets": offsets,
                                 "itemsize": cls._SIZE})
    return _DTYPES[key]


def host_dtype(message_type: MessageTypeLike) -> Any:
    """numpy dtype of the C struct of a body (``mitch_trade`` ...), native
    byte order, the layout the batch encoders and decoders use."""
    np = _numpy()
    cls = body_class(message_type)
    key = ("host", cls._TYPE)
    if key not in _DTYPES:
        _DTYPES[key] = np.dtype(cls._STRUCT)
    return _DTYPES[key]


def _single_message_count(address: int, size: int, type_byte: int, bs: int) -> Optional[int]:
    """Body count when the buffer is exactly one message of ``type_byte``."""
    header = _ffi.HeaderStruct()
    if size < _ffi.HEADER_SIZE or lib.mitch_header_decode(address, size, byref(header)):
        return None
    if header.message_type != type_byte or _ffi.HEADER_SIZE + header.count * bs != size:
        return None
    return header.count


def decode_array(data: Any, message_type: MessageTypeLike, copy: bool = False) -> Any:
    """All bodies of a buffer of messages of one type as a numpy array of
    :func:`wire_dtype` records, validated by libmitch.

    A buffer holding a single message gives a view of its bodies (no copy;
    read-only if the buffer is), unless ``copy`` is true; any other buffer
    is gathered into a new array by one C call.  A message of another type
    or a damaged one raises, with ``offset`` at the faulty byte.
    """
    np = _numpy()
    byte = message_type_byte(message_type)
    cls = body_class(byte)
    dtype = wire_dtype(byte)
    bs = cls._SIZE
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        count = None if copy else _single_message_count(address, size, byte, bs)
        if count is not None:
            status = lib.mitch_stream_validate(address, size, byte, byref(info))
            if status:
                raise _stream_error(status, info, data, "decode_array")
            return np.frombuffer(data, dtype=dtype, count=count, offset=_ffi.HEADER_SIZE)
        # Every message has a header, so size // bs bounds the body count:
        # one pass of C validates and copies, no counting pass first.
        out = np.empty(size // bs, dtype=dtype)
        n = c_size_t()
        status = lib.mitch_stream_gather(address, size, byte, out.ctypes.data,
                                         out.nbytes, byref(n), byref(info))
    if status:
        raise _stream_error(status, info, data, "decode_array")
    return out[:n.value]


def decode_records(data: Any, message_type: MessageTypeLike) -> Any:
    """All bodies of a buffer of messages of one type as a numpy array of
    :func:`host_dtype` records (every field a native number)."""
    wire = decode_array(data, message_type)
    return _wire_to_host(wire, body_class(message_type))


def _wire_to_host(wire: Any, cls: Any) -> Any:
    np = _numpy()
    wire = np.ascontiguousarray(wire)
    records = np.zeros(len(wire), dtype=host_dtype(cls))  # no stray bytes in padding
    done = c_size_t()
    status = _BATCH_FUNCS[cls][1](wire.ctypes.data or None, wire.nbytes,
                                  records.ctypes.data_as(POINTER(cls._STRUCT)), len(wire),
                                  byref(done))
    if status:
        raise body_error(cls._TYPE, status, wire.view(np.uint8), done.value * cls._SIZE)
    return records


def encode_array(array: Any, message_type: MessageTypeLike, timestamp: int = 0) -> bytes:
    """Messages (255 bodies each, the last shorter) holding the records of
    ``array`` - :func:`wire_dtype` or :func:`host_dtype` records - all with
    the same timestamp.  libmitch validates every body."""
    np = _numpy()
    from .codec import stream_frame
    cls = body_class(message_type)
    array = np.ascontiguousarray(array)
    # Host records go through the C encoder even where their dtype equals the
    # wire dtype (a trade on a little-endian host): it writes the padding as
    # zeros, whatever the array's padding bytes hold.
    if array.dtype != host_dtype(cls):
        if array.dtype != wire_dtype(cls):
            raise TypeError("array dtype %s is neither mitch.wire_dtype(%r) nor "
                            "mitch.host_dtype(%r)"
                            % (array.dtype, chr(cls._TYPE), chr(cls._TYPE)))
        return stream_frame(cls._TYPE, array.view(np.uint8).reshape(-1), timestamp)
    wire = np.zeros(len(array), dtype=wire_dtype(cls))
    done = c_size_t()
    status = _BATCH_FUNCS[cls][0](array.ctypes.data_as(POINTER(cls._STRUCT)), len(array),
                                  wire.ctypes.data or None, wire.nbytes, byref(done))
    if status:
        bad = cls.from_ffi(cls._STRUCT.from_buffer_copy(array[done.value].tobytes()))
        err = bad._fail(status, "cannot be encoded")
        err.args = ("array[%d]: %s" % (done.value, err.args[0]),)
        raise err
    return stream_frame(cls._TYPE, wire.view(np.uint8).reshape(-1), timestamp)


def to_dataframe(data: Any, message_type: Optional[MessageTypeLike] = None) -> Any:
    """A pandas DataFrame of the bodies of ``data``: a buffer of messages of
    one type (``message_type`` required), or an array from
    :func:`decode_array`/:func:`decode_records`.  One column per field;
    order books get per-row arrays of bin counts and volumes."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the system
        raise ImportError("to_dataframe needs pandas (Debian: apt install python3-pandas)") \
            from None
    np = _numpy()
    if isinstance(data, np.ndarray) and data.dtype.names:
        cls = _class_of_dtype(data.dtype, message_type)
        records = data if data.dtype == host_dtype(cls) else _wire_to_host(data, cls)
    else:
        if message_type is None:
            raise TypeError("to_dataframe(buffer) needs the message_type")
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


def _class_of_dtype(dtype: Any, message_type: Optional[MessageTypeLike]) -> Any:
    candidates = [body_class(message_type)] if message_type is not None else \
        [body_class(t) for t in WIRE_LAYOUTS]
    for cls in candidates:
        if dtype in (wire_dtype(cls), host_dtype(cls)):
            return cls
    raise TypeError("array dtype %s is not a mitch wire or host dtype%s" % (
        dtype, "" if message_type is None else " of %r" % (message_type,)))

