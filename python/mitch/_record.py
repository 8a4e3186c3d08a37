"""``dataclass`` and ``field`` for the package's value classes, without
importing :mod:`dataclasses` at import time.

Importing :mod:`dataclasses` imports :mod:`inspect` (and with it ``ast``,
``dis``, ``tokenize``, ``re`` ...): about as long as all the rest of
``import mitch``.  The package's classes need only part of what it does -
``__init__`` (defaults, ``default_factory``, ``__post_init__``),
``__repr__``, ``__eq__``, ``frozen`` and the ``__hash__`` that goes with it,
``__match_args__`` - which this module writes the way :mod:`dataclasses` of
Python 3.11 does (the generated ``__init__`` has the same signature and
code; ``__repr__``, ``__eq__`` and ``__hash__`` compare and show the same
tuples of fields).

The classes stay dataclasses for every caller: ``__dataclass_fields__`` and
``__dataclass_params__`` are built by :mod:`dataclasses` itself the first
time something asks for them (``dataclasses.fields``, ``asdict``,
``replace``, ``is_dataclass`` ...), from the same annotations, defaults and
parameters.  Type checkers see :func:`dataclasses.dataclass` (the modules
import it under ``TYPE_CHECKING``).
"""

from __future__ import annotations

from operator import attrgetter
from _thread import allocate_lock, get_ident

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Optional, Tuple

__all__ = ["dataclass", "field", "field_names", "field_types"]


class _FactorySentinel:
    """The default of a ``default_factory`` parameter (shown as dataclasses
    shows it, ``<factory>``)."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _FactorySentinel()
_MISSING = object()


class _FieldDefault:
    """What :func:`field` returns: the class attribute a field's default is
    read from while the class is decorated."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Any) -> None:
        self.default = default
        self.default_factory = default_factory


def field(*, default: Any = _MISSING, default_factory: Any = _MISSING) -> Any:
    """A field's default or default factory (the part of
    :func:`dataclasses.field` the package uses)."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return _FieldDefault(default, default_factory)


class _Spec:
    """What a decorated class was made of: enough to build its
    ``dataclasses`` description later."""

    __slots__ = ("name", "qualname", "module", "annotations", "defaults", "factories",
                 "params", "lock", "fields", "dc_params")

    def __init__(self, cls: Any, annotations: Dict[str, Any], defaults: Dict[str, Any],
                 factories: Dict[str, Any], params: Dict[str, bool]) -> None:
        self.name = cls.__name__
        self.qualname = cls.__qualname__
        self.module = cls.__module__
        self.annotations = annotations
        self.defaults = defaults
        self.factories = factories
        self.params = params
        self.lock = allocate_lock()
        self.fields: Optional[Dict[str, Any]] = None
        self.dc_params: Any = None

    def build(self) -> None:
        """``__dataclass_fields__`` and ``__dataclass_params__`` as
        :mod:`dataclasses` makes them, from a stand-in class with the same
        annotations, defaults and parameters.  Built once, under a lock: every
        caller sees the same Field objects."""
        with self.lock:
            if self.fields is not None:
                return
            import dataclasses
            namespace: Dict[str, Any] = {"__annotations__": dict(self.annotations),
                                         "__module__": self.module,
                                         "__qualname__": self.qualname}
            namespace.update(self.defaults)
            for name, factory in self.factories.items():
                namespace[name] = dataclasses.field(default_factory=factory)
            stand_in: Any = type(self.name, (), namespace)
            stand_in = dataclasses.dataclass(**self.params)(stand_in)
            self.dc_params = stand_in.__dataclass_params__
            self.fields = stand_in.__dataclass_fields__


class _Described:
    """``__dataclass_fields__`` / ``__dataclass_params__`` of a class,
    built by :mod:`dataclasses` on first access."""

    __slots__ = ("spec", "params")

    def __init__(self, spec: _Spec, params: bool) -> None:
        self.spec = spec
        self.params = params

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        spec = self.spec
        if spec.fields is None:
            spec.build()
        return spec.dc_params if self.params else spec.fields


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _getter(names: Tuple[str, ...]) -> Callable[[Any], Tuple[Any, ...]]:
    """The tuple of fields dataclasses compares and hashes."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


def _set_new(cls: Any, name: str, value: Any) -> None:
    # as dataclasses does: a method the class defines itself is kept
    if name not in cls.__dict__:
        value.__qualname__ = "%s.%s" % (cls.__qualname__, name)
        setattr(cls, name, value)


def _init_source(names: Tuple[str, ...], annotations: Dict[str, Any], defaults: Dict[str, Any],
                 factories: Dict[str, Any], frozen: bool, post_init: bool) -> str:
    params, body = [], []
    for name in names:
        if name in factories:
            params.append("%s=_HAS_FACTORY" % name)
            value = "_dflt_%s() if %s is _HAS_FACTORY else %s" % (name, name, name)
        else:
            params.append(name + ("=_dflt_%s" % name if name in defaults else ""))
            value = name
        body.append("_setattr(self, %r, %s)" % (name, value) if frozen
                    else "self.%s = %s" % (name, value))
    if post_init:
        body.append("self.__post_init__()")
    return "def __init__(self, %s):\n    %s\n" % (
        ", ".join(params), "\n    ".join(body or ["pass"]))


