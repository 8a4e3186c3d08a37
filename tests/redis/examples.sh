#!/bin/sh
# examples.sh - the README's "MITCH over Redis" examples, run against a real
# server: examples/redis_quickstart (C) and examples/redis-tool.sh (the
# tool), each output compared with its .expected file.
. "${srcdir:-.}/tests/redis/lib.sh"
port=$($ctl start "$work" examples) || exit 99
URL=redis://127.0.0.1:$port
build=$(pwd)
src=$(cd "$srcdir" && pwd)
out=$(examples/redis_quickstart "$URL" 2>&1)
check "redis_quickstart prints what the README says" \
  test "$out" = "$(cat "$src/examples/redis_quickstart.expected")"
[ "$fails" -eq 0 ] || printf 'got:\n%s\n' "$out"
# The tool example runs as a user would: in a directory holding
# data/sample.mitch, with mitch and redis-cli on PATH.
mkdir -p "$work/tool/data" "$work/bin"
cp data/sample.mitch "$work/tool/data/"
case $MITCH in
  /*) ln -s "$MITCH" "$work/bin/mitch" ;;
  *) ln -s "$build/${MITCH#./}" "$work/bin/mitch" ;;
esac
ln -s "$(command -v "${REDIS_CLI:-redis-cli}")" "$work/bin/redis-cli"
# (timeout: the example waits for its subscriber, which must not be forever
# if the subscriber could not start)
out=$(cd "$work/tool" && URL=$URL PATH="$work/bin:$PATH" timeout 120 sh "$src/examples/redis-tool.sh" 2>&1 ||
  echo "exit $?")
check "redis-tool.sh prints what the README says" \
  test "$out" = "$(cat "$src/examples/redis-tool.expected")"
[ "$fails" -eq 0 ] || printf 'got:\n%s\n' "$out"
finish
