/**
 * Enumerations of the protocol (protocol.md), with the numbers of mitch.h.
 * The API accepts these or the raw codes; a code the protocol does not
 * define is an error from the library (status 6, or 2 for a message type),
 * never mapped to something else.
 */

/** Body types, by their type byte. */
export enum MessageType {
  Trade = 0x74, // 't'
  Order = 0x6f, // 'o'
  Tick = 0x73, // 's'
  Index = 0x69, // 'i'
  OrderBook = 0x62, // 'b'
}

/** A trade's aggressor side, an order's side. */
export enum Side {
  Buy = 0,
  Sell = 1,
}

export enum OrderType {
  Market = 0,
  Limit = 1,
  Stop = 2,
  Cancel = 3,
}

/** Bits 63..60 of a ticker id; 14 and 15 are reserved. */
export enum InstrumentType {
  Spot = 0,
  Future = 1,
  Forward = 2,
  Swap = 3,
  PerpetualSwap = 4,
  Cfd = 5,
  CallOption = 6,
  PutOption = 7,
  DigitalOption = 8,
  BarrierOption = 9,
  Warrant = 10,
  PredictionContract = 11,
  FundOrTrust = 12,
  StructuredProduct = 13,
}

/** Asset classes (4 bits of a ticker id leg); 14 and 15 are reserved. */
export enum AssetClass {
  Equities = 0,
  CorporateBonds = 1,
  SovereignDebt = 2,
  Forex = 3,
  Commodities = 4,
  RealEstate = 5,
  Crypto = 6,
  PrivateMarkets = 7,
  Collectibles = 8,
  Infrastructure = 9,
  Indices = 10,
  StructuredProducts = 11,
  Cash = 12,
  Loans = 13,
}

/** Which boundary table an order book's bins use. */
export enum BinAggregator {
  LinGaussian = 0,
  LinGeoFlat = 1,
  BiLinGeo = 2,
  TriLinear = 3,
}

export enum BookSide {
  Bid = 0,
  Ask = 1,
}

/** A message type as the API accepts it: the enum, the type byte, or its character ("t"). */
export type MessageTypeLike = MessageType | number | string;

/** An instrument type as the API accepts it: the enum, the raw code, or a name ("spot", "perpetual_swap", "PERP"). */
export type InstrumentTypeLike = InstrumentType | number | string;
