#!/bin/sh
# check-readme.sh - every code block in README.md that is preceded by a
# line "<!-- file: PATH -->" must be byte-identical to PATH, so the README
# shows exactly the examples the tests run.
set -u
srcdir=${srcdir:-.}
readme=$srcdir/README.md
tmp=$(mktemp -d "${TMPDIR:-/tmp}/readme.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '
  /^<!-- file: .* -->$/ { path = $3; gsub("/", "__", path); want = 1; next }
  want && /^```/ { inblock = 1; want = 0; out = dir "/" path; printf "" > out; next }
  inblock && /^```$/ { inblock = 0; close(out); next }
  inblock { print >> out }
' "$readme"
n=0
fails=0
for f in "$tmp"/*; do
  [ -e "$f" ] || continue
  path=$(basename "$f" | sed 's|__|/|g')
  n=$((n + 1))
  if cmp -s "$f" "$srcdir/$path"; then
    echo "ok: README block matches $path"
  else
    echo "FAIL: README block differs from $path"
    diff -u "$srcdir/$path" "$f" | head -20
    fails=$((fails + 1))
  fi
done
[ "$n" -gt 0 ] || { echo "FAIL: README has no <!-- file: --> blocks"; exit 1; }
[ "$fails" -eq 0 ]
