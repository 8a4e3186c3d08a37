"""The ctypes declarations against the C side: every function of mitch.h is
declared with the header's parameter and return types, every one is exported
by the library, and every Structure has the C compiler's size and offsets."""

import ctypes
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

import mitch
from mitch import _ffi
from conftest import TOP_SRCDIR

HEADER = TOP_SRCDIR / "include" / "mitch.h"


def header_text() -> str:
    text = HEADER.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)  # comments out
    return text


def prototypes():
    """(name, return type, [parameter types]) of every MITCH_API function."""
    found = []
    for m in re.finditer(r"MITCH_API\s+([^;(]*?)\b(mitch_\w+)\s*\(([^)]*)\)\s*;", header_text()):
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
        types = []
        if params and params != "void":
            for p in params.split(","):
                p = " ".join(p.split())
                # drop the parameter name: the last identifier
                p = re.sub(r"\b\w+$", "", p).strip()
                types.append(p)
        found.append((name, ret, types))
    return found


SCALARS = {
    "uint8_t": ctypes.c_uint8, "uint16_t": ctypes.c_uint16, "uint32_t": ctypes.c_uint32,
    "uint64_t": ctypes.c_uint64, "int16_t": ctypes.c_int16, "int32_t": ctypes.c_int32,
    "int": ctypes.c_int, "unsigned": ctypes.c_uint, "size_t": ctypes.c_size_t,
    "double": ctypes.c_double, "char": ctypes.c_char, "void": None,
}


def expected_ctypes(c_type: str):
    """The ctypes types acceptable for a C type of mitch.h."""
    t = c_type.replace("const ", "").replace(" *", "*").replace("* ", "*").strip()
    stars = t.count("*")
    base = t.replace("*", "").strip()
    if stars == 0:
        return {SCALARS[base]}
    if stars == 2:
        assert base == "double", c_type
        return {ctypes.POINTER(ctypes.POINTER(ctypes.c_double))}
    if base == "char":
        return {ctypes.c_char_p}
    if base == "void":
        return {ctypes.c_void_p}
    if base in _ffi.STRUCTS:
        return {ctypes.POINTER(_ffi.STRUCTS[base])}
    if base == "uint8_t":  # byte buffers are c_void_p (bytes, arrays, addresses)
        return {ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint8)}
    return {ctypes.POINTER(SCALARS[base])}


def test_header_has_many_functions():
    names = [p[0] for p in prototypes()]
    assert len(names) >= 100 and len(names) == len(set(names))


def test_every_header_function_is_declared_with_the_header_types():
    declared = {name: (restype, argtypes) for name, restype, argtypes in _ffi.DECLARATIONS}
    problems = []
    for name, ret, params in prototypes():
        if name not in declared:
            problems.append("%s is not declared in mitch/_ffi.py" % name)
            continue
        restype, argtypes = declared[name]
        if restype not in expected_ctypes(ret):
            problems.append("%s returns %s, declared %s" % (name, ret, restype))
        if len(argtypes) != len(params):
            problems.append("%s has %d parameters, declared %d" % (name, len(params),
                                                                  len(argtypes)))
            continue
        for i, (c_type, py_type) in enumerate(zip(params, argtypes)):
            if py_type not in expected_ctypes(c_type):
                problems.append("%s parameter %d is %s, declared %s" % (name, i, c_type,
                                                                        py_type))
    extra = set(declared) - {p[0] for p in prototypes()}
    problems += ["%s is declared but not in mitch.h" % n for n in sorted(extra)]
    assert not problems, "\n".join(problems)


def test_every_function_is_exported_by_the_loaded_library():
    assert _ffi.lib.missing == [], "missing from %s: %s" % (mitch.library_path,
                                                            _ffi.lib.missing)
    for name, _, _ in _ffi.DECLARATIONS:
        assert callable(getattr(_ffi.lib, name))
        assert isinstance(getattr(_ffi.lib, name), ctypes._CFuncPtr), name


def compiler():
    cc = os.environ.get("MITCH_TEST_CC") or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.fail("no C compiler to build the layout probe (set MITCH_TEST_CC)")
    return cc.split()


