/**
 * Bulk decoding into columns: one typed array per field (BigUint64Array
 * ticker ids and timestamps, Float64Array prices, Uint32Array volumes ...),
 * no JavaScript object per body.  The library validates and decodes every
 * body into C structs in one call; the columns are then read out of those
 * structs with one typed-array loop per field.
 *
 * - {@link decodeCapture}: a whole capture of any types, each body with its
 *   header's timestamp, through `mitch_capture_decode` (libmitch >= 1.1,
 *   the one capture decoder every binding shares).
 * - {@link decodeColumns}: a buffer of messages of one type, through
 *   `mitch_stream_gather` and the batch decoder (libmitch 1.0).
 */
import { allocBytes, asBytes, type BytesLike } from "./bytes.js";
import { bodyCodecOf, bodyList, TRADE_TYPE, ORDER_TYPE, TICK_TYPE, INDEX_TYPE, ORDER_BOOK_TYPE, type BodyCodec } from "./codec.js";
import { MessageType, type MessageTypeLike } from "./enums.js";
import { MitchError } from "./errors.js";
import { detailedError, makeError } from "./fail.js";
import { camel, CAPTURE_SINK, ERROR, READER, STREAM_INFO, type Member } from "./layouts.js";
import { u64Value } from "./struct.js";
import { fn, lib, LITTLE_ENDIAN as LE } from "./native.js";
import type { Body } from "./types.js";

type TypedArray = BigUint64Array | Float64Array | Uint32Array | Int32Array | Uint16Array | Int16Array | Uint8Array | Int8Array;
type TypedArrayClass = { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): TypedArray; new (length: number): TypedArray; BYTES_PER_ELEMENT: number };

const COLUMN_CLASS: Record<string, TypedArrayClass> = {
  u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array,
  u64: BigUint64Array as unknown as TypedArrayClass, f64: Float64Array,
};

/** The columns of one body type: `count` rows, one typed array per field
 *  (camelCase names), `timestamp` (from decodeCapture) per body; order
 *  books add `bidCounts`, `bidVolumes`, `askCounts`, `askVolumes`
 *  (count x 128, row-major). */
export interface Columns {
  readonly messageType: MessageType;
  readonly count: number;
  readonly columns: Readonly<Record<string, TypedArray>>;
  readonly timestamp?: BigUint64Array;
}

export interface TradeColumns extends Columns {
  readonly columns: { tickerId: BigUint64Array; price: Float64Array; quantity: Uint32Array; tradeId: Uint32Array; side: Uint8Array };
}

/**
 * Copy one member out of `rows` structs (struct size S, member at
 * byteOffset, `perRow` elements `stride` bytes apart) into a new column.
 * The copy moves machine words (Uint8/16/32 lanes; a 64-bit member as two
 * 32-bit lanes), never JavaScript numbers or bigints: bit-exact, no bigint
 * allocated per row, and one monomorphic loop per lane width.
 */
function copyColumn(structs: ArrayBuffer, S: number, byteOffset: number, width: number, stride: number, rows: number, perRow: number): ArrayBuffer {
  const out = new ArrayBuffer(Math.max(1, rows * perRow) * width);
  if (width === 1) {
    const src = new Uint8Array(structs), dst = new Uint8Array(out);
    let k = 0;
    for (let i = 0; i < rows; i++) for (let e = 0, j = i * S + byteOffset; e < perRow; e++, j += stride) dst[k++] = src[j]!;
  } else if (width === 2) {
    const src = new Uint16Array(structs, 0, structs.byteLength >> 1), dst = new Uint16Array(out);
    const s2 = S >> 1, st = stride >> 1, off = byteOffset >> 1;
    let k = 0;
    for (let i = 0; i < rows; i++) for (let e = 0, j = i * s2 + off; e < perRow; e++, j += st) dst[k++] = src[j]!;
  } else {
    // 4 or 8 bytes: 1 or 2 lanes of 32 bits
    const lanes = width >> 2;
    const src = new Uint32Array(structs, 0, structs.byteLength >> 2), dst = new Uint32Array(out);
    const s4 = S >> 2, st = stride >> 2, off = byteOffset >> 2;
    let k = 0;
    if (lanes === 1) {
      for (let i = 0; i < rows; i++) for (let e = 0, j = i * s4 + off; e < perRow; e++, j += st) dst[k++] = src[j]!;
    } else {
      for (let i = 0; i < rows; i++)
        for (let e = 0, j = i * s4 + off; e < perRow; e++, j += st) {
          dst[k++] = src[j]!;
          dst[k++] = src[j + 1]!;
        }
    }
  }
  return out;
}

