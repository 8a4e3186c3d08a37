"""mitch.redis - MITCH over Redis with redis-py (Debian's python3-redis 4.3).

The conventions are those of the C library libmitch-redis
(``../shared/docs/transport.md``):

* a channel id ``(provider << 16) | (type << 8)`` is the Redis channel, spelt
  as its decimal text (``b"6648576"``, the default) or as its 4 little-endian
  bytes (``binary_channel=True``, what the deployed Rust publishers use);
* a payload is one whole MITCH message, or one bare body without a header
  (``bare_bodies=True``); a receiver frames a bare body into a one-body
  message stamped with its receive time (ns since midnight UTC);
* a durable feed is the stream ``mitch:stream:<channel id>``, one entry per
  payload in field ``m``, read through consumer groups; the latest message per
  ticker may sit in ``mitch:last:<channel id>:<ticker id>``.

This module is thin: redis-py moves the bytes, and every check and every
decode is libmitch's, through the :mod:`mitch` package.  Nothing damaged is
sent (:func:`publish` raises the :class:`mitch.MitchError` that names the
field), and a damaged or foreign payload that arrives never ends a
subscription: it goes to ``on_damaged(delivery)`` (default: a warning on the
``mitch.redis`` logger) and the iteration goes on.

What redis-py 4.3 offers decides the scope: pub/sub on one server (it has no
sharded pub/sub), streams on one server or a Redis Cluster
(``redis.cluster.RedisCluster`` / ``redis.asyncio.cluster.RedisCluster``).
Clients must return bytes (the default ``decode_responses=False``).

Example::

    import redis, mitch, mitch.redis
    client = redis.Redis(port=6379)
    wire = mitch.encode_message([trade], "t", timestamp=34_200_000_000_000)
    mitch.redis.publish(client, mitch.channel_id(101, "t"), wire)
"""

import logging
import time
from dataclasses import dataclass
from typing import Any, AsyncIterator, Callable, Dict, Iterable, Iterator, List, Optional

import redis as _redis

from . import (InvalidChannelIdError, InvalidDataError, Message, MitchError, MitchTypeError,
               body_size, channel_decode, decode_messages, stream_frame, stream_validate,
               validate_channel)
from ._convert import as_flag, as_index, as_int, as_list, type_name

__all__ = ["Delivery", "channel_name", "parse_channel", "stream_key", "snapshot_key",
           "check_message", "judge", "publish", "append", "snapshot", "messages",
           "subscribe", "StreamReader", "AsyncStreamReader"]

log = logging.getLogger("mitch.redis")


@dataclass
class Delivery:
    """One payload as it arrived.  ``message`` is the decoded, validated
    message (for a bare body, the one the receiver framed: ``stamped`` is
    then true), or ``None`` when the payload is damaged: ``error`` then says
    why (a :class:`mitch.MitchError` naming the field, the rule, the offset).
    ``wire`` holds the message bytes (or the damaged payload), ``name`` the
    channel name as it came, ``entry_id`` the stream entry (streams only)."""

    channel: Optional[int]
    name: bytes
    wire: bytes
    message: Optional[Message] = None
    error: Optional[MitchError] = None
    stamped: bool = False
    entry_id: Optional[str] = None
    pattern: Optional[bytes] = None


def _bytes_like(value: Any, what: str) -> bytes:
    """``value`` as bytes if it is bytes-like (``bytes(5)`` would be five
    zero bytes, ``bytes([1, 2])`` two made-up ones: neither is a payload)."""
    if type(value) is bytes:
        return value
    try:
        return memoryview(value).tobytes()
    except TypeError:
        raise MitchTypeError("%s must be bytes-like, not %s" % (what, type_name(value)),
                             field=what) from None


def channel_name(channel: int, binary: bool = False) -> bytes:
    """The Redis channel name of a channel id, in either spelling."""
    validate_channel(channel)
    channel = as_int(channel, "u32", "channel")
    return channel.to_bytes(4, "little") if as_flag(binary, "binary") \
        else str(channel).encode("ascii")


def parse_channel(name: bytes) -> int:
    """The channel id a name spells (4 bytes starting with 0, or canonical
    decimal text); :class:`mitch.InvalidChannelIdError` otherwise."""
    if isinstance(name, str):
        name = name.encode("utf-8", "surrogateescape")
    name = _bytes_like(name, "name")
    if len(name) == 4 and name[0] == 0:
        channel = int.from_bytes(name, "little")
    elif 0 < len(name) <= 10 and name.isdigit() and name[:1] != b"0":
        channel = int(name)
    else:
        raise InvalidChannelIdError("channel name %r is not a MITCH channel id" % name[:20])
    validate_channel(channel)
    return channel


