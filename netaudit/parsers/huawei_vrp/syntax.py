"""Huawei VRP keyword tables and pure syntax helpers (no parser state).

The dispatch tables themselves (keywords → handlers) are built in :mod:`.parser` from
these lists; a keyword listed here is understood.  Keys are space-separated lower-case
keyword prefixes (one to three words).  An ``undo`` form of anything listed (or handled)
is understood as "back to the default" and ignored unless it has its own handler
(:attr:`netaudit.parsers.base.LineParser.NEGATION`).  Why each entry is safe to ignore,
or partial, is said beside it and in docs/vendors/huawei_vrp.md.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import IfKind, PortRange
from netaudit.parsers.base import Unknown, hostname_from_file

# Global commands understood and irrelevant to forwarding and to who reaches the device
# (an indented body under one of them is ignored too; secrets in it are still collected).
TOP_IGNORED = [
    "clock",  # time zone
    "stp",  # spanning tree: loop prevention, not reachability
    "lldp",
    "ntp-service",  # time client/server settings; the NTP service is not modelled (docs)
    "ntp",  # the same on CloudEngine releases
    "device",  # device board / transceiver types (CloudEngine)
    "dot1x",  # NAC globally on (who may use a port, not where it leads)
    "radius",
    "hwtacacs",  # HWTACACS templates (their shared keys are secrets)
    "info-center",  # logging
    "drop",  # drop illegal-mac alarm
    "drop-profile",
    "diffserv",  # QoS marking domains
    "authentication-profile",  # NAC profiles (not applied: see the interface table)
    "portal-access-profile",
    "dot1x-access-profile",
    "mac-access-profile",
    "radius-server",  # RADIUS templates (their shared keys are secrets)
    "hwtacacs-server",
    "domain",  # AAA domain selection
    "cpu-defend",  # CPU protection policies (rate limits)
    "cpu-defend-policy",
    "set",  # set save-configuration, set transceiver …
    "header",  # login banners
    "ssh",  # ssh client/server algorithms, ssh user … (users read in management.py)
    "sftp",  # the SFTP subsystem of STelnet (SSH, tcp/22)
    "scp",
    "local-aaa-server",
    "capwap",  # AP control tunnels (the APs are not in the snapshot)
    "l2tp domain",  # how an L2TP user name is split (no tunnel without an l2tp-group)
    "firewall defend",  # AR attack defence (land, smurf …): drops malformed packets only
    "ip ttl-expires",
    "ip icmp",
    "ip ip-prefix",  # prefix lists: route filtering of dynamic protocols
    "ip community-filter",
    "ip as-path-filter",
    "route-policy",
    "dhcp snooping",  # DHCP snooping: protection against rogue servers
    "dhcp server",  # options of the DHCP server (the server itself: `dhcp enable`)
    "arp",  # ARP anti-attack, static ARP entries
    "mac-address",
    "port-group",  # port groups: `display current-configuration` also writes each member's lines
    "license",
    "cluster",  # HGMP cluster: the commander manages members through its own login
    "ntdp",  # HGMP topology discovery
    "ndp",
    "router id",  # the router ID dynamic protocols take (they are partial where they matter)
    "ops",  # the open programmability system (on-box scripts): not a forwarding setting
    "remote-unit",  # S-series SVF remote-unit settings (the units are not in the snapshot)
    "hrp",  # USG hot standby (HRP): pairs two firewalls; each one's policy is its own
    "time-range",  # its definition; a rule using it is partial (acls.py)
    "board",  # board add 0/1 1WLAN: a card in a slot
    "dialer-rule",  # which packets bring a dial-on-demand link up (PPPoE stays up)
    "switch",  # stack settings
    "stack",
    "smart-upgrade",
    "autostart",  # AR factory lines: on-box automation, security logs, the management channel
    "secelog",
    "ms-channel",
    "fib regularly-refresh",  # how often the FIB is re-synchronized
    "error-down",  # when an error-down port comes back up (link flaps, storms)
    "configuration file auto-save",  # saving the configuration (V600)
    "configuration current backup-to-file",
    "as-auth",  # SVF: how parent and client switches authenticate each other
    "warranty",  # the warranty record of a V600 switch
    "ztp",  # zero-touch provisioning server
    "load-balance",  # Eth-Trunk hashing
    "easy-operation",
    "patch",
    "http timeout",
    "vlan pool",
    "storm-control",
    "sflow",
    "netstream",
    "ip netstream",
    "multicast",
    "igmp-snooping",
    "qos",  # queue scheduling
    "traffic-policy statistics",
    "assign",
    "dns resolve",  # the device's own resolver (client side)
    "dns domain",
    "dns server",
    "ip host",
    "efm",
    "cfm",
    "bfd",  # BFD sessions; a route bound to one is handled where it is read
    "nqa",  # NQA probes; a route tracking one is handled where it is read
    "track",
    "ipv6",  # IPv6 is not modelled (docs/semantics.md)
    "web",  # Portal web pages
    "portal",
    "voice-vlan",
    "anti-attack",
    "icmp",
    "urpf",
    "telnet client-source",
    "ssl",
    "pki",  # certificates (key material is read as data by the base)
    "rsa",
    "dsa",
    "ecc",
    "sm2",
    "user-bind",
    "user-group",
    "free-rule-template",
    "ip source",
    "acl ipv6",  # IPv6 ACLs (IPv6 is not modelled)
    "return",
    "quit",
    "system-view",
    "commit",
    "port split",  # CloudEngine: a 100GE port split into 4 x 25GE (the ports are listed)
    "port mode",  # CloudEngine: the speed mode of a group of ports (`port mode 100GE interface …`)
    "dcb",  # data-centre bridging (PFC, ETS): lossless queues, not reachability
    "vm-manager",  # CloudEngine VM awareness (moves a VM's port profile with it)
    "language",  # the character set of the CLI
    "access-user",  # NAC access-user limits (who may use a port, not where it leads)
    "authentication unified-mode",  # NAC configuration mode (unified or common): the same
    "apn",  # the APN a 3G/4G Cellular interface dials
]

# Global commands that change forwarding or who reaches the device in a way the model does
# not capture: counted and shown, their effect left uncertain.  The reasons are catalogue
# texts (a report words them in its language); one shared by several tables is one text.
_PBR = Text("input.vrp.pbr")
_MPLS = Text("input.vrp.mpls")
_VLAN_MAPPING = Text("input.vrp.vlan_mapping")
_MUX_VLAN = Text("input.vrp.mux_vlan")
TOP_PARTIAL = {
    "firewall interzone": Text("input.vrp.firewall_interzone"),
    "firewall packet-filter": Text("input.vrp.firewall_default"),
    "policy-based-route": _PBR,
    "ip policy-based-route": _PBR,
    "mpls": _MPLS,
    "vsi": Text("input.vrp.vsi"),
    "l2tp-group": Text("input.vrp.l2tp_group"),
    "ipsec": Text("input.vrp.ipsec"),
    "ike": Text("input.vrp.ike"),
    "super-vlan": Text("input.vrp.super_vlans"),
    "mux-vlan": Text("input.vrp.mux_vlans"),
    "vlan-mapping": _VLAN_MAPPING,
}

IFACE_IGNORED = [
    "negotiation",
    "speed",
    "duplex",
    "mtu",
    "jumboframe",
    "stp",
    "lldp",
    "loopback-detect",
    "flow-control",
    "combo-port",
    "poe",
    "trust",  # QoS priority trust
    "qos",
    "storm-control",
    "device",  # device transceiver (CloudEngine)
    "broadcast-suppression",
    "multicast-suppression",
    "unicast-suppression",
    "dhcp snooping",
    "arp",  # arp broadcast enable (dot1q sub-interfaces: assumed on, docs), anti-attack
    "arp-proxy",
    "ip netstream",
    "ip accounting",  # counts the packets in and out (ip accounting input-packets)
    "sflow",
    "port-isolate",  # isolates ports of one VLAN from each other on this switch only
    "mac-address",
    "mac-limit",
    "port-security",
    "trap-threshold",
    "set flow-stat",
    "statistic",
    "traffic-policy statistics",
    "ospf",  # per-interface OSPF settings (the process is read globally)
    "rip",
    "isis",
    "pim",
    "igmp",
    "ipv6",  # IPv6 is not modelled
    "voice-vlan",
    "lacp",
    "mode",  # Eth-Trunk mode lacp-static / manual load-balance
    "load-balance",
    "max active-linknumber",
    "least active-linknumber",
    "bpdu",
    "carrier",
    "port-mirroring",
    "dhcp select relay",
    "dhcp relay",  # a relay forwards DHCP to a server; the gateway's own service is `dhcp select`
    "dhcp server",  # options of an interface pool
    "dhcp client",
    "ppp",  # PPP authentication (its passwords are secrets)
    "link-protocol",
    "baudrate",
    "clock",
    "nat static enable",
    "authentication-profile",  # NAC on the port: who may use it, not where it goes
    "dot1x",
    "mac-authen",
    "user-isolate",
    "tcp adjust-mss",
    "port-description",
    "alias",
    "local-proxy-arp",
    "ntp-service",
    "hwtacacs",
    "efm",
    "cfm",
    "loopback",
    "energy-efficient-ethernet",
    "port crc-statistics",
    "port media",
    "port-type",
    "port mode",
    "set",
    "gvrp",
    "bandwidth",
    "delay",
    "ip mtu",
    "lacp priority",
    "voice",
    "undo enable",
    "ntdp",  # HGMP discovery on the port (`undo ntdp enable`), as `ndp`
    "ndp",
    "l2protocol-tunnel",  # carries STP/LLDP frames transparently: no IP forwarding of its own
    "netstream",  # flow sampling (CloudEngine form of `ip netstream`)
    "stack-port",  # the port is a stack link between member switches, no data port
    "apn-profile",  # the APN a Cellular interface dials, its modem's recovery, its SIM PIN
    "modem",
    "pin",
]

_ZONE_MEMBER = Text("input.vrp.zone_member")
_PROTOCOL_VLAN = Text("input.vrp.protocol_vlan")
_TUNNEL = Text("input.vrp.tunnel_far_side")
IFACE_PARTIAL = {
    "qinq": Text("input.vrp.qinq"),
    "port vlan-stacking": Text("input.vrp.vlan_stacking"),
    "port vlan-mapping": _VLAN_MAPPING,
    "qinq termination": Text("input.vrp.qinq_termination"),
    "ip policy-based-route": _PBR,
    "mpls": _MPLS,
    "ipsec policy": Text("input.vrp.ipsec_policy_iface"),
    # a Tunnel interface's encapsulation and end points (AR GRE, GRE over IPsec)
    "tunnel-protocol": _TUNNEL,
    "source": _TUNNEL,
    "destination": _TUNNEL,
    "gre key": _TUNNEL,
    "ipsec profile": _TUNNEL,
    "l2 binding vsi": Text("input.vrp.vsi_binding"),
    "mux-vlan": _MUX_VLAN,
    "firewall zone": _ZONE_MEMBER,
    "zone": _ZONE_MEMBER,
    "service-manage": Text("input.vrp.service_manage"),  # USG
    "mac-vlan": Text("input.vrp.mac_vlan"),
    "ip-subnet-vlan": Text("input.vrp.subnet_vlan"),
    "protocol-vlan": _PROTOCOL_VLAN,
    "port protocol-vlan": _PROTOCOL_VLAN,
    "ip unnumbered": Text("input.vrp.ip_unnumbered"),
    "ppp ipcp": Text("input.vrp.ppp_ipcp"),
}

VLAN_IGNORED = ["name", "description", "mac-address", "igmp-snooping", "statistic", "multicast", "dhcp snooping"]
_SUPER_VLAN = Text("input.vrp.super_vlan")
VLAN_PARTIAL = {
    "aggregate-vlan": _SUPER_VLAN,
    "access-vlan": _SUPER_VLAN,
    "mux-vlan": _MUX_VLAN,
    "subordinate": _MUX_VLAN,
}

UI_IGNORED = [
    "user privilege",
    "idle-timeout",
    "screen-length",
    "history-command",
    "shell",
    "set authentication",
    "user-interface",
    "speed",
    "parity",
    "stopbits",
    "databits",
    "flow-control",
    "terminal",
    "auto-execute",
    "capture-buffer",
]

# Words after which the next token (or the one after `cipher`/`simple`/`irreversible-cipher`)
# is a secret (docs/limits.md, "Secrets").
SECRET_WORDS = frozenset(
    {
        "cipher",
        "irreversible-cipher",
        "simple",
        "password",
        "pre-shared-key",
        "shared-key",
        "pass-phrase",
        "authentication-key",
        "community",
        "key",
        "wep-key",
        "psk",
        "authentication-password",
        "privacy-password",
        "auth-key",
        "secret",
    }
)
# Words never taken for a secret value (what follows a secret word in some grammars).
NOT_SECRETS = frozenset(
    {
        "cipher",
        "simple",
        "irreversible-cipher",
        "read",
        "write",
        "level",
        "acl",
        "mib-view",
        "plain",
        "aes",
        "tkip",
        "hex",
        "ascii",
        "pass-phrase",
        "md5",
        "sha",
        "sha2-256",
        "hmac-sha256",
        "des56",
        "aes128",
        "3des",
        "password",
        "key",
        "authentication-mode",
        "privilege",
        "service-type",
        "ftp-directory",
        "state",
        "block",
        "active",
        "expire-date",
        "complexity-check",
        "alert",
        "wpa",
        "wpa2",
        "wpa-wpa2",
        "wep",
        "open",
        "share-key",
        "wep-key",
        "default",
        "key-id",
        "index",
        "keychain",
        "enable",
        "disable",
    }
)


def secret_after(tokens: list[str], i: int) -> str | None:
    """The secret value announced by ``tokens[i]`` (a :data:`SECRET_WORDS` word): the
    next token, past ``cipher`` / ``simple`` / ``irreversible-cipher`` / ``read`` /
    ``write`` and key-format words."""
    j = i + 1
    while j < len(tokens) and tokens[j].lower() in NOT_SECRETS:
        j += 1
    return tokens[j] if j < len(tokens) else None


# --------------------------------------------------------------------------- ports, protocols

TCP_PORTS: dict[str, int] = {
    "bgp": 179,
    "chargen": 19,
    "cmd": 514,
    "daytime": 13,
    "discard": 9,
    "domain": 53,
    "echo": 7,
    "exec": 512,
    "finger": 79,
    "ftp": 21,
    "ftp-data": 20,
    "gopher": 70,
    "hostname": 101,
    "irc": 194,
    "klogin": 543,
    "kshell": 544,
    "login": 513,
    "lpd": 515,
    "nntp": 119,
    "pop2": 109,
    "pop3": 110,
    "smtp": 25,
    "sunrpc": 111,
    "tacacs": 49,
    "talk": 517,
    "telnet": 23,
    "time": 37,
    "uucp": 540,
    "whois": 43,
    "www": 80,
}
UDP_PORTS: dict[str, int] = {
    "biff": 512,
    "bootpc": 68,
    "bootps": 67,
    "discard": 9,
    "dns": 53,
    "dnsix": 90,
    "echo": 7,
    "mobilip-ag": 434,
    "mobilip-mn": 435,
    "nameserver": 42,
    "netbios-dgm": 138,
    "netbios-ns": 137,
    "netbios-ssn": 139,
    "ntp": 123,
    "rip": 520,
    "snmp": 161,
    "snmptrap": 162,
    "sunrpc": 111,
    "syslog": 514,
    "tacacs-ds": 65,
    "talk": 517,
    "tftp": 69,
    "time": 37,
    "who": 513,
    "xdmcp": 177,
}
PROTOCOLS: dict[str, int | None] = {
    "ip": None,
    "icmp": 1,
    "igmp": 2,
    "ipinip": 4,
    "tcp": 6,
    "udp": 17,
    "gre": 47,
    "ospf": 89,
}
# ICMP names VRP writes (`icmp-type echo`) → (type, code or None).
ICMP_TYPES: dict[str, tuple[int, int | None]] = {
    "echo-reply": (0, 0),
    "net-unreachable": (3, 0),
    "host-unreachable": (3, 1),
    "protocol-unreachable": (3, 2),
    "port-unreachable": (3, 3),
    "fragmentneed-dfset": (3, 4),
    "source-route-failed": (3, 5),
    "net-unknown": (3, 6),
    "host-unknown": (3, 7),
    "host-isolated": (3, 8),
    "net-prohibited": (3, 9),
    "host-prohibited": (3, 10),
    "net-tos-unreachable": (3, 11),
    "host-tos-unreachable": (3, 12),
    "source-quench": (4, 0),
    "net-redirect": (5, 0),
    "host-redirect": (5, 1),
    "net-tos-redirect": (5, 2),
    "host-tos-redirect": (5, 3),
    "echo": (8, 0),
    "router-advertisement": (9, 0),
    "router-solicitation": (10, 0),
    "ttl-exceeded": (11, 0),
    "reassembly-timeout": (11, 1),
    "parameter-problem": (12, 0),
    "timestamp-request": (13, 0),
    "timestamp-reply": (14, 0),
    "information-request": (15, 0),
    "information-reply": (16, 0),
    "address-mask-request": (17, 0),
    "address-mask-reply": (18, 0),
}


def port_number(token: str, protocol: int | None) -> int | None:
    """A port name or number for ``protocol`` (6 TCP, 17 UDP)."""
    if token.isdecimal():
        value = int(token)
        return value if value <= 65535 else None
    names = TCP_PORTS if protocol == 6 else UDP_PORTS if protocol == 17 else {}
    return names.get(token.lower())


def port_op(tokens: list[str], i: int, protocol: int | None) -> tuple[tuple[PortRange, ...], int]:
    """``eq P`` / ``lt P`` / ``gt P`` / ``range A B`` at ``tokens[i]`` → (ranges, next index).
    VRP's ``lt``/``gt`` are strict (``lt 1024``: 0-1023).  Raises :class:`Unknown`."""
    if i >= len(tokens):
        raise Unknown
    op = tokens[i].lower()
    if op == "range" and i + 2 < len(tokens):
        lo, hi = port_number(tokens[i + 1], protocol), port_number(tokens[i + 2], protocol)
        if lo is None or hi is None or lo > hi:
            raise Unknown
        return (PortRange(lo, hi),), i + 3
    if op in ("eq", "lt", "gt") and i + 1 < len(tokens):
        p = port_number(tokens[i + 1], protocol)
        if p is None:
            raise Unknown
        if op == "eq":
            return (PortRange(p, p),), i + 2
        if op == "lt":
            return ((PortRange(0, p - 1),) if p > 0 else ()), i + 2
        return ((PortRange(p + 1, 65535),) if p < 65535 else ()), i + 2
    raise Unknown


