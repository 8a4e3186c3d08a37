/*
 * channel.c - 32-bit pub/sub channel ids:
 * (provider_id << 16) | (message_type << 8) | 0, packed little-endian.
 * Redis/Kafka/NATS users name their topics with the decimal value.
 */
#include <config.h>

#include "body.h"

/* Where the fields of a channel id sit. */
#define CHANNEL_PROVIDER_SHIFT 16
#define CHANNEL_TYPE_SHIFT 8
#define CHANNEL_LOW_BYTE 0xFFu /* must be zero */

MITCH_INLINE int channel_valid(uint32_t channel_id) {
  return (channel_id & CHANNEL_LOW_BYTE) == 0 &&
         type_is_valid((uint8_t)(channel_id >> CHANNEL_TYPE_SHIFT));
}

int mitch_validate_channel(uint32_t channel_id) {
  return channel_valid(channel_id) ? MITCH_OK : MITCH_ERR_INVALID_CHANNEL_ID;
}

int mitch_create_channel(uint16_t provider_id, char message_type, uint32_t *channel_id) {
  uint8_t type = (uint8_t)message_type;
  if (!channel_id)
    return MITCH_ERR_INVALID_DATA;
  if (!type_is_valid(type))
    return MITCH_ERR_INVALID_MESSAGE_TYPE;
  *channel_id = ((uint32_t)provider_id << CHANNEL_PROVIDER_SHIFT) |
                ((uint32_t)type << CHANNEL_TYPE_SHIFT);
  return MITCH_OK;
}

int mitch_channel_decode(uint32_t channel_id, uint16_t *provider_id, uint8_t *message_type) {
  if (!provider_id || !message_type)
    return MITCH_ERR_INVALID_DATA;
  if (!channel_valid(channel_id))
    return MITCH_ERR_INVALID_CHANNEL_ID;
  *provider_id = (uint16_t)(channel_id >> CHANNEL_PROVIDER_SHIFT);
  *message_type = (uint8_t)(channel_id >> CHANNEL_TYPE_SHIFT);
  return MITCH_OK;
}

int mitch_pack_channel(uint32_t channel_id, uint8_t *out) {
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (!channel_valid(channel_id))
    return MITCH_ERR_INVALID_CHANNEL_ID;
  wire_store_u32(out, channel_id);
  return MITCH_OK;
}

int mitch_unpack_channel(const uint8_t *bytes, size_t len, uint32_t *channel_id) {
  uint32_t v;
  if (!bytes || !channel_id)
    return MITCH_ERR_INVALID_DATA;
  if (len < MITCH_CHANNEL_SIZE)
    return MITCH_ERR_BUFFER_TOO_SMALL;
  v = wire_load_u32(bytes);
  if (!channel_valid(v))
    return MITCH_ERR_INVALID_CHANNEL_ID;
  *channel_id = v;
  return MITCH_OK;
}
