// Hostile-input sweep (the idea of python/tests/test_hostile_sweep.py):
// every export of the package's entry point, and every method of its
// objects, called with random argument lists drawn from hostile values
// (wrong types, out-of-range numbers, odd buffers, throwing proxies) mixed
// with valid samples so that calls get past their first argument.
//
// An outcome is fine when the call returns, throws a MitchError, lets the
// sweep's own marker error (from a trapping Proxy or getter) through
// unchanged, or throws a TypeError / RangeError that the binding wrote
// itself (see `deliberate`).  Anything else - an engine error from inside
// the binding ("Cannot read properties of undefined", "Invalid typed array
// length", an FFI's conversion error), an error message longer than
// MAX_MESSAGE, a byte buffer changed by a call that threw, a call slower
// than SLOW_MS, a crash of the process - is a failure naming the callable,
// its seed and trial, and the arguments (by label, bounded).
//
// Every callable draws from its own generator, seeded by its name, so a
// failure repeats.  The sweep runs in a child process of the same runtime
// (this file, with MITCH_SWEEP_CHILD set): a crash or a hang there is
// reported as the call that was running, and the sweep goes on after it.
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mitch, sampleTrade, trade } from "./helpers.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const TRIALS = 100; // per exported callable
const METHOD_TRIALS = 60; // per method of a sample object
const MAX_MESSAGE = 600; // characters of any error message
const SLOW_MS = 3000;

// ---------------------------------------------------------------- values

/** FNV-1a of a string: the seed of a callable's generator. */
function seedOf(name) {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rng, list) => list[Math.floor(rng() * list.length)];

class SweepMarker extends Error {}
const marker = () => new SweepMarker("sweep marker: a hostile getter ran");

/** A Proxy whose every trap throws the marker. */
function trap() {
  const no = () => { throw marker(); };
  return new Proxy({}, {
    get: no, set: no, has: no, ownKeys: no, getOwnPropertyDescriptor: no, getPrototypeOf: no,
    defineProperty: no, deleteProperty: no, apply: no, construct: no,
  });
}

/** An ArrayBuffer after structuredClone transferred it, or a view made before. */
function detached(view = false) {
  const buf = new ArrayBuffer(40);
  const bytes = new Uint8Array(buf);
  structuredClone(buf, { transfer: [buf] });
  return view ? bytes : buf;
}

const MEGABYTE = "x".repeat(1 << 20);
const TID = 0x0305153138900000n;
const v = (label, make) => ({ label, make });

const HOSTILE = [
  v("undefined", () => undefined), v("null", () => null), v("true", () => true), v("false", () => false),
  v("NaN", () => NaN), v("Infinity", () => Infinity), v("-Infinity", () => -Infinity), v("-0", () => -0),
  v("0", () => 0), v("255", () => 255), v("256", () => 256), v("2**32", () => 2 ** 32),
  v("2**53", () => 2 ** 53), v("2**53+1", () => 2 ** 53 + 1), v("-1", () => -1), v("1.5", () => 1.5),
  v("1e308", () => 1e308), v("2n**64n", () => 2n ** 64n), v("-1n", () => -1n), v("2n**70n", () => 2n ** 70n),
  v("10n**400n", () => 10n ** 400n),
  v('""', () => ""), v('"t"', () => "t"), v('"\\ud800"', () => "\ud800"), v('"\\0"', () => "\0"),
  v('"EURUSD\\0x"', () => "EURUSD\0x"), v('"constructor"', () => "constructor"), v('"__proto__"', () => "__proto__"),
  v("1 MB string", () => MEGABYTE), v("Symbol()", () => Symbol("sweep")), v("{}", () => ({})), v("[]", () => []),
  v("[1,2,3]", () => [1, 2, 3]), v("[null]", () => [null]), v("throwing Proxy", trap),
  v("object with a throwing getter", () => ({ ...trade(1), get price() { throw marker(); } })),
  v("array with a throwing element", () => Object.defineProperty([trade(1), trade(2)], 1, { get() { throw marker(); } })),
  v("Uint8Array(0)", () => new Uint8Array(0)), v("Uint8Array(1)", () => new Uint8Array(1)),
  v("Uint8Array(7)", () => new Uint8Array(7)), v("Uint8Array(31)", () => new Uint8Array(31)),
  v("Uint8Array(33)", () => new Uint8Array(33)), v("Uint8Array(5000) of 0xa5", () => new Uint8Array(5000).fill(0xa5)),
  v("Float64Array(4)", () => new Float64Array([1.5, NaN, -0, 2 ** 60])), v("Int8Array(9)", () => new Int8Array(9).fill(-1)),
  v("DataView(40)", () => new DataView(new ArrayBuffer(40))), v("ArrayBuffer(40)", () => new ArrayBuffer(40)),
  v("SharedArrayBuffer(40)", () => new SharedArrayBuffer(40)), v("detached ArrayBuffer", () => detached()),
  v("Uint8Array over a detached buffer", () => detached(true)),
  v("Buffer subarray at offset 3", () => Buffer.alloc(80, 0x74).subarray(3, 70)),
  v("function", () => function f() { return 1; }), v("arrow returning a Proxy", () => () => trap()),
  v("Date", () => new Date(0)), v("Map", () => new Map([["t", 1]])), v("Set", () => new Set([1])),
  v("Promise", () => Promise.resolve(1)), v("{length: 2**32}", () => ({ length: 2 ** 32 })),
  v("{length: -1}", () => ({ length: -1 })), v("{length: 1.5}", () => ({ length: 1.5 })),
  v("object with valueOf", () => ({ valueOf: () => 116, toString: () => "t" })),
];

