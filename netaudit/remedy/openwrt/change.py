"""What an OpenWrt change set changes: the values it writes and the options and sections
netaudit adds, edits or removes (before any UCI text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Match,
    MgmtService,
    PortRange,
)
from ...parsers.openwrt.uci import Section
from ..plan import Restrict

TAG = "netaudit"  # every section netaudit adds is named netaudit_*, every rule name starts with it
BEFORE_DIR = "/root/netaudit-before"  # copies of /etc/config/* (on the overlay: survive a reboot)
BACKUP = "/tmp/netaudit-before.tar.gz"
# package -> the command that makes its service read the committed configuration
RELOAD = {
    "firewall": "/etc/init.d/firewall reload",
    "dropbear": "/etc/init.d/dropbear restart",
    "uhttpd": "/etc/init.d/uhttpd restart",
    "snmpd": "/etc/init.d/snmpd restart",
    "wireless": "wifi reload",
}
OPEN_ENCRYPTION = {"none", "owe", "", "open"}
ICMP_NAMES = {0: "echo-reply", 3: "destination-unreachable", 8: "echo-request", 11: "time-exceeded"}
PROTO_WORD = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}


# --------------------------------------------------------------------------- values


def uci_quote(value: str) -> str:
    """A value as ``uci export``/``uci show`` and the shell write it: single quotes,
    a quote inside as ``'\\''``."""
    return "'" + value.replace("'", "'\\''") + "'"


def safe_name(text: str) -> str:
    """A word usable in a UCI section name (letters, digits, underscore)."""
    return re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_").lower() or "x"


def _ports_text(ports: tuple[PortRange, ...] | tuple[tuple[int, int], ...]) -> str:
    out = []
    for p in ports:
        lo, hi = (p.lo, p.hi) if isinstance(p, PortRange) else p
        out.append(f"{lo}" if lo == hi else f"{lo}-{hi}")
    return " ".join(out)


def _match_options(m: Match) -> list[tuple[str, list[str]]]:
    """fw4 rule options selecting the packets of a service match (``proto`` always set:
    fw4's default ``tcpudp`` would leave other protocols out)."""
    if m.protocols is None:
        return [("proto", ["all"])]
    proto = m.protocols[0]
    opts: list[tuple[str, list[str]]] = [("proto", [PROTO_WORD.get(proto, str(proto))])]
    if m.dst_ports and proto in (PROTO_TCP, PROTO_UDP):
        opts.append(("dest_port", [_ports_text(m.dst_ports)]))
    if proto == PROTO_ICMP and m.icmp_type is not None:
        opts.append(("icmp_type", [ICMP_NAMES.get(m.icmp_type, str(m.icmp_type))]))
    return opts


def _restrict_match(r: Restrict) -> Match:
    if r.protocol == PROTO_ICMP:
        return Match(protocols=(PROTO_ICMP,), icmp_type=8)
    ports = tuple(PortRange(lo, hi) for lo, hi in r.ports) or None
    return Match(protocols=(r.protocol,), dst_ports=ports)


def _svc_match(svc: MgmtService) -> Match:
    if svc.protocol == PROTO_ICMP:
        return Match(protocols=(PROTO_ICMP,), icmp_type=svc.icmp_type)
    return Match(protocols=(svc.protocol,), dst_ports=tuple(svc.ports) or None)


def _restrict_key(r: Restrict) -> tuple:
    return (r.service, r.protocol, tuple(r.ports))


def _svc_key(svc: MgmtService) -> tuple:
    return (svc.name, svc.protocol, tuple((p.lo, p.hi) for p in svc.ports))


# --------------------------------------------------------------------------- the change


@dataclass
class OptChange:
    """An option of an existing section set (``values``: one = option, several or
    ``as_list`` = list) or deleted (``values`` None)."""

    sec: Section
    key: str
    values: list[str] | None
    why: str
    as_list: bool = False


@dataclass
class NewSection:
    """A section netaudit adds (always named ``netaudit_*``)."""

    package: str
    type: str
    name: str
    options: list[tuple[str, list[str]]]
    why: str
    top: bool = True  # before the first existing rule (else after the last section)


LIST_KEYS = {"src_ip", "dest_ip"}  # written as lists (fw4 takes both; several subnets need one)


@dataclass
class Change:
    opts: list[OptChange] = field(default_factory=list)
    deleted: list[tuple[Section, str]] = field(default_factory=list)
    added: list[NewSection] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)

    def set(self, sec: Section, key: str, value: str | list[str] | None, why: str, as_list: bool = False) -> None:
        """Set (or delete, ``value`` None) one option; a later change of the same option wins."""
        values = [value] if isinstance(value, str) else value
        self.opts = [o for o in self.opts if not (o.sec is sec and o.key == key)]
        self.opts.append(OptChange(sec, key, values, why, as_list))

    def name(self, base: str) -> str:
        """A section name not used yet."""
        taken = {n.name for n in self.added}
        name = f"{TAG}_{base}"[:60]
        k = 2
        while name in taken:
            name = f"{TAG}_{base}"[:56] + f"_{k}"
            k += 1
        return name

    def add_rule(self, base: str, options: list[tuple[str, list[str]]], why: str, top: bool = True) -> None:
        """A ``config rule`` (the same rule twice is written once)."""
        if any(n.options == options for n in self.added):
            return
        self.added.append(NewSection("firewall", "rule", self.name(base), options, why, top))

    def packages(self) -> list[str]:
        """The packages the change touches, in the order they are committed."""
        touched = {o.sec.package for o in self.opts} | {s.package for s, _ in self.deleted}
        touched |= {n.package for n in self.added}
        return [p for p in RELOAD if p in touched]
