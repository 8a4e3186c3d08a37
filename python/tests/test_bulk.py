"""numpy and pandas paths: they match the scalar paths field by field, are
zero-copy for a single message, and go back to the same bytes."""

import pytest

np = pytest.importorskip("numpy", reason="numpy is not installed (python3-numpy): the "
                         "numpy paths are not tested; the rest of the package is")

import mitch  # noqa: E402
from mitch import types as mtypes  # noqa: E402
from conftest import f64_bits, needs_pandas  # noqa: E402

TID = 0x0305153138900000


def sample_bodies(code, n):
    if code == "t":
        return [mitch.Trade(TID + i, 1.0 + i * 0.25, i + 1, 2 * i + 1, i % 2) for i in range(n)]
    if code == "o":
        return [mitch.Order(TID, i + 1, 0.0 if i % 4 == 3 else 2.0 + i, i + 1, i % 4, i % 2,
                            (2 ** 48 - 1 - i) * (i % 2)) for i in range(n)]
    if code == "s":
        return [mitch.Tick(TID, 1.0 + i, 1.5 + i, i, 2 ** 32 - 1 - i) for i in range(n)]
    if code == "i":
        return [mitch.Index(TID, 10.0 + i, i, i, -i, -2 ** 31 + i, i, -i, i, i % 10001, 5,
                            -(i % 10001), i % 10001, i % 101, 1, 1 + i % 3) for i in range(n)]
    return [mitch.OrderBook(TID, 3.0 + i, i % 4, [(i, j) for j in range(128)],
                            [(j, i) for j in range(128)]) for i in range(n)]


def scalar_fields(body):
    out = {}
    for name in type(body)._HOST_NAMES:
        value = getattr(body, name)
        out[name] = f64_bits(value) if isinstance(value, float) else int(value)
    return out


def record_fields(record, cls):
    out = {}
    for name in cls._HOST_NAMES:
        value = record[name]
        out[name] = f64_bits(float(value)) if isinstance(value, np.floating) else int(value)
    return out


@pytest.mark.parametrize("code", "tosib")
def test_dtypes_mirror_the_layouts(code):
    cls = mtypes.body_class(code)
    wire = mitch.wire_dtype(code)
    assert wire.itemsize == cls._SIZE == mitch.body_size(code)
    for f in mtypes.WIRE_LAYOUTS[ord(code)]:
        assert wire.fields[f.name][1] == f.offset
    host = mitch.host_dtype(code)
    assert host.itemsize == __import__("ctypes").sizeof(cls._STRUCT)


@pytest.mark.parametrize("code", "tosib")
def test_numpy_paths_match_the_scalar_paths(code):
    bodies = sample_bodies(code, 300 if code != "b" else 7)
    stream = mitch.encode_stream(bodies, code, 5)
    records = mitch.decode_records(stream, code)
    cls = mtypes.body_class(code)
    assert len(records) == len(bodies)
    for record, body in zip(records, bodies):
        assert record_fields(record, cls) == scalar_fields(body)
    if code == "b":
        for record, body in zip(records, bodies):
            assert [tuple(b) for b in record["bids"]] == [(b.count, b.volume) for b in body.bids]
            assert [tuple(a) for a in record["asks"]] == [(a.count, a.volume) for a in body.asks]
    wire = mitch.decode_array(stream, code)
    assert wire.tobytes() == mitch.encode_batch(bodies) == mitch.stream_gather(stream, code)
    assert mitch.encode_array(wire, code, 5) == stream
    assert mitch.encode_array(records, code, 5) == stream


def test_trade_wire_array_fields():
    bodies = sample_bodies("t", 600)
    arr = mitch.decode_array(mitch.encode_stream(bodies, "t"), "t")
    assert arr.dtype == mitch.wire_dtype("t")
    assert list(arr["ticker_id"]) == [b.ticker_id for b in bodies]
    assert [f64_bits(float(p)) for p in arr["price"]] == [f64_bits(b.price) for b in bodies]
    assert list(arr["side"]) == [int(b.side) for b in bodies]