// Valid bodies of every type, and the same with one field made hostile.
const BOOK_BINS = () => Array.from({ length: 128 }, (_, i) => ({ count: i, volume: 2 * i }));
const BODIES = {
  t: () => trade(1),
  o: () => ({ tickerId: TID, orderId: 9, price: 101.25, quantity: 4, orderType: 1, side: 1, expiryMs: 0 }),
  s: () => ({ tickerId: TID, bidPrice: 1.5, askPrice: 1.75, bidVolume: 1, askVolume: 2 }),
  i: () => ({ tickerId: TID, mid: 2.5, vBid: 1, vAsk: 2, mSpread: 3, bBidO: -4, bAskO: 5, wBidO: -6, wAskO: 7, vForce: 100, lForce: 0, tForce: -100, mForce: 100, confidence: 90, rejected: 1, accepted: 2 }),
  b: () => ({ tickerId: TID, midPrice: 10, binAggregator: 0, bids: BOOK_BINS(), asks: BOOK_BINS() }),
};
const FIELDS = { instrumentType: 0, baseClass: 3, baseId: 1301, quoteClass: 3, quoteId: 5001, subType: 0 };

function mutant(rng, make) {
  const body = make();
  const keys = Object.keys(body);
  const key = pick(rng, keys);
  const bad = pick(rng, HOSTILE);
  body[key] = bad.make(rng);
  return { value: body, label: `{${key}: ${bad.label}}` };
}
const mutantValue = (name, make) => {
  // the label names the field and value; filled in when drawn
  const entry = v(`${name} with a hostile field`, (rng) => {
    const m = mutant(rng, make);
    entry.last = m.label;
    return m.value;
  });
  return entry;
};

const wireOf = (type) => mitch.pack(type, BODIES[type]());
const message = () => mitch.encodeMessage("t", [trade(1), trade(2)], 5n);
const capture = () => {
  const parts = [message(), mitch.encodeMessage("s", [BODIES.s()], 6n), mitch.encodeMessage("b", [BODIES.b()], 7n)];
  return Buffer.concat(parts);
};
const readable = (chunks) => new ReadableStream({ start(c) { for (const x of chunks) c.enqueue(x); c.close(); } });

