"""Address boxes of filter lines, and an index of them: the few lines a line's packets
can meet, found without a BDD operation per line.

A line's boxes (:meth:`OverlapIndex.boxes`) are source intervals by destination
intervals read off its matches' address lists: supersets of its packets, so a line none
of whose boxes meets another's shares no packet with it.  :class:`OverlapIndex` keeps
the boxes of the lines added so far, bucketed by the /24 or /16 each side lies in.

Apart from the two readers, which both use it: netaudit/filters.py (the deny lines no
later permit line can meet, left out of the permitted set) and
netaudit/line_reachability.py (the earlier lines a line can meet).  It reads the model's
addresses as integers only — no BDDs, no line sets — and imports neither.
"""

from __future__ import annotations

_FULL = (0, 0xFFFFFFFF)
# Beyond this many candidates an index answer is no cheaper than the tree's walk.
MAX_CANDIDATES = 64
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


def _one_span(addrs, negate: bool) -> tuple[int, int] | None:
    """The one address interval of a side that :func:`_spans` reads as one; None when it
    reads several."""
    if addrs is None or negate:
        return _FULL
    if len(addrs) != 1:
        return None
    return _span(addrs[0]) or _FULL


def _read_spans(addrs) -> list[tuple[int, int]]:
    out = []
    for a in addrs:
        span = _span(a)
        if span is None:
            return [_FULL]
        out.append(span)
    return out


def _span(a) -> tuple[int, int] | None:
    """The address interval of pattern ``a``; None for a non-contiguous wildcard."""
    w = a.wildcard
    if (w + 1) & w:
        return None
    lo = a.value & ~w & 0xFFFFFFFF
    return lo, lo | w


