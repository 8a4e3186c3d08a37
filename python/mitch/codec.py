"""Typed encoding and decoding: bodies, headers, whole messages, streams.

Every byte is produced and checked by libmitch; these functions move values
between Python objects and the C calls, and turn status codes into
exceptions that say which field, rule or byte offset was wrong.

One argument order everywhere: the data first, the message type second
(``unpack(data, "t")``, ``decode_batch(data, "t")``,
``encode_message(bodies, "t", timestamp)``); a call in the type-first order
of mitch before 1.1 raises :class:`mitch.ArgumentOrderError`.  Only
:mod:`mitch.flat` keeps the C order of the flat ABI.
"""

from __future__ import annotations

from ctypes import byref, c_char, c_size_t, c_uint64

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, Iterator, List, Optional, Sequence, Union
    from dataclasses import dataclass
else:  # the same classes, without importing dataclasses (see mitch._record)
    from ._record import dataclass

from . import _diagnose, _ffi
from ._buffer import pinned
from ._convert import AT_START, as_index, as_int, as_list, check_span, shorten
from .bodies import Header, Index, Order, Tick, Trade, _Body, body_class, body_classes
from .book import OrderBook
from .enums import MessageType, OrderSide, by_value, looks_like_message_type, message_type_byte
from .exceptions import (ArgumentOrderError, BufferTooSmallError, InvalidDataError,
                         InvalidFieldValueError, MitchError, MitchTypeError, StreamInfo,
                         exception_for_status)
from .layouts import HEADER_SIZE, body_layouts

__all__ = [
    "Message", "StreamInfo", "pack", "unpack", "unpack_trade", "unpack_order",
    "unpack_tick", "unpack_index", "unpack_order_book", "unpack_header", "validate_body",
    "encode_batch", "decode_batch", "encode_message", "decode_messages", "encode_stream",
    "body_size", "message_size", "message_sizes", "stream_validate", "stream_gather",
    "stream_frame",
]

if TYPE_CHECKING:
    #: Any body dataclass (``mitch.Body``, for annotations).
    Body = Union[Trade, Order, Tick, Index, OrderBook]


def __getattr__(name: str) -> Any:
    # Body at run time: built on first use, so that importing mitch does not
    # import typing.
    if name == "Body":
        from typing import Union
        return Union[tuple(body_classes().values())]
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
lib = _ffi.lib


def _batch_functions(cls: Any) -> Any:
    """(encode_batch, decode_batch) C functions of a body class, named after
    its layout (``mitch_trade_encode_batch`` ...)."""
    return (getattr(lib, "mitch_%s_encode_batch" % cls._LAYOUT),
            getattr(lib, "mitch_%s_decode_batch" % cls._LAYOUT))


def check_order(function: str, signature: str, data: Any, message_type: Any) -> None:
    """Raise :class:`ArgumentOrderError` for a call in the type-first order
    of mitch before 1.1 (``unpack("t", data)``)."""
    if looks_like_message_type(data) and message_type is not None \
            and not looks_like_message_type(message_type):
        raise ArgumentOrderError(
            "%s takes the data first and the message type second: %s (mitch before 1.1 "
            "took the type first; mitch.flat keeps the C order)" % (function, signature))


def _raise(status: int, message: str, **where: Any) -> None:
    raise exception_for_status(status)(message, status=status, **where)


# -- single values ------------------------------------------------------------------

def pack(value: Union[Body, Header]) -> bytes:
    """The wire bytes of a body or header dataclass (``Trade(...)`` -> 32 bytes)."""
    if not isinstance(value, _Body):
        raise MitchTypeError("pack() takes a body dataclass (Trade, Order ...) or a Header, "
                             "not %s" % type(value).__name__)
    return value.pack()


def unpack(data: Any, message_type: Any, offset: int = 0) -> Body:
    """Decode one body of ``message_type`` (a MessageType, ``"t"``, or a body
    class) from ``data`` at ``offset``."""
    check_order("unpack", "unpack(data, message_type, offset=0)", data, message_type)
    return body_class(message_type).unpack(data, offset)  # type: ignore[no-any-return]


