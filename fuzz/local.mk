## fuzz/local.mk
