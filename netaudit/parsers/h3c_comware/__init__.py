"""H3C Comware configuration parser (S5130/S5560 switches, MSR routers, SecPath firewalls;
Comware V7, and V5 where it writes the same) → one :class:`~netaudit.model.Device`
(docs/vendors/h3c_comware.md).

How it reads a config
---------------------
``display current-configuration`` (and a saved ``startup.cfg``) has Huawei VRP's
skeleton: ``#`` separators, one-line globals indented by one space, blocks opened at
column 0 (``interface``, ``acl``, ``line vty``, ``local-user``, ``security-zone`` …),
``undo`` as the negation, ``return`` at the end.  The parser is VRP's line machinery and
its readers where H3C documents the same meaning, with Comware's own tables (a VRP word
Comware does not write is unrecognized here) and Comware's readers for what differs.

Code layout: :mod:`.parser` (the parser class, banners, secrets, the dispatch tables),
:mod:`.syntax` (keyword lists, names), the readers :mod:`.interfaces`, :mod:`.acls`,
:mod:`.nat`, :mod:`.management`, :mod:`.zones`, then :mod:`.convert` and :mod:`.facts`.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "h3c_comware"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20  # markers are near the top; never scan 50 MB for them

# Words only Comware writes (VRP writes `Vlanif`, `port default vlan`, `port trunk
# allow-pass`, `user-interface`, `stelnet`; Cisco `hostname`, `switchport`).
_COMWARE_MARKERS = [
    (marker(r"^ ?version \d+\.\d+\.\d+, (?:Release|ESS|Alpha|Beta) \d"), 60),  # V7
    (marker(r"^ ?version \d+\.\d+, (?:Release|ESS|Alpha|Beta|Feature) \d"), 60),  # V5
    (marker(r"^interface Vlan-interface\d+"), 40),
    (marker(r"^ port link-mode (?:bridge|route)\s*$"), 40),
    (marker(r"^ port access vlan \d"), 40),
    (marker(r"^ port trunk permit vlan "), 40),
    (marker(r"^ port hybrid vlan [\d ]+(?:to [\d ]+)*(?:un)?tagged"), 40),
    (marker(r"^line (?:vty|class|aux|con) "), 30),
    (marker(r"^interface (?:Bridge-Aggregation|Route-Aggregation|Ten-GigabitEthernet|M-GigabitEthernet)\d"), 30),
    (marker(r"^security-zone name \S+"), 40),
    (marker(r"^zone-pair security source \S+ destination \S+"), 40),
    (marker(r"^object-policy ip "), 40),
    (marker(r"^irf (?:mac-address|auto-update|domain)"), 30),
    (marker(r"^local-user \S+ class (?:manage|network)"), 30),
    (marker(r"^ authorization-attribute user-role "), 30),
    (marker(r"^acl (?:basic|advanced) (?:\d|name )"), 40),  # V7's ACL header (VRP: `acl number|name`)
    (marker(r"^ ?(?:super )?password (?:\S+ \S+ )?(?:hash|cipher) \$[hc]\$"), 30),  # `$h$`/`$c$` values
    (marker(r"^ ?sysname \S+"), 10),
    (marker(r"^#\s*$"), 5),
    (marker(r"^return\s*$"), 5),
]
# Other vendors whose files carry a `sysname`-like or `#` line.
_NOT_COMWARE = marker(r"^(?:hostname \S+|config (?:system|firewall)|/(?:ip|interface|system) |set system |vlan batch )")
_CLAIM = 30  # below this, `sysname` and `#` alone: VRP's as much as Comware's


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is an H3C Comware configuration."""
    head = text[:_DETECT_WINDOW]
    if _NOT_COMWARE.search(head):
        return 0
    score = sum(points for rx, points in _COMWARE_MARKERS if rx.search(head))
    return min(score, 99) if score >= _CLAIM else 0


def parse(text: str, file: str) -> ParseResult:
    """Parse one Comware configuration into one Device and its ParseReport.

    Never raises on content: anything not understood is listed in
    ``report.unrecognized`` (1-based line numbers), constructs only partly understood are
    marked ``partial`` and listed in ``report.partially_understood``.
    """
    from netaudit.parsers.h3c_comware.parser import ComwareParser

    return parse_without_gc(ComwareParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the export was cut short (no final ``return``, as VRP's),
    else None (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness

    return completeness.vrp(text)
