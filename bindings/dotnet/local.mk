## bindings/dotnet/local.mk - the C# binding (P/Invoke, C# 7.2): Mitch.dll
## and mitch-conformance.exe built with Mono's mcs, the NUnit 2.6 suite in
## "make check".  Everything is built in the build tree.  The SDK-style
## src/Mitch/Mitch.csproj (for .NET users) lists the same files; a test
## keeps the two lists equal.

mitch_dotnet_sources = \
	bindings/dotnet/src/Mitch/AssemblyInfo.cs \
	bindings/dotnet/src/Mitch/Bodies.cs \
	bindings/dotnet/src/Mitch/BodiesSupport.cs \
	bindings/dotnet/src/Mitch/Derived.cs \
	bindings/dotnet/src/Mitch/Enums.cs \
	bindings/dotnet/src/Mitch/Exceptions.cs \
	bindings/dotnet/src/Mitch/Ids.cs \
	bindings/dotnet/src/Mitch/Library.cs \
	bindings/dotnet/src/Mitch/Loader.cs \
	bindings/dotnet/src/Mitch/Messages.cs \
	bindings/dotnet/src/Mitch/Native.cs \
	bindings/dotnet/src/Mitch/NativeStructs.cs \
	bindings/dotnet/src/Mitch/Registry.cs \
	bindings/dotnet/src/Mitch/Status.cs \
	bindings/dotnet/src/Mitch/Utf8.cs

mitch_dotnet_conformance = \
	bindings/dotnet/conformance/Conformance.cs \
	bindings/dotnet/conformance/HexFloat.cs

mitch_dotnet_tests = \
	bindings/dotnet/tests/BodiesTests.cs \
	bindings/dotnet/tests/CaptureTests.cs \
	bindings/dotnet/tests/ConformanceTests.cs \
	bindings/dotnet/tests/Json.cs \
	bindings/dotnet/tests/LayoutTests.cs \
	bindings/dotnet/tests/LoadingTests.cs \
	bindings/dotnet/tests/RegistryTests.cs \
	bindings/dotnet/tests/SweepTests.cs \
	bindings/dotnet/tests/TestEnv.cs \
	bindings/dotnet/tests/ThreadTests.cs

mitch_dotnet_check_scripts = \
	bindings/dotnet/tests/nunit.sh \
	bindings/dotnet/tests/conformance.sh \
	bindings/dotnet/tests/example.sh \
	bindings/dotnet/tests/csproj.sh

EXTRA_DIST += $(mitch_dotnet_sources) $(mitch_dotnet_conformance) $(mitch_dotnet_tests) \
	$(mitch_dotnet_check_scripts) \
	bindings/dotnet/README.md \
	bindings/dotnet/ci-extra.sh \
	bindings/dotnet/test-env.sh.in \
	bindings/dotnet/src/Mitch/Mitch.csproj \
	bindings/dotnet/src/Mitch/Mitch.dll.config \
	bindings/dotnet/tests/LoadProbe.cs \
	bindings/dotnet/examples/Quickstart.cs \
	bindings/dotnet/examples/Quickstart.expected \
	bindings/dotnet/bench/Bench.cs

# mcs flags: C# 7.2 as Debian's Mono 6.8 has it, warnings are errors, and
# -doc makes a missing documentation comment on a public member a warning.
MITCH_MCS_FLAGS = -langversion:7.2 -unsafe -warn:4 -warnaserror -nologo

# Each rule lists its sources in a response file (srcdir-relative paths;
# the build tree may be elsewhere).
bindings/dotnet/Mitch.dll: $(mitch_dotnet_sources)
	$(AM_V_GEN)$(MKDIR_P) bindings/dotnet && \
	for f in $(mitch_dotnet_sources); do echo "$(srcdir)/$$f"; done > $@.rsp && \
	$(MCS) $(MITCH_MCS_FLAGS) -target:library -doc:bindings/dotnet/Mitch.xml -out:$@ @$@.rsp && \
	rm -f $@.rsp

bindings/dotnet/Mitch.dll.config: $(srcdir)/bindings/dotnet/src/Mitch/Mitch.dll.config
	$(AM_V_GEN)$(MKDIR_P) bindings/dotnet && cp $(srcdir)/bindings/dotnet/src/Mitch/Mitch.dll.config $@

