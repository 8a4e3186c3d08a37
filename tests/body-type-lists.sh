#!/bin/sh
# body-type-lists.sh - the body types are listed in one place, the
# descriptor table (lib/layout.h, lib/layout.c); everything else derives
# from it (mitch_layout_* at run time, body_layout() inside the library).
# A new list of the five types outside that table fails here.
#
# What counts as a list: after comments are removed, a window of WINDOW
# lines that names all five types, each by any of its spellings - the type
# constant (MITCH_MSG_TRADE), the type byte ('t'), the name ("trade"), the
# size macro (MITCH_TRADE_SIZE), the struct/function prefix (mitch_trade) or
# the flat function (mitch_pack_trade) - or a string of the five type bytes
# ("tosib").
#
# Some files must name every type on purpose; they are listed below with
# the number of lists each may hold and why (the test fails if one grows,
# and prints them all: they are the places a new body type must still be
# named).  Scanned: lib/ tools/ bench/ fuzz/ tests/ python/ (.c .h .sh .py
# .mk).  python/tests/test_table.py adds a finer scan of the Python package
# (its syntax tree: codes, layout names and class names).
set -u
me=body-type-lists
top=${MITCH_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
WINDOW=14

# file  lists-allowed  reason
allowed='
lib/layout.h 2 the descriptor table itself: the row lists and the type bytes for texts
lib/layout.c 4 the descriptor table itself: each body codec'"'"'s fast paths and type byte
bench/bench_ab.c 4 times each type'"'"'s own 1.0 functions in two libraries (the older one has no layout table)
bench/bench_codec.c 4 times each type'"'"'s own exported functions: its inputs, its flat rows, BENCH_BODY_TYPES
bench/stress_threads.c 1 stresses each type'"'"'s own flat pack functions from many threads
fuzz/fuzz_encode.c 1 fuzzes each type'"'"'s own encoders against its own packing of the fields
fuzz/fuzz_check.c 2 compares each type'"'"'s own validate/encode/decode/batch functions with the check and capture calls
fuzz/fuzz_util.h 1 oracle: the wire size of each type, from protocol.md, not from the library
fuzz/fuzz_decode.c 2 oracle: each typed decoder against the fuzzer'"'"'s own reading of the bytes
fuzz/make-corpus.py 2 seeds: packs each vector file'"'"'s fields (its own protocol.md reading)
tests/check_batch.c 1 tests each type'"'"'s batch functions
tests/check_capture.c 1 each type'"'"'s own single decoder (the API has no generic one), for the every-byte rule
tests/check_channel.c 1 oracle: the valid type bytes, typed in from protocol.md
tests/check_header.c 5 oracle: the valid type bytes, typed in from protocol.md
tests/check_layout.c 3 oracle: protocol.md'"'"'s tables and the compiler'"'"'s offsetof, typed in
tests/check_message.c 3 test data: a mixed stream of every type, built by hand
tests/check_rules.c 1 test data: edge values of a type byte, the five codes among them
tests/exported-symbols.sh 1 oracle: the flat ABI of ffi.md, one pack/unpack pair per type
tests/info-layouts.sh 3 oracle: the layouts the JSON must list, typed in
tests/body-type-lists.sh 1 this scan'"'"'s own patterns
python/mitch/_ffi.py 1 declares the flat ABI of ffi.md: its pack/unpack pair per type are distinct C functions
python/mitch/flat.py 1 the flat ABI in Python: one function per C function of ffi.md
python/mitch/__init__.py 2 re-exports the flat pack functions (mitch.pack_trade ...): imported and in __all__
python/mitch/codec.py 1 the typed per-type decoders of the 1.0 API (unpack_trade ...) in __all__
python/tests/test_bodies.py 2 oracle: a test per type of its own pack/unpack functions
python/tests/test_bulk.py 2 test data: sample bodies of every type, built by hand
python/tests/test_capture.py 1 test data: a capture of every type, built by hand
python/tests/test_memory_safety.py 3 test data: every unpack function and its size, and hostile calls per type
'

# Print "count" of lists in one file.
lists_in() {
  awk -v W="$WINDOW" -v file="$1" '
    function strip(s,   out, i, c, n) {
      # C comments (possibly spanning lines) and // comments; # comments
      # in shell, Python and make files
      out = ""
      n = length(s)
      for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (in_c) {
          if (c == "*" && substr(s, i + 1, 1) == "/") { in_c = 0; i++ }
          continue
        }
        if (is_c && c == "/" && substr(s, i + 1, 1) == "*") { in_c = 1; i++; continue }
        if (is_c && c == "/" && substr(s, i + 1, 1) == "/") break
        if (!is_c && c == "#" && (i == 1 || substr(s, i - 1, 1) ~ /[ \t]/)) break
        out = out c
      }
      return out
    }
    function has_all(w,   t) {
      if (w ~ /["'\''][tosib][tosib][tosib][tosib][tosib]["'\'']/) return 1
      gsub(/MITCH_MSG_ORDER_BOOK/, "@MMOB@", w)
      gsub(/MITCH_ORDER_BOOK_SIZE/, "@MOBS@", w)
      gsub(/mitch_order_book|pack_order_book/, "@MOB@", w)
      gsub(/"order_book"/, "@OBN@", w)
      t = 0
      t += w ~ /MITCH_MSG_TRADE|'\''t'\''|"trade"|MITCH_TRADE_SIZE|mitch_trade|pack_trade/
      t += w ~ /MITCH_MSG_ORDER|'\''o'\''|"order"|MITCH_ORDER_SIZE|mitch_order|pack_order/
      t += w ~ /MITCH_MSG_TICK|'\''s'\''|"tick"|MITCH_TICK_SIZE|mitch_tick|pack_tick/
      t += w ~ /MITCH_MSG_INDEX|'\''i'\''|"index"|MITCH_INDEX_SIZE|mitch_index|pack_index/
      t += w ~ /@MMOB@|'\''b'\''|@OBN@|@MOBS@|@MOB@/
      return t == 5
    }
    BEGIN { is_c = file ~ /\.[ch]$/ }
    { line[NR] = strip($0) }
    END {
      count = 0
      for (i = 1; i <= NR; i++) {
        w = ""
        for (j = i; j < i + W && j <= NR; j++) w = w " " line[j]
        if (has_all(w)) { count++; i += W - 1 }
      }
      print count
    }' "$1"
}

