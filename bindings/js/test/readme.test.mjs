// The README's JavaScript example (examples/quickstart.mjs, which
// examples/check-readme.sh compares with the README byte for byte) runs and
// prints what examples/quickstart.expected says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

test("examples/quickstart.mjs prints quickstart.expected", async () => {
  const printed = [];
  const log = console.log;
  console.log = (...args) => printed.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  try {
    // The example imports "mitch" (the installed package); here it is this
    // build's dist/, reached through the same file with the name rewritten.
    const source = readFileSync(fileURLToPath(new URL("../examples/quickstart.mjs", import.meta.url)), "utf8");
    const dist = new URL("../dist/index.js", import.meta.url).href;
    const url = "data:text/javascript;base64," + btoa(unescape(encodeURIComponent(source.replace('from "mitch"', `from "${dist}"`))));
    await import(url);
  } finally {
    console.log = log;
  }
  const expected = readFileSync(fileURLToPath(new URL("../examples/quickstart.expected", import.meta.url)), "utf8");
  assert.equal(printed.join("\n") + "\n", expected);
});

function inspect(value) {
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.length}) [ ${Array.from(value).join(", ")} ]`;
  return String(value);
}
