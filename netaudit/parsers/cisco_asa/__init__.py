"""Cisco ASA (and FTD in ASA syntax) configuration parser → one :class:`~netaudit.model.Device`
(docs/vendors/cisco_asa.md).

How it reads a config
---------------------
Like the IOS parser, with the neutral machinery of :mod:`netaudit.parsers.base`: a
column-0 line is a global command that may open a block (``interface``, ``object
network``, ``object-group``, ``class-map`` …); indented lines belong to the open
block.  Each context has a dispatch table keyed by the first one to three lower-cased
words; an entry is a handler, ``IGNORE`` (understood and irrelevant on purpose) or a
``Partial`` reason.  Everything else is reported as unrecognized with its line number;
nothing in the content can make ``parse`` raise.  Cross-references (nameif →
interface, objects, ACLs, NAT, management lines) are resolved in
:meth:`.convert.ModelBuilder.finish`.

Code layout: :mod:`.parser` (the parser class, comment/secret rules, global handlers,
the dispatch tables), :mod:`.syntax` (keyword lists), :mod:`.state` (what is
collected while reading), the readers :mod:`.interfaces` and :mod:`.management`;
:mod:`.objects` (names, objects, object-groups), :mod:`.acl_entries` (entries →
matches), :mod:`.nat` (object and twice NAT → rules); then :mod:`.convert`
(conversion to the model), :mod:`.policy` (the forwarding policy synthesis),
:mod:`.services` (management services) and :mod:`.facts` (:class:`.facts.ASAFacts`).

ASA semantics translated into the vendor-neutral model (docs/vendors/cisco_asa.md)
---------------------------------------------------------------------------------
* Each interface's ``nameif`` is its :attr:`Interface.zone`; ``security-level`` its
  :attr:`Interface.security_level` (``nameif inside`` without a level = 100, any
  other name = 0, as the ASA sets them).  An interface without ``nameif`` passes no
  traffic: its addresses are dropped (with a warning).
* Transit traffic is decided by ONE device forwarding policy
  (:data:`.policy.POLICY`, ``Device.forward_filter``) whose lines carry in/out
  interfaces, synthesized from management-only interfaces, the same-security gate,
  inbound and global ACLs and the security-level defaults — the order is in
  :mod:`.policy`'s docstring and docs/vendors/cisco_asa.md.
  Outbound ACLs are :attr:`Interface.filter_out` (evaluated after the policy).
  Stateful replies are implied: the engine only injects new connections.
* The engine applies destination NAT at ingress *before* the policy, so ACL lines
  naming the REAL (untranslated) address of a static-NAT server match — the ASA 8.3+
  rule.  Pre-8.3 NAT (``static``/``global``/``nat (if) N``) makes the policy partial.
* Control plane: the ASA answers management protocols only on the interface the
  packet enters and only for that interface's own address; every synthesized
  management ACL (``asa-mgmt-*``) encodes both.  ``http``/``ssh``/``telnet`` lines
  (ASDM needs ``http server enable``), ``icmp`` rules (without any for an
  interface, it answers ping there), ``snmp-server host`` pollers, ``dhcpd enable``
  and DHCP relay.  Telnet to the lowest-security interface is refused by the ASA:
  such lines are recorded as ineffective facts, not as a listening service.
  ``access-group A in interface X control-plane`` → device input policy.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "cisco_asa"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_DETECT_WINDOW = 1 << 20

_ASA_MARKERS = [
    (marker(r"^(ASA|PIX|NGFW) Version \S"), 90),
    (marker(r"^: Saved\s*$"), 30),
    (marker(r"^Cryptochecksum:"), 40),
    (marker(r"^[ \t]+nameif \S+"), 40),
    (marker(r"^[ \t]+security-level \d+"), 40),
    (marker(r"^same-security-traffic permit"), 40),
    (marker(r"^access-group \S+ (in|out) interface \S+|^access-group \S+ global"), 40),
    (marker(r"^access-list \S+ (line \d+ )?extended (permit|deny) "), 30),
    (marker(r"^object network \S+"), 30),
    (marker(r"^nat \(\S+,\S+\) "), 30),
    (marker(r"^ nat \(\S+,\S+\) (static|dynamic) "), 30),
    (marker(r"^route \S+ \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ \d"), 20),
    (marker(r"^http server enable"), 30),
    (marker(r"^(ssh|telnet|http) \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ \S+\s*$"), 30),
    (marker(r"^passwd \S+"), 20),
    (marker(r"^pager lines \d"), 20),
    (marker(r"^mtu \S+ \d+\s*$"), 20),
    (marker(r"^enable password \S+ (encrypted|pbkdf2)"), 30),
]
_NOT_ASA = [
    marker(r"^config (system|firewall|router)"),  # FortiOS
    marker(r"^/(ip|interface|system|tool|routing) "),  # RouterOS
    marker(r"^set (system|interfaces|firewall|security) "),
    marker(r"^(system|interfaces|firewall|security) \{"),
    marker(r"^ ?sysname \S"),  # Huawei VRP, H3C Comware (`http server enable` is theirs too)
]
_IOS_ONLY = marker(
    r"^(version 1\d\.\d|ip access-list (standard|extended) |line vty |"
    r"boot-start-marker)",
)


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Cisco ASA (or FTD, PIX) configuration."""
    head = text[:_DETECT_WINDOW]
    for rx in _NOT_ASA:
        if rx.search(head):
            return 0
    score = sum(points for rx, points in _ASA_MARKERS if rx.search(head))
    if _IOS_ONLY.search(head) and not _ASA_MARKERS[0][0].search(head):
        return min(score, 10)
    return min(score, 100)


def parse(text: str, file: str) -> ParseResult:
    """Parse one ASA config into one Device and its ParseReport (never raises on content)."""
    # Loaded here, not at import: detection imports every vendor package, and only a
    # file of this vendor needs its parser.
    from netaudit.parsers.cisco_asa.parser import AsaParser

    return parse_without_gc(AsaParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when a ``: Saved`` export does not end with ``: end`` or the
    resolution of objects, ACLs and NAT failed (the model is incomplete), else None
    (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness

    for w in result.report.warnings:  # the parser's "FILE: resolution failed (…)"
        what = dict(w.fields).get("what") if isinstance(w, Text) and w.key == "input.at" else None
        if isinstance(what, Text) and what.key == "input.asa.resolution_failed":
            return 0, what
    return completeness.asa(text)
