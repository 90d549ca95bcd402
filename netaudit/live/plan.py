"""What ``netaudit probe`` sends from one vantage zone: a bounded list of (address, zone,
service) targets built from a saved JSON audit (``netaudit/audit/v1``) or a site file alone.

Per destination zone (every zone but the vantage zone and the external / WAN ones): the
witness destinations of the cell's reachable verdict, then a sample of each subnet (the
first hosts .1-.10 and a few spread ones, at most ``per_zone`` addresses).  The devices'
own interface addresses are the ``@devices`` pseudo-zone.  Each address gets the standard
deny list (:data:`DENY_SERVICES`) plus the services the policy allows for that cell and
the services the audit found reachable (to confirm them).  The whole plan is cut to
``max_probes``, zones interleaved so that each keeps its first (most telling) targets.

Scope: an address is probed only when it lies inside a subnet of a zone that is not
external / WAN, or when it was given with ``--allow-target``; anything else is recorded
in ``refused`` and never sent.  Pure data: no scapy, no sockets.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from netaddr import AddrFormatError, IPAddress, IPNetwork

from ..messages import Text
from ..model import InputError
from ..vocabulary import DEVICES_ZONE
from .evidence import read_json

# The services a probe tries on every target: what must stay closed across zones.
DENY_SERVICES = (
    "tcp/22",
    "tcp/23",
    "tcp/80",
    "tcp/443",
    "tcp/445",
    "tcp/3389",
    "tcp/8291",
    "tcp/8728",
    "tcp/8080",
    "tcp/8443",
    "udp/53",
    "udp/161",
    "icmp/8",
)
UNSCANNED_KINDS = ("external", "wan")  # never probed: the Internet is not ours to scan
DEFAULT_MAX_PROBES = 2000
DEFAULT_PER_ZONE = 16
_FIRST_HOSTS = 10


@dataclass(frozen=True)
class Target:
    dst: str
    zone: str
    service: str  # "tcp/445", "udp/53", "icmp/8"


@dataclass
class Plan:
    zone: str  # the vantage zone
    source: str | None = None  # the file or folder it came from
    sha256: str | None = None
    targets: list[Target] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)  # {"dst", "why"}
    dropped: int = 0  # targets cut by max_probes
    max_probes: int = DEFAULT_MAX_PROBES

    def summary(self) -> dict[str, Counter]:
        """Targets per zone and service."""
        out: dict[str, Counter] = {}
        for t in self.targets:
            out.setdefault(t.zone, Counter())[t.service] += 1
        return out

    def addresses(self) -> dict[str, str]:
        """One address per zone (the first planned), for the traces."""
        out: dict[str, str] = {}
        for t in self.targets:
            out.setdefault(t.zone, t.dst)
        return out


def _service(text: str) -> str | None:
    """A single probe-able service from a matrix service string, or None."""
    text = str(text).strip().lower()
    proto, _, port = text.partition("/")
    if proto == "icmp":
        return "icmp/8" if port in ("", "8") else None
    if proto not in ("tcp", "udp") or not port:
        return None
    first = port.split("-")[0]
    if not first.isdecimal() or not 0 < int(first) < 65536:
        return None
    return f"{proto}/{int(first)}"


def _sample(net: IPNetwork, per_zone: int) -> list[str]:
    """First hosts .1-.10, then a few spread through the subnet (quarters, last host), then,
    where ``per_zone`` asks for more, addresses spread evenly through the rest."""
    if net.prefixlen >= 31:
        return [str(a) for a in net][:per_zone]
    first, last = int(net.network) + 1, int(net.broadcast) - 1
    out = [first + i for i in range(min(_FIRST_HOSTS, last - first + 1))]
    size = last - first + 1
    out += [first + size * k // 4 for k in (1, 2, 3)] + [last]
    seen: list[int] = []
    for a in out:
        if first <= a <= last and a not in seen:
            seen.append(a)
    want = min(per_zone, size)
    more = want - len(seen)
    taken = set(seen)
    for k in range(max(0, more)):  # evenly spread; one already taken moves to the next free address
        a = first + size * (k + 1) // (more + 1)
        while a in taken:
            a = a + 1 if a < last else first
        taken.add(a)
        seen.append(a)
    return [str(IPAddress(a, 4)) for a in seen]


class _Builder:
    def __init__(self, zone: str, zones: list[dict], allow: list[str], per_zone: int):
        self.zone = zone
        self.per_zone = per_zone
        self.allow = {_address(a, "--allow-target") for a in allow}
        self.kinds = {z["name"]: z.get("kind", "") for z in zones}
        if zone not in self.kinds:
            names = ", ".join(self.kinds) or Text("live.error.none")
            raise InputError(Text("live.error.no_such_zone", zone=repr(zone), zones=names))
        if self.kinds[zone] in UNSCANNED_KINDS:
            raise InputError(Text("live.error.not_vantage", zone=repr(zone), kind=self.kinds[zone]))
        self.nets: dict[str, list[IPNetwork]] = {}
        for z in zones:
            nets = []
            for s in z.get("subnets") or []:
                try:
                    nets.append(IPNetwork(str(s), 4))
                except (AddrFormatError, ValueError):
                    raise InputError(Text("live.error.subnet", zone=repr(z["name"]), value=repr(s))) from None
            self.nets[z["name"]] = nets
        self.hosts: dict[str, list[str]] = {}  # zone -> addresses, in order of priority
        self.services: dict[tuple[str, str], list[str]] = {}  # (src, dst zone) -> extra services
        self.refused: dict[str, str] = {}

    def scope(self, addr: str) -> str | None:
        """Why ``addr`` may not be probed, or None when it may."""
        if addr in self.allow:
            return None
        return scope_reason(addr, self.nets, self.kinds)

    def zone_of(self, addr: str) -> str | None:
        ip = IPAddress(addr, 4)
        for n, nets in self.nets.items():
            if any(ip in net for net in nets):
                return n
        return None

    def add(self, zone: str, addr: str, force: bool = False) -> None:
        try:
            addr = str(IPAddress(str(addr), 4))
        except (AddrFormatError, ValueError, TypeError):
            return
        why = self.scope(addr)
        if why:
            self.refused.setdefault(addr, why)
            return
        hosts = self.hosts.setdefault(zone, [])
        if addr not in hosts and (force or len(hosts) < self.per_zone):
            hosts.append(addr)

    def add_services(self, dst_zone: str, services) -> None:
        extra = self.services.setdefault((self.zone, dst_zone), [])
        for s in services or []:
            svc = _service(s)
            if svc and svc not in DENY_SERVICES and svc not in extra:
                extra.append(svc)

    def sample_zones(self, devices: set[str]) -> None:
        for name, nets in self.nets.items():
            if name == self.zone or self.kinds.get(name) in UNSCANNED_KINDS:
                continue
            samples = [[a for a in _sample(n, self.per_zone) if a not in devices] for n in nets]
            for i in range(max((len(s) for s in samples), default=0)):  # subnets interleaved
                for s in samples:
                    if i < len(s):
                        self.add(name, s[i])

    def plan(self, extra_targets: list[str], max_probes: int) -> Plan:
        for a in extra_targets:
            addr = _address(a, "--target")
            self.add(self.zone_of(addr) or "(given)", addr, force=True)
        for a in sorted(self.allow):
            self.add(self.zone_of(a) or "(given)", a, force=True)
        queues: list[list[Target]] = []
        for zone, hosts in self.hosts.items():
            services = list(DENY_SERVICES) + self.services.get((self.zone, zone), [])
            queues.append([Target(h, zone, s) for h in hosts for s in services])
        targets: list[Target] = []
        total = sum(len(q) for q in queues)
        while len(targets) < min(max_probes, total):  # zones interleaved, each in its order
            for q in queues:
                if q and len(targets) < max_probes:
                    targets.append(q.pop(0))
        plan = Plan(zone=self.zone, targets=targets, dropped=total - len(targets), max_probes=max_probes)
        plan.refused = [{"dst": d, "why": w} for d, w in self.refused.items()]
        return plan


def scope_reason(addr: str, nets: dict[str, list[IPNetwork]], kinds: dict[str, str]) -> str | None:
    """The scope rule of ``netaudit probe`` and ``netaudit scan``: why ``addr`` may not be
    sent to (outside every zone, or only in external / WAN zones), or None when it may."""
    ip = IPAddress(addr, 4)
    inside = [n for n, ns in nets.items() if any(ip in net for net in ns)]
    if not inside:
        return "outside every zone of the site file"
    if all(kinds.get(n) in UNSCANNED_KINDS for n in inside):
        return f"in {kinds.get(inside[0])} zone {inside[0]!r}, which is never scanned"
    return None


def _address(value, what: str) -> str:
    try:
        return str(IPAddress(str(value), 4))
    except (AddrFormatError, ValueError, TypeError):
        raise InputError(Text("live.error.address", where=what, value=repr(value))) from None


def plan_from_audit(
    doc: dict,
    zone: str,
    *,
    max_probes: int = DEFAULT_MAX_PROBES,
    per_zone: int = DEFAULT_PER_ZONE,
    allow: list[str] = (),  # type: ignore[assignment]
    targets: list[str] = (),  # type: ignore[assignment]
) -> Plan:
    """The plan for vantage ``zone`` from a ``netaudit/audit/v1`` document."""
    if not isinstance(doc, dict) or not str(doc.get("schema", "")).startswith("netaudit/audit/"):
        raise InputError(Text("live.error.not_audit"))
    b = _Builder(zone, list(doc.get("zones") or []), list(allow), per_zone)
    devices: set[str] = set()
    for dev in (doc.get("topology") or {}).get("devices") or []:
        for itf in dev.get("interfaces") or []:
            for a in itf.get("addresses") or []:
                try:
                    devices.add(str(IPNetwork(str(a), 4).ip))
                except (AddrFormatError, ValueError):
                    continue
    for cell in doc.get("matrix") or []:
        if cell.get("src") != zone:
            continue
        dst = cell.get("dst")
        if dst != DEVICES_ZONE and b.kinds.get(dst) in UNSCANNED_KINDS:
            continue
        b.add_services(dst, cell.get("allowed_services"))
        if cell.get("verdict") == "reachable":
            b.add_services(dst, cell.get("services"))
            packet = (cell.get("witness") or {}).get("packet") or {}
            if packet.get("dst_ip"):
                b.add(dst, packet["dst_ip"])
    # Device addresses: the vantage zone's gateway first, then the others.
    mine = b.nets.get(zone, [])
    ordered = sorted(devices, key=lambda a: (not any(IPAddress(a) in n for n in mine), IPAddress(a)))
    for a in ordered:
        b.add(DEVICES_ZONE, a, force=True)
    b.sample_zones(devices)
    return b.plan(list(targets), max_probes)


def plan_from_site(
    site,
    zone: str,
    *,
    max_probes: int = DEFAULT_MAX_PROBES,
    per_zone: int = DEFAULT_PER_ZONE,
    allow: list[str] = (),  # type: ignore[assignment]
    targets: list[str] = (),  # type: ignore[assignment]
) -> Plan:
    """The plan from a site file alone (:class:`netaudit.zones.Site`): no devices and no
    verdicts known, so each subnet's sample (its first host is the likely gateway)."""
    zones = [{"name": z.name, "kind": z.kind, "subnets": [str(n) for n in z.subnets]} for z in site.zones]
    b = _Builder(zone, zones, list(allow), per_zone)
    for p in site.policy:
        if p.src == zone and p.services:
            b.add_services(p.dst, p.services)
    b.sample_zones(set())
    return b.plan(list(targets), max_probes)


def load_plan(
    zone: str,
    plan: str | None = None,
    site: str | None = None,
    **kw,
) -> Plan:
    """The plan from ``plan`` (a JSON audit file, or a folder of configs audited now) or
    from ``site`` (a site file alone)."""
    if plan:
        p = Path(plan)
        if p.is_dir():
            from ..audit import run_audit
            from ..report import RenderOptions
            from ..report.json_report import audit_dict

            doc = audit_dict(run_audit([p], site), RenderOptions())
            result = plan_from_audit(doc, zone, **kw)
            result.source = str(p)
            return result
        doc, sha = read_json(p, Text("live.expected.audit"))
        try:
            result = plan_from_audit(doc, zone, **kw)
        except InputError as e:  # the same message (in the reader's language), naming the plan file
            if e.file:  # it names its own file already
                raise
            raise InputError(e.message, str(p)) from None
        result.source, result.sha256 = str(p), sha
        return result
    if site:
        from ..zones import load_site

        raw = Path(site).read_bytes() if Path(site).is_file() else b""
        result = plan_from_site(load_site(site), zone, **kw)
        result.source, result.sha256 = str(site), hashlib.sha256(raw).hexdigest()
        return result
    raise InputError(Text("live.error.no_plan"))
