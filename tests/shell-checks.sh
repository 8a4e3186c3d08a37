# shell-checks.sh - what the shell tests of make check share, sourced as
#   . "$srcdir/tests/shell-checks.sh"
# One "ok   - ..." or "FAIL - ..." line per check, a count of failures, and
# the verdict that ends the script.
fails=0
pass() { echo "ok   - $1"; }
fail() { echo "FAIL - $1"; fails=$((fails + 1)); }
# check DESCRIPTION COMMAND...: the command's success is the check.
check() { desc=$1; shift; if "$@"; then pass "$desc"; else fail "$desc"; fi; }
# The last line of a test script: the count, and its exit status.
finish() { echo "$fails failure(s)"; test "$fails" -eq 0; }
