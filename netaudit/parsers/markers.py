"""Marker patterns searched fast in a megabyte of text (vendor detection, completeness).

Every file is shown to every vendor's ``detect()``, and to the unsupported-platform and
completeness checks, each a dozen ``^``-anchored patterns in multi-line mode over the
first megabyte.  Python's ``re`` tries such a pattern at every character: 5–15 ms a
pattern on 1 MB, 0.3–0.5 s a file in all.  A :class:`Marker` first looks for a string
every match must contain (``str.find``, 0.1–0.3 ms on 1 MB) and runs the pattern only
when that string occurs: the same answers, and on another vendor's file most patterns
never run.

Most markers are ``^``-anchored with a literal start (``^interface ``, ``^(system|security)
\\{``): such a match needs a line that starts with one of a few strings.  The first
:data:`HEAD_CHARS` characters of every line of a text, sorted and without repeats, are
taken once per text (:func:`_line_heads`, a few milliseconds a megabyte) and answer that
question by bisection for every marker; a ``str.find`` per needle is a pass over the
whole text (about 0.4 ms a megabyte), a hundred markers 40–50 ms on a 1 MB file that
holds the needles mid-line (issue #15, docs/performance.md).

The strings are read from the parsed pattern (literal runs at the top level, multiplied
out through groups of literal alternatives, every alternative of a group, the body of a
repeat that occurs at least once); a pattern without such a string of
:data:`MIN_NEEDLE` characters, or matched case-insensitively, is always run.  A pattern
that starts at a line start with a literal (``^interface ``) is also looked for as
``\ninterface ``: a literal start lets ``re`` jump from candidate to candidate.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from importlib import import_module
from typing import Any

_C: Any
_P: Any
try:  # the parser of the re module (private): without it every pattern is simply run
    _C = import_module("re._constants")
    _P = import_module("re._parser")
except ImportError:  # pragma: no cover - another Python
    _C = _P = None

MIN_NEEDLE = 3  # a shorter string is in nearly every file: looking for it saves nothing
_MAX_ALTS = 32  # alternatives a needle may have before it is not worth it
HEAD_CHARS = 24  # characters of each line kept in the line-start index


@lru_cache(maxsize=4)
def _parsed(pattern: str, flags: int) -> Any:
    """The parse of ``pattern`` by re's own parser (None where it fails): shared by the
    three readers of a marker's pattern, each of which asks for it in turn."""
    try:
        return _P.parse(pattern, flags)
    except Exception:  # pragma: no cover - a Python whose parser differs
        return None


def _alternatives(op: Any, av: Any) -> tuple[str, ...] | None:
    """The strings a purely literal atom matches (a character, a group or alternation
    of literal sequences), or None."""
    if op is _C.LITERAL:
        return (chr(av),)
    if op is _C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _sequence(sub)
    if op is _C.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            alts = _sequence(branch)
            if alts is None:
                return None
            out += alts
        return tuple(dict.fromkeys(out))
    return None


def _sequence(seq: Any) -> tuple[str, ...] | None:
    """The strings a sequence of purely literal atoms matches, or None."""
    acc: tuple[str, ...] = ("",)
    for op, av in seq:
        alts = _alternatives(op, av)
        if alts is None:
            return None
        acc = tuple(dict.fromkeys(x + y for x in acc for y in alts))
        if len(acc) > _MAX_ALTS:
            return None
    return acc


def _needles(seq: Any) -> tuple[str, ...] | None:
    """Strings one of which every match of the parsed sequence ``seq`` contains, the
    best found (the longest shortest member), or None.  Consecutive literal atoms
    multiply out (``^/(ip|interface) `` → ``/ip ``, ``/interface ``)."""
    best: tuple[str, ...] | None = None

    def offer(cands: tuple[str, ...] | None) -> None:
        nonlocal best
        if not cands or min(len(c) for c in cands) < MIN_NEEDLE:
            return
        # fewest strings first (each is a pass over the text), then the longest
        if best is None or (len(cands), -min(len(c) for c in cands)) < (len(best), -min(len(c) for c in best)):
            best = cands

    acc: tuple[str, ...] = ("",)
    for op, av in seq:
        alts = _alternatives(op, av)
        if alts is not None:
            if len(alts) > 1:
                offer(acc)  # the prefix alone: one string may beat many longer ones
            grown = tuple(dict.fromkeys(x + y for x in acc for y in alts))
            if len(grown) <= _MAX_ALTS:
                acc = grown
                continue
            offer(acc)
            acc = alts if len(alts) <= _MAX_ALTS else ("",)
            continue
        offer(acc)
        acc = ("",)
        if op is _C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:
                offer(_needles(av[3]))
        elif op is _C.BRANCH:
            each = [_needles(b) for b in av[1]]
            if all(each):
                offer(tuple(dict.fromkeys(n for a in each if a for n in a)))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            offer(_needles(av[2]))
    offer(acc)
    return best


