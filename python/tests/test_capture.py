"""Captures of mixed message types: decode_capture, the bulk paths over
mixed captures with timestamps, a timestamp per body in the encoders, and
arrays however numpy shaped them.  Expected values come from the bodies
the test built and from protocol.md's header layout (struct below)."""

import struct

import pytest

np = pytest.importorskip("numpy", reason="numpy is not installed (python3-numpy): the "
                         "numpy paths are not tested; the rest of the package is")

import mitch  # noqa: E402
from mitch import MessageType  # noqa: E402
from conftest import needs_pandas  # noqa: E402

TID = 0x0305153138900000


def trades(n, start=0):
    return [mitch.Trade(TID, 1.0 + (start + i) / 64, start + i + 1, start + i + 1, i % 2)
            for i in range(n)]


def ticks(n, start=0):
    return [mitch.Tick(TID, 2.0 + (start + i) / 64, 2.5 + (start + i) / 64, i, i + 1)
            for i in range(n)]


def header(code, ts, count):
    """protocol.md: type byte, u48 timestamp, count."""
    return bytes([ord(code)]) + ts.to_bytes(6, "little") + bytes([count])


def mixed_capture():
    """Trades and ticks interleaved, each message with its own timestamp,
    and one order and one book; returns (capture, expected per type as
    (bodies, timestamps))."""
    parts, want = [], {c: ([], []) for c in "tosib"}
    for k in range(6):
        code, bodies = ("t", trades(3, 3 * k)) if k % 2 == 0 else ("s", ticks(2, 2 * k))
        ts = 1000 + k
        parts.append(mitch.encode_message(bodies, code, ts))
        want[code][0].extend(bodies)
        want[code][1].extend([ts] * len(bodies))
    order = mitch.Order(TID, 7, 3.5, 2, mitch.OrderType.STOP, mitch.OrderSide.SELL, 12345)
    book = mitch.OrderBook(TID, 9.5, 2, [(i, 2 * i) for i in range(128)],
                           [(3, i) for i in range(128)])
    parts.append(mitch.encode_message([order], "o", 5000))
    parts.append(mitch.encode_message([book], "b", 6000))
    want["o"] = ([order], [5000])
    want["b"] = ([book], [6000])
    return b"".join(parts), want


def fields_of(body):
    return {n: getattr(body, n) for n in type(body)._HOST_NAMES}


def test_decode_capture_gives_every_type_with_its_timestamps():
    capture, want = mixed_capture()
    got = mitch.decode_capture(capture)
    assert set(got) == set(MessageType)
    assert all(isinstance(k, MessageType) for k in got)
    for code, (bodies, stamps) in want.items():
        arr = got[MessageType(ord(code))]
        assert arr.dtype == mitch.host_dtype(code, with_timestamp=True)
        assert list(arr["timestamp"]) == stamps
        assert len(arr) == len(bodies)
        for record, body in zip(arr, bodies):
            for name, value in fields_of(body).items():
                if name in ("bids", "asks"):
                    assert [tuple(b) for b in record[name]] == \
                        [(b.count, b.volume) for b in value]
                else:
                    assert record[name] == value, (code, name)


def test_absent_types_are_empty_arrays():
    got = mitch.decode_capture(mitch.encode_stream(trades(300), "t", 9))
    assert len(got[MessageType.TRADE]) == 300
    for t in (MessageType.ORDER, MessageType.TICK, MessageType.INDEX, MessageType.ORDER_BOOK):
        assert len(got[t]) == 0 and got[t].dtype == mitch.host_dtype(t, with_timestamp=True)
    empty = mitch.decode_capture(b"")
    assert all(len(a) == 0 for a in empty.values())


def test_damaged_capture_raises_with_the_offset_and_the_prefix():
    capture, _ = mixed_capture()
    first = 8 + 3 * 32
    bad = bytearray(capture)
    bad[first + 8 + 32 + 8:first + 8 + 32 + 16] = struct.pack("<d", -1.0)  # 2nd tick's bid
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.decode_capture(bytes(bad))
    assert err.value.offset == first + 8 + 32 + 8 and err.value.field == "bid_price"
    assert err.value.info.message_offset == first and err.value.info.messages == 1
    truncated = capture[:len(capture) - 5]
    with pytest.raises(mitch.BufferTooSmallError) as err:
        mitch.decode_capture(truncated)
    assert err.value.info.message_offset == len(capture) - (8 + 2072)
    junk = capture[:first] + b"X" + capture[first + 1:]
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        mitch.decode_capture(junk)
    assert err.value.offset == first


