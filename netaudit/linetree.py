"""First match over the line sets of one filter (netaudit/filters.py, ``LineSets``) read
in one interface combination, for filters long enough that reading line by line is
quadratic (issue #15, docs/performance.md):

* :class:`LineTree` — a segment tree of line unions: first match walks only into the
  ranges whose union meets the packets, the permitted set is built from halves;
* :class:`LineForest` — the lines split by destination block (:func:`forest_split`),
  each block read as a filter of its own, its tree built only when asked again and
  again.

A tree takes ``items``, the (line index, packet set) pairs in filter order; a forest the
lines' indexes in order and a reader of their sets, which it reads block by block as it is
asked.  Both answer the same questions: ``permitted``, ``first_match``, ``remainder`` and
``leaves_some``.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from .headerspace import Bdd, HeaderSpace, value_block
from .model import Filter


class LineTree:
    """The lines of one filter's ``LineSets`` as a segment tree over their order: each node
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

    def permitted(self, hs: HeaderSpace, permits: list[bool], default_permit: bool, idle: frozenset[int] = frozenset()):
        """What first match over all the lines, then the default action, permits
        (``permits``: each position's action is permit): a range permits what its first
        half permits, and what its second half permits of the packets the first half
        does not match.  (``hs``, ``idle``: for :class:`LineForest`'s reading; a tree
        holds every line's set already.)"""
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

    def first_match(self, P, end: int | None = None, dst_within: tuple[int, int] | None = None):
        """``P`` split by first match over the lines at positions before ``end`` (all by
        default): ([(line index, the packets it takes)] for the lines that take some, the
        packets no line takes).  (``dst_within``: for :class:`LineForest`'s reading.)"""
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
        if not any(hs.meets(single, self.union[n]) for n in nodes[1:]):
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
    """The lines of one filter's ``LineSets`` split by destination block, with the
    :class:`LineTree` interface: a line whose destinations lie in one block (a /24, /16
    or /8) meets the packets of that block only, so each block is read as its own
    filter — its lines and the lines of no single block, in order — and the block's
    result is the filter's there.  The unions of a block's tree stay small, where the
    tree of all the lines unites far-apart destinations at every level (issue #15:
    50,000 ACL lines of host and /24 exceptions).  With ``bits`` 0 the one block is
    every packet: a filter read from the last line up, its tree built only when asked
    (:func:`forest_split`).  A block's tree is built when it is asked a third time."""

    def __init__(
        self,
        hs: HeaderSpace,
        order: list[int],
        read: Callable[[int], Bdd],
        blocks: dict[int, list[int]],
        wide: list[int],
        bits: int,
    ):
        self.false = hs.false
        # Held by a weak reference, for the regions' sets (made when first asked): the
        # forest is kept in its line sets, which the HeaderSpace keeps (line_tree), and
        # BDDs held in a reference cycle must never be left to the cyclic collector.
        self._hs = weakref.ref(hs)
        self.order = order  # the lines' indexes, in order
        # A position -> its line's set, read when first asked: a block's lines are built
        # only when a question meets the block (filters.LineSets).
        self._read = read
        self._host = 32 - bits
        self._bits = bits
        # The blocks in order, to find the few a set's destinations span (_meeting), and
        # each block's positions with those of the lines of no single block, in order;
        # last, where the blocks do not cover every address: the positions read outside
        # them (the lines of no single block).
        self._blocks = sorted(blocks)
        self.regions: list[list[int]] = [sorted(blocks[block] + wide) for block in self._blocks]
        self._has_outside = bits != 0 and len(blocks) < 1 << bits
        if self._has_outside:
            self.regions.append(wide)
        # Region number -> its packets, made when first asked: most questions meet one
        # block or none, and reading the permitted set over every line at once asks none
        # (the outside region, the complement of every block's, is the costliest).
        self._region_sets: dict[int, Bdd] = {}
        self._dst_levels = list(hs.field_levels("dst_ip"))
        self._trees: dict[int, LineTree] = {}
        self._asked = [0] * len(self.regions)
        self._wide = frozenset(order[p] for p in wide)  # the lines of no single block

    def _region(self, k: int) -> Bdd:
        """The packets of region ``k``: its block's destinations, or (the last region of a
        forest whose blocks leave addresses out) those of no block."""
        got = self._region_sets.get(k)
        if got is None:
            hs = self._hs()
            assert hs is not None, "a forest is read while its analysis lives"
            if k < len(self._blocks):
                host = self._host
                got = hs.masked("dst_ip", self._blocks[k] << host, (1 << host) - 1) if self._bits else hs.true
            else:
                inside = hs.false
                for j in range(len(self._blocks)):
                    inside |= self._region(j)
                got = ~inside
            self._region_sets[k] = got
        return got

    def _reader(self, k: int) -> LineTree | _LineList:
        """Region ``k``'s lines: read one by one the first times it is asked (one
        question costs the block's lines), as a tree once it is asked again and again."""
        tree = self._trees.get(k)
        if tree is not None:
            return tree
        self._asked[k] += 1
        items = [(self.order[p], self._read(p)) for p in self.regions[k]]
        if self._asked[k] <= _ASKED_BEFORE_TREE:
            return _LineList(self.false, items, self._wide)
        tree = self._trees[k] = LineTree(self.false, items)
        return tree

    def _meeting(self, P, end: int | None, dst_within: tuple[int, int] | None = None):
        """(region number, ``P`` in the region, the region's position bound for ``end``)
        for each region ``P`` meets: the blocks between its lowest and highest
        destination, then the rest (an AND with each of 81 regions was most of a blocked
        cell's blocking lines among 20,000 RouterOS rules: issue #15).  The rest is ``P``
        itself when no block lies between them, nothing when one block holds them all
        (a witness's packet), else ``P`` outside every block.  ``dst_within``: a range
        the caller knows holds ``P``'s destinations (a blocked cell's zone): where it
        spans one block or none, ``P`` is placed by it and ``P``'s own range (a walk down
        its destination bits, 2,400 of ros20k's 2,500) is not read — it could spare one
        or two ANDs at most."""
        if P == self.false:
            return
        host = self._host
        lo, hi = dst_within if dst_within is not None else value_block(P, self._dst_levels, self.false)
        first, last = bisect_left(self._blocks, lo >> host), bisect_right(self._blocks, hi >> host)
        if dst_within is not None and last - first > 1:  # P's own range may hold fewer
            lo, hi = value_block(P, self._dst_levels, self.false)
            first, last = bisect_left(self._blocks, lo >> host), bisect_right(self._blocks, hi >> host)
        for k in range(first, last):
            part = P & self._region(k)
            if part != self.false:
                yield k, part, self._bound(k, end)
        if self._has_outside:
            k = len(self._blocks)
            if first == last:
                yield k, P, self._bound(k, end)
            elif not (last - first == 1 and lo >> self._host == hi >> self._host):
                part = P & self._region(k)
                if part != self.false:
                    yield k, part, self._bound(k, end)

    def _bound(self, k: int, end: int | None) -> int:
        """Region ``k``'s position bound for the filter's position ``end`` (None: all)."""
        positions = self.regions[k]
        return len(positions) if end is None else bisect_left(positions, end)

    def permitted(self, hs: HeaderSpace, permits: list[bool], default_permit: bool, idle: frozenset[int] = frozenset()):
        """:meth:`LineTree.permitted`, block by block.  A block's lines are few and its
        sets small, so first match is read from the last line up (each line decides its
        own packets, the later lines the rest): one small operation per line, where
        the tree's unions would cost the block's lines times its depth.  ``idle``: the
        positions of deny lines that change nothing permitted (filters.permitted), left
        unread."""
        if len(self.order) < _MIN_BLOCK_LINES * len(self.regions):  # small blocks: all at once
            return self._from_last(hs, range(len(self.order)), permits, default_permit, idle)
        return self._by_block(hs, permits, default_permit, idle)

    def _by_block(self, hs: HeaderSpace, permits: list[bool], default_permit: bool, idle: frozenset[int] = frozenset()):
        out = self.false
        for k, positions in enumerate(self.regions):
            got = self._from_last(hs, positions, permits, default_permit, idle)
            if got != self.false:
                out |= self._region(k) & got
        return out

    def _from_last(
        self, hs: HeaderSpace, positions, permits: list[bool], default_permit: bool, idle: frozenset[int] = frozenset()
    ):
        """First match over the lines at ``positions``, read from the last line up."""
        return read_from_last(hs, self._read, positions, permits, default_permit, idle)

    def first_match(self, P, end: int | None = None, dst_within: tuple[int, int] | None = None):
        """:meth:`LineTree.first_match`, block by block; a line of no single block
        takes its packets in every block, as one part.  ``dst_within``: a range known to
        hold ``P``'s destinations (:meth:`_meeting`)."""
        taken: dict[int, Bdd] = {}
        rest = self.false
        for k, part, bound in self._meeting(P, end, dst_within):
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


