"""FortiGate FortiOS full-configuration backups → one :class:`~netaudit.model.Device` per VDOM.

The registry entry (:mod:`netaudit.parsers`): ``VENDOR`` (``fortinet_fortios``),
``detect``, ``parse`` and ``incomplete``, all from :mod:`.parser`.

Code layout
-----------
* :mod:`.parser` — detection, the entry point, dispatch of the sections, secrets, the
  line accounting and one Device per VDOM;
* :mod:`.tree` — the configuration text → a tree of blocks, entries and settings with
  line numbers;
* :mod:`.tables` — what each section and setting means to netaudit (data only);
* :mod:`.state` — what one parse collects (interface and VDOM records) and one VDOM's
  conversion in progress, shared by the modules below;
* :mod:`.interfaces` — interfaces, switches, zones, SD-WAN, tunnels, VDOM settings;
* :mod:`.addresses` — addresses and address groups; :mod:`.services` — services,
  service groups and the predefined services;
* :mod:`.policy` — firewall policies → the ordered forward filter;
* :mod:`.nat` — VIPs and IP pools, destination and source NAT;
* :mod:`.routes` — static routes, dynamic routing, policy routes;
* :mod:`.admin` — administrative access and the control plane (``local-in``);
* :mod:`.proxy` — the explicit web and FTP proxies as relay services;
* :mod:`.convert` — one VDOM's sections → its Device, in order;
* :mod:`.facts` — :class:`~.facts.FortiOSFacts`, what the FortiGate checks read.

FortiOS rules modelled (docs/vendors/fortinet_fortios.md)
---------------------------------------------------------
* **Policies** (``config firewall policy``) become ONE ordered first-match filter,
  ``Device.forward_filter``, in the order of the file (a backup lists policies in
  their effective order, after every ``move``); each line is one policy (its ``edit``
  line is the evidence), ``srcintf``/``dstintf`` are ``Match.in_ifaces``/``out_ifaces``
  with zones expanded to their member interfaces and ``any`` = unconstrained;
  ``srcaddr``/``dstaddr`` are unions in one Match (``*-negate`` → ``src_negate``/
  ``dst_negate``); only services with different protocols/ports need several Matches.
  ``status disable`` policies are skipped; the default action is the **implicit deny**
  ("implicit deny (policy 0)").  Sessions are stateful: replies are implied.
* **Zones**: ``Interface.zone``; ``intrazone allow`` adds, after all policies, a line
  permitting traffic between members of the zone (Batfish semantics: intrazone traffic
  is first matched against policies, the zone's intrazone action is its default).
* **VIPs** (destination NAT): the engine translates at ingress, *before* the forward
  policy, so a policy naming a VIP in ``dstaddr`` is matched on the VIP's *mapped*
  address (and mapped port, with port forwarding).  A VIP only translates when a policy
  uses it (or always, in central-NAT mode); its ``extintf`` restricts where.  Deny
  policies without ``match-vip enable`` do not apply to VIP traffic in FortiOS: such a
  deny that could catch the traffic of a VIP used by a later policy is marked partial.
* **Source NAT**: ``set nat enable`` → translation to the egress interface address
  (``ippool`` → the pool's first address, reported); see docs/vendors/fortinet_fortios.md
  for the one approximation (NAT rules follow the policy's own match, not first-match
  order).
* **Administrative access**: ``allowaccess`` makes the box answer on *that interface's
  addresses*; reaching the address of interface Y from interface X ≠ Y is through
  traffic in FortiOS and needs a firewall policy X → Y.  The engine's control plane is
  keyed by ingress interface, so this is encoded as an input filter (``local-in``:
  explicit local-in policies first, then "own address of the ingress interface", then
  the forward policies restricted to the box's own addresses) plus one service per
  (protocol, interface) whose ACL pins the destination to that interface's addresses
  and, for admin logins, the sources to the administrators' trusted hosts (only when
  every administrator has trusted hosts; otherwise unrestricted).  Admin ports follow
  ``config system global`` (admin-sport/-port/-ssh-port/-telnet-port).
* **Explicit proxies** (``config web-proxy explicit``, ``config ftp-proxy explicit``,
  ``set explicit-web-proxy``/``explicit-ftp-proxy enable`` on an interface, ``config
  firewall proxy-policy``): the FortiGate itself connects onward for the clients the
  proxy policies accept — relay services (``MgmtService.relay``) on the enabled
  interfaces' addresses and the listening ports, the clients restricted to the accept
  policies' ``srcaddr`` and where it connects to their ``dstaddr`` out of their
  ``dstintf`` (``MgmtService.relay_to``; supersets); what cannot be read is partial,
  never absent.
* **Single-VDOM backups** (``#global_vdom=0:vd_name=X``) hold no global configuration:
  the admin protocols, SNMP and NTP, whose ports, switches and allowed sources it sets,
  are partial services (never certain from FortiOS' defaults), with one warning; the
  VDOM's own sections are read as usual.
* **Interface authentication** (``security-mode captive-portal`` / ``802.1X``): the
  accept policies pass that interface's traffic only once its users authenticated —
  partial, like ``set groups``; a policy that also takes other interfaces' traffic is
  split so that theirs stays exact.
* Addresses: subnet, iprange (decomposed into prefixes), wildcard (exact), interface-
  subnet, groups (with ``exclude`` computed exactly for prefix members); fqdn,
  geography, dynamic, mac → the policy line is partial (superset used).  Services:
  custom (TCP/UDP/SCTP port ranges with source ranges, IP protocol numbers, ICMP
  type/code), groups and FortiOS' predefined services.
* Routes: ``config router static`` (device, gateway, distance, blackhole, SD-WAN
  members); DHCP/PPPoE interfaces: an address assigned at run time
  (``Interface.dynamic_address``, docs/semantics.md) and, with ``defaultgw enable``,
  a default route via the run-time gateway.  A static route with ``dynamic-gateway
  enable`` on such an interface uses that run-time gateway too (its own destination and
  distance); on any other interface it is partial and may be missing from the table.
* Wireless: ``config wireless-controller vap`` → ``Device.ssids`` (tied to the VAP
  interface; local bridging → the AP's VLAN).
* Secrets (passwords, passphrases, PSKs, SNMP communities, keys, ``ENC`` values) are
  collected into ``Device.secrets`` wherever they occur.
"""

