"""Packet conditions with exact intersection and negation, for flattening firewall chains.

Firewalls whose rules live in chains (RouterOS, Linux nftables/iptables, OpenWrt fw4)
``jump`` into custom chains and ``return`` from them; the model only knows ordered
first-match lines of :class:`~netaudit.model.Match` conjunctions.  Flattening a jump
conjoins the jump's conditions with every rule of
the target chain; a ``return`` removes its packets from the rest of the inlined
chain (conjunction with its negation).  Both need conditions that can be
intersected and negated exactly, which :class:`Cond` provides: every header field
is a set of integer ranges (``None`` = unconstrained), interfaces are name sets.

* :func:`intersect` — field by field; ``None`` when empty.
* :func:`negate` — the complement of a conjunction is a union: one condition per
  constrained field, with that field complemented.
* :func:`to_matches` — back to model Matches (several where a field such as the
  ICMP type holds more than one value the Match cannot express as one).
* :func:`intersect_matches` — the same intersection on two model Matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from netaudit.model import AddrMatch, Match, PortRange, from_values

Ranges = tuple[tuple[int, int], ...]

ADDR_MAX = 0xFFFFFFFF
MAXV = {"src": ADDR_MAX, "dst": ADDR_MAX, "proto": 255, "sport": 65535, "dport": 65535, "itype": 255, "icode": 255}
RANGE_FIELDS = tuple(MAXV)


# --------------------------------------------------------------------------- range sets


def norm(ranges) -> Ranges:
    """Sorted, merged, disjoint ranges."""
    if type(ranges) is tuple and len(ranges) == 1:  # one range (most often): as it is
        r = ranges[0]
        if type(r) is tuple and len(r) == 2:
            return ranges if r[0] <= r[1] else ()
    rs = sorted((lo, hi) for lo, hi in ranges if lo <= hi)
    out: list[tuple[int, int]] = []
    for lo, hi in rs:
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def r_and(a: Ranges, b: Ranges) -> Ranges:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def r_not(a: Ranges, maxv: int) -> Ranges:
    out = []
    nxt = 0
    for lo, hi in a:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= maxv:
        out.append((nxt, maxv))
    return tuple(out)


def r_or(a: Ranges, b: Ranges) -> Ranges:
    return norm(a + b)


def r_full(a: Ranges, maxv: int) -> bool:
    return a == ((0, maxv),)


def r_values(a: Ranges) -> list[int]:
    return [v for lo, hi in a for v in range(lo, hi + 1)]


def cidrs(lo: int, hi: int) -> list[tuple[int, int]]:
    """The CIDR blocks (network, prefix length) covering [lo, hi] exactly."""
    out = []
    while lo <= hi:
        align = (lo & -lo).bit_length() - 1 if lo else 32
        span = (hi - lo + 1).bit_length() - 1
        size = align if align < span else span
        out.append((lo, 32 - size))
        lo += 1 << size
    return out


def block_count(a: Ranges, limit: int) -> int:
    """How many CIDR blocks :func:`addr_pats` needs for ``a``, at most ``limit`` (no
    pattern is built: choosing between a set and its complement only needs the counts).

    A range [lo, hi] splits at the highest bit ``m`` where lo and hi + 1 differ: below
    the boundary ``c`` the blocks are the set bits of ``c - lo``, above it those of
    ``hi + 1 - c`` (the greedy decomposition of :func:`cidrs`)."""
    n = 0
    for lo, hi in a:
        end = hi + 1
        m = (lo ^ end).bit_length() - 1
        c = end >> m << m
        n += (c - lo).bit_count() + (end - c).bit_count()
        if n >= limit:
            return limit
    return n


_PATS: dict[Ranges, tuple[AddrMatch, ...]] = {}


def addr_pats(a: Ranges) -> tuple[AddrMatch, ...]:
    """Address patterns (CIDR blocks) covering the ranges ``a`` exactly (memoised)."""
    got = _PATS.get(a)
    if got is None:
        out = []
        for lo, hi in a:
            for net, plen in cidrs(lo, hi):
                out.append(AddrMatch(net, (1 << (32 - plen)) - 1))
        got = tuple(out)
        if len(_PATS) > 4096:
            _PATS.clear()
        _PATS[a] = got
    return got


def addr_ranges(pats, negate: bool = False) -> Ranges:
    """Ranges of a tuple of (contiguous) address patterns.  Non-contiguous wildcards
    (never produced by RouterOS) raise ValueError."""
    rs = []
    for p in pats:
        w = p.wildcard
        if w & (w + 1):
            raise ValueError("non-contiguous wildcard")
        lo = p.value & ~w & ADDR_MAX
        rs.append((lo, lo | w))
    out = norm(rs)
    return r_not(out, ADDR_MAX) if negate else out


# --------------------------------------------------------------------------- conditions


class Cond(NamedTuple):
    """A conjunction of header constraints; ``None`` = unconstrained.

    A named tuple, not a dataclass: flattening builds, compares and hashes hundreds of
    thousands of them on a big ruleset, and a tuple does that in C (a frozen dataclass
    takes 1.2 µs to build, the tuple 0.3 µs).  Change a field with ``c._replace(…)``."""

    src: Ranges | None = None
    dst: Ranges | None = None
    proto: Ranges | None = None
    sport: Ranges | None = None
    dport: Ranges | None = None
    itype: Ranges | None = None
    icode: Ranges | None = None
    est: bool | None = None
    inif: frozenset | None = None
    outif: frozenset | None = None

    def is_empty(self) -> bool:
        for v in self[:_NRANGE]:
            if v is not None and not v:
                return True
        return (self.inif is not None and not self.inif) or (self.outif is not None and not self.outif)


_NRANGE = len(RANGE_FIELDS)  # the range fields come first, in RANGE_FIELDS order
_MAXS = tuple(MAXV[f] for f in RANGE_FIELDS)
ANY = Cond()


def cond(_trusted: bool = False, **kw) -> Cond | None:
    """A Cond from keyword fields (ranges normalised unless ``_trusted``: already sorted
    and merged); None when empty."""
    for f in RANGE_FIELDS:
        v = kw.get(f)
        if v is not None:
            if not _trusted:
                v = norm(v)
            kw[f] = None if r_full(v, MAXV[f]) else v
    c = Cond(**kw)
    return None if c.is_empty() else c


_INDEX = {f: i for i, f in enumerate(RANGE_FIELDS)}
FIELD_INDEX = {f: i for i, f in enumerate(Cond._fields)}  # a field's place in a Cond


def cond_at(values: list) -> Cond | None:
    """``cond(True, …)`` from the fields' values in :class:`Cond` order
    (:data:`FIELD_INDEX`; ranges sorted and merged, the list is taken over): a rule's
    conditions built without a keyword dict, one per firewall rule."""
    for i in range(_NRANGE):
        v = values[i]
        if v is not None and v == ((0, _MAXS[i]),):
            values[i] = None  # the whole range: unconstrained
    c = from_values(Cond, values)
    return None if c.is_empty() else c


def cond1(name: str, ranges) -> Cond | None:
    """``cond(**{name: ranges})`` for one range field (a rule's every match: built
    without the keyword machinery); None when empty."""
    rs = norm(ranges)
    if not rs:
        return None
    i = _INDEX[name]
    if rs == ((0, _MAXS[i]),):
        return ANY
    values: list = [None] * 10
    values[i] = rs
    return from_values(Cond, values)


def intersect(a: Cond, b: Cond) -> Cond | None:
    """Packets matching both ``a`` and ``b``; None when no packet does."""
    if a is ANY or a == ANY:
        return b
    if b is ANY or b == ANY:
        return a
    # Field by field, the common case first: a field constrained on one side only.  (``a``'s
    # fields, then ``b``'s where ``a`` has none: half the time of a comprehension over
    # ``zip(a, b, strict=True)``, and most of ``b``'s fields are None.)
    out: list = list(a)
    for i, v in enumerate(b):
        if v is not None and out[i] is None:
            out[i] = v
    if a.count(None) + b.count(None) == len(a) + out.count(None):
        return from_values(Cond, out)  # no field constrained on both sides (counted in C)
    ae, be = a[7], b[7]  # est
    if ae is not None and be is not None and ae != be:
        return None
    x: Any
    y: Any
    for i in range(_NRANGE):
        x, y = a[i], b[i]
        if x is not None and y is not None:
            z = r_and(x, y)
            if not z:
                return None
            out[i] = z
    for i in (8, 9):  # inif, outif
        x, y = a[i], b[i]
        if x is not None and y is not None:
            z = x & y
            if not z:
                return None
            out[i] = z
    return from_values(Cond, out)


def intersect_all(xs: Sequence[Cond], ys: Sequence[Cond]) -> list[Cond]:
    """Pairwise intersection of two unions."""
    if len(xs) == 1 and len(ys) == 1:  # one condition on each side: nearly every rule's options
        z = intersect(xs[0], ys[0])
        return [z] if z is not None else []
    # Every packet on one side (the start of every rule): the other side, without
    # its duplicates, as the loop below would give it.
    if len(xs) == 1 and (xs[0] is ANY or xs[0] == ANY):
        return _distinct(ys)
    if len(ys) == 1 and (ys[0] is ANY or ys[0] == ANY):
        return _distinct(xs)
    out = []
    for x in xs:
        for y in ys:
            z = intersect(x, y)
            if z is not None and z not in out:
                out.append(z)
    return out


def _distinct(cs: Sequence[Cond]) -> list[Cond]:
    """``cs`` without repeats, first occurrences in order."""
    if len(cs) < 2:
        return list(cs)
    try:
        return list(dict.fromkeys(cs))
    except TypeError:  # a field built as a list by hand: compare one by one
        out: list[Cond] = []
        for c in cs:
            if c not in out:
                out.append(c)
        return out


def _within(a: Cond, b: Cond) -> bool:
    """Whether every packet of ``a`` is one of ``b``'s."""
    x: Any
    y: Any
    for i in range(_NRANGE):
        y = b[i]
        if y is not None:
            x = a[i]
            if x is None or r_and(x, y) != x:
                return False
    if b.est is not None and a.est != b.est:
        return False
    for i in (8, 9):  # inif, outif
        y = b[i]
        if y is not None and (a[i] is None or not a[i] <= y):
            return False
    return True


