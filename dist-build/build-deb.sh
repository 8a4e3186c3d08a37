#!/bin/bash
# build-deb.sh [OUTDIR] - build the Debian packages of this tree the way a
# Debian developer does (dpkg-buildpackage -us -uc -b, which runs make check),
# then lintian them.  The .debs land in OUTDIR (default:
# ${MITCH_BUILD_ROOT:-/tmp/mitch-build}/deb); check-debian-install.sh tries
# them out.
#
# The build runs in a copy of the tree (the files git knows, as they are
# now, plus new ones not ignored), so the checkout is never configured or
# cleaned by dpkg-buildpackage: an in-tree build there stays intact.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-${MITCH_BUILD_ROOT:-/tmp/mitch-build}/deb}
jobs=${MITCH_JOBS:-2}

rm -rf "$out"
mkdir -p "$out/libmitch"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$top" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
    tar --null -T - -cf -) | tar -C "$out/libmitch" -xf -
else
  [ ! -f "$top/config.status" ] || { echo "$0: $top is configured in place" >&2; exit 1; }
  cp -a "$top/." "$out/libmitch"
fi

cd "$out/libmitch"
log=$out/build.log
# The source package too (before the build touches the tree), so lintian
# sees debian/ as a source package (debian/watch, debian/source): an orig
# tarball of the same files without debian/, then dpkg-source -b.
version=$(dpkg-parsechangelog -S Version)
upstream=${version%-*}
tar --exclude=./debian -C "$out/libmitch" -cJf "$out/libmitch_$upstream.orig.tar.xz" .
if ! (cd "$out" && dpkg-source -b libmitch) >"$out/source.log" 2>&1; then
  cat "$out/source.log" >&2
  echo "deb: FAILED: dpkg-source -b" >&2
  exit 1
fi
echo "deb: dpkg-buildpackage -us -uc -b in $out/libmitch (log: $log)"
# The README's command as a user types it, with the user's PATH, except
# that a decoy python3 (and python3.N, python) comes first: a python3 from
# pyenv or /usr/local there must not be the one pybuild or configure picks,
# and debian/rules makes sure it is not.  The decoy fails loudly if run.
decoy=$out/decoy-python
mkdir -p "$decoy"
py_version=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
for name in python python3 "python$py_version"; do
  printf '#!/bin/sh\necho "decoy %s on PATH was run: debian/rules must use /usr/bin/python3" >&2\nexit 97\n' \
    "$name" >"$decoy/$name"
  chmod 755 "$decoy/$name"
done
if ! PATH=$decoy:$PATH \
    DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage -us -uc -b >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "deb: FAILED: dpkg-buildpackage (log: $log)" >&2
  exit 1
fi

# The test counts make check printed during the build.
tests=$(sed -n 's/^# \(TOTAL\|PASS\|SKIP\|FAIL\|ERROR\): *\([0-9]*\)$/\1=\2/p' "$log" | paste -sd' ')

changes=$(ls "$out"/libmitch_*.changes)
lintian_log=$out/lintian.log
lintian_status=0
dsc=$out/libmitch_$version.dsc
PATH=/usr/sbin:/usr/bin:/sbin:/bin lintian --fail-on error --display-info --pedantic "$changes" "$dsc" >"$lintian_log" 2>&1 || lintian_status=$?
cat "$lintian_log"
errors=$(grep -c '^E: ' "$lintian_log" || true)
warnings=$(grep -c '^W: ' "$lintian_log" || true)
debs=$(cd "$out" && ls ./*.deb | sed 's|^\./||; s|_.*||' | paste -sd' ')
if [ "$lintian_status" -ne 0 ] || [ "$errors" -ne 0 ]; then
  echo "deb: FAILED: lintian reports $errors error(s) (exit $lintian_status)" >&2
  exit 1
fi
# debian/watch must be there and well-formed: no debian-watch-* tag at all,
# whatever its level.
if grep -q '^[EWIP]: .* debian-watch-' "$lintian_log"; then
  echo "deb: FAILED: lintian tags debian/watch:" >&2
  grep '^[EWIP]: .* debian-watch-' "$lintian_log" >&2
  exit 1
fi
echo "deb: ok: $debs; make check: $tests; lintian: 0 errors, $warnings warnings"
