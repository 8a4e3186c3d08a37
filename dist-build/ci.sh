#!/bin/bash
# dist-build/ci.sh - every packaging and cross-build job, for .ci/run.
#
#   1. tools/install-deps build test package cross redis (quick when installed)
#   2. dist-build/check-packaging.sh (versions, Build-Depends, symbols)
#   3. make dist: the tarball the RPM and the cross builds start from
#   4. the jobs, two at a time (2 cores), longest first:
#        deb    build-deb.sh (dpkg-buildpackage -us -uc -b, make check,
#               lintian), then check-debian-install.sh (proof of use)
#        rpm    build-rpm.sh (rpmbuild -ba, %check, rpmlint)
#        HOST   cross-build.sh HOST for x86_64-w64-mingw32, i686-w64-mingw32,
#               s390x-linux-gnu, aarch64-linux-gnu, i686-linux-gnu
#        plain-cross  check-plain-cross.sh: plain ./configure --host=...
#               && make, with only the build machine's pkg-config
# Each job's one-line summary and time is printed; the exit status is
# non-zero if any job failed (its log's tail is shown).
#
# Environment: MITCH_BUILD_ROOT (default ${TMPDIR:-/tmp}/mitch-build) holds
# every build and log; MITCH_CACHE_DIR (see cross-build.sh) and
# MITCH_APT_CACHE (see tools/install-deps) what is worth keeping between
# runs; MITCH_CI_JOBS (default 2) jobs at once; MITCH_CI_ONLY="deb rpm ..."
# runs only those jobs; MITCH_TARBALL an existing `make dist` tarball.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
export MITCH_BUILD_ROOT=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}
slots=${MITCH_CI_JOBS:-2}
all_jobs="deb rpm x86_64-w64-mingw32 i686-w64-mingw32 s390x-linux-gnu aarch64-linux-gnu i686-linux-gnu plain-cross"
jobs=${MITCH_CI_ONLY:-$all_jobs}
logs=$MITCH_BUILD_ROOT/logs
start=$(date +%s)

elapsed() { echo $(($(date +%s) - $1)); }
mkdir -p "$MITCH_BUILD_ROOT"
rm -rf "$logs"
mkdir -p "$logs"

t0=$(date +%s)
"$top/tools/install-deps" build test package cross redis >"$logs/install-deps.log" 2>&1 ||
  { tail -n 30 "$logs/install-deps.log" >&2; echo "ci: FAILED: tools/install-deps" >&2; exit 1; }
echo "ci: dependencies installed ($(elapsed "$t0")s)"

sh "$here/check-packaging.sh"

# The tarball: MITCH_TARBALL if given, else `make dist` in the tree's own
# build if it is configured in place (as .ci/run does), else in a fresh
# out-of-tree build.
t0=$(date +%s)
if [ -n "${MITCH_TARBALL:-}" ]; then
  tarball=$(cd "$(dirname "$MITCH_TARBALL")" && pwd)/$(basename "$MITCH_TARBALL")
elif [ -f "$top/Makefile" ] && [ -f "$top/config.status" ]; then
  distdir=$top
else
  distdir=$MITCH_BUILD_ROOT/dist
  rm -rf "$distdir"
  mkdir -p "$distdir"
  [ -x "$top/configure" ] || (cd "$top" && autoreconf -fi) >"$logs/dist.log" 2>&1
  (cd "$distdir" && "$top/configure" PYTHON=/usr/bin/python3) >>"$logs/dist.log" 2>&1 ||
    { tail -n 30 "$logs/dist.log" >&2; echo "ci: FAILED: configure for make dist" >&2; exit 1; }
fi
if [ -z "${MITCH_TARBALL:-}" ]; then
  (cd "$distdir" && make dist) >>"$logs/dist.log" 2>&1 ||
    { tail -n 30 "$logs/dist.log" >&2; echo "ci: FAILED: make dist" >&2; exit 1; }
  tarball=$distdir/libmitch-$(sed -n 's/^PACKAGE_VERSION = //p' "$distdir/Makefile").tar.xz
fi
version=$(basename "$tarball" .tar.xz)
version=${version#libmitch-}
# The cross builds configure out of tree from one unpacked copy.
srcdir=$MITCH_BUILD_ROOT/src/libmitch-$version
rm -rf "$MITCH_BUILD_ROOT/src"
mkdir -p "$MITCH_BUILD_ROOT/src"
tar -C "$MITCH_BUILD_ROOT/src" -xJf "$tarball"
echo "ci: $(basename "$tarball") made and unpacked ($(elapsed "$t0")s)"

run_job() {
  case $1 in
    deb)
      "$here/build-deb.sh" "$MITCH_BUILD_ROOT/deb" &&
        "$here/check-debian-install.sh" "$MITCH_BUILD_ROOT/deb" ;;
    rpm) "$here/build-rpm.sh" "$tarball" ;;
    plain-cross) "$here/check-plain-cross.sh" "$srcdir" ;;
    *) MITCH_BUILD_ROOT=$MITCH_BUILD_ROOT/cross "$here/cross-build.sh" "$1" "$srcdir" ;;
  esac
}

job_done() {
  local name=$1 status seconds
  read -r status seconds <"$logs/$name.status"
  printf 'ci: %-20s %4ss  %s\n' "$name" "$seconds" \
    "$(grep -E '^(deb|debian-install|rpm|cross|plain-cross)( [^:]*)?: (ok|FAILED)' "$logs/$name.log" | paste -sd'|' | sed 's/|/ | /g')"
}

running=()
for name in $jobs; do
  case " $all_jobs " in *" $name "*) ;; *) echo "ci: unknown job $name" >&2; exit 2 ;; esac
  while [ "$(jobs -rp | wc -l)" -ge "$slots" ]; do
    wait -n || true
  done
  (
    t0=$(date +%s)
    status=0
    run_job "$name" >"$logs/$name.log" 2>&1 || status=$?
    echo "$status $(elapsed "$t0")" >"$logs/$name.status"
    job_done "$name"
  ) &
  running+=("$name")
done
wait

failed=()
for name in "${running[@]}"; do
  read -r status _ <"$logs/$name.status"
  [ "$status" -eq 0 ] || failed+=("$name")
done
echo
echo "ci: packaging and cross builds, $(elapsed "$start")s in all:"
for name in "${running[@]}"; do
  job_done "$name"
done
if [ ${#failed[@]} -ne 0 ]; then
  for name in "${failed[@]}"; do
    echo
    echo "==== $name failed; the end of $logs/$name.log:"
    tail -n 40 "$logs/$name.log"
  done
  echo "ci: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "ci: all ok"