def test_structures_match_the_c_layout(tmp_path: Path):
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <mitch.h>",
             "int main(void) {"]
    for cname, struct_cls in _ffi.STRUCTS.items():
        lines.append('  printf("%s sizeof %%zu\\n", sizeof(%s));' % (cname, cname))
        lines.append('  printf("%s alignof %%zu\\n", _Alignof(%s));' % (cname, cname))
        for field, _ in struct_cls._fields_:
            lines.append('  printf("%s %s %%zu\\n", offsetof(%s, %s));' % (
                cname, field, cname, field))
            lines.append('  printf("%s %s.size %%zu\\n", sizeof(((%s *)0)->%s));' % (
                cname, field, cname, field))
    lines += ["  return 0;", "}"]
    source = tmp_path / "layout.c"
    source.write_text("\n".join(lines) + "\n")
    exe = tmp_path / "layout"
    cppflags = os.environ.get("MITCH_TEST_CPPFLAGS", "-I%s" % (TOP_SRCDIR / "include")).split()
    build = subprocess.run(compiler() + ["-std=gnu11"] + cppflags + [str(source), "-o", str(exe)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    c_side = {}
    for line in out.splitlines():
        key, value = line.rsplit(" ", 1)
        c_side[key] = int(value)
    for cname, struct_cls in _ffi.STRUCTS.items():
        assert ctypes.sizeof(struct_cls) == c_side["%s sizeof" % cname], cname
        assert ctypes.alignment(struct_cls) == c_side["%s alignof" % cname], cname
        for field, ftype in struct_cls._fields_:
            assert getattr(struct_cls, field).offset == c_side["%s %s" % (cname, field)], \
                "%s.%s" % (cname, field)
            assert ctypes.sizeof(ftype) == c_side["%s %s.size" % (cname, field)], \
                "%s.%s" % (cname, field)


def test_structs_decode_known_bytes():
    """Wire bytes built with struct (protocol.md tables) decode into the
    Structures field by field: the mirrors line up with what C writes."""
    wire = struct.pack("<QdIIiiiiiHHhhBBB9x", 0x1122334455667788, 101.25, 7, 8, -9,
                       -2147483648, 2147483647, -1, 1, 10000, 0, -10000, 10000, 100, 3, 4)
    s = _ffi.IndexStruct()
    assert _ffi.lib.mitch_index_decode(wire, len(wire), s) == 0
    assert (s.ticker_id, s.mid, s.v_bid, s.v_ask, s.m_spread, s.b_bid_o, s.b_ask_o, s.w_bid_o,
            s.w_ask_o, s.v_force, s.l_force, s.t_force, s.m_force, s.confidence, s.rejected,
            s.accepted) == (0x1122334455667788, 101.25, 7, 8, -9, -2147483648, 2147483647, -1,
                            1, 10000, 0, -10000, 10000, 100, 3, 4)
    bins = [(i * 3 + 1, i * 5 + 2) for i in range(256)]
    wire = struct.pack("<QdB7x", 42, 99.5, 3) + b"".join(struct.pack("<II", *b) for b in bins)
    book = _ffi.OrderBookStruct()
    assert _ffi.lib.mitch_order_book_decode(wire, len(wire), book) == 0
    assert (book.ticker_id, book.mid_price, book.bin_aggregator) == (42, 99.5, 3)
    assert [(b.count, b.volume) for b in book.bids] == bins[:128]
    assert [(b.count, b.volume) for b in book.asks] == bins[128:]
    wire = struct.pack("<QIdIB6sx", 5, 6, 7.5, 8, (3 << 1) | 1, (2 ** 48 - 1).to_bytes(6, "little"))
    order = _ffi.OrderStruct()
    assert _ffi.lib.mitch_order_decode(wire, len(wire), order) == 0
    assert (order.ticker_id, order.order_id, order.price, order.quantity, order.order_type,
            order.side, order.expiry_ms) == (5, 6, 7.5, 8, 3, 1, 2 ** 48 - 1)
