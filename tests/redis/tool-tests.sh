#!/bin/sh
# tool-tests.sh - mitch publish / mitch subscribe end to end, on one server
# and on a 3-master cluster: data/sample.mitch (every body type) published
# arrives bit-exact through a subscriber started before it, with text and
# binary channel names, plain and sharded; bare bodies arrive as valid
# messages; damaged payloads are reported and skipped; signals flush and
# exit 0; bad URLs, credentials and files fail clearly.
. "${srcdir:-.}/tests/redis/lib.sh"
cli=${REDIS_CLI:-redis-cli}
sample=data/sample.mitch

one=$($ctl start "$work" one) || exit 99
auth=$($ctl start "$work" auth --requirepass sesame) || exit 99
cluster=$($ctl cluster "$work" node) || exit 99
set -- $cluster
c1=$1 c2=$2 c3=$3
U=redis://127.0.0.1:$one

# What the sample holds (from the tool's own decode, checked in test-cli.sh).
"$MITCH" decode "$sample" >"$work/sample.txt" || exit 99
n_messages=$(awk 'NR > 1 { print $1 }' "$work/sample.txt" | sort -u | wc -l)
n_bodies=$(($(wc -l <"$work/sample.txt") - 1))
n_trade_bodies=$(awk 'NR > 1 && $3 == "trade"' "$work/sample.txt" | wc -l)
# Its type codes (the first byte of each message) and type names: every
# type the protocol has, which is what the sample is for.
types=$(for off in $(awk 'NR > 1 { print $1 }' "$work/sample.txt" | sort -un); do
  od -An -c -j "$off" -N1 "$sample" | tr -d ' '
done | sort -u | paste -sd, -)
n_types=$(echo "$types" | tr ',' '\n' | wc -l)
type_names=$(awk 'NR > 1 { print $3 }' "$work/sample.txt" | sort -u)
[ "$n_types" -ge 5 ] || { echo "the sample lacks types: $types"; exit 99; }
# The body fields of a decoded stream, without offsets, numbers and times.
fields() { "$MITCH" decode "$1" | awk 'NR > 1 { $1 = $2 = $4 = $5 = ""; print }'; }

# Every message as JSON lines without its position, grouped by type with the
# order kept inside each type: what must agree when channels (one per type)
# live on different cluster nodes, whose deliveries interleave in no
# defined order.
per_type() {
  "$MITCH" decode --json "$1" | sed 's/"message":[0-9]*,"offset":[0-9]*,//' | sort -s -t, -k1,1
}

# Sum of one subscription counter (sub, psub, ssub) over nodes' clients.
subscriptions() {
  field=$1
  shift
  total=0
  for port in "$@"; do
    for v in $("$cli" -h 127.0.0.1 -p "$port" client list | tr ' ' '\n' | sed -n "s/^$field=//p"); do
      total=$((total + v))
    done
  done
  echo "$total"
}
subscribed() { # FIELD COUNT PORT...
  f=$1 want=$2
  shift 2
  [ "$(subscriptions "$f" "$@")" -ge "$want" ]
}

# start_sub OUT FIELD COUNT PORTS -- ARGS: subscribe in the background,
# writing OUT; return once COUNT subscriptions of kind FIELD are in place.
start_sub() {
  out=$1 f=$2 want=$3 ports=$4
  shift 5
  before=$(subscriptions "$f" $ports)
  "$MITCH" subscribe "$@" -o "$out" 2>"$out.err" &
  sub_pid=$!
  wait_for 10 subscribed "$f" $((before + want)) $ports || echo "subscriber not ready: $*"
}
end_sub() { # wait for it (it stops by itself with --count), status in sub_status
  wait "$sub_pid"
  sub_status=$?
}

# 1. the sample, bit-exact: text names, binary names, both at once
start_sub "$work/text.mitch" sub "$n_types" "$one" -- --redis "$U" --provider 101 --type "$types" \
  --count "$n_messages"
"$MITCH" publish --redis "$U" --provider 101 "$sample"
check "publish exits 0" test $? -eq 0
end_sub
check "subscribe --count exits 0" test "$sub_status" -eq 0
check "text channels: the sample arrives bit-exact" cmp -s "$sample" "$work/text.mitch"

start_sub "$work/bin.mitch" sub "$n_types" "$one" -- --redis "$U" --provider Binance --type "$types" \
  --binary-channel --count "$n_messages"
"$MITCH" publish --redis "$U" --provider binance --binary-channel "$sample"
end_sub
check "binary channels: the sample arrives bit-exact" cmp -s "$sample" "$work/bin.mitch"

