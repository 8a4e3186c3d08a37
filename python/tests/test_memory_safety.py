"""Hostile input raises exceptions, never crashes: NULL-like values, wrong
types, short buffers, huge and non-UTF-8 strings.  The crash-prone batch
runs in a child interpreter, and the test asserts it exits cleanly."""

import textwrap

import pytest

import mitch
from conftest import run_python

TID = 0x0305153138900000

UNPACKERS = [mitch.unpack_trade, mitch.unpack_order, mitch.unpack_tick, mitch.unpack_index,
             mitch.unpack_order_book, mitch.unpack_header, mitch.flat.unpack_trade,
             mitch.flat.unpack_order, mitch.flat.unpack_tick, mitch.flat.unpack_index,
             mitch.flat.unpack_order_book, mitch.flat.unpack_header, mitch.unpack_channel]
SIZES = [32, 32, 32, 64, 2072, 8, 32, 32, 32, 64, 2072, 8, 4]


@pytest.mark.parametrize("unpack,size", list(zip(UNPACKERS, SIZES)))
def test_null_like_and_wrong_types(unpack, size):
    with pytest.raises(mitch.InvalidDataError):
        unpack(None)
    for wrong in ("x" * size, 12345, 1.5, [0] * size, object()):
        with pytest.raises(TypeError):
            unpack(wrong)


@pytest.mark.parametrize("unpack,size", list(zip(UNPACKERS, SIZES)))
def test_every_short_length(unpack, size):
    for n in range(size):
        with pytest.raises(mitch.BufferTooSmallError):
            unpack(b"t" * n)
        with pytest.raises(mitch.BufferTooSmallError):
            unpack(bytearray(n))


def test_non_contiguous_buffers_are_refused():
    data = memoryview(bytes(128))[::2]
    with pytest.raises(BufferError):
        mitch.unpack_trade(data)


def test_text_inputs():
    for call in (mitch.resolve_ticker, mitch.resolve_asset, mitch.find_market_provider,
                 mitch.name_key, lambda q: mitch.jaro_winkler(q, "x"),
                 lambda q: mitch.flat.resolve_ticker(q, 0),
                 lambda q: mitch.flat.resolve_asset(q, 0.8),
                 lambda q: mitch.flat.find_market_provider(q, 0.8)):
        with pytest.raises(mitch.InvalidDataError):
            call(None)
        with pytest.raises(mitch.InvalidDataError):
            call("EUR\0USD")  # C would silently stop at the NUL
        with pytest.raises(mitch.InvalidDataError):
            call("\udc80")  # lone surrogate: no UTF-8 for it
        with pytest.raises(TypeError):
            call(42)
    for call in (mitch.resolve_ticker, mitch.resolve_asset, mitch.find_market_provider):
        with pytest.raises(mitch.InvalidDataError):
            call("A" * 1_000_000)  # longer than MITCH_QUERY_MAX
        with pytest.raises(mitch.MitchError):
            call(b"\xff\xfe\xc3(")  # not UTF-8: compared byte-wise, not found
        with pytest.raises(mitch.MitchError):
            call("")


def test_nan_and_infinities_everywhere():
    nan, inf = float("nan"), float("inf")
    for bad in (nan, inf, -inf):
        for make in (lambda p: mitch.Trade(TID, p, 1, 1), lambda p: mitch.Order(TID, 1, p, 1),
                     lambda p: mitch.Tick(TID, p, 1.0), lambda p: mitch.Index(TID, p),
                     lambda p: mitch.OrderBook(TID, p)):
            with pytest.raises(mitch.InvalidFieldValueError):
                make(bad).pack()
        with pytest.raises(mitch.MitchError):
            mitch.bin_price_range(bad, 0, 0, 0)
        with pytest.raises(mitch.MitchError):
            mitch.bin_for_price(100.0, 0, 0, bad)
    with pytest.raises(mitch.MitchError):
        mitch.resolve_asset("BTC", min_confidence=nan)


