"""Junos names for ports, protocols, ICMP types and the predefined ``junos-*``
applications (data only; docs/vendors/juniper_junos.md, "Names").  A name missing here is
never guessed: the construct naming it is partial."""

from __future__ import annotations

from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, PortRange
from netaudit.parsers.ip import ip_to_int

# Port names Junos accepts in firewall filters and applications.
PORTS: dict[str, int] = {
    "afs": 1483,
    "bgp": 179,
    "biff": 512,
    "bootpc": 68,
    "bootps": 67,
    "cmd": 514,
    "cvspserver": 2401,
    "dhcp": 67,
    "domain": 53,
    "eklogin": 2105,
    "ekshell": 2106,
    "exec": 512,
    "finger": 79,
    "ftp": 21,
    "ftp-data": 20,
    "http": 80,
    "https": 443,
    "ident": 113,
    "imap": 143,
    "kerberos-sec": 88,
    "klogin": 543,
    "kpasswd": 761,
    "krb-prop": 754,
    "krbupdate": 760,
    "kshell": 544,
    "ldap": 389,
    "ldp": 646,
    "login": 513,
    "mobileip-agent": 434,
    "mobilip-mn": 435,
    "msdp": 639,
    "netbios-dgm": 138,
    "netbios-ns": 137,
    "netbios-ssn": 139,
    "nfsd": 2049,
    "nntp": 119,
    "ntalk": 518,
    "ntp": 123,
    "pop3": 110,
    "pptp": 1723,
    "printer": 515,
    "radacct": 1813,
    "radius": 1812,
    "rip": 520,
    "rkinit": 2108,
    "smtp": 25,
    "snmp": 161,
    "snmptrap": 162,
    "snmp-trap": 162,
    "snpp": 444,
    "socks": 1080,
    "ssh": 22,
    "sunrpc": 111,
    "syslog": 514,
    "tacacs": 49,
    "tacacs-ds": 65,
    "talk": 517,
    "telnet": 23,
    "tftp": 69,
    "timed": 525,
    "who": 513,
    "xdmcp": 177,
}

PROTOCOLS: dict[str, int] = {
    "icmp": PROTO_ICMP,
    "igmp": 2,
    "ipip": 4,
    "tcp": PROTO_TCP,
    "egp": 8,
    "udp": PROTO_UDP,
    "rsvp": 46,
    "gre": 47,
    "esp": 50,
    "ah": 51,
    "icmp6": 58,
    "ospf": 89,
    "pim": 103,
    "vrrp": 112,
    "sctp": 132,
    "ipv6": 41,
}

ICMP_TYPES: dict[str, int] = {
    "echo-reply": 0,
    "unreachable": 3,
    "source-quench": 4,
    "redirect": 5,
    "echo-request": 8,
    "router-advertisement": 9,
    "router-solicit": 10,
    "time-exceeded": 11,
    "parameter-problem": 12,
    "timestamp": 13,
    "timestamp-reply": 14,
    "info-request": 15,
    "info-reply": 16,
    "mask-request": 17,
    "mask-reply": 18,
}


def port_range(word: str) -> PortRange | None:
    """``ssh``, ``8080``, ``1024-65535`` → a range; None when not understood."""
    if word in PORTS:
        p = PORTS[word]
        return PortRange(p, p)
    lo, sep, hi = word.partition("-")
    if lo.isdecimal() and (not sep or hi.isdecimal()):
        a, b = int(lo), int(hi) if sep else int(lo)
        if 0 <= a <= b <= 65535:
            return PortRange(a, b)
    return None


def protocol(word: str) -> int | None:
    if word in PROTOCOLS:
        return PROTOCOLS[word]
    if word.isdecimal() and int(word) <= 255:
        return int(word)
    return None


def icmp_type(word: str) -> int | None:
    if word in ICMP_TYPES:
        return ICMP_TYPES[word]
    if word.isdecimal() and int(word) <= 255:
        return int(word)
    return None


def address(word: str) -> tuple[int, int] | None:
    """``10.0.0.0/8`` or ``10.0.0.1`` → (network, length); None when not IPv4."""
    addr, _, length = word.partition("/")
    ip = ip_to_int(addr)
    if ip is None:
        return None
    if not length:
        return ip, 32
    if not length.isdecimal() or int(length) > 32:
        return None
    n = int(length)
    mask = (0xFFFFFFFF << (32 - n)) & 0xFFFFFFFF
    return ip & mask, n


# A predefined application: (protocol, destination ports) — ports None for ICMP or a whole
# protocol, with the ICMP type where the application names one.
App = tuple[int | None, tuple[PortRange, ...] | None, int | None]


def _tcp(*ports: int) -> App:
    return (PROTO_TCP, tuple(PortRange(p, p) for p in ports), None)


def _udp(*ports: int) -> App:
    return (PROTO_UDP, tuple(PortRange(p, p) for p in ports), None)


# The predefined applications read exactly (a Junos device's `groups junos-defaults`).
# Others (junos-smb, junos-ms-rpc …, application sets such as junos-cifs) are partial, and so
# is junos-ping: published tables disagree on whether it is ICMP echo only (as junos-icmp-ping)
# or every ICMP type (docs/vendors/juniper_junos.md, "SRX security").
PREDEFINED: dict[str, list[App]] = {
    "junos-ftp": [_tcp(21)],
    "junos-tftp": [_udp(69)],
    "junos-ssh": [_tcp(22)],
    "junos-telnet": [_tcp(23)],
    "junos-smtp": [_tcp(25)],
    "junos-dns-udp": [_udp(53)],
    "junos-dns-tcp": [_tcp(53)],
    "junos-http": [_tcp(80)],
    "junos-https": [_tcp(443)],
    "junos-pop3": [_tcp(110)],
    "junos-imap": [_tcp(143)],
    "junos-ntp": [_udp(123)],
    "junos-snmp-get": [_udp(161)],
    "junos-snmp-get-next": [_udp(161)],
    "junos-snmp-trap": [_udp(162)],
    "junos-ldap": [_tcp(389)],
    "junos-ike": [_udp(500)],
    "junos-ike-nat": [_udp(4500)],
    "junos-bgp": [_tcp(179)],
    "junos-syslog": [_udp(514)],
    "junos-ms-sql": [_tcp(1433)],
    "junos-pptp": [_tcp(1723)],
    "junos-nntp": [_tcp(119)],
    "junos-gre": [(47, None, None)],
    "junos-icmp-ping": [(PROTO_ICMP, None, 8)],
    "junos-icmp-all": [(PROTO_ICMP, None, None)],
}
