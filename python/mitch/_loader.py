"""Finding and loading the libmitch shared library.

Order (the first library that loads and has the right major version wins):

1. ``MITCH_LIBRARY`` - a path set by the user (or by the project's test
   harness).  When it is set, nothing else is tried: an explicit choice that
   fails must not silently load some other copy.
2. The copy a platform wheel bundles inside the package
   (``mitch/libmitch.so.1`` ...), for users without the system package.
3. ``ctypes.util.find_library("mitch")`` - what a system install through the
   Debian/RPM package relies on (``ldconfig`` cache, the linker's search
   path, ``LD_LIBRARY_PATH``), no environment variable needed.
4. The platform's versioned file names (``libmitch.so.1``, ``libmitch-1.dll``,
   ``libmitch.1.dylib``), handed to the dynamic loader as they are.

Steps 1 and 2 start no process and import nothing beyond ctypes
(``find_library`` runs ``ldconfig``/``gcc``: only step 3 pays for that).
If nothing loads, :class:`ImportError` lists every place tried and how to fix
it.
"""

from __future__ import annotations

import ctypes
import os
import sys

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Callable, List, Mapping, Optional, Tuple

from . import _ffi
from ._version import LIBRARY_MAJOR

ENV_VAR = "MITCH_LIBRARY"


def versioned_names(platform: str = sys.platform, major: int = LIBRARY_MAJOR) -> List[str]:
    """The file names libtool gives libmitch of ABI ``major`` on ``platform``."""
    if platform.startswith(("win32", "cygwin", "msys")):
        # libtool names a MinGW DLL lib<name>-<major>.dll; Cygwin uses cyg.
        names = ["libmitch-%d.dll" % major]
        if platform.startswith("cygwin"):
            names.insert(0, "cygmitch-%d.dll" % major)
        return names
    if platform == "darwin":
        return ["libmitch.%d.dylib" % major]
    return ["libmitch.so.%d" % major]


def _fix_hint(platform: str) -> str:
    if platform.startswith(("win32", "cygwin", "msys")):
        return ("Install libmitch, or set MITCH_LIBRARY to the full path of "
                "libmitch-%d.dll (or put its folder on PATH / os.add_dll_directory)."
                % LIBRARY_MAJOR)
    if platform == "darwin":
        return ("Install libmitch (make install), or set MITCH_LIBRARY to the full path "
                "of libmitch.%d.dylib." % LIBRARY_MAJOR)
    return ("Install libmitch (the libmitch1 package, or 'make install' and then "
            "'sudo ldconfig' so the loader cache knows it), add its directory to "
            "LD_LIBRARY_PATH, or set MITCH_LIBRARY to the full path of libmitch.so.%d "
            "(in a build tree: lib/.libs/libmitch.so.%d)." % (LIBRARY_MAJOR, LIBRARY_MAJOR))


class _Dlinfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def library_file(cdll: Any) -> Optional[str]:
    """The file the dynamic loader actually mapped for ``cdll`` (best effort:
    ``None`` when the platform cannot tell)."""
    try:
        fn = cdll.mitch_get_version_number
        address = ctypes.cast(fn, ctypes.c_void_p).value
        if os.name == "nt":
            buf = ctypes.create_unicode_buffer(32768)
            kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
            if kernel32.GetModuleFileNameW(ctypes.c_void_p(cdll._handle), buf, 32768):
                return buf.value
            return None
        # dladdr is in the process's own symbols (glibc >= 2.34, musl, macOS)
        # or in libdl.so.2, by its soname - never through find_library, which
        # would start a process.
        for candidate in (None, "libdl.so.2"):
            try:
                dladdr = ctypes.CDLL(candidate).dladdr
            except (OSError, AttributeError):
                continue
            dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Dlinfo)]
            dladdr.restype = ctypes.c_int
            info = _Dlinfo()
            if dladdr(address, ctypes.byref(info)) and info.dli_fname:
                return os.path.realpath(os.fsdecode(info.dli_fname))
    except Exception:  # diagnostics only: never let them break the import
        return None
    return None


