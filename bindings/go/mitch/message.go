package mitch

/*
#include "glue.h"
*/
import "C"

import "unsafe"

// BodySize is the wire size of one body of a message type (32, 64, 2072).
func BodySize(t MessageType) (int, error) {
	r := C.mitchgo_body_size(C.uint8_t(t))
	if r.status != C.MITCH_OK {
		return 0, statusError("BodySize", r.status)
	}
	return int(r.n), nil
}

// MessageSize is the size of a message of count (1..255) bodies.
func MessageSize(t MessageType, count int) (int, error) {
	if count < 1 || count > MaxBodies {
		return 0, &Error{Status: StatusInvalidFieldValue, Op: "MessageSize", Field: "count"}
	}
	r := C.mitchgo_message_size(C.uint8_t(t), C.uint8_t(count))
	if r.status != C.MITCH_OK {
		return 0, statusError("MessageSize", r.status)
	}
	return int(r.n), nil
}

// EncodeMessage writes one message - a header (the bodies' type, timestamp,
// count = len(bodies), 1..255) and the bodies - at dst and returns its
// size.  Nothing is written unless everything is valid; a bad body's
// *Error has its Index and, in Offset, where its field would be in the
// message.
func EncodeMessage[T Body](dst []byte, timestamp uint64, bodies []T) (int, error) {
	typ := C.uint8_t(TypeOf[T]())
	r := C.mitchgo_message_encode(typ, C.uint64_t(timestamp), bodiesPtr(bodies), C.size_t(len(bodies)),
		bytesPtr(dst), C.size_t(len(dst)))
	if r.status != C.MITCH_OK {
		e := &Error{Status: Status(r.status), Op: "EncodeMessage"}
		if r.status == C.MITCH_ERR_INVALID_FIELD_VALUE && len(bodies) > 0 {
			d := C.mitchgo_check_values(typ, bodiesPtr(bodies), C.size_t(len(bodies)))
			if Status(d.status) == e.Status {
				withDetails(e, &d)
				e.Offset += HeaderSize // in the message, after its header
				return 0, e
			}
			count := len(bodies)
			if count > MaxBodies {
				count = 0
			}
			h := &Header{MessageType: TypeOf[T](), Count: uint8(count), Timestamp: timestamp}
			d = C.mitchgo_check_values(0, unsafe.Pointer(h), 1)
			withDetails(e, &d)
		}
		return 0, e
	}
	return int(r.n), nil
}

// AppendMessage appends one encoded message to dst.
func AppendMessage[T Body](dst []byte, timestamp uint64, bodies []T) ([]byte, error) {
	return appendEncoded(dst, HeaderSize+len(bodies)*SizeOf[T](), func(out []byte) error {
		_, err := EncodeMessage(out, timestamp, bodies)
		return err
	})
}

// Message is one framed, validated message inside the caller's buffer.
// Bytes aliases that buffer: it is valid as long as the buffer is.
type Message struct {
	Header Header
	Offset int    // of the header in the buffer
	Bytes  []byte // the whole message: header and bodies
}

// Bodies are the wire bytes of the bodies (nil when Bytes is shorter than
// a header: a Message built by hand, not handed out by Messages or a
// Decoder).
func (m *Message) Bodies() []byte {
	if len(m.Bytes) < HeaderSize {
		return nil
	}
	return m.Bytes[HeaderSize:]
}

// BodySize is the size of one body (0 for a count of 0 or Bytes shorter
// than a header).
func (m *Message) BodySize() int {
	if m.Header.Count == 0 || len(m.Bytes) < HeaderSize {
		return 0
	}
	return (len(m.Bytes) - HeaderSize) / int(m.Header.Count)
}

// Body is the wire bytes of body i (nil past the end, or past the end of
// Bytes).
func (m *Message) Body(i int) []byte {
	if i < 0 || i >= int(m.Header.Count) {
		return nil
	}
	size := m.BodySize()
	start := HeaderSize + i*size
	if size == 0 || start+size > len(m.Bytes) {
		return nil
	}
	return m.Bytes[start : start+size : start+size]
}

// AppendBodies decodes every body of m, in one C call, and appends them to
// dst.  A message of another type is ErrInvalidMessageType.
func AppendBodies[T Body](dst []T, m *Message) ([]T, error) {
	if m == nil {
		return dst, &Error{Status: StatusInvalidData, Op: "AppendBodies", Text: "no message (nil)"}
	}
	if m.Header.MessageType != TypeOf[T]() {
		return dst, &Error{Status: StatusInvalidMessageType, Op: "AppendBodies", Offset: m.Offset,
			MessageOffset: m.Offset}
	}
	n := len(dst)
	count := int(m.Header.Count)
	// A Message built by hand may claim more bodies than its Bytes hold:
	// refuse that before growing dst, with the rule of the C batch decoder
	// DecodeBatch calls (the input must hold count * body size bytes).
	if len(m.Bodies()) < count*SizeOf[T]() {
		return dst, &Error{Status: StatusBufferTooSmall, Op: "AppendBodies", Offset: m.Offset + len(m.Bytes),
			MessageOffset: m.Offset}
	}
	if cap(dst)-n < count {
		grown := make([]T, n, n+count)
		copy(grown, dst)
		dst = grown
	}
	done, err := DecodeBatch(dst[n:n+count], m.Bodies())
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Offset += m.Offset + HeaderSize
			e.MessageOffset = m.Offset
		}
		return dst[:n+done], err
	}
	return dst[:n+count], nil
}

