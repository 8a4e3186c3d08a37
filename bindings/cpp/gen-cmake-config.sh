#!/bin/sh
# gen-cmake-config.sh - write bindings/cpp/mitch-config*.cmake from its .in
# template (bindings/cpp/local.mk runs it at build time).
#
#   gen-cmake-config.sh PREFIX LIBDIR INCLUDEDIR BINDIR VERSION SIZEOF_VOID_P TEMPLATE
#
# The config is relocatable: it finds the installed tree from its own place,
# LIBDIR/cmake/mitch, so a DESTDIR install, a copied prefix or the unpacked
# Windows zip all work.  Directories outside PREFIX stay absolute.
set -eu
prefix=$1 libdir=$2 includedir=$3 bindir=$4 version=$5 sizeof_void_p=$6 template=$7

# DIR relative to the prefix, or DIR itself when it lies outside it.
below_prefix() {
  case $1 in
    "$prefix") echo . ;;
    "$prefix"/*) echo "${1#"$prefix"/}" ;;
    *) echo "$1" ;;
  esac
}
lib_rel=$(below_prefix "$libdir")
# From LIBDIR/cmake/mitch up to the prefix: one ".." per component.
case $lib_rel in
  /*) up= ;;
  .) up=../.. ;;
  *) up=../..$(echo "$lib_rel" | sed 's|[^/][^/]*|..|g; s|^|/|') ;;
esac
major=${version%%.*}

sed -e "s|@MITCH_UP@|$up|g" \
    -e "s|@MITCH_PREFIX@|$prefix|g" \
    -e "s|@MITCH_LIBDIR@|$lib_rel|g" \
    -e "s|@MITCH_INCLUDEDIR@|$(below_prefix "$includedir")|g" \
    -e "s|@MITCH_BINDIR@|$(below_prefix "$bindir")|g" \
    -e "s|@MITCH_VERSION@|$version|g" \
    -e "s|@MITCH_VERSION_MAJOR@|$major|g" \
    -e "s|@MITCH_SIZEOF_VOID_P@|$sizeof_void_p|g" \
    "$template"
