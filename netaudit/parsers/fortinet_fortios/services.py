"""FortiOS services: custom services, service groups and FortiOS' predefined ones →
protocol / port pieces.

As for addresses, resolution never guesses: a service that cannot be stated exactly
(explicit-proxy, ``iprange``/``fqdn`` restrictions, an undefined name, a malformed
range …) resolves to every packet plus a reason, and the policy line is partial.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, PortRange
from netaudit.parsers.base import join_reasons
from netaudit.parsers.fortinet_fortios.tree import Block, Entry, build

PROTO_SCTP = 132
PROTO_UDPLITE = 136
SERVICE_IGNORED = frozenset(
    {
        "category",
        "comment",
        "comments",
        "color",
        "visibility",
        "uuid",
        "helper",
        "check-reset-range",
        "session-ttl",
        "tcp-halfclose-timer",
        "tcp-halfopen-timer",
        "tcp-timewait-timer",
        "tcp-rst-timer",
        "udp-idle-timer",
        "app-category",
        "application",
        "fabric-object",
        "global-object",
        # protocol-specific values FortiOS keeps when the protocol changes
        "tcp-portrange",
        "udp-portrange",
        "sctp-portrange",
        "udplite-portrange",
        "protocol-number",
        "icmptype",
        "icmpcode",
    }
)
SERVICE_GROUP_IGNORED = frozenset({"comment", "comments", "color", "uuid", "proxy", "fabric-object", "global-object"})


class Piece(NamedTuple):
    """One protocol of a service: ``proto`` None = every IP protocol.  A named tuple:
    policies look their service lists up by value (``policy._match_specs``), and a
    tuple hashes and compares in C."""

    proto: int | None
    dports: tuple[PortRange, ...] | None = None
    sports: tuple[PortRange, ...] | None = None
    icmp_type: int | None = None
    icmp_code: int | None = None


@dataclass
class SvcObj:
    pieces: list[Piece]
    unknown: str | None = None  # pieces are then a superset (every packet)


ANY_PIECE = Piece(None)
# FortiOS factory-default services (FortiOS 6.4–7.4 `config firewall service custom` /
# `group` in a fresh full-configuration), used when a backup does not define a name
# itself (backups normally list them all).
PREDEFINED_TEXT = """
config firewall service custom
    edit "ALL"
        set protocol IP
    next
    edit "ALL_TCP"
        set tcp-portrange 1-65535
    next
    edit "ALL_UDP"
        set udp-portrange 1-65535
    next
    edit "ALL_ICMP"
        set protocol ICMP
        unset icmptype
    next
    edit "ALL_ICMP6"
        set protocol ICMP6
        unset icmptype
    next
    edit "GRE"
        set protocol IP
        set protocol-number 47
    next
    edit "AH"
        set protocol IP
        set protocol-number 51
    next
    edit "ESP"
        set protocol IP
        set protocol-number 50
    next
    edit "AOL"
        set tcp-portrange 5190-5194
    next
    edit "BGP"
        set tcp-portrange 179
    next
    edit "DHCP"
        set udp-portrange 67-68
    next
    edit "DNS"
        set tcp-portrange 53
        set udp-portrange 53
    next
    edit "FINGER"
        set tcp-portrange 79
    next
    edit "FTP"
        set tcp-portrange 21
    next
    edit "FTP_GET"
        set tcp-portrange 21
    next
    edit "FTP_PUT"
        set tcp-portrange 21
    next
    edit "GOPHER"
        set tcp-portrange 70
    next
    edit "H323"
        set tcp-portrange 1720 1503
        set udp-portrange 1719
    next
    edit "HTTP"
        set tcp-portrange 80
    next
    edit "HTTPS"
        set tcp-portrange 443
    next
    edit "IKE"
        set udp-portrange 500 4500
    next
    edit "IMAP"
        set tcp-portrange 143
    next
    edit "IMAPS"
        set tcp-portrange 993
    next
    edit "Internet-Locator-Service"
        set tcp-portrange 389
    next
    edit "IRC"
        set tcp-portrange 6660-6669
    next
    edit "L2TP"
        set tcp-portrange 1701
        set udp-portrange 1701
    next
    edit "LDAP"
        set tcp-portrange 389
    next
    edit "NetMeeting"
        set tcp-portrange 1720
    next
    edit "NFS"
        set tcp-portrange 111 2049
        set udp-portrange 111 2049
    next
    edit "NNTP"
        set tcp-portrange 119
    next
    edit "NTP"
        set tcp-portrange 123
        set udp-portrange 123
    next
    edit "OSPF"
        set protocol IP
        set protocol-number 89
    next
    edit "PC-Anywhere"
        set tcp-portrange 5631
        set udp-portrange 5632
    next
    edit "PING"
        set protocol ICMP
        set icmptype 8
        unset icmpcode
    next
    edit "TIMESTAMP"
        set protocol ICMP
        set icmptype 13
        unset icmpcode
    next
    edit "INFO_REQUEST"
        set protocol ICMP
        set icmptype 15
        unset icmpcode
    next
    edit "INFO_ADDRESS"
        set protocol ICMP
        set icmptype 17
        unset icmpcode
    next
    edit "ONC-RPC"
        set tcp-portrange 111
        set udp-portrange 111
    next
    edit "DCE-RPC"
        set tcp-portrange 135
        set udp-portrange 135
    next
    edit "POP3"
        set tcp-portrange 110
    next
    edit "POP3S"
        set tcp-portrange 995
    next
    edit "PPTP"
        set tcp-portrange 1723
    next
    edit "QUAKE"
        set udp-portrange 26000 27000 27910 27960
    next
    edit "RAUDIO"
        set udp-portrange 7070
    next
    edit "REXEC"
        set tcp-portrange 512
    next
    edit "RIP"
        set udp-portrange 520
    next
    edit "RLOGIN"
        set tcp-portrange 513:512-1023
    next
    edit "RSH"
        set tcp-portrange 514:512-1023
    next
    edit "SCCP"
        set tcp-portrange 2000
    next
    edit "SIP"
        set udp-portrange 5060
    next
    edit "SIP-MSNmessenger"
        set tcp-portrange 1863
    next
    edit "SAMBA"
        set tcp-portrange 139
    next
    edit "SMTP"
        set tcp-portrange 25
    next
    edit "SMTPS"
        set tcp-portrange 465
    next
    edit "SNMP"
        set tcp-portrange 161-162
        set udp-portrange 161-162
    next
    edit "SSH"
        set tcp-portrange 22
    next
    edit "SYSLOG"
        set udp-portrange 514
    next
    edit "TALK"
        set udp-portrange 517-518
    next
    edit "TELNET"
        set tcp-portrange 23
    next
    edit "TFTP"
        set udp-portrange 69
    next
    edit "MGCP"
        set udp-portrange 2427 2727
    next
    edit "UUCP"
        set tcp-portrange 540
    next
    edit "VDOLIVE"
        set tcp-portrange 7000-7010
    next
    edit "WAIS"
        set tcp-portrange 210
    next
    edit "WINFRAME"
        set tcp-portrange 1494 2598
    next
    edit "X-WINDOWS"
        set tcp-portrange 6000-6063
    next
    edit "PING6"
        set protocol ICMP6
        set icmptype 128
        unset icmpcode
    next
    edit "MS-SQL"
        set tcp-portrange 1433 1434
    next
    edit "MYSQL"
        set tcp-portrange 3306
    next
    edit "RDP"
        set tcp-portrange 3389
    next
    edit "VNC"
        set tcp-portrange 5900
    next
    edit "DHCP6"
        set udp-portrange 546 547
    next
    edit "SQUID"
        set tcp-portrange 3128
    next
    edit "SOCKS"
        set tcp-portrange 1080
        set udp-portrange 1080
    next
    edit "WINS"
        set tcp-portrange 1512
        set udp-portrange 1512
    next
    edit "RADIUS"
        set udp-portrange 1812 1813
    next
    edit "RADIUS-OLD"
        set udp-portrange 1645 1646
    next
    edit "CVSPSERVER"
        set tcp-portrange 2401
        set udp-portrange 2401
    next
    edit "AFS3"
        set tcp-portrange 7000-7009
        set udp-portrange 7000-7009
    next
    edit "TRACEROUTE"
        set udp-portrange 33434-33535
    next
    edit "RTSP"
        set tcp-portrange 554 7070 8554
        set udp-portrange 554
    next
    edit "MMS"
        set tcp-portrange 1755
        set udp-portrange 1024-5000
    next
    edit "KERBEROS"
        set tcp-portrange 88 464
        set udp-portrange 88 464
    next
    edit "LDAP_UDP"
        set udp-portrange 389
    next
    edit "SMB"
        set tcp-portrange 445
    next
    edit "NONE"
        set tcp-portrange 0
    next
    edit "webproxy"
        set proxy enable
        set protocol ALL
        set tcp-portrange 0-65535:0-65535
    next
