"""Captures: buffers of concatenated messages of any types (a recorded feed)
to per-type numpy arrays with each body's header timestamp, and back.

Both directions use one function of libmitch each (``mitch_capture_decode``,
``mitch_capture_encode``), the implementation every binding shares:
decoding frames every message and validates every body and delivers the
bodies of each type with their timestamps; encoding validates everything
first and starts a new message when the timestamp changes or after 255
bodies.  numpy is needed (``python3-numpy``).

How a capture is decoded: in one call of libmitch, straight into the
results.  The records of ``decode_capture`` hold each body's struct and its
timestamp side by side; the sink's strides (``body_stride``,
``timestamp_stride``) let libmitch write both in place.  The results are
allocated for the most bodies the capture could hold, so only the pages
written are ever touched, and the arrays returned are the written
prefixes.
"""

from __future__ import annotations

from ctypes import POINTER, byref, c_uint64

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Sequence, Tuple

from . import _diagnose, _ffi
from ._buffer import pinned
from ._convert import as_int
from .bodies import body_classes
from .codec import capture_encode
from .dtypes import _numpy, host_dtype
from .enums import MessageType
from .exceptions import FieldOverflowError, MitchTypeError, StreamInfo

__all__ = ["decode_capture"]

lib = _ffi.lib
_Sink = _ffi.CaptureSinkStruct
_u64p = POINTER(c_uint64)


def _failure(status: int, err: Any, info: Any) -> Exception:
    """The exception of a failed decode, with libmitch's offsets."""
    exc = _diagnose.from_error(err, "decode_capture: message at offset %d" % err.message_offset,
                               status, index=err.index)
    exc.info = StreamInfo(int(info.messages), int(info.bodies), int(info.error_offset),
                          int(info.message_offset))
    return exc


def _sinks(classes: Sequence[Any]) -> Any:
    sinks = (_Sink * len(classes))()
    for sink, cls in zip(sinks, classes):
        sink.message_type = cls._TYPE
    return sinks


def decode(data: Any, wanted: Sequence[Any], records: bool) -> Dict[Any, Any]:
    """The bodies of the body classes ``wanted`` in a capture (bodies of
    other types are validated and skipped), by class: with ``records``, one
    array of ``host_dtype(cls, with_timestamp=True)`` each; else a pair
    (host records, uint64 timestamps).  Damage raises, before anything is
    returned, with every offset from the start of ``data``.

    The results are allocated for the most bodies the capture could hold
    (every body needs its wire size, so size // body size): a sink can
    never be full, pages never written are never touched, and the arrays
    returned are the written prefixes.  ``np.empty`` is enough: libmitch
    writes every byte of each struct it fills (padding too), and fresh
    large allocations come from the allocator's huge pages, which
    ``np.zeros`` (calloc) does not ask for."""
    np = _numpy()
    classes = list(body_classes().values())
    wanted = [cls for cls in classes if cls in wanted]
    sinks = _sinks(classes)  # the other types' sinks only count
    index = {cls: i for i, cls in enumerate(classes)}
    err = _ffi.ErrorStruct()
    info = _ffi.StreamInfoStruct()
    out: Dict[Any, Any] = {}
    with pinned(data) as (address, size):
        for cls in wanted:
            most = size // cls._SIZE
            sink = sinks[index[cls]]
            if records:
                timed = host_dtype(cls, True)
                array = np.empty(most, dtype=timed)
                sink.bodies = array.ctypes.data
                sink.timestamps = sink.bodies + timed.fields["timestamp"][1]
                sink.body_stride = sink.timestamp_stride = timed.itemsize
                out[cls] = array
            else:
                bodies = np.empty(most, dtype=host_dtype(cls))
                stamps = np.empty(most, dtype=np.uint64)
                sink.bodies, sink.timestamps = bodies.ctypes.data, stamps.ctypes.data
                out[cls] = (bodies, stamps)
            sink.capacity = most
        status = lib.mitch_capture_decode(address, size, sinks, len(classes), byref(info),
                                          byref(err))
    if status:
        raise _failure(status, err, info)
    found = {cls: int(sinks[index[cls]].count) for cls in wanted}
    if records:
        return {cls: out[cls][:found[cls]] for cls in wanted}
    return {cls: (out[cls][0][:found[cls]], out[cls][1][:found[cls]]) for cls in wanted}


def columns(data: Any, classes: Sequence[Any]) -> Dict[Any, Tuple[Any, Any]]:
    """(host records, timestamps) of the bodies of ``classes`` in a capture."""
    return decode(data, classes, records=False)


def decode_capture(data: Any) -> Dict[MessageType, Any]:
    """Every body of a capture (messages of any types, in any order) by
    message type: a dict with every :class:`MessageType` as a key (an empty
    array for a type the capture does not hold), each a numpy array of
    ``host_dtype(type, with_timestamp=True)`` records - the C struct's
    fields plus ``timestamp`` (u64, ns since midnight UTC, the header's) -
    in capture order.  One pass of libmitch; damage raises with ``offset``
    at the faulty byte and ``info`` saying how far the valid prefix reached."""
    classes = list(body_classes().values())
    found = decode(data, classes, records=True)
    return {MessageType(cls._TYPE): found[cls] for cls in classes}


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
