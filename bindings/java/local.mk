## bindings/java/local.mk - the Java binding (JNI): the glue libmitch-jni,
## mitch.jar (the module io.github.mitchprotocol.mitch with the glue inside),
## the runnable mitch-conformance.jar, and their tests in "make check".
##
## Everything is built in the build tree (the source tree may be read-only):
##   bindings/java/classes/       the module's classes (javac --release 17)
##   bindings/java/jni-headers/   javac -h's header, which the glue includes,
##                                so C and Java cannot disagree on a signature
##   bindings/java/.libs/         libmitch-jni.so (libtool)
##   bindings/java/mitch.jar, bindings/java/mitch-conformance.jar
## bindings/java/pom.xml builds the same sources with Maven (ci-extra.sh).

mitch_java_main = \
	bindings/java/main/module-info.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Asset.java \
	bindings/java/main/io/github/mitchprotocol/mitch/AssetClass.java \
	bindings/java/main/io/github/mitchprotocol/mitch/AssetMatch.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Bin.java \
	bindings/java/main/io/github/mitchprotocol/mitch/BinAggregator.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Bins.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Body.java \
	bindings/java/main/io/github/mitchprotocol/mitch/BookSide.java \
	bindings/java/main/io/github/mitchprotocol/mitch/BookTotals.java \
	bindings/java/main/io/github/mitchprotocol/mitch/BufferTooSmallException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Capture.java \
	bindings/java/main/io/github/mitchprotocol/mitch/CaptureColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Channel.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Check.java \
	bindings/java/main/io/github/mitchprotocol/mitch/ClassInfo.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Codec.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Columns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/ErrorDetail.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Errors.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Header.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Index.java \
	bindings/java/main/io/github/mitchprotocol/mitch/IndexColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/IndexMetrics.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InstrumentType.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InvalidChannelIdException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InvalidDataException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InvalidFieldValueException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InvalidMessageTypeException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/InvalidTickerIdException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Library.java \
	bindings/java/main/io/github/mitchprotocol/mitch/LibraryLoadException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Message.java \
	bindings/java/main/io/github/mitchprotocol/mitch/MessageType.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Messages.java \
	bindings/java/main/io/github/mitchprotocol/mitch/MitchException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Native.java \
	bindings/java/main/io/github/mitchprotocol/mitch/NativeLoader.java \
	bindings/java/main/io/github/mitchprotocol/mitch/NotFoundException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Order.java \
	bindings/java/main/io/github/mitchprotocol/mitch/OrderBook.java \
	bindings/java/main/io/github/mitchprotocol/mitch/OrderBookColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/OrderColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/OrderType.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Provider.java \
	bindings/java/main/io/github/mitchprotocol/mitch/ProviderMatch.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Region.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Registry.java \
	bindings/java/main/io/github/mitchprotocol/mitch/SerializationException.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Side.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Status.java \
	bindings/java/main/io/github/mitchprotocol/mitch/StreamInfo.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Text.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Tick.java \
	bindings/java/main/io/github/mitchprotocol/mitch/TickColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/TickMetrics.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Ticker.java \
	bindings/java/main/io/github/mitchprotocol/mitch/TickerFields.java \
	bindings/java/main/io/github/mitchprotocol/mitch/TickerId.java \
	bindings/java/main/io/github/mitchprotocol/mitch/Trade.java \
	bindings/java/main/io/github/mitchprotocol/mitch/TradeColumns.java \
	bindings/java/main/io/github/mitchprotocol/mitch/UnknownStatusException.java

mitch_java_conformance = \
	bindings/java/runner/io/github/mitchprotocol/mitch/conformance/Conformance.java \
	bindings/java/runner/io/github/mitchprotocol/mitch/conformance/HexFloat.java

mitch_java_tests = \
	bindings/java/junit/io/github/mitchprotocol/mitch/BodiesTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/CaptureTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/CheckJniTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/CheckJniWorkload.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/ConformanceTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/HostileInputTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/Json.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/LayoutTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/LoadingTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/ModuleTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/RegistryTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/SweepTest.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/TestEnv.java \
	bindings/java/junit/io/github/mitchprotocol/mitch/ThreadsTest.java

mitch_java_glue = \
	bindings/java/jni/mitch_jni.h \
	bindings/java/jni/region.c \
	bindings/java/jni/bodies.c \
	bindings/java/jni/columns.c \
	bindings/java/jni/stream.c \
	bindings/java/jni/values.c \
	bindings/java/jni/registry.c \
	bindings/java/jni/api11.c

