// Package cbench is the C baseline of the Go binding's benchmarks: the
// identical work done by C loops calling libmitch directly, one cgo call
// per measurement, so no cgo cost is counted.
package cbench

/*
#cgo pkg-config: mitch
#include <mitch.h>

static uint64_t trade_encode_loop(uint64_t n, uint8_t *buf) {
  mitch_trade t = {0x0305153138900000ull, 1.0875, 100, 1, MITCH_SIDE_BUY};
  uint64_t i, sum = 0;
  for (i = 0; i < n; i++) {
    t.trade_id = (uint32_t)(i + 1);
    sum += (uint64_t)mitch_trade_encode(&t, buf, MITCH_TRADE_SIZE) + buf[20];
  }
  return sum;
}

static uint64_t trade_decode_loop(uint64_t n, uint8_t *buf) {
  mitch_trade t;
  uint64_t i, sum = 0;
  for (i = 0; i < n; i++) {
    buf[20] = (uint8_t)(i | 1);
    sum += (uint64_t)mitch_trade_decode(buf, MITCH_TRADE_SIZE, &t) + t.trade_id;
  }
  return sum;
}

static void nothing(void) {}

static int trade_decode_batch(const uint8_t *in, size_t in_len, void *out, size_t n) {
  size_t done = 0;
  return mitch_trade_decode_batch(in, in_len, (mitch_trade *)out, n, &done);
}
*/
import "C"

import "unsafe"

// TradeEncode runs mitch_trade_encode n times in C on a 32-byte buffer,
// changing the trade id each time.
func TradeEncode(n int, buf []byte) uint64 {
	return uint64(C.trade_encode_loop(C.uint64_t(n), (*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}

// TradeDecode runs mitch_trade_decode n times in C on the 32 bytes of a
// valid trade, changing its trade id each time.
func TradeDecode(n int, buf []byte) uint64 {
	return uint64(C.trade_decode_loop(C.uint64_t(n), (*C.uint8_t)(unsafe.Pointer(&buf[0]))))
}

// Nothing is one cgo call of an empty C function: what any Go call into
// C costs before the C work starts.
func Nothing() { C.nothing() }

// TradeSize is sizeof(mitch_trade), for sizing DecodeBatch's output.
const TradeSize = C.sizeof_mitch_trade

// DecodeBatch is mitch_trade_decode_batch of n bodies from in into out
// (n * TradeSize bytes); it returns the status.
func DecodeBatch(in []byte, out []byte, n int) int {
	return int(C.trade_decode_batch((*C.uint8_t)(unsafe.Pointer(&in[0])), C.size_t(len(in)),
		unsafe.Pointer(&out[0]), C.size_t(n)))
}
