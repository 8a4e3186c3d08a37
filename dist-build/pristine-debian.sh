#!/bin/bash
# pristine-debian.sh [DEBDIR] - the README's Debian section on a machine
# that has nothing: the .debs build-deb.sh left in DEBDIR (default:
# ${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}/deb) are put where
# dpkg-buildpackage leaves them (beside the tree, /build), and on a pristine
# Debian 12 root (pristine-root.sh: nothing installed but git), as root, in
# a clone of the tree at $MITCH_PRISTINE_REV (default: HEAD), the commands
# of the README's "### Debian and Ubuntu packages" section that follow the
# build run exactly as written there: the `apt install` of the packages
# with what the README says a bare system needs, then the usage commands.
# They are read from README.md at that commit (readme-commands.sh), never
# retyped here.
#
# The section's first block must be the build (`dpkg-buildpackage -us -uc
# -b`, which build-deb.sh runs) and the second the install (`apt install`),
# or the job fails rather than run the wrong block.  Beyond every command's
# exit status, `mitch resolve EURUSD` must print EURUSD's ticker id from
# the conformance vectors.  Prints one summary line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build_root=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}
debdir=${1:-$build_root/deb}
rev=${MITCH_PRISTINE_REV:-HEAD}
out=$build_root/pristine-debian
heading='### Debian and Ubuntu packages'

fail() {
  echo "pristine-debian: FAILED: $*" >&2
  exit 1
}

debdir=$(cd "$debdir" && pwd) || fail "no $debdir (run build-deb.sh)"
rm -rf "$out"
mkdir -p "$out"
git -C "$top" show "$rev:README.md" >"$out/README.md"
"$here/readme-commands.sh" "$out/README.md" "$heading" 1 >"$out/block1"
"$here/readme-commands.sh" "$out/README.md" "$heading" 2 >"$out/block2"
grep -qx 'dpkg-buildpackage -us -uc -b' "$out/block1" ||
  fail "the README's first Debian block is not the build build-deb.sh runs"
grep -q '^apt install ' "$out/block2" ||
  fail "the README's second Debian block does not install with apt"
"$here/readme-commands.sh" -s "$out/README.md" "$heading" 2 3 >"$out/commands"
chmod 755 "$out/commands"

debs=()
for deb in "$debdir"/*.deb; do
  [ -e "$deb" ] && debs+=(--copy-in "$deb:/build")
done
[ ${#debs[@]} -gt 0 ] || fail "no .debs in $debdir (run build-deb.sh)"

echo "pristine-debian: the README's Debian commands, run as root on a pristine root:"
"$here/readme-commands.sh" "$out/README.md" "$heading" 2 3 | sed 's/^/  /'
t0=$(date +%s)
status=0
# Standard input answers "y" to apt's "Do you want to continue?", as the
# user at the keyboard does.
"$here/pristine-root.sh" --rev "$rev" --log "$out/mmdebstrap.log" "${debs[@]}" \
  "$out/commands" >"$out/commands.log" 2>&1 < <(yes) || status=$?
seconds=$(($(date +%s) - t0))
if [ "$status" != 0 ]; then
  tail -n 40 "$out/commands.log"
  fail "exit $status after ${seconds}s (log: $out/commands.log)"
fi

eurusd_id=$(awk -F'\t' '$1 == "EURUSD" && $2 == "0" { print $3; exit }' "$top/tests/vectors/resolution/tickers.tsv")
[ -n "$eurusd_id" ] || fail "no EURUSD row in tests/vectors/resolution/tickers.tsv"
resolved=$(sed -n '/^+ mitch resolve EURUSD$/,/^+ /p' "$out/commands.log")
grep -qi "${eurusd_id#0x}" <<<"$resolved" || {
  printf '%s\n' "$resolved"
  fail "mitch resolve EURUSD does not print $eurusd_id"
}
echo "pristine-debian: ok: $(grep -c '^+ (exit 0 ' "$out/commands.log") README commands passed on a pristine root in ${seconds}s"
