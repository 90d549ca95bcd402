"""What parse_iptables_save reads of the whole dump before its rules (NOTRACK rules,
sets changed at run time) is what splitting every line gives: its scan splits only the
lines whose text, with quotes and backslashes taken out, shows one of the words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

import netaudit.parsers.linux.iptables as iptables
from netaudit.parsers.linux.iptables_matches import tokenize

IFACES = frozenset({"lo", "eth0"})

# Words and pieces of words: the names the scan looks for, spelt plainly, through quotes
# and escapes, cut in two, or near misses; and the quotes, escapes and blanks around them.
PIECES = [
    "NOTRACK",
    'NO"TRACK"',
    '"NOTRACK"',
    'N"O"TRACK',
    "NOT\\RACK",
    '"NOT\\RACK"',
    "--notrack",
    '"--notrack"',
    '-"-notr"ack',
    "--add-set",
    '"--add-set"',
    '--add"-set"',
    '"--del\\-set"',
    "--del-set",
    "--map-set",
    '--map-"set',
    "-set",
    "-j",
    "CT",
    "myset",
    "src",
    "-A",
    "INPUT",
    '"a b"',
    '"',
    "\\",
    '\\"',
    "x",
    "-m comment --comment",
]
SEPS = [" ", "", "\t", "  "]


def _reference(lines: list[tuple[int, str]]) -> tuple[bool, set[str]]:
    """NOTRACK and the changed sets, from every line split."""
    notrack, dynamic = False, set()
    for _, text in lines:
        w = tokenize(text)
        if w is None:
            continue
        notrack = notrack or "NOTRACK" in w or "--notrack" in w
        for i, t in enumerate(w):
            if t in ("--add-set", "--del-set", "--map-set") and i + 1 < len(w):
                dynamic.add(w[i + 1])
    return notrack, dynamic


def _scanned(lines: list[tuple[int, str]]) -> tuple[bool, set[str]]:
    """NOTRACK and the changed sets, as parse_iptables_save gives them to its MatchContext."""
    seen = []
    real = iptables.MatchContext

    def recording(ifaces, sets, dynamic, local, notrack, **kw):
        seen.append((notrack, set(dynamic)))
        return real(ifaces, sets, dynamic, local, notrack, **kw)

    iptables.MatchContext = recording  # (hypothesis runs a test's body many times: no fixture)
    try:
        iptables.parse_iptables_save(lines, "gw.txt", IFACES)
    finally:
        iptables.MatchContext = real
    assert len(seen) == 1
    return seen[0]


line_text = hs.lists(hs.tuples(hs.sampled_from(PIECES), hs.sampled_from(SEPS)), max_size=8).map(
    lambda parts: "-A INPUT " + "".join(p + s for p, s in parts)
)


@settings(max_examples=400, deadline=None)
@given(hs.lists(line_text, min_size=1, max_size=6))
def test_the_scan_before_the_rules_finds_what_every_line_split_finds(texts):
    lines = [(1, "*raw"), *((n, t) for n, t in enumerate(texts, start=2)), (len(texts) + 2, "COMMIT")]
    assert _scanned(lines) == _reference(lines)


def test_the_words_are_found_through_quotes():
    """The comparison above means something: names spelt through quotes and escapes are found."""
    for text, expect in [
        ('-A PREROUTING -j NO"TRACK"', (True, set())),
        ('-A PREROUTING -j "NOT\\RACK"', (True, set())),
        ('-A PREROUTING -j CT -"-notr"ack', (True, set())),
        ('-A INPUT -j SET --add"-set" "my set" src', (False, {"my set"})),
        ('-A INPUT -m comment --comment "NOTRACK is not here" -j ACCEPT', (False, set())),
    ]:
        lines = [(1, "*raw"), (2, text), (3, "COMMIT")]
        assert _reference(lines) == expect, text
        assert _scanned(lines) == expect, text
