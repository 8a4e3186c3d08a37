#!/bin/sh
# consumer-kill.sh - 1,000,000 messages through a consumer group whose
# consumers are killed with SIGKILL at random points and restarted with the
# same names: together they must write exactly the published sequence,
# 0 missing, 0 duplicated (tests/redis/check_sequence).
#
#   mitch publish --stream (cap 1,000,000) appends the messages while three
#   consumers `mitch subscribe --stream --group g --consumer cN -o outN` run;
#   every 0.1-0.6 s one of them, at random, is killed with SIGKILL and started
#   again.  The killing goes on for a while after the publisher is done,
#   then the consumers drain the stream, get SIGTERM, and the files are
#   judged.  MITCH_KILL_MESSAGES=N changes the count (default 1000000).
# Takes about a minute on the 2-core build machine (most of it the
# publisher and the consumers sharing the cores with the server).
. "${srcdir:-.}/tests/redis/lib.sh"
cli=${REDIS_CLI:-redis-cli}
N=${MITCH_KILL_MESSAGES:-1000000}
start_time=$(date +%s)

port=$($ctl start "$work" kill) || exit 99
U=redis://127.0.0.1:$port
tests/redis/gen_trades "$N" "$work/trades.mitch" || exit 99

rand() { # 0 .. $1-1
  echo $(($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1))
}

run_consumer() { # NAME: one run, in the background; its pid in $pid_NAME
  "$MITCH" subscribe --redis "$U" --provider 7 --type t --stream --group g --consumer "$1" \
    -o "$work/$1.mitch" 2>>"$work/$1.err" &
  eval "pid_$1=\$!"
}
for c in c1 c2 c3; do run_consumer $c; done

"$MITCH" publish --redis "$U" --provider 7 --stream --maxlen "$N" "$work/trades.mitch" \
  2>"$work/publish.err" &
publisher=$!

kills=0
killing_until=0
while :; do
  sleep "0.$((1 + $(rand 6)))"
  if [ "$killing_until" -eq 0 ] && ! kill -0 "$publisher" 2>/dev/null; then
    wait "$publisher"
    check "publisher: exit 0" test $? -eq 0
    killing_until=$(($(date +%s) + 5))
  fi
  [ "$killing_until" -eq 0 ] || [ "$(date +%s)" -lt "$killing_until" ] || break
  victim=c$((1 + $(rand 3)))
  eval "pid=\$pid_$victim"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  kills=$((kills + 1))
  run_consumer "$victim"
done
echo "# $kills consumers killed with SIGKILL and restarted"

# Drain: the group has read everything (lag 0) and nothing is pending.
drained() {
  info=$("$cli" -h 127.0.0.1 -p "$port" xinfo groups mitch:stream:$(((7 << 16) | (116 << 8))))
  lag=$(printf '%s\n' "$info" | sed -n '/^lag$/{n;p;}')
  pending=$(printf '%s\n' "$info" | sed -n '/^pending$/{n;p;}')
  [ "$lag" = 0 ] && [ "$pending" = 0 ]
}
wait_for 120 drained
check "the group drained the stream" drained
for c in c1 c2 c3; do
  eval "pid=\$pid_$c"
  kill -TERM "$pid"
  wait "$pid"
  check "consumer $c: SIGTERM exits 0" test $? -eq 0
done
check "the stream holds all $N entries" \
  test "$("$cli" -h 127.0.0.1 -p "$port" xlen mitch:stream:$(((7 << 16) | (116 << 8))))" -eq "$N"
tests/redis/check_sequence "$N" "$work/c1.mitch" "$work/c2.mitch" "$work/c3.mitch" >"$work/verdict"
status=$?
cat "$work/verdict"
check "exactly the published sequence: 0 missing, 0 duplicated" test "$status" -eq 0
# How often the kills hit the two windows the journal is for.
cut=$(cat "$work"/c?.err | grep -c 'cut short' || true)
redone=$(cat "$work"/c?.err | grep -c 'acknowledged without writing them again' || true)
echo "# after a kill: $cut batches found cut short and written again, $redone batches" \
  "found written but not acknowledged"
others=$(cat "$work"/c?.err | grep -v -e 'cut short' -e 'without writing them again' || true)
[ -z "$others" ] || { echo "# other consumer messages:"; printf '%s\n' "$others" | head -5; }
echo "# took $(($(date +%s) - start_time)) s"
finish
