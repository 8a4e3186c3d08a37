#!/bin/bash
# cross-build.sh HOST [SRCDIR] - cross-compile libmitch for HOST, run its
# tests there through an emulator, and print one summary line.
#
#   HOST                   C test programs run under
#   x86_64-w64-mingw32     wine (64-bit)
#   i686-w64-mingw32       wine (32-bit, WoW64 with Debian's wine32:i386)
#   i686-linux-gnu         the i386 loader from multiarch (native 32-bit)
#   aarch64-linux-gnu      qemu-aarch64
#   s390x-linux-gnu        qemu-s390x: big-endian, so the conformance vectors
#                          prove the wire bytes do not follow host byte order
#
# SRCDIR is an unconfigured source tree with a configure script (default:
# this checkout; CI passes the unpacked `make dist` tarball).  Check for the
# Linux targets comes from Debian multiarch; for MinGW, Check and jansson
# are built from Debian's source packages (build-mingw-lib.sh), so the
# Windows mitch.exe has every command; its encode is tried under wine
# against the conformance vectors.  `tools/install-deps cross` installs
# everything.
#
# Environment:
#   MITCH_BUILD_ROOT  builds go to $MITCH_BUILD_ROOT/HOST (default:
#                     ${TMPDIR:-/tmp}/mitch-cross); each run starts afresh
#   MITCH_CACHE_DIR   kept between runs: MinGW Check and jansson, the wine
#                     prefix
#                     (default: ${XDG_CACHE_HOME:-$HOME/.cache}/mitch)
#   MITCH_JOBS        make -j (default: 2)
# For MinGW hosts the installed tree is also zipped to
# $MITCH_BUILD_ROOT/libmitch-VERSION-HOST.zip (what Windows users take).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 HOST [SRCDIR]" >&2; exit 2; }
host=$1
srcdir=$(cd "${2:-$here/..}" && pwd)
build_root=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-cross}
cache=${MITCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mitch}
jobs=${MITCH_JOBS:-2}
build=$build_root/$host

fail() {
  echo "cross $host: FAILED: $*" >&2
  exit 1
}

[ -x "$srcdir/configure" ] || fail "$srcdir has no configure (run autoreconf -fi)"
[ ! -f "$srcdir/config.status" ] || fail "$srcdir is configured in place; pass an unconfigured tree"

# Per-host settings: the pkg-config search path (so only the target's own
# libraries are found) and the command that runs a test program.
export PKG_CONFIG=pkg-config
windows=no
case $host in
  x86_64-w64-mingw32 | i686-w64-mingw32)
    windows=yes
    "$here/build-mingw-lib.sh" check "$host" "$cache/check-$host"
    "$here/build-mingw-lib.sh" jansson "$host" "$cache/jansson-$host"
    export PKG_CONFIG_LIBDIR=$cache/check-$host/lib/pkgconfig:$cache/jansson-$host/lib/pkgconfig
    wrapper=$here/wine-run.sh
    runner=wine
    # libmitch-1.dll, and the MinGW runtime DLLs the test programs use.
    gcc_dir=$(dirname "$("$host-gcc" -print-libgcc-file-name)")
    export MITCH_WINE_DLL_DIRS="$build/lib/.libs:$gcc_dir:/usr/$host/lib"
    export WINEPREFIX=$cache/wine
    export WINEDEBUG=-all WINEDLLOVERRIDES=mscoree,mshtml=
    # Create the prefix once; parallel runs wait for it instead of racing.
    mkdir -p "$cache"
    (
      flock 9
      if [ ! -f "$WINEPREFIX/system.reg" ]; then
        WINEARCH=win64 wineboot --init >/dev/null 2>&1
        wineserver -w
      fi
    ) 9>"$cache/wine.lock"
    ;;
  i686-linux-gnu | aarch64-linux-gnu | s390x-linux-gnu)
    case $host in
      i686-linux-gnu) multiarch=i386-linux-gnu qemu=qemu-i386 ;;
      aarch64-linux-gnu) multiarch=aarch64-linux-gnu qemu=qemu-aarch64 ;;
      s390x-linux-gnu) multiarch=s390x-linux-gnu qemu=qemu-s390x ;;
    esac
    export PKG_CONFIG_LIBDIR=/usr/lib/$multiarch/pkgconfig:/usr/share/pkgconfig
    # -L /: the loader and libc6:<arch> installed by multiarch, the same
    # version as the Check they link (the cross toolchain's own libc in
    # /usr/$host is an older build; mixing its loader with the multiarch
    # libc crashes).
    wrapper="$qemu -L /"
    runner=$qemu
    # An x86_64 kernel runs i386 programs itself when it has IA-32 support.
    if [ "$host" = i686-linux-gnu ] && /lib/ld-linux.so.2 --help >/dev/null 2>&1; then
      wrapper=
      runner="native i386"
    fi
    ;;
  *) fail "unknown host (see the list at the top of $0)" ;;
