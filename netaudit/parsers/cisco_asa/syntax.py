"""Cisco ASA keyword tables and pure syntax helpers (no parser state).

The dispatch tables themselves (keywords → handlers) are built in :mod:`.parser` from
these lists; a keyword listed here is understood.  Keys are space-separated lower-case
keyword prefixes (one to three words).
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import IfKind
from netaudit.parsers.base import hostname_from_file
from netaudit.parsers.cisco_common import PPPOE_CLIENT, WCCP

# Global commands understood and irrelevant to forwarding/exposure.  Their indented
# bodies are ignored too (secrets in them are still collected).
TOP_IGNORED = [
    "domain-name",
    "names",
    "pager",
    # `command-alias exec NAME COMMAND`: a CLI shortcut for an exec command (Cisco ASA
    # command reference, `command-alias`); it configures nothing that forwards.
    "command-alias",
    "mtu",
    "ftp",
    "arp",
    "timeout",
    "user-identity",
    "prompt",
    "boot",
    "asdm",
    "console",
    "terminal",
    "clock",
    "dns",
    "dns-guard",
    "dns-group",
    "dns-group-map",
    "policy-map",
    "threat-detection",
    "call-home",
    "license",
    "feature",
    "service",
    "sysopt",
    "vpn-sessiondb",
    "vpn load-balancing",  # VPN cluster settings (its block too): no packet filtering
    "tftp-server",  # where `write net` copies the config: no packet filtering
    "vpn-addr-assign",
    "ldap",
    "ip local",
    "ip audit",
    "ip-client",
    "ipv6",
    "hpm",
    "jumbo-frame",
    "resource",
    "mac-address",
    "mac-address-table",
    "xlate",
    "object-group-search",
    "asp",
    "flow-export",
    "smtp-server",
    "auth-prompt",
    "privilege",
    "sla",
    "track",
    "monitor-interface",
    "priority-queue",
    "tls-proxy",
    "phone-proxy",
    "ctl-file",
    "media-termination",
    "fragment",
    "prefix-list",
    "community-list",
    "as-path",
    "multicast-routing",
    "pim",
    "igmp",
    "mroute",
    "virtual",
    "banner",
    "end",
    "exit",
    # A command sheet (the lines as typed into the CLI) enters configuration mode first.
    "configure terminal",
    "conf t",
    "quit",
    "crashinfo",
    "coredump",
    "scansafe",
    "dynamic-filter",
    "nac-policy",
    "ssl",
    "tls",
    "dhcp-client",
    "ddns",
    "quota",
    "cts",
    "app-agent",
    "vpnsetup",
    "anyconnect",
    "nve",
    "vxlan",
    "netflow",
    "pki",
    "rest-api",
    "compression",
    "l2tp",
    "isakmp",
    "vpdn",
    "snmp-map",
    "gtp-map",
    "regex",
    "tcp-map",
    "arp-inspection",
    "fixup",
    "pdm",
    "floodguard",
    "ca",
    "vpngroup",
    "password",
    "zone",
    "cluster-interface",
    "wsa",
    "http-map",
    "ip domain-name",
    "ip name-server",
    "icmp-object",
    "ssh-key",
    "key",
    "ntp",
    "logging",
    "aaa",
    "account",
    "mac-learn",
    "spanning-tree",
    "vlan",
    "hostname-detection",
    "opts",
    "snort",
    "shun",
    "ip options",
    "neighbor",
    "bfd",
    "bfd-template",
    "eigrp",
    "ospf",
    "bgp",
    "rip",
    "igmp-access-group",
    "ipsec",
    "crypto",
    "service-module",
    "object-group-user",
    "user",
    "storage",
    "switch",
    "sfr",
    "cxsc",
    "ips",
    "csc",
    "failover",
    "no",
    "time-range",
    # FTD (ASA syntax) additions
    "strong-encryption-disable",
    "ngips",
    "sftunnel",
    "flowoffload",
    "snort",
]

# (Catalogue texts, netaudit/catalogue/cisco_asa.py: a report says them in its language.)
POLICY_ROUTE = Text("input.asa.policy_route")
TOP_PARTIAL = {
    "context": Text("input.asa.multiple_context"),
    "admin-context": Text("input.asa.multiple_context"),
    "cluster": Text("input.asa.cluster"),
    "policy-route": POLICY_ROUTE,
    "wccp": WCCP,
    "established": Text("input.asa.pix_established"),
    "conduit": Text("input.asa.pix_conduit"),
    "outbound": Text("input.asa.pix_outbound"),
    "apply": Text("input.asa.pix_outbound"),
}

IFACE_IGNORED = [
    "speed",
    "duplex",
    "flowcontrol",
    "lacp",
    "nve-only",
    "delay",
    "ipv6",
    "pim",
    "igmp",
    "multicast",
    "mac-address",
    "media-type",
    "negotiation",
    "power",
    "ddns",
    "dhcp client",
    "zone-member",
    "security-group",
    "port-channel",
    "mtu",
    "description",
    "exit",
    "hello-interval",
    "authentication",
    "summary-address",
    "split-horizon",
    "bfd",
    "rate-limit",
    "ip dhcp",
    "ip ddns",
    "link-state",
    "fec",
    "lldp",
    "cts",
    "shape",
    # `cts manual` sub-block (FTD/ASA TrustSec): tagging only
    "propagate sgt",
    "policy static sgt",
]

IFACE_PARTIAL = {
    "bridge-group": Text("input.asa.bridge_group"),
    "pppoe": PPPOE_CLIENT,
    "policy-route": POLICY_ROUTE,
    "wccp": WCCP,
}

# Words in an ignored line that announce a secret value right after them.
SECRET_WORDS = frozenset(
    {
        "password",
        "passwd",
        "key",
        "pre-shared-key",
        "secret",
        "ldap-login-password",
        "authentication-key",
        "message-digest-key",
        "auth",
        "priv",
        "key-string",
    }
)
# Words between a secret keyword and its value: the encryption type, hash and key size.
KEY_FORMAT_WORDS = frozenset(
    {
        "0",
        "8",
        "md5",
        "sha",
        "sha1",
        "sha256",
        "sha512",
        "cmac",
        "aes",
        "des",
        "3des",
        "128",
        "192",
        "256",
        "unencrypted",
        "ascii",
        "hex",
    }
)
NOT_SECRETS = frozenset(
    {
        "key",
        "encrypted",
        "pbkdf2",
        "nt-encrypted",
        "md5",
        "sha",
        "sha1",
        "sha256",
        "sha512",
        "cmac",
        "aes",
        "des",
        "3des",
        "0",
        "8",
        "hex",
        "ascii",
        "local",
        "remote",
        "none",
        "privilege",
        "unencrypted",
        "key-string",
        "password",
        "secret",
        "community",
        "auth",
        "priv",
        "128",
        "192",
        "256",
        "sha-256",
        "sha-384",
        "sha-512",
        "value",
        "inherit",
    }
)

KIND_BY_PREFIX = (
    ("Vlan", IfKind.SVI),
    ("Port-channel", IfKind.PORT_CHANNEL),
    ("Redundant", IfKind.PORT_CHANNEL),  # active/standby bundle: cabled as one port
    ("Tunnel", IfKind.TUNNEL),
    ("BVI", IfKind.BRIDGE),
    ("Loopback", IfKind.LOOPBACK),
    ("Null", IfKind.NULL),
)
PHYSICAL_HINTS = ("Ethernet", "Management", "Internal-Data", "GigE")


# --------------------------------------------------------------------------- helpers


# A comment after a command ("service-object udp eq 1235   ! note"): the ASA never
# writes one, but hand-edited and test configs do.
TRAILING_COMMENT = re.compile(r"\s{2,}!.*$")


def version_tuple(text: str) -> tuple[int, int] | None:
    m = re.match(r"(\d+)\.(\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def hostname_of_file(file: str) -> str:
    return hostname_from_file(file, (".txt", ".cfg", ".conf", ".log"), repeat=False)
