"""mitch.redis against real servers (tests/redis/python-tests.sh starts a
server and a 3-master cluster on loopback and says where in the
environment).  The sample stream holds every body type; expected bytes come
from it, never from the module under test."""

import asyncio
import os
import subprocess
import threading
import time

import pytest
import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.cluster

import mitch
import mitch.redis as mr

PORT = int(os.environ["MITCH_REDIS_PORT"])
CLUSTER_PORTS = [int(p) for p in os.environ["MITCH_REDIS_CLUSTER_PORTS"].split()]
TOOL = os.environ["MITCH_TOOL"]
PROVIDER = 101


def sample_messages():
    with open(os.environ["MITCH_SAMPLE"], "rb") as f:
        data = f.read()
    out = [data[m.offset:m.offset + m.size] for m in mitch.decode_messages(data)]
    assert len({m[0] for m in out}) >= 5, "the sample must hold every body type"
    return out


def channel_of(wire, provider=PROVIDER):
    return (provider << 16) | (wire[0] << 8)


@pytest.fixture
def client():
    c = redis.Redis(host="127.0.0.1", port=PORT)
    yield c
    c.close()


def test_channel_names_follow_transport_md():
    assert mr.channel_name(6648576) == b"6648576"
    assert mr.channel_name(6648576, binary=True) == bytes([0x00, 0x73, 0x65, 0x00])
    assert mr.parse_channel(b"6648576") == 6648576
    assert mr.parse_channel(bytes([0x00, 0x73, 0x65, 0x00])) == 6648576
    for bad in (b"06648576", b"6648577", b"", b"abc", bytes([1, 0x73, 0x65, 0])):
        with pytest.raises(mitch.InvalidChannelIdError):
            mr.parse_channel(bad)
    assert mr.stream_key(6648576) == "mitch:stream:6648576"
    assert mr.snapshot_key(6648576, 7) == "mitch:last:6648576:7"


def test_hostile_arguments_raise_mitch_errors_and_invent_no_bytes():
    """bytes(5) is five zero bytes and bytes([1, 2]) two made-up ones: a
    name, payload or pattern that is not bytes-like is refused, never
    turned into a payload; flags and numbers are checked as in mitch."""
    good = sample_messages()[0]
    ch = channel_of(good)
    for call in (lambda: mr.parse_channel(ch), lambda: mr.parse_channel(None),
                 lambda: mr.judge(str(ch).encode(), 5),
                 lambda: mr.judge(str(ch).encode(), [1, 2]),
                 lambda: mr.judge(ch, good),
                 lambda: mr.judge(str(ch).encode(), good, bare_bodies=[1]),
                 lambda: mr.snapshot_key(ch, "7"), lambda: mr.snapshot_key(ch, 2 ** 64),
                 lambda: mr.channel_name(ch, binary=[]),
                 lambda: mr._names([ch], False, [5])):
        with pytest.raises(mitch.MitchError) as err:
            call()
        assert isinstance(err.value, (TypeError, ValueError))
    assert mr.judge(bytearray(str(ch).encode()), memoryview(good)).message is not None


def test_publish_and_append_check_their_options_before_sending(client):
    good = sample_messages()[0]
    ch = channel_of(good)
    key = mr.stream_key(ch)
    client.delete(key)
    for call in (lambda: mr.append(client, ch, good, maxlen="10"),
                 lambda: mr.append(client, ch, good, maxlen=-1),
                 lambda: mr.append(client, ch, good, bare_bodies=[1]),
                 lambda: mr.publish(client, ch, good, binary_channel=[1])):
        with pytest.raises(mitch.MitchError):
            call()
    assert client.xlen(key) == 0  # nothing was sent


def _collect(client, channels, n, start, **kw):
    """Iterate mr.messages() in a thread (it subscribes on the first next()),
    call start() once the server shows the subscriptions, and return the n
    deliveries that came: (valid ones, damaged ones)."""
    good, damaged = [], []

    def consume():
        for d in mr.messages(client, channels, timeout=3.0, on_damaged=damaged.append, **kw):
            good.append(d)
            if len(good) + len(damaged) >= n:
                return

    t = threading.Thread(target=consume)
    t.start()
    admin = redis.Redis(host="127.0.0.1", port=PORT)
    for _ in range(250):
        if any(int(c.get("sub", 0)) >= len(channels) for c in admin.client_list()):
            break
        time.sleep(0.02)
    admin.close()
    start()
    t.join(10)
    assert not t.is_alive()
    return good, damaged


@pytest.mark.parametrize("binary", [False, True])
def test_every_message_bit_exact(client, binary):
    wires = sample_messages()
    channels = sorted({channel_of(w) for w in wires})
    publisher = redis.Redis(host="127.0.0.1", port=PORT)
    got, damaged = _collect(client, channels, len(wires),
                            lambda: [mr.publish(publisher, channel_of(w), w, binary_channel=binary)
                                     for w in wires],
                            binary_channel=binary)
    publisher.close()
    assert not damaged
    assert [d.wire for d in got] == wires
    assert [d.channel for d in got] == [channel_of(w) for w in wires]
    assert all(d.name == mr.channel_name(d.channel, binary) for d in got)
    assert [d.message.header.count for d in got] == [w[7] for w in wires]


