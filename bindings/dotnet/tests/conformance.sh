#!/bin/sh
# conformance.sh - mono mitch-conformance.exe over the vectors with only
# MITCH_LIBRARY set: every data row of the eleven files passes.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/dotnet/test-env.sh"
dotnet_work conformance
rows=0
for f in "$MITCH_VECTORS_DIR"/messages/*.tsv "$MITCH_VECTORS_DIR"/resolution/*.tsv; do
  n=$(sed 1d "$f" | grep -c .)
  rows=$((rows + n))
done
env -i PATH=/usr/bin:/bin MITCH_LIBRARY="$MITCH_LIBRARY" \
  "$MONO" "$MITCH_DOTNET_CONFORMANCE" "$MITCH_VECTORS_DIR" >"$work/out" 2>&1
status=$?
cat "$work/out"
last=$(tail -n 1 "$work/out")
if [ "$last" != "$rows passed, 0 failed" ] || [ "$status" != 0 ]; then
  echo "FAIL: expected '$rows passed, 0 failed' and exit 0, got '$last' (exit $status)"
  exit 1
fi
echo "ok: $rows rows"
