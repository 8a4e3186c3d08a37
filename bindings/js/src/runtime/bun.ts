/** Bun adapter: `bun:ffi` (its dlopen, CString for C strings). */
import { dlopen, CString, FFIType, type Pointer as BunPointer } from "bun:ffi";
import type { OpenLibrary, ParamType, ResultType, Runtime, Signature, Functions } from "../ffi.js";

const PARAM: Record<ParamType, FFIType> = {
  u8: FFIType.u8, i8: FFIType.i8, u16: FFIType.u16, u32: FFIType.u32, i32: FFIType.i32,
  u64: FFIType.u64, usize: FFIType.u64, f64: FFIType.f64, ptr: FFIType.ptr,
};
const RESULT: Record<ResultType, FFIType> = {
  void: FFIType.void, i32: FFIType.i32, u32: FFIType.u32, usize: FFIType.u64, cstr: FFIType.ptr,
};

function open(file: string): OpenLibrary {
  // bun:ffi refuses an empty symbol table: the probe asks for the one
  // function every libmitch has (a file without it fails here, which the
  // loader reports as "cannot load").
  const handles: { close(): void }[] = [dlopen(file, { mitch_get_version_number: { args: [], returns: FFIType.u32 } })];
  return {
    bind<T extends Record<string, Signature>>(table: T): Functions<T> {
      const symbols: Record<string, { args: FFIType[]; returns: FFIType }> = {};
      for (const [name, s] of Object.entries(table)) {
        symbols[name] = { args: s.params.map((p) => PARAM[p]), returns: RESULT[s.result] };
      }
      const lib = dlopen(file, symbols);
      handles.push(lib);
      const out: Record<string, unknown> = {};
      for (const [name, s] of Object.entries(table)) {
        const fn = lib.symbols[name] as unknown as (...a: unknown[]) => unknown;
        if (s.result === "cstr") {
          out[name] = (...a: unknown[]) => {
            const p = fn(...a) as BunPointer | null;
            return p ? new CString(p).toString() : null;
          };
        } else if (s.result === "usize") out[name] = (...a: unknown[]) => Number(fn(...a));
        else out[name] = fn;
      }
      return out as Functions<T>;
    },
    cstring(address: bigint): string {
      if (address === 0n) return "";
      return new CString(Number(address) as BunPointer).toString();
    },
    close(): void {
      for (const h of handles.splice(0)) h.close();
    },
  };
}

export const runtime: Runtime = {
  name: "bun",
  platform: process.platform,
  env: (name) => process.env[name],
  open,
};
