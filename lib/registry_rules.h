/*
 * registry_rules.h - what the registry's table generator and the library
 * share (internal).
 *
 * tools/gen-registry.c turns data/ into lib/registry_data.c on the build
 * machine (compiled with CC_FOR_BUILD, also in cross builds); the library
 * reads those tables at lookup time.  Each rule the two sides must agree
 * on is written once, here or in lib/name_key.c, and both compile it:
 *
 *   - the limits the tables are built to (4-bit classes, key length);
 *   - the format of the tables: rows, candidates, key groups, key index;
 *   - the comparison key of a text (resolution.md, "Normalisation"):
 *     lib/name_key.c;
 *   - the hash of a key and its character-set mask;
 *   - the order of the candidates that share a key: tie rules 3-5.
 *
 * Tie rules 1 and 2 depend on the query, so only the library applies them
 * (key_index.c, preference()); the generator sorts every key's candidates
 * by rules 3-5 once, and a lookup scans them in that order.
 *
 * Needs only the C library, the public mitch.h and protocol_limits.h: no
 * config.h, nothing that describes the host the library is built for.
 */
#ifndef MITCH_REGISTRY_RULES_H
#define MITCH_REGISTRY_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"
#include "protocol_limits.h"

/* ---- limits -------------------------------------------------------------- */

/* Asset classes and instrument types are 4-bit fields (ticker ids, packed
   assets): 0..LIMIT_NIBBLE_MAX (protocol_limits.h, shared with the
   codecs), REG_CLASS_COUNT of them. */
#define REG_CLASS_COUNT (LIMIT_NIBBLE_MAX + 1u)

/* A packed asset: (asset_class << 16) | class_id, 20 bits
   (LIMIT_PACKED_ASSET_MAX). */
static inline uint32_t reg_pack_asset(unsigned asset_class, uint16_t class_id) {
  return ((uint32_t)asset_class << 16) | class_id;
}
/* The reverse, for asset_id <= LIMIT_PACKED_ASSET_MAX. */
static inline void reg_unpack_asset(uint32_t asset_id, uint8_t *asset_class, uint16_t *class_id) {
  *asset_class = (uint8_t)(asset_id >> 16);
  *class_id = (uint16_t)asset_id;
}

/* Registry keys fit a 64-bit position mask in the fuzzy matcher
   (similarity.c); the generator refuses a longer one. */
#define REG_MAX_KEY 64u

/* Jaro-Winkler's prefix bonus counts at most this many leading
   characters (resolution.md). */
#define REG_PREFIX_MAX 4u

/* The registry tables must stay within this budget (issue 3); the
   generator refuses more and the generated file asserts it. */
#define REG_TABLE_BUDGET (1u << 20)

/* ---- table format ---------------------------------------------------------
   tools/gen-registry.c writes each struct's initialisers field by field in
   the order declared here, and checks that every value fits its field. */

typedef struct reg_code_row {
  uint32_t name; /* offsets into libmitch_reg_strings */
  uint32_t code;
} reg_code_row;

typedef struct reg_asset_row {
  uint32_t name;    /* offsets into libmitch_reg_strings */
  uint32_t aliases; /* "a|b|c", "" if none */
  uint32_t symbol;  /* first alias alone, "" if none */
  uint16_t id;
  uint8_t asset_class;
} reg_asset_row;

typedef struct reg_provider_row {
  uint32_t name;
  uint32_t abbreviations;
  uint16_t id;
} reg_provider_row;

/* Candidate kinds: tie rule 4 for assets (primary symbol, later alias,
   name); for providers a name hit beats an abbreviation hit. */
enum { REG_KIND_PRIMARY = 0, REG_KIND_ALIAS = 1, REG_KIND_NAME = 2 };
enum { REG_KIND_PROVIDER_NAME = 0, REG_KIND_ABBREVIATION = 1 };

/* One registry string (a name or an alias) that has a group's key. */
typedef struct reg_candidate {
  uint32_t raw;  /* the string as written, in libmitch_reg_strings (not
                    NUL-terminated: an alias inside its "a|b|c" list) */
  uint16_t rank; /* position in reg_asset_order / reg_provider_order of
                    all candidates: the lower rank wins */
  uint16_t row;  /* index into libmitch_reg_assets / _providers */
  uint8_t raw_len;
  uint8_t kind;
  uint8_t asset_class; /* 0 for providers */
} reg_candidate;

