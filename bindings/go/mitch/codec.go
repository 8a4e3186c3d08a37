package mitch

/*
#include "glue.h"
*/
import "C"

import "unsafe"

// Each value type has the same methods (one C call each):
//
//	Validate() error               the protocol's rules
//	Encode(dst []byte) error       validate, then write exactly its wire size at dst
//	Decode(src []byte) error       read the first wire-size bytes of src, validate
//	AppendBinary(b) ([]byte, error) encoding.BinaryAppender
//	MarshalBinary, UnmarshalBinary  encoding.BinaryMarshaler / Unmarshaler
//
// On failure Encode writes nothing and Decode leaves the value untouched.

// bytesPtr is the C view of a slice's first byte (nil for an empty slice:
// the glue treats that as an empty buffer, not a missing one).
func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0]))
}

// valueError explains a refused value (a copy on the heap: the failure
// path may allocate).
func valueError(op string, st C.int, layout C.uint8_t, value unsafe.Pointer) error {
	e := &Error{Status: Status(st), Op: op}
	d := C.mitchgo_check_values(layout, value, 1)
	return withDetails(e, &d)
}

// wireError explains refused wire bytes.
func wireError(op string, st C.int, layout C.uint8_t, src []byte, n int) error {
	e := &Error{Status: Status(st), Op: op}
	d := C.mitchgo_check_wire(layout, bytesPtr(src), C.size_t(len(src)), C.size_t(n))
	return withDetails(e, &d)
}

// ---- Header -------------------------------------------------------------

func (h *Header) c() C.mitch_header { return *(*C.mitch_header)(unsafe.Pointer(h)) }

// Validate checks the header's type, count and timestamp.
func (h *Header) Validate() error {
	if st := C.mitchgo_header_validate(h.c()); st != C.MITCH_OK {
		v := *h
		return valueError("Header.Validate", st, 0, unsafe.Pointer(&v))
	}
	return nil
}

