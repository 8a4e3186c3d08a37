## bench/local.mk - benchmarks (built by "make", run by "make bench").
##
## The programs link the shared library like any user does, so they time
## the exported functions.  -no-install: the binary itself (not a libtool
## wrapper script) is what perf, valgrind and qemu/wine see.
## See doc/PERFORMANCE.md for how to read and reproduce the numbers.

noinst_PROGRAMS += bench/bench_codec bench/rss_probe bench/rss_probe_nolib

bench_bench_codec_SOURCES = bench/bench_codec.c bench/bench_clock.h
bench_bench_codec_LDADD = lib/libmitch.la
bench_bench_codec_LDFLAGS = -no-install

bench_rss_probe_SOURCES = bench/rss_probe.c
bench_rss_probe_LDADD = lib/libmitch.la
bench_rss_probe_LDFLAGS = -no-install

# The same probe without the library: the difference is what loading costs.
bench_rss_probe_nolib_SOURCES = bench/rss_probe.c
bench_rss_probe_nolib_CPPFLAGS = $(AM_CPPFLAGS) -DRSS_PROBE_WITHOUT_LIBRARY

# The thread stress program (tools/check-tsan builds it again with
# -fsanitize=thread); built here so a plain build keeps it compiling.
EXTRA_DIST += tools/check-tsan
if HAVE_PTHREAD
noinst_PROGRAMS += bench/stress_threads
bench_stress_threads_SOURCES = bench/stress_threads.c
bench_stress_threads_CFLAGS = $(AM_CFLAGS) $(PTHREAD_CFLAGS)
bench_stress_threads_LDADD = lib/libmitch.la $(PTHREAD_LIBS)
bench_stress_threads_LDFLAGS = -no-install $(PTHREAD_CFLAGS)
endif

# Combines several bench_codec outputs into doc/PERFORMANCE.md's table.
EXTRA_DIST += bench/summarize-runs.py

# Programs "make bench" runs, in order; other .mk files may append theirs
# (e.g. BENCH_RUN += bench/bench_registry$(EXEEXT)).
BENCH_RUN = bench/rss_probe_nolib$(EXEEXT) bench/rss_probe$(EXEEXT) bench/bench_codec$(EXEEXT)
# Arguments for bench_codec, e.g. make bench BENCH_ARGS=--quick
BENCH_ARGS =

bench: $(BENCH_RUN)
	@for p in $(BENCH_RUN); do \
	  case $$p in bench/bench_codec*) args="$(BENCH_ARGS)" ;; *) args= ;; esac; \
	  echo "== $$p $$args"; \
	  ./$$p $$args || exit 1; \
	done
.PHONY: bench

# Paired A/B timing of two library files in one process (Linux: dlopen).
# Not built by "make": make bench-ab, then
#   taskset -c 1 bench/bench_ab /path/to/old/libmitch.so.1 lib/.libs/libmitch.so.1
EXTRA_DIST += bench/bench_ab.c
bench-ab: bench/bench_ab$(EXEEXT)
bench/bench_ab$(EXEEXT): $(srcdir)/bench/bench_ab.c $(srcdir)/include/mitch.h
	$(AM_V_CC)$(MKDIR_P) bench && \
	$(CC) $(CFLAGS) -O2 -I$(srcdir)/include -o $@ $(srcdir)/bench/bench_ab.c -ldl
CLEANFILES += bench/bench_ab$(EXEEXT)
.PHONY: bench-ab
