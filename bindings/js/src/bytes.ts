/** The byte buffers the API accepts, viewed without copying. */

/** What decoders accept: a Uint8Array (Node's Buffer is one), any other
 *  typed array or DataView, or an ArrayBuffer / SharedArrayBuffer. */
export type BytesLike = ArrayBufferView | ArrayBufferLike;

/** A Uint8Array over the same memory (no copy). */
export function asBytes(data: BytesLike, what: string): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && data instanceof SharedArrayBuffer))
    return new Uint8Array(data);
  throw new TypeError(`${what}: expected a Uint8Array, Buffer, typed array or ArrayBuffer, got ${data === null ? "null" : typeof data}`);
}