const SAMPLES = [
  ...["t", "o", "s", "i", "b"].map((t) => v(`"${t}"`, () => t)), v("MessageType.Trade", () => mitch.MessageType.Trade),
  v("MessageType.OrderBook", () => mitch.MessageType.OrderBook),
  ...Object.entries(BODIES).map(([t, make]) => v(`valid ${t} body`, make)),
  ...Object.entries(BODIES).map(([t, make]) => mutantValue(`${t} body`, make)),
  v("[trade, trade]", () => [trade(1), trade(2)]), v("[trade, hostile trade]", (rng) => [trade(1), mutant(rng, BODIES.t).value]),
  v("sample vector trade", () => sampleTrade(mitch).trade),
  v("trade wire (32 bytes)", () => wireOf("t")), v("order book wire", () => wireOf("b")),
  v("trade wire at an odd Buffer offset", () => Buffer.concat([Buffer.alloc(3), Buffer.from(wireOf("t"))]).subarray(3)),
  v("message of 2 trades", message), v("capture of t, s, b", capture),
  v("message's ArrayBuffer", () => message().buffer), v("message as DataView", () => new DataView(message().buffer)),
  v("header {t, 1, 5n}", () => ({ messageType: "t", count: 1, timestamp: 5n })),
  v("header with a hostile field", (rng) => mutant(rng, () => ({ messageType: "t", count: 1, timestamp: 5n })).value),
  v("header bytes", () => mitch.packHeader({ messageType: "t", count: 1, timestamp: 5n })),
  v("ticker id", () => TID), v("0n", () => 0n), v("5n", () => 5n), v("1", () => 1), v("2", () => 2),
  v("3", () => 3), v("101", () => 101), v("1301", () => 1301), v("(3 << 16) | 1301", () => (3 << 16) | 1301),
  v("ticker fields", () => ({ ...FIELDS })), mutantValue("ticker fields", () => ({ ...FIELDS })),
  v("channel id", () => mitch.channelId(101, "t")), v("channel bytes", () => mitch.packChannel(mitch.channelId(101, "t"))),
  v('"EURUSD"', () => "EURUSD"), v('"BTC"', () => "BTC"), v('"Binance"', () => "Binance"), v('"spot"', () => "spot"),
  v('"linux"', () => "linux"), v('"0x1.8p+0"', () => "0x1.8p+0"),
  v("{minConfidence: 0.5}", () => ({ minConfidence: 0.5 })), v("{assetClass: 3}", () => ({ assetClass: 3 })),
  v("{minConfidence: NaN}", () => ({ minConfidence: NaN })), v("{assetClass: 1.5}", () => ({ assetClass: 1.5 })),
  v("[1n, 2n]", () => [1n, 2n]), v("BigUint64Array [5n, 5n]", () => new BigUint64Array([5n, 5n])),
  v('["t", "s"]', () => ["t", "s"]), v("[message]", () => [message()]),
  v("ReadableStream of a message", () => readable([message()])),
  v("async iterable of a message", () => (async function* () { yield message(); })()),
];

const ALL = [...HOSTILE, ...SAMPLES];
const byLabel = new Map(ALL.map((e) => [e.label, e]));
const $ = (...labels) => labels.map((l) => {
  const e = byLabel.get(l);
  if (!e) throw new Error(`sweep: no value labelled ${l}`);
  return e;
});

/** Valid leading arguments, so that the sweep reaches later parameters. */
const PREFIXES = [
  [], $('"t"'), $('"t"', "valid t body"), $('"b"', "valid b body"), $('"t"', "trade wire (32 bytes)"),
  $('"b"', "order book wire"), $('"t"', "[trade, trade]"), $('"t"', "[trade, trade]", "5n"),
  $('"t"', "trade wire (32 bytes)", "1"), $('"t"', "valid t body", "Uint8Array(33)"),
  $('"t"', "[trade, trade]", "[1n, 2n]"), $("message of 2 trades"), $("message of 2 trades", '"t"'),
  $("capture of t, s, b"), $("capture of t, s, b", '["t", "s"]'), $('"EURUSD"'), $('"EURUSD"', '"spot"'),
  $('"BTC"', "{assetClass: 3}"), $('"Binance"', "{minConfidence: 0.5}"), $("ticker id"), $("ticker fields"),
  $("3", "1301"), $("101", '"t"'), $("channel id"), $("header {t, 1, 5n}"), $("header bytes"),
  $("valid t body"), $('"linux"', "1"), $('"0x1.8p+0"'), $("ReadableStream of a message"),
];

