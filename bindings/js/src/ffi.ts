/**
 * The C functions this package calls, declared once for every runtime.
 *
 * Each runtime adapter (`runtime/node.ts` through koffi, `runtime/deno.ts`
 * through `Deno.dlopen`, `runtime/bun.ts` through `bun:ffi`) turns this table
 * into callable functions.  The signatures use a small vocabulary that every
 * FFI can express:
 *
 * - `ptr`: a pointer parameter.  JavaScript passes a `Uint8Array` (any typed
 *   array view or `ArrayBuffer`) or `null`; the FFI hands C the address of
 *   the view's first byte, without copying.
 * - `cstr`: a `const char *` *result*, read as UTF-8 up to its NUL.
 *   (String *parameters* are encoded by the caller, `text.ts`, and passed as
 *   `ptr`.)
 * - `u64`: a 64-bit parameter passed as a `bigint`; `usize` results come
 *   back as `number` (the adapters normalise what their FFI returns).
 *
 * Nothing here holds state: the adapters bind the functions to one loaded
 * library object, which `library.ts` creates once per JavaScript realm.
 */

export type ParamType = "u8" | "i8" | "u16" | "u32" | "i32" | "u64" | "usize" | "f64" | "ptr";
export type ResultType = "void" | "i32" | "u32" | "usize" | "cstr";

export interface Signature {
  readonly result: ResultType;
  readonly params: readonly ParamType[];
}

/** A pointer argument: a view of caller memory, or null. */
export type Pointer = ArrayBufferView | ArrayBuffer | null;

const sig = <R extends ResultType, P extends ParamType[]>(result: R, ...params: P) => ({ result, params });
const status = <P extends ParamType[]>(...params: P) => sig("i32", ...params);

/** libmitch 1.0: every function the package uses. */
export const FUNCTIONS_1_0 = {
  mitch_get_version_number: sig("u32"),
  mitch_get_version: sig("cstr"),
  mitch_get_protocol_version: sig("cstr"),
  mitch_strerror: sig("cstr", "i32"),

  mitch_header_validate: status("ptr"),
  mitch_header_encode: status("ptr", "ptr", "usize"),
  mitch_header_decode: status("ptr", "usize", "ptr"),
  mitch_trade_validate: status("ptr"),
  mitch_trade_encode: status("ptr", "ptr", "usize"),
  mitch_trade_decode: status("ptr", "usize", "ptr"),
  mitch_trade_encode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_trade_decode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_order_validate: status("ptr"),
  mitch_order_encode: status("ptr", "ptr", "usize"),
  mitch_order_decode: status("ptr", "usize", "ptr"),
  mitch_order_encode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_order_decode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_tick_validate: status("ptr"),
  mitch_tick_encode: status("ptr", "ptr", "usize"),
  mitch_tick_decode: status("ptr", "usize", "ptr"),
  mitch_tick_encode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_tick_decode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_index_validate: status("ptr"),
  mitch_index_encode: status("ptr", "ptr", "usize"),
  mitch_index_decode: status("ptr", "usize", "ptr"),
  mitch_index_encode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_index_decode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_order_book_validate: status("ptr"),
  mitch_order_book_encode: status("ptr", "ptr", "usize"),
  mitch_order_book_decode: status("ptr", "usize", "ptr"),
  mitch_order_book_encode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_order_book_decode_batch: status("ptr", "usize", "ptr", "usize", "ptr"),
  mitch_body_validate: status("u8", "ptr", "usize"),
  mitch_body_size: status("u8", "ptr"),

  mitch_tick_metrics_get: status("ptr", "ptr"),
  mitch_index_metrics_get: status("ptr", "ptr"),
  mitch_bin_aggregator_name: sig("cstr", "u8"),
  mitch_bin_price_range: status("f64", "u8", "i32", "u32", "ptr", "ptr"),
  mitch_bin_for_price: status("f64", "u8", "i32", "f64", "ptr"),
  mitch_order_book_totals: status("ptr", "ptr", "ptr", "ptr", "ptr"),

  mitch_message_encode: status("u8", "u64", "ptr", "usize", "ptr", "usize", "ptr"),
  mitch_reader_init: sig("void", "ptr", "ptr", "usize"),
  mitch_reader_next: status("ptr", "ptr"),
  mitch_message_validate: status("ptr", "ptr"),
  mitch_stream_validate: status("ptr", "usize", "u8", "ptr"),
  mitch_stream_gather: status("ptr", "usize", "u8", "ptr", "usize", "ptr", "ptr"),
  mitch_stream_frame: status("u8", "u64", "ptr", "usize", "ptr", "usize", "ptr"),

  mitch_ticker_id_encode: status("ptr", "ptr"),
  mitch_ticker_id_decode: status("u64", "ptr"),
  mitch_validate_ticker_id: status("u64"),
  mitch_pack_asset: status("u8", "u16", "ptr"),
  mitch_unpack_asset: status("u32", "ptr", "ptr"),
  mitch_validate_channel: status("u32"),
  mitch_channel_decode: status("u32", "ptr", "ptr"),
  mitch_create_channel: status("u16", "i8", "ptr"),
  mitch_pack_channel: status("u32", "ptr"),
  mitch_unpack_channel: status("ptr", "usize", "ptr"),

  mitch_asset_get: status("u8", "u16", "ptr"),
  mitch_asset_get_packed: status("u32", "ptr"),
  mitch_asset_find: status("ptr", "i32", "f64", "ptr", "ptr"),
  mitch_asset_count: sig("usize", "u8"),
  mitch_asset_at: status("u8", "usize", "ptr"),
  mitch_asset_class_get: status("u8", "ptr"),
  mitch_instrument_type_get: status("u8", "ptr"),
  mitch_provider_count: sig("usize"),
  mitch_provider_at: status("usize", "ptr"),
  mitch_provider_get: status("u16", "ptr"),
  mitch_provider_find: status("ptr", "f64", "ptr", "ptr"),
  mitch_resolve: status("ptr", "u8", "ptr"),
} as const satisfies Record<string, Signature>;