def test_bare_bodies_are_framed_and_stamped(client):
    wires = sample_messages()
    channels = sorted({channel_of(w) for w in wires})
    n_bodies = sum(w[7] for w in wires)
    publisher = redis.Redis(host="127.0.0.1", port=PORT)
    got, damaged = _collect(client, channels, n_bodies,
                            lambda: [mr.publish(publisher, channel_of(w), w, bare_bodies=True,
                                                binary_channel=True) for w in wires],
                            binary_channel=True, bare_bodies=True)
    publisher.close()
    assert not damaged
    assert len(got) == n_bodies
    bodies = []
    for w in wires:
        size = mitch.body_size(chr(w[0]))
        bodies += [w[8 + i * size:8 + (i + 1) * size] for i in range(w[7])]
    assert [d.wire[8:] for d in got] == bodies
    assert all(d.stamped and d.message.header.count == 1 for d in got)


def test_damaged_payloads_go_to_on_damaged(client):
    good = sample_messages()[0]
    ch = channel_of(good)
    bad = bytearray(good)
    bad[16:24] = bytes(8)  # the first trade's price (protocol.md: offset 8 of the body)
    raw = redis.Redis(host="127.0.0.1", port=PORT)
    got, damaged = _collect(client, [ch], 4,
                            lambda: [raw.publish(mr.channel_name(ch), p)
                                     for p in (b"not mitch", bytes(bad), good + good, good)])
    raw.close()
    assert [d.wire for d in got] == [good]
    errors = [d.error for d in damaged]
    assert len(errors) == 3
    assert isinstance(errors[0], mitch.InvalidMessageTypeError)
    assert isinstance(errors[1], mitch.InvalidFieldValueError)
    assert errors[1].field == "price"
    assert isinstance(errors[2], mitch.InvalidDataError)


def test_publish_refuses_damaged_messages(client):
    good = sample_messages()[0]
    ch = channel_of(good)
    with pytest.raises(mitch.BufferTooSmallError):
        mr.publish(client, ch, good[:-1])
    bad = bytearray(good)
    bad[16:24] = bytes(8)
    with pytest.raises(mitch.InvalidFieldValueError):
        mr.publish(client, ch, bytes(bad))
    with pytest.raises(mitch.InvalidMessageTypeError):
        mr.publish(client, ch ^ (good[0] << 8) ^ (ord("s") << 8), good)  # a tick channel
    with pytest.raises(mitch.InvalidDataError):
        mr.publish(client, ch, good + good)


def test_decode_responses_is_refused():
    good = sample_messages()[0]
    with pytest.raises(TypeError):
        mr.judge("6648832", good.decode("latin-1"))


def test_async_iterator():
    wires = sample_messages()
    channels = sorted({channel_of(w) for w in wires})

    async def main():
        sub = redis.asyncio.Redis(host="127.0.0.1", port=PORT)
        pub = redis.asyncio.Redis(host="127.0.0.1", port=PORT)
        damaged = []
        it = mr.subscribe(sub, channels, on_damaged=damaged.append).__aiter__()
        first = asyncio.ensure_future(it.__anext__())
        while (await pub.pubsub_numsub(mr.channel_name(channels[-1])))[0][1] < 1:
            await asyncio.sleep(0.02)
        await pub.publish(mr.channel_name(channels[0]), b"garbage, not MITCH")
        for w in wires:
            await pub.publish(mr.channel_name(channel_of(w)), w)
        got = [await asyncio.wait_for(first, 5)]
        while len(got) < len(wires):
            got.append(await asyncio.wait_for(it.__anext__(), 5))
        await it.aclose()
        await sub.close()
        await pub.close()
        return got, damaged

    got, damaged = asyncio.run(main())
    assert [d.wire for d in got] == wires
    assert len(damaged) == 1 and isinstance(damaged[0].error, mitch.InvalidMessageTypeError)


def test_stream_reader_resumes_with_pending(client):
    wires = sample_messages()
    provider = 4242
    channels = sorted({channel_of(w, provider) for w in wires})
    for w in wires:
        assert len(mr.append(client, channel_of(w, provider), w, maxlen=1000)) == 1
    reader = mr.StreamReader(client, "g", "c", channels)
    first = reader.read()
    assert sorted(d.wire for d in first) == sorted(wires)
    # Per channel, in order.
    for ch in channels:
        assert [d.wire for d in first if d.channel == ch] == \
            [w for w in wires if channel_of(w, provider) == ch]
    assert reader.ack(first[:2]) == 2
    # A new reader with the same name re-reads what was not acknowledged.
    again = mr.StreamReader(client, "g", "c", channels).read()
    assert [d.entry_id for d in again] == [d.entry_id for d in first[2:]] or \
        sorted(d.entry_id for d in again) == sorted(d.entry_id for d in first[2:])
    assert mr.StreamReader(client, "g", "c", channels).ack(again) == len(again)
    assert mr.StreamReader(client, "g", "c", channels).read(block=100) == []
    # Foreign and trimmed entries come back damaged, and can be acknowledged.
    key = mr.stream_key(channels[0])
    client.xadd(key, {"price": "1.5"})
    reader = mr.StreamReader(client, "g", "c", channels)
    got = reader.read()
    assert len(got) == 1 and isinstance(got[0].error, mitch.InvalidDataError)
    assert reader.ack(got) == 1


