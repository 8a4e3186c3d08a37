#!/bin/sh
# exported-symbols.sh - the ELF shared library exports exactly its API:
#   - the soname is libmitch.so.1;
#   - it defines the version nodes MITCH_1.0 and MITCH_1.1, the second
#     inheriting the first;
#   - every dynamic symbol it defines starts with mitch_ and carries the
#     version node lib/libmitch.map puts it in, and every symbol the map
#     lists is exported: a symbol moved between nodes or missing fails here;
#   - MITCH_1.0 is frozen: exactly the 108 functions of the 1.0.0 release
#     (their count and the cksum of their sorted names, taken from the
#     released 1.0.0 library), so nothing new can slip into it;
#     (dist-build/check-packaging.sh checks debian/libmitch1.symbols
#     against the same map);
#   - every function of ffi.md's flat ABI and every MITCH_API function of
#     include/mitch.h is among them.
# Not an ELF build (e.g. a Windows cross build), or no objdump: skipped (77).
#
# Environment (set by make check): MITCH_TOP_BUILDDIR, MITCH_TOP_SRCDIR,
# MITCH_SHARED_DIR, OBJDUMP.
set -u

me=exported-symbols
builddir=${MITCH_TOP_BUILDDIR:-.}
top_srcdir=${MITCH_TOP_SRCDIR:-${srcdir:-.}}
lib=$builddir/lib/.libs/libmitch.so.1
objdump=${OBJDUMP:-objdump}
# Every version node and the release that introduced it, oldest first.
version_nodes="MITCH_1.0:1.0.0 MITCH_1.1:1.1.0"
map=$top_srcdir/lib/libmitch.map
# MITCH_1.0 as released in 1.0.0: `objdump -T libmitch.so.1.0.0`'s mitch_*
# names, sorted one per line, through cksum.
frozen_10_count=108
frozen_10_cksum="2065666836 2348"

# The registry functions (issue 3) are part of the library: required.  Set
# to no only for a build without the registry; then they are optional as a
# group (if any of them is exported, all must be).
registry_required=yes

# The flat ABI of ffi.md (registry functions excluded), one per line.
flat_abi="
mitch_pack_trade
mitch_unpack_trade
mitch_pack_order
mitch_unpack_order
mitch_pack_tick
mitch_unpack_tick
mitch_pack_index
mitch_unpack_index
mitch_pack_order_book
mitch_unpack_order_book
mitch_get_message_sizes
mitch_pack_header
mitch_unpack_header
mitch_create_header
mitch_create_ticker_id
mitch_decode_ticker_id
mitch_create_channel
mitch_pack_channel
mitch_unpack_channel
mitch_pack_asset
mitch_unpack_asset
mitch_get_version
mitch_get_version_len
mitch_get_protocol_version
mitch_get_protocol_version_len
mitch_strerror
"
# The registry functions: the flat ones of ffi.md, then the typed ones of
# mitch.h.
registry_functions="
mitch_resolve_asset
mitch_resolve_asset_in_class
mitch_get_asset_by_id
mitch_resolve_ticker
mitch_find_market_provider
mitch_get_market_provider_by_id
mitch_get_all_market_providers
mitch_asset_get
mitch_asset_get_packed
mitch_asset_find
mitch_asset_count
mitch_asset_at
mitch_asset_class_get
mitch_instrument_type_get
mitch_provider_count
mitch_provider_at
mitch_provider_get
mitch_provider_find
mitch_resolve
mitch_name_key
mitch_jaro_winkler
"

if [ ! -f "$lib" ]; then
  echo "$me: $lib not built (not an ELF shared-library build): skipped"
  exit 77
fi
if ! command -v "$objdump" >/dev/null 2>&1; then
  echo "$me: no $objdump: skipped"
  exit 77
fi
if ! "$objdump" -p "$lib" >/dev/null 2>&1; then
  echo "$me: $objdump cannot read $lib (foreign architecture?): skipped"
  exit 77
fi

status=0
fail() {
  echo "$me: FAIL: $*" >&2
  status=1
}

# ---- soname --------------------------------------------------------------
soname=$("$objdump" -p "$lib" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libmitch.so.1 ] || fail "soname is '$soname', want libmitch.so.1"

