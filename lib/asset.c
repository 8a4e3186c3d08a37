/*
 * asset.c - packed assets: (asset_class << 16) | class_id in 20 bits, the
 * form ticker ids and the flat registry functions carry.
 */
#include <config.h>

#include "registry_rules.h"

int mitch_pack_asset(uint8_t asset_class, uint16_t class_id, uint32_t *asset_id) {
  if (!asset_id)
    return MITCH_ERR_INVALID_DATA;
  if (asset_class > LIMIT_NIBBLE_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  *asset_id = reg_pack_asset(asset_class, class_id);
  return MITCH_OK;
}

int mitch_unpack_asset(uint32_t asset_id, uint8_t *asset_class, uint16_t *class_id) {
  if (!asset_class || !class_id)
    return MITCH_ERR_INVALID_DATA;
  if (asset_id > LIMIT_PACKED_ASSET_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  reg_unpack_asset(asset_id, asset_class, class_id);
  return MITCH_OK;
}
