// Hostile input: random bytes, cut buffers and foreign payloads get a
// MitchError (or a TypeError for a wrong JavaScript type), never a crash,
// never a half-written output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mitch, trade } from "./helpers.mjs";

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
