#!/bin/sh
# registry-cli.sh - the registry subcommands of the mitch tool, end to end
# (run by make check from the build directory).  Expected ids are the
# registry's (../shared/reference/ids) and protocol.md's examples.
set -u
MITCH=${MITCH:-./tools/mitch}
. "${srcdir:-.}/tests/shell-checks.sh"
# expect DESCRIPTION STATUS PATTERN COMMAND...: exit status and a line of output
expect() {
  desc=$1 want=$2 pattern=$3
  shift 3
  out=$("$@" 2>&1)
  got=$?
  if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -e "$pattern"; then
    pass "$desc"
  else
    fail "$desc (exit $got, output: $out)"
  fi
}

# The pairs of issue 3's "done when".
out=$("$MITCH" resolve EURUSDm GBP/JPY ETHBTC ^SPX)
[ $? -eq 0 ] && pass "resolve four symbols exits 0" || fail "resolve four symbols exits 0"
for line in 'EURUSDm: Euro/US Dollar SPOT  ticker 0x0305153138900000 = 217603458143879168' \
            'GBP/JPY: British Pound Sterling/Japanese Yen SPOT  ticker 0x030191307d100000' \
            'ETHBTC: Ethereum/Bitcoin SPOT  ticker 0x0616a960a8d00000' \
            '\^SPX: S&P 500/US Dollar SPOT  ticker 0x0a189d3138900000'; do
  printf '%s\n' "$out" | grep -q -e "^$line" && pass "resolve: $line" || fail "resolve: $line"
done
expect "resolve shows the steps" 0 'steps dropped account letter "m"; quote usd at end' \
  "$MITCH" resolve EURUSDm
expect "resolve --type perp" 0 '"ticker_id_hex":"0x460a8d644c100000"' \
  "$MITCH" resolve BTC-USDT --type perp --json
expect "resolve --type takes numbers" 0 'ticker 0x5305153138900000' "$MITCH" resolve EURUSD --type 5
expect "resolve --json names the legs" 0 '"quote":{"class":6,"class_code":"CR","id":17601' \
  "$MITCH" resolve BTCUSDT --json
expect "resolve USD alone fails" 1 'not found' "$MITCH" resolve USD
expect "resolve --json reports failures" 1 '"status":9' "$MITCH" resolve USD --json
expect "resolve without symbols is a usage error" 2 'no symbol' "$MITCH" resolve
expect "resolve with a bad type is a usage error" 2 'instrument type' \
  "$MITCH" resolve EURUSD --type nope
expect "JSON escapes invalid UTF-8" 0 '"symbol":"Bitcoi\\ufffd"' \
  "$MITCH" resolve "$(printf 'Bitcoi\377')" --json

expect "asset by name" 0 'Apple Inc.: Apple  EQ 831' "$MITCH" asset Apple Inc.
expect "asset in a class" 0 '"name":"Ethereum Index"' "$MITCH" asset ETH --class ip --json
expect "asset fuzzy" 0 'Etherium: Ethereum  CR 5801' "$MITCH" asset Etherium --min 0.9
expect "asset below the threshold" 1 'not found' "$MITCH" asset Etherium --min 0.96
expect "asset --min out of range" 2 'between 0 and 1' "$MITCH" asset BTC --min 2

expect "provider by typo" 0 'Binanse: Binance  id 101' "$MITCH" provider Binanse
expect "provider by abbreviation" 0 '"id":691' "$MITCH" provider IBKR --json
expect "provider by id" 0 'New York Stock Exchange  id 861' "$MITCH" provider 861
expect "provider unknown" 1 'not found' "$MITCH" provider Zzyzx Exchange Qq --min 0.9

expect "channel by name" 0 'channel 0x00657300 = 6648576' "$MITCH" channel Binance tick
expect "channel by id" 0 'channel 0x00657300' "$MITCH" channel 101 s
expect "channel multi-word provider" 0 '"channel_id":56453376' \
  "$MITCH" channel New York Stock Exchange i --json
expect "channel with a bad type" 2 'not a message type' "$MITCH" channel 101 x

finish
