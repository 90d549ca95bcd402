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

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .headerspace import Bdd, HeaderSpace
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
        self.trees: dict[bool, LineTree | LineForest] = {}  # understood_only -> tree (line_tree)
        self.positions: dict[int, int] | None = None  # line index -> position in order, when asked often
        # Line index -> the earlier understood lines that may meet it (None: ask the tree).
        self.earlier: dict[int, list[int] | None] | None = None

    def __missing__(self, idx: int):
        return self.false


class LineTree:
    """The lines of one :class:`LineSets` as a segment tree over their order: each node
    holds the union of its range's sets.  First match then costs the lines that take
    packets (times the depth), not all the lines before them, and the permitted set is
    built from halves instead of by subtracting every line from an ever larger
    remainder: both were quadratic in the lines (issue #15: 50,000 ACL lines)."""

    def __init__(self, false: Bdd, items: list[tuple[int, Bdd]]):
        # The empty set (``HeaderSpace.false``), not the HeaderSpace itself: it keeps the
        # trees (line_sets), and BDDs held in a reference cycle must never be left to the
        # cyclic collector (headerspace.py).
        self.false = false
        self.items = items  # (line index, set) in order
        self.union: dict[int, Bdd] = {}
        if items:
            self._build(1, 0, len(items))

    def _build(self, node: int, lo: int, hi: int) -> None:
        if hi - lo == 1:
            self.union[node] = self.items[lo][1]
            return
        mid = (lo + hi) // 2
        self._build(2 * node, lo, mid)
        self._build(2 * node + 1, mid, hi)
        self.union[node] = self.union[2 * node] | self.union[2 * node + 1]

    def permitted(self, permits: list[bool], default_permit: bool):
        """What first match over all the lines, then the default action, permits
        (``permits``: each position's action is permit): a range permits what its first
        half permits, and what its second half permits of the packets the first half
        does not match."""
        if not self.items:
            return ~self.false if default_permit else self.false
        permit = self._permit(1, 0, len(self.items), permits)
        return permit | ~self.union[1] if default_permit else permit

    def _permit(self, node: int, lo: int, hi: int, permits: list[bool]):
        if hi - lo == 1:
            return self.items[lo][1] if permits[lo] else self.false
        mid = (lo + hi) // 2
        first = self._permit(2 * node, lo, mid, permits)
        second = self._permit(2 * node + 1, mid, hi, permits)
        return first | (second & ~self.union[2 * node]) if second != self.false else first

    def first_match(self, P, end: int | None = None):
        """:func:`first_match` over the lines at positions before ``end`` (all by default)."""
        parts: list[tuple[int, Bdd]] = []
        rest = self._walk(1, 0, len(self.items), P, len(self.items) if end is None else end, parts) if self.items else P
        return parts, rest

    def remainder(self, P, end: int):
        """The packets of ``P`` no line before position ``end`` matches: ``P`` minus the
        unions of the few nodes that make up those lines (no line by line walk)."""
        return self._rest(1, 0, len(self.items), P, end) if self.items else P

    def leaves_some(self, hs: HeaderSpace, P, end: int) -> bool:
        """Whether some packet of ``P`` is matched by no line before ``end``.  Tried
        first on one packet (outside the first node, then tested against the others:
        a walk per node); only when it falls inside one is the remainder computed —
        for a line as wide as ``permit ip any any`` the remainder is the complement of
        every earlier line, the largest BDD there is."""
        nodes: list[int] = []
        self._cover(1, 0, len(self.items), end, nodes)
        if not nodes:
            return P != self.false
        outside = P & ~self.union[nodes[0]]
        if outside == self.false:
            return self.remainder(P, end) != self.false
        # One packet of it (no preferences: each would be an AND with this large set).
        single = hs.one_packet(outside)
        if all((single & self.union[n]) == self.false for n in nodes[1:]):
            return True
        return self.remainder(P, end) != self.false

    def _cover(self, node: int, lo: int, hi: int, end: int, out: list[int]) -> None:
        """The nodes whose ranges make up the positions before ``end``, largest first."""
        if lo >= end or not self.items:
            return
        if hi <= end:
            out.append(node)
            return
        mid = (lo + hi) // 2
        self._cover(2 * node, lo, mid, end, out)
        self._cover(2 * node + 1, mid, hi, end, out)

    def _rest(self, node: int, lo: int, hi: int, P, end: int):
        if lo >= end or P == self.false:
            return P
        if hi <= end:
            return P & ~self.union[node]
        mid = (lo + hi) // 2
        return self._rest(2 * node + 1, mid, hi, self._rest(2 * node, lo, mid, P, end), end)

    def _walk(self, node: int, lo: int, hi: int, P, end: int, parts: list):
        false = self.false
        # A range none of whose lines meets P takes nothing (its union says so at once).
        if lo >= end or P == false or (P & self.union[node]) == false:
            return P
        if hi - lo == 1:
            idx, u = self.items[lo]
            parts.append((idx, P & u))
            return P & ~u
        mid = (lo + hi) // 2
        P = self._walk(2 * node, lo, mid, P, end, parts)
        return self._walk(2 * node + 1, mid, hi, P, end, parts)


