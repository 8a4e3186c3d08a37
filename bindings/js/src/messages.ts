/**
 * Whole messages and captures (a buffer of concatenated messages of any
 * types): encode a message, iterate the messages of a buffer without
 * copying it, validate a capture, frame many bodies into messages.
 */
import { allocBytes, asBytes, indexValue, type BytesLike } from "./bytes.js";
import { bodyCodecOf, bodyList, decodeBatch, encodeBatch, HEADER_SIZE, MAX_BODIES, type BodyCodec } from "./codec.js";
import type { MessageType, MessageTypeLike } from "./enums.js";
import { BufferTooSmallError, type MitchError } from "./errors.js";
import { detailedError, makeError, statusText } from "./fail.js";
import { HEADER, MESSAGE, READER, STREAM_INFO } from "./layouts.js";
import { fn, lib, LITTLE_ENDIAN as LE } from "./native.js";
import { checkObject, structCodec, u64Value } from "./struct.js";
import type { Body, BodyOf, Header } from "./types.js";

/** One message of a buffer: its header and its bodies' bytes, a view into
 *  the caller's buffer (no copy). */
export class Message<T extends Body = Body> {
  constructor(
    readonly header: Header,
    /** Offset of the header in the buffer (or stream) it came from. */
    readonly offset: number,
    /** Header + bodies, in bytes. */
    readonly size: number,
    /** The wire bytes of the bodies (count x body size). */
    readonly data: Uint8Array,
  ) {}

  get messageType(): MessageType {
    checkObject(this.header, "Message: header");
    return this.header.messageType;
  }

  /** The bodies as records, decoded by one C call. */
  get bodies(): T[] {
    checkObject(this.header, "Message: header");
    return decodeBatch(this.header.messageType, this.data, this.header.count) as T[];
  }
}

const headerRecord = structCodec<Header>(HEADER);
const size = (dv: DataView, off: number) => Number(dv.getBigUint64(off, LE));

/** The error of a damaged message at `messageOffset`, body `bad` of its bodies. */
function bodyError(status: number, bytes: Uint8Array, msg: Message, bad: number): MitchError {
  const bt = bodyCodecOf(msg.header.messageType);
  const bodyOffset = msg.offset + HEADER_SIZE + bad * bt.wireSize;
  const recheck = lib.fn11
    ? (err: Uint8Array) => lib.fn11!.mitch_check_wire(bt.type, bytes.subarray(bodyOffset), bt.wireSize, 1, err)
    : null;
  return detailedError(status, `message at offset ${msg.offset}, ${bt.name} body ${bad}`, recheck, bodyOffset, { offset: bodyOffset, index: bad });
}

/**
 * The messages of a capture, in order, each framed and validated by the
 * library (mitch_reader_next, mitch_message_validate) as the iteration
 * reaches it.  Nothing is copied: each message's `data` is a view of
 * `data`, which must not change while you iterate.  Damage ends the
 * iteration with the error (offset = the faulty byte).
 */
export function* messages(data: BytesLike): Generator<Message, void, undefined> {
  const bytes = asBytes(data, "messages");
  // The reader keeps the address of `bytes`; `bytes` stays referenced by
  // this generator for as long as the reader is used.
  const reader = new Uint8Array(READER.size);
  const msg = new Uint8Array(MESSAGE.size);
  const rv = new DataView(reader.buffer);
  const mv = new DataView(msg.buffer);
  const bad = new Uint8Array(8);
  fn.mitch_reader_init(reader, bytes, bytes.length);
  for (;;) {
    const status = fn.mitch_reader_next(reader, msg);
    if (status === 8) return; // MITCH_END
    if (status !== 0) {
      const errorOffset = size(rv, READER.offsets.error_offset!);
      const messageOffset = size(rv, READER.offsets.message_offset!);
      throw makeError(status, `message at offset ${messageOffset}`, { offset: errorOffset });
    }
    const header = headerRecord.read(mv, MESSAGE.offsets.header!);
    const offset = size(mv, MESSAGE.offsets.offset!);
    const total = size(mv, MESSAGE.offsets.size!);
    const message = new Message(header, offset, total, bytes.subarray(offset + HEADER_SIZE, offset + total));
    const v = fn.mitch_message_validate(msg, bad);
    if (v !== 0) throw bodyError(v, bytes, message, size(new DataView(bad.buffer), 0));
    yield message;
  }
}

/** Every message of a capture with its bodies decoded. */
export function decodeMessages(data: BytesLike): { header: Header; offset: number; bodies: Body[] }[] {
  const out = [];
  for (const m of messages(data)) out.push({ header: m.header, offset: m.offset, bodies: m.bodies });
  return out;
}