status=0
found=0
report=
for dir in lib tools bench fuzz tests python; do
  [ -d "$top/$dir" ] || continue
  # Build products are copies of the sources, not places that list the
  # types (python/build and .pybuild: what setup.py and pybuild make in
  # the Debian and RPM package builds).
  for path in $(cd "$top" && find "$dir" \( -path python/build -o -name .pybuild \
                  -o -name __pycache__ \) -prune -o -type f \( -name '*.c' -o -name '*.h' \
                  -o -name '*.sh' -o -name '*.py' -o -name '*.mk' \) -print | LC_ALL=C sort); do
    n=$(lists_in "$top/$path")
    [ "$n" -eq 0 ] && continue
    found=$((found + 1))
    max=$(echo "$allowed" | awk -v p="$path" '$1 == p { print $2 }')
    if [ -z "$max" ]; then
      echo "$me: FAIL: $path lists the body types ($n time(s)): derive it from the layout table (mitch_layout_*, body_layout())"
      status=1
    elif [ "$n" -gt "$max" ]; then
      echo "$me: FAIL: $path lists the body types $n times, $max allowed"
      status=1
    else
      report="$report
  $path ($n): $(echo "$allowed" | awk -v p="$path" '$1 == p { $1 = ""; $2 = ""; sub(/^  */, ""); print }')"
    fi
  done
done
if [ "$found" -eq 0 ]; then
  echo "$me: FAIL: found no list at all, not even the table: the scan is broken"
  exit 1
fi
echo "$me: the places that name every body type:$report"
exit $status