start_sub "$work/both.mitch" sub $((2 * n_types)) "$one" -- --redis "$U" --provider 101 --type "$types" \
  --both-spellings --count $((2 * n_messages))
"$MITCH" publish --redis "$U" --provider 101 "$sample" &&
  "$MITCH" publish --redis "$U" --provider 101 --binary-channel --pipeline 1 - <"$sample"
end_sub
cat "$sample" "$sample" >"$work/twice.mitch"
check "both spellings at once: the sample twice" cmp -s "$work/twice.mitch" "$work/both.mitch"

# 2. bare bodies (the deployed Rust publishers' form): valid one-body messages
start_sub "$work/bare.mitch" sub "$n_types" "$one" -- --redis "$U" --provider 101 --type "$types" \
  --bare-bodies --binary-channel --count "$n_bodies"
"$MITCH" publish --redis "$U" --provider 101 --bare-bodies --binary-channel "$sample"
end_sub
"$MITCH" decode "$work/bare.mitch" >"$work/bare.txt" 2>&1
check "bare bodies arrive as a valid stream" test $? -eq 0
check "one body per message" test "$(awk 'NR > 1 { print $1 }' "$work/bare.txt" | sort -u | wc -l)" -eq "$n_bodies"
fields "$sample" >"$work/sample.fields"
fields "$work/bare.mitch" >"$work/bare.fields"
check "bare bodies: the same bodies in the same order" cmp -s "$work/sample.fields" "$work/bare.fields"

# 3. damaged payloads: reported on stderr, skipped, the subscriber goes on
start_sub "$work/dmg.mitch" sub 1 "$one" -- --redis "$U" --provider 101 --type t --count 2
"$cli" -h 127.0.0.1 -p "$one" publish 6648832 'not a MITCH message' >/dev/null
printf 't\000\000\000\000\000\000\001' | "$cli" -h 127.0.0.1 -p "$one" -x publish 6648832 >/dev/null
"$MITCH" publish --redis "$U" --provider 101 "$sample"
end_sub
check "damaged payloads: exit 0" test "$sub_status" -eq 0
check "damaged payloads: reported with the channel" \
  test "$(grep -c 'channel 6648832: damaged payload skipped' "$work/dmg.mitch.err")" -eq 2
check "damaged payloads: the field and the rule are named" grep -q 'offset 0: message_type is 0x6e (must be' "$work/dmg.mitch.err"
check "damaged payloads: the good ones still arrive" test "$(fields "$work/dmg.mitch" | wc -l)" -eq "$n_trade_bodies"

# 4. SIGTERM and SIGINT: flush and exit 0
for sig in TERM INT; do
  start_sub "$work/sig$sig.mitch" sub "$n_types" "$one" -- --redis "$U" --provider 101 --type "$types"
  "$MITCH" publish --redis "$U" --provider 101 "$sample"
  wait_for 5 test -s "$work/sig$sig.mitch"
  sleep 0.2
  kill -"$sig" "$sub_pid"
  end_sub
  check "SIG$sig: exit 0" test "$sub_status" -eq 0
  check "SIG$sig: what arrived is in the file" cmp -s "$sample" "$work/sig$sig.mitch"
done

# 5. -o appends to a MITCH stream, refuses anything else
cp "$sample" "$work/append.mitch"
start_sub "$work/append.mitch" sub 1 "$one" -- --redis "$U" --provider 101 --type s --count 1
"$MITCH" publish --redis "$U" --provider 101 "$sample"
end_sub
check "-o appends" test "$(wc -c <"$work/append.mitch")" -gt "$(wc -c <"$sample")"
check "-o appended a whole stream" "$MITCH" decode "$work/append.mitch" >/dev/null
echo "my notes" >"$work/notes.txt"
"$MITCH" subscribe --redis "$U" --provider 101 --type t -o "$work/notes.txt" 2>"$work/err"
check "-o on a file that is no MITCH stream: exit 1" test $? -eq 1
check "... the file is untouched" test "$(cat "$work/notes.txt")" = "my notes"
check "... and says why" grep -q 'not a MITCH stream' "$work/err"

# 6. publish: damaged input stops it after what came before
size=$(wc -c <"$sample")
head -c $((size - 5)) "$sample" >"$work/cut.mitch"
start_sub "$work/before-cut.mitch" sub "$n_types" "$one" -- --redis "$U" --provider 101 --type "$types" \
  --count $((n_messages - 1))
