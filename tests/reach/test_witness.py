"""Witnesses (netaudit/reach/witness.py): a blocked cell's blocking lines."""

from __future__ import annotations

from types import SimpleNamespace

from helpers import GUEST, STAFF, l3, matrix, router
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit import filters
from netaudit.model import Action, AddrMatch, Filter, FilterLine, Match, PortRange, Src
from netaudit.reach import witness
from netaudit.reach.matrix import witness_for
from netaudit.reach.paths import Run
from netaudit.reach.witness import Witnesses
from tests.test_filters import HS, _filter, _first_match_line_by_line

# Destination blocks of the cells (the zones' addresses) and sources of the arrived sets.
_TARGETS = ["10.0.0.0/30", "10.0.0.4/30", "10.0.0.8/29", "10.0.0.0/28", "0.0.0.0/0", "192.168.0.0/16"]
_ARRIVED = st.lists(
    st.sampled_from(["10.0.0.0/29", "10.0.0.0/30", "10.0.0.8/31", "10.0.0.0/28"]), min_size=1, max_size=3
)


def _witnesses(flt) -> Witnesses:
    hs = HS
    sets = filters.LineSets(hs, [(i, hs.matches(line.matches)) for i, line in enumerate(flt.lines)])
    w = Witnesses()
    w.hs = hs
    w.topo = SimpleNamespace(devices={"r1": SimpleNamespace(file="acl.cfg", filters={"ACL": flt})})
    w._compiled = lambda dev, name, in_if, out_if: sets
    w._cache = {}
    return w


def _run(flt, arrived: list[str], state: str = "any") -> Run:
    """A run whose packets (from 10.0.0.0/29 to the ``arrived`` destinations; new
    connections only, established ones only, or any) met filter ``flt``."""
    hs = HS
    sets = filters.LineSets(hs, [(i, hs.matches(line.matches)) for i, line in enumerate(flt.lines)])
    allowed, _, _ = filters.permitted(hs, flt, sets)
    states = {"any": hs.true, "new": hs.new_connections, "established": hs.var("est")}
    applied = [states[state] & hs.prefix("src_ip", "10.0.0.0/29") & hs.prefix("dst_ip", net) for net in arrived]
    return Run(deliveries={}, denials={("r1", "ACL", None, None): [allowed, applied, True]})


def _expected(flt, run: Run, target) -> set[int]:
    """The lines that deny packets of ``target`` read line by line (-1: the default)."""
    hs = HS
    sets = filters.LineSets(hs, [(i, hs.matches(line.matches)) for i, line in enumerate(flt.lines)])
    ((allowed, applied, _whole),) = run.denials.values()
    arrived = hs.false
    for u in applied:
        arrived |= u
    parts, rest = _first_match_line_by_line(hs, sets, arrived & target & ~allowed, sets.order)
    found = {idx for idx, _ in parts if flt.lines[idx].action == Action.DENY or flt.lines[idx].partial}
    return found | ({-1} if rest != hs.false else set())


def _lines(cites: list[dict]) -> set[int]:
    """Cited lines by index (the test filters' line i is on line i + 2), -1 the default."""
    return {-1 if c["line"] is None else c["line"] - 2 for c in cites}


@settings(max_examples=50, deadline=None)
@given(_filter(), _ARRIVED, st.sampled_from([0, 1, 2, 1_000]), st.sampled_from(["any", "new", "established"]))
def test_blocking_lines_from_the_whole_split_are_each_cells_own(flt, arrived, asked_before_split, state):
    """A blocked cell's blocking lines are the same whether the cell's own denied packets
    are split by first match or the whole denial of the row is split once and the parts
    that meet the cell are taken (Witnesses.blocking_lines, _ASKED_BEFORE_SPLIT), and
    they are the lines that deny the cell's packets read line by line (the applications
    whose destinations the cell's miss skipped: Denied.dst_span)."""
    hs = HS
    w = _witnesses(flt)
    run = _run(flt, arrived, state)
    saved = witness._ASKED_BEFORE_SPLIT
    witness._ASKED_BEFORE_SPLIT = asked_before_split
    try:
        for net in _TARGETS * 2:  # each target asked again: from the split once it is made
            target = hs.prefix("dst_ip", net)
            got = w.blocking_lines(run, target, limit=100)
            assert _lines(got) == _expected(flt, run, target)
    finally:
        witness._ASKED_BEFORE_SPLIT = saved


