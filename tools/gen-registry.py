#!/usr/bin/env python3
"""Turn the registry data in data/ into lib/registry_data.c: constant C
tables (.rodata) the resolver reads directly, with no parsing, allocation or
initialisation at run time.

Usage: gen-registry.py DATA_DIR > registry_data.c

Reads DATA_DIR/asset-classes.tsv, instrument-types.tsv, assets.tsv and
providers.tsv (format: DATA_DIR/README.md), refuses data that breaks the
registry's rules (duplicate ids, ids wider than 16 bits, unknown classes,
fields with tabs or control characters), and writes:

  - the rows (classes, instrument types, assets in (class, id) order,
    providers in id order) with their strings in one string pool;
  - for assets and for providers a "key index": every distinct comparison
    key of a name or alias (see resolution.md, computed by name_key() below,
    which lib/normalize.c implements identically), grouped by key and sorted
    by (length, key), each group listing its candidates in tie-break order,
    an open-addressing hash table over the groups (FNV-1a), and for fuzzy
    search a 64-bit character-set mask per group.

It runs on the build machine (also in cross builds) and needs only the
Python 3 standard library.
"""
import os
import sys

# resolution.md: business-suffix words dropped from the end of names.
BUSINESS_SUFFIXES = {
    b"corporation", b"company", b"inc", b"corp", b"ltd", b"llc", b"limited",
    b"group", b"cie", b"plc", b"sa", b"ag", b"nv",
}

# Tie rule 3: class precedence FX, CR, CM, IP, EQ, SD, then by class number.
CLASS_PRECEDENCE = [3, 6, 4, 10, 0, 2]

# Candidate kinds, in tie-break order (tie rule 4).
KIND_PRIMARY, KIND_ALIAS, KIND_NAME = 0, 1, 2
# Providers: a name hit beats an abbreviation hit.
KIND_PROVIDER_NAME, KIND_ABBREVIATION = 0, 1

MAX_KEY = 64          # the fuzzy matcher keeps registry keys in a 64-bit mask
MAX_RAW = 255         # raw lengths are stored in a byte
TABLE_BUDGET = 1 << 20  # the issue: registry tables <= 1 MiB


def fail(msg):
    sys.stderr.write("gen-registry: %s\n" % msg)
    sys.exit(1)


# ---------------------------------------------------------------------------
# Keys: must match lib/normalize.c byte for byte.

def is_key_byte(c):
    """Letters, digits (after lower-casing) and non-ASCII bytes."""
    return 0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or c >= 0x80


def lower_ascii(data):
    return bytes(c + 32 if 0x41 <= c <= 0x5A else c for c in data)


def has_key_byte(data):
    return any(is_key_byte(c) for c in data)


def name_key(text):
    """The comparison key of a name, alias or query (bytes -> bytes)."""
    s = lower_ascii(text)
    start, end = 0, len(s)
    # A leading word "the" (followed by a space), if something is left.
    p = start
    while p < end and s[p] == 0x20:
        p += 1
    if s[p:p + 4] == b"the " and has_key_byte(s[p + 4:end]):
        start = p + 4
    # One trailing business-suffix word, preceded by a space; trailing
    # punctuation is ignored; only if something is left before it.
    e = end
    while e > start and not is_key_byte(s[e - 1]):
        e -= 1
    w = e
    while w > start and s[w - 1] != 0x20:
        w -= 1
    if w > start and s[w:e] in BUSINESS_SUFFIXES and has_key_byte(s[start:w - 1]):
        end = w - 1
    return bytes(c for c in s[start:end] if is_key_byte(c))


def fnv1a(data):
    h = 0x811C9DC5
    for c in data:
        h = ((h ^ c) * 0x01000193) & 0xFFFFFFFF
    return h


def mask_bit(c):
    """Character-set bit of a key byte (lib/registry.h: reg_mask_bit)."""
    if 0x61 <= c <= 0x7A:
        return c - 0x61
    if 0x30 <= c <= 0x39:
        return 26 + c - 0x30
    return 36 + c % 28


