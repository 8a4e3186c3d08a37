#!/bin/sh
# sources.sh - the two builds compile the same files: Maven takes every file
# under src/ (its convention), make the lists of bindings/java/local.mk.  A
# file added to one and not the other fails here.  The pom's version is the
# library's.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work sources
fails=0
for kind in main:mitch_java_main conformance:mitch_java_conformance test:mitch_java_tests; do
  dir=${kind%%:*}
  var=${kind#*:}
  (cd "$top_srcdir" && find "bindings/java/src/$dir" -name '*.java' | LC_ALL=C sort) > "$work/disk"
  sed -n "/^$var = /,/^\$/p" "$java_src/local.mk" | tr -d '\\\t' | tr ' ' '\n' |
    grep '\.java$' | LC_ALL=C sort > "$work/listed"
  if ! cmp -s "$work/disk" "$work/listed"; then
    echo "FAIL: src/$dir differs from \$($var) in local.mk (- on disk, + listed):"
    diff "$work/disk" "$work/listed"
    fails=$((fails + 1))
  else
    echo "ok: src/$dir: $(wc -l < "$work/disk") files, all listed"
  fi
done
pom_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$java_src/pom.xml" | head -n 1)
if [ "$pom_version" != "$MITCH_PACKAGE_VERSION" ]; then
  echo "FAIL: pom.xml version '$pom_version' is not the library's $MITCH_PACKAGE_VERSION"
  fails=$((fails + 1))
else
  echo "ok: pom.xml version $pom_version"
fi
[ "$fails" = 0 ]
