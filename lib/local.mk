## lib/local.mk - the library itself.

lib_LTLIBRARIES += lib/libmitch.la

lib_libmitch_la_SOURCES = \
	lib/wire.h \
	lib/protocol_limits.h \
	lib/layout.h \
	lib/layout.c \
	lib/rules.h \
	lib/rules.c \
	lib/error.h \
	lib/error.c \
	lib/frame.h \
	lib/check.h \
	lib/check.c \
	lib/capture.c \
	lib/status.c \
	lib/version.c \
	lib/header.c \
	lib/trade.c \
	lib/order.c \
	lib/tick.c \
	lib/index.c \
	lib/order_book.c \
	lib/bins.c \
	lib/bins.h \
	lib/message.c \
	lib/body.h \
	lib/ticker_id.c \
	lib/asset.c \
	lib/channel.c

lib_libmitch_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib -DMITCH_BUILDING_LIBRARY
lib_libmitch_la_CFLAGS = $(AM_CFLAGS) $(MITCH_LIB_CFLAGS)
lib_libmitch_la_LDFLAGS = -no-undefined \
	-version-info $(MITCH_LT_CURRENT):$(MITCH_LT_REVISION):$(MITCH_LT_AGE)
if HAVE_VERSION_SCRIPT
lib_libmitch_la_LDFLAGS += -Wl,--version-script=$(srcdir)/lib/libmitch.map
endif
EXTRA_lib_libmitch_la_DEPENDENCIES = $(srcdir)/lib/libmitch.map
EXTRA_DIST += lib/libmitch.map

# Constant tables generated from data/ at build time.  They are shipped in
# the tarball too, so a build from it needs no Python.
lib_libmitch_la_SOURCES += lib/bins_table.c
EXTRA_DIST += data/bins.tsv tools/gen-bins.py

lib/bins_table.c: $(srcdir)/data/bins.tsv $(srcdir)/tools/gen-bins.py
	$(AM_V_GEN)$(MKDIR_P) lib && \
	$(PYTHON) $(srcdir)/tools/gen-bins.py $(srcdir)/data/bins.tsv > $@-t && mv -f $@-t $@
