// Hostile input: random bytes, cut buffers and foreign payloads get a
// MitchError (or a TypeError for a wrong JavaScript type), never a crash,
// never a half-written output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mitch, trade, vectorRows, vectorsDir } from "./helpers.mjs";

function random(seed, n) {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

test("random bytes through every decoder: only MitchErrors", () => {
  const types = ["t", "o", "s", "i", "b"];
  for (let seed = 1; seed <= 300; seed++) {
    const bytes = random(seed, seed % 97 === 0 ? 5000 : seed % 70);
    // plant plausible headers now and then, so framing gets past byte 0
    if (seed % 3 === 0 && bytes.length > 8) bytes[0] = types[seed % 5].charCodeAt(0);
    for (const call of [
      () => [...mitch.messages(bytes)],
      () => mitch.validateCapture(bytes),
      () => mitch.decodeColumns(bytes, types[seed % 5]),
      () => mitch.unpack(types[seed % 5], bytes),
      () => mitch.unpackHeader(bytes),
      () => mitch.decodeBatch(types[seed % 5], bytes),
    ]) {
      try {
        call();
      } catch (err) {
        assert.ok(err instanceof mitch.MitchError, `seed ${seed}: ${err}`);
        assert.ok(err.status > 0);
      }
    }
  }
});

test("packInto writes the caller's buffer, and nothing when the body is bad", () => {
  const target = new Uint8Array(64).fill(0xee);
  assert.equal(mitch.packInto("t", trade(5), target, 16), 32);
  assert.deepEqual(mitch.unpackTrade(target, 16), trade(5));
  assert.equal(target[15], 0xee);
  assert.equal(target[48], 0xee);
  const before = target.slice();
  assert.throws(() => mitch.packInto("t", { ...trade(), price: NaN }, target, 16), (e) => e.status === 6);
  assert.throws(() => mitch.packInto("t", trade(), target, 40), (e) => e.status === 3);
  assert.deepEqual(target, before);
});

test("a failed batch encode or message encode returns nothing half-made", () => {
  const list = Array.from({ length: 10 }, (_, i) => trade(i + 1));
  list[9] = { ...list[9], side: 7 };
  assert.throws(() => mitch.encodeMessage("t", list, 1n), (e) => e.status === 6);
  assert.throws(() => mitch.encodeMessages("t", list, 1n), (e) => e.status === 6 && e.index === 9);
});

test("the package works in worker threads at once (no shared mutable state)", async () => {
  const { Worker } = await import("node:worker_threads");
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(workerData.url).then((mitch) => {
      let ok = 0;
      for (let i = 1; i <= 2000; i++) {
        const t = { tickerId: BigInt(workerData.id) << 32n | BigInt(i), price: i / 8, quantity: i, tradeId: i, side: i % 2 };
        const back = mitch.unpackTrade(mitch.packTrade(t));
        if (back.tickerId === t.tickerId && back.price === t.price && back.tradeId === i) ok++;
        if (i % 200 === 0 && mitch.resolveTicker("EURUSD").id === 0x0305153138900000n) ok++;
      }
      parentPort.postMessage(ok);
    });`;
  const url = new URL("../dist/index.js", import.meta.url).href;
  const results = await Promise.all([1, 2, 3, 4].map((id) => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { id, url } });
    w.once("message", (n) => { resolve(n); w.terminate(); });
    w.once("error", reject);
  })));
  assert.deepEqual(results, [2010, 2010, 2010, 2010]);
});

// The conformance runner over damaged copies of the vectors, run by the
// runtime running this file (Deno needs "run -A" before the script).
const RUNNER = fileURLToPath(new URL("../conformance.mjs", import.meta.url));
const RUNTIME = globalThis.Deno ? [process.execPath, "run", "-A"] : [process.execPath];

function runConformance(...args) {
  const run = spawnSync(RUNTIME[0], [...RUNTIME.slice(1), RUNNER, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: run.status, lines: run.stdout.split("\n").filter(Boolean) };
}

/** A copy of the vectors in a fresh temp dir, `damage(path of a file)` done to it. */
function damagedVectors(damage) {
  const copy = mkdtempSync(join(tmpdir(), "mitch-vectors-"));
  for (const sub of ["messages", "resolution"]) {
    mkdirSync(join(copy, sub));
    for (const f of readdirSync(join(vectorsDir(), sub))) copyFileSync(join(vectorsDir(), sub, f), join(copy, sub, f));
  }
  damage((name) => join(copy, name));
  return copy;
}

const VECTOR_FILES = ["messages", "resolution"].flatMap((sub) =>
  readdirSync(join(vectorsDir(), sub)).filter((f) => f.endsWith(".tsv")).map((f) => `${sub}/${f}`));
const dataRows = (name) => vectorRows(name).length;
const allRows = () => VECTOR_FILES.reduce((n, name) => n + dataRows(name), 0);
/** A vector file's lines, the header line first (line n is [n - 1]). */
const vectorLines = (name) => readFileSync(join(vectorsDir(), name), "utf8").replace(/\n$/, "").split("\n");
const columns = (name) => vectorLines(name)[0].split("\t").length;

test("conformance runner: a damaged file is one failure line, a bad row fails alone, the rest still counts", () => {
  const huge = "9".repeat(3_000_000);
  const quoted = `not an integer: ${huge}`; // the runner's reason, which it cuts to 200 characters
  const copy = damagedVectors((path) => {
    // not UTF-8 from the last line on: the rows before it still count
    writeFileSync(path("messages/trade.tsv"), Buffer.concat([readFileSync(path("messages/trade.tsv")), Buffer.from("zz\xff\xfe\tq\n", "latin1")]));
    unlinkSync(path("messages/order.tsv"));
    mkdirSync(path("messages/order.tsv"));
    writeFileSync(path("messages/tick.tsv"), "");
    // a 3 MB line of one cell, and a row of the right width with a 3 MB cell
    writeFileSync(path("messages/header.tsv"), readFileSync(path("messages/header.tsv"), "utf8") + "x".repeat(3_000_000) + "\n");
    const tickerIdWidth = columns("messages/ticker_id.tsv");
    writeFileSync(path("messages/ticker_id.tsv"), readFileSync(path("messages/ticker_id.tsv"), "utf8") +
      [huge, ...Array(tickerIdWidth - 1).fill("0")].join("\t") + "\n");
    // a row of two cells in the middle (line 4): the rows after it are still checked
    const channel = vectorLines("messages/channel.tsv");
    channel.splice(3, 0, "a\tb");
    writeFileSync(path("messages/channel.tsv"), channel.join("\n") + "\n");
    unlinkSync(path("resolution/providers.tsv"));
  });
  try {
    const run = runConformance(copy);
    assert.ok(run.lines.every((l) => l.length <= 300), `an unbounded failure line: ${run.lines.map((l) => l.length)}`);
    // the reason after EISDIR is the runtime's own wording
    const lines = run.lines.map((l) => l.replace(/^(FAIL messages\/order\.tsv: unreadable: EISDIR)\b.*/, "$1 ..."));
    const passed = allRows() - dataRows("messages/order.tsv") - dataRows("messages/tick.tsv") - dataRows("resolution/providers.tsv");
    assert.deepEqual({ status: run.status, lines }, {
      status: 1,
      lines: [
        `FAIL messages/trade.tsv: unreadable at line ${vectorLines("messages/trade.tsv").length + 1}: not UTF-8`,
        "FAIL messages/order.tsv: unreadable: EISDIR ...",
        "FAIL messages/tick.tsv: no rows",
        `FAIL messages/header.tsv row ${vectorLines("messages/header.tsv").length + 1}: 1 cells, header has ${columns("messages/header.tsv")}`,
        `FAIL messages/ticker_id.tsv row ${vectorLines("messages/ticker_id.tsv").length + 1}: ${quoted.slice(0, 200)}... (${quoted.length} characters)`,
        `FAIL messages/channel.tsv row 4: 2 cells, header has ${columns("messages/channel.tsv")}`,
        "FAIL resolution/providers.tsv: missing",
        `${passed} passed, 7 failed`,
      ],
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("conformance runner: a file of only its header line fails the run", () => {
  const copy = damagedVectors((path) => writeFileSync(path("messages/index.tsv"), vectorLines("messages/index.tsv")[0] + "\n"));
  try {
    const run = runConformance(copy);
    assert.deepEqual({ status: run.status, lines: run.lines }, {
      status: 1,
      lines: ["FAIL messages/index.tsv: no rows", `${allRows() - dataRows("messages/index.tsv")} passed, 1 failed`],
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("conformance runner: exit status 2 only for a usage error", () => {
  const nowhere = join(tmpdir(), "mitch-no-such-vectors-dir");
  const statuses = [runConformance(), runConformance(nowhere), runConformance(RUNNER), runConformance(vectorsDir())].map((r) => r.status);
  assert.deepEqual(statuses, [2, 2, 2, 0]);
});

test("bodyTypeOf hands out a frozen description, never the C functions behind it", () => {
  // It used to return the package's own codec: its validate/encode/decode
  // were the raw FFI bindings (a number where a pointer goes crashed the
  // process), and a write to its layout resized every later C buffer.
  const functions = (obj, depth = 0) =>
    depth > 3 || obj === null || typeof obj !== "object" ? [] :
      Object.entries(obj).flatMap(([k, x]) => (typeof x === "function" ? [k] : functions(x, depth + 1).map((p) => `${k}.${p}`)));
  for (const type of ["t", "o", "s", "i", "b"]) {
    const bt = mitch.bodyTypeOf(type);
    assert.deepEqual(functions(bt), [], `bodyTypeOf("${type}") has functions`);
    assert.ok(Object.isFrozen(bt) && Object.isFrozen(bt.layout) && Object.isFrozen(bt.layout.members), type);
    assert.ok(bt.layout.members.every(Object.isFrozen), type);
    assert.throws(() => { bt.layout.size = 1; }, TypeError);
  }
  assert.deepEqual(mitch.unpackTrade(mitch.packTrade(trade(3))), trade(3));
});

test("frame never reads past its input: a count beyond the bodies it holds is refused", () => {
  const one = mitch.encodeBatch("t", [trade(1)]);
  const inside = new Uint8Array(4096);
  inside.set(mitch.encodeBatch("t", [trade(1), trade(2), trade(3)]));
  // a view of one body in a bigger buffer: the bytes after it are not the caller's input
  for (const [wire, n] of [[one, 2], [one, 100], [inside.subarray(0, 32), 3], [new Uint8Array(0), 1]]) {
    assert.throws(() => mitch.frame("t", wire, n, 0n), (e) => e instanceof mitch.BufferTooSmallError && e.status === 3, `${wire.length} bytes, n ${n}`);
  }
  for (const n of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
    assert.throws(() => mitch.frame("t", one, n, 0n), (e) => (e instanceof RangeError || e.status === 3) && /\bn\b|cannot hold/.test(e.message), `n ${n}`);
  }
  assert.throws(() => mitch.frame("t", one, "1", 0n), (e) => e instanceof TypeError && /frame: n must be a number/.test(e.message));
  assert.equal(mitch.frame("t", one, null, 0n).length, 8 + 32);
  assert.equal(mitch.frame("t", inside.subarray(0, 96), 2, 0n).length, 8 + 64);
});

test("no argument becomes the caller's name in an error: messages stay short", () => {
  // frame and messageTypeCode had a trailing `what` parameter, public by accident
  const huge = "x".repeat(1 << 20);
  const one = mitch.encodeBatch("t", [trade(1)]);
  for (const call of [() => mitch.frame("t", one, 1, -1, huge), () => mitch.messageTypeCode("tt", huge), () => mitch.messageTypeCode(1.5, huge)]) {
    assert.throws(call, (e) => (e instanceof mitch.MitchError || e instanceof TypeError) && e.message.length < 300 && !e.message.includes("xxxx"));
  }
});
