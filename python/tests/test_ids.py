"""Ticker ids, packed assets and channels (check_ticker_id.c, check_asset.c,
check_channel.c).  Expected ids are protocol.md's examples or computed here
from its bit layout."""

import pytest

import mitch
from mitch import AssetClass, InstrumentType, MessageType

EURUSD = 0x0305153138900000


def layout(itype, bcls, bid, qcls, qid, sub):
    """protocol.md's bit layout, computed independently of the library."""
    return (itype << 60) | (bcls << 56) | (bid << 40) | (qcls << 36) | (qid << 20) | sub


def test_protocol_examples():
    assert mitch.create_ticker_id(0, 3, 111, 3, 461, 0) == 0x03006F301CD00000
    assert mitch.create_ticker_id(0, 3, 1301, 3, 5001, 0) == EURUSD
    assert mitch.TickerFields(InstrumentType.SPOT, AssetClass.FOREX, 1301, AssetClass.FOREX,
                              5001).encode() == EURUSD


@pytest.mark.parametrize("fields", [(15, 15, 65535, 15, 65535, 2 ** 20 - 1), (0, 0, 0, 0, 0, 0),
                                    (7, 6, 2701, 12, 1, 12345), (13, 10, 1, 4, 21, 1)])
def test_encode_decode_round_trip(fields):
    tid = mitch.create_ticker_id(*fields)
    assert tid == layout(*fields)
    assert mitch.flat.decode_ticker_id(tid) == fields
    decoded = mitch.decode_ticker_id(tid)
    assert (decoded.instrument_type, decoded.base_class, decoded.base_id, decoded.quote_class,
            decoded.quote_id, decoded.sub_type) == fields
    assert isinstance(decoded.base_class, AssetClass)
    assert isinstance(decoded.instrument_type, InstrumentType)


def test_creation_rejects_too_wide_fields():
    for fields in [(16, 0, 0, 0, 0, 0), (0, 16, 0, 0, 0, 0), (0, 0, 0, 16, 0, 0),
                   (0, 0, 0, 0, 0, 2 ** 20)]:
        with pytest.raises(mitch.InvalidFieldValueError):
            mitch.create_ticker_id(*fields)
    with pytest.raises(mitch.InvalidFieldValueError) as err:  # wider than the C u16
        mitch.create_ticker_id(0, 0, 65536, 0, 0, 0)
    assert err.value.field == "base_id"
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.create_ticker_id(0, 0, 0, 0, -1, 0)


def test_validation_of_reserved_values_and_same_legs():
    assert mitch.is_valid_ticker_id(EURUSD)
    mitch.validate_ticker_id(EURUSD)
    for bad in (layout(14, 3, 1, 3, 2, 0), layout(15, 3, 1, 3, 2, 0),
                layout(0, 14, 1, 3, 2, 0), layout(0, 3, 1, 15, 2, 0),
                layout(0, 3, 1301, 3, 1301, 0)):
        assert not mitch.is_valid_ticker_id(bad)
        with pytest.raises(mitch.InvalidTickerIdError) as err:
            mitch.validate_ticker_id(bad)
        assert err.value.status == 4


def test_predicates():
    assert mitch.ticker_id_is_spot(EURUSD) and mitch.ticker_id_is_forex(EURUSD)
    assert not mitch.ticker_id_is_crypto(EURUSD) and not mitch.ticker_id_is_equity(EURUSD)
    btc = layout(4, 6, 2701, 3, 5001, 0)
    assert mitch.ticker_id_is_crypto(btc) and not mitch.ticker_id_is_spot(btc)
    assert mitch.ticker_id_is_equity(layout(0, 0, 11, 3, 5001, 0))


def test_builders():
    usd = mitch.pack_asset(AssetClass.FOREX, 5001)
    assert usd == (3 << 16) | 5001
    assert mitch.ticker_id_forex(0, 1301, 5001) == EURUSD
    assert mitch.ticker_id_crypto(4, 2701, usd) == layout(4, 6, 2701, 3, 5001, 0)
    assert mitch.ticker_id_equity(0, 11, usd) == layout(0, 0, 11, 3, 5001, 0)
    with pytest.raises(mitch.MitchError):
        mitch.ticker_id_crypto(0, 2701, 1 << 20)  # not a 20-bit packed asset


def test_batch_forms():
    fields = [mitch.TickerFields(i % 14, i % 14, i, (i + 1) % 14, i * 3, i) for i in range(50)]
    ids = mitch.encode_ticker_ids(fields)
    assert ids == [layout(*[getattr(f, n) for n in ("instrument_type", "base_class", "base_id",
                                                    "quote_class", "quote_id", "sub_type")])
                   for f in fields]
    assert mitch.decode_ticker_ids(ids) == fields
    bad = fields[:3] + [mitch.TickerFields(0, 0, 0, 0, 0, 2 ** 20)]
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.encode_ticker_ids(bad)
    assert "fields[3]" in str(err.value)
    assert mitch.encode_ticker_ids([]) == [] and mitch.decode_ticker_ids([]) == []


def test_packed_assets():
    assert mitch.pack_asset(10, 65535) == 0xAFFFF
    assert mitch.unpack_asset(0xAFFFF) == (AssetClass.INDICES, 65535)
    assert mitch.flat.unpack_asset((3 << 16) | 1301) == (3, 1301)
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.pack_asset(16, 1)
    with pytest.raises(mitch.MitchError):
        mitch.unpack_asset(1 << 20)


# -- channels -----------------------------------------------------------------------------

def test_channel_examples():
    assert mitch.channel_id(101, "s") == 0x00657300 == 6648576
    assert mitch.channel_id(861, MessageType.INDEX) == 0x035D6900 == 56453376
    c = mitch.Channel.create(101, "s")
    assert c == mitch.Channel(6648576, 101, MessageType.TICK)
    assert c.pack() == bytes([0x00, 0x73, 0x65, 0x00])
    assert mitch.Channel.unpack(c.pack()) == c
    assert str(c.id) == "6648576"  # the topic name users publish on


def test_channel_validation():
    mitch.validate_channel(6648576)
    for bad in (6648577, 0x00657800, 0):
        with pytest.raises(mitch.InvalidChannelIdError) as err:
            mitch.validate_channel(bad)
        assert err.value.status == 5
        with pytest.raises(mitch.InvalidChannelIdError):
            mitch.Channel.from_id(bad)
        with pytest.raises(mitch.InvalidChannelIdError):
            mitch.pack_channel(bad)
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.channel_id(101, "x")
    with pytest.raises(mitch.InvalidMessageTypeError):
        mitch.channel_id(101, "S")
    with pytest.raises(mitch.InvalidChannelIdError):
        mitch.unpack_channel(b"\x01\x73\x65\x00")
    with pytest.raises(mitch.BufferTooSmallError):
        mitch.unpack_channel(b"\x00\x73\x65")
    assert mitch.channel_decode(56453376) == (861, MessageType.INDEX)
    assert mitch.unpack_channel(b"\xff\x00\x73\x65\x00", offset=1) == 6648576
