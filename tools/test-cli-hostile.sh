#!/bin/sh
# test-cli-hostile.sh - the mitch tool used carelessly or with hostile
# input (run by make check from the build directory).  It never destroys a
# user's file, reproduces every value it prints, refuses what it cannot
# read exactly (naming the line), and reports every failed write.
#
# Expected bytes come from the protocol (docs/protocol.md: the header and
# order layouts) or from the tool's own output of the shipped sample, never
# from the code under test's idea of a value.
set -u
MITCH=${MITCH:-./tools/mitch}
srcdir=${srcdir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-hostile.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/shell-checks.sh"
# check_status DESC WANT CMD...: CMD exits with status WANT.
check_status() {
  desc=$1 want=$2
  shift 2
  "$@"
  got=$?
  if [ "$got" -eq "$want" ]; then pass "$desc"; else fail "$desc (exit $got, want $want)"; fi
}
# A line of N copies of a character.
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }
# The longest line of a file, in bytes.
longest() { awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' "$1"; }

sample=data/sample.mitch
jsonl=$srcdir/data/sample.jsonl
# A JSON line that encodes: the sample's first trade.
first=$(sed -n 1p "$jsonl")

# ---- 1. encode -o never destroys a file ------------------------------------
mkdir "$tmp/d"
cp "$jsonl" "$tmp/d/in.jsonl"
cp "$tmp/d/in.jsonl" "$tmp/keep"

"$MITCH" encode -o "$tmp/d/in.jsonl" "$tmp/d/in.jsonl" 2>"$tmp/err"
check "encode -o F F exits 1" test $? -eq 1
check "encode -o F F leaves F as it was" cmp -s "$tmp/keep" "$tmp/d/in.jsonl"
check "encode -o F F says why" grep -q "same file" "$tmp/err"

ln -s in.jsonl "$tmp/d/link"
"$MITCH" encode -o "$tmp/d/link" "$tmp/d/in.jsonl" 2>"$tmp/err"
check "output through a symlink to the input exits 1" test $? -eq 1
check "... and leaves the input as it was" cmp -s "$tmp/keep" "$tmp/d/in.jsonl"
check "... and the symlink a symlink" test -L "$tmp/d/link"

ln "$tmp/d/in.jsonl" "$tmp/d/hard"
"$MITCH" encode -o "$tmp/d/hard" "$tmp/d/in.jsonl" 2>"$tmp/err"
check "output that is a hard link of the input exits 1" test $? -eq 1
check "... and leaves the input as it was" cmp -s "$tmp/keep" "$tmp/d/in.jsonl"
rm -f "$tmp/d/hard" "$tmp/d/link"

"$MITCH" encode -o "$tmp/d/in.jsonl" - <"$tmp/d/in.jsonl" 2>"$tmp/err"
check "output that is standard input's file exits 1" test $? -eq 1
check "... and leaves it as it was" cmp -s "$tmp/keep" "$tmp/d/in.jsonl"

# An existing output and a bad input: the output stays as it was, and no
# temporary file is left beside it.
cp "$sample" "$tmp/d/out.mitch"
cp "$sample" "$tmp/out.keep"
sed -n 1,3p "$jsonl" >"$tmp/bad4.jsonl"
sed -n 4p "$jsonl" | sed 's/"quantity":[0-9]*/"quantity":0/' >>"$tmp/bad4.jsonl"
"$MITCH" encode -o "$tmp/d/out.mitch" "$tmp/bad4.jsonl" 2>"$tmp/err"
check "a bad body on line 4 exits 1" test $? -eq 1
check "... names line 4" grep -q "line 4:" "$tmp/err"
check "... and leaves the existing output as it was" cmp -s "$tmp/out.keep" "$tmp/d/out.mitch"
echo 'not json' >"$tmp/notjson"
"$MITCH" encode -o "$tmp/d/out.mitch" "$tmp/notjson" 2>/dev/null
check "'not json' leaves the existing output as it was" cmp -s "$tmp/out.keep" "$tmp/d/out.mitch"
check "no temporary file is left beside the output" test "$(ls -A "$tmp/d" | wc -l)" -eq 2
"$MITCH" encode -o "$tmp/d/new.mitch" "$tmp/notjson" 2>/dev/null
check "a failed encode creates no output" test ! -e "$tmp/d/new.mitch"

# A good input replaces the output, keeping its permissions.
sed -n 1p "$jsonl" >"$tmp/one.jsonl"
"$MITCH" encode "$tmp/one.jsonl" >"$tmp/one.mitch"
chmod 600 "$tmp/d/out.mitch"
"$MITCH" encode -o "$tmp/d/out.mitch" "$tmp/one.jsonl"
check "a good input replaces the output" cmp -s "$tmp/one.mitch" "$tmp/d/out.mitch"
check "... keeping its permissions" test "$(ls -l "$tmp/d/out.mitch" | cut -c1-10)" = "-rw-------"
# Through a symlink: the file it points to is written, the link stays.
ln -s out.mitch "$tmp/d/outlink"
"$MITCH" encode -o "$tmp/d/outlink" "$jsonl"
check "writing through a symlink updates its target" cmp -s "$sample" "$tmp/d/out.mitch"
check "... and keeps the symlink" test -L "$tmp/d/outlink"
# Not a regular file (a FIFO here, /dev/null or a terminal elsewhere): written
# in place, never replaced.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
"$MITCH" encode -o "$tmp/fifo" "$jsonl"
check "encode -o FIFO exits 0" test $? -eq 0
wait "$reader"
check "... the bytes go through the FIFO" cmp -s "$sample" "$tmp/from-fifo"
check "... which is still a FIFO" test -p "$tmp/fifo"

# ---- 2. ticker ids: 0x + 1-16 hex digits, or plain decimal ------------------
n=0
for id in ' -1' '010' '+5' ' 7' '7 ' '0x' '0x12345678901234567' '18446744073709551616' \
          '0X1F' '1e3' '' '0x-1' '00' '0x 1'; do
  n=$((n + 1))
  printf '%s\n' "$first" | sed "s/\"ticker_id\":\"[^\"]*\"/\"ticker_id\":\"$id\"/" >"$tmp/id.jsonl"
  "$MITCH" encode -o "$tmp/id.mitch" "$tmp/id.jsonl" 2>"$tmp/err"
  st=$?
  if [ "$st" -eq 1 ] && grep -q 'line 1: "ticker_id"' "$tmp/err"; then
    pass "ticker id \"$id\" is refused, naming line 1"
  else
    fail "ticker id \"$id\" is refused, naming line 1 (exit $st: $(cat "$tmp/err"))"
  fi
done
# The same id three ways gives the same bytes: the sample's first ticker
# is 0x0305153138900000 = 217603458143879168.
printf '%s\n' "$first" | "$MITCH" encode >"$tmp/hex.mitch"
printf '%s\n' "$first" | sed 's/"ticker_id":"[^"]*"/"ticker_id":"217603458143879168"/' |
  "$MITCH" encode >"$tmp/dec.mitch"
check "a decimal ticker id gives the hex id's bytes" cmp -s "$tmp/hex.mitch" "$tmp/dec.mitch"
printf '%s\n' "$first" | sed 's/"ticker_id":"[^"]*"/"ticker_id":"0x305153138900000"/' |
  "$MITCH" encode >"$tmp/short.mitch"
check "fewer than 16 hex digits give the same bytes" cmp -s "$tmp/hex.mitch" "$tmp/short.mitch"

# ---- 3. exact round trips -----------------------------------------------------
# A cancel order priced -0.0 (its price must only be >= 0): header 'o',
# timestamp 1, count 1; ticker 1, order 7, price -0.0 (sign bit only),
# quantity 0, type_and_side 3 << 1 (cancel, buy), expiry 0, padding.
printf 'o\001\000\000\000\000\000\001' >"$tmp/negzero.mitch"
printf '\001\000\000\000\000\000\000\000\007\000\000\000' >>"$tmp/negzero.mitch"
printf '\000\000\000\000\000\000\000\200\000\000\000\000\006\000\000\000\000\000\000\000' >>"$tmp/negzero.mitch"
"$MITCH" decode --json "$tmp/negzero.mitch" >"$tmp/negzero.json"
check "a cancel order priced -0.0 decodes" test $? -eq 0
check "... printing the price as -0.0" grep -q '"price":-0.0[,}]' "$tmp/negzero.json"
"$MITCH" encode <"$tmp/negzero.json" >"$tmp/negzero.again"
check "... and decode --json | encode gives the same bytes" cmp -s "$tmp/negzero.mitch" "$tmp/negzero.again"

# ---- 4. NUL bytes and blank lines ---------------------------------------------
{ printf '%s' "$first"; printf '\000'; printf '%s\n' "$first"; } >"$tmp/nul.jsonl"
"$MITCH" encode -o "$tmp/nul.mitch" "$tmp/nul.jsonl" 2>"$tmp/err"
check "text after a NUL byte is not dropped: exit 1" test $? -eq 1
check "... naming line 1 and the NUL byte" grep -q "line 1:.*NUL" "$tmp/err"
head -c 100 /dev/zero >"$tmp/allnul"
"$MITCH" encode -o "$tmp/allnul.mitch" "$tmp/allnul" 2>"$tmp/err"
check "an all-NUL input exits 1" test $? -eq 1
check "... naming line 1" grep -q "line 1:" "$tmp/err"
check "... and writes nothing" test ! -e "$tmp/allnul.mitch"
# Three bodies of one message, a blank line before the third, which is bad.
{ sed -n 1,2p "$jsonl"; echo; echo; sed -n 3p "$jsonl" | sed 's/"quantity":[0-9]*/"quantity":0/'; } >"$tmp/blank.jsonl"
"$MITCH" encode -o "$tmp/blank.mitch" "$tmp/blank.jsonl" 2>"$tmp/err"
check "a bad body after blank lines exits 1" test $? -eq 1
check "... naming its own line, 5" grep -q "line 5:" "$tmp/err"

# ---- 5. a failed write is exit 1, for every command ----------------------------
if [ -w /dev/full ]; then
  for cmd in "decode $sample" "decode --json $sample" "encode $jsonl" "encode -o /dev/full $jsonl" \
             "info" "info --json" "info --layouts" "info --layouts --json" "resolve EURUSD" \
             "resolve --json EURUSD" "asset Apple" "asset --json Apple" "provider Binance" \
             "provider --json Binance" "channel Binance t" "channel --json Binance t" \
             "--version" "--help" "decode --help" "resolve --help" "resolve --json %%%"; do
    # shellcheck disable=SC2086
    "$MITCH" $cmd >/dev/full 2>"$tmp/err"
    st=$?
    if [ "$st" -eq 1 ] && grep -q "write error" "$tmp/err"; then
      pass "mitch $cmd >/dev/full exits 1 with a write error"
    else
      fail "mitch $cmd >/dev/full exits 1 with a write error (exit $st: $(head -c 200 "$tmp/err"))"
    fi
  done
else
  echo "# no writable /dev/full here: failed-write checks not run"
fi

# ---- 6. decode prints nothing for a body it rejects ----------------------------
# A trade whose price is 0 (framing fine, the body not).
printf 't\000\000\000\000\000\000\001\001\000\000\000\000\000\000\000' >"$tmp/zeroprice"
head -c 24 /dev/zero >>"$tmp/zeroprice"
"$MITCH" decode "$tmp/zeroprice" >"$tmp/out" 2>/dev/null
check "decode of a rejected body prints only the column header" test "$(wc -l <"$tmp/out")" -eq 1
"$MITCH" decode --json "$tmp/zeroprice" >"$tmp/out" 2>/dev/null
check "decode --json of a rejected body prints nothing" test ! -s "$tmp/out"
# The good message before it is printed, the bad one not.
cat "$sample" "$tmp/zeroprice" >"$tmp/goodbad"
"$MITCH" decode --json "$tmp/goodbad" >"$tmp/out" 2>/dev/null
check "... while the good messages before it are" test "$(wc -l <"$tmp/out")" -eq "$(wc -l <"$jsonl")"

# ---- 7. lookups: similarity 0 is no match; long input named, cut -------------
"$MITCH" provider --min 0 "😀" >"$tmp/out" 2>"$tmp/err"
check "provider --min 0 with nothing in common is not found (exit 1)" test $? -eq 1
check "... and prints no provider" test ! -s "$tmp/out"
long=$(repeat x 2000)
for cmd in asset provider; do
  "$MITCH" $cmd "$long" >/dev/null 2>"$tmp/err"
  check "$cmd of a 2000-byte query exits 1" test $? -eq 1
  check "... saying it is too long, with the limit" grep -q "too long.*255" "$tmp/err"
  check "... echoing at most ~80 bytes of it" test "$(longest "$tmp/err")" -le 200
done
"$MITCH" channel "$long" t >/dev/null 2>"$tmp/err"
check "channel with a 2000-byte provider exits 1" test $? -eq 1
check "... echoing at most ~80 bytes of it" test "$(longest "$tmp/err")" -le 200
"$MITCH" resolve "$long" >/dev/null 2>"$tmp/err"
check "resolve of a 2000-byte symbol exits 1" test $? -eq 1
check "... echoing at most ~80 bytes of it" test "$(longest "$tmp/err")" -le 200
"$MITCH" resolve --json "$long" >"$tmp/out" 2>&1
check "... also in its JSON failure object" test "$(longest "$tmp/out")" -le 300
"$MITCH" resolve --type "$long" EURUSD >/dev/null 2>"$tmp/err"
check "a 2000-byte option value is not echoed whole" test "$(longest "$tmp/err")" -le 200
"$MITCH" "--$long" >/dev/null 2>"$tmp/err"
check "a 2000-byte unknown command is not echoed whole" test "$(longest "$tmp/err")" -le 300
"$MITCH" decode "--$long" >/dev/null 2>"$tmp/err"
check "a 2000-byte unknown option is not echoed whole" test "$(longest "$tmp/err")" -le 300

# ---- 8. a closed pipe ends the program quietly ---------------------------------
# Even with SIGPIPE ignored (as a parent process may leave it), so the
# write error itself is what the tool sees.
i=0
: >"$tmp/big.mitch"
while [ $i -lt 400 ]; do cat "$sample"; i=$((i + 1)); done >"$tmp/big.mitch"
for cmd in "decode" "decode --json"; do
  # shellcheck disable=SC2086
  (trap '' PIPE; "$MITCH" $cmd "$tmp/big.mitch" 2>"$tmp/err" | head -n 1 >/dev/null)
  check "mitch $cmd | head: nothing on stderr" test ! -s "$tmp/err"
done
"$MITCH" decode --json "$tmp/big.mitch" >"$tmp/big.jsonl"
(trap '' PIPE; "$MITCH" encode "$tmp/big.jsonl" 2>"$tmp/err" | head -c 10 >/dev/null)
check "mitch encode | head -c 10: nothing on stderr" test ! -s "$tmp/err"

finish
