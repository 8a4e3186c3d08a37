"""Conformance runner: every row of a directory of MITCH conformance vectors
through this package's public API.

    python3 -m mitch.conformance DIR

DIR holds ``messages/*.tsv`` and ``resolution/*.tsv`` in the format of the
shared conformance README (tab-separated, a header row, prices as C99 hex
floats or nan/inf, ``expect`` as the body's hex bytes or ``ERRn``).  Each
data row is one check: the typed dataclasses and :mod:`mitch.flat` must both
produce the expected bytes (or fail with status n), and the bytes must
decode back to every input field bit for bit.  A failing row prints one
line saying which file, row and why; the last line is ``N passed, N
failed``.  The exit status is 0 when nothing failed, 1 otherwise, 2 for a
usage error.
"""

import csv
import struct
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import mitch

__all__ = ["run", "main", "MESSAGE_FILES", "RESOLUTION_FILES"]

#: The files a vector directory holds, in the order they are checked.
MESSAGE_FILES = ("trade.tsv", "order.tsv", "tick.tsv", "index.tsv", "header.tsv",
                 "ticker_id.tsv", "channel.tsv", "order_book.tsv")
RESOLUTION_FILES = ("tickers.tsv", "assets.tsv", "providers.tsv")

Row = Dict[str, str]


class RowFailure(Exception):
    """A row that does not hold."""


def _num(text: str) -> int:
    """A vector integer: decimal, or 0x... hex (not zero-padded)."""
    return int(text, 16) if text.lower().startswith(("0x", "-0x")) else int(text, 10)


def _price(text: str) -> float:
    """A vector price: a C99 hex-float literal, or nan/inf (read exactly)."""
    low = text.strip().lower()
    if low in ("nan", "-nan", "inf", "-inf", "+inf"):
        return float(low)
    return float.fromhex(text)


def _bits(x: float) -> int:
    return int(struct.unpack("<Q", struct.pack("<d", x))[0])


