"""Exact intersection / negation of packet conditions (jump and return flattening)."""

from __future__ import annotations

import random

import pytest
from netaddr import IPAddress

from netaudit.headerspace import HeaderSpace
from netaudit.model import AddrMatch, Match, PortRange
from netaudit.parsers.packet_sets import (
    ANY,
    Cond,
    absorb,
    cidrs,
    cond,
    cond1,
    cond_at,
    from_match,
    intersect,
    intersect_all,
    intersect_matches,
    negate,
    negate_union,
    norm,
    r_and,
    r_not,
    to_matches,
)

IFACES = frozenset({"ether1", "ether2", "vlan40"})


def ip(a: str) -> int:
    return int(IPAddress(a))


def bdd(hs: HeaderSpace, conds, in_if=None):
    """Packets a union of Conds selects for one ingress interface."""
    u = hs.false
    for c in conds:
        for m in to_matches(c):
            if m.in_ifaces is None or in_if in m.in_ifaces:
                u |= hs.match(m)
    return u


def test_range_helpers():
    assert norm([(5, 9), (1, 3), (4, 4), (20, 30)]) == ((1, 9), (20, 30))
    assert r_and(((1, 9), (20, 30)), ((5, 25),)) == ((5, 9), (20, 25))
    assert r_not(((0, 9), (20, 30)), 40) == ((10, 19), (31, 40))
    assert cidrs(ip("10.0.0.1"), ip("10.0.0.6")) == [
        (ip("10.0.0.1"), 32),
        (ip("10.0.0.2"), 31),
        (ip("10.0.0.4"), 31),
        (ip("10.0.0.6"), 32),
    ]
    assert cidrs(0, 0xFFFFFFFF) == [(0, 0)]


def test_intersect_is_field_wise_and_detects_empty():
    a = cond(src=((ip("10.0.0.0"), ip("10.0.255.255")),), proto=((6, 6),), inif=frozenset({"ether2"}))
    b = cond(src=((ip("10.0.1.0"), ip("10.0.1.255")),), dport=((22, 22),))
    c = intersect(a, b)
    assert c.src == ((ip("10.0.1.0"), ip("10.0.1.255")),) and c.proto == ((6, 6),)
    assert c.dport == ((22, 22),) and c.inif == frozenset({"ether2"})
    assert intersect(a, Cond(proto=((17, 17),))) is None
    assert intersect(Cond(est=True), Cond(est=False)) is None
    assert intersect(a, Cond(inif=frozenset({"vlan40"}))) is None
    assert intersect(ANY, a) is a


def test_negation_is_a_union_of_single_field_complements():
    c = cond(dst=((ip("10.0.0.0"), ip("10.255.255.255")),), proto=((17, 17),), inif=frozenset({"vlan40"}))
    parts = negate(c, IFACES)
    assert len(parts) == 3
    hs = HeaderSpace()
    for in_if in IFACES:
        inside = bdd(hs, [c], in_if)
        outside = bdd(hs, parts, in_if)
        assert (inside & outside) == hs.false
        assert (inside | outside) == hs.true


def test_negate_union_and_exactness_on_random_conditions():
    rnd = random.Random(7)
    hs = HeaderSpace()

    def rand_cond():
        kw = {}
        if rnd.random() < 0.7:
            lo = rnd.randrange(0, 2**32 - 2**20)
            kw["dst"] = ((lo, lo + rnd.randrange(0, 2**20)),)
        if rnd.random() < 0.5:
            kw["proto"] = ((6, 6),) if rnd.random() < 0.5 else ((17, 17),)
        if rnd.random() < 0.5:
            lo = rnd.randrange(0, 60000)
            kw["dport"] = ((lo, lo + rnd.randrange(0, 5000)),)
        if rnd.random() < 0.3:
            kw["est"] = rnd.random() < 0.5
        if rnd.random() < 0.4:
            kw["inif"] = frozenset(rnd.sample(sorted(IFACES), 2))
        return cond(**kw) or ANY

    for _ in range(40):
        xs = [rand_cond() for _ in range(rnd.randrange(1, 3))]
        ys = [rand_cond() for _ in range(rnd.randrange(1, 3))]
        for in_if in IFACES:
            X, Y = bdd(hs, xs, in_if), bdd(hs, ys, in_if)
            assert bdd(hs, intersect_all(xs, ys), in_if) == (X & Y)
            assert bdd(hs, negate_union(xs, IFACES), in_if) == (hs.true & ~X)


