## bindings/go/local.mk - the Go binding (module
## github.com/mitch-protocol/libmitch/bindings/go, package .../mitch): its
## files in the tarball and its suite in make check (bindings/go/run-tests.sh)
## when configure found Go >= 1.19 with cgo.  go build needs no make rule:
## cgo builds the package against PKG_CONFIG_PATH=<build dir>.

mitch_go_files = \
	bindings/go/README.md \
	bindings/go/go.mod \
	bindings/go/ci-extra.sh \
	bindings/go/go-env.sh \
	bindings/go/run-tests.sh \
	bindings/go/cmd/mitch-bench/main.go \
	bindings/go/cmd/mitch-conformance/main.go \
	bindings/go/internal/cbench/cbench.go \
	bindings/go/internal/conformance/conformance.go \
	bindings/go/internal/conformance/conformance_test.go \
	bindings/go/mitch/bench_test.go \
	bindings/go/mitch/capture.go \
	bindings/go/mitch/capture_test.go \
	bindings/go/mitch/cgo.go \
	bindings/go/mitch/codec.go \
	bindings/go/mitch/codec_test.go \
	bindings/go/mitch/doc.go \
	bindings/go/mitch/example_test.go \
	bindings/go/mitch/fuzz_test.go \
	bindings/go/mitch/glue.c \
	bindings/go/mitch/glue.h \
	bindings/go/mitch/helpers_test.go \
	bindings/go/mitch/ids.go \
	bindings/go/mitch/layout.go \
	bindings/go/mitch/layout_test.go \
	bindings/go/mitch/message.go \
	bindings/go/mitch/message_test.go \
	bindings/go/mitch/metrics.go \
	bindings/go/mitch/registry.go \
	bindings/go/mitch/registry_test.go \
	bindings/go/mitch/status.go \
	bindings/go/mitch/stream.go \
	bindings/go/mitch/threads_test.go \
	bindings/go/mitch/types.go \
	bindings/go/mitch/version.go
EXTRA_DIST += $(mitch_go_files)

if ENABLE_BINDINGS
if MITCH_GO_TESTS
# run-tests.sh finds the toolchain configure chose in GO.
AM_TESTS_ENVIRONMENT += GO='$(GO)'; export GO;
TESTS += bindings/go/run-tests.sh
endif
endif

# Go's build cache (bindings/go/run-tests.sh puts it in the build tree),
# removed by make clean through mostlyclean-local (clean-local belongs to
# bindings/js/local.mk: automake allows one rule per hook).
mostlyclean-local: mitch-go-clean-cache
mitch-go-clean-cache:
	-chmod -R u+w bindings/go/cache 2>/dev/null; rm -rf bindings/go/cache
.PHONY: mitch-go-clean-cache

# Go beside C, medians of 5 runs: make bench-go
bench-go: lib/libmitch.la mitch-uninstalled.pc
	. $(srcdir)/bindings/go/go-env.sh && mitch_go_env '$(abs_top_builddir)' '$(abs_top_srcdir)' && \
	cd $(srcdir)/bindings/go && '$(GO)' run ./cmd/mitch-bench $(BENCH_GO_ARGS)
.PHONY: bench-go