# --------------------------------------------------------------------------- VLANs


def vlan_list(words: list[str]) -> frozenset[int]:
    """``10 20 30 to 40`` (VRP's VLAN lists: `vlan batch`, `allow-pass vlan`, hybrid
    lists) → the set; ``all`` → 1-4094.  Raises :class:`Unknown` on bad syntax."""
    out: set[int] = set()
    i = 0
    if [w.lower() for w in words] == ["all"]:
        return frozenset(range(1, 4095))
    while i < len(words):
        if not words[i].isdecimal():
            raise Unknown
        lo = hi = int(words[i])
        if i + 2 < len(words) and words[i + 1].lower() == "to" and words[i + 2].isdecimal():
            hi = int(words[i + 2])
            i += 3
        else:
            i += 1
        if not 1 <= lo <= hi <= 4094:
            raise Unknown
        out.update(range(lo, hi + 1))
    if not out:
        raise Unknown
    return frozenset(out)


# --------------------------------------------------------------------------- interfaces

# Interface name prefixes as VRP writes them, with the abbreviations a technician types in
# a hand-made file (`interface Vlanif 10`, `GE0/0/1`), longest first.
_IF_PREFIXES = (
    ("xgigabitethernet", "XGigabitEthernet"),
    ("gigabitethernet", "GigabitEthernet"),
    ("multige", "MultiGE"),
    ("ethernet", "Ethernet"),
    ("eth-trunk", "Eth-Trunk"),
    ("vlanif", "Vlanif"),
    ("loopback", "LoopBack"),
    ("null", "NULL"),
    ("dialer", "Dialer"),
    ("cellular", "Cellular"),
    ("tunnel", "Tunnel"),
    ("meth", "MEth"),
    ("virtual-template", "Virtual-Template"),
    ("virtual-ethernet", "Virtual-Ethernet"),
    ("serial", "Serial"),
    ("wlan-radio", "Wlan-Radio"),
    ("wlan-bss", "Wlan-Bss"),
    ("atm", "Atm"),
    ("xge", "XGigabitEthernet"),
    ("ge", "GigabitEthernet"),
    ("eth", "Ethernet"),
)
_IF_NAME = re.compile(r"^([A-Za-z][A-Za-z-]*?)\s*(\d[\d/.:]*)$")
# `10GE1/0/1`, `25GE…`, `40GE…`, `100GE…`: the speed is part of the name.
_SPEED_NAME = re.compile(r"^(\d+GE)\s*(\d[\d/.:]*)$", re.I)


