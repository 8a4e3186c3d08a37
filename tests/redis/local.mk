## tests/redis/local.mk - the tests of libmitch-redis and of mitch
## publish/subscribe (included by lib/redis/local.mk).
##
##   check_redis_unit      no server: URLs, names, slots, RESP, payloads
##   server-tests.sh       a real redis-server (and one with a password, one
##                         with a tiny pub/sub output-buffer limit, one that is
##                         restarted under a publisher): check_redis_server
##   cluster-tests.sh      a 3-master Redis Cluster: check_redis_cluster
##   tool-tests.sh         mitch publish / subscribe end to end, one server
##                         and a cluster
##   consumer-kill.sh      1,000,000 messages through a consumer group whose
##                         consumers are killed with SIGKILL and restarted
##   python-tests.sh       mitch.redis (Python) against a server and a cluster
## The server tests need redis-server and redis-cli (configure:
## MITCH_REDIS_SERVER_TESTS); every server is started on a free loopback port
## in a temporary directory by tests/redis/redis-ctl and killed afterwards.

mitch_redis_test_scripts = \
	tests/redis/exported-symbols.sh \
	tests/redis/redis-ctl \
	tests/redis/lib.sh \
	tests/redis/server-tests.sh \
	tests/redis/cluster-tests.sh \
	tests/redis/tool-tests.sh \
	tests/redis/consumer-kill.sh \
	tests/redis/python-tests.sh \
	tests/redis/test_mitch_redis.py \
	tests/redis/tool-absent.sh \
	tests/redis/examples.sh
EXTRA_DIST += $(mitch_redis_test_scripts) tests/redis/.gitignore \
	examples/redis_quickstart.c examples/redis_quickstart.expected \
	examples/redis-tool.sh examples/redis-tool.expected \
	tests/redis/check_redis_unit.c \
	tests/redis/check_redis_server.c \
	tests/redis/check_redis_cluster.c \
	tests/redis/redis_test.h \
	tests/redis/gen_trades.c \
	tests/redis/check_sequence.c

if MITCH_REDIS
TESTS += tests/redis/exported-symbols.sh
if HAVE_CHECK
mitch_redis_check_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/lib/redis -I$(top_srcdir)/tests \
	$(HIREDIS_CFLAGS)
mitch_redis_check_ldadd = tests/libtestutil.a lib/redis/libmitch-redis-core.la lib/libmitch.la \
	$(HIREDIS_LIBS) $(CHECK_LIBS)

check_PROGRAMS += tests/redis/check_redis_unit
TESTS += tests/redis/check_redis_unit
tests_redis_check_redis_unit_SOURCES = tests/redis/check_redis_unit.c
tests_redis_check_redis_unit_CPPFLAGS = $(mitch_redis_check_cppflags)
tests_redis_check_redis_unit_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_redis_check_redis_unit_LDADD = $(mitch_redis_check_ldadd)
tests_redis_check_redis_unit_LDFLAGS = -no-install
endif
endif

if MITCH_REDIS_SERVER_TESTS
# The environment every server test script gets.
AM_TESTS_ENVIRONMENT += \
	REDIS_SERVER='$(REDIS_SERVER)'; export REDIS_SERVER; \
	REDIS_CLI='$(REDIS_CLI)'; export REDIS_CLI; \
	MITCH_PYTHON='$(PYTHON)'; export MITCH_PYTHON;

check_PROGRAMS += tests/redis/gen_trades tests/redis/check_sequence
tests_redis_gen_trades_SOURCES = tests/redis/gen_trades.c
tests_redis_gen_trades_LDADD = lib/libmitch.la
tests_redis_gen_trades_LDFLAGS = -no-install
tests_redis_check_sequence_SOURCES = tests/redis/check_sequence.c
tests_redis_check_sequence_LDADD = lib/libmitch.la
tests_redis_check_sequence_LDFLAGS = -no-install
TESTS += tests/redis/tool-tests.sh tests/redis/consumer-kill.sh tests/redis/python-tests.sh \
	tests/redis/examples.sh
# The README's C example, compiled like any user's program.
check_PROGRAMS += examples/redis_quickstart
examples_redis_quickstart_SOURCES = examples/redis_quickstart.c
examples_redis_quickstart_LDADD = lib/redis/libmitch-redis.la lib/libmitch.la
examples_redis_quickstart_LDFLAGS = -no-install

if HAVE_CHECK
check_PROGRAMS += tests/redis/check_redis_server tests/redis/check_redis_cluster
tests_redis_check_redis_server_SOURCES = tests/redis/check_redis_server.c tests/redis/redis_test.h
tests_redis_check_redis_server_CPPFLAGS = $(mitch_redis_check_cppflags)
tests_redis_check_redis_server_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(PTHREAD_CFLAGS)
tests_redis_check_redis_server_LDADD = $(mitch_redis_check_ldadd) $(PTHREAD_LIBS)
tests_redis_check_redis_server_LDFLAGS = -no-install $(PTHREAD_CFLAGS)
tests_redis_check_redis_cluster_SOURCES = tests/redis/check_redis_cluster.c tests/redis/redis_test.h
tests_redis_check_redis_cluster_CPPFLAGS = $(mitch_redis_check_cppflags)
tests_redis_check_redis_cluster_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_redis_check_redis_cluster_LDADD = $(mitch_redis_check_ldadd)
tests_redis_check_redis_cluster_LDFLAGS = -no-install
TESTS += tests/redis/server-tests.sh tests/redis/cluster-tests.sh
endif
endif

if !MITCH_REDIS
if !CROSS_COMPILING
# Without the library the tool says publish/subscribe are absent.
TESTS += tests/redis/tool-absent.sh
endif
endif
