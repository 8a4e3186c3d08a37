"""asyncio helpers: read MITCH messages from an ``asyncio.StreamReader`` and
write them to an ``asyncio.StreamWriter``.

::

    reader, writer = await asyncio.open_connection(host, port)
    async for trades in mitch.aio.read_arrays(reader, "t"):
        print(len(trades), trades["price"].mean())   # a numpy array per chunk
    async for body in mitch.aio.read_messages(reader):
        print(body)            # Trade, Order, Tick, Index or OrderBook
    await mitch.aio.write_messages(writer, bodies, "t", timestamp=ts)

The readers take the stream in chunks (``chunk_size`` bytes, 1 MiB by
default): libmitch frames and validates each chunk's complete messages in
one call and decodes them in another; an incomplete message at the end of a
chunk waits for the next one.  The fastest is :func:`read_arrays` (one numpy
array of bodies per chunk, no Python object per body); :func:`read_messages`
and :func:`iter_messages` give one object per body or message.  A stream
that ends between two messages ends the iteration; one that ends inside a
message raises :class:`mitch.BufferTooSmallError`; damage raises after every
message before it was delivered, with ``offset`` counted from the start of
the stream.
"""

from __future__ import annotations

import asyncio
from ctypes import byref

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, AsyncIterator, Optional, Tuple

from . import _ffi
from ._buffer import pinned
from ._convert import as_index
from .bodies import Header, body_class
from .bulk import decode_array, encode_array
from . import _diagnose
from .codec import Body, Message, decode_batch, decode_messages, encode_stream
from .exceptions import BufferTooSmallError, MitchError, MitchTypeError
from .layouts import HEADER_SIZE

__all__ = ["read_message", "iter_messages", "read_messages", "read_arrays",
           "write_messages", "DEFAULT_CHUNK_SIZE"]

#: Bytes a chunked reader collects before it decodes (at least one message
#: more if that one is larger).
DEFAULT_CHUNK_SIZE = 1 << 20

lib = _ffi.lib


async def _read(reader: Any, n: int, offset: int, what: str) -> bytes:
    try:
        return bytes(await reader.readexactly(n))
    except asyncio.IncompleteReadError as err:
        raise BufferTooSmallError(
            "stream ended inside %s: %d of %d bytes at offset %d"
            % (what, len(err.partial), n, offset), offset=offset + len(err.partial)) from None


async def read_message(reader: Any, offset: int = 0) -> Optional[Message]:
    """Read exactly one whole message (for request/response protocols), or
    None when the stream ends cleanly before it.  ``offset`` (the stream
    position, for error reports) is reported in the message and in
    exceptions."""
    offset = as_index(offset, "offset")  # before a byte of the stream is consumed
    try:
        head = await reader.readexactly(HEADER_SIZE)
    except asyncio.IncompleteReadError as err:
        if not err.partial:
            return None
        raise BufferTooSmallError(
            "stream ended inside a message header: %d of %d bytes at offset %d"
            % (len(err.partial), HEADER_SIZE, offset),
            offset=offset + len(err.partial)) from None
    try:
        header = Header.unpack(head)
    except MitchError as err:
        err.args = ("message at stream offset %d: %s" % (offset, err.args[0]),)
        err.offset = offset + (err.offset or 0)
        raise
    size = header.count * header.body_size
    data = await _read(reader, size, offset + HEADER_SIZE,
                       "the bodies of a %r message" % header.message_type.code)
    try:
        bodies = decode_batch(data, header.message_type, header.count)
    except MitchError as err:
        err.args = ("message at stream offset %d: %s" % (offset, err.args[0]),)
        err.offset = offset + HEADER_SIZE + (err.offset or 0)
        raise
    return Message(header, bodies, offset, HEADER_SIZE + size)


async def _fill(reader: Any, buf: bytearray, chunk_size: int) -> bool:
    """Read into ``buf`` until it holds ``chunk_size`` bytes, and at least
    one more than it held (what it holds is an incomplete message), or the
    stream ends; True at the end of the stream."""
    target = max(chunk_size, len(buf) + 1)
    while len(buf) < target:
        data = await reader.read(target - len(buf))
        if not data:
            return True
        buf += data
    return False


def _complete(buf: bytearray, base: int, at_eof: bool, only_type: int,
              what: str) -> Tuple[int, Optional[MitchError]]:
    """How many leading bytes of ``buf`` are whole, valid messages, and the
    error to raise after they are delivered (damage, or a stream that ended
    inside a message), if any."""
    info = _ffi.StreamInfoStruct()
    with pinned(buf) as (address, size):
        status = lib.mitch_stream_validate(address, size, only_type, byref(info))
    if not status:
        return len(buf), None
    end = int(info.message_offset)
    if status == BufferTooSmallError.status and not at_eof:
        return end, None  # the rest arrives with the next chunk
    if status == BufferTooSmallError.status:
        return end, BufferTooSmallError(
            "%s: stream ended inside the message at offset %d (%d bytes of it arrived)"
            % (what, base + end, len(buf) - end), offset=base + len(buf))
    return end, _diagnose.stream_error(status, buf, what, only_type, base=base)


async def _chunks(reader: Any, chunk_size: int, only_type: int,
                  what: str) -> AsyncIterator[Tuple[bytes, int]]:
    """(whole messages, their stream offset) chunk by chunk."""
    size = as_index(chunk_size, "chunk_size")
    if size < 1:
        raise MitchTypeError("chunk_size must be at least 1")
    buf = bytearray()
    base = 0
    while True:
        at_eof = await _fill(reader, buf, size)
        end, error = _complete(buf, base, at_eof, only_type, what)
        if end:
            chunk = bytes(buf[:end])
            del buf[:end]
            yield chunk, base
            base += end
        if error is not None:
            raise error
        if at_eof:
            return


async def iter_messages(reader: Any, chunk_size: int = DEFAULT_CHUNK_SIZE
                        ) -> AsyncIterator[Message]:
    """Every message of the stream, until it ends; ``Message.offset`` is
    the stream position."""
    async for chunk, base in _chunks(reader, chunk_size, 0, "iter_messages"):
        for message in decode_messages(chunk):
            message.offset += base
            yield message


async def read_messages(reader: Any, chunk_size: int = DEFAULT_CHUNK_SIZE
                        ) -> AsyncIterator[Body]:
    """Every body of every message of the stream, in order:
    ``async for body in mitch.aio.read_messages(reader)``."""
    async for message in iter_messages(reader, chunk_size):
        for body in message.bodies:
            yield body


async def read_arrays(reader: Any, message_type: Any,
                      chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncIterator[Any]:
    """The bodies of a stream of messages of one type as numpy arrays of
    :func:`mitch.wire_dtype` records, one (non-empty) array per chunk.  A
    message of another type raises, as :func:`mitch.decode_array` does."""
    cls = body_class(message_type)
    async for chunk, _ in _chunks(reader, chunk_size, cls._TYPE, "read_arrays"):
        yield decode_array(chunk, cls, copy=True)


async def write_messages(writer: Any, data: Any, message_type: Any = None,
                         timestamp: int = 0) -> int:
    """Encode ``data`` - a sequence of bodies of one type, or a numpy array of
    their records - as messages (255 bodies each, the last shorter, all
    with ``timestamp``), write them and wait until the writer has drained.
    Nothing is written unless every body is valid.  Returns the bytes
    written."""
    if hasattr(data, "dtype"):
        wire = encode_array(data, message_type, timestamp)
    else:
        wire = encode_stream(data, message_type, timestamp)
    writer.write(wire)
    await writer.drain()
    return len(wire)