class LineForest:
    """The lines of one :class:`LineSets` split by destination block, with the
    :class:`LineTree` interface: a line whose destinations lie in one block (a /24, /16
    or /8) meets the packets of that block only, so each block is read as its own
    filter — its lines and the lines of no single block, in order — and the block's
    result is the filter's there.  The unions of a block's tree stay small, where the
    tree of all the lines unites far-apart destinations at every level (issue #15:
    50,000 ACL lines of host and /24 exceptions).  With ``bits`` 0 the one block is
    every packet: a filter read from the last line up, its tree built only when asked
    (:func:`forest_split`).  A block's tree is built when it is asked a third time."""

    def __init__(
        self, hs: HeaderSpace, items: list[tuple[int, Bdd]], blocks: dict[int, list[int]], wide: list[int], bits: int
    ):
        self.false = hs.false
        self.items = items
        host = 32 - bits
        # (the block's packets, the positions read there in order); last: every packet
        # outside the blocks, read by the lines of no single block.
        self.regions: list[tuple[Bdd, list[int]]] = []
        inside = hs.false
        for block in sorted(blocks):
            region = hs.masked("dst_ip", block << host, (1 << host) - 1) if bits else hs.true
            inside |= region
            self.regions.append((region, sorted(blocks[block] + wide)))
        if inside != hs.true:
            self.regions.append((~inside, wide))
        self._trees: dict[int, LineTree] = {}
        self._asked = [0] * len(self.regions)

    def _reader(self, k: int) -> LineTree | _LineList:
        """Region ``k``'s lines: read one by one the first times it is asked (one
        question costs the block's lines), as a tree once it is asked again and again."""
        tree = self._trees.get(k)
        if tree is not None:
            return tree
        self._asked[k] += 1
        items = [self.items[p] for p in self.regions[k][1]]
        if self._asked[k] <= _ASKED_BEFORE_TREE:
            return _LineList(self.false, items)
        tree = self._trees[k] = LineTree(self.false, items)
        return tree

    def _meeting(self, P, end: int | None):
        """(region number, ``P`` in the region, the region's position bound for ``end``)
        for each region ``P`` meets."""
        for k, (region, positions) in enumerate(self.regions):
            part = P & region
            if part != self.false:
                yield k, part, len(positions) if end is None else bisect_left(positions, end)

    def permitted(self, permits: list[bool], default_permit: bool):
        """:meth:`LineTree.permitted`, block by block.  A block's lines are few and its
        sets small, so first match is read from the last line up (each line decides its
        own packets, the later lines the rest): one small operation per line, where
        the tree's unions would cost the block's lines times its depth."""
        if len(self.items) < _MIN_BLOCK_LINES * len(self.regions):  # small blocks: all at once
            return self._from_last(range(len(self.items)), permits, default_permit)
        return self._by_block(permits, default_permit)

    def _by_block(self, permits: list[bool], default_permit: bool):
        out = self.false
        for region, positions in self.regions:
            got = self._from_last(positions, permits, default_permit)
            if got != self.false:
                out |= region & got
        return out

    def _from_last(self, positions, permits: list[bool], default_permit: bool):
        """First match over the lines at ``positions``, read from the last line up."""
        got = ~self.false if default_permit else self.false
        for p in reversed(positions):
            u = self.items[p][1]
            got = (got | u) if permits[p] else (got & ~u)
        return got

    def first_match(self, P, end: int | None = None):
        """:meth:`LineTree.first_match`, block by block; a line of no single block
        takes its packets in every block, as one part."""
        taken: dict[int, Bdd] = {}
        rest = self.false
        for k, part, bound in self._meeting(P, end):
            parts, left = self._reader(k).first_match(part, bound)
            for idx, got in parts:
                taken[idx] = taken[idx] | got if idx in taken else got
            rest |= left
        return sorted(taken.items()), rest

    def remainder(self, P, end: int):
        """:meth:`LineTree.remainder`, block by block."""
        rest = self.false
        for k, part, bound in self._meeting(P, end):
            rest |= self._reader(k).remainder(part, bound)
        return rest

    def leaves_some(self, hs: HeaderSpace, P, end: int) -> bool:
        """:meth:`LineTree.leaves_some`, block by block."""
        return any(self._reader(k).leaves_some(hs, part, bound) for k, part, bound in self._meeting(P, end))


