"""How the package finds libmitch: MITCH_LIBRARY, find_library against an
installed copy, the versioned names, and the errors when nothing fits."""

import ctypes
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import mitch
from mitch import _loader
from conftest import run_python

REPORT = ("import mitch, os; print(mitch.library_source); "
          "print(os.path.realpath(mitch.library_path)); "
          "print(''.join(l for l in open('/proc/self/maps') if 'libmitch' in l))")


def test_version_matches_the_library():
    assert mitch.get_version_number() >> 16 == mitch.LIBRARY_MAJOR == 1
    assert mitch.__version__ == mitch.get_version()
    assert mitch.__version__.split(".")[0] == str(mitch.LIBRARY_MAJOR)
    assert mitch.get_protocol_version() == "1.0.0"
    assert mitch.flat.get_version_len() == len(mitch.get_version())
    assert mitch.flat.get_protocol_version_len() == len("1.0.0")


def test_loads_through_mitch_library(built_library):
    result = run_python(REPORT, env={"MITCH_LIBRARY": str(built_library)})
    assert result.returncode == 0, result.stderr
    source, path, maps = result.stdout.split("\n", 2)
    assert source == "MITCH_LIBRARY"
    assert path == os.path.realpath(built_library)
    assert os.path.realpath(built_library) in maps


def install_copy(built_library: Path, libdir: Path) -> None:
    """Install the built library into ``libdir`` the way "make install"
    does (libtool --mode=install), or by copying the file and its links."""
    builddir = os.environ.get("MITCH_TOP_BUILDDIR")
    libdir.mkdir(parents=True)
    if builddir and (Path(builddir) / "libtool").is_file() \
            and (Path(builddir) / "lib" / "libmitch.la").is_file():
        done = subprocess.run(
            ["/bin/sh", str(Path(builddir) / "libtool"), "--quiet", "--mode=install",
             shutil.which("install") or "install", "-c",
             str(Path(builddir) / "lib" / "libmitch.la"), str(libdir)],
            capture_output=True, text=True, cwd=builddir)
        assert done.returncode == 0, done.stderr
    else:
        real = Path(os.path.realpath(built_library))
        shutil.copy2(real, libdir / real.name)
        os.symlink(real.name, libdir / built_library.name)
        os.symlink(built_library.name, libdir / "libmitch.so")
    assert (libdir / "libmitch.so").exists() and (libdir / "libmitch.so.1").exists()


def test_loads_an_installed_copy_through_find_library(built_library, tmp_path):
    libdir = tmp_path / "prefix" / "lib"
    install_copy(built_library, libdir)
    # What ldconfig + the loader cache do for a system install, the loader's
    # search path does here; no MITCH_LIBRARY.
    result = run_python(REPORT, env={"MITCH_LIBRARY": None, "LD_LIBRARY_PATH": str(libdir),
                                     "LIBRARY_PATH": str(libdir)})
    assert result.returncode == 0, result.stderr
    source, path, maps = result.stdout.split("\n", 2)
    assert source == "find_library"
    assert path.startswith(os.path.realpath(libdir) + os.sep), path
    assert str(os.path.realpath(libdir)) in maps
    assert os.path.realpath(built_library) not in maps


def test_explicit_library_that_fails_is_an_import_error(tmp_path):
    missing = tmp_path / "nowhere" / "libmitch.so.1"
    result = run_python("import mitch", env={"MITCH_LIBRARY": str(missing)})
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert str(missing) in result.stderr
    assert "Unset MITCH_LIBRARY" in result.stderr


def test_nothing_found_lists_every_place_tried():
    def opener(name):
        raise OSError("%s: cannot open shared object file" % name)

    with pytest.raises(ImportError) as err:
        _loader.load(environ={}, find_library=lambda name: None, opener=opener,
                     platform="linux")
    text = str(err.value)
    assert "MITCH_LIBRARY: not set" in text
    assert 'find_library("mitch"): found nothing' in text
    assert "libmitch.so.1: cannot load" in text
    assert "ldconfig" in text and "MITCH_LIBRARY" in text and "LD_LIBRARY_PATH" in text


def test_find_library_result_is_tried_before_the_versioned_name():
    tried = []

    def opener(name):
        tried.append(name)
        raise OSError("no")

    with pytest.raises(ImportError):
        _loader.load(environ={}, find_library=lambda name: "libmitch.so.1.0.0-found",
                     opener=opener, platform="linux")
    assert tried == ["libmitch.so.1.0.0-found", "libmitch.so.1"]


class FakeLibrary:
    """A CDLL stand-in reporting a given version number."""

    def __init__(self, number):
        def get_version_number():
            return number
        self.mitch_get_version_number = get_version_number


def test_major_version_mismatch_is_a_clear_import_error():
    with pytest.raises(ImportError) as err:
        _loader.load(environ={"MITCH_LIBRARY": "/x/libmitch.so.2"},
                     opener=lambda name: FakeLibrary((2 << 16) | (3 << 8) | 4))
    text = str(err.value)
    assert "libmitch 2.3.4" in text and "needs major version 1" in text