# ---- defined dynamic symbols -----------------------------------------------
# objdump -T lines: ADDRESS FLAGS SECTION<TAB>SIZE VERSION NAME.  Keep the
# defined ones (section not *UND*) as "NAME VERSION".
defined=$("$objdump" -T "$lib" | awk -F '\t' '
  NF == 2 {
    n = split($1, head, " ")
    section = head[n]
    if (section == "*UND*") next
    m = split($2, tail, " ")
    if (m < 3) next
    print tail[m], tail[m - 1]
  }')
[ -n "$defined" ] || fail "no defined dynamic symbols found in $lib"

# ---- version nodes ---------------------------------------------------------
# "Version definitions:" lists each node; a node that inherits another is
# followed by an indented line naming its parent.
definitions=$("$objdump" -p "$lib" | sed -n '/^Version definitions:/,/^$/p')
previous=
for entry in $version_nodes; do
  node=${entry%%:*}
  echo "$definitions" | grep -q " $node\$" || fail "version node $node is not defined"
  if [ -n "$previous" ]; then
    parent=$(echo "$definitions" | awk -v n="$node" '
      found { print $1; exit } $NF == n { found = 1 }')
    [ "$parent" = "$previous" ] || fail "version node $node inherits '$parent', want $previous"
  fi
  previous=$node
done

# ---- each symbol in the node the map puts it in ------------------------------
[ -f "$map" ] || fail "cannot read $map"
# "name NODE" for every name the map lists (one "name;" per line)
recorded=$(awk '/^MITCH_[0-9.]* \{/ { n = $1 } /^ *mitch_[a-z0-9_]*;/ { sub(/;/, "", $1); print $1, n }' "$map")
[ -n "$recorded" ] || fail "no symbols found in $map"
recorded_node() {
  echo "$recorded" | awk -v n="$1" '$1 == n { print $2 }'
}
for entry in $version_nodes; do
  node=${entry%%:*}
  grep -q "^$node {" "$map" || fail "$map has no node $node"
done
n10=$(echo "$recorded" | awk '$2 == "MITCH_1.0" { print $1 }' | sort)
[ "$(echo "$n10" | wc -l)" -eq "$frozen_10_count" ] ||
  fail "MITCH_1.0 lists $(echo "$n10" | wc -l) symbols, the 1.0.0 release had $frozen_10_count"
[ "$(echo "$n10" | cksum)" = "$frozen_10_cksum" ] ||
  fail "MITCH_1.0 is not the node released in 1.0.0 (a symbol was added, removed or renamed)"

count=0
exported=" "
for pair in $(echo "$defined" | tr ' ' ':'); do
  name=${pair%%:*}
  version=${pair#*:}
  # Each version node appears as an absolute symbol named after it.
  if [ "$name" = "$version" ]; then
    case " $version_nodes " in
      *" $name:"*) continue ;;
    esac
  fi
  count=$((count + 1))
  case $name in
    mitch_*) ;;
    *) fail "exported symbol '$name' does not start with mitch_" ;;
  esac
  want=$(recorded_node "$name")
  if [ -z "$want" ]; then
    fail "symbol '$name' ($version) is not in $map"
  elif [ "$version" != "$want" ]; then
    fail "symbol '$name' has version '$version', $map says $want"
  fi
  exported="$exported$name "
done
for name in $(echo "$recorded" | awk '$1 ~ /^mitch_/ { print $1 }'); do
  case $exported in
    *" $name "*) ;;
    *) fail "$name is in $map but not exported" ;;
  esac
done

# ---- what must be there ----------------------------------------------------
header=$top_srcdir/include/mitch.h
[ -f "$header" ] || fail "cannot read $header"
header_functions=$(sed -n 's/^MITCH_API[^(]*[ *]\(mitch_[A-Za-z0-9_]*\)(.*/\1/p' "$header")
[ -n "$header_functions" ] || fail "found no MITCH_API functions in $header"

# ffi.md, where the shared tree exists, names no function this list lacks.
ffi=${MITCH_SHARED_DIR:-}/docs/ffi.md
if [ -n "${MITCH_SHARED_DIR:-}" ] && [ -f "$ffi" ]; then
  for name in $(grep -o 'mitch_[a-z0-9_]*' "$ffi" | sort -u); do
    [ "$name" = mitch_ ] && continue
    case " $(echo $flat_abi $registry_functions) " in
      *" $name "*) ;;
      *) fail "ffi.md names $name, which this test does not know: add it to flat_abi" ;;
    esac
  done
fi

is_exported() {
  case $exported in
    *" $1 "*) return 0 ;;
    *) return 1 ;;
  esac
}

registry_present=0
for name in $registry_functions; do
  is_exported "$name" && registry_present=$((registry_present + 1))
done
if [ "$registry_present" -gt 0 ]; then
  registry_required=yes # some are there: all of them must be
fi

missing=0
for name in $flat_abi $header_functions; do
  case " $(echo $registry_functions) " in
    *" $name "*) continue ;; # checked as a group below
  esac
  if ! is_exported "$name"; then
    fail "$name is not exported"
    missing=$((missing + 1))
  fi
done
if [ "$registry_required" = yes ]; then
  for name in $registry_functions; do
    is_exported "$name" || { fail "registry function $name is not exported"; missing=$((missing + 1)); }
  done
  registry_note="registry functions included"
else
  registry_note="registry functions not built yet, not required"
fi

if [ "$status" -eq 0 ]; then
  c10=$(echo "$recorded" | awk '$2 == "MITCH_1.0"' | wc -l)
  c11=$(echo "$recorded" | awk '$2 == "MITCH_1.1"' | wc -l)
  echo "$me: $lib: soname $soname, $count symbols ($c10 @ MITCH_1.0 as released, $c11 @ MITCH_1.1), each in its node; every flat-ABI and mitch.h function exported ($registry_note)"
fi
exit $status
