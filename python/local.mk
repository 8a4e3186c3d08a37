## python/local.mk
