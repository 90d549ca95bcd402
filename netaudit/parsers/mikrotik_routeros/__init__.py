"""MikroTik RouterOS (v6 / v7 ``/export``, ``verbose``, ``terse``) → one :class:`Device`.

The registry API (:mod:`netaudit.parsers`): :data:`VENDOR`, :func:`detect`,
:func:`parse`, :func:`incomplete`.  How an export is read and what each RouterOS
construct becomes: docs/vendors/mikrotik_routeros.md (its "Code layout" lists the
modules of this package).

Reading (:mod:`.syntax`, :mod:`.reader`, the ``*_menus`` handlers) only records what
the lines say into a :class:`~.state.State`; the conversion (:mod:`.parser`, in order)
resolves names, interface and address lists, jumps, NAT images and the defaults by
version.  Version-dependent defaults: bridge port ``ingress-filtering`` (v6 no, v7
yes), ``/ip dhcp-server add`` / ``/ip dhcp-client add`` ``disabled`` (v6 yes, v7 no);
without a version header the more permissive value is assumed.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "mikrotik_routeros"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20
_HEADER = marker(r"^#.{0,80}\bby RouterOS \d+\.\d+")
_MENU = marker(r"^/(?:interface|ip|system|routing|tool|snmp|user|ipv6|queue|ppp)\b")
_ADD = marker(r"^(?:add|set) \S+=")
_FIND = marker(r"\[ find (?:default-name|default|name)=")
_SOFT = marker(r"^# (?:software id|model|serial number) = ")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a RouterOS export."""
    head = text[:_DETECT_WINDOW]
    score = 0
    if _HEADER.search(head):
        score += 60
    menus = len(_MENU.findall(head, 0, 200_000))
    if menus:
        score += 40 + min(5 * menus, 30)
    else:
        return min(score, 30)
    if _ADD.search(head):
        score += 15
    if _FIND.search(head):
        score += 10
    if _SOFT.search(head):
        score += 10
    return min(score, 99)


def parse(text: str, file: str) -> ParseResult:
    """Parse one RouterOS export into one Device and its ParseReport (never raises on
    content: what is not understood is listed with its line number)."""
    # Loaded here, not at import: detection imports every vendor package, and only a
    # file of this vendor needs its parser.
    from .parser import RouterOSParser

    return parse_without_gc(RouterOSParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the export's last command is visibly cut, else None
    (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness

    return completeness.routeros(text, {s.line for s in result.report.unrecognized[-3:]})
