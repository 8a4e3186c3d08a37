package mitch

// The build flags of the whole package: pkg-config finds libmitch (the
// installed one, or a build tree's mitch-uninstalled.pc through
// PKG_CONFIG_PATH); dladdr, which names the library file in version
// errors, lives in libdl on older glibc.

/*
#cgo pkg-config: mitch
#cgo linux LDFLAGS: -ldl
#include "glue.h"
*/
import "C"
