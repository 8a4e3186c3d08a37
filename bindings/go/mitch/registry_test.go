package mitch_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

func TestResolveTicker(t *testing.T) {
	tk, err := mitch.ResolveTicker("EURUSD.m", mitch.Spot)
	if err != nil {
		t.Fatal(err)
	}
	if tk.TickerID != eurusd || tk.Base.Name != "Euro" || tk.Quote.Name != "US Dollar" ||
		tk.Base.AssetClass != mitch.ClassForex || tk.Base.ClassID != 1301 || tk.Confidence != 1 || tk.Steps == "" {
		t.Errorf("%+v", tk)
	}
	for _, c := range []struct {
		symbol string
		typ    mitch.InstrumentType
		want   error
	}{
		{"", mitch.Spot, mitch.ErrInvalidData},
		{strings.Repeat("A", 1<<20), mitch.Spot, mitch.ErrInvalidData},
		{strings.Repeat("Q", mitch.QueryMax), mitch.Spot, mitch.ErrNotFound},
		{strings.Repeat("Q", mitch.QueryMax+1), mitch.Spot, mitch.ErrInvalidData},
		{"EURUSD\x00GBP", mitch.Spot, mitch.ErrInvalidData}, // C would resolve "EURUSD"
		{"EURUSD", 16, mitch.ErrInvalidFieldValue},
		{"USD", mitch.Spot, mitch.ErrNotFound},
	} {
		if _, err := mitch.ResolveTicker(c.symbol, c.typ); !errors.Is(err, c.want) {
			name := c.symbol
			if len(name) > 20 {
				name = name[:20] + "..."
			}
			t.Errorf("%q: %v, want %v", name, err, c.want)
		} else if len(err.Error()) > 200 {
			t.Errorf("the error echoes its input: %d bytes", len(err.Error()))
		}
	}
}

func TestAssetsAndProviders(t *testing.T) {
	a, conf, err := mitch.FindAsset("BTC", mitch.DefaultMinConfidence)
	if err != nil || a.Name != "Bitcoin" || a.AssetClass != mitch.ClassCrypto || a.ClassID != 2701 || conf != 1 {
		t.Errorf("BTC: %+v %v %v", a, conf, err)
	}
	if _, _, err := mitch.FindAssetInClass("BTC", mitch.ClassForex, 0.99); !errors.Is(err, mitch.ErrNotFound) {
		t.Errorf("BTC in forex: %v", err)
	}
	if _, _, err := mitch.FindAsset("BTC", math.NaN()); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("NaN confidence: %v", err)
	}
	if _, _, err := mitch.FindAsset("\xff\xfe\xc3", 0.8); err == nil {
		t.Error("invalid UTF-8 matched something")
	}
	got, err := mitch.GetAsset(mitch.ClassCrypto, 2701)
	if err != nil || got.Name != "Bitcoin" || got.Symbol != "BTC" {
		t.Errorf("GetAsset: %+v %v", got, err)
	}
	packed, err := mitch.PackAsset(mitch.ClassCrypto, 2701)
	if err != nil || packed != 6<<16|2701 || packed != got.AssetID {
		t.Errorf("PackAsset: %#x %v", packed, err)
	}
	if back, err := mitch.GetAssetPacked(packed); err != nil || back != got {
		t.Errorf("GetAssetPacked: %+v %v", back, err)
	}
	fx, err := mitch.Assets(mitch.ClassForex)
	if err != nil || len(fx) < 10 || fx[0].AssetClass != mitch.ClassForex {
		t.Errorf("Assets(forex): %d, %v", len(fx), err)
	}
	p, _, err := mitch.FindProvider("Binance", 0.8)
	if err != nil || p.ID != 101 || p.Name != "Binance" {
		t.Errorf("Binance: %+v %v", p, err)
	}
	if q, err := mitch.GetProvider(101); err != nil || q != p {
		t.Errorf("GetProvider: %+v %v", q, err)
	}
	if all := mitch.Providers(); len(all) < 100 || all[0].ID > all[1].ID {
		t.Errorf("Providers: %d", len(all))
	}
	if info, err := mitch.AssetClassInfo(mitch.ClassForex); err != nil || info.Code != "FX" {
		t.Errorf("AssetClassInfo: %+v %v", info, err)
	}
	if s := mitch.ClassForex.String(); s != "Forex" {
		t.Errorf("ClassForex.String() = %q", s)
	}
	if key, err := mitch.NameKey("Apple Inc."); err != nil || key != "apple" {
		t.Errorf("NameKey: %q %v", key, err)
	}
	if s, err := mitch.JaroWinkler("MARTHA", "MARHTA"); err != nil || s < 0.9 || s > 1 {
		t.Errorf("JaroWinkler: %v %v", s, err)
	}
}

