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

from dataclasses import dataclass, replace
from typing import Any

from netaudit.model import AddrMatch, Match, PortRange

Ranges = tuple[tuple[int, int], ...]

ADDR_MAX = 0xFFFFFFFF
MAXV = {"src": ADDR_MAX, "dst": ADDR_MAX, "proto": 255, "sport": 65535, "dport": 65535, "itype": 255, "icode": 255}
RANGE_FIELDS = tuple(MAXV)


# --------------------------------------------------------------------------- range sets


def norm(ranges) -> Ranges:
    """Sorted, merged, disjoint ranges."""
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


@dataclass(frozen=True)
class Cond:
    """A conjunction of header constraints; ``None`` = unconstrained."""

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
        for f in RANGE_FIELDS:
            v = getattr(self, f)
            if v is not None and not v:
                return True
        return (self.inif is not None and not self.inif) or (self.outif is not None and not self.outif)


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


def intersect(a: Cond, b: Cond) -> Cond | None:
    """Packets matching both ``a`` and ``b``; None when no packet does."""
    if a is ANY or a == ANY:
        return b
    if b is ANY or b == ANY:
        return a
    kw = {}
    for f in RANGE_FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        if x is None:
            kw[f] = y
        elif y is None:
            kw[f] = x
        else:
            z = r_and(x, y)
            if not z:
                return None
            kw[f] = z
    if a.est is not None and b.est is not None and a.est != b.est:
        return None
    kw["est"] = a.est if a.est is not None else b.est
    for f in ("inif", "outif"):
        x, y = getattr(a, f), getattr(b, f)
        if x is None:
            kw[f] = y
        elif y is None:
            kw[f] = x
        else:
            z = x & y
            if not z:
                return None
            kw[f] = z
    return Cond(**kw)


def intersect_all(xs: list[Cond], ys: list[Cond]) -> list[Cond]:
    """Pairwise intersection of two unions."""
    out = []
    for x in xs:
        for y in ys:
            z = intersect(x, y)
            if z is not None and z not in out:
                out.append(z)
    return out


def negate(c: Cond, ifaces: frozenset) -> list[Cond]:
    """The complement of ``c`` as a union (one condition per constrained field).
    Interface complements are taken over ``ifaces`` (every interface of the device)."""
    out: list[Cond] = []
    for f in RANGE_FIELDS:
        v = getattr(c, f)
        if v is not None:
            nv = r_not(v, MAXV[f])
            if nv:
                field_value: dict[str, Any] = {f: nv}  # f is one of the range fields
                out.append(Cond(**field_value))
    if c.est is not None:
        out.append(Cond(est=not c.est))
    for f in ("inif", "outif"):
        v = getattr(c, f)
        if v is not None:
            nv = ifaces - v
            if nv:
                iface_value: dict[str, Any] = {f: frozenset(nv)}  # inif or outif
                out.append(Cond(**iface_value))
    return out


def negate_union(cs: list[Cond], ifaces: frozenset) -> list[Cond]:
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
    return _addr_uncached(ranges)


_BY_ID: dict[int, tuple] = {}


def _addr_uncached(ranges: Ranges) -> tuple[tuple[AddrMatch, ...], bool]:
    if len(ranges) <= 32:
        pos = addr_pats(ranges)
        neg = addr_pats(r_not(ranges, ADDR_MAX))
        if neg and len(neg) < len(pos):
            return neg, True
        return pos, False
    if ranges[0][0] == 0 and ranges[-1][1] == ADDR_MAX:
        return addr_pats(r_not(ranges, ADDR_MAX)), True
    return addr_pats(ranges), False


def to_matches(c: Cond) -> list[Match]:
    """Model Matches whose union is exactly ``c``."""
    src, sneg = _addr(c.src)
    dst, dneg = _addr(c.dst)
    protos = tuple(r_values(c.proto)) if c.proto is not None else None
    sports = tuple(PortRange(lo, hi) for lo, hi in c.sport) if c.sport is not None else None
    dports = tuple(PortRange(lo, hi) for lo, hi in c.dport) if c.dport is not None else None
    base = Match(
        src=src,
        dst=dst,
        src_negate=sneg,
        dst_negate=dneg,
        protocols=protos,
        src_ports=sports,
        dst_ports=dports,
        conn_established=c.est,
        in_ifaces=c.inif,
        out_ifaces=c.outif,
    )
    types = r_values(c.itype) if c.itype is not None else [None]
    codes = r_values(c.icode) if c.icode is not None else [None]
    if types == [None] and codes == [None]:
        return [base]
    return [replace(base, icmp_type=t, icmp_code=k) for t in types for k in codes]


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
    "cidrs",
    "cond",
    "from_match",
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
