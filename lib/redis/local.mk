## lib/redis/local.mk - libmitch-redis, MITCH over Redis (built when
## configure finds hiredis on Linux: m4/mitch_redis.m4), and its tests.
##
## The code lives in a convenience library that the installed shared
## library wraps with its version script, so the unit tests can call the
## internal functions (URL parsing, slots, RESP) the .so keeps hidden.

mitch_redis_sources = \
	lib/redis/internal.h \
	lib/redis/util.c \
	lib/redis/status.c \
	lib/redis/url.c \
	lib/redis/slot.c \
	lib/redis/resp.c \
	lib/redis/payload.c \
	lib/redis/node.c \
	lib/redis/client.c \
	lib/redis/subscriber.c \
	lib/redis/consumer.c

EXTRA_DIST += include/mitch-redis.h lib/redis/libmitch-redis.map \
	mitch-redis.pc.in mitch-redis-uninstalled.pc.in m4/mitch_redis.m4
DISTCLEANFILES += mitch-redis.pc mitch-redis-uninstalled.pc

# mitch publish / subscribe: always compiled (without the library they say
# they are absent), linked with the library when it is built.
tools_mitch_SOURCES += tools/cmd_redis.c

if MITCH_REDIS
tools_mitch_LDADD += lib/redis/libmitch-redis.la

noinst_LTLIBRARIES += lib/redis/libmitch-redis-core.la
lib_redis_libmitch_redis_core_la_SOURCES = $(mitch_redis_sources)
lib_redis_libmitch_redis_core_la_CPPFLAGS = $(AM_CPPFLAGS) $(HIREDIS_CFLAGS)
lib_redis_libmitch_redis_core_la_CFLAGS = $(AM_CFLAGS) $(MITCH_LIB_CFLAGS)

lib_LTLIBRARIES += lib/redis/libmitch-redis.la
lib_redis_libmitch_redis_la_SOURCES =
lib_redis_libmitch_redis_la_LIBADD = lib/redis/libmitch-redis-core.la lib/libmitch.la \
	$(HIREDIS_LIBS)
# Its own soname, libmitch-redis.so.1 (CURRENT - AGE = 1).
lib_redis_libmitch_redis_la_LDFLAGS = -no-undefined -version-info 1:0:0
if HAVE_VERSION_SCRIPT
lib_redis_libmitch_redis_la_LDFLAGS += \
	-Wl,--version-script=$(srcdir)/lib/redis/libmitch-redis.map
endif
EXTRA_lib_redis_libmitch_redis_la_DEPENDENCIES = $(srcdir)/lib/redis/libmitch-redis.map

include_HEADERS += include/mitch-redis.h
pkgconfig_DATA += mitch-redis.pc
else
EXTRA_DIST += $(mitch_redis_sources)
endif

# The benchmark: publish -> receive beside redis-benchmark's PUBLISH ceiling
# (doc/PERFORMANCE.md, "MITCH over Redis").  make bench-redis starts a server.
EXTRA_DIST += bench/bench_redis.c bench/run-bench-redis.sh
if MITCH_REDIS
if HAVE_PTHREAD
noinst_PROGRAMS += bench/bench_redis
bench_bench_redis_SOURCES = bench/bench_redis.c bench/bench_clock.h
bench_bench_redis_CFLAGS = $(AM_CFLAGS) $(PTHREAD_CFLAGS)
bench_bench_redis_LDADD = lib/redis/libmitch-redis.la lib/libmitch.la $(PTHREAD_LIBS)
bench_bench_redis_LDFLAGS = -no-install $(PTHREAD_CFLAGS)
endif
endif
BENCH_REDIS_ARGS =
bench-redis: bench/bench_redis$(EXEEXT)
	srcdir=$(srcdir) REDIS_SERVER='$(REDIS_SERVER)' REDIS_CLI='$(REDIS_CLI)' \
	REDIS_BENCHMARK='$(REDIS_BENCHMARK)' BENCH_REDIS_ARGS='$(BENCH_REDIS_ARGS)' \
	$(SHELL) $(srcdir)/bench/run-bench-redis.sh
.PHONY: bench-redis

include $(srcdir)/tests/redis/local.mk