def absorb(cs: list[Cond]) -> list[Cond]:
    """The union ``cs`` without the conditions another one of it contains (the same
    packets, fewer conditions): what keeps a chain of complements from growing as the
    product of their pieces."""
    out: list[Cond] = []
    for c in sorted(_distinct(cs), key=lambda c: c.count(None), reverse=True):  # widest first
        if not any(_within(c, o) for o in out):
            out.append(c)
    return out


def negate(c: Cond, ifaces: frozenset) -> list[Cond]:
    """The complement of ``c`` as a union (one condition per constrained field).
    Interface complements are taken over ``ifaces`` (every interface of the device)."""
    out: list[Cond] = []
    v: Any
    for i in range(_NRANGE):
        v = c[i]
        if v is not None:
            nv = r_not(v, _MAXS[i])
            if nv:
                field_value: list = [None] * 10
                field_value[i] = nv
                out.append(from_values(Cond, field_value))
    if c.est is not None:
        out.append(Cond(est=not c.est))
    if c.inif is not None:
        ni = ifaces - c.inif
        if ni:
            out.append(Cond(inif=frozenset(ni)))
    if c.outif is not None:
        no = ifaces - c.outif
        if no:
            out.append(Cond(outif=frozenset(no)))
    return out


def negate_union(cs: Sequence[Cond], ifaces: frozenset) -> list[Cond]:
    """Complement of a union = intersection of the complements."""
    acc = [ANY]
    for c in cs:
        acc = intersect_all(acc, negate(c, ifaces))
        if not acc:
            break
    return acc


