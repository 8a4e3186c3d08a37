package mitch

/*
#include <string.h>
#include "glue.h"

// A Go string as the C registry wants it: NUL-terminated, on the C stack.
// Longer than MITCH_QUERY_MAX or holding a NUL byte (where C would cut the
// query short and look up something else) is MITCH_ERR_INVALID_DATA.
static int mitchgo_query(_GoString_ s, char *out) {
  size_t n = _GoStringLen(s);
  const char *p = _GoStringPtr(s);
  if (n > MITCH_QUERY_MAX || (n && memchr(p, 0, n)))
    return MITCH_ERR_INVALID_DATA;
  if (n)
    memcpy(out, p, n);
  out[n] = '\0';
  return MITCH_OK;
}

typedef struct { int status; mitch_resolution value; } mitchgo_resolution_result;
static mitchgo_resolution_result mitchgo_resolve(_GoString_ symbol, uint8_t type) {
  mitchgo_resolution_result r;
  char q[MITCH_QUERY_MAX + 1];
  memset(&r, 0, sizeof r);
  r.status = mitchgo_query(symbol, q);
  if (r.status == MITCH_OK)
    r.status = mitch_resolve(q, type, &r.value);
  return r;
}

typedef struct { int status; mitch_asset value; double confidence; } mitchgo_asset_result;
static mitchgo_asset_result mitchgo_asset_find(_GoString_ query, int class_filter, double min) {
  mitchgo_asset_result r;
  char q[MITCH_QUERY_MAX + 1];
  memset(&r, 0, sizeof r);
  r.status = mitchgo_query(query, q);
  if (r.status == MITCH_OK)
    r.status = mitch_asset_find(q, class_filter, min, &r.value, &r.confidence);
  return r;
}
static mitchgo_asset_result mitchgo_asset_get(uint8_t cls, uint16_t id) {
  mitchgo_asset_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_asset_get(cls, id, &r.value);
  return r;
}
static mitchgo_asset_result mitchgo_asset_get_packed(uint32_t id) {
  mitchgo_asset_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_asset_get_packed(id, &r.value);
  return r;
}
static mitchgo_asset_result mitchgo_asset_at(uint8_t cls, size_t i) {
  mitchgo_asset_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_asset_at(cls, i, &r.value);
  return r;
}

typedef struct { int status; mitch_provider value; double confidence; } mitchgo_provider_result;
static mitchgo_provider_result mitchgo_provider_find(_GoString_ query, double min) {
  mitchgo_provider_result r;
  char q[MITCH_QUERY_MAX + 1];
  memset(&r, 0, sizeof r);
  r.status = mitchgo_query(query, q);
  if (r.status == MITCH_OK)
    r.status = mitch_provider_find(q, min, &r.value, &r.confidence);
  return r;
}
static mitchgo_provider_result mitchgo_provider_get(uint16_t id) {
  mitchgo_provider_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_provider_get(id, &r.value);
  return r;
}
static mitchgo_provider_result mitchgo_provider_at(size_t i) {
  mitchgo_provider_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_provider_at(i, &r.value);
  return r;
}

typedef struct { int status; mitch_class_info value; } mitchgo_class_result;
static mitchgo_class_result mitchgo_asset_class_get(uint8_t cls) {
  mitchgo_class_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_asset_class_get(cls, &r.value);
  return r;
}
static mitchgo_class_result mitchgo_instrument_type_get(uint8_t type) {
  mitchgo_class_result r;
  memset(&r, 0, sizeof r);
  r.status = mitch_instrument_type_get(type, &r.value);
  return r;
}

typedef struct { int status; size_t len; char key[MITCH_QUERY_MAX + 1]; } mitchgo_key_result;
static mitchgo_key_result mitchgo_name_key(_GoString_ name) {
  mitchgo_key_result r;
  char q[MITCH_QUERY_MAX + 1];
  memset(&r, 0, sizeof r);
  r.status = mitchgo_query(name, q);
  if (r.status == MITCH_OK)
    r.status = mitch_name_key(q, r.key, sizeof r.key, &r.len);
  return r;
}

typedef struct { int status; double score; } mitchgo_score_result;
static mitchgo_score_result mitchgo_jaro_winkler(_GoString_ a, _GoString_ b) {
  mitchgo_score_result r = {0, 0};
  char qa[MITCH_QUERY_MAX + 1], qb[MITCH_QUERY_MAX + 1];
  r.status = mitchgo_query(a, qa);
  if (r.status == MITCH_OK)
    r.status = mitchgo_query(b, qb);
  if (r.status == MITCH_OK)
    r.status = mitch_jaro_winkler(qa, qb, &r.score);
  return r;
}
*/
import "C"

