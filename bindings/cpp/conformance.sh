#!/bin/sh
# conformance.sh - make check's run of bindings/cpp/mitch-conformance over
# the project's conformance vectors: every row (1,378 message rows and 153
# resolution rows) must pass through the C++ binding.  If the vectors grow,
# update the count here along with tests/check_conformance.c's.
#
# Then over damaged copies of them: tests/conformance-damaged.sh, the cases
# the C++ and Go runners share.
set -u
want="1531 passed, 0 failed"
vectors=${MITCH_VECTORS_DIR:-${srcdir:-.}/tests/vectors}
runner=./bindings/cpp/mitch-conformance
out=$(${MITCH_TEST_WRAPPER:-} $runner "$vectors") || {
  printf '%s\n' "$out"; echo "FAIL: mitch-conformance exited $?"; exit 1; }
last=$(printf '%s\n' "$out" | tr -d '\r' | tail -n 1)
if [ "$last" != "$want" ]; then
  echo "FAIL: mitch-conformance said \"$last\", want \"$want\""
  exit 1
fi
echo "ok: $last"

MITCH_VECTORS_DIR=$vectors sh "${srcdir:-.}/tests/conformance-damaged.sh" \
  ${MITCH_TEST_WRAPPER:-} $runner
