#!/bin/sh
# server-tests.sh - check_redis_server against real servers on loopback:
#   main     the ordinary one (also on a Unix socket)
#   auth     requirepass, and ACL users alice (everything) and bob (only
#            keys and channels named other:*)
#   slow     client-output-buffer-limit pubsub 64kb: slow subscribers dropped
#   restart  restarted (SIGKILL, start again) by the test under a publisher
. "${srcdir:-.}/tests/redis/lib.sh"

main=$($ctl start "$work" main --unixsocket "$work/main.sock" --unixsocketperm 700) || exit 99
auth=$($ctl start "$work" auth --requirepass sesame \
  --user alice on '>wonderland' '~*' '&*' '+@all' \
  --user bob on '>builder' '~other:*' '&other:*' '+@all') || exit 99
slow=$($ctl start "$work" slow --client-output-buffer-limit pubsub 64kb 0 0) || exit 99
restart=$($ctl start "$work" restart) || exit 99

MITCH_REDIS_URL=redis://127.0.0.1:$main
MITCH_REDIS_PORT=$main
MITCH_REDIS_UNIX_URL=unix://$work/main.sock
MITCH_REDIS_AUTH_PORT=$auth
MITCH_REDIS_SLOW_URL=redis://127.0.0.1:$slow
MITCH_REDIS_RESTART_URL=redis://127.0.0.1:$restart
MITCH_REDIS_RESTART="$ctl restart $work restart"
MITCH_SAMPLE=data/sample.mitch
export MITCH_REDIS_URL MITCH_REDIS_PORT MITCH_REDIS_UNIX_URL MITCH_REDIS_AUTH_PORT \
  MITCH_REDIS_SLOW_URL MITCH_REDIS_RESTART_URL MITCH_REDIS_RESTART MITCH_SAMPLE
${MITCH_TEST_WRAPPER:-} tests/redis/check_redis_server || fail "check_redis_server"
finish
