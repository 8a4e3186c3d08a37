## bench/registry.mk - registry benchmark (issue 3): median ns per call of
## exact and fuzzy asset lookup, ticker resolution over tickers.tsv, and
## provider lookup.  Built by "make", run by "make bench" or by hand:
##   MITCH_VECTORS_DIR=$srcdir/tests/vectors bench/bench_registry

noinst_PROGRAMS += bench/bench_registry
bench_bench_registry_SOURCES = bench/bench_registry.c bench/bench_clock.h
bench_bench_registry_CPPFLAGS = $(AM_CPPFLAGS) \
	-DBENCH_DEFAULT_VECTORS_DIR='"$(abs_top_srcdir)/tests/vectors"'
bench_bench_registry_LDADD = lib/libmitch.la
bench_bench_registry_LDFLAGS = -no-install
BENCH_RUN += bench/bench_registry$(EXEEXT)
