"""mitch.aio over asyncio streams: framing from the headers, chunked
arrival, a real socket, clean and unclean ends of stream."""

import asyncio

import pytest

import mitch
import mitch.aio
from conftest import needs_numpy, numpy

TID = 0x0305153138900000


def stream_bytes():
    trades = [mitch.Trade(TID, 1.0 + i, i + 1, i + 1) for i in range(300)]
    ticks = [mitch.Tick(TID, 2.0, 2.5, 1, 2)]
    books = [mitch.OrderBook(TID, 7.0, 2)]
    wire = mitch.encode_stream(trades, "t", 11) + mitch.encode_message(ticks, "s", 12) + \
        mitch.encode_message(books, "b", 13)
    return wire, trades + ticks + books


def run(coro):
    return asyncio.run(coro)


async def collect(reader):
    return [body async for body in mitch.aio.read_messages(reader)]


def fed_reader(data, chunk=None):
    reader = asyncio.StreamReader()

    async def feed():
        step = chunk or max(len(data), 1)
        for i in range(0, len(data), step):
            reader.feed_data(data[i:i + step])
            await asyncio.sleep(0)
        reader.feed_eof()
    return reader, feed


@pytest.mark.parametrize("chunk", [None, 1, 7, 4096])
def test_read_messages_in_chunks(chunk):
    wire, bodies = stream_bytes()

    async def main():
        reader, feed = fed_reader(wire, chunk)
        feeder = asyncio.ensure_future(feed())
        got = await collect(reader)
        await feeder
        return got
    assert run(main()) == bodies


def test_iter_messages_headers_and_offsets():
    wire, _ = stream_bytes()

    async def main():
        reader, feed = fed_reader(wire)
        await feed()
        return [m async for m in mitch.aio.iter_messages(reader)]
    messages = run(main())
    assert [(m.header.message_type.code, m.header.count, m.header.timestamp) for m in messages] \
        == [("t", 255, 11), ("t", 45, 11), ("s", 1, 12), ("b", 1, 13)]
    assert [m.offset for m in messages] == [0, 8 + 255 * 32, 2 * 8 + 300 * 32,
                                            3 * 8 + 300 * 32 + 32]
    assert sum(m.size for m in messages) == len(wire)


def test_over_a_socket():
    wire, bodies = stream_bytes()

    async def main():
        async def serve(reader, writer):
            writer.write(wire)
            await writer.drain()
            writer.close()
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        got = await collect(reader)
        writer.close()
        server.close()
        await server.wait_closed()
        return got
    assert run(main()) == bodies


def test_empty_stream_and_truncation():
    wire, _ = stream_bytes()

    async def read(data):
        reader, feed = fed_reader(data)
        await feed()
        return await collect(reader)
    assert run(read(b"")) == []
    with pytest.raises(mitch.BufferTooSmallError) as err:
        run(read(wire[:5]))
    assert err.value.offset == 5
    with pytest.raises(mitch.BufferTooSmallError) as err:
        run(read(wire[:100]))
    assert err.value.offset == 100


def test_damaged_stream():
    wire, _ = stream_bytes()

    async def read(data):
        reader, feed = fed_reader(data)
        await feed()
        return await collect(reader)
    second = 8 + 255 * 32
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        run(read(wire[:second] + b"X" + wire[second + 1:]))
    assert "offset %d" % second in str(err.value)
    bad = bytearray(wire)
    bad[second + 8 + 3 * 32 + 8:second + 8 + 3 * 32 + 16] = bytes(8)  # price of body 3
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        run(read(bytes(bad)))
    assert err.value.offset == second + 8 + 3 * 32 + 8 and err.value.field == "price"


