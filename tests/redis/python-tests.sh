#!/bin/sh
# python-tests.sh - mitch.redis (python/mitch/redis.py, over Debian's
# python3-redis) against a real server and a 3-master cluster on loopback,
# with Debian's python3 and pytest.
. "${srcdir:-.}/tests/redis/lib.sh"
python=${MITCH_PYTHON:-/usr/bin/python3}
"$python" -c 'import redis, pytest' 2>/dev/null || {
  echo "FAIL - $python lacks redis or pytest (tools/install-deps redis test)"
  exit 1
}
# A library built with ASan (tools/check-sanitizers) loads into python3
# only behind its runtime, which must come first in the process: preload the
# runtime the library itself names (leak checking is off, as in
# tools/check-python-asan: the interpreter keeps memory until exit; the
# last setting wins, so it goes after the caller's options).
if [ -n "${MITCH_LIBRARY:-}" ] && command -v ldd >/dev/null 2>&1; then
  asan_runtime=$(ldd "$MITCH_LIBRARY" 2>/dev/null | awk '$1 ~ /^libasan\.so/ { print $3 }')
  if [ -n "$asan_runtime" ]; then
    # only for the interpreter: the servers must start as they are
    python="env LD_PRELOAD=$asan_runtime${LD_PRELOAD:+:$LD_PRELOAD} ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 $python"
  fi
fi
port=$($ctl start "$work" py) || exit 99
cluster=$($ctl cluster "$work" pynode) || exit 99
MITCH_REDIS_PORT=$port
MITCH_REDIS_CLUSTER_PORTS=$cluster
MITCH_SAMPLE=data/sample.mitch
MITCH_TOOL=${MITCH_TOOL:-./tools/mitch}
PYTHONPATH=$srcdir/python${PYTHONPATH:+:$PYTHONPATH}
PYTHONDONTWRITEBYTECODE=1
export MITCH_REDIS_PORT MITCH_REDIS_CLUSTER_PORTS MITCH_SAMPLE MITCH_TOOL PYTHONPATH \
  PYTHONDONTWRITEBYTECODE
$python -m pytest -q -p no:cacheprovider "$redis_dir/test_mitch_redis.py" || fail "pytest"
finish
