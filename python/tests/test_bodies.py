"""Header, trade, order, tick and index bodies: the same areas as the C
suite (tests/check_header.c, check_trade.c ...), through the Python API.
Expected bytes are built with ``struct`` from the tables of protocol.md."""

import math
import struct

import pytest

import mitch
from mitch import MessageType, OrderSide, OrderType

TID = 0x0305153138900000  # EUR/USD spot (protocol.md)


def trade_wire(tid, price, qty, trade_id, side):
    return struct.pack("<QdIIB7x", tid, price, qty, trade_id, side)


def order_wire(tid, oid, price, qty, otype, side, expiry):
    return struct.pack("<QIdIB", tid, oid, price, qty, (otype << 1) | side) + \
        expiry.to_bytes(6, "little") + b"\0"


# -- header -----------------------------------------------------------------------------

@pytest.mark.parametrize("code", "tosib")
def test_header_every_type(code):
    wire = mitch.pack_header(code, 123456789, 3)
    assert wire == bytes([ord(code)]) + (123456789).to_bytes(6, "little") + b"\x03"
    h = mitch.unpack_header(wire)
    assert h == mitch.Header(MessageType(ord(code)), 123456789, 3)
    assert h.message_type.code == code
    assert h.pack() == wire


def test_header_timestamp_u48_limits():
    top = 2 ** 48 - 1
    assert mitch.pack_header("t", top, 1) == b"t" + b"\xff" * 6 + b"\x01"
    assert mitch.unpack_header(b"t" + b"\xff" * 6 + b"\x01").timestamp == top
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Header("t", 2 ** 48, 1).pack()
    assert err.value.field == "timestamp"
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.pack_header("t", 2 ** 48, 1)
    with pytest.raises(mitch.InvalidFieldValueError):  # does not even fit u64
        mitch.pack_header("t", 2 ** 64, 1)


def test_header_count_and_type_rules():
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Header("t", 0, 0).pack()
    assert err.value.field == "count"
    for bad in ("T", "x", 0, 255):
        with pytest.raises(mitch.InvalidMessageTypeError):
            mitch.pack_header(bad, 0, 1)
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.unpack_header(b"T" + bytes(6) + b"\x01")
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.unpack_header(b"\0t" + bytes(6) + b"\x00", offset=1)
    assert err.value.field == "count" and err.value.offset == 1 + 7  # the count byte
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_header(b"t" + bytes(6))


def test_header_sizes():
    h = mitch.Header("b", 0, 2)
    assert h.body_size == 2072 and h.message_size == 8 + 2 * 2072
    assert mitch.body_size("i") == 64 and mitch.body_size(MessageType.TRADE) == 32
    assert mitch.message_size("o", 255) == 8 + 255 * 32
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.message_size("o", 0)
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.body_size("x")
    assert mitch.message_sizes() == {"header": 8, "trade": 32, "order": 32, "tick": 32,
                                     "index": 64, "order_book": 2072}
    assert mitch.flat.get_message_sizes() == (8, 32, 32, 32, 64, 2072)


# -- trade ------------------------------------------------------------------------------

def test_trade_known_bytes_and_round_trip():
    t = mitch.Trade(TID, 1.0850, 1_000_000, 42, OrderSide.SELL)
    wire = trade_wire(TID, 1.0850, 1_000_000, 42, 1)
    assert t.pack() == wire == mitch.pack(t)
    assert mitch.pack_trade(TID, 1.0850, 1_000_000, 42, 1) == wire
    assert mitch.unpack_trade(wire) == t
    assert mitch.unpack(wire, "t") == t
    assert mitch.flat.unpack_trade(wire) == (TID, 1.0850, 1_000_000, 42, 1)
    assert isinstance(mitch.unpack_trade(wire).side, OrderSide)


@pytest.mark.parametrize("field,value", [("ticker_id", 0), ("price", 0.0), ("price", -1.0),
                                         ("price", math.nan), ("price", math.inf),
                                         ("quantity", 0), ("trade_id", 0), ("side", 2)])