// Trades appends the bodies of a trade message to dst (see AppendBodies).
func (m *Message) Trades(dst []Trade) ([]Trade, error) { return AppendBodies(dst, m) }

// Orders appends the bodies of an order message to dst.
func (m *Message) Orders(dst []Order) ([]Order, error) { return AppendBodies(dst, m) }

// Ticks appends the bodies of a tick message to dst.
func (m *Message) Ticks(dst []Tick) ([]Tick, error) { return AppendBodies(dst, m) }

// Indices appends the bodies of an index message to dst.
func (m *Message) Indices(dst []Index) ([]Index, error) { return AppendBodies(dst, m) }

// OrderBooks appends the bodies of an order-book message to dst.
func (m *Message) OrderBooks(dst []OrderBook) ([]OrderBook, error) { return AppendBodies(dst, m) }

// MessageIterator walks the messages of a buffer of concatenated messages
// of any types (see Messages).
type MessageIterator struct {
	data   []byte
	next   int // where the message after the buffered frames starts
	frames [framesPerCall]C.mitchgo_frame
	nframe int // frames buffered
	iframe int // the next one to hand out
	end    C.int
	res    C.mitchgo_frames_result
	msg    Message
	err    error
	count  int
}

// Frames fetched per C call: one call frames and validates many messages.
const framesPerCall = 64

// Messages iterates over data without copying it.  Each message is framed
// and all its bodies validated before Next hands it out; the first damage
// ends the iteration and Err says what and where:
//
//	it := mitch.Messages(buf)
//	for it.Next() {
//		msg := it.Message()
//		...
//	}
//	if err := it.Err(); err != nil { ... }
func Messages(data []byte) *MessageIterator {
	return &MessageIterator{data: data, end: C.MITCH_OK}
}

// Next moves to the next message; false at the end of the buffer or at
// damage (then Err is not nil).
func (it *MessageIterator) Next() bool {
	if it.iframe == it.nframe {
		if it.end != C.MITCH_OK || it.err != nil {
			it.finish()
			return false
		}
		it.fetch()
		if it.nframe == 0 {
			it.finish()
			return false
		}
	}
	f := &it.frames[it.iframe]
	it.iframe++
	off, size := int(f.offset), int(f.size)
	it.msg = Message{
		Header: *(*Header)(unsafe.Pointer(&f.header)),
		Offset: off,
		Bytes:  it.data[off : off+size : off+size],
	}
	it.count++
	return true
}

// fetch frames the next batch of messages in one C call.
func (it *MessageIterator) fetch() {
	r := C.mitchgo_frame_messages(bytesPtr(it.data), C.size_t(len(it.data)), C.size_t(it.next),
		&it.frames[0], framesPerCall)
	it.nframe, it.iframe = int(r.count), 0
	it.next = int(r.next)
	it.res = r
	if r.status != C.MITCH_OK {
		it.end = r.status
	}
}

// finish turns the final status into Err.
func (it *MessageIterator) finish() {
	if it.err != nil || it.end == C.MITCH_OK || it.end == C.MITCH_END {
		return
	}
	r := &it.res
	e := &Error{Status: Status(it.end), Op: "Messages", Index: it.count,
		Offset: int(r.error_offset), MessageOffset: int(r.message_offset)}
	// The details, from the damaged message on (offsets made absolute).
	at := int(r.message_offset)
	if at <= len(it.data) {
		rest := it.data[at:]
		d := C.mitchgo_check_stream(bytesPtr(rest), C.size_t(len(rest)), 0)
		if Status(d.status) == e.Status {
			withDetails(e, &d)
			e.Index = it.count
			e.Offset += at
			e.MessageOffset += at
		}
	}
	it.err = e
}

// Message is the current message (valid until the next call of Next).
func (it *MessageIterator) Message() *Message { return &it.msg }

// Err is nil after a clean end, else the damage that stopped the iteration.
func (it *MessageIterator) Err() error { return it.err }

// Count is how many messages Next has handed out.
func (it *MessageIterator) Count() int { return it.count }

// Offset is the number of bytes of complete, valid messages handed out.
func (it *MessageIterator) Offset() int {
	if it.count == 0 {
		return 0
	}
	return it.msg.Offset + len(it.msg.Bytes)
}

// StreamInfo is what ValidateStream found.
type StreamInfo struct {
	Messages      int // complete, valid messages before any damage
	Bodies        int // bodies in them
	ErrorOffset   int // on damage: the faulty byte or body
	MessageOffset int // on damage: the damaged message
}

// ValidateStream frames and validates every message and body of data; a
// non-zero only refuses messages of other types (ErrInvalidMessageType).
func ValidateStream(data []byte, only MessageType) (StreamInfo, error) {
	r := C.mitchgo_stream_validate(bytesPtr(data), C.size_t(len(data)), C.uint8_t(only))
	info := StreamInfo{int(r.info.messages), int(r.info.bodies), int(r.info.error_offset),
		int(r.info.message_offset)}
	if r.status != C.MITCH_OK {
		e := &Error{Status: Status(r.status), Op: "ValidateStream", Index: info.Messages,
			Offset: info.ErrorOffset, MessageOffset: info.MessageOffset}
		d := C.mitchgo_check_stream(bytesPtr(data), C.size_t(len(data)), C.uint8_t(only))
		return info, withDetails(e, &d)
	}
	return info, nil
}
