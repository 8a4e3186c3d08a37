"""Misuse gets a MitchError that is also the matching built-in, with a short
text that names the rule: the defects issue 11 lists, one test each.  Also
the one argument order, enum normalisation, reprs and resolve_ticker's
options."""

import time

import pytest

import mitch
from conftest import needs_numpy, numpy

TID = 0x0305153138900000
TRADE = mitch.Trade(TID, 1.5, 10, 1).pack()
TRADE_MESSAGE = mitch.encode_message([mitch.Trade(TID, 1.5, 10, 1)], "t", 5)
HUGE = b"\x74" * (32 << 20)  # 32 MB


def quick(fn, *args, **kw):
    """The exception ``fn`` raises, and that it raised within a second."""
    start = time.perf_counter()
    with pytest.raises(mitch.MitchError) as err:
        fn(*args, **kw)
    assert time.perf_counter() - start < 1.0, "%s took too long" % fn
    return err.value


# -- bounded texts ----------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda big: mitch.to_dataframe("t", big),  # arguments swapped
    lambda big: mitch.unpack("t", big),
    lambda big: mitch.resolve_ticker(big.decode("latin-1")),
    lambda big: mitch.resolve_asset(big),
    lambda big: mitch.find_market_provider(big),
    lambda big: mitch.body_size(big.decode("latin-1")),
    lambda big: mitch.pack_trade(int.from_bytes(big[:1000], "little"), 1.0, 1, 1, 0),
    lambda big: mitch.Trade(TID, big.decode("latin-1"), 1, 1).pack(),
    lambda big: mitch.Trade(TID, 1.0, 1, 1, big.decode("latin-1")),
    lambda big: mitch.decode_array(big[:100], "t") if numpy is not None else
    mitch.stream_validate(big[:100]),
    lambda big: mitch.channel_id(1, big.decode("latin-1")),
    lambda big: mitch.resolve_ticker("EURUSD", big.decode("latin-1")),
])
def test_error_texts_quote_at_most_80_characters_of_any_input(call):
    err = quick(call, HUGE)
    assert len(str(err)) < 300, str(err)[:400]


def test_a_megabyte_query_names_the_limit():
    err = quick(mitch.resolve_ticker, "A" * 1_000_000)
    assert isinstance(err, ValueError) and err.status == 1
    assert "longer than 255 bytes" in str(err) and len(str(err)) < 120


def test_lengths_are_checked_before_anything_is_allocated():
    for count in (3 * 10 ** 7, 10 ** 9, 2 ** 62):
        err = quick(mitch.decode_batch, TRADE * 2, "t", count=count)
        assert isinstance(err, mitch.BufferTooSmallError)
        assert "need" in str(err)


# -- MitchErrors that are also built-ins --------------------------------------------------

def test_a_float_offset_is_a_type_error_not_a_ctypes_one():
    err = quick(mitch.unpack_trade, TRADE, 8.0)
    assert isinstance(err, TypeError) and isinstance(err, mitch.MitchTypeError)
    err = quick(mitch.flat.unpack_trade, bytearray(TRADE), 8.0)
    assert isinstance(err, TypeError)


def test_true_is_no_offset():
    for call in (mitch.unpack_trade, mitch.unpack_header, mitch.flat.unpack_trade):
        err = quick(call, bytearray(TRADE), True)
        assert isinstance(err, TypeError)


def test_a_number_too_large_for_its_field_is_an_overflow_error():
    err = quick(mitch.Trade(TID, 10 ** 400, 1, 1).pack)
    assert isinstance(err, OverflowError) and isinstance(err, ValueError)
    assert err.field == "price" and err.status == 6
    err = quick(mitch.Trade(TID, 1.0, 2 ** 32, 1).pack)
    assert isinstance(err, OverflowError) and err.field == "quantity"
    err = quick(mitch.pack_trade, TID, 1.0, 1, -1, 0)
    assert isinstance(err, OverflowError) and err.field == "trade_id"


def test_wrong_types_are_type_errors():
    for call in (lambda: mitch.Trade(TID, "1.5", 1, 1).pack(), lambda: mitch.unpack_trade("x"),
                 lambda: mitch.pack(42), lambda: mitch.encode_message([1, 2], "t"),
                 lambda: mitch.Trade(TID, 1.0, 1, 1, 1.5)):
        err = quick(call)
        assert isinstance(err, TypeError) and isinstance(err, mitch.MitchError)


