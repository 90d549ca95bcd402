"""IOS-family syntax shared by the Cisco parsers (``cisco_ios`` and ``cisco_asa``).

It is its own module, not part of either package, because both vendors' grammars
use it and neither depends on the other: the ASA parser does not load the IOS one.
(``state_routes`` uses :func:`canonical_ifname` too, for ``show ip route`` output.)

Pure helpers and data tables only — no parser state:

* named TCP/UDP ports, IP protocol names and ICMP type/code names as IOS spells them;
* port operators (``eq``/``neq``/``lt``/``gt``/``range``) → :class:`PortRange` unions;
* VLAN lists (``1,5-7,100``) → sets;
* :class:`Svc`, the protocol/port part of an ACL match as both parsers build it;
* canonical interface names (netutils, with the few spellings it leaves inconsistent fixed);
* the partial reasons both parsers give, as catalogue texts (``input.ios.*``).

Addresses, masks and prefix lengths: :mod:`netaudit.parsers.ip`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from netutils.interface import canonical_interface_name

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, Match, PortRange, Src
from netaudit.parsers.base import evolve

# --------------------------------------------------------------------------- names

# IOS "named ports" for TCP (the keywords `?` offers after `eq` on IOS 15 / IOS-XE 17).
TCP_PORTS: dict[str, int] = {
    "bgp": 179,
    "chargen": 19,
    "cmd": 514,
    "daytime": 13,
    "discard": 9,
    "domain": 53,
    "drip": 3949,
    "echo": 7,
    "exec": 512,
    "finger": 79,
    "ftp": 21,
    "ftp-data": 20,
    "gopher": 70,
    "hostname": 101,
    "ident": 113,
    "irc": 194,
    "klogin": 543,
    "kshell": 544,
    "login": 513,
    "lpd": 515,
    "msrpc": 135,
    "nntp": 119,
    "onep-plain": 15001,
    "onep-tls": 15002,
    "pim-auto-rp": 496,
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

# IOS named ports for UDP.
UDP_PORTS: dict[str, int] = {
    "biff": 512,
    "bootpc": 68,
    "bootps": 67,
    "discard": 9,
    "dnsix": 195,
    "domain": 53,
    "echo": 7,
    "isakmp": 500,
    "mobile-ip": 434,
    "nameserver": 42,
    "netbios-dgm": 138,
    "netbios-ns": 137,
    "netbios-ss": 139,
    "non500-isakmp": 4500,
    "ntp": 123,
    "pim-auto-rp": 496,
    "rip": 520,
    "ripng": 521,
    "snmp": 161,
    "snmptrap": 162,
    "sunrpc": 111,
    "syslog": 514,
    "tacacs": 49,
    "talk": 517,
    "tftp": 69,
    "time": 37,
    "who": 513,
    "xdmcp": 177,
}

# Names some IOS-XE releases and the ASA accept on top of the classic tables.  A
# config that uses one was accepted by its device, so the meaning is not in doubt.
EXTRA_TCP_PORTS: dict[str, int] = {
    "http": 80,
    "https": 443,
    "ssh": 22,
    "ldap": 389,
    "ldaps": 636,
    "imap4": 143,
    "netbios-ssn": 139,
    "rsh": 514,
    "sqlnet": 1521,
    "citrix-ica": 1494,
    "ctiqbe": 2748,
    "h323": 1720,
    "kerberos": 750,
    "lotusnotes": 1352,
    "pptp": 1723,
    "rtsp": 554,
    "sip": 5060,
    "aol": 5190,
    "cifs": 3020,
    "pcanywhere-data": 5631,
    "nfs": 2049,
}
EXTRA_UDP_PORTS: dict[str, int] = {
    "dns": 53,
    "kerberos": 750,
    "radius": 1645,
    "radius-acct": 1646,
    "sip": 5060,
    "secureid-udp": 5510,
    "nfs": 2049,
    "pcanywhere-status": 5632,
    "cifs": 3020,
}

# IP protocol keywords; ``ip`` means every protocol (``None``).
PROTOCOLS: dict[str, int | None] = {
    "ip": None,
    "icmp": 1,
    "igmp": 2,
    "ipinip": 4,
    "tcp": 6,
    "udp": 17,
    "gre": 47,
    "esp": 50,
    "ahp": 51,
    "eigrp": 88,
    "ospf": 89,
    "nos": 94,
    "pim": 103,
    "pcp": 108,
    "sctp": 132,
    # ASA / IOS-XE spellings
    "ah": 51,
    "ipsec": 50,
    "igrp": 9,
    "snp": 109,
    "ipv4": None,
}

# ICMP message names → (type, code or None).
ICMP_TYPES: dict[str, tuple[int, int | None]] = {
    "echo-reply": (0, None),
    "unreachable": (3, None),
    "net-unreachable": (3, 0),
    "host-unreachable": (3, 1),
    "protocol-unreachable": (3, 2),
    "port-unreachable": (3, 3),
    "packet-too-big": (3, 4),
    "source-route-failed": (3, 5),
    "network-unknown": (3, 6),
    "host-unknown": (3, 7),
    "host-isolated": (3, 8),
    "dod-net-prohibited": (3, 9),
    "dod-host-prohibited": (3, 10),
    "net-tos-unreachable": (3, 11),
    "host-tos-unreachable": (3, 12),
    "administratively-prohibited": (3, 13),
    "host-precedence-unreachable": (3, 14),
    "precedence-unreachable": (3, 15),
    "source-quench": (4, None),
    "redirect": (5, None),
    "net-redirect": (5, 0),
    "host-redirect": (5, 1),
    "net-tos-redirect": (5, 2),
    "host-tos-redirect": (5, 3),
    "alternate-address": (6, None),
    "echo": (8, None),
    "router-advertisement": (9, None),
    "router-solicitation": (10, None),
    "time-exceeded": (11, None),
    "ttl-exceeded": (11, 0),
    "reassembly-timeout": (11, 1),
    "parameter-problem": (12, None),
    "general-parameter-problem": (12, 0),
    "option-missing": (12, 1),
    "no-room-for-option": (12, 2),
    "timestamp-request": (13, None),
    "timestamp-reply": (14, None),
    "information-request": (15, None),
    "information-reply": (16, None),
    "mask-request": (17, None),
    "mask-reply": (18, None),
    "traceroute": (30, None),
    "conversion-error": (31, None),
    "mobile-redirect": (32, None),
}


class Svc(NamedTuple):
    """The protocol/port part of a match (one service alternative)."""

    protocols: tuple[int, ...] | None = None
    src_ports: tuple[PortRange, ...] | None = None
    dst_ports: tuple[PortRange, ...] | None = None
    icmp_type: int | None = None
    icmp_code: int | None = None


VLAN_MIN, VLAN_MAX = 1, 4094
ALL_VLANS = frozenset(range(VLAN_MIN, VLAN_MAX + 1))

# --------------------------------------------------------------------------- ports


# The command a terminal capture starts with (``R-EDGE#show running-config``,
# ``fw01> sh run``, ``R2(config)#do show run``, ``Router>en`` before ``Router#sh run``)
# and the bare prompt it ends with: not configuration.
CLI_COMMAND = re.compile(
    r"[\w.\-:/()@]+[#>]\s*(?:(?:do\s+)?(?:sh|show|more|term|terminal|wr|write)\b.*|en(?:able?|a|ab)?(?:\s+\d+)?)?$",
    re.IGNORECASE,  # the CLI takes `SH RUN` as well (a real IOS 15.2 capture)
)


# A Markdown code fence around a pasted configuration (```, ```ios …): a note's markup,
# never configuration.
MARKDOWN_FENCE = re.compile(r"```[\w+-]*$")
# A note's Markdown heading above the fence (``# Configuration du SwitchLv3``): no Cisco
# command starts with ``#``.
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")


def capture_markup(stripped: str) -> bool:
    """Whether a line written at column 0 (``stripped``: without its blanks) is a
    terminal capture's prompt and command or a note's Markdown fence or heading
    (CLI_COMMAND, MARKDOWN_FENCE, MARKDOWN_HEADING): not configuration.  Each holds a
    ``#``, a ``>`` or a backquote, so a line without one is configuration without a
    pattern asked — three per line of a long access list (issue #15)."""
    if "#" not in stripped and ">" not in stripped and "`" not in stripped:
        return False
    return bool(CLI_COMMAND.match(stripped) or MARKDOWN_FENCE.match(stripped) or MARKDOWN_HEADING.match(stripped))


def port_number(token: str, protocol: int | None) -> int | None:
    """A port keyword or number for ``protocol`` (6, 17, or None = TCP-or-UDP)."""
    if token.isdecimal():
        value = int(token)
        return value if value <= 65535 else None
    tok = token.lower()
    if protocol == 6:
        return TCP_PORTS.get(tok, EXTRA_TCP_PORTS.get(tok))
    if protocol == 17:
        return UDP_PORTS.get(tok, EXTRA_UDP_PORTS.get(tok))
    # tcp-udp (service object-groups): the name must mean the same port for both
    # where both define it; otherwise take whichever defines it.
    t = TCP_PORTS.get(tok, EXTRA_TCP_PORTS.get(tok))
    u = UDP_PORTS.get(tok, EXTRA_UDP_PORTS.get(tok))
    if t is not None and u is not None and t != u:
        return None
    return t if t is not None else u


@lru_cache(maxsize=4096)
def _port_range(port: int) -> PortRange:
    return PortRange(port, port)


PORT_OPERATORS = frozenset({"eq", "neq", "lt", "gt", "range"})


def merge_ranges(ranges: list[PortRange]) -> tuple[PortRange, ...]:
    """Sorted union of port ranges with adjacent/overlapping ranges merged."""
    if len(ranges) == 1:
        return (ranges[0],)
    out: list[list[int]] = []
    for r in sorted(ranges, key=lambda r: (r.lo, r.hi)):
        if out and r.lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], r.hi)
        else:
            out.append([r.lo, r.hi])
    return tuple(PortRange(lo, hi) for lo, hi in out)