from __future__ import annotations

import re

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "fortinet_fortios"

# --------------------------------------------------------------------------- detection

_DETECT_WINDOW = 1 << 20
_HEADER = marker(r"^#config-version=F\w")
_CONFIG = marker(
    r"^config (system|firewall|router|vpn|user|log|wireless-controller|vdom|global|antivirus|"
    r"webfilter|ips|application|switch-controller|dnsfilter|certificate|endpoint-control|"
    r"alertemail|report|spamfilter|emailfilter|waf|icap|voip|web-proxy|wanopt|dlp)\b",
)
_SET = marker(r"^[ \t]+set \S")
_EDIT = marker(r"^[ \t]*edit \S")
_END = marker(r"^[ \t]*end[ \t]*$")
_NEXT = marker(r"^[ \t]*next[ \t]*$")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a FortiOS configuration."""
    head = text[:_DETECT_WINDOW]
    if _HEADER.search(head[:4096]) and _CONFIG.search(head):
        return 100
    if not _CONFIG.search(head):
        return 0
    if not (_SET.search(head) or _EDIT.search(head)):
        return 0  # "config system" alone is also OpenWrt's UCI (config TYPE 'name' + option …)
    score = 60
    score += 15 if _SET.search(head) else 0
    score += 10 if _EDIT.search(head) else 0
    score += 10 if _END.search(head) else 0
    score += 4 if _NEXT.search(head) else 0
    return min(score, 99)


def parse(text: str, file: str) -> ParseResult:
    """Parse one FortiOS backup into one Device per VDOM and its ParseReport.

    Never raises on content: anything not understood is listed in
    ``report.unrecognized`` (1-based line numbers); forwarding-relevant constructs only
    partly understood are marked ``partial`` and listed in
    ``report.partially_understood``."""
    # Loaded here, not at import: detection imports every vendor package, and only a
    # file of this vendor needs its parser.
    from netaudit.parsers.fortinet_fortios.parser import _FortiParser

    return parse_without_gc(_FortiParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the tree builder found the file cut short (a ``config``
    never closed by ``end``) or nested beyond :data:`.tree.MAX_DEPTH`, else None."""
    from netaudit.parsers import completeness
    from netaudit.parsers.fortinet_fortios.tree import CUT_SHORT

    for w in result.report.warnings:
        m = re.match(r"^[^\n]*?:(\d+): (.*)$", w)
        if m and m.group(2).startswith(CUT_SHORT):
            return int(m.group(1)), completeness.known(m.group(2))
    return completeness.fortios_last(text)


__all__ = ["VENDOR", "detect", "incomplete", "parse"]
