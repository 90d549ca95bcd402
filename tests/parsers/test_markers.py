"""Marker patterns (netaudit/parsers/markers.py): the needle test never changes an answer."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from helpers import FIXTURES, SAMPLES

from netaudit.parsers import STATE_MODULES, VENDOR_MODULES
from netaudit.parsers.markers import Marker, marker, needles_of

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
