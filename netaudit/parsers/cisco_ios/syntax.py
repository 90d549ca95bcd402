"""Cisco IOS / IOS-XE keyword tables and pure syntax helpers (no parser state).

The dispatch tables themselves (keywords → handlers) are built in :mod:`.parser` from
these lists; a keyword listed here is understood.  Keys are space-separated lower-case
keyword prefixes (one to three words).  A ``no`` form of anything listed (or handled) is
understood as "back to default" and ignored unless it has its own handler
(:attr:`netaudit.parsers.base.LineParser.NEGATION`).
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import IfKind
from netaudit.parsers.base import Unknown, hostname_from_file
from netaudit.parsers.cisco_common import ALL_VLANS, WCCP, parse_vlan_list

# Global commands understood and irrelevant to forwarding/exposure.  A global ignored
# command may carry an indented body (aaa group server, crypto pki, parameter-map …):
# the body is ignored too (secrets in it are still collected).
TOP_IGNORED = [
    "fhrp",  # fhrp version vrrp v3, fhrp delay: the FHRP flavour, not who answers
    "boot",
    "boot-start-marker",
    "boot-end-marker",
    "clock",
    "spanning-tree",
    "vtp",
    "errdisable",
    "multilink",
    "memory",
    "memory-size",  # `memory-size iomem N`: the I/O memory share (ISR G1/G2)
    "alias",
    "call-home",
    "diagnostic",
    "power",
    "mac",
    "mac-address-table",
    "license",
    "end",
    "exit",
    # A command sheet (the lines as typed into the CLI) enters configuration mode first.
    "configure terminal",
    "conf t",
    "redundancy",
    "archive",
    "exception",
    "scheduler",
    "process",
    "file",
    "login",
    "privilege",
    "secure",
    "warm-reboot",
    "platform",
    "system",
    "udld",
    "port-channel",
    "mls",
    "wrr-queue",
    "srr-queue",
    "qos",
    "auto",
    "macro",
    "access-session",
    "authentication",
    "dot1x",
    "device-sensor",
    "table-map",
    "monitor",
    "sdm",
    "stack-mac",
    "ipv6",
    "parameter-map",
    "track",
    "event",
    "kron",
    "cts",
    "dial-peer",
    "voice",
    "voice-card",
    "voice-port",  # an analog/digital voice port's settings (signalling, caller id …)
    "telephony-service",
    "application",
    "gatekeeper",
    "sccp",
    "stcapp",
    "controller",
    "network-clock",
    "network-clock-participate",
    "isdn",
    "fax",
    "mgcp",
    "ccm-manager",
    "wsma",
    "netconf",
    "netconf-yang",
    "restconf",
    "flow",
    "sampler",
    "mpls",
    "l2vpn",
    "bridge-domain",
    # transparent bridging's global lines (`bridge crb|irb`, `bridge N protocol ieee`,
    # `bridge N route ip`): the member interfaces' `bridge-group` makes them partial
    "bridge",
    "segment-routing",
    "template",
    "service-template",
    "device-tracking",
    "transceiver",
    "hw-module",
    "hw-switch",  # hw-switch switch N logging onboard …: on-board failure logging (3850)
    "fabric",
    "energywise",
    "avc",
    "performance",
    "snmp",
    "radius-server",
    "tacacs-server",
    "tacacs",
    "radius",
    "ldap",
    "key",
    "dialer-list",
    "chat-script",
    "rmon",
    "ethernet",
    "pseudowire-class",
    "bfd",
    "bfd-template",
    "lacp",
    "pagp",
    "epm",
    "location",
    "subscriber",
    "building",
    "current",
    "upgrade",
    "resource",
    "storm-control",
    "dot11",
    "nat64",
    "zone",
    "wism",
    "instance",
    "openflow",
    "onep",
    "service-routing",
    "cpp",
    "ptp",
    "telemetry",
    "pnp",
    "mmi",
    "vlan internal",
    "vlan access-log",
    "vlan accounting",
    "vlan configuration",
    "vlan group",
    # Login hardening: the minimum password length and the syslog message / 15-second
    # delay after N failed logins (Cisco IOS Security Command Reference, `security
    # passwords min-length`, `security authentication failure rate`): who may log in from
    # where is the lines' access-class, read elsewhere.
    "security passwords",
    "security authentication",
    # Selective Packet Discard: which packets to the route processor wait in the input
    # queue under congestion (`spd headroom`, `spd enable`, `ip spd queue`): like QoS, it
    # only drops more, never admits.
    "spd",
    "ip spd",
    # A PPPoE profile (`bba-group pppoe global|NAME`, its `virtual-template`,
    # `sessions` …): it acts only through an interface's `pppoe enable group NAME` — a
    # PPPoE client port, or a PPPoE server, which makes that interface partial.
    "bba-group",
    # `ip …` global commands
    "ip cef",
    "ip domain",
    "ip domain-name",
    "ip domain-lookup",
    "ip domain-list",
    "ip name-server",
    "ip bgp-community",
    "ip community-list",
    "ip prefix-list",
    "ip as-path",
    "ip extcommunity-list",
    "ip classless",
    "ip subnet-zero",
    "ip multicast-routing",
    "ip multicast",
    "ip pim",
    "ip igmp",
    "ip tcp",
    "ip icmp",
    "ip options",
    "ip bootp",
    "ip gratuitous-arps",
    "ip arp",
    "ip host",
    "ip scp",
    "ip ftp",
    "ip tftp",
    "ip rcmd",
    "ip flow-export",
    "ip flow-cache",
    "ip flow-top-talkers",
    "ip flow",
    "ip accounting-threshold",
    "ip accounting-list",
    "ip accounting",
    "ip radius",
    "ip tacacs",
    "ip sla",
    "ip local",
    "ip default-network",
    "ip mroute",
    "ip msdp",
    "ip rsvp",
    "ip wccp",
    "ip audit",
    "ip ips",
    "ip explicit-path",
    "ip auth-proxy",
    "ip admission",
    "ip device",
    "ip telnet",
    "ip ddns",
    "ip dhcp-client",
    "ip nbar",
    "ip traffic-export",
    "ip reflexive-list",
    "ip rip",
    "ip ospf",
    "ip eigrp",
    "ip nhrp",
    "ip policy-list",
    "ip sdr",
    "ip dvmrp",
    "ip finger",
    "ip mfib",
    "ip cgmp",
    "ip wlccp",
    "ip lisp",
    "ip hardware",
    "ip sockets",
    "ip client",
    # A static IP Source Guard / DHCP-snooping binding (MAC, VLAN, address, port): it only
    # lets that host's packets past `ip verify source` (read as harmless, interfaces.py).
    "ip source binding",
]

# Lines of a `vpdn-group` / `vpdn-template` that change nothing about where IOS answers
# tunnels (docs/vendors/cisco_ios.md, "L2TP and PPTP servers"): the interface a session
# is cloned from, names and tunnel authentication (who may open a tunnel, never which
# packets reach the port), timers, windows, MTU, LCP, QoS marking, limits.  `source-ip`
# is the address IOS sends from: the server is still taken as answering on every address
# (more reach, never less).  The subgroups and `protocol` are handled (.vpdn).
VPDN_IGNORED = [
    "description",
    "virtual-template",
    "terminate-from",
    "local",
    "l2tp tunnel",
    "l2tp hidden",
    "l2tp ip",
    "l2tp session",
    "l2tp drop",
    "l2tp congestion-control",
    "l2tp attribute",
    "l2tp-class",
    "lcp",
    "force-local-chap",
    "authen-before-forward",
    "ip pmtu",
    "ip mtu",
    "ip tos",
    "ip precedence",
    "pptp flow-control",
    "pptp tunnel",
    "session-limit",
    "source-ip",
    "dnis",
    "domain",
    "initiate-to",
    "multilink",
    "pool-member",
    "dialer",
    "hello",
    "redirect",
    "exit",
]
# Lines of a `vpdn-group` the model does not capture: the group's services partial.
VPDN_PARTIAL = {
    "vpn vrf": Text("input.ios.vpdn_vrf"),
    "vpn id": Text("input.ios.vpdn_vrf"),
    "l2tp security": Text("input.ios.vpdn_l2tp_security"),
}

# Interface sub-commands with no effect on what can reach what (physical, cosmetic,
# routing-protocol tuning, IPv6 which the engine does not model yet).
IFACE_IGNORED = [
    # Inside a VRRPv3 block (`vrrp N address-family ipv4` … `exit-vrrp`): its address is read.
    "priority",
    "preempt",
    "timers advertise",
    "vrrpv2",
    "exit-vrrp",
    "duplex",
    "full-duplex",  # the duplex of old Fast Ethernet port adapters (1700/2600/800 series)
    "half-duplex",
    "speed",
    "negotiation",
    "media-type",
    "mac-address",  # the port's own MAC (ISP MAC cloning, lab hosts): no IP path changes
    "mtu",
    "ip mtu",
    "ip tcp",
    "load-interval",
    "bandwidth",
    "delay",
    "keepalive",
    "cdp",
    "lldp",
    "spanning-tree",
    "storm-control",
    "logging",
    "carrier-delay",
    "hold-queue",
    "ip pim",
    "ip igmp",
    "ip cgmp",
    "ip flow",
    "ip route-cache",
    "ip mroute-cache",
    "ip redirects",
    "ip unreachables",
    "ip proxy-arp",
    "ip local-proxy-arp",
    "ip directed-broadcast",
    "ip split-horizon",
    "ipv6",
    "ip dvmrp",
    "ip rip",
    "ip eigrp",
    "ip hello-interval",
    "ip hold-time",
    "ip summary-address",
    "ip bandwidth-percent",
    "ip mask-reply",
    "ip virtual-reassembly",
    "ip virtual-reassembly-out",
    "ip accounting",
    "ip nbar",
    "ip dhcp",
    "ip arp",
    "ip information-reply",
    "ip irdp",
    "ip multicast",
    "ip sdr",
    "ip rsvp",
    "ip nhrp",
    # DMVPN per-tunnel QoS in the newer spelling (15.2+): a spoke's NHRP group and the
    # hub's group -> QoS policy map; they shape, never filter
    "nhrp group",
    "nhrp map group",
    "ip next-hop-self",  # EIGRP's next hop on a DMVPN hub (routing-protocol tuning)
    "ip sap",
    "ip load-sharing",
    "ip cef",
    "ip router",
    "ip flow-monitor",
    "ip sla",
    "ip ddns",
    "mls",
    "auto",
    "power",
    "snmp",
    "arp",
    "ntp",
    "udld",
    "macro",
    "small-frame",
    "mop",
    "channel-protocol",
    "lacp",
    "pagp",
    "dot1x",
    "authentication",
    "mab",
    "access-session",
    "flowcontrol",
    "priority-queue",
    "wrr-queue",
    "rcv-queue",
    "queue-set",
    "srr-queue",
    "tx-ring-limit",
    "device-tracking",
    "source",
    "clock",
    "dsu",
    "serial restart-delay",  # a serial line's restart timer (IOS writes it on every serial port)
    "routing dynamic",  # IGP over an MPLS TE tunnel (`no routing dynamic`: IOS's default line)
    "framing",
    "linecode",
    "cablelength",
    "fair-queue",
    "rate-limit",
    "traffic-shape",
    "custom-queue",
    "priority-group",
    "random-detect",
    "physical-layer",
    "async",
    "peer",
    "dialer",
    "dialer-group",
    "tunnel",
    "ethernet",
    "optical",
    "transceiver",
    "platform",
    "hw-module",
    "vtp",
    "down-when-looped",
    "mpls",
    "isis",
    "bfd",
    "glbp",
    "exit",
    "l2protocol-tunnel",
    "service-module",
    "qos",
    "medium",
    "fec",
    "nmsp",
    "trust",
    "mdix",
    "hold",
    "backup",
    "uc-tx-queue",
    "pvc",
    # ADSL line and ATM PVC settings (PPPoA / PPPoE over ATM): the sessions of the PVC
    # belong to a dialer pool (`dialer pool-member N`), whose Dialer holds the address.
    # Only the link-layer lines: `protocol ppp virtual-template`, `protocol ip` maps and
    # `atm route-bridged` (RBE) are not read, so they still make the interface partial.
    "bundle-enable",
    "dsl",
    "atm ilmi-keepalive",
    "vbr-nrt",
    "vbr-rt",
    "ubr",
    "cbr",
    "oam-pvc",
    "oam",
    "protocol ppp dialer",
    "max-reserved-bandwidth",  # the share of the bandwidth QoS may reserve
    "frame-relay",
    "ip tcp adjust-mss",
    "exit-address-family",
    "address-family",
    "timers",
]

# Interface sub-commands that change forwarding in ways the model does not capture:
# the interface is marked partial so no verdict rests on it.
# (Catalogue texts, netaudit/catalogue/cisco_ios.py: a report says them in its language.)
IFACE_PARTIAL = {
    "service-policy": Text("input.ios.service_policy"),
    "xconnect": Text("input.ios.xconnect"),
    "bridge-group": Text("input.ios.bridge_group"),
    "zone-member": Text("input.ios.zone_member_line"),
    "ip nat enable": Text("input.ios.nvi_nat"),
    "ip wccp": WCCP,
    "ip admission": Text("input.ios.ip_admission"),
    "ip auth-proxy": Text("input.ios.auth_proxy"),
    "ip audit": Text("input.ios.ip_audit"),
    "ip ips": Text("input.ios.ip_ips"),
    "mac access-group": Text("input.ios.mac_access_group"),
    "service": Text("input.ios.evc_service"),
    "ip traffic-export": Text("input.ios.traffic_export"),
    "ip security": Text("input.ios.ip_security"),
}

# `line` sub-commands understood and irrelevant.
LINE_IGNORED = [
    "exec-timeout",
    "privilege",
    "logging",
    "stopbits",
    "transport",
    "session-timeout",
    "length",
    "width",
    "history",
    "escape-character",
    "autoselect",
    "modem",
    "flowcontrol",
    "speed",
    "databits",
    "parity",
    "exec",
    "authorization",
    "accounting",
    "login",
    "rotary",
    "absolute-timeout",
    "activation-character",
    "location",
    "motd-banner",
    "exec-banner",
    "international",
    "terminal-type",
    "refuse-message",
    "vacant-message",
    "notify",
    "hold-character",
    "domain-lookup",
    "disconnect-character",
    "ipv6",
    "session-limit",
    "timeout",
    "login-string",
    "script",
    "txspeed",
    "rxspeed",
    "insecure",
    "lockable",
    "data-character-bits",
    "special-character-bits",
    "padding",
    "start-character",
    "stop-character",
    "full-help",
    "editing",
    "logout-warning",
    "dispatch-timeout",
    "service-module",
    "cts",
    "exit",
    "vrf",
]

VLAN_IGNORED = [
    "state",
    "mtu",
    "remote-span",
    "media",
    "shutdown",
    "backupcrf",
    "are",
    "ste",
    "said",
    "parent",
    "ring",
    "bridge",
    "stp",
    "tb-vlan1",
    "tb-vlan2",
    "exit",
    "lldp",
]
PRIVATE_VLAN = Text("input.ios.private_vlan")  # a vlan block's or a switch port's
VLAN_PARTIAL = {"private-vlan": PRIVATE_VLAN}

# SNMPv3 `auth ALGO KEY` / `priv ALGO [BITS] KEY` algorithm words.
SNMP_ALGORITHMS = frozenset(
    {
        "md5",
        "sha",
        "sha-224",
        "sha-256",
        "sha-384",
        "sha-512",
        "des",
        "3des",
        "aes",
        "aes-128",
        "aes128",
        "aes-192",
        "aes-256",
    }
)

# Words in an ignored line that announce a secret value right after them.
SECRET_WORDS = frozenset(
    {
        "password",
        "secret",
        "key-string",
        "md5",
        "key",
        "authentication-key",
        "pre-shared-key",
        "wpa-psk",
        "set-key",
        "password-encrypt",
    }
)
# Words after `key` that make it a command, not a secret (`crypto key generate rsa`).
KEY_GRAMMAR = frozenset(
    {
        "generate",
        "zeroize",
        "import",
        "export",
        "pubkey-chain",
        "storage",
        "decrypt",
        "encrypt",
        "chain",
        "config-key",
        "move",
        "label",
    }
)
# Values that are keywords, never secrets (``authentication md5 key-string …``).
NOT_SECRETS = frozenset(
    {
        "key-string",
        "key-chain",
        "chain",
        "md5",
        "key",
        "address",
        "encryption",
        "config-key",
        "level",
        "local",
        "remote",
        "hidden",
        "sha",
        "ascii",
        "hex",
        "password",
        "secret",
        "text",
        "encrypted",
        "unencrypted",
        "aes",
        "type",
    }
)

PHYSICAL_HINTS = ("Ethernet", "GigE", "Serial", "POS", "ATM", "Cellular", "Async")
KIND_BY_PREFIX = (
    ("Vlan", IfKind.SVI),
    ("Loopback", IfKind.LOOPBACK),
    ("Port-channel", IfKind.PORT_CHANNEL),
    ("Tunnel", IfKind.TUNNEL),
    ("Null", IfKind.NULL),
)


# --------------------------------------------------------------------------- helpers


def trunk_allowed(current: frozenset[int] | None, words: list[str]) -> frozenset[int] | None:
    """Apply one ``switchport trunk allowed vlan …`` line to the allowed set
    (``None`` = all).  Successive lines combine: add/remove/except/all/none."""
    op = words[0]
    if op == "all":
        return None
    if op == "none":
        return frozenset()
    if op in ("add", "remove", "except"):
        if len(words) < 2:
            raise Unknown
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


def expand_range(spec: str) -> list[str]:
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


def hostname_of_file(file: str) -> str:
    """``bbra_rtr_config.txt`` → ``bbra_rtr`` (configs without a hostname line)."""
    return hostname_from_file(file, (".txt", ".cfg", ".conf", ".log", ".ios"), repeat=True)


def secret_after(tokens: list[str], i: int) -> str | None:
    """The secret value following keyword ``tokens[i]``, skipping an encryption
    type digit (``password 7 0822…`` → ``0822…``; ``password cisco`` → ``cisco``)."""
    j = i + 1
    if j >= len(tokens):
        return None
    if tokens[j] in ("0", "5", "6", "7", "8", "9") and j + 1 < len(tokens):
        j += 1
    return tokens[j]
