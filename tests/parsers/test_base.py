"""The neutral line-dispatch base (netaudit/parsers/base.py) with a vendor that is not
Cisco: the negation keyword is the parser's, not ``no``."""

from __future__ import annotations

import dataclasses
import gc
import pickle

import pytest

from netaudit.model import Action, AddrMatch, FilterLine, Match, PortRange, Src
from netaudit.parsers.base import IGNORE_CTX, Ctx, LineParser, Unknown, evolve, parse_without_gc, table


class _Vrp(LineParser):
    """A tiny Huawei-VRP-like parser: ``sysname``, ``interface`` blocks, ``#`` comments,
    ``undo`` puts a setting back to its default."""

    VENDOR = "tiny_vrp"
    NEGATION = "undo"
    SECRET_WORDS = frozenset({"cipher"})

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.shut: dict[str, bool] = {}

    def prepare(self, raw, lineno):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            self.ignored += 1
            return None
        return stripped

    def scan_secrets(self, tokens, low):
        for i, w in enumerate(low):
            if w == "cipher" and i + 1 < len(tokens):
                self.add_secret(tokens[i + 1])

    def ctx_partial(self, ctx, reason, src):
        self.rep.add_partial(ctx.label, reason, src)

    def apply(self, ctx, entry, tokens, low, src):
        try:
            entry(self, ctx.targets[0], tokens, low, src)
        except Unknown:
            return False
        return True

    def finish(self):
        self.rep.devices = [self.dev.hostname]

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.shut.setdefault(tokens[1], False)
        self.ctx = Ctx("interface", IFACE, [tokens[1]], f"interface {tokens[1]}", src)

    def if_shutdown(self, name, tokens, low, src):
        self.shut[name] = low[0] != "undo"


TOP = table(
    ignored=["stp", "info-center", "local-user"],
    partial={"traffic-policy": "traffic policy not modelled"},
    handlers={"sysname": _Vrp.h_hostname, "interface": _Vrp.h_interface},
)
IFACE = table(ignored=["description"], handlers={"shutdown": _Vrp.if_shutdown, "undo shutdown": _Vrp.if_shutdown})
_Vrp.TOP_TABLE = TOP

TEXT = """\
#
sysname CORE
#
stp enable
undo stp enable
undo info-center enable
no stp enable
undo frobnicate
local-user admin password cipher S3cr3tPass
#
interface GigabitEthernet0/0/1
 description uplink
 undo description
 shutdown
 no shutdown
interface GigabitEthernet0/0/2
 shutdown
 undo shutdown
#
return
"""


def test_a_different_negation_keyword():
    res = parse_without_gc(_Vrp, TEXT, "core.cfg")
    dev, rep = res.devices[0], res.report
    assert dev.hostname == "CORE" and dev.vendor == "tiny_vrp" and rep.devices == ["CORE"]
    unrecognized = [(s.line, s.text) for s in rep.unrecognized]
    # `undo <known>` is understood (back to a default); `no` means nothing to this vendor,
    # `undo <unknown>` is not understood either.
    assert unrecognized == [(7, "no stp enable"), (8, "undo frobnicate"), (15, "no shutdown"), (20, "return")]
    # a table's own `undo` entry wins over the generic rule
    p = _Vrp(TEXT, "core.cfg")
    p.run()
    assert p.shut == {"GigabitEthernet0/0/1": True, "GigabitEthernet0/0/2": False}
    # comment lines (4), stp enable, undo stp enable, undo info-center enable,
    # local-user (with its secret), description, undo description
    assert rep.ignored == 4 + 6
    assert dev.secrets == {"S3cr3tPass"} and dev.secret_lines == {9: {"S3cr3tPass"}}


def test_the_negation_keyword_is_not_hard_coded():
    class _Cisco(_Vrp):
        NEGATION = "no"

    rep = parse_without_gc(_Cisco, TEXT, "core.cfg").report
    # now `no stp enable` and ` no shutdown` are understood, the `undo` lines are not
    # (but for the table's own `undo shutdown` entry)
    assert [s.line for s in rep.unrecognized] == [5, 6, 8, 13, 20]


def test_ignored_block_bodies_and_partial_entries():
    text = "traffic-policy P1 inbound\nstp region-configuration\n region-name X\n"
    res = parse_without_gc(_Vrp, text, "x.cfg")
    rep = res.report
    assert [p["construct"] for p in rep.partially_understood] == ["traffic-policy P1"]
    assert rep.ignored == 2 and not rep.unrecognized
    assert IGNORE_CTX.kind == "ignore"


# --------------------------------------------------------------------------- evolve


def test_evolve_builds_what_dataclasses_replace_builds():
    m = Match(src=(AddrMatch(10, 0),), protocols=(6,), dst_ports=(PortRange(80, 80),), in_ifaces=frozenset({"a"}))
    for changes in ({"in_ifaces": None}, {"in_ifaces": frozenset({"b"}), "out_ifaces": None}, {}):
        got, want = evolve(m, **changes), m._replace(**changes)  # (Match: a named tuple)
        assert type(got) is Match and got == want and hash(got) == hash(want) and repr(got) == repr(want)
        assert pickle.dumps(got) == pickle.dumps(want)
    line = FilterLine(Action.PERMIT, [m], Src("f", 1, "x"), "n")
    assert evolve(line, name="o") == dataclasses.replace(line, name="o")
    assert evolve(line, name="o").matches is line.matches  # a copy, as replace makes it


def test_evolve_falls_back_to_replace():
    @dataclasses.dataclass(frozen=True)
    class Checked:
        x: int

        def __post_init__(self):
            if self.x < 0:
                raise ValueError("negative")

    assert evolve(Checked(1), x=2) == Checked(2)
    with pytest.raises(ValueError):
        evolve(Checked(1), x=-1)  # __post_init__ still runs
    with pytest.raises(TypeError):
        evolve(Match(), no_such_field=1)  # as Match(no_such_field=1) says


def _inputs_of_every_vendor() -> list:
    from helpers import FIXTURES, SAMPLES

    samples = [p for p in sorted(SAMPLES.iterdir()) if p.is_dir() and p.name != "blueprints"]
    return samples + [p for p in sorted(FIXTURES.iterdir()) if p.is_dir() and p.name not in ("model", "nmap")]


@pytest.mark.parametrize("folder", _inputs_of_every_vendor(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_parse_leaves_no_reference_cycle(folder):
    """What a parse builds and drops (the parser's state, the config tree, every rule read
    on the way) is freed by reference counting: parses and audits run with the cyclic
    collector paused (netaudit/collector.py), so a cycle — a recursive closure, a node
    pointing back to its parent, a bound method kept by what its object holds — kept
    the whole parse alive to the end (issue #15: a RouterOS export's 1.1 million
    objects, a FortiOS config tree)."""
    from netaudit.inputs import load_snapshot

    load_snapshot([folder])  # imports and first-use caches first
    gc.collect()
    gc.disable()
    try:
        snap = load_snapshot([folder])
        assert snap.devices
        del snap
        assert gc.collect() == 0
    finally:
        gc.enable()