def test_interop_with_the_c_tool(client):
    """Python publishes, the C tool receives; the C tool keeps a snapshot,
    Python reads it."""
    wires = sample_messages()
    trades = [w for w in wires if w[0] == ord("t")]
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), "mitch-py-interop-%d.mitch" % os.getpid())
    sub = subprocess.Popen([TOOL, "subscribe", "--redis", "redis://127.0.0.1:%d" % PORT,
                            "--provider", "77", "--type", "t", "--count", str(len(trades)),
                            "-o", out])
    try:
        ch = channel_of(trades[0], 77)
        for _ in range(200):
            if client.pubsub_numsub(mr.channel_name(ch))[0][1] >= 1:
                break
            time.sleep(0.02)
        for w in trades:
            mr.publish(client, ch, w)
        assert sub.wait(10) == 0
        with open(out, "rb") as f:
            assert f.read() == b"".join(trades)
    finally:
        if sub.poll() is None:
            sub.kill()
        if os.path.exists(out):
            os.unlink(out)
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "mitch-py-snap-%d.mitch" % os.getpid())
    with open(path, "wb") as f:
        f.write(trades[0])
    try:
        subprocess.run([TOOL, "publish", "--redis", "redis://127.0.0.1:%d" % PORT,
                        "--provider", "78", "--snapshot", path], check=True)
    finally:
        os.unlink(path)
    last = mitch.decode_messages(trades[0])
    body = next(iter(last)).bodies[-1]
    snap = mr.snapshot(client, channel_of(trades[0], 78), body.ticker_id)
    assert snap is not None and snap.bodies[0] == body
    assert mr.snapshot(client, channel_of(trades[0], 78), 1) is None


def _cluster_channels(wires, provider0, count):
    return [((provider0 + i) << 16) | (ord("t") << 8) for i in range(count)]


def test_stream_reader_on_a_cluster():
    rc = redis.cluster.RedisCluster(host="127.0.0.1", port=CLUSTER_PORTS[0])
    trade = [w for w in sample_messages() if w[0] == ord("t")][0]
    channels = _cluster_channels(None, 5000, 24)
    slots = {rc.keyslot(mr.stream_key(c)) for c in channels}
    owners = {rc.get_node_from_key(mr.stream_key(c)).port for c in channels}
    assert len(owners) == 3, "the streams must live on all three masters"
    assert len(slots) > 3
    for c in channels:
        mr.append(rc, c, trade)
    reader = mr.StreamReader(rc, "g", "c", channels)
    got = reader.read()
    assert [d.wire for d in got] == [trade] * 24
    assert sorted(d.channel for d in got) == sorted(channels)
    assert reader.ack(got) == 24
    assert reader.read(block=50) == []
    # Bare bodies: one entry per body, framed again by the reader.
    bare = _cluster_channels(None, 5100, 6)
    for c in bare:
        assert len(mr.append(rc, c, trade, bare_bodies=True)) == trade[7]
    got = mr.StreamReader(rc, "g", "c", bare, bare_bodies=True).read()
    assert len(got) == 6 * trade[7]
    assert all(d.error is None and d.stamped for d in got)
    size = mitch.body_size("t")
    assert [d.wire[8:] for d in got if d.channel == bare[0]] == \
        [trade[8 + i * size:8 + (i + 1) * size] for i in range(trade[7])]
    # Read without bare_bodies, those entries are damaged: reported, not dropped.
    got = mr.StreamReader(rc, "other", "c", bare).read()
    assert len(got) == 6 * trade[7]
    assert all(isinstance(d.error, mitch.MitchError) and d.message is None for d in got)
    rc.close()


def test_async_stream_reader_on_a_cluster():
    trade = [w for w in sample_messages() if w[0] == ord("t")][0]
    channels = _cluster_channels(None, 6000, 12)

    async def main():
        rc = redis.asyncio.cluster.RedisCluster(host="127.0.0.1", port=CLUSTER_PORTS[1])
        reader = await mr.AsyncStreamReader(rc, "g", "c", channels).start()
        for c in channels:
            await rc.xadd(mr.stream_key(c), {"m": trade})
        got = await reader.read()
        n = await reader.ack(got)
        rest = await reader.read(block=50)
        await rc.close()
        return got, n, rest

    got, n, rest = asyncio.run(main())
    assert [d.wire for d in got] == [trade] * 12
    assert n == 12 and rest == []
