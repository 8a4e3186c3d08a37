package mitch

/*
#include "glue.h"
*/
import "C"

import "unsafe"

// Capture holds every body of a capture (a buffer of concatenated messages
// of any types) by type, each with the timestamp of its message's header.
type Capture struct {
	Trades              []Trade
	TradeTimestamps     []uint64
	Orders              []Order
	OrderTimestamps     []uint64
	Ticks               []Tick
	TickTimestamps      []uint64
	Indices             []Index
	IndexTimestamps     []uint64
	OrderBooks          []OrderBook
	OrderBookTimestamps []uint64
}

// CaptureCounts is how many bodies of each type a capture holds.
type CaptureCounts struct {
	Trades, Orders, Ticks, Indices, OrderBooks int
}

func slicePtr[T any](s []T) unsafe.Pointer {
	if cap(s) == 0 {
		return nil
	}
	return unsafe.Pointer(&s[:1][0])
}

func u64Ptr(s []uint64) *C.uint64_t {
	if cap(s) == 0 {
		return nil
	}
	return (*C.uint64_t)(unsafe.Pointer(&s[:1][0]))
}

// sinkCap is the capacity of one type's sink: that of its bodies (none:
// the type is only validated), or of its timestamps when they have less.
func sinkCap(bodies, timestamps int) int {
	if timestamps > 0 && timestamps < bodies {
		return timestamps
	}
	return bodies
}

// capture runs mitch_capture_decode over data into c's slices (their full
// capacity), or only counts when every slice has none.
func captureCall(op string, data []byte, c *Capture) (CaptureCounts, error) {
	// A type whose bodies have no room is only validated: its timestamps
	// go to C as NULL too (timestamps alone would fill up and fail).
	ts := func(bodies int, s []uint64) *C.uint64_t {
		if bodies == 0 {
			return nil
		}
		return u64Ptr(s)
	}
	capOf := func(n, m int) C.size_t { return C.size_t(sinkCap(n, m)) }
	r := C.mitchgo_capture_decode(bytesPtr(data), C.size_t(len(data)),
		slicePtr(c.Trades), ts(cap(c.Trades), c.TradeTimestamps), capOf(cap(c.Trades), cap(c.TradeTimestamps)),
		slicePtr(c.Orders), ts(cap(c.Orders), c.OrderTimestamps), capOf(cap(c.Orders), cap(c.OrderTimestamps)),
		slicePtr(c.Ticks), ts(cap(c.Ticks), c.TickTimestamps), capOf(cap(c.Ticks), cap(c.TickTimestamps)),
		slicePtr(c.Indices), ts(cap(c.Indices), c.IndexTimestamps), capOf(cap(c.Indices), cap(c.IndexTimestamps)),
		slicePtr(c.OrderBooks), ts(cap(c.OrderBooks), c.OrderBookTimestamps),
		capOf(cap(c.OrderBooks), cap(c.OrderBookTimestamps)))
	n := CaptureCounts{int(r.counts[0]), int(r.counts[1]), int(r.counts[2]), int(r.counts[3]), int(r.counts[4])}
	if r.status != C.MITCH_OK {
		e := &Error{Status: Status(r.status), Op: op, Index: int(r.info.messages),
			Offset: int(r.info.error_offset), MessageOffset: int(r.info.message_offset)}
		return n, withDetails(e, &r.error)
	}
	return n, nil
}

// CountCapture validates a whole capture and counts its bodies by type.
func CountCapture(data []byte) (CaptureCounts, error) {
	return captureCall("CountCapture", data, &Capture{})
}