# A numpy array where one number belongs has no __index__, no float() and
# no single truth value; each used to escape as numpy's ValueError, a
# ctypes.ArgumentError or a raw TypeError naming no argument.
@needs_numpy
@pytest.mark.parametrize("call,field", [
    (lambda a: mitch.unpack_trade(TRADE, a), "offset"),
    (lambda a: mitch.flat.unpack_trade(TRADE, a), "offset"),
    (lambda a: mitch.unpack(TRADE, "t", a), "offset"),
    (lambda a: mitch.pack_trade(a, 1.0, 1, 1, 0), "ticker_id"),
    (lambda a: mitch.flat.pack_trade(TID, 1.0, a, 1, 0), "quantity"),
    (lambda a: mitch.Trade(TID, a * 1.5, 1, 1).pack(), "price"),
    (lambda a: mitch.flat.pack_tick(TID, a * 1.5, 2.0, 1, 1), "bid_price"),
    (lambda a: mitch.Trade(TID, 1.0, 1, 1, a), "side"),
    (lambda a: mitch.decode_array(TRADE_MESSAGE, "t", copy=a), "copy"),
    (lambda a: mitch.decode_array(TRADE_MESSAGE, "t", with_timestamps=a), "with_timestamps"),
    (lambda a: mitch.host_dtype("t", with_timestamp=a), "with_timestamp"),
    (lambda a: mitch.raise_for_status(a, "x"), "status"),
    (lambda a: mitch.resolve_ticker("EURUSD", min_confidence=a * 0.8), "min_confidence"),
    (lambda a: mitch.resolve_ticker("EURUSD", exact=a), "exact"),
])
def test_an_array_where_one_value_belongs_is_a_type_error_naming_the_argument(call, field):
    err = quick(call, numpy.array([1, 2]))
    assert isinstance(err, mitch.MitchTypeError) and isinstance(err, TypeError)
    assert err.field is not None and err.field.endswith(field), (err.field, str(err))
    assert field in str(err) and len(str(err)) < 120


@needs_numpy
@pytest.mark.parametrize("call", [
    lambda a: mitch.pack_trade(a, 1.0, 1, 1, 0),
    lambda a: mitch.pack_tick(a, 1.0, 1.1, 1, 1),
    lambda a: mitch.pack_order(a, 1, 1.0, 1, 0, 0, 0),
])
def test_an_empty_array_as_a_number_warns_nothing_and_is_a_type_error(call):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy: "the truth value of an empty array"
        err = quick(call, numpy.array([], numpy.uint64))
    assert isinstance(err, mitch.MitchTypeError) and err.field == "ticker_id"


@needs_numpy
def test_a_numpy_integer_offset_works_and_fails_like_an_int():
    wire = numpy.frombuffer(b"\0" * 5 + TRADE, numpy.uint8)
    assert mitch.flat.unpack_trade(wire, numpy.int64(5)) == mitch.flat.unpack_trade(TRADE)
    assert mitch.unpack_trade(wire, numpy.int64(5)) == mitch.unpack_trade(TRADE)
    for call in (mitch.flat.unpack_trade, mitch.unpack_trade):
        err = quick(call, wire[:10], numpy.int64(5))  # the error path reads at the offset too
        assert isinstance(err, mitch.BufferTooSmallError) and err.offset == 5
        assert "5 bytes cannot hold 1 trade image of 32 bytes" in str(err)


def test_status_codes_are_ints():
    for status in (1.0, "1", None, [1]):
        err = quick(mitch.raise_for_status, status, "x")
        assert isinstance(err, mitch.MitchTypeError) and err.field == "status"
        with pytest.raises(mitch.MitchTypeError):
            mitch.exception_for_status(status)
    assert mitch.exception_for_status(True) is mitch.exception_for_status(1)  # bool is an int
    assert mitch.raise_for_status(0, "fine") is None


@pytest.mark.parametrize("call,what", [
    (lambda: mitch.encode_batch(5), "bodies"),
    (lambda: mitch.encode_batch("tt"), "bodies"),  # not two characters as two bodies
    (lambda: mitch.encode_message(5, "t"), "bodies"),
    (lambda: mitch.encode_message(TRADE, "t"), "bodies"),  # not 32 ints
    (lambda: mitch.encode_stream(5, "t"), "bodies"),
    (lambda: mitch.encode_ticker_ids(5), "fields"),
    (lambda: mitch.decode_ticker_ids(5), "ticker_ids"),
    (lambda: mitch.decode_ticker_ids("ab"), "ticker_ids"),
    (lambda: mitch.pack_order_book(TID, 1.0, 0, 5, [0] * 256), "bid_bins"),
    (lambda: mitch.flat.pack_order_book(TID, 1.0, 0, [0] * 256, None), "ask_bins"),
])
def test_a_sequence_argument_refuses_scalars_and_text(call, what):
    err = quick(call)
    assert isinstance(err, mitch.MitchTypeError) and isinstance(err, TypeError)
    assert str(err).startswith(what + " must be a sequence"), str(err)


