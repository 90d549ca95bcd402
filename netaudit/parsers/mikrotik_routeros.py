"""MikroTik RouterOS (v6 / v7 ``/export``, ``verbose``, ``terse``) → one :class:`Device`.

How it reads an export
----------------------
:mod:`mikrotik_syntax` joins ``\\``-continued lines and splits each logical line into
a menu path (``ip firewall filter``), a verb (``add``/``set``) and properties.  Each
menu has a handler in :data:`HANDLERS`; menus that cannot affect IPv4 forwarding or
the management plane are listed in :data:`IGNORED_MENUS` (their lines count as
ignored, secrets in them are still collected); anything else is unrecognized, with
the 1-based number of the line it starts on.  Handlers only record what the line
says; everything is resolved in :meth:`_RosParser.finish` once the whole export is
read (names, interface lists, address lists, jumps, NAT images, defaults by version).

RouterOS semantics translated here (DESIGN §3), with the documented defaults:

* **Bridges.**  ``vlan-filtering=yes``: member ports become switch ports — an
  access port in its ``pvid`` VLAN, or a trunk (native = pvid, allowed = the VLANs
  the ``/interface bridge vlan`` table tags on it); the bridge's own address becomes
  an SVI in the bridge ``pvid`` (default 1) and ``/interface vlan`` on the bridge
  SVIs of their VLAN ID.  ``vlan-filtering=no``: ``pvid`` and the VLAN table are
  ignored (as RouterOS does) — member ports are bridge ports of one untagged domain,
  the bridge is a routed bridge interface, and VLAN interfaces on it terminate their
  tag carried transparently across every member port.
* **Firewall.**  The ``forward`` chain becomes ``Device.forward_filter`` and the
  ``input`` chain ``Device.input_filter``, both default *accept*.  ``jump`` is
  flattened (the target chain's rules conjoined with the jump's conditions,
  ``return`` removing its packets from the rest of the inlined chain, loops make the
  filter partial); interface lists (with ``include``/``exclude`` and the built-ins
  ``all``, ``none``, ``static``, ``dynamic``) and address lists are expanded; ``!``
  negations complemented; ``connection-state`` rules that need established/related
  packets never match a new connection; ``connection-state=invalid`` matches the
  ICMP types conntrack never accepts as new; ``ipsec-policy=in,ipsec`` matches no
  packet a zone injects.  Unmodelled matchers keep the rule with its other
  conditions (a superset) and mark it partial.
* **connection-nat-state=dstnat.**  The model has no "was destination-NATed" bit.
  A dstnat'ed packet leaves DNAT with a header in the *image* of a DNAT rule (its
  to-address / to-port, the rule's other conditions, from the rule's in-interface),
  so ``dstnat`` is translated to that image and ``!dstnat`` to its complement.  The
  only packets this misclassifies are packets sent *directly* to a DNAT target with
  exactly such a header; they are delivered with the same header a translated
  packet has, so the delivered set is unchanged.  The translation errs toward
  reachability when ``dstnat`` permits or ``!dstnat`` drops (the usual
  ``drop … connection-nat-state=!dstnat in-interface-list=WAN``); used the other way
  round the rule is marked partial.  ``connection-nat-state=srcnat`` is decided
  after the forward chain, so it never matches a new connection there.
* **NAT.**  ``srcnat`` masquerade / src-nat and ``dstnat`` dst-nat / redirect /
  netmap (single address) become :class:`NatRule` s in chain order; ``accept`` in
  ``dstnat`` exempts (a rule with no rewrite).  ``dst-address-type=local`` means the
  router's own addresses.
* **Management plane.**  ``/ip service`` with RouterOS defaults when absent (see
  :data:`IP_SERVICES`), ``address=`` as an ACL; DNS (``allow-remote-requests``),
  DHCP servers/relays (on their interfaces), SNMP (communities' ``addresses``),
  bandwidth-test server (enabled by default), proxy, socks, SMB, NTP server, VPN
  servers, WireGuard listen ports, ICMP echo.  The input chain filters them all.
* **Routes.**  ``/ip route`` (gateway IP, interface, ``ip%iface``, ECMP lists,
  blackhole); v7 ``routing-table`` naming a ``/ip vrf`` is that VRF, ``main`` is
  the default VRF; routes in other tables (v6 ``routing-mark``) keep their table
  (``Route.table``) and are used only through policy routing.
* **Policy routing.**  ``/routing rule`` / ``/ip route rule`` and mangle
  ``mark-routing`` / ``route`` are composed into ``Device.policy_routes`` by
  :mod:`mikrotik_policy_routing`; what is uncertain is partial on those packets only.
* **Run-time addresses.**  ``/ip dhcp-client``, ``/interface pppoe-client`` (and the
  other PPP clients, LTE) give a dynamic-address interface (not partial) and, when
  asked for, a default route whose gateway is learned at run time
  (``Route.runtime_gateway``).  ``/interface bridge settings use-ip-firewall=yes``
  flags the bridges whose bridged traffic passes the IP firewall
  (``Interface.bridge_ip_firewall``).
* Version-dependent defaults: bridge port ``ingress-filtering`` (v6 no, v7 yes),
  ``/ip dhcp-server add`` / ``/ip dhcp-client add`` ``disabled`` (v6 yes, v7 no).
  Without a version header the more permissive value is assumed.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from netaddr import IPNetwork

from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    Device,
    Filter,
    FilterLine,
    IfKind,
    Interface,
    L2Mode,
    Match,
    MgmtService,
    NatRule,
    ParseReport,
    ParseResult,
    PortRange,
    Reference,
    Route,
    Src,
    Ssid,
    Vlan,
)
from netaudit.parsers.mikrotik_match import (
    ADDR_MAX,
    ANY,
    Cond,
    addr_pats,
    cond,
    intersect,
    intersect_all,
    negate_union,
    norm,
    r_and,
    r_not,
    r_or,
    to_matches,
)
from netaudit.parsers.mikrotik_policy_routing import compose as compose_policy_routes
from netaudit.secrets import key_material_lines
from netaudit.parsers.mikrotik_syntax import (
    Command,
    count_lines,
    logical_lines,
    parse_command,
    unquote,
)

VENDOR = "mikrotik_routeros"

# /ip service: RouterOS name -> (model name, port, enabled by default, cleartext).
# Same in v6 and v7: every service enabled except www-ssl (it needs a certificate).
IP_SERVICES = {
    "telnet": ("telnet", 23, True, True),
    "ftp": ("ftp", 21, True, True),
    "www": ("http", 80, True, True),
    "ssh": ("ssh", 22, True, False),
    "www-ssl": ("https", 443, False, False),
    "api": ("api", 8728, True, True),
    "api-ssl": ("api-ssl", 8729, True, False),
    "winbox": ("winbox", 8291, True, False),
}

PROTOCOLS = {
    "icmp": 1, "igmp": 2, "ggp": 3, "ip-encap": 4, "ipip": 4, "ipencap": 4, "st": 5,
    "tcp": 6, "egp": 8, "pup": 12, "udp": 17, "hmp": 20, "xns-idp": 22, "rdp": 27,
    "iso-tp4": 29, "dccp": 33, "xtp": 36, "ddp": 37, "idpr-cmtp": 38, "ipv6": 41,
    "ipv6-encap": 41, "ipv6-route": 43, "ipv6-frag": 44, "idrp": 45, "rsvp": 46,
    "gre": 47, "ipsec-esp": 50, "ipsec-ah": 51, "ipv6-icmp": 58, "icmpv6": 58,
    "ipv6-nonxt": 59, "ipv6-opts": 60, "rspf": 73, "vmtp": 81, "ospf": 89, "ax.25": 93,
    "ipip-tunnel": 94, "etherip": 97, "encap": 98, "pim": 103, "vrrp": 112, "l2tp": 115,
    "sctp": 132, "udp-lite": 136,
}
ALL_STATES = frozenset({"established", "related", "new", "invalid", "untracked"})
# ICMP types conntrack accepts as the start of a connection (nf_conntrack_proto_icmp):
# echo, timestamp, info and address-mask requests.  Every other type arriving without
# a connection is "invalid".
ICMP_NEW_TYPES = ((8, 8), (13, 13), (15, 15), (17, 17))
ICMP_INVALID_TYPES = r_not(ICMP_NEW_TYPES, 255)
ALL_PROTO_BUT_ICMP = ((0, 0), (2, 255))

# Firewall properties with no effect on which packets a rule matches.
RULE_META = frozenset({
    "chain", "action", "jump-target", "comment", "disabled", "log", "log-prefix",
    "address-list", "address-list-timeout", "reject-with", "to-addresses", "to-ports",
    "hw-offload", "place-before", "passthrough", "new-connection-mark",
    "new-packet-mark", "new-routing-mark", "new-dscp", "new-mss", "new-ttl",
    "new-priority", "sniff-id", "sniff-target", "sniff-target-port", "route-dst",
    "randomise-ports", "copy-from", "dynamic", "invalid",
})
# Matchers the model does not capture: the rule becomes partial (superset kept).
RULE_PARTIAL = {
    "layer7-protocol": "layer7-protocol", "content": "content", "time": "time",
    "limit": "limit", "dst-limit": "dst-limit", "connection-limit": "connection-limit",
    "connection-rate": "connection-rate", "tls-host": "tls-host",
    "packet-mark": "packet-mark", "connection-mark": "connection-mark",
    "routing-mark": "routing-mark", "routing-table": "routing-table", "hotspot": "hotspot",
    "p2p": "p2p", "psd": "psd", "nth": "nth", "random": "random",
    "per-connection-classifier": "per-connection-classifier",
    "src-mac-address": "src-mac-address", "in-bridge-port": "in-bridge-port",
    "in-bridge-port-list": "in-bridge-port-list", "out-bridge-port": "out-bridge-port",
    "out-bridge-port-list": "out-bridge-port-list", "dscp": "dscp", "tcp-mss": "tcp-mss",
    "packet-size": "packet-size", "ttl": "ttl", "fragment": "fragment",
    "ipv4-options": "ipv4-options", "priority": "priority", "tcp-flags": "tcp-flags",
    "connection-type": "connection-type (helper)", "connection-bytes": "connection-bytes",
    "ingress-priority": "ingress-priority", "headers": "headers",
}

BRIDGE_PORT_KEYS = frozenset({"in-bridge-port", "in-bridge-port-list", "out-bridge-port",
                              "out-bridge-port-list"})

# Property keys (last dotted component) whose values are secrets.
SECRET_KEYS = frozenset({
    "password", "wpa-pre-shared-key", "wpa2-pre-shared-key", "passphrase", "secret",
    "ipsec-secret", "private-key", "preshared-key", "pre-shared-key",
    "authentication-password", "encryption-password", "static-key-0", "static-key-1",
    "static-key-2", "static-key-3", "static-sta-private-key", "tcp-md5-key", "auth-key",
    "authentication-key", "radius-mac-format-secret", "key", "psk",
})
_SECRET_HINT = re.compile(r"pass|secret|key|psk|community", re.IGNORECASE)
_NOT_SECRETS = frozenset({"yes", "no", "none", "auto", "default", "public", "private", '""'})
_NOT_LINE_SECRETS = frozenset({"yes", "no", "none", "auto", "default", '""', ""})

_IGN = object()        # handler result: understood, no effect


class _Unknown(Exception):
    """A handler does not understand the command."""


# --------------------------------------------------------------------------- records


@dataclass(eq=False)
class _If:
    name: str
    kind: IfKind
    src: Src | None = None
    default_name: str | None = None
    disabled: bool = False
    comment: str = ""
    guessed: bool = True
    partial: list[str] = field(default_factory=list)
    master_port: str | None = None
    dynamic_addr: str | None = None       # "DHCP client" / "PPPoE client" …


@dataclass(eq=False)
class _Bridge:
    name: str
    src: Src
    vlan_filtering: bool = False
    vf_src: Src | None = None
    pvid: int = 1
    frame_types: str = "admit-all"
    ingress_filtering: bool | None = None
    disabled: bool = False


@dataclass(eq=False)
class _BPort:
    bridge: str
    iface: str
    src: Src
    pvid: int = 1
    pvid_set: bool = False
    frame_types: str = "admit-all"
    ingress_filtering: bool | None = None
    disabled: bool = False
    horizon: str | None = None
    dynamic: bool = False


@dataclass(eq=False)
class _BVlan:
    bridge: str
    vids: frozenset[int]
    tagged: list[str]
    untagged: list[str]
    src: Src


@dataclass(eq=False)
class _VlanIf:
    name: str
    vid: int
    parent: str
    src: Src
    disabled: bool = False
    service_tag: bool = False


@dataclass(eq=False)
class _Wl:
    """A legacy ``/interface wireless`` or v7 ``/interface wifi`` interface."""

    family: str                 # wireless | wifi
    name: str
    src: Src
    props: dict[str, str] = field(default_factory=dict)
    default_name: str | None = None


@dataclass(eq=False)
class _Rule:
    table: str
    index: int
    cmd: Command
    src: Src
    chain: str = ""
    action: str = "accept"
    disabled: bool = False


@dataclass
class _Flat:
    """One flattened rule: its terminal action on ``conds`` (a union)."""

    action: str
    conds: list[Cond]
    rule: _Rule
    reasons: list[str]


def _yes(v: str | None, default: bool = False) -> bool:
    if v is None:
        return default
    return v.strip('"').lower() in ("yes", "true", "on", "enabled")


def _split_list(v: str | None) -> list[str]:
    if not v:
        return []
    return [x for x in (unquote(p).strip() for p in v.split(",")) if x]


def _int(v: str | None, default: int | None = None) -> int | None:
    if v is None:
        return default
    v = unquote(v).strip()
    return int(v) if v.isdigit() else default


_IP4 = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")


def ip_int(s: str) -> int | None:
    m = _IP4.match(s)
    if not m:
        return None
    a, b, c, d = (int(x) for x in m.groups())
    if a > 255 or b > 255 or c > 255 or d > 255:
        return None
    return (a << 24) | (b << 16) | (c << 8) | d


def int_ip(n: int) -> str:
    return f"{n >> 24 & 255}.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


def parse_addr(s: str) -> tuple[int, int] | None:
    """``a.b.c.d``, ``a.b.c.d/len`` or ``a.b.c.d-e.f.g.h`` → (first, last)."""
    if "/" in s:
        a, _, ln = s.partition("/")
        x = ip_int(a)
        if x is None or not ln.isdigit() or int(ln) > 32:
            return None
        plen = int(ln)
        mask = (ADDR_MAX << (32 - plen)) & ADDR_MAX if plen else 0
        lo = x & mask
        return lo, lo | (~mask & ADDR_MAX)
    if "-" in s:
        a, _, b = s.partition("-")
        x, y = ip_int(a), ip_int(b)
        if x is None or y is None or y < x:
            return None
        return x, y
    x = ip_int(s)
    return None if x is None else (x, x)


def parse_ports(s: str) -> tuple | None:
    out = []
    for part in s.split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            return None
        a, b = int(lo), int(hi or lo)
        if a > 65535 or b > 65535 or b < a:
            return None
        out.append((a, b))
    return norm(out) if out else None


def parse_vlan_ids(s: str) -> frozenset[int] | None:
    out: set[int] = set()
    for part in unquote(s).split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            return None
        a, b = int(lo), int(hi or lo)
        if not (1 <= a <= b <= 4094):
            return None
        out.update(range(a, b + 1))
    return frozenset(out)


def _guess_kind(name: str) -> IfKind:
    low = name.lower()
    if low.startswith(("ether", "sfp", "qsfp", "combo", "wlan", "wifi", "eth")):
        return IfKind.PHYSICAL
    if low.startswith("bridge"):
        return IfKind.BRIDGE
    if low.startswith("vlan"):
        return IfKind.VLAN
    if low.startswith(("bond",)):
        return IfKind.PORT_CHANNEL
    if low == "lo" or low.startswith("loopback"):
        return IfKind.LOOPBACK
    if low.startswith(("gre", "eoip", "ipip", "wg", "wireguard", "l2tp", "pptp", "sstp",
                       "ovpn", "vxlan", "6to4")):
        return IfKind.TUNNEL
    return IfKind.OTHER


# =========================================================================== the parser


class _RosParser:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.dev = Device(hostname="", vendor=VENDOR, file=file)
        self.rep = ParseReport(file=file, vendor=VENDOR)
        self.ignored = 0
        self.major: int | None = None
        self.ifs: dict[str, _If] = {}
        self.renames: dict[str, str] = {}            # default-name -> current name
        self.bridges: dict[str, _Bridge] = {}
        self.bports: list[_BPort] = []
        self.bvlans: list[_BVlan] = []
        self.vlan_ifs: dict[str, _VlanIf] = {}
        self.bonds: dict[str, tuple[list[str], Src]] = {}
        self.lists: dict[str, dict] = {}              # name -> {include, exclude, src}
        self.list_members: list[tuple[str, str, Src]] = []
        self.wl: dict[str, _Wl] = {}
        self.wsec: dict[str, dict[str, str]] = {}     # legacy security profiles
        self.wifi_profiles: dict[tuple[str, str], dict[str, str]] = {}
        self.addrs: list[tuple[str, IPNetwork, Src]] = []
        self.routes: list[tuple[Command, Src]] = []
        self.vrfs: dict[str, tuple[list[str], Src]] = {}
        self.tables: set[str] = {"main"}
        self.rules: dict[str, list[_Rule]] = {"filter": [], "nat": [], "mangle": [], "raw": []}
        self.fw_partial: dict[str, list[tuple[str, Src]]] = {}
        self.addr_entries: dict[str, list[tuple[str, Src]]] = {}
        self.dynamic_lists: dict[str, Src] = {}
        self.services: dict[str, dict] = {}
        self.dns: dict = {}
        self.dhcp_servers: list[tuple[Command, Src]] = []
        self.dhcp_relays: list[tuple[Command, Src]] = []
        self.dhcp_clients: list[tuple[Command, Src]] = []
        self.dyn_clients: list[tuple[str, Command, Src]] = []
        self.snmp: dict = {}
        self.snmp_communities: list[dict] = []
        self.singletons: dict[str, tuple[Command, Src]] = {}   # menu -> last set
        self.vpn_servers: dict[str, tuple[Command, Src]] = {}
        self.wireguard: list[tuple[str, int, Src]] = []
        self.upnp_ifs: list[tuple[str, str, Src]] = []
        self.routing_rules: list[tuple[Command, Src]] = []
        self.table_fib: set[str] = {"main"}            # v7 tables with the fib flag
        self.tables_declared: set[str] = {"main"}
        self.bridge_settings: dict[str, tuple[bool, Src]] = {}
        self.bridge_l2fw: list[tuple[Command, Src, str]] = []
        self.lte_apn: dict[str, dict[str, str]] = {}
        self.users: list[dict] = []
        self.user_lines = False
        self.discovery_old: list[tuple[str, bool, Src]] = []
        self.conntrack: tuple[str, Src] | None = None
        self.refs: list[tuple[str, str, Src, bool]] = []
        # (target, reason, source); a target is an interface or list name, "@bridges"
        # (every bridge), "@bridge=NAME" (a bridge and its VLAN interfaces),
        # "@port=NAME" (the L3 interfaces a port's frames reach) or "@switch" (every
        # L3 interface: switch-chip configuration naming no known port).
        self.partial_ifaces: list[tuple[str, str, Src]] = []
        self.capsman: list[Src] = []
        self.cond_cache: dict[tuple, tuple] = {}
        self.list_cache: dict[str, tuple] = {}
        self.vrrp: dict[str, tuple[str, Src]] = {}
        self.has_ipsec = False
        self.untracked_possible = False
        self.use_ip_firewall = False
        facts = self.dev.facts
        facts.update({
            "dynamic_routing": [], "dhcp_client_interfaces": [], "ip_services": {},
            "bridges_no_vlan_filtering": [], "vlan_hopping_ports": [], "users": [],
            "users_exported": False, "neighbor_discovery": None, "mac_server": {},
            "routeros_version": "", "model": "", "interface_lists": {},
            "interface_rule_on_bridge_port": [],
        })

    # ------------------------------------------------------------------ helpers

    def unrecognized(self, src: Src) -> None:
        self.rep.unrecognized.append(src)

    def partial(self, construct: str, reason: str, src: Src) -> None:
        self.rep.add_partial(construct, reason, src)

    def add_secret(self, value: str | None, src: Src | None = None, raw: str | None = None) -> None:
        """A literal secret; with ``src``, also a secret of that line by grammar position
        (then even ``public``: it is the community there), as written (``raw``) and decoded."""
        if src is not None and value and value.lower() not in _NOT_LINE_SECRETS:
            on_line = self.dev.secret_lines.setdefault(src.line, set())
            on_line.add(value)
            if raw:
                on_line.add(raw.strip('"'))
        if not value or len(value) < 3 or value.lower() in _NOT_SECRETS:
            return
        self.dev.secrets.add(value)

    def scan_secrets(self, cmd: Command, src: Src | None = None) -> None:
        for k, raw in cmd.props.items():
            if k.rsplit(".", 1)[-1] in SECRET_KEYS:
                self.add_secret(unquote(raw), src, raw)
        if cmd.path[-2:] == ("snmp", "community") and src is not None:
            # the community is its name: name=X, and the item a `set X …` names
            if "name" in cmd.props:
                self.add_secret(unquote(cmd.props["name"]), src, cmd.props["name"])
            if cmd.verb == "set" and cmd.words:
                self.add_secret(unquote(cmd.words[0]), src, cmd.words[0])

    def _if(self, name: str, kind: IfKind | None = None, src: Src | None = None) -> _If:
        """The interface record named ``name`` (created on first mention)."""
        rec = self.ifs.get(name)
        if rec is None:
            rec = self.ifs[name] = _If(name, kind or _guess_kind(name), src, guessed=kind is None)
        else:
            if kind is not None and rec.guessed:
                rec.kind, rec.guessed = kind, False
            if src is not None and rec.src is None:
                rec.src = src
        return rec

    def _current(self, name: str) -> str:
        return self.renames.get(name, name)

    def _set_target(self, cmd: Command) -> str | None:
        """The interface a ``set`` line configures (by current or default name)."""
        if cmd.find and "default-name" in cmd.find:
            return self._current(unquote(cmd.find["default-name"]))
        return cmd.target

    def _set_rename(self, cmd: Command) -> tuple[str | None, str, str]:
        """A ``set`` line on an interface: (its default name if it was found by one,
        its current name, its name after the line); a rename is recorded and the
        interface record moved to the new name."""
        default = unquote(cmd.find["default-name"]) if cmd.find and "default-name" in cmd.find \
            else None
        cur = self._set_target(cmd)
        if cur is None:
            raise _Unknown
        name = cmd.get("name") or cur
        if default is not None:
            self.renames[default] = name
        if name != cur and cur in self.ifs:
            rec = self.ifs.pop(cur)
            rec.name = name
            self.ifs[name] = rec
        return default, cur, name

    # ------------------------------------------------------------------ main loop

    def run(self) -> ParseResult:
        self.rep.lines = count_lines(self.text)
        current: tuple[str, ...] | None = None
        # Key material (a PEM block pasted into the export): data, never a command.
        material = key_material_lines(self.text.split("\n")) if "-----BEGIN" in self.text else {}
        for lineno, nphys, text in logical_lines(self.text):
            if material and lineno in material:
                self.ignored += nphys
                if material[lineno]:
                    self.dev.secret_lines.setdefault(lineno, set()).add(material[lineno])
                continue
            if not text:
                self.ignored += nphys
                continue
            if text[0] == "#":
                self.ignored += nphys
                if lineno <= 12:
                    self._header_comment(text)
                continue
            src = Src(self.file, lineno, text)
            if text[0] == ":":
                self.unrecognized(src)
                continue
            try:
                path, cmd = parse_command(text, current)
            except ValueError:
                self.unrecognized(src)
                continue
            if text[0] == "/":
                current = path
            path = _alias(path)
            if cmd is None:                      # a menu header
                if path in HANDLERS or _ignored_menu(path):
                    self.ignored += nphys
                else:
                    self.unrecognized(src)
                continue
            try:
                self._dispatch(path, cmd, src, nphys)
            except Exception as exc:  # noqa: BLE001 - never let odd content crash the parse
                self.unrecognized(src)
                self.rep.warnings.append(
                    f"{self.file}:{lineno}: line not understood ({type(exc).__name__}: {exc})")
        self.finish()
        self.rep.ignored = self.ignored
        return ParseResult(devices=[self.dev], report=self.rep)

    def _header_comment(self, text: str) -> None:
        m = re.search(r"by RouterOS (\d+)\.(\d+)(\S*)", text)
        if m:
            self.major = int(m.group(1))
            self.dev.os_version = f"{m.group(1)}.{m.group(2)}{m.group(3)}"
            self.dev.facts["routeros_version"] = self.dev.os_version
            return
        m = re.match(r"#\s*model\s*=\s*(.+)$", text)
        if m:
            self.dev.facts["model"] = m.group(1).strip()

    def _dispatch(self, path, cmd: Command, src: Src, nphys: int) -> None:
        if cmd.props:
            self.scan_secrets(cmd, src)
        handler = HANDLERS.get(path)
        if handler is None:
            if _ignored_menu(path) and cmd.verb in ("add", "set"):
                self.ignored += nphys
                return
            self.unrecognized(src)
            return
        if cmd.verb not in ("add", "set"):
            self.unrecognized(src)
            if path[:2] == ("ip", "firewall") and len(path) == 3 and path[2] in self.rules:
                self.fw_partial.setdefault(path[2], []).append(
                    (f"'{cmd.verb}' command in /ip firewall {path[2]} not modelled", src))
            return
        try:
            res = handler(self, cmd, src)
        except _Unknown:
            self.unrecognized(src)
            return
        if res is _IGN:
            self.ignored += nphys

    # ------------------------------------------------------------------ system

    def h_identity(self, cmd, src):
        name = cmd.get("name")
        if not name:
            return _IGN
        self.dev.hostname = name
        self.dev.source = src

    # ------------------------------------------------------------------ interfaces

    def h_ethernet(self, cmd, src):
        if cmd.verb != "set":
            raise _Unknown
        default, cur, name = self._set_rename(cmd)
        rec = self._if(name, IfKind.PHYSICAL, src)
        rec.default_name = default or rec.default_name
        touched = name != cur
        if cmd.has("disabled"):
            rec.disabled = _yes(cmd.get("disabled"))
            touched = True
        if cmd.has("comment"):
            rec.comment = cmd.get("comment") or ""
            touched = True
        mp = cmd.get("master-port")
        if mp and mp != "none":
            rec.master_port = mp
            touched = True
        return None if touched else _IGN

    def h_bridge(self, cmd, src):
        name = cmd.get("name") if cmd.verb == "add" else (cmd.target or cmd.get("name"))
        if not name:
            raise _Unknown
        if cmd.verb == "set" and cmd.get("name") and cmd.target and cmd.target != cmd.get("name"):
            raise _Unknown                  # rename by set: not produced by /export
        b = self.bridges.get(name)
        if b is None:
            b = self.bridges[name] = _Bridge(name, src)
        rec = self._if(name, IfKind.BRIDGE, src)
        if cmd.has("vlan-filtering"):
            b.vlan_filtering = _yes(cmd.get("vlan-filtering"))
            b.vf_src = src
        if cmd.has("pvid"):
            b.pvid = _int(cmd.get("pvid"), 1)
        if cmd.has("frame-types"):
            b.frame_types = cmd.get("frame-types")
        if cmd.has("ingress-filtering"):
            b.ingress_filtering = _yes(cmd.get("ingress-filtering"))
        if cmd.has("disabled"):
            b.disabled = rec.disabled = _yes(cmd.get("disabled"))
        if cmd.has("comment"):
            rec.comment = cmd.get("comment") or ""

    def h_bridge_port(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        bridge, iface = cmd.get("bridge"), cmd.get("interface")
        if not bridge or not iface:
            raise _Unknown
        p = _BPort(bridge, iface, src)
        if cmd.has("pvid"):
            p.pvid = _int(cmd.get("pvid"), 1)
            p.pvid_set = True
        p.frame_types = cmd.get("frame-types", "admit-all")
        if cmd.has("ingress-filtering"):
            p.ingress_filtering = _yes(cmd.get("ingress-filtering"))
        p.disabled = _yes(cmd.get("disabled"))
        h = cmd.get("horizon")
        p.horizon = None if h in (None, "none") else h
        self.bports.append(p)

    def h_bridge_vlan(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        bridge = cmd.get("bridge")
        vids = parse_vlan_ids(cmd.props.get("vlan-ids", ""))
        if not bridge or not vids:
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.bvlans.append(_BVlan(bridge, vids, _split_list(cmd.props.get("tagged")),
                                  _split_list(cmd.props.get("untagged")), src))

    def h_bridge_settings(self, cmd, src):
        """use-ip-firewall(-for-vlan, -for-pppoe): recorded, applied to the bridges in
        :meth:`_finish_bridge_firewall`."""
        touched = False
        for key in ("use-ip-firewall", "use-ip-firewall-for-vlan", "use-ip-firewall-for-pppoe"):
            if cmd.has(key):
                self.bridge_settings[key] = (_yes(cmd.get(key)), src)
                touched = True
        return None if touched else _IGN

    def h_bridge_l2fw(self, cmd, src):
        if _yes(cmd.get("disabled")):
            return _IGN
        action = cmd.get("action", "accept")
        if action in ("accept", "passthrough", "log", "mark-packet", "set-priority"):
            return _IGN
        self.bridge_l2fw.append((cmd, src, action))

    def h_vlan(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        name, parent, vid = cmd.get("name"), cmd.get("interface"), _int(cmd.get("vlan-id"))
        if not name or not parent or vid is None:
            raise _Unknown
        v = _VlanIf(name, vid, parent, src, disabled=_yes(cmd.get("disabled")),
                    service_tag=_yes(cmd.get("use-service-tag")))
        self.vlan_ifs[name] = v
        rec = self._if(name, IfKind.VLAN, src)
        rec.disabled = v.disabled
        rec.comment = cmd.get("comment") or ""

    def h_bonding(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        name = cmd.get("name")
        if not name:
            raise _Unknown
        self.bonds[name] = (_split_list(cmd.props.get("slaves")), src)
        rec = self._if(name, IfKind.PORT_CHANNEL, src)
        rec.disabled = _yes(cmd.get("disabled"))

    def h_iflist(self, cmd, src):
        if cmd.verb == "set":
            return _IGN                 # built-in lists (all, none …): comments only
        name = cmd.get("name")
        if not name:
            raise _Unknown
        self.lists[name] = {"include": _split_list(cmd.props.get("include")),
                            "exclude": _split_list(cmd.props.get("exclude")), "src": src}

    def h_iflist_member(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        lst, iface = cmd.get("list"), cmd.get("interface")
        if not lst or not iface:
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.list_members.append((lst, iface, src))

    def _wl_record(self, family: str, cmd: Command, src: Src) -> _Wl:
        if cmd.verb == "set":
            default, cur, name = self._set_rename(cmd)
            w = self.wl.pop(cur, None) or self.wl.get(name)
            if w is None:
                w = _Wl(family, name, src, default_name=default)
        else:
            name = cmd.get("name")
            if not name:
                raise _Unknown
            w = self.wl.get(name) or _Wl(family, name, src)
        w.name = name
        w.src = src if w.src is None else w.src
        for k, v in cmd.props.items():
            w.props[k] = v
        if cmd.verb == "add":
            w.props.setdefault("__added", "yes")
        self.wl[name] = w
        rec = self._if(name, IfKind.PHYSICAL, src)
        rec.default_name = w.default_name
        return w

    def h_wireless(self, cmd, src):
        self._wl_record("wireless", cmd, src)

    def h_wsec(self, cmd, src):
        if cmd.verb == "add":
            name = cmd.get("name")
            if not name:
                raise _Unknown
            self.wsec.setdefault(name, {}).update(cmd.props)
            return
        is_default = bool(cmd.find and cmd.find.get("default") == "yes")
        old = "default" if is_default else cmd.target
        if not old:
            raise _Unknown
        prof = self.wsec.setdefault(old, {})
        prof.update(cmd.props)
        new = cmd.get("name")
        if new and new != old:
            self.wsec[new] = prof          # renamed default profile keeps answering to both

    def h_wcap(self, cmd, src):
        if _yes(cmd.get("enabled")):
            self.capsman.append(src)
            self.partial("wireless", "radios managed by CAPsMAN: SSIDs and VLANs are set by "
                                     "the controller (not in this export)", src)
            return None
        return _IGN

    def h_capsman(self, cmd, src):
        self.capsman.append(src)
        self.partial("capsman", "CAPsMAN configuration (SSIDs on remote access points) not "
                                "modelled", src)

    def h_wifi(self, cmd, src):
        self._wl_record("wifi", cmd, src)

    def h_wifi_profile(self, kind: str):
        def handler(self, cmd, src):
            name = cmd.get("name") if cmd.verb == "add" else cmd.target
            if not name:
                raise _Unknown
            self.wifi_profiles.setdefault((kind, name), {}).update(cmd.props)
        return handler

    def h_dyn_client(self, kind: str):
        """PPPoE/L2TP/PPTP/SSTP/OVPN/LTE clients: an interface whose address is dynamic."""
        def handler(self, cmd, src):
            if kind == "lte" and cmd.verb == "set":
                if cmd.find and "default-name" in cmd.find:
                    name = self._set_rename(cmd)[2]
                else:                                 # set [ find ] name=lte1 (v6 defconf)
                    name = self._set_target(cmd) or cmd.get("name")
            else:
                name = cmd.get("name")
            if not name:
                raise _Unknown
            rec = self._if(name, IfKind.OTHER, src)
            rec.disabled = _yes(cmd.get("disabled"), kind not in ("lte",) and self.major == 6)
            rec.dynamic_addr = f"{kind} client"
            self.dyn_clients.append((name, cmd, src))
        return handler

    def h_tunnel(self, kind: IfKind):
        def handler(self, cmd, src):
            name = cmd.get("name") if cmd.verb == "add" else cmd.target
            if not name:
                raise _Unknown
            rec = self._if(name, kind, src)
            rec.disabled = _yes(cmd.get("disabled"))
            if cmd.path[-1] == "wireguard" and cmd.has("listen-port"):
                self.wireguard.append((name, _int(cmd.get("listen-port"), 13231), src))
            elif cmd.path[-1] == "wireguard" and cmd.verb == "add":
                self.wireguard.append((name, 13231, src))
        return handler

    def h_vpn_server(self, cmd, src):
        key = " ".join(cmd.path[1:2])
        self.vpn_servers[key + (f":{cmd.get('name')}" if cmd.verb == "add" else "")] = (cmd, src)
        if cmd.get("enabled") is None and cmd.verb == "set":
            return _IGN

    def h_switch(self, cmd, src):
        if _yes(cmd.get("disabled")):
            return _IGN
        if cmd.path[-1] in ("vlan", "rule", "port") and cmd.verb == "add" \
                or cmd.path[-1] == "port" and cmd.has("vlan-mode"):
            # the ports it names (the switch CPU port stands for the router itself,
            # reached through the other ports' bridge)
            ports = _split_list(cmd.props.get("ports")) if cmd.verb == "add" else \
                [self._set_target(cmd) or ""]
            ports = [x for x in ports if x and not x.endswith("-cpu")]
            reason = "switch chip VLAN/rule configuration (/interface ethernet switch) not " \
                     "modelled"
            for port in ports or ["@switch"]:
                self.partial_ifaces.append((f"@port={port}" if port != "@switch" else port,
                                            reason, src))
            return None
        return _IGN

    # ------------------------------------------------------------------ IP

    def h_address(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        addr, iface = cmd.get("address"), cmd.get("interface")
        if not addr or not iface:
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        a, _, ln = addr.partition("/")
        if ip_int(a) is None:
            raise _Unknown
        plen = int(ln) if ln.isdigit() and int(ln) <= 32 else (32 if not ln else None)
        if plen is None:
            raise _Unknown
        self.addrs.append((iface, IPNetwork(f"{a}/{plen}"), src))

    def h_route(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.routes.append((cmd, src))

    def h_route_vrf_v6(self, cmd, src):
        if _yes(cmd.get("disabled")):
            return _IGN
        mark = cmd.get("routing-mark")
        for iface in _split_list(cmd.props.get("interfaces")):
            if mark:
                self.vrfs.setdefault(mark, ([], src))[0].append(iface)
        self.tables.add(mark or "")

    def h_vrf(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        name = cmd.get("name")
        if not name:
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.vrfs[name] = (_split_list(cmd.props.get("interfaces")), src)

    def h_routing_table(self, cmd, src):
        name = cmd.get("name")
        if not name:
            raise _Unknown
        self.tables.add(name)
        self.tables_declared.add(name)
        if "fib" in cmd.words or _yes(cmd.get("fib")):
            self.table_fib.add(name)

    def h_lte_apn(self, cmd, src):
        """APN profiles: whether the LTE interface adds a default route, at what distance."""
        default = bool(cmd.find and cmd.find.get("default") == "yes")
        name = "default" if default else (cmd.get("name") if cmd.verb == "add" else cmd.target)
        if not name:
            raise _Unknown
        self.lte_apn.setdefault(name, {}).update(cmd.props)
        keys = ("add-default-route", "default-route-distance")
        return None if any(k in cmd.props for k in keys) else _IGN

    def h_routing_rule(self, cmd, src):
        if _yes(cmd.get("disabled")):
            return _IGN
        self.routing_rules.append((cmd, src))

    def h_dynamic_routing(self, cmd, src):
        if _yes(cmd.get("disabled")):
            return _IGN
        self.dev.facts["dynamic_routing"].append(src)

    def h_firewall(self, table: str):
        def handler(self, cmd, src):
            if cmd.verb != "add":
                raise _Unknown
            chain = cmd.get("chain")
            if not chain:
                raise _Unknown
            rules = self.rules[table]
            r = _Rule(table, len(rules), cmd, src, chain, cmd.get("action", "accept"),
                      _yes(cmd.get("disabled")))
            rules.append(r)
            if r.action in ("add-src-to-address-list", "add-dst-to-address-list") \
                    and not r.disabled and cmd.get("address-list"):
                self.dynamic_lists.setdefault(cmd.get("address-list"), src)
            return _IGN if r.disabled else None
        return handler

    def h_address_list(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        lst, addr = cmd.get("list"), cmd.get("address")
        if not lst or addr is None:
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.addr_entries.setdefault(lst, []).append((addr, src))

    def h_conntrack(self, cmd, src):
        if cmd.has("enabled"):
            self.conntrack = (cmd.get("enabled"), src)
            return None
        return _IGN

    def h_service(self, cmd, src):
        if cmd.verb != "set":
            raise _Unknown
        name = cmd.target
        if not name:
            raise _Unknown
        s = self.services.setdefault(name, {})
        s.update(cmd.props)
        s["__src"] = src

    def h_dns(self, cmd, src):
        if cmd.has("allow-remote-requests"):
            self.dns = {"allow": _yes(cmd.get("allow-remote-requests")), "src": src}
            return None
        return _IGN

    def h_dhcp_server(self, cmd, src):
        if cmd.verb != "add":
            raise _Unknown
        if not cmd.get("interface"):
            raise _Unknown
        self.dhcp_servers.append((cmd, src))
        for lst in _split_list(cmd.props.get("address-lists")):
            self.dynamic_lists.setdefault(lst, src)

    def h_dhcp_relay(self, cmd, src):
        if cmd.verb != "add" or not cmd.get("interface"):
            raise _Unknown
        self.dhcp_relays.append((cmd, src))

    def h_dhcp_client(self, cmd, src):
        if cmd.verb != "add" or not cmd.get("interface"):
            raise _Unknown
        self.dhcp_clients.append((cmd, src))

    def h_discovery(self, cmd, src):
        if cmd.path[-1] == "discovery-settings":
            lst = cmd.get("discover-interface-list")
            if lst is None:
                return _IGN
            self.dev.facts["neighbor_discovery"] = {"list": lst, "source": src}
            return None
        # v6 < 6.41: /ip neighbor discovery set ether1 discover=no
        name = self._set_target(cmd)
        if name is None or not cmd.has("discover"):
            return _IGN
        self.discovery_old.append((name, _yes(cmd.get("discover"), True), src))

    def h_singleton(self, cmd, src):
        """Menus with one set of settings (``/ip settings``, ``/ip proxy`` …)."""
        key = " ".join(cmd.path)
        prev = self.singletons.get(key)
        if prev is not None:
            merged = Command(cmd.path, "set", {**prev[0].props, **cmd.props})
            self.singletons[key] = (merged, src)
        else:
            self.singletons[key] = (cmd, src)

    def h_ppp_profile(self, cmd, src):
        lst = cmd.get("address-list")
        if lst:
            self.dynamic_lists.setdefault(lst, src)
            return None
        return _IGN

    def h_vrrp(self, cmd, src):
        name, parent = cmd.get("name"), cmd.get("interface")
        if cmd.verb != "add" or not name or not parent:
            raise _Unknown
        self.vrrp[name] = (parent, src)
        rec = self._if(name, IfKind.OTHER, src)
        rec.disabled = _yes(cmd.get("disabled"))

    def h_ipsec_policy(self, cmd, src):
        if cmd.verb == "add" and not _yes(cmd.get("disabled")) and not _yes(cmd.get("template")):
            self.has_ipsec = True
            return None
        return _IGN

    def h_upnp_if(self, cmd, src):
        if cmd.verb != "add" or not cmd.get("interface"):
            raise _Unknown
        if _yes(cmd.get("disabled")):
            return _IGN
        self.upnp_ifs.append((cmd.get("interface"), cmd.get("type", "internal"), src))

    def h_hotspot(self, cmd, src):
        if cmd.verb == "add" and cmd.get("interface") and not _yes(cmd.get("disabled")):
            self.partial_ifaces.append((cmd.get("interface"), ("HotSpot on this interface "
                                        "(captive portal, dynamic rules) not modelled"), src))
            return None
        return _IGN

    def h_snmp(self, cmd, src):
        self.snmp.update(cmd.props)
        self.snmp["__src"] = src

    def h_snmp_community(self, cmd, src):
        default = bool(cmd.find and cmd.find.get("default") == "yes")
        name = cmd.get("name") or (cmd.target if not default else None)
        entry = next((c for c in self.snmp_communities
                      if (default and c.get("__default")) or (name and c.get("__name") == name)),
                     None)
        if entry is None:
            entry = {"__default": default}
            self.snmp_communities.append(entry)
        entry.update(cmd.props)
        entry["__name"] = name or entry.get("__name") or ("public" if default else "")
        entry["__src"] = src
        entry["__added"] = cmd.verb == "add"

    def h_user(self, cmd, src):
        self.user_lines = True
        default_admin = cmd.find is not None and cmd.find.get("name") == "admin"
        name = cmd.get("name") if cmd.verb == "add" else (cmd.target or cmd.get("name"))
        if not name:
            raise _Unknown
        self.users.append({"name": name, "group": cmd.get("group", ""),
                           "password": cmd.has("password") and bool(cmd.get("password")),
                           "renamed_from_admin": default_admin and cmd.get("name") not in
                           (None, "admin"),
                           "verb": cmd.verb, "source": src})

    def h_mac_server(self, cmd, src):
        kind = cmd.path[-1] if cmd.path[-1] != "mac-server" else "mac-telnet"
        if kind == "ping":
            return _IGN
        if cmd.verb == "add":          # v6 < 6.41: per-interface entries
            iface = cmd.get("interface", "all")
            self.dev.facts["mac_server"].setdefault(kind, []).append(
                {"interface": iface, "disabled": _yes(cmd.get("disabled")), "source": src})
            return None
        lst = cmd.get("allowed-interface-list")
        if lst is None:
            if cmd.find and cmd.find.get("default") == "yes" and cmd.has("disabled"):
                self.dev.facts["mac_server"].setdefault(kind, []).append(
                    {"interface": "all", "disabled": _yes(cmd.get("disabled")), "source": src})
                return None
            return _IGN
        self.dev.facts["mac_server"][kind] = [{"list": lst, "source": src}]

    def h_ssh(self, cmd, src):
        if cmd.has("strong-crypto"):
            self.dev.facts["ssh_strong_crypto"] = _yes(cmd.get("strong-crypto"))
            return None
        return _IGN

    # ================================================================== finish

    def finish(self) -> None:
        dev = self.dev
        if not dev.hostname:
            dev.hostname = _hostname_from_file(self.file)
        self.rep.devices = [dev.hostname]
        self._prepare_lists()
        self._finish_interfaces()
        self._finish_bridge_firewall()
        self._finish_bridge_l2fw()
        self._finish_lists()
        self._finish_vrfs()
        self._finish_routes()
        self._finish_settings()
        self._finish_address_lists()
        self.own = norm((int(a.ip), int(a.ip)) for i in dev.interfaces.values()
                        if not i.shutdown for a in i.addresses)
        self.dnat_image: list[Cond] = []
        self.dnat_uncertain: list[str] = []
        self._finish_nat()
        self._finish_filter()
        self._finish_policy_routing()
        self._finish_services()
        self._finish_ssids()
        self._finish_partial_ifaces()
        self._finish_facts()
        for kind, name, src, defined in dict.fromkeys(self.refs):
            dev.references.append(Reference(kind, name, src, defined))

    # ------------------------------------------------------------------ interfaces

    def _finish_interfaces(self) -> None:
        dev = self.dev
        # interfaces only named by other sections
        for p in self.bports:
            if p.iface not in self.lists:
                self._if(p.iface)
            self._if(p.bridge, IfKind.BRIDGE)
        for v in self.vlan_ifs.values():
            self._if(v.parent)
        for parent, _ in self.vrrp.values():
            self._if(parent)
        for name, (slaves, _) in self.bonds.items():
            for s in slaves:
                self._if(s)
        for iface, _, _ in self.addrs:
            self._if(iface)
        for lst, iface, _ in self.list_members:
            if iface not in self.lists and iface not in ("all", "none", "static", "dynamic"):
                self._if(iface)
        for cmd, _ in self.dhcp_clients + self.dhcp_servers + self.dhcp_relays:
            self._if(cmd.get("interface"))
        for _, cmd, _ in self.dyn_clients:
            if cmd.get("interface"):
                self._if(cmd.get("interface"))
        for ifaces, _ in self.vrfs.values():
            for i in ifaces:
                self._if(i)
        for rec in list(self.ifs.values()):
            if rec.master_port:
                self._if(rec.master_port)
        # wifi interfaces joining a bridge through their datapath
        for w in self.wl.values():
            if w.family == "wifi":
                br = self._wifi_prop(w, "datapath", "bridge")
                if br:
                    vid = _int(self._wifi_prop(w, "datapath", "vlan-id"))
                    p = _BPort(br, w.name, w.src, pvid=vid or 1, pvid_set=vid is not None,
                               dynamic=True)
                    self.bports.append(p)
                    self._if(br, IfKind.BRIDGE)
        for rec in self.ifs.values():
            itf = Interface(name=rec.name, kind=rec.kind, source=rec.src,
                            shutdown=rec.disabled, description=rec.comment)
            if rec.name in self.wl:
                itf.shutdown = self._wl_disabled(self.wl[rec.name])
            dev.interfaces[rec.name] = itf
        for iface, net, src in self.addrs:
            if iface in self.vrrp and self.vrrp[iface][0] in dev.interfaces:
                parent = dev.interfaces[self.vrrp[iface][0]]
                plen = next((n.prefixlen for i, n, _ in self.addrs
                             if i == parent.name and n.first <= int(net.ip) <= n.last), 32)
                if not dev.interfaces[iface].shutdown:
                    parent.virtual_addresses.append(IPNetwork(f"{net.ip}/{plen}"))
                continue
            dev.interfaces[iface].addresses.append(net)
        for name, (slaves, src) in self.bonds.items():
            for s in slaves:
                dev.interfaces[s].parent = name
        self._finish_bridges()
        for v in self.vlan_ifs.values():
            itf = dev.interfaces[v.name]
            if itf.kind == IfKind.VLAN:          # not turned into an SVI by a filtering bridge
                itf.parent = v.parent
                itf.encapsulation_vlan = v.vid
                parent = dev.interfaces.get(v.parent)
                if parent is not None and parent.mode == L2Mode.BRIDGE_PORT:
                    self._iface_partial(itf, f"VLAN interface on bridge port {v.parent}: "
                                        "RouterOS hands the port's frames to the bridge first", v.src)
                elif parent is not None and parent.mode in (L2Mode.ACCESS, L2Mode.TRUNK):
                    self._iface_partial(itf, f"VLAN interface on switch port {v.parent} of a "
                                        "VLAN-filtering bridge not modelled", v.src)
                elif parent is not None and parent.kind == IfKind.VLAN:
                    self._iface_partial(itf, "stacked VLAN (QinQ) not modelled", v.src)
            if v.service_tag:
                self._iface_partial(dev.interfaces[v.name], "use-service-tag (802.1ad) not "
                                    "modelled", v.src)
            dev.vlans.setdefault(v.vid, Vlan(v.vid, v.name, v.src))
        # v6 switch groups: master-port
        for rec in self.ifs.values():
            if rec.master_port and rec.master_port in dev.interfaces:
                itf = dev.interfaces[rec.name]
                if itf.mode == L2Mode.ROUTED:
                    itf.mode, itf.parent = L2Mode.BRIDGE_PORT, rec.master_port
        # bond members take the bond's L2 settings
        for name, (slaves, src) in self.bonds.items():
            b = dev.interfaces[name]
            for s in slaves:
                m = dev.interfaces[s]
                m.mode, m.access_vlan = b.mode, b.access_vlan
                m.allowed_vlans, m.native_vlan = b.allowed_vlans, b.native_vlan
        for rec in self.ifs.values():
            for reason in rec.partial:
                self._iface_partial(dev.interfaces[rec.name], reason, rec.src)

    def _finish_bridge_firewall(self) -> None:
        """``/interface bridge settings use-ip-firewall=yes``: bridged IPv4 traffic passes
        the IP firewall (prerouting, forward, postrouting) with in/out-interface = the
        bridge → ``Interface.bridge_ip_firewall`` on the bridge.  A VLAN-filtering bridge
        also needs ``use-ip-firewall-for-vlan=yes`` ("required in case bridge
        vlan-filtering is used", RouterOS bridge settings); on a bridge without VLAN
        filtering that setting adds the VLAN-tagged frames carried across it.
        ``-for-pppoe`` concerns PPPoE-encapsulated frames, which no zone sends here."""
        on, src = self.bridge_settings.get("use-ip-firewall", (False, None))
        self.use_ip_firewall = on
        if not on:
            return
        for_vlan = self.bridge_settings.get("use-ip-firewall-for-vlan", (False, None))[0]
        facts = self.dev.facts.setdefault("bridge_ip_firewall", {
            "source": src, "for_vlan": for_vlan, "bridges": []})
        for name, b in self.bridges.items():
            if b.disabled or (b.vlan_filtering and not for_vlan):
                continue
            self.dev.interfaces[name].bridge_ip_firewall = src
            self.dev.interfaces[name].bridge_ip_firewall_tagged = bool(for_vlan)
            facts["bridges"].append(name)

    def _finish_bridge_l2fw(self) -> None:
        """``/interface bridge filter|nat`` rules that may drop or rewrite bridged frames:
        the bridges they name (``in/out-bridge``, or the bridge of their
        ``in/out-interface`` ports) become partial — every bridge when they name none."""
        port_bridge = {p.iface: p.bridge for p in self.bports if not p.disabled}
        for cmd, src, action in self.bridge_l2fw:
            reason = f"bridge filter/nat rule not modelled (action={action})"
            names: set[str] = set()
            for key in ("in-bridge", "out-bridge", "in-interface", "out-interface",
                        "in-bridge-list", "out-bridge-list", "in-interface-list",
                        "out-interface-list"):
                v = cmd.get(key)
                if not v:
                    continue
                if v.startswith("!"):
                    names = set()
                    break
                members = [v]
                if key.endswith("-list"):
                    members = sorted(self._expand_list(v, src)[0] or ())
                for m in members:
                    names.add(m if m in self.bridges else port_bridge.get(m, ""))
            names.discard("")
            for b in sorted(names) or ["@bridges"]:
                self.partial_ifaces.append((f"@bridge={b}" if b != "@bridges" else b,
                                            reason, src))

    def _iface_partial(self, itf: Interface, reason: str, src: Src | None) -> None:
        if itf.partial and reason in itf.partial:
            return
        itf.partial = f"{itf.partial}; {reason}" if itf.partial else reason
        if src is not None:
            self.partial(f"interface {itf.name}", reason, src)

    def _wl_disabled(self, w: _Wl) -> bool:
        # wireless and wifi interfaces are disabled until configured (/export shows
        # "disabled=no" when they are on)
        return _yes(w.props.get("disabled"), True)

    def _wifi_prop(self, w: _Wl, group: str, key: str) -> str | None:
        """A wifi property: inline ``group.key`` on the interface, then the named
        ``group`` profile, then the same through the interface's configuration
        profile, then the master interface."""
        seen = 0
        while w is not None and seen < 4:
            seen += 1
            raw = w.props.get(f"{group}.{key}")
            if raw is not None:
                return unquote(raw)
            pname = w.props.get(group)
            if pname is not None:
                prof = self.wifi_profiles.get((group, unquote(pname)))
                if prof is not None and key in prof:
                    return unquote(prof[key])
            cname = w.props.get("configuration")
            if cname is not None and group != "configuration":
                conf = self.wifi_profiles.get(("configuration", unquote(cname)), {})
                raw = conf.get(f"{group}.{key}")
                if raw is not None:
                    return unquote(raw)
                pname = conf.get(group)
                if pname is not None:
                    prof = self.wifi_profiles.get((group, unquote(pname)))
                    if prof is not None and key in prof:
                        return unquote(prof[key])
            master = w.props.get("master-interface")
            w = self.wl.get(unquote(master)) if master else None
        return None

    def _port_ingress_default(self) -> bool | None:
        return bool(self.major is not None and self.major >= 7)

    def _finish_bridges(self) -> None:
        dev = self.dev
        by_bridge: dict[str, list[_BPort]] = {}
        for p in self.bports:
            if p.disabled:
                continue
            members = [p.iface]
            if p.iface in self.lists or p.iface in ("all", "dynamic", "static"):
                members = sorted(self._expand_list(p.iface, p.src)[0] or [])
            for name in members:
                if name not in dev.interfaces or name == p.bridge:
                    continue
                q = replace(p, iface=name)
                by_bridge.setdefault(p.bridge, []).append(q)
        for bname, b in self.bridges.items():
            bitf = dev.interfaces[bname]
            ports = [p for p in by_bridge.get(bname, []) if not b.disabled]
            if b.vlan_filtering:
                self._filtering_bridge(b, bitf, ports)
            else:
                self._plain_bridge(b, bitf, ports)
        for bname in by_bridge:
            if bname not in self.bridges:
                src = by_bridge[bname][0].src
                self.rep.warnings.append(f"{self.file}:{src.line}: bridge {bname} is not defined")
                self.refs.append(("bridge", bname, src, False))

    def _plain_bridge(self, b: _Bridge, bitf: Interface, ports: list[_BPort]) -> None:
        dev = self.dev
        bitf.kind, bitf.mode = IfKind.BRIDGE, L2Mode.ROUTED
        intent = {"bridge": b.name, "source": b.vf_src or b.src, "vlan_interfaces": [],
                  "pvids": [], "vlan_table": [], "tagged_wireless": []}
        for p in ports:
            itf = dev.interfaces[p.iface]
            itf.mode, itf.parent = L2Mode.BRIDGE_PORT, b.name
            if p.pvid_set and p.pvid != 1 and not p.dynamic:
                intent["pvids"].append({"port": p.iface, "pvid": p.pvid, "source": p.src})
            wvid = self._wireless_tag(p.iface)
            if wvid is not None:
                intent["tagged_wireless"].append({"port": p.iface, "vlan": wvid, "source": p.src})
                self.rep.warnings.append(
                    f"{self.file}:{p.src.line}: {p.iface} tags its wireless clients into VLAN "
                    f"{wvid} of bridge {b.name} (no VLAN filtering); the model places them in "
                    "the bridge's untagged domain — declare that zone by subnets, not by attach")
        for v in self.vlan_ifs.values():
            if v.parent == b.name and not v.disabled:
                intent["vlan_interfaces"].append({"interface": v.name, "vlan": v.vid,
                                                  "source": v.src})
        for bv in self.bvlans:
            if bv.bridge == b.name:
                intent["vlan_table"].append({"vlans": sorted(bv.vids), "source": bv.src})
        if intent["vlan_interfaces"] or intent["pvids"] or intent["vlan_table"]:
            dev.facts["bridges_no_vlan_filtering"].append(intent)

    def _wireless_tag(self, name: str) -> int | None:
        """VLAN a wireless interface tags its clients into (vlan-mode=use-tag / wifi
        datapath vlan-id), or None."""
        w = self.wl.get(name)
        if w is None:
            return None
        if w.family == "wireless":
            if unquote(w.props.get("vlan-mode", "no-tag")) == "use-tag":
                return _int(w.props.get("vlan-id"), 1)
            return None
        return _int(self._wifi_prop(w, "datapath", "vlan-id"))

    def _filtering_bridge(self, b: _Bridge, bitf: Interface, ports: list[_BPort]) -> None:
        dev = self.dev
        tagged: dict[int, set[str]] = {}
        untagged: dict[int, set[str]] = {}
        for bv in self.bvlans:
            if bv.bridge != b.name:
                continue
            tnames = self._expand_names(bv.tagged, bv.src)
            unames = self._expand_names(bv.untagged, bv.src)
            for vid in bv.vids:
                tagged.setdefault(vid, set()).update(tnames)
                untagged.setdefault(vid, set()).update(unames)
                dev.vlans.setdefault(vid, Vlan(vid, "", bv.src))
        ingress_default = self._port_ingress_default()
        for p in ports:
            itf = dev.interfaces[p.iface]
            itf.parent = b.name                     # the switch port's bridge
            wvid = self._wireless_tag(p.iface)
            pvid = wvid if wvid is not None else p.pvid
            dev.vlans.setdefault(pvid, Vlan(pvid, "", p.src))
            T = {vid for vid, s in tagged.items() if p.iface in s and vid != pvid}
            extra_untagged = {vid for vid, s in untagged.items() if p.iface in s and vid != pvid}
            if extra_untagged:
                self.rep.warnings.append(
                    f"{self.file}:{p.src.line}: {p.iface} is an untagged member of VLAN(s) "
                    f"{', '.join(map(str, sorted(extra_untagged)))} besides its pvid {pvid}; "
                    "its hosts send into the pvid only (modelled)")
            ft = p.frame_types
            untag_ok = ft != "admit-only-vlan-tagged"
            tag_ok = ft != "admit-only-untagged-and-priority-tagged"
            if wvid is not None:
                T, untag_ok = set(), True           # the radio tags its clients itself
            if not tag_ok:
                T = set()
            if not T:
                if untag_ok:
                    itf.mode, itf.access_vlan = L2Mode.ACCESS, pvid
                else:
                    itf.mode, itf.native_vlan, itf.allowed_vlans = L2Mode.TRUNK, pvid, frozenset()
            else:
                itf.mode, itf.native_vlan = L2Mode.TRUNK, pvid
                itf.allowed_vlans = frozenset(T | ({pvid} if untag_ok else set()))
            ingress = p.ingress_filtering if p.ingress_filtering is not None else ingress_default
            if not ingress and tag_ok and wvid is None:
                dev.facts["vlan_hopping_ports"].append(
                    {"bridge": b.name, "port": p.iface, "pvid": pvid, "tagged": sorted(T),
                     "explicit": p.ingress_filtering is not None, "source": p.src})
            if p.horizon is not None:
                self.rep.warnings.append(f"{self.file}:{p.src.line}: horizon on {p.iface} "
                                         "(split horizon) not modelled: ports treated as connected")
        # the bridge itself (CPU port) and VLAN interfaces on it
        bitf.kind, bitf.mode = IfKind.SVI, L2Mode.ROUTED
        bitf.encapsulation_vlan = b.pvid if b.frame_types != "admit-only-vlan-tagged" else None
        dev.vlans.setdefault(b.pvid, Vlan(b.pvid, "", b.src))
        for v in self.vlan_ifs.values():
            if v.parent != b.name:
                continue
            itf = dev.interfaces[v.name]
            itf.kind, itf.mode, itf.parent = IfKind.SVI, L2Mode.ROUTED, None
            itf.encapsulation_vlan = v.vid
            vl = dev.vlans.get(v.vid)
            if vl is None or not vl.name:
                dev.vlans[v.vid] = Vlan(v.vid, v.name, v.src)
            if not v.disabled and b.name not in tagged.get(v.vid, set()):
                self.rep.warnings.append(
                    f"{self.file}:{v.src.line}: VLAN interface {v.name} (VLAN {v.vid}) on "
                    f"{b.name}, but {b.name} is not a tagged member of VLAN {v.vid} in "
                    "/interface bridge vlan: RouterOS would not deliver that VLAN to it "
                    "(modelled as connected, the more permissive reading)")

    def _expand_names(self, names: list[str], src: Src) -> set[str]:
        out: set[str] = set()
        for n in names:
            if n in self.lists or n in ("all", "static", "dynamic", "none"):
                members = self._expand_list(n, src)[0]
                out |= set(members or ())
            else:
                out.add(n)
        return out

    # ------------------------------------------------------------------ interface lists

    def _prepare_lists(self) -> None:
        self.list_static: dict[str, set[str]] = {}
        for lst, iface, src in self.list_members:
            self.list_static.setdefault(lst, set()).add(iface)
            if lst not in self.lists and lst not in ("all", "none", "dynamic", "static"):
                self.lists[lst] = {"include": [], "exclude": [], "src": src}
                self.rep.warnings.append(f"{self.file}:{src.line}: interface list {lst} "
                                         "has members but no /interface list entry")
        # dynamic members: wifi datapath interface-list
        for w in self.wl.values():
            if w.family == "wifi":
                lst = self._wifi_prop(w, "datapath", "interface-list")
                if lst:
                    self.list_static.setdefault(lst, set()).add(w.name)
        servers = {k.split(":")[0] for k, (cmd, _) in self.vpn_servers.items()
                   if _yes(cmd.get("enabled"), cmd.verb == "add")}
        self.dynamic_ifaces_possible = bool(servers)

    def _finish_lists(self) -> None:
        self.universe = frozenset(self.dev.interfaces)
        facts = self.dev.facts["interface_lists"]
        for name in sorted(self.lists):
            members, _ = self._expand_list(name, None)
            facts[name] = sorted(members or ())

    def _expand_list(self, name: str, src: Src | None, depth: int = 0):
        """(member names or None for "every interface", partial reason or None)."""
        if name == "all":
            return None, None
        if name == "none":
            return set(), None
        if name == "static":
            return set(self.dev.interfaces), None
        if name == "dynamic":
            return set(), ("interface list 'dynamic' (interfaces created at run time)"
                           if self.dynamic_ifaces_possible else None)
        spec = self.lists.get(name)
        members = set(self.list_static.get(name, ()))
        reason = None
        if spec is None and not members:
            return set(), f"interface list {name} is not defined"
        if spec is not None and depth < 8:
            for inc in spec["include"]:
                m, r = self._expand_list(inc, src, depth + 1)
                if m is None:
                    return None, r
                members |= m
                reason = reason or r
            for exc in spec["exclude"]:
                m, r = self._expand_list(exc, src, depth + 1)
                members -= (m if m is not None else members)
                reason = reason or r
        return members, reason

    # ------------------------------------------------------------------ VRFs and routes

    def _finish_vrfs(self) -> None:
        for name, (ifaces, src) in self.vrfs.items():
            self.dev.vrfs.add(name)
            for i in ifaces:
                itf = self.dev.interfaces.get(i)
                if itf is None:
                    self.refs.append(("interface", i, src, False))
                    continue
                itf.vrf = name

    def _vrf_of_table(self, table: str | None) -> tuple[str, str | None]:
        """(model VRF, policy table or None for the VRF's main table) of a RouterOS
        routing table: ``main`` is the default VRF, a ``/ip vrf`` (v6 ``/ip route vrf``)
        name is that VRF, any other table a policy-routing table of the default VRF."""
        if table in (None, "", "main"):
            return "default", None
        if table in self.vrfs:
            return table, None
        return "default", table

    def _finish_routes(self) -> None:
        dev = self.dev
        self.policy_tables: dict[str, list[Src]] = {}
        for cmd, src in self.routes:
            dst = cmd.get("dst-address") or "0.0.0.0/0"
            r = parse_addr(dst)
            if r is None or "-" in dst:
                self.unrecognized(src)
                continue
            lo, hi = r
            plen = 32 - (hi - lo).bit_length()
            prefix = IPNetwork(f"{int_ip(lo)}/{plen}")
            vrf, table = self._vrf_of_table(cmd.get("routing-table") or cmd.get("routing-mark"))
            if table is not None:
                self.policy_tables.setdefault(table, []).append(src)
            distance = _int(cmd.get("distance"), 1)
            rtype = (cmd.get("type") or "").lower()
            if "blackhole" in cmd.words or _yes(cmd.get("blackhole")) or rtype in (
                    "blackhole", "unreachable", "prohibit"):
                dev.routes.append(Route(prefix, vrf, drop=True, distance=distance, source=src,
                                        table=table))
                continue
            gws = _split_list(cmd.props.get("gateway"))
            if not gws:
                self.unrecognized(src)
                continue
            for gw in gws:
                partial = None
                iface = nh = None
                if "@" in gw:
                    gw, _, via = gw.partition("@")
                    if via not in ("main", vrf) and not (via == "main" and vrf == "default"):
                        partial = f"gateway resolved in routing table {via}"
                if "%" in gw:
                    a, _, iface = gw.partition("%")
                    nh = ip_int(a)
                elif ip_int(gw) is not None:
                    nh = ip_int(gw)
                else:
                    iface = gw
                if iface is not None and iface not in dev.interfaces:
                    self.refs.append(("interface", iface, src, False))
                    partial = partial or f"gateway interface {iface} not defined"
                route = Route(prefix, vrf, next_hop=nh, interface=iface, distance=distance,
                              source=src, partial=partial, table=table)
                dev.routes.append(route)
                if partial:
                    self.partial(f"route {prefix}", partial, src)
        # default routes learned at run time: DHCP / PPP / LTE clients.  The address is
        # dynamic (the engine reasons over every address the interface may get); the
        # route's next hop is whoever answers on that segment, outside the snapshot.
        for cmd, src in self.dhcp_clients:
            iface = cmd.get("interface")
            if _yes(cmd.get("disabled"), self.major == 6):
                continue
            itf = dev.interfaces.get(iface)
            if itf is None:
                continue
            dev.facts["dhcp_client_interfaces"].append(iface)
            self._dynamic_address(itf, src)
            # add-default-route: yes (default) | special-classless | no
            if (cmd.get("add-default-route") or "yes") != "no" and not itf.shutdown:
                self._runtime_default(itf, cmd, src, _int(cmd.get("default-route-distance"), 1))
        for name, cmd, src in self.dyn_clients:
            itf = dev.interfaces[name]
            if itf.shutdown:
                continue
            self._dynamic_address(itf, src)
            if self.ifs[name].dynamic_addr == "lte client":
                # the APN profile decides (v7, v6 >= 6.41): default route on, distance 2
                prof = self.lte_apn.get(unquote(cmd.get("apn-profiles") or "default")
                                        .split(",")[0], {})
                add = cmd.get("add-default-route") or prof.get("add-default-route")
                dist = cmd.get("default-route-distance") or prof.get("default-route-distance")
                if _yes(add, True):
                    self._runtime_default(itf, cmd, src, _int(dist, 2))
            elif _yes(cmd.get("add-default-route")):        # PPP clients: off by default
                self._runtime_default(itf, cmd, src, _int(cmd.get("default-route-distance"), 1))
        for table, srcs in self.policy_tables.items():
            self.dev.facts.setdefault("policy_routing_tables", {})[table] = srcs

    def _dynamic_address(self, itf: Interface, src: Src) -> None:
        itf.dynamic_address = True
        if itf.dynamic_source is None:
            itf.dynamic_source = src

    def _runtime_default(self, itf: Interface, cmd: Command, src: Src, distance: int) -> None:
        """The default route a DHCP / PPP / LTE client installs (not partial: its next
        hop is the run-time gateway on ``itf``'s segment); ``default-route-tables``
        (v7 DHCP client) puts it in other tables."""
        tables = _split_list(cmd.props.get("default-route-tables")) or ["main"]
        for t in tables:
            # "main" is the main table of the client interface's own VRF
            vrf, table = (itf.vrf, None) if t in ("main", "") else self._vrf_of_table(t)
            self.dev.routes.append(Route(IPNetwork("0.0.0.0/0"), vrf, interface=itf.name,
                                         distance=distance, origin="dhcp", source=src,
                                         runtime_gateway=True, table=table))

    def _finish_settings(self) -> None:
        dev = self.dev
        s = self.singletons.get("ip settings")
        if s is not None:
            cmd, src = s
            if cmd.has("ip-forward"):
                dev.ip_routing = _yes(cmd.get("ip-forward"), True)
                dev.facts["ip_routing_source"] = src
            rp = cmd.get("rp-filter")
            if rp in ("strict", "loose"):
                for itf in dev.interfaces.values():
                    itf.urpf = rp
                    itf.urpf_allow_default = True      # Linux rp_filter counts the default route
                dev.facts["rp_filter"] = {"mode": rp, "source": src}

    # ------------------------------------------------------------------ address lists

    def _finish_address_lists(self) -> None:
        self.alists: dict[str, tuple[tuple, str | None]] = {}
        for name, entries in self.addr_entries.items():
            ranges, reason = [], None
            for value, src in entries:
                r = parse_addr(value)
                if r is None:
                    if ":" in value:
                        continue                   # IPv6 entry in an IPv4 list: never matches
                    reason = reason or f"address list {name} holds {value!r}, resolved at run " \
                                       "time (DNS name)"
                    self.partial(f"address-list {name}", reason, src)
                    continue
                ranges.append(r)
            if name in self.dynamic_lists:
                reason = reason or f"address list {name} is filled at run time"
            self.alists[name] = (norm(ranges), reason)
        for name, src in self.dynamic_lists.items():
            if name not in self.alists:
                self.alists[name] = ((), f"address list {name} is filled at run time")

    # ------------------------------------------------------------------ rule conditions

    def _addr_field(self, value: str, what: str, reasons: list[str]):
        neg = value.startswith("!")
        v = value[1:] if neg else value
        r = parse_addr(v)
        if r is None:
            reasons.append(f"{what} {value!r} not understood")
            return None
        rs = (r,)
        return r_not(rs, ADDR_MAX) if neg else rs

    def _list_field(self, value: str, what: str, src: Src, reasons: list[str]):
        neg = value.startswith("!")
        name = value[1:] if neg else value
        got = self.list_cache.get(value)
        if got is not None:
            self.refs.append(("address-list", name, src, name in self.alists))
            if got[1]:
                reasons.append(got[1])
            return got[0]
        entry = self.alists.get(name)
        if entry is None:
            # No static entry: RouterOS matches nothing unless something fills the list at
            # run time (scripts, entries with a timeout are never exported) — partial.
            self.refs.append(("address-list", name, src, False))
            rs, why = (), (f"address list {name} has no entry in the export (empty, or "
                           "filled at run time)")
        else:
            rs, why = entry
            self.refs.append(("address-list", name, src, True))
        if why:
            # entries unknown at parse time (DNS names, run-time additions) may be any
            # address: "in the list" is then unconstrained (the superset), "not in the
            # list" at most the complement of the known entries
            reasons.append(why)
            out = r_not(rs, ADDR_MAX) if neg else None
        else:
            out = r_not(rs, ADDR_MAX) if neg else rs
        self.list_cache[value] = (out, why)
        return out

    def _iface_field(self, value: str, is_list: bool, src: Src, reasons: list[str]):
        neg = value.startswith("!")
        name = value[1:] if neg else value
        if is_list:
            members, why = self._expand_list(name, src)
            if name not in ("all", "none", "static", "dynamic"):
                self.refs.append(("interface-list", name, src, name in self.lists))
            if why:
                reasons.append(why)
                if not neg:
                    return None             # members unknown: any interface (superset)
            if members is None:
                return frozenset() if neg else None
            s = frozenset(members)
        else:
            if name.startswith("all-"):
                kinds = {"all-ethernet": ("ether", "sfp", "combo", "qsfp"),
                         "all-wireless": ("wlan", "wifi"), "all-vlan": ("vlan",),
                         "all-ppp": ("pppoe", "l2tp", "pptp", "sstp", "ovpn", "<")}
                prefixes = kinds.get(name)
                if prefixes is None:
                    reasons.append(f"interface {name} not understood")
                    return None
                if name == "all-vlan":
                    s = frozenset(n for n, i in self.dev.interfaces.items()
                                  if n in self.vlan_ifs)
                else:
                    s = frozenset(n for n in self.dev.interfaces if n.startswith(prefixes))
                if name == "all-ppp" and self.dynamic_ifaces_possible:
                    reasons.append("all-ppp includes interfaces created at run time")
            else:
                if name.startswith("*"):
                    reasons.append(f"interface {name} (a removed interface's id)")
                elif name not in self.dev.interfaces:
                    self.refs.append(("interface", name, src, False))
                s = frozenset({name})
                itf = self.dev.interfaces.get(name)
                if itf is not None and itf.mode != L2Mode.ROUTED:
                    self.dev.facts["interface_rule_on_bridge_port"].append(
                        {"interface": name, "source": src})
                    self.rep.warnings.append(
                        f"{self.file}:{src.line}: rule names {name}, a bridge/switch port: for "
                        "routed traffic RouterOS matches the bridge or VLAN interface instead, so "
                        "this condition never matches routed packets")
        return frozenset(self.universe - s) if neg else s

    def _ports(self, value: str, reasons: list[str], what: str):
        neg = value.startswith("!")
        v = value[1:] if neg else value
        rs = parse_ports(v)
        if rs is None:
            reasons.append(f"{what} {value!r} not understood")
            return None
        return r_not(rs, 65535) if neg else rs

    def _proto(self, value: str, reasons: list[str]):
        neg = value.startswith("!")
        v = (value[1:] if neg else value).lower()
        n = int(v) if v.isdigit() and int(v) <= 255 else PROTOCOLS.get(v)
        if n is None:
            reasons.append(f"protocol {value!r} not understood")
            return None
        rs = ((n, n),)
        return r_not(rs, 255) if neg else rs

    def _addr_type(self, value: str, reasons: list[str]):
        neg = value.startswith("!")
        v = value[1:] if neg else value
        if v == "local":
            rs = r_or(self.own, ((0x7F000000, 0x7FFFFFFF),))
        elif v == "multicast":
            rs = ((0xE0000000, 0xEFFFFFFF),)
        elif v == "broadcast":
            rs = self._broadcasts()
        elif v == "unicast":
            rs = r_not(r_or(r_or(self.own, ((0xE0000000, 0xFFFFFFFF),)), self._broadcasts()),
                       ADDR_MAX)
            if any(r.drop for r in self.dev.routes):
                reasons.append("address-type unicast with blackhole routes")
        else:
            reasons.append(f"address-type {value} not modelled")
            return None
        return r_not(rs, ADDR_MAX) if neg else rs

    def _broadcasts(self):
        out = [(ADDR_MAX, ADDR_MAX)]
        for itf in self.dev.interfaces.values():
            for a in itf.addresses:
                if a.prefixlen <= 30:
                    out.append((int(a.broadcast), int(a.broadcast)))
        return norm(out)

    def _icmp_options(self, value: str, reasons: list[str]):
        neg = value.startswith("!")
        v = value[1:] if neg else value
        t, _, c = v.partition(":")

        def rng(x):
            if not x:
                return None
            lo, _, hi = x.partition("-")
            if not lo.isdigit() or (hi and not hi.isdigit()):
                raise ValueError
            return norm([(int(lo), int(hi or lo))])
        try:
            types, codes = rng(t), rng(c)
        except ValueError:
            reasons.append(f"icmp-options {value!r} not understood")
            return [ANY]
        base = cond(proto=((1, 1),), itype=types, icode=codes)
        if base is None:
            return []
        if not neg:
            return [base]
        out = [Cond(proto=r_not(((1, 1),), 255))]
        if types is not None:
            out.append(Cond(proto=((1, 1),), itype=r_not(types, 255)))
        if codes is not None:
            c2 = cond(proto=((1, 1),), itype=types, icode=r_not(codes, 255))
            if c2 is not None:
                out.append(c2)
        return out

    def _conn_state(self, value: str, reasons: list[str]) -> list[Cond]:
        neg = value.startswith("!")
        states = frozenset(s.strip() for s in (value[1:] if neg else value).split(",") if s)
        unknown = states - ALL_STATES
        if unknown:
            reasons.append(f"connection-state {value!r} not understood")
            return [ANY]
        if neg:
            states = ALL_STATES - states
        out: list[Cond] = []
        if states & {"established", "related"}:
            out.append(Cond(est=True))
        if "new" in states and "invalid" in states:
            out.append(Cond(est=False))
        elif "new" in states:
            out.append(Cond(est=False, proto=ALL_PROTO_BUT_ICMP))
            out.append(Cond(est=False, proto=((1, 1),), itype=ICMP_NEW_TYPES))
        elif "invalid" in states:
            out.append(Cond(est=False, proto=((1, 1),), itype=ICMP_INVALID_TYPES))
        if "untracked" in states and self.untracked_possible:
            reasons.append("connection-state untracked with raw notrack rules")
        if self.conntrack is not None and self.conntrack[0] == "no":
            reasons.append("connection tracking disabled: connection-state never matches")
        return out

    def _rule_conds(self, rule: _Rule, table: str) -> tuple[list[Cond], list[str], str | None]:
        """(union of conditions, partial reasons, direction of an approximation).

        The third value is ``"dstnat+"``/``"dstnat-"`` when connection-nat-state was
        translated through the DNAT image (see the module docstring)."""
        cmd, src = rule.cmd, rule.src
        reasons: list[str] = []
        kw: dict = {}
        extra: list[list[Cond]] = []
        approx = None
        for key, raw in cmd.props.items():
            if key in RULE_META:
                continue
            v = unquote(raw)
            if v == "":
                continue
            if key in ("src-address", "dst-address"):
                rs = self._addr_field(v, key, reasons)
                if rs is not None:
                    f = key[:3]
                    kw[f] = rs if f not in kw else _and(kw[f], rs)
            elif key in ("src-address-list", "dst-address-list"):
                rs = self._list_field(v, key, src, reasons)
                if rs is not None:
                    f = key[:3]
                    kw[f] = rs if f not in kw else _and(kw[f], rs)
            elif key in ("src-address-type", "dst-address-type"):
                rs = self._addr_type(v, reasons)
                if rs is not None:
                    f = key[:3]
                    kw[f] = rs if f not in kw else _and(kw[f], rs)
            elif key == "protocol":
                rs = self._proto(v, reasons)
                if rs is not None:
                    kw["proto"] = rs
            elif key in ("dst-port", "src-port"):
                rs = self._ports(v, reasons, key)
                if rs is not None:
                    kw["dport" if key == "dst-port" else "sport"] = rs
            elif key == "port":
                rs = self._ports(v, reasons, key)
                if rs is not None:
                    extra.append([Cond(sport=rs), Cond(dport=rs)])
            elif key in ("in-interface", "out-interface", "in-interface-list",
                         "out-interface-list"):
                s = self._iface_field(v, key.endswith("-list"), src, reasons)
                if s is not None:
                    f = "inif" if key.startswith("in") else "outif"
                    kw[f] = s if f not in kw else kw[f] & s
            elif key == "connection-state":
                if table == "nat":
                    st = v.lstrip("!").split(",")
                    if ("new" in st) != v.startswith("!"):
                        continue
                    return [], [], None              # NAT sees only new connections
                extra.append(self._conn_state(v, reasons))
            elif key == "connection-nat-state":
                conds, direction = self._nat_state(v, reasons)
                extra.append(conds)
                approx = direction
            elif key == "icmp-options":
                extra.append(self._icmp_options(v, reasons))
            elif key == "ipsec-policy":
                d, _, pol = v.partition(",")
                has_policies = self.has_ipsec
                if pol == "ipsec" and (d == "in" or not has_policies):
                    return [], reasons, None          # no zone-injected packet matches
                if pol == "none" and (d == "in" or not has_policies):
                    continue
                reasons.append(f"ipsec-policy={v} with IPsec policies configured")
            elif key in BRIDGE_PORT_KEYS and not self.use_ip_firewall:
                # "Works only if use-ip-firewall is enabled in bridge settings" (RouterOS
                # firewall docs): without it the bridge port is never known, so the
                # matcher never matches and its negation always does.
                if v.startswith("!"):
                    continue
                return [], [], None
            elif key in RULE_PARTIAL:
                reasons.append(f"{RULE_PARTIAL[key]} matcher not modelled")
            else:
                reasons.append(f"unknown property {key}")
        base = cond(True, **kw)
        if base is None:
            return [], reasons, approx
        conds = [base]
        for alt in extra:
            conds = intersect_all(conds, alt)
            if not conds:
                break
        return conds, reasons, approx

    def _nat_state(self, value: str, reasons: list[str]) -> tuple[list[Cond], str | None]:
        neg = value.startswith("!")
        states = {s for s in (value[1:] if neg else value).split(",") if s}
        if not states <= {"dstnat", "srcnat"}:
            reasons.append(f"connection-nat-state {value!r} not understood")
            return [ANY], None
        # new connections: srcnat is decided after the forward chain (never set here);
        # dstnat = the DNAT image (approximation, see module docstring).
        new_part = self.dnat_image if "dstnat" in states else []
        if self.dnat_uncertain and "dstnat" in states:
            reasons.append("connection-nat-state: " + self.dnat_uncertain[0])
        if neg:
            new_part = negate_union(new_part, self.universe) if new_part else [ANY]
        out = [c2 for c in new_part if (c2 := intersect(c, Cond(est=False))) is not None]
        out.append(Cond(est=True))
        direction = None
        if "dstnat" in states and self.dnat_image:
            direction = "dstnat-" if neg else "dstnat+"
        return out, direction

    # ------------------------------------------------------------------ flattening

    def _flatten(self, table: str, chain: str, terminal: frozenset, top_return: str | None,
                 problems: list[tuple[str, Src | None]]) -> list[_Flat]:
        """Rules of ``chain`` with jumps inlined, as terminal actions on condition sets."""
        by_chain: dict[str, list[_Rule]] = {}
        for r in self.rules[table]:
            if not r.disabled:
                by_chain.setdefault(r.chain, []).append(r)
        cache = self.cond_cache
        out: list[_Flat] = []

        def conds_of(rule: _Rule):
            key = (table, rule.index)
            got = cache.get(key)
            if got is None:
                got = cache[key] = self._rule_conds(rule, table)
            return got

        def walk(name: str, guard: list[Cond], stack: tuple[str, ...], inherited: list[str]):
            guard_reasons = list(inherited)
            for rule in by_chain.get(name, ()):
                rc, reasons, approx = conds_of(rule)
                eff = intersect_all(guard, rc) if guard != [ANY] else list(rc)
                if not eff:
                    if rule.action == "jump" and rule.cmd.get("jump-target"):
                        tgt = rule.cmd.get("jump-target")
                        self.refs.append(("chain", tgt, rule.src, tgt in by_chain
                                          or tgt in ("input", "forward", "output")))
                    continue
                all_reasons = guard_reasons + reasons
                action = rule.action
                if approx is not None:
                    favourable = (approx == "dstnat+" and action in ("accept",)) or \
                                 (approx == "dstnat-" and action in ("drop", "reject", "tarpit"))
                    if not favourable and action not in ("passthrough", "log"):
                        all_reasons.append("connection-nat-state approximated by the DNAT "
                                           "image in a direction that could hide traffic")
                if action == "jump":
                    tgt = rule.cmd.get("jump-target")
                    if not tgt:
                        problems.append(("jump without jump-target", rule.src))
                        continue
                    defined = tgt in by_chain
                    self.refs.append(("chain", tgt, rule.src, defined
                                      or tgt in ("input", "forward", "output")))
                    if tgt in stack:
                        problems.append((f"jump loop through chain {tgt}", rule.src))
                        continue
                    if len(stack) > 16:
                        problems.append(("jump nesting deeper than 16 chains", rule.src))
                        continue
                    walk(tgt, eff, stack + (tgt,), all_reasons)
                    continue
                if action == "return":
                    if len(stack) == 1 and top_return is not None:
                        out.append(_Flat(top_return, eff, rule, all_reasons))
                    if reasons:
                        guard_reasons.append("follows a partially understood return "
                                             f"(line {rule.src.line})")
                        continue
                    guard = negate_union(rc, self.universe) if guard == [ANY] else \
                        intersect_all(guard, negate_union(rc, self.universe))
                    if len(guard) > 256:
                        problems.append(("too many conditions after return rules", rule.src))
                        return
                    if not guard:
                        return
                    continue
                if action not in terminal:
                    continue                     # passthrough, log, add-*-to-address-list …
                out.append(_Flat(action, eff, rule, all_reasons))

        walk(chain, [ANY], (chain,), [])
        return out

    # ------------------------------------------------------------------ filter

    def _finish_filter(self) -> None:
        dev = self.dev
        self.untracked_possible = any(r.action == "notrack" and not r.disabled
                                      for r in self.rules["raw"])
        raw_lines = self._raw_lines()
        terminal = frozenset({"accept", "drop", "reject", "tarpit", "fasttrack-connection"})
        for chain in ("forward", "input"):
            problems: list[tuple[str, Src | None]] = []
            flat = self._flatten("filter", chain, terminal, "accept", problems)
            if not flat and not raw_lines and not problems \
                    and not self.fw_partial.get("filter"):
                continue
            first_src = next((r.src for r in self.rules["filter"] if r.chain == chain), None)
            flt = Filter(chain, kind="chain", default_action=Action.PERMIT, source=first_src,
                         default_text="no rule matched, RouterOS accepts (implicit accept "
                                      "of the chain)")
            flt.lines.extend(raw_lines)
            for fl in flat:
                self._emit_line(flt, fl, chain)
            why = [p for p, _ in problems] + [p for p, _ in self.fw_partial.get("filter", [])]
            for p, s in problems + self.fw_partial.get("filter", []):
                if s is not None:
                    self.partial(f"firewall {chain}", p, s)
            if why:
                flt.partial = "; ".join(dict.fromkeys(why))
            dev.filters[chain] = flt
            if chain == "forward":
                dev.forward_filter = chain
            else:
                dev.input_filter = chain

    def _emit_line(self, flt: Filter, fl: _Flat, chain: str) -> None:
        rule = fl.rule
        reasons = list(dict.fromkeys(fl.reasons))
        if fl.action == "accept":
            action = Action.PERMIT
        elif fl.action == "fasttrack-connection":
            # Fasttrack marks a connection for the fast path; packets it does not take
            # go on to the next rule (hence the "accept established" rule RouterOS
            # always puts after it).  Limited to established/related it decides
            # nothing for a new connection: no line.  On new connections it is not
            # modelled.
            if all(c.est is True for c in fl.conds):
                return
            action = Action.PERMIT
            reasons.append("fasttrack-connection on packets of new connections")
        else:
            action = Action.DENY
        matches = [m for c in fl.conds for m in to_matches(c)]
        partial = "; ".join(reasons) if reasons else None
        flt.lines.append(FilterLine(action, matches, rule.src, name=str(rule.index),
                                    partial=partial))
        if partial:
            self.partial(f"firewall {chain}", partial, rule.src)

    def _raw_lines(self) -> list[FilterLine]:
        """Raw prerouting drops, as DENY lines placed before the filter chains (raw
        ``accept`` ends raw processing: later raw rules skip its packets)."""
        if not any(not r.disabled for r in self.rules["raw"]):
            return []
        problems: list = []
        flat = self._flatten("raw", "prerouting", frozenset({"accept", "drop", "notrack"}),
                             None, problems)
        lines: list[FilterLine] = []
        guard = [ANY]
        dnat = bool(self.dnat_image) or bool(self.dnat_uncertain)
        for fl in flat:
            conds = intersect_all(guard, fl.conds) if guard != [ANY] else fl.conds
            if not conds:
                continue
            if fl.action in ("accept", "notrack"):
                guard = intersect_all(guard, negate_union(fl.conds, self.universe))
                if not guard:
                    break
                continue
            reasons = list(fl.reasons)
            if dnat:
                reasons.append("raw rule matches the header before destination NAT")
            matches = [m for c in conds for m in to_matches(c)]
            partial = "; ".join(dict.fromkeys(reasons)) or None
            lines.append(FilterLine(Action.DENY, matches, fl.rule.src,
                                    name=f"raw {fl.rule.index}", partial=partial))
            if partial:
                self.partial("firewall raw", partial, fl.rule.src)
        for p, s in problems:
            lines.append(FilterLine(Action.DENY, [Match()], s, name="raw", partial=p))
            self.partial("firewall raw", p, s)
        return lines

    def _finish_policy_routing(self) -> None:
        """Routing rules and mangle routing marks → ``Device.policy_routes`` (composed
        in :mod:`mikrotik_policy_routing`); only the packets an uncertain rule may
        route differently are partial."""
        dev = self.dev
        dev.policy_routes = compose_policy_routes(self)
        seen = set()
        for pr in dev.policy_routes:
            if pr.partial and pr.source is not None and (pr.partial, pr.source) not in seen:
                seen.add((pr.partial, pr.source))
                self.partial("policy routing", pr.partial, pr.source)

    # ------------------------------------------------------------------ NAT

    def _finish_nat(self) -> None:
        dev = self.dev
        nat_terminal = frozenset({"accept", "dst-nat", "src-nat", "masquerade", "redirect",
                                  "netmap", "same", "endpoint-independent-nat"})
        for chain, kind in (("dstnat", "destination"), ("srcnat", "source")):
            problems: list = []
            flat = self._flatten("nat", chain, nat_terminal, None, problems)
            for fl in flat:
                self._nat_rules(fl, kind)
            for p, s in problems:
                rule = NatRule(kind, source=s, partial=p)
                dev.nat_rules.append(rule)
                self.dnat_uncertain.append(p)
                self.partial("nat", p, s)

    def _nat_rules(self, fl: _Flat, kind: str) -> None:
        dev = self.dev
        rule, cmd = fl.rule, fl.rule.cmd
        reasons = list(dict.fromkeys(fl.reasons))
        action = fl.action
        to_ip = to_port = None
        to_addr = cmd.get("to-addresses")
        to_ports = cmd.get("to-ports")
        if to_addr:
            r = parse_addr(to_addr)
            if r is None:
                reasons.append(f"to-addresses {to_addr!r} not understood")
            else:
                to_ip = r[0]
                if r[1] != r[0] and action != "netmap":
                    reasons.append(f"to-addresses range {to_addr}: modelled as its first address")
        if to_ports and kind == "destination":
            p = parse_ports(to_ports)
            if p is None:
                reasons.append(f"to-ports {to_ports!r} not understood")
            else:
                to_port = p[0][0]
                if p[0][0] != p[0][1] or len(p) > 1:
                    reasons.append(f"to-ports range {to_ports}: modelled as its first port")
        targets: list[tuple[Cond, dict]] = []
        for c in fl.conds:
            if kind == "source":
                if action == "accept":
                    continue          # exempt from source NAT: the engine cannot express it
                if action == "masquerade" or (action in ("src-nat", "same") and to_ip is None):
                    outs = c.outif if c.outif is not None else frozenset(
                        n for n, i in dev.interfaces.items()
                        if i.is_l3 or (i.dynamic_address and i.mode == L2Mode.ROUTED))
                    for o in sorted(outs):
                        targets.append((replace(c, outif=frozenset({o})), {"to_interface": o}))
                elif action in ("src-nat", "same", "netmap"):
                    targets.append((c, {"to_ip": to_ip}))
                    if action != "src-nat":
                        reasons.append(f"action {action} approximated by its first address")
                else:
                    reasons.append(f"action {action} not modelled")
                    targets.append((c, {}))
            else:
                if action == "accept":
                    targets.append((c, {}))
                elif action == "redirect":
                    ins = c.inif if c.inif is not None else frozenset(
                        n for n, i in dev.interfaces.items() if i.is_l3)
                    for i in sorted(ins):
                        itf = dev.interfaces.get(i)
                        if itf is None or not itf.addresses:
                            continue
                        targets.append((replace(c, inif=frozenset({i})),
                                        {"to_ip": int(itf.addresses[0].ip), "to_port": to_port}))
                elif action in ("dst-nat", "netmap"):
                    if action == "netmap" and to_addr and parse_addr(to_addr) and \
                            parse_addr(to_addr)[0] != parse_addr(to_addr)[1]:
                        reasons.append("netmap of a range modelled as its first address")
                    targets.append((c, {"to_ip": to_ip, "to_port": to_port}))
                else:
                    reasons.append(f"action {action} not modelled")
                    targets.append((c, {}))
        partial = "; ".join(reasons) or None
        for c, kw in targets:
            for m in to_matches(c):
                nr = NatRule(kind, match=replace(m, in_ifaces=None, out_ifaces=None),
                             in_ifaces=c.inif, out_ifaces=c.outif, source=rule.src,
                             partial=partial, **kw)
                dev.nat_rules.append(nr)
            if kind == "destination" and action != "accept":
                img = replace(c, est=None, outif=None)
                if kw.get("to_ip") is not None:
                    img = replace(img, dst=((kw["to_ip"], kw["to_ip"]),))
                if kw.get("to_port") is not None:
                    img = replace(img, dport=((kw["to_port"], kw["to_port"]),))
                self.dnat_image.append(img)
        if partial:
            self.partial("nat", partial, rule.src)
            if kind == "destination":
                self.dnat_uncertain.append(partial)

    # ------------------------------------------------------------------ services

    def _service_acl(self, name: str, addresses: list[str], src: Src | None) -> str | None:
        """A filter permitting ``addresses`` (None when they cover every IPv4 source)."""
        nets = []
        for a in addresses:
            if ":" in a:
                if a in ("::/0",):
                    return None
                continue
            r = parse_addr(a)
            if r is None:
                continue
            if r == (0, ADDR_MAX):
                return None
            nets.append(r)
        flt = Filter(name, kind="acl", source=src,
                     default_text="source address not listed in address= (RouterOS refuses)")
        for rs in norm(nets):
            pats = addr_pats((rs,))
            flt.lines.append(FilterLine(Action.PERMIT, [Match(src=tuple(pats))], src,
                                        name=name))
        self.dev.filters[name] = flt
        return name

    def _finish_services(self) -> None:
        dev, facts = self.dev, self.dev.facts
        svcs = dev.services
        vrf_ifaces = lambda vrf: frozenset(n for n, i in dev.interfaces.items()
                                           if i.vrf == vrf)
        for ros, (model, port, on, insecure) in IP_SERVICES.items():
            cfg = self.services.get(ros, {})
            src = cfg.get("__src")
            enabled = not _yes(cfg.get("disabled"), not on)
            p = _int(cfg.get("port"), port)
            addresses = _split_list(cfg.get("address"))
            acl = self._service_acl(f"ip-service-{ros}", addresses, src) if addresses else None
            vrf = unquote(cfg["vrf"]) if "vrf" in cfg else "main"
            ifaces = None
            if vrf not in ("main", ""):
                ifaces = vrf_ifaces(vrf)
            facts["ip_services"][ros] = {"enabled": enabled, "port": p, "address": addresses,
                                         "source": src, "model": model}
            svcs.append(MgmtService(model, PROTO_TCP, (PortRange(p, p),), enabled=enabled,
                                    acl=acl, interfaces=ifaces, source=src, insecure=insecure))
        for ros, cfg in self.services.items():
            if ros not in IP_SERVICES:
                facts["ip_services"][ros] = {"enabled": not _yes(cfg.get("disabled")),
                                             "port": _int(cfg.get("port")),
                                             "address": _split_list(cfg.get("address")),
                                             "source": cfg.get("__src"), "model": ros}
        if self.dns.get("allow"):
            src = self.dns["src"]
            svcs.append(MgmtService("dns", PROTO_UDP, (PortRange(53, 53),), source=src))
            svcs.append(MgmtService("dns", PROTO_TCP, (PortRange(53, 53),), source=src))
        dhcp_ifs, dhcp_src = set(), None
        for cmd, src in self.dhcp_servers:
            if _yes(cmd.get("disabled"), self.major == 6):
                continue
            dhcp_ifs.add(cmd.get("interface"))
            dhcp_src = dhcp_src or src
        for cmd, src in self.dhcp_relays:
            if _yes(cmd.get("disabled"), self.major == 6):
                continue
            dhcp_ifs.add(cmd.get("interface"))
            dhcp_src = dhcp_src or src
        if dhcp_ifs:
            svcs.append(MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),),
                                    interfaces=frozenset(dhcp_ifs), source=dhcp_src))
        self._snmp_service()
        single = self.singletons

        def setting(menu: str, key: str, default: bool) -> tuple[bool, Src | None, Command | None]:
            got = single.get(menu)
            if got is None:
                return default, None, None
            return _yes(got[0].get(key), default), got[1], got[0]

        on, src, cmd = setting("tool bandwidth-server", "enabled", True)
        facts["bandwidth_server"] = on
        if on:
            svcs.append(MgmtService("btest", PROTO_TCP, (PortRange(2000, 2000),), source=src))
        for menu, name, port in (("ip proxy", "proxy", 8080), ("ip socks", "socks", 1080)):
            on, src, cmd = setting(menu, "enabled", False)
            if on:
                p = _int(cmd.get("port"), port)
                svcs.append(MgmtService(name, PROTO_TCP, (PortRange(p, p),), source=src))
        on, src, cmd = setting("ip smb", "enabled", False)
        if on:
            svcs.append(MgmtService("smb", PROTO_TCP, (PortRange(445, 445),), source=src))
        on, src, cmd = setting("system ntp server", "enabled", False)
        if on:
            svcs.append(MgmtService("ntp", PROTO_UDP, (PortRange(123, 123),), source=src))
        on, src, cmd = setting("ip upnp", "enabled", False)
        if on:
            svcs.append(MgmtService("upnp", PROTO_UDP, (PortRange(1900, 1900),), source=src,
                                    partial="UPnP lets inside hosts create port forwards"))
            for iface, typ, s in self.upnp_ifs:
                if typ == "external":
                    self.partial_ifaces.append((iface, ("UPnP external interface: inside hosts "
                                                "may open port forwards at run time"), s))
        for key, (cmd, src) in sorted(self.vpn_servers.items()):
            kind = key.split(":")[0]
            if not _yes(cmd.get("enabled"), cmd.verb == "add") or _yes(cmd.get("disabled")):
                continue
            if kind == "pptp-server":
                svcs.append(MgmtService("pptp", PROTO_TCP, (PortRange(1723, 1723),), source=src))
            elif kind == "l2tp-server":
                svcs.append(MgmtService("l2tp", PROTO_UDP, (PortRange(1701, 1701),), source=src))
                if (cmd.get("use-ipsec") or "no") != "no":
                    svcs.append(MgmtService("ipsec", PROTO_UDP, (PortRange(500, 500),
                                                                 PortRange(4500, 4500)), source=src))
            elif kind == "sstp-server":
                p = _int(cmd.get("port"), 443)
                svcs.append(MgmtService("sstp", PROTO_TCP, (PortRange(p, p),), source=src))
            elif kind == "ovpn-server":
                p = _int(cmd.get("port"), 1194)
                proto = PROTO_UDP if cmd.get("protocol") == "udp" else PROTO_TCP
                svcs.append(MgmtService("ovpn", proto, (PortRange(p, p),), source=src))
            elif kind == "pppoe-server":
                pass
        for name, port, src in self.wireguard:
            itf = dev.interfaces.get(name)
            if itf is not None and not itf.shutdown:
                svcs.append(MgmtService("wireguard", PROTO_UDP, (PortRange(port, port),),
                                        source=src))
        svcs.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8))

    def _snmp_service(self) -> None:
        dev = self.dev
        if not _yes(self.snmp.get("enabled")):
            return
        src = self.snmp.get("__src")
        communities = self.snmp_communities or []
        default_present = not any(c.get("__default") for c in communities)
        addrs: list[str] = []
        unrestricted = False
        names = []
        if default_present:
            unrestricted = True                 # "public", addresses 0.0.0.0/0 (::/0 in v7)
            names.append("public")
        for c in communities:
            if _yes(c.get("disabled")):
                continue
            names.append(c.get("__name", ""))
            a = _split_list(c.get("addresses"))
            if not a and not c.get("__default"):
                a = ["0.0.0.0/0"] if self.major == 6 else ["::/0"]
            if not a and c.get("__default"):
                unrestricted = True
            if any(x in ("0.0.0.0/0", "::/0") for x in a):
                unrestricted = True
            addrs.extend(a)
            if c.get("__name") and c["__name"] != "public":
                self.add_secret(c["__name"])
        acl = None if unrestricted else self._service_acl("snmp-community", addrs, src)
        dev.facts["snmp_communities"] = [{"name": "<masked>", "source": c.get("__src")}
                                         for c in communities]
        dev.facts["snmp_default_community"] = "public" in names
        dev.services.append(MgmtService("snmp", PROTO_UDP, (PortRange(161, 161),), acl=acl,
                                        insecure=True, source=src))

    # ------------------------------------------------------------------ SSIDs

    def _finish_ssids(self) -> None:
        dev = self.dev
        for w in self.wl.values():
            itf = dev.interfaces.get(w.name)
            if itf is None or itf.shutdown:
                continue
            if w.family == "wireless":
                ssid = unquote(w.props["ssid"]) if "ssid" in w.props else None
                # virtual APs (master-interface) always serve clients; a radio's default
                # mode is station
                mode = unquote(w.props.get("mode", "station" if "master-interface" not in w.props
                                           else "ap-bridge"))
                if mode not in ("ap-bridge", "bridge", "wds-slave") or ssid is None:
                    continue
                prof = unquote(w.props.get("security-profile", "default"))
                pmode = unquote(self.wsec.get(prof, {}).get("mode", "none"))
                open_auth = pmode == "none"
            else:
                ssid = self._wifi_prop(w, "configuration", "ssid")
                mode = self._wifi_prop(w, "configuration", "mode") or "ap"
                if ssid is None or mode != "ap":
                    continue
                auth = self._wifi_prop(w, "security", "authentication-types")
                open_auth = not auth
            vlan = self._wireless_tag(w.name)
            if vlan is None and itf is not None and itf.mode == L2Mode.ACCESS:
                vlan = itf.access_vlan
            dev.ssids.append(Ssid(ssid, w.name, vlan, open_auth, w.src))
        if self.capsman:
            dev.facts["capsman"] = self.capsman

    def _bridge_l3(self, bridge: str) -> list[Interface]:
        """A bridge's own interface and the VLAN interfaces on it."""
        dev = self.dev
        out = [dev.interfaces[bridge]] if bridge in dev.interfaces else []
        out += [dev.interfaces[v.name] for v in self.vlan_ifs.values()
                if v.parent == bridge and v.name in dev.interfaces]
        return out

    def _port_l3(self, port: str) -> list[Interface]:
        """The L3 interfaces a (switch) port's frames reach: the port itself and VLAN
        interfaces on it when it routes, else those of its bridge or master port."""
        dev = self.dev
        itf = dev.interfaces.get(port)
        if itf is None:
            return []
        if itf.parent in self.bridges:               # bridge or switch port of a bridge
            return self._bridge_l3(itf.parent)
        if itf.parent in dev.interfaces and itf.parent != port:
            # bond member, or a port of a v6 switch group (master-port)
            return self._port_l3(itf.parent)
        master = self.ifs[port].master_port if port in self.ifs else None
        if master:
            return self._port_l3(master) if master != port else []
        return [itf] + [dev.interfaces[v.name] for v in self.vlan_ifs.values()
                        if v.parent == port and v.name in dev.interfaces]

    def _finish_partial_ifaces(self) -> None:
        dev = self.dev
        for iface, reason, src in self.partial_ifaces:
            if iface == "@bridges":
                targets = [i for n in self.bridges for i in self._bridge_l3(n)]
            elif iface.startswith("@bridge="):
                targets = self._bridge_l3(iface.split("=", 1)[1])
            elif iface.startswith("@port="):
                targets = self._port_l3(iface.split("=", 1)[1])
            elif iface == "@switch":
                # switch-chip configuration naming no port: every routed interface
                targets = [i for i in dev.interfaces.values()
                           if i.is_l3 or (i.dynamic_address and i.mode == L2Mode.ROUTED)]
            else:
                itf = dev.interfaces.get(iface)
                targets = [itf] if itf is not None else []
                if not targets and iface in self.lists:
                    targets = [dev.interfaces[n] for n in self._expand_list(iface, src)[0] or ()
                               if n in dev.interfaces]
            if not targets:
                self.partial("device", reason, src)
            for itf in targets:
                self._iface_partial(itf, reason, src)

    def _finish_facts(self) -> None:
        dev, facts = self.dev, self.dev.facts
        facts["users"] = self.users
        facts["users_exported"] = self.user_lines
        nd = facts.get("neighbor_discovery")
        if nd is None:
            # default: discover on every static interface (RouterOS >= 6.41 "static";
            # older exports configure it per interface)
            off = {n for n, on, _ in self.discovery_old if not on}
            facts["neighbor_discovery"] = {"list": "static", "source": None,
                                           "interfaces": sorted(set(dev.interfaces) - off)}
        else:
            members, _ = self._expand_list(nd["list"], nd["source"])
            nd["interfaces"] = sorted(dev.interfaces) if members is None else sorted(members)
        for kind in ("mac-telnet", "mac-winbox"):
            entries = facts["mac_server"].get(kind)
            if not entries:
                facts["mac_server"][kind] = [{"list": "all", "source": None}]


_and = r_and


def _hostname_from_file(file: str) -> str:
    name = PurePath(file).name
    for ext in (".rsc", ".txt", ".cfg", ".conf", ".export"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name


# =========================================================================== tables

P = _RosParser

HANDLERS: dict[tuple[str, ...], object] = {
    ("system", "identity"): P.h_identity,
    ("interface", "ethernet"): P.h_ethernet,
    ("interface", "bridge"): P.h_bridge,
    ("interface", "bridge", "port"): P.h_bridge_port,
    ("interface", "bridge", "vlan"): P.h_bridge_vlan,
    ("interface", "bridge", "settings"): P.h_bridge_settings,
    ("interface", "bridge", "filter"): P.h_bridge_l2fw,
    ("interface", "bridge", "nat"): P.h_bridge_l2fw,
    ("interface", "vlan"): P.h_vlan,
    ("interface", "bonding"): P.h_bonding,
    ("interface", "list"): P.h_iflist,
    ("interface", "list", "member"): P.h_iflist_member,
    ("interface", "wireless"): P.h_wireless,
    ("interface", "wireless", "security-profiles"): P.h_wsec,
    ("interface", "wireless", "cap"): P.h_wcap,
    ("interface", "wifi"): P.h_wifi,
    ("interface", "wifi", "configuration"): P.h_wifi_profile(P, "configuration"),
    ("interface", "wifi", "security"): P.h_wifi_profile(P, "security"),
    ("interface", "wifi", "datapath"): P.h_wifi_profile(P, "datapath"),
    ("interface", "wifi", "cap"): P.h_wcap,
    ("interface", "wifi", "capsman"): P.h_wcap,
    ("interface", "pppoe-client"): P.h_dyn_client(P, "PPPoE"),
    ("interface", "l2tp-client"): P.h_dyn_client(P, "L2TP"),
    ("interface", "pptp-client"): P.h_dyn_client(P, "PPTP"),
    ("interface", "sstp-client"): P.h_dyn_client(P, "SSTP"),
    ("interface", "ovpn-client"): P.h_dyn_client(P, "OpenVPN"),
    ("interface", "lte"): P.h_dyn_client(P, "lte"),
    ("interface", "lte", "apn"): P.h_lte_apn,
    ("interface", "eoip"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "gre"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "ipip"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "vxlan"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "6to4"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "wireguard"): P.h_tunnel(P, IfKind.TUNNEL),
    ("interface", "veth"): P.h_tunnel(P, IfKind.OTHER),
    ("interface", "pptp-server", "server"): P.h_vpn_server,
    ("interface", "l2tp-server", "server"): P.h_vpn_server,
    ("interface", "sstp-server", "server"): P.h_vpn_server,
    ("interface", "ovpn-server", "server"): P.h_vpn_server,
    ("interface", "pppoe-server", "server"): P.h_vpn_server,
    ("interface", "ethernet", "switch"): P.h_switch,
    ("interface", "ethernet", "switch", "vlan"): P.h_switch,
    ("interface", "ethernet", "switch", "port"): P.h_switch,
    ("interface", "ethernet", "switch", "rule"): P.h_switch,
    ("ip", "address"): P.h_address,
    ("ip", "route"): P.h_route,
    ("ip", "route", "vrf"): P.h_route_vrf_v6,
    ("ip", "route", "rule"): P.h_routing_rule,
    ("routing", "rule"): P.h_routing_rule,
    ("ip", "vrf"): P.h_vrf,
    ("routing", "table"): P.h_routing_table,
    ("routing", "ospf", "network"): P.h_dynamic_routing,
    ("routing", "ospf", "interface"): P.h_dynamic_routing,
    ("routing", "ospf", "interface-template"): P.h_dynamic_routing,
    ("routing", "bgp", "peer"): P.h_dynamic_routing,
    ("routing", "bgp", "connection"): P.h_dynamic_routing,
    ("routing", "rip", "network"): P.h_dynamic_routing,
    ("routing", "rip", "interface"): P.h_dynamic_routing,
    ("routing", "rip", "interface-template"): P.h_dynamic_routing,
    ("ip", "firewall", "filter"): P.h_firewall(P, "filter"),
    ("ip", "firewall", "nat"): P.h_firewall(P, "nat"),
    ("ip", "firewall", "mangle"): P.h_firewall(P, "mangle"),
    ("ip", "firewall", "raw"): P.h_firewall(P, "raw"),
    ("ip", "firewall", "address-list"): P.h_address_list,
    ("ip", "firewall", "connection", "tracking"): P.h_conntrack,
    ("ip", "service"): P.h_service,
    ("ip", "dns"): P.h_dns,
    ("ip", "dhcp-server"): P.h_dhcp_server,
    ("ip", "dhcp-relay"): P.h_dhcp_relay,
    ("ip", "dhcp-client"): P.h_dhcp_client,
    ("ip", "neighbor", "discovery-settings"): P.h_discovery,
    ("ip", "neighbor", "discovery"): P.h_discovery,
    ("ip", "settings"): P.h_singleton,
    ("ip", "proxy"): P.h_singleton,
    ("ip", "socks"): P.h_singleton,
    ("ip", "smb"): P.h_singleton,
    ("ip", "upnp"): P.h_singleton,
    ("ip", "upnp", "interfaces"): P.h_upnp_if,
    ("ip", "hotspot"): P.h_hotspot,
    ("ip", "ipsec", "policy"): P.h_ipsec_policy,
    ("ip", "ssh"): P.h_ssh,
    ("system", "ntp", "server"): P.h_singleton,
    ("tool", "bandwidth-server"): P.h_singleton,
    ("tool", "mac-server"): P.h_mac_server,
    ("tool", "mac-server", "mac-winbox"): P.h_mac_server,
    ("tool", "mac-server", "ping"): P.h_mac_server,
    ("snmp",): P.h_snmp,
    ("snmp", "community"): P.h_snmp_community,
    ("user",): P.h_user,
    ("caps-man", "configuration"): P.h_capsman,
    ("caps-man", "provisioning"): P.h_capsman,
    ("caps-man", "manager"): P.h_wcap,
    ("interface", "wifi", "provisioning"): P.h_capsman,
    ("ppp", "profile"): P.h_ppp_profile,
    ("interface", "vrrp"): P.h_vrrp,
}

# Menus understood and irrelevant to IPv4 forwarding and exposure (prefixes).
IGNORED_MENUS = [
    ("system",), ("tool",), ("queue",), ("certificate",), ("file",), ("disk",), ("port",),
    ("lcd",), ("partitions",), ("console",), ("special-login",), ("mpls",), ("ipv6",),
    ("ppp",), ("radius",), ("user", "group"), ("user", "aaa"), ("user", "settings"),
    ("user", "ssh-keys"), ("user", "active"), ("routing",), ("caps-man",), ("container",),
    ("iot",), ("dude",), ("zerotier",), ("log",), ("password",),
    ("ip", "pool"), ("ip", "arp"), ("ip", "dns", "static"), ("ip", "dns", "adlist"),
    ("ip", "cloud"), ("ip", "traffic-flow"), ("ip", "accounting"), ("ip", "media"),
    ("ip", "tftp"), ("ip", "dhcp-server", "network"), ("ip", "dhcp-server", "lease"),
    ("ip", "dhcp-server", "option"), ("ip", "dhcp-server", "config"),
    ("ip", "dhcp-server", "alert"), ("ip", "dhcp-server", "matcher"),
    ("ip", "dhcp-client", "option"), ("ip", "firewall", "service-port"),
    ("ip", "firewall", "layer7-protocol"), ("ip", "firewall", "calea"),
    ("ip", "ipsec"), ("ip", "kid-control"), ("ip", "nat-pmp"), ("ip", "packing"),
    ("ip", "neighbor"), ("ip", "hotspot"), ("ip", "smb"), ("ip", "route", "cache"),
    ("ip", "vrf"), ("ip", "ssh"), ("ip", "tftp"),
    ("interface", "detect-internet"), ("interface", "wireless"), ("interface", "wifi"),
    ("interface", "ethernet", "poe"), ("interface", "lte", "apn"), ("interface", "wireguard"),
    ("interface", "bridge", "mdb"), ("interface", "bridge", "host"), ("interface", "bridge", "msti"),
    ("interface", "bridge", "calea"), ("interface", "bridge", "mlag"), ("interface", "ppp-client"),
    ("interface", "list"), ("interface", "ethernet", "switch"), ("interface", "pppoe-server"),
    ("interface", "ovpn-server"), ("interface", "l2tp-server"), ("interface", "sstp-server"),
    ("interface", "pptp-server"), ("interface", "vrrp"), ("interface", "bridge", "port-controller"),
    ("interface", "bridge", "port-extender"), ("interface", "dot1x"), ("interface", "macsec"),
    ("interface", "w60g"), ("interface", "60g"), ("snmp",),
]
_IGNORED = frozenset(IGNORED_MENUS)


def _ignored_menu(path: tuple[str, ...]) -> bool:
    for n in range(len(path), 0, -1):
        if path[:n] in _IGNORED:
            return True
    return False


def _alias(path: tuple[str, ...]) -> tuple[str, ...]:
    if len(path) >= 2 and path[0] == "interface" and path[1] == "wifiwave2":
        return ("interface", "wifi") + path[2:]
    return path


# =========================================================================== public API


_DETECT_WINDOW = 1 << 20
_HEADER = re.compile(r"^#.{0,80}\bby RouterOS \d+\.\d+", re.MULTILINE)
_MENU = re.compile(r"^/(?:interface|ip|system|routing|tool|snmp|user|ipv6|queue|ppp)\b",
                   re.MULTILINE)
_ADD = re.compile(r"^(?:add|set) \S+=", re.MULTILINE)
_FIND = re.compile(r"\[ find (?:default-name|default|name)=", re.MULTILINE)
_SOFT = re.compile(r"^# (?:software id|model|serial number) = ", re.MULTILINE)


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
    paused = gc.isenabled()
    gc.disable()
    try:
        return _RosParser(text, file).run()
    finally:
        if paused:
            gc.enable()


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the export's last command is visibly cut, else None
    (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness
    return completeness.routeros(text, {s.line for s in result.report.unrecognized[-3:]})