def complement_ports(ports: list[int]) -> tuple[PortRange, ...]:
    """Every port except ``ports`` (``neq``), as ranges."""
    out: list[PortRange] = []
    lo = 0
    for p in sorted(set(ports)):
        if p > lo:
            out.append(PortRange(lo, p - 1))
        lo = p + 1
    if lo <= 65535:
        out.append(PortRange(lo, 65535))
    return tuple(out)


def parse_port_op(
    tokens: list[str] | tuple[str, ...], i: int, protocol: int | None
) -> tuple[tuple[PortRange, ...], int] | None:
    """Parse a port operator at ``tokens[i]``.

    Returns ``(ranges, next_index)``, or ``None`` when ``tokens[i]`` is not a port
    operator.  Raises ``ValueError`` when it is one but its operands are invalid.
    ``eq`` and ``neq`` take one or more ports (IOS-XE accepts ``eq 80 443``).
    """
    if i >= len(tokens):
        return None
    op = tokens[i].lower()
    if op not in PORT_OPERATORS:
        return None
    n = len(tokens)
    if op == "range":
        if i + 2 >= n:
            raise ValueError("range needs two ports")
        lo, hi = port_number(tokens[i + 1], protocol), port_number(tokens[i + 2], protocol)
        if lo is None or hi is None or lo > hi:
            raise ValueError(f"bad port range {tokens[i + 1]} {tokens[i + 2]}")
        return (PortRange(lo, hi),), i + 3
    values: list[int] = []
    j = i + 1
    while j < n:
        p = port_number(tokens[j], protocol)
        if p is None:
            break
        values.append(p)
        j += 1
        if op in ("lt", "gt"):
            break
    if not values:
        raise ValueError(f"'{op}' without a valid port")
    if op == "eq":
        if len(values) == 1:  # the common case, kept cheap
            return (_port_range(values[0]),), j
        return merge_ranges([PortRange(p, p) for p in values]), j
    if op == "neq":
        return complement_ports(values), j
    p = values[0]
    if op == "lt":
        return ((PortRange(0, p - 1),) if p > 0 else ()), j
    return ((PortRange(p + 1, 65535),) if p < 65535 else ()), j


