#!/bin/bash
# check-debian-install.sh [DEBDIR] - proof of use of the Debian packages.
#
# Installs the .debs that build-deb.sh left in DEBDIR (default:
# ${MITCH_BUILD_ROOT:-/tmp/mitch-build}/deb) on this machine, then, as a
# user would and with no environment variables at all (env -i):
#   1. compiles and runs a C program with `pkg-config --cflags --libs mitch`
#      (and one with `... mitch-redis`),
#   2. runs `mitch resolve EURUSD`,
#   3. runs /usr/bin/python3 -c 'import mitch ...', which must find the
#      library through ctypes.util.find_library (the ldconfig cache);
# and removes the packages again, whatever happened.  Expected values come
# from the conformance vectors (tests/vectors), not from the library.
# Needs root (or sudo) for apt-get.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
debdir=$(cd "${1:-${MITCH_BUILD_ROOT:-/tmp/mitch-build}/deb}" && pwd)
packages="libmitch1 libmitch-dev libmitch-redis1 libmitch-redis-dev mitch-tools python3-mitch"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
clean_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)

debs=()
for p in $packages; do
  f=$(ls "$debdir/${p}_"*.deb 2>/dev/null | head -n 1)
  [ -n "$f" ] || { echo "debian-install: no ${p}_*.deb in $debdir (run build-deb.sh)" >&2; exit 1; }
  debs+=("$f")
done

apt_get() {
  # Another apt may hold the lock for a while (shared machines, CI steps).
  local try
  for try in $(seq 1 30); do
    if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
        -o DPkg::Lock::Timeout=60 "$@"; then
      return 0
    fi
    fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1 || return 1
    sleep 10
  done
  return 1
}
remove_packages() {
  local installed
  installed=$( (dpkg-query -W -f='${Package} ${Status}\n' $packages 2>/dev/null || true) |
    awk '/ installed$/ { print $1 }' | paste -sd' ')
  [ -z "$installed" ] || apt_get purge $installed >/dev/null
}

work=$(mktemp -d "${TMPDIR:-/tmp}/mitch-debian-install.XXXXXX")
cleanup() {
  remove_packages || echo "debian-install: could not remove $packages" >&2
  rm -rf "$work"
}
trap cleanup EXIT

# A copy left by an earlier run would hide the new .debs (same version).
remove_packages
apt_get install --no-install-recommends "${debs[@]}" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; echo "debian-install: FAILED: apt-get install" >&2; exit 1; }

# Expected values from the vectors: EURUSD's ticker id and the first valid
# trade row's wire bytes.
vectors=$top/tests/vectors
eurusd_id=$(awk -F'\t' '$1 == "EURUSD" && $2 == "0" { print $3; exit }' "$vectors/resolution/tickers.tsv")
trade_row=$(awk -F'\t' 'NR > 1 && $6 !~ /^ERR/ { print; exit }' "$vectors/messages/trade.tsv")
[ -n "$eurusd_id" ] && [ -n "$trade_row" ] || { echo "debian-install: vectors not found in $vectors" >&2; exit 1; }
IFS=$'\t' read -r t_id t_price t_qty t_trade t_side t_expect <<<"$trade_row"

cat >"$work/use.c" <<EOF
/* Links the installed libmitch-dev: resolve a symbol, pack a trade. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <mitch.h>

int main(void) {
  uint64_t id = 0;
  uint32_t base = 0, quote = 0;
  double confidence = 0;
  uint8_t body[MITCH_TRADE_SIZE];
  char hex[2 * MITCH_TRADE_SIZE + 1];
  size_t i;
  int status;

  status = mitch_resolve_ticker("EURUSD", 0, &id, &base, &quote, &confidence);
  if (status != MITCH_OK || id != UINT64_C($eurusd_id)) {
    fprintf(stderr, "resolve EURUSD: status %d, id 0x%" PRIx64 "\n", status, id);
    return 1;
  }
  status = mitch_pack_trade(UINT64_C($t_id), $t_price, $t_qty, $t_trade, $t_side, body);
  for (i = 0; i < sizeof body; i++)
    sprintf(hex + 2 * i, "%02x", body[i]);
  if (status != MITCH_OK || strcmp(hex, "$t_expect") != 0) {
    fprintf(stderr, "pack_trade: status %d, bytes %s\n", status, hex);
    return 1;
  }
  printf("libmitch %s: EURUSD = 0x%016" PRIx64 ", trade bytes as in the vectors\n",
         mitch_get_version(), id);
  return 0;
}
EOF

# libmitch-redis: its channel names (transport.md's example) and its clear
# refusal of TLS, no server needed.
cat >"$work/use-redis.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <mitch-redis.h>

int main(void) {
  char name[16];
  size_t len = 0;
  mitch_redis *r = NULL;
  if (mitch_redis_channel_name(6648576, MITCH_REDIS_BINARY_CHANNEL, name, sizeof name, &len) !=
          MITCH_OK || len != 4 || memcmp(name, "\x00\x73\x65\x00", 4) != 0)
    return 1;
  if (mitch_redis_connect("rediss://127.0.0.1:6380", 100, &r, NULL, 0) != MITCH_REDIS_ERR_TLS)
    return 1;
  printf("libmitch-redis %s: channel names and the TLS refusal as documented\n",
         mitch_redis_version());
  return 0;
}
EOF

fail() {
  echo "debian-install: FAILED: $*" >&2
  exit 1
}
cd "$work"
# 1. C, through pkg-config only.
"${clean_env[@]}" sh -c 'cc -o use use.c $(pkg-config --cflags --libs mitch) && ./use' ||
  fail "C program built with pkg-config"
"${clean_env[@]}" sh -c 'cc -o use-redis use-redis.c $(pkg-config --cflags --libs mitch-redis) && ./use-redis' ||
  fail "C program built with pkg-config mitch-redis"
# 2. The tool.
resolve_out=$("${clean_env[@]}" mitch resolve EURUSD) || fail "mitch resolve EURUSD"
echo "$resolve_out"
id_digits=${eurusd_id#0x}
id_digits=${id_digits#"${id_digits%%[!0]*}"}
grep -qi "$id_digits\|$((eurusd_id))" <<<"$resolve_out" ||
  fail "mitch resolve EURUSD does not print $eurusd_id"
# 3. Python: Debian's interpreter, library found by find_library, and the
# loader's Windows DLL name is the one libtool gives the MinGW build.
"${clean_env[@]}" /usr/bin/python3 - "$eurusd_id" <<'EOF' || fail "python3 -c 'import mitch'"
import ctypes.util
import sys

import mitch
from mitch._loader import versioned_names

expected_id = int(sys.argv[1], 16)
assert mitch.library_source == "find_library", mitch.library_source
assert mitch.library_path.startswith("/usr/lib/"), mitch.library_path
assert ctypes.util.find_library("mitch") == "libmitch.so.1", ctypes.util.find_library("mitch")
ticker = mitch.resolve_ticker("EURUSD")
assert ticker.id == expected_id, hex(ticker.id)
assert versioned_names("win32") == ["libmitch-1.dll"], versioned_names("win32")
print("python3-mitch %s: %s via %s, EURUSD = %#018x"
      % (mitch.__version__, mitch.library_path, mitch.library_source, ticker.id))
EOF
echo "debian-install: ok: installed $packages, C via pkg-config (mitch, mitch-redis), mitch resolve, python3 import via find_library; removed"
