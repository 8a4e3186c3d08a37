/**
 * Finding and loading libmitch (../shared/docs/bindings.md, "Loading and
 * versions"):
 *
 * 1. `MITCH_LIBRARY`, a full path.  When it is set nothing else is tried:
 *    an explicit choice that fails must not silently load another copy.
 * 2. The versioned file name, handed to the platform's own search
 *    (`libmitch.so.1` on Linux, `libmitch-1.dll` on Windows,
 *    `libmitch.1.dylib` on macOS): the system library, `LD_LIBRARY_PATH`.
 *
 * A library of another major version is refused with both versions and the
 * file named; a missing library is a {@link LibraryLoadError} that lists
 * every place tried and how to fix it.
 */
import { indexValue } from "./bytes.js";
import { FUNCTIONS_1_0, FUNCTIONS_1_1, type Functions10, type Functions11, type OpenLibrary, type Runtime } from "./ffi.js";

/** The libmitch major version this package is written for. */
export const LIBRARY_MAJOR = 1;
export const ENV_VAR = "MITCH_LIBRARY";
/** mitch_get_version_number() of the first release with the 1.1 API. */
export const VERSION_1_1 = 0x010100;

/** libmitch could not be found or is not a usable version. */
export class LibraryLoadError extends Error {
  /** Each place tried, with what happened there. */
  readonly tried: readonly string[];
  constructor(message: string, tried: readonly string[]) {
    super(message);
    this.name = "LibraryLoadError";
    this.tried = tried;
  }
}

/** The loaded library: its functions and where it came from. */
export interface Library {
  /** The file (or name) that was opened. */
  readonly path: string;
  /** "MITCH_LIBRARY" or "versioned name". */
  readonly source: string;
  /** mitch_get_version_number() of the loaded library. */
  readonly versionNumber: number;
  readonly fn: Functions10;
  /** The 1.1 functions, or null for a 1.0 library. */
  readonly fn11: Functions11 | null;
  readonly cstring: OpenLibrary["cstring"];
  readonly runtime: string;
}

/** The file names libtool gives libmitch of ABI `major` on `platform`. */
export function versionedNames(platform: string, major: number = LIBRARY_MAJOR): string[] {
  if (typeof platform !== "string") throw new TypeError(`versionedNames: platform must be a string, not ${platform === null ? "null" : typeof platform}`);
  indexValue("versionedNames", "major", major);
  if (platform === "win32" || platform === "cygwin") return [`libmitch-${major}.dll`];
  if (platform === "darwin") return [`libmitch.${major}.dylib`];
  return [`libmitch.so.${major}`];
}

function fixHint(platform: string): string {
  if (platform === "win32")
    return `Install libmitch, or set ${ENV_VAR} to the full path of libmitch-${LIBRARY_MAJOR}.dll (or put its folder on PATH).`;
  if (platform === "darwin")
    return `Install libmitch (make install), or set ${ENV_VAR} to the full path of libmitch.${LIBRARY_MAJOR}.dylib.`;
  return (
    `Install libmitch (the libmitch1 package, or 'make install' and then 'sudo ldconfig'), ` +
    `add its directory to LD_LIBRARY_PATH, or set ${ENV_VAR} to the full path of ` +
    `libmitch.so.${LIBRARY_MAJOR} (in a build tree: lib/.libs/libmitch.so.${LIBRARY_MAJOR}).`
  );
}

function versionText(n: number): string {
  return `${n >>> 16}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]!.slice(0, 300);
}

/** Open `file` and check it; the reason it is unusable, or the library. */
function attempt(rt: Runtime, file: string, source: string): Library | string {
  let lib: OpenLibrary;
  try {
    lib = rt.open(file);
  } catch (err) {
    return `cannot load: ${reason(err)}`;
  }
  let versionNumber: number;
  try {
    versionNumber = lib.bind({ mitch_get_version_number: FUNCTIONS_1_0.mitch_get_version_number })
      .mitch_get_version_number() >>> 0;
  } catch (err) {
    lib.close();
    return `loaded, but it does not export mitch_get_version_number (not libmitch?): ${reason(err)}`;
  }
  const major = versionNumber >>> 16;
  if (major !== LIBRARY_MAJOR) {
    lib.close();
    return (
      `loaded, but it is libmitch ${versionText(versionNumber)} and this package ` +
      `(mitch for JavaScript) needs major version ${LIBRARY_MAJOR}; install a matching libmitch`
    );
  }
  let fn: Functions10;
  let fn11: Functions11 | null = null;
  try {
    fn = lib.bind(FUNCTIONS_1_0);
    if (versionNumber >= VERSION_1_1) fn11 = lib.bind(FUNCTIONS_1_1);
  } catch (err) {
    lib.close();
    return `loaded libmitch ${versionText(versionNumber)}, but a function is missing: ${reason(err)}`;
  }
  return { path: file, source, versionNumber, fn, fn11, cstring: lib.cstring, runtime: rt.name };
}

/** Find, open and check libmitch (see the module comment for the order). */
export function loadLibrary(rt: Runtime): Library {
  const tried: string[] = [];
  const explicit = rt.env(ENV_VAR);
  if (explicit) {
    const result = attempt(rt, explicit, ENV_VAR);
    if (typeof result !== "string") return result;
    tried.push(`${ENV_VAR}=${explicit}: ${result}`);
    throw new LibraryLoadError(
      `libmitch could not be loaded from ${ENV_VAR}=${explicit}: ${result}.\n` +
        `Unset ${ENV_VAR} to use the system's libmitch, or point it at a libmitch ${LIBRARY_MAJOR}.x shared library.`,
      tried,
    );
  }
  tried.push(`${ENV_VAR}: not set`);
  for (const name of versionedNames(rt.platform)) {
    const result = attempt(rt, name, "versioned name");
    if (typeof result !== "string") return result;
    tried.push(`${name} (the platform's library search): ${result}`);
  }
  throw new LibraryLoadError(
    ["libmitch, the C library this package calls, was not found.", "Tried, in order:",
      ...tried.map((t) => `  - ${t}`), fixHint(rt.platform)].join("\n"),
    tried,
  );
}