def test_wrong_major_from_find_library_falls_back_to_the_versioned_name(built_library):
    real = ctypes.CDLL(str(built_library))
    libs = {"libmitch.so.2": FakeLibrary(2 << 16), "libmitch.so.1": real}
    lib = _loader.load(environ={}, find_library=lambda name: "libmitch.so.2",
                       opener=lambda name: libs[name], platform="linux",
                       bundled=lambda platform: None)
    assert lib.source == "versioned name"
    assert lib.cdll is real


def test_a_1_0_library_is_refused_naming_the_version():
    with pytest.raises(ImportError) as err:
        _loader.load(environ={"MITCH_LIBRARY": "/x/libmitch.so.1"},
                     opener=lambda name: FakeLibrary((1 << 16) | 5))
    assert "libmitch 1.0.5" in str(err.value) and "1.1 or later" in str(err.value)


def test_a_library_without_the_layout_table_is_refused():
    with pytest.raises(ImportError) as err:
        _loader.load(environ={"MITCH_LIBRARY": "/x/libmitch.so.1"},
                     opener=lambda name: FakeLibrary((1 << 16) | (1 << 8)))
    assert "layout table" in str(err.value)


def test_missing_functions_are_clear_errors(built_library):
    lib = _loader.load(environ={"MITCH_LIBRARY": str(built_library)})
    lib.__dict__["mitch_pack_trade"] = _ffi_missing("mitch_pack_trade")
    with pytest.raises(mitch.MissingSymbolError) as err:
        lib.mitch_pack_trade(1, 1.0, 1, 1, 0, None)
    assert "mitch_pack_trade" in str(err.value)


def _ffi_missing(name):
    from mitch import _ffi
    return _ffi._Missing(name, "/x/libmitch.so.1")


def test_not_a_libmitch_is_rejected():
    with pytest.raises(ImportError) as err:
        _loader.load(environ={"MITCH_LIBRARY": "/lib/libc.so.6"}, opener=lambda name: object())
    assert "does not export mitch_get_version_number" in str(err.value)


@pytest.mark.parametrize("platform,names", [
    ("linux", ["libmitch.so.1"]),
    ("win32", ["libmitch-1.dll"]),
    ("cygwin", ["cygmitch-1.dll", "libmitch-1.dll"]),
    ("darwin", ["libmitch.1.dylib"]),
])
def test_versioned_names(platform, names):
    assert _loader.versioned_names(platform) == names


def test_windows_hint_names_the_dll():
    with pytest.raises(ImportError) as err:
        _loader.load(environ={}, find_library=lambda name: None,
                     opener=lambda name: (_ for _ in ()).throw(OSError("no")),
                     platform="win32")
    assert "libmitch-1.dll: cannot load" in str(err.value)
    assert "add_dll_directory" in str(err.value)


def test_package_code_never_sets_mitch_library():
    """Only the test harness points the package at a build tree."""
    package = Path(mitch.__file__).parent
    for source in package.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "lib/.libs" not in text.replace("(in a build tree: lib/.libs/", ""), source
        assert "os.environ[" not in text and "putenv" not in text, source


NO_PROCESS = ("import mitch, sys; print(mitch.library_source, 'subprocess' in sys.modules, "
              "'ctypes.util' in sys.modules)")


def test_mitch_library_starts_no_process(built_library):
    result = run_python(NO_PROCESS, env={"MITCH_LIBRARY": str(built_library)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["MITCH_LIBRARY", "False", "False"]


def test_a_bundled_copy_comes_after_mitch_library_and_starts_no_process(built_library,
                                                                        tmp_path):
    package = tmp_path / "site" / "mitch"
    shutil.copytree(Path(mitch.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(os.path.realpath(built_library), package / "libmitch.so.1")
    env = {"PYTHONPATH": str(tmp_path / "site"), "MITCH_LIBRARY": None}
    result = run_python(NO_PROCESS + "; print(mitch.library_path)", env=env)
    assert result.returncode == 0, result.stderr
    source, spawned, util, path = result.stdout.split()
    assert (source, spawned, util) == ("bundled", "False", "False")
    assert path == os.path.realpath(package / "libmitch.so.1")
    env["MITCH_LIBRARY"] = str(built_library)
    result = run_python(NO_PROCESS, env=env)
    assert result.stdout.split()[0] == "MITCH_LIBRARY"


def test_order_mitch_library_then_bundled_then_find_library_then_versioned():
    tried = []

    def opener(name):
        tried.append(name)
        raise OSError("no")

    with pytest.raises(ImportError) as err:
        _loader.load(environ={}, find_library=lambda name: "found.so", opener=opener,
                     platform="linux", bundled=lambda platform: "/pkg/mitch/libmitch.so.1")
    assert tried == ["/pkg/mitch/libmitch.so.1", "found.so", "libmitch.so.1"]
    assert "bundled in the package" in str(err.value)


def test_import_pulls_in_no_heavy_module(built_library):
    """import mitch stays cheap: no typing (annotations are text), numpy,
    asyncio or process machinery until a function needs them, and no
    dataclasses (with inspect, ast, re ...: mitch._record makes the classes)."""
    result = run_python("import mitch, sys; print(' '.join(m for m in ('typing', 'numpy', "
                        "'asyncio', 'subprocess', 'ctypes.util', 'dataclasses', 'inspect', "
                        "'ast', 're') if m in sys.modules) or '-')",
                        env={"MITCH_LIBRARY": str(built_library)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "-"
