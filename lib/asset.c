/*
 * asset.c - packed assets: (asset_class << 16) | class_id in 20 bits, the
 * form ticker ids and the flat registry functions carry.
 */
#include <config.h>

#include "mitch.h"

#define PACKED_ASSET_MAX 0xFFFFFu

int mitch_pack_asset(uint8_t asset_class, uint16_t class_id, uint32_t *asset_id) {
  if (!asset_id)
    return MITCH_ERR_INVALID_DATA;
  if (asset_class > 15)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *asset_id = ((uint32_t)asset_class << 16) | class_id;
  return MITCH_OK;
}

int mitch_unpack_asset(uint32_t asset_id, uint8_t *asset_class, uint16_t *class_id) {
  if (!asset_class || !class_id)
    return MITCH_ERR_INVALID_DATA;
  if (asset_id > PACKED_ASSET_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *asset_class = (uint8_t)(asset_id >> 16);
  *class_id = (uint16_t)asset_id;
  return MITCH_OK;
}
