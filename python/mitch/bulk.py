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

from __future__ import annotations

import importlib
from ctypes import POINTER, byref, c_size_t

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple

from . import _diagnose, _ffi
from ._buffer import pinned
from ._convert import as_flag
from .bodies import body_class, body_classes
from .codec import _batch_functions, check_order
from .exceptions import InvalidMessageTypeError, MitchTypeError
from .capture import columns, decode, encode_bodies, timestamps_for
from .dtypes import (_canonical, _equivalent, _numpy, _same_bytes, host_dtype,  # noqa: F401
                     wire_dtype)
from .layouts import HEADER_SIZE, layout

__all__ = ["decode_array", "decode_records", "encode_array", "to_dataframe", "to_polars"]

lib = _ffi.lib


def _single_message_count(address: int, size: int, type_byte: int, bs: int) -> Optional[int]:
    """Body count when the buffer is exactly one message of ``type_byte``."""
    header = _ffi.HeaderStruct()
    if size < HEADER_SIZE or lib.mitch_header_decode(address, size, byref(header)):
        return None
    if header.message_type != type_byte or HEADER_SIZE + header.count * bs != size:
        return None
    return int(header.count)


def _other_body_type(data: Any, offset: int) -> bool:
    """True when the message at ``offset`` of ``data`` starts with the type
    byte of some body type: the buffer is a mixed capture, not damaged."""
    with pinned(data) as (address, size):
        if offset >= size:
            return False
        return memoryview(data).cast("B")[offset] in body_classes()


def _host_to_wire(records: Any, cls: Any) -> Any:
    """Validated host records as wire records (a view where the bytes are
    the same on this host, else one C batch encode)."""
    np = _numpy()
    wire = wire_dtype(cls)
    if _same_bytes(host_dtype(cls), wire):
        return records.view(wire)
    out = np.empty(len(records), dtype=wire)
    done = c_size_t()
    status = _batch_functions(cls)[0](records.ctypes.data_as(POINTER(cls._STRUCT)),
                                      len(records), out.ctypes.data or None, out.nbytes,
                                      byref(done))
    if status:
        raise _diagnose.values_error(cls, records.ctypes.data, len(records), status,
                                     "decode_array")
    return out


def decode_array(data: Any, message_type: Any, copy: bool = False,
                 with_timestamps: bool = False) -> Any:
    """All bodies of ``message_type`` in a buffer of messages as a numpy
    array of :func:`wire_dtype` records, validated by libmitch.

    A buffer holding a single message gives a view of its bodies (no copy;
    read-only if the buffer is), unless ``copy`` is true; a buffer of
    messages of this type is gathered into a new array by one C call; a
    capture of several types gives the bodies of this type (the others are
    validated and skipped).  With ``with_timestamps``, the result is
    ``(array, timestamps)``: one u64 header timestamp per body.  Damage
    raises, with ``offset`` at the faulty byte.
    """
    check_order("decode_array", "decode_array(data, message_type)", data, message_type)
    copy = as_flag(copy, "copy")
    np = _numpy()
    cls = body_class(message_type)
    if as_flag(with_timestamps, "with_timestamps"):
        records, stamps = columns(data, [cls])[cls]
        return _host_to_wire(records, cls), stamps
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
    if status == InvalidMessageTypeError.status and \
            _other_body_type(data, int(info.message_offset)):
        # a mixed capture: take this type's bodies
        return _host_to_wire(columns(data, [cls])[cls][0], cls)
    if status:
        raise _diagnose.stream_error(status, data, "decode_array", byte)
    return out[:n.value]


def decode_records(data: Any, message_type: Any) -> Any:
    """All bodies of ``message_type`` in a buffer of messages - of this type
    or a capture of several - as a numpy array of
    ``host_dtype(message_type, with_timestamp=True)`` records: every field a
    native number, and each body's header ``timestamp``."""
    check_order("decode_records", "decode_records(data, message_type)", data, message_type)
    cls = body_class(message_type)
    return decode(data, [cls], records=True)[cls]


def _wire_to_host(wire: Any, cls: Any) -> Any:
    np = _numpy()
    host = host_dtype(cls)
    wire = _canonical(wire, wire_dtype(cls))
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
    """"host", "timed" (host records with a ``timestamp`` field) or "wire"
    when ``array`` holds records of that layout of ``cls`` (wherever numpy
    put the padding), else None."""
    dtype = array.dtype
    if dtype.names is None:
        return None
    host, timed, wire = host_dtype(cls), host_dtype(cls, True), wire_dtype(cls)
    if dtype == host:
        return "host"
    if dtype == timed or _equivalent(dtype, timed):
        return "timed"
    if dtype == wire or _equivalent(dtype, wire):
        return "wire"
    if _equivalent(dtype, host):
        return "host"
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


