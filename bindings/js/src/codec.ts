/**
 * Bodies and headers: pack a record to its wire bytes, unpack wire bytes to
 * a record, validate, and the batch forms - every rule is the library's
 * (mitch_<type>_encode / _decode / _validate); this module only moves
 * values between records and C structs.
 */
import { allocBytes, asBytes, indexValue, scratch, type BytesLike } from "./bytes.js";
import { InvalidMessageTypeError } from "./errors.js";
import { MessageType, type MessageTypeLike } from "./enums.js";
import { check, detailedError, makeError, statusText } from "./fail.js";
import { HEADER, INDEX, ORDER, ORDER_BOOK, TICK, TRADE, type StructLayout } from "./layouts.js";
import { fn, lib, LITTLE_ENDIAN } from "./native.js";
import { checkObject, structCodec, type StructCodec } from "./struct.js";
import type { Body, BodyOf, Header, Index, Order, OrderBook, Tick, Trade } from "./types.js";

export const HEADER_SIZE = 8;
export const MAX_BODIES = 255;
/** Layout id of the header in the 1.1 check functions (MITCH_LAYOUT_HEADER). */
const LAYOUT_HEADER = 0;

type StatusFn = (...a: never[]) => number;

/** What {@link bodyTypeOf} tells about one body type (a frozen object);
 *  `T` is the record type, for the caller's annotations. */
export interface BodyType<T = Body> {
  readonly type: MessageType;
  /** The type byte as a character ("t"). */
  readonly code: string;
  /** protocol.md's name ("trade", "order_book"). */
  readonly name: string;
  /** Bytes of one body on the wire. */
  readonly wireSize: number;
  /** The C struct of the record (layouts.ts). */
  readonly layout: StructLayout;
}

/** Everything the package knows about one body type, its C functions
 *  included (never handed out: they take raw pointers and lengths). */
export interface BodyCodec<T> extends BodyType<T> {
  readonly record: StructCodec<T>;
  readonly validate: (v: Uint8Array) => number;
  readonly encode: (v: Uint8Array, out: Uint8Array, outLen: number) => number;
  readonly decode: (data: Uint8Array, len: number, v: Uint8Array) => number;
  readonly encodeBatch: (v: Uint8Array, n: number, out: Uint8Array, outLen: number, done: Uint8Array) => number;
  readonly decodeBatch: (data: Uint8Array, len: number, v: Uint8Array, n: number, done: Uint8Array) => number;
}

function bodyType<T>(type: MessageType, name: string, layout: StructLayout, prefix: string): BodyCodec<T> {
  const f = fn as unknown as Record<string, StatusFn>;
  const size = new Uint8Array(8);
  check(fn.mitch_body_size(type, size), `mitch_body_size(${name})`);
  return {
    type,
    code: String.fromCharCode(type),
    name,
    wireSize: Number(new DataView(size.buffer).getBigUint64(0, LITTLE_ENDIAN)),
    layout,
    record: structCodec<T>(layout),
    validate: f[`${prefix}_validate`] as never,
    encode: f[`${prefix}_encode`] as never,
    decode: f[`${prefix}_decode`] as never,
    encodeBatch: f[`${prefix}_encode_batch`] as never,
    decodeBatch: f[`${prefix}_decode_batch`] as never,
  };
}

export const TRADE_TYPE = bodyType<Trade>(MessageType.Trade, "trade", TRADE, "mitch_trade");
export const ORDER_TYPE = bodyType<Order>(MessageType.Order, "order", ORDER, "mitch_order");
export const TICK_TYPE = bodyType<Tick>(MessageType.Tick, "tick", TICK, "mitch_tick");
export const INDEX_TYPE = bodyType<Index>(MessageType.Index, "index", INDEX, "mitch_index");
export const ORDER_BOOK_TYPE = bodyType<OrderBook>(MessageType.OrderBook, "order_book", ORDER_BOOK, "mitch_order_book");

const BODY_TYPES: ReadonlyMap<number, BodyCodec<Body>> = new Map(
  [TRADE_TYPE, ORDER_TYPE, TICK_TYPE, INDEX_TYPE, ORDER_BOOK_TYPE].map((b) => [b.type, b as BodyCodec<Body>]),
);
const PUBLIC_TYPES: ReadonlyMap<number, BodyType> = new Map(
  [...BODY_TYPES].map(([code, b]) => [code, Object.freeze({ type: b.type, code: b.code, name: b.name, wireSize: b.wireSize, layout: b.layout })]),
);

/** The type byte of a message type given as the enum, a number or a one-character string
 *  (`what` names the caller in errors). */
export function typeCode(t: MessageTypeLike, what: string): number {
  let code: number;
  if (typeof t === "string") {
    if (t.length !== 1) throw new InvalidMessageTypeError(`${what}: ${JSON.stringify(t.slice(0, 80))} is not one character: ${statusText(2)}`, 2, statusText(2));
    code = t.charCodeAt(0);
  } else if (typeof t === "number" && Number.isInteger(t)) {
    code = t + 0;
  } else {
    throw new TypeError(`${what}: expected a MessageType, a type byte or a character, got ${typeof t === "number" ? t : typeof t}`);
  }
  return code;
}

