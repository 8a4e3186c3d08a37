#!/bin/sh
# build-wheel.sh - the two wheels of the Python package "mitch".
#
#   python/build-wheel.sh pure OUTDIR
#       the pure py3-none-any wheel Debian's and the RPM's packages build
#       (it needs the system's libmitch at run time);
#   python/build-wheel.sh platform OUTDIR LIBRARY
#       a platform wheel carrying LIBRARY (a built libmitch.so.1) inside the
#       package, for users without the system package, repaired by
#       auditwheel for the manylinux tag its symbols allow.
#
# PYTHON (default /usr/bin/python3) builds, with setuptools alone for the
# pure wheel; the platform wheel also needs `wheel` >= 0.40 (`wheel tags`)
# and `auditwheel` for that Python: python/ci-venv.sh makes such a venv.
# The source tree is not touched: the package is copied first.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }
kind=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
python=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-wheel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$here/mitch" "$here/pyproject.toml" "$here/README.md" "$tmp/"
find "$tmp" -name __pycache__ -prune -exec rm -rf {} +
rm -f "$tmp"/mitch/libmitch.so*

build() {  # the wheel setuptools makes of $tmp, into $1; prints its path
  (cd "$tmp" && PYTHONDONTWRITEBYTECODE=1 "$python" -c \
    'import sys; from setuptools import build_meta as b; print(b.build_wheel(sys.argv[1]))' \
    "$1" | tail -n 1 | sed "s|^|$1/|")
}

case $kind in
  pure)
    build "$out"
    ;;
  platform)
    [ $# -ge 3 ] && [ -f "$3" ] || { echo "build-wheel.sh: platform needs the library file" >&2; exit 2; }
    cp -L "$3" "$tmp/mitch/libmitch.so.1"
    wheel=$(build "$tmp/dist")
    # A pure wheel's tag says "any platform": retag it for this one, then let
    # auditwheel check the library's symbols and pick the manylinux tag.
    "$python" -m wheel tags --remove --platform-tag "linux_$(uname -m)" "$wheel" >/dev/null
    "$python" -m auditwheel repair --strip --wheel-dir "$out" "$tmp"/dist/*linux_*.whl >&2
    ls "$out"/mitch-*manylinux*.whl
    ;;
  *)
    echo "build-wheel.sh: pure or platform, not $kind" >&2
    exit 2
    ;;
esac