esac

rm -rf "$build"
mkdir -p "$build"
cd "$build"
log=$build/build.log
run_logged() {
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "'$*' failed (log: $log)"
  fi
}

# --build too: with --host alone configure decides it is not cross compiling
# when it can run the host's programs (i386 on x86_64), and would then run
# the build machine's Python tests against the foreign library.
build_triplet=$("$srcdir/build-aux/config.guess")
run_logged "$srcdir/configure" --build="$build_triplet" --host="$host" --disable-dependency-tracking \
  PYTHON=/usr/bin/python3 MITCH_TEST_WRAPPER="$wrapper"
grep -q '^#define MITCH_BIG_ENDIAN 1' config.h && byte_order=big-endian || byte_order=little-endian
[ -n "$(sed -n 's/^CHECK_LIBS = *//p' Makefile)" ] || fail "configure found no Check for $host"
[ "$windows" = no ] || grep -q '^#define HAVE_JANSSON 1' config.h || fail "configure found no jansson for $host"
run_logged make -j"$jobs"
# Compiler warnings in our own sources (each place once; Check's header is
# not ours).
warnings=$({ grep -E '^[^ :]+\.[ch]:[0-9]+:[0-9]+: warning:' "$log" || true; } |
  { grep -v '/check\.h:' || true; } | sort -u | wc -l)

