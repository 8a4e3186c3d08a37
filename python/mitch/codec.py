"""Typed encoding and decoding: bodies, headers, whole messages, streams.

Every byte is produced and checked by libmitch; these functions move values
between Python objects and the C calls, and turn status codes into
exceptions that say which field or byte offset was wrong.
"""

from ctypes import byref, c_size_t, c_uint8, c_uint64, create_string_buffer
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _ffi
from ._buffer import check_span, pinned
from .exceptions import (BufferTooSmallError, InvalidDataError, InvalidFieldValueError,
                         MitchError, exception_for_status)
from .types import (Header, Index, MessageType, MessageTypeLike, Order, OrderBook,
                    StreamInfo, Tick, Trade, _Body, _as_side, as_int,
                    body_class, body_error, message_type_byte)

__all__ = [
    "Message", "Body", "pack", "unpack", "unpack_trade", "unpack_order", "unpack_tick",
    "unpack_index", "unpack_order_book", "unpack_header", "validate_body", "encode_batch",
    "decode_batch", "encode_message", "decode_messages", "encode_stream", "body_size",
    "message_size", "message_sizes", "stream_validate", "stream_gather", "stream_frame",
]

Body = Union[Trade, Order, Tick, Index, OrderBook]
lib = _ffi.lib

_BATCH_FUNCS = {
    cls: (getattr(lib, "mitch_%s_encode_batch" % cls._PREFIX),
          getattr(lib, "mitch_%s_decode_batch" % cls._PREFIX))
    for cls in (Trade, Order, Tick, Index, OrderBook)
}


def _raise(status: int, message: str, **where: Any) -> None:
    raise exception_for_status(status)(message, status=status, **where)


# -- single values ------------------------------------------------------------------

def pack(value: Union[Body, Header]) -> bytes:
    """The wire bytes of a body or header dataclass (``Trade(...)`` -> 32 bytes)."""
    if not isinstance(value, _Body):
        raise TypeError("pack() takes a Trade, Order, Tick, Index, OrderBook or Header, "
                        "not %s" % type(value).__name__)
    return value.pack()


def unpack(message_type: Any, data: Any, offset: int = 0) -> Body:
    """Decode one body of ``message_type`` (a MessageType, ``"t"``, or a body
    class) from ``data`` at ``offset``."""
    return body_class(message_type).unpack(data, offset)


_TradeStruct = _ffi.TradeStruct
_trade_decode = Trade._DECODE


def unpack_trade(data: Any, offset: int = 0) -> Trade:
    """Decode one trade body into a :class:`Trade` (the fast path: this is
    the call market-data loops make)."""
    s = _TradeStruct()
    if offset == 0 and type(data) is bytes:
        status = _trade_decode(data, len(data), s)
    else:
        with pinned(data) as (address, size):
            status = _trade_decode(address + offset, check_span(size, offset), s)
    if status:
        raise Trade._decode_error(status, data, offset)
    return Trade(s.ticker_id, s.price, s.quantity, s.trade_id, _as_side(s.side))


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


def validate_body(message_type: MessageTypeLike, data: Any, offset: int = 0) -> None:
    """Check the bytes of one body without decoding it (mitch_body_validate);
    raise if libmitch rejects them."""
    byte = message_type_byte(message_type)
    with pinned(data) as (address, size):
        status = lib.mitch_body_validate(byte, address + offset,
                                         check_span(size, offset))
    if status == 6:
        raise body_error(byte, status, data, offset)
    if status:
        _raise(status, "body of type %r at offset %d: %s" % (message_type, offset,
                                                             _ffi.strerror(status)),
               offset=offset)


# -- several bodies -----------------------------------------------------------------

def _same_class(bodies: Sequence[Any]) -> Any:
    if not bodies:
        raise InvalidDataError("no bodies given", status=1)
    cls = type(bodies[0])
    if cls not in _BATCH_FUNCS:
        raise TypeError("bodies must be Trade, Order, Tick, Index or OrderBook, not %s"
                        % cls.__name__)
    for i, b in enumerate(bodies):
        if type(b) is not cls:
            raise TypeError("bodies[%d] is a %s; every body must be a %s (one message type)"
                            % (i, type(b).__name__, cls.__name__))
    return cls


def _struct_array(cls: Any, bodies: Sequence[Any]) -> Any:
    arr = (cls._STRUCT * len(bodies))()
    for i, b in enumerate(bodies):
        try:
            arr[i] = b.to_ffi()
        except MitchError as err:
            err.args = ("bodies[%d]: %s" % (i, err.args[0]),)
            raise
    return arr


