"""Line reachability (Batfish's ``filterLineReachability``): the lines of a filter no
packet can reach, each with the earlier lines that block it (:func:`shadowed_lines`).

Fail-closed: a line not fully understood (``FilterLine.partial``) or whose matches take
more packets than it does (``FilterLine.approximated``) is never reported and never used
as proof that a later line is shadowed (:func:`~netaudit.filters.no_proof`); a filter
partial as a whole yields nothing.  A line is read in each (in, out) interface
combination where it may apply; an index of address boxes (netaudit/line_overlap.py)
finds the few earlier lines it can meet, their connection states and protocols are read,
and only then the BDDs.

Apart from netaudit/filters.py, whose line sets, interface combinations and trees it
reads: its readers are the ``shadowed-acl-line`` check (checks/config.py) and ``fix``
(the accepts a change leaves dead: remedy/mikrotik_routeros.py, remedy/openwrt/), never
the engine, whose reading of a filter (:func:`~netaudit.filters.permitted`) treats a
partial line otherwise (*maybe*).  It imports filters and line_overlap; neither imports
it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .filters import LineSets, filter_interfaces, line_sets, line_tree, no_proof
from .headerspace import HeaderSpace
from .line_overlap import OverlapIndex
from .model import PROTO_TCP, Filter, Match

# Batfish's Reason vocabulary (FilterLineReachabilityRows.Reason).
BLOCKING_LINES = "BLOCKING_LINES"
UNMATCHABLE = "INDEPENDENTLY_UNMATCHABLE"


@dataclass
class UnreachableLine:
    """A filter line that can never match; ``blocking`` are earlier line indexes."""

    index: int
    reason: str
    blocking: list[int]
    different_action: bool


def _weight(hs: HeaderSpace, u) -> float:
    return hs.bdd.count(u, nvars=len(hs.bdd.vars))


def _taking(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> list[int]:
    """The earlier understood lines that take packets of line ``idx``, in first-match
    order."""
    candidates = sets.earlier.get(idx) if sets.earlier is not None else None
    if candidates is not None:  # the only earlier lines whose addresses meet the line's
        rest, taking = sets[idx], []
        last = len(candidates) - 1
        for k, j in enumerate(candidates):
            if rest == hs.false:
                break
            if hs.meets(rest, sets[j]):
                taking.append(j)
                if k < last:  # what the line leaves, for the candidates after this one
                    rest &= ~sets[j]
        return taking
    tree = line_tree(hs, flt, sets, understood_only=True)
    parts, _ = tree.first_match(sets[idx], sets.order.index(idx) if sets.positions is None else sets.positions[idx])
    return [j for j, _ in parts]


def _reachable(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> bool:
    """Whether some packet of line ``idx`` (a line whose set is not empty) is matched by
    no earlier understood line."""
    candidates = sets.earlier.get(idx) if sets.earlier is not None else None
    if candidates == []:  # no earlier line meets its addresses
        return True
    if candidates is not None:  # the only earlier lines whose addresses meet the line's
        # Consecutive lines often have the same candidates (the catch-all lines every
        # line meets): their union is kept for the next line.
        key = tuple(candidates)
        if sets.last_union is None or sets.last_union[0] != key:
            sets.last_union = (key, _union(hs, key, sets))
        return not hs.within(sets[idx], sets.last_union[1])
    tree = line_tree(hs, flt, sets, understood_only=True)
    end = sets.order.index(idx) if sets.positions is None else sets.positions[idx]
    return tree.leaves_some(hs, sets[idx], end)


def _union(hs: HeaderSpace, lines: Iterable[int], sets: LineSets):
    """The union of the packet sets of ``lines``."""
    union = hs.false
    for j in lines:
        union |= sets[j]
    return union


def blocking_lines(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> tuple[list[int], bool]:
    """(blocking line indexes, different_action) for a covered line ``idx``.

    A single taking line that covers the line alone is returned as is; otherwise the
    taking lines are reduced to a minimal cover by dropping, smallest overlap first,
    each line the others do not need.  ``different_action`` is Batfish's: some taking
    line acts differently; such a line (the largest overlap) is then always named.
    """
    u, action = sets[idx], flt.lines[idx].action
    taking = _taking(hs, flt, idx, sets)
    if len(taking) == 1:
        # What the general reading below gives for one line, without the model counts
        # that only order two or more (most shadowed lines have one: issue #15).
        return taking, flt.lines[taking[0]].action != action
    weight = {j: _weight(hs, u & sets[j]) for j in taking}
    # Lines are dropped in this order; when ``scan[t]`` is asked, the others still chosen
    # are the ones kept before it and all after it: their union is the kept lines' union
    # and a suffix union, so each question is one OR (the union of the others, rebuilt
    # per question, cost the number of taking lines squared: issue #15).
    scan = sorted(taking, key=lambda j: (weight[j], -j))
    after = [hs.false] * (len(scan) + 1)
    for t in range(len(scan) - 1, -1, -1):
        after[t] = after[t + 1] | sets[scan[t]]
    chosen, kept = set(taking), hs.false
    for t, j in enumerate(scan):
        if len(chosen) > 1 and hs.within(u, kept | after[t + 1]):
            chosen.discard(j)
        else:
            kept |= sets[j]
    differing = [j for j in taking if flt.lines[j].action != action]
    if differing and not any(j in differing for j in chosen):
        chosen.add(max(differing, key=lambda j: (weight[j], -j)))
    return sorted(chosen), bool(differing)


def shadowed_lines(hs: HeaderSpace, flt: Filter) -> list[UnreachableLine]:
    """Lines of ``flt`` that can never match (fail-closed on anything partial).

    A line is reported when, for every (in, out) interface combination in which it can
    match, the fully understood earlier lines already match all its packets; with no
    such combination it is unmatchable.  Partial lines are never reported and never
    used as proof; a partial filter yields nothing.  Each combination looks only at
    the lines that can apply to it, so the cost grows with the lines, not with lines
    times interfaces.
    """
    if flt.partial:
        return []
    read = filter_interfaces(hs, flt)
    index = read.line_index
    views_of: dict[int, list[LineSets]] = {}
    combinations = read.combinations()
    # A line's address boxes, the same in every combination (kept when there are several).
    boxes_of: dict[int, list] | None = {} if len(combinations) > 1 else None
    spans_memo: dict = {}  # long address lists' spans (line_overlap._spans)
    # Lines reachable in some combination: never reported, their views not kept.  Most
    # without a BDD question: no earlier line's addresses meet them, or none of those
    # lines can match their packets of one connection state (most lines of a long
    # filter of exceptions, every rule after a stateful firewall's "accept
    # established": issue #15); else _reachable asks.
    reached: set[int] = set()
    taking_of: dict[int, tuple[frozenset[int] | None, frozenset[int] | None]] = {}  # _state_left_untaken
    for in_if, out_if in combinations:
        candidates = index.candidates(in_if, out_if)
        if all(idx in reached or no_proof(flt.lines[idx]) for idx in candidates):
            # Every line that may apply here is reachable in an earlier combination (or
            # never reported): nothing here can be, and no other combination reads this
            # one (a VLAN's rules read for the WAN, then for the other VLANs: issue #15).
            continue
        sets = line_sets(hs, flt, in_if, out_if, candidates)
        sets.positions = {idx: pos for pos, idx in enumerate(sets.order)}
        sets.earlier = {}
        overlap = OverlapIndex()
        for idx in sets.order:
            if no_proof(flt.lines[idx]):
                continue  # never proof: left out of every answer, never reported
            boxes = boxes_of.get(idx) if boxes_of is not None else None
            if boxes is None:
                boxes = overlap.boxes(flt.lines[idx], spans_memo)
                if boxes_of is not None:
                    boxes_of[idx] = boxes
            earlier = sets.earlier[idx] = overlap.meeting_then_add(idx, boxes)
            if idx in reached:
                continue  # reachable in an earlier combination: never reported
            if sets.live(idx) and (
                earlier == []
                or (earlier is not None and _state_left_untaken(flt, idx, earlier, taking_of))
                or _reachable(hs, flt, idx, sets)
            ):
                reached.add(idx)
            else:  # no packet here (not live), or none that reaches it
                views_of.setdefault(idx, []).append(sets)
    return [
        _line_verdict(hs, flt, idx, views_of.get(idx, []))
        for idx, line in enumerate(flt.lines)
        if idx not in reached and not no_proof(line)
    ]


def _protocols(m: Match) -> frozenset[int] | None:
    """The IP protocols ``m`` can match (None: any); IOS ``established`` is TCP's."""
    if m.protocols is None:
        return _TCP_ONLY if m.tcp_established else None
    got = frozenset(m.protocols)
    return got & _TCP_ONLY if m.tcp_established else got


