package mitch

/*
#include "glue.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"io"
	"unsafe"
)

// Decoder reads messages one at a time from an io.Reader (a socket, a
// pipe, a file): it reads exactly one message per Next, so it never reads
// past the message it hands out (wrap a slow reader in a bufio.Reader).
//
//	dec := mitch.NewDecoder(conn)
//	for dec.Next() {
//		msg := dec.Message()
//		...
//	}
//	if err := dec.Err(); err != nil { ... }
//
// A reader that ends cleanly between messages ends the loop with a nil
// Err; one that ends inside a message is ErrBufferTooSmall.
type Decoder struct {
	r      io.Reader
	buf    []byte
	msg    Message
	frame  [1]C.mitchgo_frame
	err    error
	offset int // stream bytes read before the current message
	count  int
}

// NewDecoder reads messages from r (with a nil r, Next reports
// ErrInvalidData).
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r, buf: make([]byte, 0, HeaderSize+MaxBodies*TradeSize)}
}

// Next reads, frames and validates the next message.
func (d *Decoder) Next() bool {
	if d.err != nil {
		return false
	}
	if d.r == nil { // NewDecoder(nil), or a Decoder not made by NewDecoder
		d.err = &Error{Status: StatusInvalidData, Op: "Decoder", Text: "no reader (use NewDecoder with one)"}
		return false
	}
	if d.count > 0 {
		d.offset += len(d.msg.Bytes)
	}
	d.buf = d.buf[:HeaderSize]
	if n, err := io.ReadFull(d.r, d.buf); err != nil {
		if errors.Is(err, io.EOF) && n == 0 {
			return false // a clean end between messages
		}
		d.fail(err, d.offset+n)
		return false
	}
	var h Header
	if err := h.Decode(d.buf); err != nil {
		e := err.(*Error)
		e.Op = "Decoder"
		e.Offset += d.offset
		e.MessageOffset = d.offset
		e.Index = d.count
		d.err = e
		return false
	}
	bodySize, err := BodySize(h.MessageType)
	if err != nil {
		d.err = err
		return false
	}
	size := HeaderSize + int(h.Count)*bodySize
	if cap(d.buf) < size {
		grown := make([]byte, size)
		copy(grown, d.buf)
		d.buf = grown
	}
	d.buf = d.buf[:size]
	if n, err := io.ReadFull(d.r, d.buf[HeaderSize:]); err != nil {
		d.fail(err, d.offset+HeaderSize+n)
		return false
	}
	// Validate the bodies (and the framing again) in one C call.
	r := C.mitchgo_frame_messages((*C.uint8_t)(unsafe.Pointer(&d.buf[0])), C.size_t(size), 0,
		&d.frame[0], 1)
	if r.status != C.MITCH_OK || r.count != 1 {
		e := &Error{Status: Status(r.status), Op: "Decoder", Index: d.count,
			Offset: d.offset + int(r.error_offset), MessageOffset: d.offset}
		dt := C.mitchgo_check_stream((*C.uint8_t)(unsafe.Pointer(&d.buf[0])), C.size_t(size), 0)
		if Status(dt.status) == e.Status {
			withDetails(e, &dt)
			e.Index = d.count
			e.Offset += d.offset
			e.MessageOffset = d.offset
		}
		d.err = e
		return false
	}
	d.msg = Message{Header: h, Offset: d.offset, Bytes: d.buf}
	d.count++
	return true
}

// fail records a read error: a short read is a truncated message.
func (d *Decoder) fail(err error, at int) {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		d.err = &Error{Status: StatusBufferTooSmall, Op: "Decoder", Index: d.count, Offset: at,
			MessageOffset: d.offset, Text: "the stream ends inside a message"}
		return
	}
	d.err = fmt.Errorf("mitch: Decoder: reading message %d at byte %d: %w", d.count, d.offset, err)
}

// Message is the current message; its Bytes are reused by the next Next.
func (d *Decoder) Message() *Message { return &d.msg }

// Err is nil after a clean end, else what stopped the decoder.
func (d *Decoder) Err() error { return d.err }

// Count is how many messages Next has handed out.
func (d *Decoder) Count() int { return d.count }
