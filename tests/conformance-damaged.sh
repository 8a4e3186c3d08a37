#!/bin/sh
# conformance-damaged.sh RUNNER... - a conformance runner (the command
# RUNNER..., given a vectors directory) over damaged copies of the vectors
# ($MITCH_VECTORS_DIR), in a temporary directory: a missing, empty,
# header-only or unreadable file is one failure line, a line that is not
# UTF-8, holds a NUL, is longer than 1 MiB or has another number of cells
# fails alone while the rest of its file still counts, no failure line
# quotes a megabyte, the runner exits 1, and a DIR that is not a directory
# exits 2.  The passes each copy must give are counted from the files here,
# not taken from the runner.  The failure lines are those of the C++ and Go
# runners (bindings/cpp/conformance.sh and bindings/go/run-tests.sh call
# this); exit 0 when every case holds, 1 otherwise.
set -u
: "${MITCH_VECTORS_DIR:?the vectors directory}"
vectors=$MITCH_VECTORS_DIR
[ $# -ge 1 ] || { echo "usage: conformance-damaged.sh RUNNER..." >&2; exit 99; }
# the command and its words (a wrapper such as valgrind, then the runner):
# split again where it is run, as make check's MITCH_TEST_WRAPPER is
runner=$*

LC_ALL=C; export LC_ALL # awk's length() in bytes
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
files="messages/trade.tsv messages/order.tsv messages/tick.tsv messages/index.tsv
  messages/header.tsv messages/ticker_id.tsv messages/channel.tsv messages/order_book.tsv
  resolution/tickers.tsv resolution/assets.tsv resolution/providers.tsv"
# rows FILE: its data rows (the lines after the header that are not blank)
rows() { awk 'NR > 1 { sub(/\r$/, ""); if ($0 != "") n++ } END { print n + 0 }' "$vectors/$1"; }
total=0
for f in $files; do total=$((total + $(rows "$f"))); done
# copy NAME: $tmp/NAME, a fresh copy of the vectors
copy() {
  mkdir "$tmp/$1" && cp -R "$vectors/messages" "$vectors/resolution" "$tmp/$1/" || exit 99
  d=$tmp/$1
}
status=0
# check NAME PASSED LINE...: the runner over $tmp/NAME exits 1 and closes
# with "PASSED passed, N failed", N the number of LINEs, and its stderr is
# those lines (shell patterns), each at most 300 characters.
check() {
  name=$1 passed=$2
  shift 2
  $runner "$tmp/$name" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  tr -d '\r' <"$tmp/err" | cut -c 1-400 >"$tmp/err.short"
  bad=
  [ $rc -eq 1 ] || bad="exit status $rc, want 1"
  last=$(tr -d '\r' <"$tmp/out" | tail -n 1)
  [ "$last" = "$passed passed, $# failed" ] ||
    bad="${bad:+$bad; }said \"$last\", want \"$passed passed, $# failed\""
  n=$(wc -l <"$tmp/err.short")
  [ "$n" -eq $# ] || bad="${bad:+$bad; }$n failure lines, want $#"
  for line in "$@"; do
    found=
    while IFS= read -r got; do
      # shellcheck disable=SC2254 # $line is a pattern
      case $got in $line) found=1; break ;; esac
    done <"$tmp/err.short"
    [ -n "$found" ] || bad="${bad:+$bad; }no failure line \"$line\""
  done
  long=$(tr -d '\r' <"$tmp/err" | awk 'length($0) > 300 { n++ } END { print n + 0 }')
  [ "$long" -eq 0 ] || bad="${bad:+$bad; }$long failure lines over 300 characters"
  if [ -n "$bad" ]; then
    echo "FAIL: $name: $bad; its stderr:"
    cut -c 1-300 "$tmp/err" | head -n 20
    status=1
  else
    echo "ok: $name: $last"
  fi
}

copy missing
rm "$d/resolution/assets.tsv"
check missing $((total - $(rows resolution/assets.tsv))) 'resolution/assets.tsv: missing'

copy empty
: >"$d/messages/tick.tsv"
check empty $((total - $(rows messages/tick.tsv))) 'messages/tick.tsv: no rows'

copy header-only
head -n 1 "$vectors/messages/header.tsv" >"$d/messages/header.tsv"
check header-only $((total - $(rows messages/header.tsv))) 'messages/header.tsv: no rows'

copy directory
rm "$d/messages/order.tsv" && mkdir "$d/messages/order.tsv" || exit 99
check directory $((total - $(rows messages/order.tsv))) 'messages/order.tsv: unreadable*'

# Bytes that are not UTF-8 (ff fe; the surrogate ed a0 80) at the end of
# two rows whose last cell goes unread ("must not be found" rows), and valid
# two-, three- and four-byte characters in a third (that row still passes).
copy utf8
awk -F '\t' -v expected="$tmp/utf8.lines" '
  NR > 1 && $4 == "-" && k < 2 {
    k++
    printf "resolution/assets.tsv:%d: not UTF-8 (byte 0x%s at offset %d)\n", NR,
      (k == 1 ? "ff" : "ed"), length($0) >expected
    $0 = $0 (k == 1 ? "\377\376" : "\355\240\200")
  }
  { print }' "$vectors/resolution/assets.tsv" >"$d/resolution/assets.tsv"
awk -F '\t' 'NR > 1 && $3 == "-" && !k { k = 1; $0 = $0 "\303\251\342\202\254\360\235\204\236" } { print }' \
  "$vectors/resolution/providers.tsv" >"$d/resolution/providers.tsv"
[ "$(wc -l <"$tmp/utf8.lines")" -eq 2 ] || { echo "FAIL: no two rows of assets.tsv to damage"; exit 99; }
cmp -s "$vectors/resolution/providers.tsv" "$d/resolution/providers.tsv" && {
  echo "FAIL: no row of providers.tsv to give UTF-8"; exit 99; }
check utf8 $((total - 2)) "$(sed -n 1p "$tmp/utf8.lines")" "$(sed -n 2p "$tmp/utf8.lines")"

# In trade.tsv after line 3: a 3 MB line of six cells (line 4), a ticker_id
# of 100,000 digits (5), a blank line (6), a row of five cells (7), line 2
# again with a NUL after its ticker_id (8); the 209 rows around them count.
copy rows
t=$vectors/messages/trade.tsv
{
  head -n 3 "$t"
  printf '1\t' && head -c 3000000 /dev/zero | tr '\0' 7 && printf '\t1\t1\t0\tERR6\n'
  head -c 100000 /dev/zero | tr '\0' 7 && printf '\t0x1p+0\t1\t1\t0\tERR6\n'
  printf '\n1\t0x1p+0\t1\t1\t0\n'
  first=$(sed -n 2p "$t" | cut -f 1) && rest=$(sed -n 2p "$t" | cut -f 2-) &&
    printf '%s\000\t%s\n' "$first" "$rest"
  tail -n +4 "$t"
} >"$d/messages/trade.tsv" || exit 99
check rows "$total" \
  'messages/trade.tsv:4: the line is longer than 1048576 bytes' \
  'messages/trade.tsv:5: ticker_id "7777777777*"... is not *' \
  'messages/trade.tsv:7: the row has 5 cells, not 6' \
  "messages/trade.tsv:8: a NUL byte at offset $(sed -n 2p "$t" | cut -f 1 | awk '{ print length($0) }')"

# A DIR that is not a directory is a usage error (2), not eleven missing files.
for bad in "$tmp/no-such-dir" "$vectors/messages/trade.tsv"; do
  $runner "$bad" >/dev/null 2>&1
  rc=$?
  [ "$rc" -eq 2 ] || { echo "FAIL: mitch-conformance $bad exited $rc, want 2"; status=1; }
done
exit $status
