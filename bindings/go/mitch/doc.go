// Package mitch is the Go binding of libmitch, the C library of MITCH, a
// compact little-endian binary market-data protocol: an 8-byte header
// followed by 1..255 bodies of one type (trade, order, tick, index, order
// book), 64-bit ticker ids and 32-bit channel ids.
//
// Every encode, decode, validation and symbol resolution is one call into
// the C library through cgo: no codec rule, bin table or resolution step is
// written twice.  The package adds Go's vocabulary:
//
//   - value types with the protocol's fields (Trade, Order, Tick, Index,
//     OrderBook, Header) laid out exactly like the C structs, so a batch of
//     bodies is decoded into a []Trade in one C call (DecodeBatch), and a
//     whole capture into per-type slices with their timestamps
//     (DecodeCapture);
//   - an iterator over the messages of a buffer (Messages, with Next and
//     Err, as bufio.Scanner) and a Decoder over an io.Reader;
//   - errors that work with errors.Is and errors.As (see below);
//   - the registry: ResolveTicker("EURUSD.m", mitch.Spot), FindAsset,
//     FindProvider, ChannelID.
//
// Every failing call returns an *Error carrying the status, the call, and
// where the library reports them the field at fault, the rule it breaks
// and the byte offset of the damage:
//
//	if errors.Is(err, mitch.ErrInvalidFieldValue) { ... }
//	var e *mitch.Error
//	if errors.As(err, &e) {
//		fmt.Println(e.Field, e.Rule, e.Offset)
//	}
//
// Codes the protocol does not define (a side of 2, a message type 'x') are
// representable in the enum types and refused by the library with
// ErrInvalidFieldValue (or ErrInvalidMessageType), never mapped to
// something else.
//
// The package builds with cgo against the installed library
// (pkg-config mitch), or against a build tree with
// PKG_CONFIG_PATH=<build dir> (mitch-uninstalled.pc).  It needs Go 1.19 or
// later and no other module.  Like the C library it keeps no mutable
// global state: every function may be called from many goroutines at once.
package mitch