function drawArgs(rng, arity) {
  let args = rng() < 0.7 ? [...pick(rng, PREFIXES)] : [];
  args = args.map((e) => (rng() < 0.25 ? pick(rng, HOSTILE) : e));
  const want = Math.floor(rng() * (arity + 3));
  while (args.length < want) args.push(rng() < 0.3 ? pick(rng, SAMPLES) : pick(rng, HOSTILE));
  if (args.length > want && rng() < 0.3) args.length = Math.max(want, 1);
  const values = args.map((e) => e.make(rng));
  const labels = args.map((e) => e.last ?? e.label);
  return { values, labels };
}

const describe = (labels) => {
  const s = labels.join(", ");
  return s.length > 240 ? s.slice(0, 240) + "..." : s;
};

// ---------------------------------------------------------------- judging

// Messages of V8 (Node, Deno), JavaScriptCore (Bun) and the FFIs (koffi,
// Deno.dlopen, bun:ffi): an error that says one of these was not written
// by the binding, whichever frame it was thrown from.
const ENGINE = [
  /Cannot read propert/, /Cannot set propert/, /Cannot (create|define|assign|delete)/, /is not a function/,
  /is not (async )?iterable/, /is not an object/, /is not a constructor/, /\b(undefined|null) is not\b/,
  /Cannot convert/, /Cannot mix BigInt/, /BigInt/, /Invalid (typed )?array( buffer)? length/, /Array length must be/,
  /Invalid array length/, /Invalid DataView/, /outside the bounds/, /Offset is out/, /out of range/i,
  /Cannot perform/, /detached/i, /Maximum call stack/, /allocation failed/i, /Out of memory/i,
  /Invalid string length/, /Unexpected \w+ value/, /Invalid FFI/, /bun:ffi/, /cannot convert/i,
  /Cannot use 'in' operator/, /Symbol/, /evaluating '/, /readonly property/i, /read.only/i, /Start offset/,
  /must be an instance of/, /The "\w+" argument/, /ERR_/, /Class constructor/, /cannot be invoked/,
  /Spread syntax/, /Right side of assignment/, /\bnot extensible\b/, /Reduce of empty/, /Proxy/,
];
const ENGINE_CODES = new Set(["ERR_INVALID_ARG_TYPE", "ERR_OUT_OF_RANGE", "ERR_BUFFER_OUT_OF_BOUNDS"]);

/** The first stack frame of an error (V8 and JSC both write "    at ..."). */
function topFrame(err) {
  const stack = typeof err.stack === "string" ? err.stack : "";
  // JavaScriptCore puts "at <parse> (:0)" above the frame that built a SyntaxError
  return stack.split("\n").find((l) => /^\s+at /.test(l) && !/^\s+at <parse> \(:0\)$/.test(l)) ?? "";
}

/** A TypeError / RangeError the binding threw on purpose: raised in one of
 *  its own modules (not an FFI adapter, not a builtin), with a message of
 *  the binding's form ("what: rule") that is no engine's wording. */
function deliberate(err) {
  if (err.constructor !== TypeError && err.constructor !== RangeError) return false;
  if (ENGINE_CODES.has(err.code)) return false;
  const frame = topFrame(err).replaceAll("\\", "/");
  const inDist = frame.includes(DIST.replaceAll("\\", "/")) && !frame.includes("/dist/runtime/");
  return inDist && /^[^\n]{1,160}?: \S/.test(err.message) && !ENGINE.some((re) => re.test(err.message));
}

/** Error classes other than TypeError / RangeError that a callable throws by
 *  design: parseHexFloat reads a literal, and an unreadable literal is a
 *  SyntaxError there as in JSON.parse or BigInt("x"). */
const DESIGNED = { parseHexFloat: SyntaxError };

