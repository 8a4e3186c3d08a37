#!/bin/bash
# pristine-root.sh [OPTION...] SCRIPT [ARG...] - run SCRIPT as root inside a
# pristine Debian root, on a clone of this tree, to see what a fresh machine
# sees.
#
# The root is `mmdebstrap --variant=apt SUITE` (Essential packages and apt,
# nothing else) plus git plus whatever --install names; it is thrown away
# when SCRIPT ends.  Inside it:
#   /build/libmitch  a `git clone` of this repository at REV (committed files
#                    only: the dirty worktree never leaks in); SCRIPT starts
#                    here
#   /build/shared    a copy of ../shared (or $MITCH_SHARED_DIR), so the
#                    clone finds it at ../shared as a checkout does
#   /build/in/       what --copy-in copies in (unless it names another DIR)
#   /build/run       SCRIPT itself (any executable file, e.g. a #!/bin/sh
#                    script), run as `/build/run ARG...`
# SCRIPT runs as root with a login-like environment and nothing inherited
# from the caller: HOME=/root, USER=LOGNAME=root, SHELL=/bin/bash,
# PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin, plus
# each --env; its standard input, output and error are the caller's.  The
# apt package lists in the root are empty (as mmdebstrap leaves them): a
# script that installs must run `apt-get update` first, as
# tools/install-deps does.
#
# Options:
#   --install PKG[,PKG...]  pre-install these Debian packages in the base root
#                           (repeatable; part of the cache key)
#   --copy-in PATH[:DIR]    copy the file or directory PATH (on this machine)
#                           into the root's directory DIR (absolute; default
#                           /build/in), before SCRIPT runs (repeatable)
#   --copy-out PATH:DIR     after SCRIPT, whatever its status, copy PATH (in
#                           the root; relative to /build/libmitch unless
#                           absolute; may be a shell glob) into DIR on this
#                           machine (repeatable; DIR is created)
#   --env NAME=VALUE        set NAME in SCRIPT's environment (repeatable)
#   --rev REV               the commit to clone (default: HEAD)
#   --log FILE              mmdebstrap's own messages go to FILE (default:
#                           stderr, prefixed "I:")
#
# Environment:
#   MITCH_PRISTINE_CACHE    where the base roots are kept between runs, as
#                           tarballs named by suite, mirror and --install
#                           (default: /var/cache/mitch-pristine); also the
#                           apt archive cache, see below
#   MITCH_PRISTINE_MAX_AGE  a base root older than this many days is rebuilt
#                           (default: 7); 0 rebuilds it now
#   MITCH_PRISTINE_APT_CACHE  1 (default): the .debs apt downloads inside are
#                           kept in $MITCH_PRISTINE_CACHE/archives and offered
#                           to the next root's apt (a download cache, like a
#                           caching proxy: nothing is installed from it
#                           unless the script asks apt for it); 0: none
#   MITCH_PRISTINE_SUITE    default: bookworm
#   MITCH_PRISTINE_SOURCES  apt sources for the root, a deb822 .sources or a
#                           one-line-style .list file (default: this
#                           machine's /etc/apt/sources.list.d/debian.sources,
#                           else /etc/apt/sources.list)
#
# Exit status: SCRIPT's; 125 if the root could not be made or entered.
# Needs root (mmdebstrap's root mode: chroot, with /proc and /dev mounted)
# and `tools/install-deps pristine`.  Base roots take ~45 s to make, ~7 s
# to unpack.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
me=pristine-root

die() {
  echo "$me: $*" >&2
  exit 125
}
usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
  exit 125
}

installs=()
copy_ins=()
copy_outs=()
envs=()
rev=HEAD
log=
while [ $# -gt 0 ]; do
  case $1 in
    --install) [ $# -ge 2 ] || usage; IFS=', ' read -r -a more <<<"$2"; installs+=("${more[@]}"); shift 2 ;;
    --copy-in) [ $# -ge 2 ] || usage; copy_ins+=("$2"); shift 2 ;;
    --copy-out) [ $# -ge 2 ] && [[ $2 == *:* ]] || usage; copy_outs+=("$2"); shift 2 ;;
    --env) [ $# -ge 2 ] && [[ $2 == [A-Za-z_]*=* ]] || usage; envs+=("$2"); shift 2 ;;
    --rev) [ $# -ge 2 ] || usage; rev=$2; shift 2 ;;
    --log) [ $# -ge 2 ] || usage; log=$2; shift 2 ;;
    -h | --help) usage ;;
    --) shift; break ;;
    -*) echo "$me: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
