"""Many threads resolve and decode at once and get the single-threaded
answers (libmitch has no shared mutable state; ctypes releases the GIL
during each call of a CDLL)."""

import ctypes
import threading
from concurrent.futures import ThreadPoolExecutor

import mitch
from mitch import _ffi
from conftest import numpy, read_tsv

TID = 0x0305153138900000
THREADS = 8
ROUNDS = 10


def workload():
    symbols = [r["symbol"] for r in read_tsv("resolution/tickers.tsv")]
    assets = [r["query"] for r in read_tsv("resolution/assets.tsv")]
    bodies = [mitch.Trade(TID + i, 1.0 + i, 1 + i, 1 + i, i % 2) for i in range(700)]
    stream = mitch.encode_stream(bodies, "t", 3) + \
        mitch.encode_message([mitch.Tick(TID, 1.0, 2.0, 3, 4)], "s", 4)
    return symbols, assets, stream


def answers(symbols, assets, stream):
    def safe(fn, *args):
        try:
            return fn(*args)
        except mitch.MitchError as err:
            return type(err).__name__
    return (
        [safe(mitch.resolve_ticker, s) for s in symbols],
        [safe(mitch.match_asset, q) for q in assets],
        [m for m in mitch.decode_messages(stream)],
        mitch.decode_array(stream[:len(stream) - 40], "t").tobytes() if numpy is not None
        else mitch.stream_gather(stream[:len(stream) - 40], "t"),
        [safe(mitch.find_market_provider, q) for q in ("NYSE", "Binanse", "IBKR")],
    )


def test_library_is_called_without_the_gil():
    assert isinstance(_ffi.lib.cdll, ctypes.CDLL)
    assert not isinstance(_ffi.lib.cdll, ctypes.PyDLL)  # PyDLL would keep the GIL


def test_concurrent_answers_equal_single_threaded():
    symbols, assets, stream = workload()
    expected = answers(symbols, assets, stream)
    start = threading.Barrier(THREADS)

    def worker(_):
        start.wait()
        results = []
        for _ in range(ROUNDS):
            results.append(answers(symbols, assets, stream))
        return results

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        outcomes = list(pool.map(worker, range(THREADS)))
    for results in outcomes:
        for result in results:
            assert result == expected


def test_concurrent_scalar_codecs():
    start = threading.Barrier(THREADS)
    failures = []

    def worker(k):
        start.wait()
        for i in range(2000):
            t = mitch.Trade(TID + k, 1.0 + i, 1 + i, 1 + k, (i + k) % 2)
            if mitch.unpack_trade(mitch.pack_trade(t.ticker_id, t.price, t.quantity,
                                                   t.trade_id, t.side)) != t:
                failures.append((k, i))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