# --------------------------------------------------------------------------- to/from Match


def _addr(ranges: Ranges | None) -> tuple[tuple[AddrMatch, ...] | None, bool]:
    """Patterns for an address set: the set itself or its complement with the negate
    flag, whichever needs fewer blocks (both computed only for small sets)."""
    if ranges is None:
        return None, False
    if len(ranges) > 8:  # big sets (address lists) repeat: by identity
        hit = _BY_ID.get(id(ranges))
        if hit is not None and hit[0] is ranges:
            return hit[1]
        got = _addr_uncached(ranges)
        if len(_BY_ID) > 4096:
            _BY_ID.clear()
        _BY_ID[id(ranges)] = (ranges, got)  # keeps ``ranges`` alive: ids stay unique
        return got
    # Small sets by value: a ruleset repeats its subnets from rule to rule, and the
    # Matches then share their patterns.
    if type(ranges) is not tuple:
        return _addr_uncached(ranges)
    small = _SMALL.get(ranges)
    if small is None:
        if len(_SMALL) > 4096:
            _SMALL.clear()
        small = _SMALL[ranges] = _addr_uncached(ranges)
    return small


_BY_ID: dict[int, tuple] = {}
_SMALL: dict[Ranges, tuple[tuple[AddrMatch, ...], bool]] = {}


