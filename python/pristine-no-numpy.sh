#!/bin/sh
# pristine-no-numpy.sh - run by python/ci-venv.sh inside a pristine Debian
# root (dist-build/pristine-root.sh): the Python suite and the conformance
# runner on a system with python3-pytest but without python3-numpy; the
# numpy tests must skip, saying why, and everything else pass.
set -eu
cd /build/libmitch
tools/install-deps build >/dev/null
apt-get install -y -qq --no-install-recommends python3-pytest python3-setuptools python3-wheel >/dev/null
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  echo "pristine-no-numpy.sh: numpy is installed" >&2
  exit 1
fi
autoreconf -fi >/dev/null 2>&1
./configure --quiet --disable-bindings >/dev/null
make -j2 >/dev/null
make python/run-pytest.sh python/run-conformance.sh >/dev/null
status=0
python/run-pytest.sh -q -rs >/tmp/pytest.out 2>&1 || status=$?
cat /tmp/pytest.out
[ "$status" = 0 ] || exit "$status"
grep -q "numpy is not installed" /tmp/pytest.out
python/run-conformance.sh
