#!/usr/bin/env node
// conformance.mjs DIR - every row of the conformance vectors in DIR
// (format: tests/vectors/README.md) through the package's public API, under
// Node.js, Deno (`deno run -A conformance.mjs DIR`) or Bun
// (`bun conformance.mjs DIR`).  Prints each failure and one closing line
// "N passed, N failed", counting one per data row; exits 1 on any failure,
// 2 on a usage error.  A row with the wrong number of cells fails alone; a
// file that is missing, unreadable (not UTF-8 from some line on: the rows
// before it still count) or without data rows is one failure.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as mitch from "./dist/index.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: conformance.mjs VECTORS_DIR");
  process.exit(2);
}
let isDirectory = false;
try {
  isDirectory = statSync(dir).isDirectory();
} catch {
  // no such path: not a directory either
}
if (!isDirectory) {
  console.error(`conformance.mjs: ${dir} is not a directory`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
const problems = [];

// A failure line quotes at most this much of what it was given: a damaged
// file can hold a cell of megabytes.
const QUOTE_LIMIT = 200;
const clip = (text) => (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}... (${text.length} characters)` : text);
function fail(what, why) {
  failed += 1;
  problems.push(`${what}: ${clip(String(why))}`);
}
/** Why a read failed, with its code (EISDIR...) when the message does not say it. */
function reason(err) {
  const message = err && err.message ? err.message : String(err);
  return err && err.code && !message.includes(err.code) ? `${err.code}: ${message}` : message;
}

class Unreadable extends Error {}

// Strict: a byte that is not UTF-8 makes the file unreadable from its line
// on, rather than a U+FFFD that turns the line into some other row.  A BOM
// is kept, as part of the first header cell, like any other character.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The lines of a file, each decoded on its own so that the rows before a
 * line that is not UTF-8 are still checked (0x0a never occurs inside a UTF-8
 * sequence, so splitting the bytes first is safe). */
function* utf8Lines(bytes) {
  for (let start = 0, line = 1; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    let text;
    try {
      text = utf8.decode(bytes.subarray(start, end));
    } catch (err) {
      throw new Unreadable(`unreadable at line ${line}: ${err instanceof TypeError ? "not UTF-8" : reason(err)}`);
    }
    yield { line, text };
    start = end + 1;
  }
}

/** The data rows of a TSV file (blank lines skipped) as { line, row }, or
 * { line, wrongCells } for a row whose cells do not match the header's. */
function* tsvRows(bytes) {
  let head = null;
  for (const { line, text } of utf8Lines(bytes)) {
    if (text === "") continue;
    const cells = text.split("\t");
    if (head === null) head = cells;
    else if (cells.length !== head.length) yield { line, wrongCells: `${cells.length} cells, header has ${head.length}` };
    else yield { line, row: Object.fromEntries(head.map((h, k) => [h, cells[k]])) };
  }
}

/** Every data row of one file through `check`, which throws on failure.  A
 * bad row fails alone; a file that is missing, unreadable or without rows is
 * one failure, and the other files still run. */
function each(name, check) {
  let bytes;
  try {
    bytes = readFileSync(join(dir, name));
  } catch (err) {
    // ENOTDIR: a file where messages/ or resolution/ should be
    if (err && (err.code === "ENOENT" || err.code === "ENOTDIR")) fail(name, "missing");
    else fail(name, `unreadable: ${reason(err)}`);
    return;
  }
  let rows = 0;
  try {
    for (const { line, row, wrongCells } of tsvRows(bytes)) {
      rows += 1;
      try {
        if (wrongCells) throw new Error(wrongCells);
        check(row);
        passed += 1;
      } catch (err) {
        fail(`${name} row ${line}`, err && err.message ? err.message : err);
      }
    }
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    // the rows before the damage are counted, the rest of the file is one failure
    fail(name, err.message);
    return;
  }
  // no header or no rows: a file cut short, not a file of no vectors
  if (rows === 0) fail(name, "no rows");
}

const big = (s) => BigInt(s); // decimal or 0x...
const num = (s) => {
  const v = Number(s.startsWith("0x") || s.startsWith("-0x") ? BigInt(s) : s);
  if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${s}`);
  return v;
};
const f64 = (s) => mitch.parseHexFloat(s);
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
const bits = (x) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0);
};
function same(a, b) {
  if (typeof a === "number" && typeof b === "number") return bits(a) === bits(b);
  return a === b;
}
function assert(ok, message) {
  if (!ok) throw new Error(message);
}
function expectError(expect, call) {
  const status = Number(expect.slice(3));
  try {
    call();
  } catch (err) {
    assert(err instanceof mitch.MitchError, `expected MitchError status ${status}, got ${err}`);
    assert(err.status === status, `expected status ${status}, got ${err.status} (${err.message})`);
    return;
  }
  throw new Error(`expected ERR${status}, the call succeeded`);
}

