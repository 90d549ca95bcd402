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

* :func:`permitted` — the engine's (netaudit/reach), here: the packets the filter
  certainly permits and those it *maybe* permits.  A partial line may or may not
  match: its packets take the line's action if it matches and the rest of the filter's
  otherwise (later lines read as written); where the two differ they are only
  *maybe* permitted, which can make a verdict unknown, never reachable or blocked
  (docs/semantics.md).
* :func:`~netaudit.line_reachability.shadowed_lines` — line reachability
  (netaudit/line_reachability.py): the lines no packet can reach, fail-closed (a line
  that is :func:`no_proof` is never reported nor used as proof).  A module of its own:
  the checks and ``fix`` read it, the engine never does; it reads this module's line
  sets, interface combinations and trees (``line_tree(understood_only=True)``).

Both skip BDD work by the lines' address boxes (netaudit/line_overlap.py): here, the
deny lines no later permit line can meet (:func:`permitted`); there, the few earlier
lines a line can meet.

A filter that is partial as a whole (``Filter.partial``) or undefined is the callers'
to handle: the engine makes every packet through it uncertain.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .headerspace import Bdd, HeaderSpace, value_block
from .line_overlap import EVERY_PAIR, MAX_CANDIDATES, OverlapIndex
from .linetree import LineForest, LineTree, forest_split, read_from_last
from .model import Action, Filter, Match