"$MITCH" publish --redis "$U" --provider 101 "$work/cut.mitch" 2>"$work/err"
check "truncated input: exit 1" test $? -eq 1
check "truncated input: the offset is named" grep -q 'offset [0-9]*: the input ends inside a message' "$work/err"
end_sub
head -c "$(wc -c <"$work/before-cut.mitch")" "$sample" >"$work/prefix.mitch"
check "truncated input: every whole message before it was sent" cmp -s "$work/prefix.mitch" "$work/before-cut.mitch"
printf 'x' >"$work/badtype.mitch"
tail -c +2 "$sample" >>"$work/badtype.mitch"
"$MITCH" publish --redis "$U" "$work/badtype.mitch" 2>"$work/err"
check "bad type byte: exit 1 with the offset" grep -q 'offset 0:.*invalid message type' "$work/err"
# The second message's first order (offset 104 + 8) with order_id 0 (its
# bytes 8..11, protocol.md): the offset in the input, the field, the rule.
head -c 120 "$sample" >"$work/badfield.mitch"
printf '\000\000\000\000' >>"$work/badfield.mitch"
tail -c +125 "$sample" >>"$work/badfield.mitch"
"$MITCH" publish --redis "$U" --provider 101 "$work/badfield.mitch" 2>"$work/err"
check "bad field: exit 1" test $? -eq 1
check "bad field: offset, field and rule" grep -q '^mitch publish: offset 120: message 2 (at offset 104): order_id is 0' "$work/err"

# 7. URLs, credentials, providers
"$MITCH" publish --redis rediss://127.0.0.1:6380 "$sample" 2>"$work/err"
check "rediss://: exit 2" test $? -eq 2
check "rediss://: says there is no TLS" grep -q 'TLS' "$work/err"
"$MITCH" subscribe --redis http://127.0.0.1 --provider 1 --type t 2>"$work/err"
check "not a redis URL: exit 2" test $? -eq 2
"$MITCH" publish --redis redis://127.0.0.1:$auth "$sample" 2>"$work/err"
check "no password: exit 1, NOAUTH" grep -q NOAUTH "$work/err"
"$MITCH" publish --redis redis://:wrong@127.0.0.1:$auth "$sample" 2>"$work/err"
check "wrong password: exit 1, WRONGPASS" grep -q WRONGPASS "$work/err"
"$MITCH" publish --redis redis://:sesame@127.0.0.1:$auth "$sample"
check "right password: exit 0" test $? -eq 0
$ctl kill "$work" auth
"$MITCH" publish --redis redis://:sesame@127.0.0.1:$auth --timeout 500 "$sample" 2>"$work/err"
check "server gone: exit 1, connection refused" grep -q -i 'refused' "$work/err"
"$MITCH" publish --redis "$U" --provider 'Binanse' "$sample" 2>"$work/err"
check "a misspelt provider is not guessed: exit 2" test $? -eq 2
"$MITCH" subscribe --redis "$U" --provider 101 --type t,x 2>"$work/err"
check "an unknown type: exit 2" test $? -eq 2

# 8. streams through a consumer group, resumed by a second run
"$MITCH" publish --redis "$U" --provider 202 --stream --maxlen 1000 "$sample"
check "publish --stream exits 0" test $? -eq 0
"$MITCH" subscribe --redis "$U" --provider 202 --type "$types" --stream --group g --consumer c \
  --count 3 -o "$work/stream.mitch"
check "first run: exit 0" test $? -eq 0
"$MITCH" subscribe --redis "$U" --provider 202 --type "$types" --stream --group g --consumer c \
  --count $((n_messages - 3)) -o "$work/stream.mitch"
check "second run: exit 0" test $? -eq 0
check "streams: a valid stream" "$MITCH" decode "$work/stream.mitch" >/dev/null
for t in $type_names; do
  awk -v t=$t '$3 == t' "$work/sample.fields" >"$work/want.$t"
  fields "$work/stream.mitch" | awk -v t=$t '$3 == t' >"$work/got.$t"
  check "streams: every $t, once, in order" cmp -s "$work/want.$t" "$work/got.$t"
done
"$MITCH" subscribe --redis "$U" --provider 202 --type t --stream --group g --consumer other \
  -o "$work/stream.mitch" 2>"$work/err" </dev/null
check "another consumer's file is refused" grep -q 'written by consumer c' "$work/err"

