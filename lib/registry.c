/*
 * registry.c - the registry rows as public structs: assets by id and in
 * order, asset classes and instrument types.
 */
#include <config.h>

#include "registry.h"

void libmitch_reg_fill_asset(size_t row, mitch_asset *out) {
  const reg_asset_row *a = &libmitch_reg_assets[row];
  out->asset_id = reg_pack_asset(a->asset_class, a->id);
  out->class_id = a->id;
  out->asset_class = a->asset_class;
  out->name = REG_STR(a->name);
  out->symbol = REG_STR(a->symbol);
  out->aliases = REG_STR(a->aliases);
}

/* Row of (asset_class, class_id): binary search inside the class's rows,
   which the generator sorted by id.  -1 when absent. */
static long find_row(uint8_t asset_class, uint16_t class_id) {
  size_t lo, hi;
  if (asset_class > LIMIT_NIBBLE_MAX)
    return -1;
  lo = libmitch_reg_class_first[asset_class];
  hi = libmitch_reg_class_first[asset_class + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint16_t id = libmitch_reg_assets[mid].id;
    if (id == class_id)
      return (long)mid;
    if (id < class_id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

int mitch_asset_get(uint8_t asset_class, uint16_t class_id, mitch_asset *out) {
  long row;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (asset_class > LIMIT_NIBBLE_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  row = find_row(asset_class, class_id);
  if (row < 0)
    return MITCH_ERR_NOT_FOUND;
  libmitch_reg_fill_asset((size_t)row, out);
  return MITCH_OK;
}

int mitch_asset_get_packed(uint32_t asset_id, mitch_asset *out) {
  uint8_t asset_class;
  uint16_t class_id;
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (asset_id > LIMIT_PACKED_ASSET_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  reg_unpack_asset(asset_id, &asset_class, &class_id);
  return mitch_asset_get(asset_class, class_id, out);
}

size_t mitch_asset_count(uint8_t asset_class) {
  if (asset_class > LIMIT_NIBBLE_MAX)
    return 0;
  return (size_t)(libmitch_reg_class_first[asset_class + 1] -
                  libmitch_reg_class_first[asset_class]);
}

int mitch_asset_at(uint8_t asset_class, size_t index, mitch_asset *out) {
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (asset_class > LIMIT_NIBBLE_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  if (index >= mitch_asset_count(asset_class))
    return MITCH_ERR_NOT_FOUND;
  libmitch_reg_fill_asset(libmitch_reg_class_first[asset_class] + index, out);
  return MITCH_OK;
}

static int code_row(const reg_code_row *table, uint8_t id, mitch_class_info *out) {
  if (!out)
    return MITCH_ERR_INVALID_DATA;
  if (id > LIMIT_NIBBLE_MAX)
    return MITCH_ERR_INVALID_FIELD_VALUE;
  out->id = id;
  out->name = REG_STR(table[id].name);
  out->code = REG_STR(table[id].code);
  return MITCH_OK;
}

int mitch_asset_class_get(uint8_t asset_class, mitch_class_info *out) {
  return code_row(libmitch_reg_classes, asset_class, out);
}

int mitch_instrument_type_get(uint8_t instrument_type, mitch_class_info *out) {
  return code_row(libmitch_reg_instrument_types, instrument_type, out);
}
