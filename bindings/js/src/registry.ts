/**
 * The registry: assets, asset classes, instrument types, market providers,
 * and symbol resolution ("BTC-USDT" -> ticker id), all looked up by the
 * library (resolution.md).  Names keep the registry's spelling.
 */
import type { AssetClass, InstrumentType, InstrumentTypeLike } from "./enums.js";
import { InvalidDataError, InvalidFieldValueError, quote } from "./errors.js";
import { check, statusText } from "./fail.js";
import { ASSET, CLASS_INFO, PROVIDER, RESOLUTION, STEPS_MAX } from "./layouts.js";
import { fn, lib, LITTLE_ENDIAN as LE } from "./native.js";
import { cStringInto, readChars } from "./text.js";
import { scratch } from "./bytes.js";
import { intValue } from "./struct.js";

export interface Asset {
  /** Packed: (assetClass << 16) | classId. */
  id: number;
  assetClass: AssetClass;
  classId: number;
  name: string;
  /** The primary symbol (first alias), "" if none. */
  symbol: string;
  aliases: string[];
}

export interface ClassInfo {
  id: number;
  name: string;
  /** "FX", "SPOT"...; "" for a reserved one. */
  code: string;
}

export interface Provider {
  id: number;
  name: string;
  abbreviations: string[];
}

/** A symbol resolved to its legs and ticker id. */
export interface Ticker {
  id: bigint;
  /** The symbol as given. */
  symbol: string;
  instrumentType: InstrumentType;
  base: Asset;
  quote: Asset;
  /** 1 for exact legs, else the fuzzy score. */
  confidence: number;
  /** What the resolver did ("stripped \".m\"", "split at \"/\""). */
  steps: string[];
}

export interface FindOptions {
  /** 0..1; default 0.8.  An exact hit is returned whatever this is. */
  minConfidence?: number;
}
export interface AssetFindOptions extends FindOptions {
  /** Only this class; default any. */
  assetClass?: AssetClass | number | null;
}

const lists = new Map<number, readonly string[]>();
/** The '|'-separated list at a library address, split once (a copy each time:
 *  callers may change what they get). */
function libList(address: bigint): string[] {
  const key = Number(address);
  let list = lists.get(key);
  if (list === undefined) {
    const s = libString(address);
    list = s === "" ? [] : s.split("|");
    lists.set(key, list);
  }
  return list.slice();
}

/** The text argument of a lookup as a C string; `call` names the lookup in a
 *  TypeError (a value that is not a string is not quoted). */
function queryBytes(query: string, call: string, what: () => string): Uint8Array {
  if (typeof query !== "string") throw new TypeError(`${call}: expected a string, got ${query === null ? "null" : typeof query}`);
  // C stops at a NUL: a query holding one cannot be passed whole.
  if (query.includes("\0")) throw new InvalidDataError(`${what()}: the text holds a NUL character: ${statusText(1)}`, 1, statusText(1));
  return cStringInto(query, scratch(1024, 3072));
}

// The library's strings are constant storage that lives as long as it is
// loaded: each address is read once and the string kept.
// (Keyed by the address as a number - user-space addresses are below 2^53 -
// because a Map hashes numbers much faster than bigints.)
const strings = new Map<number, string>();
function libString(address: bigint): string {
  const key = Number(address);
  let s = strings.get(key);
  if (s === undefined) {
    s = lib.cstring(address);
    strings.set(key, s);
  }
  return s;
}

function readAsset(dv: DataView, base: number): Asset {
  const o = ASSET.offsets;
  return {
    id: dv.getUint32(base + o.asset_id!, LE),
    assetClass: dv.getUint8(base + o.asset_class!),
    classId: dv.getUint16(base + o.class_id!, LE),
    name: libString(dv.getBigUint64(base + o.name!, LE)),
    symbol: libString(dv.getBigUint64(base + o.symbol!, LE)),
    aliases: libList(dv.getBigUint64(base + o.aliases!, LE)),
  };
}

function assetCall(what: string, call: (out: Uint8Array) => number): Asset {
  const out = scratch(ASSET.size);
  check(call(out), what);
  return readAsset(new DataView(out.buffer, out.byteOffset, out.byteLength), 0);
}

/** The asset `classId` of `assetClass` (NotFoundError if there is none). */
export function getAsset(assetClass: AssetClass | number, classId: number): Asset {
  const c = intValue("asset", "asset_class", "u8", assetClass);
  const id = intValue("asset", "class_id", "u16", classId);
  return assetCall(`asset ${c}:${id}`, (out) => fn.mitch_asset_get(c, id, out));
}

/** The asset of a packed asset id. */
export function getAssetById(assetId: number): Asset {
  const id = intValue("asset", "asset_id", "u32", assetId);
  return assetCall(`asset ${id}`, (out) => fn.mitch_asset_get_packed(id, out));
}

function minConfidence(call: string, options: FindOptions | undefined): number {
  if (options != null && typeof options !== "object") throw new TypeError(`${call}: options must be an object, not ${typeof options}`);
  const v = options?.minConfidence ?? 0.8;
  if (typeof v !== "number") throw new TypeError(`${call}: minConfidence must be a number, not ${typeof v}`);
  return v;
}

/** Resolve a name or symbol ("BTC", "Apple Inc.", "Etherium") to an asset:
 *  exact key, cleaned key, then fuzzy at or above minConfidence. */
export function resolveAsset(query: string, options?: AssetFindOptions): Asset & { confidence: number } {
  const what = () => `resolve asset ${quote(query)}`;
  const q = queryBytes(query, "resolve asset", what);
  const min = minConfidence("resolve asset", options);
  const filter = options?.assetClass ?? null;
  const cls = filter === null ? -1 : intValue("resolve asset", "asset_class", "u8", filter);
  const out = scratch(ASSET.size);
  const confidence = new Float64Array(scratch(8, 2048).buffer, 2048, 1);
  check(fn.mitch_asset_find(q, cls, min, out, confidence), what);
  return { ...readAsset(new DataView(out.buffer), 0), confidence: confidence[0]! };
}

