"""``sections.split`` (headers found by searching the text, lines numbered in bulk)
against the line-by-line loop it replaced, on random files."""

from __future__ import annotations

import random

from netaudit.parsers.linux.sections import HEADER, Section, kind_of, split


def _line_by_line(text: str) -> tuple[list[tuple[int, str]], list[Section]]:
    """The reference: every line tested in turn (the reader before the search)."""
    pre: list[tuple[int, str]] = []
    sections: list[Section] = []
    cur: Section | None = None
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        m = HEADER.match(line)
        if m:
            cmd = m.group(1)
            cur = Section(cmd, kind_of(cmd), n)
            sections.append(cur)
            continue
        if cur is None:
            pre.append((n, line))
        else:
            cur.lines.append((n, line))
    return pre, sections


def test_sections_are_those_of_the_line_loop():
    rnd = random.Random(9)
    pieces = ["### ip -j addr", "### nft list ruleset", "###", "###x", "### ", "## x", " ### ss", "#", "a b",
              "\r", "\r\r", "", "###\tiptables-save  ", "\u2003", "### hostname\r", "x ### y", "\n", "\t"]  # fmt: skip
    for _ in range(20000):
        text = "\n".join(rnd.choice(pieces) + rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if rnd.random() < 0.3:
            text += "\n"
        assert split(text) == _line_by_line(text), repr(text)