@pytest.mark.parametrize("chunk_size", [1, 100, 8 + 255 * 32, 1 << 20])
def test_chunk_sizes_give_the_same_messages_and_stream_offsets(chunk_size):
    wire, bodies = stream_bytes()

    async def main():
        reader, feed = fed_reader(wire, 333)
        feeder = asyncio.ensure_future(feed())
        got = [m async for m in mitch.aio.iter_messages(reader, chunk_size=chunk_size)]
        await feeder
        return got
    messages = run(main())
    assert [b for m in messages for b in m.bodies] == bodies
    assert [m.offset for m in messages] == [0, 8 + 255 * 32, 2 * 8 + 300 * 32,
                                            3 * 8 + 300 * 32 + 32]


def test_damage_in_a_later_chunk_reports_the_stream_offset_after_the_messages_before_it():
    wire, bodies = stream_bytes()
    second = 8 + 255 * 32
    bad = bytearray(wire)
    bad[second + 8 + 3 * 32 + 8:second + 8 + 3 * 32 + 16] = bytes(8)  # price of body 3

    async def main():
        reader, feed = fed_reader(bytes(bad), 1000)
        feeder = asyncio.ensure_future(feed())
        got = []
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            async for m in mitch.aio.iter_messages(reader, chunk_size=4096):
                got.append(m)
        await feeder
        return got, err.value
    got, err = run(main())
    assert [m.offset for m in got] == [0]  # the first message was delivered
    assert err.offset == second + 8 + 3 * 32 + 8 and err.field == "price"
    assert err.info.message_offset == second
    assert "offset %d" % second in str(err)


@needs_numpy
def test_read_arrays_yields_one_array_per_chunk():
    trades = [mitch.Trade(TID, 1.0 + i, i + 1, i + 1, i % 2) for i in range(2000)]
    wire = mitch.encode_stream(trades, "t", 5)

    async def main(data, chunk_size):
        reader, feed = fed_reader(data, 5000)
        feeder = asyncio.ensure_future(feed())
        arrays = [a async for a in mitch.aio.read_arrays(reader, "t", chunk_size=chunk_size)]
        await feeder
        return arrays
    arrays = run(main(wire, 16384))
    assert len(arrays) > 1 and all(len(a) for a in arrays)
    joined = numpy.concatenate(arrays)
    assert list(joined["trade_id"]) == list(range(1, 2001))
    assert joined.dtype.itemsize < 32  # numpy drops the padding when it concatenates
    assert mitch.encode_array(joined, "t", 5) == wire
    ticks = mitch.encode_message([mitch.Tick(TID, 1.0, 2.0)], "s")
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        run(main(wire + ticks, 16384))
    assert err.value.offset == len(wire)


def test_write_messages_then_read_them_over_a_socket():
    _, bodies = stream_bytes()
    trades = bodies[:300]

    async def main():
        done = asyncio.get_running_loop().create_future()

        async def serve(reader, writer):
            done.set_result([b async for b in mitch.aio.read_messages(reader)])
            writer.close()
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        written = await mitch.aio.write_messages(writer, trades, "t", timestamp=42)
        bad = list(trades)
        bad[7] = mitch.Trade(TID, -1.0, 1, 1)
        with pytest.raises(mitch.InvalidFieldValueError):
            await mitch.aio.write_messages(writer, bad)  # nothing is written
        writer.write_eof()
        got = await done
        writer.close()
        server.close()
        await server.wait_closed()
        return written, got
    written, got = run(main())
    assert written == 2 * 8 + 300 * 32
    assert got == trades


def test_a_bad_offset_is_refused_before_the_stream_is_read():
    wire, bodies = stream_bytes()

    async def main():
        reader, feed = fed_reader(wire)
        await feed()
        for bad, error in ((None, mitch.MitchTypeError), ("0", mitch.MitchTypeError),
                           (1.5, mitch.MitchTypeError), (True, mitch.MitchTypeError),
                           (-1, mitch.BufferTooSmallError)):
            with pytest.raises(error):
                await mitch.aio.read_message(reader, bad)
        return await mitch.aio.read_message(reader, 40)  # nothing was consumed
    message = run(main())
    assert message.offset == 40 and message.bodies == bodies[:255]
