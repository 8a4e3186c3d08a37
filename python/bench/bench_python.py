#!/usr/bin/env python3
"""Benchmark of the Python package against the C library it calls.

    make bench-python                      # from a configured build tree
    python3 python/bench/bench_python.py --c-baseline ./python/bench/c_baseline

Every figure is the median of --runs runs (default 5), each measurement run
side by side with its baseline in the same invocation (the runs of the two
alternate, so load from other processes hits both alike); run it on an idle
machine, or with `taskset -c N`.  A bulk call is timed until it returns,
as c_baseline times C: freeing its result afterwards is timed apart (and
printed for decode_capture).  Sections and their targets (issue 11):

* scalar calls: each Python call against the bare ctypes call of the same C
  function with the argtypes the package declares (target: <= 1.5x), and
  the C figure (python/bench/c_baseline.c); with `--only instructions`,
  the same ratios in instructions counted by callgrind (repeatable where
  the times are not: a loaded or virtual machine);
* order books through the dataclasses: pack and unpack <= 20 us;
* `import mitch` in a fresh interpreter for each way the library is found
  (MITCH_LIBRARY, a bundled copy: <= 25 ms and no process started;
  find_library: reported);
* bulk: decode_array of 1,000,000 trades in messages of 255 against numpy
  framing and copying the same bodies with the protocol's checks (>= 4x
  faster) and without them (no slower); decode_records and to_dataframe
  (<= 2x decode_array);
* decode_capture of a 100 MB capture of alternating trade and tick messages
  of 255 bodies (target >= 5 GB/s) and of 1 body, with the C function's own
  rates from c_baseline (into new memory, as decode_capture returns its
  arrays, and into output touched before);
* asyncio over loopback: mitch.aio.read_arrays >= 300 MB/s (and
  read_messages for comparison).

This is a measurement, not a test: it prints the numbers and whether each
target was met, and exits 0 either way (unless --strict).
"""

import argparse
import asyncio
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import timeit
from typing import Any, Callable, Dict, List, Optional, Tuple

import mitch

EURUSD = 0x0305153138900000
missed: List[str] = []


def target(ok: bool, what: str) -> str:
    if not ok:
        missed.append(what)
    return "ok" if ok else "MISSED"


