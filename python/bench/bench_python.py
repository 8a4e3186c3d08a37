#!/usr/bin/env python3
"""Benchmark of the Python package against the C library it calls.

    make bench-python                      # from a configured build tree
    python3 python/bench/bench_python.py --c-baseline ./python/bench/c_baseline

Reports, as medians of several runs (run it on an idle machine: load from
other processes inflates every number):
* per-call time of scalar pack/unpack and symbol resolution in Python, the
  same calls in C (python/bench/c_baseline.c) and the overhead Python adds
  (targets: <= 1.5 us for pack/unpack, <= 2 us for resolution);
* bulk decode of N trade bodies (default 1,000,000, in messages of 255) into
  a numpy array with mitch.decode_array, against a pure-Python
  struct.unpack_from loop over the same bytes, in the same run (targets:
  <= 20 ms and >= 30x faster).

This is a measurement, not a test: it prints the numbers and whether each
target was met, and exits 0 either way (unless --strict).
"""

import argparse
import statistics
import struct
import subprocess
import sys
import time
import timeit
from typing import Callable, Dict, List, Optional, Tuple

import mitch

EURUSD = 0x0305153138900000


def per_call_ns(fn: Callable[[], object], number: int, runs: int) -> float:
    """Median over ``runs`` of the mean time of ``number`` calls, in ns."""
    timer = timeit.Timer(fn)
    timer.timeit(number=max(1, number // 10))  # warm up
    return statistics.median(timer.timeit(number=number) / number * 1e9 for _ in range(runs))


def c_baseline(path: Optional[str], iterations: int) -> Dict[str, float]:
    if not path:
        return {}
    out = subprocess.run([path, str(iterations)], capture_output=True, text=True, check=True)
    result = {}
    for line in out.stdout.splitlines():
        name, _, ns = line.rpartition(" ")
        result[name] = float(ns)
    return result


def scalar_section(args: argparse.Namespace, c_ns: Dict[str, float]) -> List[Tuple]:
    """Rows (label, python ns, C ns, overhead ns, bare ctypes ns, target)."""
    from ctypes import create_string_buffer
    from mitch import _ffi
    lib = _ffi.lib
    trade = mitch.Trade(EURUSD, 1.0850, 1000, 7, mitch.OrderSide.BUY)
    wire = trade.pack()
    out = create_string_buffer(32)
    struct_out = _ffi.TradeStruct()
    resolution = _ffi.ResolutionStruct()
    n, runs = args.calls, args.runs
    # (label, C baseline name, target ns, the Python call, the bare ctypes call
    # of the same C function with prepared arguments: the ctypes floor)
    rows = [
        ("mitch.pack_trade(...) [flat]", "pack_trade", 1500,
         lambda: mitch.pack_trade(EURUSD, 1.0850, 1000, 7, 0),
         lambda: lib.mitch_pack_trade(EURUSD, 1.0850, 1000, 7, 0, out)),
        ("mitch.flat.unpack_trade(b) [flat]", "unpack_trade", 1500,
         lambda: mitch.flat.unpack_trade(wire), None),
        ("Trade.pack() [typed]", "trade_encode", 1500, trade.pack,
         lambda: lib.mitch_trade_encode(struct_out, out, 32)),
        ("mitch.unpack_trade(b) -> Trade", "trade_decode", 1500,
         lambda: mitch.unpack_trade(wire),
         lambda: lib.mitch_trade_decode(wire, 32, struct_out)),
    ]
    try:
        mitch.resolve_ticker("EURUSD")
    except mitch.MitchError as err:
        print("(resolution skipped: %s)" % err)
    else:
        for symbol in ("EURUSD", "BTC-USDT", "EURUSD.m"):
            raw = symbol.encode()
            rows.append(("resolve_ticker(%r)" % symbol, "resolve " + symbol, 2000,
                         lambda s=symbol: mitch.resolve_ticker(s),
                         lambda r=raw: lib.mitch_resolve(r, 0, resolution)))
    results = []
    for label, c_name, target, fn, floor_fn in rows:
        calls = n if not c_name.startswith("resolve") else max(1, n // 4)
        py = per_call_ns(fn, calls, runs)
        floor = per_call_ns(floor_fn, calls, runs) if floor_fn else None
        c = c_ns.get(c_name)
        results.append((label, py, c, None if c is None else py - c, floor, target))
    return results


def build_trades(n: int) -> bytes:
    np = __import__("numpy")
    records = np.zeros(n, dtype=mitch.host_dtype("t"))
    records["ticker_id"] = EURUSD
    records["price"] = 1.0 + np.arange(n) * 1e-6
    records["quantity"] = 1 + np.arange(n) % 1000
    records["trade_id"] = 1 + np.arange(n)
    records["side"] = np.arange(n) % 2
    return mitch.encode_array(records, "t", timestamp=34_200_000_000_000)


def pure_python_decode(buf: bytes) -> int:
    """The baseline: struct.unpack_from over every header and body, keeping
    each body's fields in lists (what a hand-written decoder would do)."""
    body = struct.Struct("<QdIIB")
    ticker_ids, prices, quantities, trade_ids, sides = [], [], [], [], []
    offset, end = 0, len(buf)
    while offset < end:
        count = buf[offset + 7]
        offset += 8
        for _ in range(count):
            t, p, q, i, s = body.unpack_from(buf, offset)
            ticker_ids.append(t)
            prices.append(p)
            quantities.append(q)
            trade_ids.append(i)
            sides.append(s)
            offset += 32
    return len(ticker_ids)


def bulk_section(args: argparse.Namespace) -> Tuple[float, float, int]:
    buf = build_trades(args.bodies)
    n = args.bodies
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        arr = mitch.decode_array(buf, "t")
        times.append(time.perf_counter() - start)
        # the array really holds every body (trade ids were numbered 1..n)
        assert len(arr) == n and int(arr["trade_id"][-1]) == n
        assert int(arr["trade_id"].sum()) == n * (n + 1) // 2
    numpy_ms = statistics.median(times) * 1e3
    py_times = []
    for _ in range(max(1, min(args.runs, 3))):
        start = time.perf_counter()
        assert pure_python_decode(buf) == n
        py_times.append(time.perf_counter() - start)
    python_ms = statistics.median(py_times) * 1e3
    return numpy_ms, python_ms, len(buf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c-baseline", help="path of python/bench/c_baseline")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--calls", type=int, default=200_000, help="calls per scalar run")
    parser.add_argument("--bodies", type=int, default=1_000_000, help="trade bodies (bulk)")
    parser.add_argument("--quick", action="store_true", help="fewer calls and bodies")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    if args.quick:
        args.calls, args.bodies, args.runs = 20_000, 100_000, 3

    print("libmitch %s from %s (%s); Python %s" % (
        mitch.get_version(), mitch.library_path, mitch.library_source,
        sys.version.split()[0]))
    c_ns = c_baseline(args.c_baseline, max(args.calls * 5, 100_000))
    missed = 0
    print("\nPer call (median of %d runs), ns:" % args.runs)
    print("  %-36s %8s %8s %9s %9s  %s" % ("operation", "python", "C", "overhead",
                                              "bare call", "target (overhead)"))
    for label, py, c, overhead, floor, target in scalar_section(args, c_ns):
        shown = overhead if overhead is not None else py
        ok = shown <= target
        missed += not ok
        print("  %-36s %8.0f %8s %9.0f %9s  <= %d %s%s" % (
            label, py, "-" if c is None else "%.0f" % c, shown,
            "-" if floor is None else "%.0f" % floor, target,
            "ok" if ok else "MISSED", "" if overhead is not None else " (no C baseline: "
            "overhead bounded by the whole call)"))
    print("  (bare call: the same C function through ctypes with prepared arguments,\n"
          "   the floor any ctypes binding pays; overhead = python - C)")

    try:
        numpy_ms, python_ms, size = bulk_section(args)
    except ImportError as err:
        print("\nbulk decode skipped: %s" % err)
    else:
        speedup = python_ms / numpy_ms
        target_ms = 20.0 * args.bodies / 1_000_000
        ok_time, ok_speed = numpy_ms <= target_ms, speedup >= 30
        missed += (not ok_time) + (not ok_speed)
        print("\nBulk decode of %d trade bodies (%d bytes, messages of 255), median of %d runs:"
              % (args.bodies, size, args.runs))
        print("  mitch.decode_array -> numpy    %8.1f ms   (target <= %.0f ms: %s)"
              % (numpy_ms, target_ms, "ok" if ok_time else "MISSED"))
        print("  pure Python struct.unpack_from %8.1f ms" % python_ms)
        print("  speed-up                       %8.1fx   (target >= 30x: %s)"
              % (speedup, "ok" if ok_speed else "MISSED"))
    print("\n%s" % ("all targets met" if not missed else "%d target(s) missed" % missed))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
