"""Whole messages and streams (check_message.c's areas): encoding, iterating
over any buffer type, damaged input, stream validation, gather and frame."""

import mmap
import struct

import pytest

import mitch
from mitch import MessageType

TID = 0x0305153138900000


def trades(n, start=1):
    return [mitch.Trade(TID, 1.0 + i / 1000, i + 1, start + i, i % 2) for i in range(n)]


def expected_message(code, ts, bodies_wire):
    count = len(bodies_wire)
    return bytes([ord(code)]) + ts.to_bytes(6, "little") + bytes([count]) + b"".join(bodies_wire)


def test_encode_message_bytes():
    ts = 34_200_123_456_789
    bodies = trades(3)
    wire = mitch.encode_message(bodies, "t", ts)
    assert wire == expected_message("t", ts, [b.pack() for b in bodies])
    assert mitch.encode_message(bodies, MessageType.TRADE, ts) == wire


def test_encode_message_errors():
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_message([], "t", 0)
    assert err.value.field == "count"
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_message(trades(256), "t", 0)
    assert err.value.field == "count"
    assert len(mitch.encode_message(trades(255), "t", 0)) == 8 + 255 * 32
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_message(trades(1), "t", 2 ** 48)
    assert err.value.field == "timestamp"
    bad = trades(3)
    bad[2].price = -1.0
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_message(bad, "t", 0)
    assert err.value.field == "price" and "bodies[2]" in str(err.value)
    with pytest.raises(TypeError):
        mitch.encode_message(trades(1), "s", 0)
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.encode_message(trades(1), "x", 0)


def mixed_buffer():
    parts = [
        ("t", 1, trades(2)),
        ("o", 2, [mitch.Order(TID, 7, 1.5, 10), mitch.Order(TID, 7, 0.0, 0, 3, 1)]),
        ("s", 3, [mitch.Tick(TID, 1.0, 1.5, 3, 4)]),
        ("i", 4, [mitch.Index(TID, 9.5, confidence=50, accepted=2)]),
        ("b", 5, [mitch.OrderBook(TID, 9.5, 1, [(i, i) for i in range(128)],
                                  [(1, 2)] * 128)]),
    ]
    return parts, b"".join(mitch.encode_message(bodies, c, ts) for c, ts, bodies in parts)


@pytest.mark.parametrize("kind", ["bytes", "bytearray", "memoryview", "mmap"])
def test_decode_messages_over_any_buffer(kind, tmp_path):
    parts, wire = mixed_buffer()
    if kind == "bytes":
        buf = wire
    elif kind == "bytearray":
        buf = bytearray(wire)
    elif kind == "memoryview":
        buf = memoryview(b"\0" * 3 + wire)[3:]
    else:
        path = tmp_path / "messages.mitch"
        path.write_bytes(wire)
        f = open(path, "rb")
        buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    messages = list(mitch.decode_messages(buf))
    assert [(m.header.message_type.code, m.header.timestamp, m.bodies) for m in messages] == \
        [(c, ts, bodies) for c, ts, bodies in parts]
    offsets = [m.offset for m in messages]
    sizes = [m.size for m in messages]
    assert offsets[0] == 0 and all(o + s == n for o, s, n in zip(offsets, sizes, offsets[1:]))
    assert offsets[-1] + sizes[-1] == len(wire)
    if kind == "mmap":
        buf.close()
        f.close()


def test_buffer_is_held_while_iterating():
    _, wire = mixed_buffer()
    buf = bytearray(wire)
    it = mitch.decode_messages(buf)
    next(it)
    with pytest.raises(BufferError):
        buf.extend(b"x")  # a resize would move the memory C reads
    it.close()
    buf.extend(b"x")


def test_damaged_streams_report_the_offset():
    _, wire = mixed_buffer()
    first = 8 + 2 * 32
    bad_type = wire[:first] + b"T" + wire[first + 1:]
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        list(mitch.decode_messages(bad_type))
    assert err.value.offset == first
    zero_count = wire[:first + 7] + b"\0" + wire[first + 8:]
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        list(mitch.decode_messages(zero_count))
    assert err.value.offset == first + 7
    with pytest.raises(mitch.BufferTooSmallError) as err:
        list(mitch.decode_messages(wire[:-1]))
    assert err.value.offset == len(wire) - 1
    with pytest.raises(mitch.BufferTooSmallError):
        list(mitch.decode_messages(wire[:first + 5]))
    bad_body = bytearray(wire)
    bad_body[8 + 32 + 8:8 + 32 + 16] = struct.pack("<d", float("nan"))
    got = []
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        for m in mitch.decode_messages(bytes(bad_body)):
            got.append(m)
    assert got == [] and err.value.offset == 8 + 32 + 8 and err.value.field == "price"
    assert list(mitch.decode_messages(b"")) == []
    with pytest.raises(mitch.InvalidDataError):
        list(mitch.decode_messages(None))


def test_stream_validate():
    parts, wire = mixed_buffer()
    info = mitch.stream_validate(wire)
    assert (info.messages, info.bodies) == (5, 2 + 2 + 1 + 1 + 1)
    assert mitch.stream_validate(mitch.encode_message(trades(3), "t"), "t").bodies == 3
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        mitch.stream_validate(wire, "t")
    assert err.value.offset == 8 + 2 * 32 and err.value.info.messages == 1
    with pytest.raises(mitch.BufferTooSmallError) as err:
        mitch.stream_validate(wire + b"t")
    assert err.value.info.messages == 5
    assert mitch.stream_validate(b"").messages == 0


def test_gather_and_frame():
    bodies = trades(600)
    stream = mitch.encode_stream(bodies, "t", 77)
    headers = [m.header for m in mitch.decode_messages(stream)]
    assert [h.count for h in headers] == [255, 255, 90]
    assert all(h.timestamp == 77 for h in headers)
    gathered = mitch.stream_gather(stream, "t")
    assert gathered == b"".join(b.pack() for b in bodies) == mitch.encode_batch(bodies)
    assert mitch.stream_frame(gathered, "t", 77) == stream
    assert mitch.decode_batch(gathered, "t") == bodies
    assert mitch.decode_batch(gathered, mitch.Trade, count=2, offset=32) == bodies[1:3]
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.stream_frame(gathered[:-1], "t", 0)
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.stream_gather(stream + mitch.encode_message([mitch.Tick(TID, 1, 1)], "s"), "t")
    broken = bytearray(gathered)
    broken[32 * 300:32 * 300 + 8] = bytes(8)
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.stream_frame(broken, "t", 0)
    assert err.value.offset == 32 * 300 and err.value.field == "ticker_id"
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.decode_batch(broken, "t")
    assert err.value.offset == 32 * 300
    assert mitch.encode_stream([], "t") == b""


def test_encode_batch_names_the_bad_body():
    bodies = trades(5)
    bodies[3].quantity = 0
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_batch(bodies)
    assert err.value.field == "quantity" and "bodies[3]" in str(err.value)
    with pytest.raises(TypeError):
        mitch.encode_batch([trades(1)[0], mitch.Tick(TID, 1.0, 1.0)])
