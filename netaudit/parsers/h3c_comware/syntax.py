"""H3C Comware keyword tables and pure syntax helpers (no parser state).

The dispatch tables themselves are built in :mod:`.parser` from these lists; a keyword
listed here is understood.  Keys are space-separated lower-case keyword prefixes (one to
three words); an ``undo`` form of anything listed is "back to the default" and ignored
unless it has its own handler.  Why each entry is safe to ignore, or partial, is said
beside it and in docs/vendors/h3c_comware.md.  Port and protocol names, ICMP type names
and VLAN lists are VRP's (:mod:`netaudit.parsers.huawei_vrp.syntax`): the same words in
Comware's ACL and VLAN commands.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import IfKind
from netaudit.parsers.base import hostname_from_file

# Global commands understood and irrelevant to forwarding and to who reaches the device
# (an indented body under one of them is ignored too; secrets in it are still collected).
TOP_IGNORED = [
    "clock",  # time zone, time protocol
    "stp",  # spanning tree: loop prevention, not reachability
    "lldp",
    "ntp-service",  # NTP client/server settings (the NTP service is not modelled)
    "info-center",  # logging
    "undo info-center",
    "dhcp snooping",  # protection against rogue DHCP servers
    "dhcp server",  # DHCP server pools and options (the service: `dhcp enable` + pools)
    "dhcp relay",
    "dhcp-snooping",
    "arp",  # ARP anti-attack, static entries
    "mac-address",
    "password-recovery",  # whether the console may skip the startup configuration
    "password-control",  # password length, aging, login attempts: settings, no secret
    "undo password-control",
    "system-working-mode",
    "usb",
    "role",  # user roles (RBAC): which commands a logged-in user may run
    "user-group",
    "domain",  # AAA domains (`domain system`, `domain default enable system`)
    "radius",  # RADIUS schemes (their shared keys are secrets)
    "hwtacacs",
    "radius-server",
    "public-key",  # SSH host / peer keys (key material is data)
    "pki",
    "ssl",
    "header",  # login banners (their text: see parser.prepare)
    "ssh client",
    "ssh user",  # SSH users: which authentication method a user logs in with
    "sftp",  # the SFTP server runs inside the SSH server (same port)
    "scp",
    "scheduler",  # scheduled jobs: their commands run later, not configuration now
    "cfd",
    "bfd",
    "track",  # probes; a static route bound to one is read where it is
    "nqa",
    "performance-management",
    "security-enhanced",  # `security-enhanced level 1`: password and protocol hardening level
    "web",  # web interface settings (idle timeout, captcha, menus); the server is `ip http|https`
    "url-filter",  # DPI URL categories: used only through a policy (not modelled)
    "dac",  # `undo dac log-collect service …`: data analysis log collection
    "cloud-management",  # `cloud-management server domain X`: an outbound link to H3C's cloud, no listener
    "resource-monitor",
    "undo resource-monitor",
    "tcp",  # tcp syn-cookie, timers
    "icmp",
    "ip ttl-expires",
    "ip unreachables",
    "ip load-sharing",
    "ip prefix-list",  # route filtering of dynamic protocols
    "ip ip-prefix",
    "route-policy",
    "time-range",  # its definition; a rule using it is partial (acls.py)
    "irf",  # IRF stacking: members and links of one logical device
    "fan",  # `fan prefer-direction slot 1 port-to-power`: airflow (hardware)
    "irf-port",
    "mad",
    "switch-mode",
    "load-balance",
    "link-aggregation",  # LACP globals (load sharing), not membership
    "qos",
    "traffic behavior",  # QoS objects (`qos apply policy` on an interface is partial)
    "traffic classifier",
    "qos policy",
    "sflow",
    "netstream",
    "ip netstream",
    "multicast",
    "igmp-snooping",
    "voice-vlan",
    "port-security",  # which MAC addresses may use a port, not where they go
    "dot1x",  # NAC: who may use a port, not where it leads
    "mac-authentication",
    "portal",
    "ipv6",  # IPv6 is not modelled (docs/semantics.md)
    "acl ipv6",  # IPv6 ACLs (IPv6 is not modelled)
    "dns",  # the device's own resolver (client side)
    "ip host",
    "return",
    "quit",
    "system-view",
    "save",
    "cwmp",  # the TR-069 client (calls out to an ACS; no listening service here)
    "undo cwmp",
    "wlan global-configuration",
    "wlan auto-ap",
    "controller",  # `controller Cellular0/0`: the modem card (its interface is read)
    "job",
    "ip vpn-instance",  # read by its own handler; listed so that `undo` is understood
    "loopback-detection",
    "storm-constrain",
    "ip source",
    "snmp-agent trap",
    "local-user-export",
    "license",
    "ifmonitor",  # interface error-counter alarms
    "dialer-group",  # which packets bring a dial-on-demand link up (`dialer-group 1 rule ip permit`)
    "copyright-info",
    "lacp",
    "password-control super",
    "super",  # `super password role R hash …`: the password to raise a session's role (a secret)
    "burst-mode",
    "bpdu",
    "gvrp",
    "mirroring-group",  # port mirroring: copies, does not forward
    "aaa",
    "undo ip redirects",
    "ip redirects",
    "telnet client",
    "telnet client source",
    "ssh server authentication-retries",
    "ssh server rekey-interval",
    "ssh server compatible-ssh1x",
    "ssh server authentication-timeout",
    "ssh server dscp",
    "ssh server ipv6",
]

# Global commands that change forwarding or who reaches the device in a way the model
# does not capture: counted and shown, their effect left uncertain.
_PBR = Text("input.comware.pbr")
_DPI = Text("input.comware.dpi")
TOP_PARTIAL = {
    "policy-based-route": _PBR,
    "mpls": Text("input.comware.mpls"),
    "ipsec": Text("input.comware.ipsec"),
    "ike": Text("input.comware.ike"),
    "l2tp-group": Text("input.comware.l2tp"),
    "l2tp": Text("input.comware.l2tp"),
    "aspf": Text("input.comware.aspf"),
    "nat static": Text("input.comware.nat_static"),
    "nat policy": Text("input.comware.nat_policy"),
    "nat global-policy": Text("input.comware.nat_policy"),
    "nat hairpin": Text("input.comware.nat_policy"),
    "app-profile": _DPI,
    "inspect": _DPI,
    "ips": _DPI,
    "super-vlan": Text("input.comware.super_vlan"),
    "vlan-mapping": Text("input.comware.vlan_mapping"),
    "vxlan": Text("input.comware.vxlan"),
    "vsi": Text("input.comware.vxlan"),
    "portal-free": Text("input.comware.portal"),
    "port-isolate": Text("input.comware.port_isolate"),
    # AP groups and service templates: which VLAN each SSID's clients land in, on APs the
    # snapshot does not hold (`wlan global-configuration` is ignored: no mapping)
    "wlan": Text("input.comware.wlan"),
}

IFACE_IGNORED = [
    "speed",
    "duplex",
    "mtu",
    "jumboframe",
    "stp",
    "lldp",
    "flow-control",
    "combo",
    "poe",
    "qos trust",  # QoS priority trust
    "qos lr",  # rate limiting and shaping of the interface: how fast, not where
    "qos gts",
    "qos car",
    "qos reserved-bandwidth",
    "qos max-bandwidth",
    "qos priority",
    "broadcast-suppression",
    "multicast-suppression",
    "unicast-suppression",
    "storm-constrain",
    "dhcp snooping",
    "dhcp client",
    "dhcp client-detect",  # the DHCP server notices clients that left
    "dhcp server apply",  # which pool answers here (the service: management.py)
    "dhcp select",
    "dhcp relay",
    "arp",
    "ip netstream",
    "sflow",
    "port-security",
    "mac-address",
    "tcp mss",
    "ip mtu",
    "ipv6",  # IPv6 is not modelled
    "ospf",  # per-interface OSPF settings (the process is read globally)
    "rip",
    "isis",
    "pim",
    "igmp",
    "voice-vlan",
    "lacp",
    "link-aggregation mode",
    "link-aggregation selected-port",
    "loopback-detection",
    "bpdu",
    "bandwidth",
    "timer-hold",
    "timer",
    "ppp",  # PPP authentication (its passwords are secrets)
    "link-protocol",
    "baudrate",
    "dot1x",  # NAC on the port: who may use it, not where it goes
    "mac-authentication",
    "port-isolate",  # isolates ports of one isolation group on this switch only
    "gvrp",
    "jumbo",
    "dialer timer",
    "dialer-group",
    "dialer bundle",
    "dialer circular-group",
    "undo dialer",
    "cellular",
    "modem",
    "sim",
    "pin",
    "mode",
    "enable snmp trap",
    "snmp-agent trap",
    "undo enable",
    "eee",
    "energy-efficient-ethernet",
    "port auto-power-down",
    "negotiation",
    "virtual-cable-test",
    "service",  # VLAN interface `service` options (management-only VLAN on some releases)
    "alias",
    "port media-type",
    "port-type",
    "dldp",
    "ndp",
    "ntdp",
    "nat hairpin",  # `nat hairpin enable`: lets inside hosts reach a nat server by its public address
]

_ZONE_MEMBER = Text("input.comware.zone_member")
IFACE_PARTIAL = {
    "qinq": Text("input.comware.qinq"),
    "vlan-mapping": Text("input.comware.vlan_mapping"),
    "ip policy-based-route": _PBR,
    "mpls": Text("input.comware.mpls"),
    "ipsec apply": Text("input.comware.ipsec"),
    "qos apply policy": Text("input.comware.qos_policy"),
    "aspf apply": Text("input.comware.aspf"),
    "firewall": Text("input.comware.v5_firewall"),  # V5 `firewall packet-filter 3000 inbound`
    "zone": _ZONE_MEMBER,
    "source": Text("input.comware.tunnel"),  # a Tunnel interface's end points
    "destination": Text("input.comware.tunnel"),
    "tunnel-protocol": Text("input.comware.tunnel"),
    "ip unnumbered": Text("input.comware.unnumbered"),
    "port hybrid protocol-vlan": Text("input.comware.protocol_vlan"),
    "port hybrid ip-subnet-vlan": Text("input.comware.protocol_vlan"),
    "mac-vlan": Text("input.comware.protocol_vlan"),
    "nat static": Text("input.comware.nat_static"),
    "nat outbound static": Text("input.comware.nat_static"),
    "portal": Text("input.comware.portal"),
    "manage": Text("input.comware.manage"),  # SecPath: which admin services an interface answers
    "port bridge enable": Text("input.comware.port_bridge"),
}

VLAN_IGNORED = ["name", "description", "igmp-snooping", "mac-address", "dhcp snooping", "statistics"]
VLAN_PARTIAL = {
    "supervlan": Text("input.comware.super_vlan"),
    "subvlan": Text("input.comware.super_vlan"),
    "private-vlan": Text("input.comware.private_vlan"),
    "ip-subnet-vlan": Text("input.comware.protocol_vlan"),
    "protocol-vlan": Text("input.comware.protocol_vlan"),
}

LINE_IGNORED = [
    "user-role",
    "idle-timeout",
    "screen-length",
    "history-command",
    "shell",
    "set authentication",  # the line password (a secret: collected)
    "speed",
    "parity",
    "stopbits",
    "databits",
    "flow-control",
    "terminal",
    "auto-execute",
    "user privilege",
    "activation-key",
    "escape-key",
    "command",  # command authorization / accounting
    "set",
    "undo",
]

# Words after which a secret value follows (docs/limits.md, "Secrets"): the value after
# `cipher` / `simple` / `hash` is the secret; after the others, the next word unless it is
# one of :data:`NOT_SECRETS` (then the cipher word that follows it names it).
# `plain`: V7's plaintext form of a routing protocol's or VRRP's key (`ospf authentication-mode
# md5 1 plain X`, `vrrp vrid 1 authentication-mode simple plain X`).
VALUE_WORDS = frozenset({"cipher", "simple", "hash", "irreversible-cipher", "plain"})
SECRET_WORDS = frozenset(
    {
        *VALUE_WORDS,
        "password",
        "community",
        "key",
        "pre-shared-key",
        "preshared-key",
        "shared-key",
        "pass-phrase",
        "authentication-key",
        "psk",
        "secret",
        "authentication-mode",  # SNMPv3 users: `authentication-mode sha X privacy-mode aes128 Y`
        "privacy-mode",
        "securityname",  # `snmp-agent target-host … params securityname X`: v1/v2c, the community
    }
)
# The algorithms after an SNMPv3 user's `authentication-mode` / `privacy-mode`: its secret
# follows them.
_USM_ALGORITHMS = frozenset(
    {"md5", "sha", "sha224", "sha256", "sha384", "sha512", "aes128", "aes192", "aes256", "des56", "3des"}
)
NOT_SECRETS = frozenset(
    {
        *VALUE_WORDS,
        "read",
        "write",
        "role",
        "level",
        "authentication",
        "accounting",
        "authorization",
        "raw-key",
        "pass-phrase",
        "password",
        "key",
        "mib-view",
        "acl",
        "simple",
        "md5",
        "sha",
        "aes128",
        "des56",
        "3des",
        "hex",
        "ascii",
        "default",
        "enable",
        "disable",
        "policy",
        "control",
        "keychain",
        "mode",
        "id",
        "address",  # `pre-shared-key address A M key cipher X`
        "hostname",
        "authentication-mode",
        "privacy-mode",
        "rfc2453",  # `rip authentication-mode md5 rfc2453 plain X`
        "rfc2082",
    }
)


def _value_word(word: str) -> bool:
    """``cipher`` / ``simple`` / ``hash``, or what a technician types for them: the CLI
    takes an unambiguous beginning (``password sim X`` in a hand-made file)."""
    return word in VALUE_WORDS or (len(word) >= 2 and any(v.startswith(word) for v in ("cipher", "simple", "hash")))


def secret_values(tokens: list[str], low: list[str]) -> list[str]:
    """The secret values of one line: the word after ``cipher`` / ``simple`` / ``hash``,
    and after ``password`` / ``community`` / ``key`` … when it is no keyword (``snmp-agent
    community read public``; ``super password role network-admin hash $h$…`` gives the
    hash only, never the role)."""
    out: list[str] = []
    n = len(low)
    if n > 3 and low[1] == "usm-user" and low[0] == "snmp-agent" and low[2] in ("v1", "v2c"):
        out.append(tokens[3])  # a v1/v2c user's name is a community of the same name
    for i, w in enumerate(low):
        if i + 1 >= n or (w not in SECRET_WORDS and not (i and _value_word(w) and low[i - 1] in SECRET_WORDS)):
            continue
        if w in ("authentication-mode", "privacy-mode"):
            key_id = i + 3 < n and low[i + 2].isdecimal() and low[i + 3] in VALUE_WORDS  # `md5 1 plain X`
            if low[i + 1] in _USM_ALGORITHMS and i + 2 < n and low[i + 2] not in NOT_SECRETS and not key_id:
                out.append(tokens[i + 2])
            continue
        if _value_word(w) and (w in VALUE_WORDS or low[i - 1] in SECRET_WORDS):
            if low[i + 1] not in NOT_SECRETS:
                out.append(tokens[i + 1])
            continue
        j = i + 1
        if w == "community" and low[j] in ("read", "write"):
            j += 1
        if j >= n:
            continue
        keyword = low[j] in NOT_SECRETS or low[j] in SECRET_WORDS or _value_word(low[j])
        if not keyword or (j + 1 == n and low[j] not in VALUE_WORDS):
            out.append(tokens[j])  # (a last word is the value, even one like `sim`)
    return out


# --------------------------------------------------------------------------- interfaces

# Interface name prefixes as Comware writes them, with the abbreviations a technician
# types in a hand-made file or a `display` output shows (`GE1/0/1`, `XGE1/0/49`, `BAGG1`,
# `Vlan-int10`), longest first.
_IF_PREFIXES = (
    ("ten-gigabitethernet", "Ten-GigabitEthernet"),
    ("m-gigabitethernet", "M-GigabitEthernet"),
    ("gigabitethernet", "GigabitEthernet"),
    ("twenty-fivegige", "Twenty-FiveGigE"),
    ("fortygige", "FortyGigE"),
    ("hundredgige", "HundredGigE"),
    ("bridge-aggregation", "Bridge-Aggregation"),
    ("route-aggregation", "Route-Aggregation"),
    ("vlan-interface", "Vlan-interface"),
    ("vlan-int", "Vlan-interface"),
    ("ethernet", "Ethernet"),
    ("loopback", "LoopBack"),
    ("null", "NULL"),
    ("dialer", "Dialer"),
    ("cellular", "Cellular"),
    ("tunnel", "Tunnel"),
    ("virtual-template", "Virtual-Template"),
    ("serial", "Serial"),
    ("xge", "Ten-GigabitEthernet"),
    ("mge", "M-GigabitEthernet"),
    ("wge", "Twenty-FiveGigE"),
    ("fge", "FortyGigE"),
    ("hge", "HundredGigE"),
    ("bagg", "Bridge-Aggregation"),
    ("ragg", "Route-Aggregation"),
    ("ge", "GigabitEthernet"),
    ("vlan", "Vlan-interface"),
    ("eth", "Ethernet"),
    ("loop", "LoopBack"),
)
_IF_NAME = re.compile(r"^([A-Za-z][A-Za-z-]*?)\s*(\d[\d/.:]*)$")


def canonical_ifname(name: str) -> str:
    """``GE1/0/1`` / ``gigabitethernet 1/0/1`` → ``GigabitEthernet1/0/1``; ``Vlan-int
    10`` → ``Vlan-interface10``; a name not recognized is kept as written (without
    spaces)."""
    name = name.strip()
    m = _IF_NAME.match(name)
    if not m:
        return "".join(name.split())
    prefix, number = m.group(1).lower(), m.group(2)
    for low, canon in _IF_PREFIXES:
        if prefix == low:
            return canon + number
    return m.group(1) + number


def is_ifname(name: str) -> bool:
    """Whether a canonical name is an interface's: a word then a number."""
    return bool(_IF_NAME.match(name))


