"""Cisco ASA (and FTD in ASA syntax) configuration parser → one :class:`~netaudit.model.Device`.

How it reads a config
---------------------
Like the IOS parser: a column-0 line is a global command that may open a block
(``interface``, ``object network``, ``object-group``, ``class-map`` …); indented lines
belong to the open block.  Each context has a dispatch table keyed by the first one
to three lower-cased words; an entry is a handler, :data:`IGNORE` (understood and
irrelevant on purpose) or a :class:`Partial` reason.  Everything else is reported as
unrecognized with its line number; nothing in the content can make ``parse`` raise.
Cross-references (nameif → interface, objects, ACLs, NAT, management lines) are
resolved in :meth:`_AsaParser.finish`.

ASA semantics translated into the vendor-neutral model (docs/vendors/asa.md)
---------------------------------------------------------------------------
* Each interface's ``nameif`` is its :attr:`Interface.zone`; ``security-level`` its
  :attr:`Interface.security_level` (``nameif inside`` without a level = 100, any
  other name = 0, as the ASA sets them).  An interface without ``nameif`` passes no
  traffic: its addresses are dropped (with a warning).
* Transit traffic is decided by ONE device forwarding policy
  (:data:`POLICY`, ``Device.forward_filter``) whose lines carry in/out interfaces:

  1. ``management-only`` interfaces: deny transit in or out;
  2. ``no forward interface`` (ASA 5505): deny that pair;
  3. same-security gate: without ``same-security-traffic permit inter-interface``
     traffic between two different interfaces of equal level is denied, without
     ``… intra-interface`` traffic in and out of the same interface is denied —
     whatever the ACLs say;
  4. inbound ACLs (``access-group A in interface X``): A's lines restricted to
     ingress X, then A's implicit deny (cited as the access-group line);
  5. the global ACL (``access-group G global``): G's lines for every ingress, then
     its implicit deny.  With a global ACL every interface has an access rule, so the
     security-level defaults below no longer apply anywhere;
  6. otherwise, per ingress X without an inbound ACL: permit to lower levels (cited
     as X's ``security-level`` line), to equal levels with inter-interface (cited as
     that line), hairpin with intra-interface; then deny (lower→higher).

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

import re
from dataclasses import dataclass, field, replace

from netaddr import IPNetwork

from netaudit.model import (
    Action, AddrMatch, Filter, FilterLine, IfKind, Interface, L2Mode, Match,
    MgmtService, ParseResult, PortRange, Reference, Route, Src,
    PROTO_ICMP, PROTO_TCP, PROTO_UDP,
)
from netaudit.parsers.cisco_common import (
    canonical_ifname, ip_to_int, len_to_mask, mask_to_len, parse_vlan_list,
)
from netaudit.parsers.cisco_asa_nat import NatBuilder, NatLine, NatUndefined
from netaudit.parsers.cisco_asa_objects import (
    AclError, Group, NetObject, Objects, Ref, SvcObject, icmp_type_of, is_unconditional,
    is_v6, parse_entry, parse_icmp_item, parse_net_object_item, parse_network_item,
    parse_protocol_item, parse_service_item, parse_service_spec, prefix_match, resolve_ip,
)
from netaudit.parsers.cisco_syntax import (  # noqa: F401 - Partial: table entries
    IGNORE, IGNORE_CTX as _IGNORE_CTX, Ctx as _Ctx, LineParser, Partial, Unknown as _Unknown,
    hostname_from_file, kind_from_name, parse_without_gc, prefix_of as _prefix_of,
    table as _table,
)

VENDOR = "cisco_asa"

POLICY = "asa-forward-policy"          # the synthesized Device.forward_filter
CONTROL_PLANE = "asa-control-plane"    # synthesized Device.input_filter (control-plane ACLs)
MGMT_VRF = "management"                # management-only routing table (ASA 9.5+)

# =========================================================================== data tables

# Global commands understood and irrelevant to forwarding/exposure.  Their indented
# bodies are ignored too (secrets in them are still collected).
TOP_IGNORED = [
    "domain-name", "names", "pager", "mtu", "ftp", "arp", "timeout", "user-identity",
    "prompt", "boot", "asdm", "console", "terminal", "clock", "dns", "dns-guard",
    "dns-group", "dns-group-map", "policy-map", "threat-detection", "call-home",
    "license", "feature", "service", "sysopt", "vpn-sessiondb", "vpn-addr-assign",
    "ldap", "ip local", "ip audit", "ip-client", "ipv6",
    "hpm", "jumbo-frame", "resource", "mac-address", "mac-address-table", "xlate",
    "object-group-search", "asp", "flow-export", "smtp-server", "auth-prompt", "privilege",
    "sla", "track", "monitor-interface", "priority-queue", "tls-proxy", "phone-proxy",
    "ctl-file", "media-termination", "fragment", "prefix-list", "community-list", "as-path",
    "multicast-routing", "pim", "igmp", "mroute", "virtual", "banner", "end", "exit", "quit",
    "crashinfo", "coredump", "scansafe", "dynamic-filter", "nac-policy", "ssl", "tls",
    "dhcp-client", "ddns", "quota", "cts", "app-agent", "vpnsetup", "anyconnect", "nve",
    "vxlan", "netflow", "pki", "rest-api", "compression", "l2tp", "isakmp", "vpdn",
    "snmp-map", "gtp-map", "regex", "tcp-map", "arp-inspection", "fixup", "pdm",
    "floodguard", "ca", "vpngroup", "password", "zone", "cluster-interface", "wsa", "http-map",
    "ip domain-name", "ip name-server", "icmp-object", "ssh-key", "key", "ntp",
    "logging", "aaa", "account", "mac-learn", "spanning-tree", "vlan", "hostname-detection",
    "opts", "snort", "shun", "ip options", "neighbor", "bfd", "bfd-template", "eigrp",
    "ospf", "bgp", "rip", "igmp-access-group", "ipsec", "crypto", "service-module",
    "object-group-user", "user", "storage", "switch", "sfr", "cxsc", "ips", "csc",
    "failover", "no", "time-range",
    # FTD (ASA syntax) additions
    "strong-encryption-disable", "ngips", "sftunnel", "flowoffload", "snort",
]

TOP_PARTIAL = {
    "context": "multiple-context system configuration: each context is a separate file",
    "admin-context": "multiple-context system configuration: each context is a separate file",
    "cluster": "ASA clustering not modelled",
    "policy-route": "policy-based routing not modelled",
    "wccp": "WCCP redirection not modelled",
    "established": "PIX 'established' command not modelled",
    "conduit": "PIX conduit not modelled",
    "outbound": "PIX outbound list not modelled",
    "apply": "PIX outbound list not modelled",
}

IFACE_IGNORED = [
    "speed", "duplex", "flowcontrol", "lacp", "nve-only", "delay", "ipv6", "pim", "igmp",
    "multicast", "mac-address", "media-type", "negotiation", "power", "ddns", "dhcp client",
    "zone-member", "security-group", "port-channel", "mtu", "description", "exit",
    "hello-interval", "authentication", "summary-address", "split-horizon", "bfd",
    "rate-limit", "ip dhcp", "ip ddns", "link-state", "fec", "lldp", "cts", "shape",
    # `cts manual` sub-block (FTD/ASA TrustSec): tagging only
    "propagate sgt", "policy static sgt",
]

IFACE_PARTIAL = {
    "bridge-group": "bridge group (transparent/BVI bridging) not modelled",
    "pppoe": "PPPoE client not modelled",
    "policy-route": "policy-based routing not modelled",
    "wccp": "WCCP redirection not modelled",
}

# Words in an ignored line that announce a secret value right after them.
SECRET_WORDS = frozenset({"password", "passwd", "key", "pre-shared-key", "secret",
                          "ldap-login-password", "authentication-key", "message-digest-key",
                          "auth", "priv", "key-string"})
_NOT_SECRETS = frozenset({
    "key", "encrypted", "pbkdf2", "nt-encrypted", "md5", "sha", "sha1", "sha256", "sha512",
    "cmac", "aes", "des", "3des", "0", "8", "hex", "ascii", "local", "remote", "none",
    "privilege", "unencrypted", "key-string", "password", "secret", "community", "auth",
    "priv", "128", "192", "256", "sha-256", "sha-384", "sha-512", "value", "inherit",
})

_KIND_BY_PREFIX = (
    ("Vlan", IfKind.SVI), ("Port-channel", IfKind.PORT_CHANNEL),
    ("Redundant", IfKind.PORT_CHANNEL),       # active/standby bundle: cabled as one port
    ("Tunnel", IfKind.TUNNEL), ("BVI", IfKind.BRIDGE), ("Loopback", IfKind.LOOPBACK),
    ("Null", IfKind.NULL),
)
_PHYSICAL_HINTS = ("Ethernet", "Management", "Internal-Data", "GigE")


# =========================================================================== parse state


class _If:
    """Per-interface facts collected while reading."""

    __slots__ = ("iface", "nameif", "nameif_src", "level", "level_src", "addr", "addr_src",
                 "standby", "mgmt_only", "no_forward", "sw_any", "mode", "access_vlan",
                 "allowed", "native", "members", "channel_group", "dhcp_relay")

    def __init__(self, iface: Interface):
        self.iface = iface
        self.nameif: str | None = None
        self.nameif_src: Src | None = None
        self.level: int | None = None
        self.level_src: Src | None = None
        self.addr: IPNetwork | None = None
        self.addr_src: Src | None = None
        self.standby: list[int] = []
        self.mgmt_only: Src | None = None
        self.no_forward: list[tuple[str, Src]] = []
        self.sw_any = False
        self.mode: str | None = None
        self.access_vlan: int | None = None
        self.allowed: frozenset[int] | None = None
        self.native: int | None = None
        self.members: list[tuple[str, Src]] = []
        self.channel_group: tuple[str, Src] | None = None
        self.dhcp_relay: Src | None = None


@dataclass(eq=False)
class _Acl:
    name: str
    src: Src
    entries: list = field(default_factory=list)        # [(tokens tuple, Src)]
    standard: bool = False
    remarks_only: bool = True


@dataclass(eq=False)
class _AccessGroup:
    acl: str
    direction: str              # in | out | global
    nameif: str | None
    control_plane: bool
    src: Src


@dataclass(eq=False)
class _MgmtLine:
    """An ``http``/``ssh``/``telnet`` A M IFNAME line or an ``icmp`` rule."""

    proto: str
    action: Action
    net: AddrMatch | None       # None = any
    nameif: str
    src: Src
    icmp: tuple[int, int | None] | None = None


# =========================================================================== the parser


class _AsaParser(LineParser):
    VENDOR = VENDOR
    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = _NOT_SECRETS
    MASKED_NOT_SECRET = True            # "*****": the ASA already masked it

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.ifs: dict[str, _If] = {}
        self.acls: dict[str, _Acl] = {}
        self.groups: dict[str, Group] = {}
        self.nets: dict[str, NetObject] = {}
        self.svc_objs: dict[str, SvcObject] = {}
        self.names: dict[str, int] = {}
        self.access_groups: list[_AccessGroup] = []
        self.nat_manual: list[NatLine] = []
        self.nat_after: list[NatLine] = []
        self.nat_object: list[NatLine] = []
        self.legacy_nat: list[Src] = []
        self.routes: list[tuple[list[str], Src]] = []
        self.mgmt: list[_MgmtLine] = []
        self.http_server: tuple[int, Src] | None = None
        self.same_inter: Src | None = None
        self.same_intra: Src | None = None
        self.snmp_hosts: list[tuple[str, AddrMatch | None, bool, Src]] = []
        self.dhcpd: list[tuple[str, Src]] = []
        self.dhcprelay: list[tuple[str, Src]] = []
        self.urpf: list[tuple[str, Src]] = []
        self.vpn_listen: list[tuple[str, str, Src]] = []     # (ike | webvpn, nameif, src)
        self.webvpn_port = 443
        self.transparent: Src | None = None
        facts = self.dev.facts
        facts.update({
            "dynamic_routing": [], "failover": [], "service_policies": [],
            "management_access": [], "telnet_ineffective": [], "http_lines_without_server": [],
            "asa_mgmt_lines": [], "snmp_communities": [], "enable_password": None,
            "username_password": [], "ssh_version": None, "logging_hosts": [],
            "ntp_servers": [], "vpn": [], "standard_acls": {}, "aaa": [],
            # for the ASA checks: {interface: Src of management-only}, resolved
            # access-group bindings, same-security-traffic lines
            "management_only": {}, "access_groups": [], "same_security_inter": None,
            "same_security_intra": None,
        })

    # ------------------------------------------------------------------ helpers

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Secrets in a line we otherwise ignore: the value after a secret keyword
        (skipping encryption-type words), or the last word for pre-shared keys."""
        for i, w in enumerate(low):
            if w not in SECRET_WORDS:
                continue
            if w == "pre-shared-key":
                self.add_secret(tokens[-1])
                continue
            j = i + 1
            if w in ("authentication-key", "message-digest-key") and j < len(low) and low[j].isdigit():
                j += 1                       # the key number
            while j < len(low) and low[j] in ("0", "8", "md5", "sha", "sha1", "sha256",
                                              "sha512", "cmac", "aes", "des", "3des", "128",
                                              "192", "256", "unencrypted", "ascii", "hex"):
                j += 1
            if w in ("auth", "priv") and j >= len(low):
                continue
            if w == "key":
                if i == 0 and len(low) > 1:
                    j = len(low) - 1         # `key SECRET` inside aaa-server host blocks
                elif low[0] not in ("failover", "crypto", "tacacs-server", "radius-server"):
                    continue                 # `crypto key generate rsa …` holds no secret
                elif low[0] == "crypto" and low[1:2] != ["isakmp"]:
                    continue
            if j < len(tokens):
                self.add_secret(tokens[j])

    def ctx_partial(self, ctx: _Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "interface":
            self.iface_partial(ctx.targets[0].iface, reason, src)
        else:
            self.rep.add_partial(ctx.label, reason, src)

    # ------------------------------------------------------------------ main loop

    def prepare(self, raw: str, lineno: int) -> str | None:
        stripped = raw.strip()
        if not stripped:
            self.ignored += 1
            return None
        first = stripped[0]
        if first == "!" or (first == ":" and raw[0] == ":") \
                or stripped.startswith("Cryptochecksum:"):
            self.ignored += 1
            if raw[0] in "!:C":
                self.ctx = None
            return None
        if "!" in stripped:
            stripped = _TRAILING_COMMENT.sub("", stripped)
        return stripped

    def end_of_input(self) -> None:
        try:
            self.finish()
        except Exception as exc:   # noqa: BLE001 - report, keep what was built
            self.rep.warnings.append(f"{self.file}: resolution failed ({type(exc).__name__}: {exc}); "
                                     "the model of this device is incomplete")
            if not self.dev.hostname:
                self.dev.hostname = _hostname_from_file(self.file)
            self.rep.devices = [self.dev.hostname]

    def access_list(self, tokens: list[str], stripped: str, lineno: int) -> None:
        self.h_access_list(tokens, None, self.src(lineno, stripped))

    def _in_ctx(self, ctx: _Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if ctx.kind == "scan":
            # an ignored block whose body may name ACLs (class-map, group-policy …)
            tokens = stripped.split()
            low = stripped.lower().split()
            self.ignored += 1
            self._scan_refs(tokens, low, self.src(lineno, stripped))
            if not SECRET_WORDS.isdisjoint(low):
                self.scan_secrets(tokens, low)
            return True
        return super()._in_ctx(ctx, stripped, lineno, fallback)

    def apply(self, ctx: _Ctx, entry, tokens, low, src: Src) -> bool:
        target = ctx.targets[0]
        try:
            if entry(self, target, tokens, low, src):
                self.ignored += 1
        except _Unknown:
            return False
        except AclError as exc:
            if ctx.kind.startswith("og-") or ctx.kind.startswith("obj-"):
                target.partial = target.partial or f"line {src.line} not understood: {exc}"
                self.rep.add_partial(ctx.label, target.partial, src)
            return False
        return True

    def _scan_refs(self, tokens, low, src: Src) -> None:
        """ACL names used by class-maps, group-policies, route-maps (kept as references
        so an ACL used only there is not reported as unused)."""
        n = len(low)
        if n >= 3 and low[0] == "match" and low[1] == "access-list":
            self.ref("acl", tokens[2], src)
        elif n >= 4 and low[0] == "match" and low[1] == "ip" and low[2] == "address":
            for name in tokens[3:]:
                if name.lower() != "prefix-list":
                    self.ref("acl", name, src)
        elif n >= 3 and low[0] in ("vpn-filter", "split-tunnel-network-list",
                                   "ipv6-split-tunnel-network-list") and low[1] == "value":
            self.ref("acl", tokens[2], src)
        elif n >= 2 and low[0] == "network-acl":          # dynamic-access-policy-record
            self.ref("acl", tokens[1], src)

    # ------------------------------------------------------------------ global handlers

    def h_version(self, tokens, low, src):
        if len(tokens) < 3:
            raise _Unknown
        self.dev.os_version = tokens[2]
        self.dev.facts["platform"] = tokens[0]

    def h_enable(self, tokens, low, src):
        if len(low) < 3 or low[1] != "password":
            self.ignored += 1
            return
        self.add_secret(tokens[2])
        self.dev.facts["enable_password"] = src

    def h_passwd(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        self.add_secret(tokens[1])

    def h_username(self, tokens, low, src):
        if len(low) >= 3 and low[2] == "attributes":
            self.ctx = _Ctx("scan")
            self.ignored += 1
            return
        for i, w in enumerate(low):
            if w == "password" and i + 1 < len(tokens):
                self.add_secret(tokens[i + 1])
                self.dev.facts["username_password"].append(src)
                return
        self.ignored += 1

    def h_name(self, tokens, low, src):
        if len(tokens) < 3:
            raise _Unknown
        ip = ip_to_int(tokens[1])
        if ip is None:
            if is_v6(tokens[1]):
                self.ignored += 1
                return
            raise _Unknown
        self.names[tokens[2]] = ip

    def h_same_security(self, tokens, low, src):
        if len(low) < 3 or low[1] != "permit" or low[2] not in ("inter-interface", "intra-interface"):
            raise _Unknown
        if low[2] == "inter-interface":
            self.same_inter = src
        else:
            self.same_intra = src

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        name = canonical_ifname("".join(tokens[1:]))
        st = self._iface(name, src)
        self.ctx = _Ctx("interface", IFACE_TABLE, [st], f"interface {name}")

    def _iface(self, name: str, src: Src | None) -> _If:
        st = self.ifs.get(name)
        if st is None:
            kind = kind_from_name(name, _PHYSICAL_HINTS, _KIND_BY_PREFIX)
            iface = Interface(name=name, kind=kind, source=src)
            if "." in name and kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL, IfKind.OTHER):
                iface.kind = IfKind.SUBINTERFACE
                iface.parent = name.split(".", 1)[0]
            st = _If(iface)
            self.ifs[name] = st
            self.dev.interfaces[name] = iface
        return st

    # --- access lists

    def h_access_list(self, tokens, low, src):
        n = len(tokens)
        if n < 3:
            self.unrecognized(src.line, src.text)
            return
        name = tokens[1]
        i = 2
        if tokens[i].lower() == "line" and n > 4 and tokens[i + 1].isdigit():
            i += 2
        word = tokens[i].lower()
        acl = self.acls.get(name)
        if word == "remark":
            self.ignored += 1
            if acl is None:
                self.acls[name] = _Acl(name, src)
            return
        if word in ("webtype", "ethertype", "compiled", "alert-interval", "deny-flow-max"):
            self.ignored += 1
            return
        if word == "standard":
            self.dev.facts["standard_acls"].setdefault(name, []).append(src)
            if acl is None:
                self.acls[name] = _Acl(name, src, standard=True)
            return
        if word in ("extended", "advanced"):        # advanced: FTD in ASA syntax
            i += 1
        elif word not in ("permit", "deny"):
            self.unrecognized(src.line, src.text)
            return
        if acl is None:
            acl = self.acls[name] = _Acl(name, src)
        acl.remarks_only = False
        acl.entries.append((tuple(tokens[i:]), src))

    def h_access_group(self, tokens, low, src):
        n = len(low)
        if n < 3:
            raise _Unknown
        acl = tokens[1]
        if low[2] == "global" and n == 3:
            self.access_groups.append(_AccessGroup(acl, "global", None, False, src))
        elif low[2] in ("in", "out") and n >= 5 and low[3] == "interface":
            cp = n >= 6 and low[5] == "control-plane"
            self.access_groups.append(_AccessGroup(acl, low[2], tokens[4], cp, src))
        else:
            raise _Unknown

    # --- objects

    def h_object(self, tokens, low, src):
        if len(tokens) < 3:
            raise _Unknown
        kind, name = low[1], tokens[2]
        if kind == "network":
            obj = self.nets.get(name)
            if obj is None:
                obj = self.nets[name] = NetObject(name, src)
            self.ctx = _Ctx("obj-network", OBJNET_TABLE, [obj], f"object network {name}")
        elif kind == "service":
            obj = self.svc_objs.get(name)
            if obj is None:
                obj = self.svc_objs[name] = SvcObject(name, src)
            self.ctx = _Ctx("obj-service", OBJSVC_TABLE, [obj], f"object service {name}")
        else:
            raise _Unknown

    def h_object_group(self, tokens, low, src):
        words, toks = low[1:], tokens[1:]
        if words and words[0] == "group":          # `object-group group network X` (seen in tests)
            words, toks = words[1:], toks[1:]
        if len(words) < 2:
            raise _Unknown
        kind, name = words[0], toks[1]
        if kind in ("user", "security", "network-service"):
            self.ignored += 1
            self.ctx = _IGNORE_CTX
            return
        if kind not in ("network", "service", "protocol", "icmp-type"):
            raise _Unknown
        header = words[2] if kind == "service" and len(words) > 2 else None
        if header is not None and header not in ("tcp", "udp", "tcp-udp"):
            raise _Unknown
        g = self.groups.get(name)
        if g is None:
            g = self.groups[name] = Group(kind, name, src, header)
        self.ctx = _Ctx(f"og-{kind}", OG_TABLES[kind], [g], f"object-group {name}")

    # --- NAT

    def h_nat(self, tokens, low, src):
        rest = tokens[1:]
        if not rest:
            raise _Unknown
        if rest[0].startswith("(") and len(rest) > 1 and rest[1].isdigit() \
                and "," not in rest[0]:
            self._legacy_nat(src)          # pre-8.3 `nat (inside) 1 0 0`
            return
        lw = [w.lower() for w in rest]
        line = NatLine(rest, src)
        if "after-auto" in lw[:3] or "after-object" in lw[:3]:
            self.nat_after.append(line)
        elif "source" in lw:
            self.nat_manual.append(line)
        else:
            raise _Unknown

    def _legacy_nat(self, src: Src) -> None:
        low = src.text.lower().split()
        if "access-list" in low[:-1]:            # policy NAT / NAT exemption list
            self.ref("acl", src.text.split()[low.index("access-list") + 1], src)
        self.legacy_nat.append(src)
        self.rep.add_partial("nat", "pre-8.3 NAT (ACLs on mapped addresses) not modelled", src)

    def h_legacy_static(self, tokens, low, src):
        if len(tokens) > 1 and tokens[1].startswith("("):
            self._legacy_nat(src)
        else:
            raise _Unknown

    # --- routing

    def h_route(self, tokens, low, src):
        if len(tokens) < 4:
            raise _Unknown
        self.routes.append((tokens, src))

    def h_router(self, tokens, low, src):
        self.dev.facts["dynamic_routing"].append(src)
        self.ctx = _IGNORE_CTX

    def h_route_map(self, tokens, low, src):
        self.ignored += 1
        self.ctx = _Ctx("scan")

    def h_scan_block(self, tokens, low, src):
        """class-map, group-policy, tunnel-group, aaa-server: ignored, bodies scanned."""
        self.ignored += 1
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)
        self.ctx = _Ctx("scan")

    def h_capture(self, tokens, low, src):
        """``capture NAME [access-list ACL] interface IF …``: packet capture only."""
        self.ignored += 1
        if "access-list" in low[:-1]:
            self.ref("acl", tokens[low.index("access-list") + 1], src)

    def h_service_policy(self, tokens, low, src):
        self.dev.facts["service_policies"].append(src)

    def h_crypto(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        n = len(low)
        if n >= 4 and low[1] in ("ikev1", "ikev2", "isakmp") and low[2] == "enable":
            self.vpn_listen.append(("ike", tokens[3], src))
            return
        if n >= 7 and low[1] in ("map", "dynamic-map") and low[4] == "match" and low[5] == "address":
            self.ref("acl", tokens[6], src)
            self.dev.facts["vpn"].append(src)
            return
        if n >= 5 and low[1] == "map" and low[3] == "interface":
            self.dev.facts["vpn"].append(src)
            return
        self.ignored += 1
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)

    def h_failover(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        if not SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)
        self.dev.facts["failover"].append(src)

    def h_logging(self, tokens, low, src):
        if len(low) >= 3 and low[1] == "host":
            self.dev.facts["logging_hosts"].append(src)
        else:
            self.ignored += 1

    def h_ntp(self, tokens, low, src):
        self.scan_secrets(tokens, low)
        if len(low) >= 3 and low[1] == "server":
            self.dev.facts["ntp_servers"].append(src)
        else:
            self.ignored += 1

    def h_aaa(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        self.dev.facts["aaa"].append(src)

    def h_ip(self, tokens, low, src):
        # `ip verify reverse-path interface NAMEIF` = strict uRPF on that interface
        if len(low) >= 5 and low[1] == "verify" and low[2] == "reverse-path" and low[3] == "interface":
            self.urpf.append((tokens[4], src))
            return
        self.ignored += 1
        self.ctx = _IGNORE_CTX

    def h_firewall(self, tokens, low, src):
        if len(low) >= 2 and low[1] == "transparent":
            self.transparent = src
            self.rep.add_partial("firewall transparent", "transparent (bridging) firewall mode "
                                 "not modelled", src)
        else:
            self.ignored += 1

    # --- management plane

    def h_http(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[1] == "server" and low[2] == "enable":
            port = 443
            if n >= 4:
                if not low[3].isdigit():
                    raise _Unknown
                port = int(low[3])
            self.http_server = (port, src)
            return
        if n == 4 and low[1] not in ("redirect", "authentication-certificate", "server"):
            self._mgmt_line("http", tokens, src)
            return
        self.ignored += 1

    def h_ssh(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[1] == "version":
            self.dev.facts["ssh_version"] = tokens[2]
            return
        if n == 4 and (ip_to_int(tokens[1]) is not None or tokens[1] in self.names):
            self._mgmt_line("ssh", tokens, src)
            return
        if n == 3 and is_v6(tokens[1]):
            self.ignored += 1
            return
        self.ignored += 1              # timeout, key-exchange, cipher, scopy, stricthostkeycheck …

    def h_telnet(self, tokens, low, src):
        n = len(low)
        if n == 4 and (ip_to_int(tokens[1]) is not None or tokens[1] in self.names):
            self._mgmt_line("telnet", tokens, src)
            return
        self.ignored += 1              # telnet timeout N, IPv6 forms

    def _mgmt_line(self, proto: str, tokens, src: Src) -> None:
        if is_v6(tokens[1]):
            self.ignored += 1
            return
        ip = resolve_ip(tokens[1], self.names)
        mask = ip_to_int(tokens[2])
        if ip is None or mask is None or mask_to_len(mask) is None:
            raise _Unknown
        net = None if mask == 0 else prefix_match(ip, mask)
        self.mgmt.append(_MgmtLine(proto, Action.PERMIT, net, tokens[3], src))

    def h_icmp(self, tokens, low, src):
        n = len(low)
        if n < 2 or low[1] not in ("permit", "deny"):
            self.ignored += 1          # icmp unreachable rate-limit …
            return
        action = Action.PERMIT if low[1] == "permit" else Action.DENY
        if n < 4:
            raise _Unknown
        nameif = tokens[-1]
        body = tokens[2:-1]
        if not body:
            raise _Unknown
        i = 0
        if body[0].lower() == "any":
            net, i = None, 1
        elif body[0].lower() == "host" and len(body) > 1:
            if is_v6(body[1]):
                self.ignored += 1
                return
            ip = resolve_ip(body[1], self.names)
            if ip is None:
                raise _Unknown
            net, i = AddrMatch(ip, 0), 2
        else:
            if is_v6(body[0]):
                self.ignored += 1
                return
            ip = resolve_ip(body[0], self.names)
            mask = ip_to_int(body[1]) if len(body) > 1 else None
            if ip is None or mask is None or mask_to_len(mask) is None:
                raise _Unknown
            net, i = (None if mask == 0 else prefix_match(ip, mask)), 2
        icmp = None
        if i < len(body):
            got = icmp_type_of(body, i)
            if got is None or got[2] != len(body):
                raise _Unknown
            icmp = (got[0], got[1])
        self.mgmt.append(_MgmtLine("icmp", action, net, nameif, src, icmp))

    def h_snmp(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        n = len(low)
        if n >= 3 and low[1] == "community":
            self.add_secret(tokens[2] if low[2] not in ("0", "8") or n < 4 else tokens[3])
            self.dev.facts["snmp_communities"].append({"source": src})
            return
        if n >= 4 and low[1] in ("host", "host-group"):
            poll = "trap" not in low[4:] or "poll" in low[4:]
            if "community" in low:
                j = low.index("community") + 1
                if j < n and low[j] in ("0", "8") and j + 1 < n:
                    j += 1
                if j < n:
                    self.add_secret(tokens[j])
            if low[1] == "host":
                ip = resolve_ip(tokens[3], self.names)
                if ip is None:
                    if is_v6(tokens[3]):
                        self.ignored += 1
                        return
                    raise _Unknown
                self.snmp_hosts.append((tokens[2], AddrMatch(ip, 0), poll, src))
            else:
                self.snmp_hosts.append((tokens[2], Ref("object", tokens[3]), poll, src))
            return
        if n >= 3 and low[1] == "user":
            self.scan_secrets(tokens, low)
        self.ignored += 1

    def h_webvpn(self, tokens, low, src):
        self.ignored += 1
        self.ctx = _Ctx("webvpn", WEBVPN_TABLE, [None], "webvpn")

    def wv_enable(self, _target, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        self.vpn_listen.append(("webvpn", tokens[1], src))

    def wv_port(self, _target, tokens, low, src):
        if len(low) < 2 or not low[1].isdigit():
            raise _Unknown
        self.webvpn_port = int(low[1])

    def h_management_access(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        self.dev.facts["management_access"].append(src)
        self.rep.add_partial("management-access", f"management access to interface {tokens[1]} "
                             "through a VPN tunnel not modelled", src)

    def h_dhcpd(self, tokens, low, src):
        if len(low) >= 3 and low[1] == "enable":
            self.dhcpd.append((tokens[2], src))
        else:
            self.ignored += 1

    def h_dhcprelay(self, tokens, low, src):
        if len(low) >= 3 and low[1] == "enable":
            self.dhcprelay.append((tokens[2], src))
        else:
            self.ignored += 1

    # ------------------------------------------------------------------ interface handlers

    def if_nameif(self, st: _If, tokens, low, src):
        if low[0] == "no":
            st.nameif, st.nameif_src = None, None
            return
        if len(tokens) < 2:
            raise _Unknown
        st.nameif, st.nameif_src = tokens[1], src

    def if_level(self, st: _If, tokens, low, src):
        if low[0] == "no":
            st.level, st.level_src = None, None
            return
        if len(low) < 2 or not low[1].isdigit() or int(low[1]) > 100:
            raise _Unknown
        st.level, st.level_src = int(low[1]), src

    def if_ip_address(self, st: _If, tokens, low, src):
        if low[0] == "no":
            st.addr, st.standby = None, []
            return
        n = len(low)
        if n < 3:
            raise _Unknown
        if low[2] in ("dhcp", "pppoe"):
            # Assigned at run time (docs/semantics.md); `setroute` installs the
            # server's / peer's default route.
            st.iface.dynamic_address = True
            st.iface.dynamic_source = src
            self.dev.facts.setdefault("dhcp_client_interfaces", []).append(st.iface.name)
            if "setroute" in low[3:]:
                self.dev.routes.append(Route(IPNetwork("0.0.0.0/0"), st.iface.vrf, interface=st.iface.name,
                                             distance=1, origin="dhcp", runtime_gateway=True, source=src))
            elif len(low) > 3:
                raise _Unknown
            return
        a = ip_to_int(tokens[2])
        m = ip_to_int(tokens[3]) if n > 3 else None
        plen = mask_to_len(m) if m is not None else None
        if a is None or plen is None:
            raise _Unknown
        st.addr, st.addr_src = _prefix_of(a, plen), src
        st.standby = []
        i = 4
        while i < n:
            if low[i] == "standby" and i + 1 < n and (s := ip_to_int(tokens[i + 1])) is not None:
                st.standby.append(s)
                i += 2
            elif low[i] == "cluster-pool" and i + 1 < n:
                i += 2
            else:
                raise _Unknown

    def if_shutdown(self, st: _If, tokens, low, src):
        st.iface.shutdown = low[0] != "no"

    def if_description(self, st: _If, tokens, low, src):
        parts = src.text.split(None, 1)
        st.iface.description = parts[1] if len(parts) > 1 else ""

    def if_vlan(self, st: _If, tokens, low, src):
        if len(low) < 2 or not low[1].isdigit():
            if len(low) >= 2 and low[1] in ("secondary",):
                self.iface_partial(st.iface, "secondary VLANs not modelled", src)
                return
            raise _Unknown
        st.iface.encapsulation_vlan = int(low[1])

    def if_mgmt_only(self, st: _If, tokens, low, src):
        st.mgmt_only = None if low[0] == "no" else src

    def if_member(self, st: _If, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        st.members.append((canonical_ifname(tokens[1]), src))

    def if_channel_group(self, st: _If, tokens, low, src):
        if len(low) < 2 or not low[1].isdigit():
            raise _Unknown
        st.channel_group = (f"Port-channel{low[1]}", src)

    def if_switchport(self, st: _If, tokens, low, src):
        n = len(low)
        st.sw_any = True
        if n >= 4 and low[1] == "access" and low[2] == "vlan" and low[3].isdigit():
            st.access_vlan = int(low[3])
        elif n >= 3 and low[1] == "mode":
            st.mode = low[2]
            if low[2] not in ("access", "trunk"):
                self.iface_partial(st.iface, f"switchport mode {low[2]} not modelled", src)
        elif n >= 5 and low[1] == "trunk" and low[2] == "allowed" and low[3] == "vlan":
            try:
                st.allowed = parse_vlan_list("".join(tokens[4:]))
            except ValueError:
                raise _Unknown from None
        elif n >= 5 and low[1] == "trunk" and low[2] == "native" and low[3] == "vlan" and low[4].isdigit():
            st.native = int(low[4])
        elif n >= 2 and low[1] in ("protected", "monitor", "port-security", "nonegotiate"):
            return True
        else:
            raise _Unknown

    def if_no_forward(self, st: _If, tokens, low, src):
        # ASA 5505 restricted VLAN: `no forward interface Vlan1`
        if len(tokens) < 4:
            raise _Unknown
        st.no_forward.append((canonical_ifname(tokens[3]), src))

    def if_dhcprelay(self, st: _If, tokens, low, src):
        if len(low) >= 3 and low[1] == "server":
            st.dhcp_relay = st.dhcp_relay or src
        else:
            return True

    def if_scan(self, st: _If, tokens, low, src):
        """ospf / eigrp authentication lines: irrelevant except for their keys."""
        self.scan_secrets(tokens, low)
        return True

    # ------------------------------------------------------------------ object handlers

    def obj_net_item(self, obj: NetObject, tokens, low, src):
        kind, addrs, size, first = parse_net_object_item(tokens, self.names)
        obj.kind, obj.addrs, obj.size, obj.first, obj.defined = kind, addrs, size, first, True
        if kind == "fqdn":
            obj.partial = f"fqdn object {obj.name}: addresses resolved at run time"
            self.rep.add_partial(f"object network {obj.name}", obj.partial, src)

    def obj_net_nat(self, obj: NetObject, tokens, low, src):
        self.nat_object.append(NatLine(tokens[1:], src, obj.name))

    def obj_svc_item(self, obj: SvcObject, tokens, low, src):
        svc, i = parse_service_spec(tokens, 1)
        if i != len(tokens):
            raise AclError(f"unexpected {tokens[i]!r}")
        obj.svcs = (svc,)

    def og_item(self, g: Group, tokens, low, src):
        if g.kind == "network":
            item = parse_network_item(tokens, self.names)
        elif g.kind == "service":
            item = parse_service_item(tokens, g.proto)
            if isinstance(item, tuple) and item and item[0] == "ports" and g.proto is None:
                g.partial = g.partial or "port-object in a service group without a protocol"
                self.rep.add_partial(f"object-group {g.name}", g.partial, src)
        elif g.kind == "protocol":
            item = parse_protocol_item(tokens)
        else:
            item = parse_icmp_item(tokens)
        if item is None:
            return True
        g.items.append(item)
        if isinstance(item, Ref):
            self.ref("object-group" if item.kind == "group" else "object", item.name, src)

    # ------------------------------------------------------------------ finish

    def finish(self) -> None:
        dev = self.dev
        if not dev.hostname:
            dev.hostname = _hostname_from_file(self.file)
        self.rep.devices = [dev.hostname]
        self._finish_interfaces()
        self.objs = Objects(self.nets, self.svc_objs, self.groups, self.names,
                            {nf: self.if_ip.get(real) for nf, real in self.nameif_to_if.items()})
        self.objs.nameif_real = dict(self.nameif_to_if)
        self._finish_acls()
        self._finish_access_groups()
        self._finish_policy()
        self._finish_nat()
        self._finish_routes()
        self._finish_services()
        self._finish_refs()

    # --- interfaces

    def _finish_interfaces(self) -> None:
        dev = self.dev
        self.nameif_to_if: dict[str, str] = {}
        self.if_ip: dict[str, int | None] = {}
        self.levels: dict[str, tuple[int, Src | None]] = {}
        has_vlan_ifs = any(st.iface.kind == IfKind.SVI and st.nameif for st in self.ifs.values())
        uses_switchport = any(st.sw_any for st in self.ifs.values()) or has_vlan_ifs
        for name, st in self.ifs.items():
            iface = st.iface
            if st.nameif:
                if st.nameif in self.nameif_to_if:
                    self.rep.warnings.append(
                        f"{self.file}:{st.nameif_src.line}: nameif {st.nameif} used twice")
                self.nameif_to_if[st.nameif] = name
                iface.zone = st.nameif
                level, lsrc = st.level, st.level_src
                if level is None:        # set by the ASA when the name was given
                    level, lsrc = (100 if st.nameif.lower() == "inside" else 0), st.nameif_src
                iface.security_level = level
                self.levels[name] = (level, lsrc)
                if st.addr is not None:
                    iface.addresses = [st.addr]
                    iface.virtual_addresses = [_prefix_of(s, st.addr.prefixlen) for s in st.standby]
                    self.if_ip[name] = int(st.addr.ip)
                else:
                    self.if_ip[name] = None
            elif st.addr is not None:
                self.rep.warnings.append(
                    f"{self.file}:{st.addr_src.line}: interface {name} has an address but no "
                    "nameif: the ASA passes no traffic on it")
            # L2 role (ASA 5505-style switch ports)
            if st.sw_any or (uses_switchport and not st.nameif and iface.kind == IfKind.PHYSICAL
                             and name.startswith("Ethernet") and st.addr is None):
                if st.mode == "trunk":
                    iface.mode = L2Mode.TRUNK
                    iface.allowed_vlans = st.allowed
                    iface.native_vlan = st.native if st.native is not None else 1
                else:
                    iface.mode = L2Mode.ACCESS
                    iface.access_vlan = st.access_vlan if st.access_vlan is not None else 1
            if iface.kind == IfKind.SUBINTERFACE and iface.encapsulation_vlan is None \
                    and iface.addresses:
                self.rep.warnings.append(f"{self.file}: subinterface {name} has no 'vlan': "
                                         "the ASA passes no traffic on it")
                iface.addresses, iface.virtual_addresses = [], []
            parent = self.ifs.get(iface.parent) if iface.kind == IfKind.SUBINTERFACE else None
            if parent is not None and parent.iface.shutdown:
                iface.shutdown = True        # a subinterface is down with its parent
        for name, st in list(self.ifs.items()):
            for member, msrc in st.members:
                m = self._iface(member, msrc)
                m.iface.parent = name
            if st.channel_group is not None:
                pc = st.channel_group[0]
                if pc not in self.ifs:
                    self._iface(pc, st.channel_group[1])
                st.iface.parent = pc
        for nameif, src in self.urpf:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
            else:
                dev.interfaces[real].urpf = "strict"
        if self.transparent is not None:
            for st in self.ifs.values():
                if st.nameif:
                    self.iface_partial(st.iface, "transparent firewall mode not modelled",
                                       self.transparent)

    # --- ACLs

    def _finish_acls(self) -> None:
        memo: dict[tuple, object] = {}
        for name, acl in self.acls.items():
            if acl.standard:
                continue
            flt = Filter(name=name, kind="extended", source=acl.src,
                         default_text="implicit deny at end of access-list")
            for tokens, src in acl.entries:
                got = memo.get(tokens)
                if got is None:
                    try:
                        got = parse_entry(tokens, self.objs)
                    except AclError as exc:
                        got = exc
                    memo[tokens] = got
                if isinstance(got, AclError):
                    self.rep.unrecognized.append(src)
                    act = Action.DENY if tokens and tokens[0].lower() == "deny" else Action.PERMIT
                    why = f"line {src.line} not understood: {got}"
                    flt.lines.append(FilterLine(act, [Match()], src, name, why))
                    self.rep.add_partial(f"acl {name}", why, src)
                    continue
                for r in got.missing:
                    kind = {"group": "object-group", "object": "object"}.get(r.kind, r.kind)
                    if kind == "interface":
                        kind = "nameif"
                    self.ref(kind, r.name, src)
                if got.inactive:
                    continue
                flt.lines.append(FilterLine(got.action, list(got.matches), src, name, got.partial))
                if got.partial:
                    self.rep.add_partial(f"acl {name}", got.partial, src)
            self.dev.filters[name] = flt

    def _finish_access_groups(self) -> None:
        """Resolve ``access-group`` lines: inbound/global ACLs feed the policy,
        outbound ones become interface filters.  A name that is not an extended ACL is
        rejected by the ASA: the binding is dropped and reported."""
        self.in_acls: dict[str, list[tuple[str, _AccessGroup]]] = {}    # acl -> [(iface, ag)]
        self.in_by_if: dict[str, str] = {}
        self.cp_acls: list[tuple[str, _AccessGroup]] = []
        self.global_ag: _AccessGroup | None = None
        for ag in self.access_groups:
            defined = ag.acl in self.dev.filters
            self.refs.append(("acl", ag.acl, ag.src))
            if not defined:
                what = "a standard ACL" if ag.acl in self.acls else "not defined"
                self.rep.warnings.append(
                    f"{self.file}:{ag.src.line}: access-group names ACL {ag.acl}, which is {what}; "
                    "the ASA rejects the command, so no ACL is applied")
                continue
            if ag.direction == "global":
                self.global_ag = ag
                continue
            real = self.nameif_to_if.get(ag.nameif)
            if real is None:
                self.ref("nameif", ag.nameif, ag.src)
                continue
            if ag.control_plane:
                self.cp_acls.append((real, ag))
            elif ag.direction == "in":
                if real in self.in_by_if:       # a later access-group replaces the earlier one
                    old = self.in_by_if[real]
                    self.in_acls[old] = [(i, a) for i, a in self.in_acls[old] if i != real]
                self.in_by_if[real] = ag.acl
                self.in_acls.setdefault(ag.acl, []).append((real, ag))
            else:
                self.dev.interfaces[real].filter_out = ag.acl
        for acl in [a for a, v in self.in_acls.items() if not v]:
            del self.in_acls[acl]
        facts = self.dev.facts
        for acl, binds in self.in_acls.items():
            for real, ag in binds:
                facts["access_groups"].append({"acl": acl, "direction": "in", "interface": real,
                                               "nameif": ag.nameif, "source": ag.src})
        for real, ag in self.cp_acls:
            facts["access_groups"].append({"acl": ag.acl, "direction": "control-plane",
                                           "interface": real, "nameif": ag.nameif, "source": ag.src})
        for name, itf in self.dev.interfaces.items():
            if itf.filter_out:
                ag = next(a for a in self.access_groups if a.direction == "out"
                          and self.nameif_to_if.get(a.nameif) == name and a.acl == itf.filter_out)
                facts["access_groups"].append({"acl": itf.filter_out, "direction": "out",
                                               "interface": name, "nameif": ag.nameif, "source": ag.src})
        if self.global_ag is not None:
            facts["access_groups"].append({"acl": self.global_ag.acl, "direction": "global",
                                           "interface": None, "nameif": None, "source": self.global_ag.src})
        facts["same_security_inter"] = self.same_inter
        facts["same_security_intra"] = self.same_intra
        facts["management_only"] = {n: st.mgmt_only for n, st in self.ifs.items()
                                    if st.mgmt_only is not None and st.nameif}

    def _finish_policy(self) -> None:
        """Build the one forwarding policy (module docstring, steps 1–6)."""
        dev = self.dev
        lines: list[FilterLine] = []
        # nameif'd interfaces in config order; management-only ones carry no transit at
        # all, so after step 1 they take no part (lines about them would only be shadowed)
        named = [n for n in self.ifs if n in self.levels]
        mgmt_only = [n for n in named if self.ifs[n].mgmt_only is not None]
        level = {n: self.levels[n][0] for n in named}
        lsrc = {n: self.levels[n][1] for n in named}
        # 1. management-only: no transit in or out
        for n in mgmt_only:
            f = frozenset({n})
            lines.append(FilterLine(Action.DENY, [Match(in_ifaces=f), Match(out_ifaces=f)],
                                    self.ifs[n].mgmt_only, "management-only: no transit traffic"))
        named = [n for n in named if n not in mgmt_only]
        # 2. ASA 5505 restricted interfaces
        for n in named:
            for target, src in self.ifs[n].no_forward:
                if target in dev.interfaces:
                    lines.append(FilterLine(Action.DENY, [Match(in_ifaces=frozenset({n}),
                                                                out_ifaces=frozenset({target}))],
                                            src, "no forward interface"))
                else:
                    self.ref("interface", target, src)
        # 3. same-security gate (applies whatever the ACLs say)
        for n in named:
            ms = []
            same = frozenset(m for m in named if m != n and level[m] == level[n])
            if self.same_inter is None and same:
                ms.append(Match(in_ifaces=frozenset({n}), out_ifaces=same))
            if self.same_intra is None:
                ms.append(Match(in_ifaces=frozenset({n}), out_ifaces=frozenset({n})))
            if ms:
                lines.append(FilterLine(Action.DENY, ms, lsrc[n],
                                        "same security level: same-security-traffic not permitted"))
        # 4. inbound interface ACLs
        for acl, binds in self.in_acls.items():
            flt = dev.filters[acl]
            binds = [(i, ag) for i, ag in binds if i not in mgmt_only]
            if not binds:
                continue
            ifs = frozenset(i for i, _ in binds)
            for line in flt.lines:
                lines.append(FilterLine(line.action, _restrict(line.matches, ifs),
                                        line.source, acl, line.partial))
            if self.global_ag is None and not _ends_open(flt):
                for real, ag in binds:
                    lines.append(FilterLine(Action.DENY, [Match(in_ifaces=frozenset({real}))], ag.src,
                                            f"{acl}: implicit deny at end of access-list"))
        # 5. global ACL, then its implicit deny; security levels no longer apply
        if self.global_ag is not None:
            g = dev.filters[self.global_ag.acl]
            for line in g.lines:
                lines.append(FilterLine(line.action, list(line.matches), line.source,
                                        self.global_ag.acl, line.partial))
            if not _ends_open(g):
                lines.append(FilterLine(Action.DENY, [Match()], self.global_ag.src,
                                        f"{self.global_ag.acl}: implicit deny at end of global access-list"))
        else:
            # 6. security-level defaults for interfaces without an inbound ACL
            for n in named:
                if n in self.in_by_if:
                    continue
                me = frozenset({n})
                lower = frozenset(m for m in named if level[m] < level[n])
                if lower:
                    lines.append(FilterLine(Action.PERMIT, [Match(in_ifaces=me, out_ifaces=lower)],
                                            lsrc[n], "higher to lower security level"))
                same = frozenset(m for m in named if m != n and level[m] == level[n])
                if self.same_inter is not None and same:
                    lines.append(FilterLine(Action.PERMIT, [Match(in_ifaces=me, out_ifaces=same)],
                                            self.same_inter, "same-security-traffic permit inter-interface"))
                if self.same_intra is not None:
                    lines.append(FilterLine(Action.PERMIT, [Match(in_ifaces=me, out_ifaces=me)],
                                            self.same_intra, "same-security-traffic permit intra-interface"))
                lines.append(FilterLine(Action.DENY, [Match(in_ifaces=me)], lsrc[n],
                                        "lower to higher security level without an access-list"))
        policy = Filter(name=POLICY, lines=lines, kind="synthesized", source=dev.source,
                        default_text="implicit deny (no access rule or security level permits it)")
        if self.legacy_nat:
            policy.partial = ("pre-8.3 NAT: access-lists name mapped addresses, which this model "
                              "does not translate")
        dev.filters[POLICY] = policy
        dev.forward_filter = POLICY
        # control-plane ACLs → device input policy
        if self.cp_acls:
            cp: list[FilterLine] = []
            for real, ag in self.cp_acls:
                flt = dev.filters[ag.acl]
                me = frozenset({real})
                for line in flt.lines:
                    cp.append(FilterLine(line.action, _restrict(line.matches, me),
                                         line.source, ag.acl, line.partial))
                if not _ends_open(flt):
                    cp.append(FilterLine(Action.DENY, [Match(in_ifaces=me)], ag.src,
                                         f"{ag.acl}: implicit deny at end of control-plane access-list"))
            dev.filters[CONTROL_PLANE] = Filter(name=CONTROL_PLANE, lines=cp, kind="synthesized",
                                                default_action=Action.PERMIT, source=dev.source,
                                                default_text="no control-plane access-group on this interface")
            dev.input_filter = CONTROL_PLANE

    # --- NAT

    def _finish_nat(self) -> None:
        nb = NatBuilder(self.objs, self.nameif_to_if, self.if_ip, self.rep)
        rules = []

        def convert(line: NatLine, fn):
            try:
                return fn(line)
            except NatUndefined as exc:
                self.rep.add_partial("nat", f"{exc}: rule not applied", line.src)
                return None
            except AclError as exc:
                self.rep.unrecognized.append(line.src)
                self.rep.add_partial("nat", f"line {line.src.line} not understood: {exc}", line.src)
                return None

        for line in self.nat_manual:
            got = convert(line, nb.twice_nat)
            rules.extend(got or [])
        objs: list[tuple[tuple, list]] = []
        for line in self.nat_object:
            obj = self.nets.get(line.obj)
            if obj is None or not obj.defined:
                self.ref("object", line.obj, line.src)
                continue
            if obj.partial:
                self.rep.add_partial("nat", f"object {obj.name}: {obj.partial}", line.src)
                continue
            got = convert(line, lambda ln, o=obj: nb.object_nat(ln, o.addrs))
            if got is not None:
                objs.append((got[1], got[0]))
        for _, rs in sorted(objs, key=lambda kv: kv[0]):
            rules.extend(rs)
        for line in self.nat_after:
            got = convert(line, nb.twice_nat)
            rules.extend(got or [])
        for r, src in nb.missing:
            kind = {"group": "object-group", "interface": "nameif"}.get(r.kind, r.kind)
            self.ref(kind, r.name, src)
        self.dev.nat_rules = rules

    # --- routes

    def _finish_routes(self) -> None:
        dev = self.dev
        version = _version_tuple(dev.os_version)
        separate_mgmt = version is None or version >= (9, 5)
        for tokens, src in self.routes:
            try:
                self._route(tokens, src, separate_mgmt)
            except (_Unknown, ValueError):
                self.rep.unrecognized.append(src)

    def _route(self, tokens: list[str], src: Src, separate_mgmt: bool) -> None:
        dev = self.dev
        nameif = tokens[1]
        if is_v6(tokens[2]):
            self.ignored += 1
            return
        p = resolve_ip(tokens[2], self.names)
        m = ip_to_int(tokens[3])
        plen = mask_to_len(m) if m is not None else None
        if p is None or plen is None:
            raise _Unknown
        prefix = _prefix_of(p & len_to_mask(plen), plen)
        low = [t.lower() for t in tokens]
        if nameif.lower() == "null0":
            dev.routes.append(Route(prefix=prefix, interface="Null0", drop=True, source=src))
            return
        if len(tokens) < 5:
            raise _Unknown
        nh = resolve_ip(tokens[4], self.names)
        if nh is None:
            raise _Unknown
        distance = 1
        i = 5
        tunneled = False
        while i < len(tokens):
            w = low[i]
            if w.isdigit():
                distance = int(w)
                i += 1
            elif w == "track" and i + 1 < len(tokens):
                i += 2
            elif w == "tunneled":
                tunneled = True
                i += 1
            else:
                raise _Unknown
        if tunneled:
            self.rep.add_partial(f"route {prefix}", "tunneled (VPN) default route not modelled", src)
            return
        real = self.nameif_to_if.get(nameif)
        if real is None:
            self.ref("nameif", nameif, src)
            return
        vrf = "default"
        if separate_mgmt and self.ifs[real].mgmt_only is not None:
            vrf = MGMT_VRF              # ASA 9.5+: management-only routing table
            dev.vrfs.add(MGMT_VRF)
        dev.routes.append(Route(prefix=prefix, vrf=vrf, next_hop=nh or None, interface=real,
                                distance=distance, source=src))

    # --- management services

    def _own(self, real: str) -> tuple[AddrMatch, ...]:
        iface = self.dev.interfaces[real]
        return tuple(AddrMatch(int(a.ip), 0) for a in iface.owns())

    def _svc_acl(self, name: str, lines: list[FilterLine]) -> str:
        # Its default (deny) is cited at the first management line of its kind.
        self.dev.filters[name] = Filter(name=name, lines=lines, kind="acl",
                                        source=lines[0].source if lines else self.dev.source,
                                        default_text="not permitted by any management access line")
        return name

    def _finish_services(self) -> None:
        dev, facts = self.dev, self.dev.facts
        named = [n for n in self.ifs if n in self.levels]
        levels = {self.levels[n][0] for n in named}
        lowest = {n for n in named if self.levels[n][0] == min(levels)} if len(levels) > 1 else set()
        by_proto: dict[str, list[tuple[_MgmtLine, str]]] = {"http": [], "ssh": [], "telnet": [],
                                                            "icmp": []}
        for ml in self.mgmt:
            real = self.nameif_to_if.get(ml.nameif)
            entry = {"proto": ml.proto, "net": ml.net, "nameif": ml.nameif, "interface": real,
                     "source": ml.src, "effective": True, "why": None}
            if real is None:
                self.ref("nameif", ml.nameif, ml.src)
                entry.update(effective=False, why="undefined nameif")
            elif ml.proto == "telnet" and real in lowest:
                entry.update(effective=False, why="telnet to the lowest-security interface is refused")
                facts["telnet_ineffective"].append(ml.src)
            elif ml.proto == "http" and self.http_server is None:
                entry.update(effective=False, why="http server not enabled")
                facts["http_lines_without_server"].append(ml.src)
            if ml.proto != "icmp":
                facts["asa_mgmt_lines"].append(entry)
            if entry["effective"]:
                by_proto[ml.proto].append((ml, real))
        for proto, name, port, insecure in (("ssh", "ssh", 22, False), ("telnet", "telnet", 23, True),
                                            ("http", "https", None, False)):
            items = by_proto[proto]
            if not items:
                continue
            if proto == "http":
                port = self.http_server[0]
            acl_lines = []
            for ml, real in items:
                own = self._own(real)
                if not own:
                    continue
                acl_lines.append(FilterLine(Action.PERMIT, [Match(
                    src=None if ml.net is None else (ml.net,), dst=own, protocols=(PROTO_TCP,),
                    dst_ports=(PortRange(port, port),), in_ifaces=frozenset({real}))], ml.src, proto))
            acl = self._svc_acl(f"asa-mgmt-{name}", acl_lines)
            # one service per interface it listens on, cited by that interface's first line
            first: dict[str, Src] = {}
            for ml, real in items:
                first.setdefault(real, ml.src)
            for real, src in first.items():
                dev.services.append(MgmtService(name, PROTO_TCP, (PortRange(port, port),), acl=acl,
                                                interfaces=frozenset({real}), source=src,
                                                insecure=insecure))
        # ICMP echo: every interface answers for its own address unless icmp rules say otherwise
        icmp_lines: list[FilterLine] = []
        ruled = {r for _, r in by_proto["icmp"]}
        for ml, real in by_proto["icmp"]:
            own = self._own(real)
            if own:
                icmp_lines.append(FilterLine(ml.action, [Match(
                    src=None if ml.net is None else (ml.net,), dst=own, protocols=(PROTO_ICMP,),
                    icmp_type=ml.icmp[0] if ml.icmp else None,
                    icmp_code=ml.icmp[1] if ml.icmp else None, in_ifaces=frozenset({real}))],
                    ml.src, "icmp"))
        for n in named:
            if n not in ruled and self._own(n):
                icmp_lines.append(FilterLine(Action.PERMIT, [Match(
                    dst=self._own(n), protocols=(PROTO_ICMP,), in_ifaces=frozenset({n}))],
                    self.ifs[n].nameif_src, "no icmp rule for this interface: echo answered"))
        if named:
            dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8,
                                            acl=self._svc_acl("asa-mgmt-icmp", icmp_lines),
                                            interfaces=frozenset(named)))
        # SNMP: only the configured pollers may query the ASA
        snmp_lines: list[FilterLine] = []
        snmp_ifs: set[str] = set()
        first_src = None
        for nameif, host, poll, src in self.snmp_hosts:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
                continue
            if not poll:
                continue
            if isinstance(host, Ref):
                addrs, missing, _ = self.objs.network(host)
                if missing:
                    self.ref("object", host.name, src)
                    continue
                srcs = addrs
            else:
                srcs = (host,)
            own = self._own(real)
            if not own:
                continue
            snmp_lines.append(FilterLine(Action.PERMIT, [Match(
                src=srcs, dst=own, protocols=(PROTO_UDP,), dst_ports=(PortRange(161, 161),),
                in_ifaces=frozenset({real}))], src, "snmp-server host"))
            snmp_ifs.add(real)
            first_src = first_src or src
        if snmp_lines:
            dev.services.append(MgmtService("snmp", PROTO_UDP, (PortRange(161, 161),),
                                            acl=self._svc_acl("asa-mgmt-snmp", snmp_lines),
                                            interfaces=frozenset(snmp_ifs), source=first_src,
                                            insecure=True))
        # VPN termination: IKE (udp/500, 4500) and clientless/AnyConnect SSL (tcp/443)
        for kind, proto, ports in (("ike", PROTO_UDP, (PortRange(500, 500), PortRange(4500, 4500))),
                                   ("webvpn", PROTO_TCP, (PortRange(self.webvpn_port,
                                                                    self.webvpn_port),))):
            ifs: dict[str, Src] = {}
            for k, nameif, src in self.vpn_listen:
                if k != kind:
                    continue
                real = self.nameif_to_if.get(nameif)
                if real is None:
                    self.ref("nameif", nameif, src)
                else:
                    ifs.setdefault(real, src)
            lines = [FilterLine(Action.PERMIT, [Match(dst=self._own(n), protocols=(proto,),
                                                      dst_ports=ports, in_ifaces=frozenset({n}))],
                                src, kind) for n, src in ifs.items() if self._own(n)]
            if lines:
                acl = self._svc_acl(f"asa-vpn-{kind}", lines)
                for n, src in ifs.items():
                    dev.services.append(MgmtService(kind, proto, ports, acl=acl,
                                                    interfaces=frozenset({n}), source=src))
        # DHCP server / relay
        dhcp_ifs: dict[str, Src] = {}
        for nameif, src in self.dhcpd + self.dhcprelay:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
            else:
                dhcp_ifs.setdefault(real, src)
        for n, st in self.ifs.items():
            if st.dhcp_relay is not None and n in self.levels:
                dhcp_ifs.setdefault(n, st.dhcp_relay)
        if dhcp_ifs:
            lines = [FilterLine(Action.PERMIT, [Match(dst=self._own(n), protocols=(PROTO_UDP,),
                                                      dst_ports=(PortRange(67, 67),),
                                                      in_ifaces=frozenset({n}))], src, "dhcp")
                     for n, src in dhcp_ifs.items() if self._own(n)]
            dev.services.append(MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),),
                                            acl=self._svc_acl("asa-mgmt-dhcp", lines),
                                            interfaces=frozenset(dhcp_ifs),
                                            source=next(iter(dhcp_ifs.values()))))

    # --- references

    def _finish_refs(self) -> None:
        defined = {
            "acl": set(self.acls), "object": set(self.nets) | set(self.svc_objs),
            "object-group": set(self.groups), "nameif": set(self.nameif_to_if),
            "interface": set(self.dev.interfaces),
        }
        seen: set[tuple] = set()
        for kind, name, src in self.refs:
            key = (kind, name, src.line)
            if key in seen:
                continue
            seen.add(key)
            self.dev.references.append(Reference(kind, name, src, name in defined.get(kind, ())))


# =========================================================================== helpers


# A comment after a command ("service-object udp eq 1235   ! note"): the ASA never
# writes one, but hand-edited and test configs do.
_TRAILING_COMMENT = re.compile(r"\s{2,}!.*$")


def _restrict(matches: list[Match], ifs: frozenset[str]) -> list[Match]:
    """The matches limited to ingress interfaces ``ifs`` (intersected with an FTD
    ``ifc`` constraint already on the match; a match left with none is dropped)."""
    out = []
    for m in matches:
        new = ifs if m.in_ifaces is None else (m.in_ifaces & ifs)
        if new:
            out.append(replace(m, in_ifaces=new))
    return out


def _ends_open(flt: Filter) -> bool:
    """The list has a fully understood line matching every packet: nothing reaches
    its implicit deny (an explicit deny for it would only be a shadowed line)."""
    return any(not line.partial and any(is_unconditional(m) for m in line.matches)
               for line in flt.lines)


def _version_tuple(text: str) -> tuple[int, int] | None:
    m = re.match(r"(\d+)\.(\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _hostname_from_file(file: str) -> str:
    return hostname_from_file(file, (".txt", ".cfg", ".conf", ".log"), repeat=False)


# =========================================================================== tables


P = _AsaParser

TOP_TABLE = _table(
    ignored=TOP_IGNORED,
    partial=TOP_PARTIAL,
    handlers={
        "hostname": P.h_hostname, "asa version": P.h_version, "pix version": P.h_version,
        "ngfw version": P.h_version, "enable": P.h_enable, "passwd": P.h_passwd,
        "username": P.h_username, "name": P.h_name,
        "same-security-traffic": P.h_same_security,
        "interface": P.h_interface, "access-list": P.h_access_list,
        "access-group": P.h_access_group, "object": P.h_object, "object-group": P.h_object_group,
        "nat": P.h_nat, "static": P.h_legacy_static, "global": P.h_legacy_static,
        "route": P.h_route, "router": P.h_router, "route-map": P.h_route_map,
        "class-map": P.h_scan_block, "group-policy": P.h_scan_block, "capture": P.h_capture,
        "dynamic-access-policy-record": P.h_scan_block,
        "tunnel-group": P.h_scan_block, "aaa-server": P.h_scan_block,
        "service-policy": P.h_service_policy, "crypto": P.h_crypto, "failover": P.h_failover,
        "logging": P.h_logging, "ntp": P.h_ntp, "aaa": P.h_aaa, "ip": P.h_ip,
        "firewall": P.h_firewall, "http": P.h_http, "ssh": P.h_ssh, "telnet": P.h_telnet,
        "icmp": P.h_icmp, "snmp-server": P.h_snmp, "management-access": P.h_management_access,
        "dhcpd": P.h_dhcpd, "dhcprelay": P.h_dhcprelay, "webvpn": P.h_webvpn,
        # "no X": back to a default — understood, no effect worth modelling
        "no failover": IGNORE,
    },
)

IFACE_TABLE = _table(
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "nameif": P.if_nameif, "no nameif": P.if_nameif,
        "security-level": P.if_level, "no security-level": P.if_level,
        "ip address": P.if_ip_address, "no ip address": P.if_ip_address,
        "shutdown": P.if_shutdown, "no shutdown": P.if_shutdown,
        "description": P.if_description, "vlan": P.if_vlan,
        "management-only": P.if_mgmt_only, "no management-only": P.if_mgmt_only,
        "member-interface": P.if_member, "channel-group": P.if_channel_group,
        "switchport": P.if_switchport, "no forward interface": P.if_no_forward,
        "dhcprelay": P.if_dhcprelay, "ospf": P.if_scan, "eigrp": P.if_scan,
        "authentication": P.if_scan,
    },
)

P.TOP_TABLE = TOP_TABLE

OBJNET_TABLE = _table(ignored=["description"], handlers={
    "host": P.obj_net_item, "subnet": P.obj_net_item, "range": P.obj_net_item,
    "fqdn": P.obj_net_item, "nat": P.obj_net_nat,
})
OBJSVC_TABLE = _table(ignored=["description"], handlers={"service": P.obj_svc_item})


class _WebvpnTable(dict):
    """webvpn body: ``enable IFNAME`` and ``port N`` matter, the rest is ignored."""

    def get(self, key, default=None):
        if key == ("enable",):
            return P.wv_enable
        if key == ("port",):
            return P.wv_port
        return IGNORE if len(key) == 1 else None


WEBVPN_TABLE = _WebvpnTable()


class _OgTable(dict):
    """Every line of an object-group body is an item (parsed by kind)."""

    def get(self, key, default=None):
        return P.og_item


OG_TABLES = {k: _OgTable() for k in ("network", "service", "protocol", "icmp-type")}


# =========================================================================== public API


_DETECT_WINDOW = 1 << 20

_ASA_MARKERS = [
    (re.compile(r"^(ASA|PIX|NGFW) Version \S", re.M), 90),
    (re.compile(r"^: Saved\s*$", re.M), 30),
    (re.compile(r"^Cryptochecksum:", re.M), 40),
    (re.compile(r"^[ \t]+nameif \S+", re.M), 40),
    (re.compile(r"^[ \t]+security-level \d+", re.M), 40),
    (re.compile(r"^same-security-traffic permit", re.M), 40),
    (re.compile(r"^access-group \S+ (in|out) interface \S+|^access-group \S+ global", re.M), 40),
    (re.compile(r"^access-list \S+ (line \d+ )?extended (permit|deny) ", re.M), 30),
    (re.compile(r"^object network \S+", re.M), 30),
    (re.compile(r"^nat \(\S+,\S+\) ", re.M), 30),
    (re.compile(r"^ nat \(\S+,\S+\) (static|dynamic) ", re.M), 30),
    (re.compile(r"^route \S+ \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ \d", re.M), 20),
    (re.compile(r"^http server enable", re.M), 30),
    (re.compile(r"^(ssh|telnet|http) \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ \S+\s*$", re.M), 30),
    (re.compile(r"^passwd \S+", re.M), 20),
    (re.compile(r"^pager lines \d", re.M), 20),
    (re.compile(r"^mtu \S+ \d+\s*$", re.M), 20),
    (re.compile(r"^enable password \S+ (encrypted|pbkdf2)", re.M), 30),
]
_NOT_ASA = [
    re.compile(r"^config (system|firewall|router)", re.M),        # FortiOS
    re.compile(r"^/(ip|interface|system|tool|routing) ", re.M),    # RouterOS
    re.compile(r"^set (system|interfaces|firewall|security) ", re.M),
    re.compile(r"^(system|interfaces|firewall|security) \{", re.M),
]
_IOS_ONLY = re.compile(r"^(version 1\d\.\d|ip access-list (standard|extended) |line vty |"
                       r"boot-start-marker)", re.M)


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
    return parse_without_gc(_AsaParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when a ``: Saved`` export does not end with ``: end`` or the
    resolution of objects, ACLs and NAT failed (the model is incomplete), else None
    (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness
    for w in result.report.warnings:
        if ": resolution failed (" in w:
            return 0, w.split(": ", 1)[1]
    return completeness.asa(text)