def test_absorb_keeps_the_union_and_drops_contained_pieces():
    # the complements of a chain of accepts (RouterOS raw): pieces another piece contains
    rnd = random.Random(9)
    hs = HeaderSpace()

    def rand_cond():
        kw = {}
        if rnd.random() < 0.6:
            kw["dst"] = ((ip("10.0.0.0"), ip("10.0.0.0") + rnd.choice((255, 65535))),)
        if rnd.random() < 0.5:
            kw["proto"] = rnd.choice((((6, 6),), ((6, 17),), ((1, 1),)))
        if rnd.random() < 0.4:
            kw["dport"] = rnd.choice((((0, 0),), ((1, 1023),), ((0, 65535),)))
        if rnd.random() < 0.3:
            kw["est"] = False
        if rnd.random() < 0.4:
            kw["inif"] = frozenset(rnd.sample(sorted(IFACES), rnd.choice((1, 2))))
        return cond(**kw) or ANY

    for _ in range(60):
        guard = [ANY]
        for _ in range(rnd.randrange(2, 6)):
            guard = intersect_all(guard, negate_union([rand_cond()], IFACES))
        small = absorb(guard)
        assert len(small) <= len(set(guard))
        for in_if in IFACES:
            assert bdd(hs, small, in_if) == bdd(hs, guard, in_if)
    wide = Cond(proto=((6, 6),))
    assert absorb([Cond(proto=((6, 6),), dport=((80, 80),)), wide]) == [wide]


def test_to_matches_uses_the_shorter_address_form_and_splits_icmp_types():
    c = cond(dst=r_not(((ip("10.0.0.0"), ip("10.255.255.255")),), 2**32 - 1), proto=((1, 1),), itype=((0, 0), (8, 8)))
    ms = to_matches(c)
    assert len(ms) == 2 and {m.icmp_type for m in ms} == {0, 8}
    assert all(m.dst_negate and m.dst == (AddrMatch(ip("10.0.0.0"), 0xFFFFFF),) for m in ms)


def test_to_matches_builds_the_match_its_fields_give():
    """``to_matches`` makes a Match of its values in field order directly: the same Match
    ``Match(…)`` builds of its fields by name, holding the condition exactly (a field
    added to Match, or two fields swapped, fails here)."""
    rnd = random.Random(15)
    for _ in range(3000):
        kw = {}
        for name, top in (("src", 2**32 - 1), ("dst", 2**32 - 1), ("proto", 255), ("sport", 65535), ("dport", 65535)):
            if rnd.random() < 0.5:
                lo = rnd.randrange(top)
                kw[name] = ((lo, min(top, lo + rnd.randrange(1 << rnd.randrange(1, 20)))),)
        if rnd.random() < 0.2:
            kw["itype"] = ((rnd.randrange(3), 3 + rnd.randrange(2)),)
        if rnd.random() < 0.5:
            kw["est"] = rnd.random() < 0.5
        if rnd.random() < 0.5:
            kw["inif"] = frozenset(rnd.sample(sorted(IFACES), 2))
        if rnd.random() < 0.5:
            kw["outif"] = frozenset(rnd.sample(sorted(IFACES), 1))
        c = cond(**kw)
        assert c is not None
        plain = c._replace(itype=None, icode=None)
        for m in to_matches(c):
            built = Match(**{name: getattr(m, name) for name in Match._fields})
            assert type(m) is Match and m == built and repr(m) == repr(built)
            assert from_match(m._replace(icmp_type=None, icmp_code=None)) == plain  # every other field, exactly
            if c.itype is None:
                assert from_match(m) == c  # the Match holds the condition, exactly
            else:
                assert c.itype[0][0] <= m.icmp_type <= c.itype[0][1] and m.icmp_code is None


def test_intersect_matches_on_model_matches():
    a = Match(src=(AddrMatch.prefix("10.0.0.0/8"),), protocols=(6, 17), in_ifaces=frozenset({"ether2", "vlan40"}))
    b = Match(
        src=(AddrMatch.prefix("10.0.40.0/24"),),
        src_negate=True,
        protocols=(6,),
        dst_ports=(PortRange(80, 80), PortRange(443, 443)),
        in_ifaces=frozenset({"vlan40"}),
    )
    ms = intersect_matches(a, b)
    hs = HeaderSpace()
    assert hs.matches(ms) == hs.match(a) & hs.match(b)
    assert all(m.in_ifaces == frozenset({"vlan40"}) for m in ms)
    assert intersect_matches(a, Match(protocols=(1,))) == []
    with pytest.raises(ValueError):
        intersect_matches(Match(tcp_established=True), a)


