#!/bin/sh
# check-packaging.sh - the packaging files agree with the tree they package.
#
#  - debian/control's Build-Depends are all installed by tools/install-deps
#    (build, test and package groups): the one list of dependencies; and
#    they include the test group, so the package build runs every test;
#  - debian/changelog, rpm/mitch.spec and the Python package carry the
#    version of include/mitch.h;
#  - debian/libmitch1.symbols lists exactly the functions mitch.h declares,
#    each in the version node lib/libmitch.map puts it in, so adding a
#    function without updating the symbols file (or the map) fails here,
#    before a package is ever built.
#
# Run by make check from a git checkout; a tarball has no debian/ (see
# dist.mk), so there it reports a skip (77).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
if [ ! -d debian ]; then
  echo "SKIP: no debian/ directory (a release tarball)"
  exit 77
fi

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

version=$(sed -n 's/^#define MITCH_VERSION_STRING "\(.*\)"$/\1/p' include/mitch.h)
[ -n "$version" ] || { echo "FAIL: no MITCH_VERSION_STRING in include/mitch.h"; exit 1; }

# Versions.
deb_version=$(sed -n '1s/^libmitch (\([^)]*\)).*/\1/p' debian/changelog)
[ "${deb_version%-*}" = "$version" ] ||
  fail "debian/changelog is at $deb_version, mitch.h at $version"
spec_version=$(sed -n 's/^Version: *//p' rpm/mitch.spec)
[ "$spec_version" = "$version" ] || fail "rpm/mitch.spec is at $spec_version, mitch.h at $version"
grep -q "^\* .* - $version-" rpm/mitch.spec || fail "rpm/mitch.spec has no %changelog entry for $version"
if [ -f python/mitch/_version.py ]; then
  py_version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' python/mitch/_version.py)
  [ "$py_version" = "$version" ] || fail "python/mitch/_version.py is at $py_version, mitch.h at $version"
fi

# Build-Depends against install-deps.
wanted=" $(MITCH_DEPS_PRINT=1 sh tools/install-deps build test package) "
build_depends=$(sed -n '/^Build-Depends:/,/^[^ ]/p' debian/control | sed '$!b; /^[^ ]/d' |
  sed 's/^Build-Depends://' | tr ',|' '\n\n' |
  sed 's/([^)]*)//g; s/\[[^]]*\]//g; s/<[^>]*>//g; s/:[a-z]*//; s/[[:space:]]//g' | sed '/^$/d')
[ -n "$build_depends" ] || fail "no Build-Depends in debian/control"
for dep in $build_depends; do
  [ "$dep" = debhelper-compat ] && dep=debhelper
  case $wanted in
    *" $dep "*) ;;
    *) fail "Build-Depends: $dep is not in tools/install-deps (build, test or package)" ;;
  esac
done

# ... and the other way round: what make check needs (the test group) is
# in Build-Depends, so the package build runs every test.  valgrind is only
# for tools/check-valgrind, not make check.
for pkg in $(MITCH_DEPS_PRINT=1 sh tools/install-deps test); do
  [ "$pkg" = valgrind ] && continue
  printf '%s\n' "$build_depends" | grep -qx "$pkg" ||
    fail "tools/install-deps test installs $pkg, debian/control does not Build-Depend on it"
done

# The symbols file against the header and the version script: the same
# functions, each in the node the map puts it in, every node listed.
nodes=$(sed -n 's/^\(MITCH_[0-9.]*\) {.*/\1/p' lib/libmitch.map)
node=$(echo "$nodes" | tail -n 1)
# "name NODE" for every name the map lists (one "name;" per line)
mapped=$(awk '/^MITCH_[0-9.]* \{/ { n = $1 } /^ *mitch_[a-z0-9_]*;/ { sub(/;/, "", $1); print $1, n }' lib/libmitch.map | sort)
declared=$(sed -n 's/^MITCH_API[^(]*[ *]\(mitch_[a-z0-9_]*\)(.*/\1/p' include/mitch.h | sort)
listed=$(sed -n 's/^ \(mitch_[a-z0-9_]*\)@.*/\1/p' debian/libmitch1.symbols | sort)
if [ "$declared" != "$listed" ]; then
  fail "debian/libmitch1.symbols and include/mitch.h differ (< header, > symbols):"
  printf '%s\n' "$declared" >"${TMPDIR:-/tmp}/mitch-declared.$$"
  printf '%s\n' "$listed" | diff "${TMPDIR:-/tmp}/mitch-declared.$$" - || true
  rm -f "${TMPDIR:-/tmp}/mitch-declared.$$"
fi
in_nodes=$(sed -n 's/^ \(mitch_[a-z0-9_]*\)@\([^ ]*\) .*/\1 \2/p' debian/libmitch1.symbols | sort)
if [ "$in_nodes" != "$mapped" ]; then
  fail "debian/libmitch1.symbols and lib/libmitch.map put symbols in different nodes (< map, > symbols):"
  printf '%s\n' "$mapped" >"${TMPDIR:-/tmp}/mitch-mapped.$$"
  printf '%s\n' "$in_nodes" | diff "${TMPDIR:-/tmp}/mitch-mapped.$$" - || true
  rm -f "${TMPDIR:-/tmp}/mitch-mapped.$$"
fi
for n in $nodes; do
  grep -q "^ $n@$n " debian/libmitch1.symbols || fail "debian/libmitch1.symbols does not list the node $n"
done

if [ "$failures" -ne 0 ]; then
  echo "check-packaging: $failures problem(s)"
  exit 1
fi
echo "check-packaging: ok (version $version, $(echo "$build_depends" | wc -l) Build-Depends, $(echo "$listed" | wc -l) symbols in $(echo $nodes | wc -w) version nodes, the newest $node)"