# The shell-driven tests (examples/run-example.sh) run their programs
# through the wrapper from the environment.
export MITCH_TEST_WRAPPER="$wrapper"
# make check's own failure is reported below with the counts.
make -j"$jobs" check >>"$log" 2>&1 || true
[ -f test-suite.log ] || { tail -n 40 "$log" >&2; fail "make check produced no test-suite.log"; }
count() { sed -n "s/^# $1: *//p" test-suite.log | head -n 1; }
total=$(count TOTAL) pass=$(count PASS) skip=$(count SKIP)
bad=$(($(count FAIL) + $(count XPASS) + $(count ERROR)))
# Check's own count of test cases across the C programs.
checks=$({ cat tests/*.log 2>/dev/null || true; } | sed -n 's/.*Checks: \([0-9]*\),.*/\1/p' |
  awk '{ n += $1 } END { print n + 0 }')

problems=()
[ "$bad" -eq 0 ] ||
  problems+=("failed: $(sed -n 's/^\(FAIL\|XPASS\|ERROR\): \([^ ]*\)$/\2/p' test-suite.log | sort -u | paste -sd' ') (see $build/test-suite.log)")
# The conformance vectors must really have run on every target.
grep -qx ':test-result: PASS' tests/check_conformance.trs 2>/dev/null ||
  problems+=("the conformance vectors did not pass")

extra=
if [ "$windows" = yes ]; then
  dll=lib/.libs/libmitch-1.dll
  [ -f "$dll" ] || problems+=("no $dll")
  [ -f lib/.libs/libmitch.dll.a ] || problems+=("no import library lib/.libs/libmitch.dll.a")
  if [ -f "$dll" ]; then
    # Exactly the functions the header declares, nothing else.
    "$host-objdump" -p "$dll" |
      sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/s/^\t\[ *[0-9]*\] //p' | sort >exports.txt
    sed -n 's/^MITCH_API[^(]*[ *]\(mitch_[a-z0-9_]*\)(.*/\1/p' "$srcdir/include/mitch.h" |
      sort >declared.txt
    if ! cmp -s exports.txt declared.txt; then
      diff declared.txt exports.txt >&2 || true
      problems+=("DLL exports differ from the functions in mitch.h")
    fi
    # A user takes just the DLL: it may need only what Windows itself has.
    "$host-objdump" -p "$dll" | sed -n 's/^\tDLL Name: //p' | sort -u >imports.txt
    if grep -viE '^(kernel32|msvcrt|user32|advapi32)\.dll$|^api-ms-win-' imports.txt >&2; then
      problems+=("the DLL needs non-system DLLs (listed above)")
    fi
    extra=", $(wc -l <exports.txt) exports = mitch.h, imports: $(paste -sd' ' imports.txt)"
    # The binary distribution for Windows users.
    version=$(sed -n 's/^PACKAGE_VERSION = //p' Makefile)
    stage=$build/stage/libmitch-$version-$host
    prefix=$(sed -n 's/^prefix = //p' Makefile)
    run_logged make install-strip DESTDIR="$build/stage/tmp"
    mv "$build/stage/tmp$prefix" "$stage"
    # The libtool archive names build paths; nobody on Windows uses it.
    rm -f "$stage"/lib/*.la
    # The C++ header and the CMake package ship beside mitch.h and mitch.pc.
    for f in include/mitch.hpp lib/cmake/mitch/mitch-config.cmake lib/cmake/mitch/mitch-config-version.cmake; do
      [ -f "$stage/$f" ] || problems+=("the zip lacks $f")
    done
    # MSVC users make an import library from the .def: lib /def:libmitch-1.def
    { echo "LIBRARY libmitch-1.dll"; echo "EXPORTS"; sed 's/^/  /' exports.txt; } >"$stage/lib/libmitch-1.def"
    cp "$srcdir/mingw/README-windows.txt" "$stage/README.txt"
    rm -f "$build_root/libmitch-$version-$host.zip"
    (cd "$build/stage" && /usr/bin/python3 -m zipfile -c "$build_root/libmitch-$version-$host.zip" "libmitch-$version-$host")
    extra="$extra, zip: libmitch-$version-$host.zip"
    # The zip's mitch.exe needs only the libmitch-1.dll beside it and
    # Windows' own DLLs (jansson is linked in statically) ...
    exe=$stage/bin/mitch.exe
    "$host-objdump" -p "$exe" | sed -n 's/^\tDLL Name: //p' | sort -u >tool-imports.txt
    if grep -viE '^(libmitch-1|kernel32|msvcrt|user32|advapi32)\.dll$|^api-ms-win-' tool-imports.txt >&2; then
      problems+=("mitch.exe needs non-system DLLs (listed above)")
    fi
    # ... and has every command: under wine, encode turns JSON lines made
    # from the conformance vectors into exactly the vectors' bytes, and
    # decode --json | encode (through pipes: binary stdin and stdout) gives
    # them back.
    /usr/bin/python3 "$here/vectors-stream.py" "$srcdir/tests/vectors/messages" \
      "$build/vectors.jsonl" "$build/vectors.mitch"
    if ! wine "$exe" encode -o "$build/wine-encoded.mitch" "$build/vectors.jsonl" >>"$log" 2>&1; then
      problems+=("mitch.exe encode failed under wine (log: $log)")
    elif ! cmp -s "$build/wine-encoded.mitch" "$build/vectors.mitch"; then
      problems+=("mitch.exe encode under wine: bytes differ from the conformance vectors")
    elif ! wine "$exe" decode --json - <"$build/vectors.mitch" 2>>"$log" |
        wine "$exe" encode 2>>"$log" | cmp -s - "$build/vectors.mitch"; then
      problems+=("mitch.exe decode --json | encode under wine does not give the same bytes")
    else
      extra="$extra, mitch.exe encode = vectors under wine"
    fi
    # The Windows code paths of the tool's safety rules, under wine: an
    # output is replaced only after a complete encode (MoveFileEx), the
    # input is never its own output (the NTFS file index), and a closed
    # pipe ends the program quietly (no SIGPIPE on Windows).
    cp "$build/vectors.mitch" "$build/wine-out.mitch"
    echo 'not json' >"$build/not.jsonl"
    wine "$exe" encode -o "$build/wine-out.mitch" "$build/not.jsonl" >/dev/null 2>&1 || true
    cmp -s "$build/wine-out.mitch" "$build/vectors.mitch" ||
      problems+=("mitch.exe encode -o OUT under wine: a refused input changed OUT")
    cp "$build/vectors.jsonl" "$build/self.jsonl"
    if wine "$exe" encode -o "$build/self.jsonl" "$build/self.jsonl" >/dev/null 2>&1 ||
        ! cmp -s "$build/self.jsonl" "$build/vectors.jsonl"; then
      problems+=("mitch.exe encode -o F F under wine: not refused, or F changed")
    fi
    for i in $(seq 200); do cat "$build/vectors.mitch"; done >"$build/big.mitch"
    { wine "$exe" decode "$build/big.mitch" 2>"$build/pipe.err" || true; } | head -n 2 >/dev/null
    if [ -s "$build/pipe.err" ]; then
      problems+=("mitch.exe decode | head under wine: $(head -c 200 "$build/pipe.err")")
    else
      extra="$extra, safe -o and quiet closed pipe under wine"
    fi
  fi
fi

status=ok
[ ${#problems[@]} -eq 0 ] || status=FAILED
echo "cross $host ($byte_order, $runner): $status: $pass/$total tests passed, $skip skipped, $checks Check cases, $warnings compiler warnings$extra"
if [ "$status" != ok ]; then
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi
