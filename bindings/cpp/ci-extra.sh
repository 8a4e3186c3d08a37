#!/bin/sh
# ci-extra.sh BUILD_DIR - the C++ binding's checks that make check does not
# run (called by tools/check-bindings in CI's bindings job):
#   - the suite, the conformance runner and the README example built with
#     each other C++17 compiler configure found (g++ / clang++: make check
#     uses $CXX), as C++17, C++17 -fno-exceptions and C++20, with the same
#     warning flags as make check, through PKG_CONFIG_PATH=BUILD_DIR
#     (mitch-uninstalled.pc), and run;
#   - the suite and test_sweep built with -fsanitize=address,undefined by
#     every C++ compiler, and test_sweep under valgrind;
#   - find_package(mitch) against a DESTDIR install (check-cmake-package.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: ci-extra.sh BUILD_DIR}" && pwd)
from_makefile() { sed -n "s/^$1 = //p" "$build/Makefile" | head -n 1; }
others=$(from_makefile MITCH_CXX_OTHERS)
flags=$(from_makefile MITCH_CPP_TEST_CXXFLAGS)
pthread=$(from_makefile PTHREAD_CFLAGS)
vectors=$top/tests/vectors
# A program's .cpp sources, as make check builds them.
cpp_sources() {
  for f in $(from_makefile "$1"); do
    case $f in *.cpp) printf ' %s' "$top/$f" ;; esac
  done
}
sources=$(cpp_sources bindings_cpp_test_mitch_hpp_SOURCES)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-cpp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PKG_CONFIG_PATH="$build${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
cflags=$(pkg-config --cflags mitch) && libs=$(pkg-config --libs mitch) ||
  { echo "ci-extra(cpp): pkg-config does not find $build/mitch-uninstalled.pc" >&2; exit 1; }
export MITCH_TOOL="$build/tools/mitch" MITCH_VECTORS_DIR="$vectors"
export MITCH_LIBRARY="$build/lib/.libs/libmitch.so.1"
failed=0
run() { # NAME COMMAND...: run, report one line
  name=$1; shift
  if "$@" >"$tmp/out" 2>&1; then
    echo "ok: $name: $(tail -n 1 "$tmp/out")"
  else
    tail -n 20 "$tmp/out"; echo "FAIL: $name"; failed=1
    return 1
  fi
}
[ -n "$others" ] || echo "ci-extra(cpp): no second C++ compiler was found by configure (want g++ and clang++)"
for cxx in $others; do
  for variant in "c++17" "c++17 -fno-exceptions" "c++20"; do
    std=${variant%% *}; extra=; [ "$variant" = "$std" ] || extra=${variant#* }
    exe=$tmp/test-$(echo "$cxx-$variant" | tr ' +' '_p')
    # shellcheck disable=SC2086
    run "$cxx -std=$variant: build" $cxx -std=$std $extra $flags $pthread $cflags \
      $sources -o "$exe" $libs $pthread && run "$cxx -std=$variant: suite" "$exe"
  done
  # shellcheck disable=SC2086
  run "$cxx: build the conformance runner" $cxx -std=c++17 -O2 $flags $cflags \
    "$here/conformance.cpp" -o "$tmp/conformance" $libs &&
    run "$cxx: conformance" sh -c "'$tmp/conformance' '$vectors' && '$tmp/conformance' '$vectors' 2>/dev/null | grep -qx '1531 passed, 0 failed'"
  # shellcheck disable=SC2086
  run "$cxx: build the README example" $cxx -std=c++17 $flags $cflags "$here/example.cpp" \
    -o "$tmp/example" $libs &&
    run "$cxx: README example" sh -c "'$tmp/example' | diff -u '$here/example.expected' -"
done
# The suite and the hostile-input sweep with AddressSanitizer and
# UndefinedBehaviorSanitizer, by every compiler: the header's inline code is
# what they instrument here (tools/check-sanitizers runs libmitch's own
# suite instrumented).  Then the sweep make check built, under valgrind.
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
sweep_sources=$(cpp_sources bindings_cpp_test_sweep_SOURCES)
for cxx in $(from_makefile CXX) $others; do
  # shellcheck disable=SC2086
  run "$cxx ASan+UBSan: build the suite" $cxx -std=c++17 -O1 -g $san $flags $pthread $cflags \
    $sources -o "$tmp/suite-san" $libs $pthread && run "$cxx ASan+UBSan: suite" "$tmp/suite-san"
  # shellcheck disable=SC2086
  run "$cxx ASan+UBSan: build the sweep" $cxx -std=c++17 -O1 -g $san $flags $cflags \
    $sweep_sources -o "$tmp/sweep-san" $libs && run "$cxx ASan+UBSan: sweep" "$tmp/sweep-san"
done
if command -v valgrind >/dev/null 2>&1; then
  run "valgrind: sweep" valgrind -q --error-exitcode=9 "$build/bindings/cpp/test_sweep"
else
  echo "ci-extra(cpp): no valgrind: the sweep was not run under it"
fi
run "find_package(mitch) against an installed copy" sh "$here/check-cmake-package.sh" "$build"
exit $failed
