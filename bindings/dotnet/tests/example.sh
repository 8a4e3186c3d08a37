#!/bin/sh
# example.sh - the README's C# example (examples/Quickstart.cs), compiled by
# make with mcs, runs and prints examples/Quickstart.expected.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/dotnet/test-env.sh"
dotnet_work example
"$MONO" "$dotnet_build/Quickstart.exe" >"$work/out" 2>&1
status=$?
cat "$work/out"
[ "$status" = 0 ] || { echo "FAIL: exit status $status"; exit 1; }
diff -u "$dotnet_src/examples/Quickstart.expected" "$work/out" || { echo "FAIL: output differs"; exit 1; }
echo "ok: output matches examples/Quickstart.expected"