CRASH_BATCH = r'''
import random
import mitch
try:
    import numpy as np
except ImportError:  # the numpy paths are then not part of the batch
    np = None

rng = random.Random(20240601)
ok = errors = 0
def attempt(fn, *args, **kw):
    global ok, errors
    try:
        fn(*args, **kw)
        ok += 1
    except mitch.MitchError:  # every misuse is a MitchError, nothing else leaks
        errors += 1

valid = mitch.encode_stream([mitch.Trade(1 + i, 1.0 + i, 1 + i, 1 + i) for i in range(300)], "t")
valid += mitch.encode_message([mitch.OrderBook(5, 2.0)], "b")
for round in range(3000):
    n = rng.randrange(0, 300)
    junk = bytes(rng.randrange(256) for _ in range(n))
    mutated = bytearray(valid)
    for _ in range(rng.randrange(1, 8)):
        mutated[rng.randrange(len(mutated))] = rng.randrange(256)
    cut = bytes(mutated[:rng.randrange(len(mutated) + 1)])
    for data in (junk, cut, bytearray(junk), memoryview(cut)):
        attempt(lambda: list(mitch.decode_messages(data)))
        attempt(mitch.stream_validate, data)
        if np is not None:
            attempt(mitch.decode_array, data, rng.choice("tosibx"))
        attempt(mitch.decode_batch, data, rng.choice("tosib"))
        attempt(mitch.unpack, data, rng.choice("tosib"), rng.randrange(-2, 40))
        attempt(mitch.flat.unpack_order_book, data)
        attempt(mitch.unpack_header, data)
        attempt(mitch.stream_frame, data, rng.choice("tosib"))
        attempt(mitch.validate_body, data, rng.randrange(256))
    text = rng.choice([junk, junk.decode("latin-1"), "x" * rng.randrange(0, 100000),
                       "EUR" + chr(rng.randrange(1, 0x10FFFF)) + "USD"])
    attempt(mitch.resolve_ticker, text, rng.randrange(0, 20))
    attempt(mitch.match_asset, text, rng.random(), rng.choice([None, rng.randrange(16)]))
    attempt(mitch.find_market_provider, text, rng.random())
    attempt(mitch.name_key, text)
    attempt(mitch.jaro_winkler, text, text[::-1])
    attempt(mitch.flat.resolve_asset, text, rng.random(), rng.randrange(0, 8), rng.randrange(0, 8))
    attempt(mitch.flat.get_asset_by_id, rng.randrange(16), rng.randrange(65536),
            rng.randrange(0, 6), rng.randrange(0, 6))
    attempt(mitch.flat.find_market_provider, text, 0.5, rng.randrange(0, 4))
    attempt(mitch.flat.get_market_provider_by_id, rng.randrange(65536), rng.randrange(0, 4))
    attempt(mitch.bin_price_range, rng.uniform(-1e308, 1e308), rng.randrange(6),
            rng.randrange(-1, 3), rng.randrange(0, 200))
    attempt(mitch.bin_for_price, rng.uniform(-10, 1e6), rng.randrange(6), rng.randrange(-1, 3),
            rng.uniform(-1e9, 1e9))
    attempt(mitch.decode_ticker_id, rng.randrange(2 ** 64))
    attempt(mitch.Channel.from_id, rng.randrange(2 ** 32))
    attempt(mitch.pack_trade, rng.randrange(-5, 2 ** 65), rng.uniform(-1, 1e300),
            rng.randrange(-5, 2 ** 33), rng.randrange(2 ** 33), rng.randrange(-1, 300))
    if np is not None:
        attempt(mitch.encode_array,
                np.frombuffer(junk[:len(junk) // 32 * 32], dtype=mitch.wire_dtype("t")), "t")
print("OK", ok, errors)
'''


def test_crash_prone_batch_exits_cleanly():
    result = run_python(textwrap.dedent(CRASH_BATCH), timeout=600)
    assert result.returncode == 0, "child died (%d): %s" % (result.returncode,
                                                           result.stderr[-2000:])
    words = result.stdout.split()
    assert words[0] == "OK", result.stdout
    ok, errors = int(words[1]), int(words[2])
    assert ok > 100 and errors > 1000  # both paths were exercised
