"""Exceptions for values and bytes libmitch refused: which field, which rule.

The hot paths call the plain libmitch function and come here only when it
failed, to build the exception.

TEMPORARY (until libmitch 1.1's mitch_check_values/mitch_check_wire land):
the field is found by swapping one field at a time for the same field of a
known-valid sample and asking libmitch again.
"""

import dataclasses
from typing import Any, Callable, List, Optional

from . import _ffi
from ._convert import shorten
from .exceptions import MitchError, exception_for_status


def _blame(names: List[str], valid_with_only: Callable[[int], bool],
           valid_without: Callable[[int], bool]) -> List[str]:
    culprits = [n for i, n in enumerate(names) if not valid_with_only(i)]
    if not culprits:
        culprits = [n for i, n in enumerate(names) if valid_without(i)]
    return culprits


def _describe(names: List[str]) -> str:
    if not names:
        return "a combination of fields breaks"
    if len(names) == 1:
        return "field %r breaks" % names[0]
    return "fields %s and %r break" % (", ".join(repr(n) for n in names[:-1]), names[-1])


def value_error(obj: Any, status: int, action: str) -> MitchError:
    """The exception for a body or header dataclass libmitch refused."""
    cls = type(obj)
    culprits: List[str] = []
    if status == 6:
        validate = cls._VALIDATE
        sample = cls._SAMPLE
        names = [f.name for f in dataclasses.fields(cls)]

        def valid(trial: Any) -> bool:
            try:
                return bool(validate(trial.to_ffi()) == 0)
            except (TypeError, ValueError):
                return False

        culprits = _blame(
            names,
            lambda i: valid(dataclasses.replace(sample, **{names[i]: getattr(obj, names[i])})),
            lambda i: valid(dataclasses.replace(obj, **{names[i]: getattr(sample, names[i])})))
        detail = ", ".join("%s=%s" % (n, shorten(getattr(obj, n))) for n in culprits)
        message = "%s %s: %s %s a protocol rule (%s)" % (
            cls.__name__, action, detail or "a combination of fields",
            "break" if len(culprits) > 1 else "breaks", _ffi.strerror(status))
    else:
        message = "%s %s: %s" % (cls.__name__, action, _ffi.strerror(status))
    return exception_for_status(status)(
        message, status=status, field=culprits[0] if culprits else None)


def wire_error(cls: Any, status: int, data: Any, offset: int,
               at: Optional[int] = None) -> MitchError:
    """The exception for a body (``cls`` a body class, or Header) libmitch
    refused to decode from ``data`` at ``offset``; ``at`` is the offset
    reported (default ``offset``)."""
    where = offset if at is None else at
    text = _ffi.strerror(status)
    culprits: List[str] = []
    if status == 6:
        from .layouts import HEADER_LAYOUT, WIRE_LAYOUTS
        size = cls._SIZE
        body = bytes(memoryview(data).cast("B")[offset:offset + size])
        sample = cls._SAMPLE.pack()
        fields = WIRE_LAYOUTS.get(cls._TYPE, ()) if cls._TYPE else HEADER_LAYOUT

        def valid(candidate: bytearray) -> bool:
            raw = bytes(candidate)
            if not cls._TYPE:
                return bool(_ffi.lib.mitch_header_decode(raw, len(raw), _ffi.HeaderStruct()) == 0)
            return bool(_ffi.lib.mitch_body_validate(cls._TYPE, raw, len(raw)) == 0)

        def swapped(base: bytes, source: bytes, i: int) -> bytearray:
            f = fields[i]
            trial = bytearray(base)
            trial[f.offset:f.offset + f.size] = source[f.offset:f.offset + f.size]
            return trial

        culprits = _blame([f.name for f in fields],
                          lambda i: valid(swapped(sample, body, i)),
                          lambda i: valid(swapped(body, sample, i)))
        message = "%s at offset %d: %s a protocol rule (%s)" % (
            "Header" if not cls._TYPE else cls.__name__ + " body", where, _describe(culprits),
            text)
    else:
        message = "%s at offset %d: %s" % (
            "Header" if not cls._TYPE else cls.__name__ + " body", where, text)
    return exception_for_status(status)(
        message, status=status, field=culprits[0] if culprits else None, offset=where)


def not_a_field_error(what: str, status: int) -> MitchError:
    """An error libmitch reported for something that is not a field."""
    return exception_for_status(status)("%s: %s" % (what, _ffi.strerror(status)),
                                        status=status)

