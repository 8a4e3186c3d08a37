// The structs this package passes to C (src/layouts.ts) and the records it
// hands to users, against the library's own description of them:
// `$MITCH_TOOL info --layouts --json` (bindings.md, "Layouts come from the
// library").  Sizes, alignments, member offsets, widths and kinds; names and
// order of every record's fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { ALL_STRUCTS, camel } from "../dist/layouts.js";
import { mitch } from "./helpers.mjs";


function description() {
  const tool = process.env.MITCH_TOOL;
  assert.ok(tool, "MITCH_TOOL must name the build tree's tools/mitch (make check sets it)");
  return JSON.parse(execFileSync(tool, ["info", "--layouts", "--json"], { encoding: "utf8" }));
}

// Our member kinds and the description's kinds they may stand for.
const KINDS = {
  u8: ["u8", "bits"], i8: ["i8"], u16: ["u16"], i16: ["i16"], u32: ["u32"], i32: ["i32"],
  u64: ["u64", "u48"], f64: ["f64"], int: ["int"], size: ["size"], pointer: ["pointer"],
  chars: ["chars"], struct: ["struct", "bins"],
};

test("every struct passed to C matches the library's layout", () => {
  const layouts = new Map(description().layouts.map((l) => [l.name, l]));
  for (const ours of ALL_STRUCTS) {
    const theirs = layouts.get(ours.name);
    assert.ok(theirs, `the library describes no layout "${ours.name}"`);
    assert.equal(ours.size, theirs.struct_size, `${ours.name}: struct size`);
    assert.equal(ours.align, theirs.struct_align, `${ours.name}: alignment`);
    const members = theirs.fields.filter((f) => f.struct_offset !== null).sort((a, b) => a.struct_offset - b.struct_offset);
    assert.deepEqual(ours.members.map((m) => m.name), members.map((f) => f.name), `${ours.name}: members in order`);
    ours.members.forEach((m, i) => {
      const f = members[i];
      assert.equal(m.offset, f.struct_offset, `${ours.name}.${m.name}: offset`);
      assert.equal(m.size, f.struct_size, `${ours.name}.${m.name}: size`);
      assert.ok(KINDS[m.kind].includes(f.kind), `${ours.name}.${m.name}: kind ${m.kind} vs ${f.kind}`);
      if (m.kind === "struct") assert.equal(m.nested.name, f.nested, `${ours.name}.${m.name}: nested layout`);
      if (m.kind === "chars" || m.kind === "struct") assert.equal(m.count, f.count, `${ours.name}.${m.name}: count`);
    });
  }
});

test("the records users see have the library's field names, in struct order", () => {
  const body = {
    trade: mitch.MessageType.Trade, order: mitch.MessageType.Order, tick: mitch.MessageType.Tick,
    index: mitch.MessageType.Index, order_book: mitch.MessageType.OrderBook,
  };
  const desc = description();
  const bodies = desc.layouts.filter((l) => l.message_type !== null);
  assert.deepEqual(bodies.map((l) => l.name).sort(), Object.keys(body).sort());
  for (const l of bodies) {
    const bt = mitch.bodyTypeOf(body[l.name]);
    assert.equal(bt.wireSize, l.wire_size, `${l.name}: wire size`);
    assert.equal(bt.code, l.message_type, `${l.name}: type byte`);
    const names = l.fields.filter((f) => f.struct_offset !== null).sort((a, b) => a.struct_offset - b.struct_offset).map((f) => camel(f.name));
    assert.deepEqual(bt.layout.members.map((m) => camel(m.name)), names, `${l.name}: record fields`);
  }
  const enums = { side: mitch.Side, order_type: mitch.OrderType };
  for (const f of desc.layouts.find((l) => l.name === "order").fields) {
    if (!(f.name in enums)) continue;
    f.values.split("|").forEach((v, i) => assert.equal(enums[f.name][i].toLowerCase(), v, `${f.name} value ${i}`));
  }
});