/* All the candidates sharing one comparison key, sorted by rank. */
typedef struct reg_key_group {
  uint32_t key;     /* offset into libmitch_reg_keys (NUL-terminated) */
  uint32_t hash;    /* reg_key_hash() of the key */
  uint16_t first;   /* first candidate */
  uint8_t count;    /* number of candidates */
  uint8_t len;      /* key length, <= REG_MAX_KEY */
  uint16_t classes; /* bit c set when a candidate is of asset class c */
} reg_key_group;

typedef struct reg_index {
  const reg_key_group *groups;    /* sorted by (key length, key) */
  const reg_candidate *candidates;
  const uint64_t *masks;          /* reg_key_mask() of each group's key */
  const uint8_t *mask_bits;       /* bits set in each mask */
  const uint16_t *slots;          /* open addressing: group index + 1, 0 = empty */
  const uint16_t *by_length;      /* groups of key length L: [by_length[L], by_length[L+1]) */
  const char *keys;
  uint32_t n_groups;
  uint32_t n_candidates;
  uint32_t slot_mask;             /* table size - 1 (a power of two) */
  uint32_t max_len;               /* longest key */
} reg_index;

/* The generated tables (lib/registry_data.c). */
extern const char libmitch_reg_strings[];
extern const char libmitch_reg_keys[];
extern const reg_code_row libmitch_reg_classes[REG_CLASS_COUNT];
extern const reg_code_row libmitch_reg_instrument_types[REG_CLASS_COUNT];
extern const reg_asset_row libmitch_reg_assets[];
extern const size_t libmitch_reg_asset_count;
/* Class c has the rows [first[c], first[c+1]), sorted by id. */
extern const uint16_t libmitch_reg_class_first[REG_CLASS_COUNT + 1];
extern const uint16_t libmitch_reg_usd_row; /* US Dollar, the default quote */
extern const reg_provider_row libmitch_reg_providers[];
extern const size_t libmitch_reg_provider_count;
extern const reg_index libmitch_reg_asset_index;
extern const reg_index libmitch_reg_provider_index;

/* ---- keys ------------------------------------------------------------------ */

static inline unsigned char reg_lower_ascii(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* The comparison key of text[0..len) (resolution.md: lower-cased ASCII
   letters, digits and non-ASCII bytes, leading "the" and one trailing
   business-suffix word dropped).  out must hold len bytes; returns the key
   length.  lib/name_key.c. */
size_t libmitch_reg_name_key(const char *text, size_t len, char *out);

/* FNV-1a, the hash of the key index's open-addressing table. */
#define REG_HASH_START 0x811C9DC5u
static inline uint32_t reg_key_hash_step(uint32_t h, char c) {
  return (h ^ (unsigned char)c) * 0x01000193u;
}
static inline uint32_t reg_key_hash(const char *key, size_t len) {
  uint32_t h = REG_HASH_START;
  size_t i;
  for (i = 0; i < len; i++)
    h = reg_key_hash_step(h, key[i]);
  return h;
}

/* The character-set bit of a key byte: one per letter and digit, the
   non-ASCII bytes share the rest (sharing only weakens the fuzzy bound). */
static inline unsigned reg_mask_bit(unsigned char c) {
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= '0' && c <= '9')
    return 26u + (c - '0');
  return 36u + c % 28u;
}

/* ---- tie rules 3-5 ------------------------------------------------------- */

/* Tie rule 3: the class precedence FX, CR, CM, IP, EQ, SD, then the rest
   by class number. */
static inline unsigned reg_class_precedence(unsigned asset_class) {
  static const uint8_t first[] = {MITCH_CLASS_FOREX,   MITCH_CLASS_CRYPTO,
                                  MITCH_CLASS_COMMODITIES, MITCH_CLASS_INDICES,
                                  MITCH_CLASS_EQUITIES, MITCH_CLASS_SOVEREIGN_DEBT};
  unsigned i;
  for (i = 0; i < sizeof first; i++)
    if (first[i] == asset_class)
      return i;
  return (unsigned)sizeof first + asset_class;
}

/* The order of asset candidates, lower first: class precedence (rule 3),
   then kind (rule 4: primary symbol, later alias, name), then the lower id
   (rule 5).  Every (asset, kind) has its own value. */
static inline uint32_t reg_asset_order(unsigned asset_class, unsigned kind, uint16_t id) {
  return ((uint32_t)reg_class_precedence(asset_class) << 18) | ((uint32_t)kind << 16) | id;
}

/* Providers: a name before an abbreviation, then the lower id. */
static inline uint32_t reg_provider_order(unsigned kind, uint16_t id) {
  return ((uint32_t)kind << 16) | id;
}

#endif