def _process(cls: Any, init: bool, repr: bool, eq: bool, frozen: bool) -> Any:
    annotations = {name: note for name, note in cls.__dict__.get("__annotations__", {}).items()
                   if not _is_classvar(note)}
    for base in cls.__mro__[1:]:
        if "__dataclass_fields__" in base.__dict__:
            raise TypeError("mitch._record does not support inheriting fields (%s from %s): "
                            "use dataclasses" % (cls.__name__, base.__name__))
    names = tuple(annotations)
    defaults: Dict[str, Any] = {}
    factories: Dict[str, Any] = {}
    for name in names:
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, _FieldDefault):
            if value.default_factory is not _MISSING:
                factories[name] = value.default_factory
            elif value.default is not _MISSING:
                defaults[name] = value.default
            # the class keeps the plain default, as dataclasses leaves it
            if value.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, value.default)
        elif value is not _MISSING:
            defaults[name] = value
    for name, value in defaults.items():
        if type(value).__hash__ is None:  # dataclasses' rule for mutable defaults
            raise ValueError("mutable default %s for field %s is not allowed: use "
                             "default_factory" % (type(value), name))
    seen_default = False
    for name in names:
        if name in defaults or name in factories:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % name)

    params = dict(init=init, repr=repr, eq=eq, frozen=frozen)
    spec = _Spec(cls, annotations, defaults, factories, params)
    cls.__dataclass_fields__ = _Described(spec, False)
    cls.__dataclass_params__ = _Described(spec, True)
    cls.__record__ = spec
    get = _getter(names)

    if init:
        scope: Dict[str, Any] = {"_HAS_FACTORY": _HAS_FACTORY, "_setattr": object.__setattr__}
        for name, value in defaults.items():
            scope["_dflt_" + name] = value
        for name, factory in factories.items():
            scope["_dflt_" + name] = factory
        source = _init_source(names, annotations, defaults, factories, frozen,
                              hasattr(cls, "__post_init__"))
        # exec of the text, not of compile(): the first compile() of a process
        # sets up the ast module's types (1 to 5 ms).  The annotations are
        # set afterwards, as dataclasses' __init__ has them (the field
        # annotations as written, and None returned).
        exec(source, scope)  # noqa: S102 - from the class's own field names
        init_fn = scope["__init__"]
        init_fn.__annotations__ = dict(annotations, **{"return": None})
        _set_new(cls, "__init__", init_fn)

    if repr:
        running = set()

        def __repr__(self: Any) -> str:
            # reprlib.recursive_repr's guard, as dataclasses' __repr__ has
            key = id(self), get_ident()
            if key in running:
                return "..."
            running.add(key)
            try:
                return "%s(%s)" % (type(self).__qualname__, ", ".join(
                    "%s=%r" % (name, getattr(self, name)) for name in names))
            finally:
                running.discard(key)
        _set_new(cls, "__repr__", __repr__)

    if eq:
        def __eq__(self: Any, other: Any) -> Any:
            if other.__class__ is self.__class__:
                return get(self) == get(other)
            return NotImplemented
        _set_new(cls, "__eq__", __eq__)

    if frozen:
        def __setattr__(self: Any, name: str, value: Any) -> None:
            if type(self) is cls or name in names:
                raise _frozen_error("cannot assign to field %r" % name)
            super(cls, self).__setattr__(name, value)

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is cls or name in names:
                raise _frozen_error("cannot delete field %r" % name)
            super(cls, self).__delattr__(name)
        for name, method in (("__setattr__", __setattr__), ("__delattr__", __delattr__)):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute %s in class %s"
                                % (name, cls.__name__))
            _set_new(cls, name, method)

    # __hash__ by dataclasses' table (unsafe_hash=False): frozen and eq
    # hash the fields; eq alone makes instances unhashable, unless the
    # class wrote its own __hash__.
    class_hash = cls.__dict__.get("__hash__", _MISSING)
    explicit_hash = not (class_hash is _MISSING or
                         (class_hash is None and "__eq__" in cls.__dict__))
    if eq and frozen and not explicit_hash:
        def __hash__(self: Any) -> int:
            return hash(get(self))
        __hash__.__qualname__ = "%s.__hash__" % cls.__qualname__
        cls.__hash__ = __hash__
    elif eq and not explicit_hash:
        cls.__hash__ = None

    if cls.__doc__ is None:
        cls.__doc__ = "%s(%s)" % (cls.__name__, ", ".join(names))
    _set_new_plain(cls, "__match_args__", names)
    return cls


def _set_new_plain(cls: Any, name: str, value: Any) -> None:
    if name not in cls.__dict__:
        setattr(cls, name, value)


def _frozen_error(message: str) -> Exception:
    from dataclasses import FrozenInstanceError  # the error path only
    return FrozenInstanceError(message)


def dataclass(cls: Any = None, *, init: bool = True, repr: bool = True, eq: bool = True,
              frozen: bool = False) -> Any:
    """:func:`dataclasses.dataclass` with the parameters the package uses."""
    def wrap(cls: Any) -> Any:
        return _process(cls, init, repr, eq, frozen)
    return wrap if cls is None else wrap(cls)


def _spec(cls: Any) -> _Spec:
    spec = getattr(cls, "__record__", None)
    if not isinstance(spec, _Spec):
        raise TypeError("%r is not a class made by mitch._record.dataclass" % (cls,))
    return spec


def field_names(cls: Any) -> Tuple[str, ...]:
    """The field names of a class this module made, in order (what
    ``[f.name for f in dataclasses.fields(cls)]`` gives, without importing
    dataclasses)."""
    return tuple(_spec(cls).annotations)


def field_types(cls: Any) -> Dict[str, Any]:
    """Field name -> annotation (text: the modules use ``from __future__
    import annotations``)."""
    return dict(_spec(cls).annotations)
