#!/bin/sh
# run-tests.sh - make check's run of the Go binding (bindings/go/local.mk):
# go test over the module (table tests over tests/vectors, the layout test
# against `mitch info --layouts --json`, the fuzz seeds, the README example)
# and the conformance runner as bindings.md shows it:
#   cd bindings/go && PKG_CONFIG_PATH=<build dir> go run ./cmd/mitch-conformance DIR
#
# Then the runner, built once, over damaged copies of the vectors:
# tests/conformance-damaged.sh, the cases the C++ and Go runners share.
#
# The environment comes from make check (AM_TESTS_ENVIRONMENT): GO, and
# MITCH_TOP_SRCDIR, MITCH_TOP_BUILDDIR, MITCH_TOOL, MITCH_VECTORS_DIR.  Go's
# caches go into the build tree (the source tree may be read-only), the
# module needs nothing from the network.
set -u
: "${GO:?run by make check}" "${MITCH_TOP_SRCDIR:?}" "${MITCH_TOP_BUILDDIR:?}"
src=$MITCH_TOP_SRCDIR/bindings/go
. "$MITCH_TOP_SRCDIR/bindings/go/go-env.sh"
mitch_go_env "$MITCH_TOP_BUILDDIR" "$MITCH_TOP_SRCDIR"
vectors=${MITCH_VECTORS_DIR:-$MITCH_TOP_SRCDIR/tests/vectors}
cd "$src" || exit 99
status=0
# -count=1: the test cache cannot see a rebuilt libmitch.so.
"$GO" test -count=1 ./... || status=1
out=$("$GO" run ./cmd/mitch-conformance "$vectors")
rc=$?
printf '%s\n' "$out"
if [ $rc -ne 0 ] || [ "$(printf '%s\n' "$out" | tail -n 1)" != "1531 passed, 0 failed" ]; then
  echo "FAIL: the Go conformance runner (want 1531 passed, 0 failed)"
  status=1
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
runner=$tmp/mitch-conformance
"$GO" build -o "$runner" ./cmd/mitch-conformance || { echo "FAIL: go build ./cmd/mitch-conformance"; exit 1; }
MITCH_VECTORS_DIR=$vectors sh "$MITCH_TOP_SRCDIR/tests/conformance-damaged.sh" "$runner" || status=1
exit $status
