import { test } from "node:test";
import assert from "node:assert/strict";
import { mitch } from "./helpers.mjs";

test("one MitchError subclass per status, carrying status and the library's text", () => {
  const classes = {
    1: mitch.InvalidDataError, 2: mitch.InvalidMessageTypeError, 3: mitch.BufferTooSmallError,
    4: mitch.InvalidTickerIdError, 5: mitch.InvalidChannelIdError, 6: mitch.InvalidFieldValueError,
    7: mitch.SerializationError, 9: mitch.NotFoundError, 99: mitch.UnknownError,
  };
  for (const [status, cls] of Object.entries(classes)) {
    assert.equal(mitch.errorClassFor(Number(status)), cls);
    assert.ok(cls.prototype instanceof mitch.MitchError);
  }
  assert.equal(mitch.errorClassFor(42), mitch.UnknownError);
  assert.notEqual(mitch.strerror(3), mitch.strerror(6));
});

test("errors from calls name the status, its text and where", () => {
  let err;
  try {
    mitch.unpackTrade(new Uint8Array(10));
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof mitch.BufferTooSmallError && err instanceof mitch.MitchError && err instanceof Error);
  assert.equal(err.status, 3);
  assert.equal(err.statusText, mitch.strerror(3));
  assert.equal(err.name, "BufferTooSmallError");
  assert.match(err.message, /unpack trade/);
});

test("ticker-id and channel validation have their own statuses", () => {
  const reserved = mitch.createTickerId({ instrumentType: 14, baseClass: 3, baseId: 1, quoteClass: 3, quoteId: 2, subType: 0 });
  assert.throws(() => mitch.validateTickerId(reserved), (e) => e instanceof mitch.InvalidTickerIdError && e.status === 4);
  const same = mitch.createTickerId({ instrumentType: 0, baseClass: 3, baseId: 1, quoteClass: 3, quoteId: 1, subType: 0 });
  assert.throws(() => mitch.validateTickerId(same), (e) => e.status === 4);
  assert.throws(() => mitch.decodeChannel(0x00657301), (e) => e instanceof mitch.InvalidChannelIdError && e.status === 5);
  assert.throws(() => mitch.channelId(101, "x"), (e) => e.status === 2);
  assert.throws(() => mitch.channelId(70000, "t"), (e) => e.status === 6 && e.field === "provider_id");
});

test("with libmitch 1.1 a failed pack names the field, the rule and the offset", () => {
  const tick = { tickerId: 1n, bidPrice: 1.05, askPrice: 1.02, bidVolume: 0, askVolume: 0 };
  let err;
  try {
    mitch.packTick(tick);
  } catch (e) {
    err = e;
  }
  assert.equal(err.status, 6);
  assert.ok(err.field === "ask_price" || err.field === "bid_price", `field ${err.field}`);
  assert.ok(err.rule && err.rule.length > 0);
  assert.equal(typeof err.offset, "number");
  const wire = new Uint8Array(64);
  wire.set(mitch.packTrade({ tickerId: 1n, price: 1, quantity: 1, tradeId: 1, side: 0 }), 32);
  wire[32 + 16] = 0; wire[32 + 17] = 0; wire[32 + 18] = 0; wire[32 + 19] = 0; // quantity 0
  assert.throws(() => mitch.unpackTrade(wire, 32), (e) => e.field === "quantity" && e.offset === 32 + 16);
});

test("errorClassFor, strerror and quote take what they say: anything else is a TypeError", () => {
  // a string status looked up Object.prototype: errorClassFor("constructor") was Object
  for (const status of ["constructor", "__proto__", "1", null, 1n]) {
    assert.throws(() => mitch.errorClassFor(status), (e) => e instanceof TypeError && /^errorClassFor: status must be a number/.test(e.message), String(status));
  }
  assert.equal(mitch.errorClassFor(1.5), mitch.UnknownError);
  for (const status of ["x", undefined, {}, [3]]) {
    assert.throws(() => mitch.strerror(status), (e) => e instanceof TypeError && /^strerror: status must be a number/.test(e.message), String(status));
  }
  // never truncated to another status's text
  for (const status of [1.5, 2 ** 53, NaN]) assert.throws(() => mitch.strerror(status), (e) => e.status === 6 && e.field === "status", String(status));
  assert.equal(mitch.strerror(3), mitch.strerror(3.0));
  for (const text of [undefined, 5, 5n, new Uint8Array(2)]) {
    assert.throws(() => mitch.quote(text), (e) => e instanceof TypeError && /^quote: text must be a string/.test(e.message), typeof text);
  }
  assert.throws(() => mitch.quote("abc", -1), RangeError);
  assert.equal(mitch.quote("abc", 2), JSON.stringify("ab..."));
});
