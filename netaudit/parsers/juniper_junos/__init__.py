"""Juniper Junos (SRX firewalls, EX switches, MX/J routers) → one :class:`~netaudit.model.Device`.

The registry entry (:mod:`netaudit.parsers`): ``VENDOR`` (``juniper_junos``), ``detect``,
``parse`` and ``incomplete``.  Both forms a technician brings are read: ``show
configuration`` (braces) and ``show configuration | display set``.

Code layout
-----------
* :mod:`.syntax` — both forms → one list of statements (set-paths with their line);
* :mod:`.state` — the statements by first word, the marking of what was read;
* :mod:`.names` — port, protocol, ICMP names and the predefined ``junos-*`` applications;
* :mod:`.interfaces` — ports, logical units, VLANs, IRB, bundles, interface ranges;
* :mod:`.routing` — static routes, routing instances, dynamic protocols;
* :mod:`.filters` — stateless firewall filters and prefix lists;
* :mod:`.objects` — SRX address books and applications;
* :mod:`.security` — SRX zones, host-inbound traffic, security policies (forward filter);
* :mod:`.nat` — SRX source, destination and static NAT;
* :mod:`.management` — system services, SNMP, the lo0 filter, host-inbound as services;
* :mod:`.parser` — the order of the readers, the accounting of unread lines, secrets;
* :mod:`.facts` — :class:`~.facts.JunosFacts`, what the Junos checks read.

See docs/vendors/juniper_junos.md for what is modelled, partial and ignored.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "juniper_junos"

_DETECT_WINDOW = 1 << 20
# Lines only Junos writes.
_HEADER = marker(r"^## Last (?:commit|changed): ")
_VERSION = marker(r"^version \d+\.\d+[A-Z]\d*[\w.\-]*;\s*$")
_TOP = marker(
    r"^(?:system|interfaces|security|firewall|routing-options|protocols|policy-options|snmp|chassis|vlans|"
    r"routing-instances|applications|forwarding-options|class-of-service) \{\s*$"
)
_NESTED = marker(r"^[ \t]+(?:unit \d+ \{|family inet \{|host-name \S+;|from-zone \S+ to-zone \S+ \{)\s*$")
_SET = marker(
    r"^set (?:system host-name |interfaces (?:[a-z]+-\d+/\d+/\d+|irb|vlan|lo0|ae\d+|fxp0|me0|reth\d+) |"
    r"security (?:zones|policies|nat) |firewall (?:family inet |filter )|routing-options static |"
    r"vlans \S+ vlan-id |version \d)"
)
# VyOS / EdgeOS write `set …` and braces too: their words, never Junos's.
_VYOS = marker(r"^(?:set )?(?:interfaces ethernet eth\d|service \{|set service |set firewall name )")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Junos configuration."""
    head = text[:_DETECT_WINDOW]
    if _VYOS.search(head):
        return 0
    score = 0
    if _HEADER.search(head[:4096]):
        score += 60
    if _VERSION.search(head):
        score += 30
    if _TOP.search(head):
        score += 30
    if _NESTED.search(head):
        score += 30
    sets = len(_SET.findall(head[:65536]))
    if sets >= 2:
        score += 70
    elif sets == 1:
        score += 30
    return min(score, 100) if score >= 60 else 0


def parse(text: str, file: str) -> ParseResult:
    """Parse one Junos configuration into one Device and its ParseReport.  Never raises on
    content: what is not understood is listed in ``report.unrecognized`` and what it would
    have set is partial."""
    from netaudit.parsers.juniper_junos.parser import JunosParser

    return parse_without_gc(JunosParser, text, file)


def incomplete(text: str, result: ParseResult):
    """``(line, message)`` when the file ends inside open braces (cut short), else None."""
    from netaudit.messages import Text

    for w in result.report.warnings:
        if isinstance(w, Text) and w.key == "input.junos.cut_short":
            lines = text.rstrip("\n").count("\n") + 1
            return lines, w
    return None


__all__ = ["VENDOR", "detect", "incomplete", "parse"]
