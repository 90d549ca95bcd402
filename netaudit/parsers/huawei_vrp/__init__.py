"""Huawei VRP configuration parser (S-series campus switches, AR-series routers; V200R0xx,
V300R0xx) → one :class:`~netaudit.model.Device` (docs/vendors/huawei_vrp.md).

How it reads a config
---------------------
``display current-configuration`` (and a saved ``vrpcfg.cfg``) is block-structured like
IOS: a line at column 0 is a global command that may open a block (``interface``,
``acl``, ``user-interface``, ``aaa``, ``wlan`` …), indented lines belong to it, a ``#``
line at column 0 closes it and ``return`` ends the file.  The neutral line dispatch of
:mod:`netaudit.parsers.base` reads it with ``undo`` as the negation keyword; what each
section means is in the readers, and what can only be decided once the whole file is
read (port roles, ACL application, NAT, services) in :mod:`.convert`.

Code layout: :mod:`.parser` (the parser class, comment/prompt/secret rules, the dispatch
tables), :mod:`.syntax` (keyword lists, names), :mod:`.state` (what is collected while
reading), the readers :mod:`.interfaces`, :mod:`.acls`, :mod:`.routing`, :mod:`.nat`,
:mod:`.management`, :mod:`.wlan`, then :mod:`.convert` and :mod:`.facts`
(:class:`.facts.VRPFacts`).

H3C Comware writes the same skeleton (``sysname``, ``#``, ``return``) with other words
(``Vlan-interface``, ``port access vlan``, ``port trunk permit vlan``, ``line vty``): it is
not claimed here; :mod:`netaudit.parsers.h3c_comware` reads it, on this package.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "huawei_vrp"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20  # markers are near the top; never scan 50 MB for them

_VRP_MARKERS = [
    (marker(r"^!Software Version V\d{3}R\d{3}"), 50),
    (marker(r"^\[V\d{3}R\d{3}\w*\]\s*$"), 50),  # the AR's version line in a capture
    (marker(r"^<[^<>\s]+>\s*dis(?:play)? cur"), 30),  # `<HOST>display current-configuration`
    (marker(r"^ ?sysname \S+"), 20),
    (marker(r"^#\s*$"), 10),
    (marker(r"^return\s*$"), 10),
    (marker(r"^interface Vlanif ?\d+"), 30),
    (marker(r"^vlan batch \d"), 25),
    (marker(r"^ port link-type (?:access|trunk|hybrid)"), 15),
    (marker(r"^ port (?:default vlan|trunk allow-pass vlan|hybrid (?:untagged|tagged|pvid) vlan) "), 25),
    (marker(r"^ traffic-filter (?:inbound|outbound) acl "), 20),
    (marker(r"^user-interface (?:vty|con) \d"), 10),
    (marker(r"^ ?stelnet server enable"), 15),
    (marker(r"^ ?(?:undo )?telnet server enable"), 10),
    (marker(r"^ip route-static "), 10),
    (marker(r"^acl (?:number|name) \S+"), 10),
    (marker(r"^ local-user \S+ (?:password (?:irreversible-)?cipher|privilege level|service-type)"), 10),
    (marker(r"^ nat outbound \d+"), 15),
    (marker(r"^interface (?:Eth-Trunk|LoopBack|NULL)\d+"), 15),
]
# H3C Comware's own words: such a file is not VRP, whatever else it shares with it.
_COMWARE = marker(
    r"^(?:interface Vlan-interface\d+|irf |line (?:vty|class|aux|con) |"
    r" port (?:access vlan|trunk permit vlan|link-mode )| ?version \d+\.\d+\.\d+, (?:Release|ESS|Alpha|Beta)|"
    # Comware V5's version line, SecPath security zones and their policy
    r" ?version \d+\.\d+, (?:Release|ESS|Alpha|Beta|Feature) \d|security-zone name |"
    r"zone-pair security source |object-policy ip|"
    # V7's ACL headers, local users' classes and roles, `$h$`/`$c$` password values
    r"acl (?:basic|advanced) (?:\d|name )|local-user \S+ class |"
    r" authorization-attribute user-role | ?(?:super )?password (?:\S+ \S+ )?(?:hash|cipher) \$[hc]\$)"
)
# Other vendors whose files carry a `sysname`-like or `#` line.
_NOT_VRP = marker(r"^(?:hostname \S+|config (?:system|firewall)|/(?:ip|interface|system) |set system )")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Huawei VRP configuration."""
    head = text[:_DETECT_WINDOW]
    if _COMWARE.search(head) or _NOT_VRP.search(head):
        return 0
    score = sum(points for rx, points in _VRP_MARKERS if rx.search(head))
    return min(score, 98)


def parse(text: str, file: str) -> ParseResult:
    """Parse one VRP configuration into one Device and its ParseReport.

    Never raises on content: anything not understood is listed in
    ``report.unrecognized`` (1-based line numbers), constructs only partly understood are
    marked ``partial`` and listed in ``report.partially_understood``.
    """
    from netaudit.parsers.huawei_vrp.parser import VrpParser

    return parse_without_gc(VrpParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the export was cut short (no final ``return``), else None
    (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness

    return completeness.vrp(text)