class OverlapIndex:
    """Earlier lines by address boxes (a source interval by a destination interval), to
    find the few lines a line's packets can meet without a BDD operation per earlier
    line.  Boxes are supersets of the lines' packets, so an earlier line outside every
    answer cannot take any of them.  Each side of a box is bucketed by the /24 or /16 it
    lies in, or as wider (read by every query); a box is kept under its (destination,
    source) buckets, so a query reads the few boxes of its own blocks, not every box of
    its destination /24 (50,000 ACL lines: about 200 per /24)."""

    def __init__(self) -> None:
        # destination bucket -> source bucket -> boxes (see _bucket).
        self.cells: dict[int | None, dict[int | None, list[tuple[int, int, int, int, int]]]] = {}
        self.everywhere: list[int] = []  # lines with a box of every address pair

    @staticmethod
    def boxes(line, memo: dict | None = None) -> list[tuple[int, int, int, int]]:
        """The address boxes of a line's matches (source span by destination span); an
        address list of hundreds gives its bounding box (larger, never smaller), taken
        from the spans without building their product (``memo``: see :func:`_spans`)."""
        ms = line.matches
        if len(ms) == 1:
            # Most lines: one Match of one pattern (or none) a side — one box, what the
            # general reading below gives, without its lists.
            m = ms[0]
            src, dst = _one_span(m.src, m.src_negate), _one_span(m.dst, m.dst_negate)
            if src is not None and dst is not None:
                return [src + dst]
        sides = [(_spans(m.src, m.src_negate, memo), _spans(m.dst, m.dst_negate, memo)) for m in ms]
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
    def _bucket(lo: int, hi: int) -> int | None:
        """The bucket of [lo, hi]: its /24 (the block, below 2^24), else its /16 (the
        block with _IN_16 set), else None (wider)."""
        if hi - lo < 256 and lo >> 8 == hi >> 8:
            return lo >> 8
        if hi - lo < 65536 and lo >> 16 == hi >> 16:
            return _IN_16 | lo >> 16
        return None

    @staticmethod
    def _buckets_meeting(own: int, lo: int, hi: int) -> tuple[int | None, ...]:
        """The buckets whose boxes can meet [lo, hi] (bucket ``own``, not None): its own,
        the wider ones holding it, the narrower ones inside it."""
        if own < _IN_16:
            return (own, _IN_16 | own >> 8, None)
        return (own, None, *range(lo >> 8, (hi >> 8) + 1))

    def add(self, idx: int, boxes) -> None:
        """Index line ``idx`` by its ``boxes``."""
        self._add(idx, [(box, self._bucket(box[2], box[3]), self._bucket(box[0], box[1])) for box in boxes])

    def meeting(self, boxes) -> list[int] | None:
        """Indexes of the lines whose boxes meet one of ``boxes``, in line order; None
        when a box is too wide to ask (or the answer too long to be worth it)."""
        return self._meeting([(box, self._bucket(box[2], box[3]), self._bucket(box[0], box[1])) for box in boxes])

    def meeting_then_add(self, idx: int, boxes) -> list[int] | None:
        """:meth:`meeting`, then :meth:`add` line ``idx`` (each box's buckets found once)."""
        if len(boxes) == 1:
            return self._one_box_meeting_then_add(idx, boxes[0])
        placed = [(box, self._bucket(box[2], box[3]), self._bucket(box[0], box[1])) for box in boxes]
        found = self._meeting(placed)
        self._add(idx, placed)
        return found

    def _one_box_meeting_then_add(self, idx: int, box: tuple[int, int, int, int]) -> list[int] | None:
        """:meth:`meeting_then_add` for a line of one box (most lines), without the lists
        of boxes and buckets."""
        s_lo, s_hi, d_lo, d_hi = box
        d_own, s_own = self._bucket(d_lo, d_hi), self._bucket(s_lo, s_hi)
        found = set(self.everywhere)
        meeting = sorted(found) if d_own is not None and self._collect(found, box, d_own, s_own) else None
        # _add for one box, without its tuple of placed boxes and the generator over them.
        if box == EVERY_PAIR:
            self.everywhere.append(idx)
        else:
            row = self.cells.get(d_own)
            if row is None:
                row = self.cells[d_own] = {}
            entries = row.get(s_own)
            if entries is None:
                row[s_own] = [(s_lo, s_hi, d_lo, d_hi, idx)]
            else:
                entries.append((s_lo, s_hi, d_lo, d_hi, idx))
        return meeting

    def _add(self, idx: int, placed) -> None:
        if any(box == EVERY_PAIR for box, _, _ in placed):
            self.everywhere.append(idx)
            return
        for (s_lo, s_hi, d_lo, d_hi), d_key, s_key in placed:
            self.cells.setdefault(d_key, {}).setdefault(s_key, []).append((s_lo, s_hi, d_lo, d_hi, idx))

    def _meeting(self, placed) -> list[int] | None:
        found: set[int] = set(self.everywhere)
        for box, d_own, s_own in placed:
            if d_own is None or not self._collect(found, box, d_own, s_own):
                return None
        return sorted(found)

    def _collect(self, found: set[int], box, d_own: int, s_own: int | None) -> bool:
        """Add to ``found`` the lines with a box meeting ``box`` (in buckets ``d_own``,
        ``s_own``); False once they are too many to be worth it."""
        s_lo, s_hi, d_lo, d_hi = box
        cells = self.cells
        s_keys = None if s_own is None else self._buckets_meeting(s_own, s_lo, s_hi)
        for d in self._buckets_meeting(d_own, d_lo, d_hi):
            row = cells.get(d)
            if row is None:
                continue
            # A wide source meets every source bucket of the row.  The lists present are
            # looked up in C, without a generator: a list is never empty (made with its
            # first box), so filter(None, …) drops only the absent ones.
            for entries in row.values() if s_keys is None else filter(None, map(row.get, s_keys)):
                for e_slo, e_shi, e_dlo, e_dhi, j in entries:
                    if e_slo <= s_hi and s_lo <= e_shi and e_dlo <= d_hi and d_lo <= e_dhi:
                        found.add(j)
        return len(found) <= MAX_CANDIDATES


# OverlapIndex's bucket of a /16 block: the block with this bit set (a /24's is below it).
_IN_16 = 1 << 24
EVERY_PAIR = (*_FULL, *_FULL)
