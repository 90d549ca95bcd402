"""``iproute.element_texts`` (strings skipped by a pattern) against the character loop it
replaced, on random text: the same elements, lines and texts; ``iproute.compact_array``
(a one-line dump read element by element) against ``json.loads`` and ``element_texts``."""

from __future__ import annotations

import json
import random

from netaudit.parsers.linux.iproute import compact_array, element_texts


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


def _value(rnd: random.Random, depth: int = 0):
    """A random JSON value: objects and arrays (nested), strings holding the characters
    element_texts looks at (brackets, quotes, backslashes), numbers, constants."""
    pick = rnd.random()
    if depth < 3 and pick < 0.35:
        return {
            rnd.choice(["ifname", "a{", 'q"', "]", "\\", "é"]) + str(k): _value(rnd, depth + 1)
            for k in range(rnd.randint(0, 3))
        }
    if depth < 3 and pick < 0.5:
        return [_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]
    if pick < 0.8:
        return "".join(
            rnd.choice(['"', "\\", "{", "}", "[", "]", ",", ":", " ", "x", "é", "\u2028", "\t"])
            for _ in range(rnd.randint(0, 6))
        )
    return rnd.choice([0, -1, 3.5, 1e300, True, False, None, 12345678901234567890])


def _blank(rnd: random.Random) -> str:
    return "".join(rnd.choice(["", "", " ", "\t", "\r", "\xa0", "\u2003"]) for _ in range(rnd.randint(0, 2)))


def _one_line(rnd: random.Random, elems: list) -> str:
    """The array on one line: compact, json.dumps' blanks, or random blanks (JSON's and
    others) between tokens, now and then damaged (cut, a comma or bracket more or less,
    something after it)."""
    style = rnd.random()
    if style < 0.3:
        text = json.dumps(elems, separators=(",", ":"), ensure_ascii=rnd.random() < 0.5)
    elif style < 0.5:
        text = json.dumps(elems)
    else:
        b = _blank
        inner = (b(rnd) + "," + b(rnd)).join(json.dumps(e, ensure_ascii=False) for e in elems)
        text = b(rnd) + "[" + b(rnd) + inner + b(rnd) + "]" + b(rnd)
    damage = rnd.random()
    if damage < 0.1 and text:
        text = text[: rnd.randrange(len(text))]
    elif damage < 0.15:
        text = text.replace(",", ",,", 1)
    elif damage < 0.2:
        text += rnd.choice(["]", ",", "x", "[]", " ", "\t"])
    elif damage < 0.25:
        text = text.replace("[", "", 1)
    elif damage < 0.3:
        text = rnd.choice(["{}", '"[]"', "1", "", " ", "[,]", "[1,]", "[1 2]"])
    return text


def test_a_one_line_array_read_by_elements_is_what_json_and_element_texts_read():
    rnd = random.Random(2026120706)
    taken = refused = 0
    for _ in range(20000):
        elems = [_value(rnd) for _ in range(rnd.randint(0, 4))]
        text = _one_line(rnd, elems)
        got = compact_array(text)
        try:
            data = json.loads(text)
        except ValueError:
            assert got is None, repr(text)  # the general path says why
            refused += 1
            continue
        if not isinstance(data, list):
            assert got is None, repr(text)
            continue
        assert got is not None, repr(text)  # every well-formed array takes the quick path
        assert got == (data, [t for _, t in element_texts([(4, text)])]), repr(text)
        assert repr(got[0]) == repr(data)  # (the same values: -0.0, key order, types)
        taken += 1
    assert taken > 5000 and refused > 1000
