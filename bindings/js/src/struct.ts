/**
 * Moving JavaScript values in and out of the C structs of `layouts.ts`,
 * with the width checks the language boundary needs: a JavaScript number
 * can hold values no C member can (4294967296 in a uint32_t), and such a
 * value is an error (status 6) naming the field, never wrapped.
 */
import { InvalidFieldValueError, quote } from "./errors.js";
import { camel, type Member, type StructLayout } from "./layouts.js";
import { statusText } from "./fail.js";
import { LITTLE_ENDIAN as LE } from "./native.js";

const U64_MAX = (1n << 64n) - 1n;

export function widthError(what: string, field: string, value: unknown, rule: string): InvalidFieldValueError {
  // a string as quote() shows caller text; a number's text (a 400-digit
  // BigInt) is cut the same way, unquoted
  const text = typeof value === "bigint" ? `${value}n` : String(value);
  const shown = typeof value === "string" ? quote(value) : text.length > 80 ? `${text.slice(0, 80)}... (${text.length} characters)` : text;
  return new InvalidFieldValueError(`${what}: ${field} ${shown} ${rule}`, 6, statusText(6), { field, rule });
}

const INT_RANGE: Record<string, [number, number]> = {
  u8: [0, 0xff], i8: [-0x80, 0x7f], u16: [0, 0xffff], i16: [-0x8000, 0x7fff],
  u32: [0, 0xffffffff], i32: [-0x80000000, 0x7fffffff], int: [-0x80000000, 0x7fffffff],
};

/** An integer member's value, checked against its C type (-0 is 0: an FFI
 *  may refuse -0 for an unsigned parameter). */
export function intValue(what: string, field: string, kind: string, value: unknown): number {
  const [lo, hi] = INT_RANGE[kind]!;
  // the common case first: an integer number in range (NaN fails both compares)
  if (typeof value === "number" && value >= lo && value <= hi && Math.floor(value) === value) return value + 0;
  const v = typeof value === "bigint" && value >= BigInt(lo) && value <= BigInt(hi) ? Number(value) : value;
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
    if (typeof v !== "number" && typeof v !== "bigint") throw new TypeError(`${what}: ${field} must be a number, not ${typeof value}`);
    throw widthError(what, field, value, `is not an integer in ${lo}..${hi} (${kind})`);
  }
  return v + 0;
}

/** A u64 member's value (a bigint, or a safe non-negative integer number). */
export function u64Value(what: string, field: string, value: unknown): bigint {
  if (typeof value === "bigint") {
    if (value >= 0n && value <= U64_MAX) return value;
  } else if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  } else {
    throw new TypeError(`${what}: ${field} must be a bigint or a number, not ${typeof value}`);
  }
  throw widthError(what, field, value, "is not an integer in 0..2^64-1 (u64)");
}

export function f64Value(what: string, field: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(`${what}: ${field} must be a number, not ${typeof value}`);
  return value;
}

type Reader = (dv: DataView, base: number) => unknown;
type Writer = (dv: DataView, base: number, value: unknown, what: string) => void;

/** A record <-> struct converter for a layout: `read` gives a plain object
 *  with camelCase keys; `write` checks widths and fills the struct. */
export interface StructCodec<T> {
  readonly layout: StructLayout;
  read(dv: DataView, base: number): T;
  write(dv: DataView, base: number, value: T, what: string): void;
}

function memberReader(m: Member): Reader {
  const off = m.offset;
  switch (m.kind) {
    case "u8": return (dv, b) => dv.getUint8(b + off);
    case "i8": return (dv, b) => dv.getInt8(b + off);
    case "u16": return (dv, b) => dv.getUint16(b + off, LE);
    case "i16": return (dv, b) => dv.getInt16(b + off, LE);
    case "u32": return (dv, b) => dv.getUint32(b + off, LE);
    case "i32": case "int": return (dv, b) => dv.getInt32(b + off, LE);
    case "u64":
      if (m.asNumber) return (dv, b) => Number(dv.getBigUint64(b + off, LE));
      return (dv, b) => dv.getBigUint64(b + off, LE);
    case "f64": return (dv, b) => dv.getFloat64(b + off, LE);
    case "struct": {
      const inner = structCodec<Record<string, unknown>>(m.nested!);
      const size = m.nested!.size;
      if (m.count === 1) return (dv, b) => inner.read(dv, b + off);
      return (dv, b) => {
        const out = new Array(m.count);
        for (let i = 0; i < m.count; i++) out[i] = inner.read(dv, b + off + i * size);
        return out;
      };
    }
    default: throw new Error(`no reader for ${m.kind} member ${m.name}`);
  }
}

