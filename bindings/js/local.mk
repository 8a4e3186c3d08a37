## bindings/js/local.mk - the JavaScript package "mitch" (TypeScript over
## libmitch, for Node.js, Deno and Bun): its build by tsc in "make", its
## suites in "make check", its files in the tarball, and "make bench-js".
##
## Everything generated lives in the build tree's bindings/js (= the source
## tree's for an in-place build): node_modules/ (npm ci from the committed
## package-lock.json, skipped when an "npm install" there already provided
## it), dist/ (tsc output: .js and .d.ts), and for an out-of-tree build a
## copy of the package files the runners import.

mitch_js_sources = \
	bindings/js/src/bulk.ts \
	bindings/js/src/bytes.ts \
	bindings/js/src/codec.ts \
	bindings/js/src/enums.ts \
	bindings/js/src/errors.ts \
	bindings/js/src/fail.ts \
	bindings/js/src/ffi.ts \
	bindings/js/src/hexfloat.ts \
	bindings/js/src/ids.ts \
	bindings/js/src/index.ts \
	bindings/js/src/layouts.ts \
	bindings/js/src/library.ts \
	bindings/js/src/messages.ts \
	bindings/js/src/native.ts \
	bindings/js/src/registry.ts \
	bindings/js/src/runtime/bun.ts \
	bindings/js/src/runtime/deno.ts \
	bindings/js/src/runtime/node.ts \
	bindings/js/src/streams.ts \
	bindings/js/src/struct.ts \
	bindings/js/src/text.ts \
	bindings/js/src/types.ts

# Files the runners and tests use beside dist/ (copied into an out-of-tree
# build so that "node bindings/js/conformance.mjs DIR" works there too).
mitch_js_runtime_files = \
	bindings/js/package.json \
	bindings/js/package-lock.json \
	bindings/js/README.md \
	bindings/js/conformance.mjs \
	bindings/js/examples/quickstart.mjs \
	bindings/js/examples/quickstart.expected \
	bindings/js/test/helpers.mjs \
	bindings/js/test/bodies.test.mjs \
	bindings/js/test/errors.test.mjs \
	bindings/js/test/loading.test.mjs \
	bindings/js/test/messages.test.mjs \
	bindings/js/test/bulk.test.mjs \
	bindings/js/test/registry.test.mjs \
	bindings/js/test/layout.test.mjs \
	bindings/js/test/readme.test.mjs \
	bindings/js/test/hostile.test.mjs \
	bindings/js/test/sweep.test.mjs \
	bindings/js/bench/bench.mjs \
	bindings/js/bench/ffi-choice.mjs

EXTRA_DIST += $(mitch_js_sources) $(mitch_js_runtime_files) \
	bindings/js/.gitignore \
	bindings/js/tsconfig.json \
	bindings/js/run-suite.sh \
	bindings/js/ci-extra.sh \
	bindings/js/pack-test.sh \
	bindings/js/bench/c_baseline.c \
	bindings/js/bench/napi_decode.c \
	m4/mitch_js.m4

if HAVE_JS
js_dir = bindings/js
js_stamp_npm = $(js_dir)/node_modules/.mitch-npm-stamp
js_stamp_files = $(js_dir)/.mitch-files-stamp
js_stamp_dist = $(js_dir)/dist/.mitch-tsc-stamp

all-local: $(js_stamp_dist)

# Out-of-tree: the package files beside the build tree's node_modules and
# dist (an in-place build has them already).
$(js_stamp_files): $(mitch_js_runtime_files)
	$(AM_V_GEN)$(MKDIR_P) $(js_dir) && \
	if test "$(abs_srcdir)" != "$(abs_builddir)"; then \
	  for f in $(mitch_js_runtime_files); do \
	    $(MKDIR_P) "$$(dirname "$$f")" && cp "$(srcdir)/$$f" "$$f" || exit 1; \
	  done; \
	fi && touch $@

# npm ci from the lock file, unless "npm install" in bindings/js already
# installed what it pins (the README's route for an in-place build).
$(js_stamp_npm): $(js_stamp_files) bindings/js/package-lock.json
	$(AM_V_GEN)cd $(js_dir) && \
	if test -x node_modules/.bin/tsc && "$(NODE)" -e 'require("koffi")' >/dev/null 2>&1 && \
	   test ! node_modules/.package-lock.json -ot package-lock.json; then \
	  echo "  NPM      bindings/js: node_modules present (npm install ran)"; \
	else \
	  "$(NPM)" ci --no-audit --no-fund --loglevel=error || exit 1; \
	fi && touch node_modules/.mitch-npm-stamp

