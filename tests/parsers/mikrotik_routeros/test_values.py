"""Property values read by :mod:`netaudit.parsers.mikrotik_routeros.values`."""

from __future__ import annotations

import ipaddress
import random

from netaudit.parsers.ip import ip_to_int, read_quad
from netaudit.parsers.mikrotik_routeros.values import parse_ports, quad
from netaudit.parsers.packet_sets import norm


def ports_by_norm(s: str):
    """``parse_ports`` as it was written first: every list through ``norm``."""
    out = []
    for part in s.split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            return None
        a, b = int(lo), int(hi or lo)
        if a > 65535 or b > 65535 or b < a:
            return None
        out.append((a, b))
    return norm(out) if out else None


def test_port_lists_read_without_norm_when_in_order_are_the_same_ranges():
    # a list written in order, each range apart from the last, skips norm (most lists)
    rnd = random.Random(21)
    ordered = 0
    for _ in range(30_000):
        parts = []
        for _ in range(rnd.randint(0, 4)):
            lo = rnd.choice((0, 1, 22, 79, 80, 81, 443, 1000, 65535, rnd.randint(0, 70_000)))
            hi = lo + rnd.choice((0, 0, 1, 2, 100, -1))
            parts.append(rnd.choice((f"{lo}", f"{lo}-{hi}", f" {lo}", "", "x", f"{lo}-")))
        s = ",".join(parts)
        got, expected = parse_ports(s), ports_by_norm(s)
        assert got == expected, s
        ordered += got is not None and len(got) > 1 and got == tuple(sorted(got))
    assert ordered > 1_000


def test_plain_quads_are_read_as_written_numbers():
    # parsers.ip.read_quad (RouterOS's plain addresses, without ip_to_int's memo): four
    # numbers 0..255 written plainly, or None — on every text, odd ones included, and
    # quad reads a plain quad the same way
    rnd = random.Random(17)
    octets = ["0", "1", "9", "10", "99", "100", "199", "254", "255"]
    odd = ["256", "300", "999", "00", "01", "010", "007", "", " 1", "1 ", "+1", "-1", "0x1"]
    odd += ["\u0661", "\u0661\u0662", "1\n", "a", "1e2", "\u00b2"]
    seen = {True: 0, False: 0}
    for _ in range(30_000):
        n = rnd.choice([4, 4, 4, 4, 3, 5, 1])
        parts = [rnd.choice(octets) if rnd.random() < 0.93 else rnd.choice(odd) for _ in range(n)]
        text = ".".join(parts)
        if rnd.random() < 0.05:
            text = rnd.choice(["", ".", "..", "1..2.3", "1.2.3.4.", ".1.2.3.4"]) + text
        got = read_quad(text)
        plain = len(parts) == 4 and text == ".".join(parts) and all(p in octets for p in parts)
        assert got == (int(ipaddress.IPv4Address(text)) if plain else None), text
        assert ip_to_int(text) == got
        seen[got is not None] += 1
        if got is not None:
            assert quad(text) == got
    assert seen[True] > 10_000 and seen[False] > 5_000