class _LineList:
    """First match over ``items`` read one by one: :class:`LineTree`'s questions without
    building its unions (for a block of :class:`LineForest` asked once or twice)."""

    def __init__(self, false: Bdd, items: list[tuple[int, Bdd]]):
        self.false = false
        self.items = items

    def first_match(self, P, end: int | None = None):
        parts: list[tuple[int, Bdd]] = []
        for idx, u in self.items[:end]:
            if P == self.false:
                break
            hit = P & u
            if hit != self.false:
                parts.append((idx, hit))
                P = P & ~u
        return parts, P

    def remainder(self, P, end: int):
        # A union: any order gives it.  Latest first, because the wide lines (a block's
        # catch-all "deny ip any 10.10.0.0 0.0.255.255") come last and empty P at once.
        for _, u in reversed(self.items[:end]):
            if P == self.false:
                break
            P = P & ~u
        return P

    def leaves_some(self, hs: HeaderSpace, P, end: int) -> bool:
        return self.remainder(P, end) != self.false


# Questions a LineForest's block answers line by line before it builds the block's tree.
_ASKED_BEFORE_TREE = 2
# A filter of fewer lines is one tree: a forest pays only where unions grow large.
_FOREST_MIN_LINES = 128
# Destination blocks a forest may split on, the smallest first.
_BLOCK_BITS = (24, 16, 8)
# Fewer lines per block on average: the permitted set is read over all the lines at
# once (the blocks' own operations would outweigh what they save).
_MIN_BLOCK_LINES = 16
# At most this many lines beyond a /16: the whole filter is one block, read from the
# last line up (each such line's operation walks the whole set read so far).
_MAX_WIDE_LINES = 16


def _dst_block(flt: Filter, idx: int, bits: int) -> int | None:
    """The /``bits`` destination block every match of line ``idx`` lies in; None when
    the line reaches beyond one."""
    host = 32 - bits
    block = None
    for m in flt.lines[idx].matches:
        if m.dst is None or m.dst_negate:
            return None
        for a in m.dst:
            w = a.wildcard
            if (w + 1) & w or w >> host:  # non-contiguous, or wider than a block
                return None
            if block is None:
                block = a.value >> host
            elif a.value >> host != block:
                return None
    return block


def forest_split(
    flt: Filter, items: list[tuple[int, Bdd]], min_lines: int = _FOREST_MIN_LINES
) -> tuple[dict[int, list[int]], list[int], int] | None:
    """(block -> positions, positions of no single block, block bits) for the smallest
    blocks that split the lines in two or more while the lines of no block, read in
    every block, at most double the work.  Else, when at most a few lines reach beyond
    a /16: one block of every line (bits 0).  None when neither pays (or the filter has
    fewer than ``min_lines`` lines): the filter is one :class:`LineTree`."""
    if len(items) < min_lines:
        return None
    wide: list[int] = []
    for bits in _BLOCK_BITS:
        blocks: dict[int, list[int]] = {}
        wide = []
        for pos, (idx, _) in enumerate(items):
            block = _dst_block(flt, idx, bits)
            if block is None:
                wide.append(pos)
            else:
                blocks.setdefault(block, []).append(pos)
        if len(blocks) >= 2 and len(blocks) * len(wide) <= len(items):
            return blocks, wide, bits
        if bits == 16 and len(wide) <= _MAX_WIDE_LINES:
            # Each wide line's operation costs as much as the set read so far; the others
            # stay within their /16.
            return {0: list(range(len(items)))}, [], 0
    return None


