"""Registry and resolution (the registry issue's C tests, through Python):
enumeration against the project's data/*.tsv, lookups by id and name, the
resolver's examples from resolution.md, and the flat functions' truncation."""

import pytest

import mitch
from mitch import AssetClass, InstrumentType
from conftest import TOP_SRCDIR


def data_rows(name):
    """Rows of data/<name>.tsv as dicts (comment lines skipped)."""
    lines = [l for l in (TOP_SRCDIR / "data" / name).read_text(encoding="utf-8").splitlines()
             if l and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t") + [""] * (len(header) - len(l.split("\t")))))
            for l in lines[1:]]


def test_assets_enumerate_like_the_data_file():
    expected = {}
    for row in data_rows("assets.tsv"):
        expected.setdefault(int(row["class"]), []).append(row)
    for cls in range(16):
        rows = expected.get(cls, [])
        assert mitch.asset_count(cls) == len(rows), cls
        got = list(mitch.assets(cls))
        assert [(a.class_id, a.name) for a in got] == [(int(r["id"]), r["name"]) for r in rows]
        for a, r in zip(got, rows):
            aliases = tuple(x.strip() for x in r["aliases"].split("|")) if r["aliases"] else ()
            assert a.aliases == aliases, r
            assert a.symbol == (aliases[0] if aliases else "")
            assert a.id == (cls << 16) | a.class_id and a.asset_class == cls
    assert sum(len(v) for v in expected.values()) > 1000


def test_asset_lookup_by_id():
    eur = mitch.get_asset(AssetClass.FOREX, 1301)
    assert (eur.name, eur.symbol, eur.id) == ("Euro", "EUR", (3 << 16) | 1301)
    assert mitch.get_asset_packed(eur.id) == eur
    assert mitch.flat.get_asset_by_id(3, 1301) == (eur.id, "Euro", "|".join(eur.aliases))
    # both copies of a duplicate entry stay addressable
    assert mitch.get_asset(0, 3971).name == mitch.get_asset(0, 13901).name \
        == "The Walt Disney Company"
    with pytest.raises(mitch.NotFoundError):
        mitch.get_asset(3, 2)
    with pytest.raises(mitch.InvalidDataError):  # the flat ABI says 1 for "not found"
        mitch.flat.get_asset_by_id(3, 2)


def test_flat_names_are_cut_at_character_boundaries():
    name = "Polish Złoty"
    assert mitch.get_asset(3, 3401).name == name
    full = name.encode("utf-8")
    for length in range(0, len(full) + 2):
        _, got, _ = mitch.flat.get_asset_by_id(3, 3401, name_len=length)
        raw = got.encode("utf-8")
        assert full.startswith(raw) and len(raw) <= max(length - 1, 0)
        if length > len(full):
            assert got == name
    # "Polish Z" + half of "ł" does not fit 10 bytes with the NUL: cut before it
    assert mitch.flat.get_asset_by_id(3, 3401, name_len=10)[1] == "Polish Z"
    assert mitch.flat.get_asset_by_id(3, 3401, aliases_len=0)[2] == ""


def test_class_and_instrument_type_tables():
    for row in data_rows("asset-classes.tsv"):
        info = mitch.asset_class_info(int(row["id"]))
        assert (info.id, info.name, info.code) == (int(row["id"]), row["name"], row["code"])
    assert mitch.asset_class_info(15).name == "*Reserved*"
    assert mitch.asset_class_info(AssetClass.INDICES).code == "IP"  # indices are class 10
    for row in data_rows("instrument-types.tsv"):
        info = mitch.instrument_type_info(int(row["id"]))
        assert (info.name, info.code) == (row["name"], row["code"])
    assert mitch.instrument_type_info(InstrumentType.PERPETUAL_SWAP).code == "PERP"
    with pytest.raises(mitch.MitchError):
        mitch.asset_class_info(16)


def test_providers_enumerate_like_the_data_file():
    rows = data_rows("providers.tsv")
    providers = mitch.market_providers()
    assert mitch.market_provider_count() == len(rows) == len(providers)
    assert [(p.id, p.name) for p in providers] == [(int(r["id"]), r["name"]) for r in rows]
    assert mitch.get_all_market_providers() == [p.id for p in providers]
    assert mitch.get_market_provider(101).name == "Binance"
    with pytest.raises(mitch.NotFoundError):
        mitch.get_market_provider(0)
    with pytest.raises(mitch.InvalidDataError):
        mitch.flat.get_market_provider_by_id(0)


@pytest.mark.parametrize("query,name", [
    ("NYSE", "New York Stock Exchange"), ("IBKR", "Interactive Brokers"),
    ("interactive brokers", "Interactive Brokers"), ("InteractiveBrokers", "Interactive Brokers"),
    ("LSE", "London Stock Exchange"), ("HKEX", "Hong Kong Stock Exchange"),
    ("SGX", "Singapore Exchange"), ("TSE", "Tokyo Stock Exchange")])
