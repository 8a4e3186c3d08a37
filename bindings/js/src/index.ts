/**
 * mitch - the MITCH market-data protocol for Node.js, Deno and Bun, over
 * libmitch (the C library does every encode, decode, validation and
 * symbol resolution; this package moves values in and out).
 *
 * ```js
 * import * as mitch from "mitch";
 * const ticker = mitch.resolveTicker("BTC-USDT", "spot");
 * const wire = mitch.encodeMessage(mitch.MessageType.Trade,
 *   [{ tickerId: ticker.id, price: 64000.5, quantity: 3, tradeId: 1, side: mitch.Side.Buy }], 0n);
 * for (const message of mitch.messages(wire)) console.log(message.header, message.bodies);
 * ```
 */
export * from "./enums.js";
export * from "./errors.js";
export type * from "./types.js";
export {
  HEADER_SIZE, MAX_BODIES, bodyTypeOf, messageTypeCode, pack, packInto, unpack, validate, packHeader, unpackHeader,
  decodeBatch, encodeBatch, packTrade, packOrder, packTick, packIndex, packOrderBook,
  unpackTrade, unpackOrder, unpackTick, unpackIndex, unpackOrderBook, type BodyType,
} from "./codec.js";
export { Message, messages, decodeMessages, encodeMessage, encodeMessages, frame, validateCapture, type StreamSummary } from "./messages.js";
export { readMessages, readBodies } from "./streams.js";
export { decodeColumns, decodeCapture, encodeCapture, type Columns, type TradeColumns, type Capture } from "./bulk.js";
export {
  createTickerId, decodeTickerId, validateTickerId, packAsset, unpackAsset, channelId, channel, decodeChannel,
  packChannel, unpackChannel, type TickerFields, type Channel,
} from "./ids.js";
export {
  getAsset, getAssetById, resolveAsset, assets, assetClassInfo, instrumentTypeInfo, instrumentTypeCode,
  getProvider, providers, findProvider, resolveTicker, type Asset, type ClassInfo, type Provider, type Ticker,
  type FindOptions, type AssetFindOptions,
} from "./registry.js";
export { LibraryLoadError, LIBRARY_MAJOR, versionedNames } from "./library.js";
export type { BytesLike } from "./bytes.js";
export { parseHexFloat } from "./hexfloat.js";

import { fn, lib } from "./native.js";
import { intValue } from "./struct.js";

/** The libmitch file that was loaded, and how it was found ("MITCH_LIBRARY" or "versioned name"). */
export const libraryPath: string = lib.path;
export const librarySource: string = lib.source;
/** "node", "deno" or "bun". */
export const runtimeName: string = lib.runtime;
/** The loaded library's version ("1.1.0") and the protocol's ("1.0.0"). */
export const libraryVersion: string = fn.mitch_get_version() ?? "";
export const protocolVersion: string = fn.mitch_get_protocol_version() ?? "";
/** mitch_get_version_number(): (major << 16) | (minor << 8) | patch. */
export const libraryVersionNumber: number = lib.versionNumber;
/** mitch_strerror(status). */
export const strerror = (status: number): string => fn.mitch_strerror(intValue("strerror", "status", "int", status)) ?? "";
