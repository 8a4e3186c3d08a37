import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { mitch, sampleTrade, trade, hex } from "./helpers.mjs";

test("a trade packs to the vector's bytes and unpacks from Uint8Array, ArrayBuffer, Buffer and offsets", () => {
  const { trade: t, wire } = sampleTrade(mitch);
  assert.equal(hex(mitch.packTrade(t)), hex(wire));
  const big = new ArrayBuffer(wire.length + 40);
  new Uint8Array(big).set(wire, 24);
  for (const view of [wire, wire.buffer, Buffer.from(wire), new Uint8Array(big, 24), new DataView(big, 24)]) {
    assert.deepEqual(mitch.unpackTrade(view), t);
  }
  assert.deepEqual(mitch.unpackTrade(big, 24), t);
  assert.deepEqual(mitch.unpack("t", new Uint8Array(big), 24), t);
});

test("decoding reads the caller's memory in place (no copy is taken)", () => {
  const buf = new Uint8Array(64);
  buf.set(mitch.packTrade(trade(1)), 32);
  const view = buf.subarray(32);
  assert.equal(mitch.unpackTrade(view).tradeId, 1);
  buf.set(mitch.packTrade(trade(7)), 32); // change the memory under the same view
  assert.equal(mitch.unpackTrade(view).tradeId, 7);
});

test("every body type round-trips with camelCase fields in protocol order", () => {
  const bodies = {
    [mitch.MessageType.Trade]: trade(3),
    [mitch.MessageType.Order]: { tickerId: 5n, orderId: 9, price: 101.25, quantity: 4, orderType: mitch.OrderType.Limit, side: mitch.Side.Sell, expiryMs: 2 ** 48 - 1 },
    [mitch.MessageType.Tick]: { tickerId: 5n, bidPrice: 1.5, askPrice: 1.75, bidVolume: 0, askVolume: 4294967295 },
    [mitch.MessageType.Index]: { tickerId: 5n, mid: 2.5, vBid: 1, vAsk: 2, mSpread: -3, bBidO: -4, bAskO: 5, wBidO: -6, wAskO: 7, vForce: 10000, lForce: 0, tForce: -10000, mForce: 10000, confidence: 100, rejected: 1, accepted: 2 },
  };
  for (const [type, body] of Object.entries(bodies)) {
    const wire = mitch.pack(Number(type), body);
    assert.equal(wire.length, mitch.bodyTypeOf(Number(type)).wireSize);
    const back = mitch.unpack(Number(type), wire);
    assert.deepEqual(back, body);
    assert.deepEqual(Object.keys(back), Object.keys(body));
  }
});

test("an order book carries exactly 128 bins a side", () => {
  const bins = (k) => Array.from({ length: 128 }, (_, i) => ({ count: i * k, volume: 4294967295 - i }));
  const book = { tickerId: 77n, midPrice: 64000.5, binAggregator: mitch.BinAggregator.TriLinear, bids: bins(1), asks: bins(3) };
  const wire = mitch.packOrderBook(book);
  assert.equal(wire.length, 2072);
  assert.deepEqual(mitch.unpackOrderBook(wire), book);
  assert.throws(() => mitch.packOrderBook({ ...book, bids: bins(1).slice(1) }), (e) => e.status === 6 && e.field === "bids");
});

test("values that do not fit their C type are errors naming the field, never wrapped", () => {
  const cases = [
    [{ quantity: 2 ** 32 }, "quantity"], [{ quantity: -1 }, "quantity"], [{ quantity: 1.5 }, "quantity"],
    [{ tradeId: Number.MAX_SAFE_INTEGER }, "trade_id"], [{ side: 256 }, "side"],
    [{ tickerId: 1n << 64n }, "ticker_id"], [{ tickerId: -1n }, "ticker_id"], [{ tickerId: 2 ** 53 + 2 }, "ticker_id"],
  ];
  for (const [change, field] of cases) {
    assert.throws(() => mitch.packTrade({ ...trade(), ...change }), (e) => e instanceof mitch.InvalidFieldValueError && e.status === 6 && e.field === field, JSON.stringify(String(Object.values(change)[0])));
  }
  assert.throws(() => mitch.packTrade({ ...trade(), price: "1.0" }), TypeError);
  assert.throws(() => mitch.packTrade(null), TypeError);
});

test("protocol rules are the library's: status 6 for a bad value, raw codes accepted", () => {
  for (const change of [{ side: 2 }, { tickerId: 0n }, { price: NaN }, { price: -1 }, { price: Infinity }, { quantity: 0 }, { tradeId: 0 }]) {
    assert.throws(() => mitch.packTrade({ ...trade(), ...change }), (e) => e instanceof mitch.InvalidFieldValueError && e.status === 6);
  }
  assert.equal(mitch.unpackTrade(mitch.packTrade({ ...trade(), side: 1 })).side, mitch.Side.Sell);
  const crossed = { tickerId: 1n, bidPrice: 2, askPrice: 1, bidVolume: 0, askVolume: 0 };
  assert.throws(() => mitch.packTick(crossed), (e) => e.status === 6);
  assert.throws(() => mitch.validate("s", crossed), (e) => e.status === 6);
  mitch.validate("t", trade());
});

test("short buffers and damaged bytes are refused by unpack", () => {
  const wire = mitch.packTrade(trade());
  assert.throws(() => mitch.unpackTrade(wire.subarray(0, 31)), (e) => e instanceof mitch.BufferTooSmallError && e.status === 3);
  assert.throws(() => mitch.unpackTrade(new Uint8Array(0)), (e) => e.status === 3);
  assert.throws(() => mitch.unpackTrade(wire, 1), (e) => e.status === 3);
  const bad = wire.slice();
  bad[24] = 5; // side
  assert.throws(() => mitch.unpackTrade(bad), (e) => e.status === 6);
  assert.throws(() => mitch.unpackTrade("not bytes"), TypeError);
});

