"""``iproute.element_texts`` (strings skipped by a pattern) against the character loop it
replaced, on random text: the same elements, lines and texts."""

from __future__ import annotations

import random

from netaudit.parsers.linux.iproute import element_texts


def _by_characters(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The reference: every character read in turn (the reader before the pattern)."""
    out: list[tuple[int, str]] = []
    depth = 0
    in_str = esc = False
    start = 0
    parts: list[str] = []
    for n, text in lines:
        begin = 0
        for col, ch in enumerate(text):
            if in_str:
                if esc:
                    esc = False
                elif ch == "\\":
                    esc = True
                elif ch == '"':
                    in_str = False
                continue
            if ch == '"':
                in_str = True
            elif ch in "[{":
                if depth == 1 and ch == "{":
                    start, begin, parts = n, col, []
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 1 and ch == "}":
                    parts.append(text[begin : col + 1].strip())
                    out.append((start, " ".join(p for p in parts if p)))
                    parts = []
        if depth >= 2:
            parts.append(text[begin:].strip())
    return out


def test_elements_are_those_of_the_character_loop():
    rnd = random.Random(15)
    alphabet = [
        "[",
        "]",
        "{",
        "}",
        '"',
        "\\",
        " ",
        "\t",
        "a",
        ":",
        ",",
        "\n",
        '"x{"',
        '\\"',
        "é",
        "\u2003",
        '{"k":"v"}',
    ]
    checked = 0
    for _ in range(30000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        if rnd.random() < 0.5:
            text = "[" + text
        lines = list(enumerate(text.split("\n"), start=3))
        assert element_texts(lines) == _by_characters(lines), repr(text)
        checked += bool(_by_characters(lines))
    assert checked > 1000  # texts with elements, not only empty results


def test_a_compact_dump_and_a_pretty_one():
    compact = [(7, '[{"ifname":"lo","x":"]{"},{"ifname":"wan0","s":"a\\"}b"}]')]
    assert element_texts(compact) == [(7, '{"ifname":"lo","x":"]{"}'), (7, '{"ifname":"wan0","s":"a\\"}b"}')]
    pretty = [
        (1, "["),
        (2, "  {"),
        (3, '    "ifname": "lo"'),
        (4, "  },"),
        (5, "  {"),
        (6, '    "ifname": "a'),
        (7, '}"'),
        (8, "  }"),
        (9, "]"),
    ]
    assert element_texts(pretty) == _by_characters(pretty)
    assert element_texts(pretty)[1] == (5, '{ "ifname": "a }" }')
