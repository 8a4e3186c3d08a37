"""mypy --strict is clean on the README's Python example and on a script
that touches every name of mitch.__all__ (a name a typed package does not
explicitly export fails there: "does not explicitly export")."""

import os
import subprocess
import sys

import pytest

import mitch
from conftest import PYTHON_DIR

pytest.importorskip("mypy", reason="mypy is not installed (Debian: apt install mypy; "
                    "tools/install-deps bindings)")


def mypy(tmp_path, *files):
    env = dict(os.environ, MYPYPATH=str(PYTHON_DIR))
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "--cache-dir", str(tmp_path / "cache"), *map(str, files)],
                            capture_output=True, text=True, env=env, timeout=900)
    return result.returncode, result.stdout + result.stderr


def test_readme_example_is_strict_clean(tmp_path):
    code, out = mypy(tmp_path, PYTHON_DIR / "examples" / "quickstart.py")
    assert code == 0, out


def test_every_public_name_is_exported_and_typed(tmp_path):
    lines = ["import mitch", "import mitch.aio", "import mitch.flat", "from typing import Any",
             ""]
    for i, name in enumerate(sorted(mitch.__all__)):
        lines.append("from mitch import %s as n%d" % (name, i))
        lines.append("a%d: Any = mitch.%s" % (i, name))
    for i, name in enumerate(sorted(mitch.flat.__all__)):
        lines.append("f%d: Any = mitch.flat.%s" % (i, name))
    for i, name in enumerate(sorted(mitch.aio.__all__)):
        lines.append("c%d: Any = mitch.aio.%s" % (i, name))
    script = tmp_path / "every_name.py"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = mypy(tmp_path, script)
    assert code == 0, out
    assert len(set(mitch.__all__)) == len(mitch.__all__)  # each name once