def line_tree(hs: HeaderSpace, flt: Filter, sets: LineSets, understood_only: bool = False) -> LineTree | LineForest:
    """The :class:`LineTree` of ``sets`` (built once; a :class:`LineForest` when the
    lines split by destination block): with every line and the actions (the engine's
    reading), or with the fully understood lines only (line reachability: a partial
    line is never proof)."""
    if understood_only and not any(flt.lines[idx].partial for idx in sets.order):
        understood_only = False  # the same tree: every line is understood
    tree = sets.trees.get(understood_only)
    if tree is None:
        items = [(idx, hs.false if understood_only and flt.lines[idx].partial else sets[idx]) for idx in sets.order]
        split = forest_split(flt, items)
        tree = sets.trees[understood_only] = LineForest(hs, items, *split) if split else LineTree(hs.false, items)
    return tree


def line_sets(
    hs: HeaderSpace, flt: Filter, in_if: str | None, out_if: str | None, candidates: Iterable[int] | None = None
) -> LineSets:
    """Each line's packet set for packets entering ``in_if`` and leaving ``out_if``:
    the union of its matches that apply there.  ``candidates`` (line indexes) limits
    the lines looked at; it must hold every line that can apply (:class:`LineIndex`)."""
    # One filter read in one combination is the same sets whoever asks (the engine, line
    # reachability): kept for the analysis, with the filter so that its id stays its own.
    dep = hs.line_sets_cache.get(id(flt))
    if dep is None or dep[0] is not flt:  # whether it looks at interfaces: once per filter
        dep = hs.line_sets_cache[id(flt)] = (flt, interface_dependent(flt))
    key = (id(flt), in_if, out_if) if dep[1] else (id(flt), None, None)
    got = hs.line_sets_cache.get(key)
    if got is not None and got[0] is flt:
        return got[1]
    items = []
    for idx in range(len(flt.lines)) if candidates is None else candidates:
        ms = [m for m in flt.lines[idx].matches if applies(m, in_if, out_if)]
        if ms:  # lines for other interface combinations cannot match here
            items.append((idx, hs.matches(ms)))
    sets = LineSets(hs, items)
    hs.line_sets_cache[key] = (flt, sets)
    return sets


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


def interface_classes(flt: Filter, attr: str) -> dict[str, str]:
    """Each interface the filter names in ``attr`` (``in_ifaces``/``out_ifaces``) → the
    representative of its class: the interfaces named by exactly the same matches,
    which the filter treats alike.  An interface it does not name is OTHER_IFACE's."""
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
    return {name: reps[tuple(member_of[name])] for name in member_of}


def _iface_representatives(flt: Filter, attr: str) -> list[str]:
    """One interface per class of interfaces the filter treats alike, plus OTHER_IFACE."""
    return [*sorted(set(interface_classes(flt, attr).values())), OTHER_IFACE]


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
    order = sets.order
    if not any(flt.lines[idx].partial for idx in order):
        if not order:
            return (hs.true if flt.default_action == Action.PERMIT else hs.false), hs.false, None
        tree = line_tree(hs, flt, sets)
        permits = [flt.lines[idx].action == Action.PERMIT for idx in order]
        return tree.permitted(permits, flt.default_action == Action.PERMIT), hs.false, None
    permit_c, permit_m, first = hs.false, hs.false, None
    remaining = hs.true
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
    single = hs.packet(pkt)
    for idx in sets.order:
        if (sets[idx] & single) != hs.false:
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


def _weight(hs: HeaderSpace, u) -> float:
    return hs.bdd.count(u, nvars=len(hs.bdd.vars))


def _taking(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets):
    """(earlier understood lines that take packets of line ``idx``, in first-match
    order; the packets of the line none of them takes)."""
    candidates = sets.earlier.get(idx) if sets.earlier is not None else None
    if candidates is not None:  # the only earlier lines whose addresses meet the line's
        rest, taking = sets[idx], []
        for j in candidates:
            if rest == hs.false:
                break
            if (rest & sets[j]) != hs.false:
                taking.append(j)
                rest &= ~sets[j]
        return taking, rest
    tree = line_tree(hs, flt, sets, understood_only=True)
    parts, rest = tree.first_match(sets[idx], sets.order.index(idx) if sets.positions is None else sets.positions[idx])
    return [j for j, _ in parts], rest