def encode_batch(bodies: Sequence[Body]) -> bytes:
    """The wire bytes of several bodies of one type, back to back (no header)."""
    cls = _same_class(bodies)
    arr = _struct_array(cls, bodies)
    size = cls._SIZE * len(bodies)
    out = create_string_buffer(size)
    done = c_size_t()
    status = _BATCH_FUNCS[cls][0](arr, len(bodies), out, size, byref(done))
    if status:
        bad = done.value
        err = bodies[bad]._fail(status, "cannot be encoded")
        err.args = ("bodies[%d]: %s" % (bad, err.args[0]),)
        raise err
    return out.raw


def decode_batch(message_type: Any, data: Any, count: Optional[int] = None,
                 offset: int = 0) -> List[Body]:
    """Decode ``count`` consecutive bodies (no header) from ``data`` at
    ``offset``; by default as many whole bodies as the buffer holds."""
    cls = body_class(message_type)
    with pinned(data) as (address, size):
        left = check_span(size, offset)
        n = left // cls._SIZE if count is None else as_int(count, c_uint64, "count")
        arr = (cls._STRUCT * n)()
        done = c_size_t()
        status = _BATCH_FUNCS[cls][1](address + offset, left, arr, n,
                                      byref(done))
    if status:
        at = offset + done.value * cls._SIZE
        if status == 6:
            raise body_error(cls._TYPE, status, data, at)
        _raise(status, "%s body %d at offset %d: %s" % (cls.__name__, done.value, at,
                                                         _ffi.strerror(status)), offset=at)
    return [cls.from_ffi(s) for s in arr]


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


def encode_message(message_type: MessageTypeLike, bodies: Sequence[Body],
                   timestamp: int = 0) -> bytes:
    """One message: header (type, ``timestamp`` in ns since midnight, count)
    and 1..255 bodies of that type."""
    byte = message_type_byte(message_type)
    cls = body_class(byte)
    bodies = list(bodies)
    for i, b in enumerate(bodies):
        if type(b) is not cls:
            raise TypeError("bodies[%d] is a %s; a %r message holds %s bodies"
                            % (i, type(b).__name__, chr(byte), cls.__name__))
    ts = as_int(timestamp, c_uint64, "timestamp")
    arr = _struct_array(cls, bodies) if bodies else (cls._STRUCT * 1)()
    out_len = _ffi.HEADER_SIZE + cls._SIZE * max(len(bodies), 1)
    out = create_string_buffer(out_len)
    written = c_size_t()
    status = lib.mitch_message_encode(byte, ts, arr, len(bodies), out, out_len,
                                      byref(written))
    if status == 6:
        if not 1 <= len(bodies) <= _ffi.MAX_BODIES:
            raise InvalidFieldValueError("a message holds 1..%d bodies, not %d"
                                         % (_ffi.MAX_BODIES, len(bodies)), status=6,
                                         field="count")
        Header(byte, ts, len(bodies)).validate()
        for i, b in enumerate(bodies):
            try:
                b.validate()
            except MitchError as err:
                err.args = ("bodies[%d]: %s" % (i, err.args[0]),)
                raise
    if status:
        _raise(status, "encode_message: %s" % _ffi.strerror(status))
    return out.raw[:written.value]


def encode_stream(message_type: MessageTypeLike, bodies: Sequence[Body],
                  timestamp: int = 0) -> bytes:
    """Any number of bodies of one type as consecutive messages of up to 255
    bodies each, all with the same timestamp."""
    cls = body_class(message_type)
    bodies = list(bodies)
    if not bodies:
        return b""
    if type(bodies[0]) is not cls:
        raise TypeError("a %r stream holds %s bodies, not %s"
                        % (message_type, cls.__name__, type(bodies[0]).__name__))
    return stream_frame(cls._TYPE, encode_batch(bodies), timestamp)


def _reader_error(status: int, reader: Any, data: Any) -> MitchError:
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
        raise InvalidDataError("decode_messages: no buffer (None)", status=1)
    with pinned(data) as (address, size):
        reader = _ffi.ReaderStruct()
        lib.mitch_reader_init(byref(reader), address, size)
        msg = _ffi.MessageStruct()
        while True:
            status = lib.mitch_reader_next(byref(reader), byref(msg))
            if status == _ffi.MITCH_END:
                return
            if status:
                raise _reader_error(status, reader, data)
            cls = body_class(msg.header.message_type)
            count = msg.header.count
            arr = (cls._STRUCT * count)()
            done = c_size_t()
            status = _BATCH_FUNCS[cls][1](msg.bodies, count * msg.body_size, arr, count,
                                          byref(done))
            if status:
                at = msg.offset + _ffi.HEADER_SIZE + done.value * msg.body_size
                if status == 6:
                    raise body_error(cls._TYPE, status, data, at)
                _raise(status, "message at offset %d, body %d: %s"
                       % (msg.offset, done.value, _ffi.strerror(status)), offset=at)
            yield Message(Header.from_ffi(msg.header), [cls.from_ffi(s) for s in arr],
                          msg.offset, msg.size)


# -- sizes --------------------------------------------------------------------------