func TestTickerIDsAndChannels(t *testing.T) {
	f := mitch.DecodeTickerID(eurusd)
	want := mitch.TickerFields{InstrumentType: mitch.Spot, BaseClass: mitch.ClassForex, BaseID: 1301,
		QuoteClass: mitch.ClassForex, QuoteID: 5001}
	if f != want {
		t.Errorf("DecodeTickerID: %+v", f)
	}
	if id, err := mitch.EncodeTickerID(f); id != eurusd || err != nil {
		t.Errorf("EncodeTickerID: %#x %v", id, err)
	}
	f.SubType = mitch.SubTypeMax + 1
	if _, err := mitch.EncodeTickerID(f); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("a 21-bit sub-type: %v", err)
	}
	if err := mitch.ValidateTickerID(eurusd); err != nil || !mitch.IsForex(eurusd) || mitch.IsCrypto(eurusd) {
		t.Errorf("ValidateTickerID: %v", err)
	}
	id, err := mitch.ChannelID(101, mitch.MsgTick)
	if err != nil || id != 6648576 {
		t.Errorf("ChannelID: %d %v", id, err)
	}
	if _, err := mitch.ChannelID(101, 'q'); !errors.Is(err, mitch.ErrInvalidMessageType) {
		t.Errorf("ChannelID('q'): %v", err)
	}
	if c, err := mitch.DecodeChannel(id); err != nil || c.ProviderID != 101 || c.MessageType != mitch.MsgTick {
		t.Errorf("DecodeChannel: %+v %v", c, err)
	}
	if err := mitch.ValidateChannel(id + 1); !errors.Is(err, mitch.ErrInvalidChannelID) {
		t.Errorf("ValidateChannel: %v", err)
	}
}

func TestMetricsAndBins(t *testing.T) {
	tk := aTick()
	m := tk.Metrics()
	if m.TotalVolume != 400 || math.Abs(m.Mid-1.0875) > 1e-12 || m.Imbalance != 0.5 {
		t.Errorf("tick metrics %+v", m)
	}
	x := anIndex()
	if band := x.Metrics().ConfidenceBand; band != "high" {
		t.Errorf("confidence band %q", band)
	}
	b := aBook()
	if tot := b.Totals(); tot.BidCount != 127*128/2 || tot.AskCount != 128*129/2 {
		t.Errorf("totals %+v", tot)
	}
	ends, err := mitch.BinTable(mitch.LinGaussian)
	if err != nil || len(ends) != 128 || ends[127] < ends[0] {
		t.Errorf("BinTable: %v", err)
	}
	if _, err := mitch.BinTable(9); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("BinTable(9): %v", err)
	}
	if s := mitch.LinGaussian.String(); s != "DEFAULT_LINGAUSSIAN" {
		t.Errorf("name %q", s)
	}
	if bin, err := mitch.BinForPrice(100, mitch.LinGaussian, mitch.Ask, 100); bin != 0 || err != nil {
		t.Errorf("BinForPrice(mid): %d %v", bin, err)
	}
	if _, err := mitch.BinForPrice(100, mitch.LinGaussian, mitch.Ask, 99); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("an ask below mid: %v", err)
	}
	if start, end, err := mitch.BinPriceRange(100, mitch.LinGaussian, mitch.Bid, 0); err != nil || start != 100 || end > 100 {
		t.Errorf("BinPriceRange: %v %v %v", start, end, err)
	}
}

func TestVersions(t *testing.T) {
	if mitch.Version() != mitch.HeaderVersion || mitch.ProtocolVersion() == "" {
		t.Errorf("library %s, header %s", mitch.Version(), mitch.HeaderVersion)
	}
	if err := mitch.CheckLibrary(); err != nil {
		t.Error(err)
	}
	if !strings.Contains(mitch.LibraryFile(), "libmitch") {
		t.Errorf("LibraryFile() = %q", mitch.LibraryFile())
	}
}

// A bin or a book side wider than C's unsigned / int is refused, not cut
// to 32 bits (bin 1<<32 + 5 was bin 5, side 1<<32 + 1 was the ask side).
func TestBinArgumentsTooWideForCAreRefused(t *testing.T) {
	if strconv.IntSize < 64 {
		t.Skip("int cannot hold 1<<32 here")
	}
	var wide int64 = 1<<32 + 5
	if _, _, err := mitch.BinPriceRange(100, mitch.LinGaussian, mitch.Bid, 5); err != nil {
		t.Fatalf("bin 5: %v", err)
	}
	if _, _, err := mitch.BinPriceRange(100, mitch.LinGaussian, mitch.Bid, int(wide)); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("BinPriceRange(bin 1<<32 + 5): %v", err)
	}
	side := mitch.BookSide(wide - 4) // 1<<32 + 1
	if _, _, err := mitch.BinPriceRange(100, mitch.LinGaussian, side, 5); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("BinPriceRange(side 1<<32 + 1): %v", err)
	}
	if _, err := mitch.BinForPrice(100, mitch.LinGaussian, side, 100); !errors.Is(err, mitch.ErrInvalidFieldValue) {
		t.Errorf("BinForPrice(side 1<<32 + 1): %v", err)
	}
	var e *mitch.Error
	if _, err := mitch.BinForPrice(100, mitch.LinGaussian, side, 100); !errors.As(err, &e) || e.Field != "side" {
		t.Errorf("the error does not name the side: %v", err)
	}
}
