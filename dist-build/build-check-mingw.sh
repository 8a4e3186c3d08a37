#!/bin/sh
# build-check-mingw.sh HOST PREFIX - build the Check unit-test framework for
# a MinGW-w64 HOST (x86_64-w64-mingw32, i686-w64-mingw32) into PREFIX.
#
# Debian ships Check for Linux architectures only, so the Windows test
# programs link a static libcheck built here from Debian's own check source
# package (apt-get source: needs a deb-src entry, which
# `tools/install-deps cross` adds).  Without fork() Check runs every test in
# the test program's process (CK_FORK=no), which is what our tests expect on
# Windows anyway.
#
# PREFIX is a cache: when PREFIX/lib/libcheck.a is there for the same check
# version, nothing is rebuilt.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 HOST PREFIX" >&2; exit 2; }
host=$1
prefix=$2
case $host in
  *-w64-mingw32) ;;
  *) echo "$0: $host is not a MinGW-w64 host" >&2; exit 2 ;;
esac

# The candidate version of Debian's check source; the cache is keyed on it.
version=$(apt-cache showsrc check 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
[ -n "$version" ] || { echo "$0: no deb-src for check (run tools/install-deps cross)" >&2; exit 1; }
stamp=$prefix/.check-version
if [ -f "$prefix/lib/libcheck.a" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  echo "check $version for $host: cached in $prefix"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/check-$host.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# As root apt cannot drop to the _apt user in a private directory; fine here.
apt-get source -q -o APT::Sandbox::User=root "check=$version" >/dev/null
srcdir=$(find . -maxdepth 1 -type d -name 'check-*' | head -n 1)
[ -n "$srcdir" ] || { echo "$0: apt-get source check unpacked nothing" >&2; exit 1; }

mkdir build
cd build
log=$work/build.log
# Static only: the test programs then need no libcheck DLL at run time.
# Subunit, timeout tests and the manual are not needed to run our tests.
if ! {
  "../$srcdir/configure" --host="$host" --prefix="$prefix" \
    --disable-shared --enable-static --disable-subunit \
    --disable-timeout-tests --disable-build-docs &&
    make -j2 -C lib && make -j2 -C src &&
    rm -rf "$prefix" &&
    make -C lib install && make -C src install &&
    make install-includeHEADERS install-pcdataDATA
} >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "$0: building check for $host failed" >&2
  exit 1
fi
# Debian's pkgconfig patch names libcheck_pic, which only its Linux build has.
sed -i 's/-lcheck_pic/-lcheck/' "$prefix/lib/pkgconfig/check.pc"
echo "$version" > "$stamp"
echo "check $version for $host: built into $prefix"
