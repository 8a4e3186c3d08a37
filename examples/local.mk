## examples/local.mk - the examples the README shows, built and run by
## make check so the README stays true.

EXTRA_DIST += examples/quickstart.c examples/quickstart.expected \
	examples/run-example.sh examples/check-readme.sh

check_PROGRAMS += examples/quickstart
examples_quickstart_SOURCES = examples/quickstart.c
examples_quickstart_LDADD = lib/libmitch.la
examples_quickstart_LDFLAGS = -no-install
TESTS += examples/quickstart.sh examples/check-readme.sh
CLEANFILES += examples/quickstart.sh

# A one-line driver per example, so the harness runs it through
# run-example.sh and compares the output.
examples/quickstart.sh: Makefile
	$(AM_V_GEN)$(MKDIR_P) examples && \
	printf '#!/bin/sh\nexec $(SHELL) "$${srcdir:-.}/examples/run-example.sh" examples/quickstart$(EXEEXT)\n' > $@ && chmod +x $@
