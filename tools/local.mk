## tools/local.mk - the mitch command-line tool (being written).
