"""Filter semantics: a model :class:`~netaudit.model.Filter` as exact packet sets.

A filter is an ordered list of lines, first match wins, then the filter's default
action.  A line matches a packet when one of its :class:`~netaudit.model.Match`
conjunctions does; a match naming interfaces applies only to packets entering
(``in_ifaces``) or leaving (``out_ifaces``) one of them.  So a filter is read in one
(in, out) interface combination at a time: :func:`line_sets` gives each line's packet
set there (:class:`LineSets`: lines that cannot apply are absent, so a filter with one
line per interface costs its lines, not lines times interfaces; :class:`LineIndex` finds
the lines that can apply without looking at the others).

Two readers of those sets, which differ in how they treat a line that was not fully
understood (``FilterLine.partial``):

* :func:`permitted` — the engine's (netaudit/reach): the packets the filter certainly
  permits and those it *maybe* permits.  A partial line may or may not match: its
  packets take the line's action if it matches and the rest of the filter's
  otherwise (later lines read as written); where the two differ they are only
  *maybe* permitted, which can make a verdict unknown, never reachable or blocked
  (docs/semantics.md).
* :func:`shadowed_lines` — line reachability (checks/config.py, Batfish's
  ``filterLineReachability``): the lines no packet can reach.  Fail-closed: a partial
  line is never reported and never used as proof that a later line is shadowed; a
  partial filter yields nothing.

A filter that is partial as a whole (``Filter.partial``) or undefined is the callers'
to handle: the engine makes every packet through it uncertain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .headerspace import HeaderSpace
from .model import Action, Filter, Match

# Interface sentinel: an interface no filter names ("every other interface").
OTHER_IFACE = "\x00other"

# Batfish's Reason vocabulary (FilterLineReachabilityRows.Reason).
BLOCKING_LINES = "BLOCKING_LINES"
UNMATCHABLE = "INDEPENDENTLY_UNMATCHABLE"


# --------------------------------------------------------------------------- line sets


def applies(m: Match, in_if: str | None, out_if: str | None) -> bool:
    """Whether ``m`` can match packets entering ``in_if`` and leaving ``out_if``."""
    return (m.in_ifaces is None or in_if in m.in_ifaces) and (m.out_ifaces is None or out_if in m.out_ifaces)


def interface_dependent(flt: Filter) -> bool:
    """Whether any line of ``flt`` looks at interfaces (most filters never do)."""
    return any(m.in_ifaces is not None or m.out_ifaces is not None for line in flt.lines for m in line.matches)


class LineSets(dict):
    """Line index -> packet set of the line in one interface combination; lines that
    cannot apply there are absent (the empty set).  ``order``: the present lines in
    filter order."""

    def __init__(self, hs: HeaderSpace, items):
        super().__init__(items)
        self.false = hs.false
        self.order = sorted(self)

    def __missing__(self, idx: int):
        return self.false


def line_sets(
    hs: HeaderSpace, flt: Filter, in_if: str | None, out_if: str | None, candidates: Iterable[int] | None = None
) -> LineSets:
    """Each line's packet set for packets entering ``in_if`` and leaving ``out_if``:
    the union of its matches that apply there.  ``candidates`` (line indexes) limits
    the lines looked at; it must hold every line that can apply (:class:`LineIndex`)."""
    items = []
    for idx in range(len(flt.lines)) if candidates is None else candidates:
        ms = [m for m in flt.lines[idx].matches if applies(m, in_if, out_if)]
        if ms:  # lines for other interface combinations cannot match here
            items.append((idx, hs.matches(ms)))
    return LineSets(hs, items)


class LineIndex:
    """Which lines name which interfaces: an (in, out) combination only looks at the
    lines that can apply to it (those naming these interfaces, and those naming none)."""

    def __init__(self, flt: Filter):
        self.by_iface: dict[tuple[str, str | None], set[int]] = {}
        self.generic: list[int] = []
        for idx, line in enumerate(flt.lines):
            if any(m.in_ifaces is None and m.out_ifaces is None for m in line.matches):
                self.generic.append(idx)
                continue
            for m in line.matches:
                for side, names in (("in", m.in_ifaces), ("out", m.out_ifaces)):
                    for name in names or ():
                        self.by_iface.setdefault((side, name), set()).add(idx)

    def candidates(self, in_if: str | None, out_if: str | None) -> list[int]:
        """Lines that may apply to (``in_if``, ``out_if``), in filter order."""
        return sorted(
            set(self.generic) | set(self.by_iface.get(("in", in_if), ())) | set(self.by_iface.get(("out", out_if), ()))
        )


def _iface_representatives(flt: Filter, attr: str) -> list[str]:
    """One interface per class of interfaces the filter treats alike, plus OTHER_IFACE."""
    sets = [getattr(m, attr) for line in flt.lines for m in line.matches if getattr(m, attr) is not None]
    # An interface's class: the sets that name it (built by membership, so the cost is
    # the size of the sets, not interfaces times sets).
    member_of: dict[str, list[int]] = {}
    for k, s in enumerate(sets):
        for name in s:
            member_of.setdefault(name, []).append(k)
    reps: dict[tuple, str] = {}
    for name in sorted(member_of):
        reps.setdefault(tuple(member_of[name]), name)
    return [*reps.values(), OTHER_IFACE]


def interface_combinations(flt: Filter) -> list[tuple[str, str]]:
    """(in, out) interface pairs covering every way the filter's matches can apply."""
    ins = _iface_representatives(flt, "in_ifaces")
    outs = _iface_representatives(flt, "out_ifaces")
    return [(i, o) for i in ins for o in outs]


