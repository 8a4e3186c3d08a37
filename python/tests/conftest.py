"""Shared fixtures of the Python suite.

The suite runs against the library named by MITCH_LIBRARY (``make check``
sets it to the freshly built ``lib/.libs`` copy, see python/run-pytest.sh.in)
and reads the project's copy of the conformance vectors from
MITCH_VECTORS_DIR.  Expected values come from protocol.md, the vectors or an
independent computation in the test (``struct``), never from the package.
"""

import csv
import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent

try:
    import numpy
except ImportError:  # python3-numpy is optional: its tests skip
    numpy = None  # type: ignore[assignment]
try:
    import pandas
except ImportError:
    pandas = None  # type: ignore[assignment]

#: Marks a test of the numpy paths; without numpy it is skipped, saying why.
needs_numpy = pytest.mark.skipif(
    numpy is None, reason="numpy is not installed (python3-numpy): the numpy paths are not "
    "tested; the rest of the package is")
needs_pandas = pytest.mark.skipif(
    pandas is None, reason="pandas is not installed (python3-pandas): to_dataframe is not "
    "tested")
TOP_SRCDIR = Path(os.environ.get("MITCH_TOP_SRCDIR", PYTHON_DIR.parent))


def vectors_dir() -> Path:
    """The conformance vectors (tests/vectors of the source tree)."""
    return Path(os.environ.get("MITCH_VECTORS_DIR", TOP_SRCDIR / "tests" / "vectors"))


def read_tsv(relative: str) -> List[Dict[str, str]]:
    """Every row of a vector file as a dict; a missing file fails the test."""
    path = vectors_dir() / relative
    if not path.is_file():
        pytest.fail("conformance vectors not found: %s (set MITCH_VECTORS_DIR)" % path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows, "%s has no rows" % path
    return rows


def num(text: str) -> int:
    """A vector integer: decimal, or 0x... hex (not zero-padded)."""
    return int(text, 16) if text.lower().startswith(("0x", "-0x")) else int(text, 10)


def hexfloat(text: str) -> float:
    """A vector price: C99 hex-float literal, or nan/inf."""
    low = text.strip().lower()
    if low in ("nan", "-nan", "inf", "-inf", "+inf"):
        return float(low)
    return float.fromhex(text)


def f64_bits(x: float) -> int:
    """The IEEE-754 bit pattern of a double (exact comparisons, NaN included)."""
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def run_python(code: str, env: Dict[str, str] = None, timeout: int = 120
               ) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter (the one running the tests) with
    the package on sys.path; returns the completed process."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(PYTHON_DIR)
    full_env["PYTHONNOUSERSITE"] = "1"
    full_env["PYTHONDONTWRITEBYTECODE"] = "1"
    if env:
        for key, value in env.items():
            if value is None:
                full_env.pop(key, None)
            else:
                full_env[key] = value
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built_library() -> Path:
    """The library under test (MITCH_LIBRARY from the harness)."""
    path = os.environ.get("MITCH_LIBRARY")
    if not path:
        pytest.fail("MITCH_LIBRARY is not set: run the suite through 'make check' "
                    "(python/run-pytest.sh) or point it at lib/.libs/libmitch.so.1")
    return Path(path)


def chunks(data: bytes, size: int) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i:i + size]
