/*
 * slot.c - Redis Cluster hash slots: CRC16 of the key (or of its hash tag)
 * modulo 16384, as the cluster specification defines them.
 */
#include <config.h>

#include "internal.h"

/* Bit by bit rather than a 256-entry table: keys are a few dozen bytes and
   every slot lookup goes with a network round trip. */
uint16_t mr_crc16(const void *data, size_t len) {
  const unsigned char *p = data;
  unsigned crc = 0;
  size_t i;
  int bit;
  for (i = 0; i < len; i++) {
    crc ^= (unsigned)p[i] << 8;
    for (bit = 0; bit < 8; bit++)
      crc = (crc & 0x8000u) ? ((crc << 1) ^ 0x1021u) : (crc << 1);
    crc &= 0xffffu;
  }
  return (uint16_t)crc;
}

/* A key containing "{...}" with at least one byte between the first '{' and
   the first '}' after it hashes only those bytes, so related keys can share
   a slot.  Binary channel names can contain the brace bytes too. */
unsigned mr_key_slot(const void *key, size_t len) {
  const unsigned char *k = key;
  size_t open, close;
  for (open = 0; open < len; open++)
    if (k[open] == '{')
      break;
  if (open < len) {
    for (close = open + 1; close < len; close++)
      if (k[close] == '}')
        break;
    if (close < len && close != open + 1)
      return mr_crc16(k + open + 1, close - open - 1) & (MR_SLOTS - 1);
  }
  return mr_crc16(k, len) & (MR_SLOTS - 1);
}
