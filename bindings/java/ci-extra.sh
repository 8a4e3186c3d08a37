#!/bin/sh
# ci-extra.sh BUILD_DIR - the Java binding's checks that "make check" does
# not run (tools/check-bindings calls it): the Maven build, mvn -q verify,
# with JUnit 5 from Maven Central, against the library and JNI glue of
# BUILD_DIR (configured with the bindings, built and checked).  Surefire
# runs the suite under -Xcheck:jni as make check does.
#
# Maven's local repository is a cache that outlives the run
# (MITCH_MAVEN_REPO, default ~/.cache/libmitch/maven-repository): the first
# run downloads the plugins and JUnit, later runs download nothing.  Maven's
# output goes to BUILD_DIR/bindings/java/maven, never into the source tree.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if ! grep -q '^S\["HAVE_JAVA_TRUE"\]=""' "$build/config.status"; then
  echo "ci-extra (java): $build was configured without a JDK (see its configure summary)" >&2
  exit 1
fi
command -v mvn >/dev/null 2>&1 || { echo "ci-extra (java): mvn not found (tools/install-deps bindings)" >&2; exit 1; }
make -C "$build" lib/libmitch.la tools/mitch bindings/java/libmitch-jni.la >/dev/null
repo=${MITCH_MAVEN_REPO:-${XDG_CACHE_HOME:-$HOME/.cache}/libmitch/maven-repository}
mkdir -p "$repo"
MITCH_LIBRARY="$build/lib/.libs/libmitch.so.1"
MITCH_TOOL="$build/tools/mitch"
MITCH_VECTORS_DIR="$top/tests/vectors"
MITCH_TOP_BUILDDIR="$build"
export MITCH_LIBRARY MITCH_TOOL MITCH_VECTORS_DIR MITCH_TOP_BUILDDIR
start=$(date +%s)
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" -Dmaven.repo.local="$repo" \
  -Dmitch.build.directory="$build/bindings/java/maven" \
  -Dmitch.jni="$build/bindings/java/.libs/libmitch-jni.so" verify
jar="$build/bindings/java/maven/mitch-$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$here/pom.xml" | head -n 1).jar"
test -f "$jar" || { echo "ci-extra (java): mvn verify made no $jar" >&2; exit 1; }
tests=$(cat "$build"/bindings/java/maven/surefire-reports/*.txt | sed -n 's/^Tests run: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' |
  awk '{ run += $1; bad += $2 + $3 } END { print run + 0, bad + 0 }')
echo "ci-extra (java): mvn verify passed in $(( $(date +%s) - start )) s; surefire: ${tests% *} tests, ${tests#* } failed"
