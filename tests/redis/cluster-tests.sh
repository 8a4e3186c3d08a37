#!/bin/sh
# cluster-tests.sh - check_redis_cluster against a 3-master Redis Cluster on
# loopback (ports <= 55535 with explicit cluster bus ports: redis-ctl).
. "${srcdir:-.}/tests/redis/lib.sh"

ports=$($ctl cluster "$work" node) || exit 99
MITCH_REDIS_CLUSTER_PORTS=$ports
MITCH_SAMPLE=data/sample.mitch
export MITCH_REDIS_CLUSTER_PORTS MITCH_SAMPLE
${MITCH_TEST_WRAPPER:-} tests/redis/check_redis_cluster || fail "check_redis_cluster"
finish