end
config firewall service group
    edit "Email Access"
        set member "DNS" "IMAP" "IMAPS" "POP3" "POP3S" "SMTP" "SMTPS"
    next
    edit "Web Access"
        set member "DNS" "HTTP" "HTTPS"
    next
    edit "Windows AD"
        set member "DCE-RPC" "DNS" "KERBEROS" "LDAP" "LDAP_UDP" "SAMBA" "SMB"
    next
    edit "Exchange Server"
        set member "DCE-RPC" "DNS" "HTTPS"
    next
end
"""
_predefined: tuple[dict, dict] | None = None


def predefined() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """(custom services, service groups) of a factory-default FortiGate."""
    global _predefined
    if _predefined is None:
        tree = build(PREDEFINED_TEXT)
        custom = tree.root.children["firewall service custom"]
        group = tree.root.children["firewall service group"]
        _predefined = ({e.name: e for e in custom.entries.values()}, {e.name: e for e in group.entries.values()})
    return _predefined


def parse_portrange(text: str) -> tuple[PortRange, PortRange | None] | None:
    """``dst[-dsthigh][:src[-srchigh]]`` → (dst range, src range or None)."""
    d, _, s = text.partition(":")

    def rng(t: str) -> PortRange | None:
        lo, sep, hi = t.partition("-")
        if not lo.isdecimal() or (sep and not hi.isdecimal()):
            return None
        a, b = int(lo), int(hi) if sep else int(lo)
        if b < a or b > 65535:
            return None
        return PortRange(a, b)

    dr = rng(d)
    if dr is None:
        return None
    sr = None
    if s:
        sr = rng(s)
        if sr is None:
            return None
        if sr.lo == 0 and sr.hi == 65535:
            sr = None
    return dr, sr


_RANGE_KEYS = (
    ("tcp-portrange", PROTO_TCP),
    ("udp-portrange", PROTO_UDP),
    ("sctp-portrange", PROTO_SCTP),
    ("udplite-portrange", PROTO_UDPLITE),
)


class ServiceBook:
    """Custom services and service groups of one VDOM (config first, then predefined)."""

    def __init__(self, custom: Block | None, groups: Block | None):
        self.custom = {e.name: e for e in custom.entries.values()} if custom else {}
        self.groups = {e.name: e for e in groups.entries.values()} if groups else {}
        self.pre_custom, self.pre_groups = predefined()
        self._cache: dict[str, SvcObj] = {}

    def defined(self, name: str) -> bool:
        return name in self.custom or name in self.groups or name in self.pre_custom or name in self.pre_groups

    def resolve(self, name: str, _stack: tuple = ()) -> SvcObj:
        got = self._cache.get(name)
        if got is not None:
            return got
        if name in _stack:
            return SvcObj([ANY_PIECE], Text("input.fortios.svcgrp_loop", name=name))
        if name in self.custom:
            got = custom_service(self.custom[name])
        elif name in self.groups:
            got = self._group(self.groups[name], (*_stack, name))
        elif name in self.pre_custom:
            got = custom_service(self.pre_custom[name])
        elif name in self.pre_groups:
            got = self._group(self.pre_groups[name], (*_stack, name))
        else:
            got = SvcObj([ANY_PIECE], Text("input.fortios.service_undefined", name=name))
        self._cache[name] = got
        return got

    def _group(self, e: Entry, stack: tuple) -> SvcObj:
        pieces: list[Piece] = []
        unknown: list[str] = []
        for m in e.get("member") or []:
            o = self.resolve(m, stack)
            if o.unknown:
                unknown.append(o.unknown)
            pieces.extend(o.pieces)
        if unknown:
            return SvcObj([ANY_PIECE], join_reasons(unknown))
        return SvcObj(pieces)


def custom_service(e: Entry) -> SvcObj:
    name = e.name
    proto = (e.first("protocol", "TCP/UDP/SCTP") or "").upper()
    e.get("protocol")
    # FortiOS 6.0+ `set proxy enable`; 5.2/5.4 name it `set explicit-proxy enable`
    proxy = e.low("proxy", "disable")
    proxy_5x = e.low("explicit-proxy", "disable")
    if "enable" in (proxy, proxy_5x):
        return SvcObj([ANY_PIECE], Text("input.fortios.service_proxy", name=name))
    if e.has("iprange") or e.has("fqdn"):
        e.get("iprange"), e.get("fqdn")
        if (e.first("iprange", "0.0.0.0") not in ("0.0.0.0", None)) or e.first("fqdn"):
            return SvcObj([ANY_PIECE], Text("input.fortios.service_destinations", name=name))
    ast = e.low("app-service-type", "disable")
    if ast not in ("disable", None):
        return SvcObj([ANY_PIECE], Text("input.fortios.service_app_type", name=name, value=ast))
    if proto in ("TCP/UDP/SCTP", "TCP/UDP/UDP-LITE/SCTP"):
        pieces: list[Piece] = []
        for key, p in _RANGE_KEYS:
            vals = e.get(key)
            if not vals:
                continue
            by_src: dict = {}
            for v in vals:
                r = parse_portrange(v)
                if r is None:
                    why = Text("input.fortios.service_range_unread", name=name, setting=key, value=v)
                    return SvcObj([ANY_PIECE], why)
                by_src.setdefault(r[1], []).append(r[0])
            for sr, drs in by_src.items():
                pieces.append(Piece(p, tuple(drs), (sr,) if sr else None))
        if not pieces:
            return SvcObj([ANY_PIECE], Text("input.fortios.service_no_range", name=name))
        return SvcObj(pieces)
    if proto == "ICMP":
        t = e.first("icmptype")
        c = e.first("icmpcode")
        try:
            ti = int(t) if t is not None else None
            ci = int(c) if c is not None else None
        except ValueError:
            return SvcObj([ANY_PIECE], Text("input.fortios.service_icmp_unread", name=name))
        return SvcObj([Piece(PROTO_ICMP, icmp_type=ti, icmp_code=ci)])
    if proto == "ICMP6":
        e.get("icmptype"), e.get("icmpcode")
        return SvcObj([])  # IPv6 only: matches no IPv4 packet
    if proto == "IP":
        num = e.first("protocol-number", "0")
        if not (num or "").isdecimal() or int(num) > 255:
            return SvcObj([ANY_PIECE], Text("input.fortios.service_protocol_number", name=name, value=num))
        n = int(num)
        return SvcObj([ANY_PIECE if n == 0 else Piece(n)])
    return SvcObj([ANY_PIECE], Text("input.fortios.service_protocol", name=name, protocol=proto))


def is_all(pieces: list[Piece]) -> bool:
    return ANY_PIECE in pieces
