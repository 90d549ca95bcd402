"""Cisco IOS / IOS-XE configuration parser → one :class:`~netaudit.model.Device`.

How it reads a config
---------------------
IOS configs are line-oriented with one level of meaning per indentation: a line at
column 0 is a global command (it may open a *block* — ``interface``, ``ip
access-list``, ``line vty`` …) and indented lines belong to the open block.  Each
context has a dispatch table keyed by the first one to three lower-cased words of a
line; an entry is a handler, :data:`IGNORE` (understood, irrelevant on purpose) or a
:class:`Partial` reason (affects forwarding, not modelled).  Everything else is
recorded as unrecognized with its line number.  The work per line is a split and a
few dict look-ups, so the parse is linear; ACL entries (the bulk of big configs)
take a fast path with a memoised entry parser.

Things that can only be decided once the whole file is read — whether a referenced
ACL exists, interface L2 mode defaults, object-group expansion, NAT inside/outside
sets, ``ip routing`` defaults, management services — are resolved in
:meth:`_IosParser.finish`.

IOS rules modelled here (see DESIGN.md §3): an ``ip access-group``/``access-class``
/SNMP ACL naming an undefined (or empty) ACL permits everything (an interface gets a
synthesized permit-all filter citing its access-group line, so evidence names the root
cause); an ACL whose definition is in the file but was not read is partial, never
undefined; numbered and named
ACLs, wildcard masks including non-contiguous ones, ``established``, object-groups;
VRFs; ``ip routing`` off on L2 switches; router-on-a-stick subinterfaces; HSRP/VRRP
virtual addresses; NAT inside/outside.

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

import re
from dataclasses import dataclass, field

from netaddr import IPNetwork

from netaudit.model import (
    Action, AddrMatch, Filter, FilterLine, IfKind, Interface, L2Mode, Match,
    MgmtService, NatRule, ParseResult, PortRange, Reference, Route, Src, Vlan,
    PROTO_ICMP, PROTO_TCP, PROTO_UDP,
)
from netaudit.parsers.cisco_common import (
    ALL_VLANS, canonical_ifname, int_to_ip, ip_to_int, len_to_mask, mask_to_len,
    parse_vlan_list, port_number, secret_after,
)
from netaudit.parsers.cisco_ios_acl import (
    OG, Ace, AceError, expand_ace, parse_ace, parse_network_item, parse_nxos_address_item,
    parse_port_item, parse_service_item, resolve_groups,
)
from netaudit.parsers.cisco_syntax import (  # noqa: F401 - IGNORE, Partial: table entries
    IGNORE, IGNORE_CTX as _IGNORE_CTX, Ctx as _Ctx, LineParser, Partial, Unknown as _Unknown,
    hostname_from_file, kind_from_name, parse_without_gc, prefix_of as _prefix_of,
    table as _table,
)

VENDOR = "cisco_ios"

# =========================================================================== data tables
# Keys are space-separated lower-case keyword prefixes (1–3 words).  A "no" form of
# anything listed (or handled) is understood as "back to default" and ignored unless
# it has its own handler.

# Global commands understood and irrelevant to forwarding/exposure.  A global ignored
# command may carry an indented body (aaa group server, crypto pki, control-plane …):
# the body is ignored too (secrets in it are still collected).
TOP_IGNORED = [
    "boot", "boot-start-marker", "boot-end-marker", "clock", "spanning-tree",
    "vtp", "errdisable", "multilink", "memory", "alias", "call-home", "diagnostic",
    "power", "mac", "mac-address-table", "license", "end", "exit", "control-plane",
    "redundancy", "archive", "exception", "scheduler", "process", "file", "login",
    "privilege", "secure", "warm-reboot", "platform", "system", "udld", "port-channel",
    "vstack", "mls", "wrr-queue", "srr-queue", "qos", "auto", "macro", "access-session",
    "authentication", "dot1x", "device-sensor", "table-map", "monitor", "sdm",
    "stack-mac", "ipv6", "class-map", "policy-map", "parameter-map", "track", "event",
    "kron", "cts", "dial-peer", "voice", "voice-card", "telephony-service",
    "application", "gatekeeper", "sccp", "stcapp", "controller", "network-clock",
    "network-clock-participate", "isdn", "fax", "mgcp", "ccm-manager", "wsma",
    "netconf", "netconf-yang", "restconf", "flow", "sampler", "mpls", "l2vpn",
    "bridge-domain", "segment-routing", "template", "service-template",
    "device-tracking", "transceiver", "hw-module", "fabric", "energywise", "avc",
    "performance", "snmp", "radius-server", "tacacs-server", "tacacs", "radius", "ldap",
    "key", "crypto", "dialer-list", "chat-script", "rmon", "ethernet",
    "pseudowire-class", "bfd", "bfd-template", "lacp", "pagp", "epm", "location",
    "subscriber", "building", "current", "upgrade", "resource", "storm-control",
    "dot11", "nat64", "zone", "wism", "instance", "openflow", "onep", "vpdn",
    "vpdn-group", "service-routing", "cpp", "ptp", "telemetry", "pnp", "mmi",
    "vlan internal", "vlan access-log", "vlan accounting", "vlan configuration",
    "vlan group",
    # `ip …` global commands
    "ip cef", "ip domain", "ip domain-name", "ip domain-lookup", "ip domain-list",
    "ip name-server", "ip forward-protocol", "ip bgp-community", "ip community-list",
    "ip prefix-list", "ip as-path", "ip extcommunity-list", "ip classless",
    "ip subnet-zero", "ip multicast-routing", "ip multicast", "ip pim", "ip igmp",
    "ip tcp", "ip icmp", "ip options", "ip bootp", "ip gratuitous-arps", "ip arp",
    "ip host", "ip scp", "ip ftp", "ip tftp", "ip rcmd", "ip flow-export",
    "ip flow-cache", "ip flow-top-talkers", "ip flow", "ip accounting-threshold",
    "ip accounting-list", "ip accounting", "ip radius", "ip tacacs", "ip sla",
    "ip local", "ip default-network", "ip mroute", "ip msdp", "ip rsvp", "ip wccp",
    "ip inspect", "ip audit", "ip ips", "ip port-map", "ip explicit-path",
    "ip auth-proxy", "ip admission", "ip device", "ip telnet", "ip ddns",
    "ip dhcp-client", "ip nbar", "ip traffic-export", "ip reflexive-list", "ip rip",
    "ip ospf", "ip eigrp", "ip nhrp", "ip policy-list", "ip sdr", "ip dvmrp",
    "ip finger", "ip mfib", "ip cgmp", "ip wlccp", "ip lisp", "ip hardware",
    "ip sockets", "ip client",
]

# Interface sub-commands with no effect on what can reach what (physical, cosmetic,
# routing-protocol tuning, IPv6 which the engine does not model yet).
IFACE_IGNORED = [
    "duplex", "speed", "negotiation", "media-type", "mtu", "ip mtu", "ip tcp",
    "load-interval", "bandwidth", "delay", "keepalive", "cdp", "lldp", "spanning-tree",
    "storm-control", "logging", "carrier-delay", "hold-queue", "ip pim", "ip igmp",
    "ip cgmp", "ip flow", "ip route-cache", "ip mroute-cache", "ip redirects",
    "ip unreachables", "ip proxy-arp", "ip local-proxy-arp", "ip directed-broadcast",
    "ip split-horizon", "ip helper-address", "ipv6", "ip dvmrp", "ip rip", "ip eigrp",
    "ip hello-interval", "ip hold-time", "ip summary-address", "ip bandwidth-percent",
    "ip mask-reply", "ip virtual-reassembly", "ip virtual-reassembly-out",
    "ip accounting", "ip nbar", "ip dhcp", "ip arp", "ip information-reply", "ip irdp",
    "ip multicast", "ip sdr", "ip rsvp", "ip nhrp", "ip sap", "ip load-sharing",
    "ip cef", "ip router", "ip flow-monitor", "ip sla", "ip ddns", "mls", "auto",
    "power", "snmp", "arp", "ntp", "udld", "macro", "small-frame", "mop",
    "channel-protocol", "lacp", "pagp", "dot1x", "authentication", "mab",
    "access-session", "flowcontrol", "priority-queue", "wrr-queue", "rcv-queue",
    "queue-set", "srr-queue", "tx-ring-limit", "device-tracking", "source", "clock",
    "dsu", "framing", "linecode", "cablelength", "fair-queue", "rate-limit",
    "traffic-shape", "custom-queue", "priority-group", "random-detect",
    "physical-layer", "async", "peer", "dialer", "dialer-group", "tunnel", "ethernet",
    "optical", "transceiver", "platform", "hw-module", "vtp", "down-when-looped",
    "mpls", "isis", "bfd", "glbp", "exit", "l2protocol-tunnel", "service-module",
    "qos", "crypto ipsec", "medium", "fec", "nmsp", "trust", "mdix", "hold", "backup",
    "uc-tx-queue", "pvc", "frame-relay", "ip tcp adjust-mss",
    "exit-address-family", "address-family",
    "timers",
]

# Interface sub-commands that change forwarding in ways the model does not capture:
# the interface is marked partial so no verdict rests on it.
IFACE_PARTIAL = {
    "service-policy": "service-policy not modelled (may police/drop/redirect)",
    "xconnect": "xconnect (pseudowire) not modelled",
    "bridge-group": "bridge-group (transparent bridging) not modelled",
    "zone-member": "zone-based firewall (zone-member security) not modelled",
    "ip inspect": "CBAC (ip inspect) not modelled",
    "crypto map": "IPsec crypto map not modelled",
    "ip nat enable": "NVI NAT (ip nat enable) not modelled",
    "ip wccp": "WCCP redirection not modelled",
    "pppoe-client": "PPPoE client not modelled",
    "pppoe": "PPPoE not modelled",
    "ip admission": "authentication proxy (ip admission) not modelled",
    "ip auth-proxy": "authentication proxy not modelled",
    "ip audit": "IDS (ip audit) not modelled",
    "ip ips": "IPS (ip ips) not modelled",
    "mac access-group": "MAC access-group not modelled",
    "service": "EVC service instance not modelled",
    "ip traffic-export": "traffic export not modelled",
    "ip security": "IP security options not modelled",
}

# `line` sub-commands understood and irrelevant.
LINE_IGNORED = [
    "exec-timeout", "privilege", "logging", "stopbits", "transport", "session-timeout",
    "length", "width", "history", "escape-character", "autoselect", "modem",
    "flowcontrol", "speed", "databits", "parity", "exec", "authorization", "accounting",
    "login", "rotary", "absolute-timeout", "activation-character", "location",
    "motd-banner", "exec-banner", "international", "terminal-type", "refuse-message",
    "vacant-message", "notify", "hold-character", "domain-lookup",
    "disconnect-character", "ipv6", "session-limit", "timeout", "login-string",
    "script", "txspeed", "rxspeed", "insecure", "lockable", "data-character-bits",
    "special-character-bits", "padding", "start-character", "stop-character",
    "full-help", "editing", "logout-warning", "dispatch-timeout", "service-module",
    "cts", "exit", "vrf",
]

VLAN_IGNORED = ["state", "mtu", "remote-span", "media", "shutdown", "backupcrf",
                "are", "ste", "said", "parent", "ring", "bridge", "stp", "tb-vlan1",
                "tb-vlan2", "exit", "lldp"]
VLAN_PARTIAL = {"private-vlan": "private VLAN not modelled"}

# SNMPv3 `auth ALGO KEY` / `priv ALGO [BITS] KEY` algorithm words.
_SNMP_ALGORITHMS = frozenset({"md5", "sha", "sha-224", "sha-256", "sha-384", "sha-512", "des",
                              "3des", "aes", "aes-128", "aes128", "aes-192", "aes-256"})

# Words in an ignored line that announce a secret value right after them.
SECRET_WORDS = frozenset({"password", "secret", "key-string", "md5", "key",
                          "authentication-key", "pre-shared-key", "wpa-psk", "set-key",
                          "password-encrypt"})
# Words after `key` that make it a command, not a secret (`crypto key generate rsa`).
_KEY_GRAMMAR = frozenset({"generate", "zeroize", "import", "export", "pubkey-chain", "storage",
                          "decrypt", "encrypt", "chain", "config-key", "move", "label"})
# Values that are keywords, never secrets (``authentication md5 key-string …``).
_NOT_SECRETS = frozenset({"key-string", "key-chain", "chain", "md5", "key", "address",
                          "encryption", "config-key", "level", "local", "remote",
                          "hidden", "sha", "ascii", "hex", "password", "secret",
                          "text", "encrypted", "unencrypted", "aes", "type"})

_PHYSICAL_HINTS = ("Ethernet", "GigE", "Serial", "POS", "ATM", "Cellular", "Async")
_KIND_BY_PREFIX = (
    ("Vlan", IfKind.SVI), ("Loopback", IfKind.LOOPBACK),
    ("Port-channel", IfKind.PORT_CHANNEL), ("Tunnel", IfKind.TUNNEL),
    ("Null", IfKind.NULL),
)


# =========================================================================== parse state


class _IfState:
    """Per-interface facts collected while reading, turned into the model at the end."""

    __slots__ = ("iface", "primary", "secondaries", "vips", "sw_any", "no_switchport",
                 "mode", "mode_src", "access_vlan", "allowed", "native", "voice_vlan",
                 "l3_cmd", "channel_group", "acl_in", "acl_out", "ethernet_like", "policy")

    def __init__(self, iface: Interface):
        self.iface = iface
        self.primary: IPNetwork | None = None
        self.secondaries: list[IPNetwork] = []
        self.vips: list[int] = []
        self.sw_any = False
        self.no_switchport = False
        self.mode: str | None = None
        self.mode_src: Src | None = None
        self.access_vlan: int | None = None
        self.allowed: frozenset[int] | None = None
        self.native: int | None = None
        self.voice_vlan: int | None = None
        self.policy: tuple[str, Src] | None = None
        self.l3_cmd = False
        self.channel_group: tuple[str, Src] | None = None
        self.acl_in: tuple[str, Src] | None = None
        self.acl_out: tuple[str, Src] | None = None
        self.ethernet_like = False


class _Acl:
    __slots__ = ("filter", "standard")

    def __init__(self, flt: Filter, standard: bool):
        self.filter = flt
        self.standard = standard


@dataclass(eq=False)
class _ObjGroup:
    kind: str                 # network | service
    name: str
    src: Src
    items: list = field(default_factory=list)
    partial: str | None = None


@dataclass(eq=False)
class _Line:
    kind: str                 # vty | con | aux | tty
    src: Src
    transports: set[str] | None = None
    transport_src: Src | None = None
    acl: tuple[str, Src] | None = None
    no_login: Src | None = None


# =========================================================================== the parser


class _IosParser(LineParser):
    """One pass over the lines, then :meth:`finish` resolves cross-references."""

    VENDOR = VENDOR
    SECRET_WORDS = SECRET_WORDS
    NOT_SECRETS = _NOT_SECRETS
    DEINDENTED_BLOCKS = True

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.banner: str | None = None          # open banner delimiter
        self.banner_src: Src | None = None
        self.banner_pending: Src | None = None  # `banner motd` with delimiter on next line
        self.ifs: dict[str, _IfState] = {}
        self.acls: dict[str, _Acl] = {}
        self.groups: dict[str, _ObjGroup] = {}
        self.deferred: list[tuple[Filter, FilterLine, Ace]] = []
        self.route_maps: set[str] = set()
        self.lines_cfg: list[_Line] = []
        self.uses_switchport = False
        self.routing_line: tuple[bool, Src] | None = None
        self.default_gw: Src | None = None
        self.switch_provision: Src | None = None
        self.http: dict[str, object] = {"http": None, "https": None, "acl": None,
                                        "port": 80, "secure_port": 443}
        self.snmp: list[tuple[str | None, Src]] = []
        self.dhcp_pool: Src | None = None
        self.service_dhcp = True
        self.dns_server: Src | None = None
        self.small_servers: list[tuple[str, int, tuple[int, ...], Src]] = []
        self.nat_pending: list[tuple[NatRule, str | None, str | None]] = []
        self.nat_iface_dst: list[tuple[NatRule, str]] = []
        self.nat_pool_rules: list[tuple[NatRule, str]] = []
        self.pools: dict[str, tuple[int, int, Src]] = {}
        facts = self.dev.facts
        facts.update({
            "dynamic_routing": [], "http_server": None, "https_server": None,
            "telnet_vty": None, "vty_without_access_class": [], "vty_no_login": [],
            "service_password_encryption": False, "enable_secret": None,
            "enable_password": None, "enable_password_plain": None,
            "username_password_plain": [], "snmp_communities": [], "ssh_version": None,
            "aaa_new_model": False, "cdp_run": True, "lldp_run": False,
            "ip_source_route": True, "logging_hosts": [], "ntp_servers": [],
            "dhcp_client_interfaces": [], "voice_vlans": {}, "port_channel_members": {},
        })

    # ------------------------------------------------------------------ helpers

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Collect secrets from a line we otherwise ignore (routing-protocol
        passwords, key-strings, RADIUS/TACACS keys, pre-shared keys …)."""
        for i, w in enumerate(low):
            if w not in SECRET_WORDS:
                continue
            if w == "pre-shared-key":
                if "key" not in low[i + 1:]:
                    self.add_secret(tokens[-1])
                continue
            if w in ("wpa-psk", "set-key"):      # IOS-XE WLAN: security wpa psk set-key ascii 0 X
                j = i + 1
                while j < len(low) and low[j] in ("ascii", "hex", "0", "7", "8"):
                    j += 1
                if j < len(tokens):
                    self.add_secret(tokens[j])
                continue
            if w == "key" and i + 1 < len(low) and low[i + 1] in _KEY_GRAMMAR:
                # crypto key import rsa L [pem] … terminal|url U PASSPHRASE; key chain …
                if low[i + 1] == "import":
                    for j in range(i + 2, len(low) - 1):
                        if low[j] == "terminal" or (low[j] == "url" and j + 2 < len(low)):
                            self.add_secret(tokens[j + 1 if low[j] == "terminal" else j + 2])
                            break
                continue
            self.add_secret(secret_after(tokens, i))

    def ctx_partial(self, ctx: _Ctx, reason: str, src: Src) -> None:
        if ctx.kind == "interface":
            for st in ctx.targets:
                self.iface_partial(st.iface, reason, src)
        else:
            self.rep.add_partial(ctx.label or ctx.kind, reason, src)

    # ------------------------------------------------------------------ main loop

    def prepare(self, raw: str, lineno: int) -> str | None:
        if self.banner is not None or self.banner_pending is not None:
            self._banner_line(raw, lineno)
            return None
        stripped = raw.strip()
        if not stripped:
            self.ignored += 1
            return None
        if stripped[0] == "!":
            self.ignored += 1
            if raw[0] == "!":
                self.ctx = None   # a column-0 "!" ends the block (helps de-indented input)
            return None
        return stripped

    def end_of_input(self) -> None:
        if self.banner is not None or self.banner_pending is not None:
            start = self.banner_src or self.banner_pending
            self.rep.warnings.append(
                f"{self.file}:{start.line}: banner never closed; the rest of "
                "the file was treated as banner text")
        self.finish()

    def _banner_line(self, raw: str, lineno: int) -> None:
        self.ignored += 1
        if self.banner_pending is not None:      # delimiter is the first char of this line
            text = raw.strip()
            if not text:
                return
            self.banner_src, self.banner_pending = self.banner_pending, None
            delim = "^C" if text.startswith("^C") else text[0]
            if delim not in text[len(delim):]:
                self.banner = delim
            return
        if self.banner in raw:
            self.banner = None

    def access_list(self, tokens: list[str], stripped: str, lineno: int) -> None:
        self._numbered_acl(tokens, stripped, lineno)

    def _in_ctx(self, ctx: _Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        if ctx.kind == "acl":
            return self._acl_entry(ctx.targets[0], stripped, lineno, fallback)
        return super()._in_ctx(ctx, stripped, lineno, fallback)

    def apply(self, ctx: _Ctx, entry, tokens, low, src: Src) -> bool:
        # Block handlers return True for "understood, nothing to record" so a line is
        # counted once as ignored even when it applies to an interface range.
        ignored = False
        try:
            for target in ctx.targets:
                ignored = bool(entry(self, target, tokens, low, src)) or ignored
        except _Unknown:
            return False
        if ignored:
            self.ignored += 1
        return True

    # ------------------------------------------------------------------ global handlers

    def h_version(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        self.dev.os_version = tokens[1]

    def h_banner(self, tokens, low, src):
        self.ignored += 1
        text = src.text
        # rest = text after "banner" and its type word (motd, login, exec …)
        m = re.match(r"banner\s+\S+\s?(.*)$", text, re.IGNORECASE)
        rest = m.group(1).lstrip() if m else ""
        if not rest:
            self.banner_pending = src
            return
        delim = "^C" if rest.startswith("^C") else rest[0]
        if delim not in rest[len(delim):]:
            self.banner, self.banner_src = delim, src

    # Global lines that only feed hardening facts.  Convention: a line that records
    # something is "recognized"; only the no-effect branches count as ignored.

    def h_service(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        neg = low[0] == "no"
        word = low[2] if neg and len(low) > 2 else (low[1] if len(low) > 1 else "")
        if word == "password-encryption":
            self.dev.facts["service_password_encryption"] = not neg
        elif word == "dhcp":
            self.service_dhcp = not neg
        elif word == "tcp-small-servers" and not neg:
            self.small_servers.append((word, PROTO_TCP, (7, 9, 13, 19), src))
        elif word == "udp-small-servers" and not neg:
            self.small_servers.append((word, PROTO_UDP, (7, 9, 19), src))
        elif word == "finger" and not neg:
            self.small_servers.append(("finger", PROTO_TCP, (79,), src))
        else:
            self.ignored += 1

    def h_enable(self, tokens, low, src):
        if len(low) < 3:
            raise _Unknown
        self.add_secret(tokens[-1])
        f = self.dev.facts
        if low[1] == "secret":
            f["enable_secret"] = src
        elif low[1] == "password":
            f["enable_password"] = src
            # type 7 is reversible but at least not cleartext; no type / 0 is cleartext
            typ = low[-2] if len(low) >= 4 else "0"
            if typ not in ("5", "7", "8", "9"):
                f["enable_password_plain"] = src

    def h_username(self, tokens, low, src):
        for i, w in enumerate(low):
            if w in ("password", "secret") and i >= 2:
                self.add_secret(secret_after(tokens, i))
                if w == "password":
                    typ = low[i + 1] if i + 2 < len(low) else "0"
                    if typ not in ("5", "7", "8", "9"):
                        self.dev.facts["username_password_plain"].append(src)
                return
        self.ignored += 1               # username … nopassword / autocommand …

    def h_aaa(self, tokens, low, src):
        self.ctx = _IGNORE_CTX          # aaa group server … has a body
        self.scan_secrets(tokens, low)
        if low[:2] == ["aaa", "new-model"]:
            self.dev.facts["aaa_new_model"] = True
        elif low[:3] == ["no", "aaa", "new-model"]:
            self.dev.facts["aaa_new_model"] = False
        else:
            self.ignored += 1

    def h_cdp_lldp(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[1:] if neg else low
        if len(words) >= 2 and words[1] == "run":
            self.dev.facts[f"{words[0]}_run"] = not neg
        else:
            self.ignored += 1

    def h_logging(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        if len(low) >= 2 and (low[1] == "host" or ip_to_int(low[1]) is not None):
            self.dev.facts["logging_hosts"].append(src)
        else:
            self.ignored += 1

    def h_ntp(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        self.scan_secrets(tokens, low)
        if len(low) >= 2 and low[1] in ("server", "peer"):
            self.dev.facts["ntp_servers"].append(src)
        else:
            self.ignored += 1

    def h_source_route(self, tokens, low, src):
        self.dev.facts["ip_source_route"] = low[0] != "no"

    def h_ip_ssh(self, tokens, low, src):
        if len(low) >= 4 and low[2] == "version":
            self.dev.facts["ssh_version"] = tokens[3]
        else:
            self.ignored += 1

    def h_switch(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        if len(low) >= 3 and low[2] == "provision":
            self.switch_provision = self.switch_provision or src
        else:
            self.ignored += 1

    def h_zone(self, tokens, low, src):
        self.ctx = _IGNORE_CTX          # zone security / zone-pair: ZBF, see interfaces
        self.dev.facts.setdefault("zone_based_firewall", []).append(src)

    # --- interfaces

    def h_interface(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        if low[1] == "range":
            names = _expand_range(" ".join(tokens[2:]))
            if not names:
                raise _Unknown
        else:
            words = tokens[1:]
            if len(words) > 1 and words[-1].lower() in ("point-to-point", "multipoint"):
                words = words[:-1]
            names = [" ".join(words)]
        states = [self._iface(canonical_ifname(n), src) for n in names]
        self.ctx = _Ctx("interface", IFACE_TABLE, states, f"interface {states[0].iface.name}", src)

    def _iface(self, name: str, src: Src | None) -> _IfState:
        st = self.ifs.get(name)
        if st is None:
            kind = kind_from_name(name, _PHYSICAL_HINTS, _KIND_BY_PREFIX)
            iface = Interface(name=name, kind=kind, source=src)
            if "." in name and kind != IfKind.OTHER:
                iface.kind = IfKind.SUBINTERFACE
                iface.parent = name.split(".", 1)[0]
            st = _IfState(iface)
            st.ethernet_like = kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL) and (
                "Ethernet" in name or "GigE" in name or kind == IfKind.PORT_CHANNEL)
            self.ifs[name] = st
            self.dev.interfaces[name] = iface
        elif st.iface.source is None:
            st.iface.source = src
        return st

    # --- ACLs

    def h_ip_access_list(self, tokens, low, src):
        if len(low) < 4 or low[2] not in ("standard", "extended"):
            if len(low) >= 3 and low[2] in ("resequence", "logging", "log-update",
                                             "counters", "persistent", "match-local-traffic"):
                self.ignored += 1
                return
            if len(low) == 3:
                # NX-OS / Arista EOS: `ip access-list NAME` is an extended list.  Read it:
                # an unread list would become "no list" (IOS: permit everything).
                acl = self._acl(tokens[2], False, src)
                self.ctx = _Ctx("acl", None, [acl], f"acl {tokens[2]}", src)
                return
            raise _Unknown
        acl = self._acl(tokens[3], low[2] == "standard", src)
        self.ctx = _Ctx("acl", None, [acl], f"acl {tokens[3]}", src)

    def _acl(self, name: str, standard: bool, src: Src) -> _Acl:
        acl = self.acls.get(name)
        if acl is None:
            flt = Filter(name=name, kind="standard" if standard else "extended", source=src)
            acl = self.acls[name] = _Acl(flt, standard)
            self.dev.filters[name] = flt
        return acl

    def _numbered_acl(self, tokens: list[str], stripped: str, lineno: int) -> None:
        if len(tokens) < 3 or not tokens[1].isdigit():
            if len(tokens) >= 2 and tokens[1].lower() in ("compiled", "dynamic-extend"):
                self.ignored += 1
                return
            self.unrecognized(lineno, stripped)
            return
        num = int(tokens[1])
        if 1 <= num <= 99 or 1300 <= num <= 1999:
            standard = True
        elif 100 <= num <= 199 or 2000 <= num <= 2699:
            standard = False
        else:                                  # MAC / protocol-type lists: not IPv4
            self.unrecognized(lineno, stripped)
            return
        word = tokens[2].lower()
        if word == "remark":
            self.ignored += 1
            return
        src = Src(self.file, lineno, stripped)
        acl = self._acl(tokens[1], standard, src)
        if word in ("permit", "deny"):
            self._add_ace(acl, tuple(tokens[2:]), "", src)
        elif word == "dynamic":
            self._dynamic_ace(acl, tokens[3:], "", src)
        else:
            self._acl_bad(acl, src, f"unknown keyword {tokens[2]!r}")

    def _acl_entry(self, acl: _Acl, stripped: str, lineno: int, fallback: bool) -> bool:
        tokens = stripped.split()
        seq = ""
        if tokens[0].isdigit() and len(tokens) > 1:
            seq, tokens = tokens[0], tokens[1:]
        word = tokens[0].lower()
        if word in ("permit", "deny"):
            self._add_ace(acl, tuple(tokens), seq, Src(self.file, lineno, stripped))
            return True
        if word == "remark":
            self.ignored += 1
            return True
        if fallback:
            return False
        src = Src(self.file, lineno, stripped)
        if word == "dynamic":
            self._dynamic_ace(acl, tokens[1:], seq, src)
        elif word == "evaluate":
            reason = "evaluate (reflexive ACL) not modelled"
            acl.filter.partial = acl.filter.partial or reason
            self.rep.add_partial(f"acl {acl.filter.name}", reason, src)
        elif word in ("statistics", "fragments", "exit", "counters"):
            self.ignored += 1           # `counters per-entry` (EOS), `statistics per-entry`
        else:
            self._acl_bad(acl, src, f"unknown keyword {tokens[0]!r}")
        return True

    def _add_ace(self, acl: _Acl, body: tuple[str, ...], seq: str, src: Src,
                 extra_partial: str | None = None) -> None:
        try:
            ace = parse_ace(body, acl.standard)
        except AceError as exc:
            if body[0].lower() not in ("permit", "deny"):
                self._acl_bad(acl, src, str(exc))
                return
            # The action is known, the match is not: keep the line where it is as a
            # partial line matching every packet (a superset), so the packets it
            # may take are "unknown" and the lines around it still count.
            self.rep.unrecognized.append(src)
            why = f"line {src.line} not understood: {exc}"
            if extra_partial:
                why = f"{extra_partial}; {why}"
            action = Action.PERMIT if body[0].lower() == "permit" else Action.DENY
            acl.filter.lines.append(FilterLine(action, [Match()], src, seq, why))
            self.rep.add_partial(f"acl {acl.filter.name}", why, src)
            return
        partial = ace.partial
        if extra_partial:
            partial = f"{extra_partial}; {partial}" if partial else extra_partial
        line = FilterLine(ace.action, list(ace.matches) if ace.matches is not None else [],
                          src, seq, partial)
        acl.filter.lines.append(line)
        if ace.groups:
            self.deferred.append((acl.filter, line, ace))
            for g in ace.groups:
                self.ref("object-group", g, src)
        if partial:
            self.rep.add_partial(f"acl {acl.filter.name}", partial, src)

    def _dynamic_ace(self, acl: _Acl, rest: list[str], seq: str, src: Src) -> None:
        """``dynamic NAME [timeout N] permit …`` (lock-and-key): parsed, marked partial."""
        for i, w in enumerate(rest):
            if w.lower() in ("permit", "deny"):
                self._add_ace(acl, tuple(rest[i:]), seq, src,
                              "dynamic (lock-and-key) entry not modelled")
                return
        self._acl_bad(acl, src, "dynamic entry without permit/deny")

    def _acl_bad(self, acl: _Acl, src: Src, reason: str) -> None:
        """An entry we cannot read: unrecognized, and the whole list becomes partial
        (its verdicts downstream are unknown rather than wrong)."""
        self.rep.unrecognized.append(src)
        why = f"line {src.line} not understood: {reason}"
        acl.filter.partial = acl.filter.partial or why
        self.rep.add_partial(f"acl {acl.filter.name}", why, src)

    # --- object-groups

    def h_object_group(self, tokens, low, src):
        if len(low) >= 4 and low[1] == "ip" and low[2] in ("address", "port"):
            # NX-OS `object-group ip address|port NAME` (ACL `addrgroup` / `portgroup`)
            kind, name = ("nxos-address" if low[2] == "address" else "port"), tokens[3]
        elif len(low) >= 3 and low[1] in ("network", "service"):
            kind, name = low[1], tokens[2]
        else:
            raise _Unknown
        og = self.groups.get(name)
        if og is None:
            og = self.groups[name] = _ObjGroup(kind, name, src)
        self.ctx = _Ctx("og", OG_TABLE, [og], f"object-group {name}", src)

    def og_item(self, og: _ObjGroup, tokens, low, src):
        if low[0] == "exit":
            return True
        try:
            item = _OG_ITEM[og.kind](tokens)
        except AceError:
            og.partial = og.partial or f"line {src.line} not understood"
            self.rep.add_partial(f"object-group {og.name}", og.partial, src)
            raise _Unknown from None
        if item is None:
            return True
        if isinstance(item, OG):
            self.ref("object-group", item.name, src)
        og.items.append(item)

    # --- VLANs

    def h_vlan(self, tokens, low, src):
        if len(low) < 2:
            raise _Unknown
        if not low[1][0].isdigit():
            if low[1] in ("access-map", "filter"):
                self.rep.add_partial("vlan access-map", "VLAN access-map (VACL) not modelled", src)
                self.dev.facts.setdefault("vlan_filters", []).append(src)
                self.ctx = _IGNORE_CTX
                return
            if low[1:3] == ["dot1q", "tag"]:
                self.dev.facts["vlan_dot1q_tag_native"] = src
            self.ignored += 1
            self.ctx = _IGNORE_CTX
            return
        try:
            ids = parse_vlan_list("".join(tokens[1:]))
        except ValueError:
            raise _Unknown from None
        vlans = []
        for vid in sorted(ids):
            v = self.dev.vlans.get(vid)
            if v is None:
                v = self.dev.vlans[vid] = Vlan(vid, source=src)
            vlans.append(v)
        self.ctx = _Ctx("vlan", VLAN_TABLE, vlans, f"vlan {tokens[1]}", src)

    def vlan_name(self, vlan: Vlan, tokens, low, src):
        parts = src.text.split(None, 1)
        vlan.name = parts[1] if len(parts) > 1 else ""

    # --- lines (vty)

    def h_line(self, tokens, low, src):
        if len(low) < 2:
            raise _Unknown
        kind = low[1] if low[1] in ("vty", "con", "console", "aux", "tty") else "tty"
        ln = _Line("con" if kind == "console" else kind, src)
        self.lines_cfg.append(ln)
        self.ctx = _Ctx("line", LINE_TABLE, [ln], f"line {' '.join(tokens[1:])}", src)

    def line_transport(self, ln: _Line, tokens, low, src):
        if len(low) < 3:
            raise _Unknown
        words = set(low[2:])
        allowed: set[str] = set()
        if "all" in words:
            allowed = {"telnet", "ssh"}
        elif "none" not in words:
            allowed = words & {"telnet", "ssh"}
        ln.transports = allowed
        ln.transport_src = src

    def line_access_class(self, ln: _Line, tokens, low, src):
        if len(tokens) < 3:
            raise _Unknown
        if low[2] == "in":
            ln.acl = (tokens[1], src)
            self.ref("acl", tokens[1], src)
        else:
            return True      # `out` restricts outgoing sessions only

    def line_password(self, ln: _Line, tokens, low, src):
        self.add_secret(secret_after(tokens, 0))

    def line_no_login(self, ln: _Line, tokens, low, src):
        ln.no_login = src

    # --- routing

    def h_router(self, tokens, low, src):
        self.dev.facts["dynamic_routing"].append(src)
        if "vrf" in low[:-1]:
            self.ref("vrf", tokens[low.index("vrf") + 1], src)
        self.ctx = _IGNORE_CTX

    def h_vrf_definition(self, tokens, low, src):
        if len(tokens) < 3:
            raise _Unknown
        self.dev.vrfs.add(tokens[2])
        self.ctx = _IGNORE_CTX    # rd, route-target, address-family: no effect on reach

    def h_ip_routing(self, tokens, low, src):
        self.routing_line = (low[0] != "no", src)

    def h_default_gateway(self, tokens, low, src):
        if len(tokens) < 3 or ip_to_int(tokens[2]) is None:
            raise _Unknown
        self.default_gw = src
        self.dev.facts["default_gateway"] = tokens[2]
        self.dev.facts["default_gateway_source"] = src

    _ROUTE_FLAGS = frozenset({"permanent", "global", "multicast", "dhcp", "name", "tag",
                              "track", "longer-prefixes"})

    def h_ip_route(self, tokens, low, src):
        n = len(tokens)
        i, vrf = 2, "default"
        if n > 3 and low[2] == "vrf":
            vrf, i = tokens[3], 4
            self.ref("vrf", vrf, src)
        if i + 1 >= n:
            raise _Unknown
        if "/" in tokens[i]:                    # IOS-XE also takes A/len
            a, _, ln = tokens[i].partition("/")
            p, plen = ip_to_int(a), int(ln) if ln.isdigit() and int(ln) <= 32 else None
            i += 1
        else:
            p, m = ip_to_int(tokens[i]), ip_to_int(tokens[i + 1])
            plen = mask_to_len(m) if m is not None else None
            i += 2
        if p is None or plen is None:
            raise _Unknown
        prefix = _prefix_of(p & len_to_mask(plen), plen)
        iface = nh = None
        partial = None
        if i < n and ip_to_int(tokens[i]) is None and low[i] not in self._ROUTE_FLAGS \
                and not low[i].isdigit():
            iface = canonical_ifname(tokens[i])
            i += 1
        if i < n and (x := ip_to_int(tokens[i])) is not None:
            nh = x
            i += 1
        distance = 1
        while i < n:
            w = low[i]
            if w.isdigit() and int(w) <= 255:
                distance = int(w)
                i += 1
            elif w in ("name", "tag", "track"):
                i += 2
            elif w in ("permanent", "longer-prefixes"):
                i += 1
            elif w == "multicast":             # RPF-only route: not used for forwarding
                self.ignored += 1
                return
            elif w == "global":
                partial = "next hop resolved in the global table"
                i += 1
            elif w == "dhcp":
                partial = "next hop learned from DHCP"
                i += 1
            else:
                raise _Unknown
        if iface is None and nh is None and partial is None:
            raise _Unknown
        drop = bool(iface and iface.startswith("Null"))
        self.dev.routes.append(Route(prefix=prefix, vrf=vrf, next_hop=nh, interface=iface,
                                     drop=drop, distance=distance, origin="static",
                                     source=src, partial=partial))
        if partial:
            self.rep.add_partial(f"route {prefix}", partial, src)

    # --- route-maps (only their ACL references matter here)

    def h_route_map(self, tokens, low, src):
        if len(tokens) < 2:
            raise _Unknown
        self.ignored += 1
        self.route_maps.add(tokens[1])
        self.ctx = _Ctx("route-map", ROUTEMAP_TABLE, [None], f"route-map {tokens[1]}", src)

    def rm_match_ip(self, _target, tokens, low, src):
        if len(low) >= 4 and low[2] == "address" and low[3] != "prefix-list":
            for name in tokens[3:]:
                self.ref("acl", name, src)
        return True

    # --- management plane

    def h_ip_http(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[3:] if neg else low[2:]
        toks = tokens[3:] if neg else tokens[2:]
        if not words:
            raise _Unknown
        w = words[0]
        if w == "server":
            self.http["http"] = None if neg else src
        elif w == "secure-server":
            self.http["https"] = None if neg else src
        elif w == "access-class" and not neg:
            if len(toks) < 2:
                raise _Unknown
            name = toks[-1]
            self.http["acl"] = (name, src)
            self.ref("acl", name, src)
        elif w == "port" and not neg and len(words) > 1 and words[1].isdigit():
            self.http["port"] = int(words[1])
        elif w == "secure-port" and not neg and len(words) > 1 and words[1].isdigit():
            self.http["secure_port"] = int(words[1])
        else:
            self.ignored += 1
        self.ctx = _IGNORE_CTX

    def h_ip_dns(self, tokens, low, src):
        neg = low[0] == "no"
        words = low[1:] if neg else low
        if words[2:3] == ["server"] and len(words) == 3:
            self.dns_server = None if neg else src
        else:
            self.ignored += 1

    def h_ip_dhcp(self, tokens, low, src):
        if len(low) >= 4 and low[2] == "pool":
            self.dhcp_pool = self.dhcp_pool or src
        else:
            self.ignored += 1
        self.ctx = _IGNORE_CTX

    def h_snmp(self, tokens, low, src):
        self.ctx = _IGNORE_CTX
        n = len(low)
        if n < 3:
            self.ignored += 1
            return
        sub = low[1]
        if sub == "community":
            self.add_secret(tokens[2])
            mode, acl, i = "ro", None, 3
            while i < n:
                w = low[i]
                if w in ("view", "group"):      # group ROLE: NX-OS
                    i += 2
                elif w == "use-acl":            # NX-OS: use-acl ACL
                    i += 1
                elif w in ("ro", "rw"):
                    mode = w
                    i += 1
                elif w == "ipv6":
                    i += 2
                else:
                    acl = tokens[i]
                    i += 1
            if acl:
                self.ref("acl", acl, src)
            self.snmp.append((acl, src))
            self.dev.facts["snmp_communities"].append(
                {"mode": mode, "acl": acl, "source": src})
        elif sub == "user":
            acl = None
            for i, w in enumerate(low):
                if w in ("auth", "priv") and i + 1 < n:
                    # auth md5 KEY, priv aes 128 KEY; NX-OS also priv KEY [localizedkey]
                    j = i + 2 if low[i + 1] in _SNMP_ALGORITHMS and i + 2 < n else i + 1
                    if low[j].isdigit() and j + 1 < n:      # priv aes 128 KEY
                        j += 1
                    self.add_secret(tokens[j])
                elif w == "access" and i + 1 < n:
                    acl = tokens[-1]
            if acl:
                self.ref("acl", acl, src)
            self.snmp.append((acl, src))
        elif sub == "host":
            i = 3
            version = None
            while i < n and low[i] in ("traps", "informs", "version", "1", "2c", "3",
                                       "auth", "noauth", "priv", "vrf"):
                if low[i] == "version" and i + 1 < n:
                    version = low[i + 1]
                    i += 2
                    continue
                if low[i] == "vrf":
                    i += 2
                    continue
                i += 1
            if i < n and version != "3":
                self.add_secret(tokens[i])
            self.ignored += 1
        else:
            self.ignored += 1

    # --- NAT

    def h_ip_nat(self, tokens, low, src):
        n = len(low)
        if n >= 3 and low[2] == "pool":
            self._nat_pool(tokens, low, src)
            return
        if n < 5 or low[2] not in ("inside", "outside") or low[3] != "source":
            self.ignored += 1            # ip nat translation …, ip nat log …, ip nat service …
            self.ctx = _IGNORE_CTX
            return
        side = low[2]
        if low[4] == "static":
            self._nat_static(side, tokens, low, src)
        elif side == "inside" and low[4] == "list" and n >= 8:
            self._nat_list(tokens, low, src)
        else:
            self._nat_partial(f"ip nat {side} source {low[4]} not modelled", src)

    def _nat_partial(self, reason: str, src: Src) -> None:
        rule = NatRule(kind="source", source=src, partial=reason)
        self.nat_pending.append((rule, None, None))
        self.rep.add_partial("nat", reason, src)

    def _nat_pool(self, tokens, low, src):
        if len(tokens) >= 6 and (a := ip_to_int(tokens[4])) is not None \
                and (b := ip_to_int(tokens[5])) is not None:
            self.pools[tokens[3]] = (a, b, src)
            self.ctx = _IGNORE_CTX
            return
        raise _Unknown

    def _nat_list(self, tokens, low, src):
        acl = tokens[5]
        self.ref("acl", acl, src)
        kind = low[6]
        if kind == "interface":
            rule = NatRule(kind="source", acl=acl, to_interface=canonical_ifname(tokens[7]),
                           source=src)
        elif kind == "pool":
            pool = tokens[7]
            self.ref("nat-pool", pool, src)
            rule = NatRule(kind="source", acl=acl, source=src)
            self.nat_pool_rules.append((rule, pool))   # resolved in finish(): may come later
        else:
            raise _Unknown
        if "vrf" in low[8:]:
            self.ref("vrf", tokens[low.index("vrf", 8) + 1], src)
        self.nat_pending.append((rule, "inside", "outside"))

    def _nat_static(self, side: str, tokens, low, src):
        n = len(low)
        i = 5
        if i < n and low[i] == "network":
            self._nat_partial(f"ip nat {side} source static network not modelled", src)
            return
        proto = None
        if i < n and low[i] in ("tcp", "udp"):
            proto = PROTO_TCP if low[i] == "tcp" else PROTO_UDP
            i += 1
        local = ip_to_int(tokens[i]) if i < n else None
        if local is None:
            raise _Unknown
        i += 1
        lport = None
        if proto is not None:
            if i >= n or (lport := port_number(tokens[i], proto)) is None:
                raise _Unknown
            i += 1
        glob_iface = None
        if i < n and low[i] == "interface":
            if i + 1 >= n:
                raise _Unknown
            glob_iface = canonical_ifname(tokens[i + 1])
            glob = None
            i += 2
        else:
            glob = ip_to_int(tokens[i]) if i < n else None
            if glob is None:
                raise _Unknown
            i += 1
        gport = None
        if proto is not None:
            if i >= n or (gport := port_number(tokens[i], proto)) is None:
                raise _Unknown
            i += 1
        if "vrf" in low[i:]:
            self.ref("vrf", tokens[low.index("vrf", i) + 1], src)
        # ip nat inside source static L G: L is the inside host, G its outside face.
        # ip nat outside source static G L: an outside host G is seen inside as L.
        in_side, out_side = "inside", "outside"
        protos = (proto,) if proto else None
        # traffic towards the translated face: rewrite destination
        if side == "inside":
            dst_rule = NatRule(kind="destination", source=src, to_ip=local, to_port=lport,
                               match=Match(dst=(AddrMatch.host(glob),) if glob is not None
                                           else None, protocols=protos,
                                           dst_ports=(PortRange(gport, gport),)
                                           if gport is not None else None))
            src_rule = NatRule(kind="source", source=src, to_ip=glob,
                               to_interface=glob_iface if glob is None else None,
                               match=Match(src=(AddrMatch.host(local),), protocols=protos,
                                           src_ports=(PortRange(lport, lport),)
                                           if lport is not None else None))
            if lport is not None and lport != gport:
                src_rule.partial = f"source port rewrite {lport}->{gport} not modelled"
                self.rep.add_partial("nat", src_rule.partial, src)
            self.nat_pending.append((src_rule, in_side, out_side))
            self.nat_pending.append((dst_rule, out_side, None))
            if glob_iface is not None:
                self.nat_iface_dst.append((dst_rule, glob_iface))
        else:
            if proto is not None or glob is None:
                self._nat_partial("ip nat outside source static with ports not modelled", src)
                return
            # outside host `local` (its real address, tokens order G L) appears inside as glob
            src_rule = NatRule(kind="source", source=src, to_ip=glob,
                               match=Match(src=(AddrMatch.host(local),)))
            dst_rule = NatRule(kind="destination", source=src, to_ip=local,
                               match=Match(dst=(AddrMatch.host(glob),)))
            self.nat_pending.append((src_rule, "outside", "inside"))
            self.nat_pending.append((dst_rule, "inside", None))

    # ------------------------------------------------------------------ interface handlers

    def if_description(self, st: _IfState, tokens, low, src):
        parts = src.text.split(None, 1)
        st.iface.description = parts[1] if len(parts) > 1 else ""

    def if_ip_address(self, st: _IfState, tokens, low, src):
        n = len(low)
        if n < 3:
            raise _Unknown
        st.l3_cmd = True
        if low[2] in ("dhcp", "negotiated", "pool"):
            # The address is assigned at run time: the engine reasons over every
            # address the interface could receive (docs/semantics.md).
            self.dev.facts["dhcp_client_interfaces"].append(st.iface.name)
            st.iface.dynamic_address = True
            st.iface.dynamic_source = src
            if low[2] == "dhcp":
                # IOS installs the DHCP server's router option as a default route
                # (administrative distance 254, `ip dhcp client default-router distance`).
                self.dev.routes.append(Route(IPNetwork("0.0.0.0/0"), st.iface.vrf, interface=st.iface.name,
                                             distance=254, origin="dhcp", runtime_gateway=True, source=src))
            return
        if "/" in tokens[2]:
            addr, _, ln = tokens[2].partition("/")
            a = ip_to_int(addr)
            plen = int(ln) if ln.isdigit() and int(ln) <= 32 else None
            rest = low[3:]
        else:
            a = ip_to_int(tokens[2])
            m = ip_to_int(tokens[3]) if n > 3 else None
            plen = mask_to_len(m) if m is not None else None
            rest = low[4:]
        if a is None or plen is None:
            raise _Unknown
        net = _prefix_of(a, plen)
        if rest and rest[0] == "secondary":
            st.secondaries.append(net)
        else:
            st.primary = net

    def if_no_ip_address(self, st: _IfState, tokens, low, src):
        st.l3_cmd = True
        if len(low) == 3:
            st.primary = None
            st.secondaries = []

    def if_unnumbered(self, st: _IfState, tokens, low, src):
        st.l3_cmd = True
        self.iface_partial(st.iface, f"ip unnumbered {tokens[-1]} not modelled", src)

    def if_shutdown(self, st: _IfState, tokens, low, src):
        st.iface.shutdown = low[0] != "no"

    def if_access_group(self, st: _IfState, tokens, low, src):
        if len(low) < 4 or low[3] not in ("in", "out"):
            self.iface_partial(st.iface, "ip access-group without direction", src)
            raise _Unknown
        self.ref("acl", tokens[2], src)
        if low[3] == "in":
            st.acl_in = (tokens[2], src)
        else:
            st.acl_out = (tokens[2], src)

    def if_verify(self, st: _IfState, tokens, low, src):
        """uRPF: ``ip verify unicast source reachable-via rx|any [allow-default]
        [allow-self-ping] [ACL]`` or the old ``ip verify unicast reverse-path``."""
        words = low[2:]
        if words[:2] == ["unicast", "reverse-path"]:
            st.iface.urpf = "strict"
            if len(words) > 2:
                self.iface_partial(st.iface, "uRPF exception ACL not modelled", src)
            return
        if words[:3] != ["unicast", "source", "reachable-via"] or len(words) < 4 \
                or words[3] not in ("rx", "any"):
            raise _Unknown
        st.iface.urpf = "strict" if words[3] == "rx" else "loose"
        for w in words[4:]:
            if w == "allow-default":
                st.iface.urpf_allow_default = True
            elif w != "allow-self-ping":
                self.iface_partial(st.iface, "uRPF exception ACL not modelled", src)

    def if_policy(self, st: _IfState, tokens, low, src):
        """``ip policy route-map NAME``: resolved at the end (undefined = no effect)."""
        if len(low) < 4 or low[2] != "route-map":
            raise _Unknown
        self.ref("route-map", tokens[3], src)
        st.policy = (tokens[3], src)

    def if_nat(self, st: _IfState, tokens, low, src):
        if len(low) < 3 or low[2] not in ("inside", "outside"):
            raise _Unknown
        st.iface.nat_side = low[2]

    def if_vrf(self, st: _IfState, tokens, low, src):
        # `vrf forwarding X` (IOS-XE) or `ip vrf forwarding X`
        words, toks = (low[1:], tokens[1:]) if low[0] == "ip" else (low, tokens)
        if len(words) < 3 or words[1] != "forwarding":
            if len(words) >= 2 and words[1] in ("receive", "sitemap", "select"):
                self.iface_partial(st.iface, f"vrf {words[1]} not modelled", src)
                return
            raise _Unknown
        st.iface.vrf = toks[2]
        self.ref("vrf", toks[2], src)

    def if_standby(self, st: _IfState, tokens, low, src):
        """HSRP: ``standby [N] ip A [secondary]`` → virtual address; auth → secret."""
        i = 2 if len(low) > 1 and low[1].isdigit() else 1
        if i >= len(low):
            raise _Unknown
        w = low[i]
        if w == "ip":
            if i + 1 < len(low):
                a = ip_to_int(tokens[i + 1])
                if a is None:
                    raise _Unknown
                st.vips.append(a)
            return
        if w == "authentication" and i + 1 < len(low):
            j = i + 1
            if low[j] == "text" and j + 1 < len(low):
                j += 1
            if low[j] == "md5":
                self.scan_secrets(tokens, low)
            else:
                self.add_secret(tokens[j])
        return True

    def if_vrrp(self, st: _IfState, tokens, low, src):
        if len(low) >= 4 and low[2] == "ip":
            a = ip_to_int(tokens[3])
            if a is None:
                raise _Unknown
            st.vips.append(a)
            return
        if len(low) >= 4 and low[2] == "authentication":
            self.scan_secrets(tokens, low)
            if low[3] == "text" and len(tokens) > 4:
                self.add_secret(tokens[4])
            elif low[3] not in ("md5", "text"):
                self.add_secret(tokens[3])
        return True

    def if_vrrp3_address(self, st: _IfState, tokens, low, src):
        # VRRPv3: `vrrp N address-family ipv4` / `  address A [primary|secondary]`
        a = ip_to_int(tokens[1]) if len(tokens) > 1 else None
        if a is None:
            raise _Unknown
        st.vips.append(a)

    def if_switchport(self, st: _IfState, tokens, low, src):
        self.uses_switchport = True
        n = len(low)
        st.sw_any = True
        if n == 1:
            return
        w = low[1]
        if w == "mode" and n >= 3:
            mode = " ".join(low[2:])
            st.mode, st.mode_src = mode, src
            if mode not in ("access", "trunk", "dynamic auto", "dynamic desirable"):
                self.iface_partial(st.iface, f"switchport mode {mode} not modelled", src)
        elif w == "access" and n >= 4 and low[2] == "vlan":
            if not low[3].isdigit():
                raise _Unknown
            st.access_vlan = int(low[3])
        elif w == "trunk" and n >= 3:
            if low[2] == "allowed" and n >= 5 and low[3] == "vlan":
                try:
                    st.allowed = _trunk_allowed(st.allowed, low[4:])
                except ValueError:
                    raise _Unknown from None
            elif low[2] == "native" and n >= 5 and low[3] == "vlan" and low[4].isdigit():
                st.native = int(low[4])
            elif low[2] in ("encapsulation", "pruning"):
                return True
            else:
                raise _Unknown
        elif w == "voice" and n >= 4 and low[2] == "vlan":
            if low[3].isdigit():
                st.voice_vlan = int(low[3])
            else:
                return True       # dot1p / none / untagged: no extra VLAN
        elif w == "host":
            st.mode, st.mode_src = "access", src
        elif w in ("private-vlan",):
            self.iface_partial(st.iface, "private VLAN not modelled", src)
        elif w in ("nonegotiate", "port-security", "block", "protected", "backup",
                   "autostate", "vepa", "dot1q"):
            return True
        else:
            raise _Unknown

    def if_no_switchport(self, st: _IfState, tokens, low, src):
        if len(low) == 2:
            st.no_switchport = True
            self.uses_switchport = True
        else:
            return True

    def if_encapsulation(self, st: _IfState, tokens, low, src):
        if len(low) >= 3 and low[1] in ("dot1q", "isl"):
            if not low[2].isdigit():
                raise _Unknown
            st.iface.encapsulation_vlan = int(low[2])
            st.iface.encapsulation_native = "native" in low[3:]
            if "second-dot1q" in low[3:]:
                self.iface_partial(st.iface, "QinQ (second-dot1q) not modelled", src)
        else:
            return True           # ppp, hdlc, frame-relay, slip: link layer only

    def if_channel_group(self, st: _IfState, tokens, low, src):
        if len(low) < 2 or not low[1].isdigit():
            raise _Unknown
        st.channel_group = (f"Port-channel{low[1]}", src)

    def if_routing_protocol(self, st: _IfState, tokens, low, src):
        """Routing-protocol settings on an interface show the device takes part in a
        dynamic protocol even when its ``router`` block is absent from the file (as in
        published, sanitised configs): missing routes are then unknown, not absent."""
        self.dev.facts["dynamic_routing"].append(src)
        return self.if_secret_ignored(st, tokens, low, src)

    def if_secret_ignored(self, st: _IfState, tokens, low, src):
        """ip ospf / ppp / ip authentication: irrelevant except for their keys."""
        self.scan_secrets(tokens, low)
        return True

    # ------------------------------------------------------------------ finish

    def finish(self) -> None:
        dev, facts = self.dev, self.dev.facts
        if not dev.hostname:
            dev.hostname = _hostname_from_file(self.file)
        self.rep.devices = [dev.hostname]
        self._finish_groups()
        self._finish_unread_acls()
        defined_acls = {name for name, acl in self.acls.items()}
        usable = {name for name, acl in self.acls.items() if acl.filter.lines
                  or acl.filter.partial}
        self._finish_interfaces(usable)
        self._finish_routing()
        self._finish_nat()
        self._finish_services(usable)
        # references, resolved against the whole file
        defined = {"acl": defined_acls, "object-group": set(self.groups), "route-map": self.route_maps,
                   "vrf": dev.vrfs, "nat-pool": set(self.pools)}
        for kind, name, src in self.refs:
            dev.references.append(Reference(kind, name, src, name in defined.get(kind, ())))
        for name in sorted(defined_acls - usable):
            self.rep.warnings.append(
                f"ACL {name} has no entries; where it is applied IOS permits everything")
        facts["uses_switchport"] = self.uses_switchport

    def _finish_groups(self) -> None:
        net_items = {n: g.items for n, g in self.groups.items()
                     if g.kind in ("network", "nxos-address")}
        svc_items = {n: g.items for n, g in self.groups.items() if g.kind == "service"}
        port_items = {n: g.items for n, g in self.groups.items() if g.kind == "port"}
        net, miss1 = resolve_groups(net_items, "network")
        svc, miss2 = resolve_groups(svc_items, "service")
        ports, _ = resolve_groups(port_items, "port")
        for group, missing in miss1 + miss2:
            og = self.groups[group]
            og.partial = og.partial or f"group-object {missing} undefined"
        for flt, line, ace in self.deferred:
            matches, missing = expand_ace(ace, net, svc, ports)
            line.matches = matches
            reasons = [f"object-group {m} undefined" for m in missing]
            reasons += [f"object-group {g} partially understood" for g in ace.groups
                        if g in self.groups and self.groups[g].partial]
            if reasons:
                why = "; ".join(reasons)
                line.partial = f"{line.partial}; {why}" if line.partial else why
                self.rep.add_partial(f"acl {flt.name}", why, line.source)

    def _finish_unread_acls(self) -> None:
        """An ACL used by name whose definition is in the file but was not read (another
        dialect's header, e.g. ``ipv4 access-list X``) is a partial filter: never
        "undefined", which IOS semantics would turn into "permits everything"."""
        wanted = {name for kind, name, _ in self.refs if kind == "acl" and name not in self.acls}
        for src in self.rep.unrecognized if wanted else ():
            words = src.text.split()
            at = next((k for k, w in enumerate(words) if w.lower() == "access-list"), None)
            if at is None:
                continue
            for name in wanted.intersection(words[at + 1:]):
                why = f"definition not understood (line {src.line}: {src.text})"
                flt = Filter(name=name, kind="extended", source=src, partial=why)
                self.acls[name] = _Acl(flt, False)
                self.dev.filters[name] = flt
                self.rep.add_partial(f"acl {name}", why, src)
                wanted.discard(name)

    def _fail_open_filters(self, uses: list[tuple[Interface, str, tuple[str, Src]]]) -> None:
        """IOS: ``ip access-group X`` naming an undefined (or empty) ACL filters nothing.

        Modelled as a synthesized permit-all filter (named X, or "X (no entries)" when X
        exists empty) whose line is the access-group line itself, saying so: a witness
        through the interface then cites the root cause, not only ``interface …``.  With
        several uses of X each line is restricted to its own interface and direction, so
        every interface cites its own access-group line (egress lines first: an egress
        evaluation also knows the ingress interface)."""
        by_key: dict[str, list[tuple[Interface, str, Src]]] = {}
        for iface, attr, (name, src) in uses:
            key = f"{name} (no entries)" if name in self.acls else name
            by_key.setdefault(key, []).append((iface, attr, src))
            setattr(iface, attr, key)
        for key, items in by_key.items():
            name = key.removesuffix(" (no entries)")
            what = "has no entries" if key != name else "is not defined"
            items.sort(key=lambda it: it[1] != "filter_out")
            lines = []
            for iface, attr, src in items:
                only = frozenset({iface.name})
                match = Match() if len(items) == 1 else (
                    Match(in_ifaces=only) if attr == "filter_in" else Match(out_ifaces=only))
                cite = Src(src.file, src.line, f"{src.text}  ! ACL {name} {what}: IOS permits every packet")
                lines.append(FilterLine(Action.PERMIT, [match], cite, name=key))
            self.dev.filters[key] = Filter(
                name=key, lines=lines, default_action=Action.PERMIT, kind="synthesized",
                source=items[0][2], default_text=f"ACL {name} {what}: IOS permits every packet")

    def _finish_interfaces(self, usable: set[str]) -> None:
        dev = self.dev
        members: dict[str, str] = {}
        fail_open: list[tuple[Interface, str, tuple[str, Src]]] = []
        for name, st in self.ifs.items():
            iface = st.iface
            iface.addresses = ([st.primary] if st.primary else []) + st.secondaries
            for vip in st.vips:
                plen = 32
                for net in iface.addresses:
                    if int(net.first) <= vip <= int(net.last):
                        plen = net.prefixlen
                        break
                else:
                    if st.primary is not None:
                        plen = st.primary.prefixlen
                iface.virtual_addresses.append(_prefix_of(vip, plen))
            self._resolve_mode(st)
            for attr, spec in (("filter_in", st.acl_in), ("filter_out", st.acl_out)):
                if spec is not None:
                    if spec[0] in usable:
                        setattr(iface, attr, spec[0])
                    else:       # IOS: an undefined (or empty) ACL permits all
                        fail_open.append((iface, attr, spec))
            if st.policy is not None and st.policy[0] in self.route_maps:
                # IOS routes normally when the route-map does not exist; an existing one
                # may set next hops this model does not follow.
                self.iface_partial(iface, f"policy-based routing (route-map {st.policy[0]}) not modelled",
                                   st.policy[1])
            if st.channel_group is not None:
                members[name] = st.channel_group[0]
        self._fail_open_filters(fail_open)
        # port-channel members take their L2 settings from the bundle
        for member, pc in members.items():
            if pc not in self.ifs:
                self._iface(pc, self.ifs[member].channel_group[1])
                self._resolve_mode(self.ifs[pc])
            m, p = dev.interfaces[member], dev.interfaces[pc]
            m.parent = pc
            m.mode, m.access_vlan = p.mode, p.access_vlan
            m.allowed_vlans, m.native_vlan = p.allowed_vlans, p.native_vlan
            dev.facts["port_channel_members"][member] = pc

    def _resolve_mode(self, st: _IfState) -> None:
        """L2/L3 role of an interface (the documented defaults, module docstring):
        ``no switchport`` → routed; any ``switchport`` command → L2; an explicit
        ``ip address``/``no ip address`` → routed; otherwise an Ethernet port on a
        device that uses ``switchport`` anywhere is an access port in VLAN 1."""
        iface = st.iface
        l2 = False
        if iface.kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL) and not st.no_switchport:
            if st.sw_any:
                l2 = True
            elif not st.l3_cmd and self.uses_switchport and st.ethernet_like:
                l2 = True
        if not l2:
            iface.mode = L2Mode.ROUTED
            return
        mode = st.mode or "access"
        if mode == "trunk":
            iface.mode = L2Mode.TRUNK
            iface.allowed_vlans = st.allowed
            iface.native_vlan = st.native if st.native is not None else 1
            return
        iface.mode = L2Mode.ACCESS
        iface.access_vlan = st.access_vlan if st.access_vlan is not None else 1
        if mode == "dynamic desirable":
            self.iface_partial(iface, "DTP dynamic desirable may negotiate a trunk",
                               st.mode_src)
        if st.voice_vlan is not None and st.voice_vlan != iface.access_vlan:
            # An access port with a voice VLAN carries that VLAN tagged: model it as a
            # two-VLAN trunk whose native VLAN is the data VLAN (what a host can reach).
            self.dev.facts["voice_vlans"][iface.name] = st.voice_vlan
            iface.mode = L2Mode.TRUNK
            iface.native_vlan = iface.access_vlan
            iface.allowed_vlans = frozenset({iface.access_vlan, st.voice_vlan})
            iface.access_vlan = None

    def _finish_routing(self) -> None:
        dev, facts = self.dev, self.dev.facts
        if self.routing_line is not None:
            dev.ip_routing = self.routing_line[0]
            facts["ip_routing_source"] = self.routing_line[1]
        elif self.default_gw is not None or self.switch_provision is not None:
            dev.ip_routing = False
            why = ("ip default-gateway" if self.default_gw is not None
                   else "switch provision")
            facts["ip_routing_inferred"] = f"no 'ip routing' line and {why} present"
        else:
            dev.ip_routing = True
            has_svi = any(i.kind == IfKind.SVI for i in dev.interfaces.values())
            if self.uses_switchport and has_svi:
                self.rep.warnings.append(
                    "ip routing not stated; assumed enabled (fail-safe)")

    def _finish_nat(self) -> None:
        dev = self.dev
        sides = {"inside": frozenset(n for n, i in dev.interfaces.items()
                                     if i.nat_side == "inside"),
                 "outside": frozenset(n for n, i in dev.interfaces.items()
                                      if i.nat_side == "outside")}
        for rule, in_side, out_side in self.nat_pending:
            rule.in_ifaces = sides[in_side] if in_side else None
            rule.out_ifaces = sides[out_side] if out_side else None
            dev.nat_rules.append(rule)
        for rule, pool in self.nat_pool_rules:
            if pool in self.pools:
                first = self.pools[pool][0]
                rule.to_ip = first
                self.rep.add_partial("nat", f"NAT pool {pool} approximated by its first "
                                     f"address {int_to_ip(first)}", rule.source)
            else:
                rule.partial = f"NAT pool {pool} undefined"
                self.rep.add_partial("nat", rule.partial, rule.source)
        for rule, ifname in self.nat_iface_dst:
            iface = dev.interfaces.get(ifname)
            if iface is not None and iface.addresses:
                rule.match = Match(dst=(AddrMatch.host(int(iface.addresses[0].ip)),),
                                   protocols=rule.match.protocols,
                                   dst_ports=rule.match.dst_ports)
            else:
                rule.partial = f"address of {ifname} unknown"
                self.rep.add_partial("nat", rule.partial, rule.source)

    def _finish_services(self, usable: set[str]) -> None:
        dev, facts = self.dev, self.dev.facts

        def acl_of(name: str | None) -> str | None:
            # IOS: an access-class / community ACL that does not exist permits all
            return name if name is not None and name in usable else None

        vty = [ln for ln in self.lines_cfg if ln.kind == "vty"]
        for ln in vty:
            allows = ln.transports if ln.transports is not None else {"telnet", "ssh"}
            if allows and (ln.acl is None or acl_of(ln.acl[0]) is None):
                facts["vty_without_access_class"].append(ln.src)
            if ln.no_login is not None and allows:
                facts["vty_no_login"].append(ln.no_login)
        for proto, port, insecure in (("telnet", 23, True), ("ssh", 22, False)):
            if not vty:
                # no `line vty` at all: IOS still has vty 0 4 with its defaults
                dev.services.append(MgmtService(proto, PROTO_TCP, (PortRange(port, port),),
                                                insecure=insecure, source=None))
                continue
            allowing = [ln for ln in vty if proto in (
                ln.transports if ln.transports is not None else {"telnet", "ssh"})]
            if not allowing:
                continue
            # never claim more restriction than exists: one ACL only if all agree
            names = {acl_of(ln.acl[0]) if ln.acl else None for ln in allowing}
            acl = next(iter(names)) if len(names) == 1 else None
            if len(names) > 1:
                self.rep.warnings.append(
                    f"vty lines differ in access-class for {proto}; treated as unrestricted")
            first = allowing[0]
            src = first.transport_src or first.src
            dev.services.append(MgmtService(proto, PROTO_TCP, (PortRange(port, port),),
                                            acl=acl, insecure=insecure, source=src))
            if proto == "telnet":
                facts["telnet_vty"] = src
        http_acl = acl_of(self.http["acl"][0]) if self.http["acl"] else None
        if self.http["http"] is not None:
            p = self.http["port"]
            dev.services.append(MgmtService("http", PROTO_TCP, (PortRange(p, p),),
                                            acl=http_acl, insecure=True,
                                            source=self.http["http"]))
        if self.http["https"] is not None:
            p = self.http["secure_port"]
            dev.services.append(MgmtService("https", PROTO_TCP, (PortRange(p, p),),
                                            acl=http_acl, source=self.http["https"]))
        facts["http_server"] = self.http["http"]
        facts["https_server"] = self.http["https"]
        if self.snmp:
            names = {acl_of(a) for a, _ in self.snmp}
            acl = next(iter(names)) if len(names) == 1 else None
            if len(names) > 1:
                self.rep.warnings.append(
                    "SNMP communities/users differ in ACL; treated as unrestricted")
            dev.services.append(MgmtService("snmp", PROTO_UDP, (PortRange(161, 161),),
                                            acl=acl, insecure=True, source=self.snmp[0][1]))
        if self.dhcp_pool is not None and self.service_dhcp:
            dev.services.append(MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),),
                                            source=self.dhcp_pool))
        if self.dns_server is not None:
            dev.services.append(MgmtService("dns", PROTO_UDP, (PortRange(53, 53),),
                                            source=self.dns_server))
        for name, proto, ports, src in self.small_servers:
            dev.services.append(MgmtService(name, proto,
                                            tuple(PortRange(p, p) for p in ports),
                                            insecure=True, source=src))
        # routers answer ping unless something above filters it
        dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8))


# =========================================================================== helpers


def _trunk_allowed(current: frozenset[int] | None, words: list[str]) -> frozenset[int] | None:
    """Apply one ``switchport trunk allowed vlan …`` line to the allowed set
    (``None`` = all).  Successive lines combine: add/remove/except/all/none."""
    op = words[0]
    if op == "all":
        return None
    if op == "none":
        return frozenset()
    if op in ("add", "remove", "except"):
        if len(words) < 2:
            raise _Unknown
        vlans = parse_vlan_list("".join(words[1:]))
    else:
        vlans = parse_vlan_list("".join(words))
        return None if vlans == ALL_VLANS else vlans
    if op == "add":
        result = None if current is None else current | vlans
    elif op == "remove":
        result = (ALL_VLANS if current is None else current) - vlans
    else:
        result = ALL_VLANS - vlans
    return None if result == ALL_VLANS else result


_RANGE_RE = re.compile(r"^(.*?)(\d+)\s*-\s*(\d+)$")


def _expand_range(spec: str) -> list[str]:
    """``GigabitEthernet1/0/1 - 24 , Gi1/0/30`` → individual interface names."""
    out: list[str] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        m = _RANGE_RE.match(part)
        if m and m.group(1).strip():
            lo, hi = int(m.group(2)), int(m.group(3))
            if hi < lo or hi - lo > 1024:
                return []
            out.extend(f"{m.group(1).strip()}{k}" for k in range(lo, hi + 1))
        else:
            out.append(part)
    return out


def _hostname_from_file(file: str) -> str:
    """``bbra_rtr_config.txt`` → ``bbra_rtr`` (configs without a hostname line)."""
    return hostname_from_file(file, (".txt", ".cfg", ".conf", ".log", ".ios"), repeat=True)


# =========================================================================== tables


P = _IosParser

TOP_TABLE = _table(
    ignored=TOP_IGNORED,
    handlers={
        "hostname": P.h_hostname, "version": P.h_version, "banner": P.h_banner,
        "service": P.h_service, "no service": P.h_service,
        "enable": P.h_enable, "username": P.h_username,
        "aaa": P.h_aaa, "no aaa": P.h_aaa,
        "cdp": P.h_cdp_lldp, "no cdp": P.h_cdp_lldp, "lldp": P.h_cdp_lldp,
        "no lldp": P.h_cdp_lldp, "logging": P.h_logging, "ntp": P.h_ntp,
        "ip source-route": P.h_source_route, "no ip source-route": P.h_source_route,
        "ip ssh": P.h_ip_ssh, "switch": P.h_switch,
        "zone security": P.h_zone, "zone-pair": P.h_zone,
        "interface": P.h_interface,
        "ip access-list": P.h_ip_access_list,
        "object-group": P.h_object_group,
        "vlan": P.h_vlan,
        "line": P.h_line,
        "router": P.h_router,
        "vrf definition": P.h_vrf_definition, "ip vrf": P.h_vrf_definition,
        "ip routing": P.h_ip_routing, "no ip routing": P.h_ip_routing,
        "ip default-gateway": P.h_default_gateway,
        "ip route": P.h_ip_route,
        "route-map": P.h_route_map,
        "ip http": P.h_ip_http, "no ip http": P.h_ip_http,
        "ip dns": P.h_ip_dns, "no ip dns": P.h_ip_dns,
        "ip dhcp": P.h_ip_dhcp,
        "snmp-server": P.h_snmp,
        "ip nat": P.h_ip_nat,
    },
)
IFACE_TABLE = _table(
    ignored=IFACE_IGNORED,
    partial=IFACE_PARTIAL,
    handlers={
        "description": P.if_description,
        "ip address": P.if_ip_address, "no ip address": P.if_no_ip_address,
        "ip unnumbered": P.if_unnumbered,
        "shutdown": P.if_shutdown, "no shutdown": P.if_shutdown,
        "ip access-group": P.if_access_group,
        "ip verify": P.if_verify, "ip policy": P.if_policy,
        "ip nat inside": P.if_nat, "ip nat outside": P.if_nat,
        "ip vrf": P.if_vrf, "vrf": P.if_vrf,
        "standby": P.if_standby, "vrrp": P.if_vrrp, "address": P.if_vrrp3_address,
        "switchport": P.if_switchport, "no switchport": P.if_no_switchport,
        "encapsulation": P.if_encapsulation,
        "channel-group": P.if_channel_group,
        "ip ospf": P.if_routing_protocol, "ipv6 ospf": P.if_routing_protocol,
        "ip eigrp": P.if_routing_protocol, "ip rip": P.if_routing_protocol,
        "ppp": P.if_secret_ignored,
        "ip authentication": P.if_secret_ignored,
    },
)

LINE_TABLE = _table(
    ignored=LINE_IGNORED,
    handlers={
        "transport input": P.line_transport,
        "access-class": P.line_access_class,
        "password": P.line_password,
        "no login": P.line_no_login,
    },
)

VLAN_TABLE = _table(ignored=VLAN_IGNORED, partial=VLAN_PARTIAL,
                    handlers={"name": P.vlan_name})

P.TOP_TABLE = TOP_TABLE

ROUTEMAP_TABLE = _table(
    ignored=["match", "set", "description", "continue", "exit"],
    handlers={"match ip": P.rm_match_ip},
)


class _OgTable(dict):
    """Dispatch table for object-group bodies: every line is an item."""

    def get(self, key, default=None):
        return P.og_item


OG_TABLE = _OgTable()

# Item parser per object-group kind (nxos-address / port: NX-OS `object-group ip …`).
_OG_ITEM = {"network": parse_network_item, "service": parse_service_item,
            "nxos-address": parse_nxos_address_item, "port": parse_port_item}


# =========================================================================== public API


_DETECT_WINDOW = 1 << 20   # markers are near the top; never scan 50 MB for them

_IOS_MARKERS = [
    (re.compile(r"^hostname \S+", re.M), 20),
    (re.compile(r"^interface (GigabitEthernet|FastEthernet|Ethernet|Vlan|Loopback|"
                r"TenGigabitEthernet|Serial|Port-channel|Tunnel|Dialer)", re.M), 25),
    (re.compile(r"^ip access-list (standard|extended) ", re.M), 25),
    (re.compile(r"^access-list \d+ (permit|deny|remark) ", re.M), 30),
    (re.compile(r"^version 1[0-7]\.\d", re.M), 30),
    (re.compile(r"^line vty ", re.M), 20),
    (re.compile(r"^!\s*$", re.M), 10),
    (re.compile(r"^ switchport", re.M), 15),
    (re.compile(r"^ ip address \d", re.M), 15),
    (re.compile(r"^boot-start-marker", re.M), 15),
    (re.compile(r"^service (timestamps|password-encryption)", re.M), 10),
    (re.compile(r"^ip route \d", re.M), 10),
    (re.compile(r"^end\s*$", re.M), 5),
]
_ASA = re.compile(r"^(ASA Version|PIX Version|: Saved|\s*nameif |\s*security-level \d)", re.M)
_NOT_IOS = [
    re.compile(r"^config (system|firewall|router)", re.M),        # FortiOS
    re.compile(r"^/(ip|interface|system|tool|routing) ", re.M),    # RouterOS
    re.compile(r"^set (system|interfaces|firewall|security) ", re.M),  # Junos set
    re.compile(r"^(system|interfaces|firewall|security) \{", re.M),    # Junos curly
]
_NXOS_EOS = re.compile(r"^(feature \S+|! device: .*EOS|management api)", re.M)


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a Cisco IOS/IOS-XE configuration."""
    head = text[:_DETECT_WINDOW]
    for rx in _NOT_IOS:
        if rx.search(head):
            return 0
    score = sum(points for rx, points in _IOS_MARKERS if rx.search(head))
    score = min(score, 98)
    if _ASA.search(head):
        return min(score, 15)          # let an ASA parser win
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
    return parse_without_gc(_IosParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the file was cut short (no final ``end`` after an export
    header, a banner never closed), else None (:mod:`netaudit.parsers.completeness`)."""
    from netaudit.parsers import completeness
    return completeness.ios(text, result.report.warnings)

