// ffi-choice.mjs NAPI_ADDON - koffi against a Node-API addon of our own
// (napi_decode.c) on the same scalar unpack: mitch_trade_decode of one
// 32-byte body into a struct, then the same JavaScript reading of the
// struct into a record.  Prints medians of 5 rounds of 1,000,000 calls.
// The package uses koffi (see README); this is the measurement behind it.
import { createRequire } from "node:module";
import * as mitch from "../dist/index.js";
import { fn } from "../dist/native.js";
import { TRADE } from "../dist/layouts.js";

const addonPath = process.argv[2];
if (!addonPath) {
  console.error("usage: ffi-choice.mjs path/to/napi_decode.node");
  process.exit(2);
}
const addon = createRequire(import.meta.url)(addonPath);
const body = mitch.packTrade({ tickerId: 0x0305153138900000n, price: 1.085, quantity: 1000, tradeId: 7, side: 0 });
const out = new Uint8Array(TRADE.size);
const view = new DataView(out.buffer);
const N = 1_000_000;
const o = TRADE.offsets;
const read = () => ({
  tickerId: view.getBigUint64(o.ticker_id, true), price: view.getFloat64(o.price, true),
  quantity: view.getUint32(o.quantity, true), tradeId: view.getUint32(o.trade_id, true), side: view.getUint8(o.side),
});
function median(fn) {
  const t = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    fn();
    t.push(((performance.now() - t0) * 1e6) / N);
  }
  t.sort((a, b) => a - b);
  return `${t[2].toFixed(1)} [${(t[4] - t[0]).toFixed(1)}]`;
}
let sink = 0;
const koffiCall = median(() => { for (let i = 0; i < N; i++) sink += fn.mitch_trade_decode(body, 32, out); });
const napiCall = median(() => { for (let i = 0; i < N; i++) sink += addon.decodeTrade(body, out); });
const koffiUnpack = median(() => { for (let i = 0; i < N; i++) { fn.mitch_trade_decode(body, 32, out); sink += read().tradeId; } });
const napiUnpack = median(() => { for (let i = 0; i < N; i++) { addon.decodeTrade(body, out); sink += read().tradeId; } });
const pkg = median(() => { for (let i = 0; i < N; i++) sink += mitch.unpackTrade(body).tradeId; });
console.log(`node ${process.versions.node}: ns per scalar trade unpack, median of 5 [spread]`);
console.log(`  call only (mitch_trade_decode)   koffi ${koffiCall}   Node-API ${napiCall}`);
console.log(`  call + record                    koffi ${koffiUnpack}   Node-API ${napiUnpack}`);
console.log(`  package unpackTrade (koffi)      ${pkg}`);
if (sink === -1) console.log(sink);
