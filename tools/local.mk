## tools/local.mk - the mitch command-line tool and the shipped sample.

bin_PROGRAMS += tools/mitch
tools_mitch_SOURCES = \
	tools/cli.h \
	tools/mitch.c \
	tools/cmd_stream.c \
	tools/cmd_info.c \
	tools/fields.h \
	tools/fields.c \
	tools/cmd_registry.c \
	tools/output.c \
	tools/echo.c
tools_mitch_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tools_mitch_LDADD = lib/libmitch.la $(JANSSON_LIBS)

# The sample stream the README decodes: written by the tool itself from
# the committed JSON lines, so the bytes are the library's own encoding.
EXTRA_DIST += data/sample.jsonl
if HAVE_JANSSON
if !CROSS_COMPILING
noinst_DATA = data/sample.mitch
CLEANFILES += data/sample.mitch
data/sample.mitch: $(srcdir)/data/sample.jsonl tools/mitch$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) data && \
	tools/mitch$(EXEEXT) encode -o $@-t $(srcdir)/data/sample.jsonl && mv -f $@-t $@

# The tool's own checks: decode/encode round trip, damaged input, usage.
TESTS += tools/test-cli.sh
# ... and used carelessly or with hostile input: never destroys a file,
# exact round trips, failed writes, long input.
TESTS += tools/test-cli-hostile.sh
endif
endif
EXTRA_DIST += tools/test-cli.sh tools/test-cli-hostile.sh
