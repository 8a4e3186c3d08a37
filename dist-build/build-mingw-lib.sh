#!/bin/sh
# build-mingw-lib.sh LIBRARY HOST PREFIX - build a library libmitch uses, for
# a MinGW-w64 HOST (x86_64-w64-mingw32, i686-w64-mingw32), into PREFIX, from
# Debian's own source package of it.  LIBRARY is one of:
#   check    the Check unit-test framework, for the test programs
#   jansson  the JSON library, for the mitch tool's encode command
#
# Debian ships these for Linux architectures only, so the Windows builds
# link static libraries made here from `apt-get source` (needs a deb-src
# entry, which `tools/install-deps cross` adds): static, so neither the test
# programs nor mitch.exe need a DLL beyond libmitch-1.dll and Windows' own.
# Without fork() Check runs every test in the test program's process
# (CK_FORK=no), which is what our tests expect on Windows anyway.
#
# PREFIX is a cache: when the library is there for the same source version,
# nothing is rebuilt.  PREFIX/lib/pkgconfig has its .pc file.
set -eu

[ $# -eq 3 ] || { echo "usage: $0 check|jansson HOST PREFIX" >&2; exit 2; }
library=$1
host=$2
prefix=$3
case $host in
  *-w64-mingw32) ;;
  *) echo "$0: $host is not a MinGW-w64 host" >&2; exit 2 ;;
esac

# What differs between the libraries: the configure options and what to
# build and install (the libraries and headers, not the tools or manuals).
case $library in
  check)
    # Subunit, timeout tests and the manual are not needed to run our tests.
    configure_opts="--disable-subunit --disable-timeout-tests --disable-build-docs"
    build_lib() { make -j2 -C lib && make -j2 -C src; }
    install_lib() { make -C lib install && make -C src install && make install-includeHEADERS install-pcdataDATA; }
    ;;
  jansson)
    configure_opts=
    build_lib() { make -j2 -C src; }
    install_lib() { make -C src install && make install-pkgconfigDATA; }
    ;;
  *) echo "$0: unknown library '$library' (check or jansson)" >&2; exit 2 ;;
esac

# The candidate version of Debian's source; the cache is keyed on it.
version=$(apt-cache showsrc "$library" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
[ -n "$version" ] || { echo "$0: no deb-src for $library (run tools/install-deps cross)" >&2; exit 1; }
stamp=$prefix/.$library-version
if [ -f "$prefix/lib/lib$library.a" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  echo "$library $version for $host: cached in $prefix"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/$library-$host.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# As root apt cannot drop to the _apt user in a private directory; fine here.
apt-get source -q -o APT::Sandbox::User=root "$library=$version" >/dev/null
srcdir=$(find . -maxdepth 1 -type d -name "$library-*" | head -n 1)
[ -n "$srcdir" ] || { echo "$0: apt-get source $library unpacked nothing" >&2; exit 1; }
log=$work/build.log
# Debian's jansson source has no configure script (its build runs
# autoreconf, as dh does): make one the same way.
if [ ! -x "$srcdir/configure" ]; then
  (cd "$srcdir" && autoreconf -fi) >"$log" 2>&1 ||
    { tail -n 30 "$log" >&2; echo "$0: autoreconf in $library's source failed" >&2; exit 1; }
fi

mkdir build
cd build
# shellcheck disable=SC2086
if ! {
  "../$srcdir/configure" --host="$host" --prefix="$prefix" \
    --disable-shared --enable-static $configure_opts &&
    build_lib &&
    rm -rf "$prefix" &&
    install_lib
} >>"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "$0: building $library for $host failed" >&2
  exit 1
fi
# Debian's pkgconfig patch names libcheck_pic, which only its Linux build has.
[ "$library" != check ] || sed -i 's/-lcheck_pic/-lcheck/' "$prefix/lib/pkgconfig/check.pc"
echo "$version" >"$stamp"
echo "$library $version for $host: built into $prefix"
