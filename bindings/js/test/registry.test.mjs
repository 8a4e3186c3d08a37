import { test } from "node:test";
import assert from "node:assert/strict";
import { mitch } from "./helpers.mjs";

test("resolveTicker gives bigint ids and the legs with registry names", () => {
  const t = mitch.resolveTicker("BTC-USDT", "spot");
  assert.equal(typeof t.id, "bigint");
  assert.equal(t.base.name, "Bitcoin");
  assert.equal(t.quote.symbol, "USDT");
  assert.equal(t.instrumentType, mitch.InstrumentType.Spot);
  const eur = mitch.resolveTicker("EURUSD");
  assert.equal(eur.id, 0x0305153138900000n); // protocol.md's EUR/USD spot
  assert.deepEqual(mitch.decodeTickerId(eur.id), { instrumentType: 0, baseClass: 3, baseId: 1301, quoteClass: 3, quoteId: 5001, subType: 0 });
});

test("instrument types by enum, code, the library's name or short code", () => {
  const perp = mitch.resolveTicker("BTC-USDT", mitch.InstrumentType.PerpetualSwap).id;
  for (const name of ["perpetual_swap", "Perpetual swap", "PERP", 4]) assert.equal(mitch.resolveTicker("BTC-USDT", name).id, perp);
  assert.equal(perp >> 60n, 4n);
  assert.throws(() => mitch.resolveTicker("BTC-USDT", "spaceship"), (e) => e.status === 6);
  assert.throws(() => mitch.resolveTicker("BTC-USDT", 16), (e) => e.status === 6);
  // the TypeScript enum agrees with the library's table
  for (let i = 0; i < 14; i++) assert.equal(mitch.instrumentTypeCode(mitch.instrumentTypeInfo(i).name), i);
});

test("not found, bad text and huge text are errors, with the input cut in the message", () => {
  assert.throws(() => mitch.resolveTicker("USD"), (e) => e instanceof mitch.NotFoundError && e.status === 9); // base == quote
  assert.throws(() => mitch.resolveAsset("zzqxjv", { minConfidence: 0.9 }), (e) => e instanceof mitch.NotFoundError);
  assert.throws(() => mitch.resolveAsset("BT\0C"), (e) => e instanceof mitch.InvalidDataError);
  const huge = "A".repeat(1 << 20);
  assert.throws(() => mitch.resolveTicker(huge), (e) => e.status === 1 && e.message.length < 400);
  assert.throws(() => mitch.resolveAsset("\uFFFF\uD800"), mitch.MitchError); // lone surrogate: encoded as U+FFFD
  assert.throws(() => mitch.resolveAsset(42), TypeError);
});

test("assets, classes and providers enumerate the registry", () => {
  const fx = mitch.assets(mitch.AssetClass.Forex);
  const usd = fx.find((a) => a.symbol === "USD");
  assert.equal(usd.name, "US Dollar");
  assert.deepEqual(mitch.getAsset(mitch.AssetClass.Forex, usd.classId), usd);
  assert.deepEqual(mitch.getAssetById(usd.id), usd);
  assert.deepEqual(mitch.unpackAsset(usd.id), { assetClass: 3, classId: usd.classId });
  assert.equal(mitch.packAsset(3, usd.classId), usd.id);
  assert.equal(mitch.resolveAsset("Etherium", { minConfidence: 0.6 }).name, "Ethereum");
  assert.throws(() => mitch.resolveAsset("Apple", { assetClass: mitch.AssetClass.Crypto }), mitch.NotFoundError);
  assert.equal(mitch.assetClassInfo(10).code, "IP");
  const all = mitch.providers();
  assert.ok(all.length > 10);
  assert.deepEqual(mitch.getProvider(all[3].id), all[3]);
  assert.equal(mitch.findProvider("binance").id, 101);
  assert.throws(() => mitch.getProvider(65535), mitch.NotFoundError);
});

test("channels: protocol.md's examples", () => {
  assert.equal(mitch.channelId(101, "s"), 6648576);
  assert.equal(mitch.channelId(861, mitch.MessageType.Index), 56453376);
  assert.deepEqual(mitch.channel(101, "s"), { id: 6648576, providerId: 101, messageType: mitch.MessageType.Tick });
  assert.equal(mitch.unpackChannel(mitch.packChannel(6648576)), 6648576);
  assert.throws(() => mitch.unpackChannel(new Uint8Array(3)), (e) => e.status === 3);
});

test("registry lookups judge their arguments first: a TypeError naming the field, the value never echoed", () => {
  const calls = {
    getAsset: (x) => mitch.getAsset(x, 1), "getAsset class_id": (x) => mitch.getAsset(3, x), getAssetById: mitch.getAssetById,
    assets: mitch.assets, assetClassInfo: mitch.assetClassInfo, instrumentTypeInfo: mitch.instrumentTypeInfo, getProvider: mitch.getProvider,
    resolveAsset: mitch.resolveAsset, findProvider: mitch.findProvider, resolveTicker: mitch.resolveTicker,
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const value of [Symbol("s"), "x".repeat(1 << 20), new Uint8Array(5000), [1, 2, 3], { length: 1e6 }]) {
      if (typeof value === "string" && /^(resolveAsset|findProvider|resolveTicker)$/.test(name)) continue; // text is their input
      assert.throws(() => call(value), (e) => e instanceof TypeError && e.message.length < 200 && /must be a number|expected a string/.test(e.message),
        `${name}(${typeof value})`);
    }
  }
});

test("raw codes and options are checked, never passed on as something else", () => {
  for (const code of [1.5, -1, NaN, 256, 2 ** 53 + 1]) {
    assert.throws(() => mitch.instrumentTypeCode(code), (e) => e.status === 6 && e.field === "instrument_type", `code ${code}`);
  }
  assert.equal(mitch.instrumentTypeCode(4), 4);
  // -1 is the C call's "any class"; here "any" is an absent or null assetClass
  assert.throws(() => mitch.resolveAsset("BTC", { assetClass: -1 }), (e) => e.status === 6 && e.field === "asset_class");
  assert.equal(mitch.resolveAsset("BTC", { assetClass: null }).symbol, "BTC");
  for (const options of [0.5, "x", true, 5n]) {
    assert.throws(() => mitch.resolveAsset("BTC", options), (e) => e instanceof TypeError && /resolve asset: options must be an object/.test(e.message));
    assert.throws(() => mitch.findProvider("binance", options), (e) => e instanceof TypeError && /find provider: options must be an object/.test(e.message));
  }
});

test("-0 is 0 for every integer argument (an FFI may refuse -0 as unsigned)", () => {
  const same = (f) => {
    let a, b;
    try { a = { value: f(0) }; } catch (e) { a = { error: e.constructor, status: e.status }; }
    try { b = { value: f(-0) }; } catch (e) { b = { error: e.constructor, status: e.status }; }
    assert.deepEqual(b, a, String(f));
  };
  same((x) => mitch.decodeChannel(x));
  same((x) => mitch.packChannel(x));
  same((x) => mitch.unpackAsset(x));
  same((x) => mitch.channelId(x, "t"));
  same((x) => mitch.packAsset(x, 1));
  same((x) => mitch.getAsset(3, x));
  same((x) => mitch.getProvider(x));
  same((x) => mitch.strerror(x));
  same((x) => mitch.assetClassInfo(x));
});