/** Added in libmitch 1.1 (bound only when the loaded library is >= 1.1.0). */
export const FUNCTIONS_1_1 = {
  mitch_layout_count: sig("usize"),
  mitch_layout_at: status("usize", "ptr"),
  mitch_layout_get: status("u8", "ptr"),
  mitch_layout_field: status("u8", "usize", "ptr"),
  mitch_check_values: status("u8", "ptr", "usize", "ptr"),
  mitch_check_wire: status("u8", "ptr", "usize", "usize", "ptr"),
  mitch_check_stream: status("ptr", "usize", "u8", "ptr", "ptr"),
  mitch_capture_decode: status("ptr", "usize", "ptr", "usize", "ptr", "ptr"),
  mitch_capture_encode: status("u8", "ptr", "ptr", "usize", "ptr", "usize", "ptr", "ptr"),
} as const satisfies Record<string, Signature>;

type JsParam<P extends ParamType> = P extends "u64" ? bigint : P extends "ptr" ? Pointer : number;
type JsResult<R extends ResultType> = R extends "void"
  ? void
  : R extends "cstr"
    ? string | null
    : number;
type JsParams<P extends readonly ParamType[]> = { [K in keyof P]: P[K] extends ParamType ? JsParam<P[K]> : never };

/** The JavaScript function an adapter makes of a signature. */
export type Bound<S extends Signature> = (...args: JsParams<S["params"]>) => JsResult<S["result"]>;
export type Functions<T extends Record<string, Signature>> = { readonly [K in keyof T]: Bound<T[K]> };

export type Functions10 = Functions<typeof FUNCTIONS_1_0>;
export type Functions11 = Functions<typeof FUNCTIONS_1_1>;

/** What a runtime adapter offers: open one file, bind functions, read strings. */
export interface Runtime {
  /** "node", "deno" or "bun". */
  readonly name: string;
  /** An environment variable, or undefined (Deno without --allow-env: undefined). */
  env(name: string): string | undefined;
  /** The platform ("linux", "darwin", "win32", ...). */
  readonly platform: string;
  /** Load a shared library by path or by name, or throw with the loader's reason. */
  open(file: string): OpenLibrary;
}

export interface OpenLibrary {
  /** Bind the named functions; a missing symbol throws. */
  bind<T extends Record<string, Signature>>(table: T): Functions<T>;
  /** The NUL-terminated UTF-8 string at a C address taken from a struct (0 gives ""). */
  cstring(address: bigint): string;
  /** Release the library (used only when a loaded file is rejected). */
  close(): void;
}