def stream_key(channel: int) -> str:
    """``mitch:stream:<channel id>``."""
    validate_channel(channel)
    return "mitch:stream:%d" % channel


def snapshot_key(channel: int, ticker_id: int) -> str:
    """``mitch:last:<channel id>:<ticker id>``."""
    validate_channel(channel)
    return "mitch:last:%d:%d" % (channel, as_int(ticker_id, "u64", "ticker_id"))


def check_message(channel: int, wire: bytes) -> Message:
    """The one whole, valid message of the channel's type that ``wire`` must
    be, decoded; else the :class:`mitch.MitchError` libmitch gives."""
    message_type = channel_decode(channel)[1]
    info = stream_validate(wire, message_type)
    if info.messages != 1:
        raise InvalidDataError("%d messages in one payload (one message per payload)"
                               % info.messages, offset=0)
    return next(iter(decode_messages(wire)))


def _frame(channel: int, body: bytes, timestamp: int) -> bytes:
    message_type = channel_decode(channel)[1]
    if len(body) != body_size(message_type):
        raise InvalidDataError("%d bytes: a bare %s body is %d bytes"
                               % (len(body), message_type, body_size(message_type)), offset=0)
    # libmitch frames it (and validates the body on the way).
    return stream_frame(bytes(body), message_type, timestamp)


def _time_of_day_ns() -> int:
    return time.time_ns() % 86_400_000_000_000


def judge(name: bytes, payload: Any, bare_bodies: bool = False,
          pattern: Optional[bytes] = None, entry_id: Optional[str] = None,
          channel: Optional[int] = None) -> Delivery:
    """A :class:`Delivery` for a payload that arrived on channel ``name``
    (or, for streams, on ``channel``): decoded if it is one valid message of
    the channel's type (or one valid bare body), else with ``error`` set."""
    if isinstance(payload, str) or isinstance(name, str):
        raise MitchTypeError("mitch.redis needs a client that returns bytes "
                             "(decode_responses=False)")
    # the caller's arguments are judged first: they raise; the payload's
    # damage is the Delivery's error
    payload = _bytes_like(payload, "payload")
    name = _bytes_like(name, "name")
    bare_bodies = as_flag(bare_bodies, "bare_bodies")
    wire = payload
    stamped = False
    try:
        if channel is None:
            channel = parse_channel(name)
        if bare_bodies:
            wire = _frame(channel, wire, _time_of_day_ns())
            stamped = True
        message = check_message(channel, wire)
    except MitchError as error:
        return Delivery(channel, name, payload, None, error, False, entry_id, pattern)
    return Delivery(channel, name, wire, message, None, stamped, entry_id, pattern)


def _payloads(channel: int, wire: Any, bare_bodies: bool) -> List[bytes]:
    bare_bodies = as_flag(bare_bodies, "bare_bodies")
    message = check_message(channel, wire)
    wire = bytes(wire)
    if not bare_bodies:
        return [wire]
    size = body_size(message.message_type)
    return [wire[8 + i * size:8 + (i + 1) * size] for i in range(message.header.count)]


def publish(client: Any, channel: int, wire: Any, *, binary_channel: bool = False,
            bare_bodies: bool = False) -> int:
    """Publish one whole message (validated first: nothing is sent if it is
    damaged) on its channel; with ``bare_bodies`` each body is a payload of
    its own.  Returns how many subscribers received it (the sum of PUBLISH's
    replies)."""
    name = channel_name(channel, binary_channel)
    return sum(client.publish(name, p) for p in _payloads(channel, wire, bare_bodies))


def append(client: Any, channel: int, wire: Any, *, maxlen: Optional[int] = None,
           bare_bodies: bool = False) -> List[str]:
    """Append one whole message (validated first) to the channel's stream,
    capped at about ``maxlen`` entries; returns the new entry ids.  Works
    with ``redis.Redis`` and ``redis.cluster.RedisCluster`` (the key decides
    the node)."""
    key = stream_key(channel)
    if maxlen is not None:
        maxlen = as_index(maxlen, "maxlen")
    ids = []
    for p in _payloads(channel, wire, bare_bodies):
        entry = client.xadd(key, {"m": p}, maxlen=maxlen, approximate=maxlen is not None)
        ids.append(entry.decode() if isinstance(entry, bytes) else entry)
    return ids


def snapshot(client: Any, channel: int, ticker_id: int) -> Optional[Message]:
    """The latest message kept for a ticker (``mitch:last:...``), validated
    and decoded; ``None`` if there is none."""
    value = client.get(snapshot_key(channel, ticker_id))
    return None if value is None else check_message(channel, value)