// DecodeCapture decodes every body of a capture into new slices, by type,
// with their timestamps: two C calls (count, then decode), whatever its
// size.  On damage the slices hold exactly the bodies before it.
func DecodeCapture(data []byte) (*Capture, error) {
	// On damage the counts are those of the valid prefix: the second pass
	// delivers it and reports the same damage (one more slot per type, so
	// that a full sink does not hide it).
	n, err := CountCapture(data)
	more := 0
	if err != nil {
		more = 1
	}
	c := &Capture{
		Trades: make([]Trade, n.Trades+more), TradeTimestamps: make([]uint64, n.Trades+more),
		Orders: make([]Order, n.Orders+more), OrderTimestamps: make([]uint64, n.Orders+more),
		Ticks: make([]Tick, n.Ticks+more), TickTimestamps: make([]uint64, n.Ticks+more),
		Indices: make([]Index, n.Indices+more), IndexTimestamps: make([]uint64, n.Indices+more),
		OrderBooks:          make([]OrderBook, n.OrderBooks+more),
		OrderBookTimestamps: make([]uint64, n.OrderBooks+more),
	}
	return c, c.DecodeFrom(data)
}

// DecodeFrom decodes a capture into c's slices, reusing their capacity: in
// one C call when it suffices (else ErrBufferTooSmall, with the prefix
// that fits).  Each slice is set to the bodies found; a slice with no
// capacity (and its timestamps) is left empty and its type only validated,
// unless every slice has none (then see CountCapture).
func (c *Capture) DecodeFrom(data []byte) error {
	n, err := captureCall("DecodeCapture", data, c)
	c.Trades, c.TradeTimestamps = delivered(c.Trades, c.TradeTimestamps, n.Trades)
	c.Orders, c.OrderTimestamps = delivered(c.Orders, c.OrderTimestamps, n.Orders)
	c.Ticks, c.TickTimestamps = delivered(c.Ticks, c.TickTimestamps, n.Ticks)
	c.Indices, c.IndexTimestamps = delivered(c.Indices, c.IndexTimestamps, n.Indices)
	c.OrderBooks, c.OrderBookTimestamps = delivered(c.OrderBooks, c.OrderBookTimestamps, n.OrderBooks)
	return err
}

// delivered cuts one type's slices to what C wrote into them: count bodies,
// at most the sink's capacity; timestamps only where they had room.
func delivered[T any](bodies []T, timestamps []uint64, count int) ([]T, []uint64) {
	if k := sinkCap(cap(bodies), cap(timestamps)); count > k {
		count = k
	}
	if cap(timestamps) == 0 {
		return bodies[:count], timestamps[:0]
	}
	return bodies[:count], timestamps[:count]
}

// AppendCapture encodes bodies of one type, each with its timestamp, as
// messages (a new one when the timestamp changes or after 255 bodies) and
// appends them to dst.  Nothing is appended unless everything is valid.
func AppendCapture[T Body](dst []byte, bodies []T, timestamps []uint64) ([]byte, error) {
	if len(timestamps) != len(bodies) {
		return dst, &Error{Status: StatusInvalidData, Op: "AppendCapture",
			Text: "one timestamp per body"}
	}
	typ := C.uint8_t(TypeOf[T]())
	size := C.mitchgo_capture_encode(typ, bodiesPtr(bodies), u64Ptr(timestamps), C.size_t(len(bodies)), nil, 0)
	if size.status != C.MITCH_OK {
		return dst, withDetails(&Error{Status: Status(size.status), Op: "AppendCapture"}, &size.error)
	}
	n := int(size.written)
	out := dst
	if cap(out)-len(out) < n {
		out = make([]byte, len(dst), len(dst)+n)
		copy(out, dst)
	}
	room := out[len(dst) : len(dst)+n]
	r := C.mitchgo_capture_encode(typ, bodiesPtr(bodies), u64Ptr(timestamps), C.size_t(len(bodies)),
		bytesPtr(room), C.size_t(len(room)))
	if r.status != C.MITCH_OK {
		return dst, withDetails(&Error{Status: Status(r.status), Op: "AppendCapture"}, &r.error)
	}
	return out[:len(dst)+int(r.written)], nil
}