def test_the_default_is_cited_only_for_cells_it_denies():
    """One line denies a cell's packets, the filter's default another's: from the split
    of the whole denial each cell cites its own (the part no line takes meets one cell)."""
    hs = HS
    flt = Filter(
        "ACL",
        [FilterLine(Action.DENY, [Match(dst=(AddrMatch(0x0A000000, 3),))], Src("acl.cfg", 2, "line 0"))],
        default_action=Action.DENY,
    )
    saved = witness._ASKED_BEFORE_SPLIT
    try:
        for asked_before_split in (0, 1_000):
            witness._ASKED_BEFORE_SPLIT = asked_before_split
            w, run = _witnesses(flt), _run(flt, ["10.0.0.0/29"])
            for _ in range(2):
                assert _lines(w.blocking_lines(run, hs.prefix("dst_ip", "10.0.0.0/30"))) == {0}
                assert _lines(w.blocking_lines(run, hs.prefix("dst_ip", "10.0.0.4/30"))) == {-1}
    finally:
        witness._ASKED_BEFORE_SPLIT = saved


# --- a witness of a subset: the set's own where its packets lie in the subset -----------

_SETS = st.builds(
    Match,
    src=st.none() | st.sampled_from([(AddrMatch(0x0A000000, 0xFF),), (AddrMatch(0x0A000005, 0),)]),
    dst=st.none() | st.sampled_from([(AddrMatch(0x0A000100, 0xFF),), (AddrMatch(0x0A000000, 0xFFFF),)]),
    protocols=st.none() | st.sampled_from([(6,), (17,), (1,)]),
    dst_ports=st.none() | st.sampled_from([(PortRange(22, 22),), (PortRange(20, 80),)]),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_SETS, min_size=1, max_size=3),
    st.lists(_SETS, min_size=1, max_size=3),
    st.lists(st.lists(_SETS, min_size=1, max_size=2), max_size=5),
)
def test_a_subset_holding_the_chosen_packets_gives_the_same_packet(us, targets, prefs):
    """Witnesses.delivered_packets: where a subset of the set holds every packet the
    set's choice picked, the subset's choice is the same packet (what witness_for's
    reuse of a cell's witness rests on); also after the choice of another destination
    than the source (two zones on one segment)."""
    hs = HS
    w = Witnesses()
    w.hs = hs
    u = hs.matches(us)
    if u == hs.false:
        return
    prefer = [hs.matches(p) for p in prefs]
    for extra in ([], [hs.eq("src_ip", 0x0A000005) & hs.eq("dst_ip", 0x0A000005)]):
        # the second: a set whose first choice writes to itself (source = destination)
        packets = w.delivered_packets(u, [*extra, *prefer])
        for target in (hs.matches(targets), hs.packet(packets[-1]), ~hs.packet(packets[0])):
            sub = u & target
            if sub != hs.false and all((hs.packet(p) & target) != hs.false for p in packets):
                assert w.delivered_packets(sub, [*extra, *prefer])[-1] == packets[-1]


def test_a_violations_witness_is_the_cells_where_its_packets_violate():
    """witness_for gives the cell's own witness (the same object) where the packets that
    chose it lie in the target, and the target's own witness where they do not."""
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    cells, engine = matrix([r], [GUEST, STAFF])
    hs = engine.hs
    cell = cells[("guest", "staff")]
    pz = engine.zones["guest"]
    own = cell.witness
    assert own is not None and cell.witness_choice is not None
    assert witness_for(engine, cell, hs.packet(own.packet), pz) is own
    other = witness_for(engine, cell, ~hs.packet(own.packet), pz)
    assert other is not None and other.packet != own.packet
    saved, cell.witness_choice = cell.witness_choice, None
    try:  # computed afresh: the same packet and hops as the reused one
        fresh = witness_for(engine, cell, cell.delivered, pz)
        assert fresh is not own and (fresh.packet, fresh.hops) == (own.packet, own.hops)
    finally:
        cell.witness_choice = saved