script=$1
shift
[ -f "$script" ] && [ -x "$script" ] || die "$script: not an executable file"
[ "$(id -u)" = 0 ] || die "must run as root (mmdebstrap's root mode)"
command -v mmdebstrap >/dev/null || die "mmdebstrap missing: tools/install-deps pristine"

cache=${MITCH_PRISTINE_CACHE:-/var/cache/mitch-pristine}
max_age=${MITCH_PRISTINE_MAX_AGE:-7}
suite=${MITCH_PRISTINE_SUITE:-bookworm}
sources=${MITCH_PRISTINE_SOURCES:-}
if [ -z "$sources" ]; then
  for sources in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list ''; do
    [ -z "$sources" ] || [ ! -s "$sources" ] || break
  done
  [ -n "$sources" ] || die "no apt sources found; set MITCH_PRISTINE_SOURCES"
fi
[ -s "$sources" ] || die "$sources: no such file"
shared=${MITCH_SHARED_DIR:-$top/../shared}
[ -d "$shared" ] || die "$shared: no such directory (set MITCH_SHARED_DIR)"
shared=$(cd "$shared" && pwd -P)
commit=$(git -C "$top" rev-parse --verify --quiet "$rev^{commit}") || die "$rev: not a commit of $top"

# mmdebstrap's own messages: to the log if asked, else to stderr; SCRIPT's
# own input and output are ours: fds 100-102 pass through mmdebstrap to
# the hook.  Low fds stay free: mmdebstrap hands apt the lowest free one for
# a `cat >&N` run by dash, which knows only N < 10.
exec 100>&1 101>&2 102<&0
if [ -n "$log" ]; then
  exec 103>>"$log"
else
  exec 103>&2
fi

# The base root: one tarball per (suite, sources, packages), made once and
# kept; a lock keeps parallel callers from making the same one twice.
mkdir -p "$cache"
IFS=$'\n' sorted_installs=($(printf '%s\n' git "${installs[@]}" | sort -u))
unset IFS
key=$( { echo "$suite"; cat "$sources"; printf '%s\n' "${sorted_installs[@]}"; } | sha256sum | cut -c1-16)
base=$cache/base-$suite-$key.tar
include=$(printf '%s,' "${sorted_installs[@]}")
(
  flock 200
  if [ -f "$base" ] && [ "$max_age" != 0 ] && [ -n "$(find "$base" -mtime -"$max_age")" ]; then
    exit 0
  fi
  echo "$me: making the base root $base (${include%,})" >&2
  rm -f "$base.new"
  mmdebstrap --variant=apt --include="${include%,}" --format=tar \
    "$suite" "$base.new" "$sources" >&103 2>&1 || { rm -f "$base.new"; exit 1; }
  mv -f "$base.new" "$base"
) 200>"$base.lock" || die "could not make the base root (mmdebstrap failed)"

