#!/bin/sh
# run-bench-redis.sh - start a redis-server on a free loopback port (no
# persistence, no pub/sub output-buffer limit, so a subscriber that lags a
# moment is not dropped mid-measurement), run bench/bench_redis against it
# with redis-benchmark for the ceiling, stop the server.  make bench-redis.
#   BENCH_REDIS_ARGS   passed to bench_redis (e.g. --quick, --runs 3)
#   REDIS_SERVER, REDIS_CLI, REDIS_BENCHMARK   the Redis programs
set -eu
srcdir=${srcdir:-.}
work=$(mktemp -d "${TMPDIR:-/tmp}/mitch-bench-redis.XXXXXX")
trap 'sh "$srcdir/tests/redis/redis-ctl" stopall "$work"; rm -rf "$work"' EXIT
port=$(sh "$srcdir/tests/redis/redis-ctl" start "$work" bench \
  --client-output-buffer-limit pubsub 0 0 0)
echo "redis-server $("${REDIS_SERVER:-redis-server}" --version | sed 's/.*v=\([^ ]*\).*/\1/') on 127.0.0.1:$port; $(nproc) cores; $(uname -r)"
# shellcheck disable=SC2086
bench/bench_redis --redis "redis://127.0.0.1:$port" \
  --redis-benchmark "${REDIS_BENCHMARK:-redis-benchmark}" ${BENCH_REDIS_ARGS:-}