/** null when a thrown error is a fine outcome, else what is wrong with it. */
function judge(name, err) {
  if (err instanceof SweepMarker) return null;
  const text = err instanceof Error ? `${err.constructor.name}: ${String(err.message)}` : `non-Error ${typeof err} thrown`;
  const shown = text.length > 200 ? text.slice(0, 200) + `... (${text.length} characters)` : text;
  if (err instanceof Error && String(err.message).length > MAX_MESSAGE) return `message too long: ${shown}`;
  if (err instanceof mitch.MitchError) {
    return Number.isInteger(err.status) && err.status > 0 ? null : `MitchError with status ${err.status}: ${shown}`;
  }
  if (err instanceof Error && DESIGNED[name] && err.constructor === DESIGNED[name] && topFrame(err).includes("/dist/")) return null;
  if (err instanceof Error && deliberate(err)) return null;
  return `${shown} [${topFrame(err).trim().slice(0, 120)}]`;
}

/** Copies of the bytes of every buffer argument, to see that a call that
 *  throws leaves them as they were (nothing half-written). */
function snapshot(values) {
  const out = [];
  values.forEach((x, i) => {
    try {
      if (ArrayBuffer.isView(x) && x.buffer.byteLength > 0) out.push([i, x, new Uint8Array(x.buffer, x.byteOffset, x.byteLength).slice()]);
      else if ((x instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && x instanceof SharedArrayBuffer)) && x.byteLength > 0)
        out.push([i, x, new Uint8Array(x).slice()]);
    } catch {
      // a Proxy: not a buffer
    }
  });
  return out;
}
function changed(snap) {
  for (const [i, x, before] of snap) {
    const now = ArrayBuffer.isView(x) ? new Uint8Array(x.buffer, x.byteOffset, x.byteLength) : new Uint8Array(x);
    if (now.length !== before.length || now.some((b, k) => b !== before[k])) return i;
  }
  return -1;
}

/** Run what a call returned: drain iterators (sync and async) and read the
 *  bodies of each message they give, so lazy work is judged too. */
async function consume(result) {
  if (result && typeof result.then === "function") result = await result;
  if (result === null || typeof result !== "object") return;
  if (typeof result[Symbol.asyncIterator] === "function" && typeof result.next === "function") {
    let n = 0;
    for await (const item of result) {
      if (item instanceof mitch.Message) void item.bodies;
      if (++n > 1000) break;
    }
  } else if (typeof result[Symbol.iterator] === "function" && typeof result.next === "function") {
    let n = 0;
    for (const item of result) {
      if (item instanceof mitch.Message) void item.bodies;
      if (++n > 1000) break;
    }
  }
}

const progress = (line) => writeSync(1, line.replace(/\n/g, " ") + "\n");

/** One target: `trials` calls of `call(values)` with arguments drawn for `name`. */
async function sweepTarget(index, kind, name, arity, trials, call, draw = drawArgs) {
  const rng = generator(seedOf(name));
  for (let trial = 0; trial < trials; trial++) {
    const { values, labels } = draw(rng, arity, trial);
    const where = `${name} (seed ${seedOf(name)}, trial ${trial}) with (${describe(labels)})`;
    progress(`B\t${index}\t${where}`);
    const snap = snapshot(values);
    const started = performance.now();
    let problem = null;
    try {
      await consume(call(values));
    } catch (err) {
      problem = judge(name.split(".")[0], err);
      if (problem === null) {
        const i = changed(snap);
        if (i >= 0) problem = `threw ${err?.constructor?.name} but changed its buffer argument ${i} (${labels[i]})`;
      }
    }
    const ms = performance.now() - started;
    if (problem === null && ms > SLOW_MS) problem = `took ${Math.round(ms)} ms`;
    if (problem !== null) progress(`F\t${kind}\t${where}: ${problem}`);
  }
}

// ---------------------------------------------------------------- targets

const isClass = (f) => /^class\b/.test(Function.prototype.toString.call(f));
const isErrorClass = (f) => f === Error || f.prototype instanceof Error;

/**
 * The callables swept: every function and class the package exports
 * (error classes aside - they are result types, as Python's sweep leaves
 * its exceptions alone), then every method and getter of sample objects
 * the package hands out, then each class with a hostile instance state.
 */