/** The type byte of a message type given as the enum, a number or a one-character string. */
export function messageTypeCode(t: MessageTypeLike): number {
  return typeCode(t, "message type");
}

/** The body type of a message type (a frozen description: type byte, name,
 *  wire size, layout); an unknown type is InvalidMessageTypeError (status 2). */
export function bodyTypeOf(t: MessageTypeLike): BodyType<Body> {
  return PUBLIC_TYPES.get(bodyCodecOf(t).type)!;
}

/** The codec of a message type; an unknown type is InvalidMessageTypeError (status 2). */
export function bodyCodecOf(t: MessageTypeLike): BodyCodec<Body> {
  const code = typeCode(t, "message type");
  const b = BODY_TYPES.get(code);
  if (!b) {
    const shown = code >= 0x20 && code < 0x7f ? `'${String.fromCharCode(code)}' (${code})` : String(code);
    throw new InvalidMessageTypeError(`message type ${shown}: ${statusText(2)}`, 2, statusText(2));
  }
  return b;
}

/** The 1.1 check of n structs (`values`) of a layout. */
function recheckValues(layoutId: number, values: Uint8Array, n: number) {
  return lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_values(layoutId, values, n, err) : null;
}
/** The 1.1 check of n wire bodies of a layout. */
function recheckWire(layoutId: number, data: Uint8Array, n: number) {
  return lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_wire(layoutId, data, data.length, n, err) : null;
}

// One struct per body type for the scalar calls.  Module state, but
// per-realm (each worker has its own) and never visible outside a call: C
// never calls back, so no call can interleave with another.
const structScratch = new Map<number, { bytes: Uint8Array; view: DataView }>();
function scratchFor(layout: StructLayout, key: number) {
  let s = structScratch.get(key);
  if (!s) {
    const bytes = new Uint8Array(new ArrayBuffer(layout.size));
    s = { bytes, view: new DataView(bytes.buffer) };
    structScratch.set(key, s);
  }
  return s;
}

/** The wire bytes of one body (a new Uint8Array of the body's size). */
export function pack<K extends MessageType>(type: K | MessageTypeLike, body: K extends keyof BodyOf ? BodyOf[K] : Body): Uint8Array {
  const bt = bodyCodecOf(type);
  const what = `pack ${bt.name}`;
  const s = scratchFor(bt.layout, bt.type);
  bt.record.write(s.view, 0, body as Body, what);
  const out = scratch(bt.wireSize);
  const status = bt.encode(s.bytes, out, out.length);
  if (status !== 0) throw detailedError(status, what, recheckValues(bt.type, s.bytes, 1));
  return out.slice();
}

/** Pack one body into `target` at `offset` without allocating; returns the
 *  bytes written (the body size).  Nothing is written unless the body is valid. */
export function packInto(type: MessageTypeLike, body: Body, target: BytesLike, offset = 0): number {
  const bt = bodyCodecOf(type);
  const what = `pack ${bt.name}`;
  const out = sliceFrom(asBytes(target, what), offset, what);
  const s = scratchFor(bt.layout, bt.type);
  bt.record.write(s.view, 0, body, what);
  const status = bt.encode(s.bytes, out, out.length);
  if (status !== 0) throw detailedError(status, what, recheckValues(bt.type, s.bytes, 1));
  return bt.wireSize;
}

/** Check a record against the protocol's rules without encoding it. */
export function validate(type: MessageTypeLike, body: Body): void {
  const bt = bodyCodecOf(type);
  const what = `validate ${bt.name}`;
  const s = scratchFor(bt.layout, bt.type);
  bt.record.write(s.view, 0, body, what);
  const status = bt.validate(s.bytes);
  if (status !== 0) throw detailedError(status, what, recheckValues(bt.type, s.bytes, 1));
}

/** The record of the body at `offset` in `data` (read in place, validated). */
export function unpack<K extends MessageType>(type: K | MessageTypeLike, data: BytesLike, offset = 0): K extends keyof BodyOf ? BodyOf[K] : Body {
  const bt = bodyCodecOf(type);
  const bytes = sliceFrom(asBytes(data, `unpack ${bt.name}`), offset, `unpack ${bt.name}`);
  const s = scratchFor(bt.layout, bt.type);
  const status = bt.decode(bytes, bytes.length, s.bytes);
  if (status !== 0) throw detailedError(status, `unpack ${bt.name}`, recheckWire(bt.type, bytes, 1), offset);
  return bt.record.read(s.view, 0) as never;
}

function sliceFrom(bytes: Uint8Array, offset: number, what: string): Uint8Array {
  indexValue(what, "offset", offset);
  return offset === 0 ? bytes : bytes.subarray(Math.min(offset, bytes.length));
}

