#!/bin/sh
# exported-symbols.sh - libmitch-redis exports exactly its API, and libmitch
# still needs nothing but libc:
#   - the soname is libmitch-redis.so.1; it needs libmitch.so.1 and hiredis;
#   - every dynamic symbol it defines is a mitch_redis_* function of
#     include/mitch-redis.h, version MITCH_REDIS_1.0, and every such function
#     is there;
#   - lib/redis/libmitch-redis.map and debian/libmitch-redis1.symbols (in a
#     git checkout; a tarball has no debian/) list the same functions;
#   - libmitch.so.1 needs only libc.
# Environment (make check): MITCH_TOP_BUILDDIR, MITCH_TOP_SRCDIR, OBJDUMP.
set -u
me=redis-exported-symbols
builddir=${MITCH_TOP_BUILDDIR:-.}
top_srcdir=${MITCH_TOP_SRCDIR:-${srcdir:-.}}
lib=$builddir/lib/redis/.libs/libmitch-redis.so.1
core=$builddir/lib/.libs/libmitch.so.1
objdump=${OBJDUMP:-objdump}
command -v "$objdump" >/dev/null 2>&1 || { echo "$me: no $objdump: skipped"; exit 77; }
[ -f "$lib" ] || { echo "$me: FAIL: $lib not built"; exit 1; }
status=0
fail() {
  echo "$me: FAIL: $*"
  status=1
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/redis-symbols.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

soname=$("$objdump" -p "$lib" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libmitch-redis.so.1 ] || fail "soname is '$soname', want libmitch-redis.so.1"
needed=$("$objdump" -p "$lib" | awk '$1 == "NEEDED" { print $2 }' | sort | paste -sd' ')
case " $needed " in *" libmitch.so.1 "*) ;; *) fail "does not need libmitch.so.1 ($needed)" ;; esac
case " $needed " in *" libhiredis.so."*) ;; *) fail "does not need hiredis ($needed)" ;; esac
# The sanitizer jobs link their runtimes into every library: those are not
# dependencies of the library itself.
core_needed=$("$objdump" -p "$core" | awk '$1 == "NEEDED" && $2 !~ /^lib(a|ub|t|l)san\.so/ { print $2 }' | paste -sd' ')
[ "$core_needed" = libc.so.6 ] || fail "libmitch.so.1 needs '$core_needed', not libc alone"

# Defined dynamic symbols (objdump -T: ADDRESS FLAGS SECTION SIZE VERSION NAME).
"$objdump" -T "$lib" | awk '$4 != "*UND*" && NF >= 7 { print $(NF-1), $NF }' |
  grep -v '^MITCH_REDIS_1.0 MITCH_REDIS_1.0$' | sort >"$tmp/defined"
bad_version=$(awk '$1 != "MITCH_REDIS_1.0"' "$tmp/defined")
[ -z "$bad_version" ] || fail "symbols outside MITCH_REDIS_1.0: $bad_version"
awk '{ print $2 }' "$tmp/defined" | sort >"$tmp/exported"
sed -n 's/^MITCH_REDIS_API[^(]*[ *]\(mitch_redis_[a-z0-9_]*\)(.*/\1/p' \
  "$top_srcdir/include/mitch-redis.h" | sort >"$tmp/declared"
[ -s "$tmp/declared" ] || fail "no MITCH_REDIS_API functions found in mitch-redis.h"
cmp -s "$tmp/declared" "$tmp/exported" || {
  fail "exported symbols differ from mitch-redis.h (< header, > library):"
  diff "$tmp/declared" "$tmp/exported"
}
sed -n 's/^ *\(mitch_redis_[a-z0-9_]*\);$/\1/p' "$top_srcdir/lib/redis/libmitch-redis.map" | sort >"$tmp/map"
cmp -s "$tmp/declared" "$tmp/map" || {
  fail "lib/redis/libmitch-redis.map differs from mitch-redis.h (< header, > map):"
  diff "$tmp/declared" "$tmp/map"
}
if [ -f "$top_srcdir/debian/libmitch-redis1.symbols" ]; then
  sed -n 's/^ \(mitch_redis_[a-z0-9_]*\)@MITCH_REDIS_1.0 .*/\1/p' \
    "$top_srcdir/debian/libmitch-redis1.symbols" | sort >"$tmp/deb"
  cmp -s "$tmp/declared" "$tmp/deb" || {
    fail "debian/libmitch-redis1.symbols differs from mitch-redis.h (< header, > symbols):"
    diff "$tmp/declared" "$tmp/deb"
  }
fi
[ "$status" -eq 0 ] && echo "$me: ok ($(wc -l <"$tmp/declared") functions in MITCH_REDIS_1.0; libmitch needs $core_needed)"
exit "$status"
