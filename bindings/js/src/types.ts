/**
 * The records users see: one per body type, the field names of protocol.md
 * in camelCase, in the order of the C structs (checked against the
 * library's layout description by the tests).  Ticker ids and header
 * timestamps are `bigint`; every other field is a `number` (an order's
 * 48-bit expiry included: it fits a double exactly).
 */
import type { BinAggregator, MessageType, OrderType, Side } from "./enums.js";

export interface Header {
  messageType: MessageType;
  count: number;
  timestamp: bigint;
}

export interface Trade {
  tickerId: bigint;
  price: number;
  quantity: number;
  tradeId: number;
  side: Side;
}

export interface Order {
  tickerId: bigint;
  orderId: number;
  price: number;
  quantity: number;
  orderType: OrderType;
  side: Side;
  /** Unix time in ms (< 2^48); 0 = good till cancelled. */
  expiryMs: number;
}

export interface Tick {
  tickerId: bigint;
  bidPrice: number;
  askPrice: number;
  bidVolume: number;
  askVolume: number;
}

export interface Index {
  tickerId: bigint;
  mid: number;
  vBid: number;
  vAsk: number;
  mSpread: number;
  bBidO: number;
  bAskO: number;
  wBidO: number;
  wAskO: number;
  vForce: number;
  lForce: number;
  tForce: number;
  mForce: number;
  confidence: number;
  rejected: number;
  accepted: number;
}

export interface Bin {
  count: number;
  volume: number;
}

export interface OrderBook {
  tickerId: bigint;
  midPrice: number;
  binAggregator: BinAggregator;
  /** Exactly 128 bins. */
  bids: Bin[];
  /** Exactly 128 bins. */
  asks: Bin[];
}

export type Body = Trade | Order | Tick | Index | OrderBook;

/** The body record of each message type. */
export interface BodyOf {
  [MessageType.Trade]: Trade;
  [MessageType.Order]: Order;
  [MessageType.Tick]: Tick;
  [MessageType.Index]: Index;
  [MessageType.OrderBook]: OrderBook;
}
