package mitch

/*
#include "glue.h"
*/
import "C"

import "fmt"

// Version is the version of the library loaded ("1.1.0").
func Version() string { return C.GoString(C.mitch_get_version()) }

// VersionNumber is (major << 16) | (minor << 8) | patch of the library loaded.
func VersionNumber() uint { return uint(C.mitch_get_version_number()) }

// ProtocolVersion is the version of the MITCH wire protocol it speaks.
func ProtocolVersion() string { return C.GoString(C.mitch_get_protocol_version()) }

// HeaderVersion is the version of mitch.h this package was compiled with.
const HeaderVersion = C.MITCH_VERSION_STRING

// LibraryFile is the file the library was loaded from ("" where the
// platform cannot say).
func LibraryFile() string { return C.GoString(C.mitchgo_library_file()) }

// CheckLibrary refuses a library of another major version than the header
// the package was built with, or an older one, naming both and the file.
func CheckLibrary() error {
	loaded := uint(C.mitch_get_version_number())
	built := uint(C.MITCH_VERSION_NUMBER)
	if loaded>>16 == built>>16 && loaded >= built {
		return nil
	}
	return &Error{Status: StatusInvalidData, Op: "CheckLibrary",
		Text: fmt.Sprintf("libmitch %s is loaded from %q, but this package was built with mitch.h %s "+
			"(it needs %d.x, at least %s): install the matching libmitch1, or point the loader at it",
			Version(), LibraryFile(), HeaderVersion, built>>16, HeaderVersion)}
}

// The package refuses to run against a library it does not fit: every
// call would otherwise be a guess.
func init() {
	if err := CheckLibrary(); err != nil {
		panic(err)
	}
}
