"""Linux routers (iproute2 + nftables / iptables) → one :class:`Device` per file.

The registry API (:mod:`netaudit.parsers`): :data:`VENDOR`, :func:`detect`,
:func:`parse`, :func:`incomplete`.  A device file is the output of the collection
one-liner of docs/vendors/linux.md: sections opened by ``### <the command>``
(``ip -j addr``, ``ip -j route show table all``, ``ip -j rule``, ``nft list ruleset``,
``iptables-save``, ``bridge -j vlan``, ``sysctl …``, ``ss -Htlnup``, ``hostname``).
What each becomes, what is partial and the code layout: docs/vendors/linux.md.
"""

from __future__ import annotations

import re

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "linux"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_WINDOW = 1 << 20
_HEADERS = marker(
    r"^###[ \t]+(?:sudo +)?(?:ip (?:-\S+ +)*(?:a|addr|address|r|ro|route|ru|rule)\b|nft +list +ruleset"
    r"|iptables(?:-legacy|-nft)?-save|bridge (?:-\S+ +)*vlan|ss +-|sysctl |hostname\s*$)",
)
_IPJSON = marker(r'^\[\{"ifindex":\d+,|"addr_info":\[|^table (?:inet|ip|ip6|bridge|netdev) \S+ \{$')


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Linux device dump (``### command`` sections)."""
    head = text[:_WINDOW]
    hits = len({m.group(0).split()[1] for m in _HEADERS.finditer(head)})
    if not hits:
        return 0
    score = 40 + 15 * min(hits, 3)
    if _IPJSON.search(head):
        score += 10
    return min(score, 95)


def parse(text: str, file: str) -> ParseResult:
    """Parse one Linux device dump into one Device and its ParseReport (never raises on
    content: what is not understood is listed with its line number)."""
    from .parser import LinuxParser  # loaded on the first Linux file only

    return parse_without_gc(LinuxParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the dump is visibly cut short: a JSON section that does
    not parse, or an ``nft`` table whose braces are not closed."""
    for w in result.report.warnings:
        m = re.match(r"line (\d+): '([^']+)' JSON is damaged or cut short", w)
        if m:
            return int(m.group(1)), f"'{m.group(2)}' is cut short or damaged (JSON does not parse)"
    depth = 0
    last = 0
    in_nft = False
    for n, line in enumerate(text.split("\n"), start=1):
        s = line.strip()
        if s.startswith("### "):
            if in_nft and depth > 0:
                return last, "'nft list ruleset' is cut short (a table is not closed)"
            in_nft = s[4:].strip().startswith(("nft list ruleset", "sudo nft list ruleset"))
            depth = 0
            continue
        if in_nft and s and not s.startswith("#"):
            depth += s.count("{") - s.count("}")
            last = n
    if in_nft and depth > 0:
        return last, "'nft list ruleset' is cut short (a table is not closed)"
    return None