def test_decode_records_and_decode_array_take_mixed_captures():
    capture, want = mixed_capture()
    records = mitch.decode_records(capture, "s")
    assert list(records["timestamp"]) == want["s"][1]
    assert list(records["ask_volume"]) == [t.ask_volume for t in want["s"][0]]
    wire = mitch.decode_array(capture, "t")
    assert wire.dtype == mitch.wire_dtype("t")
    assert wire.tobytes() == mitch.encode_batch(want["t"][0])
    wire, stamps = mitch.decode_array(capture, "o", with_timestamps=True)
    assert wire.tobytes() == want["o"][0][0].pack() and list(stamps) == [5000]
    single = mitch.encode_message(trades(4), "t", 77)
    view, stamps = mitch.decode_array(single, "t", with_timestamps=True)
    assert list(stamps) == [77] * 4 and view.tobytes() == single[8:]


def test_per_body_timestamps_in_the_encoders():
    bodies = trades(600)
    stamps = [10] * 100 + [11] * 300 + [12] * 200
    wire = mitch.encode_stream(bodies, "t", stamps)
    # a new message when the timestamp changes or after 255 bodies
    offsets, expected = 0, [(10, 100), (11, 255), (11, 45), (12, 200)]
    for ts, count in expected:
        assert wire[offsets:offsets + 8] == header("t", ts, count)
        offsets += 8 + 32 * count
    assert offsets == len(wire)
    records = mitch.decode_records(wire, "t")
    assert list(records["timestamp"]) == stamps
    assert mitch.encode_array(records, "t") == wire  # the timestamp field
    assert mitch.encode_array(records, "t", stamps) == wire
    assert mitch.stream_frame(mitch.encode_batch(bodies), "t", stamps) == wire
    assert mitch.encode_array(mitch.decode_array(wire, "t"), "t", np.array(stamps)) == wire
    uniform = mitch.encode_array(records, "t", 5)
    assert mitch.stream_validate(uniform).messages == 3  # 255 + 255 + 90


def test_timestamp_errors_write_nothing_and_say_which():
    bodies = trades(3)
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_stream(bodies, "t", [1, 2 ** 48, 3])
    assert err.value.field == "timestamp" and err.value.index == 1
    with pytest.raises(mitch.MitchTypeError):
        mitch.encode_stream(bodies, "t", [1, 2])
    with pytest.raises(mitch.FieldOverflowError):
        mitch.encode_stream(bodies, "t", [1, -2, 3])
    bad = trades(3)
    bad[2] = mitch.Trade(TID, 1.0, 0, 1)
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_stream(bad, "t", [1, 2, 3])
    assert err.value.field == "quantity" and err.value.index == 2
    assert "bodies[2]" in str(err.value)


def test_concatenated_and_packed_arrays_are_accepted():
    a = mitch.decode_array(mitch.encode_stream(trades(5), "t"), "t")
    b = mitch.decode_array(mitch.encode_stream(trades(7, 5), "t"), "t")
    joined = np.concatenate([a, b])
    assert joined.dtype.itemsize < 32  # numpy dropped the padding
    assert mitch.encode_array(joined, "t", 3) == mitch.encode_stream(trades(5) + trades(7, 5),
                                                                    "t", 3)
    assert len(mitch.to_dataframe(joined)) == 12 if _has_pandas() else True
    o = mitch.decode_records(mitch.encode_stream(
        [mitch.Order(TID, i + 1, 1.0, 1) for i in range(4)], "o", 8), "o")
    packed = np.concatenate([o[:2], o[2:]])
    assert mitch.encode_array(packed, "o") == mitch.encode_array(o, "o")


def test_n_dimensional_arrays_are_encoded_whole_in_c_order():
    records = mitch.decode_records(mitch.encode_stream(trades(6), "t", 1), "t")
    host = np.zeros(6, dtype=mitch.host_dtype("t"))
    for name in host.dtype.names:
        host[name] = records[name]
    flat = mitch.encode_array(host, "t", 1)
    assert mitch.encode_array(host.reshape(2, 3), "t", 1) == flat
    assert mitch.encode_array(host.reshape(3, 2)[:, ::-1].copy()[:, ::-1], "t", 1) == flat
    wire = mitch.decode_array(flat, "t", copy=True)
    assert mitch.encode_array(wire.reshape(2, 3), "t", 1) == flat
    fortran = np.asfortranarray(host.reshape(2, 3))
    assert mitch.encode_array(fortran, "t", 1) == flat  # C order, whatever the memory