def char_mask(key):
    m = 0
    for c in key:
        m |= 1 << mask_bit(c)
    return m


# ---------------------------------------------------------------------------
# Reading data/

def read_tsv(path, columns):
    rows = []
    header = None
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        fail("cannot read %s: %s" % (path, e))
    with f:
        for lineno, line in enumerate(f, 1):
            if line.endswith("\n"):
                line = line[:-1]
            if line.endswith("\r"):
                fail("%s:%d: CR line ending" % (path, lineno))
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                if header != columns:
                    fail("%s:%d: header %r, expected %r" % (path, lineno, header, columns))
                continue
            if len(fields) != len(columns):
                fail("%s:%d: %d columns, expected %d" % (path, lineno, len(fields), len(columns)))
            for text in fields:
                if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
                    fail("%s:%d: control character in %r" % (path, lineno, text))
                if text != text.strip(" "):
                    fail("%s:%d: leading or trailing space in %r" % (path, lineno, text))
            rows.append((lineno, fields))
    if header is None:
        fail("%s: no header" % path)
    return rows


def parse_int(path, lineno, text, limit):
    if not text.isdigit():
        fail("%s:%d: %r is not a decimal number" % (path, lineno, text))
    value = int(text, 10)
    if value > limit:
        fail("%s:%d: %d is larger than %d" % (path, lineno, value, limit))
    return value


def split_list(path, lineno, text):
    if text == "":
        return []
    items = text.split("|")
    for item in items:
        if item == "" or item != item.strip():
            fail("%s:%d: empty or padded list item in %r" % (path, lineno, text))
    return items


def read_code_table(path):
    table = {}
    for lineno, (ident, code, name) in read_tsv(path, ["id", "code", "name"]):
        i = parse_int(path, lineno, ident, 15)
        if i in table:
            fail("%s:%d: id %d listed twice" % (path, lineno, i))
        if not name:
            fail("%s:%d: empty name" % (path, lineno))
        table[i] = (code, name)
    if sorted(table) != list(range(16)):
        fail("%s: ids 0..15 must all be listed" % path)
    return [table[i] for i in range(16)]


def read_assets(path):
    assets = []
    seen = set()
    for lineno, (cls, ident, name, aliases) in read_tsv(path, ["class", "id", "name", "aliases"]):
        c = parse_int(path, lineno, cls, 13)  # 14 and 15 are reserved
        i = parse_int(path, lineno, ident, 0xFFFF)
        if (c, i) in seen:
            fail("%s:%d: asset %d/%d listed twice" % (path, lineno, c, i))
        seen.add((c, i))
        if not name:
            fail("%s:%d: empty name" % (path, lineno))
        assets.append((c, i, name, split_list(path, lineno, aliases)))
    assets.sort(key=lambda a: (a[0], a[1]))
    return assets


def read_providers(path):
    providers = []
    seen = set()
    for lineno, (ident, name, abbrs) in read_tsv(path, ["id", "name", "abbreviations"]):
        i = parse_int(path, lineno, ident, 0xFFFF)
        if i in seen:
            fail("%s:%d: provider %d listed twice" % (path, lineno, i))
        seen.add(i)
        if not name:
            fail("%s:%d: empty name" % (path, lineno))
        providers.append((i, name, split_list(path, lineno, abbrs)))
    providers.sort()
    return providers


# ---------------------------------------------------------------------------
# Output

class StringPool:
    """All strings in one char array; NUL-terminated unless added raw."""

    def __init__(self):
        self.data = bytearray()
        self.offsets = {}

    def add(self, text):
        raw = text.encode("utf-8") if isinstance(text, str) else text
        if raw in self.offsets:
            return self.offsets[raw]
        off = len(self.data)
        self.data += raw + b"\0"
        self.offsets[raw] = off
        return off

    def list_items(self, items):
        """Add "a|b|c"; return its offset and the offset of each item in it."""
        joined = "|".join(items)
        off = self.add(joined)
        offsets = []
        pos = off
        for item in items:
            offsets.append(pos)
            pos += len(item.encode("utf-8")) + 1
        return off, offsets


