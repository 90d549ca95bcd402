"""Cisco IOS / IOS-XE configuration parser → one :class:`~netaudit.model.Device`
(docs/vendors/cisco_ios.md).

How it reads a config
---------------------
IOS configs are line-oriented with one level of meaning per indentation: a line at
column 0 is a global command (it may open a *block* — ``interface``, ``ip
access-list``, ``line vty`` …) and indented lines belong to the open block.  Each
context has a dispatch table keyed by the first one to three lower-cased words of a
line; an entry is a handler, ``IGNORE`` (understood, irrelevant on purpose) or a
``Partial`` reason (affects forwarding, not modelled) — the neutral machinery of
:mod:`netaudit.parsers.base`, with ``no`` as the negation keyword.  Everything else is
recorded as unrecognized with its line number.  The work per line is a split and a
few dict look-ups, so the parse is linear; ACL entries (the bulk of big configs)
take a fast path with a memoised entry parser.

Things that can only be decided once the whole file is read — whether a referenced
ACL exists, interface L2 mode defaults, object-group expansion, NAT inside/outside
sets, ``ip routing`` defaults, management services — are resolved in
:meth:`.convert.ModelBuilder.finish`.

Code layout: :mod:`.parser` (the parser class, comment/banner/secret rules, the
dispatch tables), :mod:`.syntax` (keyword lists), :mod:`.state` (what is collected
while reading), the readers :mod:`.interfaces`, :mod:`.acls` (+ :mod:`.acl_entries`,
entries → matches), :mod:`.routing`, :mod:`.nat`, :mod:`.management`, :mod:`.crypto`, then
:mod:`.convert` (conversion to the model) and :mod:`.facts` (:class:`.facts.IOSFacts`).

IOS rules modelled here (docs/vendors/cisco_ios.md): an ``ip access-group`` /
``access-class`` / SNMP ACL naming an undefined (or empty) ACL permits everything (an
interface gets a synthesized permit-all filter citing its access-group line, so
evidence names the root cause); an ACL whose definition is in the file but was not
read is partial, never undefined; numbered and named ACLs, wildcard masks including
non-contiguous ones, ``established``, object-groups; VRFs; ``ip routing`` off on L2
switches; router-on-a-stick subinterfaces; HSRP/VRRP virtual addresses; NAT
inside/outside.

Documented defaults and approximations (each errs towards *more* reachability or
marks the construct partial — an auditor never gets "blocked" on a guess):

* L2/L3 role of a port: ``no switchport`` → routed; any ``switchport`` command → L2
  (access VLAN 1 unless told otherwise; ``dynamic auto`` ~ access, ``dynamic
  desirable`` → access + partial); an explicit ``ip address``/``no ip address`` →
  routed; an Ethernet port with neither on a device that uses ``switchport``
  anywhere → access port in VLAN 1; otherwise routed.
* ``switchport voice vlan V`` on an access port → modelled as a two-VLAN trunk
  (native = data VLAN, allowed = {data, voice}): a host can tag into the voice VLAN.
* Port-channel members get ``parent = Port-channelN`` and the bundle's L2 settings.
* ``ip routing``: explicit line wins; without one, ``ip default-gateway`` or
  ``switch N provision`` means routing off; otherwise on (with a warning on
  switches that have SVIs).
* vty: no ``transport input`` = telnet and ssh (old IOS default ``all``); no ``line
  vty`` at all = both, with no source line; several vty blocks → union of what they
  allow, and an ACL only if every block allowing the protocol has the same one.
* An ACL line using an undefined object-group matches as if the group were ``any``
  and is marked partial; a line with an unmodelled option (dscp, time-range …)
  keeps its other constraints and is marked partial (its match is a superset).
* ``ip nat … pool P`` translates to the pool's first address (reported as partial);
  ``static network``, route-map and other ``outside`` forms are partial rules.
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "cisco_ios"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20  # markers are near the top; never scan 50 MB for them

_IOS_MARKERS = [
    (marker(r"^hostname \S+"), 20),
    (
        marker(
            r"^interface (GigabitEthernet|FastEthernet|Ethernet|Vlan|Loopback|"
            r"TenGigabitEthernet|Serial|Port-channel|Tunnel|Dialer)",
        ),
        25,
    ),
    (marker(r"^ip access-list (standard|extended) "), 25),
    (marker(r"^access-list \d+ (permit|deny|remark) "), 30),
    (marker(r"^version 1[0-7]\.\d"), 30),
    (marker(r"^line vty "), 20),
    (marker(r"^!\s*$"), 10),
    (marker(r"^ switchport"), 15),
    (marker(r"^ ip address \d"), 15),
    (marker(r"^boot-start-marker"), 15),
    (marker(r"^service (timestamps|password-encryption)"), 10),
    (marker(r"^ip route \d"), 10),
    (marker(r"^end\s*$"), 5),
]
_ASA = marker(r"^(ASA Version|PIX Version|: Saved|\s*nameif |\s*security-level \d)")
_NOT_IOS = [
    marker(r"^config (system|firewall|router)"),  # FortiOS
    marker(r"^/(ip|interface|system|tool|routing) "),  # RouterOS
    marker(r"^set (system|interfaces|firewall|security) "),  # Junos set
    marker(r"^(system|interfaces|firewall|security) \{"),  # Junos curly
    marker(r"^ ?sysname \S"),  # Huawei VRP, H3C Comware
]
_NXOS_EOS = marker(r"^(feature \S+|! device: .*EOS|management api)")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Cisco IOS/IOS-XE configuration."""
    head = text[:_DETECT_WINDOW]
    for rx in _NOT_IOS:
        if rx.search(head):
            return 0
    score = sum(points for rx, points in _IOS_MARKERS if rx.search(head))
    score = min(score, 98)
    if _ASA.search(head):
        return min(score, 15)  # let an ASA parser win
    if _NXOS_EOS.search(head):
        return min(score, 50)
    return score


def parse(text: str, file: str) -> ParseResult:
    """Parse one IOS/IOS-XE config into one Device and its ParseReport.

    Never raises on content: anything not understood is listed in
    ``report.unrecognized`` (1-based line numbers), forwarding-relevant constructs only
    partly understood are marked ``partial`` and listed in
    ``report.partially_understood``.
    """
    # Loaded here, not at import: detection imports every vendor package, and only a
    # file of this vendor needs its parser.
    from netaudit.parsers.cisco_ios.parser import IosParser

    return parse_without_gc(IosParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the file was cut short (no final ``end`` after an export
    header, a banner never closed), else None (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness

    return completeness.ios(text, result.report.warnings)
