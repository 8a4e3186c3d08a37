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
