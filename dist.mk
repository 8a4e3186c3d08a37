## dist.mk