// Encode writes the 8 header bytes at dst.
func (h *Header) Encode(dst []byte) error {
	if st := C.mitchgo_header_encode(h.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *h
		return valueError("Header.Encode", st, 0, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads a header from the first 8 bytes of src.
func (h *Header) Decode(src []byte) error {
	r := C.mitchgo_header_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("Header.Decode", r.status, 0, src, 1)
	}
	*h = *(*Header)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded header to b.
func (h Header) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, HeaderSize, h.Encode)
}

// MarshalBinary encodes the header into a new slice.
func (h Header) MarshalBinary() ([]byte, error) { return h.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (h *Header) UnmarshalBinary(b []byte) error { return h.Decode(b) }

// appendEncoded grows b by size bytes, encodes into them, and on failure
// gives b back unchanged.
func appendEncoded(b []byte, size int, encode func([]byte) error) ([]byte, error) {
	n := len(b)
	if cap(b)-n < size {
		grown := make([]byte, n, n+size)
		copy(grown, b)
		b = grown
	}
	out := b[:n+size]
	if err := encode(out[n:]); err != nil {
		return b[:n], err
	}
	return out, nil
}

// ---- Trade --------------------------------------------------------------

func (t *Trade) c() C.mitch_trade { return *(*C.mitch_trade)(unsafe.Pointer(t)) }

// Validate checks the trade against the protocol's rules.
func (t *Trade) Validate() error {
	if st := C.mitchgo_trade_validate(t.c()); st != C.MITCH_OK {
		v := *t
		return valueError("Trade.Validate", st, C.MITCH_MSG_TRADE, unsafe.Pointer(&v))
	}
	return nil
}

// Encode validates the trade and writes its 32 bytes at dst.
func (t *Trade) Encode(dst []byte) error {
	if st := C.mitchgo_trade_encode(t.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *t
		return valueError("Trade.Encode", st, C.MITCH_MSG_TRADE, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads and validates a trade from the first 32 bytes of src.
func (t *Trade) Decode(src []byte) error {
	r := C.mitchgo_trade_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("Trade.Decode", r.status, C.MITCH_MSG_TRADE, src, 1)
	}
	*t = *(*Trade)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded trade to b.
func (t Trade) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, TradeSize, t.Encode)
}

// MarshalBinary encodes the trade into a new slice.
func (t Trade) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (t *Trade) UnmarshalBinary(b []byte) error { return t.Decode(b) }

// ---- Order --------------------------------------------------------------

func (o *Order) c() C.mitch_order { return *(*C.mitch_order)(unsafe.Pointer(o)) }

// Validate checks the order against the protocol's rules.
func (o *Order) Validate() error {
	if st := C.mitchgo_order_validate(o.c()); st != C.MITCH_OK {
		v := *o
		return valueError("Order.Validate", st, C.MITCH_MSG_ORDER, unsafe.Pointer(&v))
	}
	return nil
}

// Encode validates the order and writes its 32 bytes at dst.
func (o *Order) Encode(dst []byte) error {
	if st := C.mitchgo_order_encode(o.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *o
		return valueError("Order.Encode", st, C.MITCH_MSG_ORDER, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads and validates an order from the first 32 bytes of src.
func (o *Order) Decode(src []byte) error {
	r := C.mitchgo_order_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("Order.Decode", r.status, C.MITCH_MSG_ORDER, src, 1)
	}
	*o = *(*Order)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded order to b.
func (o Order) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, OrderSize, o.Encode)
}

// MarshalBinary encodes the order into a new slice.
func (o Order) MarshalBinary() ([]byte, error) { return o.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (o *Order) UnmarshalBinary(b []byte) error { return o.Decode(b) }

// ---- Tick ---------------------------------------------------------------

func (t *Tick) c() C.mitch_tick { return *(*C.mitch_tick)(unsafe.Pointer(t)) }

// Validate checks the tick against the protocol's rules.
func (t *Tick) Validate() error {
	if st := C.mitchgo_tick_validate(t.c()); st != C.MITCH_OK {
		v := *t
		return valueError("Tick.Validate", st, C.MITCH_MSG_TICK, unsafe.Pointer(&v))
	}
	return nil
}

// Encode validates the tick and writes its 32 bytes at dst.
func (t *Tick) Encode(dst []byte) error {
	if st := C.mitchgo_tick_encode(t.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *t
		return valueError("Tick.Encode", st, C.MITCH_MSG_TICK, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads and validates a tick from the first 32 bytes of src.
func (t *Tick) Decode(src []byte) error {
	r := C.mitchgo_tick_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("Tick.Decode", r.status, C.MITCH_MSG_TICK, src, 1)
	}
	*t = *(*Tick)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded tick to b.
func (t Tick) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, TickSize, t.Encode)
}

// MarshalBinary encodes the tick into a new slice.
func (t Tick) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (t *Tick) UnmarshalBinary(b []byte) error { return t.Decode(b) }

// ---- Index --------------------------------------------------------------

func (x *Index) c() C.mitch_index { return *(*C.mitch_index)(unsafe.Pointer(x)) }

// Validate checks the index against the protocol's rules.
func (x *Index) Validate() error {
	if st := C.mitchgo_index_validate(x.c()); st != C.MITCH_OK {
		v := *x
		return valueError("Index.Validate", st, C.MITCH_MSG_INDEX, unsafe.Pointer(&v))
	}
	return nil
}

// Encode validates the index and writes its 64 bytes at dst.
func (x *Index) Encode(dst []byte) error {
	if st := C.mitchgo_index_encode(x.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *x
		return valueError("Index.Encode", st, C.MITCH_MSG_INDEX, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads and validates an index from the first 64 bytes of src.
func (x *Index) Decode(src []byte) error {
	r := C.mitchgo_index_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("Index.Decode", r.status, C.MITCH_MSG_INDEX, src, 1)
	}
	*x = *(*Index)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded index to b.
func (x Index) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, IndexSize, x.Encode)
}

// MarshalBinary encodes the index into a new slice.
func (x Index) MarshalBinary() ([]byte, error) { return x.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (x *Index) UnmarshalBinary(b []byte) error { return x.Decode(b) }

// ---- OrderBook ----------------------------------------------------------

func (b *OrderBook) c() C.mitch_order_book { return *(*C.mitch_order_book)(unsafe.Pointer(b)) }

// Validate checks the order book against the protocol's rules.
func (b *OrderBook) Validate() error {
	if st := C.mitchgo_order_book_validate(b.c()); st != C.MITCH_OK {
		v := *b
		return valueError("OrderBook.Validate", st, C.MITCH_MSG_ORDER_BOOK, unsafe.Pointer(&v))
	}
	return nil
}

// Encode validates the order book and writes its 2072 bytes at dst.
func (b *OrderBook) Encode(dst []byte) error {
	if st := C.mitchgo_order_book_encode(b.c(), bytesPtr(dst), C.size_t(len(dst))); st != C.MITCH_OK {
		v := *b
		return valueError("OrderBook.Encode", st, C.MITCH_MSG_ORDER_BOOK, unsafe.Pointer(&v))
	}
	return nil
}

// Decode reads and validates an order book from the first 2072 bytes of src.
func (b *OrderBook) Decode(src []byte) error {
	r := C.mitchgo_order_book_decode(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return wireError("OrderBook.Decode", r.status, C.MITCH_MSG_ORDER_BOOK, src, 1)
	}
	*b = *(*OrderBook)(unsafe.Pointer(&r.value))
	return nil
}

// AppendBinary appends the encoded order book to b.
func (b OrderBook) AppendBinary(dst []byte) ([]byte, error) {
	return appendEncoded(dst, OrderBookSize, b.Encode)
}

// MarshalBinary encodes the order book into a new slice.
func (b OrderBook) MarshalBinary() ([]byte, error) { return b.AppendBinary(nil) }

// UnmarshalBinary is Decode.
func (b *OrderBook) UnmarshalBinary(src []byte) error { return b.Decode(src) }

// Totals are the sums of each side of a book (64-bit: they never overflow).
type Totals struct {
	BidVolume, AskVolume, BidCount, AskCount uint64
}

// Totals sums the bins of each side (mitch_order_book_totals).
func (b *OrderBook) Totals() Totals {
	r := C.mitchgo_order_book_totals(b.c())
	return Totals{uint64(r.bid_volume), uint64(r.ask_volume), uint64(r.bid_count), uint64(r.ask_count)}
}

// ---- many bodies of one type --------------------------------------------

// bodiesPtr is the C view of a body slice's array (nil when empty).
func bodiesPtr[T Body](bodies []T) unsafe.Pointer {
	if len(bodies) == 0 {
		return nil
	}
	return unsafe.Pointer(&bodies[0])
}

// DecodeBatch decodes len(dst) consecutive bodies (no headers) from src in
// one C call; src must hold them all.  It returns how many were decoded:
// on failure, the index of the bad body, with dst[:n] decoded and the rest
// untouched; the *Error says which body and byte.
func DecodeBatch[T Body](dst []T, src []byte) (int, error) {
	typ := C.uint8_t(TypeOf[T]())
	r := C.mitchgo_decode_batch(typ, bytesPtr(src), C.size_t(len(src)), bodiesPtr(dst), C.size_t(len(dst)))
	if r.status != C.MITCH_OK {
		e := wireError("DecodeBatch", r.status, typ, src, len(dst))
		if me, ok := e.(*Error); ok && me.Field == "" {
			me.Index = int(r.n)
			me.Offset = int(r.n) * SizeOf[T]()
		}
		return int(r.n), e
	}
	return int(r.n), nil
}

// DecodeAll decodes every body of src (len(src) must be a multiple of the
// body size) into a new slice, in one C call.
func DecodeAll[T Body](src []byte) ([]T, error) {
	size := SizeOf[T]()
	if len(src)%size != 0 {
		return nil, &Error{Status: StatusBufferTooSmall, Op: "DecodeAll",
			Offset: len(src) - len(src)%size, Index: len(src) / size}
	}
	out := make([]T, len(src)/size)
	n, err := DecodeBatch(out, src)
	return out[:n], err
}

// EncodeBatch validates bodies and writes them back to back at dst (which
// must hold len(bodies) * size bytes), in one C call.  It returns the
// number of bodies written: on failure the index of the bad body.
func EncodeBatch[T Body](dst []byte, bodies []T) (int, error) {
	typ := C.uint8_t(TypeOf[T]())
	r := C.mitchgo_encode_batch(typ, bodiesPtr(bodies), C.size_t(len(bodies)), bytesPtr(dst), C.size_t(len(dst)))
	if r.status != C.MITCH_OK {
		e := &Error{Status: Status(r.status), Op: "EncodeBatch", Index: int(r.n), Offset: int(r.n) * SizeOf[T]()}
		if len(bodies) > 0 {
			d := C.mitchgo_check_values(typ, bodiesPtr(bodies), C.size_t(len(bodies)))
			withDetails(e, &d)
		}
		return int(r.n), e
	}
	return int(r.n), nil
}

// AppendBatch appends the encoded bodies to dst.
func AppendBatch[T Body](dst []byte, bodies []T) ([]byte, error) {
	return appendEncoded(dst, len(bodies)*SizeOf[T](), func(out []byte) error {
		_, err := EncodeBatch(out, bodies)
		return err
	})
}
