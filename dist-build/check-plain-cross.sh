#!/bin/bash
# check-plain-cross.sh [SRCDIR] - `./configure --host=TRIPLE && make` "as
# usual", with nothing set up for the host: no PKG_CONFIG_LIBDIR, no
# $host-pkg-config, only the build machine's pkg-config, which knows the
# build machine's own (native) libjansson-dev and check.  For each of
# x86_64-w64-mingw32 and i686-linux-gnu, configure must report jansson and
# Check as present exactly when a copy for the host is installed (for
# i686-linux-gnu: Debian multiarch's libjansson-dev:i386 or check:i386,
# asked of dpkg; for MinGW there is none outside a private prefix), and
# `make` must then build the library and the tool; and `--with-jansson` /
# `--with-check` must make configure fail when the host has no copy.
#
# SRCDIR is an unconfigured tree with a configure script (default: this
# checkout; CI passes the unpacked `make dist` tarball).  Needs the cross
# group of tools/install-deps.  Prints one summary line per host.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "${1:-$here/..}" && pwd)
build_root=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}/plain-cross
jobs=${MITCH_JOBS:-2}
[ -x "$srcdir/configure" ] || { echo "plain-cross: FAILED: $srcdir has no configure" >&2; exit 1; }
[ ! -f "$srcdir/config.status" ] || { echo "plain-cross: FAILED: $srcdir is configured in place" >&2; exit 1; }
# The point is the build machine's pkg-config answering for the host.
unset PKG_CONFIG PKG_CONFIG_PATH PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR
# The native copies must be there, or this proves nothing.
pkg-config --exists jansson check || { echo "plain-cross: FAILED: no native jansson and check to be fooled by" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q ' installed$'; }

failures=0
for host in x86_64-w64-mingw32 i686-linux-gnu; do
  build=$build_root/$host
  rm -rf "$build"
  mkdir -p "$build"
  log=$build/build.log
  case $host in
    *-mingw32) want_jansson=no want_check=no exe=.exe ;;
    i686-linux-gnu)
      want_jansson=no want_check=no exe=
      installed libjansson-dev:i386 && want_jansson=yes
      installed check:i386 && want_check=yes
      ;;
  esac
  problems=()
  if ! (cd "$build" && "$srcdir/configure" --host="$host" --disable-bindings PYTHON=/usr/bin/python3) >"$log" 2>&1; then
    problems+=("configure failed")
  else
    got_check=$(sed -n 's/^ *Check tests: *\([a-z]*\).*/\1/p' "$log")
    got_jansson=$(sed -n 's/^ *JSON (jansson): *\([a-z]*\).*/\1/p' "$log")
    [ "$got_check" = "$want_check" ] ||
      problems+=("Check: configure says '$got_check', a copy for $host is $( [ $want_check = yes ] && echo installed || echo not installed)")
    [ "$got_jansson" = "$want_jansson" ] ||
      problems+=("jansson: configure says '$got_jansson', a copy for $host is $( [ $want_jansson = yes ] && echo installed || echo not installed)")
    if ! make -C "$build" -j"$jobs" >>"$log" 2>&1; then
      problems+=("make failed: $(grep -m1 -E 'error:|cannot find|Error [0-9]' "$log" || true)")
    else
      for f in lib/libmitch.la "tools/mitch$exe"; do
        [ -f "$build/$f" ] || problems+=("make built no $f")
      done
    fi
  fi
  # --with-X makes a missing X an error, naming it.
  for lib in jansson check; do
    eval "want=\$want_$lib"
    [ "$want" = no ] || continue
    with_log=$build/with-$lib.log
    if (cd "$build" && "$srcdir/configure" --host="$host" --disable-bindings --with-$lib PYTHON=/usr/bin/python3) >"$with_log" 2>&1; then
      problems+=("configure --with-$lib succeeded without a $lib for $host")
    elif ! grep -q "error: --with-$lib given" "$with_log"; then
      problems+=("configure --with-$lib failed, but not for want of $lib (log: $with_log)")
    fi
  done
  if [ ${#problems[@]} -eq 0 ]; then
    echo "plain-cross $host: ok: Check $want_check, jansson $want_jansson (as installed for the host); library and tool built; --with-X fails for a missing X"
  else
    echo "plain-cross $host: FAILED (log: $log)"
    printf '  - %s\n' "${problems[@]}"
    grep -E '^ *(Check tests|JSON \(jansson\)):' "$log" | sed 's/^ */  configure: /' || true
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ]