def test_ticker_id_encoding_names_the_element_that_is_no_ticker_fields():
    err = quick(mitch.encode_ticker_ids, [mitch.TickerFields(0, 3, 1301, 3, 5001), 7])
    assert isinstance(err, TypeError) and "fields[1] must be a TickerFields, not int" in str(err)


def test_layout_keys_are_ids_or_names():
    assert mitch.layout("t") is mitch.layout(ord("t")) is mitch.layout("trade")
    for key in (b"t", {}, 1.0, None, True):
        err = quick(mitch.layout, key)
        assert isinstance(err, mitch.MitchTypeError) and isinstance(err, TypeError), key
    for missing in (lambda: mitch.layout("x" * 1_000_000), lambda: mitch.layout(250),
                    lambda: mitch.layout("trade").field("x" * 1_000_000)):
        err = quick(missing)
        # a mapping's missing key, and a MitchError; printed as a sentence
        assert isinstance(err, KeyError) and isinstance(err, mitch.NotFoundError)
        assert len(str(err)) < 200 and not str(err).startswith(("'", '"')), str(err)[:300]

def test_a_crossed_tick_names_both_prices_and_the_rule():
    err = quick(mitch.Tick(TID, 1.05, 1.02).pack)
    assert isinstance(err, mitch.InvalidFieldValueError)
    assert (err.field, err.other_field) == ("ask_price", "bid_price")
    assert err.rule == "a tick's bid must not exceed its ask"
    assert "bid_price 1.05 is above ask_price 1.02" in str(err)
    assert err.offset == 16  # where ask_price sits on the wire


# -- one argument order ----------------------------------------------------------------------

OLD_ORDER = [
    (lambda: mitch.unpack("t", TRADE), "unpack(data, message_type"),
    (lambda: mitch.decode_batch("t", TRADE), "decode_batch(data, message_type"),
    (lambda: mitch.encode_message("t", [mitch.Trade(TID, 1.0, 1, 1)], 5),
     "encode_message(bodies, message_type"),
    (lambda: mitch.encode_stream("t", [mitch.Trade(TID, 1.0, 1, 1)]),
     "encode_stream(bodies, message_type"),
    (lambda: mitch.stream_frame("t", TRADE), "stream_frame(bodies, message_type"),
    (lambda: mitch.validate_body(mitch.MessageType.TRADE, TRADE), "validate_body(data"),
    (lambda: mitch.stream_gather("t", TRADE), "stream_gather(data, message_type"),
    (lambda: mitch.decode_records(mitch.Trade, TRADE), "decode_records(data, message_type"),
]


@pytest.mark.parametrize("call,new", OLD_ORDER)
def test_the_old_type_first_order_is_a_type_error_naming_the_new_one(call, new):
    err = quick(call)
    assert isinstance(err, mitch.ArgumentOrderError) and isinstance(err, TypeError)
    assert new in str(err) and "mitch.flat keeps the C order" in str(err)


def test_the_new_order_everywhere():
    trade = mitch.Trade(TID, 1.0, 1, 1)
    wire = mitch.encode_message([trade], "t", 5)
    assert mitch.encode_message([trade], timestamp=5) == wire  # the type from the bodies
    assert mitch.unpack(TRADE, "t") == mitch.Trade(TID, 1.5, 10, 1)
    assert mitch.decode_batch(TRADE, "t") == [mitch.Trade(TID, 1.5, 10, 1)]
    assert mitch.stream_frame(trade.pack(), "t", 5) == wire
    assert mitch.stream_gather(wire, "t") == trade.pack()
    mitch.validate_body(TRADE, "t")
    # mitch.flat keeps the C order: the type first
    assert mitch.flat.pack_header("t", 5, 1) == wire[:8]
    assert mitch.flat.create_channel(101, "s") == mitch.channel_id(101, "s")


# -- values -----------------------------------------------------------------------------------