test("headers: type characters or codes, 48-bit timestamps as bigint", () => {
  const h = { messageType: "t", timestamp: 2n ** 48n - 1n, count: 255 };
  const wire = mitch.packHeader(h);
  assert.deepEqual(mitch.unpackHeader(wire), { messageType: mitch.MessageType.Trade, count: 255, timestamp: 2n ** 48n - 1n });
  assert.throws(() => mitch.packHeader({ ...h, messageType: "T" }), (e) => e instanceof mitch.InvalidMessageTypeError);
  assert.throws(() => mitch.packHeader({ ...h, timestamp: 2n ** 48n }), (e) => e.status === 6);
  assert.throws(() => mitch.packHeader({ ...h, count: 0 }), (e) => e.status === 6);
  assert.throws(() => mitch.unpack("x", wire), (e) => e.status === 2);
});

test("batches decode and encode in one call each", () => {
  const list = Array.from({ length: 300 }, (_, i) => trade(i + 1));
  const wire = mitch.encodeBatch("t", list);
  assert.equal(wire.length, 300 * 32);
  assert.deepEqual(mitch.decodeBatch("t", wire), list);
  const bad = [...list];
  bad[123] = { ...bad[123], quantity: 0 };
  assert.throws(() => mitch.encodeBatch("t", bad), (e) => e.status === 6 && e.index === 123);
  const damaged = wire.slice();
  damaged[200 * 32] = 0; // ticker id of body 200 -> 0 in its low byte only
  for (let k = 0; k < 8; k++) damaged[200 * 32 + k] = 0;
  assert.throws(() => mitch.decodeBatch("t", damaged), (e) => e.status === 6 && e.index === 200 && e.offset === 200 * 32);
});

test("decodeBatch: the count is a non-negative integer no larger than the bytes hold", () => {
  const wire = mitch.encodeBatch("t", [trade(1), trade(2)]);
  assert.deepEqual(mitch.decodeBatch("t", wire, 1), [trade(1)]);
  assert.deepEqual(mitch.decodeBatch("t", wire, 0), []);
  assert.deepEqual(mitch.decodeBatch("t", wire, null), [trade(1), trade(2)]);
  for (const count of [1.5, -1, NaN, Infinity, 2 ** 53 + 1]) {
    assert.throws(() => mitch.decodeBatch("t", wire, count), (e) => e instanceof RangeError && /decode trade batch: count/.test(e.message), `count ${count}`);
  }
  for (const count of ["2", 2n, {}]) {
    assert.throws(() => mitch.decodeBatch("t", wire, count), (e) => e instanceof TypeError && /decode trade batch: count must be a number/.test(e.message), `count ${typeof count}`);
  }
  for (const count of [3, 2 ** 40, 2 ** 53 - 1]) {
    assert.throws(() => mitch.decodeBatch("t", wire, count), (e) => e instanceof mitch.BufferTooSmallError && e.status === 3, `count ${count}`);
  }
});

test("a detached ArrayBuffer (transferred away) reads as empty, whatever views it", () => {
  const detach = (buf) => (structuredClone(buf, { transfer: [buf] }), buf);
  const wire = mitch.packTrade(trade(1));
  const buffers = () => {
    const a = new ArrayBuffer(64), b = new ArrayBuffer(64);
    new Uint8Array(a).set(wire);
    const dv = new DataView(b);
    return [detach(a), (detach(b), dv)];
  };
  for (const data of buffers()) {
    assert.throws(() => mitch.unpackTrade(data), (e) => e instanceof mitch.BufferTooSmallError);
    assert.throws(() => mitch.unpackHeader(data), (e) => e instanceof mitch.BufferTooSmallError);
    assert.deepEqual([...mitch.messages(data)], []);
    assert.deepEqual(mitch.decodeBatch("t", data), []);
    assert.throws(() => mitch.packInto("t", trade(1), data), (e) => e instanceof mitch.BufferTooSmallError);
  }
});

test("an argument's value is never echoed whole into a message", () => {
  const wire = mitch.packTrade(trade(1));
  const short = (e) => e.message.length < 300;
  assert.throws(() => mitch.unpackTrade(wire, "x".repeat(1 << 20)), (e) => e instanceof TypeError && short(e) && /unpack trade: offset must be a number/.test(e.message));
  assert.throws(() => mitch.unpackTrade(wire, new Uint8Array(5000)), (e) => e instanceof TypeError && short(e));
  assert.throws(() => mitch.unpackTrade(wire, Symbol("s")), (e) => e instanceof TypeError && /offset must be a number, not symbol/.test(e.message));
  assert.throws(() => mitch.packTrade({ ...trade(1), tickerId: 10n ** 1000n }), (e) => e.status === 6 && e.field === "ticker_id" && short(e));
});

test("packHeader takes an object; parseHexFloat a string", () => {
  for (const h of [undefined, null, 5, "t"]) {
    assert.throws(() => mitch.packHeader(h), (e) => e instanceof TypeError && /pack header: expected an object/.test(e.message), String(h));
  }
  for (const text of [undefined, null, 1.5, 5n, {}]) {
    assert.throws(() => mitch.parseHexFloat(text), (e) => e instanceof TypeError && /parseHexFloat: expected a string/.test(e.message), typeof text);
  }
  assert.equal(mitch.parseHexFloat("0x1.8p+1"), 3);
});