def protocol_number(token: str) -> tuple[bool, int | None]:
    """``(known, number)``: ``number`` is ``None`` for ``ip`` (every protocol)."""
    tok = token.lower()
    if tok in PROTOCOLS:
        return True, PROTOCOLS[tok]
    if tok.isdecimal() and int(tok) <= 255:
        return True, int(tok)
    return False, None


# --------------------------------------------------------------------------- VLANs


def parse_vlan_list(text: str) -> frozenset[int]:
    """``"1,5-7,100"`` → {1,5,6,7,100}.  Raises ``ValueError`` on bad syntax."""
    out: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, _, b = part.partition("-")
            lo, hi = int(a), int(b)
            if lo > hi:
                raise ValueError(f"bad VLAN range {part}")
        else:
            lo = hi = int(part)
        if lo < VLAN_MIN or hi > 4095:
            raise ValueError(f"VLAN out of range: {part}")
        out.update(range(lo, min(hi, VLAN_MAX) + 1))
    return frozenset(out)


# --------------------------------------------------------------------------- interfaces


@lru_cache(maxsize=1 << 14)
def canonical_ifname(name: str) -> str:
    """Canonical interface name (``Gi0/1`` → ``GigabitEthernet0/1``).

    netutils does the expansion; we only fix the spellings it leaves inconsistent
    (``vlan10``/``Vl10`` → ``Vlan10``, ``null0`` → ``Null0``) so names from config
    and from state files compare equal.
    """
    name = "".join(name.split())  # "GigabitEthernet 0/1" → "GigabitEthernet0/1"
    if not name:
        return name
    try:
        canon = canonical_interface_name(name)
    except Exception:  # netutils raises on some odd inputs; keep the name as written
        canon = name
    low = canon.lower()
    if low.startswith("vlan") and low[4:5].isdecimal():
        canon = "Vlan" + canon[4:]
    elif low.startswith("null") and low[4:5].isdecimal():
        canon = "Null" + canon[4:]
    return canon


