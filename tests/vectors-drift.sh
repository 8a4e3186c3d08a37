#!/bin/sh
# vectors-drift.sh - the project's copy of the conformance vectors
# (tests/vectors) must be byte-identical to the shared ones
# ($MITCH_SHARED_DIR/conformance), file for file.
#
# When the shared tree does not exist at all (a build from the release
# tarball), there is nothing to compare with: the test passes and says so.
# When it exists, any missing, extra or different file is a failure.
#
# Environment (set by make check): MITCH_SHARED_DIR, MITCH_VECTORS_DIR;
# srcdir is the fallback for the latter.
set -u

me=vectors-drift
copy=${MITCH_VECTORS_DIR:-${srcdir:-.}/tests/vectors}
shared_root=${MITCH_SHARED_DIR:-${srcdir:-.}/../shared}
shared=$shared_root/conformance

if [ ! -d "$copy" ]; then
  echo "$me: FAIL: the project's copy $copy is missing" >&2
  exit 1
fi
if [ ! -e "$shared_root" ]; then
  echo "$me: $shared_root does not exist (tarball build): compared nothing"
  exit 0
fi
if [ ! -d "$shared" ]; then
  echo "$me: FAIL: $shared_root exists but has no conformance/ folder" >&2
  exit 1
fi

tmp=${TMPDIR:-/tmp}/$me.$$
trap 'rm -f "$tmp".a "$tmp".b' 0 1 2 15

# Every entry (files, folders, links) of both trees, by relative path.
(cd "$copy" && find . -print | sed "s|^\./||" | LC_ALL=C sort) >"$tmp".a || exit 1
(cd "$shared" && find . -print | sed "s|^\./||" | LC_ALL=C sort) >"$tmp".b || exit 1

status=0
if ! cmp -s "$tmp".a "$tmp".b; then
  echo "$me: FAIL: the two trees list different entries ('<' only in $copy, '>' only in $shared):" >&2
  diff "$tmp".a "$tmp".b | sed -n 's/^[<>] .*/  &/p' >&2
  status=1
fi

compared=0
while IFS= read -r entry; do
  if [ -f "$copy/$entry" ] && [ -f "$shared/$entry" ]; then
    compared=$((compared + 1))
    if ! cmp -s "$copy/$entry" "$shared/$entry"; then
      echo "$me: FAIL: $entry differs:" >&2
      cmp "$copy/$entry" "$shared/$entry" >&2
      status=1
    fi
  elif [ -f "$copy/$entry" ] || [ -f "$shared/$entry" ]; then
    if [ -e "$copy/$entry" ] && [ -e "$shared/$entry" ]; then
      echo "$me: FAIL: $entry is a file in one tree and not in the other" >&2
      status=1
    fi
  fi
done <"$tmp".a

if [ "$compared" -eq 0 ]; then
  echo "$me: FAIL: no files compared between $copy and $shared" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "$me: $compared files of $copy are identical to $shared"
else
  echo "$me: copy the shared vectors again: cp -r $shared/. tests/vectors/" >&2
fi
exit $status
