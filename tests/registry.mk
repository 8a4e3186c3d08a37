## tests/registry.mk - Check tests of the registry and symbol resolution
## (issue 3).  They use the helpers and flags of tests/local.mk; the
## vectors come from $(MITCH_VECTORS_DIR), the shared reference for the
## drift test from $(MITCH_SHARED_DIR) (AM_TESTS_ENVIRONMENT sets both).

if HAVE_CHECK
registry_check_programs = \
	tests/check_similarity \
	tests/check_registry \
	tests/check_registry_drift \
	tests/check_resolve \
	tests/check_resolve_vectors \
	tests/check_resolve_fuzzy \
	tests/check_resolve_rules \
	tests/check_provider
if HAVE_PTHREAD
registry_check_programs += tests/check_registry_thread
endif
check_PROGRAMS += $(registry_check_programs)
TESTS += $(registry_check_programs)

tests_check_similarity_SOURCES = tests/check_similarity.c
tests_check_similarity_CFLAGS = $(mitch_check_cflags)
tests_check_similarity_LDADD = $(mitch_check_ldadd)
tests_check_similarity_LDFLAGS = $(mitch_check_ldflags)

tests_check_registry_SOURCES = tests/check_registry.c
tests_check_registry_CFLAGS = $(mitch_check_cflags)
tests_check_registry_LDADD = $(mitch_check_ldadd)
tests_check_registry_LDFLAGS = $(mitch_check_ldflags)

tests_check_registry_drift_SOURCES = tests/check_registry_drift.c
tests_check_registry_drift_CPPFLAGS = $(AM_CPPFLAGS) \
	-DDRIFT_DEFAULT_SHARED_DIR='"$(abs_top_srcdir)/../shared"'
tests_check_registry_drift_CFLAGS = $(mitch_check_cflags)
tests_check_registry_drift_LDADD = $(mitch_check_ldadd)
tests_check_registry_drift_LDFLAGS = $(mitch_check_ldflags)

tests_check_resolve_SOURCES = tests/check_resolve.c
tests_check_resolve_CFLAGS = $(mitch_check_cflags)
tests_check_resolve_LDADD = $(mitch_check_ldadd)
tests_check_resolve_LDFLAGS = $(mitch_check_ldflags)

tests_check_resolve_vectors_SOURCES = tests/check_resolve_vectors.c
tests_check_resolve_vectors_CFLAGS = $(mitch_check_cflags)
tests_check_resolve_vectors_LDADD = $(mitch_check_ldadd)
tests_check_resolve_vectors_LDFLAGS = $(mitch_check_ldflags)

tests_check_resolve_fuzzy_SOURCES = tests/check_resolve_fuzzy.c
tests_check_resolve_fuzzy_CFLAGS = $(mitch_check_cflags)
tests_check_resolve_fuzzy_LDADD = $(mitch_check_ldadd)
tests_check_resolve_fuzzy_LDFLAGS = $(mitch_check_ldflags)

tests_check_resolve_rules_SOURCES = tests/check_resolve_rules.c
tests_check_resolve_rules_CFLAGS = $(mitch_check_cflags)
tests_check_resolve_rules_LDADD = $(mitch_check_ldadd)
tests_check_resolve_rules_LDFLAGS = $(mitch_check_ldflags)

tests_check_provider_SOURCES = tests/check_provider.c
tests_check_provider_CFLAGS = $(mitch_check_cflags)
tests_check_provider_LDADD = $(mitch_check_ldadd)
tests_check_provider_LDFLAGS = $(mitch_check_ldflags)

tests_check_registry_thread_SOURCES = tests/check_registry_thread.c
tests_check_registry_thread_CFLAGS = $(mitch_check_cflags) $(PTHREAD_CFLAGS)
tests_check_registry_thread_LDADD = $(mitch_check_ldadd) $(PTHREAD_LIBS)
tests_check_registry_thread_LDFLAGS = $(mitch_check_ldflags) $(PTHREAD_CFLAGS)
endif

# The registry subcommands of the mitch tool (native builds: the script
# runs the tool directly).
EXTRA_DIST += tests/registry-cli.sh
if !CROSS_COMPILING
TESTS += tests/registry-cli.sh
endif

# The table generator's refusals (a build-machine program: every build).
EXTRA_DIST += tests/registry-gen.sh
TESTS += tests/registry-gen.sh