/** Read columns out of `n` structs of `bt` in `structs`. */
function columnsOf(bt: BodyCodec<Body>, structs: ArrayBuffer, n: number, timestamp?: BigUint64Array): Columns {
  const out: Record<string, TypedArray> = {};
  const S = bt.layout.size;
  const push = (name: string, kind: string, byteOffset: number, stride: number, perRow: number) => {
    const C = COLUMN_CLASS[kind]!;
    const buffer = copyColumn(structs, S, byteOffset, C.BYTES_PER_ELEMENT, stride, n, perRow);
    out[name] = new C(buffer, 0, n * perRow);
  };
  for (const m of bt.layout.members as Member[]) {
    if (m.kind === "struct") {
      // order book bins: <side>Counts and <side>Volumes, 128 per row
      const side = m.name.slice(0, -1); // "bid" / "ask"
      for (const inner of m.nested!.members) {
        push(`${side}${inner.name === "count" ? "Counts" : "Volumes"}`, inner.kind, m.offset + inner.offset, m.nested!.size, m.count);
      }
    } else {
      push(camel(m.name), m.kind, m.offset, S, 1);
    }
  }
  return timestamp ? { messageType: bt.type, count: n, columns: out, timestamp } : { messageType: bt.type, count: n, columns: out };
}

/** All bodies of a buffer of messages of one type, as columns. */
export function decodeColumns(data: BytesLike, messageType: MessageTypeLike): Columns {
  const bt = bodyCodecOf(messageType);
  const what = `decode ${bt.name} columns`;
  const bytes = asBytes(data, what);
  // Every message has a header, so length / body size bounds the count:
  // one pass of C validates and gathers, no counting pass first.
  const bound = Math.floor(bytes.length / bt.wireSize);
  const wire = new Uint8Array(Math.max(1, bound) * bt.wireSize);
  const n = new Uint8Array(8);
  const info = new Uint8Array(STREAM_INFO.size);
  const status = fn.mitch_stream_gather(bytes, bytes.length, bt.type, wire, wire.length, n, info);
  if (status !== 0) {
    const dv = new DataView(info.buffer);
    const recheck = lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_stream(bytes, bytes.length, bt.type, null, err) : null;
    throw detailedError(status, what, recheck, 0, { offset: Number(dv.getBigUint64(STREAM_INFO.offsets.error_offset!, LE)) });
  }
  const count = Number(new DataView(n.buffer).getBigUint64(0, LE));
  const structs = new ArrayBuffer(Math.max(1, count) * bt.layout.size);
  const done = new Uint8Array(8);
  const s2 = bt.decodeBatch(wire, count * bt.wireSize, new Uint8Array(structs), count, done);
  if (s2 !== 0) throw makeError(s2, what);
  return columnsOf(bt, structs, count);
}

/** The address of a view's first byte, as the library sees it (the reader
 *  records the pointer it is given).  Used only to fill the pointers of a
 *  mitch_capture_sink, whose arrays are referenced until the call returns. */
function addressOf(view: Uint8Array): bigint {
  const reader = new Uint8Array(READER.size);
  fn.mitch_reader_init(reader, view, view.length);
  return new DataView(reader.buffer).getBigUint64(READER.offsets.data!, LE);
}

const ALL_TYPES = [TRADE_TYPE, ORDER_TYPE, TICK_TYPE, INDEX_TYPE, ORDER_BOOK_TYPE] as BodyCodec<Body>[];

/** The columns of every body type of a capture. */
export interface Capture {
  readonly messages: number;
  readonly trade?: Columns;
  readonly order?: Columns;
  readonly tick?: Columns;
  readonly index?: Columns;
  readonly order_book?: Columns;
  /** By message type byte. */
  readonly byType: ReadonlyMap<MessageType, Columns>;
}

/**
 * Decode a whole capture (messages of any types) into columns per type,
 * with each body's header timestamp, through `mitch_capture_decode`
 * (libmitch >= 1.1): one sizing pass, then one decoding pass, both in C.
 * `types` limits what is collected (the others are validated and skipped).
 * Damage throws, with the offset of the faulty byte.
 */