def _state_protocols(line) -> tuple[frozenset[int] | None, frozenset[int] | None]:
    """(the protocols ``line`` can match among packets of established connections, among
    new ones): None for any, empty for none.  From all its matches, whichever interfaces
    they name: never fewer than it can match in a combination."""
    out: list[frozenset[int] | None] = []
    for state in (True, False):
        each = [_protocols(m) for m in line.matches if m.conn_established in (None, state)]
        known = [p for p in each if p is not None]
        out.append(frozenset().union(*known) if len(known) == len(each) else None)
    return out[0], out[1]


def _state_left_untaken(flt: Filter, idx: int, earlier: list[int], taking_of: dict) -> bool:
    """Whether line ``idx`` (one match, packets in the combination) has packets of one
    connection state that no line of ``earlier`` can match, by their states and
    protocols alone: its packets of that state are then reachable.  A stateful
    firewall's first line, "accept established,related", meets every later line's
    addresses but none of its new connections (``taking_of``: line -> _state_protocols,
    filled as asked)."""
    ms = flt.lines[idx].matches
    if len(ms) != 1:
        return False
    m = ms[0]
    mine = _protocols(m)
    for k, state in enumerate((True, False)):
        if m.conn_established is not None and m.conn_established != state:
            continue  # the line has no packets of this state
        for j in earlier:
            theirs = taking_of.get(j)
            if theirs is None:
                theirs = taking_of[j] = _state_protocols(flt.lines[j])
            t = theirs[k]
            if t is None or (t and (mine is None or not mine.isdisjoint(t))):
                break  # line j may take some of them
        else:
            return True
    return False


_TCP_ONLY = frozenset((PROTO_TCP,))


def _line_verdict(hs: HeaderSpace, flt: Filter, idx: int, views: list[LineSets]) -> UnreachableLine:
    """The verdict on a line reachable in no combination (``views``: each combination
    where it may apply; shadowed_lines asked each where it has packets)."""
    live = [sets for sets in views if sets[idx] != hs.false]
    if not live:
        return UnreachableLine(idx, UNMATCHABLE, [], False)
    blocking, diff = set(), False
    for sets in live:
        lines, d = blocking_lines(hs, flt, idx, sets)
        blocking.update(lines)
        diff = diff or d
    return UnreachableLine(idx, BLOCKING_LINES, sorted(blocking), diff)