def test_enumerated_fields_are_members_whatever_was_given():
    assert mitch.Trade(TID, 1.0, 1, 1, side=1).side.name == "SELL"
    assert mitch.Trade(TID, 1.0, 1, 1, side="buy").side is mitch.OrderSide.BUY
    assert mitch.Header("t", 0, 1).message_type.code == "t"
    assert mitch.Header(b"s", 0, 1).message_type is mitch.MessageType.TICK
    order = mitch.Order(TID, 1, 1.0, 1, order_type=3, side=1)
    assert (order.order_type, order.side) == (mitch.OrderType.CANCEL, mitch.OrderSide.SELL)
    assert mitch.OrderBook(TID, 1.0, 2).bin_aggregator is mitch.BinAggregator.BILINGEO
    fields = mitch.TickerFields(0, 3, 1301, 3, 5001)
    assert fields.base_class is mitch.AssetClass.FOREX
    assert mitch.Channel(0x27300, 2, "s").msg_type is mitch.MessageType.TICK
    # a number the protocol does not define stays a number: libmitch refuses it
    bad = mitch.Trade(TID, 1.0, 1, 1, side=7)
    assert bad.side == 7 and not bad.is_valid()
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        mitch.Trade(TID, 1.0, 1, 1, side="long")
    assert "buy" in str(err.value)


def test_reprs_show_ticker_ids_in_hex_and_books_in_one_line():
    assert "ticker_id=0x305153138900000" in repr(mitch.Trade(TID, 1.0, 1, 1))
    assert "id=0x305153138900000" in repr(mitch.Ticker.from_id(TID))
    book = mitch.OrderBook(TID, 1.5, 1, [(i, i) for i in range(128)], [(1, 2)] * 128)
    text = repr(book)
    assert len(text) < 300 and "\n" not in text
    assert "127 non-empty, volume 8128" in text and "128 non-empty, volume 256" in text
    assert repr(mitch.unpack_order_book(book.pack())) == text


def test_a_decoded_book_is_a_book_like_any_other():
    book = mitch.OrderBook(TID, 1.5, 1, [(i, 2 * i) for i in range(128)], [(3, 4)] * 128)
    decoded = mitch.unpack_order_book(book.pack())
    assert decoded == book and decoded.pack() == book.pack()  # compared raw, not built
    decoded.bids[5].volume = 77  # the list is built on first read, and is the book's
    assert decoded.bids[5] == mitch.Bin(5, 77) and decoded != book
    assert mitch.unpack_order_book(decoded.pack()).bids[5].volume == 77
    decoded.asks = [mitch.Bin(1, 1)] * 127
    with pytest.raises(mitch.InvalidFieldValueError) as err:
        decoded.pack()
    assert err.value.field == "asks"
    decoded.asks = [(1, 1)] * 127 + [(1, 2 ** 32)]
    with pytest.raises(mitch.FieldOverflowError) as err:
        decoded.pack()
    assert "asks[127].volume" in str(err.value)


# -- resolve_ticker ---------------------------------------------------------------------------

def test_instrument_types_by_name_code_or_number():
    spot = mitch.resolve_ticker("EURUSD")
    assert spot.instrument_type is mitch.InstrumentType.SPOT
    for given in ("perp", "PERP", "Perpetual Swap", "perpetual_swap", 4,
                  mitch.InstrumentType.PERPETUAL_SWAP):
        assert mitch.resolve_ticker("EURUSD", given).instrument_type == \
            mitch.InstrumentType.PERPETUAL_SWAP, given
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.resolve_ticker("EURUSD", "perpetual future")


def test_min_confidence_only_raises_the_fuzzy_bar_and_exact_refuses_fuzzy_matches():
    fuzzy = mitch.resolve_ticker("EURTRY.a")
    assert 0.7 <= fuzzy.confidence < 1.0  # resolution.md's fuzzy step
    assert mitch.resolve_ticker("EURTRY.a", min_confidence=fuzzy.confidence).id == fuzzy.id
    with pytest.raises(mitch.NotFoundError) as err:
        mitch.resolve_ticker("EURTRY.a", min_confidence=0.9)
    assert "0.867" in str(err.value) and err.value.rule
    with pytest.raises(mitch.NotFoundError):
        mitch.resolve_ticker("EURTRY.a", exact=True)
    assert mitch.resolve_ticker("EURUSD.m", exact=True).confidence == 1.0
    for bad in (0.5, 1.5, float("nan")):
        with pytest.raises(mitch.InvalidFieldValueError):
            mitch.resolve_ticker("EURUSD", min_confidence=bad)


# -- from_ffi takes libmitch's structs only ------------------------------------------------