bindings/dotnet/mitch-conformance.exe: bindings/dotnet/Mitch.dll $(mitch_dotnet_conformance)
	$(AM_V_GEN)for f in $(mitch_dotnet_conformance); do echo "$(srcdir)/$$f"; done > $@.rsp && \
	$(MCS) $(MITCH_MCS_FLAGS) -r:bindings/dotnet/Mitch.dll -r:System.Core -out:$@ @$@.rsp && \
	rm -f $@.rsp

# The tests compile the conformance runner in too (ConformanceTests).
bindings/dotnet/Mitch.Tests.dll: bindings/dotnet/Mitch.dll $(mitch_dotnet_tests) $(mitch_dotnet_conformance)
	$(AM_V_GEN)for f in $(mitch_dotnet_tests) $(mitch_dotnet_conformance); do echo "$(srcdir)/$$f"; done > $@.rsp && \
	$(MCS) $(MITCH_MCS_FLAGS) -target:library -r:bindings/dotnet/Mitch.dll -r:System.Core \
	  -r:$(NUNIT_FRAMEWORK) -out:$@ @$@.rsp && \
	rm -f $@.rsp

bindings/dotnet/load-probe.exe: bindings/dotnet/Mitch.dll $(srcdir)/bindings/dotnet/tests/LoadProbe.cs
	$(AM_V_GEN)$(MCS) $(MITCH_MCS_FLAGS) -r:bindings/dotnet/Mitch.dll -out:$@ \
	  $(srcdir)/bindings/dotnet/tests/LoadProbe.cs

bindings/dotnet/Quickstart.exe: bindings/dotnet/Mitch.dll $(srcdir)/bindings/dotnet/examples/Quickstart.cs
	$(AM_V_GEN)$(MCS) $(MITCH_MCS_FLAGS) -r:bindings/dotnet/Mitch.dll -out:$@ \
	  $(srcdir)/bindings/dotnet/examples/Quickstart.cs

bindings/dotnet/test-env.sh: $(srcdir)/bindings/dotnet/test-env.sh.in Makefile
	$(AM_V_GEN)$(MKDIR_P) bindings/dotnet && \
	$(SED) -e 's|[@]abs_top_srcdir[@]|$(abs_top_srcdir)|g' \
	       -e 's|[@]abs_top_builddir[@]|$(abs_top_builddir)|g' \
	       -e 's|[@]MONO[@]|$(MONO)|g' \
	       -e 's|[@]NUNIT_CONSOLE[@]|$(NUNIT_CONSOLE)|g' \
	       -e 's|[@]VERSION[@]|$(VERSION)|g' \
	       $(srcdir)/bindings/dotnet/test-env.sh.in > $@-t && mv -f $@-t $@

if HAVE_MONO
all-local: bindings/dotnet/Mitch.dll bindings/dotnet/Mitch.dll.config \
	bindings/dotnet/mitch-conformance.exe
clean-local: mitch-dotnet-clean
if HAVE_NUNIT
TESTS += $(mitch_dotnet_check_scripts)
$(mitch_dotnet_check_scripts:.sh=.log): bindings/dotnet/test-env.sh bindings/dotnet/Mitch.dll \
	bindings/dotnet/Mitch.dll.config bindings/dotnet/mitch-conformance.exe \
	bindings/dotnet/Mitch.Tests.dll bindings/dotnet/load-probe.exe bindings/dotnet/Quickstart.exe
endif
endif

mitch-dotnet-clean:
	-rm -f bindings/dotnet/*.dll bindings/dotnet/*.exe bindings/dotnet/*.exe.mdb bindings/dotnet/*.rsp \
	  bindings/dotnet/Mitch.xml bindings/dotnet/Mitch.dll.config bindings/dotnet/test-env.sh
	-rm -rf bindings/dotnet/tests/work
.PHONY: mitch-dotnet-clean

# The C# benchmark beside its C baseline (make bench-dotnet); the baseline
# program is the Java benchmark's, which does the C# binding's work too.
bench-dotnet: bindings/java/bench/c_baseline$(EXEEXT) bindings/dotnet/Mitch.dll \
		bindings/dotnet/Mitch.dll.config
	$(MCS) $(MITCH_MCS_FLAGS) -optimize+ -r:bindings/dotnet/Mitch.dll -out:bindings/dotnet/bench.exe \
	  $(srcdir)/bindings/dotnet/bench/Bench.cs && \
	MITCH_LIBRARY="$(abs_top_builddir)/lib/.libs/libmitch.so.1" \
	$(MONO) bindings/dotnet/bench.exe --c-baseline ./bindings/java/bench/c_baseline$(EXEEXT) \
	  $(BENCH_DOTNET_ARGS)
.PHONY: bench-dotnet
