## tests/local.mk - make check: the Check programs of the core library and
## the shell tests around them.
##
## C test programs run through $(LOG_COMPILER) = $(MITCH_TEST_WRAPPER) (empty
## natively; wine or qemu-s390x for cross builds; valgrind for
## tools/check-valgrind).  Shell tests use the .sh extension and always run
## under $(SHELL), never under the wrapper.

TEST_EXTENSIONS = .sh
LOG_COMPILER = $(MITCH_TEST_WRAPPER)
SH_LOG_COMPILER = $(SHELL)

# Where the tests find their data.  MITCH_SHARED_DIR (configure variable)
# defaults to ../shared beside the source tree; a tarball build has none.
AM_TESTS_ENVIRONMENT = \
	MITCH_VECTORS_DIR='$(abs_top_srcdir)/tests/vectors'; export MITCH_VECTORS_DIR; \
	MITCH_SHARED_DIR='$(MITCH_SHARED_DIR)'; \
	test -n "$$MITCH_SHARED_DIR" || MITCH_SHARED_DIR='$(abs_top_srcdir)/../shared'; \
	export MITCH_SHARED_DIR; \
	MITCH_TOP_SRCDIR='$(abs_top_srcdir)'; export MITCH_TOP_SRCDIR; \
	MITCH_TOP_BUILDDIR='$(abs_top_builddir)'; export MITCH_TOP_BUILDDIR; \
	OBJDUMP='$(OBJDUMP)'; export OBJDUMP; \
	MITCH_LIBRARY='$(abs_top_builddir)/lib/.libs/libmitch.so.1'; export MITCH_LIBRARY; \
	MITCH_TOOL='$(abs_top_builddir)/tools/mitch$(EXEEXT)'; export MITCH_TOOL; \
	PYTHON='$(PYTHON)'; export PYTHON;

# The conformance vectors: a byte-identical copy of ../shared/conformance
# (tests/vectors-drift.sh keeps it so).
mitch_vectors = \
	tests/vectors/README.md \
	tests/vectors/messages/channel.tsv \
	tests/vectors/messages/header.tsv \
	tests/vectors/messages/index.tsv \
	tests/vectors/messages/order.tsv \
	tests/vectors/messages/order_book.tsv \
	tests/vectors/messages/tick.tsv \
	tests/vectors/messages/ticker_id.tsv \
	tests/vectors/messages/trade.tsv \
	tests/vectors/resolution/assets.tsv \
	tests/vectors/resolution/providers.tsv \
	tests/vectors/resolution/tickers.tsv
EXTRA_DIST += $(mitch_vectors)

# Shell tests: they need no Check, so they run in every build.
mitch_sh_tests = \
	tests/vectors-drift.sh \
	tests/exported-symbols.sh \
	tests/body-type-lists.sh
TESTS += $(mitch_sh_tests)
EXTRA_DIST += $(mitch_sh_tests)
# What the shell tests share (sourced, not run).
EXTRA_DIST += tests/shell-checks.sh
# The damaged-vector cases of the C++ and Go conformance runners (run by
# bindings/cpp/conformance.sh and bindings/go/run-tests.sh).
EXTRA_DIST += tests/conformance-damaged.sh

# The tool's layout JSON (runs the tool: native builds only).
EXTRA_DIST += tests/info-layouts.sh
if !CROSS_COMPILING
TESTS += tests/info-layouts.sh
endif

# Scripts that run the whole suite under sanitizers / valgrind.
dist_noinst_SCRIPTS += tools/check-sanitizers tools/check-valgrind

EXTRA_DIST += tests/test_util.h tests/test_util.c

if HAVE_CHECK
# Helpers every Check program links (registry tests may link it too).
check_LIBRARIES = tests/libtestutil.a
tests_libtestutil_a_SOURCES = tests/test_util.c tests/test_util.h
tests_libtestutil_a_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTU_DEFAULT_VECTORS_DIR='"$(abs_top_srcdir)/tests/vectors"'
tests_libtestutil_a_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)

mitch_check_programs = \
	tests/check_header \
	tests/check_trade \
	tests/check_order \
	tests/check_tick \
	tests/check_index \
	tests/check_order_book \
	tests/check_channel \
	tests/check_ticker_id \
	tests/check_asset \
	tests/check_batch \
	tests/check_message \
	tests/check_flat_abi \
	tests/check_version \
	tests/check_conformance \
	tests/check_layout \
	tests/check_rules \
	tests/check_error \
	tests/check_capture \
	tests/check_bulk \
	tests/check_status_order
check_PROGRAMS += $(mitch_check_programs)
TESTS += $(mitch_check_programs)

# Every program: one source file, the helpers, Check and the library.
# -no-install: the real binary, not a libtool wrapper (wine/qemu/valgrind).
mitch_check_cflags = $(AM_CFLAGS) $(CHECK_CFLAGS)
mitch_check_ldadd = tests/libtestutil.a lib/libmitch.la $(CHECK_LIBS)
mitch_check_ldflags = -no-install

tests_check_header_SOURCES = tests/check_header.c
tests_check_header_CFLAGS = $(mitch_check_cflags)
tests_check_header_LDADD = $(mitch_check_ldadd)
tests_check_header_LDFLAGS = $(mitch_check_ldflags)

tests_check_trade_SOURCES = tests/check_trade.c
tests_check_trade_CFLAGS = $(mitch_check_cflags)
tests_check_trade_LDADD = $(mitch_check_ldadd)
tests_check_trade_LDFLAGS = $(mitch_check_ldflags)

