## bindings/cpp/local.mk - the C++ binding: include/mitch.hpp (installed
## beside mitch.h, header-only), its CMake package (find_package(mitch),
## installed beside mitch.pc), its tests and its conformance runner.
##
## The header and the CMake files are installed in every configuration
## (packages and cross builds configure with --disable-bindings and still
## ship them); the programs need a C++17 compiler and the bindings enabled.

include_HEADERS += include/mitch.hpp

# find_package(mitch): LIBDIR/cmake/mitch, generated so that it finds the
# installed tree from its own place (DESTDIR installs, the Windows zip).
cmakeconfigdir = $(libdir)/cmake/mitch
cmakeconfig_DATA = bindings/cpp/mitch-config.cmake bindings/cpp/mitch-config-version.cmake
CLEANFILES += $(cmakeconfig_DATA)
mitch_cmake_gen = $(SHELL) $(srcdir)/bindings/cpp/gen-cmake-config.sh '$(prefix)' '$(libdir)' \
	'$(includedir)' '$(bindir)' '$(PACKAGE_VERSION)' '$(MITCH_SIZEOF_VOID_P)'
bindings/cpp/mitch-config.cmake: $(srcdir)/bindings/cpp/mitch-config.cmake.in \
		$(srcdir)/bindings/cpp/gen-cmake-config.sh Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings/cpp && \
	$(mitch_cmake_gen) $(srcdir)/bindings/cpp/mitch-config.cmake.in > $@-t && mv -f $@-t $@
bindings/cpp/mitch-config-version.cmake: $(srcdir)/bindings/cpp/mitch-config-version.cmake.in \
		$(srcdir)/bindings/cpp/gen-cmake-config.sh Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings/cpp && \
	$(mitch_cmake_gen) $(srcdir)/bindings/cpp/mitch-config-version.cmake.in > $@-t && mv -f $@-t $@

EXTRA_DIST += \
	bindings/cpp/README.md \
	bindings/cpp/ci-extra.sh \
	bindings/cpp/check-cmake-package.sh \
	bindings/cpp/cmake-test/CMakeLists.txt \
	bindings/cpp/cmake-test/main.c \
	bindings/cpp/cmake-test/main.cpp \
	bindings/cpp/conformance.cpp \
	bindings/cpp/conformance.sh \
	bindings/cpp/bench_cpp.cpp \
	bindings/cpp/example.cpp \
	bindings/cpp/example.expected \
	bindings/cpp/example.sh \
	bindings/cpp/gen-cmake-config.sh \
	bindings/cpp/mitch-config.cmake.in \
	bindings/cpp/mitch-config-version.cmake.in \
	bindings/cpp/test_details.cpp \
	bindings/cpp/test_harness.hpp \
	bindings/cpp/test_samples.hpp \
	bindings/cpp/test_layouts.cpp \
	bindings/cpp/test_mitch_hpp.cpp \
	bindings/cpp/test_sweep.cpp \
	bindings/cpp/sweep-complete.sh \
	bindings/cpp/public-api.py \
	m4/mitch_cppgo.m4

# The flags every C++ test build uses; bindings/cpp/ci-extra.sh reads them
# from the Makefile for its builds with the other compiler.
# (One line: ci-extra.sh reads it with sed.)
MITCH_CPP_TEST_CXXFLAGS = -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast -Werror

if ENABLE_BINDINGS
if MITCH_CPP_TESTS
# bindings/cpp/mitch-conformance VECTORS_DIR, built by make.
noinst_PROGRAMS += bindings/cpp/mitch-conformance
bindings_cpp_mitch_conformance_SOURCES = bindings/cpp/conformance.cpp
bindings_cpp_mitch_conformance_CXXFLAGS = -std=c++17 $(MITCH_CPP_TEST_CXXFLAGS)
bindings_cpp_mitch_conformance_LDADD = lib/libmitch.la
bindings_cpp_mitch_conformance_LDFLAGS = -no-install

