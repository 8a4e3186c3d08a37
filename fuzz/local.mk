## fuzz/local.mk - libFuzzer targets (not part of "make" or "make check").
##
##   make fuzz         build every target into $(builddir)/fuzz-build
##                     (clang, -fsanitize=fuzzer,address,undefined), with
##                     seed corpora made from the conformance vectors
##   make fuzz-smoke   build, then run each target for FUZZ_SECONDS (20)
##
## fuzz/build.sh and tools/fuzz-smoke do the work and can be run by hand.
## The other hardening jobs ship here too: tools/check-python-asan (the
## Python suite against an ASan/UBSan library, or under valgrind) and
## tools/check-tsan (bench/local.mk).

fuzz_sources = \
	fuzz/fuzz_util.h \
	fuzz/fuzz_registry.h \
	fuzz/fuzz_stream.c \
	fuzz/fuzz_decode.c \
	fuzz/fuzz_encode.c \
	fuzz/fuzz_check.c \
	fuzz/fuzz_ids.c \
	fuzz/fuzz_bins.c \
	fuzz/fuzz_resolve.c \
	fuzz/fuzz_asset.c \
	fuzz/fuzz_provider.c \
	fuzz/fuzz_redis_payload.c

EXTRA_DIST += $(fuzz_sources) \
	fuzz/build.sh \
	fuzz/make-corpus.py \
	fuzz/stream.dict \
	fuzz/symbols.dict \
	fuzz/regressions \
	tools/fuzz-smoke \
	tools/check-python-asan \
	tools/pristine-srcdir

FUZZ_CC = clang
FUZZ_SECONDS = 20

fuzz:
	FUZZ_CC='$(FUZZ_CC)' PYTHON='$(PYTHON)' MAKE='$(MAKE)' \
	  $(SHELL) $(srcdir)/fuzz/build.sh '$(abs_builddir)/fuzz-build'

fuzz-smoke: fuzz
	FUZZ_SECONDS='$(FUZZ_SECONDS)' \
	  $(SHELL) $(srcdir)/tools/fuzz-smoke '$(abs_builddir)/fuzz-build'

.PHONY: fuzz fuzz-smoke