export const packTrade = (v: Trade): Uint8Array => pack(MessageType.Trade, v);
export const packOrder = (v: Order): Uint8Array => pack(MessageType.Order, v);
export const packTick = (v: Tick): Uint8Array => pack(MessageType.Tick, v);
export const packIndex = (v: Index): Uint8Array => pack(MessageType.Index, v);
export const packOrderBook = (v: OrderBook): Uint8Array => pack(MessageType.OrderBook, v);
export const unpackTrade = (d: BytesLike, offset = 0): Trade => unpack(MessageType.Trade, d, offset);
export const unpackOrder = (d: BytesLike, offset = 0): Order => unpack(MessageType.Order, d, offset);
export const unpackTick = (d: BytesLike, offset = 0): Tick => unpack(MessageType.Tick, d, offset);
export const unpackIndex = (d: BytesLike, offset = 0): Index => unpack(MessageType.Index, d, offset);
export const unpackOrderBook = (d: BytesLike, offset = 0): OrderBook => unpack(MessageType.OrderBook, d, offset);

const headerRecord = structCodec<Header>(HEADER);
const headerScratch = { bytes: new Uint8Array(HEADER.size) };
const headerView = new DataView(headerScratch.bytes.buffer);

/** The 8 wire bytes of a header.  `messageType` may be a character ("t"). */
export function packHeader(header: { messageType: MessageTypeLike; count: number; timestamp: bigint | number }): Uint8Array {
  const what = "pack header";
  checkObject(header, what);
  const code = typeCode(header.messageType, what);
  headerRecord.write(headerView, 0, { ...header, messageType: code } as Header, what);
  const out = scratch(HEADER_SIZE);
  const status = fn.mitch_header_encode(headerScratch.bytes, out, out.length);
  if (status !== 0) throw detailedError(status, what, recheckValues(LAYOUT_HEADER, headerScratch.bytes, 1));
  return out.slice();
}

/** The header at `offset` in `data` (validated: type, count 1..255). */
export function unpackHeader(data: BytesLike, offset = 0): Header {
  const bytes = sliceFrom(asBytes(data, "unpack header"), offset, "unpack header");
  const status = fn.mitch_header_decode(bytes, bytes.length, headerScratch.bytes);
  if (status !== 0) throw detailedError(status, "unpack header", recheckWire(LAYOUT_HEADER, bytes, 1), offset);
  return headerRecord.read(headerView, 0);
}

/** The records of `count` consecutive bodies (no header) at the start of `data`, decoded by one C call. */
export function decodeBatch<K extends MessageType>(type: K | MessageTypeLike, data: BytesLike, count?: number): (K extends keyof BodyOf ? BodyOf[K] : Body)[] {
  const bt = bodyCodecOf(type);
  const what = `decode ${bt.name} batch`;
  const bytes = asBytes(data, what);
  const fits = Math.floor(bytes.length / bt.wireSize);
  const n = count == null ? fits : indexValue(what, "count", count);
  // more bodies than the bytes hold: status 3 before anything is allocated for them
  if (n > fits) throw makeError(3, `${what}: ${bytes.length} bytes cannot hold ${n} ${bt.name} bodies of ${bt.wireSize} bytes`);
  const structs = new Uint8Array(Math.max(1, n) * bt.layout.size);
  const done = new Uint8Array(8);
  const status = bt.decodeBatch(bytes, bytes.length, structs, n, done);
  if (status !== 0) {
    const index = Number(new DataView(done.buffer).getBigUint64(0, LITTLE_ENDIAN));
    throw detailedError(status, `${what}, body ${index}`, recheckWire(bt.type, bytes, n), 0, { index, offset: index * bt.wireSize });
  }
  const view = new DataView(structs.buffer);
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = bt.record.read(view, i * bt.layout.size);
  return out;
}

/** The records argument of the encoders: an array (its elements are judged one by one). */
export function bodyList<T>(what: string, bodies: readonly T[]): readonly T[] {
  if (!Array.isArray(bodies)) throw new TypeError(`${what}: bodies must be an array, not ${bodies === null ? "null" : typeof bodies}`);
  return bodies;
}

/** The wire bytes of `bodies` back to back (no header), encoded by one C call; nothing is written unless all are valid. */
export function encodeBatch<K extends MessageType>(type: K | MessageTypeLike, bodies: readonly (K extends keyof BodyOf ? BodyOf[K] : Body)[]): Uint8Array {
  const bt = bodyCodecOf(type);
  const what = `encode ${bt.name} batch`;
  const n = bodyList(what, bodies).length;
  const structs = new Uint8Array(Math.max(1, n) * bt.layout.size);
  const view = new DataView(structs.buffer);
  for (let i = 0; i < n; i++) bt.record.write(view, i * bt.layout.size, bodies[i] as Body, `${what}, body ${i}`);
  const out = allocBytes(n * bt.wireSize);
  const done = new Uint8Array(8);
  const status = bt.encodeBatch(structs, n, out, out.length, done);
  if (status !== 0) {
    const index = Number(new DataView(done.buffer).getBigUint64(0, LITTLE_ENDIAN));
    throw detailedError(status, `${what}, body ${index}`, recheckValues(bt.type, structs, n), 0, { index });
  }
  return out;
}