export function decodeCapture(data: BytesLike, types?: readonly MessageTypeLike[]): Capture {
  const what = "decode capture";
  const f11 = lib.fn11;
  if (!f11) throw makeError(99, `${what}: needs libmitch >= 1.1 (loaded: ${lib.path}); use decodeColumns for one type`);
  const bytes = asBytes(data, what);
  if (types != null && !Array.isArray(types)) throw new TypeError(`${what}: types must be an array of message types, not ${typeof types}`);
  const wanted = types != null ? types.map((t) => bodyCodecOf(t)) : ALL_TYPES;
  const uniq = [...new Map(wanted.map((b) => [b.type, b])).values()];
  const sinks = new Uint8Array(Math.max(1, uniq.length) * CAPTURE_SINK.size);
  const sv = new DataView(sinks.buffer);
  const o = CAPTURE_SINK.offsets;
  const info = new Uint8Array(STREAM_INFO.size);
  uniq.forEach((b, i) => sv.setUint8(i * CAPTURE_SINK.size + o.message_type!, b.type));
  const fail = (status: number, errStruct: Uint8Array): MitchError => {
    const dv = new DataView(info.buffer);
    return detailedError(status, what, (err) => { err.set(errStruct); return status; }, 0, {
      offset: Number(dv.getBigUint64(STREAM_INFO.offsets.error_offset!, LE)),
    });
  };
  // Pass 1: counts only (all bodies/timestamps NULL).
  let err = new Uint8Array(ERROR.size);
  let status = f11.mitch_capture_decode(bytes, bytes.length, sinks, uniq.length, info, err);
  if (status !== 0) throw fail(status, err);
  const counts = uniq.map((_, i) => Number(sv.getBigUint64(i * CAPTURE_SINK.size + o.count!, LE)));
  const bodies = uniq.map((b, i) => new Uint8Array(Math.max(1, counts[i]!) * b.layout.size));
  const stamps = uniq.map((_, i) => new BigUint64Array(Math.max(1, counts[i]!)));
  uniq.forEach((b, i) => {
    const base = i * CAPTURE_SINK.size;
    sv.setBigUint64(base + o.bodies!, addressOf(bodies[i]!), LE);
    sv.setBigUint64(base + o.timestamps!, addressOf(new Uint8Array(stamps[i]!.buffer)), LE);
    sv.setBigUint64(base + o.capacity!, BigInt(counts[i]!), LE);
    sv.setBigUint64(base + o.count!, 0n, LE);
  });
  err = new Uint8Array(ERROR.size);
  // Pass 2: decode.  `bodies` and `stamps` stay referenced across the call.
  status = f11.mitch_capture_decode(bytes, bytes.length, sinks, uniq.length, info, err);
  if (status !== 0) throw fail(status, err);
  const byType = new Map<MessageType, Columns>();
  const result: Record<string, unknown> = {};
  uniq.forEach((b, i) => {
    const n = Number(sv.getBigUint64(i * CAPTURE_SINK.size + o.count!, LE));
    const cols = columnsOf(b, bodies[i]!.buffer as ArrayBuffer, n, stamps[i]!.subarray(0, n));
    byType.set(b.type, cols);
    result[b.name] = cols;
  });
  const messages = Number(new DataView(info.buffer).getBigUint64(STREAM_INFO.offsets.messages!, LE));
  return { ...result, messages, byType } as Capture;
}

/**
 * Bodies of one type with one header timestamp each, as messages: a new
 * message starts when the timestamp changes or after 255 bodies
 * (`mitch_capture_encode`, libmitch >= 1.1), so {@link decodeCapture} gives
 * back the same bodies and timestamps.  Everything is validated before
 * anything is written.
 */
export function encodeCapture(messageType: MessageTypeLike, bodies: readonly Body[], timestamps: BigUint64Array | readonly (bigint | number)[]): Uint8Array {
  const bt = bodyCodecOf(messageType);
  const what = `encode ${bt.name} capture`;
  const f11 = lib.fn11;
  if (!f11) throw makeError(99, `${what}: needs libmitch >= 1.1 (loaded: ${lib.path}); use encodeMessages`);
  const n = bodyList(what, bodies).length;
  if (!Array.isArray(timestamps) && !(ArrayBuffer.isView(timestamps) && !(timestamps instanceof DataView)))
    throw new TypeError(`${what}: timestamps must be an array or a BigUint64Array, not ${timestamps === null ? "null" : typeof timestamps}`);
  if (timestamps.length !== n) throw new RangeError(`${what}: ${n} bodies but ${timestamps.length} timestamps`);
  const structs = allocBytes(n * bt.layout.size);
  const view = new DataView(structs.buffer, structs.byteOffset, structs.byteLength);
  for (let i = 0; i < n; i++) bt.record.write(view, i * bt.layout.size, bodies[i]!, `${what}, body ${i}`);
  const stamps = new BigUint64Array(Math.max(1, n));
  for (let i = 0; i < n; i++) stamps[i] = u64Value(what, "timestamp", timestamps[i]);
  const stampBytes = new Uint8Array(stamps.buffer);
  const written = new Uint8Array(8);
  const err = new Uint8Array(ERROR.size);
  let status = f11.mitch_capture_encode(bt.type, structs, stampBytes, n, null, 0, written, err);
  if (status !== 0) throw detailedError(status, what, (e) => (e.set(err), status));
  const out = allocBytes(Number(new DataView(written.buffer).getBigUint64(0, LE)));
  status = f11.mitch_capture_encode(bt.type, structs, stampBytes, n, out, out.length, written, err);
  if (status !== 0) throw detailedError(status, what, (e) => (e.set(err), status));
  return out;
}
