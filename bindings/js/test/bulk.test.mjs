import { test } from "node:test";
import assert from "node:assert/strict";
import { mitch, trade } from "./helpers.mjs";

test("decodeColumns: one typed array per field, equal to the scalar decode", () => {
  const list = Array.from({ length: 1000 }, (_, i) => trade(i + 1));
  const wire = mitch.encodeMessages("t", list, 7n);
  const c = mitch.decodeColumns(wire, "t");
  assert.equal(c.count, 1000);
  assert.ok(c.columns.tickerId instanceof BigUint64Array && c.columns.price instanceof Float64Array);
  assert.ok(c.columns.quantity instanceof Uint32Array && c.columns.side instanceof Uint8Array);
  list.forEach((t, i) => {
    assert.equal(c.columns.tickerId[i], t.tickerId);
    assert.equal(c.columns.price[i], t.price);
    assert.equal(c.columns.quantity[i], t.quantity);
    assert.equal(c.columns.tradeId[i], t.tradeId);
    assert.equal(c.columns.side[i], t.side);
  });
  const books = [{ tickerId: 3n, midPrice: 10, binAggregator: 0, bids: Array.from({ length: 128 }, (_, i) => ({ count: i, volume: 2 * i })), asks: Array.from({ length: 128 }, (_, i) => ({ count: 3 * i, volume: 4 * i })) }];
  const bc = mitch.decodeColumns(mitch.encodeMessage("b", books, 1n), "b");
  assert.equal(bc.columns.bidCounts.length, 128);
  assert.equal(bc.columns.askVolumes[127], 4 * 127);
  assert.throws(() => mitch.decodeColumns(wire.subarray(0, wire.length - 3), "t"), (e) => e.status === 3);
  assert.equal(mitch.decodeColumns(new Uint8Array(0), "t").count, 0);
});

test("encodeCapture: one message per timestamp run, decodeCapture gives it all back", () => {
  const list = Array.from({ length: 600 }, (_, i) => trade(i + 1));
  const stamps = list.map((_, i) => BigInt(1000 + Math.floor(i / 100)));
  const wire = mitch.encodeCapture("t", list, stamps);
  const counts = [...mitch.messages(wire)].map((m) => [m.header.timestamp, m.header.count]);
  assert.deepEqual(counts, [0, 1, 2, 3, 4, 5].map((k) => [BigInt(1000 + k), 100]));
  const back = mitch.decodeCapture(wire, ["t"]);
  assert.deepEqual([...back.trade.timestamp], stamps);
  assert.deepEqual([...back.trade.columns.tradeId], list.map((t) => t.tradeId));
  const bad = [...list];
  bad[450] = { ...bad[450], price: 0 };
  assert.throws(() => mitch.encodeCapture("t", bad, stamps), (e) => e.status === 6 && e.index === 450 && e.field === "price");
  assert.throws(() => mitch.encodeCapture("t", list, stamps.slice(1)), RangeError);
  assert.throws(() => mitch.encodeCapture("t", [trade()], [2n ** 48n]), (e) => e.status === 6);
  assert.equal(mitch.encodeCapture("t", [], []).length, 0);
});

test("decodeCapture: columns per type with each body's header timestamp", () => {
  const tick = { tickerId: 9n, bidPrice: 1, askPrice: 2, bidVolume: 3, askVolume: 4 };
  const parts = [mitch.encodeMessage("t", [trade(1), trade(2)], 100n), mitch.encodeMessage("s", [tick], 150n), mitch.encodeMessage("t", [trade(3)], 200n)];
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (data.set(p, at), (at += p.length));
  const cap = mitch.decodeCapture(data);
  assert.equal(cap.messages, 3);
  assert.deepEqual([...cap.trade.timestamp], [100n, 100n, 200n]);
  assert.deepEqual([...cap.trade.columns.tradeId], [1, 2, 3]);
  assert.deepEqual([...cap.tick.timestamp], [150n]);
  assert.equal(cap.order.count, 0);
  const only = mitch.decodeCapture(data, ["s"]);
  assert.equal(only.trade, undefined);
  assert.equal(only.tick.count, 1);
  const bad = data.slice();
  bad[72] = 0x78;
  assert.throws(() => mitch.decodeCapture(bad), (e) => e.status === 2 && e.offset === 72);
});

test("the bulk calls take arrays: anything else is a TypeError naming the argument", () => {
  const wire = mitch.encodeMessage("t", [trade(1)], 5n);
  for (const types of ["t", 116, {}, new Set(["t"])]) {
    assert.throws(() => mitch.decodeCapture(wire, types), (e) => e instanceof TypeError && /decode capture: types must be an array/.test(e.message), String(types));
  }
  assert.equal(mitch.decodeCapture(wire, undefined).trade.count, 1);
  for (const bodies of [undefined, null, 5, trade(1), { length: 1, 0: trade(1) }]) {
    assert.throws(() => mitch.encodeCapture("t", bodies, [1n]), (e) => e instanceof TypeError && /encode trade capture: bodies must be an array/.test(e.message), String(bodies));
  }
  for (const stamps of [undefined, null, 1n, new DataView(new ArrayBuffer(8)), { length: 1, 0: 1n }]) {
    assert.throws(() => mitch.encodeCapture("t", [trade(1)], stamps), (e) => e instanceof TypeError && /timestamps must be an array/.test(e.message), String(stamps));
  }
  assert.deepEqual(mitch.encodeCapture("t", [trade(1)], new BigUint64Array([5n])), wire);
});
