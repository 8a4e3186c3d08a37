"""Order-book bodies and bins (tests/check_order_book.c's areas).  Bin
tables are compared with the project's data/bins.tsv; price ranges are
computed here from protocol.md's formulas."""

import math
import struct

import pytest

import mitch
from mitch import BinAggregator, BookSide
from conftest import TOP_SRCDIR

TID = 0x0305153138900000


def data_tables():
    """data/bins.tsv: one column of 128 bin ends per aggregator."""
    columns = {0: [], 1: [], 2: [], 3: []}
    header_seen = False
    for line in (TOP_SRCDIR / "data" / "bins.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if not header_seen:
            assert cells[0] == "bin"
            header_seen = True
            continue
        assert int(cells[0]) == len(columns[0])
        for agg in range(4):
            columns[agg].append(float(cells[agg + 1]))
    return columns


def test_bin_tables_match_the_data_file():
    tables = data_tables()
    for agg in BinAggregator:
        ends = mitch.bin_table(agg)
        assert len(ends) == 128
        assert list(ends) == tables[agg]
        assert all(a <= b for a, b in zip(ends, ends[1:]))
    lingaussian = mitch.bin_table(BinAggregator.LINGAUSSIAN)
    assert lingaussian[90] == lingaussian[91]  # a zero-width bin (protocol.md)
    assert lingaussian[0] == 0.00001


def test_aggregator_names_and_errors():
    assert [mitch.bin_aggregator_name(a) for a in range(4)] == [
        "DEFAULT_LINGAUSSIAN", "DEFAULT_LINGEOFLAT", "DEFAULT_BILINGEO", "DEFAULT_TRILINEAR"]
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.bin_aggregator_name(4)
    with pytest.raises(mitch.MitchError):
        mitch.bin_table(4)


@pytest.mark.parametrize("agg", list(BinAggregator))
def test_price_ranges_follow_the_formula(agg):
    mid = 250.0
    ends = mitch.bin_table(agg)
    for i in (0, 1, 37, 90, 91, 127):
        prev = 0.0 if i == 0 else ends[i - 1]
        start, end = mitch.bin_price_range(mid, agg, BookSide.ASK, i)
        assert start == pytest.approx(mid * (1 + prev / 100), rel=1e-15)
        assert end == pytest.approx(mid * (1 + ends[i] / 100), rel=1e-15)
        start, end = mitch.bin_price_range(mid, agg, BookSide.BID, i)
        assert start == pytest.approx(max(0.0, mid * (1 - prev / 100)), rel=1e-15, abs=1e-300)
        assert end == pytest.approx(max(0.0, mid * (1 - ends[i] / 100)), rel=1e-15, abs=1e-300)
    assert mitch.bin_price_range(mid, agg, BookSide.ASK, 0)[0] == mid
    assert mitch.bin_price_range(mid, agg, BookSide.BID, 0)[0] == mid


def test_bid_floor_at_zero():
    # the wide tables end far beyond 100 %: deep bid bins end at price 0
    ends = mitch.bin_table(BinAggregator.TRILINEAR)
    deep = [i for i in range(128) if ends[i] >= 100]
    assert deep, "trilinear table has no bin beyond 100 %"
    assert mitch.bin_price_range(10.0, 3, BookSide.BID, deep[-1])[1] == 0.0


def test_bin_for_price_round_trip_and_edges():
    mid = 100.0
    for agg in BinAggregator:
        for side in BookSide:
            assert mitch.bin_for_price(mid, agg, side, mid) == 0
            for i in (0, 5, 64, 127):
                start, end = mitch.bin_price_range(mid, agg, side, i)
                if start != end and end > 0:
                    inside = (start + end) / 2
                    expected = mitch.bin_for_price(mid, agg, side, inside)
                    lo, hi = mitch.bin_price_range(mid, agg, side, expected)
                    assert min(lo, hi) <= inside <= max(lo, hi)
    assert mitch.bin_for_price(mid, 0, BookSide.ASK, mid * 1000) == 127
    for bad in (mid * 1.01, -1.0, math.nan, math.inf):
        with pytest.raises(mitch.InvalidFieldValueError):
            mitch.bin_for_price(mid, 0, BookSide.BID, bad)
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.bin_for_price(mid, 0, BookSide.ASK, mid * 0.99)


def test_range_errors():
    with pytest.raises(mitch.MitchError):
        mitch.bin_price_range(100.0, 0, BookSide.ASK, 128)
    with pytest.raises(mitch.MitchError):
        mitch.bin_price_range(100.0, 0, 2, 0)
    with pytest.raises(mitch.MitchError):
        mitch.bin_price_range(math.nan, 0, 0, 0)


def book_wire(tid, mid, agg, bids, asks):
    return struct.pack("<QdB7x", tid, mid, agg) + \
        b"".join(struct.pack("<II", *b) for b in list(bids) + list(asks))


def sample_bins():
    bids = [(i + 1, (i + 1) * 100) for i in range(128)]
    asks = [(2 ** 32 - 1 - i, i) for i in range(128)]
    return bids, asks


def test_order_book_layout_and_round_trip():
    bids, asks = sample_bins()
    book = mitch.OrderBook(TID, 1.2345, BinAggregator.BILINGEO, [mitch.Bin(*b) for b in bids],
                           [mitch.Bin(*a) for a in asks])
    wire = book_wire(TID, 1.2345, 2, bids, asks)
    assert len(wire) == 2072 and wire[1048:1052] == struct.pack("<I", 2 ** 32 - 1)
    assert book.pack() == wire
    assert mitch.unpack_order_book(wire) == book
    # tuples are accepted for bins
    assert mitch.OrderBook(TID, 1.2345, 2, bids, asks).pack() == wire
    flat_bids = [v for b in bids for v in b]
    flat_asks = [v for a in asks for v in a]
    assert mitch.pack_order_book(TID, 1.2345, 2, flat_bids, flat_asks) == wire
    assert mitch.flat.unpack_order_book(wire) == (TID, 1.2345, 2, flat_bids, flat_asks)


def test_order_book_rules():
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.OrderBook(TID, 1.0, 4).pack()
    assert err.value.field == "bin_aggregator"
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.OrderBook(TID, -1.0).pack()
    assert err.value.field == "mid_price"
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.OrderBook(TID, 1.0, bids=[mitch.Bin()] * 127).pack()
    assert err.value.field == "bids"
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.OrderBook(TID, 1.0, asks=[mitch.Bin(2 ** 32, 0)] * 128).pack()
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.pack_order_book(TID, 1.0, 0, [0] * 255, [0] * 256)
    wire = bytearray(mitch.OrderBook(TID, 1.0).pack())
    wire[16] = 9
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.unpack_order_book(wire)
    assert err.value.field == "bin_aggregator"
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_order_book(bytes(wire[:2071]))


def test_totals_are_64_bit():
    bids, asks = sample_bins()
    book = mitch.OrderBook(TID, 1.0, 0, bids, asks)
    totals = book.totals()
    assert totals.bid_volume == sum(v for _, v in bids) == book.total_bid_volume
    assert totals.ask_volume == sum(v for _, v in asks) == book.total_ask_volume
    assert totals.bid_count == sum(c for c, _ in bids)
    assert totals.ask_count == sum(c for c, _ in asks) > 2 ** 32  # no overflow


def test_book_boundaries_helpers():
    book = mitch.OrderBook(TID, 80.0, BinAggregator.LINGEOFLAT)
    asks = book.boundaries(BookSide.ASK)
    assert len(asks) == 128 and asks[0][0] == 80.0
    assert asks[5] == mitch.bin_price_range(80.0, 1, BookSide.ASK, 5)
    assert book.bin_range(BookSide.BID, 3) == mitch.bin_price_range(80.0, 1, BookSide.BID, 3)
    assert book.bin_for_price(BookSide.ASK, 80.0) == 0


def test_list_sides_errors_name_the_bin():
    """A side given as a list goes through one struct call; whatever makes
    that fail gets the error of the bin-by-bin path, naming side and index."""
    def good():
        return [mitch.Bin(i, i) for i in range(128)]
    cases = [
        (40, mitch.Bin(2 ** 32, 1), mitch.FieldOverflowError, OverflowError,
         "bids[40].count"),
        (7, mitch.Bin(1, -1), mitch.FieldOverflowError, OverflowError, "bids[7].volume"),
        (127, mitch.Bin(1.5, 1), mitch.MitchTypeError, TypeError, "bids[127].count"),
        (3, mitch.Bin(1, "2"), mitch.MitchTypeError, TypeError, "bids[3].volume"),
        (0, "xy", mitch.MitchTypeError, TypeError, "bids[0]"),
    ]
    for index, bad, cls, builtin, where in cases:
        book = mitch.OrderBook(TID, 1.0, 0, good(), good())
        book.bids[index] = bad  # after construction: only pack() sees it
        with pytest.raises(cls) as err:
            book.pack()
        assert isinstance(err.value, builtin) and isinstance(err.value, ValueError) \
            or cls is mitch.MitchTypeError
        assert where in str(err.value), (where, str(err.value))
        with pytest.raises(cls):
            book.to_ffi()
    # a bad scalar is reported before the bins, as before
    book = mitch.OrderBook(TID, 1.0, 0, good(), [mitch.Bin(2 ** 32, 0)] * 128)
    book.ticker_id = 2 ** 64
    with pytest.raises(mitch.FieldOverflowError) as err:
        book.pack()
    assert "ticker_id" in str(err.value)


def test_mixed_raw_and_list_sides():
    bids, asks = sample_bins()
    wire = mitch.OrderBook(TID, 1.5, 1, bids, asks).pack()
    decoded = mitch.unpack_order_book(wire)
    decoded.bids = [mitch.Bin(c, v) for c, v in bids]  # a list side, a raw side
    assert decoded.pack() == wire
    assert mitch.OrderBook._STRUCT.from_buffer_copy(decoded.to_ffi()).asks[127].volume == 127
    totals = decoded.totals()
    assert totals.bid_volume == sum(v for _, v in bids)
    # numpy-style integers (anything with __index__) and IntEnum members pass
    class Index:
        def __init__(self, v):
            self.v = v

        def __index__(self):
            return self.v
    book = mitch.OrderBook(TID, 1.5, 1, [mitch.Bin(Index(c), Index(v)) for c, v in bids], asks)
    assert book.pack() == wire
