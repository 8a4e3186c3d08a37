/**
 * The loaded library, once per JavaScript realm (a worker has its own): the
 * runtime adapter is chosen by the runtime the code runs in, then
 * `library.ts` finds and checks libmitch.  Importing the package fails with
 * a {@link LibraryLoadError} when no usable libmitch is found.
 */
import type { Runtime } from "./ffi.js";
import { loadLibrary, type Library } from "./library.js";

async function detectRuntime(): Promise<Runtime> {
  const g = globalThis as { Deno?: { dlopen?: unknown }; Bun?: unknown };
  if (g.Deno?.dlopen) return (await import("./runtime/deno.js")).runtime;
  if (g.Bun) return (await import("./runtime/bun.js")).runtime;
  return (await import("./runtime/node.js")).runtime;
}

export const runtime: Runtime = await detectRuntime();
export const lib: Library = loadLibrary(runtime);
export const fn = lib.fn;

/** Structs are host-order values: DataView calls take this flag. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
