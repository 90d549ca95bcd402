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
            assert got == want and list(vars(got)) == list(vars(want)), fields
    finally:
        packet_sets.clear_memos()