def c_bytes(data, width=76):
    """A C string-literal initialiser for bytes (octal escapes for non-ASCII)."""
    out = []
    line = '  "'
    for c in data:
        if c == 0x22 or c == 0x5C:
            piece = "\\" + chr(c)
        elif 0x20 <= c < 0x7F and c != 0x3F:  # '?' escaped: no trigraphs
            piece = chr(c)
        else:
            piece = "\\%03o" % c
        if len(line) + len(piece) > width:
            out.append(line + '"')
            line = '  "'
        line += piece
    out.append(line + '"')
    return "\n".join(out)


def build_index(name, entries, rank_of, key_pool):
    """entries: (row, kind, class, raw text, offset of the raw text in the
    string pool).  Returns the C text and its size in bytes."""
    groups = {}
    for row, kind, cls, raw, raw_off in entries:
        raw_b = raw.encode("utf-8")
        key = name_key(raw_b)
        if not key:
            continue  # a string without letters or digits can never be looked up
        if len(key) > MAX_KEY:
            fail("%s: key of %r is longer than %d bytes" % (name, raw, MAX_KEY))
        if len(raw_b) > MAX_RAW:
            fail("%s: %r is longer than %d bytes" % (name, raw, MAX_RAW))
        groups.setdefault(key, []).append((rank_of(row, kind), row, kind, cls, raw_b, raw_off))
    keys = sorted(groups, key=lambda k: (len(k), k))
    if len(keys) >= 0xFFFF:
        fail("%s: too many keys" % name)
    max_len = max(len(k) for k in keys)

    cand_lines = []
    group_lines = []
    masks = []
    n_cand = 0
    for key in keys:
        cands = sorted(groups[key], key=lambda c: (c[0], c[1]))
        if len(cands) > 255:
            fail("%s: key %r has too many candidates" % (name, key))
        classes = 0
        for rank, row, kind, cls, raw_b, raw_off in cands:
            cand_lines.append("  {%d, %d, %d, %d, %d, %d}," % (
                raw_off, rank, row, len(raw_b), kind, cls))
            classes |= 1 << cls
        key_off = key_pool.add(key)
        group_lines.append("  {%d, 0x%08xu, %d, %d, %d, 0x%04x}," % (
            key_off, fnv1a(key), n_cand, len(cands), len(key), classes))
        masks.append(char_mask(key))
        n_cand += len(cands)
    if n_cand > 0xFFFF:
        fail("%s: too many candidates" % name)

    n_slots = 1
    while n_slots < 2 * len(keys):
        n_slots *= 2
    slots = [0] * n_slots
    for g, key in enumerate(keys):
        h = fnv1a(key) & (n_slots - 1)
        while slots[h]:
            h = (h + 1) & (n_slots - 1)
        slots[h] = g + 1

    by_length = [0] * (max_len + 2)
    for L in range(max_len + 2):
        by_length[L] = sum(1 for k in keys if len(k) < L)

    out = []
    out.append("static const reg_candidate %s_candidates[%d] = {" % (name, n_cand))
    out.extend(cand_lines)
    out.append("};")
    out.append("static const reg_key_group %s_groups[%d] = {" % (name, len(keys)))
    out.extend(group_lines)
    out.append("};")
    out.append("static const uint64_t %s_masks[%d] = {" % (name, len(keys)))
    for i in range(0, len(masks), 4):
        out.append("  " + " ".join("0x%016xu," % m for m in masks[i:i + 4]))
    out.append("};")
    out.append("static const uint8_t %s_mask_bits[%d] = {" % (name, len(keys)))
    for i in range(0, len(masks), 16):
        out.append("  " + " ".join("%d," % bin(m).count("1") for m in masks[i:i + 16]))
    out.append("};")
    out.append("static const uint16_t %s_slots[%d] = {" % (name, n_slots))
    for i in range(0, n_slots, 16):
        out.append("  " + " ".join("%d," % s for s in slots[i:i + 16]))
    out.append("};")
    out.append("static const uint16_t %s_by_length[%d] = {" % (name, max_len + 2))
    for i in range(0, len(by_length), 16):
        out.append("  " + " ".join("%d," % s for s in by_length[i:i + 16]))
    out.append("};")
    out.append("const reg_index libmitch_reg_%s_index = {" % name)
    out.append("  %s_groups, %s_candidates, %s_masks, %s_mask_bits, %s_slots, %s_by_length,"
               % ((name,) * 6))
    out.append("  libmitch_reg_keys, %d, %d, %du, %du" % (len(keys), n_cand, n_slots - 1, max_len))
    out.append("};")
    size = n_cand * 12 + len(keys) * (16 + 8 + 1) + n_slots * 2 + (max_len + 2) * 2
    return "\n".join(out), size


