"""A Linux device file → its sections, each opened by a ``### <the command>`` line.

The collection one-liner (docs/vendors/linux.md) runs one command per section and
writes ``### <command>`` before its output.  :func:`split` finds the sections with the
line numbers of their lines; :func:`kind_of` says which reader a command's output is
for (``addr``, ``route``, ``rule``, ``nft``, ``iptables``, ``bridge_vlan``,
``sysctl``, ``ss``, ``hostname``) or None for a command netaudit does not read.
Sections may come in any order; a command given twice is read once (the first) and
the second is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

HEADER = re.compile(r"^###[ \t]+(\S.*?)\s*$")

# Output a shell writes when the command itself failed: the section holds no data.
_FAILED = re.compile(
    r"^(?:sh: \d+: |/bin/sh: |bash: )?\S*:? ?(?:not found|command not found|Permission denied"
    r"|Operation not permitted|No such file or directory)|^(?:sh|bash): .*(?:not found|denied)"
    r"|^Error: |^Could not |^iptables.*: (?:Permission denied|can't initialize)|^netlink: Error",
    re.I,
)


def failure_line(line: str) -> bool:
    """Whether a (stripped) line is what a shell writes when the command failed
    (:data:`_FAILED`).  Every alternative of the pattern holds a blank, which ``re.I``
    matches to a blank alone: a line without one is no such message, told without the
    pattern (whose ``\\S*`` runs along a one-line ``ip -j`` JSON array and back, 1.2 ms
    for a 20,000-character array; tests/parsers/linux/test_sections_split.py)."""
    return " " in line and _FAILED.search(line) is not None


@dataclass
class Section:
    """One ``### command`` block: its command, kind and its lines' texts (numbered on
    from the line after the header: :attr:`lines` pairs them with their numbers)."""

    command: str
    kind: str | None
    header_line: int
    # The body's lines, in order (read, never changed: :attr:`lines` is made of them once).
    # (Texts, not pairs: the nft front end reads a big ruleset's 20,000 lines by their
    # number counted from the first, without a pair per line to make, keep and free.)
    texts: list[str] = field(default_factory=list)
    # (the file's text, start, end): where the body stands in it, set by split when that
    # slice is the lines joined (a text without "\r", which split strips from its lines).
    span: tuple[str, int, int] | None = field(default=None, compare=False, repr=False)

    def text(self) -> str:
        """The section's body as one string (newlines kept)."""
        if self.span is not None:  # (a slice: 0.06 ms for a 20,000-line ruleset, the join 0.5–0.9)
            whole, start, end = self.span
            return whole[start:end]
        return "\n".join(self.texts)

    @property
    def first_line(self) -> int:
        """The number of the body's first line (the one after the header)."""
        return self.header_line + 1

    @cached_property
    def lines(self) -> list[tuple[int, str]]:
        """The body's lines ``(number, text)``, numbered on from the header's."""
        return list(enumerate(self.texts, self.first_line))

    def content_lines(self) -> list[tuple[int, str]]:
        """The body without blank lines."""
        return [(n, t) for n, t in enumerate(self.texts, self.first_line) if t.strip()]

    def failed(self) -> str | None:
        """The error line when the command failed (not installed, not root …), else None."""
        body: list[tuple[int, str]] = []
        # (a failure is a few lines: a big section is not read whole)
        for n, t in enumerate(self.texts, self.first_line):
            if t.strip():
                body.append((n, t))
                if len(body) > 3:
                    return None
        if body and all(failure_line(t.strip()) for _, t in body):
            return body[0][1].strip()
        return None


_IP_OBJECTS = {
    "a": "addr",
    "ad": "addr",
    "add": "addr",
    "addr": "addr",
    "addre": "addr",
    "address": "addr",
    "r": "route",
    "ro": "route",
    "rou": "route",
    "route": "route",
    "ru": "rule",
    "rul": "rule",
    "rule": "rule",
}


def kind_of(command: str) -> str | None:
    """The reader for the output of ``command``, or None when netaudit does not read it."""
    words = command.replace("sudo ", "").split()
    if not words:
        return None
    head = words[0].rsplit("/", 1)[-1]
    args = [w for w in words[1:] if not w.startswith("-")]
    if head in ("hostname", "uname") and (head == "hostname" or "-n" in words):
        return "hostname"
    if head == "cat" and args and args[0] == "/etc/hostname":
        return "hostname"
    if head == "ip" and args:
        obj = _IP_OBJECTS.get(args[0])
        # ``ip -4 …``/``-j``/``-p``/``-d`` options are fine; ``ip -6 …`` is not IPv4.
        if obj and "-6" not in words:
            return obj
        return None
    if head == "nft" and args[:2] == ["list", "ruleset"]:
        return "nft"
    if head in ("iptables-save", "iptables-legacy-save", "iptables-nft-save"):
        return "iptables"
    if head == "bridge" and args[:1] == ["vlan"]:
        return "bridge_vlan"
    if head == "sysctl":
        return "sysctl"
    if head == "ss":
        return "ss"
    return None


def split(text: str) -> tuple[list[tuple[int, str]], list[Section]]:
    """``(lines before the first header, sections)``; line numbers are 1-based."""
    lines = text.split("\n")
    crlf = "\r" in text
    if crlf:
        lines = [line.rstrip("\r") for line in lines]
    # Only a line beginning with ``###`` may be a header: those are found by searching
    # the text, and every other line is paired with its number in bulk (a Python loop
    # over the 20,000 lines of a big ruleset cost more than reading them).
    heads = [(r, at, m.group(1)) for r, at in _rows_starting_hashes(text, lines) if (m := HEADER.match(lines[r]))]
    bounds = [r for r, _, _ in heads] + [len(lines)]  # each section ends where the next begins
    # (in the text: its body ends at the newline before the next header's offset)
    offsets = [at for _, at, _ in heads] + [len(text) + 1]
    pre = list(zip(range(1, bounds[0] + 1), lines[: bounds[0]], strict=True))
    sections = []
    for (r, at, cmd), end, next_at in zip(heads, bounds[1:], offsets[1:], strict=True):
        sec = Section(cmd, kind_of(cmd), r + 1, lines[r + 1 : end])
        if not crlf:
            nl = text.find("\n", at)  # the body begins after its header's newline
            sec.span = (text, len(text) if nl < 0 else nl + 1, next_at - 1)
        sections.append(sec)
    return pre, sections


def _rows_starting_hashes(text: str, lines: list[str]) -> list[tuple[int, int]]:
    """The 0-based numbers and the offsets of the lines of ``text`` that begin with
    ``###``; ``lines``: its lines as :func:`split` made them (``"\\r"`` stripped)."""
    rows = [(0, 0)] if text.startswith("###") else []
    row = 0
    k = text.find("\n###")
    while k >= 0:
        at = k + 1
        end = text.find("\n", at)
        line = (text[at:] if end < 0 else text[at:end]).rstrip("\r")
        # Its number: where the line stands in ``lines`` after the last one found (no line
        # between them begins with ``###``, so none equals it): a C pass over the list,
        # cheaper than counting the text's newlines up to it (0.9 against 1.2 ms for a
        # 20,000-line file, the search included).
        row = lines.index(line, row + 1)
        rows.append((row, at))
        k = text.find("\n###", at)
    return rows


def headers(text: str) -> list[str]:
    """The commands of the ``###`` headers of ``text`` (detection)."""
    return [m.group(1) for m in re.finditer(r"^###[ \t]+(\S[^\r\n]*)", text, re.M)]