function targets() {
  const list = [];
  for (const name of Object.keys(mitch).sort()) {
    const f = mitch[name];
    if (typeof f !== "function" || isErrorClass(f)) continue;
    if (isClass(f)) list.push({ kind: "export", name, arity: f.length, trials: TRIALS, call: (a) => new f(...a) });
    else list.push({ kind: "export", name, arity: f.length, trials: TRIALS, call: (a) => f(...a) });
  }
  for (const [label, make] of sampleObjects()) {
    for (const [path, fn, owner] of methodsOf(make())) {
      const name = `${label}.${path}`;
      if (fn === "getter") list.push({ kind: "method", name, arity: 0, trials: 1, call: () => Reflect.get(owner(), path.split(".").pop()) });
      else list.push({ kind: "method", name, arity: fn.length, trials: METHOD_TRIALS, call: (a) => Reflect.apply(fn, owner(), a) });
    }
  }
  for (const [name, make, getters, trials] of hostileStates()) {
    list.push({ kind: "state", name, arity: 0, trials, call: ({ 0: obj }) => getters.map((g) => obj[g]), draw: make });
  }
  return list;
}

/** Objects the package gives out, whose methods and getters are swept. */
function sampleObjects() {
  const first = () => mitch.messages(message()).next().value;
  return [
    ["Message from messages()", first],
    ["new Message(valid)", () => { const m = first(); return new mitch.Message(m.header, m.offset, m.size, m.data); }],
    ...["t", "o", "s", "i", "b"].map((t) => [`bodyTypeOf("${t}")`, () => mitch.bodyTypeOf(t)]),
    ['resolveTicker("EURUSD")', () => mitch.resolveTicker("EURUSD")],
    ['decodeCapture(capture)', () => mitch.decodeCapture(capture())],
  ];
}

const BUILTIN_PROTOS = new Set([Object.prototype, Array.prototype, Function.prototype, Error.prototype, Map.prototype,
  Object.getPrototypeOf(Uint8Array.prototype)]);

/** [path, function or "getter", () => this] for the methods and getters of
 *  an object, its own plain-object members (depth 2) and its class. */
function methodsOf(root) {
  const found = [];
  const walk = (obj, prefix, depth, ownerOf) => {
    if (obj === null || typeof obj !== "object" || ArrayBuffer.isView(obj) || depth > 2) return;
    for (let proto = Object.getPrototypeOf(obj); proto && !BUILTIN_PROTOS.has(proto); proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key === "constructor") continue;
        const d = Object.getOwnPropertyDescriptor(proto, key);
        if (d.get) found.push([prefix + key, "getter", ownerOf]);
        else if (typeof d.value === "function") found.push([prefix + key, d.value, ownerOf]);
      }
    }
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (typeof value === "function") found.push([prefix + key, value, ownerOf]);
      else if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Map))
        walk(value, `${prefix}${key}.`, depth + 1, () => ownerOf()[key]);
    }
  };
  walk(root, "", 0, () => root);
  return found;
}

/** Classes with a `this` state set to something hostile: each property (and
 *  each field of the header) replaced by each value in turn, then every
 *  getter read. */
function hostileStates() {
  const getters = (cls) => Object.getOwnPropertyNames(cls.prototype).filter((k) => Object.getOwnPropertyDescriptor(cls.prototype, k).get);
  const keys = ["header", "offset", "size", "data", "header.messageType", "header.count", "header.timestamp"];
  const values = [...HOSTILE, ...SAMPLES];
  const make = (rng, _arity, trial) => {
    const m = mitch.messages(capture()).next().value;
    const key = keys[trial % keys.length];
    const bad = values[Math.floor(trial / keys.length) % values.length];
    const value = bad.make(rng);
    if (key.startsWith("header.")) m.header = { ...m.header, [key.slice(7)]: value };
    else m[key] = value;
    return { values: [m], labels: [`message.${key} = ${bad.last ?? bad.label}`] };
  };
  return [["Message with a hostile state", make, getters(mitch.Message), keys.length * values.length]];
}

// ---------------------------------------------------------------- child

