/**
 * Node.js adapter: koffi (a prebuilt Node-API FFI from npm).
 *
 * Why koffi and not a Node-API addon of our own: see bench/ffi-choice.mjs
 * and the README; in short the addon saves well under a microsecond per
 * call but needs a C compiler and Node's headers wherever the package is
 * installed, while koffi ships prebuilt binaries for every platform.
 */
import { createRequire } from "node:module";
import type { OpenLibrary, ParamType, ResultType, Runtime, Signature, Functions } from "../ffi.js";

// koffi is CommonJS; createRequire keeps this module plain ESM under Node 18.
const require = createRequire(import.meta.url);
type Koffi = {
  load(path: string): { func(name: string, result: string, params: string[]): (...a: unknown[]) => unknown; unload?(): void };
  decode(address: number | bigint, type: string, length?: number): unknown;
};
const koffi = require("koffi") as Koffi;

const PARAM: Record<ParamType, string> = {
  u8: "uint8_t", i8: "int8_t", u16: "uint16_t", u32: "uint32_t", i32: "int32_t",
  u64: "uint64_t", usize: "size_t", f64: "double", ptr: "void *",
};
const RESULT: Record<ResultType, string> = {
  void: "void", i32: "int", u32: "uint32_t", usize: "size_t", cstr: "const char *",
};

function open(file: string): OpenLibrary {
  const lib = koffi.load(file);
  return {
    bind<T extends Record<string, Signature>>(table: T): Functions<T> {
      const out: Record<string, unknown> = {};
      for (const [name, s] of Object.entries(table)) {
        const fn = lib.func(name, RESULT[s.result], s.params.map((p) => PARAM[p]));
        // size_t results: koffi gives a number, or a bigint beyond 2^53.
        out[name] = s.result === "usize" ? (...a: unknown[]) => Number(fn(...a)) : fn;
      }
      return out as Functions<T>;
    },
    cstring(address: bigint): string {
      if (address === 0n) return "";
      return koffi.decode(address, "char", -1) as string;
    },
    close(): void {
      lib.unload?.();
    },
  };
}

export const runtime: Runtime = {
  name: "node",
  platform: process.platform,
  env: (name) => process.env[name],
  open,
};