def read_from_last(
    hs: HeaderSpace,
    read: Callable[[int], Bdd],
    positions,
    permits: list[bool],
    default_permit: bool,
    idle: frozenset[int] = frozenset(),
):
    """What first match over the lines at ``positions`` (in order; ``read``: a position ->
    its line's set), then the default action, permits — read from the last line up: each
    line decides its own packets, the later lines the rest.  ``idle``: positions of deny
    lines none of whose packets the later lines or the default permit, which would leave
    the set as it is: not read (their sets are not built)."""
    got = hs.true if default_permit else hs.false
    for p in reversed(positions):
        if p in idle:
            continue
        u = read(p)
        if permits[p]:
            got = got | u
        elif hs.meets(got, u):
            # A deny line none of whose packets the later lines permit leaves the set
            # as it is: asked without building a node, where the AND rebuilt the
            # line's path through the set (most deny lines of a long filter of
            # exceptions: issue #15).
            got = got & ~u
    return got


class _LineList:
    """First match over ``items`` read one by one: :class:`LineTree`'s questions without
    building its unions (for a block of :class:`LineForest` asked once or twice)."""

    def __init__(self, false: Bdd, items: list[tuple[int, Bdd]], wide: frozenset[int] = frozenset()):
        self.false = false
        self.items = items
        self.wide = wide  # lines reaching beyond one block (line indexes): asked first by remainder

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
        # A union: any order gives it.  The wide lines first, wherever they stand (a
        # catch-all "deny ip any 10.10.0.0 0.0.255.255" that `fix` puts on top of a
        # 50,000-line ACL, a block's catch-all at its end: either empties P at once),
        # then latest first.
        items = self.items[:end]
        for wide in (True, False):
            for idx, u in reversed(items):
                if (idx in self.wide) != wide:
                    continue
                if P == self.false:
                    return P
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


