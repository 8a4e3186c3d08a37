/**
 * The C structs this package passes to libmitch, member by member, in
 * declaration order - the one place their shape is written down here.
 * Offsets, sizes and alignments are derived from the members by the C rules
 * of the 64-bit ABIs (LP64 and LLP64: pointers and size_t are 8 bytes, every
 * scalar aligned to its size); test/layout.test.mjs compares every one of
 * them, and the member names and kinds of the records users see, with the
 * library's own description (`mitch info --layouts --json`).
 *
 * Member names are the C names (= protocol.md's); the records users see use
 * them in camelCase (`ticker_id` -> `tickerId`), see {@link camel}.
 */

export type MemberKind =
  | "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "u64" | "f64"
  | "int" | "size" | "pointer" | "chars" | "struct";

export interface MemberSpec {
  readonly name: string;
  readonly kind: MemberKind;
  /** Elements: a char array's length, a nested struct array's length; else 1. */
  readonly count?: number;
  /** The nested struct of a "struct" member. */
  readonly nested?: StructLayout;
  /** A u64 member whose values fit 48 bits, shown to users as a number. */
  readonly asNumber?: boolean;
}

export interface Member extends MemberSpec {
  readonly offset: number;
  /** Bytes of all elements. */
  readonly size: number;
  readonly count: number;
}

export interface StructLayout {
  /** mitch_<name> in C ("trade", "stream_info"). */
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly members: readonly Member[];
  /** offset of each member by name. */
  readonly offsets: Readonly<Record<string, number>>;
}

const SCALAR: Record<Exclude<MemberKind, "chars" | "struct">, number> = {
  u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, u64: 8, f64: 8, int: 4, size: 8, pointer: 8,
};

function struct(name: string, specs: MemberSpec[]): StructLayout {
  let offset = 0;
  let align = 1;
  const members: Member[] = [];
  const offsets: Record<string, number> = {};
  for (const m of specs) {
    const count = m.count ?? 1;
    let a: number, size: number;
    if (m.kind === "chars") [a, size] = [1, count];
    else if (m.kind === "struct") [a, size] = [m.nested!.align, m.nested!.size * count];
    else [a, size] = [SCALAR[m.kind], SCALAR[m.kind] * count];
    offset = Math.ceil(offset / a) * a;
    members.push(Object.freeze({ ...m, count, offset, size }));
    offsets[m.name] = offset;
    offset += size;
    align = Math.max(align, a);
  }
  // frozen: the layouts size every buffer handed to C, and bodyTypeOf gives them out
  return Object.freeze({ name, size: Math.ceil(offset / align) * align, align, members: Object.freeze(members), offsets: Object.freeze(offsets) });
}

const m = (name: string, kind: MemberKind, count?: number, nested?: StructLayout): MemberSpec =>
  count === undefined ? { name, kind, nested } : { name, kind, count, nested };

export const HEADER = struct("header", [m("message_type", "u8"), m("count", "u8"), m("timestamp", "u64")]);
export const TRADE = struct("trade", [
  m("ticker_id", "u64"), m("price", "f64"), m("quantity", "u32"), m("trade_id", "u32"), m("side", "u8"),
]);
export const ORDER = struct("order", [
  m("ticker_id", "u64"), m("order_id", "u32"), m("price", "f64"), m("quantity", "u32"),
  m("order_type", "u8"), m("side", "u8"), { name: "expiry_ms", kind: "u64", asNumber: true },
]);
export const TICK = struct("tick", [
  m("ticker_id", "u64"), m("bid_price", "f64"), m("ask_price", "f64"), m("bid_volume", "u32"), m("ask_volume", "u32"),
]);
export const INDEX = struct("index", [
  m("ticker_id", "u64"), m("mid", "f64"), m("v_bid", "u32"), m("v_ask", "u32"), m("m_spread", "i32"),
  m("b_bid_o", "i32"), m("b_ask_o", "i32"), m("w_bid_o", "i32"), m("w_ask_o", "i32"),
  m("v_force", "u16"), m("l_force", "u16"), m("t_force", "i16"), m("m_force", "i16"),
  m("confidence", "u8"), m("rejected", "u8"), m("accepted", "u8"),
]);
export const BIN = struct("bin", [m("count", "u32"), m("volume", "u32")]);
export const BINS_PER_SIDE = 128;
export const ORDER_BOOK = struct("order_book", [
  m("ticker_id", "u64"), m("mid_price", "f64"), m("bin_aggregator", "u8"),
  m("bids", "struct", BINS_PER_SIDE, BIN), m("asks", "struct", BINS_PER_SIDE, BIN),
]);