def _addr_uncached(ranges: Ranges) -> tuple[tuple[AddrMatch, ...], bool]:
    if len(ranges) == 1:
        lo, hi = ranges[0]
        w = hi - lo
        if not w & (w + 1) and not lo & w:
            # One CIDR block (a rule's /30, /24 or host): its pattern, without counting
            # blocks — nothing beats one.  (Rules with distinct subnets miss every memo.)
            return (AddrMatch(lo, w),), False
    elif len(ranges) == 2 and ranges[0][0] == 0 and ranges[1][1] == ADDR_MAX:
        # All but one CIDR block (a rule's "!10.1.2.0/24"): the block, negated — the
        # count below would find its one block fewer than the set's (two ranges, two
        # blocks at least) after counting the set's.
        lo, w = ranges[0][1] + 1, ranges[1][0] - ranges[0][1] - 2
        if not w & (w + 1) and not lo & w:
            return (AddrMatch(lo, w),), True
    if len(ranges) <= 32:
        # The complement only when it needs fewer blocks: count both, build one (a
        # rule's /24 has a 24-block complement, built and thrown away 20,000 times in
        # an export of 20,000 rules).  One block is never beaten.
        pos = block_count(ranges, 1 << 40)
        if pos <= 1:
            return addr_pats(ranges), False
        comp = r_not(ranges, ADDR_MAX)
        if comp and block_count(comp, pos) < pos:
            return addr_pats(comp), True
        return addr_pats(ranges), False
    if ranges[0][0] == 0 and ranges[-1][1] == ADDR_MAX:
        return addr_pats(r_not(ranges, ADDR_MAX)), True
    return addr_pats(ranges), False


# Protocol ranges → their numbers, port ranges → their PortRanges, shared between the
# Matches that have the same (immutable) ones: a ruleset repeats a few hundred port lists.
_PROTO_VALUES: dict[Ranges, tuple] = {}
_PORT_VALUES: dict[Ranges, tuple] = {}


def _values(rs: Ranges, ports: bool) -> tuple:
    """The protocol numbers or the PortRanges of ``rs`` (remembered)."""
    memo = _PORT_VALUES if ports else _PROTO_VALUES
    got = memo.get(rs)
    if got is None:
        if not ports:
            got = tuple(r_values(rs))
        elif len(rs) == 1:  # one port or range (most of a big ruleset's): no comprehension's call
            lo, hi = rs[0]
            got = (PortRange(lo, hi),)
        else:
            got = tuple([PortRange(lo, hi) for lo, hi in rs])
        # (a 20,000-rule nft ruleset has some 5,700 distinct port lists: at 4,096 the memo
        # emptied mid-parse and made 8,200 tuples of PortRanges where 5,700 do)
        if len(memo) > 16384:
            memo.clear()
        memo[rs] = got
    return got


def clear_memos() -> None:
    """Empty the memos of :func:`addr_pats`, :func:`to_matches` and :func:`field_match`
    (pure caches: nothing read changes).  A parser that reads one file's values into
    them (Linux) clears them when it starts and ends, so that a parse neither inherits
    the last one's entries, which fill the bounds and clear them mid-parse, nor leaves
    its own behind."""
    for memo in (_PATS, _BY_ID, _SMALL, _PROTO_VALUES, _PORT_VALUES):
        memo.clear()


def field_match(src, dst, proto, sport, dport, est, inif, outif, icmp_type=None, icmp_code=None) -> Match:
    """The one Match of a condition without ICMP type or code, given by its fields as a
    :class:`Cond` holds them (ranges, None: any): what :func:`to_matches` gives for it,
    also for a reader that has the fields without the Cond (RouterOS's plain rules).
    With ``icmp_type``/``icmp_code`` (the Match's values: one type, one code, None:
    any), the Match of a condition of that one ICMP type and code (:func:`icmp_matches`).
    Made of its values in field order in one call (``Match`` is a named tuple): a Match
    per filter line of a big ruleset, 0.16 µs so, against 0.6 µs for the dataclass Match
    was (a copy of its state dict) and 3 µs through that dataclass's ``Match(…)``;
    tests/parsers/test_packet_sets.py compares them."""
    # (each memo's hit read here, the function called on a miss: a call per field of
    # every filter line of a big ruleset otherwise)
    if src is None:
        spats, sneg = None, False
    else:
        got = _SMALL.get(src) if type(src) is tuple and len(src) <= 8 else None
        spats, sneg = got if got is not None else _addr(src)
    if dst is None:
        dpats, dneg = None, False
    else:
        got = _SMALL.get(dst) if type(dst) is tuple and len(dst) <= 8 else None
        dpats, dneg = got if got is not None else _addr(dst)
    return from_values(
        Match,
        (
            spats,
            dpats,
            sneg,
            dneg,
            None if proto is None else _PROTO_VALUES.get(proto) or _values(proto, False),
            None if sport is None else _PORT_VALUES.get(sport) or _values(sport, True),
            None if dport is None else _PORT_VALUES.get(dport) or _values(dport, True),
            icmp_type,
            icmp_code,
            False,  # tcp_established
            est,
            inif,
            outif,
        ),
    )


