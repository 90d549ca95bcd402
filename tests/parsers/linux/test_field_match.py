"""``packet_sets.field_match`` reads its memos' hits itself (the Linux filter lines' Match):
on conditions whose fields share their ranges — a protocol range equal to a port range,
the same set in src and dst, long sets remembered by identity, an address list given as a list — every Match is the
one ``Match(…)`` builds from the fields read without any memo."""

from __future__ import annotations

import random

from netaudit.model import Match, PortRange
from netaudit.parsers import packet_sets
from netaudit.parsers.packet_sets import _addr_uncached, field_match, r_values


def _reference(src, dst, proto, sport, dport, est, inif, outif) -> Match:
    kw: dict = {}
    if src is not None:
        kw["src"], kw["src_negate"] = _addr_uncached(src)
    if dst is not None:
        kw["dst"], kw["dst_negate"] = _addr_uncached(dst)
    if proto is not None:
        kw["protocols"] = tuple(r_values(proto))
    if sport is not None:
        kw["src_ports"] = tuple(PortRange(lo, hi) for lo, hi in sport)
    if dport is not None:
        kw["dst_ports"] = tuple(PortRange(lo, hi) for lo, hi in dport)
    if est is not None:
        kw["conn_established"] = est
    kw["in_ifaces"], kw["out_ifaces"] = inif, outif
    return Match(**kw)


def test_field_match_is_the_match_of_its_fields():
    rnd = random.Random(21)
    small = [((6, 6),), ((17, 17),), ((6, 6), (17, 17)), ((1, 1),), ((0, 5), (7, 255)), ((22, 25),), ((80, 80),)]
    big = tuple((k * 16, k * 16 + 3) for k in range(12))  # more than 8 ranges: remembered by identity
    pool = [*small, big]
    addrs = [*pool, [(6, 6)]]  # (an address list as a list: read without a memo, as _addr does)
    packet_sets.clear_memos()
    try:
        for _ in range(6000):

            def pick(values):
                return rnd.choice(values) if rnd.random() < 0.7 else None

            fields = (pick(addrs), pick(addrs), pick(pool), pick(pool), pick(pool))
            est = rnd.choice((None, True, False))
            inif = rnd.choice((None, frozenset({"lan0"}), frozenset({"lan0", "wan0"})))
            outif = rnd.choice((None, frozenset({"wan0"})))
            got = field_match(*fields, est, inif, outif)
            want = _reference(*fields, est, inif, outif)
            assert got == want and type(got) is type(want) is Match, fields
    finally:
        packet_sets.clear_memos()


def test_icmp_matches_are_one_match_per_type_and_code():
    """``packet_sets.icmp_matches`` (a guarded chain's ICMP lines, ``to_matches`` of an
    ICMP condition) takes one type and one code without ``r_values``: on random ICMP
    fields — none, one value, ranges, several ranges, a range written backwards, the
    same value twice, no value — its Matches are ``Match(…)`` of the fields with each
    type and code of ``r_values``, in that order, as the loop it shortens builds them."""

    order = Match._fields
    rnd = random.Random(2026120706)

    def icmp_field():
        pick = rnd.random()
        if pick < 0.3:
            return None
        v = rnd.randrange(256)
        if pick < 0.7:
            return ((v, v),)
        return rnd.choice([((v, min(255, v + 2)),), ((v, v), (v + 1, v + 1)), ((v + 1, v),), ((v, v), (v, v)), ()])

    shortened = 0
    for _ in range(5000):
        itype, icode = icmp_field(), icmp_field()
        if itype is None and icode is None:
            continue
        dst = ((0x0A000000, 0x0A0000FF),) if rnd.random() < 0.5 else None
        inif = frozenset({"eth1"}) if rnd.random() < 0.5 else None
        got = packet_sets.icmp_matches(None, dst, ((1, 1),), None, None, itype, icode, None, inif, None)
        base = _reference(None, dst, ((1, 1),), None, None, None, inif, None)
        want = [
            Match(**{**{n: getattr(base, n) for n in order}, "icmp_type": t, "icmp_code": k})
            for t in (r_values(itype) if itype is not None else [None])
            for k in (r_values(icode) if icode is not None else [None])
        ]
        assert got == want, (itype, icode)
        assert all(type(m) is Match for m in got)
        shortened += len(want) == 1
    assert shortened > 1000
