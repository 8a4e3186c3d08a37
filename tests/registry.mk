## tests/registry.mk