// DefaultMinConfidence is the fuzzy-match threshold the registry's own
// tools use.
const DefaultMinConfidence = 0.8

// QueryMax is the longest query, in bytes, the registry accepts.
const QueryMax = C.MITCH_QUERY_MAX

// Asset is a registry asset; names are the registry's own ("US Dollar").
type Asset struct {
	AssetID    uint32 // packed: (AssetClass << 16) | ClassID
	ClassID    uint16
	AssetClass AssetClass
	Name       string
	Symbol     string // the primary symbol, "" if none
	Aliases    string // every alias, '|'-separated
}

func assetOf(a *C.mitch_asset) Asset {
	return Asset{uint32(a.asset_id), uint16(a.class_id), AssetClass(a.asset_class),
		C.GoString(a.name), C.GoString(a.symbol), C.GoString(a.aliases)}
}

// Ticker is what a trading symbol resolves to.
type Ticker struct {
	TickerID       uint64
	InstrumentType InstrumentType
	Base, Quote    Asset
	Confidence     float64 // 1.0 for exact legs, else the fuzzy score
	Steps          string  // what the resolver did: "stripped \".m\"; ..."
}

// ResolveTicker resolves a symbol as traders type it ("EURUSD.m",
// "BTC-USDT", "^SPX") to its ticker id and legs: ErrInvalidData (empty, too
// long, cleans to nothing), ErrInvalidFieldValue (type > 15), ErrNotFound
// (no match, or base == quote).
func ResolveTicker(symbol string, t InstrumentType) (Ticker, error) {
	r := C.mitchgo_resolve(symbol, C.uint8_t(t))
	if r.status != C.MITCH_OK {
		return Ticker{}, statusError("ResolveTicker", r.status)
	}
	v := &r.value
	return Ticker{uint64(v.ticker_id), InstrumentType(v.instrument_type), assetOf(&v.base),
		assetOf(&v.quote), float64(v.confidence), C.GoString(&v.steps[0])}, nil
}

// FindAsset finds an asset by name or symbol ("BTC", "Apple Inc.",
// "Etherium"): exact key, cleaned key, then fuzzy at or above
// minConfidence.  It also returns the confidence (1.0 when exact).
func FindAsset(query string, minConfidence float64) (Asset, float64, error) {
	return findAsset(query, -1, minConfidence)
}

// FindAssetInClass is FindAsset within one asset class.
func FindAssetInClass(query string, class AssetClass, minConfidence float64) (Asset, float64, error) {
	return findAsset(query, C.int(class), minConfidence)
}

func findAsset(query string, class C.int, min float64) (Asset, float64, error) {
	r := C.mitchgo_asset_find(query, class, C.double(min))
	if r.status != C.MITCH_OK {
		return Asset{}, 0, statusError("FindAsset", r.status)
	}
	return assetOf(&r.value), float64(r.confidence), nil
}

// GetAsset is the asset with an id in a class.
func GetAsset(class AssetClass, id uint16) (Asset, error) {
	r := C.mitchgo_asset_get(C.uint8_t(class), C.uint16_t(id))
	if r.status != C.MITCH_OK {
		return Asset{}, statusError("GetAsset", r.status)
	}
	return assetOf(&r.value), nil
}

