#!/bin/sh
# sweep-complete.sh - the hostile-input sweep (test_sweep) calls every public
# function, member function and constructor of include/mitch.hpp, and names
# nothing that is not one.
#
# The public names come from the compiler, not from reading the header by
# eye: clang++ dumps the declarations of namespace mitch as JSON and
# bindings/cpp/public-api.py lists the public ones.  test_sweep --covers
# lists what its entries call.  A function added to mitch.hpp without a
# sweep entry, or an entry left behind by a rename, fails here with its name.
set -u
me=sweep-complete
top=${MITCH_TOP_SRCDIR:-${srcdir:-.}}
clangxx=${CLANGXX:-clang++}
python=${PYTHON:-python3}
sweep=${MITCH_SWEEP:-./bindings/cpp/test_sweep}

if ! command -v "$clangxx" >/dev/null 2>&1; then
  echo "$me: SKIP: no $clangxx (install clang; its JSON AST lists mitch.hpp's names)"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/$me.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

echo '#include <mitch.hpp>' |
  "$clangxx" -x c++ -std=c++17 -fsyntax-only -I"$top/include" \
    -Xclang -ast-dump=json -Xclang -ast-dump-filter=mitch - >"$work/ast.json" ||
  { echo "$me: FAIL: $clangxx could not dump mitch.hpp"; exit 1; }
"$python" "$top/bindings/cpp/public-api.py" "$work/ast.json" | LC_ALL=C sort -u >"$work/public" ||
  { echo "$me: FAIL: public-api.py"; exit 1; }
${MITCH_TEST_WRAPPER:-} "$sweep" --covers | LC_ALL=C sort -u >"$work/covered" ||
  { echo "$me: FAIL: $sweep --covers"; exit 1; }

missing=$(LC_ALL=C comm -23 "$work/public" "$work/covered")
unknown=$(LC_ALL=C comm -13 "$work/public" "$work/covered")
status=0
if [ -n "$missing" ]; then
  echo "$me: FAIL: public in mitch.hpp, called by no entry of test_sweep.cpp:"
  printf '%s\n' "$missing" | sed 's/^/  /'
  status=1
fi
if [ -n "$unknown" ]; then
  echo "$me: FAIL: named by test_sweep.cpp, not a public function of mitch.hpp:"
  printf '%s\n' "$unknown" | sed 's/^/  /'
  status=1
fi
[ "$status" -eq 0 ] &&
  echo "$me: ok: test_sweep covers all $(wc -l <"$work/public") public functions of mitch.hpp"
exit "$status"
