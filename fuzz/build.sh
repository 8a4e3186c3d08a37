#!/bin/sh
# build.sh - build the libFuzzer targets and their seed corpora.
#
#   fuzz/build.sh [OUT_DIR]          (default: ./fuzz-build)
#
# Configures a private, static, instrumented copy of the library in
# OUT_DIR/lib-build (clang, -fsanitize=fuzzer-no-link,address,undefined,
# -fno-sanitize-recover=all), links each fuzz/fuzz_*.c against it with
# -fsanitize=fuzzer,address,undefined, and writes seed corpora built from
# the conformance vectors to OUT_DIR/corpus/<target>.  The registry targets
# (resolve, asset, provider) are skipped, with a note, when the library has
# no registry functions yet.
#
# Environment: FUZZ_CC (default clang), PYTHON (default /usr/bin/python3),
# MAKE (default make).  "make fuzz" in a build tree runs this script;
# tools/fuzz-smoke runs the targets.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$PWD/fuzz-build}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cc=${FUZZ_CC:-clang}
python=${PYTHON:-/usr/bin/python3}
make=${MAKE:-make}

command -v "$cc" >/dev/null 2>&1 || {
  echo "fuzz/build.sh: $cc not found (tools/install-deps sanitize)" >&2
  exit 1
}

san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
lib_cflags="-g -O1 $san -fsanitize=fuzzer-no-link"

# 1. The library, instrumented for coverage and sanitizers, static.
mkdir -p "$out/lib-build"
if [ ! -f "$out/lib-build/Makefile" ]; then
  echo "fuzz/build.sh: configuring an instrumented library in $out/lib-build"
  [ -x "$srcdir/configure" ] || (cd "$srcdir" && autoreconf -fi)
  src=$("$srcdir/tools/pristine-srcdir" "$out/src")
  (cd "$out/lib-build" &&
    "$src/configure" CC="$cc" CFLAGS="$lib_cflags" PYTHON="$python" \
      --disable-shared --enable-static --without-check --without-jansson \
      >configure.log 2>&1) || {
    echo "fuzz/build.sh: configure failed, see $out/lib-build/configure.log" >&2
    exit 1
  }
fi
(cd "$out/lib-build" && $make lib/libmitch.la >/dev/null)
lib=$out/lib-build/lib/.libs/libmitch.a

# 2. The targets.
targets="fuzz_stream fuzz_decode fuzz_encode fuzz_check fuzz_ids fuzz_bins"
registry_targets="fuzz_resolve fuzz_asset fuzz_provider"
if nm "$lib" 2>/dev/null | grep -q ' T mitch_resolve$'; then
  targets="$targets $registry_targets"
else
  echo "fuzz/build.sh: the library has no registry functions yet; skipping $registry_targets"
fi
# libmitch-redis's payload checks, where configure built the Redis library
# (hiredis found): its internal library, static, instrumented the same way.
redis_lib=
if grep -q '^#define HAVE_MITCH_REDIS 1' "$out/lib-build/config.h" 2>/dev/null; then
  (cd "$out/lib-build" && $make lib/redis/libmitch-redis-core.la >/dev/null)
  redis_lib=$out/lib-build/lib/redis/.libs/libmitch-redis-core.a
  targets="$targets fuzz_redis_payload"
else
  echo "fuzz/build.sh: libmitch-redis is not built (no hiredis); skipping fuzz_redis_payload"
fi
for t in $targets; do
  echo "  FUZZ     $t"
  extra=
  [ "$t" = fuzz_redis_payload ] && extra="$redis_lib $(pkg-config --libs hiredis)"
  # shellcheck disable=SC2086
  "$cc" -g -O1 $san -fsanitize=fuzzer -std=gnu11 -Wall -Wextra \
    -I"$srcdir/include" -I"$srcdir/fuzz" \
    "$srcdir/fuzz/$t.c" $extra "$lib" -lm -o "$out/$t"
done
echo "$targets" >"$out/targets"

# 3. Seed corpora from the conformance vectors (the project's copy first).
vectors=$srcdir/tests/vectors
[ -d "$vectors/messages" ] || vectors=$srcdir/../shared/conformance
if [ -d "$vectors/messages" ]; then
  rm -rf "$out/seeds"
  "$python" "$srcdir/fuzz/make-corpus.py" "$vectors" "$out/seeds"
else
  echo "fuzz/build.sh: no conformance vectors found; the targets start from empty corpora"
fi
echo "fuzz/build.sh: targets in $out (run tools/fuzz-smoke $out, or $out/fuzz_stream -help=1)"
