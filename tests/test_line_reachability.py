"""Line reachability (netaudit/line_reachability.py): the shadowed lines and their
blocking lines, found through the address index, the connection-state shortcut and the
interface combinations, are exactly what reading the lines one by one gives.

The references below are the straightforward readings: "a line is shadowed when the
union of the earlier understood lines holds it", and Batfish's minimal cover read
straight.  The filters are drawn by tests/test_filters.py's strategies.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit import filters, line_overlap, line_reachability
from netaudit.model import Action, AddrMatch, Filter, FilterLine, Match, Src
from tests.test_filters import HS, _filter, _first_match_line_by_line, _interface_filter, _spread_filter


@st.composite
def _stateful_filter(draw):
    """A stateful firewall's shape: lines on the connection state and protocols over few
    addresses, so that later lines are often covered by earlier ones of the same state
    and protocol, or only by ones of another (line reachability's state shortcut)."""
    lines = []
    # A destination on every line: a line of no address is too wide to ask the index.
    dst = st.sampled_from([(AddrMatch(0x0A000000, 0),), (AddrMatch(0x0A000000, 3),)])
    for i in range(draw(st.integers(1, 6))):
        matches = [
            Match(
                src=draw(st.none() | dst),
                dst=draw(dst),
                protocols=draw(st.none() | st.sampled_from([(6,), (17,), (1,), (6, 17)])),
                conn_established=draw(st.sampled_from([None, True, False])),
                tcp_established=draw(st.integers(0, 3)) == 0,
            )
            for _ in range(draw(st.integers(1, 2)))
        ]
        action = draw(st.sampled_from([Action.PERMIT, Action.DENY]))
        lines.append(FilterLine(action=action, matches=matches, source=Src("fw.rsc", i + 2, f"line {i}")))
    return Filter("forward", lines, default_action=Action.PERMIT)


@settings(max_examples=80, deadline=None)
@given(st.one_of(_filter(), _spread_filter()))
def test_shadowed_lines_are_those_the_earlier_lines_cover(flt):
    _check_shadowed_lines(flt)


@settings(max_examples=200, deadline=None)
@given(_stateful_filter())
def test_shadowed_lines_of_a_stateful_firewall_are_those_the_earlier_lines_cover(flt):
    _check_shadowed_lines(flt)


@settings(max_examples=150, deadline=None)
@given(_interface_filter())
def test_shadowed_lines_across_interface_combinations_are_those_covered_in_each(flt):
    """A line is reported when, in every interface combination where it has packets,
    the earlier understood lines that apply there take them all; unmatchable when it has
    packets in none."""
    hs = HS
    live: dict[int, bool] = {}
    covered: dict[int, bool] = {}
    for in_if, out_if in filters.interface_combinations(flt):
        union = hs.false
        for idx, line in enumerate(flt.lines):
            u = hs.matches([m for m in line.matches if filters.applies(m, in_if, out_if)])
            if line.partial:
                continue
            if u != hs.false:
                live[idx] = True
                covered[idx] = covered.get(idx, True) and (u & ~union) == hs.false
            union |= u
    want = {
        idx: (line_reachability.BLOCKING_LINES if live.get(idx) else line_reachability.UNMATCHABLE)
        for idx, line in enumerate(flt.lines)
        if not line.partial and (not live.get(idx) or covered[idx])
    }
    assert {u.index: u.reason for u in line_reachability.shadowed_lines(hs, flt)} == want


def _check_shadowed_lines(flt):
    """shadowed_lines against the covered lines read straight off the BDDs."""
    hs = HS
    sets = filters.line_sets(hs, flt, None, None)
    want = {}
    union = hs.false
    for idx in sets.order:
        line = flt.lines[idx]
        if not line.partial:
            if sets[idx] == hs.false:
                want[idx] = line_reachability.UNMATCHABLE
            elif (sets[idx] & ~union) == hs.false:
                want[idx] = line_reachability.BLOCKING_LINES
            union |= sets[idx]
    got = {u.index: u.reason for u in line_reachability.shadowed_lines(hs, flt)}
    assert got == want
    for u in line_reachability.shadowed_lines(hs, flt):
        if u.reason == line_reachability.BLOCKING_LINES:  # the named lines cover it, all earlier
            cover = hs.false
            for j in u.blocking:
                assert j < u.index and not flt.lines[j].partial
                cover |= sets[j]
            assert (sets[u.index] & ~cover) == hs.false


def _minimal_cover(hs, flt, sets, idx):
    """Batfish's blocking lines of a covered line, read straight: the earlier understood
    lines that take its packets in first-match order, dropped smallest overlap first (by
    model count) while the others still cover it; a line of another action (the largest
    overlap) always named when one takes packets."""
    earlier = [j for j in sets.order if j < idx and not flt.lines[j].partial]
    parts, _ = _first_match_line_by_line(hs, sets, sets[idx], earlier)
    taking = [j for j, _ in parts]
    u, action = sets[idx], flt.lines[idx].action
    weight = {j: hs.bdd.count(u & sets[j], nvars=len(hs.bdd.vars)) for j in taking}
    chosen = set(taking)
    for j in sorted(taking, key=lambda j: (weight[j], -j)):
        others = hs.false
        for k in chosen - {j}:
            others |= sets[k]
        if len(chosen) > 1 and (u & ~others) == hs.false:
            chosen.discard(j)
    differing = [j for j in taking if flt.lines[j].action != action]
    if differing and not chosen & set(differing):
        chosen.add(max(differing, key=lambda j: (weight[j], -j)))
    return sorted(chosen), bool(differing)


@settings(max_examples=80, deadline=None)
@given(st.one_of(_filter(), _spread_filter()))
def test_blocking_lines_are_the_minimal_cover_read_straight(flt):
    """Each shadowed line names the cover the straightforward reading gives (one taking
    line is named without the model counts; several are reduced by them)."""
    hs = HS
    sets = filters.line_sets(hs, flt, None, None)
    for u in line_reachability.shadowed_lines(hs, flt):
        if u.reason == line_reachability.BLOCKING_LINES:
            assert (u.blocking, u.different_action) == _minimal_cover(hs, flt, sets, u.index)


def test_a_line_with_a_long_address_list_is_indexed_by_its_bounding_box():
    """An address list of hundreds (RouterOS src-address-list) is one bounding box in the
    index: a later line inside it is still found covered, one outside it is not."""
    hs = HS
    hosts = tuple(AddrMatch(0x0A000000 | n, 0) for n in range(1, 41))  # 40 hosts: over line_overlap._MAX_BOXES

    def line(n, src):
        return FilterLine(Action.DENY, [Match(src=src, protocols=(6,))], source=Src("f.rsc", n, f"rule {n}"))

    flt = Filter(
        "forward",
        [line(1, hosts), line(2, (AddrMatch(0x0A000005, 0),)), line(3, (AddrMatch(0x0A000063, 0),))],
        default_action=Action.PERMIT,
    )
    assert len(line_overlap.OverlapIndex.boxes(flt.lines[0])) == 1
    found = {u.index: u.blocking for u in line_reachability.shadowed_lines(hs, flt)}
    assert found == {1: [0]}  # 10.0.0.5 is in the list; 10.0.0.99 is not