/** A body file: pack equals the bytes, unpack gives the fields back bit for bit. */
function bodyFile(name, type, fields) {
  each(name, (row) => {
    const body = {};
    for (const [key, column, parse] of fields) body[key] = parse(row[column]);
    if (row.expect.startsWith("ERR")) {
      expectError(row.expect, () => mitch.pack(type, body));
      return;
    }
    const wire = fromHex(row.expect);
    const packed = mitch.pack(type, body);
    assert(hex(packed) === row.expect, `pack gave ${hex(packed)}`);
    // a longer buffer is accepted and only the body is read; an offset too
    const longer = new Uint8Array(wire.length + 13).fill(0xff);
    longer.set(wire, 5);
    for (const decoded of [mitch.unpack(type, wire), mitch.unpack(type, longer, 5)]) {
      for (const [key] of fields) assert(same(decoded[key], body[key]), `unpack ${key}: ${decoded[key]} != ${body[key]}`);
      assert(Object.keys(decoded).join() === fields.map((f) => f[0]).join(), `unpack fields ${Object.keys(decoded)}`);
    }
  });
}

bodyFile("messages/trade.tsv", mitch.MessageType.Trade, [
  ["tickerId", "ticker_id", big], ["price", "price", f64], ["quantity", "quantity", num],
  ["tradeId", "trade_id", num], ["side", "side", num],
]);
bodyFile("messages/order.tsv", mitch.MessageType.Order, [
  ["tickerId", "ticker_id", big], ["orderId", "order_id", num], ["price", "price", f64],
  ["quantity", "quantity", num], ["orderType", "order_type", num], ["side", "side", num],
  ["expiryMs", "expiry_ms", num],
]);
bodyFile("messages/tick.tsv", mitch.MessageType.Tick, [
  ["tickerId", "ticker_id", big], ["bidPrice", "bid_price", f64], ["askPrice", "ask_price", f64],
  ["bidVolume", "bid_volume", num], ["askVolume", "ask_volume", num],
]);
const INDEX_INTS = ["v_bid", "v_ask", "m_spread", "b_bid_o", "b_ask_o", "w_bid_o", "w_ask_o",
  "v_force", "l_force", "t_force", "m_force", "confidence", "rejected", "accepted"];
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
bodyFile("messages/index.tsv", mitch.MessageType.Index, [
  ["tickerId", "ticker_id", big], ["mid", "mid", f64], ...INDEX_INTS.map((c) => [camel(c), c, num]),
]);

each("messages/header.tsv", (row) => {
  assert(row.message_type.length === 1, `message_type ${row.message_type}`);
  const header = { messageType: row.message_type, timestamp: big(row.timestamp), count: num(row.count) };
  if (row.expect.startsWith("ERR")) {
    expectError(row.expect, () => mitch.packHeader(header));
    return;
  }
  const packed = mitch.packHeader(header);
  assert(hex(packed) === row.expect, `pack gave ${hex(packed)}`);
  const decoded = mitch.unpackHeader(fromHex(row.expect));
  assert(decoded.messageType === row.message_type.charCodeAt(0), `messageType ${decoded.messageType}`);
  assert(decoded.timestamp === header.timestamp && decoded.count === header.count, `unpack gave ${decoded.timestamp} ${decoded.count}`);
});

const TICKER_COLUMNS = ["instrument_type", "base_class", "base_id", "quote_class", "quote_id", "sub_type"];
each("messages/ticker_id.tsv", (row) => {
  const fields = Object.fromEntries(TICKER_COLUMNS.map((c) => [camel(c), num(row[c])]));
  if (row.expect.startsWith("ERR")) {
    expectError(row.expect, () => mitch.createTickerId(fields));
    return;
  }
  const id = mitch.createTickerId(fields);
  assert(id === big(row.expect), `create gave 0x${id.toString(16)}`);
  const decoded = mitch.decodeTickerId(id);
  for (const [k, v] of Object.entries(fields)) assert(decoded[k] === v, `decode ${k}: ${decoded[k]} != ${v}`);
});