function memberWriter(m: Member): Writer {
  const off = m.offset;
  const name = m.name;
  switch (m.kind) {
    case "u8": return (dv, b, v, w) => dv.setUint8(b + off, intValue(w, name, "u8", v));
    case "i8": return (dv, b, v, w) => dv.setInt8(b + off, intValue(w, name, "i8", v));
    case "u16": return (dv, b, v, w) => dv.setUint16(b + off, intValue(w, name, "u16", v), LE);
    case "i16": return (dv, b, v, w) => dv.setInt16(b + off, intValue(w, name, "i16", v), LE);
    case "u32": return (dv, b, v, w) => dv.setUint32(b + off, intValue(w, name, "u32", v), LE);
    case "i32": case "int": return (dv, b, v, w) => dv.setInt32(b + off, intValue(w, name, "i32", v), LE);
    case "u64": return (dv, b, v, w) => dv.setBigUint64(b + off, u64Value(w, name, v), LE);
    case "f64": return (dv, b, v, w) => dv.setFloat64(b + off, f64Value(w, name, v), LE);
    case "struct": {
      const inner = structCodec<Record<string, unknown>>(m.nested!);
      const size = m.nested!.size;
      if (m.count === 1) return (dv, b, v, w) => inner.write(dv, b + off, v as Record<string, unknown>, w);
      return (dv, b, v, w) => {
        if (!Array.isArray(v) || v.length !== m.count)
          throw widthError(w, name, Array.isArray(v) ? `an array of ${v.length}` : typeof v, `must be an array of exactly ${m.count} elements`);
        for (let i = 0; i < m.count; i++) inner.write(dv, b + off + i * size, v[i] as Record<string, unknown>, `${w}: ${name}[${i}]`);
      };
    }
    default: throw new Error(`no writer for ${m.kind} member ${m.name}`);
  }
}

const GETTER: Record<string, string> = {
  u8: "getUint8", i8: "getInt8", u16: "getUint16", i16: "getInt16", u32: "getUint32", i32: "getInt32",
  int: "getInt32", u64: "getBigUint64", f64: "getFloat64",
};

/**
 * A flat struct's converter as straight-line code: one object literal to
 * read, one DataView call per member to write.  The code is generated from
 * the layout table (member names, kinds and offsets, nothing else), so it
 * is the same description the closures below follow - only faster in every
 * engine, because the record gets one fixed shape and no loop runs.
 */
function compiled<T>(layout: StructLayout): StructCodec<T> | null {
  if (!layout.members.every((m) => m.kind in GETTER && /^[a-z0-9_]+$/.test(m.name))) return null;
  const reads = layout.members.map((m) => {
    const get = `dv.${GETTER[m.kind]}(b + ${m.offset}${m.kind === "u8" || m.kind === "i8" ? "" : ", LE"})`;
    return `${camel(m.name)}: ${m.kind === "u64" && m.asNumber ? `Number(${get})` : get}`;
  });
  const writes = layout.members.map((m) => {
    const set = GETTER[m.kind]!.replace("get", "set");
    const v = `v.${camel(m.name)}`;
    const value = m.kind === "u64" ? `u64(w, "${m.name}", ${v})` : m.kind === "f64" ? `f64(w, "${m.name}", ${v})` : `int(w, "${m.name}", "${m.kind}", ${v})`;
    return `dv.${set}(b + ${m.offset}, ${value}${m.kind === "u8" || m.kind === "i8" ? "" : ", LE"});`;
  });
  const make = new Function("LE", "u64", "f64", "int", "check",
    `return {
      read(dv, b) { return { ${reads.join(", ")} }; },
      write(dv, b, v, w) { check(v, w); ${writes.join(" ")} },
    };`);
  const fns = make(LE, u64Value, f64Value, intValue, checkObject) as Pick<StructCodec<T>, "read" | "write">;
  return { layout, read: fns.read, write: fns.write };
}

/** A record argument: any object (its fields are judged one by one). */
export function checkObject(value: unknown, what: string): void {
  if (value === null || typeof value !== "object") throw new TypeError(`${what}: expected an object, got ${value === null ? "null" : typeof value}`);
}

const cache = new WeakMap<StructLayout, StructCodec<unknown>>();

/** The converter of a layout whose members are all numbers or nested structs. */
export function structCodec<T>(layout: StructLayout): StructCodec<T> {
  const hit = cache.get(layout);
  if (hit) return hit as StructCodec<T>;
  const fast = compiled<T>(layout);
  if (fast) {
    cache.set(layout, fast as StructCodec<unknown>);
    return fast;
  }
  const keys = layout.members.map((m) => camel(m.name));
  const readers = layout.members.map(memberReader);
  const writers = layout.members.map(memberWriter);
  const n = keys.length;
  const codec: StructCodec<T> = {
    layout,
    read(dv, base) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) out[keys[i]!] = readers[i]!(dv, base);
      return out as T;
    },
    write(dv, base, value, what) {
      checkObject(value, what);
      const rec = value as Record<string, unknown>;
      for (let i = 0; i < n; i++) writers[i]!(dv, base, rec[keys[i]!], what);
    },
  };
  cache.set(layout, codec as StructCodec<unknown>);
  return codec;
}
