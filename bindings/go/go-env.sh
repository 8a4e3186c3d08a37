# go-env.sh - sourced by run-tests.sh and ci-extra.sh: the environment the
# Go toolchain runs in for this build tree.
#
#   mitch_go_env BUILD_DIR SRC_DIR
#
# cgo finds the build tree's library through mitch-uninstalled.pc; the
# build and module caches live in BUILD_DIR/bindings/go/cache (never in the
# source tree); no network (the module has no dependencies) and no newer
# toolchain download; the user's go env file is not read.  Go's build
# cache does not see C headers outside the package, so a checksum of
# mitch.h goes into CGO_CFLAGS (part of the cache key): a changed header
# rebuilds the package.
mitch_go_env() {
  mitch_h_sum=$(cksum <"$2/include/mitch.h" | cut -d' ' -f1)
  CGO_CFLAGS="${CGO_CFLAGS:--O2 -g} -DMITCH_H_CKSUM=$mitch_h_sum"
  PKG_CONFIG_PATH="$1${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
  GOCACHE="$1/bindings/go/cache/build"
  GOPATH="$1/bindings/go/cache/gopath"
  GOMODCACHE="$GOPATH/pkg/mod"
  GOFLAGS="-mod=readonly -buildvcs=false"
  GOPROXY=off
  GOTOOLCHAIN=local
  GOENV=off
  CGO_ENABLED=1
  export CGO_CFLAGS PKG_CONFIG_PATH GOCACHE GOPATH GOMODCACHE GOFLAGS GOPROXY GOTOOLCHAIN GOENV CGO_ENABLED
}
