#!/bin/sh
# registry-gen.sh - the registry's table generator (tools/gen-registry, a
# build-machine program: this test runs in cross builds too) refuses data
# that breaks data/README.md's rules, names the rule, and then writes
# nothing at all; on the project's own data/ it writes the tables.
#
# Each case copies data/ to a scratch directory, breaks one thing, and
# expects exit status 1, a message matching a pattern and an empty stdout.
set -u
top_srcdir=${MITCH_TOP_SRCDIR:-${srcdir:-.}}
top_builddir=${MITCH_TOP_BUILDDIR:-.}
gen=$top_builddir/tools/gen-registry
[ -x "$gen" ] || gen=$gen.exe
[ -x "$gen" ] || { echo "FAIL - no generator at $top_builddir/tools/gen-registry"; exit 1; }
data=$top_srcdir/data
scratch=$(mktemp -d "${TMPDIR:-/tmp}/registry-gen.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
. "$top_srcdir/tests/shell-checks.sh"

# The project's data: exit 0, both indexes, every asset row.
if "$gen" "$data" >"$scratch/out.c" 2>"$scratch/err"; then
  rows=$(grep -vc -e '^#' -e '^class	' -e '^$' "$data/assets.tsv")
  grep -q "^const reg_asset_row libmitch_reg_assets\[$rows\] = {" "$scratch/out.c" &&
    grep -q '^const reg_index libmitch_reg_asset_index = {' "$scratch/out.c" &&
    grep -q '^const reg_index libmitch_reg_provider_index = {' "$scratch/out.c" &&
    pass "data/ gives the tables ($rows assets)" ||
    fail "data/ gives the tables: output lacks the rows or an index"
else
  fail "data/ gives the tables (exit $?: $(cat "$scratch/err"))"
fi

# refuse DESCRIPTION PATTERN FILE AWK-PROGRAM: apply AWK-PROGRAM to
# FILE of a fresh copy of data/, expect a refusal whose message matches
# PATTERN.
refuse() {
  desc=$1 pattern=$2 file=$3 program=$4
  rm -rf "$scratch/data" && cp -R "$data" "$scratch/data" || exit 1
  awk "$program" "$data/$file" >"$scratch/data/$file" || exit 1
  "$gen" "$scratch/data" >"$scratch/out" 2>"$scratch/err"
  got=$?
  if [ "$got" -ne 1 ]; then
    fail "$desc (exit $got, expected 1)"
  elif [ -s "$scratch/out" ]; then
    fail "$desc (wrote $(wc -c <"$scratch/out") bytes before refusing)"
  elif ! grep -q -e "$pattern" "$scratch/err"; then
    fail "$desc (message: $(cat "$scratch/err"))"
  else
    pass "$desc"
  fi
}
# The line of US Dollar (Forex 5001) and of a provider with abbreviations.
usd='$1 == 3 && $2 == 5001'
nyse='$1 == 861'

refuse "a duplicate asset" 'asset 3/5001 listed twice' assets.tsv \
  "{ print } $usd { print }"
refuse "an id above 65535" '65536 is larger than 65535' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$2 = 65536 } { print }"
refuse "an asset in a reserved class" '14 is larger than 13' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$1 = 14 } { print }"
refuse "an id that is not a decimal number" 'is not a decimal number' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$2 = \"0x10\" } { print }"
refuse "no US Dollar, the default quote" 'US Dollar' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$3 = \"Dollar\" } { print }"
refuse "invalid UTF-8" 'assets.tsv:[0-9]*: invalid UTF-8' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$3 = \$3 \"\\351\" } { print }"
refuse "a control character" 'control character' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$3 = \$3 \"\\033\" } { print }"
refuse "a padded field" 'leading or trailing space' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$3 = \$3 \" \" } { print }"
refuse "an empty alias" 'empty or padded list item' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$4 = \$4 \"||X\" } { print }"
refuse "a CR line ending" 'CR line ending' assets.tsv \
  "{ printf \"%s\r\n\", \$0 }"
refuse "a missing column" '3 columns, expected 4' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { NF = 3 } { print }"
refuse "a wrong header" 'header' assets.tsv \
  "/^class\t/ { sub(/^class/, \"klass\") } { print }"
refuse "an empty name" 'empty name' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$3 = \"\" } { print }"
refuse "a key longer than 64 bytes" 'longer than 64 bytes' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$4 = \$4 \"|\" sprintf(\"%065d\", 0) } { print }"
refuse "a name too long for its length field" 'does not fit its table field' assets.tsv \
  "BEGIN { FS = OFS = \"\t\" } $usd { \$4 = \$4 \"|\" sprintf(\"%060d\", 0) sprintf(\"%200s\", \"\") \"X\" } { print }"
refuse "a missing instrument type" 'ids 0..15 must all be listed' instrument-types.tsv \
  'BEGIN { FS = "\t" } $1 != 7 { print }'
refuse "a reserved class with a code" 'asset class 15 is reserved' asset-classes.tsv \
  'BEGIN { FS = OFS = "\t" } $1 == 15 { $2 = "XX" } { print }'
refuse "an abbreviation that is a provider's name" "abbreviation \"Binance\" of 861 is the key of provider" \
  providers.tsv "BEGIN { FS = OFS = \"\t\" } $nyse { \$3 = \$3 \"|Binance\" } { print }"
refuse "an abbreviation of two providers" 'abbreviation "IBKR" of .* is also one of' \
  providers.tsv "BEGIN { FS = OFS = \"\t\" } $nyse { \$3 = \$3 \"|IBKR\" } { print }"
refuse "a provider listed twice" 'provider 861 listed twice' providers.tsv \
  "{ print } $nyse { print }"

# A missing file.
rm -rf "$scratch/data" && cp -R "$data" "$scratch/data" && rm "$scratch/data/providers.tsv"
"$gen" "$scratch/data" >"$scratch/out" 2>"$scratch/err"
[ $? -eq 1 ] && [ ! -s "$scratch/out" ] && grep -q 'cannot read .*providers.tsv' "$scratch/err" &&
  pass "a missing file" || fail "a missing file ($(cat "$scratch/err"))"

finish
