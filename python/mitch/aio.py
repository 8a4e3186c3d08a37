"""asyncio helpers: read MITCH messages from an ``asyncio.StreamReader``.

::

    reader, writer = await asyncio.open_connection(host, port)
    async for body in mitch.aio.read_messages(reader):
        print(body)            # Trade, Order, Tick, Index or OrderBook

Framing comes from each header (type and body count, decoded and validated
by libmitch); the bodies are decoded by libmitch in one batch call per
message.  A stream that ends between two messages ends the iteration; one
that ends inside a message raises :class:`mitch.BufferTooSmallError`.
"""

import asyncio
from typing import Any, AsyncIterator, Optional

from . import _ffi
from .bodies import Header
from .codec import Body, Message, decode_batch
from .exceptions import BufferTooSmallError, MitchError

__all__ = ["read_message", "iter_messages", "read_messages"]


async def _read(reader: Any, n: int, offset: int, what: str) -> bytes:
    try:
        return await reader.readexactly(n)
    except asyncio.IncompleteReadError as err:
        raise BufferTooSmallError(
            "stream ended inside %s: %d of %d bytes at offset %d"
            % (what, len(err.partial), n, offset), status=3,
            offset=offset + len(err.partial)) from None


async def read_message(reader: Any, offset: int = 0) -> Optional[Message]:
    """Read one whole message, or None when the stream ends cleanly before
    it.  ``offset`` (the stream position, for error reports) is reported in
    the message and in exceptions."""
    try:
        head = await reader.readexactly(_ffi.HEADER_SIZE)
    except asyncio.IncompleteReadError as err:
        if not err.partial:
            return None
        raise BufferTooSmallError(
            "stream ended inside a message header: %d of %d bytes at offset %d"
            % (len(err.partial), _ffi.HEADER_SIZE, offset), status=3,
            offset=offset + len(err.partial)) from None
    try:
        header = Header.unpack(head)
    except MitchError as err:
        err.args = ("message at stream offset %d: %s" % (offset, err.args[0]),)
        err.offset = offset + (err.offset or 0)
        raise
    size = header.count * header.body_size
    data = await _read(reader, size, offset + _ffi.HEADER_SIZE,
                       "the bodies of a %r message" % header.message_type.code)
    try:
        bodies = decode_batch(data, header.message_type, header.count)
    except MitchError as err:
        err.args = ("message at stream offset %d: %s" % (offset, err.args[0]),)
        err.offset = offset + _ffi.HEADER_SIZE + (err.offset or 0)
        raise
    return Message(header, bodies, offset, _ffi.HEADER_SIZE + size)


async def iter_messages(reader: Any) -> AsyncIterator[Message]:
    """Every message of the stream, until it ends."""
    offset = 0
    while True:
        message = await read_message(reader, offset)
        if message is None:
            return
        offset += message.size
        yield message


async def read_messages(reader: Any) -> AsyncIterator[Body]:
    """Every body of every message of the stream, in order:
    ``async for body in mitch.aio.read_messages(reader)``."""
    async for message in iter_messages(reader):
        for body in message.bodies:
            yield body
