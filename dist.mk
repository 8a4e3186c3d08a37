## dist.mk - packaging and cross-build files in the release tarball.
##
## rpm/ is shipped so that `rpmbuild -ta libmitch-VERSION.tar.xz` works
## from the tarball alone; mingw/ and dist-build/ so that the cross builds
## and the Windows zip can be made from it too (CI builds them from the
## tarball).  debian/ is not shipped: Debian packaging lives beside the
## upstream tarball (libmitch_VERSION.orig.tar.xz + the debian tarball), and
## a debian/ directory inside the orig tarball would be overridden by, or
## conflict with, the distribution's own.

EXTRA_DIST += \
	rpm/mitch.spec \
	rpm/install-wheel.py \
	mingw/README-windows.txt \
	dist-build/build-mingw-lib.sh \
	dist-build/build-deb.sh \
	dist-build/build-rpm.sh \
	dist-build/check-plain-cross.sh \
	dist-build/check-debian-install.sh \
	dist-build/check-packaging.sh \
	dist-build/ci.sh \
	dist-build/cross-build.sh \
	dist-build/pristine-debian.sh \
	dist-build/pristine-quickstart.sh \
	dist-build/pristine-root.sh \
	dist-build/pristine-windows.sh \
	dist-build/readme-commands.sh \
	dist-build/vectors-stream.py \
	dist-build/wine-run.sh

# The packaging files agree with the tree (versions, Build-Depends against
# tools/install-deps, the symbols file against mitch.h); skipped in a
# tarball build, which has no debian/.
TESTS += dist-build/check-packaging.sh
