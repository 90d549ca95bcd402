"""``base.new_src`` builds the same ``Src`` as its constructor (the Linux readers build
one per line with it)."""

from __future__ import annotations

import pickle

from netaudit.model import Src
from netaudit.parsers.base import new_src


def test_new_src_is_the_constructed_src():
    assert new_src is not Src  # the fast path is in use (Src's layout is the one it assumes)
    for file, line, text in (("gw.txt", 1, ""), ("a/b c.txt", 20000, "-A FORWARD -j DROP"), ("", 0, "é\t")):
        got, want = new_src(file, line, text), Src(file, line, text)
        assert type(got) is Src
        assert got == want and hash(got) == hash(want) and repr(got) == repr(want)
        assert got.cite() == want.cite()
        assert pickle.loads(pickle.dumps(got)) == want