def test_single_message_is_a_zero_copy_view():
    bodies = sample_bodies("t", 200)
    message = mitch.encode_message(bodies, "t", 1)
    view = mitch.decode_array(message, "t")
    assert np.shares_memory(view, np.frombuffer(message, dtype=np.uint8))
    assert not view.flags.writeable  # bytes are immutable
    buf = bytearray(message)
    view = mitch.decode_array(buf, "t")
    buf[8 + 16:8 + 20] = (777).to_bytes(4, "little")  # quantity of body 0
    assert view["quantity"][0] == 777  # a view, not a copy
    copy = mitch.decode_array(message, "t", copy=True)
    assert not np.shares_memory(copy, np.frombuffer(message, dtype=np.uint8))
    assert copy.tobytes() == mitch.decode_array(message, "t").tobytes()


def test_zero_copy_view_is_validated():
    message = bytearray(mitch.encode_message(sample_bodies("t", 10), "t"))
    message[8 + 5 * 32 + 24] = 7  # side of body 5
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.decode_array(bytes(message), "t")
    assert err.value.offset == 8 + 5 * 32 + 24 and err.value.field == "side"


def test_bulk_errors_give_offsets():
    trades = mitch.encode_stream(sample_bodies("t", 300), "t")
    ticks = mitch.encode_message(sample_bodies("s", 2), "s")
    # a capture of trades and ticks gives its trades; a type byte that is no
    # body type is damage
    assert mitch.decode_array(trades + ticks, "t").tobytes() == mitch.stream_gather(trades, "t")
    with pytest.raises(mitch.InvalidMessageTypeError) as err:
        mitch.decode_array(trades + b"X" + ticks[1:], "t")
    assert err.value.offset == len(trades)
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.decode_array(trades[:-3], "t")
    assert len(mitch.decode_array(b"", "t")) == 0
    bad = mitch.decode_records(trades, "t")
    bad["price"][42] = -1.0
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_array(bad, "t")
    assert err.value.field == "price" and "array[42]" in str(err.value)
    with pytest.raises(TypeError):
        mitch.encode_array(np.zeros(3, dtype=np.float64), "t")


def test_large_buffer_round_trip():
    n = 100_000
    records = np.zeros(n, dtype=mitch.host_dtype("t"))
    records["ticker_id"] = TID
    records["price"] = 1.0 + np.arange(n)
    records["quantity"] = 1 + np.arange(n) % 1000
    records["trade_id"] = 1 + np.arange(n)
    records["side"] = np.arange(n) % 2
    stream = mitch.encode_array(records, "t", 9)
    assert mitch.stream_validate(stream, "t").bodies == n
    decoded = mitch.decode_records(stream, "t")
    assert (decoded["timestamp"] == 9).all()
    for name in records.dtype.names:
        assert (decoded[name] == records[name]).all(), name
    assert mitch.decode_array(stream, "t").tobytes() == records.tobytes()  # LE: same image


@needs_pandas
def test_to_dataframe():
    import pandas as pd
    bodies = sample_bodies("o", 50)
    stream = mitch.encode_stream(bodies, "o", 1)
    df = mitch.to_dataframe(stream, "o")
    assert isinstance(df, pd.DataFrame) and len(df) == 50
    assert list(df.columns) == ["ticker_id", "order_id", "price", "quantity", "order_type",
                                "side", "expiry_ms", "timestamp"]
    assert (df["timestamp"] == 1).all()
    assert list(df["expiry_ms"]) == [b.expiry_ms for b in bodies]
    assert list(df["order_type"]) == [int(b.order_type) for b in bodies]
    wire = mitch.decode_array(stream, "o")
    assert mitch.to_dataframe(wire).equals(df.drop(columns="timestamp"))
    assert mitch.to_dataframe(mitch.decode_records(stream, "o")).equals(df)
    books = mitch.to_dataframe(mitch.encode_stream(sample_bodies("b", 3), "b"), "b")
    assert list(books["bid_volumes"][2]) == list(range(128))
    with pytest.raises(TypeError):
        mitch.to_dataframe(stream)
