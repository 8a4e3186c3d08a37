#!/bin/sh
# wine-run.sh PROGRAM [ARGS...] - run a Windows test program under wine.
#
# Used as MITCH_TEST_WRAPPER for the MinGW builds (dist-build/cross-build.sh).
# The directories in MITCH_WINE_DLL_DIRS (colon-separated Unix paths: the
# build's lib/.libs and the MinGW runtime DLLs) go on the Windows PATH so
# libmitch-1.dll and libwinpthread-1.dll are found; WINEPREFIX should point
# to a prefix initialised once (wineboot), as cross-build.sh does.
set -eu

winepath=
old_ifs=$IFS
IFS=:
for dir in ${MITCH_WINE_DLL_DIRS:-}; do
  [ -n "$dir" ] || continue
  # Wine maps the Unix root to drive Z:.
  winepath="$winepath${winepath:+;}Z:$(printf '%s' "$dir" | tr / '\\')"
done
IFS=$old_ifs

WINEPATH=$winepath
WINEDEBUG=${WINEDEBUG:--all}
# No Mono/Gecko installer prompts for console test programs.
WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEPATH WINEDEBUG WINEDLLOVERRIDES
exec wine "$@"
