"""Marker patterns (netaudit/parsers/markers.py): the needle test never changes an answer."""

from __future__ import annotations

import random
import re
from importlib import import_module

import pytest
from helpers import FIXTURES, SAMPLES

from netaudit.parsers import STATE_MODULES, VENDOR_MODULES
from netaudit.parsers.markers import Marker, line_starts_of, marker, needles_of

MODULES = ["netaudit.parsers", "netaudit.parsers.completeness", *VENDOR_MODULES, *STATE_MODULES]


def _markers() -> list[Marker]:
    """Every Marker the detection and completeness modules define (also inside lists)."""
    found: dict[int, Marker] = {}

    def walk(v, depth=0):
        if isinstance(v, Marker):
            found[id(v)] = v
        elif isinstance(v, (list, tuple)) and depth < 3:
            for x in v:
                walk(x, depth + 1)

    for name in MODULES:
        for v in vars(import_module(name)).values():
            walk(v)
    return list(found.values())


def _texts() -> list[str]:
    paths = [p for p in [*FIXTURES.rglob("*"), *SAMPLES.rglob("*")] if p.is_file()]
    texts = [
        p.read_text(encoding="utf-8", errors="replace") for p in paths if p.suffix in (".cfg", ".conf", ".rsc", ".txt")
    ]
    return [*texts, "", "\n", "end", "feature x\n", " undo shutdown\n", "set system host-name x\n"]


def test_every_detection_pattern_is_a_marker():
    assert len(_markers()) > 60


@pytest.mark.parametrize("m", _markers(), ids=lambda m: m.pattern[:40])
def test_marker_answers_as_its_pattern(m):
    for text in _texts():
        assert (m.search(text) is None) == (m.rx.search(text) is None)
        assert m.findall(text) == m.rx.findall(text)
        assert [x.span() for x in m.finditer(text, 5, 400)] == [x.span() for x in m.rx.finditer(text, 5, 400)]


@pytest.mark.parametrize(
    ("pattern", "flags", "needles"),
    [
        (r"^feature \S+", re.M, ("feature ",)),
        (r"^(no )?system default switchport", re.M, ("system default switchport",)),
        (r"^(display|return)\s*$", re.M, ("display", "return")),
        (r"^!\s*$", re.M, None),  # nothing of 3 characters every match holds
        (r"^(?:x|long enough)", re.M, None),  # one alternative too short
        (r"^hostname \S+", re.M | re.I, None),  # case-insensitive: str.find cannot tell
        (r"^(?i:hostname) \S+", re.M, None),
        (r"(?:abc)+d", 0, ("abc",)),
        (r"(?:abc)*d", 0, None),
    ],
)
def test_needles(pattern, flags, needles):
    assert needles_of(pattern, flags) == needles


def test_search_window():
    m = marker(r"^end\s*$")
    text = "x\nend\n" + "y\n" * 10
    assert m.search(text, 0, 3) is None and m.search(text, 0, 6) is not None


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"^interface (Gi|Fa)\d", (False, ("interface Gi", "interface Fa"))),
        (r"^(?:hostname \S+|config (?:system|firewall))", (False, ("hostname ", "config system", "config firewall"))),
        (r"^(feature \S+|! device: .*EOS)", (False, ("feature ", "! device: "))),
        (r"^ ?sysname \S", (True, ("sysname ",))),  # an optional blank: the stripped line
        (r"^\s+(?:option|list) \S", (True, ("option ", "list "))),
        (r"^[ \t]+nameif \S+", (True, ("nameif ",))),
        (r"^ab|^ac", (False, ("a",))),  # re's parser keeps the common start
        (r"^\s* foo", None),  # a blank after the blanks: stripping would hide it
        (r"^(a|)x", (False, ("ax", "x"))),  # an empty branch: both ways
        (r"^(?:a\S+|\s*b)", None),  # one branch starts with blanks, the other not
        (r"^a*b", None),
        (r"^(?i:abc)", None),
        (r"interface ", None),  # not anchored
    ],
)
def test_line_starts(pattern, starts):
    assert line_starts_of(pattern, re.M) == starts


