#!/bin/sh
# ci-extra.sh BUILD_DIR - what CI's bindings job (tools/check-bindings) runs
# for the JavaScript package beyond `make check` (which already ran the
# unit tests and the conformance runner under Node, Deno and Bun):
#   - the npm tarball installed into an empty folder, imported under all
#     three runtimes (pack-test.sh);
#   - `npm ci` from the committed lock file reproduces node_modules (the
#     npm step itself runs in `make`, as part of the build, when configure
#     found Node.js and npm).
set -u
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
js=$build/bindings/js
if [ ! -f "$js/dist/index.js" ]; then
  echo "ci-extra (js): $js/dist is not built (configure found no Node.js >= 18 and npm?)" >&2
  exit 1
fi
. "$build/lib/libmitch.la"
library=$build/lib/.libs/$dlname
status=0
echo "== npm pack -> empty folder -> import under node, deno, bun"
sh "$here/pack-test.sh" "$js" "$library" || status=1
echo "== npm ci reproduces the lock file"
(cd "$js" && npm ci --dry-run --no-audit --no-fund --loglevel=error >/dev/null) || status=1
exit $status
