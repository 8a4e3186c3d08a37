#!/bin/sh
# tool-absent.sh - a mitch built without libmitch-redis (no hiredis, or not
# Linux) says that publish and subscribe are absent, with exit status 1,
# rather than failing in some other way.
set -u
MITCH=${MITCH_TOOL:-./tools/mitch}
fails=0
for cmd in publish subscribe; do
  "$MITCH" "$cmd" --redis redis://127.0.0.1:1 - </dev/null >/dev/null 2>"${TMPDIR:-/tmp}/absent.$$"
  status=$?
  if [ "$status" -eq 1 ] && grep -q "mitch $cmd: not available: this mitch was built without libmitch-redis" \
      "${TMPDIR:-/tmp}/absent.$$"; then
    echo "ok   - mitch $cmd says it is absent"
  else
    echo "FAIL - mitch $cmd (exit $status): $(cat "${TMPDIR:-/tmp}/absent.$$")"
    fails=$((fails + 1))
  fi
done
rm -f "${TMPDIR:-/tmp}/absent.$$"
"$MITCH" --help | grep -q '^  publish ' || { echo "FAIL - publish missing from the usage"; fails=$((fails + 1)); }
[ "$fails" -eq 0 ]