def _host_records(array: Any, message_type: Any) -> Tuple[Any, Any, Optional[Any]]:
    """(class, contiguous 1-D host records, the array's timestamps or None)
    of an array of wire, host or timed records, any shape."""
    np = _numpy()
    if not isinstance(array, np.ndarray):
        raise MitchTypeError("expected a numpy array of records, not %s"
                             % type(array).__name__)
    cls, kind = _class_of_array(array, message_type)
    if kind == "wire":
        return cls, _wire_to_host(array, cls), None
    if kind == "timed":
        flat = _canonical(array, host_dtype(cls, True))
        host = np.empty(len(flat), dtype=host_dtype(cls))
        names = host.dtype.names
        for name in names:
            host[name] = flat[name]
        return cls, host, flat["timestamp"]
    return cls, _canonical(array, host_dtype(cls)), None


def encode_array(array: Any, message_type: Any = None, timestamp: Any = None) -> bytes:
    """Messages holding the records of ``array`` - :func:`wire_dtype` or
    :func:`host_dtype` records (with or without a ``timestamp`` field), any
    shape (encoded whole, in C order).  ``timestamp`` is one int for every
    body or one per body; by default the records' ``timestamp`` field, else
    0.  A new message starts when the timestamp changes or after 255
    bodies.  libmitch validates everything before anything is written; the
    message type defaults to the one whose records the array holds."""
    check_order("encode_array", "encode_array(array, message_type=None, timestamp=None)",
                array, message_type)
    cls, records, stamps = _host_records(array, message_type)
    if timestamp is not None or stamps is None:
        stamps = timestamps_for(0 if timestamp is None else timestamp, len(records))
    else:
        stamps = _numpy().ascontiguousarray(stamps, dtype="=u8")
    return encode_bodies(cls, records, stamps)


def _bins_fields(cls: Any) -> Tuple[str, ...]:
    return tuple(f.name for f in layout(cls._LAYOUT).fields if f.kind == "bins")


def _columns(data: Any, message_type: Any, date: Any, what: str
             ) -> Tuple[Any, Dict[str, Any]]:
    """(class, name -> numpy column) of the bodies of ``data`` (a buffer of
    messages or a capture, or an array of records), timestamps included
    when known; order-book bins as per-row lists of counts and volumes."""
    np = _numpy()
    if isinstance(data, np.ndarray) and data.dtype.names:
        cls, records, stamps = _host_records(data, message_type)
    else:
        if message_type is None:
            raise MitchTypeError("%s(buffer) needs the message_type" % what)
        cls = body_class(message_type)
        records, stamps = columns(data, [cls])[cls]
    bins = _bins_fields(cls)
    out: Dict[str, Any] = {}
    for name in records.dtype.names:
        if name in bins:
            out[name[:-1] + "_counts"] = list(records[name]["count"])
            out[name[:-1] + "_volumes"] = list(records[name]["volume"])
        else:
            out[name] = records[name]
    if stamps is not None:
        out["timestamp"] = stamps if date is None else _datetimes(stamps, date)
    elif date is not None:
        raise MitchTypeError("%s(date=...) needs timestamps: give a buffer of messages or "
                             "records with a timestamp field" % what)
    return cls, out


def _datetimes(stamps: Any, date: Any) -> Any:
    """ns since midnight UTC of ``date`` as numpy datetime64[ns] (UTC)."""
    np = _numpy()
    try:
        midnight = np.datetime64(str(date)[:10] if not isinstance(date, np.datetime64)
                                 else date, "D")
    except ValueError:
        raise MitchTypeError("date must be a day such as \"2026-12-01\", not %r"
                             % str(date)[:40]) from None
    return midnight.astype("datetime64[ns]") + stamps.astype("timedelta64[ns]")


def to_dataframe(data: Any, message_type: Any = None, date: Any = None) -> Any:
    """A pandas DataFrame of the bodies of ``message_type`` in ``data`` - a
    buffer of messages, or a capture of several types - or of an array of
    records.  One column per field, plus ``timestamp`` (u64 ns since
    midnight; with ``date="2026-12-01"`` a UTC datetime column instead);
    order books get per-row lists of bin counts and volumes."""
    check_order("to_dataframe", "to_dataframe(data, message_type)", data, message_type)
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:  # depends on the system
        raise ImportError("to_dataframe needs pandas (Debian: apt install python3-pandas)") \
            from None
    _, columns = _columns(data, message_type, date, "to_dataframe")
    if date is not None:
        columns["timestamp"] = pandas.DatetimeIndex(columns["timestamp"]).tz_localize("UTC")
    return pandas.DataFrame(columns, copy=False)


def to_polars(data: Any, message_type: Any = None, date: Any = None) -> Any:
    """A polars DataFrame of the bodies, as :func:`to_dataframe` gives (the
    ``timestamp`` column a UTC ``Datetime`` with ``date``).  polars comes
    from PyPI (``pip install polars``), not from Debian."""
    check_order("to_polars", "to_polars(data, message_type)", data, message_type)
    try:
        polars = importlib.import_module("polars")
    except ImportError:
        raise ImportError("to_polars needs polars (pip install polars; Debian has no "
                          "package of it)") from None
    _, columns = _columns(data, message_type, date, "to_polars")
    frame = polars.DataFrame(columns)
    if date is not None:
        frame = frame.with_columns(polars.col("timestamp").dt.replace_time_zone("UTC"))
    return frame