def _warn(delivery: Delivery) -> None:
    log.warning("channel %r: damaged payload skipped: %s", delivery.name[:20], delivery.error)


def _names(channels: Iterable[int], binary_channel: bool, patterns: Iterable[Any]) -> Any:
    names = [channel_name(c, binary_channel) for c in as_list(channels, "channels")]
    pats = [p.encode() if isinstance(p, str) else _bytes_like(p, "patterns[%d]" % i)
            for i, p in enumerate(as_list(patterns, "patterns"))]
    if not names and not pats:
        raise InvalidDataError("no channels and no patterns to subscribe to")
    return names, pats


def _from_pubsub(item: Dict[str, Any], bare_bodies: bool) -> Optional[Delivery]:
    if item is None or item.get("type") not in ("message", "pmessage"):
        return None
    return judge(item["channel"], item["data"], bare_bodies, item.get("pattern"))


def messages(client: Any, channels: Iterable[int] = (), *, patterns: Iterable[Any] = (),
             binary_channel: bool = False, bare_bodies: bool = False,
             timeout: Optional[float] = None,
             on_damaged: Callable[[Delivery], None] = _warn) -> Iterator[Delivery]:
    """Subscribe (``redis.Redis``) to channel ids and/or patterns and yield a
    :class:`Delivery` for every valid message, forever, or until ``timeout``
    seconds pass without one.  Damaged payloads go to ``on_damaged``."""
    names, pats = _names(channels, binary_channel, patterns)
    pubsub = client.pubsub()
    try:
        if names:
            pubsub.subscribe(*names)
        if pats:
            pubsub.psubscribe(*pats)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = 1.0 if deadline is None else max(0.0, deadline - time.monotonic())
            item = pubsub.get_message(ignore_subscribe_messages=True, timeout=wait)
            delivery = _from_pubsub(item, bare_bodies)
            if delivery is not None:
                if delivery.error is None:
                    yield delivery
                    deadline = None if timeout is None else time.monotonic() + timeout
                else:
                    on_damaged(delivery)
            elif deadline is not None and time.monotonic() >= deadline:
                return
    finally:
        pubsub.close()


async def subscribe(client: Any, channels: Iterable[int] = (), *, patterns: Iterable[Any] = (),
                    binary_channel: bool = False, bare_bodies: bool = False,
                    on_damaged: Callable[[Delivery], None] = _warn) -> AsyncIterator[Delivery]:
    """The same as :func:`messages` for ``redis.asyncio.Redis``: an async
    iterator of the valid messages of a set of channels on one server.
    Subscribed when the first item is awaited; unsubscribed when the
    iteration stops (``aclose()``, ``break``)."""
    names, pats = _names(channels, binary_channel, patterns)
    pubsub = client.pubsub()
    try:
        if names:
            await pubsub.subscribe(*names)
        if pats:
            await pubsub.psubscribe(*pats)
        while True:
            item = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            delivery = _from_pubsub(item, bare_bodies)
            if delivery is None:
                continue
            if delivery.error is None:
                yield delivery
            else:
                on_damaged(delivery)
    finally:
        await pubsub.close()


