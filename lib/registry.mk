## lib/registry.mk - the registry and symbol resolution (issue 3).

lib_libmitch_la_SOURCES += \
	lib/registry.h \
	lib/registry_rules.h \
	lib/registry.c \
	lib/name_key.c \
	lib/normalize.c \
	lib/similarity.c \
	lib/key_index.c \
	lib/clean.c \
	lib/split.c \
	lib/resolve_steps.c \
	lib/resolve_asset.c \
	lib/resolve_ticker.c \
	lib/provider.c \
	lib/registry_flat.c

# The registry tables, generated from data/ in every build by
# tools/gen-registry, a C program built for and run on the build machine
# (CC_FOR_BUILD: also in cross builds; m4/mitch_registry.m4).  It compiles
# lib/name_key.c and lib/registry_rules.h, the same key rule, hash,
# character masks and candidate order the library uses at lookup.  A build
# needs no Python for them, so the tables are not shipped in the tarball.
nodist_lib_libmitch_la_SOURCES = lib/registry_data.c
EXTRA_DIST += \
	doc/registry.md \
	data/README.md \
	data/asset-classes.tsv \
	data/instrument-types.tsv \
	data/assets.tsv \
	data/providers.tsv \
	tools/gen-registry.c \
	m4/mitch_registry.m4

registry_data_files = $(srcdir)/data/asset-classes.tsv $(srcdir)/data/instrument-types.tsv \
	$(srcdir)/data/assets.tsv $(srcdir)/data/providers.tsv
registry_gen = tools/gen-registry$(BUILD_EXEEXT)
registry_gen_sources = $(srcdir)/tools/gen-registry.c $(srcdir)/lib/name_key.c
# The project's warnings were checked against $(CC): natively that is the
# build compiler too.
if CROSS_COMPILING
registry_gen_cflags =
else
registry_gen_cflags = $(MITCH_CFLAGS) $(MITCH_WARN_CFLAGS)
endif
CLEANFILES += lib/registry_data.c $(registry_gen)

$(registry_gen): $(registry_gen_sources) $(srcdir)/lib/registry_rules.h \
		$(srcdir)/lib/protocol_limits.h $(srcdir)/include/mitch.h
	$(AM_V_CCLD)$(MKDIR_P) tools && \
	$(CC_FOR_BUILD) $(registry_gen_cflags) -I$(srcdir)/include -I$(srcdir)/lib \
	  $(CPPFLAGS_FOR_BUILD) $(CFLAGS_FOR_BUILD) $(LDFLAGS_FOR_BUILD) \
	  -o $@ $(registry_gen_sources)

lib/registry_data.c: $(registry_gen) $(registry_data_files)
	$(AM_V_GEN)$(MKDIR_P) lib && \
	./$(registry_gen) $(srcdir)/data > $@-t && mv -f $@-t $@
