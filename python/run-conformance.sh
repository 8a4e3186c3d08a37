#!/bin/sh
# run-conformance.sh - "make check" driver of the Python conformance runner
# (generated from python/run-conformance.sh.in by python/local.mk): every row
# of tests/vectors through the package's public API, against the library
# just built.  Passes when the runner's closing line says "0 failed".
set -eu

top_srcdir='/work/wt/python'
top_builddir='/work/wt/python'
PYTHON='/usr/bin/python3'

dlname=
. "$top_builddir/lib/libmitch.la"
if test -z "$dlname"; then
  echo "run-conformance.sh: lib/libmitch.la names no shared library" >&2
  exit 99
fi
MITCH_LIBRARY="$top_builddir/lib/.libs/$dlname"
PYTHONPATH="$top_srcdir/python${PYTHONPATH:+:$PYTHONPATH}"
PYTHONDONTWRITEBYTECODE=1
export MITCH_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE

"$PYTHON" -m mitch.conformance "${MITCH_VECTORS_DIR:-$top_srcdir/tests/vectors}"
