"""Captures: buffers of concatenated messages of any types (a recorded feed)
to per-type numpy arrays with each body's header timestamp, and back.

Both directions are one call of libmitch each (``mitch_capture_decode``,
``mitch_capture_encode``), the implementation every binding shares:
decoding frames every message and validates every body in one pass and
delivers the bodies of each type with their timestamps; encoding validates
everything first and starts a new message when the timestamp changes or
after 255 bodies.  numpy is needed (``python3-numpy``).
"""

from ctypes import POINTER, byref, c_size_t, c_uint64
from typing import Any, Dict, Sequence, Tuple

from . import _diagnose, _ffi
from ._buffer import pinned
from ._convert import as_int
from .bodies import body_class, body_classes
from .enums import MessageType
from .codec import capture_encode
from .dtypes import _numpy, host_dtype
from .exceptions import FieldOverflowError, MitchTypeError, StreamInfo

__all__ = ["decode_capture"]

lib = _ffi.lib
_Sink = _ffi.CaptureSinkStruct
_u64p = POINTER(c_uint64)


def columns(data: Any, classes: Sequence[Any]) -> Dict[Any, Tuple[Any, Any]]:
    """The bodies of ``classes`` in a capture, each class's as (host records,
    timestamps): two numpy arrays of the same length, by class.  Bodies of
    other types are validated and skipped; damage raises (every offset from
    the start of ``data``)."""
    np = _numpy()
    with pinned(data) as (address, size):
        sinks = (_Sink * max(len(classes), 1))()
        arrays = []
        for sink, cls in zip(sinks, classes):
            # Every body has a header before it: size // body size bounds the
            # count, so one pass fills everything (untouched pages cost
            # nothing).  zeros, not empty: C writes the members, and padding
            # must never show what the memory held before (calloc gives
            # fresh pages as they are: no extra pass).
            capacity = size // cls._SIZE
            bodies = np.zeros(capacity, dtype=host_dtype(cls))
            stamps = np.empty(capacity, dtype=np.uint64)
            sink.message_type = cls._TYPE
            sink.bodies = bodies.ctypes.data or None
            sink.timestamps = stamps.ctypes.data if capacity else None
            sink.capacity = capacity
            arrays.append((bodies, stamps))
        err = _ffi.ErrorStruct()
        info = _ffi.StreamInfoStruct()
        status = lib.mitch_capture_decode(address, size, sinks, len(classes), byref(info),
                                          byref(err))
    if status:
        exc = _diagnose.from_error(err, "decode_capture: message at offset %d"
                                   % err.message_offset, status)
        exc.info = StreamInfo(int(info.messages), int(info.bodies), int(info.error_offset),
                              int(info.message_offset))
        raise exc
    return {cls: (bodies[:sink.count], stamps[:sink.count])
            for cls, sink, (bodies, stamps) in zip(classes, sinks, arrays)}


def with_timestamps(records: Any, stamps: Any, cls: Any) -> Any:
    """Host records and their timestamps as one array of
    ``host_dtype(cls, with_timestamp=True)`` records."""
    np = _numpy()
    out = np.empty(len(records), dtype=host_dtype(cls, with_timestamp=True))
    host = host_dtype(cls)
    if host.itemsize % 8 == 0:  # copy whole 8-byte words: the fastest numpy can
        words = host.itemsize // 8
        grid = out.view(np.uint64).reshape(len(records), words + 1)
        grid[:, :words] = records.view(np.uint64).reshape(len(records), words)
        grid[:, words] = stamps
    else:
        grid = out.view(np.uint8).reshape(len(records), out.itemsize)
        grid[:, :host.itemsize] = records.view(np.uint8).reshape(len(records), host.itemsize)
        out["timestamp"] = stamps
    return out


def decode_capture(data: Any) -> Dict[MessageType, Any]:
    """Every body of a capture (messages of any types, in any order) by
    message type: a dict with every :class:`MessageType` as a key (an empty
    array for a type the capture does not hold), each a numpy array of
    ``host_dtype(type, with_timestamp=True)`` records - the C struct's
    fields plus ``timestamp`` (u64, ns since midnight UTC, the header's) -
    in capture order.  One pass of libmitch; damage raises with ``offset``
    at the faulty byte and ``info`` saying how far the valid prefix reached."""
    classes = list(body_classes().values())
    found = columns(data, classes)
    return {MessageType(cls._TYPE): with_timestamps(found[cls][0], found[cls][1], cls)
            for cls in classes}


def encode_bodies(cls: Any, records: Any, stamps: Any) -> bytes:
    """``n`` contiguous host records of ``cls`` (a numpy array) with one
    timestamp each (a contiguous uint64 numpy array) as messages."""
    return capture_encode(cls, records.ctypes.data, stamps.ctypes.data_as(_u64p), len(records),
                          "encode_array: array[%d]")


def timestamps_for(timestamp: Any, n: int, what: str = "timestamp") -> Any:
    """``timestamp`` (one int for every body, or one per body) as a
    contiguous uint64 array of ``n``."""
    np = _numpy()
    if isinstance(timestamp, (int, np.integer)) and not isinstance(timestamp, bool):
        return np.full(n, as_int(timestamp, "u64", what), dtype=np.uint64)
    try:
        stamps = np.asarray(timestamp)
    except (TypeError, ValueError):
        raise MitchTypeError("%s must be an int or one int per body" % what) from None
    if stamps.dtype.kind not in "ui" or stamps.shape != (n,):
        raise MitchTypeError("%s must be an int or %d integers (one per body), not %s of "
                             "shape %s" % (what, n, stamps.dtype, stamps.shape))
    if stamps.dtype.kind == "i" and n and stamps.min() < 0:
        raise FieldOverflowError("%s[%d] is negative" % (what, int(np.argmin(stamps))),
                                 field="timestamp", index=int(np.argmin(stamps)))
    return np.ascontiguousarray(stamps, dtype=np.uint64)