def _version_problem(cdll: Any) -> Optional[str]:
    """Why ``cdll`` is not a usable libmitch, or None when it is."""
    try:
        get_number = cdll.mitch_get_version_number
    except AttributeError:
        return "it does not export mitch_get_version_number (not libmitch?)"
    get_number.restype = ctypes.c_uint
    get_number.argtypes = []
    number = get_number()
    major = number >> 16
    version = "%d.%d.%d" % (major, (number >> 8) & 0xFF, number & 0xFF)
    if major != LIBRARY_MAJOR:
        return ("it is libmitch %s, but this package (mitch for Python) needs major version "
                "%d; install a matching libmitch or python3-mitch" % (version, LIBRARY_MAJOR))
    if number < _ffi.MIN_VERSION_NUMBER:
        return ("it is libmitch %s, but this package (mitch for Python) needs libmitch "
                "%d.%d or later (its layout table); upgrade libmitch" % (
                    version, _ffi.MIN_VERSION_NUMBER >> 16, (_ffi.MIN_VERSION_NUMBER >> 8) & 0xFF))
    return None


def _find_library(name: str) -> Optional[str]:
    import ctypes.util  # imports subprocess, shutil, tempfile: only when needed
    return ctypes.util.find_library(name)


def bundled_path(platform: str = sys.platform) -> Optional[str]:
    """The library a platform wheel carries next to this module, if any."""
    here = os.path.dirname(os.path.abspath(__file__))
    for name in versioned_names(platform):
        path = os.path.join(here, name)
        if os.path.isfile(path):
            return path
    return None


def load(environ: Mapping[str, str] = os.environ,
         find_library: Callable[[str], Optional[str]] = _find_library,
         opener: Callable[[str], Any] = ctypes.CDLL,
         platform: str = sys.platform,
         bundled: Callable[[str], Optional[str]] = bundled_path) -> "_ffi.Library":
    """Find, load and bind libmitch (see the module docstring for the order).

    The parameters exist so the tests can replace the environment and the
    platform hooks; callers use the defaults.
    """
    tried: List[Tuple[str, str]] = []

    def attempt(label: str, name: str, source: str) -> Optional["_ffi.Library"]:
        try:
            cdll = opener(name)
        except OSError as err:
            tried.append((label, "cannot load: %s" % err))
            return None
        problem = _version_problem(cdll)
        if problem:
            tried.append((label, "loaded, but %s" % problem))
            return None
        path = library_file(cdll) or name
        try:
            return _ffi.bind(cdll, path, source)
        except ImportError as err:
            tried.append((label, "loaded, but %s" % err))
            return None

    explicit = environ.get(ENV_VAR, "")
    if explicit:
        lib = attempt("%s=%s" % (ENV_VAR, explicit), explicit, ENV_VAR)
        if lib is None:
            raise ImportError(
                "libmitch could not be loaded from %s=%s: %s.\nUnset %s to use the "
                "system's libmitch, or point it at a libmitch %d.x shared library."
                % (ENV_VAR, explicit, tried[-1][1], ENV_VAR, LIBRARY_MAJOR),
                name="mitch")
        return lib
    tried.append((ENV_VAR, "not set"))

    inside = bundled(platform)
    if inside:
        lib = attempt("the copy bundled in the package (%s)" % inside, inside, "bundled")
        if lib is not None:
            return lib
    else:
        tried.append(("a copy bundled in the package", "none (not a platform wheel)"))

    found = None
    try:
        found = find_library("mitch")
    except Exception as err:  # find_library runs external tools
        tried.append(('ctypes.util.find_library("mitch")', "failed: %s" % err))
    else:
        if not found:
            tried.append(('ctypes.util.find_library("mitch")', "found nothing"))
    if found:
        lib = attempt('ctypes.util.find_library("mitch") -> %s' % found, found, "find_library")
        if lib is not None:
            return lib

    for name in versioned_names(platform):
        lib = attempt(name, name, "versioned name")
        if lib is not None:
            return lib

    lines = ["libmitch, the C library this package calls, was not found.",
             "Tried, in order:"]
    lines += ["  - %s: %s" % entry for entry in tried]
    lines.append(_fix_hint(platform))
    raise ImportError("\n".join(lines), name="mitch")