// GetAssetPacked is the asset with a packed id.
func GetAssetPacked(id uint32) (Asset, error) {
	r := C.mitchgo_asset_get_packed(C.uint32_t(id))
	if r.status != C.MITCH_OK {
		return Asset{}, statusError("GetAssetPacked", r.status)
	}
	return assetOf(&r.value), nil
}

// Assets are the assets of a class, in id order.
func Assets(class AssetClass) ([]Asset, error) {
	n := int(C.mitch_asset_count(C.uint8_t(class)))
	out := make([]Asset, 0, n)
	for i := 0; i < n; i++ {
		r := C.mitchgo_asset_at(C.uint8_t(class), C.size_t(i))
		if r.status != C.MITCH_OK {
			return out, statusError("Assets", r.status)
		}
		out = append(out, assetOf(&r.value))
	}
	return out, nil
}

// ClassInfo names an asset class or instrument type ("Forex", "FX").
type ClassInfo struct {
	ID   uint8
	Name string
	Code string // "" for reserved ones
}

// AssetClassInfo describes an asset class (0..15, reserved ones included).
func AssetClassInfo(c AssetClass) (ClassInfo, error) {
	r := C.mitchgo_asset_class_get(C.uint8_t(c))
	if r.status != C.MITCH_OK {
		return ClassInfo{}, statusError("AssetClassInfo", r.status)
	}
	return ClassInfo{uint8(r.value.id), C.GoString(r.value.name), C.GoString(r.value.code)}, nil
}

// InstrumentTypeInfo describes an instrument type (0..15).
func InstrumentTypeInfo(t InstrumentType) (ClassInfo, error) {
	r := C.mitchgo_instrument_type_get(C.uint8_t(t))
	if r.status != C.MITCH_OK {
		return ClassInfo{}, statusError("InstrumentTypeInfo", r.status)
	}
	return ClassInfo{uint8(r.value.id), C.GoString(r.value.name), C.GoString(r.value.code)}, nil
}

// Provider is a market-data provider of the registry.
type Provider struct {
	ID            uint16
	Name          string // "New York Stock Exchange"
	Abbreviations string // '|'-separated, "" if none
}

func providerOf(p *C.mitch_provider) Provider {
	return Provider{uint16(p.id), C.GoString(p.name), C.GoString(p.abbreviations)}
}

// FindProvider finds a provider by name or abbreviation ("NYSE",
// "Binanse"); it also returns the confidence.
func FindProvider(query string, minConfidence float64) (Provider, float64, error) {
	r := C.mitchgo_provider_find(query, C.double(minConfidence))
	if r.status != C.MITCH_OK {
		return Provider{}, 0, statusError("FindProvider", r.status)
	}
	return providerOf(&r.value), float64(r.confidence), nil
}

// GetProvider is the provider with an id.
func GetProvider(id uint16) (Provider, error) {
	r := C.mitchgo_provider_get(C.uint16_t(id))
	if r.status != C.MITCH_OK {
		return Provider{}, statusError("GetProvider", r.status)
	}
	return providerOf(&r.value), nil
}

// Providers are all providers, in id order.
func Providers() []Provider {
	n := int(C.mitch_provider_count())
	out := make([]Provider, 0, n)
	for i := 0; i < n; i++ {
		if r := C.mitchgo_provider_at(C.size_t(i)); r.status == C.MITCH_OK {
			out = append(out, providerOf(&r.value))
		}
	}
	return out
}

// NameKey is the resolver's comparison key of a name ("Apple Inc." -> "apple").
func NameKey(name string) (string, error) {
	r := C.mitchgo_name_key(name)
	if r.status != C.MITCH_OK {
		return "", statusError("NameKey", r.status)
	}
	return C.GoStringN(&r.key[0], C.int(r.len)), nil
}

// JaroWinkler is the similarity (0..1) of two byte strings, as the
// resolver computes it.
func JaroWinkler(a, b string) (float64, error) {
	r := C.mitchgo_jaro_winkler(a, b)
	if r.status != C.MITCH_OK {
		return 0, statusError("JaroWinkler", r.status)
	}
	return float64(r.score), nil
}