def to_matches(c: Cond) -> list[Match]:
    """Model Matches whose union is exactly ``c``."""
    src, dst, proto, sport, dport, itype, icode, est, inif, outif = c
    if itype is None and icode is None:
        return [field_match(src, dst, proto, sport, dport, est, inif, outif)]
    return icmp_matches(src, dst, proto, sport, dport, itype, icode, est, inif, outif)


def icmp_matches(src, dst, proto, sport, dport, itype, icode, est, inif, outif) -> list[Match]:
    """:func:`to_matches` of a condition with an ICMP type or code, given by its fields
    in :class:`Cond` order: one Match per type and code — also for a reader that has
    the fields without the Cond (a guarded chain's ICMP lines, one line in six of a big
    nft ruleset: no Cond built for it)."""
    if (itype is None or (len(itype) == 1 and itype[0][0] == itype[0][1])) and (
        icode is None or (len(icode) == 1 and icode[0][0] == icode[0][1])
    ):
        # One ICMP type and code (``icmp type echo-request``), read without r_values'
        # lists, made at once: no Match of the other fields first for a copy to change.
        one_type = None if itype is None else itype[0][0]
        one_code = None if icode is None else icode[0][0]
        return [field_match(src, dst, proto, sport, dport, est, inif, outif, one_type, one_code)]
    base = field_match(src, dst, proto, sport, dport, est, inif, outif)
    types = r_values(itype) if itype is not None else [None]
    codes = r_values(icode) if icode is not None else [None]
    out = []
    values = list(base)
    for t in types:  # (evolve's copy, without its keyword call per Match)
        for k in codes:
            values[_ICMP_TYPE], values[_ICMP_CODE] = t, k
            out.append(from_values(Match, values))
    return out


_ICMP_TYPE, _ICMP_CODE = Match._fields.index("icmp_type"), Match._fields.index("icmp_code")


def from_match(m: Match) -> Cond | None:
    """The Cond of a model Match (``tcp_established`` is not representable: ValueError)."""
    if m.tcp_established:
        raise ValueError("tcp_established has no Cond form")
    kw: dict = {}
    if m.src is not None:
        kw["src"] = addr_ranges(m.src, m.src_negate)
    if m.dst is not None:
        kw["dst"] = addr_ranges(m.dst, m.dst_negate)
    if m.protocols is not None:
        kw["proto"] = tuple((p, p) for p in m.protocols)
    if m.src_ports is not None:
        kw["sport"] = tuple((r.lo, r.hi) for r in m.src_ports)
    if m.dst_ports is not None:
        kw["dport"] = tuple((r.lo, r.hi) for r in m.dst_ports)
    if m.icmp_type is not None:
        kw["itype"] = ((m.icmp_type, m.icmp_type),)
    if m.icmp_code is not None:
        kw["icode"] = ((m.icmp_code, m.icmp_code),)
    kw["est"] = m.conn_established
    kw["inif"] = m.in_ifaces
    kw["outif"] = m.out_ifaces
    return cond(**kw)


def intersect_matches(a: Match, b: Match) -> list[Match]:
    """Packets matching both model Matches, as a union of Matches (empty = none)."""
    ca, cb = from_match(a), from_match(b)
    if ca is None or cb is None:
        return []
    c = intersect(ca, cb)
    return [] if c is None else to_matches(c)


__all__ = [
    "ANY",
    "Cond",
    "absorb",
    "block_count",
    "cidrs",
    "clear_memos",
    "cond",
    "cond1",
    "cond_at",
    "from_match",
    "icmp_matches",
    "intersect",
    "intersect_all",
    "intersect_matches",
    "negate",
    "negate_union",
    "norm",
    "r_and",
    "r_not",
    "r_or",
    "to_matches",
]