def body_size(message_type: MessageTypeLike) -> int:
    """Size of one body of a message type (32, 64 or 2072)."""
    size = c_size_t()
    status = lib.mitch_body_size(message_type_byte(message_type), byref(size))
    if status:
        _raise(status, "body_size(%r): %s" % (message_type, _ffi.strerror(status)),
               field="message_type")
    return size.value


def message_size(message_type: MessageTypeLike, count: int) -> int:
    """Size of a message of ``count`` (1..255) bodies: 8 + count * body size."""
    size = c_size_t()
    status = lib.mitch_calculate_message_size(message_type_byte(message_type),
                                              as_int(count, c_uint8, "count"),
                                              byref(size))
    if status:
        _raise(status, "message_size(%r, %r): %s" % (message_type, count,
                                                     _ffi.strerror(status)))
    return size.value


def message_sizes() -> Dict[str, int]:
    """Header and body sizes by name (mitch_get_message_sizes)."""
    from .flat import get_message_sizes
    names = ("header", "trade", "order", "tick", "index", "order_book")
    return dict(zip(names, get_message_sizes()))


# -- streams ------------------------------------------------------------------------

def _stream_error(status: int, info: Any, data: Any, what: str) -> MitchError:
    if status == 6 and info.error_offset >= info.message_offset + _ffi.HEADER_SIZE:
        type_byte = memoryview(data).cast("B")[info.message_offset]
        err = body_error(type_byte, status, data, info.error_offset)
        err.args = ("%s: message at offset %d: %s" % (what, info.message_offset, err.args[0]),)
    else:
        err = exception_for_status(status)(
            "%s: message at offset %d: %s (at byte %d)" % (
                what, info.message_offset, _ffi.strerror(status), info.error_offset),
            status=status, offset=info.error_offset)
    err.info = StreamInfo(info.messages, info.bodies, info.error_offset,  # type: ignore
                          info.message_offset)
    return err


def stream_validate(data: Any, only_type: Optional[MessageTypeLike] = None) -> StreamInfo:
    """Frame and validate every message and body of a buffer in one C call;
    the counts on success, else an exception with ``offset`` (the faulty
    byte) and ``info`` (a :class:`StreamInfo`).  With ``only_type``, a
    message of another type is an error."""
    only = 0 if only_type is None else message_type_byte(only_type)
    info = _ffi.StreamInfoStruct()
    with pinned(data) as (address, size):
        status = lib.mitch_stream_validate(address, size, only, byref(info))
    if status:
        raise _stream_error(status, info, data, "stream_validate")
    return StreamInfo(info.messages, info.bodies, info.error_offset, info.message_offset)


def stream_gather(data: Any, message_type: MessageTypeLike) -> bytes:
    """Validate a buffer of messages all of ``message_type`` and return their
    bodies back to back (wire format, no headers)."""
    byte = message_type_byte(message_type)
    info = _ffi.StreamInfoStruct()
    n = c_size_t()
    with pinned(data) as (address, size):
        status = lib.mitch_stream_gather(address, size, byte, None, 0, byref(n),
                                         byref(info))
        if status:
            raise _stream_error(status, info, data, "stream_gather")
        out_len = n.value * body_size(byte)
        out = create_string_buffer(max(out_len, 1))
        status = lib.mitch_stream_gather(address, size, byte, out, out_len, byref(n),
                                         byref(info))
    if status:
        raise _stream_error(status, info, data, "stream_gather")
    return out.raw[:out_len]


def stream_frame(message_type: MessageTypeLike, bodies: Any, timestamp: int = 0) -> bytes:
    """Frame wire-format bodies of one type (back to back, e.g. from
    :func:`stream_gather` or a numpy array) into messages of up to 255
    bodies each; libmitch validates every body."""
    byte = message_type_byte(message_type)
    bs = body_size(byte)
    ts = as_int(timestamp, c_uint64, "timestamp")
    with pinned(bodies) as (address, size):
        if size % bs:
            raise BufferTooSmallError(
                "bodies hold %d bytes, not a whole number of %d-byte bodies" % (size, bs),
                status=3, offset=size - size % bs)
        n = size // bs
        written = c_size_t()
        status = lib.mitch_stream_frame(byte, ts, address, n, None, 0, byref(written))
        if not status:
            out = create_string_buffer(max(written.value, 1))
            status = lib.mitch_stream_frame(byte, ts, address, n, out, written.value,
                                            byref(written))
    if status == 6:
        Header(byte, ts, 1).validate()  # libmitch's verdict on the timestamp
        view = memoryview(bodies).cast("B")
        for i in range(n):
            if lib.mitch_body_validate(byte, bytes(view[i * bs:(i + 1) * bs]), bs):
                raise body_error(byte, 6, bodies, i * bs)
    if status:
        _raise(status, "stream_frame: %s" % _ffi.strerror(status))
    return out.raw[:written.value]

