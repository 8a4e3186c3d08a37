#!/bin/sh
# javadoc.sh - the public API's Javadoc builds with every doclint check:
# broken references, bad HTML or syntax, and a public type or member
# without a comment fail.  Not checked: that every method also has
# @param and @return tags (the prose says what they are).
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work javadoc
find "$java_src/main" -name '*.java' > "$work/files"
"$JAVADOC" -quiet -Xdoclint:all -Xmaxwarns 100000 --release 17 -encoding UTF-8 \
  -d "$work/html" @"$work/files" >"$work/out" 2>&1
status=$?
grep -E 'warning:|error:' "$work/out" | grep -v -E 'warning: no @(param|return)' > "$work/problems"
cat "$work/problems"
[ "$status" = 0 ] || { echo "FAIL: javadoc exit status $status"; exit 1; }
[ ! -s "$work/problems" ] || { echo "FAIL: javadoc found the problems above"; exit 1; }
test -f "$work/html/io.github.mitchprotocol.mitch/io/github/mitchprotocol/mitch/Trade.html" ||
  { echo "FAIL: no page for Trade"; exit 1; }
echo "ok: javadoc clean"
