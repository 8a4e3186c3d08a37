"""Every public callable, fed hostile arguments: the only exceptions that
may come out are MitchErrors.  test_misuse.py pins each defect found one by
one; this sweep is what found most of them, and it keeps finding the next
one (a new function that passes a numpy array to ctypes, say).

The arguments are drawn with a fixed seed, so a failure repeats; each
failure names the call.  Arguments Python itself cannot bind (too many,
unknown keywords) are not drawn: those TypeErrors are the language's."""

import enum
import inspect
import random
import warnings

import pytest

import mitch
from conftest import numpy

TID = 0x0305153138900000
TRADE = mitch.Trade(TID, 1.5, 10, 1)
MESSAGE = mitch.encode_message([TRADE], "t", 5)


def hostile_values():
    values = [None, True, False, -1, 0, 1, 255, 256, 2 ** 32, 2 ** 64, -2 ** 63, 10 ** 400,
              1.5, -0.0, float("nan"), float("inf"), 1e308, "", "t", "x" * 300, "\udcff",
              "EURUSD", "\x00", b"", b"t", b"\xff" * 3, TRADE.pack(), MESSAGE,
              bytearray(MESSAGE), memoryview(MESSAGE)[1:], [], [1, 2], [TRADE.pack()],
              [TRADE], (1,), {}, {"t": 1}, object(), mitch.Trade, mitch.MessageType.TRADE,
              mitch.OrderSide.SELL, TRADE, mitch.Bin(1, 2), range(3), iter([1])]
    if numpy is not None:
        values += [numpy.array([1, 2]), numpy.int64(5), numpy.float64(1.5),
                   numpy.zeros(40, numpy.uint8), numpy.zeros((2, 3)), numpy.array(3),
                   numpy.array([], numpy.uint8), numpy.uint64(2 ** 64 - 1)]
    return values


#: Valid leading arguments, so that the sweep reaches the later parameters
#: as well as the first check.
VALID_PREFIXES = [(), (MESSAGE,), (MESSAGE, "t"), (TRADE.pack(), "t"), ("EURUSD",)]

#: Not swept: enums and exceptions are the standard library's classes
#: (``AssetClass("x")`` raises ValueError as every Enum does), and ``Body``
#: is a typing alias.
NOT_SWEPT = {"Body"}

def installed(package):
    try:
        __import__(package)
    except ImportError:
        return False
    return True


#: The optional packages this machine lacks.
MISSING = {p for p in ("numpy", "pandas", "polars") if not installed(p)}


def an_optional_package_is_missing(err):
    """The ImportError a numpy, pandas or polars function raises by design
    when that package is not installed: its answer to any arguments."""
    return any("needs " + package in str(err) for package in MISSING)


def public_callables():
    found = []
    for module in (mitch, mitch.flat):
        for name in module.__all__:
            obj = getattr(module, name)
            if not callable(obj) or name in NOT_SWEPT or inspect.ismodule(obj):
                continue
            if inspect.isclass(obj) and issubclass(obj, (BaseException, enum.Enum)):
                continue
            found.append(("%s.%s" % (module.__name__, name), obj))
    return found


def sample_instances():
    """One valid object of each public class, whose methods are swept."""
    book = mitch.OrderBook(TID, 1.5, 1, [(1, 2)] * 128, [(3, 4)] * 128)
    return [
        TRADE, mitch.Order(TID, 1, 1.0, 5), mitch.Tick(TID, 1.0, 1.1, 1, 2),
        mitch.Index(TID, 1.25), mitch.Header("t", 5, 1), book,
        mitch.unpack_order_book(book.pack()), mitch.Bin(1, 2),
        mitch.TickerFields(0, 3, 1301, 3, 5001), mitch.Channel.create(2, "s"),
        mitch.resolve_ticker("EURUSD"), mitch.layout("t"), mitch.layout("t").fields[0],
        next(iter(mitch.decode_messages(MESSAGE))),
    ]


def draw_call(rng, fn, values, prefixes):
    """Arguments for ``fn`` that Python can bind, or None."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    args = list(rng.choice(prefixes))[:len(positional)]
    while len(args) < len(positional) and rng.random() < 0.7:
        args.append(rng.choice(values))
    taken = {p.name for p in positional[:len(args)]}
    kwargs = {p.name: rng.choice(values) for p in params
              if p.name not in taken and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
              and p.default is not p.empty and rng.random() < 0.3}
    try:
        sig.bind(*args, **kwargs)
    except TypeError:
        return None
    return args, kwargs


def sweep(name, fn, rng, values, trials, prefixes=VALID_PREFIXES):
    escaped = []
    for _ in range(trials):
        call = draw_call(rng, fn, values, prefixes)
        if call is None:
            continue
        args, kwargs = call
        try:
            with warnings.catch_warnings():
                # numpy's "truth value of an empty array" is a warning today
                # and an error tomorrow: either way the argument was not judged
                warnings.simplefilter("error")
                fn(*args, **kwargs)
        except mitch.MitchError:
            pass
        except Exception as err:  # noqa: BLE001 - what the test looks for
            if isinstance(err, ImportError) and an_optional_package_is_missing(err):
                continue
            escaped.append("%s(%s) raised %s: %s" % (
                name, ", ".join([repr(a)[:40] for a in args]
                                + ["%s=%s" % (k, repr(v)[:40]) for k, v in kwargs.items()]),
                type(err).__name__, str(err)[:120]))
    return escaped


@pytest.mark.parametrize("name,fn", public_callables(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_public_callables_raise_only_mitch_errors(name, fn):
    rng = random.Random(name)  # str seeds are stable across runs and processes
    escaped = sweep(name, fn, rng, hostile_values(), trials=150)
    assert not escaped, "\n".join(escaped[:10])


@pytest.mark.parametrize("obj", sample_instances(), ids=lambda o: type(o).__name__)
def test_methods_of_public_classes_raise_only_mitch_errors(obj):
    rng = random.Random(type(obj).__name__)
    escaped = []
    for attr in dir(obj):
        if attr.startswith("_"):
            continue
        method = getattr(obj, attr)
        if callable(method) and not inspect.isclass(method):
            escaped += sweep("%s.%s" % (type(obj).__name__, attr), method, rng,
                             hostile_values(), trials=60, prefixes=[()])
    assert not escaped, "\n".join(escaped[:10])


@pytest.mark.parametrize("obj", [o for o in sample_instances() if hasattr(o, "pack")],
                         ids=lambda o: type(o).__name__)
def test_a_hostile_field_value_is_refused_when_packed(obj):
    """Dataclass fields can be set to anything; pack() and is_valid() judge
    them, and repr() still works on what was set.  (== is the dataclass's
    tuple comparison: with a numpy array in a field it raises numpy's
    ValueError, as it does for any dataclass holding one.)"""
    import copy
    rng = random.Random("fields " + type(obj).__name__)
    escaped = []
    fields = [f for f in getattr(obj, "__dataclass_fields__", {})]
    for _ in range(200):
        bad = copy.copy(obj)
        name, value = rng.choice(fields), rng.choice(hostile_values())
        try:
            setattr(bad, name, value)
        except mitch.MitchError:
            continue
        for what in ("pack", "is_valid", "__repr__"):
            if not hasattr(bad, what):
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")
                    getattr(bad, what)()
            except mitch.MitchError:
                pass
            except Exception as err:  # noqa: BLE001
                escaped.append("%s.%s = %r; %s() raised %s: %s" % (
                    type(obj).__name__, name, repr(value)[:40], what, type(err).__name__,
                    str(err)[:120]))
    assert not escaped, "\n".join(escaped[:10])
