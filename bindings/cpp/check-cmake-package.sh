#!/bin/sh
# check-cmake-package.sh BUILD_DIR - install BUILD_DIR's libmitch into a
# temporary directory (make install DESTDIR=...) and build and run a small
# CMake project against it with find_package(mitch): the C target, the C++
# target (mitch.hpp), the static one when installed, and a version request
# the package must refuse.  Called by bindings/cpp/ci-extra.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
command -v cmake >/dev/null 2>&1 || { echo "check-cmake-package: cmake is missing (tools/install-deps bindings)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-cmake.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
make -C "$build" install DESTDIR="$tmp/stage" >"$tmp/install.log" 2>&1 ||
  { tail -n 30 "$tmp/install.log" >&2; echo "check-cmake-package: make install failed" >&2; exit 1; }
prefix=$(sed -n 's/^prefix = //p' "$build/Makefile")
cxx=$(sed -n 's/^CXX = //p' "$build/Makefile")
cc=$(sed -n 's/^CC = //p' "$build/Makefile")
root=$tmp/stage$prefix
ls "$root"/lib*/cmake/mitch/mitch-config.cmake "$root"/lib*/*/cmake/mitch/mitch-config.cmake 2>/dev/null | head -n 1 | grep -q . ||
  { echo "check-cmake-package: no mitch-config.cmake installed under $root" >&2; exit 1; }
[ -f "$root/include/mitch.hpp" ] || { echo "check-cmake-package: mitch.hpp not installed" >&2; exit 1; }

cmake -S "$here/cmake-test" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$root" \
  -DCMAKE_CXX_COMPILER="${cxx:-c++}" -DCMAKE_C_COMPILER="${cc:-cc}" >"$tmp/cmake.log" 2>&1 ||
  { cat "$tmp/cmake.log" >&2; echo "check-cmake-package: cmake configure failed" >&2; exit 1; }
grep -F "found mitch" "$tmp/cmake.log"
cmake --build "$tmp/build" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; echo "check-cmake-package: build failed" >&2; exit 1; }
status=0
for prog in use_mitch_cxx use_mitch_c use_mitch_static; do
  if [ -x "$tmp/build/$prog" ]; then
    # The program must use the staged library, not one installed on the system
    out=$(env -u LD_LIBRARY_PATH "$tmp/build/$prog") || { echo "FAIL: $prog exited $?"; status=1; continue; }
    echo "ok: $prog: $out"
  elif [ "$prog" != use_mitch_static ]; then
    echo "FAIL: $prog was not built"; status=1
  fi
done
if [ -x "$tmp/build/use_mitch_cxx" ] && command -v ldd >/dev/null 2>&1; then
  ldd "$tmp/build/use_mitch_cxx" | grep -q "$tmp/stage" ||
    { echo "FAIL: use_mitch_cxx does not load the staged libmitch"; ldd "$tmp/build/use_mitch_cxx"; status=1; }
fi
# A newer major version than the one installed must not be found.
if cmake -S "$here/cmake-test" -B "$tmp/build2" -DCMAKE_PREFIX_PATH="$root" \
     -DMITCH_WANT_VERSION=2.0 >"$tmp/cmake2.log" 2>&1; then
  echo "FAIL: find_package(mitch 2.0) accepted libmitch $(sed -n 's/^PACKAGE_VERSION = //p' "$build/Makefile")"
  status=1
else
  echo "ok: find_package(mitch 2.0) is refused"
fi
exit $status