def side_by_side(fns: List[Callable[[], object]], number: int, runs: int) -> List[float]:
    """Median per-call ns of each function; the runs of all of them
    alternate."""
    timers = [timeit.Timer(fn) for fn in fns]
    for t in timers:
        t.timeit(number=max(1, number // 10))  # warm up
    samples: List[List[float]] = [[] for _ in fns]
    for _ in range(runs):
        for t, out in zip(timers, samples):
            out.append(t.timeit(number=number) / number * 1e9)
    return [statistics.median(s) for s in samples]


def timed_with_freeing(fns: List[Callable[[], object]],
                       runs: int) -> List[Tuple[float, float]]:
    """(call, freeing) median seconds of each function over ``runs``
    alternating runs.  The clock stops when the call returns, before its
    result is freed, as c_baseline stops it before it unmaps its output:
    the first figure is the call; the second is freeing its result
    (unmapping a large array's pages), timed apart."""
    calls: List[List[float]] = [[] for _ in fns]
    frees: List[List[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, call, free in zip(fns, calls, frees):
            start = time.perf_counter()
            result = fn()
            returned = time.perf_counter()
            del result
            free.append(time.perf_counter() - returned)
            call.append(returned - start)
    return [(statistics.median(c), statistics.median(f)) for c, f in zip(calls, frees)]


def timed(fns: List[Callable[[], object]], runs: int) -> List[float]:
    """Median seconds of each call (see timed_with_freeing)."""
    return [call for call, _ in timed_with_freeing(fns, runs)]


def c_baseline(path: Optional[str], iterations: int) -> Dict[str, float]:
    if not path:
        return {}
    out = subprocess.run([path, str(iterations)], capture_output=True, text=True, check=True)
    result = {}
    for line in out.stdout.splitlines():
        name, _, value = line.rpartition(" ")
        result[name] = float(value)
    return result


# -- scalar calls ---------------------------------------------------------------------

ScalarRow = Tuple[str, str, Callable[[], Any], Callable[[], Any]]


def scalar_rows() -> List[ScalarRow]:
    """(label, c_baseline name, the package's call, the bare ctypes call)
    for each scalar target; the timing and the instruction count take them
    from here."""
    from ctypes import addressof, c_char
    from mitch import _ffi
    lib = _ffi.lib
    trade = mitch.Trade(EURUSD, 1.0850, 1000, 7, mitch.OrderSide.BUY)
    wire = trade.pack()
    out = (c_char * 32)()
    s = _ffi.TradeStruct()
    a = addressof(s)
    offsets = [getattr(_ffi.TradeStruct, n).offset for n, _ in _ffi.TradeStruct._fields_]
    pack = lib.mitch_pack_trade
    decode = lib.mitch_trade_decode
    # Trade.pack() hands the struct's bytes to an alias declared with a
    # c_void_p input (mitch.bodies._packer): its floor is that call
    from ctypes import c_int32, c_size_t, c_void_p
    encode = lib.alias("mitch_trade_encode", c_int32, [c_void_p, c_void_p, c_size_t])
    image = bytes(trade.to_ffi())
    flat_unpack = mitch.flat._unpack_trade  # as mitch.flat declares it: c_void_p outputs
    t1, t2, t3, t4 = offsets[1:]
    rows = [
        ("mitch.pack_trade(...) [flat]", "pack_trade",
         lambda: mitch.pack_trade(EURUSD, 1.0850, 1000, 7, 0),
         lambda: pack(EURUSD, 1.0850, 1000, 7, 0, out)),
        ("mitch.unpack_trade(b) -> Trade", "trade_decode",
         lambda: mitch.unpack_trade(wire), lambda: decode(wire, 32, s)),
        ("Trade.pack() [typed]", "trade_encode", trade.pack, lambda: encode(image, out, 32)),
        ("mitch.flat.unpack_trade(b) [flat]", "unpack_trade",
         lambda: mitch.flat.unpack_trade(wire),
         lambda: flat_unpack(wire, 32, a, a + t1, a + t2, a + t3, a + t4)),
    ]
    return rows


def scalar_section(args: argparse.Namespace, c_ns: Dict[str, float]) -> None:
    from mitch import _ffi
    lib = _ffi.lib
    rows = scalar_rows()
    print("\nScalar calls, ns per call (median of %d runs of %d calls):" % (args.runs,
                                                                         args.calls))
    print("  %-36s %8s %9s %7s %7s  %s" % ("operation", "python", "bare call", "ratio", "C",
                                           "target"))
    for label, c_name, fn, bare in rows:
        py, floor = side_by_side([fn, bare], args.calls, args.runs)
        ratio = py / floor
        c = c_ns.get(c_name)
        print("  %-36s %8.0f %9.0f %6.2fx %7s  <= 1.50x %s" % (
            label, py, floor, ratio, "-" if c is None else "%.0f" % c,
            target(ratio <= 1.5, label)))
    print("  (bare call: the same C function through ctypes, declared as the package\n"
          "   declares it, with prepared arguments: the floor of any ctypes call)")
    resolution = _ffi.ResolutionStruct()
    for symbol in ("EURUSD", "BTC-USDT", "EURUSD.m"):
        raw = symbol.encode()
        py, floor = side_by_side([lambda s=symbol: mitch.resolve_ticker(s),
                                  lambda r=raw: lib.mitch_resolve(r, 0, resolution)],
                                 max(1, args.calls // 20), args.runs)
        c = c_ns.get("resolve " + symbol)
        print("  %-36s %8.0f %9.0f %6.2fx %7s" % ("resolve_ticker(%r)" % symbol, py, floor,
                                                  py / floor, "-" if c is None else
                                                  "%.0f" % c))


def unpack_pieces() -> List[Tuple[str, Callable[[], Any]]]:
    """What mitch.unpack_trade does besides its C call, each part alone
    (as mitch.codec does it), and an empty call to subtract."""
    from mitch import _ffi, codec
    wire = mitch.Trade(EURUSD, 1.0850, 1000, 7, mitch.OrderSide.BUY).pack()
    s = _ffi.TradeStruct()
    codec._trade_decode(wire, 32, s)
    values = codec._trade_host(s)
    return [("a TradeStruct for C to fill", _ffi.TradeStruct),
            ("its members, one struct unpack", lambda: codec._trade_host(s)),
            ("the Trade built from them", lambda: codec._make_trade(values)),
            ("(an empty call: the lambda)", lambda: None)]


def counted_function(spec: str) -> Callable[[], Any]:
    """The function a --run-scalar spec names: "row,I,KIND" is scalar row
    I's call (KIND 0) or bare call (KIND 1), "piece,I" unpack piece I."""
    what, *numbers = spec.split(",")
    if what == "row":
        return scalar_rows()[int(numbers[0])][2 + int(numbers[1])]
    return unpack_pieces()[int(numbers[0])][1]


def run_scalar_calls(spec: str, n: int) -> None:
    """--run-scalar SPEC --calls N: N calls of one counted function after
    200 warm-up calls, for instructions_section."""
    fn = counted_function(spec)
    for _ in range(200):
        fn()
    for _ in range(n):
        fn()


def count_instructions(spec: str, n: int) -> int:
    """Instructions callgrind counts in a whole interpreter running
    run_scalar_calls (start-up included)."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         os.path.abspath(__file__), "--run-scalar", spec, "--calls", str(n)],
        # str hashes are salted per process, which moves dict probing and
        # so the count by a few percent: one fixed seed for every run
        capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONHASHSEED="0"))
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rpartition(":")[2])
    raise RuntimeError("callgrind printed no total:\n" + out.stderr[-2000:])


def instructions_per_call(spec: str, n: int) -> float:
    """The difference of two runs (1,000 and 1,000 + n calls), so that
    start-up and warm-up cancel."""
    return (count_instructions(spec, 1000 + n) - count_instructions(spec, 1000)) / n


def instructions_section(args: argparse.Namespace) -> None:
    """The scalar ratios in instructions, not seconds: callgrind counts the
    same total for the same binary and input whatever else the machine
    does, so on a loaded or virtual machine this is the repeatable figure.
    Then what unpack_trade adds to its C call, piece by piece."""
    if shutil.which("valgrind") is None:
        print("\nScalar calls in instructions: skipped (valgrind is not installed)")
        return
    n = max(1000, args.calls // 10)
    print("\nScalar calls, instructions per call (callgrind, %d calls, the lambda"
          " around each call counted in both):" % n)
    print("  %-36s %8s %9s %7s  %s" % ("operation", "python", "bare call", "ratio", "target"))
    for i, (label, _, _, _) in enumerate(scalar_rows()):
        python, bare = (instructions_per_call("row,%d,%d" % (i, kind), n) for kind in (0, 1))
        print("  %-36s %8.0f %9.0f %6.2fx  <= 1.50x %s" % (
            label, python, bare, python / bare,
            target(python / bare <= 1.5, label + " (instructions)")))
    counts = [instructions_per_call("piece,%d" % i, n) for i in range(len(unpack_pieces()))]
    empty = counts[-1]
    print("  what mitch.unpack_trade adds to its C call, instructions per call:")
    for (label, _), count in zip(unpack_pieces()[:-1], counts):
        print("    %-34s %8.0f" % (label, count - empty))


def book_section(args: argparse.Namespace, c_ns: Dict[str, float]) -> None:
    bids = [mitch.Bin(i + 1, 100 * (i + 1)) for i in range(128)]
    asks = [mitch.Bin(2 * i + 1, 50 * i) for i in range(128)]
    book = mitch.OrderBook(EURUSD, 1.0850, mitch.BinAggregator.BILINGEO, bids, asks)
    wire = book.pack()
    decoded = mitch.unpack_order_book(wire)
    n = max(1, args.calls // 20)
    build, pack, unpack, repack = side_by_side([
        lambda: mitch.OrderBook(EURUSD, 1.0850, 2, bids, asks), book.pack,
        lambda: mitch.unpack_order_book(wire), decoded.pack], n, args.runs)
    print("\nOrder books through the dataclasses (2,072 bytes), us per call:")
    for label, value, goal in (("build from 256 Bin objects", build, None),
                               ("pack (bins from Bin objects)", pack, 20.0),
                               ("unpack", unpack, 20.0),
                               ("pack a decoded book", repack, 20.0)):
        print("  %-36s %8.1f%s" % (label, value / 1e3, "" if goal is None else
                                    "   <= %.0f us %s" % (goal, target(value / 1e3 <= goal,
                                                                        label))))
    if "order_book_encode" in c_ns:
        print("  %-36s %8.2f / %.2f" % ("C encode / decode", c_ns["order_book_encode"] / 1e3,
                                        c_ns["order_book_decode"] / 1e3))


# -- import time ----------------------------------------------------------------------

IMPORT = ("import time, sys; t = time.perf_counter(); import mitch; "
          "print((time.perf_counter() - t) * 1e3, mitch.library_source, "
          "'subprocess' in sys.modules)")


def import_section(args: argparse.Namespace) -> None:
    library = os.path.realpath(mitch.library_path)
    python_dir = os.path.dirname(os.path.dirname(os.path.abspath(mitch.__file__)))
    work = tempfile.mkdtemp(prefix="mitch-bench-")
    try:
        bundled = os.path.join(work, "bundled", "mitch")
        shutil.copytree(os.path.dirname(mitch.__file__), bundled,
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(library, os.path.join(bundled, "libmitch.so.1"))
        libdir = os.path.join(work, "lib")
        os.makedirs(libdir)
        shutil.copy2(library, os.path.join(libdir, "libmitch.so.1"))
        os.symlink("libmitch.so.1", os.path.join(libdir, "libmitch.so"))
        base = {k: v for k, v in os.environ.items()
                if k not in ("MITCH_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
        ways = [("MITCH_LIBRARY", dict(base, MITCH_LIBRARY=library, PYTHONPATH=python_dir)),
                ("bundled copy", dict(base, PYTHONPATH=os.path.join(work, "bundled"))),
                ("find_library", dict(base, PYTHONPATH=python_dir, LD_LIBRARY_PATH=libdir,
                                      LIBRARY_PATH=libdir))]
        print("\n`import mitch` in a fresh interpreter, ms (median of %d; .pyc files "
              "written first):" % args.runs)
        floor = statistics.median(float(subprocess.run(
            [sys.executable, "-c", "import time; t = time.perf_counter(); import ctypes, "
             "struct, enum, array, operator; print((time.perf_counter() - t) * 1e3)"],
            env=base, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs))
        print("  %-16s %6.1f ms  (the standard modules the package needs, alone)"
              % ("stdlib floor", floor))
        for label, env in ways:  # .pyc files written first
            env["PYTHONDONTWRITEBYTECODE"] = ""
            subprocess.run([sys.executable, "-c", "import mitch"], env=env, check=True)
        # the ways alternate run by run, so load from other processes hits all alike
        results: Dict[str, List[List[str]]] = {label: [] for label, _ in ways}
        for _ in range(args.runs):
            for label, env in ways:
                results[label].append(subprocess.run(
                    [sys.executable, "-c", IMPORT], env=env, check=True, capture_output=True,
                    text=True).stdout.split())
        for label, _ in ways:
            ms = statistics.median(float(r[0]) for r in results[label])
            spawned = any(r[2] == "True" for r in results[label])
            line = "  %-16s %6.1f ms  source %-14s process started: %s" % (
                label, ms, results[label][0][1], "yes" if spawned else "no")
            if label != "find_library":
                line += "   <= 25 ms, none: %s" % target(ms <= 25 and not spawned,
                                                           "import via " + label)
            print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# -- bulk -----------------------------------------------------------------------------

def build_trades(n: int, per_message: int = 255) -> bytes:
    np = __import__("numpy")
    records = np.zeros(n, dtype=mitch.host_dtype("t"))
    records["ticker_id"] = EURUSD
    records["price"] = 1.0 + np.arange(n) * 1e-6
    records["quantity"] = 1 + np.arange(n) % 1000
    records["trade_id"] = 1 + np.arange(n)
    records["side"] = np.arange(n) % 2
    stamps = 34_200_000_000_000 + np.arange(n) // per_message
    return mitch.encode_array(records, "t", stamps)


def numpy_decode(buf: bytes, checks: bool) -> Any:
    """What a numpy user writes without libmitch: walk the headers, copy each
    message's bodies into one contiguous array and, with ``checks``, test
    the protocol's rules of headers and bodies vectorised."""
    np = __import__("numpy")
    dtype = mitch.wire_dtype("t")
    head = struct.Struct("<B6sB")
    starts, counts, types, stamps = [], [], [], []
    offset, end = 0, len(buf)
    while offset < end:
        if offset + 8 > end:
            raise ValueError("truncated header at %d" % offset)
        mtype, ts, count = head.unpack_from(buf, offset)
        starts.append(offset + 8)
        counts.append(count)
        types.append(mtype)
        stamps.append(ts)
        offset += 8 + 32 * count
    if offset != end:
        raise ValueError("truncated message")
    view = np.frombuffer(buf, dtype=np.uint8)
    out = np.empty(sum(counts), dtype=dtype)
    flat = out.view(np.uint8)
    at = 0
    for start, count in zip(starts, counts):
        flat[at:at + 32 * count] = view[start:start + 32 * count]
        at += 32 * count
    if checks:
        if any(t != ord("t") for t in types) or min(counts) == 0:
            raise ValueError("bad header")
        price = out["price"]
        bad = (out["ticker_id"] == 0) | ~np.isfinite(price) | (price <= 0) | \
            (out["quantity"] == 0) | (out["trade_id"] == 0) | (out["side"] > 1)
        if bad.any():
            raise ValueError("bad body %d" % int(np.argmax(bad)))
    return out


def bulk_section(args: argparse.Namespace) -> None:
    try:
        import numpy  # noqa: F401
    except ImportError as err:
        print("\nbulk sections skipped: %s" % err)
        return
    n = args.bodies
    buf = build_trades(n)
    arr = mitch.decode_array(buf, "t")
    assert len(arr) == n and int(arr["trade_id"][-1]) == n
    assert (numpy_decode(buf, True) == arr).all()
    fns = [lambda: mitch.decode_array(buf, "t"), lambda: numpy_decode(buf, True),
           lambda: numpy_decode(buf, False), lambda: mitch.decode_records(buf, "t")]
    try:
        import pandas  # noqa: F401
        fns.append(lambda: mitch.to_dataframe(buf, "t"))
    except ImportError:
        pass
    times = [t * 1e3 for t in timed(fns, args.runs)]
    mitch_ms, checked_ms, unchecked_ms, records_ms = times[:4]
    print("\nBulk: %d trades in messages of 255 (%.1f MB), ms (median of %d):"
          % (n, len(buf) / 1e6, args.runs))
    print("  mitch.decode_array                  %8.1f" % mitch_ms)
    print("  numpy: frame + copy + checks        %8.1f   speed-up %.1fx  (>= 4x: %s)" % (
        checked_ms, checked_ms / mitch_ms, target(checked_ms / mitch_ms >= 4,
                                                  "decode_array vs numpy with checks")))
    print("  numpy: frame + copy, no checks      %8.1f   speed-up %.1fx  (>= 1x: %s)" % (
        unchecked_ms, unchecked_ms / mitch_ms, target(unchecked_ms >= mitch_ms,
                                                      "decode_array vs numpy")))
    print("  mitch.decode_records (+timestamp)   %8.1f   %.2fx decode_array" % (
        records_ms, records_ms / mitch_ms))
    if len(times) > 4:
        print("  mitch.to_dataframe (+timestamp)     %8.1f   %.2fx decode_array  (<= 2x: %s)"
              % (times[4], times[4] / mitch_ms, target(times[4] <= 2 * mitch_ms,
                                                       "to_dataframe vs decode_array")))


def capture_bytes(size: int, per_message: int) -> bytes:
    np = __import__("numpy")
    n = size // (2 * (8 + 32 * per_message)) * per_message
    trades = np.zeros(n, dtype=mitch.host_dtype("t"))
    trades["ticker_id"], trades["price"], trades["quantity"] = EURUSD, 1.0, 1
    trades["trade_id"] = 1 + np.arange(n)
    ticks = np.zeros(n, dtype=mitch.host_dtype("s"))
    ticks["ticker_id"], ticks["bid_price"], ticks["ask_price"] = EURUSD, 1.0, 1.5
    stamps = np.arange(n, dtype=np.uint64) // per_message
    a, b = mitch.encode_array(trades, "t", stamps), mitch.encode_array(ticks, "s", stamps)
    m = 8 + 32 * per_message
    if per_message == 1:  # interleave by whole messages with numpy
        grid = np.empty((n, 2, m), dtype=np.uint8)
        grid[:, 0] = np.frombuffer(a, dtype=np.uint8).reshape(n, m)
        grid[:, 1] = np.frombuffer(b, dtype=np.uint8).reshape(n, m)
        return grid.tobytes()
    return b"".join(a[i:i + m] + b[i:i + m] for i in range(0, len(a), m))


def capture_section(args: argparse.Namespace, c_ns: Dict[str, float]) -> None:
    try:
        import numpy as np
    except ImportError:
        return
    print("\ndecode_capture of %d MB of alternating trade and tick messages (median of %d):"
          % (args.capture_mb, args.runs))
    for per_message in (255, 1):
        data = capture_bytes(args.capture_mb << 20, per_message)
        got = mitch.decode_capture(data)
        assert len(got[mitch.MessageType.TRADE]) == len(got[mitch.MessageType.TICK]) > 0
        written = sum(a.nbytes for a in got.values())
        (seconds, freeing), (fresh, _) = timed_with_freeing(
            [lambda d=data: mitch.decode_capture(d),
             lambda n=written: np.empty(n, dtype=np.uint8).fill(1)], args.runs)
        rate = len(data) / seconds / 1e9
        touched = c_ns.get("capture_decode_%d_gbps" % per_message)
        new = c_ns.get("capture_decode_%d_new_gbps" % per_message)
        line = "  %3d bodies per message  %6.1f ms  %5.2f GB/s" % (per_message, seconds * 1e3,
                                                                 rate)
        if per_message == 255:
            line += "  >= 5 GB/s: %s" % target(rate >= 5, "decode_capture GB/s")
        print(line)
        print("      freeing the result afterwards: %.1f ms more (%.2f GB/s with it)"
              % (freeing * 1e3, len(data) / (seconds + freeing) / 1e9))
        if touched is not None and new is not None:
            print("      the C function alone: %.2f GB/s into new memory, as decode_capture "
                  "returns it;\n      %.2f GB/s into output it has touched before"
                  % (new, touched))
        print("      writing its %.0f MB of results into new numpy memory alone: %.1f ms"
              % (written / 1e6, fresh * 1e3))
        del data, got


# -- asyncio --------------------------------------------------------------------------

def aio_section(args: argparse.Namespace) -> None:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return
    import mitch.aio
    data = build_trades(args.aio_mb * 32768)

    async def serve(reader: Any, writer: Any) -> None:
        writer.write(data)
        await writer.drain()
        writer.close()

    async def read(kind: str) -> float:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
        start = time.perf_counter()
        n = 0
        if kind == "arrays":
            async for arr in mitch.aio.read_arrays(reader, "t"):
                n += len(arr)
        else:
            async for _ in mitch.aio.read_messages(reader):
                n += 1
        seconds = time.perf_counter() - start
        writer.close()
        server.close()
        await server.wait_closed()
        assert n > 0
        return len(data) / seconds / 1e6

    arrays = statistics.median(asyncio.run(read("arrays")) for _ in range(args.runs))
    bodies = statistics.median(asyncio.run(read("bodies")) for _ in range(max(1, args.runs // 2)))
    print("\nasyncio over loopback, %.0f MB of trades (median):" % (len(data) / 1e6))
    print("  mitch.aio.read_arrays    %7.0f MB/s  (>= 300 MB/s: %s)" % (
        arrays, target(arrays >= 300, "aio.read_arrays MB/s")))
    print("  mitch.aio.read_messages  %7.0f MB/s  (one Trade object per body)" % bodies)


SECTIONS: Dict[str, Callable[[argparse.Namespace, Dict[str, float]], None]] = {
    "scalar": scalar_section, "book": book_section,
    "import": lambda args, c_ns: import_section(args),
    "bulk": lambda args, c_ns: bulk_section(args), "capture": capture_section,
    "aio": lambda args, c_ns: aio_section(args),
    "instructions": lambda args, c_ns: instructions_section(args),
}
#: Run only when asked for (--only instructions): valgrind takes minutes.
DEFAULT_SECTIONS = [name for name in SECTIONS if name != "instructions"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c-baseline", help="path of python/bench/c_baseline")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--calls", type=int, default=200_000, help="calls per scalar run")
    parser.add_argument("--bodies", type=int, default=1_000_000, help="trade bodies (bulk)")
    parser.add_argument("--capture-mb", type=int, default=100, help="capture size, MiB")
    parser.add_argument("--aio-mb", type=int, default=64, help="asyncio stream size, MiB")
    parser.add_argument("--quick", action="store_true", help="fewer calls and bytes")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--only", metavar="SECTION,...", default=",".join(DEFAULT_SECTIONS),
                        help="sections to run, of: %s (default: all but instructions)"
                        % ", ".join(SECTIONS))
    parser.add_argument("--run-scalar", metavar="SPEC", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_scalar:
        run_scalar_calls(args.run_scalar, args.calls)
        return 0
    only = args.only.split(",")
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        parser.error("unknown section(s): %s" % ", ".join(unknown))
    if args.quick:
        args.calls, args.bodies, args.capture_mb, args.aio_mb = 20_000, 100_000, 10, 8

    print("libmitch %s from %s (%s); Python %s" % (
        mitch.get_version(), mitch.library_path, mitch.library_source,
        sys.version.split()[0]))
    c_ns = c_baseline(args.c_baseline, max(args.calls * 5, 100_000))
    for name, run in SECTIONS.items():
        if name in only:
            run(args, c_ns)
    print("\n%s" % ("all targets met" if not missed else
                    "%d target(s) missed: %s" % (len(missed), "; ".join(missed))))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
