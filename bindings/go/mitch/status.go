package mitch

/*
#include "glue.h"
*/
import "C"

import (
	"fmt"
	"strings"
)

// Status is a libmitch status code (mitch.h's MITCH_OK, MITCH_ERR_*).  A
// non-zero Status is an error; errors.Is(err, mitch.ErrInvalidFieldValue)
// compares statuses.
type Status int

// The status codes.
const (
	StatusOK                 Status = C.MITCH_OK
	StatusInvalidData        Status = C.MITCH_ERR_INVALID_DATA
	StatusInvalidMessageType Status = C.MITCH_ERR_INVALID_MESSAGE_TYPE
	StatusBufferTooSmall     Status = C.MITCH_ERR_BUFFER_TOO_SMALL
	StatusInvalidTickerID    Status = C.MITCH_ERR_INVALID_TICKER_ID
	StatusInvalidChannelID   Status = C.MITCH_ERR_INVALID_CHANNEL_ID
	StatusInvalidFieldValue  Status = C.MITCH_ERR_INVALID_FIELD_VALUE
	StatusSerialization      Status = C.MITCH_ERR_SERIALIZATION
	StatusNotFound           Status = C.MITCH_ERR_NOT_FOUND
	StatusUnknown            Status = C.MITCH_ERR_UNKNOWN
)

// The errors to compare with errors.Is: one per status.
var (
	ErrInvalidData        error = StatusInvalidData        // missing input, bad text
	ErrInvalidMessageType error = StatusInvalidMessageType // type byte not one of t o s i b
	ErrBufferTooSmall     error = StatusBufferTooSmall     // input too short, or output too short
	ErrInvalidTickerID    error = StatusInvalidTickerID
	ErrInvalidChannelID   error = StatusInvalidChannelID
	ErrInvalidFieldValue  error = StatusInvalidFieldValue // a field breaks a protocol rule
	ErrSerialization      error = StatusSerialization
	ErrNotFound           error = StatusNotFound // the registry has no match
	ErrUnknown            error = StatusUnknown
)

// Error returns mitch_strerror's text.
func (s Status) Error() string {
	return C.GoString(C.mitch_strerror(C.int(s)))
}

// String is the same text.
func (s Status) String() string { return s.Error() }

// Error is what every failing call returns: the status and, where the
// library reports them, the field at fault, the rule it breaks and the
// byte offset of the damage in the caller's input.  Use errors.As to get
// at it, errors.Is to test its status.
type Error struct {
	Status        Status
	Op            string  // the call that failed, e.g. "DecodeBatch"
	Field         string  // the field at fault ("price"), "" when none
	OtherField    string  // the other field of a rule between two ("bid_price"), else ""
	Rule          string  // the rule broken, in words, "" when none
	Value         float64 // the field's value as a number (when Field is set)
	OtherValue    float64
	Index         int    // which body (batch, message) or message (stream) is at fault
	Offset        int    // byte offset of the damage in the input (0 when not known)
	MessageOffset int    // streams: where the damaged message starts
	Text          string // the library's own sentence, "" when it gave none
}

// Error says what failed, why and where, in one line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("mitch: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Status.Error())
	if e.Text != "" {
		b.WriteString(": ")
		b.WriteString(e.Text)
	} else if e.Field != "" {
		fmt.Fprintf(&b, ": field %s", e.Field)
	}
	if e.Offset > 0 || e.MessageOffset > 0 {
		fmt.Fprintf(&b, " (at byte %d)", e.Offset)
	}
	return b.String()
}

// Unwrap gives the Status, so errors.Is(err, ErrInvalidFieldValue) works.
func (e *Error) Unwrap() error { return e.Status }

// statusError is the error of a call whose status says it all.
func statusError(op string, st C.int) error {
	if st == C.MITCH_OK {
		return nil
	}
	return &Error{Status: Status(st), Op: op}
}

// withDetails copies what the library's checker found, when it agrees with
// the status the fast call returned.
func withDetails(e *Error, d *C.mitch_error) *Error {
	if d == nil || Status(d.status) != e.Status {
		return e
	}
	e.Field = C.GoString(d.field_name)
	e.OtherField = C.GoString(d.other_name)
	e.Rule = C.GoString(d.rule)
	e.Value = float64(d.value)
	e.OtherValue = float64(d.other_value)
	e.Index = int(d.index)
	e.Offset = int(d.offset)
	e.MessageOffset = int(d.message_offset)
	e.Text = C.GoString(&d.text[0])
	return e
}
