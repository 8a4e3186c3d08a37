#!/bin/sh
# check-man.sh - the manual pages format without a single groff warning
# (what lintian's "manpage-has-errors-from-man" and rpmlint look for).
# Skipped (77) where groff is not installed.
set -eu
srcdir=${MITCH_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
command -v groff >/dev/null 2>&1 || { echo "groff not installed: skipped"; exit 77; }
status=0
for page in "$srcdir/doc/mitch.1" "$srcdir/doc/libmitch.3" "$srcdir/doc/libmitch-redis.3"; do
  # -ww: all warnings; -z: no output; -t: tbl; -man: the man macros.
  # LC_ALL=C.UTF-8: the pages are UTF-8 free, but groff's input charset
  # must not depend on the caller's locale.
  warnings=$(LC_ALL=C.UTF-8 groff -ww -t -man -z "$page" 2>&1 || echo "groff failed")
  if [ -n "$warnings" ]; then
    echo "FAIL: $page:"
    echo "$warnings"
    status=1
  else
    echo "ok: $page"
  fi
  # Every line is plain ASCII and tabs (escapes like \- and \(em for the
  # rest).
  tab=$(printf '\t')
  if LC_ALL=C grep -n "[^$tab -~]" "$page" >/dev/null; then
    echo "FAIL: $page has non-ASCII bytes:"
    LC_ALL=C grep -n "[^$tab -~]" "$page" | head -n 5
    status=1
  fi
done
exit $status
