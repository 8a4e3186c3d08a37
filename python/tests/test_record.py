"""The package's value classes are made by mitch._record (import mitch
does not import dataclasses); they must be the dataclasses that
dataclasses.dataclass makes of the same class: same __init__ signature,
fields, parameters, repr, equality, hashing and frozenness."""

import dataclasses
import importlib
import inspect

import pytest

import mitch
from mitch import _record
from conftest import run_python

MODULES = ("exceptions", "layouts", "bodies", "book", "ids", "registry", "codec")


def record_classes():
    found = {}
    for name in MODULES:
        module = importlib.import_module("mitch." + name)
        for value in vars(module).values():
            if isinstance(value, type) and "__record__" in value.__dict__:
                found[value.__qualname__] = value
    return found


def reference(cls):
    """The class rebuilt by dataclasses.dataclass from its own annotations,
    defaults and parameters (and its methods: __post_init__ ...)."""
    spec = cls.__record__
    namespace = {k: v for k, v in vars(cls).items()
                 if k not in spec.annotations and not k.startswith("__dataclass")
                 and k not in ("__record__", "__init__", "__repr__", "__eq__", "__hash__",
                               "__setattr__", "__delattr__", "__match_args__", "__dict__",
                               "__weakref__", "__slots__")}
    namespace["__annotations__"] = dict(spec.annotations)
    namespace.update(spec.defaults)
    for name, factory in spec.factories.items():
        namespace[name] = dataclasses.field(default_factory=factory)
    own = {k: vars(cls)[k] for k in ("__repr__", "__eq__", "__hash__") if k in vars(cls)
           and getattr(vars(cls)[k], "__module__", None) != "mitch._record"}
    namespace.update(own)
    return dataclasses.dataclass(**spec.params)(type(cls.__name__, cls.__bases__, namespace))


def test_the_package_has_its_value_classes():
    names = set(record_classes())
    assert {"Trade", "Order", "Tick", "Index", "OrderBook", "Header", "Bin", "Layout", "Field",
            "StreamInfo", "Asset", "Ticker", "Message", "TickerFields", "Channel"} <= names


@pytest.mark.parametrize("name", sorted(record_classes()))
def test_same_class_as_dataclasses_makes(name):
    cls = record_classes()[name]
    ref = reference(cls)
    assert dataclasses.is_dataclass(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(ref))
    assert cls.__init__.__annotations__ == ref.__init__.__annotations__
    assert cls.__init__.__qualname__ == name + ".__init__"
    assert cls.__match_args__ == ref.__match_args__
    assert repr(cls.__dataclass_params__) == repr(ref.__dataclass_params__)
    mine, theirs = dataclasses.fields(cls), dataclasses.fields(ref)
    assert [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.compare)
            for f in mine] == \
        [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.compare)
         for f in theirs]
    # hashability follows dataclasses' table
    assert (cls.__hash__ is None) == (ref.__hash__ is None)


def test_instances_behave_as_dataclasses_instances():
    header = mitch.layout("header")
    again = mitch.layout(0)
    assert header == again and hash(header) == hash(again)
    assert header != mitch.layout("trade") and (header == (1, 2)) is False
    assert repr(header).startswith("Layout(id=0, message_type=0, name='header', ")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        header.name = "x"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
        del header.name
    info = mitch.StreamInfo(1, 2)
    assert repr(info) == "StreamInfo(messages=1, bodies=2, error_offset=0, message_offset=0)"
    assert info == mitch.StreamInfo(1, 2, 0, 0) and info != mitch.StreamInfo(1, 3)
    with pytest.raises(TypeError):
        hash(info)  # eq without frozen: unhashable, as dataclasses makes it
    trade = mitch.Trade(1, 1.5, 2, 3, side="sell")
    assert trade.side is mitch.OrderSide.SELL  # __post_init__ ran
    assert dataclasses.asdict(trade) == dict(ticker_id=1, price=1.5, quantity=2, trade_id=3,
                                             side=mitch.OrderSide.SELL)
    assert dataclasses.replace(trade, price=2.5) == mitch.Trade(1, 2.5, 2, 3, 1)
    book = mitch.OrderBook(1, 1.0)
    assert book.bids is not mitch.OrderBook(1, 1.0).bids  # default_factory, per instance
    assert len(book.bids) == 128
    with pytest.raises(TypeError):
        mitch.Trade(1, 1.0, 2)  # trade_id has no default
    with pytest.raises(TypeError):
        mitch.Trade(1, 1.0, 2, 3, side=0, extra=1)


def test_recursive_repr_is_cut_as_dataclasses_cuts_it():
    @_record.dataclass
    class Node:
        child: object = None

    node = Node()
    node.child = node
    assert repr(node) == "test_recursive_repr_is_cut_as_dataclasses_cuts_it.<locals>.Node" \
        "(child=...)"


def test_rules_dataclasses_enforces():
    with pytest.raises(ValueError, match="mutable default"):
        @_record.dataclass
        class Mutable:
            items: list = []  # noqa: RUF012
    with pytest.raises(TypeError, match="non-default argument"):
        @_record.dataclass
        class Order:
            a: int = 0
            b: int  # type: ignore[misc]
    with pytest.raises(TypeError, match="Cannot overwrite attribute __setattr__"):
        @_record.dataclass(frozen=True)
        class Frozen:
            a: int

            def __setattr__(self, name, value):
                pass


def test_dataclass_description_is_built_once_under_threads():
    """__dataclass_fields__ is built on first use; threads racing for it
    all get the same Field objects."""
    code = """if True:
        import sys, threading
        import mitch
        assert "dataclasses" not in sys.modules
        seen, start = [], threading.Barrier(8)
        def look():
            start.wait()
            seen.append(mitch.Trade.__dataclass_fields__)
        threads = [threading.Thread(target=look) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        import dataclasses
        assert len(seen) == 8 and all(s is seen[0] for s in seen)
        assert [f.name for f in dataclasses.fields(mitch.Trade)] == list(seen[0])
        print("ok")
    """
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