def _reachable(hs: HeaderSpace, flt: Filter, idx: int, sets: LineSets) -> bool:
    """Whether some packet of line ``idx`` (a line whose set is not empty) is matched by
    no earlier understood line."""
    candidates = sets.earlier.get(idx) if sets.earlier is not None else None
    if candidates == []:  # no earlier line meets its addresses
        return True
    if candidates is not None:  # the only earlier lines whose addresses meet the line's
        # Some packet of the line outside their union, found without subtracting them
        # from the line's set one by one (a new copy of it each time): issue #15.
        union = hs.false
        for j in candidates:
            union |= sets[j]
        return hs.meets(sets[idx], ~union)
    tree = line_tree(hs, flt, sets, understood_only=True)
    end = sets.order.index(idx) if sets.positions is None else sets.positions[idx]
    return tree.leaves_some(hs, sets[idx], end)


_FULL = (0, 0xFFFFFFFF)
# Beyond this many candidates an index answer is no cheaper than the tree's walk.
_MAX_CANDIDATES = 64
# Beyond this many boxes a line is indexed by their bounding box.
_MAX_BOXES = 16


def _spans(addrs, negate: bool, memo: dict | None = None) -> list[tuple[int, int]]:
    """Address intervals a match's address list can hold; the whole space where it is
    not a list of prefixes (negated, non-contiguous wildcard): never too small.  A long
    list (shared by many rules) is read once per ``memo``: by identity, kept alive in it."""
    if addrs is None or negate:
        return [_FULL]
    if memo is not None and len(addrs) > _MAX_BOXES:
        got = memo.get(id(addrs))
        if got is None or got[0] is not addrs:
            got = memo[id(addrs)] = (addrs, _read_spans(addrs))
        return got[1]
    return _read_spans(addrs)


def _read_spans(addrs) -> list[tuple[int, int]]:
    out = []
    for a in addrs:
        w = a.wildcard
        if (w + 1) & w:  # non-contiguous wildcard
            return [_FULL]
        lo = a.value & ~w & 0xFFFFFFFF
        out.append((lo, lo | w))
    return out


