#!/bin/bash
# pristine-quickstart.sh [REV] - the README's Quick start, as a new user runs
# it: on a pristine Debian 12 root (pristine-root.sh: nothing installed but
# git), as root, in a clone of the tree at REV (default: HEAD), every
# command of the README's "## Quick start" section, in order and exactly as
# written there.  The commands are read from README.md at REV itself
# (readme-commands.sh), never retyped here.
#
# The only help the root gets is MAKEFLAGS=-j$(nproc) in its environment
# (the commands are the README's; make just uses both cores), and the
# download cache of pristine-root.sh.  On failure the build's logs are
# copied to $MITCH_BUILD_ROOT/pristine-quickstart (default
# ${TMPDIR:-/tmp}/mitch-build/...).  Prints one summary line; exit status
# non-zero if any command failed or make check skipped a test (on a fresh
# machine that means the Quick start installed too little).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
rev=${1:-HEAD}
heading='## Quick start'
out=${MITCH_BUILD_ROOT:-${TMPDIR:-/tmp}/mitch-build}/pristine-quickstart
rm -rf "$out"
mkdir -p "$out"

git -C "$top" show "$rev:README.md" >"$out/README.md"
"$here/readme-commands.sh" -s "$out/README.md" "$heading" >"$out/quickstart"
chmod 755 "$out/quickstart"
echo "pristine-quickstart: the README's Quick start, run as root on a pristine root:"
"$here/readme-commands.sh" "$out/README.md" "$heading" | sed 's/^/  /'

t0=$(date +%s)
status=0
"$here/pristine-root.sh" --rev "$rev" --log "$out/mmdebstrap.log" \
  --env MAKEFLAGS="-j$(nproc)" \
  --copy-out "config.log:$out/logs" --copy-out "test-suite.log:$out/logs" \
  --copy-out "tests/*.log:$out/logs" --copy-out "python/*.log:$out/logs" \
  "$out/quickstart" >"$out/quickstart.log" 2>&1 || status=$?
seconds=$(($(date +%s) - t0))
if [ "$status" != 0 ]; then
  tail -n 60 "$out/quickstart.log"
  echo "pristine-quickstart: FAILED (exit $status, ${seconds}s; logs in $out)" >&2
  exit 1
fi
tests=$(sed -n 's/^# \(TOTAL\|PASS\|SKIP\|FAIL\|ERROR\): *\([0-9]*\)$/\1=\2/p' "$out/quickstart.log" | paste -sd' ')
# A test skipped on a fresh machine is a dependency the Quick start lacks.
skipped=$(grep '^SKIP: ' "$out/quickstart.log" || true)
if [ -n "$skipped" ]; then
  printf '%s\n' "$skipped"
  echo "pristine-quickstart: FAILED: make check skipped tests on a fresh machine (${seconds}s; logs in $out)" >&2
  exit 1
fi
echo "pristine-quickstart: ok: every Quick start command passed in ${seconds}s; make check: $tests"
