"""``base.slots_constructor`` builds the same objects as the model classes' constructors
(``new_src``: the Linux readers' Src per line; ``PortRange`` and ``AddrMatch`` in
``packet_sets``)."""

from __future__ import annotations

import pickle

from netaudit.model import AddrMatch, PortRange, Src
from netaudit.parsers import packet_sets
from netaudit.parsers.base import new_src


def test_new_src_is_the_constructed_src():
    assert new_src is not Src  # the fast path is in use (Src's layout is the one it assumes)
    for file, line, text in (("gw.txt", 1, ""), ("a/b c.txt", 20000, "-A FORWARD -j DROP"), ("", 0, "é\t")):
        got, want = new_src(file, line, text), Src(file, line, text)
        assert type(got) is Src
        assert got == want and hash(got) == hash(want) and repr(got) == repr(want)
        assert got.cite() == want.cite()
        assert pickle.loads(pickle.dumps(got)) == want


def test_the_match_pieces_are_the_constructed_ones():
    for build, cls, values in (
        (packet_sets._port_range, PortRange, (443, 8443)),
        (packet_sets._addr_match, AddrMatch, (0x0A140500, 0xFF)),
    ):
        assert build is not cls
        got, want = build(*values), cls(*values)
        assert type(got) is cls and got == want and hash(got) == hash(want) and repr(got) == repr(want)
        assert pickle.loads(pickle.dumps(got)) == want
