/** The byte buffers the API accepts, viewed without copying. */

/** What decoders accept: a Uint8Array (Node's Buffer is one), any other
 *  typed array or DataView, or an ArrayBuffer / SharedArrayBuffer. */
export type BytesLike = ArrayBufferView | ArrayBufferLike;

// An FFI hands C a NULL pointer for a view of an empty ArrayBuffer, and C
// checks NULL before length: an empty input would be "invalid data" instead
// of "too short".  Empty views are given a 1-byte backing store instead.
const EMPTY = new Uint8Array(new ArrayBuffer(1), 0, 0);

/** `n` zero bytes, never a NULL pointer for C (n may be 0). */
export function allocBytes(n: number): Uint8Array {
  return n === 0 ? new Uint8Array(new ArrayBuffer(1), 0, 0) : new Uint8Array(n);
}

/** A Uint8Array over the same memory (no copy). */
export function asBytes(data: BytesLike, what: string): Uint8Array {
  const bytes = viewOf(data, what);
  return bytes.byteLength === 0 ? EMPTY : bytes;
}

// A detached ArrayBuffer (transferred, e.g. by structuredClone or
// postMessage) has byteLength 0 and no view can be made over it: it reads as
// empty, as a typed array over it already does.
function viewOf(data: BytesLike, what: string): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) {
    if (data.buffer.byteLength === 0) return EMPTY;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && data instanceof SharedArrayBuffer))
    return data.byteLength === 0 ? EMPTY : new Uint8Array(data);
  throw new TypeError(`${what}: expected a Uint8Array, Buffer, typed array or ArrayBuffer, got ${data === null ? "null" : typeof data}`);
}

/** An offset or a count: a non-negative safe integer number, never coerced. */
export function indexValue(what: string, name: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value + 0; // -0 -> 0
  if (typeof value !== "number") throw new TypeError(`${what}: ${name} must be a number, not ${value === null ? "null" : typeof value}`);
  throw new RangeError(`${what}: ${name} ${value} is not a non-negative integer`);
}

// Scratch memory for the scalar calls' outputs.  A fresh small typed array
// lives on the JavaScript heap and each FFI must first move it off the heap
// to hand C a stable address - a cost larger than the call itself - so the
// scalar paths write into this once-moved area and copy out what they
// return.  Module state, but per realm (each worker has its own), and never
// visible outside a call: C never calls back, so no two calls interleave.
const SCRATCH_SIZE = 4096;
const scratchArea = new Uint8Array(new ArrayBuffer(SCRATCH_SIZE));

/** `n` bytes of the scratch area starting at `at` (their content is stale). */
export function scratch(n: number, at = 0): Uint8Array {
  if (at + n > SCRATCH_SIZE) return new Uint8Array(n);
  return scratchArea.subarray(at, at + n);
}