def main(data_dir):
    classes = read_code_table(os.path.join(data_dir, "asset-classes.tsv"))
    types = read_code_table(os.path.join(data_dir, "instrument-types.tsv"))
    assets = read_assets(os.path.join(data_dir, "assets.tsv"))
    providers = read_providers(os.path.join(data_dir, "providers.tsv"))
    for c, (code, name) in enumerate(classes):
        if c >= 14 and code:
            fail("asset class %d is reserved and has no code" % c)
    if len(assets) >= 0xFFFF or len(providers) >= 0xFFFF:
        fail("too many rows")

    pool = StringPool()
    key_pool = StringPool()
    pool.add("")

    out = ["/* Generated by tools/gen-registry.py from data/: do not edit. */",
           "#include <config.h>", "", '#include "registry.h"', ""]
    body = []

    body.append("const reg_code_row libmitch_reg_classes[16] = {")
    for code, name in classes:
        body.append("  {%d, %d}," % (pool.add(name), pool.add(code)))
    body.append("};")
    body.append("const reg_code_row libmitch_reg_instrument_types[16] = {")
    for code, name in types:
        body.append("  {%d, %d}," % (pool.add(name), pool.add(code)))
    body.append("};")

    # Assets.  The raw text of each alias is found inside the pool's copy of
    # the whole alias list, so candidates point into it (offset, length).
    asset_rows = []
    entries = []
    class_first = [0] * 17
    usd_row = -1
    for row, (c, i, name, aliases) in enumerate(assets):
        name_off = pool.add(name)
        aliases_off, alias_offs = pool.list_items(aliases)
        symbol_off = pool.add(aliases[0]) if aliases else 0
        asset_rows.append("  {%d, %d, %d, %d, %d}," % (name_off, aliases_off, symbol_off, i, c))
        entries.append((row, KIND_NAME, c, name, name_off))
        for n, alias in enumerate(aliases):
            entries.append((row, KIND_PRIMARY if n == 0 else KIND_ALIAS, c, alias, alias_offs[n]))
        if c == 3 and name == "US Dollar":
            usd_row = row
    for c in range(17):
        class_first[c] = sum(1 for a in assets if a[0] < c)
    if usd_row < 0:
        fail("the registry has no Forex asset named US Dollar (the default quote)")

    def precedence(cls):
        return CLASS_PRECEDENCE.index(cls) if cls in CLASS_PRECEDENCE else 6 + cls

    order = sorted({(e[0], e[1]) for e in entries},
                   key=lambda rk: (precedence(assets[rk[0]][0]), rk[1], assets[rk[0]][1],
                                   assets[rk[0]][0]))
    asset_rank = {rk: n for n, rk in enumerate(order)}

    body.append("const reg_asset_row libmitch_reg_assets[%d] = {" % len(assets))
    body.extend(asset_rows)
    body.append("};")
    body.append("const uint16_t libmitch_reg_class_first[17] = {%s};" %
                ", ".join(str(x) for x in class_first))
    body.append("const uint16_t libmitch_reg_usd_row = %d;" % usd_row)

    asset_index, asset_index_size = build_index(
        "asset", entries,
        lambda row, kind: asset_rank[(row, kind)], key_pool)

    # Providers: an abbreviation must not collide with a name key (names win,
    # so it would be dead data) nor with another provider's abbreviation.
    prov_rows = []
    prov_entries = []
    name_keys = {}
    for row, (i, name, abbrs) in enumerate(providers):
        name_off = pool.add(name)
        abbrs_off, abbr_offs = pool.list_items(abbrs)
        prov_rows.append("  {%d, %d, %d}," % (name_off, abbrs_off, i))
        prov_entries.append((row, KIND_PROVIDER_NAME, 0, name, name_off))
        name_keys.setdefault(name_key(name.encode()), i)
        for n, a in enumerate(abbrs):
            prov_entries.append((row, KIND_ABBREVIATION, 0, a, abbr_offs[n]))
    abbr_keys = {}
    for row, (i, name, abbrs) in enumerate(providers):
        for a in abbrs:
            k = name_key(a.encode())
            if k in name_keys:
                fail("providers: abbreviation %r of %d is the key of provider %d's name"
                     % (a, i, name_keys[k]))
            if k in abbr_keys and abbr_keys[k] != i:
                fail("providers: abbreviation %r of %d is also one of %d" % (a, i, abbr_keys[k]))
            abbr_keys[k] = i

    prov_order = sorted({(e[0], e[1]) for e in prov_entries},
                        key=lambda rk: (rk[1], providers[rk[0]][0]))
    prov_rank = {rk: n for n, rk in enumerate(prov_order)}
    body.append("const reg_provider_row libmitch_reg_providers[%d] = {" % len(providers))
    body.extend(prov_rows)
    body.append("};")
    provider_index, provider_index_size = build_index(
        "provider", prov_entries,
        lambda row, kind: prov_rank[(row, kind)], key_pool)

    body.append(asset_index)
    body.append(provider_index)

    out.append("const char libmitch_reg_strings[%d] =\n%s;" % (len(pool.data), c_bytes(pool.data)))
    out.append("const char libmitch_reg_keys[%d] =\n%s;" % (len(key_pool.data), c_bytes(key_pool.data)))
    out.extend(body)
    out.append("const size_t libmitch_reg_asset_count = %d;" % len(assets))
    out.append("const size_t libmitch_reg_provider_count = %d;" % len(providers))

    total = (len(pool.data) + len(key_pool.data) + 16 * 8 * 2 + len(assets) * 16 +
             len(providers) * 12 + asset_index_size + provider_index_size)
    if total > TABLE_BUDGET:
        fail("registry tables take %d bytes, more than the %d-byte budget" % (total, TABLE_BUDGET))
    out.append("")
    out.append("/* About %d bytes of tables (budget %d). */" % (total, TABLE_BUDGET))
    out.append("MITCH_STATIC_ASSERT(sizeof libmitch_reg_strings + sizeof libmitch_reg_keys +")
    out.append("                    sizeof libmitch_reg_assets + sizeof libmitch_reg_providers +")
    out.append("                    sizeof asset_candidates + sizeof asset_groups +")
    out.append("                    sizeof asset_masks + sizeof asset_mask_bits + sizeof asset_slots +")
    out.append("                    sizeof provider_candidates + sizeof provider_groups +")
    out.append("                    sizeof provider_masks + sizeof provider_mask_bits +")
    out.append("                    sizeof provider_slots <= %d,"
               % TABLE_BUDGET)
    out.append('                    "registry tables must stay within 1 MiB");')
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: gen-registry.py DATA_DIR > registry_data.c")
    main(sys.argv[1])
