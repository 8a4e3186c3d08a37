#!/bin/bash
# build-rpm.sh TARBALL - build the RPM packages from the `make dist` tarball
# with rpmbuild -ba rpm/mitch.spec (%check runs make check), then rpmlint
# the spec and every package.  Output in ${MITCH_BUILD_ROOT:-/tmp/mitch-build}/rpm.
#
# Debian's rpm has an empty package database, so BuildRequires cannot be
# satisfied from it: --nodeps here (tools/install-deps has installed the
# Debian equivalents), never in the spec.
#
# What a distribution's build system adds is added here too, in a private
# HOME (~/.rpmmacros) and GNUPGHOME so nothing of the machine's is touched:
# the Packager, and a signature made with a throwaway key whose public half
# goes into a private rpm database, so rpmlint can verify it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 libmitch-VERSION.tar.xz" >&2; exit 2; }
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${MITCH_BUILD_ROOT:-/tmp/mitch-build}/rpm
name=$(basename "$tarball" .tar.xz)

rm -rf "$out"
mkdir -p "$out"
# The spec as shipped in the tarball (what `rpmbuild -ta` would use) must be
# the one in this tree.
tar -xJOf "$tarball" "$name/rpm/mitch.spec" >"$out/mitch.spec"
cmp -s "$out/mitch.spec" "$here/../rpm/mitch.spec" ||
  { echo "rpm: FAILED: $name/rpm/mitch.spec differs from rpm/mitch.spec (stale tarball?)" >&2; exit 1; }

# The build environment: system tools only (a python3 from pyenv on PATH
# must not build the Python package), a private HOME and GNUPGHOME.
packager="libmitch CI <dev@libmitch.invalid>"
export HOME=$out/home GNUPGHOME=$out/home/gnupg
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mkdir -p "$GNUPGHOME" "$out/home/rpmdb"
chmod 700 "$GNUPGHOME"
# gpg starts an agent for this GNUPGHOME: stop it when done.
trap 'gpgconf --kill gpg-agent 2>/dev/null || true' EXIT
printf '%s\n' "%_topdir $out" "%_sourcedir $(dirname "$tarball")" \
  "%_dbpath $out/home/rpmdb" "%packager $packager" "%_gpg_name $packager" \
  "%__gpg $(command -v gpg)" \
  >"$HOME/.rpmmacros"

log=$out/build.log
echo "rpm: rpmbuild -ba in $out (log: $log)"
# MITCH_RPMBUILD_OPTS: extra options when debugging (e.g. --nocheck).
if ! rpmbuild -ba --nodeps ${MITCH_RPMBUILD_OPTS:-} "$out/mitch.spec" >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "rpm: FAILED: rpmbuild (log: $log)" >&2
  exit 1
fi
tests=$(sed -n 's/^# \(TOTAL\|PASS\|SKIP\|FAIL\|ERROR\): *\([0-9]*\)$/\1=\2/p' "$log" | paste -sd' ')

rpms=$(find "$out/RPMS" "$out/SRPMS" -name '*.rpm' | sort)
# Sign, and let rpm (and so rpmlint) know the key.
{
  gpg --batch --passphrase '' --quick-gen-key "$packager" default default never &&
    gpg --batch --armor --export "$packager" >"$out/home/RPM-GPG-KEY-libmitch-ci" &&
    rpmkeys --import "$out/home/RPM-GPG-KEY-libmitch-ci" &&
    rpmsign --addsign $rpms &&
    rpmkeys --checksig $rpms
} >>"$log" 2>&1 || { tail -n 20 "$log" >&2; echo "rpm: FAILED: signing" >&2; exit 1; }

lint_log=$out/rpmlint.log
lint_status=0
rpmlint "$out/mitch.spec" $rpms >"$lint_log" 2>&1 || lint_status=$?
cat "$lint_log"
summary=$(grep -oE '[0-9]+ packages and [0-9]+ specfiles checked.*badness' "$lint_log" || true)
errors=$(sed -n 's/.*checked; \([0-9]*\) errors.*/\1/p' "$lint_log")
if [ "${errors:-1}" -ne 0 ]; then
  echo "rpm: FAILED: rpmlint reports errors (exit $lint_status)" >&2
  exit 1
fi
# Warnings once fixed that must not come back.
if grep -E ': W: (name-repeated-in-summary|no-documentation)( |$)' "$lint_log" >&2; then
  echo "rpm: FAILED: rpmlint warnings that were fixed are back (above)" >&2
  exit 1
fi

# The README's `dnf install` line, as written there: its globs, with
# ~/rpmbuild meaning this build's topdir, must pick every binary package
# built here and no debug package.  rpm on Debian makes no debuginfo
# packages; Fedora makes NAME-debuginfo and mitch-debugsource beside them,
# so a copy of RPMS/ with those names added (empty files) is what the
# globs are matched against.  Then `rpm -i --test` on exactly the picked
# files, with an empty database, must not miss anything one of our own
# packages provides (the system's libc and python3 it may miss).
readme_home=$out/readme-home
rm -rf "$readme_home" "$out/home/empty-rpmdb"
mkdir -p "$out/home/empty-rpmdb"
mkdir -p "$readme_home/rpmbuild"
cp -a "$out/RPMS" "$readme_home/rpmbuild/RPMS"
binaries=$(find "$out/RPMS" -name '*.rpm' | sort)
for f in $binaries; do
  IFS=$'\t' read -r n v r a < <(rpm -qp --qf '%{NAME}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\n' "$f" 2>/dev/null)
  [ "$a" = noarch ] && continue
  : >"$readme_home/rpmbuild/RPMS/$a/$n-debuginfo-$v-$r.$a.rpm"
  : >"$readme_home/rpmbuild/RPMS/$a/mitch-debugsource-$v-$r.$a.rpm"
done
dnf_line=$("$here/readme-commands.sh" -j "$here/../README.md" '### RPM packages (Fedora, RHEL, openSUSE)' |
  grep -E '^(sudo )?dnf install ' || true)
[ -n "$dnf_line" ] || { echo "rpm: FAILED: no dnf install line in the README's RPM section" >&2; exit 1; }
dnf_args=${dnf_line#sudo }
dnf_args=${dnf_args#dnf install }
picked=$(HOME=$readme_home bash -c 'shopt -s nullglob; eval "set -- $1"; printf "%s\n" "$@"' sh "$dnf_args" | sort)
want=$(for f in $binaries; do echo "$readme_home/rpmbuild/${f#"$out/"}"; done | sort)
if [ "$picked" != "$want" ]; then
  echo "rpm: FAILED: the README's dnf install line picks (<) other files than the packages built (>):" >&2
  diff <(echo "$picked" | sed "s|$readme_home/rpmbuild/RPMS/||") <(echo "$want" | sed "s|$readme_home/rpmbuild/RPMS/||") >&2 || true
  exit 1
fi
ours=$(for f in $binaries; do rpm -qp --provides "$f" 2>/dev/null; done | awk '{ print $1 }' | sort -u)
missing=$(rpm --dbpath "$out/home/empty-rpmdb" -i --test $picked 2>&1 |
  sed -n 's/^[[:space:]]*\([^ ]*\).* is needed by .*/\1/p' | sort -u | comm -12 - <(echo "$ours") || true)
if [ -n "$missing" ]; then
  echo "rpm: FAILED: the README's dnf install line leaves out what our packages need: $missing" >&2
  exit 1
fi

names=$(for f in $rpms; do basename "$f" .rpm; done | paste -sd' ')
echo "rpm: ok: $names; make check: $tests; rpmlint: $summary"
