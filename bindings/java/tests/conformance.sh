#!/bin/sh
# conformance.sh - java -jar mitch-conformance.jar over the vectors with
# only MITCH_LIBRARY set: its closing line must count every data row of the
# eleven files as passed and none as failed.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work conformance
rows=0
for f in "$MITCH_VECTORS_DIR"/messages/*.tsv "$MITCH_VECTORS_DIR"/resolution/*.tsv; do
  n=$(sed 1d "$f" | grep -c .)
  rows=$((rows + n))
done
env -i PATH=/usr/bin:/bin MITCH_LIBRARY="$MITCH_LIBRARY" \
  "$JAVA" -Djava.io.tmpdir="$work" -jar "$conformance_jar" "$MITCH_VECTORS_DIR" \
  >"$work/out" 2>&1
status=$?
cat "$work/out"
last=$(tail -n 1 "$work/out")
if [ "$last" != "$rows passed, 0 failed" ] || [ "$status" != 0 ]; then
  echo "FAIL: expected '$rows passed, 0 failed' and exit 0, got '$last' (exit $status)"
  exit 1
fi
# A temporary copy of the glue is all the jar leaves behind while it runs.
if [ -n "$(ls -A "$work" | grep -v '^out$')" ]; then
  echo "FAIL: the runner left files in its temporary directory:"; ls -la "$work"
  exit 1
fi
echo "ok: $rows rows"
