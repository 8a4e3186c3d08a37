## lib/registry.mk