mitch_java_check_scripts = \
	bindings/java/tests/junit.sh \
	bindings/java/tests/conformance.sh \
	bindings/java/tests/example.sh \
	bindings/java/tests/javadoc.sh \
	bindings/java/tests/sources.sh

EXTRA_DIST += $(mitch_java_main) $(mitch_java_conformance) $(mitch_java_tests) \
	$(mitch_java_check_scripts) \
	bindings/java/README.md \
	bindings/java/pom.xml \
	bindings/java/ci-extra.sh \
	bindings/java/test-env.sh.in \
	bindings/java/examples/Quickstart.java \
	bindings/java/examples/Quickstart.expected \
	bindings/java/bench/Bench.java \
	bindings/java/bench/c_baseline.c \
	m4/mitch_jvm.m4

# The glue: built when configure found a JDK (HAVE_JAVA implies bindings
# enabled); installed where Debian keeps JNI libraries ($(libdir)/jni, on
# java.library.path), the jar beside the distribution's other jars.
bindings_java_libmitch_jni_la_SOURCES = $(mitch_java_glue)
bindings_java_libmitch_jni_la_CPPFLAGS = $(AM_CPPFLAGS) $(JNI_CPPFLAGS) \
	-I$(top_builddir)/bindings/java/jni-headers
bindings_java_libmitch_jni_la_CFLAGS = $(AM_CFLAGS) $(MITCH_LIB_CFLAGS)
# libmitch is linked by the linker itself (-Wl,...), not through libtool
# (lib/libmitch.la, or -L/-l that libtool resolves to it): libtool would
# write this build tree into the glue's RUNPATH, and the copy inside
# mitch.jar must find libmitch the way the loader documents (MITCH_LIBRARY,
# already loaded under its soname, or the system's search path), never a
# build directory that happens to exist.
bindings_java_libmitch_jni_la_LDFLAGS = -module -avoid-version -shared -no-undefined \
	-Wl,-L$(top_builddir)/lib/.libs
bindings_java_libmitch_jni_la_LIBADD = $(JNI_LINK_MITCH)
bindings_java_libmitch_jni_la_DEPENDENCIES = lib/libmitch.la

if HAVE_JAVA
jnidir = $(libdir)/jni
jni_LTLIBRARIES = bindings/java/libmitch-jni.la
mitchjardir = $(datadir)/java
mitchjar_DATA = bindings/java/mitch.jar
all-local: bindings/java/mitch-conformance.jar
clean-local: mitch-java-clean
endif

# The module's classes, and the JNI header generated from Native.java.
bindings/java/classes.stamp: $(mitch_java_main)
	$(AM_V_GEN)rm -rf bindings/java/classes bindings/java/jni-headers && \
	$(MKDIR_P) bindings/java/classes bindings/java/jni-headers && \
	for f in $(mitch_java_main); do echo "$(srcdir)/$$f"; done > $@.args && \
	$(JAVAC) --release 17 -encoding UTF-8 -Xlint:all -Werror \
	  -d bindings/java/classes -h bindings/java/jni-headers @$@.args && \
	rm -f $@.args && touch $@
bindings/java/jni-headers/io_github_mitchprotocol_mitch_Native.h: bindings/java/classes.stamp
	@:
$(bindings_java_libmitch_jni_la_OBJECTS): bindings/java/jni-headers/io_github_mitchprotocol_mitch_Native.h

# mitch.jar: the classes and, for this platform, the glue as a resource
# (where NativeLoader looks for it: it prints the path itself).
bindings/java/mitch.jar: bindings/java/classes.stamp bindings/java/libmitch-jni.la
	$(AM_V_GEN)rm -rf bindings/java/native-stage && \
	resource=`$(JAVA) -cp bindings/java/classes io.github.mitchprotocol.mitch.NativeLoader` && \
	$(MKDIR_P) "bindings/java/native-stage`dirname $$resource`" && \
	dlname= && . bindings/java/libmitch-jni.la && \
	cp "bindings/java/.libs/$$dlname" "bindings/java/native-stage$$resource" && \
	$(JAR) --create --file $@-t -C bindings/java/classes . -C bindings/java/native-stage . && \
	rm -rf bindings/java/native-stage && mv -f $@-t $@