/** Every asset of a class, in id order. */
export function assets(assetClass: AssetClass | number): Asset[] {
  const c = intValue("assets", "asset_class", "u8", assetClass);
  const what = `assets of class ${c}`;
  const n = fn.mitch_asset_count(c);
  const out = scratch(ASSET.size);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const list: Asset[] = [];
  for (let i = 0; i < n; i++) {
    check(fn.mitch_asset_at(c, i, out), what);
    list.push(readAsset(dv, 0));
  }
  return list;
}

function classInfo(what: string, call: (out: Uint8Array) => number): ClassInfo {
  const out = scratch(CLASS_INFO.size);
  check(call(out), what);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const o = CLASS_INFO.offsets;
  return {
    id: dv.getUint8(o.id!),
    name: libString(dv.getBigUint64(o.name!, LE)),
    code: libString(dv.getBigUint64(o.code!, LE)),
  };
}

/** Asset class 0..15 (reserved ones included). */
export function assetClassInfo(assetClass: AssetClass | number): ClassInfo {
  const c = intValue("asset class", "asset_class", "u8", assetClass);
  return classInfo(`asset class ${c}`, (out) => fn.mitch_asset_class_get(c, out));
}

/** Instrument type 0..15 (reserved ones included). */
export function instrumentTypeInfo(instrumentType: InstrumentType | number): ClassInfo {
  const c = intValue("instrument type", "instrument_type", "u8", instrumentType);
  return classInfo(`instrument type ${c}`, (out) => fn.mitch_instrument_type_get(c, out));
}

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");
let instrumentNames: Map<string, number> | null = null;

/** An instrument type from the enum, its code, or a name the library gives
 *  it ("spot", "Perpetual swap", "perpetual_swap", "PERP"). */
export function instrumentTypeCode(t: InstrumentTypeLike): number {
  if (typeof t === "number") return intValue("instrument type", "instrument_type", "u8", t);
  if (typeof t !== "string") throw new TypeError(`instrument type: expected a number or a name, got ${typeof t}`);
  if (!instrumentNames) {
    const names = new Map<string, number>();
    for (let i = 0; i < 16; i++) {
      const info = instrumentTypeInfo(i);
      if (info.code === "") continue; // reserved
      for (const n of [info.name, info.code]) {
        names.set(n, i);
        names.set(normalise(n), i);
      }
    }
    instrumentNames = names;
  }
  const code = instrumentNames.get(t) ?? instrumentNames.get(normalise(t));
  if (code === undefined)
    throw new InvalidFieldValueError(`instrument type ${quote(t)} is not a name or code of an instrument type: ${statusText(6)}`, 6, statusText(6), { field: "instrument_type" });
  return code;
}

function readProvider(out: Uint8Array): Provider {
  const dv = new DataView(out.buffer, out.byteOffset);
  const o = PROVIDER.offsets;
  return {
    id: dv.getUint16(o.id!, LE),
    name: libString(dv.getBigUint64(o.name!, LE)),
    abbreviations: libList(dv.getBigUint64(o.abbreviations!, LE)),
  };
}

/** The provider of an id (NotFoundError if none). */
export function getProvider(providerId: number): Provider {
  const id = intValue("provider", "provider_id", "u16", providerId);
  const out = scratch(PROVIDER.size);
  check(fn.mitch_provider_get(id, out), `provider ${id}`);
  return readProvider(out);
}

/** Every market provider, in id order. */
export function providers(): Provider[] {
  const n = fn.mitch_provider_count();
  const out = scratch(PROVIDER.size);
  const list: Provider[] = [];
  for (let i = 0; i < n; i++) {
    check(fn.mitch_provider_at(i, out), "providers");
    list.push(readProvider(out));
  }
  return list;
}

/** Find a provider: exact key, then abbreviation, then fuzzy at minConfidence. */
export function findProvider(query: string, options?: FindOptions): Provider & { confidence: number } {
  const what = () => `find provider ${quote(query)}`;
  const q = queryBytes(query, "find provider", what);
  const min = minConfidence("find provider", options);
  const out = scratch(PROVIDER.size);
  const confidence = new Float64Array(scratch(8, 2048).buffer, 2048, 1);
  check(fn.mitch_provider_find(q, min, out, confidence), what);
  return { ...readProvider(out), confidence: confidence[0]! };
}

/** Resolve a trading symbol ("EURUSD.m", "BTC-USDT", "^SPX") to its legs and
 *  ticker id; NotFoundError when nothing matches. */
export function resolveTicker(symbol: string, instrumentType: InstrumentTypeLike = "spot"): Ticker {
  const what = () => `resolve ticker ${quote(symbol)}`;
  const q = queryBytes(symbol, "resolve ticker", what);
  const itype = intValue("resolve ticker", "instrument_type", "u8", instrumentTypeCode(instrumentType));
  const out = scratch(RESOLUTION.size);
  check(fn.mitch_resolve(q, itype, out), what);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const o = RESOLUTION.offsets;
  const steps = readChars(out.subarray(o.steps!, o.steps! + STEPS_MAX));
  return {
    id: dv.getBigUint64(o.ticker_id!, LE),
    symbol,
    instrumentType: dv.getUint8(o.instrument_type!),
    base: readAsset(dv, o.base!),
    quote: readAsset(dv, o.quote!),
    confidence: dv.getFloat64(o.confidence!, LE),
    steps: steps === "" ? [] : steps.split("; "),
  };
}
