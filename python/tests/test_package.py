"""The package as users and packagers see it: the README example runs,
help(mitch) documents the API, the tarball carries every file of python/,
and a wheel builds from pyproject.toml with setuptools alone (no pip)."""

import fnmatch
import os
import pydoc
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import mitch
from conftest import PYTHON_DIR, run_python

EXAMPLE = PYTHON_DIR / "examples" / "quickstart.py"


def test_quickstart_example_runs():
    result = run_python(EXAMPLE.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Euro / US Dollar 0x305153138900000"
    assert lines[1].startswith("72 bytes: 74")
    assert lines[2] == "34200000000000 BUY 1000000 @ 1.085"
    assert lines[3] == "34200000000000 SELL 250000 @ 1.0851"
    assert lines[4] == "topic 6648576"
    assert lines[5] == "rejected: price"


def test_public_api_is_documented():
    missing = [name for name in mitch.__all__
               if name not in ("__version__", "library_path", "library_source")
               and not isinstance(getattr(mitch, name), (int, str, dict, tuple))
               and type(getattr(mitch, name)).__module__ != "typing"  # Body = Union[...]
               and not (getattr(getattr(mitch, name), "__doc__", None) or "").strip()]
    assert missing == []
    text = pydoc.render_doc(mitch, renderer=pydoc.plaintext)
    for word in ("decode_messages", "resolve_ticker", "MITCH_LIBRARY", "class Trade",
                 "InvalidFieldValueError", "decode_array"):
        assert word in text
    assert mitch.aio.read_messages.__doc__
    assert all(getattr(mitch.flat, n).__doc__ for n in mitch.flat.__all__)


def test_every_public_name_exists():
    for name in mitch.__all__:
        assert hasattr(mitch, name), name


def listed_in_local_mk():
    text = (PYTHON_DIR / "local.mk").read_text(encoding="utf-8")
    return set(re.findall(r"python/[\w./-]+", text))


# What an in-tree build (./configure && make check in the source tree, as
# the README and rpmbuild's %check do) leaves in python/: not sources.
BUILD_PRODUCTS = ("run-pytest.sh", "*.log", "*.trs", "*.o", "*.pyc",
                  "c_baseline", "c_baseline.exe", ".dirstamp")


def test_tarball_lists_every_file_of_python_dir():
    listed = listed_in_local_mk()
    skip_dirs = {"__pycache__", ".pytest_cache", "build", "dist", ".deps", ".libs"}
    missing = []
    for root, dirs, files in os.walk(PYTHON_DIR):
        dirs[:] = [d for d in dirs if d not in skip_dirs and not d.endswith(".egg-info")]
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), PYTHON_DIR.parent)
            if f == "local.mk" or any(fnmatch.fnmatch(f, pat) for pat in BUILD_PRODUCTS):
                continue
            if rel not in listed:
                missing.append(rel)
    assert missing == [], "add to python/local.mk EXTRA_DIST: %s" % missing


def test_wheel_builds_with_setuptools_alone(tmp_path):
    for module, package in (("setuptools", "python3-setuptools"), ("wheel", "python3-wheel")):
        pytest.importorskip(module, reason="%s is not installed (%s): the wheel is not built"
                            % (module, package))
    source = tmp_path / "src"
    shutil.copytree(PYTHON_DIR, source, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path / "dist"
    code = ("from setuptools import build_meta as b; import sys; "
            "print(b.build_wheel(sys.argv[1]))")
    result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=source,
                            capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    assert result.returncode == 0, result.stderr[-3000:]
    wheel = out / result.stdout.strip().splitlines()[-1]
    assert wheel.name == "mitch-%s-py3-none-any.whl" % mitch.__version__
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {"mitch/" + p.name for p in (PYTHON_DIR / "mitch").iterdir()
               if p.suffix in (".py", ".typed")}
    assert package <= names
    assert not any(n.startswith("tests/") for n in names)
    metadata = zipfile.ZipFile(wheel).read("mitch-%s.dist-info/METADATA" % mitch.__version__)
    assert b"Requires-Python: >=3.8" in metadata


def test_sources_use_python38_syntax():
    """Python 3.8 is the oldest supported: the grammar must parse there."""
    import ast
    for path in list((PYTHON_DIR / "mitch").glob("*.py")) + [EXAMPLE]:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 8))


