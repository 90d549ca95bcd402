"""Ruijie RGOS configuration parser (RG-S switches, RG-RSR routers, RG-EG gateways,
RG-WS/AC wireless controllers) → one :class:`~netaudit.model.Device`
(docs/vendors/ruijie_rgos.md).

RGOS's CLI copies Cisco IOS's, and read as IOS a Ruijie file gave a false "blocked"
(an ACL out on an SVI, whose meaning on RGOS differs).  This package reads it with the
IOS readers where Ruijie's own documentation gives a construct the same meaning, and
overrides or marks partial what differs or is not established: each rule and the
document it comes from are in docs/vendors/ruijie_rgos.md.

Code layout: :mod:`.syntax` (markers and keyword tables), :mod:`.parser` (the parser
class on :class:`~netaudit.parsers.cisco_ios.parser.IosParser`, its dispatch tables),
the readers :mod:`.interfaces` (names with a space, ``AggregatePort``, ``port-group``,
``vlan range``, trunk ``only``), :mod:`.acls` (``expert access-list``, global ACLs, where
an ``ip access-group`` is read and where it is partial), :mod:`.management` (``enable
service …``, ``webmaster``, ``ip http`` ports, SNMP community types), :mod:`.wireless`
(``wlan-config``, ``ap-group`` mappings, web authentication, 802.1X), then
:mod:`.convert` (the RGOS rules applied once the file is read) and :mod:`.facts`.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "ruijie_rgos"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20  # markers are near the top; never scan 50 MB for them

# Lines only RGOS writes (its `show running-config` / saved config.text).
_RUIJIE_MARKERS = (
    marker(r"^version (?:\S+_)?RGOS \d"),
    marker(r"^nfpp\s*$"),
    marker(r"^enable service (?:ssh-server|telnet-server|web-server|snmp-agent)\b"),
    marker(r"^install \d+ \S+"),
    marker(r"^webmaster level \d"),
    marker(r"^interface (?:AggregatePort|VLAN) \d"),
    marker(r"^ port-group \d"),
    marker(r"^sysmac [0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\s*$"),
)
# RGOS writes a space between a port's type and its number (`GigabitEthernet 0/1`);
# IOS's running configuration never does.  Alone (two such ports) it names RGOS only
# where the IOS parser would claim the file at all.
_SPACED_PORT = marker(r"^interface (?:FastEthernet|GigabitEthernet|TenGigabitEthernet|Ethernet) \d+/\d+")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Ruijie RGOS configuration: above the IOS
    parser's best (98) on a file with RGOS's own lines, 0 otherwise."""
    head = text[:_DETECT_WINDOW]
    if any(rx.search(head) for rx in _RUIJIE_MARKERS):
        return 99
    if len(_SPACED_PORT.findall(head)) >= 2:
        from netaudit.parsers import cisco_ios

        if cisco_ios.detect(head) > 0:
            return 99
    return 0


def parse(text: str, file: str) -> ParseResult:
    """Parse one RGOS config into one Device and its ParseReport (never raises on
    content: what is not understood is listed unrecognized, what is understood only in
    part is partial)."""
    from netaudit.parsers.ruijie_rgos.parser import RuijieParser

    return parse_without_gc(RuijieParser, text, file)


# How an RGOS configuration begins when it has no `Building configuration...` header
# (the saved config.text, a capture without the header): its version line.
_RGOS_START = marker(r"^version (?:\S+_)?RGOS \d")


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the file was cut short: RGOS ends ``show running-config``
    with ``end`` after the ``Building configuration...`` header, as IOS does
    (:mod:`netaudit.parsers.completeness`), and its saved ``config.text`` too, which
    begins with the RGOS version line instead of that header — IOS's check alone let such
    a file cut short (an ACL cut before its permits: a "blocked" on half a list) pass."""
    from netaudit.parsers import completeness

    found = completeness.ios(text, result.report.warnings)
    if found is not None or completeness.IOS_HEADER.search(text, 0, 1 << 16):
        return found
    return completeness.cisco_end(text, header=_RGOS_START, end=completeness.IOS_END, comment="!", end_word="end")