def test_provider_abbreviations(query, name):
    assert mitch.find_market_provider(query).name == name


def test_provider_fuzzy():
    provider, confidence = mitch.match_market_provider("Binanse", 0.8)
    assert provider.name == "Binance" and 0.8 <= confidence < 1.0
    with pytest.raises(mitch.NotFoundError):
        mitch.find_market_provider("Binanse", 0.999)


def test_asset_resolution():
    asset, confidence = mitch.match_asset("Etherium", 0.8)
    assert asset.name == "Ethereum" and 0.8 <= confidence < 1.0
    assert mitch.resolve_asset("Apple Inc.").name.startswith("Apple")
    assert mitch.resolve_asset("BTC").asset_class == AssetClass.CRYPTO
    assert mitch.match_asset("BTC")[1] == 1.0
    assert mitch.resolve_asset("Bitcoin", asset_class=AssetClass.CRYPTO).class_id == 2701
    with pytest.raises(mitch.NotFoundError):
        mitch.resolve_asset("Bitcoin", asset_class=AssetClass.EQUITIES, min_confidence=0.95)


@pytest.mark.parametrize("symbol,base,quote", [
    ("GBPJPY", "GBP", "JPY"), ("USDTRY", "USD", "TRY"), ("EURNOK", "EUR", "NOK"),
    ("BTCUSDT", "BTC", "USDT"), ("LINK/ETH", "LINK", "ETH"), ("EURUSDm", "EUR", "USD"),
    ("EURUSD.cash", "EUR", "USD"), ("_EURUSDc", "EUR", "USDC")])
def test_ticker_examples_of_resolution_md(symbol, base, quote):
    t = mitch.resolve_ticker(symbol)
    assert (t.base.symbol, t.quote.symbol) == (base, quote)
    assert t.id == mitch.create_ticker_id(0, t.base.asset_class, t.base.class_id,
                                          t.quote.asset_class, t.quote.class_id, 0)
    assert t.instrument_type == InstrumentType.SPOT and t.sub_type == 0


def test_ticker_steps_and_instrument_type():
    t = mitch.resolve_ticker("EURUSD.cash", InstrumentType.CFD)
    assert t.instrument_type == InstrumentType.CFD
    assert t.id >> 60 == 5
    assert "stripped" in t.steps and "cash" in t.steps
    assert "split" in mitch.resolve_ticker("EUR/USD").steps


def test_ticker_errors():
    with pytest.raises(mitch.InvalidDataError):
        mitch.resolve_ticker("")
    with pytest.raises(mitch.InvalidDataError):
        mitch.resolve_ticker("^.")  # cleans to nothing
    with pytest.raises(mitch.NotFoundError):
        mitch.resolve_ticker("USD")  # base == quote
    with pytest.raises(mitch.InvalidFieldValueError):
        mitch.resolve_ticker("EURUSD", 16)
    with pytest.raises(mitch.InvalidDataError):
        mitch.resolve_ticker("E" * 256)
    with pytest.raises(mitch.InvalidDataError):
        mitch.flat.resolve_ticker("", 0)


def test_name_key_examples():
    assert mitch.name_key("Apple Inc.") == "apple"
    assert mitch.name_key("S&P 500") == "sp500"
    assert mitch.name_key("BRK-B") == "brkb"
    assert mitch.name_key("Microsoft Corporation") == "microsoft"
    assert mitch.name_key("3M Company") == "3m"
    assert mitch.name_key("XAG") == "xag"
    assert mitch.name_key("Estée") == "estée"
    assert mitch.name_key(b"Est\xe9e") == b"est\xe9e"  # bytes in, bytes out (not UTF-8)


def test_jaro_winkler_known_values():
    assert mitch.jaro_winkler("abc", "abc") == 1.0
    assert mitch.jaro_winkler("", "abc") == 0.0
    # textbook pairs; the prefix bonus applies whatever the Jaro score
    assert mitch.jaro_winkler("MARTHA", "MARHTA") == pytest.approx(0.9611, abs=1e-4)
    assert mitch.jaro_winkler("DIXON", "DICKSONX") == pytest.approx(0.8133, abs=1e-4)
    assert mitch.jaro_winkler("martha", "MARTHA") < 1.0  # case-sensitive


def test_ticker_from_id():
    t = mitch.Ticker.from_id(0x0305153138900000)
    assert (t.name, t.base.name, t.quote.name, t.sub_type) == ("EUR/USD", "Euro", "US Dollar", 0)
    assert t.instrument_type == InstrumentType.SPOT
    odd = mitch.create_ticker_id(7, 3, 1301, 14, 3, 99)  # a quote the registry lacks
    t = mitch.ticker_from_id(odd)
    assert (t.quote.asset_class, t.quote.class_id, t.quote.name, t.quote.symbol) == (14, 3, "", "")
    assert t.base.symbol == "EUR" and t.name == "" and t.sub_type == 99
    assert t.instrument_type == InstrumentType.PUT_OPTION