def test_cond1_and_the_every_packet_fast_paths():
    for name, rs in (("dst", ((5, 9),)), ("dport", ((80, 80), (443, 443))), ("proto", ((0, 255),)), ("src", ((9, 5),))):
        assert cond1(name, rs) == cond(**{name: rs})
    a, b = cond(dport=((80, 80),)), cond(dst=((5, 9),))
    assert intersect_all([ANY], [a, b, a]) == [a, b] == intersect_all([a, b, a], [ANY])
    assert intersect_all([Cond()], [a]) == [a] and intersect_all([ANY], []) == []
    assert intersect_all([a], [b]) == [intersect(a, b)]
    assert a._replace(dport=None) == ANY and isinstance(hash(a), int)


def test_cond_at_is_cond_of_the_same_fields():
    # cond_at takes the fields in Cond order (a firewall rule's, built in place): the
    # same condition as cond(True, …), whole ranges unconstrained, empty ones None.
    rnd = random.Random(3)
    choices = {
        "src": [None, ((1, 5),), ((0, 2**32 - 1),), ()],
        "dst": [None, ((7, 7), (9, 20)), ((0, 2**32 - 1),)],
        "proto": [None, ((6, 6),), ((0, 255),), ()],
        "sport": [None, ((0, 65535),), ((22, 22),)],
        "dport": [None, ((80, 80), (443, 443)), ()],
        "itype": [None, ((8, 8),), ((0, 255),)],
        "icode": [None, ((0, 0),)],
        "est": [None, True, False],
        "inif": [None, frozenset({"ether2"}), frozenset()],
        "outif": [None, frozenset({"ether1", "vlan40"}), frozenset()],
    }
    for _ in range(400):
        kw = {f: rnd.choice(vs) for f, vs in choices.items()}
        assert cond_at([kw[f] for f in Cond._fields]) == cond(True, **kw), kw
    assert cond_at([None] * len(Cond._fields)) == ANY


def test_one_cidr_block_is_its_own_pattern():
    # _addr's quick answer for one block (no block counting) is the pattern cidrs gives.
    for lo, plen in ((ip("10.1.2.4"), 30), (ip("10.1.2.0"), 24), (ip("10.1.2.9"), 32), (ip("128.0.0.0"), 1)):
        hi = lo + (1 << (32 - plen)) - 1
        (m,) = to_matches(cond(dst=((lo, hi),)))
        assert m.dst == (AddrMatch(lo, hi - lo),) and not m.dst_negate
        assert cidrs(lo, hi) == [(lo, plen)]
    # not one block: counted (the complement of a /24 is shorter as a negation)
    (m,) = to_matches(cond(dst=r_not(((ip("10.0.0.0"), ip("10.0.0.255")),), 2**32 - 1)))
    assert m.dst_negate and m.dst == (AddrMatch(ip("10.0.0.0"), 255),)
    (m,) = to_matches(cond(dst=((ip("10.0.0.1"), ip("10.0.0.2")),)))
    assert not m.dst_negate and m.dst == (AddrMatch(ip("10.0.0.1"), 0), AddrMatch(ip("10.0.0.2"), 0))


def test_all_but_one_cidr_block_is_the_block_negated():
    # _addr's quick answer for the complement of one block ("!10.1.2.0/24") is what
    # counting both forms gives (the shorter: the block, negated); other two-range sets
    # are still counted.
    from netaudit.parsers.packet_sets import _addr_uncached, addr_pats, block_count

    top = 2**32 - 1
    rnd = random.Random(7)
    for _ in range(3000):
        plen = rnd.randrange(1, 33)
        lo = rnd.getrandbits(32) >> (32 - plen) << (32 - plen)
        block = ((lo, lo + (1 << (32 - plen)) - 1),)
        if rnd.random() < 0.3:  # a range that is no block
            block = ((lo, min(top - 1, lo + rnd.randrange(2, 1 << 20))),)
        rs = r_not(block, top)
        if len(rs) != 2:
            continue
        comp = r_not(rs, top)
        counted = (addr_pats(comp), True) if block_count(comp, top) < block_count(rs, top) else (addr_pats(rs), False)
        assert _addr_uncached(rs) == counted, rs