# What goes in: a clone at REV, ../shared, the script, --copy-in files.
stage=$(mktemp -d "${TMPDIR:-/tmp}/mitch-pristine.XXXXXX")
trap 'rm -rf "$stage"' EXIT
# $stage/root is copied over the root's / by the hook.
inside=$stage/root
mkdir -m 755 "$inside"
mkdir -p "$inside/build/in"
git clone --quiet --no-hardlinks --no-checkout "$top" "$inside/build/libmitch"
git -C "$inside/build/libmitch" checkout --quiet --detach "$commit"
# The clone's origin is a path on this machine; inside it means nothing.
git -C "$inside/build/libmitch" remote remove origin
mkdir "$inside/build/shared"
cp -a "$shared/." "$inside/build/shared/"
cp "$script" "$inside/build/run"
chmod 755 "$inside/build/run"
for spec in "${copy_ins[@]}"; do
  path=$spec dir=/build/in
  if [ ! -e "$path" ] && [[ $spec == *:/* ]]; then
    path=${spec%:*} dir=${spec##*:}
  fi
  [ -e "$path" ] || die "--copy-in $path: no such file"
  mkdir -p "$inside$dir"
  cp -a "$path" "$inside$dir/"
done

archives=
if [ "${MITCH_PRISTINE_APT_CACHE:-1}" = 1 ]; then
  archives=$cache/archives
  mkdir -p "$archives"
fi

# The hook mmdebstrap runs with the root's path as $1 (on this machine, root
# mode: /proc and /dev are mounted in the root).  SCRIPT's status goes to a
# file so the copy-out still happens after a failure and mmdebstrap itself
# succeeds; this script then exits with that status.
status_file=$stage/status
# NUL-separated lists for the hook (empty files for empty lists).
nul_list() { [ $# -eq 0 ] || printf '%s\0' "$@"; }
nul_list "${envs[@]}" >"$stage/envs"
nul_list "$@" >"$stage/args"
nul_list "${copy_outs[@]}" >"$stage/copy-outs"
cat >"$stage/hook" <<'HOOK'
#!/bin/bash
set -uo pipefail
root=$1
stage=$MITCH_PRISTINE_STAGE
cp -a "$stage/root/." "$root/"
if [ -n "$MITCH_PRISTINE_ARCHIVES" ]; then
  # Hard links when the cache shares a file system with the root (apt only
  # ever unlinks or adds files there), copies otherwise.
  find "$MITCH_PRISTINE_ARCHIVES" -maxdepth 1 -name '*.deb' -print0 |
    xargs -0 -r cp -l -t "$root/var/cache/apt/archives/" 2>/dev/null ||
    find "$MITCH_PRISTINE_ARCHIVES" -maxdepth 1 -name '*.deb' -print0 |
    xargs -0 -r cp -n -t "$root/var/cache/apt/archives/"
fi
mapfile -d '' envs <"$stage/envs"
mapfile -d '' args <"$stage/args"
status=0
chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${envs[@]}" \
  /bin/sh -c 'cd /build/libmitch && exec /build/run "$@"' run "${args[@]}" <&102 >&100 2>&101 || status=$?
echo "$status" >"$stage/status"
# Daemons SCRIPT started and left running (wineserver, gpg-agent, ...) keep
# files open in the root, and mmdebstrap could not remove it: end them, by
# their pids -- the processes whose root directory is this root.
root_real=$(realpath "$root")
leftovers() {
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root_real" ] && echo "${proc#/proc/}"
  done
}
for signal in TERM TERM TERM KILL; do
  pids=$(leftovers)
  [ -n "$pids" ] || break
  # shellcheck disable=SC2086
  kill -s "$signal" $pids 2>/dev/null
  sleep 1
done
if [ -n "$MITCH_PRISTINE_ARCHIVES" ]; then
  find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -print0 |
    xargs -0 -r cp -n -t "$MITCH_PRISTINE_ARCHIVES/"
  # Versions no root has asked for in a month are gone from the mirror.
  find "$MITCH_PRISTINE_ARCHIVES" -maxdepth 1 -name '*.deb' -atime +30 -delete
fi
mapfile -d '' copy_outs <"$stage/copy-outs"
for spec in "${copy_outs[@]}"; do
  inside=${spec%%:*} dir=${spec#*:}
  case $inside in /*) ;; *) inside=/build/libmitch/$inside ;; esac
  mkdir -p "$dir"
  found=no
  for path in "$root"$inside; do
    [ -e "$path" ] || continue
    cp -a "$path" "$dir/" && found=yes
  done
  [ "$found" = yes ] || echo "pristine-root: --copy-out: nothing matches $inside" >&2
done
exit 0
HOOK
chmod 755 "$stage/hook"

export MITCH_PRISTINE_STAGE=$stage MITCH_PRISTINE_ARCHIVES=$archives
mmdebstrap --variant=custom --skip=setup,update,cleanup --format=null \
  --setup-hook="tar-in $base /" --customize-hook="$stage/hook" \
  "$suite" /dev/null >&103 2>&1 || die "mmdebstrap could not unpack or enter the root"
[ -s "$status_file" ] || die "the script did not run"
exit "$(cat "$status_file")"
