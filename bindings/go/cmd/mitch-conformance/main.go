// Command mitch-conformance runs every row of a conformance vector
// directory through the Go binding and prints "N passed, N failed".
//
//	cd bindings/go && PKG_CONFIG_PATH=<build dir> go run ./cmd/mitch-conformance ../../tests/vectors
//
// Failing rows go to stderr as FILE:LINE: why (a line that is not UTF-8,
// is longer than 1 MiB or has another number of cells fails alone, the
// rest of its file is still checked); a file that is missing, unreadable
// or has no rows is one line, FILE: missing / unreadable: why / no rows.
// The exit status is 0 only when nothing failed, 2 for a usage error.
package main

import (
	"fmt"
	"os"

	"github.com/mitch-protocol/libmitch/bindings/go/internal/conformance"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mitch-conformance VECTORS_DIR")
		os.Exit(2)
	}
	// a mistyped DIR is a usage error, not eleven missing files
	if info, err := os.Stat(os.Args[1]); err != nil || !info.IsDir() {
		fmt.Fprintf(os.Stderr, "mitch-conformance: %s is not a directory\n", os.Args[1])
		os.Exit(2)
	}
	passed, failed := conformance.Run(os.Args[1], func(msg string) { fmt.Fprintln(os.Stderr, msg) })
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 || passed == 0 {
		os.Exit(1)
	}
}
