/**
 * Messages from a stream: a Node.js Readable, a web ReadableStream (Node
 * 18+, Deno, Bun), or any async iterable of byte chunks.  Each header is
 * decoded and validated by the library as soon as its 8 bytes have arrived;
 * a message is handed out when all its bytes have; its bodies are validated
 * by the library before it is.  A message that lies inside one chunk is a
 * view of that chunk; one split across chunks is copied once.
 */
import { asBytes, type BytesLike } from "./bytes.js";
import { bodyCodecOf, HEADER_SIZE, unpackHeader } from "./codec.js";
import { BufferTooSmallError, MitchError } from "./errors.js";
import { detailedError, statusText } from "./fail.js";
import { STREAM_INFO } from "./layouts.js";
import { fn, lib, LITTLE_ENDIAN as LE } from "./native.js";
import { Message } from "./messages.js";
import type { Body } from "./types.js";

type ByteSource = AsyncIterable<BytesLike> | ReadableStream<BytesLike> | Iterable<BytesLike>;

function badSource(source: unknown): string | null {
  if (source === null || (typeof source !== "object" && typeof source !== "function")) return source === null ? "null" : typeof source;
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && source instanceof SharedArrayBuffer))
    return "a byte buffer (use messages() for a buffer)";
  const s = source as { getReader?: unknown; [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  if (typeof s.getReader === "function" || typeof s[Symbol.asyncIterator] === "function" || typeof s[Symbol.iterator] === "function") return null;
  return "an object that is neither";
}

async function* chunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  const bad = badSource(source);
  if (bad !== null) throw new TypeError(`readMessages: expected a ReadableStream or an (async) iterable of byte chunks, got ${bad}`);
  const s = source as { getReader?: () => ReadableStreamDefaultReader<BytesLike> };
  if (typeof s.getReader === "function" && !(Symbol.asyncIterator in (source as object))) {
    const reader = s.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield asBytes(value, "stream chunk");
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of source as AsyncIterable<BytesLike>) {
    // Node streams in string mode would hand out text: refuse it.
    if (typeof chunk === "string") throw new TypeError("readMessages: the stream yields strings; read it as bytes (no encoding)");
    yield asBytes(chunk, "stream chunk");
  }
}

/** Every message of a byte stream, in order; the offsets are stream positions.
 *  A stream that ends inside a message raises BufferTooSmallError. */
export async function* readMessages(source: ByteSource): AsyncGenerator<Message, void, undefined> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let position = 0; // stream offset of pending[0][0]
  const take = (n: number): Uint8Array => {
    // The first n pending bytes, without copying when one chunk holds them.
    const first = pending[0]!;
    let out: Uint8Array;
    if (first.length >= n) {
      out = first.subarray(0, n);
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      for (const c of pending) {
        const part = c.subarray(0, Math.min(c.length, n - filled));
        out.set(part, filled);
        filled += part.length;
        if (filled === n) break;
      }
    }
    return out;
  };
  const drop = (n: number) => {
    pendingBytes -= n;
    position += n;
    while (n > 0) {
      const c = pending[0]!;
      if (c.length <= n) {
        n -= c.length;
        pending.shift();
      } else {
        pending[0] = c.subarray(n);
        n = 0;
      }
    }
  };
  const info = new Uint8Array(STREAM_INFO.size);
  const infoView = new DataView(info.buffer);
  let need = 0; // bytes of the message being assembled, once its header is in
  for await (const chunk of chunks(source)) {
    if (chunk.length === 0) continue;
    pending.push(chunk);
    pendingBytes += chunk.length;
    for (;;) {
      if (need === 0) {
        if (pendingBytes < HEADER_SIZE) break;
        let header;
        try {
          header = unpackHeader(take(HEADER_SIZE));
        } catch (err) {
          throw shift(err, position);
        }
        need = HEADER_SIZE + header.count * bodyCodecOf(header.messageType).wireSize;
      }
      if (pendingBytes < need) break;
      const bytes = take(need);
      const header = unpackHeader(bytes);
      const message = new Message<Body>(header, position, need, bytes.subarray(HEADER_SIZE));
      // One call validates the whole message (header and every body).
      const status = fn.mitch_stream_validate(bytes, need, 0, info);
      if (status !== 0) {
        const at = position + Number(infoView.getBigUint64(STREAM_INFO.offsets.error_offset!, LE));
        const recheck = lib.fn11 ? (err: Uint8Array) => lib.fn11!.mitch_check_stream(bytes, need, 0, null, err) : null;
        throw detailedError(status, `stream message at offset ${position}`, recheck, position, { offset: at });
      }
      drop(need);
      need = 0;
      yield message;
    }
  }
  if (pendingBytes > 0) {
    const what = need === 0 ? "a message header" : "a message";
    throw new BufferTooSmallError(
      `stream ended inside ${what} at offset ${position}: ${pendingBytes} of ${need || HEADER_SIZE} bytes: ${statusText(3)}`,
      3, statusText(3), { offset: position + pendingBytes },
    );
  }
}

function shift(err: unknown, position: number): unknown {
  if (err instanceof MitchError) {
    const cls = err.constructor as new (...a: ConstructorParameters<typeof MitchError>) => MitchError;
    return new cls(`stream message at offset ${position}: ${err.message}`, err.status, err.statusText, {
      field: err.field, otherField: err.otherField, rule: err.rule, offset: position + (err.offset ?? 0), index: err.index,
    });
  }
  return err;
}

/** Every body of every message of a stream, in order. */
export async function* readBodies(source: ByteSource): AsyncGenerator<Body, void, undefined> {
  for await (const m of readMessages(source)) yield* m.bodies;
}