# --------------------------------------------------------------------------- first match


def first_match(hs: HeaderSpace, sets: LineSets, P, order: Sequence[int] | None = None):
    """Split ``P`` by first match over the lines ``order`` (default: all of ``sets``,
    partial or not): ([(line index, the packets it takes)] for the lines that take
    some, the packets no line takes)."""
    parts, rest = [], P
    for idx in sets.order if order is None else order:
        if rest == hs.false:
            break
        hit = rest & sets[idx]
        if hit != hs.false:
            parts.append((idx, hit))
            rest &= ~sets[idx]
    return parts, rest


def _permits(hs: HeaderSpace, flt: Filter, sets: LineSets, order: Sequence[int], P):
    """Packets of ``P`` that the lines ``order`` (read as written, partial or not) and
    then the default action permit."""
    parts, rest = first_match(hs, sets, P, order)
    permit = hs.false
    for idx, hit in parts:
        if flt.lines[idx].action == Action.PERMIT:
            permit |= hit
    if flt.default_action == Action.PERMIT:
        permit |= rest
    return permit


def permitted(hs: HeaderSpace, flt: Filter, sets: LineSets):
    """(certainly permitted, maybe permitted, index of the first partial line that
    makes packets uncertain or None) over all packets, in the combination of ``sets``.

    First match over the ordered lines.  A partially understood line may or may not
    match: its packets take the line's action if it matches and the rest of the
    filter's otherwise; where the two differ they are only *maybe* permitted.
    """
    permit_c, permit_m, first = hs.false, hs.false, None
    remaining = hs.true
    order = sets.order
    for pos, idx in enumerate(order):
        u = sets[idx]
        hit = remaining & u
        if hit == hs.false:
            continue
        remaining &= ~u
        line = flt.lines[idx]
        if line.partial:
            rest_permit = _permits(hs, flt, sets, order[pos + 1 :], hit)
            if line.action == Action.PERMIT:
                permit_c |= hit & rest_permit
                maybe = hit & ~rest_permit
            else:
                maybe = hit & rest_permit
            if maybe != hs.false:
                permit_m |= maybe
                if first is None:
                    first = idx
        elif line.action == Action.PERMIT:
            permit_c |= hit
    if flt.default_action == Action.PERMIT:
        permit_c |= remaining
    return permit_c, permit_m, first