export const TICKER_FIELDS = struct("ticker_fields", [
  m("instrument_type", "u8"), m("base_class", "u8"), m("base_id", "u16"),
  m("quote_class", "u8"), m("quote_id", "u16"), m("sub_type", "u32"),
]);
export const ASSET = struct("asset", [
  m("asset_id", "u32"), m("class_id", "u16"), m("asset_class", "u8"),
  m("name", "pointer"), m("symbol", "pointer"), m("aliases", "pointer"),
]);
export const CLASS_INFO = struct("class_info", [m("id", "u8"), m("name", "pointer"), m("code", "pointer")]);
export const PROVIDER = struct("provider", [m("id", "u16"), m("name", "pointer"), m("abbreviations", "pointer")]);
export const STEPS_MAX = 256;
export const RESOLUTION = struct("resolution", [
  m("ticker_id", "u64"), m("instrument_type", "u8"), m("base", "struct", 1, ASSET),
  m("quote", "struct", 1, ASSET), m("confidence", "f64"), m("steps", "chars", STEPS_MAX),
]);
export const TICK_METRICS = struct("tick_metrics", [
  m("mid", "f64"), m("spread", "f64"), m("spread_bps", "f64"), m("imbalance", "f64"), m("total_volume", "u64"),
]);
export const INDEX_METRICS = struct("index_metrics", [
  m("best_bid_price", "f64"), m("best_ask_price", "f64"), m("worst_bid_price", "f64"),
  m("worst_ask_price", "f64"), m("mean_spread", "f64"), m("volatility", "f64"), m("liquidity", "f64"),
  m("trend", "f64"), m("momentum", "f64"), m("confidence_band", "pointer"),
]);
export const STREAM_INFO = struct("stream_info", [
  m("messages", "size"), m("bodies", "size"), m("error_offset", "size"), m("message_offset", "size"),
]);
export const MESSAGE = struct("message", [
  m("header", "struct", 1, HEADER), m("offset", "size"), m("size", "size"), m("body_size", "size"),
  m("bodies", "pointer"),
]);
export const READER = struct("reader", [
  m("data", "pointer"), m("size", "size"), m("offset", "size"), m("status", "int"),
  m("error_offset", "size"), m("message_offset", "size"),
]);

/* libmitch 1.1 (api-1.1.md) */
export const ERROR_TEXT_SIZE = 160;
export const ERROR = struct("error", [
  m("status", "int"), m("layout", "u8"), m("field", "int"), m("other_field", "int"),
  m("field_name", "pointer"), m("other_name", "pointer"), m("rule", "pointer"),
  m("value", "f64"), m("other_value", "f64"), m("index", "size"), m("offset", "size"),
  m("message_offset", "size"), m("text", "chars", ERROR_TEXT_SIZE),
]);
export const CAPTURE_SINK = struct("capture_sink", [
  m("message_type", "u8"), m("bodies", "pointer"), m("timestamps", "pointer"),
  m("capacity", "size"), m("count", "size"), m("body_stride", "size"),
  m("timestamp_stride", "size"),
]);

/** Every struct above, for the layout test. */
export const ALL_STRUCTS: readonly StructLayout[] = [
  HEADER, TRADE, ORDER, TICK, INDEX, BIN, ORDER_BOOK, TICKER_FIELDS, ASSET, CLASS_INFO, PROVIDER,
  RESOLUTION, TICK_METRICS, INDEX_METRICS, STREAM_INFO, MESSAGE, READER, ERROR, CAPTURE_SINK,
];

/** snake_case -> camelCase: "ticker_id" -> "tickerId", "b_bid_o" -> "bBidO". */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