def is_ifname(name: str) -> bool:
    """Whether a canonical name is an interface's: a word then a number, or a CloudEngine
    port named by its speed (``10GE1/0/1``)."""
    return bool(name) and (name[0].isalpha() or bool(_SPEED_NAME.match(name)))


def canonical_ifname(name: str) -> str:
    """``GE0/0/1`` / ``gigabitethernet 0/0/1`` → ``GigabitEthernet0/0/1``; ``Vlanif 10``
    → ``Vlanif10``; a name not recognized is kept as written (without spaces)."""
    name = name.strip()
    m = _SPEED_NAME.match(name)
    if m:
        return m.group(1).upper() + m.group(2)
    m = _IF_NAME.match(name)
    if not m:
        return "".join(name.split())
    prefix, number = m.group(1).lower(), m.group(2)
    for low, canon in _IF_PREFIXES:
        if prefix == low:
            return canon + number
    return m.group(1) + number


KIND_BY_PREFIX = (
    ("Vlanif", IfKind.SVI),
    ("LoopBack", IfKind.LOOPBACK),
    ("Eth-Trunk", IfKind.PORT_CHANNEL),
    ("Tunnel", IfKind.TUNNEL),
    ("NULL", IfKind.NULL),
    ("Dialer", IfKind.OTHER),
    ("Virtual-Template", IfKind.OTHER),
)
ETHERNET_PREFIXES = ("GigabitEthernet", "XGigabitEthernet", "Ethernet", "MultiGE", "Eth-Trunk")


def interface_kind(name: str) -> IfKind:
    """The kind of an interface from its canonical name."""
    if "." in name and not name.startswith(("Vlanif", "LoopBack")):
        return IfKind.SUBINTERFACE
    for prefix, kind in KIND_BY_PREFIX:
        if name.startswith(prefix):
            return kind
    return IfKind.PHYSICAL


def ethernet_like(name: str) -> bool:
    """A switch-capable Ethernet port (or bundle): may be an L2 port."""
    return name.startswith(ETHERNET_PREFIXES) or bool(_SPEED_NAME.match(name))


def hostname_of_file(file: str) -> str:
    """``vrpcfg.cfg`` and friends → a hostname when the file has no ``sysname``."""
    return hostname_from_file(file, (".cfg", ".txt", ".conf", ".log", ".zip"), repeat=True)