def test_trade_field_rules_name_the_field(field, value):
    good = dict(ticker_id=TID, price=1.5, quantity=1, trade_id=1, side=0)
    good[field] = value
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Trade(**good).pack()
    assert err.value.field == field and err.value.status == 6
    assert field in str(err.value)
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Trade(**good).validate()
    assert err.value.field == field
    assert not mitch.Trade(**good).is_valid()
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.pack_trade(*good.values())
    assert err.value.field == field


def test_trade_decode_rejects_bad_wire_naming_field_and_offset():
    good = trade_wire(TID, 2.0, 5, 6, 0)
    buf = bytearray(b"\xaa" * 16 + good)
    buf[16 + 24] = 2  # side 2
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.unpack_trade(buf, offset=16)
    assert err.value.field == "side" and err.value.offset == 16 + 24  # the side byte
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.flat.unpack_trade(trade_wire(TID, -2.0, 5, 6, 0))
    assert err.value.field == "price"


def test_trade_padding_written_as_zero_and_ignored():
    wire = mitch.Trade(TID, 1.0, 1, 1).pack()
    assert wire[25:] == bytes(7)
    dirty = wire[:25] + b"\xff" * 7
    assert mitch.unpack_trade(dirty) == mitch.Trade(TID, 1.0, 1, 1)


def test_trade_short_buffers():
    wire = trade_wire(TID, 1.0, 1, 1, 0)
    for n in (0, 1, 31):
        with pytest.raises(mitch.BufferTooSmallError):
            mitch.unpack_trade(wire[:n])
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_trade(wire, offset=1)
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_trade(wire, offset=33)
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_trade(wire, offset=-1)


# -- order ------------------------------------------------------------------------------

def test_order_known_bytes_type_and_side_bits():
    for otype in OrderType:
        for side in OrderSide:
            o = mitch.Order(TID, 9, 101.5, 10, otype, side, 1_700_000_000_000)
            wire = order_wire(TID, 9, 101.5, 10, otype, side, 1_700_000_000_000)
            assert o.pack() == wire
            assert wire[24] == (otype << 1) | side
            assert mitch.unpack_order(wire) == o
            assert mitch.flat.unpack_order(wire) == (TID, 9, 101.5, 10, otype, side,
                                                     1_700_000_000_000)


def test_order_price_is_unaligned_at_offset_12():
    wire = mitch.Order(TID, 1, 3.25, 1).pack()
    assert struct.unpack_from("<d", wire, 12)[0] == 3.25


def test_order_expiry_u48():
    top = 2 ** 48 - 1
    o = mitch.Order(TID, 1, 1.0, 1, OrderType.LIMIT, OrderSide.BUY, top)
    assert o.pack()[25:31] == b"\xff" * 6 and mitch.unpack_order(o.pack()).expiry_ms == top
    assert mitch.Order(TID, 1, 1.0, 1).pack()[25:31] == bytes(6)  # good till cancelled
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Order(TID, 1, 1.0, 1, expiry_ms=2 ** 48).pack()
    assert err.value.field == "expiry_ms"


def test_cancel_rules():
    cancel = mitch.Order(TID, 5, 0.0, 0, OrderType.CANCEL, OrderSide.SELL)
    assert mitch.unpack_order(cancel.pack()) == cancel
    for price in (-1.0, math.nan, math.inf):
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Order(TID, 5, price, 0, OrderType.CANCEL).pack()
        assert err.value.field == "price"
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Order(TID, 0, 0.0, 0, OrderType.CANCEL).pack()
    assert err.value.field == "order_id"


def test_non_cancel_rules_and_invalid_types():
    for otype in (OrderType.MARKET, OrderType.LIMIT, OrderType.STOP):
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Order(TID, 1, 0.0, 1, otype).pack()
        assert err.value.field == "price"
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Order(TID, 1, 1.0, 0, otype).pack()
        assert err.value.field == "quantity"
    for otype in (4, 127):
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Order(TID, 1, 1.0, 1, otype).pack()
        assert err.value.field == "order_type"
    bad = bytearray(order_wire(TID, 1, 1.0, 1, 1, 0, 0))
    bad[24] = (4 << 1)
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.unpack_order(bad)
    assert err.value.field == "order_type" and err.value.offset == 24  # in type_and_side


