"""``sections.split`` (headers found by searching the text, lines numbered in bulk)
against the line-by-line loop it replaced, on random files; a section's text as a slice
of the file against its lines joined; the failure test without the pattern against it."""

from __future__ import annotations

import random

from netaudit.parsers.linux.sections import _FAILED, HEADER, Section, failure_line, kind_of, split


def _line_by_line(text: str) -> tuple[list[tuple[int, str]], list[Section], list[list[tuple[int, str]]]]:
    """The reference: every line tested in turn (the reader before the search); and each
    section's lines with their numbers, as the loop numbered them."""
    pre: list[tuple[int, str]] = []
    sections: list[Section] = []
    numbered: list[list[tuple[int, str]]] = []
    cur: Section | None = None
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        m = HEADER.match(line)
        if m:
            cmd = m.group(1)
            cur = Section(cmd, kind_of(cmd), n)
            sections.append(cur)
            numbered.append([])
            continue
        if cur is None:
            pre.append((n, line))
        else:
            cur.texts.append(line)
            numbered[-1].append((n, line))
    return pre, sections, numbered


def test_sections_are_those_of_the_line_loop():
    rnd = random.Random(9)
    pieces = ["### ip -j addr", "### nft list ruleset", "###", "###x", "### ", "## x", " ### ss", "#", "a b",
              "\r", "\r\r", "", "###\tiptables-save  ", "\u2003", "### hostname\r", "x ### y", "\n", "\t"]  # fmt: skip
    for _ in range(20000):
        text = "\n".join(rnd.choice(pieces) + rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if rnd.random() < 0.3:
            text += "\n"
        got = split(text)
        pre, sections, numbered = _line_by_line(text)
        assert got == (pre, sections), repr(text)
        assert [sec.lines for sec in got[1]] == numbered, repr(text)  # (numbered on from the header)
        assert [sec.content_lines() for sec in got[1]] == [[(n, t) for n, t in ls if t.strip()] for ls in numbered]
        sliced = 0
        for sec in got[1]:
            assert sec.text() == "\n".join(t for _, t in sec.lines), repr(text)
            sliced += sec.span is not None
        assert sliced == (0 if "\r" in text else len(got[1]))
        # (the parser's count of the file's lines: those split numbered)
        assert len(got[0]) + sum(1 + len(sec.lines) for sec in got[1]) == text.count("\n") + 1


def test_a_line_without_a_blank_is_no_failure_and_the_others_are_the_patterns():
    rnd = random.Random(15)
    words = ["sh:", "sh: 1:", "/bin/sh:", "bash:", "nft:", "ip", "not found", "command not found", "Permission denied",
             "Operation not permitted", "No such file or directory", "denied", "Error:", "Could not", "iptables",
             "can't initialize", "netlink: Error", "NOT", "FOUND", "\u017f", "\u212a", "\u0131", "\u0130",
             "Permi\u017f\u017fion denied", "ERROR: ", "NOT FOUND", ":", " ", "  ", "\t", "\xa0",
             "\u2003", "x", '{"a":1}', "[", "]", ""]  # fmt: skip
    blanks = failures = 0
    for _ in range(60000):
        line = "".join(rnd.choice(words) + rnd.choice(("", "", " ", ":", "\t")) for _ in range(rnd.randint(0, 6)))
        line = line.strip()
        assert failure_line(line) == (_FAILED.search(line) is not None), repr(line)
        blanks += " " not in line
        failures += failure_line(line)
    assert blanks > 5000  # the test without the pattern was taken
    assert failures > 1000


def test_the_parsers_count_of_lines_is_the_newlines_counted():
    from netaudit.parsers import linux

    rnd = random.Random(16)
    pieces = ["### hostname", "gw", "### sysctl net.ipv4.ip_forward", "net.ipv4.ip_forward = 1", "###", "x", "",
              "\r", "### nft list ruleset", "table ip t {", "}", "### ss -Htlnu", " ### ss"]  # fmt: skip
    for _ in range(300):
        text = "\n".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) + rnd.choice(("", "\n", "\r\n"))
        lines = linux.parse(text, "gw.txt").report.lines
        assert lines == text.count("\n") + (0 if text.endswith("\n") else 1), repr(text)
