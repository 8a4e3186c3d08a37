import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadLibrary, versionedNames, LibraryLoadError } from "../dist/library.js";
import { mitch } from "./helpers.mjs";

/** A runtime whose files are a table: name -> version number (or missing). */
function fakeRuntime(env, files, platform = "linux") {
  return {
    name: "fake",
    platform,
    env: (k) => env[k],
    open(file) {
      if (!(file in files)) throw new Error(`${file}: cannot open shared object file`);
      return {
        bind: (table) => Object.fromEntries(Object.keys(table).map((k) => [k, () => files[file]])),
        cstring: () => "",
        close() {},
      };
    },
  };
}

test("the versioned names of each platform", () => {
  assert.deepEqual(versionedNames("linux"), ["libmitch.so.1"]);
  assert.deepEqual(versionedNames("win32"), ["libmitch-1.dll"]);
  assert.deepEqual(versionedNames("darwin"), ["libmitch.1.dylib"]);
  assert.deepEqual(versionedNames("linux", 2), ["libmitch.so.2"]);
  // never a file name no libtool writes ("libmitch.so.1.5", "libmitch.so.Symbol()")
  for (const major of [1.5, -1, NaN]) assert.throws(() => versionedNames("linux", major), RangeError, String(major));
  for (const major of ["1", 1n, null]) assert.throws(() => versionedNames("linux", major), TypeError, String(major));
  for (const platform of [undefined, 5, Symbol("p")]) assert.throws(() => versionedNames(platform), /versionedNames: platform must be a string/);
});

test("MITCH_LIBRARY first, and only it when set", () => {
  const rt = fakeRuntime({ MITCH_LIBRARY: "/x/libmitch.so.1" }, { "/x/libmitch.so.1": 0x010000, "libmitch.so.1": 0x010000 });
  assert.equal(loadLibrary(rt).source, "MITCH_LIBRARY");
  const missing = fakeRuntime({ MITCH_LIBRARY: "/nope.so" }, { "libmitch.so.1": 0x010000 });
  assert.throws(() => loadLibrary(missing), (e) => e instanceof LibraryLoadError && /\/nope\.so/.test(e.message) && e.tried.length === 1);
  const found = loadLibrary(fakeRuntime({}, { "libmitch.so.1": 0x010203 }));
  assert.equal(found.source, "versioned name");
  assert.notEqual(found.fn11, null); // 1.2.3 >= 1.1: the 1.1 functions are bound
  assert.equal(loadLibrary(fakeRuntime({}, { "libmitch.so.1": 0x010000 })).fn11, null);
});

test("another major version is refused, naming both versions and the file", () => {
  const rt = fakeRuntime({ MITCH_LIBRARY: "/x/libmitch.so.2" }, { "/x/libmitch.so.2": 0x020100 });
  assert.throws(() => loadLibrary(rt), (e) => /2\.1\.0/.test(e.message) && /major version 1/.test(e.message) && /\/x\/libmitch\.so\.2/.test(e.message));
});

test("a missing library lists every place tried and how to fix it", () => {
  for (const platform of ["linux", "win32", "darwin"]) {
    const err = (() => { try { loadLibrary(fakeRuntime({}, {}, platform)); } catch (e) { return e; } })();
    assert.ok(err instanceof LibraryLoadError);
    assert.match(err.message, /MITCH_LIBRARY: not set/);
    assert.ok(err.message.includes(versionedNames(platform)[0]));
    assert.match(err.message, /set MITCH_LIBRARY/);
    assert.equal(err.tried.length, 2);
  }
});

test("the package loaded the library make check points at", () => {
  if (process.env.MITCH_LIBRARY) assert.equal(mitch.librarySource, "MITCH_LIBRARY");
  assert.equal(mitch.libraryVersionNumber >>> 16, 1);
  assert.match(mitch.libraryVersion, /^1\.\d+\.\d+$/);
  assert.equal(mitch.protocolVersion, "1.0.0");
  assert.ok(["node", "deno", "bun"].includes(mitch.runtimeName));
});

test("the package's version is the library's (include/mitch.h)", () => {
  const top = process.env.MITCH_TOP_SRCDIR;
  assert.ok(top, "MITCH_TOP_SRCDIR must name the source tree (make check sets it)");
  const header = readFileSync(join(top, "include", "mitch.h"), "utf8");
  const version = /#define MITCH_VERSION_STRING "([^"]+)"/.exec(header)[1];
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  assert.equal(pkg.version, version);
});
