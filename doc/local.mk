## doc/local.mk - manual pages and the documents beside them.
##
## mitch(1), libmitch(3) and libmitch-redis(3) are installed (the Debian and RPM packages ship
## them); doc/check-man.sh keeps them free of groff warnings in make check.

dist_man_MANS += doc/mitch.1 doc/libmitch.3
# libmitch-redis(3) goes with the library it describes: installed only
# where libmitch-redis is built, shipped in every tarball.
EXTRA_DIST += doc/libmitch-redis.3
if MITCH_REDIS
man_MANS = doc/libmitch-redis.3
endif

EXTRA_DIST += \
	doc/PERFORMANCE.md \
	doc/abi.md \
	doc/threadsafety.md \
	SECURITY.md

TESTS += doc/check-man.sh
EXTRA_DIST += doc/check-man.sh