def _has_pandas():
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


@needs_pandas
def test_to_dataframe_of_a_mixed_capture_with_dates():
    import pandas as pd
    capture, want = mixed_capture()
    df = mitch.to_dataframe(capture, "t")
    assert list(df["trade_id"]) == [t.trade_id for t in want["t"][0]]
    assert list(df["timestamp"]) == want["t"][1]
    dated = mitch.to_dataframe(capture, "s", date="2026-12-01")
    assert str(dated["timestamp"].dtype) == "datetime64[ns, UTC]"
    assert dated["timestamp"][0] == pd.Timestamp("2026-12-01T00:00:00.000001001", tz="UTC")
    with pytest.raises(mitch.MitchTypeError):
        mitch.to_dataframe(capture, "s", date="tomorrow")
    with pytest.raises(mitch.MitchTypeError):
        mitch.to_dataframe(mitch.decode_array(capture, "s"), date="2026-12-01")


def test_to_polars():
    polars = pytest.importorskip("polars", reason="polars is not installed: it comes from "
                                 "PyPI (python/ci-venv.sh installs it), not from Debian")
    capture, want = mixed_capture()
    frame = mitch.to_polars(capture, "t")
    assert isinstance(frame, polars.DataFrame)
    assert frame["trade_id"].to_list() == [t.trade_id for t in want["t"][0]]
    assert frame["timestamp"].to_list() == want["t"][1]
    dated = mitch.to_polars(capture, "t", date="2026-12-01")
    assert str(dated["timestamp"].dtype).startswith("Datetime")
    assert dated["timestamp"].dt.nanosecond().to_list()[0] == 1000


def test_damage_far_into_a_large_capture_reports_offsets_from_its_start():
    # a large capture (more than 1 MiB of structs per type): one call, in place
    many = mitch.encode_stream(trades(100_000), "t", list(range(100_000)))  # 1 per message
    got = mitch.decode_capture(many)[MessageType.TRADE]
    assert len(got) == 100_000 and list(got["timestamp"][-3:]) == [99_997, 99_998, 99_999]
    assert list(got["trade_id"][::25_000]) == [1, 25_001, 50_001, 75_001]
    at = (8 + 32) * 90_000  # message 90000
    bad = bytearray(many)
    bad[at + 8 + 16:at + 8 + 20] = bytes(4)  # its quantity
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.decode_capture(bytes(bad))
    assert err.value.offset == at + 8 + 16 and err.value.field == "quantity"
    assert err.value.index == 90_000 and err.value.info.message_offset == at
    assert err.value.info.messages == 90_000
    with pytest.raises(mitch.BufferTooSmallError) as err:
        mitch.decode_records(many[:-3], "t")
    assert err.value.info.message_offset == len(many) - 40


def assert_padding_is_zero(records, what):
    """Every byte of the records no field covers (the structs' padding) is 0."""
    covered = np.zeros(records.dtype.itemsize, dtype=bool)
    for name in records.dtype.names:
        sub, at = records.dtype.fields[name][:2]
        covered[at:at + sub.itemsize] = True
    raw = records.view(np.uint8).reshape(len(records), records.dtype.itemsize)
    assert not raw[:, ~covered].any(), what


def test_records_carry_no_stale_memory_in_their_padding():
    # decode_capture and decode_records return np.empty arrays that libmitch
    # fills; their padding must be zero, also where freed memory full of
    # other bytes is handed out again
    index = mitch.Index(TID, 100.0, 1, 2, 3, -500, 500, -2000, 2000, 10000, 0, -10000, 10000,
                        95, 1, 4)
    capture = mixed_capture()[0] + mitch.encode_message([index], "i", 7000)
    for _ in range(3):
        junk = np.full(1 << 16, 0xA5, dtype=np.uint8)  # likely reused after del
        del junk
        got = mitch.decode_capture(capture * 50)
        for message_type, records in got.items():
            assert len(records), message_type  # the capture holds every type
            assert_padding_is_zero(records, message_type)
        for message_type in got:
            assert_padding_is_zero(mitch.decode_records(capture * 50, message_type),
                                   message_type)
