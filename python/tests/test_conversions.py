"""Exact conversion between Python values and the C/wire types: float bit
patterns (subnormals included), u64/u48/u32/u8 extremes, negative i16/i32,
and no silent truncation anywhere (ctypes would cut 2**32 to 0)."""

import struct

import pytest

import mitch
from conftest import f64_bits, needs_numpy, numpy as np

TID = 0x0305153138900000

FLOAT_BITS = [
    0x0000000000000001,  # smallest subnormal
    0x000FFFFFFFFFFFFF,  # largest subnormal
    0x0010000000000000,  # smallest normal
    0x3FF0000000000000,  # 1.0
    0x3FF0000000000001,  # 1.0 + ulp
    0x7FEFFFFFFFFFFFFF,  # largest finite
    0x400921FB54442D18,  # pi
    0x3FB999999999999A,  # 0.1
]


@pytest.mark.parametrize("bits", FLOAT_BITS)
def test_price_bit_patterns_survive(bits):
    price = struct.unpack("<d", struct.pack("<Q", bits))[0]
    wire = mitch.Trade(TID, price, 1, 1).pack()
    assert wire[8:16] == struct.pack("<Q", bits)
    assert f64_bits(mitch.unpack_trade(wire).price) == bits
    assert f64_bits(mitch.flat.unpack_trade(wire)[1]) == bits
    order = mitch.Order(TID, 1, price, 1)
    assert f64_bits(mitch.unpack_order(order.pack()).price) == bits  # unaligned offset 12
    tick = mitch.unpack_tick(mitch.Tick(TID, price, price).pack())
    assert f64_bits(tick.bid_price) == f64_bits(tick.ask_price) == bits


@needs_numpy
@pytest.mark.parametrize("bits", FLOAT_BITS)
def test_price_bit_patterns_survive_numpy(bits):
    price = struct.unpack("<d", struct.pack("<Q", bits))[0]
    arr = mitch.decode_array(mitch.encode_message([mitch.Trade(TID, price, 1, 1)], "t"), "t")
    assert f64_bits(float(arr["price"][0])) == bits


@pytest.mark.parametrize("price", [-0.0, 0.0, -5e-324, float("-inf")])
def test_non_positive_prices_are_rejected_not_rounded(price):
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.Trade(TID, price, 1, 1).pack()


def test_u64_extremes():
    top = 2 ** 64 - 1
    t = mitch.Trade(top, 1.0, 2 ** 32 - 1, 2 ** 32 - 1, 1)
    wire = t.pack()
    assert wire[:8] == b"\xff" * 8 and wire[16:24] == b"\xff" * 8
    assert mitch.unpack_trade(wire) == t
    for bad in (2 ** 64, -1, 2 ** 70):
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Trade(bad, 1.0, 1, 1).pack()
        assert err.value.field == "ticker_id"
        with pytest.raises(mitch.InvalidFieldValueError):
            mitch.pack_trade(bad, 1.0, 1, 1, 0)


def test_u32_and_u8_are_never_truncated():
    for field, bad in (("quantity", 2 ** 32), ("trade_id", 2 ** 32 + 1), ("side", 256),
                       ("side", -1), ("quantity", -1)):
        args = dict(ticker_id=TID, price=1.0, quantity=1, trade_id=1, side=0)
        args[field] = bad
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Trade(**args).pack()
        assert err.value.field == field
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.pack_trade(*args.values())
        assert err.value.field == field
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.pack_header("t", 0, 256)  # count 256 is not 0
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.channel_id(65536, "t")  # provider is u16


def test_u48_extremes():
    top = 2 ** 48 - 1
    assert mitch.unpack_header(mitch.pack_header("t", top, 255)).timestamp == top
    assert mitch.unpack_order(mitch.Order(TID, 1, 1.0, 1, expiry_ms=top).pack()).expiry_ms == top
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.Order(TID, 1, 1.0, 1, expiry_ms=top + 1).pack()
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.pack_order(TID, 1, 1.0, 1, 1, 0, 2 ** 64)


def test_negative_i16_i32():
    v = dict(ticker_id=TID, mid=1.0, m_spread=-2 ** 31, b_bid_o=-1, b_ask_o=2 ** 31 - 1,
             w_bid_o=-2 ** 31, w_ask_o=0, t_force=-10000, m_force=-1)
    idx = mitch.Index(**v)
    wire = idx.pack()
    assert struct.unpack_from("<iiiii", wire, 24) == (-2 ** 31, -1, 2 ** 31 - 1, -2 ** 31, 0)
    assert struct.unpack_from("<hh", wire, 48) == (-10000, -1)
    back = mitch.unpack_index(wire)
    assert (back.m_spread, back.w_bid_o, back.t_force, back.m_force) == (-2 ** 31, -2 ** 31,
                                                                         -10000, -1)
    for field, bad in (("m_spread", -2 ** 31 - 1), ("b_ask_o", 2 ** 31), ("t_force", -32769),
                       ("m_force", 32768)):
        with pytest.raises(mitch.InvalidFieldValueError) as err:
            mitch.Index(**dict(v, **{field: bad})).pack()
        assert err.value.field == field
    # fits i16 but breaks the protocol's range: libmitch says so
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Index(**dict(v, t_force=-32768)).pack()
    assert err.value.field == "t_force"


def test_wrong_python_types():
    with pytest.raises(TypeError):
        mitch.Trade(TID, "1.5", 1, 1).pack()
    with pytest.raises(TypeError):
        mitch.Trade(TID, 1.5, 1.0, 1).pack()  # a float is not silently an int
    with pytest.raises(TypeError):
        mitch.pack_trade(TID, 1.5, 1.5, 1, 0)
    with pytest.raises(TypeError):
        mitch.pack_trade(TID, b"x", 1, 1, 0)
    with pytest.raises(TypeError):
        mitch.pack_trade(str(TID), 1.5, 1, 1, 0)
    with pytest.raises(TypeError):
        mitch.create_ticker_id(0, 3, "1301", 3, 5001, 0)


@needs_numpy
def test_numpy_scalars_and_int_subclasses_convert_exactly():
    t = mitch.Trade(np.uint64(2 ** 64 - 1), np.float64(2.5), np.uint32(7), np.int64(8),
                    mitch.OrderSide.SELL)
    assert mitch.unpack_trade(t.pack()) == mitch.Trade(2 ** 64 - 1, 2.5, 7, 8, 1)
    assert mitch.pack_trade(np.uint64(5), np.float32(0.5), np.uint32(1), 1, True) == \
        mitch.Trade(5, 0.5, 1, 1, 1).pack()
    assert mitch.Trade(TID, 3, 1, 1).pack() == mitch.Trade(TID, 3.0, 1, 1).pack()
