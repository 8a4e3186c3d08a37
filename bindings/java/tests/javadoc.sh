#!/bin/sh
# javadoc.sh - the public API's Javadoc builds with every doclint check as
# an error: broken references, bad HTML or syntax fail the build (the
# "missing" group, a missing @param or @return, is not checked).
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work javadoc
find "$java_src/main" -name '*.java' > "$work/files"
"$JAVADOC" -quiet -Xdoclint:all,-missing -Werror --release 17 -encoding UTF-8 \
  -d "$work/html" @"$work/files" >"$work/out" 2>&1
status=$?
cat "$work/out"
[ "$status" = 0 ] || { echo "FAIL: javadoc exit status $status"; exit 1; }
test -f "$work/html/io.github.mitchprotocol.mitch/io/github/mitchprotocol/mitch/Trade.html" ||
  { echo "FAIL: no page for Trade"; exit 1; }
echo "ok: javadoc clean"
