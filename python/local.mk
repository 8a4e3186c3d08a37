## python/local.mk - the Python package "mitch" (ctypes bindings): its tests
## in "make check", its files in the tarball, and "make bench-python".
##
## The package itself is pure Python and is installed by packagers from
## python/pyproject.toml (setuptools); "make install" does not touch it.

mitch_python_package = \
	python/mitch/__init__.py \
	python/mitch/_buffer.py \
	python/mitch/_convert.py \
	python/mitch/_diagnose.py \
	python/mitch/_ffi.py \
	python/mitch/_loader.py \
	python/mitch/_record.py \
	python/mitch/_text.py \
	python/mitch/_version.py \
	python/mitch/aio.py \
	python/mitch/bins.py \
	python/mitch/bodies.py \
	python/mitch/book.py \
	python/mitch/bulk.py \
	python/mitch/capture.py \
	python/mitch/codec.py \
	python/mitch/conformance.py \
	python/mitch/dtypes.py \
	python/mitch/enums.py \
	python/mitch/exceptions.py \
	python/mitch/flat.py \
	python/mitch/ids.py \
	python/mitch/layouts.py \
	python/mitch/py.typed \
	python/mitch/redis.py \
	python/mitch/registry.py \
	python/mitch/types.py

mitch_python_tests = \
	python/tests/conftest.py \
	python/tests/test_aio.py \
	python/tests/test_bodies.py \
	python/tests/test_bulk.py \
	python/tests/test_capture.py \
	python/tests/test_conformance.py \
	python/tests/test_conversions.py \
	python/tests/test_hostile_sweep.py \
	python/tests/test_ids.py \
	python/tests/test_layout.py \
	python/tests/test_loading.py \
	python/tests/test_memory_safety.py \
	python/tests/test_messages.py \
	python/tests/test_misuse.py \
	python/tests/test_order_book.py \
	python/tests/test_package.py \
	python/tests/test_record.py \
	python/tests/test_registry.py \
	python/tests/test_table.py \
	python/tests/test_threads.py \
	python/tests/test_typing.py \
	python/tests/test_vectors.py

mitch_python_other = \
	python/.gitignore \
	python/README.md \
	python/build-wheel.sh \
	python/ci-venv.sh \
	python/pristine-no-numpy.sh \
	python/pristine-wheel.sh \
	python/pyproject.toml \
	python/run-pytest.sh.in \
	python/run-conformance.sh.in \
	python/examples/quickstart.py \
	python/bench/bench_python.py \
	python/bench/c_baseline.c

EXTRA_DIST += $(mitch_python_package) $(mitch_python_tests) $(mitch_python_other)

# The test drivers know this build's Python, compiler and directories.
python/run-pytest.sh python/run-conformance.sh: python/%.sh: $(srcdir)/python/%.sh.in Makefile
	$(AM_V_GEN)$(MKDIR_P) python && \
	$(SED) -e 's|[@]abs_top_srcdir[@]|$(abs_top_srcdir)|g' \
	       -e 's|[@]abs_top_builddir[@]|$(abs_top_builddir)|g' \
	       -e 's|[@]PYTHON[@]|$(PYTHON)|g' \
	       -e 's|[@]CC[@]|$(CC)|g' \
	       $(srcdir)/python/$*.sh.in > $@-t && \
	chmod +x $@-t && mv -f $@-t $@
CLEANFILES += python/run-pytest.sh python/run-conformance.sh

# Only when configure found pytest for $(PYTHON), which it never does when
# cross compiling (the host's library cannot be loaded here).  The
# conformance runner needs no pytest, only the Python and a native build.
if HAVE_PYTEST
check_SCRIPTS = python/run-pytest.sh python/run-conformance.sh
TESTS += python/run-pytest.sh python/run-conformance.sh
endif

# The C side of the Python benchmark: what each call costs without ctypes.
# Built only by "make bench-python".
EXTRA_PROGRAMS = python/bench/c_baseline
CLEANFILES += python/bench/c_baseline$(EXEEXT)
python_bench_c_baseline_SOURCES = python/bench/c_baseline.c
python_bench_c_baseline_LDADD = lib/libmitch.la
python_bench_c_baseline_LDFLAGS = -no-install

# Per-call overhead over C and bulk numpy decode (see the script's --help).
bench-python: python/bench/c_baseline$(EXEEXT) lib/libmitch.la
	. ./lib/libmitch.la && \
	MITCH_LIBRARY="$(abs_top_builddir)/lib/.libs/$$dlname" \
	PYTHONPATH="$(abs_top_srcdir)/python" PYTHONDONTWRITEBYTECODE=1 \
	$(PYTHON) $(srcdir)/python/bench/bench_python.py \
	  --c-baseline ./python/bench/c_baseline$(EXEEXT) $(BENCH_PYTHON_ARGS)
.PHONY: bench-python