def test_from_ffi_refuses_look_alikes_that_would_poison_the_shared_registry_objects():
    from types import SimpleNamespace
    real = mitch.resolve_ticker("EURUSD").base
    fake = SimpleNamespace(asset_id=real.id, class_id=real.class_id, asset_class=3,
                           name=b"Not the euro", aliases=b"", symbol=b"XXX")
    err = quick(mitch.Asset.from_ffi, fake)
    assert isinstance(err, TypeError) and "AssetStruct" in str(err)
    assert mitch.resolve_ticker("EURUSD").base == real  # what the registry shares is intact
    for cls, arg in ((mitch.Trade, TRADE), (mitch.OrderBook, None), (mitch.Ticker, 5),
                     (mitch.TickerFields, {}), (mitch.MarketProvider, "Binance"),
                     (mitch.Header, TRADE[:16])):
        err = quick(cls.from_ffi, arg)
        assert isinstance(err, mitch.MitchTypeError) and "from_ffi takes a" in str(err)


def test_from_ffi_of_a_real_struct_gives_its_members_and_leaves_the_registry_alone():
    # A caller's struct with a registry id used to be stored as that id's
    # shared object (every later lookup answered with it), or answered
    # with the registry's object instead of the struct's members.
    import ctypes
    from mitch import _ffi
    euro = mitch.resolve_ticker("EURUSD").base
    binance = mitch.find_market_provider("Binance")
    keep = [ctypes.create_string_buffer(text) for text in (b"Not the euro", b"XXX", b"Not Binance")]
    name, symbol, provider_name = (ctypes.addressof(k) for k in keep)

    def fake_asset(struct):
        struct.asset_id, struct.class_id, struct.asset_class = euro.id, euro.class_id, 3
        struct.name, struct.symbol, struct.aliases = name, symbol, symbol
        return struct

    from mitch import registry
    for fresh in (True, False):  # converted first by from_ffi, or by the registry first
        if fresh:
            registry._ASSET_CACHE.clear(), registry._PROVIDER_CACHE.clear()
        else:
            assert mitch.resolve_ticker("EURUSD").base == euro
            assert mitch.find_market_provider("Binance") == binance
        asset = mitch.Asset.from_ffi(fake_asset(_ffi.AssetStruct()))
        assert (asset.name, asset.symbol, asset.aliases) == ("Not the euro", "XXX", ("XXX",))
        resolution = _ffi.ResolutionStruct()
        resolution.ticker_id, resolution.confidence = 5, 0.5
        fake_asset(resolution.base), fake_asset(resolution.quote)
        ticker = mitch.Ticker.from_ffi(resolution)
        assert ticker.base.name == ticker.quote.name == "Not the euro"
        provider = _ffi.ProviderStruct()
        provider.id, provider.name = binance.id, provider_name
        assert mitch.MarketProvider.from_ffi(provider).name == "Not Binance"
        assert mitch.get_asset_packed(euro.id) == euro
        assert mitch.get_market_provider(binance.id) == binance
    assert mitch.get_asset_packed(euro.id) == euro
    assert mitch.resolve_ticker("EURUSD").base == euro
    assert mitch.Ticker.from_id(mitch.resolve_ticker("EURUSD").id).base == euro
    assert mitch.find_market_provider("Binance") == binance


def test_from_ffi_array_counts_are_checked_against_the_array():
    from mitch import _ffi
    arr = (_ffi.STRUCTS["mitch_trade"] * 2)()
    assert mitch.Trade.from_ffi_array(arr, 2) == [mitch.Trade(0, 0.0, 0, 0)] * 2
    for n, error in ((3, mitch.BufferTooSmallError), (-1, mitch.BufferTooSmallError),
                     (1.0, mitch.MitchTypeError)):
        assert isinstance(quick(mitch.Trade.from_ffi_array, arr, n), error), n
    assert isinstance(quick(mitch.Trade.from_ffi_array, bytes(64), 2), mitch.MitchTypeError)


def test_a_channel_says_one_thing():
    """Channel(id, provider, msg_type) repeats the id's two parts: a triple
    that disagrees would publish on another channel than it names."""
    assert mitch.Channel(0x27300, 2, "s") == mitch.Channel.create(2, "s")
    for fields in ((1, 2, "s"), (0x27300, 3, "s"), (0x27300, 2, "t")):
        err = quick(mitch.Channel, *fields)
        assert isinstance(err, mitch.InvalidChannelIdError) and err.field == "id", fields
        assert "0x27300" in str(err) or "0x37300" in str(err) or "0x27400" in str(err)
    assert isinstance(quick(mitch.Channel, "0x27300", 2, "s"), mitch.MitchTypeError)
    assert isinstance(quick(mitch.Channel, 0x27300, 2, "x"), mitch.InvalidMessageTypeError)
