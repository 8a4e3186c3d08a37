/**
 * Turning a status into an exception, with the library's details when it
 * has them: with libmitch >= 1.1 a failed call is repeated through the
 * matching `mitch_check_*` function, which names the field, the rule and
 * the byte offset (the fast path never pays for that).
 */
import { errorClassFor, MitchError, type ErrorDetails } from "./errors.js";
import { ERROR, ERROR_TEXT_SIZE } from "./layouts.js";
import { fn, lib, LITTLE_ENDIAN } from "./native.js";
import { readChars } from "./text.js";

export function statusText(status: number): string {
  return fn.mitch_strerror(status) ?? `status ${status}`;
}

/** The error for a non-zero status; `what` says which call and on what. */
export function makeError(status: number, what: string, details: ErrorDetails = {}, libraryText?: string): MitchError {
  const cls = errorClassFor(status);
  const text = statusText(status);
  const message = libraryText ? `${what}: ${libraryText}` : `${what}: ${text}`;
  return new cls(message, status, text, details);
}

/** Throw for a non-zero status.  `what` may be a function, so that the hot
 *  path does not build a message it will not need. */
export function check(status: number, what: string | (() => string)): void {
  if (status !== 0) throw makeError(status, typeof what === "function" ? what() : what);
}

/** A zeroed mitch_error for a check call. */
export function newErrorStruct(): Uint8Array {
  return new Uint8Array(ERROR.size);
}

/** What a mitch_error filled by a check call says; `base` is added to its offset
 *  (the position of the checked bytes in the caller's buffer). */
export function readErrorStruct(err: Uint8Array, base = 0): { status: number; details: ErrorDetails; text: string } {
  const dv = new DataView(err.buffer, err.byteOffset, err.byteLength);
  const o = ERROR.offsets;
  const str = (name: string): string | null => {
    const s = lib.cstring(dv.getBigUint64(o[name]!, LITTLE_ENDIAN));
    return s === "" ? null : s;
  };
  const status = dv.getInt32(o.status!, LITTLE_ENDIAN);
  const details: ErrorDetails = {
    field: str("field_name"),
    otherField: str("other_name"),
    rule: str("rule"),
    offset: base + Number(dv.getBigUint64(o.offset!, LITTLE_ENDIAN)),
    index: Number(dv.getBigUint64(o.index!, LITTLE_ENDIAN)),
  };
  const text = readChars(err.subarray(o.text!, o.text! + ERROR_TEXT_SIZE));
  return { status, details, text };
}

/** The error for a failed call, detailed by `recheck` (a mitch_check_* call
 *  filling the given mitch_error) when the library has the 1.1 API. */
export function detailedError(
  status: number,
  what: string,
  recheck: ((err: Uint8Array) => number) | null,
  base = 0,
  fallback: ErrorDetails = {},
): MitchError {
  if (recheck && lib.fn11) {
    const err = newErrorStruct();
    const again = recheck(err);
    if (again !== 0) {
      const r = readErrorStruct(err, base);
      // The check function is the reference; if it disagrees with the fast
      // path the fast path's status wins and the details are dropped.
      if (again === status) return makeError(status, what, { ...fallback, ...r.details }, r.text || undefined);
    }
  }
  return makeError(status, what, fallback);
}
