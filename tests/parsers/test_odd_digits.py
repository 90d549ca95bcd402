"""Digits that are not ASCII digits (superscripts, circled numbers: ``str.isdigit`` is true
for them, ``int`` refuses them) never stop a parse: every fixture of every vendor with its
digits written as superscripts parses, the lines holding them unrecognised or partial, the
rest read.  (``ip saddr 1.2.3.4/²`` made the Linux parser raise and the whole device was
lost: every number test in the parsers is ``str.isdecimal``, which ``int`` accepts.)"""

from __future__ import annotations

import importlib

import pytest
from helpers import FIXTURES

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
CIRCLED = str.maketrans("0123456789", "⓪①②③④⑤⑥⑦⑧⑨")
VENDORS = sorted(
    p.name
    for p in FIXTURES.iterdir()
    if p.is_dir() and (p.parent.parent.parent / "netaudit" / "parsers" / p.name).is_dir()
)
FILES = [
    p
    for v in VENDORS
    for p in sorted((FIXTURES / v).rglob("*"))
    if p.is_file() and not p.name.endswith((".json", ".yaml", ".yml", ".md"))
]


def _vendor(path) -> str:
    return path.relative_to(FIXTURES).parts[0]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
@pytest.mark.parametrize("table", [SUPERSCRIPT, CIRCLED], ids=["superscript", "circled"])
def test_odd_digits_never_stop_a_parse(path, table):
    parser = importlib.import_module(f"netaudit.parsers.{_vendor(path)}")
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    # Every other line with a digit, so that the lines around stay readable.
    odd = "".join(ln.translate(table) if k % 2 and any(c.isdigit() for c in ln) else ln for k, ln in enumerate(lines))
    result = parser.parse(odd, path.name)
    assert result.devices, path
