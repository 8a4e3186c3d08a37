#!/bin/sh
# sources.sh - the two builds compile the same files: Maven takes every file
# under main/, junit/ and runner/ (pom.xml), make the lists of
# bindings/java/local.mk.  A file added to one and not the other fails here.
# The pom's version is the library's, and every file's name in the release
# tarball (libmitch-VERSION/...) fits the v7 tar format's 99 bytes.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work sources
fails=0
for kind in main:mitch_java_main runner:mitch_java_conformance junit:mitch_java_tests; do
  dir=${kind%%:*}
  var=${kind#*:}
  (cd "$top_srcdir" && find "bindings/java/$dir" -name '*.java' | LC_ALL=C sort) > "$work/disk"
  sed -n "/^$var = /,/^\$/p" "$java_src/local.mk" | tr -d '\\\t' | tr ' ' '\n' |
    grep '\.java$' | LC_ALL=C sort > "$work/listed"
  if ! cmp -s "$work/disk" "$work/listed"; then
    echo "FAIL: $dir/ differs from \$($var) in local.mk (- on disk, + listed):"
    diff "$work/disk" "$work/listed"
    fails=$((fails + 1))
  else
    echo "ok: $dir/: $(wc -l < "$work/disk") files, all listed"
  fi
done
pom_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$java_src/pom.xml" | head -n 1)
if [ "$pom_version" != "$MITCH_PACKAGE_VERSION" ]; then
  echo "FAIL: pom.xml version '$pom_version' is not the library's $MITCH_PACKAGE_VERSION"
  fails=$((fails + 1))
else
  echo "ok: pom.xml version $pom_version"
fi
# The files the two local.mk put in the tarball (every bindings/... name in them).
too_long=$(cat "$java_src/local.mk" "$top_srcdir/bindings/dotnet/local.mk" | tr ' \t' '\n\n' |
  grep '^bindings/[A-Za-z0-9_./-]*\.[a-z]*$' | sort -u |
  awk -v prefix="libmitch-$MITCH_PACKAGE_VERSION/" '{ if (length(prefix $0) > 99) print prefix $0 }')
if [ -n "$too_long" ]; then
  echo "FAIL: names too long for the tarball's v7 tar format (99 bytes):"; echo "$too_long"
  fails=$((fails + 1))
else
  echo "ok: every name fits a v7 tar"
fi
[ "$fails" = 0 ]