tests_check_order_SOURCES = tests/check_order.c
tests_check_order_CFLAGS = $(mitch_check_cflags)
tests_check_order_LDADD = $(mitch_check_ldadd)
tests_check_order_LDFLAGS = $(mitch_check_ldflags)

tests_check_tick_SOURCES = tests/check_tick.c
tests_check_tick_CFLAGS = $(mitch_check_cflags)
tests_check_tick_LDADD = $(mitch_check_ldadd)
tests_check_tick_LDFLAGS = $(mitch_check_ldflags)

tests_check_index_SOURCES = tests/check_index.c
tests_check_index_CFLAGS = $(mitch_check_cflags)
tests_check_index_LDADD = $(mitch_check_ldadd)
tests_check_index_LDFLAGS = $(mitch_check_ldflags)

tests_check_order_book_SOURCES = tests/check_order_book.c
tests_check_order_book_CFLAGS = $(mitch_check_cflags)
tests_check_order_book_LDADD = $(mitch_check_ldadd)
tests_check_order_book_LDFLAGS = $(mitch_check_ldflags)

tests_check_channel_SOURCES = tests/check_channel.c
tests_check_channel_CFLAGS = $(mitch_check_cflags)
tests_check_channel_LDADD = $(mitch_check_ldadd)
tests_check_channel_LDFLAGS = $(mitch_check_ldflags)

tests_check_ticker_id_SOURCES = tests/check_ticker_id.c
tests_check_ticker_id_CFLAGS = $(mitch_check_cflags)
tests_check_ticker_id_LDADD = $(mitch_check_ldadd)
tests_check_ticker_id_LDFLAGS = $(mitch_check_ldflags)

tests_check_asset_SOURCES = tests/check_asset.c
tests_check_asset_CFLAGS = $(mitch_check_cflags)
tests_check_asset_LDADD = $(mitch_check_ldadd)
tests_check_asset_LDFLAGS = $(mitch_check_ldflags)

tests_check_batch_SOURCES = tests/check_batch.c
tests_check_batch_CFLAGS = $(mitch_check_cflags)
tests_check_batch_LDADD = $(mitch_check_ldadd)
tests_check_batch_LDFLAGS = $(mitch_check_ldflags)

tests_check_message_SOURCES = tests/check_message.c
tests_check_message_CFLAGS = $(mitch_check_cflags)
tests_check_message_LDADD = $(mitch_check_ldadd)
tests_check_message_LDFLAGS = $(mitch_check_ldflags)

tests_check_flat_abi_SOURCES = tests/check_flat_abi.c
tests_check_flat_abi_CFLAGS = $(mitch_check_cflags)
tests_check_flat_abi_LDADD = $(mitch_check_ldadd)
tests_check_flat_abi_LDFLAGS = $(mitch_check_ldflags)

tests_check_version_SOURCES = tests/check_version.c
tests_check_version_CFLAGS = $(mitch_check_cflags)
tests_check_version_LDADD = $(mitch_check_ldadd)
tests_check_version_LDFLAGS = $(mitch_check_ldflags)

tests_check_conformance_SOURCES = tests/check_conformance.c
tests_check_conformance_CFLAGS = $(mitch_check_cflags)
tests_check_conformance_LDADD = $(mitch_check_ldadd)
tests_check_conformance_LDFLAGS = $(mitch_check_ldflags)

tests_check_layout_SOURCES = tests/check_layout.c
tests_check_layout_CFLAGS = $(mitch_check_cflags)
tests_check_layout_LDADD = $(mitch_check_ldadd)
tests_check_layout_LDFLAGS = $(mitch_check_ldflags)

tests_check_rules_SOURCES = tests/check_rules.c
tests_check_rules_CFLAGS = $(mitch_check_cflags)
tests_check_rules_LDADD = $(mitch_check_ldadd)
tests_check_rules_LDFLAGS = $(mitch_check_ldflags)

tests_check_error_SOURCES = tests/check_error.c
tests_check_error_CFLAGS = $(mitch_check_cflags)
tests_check_error_LDADD = $(mitch_check_ldadd)
tests_check_error_LDFLAGS = $(mitch_check_ldflags)

tests_check_capture_SOURCES = tests/check_capture.c
tests_check_capture_CFLAGS = $(mitch_check_cflags)
tests_check_capture_LDADD = $(mitch_check_ldadd)
tests_check_capture_LDFLAGS = $(mitch_check_ldflags)

tests_check_bulk_SOURCES = tests/check_bulk.c
tests_check_bulk_CFLAGS = $(mitch_check_cflags)
tests_check_bulk_LDADD = $(mitch_check_ldadd)
tests_check_bulk_LDFLAGS = $(mitch_check_ldflags)

tests_check_status_order_SOURCES = tests/check_status_order.c
tests_check_status_order_CFLAGS = $(mitch_check_cflags)
tests_check_status_order_LDADD = $(mitch_check_ldadd)
tests_check_status_order_LDFLAGS = $(mitch_check_ldflags)
endif

# tools/check-valgrind asks which C test programs make check runs (names
# as TESTS lists them, without $(EXEEXT)).
mitch-print-check-programs:
	@for p in $(check_PROGRAMS); do \
	  b=`echo "$$p" | sed 's/$(EXEEXT)$$//'`; \
	  case " $(TESTS) " in *" $$b "*|*" $$p "*) echo "$$b" ;; esac; \
	done
.PHONY: mitch-print-check-programs
