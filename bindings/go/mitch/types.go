package mitch

/*
#include "glue.h"
*/
import "C"

import "strconv"

// MessageType is a message's type byte (case-sensitive ASCII).
type MessageType byte

// The five message types.
const (
	MsgTrade     MessageType = C.MITCH_MSG_TRADE
	MsgOrder     MessageType = C.MITCH_MSG_ORDER
	MsgTick      MessageType = C.MITCH_MSG_TICK
	MsgIndex     MessageType = C.MITCH_MSG_INDEX
	MsgOrderBook MessageType = C.MITCH_MSG_ORDER_BOOK
)

// String is the type byte itself ("t"), or its number for other bytes.
func (t MessageType) String() string {
	if t >= 0x21 && t < 0x7f {
		return string(rune(t))
	}
	return "MessageType(" + strconv.Itoa(int(t)) + ")"
}

// Side is a trade's aggressor side or an order's side.
type Side uint8

// Sides.
const (
	Buy  Side = C.MITCH_SIDE_BUY
	Sell Side = C.MITCH_SIDE_SELL
)

func (s Side) String() string {
	switch s {
	case Buy:
		return "buy"
	case Sell:
		return "sell"
	}
	return "Side(" + strconv.Itoa(int(s)) + ")"
}

// OrderType is an order's type (7 bits on the wire).
type OrderType uint8

// Order types.
const (
	Market OrderType = C.MITCH_ORDER_MARKET
	Limit  OrderType = C.MITCH_ORDER_LIMIT
	Stop   OrderType = C.MITCH_ORDER_STOP
	Cancel OrderType = C.MITCH_ORDER_CANCEL
)

func (t OrderType) String() string {
	switch t {
	case Market:
		return "market"
	case Limit:
		return "limit"
	case Stop:
		return "stop"
	case Cancel:
		return "cancel"
	}
	return "OrderType(" + strconv.Itoa(int(t)) + ")"
}

// InstrumentType is bits 63..60 of a ticker id; 14 and 15 are reserved.
type InstrumentType uint8

// Instrument types.
const (
	Spot               InstrumentType = C.MITCH_SPOT
	Future             InstrumentType = C.MITCH_FUTURE
	Forward            InstrumentType = C.MITCH_FORWARD
	Swap               InstrumentType = C.MITCH_SWAP
	PerpetualSwap      InstrumentType = C.MITCH_PERPETUAL_SWAP
	CFD                InstrumentType = C.MITCH_CFD
	CallOption         InstrumentType = C.MITCH_CALL_OPTION
	PutOption          InstrumentType = C.MITCH_PUT_OPTION
	DigitalOption      InstrumentType = C.MITCH_DIGITAL_OPTION
	BarrierOption      InstrumentType = C.MITCH_BARRIER_OPTION
	Warrant            InstrumentType = C.MITCH_WARRANT
	PredictionContract InstrumentType = C.MITCH_PREDICTION_CONTRACT
	FundOrTrust        InstrumentType = C.MITCH_FUND_OR_TRUST
	StructuredProduct  InstrumentType = C.MITCH_STRUCTURED_PRODUCT
)

// String is the registry's name of the type ("Spot"), see InstrumentTypeInfo.
func (t InstrumentType) String() string {
	if info, err := InstrumentTypeInfo(t); err == nil && info.Name != "" {
		return info.Name
	}
	return "InstrumentType(" + strconv.Itoa(int(t)) + ")"
}

// AssetClass is 4 bits of a ticker id or packed asset; 14 and 15 are reserved.
type AssetClass uint8

// Asset classes.
const (
	ClassEquities           AssetClass = C.MITCH_CLASS_EQUITIES
	ClassCorporateBonds     AssetClass = C.MITCH_CLASS_CORPORATE_BONDS
	ClassSovereignDebt      AssetClass = C.MITCH_CLASS_SOVEREIGN_DEBT
	ClassForex              AssetClass = C.MITCH_CLASS_FOREX
	ClassCommodities        AssetClass = C.MITCH_CLASS_COMMODITIES
	ClassRealEstate         AssetClass = C.MITCH_CLASS_REAL_ESTATE
	ClassCrypto             AssetClass = C.MITCH_CLASS_CRYPTO
	ClassPrivateMarkets     AssetClass = C.MITCH_CLASS_PRIVATE_MARKETS
	ClassCollectibles       AssetClass = C.MITCH_CLASS_COLLECTIBLES
	ClassInfrastructure     AssetClass = C.MITCH_CLASS_INFRASTRUCTURE
	ClassIndices            AssetClass = C.MITCH_CLASS_INDICES
	ClassStructuredProducts AssetClass = C.MITCH_CLASS_STRUCTURED_PRODUCTS
	ClassCash               AssetClass = C.MITCH_CLASS_CASH
	ClassLoans              AssetClass = C.MITCH_CLASS_LOANS
)

// String is the registry's name of the class ("Forex"), see AssetClassInfo.
func (c AssetClass) String() string {
	if info, err := AssetClassInfo(c); err == nil && info.Name != "" {
		return info.Name
	}
	return "AssetClass(" + strconv.Itoa(int(c)) + ")"
}

// BinAggregator says which boundary table an order book's 128 bins use.
type BinAggregator uint8

// Bin aggregators.
const (
	LinGaussian BinAggregator = C.MITCH_BINS_LINGAUSSIAN // recommended default
	LinGeoFlat  BinAggregator = C.MITCH_BINS_LINGEOFLAT
	BiLinGeo    BinAggregator = C.MITCH_BINS_BILINGEO
	TriLinear   BinAggregator = C.MITCH_BINS_TRILINEAR
)

