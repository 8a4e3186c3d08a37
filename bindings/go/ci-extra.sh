#!/bin/sh
# ci-extra.sh BUILD_DIR - the Go binding's checks that make check does not
# run (called by tools/check-bindings in CI's bindings job): go vet, the
# suite under the race detector, and FuzzDecode for a bounded time
# (MITCH_GO_FUZZTIME, default 30s).  Uses the Go that configure found.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: ci-extra.sh BUILD_DIR}" && pwd)
GO=$(sed -n 's/^GO = //p' "$build/Makefile" | head -n 1)
[ -n "$GO" ] || GO=$(command -v go) || { echo "ci-extra(go): no Go toolchain" >&2; exit 1; }
. "$here/go-env.sh"
mitch_go_env "$build" "$top"
export MITCH_TOOL="$build/tools/mitch" MITCH_VECTORS_DIR="$top/tests/vectors"
cd "$here" || exit 1
failed=0
step() { # NAME COMMAND...
  name=$1; shift
  echo "== $name"
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failed=1; fi
}
step "go vet" "$GO" vet ./...
step "gofmt" sh -c 'unformatted=$(gofmt -l .); [ -z "$unformatted" ] || { echo "not gofmt-formatted: $unformatted"; exit 1; }'
step "go test -race" "$GO" test -race -count=1 ./...
# The corpus the run grows stays in GOCACHE (the build tree); only an input
# that fails is written to mitch/testdata/fuzz, to be reproduced and fixed.
step "go test -fuzz FuzzDecode" "$GO" test -run '^$' -fuzz '^FuzzDecode$' \
  -fuzztime "${MITCH_GO_FUZZTIME:-30s}" -fuzzminimizetime 5s ./mitch
exit $failed