def _literal_prefixes(seq: Any) -> tuple[str, ...] | None:
    """The strings one of which every match of the parsed sequence ``seq`` starts with,
    or None when some match may start otherwise: its leading literal atoms multiplied
    out, an optional literal (``x?``) both ways, and where the first atom that is not
    purely literal is a group or an alternation, the prefixes of each of its branches."""
    acc: tuple[str, ...] = ("",)
    for op, av in seq:
        alts = _alternatives(op, av)
        if alts is None and op is _C.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            inner = _sequence(av[2])  # "x?": without it, or with it
            alts = None if inner is None else ("", *inner)
        if alts is None:
            if op is _C.SUBPATTERN and not av[1] & re.IGNORECASE:
                branches: list[Any] = [av[3]]
            elif op is _C.BRANCH:
                branches = list(av[1])
            else:
                break
            if len(branches) == 1 and len(branches[0]) == 1 and branches[0][0][0] is _C.BRANCH:
                branches = list(branches[0][0][1][1])  # "(?:a|b)": the group holds the alternation
            heads = [_literal_prefixes(b) for b in branches]
            if all(heads):
                grown = tuple(dict.fromkeys(x + y for x in acc for h in heads if h for y in h))
                if len(grown) <= _MAX_ALTS:
                    acc = grown
            break
        grown = tuple(dict.fromkeys(x + y for x in acc for y in alts))
        if len(grown) > _MAX_ALTS:
            break
        acc = grown
    return None if "" in acc else acc


def line_starts_of(pattern: str, flags: int = 0) -> tuple[bool, tuple[str, ...]] | None:
    """For a ``^``-anchored pattern: (whether leading blanks are skipped, the strings one
    of which every matching line starts with), or None (not anchored, no literal start,
    case-insensitive).  ``^\\s*X`` and ``^[ \\t]+X`` are read as "the line, its leading
    blanks stripped, starts with X" (X starting with a character that is not blank)."""
    if _P is None or flags & re.IGNORECASE or not pattern.startswith("^"):
        return None
    parsed = _parsed(pattern, flags)
    try:
        if parsed is None or parsed.state.flags & re.IGNORECASE:
            return None
        data = list(parsed.data)
        if not data or data[0] != (_C.AT, _C.AT_BEGINNING):
            return None
        rest, stripped = data[1:], False
        if rest and rest[0][0] in (_C.MAX_REPEAT, _C.MIN_REPEAT) and _blank_only(rest[0][1][2]):
            rest, stripped = rest[1:], True
        starts = _literal_prefixes(rest)
        if starts is None or (stripped and any(s[0].isspace() for s in starts)):
            return None
        return stripped, starts
    except Exception:  # pragma: no cover - a Python whose parser differs: no index
        return None


def _blank_only(seq: Any) -> bool:
    """Whether the parsed sequence ``seq`` is one character class of blanks only
    (``\\s``, ``[ \\t]``): what ``str.lstrip`` removes."""
    if len(seq) != 1:
        return False
    op, av = seq[0]
    if op is _C.IN:
        return all(
            (o is _C.LITERAL and chr(a).isspace()) or (o is _C.CATEGORY and a is _C.CATEGORY_SPACE) for o, a in av
        )
    return op is _C.LITERAL and chr(av).isspace()


# The texts indexed last and their line heads, by whether leading blanks are stripped:
# every marker of every vendor asks about the same head of the same file in turn (and
# FortiOS about its first 4 KiB between them).
_indexed: list[tuple[str, bool, list[str]]] = []


def _line_heads(text: str, stripped: bool) -> list[str]:
    """The first :data:`HEAD_CHARS` characters of every line of ``text`` (its leading
    blanks stripped first if ``stripped``), sorted, once."""
    for seen, how, heads in _indexed:
        if seen is text and how == stripped:
            return heads
    lines = text.split("\n")
    if stripped:
        heads = sorted({line.lstrip()[:HEAD_CHARS] for line in lines})
    else:
        heads = sorted({line[:HEAD_CHARS] for line in lines})
    _indexed.insert(0, (text, stripped, heads))
    del _indexed[4:]
    return heads


def no_line_starts(text: str, stripped: bool, starts: tuple[str, ...]) -> bool:
    """Whether no line of ``text`` (leading blanks stripped if ``stripped``) starts with
    any of ``starts``."""
    heads = _line_heads(text, stripped)
    for start in starts:
        key = start[:HEAD_CHARS]
        i = bisect_left(heads, key)
        if i < len(heads) and heads[i].startswith(key):
            return False
    return True