async function child(from) {
  const list = targets();
  progress(`N\t${list.length}\t${list.filter((t) => t.kind === "export").map((t) => t.name).join(",")}`);
  for (let i = from; i < list.length; i++) {
    const t = list[i];
    await sweepTarget(i, t.kind, t.name, t.arity, t.trials, t.call, t.draw);
  }
  progress("E");
}

// ---------------------------------------------------------------- parent

const RUNTIME = globalThis.Deno ? [process.execPath, "run", "-A"] : [process.execPath];

/** Run the sweep in child processes: after a crash or a hang, a new child
 *  goes on with the callable after the one that was running. */
function runSweep() {
  const failures = { export: [], method: [], state: [] };
  let exports = [];
  let from = 0;
  for (let spawned = 0; spawned < 8; spawned++) {
    const run = spawnSync(RUNTIME[0], [...RUNTIME.slice(1), SELF], {
      env: { ...process.env, MITCH_SWEEP_CHILD: String(from) },
      encoding: "utf8", maxBuffer: 256 << 20, timeout: 30_000,
    });
    let last = null;
    let ended = false;
    for (const line of (run.stdout ?? "").split("\n")) {
      const [tag, a, b] = line.split("\t");
      if (tag === "N") exports = b ? b.split(",") : [];
      else if (tag === "B") last = { index: Number(a), where: b };
      else if (tag === "F") failures[a]?.push(line.split("\t").slice(2).join("\t"));
      else if (tag === "E") ended = true;
    }
    if (ended) return { failures, exports, complete: true };
    const why = run.error?.code === "ETIMEDOUT" ? "hung (killed after 30 s)" :
      `the process died (status ${run.status}, signal ${run.signal}): ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
    if (last === null) return { failures, exports, complete: false, why };
    failures.export.push(`${last.where}: ${why}`);
    from = last.index + 1;
  }
  return { failures, exports, complete: false, why: "too many crashes" };
}

if (process.env.MITCH_SWEEP_CHILD !== undefined) {
  await child(Number(process.env.MITCH_SWEEP_CHILD));
} else {
  const { test } = await import("node:test");
  const { default: assert } = await import("node:assert/strict");
  const result = runSweep();
  const report = (list) => `${list.length} failure(s):\n` + list.slice(0, 25).join("\n");

  test("the sweep ran to the end and reached the package's exports", () => {
    assert.ok(result.complete, result.why);
    for (const name of ["pack", "unpack", "messages", "readMessages", "resolveTicker", "decodeCapture", "Message"])
      assert.ok(result.exports.includes(name), `${name} not swept: ${result.exports}`);
  });

  test("the sweep's judge: the binding's own errors pass, the engine's and unbounded ones do not", () => {
    const caught = (f) => { try { f(); } catch (e) { return e; } throw new Error("did not throw"); };
    assert.equal(judge("unpackTrade", caught(() => mitch.unpackTrade("not bytes"))), null);
    assert.equal(judge("unpackTrade", caught(() => mitch.unpackTrade(new Uint8Array(3)))), null);
    assert.equal(judge("unpackTrade", caught(() => mitch.unpackTrade(new Uint8Array(32), -1))), null);
    assert.equal(judge("any", marker()), null);
    assert.notEqual(judge("any", caught(() => { const o = undefined; return o.x; })), null);
    assert.notEqual(judge("any", caught(() => new Uint8Array(-1))), null);
    assert.notEqual(judge("any", new TypeError("any: a message written here, outside the binding")), null);
    assert.notEqual(judge("any", new Error("an Error of no kind the contract names")), null);
    assert.notEqual(judge("any", new mitch.InvalidDataError("x".repeat(MAX_MESSAGE + 1), 1, "")), null);
  });

  test("sweep: every exported function and class, hostile arguments", () => {
    assert.equal(result.failures.export.length, 0, report(result.failures.export));
  });

  test("sweep: methods and getters of the objects the package gives out", () => {
    assert.equal(result.failures.method.length, 0, report(result.failures.method));
  });

  test("sweep: a Message with a hostile state", () => {
    assert.equal(result.failures.state.length, 0, report(result.failures.state));
  });
}
