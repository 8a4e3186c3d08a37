/**
 * Errors: one class per libmitch status code, under {@link MitchError}.
 *
 * Every call into libmitch returns a status; the package turns a non-zero
 * status into the matching class.  Each error carries the status number, the
 * library's text for it (`mitch_strerror`), and - where the library or the
 * package knows them - the field at fault, the rule it breaks and the byte
 * offset of the damage in the caller's buffer.
 */

import { indexValue } from "./bytes.js";

/** Status codes of mitch.h (and the flat ABI, ffi.md). */
export const Status = {
  OK: 0,
  INVALID_DATA: 1,
  INVALID_MESSAGE_TYPE: 2,
  BUFFER_TOO_SMALL: 3,
  INVALID_TICKER_ID: 4,
  INVALID_CHANNEL_ID: 5,
  INVALID_FIELD_VALUE: 6,
  SERIALIZATION: 7,
  NOT_FOUND: 9,
  UNKNOWN: 99,
} as const;

export interface ErrorDetails {
  /** The field at fault, as protocol.md names it ("price", "ask_price"). */
  field?: string | null;
  /** The second field of a rule between two fields ("bid_price"), if any. */
  otherField?: string | null;
  /** The rule broken, in words ("must be finite and greater than 0"). */
  rule?: string | null;
  /** Byte offset of the damage in the caller's input buffer. */
  offset?: number | null;
  /** Which body or message (0-based) was at fault, for batch and stream calls. */
  index?: number | null;
}

/** Base class of every error libmitch reports. */
export class MitchError extends Error {
  /** The libmitch status code (MITCH_ERR_* in mitch.h). */
  readonly status: number;
  /** `mitch_strerror(status)`. */
  readonly statusText: string;
  readonly field: string | null;
  readonly otherField: string | null;
  readonly rule: string | null;
  readonly offset: number | null;
  readonly index: number | null;

  constructor(message: string, status: number, statusText: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.statusText = statusText;
    this.field = details.field ?? null;
    this.otherField = details.otherField ?? null;
    this.rule = details.rule ?? null;
    this.offset = details.offset ?? null;
    this.index = details.index ?? null;
  }
}

/** Status 1: a required input is missing, text is invalid, or (flat ABI) nothing matched. */
export class InvalidDataError extends MitchError {}
/** Status 2: the message type is not one of t o s i b. */
export class InvalidMessageTypeError extends MitchError {}
/** Status 3: the input is shorter than the message it must hold, or an output is too short. */
export class BufferTooSmallError extends MitchError {}
/** Status 4: ticker-id validation failed (reserved type or class, base == quote). */
export class InvalidTickerIdError extends MitchError {}
/** Status 5: a channel id fails validation. */
export class InvalidChannelIdError extends MitchError {}
/** Status 6: a field breaks a protocol rule or does not fit its wire width. */
export class InvalidFieldValueError extends MitchError {}
/** Status 7: encoding failed for another reason. */
export class SerializationError extends MitchError {}
/** Status 9: no registry entry matches. */
export class NotFoundError extends MitchError {}
/** Status 99, or a code this package does not know. */
export class UnknownError extends MitchError {}

const BY_STATUS: Record<number, typeof MitchError> = {
  1: InvalidDataError,
  2: InvalidMessageTypeError,
  3: BufferTooSmallError,
  4: InvalidTickerIdError,
  5: InvalidChannelIdError,
  6: InvalidFieldValueError,
  7: SerializationError,
  9: NotFoundError,
  99: UnknownError,
};

/** The class for a status code (UnknownError for codes this package does not know). */
export function errorClassFor(status: number): typeof MitchError {
  // a number only: a string key would reach Object.prototype ("constructor")
  if (typeof status !== "number") throw new TypeError(`errorClassFor: status must be a number, not ${status === null ? "null" : typeof status}`);
  return BY_STATUS[status] ?? UnknownError;
}

/** Cut caller text that goes into a message (bindings.md: never echo unbounded input). */
export function quote(text: string, max = 80): string {
  if (typeof text !== "string") throw new TypeError(`quote: text must be a string, not ${text === null ? "null" : typeof text}`);
  indexValue("quote", "max", max);
  const cut = text.length > max ? text.slice(0, max) + "..." : text;
  return JSON.stringify(cut);
}
