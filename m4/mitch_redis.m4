# mitch_redis.m4 - configure checks of libmitch-redis, MITCH over Redis.
#
# MITCH_REDIS_CHECKS
#   --with-redis=auto (default) builds libmitch-redis and the tool's
#   publish/subscribe commands when Debian's hiredis (libhiredis-dev, 0.14 or
#   later) is found on a Linux host; --with-redis insists, --without-redis
#   leaves them out.  The library needs Linux (epoll, MSG_NOSIGNAL), so it is
#   never built for Windows; a cross build (whose pkg-config may well find the
#   build machine's hiredis) builds it only when asked.
#
#   The tests that start real servers need redis-server and redis-cli (Debian's
#   redis-server and redis-tools) and run with the other tests of the
#   transport and bindings, so --disable-bindings (distcheck, sanitizers,
#   packages, cross builds) leaves them out; the unit tests of the library
#   run wherever it is built.
#
# Sets: HIREDIS_CFLAGS/HIREDIS_LIBS, REDIS_SERVER, REDIS_CLI, REDIS_BENCHMARK;
# AM_CONDITIONALs MITCH_REDIS (library built), MITCH_REDIS_SERVER_TESTS;
# config.h: HAVE_MITCH_REDIS; shell: have_mitch_redis, mitch_redis_summary.
AC_DEFUN([MITCH_REDIS_CHECKS], [
  AC_ARG_WITH([redis],
    [AS_HELP_STRING([--with-redis],
      [build libmitch-redis and mitch publish/subscribe (needs hiredis, Linux; default: when found)])],
    [], [with_redis=auto])
  have_mitch_redis=no
  mitch_redis_why=
  AS_CASE([$host_os],
    [linux*], [],
    [mitch_redis_why="Linux only"])
  AS_IF([test -z "$mitch_redis_why" && test "x$with_redis" = xauto && test "x$cross_compiling" = xyes],
    [mitch_redis_why="cross build (use --with-redis)"])
  AS_IF([test "x$with_redis" = xno], [mitch_redis_why="--without-redis"])
  dnl Proved to compile and link for the host, not only found by
  dnl pkg-config: an i686 build on an x86_64 Debian runs its test programs
  dnl natively (so it is no cross build to configure) while the build
  dnl machine's pkg-config answers with its own x86_64 hiredis.
  AS_IF([test -z "$mitch_redis_why"], [
    MITCH_OPTIONAL_LIB([HIREDIS], [hiredis], [hiredis >= 0.14], [auto],
      [#include <hiredis/hiredis.h>], [redisReader *r = redisReaderCreate(); redisReaderFree(r);])
    AS_IF([test "x$have_hiredis" = xyes], [have_mitch_redis=yes],
      [mitch_redis_why="$hiredis_why: install libhiredis-dev"])])
  AS_IF([test "x$with_redis" = xyes && test "x$have_mitch_redis" != xyes],
    [AC_MSG_ERROR([--with-redis given, but libmitch-redis cannot be built: $mitch_redis_why])])
  AS_IF([test "x$have_mitch_redis" = xyes],
    [AC_DEFINE([HAVE_MITCH_REDIS], [1], [libmitch-redis is built: mitch publish/subscribe work])])
  AM_CONDITIONAL([MITCH_REDIS], [test "x$have_mitch_redis" = xyes])

  dnl The servers the tests start (never one that is already running).
  AC_ARG_VAR([REDIS_SERVER], [redis-server for the Redis transport tests])
  AC_ARG_VAR([REDIS_CLI], [redis-cli for the Redis transport tests])
  AC_ARG_VAR([REDIS_BENCHMARK], [redis-benchmark for the Redis benchmark's ceiling])
  dnl The server tests run wherever redis-server is installed, the
  dnl sanitizer and valgrind jobs included; package builds and distcheck
  dnl (which must not start daemons) turn them off.
  AC_ARG_ENABLE([redis-server-tests],
    [AS_HELP_STRING([--disable-redis-server-tests],
       [do not start redis-server in make check (package builds, distcheck)])],
    [], [enable_redis_server_tests=auto])
  mitch_redis_tests=no
  AS_IF([test "x$have_mitch_redis" = xyes && test "x$enable_redis_server_tests" != xno], [
    AC_PATH_PROG([REDIS_SERVER], [redis-server])
    AC_PATH_PROG([REDIS_CLI], [redis-cli])
    AC_PATH_PROG([REDIS_BENCHMARK], [redis-benchmark])
    AS_IF([test -n "$REDIS_SERVER" && test -n "$REDIS_CLI"], [mitch_redis_tests=yes],
      [test "x$enable_redis_server_tests" = xyes],
      [AC_MSG_ERROR([--enable-redis-server-tests given, but redis-server or redis-cli is missing])])])
  AM_CONDITIONAL([MITCH_REDIS_SERVER_TESTS], [test "x$mitch_redis_tests" = xyes])

  dnl Written in every build (a few lines); installed only with the library.
  AC_CONFIG_FILES([mitch-redis.pc mitch-redis-uninstalled.pc])
  AS_IF([test "x$have_mitch_redis" = xyes],
    [AS_IF([test "x$mitch_redis_tests" = xyes],
       [mitch_redis_summary="yes (server tests: $REDIS_SERVER)"],
       [AS_IF([test "x$enable_redis_server_tests" != xno],
          [mitch_redis_summary="yes (no server tests: install redis-server and redis-tools)"],
          [mitch_redis_summary="yes (no server tests: --disable-redis-server-tests)"])])],
    [mitch_redis_summary="no ($mitch_redis_why)"])
])