# --------------------------------------------------------------------------- crypto ACLs

PROTO_GRE = 47


def mirrored(m: Match) -> tuple[Match, bool]:
    """(``m`` seen the other way — addresses and ports swapped —, whether that takes more
    packets than the exact mirror): ICMP types, TCP flags and connection state are left
    open (a reply's type and flags differ)."""
    widened = m.icmp_type is not None or m.icmp_code is not None or m.tcp_established or m.conn_established is not None
    back = evolve(
        m,
        src=m.dst,
        dst=m.src,
        src_negate=m.dst_negate,
        dst_negate=m.src_negate,
        src_ports=m.dst_ports,
        dst_ports=m.src_ports,
        icmp_type=None,
        icmp_code=None,
        tcp_established=False,
        conn_established=None,
    )
    return back, widened


def mirror_filter(name: str, acl: Filter, src: Src) -> Filter:
    """What may come decrypted out of a tunnel whose crypto ACL is ``acl``: its lines
    mirrored, first match as written.  A deny line whose mirror would take more than it
    should is left out (the permits after it then take more: more maybe, never less)."""
    lines: list[FilterLine] = []
    for line in acl.lines:
        pairs = [mirrored(m) for m in line.matches]
        if line.action == Action.DENY and any(w for _, w in pairs):
            continue
        lines.append(FilterLine(line.action, [m for m, _ in pairs], line.source, line.name))
    return Filter(
        name=name,
        lines=lines,
        kind="synthesized",
        source=src,
        default_text=Text("input.ios.default.crypto_mirrored"),
    )


def crypto_acl_problem(name: str, flt: Filter) -> Text | None:
    """Why the crypto ACL ``flt`` (named ``name``) cannot be read as a tunnel's traffic
    (a line not fully understood, GRE protected: GRE over IPsec is not modelled), or None."""
    if flt.partial:
        return Text("input.ios.crypto_acl_partial", name=name, why=flt.partial)
    for line in flt.lines:
        if line.partial or line.approximated:
            return Text("input.ios.crypto_acl_line", name=name, text=line.source.text)
        if line.action == Action.PERMIT and any(m.protocols and PROTO_GRE in m.protocols for m in line.matches):
            return Text("input.ios.crypto_acl_gre", name=name, text=line.source.text)
    return None


# --------------------------------------------------------------------------- partial reasons

# The reasons both parsers give for a construct they read only in part, one catalogue
# text each (netaudit/catalogue/cisco_ios.py): a report words them in its language.
PPPOE_CLIENT = Text("input.ios.pppoe_client")
WCCP = Text("input.ios.wccp")


def line_not_understood(line: int, error: object) -> Text:
    """Why a line whose action or object is known is partial: the parser's error
    (configuration text, left as it is) on line ``line``."""
    return Text("input.ios.line_not_understood", line=line, error=str(error))


def switchport_mode_unmodelled(mode: str) -> Text:
    """Why an interface with ``switchport mode MODE`` (not access or trunk) is partial."""
    return Text("input.ios.switchport_mode", mode=mode)
