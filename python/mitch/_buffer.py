"""Zero-copy access to the bytes of any Python buffer, for passing to C.

``pinned(obj)`` yields ``(address, size)`` of a C-contiguous buffer
(``bytes``, ``bytearray``, ``memoryview``, ``mmap``, ``array``, numpy
arrays ...) and holds a buffer export for as long as the ``with`` block runs,
so the memory cannot move or be freed (a ``bytearray`` cannot be resized, an
``mmap`` cannot be closed) while C reads it.  ``None`` - the Python spelling
of a NULL buffer - is MITCH_ERR_INVALID_DATA, as libmitch reports NULL.
"""

from __future__ import annotations

import ctypes
import sys

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Optional, Tuple

from .exceptions import BufferLayoutError, InvalidDataError, MitchTypeError

# A valid address for empty buffers: C is always given a non-NULL pointer
# for real (if empty) data, so "too small" is reported, not "NULL".
_EMPTY = ctypes.create_string_buffer(1)
_EMPTY_ADDRESS = ctypes.addressof(_EMPTY)


class _PyBuffer(ctypes.Structure):
    # Py_buffer of CPython 3.x (stable since 3.3).
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p),
                ("len", ctypes.c_ssize_t), ("itemsize", ctypes.c_ssize_t),
                ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p),
                ("strides", ctypes.c_void_p), ("suboffsets", ctypes.c_void_p),
                ("internal", ctypes.c_void_p)]


_PyBUF_SIMPLE = 0  # contiguous bytes, no shape/strides

try:
    _get_buffer = ctypes.pythonapi.PyObject_GetBuffer
    _get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int]
    _get_buffer.restype = ctypes.c_int
    _release_buffer = ctypes.pythonapi.PyBuffer_Release
    _release_buffer.argtypes = [ctypes.POINTER(_PyBuffer)]
    _release_buffer.restype = None
    _HAVE_PYAPI = sys.implementation.name == "cpython"
except (AttributeError, OSError):  # not CPython: fall back to copies
    _HAVE_PYAPI = False


def bytes_address(data: bytes) -> int:
    """Address of the payload of an immutable ``bytes`` object (valid while
    the object lives)."""
    address: Optional[int] = ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value
    return address or _EMPTY_ADDRESS


class pinned:
    """``with pinned(buf) as (address, size):`` - see the module docstring.

    Raises TypeError for objects that are not bytes-like (``str`` included)
    and BufferError for non-contiguous buffers.
    """

    __slots__ = ("_obj", "_view", "_copy")

    def __init__(self, obj: Any) -> None:
        self._obj = obj
        self._view: Optional[_PyBuffer] = None
        self._copy: Optional[bytes] = None

    def __enter__(self) -> Tuple[int, int]:
        obj = self._obj
        if obj is None:
            raise InvalidDataError("no buffer (None) where bytes were expected")
        if type(obj) is bytes:
            return bytes_address(obj), len(obj)
        if isinstance(obj, str):
            raise MitchTypeError("expected a bytes-like object (bytes, bytearray, "
                                 "memoryview, mmap, numpy array), not str")
        if not _HAVE_PYAPI:
            try:
                memory = memoryview(obj)
            except TypeError:
                raise MitchTypeError("expected a bytes-like object, not %s"
                                     % type(obj).__name__) from None
            if not memory.c_contiguous:
                raise BufferLayoutError("the buffer must be C-contiguous")
            self._copy = copy = memory.tobytes()
            return bytes_address(copy), len(copy)
        view = _PyBuffer()
        try:
            _get_buffer(obj, ctypes.byref(view), _PyBUF_SIMPLE)
        except BufferError as err:
            raise BufferLayoutError("the buffer must be C-contiguous: %s" % err) from None
        except TypeError:
            raise MitchTypeError("expected a bytes-like object (bytes, bytearray, "
                                 "memoryview, mmap, numpy array), not %s"
                                 % type(obj).__name__) from None
        self._view = view
        return int(view.buf or _EMPTY_ADDRESS), int(view.len)

    def __exit__(self, *exc: Any) -> None:
        view = self._view
        if view is not None:
            self._view = None
            _release_buffer(ctypes.byref(view))
