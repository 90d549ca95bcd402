"""``netaudit scan``: discovery from the vantage point, without configurations.

1. The vantage point (netaudit/live/vantage.py): interface, address, MAC, default gateway
   from the routing table, the DHCP server from the lease files (else null), the SSID.
2. An ARP sweep of the interface's own subnet, bounded: at most a /22 around the own address,
   at most ``max_hosts`` addresses (the gateway first, then in address order), and no more
   than half of ``max_time`` at the rate asked (the service check gets the rest).  ARP stays
   on the local link: nothing is routed.
3. With a site file: a TTL-limited trace toward one address of each zone of the site (not
   the vantage zone, never an external / WAN zone).  Without a site file: no traces.
4. A service check (the standard list, ``plan.DENY_SERVICES``) on every host that answered
   the ARP sweep, sent by ``probe.run`` (one raw socket, one sniffer, a token bucket).

Scope: the rule of ``netaudit probe`` (``plan.scope_reason``) — with a site file, a host
outside every non-external zone is listed in ``refused_targets`` and never probed; without
one, only the local subnet is scanned.  The vantage zone is the site zone owning the
interface address, or ``"unknown"`` (``audit --probes`` refuses such a file).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from netaddr import IPAddress, IPNetwork

from ..messages import Text
from ..model import InputError
from .plan import DENY_SERVICES, UNSCANNED_KINDS, Plan, Target, scope_reason
from .probe import NoPrivilege, Options, can_send_raw, run
from .vantage import vantage_info

MAX_PREFIX = 22  # the ARP sweep never covers more than a /22
DEFAULT_MAX_HOSTS = 256
UNKNOWN_ZONE = "unknown"
UNKNOWN_NOTE = "the interface address is in no zone of the site file: netaudit audit --probes refuses this file"


@dataclass
class ScanOptions:
    rate: float = 200.0
    timeout: float = 1.0
    max_time: float = 120.0
    max_hosts: int = DEFAULT_MAX_HOSTS
    iface: str | None = None
    ssid: str | None = None
    progress: object = None
    sent_log: list | None = field(default=None)  # every packet about to leave (tests)


@dataclass
class ScanPlan:
    """What a scan will do (pure data; ``--dry-run`` prints it)."""

    vantage: dict
    zone: str
    subnet: IPNetwork
    sweep: list[str]  # addresses asked by ARP
    traces: dict[str, str]  # zone -> address
    nets: dict[str, list[IPNetwork]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    site: str | None = None
    sha256: str | None = None
    limited_by_time: bool = False  # the sweep was cut to fit max_time

    def zone_of(self, addr: str) -> str | None:
        ip = IPAddress(addr, 4)
        for name, nets in self.nets.items():
            if self.kinds.get(name) not in UNSCANNED_KINDS and any(ip in n for n in nets):
                return name
        return None

    def scope(self, addr: str) -> str | None:
        """Why a found host may not be probed (the probe rule; local subnet only without a site)."""
        if self.site is None:
            return None if IPAddress(addr, 4) in self.subnet else "outside the local subnet (no site file)"
        return scope_reason(addr, self.nets, self.kinds)


def sweep_addresses(address: str, gateway: str | None, max_hosts: int) -> tuple[IPNetwork, list[str]]:
    """The local subnet (at most a /22 around ``address``) and the addresses the ARP sweep
    asks: the gateway first, then the others in address order, at most ``max_hosts``."""
    net = IPNetwork(address, 4)
    own = net.ip
    net = IPNetwork(f"{own}/{MAX_PREFIX}", 4).cidr if net.prefixlen < MAX_PREFIX else net.cidr
    out: list[str] = []
    if gateway and IPAddress(gateway, 4) in net and IPAddress(gateway, 4) != own:
        out.append(str(IPAddress(gateway, 4)))
    for a in net.iter_hosts() if net.prefixlen < 31 else net:
        if len(out) >= max_hosts:
            break
        if a != own and str(a) not in out:
            out.append(str(a))
    return net, out[:max_hosts]


def _trace_address(net: IPNetwork) -> str:
    """The second host of a subnet (the first is most often the gateway, which answers for
    itself, not for the path), or its first address for a /31 or /32."""
    if net.prefixlen >= 31:
        return str(net.network)
    return str(IPAddress(int(net.network) + 2, 4)) if net.size > 4 else str(IPAddress(int(net.network) + 1, 4))


def make_plan(opts: ScanOptions, site_path: str | None = None) -> ScanPlan:
    """The scan plan: vantage point, local subnet, ARP sweep addresses, trace destinations."""
    import logging

    logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
    import scapy.layers.inet
    import scapy.layers.l2  # noqa: F401  (loads scapy's routing table, conf.route)

    vantage = vantage_info(opts.iface, UNKNOWN_ZONE, opts.ssid)
    if not vantage.get("address"):
        raise InputError(Text("live.error.no_address", interface=repr(vantage["interface"])))
    own = str(vantage["address"]).split("/")[0]
    # The sweep takes len(sweep) / rate seconds plus the wait for late answers.
    by_time = max(1, int((opts.max_time / 2 - opts.timeout) * opts.rate))
    subnet, sweep = sweep_addresses(vantage["address"], vantage.get("gateway"), min(opts.max_hosts, by_time))
    sp = ScanPlan(vantage=vantage, zone=UNKNOWN_ZONE, subnet=subnet, sweep=sweep, traces={})
    sp.limited_by_time = by_time < opts.max_hosts and len(sweep) == by_time
    if site_path:
        from ..zones import load_site

        site = load_site(site_path)
        sp.site = str(site_path)
        raw = Path(site_path).read_bytes() if Path(site_path).is_file() else b""
        sp.sha256 = hashlib.sha256(raw).hexdigest()
        sp.nets = {z.name: [IPNetwork(str(n), 4) for n in z.subnets] for z in site.zones}
        sp.kinds = {z.name: z.kind for z in site.zones}
        sp.zone = sp.zone_of(own) or UNKNOWN_ZONE
        for z in site.zones:
            if z.name == sp.zone or z.kind in UNSCANNED_KINDS or not sp.nets[z.name]:
                continue
            addr = _trace_address(sp.nets[z.name][0])
            if scope_reason(addr, sp.nets, sp.kinds) is None:
                sp.traces[z.name] = addr
    sp.vantage["zone"] = sp.zone
    return sp


def arp_sweep(sp: ScanPlan, opts: ScanOptions) -> dict[str, str]:
    """address -> MAC of every host that answered an ARP request (sent at ``opts.rate``)."""
    from scapy.layers.l2 import ARP, Ether
    from scapy.sendrecv import srp

    if not sp.sweep:
        return {}
    own = str(sp.vantage["address"]).split("/")[0]
    hw = sp.vantage.get("mac") or None
    pkts = [Ether(dst="ff:ff:ff:ff:ff:ff", src=hw) / ARP(op=1, psrc=own, hwsrc=hw, pdst=a) for a in sp.sweep]
    if opts.sent_log is not None:
        opts.sent_log.extend(pkts)
    answered, _ = srp(pkts, iface=sp.vantage["interface"], timeout=opts.timeout, inter=1.0 / opts.rate, verbose=0)
    found: dict[str, str] = {}
    for _req, rep in answered:
        if ARP in rep and rep[ARP].op == 2 and rep[ARP].psrc in sp.sweep:
            found.setdefault(rep[ARP].psrc, rep[ARP].hwsrc)
    return dict(sorted(found.items(), key=lambda kv: IPAddress(kv[0], 4)))


def scan(opts: ScanOptions, site_path: str | None = None) -> dict:
    """Run the scan and return the ``netaudit/probes/v1`` document."""
    if not can_send_raw():
        raise NoPrivilege("netaudit scan needs root or CAP_NET_RAW (raw sockets)")
    t0 = time.monotonic()
    sp = make_plan(opts, site_path)
    found = arp_sweep(sp, opts)
    refused: list[dict] = []
    targets: list[Target] = []
    for addr in found:
        why = sp.scope(addr)
        if why:
            refused.append({"dst": addr, "why": why})
            continue
        targets += [Target(addr, sp.zone_of(addr) or sp.zone, s) for s in DENY_SERVICES]
    plan = Plan(zone=sp.zone, source=sp.site, sha256=sp.sha256, targets=targets, max_probes=len(targets))
    remaining = max(0.1, opts.max_time - (time.monotonic() - t0))
    popts = Options(
        rate=opts.rate,
        timeout=opts.timeout,
        max_time=remaining,
        iface=sp.vantage["interface"],
        traces=bool(sp.traces),
        ssid=opts.ssid,
        trace_to=sp.traces,
        progress=opts.progress,  # type: ignore[arg-type]
        sent_log=opts.sent_log,
    )
    doc = run(plan, popts)
    vantage = doc["vantage"]
    vantage["source"] = "netaudit scan"
    if sp.zone == UNKNOWN_ZONE:
        vantage["note"] = UNKNOWN_NOTE
    doc["plan"].update(
        {
            "max_time": opts.max_time,
            "subnet": str(sp.subnet),
            "arp_asked": len(sp.sweep),
            "max_hosts": opts.max_hosts,
            "arp_limited_by_time": sp.limited_by_time,
        }
    )
    doc["hosts"] = [{"address": a, "mac": mac, "how": "arp"} for a, mac in found.items()]
    doc["refused_targets"] = refused
    return doc


def describe(sp: ScanPlan) -> list[str]:
    """The dry-run lines."""
    v = sp.vantage
    lines = [
        f"netaudit scan from {v['interface']} {v['address']} (zone {sp.zone}), gateway {v.get('gateway') or 'none'}",
        f"  ARP sweep of {sp.subnet}: {len(sp.sweep)} addresses"
        + (" (cut to fit --max-time at this rate)" if sp.limited_by_time else ""),
        f"  service check on the hosts found: {', '.join(DENY_SERVICES)}",
    ]
    for zone, addr in sp.traces.items():
        lines.append(f"  trace toward {zone}: {addr}")
    if sp.site is None:
        lines.append("  no site file: only the local subnet, no traces")
    if sp.zone == UNKNOWN_ZONE:
        lines.append(f"  vantage zone unknown: {UNKNOWN_NOTE}")
    return lines
