#!/bin/sh
# example.sh - the README's Java example (examples/Quickstart.java), run as
# a single source file against mitch.jar on the module path (so the module
# descriptor is what a JPMS application sees); its output must match
# examples/Quickstart.expected.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work example
"$JAVA" -Djava.io.tmpdir="$work" --module-path "$mitch_jar" \
  --add-modules io.github.mitchprotocol.mitch "$java_src/examples/Quickstart.java" \
  >"$work/out" 2>&1
status=$?
cat "$work/out"
[ "$status" = 0 ] || { echo "FAIL: exit status $status"; exit 1; }
diff -u "$java_src/examples/Quickstart.expected" "$work/out" || { echo "FAIL: output differs"; exit 1; }
echo "ok: output matches examples/Quickstart.expected"
