// Command mitch-conformance runs every row of a conformance vector
// directory through the Go binding and prints "N passed, N failed".
//
//	cd bindings/go && PKG_CONFIG_PATH=<build dir> go run ./cmd/mitch-conformance ../../tests/vectors
//
// Failing rows go to stderr as FILE:LINE: why; the exit status is 0 only
// when no row failed.
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
	passed, failed := conformance.Run(os.Args[1], func(msg string) { fmt.Fprintln(os.Stderr, msg) })
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 || passed == 0 {
		os.Exit(1)
	}
}
