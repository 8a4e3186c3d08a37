"""Every row of every conformance vector file, through the Python API (the
typed dataclasses and the flat functions both).  Format: tests/vectors/README.md."""

import pytest

import mitch
from conftest import f64_bits, hexfloat, num, read_tsv

MESSAGE_FILES = ["trade.tsv", "order.tsv", "tick.tsv", "index.tsv", "header.tsv",
                 "ticker_id.tsv", "channel.tsv", "order_book.tsv"]


def expect_error(expect: str) -> int:
    assert expect.startswith("ERR"), "bad expect column %r" % expect
    return int(expect[3:])


def same_value(a, b) -> bool:
    """Bit-for-bit equality of decoded fields (floats by bit pattern)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, float) and isinstance(b, float) and f64_bits(a) == f64_bits(b)
    return a == b and type(a) is not float


def check_body_rows(rows, cls, parse, flat_pack, flat_unpack):
    for line, row in enumerate(rows, start=2):
        fields = parse(row)
        expect = row["expect"]
        where = "row %d: %r" % (line, row)
        body = cls(*fields)
        if expect.startswith("ERR"):
            status = expect_error(expect)
            with pytest.raises(mitch.MitchError) as typed:
                body.pack()
            assert typed.value.status == status, where
            with pytest.raises(mitch.MitchError) as flat:
                flat_pack(*fields)
            assert flat.value.status == status, where
            continue
        wire = bytes.fromhex(expect)
        assert body.pack() == wire, where
        assert flat_pack(*fields) == wire, where
        decoded = cls.unpack(wire)
        for name, value in zip(cls._HOST_NAMES, fields):
            assert same_value(getattr(decoded, name), value), "%s field %s" % (where, name)
        for got, value in zip(flat_unpack(wire), fields):
            assert same_value(got, value), where
        # a longer buffer is accepted and only the body is read
        assert cls.unpack(wire + b"\xff" * 9) == decoded, where


def test_trade_rows():
    rows = read_tsv("messages/trade.tsv")
    check_body_rows(rows, mitch.Trade,
                    lambda r: (num(r["ticker_id"]), hexfloat(r["price"]), num(r["quantity"]),
                               num(r["trade_id"]), num(r["side"])),
                    mitch.flat.pack_trade, mitch.flat.unpack_trade)


def test_order_rows():
    rows = read_tsv("messages/order.tsv")
    check_body_rows(rows, mitch.Order,
                    lambda r: (num(r["ticker_id"]), num(r["order_id"]), hexfloat(r["price"]),
                               num(r["quantity"]), num(r["order_type"]), num(r["side"]),
                               num(r["expiry_ms"])),
                    mitch.flat.pack_order, mitch.flat.unpack_order)


def test_tick_rows():
    rows = read_tsv("messages/tick.tsv")
    check_body_rows(rows, mitch.Tick,
                    lambda r: (num(r["ticker_id"]), hexfloat(r["bid_price"]),
                               hexfloat(r["ask_price"]), num(r["bid_volume"]),
                               num(r["ask_volume"])),
                    mitch.flat.pack_tick, mitch.flat.unpack_tick)


INDEX_INTS = ["v_bid", "v_ask", "m_spread", "b_bid_o", "b_ask_o", "w_bid_o", "w_ask_o",
              "v_force", "l_force", "t_force", "m_force", "confidence", "rejected", "accepted"]


def test_index_rows():
    rows = read_tsv("messages/index.tsv")
    check_body_rows(rows, mitch.Index,
                    lambda r: (num(r["ticker_id"]), hexfloat(r["mid"]),
                               *[num(r[k]) for k in INDEX_INTS]),
                    mitch.flat.pack_index, mitch.flat.unpack_index)


def test_header_rows():
    for line, row in enumerate(read_tsv("messages/header.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        mtype, ts, count = row["message_type"], num(row["timestamp"]), num(row["count"])
        assert len(mtype) == 1, where
        header = mitch.Header(mtype, ts, count)
        if row["expect"].startswith("ERR"):
            status = expect_error(row["expect"])
            for call in (header.pack, lambda: mitch.pack_header(mtype, ts, count),
                         lambda: mitch.create_header(mtype, ts, count)):
                with pytest.raises(mitch.MitchError) as err:
                    call()
                assert err.value.status == status, where
            continue
        wire = bytes.fromhex(row["expect"])
        assert header.pack() == wire, where
        assert mitch.pack_header(mtype, ts, count) == wire, where
        assert mitch.create_header(ord(mtype), ts, count) == wire, where
        decoded = mitch.unpack_header(wire)
        assert (decoded.message_type, decoded.timestamp, decoded.count) == (ord(mtype), ts,
                                                                            count), where
        assert decoded.message_type.code == mtype, where
        assert mitch.flat.unpack_header(wire) == (ord(mtype), ts, count), where


def test_ticker_id_rows():
    names = ["instrument_type", "base_class", "base_id", "quote_class", "quote_id", "sub_type"]
    for line, row in enumerate(read_tsv("messages/ticker_id.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        fields = [num(row[n]) for n in names]
        if row["expect"].startswith("ERR"):
            status = expect_error(row["expect"])
            with pytest.raises(mitch.MitchError) as err:
                mitch.create_ticker_id(*fields)
            assert err.value.status == status, where
            with pytest.raises(mitch.MitchError) as err:
                mitch.TickerFields(*fields).encode()
            assert err.value.status == status, where
            continue
        expect = num(row["expect"])
        assert mitch.create_ticker_id(*fields) == expect, where
        assert mitch.TickerFields(*fields).encode() == expect, where
        assert list(mitch.flat.decode_ticker_id(expect)) == fields, where
        decoded = mitch.decode_ticker_id(expect)
        assert [getattr(decoded, n) for n in names] == fields, where


def test_channel_rows():
    for line, row in enumerate(read_tsv("messages/channel.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        provider, mtype = num(row["provider_id"]), row["message_type"]
        channel_id, wire = num(row["channel_id"]), bytes.fromhex(row["bytes"])
        assert mitch.channel_id(provider, mtype) == channel_id, where
        assert mitch.flat.create_channel(provider, mtype) == channel_id, where
        assert mitch.pack_channel(channel_id) == wire, where
        assert mitch.unpack_channel(wire) == channel_id, where
        channel = mitch.Channel.create(provider, mtype)
        assert (channel.id, channel.provider, channel.msg_type) == (channel_id, provider,
                                                                    ord(mtype)), where
        assert channel.pack() == wire, where
        assert mitch.Channel.unpack(wire) == channel, where


def seeded_bins(seed: int):
    """The bins of an order_book.tsv row (tests/vectors/README.md)."""
    values = []
    for i in range(256):
        count = ((seed + 2 * i) * 2654435761) % 2 ** 32
        volume = ((seed + 2 * i + 1) * 2654435761) % 2 ** 32
        values.append((count, volume))
    return values[:128], values[128:]


def test_order_book_rows():
    for line, row in enumerate(read_tsv("messages/order_book.tsv"), start=2):
        where = "row %d" % line
        tid, mid, agg = num(row["ticker_id"]), hexfloat(row["mid_price"]), num(row["bin_aggregator"])
        bids, asks = seeded_bins(num(row["bins_seed"]))
        book = mitch.OrderBook(tid, mid, agg, [mitch.Bin(*b) for b in bids],
                               [mitch.Bin(*a) for a in asks])
        flat_bids = [v for b in bids for v in b]
        flat_asks = [v for a in asks for v in a]
        if row["expect"].startswith("ERR"):
            status = expect_error(row["expect"])
            with pytest.raises(mitch.MitchError) as err:
                book.pack()
            assert err.value.status == status, where
            continue
        wire = bytes.fromhex(row["expect"])
        assert book.pack() == wire, where
        assert mitch.pack_order_book(tid, mid, agg, flat_bids, flat_asks) == wire, where
        decoded = mitch.unpack_order_book(wire)
        assert decoded.ticker_id == tid and f64_bits(decoded.mid_price) == f64_bits(mid), where
        assert decoded.bin_aggregator == agg, where
        assert [(b.count, b.volume) for b in decoded.bids] == bids, where
        assert [(a.count, a.volume) for a in decoded.asks] == asks, where
        assert mitch.flat.unpack_order_book(wire) == (tid, mid, agg, flat_bids, flat_asks), where


@pytest.mark.parametrize("name", MESSAGE_FILES)
def test_message_files_are_complete(name):
    """Every row parses (a row that cannot be parsed is a failure)."""
    rows = read_tsv("messages/" + name)
    for row in rows:
        assert None not in row.values() and None not in row, "short or long row %r" % row


# -- resolution -------------------------------------------------------------------------


def test_ticker_resolution_rows():
    for line, row in enumerate(read_tsv("resolution/tickers.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        itype = num(row["instrument_type"])
        ticker = mitch.resolve_ticker(row["symbol"], itype)
        assert ticker.id == num(row["ticker_id"]), where
        assert ticker.instrument_type == itype, where
        assert (ticker.base.asset_class, ticker.base.class_id) == (
            num(row["base_class"]), num(row["base_id"])), where
        assert (ticker.quote.asset_class, ticker.quote.class_id) == (
            num(row["quote_class"]), num(row["quote_id"])), where
        assert ticker.base.name == row["base_name"], where
        assert ticker.quote.name == row["quote_name"], where
        assert ticker.name == row["symbol"], where
        flat_id, base, quote, confidence = mitch.flat.resolve_ticker(row["symbol"], itype)
        assert flat_id == ticker.id, where
        assert base == (num(row["base_class"]) << 16) | num(row["base_id"]), where
        assert quote == (num(row["quote_class"]) << 16) | num(row["quote_id"]), where
        assert confidence == ticker.confidence, where
        assert 0.0 < confidence <= 1.0, where


def test_asset_resolution_rows():
    for line, row in enumerate(read_tsv("resolution/assets.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        query, min_conf = row["query"], float(row["min_confidence"])
        class_filter = None if row["class_filter"] == "-" else num(row["class_filter"])
        if row["expect_class"] == "-":
            with pytest.raises(mitch.NotFoundError):
                mitch.resolve_asset(query, min_conf, class_filter)
            with pytest.raises(mitch.InvalidDataError):  # the flat ABI's "nothing matched"
                if class_filter is None:
                    mitch.flat.resolve_asset(query, min_conf)
                else:
                    mitch.flat.resolve_asset_in_class(query, class_filter, min_conf)
            continue
        expect = (num(row["expect_class"]), num(row["expect_id"]), row["expect_name"])
        asset, confidence = mitch.match_asset(query, min_conf, class_filter)
        assert (asset.asset_class, asset.class_id, asset.name) == expect, where
        assert asset.id == (expect[0] << 16) | expect[1], where
        assert min_conf <= confidence <= 1.0, where
        if class_filter is None:
            aid, cid, acls, name, aliases, conf = mitch.flat.resolve_asset(query, min_conf)
            assert (acls, cid, name) == expect, where
        else:
            aid, cid, name, aliases, conf = mitch.flat.resolve_asset_in_class(
                query, class_filter, min_conf)
            assert (cid, name) == expect[1:], where
        assert aid == asset.id and conf == confidence, where
        assert aliases == "|".join(asset.aliases), where


def test_provider_resolution_rows():
    for line, row in enumerate(read_tsv("resolution/providers.tsv"), start=2):
        where = "row %d: %r" % (line, row)
        query, min_conf = row["query"], float(row["min_confidence"])
        if row["expect_id"] == "-":
            with pytest.raises(mitch.NotFoundError):
                mitch.find_market_provider(query, min_conf)
            with pytest.raises(mitch.InvalidDataError):
                mitch.flat.find_market_provider(query, min_conf)
            continue
        provider, confidence = mitch.match_market_provider(query, min_conf)
        assert (provider.id, provider.name) == (num(row["expect_id"]), row["expect_name"]), where
        assert min_conf <= confidence <= 1.0, where
        assert mitch.flat.find_market_provider(query, min_conf) == (
            provider.id, provider.name, confidence), where
        assert mitch.get_market_provider(provider.id) == provider, where
        assert mitch.flat.get_market_provider_by_id(provider.id) == provider.name, where
