#!/bin/sh
# pack-test.sh JS_BUILD_DIR LIBRARY - the npm tarball works from an empty
# folder: `npm pack` in the build tree's bindings/js, `npm install` of the
# tarball into a new directory, then a consumer script imports "mitch" and
# resolves a symbol under Node, Deno and Bun - with MITCH_LIBRARY, and with
# only the platform's library search (LD_LIBRARY_PATH) - and its TypeScript
# twin type-checks against the shipped .d.ts.
set -eu
js=$(cd "$1" && pwd)
library=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-pack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$js"
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -1)
echo "packed $tarball: $(tar tzf "$tmp/$tarball" | wc -l) files"
if tar tzf "$tmp/$tarball" | grep -v '^package/\(dist/\|README.md$\|package.json$\)'; then
  echo "FAIL: the tarball holds files beyond dist/, README.md and package.json" >&2
  exit 1
fi
mkdir "$tmp/app"
cd "$tmp/app"
printf '{ "name": "mitch-pack-test", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --loglevel=error "$tmp/$tarball"
cat > consumer.mjs <<'JS'
import * as mitch from "mitch";
const t = mitch.resolveTicker("EURUSD", "spot");
if (t.id !== 0x0305153138900000n) throw new Error(`EURUSD resolved to 0x${t.id.toString(16)}`);
const wire = mitch.encodeMessage("t", [{ tickerId: t.id, price: 1.085, quantity: 1, tradeId: 1, side: mitch.Side.Buy }], 1n);
const [m] = [...mitch.messages(wire)];
if (m.bodies[0].price !== 1.085) throw new Error("round trip");
console.log(`ok ${mitch.runtimeName} ${mitch.librarySource} ${mitch.libraryVersion}`);
JS
cat > consumer.ts <<'TS'
import { resolveTicker, packTrade, Side, type Trade } from "mitch";
const t: Trade = { tickerId: resolveTicker("EURUSD").id, price: 1.085, quantity: 1, tradeId: 1, side: Side.Buy };
const bytes: Uint8Array = packTrade(t);
export default bytes;
TS
"$js/node_modules/.bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext \
  --target es2022 --types mitch consumer.ts
echo "ok tsc consumer.ts"
libdir=$(dirname "$library")
status=0
for runtime in node deno bun; do
  case $runtime in
    node) run="node" ;;
    deno) run="$js/node_modules/.bin/deno run -A" ;;
    bun) run="$js/node_modules/.bin/bun" ;;
  esac
  MITCH_LIBRARY=$library $run consumer.mjs || status=1
  env -u MITCH_LIBRARY LD_LIBRARY_PATH="$libdir" $run consumer.mjs || status=1
done
exit $status