_TradeStruct = _ffi.TradeStruct
_trade_decode = Trade._DECODE
_trade_host = Trade._HOST.unpack_from
_sides = by_value(OrderSide)
_make_trade = Trade._MAKE


def unpack_trade(data: Any, offset: int = 0) -> Trade:
    """Decode one trade body into a :class:`Trade` (the fast path: this is
    the call market-data loops make)."""
    s = _TradeStruct()
    if type(data) is bytes and offset is AT_START:
        status = _trade_decode(data, len(data), s)
    else:
        with pinned(data) as (address, size):
            offset, left = check_span(size, offset)
            status = _trade_decode(address + offset, left, s)
    if status:
        raise _diagnose.wire_error(Trade, status, data, offset)
    return _make_trade(_trade_host(s))  # type: ignore[no-any-return]


def unpack_order(data: Any, offset: int = 0) -> Order:
    """Decode one order body into an :class:`Order`."""
    return Order.unpack(data, offset)


def unpack_tick(data: Any, offset: int = 0) -> Tick:
    """Decode one tick body into a :class:`Tick`."""
    return Tick.unpack(data, offset)


def unpack_index(data: Any, offset: int = 0) -> Index:
    """Decode one index body into an :class:`Index`."""
    return Index.unpack(data, offset)


def unpack_order_book(data: Any, offset: int = 0) -> OrderBook:
    """Decode one order-book body into an :class:`OrderBook`."""
    return OrderBook.unpack(data, offset)


def unpack_header(data: Any, offset: int = 0) -> Header:
    """Decode an 8-byte message header into a :class:`Header`."""
    return Header.unpack(data, offset)


def validate_body(data: Any, message_type: Any, offset: int = 0) -> None:
    """Check the bytes of one body without decoding it (mitch_body_validate);
    raise if libmitch rejects them."""
    check_order("validate_body", "validate_body(data, message_type, offset=0)", data,
                message_type)
    byte = message_type_byte(message_type)
    with pinned(data) as (address, size):
        offset, left = check_span(size, offset)
        status = lib.mitch_body_validate(byte, address + offset, left)
    if status == 6:
        raise _diagnose.wire_error(body_class(byte), status, data, offset)
    if status:
        _raise(status, "body of type %s at offset %d: %s" % (
            shorten(message_type, 20), offset, _ffi.strerror(status)), offset=offset)


# -- several bodies -----------------------------------------------------------------

def _same_class(bodies: Sequence[Any], message_type: Any = None) -> Any:
    """The body class every element of ``bodies`` has (and ``message_type``
    names, when given)."""
    cls = body_class(message_type) if message_type is not None else None
    if not bodies:
        if cls is None:
            raise InvalidDataError("no bodies given, and no message type")
        return cls
    first = type(bodies[0])
    if cls is None:
        if not (isinstance(bodies[0], _Body) and first._TYPE):
            raise MitchTypeError("bodies must be body dataclasses (Trade, Order ...), not %s"
                                 % first.__name__)
        cls = first
    for i, b in enumerate(bodies):
        if type(b) is not cls:
            raise MitchTypeError("bodies[%d] is a %s; a %r message holds %s bodies"
                                 % (i, type(b).__name__, chr(cls._TYPE), cls.__name__),
                                 index=i)
    return cls


def _struct_array(cls: Any, bodies: Sequence[Any]) -> Any:
    arr = (cls._STRUCT * max(len(bodies), 1))()
    for i, b in enumerate(bodies):
        try:
            arr[i] = b.to_ffi()
        except MitchError as err:
            err.args = ("bodies[%d]: %s" % (i, err.args[0]),)
            err.index = i
            raise
    return arr


def _bodies_error(cls: Any, arr: Any, n: int, status: int, what: str) -> MitchError:
    """The exception for ``n`` structs libmitch refused: the check names the
    body (``bodies[i]``), the field and the rule."""
    err = _diagnose.values_error(cls, arr, n, status, what)
    if err.index is not None:
        err.args = ("%s: bodies[%d]: %s" % (what, err.index, err.args[0][len(what) + 2:]),)
    return err


