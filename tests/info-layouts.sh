#!/bin/sh
# info-layouts.sh - `mitch info --layouts --json` is the JSON every binding
# compares its layouts with: one object, keys in the documented order,
# integers as numbers, null where documented, every layout of the library
# and spot values from protocol.md's tables.  The offsets of every field
# against protocol.md are checked in C by tests/check_layout.
#
# Needs the project's Python ($PYTHON, exported by make check) for its json
# module; a build without Python skips (77).
set -u
me=info-layouts
tool=${MITCH_TOOL:-./tools/mitch}
if [ -z "${PYTHON:-}" ]; then
  echo "$me: no Python configured: skipped"
  exit 77
fi
json=$("$tool" info --layouts --json) || { echo "$me: FAIL: mitch info --layouts --json failed"; exit 1; }
text=$("$tool" info --layouts) || { echo "$me: FAIL: mitch info --layouts failed"; exit 1; }
echo "$text" | grep -q '^order_book (type .b.): 2072 bytes on the wire' ||
  { echo "$me: FAIL: the text form lacks the order book"; exit 1; }

printf '%s\n' "$json" | "$PYTHON" -c '
import json, sys

def fail(msg):
    print("info-layouts: FAIL: " + msg)
    sys.exit(1)

raw = sys.stdin.read()
if raw.count("\n") != 1:
    fail("not one line of JSON")
doc = json.loads(raw, object_pairs_hook=lambda pairs: pairs)
top = dict(doc)
if [k for k, _ in doc] != ["library_version", "protocol_version", "layouts"]:
    fail("top-level keys %r" % [k for k, _ in doc])
if top["protocol_version"] != "1.0.0" or not top["library_version"].startswith("1."):
    fail("versions %r %r" % (top["library_version"], top["protocol_version"]))

LAYOUT_KEYS = ["id", "name", "message_type", "wire_size", "struct_size", "struct_align", "fields"]
FIELD_KEYS = ["name", "kind", "wire_offset", "wire_size", "bit_offset", "bit_width", "count",
              "struct_offset", "struct_size", "nested", "wire_name", "values", "rule"]
KINDS = {"u8", "u16", "u32", "u48", "u64", "i8", "i16", "i32", "f64", "bits", "bins",
         "padding", "int", "size", "pointer", "chars", "struct"}

layouts = {}
for pairs in top["layouts"]:
    if [k for k, _ in pairs] != LAYOUT_KEYS:
        fail("layout keys %r" % [k for k, _ in pairs])
    l = dict(pairs)
    fields = []
    for fpairs in l["fields"]:
        if [k for k, _ in fpairs] != FIELD_KEYS:
            fail("%s: field keys %r" % (l["name"], [k for k, _ in fpairs]))
        f = dict(fpairs)
        if f["kind"] not in KINDS:
            fail("%s.%s: kind %r" % (l["name"], f["name"], f["kind"]))
        for k in ("wire_offset", "wire_size", "bit_offset", "bit_width", "count", "struct_size"):
            if type(f[k]) is not int:
                fail("%s.%s: %s is not an integer" % (l["name"], f["name"], k))
        if (f["struct_offset"] is None) != (f["kind"] == "padding"):
            fail("%s.%s: struct_offset %r" % (l["name"], f["name"], f["struct_offset"]))
        if (f["nested"] is not None) != (f["kind"] in ("bins", "struct")):
            fail("%s.%s: nested %r" % (l["name"], f["name"], f["nested"]))
        fields.append(f)
    l["fields"] = fields
    for k in ("id", "wire_size", "struct_size", "struct_align"):
        if type(l[k]) is not int:
            fail("%s: %s is not an integer" % (l["name"], k))
    if l["message_type"] is not None and (len(l["message_type"]) != 1 or
                                          ord(l["message_type"]) != l["id"]):
        fail("%s: message_type %r, id %r" % (l["name"], l["message_type"], l["id"]))
    layouts[l["name"]] = l

names = [dict(p)["name"] for p in top["layouts"]]
want = ["header", "trade", "order", "tick", "index", "order_book", "bin", "stream_info",
        "error", "capture_sink", "ticker_fields", "asset", "provider", "resolution",
        "class_info", "tick_metrics", "index_metrics", "message", "reader"]
if names != want:
    fail("layouts %r" % names)
bodies = sorted(l["message_type"] for l in layouts.values() if l["message_type"])
if bodies != sorted("tosib"):
    fail("body types %r" % bodies)

for l in layouts.values():
    for f in l["fields"]:
        if f["nested"] is not None and f["nested"] not in layouts:
            fail("%s.%s: nested layout %r does not exist" % (l["name"], f["name"], f["nested"]))
    if not l["wire_size"]:
        continue
    covered = [0] * l["wire_size"]
    bit_bytes = set()
    for f in l["fields"]:
        if f["kind"] == "bits":  # the bits of one byte count it once
            bit_bytes.add(f["wire_offset"])
            continue
        for b in range(f["wire_offset"], f["wire_offset"] + f["wire_size"]):
            covered[b] += 1
    for b in bit_bytes:
        covered[b] += 1
    if covered != [1] * l["wire_size"]:
        fail("%s: wire bytes not covered exactly once: %r" % (l["name"], covered))

def field(layout, name):
    for f in layouts[layout]["fields"]:
        if f["name"] == name:
            return f
    fail("%s has no field %s" % (layout, name))

# spot values from protocol.md
checks = [
    (layouts["header"]["wire_size"], 8), (layouts["order_book"]["wire_size"], 2072),
    (field("tick", "ask_price")["wire_offset"], 16), (field("order", "price")["wire_offset"], 12),
    (field("order_book", "asks")["wire_offset"], 1048), (field("order_book", "asks")["count"], 128),
    (field("order_book", "asks")["nested"], "bin"), (field("order", "side")["bit_width"], 1),
    (field("order", "order_type")["bit_offset"], 1), (field("order", "order_type")["wire_name"],
                                                      "type_and_side"),
    (field("order", "expiry_ms")["wire_name"], "expiry"), (field("order", "expiry_ms")["kind"], "u48"),
    (field("index", "padding")["wire_offset"], 55), (field("index", "padding")["wire_size"], 9),
    (field("trade", "side")["values"], "buy|sell"),
    (field("order", "order_type")["values"], "market|limit|stop|cancel"),
    (field("message", "header")["nested"], "header"), (field("error", "text")["count"], 160),
    (layouts["header"]["message_type"], None), (layouts["trade"]["message_type"], "t"),
]
for got, expected in checks:
    if got != expected:
        fail("got %r, want %r" % (got, expected))
if "bid" not in field("tick", "ask_price")["rule"]:
    fail("the ask_price rule does not name the bid: %r" % field("tick", "ask_price")["rule"])
print("info-layouts: ok (%d layouts, %d fields)" % (len(layouts),
      sum(len(l["fields"]) for l in layouts.values())))
'