# The suite, as C++17, as C++17 without exceptions, and as C++20.
mitch_cpp_tests = bindings/cpp/test_mitch_hpp bindings/cpp/test_mitch_hpp_noexcept
# (One line: ci-extra.sh reads it.)
bindings_cpp_test_mitch_hpp_SOURCES = bindings/cpp/test_mitch_hpp.cpp bindings/cpp/test_layouts.cpp bindings/cpp/test_details.cpp bindings/cpp/test_harness.hpp bindings/cpp/test_samples.hpp
bindings_cpp_test_mitch_hpp_CXXFLAGS = -std=c++17 $(MITCH_CPP_TEST_CXXFLAGS) $(PTHREAD_CFLAGS)
bindings_cpp_test_mitch_hpp_LDADD = lib/libmitch.la $(PTHREAD_LIBS)
bindings_cpp_test_mitch_hpp_LDFLAGS = -no-install $(PTHREAD_CFLAGS)
bindings_cpp_test_mitch_hpp_noexcept_SOURCES = $(bindings_cpp_test_mitch_hpp_SOURCES)
bindings_cpp_test_mitch_hpp_noexcept_CXXFLAGS = $(bindings_cpp_test_mitch_hpp_CXXFLAGS) -fno-exceptions
bindings_cpp_test_mitch_hpp_noexcept_LDADD = $(bindings_cpp_test_mitch_hpp_LDADD)
bindings_cpp_test_mitch_hpp_noexcept_LDFLAGS = $(bindings_cpp_test_mitch_hpp_LDFLAGS)
if MITCH_CPP20_TESTS
mitch_cpp_tests += bindings/cpp/test_mitch_hpp20
bindings_cpp_test_mitch_hpp20_SOURCES = $(bindings_cpp_test_mitch_hpp_SOURCES)
bindings_cpp_test_mitch_hpp20_CXXFLAGS = -std=c++20 $(MITCH_CPP_TEST_CXXFLAGS) $(PTHREAD_CFLAGS)
bindings_cpp_test_mitch_hpp20_LDADD = $(bindings_cpp_test_mitch_hpp_LDADD)
bindings_cpp_test_mitch_hpp20_LDFLAGS = $(bindings_cpp_test_mitch_hpp_LDFLAGS)
endif

# The hostile-input sweep: every public name of mitch.hpp, fed hostile
# arguments with a fixed seed per name (see the program's comment).
mitch_cpp_tests += bindings/cpp/test_sweep
bindings_cpp_test_sweep_SOURCES = bindings/cpp/test_sweep.cpp bindings/cpp/test_harness.hpp bindings/cpp/test_samples.hpp
bindings_cpp_test_sweep_CXXFLAGS = -std=c++17 $(MITCH_CPP_TEST_CXXFLAGS)
bindings_cpp_test_sweep_LDADD = lib/libmitch.la
bindings_cpp_test_sweep_LDFLAGS = -no-install

# The README's example, compiled as the README shows it and run.
check_PROGRAMS += $(mitch_cpp_tests) bindings/cpp/example
bindings_cpp_example_SOURCES = bindings/cpp/example.cpp
bindings_cpp_example_CXXFLAGS = -std=c++17 $(MITCH_CPP_TEST_CXXFLAGS)
bindings_cpp_example_LDADD = lib/libmitch.la
bindings_cpp_example_LDFLAGS = -no-install

# sweep-complete.sh: the sweep's table names every public function of
# mitch.hpp (clang++'s AST of the header against test_sweep --covers).
TESTS += $(mitch_cpp_tests) bindings/cpp/conformance.sh bindings/cpp/example.sh \
	bindings/cpp/sweep-complete.sh
endif
endif

# C++ beside C: make bench-cpp (medians of 5 runs, see the program).
EXTRA_PROGRAMS += bindings/cpp/bench_cpp
CLEANFILES += bindings/cpp/bench_cpp$(EXEEXT)
bindings_cpp_bench_cpp_SOURCES = bindings/cpp/bench_cpp.cpp
bindings_cpp_bench_cpp_CXXFLAGS = -std=c++17 -O2
bindings_cpp_bench_cpp_LDADD = lib/libmitch.la
bindings_cpp_bench_cpp_LDFLAGS = -no-install
bench-cpp: bindings/cpp/bench_cpp$(EXEEXT)
	./bindings/cpp/bench_cpp$(EXEEXT) $(BENCH_CPP_ARGS)
.PHONY: bench-cpp