def _same(a: Any, b: Any) -> bool:
    """Bit-for-bit equality (floats by their bit pattern, NaN included)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, float) and isinstance(b, float) and _bits(a) == _bits(b)
    return bool(a == b)


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise RowFailure(what)


def _status_of(call: Callable[[], Any]) -> Optional[int]:
    """The status of the MitchError ``call`` raises, or None if it succeeds."""
    try:
        call()
    except mitch.MitchError as err:
        return err.status
    return None


def _error_status(expect: str) -> Optional[int]:
    return int(expect[3:]) if expect.startswith("ERR") else None


# -- message files ------------------------------------------------------------------

def _body_row(cls: Any, fields: Tuple[Any, ...], expect: str,
              flat_pack: Callable[..., bytes], flat_unpack: Callable[[bytes], Any]) -> None:
    status = _error_status(expect)
    if status is not None:
        got = _status_of(lambda: cls(*fields).pack())
        _expect(got == status, "typed pack: status %s, expected %d" % (got, status))
        got = _status_of(lambda: flat_pack(*fields))
        _expect(got == status, "flat pack: status %s, expected %d" % (got, status))
        return
    wire = bytes.fromhex(expect)
    _expect(cls(*fields).pack() == wire, "typed pack gives other bytes")
    _expect(flat_pack(*fields) == wire, "flat pack gives other bytes")
    decoded = cls.unpack(wire)
    for name, value in zip(cls.__dataclass_fields__, fields):
        _expect(_same(getattr(decoded, name), value), "typed unpack: %s differs" % name)
    for i, (got, value) in enumerate(zip(flat_unpack(wire), fields)):
        _expect(_same(got, value), "flat unpack: output %d differs" % i)
    _expect(cls.unpack(wire + b"\xff" * 9) == decoded, "a longer buffer decodes otherwise")


def _trade(row: Row) -> None:
    _body_row(mitch.Trade, (_num(row["ticker_id"]), _price(row["price"]), _num(row["quantity"]),
                            _num(row["trade_id"]), _num(row["side"])),
              row["expect"], mitch.flat.pack_trade, mitch.flat.unpack_trade)


def _order(row: Row) -> None:
    _body_row(mitch.Order, (_num(row["ticker_id"]), _num(row["order_id"]), _price(row["price"]),
                            _num(row["quantity"]), _num(row["order_type"]), _num(row["side"]),
                            _num(row["expiry_ms"])),
              row["expect"], mitch.flat.pack_order, mitch.flat.unpack_order)


def _tick(row: Row) -> None:
    _body_row(mitch.Tick, (_num(row["ticker_id"]), _price(row["bid_price"]),
                           _price(row["ask_price"]), _num(row["bid_volume"]),
                           _num(row["ask_volume"])),
              row["expect"], mitch.flat.pack_tick, mitch.flat.unpack_tick)


_INDEX_INTS = ("v_bid", "v_ask", "m_spread", "b_bid_o", "b_ask_o", "w_bid_o", "w_ask_o",
               "v_force", "l_force", "t_force", "m_force", "confidence", "rejected", "accepted")


def _index(row: Row) -> None:
    _body_row(mitch.Index, (_num(row["ticker_id"]), _price(row["mid"]),
                            *[_num(row[k]) for k in _INDEX_INTS]),
              row["expect"], mitch.flat.pack_index, mitch.flat.unpack_index)


def _header(row: Row) -> None:
    # Any: the vectors hold codes the protocol does not define, on purpose
    mtype: Any = row["message_type"]
    ts, count = _num(row["timestamp"]), _num(row["count"])
    _expect(len(mtype) == 1, "message_type is not one character")
    status = _error_status(row["expect"])
    if status is not None:
        for what, call in (("Header.pack", lambda: mitch.Header(mtype, ts, count).pack()),
                           ("pack_header", lambda: mitch.pack_header(mtype, ts, count)),
                           ("create_header", lambda: mitch.create_header(mtype, ts, count))):
            got = _status_of(call)
            _expect(got == status, "%s: status %s, expected %d" % (what, got, status))
        return
    wire = bytes.fromhex(row["expect"])
    _expect(mitch.Header(mtype, ts, count).pack() == wire, "Header.pack gives other bytes")
    _expect(mitch.pack_header(mtype, ts, count) == wire, "pack_header gives other bytes")
    _expect(mitch.create_header(ord(mtype), ts, count) == wire, "create_header: other bytes")
    decoded = mitch.unpack_header(wire)
    _expect((decoded.message_type, decoded.timestamp, decoded.count) == (ord(mtype), ts, count),
            "unpack_header gives other fields")
    _expect(mitch.flat.unpack_header(wire) == (ord(mtype), ts, count),
            "flat unpack_header gives other fields")


_TICKER_FIELDS = ("instrument_type", "base_class", "base_id", "quote_class", "quote_id",
                  "sub_type")


def _ticker_id(row: Row) -> None:
    fields = [_num(row[n]) for n in _TICKER_FIELDS]
    status = _error_status(row["expect"])
    if status is not None:
        got = _status_of(lambda: mitch.create_ticker_id(*fields))
        _expect(got == status, "create_ticker_id: status %s, expected %d" % (got, status))
        got = _status_of(lambda: mitch.flat.create_ticker_id(*fields))
        _expect(got == status, "flat create_ticker_id: status %s, expected %d" % (got, status))
        return
    expect = _num(row["expect"])
    _expect(mitch.create_ticker_id(*fields) == expect, "create_ticker_id gives another id")
    _expect(mitch.flat.create_ticker_id(*fields) == expect, "flat create_ticker_id differs")
    decoded = mitch.decode_ticker_id(expect)
    _expect([getattr(decoded, n) for n in _TICKER_FIELDS] == fields,
            "decode_ticker_id gives other fields")
    _expect(list(mitch.flat.decode_ticker_id(expect)) == fields,
            "flat decode_ticker_id gives other fields")


def _channel(row: Row) -> None:
    provider, mtype = _num(row["provider_id"]), row["message_type"]
    channel_id, wire = _num(row["channel_id"]), bytes.fromhex(row["bytes"])
    _expect(mitch.channel_id(provider, mtype) == channel_id, "channel_id gives another id")
    _expect(mitch.flat.create_channel(provider, mtype) == channel_id, "create_channel differs")
    _expect(mitch.pack_channel(channel_id) == wire, "pack_channel gives other bytes")
    _expect(mitch.unpack_channel(wire) == channel_id, "unpack_channel gives another id")
    channel = mitch.Channel.unpack(wire)
    _expect((channel.id, channel.provider, channel.msg_type) == (channel_id, provider,
                                                                 ord(mtype)),
            "Channel.unpack gives other fields")


def seeded_bins(seed: int) -> Tuple[List[Tuple[int, int]], List[Tuple[int, int]]]:
    """The bins of an order_book.tsv row: (bids, asks) of 128 (count, volume)."""
    values = [(((seed + 2 * i) * 2654435761) % 2 ** 32,
               ((seed + 2 * i + 1) * 2654435761) % 2 ** 32) for i in range(256)]
    return values[:128], values[128:]


def _order_book(row: Row) -> None:
    tid, mid = _num(row["ticker_id"]), _price(row["mid_price"])
    agg: Any = _num(row["bin_aggregator"])
    bids, asks = seeded_bins(_num(row["bins_seed"]))
    flat_bids = [v for b in bids for v in b]
    flat_asks = [v for a in asks for v in a]
    book = mitch.OrderBook(tid, mid, agg, [mitch.Bin(*b) for b in bids],
                           [mitch.Bin(*a) for a in asks])
    status = _error_status(row["expect"])
    if status is not None:
        got = _status_of(book.pack)
        _expect(got == status, "OrderBook.pack: status %s, expected %d" % (got, status))
        got = _status_of(lambda: mitch.pack_order_book(tid, mid, agg, flat_bids, flat_asks))
        _expect(got == status, "pack_order_book: status %s, expected %d" % (got, status))
        return
    wire = bytes.fromhex(row["expect"])
    _expect(book.pack() == wire, "OrderBook.pack gives other bytes")
    _expect(mitch.pack_order_book(tid, mid, agg, flat_bids, flat_asks) == wire,
            "pack_order_book gives other bytes")
    decoded = mitch.unpack_order_book(wire)
    _expect(decoded.ticker_id == tid and _same(decoded.mid_price, mid)
            and decoded.bin_aggregator == agg, "unpack_order_book gives other fields")
    _expect([(b.count, b.volume) for b in decoded.bids] == bids, "decoded bids differ")
    _expect([(a.count, a.volume) for a in decoded.asks] == asks, "decoded asks differ")
    _expect(mitch.flat.unpack_order_book(wire) == (tid, mid, agg, flat_bids, flat_asks),
            "flat unpack_order_book gives other fields")


# -- resolution files -------------------------------------------------------------------

def _tickers(row: Row) -> None:
    itype = _num(row["instrument_type"])
    ticker = mitch.resolve_ticker(row["symbol"], itype)
    _expect(ticker.id == _num(row["ticker_id"]), "ticker id %#x" % ticker.id)
    _expect(ticker.base is not None and ticker.quote is not None, "a leg is missing")
    assert ticker.base is not None and ticker.quote is not None
    _expect((ticker.base.asset_class, ticker.base.class_id) ==
            (_num(row["base_class"]), _num(row["base_id"])), "base %s" % ticker.base.name)
    _expect((ticker.quote.asset_class, ticker.quote.class_id) ==
            (_num(row["quote_class"]), _num(row["quote_id"])), "quote %s" % ticker.quote.name)
    _expect((ticker.base.name, ticker.quote.name) == (row["base_name"], row["quote_name"]),
            "names %s / %s" % (ticker.base.name, ticker.quote.name))
    flat_id, base, quote, _ = mitch.flat.resolve_ticker(row["symbol"], itype)
    _expect((flat_id, base, quote) == (ticker.id, ticker.base.id, ticker.quote.id),
            "flat resolve_ticker differs")


def _assets(row: Row) -> None:
    query, min_conf = row["query"], float(row["min_confidence"])
    class_filter = None if row["class_filter"] == "-" else _num(row["class_filter"])
    if row["expect_class"] == "-":
        got = _status_of(lambda: mitch.resolve_asset(query, min_conf, class_filter))
        _expect(got == mitch.NotFoundError.status, "found (status %s), expected none" % got)
        return
    asset, confidence = mitch.match_asset(query, min_conf, class_filter)
    _expect((asset.asset_class, asset.class_id, asset.name) ==
            (_num(row["expect_class"]), _num(row["expect_id"]), row["expect_name"]),
            "found %s" % asset.name)
    _expect(min_conf <= confidence <= 1.0, "confidence %r" % confidence)


def _providers(row: Row) -> None:
    query, min_conf = row["query"], float(row["min_confidence"])
    if row["expect_id"] == "-":
        got = _status_of(lambda: mitch.find_market_provider(query, min_conf))
        _expect(got == mitch.NotFoundError.status, "found (status %s), expected none" % got)
        return
    provider, confidence = mitch.match_market_provider(query, min_conf)
    _expect((provider.id, provider.name) == (_num(row["expect_id"]), row["expect_name"]),
            "found %s" % provider.name)
    _expect(min_conf <= confidence <= 1.0, "confidence %r" % confidence)


_CHECKS: Dict[str, Callable[[Row], None]] = {
    "messages/trade.tsv": _trade, "messages/order.tsv": _order, "messages/tick.tsv": _tick,
    "messages/index.tsv": _index, "messages/header.tsv": _header,
    "messages/ticker_id.tsv": _ticker_id, "messages/channel.tsv": _channel,
    "messages/order_book.tsv": _order_book, "resolution/tickers.tsv": _tickers,
    "resolution/assets.tsv": _assets, "resolution/providers.tsv": _providers,
}


def _rows(path: Path) -> Iterator[Tuple[int, Optional[Row]]]:
    """(line number, row) of every data row; a row with too few or too many
    cells is None."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            complete = None not in row and None not in row.values()
            yield reader.line_num, (row if complete else None)


