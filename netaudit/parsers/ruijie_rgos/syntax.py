"""Ruijie RGOS keyword tables: what RGOS writes beyond the IOS words the IOS tables
already know (netaudit/parsers/cisco_ios/syntax.py), each understood and irrelevant to
reachability on purpose, or partial with its reason (docs/vendors/ruijie_rgos.md).
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import IfKind

# Global commands RGOS writes that decide nothing about which packets pass: device
# identity and housekeeping (`install` slots, `sysmac`, CWMP/MQTT cloud management,
# password policy, logging of logins), CPU protection and rate limiting (`nfpp`,
# `cpu-protect`: they drop floods, never a flow by its addresses), and the RGOS 11
# `svi router-acls enable` switch (an SVI ACL then filters routed packets only: what
# the model reads it as in every case, docs/vendors/ruijie_rgos.md).
TOP_IGNORED = [
    # a schedule; the ACL lines naming one are partial (the IOS ACL reader)
    "time-range",
    "install",
    "language",
    "sysmac",
    "cwmp",
    "no cwmp",
    "mqtt-server",
    "login privilege",
    "link-check",
    "frn",
    "rnfp-ping-reply",
    "no rnfp-ping-reply",
    "nfpp",
    "cpu-protect",
    "no cpu-protect",
    "svi router-acls",
    "identify-application",
    "no identify-application",
    "wids",
    "black-white-list",
    "wlan-cap",
    "capwap",
    "ac-controller",
    "apmg",
    "sntp",
    "ip name-server",
    "ip domain-name",
    "ip domain-lookup",
    "no ip domain-lookup",
    "ip dhcp snooping",
    "no ip dhcp snooping",
    "ip source binding",
    # IP-MAC bindings (`address-bind IP MAC`, `address-bind uplink PORT`, `address-bind
    # install`): only a bound source may send from a port — a host keeps every flow it
    # had, so ignoring them can only over-state reach (as `ip verify source` on IOS)
    "address-bind",
    "no address-bind",
    "lldp",
    "no lldp",
    "gvrp",
    "errdisable",
    "monitor",
    "sflow",
    "ip igmp",
    "no ip igmp",
    "ip multicast-routing",
    "efmp",
    "no efmp",
    "ip ref",
    "no ip ref",
    "web-auth template",
    "http redirect",
    "no service password-encryption",
    "radius-server",
    "tacacs-server",
    "power-supply",
    "fan-speed",
    "ntp",
    "rmon",
    "dot1x",
    "no dot1x",
    "web-auth",
    "ip portal",
]

# Interface lines RGOS writes that decide nothing about reachability: speed/duplex,
# flow control, port security's learning limits, storm control (rate limits), PoE,
# spanning-tree, LLDP, media type.
IFACE_IGNORED = [
    "port-security",
    "storm-control",
    "rate-limit",
    "poe",
    "no poe",
    "medium-type",
    "flowcontrol",
    "lldp",
    "no lldp",
    "spanning-tree",
    "speed",
    "duplex",
    "mtu",
    "nfpp",
    "anti-arp-spoofing",
    "arp-check",
    "no arp-check",
    "ip dhcp snooping",
    "dhcp snooping",
    "loopback-detection",
    "rldp",
    "protected-ports",
    "ip verify source",
    "qos",
    "mls",
    "wrr-queue",
    "switchport port-security",
    "ipv6 traffic-filter",
]

# Interface lines that change which packets pass in a way the model does not read.
IFACE_PARTIAL = {
    "web-auth": Text("input.ruijie.web_auth"),
    "dot1x": Text("input.ruijie.dot1x"),
    "vlan-mapping": Text("input.ruijie.vlan_mapping"),
    "dot1q": Text("input.ruijie.vlan_mapping"),
    "mac access-group": Text("input.ios.mac_access_group"),
}

# RGOS port names: an aggregate is `AggregatePort N` (IOS's Port-channel).
AGGREGATE_PREFIX = "AggregatePort"
KIND_BY_PREFIX = ((AGGREGATE_PREFIX, IfKind.PORT_CHANNEL),)

# Port types RGOS writes apart from their number (`GigabitEthernet 0/0`, `VLAN 20`,
# `AggregatePort 1`, `Null 0`) inside other commands (`ip route … GigabitEthernet 0/0`,
# `ip nat … interface GigabitEthernet 0/0 …`).
SPACED_TYPES = frozenset(
    {
        "fastethernet",
        "gigabitethernet",
        "tengigabitethernet",
        "fortygigabitethernet",
        "hundredgigabitethernet",
        "aggregateport",
        "vlan",
        "loopback",
        "tunnel",
        "dialer",
        "virtual-ppp",
        "null",
        "serial",
        "ethernet",
        "mgmt",
    }
)


def join_port_names(tokens: list[str]) -> list[str]:
    """``[…, "GigabitEthernet", "0/0", …]`` → ``[…, "GigabitEthernet0/0", …]``: a port
    type followed by its number is one name (the IOS readers expect IOS's spelling)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.lower() in SPACED_TYPES and i + 1 < len(tokens) and tokens[i + 1][:1].isdecimal():
            out.append(tok + tokens[i + 1])
            i += 2
            continue
        out.append(tok)
        i += 1
    return out
