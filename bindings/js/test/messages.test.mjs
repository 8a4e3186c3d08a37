import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { mitch, trade } from "./helpers.mjs";

const tick = (i) => ({ tickerId: 9n, bidPrice: 1 + i, askPrice: 2 + i, bidVolume: i, askVolume: 2 * i });
function capture() {
  const parts = [
    mitch.encodeMessage("t", [trade(1), trade(2)], 100n),
    mitch.encodeMessage(mitch.MessageType.Tick, [tick(1)], 200n),
    mitch.encodeMessage("t", [trade(3)], 300n),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

test("messages() walks a capture of mixed types, views into the caller's buffer", () => {
  const data = capture();
  const list = [...mitch.messages(data)];
  assert.deepEqual(list.map((m) => [m.messageType, m.header.count, m.header.timestamp, m.offset]), [
    [mitch.MessageType.Trade, 2, 100n, 0], [mitch.MessageType.Tick, 1, 200n, 72], [mitch.MessageType.Trade, 1, 300n, 112],
  ]);
  assert.equal(list[0].data.buffer, data.buffer);
  assert.equal(list[1].data.byteOffset, 72 + 8);
  assert.deepEqual(list[0].bodies, [trade(1), trade(2)]);
  assert.deepEqual(mitch.decodeMessages(data.buffer).flatMap((m) => m.bodies), [trade(1), trade(2), tick(1), trade(3)]);
  assert.deepEqual(mitch.validateCapture(data), { messages: 3, bodies: 4 });
  assert.deepEqual([...mitch.messages(new Uint8Array(0))], []);
});

test("damage stops the iteration with the offset of the faulty byte", () => {
  const data = capture();
  const typo = data.slice();
  typo[72] = 0x78; // 'x'
  const seen = [];
  assert.throws(() => { for (const m of mitch.messages(typo)) seen.push(m.offset); }, (e) => e.status === 2 && e.offset === 72);
  assert.deepEqual(seen, [0]);
  assert.throws(() => [...mitch.messages(data.subarray(0, data.length - 1))], (e) => e.status === 3 && e.offset === data.length - 1);
  const badBody = data.slice();
  badBody[72 + 8 + 8 + 7] = 0xff; // bid price of the tick -> NaN/negative
  badBody.fill(0xff, 72 + 8 + 8, 72 + 8 + 16);
  assert.throws(() => [...mitch.messages(badBody)], (e) => e.status === 6 && e.offset >= 80 && e.offset < 112);
  assert.throws(() => mitch.validateCapture(badBody), (e) => e.status === 6);
  assert.throws(() => mitch.validateCapture(data, "t"), (e) => e.status === 2);
});

test("encodeMessage takes 1..255 bodies; encodeMessages frames any number", () => {
  assert.throws(() => mitch.encodeMessage("t", [], 0n), (e) => e.status === 6);
  assert.throws(() => mitch.encodeMessage("t", Array.from({ length: 256 }, (_, i) => trade(i + 1)), 0n), (e) => e.status === 6);
  assert.throws(() => mitch.encodeMessage("t", [trade()], 2n ** 48n), (e) => e.status === 6);
  const many = Array.from({ length: 600 }, (_, i) => trade(i + 1));
  const wire = mitch.encodeMessages("t", many, 5n);
  assert.deepEqual([...mitch.messages(wire)].map((m) => m.header.count), [255, 255, 90]);
  assert.deepEqual([...mitch.messages(wire)].flatMap((m) => m.bodies), many);
});

async function collect(iterable) {
  const out = [];
  for await (const m of iterable) out.push(m);
  return out;
}

test("readMessages over a Node Readable and a web ReadableStream, any chunking", async () => {
  const data = capture();
  const expected = [...mitch.messages(data)].map((m) => [m.offset, m.header.count]);
  for (const size of [1, 7, 8, 33, data.length]) {
    const chunks = [];
    for (let i = 0; i < data.length; i += size) chunks.push(data.slice(i, i + size));
    const fromNode = await collect(mitch.readMessages(Readable.from(chunks)));
    assert.deepEqual(fromNode.map((m) => [m.offset, m.header.count]), expected, `node chunks of ${size}`);
    const web = new ReadableStream({ start(c) { for (const ch of chunks) c.enqueue(ch); c.close(); } });
    const fromWeb = await collect(mitch.readMessages(web));
    assert.deepEqual(fromWeb.map((m) => m.bodies), [...mitch.messages(data)].map((m) => m.bodies), `web chunks of ${size}`);
  }
  const bodies = [];
  for await (const b of mitch.readBodies(Readable.from([data]))) bodies.push(b);
  assert.equal(bodies.length, 4);
});

test("a stream that ends inside a message, or carries damage, raises", async () => {
  const data = capture();
  await assert.rejects(collect(mitch.readMessages(Readable.from([data.subarray(0, 75)]))), (e) => e instanceof mitch.BufferTooSmallError && e.offset === 75);
  const bad = data.slice();
  bad[72] = 0x54; // 'T'
  await assert.rejects(collect(mitch.readMessages(Readable.from([bad]))), (e) => e.status === 2 && e.offset === 72);
  await assert.rejects(collect(mitch.readMessages(Readable.from(["text"]))), TypeError);
});

test("the encoders take an array of bodies: anything else is a TypeError naming it", () => {
  for (const bodies of [undefined, null, 2 ** 53, trade(1), { length: 2 }, "tt"]) {
    for (const [call, what] of [
      [() => mitch.encodeBatch("t", bodies), "encode trade batch"],
      [() => mitch.encodeMessage("t", bodies, 1n), "encode trade message"],
      [() => mitch.encodeMessages("t", bodies, 1n), "encode trade messages"],
    ]) {
      assert.throws(call, (e) => e instanceof TypeError && e.message.startsWith(`${what}: bodies must be an array`), `${what}, ${typeof bodies}`);
    }
  }
});

test("readMessages takes a stream or an iterable of chunks: anything else is a TypeError", async () => {
  for (const source of [undefined, null, 5, "text", new Date(0), {}, new Uint8Array(16), new ArrayBuffer(16)]) {
    for (const read of [mitch.readMessages, mitch.readBodies]) {
      await assert.rejects(collect(read(source)), (e) => e instanceof TypeError && /^readMessages: expected a ReadableStream/.test(e.message), String(source));
    }
  }
});

test("a Message whose header was replaced is judged when read, never half-read", () => {
  const m = [...mitch.messages(mitch.encodeMessage("t", [trade(1), trade(2)], 5n))][0];
  const withHeader = (header) => new mitch.Message(header, m.offset, m.size, m.data);
  for (const header of [undefined, null, 5]) {
    assert.throws(() => withHeader(header).bodies, (e) => e instanceof TypeError && /^Message: header: expected an object/.test(e.message));
    assert.throws(() => withHeader(header).messageType, (e) => e instanceof TypeError && /^Message: header: expected an object/.test(e.message));
  }
  for (const count of [1.5, -1, "2", 0n, [2]]) {
    assert.throws(() => withHeader({ ...m.header, count }).bodies, (e) => (e instanceof TypeError || e instanceof RangeError) && /count/.test(e.message), String(count));
  }
  assert.throws(() => withHeader({ ...m.header, count: 3 }).bodies, (e) => e instanceof mitch.BufferTooSmallError);
  assert.deepEqual(withHeader({ ...m.header, count: 1 }).bodies, [trade(1)]);
});