def test_line_index_never_changes_an_answer():
    """Texts built to put the markers' start strings mid-line, behind blanks, at the
    text's first line, at its last without a newline: the index only skips searches."""
    rnd = random.Random(15)
    ms = _markers()
    pieces = [m.starts[1][0] for m in ms if m.starts is not None]
    fillers = ["", " ", "\t", "  ", "x ", "# ", "\r"]
    for _ in range(300):
        lines = []
        for _ in range(rnd.randint(0, 6)):
            piece = rnd.choice(pieces)
            cut = piece[: rnd.randint(0, len(piece))] if rnd.random() < 0.3 else piece
            lines.append(rnd.choice(fillers) + cut + rnd.choice(["", "1", " 10.0.0.1", " x", " 1.2.3"]))
        text = "\n".join(lines) + rnd.choice(["", "\n"])
        for m in ms:
            assert (m.search(text) is None) == (m.rx.search(text) is None), (m.pattern, text)


def _line_start_by_reparse(pattern: str, flags: int) -> bool:
    """The first reading of "starts at a line start with a literal, no other top-level
    alternative": the pattern with its "^" replaced by a newline parsed again and compared."""
    from netaudit.parsers import markers

    if not flags & re.MULTILINE or not pattern.startswith("^"):
        return False
    data = markers._P.parse(pattern, flags).data
    if not (
        len(data) >= 2 and data[0] == (markers._C.AT, markers._C.AT_BEGINNING) and data[1][0] is markers._C.LITERAL
    ):
        return False
    again = markers._P.parse("\n" + pattern[1:], flags).data
    return repr(list(again)) == repr([(markers._C.LITERAL, 10), *data[1:]])


_TRICKY = [
    r"^ab|^ac",
    r"^a(b|c)",
    r"^a[|]b",
    r"^a[]|]b",
    r"^a[^]|]b",
    r"^a\|b",
    r"^a\\|^b",
    r"^a(?:b|c)|^d",
    r"^a(?P<x>b|c)d",
    r"^a[\]|]|^b",
    r"^interface \S+",
    r"^(system|security) \{",
    r"^x{2}|y",
]


@pytest.mark.parametrize("pattern", [*(m.pattern for m in _markers()), *_TRICKY])
def test_line_start_literal_reads_as_the_reparse(pattern):
    # The text scan for a top-level "|" (markers._top_level_bar) decides as the second
    # parse did, on every marker and on patterns written to trip it.
    from netaudit.parsers import markers

    assert markers._line_start_literal(pattern, re.M) == _line_start_by_reparse(pattern, re.M)


def test_markers_compile_at_first_use():
    m = marker(r"^zzz-not-in-any-text \S+")
    assert m._rx is None and m._nl is None
    assert m.search("interface x\n") is None  # absent by the line-start index: never compiled
    assert m._rx is None
    assert m.search("a\nzzz-not-in-any-text y\n").group(0) == "zzz-not-in-any-text y"
    assert m._rx is not None and m._nl is not None


def test_markers_read_their_pattern_at_first_use(monkeypatch):
    # Making a marker reads nothing off its pattern (a third of them are never asked on a
    # RouterOS export); its first search reads the line starts as line_starts_of does.
    from netaudit.parsers import markers

    parsed: list[str] = []
    real = markers._parsed.__wrapped__
    monkeypatch.setattr(markers, "_parsed", lambda p, f: parsed.append(p) or real(p, f))
    m = marker(r"^zzz-first-use (a|b) \S+")
    assert parsed == [] and not m._starts_read and m._nl_start is None
    assert m.search("zzz-first-use b x\n").group(0) == "zzz-first-use b x"
    assert m.starts == line_starts_of(m.pattern, m.flags) == (False, ("zzz-first-use ",))
    assert m.nl_start and parsed