def encode_batch(bodies: Sequence[Body], message_type: Any = None) -> bytes:
    """The wire bytes of several bodies of one type, back to back (no header)."""
    bodies = as_list(bodies, "bodies")
    cls = _same_class(bodies, message_type)
    arr = _struct_array(cls, bodies)
    size = cls._SIZE * len(bodies)
    out = (c_char * max(size, 1))()
    done = c_size_t()
    status = _batch_functions(cls)[0](arr, len(bodies), out, size, byref(done))
    if status:
        raise _bodies_error(cls, arr, len(bodies), status, "encode_batch")
    return bytes(out.raw[:size])


def decode_batch(data: Any, message_type: Any, count: Optional[int] = None,
                 offset: int = 0) -> List[Body]:
    """Decode ``count`` consecutive bodies (no header) from ``data`` at
    ``offset``; by default as many whole bodies as the buffer holds."""
    check_order("decode_batch", "decode_batch(data, message_type, count=None, offset=0)",
                data, message_type)
    cls = body_class(message_type)
    with pinned(data) as (address, size):
        offset, left = check_span(size, offset)
        if count is None:
            n = left // cls._SIZE
        else:
            n = as_index(count, "count")
            if n > left // cls._SIZE:  # before anything is allocated
                raise BufferTooSmallError(
                    "decode_batch: %d %s bodies need %d bytes; %d are left after offset %d"
                    % (n, cls.__name__, n * cls._SIZE, left, offset),
                    offset=offset + left - left % cls._SIZE, rule="enough bytes")
        arr = (cls._STRUCT * max(n, 1))()
        done = c_size_t()
        status = _batch_functions(cls)[1](address + offset, left, arr, n, byref(done))
    if status:
        at = offset + done.value * cls._SIZE
        raise _diagnose.wire_error(cls, status, data, at, index=done.value)
    return cls._from_array(arr, n)  # type: ignore[no-any-return]


# -- whole messages -------------------------------------------------------------------

@dataclass
class Message:
    """One message of a buffer: its header, its decoded bodies, and where it
    sits in the buffer (``offset``, ``size`` in bytes)."""

    header: Header
    bodies: List[Body]
    offset: int = 0
    size: int = 0

    @property
    def message_type(self) -> MessageType:
        """The type of the bodies."""
        return self.header.message_type


def encode_message(bodies: Sequence[Body], message_type: Any = None,
                   timestamp: int = 0) -> bytes:
    """One message: header (type, ``timestamp`` in ns since midnight, count)
    and 1..255 bodies of one type; the type defaults to the bodies' own."""
    check_order("encode_message", "encode_message(bodies, message_type=None, timestamp=0)",
                bodies, message_type)
    bodies = as_list(bodies, "bodies")
    cls = _same_class(bodies, message_type)
    byte = cls._TYPE
    ts = as_int(timestamp, "u64", "timestamp")
    arr = _struct_array(cls, bodies)
    out_len = HEADER_SIZE + cls._SIZE * max(len(bodies), 1)
    out = (c_char * out_len)()
    written = c_size_t()
    status = lib.mitch_message_encode(byte, ts, arr, len(bodies), out, out_len,
                                      byref(written))
    if status == 6:
        if not 1 <= len(bodies) <= _ffi.MAX_BODIES:
            raise InvalidFieldValueError("encode_message: a message holds 1..%d bodies, not %d"
                                         % (_ffi.MAX_BODIES, len(bodies)), field="count",
                                         rule="must be 1..%d" % _ffi.MAX_BODIES)
        Header(byte, ts, len(bodies)).validate()
        raise _bodies_error(cls, arr, len(bodies), status, "encode_message")
    if status:
        _raise(status, "encode_message: %s" % _ffi.strerror(status))
    return bytes(out.raw[:written.value])


def timestamp_array(timestamp: Any, n: int) -> Any:
    """``timestamp`` - one int for every body, or a sequence of one per body
    - as a ctypes array of ``n`` uint64 (widths checked)."""
    stamps = (c_uint64 * max(n, 1))()
    if isinstance(timestamp, int) or (hasattr(timestamp, "__index__")
                                      and not hasattr(timestamp, "__len__")):
        value = as_int(timestamp, "u64", "timestamp")
        for i in range(n):
            stamps[i] = value
        return stamps
    try:
        values = list(timestamp)
    except TypeError:
        raise MitchTypeError("timestamp must be an int or one int per body, not %s"
                             % type(timestamp).__name__) from None
    if len(values) != n:
        raise MitchTypeError("timestamp has %d values for %d bodies" % (len(values), n))
    for i, value in enumerate(values):
        stamps[i] = as_int(value, "u64", "timestamp[%d]" % i)
    return stamps