class _Streams:
    """What the two stream readers share: the keys, the pending-first
    cursors, the turning of XREADGROUP replies into deliveries."""

    def __init__(self, client: Any, group: str, consumer: str, channels: Iterable[int],
                 bare_bodies: bool, count: int) -> None:
        self.client = client
        self.group = group
        self.consumer = consumer
        self.bare_bodies = bare_bodies
        self.count = count
        self.channels = {stream_key(c).encode(): c for c in channels}
        if not self.channels:
            raise InvalidDataError("no channels to read")
        # Own pending entries first (a restarted consumer resumes), then new.
        self.cursor = {key: b"0" for key in self.channels}
        # A cluster takes one key per command (keys of different slots may
        # not share one); one server takes them all at once.
        cluster = "cluster" in type(client).__module__
        keys = list(self.channels)
        self.batches = [[k] for k in keys] if cluster else [keys]

    def pending_phase(self) -> bool:
        return any(c != b">" for c in self.cursor.values())

    def request(self, batch: List[bytes]) -> Dict[bytes, bytes]:
        return {k: self.cursor[k] for k in batch}

    def take(self, reply: Any) -> List[Delivery]:
        out = []
        for key, entries in reply or []:
            key = bytes(key)
            pending = self.cursor[key] != b">"
            if pending and not entries:
                self.cursor[key] = b">"
            for entry_id, fields in entries:
                entry_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
                if pending:
                    self.cursor[key] = entry_id.encode()
                channel = self.channels[key]
                payload = (fields or {}).get(b"m")
                if payload is None:
                    why = ("entry %s was trimmed from the stream before it was read" % entry_id
                           if not fields else
                           "entry %s has no field m: not a MITCH stream entry" % entry_id)
                    out.append(Delivery(channel, key, b"", None, InvalidDataError(why), False,
                                        entry_id))
                    continue
                out.append(judge(key, payload, self.bare_bodies, entry_id=entry_id,
                                 channel=channel))
        return out

    def block_for(self, block: Optional[int]) -> Optional[int]:
        if block is None or self.pending_phase():
            return None  # history reads never block
        return max(1, block // len(self.batches))

    def ack_args(self, deliveries: Iterable[Delivery]) -> Dict[str, List[str]]:
        ids: Dict[str, List[str]] = {}
        for d in deliveries:
            if d.entry_id is None or d.channel is None:
                raise InvalidDataError("not a stream delivery")
            ids.setdefault(stream_key(d.channel), []).append(d.entry_id)
        return ids


def _busygroup(error: Exception) -> bool:
    return "BUSYGROUP" in str(error)


class StreamReader:
    """Consumer ``consumer`` of group ``group`` on the streams of some
    channels, on ``redis.Redis`` or ``redis.cluster.RedisCluster``.  A missing
    stream or group is created at the start of the stream.  :meth:`read`
    returns the next deliveries: first this consumer's own pending entries
    (given before, never acknowledged), then new ones; damaged ones too
    (``error`` set) - acknowledge every delivery with :meth:`ack` once it is
    handled, or it comes back after a restart."""

    def __init__(self, client: Any, group: str, consumer: str, channels: Iterable[int], *,
                 bare_bodies: bool = False, count: int = 500) -> None:
        self._s = _Streams(client, group, consumer, channels, bare_bodies, count)
        for key in self._s.channels:
            try:
                client.xgroup_create(key, group, id="0", mkstream=True)
            except _redis.ResponseError as error:
                if not _busygroup(error):
                    raise

    def read(self, block: Optional[int] = None) -> List[Delivery]:
        """Up to ``count`` deliveries per stream; ``block`` milliseconds to
        wait for new ones (``None``: do not wait)."""
        s = self._s
        while True:
            was_pending = s.pending_phase()
            out: List[Delivery] = []
            for batch in s.batches:
                reply = s.client.xreadgroup(s.group, s.consumer, s.request(batch),
                                            count=s.count, block=s.block_for(block))
                out.extend(s.take(reply))
            # The pending entries ran out without any left: read new ones now.
            if out or not was_pending:
                return out

    def ack(self, deliveries: Iterable[Delivery]) -> int:
        """Acknowledge deliveries; returns how many the server acknowledged."""
        return sum(self._s.client.xack(key, self._s.group, *ids)
                   for key, ids in self._s.ack_args(deliveries).items())


class AsyncStreamReader:
    """:class:`StreamReader` for ``redis.asyncio.Redis`` and
    ``redis.asyncio.cluster.RedisCluster``: create it, then ``await
    reader.start()`` (it creates the groups), ``await reader.read(...)``,
    ``await reader.ack(...)``."""

    def __init__(self, client: Any, group: str, consumer: str, channels: Iterable[int], *,
                 bare_bodies: bool = False, count: int = 500) -> None:
        self._s = _Streams(client, group, consumer, channels, bare_bodies, count)

    async def start(self) -> "AsyncStreamReader":
        client = self._s.client
        cluster = "cluster" in type(client).__module__
        if cluster:
            await client.initialize()  # the slot map, read on first use otherwise
        for key in self._s.channels:
            # redis-py 4.3's asyncio cluster cannot find the key of XGROUP
            # CREATE by itself: name the node that owns it.
            where = {"target_nodes": client.get_node_from_key(key)} if cluster else {}
            try:
                await client.execute_command("XGROUP", "CREATE", key, self._s.group, "0",
                                             "MKSTREAM", **where)
            except _redis.ResponseError as error:
                if not _busygroup(error):
                    raise
        return self

    async def read(self, block: Optional[int] = None) -> List[Delivery]:
        s = self._s
        while True:
            was_pending = s.pending_phase()
            out: List[Delivery] = []
            for batch in s.batches:
                reply = await s.client.xreadgroup(s.group, s.consumer, s.request(batch),
                                                  count=s.count, block=s.block_for(block))
                out.extend(s.take(reply))
            if out or not was_pending:
                return out

    async def ack(self, deliveries: Iterable[Delivery]) -> int:
        total = 0
        for key, ids in self._s.ack_args(deliveries).items():
            total += await self._s.client.xack(key, self._s.group, *ids)
        return total