each("messages/channel.tsv", (row) => {
  const provider = num(row.provider_id);
  const id = num(row.channel_id);
  assert(mitch.channelId(provider, row.message_type) === id, `channelId gave ${mitch.channelId(provider, row.message_type)}`);
  assert(hex(mitch.packChannel(id)) === row.bytes, `packChannel gave ${hex(mitch.packChannel(id))}`);
  assert(mitch.unpackChannel(fromHex(row.bytes)) === id, "unpackChannel");
  const ch = mitch.decodeChannel(id);
  assert(ch.providerId === provider && ch.messageType === row.message_type.charCodeAt(0) && ch.id === id, `decodeChannel ${JSON.stringify(ch)}`);
});

function seededBins(seed) {
  const bins = [];
  for (let i = 0; i < 256; i++) {
    const count = Number((BigInt(seed + 2 * i) * 2654435761n) % 2n ** 32n);
    const volume = Number((BigInt(seed + 2 * i + 1) * 2654435761n) % 2n ** 32n);
    bins.push({ count, volume });
  }
  return [bins.slice(0, 128), bins.slice(128)];
}
each("messages/order_book.tsv", (row) => {
  const [bids, asks] = seededBins(num(row.bins_seed));
  const book = { tickerId: big(row.ticker_id), midPrice: f64(row.mid_price), binAggregator: num(row.bin_aggregator), bids, asks };
  if (row.expect.startsWith("ERR")) {
    expectError(row.expect, () => mitch.packOrderBook(book));
    return;
  }
  const packed = mitch.packOrderBook(book);
  assert(hex(packed) === row.expect, "pack differs from expect");
  const d = mitch.unpackOrderBook(fromHex(row.expect));
  assert(d.tickerId === book.tickerId && same(d.midPrice, book.midPrice) && d.binAggregator === book.binAggregator, "unpack scalars");
  for (let i = 0; i < 128; i++) {
    assert(d.bids[i].count === bids[i].count && d.bids[i].volume === bids[i].volume, `bid bin ${i}`);
    assert(d.asks[i].count === asks[i].count && d.asks[i].volume === asks[i].volume, `ask bin ${i}`);
  }
});

each("resolution/tickers.tsv", (row) => {
  const t = mitch.resolveTicker(row.symbol, num(row.instrument_type));
  assert(t.id === big(row.ticker_id), `id 0x${t.id.toString(16)}`);
  assert(t.instrumentType === num(row.instrument_type), `instrumentType ${t.instrumentType}`);
  assert(t.base.assetClass === num(row.base_class) && t.base.classId === num(row.base_id), `base ${t.base.assetClass}:${t.base.classId}`);
  assert(t.quote.assetClass === num(row.quote_class) && t.quote.classId === num(row.quote_id), `quote ${t.quote.assetClass}:${t.quote.classId}`);
  assert(t.base.name === row.base_name && t.quote.name === row.quote_name, `names ${t.base.name} / ${t.quote.name}`);
  assert(t.confidence > 0 && t.confidence <= 1, `confidence ${t.confidence}`);
});

each("resolution/assets.tsv", (row) => {
  const options = { minConfidence: Number(row.min_confidence), assetClass: row.class_filter === "-" ? null : num(row.class_filter) };
  if (row.expect_class === "-") {
    try {
      mitch.resolveAsset(row.query, options);
    } catch (err) {
      assert(err instanceof mitch.NotFoundError, `expected NotFoundError, got ${err}`);
      return;
    }
    throw new Error("expected not found, got a match");
  }
  const a = mitch.resolveAsset(row.query, options);
  assert(a.assetClass === num(row.expect_class) && a.classId === num(row.expect_id) && a.name === row.expect_name,
    `got ${a.assetClass}:${a.classId} ${a.name}`);
  assert(a.id === (num(row.expect_class) << 16) + num(row.expect_id), `packed id ${a.id}`);
  assert(a.confidence >= options.minConfidence && a.confidence <= 1, `confidence ${a.confidence}`);
});

each("resolution/providers.tsv", (row) => {
  const options = { minConfidence: Number(row.min_confidence) };
  if (row.expect_id === "-") {
    try {
      mitch.findProvider(row.query, options);
    } catch (err) {
      assert(err instanceof mitch.NotFoundError, `expected NotFoundError, got ${err}`);
      return;
    }
    throw new Error("expected not found, got a match");
  }
  const p = mitch.findProvider(row.query, options);
  assert(p.id === num(row.expect_id) && p.name === row.expect_name, `got ${p.id} ${p.name}`);
});

for (const p of problems.slice(0, 50)) console.log(`FAIL ${p}`);
if (problems.length > 50) console.log(`... and ${problems.length - 50} more`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