# 8b. the journal's two cases, set up by hand: a consumer read 4 entries
# (they are pending) and was killed (a) after writing them in full, before
# acknowledging, (b) half-way through writing them.  Either way the next run
# writes every entry exactly once.
tests/redis/gen_trades 10 "$work/ten.mitch" || exit 99
stream_key=mitch:stream:$(((9 << 16) | (116 << 8)))
for case in written cut changed; do
  "$cli" -h 127.0.0.1 -p "$one" del "$stream_key" >/dev/null
  "$MITCH" publish --redis "$U" --provider 9 --stream "$work/ten.mitch"
  "$cli" -h 127.0.0.1 -p "$one" xgroup create "$stream_key" g 0 >/dev/null
  "$cli" -h 127.0.0.1 -p "$one" xreadgroup group g c count 4 streams "$stream_key" '>' >/dev/null
  ids=$("$cli" -h 127.0.0.1 -p "$one" xpending "$stream_key" g - + 10 c | awk 'NR % 4 == 1')
  head -c 160 "$work/ten.mitch" >"$work/j.mitch"
  { echo "mitch-subscribe-journal 1"; echo "group g"; echo "consumer c"; echo "start 0"
    echo "end 160"; for id in $ids; do echo "entry $(((9 << 16) | (116 << 8))) $id"; done
    echo complete; } >"$work/j.mitch.journal"
  case $case in
    cut) head -c 100 "$work/ten.mitch" >"$work/j.mitch" ;;
    changed) cat "$work/ten.mitch" >>"$work/j.mitch" ;;
  esac
  "$MITCH" subscribe --redis "$U" --provider 9 --type t --stream --group g --consumer c \
    -o "$work/j.mitch" 2>"$work/err" &
  pid=$!
  if [ $case = changed ]; then
    wait $pid
    check "journal, file changed behind it: exit 1" test $? -eq 1
    check "journal, file changed behind it: says so" grep -q 'the file changed' "$work/err"
    continue
  fi
  wait_for 10 test "$(wc -c <"$work/j.mitch")" -ge 400
  sleep 0.3
  kill -TERM $pid
  wait $pid
  check "journal, $case: exit 0" test $? -eq 0
  check "journal, $case: every entry exactly once, in order" cmp -s "$work/ten.mitch" "$work/j.mitch"
  check "journal, $case: nothing pending" \
    test "$("$cli" -h 127.0.0.1 -p "$one" xpending "$stream_key" g | head -n 1)" -eq 0
  if [ $case = written ]; then
    check "journal, written: says it did not write them again" grep -q '^mitch subscribe: 4 entries were in' "$work/err"
  else
    check "journal, cut: says it cut the batch off" grep -q 'cut short at byte 100; cut back to 0' "$work/err"
  fi
done

# 9. the cluster: plain and sharded, text and binary names, streams
C=redis://127.0.0.1:$c1
for mode in "" "--binary-channel"; do
  start_sub "$work/cl$mode.mitch" sub "$n_types" "$c1" -- --redis "$C" --provider 101 --type "$types" \
    $mode --count "$n_messages"
  "$MITCH" publish --redis redis://127.0.0.1:$c2 --provider 101 $mode "$sample"
  end_sub
  check "cluster, plain PUBLISH $mode: bit-exact" cmp -s "$sample" "$work/cl$mode.mitch"
  start_sub "$work/sh$mode.mitch" ssub "$n_types" "$c1 $c2 $c3" -- --redis "$C" --provider 101 \
    --type "$types" --sharded $mode --count "$n_messages"
  "$MITCH" publish --redis redis://127.0.0.1:$c3 --provider 101 --sharded $mode "$sample"
  end_sub
  per_type "$sample" >"$work/want.per-type"
  per_type "$work/sh$mode.mitch" >"$work/got.per-type"
  check "cluster, --sharded $mode: every message exact, in order per channel" \
    cmp -s "$work/want.per-type" "$work/got.per-type"
  check "cluster, --sharded $mode: nothing else" \
    test "$(wc -c <"$work/sh$mode.mitch")" -eq "$(wc -c <"$sample")"
done
"$MITCH" publish --redis "$C" --provider 303 --stream "$sample"
"$MITCH" subscribe --redis redis://127.0.0.1:$c3 --provider 303 --type "$types" --stream \
  --group g --consumer c --count "$n_messages" -o "$work/clstream.mitch"
check "cluster streams: exit 0" test $? -eq 0
fields "$work/clstream.mitch" | sort >"$work/got.sorted"
sort "$work/sample.fields" >"$work/want.sorted"
check "cluster streams: every body once" cmp -s "$work/want.sorted" "$work/got.sorted"

finish
