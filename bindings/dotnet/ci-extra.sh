#!/bin/sh
# ci-extra.sh BUILD_DIR - the C# binding's checks that "make check" does not
# run (tools/check-bindings calls it).  Mono resolves a P/Invoke when it
# compiles the calling method, so the binding's loading order depends on
# what the JIT compiles when; this runs the conformance runner and the NUnit
# suite again with every JIT optimisation on (-O=all, which inlines more),
# against a copy of libmitch outside every search path, so only the
# MITCH_LIBRARY loading in Loader's static constructor can find it.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if ! grep -q '^S\["HAVE_NUNIT_TRUE"\]=""' "$build/config.status"; then
  echo "ci-extra (dotnet): $build was configured without Mono and NUnit (see its configure summary)" >&2
  exit 1
fi
make -C "$build" lib/libmitch.la tools/mitch bindings/dotnet/mitch-conformance.exe \
  bindings/dotnet/Mitch.Tests.dll bindings/dotnet/load-probe.exe bindings/dotnet/Mitch.dll.config \
  bindings/dotnet/test-env.sh >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/mitch-dotnet-ci.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$build/lib/.libs/libmitch.so.1" "$work/libmitch.so.1"
MITCH_LIBRARY="$work/libmitch.so.1"
MITCH_TOOL="$build/tools/mitch"
MITCH_VECTORS_DIR="$top/tests/vectors"
MITCH_TOP_BUILDDIR="$build"
export MITCH_LIBRARY MITCH_TOOL MITCH_VECTORS_DIR MITCH_TOP_BUILDDIR
. "$build/bindings/dotnet/test-env.sh"
status=0
echo "ci-extra (dotnet): conformance under mono -O=all"
env -i PATH=/usr/bin:/bin MITCH_LIBRARY="$MITCH_LIBRARY" MONO_ENV_OPTIONS=-O=all \
  "$MONO" "$MITCH_DOTNET_CONFORMANCE" "$MITCH_VECTORS_DIR" || status=1
echo "ci-extra (dotnet): NUnit under mono -O=all"
(cd "$work" && MONO_ENV_OPTIONS=-O=all "$MONO" "$NUNIT_CONSOLE" "$build/bindings/dotnet/Mitch.Tests.dll" \
  -nologo -noresult) || status=1
exit $status