def run(directory: Path, out: Any = sys.stdout) -> Tuple[int, int]:
    """Check every row of every file of ``directory``; print one line per
    failure and return (passed, failed).  A missing, empty or unreadable
    file counts as one failure."""
    passed = failed = 0
    for name in [("messages/" + n) for n in MESSAGE_FILES] + \
            [("resolution/" + n) for n in RESOLUTION_FILES]:
        path = directory / name
        if not path.is_file():
            print("%s: missing" % name, file=out)
            failed += 1
            continue
        check = _CHECKS[name]
        rows, line, seen, damaged = _rows(path), 0, 0, False
        while True:
            try:
                line, row = next(rows)
            except StopIteration:
                break
            except (UnicodeDecodeError, csv.Error, OSError) as err:
                # a damaged file: the rows read before it are counted, the
                # rest of the file is one failure, the other files go on
                failed += 1
                print("%s: unreadable after line %d: %s: %s" % (
                    name, line, type(err).__name__, str(err)[:200]), file=out)
                damaged = True
                break
            seen += 1
            try:
                if row is None:
                    raise RowFailure("wrong number of cells")
                check(row)
            except (RowFailure, mitch.MitchError, ValueError, KeyError) as err:
                failed += 1
                print("%s:%d: FAIL: %s: %s" % (name, line, type(err).__name__,
                                               str(err)[:200]), file=out)
            else:
                passed += 1
        if not seen and not damaged:
            # no header or no rows: a file cut short, not a file of no vectors
            print("%s: no rows" % name, file=out)
            failed += 1
    return passed, failed


def main(argv: Sequence[str] = tuple(sys.argv[1:])) -> int:
    """The command line: ``python3 -m mitch.conformance DIR``."""
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print("usage: python3 -m mitch.conformance DIR\n"
              "Checks every row of DIR/messages/*.tsv and DIR/resolution/*.tsv through the "
              "mitch package.", file=sys.stderr)
        return 2
    directory = Path(argv[0])
    if not directory.is_dir():
        print("mitch.conformance: %s is not a directory" % directory, file=sys.stderr)
        return 2
    passed, failed = run(directory)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

