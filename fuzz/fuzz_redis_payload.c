/*
 * fuzz_redis_payload.c - what libmitch-redis does with a payload that
 * arrives from the network, and with a message it is asked to publish.
 *
 * Input: byte 0 selects the payload kind and the receive time (bit 0: bare
 * bodies; bit 1: a receive time of 2^48, which no header can carry), byte 1
 * is the length of the channel name that follows (either spelling: decimal
 * text or 4 little-endian bytes), the rest is the payload.
 *
 * Properties, each against libmitch's own calls rather than the Redis
 * library's code: a delivery is MESSAGE or DAMAGED, never anything else;
 * MESSAGE exactly when the payload is one whole valid message of the
 * channel's type (mitch_stream_validate) or, for bare bodies, exactly one
 * valid body (mitch_body_validate) framed with the receive time; a DAMAGED
 * one has a status, a reason that is a NUL-terminated line, and an offset
 * inside the payload; the publisher's check gives the receiver's verdict.
 */
#include "fuzz_util.h"

#include "../lib/redis/internal.h"

#define RECEIVE_TIME UINT64_C(34200000000000) /* 09:30 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t frame[MR_FRAME_MAX]; /* where a bare body is framed */
  mitch_redis_delivery d;
  uint32_t channel = 0;
  unsigned name_flags = 0;
  unsigned flags;
  uint8_t type;
  size_t name_len, len, body_size = 0;
  int channel_ok, expect_ok;
  uint8_t *name, *payload;
  char why[MITCH_REDIS_ERROR_SIZE];

  if (size < 2)
    return 0;
  flags = data[0] & 1u ? MITCH_REDIS_BARE_BODIES : 0;
  name_len = data[1];
  if (name_len > size - 2)
    return 0;
  name = fuzz_copy(data + 2, name_len);
  len = size - 2 - name_len;
  payload = fuzz_copy(data + 2 + name_len, len);

  channel_ok = mitch_redis_channel_parse(name, name_len, &channel, &name_flags) == MITCH_OK;
  type = channel_ok ? mr_channel_type(channel) : 0;

  mr_delivery_reset(&d);
  d.receive_time = data[0] & 2u ? UINT64_C(1) << 48 : RECEIVE_TIME;
  mr_judge_payload(payload, len, channel, channel_ok, flags, frame, &d);

  /* The oracle: libmitch's verdict on the same bytes. */
  if (!type) {
    expect_ok = 0;
  } else if (flags & MITCH_REDIS_BARE_BODIES) {
    FUZZ_ASSERT(mitch_body_size(type, &body_size) == MITCH_OK);
    expect_ok = len == body_size && mitch_body_validate(type, payload, len) == MITCH_OK &&
                !(data[0] & 2u);
  } else {
    mitch_stream_info info;
    expect_ok = len > 0 && mitch_stream_validate(payload, len, type, &info) == MITCH_OK &&
                info.messages == 1;
  }

  FUZZ_ASSERT(d.kind == MITCH_REDIS_MESSAGE || d.kind == MITCH_REDIS_DAMAGED);
  FUZZ_ASSERT((d.kind == MITCH_REDIS_MESSAGE) == expect_ok);
  FUZZ_ASSERT(memchr(d.reason, '\0', sizeof d.reason) != NULL);
  if (d.kind == MITCH_REDIS_DAMAGED) {
    FUZZ_ASSERT(d.status != MITCH_OK && d.error.status == d.status);
    FUZZ_ASSERT(d.reason[0] != '\0' && d.error.offset <= len);
    FUZZ_ASSERT(memchr(d.error.text, '\0', sizeof d.error.text) != NULL);
    if (!type)
      FUZZ_ASSERT(d.status == MITCH_ERR_INVALID_CHANNEL_ID);
  } else if (flags & MITCH_REDIS_BARE_BODIES) {
    mitch_header h;
    FUZZ_ASSERT(d.status == MITCH_OK && (d.flags & MITCH_REDIS_STAMPED));
    FUZZ_ASSERT(d.data == frame && d.size == MITCH_HEADER_SIZE + len);
    FUZZ_ASSERT(mitch_header_decode(frame, MITCH_HEADER_SIZE, &h) == MITCH_OK);
    FUZZ_ASSERT(h.message_type == type && h.count == 1 && h.timestamp == RECEIVE_TIME);
    FUZZ_ASSERT(memcmp(frame + MITCH_HEADER_SIZE, payload, len) == 0);
  } else {
    /* a whole message is handed out in place, unchanged */
    FUZZ_ASSERT(d.status == MITCH_OK && d.data == payload && d.size == len);
  }

  /* What a publisher may send on that channel is what a receiver accepts. */
  if (type && !(flags & MITCH_REDIS_BARE_BODIES)) {
    size_t n_bodies = 0;
    int st = mr_check_outgoing(channel, payload, len, &n_bodies, why);
    FUZZ_ASSERT((st == MITCH_OK) == expect_ok);
    FUZZ_ASSERT(st == MITCH_OK ? n_bodies == payload[7] && n_bodies > 0
                               : st == d.status);
  }

  free(name);
  free(payload);
  return 0;
}
