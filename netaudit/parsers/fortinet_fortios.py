"""FortiGate FortiOS full-configuration backups → one :class:`~netaudit.model.Device` per VDOM.

How it reads a backup
---------------------
:mod:`fortios_tree` turns the nested ``config``/``edit``/``set``/``next``/``end`` text into a
tree with line numbers (quotes, escapes, multi-line values, ``append``/``select``,
``move``/``delete``/``clone``/``rename``, truncated files).  This module then interprets
the sections listed in :mod:`fortios_tables`: every other section is ignored on purpose
(cannot affect IPv4 forwarding or exposure), partial (affects forwarding, not modelled)
or unrecognized.  Each line of the file ends up recognized / ignored / unrecognized.

VDOMs: a backup with ``config vdom`` + ``config global`` gives one Device per VDOM,
named ``hostname/vdom`` when there are several; interfaces belong to the VDOM of their
``set vdom``.  Without VDOMs the whole file is one Device named after ``set hostname``.

FortiOS rules modelled (DESIGN §3)
----------------------------------
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
  (``ippool`` → the pool's first address, reported); see docs/vendors/fortios.md for the
  one approximation (NAT rules follow the policy's own match, not first-match order).
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
* Addresses: subnet, iprange (decomposed into prefixes), wildcard (exact), interface-
  subnet, groups (with ``exclude`` computed exactly for prefix members); fqdn,
  geography, dynamic, mac → the policy line is partial (superset used).  Services:
  custom (TCP/UDP/SCTP port ranges with source ranges, IP protocol numbers, ICMP
  type/code), groups and FortiOS' predefined services.
* Routes: ``config router static`` (device, gateway, distance, blackhole, SD-WAN
  members); DHCP/PPPoE interfaces: address unknown → interface partial and the
  default route they learn makes the routing dynamic (unknown beyond).
* Wireless: ``config wireless-controller vap`` → ``Device.ssids`` (tied to the VAP
  interface; local bridging → the AP's VLAN).
* Secrets (passwords, passphrases, PSKs, SNMP communities, keys, ``ENC`` values) are
  collected into ``Device.secrets`` wherever they occur.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from netaddr import IPNetwork

from netaudit.model import (
    Device, Filter, IfKind, Interface, L2Mode, ParseReport, ParseResult, Reference, Route, Src,
)
from netaudit.parsers import fortios_tables as T
from netaudit.parsers.fortios_objects import ip_int, parse_prefix
from netaudit.parsers.fortios_tables import IFACE_IGNORED, IFACE_IGNORED_PREFIXES, IFACE_PARTIAL
from netaudit.secrets import key_material_lines
from netaudit.parsers.fortios_tree import (
    IGNORE, IGNORED, MODEL, PARTIAL, UNRECOGNIZED, Block, Entry, Node, Tree, build, finalize,
)

VENDOR = "fortinet_fortios"

FORWARD_FILTER = "firewall-policy"
INPUT_FILTER = "local-in"
IMPLICIT_DENY = "implicit deny (policy 0)"

# --------------------------------------------------------------------------- detection

_DETECT_WINDOW = 1 << 20
_HEADER = re.compile(r"^#config-version=F\w", re.M)
_CONFIG = re.compile(
    r"^config (system|firewall|router|vpn|user|log|wireless-controller|vdom|global|antivirus|"
    r"webfilter|ips|application|switch-controller|dnsfilter|certificate|endpoint-control|"
    r"alertemail|report|spamfilter|emailfilter|waf|icap|voip|web-proxy|wanopt|dlp)\b", re.M)
_SET = re.compile(r"^[ \t]+set \S", re.M)
_EDIT = re.compile(r"^[ \t]*edit \S", re.M)
_END = re.compile(r"^[ \t]*end[ \t]*$", re.M)
_NEXT = re.compile(r"^[ \t]*next[ \t]*$", re.M)


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a FortiOS configuration."""
    head = text[:_DETECT_WINDOW]
    if _HEADER.search(head[:4096]) and _CONFIG.search(head):
        return 100
    if not _CONFIG.search(head):
        return 0
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
    paused = gc.isenabled()
    gc.disable()
    try:
        return _FortiParser(text, file).run()
    finally:
        if paused:
            gc.enable()


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the tree builder found the file cut short (a ``config``
    never closed by ``end``) or nested beyond :data:`fortios_tree.MAX_DEPTH`, else None."""
    from netaudit.parsers import completeness
    from netaudit.parsers.fortios_tree import CUT_SHORT
    for w in result.report.warnings:
        m = re.match(r"^[^\n]*?:(\d+): (.*)$", w)
        if m and m.group(2).startswith(CUT_SHORT):
            return int(m.group(1)), m.group(2)
    return completeness.fortios_last(text)


# --------------------------------------------------------------------------- constants

# Keys whose value is a secret, anywhere in a backup.
_SECRET_KEYS = frozenset({
    "password", "passwd", "secret", "psksecret", "psksecret-remote", "passphrase", "key",
    "auth-pwd", "priv-pwd", "api-key", "sae-password", "ppk-secret", "private-key",
    "md5-key", "authentication-key", "key-string", "server-secret", "secondary-secret",
    "tertiary-secret", "radius-secret", "ldap-password", "keyword", "auth-password",
    "psk", "wep-key", "community", "mpsk-key", "passphrase-rotate", "pre-shared-key",
    "secondary-key", "tertiary-key", "groupid", "gdoi-key",
})
_NOT_SECRET_VALUES = frozenset({"enc", "enable", "disable", "none", "default", "0", "", "*"})


# --------------------------------------------------------------------------- records


@dataclass(eq=False)
class _IfRec:
    name: str
    entry: Entry
    vdom: str = "root"
    typ: str = "physical"
    addresses: list = field(default_factory=list)        # [(IPNetwork, [access], Src|None)]
    access: list = field(default_factory=list)           # allowaccess of the primary address
    access_src: Src | None = None
    role: str | None = None
    parent: str | None = None
    vlanid: int | None = None
    members: list = field(default_factory=list)
    shutdown: bool = False
    mode: str = "static"
    partial: list = field(default_factory=list)
    description: str = ""
    vrf: str = "default"
    vrrp: list = field(default_factory=list)


@dataclass(eq=False)
class _Vdom:
    name: str
    blocks: dict = field(default_factory=dict)           # path -> [Block]
    dev: Device | None = None
    zones: dict = field(default_factory=dict)            # zone -> (members, intrazone, Src, Src)
    sdwan: dict = field(default_factory=dict)            # sdwan zone -> [(iface, gw)]
    central_nat: bool = False
    opmode: str = "nat"
    vips: dict = field(default_factory=dict)
    vipgrps: dict = field(default_factory=dict)
    pools: dict = field(default_factory=dict)
    schedules: set = field(default_factory=set)
    vip_users: dict = field(default_factory=dict)        # vip -> set of in ifaces | None


# --------------------------------------------------------------------------- the parser


class _FortiParser:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.rep = ParseReport(file=file, vendor=VENDOR)
        self.tree: Tree | None = None
        self.lines: list[str] = []
        self.hostname = ""
        self.host_src: Src | None = None
        self.ports = {"https": 443, "http": 80, "ssh": 22, "telnet": 23, "ftm": 4433,
                      "probe-response": 8008}
        self.probe_udp = False
        self.admin_telnet = True
        self.ifs: dict[str, _IfRec] = {}
        self.admins: list[dict] = []
        self.snmp_communities: list[dict] = []
        self.snmp_users: list[dict] = []
        self.snmp_enabled = True
        self.ntp_ifaces: list[tuple[str, Src]] = []
        self.switch_members: dict[str, list[str]] = {}
        self.vaps: list[tuple[Entry, Block]] = []
        self.vdoms: dict[str, _Vdom] = {}
        self.vdom_mode = False
        self.secrets: set[str] = set()
        self.secret_lines: dict[int, set[str]] = {}   # line → secret values on it
        self.material: dict[int, str] = {}            # key material lines (PEM bodies)
        self.global_blocks: list[tuple[str, Block]] = []

    # ------------------------------------------------------------------ helpers

    def src(self, line: int | None) -> Src | None:
        if not line:
            return None
        text = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        return Src(self.file, line, text)

    def set_src(self, node: Node, key: str) -> Src | None:
        return self.src(node.line(key))

    def partial(self, construct: str, reason: str, src: Src | None) -> None:
        self.rep.add_partial(construct, reason, src or Src(self.file, 0, ""))

    def warn(self, msg: str) -> None:
        self.rep.warnings.append(f"{self.file}: {msg}")

    def vdom(self, name: str) -> _Vdom:
        v = self.vdoms.get(name)
        if v is None:
            v = self.vdoms[name] = _Vdom(name)
        return v

    # ------------------------------------------------------------------ main

    def run(self) -> ParseResult:
        tree = self.tree = build(self.text)
        self.lines = tree.lines
        self.rep.lines = len(tree.lines)
        if "-----BEGIN" in self.text:
            self.material = key_material_lines(self.lines)
        for w in tree.warnings:
            m = re.match(r"line (\d+): (.*)", w)
            if m and int(m.group(1)) in self.material and m.group(2).startswith("unknown command"):
                continue        # a PEM body line read as a command (a file cut inside a key)
            self.rep.warnings.append(f"{self.file}:{m.group(1)}: {m.group(2)}" if m
                                     else f"{self.file}: {w}")
        root = tree.root
        vdom_blk = root.children.get("vdom")
        global_blk = root.children.get("global")
        global_sections: list[Block] = []
        vdom_sections: dict[str, list[Block]] = {}
        if vdom_blk is not None and (global_blk is not None or any(
                e.children for e in vdom_blk.entries.values())):
            self.vdom_mode = True
            vdom_blk.disp = MODEL
            if global_blk is not None:
                global_blk.disp = MODEL
                global_sections.extend(global_blk.children.values())
            for e in vdom_blk.entries.values():
                vdom_sections[e.name] = list(e.children.values())
            for name, blk in root.children.items():
                if blk is not vdom_blk and blk is not global_blk:
                    global_sections.append(blk)
        else:
            global_sections = list(root.children.values())
            vdom_sections["root"] = []
        # dispatch
        for name in vdom_sections:
            self.vdom(name)
        for blk in global_sections:
            self._classify(blk, None)
        for name, blocks in vdom_sections.items():
            for blk in blocks:
                self._classify(blk, name)
        self._run_global()
        if self.vdom_mode:
            for r in self.ifs.values():
                if r.vdom not in self.vdoms:
                    self.rep.warnings.append(
                        f"{self.file}:{r.entry.edit_line}: interface {r.name} belongs to VDOM "
                        f"{r.vdom!r}, which the backup does not define; left out")
        for v in list(self.vdoms.values()):
            self._run_vdom(v)
        self._scan_secrets(root)
        finalize(tree)
        return self._result()

    def _classify(self, blk: Block, vdom: str | None) -> None:
        path = blk.path
        words = path.split()
        rule = None
        for k in range(len(words), 0, -1):
            key = " ".join(words[:k])
            if key in T.HANDLERS:
                rule = T.HANDLERS[key]
                break
            if key in _PARTIAL:
                rule = T.Partial(_PARTIAL[key])
                break
            if key in _IGNORED:
                rule = T.IGNORE
                break
        if rule is None:
            self.rep.warnings.append(f"{self.file}:{blk.config_line}: section 'config {path}' "
                                     "not recognized (its lines are reported as unrecognized)")
            return
        if rule == T.IGNORE:
            blk.disp = IGNORE
            return
        if isinstance(rule, T.Partial):
            blk.disp = PARTIAL
            if blk.entries or blk.settings or blk.children:
                self.partial(f"config {path}", rule.reason, self.src(blk.config_line))
            return
        scope, handler = rule
        target = vdom if vdom is not None else "root"
        if scope == "global" and vdom is not None:
            target = None
        if scope == "global":
            self.vdom("root")      # global sections exist even with no vdom block
            self.global_blocks.append((handler, blk))
        else:
            self.vdom(target).blocks.setdefault(handler, []).append(blk)

    def _call(self, handler: str, blk: Block, *args) -> None:
        blk.disp = MODEL
        try:
            getattr(self, handler)(blk, *args)
        except Exception as exc:  # noqa: BLE001 - never let odd content escape as a crash
            blk.disp = None
            self.rep.warnings.append(f"{self.file}:{blk.config_line}: 'config {blk.path}' not "
                                     f"understood ({type(exc).__name__}: {exc})")
            self.partial(f"config {blk.path}", f"not understood ({type(exc).__name__})",
                         self.src(blk.config_line))

    # ------------------------------------------------------------------ global sections

    _GLOBAL_ORDER = ("h_global", "h_interfaces", "h_virtual_switch", "h_admins",
                     "h_snmp_sysinfo", "h_snmp_community", "h_snmp_user", "h_probe_response",
                     "h_ftm_push", "h_ntp", "h_recognized")

    def _run_global(self) -> None:
        """Box-wide sections first (hostname, ports, interfaces, admins, SNMP …)."""
        order = {h: i for i, h in enumerate(self._GLOBAL_ORDER)}
        for handler, blk in sorted(self.global_blocks, key=lambda hb: order.get(hb[0], 99)):
            self._call(handler, blk)
        # software switches and wireless VAPs may sit in a VDOM; they describe interfaces
        for v in self.vdoms.values():
            for blk in v.blocks.pop("h_switch_interface", []):
                self._call("h_switch_interface", blk)
            for blk in v.blocks.pop("h_vaps", []):
                self._call("h_vaps", blk)

    def h_recognized(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)

    def h_global(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)      # every other global setting: box-wide, not forwarding
        host = blk.first("hostname")
        if host and ("\n" in host or "\r" in host):
            # An unterminated quote swallowed the lines after it: not a name.
            src = self.set_src(blk, "hostname")
            self.rep.warnings.append(f"{self.file}:{src.line if src else '?'}: set hostname has an "
                                     "unterminated quote; the lines after it were read as part of it")
            host = None
        if host:
            self.hostname = host
            self.host_src = self.set_src(blk, "hostname")
        for key, name in (("admin-sport", "https"), ("admin-port", "http"),
                          ("admin-ssh-port", "ssh"), ("admin-telnet-port", "telnet")):
            v = blk.first(key)
            if v is not None:
                if v.isdigit() and 0 < int(v) < 65536:
                    self.ports[name] = int(v)
                else:
                    blk.mark(key, UNRECOGNIZED)
        if blk.low("admin-telnet", "enable") == "disable":
            self.admin_telnet = False
        for key in ("admin-https-redirect", "admintimeout", "timezone"):
            blk.get(key)

    def h_interfaces(self, blk: Block) -> None:
        blk.ignore_prefixes = ()
        for e in blk.entries.values():
            self._interface(e)

    def _interface(self, e: Entry) -> None:
        rec = _IfRec(e.name, e)
        self.ifs[e.name] = rec
        rec.vdom = e.first("vdom", "root") or "root"
        typ = e.low("type")
        if typ is None:
            typ = "vlan" if e.has("vlanid") and e.has("interface") else "physical"
        rec.typ = typ
        rec.shutdown = e.low("status", "up") == "down"
        rec.mode = e.low("mode", "static") or "static"
        rec.role = e.low("role")
        desc = e.first("description") or ""
        alias = e.first("alias") or ""
        rec.description = desc or alias
        vrf = e.first("vrf")
        if vrf is not None and vrf != "0":
            rec.vrf = vrf
        if typ == "vlan" or (e.has("vlanid") and e.has("interface")):
            rec.parent = e.first("interface")
            vid = e.first("vlanid")
            if vid and vid.isdigit() and 1 <= int(vid) <= 4094:
                rec.vlanid = int(vid)
            else:
                rec.partial.append(f"VLAN id {vid!r} not understood")
        else:
            e.mark("interface"), e.mark("vlanid")
        rec.members = list(e.get("member") or [])
        access = [a.lower() for a in (e.get("allowaccess") or [])]
        rec.access = access
        rec.access_src = self.set_src(e, "allowaccess")
        ip = parse_prefix(e.get("ip"))
        if e.has("ip") and ip is None:
            e.mark("ip", UNRECOGNIZED)
        if ip is not None and int(ip.ip) != 0:
            rec.addresses.append((ip, access, rec.access_src))
        sec = e.child("secondaryip")
        if sec is not None:
            sec.disp = MODEL
            for se in sec.entries.values():
                sip = parse_prefix(se.get("ip"))
                if sip is not None and int(sip.ip) != 0:
                    sacc = [a.lower() for a in (se.get("allowaccess") or [])]
                    rec.addresses.append((sip, sacc, self.set_src(se, "allowaccess")))
                se.leftover(frozenset({"detectserver", "gwdetect", "ha-priority", "detectprotocol",
                                       "ping-serv-status"}))
        vrrp = e.child("vrrp")
        if vrrp is not None:
            vrrp.disp = MODEL
            for ve in vrrp.entries.values():
                vip = ip_int(ve.first("vrip", "") or "")
                if vip is not None and ve.low("status", "enable") != "disable":
                    rec.vrrp.append(vip)
                ve.leftover(ignore_prefixes=("",))
        for name in ("ipv6", "tagging", "l2tp-client-settings", "egress-queues",
                     "client-options", "dhcp-snooping-server-list", "wifi-networks",
                     "mirroring-filter"):
            child = e.child(name)
            if child is not None:
                child.disp = IGNORE
        for (key, value), reason in IFACE_PARTIAL.items():
            if e.low(key) == value:
                rec.partial.append(reason)
        if e.has("ipunnumbered") and (e.first("ipunnumbered") or "0.0.0.0") != "0.0.0.0":
            e.get("ipunnumbered")
            rec.partial.append("unnumbered interface (borrows an address) not modelled")
        if typ in ("tunnel", "ssl"):
            rec.partial.append(f"{typ} interface: the far side of the tunnel is not in the "
                               "snapshot")
        elif typ in ("emac-vlan", "fext-wan", "fctrl-trunk", "wl-mesh", "geneve", "vxlan",
                     "lan-extension", "vne-tunnel", "gre"):
            rec.partial.append(f"interface type {typ} not modelled")
        # Unknown interface settings are reported as unrecognized lines; like the IOS
        # parser, they do not make the interface partial (IFACE_PARTIAL lists those that do).
        e.leftover(IFACE_IGNORED, IFACE_IGNORED_PREFIXES)

    def h_virtual_switch(self, blk: Block) -> None:
        blk.ignore_prefixes = ()
        for e in blk.entries.values():
            port = e.child("port")
            members = []
            if port is not None:
                port.disp = MODEL
                for pe in port.entries.values():
                    members.append(pe.name)
                    pe.leftover(ignore_prefixes=("",))
            self.switch_members.setdefault(e.name, []).extend(members)
            e.leftover(ignore_prefixes=("",))

    def h_switch_interface(self, blk: Block) -> None:
        for e in blk.entries.values():
            members = e.get("member") or []
            self.switch_members.setdefault(e.name, []).extend(members)
            e.leftover(frozenset({"vdom", "span", "span-dest-port", "span-source-port",
                                  "span-direction", "intra-switch-policy", "mac-ttl", "type"}))

    def h_admins(self, blk: Block) -> None:
        for e in blk.entries.values():
            hosts = []
            any_host = False
            for k in range(1, 11):
                key = f"trusthost{k}"
                vals = e.get(key)
                if vals is None:
                    continue
                net = parse_prefix(vals)
                if net is None:
                    e.mark(key, UNRECOGNIZED)
                    continue
                if net.prefixlen == 0:
                    any_host = True
                    continue
                hosts.append((net.cidr, self.set_src(e, key)))
            for child in e.children.values():
                child.disp = IGNORE
            self.admins.append({"name": e.name, "source": self.src(e.edit_line),
                                "trusthosts": [] if any_host else hosts,
                                "restricted": bool(hosts) and not any_host,
                                "vdom": e.get("vdom"), "profile": e.first("accprofile")})
            e.leftover(ignore_prefixes=("",))

    def h_snmp_sysinfo(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        self.snmp_enabled = blk.low("status", "disable") == "enable"

    def h_snmp_community(self, blk: Block) -> None:
        for e in blk.entries.values():
            name = e.first("name", "")
            if name:
                self.secrets.add(name)
                self._secret_on_lines(e.settings["name"].lines, name)
            hosts = []
            open_host = False
            hb = e.child("hosts")
            if hb is not None:
                hb.disp = MODEL
                for he in hb.entries.values():
                    net = parse_prefix(he.get("ip"))
                    if net is None or net.prefixlen == 0:
                        open_host = True
                    else:
                        hosts.append((net.cidr, self.set_src(he, "ip")))
                    he.leftover(ignore_prefixes=("",))
            for k, child in e.children.items():
                if child is not hb:
                    child.disp = IGNORE
            enabled = e.low("status", "enable") == "enable"
            queries = (e.low("query-v1-status", "enable") == "enable"
                       or e.low("query-v2c-status", "enable") == "enable")
            if enabled and queries:
                self.snmp_communities.append({
                    "source": self.src(e.edit_line), "hosts": [] if open_host else hosts,
                    "restricted": bool(hosts) and not open_host})
            e.leftover(ignore_prefixes=("",))

    def h_snmp_user(self, blk: Block) -> None:
        for e in blk.entries.values():
            if e.low("status", "enable") == "enable" and e.low("queries", "enable") == "enable":
                self.snmp_users.append({"source": self.src(e.edit_line)})
            e.leftover(ignore_prefixes=("",))

    def h_probe_response(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        port = blk.first("port")
        if port and port.isdigit():
            self.ports["probe-response"] = int(port)
        self.probe_udp = blk.low("mode", "http-probe") == "twamp"

    def h_ftm_push(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        port = blk.first("server-port")
        if port and port.isdigit():
            self.ports["ftm"] = int(port)

    def h_ntp(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE
        if blk.low("server-mode", "disable") == "enable":
            for ifn in blk.get("interface") or []:
                self.ntp_ifaces.append((ifn, self.set_src(blk, "server-mode")))

    def h_vaps(self, blk: Block) -> None:
        for e in blk.entries.values():
            self.vaps.append((e, blk))

    # ------------------------------------------------------------------ per-VDOM sections

    def h_settings(self, blk: Block, v: _Vdom) -> None:
        blk.ignore_prefixes = ("",)
        if blk.low("central-nat", "disable") == "enable":
            v.central_nat = True
        opmode = blk.low("opmode", "nat")
        v.opmode = opmode
        if opmode == "transparent":
            self.partial(f"vdom {v.name}", "transparent (layer-2) mode not modelled",
                         self.set_src(blk, "opmode"))
        blk.get("ngfw-mode")        # policy-based mode: see h_security_policy
        if blk.low("asymroute", "disable") == "enable":
            # asymmetric routing turns stateful inspection off: replies are no longer
            # implied and unsolicited packets may pass - not modelled
            self.partial(f"vdom {v.name}", "asymroute enable (stateless forwarding) not "
                         "modelled", self.set_src(blk, "asymroute"))

    def h_zones(self, blk: Block, v: _Vdom) -> None:
        for e in blk.entries.values():
            members = list(e.get("interface") or [])
            intrazone = e.low("intrazone", "deny")
            v.zones[e.name] = (members, intrazone, self.src(e.edit_line),
                               self.set_src(e, "intrazone"))
            e.leftover(frozenset({"description", "tagging"}))
            for child in e.children.values():
                child.disp = IGNORE

    def h_sdwan(self, blk: Block, v: _Vdom) -> None:
        blk.ignore_prefixes = ("",)
        status = blk.low("status", "disable")
        for child in blk.children.values():
            child.disp = IGNORE
        if status != "enable":
            return
        zone_names = {"virtual-wan-link"}
        zb = blk.child("zone")
        if zb is not None:
            zb.disp = MODEL
            for ze in zb.entries.values():
                zone_names.add(ze.name)
                ze.leftover(ignore_prefixes=("",))
        mb = blk.child("members")
        if mb is not None:
            mb.disp = MODEL
            for me in mb.entries.values():
                ifn = me.first("interface")
                zone = me.first("zone", "virtual-wan-link")
                gw = ip_int(me.first("gateway", "0.0.0.0") or "")
                if ifn and me.low("status", "enable") != "disable":
                    v.sdwan.setdefault(zone, []).append((ifn, gw or None, self.src(me.edit_line)))
                me.leftover(ignore_prefixes=("",))
        for zn in zone_names:
            v.sdwan.setdefault(zn, [])
        self.partial("config system sdwan", "SD-WAN rules (steering) not modelled: traffic to "
                     "the SD-WAN zone may leave by any member", self.src(blk.config_line))

    def h_dhcp_server(self, blk: Block, v: _Vdom) -> None:
        v.blocks.setdefault("_dhcp", [])
        for e in blk.entries.values():
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            ifn = e.first("interface")
            if ifn:
                v.blocks["_dhcp"].append((ifn, self.set_src(e, "interface")))
            for child in e.children.values():
                child.disp = IGNORE
            e.leftover(ignore_prefixes=("",))

    def h_dns_server(self, blk: Block, v: _Vdom) -> None:
        v.blocks.setdefault("_dns", [])
        for e in blk.entries.values():
            v.blocks["_dns"].append((e.name, self.src(e.edit_line)))
            e.leftover(ignore_prefixes=("",))

    def h_dynamic_routing(self, blk: Block, v: _Vdom) -> None:
        """Default skeletons (``config redistribute``, ``set as 0``) run nothing; a
        protocol with an AS and neighbours, areas or networks makes routing dynamic."""
        blk.ignore_prefixes = ("",)
        proto = blk.path.split()[-1]
        active = False
        if proto == "bgp":
            asn = blk.first("as", "0")
            active = asn not in ("0", None) and any(
                blk.child(c) is not None and blk.child(c).entries
                for c in ("neighbor", "neighbor-group", "neighbor-range", "network"))
        elif proto in ("ospf", "ospf6"):
            active = any(blk.child(c) is not None and blk.child(c).entries
                         for c in ("area", "network", "ospf-interface", "ospf6-interface"))
        elif proto in ("rip", "ripng"):
            active = any(blk.child(c) is not None and blk.child(c).entries
                         for c in ("network", "interface", "neighbor"))
        elif proto == "isis":
            active = any(blk.child(c) is not None and blk.child(c).entries
                         for c in ("isis-net", "isis-interface"))
        for child in blk.children.values():
            child.disp = IGNORE
        if active:
            v.blocks.setdefault("_dynamic", []).append(self.src(blk.config_line))

    def h_router_policy(self, blk: Block, v: _Vdom) -> None:
        for e in blk.entries.values():
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            for ifn in e.get("input-device") or []:
                v.blocks.setdefault("_pbr", []).append((ifn, self.src(e.edit_line)))
            if not e.get("input-device"):
                v.blocks.setdefault("_pbr", []).append((None, self.src(e.edit_line)))
            e.leftover(ignore_prefixes=("",))

    def h_ipsec_phase1(self, blk: Block, v: _Vdom) -> None:
        for e in blk.entries.values():
            ifn = e.first("interface")
            if ifn:
                v.blocks.setdefault("_ike", []).append((ifn, self.src(e.edit_line)))
            v.blocks.setdefault("_tunnels", []).append((e.name, self.src(e.edit_line),
                                                        "IPsec tunnel: the far side is not in "
                                                        "the snapshot"))
            e.leftover(ignore_prefixes=("",))
            for child in e.children.values():
                child.disp = IGNORE

    def h_sslvpn(self, blk: Block, v: _Vdom) -> None:
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE
        if blk.low("status", "enable") == "disable":
            return
        ifaces = blk.get("source-interface") or []
        if not ifaces:
            return
        port = blk.first("port", "10443")
        try:
            p = int(port)
        except (TypeError, ValueError):
            p = 10443
        srcs = blk.get("source-address") or ["all"]
        neg = blk.low("source-address-negate", "disable") == "enable"
        v.blocks["_sslvpn"] = [(ifaces, p, srcs, neg, self.set_src(blk, "source-interface"))]
        v.blocks.setdefault("_tunnels", []).append(("ssl.root", self.set_src(blk, "source-interface"),
                                                    "SSL-VPN clients: remote hosts not in the "
                                                    "snapshot"))

    def h_tunnel_ifaces(self, blk: Block, v: _Vdom) -> None:
        kind = blk.path.split()[-1]
        for e in blk.entries.values():
            v.blocks.setdefault("_tunnels", []).append((e.name, self.src(e.edit_line),
                                                        f"{kind} tunnel not modelled"))
            e.leftover(ignore_prefixes=("",))

    def h_wire_pair(self, blk: Block, v: _Vdom) -> None:
        for e in blk.entries.values():
            for ifn in e.get("member") or []:
                v.blocks.setdefault("_tunnels", []).append((ifn, self.src(e.edit_line),
                                                            "virtual wire pair (bridged) not "
                                                            "modelled"))
            e.leftover(ignore_prefixes=("",))

    def h_security_policy(self, blk: Block, v: _Vdom) -> None:
        if blk.entries:
            v.blocks.setdefault("_ngfw_policies", []).append(blk)
        for e in blk.entries.values():
            e.leftover(ignore_prefixes=("",))

    def h_central_snat(self, blk: Block, v: _Vdom) -> None:
        for e in blk.entries.values():
            e.leftover(ignore_prefixes=("",))
        if blk.entries:
            self.partial("config firewall central-snat-map", "central source NAT not modelled "
                         "(addresses seen beyond the FortiGate unknown)", self.src(blk.config_line))

    def h_objects(self, blk: Block, v: _Vdom) -> None:
        """Collected; interpreted together in :meth:`_run_vdom` (needs all objects)."""
        v.blocks.setdefault("_objects", []).append(blk)

    # ------------------------------------------------------------------ secrets

    def _scan_secrets(self, root: Block) -> None:
        stack: list[Node] = [root]
        while stack:
            node = stack.pop()
            for key, s in node.settings.items():
                if s.values and (key in _SECRET_KEYS or key.endswith(("-password", "-passwd",
                                                                      "-secret", "psksecret"))):
                    vals = s.values
                    if vals[0].upper() == "ENC" and len(vals) > 1:
                        vals = vals[1:]
                    for val in vals:
                        if val.lower() not in _NOT_SECRET_VALUES and len(val) >= 3:
                            self.secrets.add(val)
                            self._secret_on_lines(s.lines, val)
            stack.extend(node.children.values())
            if isinstance(node, Block):
                stack.extend(node.entries.values())
                stack.extend(node.deleted)

    def _secret_on_lines(self, lines, value: str) -> None:
        """Record ``value`` as a secret of the lines it stands on (each line's piece of a
        multi-line value; PEM markers are not secrets)."""
        pieces = [p.strip() for p in value.split("\n")] if "\n" in value else [value]
        pieces = [p for p in pieces if p and not p.startswith("-----") and not p.endswith("-----")]
        for ln in lines:
            text = self.lines[ln - 1] if 0 < ln <= len(self.lines) else ""
            for p in pieces:
                if p in text:
                    self.secret_lines.setdefault(ln, set()).add(p)

    # ------------------------------------------------------------------ result

    def _result(self) -> ParseResult:
        status = self.tree.status
        rep = self.rep
        ignored = 0
        for n in range(1, len(status)):
            st = status[n]
            if st == IGNORED or (st == UNRECOGNIZED and n in self.material):
                ignored += 1    # key material is data: read, never configuration
            elif st == UNRECOGNIZED:
                rep.unrecognized.append(Src(self.file, n, self.lines[n - 1].strip()))
        rep.ignored = ignored
        for n, part in self.material.items():
            if part:
                self.secret_lines.setdefault(n, set()).add(part)
        devices = [v.dev for v in self.vdoms.values() if v.dev is not None]
        for d in devices:
            d.secrets |= self.secrets
            d.secret_lines = self.secret_lines
        rep.devices = [d.hostname for d in devices]
        return ParseResult(devices=devices, report=rep)

    # ------------------------------------------------------------------ per VDOM

    def _device_name(self, vdom: str) -> str:
        base = self.hostname or _hostname_from_file(self.file)
        return f"{base}/{vdom}" if len(self.vdoms) > 1 else base

    def _run_vdom(self, v: _Vdom) -> None:
        from netaudit.parsers.fortios_policy import build_vdom   # policy conversion
        dev = Device(hostname=self._device_name(v.name), vendor=VENDOR, file=self.file,
                     source=self.host_src)
        v.dev = dev
        hdr = self.tree.header
        ver = hdr.get("config-version", "")
        m = re.match(r"(\w+)-(\d+\.\d+\.\d+)-FW-build(\d+)", ver)
        if m:
            dev.os_version = f"{m.group(2)} build{m.group(3)}"
            dev.facts["model"] = m.group(1)
        dev.facts["vdom"] = v.name
        dev.facts["vdom_mode"] = self.vdom_mode
        for handler in ("h_settings", "h_zones", "h_sdwan", "h_dhcp_server", "h_dns_server",
                        "h_dynamic_routing", "h_router_policy", "h_ipsec_phase1", "h_sslvpn",
                        "h_tunnel_ifaces", "h_wire_pair", "h_security_policy",
                        "h_central_snat", "h_objects"):
            for blk in list(v.blocks.get(handler, [])):
                self._call(handler, blk, v)
        self._build_interfaces(v)
        try:
            build_vdom(self, v)
        except Exception as exc:  # noqa: BLE001
            self.rep.warnings.append(f"{self.file}: VDOM {v.name}: policies not understood "
                                     f"({type(exc).__name__}: {exc})")
            self.partial(f"vdom {v.name}", f"policy conversion failed ({type(exc).__name__})",
                         None)
            for blk in v.blocks.get("_objects", []):
                if blk.disp == MODEL:
                    blk.disp = None
            dev.filters[FORWARD_FILTER] = Filter(
                FORWARD_FILTER, [], kind="policy", partial="policies not understood")
            dev.forward_filter = FORWARD_FILTER

    def _build_interfaces(self, v: _Vdom) -> None:
        dev = v.dev
        # without VDOMs every interface is the one device's (a stray `set vdom` is ignored)
        recs = [r for r in self.ifs.values() if r.vdom == v.name or not self.vdom_mode]
        facts = dev.facts
        facts["interface_roles"] = {}
        facts["allowaccess"] = {}
        facts["dynamic_address_interfaces"] = []
        bridge_of: dict[str, str] = {}
        for sw, members in self.switch_members.items():
            for mname in members:
                bridge_of[mname] = sw
        agg_of: dict[str, str] = {}
        for r in recs:
            if r.typ in ("aggregate", "redundant"):
                for mname in r.members:
                    agg_of[mname] = r.name
        zone_of: dict[str, str] = {}
        for zname, (members, _, _, _) in v.zones.items():
            for mname in members:
                zone_of[mname] = zname
        for r in recs:
            kind = {"vlan": IfKind.VLAN, "loopback": IfKind.LOOPBACK, "tunnel": IfKind.TUNNEL,
                    "ssl": IfKind.TUNNEL, "aggregate": IfKind.PORT_CHANNEL,
                    "redundant": IfKind.PORT_CHANNEL, "hard-switch": IfKind.BRIDGE,
                    "switch": IfKind.BRIDGE, "physical": IfKind.PHYSICAL}.get(r.typ, IfKind.OTHER)
            if r.name in self.switch_members and kind in (IfKind.PHYSICAL, IfKind.OTHER):
                kind = IfKind.BRIDGE
            itf = Interface(name=r.name, kind=kind, source=self.src(r.entry.edit_line),
                            description=r.description, shutdown=r.shutdown, vrf=r.vrf)
            itf.addresses = [a for a, _, _ in r.addresses]
            itf.virtual_addresses = [IPNetwork(f"{_ipstr(x)}/32") for x in r.vrrp]
            if kind == IfKind.VLAN:
                itf.parent = r.parent
                itf.encapsulation_vlan = r.vlanid
                if r.parent and r.parent not in self.ifs:
                    dev.references.append(Reference("interface", r.parent, self.set_src(
                        r.entry, "interface"), False))
            if r.name in bridge_of:
                itf.mode = L2Mode.BRIDGE_PORT
                itf.parent = bridge_of[r.name]
                if itf.addresses:
                    r.partial.append("switch member with its own address")
            elif r.name in agg_of:
                itf.parent = agg_of[r.name]
            itf.zone = zone_of.get(r.name)
            if r.partial:
                itf.partial = "; ".join(r.partial)
                # FortiOS creates address-less system tunnels (ssl.root, naf.root, l2t.root)
                # in every VDOM: listed only when used (see the _tunnels pass below).
                if itf.addresses or r.typ not in ("tunnel", "ssl"):
                    self.partial(f"interface {r.name}", itf.partial, self.src(r.entry.edit_line))
            if r.mode in ("dhcp", "pppoe"):
                # Assigned at run time: the engine reasons over every address the
                # interface could receive (docs/semantics.md).
                itf.dynamic_address = True
                mode_src = self.set_src(r.entry, "mode") or self.src(r.entry.edit_line)
                itf.dynamic_source = mode_src
                facts["dynamic_address_interfaces"].append(r.name)
                if r.entry.low("defaultgw", "enable") == "enable":
                    # `set defaultgw enable` (the default): the server's / peer's gateway
                    # becomes a default route, distance `set distance` (default 5).
                    dist = r.entry.first("distance", "5")
                    dev.routes.append(Route(IPNetwork("0.0.0.0/0"), itf.vrf, interface=r.name,
                                            distance=int(dist) if dist.isdigit() else 5, origin="dhcp",
                                            runtime_gateway=True, source=mode_src))
            if r.role:
                facts["interface_roles"][r.name] = r.role
            if r.access:
                facts["allowaccess"][r.name] = {"protocols": list(r.access),
                                                "source": r.access_src, "role": r.role}
            dev.interfaces[r.name] = itf
        # SD-WAN member interfaces of this VDOM must exist
        for zone, members in v.sdwan.items():
            for ifn, _, src in members:
                if ifn not in dev.interfaces:
                    dev.references.append(Reference("interface", ifn, src, False))
        for ifn, src, reason in v.blocks.get("_tunnels", []):
            itf = dev.interfaces.get(ifn)
            if itf is not None:
                itf.kind = IfKind.TUNNEL if itf.kind in (IfKind.OTHER, IfKind.PHYSICAL) else itf.kind
                if reason not in (itf.partial or ""):
                    itf.partial = f"{itf.partial}; {reason}" if itf.partial else reason
                self.partial(f"interface {ifn}", reason, src)
        for ifn, src in v.blocks.get("_pbr", []):
            targets = [dev.interfaces[ifn]] if ifn in dev.interfaces else (
                list(dev.interfaces.values()) if ifn is None else [])
            for itf in targets:
                reason = "policy route (config router policy) not modelled"
                if reason not in (itf.partial or ""):
                    itf.partial = f"{itf.partial}; {reason}" if itf.partial else reason
                    self.partial(f"interface {itf.name}", reason, src)
        dyn = v.blocks.get("_dynamic", [])
        if dyn:
            facts.setdefault("dynamic_routing", []).extend(dyn)


# --------------------------------------------------------------------------- helpers


_PARTIAL = dict(T.PARTIAL_SECTIONS)
_IGNORED = frozenset(T.IGNORED_SECTIONS)


def _ipstr(x: int) -> str:
    return f"{(x >> 24) & 255}.{(x >> 16) & 255}.{(x >> 8) & 255}.{x & 255}"


def _hostname_from_file(file: str) -> str:
    name = PurePath(file).name
    for ext in (".conf", ".cfg", ".txt", ".backup"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name
