"""The model's per-rule objects with hand-written constructors (``netaudit/model.py``:
``AddrMatch``, ``PortRange``) build what the dataclass-generated ``__init__`` would: the
same signature and defaults, the same fields, the same equality, hash and repr, and
frozen after construction.  A field added to one of these classes and not to its
``__init__`` fails here.  ``Src`` and ``Match``, named tuples now, are pinned to the
frozen dataclasses they were."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import random

import pytest

from netaudit.messages import Text
from netaudit.model import AddrMatch, FilterLine, Match, PortRange, Src

HAND_WRITTEN = [AddrMatch, PortRange]


def _generated(cls: type) -> type:
    """The same fields as ``cls``, with the ``__init__``, ``__eq__``, ``__hash__`` and
    ``__repr__`` that ``dataclass(frozen=True)`` generates."""
    spec = []
    for f in dataclasses.fields(cls):
        spec.append(
            (f.name, f.type, dataclasses.field(default=f.default))
            if f.default is not dataclasses.MISSING
            else (f.name, f.type)
        )
    return dataclasses.make_dataclass(cls.__name__, spec, frozen=True)


def _params(fn) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda c: c.__name__)
def test_signature_is_the_generated_one(cls):
    assert _params(cls.__init__) == _params(_generated(cls).__init__)
    assert cls.__match_args__ == tuple(f.name for f in dataclasses.fields(cls))


def _value(rng: random.Random, i: int) -> object:
    return rng.choice([None, True, False, i, rng.randrange(1 << 32), f"v{i}", (i, i + 1), frozenset({f"e{i}"})])


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda c: c.__name__)
def test_instances_are_the_generated_ones(cls):
    ref = _generated(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    rng = random.Random(15)
    for _ in range(500):
        values = [_value(rng, i) for i in range(len(names))]
        every = dict(zip(names, values, strict=True))
        for a, b in ((cls(*values), ref(*values)), (cls(**every), ref(**every))):
            assert [getattr(a, n) for n in names] == [getattr(b, n) for n in names]
            assert repr(a) == repr(b)
            assert hash(a) == hash(b)
            assert a == cls(*[getattr(b, n) for n in names])
            assert copy.copy(a) == a and pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(TypeError):
        cls(*range(len(names) + 1))


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda c: c.__name__)
def test_still_frozen(cls):
    obj = cls(*range(len(dataclasses.fields(cls))))
    for f in dataclasses.fields(cls):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, f.name, 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(obj, f.name)


def test_a_filter_line_is_the_dataclass_it_was():
    src = Src("f.cfg", 3, "permit ip any any")
    line = FilterLine("permit", [Match()], src, name="10")  # type: ignore[arg-type]
    assert line == FilterLine("permit", [Match()], src, "10", None, None)  # type: ignore[arg-type]
    assert dataclasses.replace(line, partial="x").partial == "x"
    assert dataclasses.asdict(line)["name"] == "10"
    line.partial = "changed"  # a parser may still set a field after construction
    assert line.partial == "changed"


# --------------------------------------------------------------------------- Match

# The frozen dataclass Match was before it became a named tuple (issue #15): its fields
# and their defaults, in its order.
_MATCH_DATACLASS = dataclasses.make_dataclass(
    "Match",
    [
        (name, object, dataclasses.field(default=default))
        for name, default in (
            ("src", None),
            ("dst", None),
            ("src_negate", False),
            ("dst_negate", False),
            ("protocols", None),
            ("src_ports", None),
            ("dst_ports", None),
            ("icmp_type", None),
            ("icmp_code", None),
            ("tcp_established", False),
            ("conn_established", None),
            ("in_ifaces", None),
            ("out_ifaces", None),
        )
    ],
    frozen=True,
)


def test_match_is_the_dataclass_it_was():
    """Same fields, defaults, keyword and positional construction, repr, equality and
    hash as the frozen dataclass; immutable; pickles; a state dict in field order makes
    the same Match (``from_state``), and ``evolve`` changes the fields it names."""
    from netaudit.parsers.base import EVERY_MATCH_STATE, evolve, from_state

    names = [f.name for f in dataclasses.fields(_MATCH_DATACLASS)]
    assert list(Match._fields) == names and Match.__match_args__ == tuple(names)
    assert Match._field_defaults == {f.name: f.default for f in dataclasses.fields(_MATCH_DATACLASS)}
    assert list(EVERY_MATCH_STATE) == names and Match(**EVERY_MATCH_STATE) == Match()
    rng = random.Random(16)
    for _ in range(500):
        every = {n: _value(rng, i) if rng.random() < 0.5 else Match._field_defaults[n] for i, n in enumerate(names)}
        want = _MATCH_DATACLASS(**every)
        for got in (Match(**every), Match(*every.values()), from_state(Match, dict(every))):
            assert type(got) is Match
            assert [getattr(got, n) for n in names] == [getattr(want, n) for n in names]
            assert repr(got) == repr(want) and hash(got) == hash(want)
            assert got == Match(**every) and pickle.loads(pickle.dumps(got)) == got
            assert copy.copy(got) == got and copy.deepcopy(got) == got
        changes = {n: _value(rng, 99) for n in rng.sample(names, rng.randrange(4))}
        moved = evolve(Match(**every), **changes)
        assert repr(moved) == repr(dataclasses.replace(want, **changes))
        assert hash(moved) == hash(dataclasses.replace(want, **changes))
    m = Match(protocols=(6,))
    with pytest.raises(AttributeError):
        m.protocols = (17,)  # type: ignore[misc]
    assert m != Match(protocols=(17,)) and m == Match(protocols=(6,)) and m


# --------------------------------------------------------------------------- Src

# The frozen slotted dataclass Src was before it became a named tuple (issue #15).
_SRC_DATACLASS = dataclasses.make_dataclass(
    "Src", [("file", str), ("line", int), ("text", str, dataclasses.field(default=""))], frozen=True, slots=True
)

_new = tuple.__new__  # how the hot readers make a Src (base.State.src, the RouterOS reader, …)


def _src_value(rng: random.Random, i: int) -> object:
    return rng.choice(["", f"f{i}.cfg", "permit ip any any", " x ", Text("input.at", where="f", what="w"), i, 0, None])


def test_src_is_the_dataclass_it_was():
    """Same fields, defaults, keyword and positional construction (and the readers'
    ``tuple.__new__(Src, values)``), repr, str, equality and hash as the frozen
    dataclass; immutable; pickles and copies; ``cite()`` unchanged."""
    names = [f.name for f in dataclasses.fields(_SRC_DATACLASS)]
    assert list(Src._fields) == names and Src.__match_args__ == tuple(names) == _SRC_DATACLASS.__match_args__
    assert Src._field_defaults == {"text": ""}
    assert _params(Src.__new__)[1:] == _params(_SRC_DATACLASS.__init__)[1:]
    rng = random.Random(17)
    for _ in range(500):
        values = [_src_value(rng, i) for i in range(3)]
        every = dict(zip(names, values, strict=True))
        wants = [_SRC_DATACLASS(*values), _SRC_DATACLASS(*values[:2])]
        gots = [
            (Src(*values), Src(**every), _new(Src, tuple(values))),
            (Src(*values[:2]), Src(file=values[0], line=values[1]), _new(Src, (*values[:2], ""))),
        ]
        for want, got_all in zip(wants, gots, strict=True):
            for got in got_all:
                assert type(got) is Src
                assert [getattr(got, n) for n in names] == [getattr(want, n) for n in names]
                assert repr(got) == repr(want) and str(got) == str(want) and hash(got) == hash(want)
                assert got == got_all[0] and (got != got_all[0]) is False
                assert got.cite() == {"file": want.file, "line": want.line, "text": want.text}
                assert pickle.loads(pickle.dumps(got)) == got and type(pickle.loads(pickle.dumps(got))) is Src
                assert copy.copy(got) == got and copy.deepcopy(got) == got
        other = Src(values[0], values[1], "other text")
        assert (other == gots[0][0]) == (values[2] == "other text")
    with pytest.raises(TypeError):
        Src("f", 1, "t", "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Src("f")  # type: ignore[call-arg]
    s = Src("f.cfg", 3, "permit ip any any")
    for name in names:
        with pytest.raises(AttributeError):
            setattr(s, name, "x")
    assert s and s != Src("f.cfg", 4, "permit ip any any") and s == Src("f.cfg", 3, "permit ip any any")
