// bench.mjs - the JavaScript package's costs under the runtime running it,
// beside C doing the identical work (c_baseline.c), in one invocation:
//
//   node bench/bench.mjs --c-baseline PATH [--iterations N]
//   deno run -A bench/bench.mjs ...      bun bench/bench.mjs ...
//   (make bench-js runs all three)
//
// Each figure is the median of 5 rounds (the spread, max-min over the 5,
// follows in brackets): scalar pack (packTrade, a new Uint8Array each time,
// and packInto a caller's buffer) and unpack of a trade, resolveTicker,
// bulk decode of 1,000,000 trades into columns (decodeColumns, and
// decodeCapture when the library has it).
import { execFileSync } from "node:child_process";
import * as mitch from "../dist/index.js";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const iterations = Number(opt("--iterations", "1000000"));
const baseline = opt("--c-baseline", null);
const ROUNDS = 5;
const now = () => performance.now();

function rounds(fn) {
  const t = [];
  for (let r = 0; r < ROUNDS; r++) t.push(fn());
  t.sort((a, b) => a - b);
  return { median: t[2], spread: t[ROUNDS - 1] - t[0] };
}
let sink = 0;
const trade = { tickerId: 0x0305153138900000n, price: 1.085, quantity: 1000, tradeId: 7, side: mitch.Side.Buy };
const body = mitch.packTrade(trade);

const results = {};
results.pack_trade_ns = rounds(() => {
  const t0 = now();
  for (let i = 0; i < iterations; i++) {
    trade.tradeId = i + 1;
    sink += mitch.packTrade(trade)[20];
  }
  return ((now() - t0) * 1e6) / iterations;
});
const target = new Uint8Array(new ArrayBuffer(32));
results.pack_into_trade_ns = rounds(() => {
  const t0 = now();
  for (let i = 0; i < iterations; i++) {
    trade.tradeId = i + 1;
    sink += mitch.packInto(mitch.MessageType.Trade, trade, target);
  }
  return ((now() - t0) * 1e6) / iterations;
});
results.unpack_trade_ns = rounds(() => {
  const t0 = now();
  for (let i = 0; i < iterations; i++) sink += mitch.unpackTrade(body).tradeId;
  return ((now() - t0) * 1e6) / iterations;
});
const nResolve = Math.max(1, Math.floor(iterations / 20));
results.resolve_ticker_ns = rounds(() => {
  const t0 = now();
  for (let i = 0; i < nResolve; i++) sink += Number(mitch.resolveTicker("BTC-USDT", "spot").id & 1n);
  return ((now() - t0) * 1e6) / nResolve;
});

const BULK = 1_000_000;
const bodies = Array.from({ length: BULK }, (_, k) => ({ ...trade, tradeId: k + 1, price: 1 + k / 1e6 }));
const capture = mitch.encodeMessages("t", bodies, 0n);
bodies.length = 0;
results.bulk_decode_ms = rounds(() => {
  const t0 = now();
  const c = mitch.decodeColumns(capture, "t");
  sink += c.columns.tradeId[BULK - 1];
  return now() - t0;
});
if (mitch.libraryVersionNumber >= 0x010100) {
  results.bulk_capture_decode_ms = rounds(() => {
    const t0 = now();
    const c = mitch.decodeCapture(capture, ["t"]);
    sink += c.trade.columns.tradeId[BULK - 1];
    return now() - t0;
  });
}

const c = {};
if (baseline) {
  for (const line of execFileSync(baseline, [String(iterations)], { encoding: "utf8" }).trim().split("\n")) {
    const [name, value] = line.split(" ");
    c[name] = Number(value);
  }
}
const version = mitch.runtimeName === "deno" ? globalThis.Deno.version.deno : mitch.runtimeName === "bun" ? globalThis.Bun.version : process.versions.node;
console.log(`${mitch.runtimeName} ${version}, libmitch ${mitch.libraryVersion}, medians of ${ROUNDS} [spread]:`);
for (const [name, r] of Object.entries(results)) {
  const ref = c[name] ?? (name === "bulk_capture_decode_ms" ? c.bulk_decode_ms : name === "pack_into_trade_ns" ? c.pack_trade_ns : undefined);
  const cText = ref === undefined ? "" : `   C ${ref.toFixed(2)}   x${(r.median / ref).toFixed(1)}`;
  console.log(`  ${name.padEnd(24)} ${r.median.toFixed(2).padStart(9)} [${r.spread.toFixed(2)}]${cText}`);
}
if (sink === -1) console.log(sink);