# Interface sentinel: an interface no filter names ("every other interface").
OTHER_IFACE = "\x00other"


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
    filter order.

    Made by :func:`line_sets`, a line's set is built when first read: a question about
    some packets reads only the lines that can meet them (a forest's blocks holding
    them, the deny lines that can change a permitted set), and building a line's set is
    most of compiling a long filter (20,000 RouterOS rules: issue #15).  Made from
    ``items`` (line index, set), every set is given."""

    def __init__(self, hs: HeaderSpace, items=(), lines: _Lines | None = None):
        super().__init__(items)
        self.false = hs.false
        self._lines = lines
        self.order = lines.order if lines is not None else sorted(self)
        # Line index -> its destinations' span (linetree.dst_span), shared by the filter's
        # interface combinations (a line is read in several): _split.  None: read once,
        # not kept (a filter read in one combination: 50,000 ACL lines' spans would stay
        # for the whole analysis).
        self.spans: dict[int, tuple[int, int] | None] | None = lines.spans if lines is not None else None
        self.trees: dict[bool, LineTree | LineForest] = {}  # understood_only -> tree (line_tree)
        self.positions: dict[int, int] | None = None  # line index -> position in order, when asked often
        # Line index -> the earlier understood lines that may meet it (None: ask the tree).
        self.earlier: dict[int, list[int] | None] | None = None
        self.last_union: tuple[tuple[int, ...], Bdd] | None = None  # (lines, their union): line_reachability._reachable
        self.split: tuple | bool | None = False  # forest_split of the lines, once asked (False: not yet)

    def __missing__(self, idx: int):
        if self._lines is None:
            return self.false
        u = self._lines.build(idx)
        if u is None:  # the line cannot apply here
            return self.false
        self[idx] = u
        return u

    def build_in_order(self, skip: frozenset[int] = frozenset()) -> None:
        """Build the sets of the lines at the positions of ``order`` not in ``skip``, in
        filter order: CUDD makes them faster so than in a reading's own order (block by
        block, from the last line up: 3 % of a 50,000-line ACL's audit)."""
        for pos, idx in enumerate(self.order):
            if pos not in skip and idx not in self:
                self.__missing__(idx)

    def live(self, idx: int) -> bool:
        """Whether line ``idx`` matches some packet here, without building its set when
        it is not built yet (:meth:`_Lines.live`)."""
        if idx in self or self._lines is None:
            return self[idx] != self.false
        return self._lines.live(idx)


class _Lines:
    """How a :class:`LineSets` builds its lines' sets: a filter's lines read in one
    (in, out) combination.  It holds the HeaderSpace by a weak reference: the sets are
    kept in the HeaderSpace's cache (line_sets), and BDDs held in a reference cycle must
    never be left to the cyclic collector (headerspace.py)."""

    def __init__(
        self, hs: HeaderSpace, flt: Filter, order: list[int], where, whole: dict[int, Bdd], spans: dict | None
    ) -> None:
        self._hs = weakref.ref(hs)
        self.spans = spans  # the filter's lines' destination spans (LineSets.spans)
        self._lines = flt.lines
        self.order = order
        self._where = where  # (in, out) when the filter looks at interfaces, else None
        # Line index -> set of a line all of whose matches apply, shared by the
        # combinations (a line naming only its input interface is the same set for each
        # output class): built once.
        self._whole = whole

    def _matches(self, idx: int) -> tuple[Sequence[Match], bool]:
        """(the matches of line ``idx`` that apply here, whether they are all of them)."""
        line_ms = self._lines[idx].matches
        if self._where is None:  # no match names an interface: all apply
            return line_ms, True
        in_if, out_if = self._where
        if len(line_ms) == 1:  # most lines: one match, which applies here or not
            return (line_ms, True) if applies(line_ms[0], in_if, out_if) else ((), False)
        ms = [m for m in line_ms if applies(m, in_if, out_if)]
        return ms, len(ms) == len(line_ms)

    def build(self, idx: int) -> Bdd | None:
        """Line ``idx``'s set here; None when it cannot apply here."""
        hs = self._hs()
        assert hs is not None, "line sets are read while their analysis lives"
        if self._where is None:  # every match applies (most filters: 50,000 ACL lines)
            line_ms = self._lines[idx].matches
            return hs.matches(line_ms) if line_ms else None
        ms, every = self._matches(idx)
        if not ms:
            return None
        if not every:  # the matches for other interface combinations cannot match here
            return hs.matches(ms)
        u = self._whole.get(idx)
        if u is None:
            u = self._whole[idx] = hs.matches(ms)
        return u

    def live(self, idx: int) -> bool:
        """Whether line ``idx`` matches some packet here (HeaderSpace.can_match)."""
        hs = self._hs()
        assert hs is not None, "line sets are read while their analysis lives"
        line_ms = self._lines[idx].matches
        if len(line_ms) == 1:  # most lines (asked of every line of a long filter)
            m, where = line_ms[0], self._where
            return (where is None or applies(m, where[0], where[1])) and hs.can_match(m)
        ms, _ = self._matches(idx)
        return any(hs.can_match(m) for m in ms)


def no_proof(line) -> bool:
    """A line line reachability neither reports nor uses as proof: partly understood, or
    its matches a superset of what it takes (``FilterLine.approximated``)."""
    return bool(line.partial or line.approximated)


def line_tree(hs: HeaderSpace, flt: Filter, sets: LineSets, understood_only: bool = False) -> LineTree | LineForest:
    """The :class:`LineTree` of ``sets`` (built once; a :class:`LineForest` when the
    lines split by destination block, which reads a block's lines when first asked about
    it): with every line and the actions (the engine's reading), or with the fully
    understood lines only (line reachability: a partial line is never proof)."""
    if understood_only and not any(no_proof(flt.lines[idx]) for idx in sets.order):
        understood_only = False  # the same tree: every line is understood
    tree = sets.trees.get(understood_only)
    if tree is None:
        unproven = frozenset(idx for idx in sets.order if no_proof(flt.lines[idx])) if understood_only else frozenset()
        split = _split(flt, sets)
        if split:
            tree = LineForest(hs, sets.order, _SetReader(sets, unproven), *split)
        else:
            items = [(idx, hs.false if idx in unproven else sets[idx]) for idx in sets.order]
            tree = LineTree(hs.false, items)
        sets.trees[understood_only] = tree
    return tree


def _split(flt: Filter, sets: LineSets):
    """:func:`~netaudit.linetree.forest_split` of ``sets``' lines, once: it reads the
    lines' destinations only."""
    if sets.split is False:
        sets.split = forest_split(flt, sets.order, spans=sets.spans)
    return sets.split


class _SetReader:
    """A position in a :class:`LineSets`' order -> the line's set, read when asked
    (``unproven``: lines read as the empty set).  The sets are held by a weak reference:
    a forest reading them is kept in their own ``trees``, and BDDs held in a reference
    cycle must never be left to the cyclic collector (headerspace.py)."""

    def __init__(self, sets: LineSets, unproven: frozenset[int] = frozenset()) -> None:
        self._sets = weakref.ref(sets)
        self._order = sets.order
        self._unproven = unproven
        self._false = sets.false

    def __call__(self, pos: int) -> Bdd:
        idx = self._order[pos]
        if idx in self._unproven:
            return self._false
        sets = self._sets()
        assert sets is not None, "a forest is read while its line sets live"
        return sets[idx]


class BlocksOutside:
    """A filter whose lines split by destination block (:class:`~netaudit.linetree.LineForest`),
    read for the packets outside every block: no line of a block can match them (its
    destinations lie in its block), so first match over the lines of no single block
    decides them — what the whole filter's permitted set says of them, at a fraction of
    its cost (a filter read in an interface combination whose packets go elsewhere: the
    RouterOS rules of one VLAN read for the traffic to the WAN, issue #15)."""

    def __init__(self, permitted: Bdd, starts: list[int], size: int) -> None:
        self.permitted = permitted  # what the filter permits of the packets outside every block
        self.starts = starts  # each block's first destination address, in order
        self.size = size  # the addresses of a block
        self._inside: Bdd | None = None  # packets holding those inside some block, once asked

    def holds(self, hs: HeaderSpace, P, span: tuple[int, int] | None = None) -> bool:
        """Whether every packet of ``P`` lies outside every block.  ``span``: a range of
        destination addresses holding ``P``'s (the block of the routing table's entry
        ``P`` was routed by), read first: a range that misses every block answers
        without the BDDs."""
        if span is not None and self._misses(*span):
            return True
        return self._outside(hs, P)

    def _misses(self, lo: int, hi: int) -> bool:
        """Whether no block holds an address from ``lo`` to ``hi``."""
        i = bisect_right(self.starts, hi)  # the blocks starting at or below hi
        return i == 0 or self.starts[i - 1] + self.size <= lo

    def _outside(self, hs: HeaderSpace, u) -> bool:
        """Whether every packet of ``u`` lies outside every block: by the block of its
        destinations when that misses them all, else by CUDD's inclusion test against a
        union holding the blocks (packets bound for the WAN span every address but the
        internal ones), made when first needed."""
        if self._misses(*value_block(u, hs.field_levels("dst_ip"), hs.false)):
            return True
        if self._inside is None:
            # The /16s holding the blocks: a few prefixes where the /24s are hundreds (a
            # wider set only says "inside" of more packets, which are then read whole).
            wide = max(self.size, 1 << 16)
            inside = hs.false
            for start in sorted({start - start % wide for start in self.starts}):
                inside |= hs.masked("dst_ip", start, wide - 1)
            self._inside = inside
        return not hs.meets(u, self._inside)


def outside_blocks(hs: HeaderSpace, flt: Filter, sets: LineSets) -> BlocksOutside | None:
    """The filter in the combination of ``sets`` read for the packets outside its
    destination blocks (:class:`BlocksOutside`), or None when it does not split by
    block or has a partial line (:func:`permitted` reads it whole)."""
    order = sets.order
    if any(flt.lines[idx].partial for idx in order):
        return None
    split = _split(flt, sets)
    if not split or not split[2]:
        return None
    blocks, wide, bits = split
    permits = [flt.lines[idx].action == Action.PERMIT for idx in order]
    # Only the lines of no single block are read (built).
    permitted = read_from_last(hs, _SetReader(sets), wide, permits, flt.default_action == Action.PERMIT)
    host = 32 - bits
    return BlocksOutside(permitted, [b << host for b in sorted(blocks)], 1 << host)


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
        dep = hs.line_sets_cache[id(flt)] = (flt, interface_dependent(flt), {}, {})
    key = (id(flt), in_if, out_if) if dep[1] else (id(flt), None, None)
    got = hs.line_sets_cache.get(key)
    if got is not None and got[0] is flt:
        return got[1]
    lines = flt.lines
    looked_at = range(len(lines)) if candidates is None else candidates
    if dep[1]:
        order = [idx for idx in looked_at if _applies_any(lines[idx].matches, in_if, out_if)]
        built = _Lines(hs, flt, order, (in_if, out_if), dep[2], dep[3])
    else:  # no match names an interface: all apply, read once (key)
        built = _Lines(hs, flt, [idx for idx in looked_at if lines[idx].matches], None, dep[2], None)
    sets = LineSets(hs, lines=built)
    hs.line_sets_cache[key] = (flt, sets)
    return sets


def _applies_any(ms: Sequence[Match], in_if: str | None, out_if: str | None) -> bool:
    """Whether one of ``ms`` can match packets entering ``in_if`` and leaving ``out_if``."""
    if len(ms) == 1:  # most lines
        return applies(ms[0], in_if, out_if)
    return any(applies(m, in_if, out_if) for m in ms)


class LineIndex:
    """Which lines name which interfaces: an (in, out) combination only looks at the
    lines that can apply to it (those naming these interfaces, and those naming none)."""

    def __init__(self, flt: Filter):
        self.by_iface: dict[tuple[str, str | None], set[int]] = {}
        self.generic: list[int] = []
        by_iface = self.by_iface
        for idx, line in enumerate(flt.lines):
            ms = line.matches
            if (
                ms[0].in_ifaces is None and ms[0].out_ifaces is None  # most lines: one match
                if len(ms) == 1
                else any(m.in_ifaces is None and m.out_ifaces is None for m in ms)
            ):
                self.generic.append(idx)
                continue
            for m in ms:
                for side, names in (("in", m.in_ifaces), ("out", m.out_ifaces)):
                    for name in names or ():
                        # No set made and dropped per line (setdefault's): 20,000 lines.
                        lines = by_iface.get((side, name))
                        if lines is None:
                            by_iface[side, name] = {idx}
                        else:
                            lines.add(idx)

    def candidates(self, in_if: str | None, out_if: str | None) -> list[int]:
        """Lines that may apply to (``in_if``, ``out_if``), in filter order."""
        if not self.by_iface:  # no line names an interface: every line (in order already)
            return list(self.generic)
        return sorted(
            set(self.generic) | set(self.by_iface.get(("in", in_if), ())) | set(self.by_iface.get(("out", out_if), ()))
        )


def interface_classes(flt: Filter, attr: str) -> dict[str, str]:
    """Each interface the filter names in ``attr`` (``in_ifaces``/``out_ifaces``) → the
    representative of its class: the interfaces named by exactly the same matches,
    which the filter treats alike.  An interface it does not name is OTHER_IFACE's."""
    sets = [s for line in flt.lines for m in line.matches if (s := getattr(m, attr)) is not None]
    # An interface's class: the sets that name it (built by membership, so the cost is
    # the size of the sets, not interfaces times sets).
    member_of: dict[str, list[int]] = {}
    for k, s in enumerate(sets):
        for name in s:
            named = member_of.get(name)  # no list made and dropped per line (setdefault's)
            if named is None:
                member_of[name] = [k]
            else:
                named.append(k)
    reps: dict[tuple, str] = {}
    for name in sorted(member_of):
        reps.setdefault(tuple(member_of[name]), name)
    return {name: reps[tuple(member_of[name])] for name in member_of}


class FilterInterfaces(NamedTuple):
    """How a filter reads interfaces: which lines name which (``line_index``), and each
    interface it names → its class's representative, on the input side (``ins``) and
    the output side (``outs``): :func:`interface_classes`."""

    line_index: LineIndex
    ins: dict[str, str]
    outs: dict[str, str]

    def combinations(self) -> list[tuple[str, str]]:
        """(in, out) interface pairs covering every way the filter's matches can apply."""
        return _combinations(self.ins, self.outs)


def filter_interfaces(hs: HeaderSpace, flt: Filter) -> FilterInterfaces:
    """:class:`FilterInterfaces` of ``flt``, read once per analysis: the engine (which
    interfaces a filter treats alike) and line reachability (the combinations to read)
    each read all of a filter's lines for it (20,000 RouterOS rules: issue #15).  Kept
    in the HeaderSpace's cache with the filter, so that its id stays its own."""
    key = ("interfaces", id(flt))
    got = hs.line_sets_cache.get(key)
    if got is not None and got[0] is flt:
        return got[1]
    read = FilterInterfaces(LineIndex(flt), interface_classes(flt, "in_ifaces"), interface_classes(flt, "out_ifaces"))
    hs.line_sets_cache[key] = (flt, read)
    return read


def interface_combinations(flt: Filter) -> list[tuple[str, str]]:
    """(in, out) interface pairs covering every way the filter's matches can apply."""
    return _combinations(interface_classes(flt, "in_ifaces"), interface_classes(flt, "out_ifaces"))


def _combinations(ins: dict[str, str], outs: dict[str, str]) -> list[tuple[str, str]]:
    """One interface per class of each side (:func:`interface_classes`, plus
    OTHER_IFACE), every pair of them."""
    in_reps = [*sorted(set(ins.values())), OTHER_IFACE]
    out_reps = [*sorted(set(outs.values())), OTHER_IFACE]
    return [(i, o) for i in in_reps for o in out_reps]


def _later_outcomes(hs: HeaderSpace, flt: Filter, sets: LineSets, positions: list[int]) -> dict[int, tuple[Bdd, Bdd]]:
    """For each position of ``positions`` (in ``sets.order``): (the packets the lines after
    it and then the default action permit under *every* reading of the partial lines among
    them, those they permit under *some* reading).  A partial line may match or not: a
    partial permit adds its packets to what may be permitted only, a partial deny takes
    them from what surely is only.  One reading from the last line up serves every
    position: each partial line's own first match over the rest of the filter cost the
    filter's length per partial line (fifty partial lines on top of 4,700 took 40 s:
    issue #15)."""
    out: dict[int, tuple[Bdd, Bdd]] = {}
    if not positions:
        return out
    order = sets.order
    wanted = set(positions)
    sure = may = hs.true if flt.default_action == Action.PERMIT else hs.false
    for pos in range(len(order) - 1, positions[0] - 1, -1):
        if pos in wanted:
            out[pos] = (sure, may)
        line = flt.lines[order[pos]]
        u = sets[order[pos]]
        if line.action == Action.PERMIT:
            may = may | u
            if not line.partial:
                sure = sure | u
        else:
            sure = sure & ~u
            if not line.partial:
                may = may & ~u
    return out


def permitted(hs: HeaderSpace, flt: Filter, sets: LineSets):
    """(certainly permitted, maybe permitted, [(index, packets)] of each partial line that
    makes packets uncertain, in order) over all packets, in the combination of ``sets``
    (the reason for an uncertain packet is the first of those lines holding it).

    First match over the ordered lines.  A partially understood line may or may not
    match: its packets take the line's action if it matches and the rest of the
    filter's otherwise; where the two differ they are only *maybe* permitted.
    """
    order = sets.order
    if not any(flt.lines[idx].partial for idx in order):
        if not order:
            return (hs.true if flt.default_action == Action.PERMIT else hs.false), hs.false, []
        tree = line_tree(hs, flt, sets)
        permits = [flt.lines[idx].action == Action.PERMIT for idx in order]
        idle = _idle_denials(hs, flt, sets) if isinstance(tree, LineForest) else frozenset()
        sets.build_in_order(idle)
        return tree.permitted(hs, permits, flt.default_action == Action.PERMIT, idle), hs.false, []
    permit_c, permit_m = hs.false, hs.false
    uncertain: list[tuple[int, Bdd]] = []
    remaining = hs.true
    rest = _later_outcomes(hs, flt, sets, [pos for pos, idx in enumerate(order) if flt.lines[idx].partial])
    for pos, idx in enumerate(order):
        u = sets[idx]
        hit = remaining & u
        if hit == hs.false:
            continue
        remaining &= ~u
        line = flt.lines[idx]
        if line.partial:
            # Matching, the line decides; not matching, the rest does — itself certain
            # only where every reading of its own partial lines agrees.
            rest_sure, rest_may = rest[pos]
            if line.action == Action.PERMIT:
                permit_c |= hit & rest_sure
                maybe = hit & ~rest_sure
            else:
                maybe = hit & rest_may
            if maybe != hs.false:
                permit_m |= maybe
                uncertain.append((idx, maybe))
        elif line.action == Action.PERMIT:
            permit_c |= hit
    if flt.default_action == Action.PERMIT:
        permit_c |= remaining
    return permit_c, permit_m, uncertain


def _idle_denials(hs: HeaderSpace, flt: Filter, sets: LineSets) -> frozenset[int]:
    """Positions (in ``sets.order``) of the deny lines whose packets no later permit line
    can meet, by address boxes (supersets of the lines' packets), where what no line
    matches is denied (the default action, or a catch-all deny line after them): such a
    line denies what would be denied without it, so the permitted set is read without
    building its set (a third of 20,000 RouterOS rules: issue #15).

    Read from the last line up.  A line of one destination block (``sets.split``:
    :func:`~netaudit.linetree.forest_split`) can meet only the later permit lines of its
    block and those of no single block.  A deny line of no single block is always read;
    a catch-all deny ends the filter for the lines before it.  Nothing between a
    permitting default or a later permit of every address pair (``permit ip any any``)
    and the catch-all deny before it can be idle: the reading goes from line of no
    block to line of no block there.  A block whose later permits grow beyond
    MAX_CANDIDATES boxes stops looking."""
    split = sets.split
    if not isinstance(split, tuple):
        return frozenset()
    order, wide_positions = sets.order, split[1]
    block_of: dict[int, int] | None = None  # position -> its block, when first needed
    later: dict[int, list] = {}  # block -> the boxes of its later permit lines
    full: set[int] = set()  # blocks whose later permits are too many to look at
    wide: list = []  # the boxes of the later permit lines of no single block
    # Whether a deny line read now may be idle: what no later line matches is denied,
    # and no later permit holds every address pair.
    open_ = flt.default_action != Action.PERMIT
    idle = []
    pos = len(order) - 1
    while pos >= 0:
        if not open_:  # only a catch-all deny, a line of no block, opens it again
            k = bisect_right(wide_positions, pos) - 1
            if k < 0:
                break
            pos = wide_positions[k]
        line = flt.lines[order[pos]]
        if block_of is None:
            block_of = {p: block for block, positions in split[0].items() for p in positions}
        here, block = pos, block_of.get(pos)
        pos -= 1
        if block is None:
            if line.action == Action.PERMIT:
                boxes = OverlapIndex.boxes(line)
                open_ = open_ and EVERY_PAIR not in boxes
                wide.extend(boxes)
            elif sets[order[here]] == hs.true:  # a catch-all deny: no line after it matters
                later, full, wide, open_ = {}, set(), [], True
            continue
        if block in full:
            continue
        own = later.setdefault(block, [])
        if len(own) + len(wide) > MAX_CANDIDATES:
            full.add(block)
            continue
        boxes = OverlapIndex.boxes(line)
        if line.action == Action.PERMIT:
            own.extend(boxes)
        elif not _any_meet(boxes, own) and not _any_meet(boxes, wide):
            idle.append(here)
    return frozenset(idle)


def _any_meet(boxes, others) -> bool:
    """Whether one of ``boxes`` meets one of ``others`` (source span by destination span)."""
    return any(
        s_lo <= o_shi and o_slo <= s_hi and d_lo <= o_dhi and o_dlo <= d_hi
        for s_lo, s_hi, d_lo, d_hi in boxes
        for o_slo, o_shi, o_dlo, o_dhi in others
    )


def matching_line(hs: HeaderSpace, flt: Filter, sets: LineSets, pkt) -> int | None:
    """Index of the first line whose set holds the concrete packet ``pkt`` (None: the
    default action decides).  Through the filter's tree of every line where the
    permitted set built one (:func:`line_tree`), or its forest where the lines split by
    destination block (the packet's block and the lines of none are read, and built, not
    every line before its own): the few ranges holding the packet, where the lines
    before its own were asked one by one — 198,000 questions for the 16 witnesses of a
    50,000-line ACL, every line of a VLAN's 400 RouterOS rules built for a witness to
    the WAN (issue #15)."""
    single = hs.packet(pkt)
    tree = sets.trees.get(False)
    if tree is None and _split(flt, sets):
        tree = line_tree(hs, flt, sets)
    if tree is not None:
        taken, _ = tree.first_match(single)
        return taken[0][0] if taken else None
    for idx in sets.order:
        if hs.meets(sets[idx], single):
            return idx
    return None
