# tests/redis/lib.sh - what the Redis test scripts share (sourced).
#
# A temporary directory for servers and files, removed at exit with every
# server still running in it (SIGKILL: they hold nothing worth keeping);
# TAP-like ok/FAIL lines and a count of failures.  The scripts run from the
# build directory; srcdir is the source tree (make check sets it).
set -u
srcdir=${srcdir:-.}
redis_dir=$srcdir/tests/redis
ctl="sh $redis_dir/redis-ctl"
MITCH=${MITCH_TOOL:-./tools/mitch}
work=$(mktemp -d "${TMPDIR:-/tmp}/mitch-redis-test.XXXXXX") || exit 99
cleanup() {
  $ctl stopall "$work" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
fails=0
pass() { echo "ok   - $1"; }
fail() {
  echo "FAIL - $1"
  fails=$((fails + 1))
}
check() {
  desc=$1
  shift
  if "$@"; then pass "$desc"; else fail "$desc"; fi
}
finish() {
  if [ "$fails" -ne 0 ]; then
    echo "$fails check(s) failed; server logs:"
    for log in "$work"/*/log; do
      [ -e "$log" ] && { echo "== $log"; tail -n 20 "$log"; }
    done
    exit 1
  fi
  exit 0
}

# wait_for SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds.
wait_for() {
  limit=$(($1 * 20))
  shift
  i=0
  until "$@"; do
    i=$((i + 1))
    [ "$i" -lt "$limit" ] || return 1
    sleep 0.05
  done
}

# numsub PORT COMMAND CHANNEL: the subscriber count Redis reports.
numsub() {
  "${REDIS_CLI:-redis-cli}" -h 127.0.0.1 -p "$1" pubsub "$2" "$3" | sed -n 2p
}