// String is the library's name ("DEFAULT_LINGAUSSIAN").
func (a BinAggregator) String() string {
	if p := C.mitch_bin_aggregator_name(C.uint8_t(a)); p != nil {
		return C.GoString(p)
	}
	return "BinAggregator(" + strconv.Itoa(int(a)) + ")"
}

// BookSide is a side of an order book.
type BookSide int

// Book sides.
const (
	Bid BookSide = C.MITCH_BOOK_BID
	Ask BookSide = C.MITCH_BOOK_ASK
)

// Sizes on the wire.
const (
	HeaderSize     = C.MITCH_HEADER_SIZE
	TradeSize      = C.MITCH_TRADE_SIZE
	OrderSize      = C.MITCH_ORDER_SIZE
	TickSize       = C.MITCH_TICK_SIZE
	IndexSize      = C.MITCH_INDEX_SIZE
	OrderBookSize  = C.MITCH_ORDER_BOOK_SIZE
	ChannelSize    = C.MITCH_CHANNEL_SIZE
	BinsPerSide    = C.MITCH_BINS_PER_SIDE
	MaxBodies      = C.MITCH_MAX_BODIES
	MaxMessageSize = HeaderSize + MaxBodies*OrderBookSize
	// U48Max is the largest header timestamp and order expiry.
	U48Max uint64 = 1<<48 - 1
)

// The value types.  They are host-order values, not wire images, and have
// the field order, widths and alignment of mitch.h's structs (layout.go
// asserts it at compile time; the tests compare them with
// `mitch info --layouts --json`), so slices of them go to C as they are.

// Header starts every message.
type Header struct {
	MessageType MessageType // type of the bodies that follow
	Count       uint8       // bodies that follow, 1..255
	Timestamp   uint64      // ns since midnight UTC, < 2^48
}

// Trade is a trade body ('t').
type Trade struct {
	TickerID uint64  // != 0
	Price    float64 // finite, > 0
	Quantity uint32  // > 0
	TradeID  uint32  // > 0
	Side     Side    // the aggressor's side
}

// Order is an order body ('o').
type Order struct {
	TickerID  uint64    // != 0
	OrderID   uint32    // > 0
	Price     float64   // finite, > 0; a cancel needs only finite, >= 0
	Quantity  uint32    // > 0; any value for a cancel
	OrderType OrderType //
	Side      Side      //
	ExpiryMs  uint64    // Unix ms, < 2^48; 0 = good till cancelled
}

// Tick is a tick body ('s'): the best bid and ask.
type Tick struct {
	TickerID  uint64  // != 0
	BidPrice  float64 // finite, > 0
	AskPrice  float64 // finite, > 0, >= BidPrice
	BidVolume uint32
	AskVolume uint32
}

// Index is a synthetic index body ('i').
type Index struct {
	TickerID   uint64  // != 0
	Mid        float64 // finite, > 0
	VBid       uint32  // aggregated bid volume
	VAsk       uint32  // aggregated ask volume
	MSpread    int32   // mean spread, 1e-9 of a price unit relative to mid
	BBidO      int32   // best bid offset from mid (same unit)
	BAskO      int32   // best ask offset
	WBidO      int32   // worst bid offset
	WAskO      int32   // worst ask offset
	VForce     uint16  // volatility 0..10000
	LForce     uint16  // liquidity 0..10000
	TForce     int16   // trend -10000..10000
	MForce     int16   // momentum -10000..10000
	Confidence uint8   // 0..100
	Rejected   uint8   // sources rejected
	Accepted   uint8   // sources accepted; 0 requires confidence 0
}

// Bin is one price bin of an order book side.
type Bin struct {
	Count  uint32 // orders in the bin
	Volume uint32 // volume in the bin
}

// OrderBook is an order-book snapshot body ('b'): 128 bins per side.
type OrderBook struct {
	TickerID      uint64  // != 0
	MidPrice      float64 // finite, > 0
	BinAggregator BinAggregator
	Bids          [BinsPerSide]Bin
	Asks          [BinsPerSide]Bin
}

// TickerFields are the parts of a ticker id: bits 63..60 instrument type,
// 59..56 base class, 55..40 base id, 39..36 quote class, 35..20 quote id,
// 19..0 sub-type.
type TickerFields struct {
	InstrumentType InstrumentType
	BaseClass      AssetClass
	BaseID         uint16
	QuoteClass     AssetClass
	QuoteID        uint16
	SubType        uint32 // 0..2^20-1
}

// Body is any of the five body types, for the generic bulk calls.
type Body interface {
	Trade | Order | Tick | Index | OrderBook
}

// TypeOf is the message type of a body type: TypeOf[Trade]() == MsgTrade.
func TypeOf[T Body]() MessageType {
	var v T
	switch any(v).(type) {
	case Trade:
		return MsgTrade
	case Order:
		return MsgOrder
	case Tick:
		return MsgTick
	case Index:
		return MsgIndex
	default:
		return MsgOrderBook
	}
}

// SizeOf is the wire size of one body of a body type.
func SizeOf[T Body]() int {
	switch TypeOf[T]() {
	case MsgTrade:
		return TradeSize
	case MsgOrder:
		return OrderSize
	case MsgTick:
		return TickSize
	case MsgIndex:
		return IndexSize
	default:
		return OrderBookSize
	}
}
