"""Command tails cut into properties (:mod:`~netaudit.parsers.mikrotik_routeros.syntax`):
the regex-free reading of plain tails gives what the token regex gives."""

from __future__ import annotations

import itertools
import random

from netaudit.parsers.mikrotik_routeros.syntax import (
    _GLUED_MENU,
    _continues,
    logical_lines,
    physical_lines,
    plain_words,
    read_words,
    split_args,
    split_tokens,
)


def test_a_quoted_comment_is_one_value_without_the_regex():
    tail = 'action=accept chain=forward comment="Rule 7 cho phong ke toan" dst-port=443 disabled=no'
    words = plain_words(tail)
    assert words is not None
    props, bare, find = read_words(words)
    assert props["comment"] == '"Rule 7 cho phong ke toan"'
    assert props["dst-port"] == "443" and props["disabled"] == "no"
    assert (props, bare, find) == split_tokens(tail) == split_args(tail)


def test_quotes_anywhere_else_are_left_to_the_token_regex():
    for tail in (
        'ether1 "stray quoted words"',  # a quoted string of its own
        'comment="a"name=x',  # a value glued after the closing quote
        '="no key" x=1',  # "=" and no key before the quote
        'comment="left open',
        'name=a"b c"',  # a quote inside a value
    ):
        assert plain_words(tail) is None, tail
        assert split_args(tail) == split_tokens(tail)


def test_plain_words_agree_with_the_token_regex_on_random_tails():
    rnd = random.Random(15)
    pieces = ["a", "b", "x.", "=", '"', " ", "\t", "\u00a0", "!", "-", "c=", '="', '" ', " .d=", "=="]
    answered = quoted = 0
    for _ in range(60_000):
        tail = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        words = plain_words(tail)
        if words is None:
            continue
        answered += 1
        quoted += '"' in tail
        assert read_words(words) == split_tokens(tail), tail
    assert answered > 20_000 and quoted > 2_000  # both kinds of tail were compared


def test_repeated_words_read_as_the_token_regex_reads_them():
    # read_words keeps the words of REPEATING_VALUES' keys it has split (syntax.
    # _REPEATED_WORDS): a word met again, whatever came before it, is read as the regex
    # reads the tail — the dict's last value for a repeated key, dotted and bare words,
    # a leading "=", an empty value or a second "=", quoted values, and more words than
    # the memo holds (it starts over).
    from netaudit.parsers.mikrotik_routeros import syntax

    rnd = random.Random(16)
    keys = ["chain", "action", "protocol", "in-interface-list", "list", "interface", "comment", "dst-address"]
    keys += ["x.y", ".z", ".protocol", "a.chain"]  # dotted (v7): never kept
    values = ["forward", "accept", "tcp", "LAN", "", "=", "a=b", '"q"', '"two words"', "!WAN", "10.0.0.1"]
    extra = ["bare", "=chain=input", "==", "chain", "action=", "=action=drop"]
    syntax._REPEATED_WORDS.clear()
    hits = 0
    for n in range(30_000):
        words = [
            rnd.choice(extra) if rnd.random() < 0.1 else f"{rnd.choice(keys)}={rnd.choice(values)}"
            for _ in range(rnd.randint(0, 7))
        ]
        if n % 3 == 0:  # a value of its own (a distinct interface or list name)
            words.append(f"in-interface=ether{n}")
        tail = " ".join(words)
        cut = plain_words(tail)  # (None: a quote where plain_words leaves it to the regex)
        if cut is None:
            continue
        hits += sum(w in syntax._REPEATED_WORDS for w in cut)
        assert read_words(cut) == split_tokens(tail), tail
    assert hits > 30_000 and len(syntax._REPEATED_WORDS) <= 4096


def test_physical_lines_are_counted_as_the_split_text_has_them():
    # ParseReport.lines: the lines of text.split("\n"), a last empty one (the final
    # newline) not counted — counted from the reader's own split (physical_lines).
    for n in range(7):
        for chars in itertools.product(["a", "\n", "\r", " "], repeat=n):
            text = "".join(chars)
            lines = text.split("\n")
            assert len(physical_lines(text)) == len(lines) - (lines[-1] == ""), repr(text)
            assert list(logical_lines(text, physical_lines(text))) == list(logical_lines(text)), repr(text)


def _logical_lines_two_generators(text: str):
    """``logical_lines`` as it was before its two generators became one (the reference)."""

    def joined(text: str):
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        n = len(lines)
        i = 0
        while i < n:
            raw = lines[i].rstrip("\r")
            start = i
            if raw.endswith("\\") and _continues(raw):
                parts = [raw[:-1]]
                i += 1
                while i < n:
                    nxt = lines[i].rstrip("\r").lstrip()
                    if nxt.endswith("\\") and _continues(nxt):
                        parts.append(nxt[:-1])
                        i += 1
                        continue
                    parts.append(nxt)
                    i += 1
                    break
                yield start + 1, i - start, "".join(parts).strip()
                continue
            i += 1
            yield start + 1, 1, raw.strip()

    for start, count, line in joined(text):
        glued = _GLUED_MENU.search(line) if '"/' in line else None
        if glued is not None and line.count('"') % 2 == 0:
            yield start, count, line[: glued.start()].rstrip()
            yield start, 0, glued.group(1)
        else:
            yield start, count, line


def test_logical_lines_agree_with_the_two_generator_reading_on_random_texts():
    # Backslashes (escaped, at the end, before blanks or a CR), CRs, odd whitespace,
    # indented continuations, glued menu headers after a quote, empty lines and texts.
    rnd = random.Random(16)
    pieces = [
        "a", "add x=1", "\\", "\\\\", "\\ ", "\r", "\n", "\n", "\n", " ", "\t", "\x0c", "\u00a0",
        '"', 'c="v"', '"/ip firewall nat', "/ip address", '"/x', "    ", "#",
    ]  # fmt: skip
    continued = glued = physical = 0
    for _ in range(30_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        got = list(logical_lines(text))
        assert got == list(_logical_lines_two_generators(text)), repr(text)
        continued += any(n > 1 for _, n, _ in got)
        glued += any(n == 0 for _, n, _ in got)
        # (a text without a backslash or '"/' is read as its physical lines at once)
        physical += "\\" not in text and '"/' not in text and len(got) > 1
    assert continued > 1000 and glued > 100 and physical > 1000  # every branch was exercised