def test_platform_wheel_carries_the_library_and_loads_it(tmp_path, built_library):
    pytest.importorskip("auditwheel", reason="auditwheel is not installed: it comes from "
                        "PyPI (python/ci-venv.sh makes a venv with it)")
    wheel_tool = pytest.importorskip("wheel", reason="wheel >= 0.40 is not installed")
    if tuple(int(p) for p in wheel_tool.__version__.split(".")[:2]) < (0, 40):
        pytest.skip("wheel %s has no `wheel tags` (0.40 or later, from PyPI: "
                    "python/ci-venv.sh)" % wheel_tool.__version__)
    out = tmp_path / "wheels"
    build = subprocess.run([str(PYTHON_DIR / "build-wheel.sh"), "platform", str(out),
                            str(built_library)], capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, PYTHON=sys.executable))
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = Path(build.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"mitch-%s-py3-none-manylinux.*\.whl" % re.escape(mitch.__version__),
                        wheel.name), wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert "mitch/libmitch.so.1" in names and "mitch/py.typed" in names
    # a fresh venv without system site packages, MITCH_LIBRARY unset, outside
    # the source tree: the package and the library come from the wheel
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", str(wheel)],
                   check=True, timeout=300)
    env = {k: v for k, v in os.environ.items()
           if k not in ("MITCH_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    result = subprocess.run([str(python), str(EXAMPLE)], capture_output=True, text=True,
                            cwd=str(tmp_path), env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Euro / US Dollar 0x305153138900000"
    where = subprocess.run([str(python), "-c", "import mitch, sys; print(mitch.library_source,"
                            " mitch.library_path, 'subprocess' in sys.modules)"],
                           capture_output=True, text=True, cwd=str(tmp_path), env=env,
                           timeout=120)
    source, path, spawned = where.stdout.split()
    assert source == "bundled" and path.startswith(str(venv)) and spawned == "False"


def readme_blocks():
    text = (PYTHON_DIR / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


@pytest.mark.parametrize("index", range(len(readme_blocks())))
def test_python_readme_examples_run(index):
    code = readme_blocks()[index]
    needs = re.match(r"# needs: (.*)\n", code)
    for module in (needs.group(1).split() if needs else ()):
        pytest.importorskip(module, reason="the README example needs %s" % module)
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()


def test_lazy_names_are_those_of_their_modules():
    """mitch lists the names of the modules it imports on first use
    (registry, the numpy paths, the flat ABI); the lists must be the
    modules' own (flat: the functions re-exported from it before)."""
    import importlib
    for module, names in mitch._LAZY_NAMES.items():
        real = importlib.import_module("mitch." + module)
        if module == "flat":
            assert set(names) <= set(real.__all__)
        else:
            assert list(names) == list(real.__all__), module
        for name in names:
            assert getattr(mitch, name) is getattr(real, name), name


def test_import_leaves_the_rarely_used_modules_until_used():
    code = """if True:
        import sys
        import mitch
        lazy = ("mitch.registry", "mitch.dtypes", "mitch.bulk", "mitch.capture", "mitch.flat",
                "mitch.aio", "mitch._text")
        print(" ".join(m for m in lazy if m in sys.modules) or "-")
        names = dir(mitch)
        print(all(n in names for n in mitch.__all__), "resolve_ticker" in names,
              "registry" in names)
        print(" ".join(m for m in lazy if m in sys.modules) or "-")
        ticker = mitch.resolve_ticker("EURUSD")
        print("mitch.registry" in sys.modules, "resolve_ticker" in vars(mitch), hex(ticker.id))
        from mitch import decode_capture, strerror
        print("mitch.capture" in sys.modules, "mitch.flat" in sys.modules,
              mitch.registry is sys.modules["mitch.registry"])
    """
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "-", "True True True", "-", "True True 0x305153138900000", "True True True"]
