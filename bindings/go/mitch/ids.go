package mitch

/*
#include "glue.h"

typedef struct { int status; uint64_t id; } mitchgo_id_result;
static mitchgo_id_result mitchgo_ticker_id_encode(mitch_ticker_fields f) {
  mitchgo_id_result r = {0, 0};
  r.status = mitch_ticker_id_encode(&f, &r.id);
  return r;
}
static mitch_ticker_fields mitchgo_ticker_id_decode(uint64_t id) {
  mitch_ticker_fields f;
  mitch_ticker_id_decode(id, &f);
  return f;
}
typedef struct { int status; uint32_t id; } mitchgo_u32_result;
static mitchgo_u32_result mitchgo_pack_asset(uint8_t cls, uint16_t id) {
  mitchgo_u32_result r = {0, 0};
  r.status = mitch_pack_asset(cls, id, &r.id);
  return r;
}
static mitchgo_u32_result mitchgo_create_channel(uint16_t provider, char type) {
  mitchgo_u32_result r = {0, 0};
  r.status = mitch_create_channel(provider, type, &r.id);
  return r;
}
typedef struct { int status; uint16_t provider; uint8_t type; } mitchgo_channel_result;
static mitchgo_channel_result mitchgo_channel_decode(uint32_t id) {
  mitchgo_channel_result r = {0, 0, 0};
  r.status = mitch_channel_decode(id, &r.provider, &r.type);
  return r;
}
static mitchgo_u32_result mitchgo_unpack_channel(const uint8_t *bytes, size_t len) {
  mitchgo_u32_result r = {0, 0};
  static const uint8_t none[1];
  r.status = mitch_unpack_channel(bytes || len ? bytes : none, len, &r.id);
  return r;
}
*/
import "C"

import "unsafe"

// SubTypeMax is the largest ticker id sub-type (20 bits).
const SubTypeMax = C.MITCH_SUB_TYPE_MAX

// EncodeTickerID builds a ticker id; a field too wide for its bits is
// ErrInvalidFieldValue (reserved values are allowed: see ValidateTickerID).
func EncodeTickerID(f TickerFields) (uint64, error) {
	r := C.mitchgo_ticker_id_encode(*(*C.mitch_ticker_fields)(unsafe.Pointer(&f)))
	if r.status != C.MITCH_OK {
		return 0, statusError("EncodeTickerID", r.status)
	}
	return uint64(r.id), nil
}

// DecodeTickerID splits any ticker id into its fields.
func DecodeTickerID(id uint64) TickerFields {
	f := C.mitchgo_ticker_id_decode(C.uint64_t(id))
	return *(*TickerFields)(unsafe.Pointer(&f))
}

// ValidateTickerID refuses (ErrInvalidTickerID) a reserved instrument type
// or class, or a base equal to the quote.
func ValidateTickerID(id uint64) error {
	return statusError("ValidateTickerID", C.mitch_validate_ticker_id(C.uint64_t(id)))
}

// IsSpot, IsForex, IsCrypto and IsEquity test a ticker id.
func IsSpot(id uint64) bool   { return C.mitch_ticker_id_is_spot(C.uint64_t(id)) != 0 }
func IsForex(id uint64) bool  { return C.mitch_ticker_id_is_forex(C.uint64_t(id)) != 0 }
func IsCrypto(id uint64) bool { return C.mitch_ticker_id_is_crypto(C.uint64_t(id)) != 0 }
func IsEquity(id uint64) bool { return C.mitch_ticker_id_is_equity(C.uint64_t(id)) != 0 }

// PackAsset is a packed asset id: (class << 16) | id.
func PackAsset(class AssetClass, id uint16) (uint32, error) {
	r := C.mitchgo_pack_asset(C.uint8_t(class), C.uint16_t(id))
	if r.status != C.MITCH_OK {
		return 0, statusError("PackAsset", r.status)
	}
	return uint32(r.id), nil
}

// Channel is what a pub/sub channel id carries.
type Channel struct {
	ProviderID  uint16
	MessageType MessageType
}

// ChannelID is a provider's channel for one message type:
// (provider << 16) | (type << 8).
func ChannelID(provider uint16, t MessageType) (uint32, error) {
	r := C.mitchgo_create_channel(C.uint16_t(provider), C.char(t))
	if r.status != C.MITCH_OK {
		return 0, statusError("ChannelID", r.status)
	}
	return uint32(r.id), nil
}

// ValidateChannel refuses a malformed channel id (ErrInvalidChannelID).
func ValidateChannel(id uint32) error {
	return statusError("ValidateChannel", C.mitch_validate_channel(C.uint32_t(id)))
}

// DecodeChannel splits a valid channel id.
func DecodeChannel(id uint32) (Channel, error) {
	r := C.mitchgo_channel_decode(C.uint32_t(id))
	if r.status != C.MITCH_OK {
		return Channel{}, statusError("DecodeChannel", r.status)
	}
	return Channel{uint16(r.provider), MessageType(r._type)}, nil
}

// AppendChannel appends the 4 wire bytes of a channel id to dst.
func AppendChannel(dst []byte, id uint32) ([]byte, error) {
	return appendEncoded(dst, ChannelSize, func(out []byte) error {
		return statusError("AppendChannel", C.mitch_pack_channel(C.uint32_t(id), bytesPtr(out)))
	})
}

// ReadChannel reads and validates a channel id from its 4 wire bytes.
func ReadChannel(src []byte) (uint32, error) {
	r := C.mitchgo_unpack_channel(bytesPtr(src), C.size_t(len(src)))
	if r.status != C.MITCH_OK {
		return 0, statusError("ReadChannel", r.status)
	}
	return uint32(r.id), nil
}