# The runnable conformance jar: the runner, the library's classes (not as
# a module: it runs from the class path) and the glue.  Its manifest grants
# the class path native access (JDK 22+ reads it; 17 ignores it), so JDK 24+
# runs it without the restricted-method warning.
bindings/java/mitch-conformance.jar: bindings/java/mitch.jar $(mitch_java_conformance)
	$(AM_V_GEN)rm -rf bindings/java/conformance-stage && \
	$(MKDIR_P) bindings/java/conformance-stage && \
	cd bindings/java/conformance-stage && $(JAR) --extract --file ../mitch.jar && \
	rm -f module-info.class && cd "$(abs_top_builddir)" && \
	for f in $(mitch_java_conformance); do echo "$(srcdir)/$$f"; done > $@.args && \
	$(JAVAC) --release 17 -encoding UTF-8 -Xlint:all -Werror \
	  -cp bindings/java/classes -d bindings/java/conformance-stage @$@.args && \
	printf 'Enable-Native-Access: ALL-UNNAMED\n' > $@.manifest && \
	$(JAR) --create --file $@-t --manifest $@.manifest \
	  --main-class io.github.mitchprotocol.mitch.conformance.Conformance \
	  -C bindings/java/conformance-stage . && \
	rm -rf bindings/java/conformance-stage $@.args $@.manifest && mv -f $@-t $@

# Test classes (JUnit 5 from Debian's junit5: its console launcher jar
# carries the API), the conformance runner included.
bindings/java/test-classes.stamp: bindings/java/classes.stamp $(mitch_java_tests) \
		$(mitch_java_conformance)
	$(AM_V_GEN)rm -rf bindings/java/test-classes && $(MKDIR_P) bindings/java/test-classes && \
	for f in $(mitch_java_tests) $(mitch_java_conformance); do echo "$(srcdir)/$$f"; done > $@.args && \
	$(JAVAC) --release 17 -encoding UTF-8 -Xlint:all -Werror \
	  -cp "bindings/java/classes:$(JUNIT5_CONSOLE)" -d bindings/java/test-classes @$@.args && \
	rm -f $@.args && touch $@

# What the test scripts need besides AM_TESTS_ENVIRONMENT.
bindings/java/test-env.sh: $(srcdir)/bindings/java/test-env.sh.in Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings/java && \
	$(SED) -e 's|[@]abs_top_srcdir[@]|$(abs_top_srcdir)|g' \
	       -e 's|[@]abs_top_builddir[@]|$(abs_top_builddir)|g' \
	       -e 's|[@]JAVA[@]|$(JAVA)|g' \
	       -e 's|[@]JAVAC[@]|$(JAVAC)|g' \
	       -e 's|[@]JAVADOC[@]|$(JAVADOC)|g' \
	       -e 's|[@]JUNIT5_CONSOLE[@]|$(JUNIT5_CONSOLE)|g' \
	       -e 's|[@]VERSION[@]|$(VERSION)|g' \
	       $(srcdir)/bindings/java/test-env.sh.in > $@-t && mv -f $@-t $@

if HAVE_JUNIT5
TESTS += $(mitch_java_check_scripts)
# Each script runs after everything it uses is built.
$(mitch_java_check_scripts:.sh=.log): bindings/java/test-env.sh bindings/java/mitch.jar \
	bindings/java/mitch-conformance.jar bindings/java/test-classes.stamp
endif

mitch-java-clean:
	-rm -rf bindings/java/classes bindings/java/jni-headers bindings/java/test-classes \
	  bindings/java/native-stage bindings/java/conformance-stage bindings/java/maven \
	  bindings/java/javadoc bindings/java/tests/work
	-rm -f bindings/java/*.stamp bindings/java/*.stamp.args bindings/java/*.jar \
	  bindings/java/*.jar-t bindings/java/test-env.sh
.PHONY: mitch-java-clean

# The Java benchmark beside its C baseline (make bench-java; see bench/Bench.java).
# The baseline program serves the C# benchmark too (same work, see its header).
EXTRA_PROGRAMS += bindings/java/bench/c_baseline
CLEANFILES += bindings/java/bench/c_baseline$(EXEEXT)
bindings_java_bench_c_baseline_SOURCES = bindings/java/bench/c_baseline.c
bindings_java_bench_c_baseline_LDADD = lib/libmitch.la
bindings_java_bench_c_baseline_LDFLAGS = -no-install
bench-java: bindings/java/bench/c_baseline$(EXEEXT) bindings/java/mitch.jar
	$(MKDIR_P) bindings/java/bench-classes && \
	$(JAVAC) --release 17 -cp bindings/java/mitch.jar -d bindings/java/bench-classes \
	  $(srcdir)/bindings/java/bench/Bench.java && \
	MITCH_LIBRARY="$(abs_top_builddir)/lib/.libs/libmitch.so.1" \
	$(JAVA) -cp "bindings/java/mitch.jar:bindings/java/bench-classes" Bench \
	  --c-baseline ./bindings/java/bench/c_baseline$(EXEEXT) $(BENCH_JAVA_ARGS)
.PHONY: bench-java