# tsc: src/*.ts -> dist/*.js + .d.ts, through a generated tsconfig that
# points at the source tree's sources and the build tree's node_modules.
$(js_dir)/tsconfig.build.json: Makefile
	$(AM_V_GEN)$(MKDIR_P) $(js_dir) && \
	src=$$(cd "$(srcdir)" && pwd) && \
	printf '{\n  "extends": "%s/bindings/js/tsconfig.json",\n  "compilerOptions": {\n    "rootDir": "%s/bindings/js/src",\n    "outDir": "./dist",\n    "typeRoots": ["./node_modules/@types", "./node_modules"]\n  },\n  "include": ["%s/bindings/js/src/**/*.ts"]\n}\n' \
	  "$$src" "$$src" "$$src" > $@

$(js_stamp_dist): $(mitch_js_sources) bindings/js/tsconfig.json \
		$(js_stamp_npm) $(js_dir)/tsconfig.build.json
	$(AM_V_GEN)cd $(js_dir) && "$(NODE)" node_modules/typescript/bin/tsc -p tsconfig.build.json && \
	touch dist/.mitch-tsc-stamp

# One suite per runtime: its unit tests and the conformance runner.

TESTS += bindings/js/test-node.sh bindings/js/test-deno.sh bindings/js/test-bun.sh
bindings/js/test-node.sh bindings/js/test-deno.sh bindings/js/test-bun.sh: Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings/js && \
	runtime=$$(basename $@ .sh) && runtime=$${runtime#test-} && \
	printf '#!/bin/sh\nNODE="%s" exec $(SHELL) "%s/bindings/js/run-suite.sh" %s "%s/bindings/js"\n' \
	  "$(NODE)" "$(abs_srcdir)" "$$runtime" "$(abs_builddir)" > $@ && chmod +x $@

clean-local: clean-js
clean-js:
	-rm -rf $(js_dir)/dist $(js_dir)/tsconfig.build.json $(js_stamp_files)
	-test "$(abs_srcdir)" = "$(abs_builddir)" || rm -rf $(js_dir)/node_modules
CLEANFILES += bindings/js/test-node.sh bindings/js/test-deno.sh bindings/js/test-bun.sh

# The C side of the JavaScript benchmark and the Node-API half of the
# koffi-versus-Node-API measurement; built only by "make bench-js".
EXTRA_PROGRAMS += bindings/js/bench/c_baseline
CLEANFILES += bindings/js/bench/c_baseline$(EXEEXT) bindings/js/bench/napi_decode.node
bindings_js_bench_c_baseline_SOURCES = bindings/js/bench/c_baseline.c
bindings_js_bench_c_baseline_LDADD = lib/libmitch.la
bindings_js_bench_c_baseline_LDFLAGS = -no-install

NODE_API_CFLAGS = -I/usr/include/node
bindings/js/bench/napi_decode.node: $(srcdir)/bindings/js/bench/napi_decode.c lib/libmitch.la
	$(AM_V_CC)$(MKDIR_P) bindings/js/bench && \
	$(CC) -O2 -shared -fPIC $(NODE_API_CFLAGS) -I$(srcdir)/include $(srcdir)/bindings/js/bench/napi_decode.c \
	  -o $@ -L$(abs_builddir)/lib/.libs -lmitch -Wl,-rpath,$(abs_builddir)/lib/.libs

# Per-runtime benchmark beside C (medians of 5; see bench.mjs --help), then
# koffi against a Node-API addon on the same scalar unpack.
bench-js: $(js_stamp_dist) bindings/js/bench/c_baseline$(EXEEXT) bindings/js/bench/napi_decode.node
	. ./lib/libmitch.la && lib="$(abs_builddir)/lib/.libs/$$dlname" && \
	for rt in node deno bun; do \
	  MITCH_LIBRARY="$$lib" $(SHELL) $(srcdir)/bindings/js/run-suite.sh bench-$$rt "$(abs_builddir)/bindings/js" \
	    --c-baseline "$(abs_builddir)/bindings/js/bench/c_baseline$(EXEEXT)" $(BENCH_JS_ARGS) || exit 1; \
	done && \
	MITCH_LIBRARY="$$lib" "$(NODE)" bindings/js/bench/ffi-choice.mjs "$(abs_builddir)/bindings/js/bench/napi_decode.node"
endif
.PHONY: clean-js bench-js
