## lib/registry.mk - the registry and symbol resolution (issue 3).

lib_libmitch_la_SOURCES += \
	lib/registry.h \
	lib/registry.c \
	lib/normalize.c \
	lib/similarity.c \
	lib/key_index.c \
	lib/clean.c \
	lib/resolve_asset.c \
	lib/resolve_ticker.c \
	lib/provider.c \
	lib/registry_flat.c

# The registry tables, generated from data/ by a script that runs on the
# build machine (so cross builds work).  The generated file is listed in
# the sources, so it is shipped in the tarball: a build from the tarball
# needs no Python unless data/ changes.
lib_libmitch_la_SOURCES += lib/registry_data.c
EXTRA_DIST += \
	doc/registry.md \
	data/README.md \
	data/asset-classes.tsv \
	data/instrument-types.tsv \
	data/assets.tsv \
	data/providers.tsv \
	tools/gen-registry.py

lib/registry_data.c: $(srcdir)/data/asset-classes.tsv $(srcdir)/data/instrument-types.tsv \
		$(srcdir)/data/assets.tsv $(srcdir)/data/providers.tsv \
		$(srcdir)/tools/gen-registry.py
	$(AM_V_GEN)$(MKDIR_P) lib && \
	$(PYTHON) $(srcdir)/tools/gen-registry.py $(srcdir)/data > $@-t && mv -f $@-t $@