KIND_BY_PREFIX = (
    ("Vlan-interface", IfKind.SVI),
    ("LoopBack", IfKind.LOOPBACK),
    ("Bridge-Aggregation", IfKind.PORT_CHANNEL),
    ("Route-Aggregation", IfKind.PORT_CHANNEL),
    ("Tunnel", IfKind.TUNNEL),
    ("NULL", IfKind.NULL),
    ("Dialer", IfKind.OTHER),
    ("Virtual-Template", IfKind.OTHER),
)
# Ports that may switch (L2) as well as route: `port link-mode bridge|route` chooses.
SWITCH_PREFIXES = (
    "GigabitEthernet",
    "Ten-GigabitEthernet",
    "Twenty-FiveGigE",
    "FortyGigE",
    "HundredGigE",
    "Ethernet",
    "Bridge-Aggregation",
)


def interface_kind(name: str) -> IfKind:
    """The kind of an interface from its canonical name."""
    if "." in name and not name.startswith(("Vlan-interface", "LoopBack")):
        return IfKind.SUBINTERFACE
    for prefix, kind in KIND_BY_PREFIX:
        if name.startswith(prefix):
            return kind
    return IfKind.PHYSICAL


def hostname_of_file(file: str) -> str:
    """``startup.cfg`` and friends → a hostname when the file has no ``sysname``."""
    return hostname_from_file(file, (".cfg", ".txt", ".conf", ".log", ".zip"), repeat=True)
