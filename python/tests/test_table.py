"""The package against the library's layout table, as `mitch info --layouts
--json` prints it (bindings.md: "Layouts come from the library"), and the
package's own shape: no list of body types outside the table, no import
cycles, flat.py on top rather than underneath."""

import ast
import ctypes
import dataclasses
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import mitch
from mitch import _ffi
from conftest import PYTHON_DIR, numpy

PACKAGE = PYTHON_DIR / "mitch"


def tool() -> str:
    path = os.environ.get("MITCH_TOOL") or os.path.join(
        os.environ.get("MITCH_TOP_BUILDDIR", str(PYTHON_DIR.parent)), "tools", "mitch")
    if not os.path.exists(path):
        pytest.fail("the mitch tool is not at %s (set MITCH_TOOL)" % path)
    return path


@pytest.fixture(scope="module")
def table():
    out = subprocess.run([tool(), "info", "--layouts", "--json"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    doc = json.loads(out)
    assert doc["library_version"] == mitch.get_version()
    return doc["layouts"]


def test_layouts_equal_the_tools_json(table):
    ours = mitch.layout_table()
    assert [entry.name for entry in ours] == [entry["name"] for entry in table]
    for entry, doc in zip(ours, table):
        assert entry.id == doc["id"]
        assert entry.message_type == (ord(doc["message_type"]) if doc["message_type"] else 0)
        assert (entry.wire_size, entry.struct_size, entry.struct_align) == (
            doc["wire_size"], doc["struct_size"], doc["struct_align"])
        assert len(entry.fields) == len(doc["fields"])
        for f, d in zip(entry.fields, doc["fields"]):
            assert (f.name, f.kind, f.wire_offset, f.wire_size, f.bit_offset, f.bit_width,
                    f.count, f.struct_offset, f.struct_size, f.nested, f.wire_name,
                    "|".join(f.values), f.rule) == (
                d["name"], d["kind"], d["wire_offset"], d["wire_size"], d["bit_offset"],
                d["bit_width"], d["count"], d["struct_offset"], d["struct_size"], d["nested"],
                d["wire_name"], d["values"], d["rule"]), "%s.%s" % (entry.name, f.name)


def test_every_structure_has_the_tables_offsets_and_sizes(table):
    for doc in table:
        cls = _ffi.STRUCTS["mitch_" + doc["name"]]
        assert ctypes.sizeof(cls) == doc["struct_size"], doc["name"]
        assert ctypes.alignment(cls) == doc["struct_align"], doc["name"]
        members = dict(cls._fields_)
        for d in doc["fields"]:
            if d["struct_offset"] is None:
                assert d["name"] not in members or d["kind"] != "padding"
                continue
            assert getattr(cls, d["name"]).offset == d["struct_offset"], d["name"]
            assert ctypes.sizeof(members[d["name"]]) == d["struct_size"], d["name"]


def test_body_classes_are_the_tables_body_layouts(table):
    bodies = {ord(d["message_type"]): d for d in table if d["message_type"]}
    assert set(mitch.body_classes()) == set(bodies)
    assert {m.value for m in mitch.MessageType} == set(bodies)
    for byte, d in bodies.items():
        cls = mitch.body_class(byte)
        assert cls._SIZE == d["wire_size"] == mitch.body_size(byte)
        assert mitch.MessageType(byte).name.lower() == d["name"]
        assert getattr(mitch, d["name"].upper() + "_SIZE") == d["wire_size"]
        members = [f["name"] for f in d["fields"] if f["struct_offset"] is not None]
        names = [f.name for f in dataclasses.fields(cls)]
        assert sorted(names) == sorted(members), d["name"]
        struct_order = [f["name"] for f in sorted(
            (f for f in d["fields"] if f["struct_offset"] is not None),
            key=lambda f: f["struct_offset"])]
        assert names in (members, struct_order), d["name"]
    header = next(d for d in table if d["name"] == "header")
    assert [f.name for f in dataclasses.fields(mitch.Header)] == \
        [f["name"] for f in header["fields"]]
    assert mitch.HEADER_SIZE == header["wire_size"]
    assert set(mitch.message_sizes()) == {"header"} | {d["name"] for d in bodies.values()}


def test_enums_have_the_tables_value_names(table):
    enums = {"side": mitch.OrderSide, "order_type": mitch.OrderType}
    seen = set()
    for d in table:
        for f in d["fields"]:
            if f["values"] and f["name"] in enums:
                assert [m.name.lower() for m in enums[f["name"]]] == f["values"].split("|")
                seen.add(f["name"])
    assert seen == set(enums)


@pytest.mark.skipif(numpy is None, reason="numpy is not installed (python3-numpy)")
def test_dtypes_have_the_tables_offsets(table):
    for d in (d for d in table if d["message_type"]):
        wire = mitch.wire_dtype(d["message_type"])
        host = mitch.host_dtype(d["message_type"])
        assert wire.itemsize == d["wire_size"] and host.itemsize == d["struct_size"]
        for f in d["fields"]:
            if f["kind"] == "padding":
                continue
            name = f["wire_name"] if f["kind"] == "bits" else f["name"]
            assert wire.fields[name][1] == f["wire_offset"], name
            assert host.fields[f["name"]][1] == f["struct_offset"], f["name"]
            assert wire.fields[name][0].itemsize == (
                f["wire_size"] if f["kind"] != "bits" else 1), name


# -- the package's shape --------------------------------------------------------------

CODES = {"t", "o", "s", "i", "b"}
#: The places that name the body types one by one on purpose, each checked
#: against the table by a test above: the MessageType enum (its members are
#: the public names) and the Body type alias (for type checkers).
ALLOWED = {("enums.py", "MessageType"), ("codec.py", "Body")}


def _body_names():
    return {e.name for e in mitch.body_layouts()}, \
        {mitch.body_class(e.message_type).__name__ for e in mitch.body_layouts()}


def lists_of_body_types(path: Path):
    """(line, enclosing definition) of every expression that names all the
    body types: their codes, their layout names, or their classes."""
    layout_names, class_names = _body_names()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def names_in(node):
        consts, idents = set(), set()
        for n in ast.walk(node):
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                consts.add(n.value)
            elif isinstance(n, ast.Name):
                idents.add(n.id)
            elif isinstance(n, ast.Attribute):
                idents.add(n.attr)
        return consts, idents

    def visit(node, owner):
        for child in ast.iter_child_nodes(node):
            name = owner
            if isinstance(child, (ast.ClassDef, ast.FunctionDef)):
                name = child.name
            elif isinstance(child, ast.Assign) and isinstance(child.targets[0], ast.Name):
                name = child.targets[0].id
            consts, idents = names_in(child)
            if CODES <= consts or layout_names <= consts or class_names <= idents:
                inner = [c for c in ast.iter_child_nodes(child)
                         if (lambda ci: CODES <= ci[0] or layout_names <= ci[0]
                             or class_names <= ci[1])(names_in(c))]
                if not inner or isinstance(child, (ast.ClassDef, ast.Assign)):
                    found.append((getattr(child, "lineno", 0), name))
                    continue
            visit(child, name)

    visit(tree, "")
    return found


def test_no_list_of_body_types_outside_the_table():
    problems = []
    for path in sorted(PACKAGE.glob("*.py")):
        for line, owner in lists_of_body_types(path):
            if (path.name, owner) not in ALLOWED:
                problems.append("%s:%d (%s)" % (path.name, line, owner))
    assert problems == [], "derive these from mitch.body_layouts(): %s" % problems


def test_the_grep_finds_a_list():
    sample = PACKAGE.parent / "tests" / "sample_list.py"
    try:
        sample.write_text('KNOWN = {"t": 1, "o": 2, "s": 3, "i": 4, "b": 5}\n', encoding="utf-8")
        assert lists_of_body_types(sample) == [(1, "KNOWN")]
    finally:
        sample.unlink()


def imports_of(path: Path):
    """The package modules ``path`` imports, at module level or inside
    functions (``from . import x``, ``from .x import y``, ``import mitch.x``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and \
                node.module.startswith("mitch."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names
                       if a.name.startswith("mitch."))
    return out - {path.stem}


def test_no_import_cycles():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    graph = {m: imports_of(PACKAGE / (m + ".py")) & modules for m in modules}
    cycles = []

    def walk(node, stack):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        for nxt in sorted(graph[node]):
            walk(nxt, stack + [node])

    for m in sorted(modules):
        walk(m, [])
    assert cycles == []


def test_flat_is_the_top_not_a_base():
    users = {p.stem for p in PACKAGE.glob("*.py") if "flat" in imports_of(p)}
    assert users <= {"__init__", "conformance"}, users
    for module in ("types", "bins", "ids", "registry"):
        assert "flat" not in imports_of(PACKAGE / (module + ".py"))


def test_no_hand_written_struct_but_the_tables_own():
    text = (PACKAGE / "_ffi.py").read_text(encoding="utf-8")
    assert re.findall(r"^class (\w+)\(Structure\)", text, re.M) == ["LayoutStruct",
                                                                    "FieldStruct"]
