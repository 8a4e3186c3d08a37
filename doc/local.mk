## doc/local.mk - manual pages and the documents beside them.
##
## mitch(1) and libmitch(3) are installed (the Debian and RPM packages ship
## them); doc/check-man.sh keeps them free of groff warnings in make check.

dist_man_MANS += doc/mitch.1 doc/libmitch.3

EXTRA_DIST += \
	doc/PERFORMANCE.md \
	doc/abi.md \
	doc/threadsafety.md \
	SECURITY.md

TESTS += doc/check-man.sh
EXTRA_DIST += doc/check-man.sh