def matching_line(hs: HeaderSpace, sets: LineSets, pkt) -> int | None:
    """Index of the first line whose set holds the concrete packet ``pkt`` (None: the
    default action decides)."""
    for idx in sets.order:
        if hs.contains(sets[idx], pkt):
            return idx
    return None


# --------------------------------------------------------------------------- line reachability


@dataclass
class UnreachableLine:
    """A filter line that can never match; ``blocking`` are earlier line indexes."""

    index: int
    reason: str
    blocking: list[int]
    different_action: bool


def _covered_before(hs: HeaderSpace, flt: Filter, sets: LineSets) -> dict:
    """Per applicable line: the union of the earlier applicable lines fully understood."""
    out, union = {}, hs.false
    for idx in sets.order:
        out[idx] = union
        if not flt.lines[idx].partial:
            union |= sets[idx]
    return out


def _weight(hs: HeaderSpace, u) -> float:
    return hs.bdd.count(u, nvars=len(hs.bdd.vars))


def _taking_lines(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> list[int]:
    """Earlier understood lines that take packets of line ``idx``, in first-match order."""
    rest, taking = sets[idx], []
    for j in sets.order:
        if j >= idx or rest == hs.false:
            break
        if flt.lines[j].partial or (rest & sets[j]) == hs.false:
            continue
        taking.append(j)
        rest &= ~sets[j]
    return taking


def _covers(hs: HeaderSpace, u, lines: Iterable[int], sets: LineSets) -> bool:
    union = hs.false
    for j in lines:
        union |= sets[j]
    return (u & ~union) == hs.false


def blocking_lines(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> tuple[list[int], bool]:
    """(blocking line indexes, different_action) for a covered line ``idx``.

    A single taking line that covers the line alone is returned as is; otherwise the
    taking lines are reduced to a minimal cover by dropping, smallest overlap first,
    each line the others do not need.  ``different_action`` is Batfish's: some taking
    line acts differently; such a line (the largest overlap) is then always named.
    """
    u, action = sets[idx], flt.lines[idx].action
    taking = _taking_lines(hs, flt, idx, sets)
    weight = {j: _weight(hs, u & sets[j]) for j in taking}
    chosen = list(taking)
    for j in sorted(taking, key=lambda j: (weight[j], -j)):
        if len(chosen) > 1 and _covers(hs, u, (k for k in chosen if k != j), sets):
            chosen.remove(j)
    differing = [j for j in taking if flt.lines[j].action != action]
    if differing and not any(j in differing for j in chosen):
        chosen.append(max(differing, key=lambda j: (weight[j], -j)))
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
    index = LineIndex(flt)
    views_of: dict[int, list] = {}
    for in_if, out_if in interface_combinations(flt):
        sets = line_sets(hs, flt, in_if, out_if, index.candidates(in_if, out_if))
        view = (sets, _covered_before(hs, flt, sets))
        for idx in sets.order:
            views_of.setdefault(idx, []).append(view)
    out = []
    for idx, line in enumerate(flt.lines):
        if not line.partial:
            found = _line_verdict(hs, flt, idx, views_of.get(idx, []))
            if found is not None:
                out.append(found)
    return out


def _line_verdict(hs: HeaderSpace, flt: Filter, idx: int, views: list) -> UnreachableLine | None:
    live = [sets for sets, before in views if sets[idx] != hs.false]
    if not live:
        return UnreachableLine(idx, UNMATCHABLE, [], False)
    if any((sets[idx] & ~before[idx]) != hs.false for sets, before in views if idx in before):
        return None
    blocking, diff = set(), False
    for sets in live:
        lines, d = blocking_lines(hs, flt, idx, sets)
        blocking.update(lines)
        diff = diff or d
    return UnreachableLine(idx, BLOCKING_LINES, sorted(blocking), diff)