def needles_of(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The strings one of which every match of ``pattern`` contains, or None when the
    pattern has none worth looking for (or is case-insensitive)."""
    if _P is None or flags & re.IGNORECASE:
        return None
    parsed = _parsed(pattern, flags)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    try:
        return _needles(parsed.data)
    except Exception:  # pragma: no cover - same
        return None


class Marker:
    """A pattern with the :class:`re.Pattern` methods detection uses (``search``,
    ``findall``, ``finditer``), run only where one of its needles occurs.  The pattern is
    compiled the first time it has to run: every vendor's markers are made when its
    package is imported, and on another vendor's file most never run (a hundred and more
    compilations were a tenth of a small audit's time: issue #15); its needles are read
    off the pattern at the first search the line-start index does not answer, and its
    line starts at its first search (on a RouterOS export a third of the markers are
    never asked: reading them was about 4 ms of every such audit, issue #15)."""

    __slots__ = ("_needles", "_needles_read", "_nl", "_nl_start", "_rx", "_starts", "_starts_read", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._rx: re.Pattern[str] | None = None
        self._nl: re.Pattern[str] | None = None
        self._needles: tuple[str, ...] | None = None
        self._needles_read = False
        self._starts: tuple[bool, tuple[str, ...]] | None = None
        self._starts_read = False
        self._nl_start: bool | None = None  # None: not read yet

    @property
    def starts(self) -> tuple[bool, tuple[str, ...]] | None:
        """:func:`line_starts_of` the pattern, read at the first use."""
        if not self._starts_read:
            self._starts, self._starts_read = line_starts_of(self.pattern, self.flags), True
        return self._starts

    @property
    def nl_start(self) -> bool:
        """Whether the pattern is ``^X`` (multi-line, X starting with a literal), looked for
        as ``\\nX``: a literal start lets re jump from candidate to candidate instead of
        trying every character; the match itself is then taken at that line start.  Read
        at the first use."""
        nl_start = self._nl_start
        if nl_start is None:
            nl_start = self._nl_start = _line_start_literal(self.pattern, self.flags)
        return nl_start

    @property
    def needles(self) -> tuple[str, ...] | None:
        """The strings one of which every match contains (:func:`needles_of`), or None —
        looked for the first time a search is not answered by the line-start index
        alone: on another vendor's file most markers' line starts are absent, and
        reading a pattern for its needles was a third of making a marker."""
        if not self._needles_read:
            needles = needles_of(self.pattern, self.flags)
            if self.nl_start and needles is not None and len(needles) > 1:
                needles = None  # one pass of the line-start search beats several finds
            self._needles, self._needles_read = needles, True
        return self._needles

    @property
    def rx(self) -> re.Pattern[str]:
        """The compiled pattern (compiled at the first use)."""
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern, self.flags)
        return rx

    @property
    def nl(self) -> re.Pattern[str] | None:
        """The pattern looked for after a newline (``^X`` as ``\nX``), None where the
        pattern does not start at a line start with a literal."""
        if not self.nl_start:
            return None
        nl = self._nl
        if nl is None:
            nl = self._nl = re.compile("\n" + self.pattern[1:], self.flags)
        return nl

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        # The index covers the whole text: a line start absent there is absent from any
        # part of it (a start present elsewhere only sends the search on).
        starts = self.starts
        if starts is not None and no_line_starts(text, *starts):
            return True
        needles = self.needles
        return needles is not None and all(text.find(n, pos, endpos) < 0 for n in needles)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._absent(text, pos, endpos):
            return None
        nl = self.nl
        if nl is None or pos > len(text):
            return self.rx.search(text, pos, endpos)
        rx = self.rx
        if pos == 0 or text[pos - 1] == "\n":  # a line starts at pos itself
            m = rx.match(text, pos, endpos)
            if m is not None:
                return m
        hit = nl.search(text, pos, endpos)
        return None if hit is None else rx.match(text, hit.start() + 1, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if self._absent(text, pos, endpos):
            return []
        return self.rx.findall(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._absent(text, pos, endpos):
            return iter(())
        return self.rx.finditer(text, pos, endpos)


def _line_start_literal(pattern: str, flags: int) -> bool:
    """``pattern`` is ``^`` (multi-line) then a literal character, with no other
    top-level alternative."""
    if _P is None or not flags & re.MULTILINE or not pattern.startswith("^"):
        return False
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return False
    data = parsed.data
    if not (len(data) >= 2 and data[0] == (_C.AT, _C.AT_BEGINNING) and data[1][0] is _C.LITERAL):
        return False
    # no other top-level alternative: "^ab|^ac" parses as ^a(b|c) yet "\n" + its text
    # would keep the second "^".  Without one, "\n" + the rest parses as the same
    # sequence; a verbose pattern (comments, blanks) is parsed again and compared as
    # text (the parsed groups have no equality of their own).
    if not flags & re.VERBOSE:
        return not _top_level_bar(pattern)
    return repr(list(_P.parse("\n" + pattern[1:], flags).data)) == repr([(_C.LITERAL, 10), *data[1:]])


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` (not verbose) has a ``|`` outside every group and character
    class: an alternative of the whole pattern."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2  # an escaped character, whatever it is
            continue
        if c == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1  # a "]" first in a class is itself
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def marker(pattern: str, flags: int = re.MULTILINE) -> Marker:
    """A :class:`Marker` (multi-line by default: markers are written at line starts)."""
    return Marker(pattern, flags)
