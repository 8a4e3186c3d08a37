#!/bin/sh
# pristine-wheel.sh - run by python/ci-venv.sh inside a pristine Debian root
# (dist-build/pristine-root.sh): the platform wheel copied into /build/in
# installs into a fresh venv on a system without libmitch1, and the README's
# Python example runs from it, on the library the wheel carries.
set -eu
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
if ldconfig -p | grep -q libmitch; then
  echo "pristine-wheel.sh: a libmitch is installed on the system" >&2
  exit 1
fi
python3 -m venv /tmp/venv
/tmp/venv/bin/pip install -q --no-index /build/in/*/mitch-*manylinux*.whl
cd /tmp  # not the source tree: the package must come from the wheel
/tmp/venv/bin/python -c 'import mitch; assert mitch.library_source == "bundled", mitch.library_source; print("mitch", mitch.__version__, "from", mitch.library_path)'
/tmp/venv/bin/python /build/libmitch/python/examples/quickstart.py | tee /tmp/out
grep -qx 'Euro / US Dollar 0x305153138900000' /tmp/out
grep -qx 'rejected: price' /tmp/out
