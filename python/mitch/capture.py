"""Captures: buffers of concatenated messages of any types (a recorded feed)
to per-type numpy arrays with each body's header timestamp, and back.

Both directions use one function of libmitch each (``mitch_capture_decode``,
``mitch_capture_encode``), the implementation every binding shares:
decoding frames every message and validates every body and delivers the
bodies of each type with their timestamps; encoding validates everything
first and starts a new message when the timestamp changes or after 255
bodies.  numpy is needed (``python3-numpy``).

How a capture is decoded: libmitch decodes it into small scratch arrays
(about 1 MiB per type, reused) that stay in the CPU's cache, and each such
chunk is copied into the result - next to its timestamps, for records that
carry them; the results are allocated for the most bodies the capture
could hold, and only the pages written are ever touched.  Writing the
results is the only pass over fresh memory.
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
_BUFFER_TOO_SMALL = 3

#: Bytes of host records decoded per call into the scratch arrays.
CHUNK_BYTES = 1 << 20


def _failure(status: int, err: Any, info: Any, base: int, messages: int) -> Exception:
    """The exception of a failed call over ``data[base:]``, the ``messages``
    before ``base`` counted, every offset from the start of ``data``."""
    exc = _diagnose.from_error(err, "decode_capture: message at offset %d"
                               % (base + err.message_offset), status, base=base,
                               index=messages + err.index)
    exc.info = StreamInfo(messages + int(info.messages), int(info.bodies),
                          base + int(info.error_offset), base + int(info.message_offset))
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
    (every body needs a header, so size // body size): pages never written
    are never touched, and the arrays returned are the written prefixes."""
    np = _numpy()
    classes = list(body_classes().values())
    wanted = [cls for cls in classes if cls in wanted]
    sinks = _sinks(classes)  # the other types' sinks only count
    index = {cls: i for i, cls in enumerate(classes)}
    err = _ffi.ErrorStruct()
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        out: Dict[Any, Any] = {}
        scratch: Dict[Any, Tuple[Any, Any]] = {}
        for cls in wanted:
            host = host_dtype(cls)
            most = size // cls._SIZE
            out[cls] = np.empty(most, dtype=host_dtype(cls, True)) if records else \
                (np.empty(most, dtype=host), np.empty(most, dtype=np.uint64))
            room = min(max(_ffi.MAX_BODIES, CHUNK_BYTES // host.itemsize), max(most, 1))
            # zeros: padding bytes the C decoder does not write stay 0
            bodies, stamps = np.zeros(room, dtype=host), np.empty(room, dtype=np.uint64)
            scratch[cls] = (bodies, stamps)
            sink = sinks[index[cls]]
            sink.bodies, sink.timestamps, sink.capacity = (bodies.ctypes.data,
                                                           stamps.ctypes.data, room)
        # Chunk by chunk: a full scratch array ends a chunk at the start of
        # the message that did not fit, which the next call decodes.
        done = {cls: 0 for cls in wanted}
        offset = messages = 0
        while True:
            status = lib.mitch_capture_decode(address + offset, size - offset, sinks,
                                              len(classes), byref(info), byref(err))
            taken = {cls: int(sinks[index[cls]].count) for cls in classes}
            full = None
            if status == _BUFFER_TOO_SMALL and offset + info.message_offset < size:
                byte = memoryview(data).cast("B")[offset + info.message_offset]
                full = next((c for c in wanted if c._TYPE == byte
                             and taken[c] == len(scratch[c][0])), None)
            if full is not None and info.message_offset:
                # whole messages only: all their bodies, less the other types'
                taken[full] = int(info.bodies) - sum(v for c, v in taken.items()
                                                     if c is not full)
            elif status:
                raise _failure(status, err, info, offset, messages)
            for cls, (bodies, stamps) in scratch.items():
                k, at = taken[cls], done[cls]
                if not k:
                    continue
                if records:
                    pair = out[cls].view(_pair_dtype(cls))
                    pair["body"][at:at + k] = bodies[:k].view(pair["body"].dtype)
                    pair["timestamp"][at:at + k] = stamps[:k]
                else:  # whole items (padding included), not field by field
                    raw = "V%d" % bodies.itemsize
                    out[cls][0].view(raw)[at:at + k] = bodies[:k].view(raw)
                    out[cls][1][at:at + k] = stamps[:k]
                done[cls] = at + k
            if status == 0:
                break
            offset += int(info.message_offset)
            messages += int(info.messages)
    if records:
        return {cls: out[cls][:done[cls]] for cls in wanted}
    return {cls: (out[cls][0][:done[cls]], out[cls][1][:done[cls]]) for cls in wanted}


def columns(data: Any, classes: Sequence[Any]) -> Dict[Any, Tuple[Any, Any]]:
    """(host records, timestamps) of the bodies of ``classes`` in a capture."""
    return decode(data, classes, records=False)


def fields(data: Any, cls: Any) -> Tuple[Any, Any]:
    """(host records, timestamps) of the bodies of one class, decoded in one
    pass straight into the results, for callers that read the fields only:
    the records' padding bytes are not cleared (to_dataframe, to_polars)."""
    np = _numpy()
    classes = list(body_classes().values())
    sinks = _sinks(classes)
    err = _ffi.ErrorStruct()
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        most = size // cls._SIZE
        bodies, stamps = np.empty(most, dtype=host_dtype(cls)), np.empty(most, dtype=np.uint64)
        sink = sinks[classes.index(cls)]
        sink.bodies, sink.timestamps, sink.capacity = (bodies.ctypes.data or None,
                                                       stamps.ctypes.data or None, most)
        status = lib.mitch_capture_decode(address, size, sinks, len(classes), byref(info),
                                          byref(err))
    if status:
        raise _failure(status, err, info, 0, 0)
    return bodies[:sink.count], stamps[:sink.count]


# Computed from the constant table: a race computes one twice, equal.
_PAIRS: Dict[int, Any] = {}


def _pair_dtype(cls: Any) -> Any:
    """A timed record seen as (the struct's bytes, timestamp)."""
    pair = _PAIRS.get(cls._TYPE)
    if pair is None:
        np = _numpy()
        size = host_dtype(cls).itemsize
        pair = _PAIRS[cls._TYPE] = np.dtype({"names": ["body", "timestamp"],
                                              "formats": ["V%d" % size, "=u8"],
                                              "offsets": [0, size], "itemsize": size + 8})
    return pair


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
