// Shared by the test files: the package under test (the build tree's
// dist/), a few fixtures taken from the conformance vectors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
export * as mitch from "../dist/index.js";

export const fromHex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The conformance vectors' directory (tests/vectors/README.md). */
export function vectorsDir() {
  const dir = process.env.MITCH_VECTORS_DIR;
  if (!dir) throw new Error("MITCH_VECTORS_DIR is not set (make check sets it)");
  return dir;
}

/** Data rows of a vector file as objects (tests/vectors/README.md). */
export function vectorRows(name) {
  const [head, ...lines] = readFileSync(join(vectorsDir(), name), "utf8").split("\n").filter(Boolean);
  const keys = head.split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [keys[i], v])));
}

/** The first valid trade row of the vectors: its fields and bytes. */
export function sampleTrade(mitch) {
  const row = vectorRows("messages/trade.tsv").find((r) => !r.expect.startsWith("ERR"));
  return {
    trade: {
      tickerId: BigInt(row.ticker_id), price: mitch.parseHexFloat(row.price), quantity: Number(row.quantity),
      tradeId: Number(row.trade_id), side: Number(row.side),
    },
    wire: fromHex(row.expect),
  };
}

export const trade = (i = 1) => ({ tickerId: 0x0305153138900000n, price: 1.0850 + i / 1e4, quantity: 1000 + i, tradeId: i, side: i % 2 });