# -- tick -------------------------------------------------------------------------------

def test_tick_known_bytes_and_metrics():
    t = mitch.Tick(TID, 1.0850, 1.0852, 300, 100)
    wire = struct.pack("<QddII", TID, 1.0850, 1.0852, 300, 100)
    assert t.pack() == wire and mitch.unpack_tick(wire) == t
    assert mitch.flat.unpack_tick(wire) == (TID, 1.0850, 1.0852, 300, 100)
    m = t.metrics()
    assert m.mid == (1.0850 + 1.0852) / 2 == t.mid
    assert m.spread == 1.0852 - 1.0850 == t.spread
    assert m.spread_bps == pytest.approx((1.0852 - 1.0850) / ((1.0850 + 1.0852) / 2) * 10000)
    assert m.imbalance == (100 - 300) / 400 == t.imbalance
    assert m.total_volume == 400 == t.total_volume


def test_tick_metrics_edges():
    assert mitch.Tick(TID, 1.0, 1.0, 0, 0).imbalance == 0.0
    big = mitch.Tick(TID, 1.0, 2.0, 2 ** 32 - 1, 2 ** 32 - 1)
    assert big.total_volume == 2 * (2 ** 32 - 1)  # no overflow
    crossed = mitch.Tick(TID, 2.0, 1.0)  # metrics work on any tick
    assert crossed.spread == -1.0
    assert mitch.Tick(TID, 0.0, 0.0).spread_bps == 0.0


def test_tick_rules():
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Tick(TID, 2.0, 1.0).pack()  # ask below bid
    assert err.value.field in ("bid_price", "ask_price")
    for field in ("bid_price", "ask_price"):
        for bad in (0.0, -1.0, math.nan, math.inf):
            values = dict(ticker_id=TID, bid_price=1.0, ask_price=1.0)
            values[field] = bad
            with pytest.raises(mitch.InvalidFieldValueError):
                mitch.Tick(**values).pack()
    assert mitch.Tick(TID, 1.0, 1.0).is_valid()  # ask == bid is fine


# -- index ------------------------------------------------------------------------------

def index_args(**over):
    values = dict(ticker_id=TID, mid=100.0, v_bid=1, v_ask=2, m_spread=3, b_bid_o=-500,
                  b_ask_o=500, w_bid_o=-2000, w_ask_o=2000, v_force=10000, l_force=0,
                  t_force=-10000, m_force=10000, confidence=95, rejected=1, accepted=4)
    values.update(over)
    return values


def test_index_known_bytes():
    v = index_args()
    wire = struct.pack("<QdIIiiiiiHHhhBBB9x", *v.values())
    idx = mitch.Index(**v)
    assert idx.pack() == wire and mitch.unpack_index(wire) == idx
    assert mitch.flat.unpack_index(wire) == tuple(v.values())
    assert mitch.pack_index(*v.values()) == wire


def test_index_metrics():
    idx = mitch.Index(**index_args())
    m = idx.metrics()
    assert m.best_bid_price == pytest.approx(100.0 * (1 - 500 / 1e9))
    assert m.best_ask_price == pytest.approx(100.0 * (1 + 500 / 1e9))
    assert m.worst_bid_price == pytest.approx(100.0 * (1 - 2000 / 1e9))
    assert (m.volatility, m.liquidity, m.trend, m.momentum) == (1.0, 0.0, -1.0, 1.0)
    assert m.confidence_band == "very high" == idx.confidence_band
    # force fractions divide by 10 000 (protocol.md's Decision), not by 100
    assert mitch.Index(**index_args(v_force=2500)).volatility == 0.25