class _OverlapIndex:
    """Earlier lines by address boxes (a source interval by a destination interval), to
    find the few lines a line's packets can meet without a BDD operation per earlier
    line.  Boxes are supersets of the lines' packets, so an earlier line outside every
    answer cannot take any of them.  Each side of a box is bucketed by the /24 or /16 it
    lies in, or as wider (read by every query); a box is kept under its (destination,
    source) buckets, so a query reads the few boxes of its own blocks, not every box of
    its destination /24 (50,000 ACL lines: about 200 per /24)."""

    def __init__(self) -> None:
        # (destination bucket, source bucket) -> boxes; a bucket is (24, block), (16,
        # block) or None (wider than a /16).
        self.cells: dict[tuple, list[tuple[int, int, int, int, int]]] = {}
        self.by_dst: dict[tuple | None, list[tuple[int, int, int, int, int]]] = {}  # for a wide source
        self.everywhere: list[int] = []  # lines with a box of every address pair

    @staticmethod
    def boxes(line, memo: dict | None = None) -> list[tuple[int, int, int, int]]:
        """The address boxes of a line's matches (source span by destination span); an
        address list of hundreds gives its bounding box (larger, never smaller), taken
        from the spans without building their product (``memo``: see :func:`_spans`)."""
        sides = [(_spans(m.src, m.src_negate, memo), _spans(m.dst, m.dst_negate, memo)) for m in line.matches]
        if sum(len(src) * len(dst) for src, dst in sides) > _MAX_BOXES:
            return [
                (
                    min(lo for src, _ in sides for lo, _hi in src),
                    max(hi for src, _ in sides for _lo, hi in src),
                    min(lo for _, dst in sides for lo, _hi in dst),
                    max(hi for _, dst in sides for _lo, hi in dst),
                )
            ]
        return sorted({(s_lo, s_hi, d_lo, d_hi) for src, dst in sides for s_lo, s_hi in src for d_lo, d_hi in dst})

    @staticmethod
    def _bucket(lo: int, hi: int) -> tuple[int, int] | None:
        if hi - lo < 256 and lo >> 8 == hi >> 8:
            return (24, lo >> 8)
        if hi - lo < 65536 and lo >> 16 == hi >> 16:
            return (16, lo >> 16)
        return None

    @classmethod
    def _buckets_meeting(cls, lo: int, hi: int) -> list[tuple[int, int] | None] | None:
        """The buckets whose boxes can meet [lo, hi]: its own, the wider ones holding it,
        the narrower ones inside it; None when it is wider than a /16 (all of them)."""
        own = cls._bucket(lo, hi)
        if own is None:
            return None
        if own[0] == 24:
            return [own, (16, own[1] >> 8), None]
        return [own, None, *((24, k) for k in range(lo >> 8, (hi >> 8) + 1))]

    def add(self, idx: int, boxes) -> None:
        if (*_FULL, *_FULL) in boxes:
            self.everywhere.append(idx)
            return
        for s_lo, s_hi, d_lo, d_hi in boxes:
            entry = (s_lo, s_hi, d_lo, d_hi, idx)
            d_key = self._bucket(d_lo, d_hi)
            self.cells.setdefault((d_key, self._bucket(s_lo, s_hi)), []).append(entry)
            self.by_dst.setdefault(d_key, []).append(entry)

    def meeting(self, boxes) -> list[int] | None:
        """Indexes of the lines whose boxes meet one of ``boxes``, in line order; None
        when a box is too wide to ask (or the answer too long to be worth it)."""
        found: set[int] = set(self.everywhere)
        for s_lo, s_hi, d_lo, d_hi in boxes:
            d_keys = self._buckets_meeting(d_lo, d_hi)
            if d_keys is None:
                return None
            s_keys = self._buckets_meeting(s_lo, s_hi)
            if s_keys is None:
                lists = [self.by_dst.get(d, ()) for d in d_keys]
            else:
                lists = [self.cells.get((d, s), ()) for d in d_keys for s in s_keys]
            for entries in lists:
                for e_slo, e_shi, e_dlo, e_dhi, j in entries:
                    if e_slo <= s_hi and s_lo <= e_shi and e_dlo <= d_hi and d_lo <= e_dhi:
                        found.add(j)
            if len(found) > _MAX_CANDIDATES:
                return None
        return sorted(found)


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
    taking, _ = _taking(hs, flt, idx, sets)
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
    views_of: dict[int, list[LineSets]] = {}
    combinations = interface_combinations(flt)
    # A line's address boxes, the same in every combination (kept when there are several).
    boxes_of: dict[int, list] | None = {} if len(combinations) > 1 else None
    spans_memo: dict = {}  # long address lists' spans (_spans)
    for in_if, out_if in combinations:
        sets = line_sets(hs, flt, in_if, out_if, index.candidates(in_if, out_if))
        sets.positions = {idx: pos for pos, idx in enumerate(sets.order)}
        sets.earlier = {}
        overlap = _OverlapIndex()
        for idx in sets.order:
            views_of.setdefault(idx, []).append(sets)
            if flt.lines[idx].partial:
                continue  # never proof: left out of every answer
            boxes = boxes_of.get(idx) if boxes_of is not None else None
            if boxes is None:
                boxes = overlap.boxes(flt.lines[idx], spans_memo)
                if boxes_of is not None:
                    boxes_of[idx] = boxes
            sets.earlier[idx] = overlap.meeting(boxes)
            overlap.add(idx, boxes)
    out = []
    for idx, line in enumerate(flt.lines):
        if not line.partial:
            found = _line_verdict(hs, flt, idx, views_of.get(idx, []))
            if found is not None:
                out.append(found)
    return out


def _line_verdict(hs: HeaderSpace, flt: Filter, idx: int, views: list[LineSets]) -> UnreachableLine | None:
    live = [sets for sets in views if sets[idx] != hs.false]
    if not live:
        return UnreachableLine(idx, UNMATCHABLE, [], False)
    # Reachable where the earlier understood lines leave some of its packets.
    if any(_reachable(hs, flt, idx, sets) for sets in live):
        return None
    blocking, diff = set(), False
    for sets in live:
        lines, d = blocking_lines(hs, flt, idx, sets)
        blocking.update(lines)
        diff = diff or d
    return UnreachableLine(idx, BLOCKING_LINES, sorted(blocking), diff)
