#!/bin/sh
# test-cli.sh - end-to-end checks of the mitch tool (run by make check from
# the build directory).
set -u
MITCH=${MITCH:-./tools/mitch}
srcdir=${srcdir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitch-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/shell-checks.sh"

sample=data/sample.mitch
jsonl=$srcdir/data/sample.jsonl

# 1. the sample decodes: one line per body plus the column header
"$MITCH" decode "$sample" >"$tmp/text" 2>"$tmp/err"
check "decode sample exits 0" test $? -eq 0
check "decode prints one line per body" test "$(wc -l <"$tmp/text")" -eq $(($(wc -l <"$jsonl") + 1))
check "decode shows the trade price" grep -q 'price=1.0875 ' "$tmp/text"
check "decode shows time of day" grep -q '09:30:00.000000000' "$tmp/text"

# 2. JSON lines round trip to identical bytes, from a file and from stdin
"$MITCH" decode --json "$sample" >"$tmp/json"
check "decode --json exits 0" test $? -eq 0
"$MITCH" encode -o "$tmp/again.mitch" "$tmp/json"
check "encode exits 0" test $? -eq 0
check "decode --json | encode gives the same bytes" cmp -s "$sample" "$tmp/again.mitch"
"$MITCH" decode --json - <"$sample" | "$MITCH" encode >"$tmp/piped.mitch"
check "stdin/stdout round trip gives the same bytes" cmp -s "$sample" "$tmp/piped.mitch"
"$MITCH" encode -o "$tmp/from-src.mitch" "$jsonl"
check "the committed JSON encodes to the sample" cmp -s "$sample" "$tmp/from-src.mitch"

# 3. damaged input: non-zero exit, error names the offset and the reason
size=$(wc -c <"$sample")
head -c $((size - 5)) "$sample" >"$tmp/truncated"
"$MITCH" decode "$tmp/truncated" >/dev/null 2>"$tmp/err"
check "truncated stream exits 1" test $? -eq 1
check "truncated stream error names the offset" grep -q "offset $((size - 5)):.*buffer too small" "$tmp/err"

printf 'x' >"$tmp/badtype"; tail -c +2 "$sample" >>"$tmp/badtype"
"$MITCH" decode "$tmp/badtype" >/dev/null 2>"$tmp/err"
check "bad type byte exits 1" test $? -eq 1
check "bad type error names offset 0" grep -q "offset 0:.*invalid message type" "$tmp/err"

printf 't\000\000\000\000\000\000\000' >"$tmp/count0"
"$MITCH" decode "$tmp/count0" >/dev/null 2>"$tmp/err"
check "count 0 exits 1" test $? -eq 1
check "count 0 error names offset 7" grep -q "offset 7:.*invalid field value" "$tmp/err"

# a trade whose price is 0: framing is fine, the body is not
printf 't\000\000\000\000\000\000\001\001\000\000\000\000\000\000\000' >"$tmp/zeroprice"
head -c 24 /dev/zero >>"$tmp/zeroprice"
"$MITCH" decode "$tmp/zeroprice" >/dev/null 2>"$tmp/err"
check "invalid body exits 1" test $? -eq 1
check "invalid body error names the body offset" grep -q "offset 8: body 0 of the trade message at offset 0" "$tmp/err"

: >"$tmp/empty"
"$MITCH" decode "$tmp/empty" >/dev/null 2>&1
check "empty stream is valid (no messages)" test $? -eq 0

# 4. encode refuses what the protocol forbids, naming the line
sed -n 1p "$jsonl" | sed 's/"price":1.0875/"price":-1/' >"$tmp/neg.jsonl"
"$MITCH" encode -o "$tmp/neg.mitch" "$tmp/neg.jsonl" 2>"$tmp/err"
check "negative price is refused" test $? -eq 1
check "refusal names line 1" grep -q "line 1: invalid field value" "$tmp/err"
echo '{"message":0,"type":"trade"' >"$tmp/broken.jsonl"
"$MITCH" encode -o "$tmp/broken.mitch" "$tmp/broken.jsonl" 2>"$tmp/err"
check "malformed JSON is refused" test $? -eq 1
sed -n 1p "$jsonl" | sed 's/"quantity":1000000,//' >"$tmp/missing.jsonl"
"$MITCH" encode -o "$tmp/missing.mitch" "$tmp/missing.jsonl" 2>"$tmp/err"
check "missing field is refused" test $? -eq 1
check "missing field is named" grep -q '"quantity" missing' "$tmp/err"

# 5. info and usage
"$MITCH" info >"$tmp/info"
check "info exits 0" test $? -eq 0
check "info prints the order book size" grep -q 'order_book.*2072' "$tmp/info"
"$MITCH" nosuchcommand >/dev/null 2>&1
check "unknown command exits 2" test $? -eq 2

finish