@pytest.mark.parametrize("confidence,band", [(100, "very high"), (95, "very high"),
                                             (94, "high"), (80, "high"), (79, "medium"),
                                             (60, "medium"), (59, "medium-low"),
                                             (40, "medium-low"), (39, "low"), (20, "low"),
                                             (19, "very low"), (0, "very low")])
def test_confidence_bands(confidence, band):
    assert mitch.confidence_band(confidence) == band


def test_confidence_band_above_100():
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.confidence_band(101)


@pytest.mark.parametrize("field,value", [("v_force", 10001), ("l_force", 10001),
                                         ("t_force", 10001), ("t_force", -10001),
                                         ("m_force", -10001), ("confidence", 101),
                                         ("mid", 0.0), ("ticker_id", 0)])
def test_index_rules(field, value):
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Index(**index_args(**{field: value})).pack()
    assert err.value.field == field


def test_index_accepted_zero_needs_confidence_zero():
    assert mitch.Index(**index_args(accepted=0, confidence=0)).is_valid()
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Index(**index_args(accepted=0, confidence=50)).pack()
    assert err.value.field in ("accepted", "confidence")


def test_body_validate_without_decoding():
    wire = mitch.Trade(TID, 1.0, 1, 1).pack()
    mitch.validate_body(wire, "t")
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.validate_body(wire[:8] + bytes(24), "t")
    assert err.value.field == "price"
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.validate_body(wire, "x")
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.validate_body(wire, "i")


@pytest.mark.parametrize("cls", [mitch.Header, mitch.Trade, mitch.Order, mitch.Tick,
                                 mitch.Index])
def test_generated_pack_is_to_ffi_then_encode(cls):
    """pack() is generated per class (values straight into the struct's
    bytes); it must give the bytes, and raise the errors, of the plain
    to_ffi() + mitch_<layout>_encode path it replaces."""
    from mitch.bodies import _Body
    assert cls.pack is not _Body.pack
    sample = cls._SAMPLE
    assert sample.pack() == _Body.pack(sample)  # the first call builds the real one
    assert sample.pack() == _Body.pack(sample) and cls.pack.__code__.co_filename == "<string>"
    bad_values = [2 ** 64, -1, 1.5, "1", None, 10 ** 400]
    for name in cls._HOST_NAMES:
        for bad in bad_values:
            value = cls(**{n: getattr(sample, n) for n in cls._FIELD_NAMES})
            object.__setattr__(value, name, bad)  # past the converters of __init__
            errors = []
            for pack in (value.pack, lambda: _Body.pack(value)):
                try:
                    errors.append(("ok", pack()))
                except Exception as err:  # noqa: BLE001 - compared below
                    errors.append((type(err), str(err), getattr(err, "field", None)))
            assert errors[0] == errors[1], (name, bad, errors)


def test_generated_pack_keeps_an_overridden_to_ffi():
    # OrderBook has its own to_ffi and pack; a subclass keeps what it inherits
    class Mine(mitch.Trade):
        __slots__ = ()
    t = Mine(TID, 1.5, 10, 1)
    assert t.pack() == mitch.Trade(TID, 1.5, 10, 1).pack()
    assert mitch.OrderBook.pack is not mitch.Trade.pack


def test_pack_without_aligned_bytes_gives_the_same_bytes(monkeypatch):
    # where a runtime's bytes objects were not 8-aligned, pack() must take
    # the ctypes-struct path, with the same result
    import mitch.bodies as bodies
    import mitch.book as book
    trade = mitch.Trade(0x0305153138900000, 1.085, 1000, 7, mitch.OrderSide.BUY)
    books = mitch.OrderBook(0x0305153138900000, 1.085, 2, [(i, i) for i in range(128)],
                            [(1, i) for i in range(128)])
    fast = trade.pack(), books.pack()
    monkeypatch.setattr(book, "_BYTES_ALIGNED", False)
    assert books.pack() == fast[1]
    assert bodies._BYTES_ALIGNED  # CPython: the probe finds them aligned
    # the body classes' path without aligned bytes: the plain _Body.pack
    assert bodies._Body.pack(trade) == fast[0]
