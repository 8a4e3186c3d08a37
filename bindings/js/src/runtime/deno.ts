/**
 * Deno adapter: `Deno.dlopen` (needs --allow-ffi; MITCH_LIBRARY is read
 * only with --allow-env, e.g. `deno run -A`).
 */
import type { OpenLibrary, ParamType, ResultType, Runtime, Signature, Functions } from "../ffi.js";

const PARAM: Record<ParamType, Deno.NativeType> = {
  u8: "u8", i8: "i8", u16: "u16", u32: "u32", i32: "i32",
  u64: "u64", usize: "usize", f64: "f64", ptr: "buffer",
};
const RESULT: Record<ResultType, Deno.NativeResultType> = {
  void: "void", i32: "i32", u32: "u32", usize: "usize", cstr: "pointer",
};

function readCString(pointer: Deno.PointerValue): string | null {
  return pointer === null ? null : Deno.UnsafePointerView.getCString(pointer);
}

/** Deno's fast FFI path takes 64-bit parameters as bigint only: a number
 *  there sends every call down the slow path (about ten times the cost,
 *  bench/bench.mjs), so size_t arguments are converted first.  The wrapper
 *  has the function's own arity - a call through a rest/spread argument list
 *  would not take the fast path either. */
function withBigIntSizes(fn: (...a: unknown[]) => unknown, params: readonly ParamType[]): (...a: unknown[]) => unknown {
  if (!params.includes("usize")) return fn;
  const names = params.map((_, i) => `a${i}`);
  const args = params.map((p, i) => (p === "usize" ? `BigInt(a${i})` : `a${i}`));
  // Generated code holds only the parameter names above, never caller data.
  return new Function("fn", `return function (${names.join(", ")}) { return fn(${args.join(", ")}); };`)(fn);
}

function open(file: string): OpenLibrary {
  // Declared lazily per table, so a 1.0 library can be opened for the
  // version check before the 1.1 symbols are asked for.
  const handles: { close(): void }[] = [];
  const probe = Deno.dlopen(file, {});
  handles.push(probe);
  return {
    bind<T extends Record<string, Signature>>(table: T): Functions<T> {
      const symbols: Record<string, Deno.ForeignFunction> = {};
      for (const [name, s] of Object.entries(table)) {
        symbols[name] = { parameters: s.params.map((p) => PARAM[p]), result: RESULT[s.result] };
      }
      const lib = Deno.dlopen(file, symbols);
      handles.push(lib);
      const out: Record<string, unknown> = {};
      for (const [name, s] of Object.entries(table)) {
        const fn = withBigIntSizes(lib.symbols[name] as unknown as (...a: unknown[]) => unknown, s.params);
        if (s.result === "cstr") out[name] = (...a: unknown[]) => readCString(fn(...a) as Deno.PointerValue);
        else if (s.result === "usize") out[name] = (...a: unknown[]) => Number(fn(...a));
        else out[name] = fn;
      }
      return out as Functions<T>;
    },
    cstring(address: bigint): string {
      if (address === 0n) return "";
      return Deno.UnsafePointerView.getCString(Deno.UnsafePointer.create(address)!);
    },
    close(): void {
      for (const h of handles.splice(0)) h.close();
    },
  };
}

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // no --allow-env: behave as if unset
  }
}

export const runtime: Runtime = { name: "deno", platform: Deno.build.os === "windows" ? "win32" : Deno.build.os, env, open };
