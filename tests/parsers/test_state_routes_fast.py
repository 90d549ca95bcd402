"""``show ip route``: the plain-path fast reading (``_FAST_ROW``, ``_FAST_PATH``) against the
general one (``_CODE``, ``_PATH`` and the loop over the tail's pieces) on random rows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.parsers.state_routes import _Reader, parse_state

_NEVER = re.compile(r"(?!)")  # matches no text: every line takes the general path

HEAD = "Codes: L - local, C - connected, S - static\n\nGateway of last resort is not set\n"


def both(text: str) -> tuple[object, object]:
    """The parse of ``text`` with the fast reading, and with the general path alone."""
    fast = parse_state(text, "r1_route.txt")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_Reader, "_FAST_ROW", _NEVER)
        m.setattr(_Reader, "_FAST_PATH", _NEVER)
        general = parse_state(text, "r1_route.txt")
    return fast, general


def same(text: str) -> None:
    fast, general = both(text)
    assert fast.routes == general.routes  # type: ignore[attr-defined]
    assert repr(fast.routes) == repr(general.routes)  # type: ignore[attr-defined]
    assert [vars(r) for r in fast.routes] == [vars(r) for r in general.routes]  # type: ignore[attr-defined]
    assert repr(fast.report) == repr(general.report)  # type: ignore[attr-defined]


# pieces a row is made of: the usual ones, and near misses of each
USUAL_CODES = ["O", "O IA", "O E2", "S*", "B", "D EX", "L", "L*", "C", "i L1"]
CODES = [*USUAL_CODES, "sh", "show", "via", "Last", "X#", "-", "OIAE2"]
ADDRS = ["10.2.3.0", "192.168.1.0", "0.0.0.0", "10.2.3.4", "300.1.1.1", "10.1.2", "\u0661\u0660.1.1.0"]
PLENS = ["/24", "/8", "/32", "/0", "", "/33", "/", "/\u0662\u0664"]  # Arabic-Indic digits: \\d reads them
SPACES = [" ", "     ", "\t", "  \t "]
DIST = ["[110/20]", "[1/0]", "[20/0]", "[0/0]", "[110/2", "[a/1]"]
NHS = ["10.1.2.2", "203.0.113.1", "10.1.2.256", "10.1.2", "10.1.2.2x"]
PIECES = [
    "3d04h",
    "00:01:02",
    "1w2d",
    "3x",
    "Vlan103",
    "Null0",
    "Gi0/1",
    "GigabitEthernet0/1.5",
    "tag 5",
    "from 10.0.0.1",
    "type ext",
    "Vlan1 extra",
    "",
    "0",
    "fromX",
]
SEPS = [", ", ", ", ", ", ",", " , ", ",  "]  # mostly the plain separator


@st.composite
def tails(draw: st.DrawFn) -> str:
    out = ""
    for piece in draw(st.lists(st.sampled_from(PIECES), max_size=3)):
        out += draw(st.sampled_from(SEPS)) + piece
    return out


@st.composite
def paths(draw: st.DrawFn) -> str:
    return (
        draw(st.sampled_from(DIST))
        + draw(st.sampled_from(SPACES))
        + "via"
        + draw(st.sampled_from(SPACES))
        + draw(st.sampled_from(NHS))
        + draw(tails())
    )


@st.composite
def rows(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # an ECMP continuation
        return draw(st.sampled_from(SPACES)) + draw(paths())
    if kind == 1:  # a "subnetted" header
        return "      10.0.0.0" + draw(st.sampled_from(PLENS)) + " is subnetted, 2 subnets"
    if kind == 2:  # a wrapped row: the path on the next line
        return draw(st.sampled_from(CODES)) + "   " + draw(st.sampled_from(ADDRS)) + draw(st.sampled_from(PLENS))
    row = (
        draw(st.sampled_from(CODES))
        + draw(st.sampled_from(SPACES))
        + draw(st.sampled_from(ADDRS))
        + draw(st.sampled_from(PLENS))
        + draw(st.sampled_from(SPACES))
        + draw(paths())
    )
    return row + draw(st.sampled_from(["", " ", "\t"]))


@settings(max_examples=1000, deadline=None)
@given(st.lists(rows(), min_size=1, max_size=12))
def test_fast_reading_is_the_general_one(lines: list[str]) -> None:
    same(HEAD + "\n".join(lines) + "\n")


BENCH_ROWS = [
    "S*    0.0.0.0/0 [1/0] via 203.0.113.1",
    "O IA     10.2.3.0/24 [110/23] via 10.1.3.2, 3d04h, Vlan103",
    "O        10.2.5.0/24 [110/2] via 10.1.5.2, 00:01:02, Vlan105",
    "                     [110/2] via 10.1.6.3, 00:01:02, Vlan106",
    "B        172.16.6.0/24 [20/0] via 192.0.2.7, 1w2d",
    "S        192.168.7.0/24 [1/0] via 10.1.7.254",
    "D        192.168.1.0 [90/156160] via 10.0.0.5, 00:00:10, Null0",
    "L        10.1.0.1/32 [0/0] via 10.1.0.1, Vlan100",
]


# rows where a reading that takes a shortcut is most likely to part from the general one
EDGE_ROWS = [
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, 00:01:02, 3d04h",  # two ages: no interface
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, 3x",  # not an age: an interface
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, 3d04h, tag 5",
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, Vlan1, 3d04h",
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, fromX",
    "O    10.2.3.0/24 [1/0] via 10.1.2.2,Vlan1",
    "O    10.2.3.0/24 [1/0] via 10.1.2.2, Null0",
    "L*   10.2.3.4/32 [1/0] via 10.1.2.2, Vlan1",
    "sh   10.2.3.0/24 [1/0] via 10.1.2.2, Vlan1",
    "via  10.2.3.0/24 [1/0] via 10.1.2.2, Vlan1",
    "show 10.2.3.0/24 [1/0] via 10.1.2.2, Vlan1",
    "O    10.2.3.0/99 [1/0] via 10.1.2.2, Vlan1",
    "O    10.2.3.0 [1/0] via 10.1.2.256, Vlan1",
    "O    10.2.3.0/\u0662\u0664 [\u0661/0] via 10.1.2.2, Vlan1",
]


@pytest.mark.parametrize("row", EDGE_ROWS)
def test_edge_rows(row: str) -> None:
    same(HEAD + "      10.0.0.0/16 is subnetted, 2 subnets\n" + row + "\n  [1/0] via 10.0.0.1, 1w2d\n")


def test_bench_rows_take_the_fast_reading() -> None:
    """The fast reading is the one the bench's rows take (so the test above compares it)."""
    for row in BENCH_ROWS:
        text = row.strip()
        assert _Reader._FAST_ROW.fullmatch(text) or _Reader._FAST_PATH.fullmatch(text), row
    same(HEAD + "\n".join(BENCH_ROWS) + "\n")
