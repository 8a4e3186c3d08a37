#!/bin/sh
# run-suite.sh WHAT JS_DIR [ARGS...] - one runtime's part of `make check`
# (and of `make bench-js`), run in the build tree's bindings/js (JS_DIR,
# which holds dist/ and node_modules/).
#
#   node | deno | bun        the unit tests (test/*.test.mjs: node --test,
#                            deno test, bun test - the same files) and the
#                            conformance runner over $MITCH_VECTORS_DIR
#   bench-node | bench-deno | bench-bun   bench/bench.mjs ARGS...
#
# Deno and Bun are the npm packages in JS_DIR/node_modules (pinned by
# package-lock.json).  A runtime that is not there, or does not start on
# this machine, is reported and the suite is skipped (exit 77): configure
# and this message say which runtimes ran.
set -u
what=$1
dir=$2
shift 2
cd "$dir" || exit 99
node=${NODE:-node}
runtime=${what#bench-}
case $runtime in
  node) run="$node" ;;
  deno) run="node_modules/.bin/deno run -A" ;;
  bun) run="node_modules/.bin/bun" ;;
  *) echo "run-suite.sh: unknown runtime $runtime" >&2; exit 99 ;;
esac
if [ "$runtime" != node ]; then
  if ! version=$("node_modules/.bin/$runtime" --version 2>&1); then
    echo "SKIP: $runtime from npm does not run here: $version" | head -5
    exit 77
  fi
  echo "$runtime: $version" | head -1
else
  echo "node: $("$node" --version)"
fi
case $what in
  bench-*) exec $run bench/bench.mjs "$@" ;;
esac
: "${MITCH_VECTORS_DIR:?MITCH_VECTORS_DIR must name the conformance vectors}"
status=0
case $runtime in
  node) "$node" --test test/ || status=1 ;;
  # --no-check: Deno would type-check dist/ again in every worker (tsc did)
  deno) node_modules/.bin/deno test -A --no-check test/ || status=1 ;;
  bun) node_modules/.bin/bun test ./test/ || status=1 ;;
esac
$run conformance.mjs "$MITCH_VECTORS_DIR" || status=1
exit $status