def capture_encode(cls: Any, bodies: Any, stamps: Any, n: int,
                   what: str = "encode_stream: bodies[%d]") -> bytes:
    """``n`` structs of ``cls`` (a ctypes array or an address) with their
    timestamps (a ctypes array or an address) as messages: a new message
    when the timestamp changes or after 255 bodies.  libmitch validates
    everything before it writes anything."""
    if n == 0:
        return b""
    written = c_size_t()
    err = _ffi.ErrorStruct()
    status = lib.mitch_capture_encode(cls._TYPE, bodies, stamps, n, None, 0, byref(written),
                                      byref(err))
    if not status:
        out = (c_char * max(written.value, 1))()
        status = lib.mitch_capture_encode(cls._TYPE, bodies, stamps, n, out, written.value,
                                          byref(written), byref(err))
    if status:
        raise _diagnose.from_error(err, what % err.index, status)
    return out.raw[:written.value]


def encode_stream(bodies: Sequence[Body], message_type: Any = None,
                  timestamp: Any = 0) -> bytes:
    """Any number of bodies of one type as consecutive messages:
    ``timestamp`` is one int for every body or a sequence of one per body
    (a replay); a new message starts when the timestamp changes or after
    255 bodies.  Nothing is encoded unless every body is valid."""
    check_order("encode_stream", "encode_stream(bodies, message_type=None, timestamp=0)",
                bodies, message_type)
    bodies = as_list(bodies, "bodies")
    cls = _same_class(bodies, message_type)
    if not bodies:
        return b""
    return capture_encode(cls, _struct_array(cls, bodies), timestamp_array(timestamp,
                                                                            len(bodies)),
                          len(bodies))


def _reader_error(status: int, reader: Any) -> MitchError:
    return exception_for_status(status)(
        "message at offset %d: %s (at byte %d)" % (reader.message_offset,
                                                   _ffi.strerror(status), reader.error_offset),
        status=status, offset=reader.error_offset)


def decode_messages(data: Any) -> Iterator[Message]:
    """Iterate over the messages of a buffer (``bytes``, ``bytearray``,
    ``memoryview``, ``mmap`` ...) of concatenated messages of any types.

    libmitch frames and validates every message and body; a damaged message
    raises an exception whose ``offset`` is the faulty byte.  The buffer is
    held (a bytearray cannot be resized, an mmap not closed) while the
    iteration runs.
    """
    if data is None:
        raise InvalidDataError("decode_messages: no buffer (None)")
    classes = body_classes()
    with pinned(data) as (address, size):
        reader = _ffi.ReaderStruct()
        lib.mitch_reader_init(byref(reader), address, size)
        msg = _ffi.MessageStruct()
        while True:
            status = lib.mitch_reader_next(byref(reader), byref(msg))
            if status == _ffi.MITCH_END:
                return
            if status:
                raise _reader_error(status, reader)
            cls = classes[msg.header.message_type]
            count = msg.header.count
            arr = (cls._STRUCT * count)()
            done = c_size_t()
            status = _batch_functions(cls)[1](msg.bodies, count * msg.body_size, arr, count,
                                              byref(done))
            if status:
                at = msg.offset + HEADER_SIZE + done.value * msg.body_size
                raise _diagnose.wire_error(cls, status, data, at, index=done.value)
            yield Message(Header.from_ffi(msg.header), cls._from_array(arr, count),
                          msg.offset, msg.size)


# -- sizes --------------------------------------------------------------------------

def body_size(message_type: Any) -> int:
    """Size of one body of a message type (32, 64 or 2072)."""
    size = c_size_t()
    status = lib.mitch_body_size(message_type_byte(message_type), byref(size))
    if status:
        _raise(status, "body_size(%s): %s" % (shorten(message_type, 20),
                                              _ffi.strerror(status)), field="message_type")
    return int(size.value)