def dst_span(flt: Filter, idx: int) -> tuple[int, int] | None:
    """(lowest, highest) destination of line ``idx``'s address patterns; None when one
    of its matches takes any destination, a negated one or a non-contiguous wildcard
    (a line of no block at any size).  The line lies in the /``bits`` block of its
    lowest destination when its highest is in the same one (each pattern is an
    interval)."""
    lo = hi = -1
    for m in flt.lines[idx].matches:
        if m.dst is None or m.dst_negate:
            return None
        for a in m.dst:
            w = a.wildcard
            if (w + 1) & w:  # non-contiguous
                return None
            first = a.value & ~w
            if lo < 0 or first < lo:
                lo = first
            hi = max(hi, first | w)
    return None if lo < 0 else (lo, hi)


def forest_split(
    flt: Filter,
    order: list[int],
    min_lines: int = _FOREST_MIN_LINES,
    spans: dict[int, tuple[int, int] | None] | None = None,
) -> tuple[dict[int, list[int]], list[int], int] | None:
    """(block -> positions, positions of no single block, block bits) for the smallest
    blocks that split the lines (``order``: their indexes in order) in two or more while
    the lines of no block, read in every block, at most double the work.  Else, when at
    most a few lines reach beyond a /16: one block of every line (bits 0).  None when
    neither pays (or the filter has fewer than ``min_lines`` lines): the filter is one
    :class:`LineTree`.  ``spans``: line index -> its destinations' span
    (:func:`dst_span`), kept across the interface combinations a filter is read in."""
    if len(order) < min_lines:
        return None
    if spans is None:
        spans = {}
    dsts = [spans[idx] if idx in spans else spans.setdefault(idx, dst_span(flt, idx)) for idx in order]
    wide: list[int] = []
    for bits in _BLOCK_BITS:
        host = 32 - bits
        blocks: dict[int, list[int]] = {}
        wide = []
        for pos, span in enumerate(dsts):
            if span is None or span[0] >> host != span[1] >> host:
                wide.append(pos)
            else:
                blocks.setdefault(span[0] >> host, []).append(pos)
        if len(blocks) >= 2 and len(blocks) * len(wide) <= len(order):
            return blocks, wide, bits
        if bits == 16 and len(wide) <= _MAX_WIDE_LINES:
            # Each wide line's operation costs as much as the set read so far; the others
            # stay within their /16.
            return {0: list(range(len(order)))}, [], 0
    return None
