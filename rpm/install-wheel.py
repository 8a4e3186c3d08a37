#!/usr/bin/python3
"""install-wheel.py --destdir DIR --purelib PATH WHEEL

Install a pure-Python wheel into DIR/PATH with the `installer` library, for
rpm/mitch.spec.  `python3 -m installer` would use the build machine's own
install scheme, which on Debian is not the RPM layout (/usr/lib/python3.X/
site-packages); this takes the spec's %{python3_sitelib} instead.
"""

import argparse
import sys

from installer import install
from installer.destinations import SchemeDictionaryDestination
from installer.sources import WheelFile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--destdir", required=True)
    parser.add_argument("--purelib", required=True)
    parser.add_argument("--prefix", default="/usr")
    parser.add_argument("wheel")
    args = parser.parse_args()
    destination = SchemeDictionaryDestination(
        {
            "purelib": args.purelib,
            "platlib": args.purelib,
            "scripts": args.prefix + "/bin",
            "data": args.prefix,
            "headers": args.prefix + "/include",
        },
        interpreter=sys.executable,
        script_kind="posix",
        destdir=args.destdir,
    )
    with WheelFile.open(args.wheel) as wheel:
        install(wheel, destination, {"INSTALLER": b"rpm\n"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
