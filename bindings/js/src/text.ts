/** Strings across the C boundary: NUL-terminated UTF-8 in, UTF-8 out. */
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** `text` as UTF-8 bytes followed by one NUL, for a `const char *` parameter.
 *  A NUL inside the text cannot be passed to C and is refused by the caller. */
export function cString(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

/** `text` as a NUL-terminated UTF-8 string in `area` when it fits, else in a new array. */
export function cStringInto(text: string, area: Uint8Array): Uint8Array {
  if (text.length * 3 + 1 <= area.length) {
    const { written } = encoder.encodeInto(text, area);
    area[written] = 0;
    return area.subarray(0, written + 1);
  }
  return cString(text);
}

/** The NUL-terminated string in `bytes` (a char array of a struct). */
export function readChars(bytes: Uint8Array): string {
  let end = 0;
  let ascii = true;
  while (end < bytes.length && bytes[end] !== 0) {
    if (bytes[end]! >= 0x80) ascii = false;
    end++;
  }
  // Short ASCII text (the resolver's steps, error texts) is most of it, and
  // TextDecoder costs more than the C call for such strings on Node.
  if (ascii && end <= 1024) return String.fromCharCode.apply(null, bytes.subarray(0, end) as unknown as number[]);
  return decoder.decode(bytes.subarray(0, end));
}