/** One message: a header (type, timestamp, count = bodies.length) and 1..255 bodies. */
export function encodeMessage<K extends MessageType>(type: K | MessageTypeLike, bodies: readonly (K extends keyof BodyOf ? BodyOf[K] : Body)[], timestamp: bigint | number): Uint8Array {
  const bt = bodyCodecOf(type);
  const what = `encode ${bt.name} message`;
  const ts = u64Value(what, "timestamp", timestamp);
  const n = bodyList(what, bodies).length;
  if (n < 1 || n > MAX_BODIES) {
    throw makeError(6, `${what}: ${n} bodies (a message holds 1..${MAX_BODIES})`, { field: "count" });
  }
  const structs = new Uint8Array(n * bt.layout.size);
  const view = new DataView(structs.buffer);
  for (let i = 0; i < n; i++) bt.record.write(view, i * bt.layout.size, bodies[i] as Body, `${what}, body ${i}`);
  const out = new Uint8Array(HEADER_SIZE + n * bt.wireSize);
  const written = new Uint8Array(8);
  const status = fn.mitch_message_encode(bt.type, ts, structs, n, out, out.length, written);
  if (status !== 0) {
    const recheck = lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_values(bt.type, structs, n, err) : null;
    throw detailedError(status, what, recheck);
  }
  return out;
}

/** Any number of bodies of one type as messages of up to 255 bodies, all
 *  with one timestamp (mitch_stream_frame); validated before anything is written. */
export function encodeMessages<K extends MessageType>(type: K | MessageTypeLike, bodies: readonly (K extends keyof BodyOf ? BodyOf[K] : Body)[], timestamp: bigint | number): Uint8Array {
  const bt = bodyCodecOf(type);
  const what = `encode ${bt.name} messages`;
  const ts = u64Value(what, "timestamp", timestamp);
  const n = bodyList(what, bodies).length;
  const wire = encodeBatch(bt.type, bodies as readonly Body[]);
  return frameWire(bt, wire, n, ts, what);
}

/** `n` wire bodies of one type framed into messages (n defaults to as many
 *  as `wire` holds; more than it holds is BufferTooSmallError). */
export function frame(type: MessageTypeLike, wire: BytesLike, n: number | null, timestamp: bigint | number): Uint8Array {
  const what = "frame";
  const bt = bodyCodecOf(type);
  const bytes = asBytes(wire, what);
  const fits = Math.floor(bytes.length / bt.wireSize);
  const count = n == null ? fits : indexValue(what, "n", n);
  // mitch_stream_frame takes no input length: it reads count bodies, so they must be there
  if (count > fits) throw makeError(3, `${what}: ${bytes.length} bytes cannot hold ${count} ${bt.name} bodies of ${bt.wireSize} bytes`);
  return frameWire(bt, bytes, count, u64Value(what, "timestamp", timestamp), what);
}

function frameWire(bt: BodyCodec<Body>, bytes: Uint8Array, count: number, ts: bigint, what: string): Uint8Array {
  const need = new Uint8Array(8);
  let status = fn.mitch_stream_frame(bt.type, ts, bytes, count, null, 0, need);
  if (status !== 0) throw makeError(status, what);
  const out = allocBytes(size(new DataView(need.buffer), 0));
  status = fn.mitch_stream_frame(bt.type, ts, bytes, count, out, out.length, need);
  if (status !== 0) throw makeError(status, what);
  return out;
}

export interface StreamSummary {
  messages: number;
  bodies: number;
}

/** Frame and validate every message and body of a capture; with `onlyType`,
 *  a message of another type is an error.  Throws at the first damage. */
export function validateCapture(data: BytesLike, onlyType?: MessageTypeLike): StreamSummary {
  const bytes = asBytes(data, "validate capture");
  const only = onlyType === undefined ? 0 : bodyCodecOf(onlyType).type;
  const info = new Uint8Array(STREAM_INFO.size);
  const status = fn.mitch_stream_validate(bytes, bytes.length, only, info);
  const dv = new DataView(info.buffer);
  const o = STREAM_INFO.offsets;
  if (status !== 0) {
    const recheck = lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_stream(bytes, bytes.length, only, null, err) : null;
    throw detailedError(status, `validate capture (message at offset ${size(dv, o.message_offset!)})`, recheck, 0, {
      offset: size(dv, o.error_offset!),
      index: size(dv, o.messages!),
    });
  }
  return { messages: size(dv, o.messages!), bodies: size(dv, o.bodies!) };
}

export { BufferTooSmallError, statusText };