def message_size(message_type: Any, count: int) -> int:
    """Size of a message of ``count`` (1..255) bodies: 8 + count * body size."""
    size = c_size_t()
    status = lib.mitch_calculate_message_size(message_type_byte(message_type),
                                              as_int(count, "u8", "count"), byref(size))
    if status:
        _raise(status, "message_size(%s, %s): %s" % (shorten(message_type, 20), shorten(count),
                                                     _ffi.strerror(status)))
    return int(size.value)


def message_sizes() -> Dict[str, int]:
    """Header and body sizes by layout name ("header", "trade" ...)."""
    sizes = {"header": Header._SIZE}
    for entry in body_layouts():
        sizes[entry.name] = body_size(entry.message_type)
    return sizes


# -- streams ------------------------------------------------------------------------

def stream_validate(data: Any, only_type: Any = None) -> StreamInfo:
    """Frame and validate every message and body of a buffer in one C call;
    the counts on success, else an exception with ``offset`` (the faulty
    byte) and ``info`` (a :class:`StreamInfo`).  With ``only_type``, a
    message of another type is an error."""
    only = 0 if only_type is None else message_type_byte(only_type)
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        status = lib.mitch_stream_validate(address, size, only, byref(info))
    if status:
        raise _diagnose.stream_error(status, data, "stream_validate", only)
    return StreamInfo(info.messages, info.bodies, info.error_offset, info.message_offset)


def stream_gather(data: Any, message_type: Any) -> bytes:
    """Validate a buffer of messages all of ``message_type`` and return their
    bodies back to back (wire format, no headers)."""
    check_order("stream_gather", "stream_gather(data, message_type)", data, message_type)
    byte = message_type_byte(message_type)
    info = _ffi.StreamInfoStruct()
    n = c_size_t()
    with pinned(data) as (address, size):
        status = lib.mitch_stream_gather(address, size, byte, None, 0, byref(n),
                                         byref(info))
        if status:
            raise _diagnose.stream_error(status, data, "stream_gather", byte)
        out_len = n.value * body_size(byte)
        out = (c_char * max(out_len, 1))()
        status = lib.mitch_stream_gather(address, size, byte, out, out_len, byref(n),
                                         byref(info))
    if status:
        raise _diagnose.stream_error(status, data, "stream_gather", byte)
    return out.raw[:out_len]


def stream_frame(bodies: Any, message_type: Any, timestamp: Any = 0) -> bytes:
    """Frame wire-format bodies of one type (back to back, e.g. from
    :func:`stream_gather` or a numpy array) into messages of up to 255
    bodies each; libmitch validates every body.  ``timestamp`` is one int,
    or one per body (then a new message also starts where it changes)."""
    check_order("stream_frame", "stream_frame(bodies, message_type, timestamp=0)", bodies,
                message_type)
    cls = body_class(message_type)
    byte, bs = cls._TYPE, cls._SIZE
    if not isinstance(timestamp, int):
        if hasattr(timestamp, "__len__") or not hasattr(timestamp, "__index__"):
            with pinned(bodies) as (_, size):
                n = size // bs
            structs = decode_batch(bodies, cls) if n else []
            return capture_encode(cls, _struct_array(cls, structs),
                                  timestamp_array(timestamp, len(structs)), len(structs),
                                  "stream_frame: body %d")
    ts = as_int(timestamp, "u64", "timestamp")
    with pinned(bodies) as (address, size):
        if size % bs:
            raise BufferTooSmallError(
                "bodies hold %d bytes, not a whole number of %d-byte bodies" % (size, bs),
                offset=size - size % bs)
        n = size // bs
        written = c_size_t()
        status = lib.mitch_stream_frame(byte, ts, address, n, None, 0, byref(written))
        if not status:
            out = (c_char * max(written.value, 1))()
            status = lib.mitch_stream_frame(byte, ts, address, n, out, written.value,
                                            byref(written))
        if status == 6:
            Header(byte, ts, 1).validate()
            raise _diagnose.wire_error(cls, status, bodies, 0, n=n)
    if status:
        _raise(status, "stream_frame: %s" % _ffi.strerror(status))
    return out.raw[:written.value]

