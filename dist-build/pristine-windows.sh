#!/bin/bash
# pristine-windows.sh [REV] - the build instructions of
# mingw/README-windows.txt (the README.txt of the Windows zip), run as
# written on a pristine Debian 12 root (pristine-root.sh: nothing installed
# but git), as root, in a clone of the tree at REV (default: HEAD).  The
# commands are the indented lines after "Build it yourself on Debian", read
# from the file at REV, never retyped here; they must leave the zip, whose
# own checks (cross-build.sh: tests under wine, exports, mitch.exe encode
# against the vectors) must pass.
#
# Slow (the cross toolchains and wine are ~1 GB of packages): CI runs it
# only when MITCH_CI_PRISTINE_WINDOWS=1.  The zip and the logs are copied
# to $MITCH_BUILD_ROOT/pristine-windows.  Prints one summary line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
rev=${1:-HEAD}
out=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}/pristine-windows
rm -rf "$out"
mkdir -p "$out"

git -C "$top" show "$rev:mingw/README-windows.txt" >"$out/README-windows.txt"
heading='Build it yourself on Debian'
"$here/readme-commands.sh" -t "$out/README-windows.txt" "$heading" >"$out/commands.txt"
"$here/readme-commands.sh" -t -s "$out/README-windows.txt" "$heading" >"$out/commands"
chmod 755 "$out/commands"
echo "pristine-windows: mingw/README-windows.txt's commands, run as root on a pristine root:"
sed 's/^/  /' "$out/commands.txt"

t0=$(date +%s)
status=0
"$here/pristine-root.sh" --rev "$rev" --log "$out/mmdebstrap.log" \
  --copy-out "/tmp/mitch-cross/*.zip:$out" --copy-out "/tmp/mitch-cross/*/build.log:$out/logs" \
  "$out/commands" >"$out/commands.log" 2>&1 || status=$?
seconds=$(($(date +%s) - t0))
summary=$(grep '^cross .*: \(ok\|FAILED\)' "$out/commands.log" || true)
if [ "$status" != 0 ]; then
  tail -n 40 "$out/commands.log"
  echo "pristine-windows: FAILED (exit $status, ${seconds}s; logs in $out)" >&2
  exit 1
fi
zip=$(ls "$out"/*.zip 2>/dev/null | head -n 1)
[ -n "$zip" ] || { echo "pristine-windows: FAILED: no zip was made (${seconds}s)" >&2; exit 1; }
echo "pristine-windows: ok in ${seconds}s: $(basename "$zip"); $summary"
