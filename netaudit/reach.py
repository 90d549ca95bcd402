"""Exact reachability between zones (DESIGN §5).

For each source zone, the set of connection-opening packets its hosts can send
(any source address unless the site restricts it) is injected into the L2 domains
the zone sits in and propagated symbolically:

    ingress filter → destination NAT → own address? control plane : routing (LPM per VRF)
    → device forwarding policy → egress filter → source NAT → next L2 domain

Packet sets are BDDs (:mod:`netaudit.headerspace`), so every verdict is a statement
about all packets.  Work items carry the path they took; a location only processes
packets it has not seen before, so the propagation terminates and every delivered
chunk has one concrete path, from which a witness packet and the config lines that
let it through are reconstructed.

Packets whose fate depends on something not understood (a partially parsed filter
line, a path leaving the snapshot, routes learned dynamically without routing
state) travel as *maybe* packets: they can make a cell ``unknown`` but never
``reachable`` or ``blocked``.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from netaddr import IPAddress, IPNetwork, IPSet

from .headerspace import HeaderSpace, Packet
from .messages import Text
from .model import (
    Action,
    Device,
    Filter,
    IfKind,
    L2Mode,
    MgmtService,
    NatRule,
    PolicyRoute,
    Route,
)
from .topology import Topology
from .zones import DEVICES_ZONE, PlacedZone

REACHABLE, BLOCKED, UNKNOWN = "reachable", "blocked", "unknown"
# Next hop of a route whose gateway is learned at run time (DHCP/PPPoE client).
RUNTIME_GW = -1
# Addresses a router never forwards to (and an ISP never assigns to an interface).
MARTIANS = ("255.255.255.255/32", "224.0.0.0/4", "240.0.0.0/4", "127.0.0.0/8", "0.0.0.0/8")
# Where the representative of a run-time address is taken from, when free: the
# shared address space ISPs hand out behind carrier-grade NAT (RFC 6598).
RUNTIME_REPRESENTATIVES = IPNetwork("100.64.0.0/10")


# --------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class Step:
    """One thing that happened to a packet set at a device."""

    kind: str                 # inject | filter | route | nat | service | deliver | l2
    device: str = ""
    in_if: str | None = None
    out_if: str | None = None
    filter: str | None = None         # filter name (kind == filter)
    route: Route | None = None
    nat: NatRule | None = None
    nat_fields: tuple = ()            # fields rewritten
    pre: object = None                # set before a NAT step (for witness pre-images)
    service: MgmtService | None = None
    policy_route: PolicyRoute | None = None
    cites: tuple = ()                 # config lines behind an l2 step (why the hosts share a segment)
    note: str = ""                    # a messages.Text where a report shows it (l2 steps)


@dataclass(frozen=True)
class Path:
    """How a packet set got here: a step after a parent path."""

    step: Step
    parent: Path | Merge | None = None


@dataclass(frozen=True)
class Merge:
    """Sets that met at one location before it was processed: ``alts`` are
    (set, path) pairs; a packet took the path of an alternative whose set holds it."""

    alts: tuple


class _Work:
    """The work list: sets queued for the same location are merged until it is
    processed (certain ones; uncertain ones keep their own reasons)."""

    def __init__(self) -> None:
        self.order: deque = deque()
        self.pending: dict[tuple, list] = {}

    def append(self, item) -> None:
        dev, ifn, P, certain, reason, path = item
        if not certain:
            self.order.append(item)
            return
        key = (dev, ifn)
        slot = self.pending.get(key)
        if slot is None:
            self.pending[key] = [P, [(P, path)]]
            self.order.append(key)
        else:
            slot[0] = slot[0] | P
            slot[1].append((P, path))

    def __bool__(self) -> bool:
        return bool(self.order)

    def popleft(self):
        item = self.order.popleft()
        if len(item) == 6:
            return item
        P, alts = self.pending.pop(item)
        path = alts[0][1] if len(alts) == 1 else Merge(tuple(alts))
        return item[0], item[1], P, True, None, path


def _extend(path: Path | None, step: Step) -> Path:
    return Path(step, path)


# --------------------------------------------------------------------------- results


@dataclass
class Witness:
    packet: Packet
    hops: list[dict]

    def to_json(self) -> dict:
        hops = [{**h, "note_text": h["note"].both()} if isinstance(h.get("note"), Text) else h
                for h in self.hops]
        return {"packet": self.packet.to_json(), "hops": hops}


@dataclass
class Cell:
    src: str
    dst: str
    verdict: str
    services: list[str] = field(default_factory=list)
    witness: Witness | None = None
    reason: str | None = None     # a messages.Text (English as a str) when the engine wrote it
    blocking: list[dict] = field(default_factory=list)     # lines that stop the traffic
    replies_only: bool = False
    delivered: object = None                              # BDD, for checks
    maybe: object = None
    chunks: list = field(default_factory=list)            # [(set, path)] for witnesses
    expectation: object = None                            # policy.Expectation, set by the audit
    violation: bool = False                               # verdict contradicts the expectation
    # Packets delivered only with a forged source address (another zone's), and their paths.
    spoofed: object = None
    spoofed_chunks: list = field(default_factory=list)


@dataclass
class _Delivery:
    certain: object
    maybe: object
    chunks: list = field(default_factory=list)     # [(set, path)] of certain deliveries
    maybe_reason: Text | None = None


@dataclass
class _Run:
    """State of one source zone's propagation."""

    deliveries: dict[str, _Delivery]
    denials: dict[tuple, list] = field(default_factory=dict)     # (dev, filter, in, out) -> [sets]
    # Packets for the devices' own addresses, evaluated once per interface at the end.
    control: dict[tuple, list] = field(default_factory=dict)     # (dev, if, certain, reason) -> [(set, path)]
    # Packets that may be for a run-time address of the device (any candidate),
    # evaluated once per interface at the end: (dev, if, certain, reason) -> [(set, path)].
    runtime: dict[tuple, list] = field(default_factory=dict)
    drops: dict[tuple, object] = field(default_factory=dict)     # (dev, why) -> set


# --------------------------------------------------------------------------- engine


class Engine:
    """Propagates packet sets over a topology with placed zones."""

    def __init__(self, topo: Topology, zones: list[PlacedZone], device_addrs: IPSet,
                 hs: HeaderSpace | None = None):
        self.topo = topo
        self.zones = {z.name: z for z in zones}
        self.hs = hs or HeaderSpace()
        hs = self.hs
        # The devices' own addresses belong to @devices, never to a zone's hosts.
        devices_dst = self._ipset(device_addrs)
        self.zone_addr = {z.name: self._ipset(z.owned) & ~devices_dst for z in zones}
        self.zone_addr[DEVICES_ZONE] = devices_dst
        self.zones_in_domain: dict[str, list[str]] = defaultdict(list)
        for z in zones:
            for did in z.domains:
                self.zones_in_domain[did].append(z.name)
        # Addresses per L3 interface and per (device, vrf).
        self.if_addr: dict[tuple[str, str], object] = {}
        self.own: dict[tuple[str, str], object] = defaultdict(lambda: hs.false)
        self.owner_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for d in topo.devices.values():
            for itf in d.interfaces.values():
                if itf.shutdown:
                    continue
                u = hs.false
                for a in itf.owns():
                    u |= hs.eq("dst_ip", int(a.ip))
                    self.owner_of[int(a.ip)].append((d.hostname, itf.name))
                self.if_addr[(d.hostname, itf.name)] = u
                self.own[(d.hostname, itf.vrf)] |= u
        self.unroutable = hs.false
        for net in MARTIANS:
            self.unroutable |= hs.prefix("dst_ip", net)
        self._runtime_addresses(zones)
        # Domains whose bridged traffic crosses a device's IP firewall: did -> [(dev, bridge)].
        self.l2_firewalls: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for d in topo.devices.values():
            for itf in d.interfaces.values():
                if itf.bridge_ip_firewall is None or itf.shutdown:
                    continue
                vlan_filtering = any(i.parent == itf.name and i.mode in (L2Mode.ACCESS, L2Mode.TRUNK)
                                     for i in d.interfaces.values())
                for did, dom in topo.domains.items():
                    # Untagged frames of a plain bridge; its tagged frames and a VLAN-filtering
                    # bridge's VLANs only with the tagged setting (use-ip-firewall-for-vlan).
                    tagged = itf.bridge_ip_firewall_tagged
                    if any(n[0] == "seg" and n[1] == d.hostname and (
                            str(n[2]) == f"bridge:{itf.name}"
                            or (tagged and str(n[2]).startswith(f"bridge:{itf.name}:"))
                            or (vlan_filtering and tagged and isinstance(n[2], int))) for n in dom.nodes):
                        if (d.hostname, itf.name) not in self.l2_firewalls[did]:
                            self.l2_firewalls[did].append((d.hostname, itf.name))
        # Device addresses as *source* addresses (witnesses avoid impersonating routers).
        self.device_src = hs.false
        for ip in self.owner_of:
            self.device_src |= hs.eq("src_ip", ip)
        self.dom_l3_addr: dict[str, object] = {}
        for did, dom in topo.domains.items():
            u = hs.false
            for key in dom.l3:
                u |= self.if_addr.get(key, hs.false)
            self.dom_l3_addr[did] = u
        self._fib: dict[tuple[str, str], list] = {}
        self._urpf_via: dict[tuple[str, str], tuple] = {}   # (device, vrf) -> (regions, default region)
        self._cache: dict[tuple, object] = {}     # compiled filters, semantics, uRPF, witness prefs

    def _runtime_addresses(self, zones: list[PlacedZone]) -> None:
        """Candidates and a representative for every run-time (DHCP/PPPoE/LTE) address.

        The address an interface receives at run time is unknown; a verdict must hold
        for each candidate (docs/semantics.md).  Candidates: the subnets of the zones
        placed on the interface's segment when they declare subnets (the address comes
        from the segment they own), otherwise every unicast address that no
        configured interface, no zone subnet and no martian range holds.  Each
        run-time address is shown as one representative candidate (``100.64.0.x``
        where free) that stands for "the address this interface receives".
        """
        hs = self.hs
        configured = IPSet()
        for d in self.topo.devices.values():
            for itf in d.interfaces.values():
                for a in itf.owns():
                    configured.add(a.cidr)
            # Addresses the device translates (VIPs, static NAT, port forwards) are part of
            # the office's own plan too: a run-time address is never one of them.
            for rule in d.nat_rules:
                if rule.kind == "destination" and rule.match.dst and not rule.match.dst_negate:
                    for pat in rule.match.dst:
                        if not pat.is_any and (pat.wildcard + 1) & pat.wildcard == 0:
                            configured.add(IPNetwork(f"{IPAddress(pat.value)}/{32 - pat.wildcard.bit_length()}"))
        declared = IPSet()
        for z in zones:
            declared.update(z.zone.subnets)
        base = IPSet(["0.0.0.0/0"]) - IPSet(MARTIANS) - configured - declared
        self.runtime_candidates: dict[tuple[str, str], IPSet] = {}
        self.runtime_cand: dict[tuple[str, str], object] = {}       # (dev, if) -> dst set
        self.runtime_address: dict[tuple[str, str], int] = {}      # (dev, if) -> representative
        self.runtime_by_vrf: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.runtime_own: dict[tuple[str, str], object] = defaultdict(lambda: hs.false)
        taken: set[int] = set()
        for d in sorted(self.topo.devices.values(), key=lambda d: d.hostname):
            for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
                if itf.shutdown or not itf.dynamic_address or itf.addresses:
                    continue
                did = self.topo.l3_domain(d.hostname, itf.name) or self.topo.port_domain(d.hostname, itf.name)
                segment = IPSet()
                for zname in self.zones_in_domain.get(did, []) if did else []:
                    segment.update(self.zones[zname].zone.subnets)
                cands = (segment - configured) if segment else base
                if not cands:
                    continue
                rep = next((int(a) for cidr in (cands & IPSet([RUNTIME_REPRESENTATIVES])).iter_cidrs()
                            for a in cidr if int(a) not in taken and a not in (cidr.network, cidr.broadcast)),
                           None) if cands & IPSet([RUNTIME_REPRESENTATIVES]) else None
                if rep is None:
                    rep = next(int(a) for cidr in cands.iter_cidrs() for a in cidr if int(a) not in taken)
                taken.add(rep)
                key = (d.hostname, itf.name)
                self.runtime_candidates[key] = cands
                self.runtime_cand[key] = self._ipset(cands)
                self.runtime_address[key] = rep
                self.runtime_by_vrf[(d.hostname, itf.vrf)].append(itf.name)
                self.runtime_own[(d.hostname, itf.vrf)] |= hs.eq("dst_ip", rep)
                self.owner_of[rep].append(key)
                self.zone_addr[DEVICES_ZONE] |= hs.eq("dst_ip", rep)
                self.if_addr[key] = hs.eq("dst_ip", rep)
        if self.runtime_address:
            reps = self.hs.false
            for rep in self.runtime_address.values():
                reps |= hs.eq("dst_ip", rep)
            for zname in list(self.zone_addr):
                if zname != DEVICES_ZONE:
                    self.zone_addr[zname] &= ~reps

    def runtime_assumptions(self) -> list[dict]:
        """What was assumed for each run-time address (docs/semantics.md), for reports:
        device, interface, the line that makes it run-time, the candidates and the
        representative shown in witnesses."""
        out = []
        for (dev, ifn), rep in sorted(self.runtime_address.items()):
            itf = self.topo.devices[dev].interfaces[ifn]
            cands = self.runtime_candidates[(dev, ifn)]
            cidrs = list(cands.iter_cidrs())
            if len(cidrs) <= 4:
                what = Text("runtime.candidates_zone", subnets=", ".join(str(c) for c in cidrs))
            else:
                what = Text("runtime.candidates_any")
            out.append({"device": dev, "interface": ifn, "shown_as": str(IPAddress(rep)),
                        "candidates": what,
                        "source": itf.dynamic_source.cite() if itf.dynamic_source else None})
        return out

    def _ipset(self, s: IPSet):
        u = self.hs.false
        for cidr in s.iter_cidrs():
            if cidr.version == 4:
                u |= self.hs.prefix("dst_ip", cidr)
        return u

    # ------------------------------------------------------------------ filters

    def _iface_key(self, dev: Device, name: str, in_if, out_if):
        """(in, out) as far as the filter cares: most filters never look at interfaces."""
        key = ("ifdep", dev.hostname, name)
        dep = self._cache.get(key)
        if dep is None:
            dep = self._cache[key] = any(m.in_ifaces is not None or m.out_ifaces is not None
                                           for line in dev.filters[name].lines for m in line.matches)
        return (in_if, out_if) if dep else (None, None)

    def _compiled(self, dev: Device, name: str, in_if: str | None, out_if: str | None):
        in_if, out_if = self._iface_key(dev, name, in_if, out_if)
        key = (dev.hostname, name, in_if, out_if)
        got = self._cache.get(key)
        if got is None:
            flt = dev.filters[name]
            got = []
            for idx, line in enumerate(flt.lines):
                ms = [m for m in line.matches
                      if (m.in_ifaces is None or in_if in m.in_ifaces)
                      and (m.out_ifaces is None or out_if in m.out_ifaces)]
                if ms:          # lines for other interface pairs cannot match here
                    got.append((idx, line, self.hs.matches(ms)))
            self._cache[key] = got
        return got

    def apply_filter(self, run: _Run, dev: Device, name: str | None, P, in_if, out_if):
        """Split ``P`` by a filter: [(permitted set, certain?, reason)].  Records denials."""
        hs = self.hs
        if name is None:
            return [(P, True, None)]
        flt = dev.filters.get(name)
        if flt is None:
            return [(P, False, Text("reason.filter_undefined", filter=name, device=dev.hostname))]
        if flt.partial:
            return [(P, False, Text("reason.filter_partial", filter=name, device=dev.hostname,
                                    detail=flt.partial))]
        certain, maybe, reason = self._semantics(dev, name, in_if, out_if)
        denied = P & ~(certain | maybe)
        if denied != hs.false:
            # Attributed to lines only when a blocked cell asks (blocking_lines).
            run.denials.setdefault((dev.hostname, name, in_if, out_if), []).append(denied)
        out = []
        c = P & certain
        if c != hs.false:
            out.append((c, True, None))
        m = P & maybe
        if m != hs.false:
            out.append((m, False, reason))
        return out

    def _semantics(self, dev: Device, name: str, in_if, out_if):
        """(certainly permitted, maybe permitted, reason) of a filter over all packets.

        First match over the ordered lines.  A partially understood line may or may
        not match: its packets take the line's action if it matches and the rest of
        the filter's otherwise; where the two differ they are only *maybe* permitted.
        """
        in_if, out_if = self._iface_key(dev, name, in_if, out_if)
        key = ("sem", dev.hostname, name, in_if, out_if)
        got = self._cache.get(key)
        if got is not None:
            return got
        hs = self.hs
        flt = dev.filters[name]
        lines = self._compiled(dev, name, in_if, out_if)
        permit_c, permit_m, reason = hs.false, hs.false, None
        remaining = hs.true
        for i, (idx, line, u) in enumerate(lines):
            hit = remaining & u
            if hit == hs.false:
                continue
            remaining &= ~u
            if line.partial:
                rest_permit = self._rest_permits(flt, lines[i + 1:], hit)
                if line.action == Action.PERMIT:
                    permit_c |= hit & rest_permit
                    maybe = hit & ~rest_permit
                else:
                    maybe = hit & rest_permit
                if maybe != hs.false:
                    permit_m |= maybe
                    reason = reason or Text("reason.line_partial", device=dev.hostname, filter=name,
                                            line=line.source.text, detail=line.partial)
            elif line.action == Action.PERMIT:
                permit_c |= hit
        if flt.default_action == Action.PERMIT:
            permit_c |= remaining
        got = self._cache[key] = (permit_c, permit_m, reason)
        return got

    def _rest_permits(self, flt: Filter, lines, P):
        """Packets of P that the remaining lines (ignoring their partiality) permit."""
        hs = self.hs
        permit, remaining = hs.false, P
        for _, line, u in lines:
            hit = remaining & u
            remaining &= ~u
            if line.action == Action.PERMIT:
                permit |= hit
        if flt.default_action == Action.PERMIT:
            permit |= remaining
        return permit

    # ------------------------------------------------------------------ routing

    def fib(self, dev: Device, vrf: str, table: str | None = None):
        """[(region, actions)] for a VRF (or one of its policy-routing tables);
        actions: list of (out_if, next_hop, route) or a str."""
        key = (dev.hostname, vrf) if table is None else (dev.hostname, vrf, table)
        if key in self._fib:
            return self._fib[key]
        hs = self.hs
        candidates: dict[IPNetwork, list[tuple[int, object]]] = defaultdict(list)
        for itf in dev.l3_interfaces():
            if table is not None or itf.vrf != vrf or itf.kind == IfKind.NULL:
                continue         # connected routes live in the main table
            for a in itf.addresses:
                cidr = a.cidr
                candidates[cidr].append((0, (itf.name, None, Route(cidr, vrf, None, itf.name, origin="connected",
                                                                     distance=0, source=itf.source))))
        use_state = bool(dev.facts.get("routing_state"))
        # Routes learned at run time (DHCP/PPPoE) are in the FIB whether or not a routing
        # state file was loaded: the state file names them with their learned gateway.
        routes = [r for r in dev.routes if r.vrf == vrf and r.table == table
                  and (r.origin == "state" or not use_state or (r.runtime_gateway and not table))]
        for r in routes:
            if r.drop:
                candidates[r.prefix.cidr].append((r.distance, "drop", r))
                continue
            for act in self._resolve(dev, vrf, r, routes, 0):
                candidates[r.prefix.cidr].append((r.distance, act))
        # Longest-prefix match as a partition: each prefix owns its addresses minus
        # those of its immediate more-specific prefixes (a trie walk, so every BDD
        # operation stays small).
        prefixes = sorted(candidates, key=lambda p: (p.first, p.prefixlen))
        children: dict = defaultdict(list)
        stack: list[IPNetwork] = []
        top: list[IPNetwork] = []
        for p in prefixes:
            while stack and not (stack[-1].first <= p.first and p.last <= stack[-1].last):
                stack.pop()
            (children[stack[-1]] if stack else top).append(p)
            stack.append(p)
        regions: dict[object, object] = {}
        order: list = []
        default_region = hs.false
        for prefix in prefixes:
            cands = candidates[prefix]
            best = min(c[0] for c in cands)
            acts: list = []
            drop_route = None
            for c in cands:
                if c[0] != best:
                    continue
                if c[1] == "drop":
                    drop_route = c[2]
                    break
                acts.append(c[1])
            region = hs.prefix("dst_ip", prefix)
            for child in children.get(prefix, ()):
                region &= ~hs.prefix("dst_ip", child)
            if region == hs.false:
                continue
            if drop_route is not None:
                akey, value = ("drop",), ("drop", drop_route)
            else:
                akey, value = tuple(sorted((a[0], a[1] or 0) for a in acts)), acts
                if not prefix.prefixlen:
                    default_region = region
            if akey not in regions:
                regions[akey] = hs.false
                order.append((akey, value))
            regions[akey] |= region
        covered = hs.false
        for p in top:
            covered |= hs.prefix("dst_ip", p)
        fib_table = [(regions[k], acts) for k, acts in order]
        fib_table.append((~covered, "noroute"))
        if table is None:
            self._urpf_via[key] = (regions, default_region)
        self._fib[key] = fib_table
        return fib_table

    def urpf_sources(self, dev: Device, itf) -> object:
        """Source addresses unicast RPF lets in on ``itf`` (as a src_ip set)."""
        key = ("urpf", dev.hostname, itf.name)
        got = self._cache.get(key)
        if got is None:
            self.fib(dev, itf.vrf)
            regions, default_region = self._urpf_via[(dev.hostname, itf.vrf)]
            routed = self.hs.false
            for akey, region in regions.items():
                if akey == ("drop",):
                    continue
                if itf.urpf == "loose" or any(a[0] == itf.name for a in akey):
                    routed |= region
            if not itf.urpf_allow_default:
                routed &= ~default_region
            got = self._cache[key] = self.hs.dst_to_src(routed)
        return got

    def _resolve(self, dev: Device, vrf: str, r: Route, routes: list[Route], depth: int):
        """Egress (interface, next hop, route) choices for a route; [] if unresolvable."""
        if r.interface:
            itf = dev.interfaces.get(r.interface)
            if itf is None or itf.shutdown:
                return []
            if itf.kind == IfKind.NULL:
                return []
            return [(r.interface, RUNTIME_GW if r.runtime_gateway else r.next_hop, r)]
        if r.next_hop is None or depth > 4:
            return []
        for itf in dev.l3_interfaces():
            if itf.vrf == vrf and any(a.first <= r.next_hop <= a.last for a in itf.addresses):
                return [(itf.name, r.next_hop, r)]
        # Recursive: the longest other route covering the next hop.
        best = None
        for other in routes:
            if other is not r and not other.drop and other.prefix.first <= r.next_hop <= other.prefix.last:
                if best is None or other.prefix.prefixlen > best.prefix.prefixlen:
                    best = other
        if best is None:
            return []
        return [(o, nh, r) for o, nh, _ in self._resolve(dev, vrf, best, routes, depth + 1)]

    # ------------------------------------------------------------------ propagation

    def source_sensitive(self) -> bool:
        """Whether any construct of the snapshot looks at source addresses (filter lines,
        NAT or policy-routing matches): if none does, a forged source cannot deliver
        anything an honest one does not, and the spoofing pass is skipped."""
        got = self._cache.get("src-sensitive")
        if got is None:
            def looks(m) -> bool:
                return m.src is not None and not (not m.src_negate and all(a.is_any for a in m.src))
            got = False
            for d in self.topo.devices.values():
                ms = [m for f in d.filters.values() for line in f.lines for m in line.matches]
                ms += [r.match for r in d.nat_rules] + [m for pr in d.policy_routes for m in pr.matches]
                if any(looks(m) for m in ms):
                    got = True
                    break
            self._cache["src-sensitive"] = got
        return got

    def zone_sources(self, src: str):
        """Source addresses the zone's hosts use (a src_ip set), or None for any.

        By default the addresses the zone owns, without martians and the devices'
        own addresses: a connection from a forged source never completes, and
        forged packets are analysed on their own (compute_matrix, ``spoofed``)."""
        z = self.zones[src]
        if z.zone.sources == "any":
            return None
        key = ("sources", src)
        got = self._cache.get(key)
        if got is None:
            own = self._ipset(z.owned) & ~self.unroutable & ~self.zone_addr[DEVICES_ZONE]
            got = self._cache[key] = self.hs.dst_to_src(own) if own != self.hs.false else None
        return got

    def run_zone(self, src: str, initial=None, any_source: bool = False) -> _Run:
        """Propagate everything zone ``src`` can send (from its own addresses unless
        ``any_source`` or the site says ``sources: any``)."""
        hs = self.hs
        z = self.zones[src]
        run = _Run(deliveries={})
        P0 = hs.new_connections if initial is None else initial
        own = None if any_source else self.zone_sources(src)
        if own is not None:
            P0 &= own
        queue = _Work()
        seen_c: dict[tuple, object] = {}
        seen_m: dict[tuple, object] = {}
        for did in z.domains:
            path = _extend(None, Step("inject", note=f"{src} hosts in {self.topo.domains[did].label}"))
            self._emit_hosts(run, did, P0, True, None, path, src, queue)
        while queue:
            dev, ifn, P, certain, reason, path = queue.popleft()
            key = (dev, ifn)
            if certain:
                new = P & ~seen_c.get(key, hs.false)
                if new == hs.false:
                    continue
                seen_c[key] = seen_c.get(key, hs.false) | new
            else:
                new = P & ~seen_c.get(key, hs.false) & ~seen_m.get(key, hs.false)
                if new == hs.false:
                    continue
                seen_m[key] = seen_m.get(key, hs.false) | new
            self._ingress(run, dev, ifn, new, certain, reason, path, queue)
        for (dev, ifn, certain, reason), alts in run.control.items():
            P = hs.false
            for u, _ in alts:
                P |= u
            path = alts[0][1] if len(alts) == 1 else Merge(tuple(alts))
            self._control_plane(run, self.topo.devices[dev], ifn, P, certain, reason, path)
        for (dev, ifn, certain, reason), alts in run.runtime.items():
            self._runtime_control_plane(run, self.topo.devices[dev], ifn, alts, certain, reason)
        return run

    def _runtime_control_plane(self, run: _Run, dev: Device, ifn: str, alts: list, certain, reason) -> None:
        """Deliveries to the device's run-time addresses, for every candidate address.

        For each run-time interface with candidates C: the packet fields (all but the
        destination) delivered to the control plane *whatever* address of C the
        interface receives are certain (shown addressed to the representative); those
        delivered for some candidates only are uncertain, with the reason.
        """
        hs = self.hs
        for dyn_if in self.runtime_by_vrf[(dev.hostname, dev.interfaces[ifn].vrf)]:
            key = (dev.hostname, dyn_if)
            cand, rep = self.runtime_cand[key], hs.eq("dst_ip", self.runtime_address[key])
            parts = [(u & cand, p) for u, p in alts if (u & cand) != hs.false]
            if not parts:
                continue
            P = hs.false
            for u, _ in parts:
                P |= u
            path = parts[0][1] if len(parts) == 1 else Merge(tuple(parts))
            got: list = []
            self._control_plane(run, dev, ifn, P, certain, reason, path,
                                deliver=lambda zone, S, c, r, p, got=got: got.append((S, c, r, p)))
            delivered = hs.false
            for S, c, _, _ in got:
                if c:
                    delivered |= S
            # Fields delivered for every candidate destination address.
            for_all = ~hs.exist(["dst_ip"], cand & ~delivered)
            for_some = hs.false
            note = Step("l2", dev.hostname, None, None, note=Text(
                "witness.note.runtime_address", device=dev.hostname, interface=dyn_if,
                address=str(IPAddress(self.runtime_address[key]))))
            for S, c, r, p in got:
                for_some |= hs.exist(["dst_ip"], S)
                if c and (S & for_all) != hs.false:
                    self._deliver(run, DEVICES_ZONE, hs.exist(["dst_ip"], S & for_all) & rep, True, None,
                                  _extend(p, note))
            maybe = for_some & ~for_all
            if maybe != hs.false:
                why = next((r for _, c, r, _ in got if not c and r), None) or Text(
                    "reason.runtime_address", device=dev.hostname, interface=dyn_if)
                self._deliver(run, DEVICES_ZONE, maybe & rep, False, why, None)

    def _deliver(self, run: _Run, zone: str, P, certain: bool, reason, path: Path):
        hs = self.hs
        P = P & self.zone_addr[zone]
        if P == hs.false:
            return
        d = run.deliveries.get(zone)
        if d is None:
            d = run.deliveries[zone] = _Delivery(hs.false, hs.false)
        if certain:
            d.chunks.append((P, _extend(path, Step("deliver", note=zone))))
            d.certain |= P
        else:
            if d.maybe == hs.false:
                d.maybe_reason = reason
            d.maybe |= P

    def _emit_hosts(self, run, did, P, certain, reason, path, src_zone, queue):
        """Hosts of a zone send into their domain: to other hosts there and to any router."""
        l3 = self.dom_l3_addr[did]
        others = [z for z in self.zones_in_domain.get(did, []) if z != src_zone]
        if others:
            same = _extend(path, Step("l2", note=Text("note.same_l2", domain=self.topo.domains[did].label),
                                      cites=self._segment_cites(did)))
            for Q, c, r, p in self._bridged(run, did, P & ~l3, certain, reason, same):
                for zname in others:
                    self._deliver(run, zname, Q, c, r, p)
        for dev, ifn in self.topo.domains[did].l3:
            queue.append((dev, ifn, P, certain, reason, path))

    def _segment_cites(self, did: str) -> tuple:
        """Config lines that make one L2 segment of a domain: the bridges that switch it
        without VLAN filtering (every port in one segment, whatever pvids say)."""
        key = ("segcites", did)
        got = self._cache.get(key)
        if got is None:
            found = []
            for n in sorted(self.topo.domains[did].nodes, key=repr):
                if n[0] == "seg" and isinstance(n[2], str) and n[2].startswith("bridge:"):
                    itf = self.topo.devices[n[1]].interfaces.get(n[2].split(":")[1])
                    if itf is not None and itf.source is not None and itf.source not in found:
                        found.append(itf.source)
            got = self._cache[key] = tuple(found)
        return got

    def _bridged(self, run, did, P, certain, reason, path):
        """Bridged traffic inside a domain: through the IP firewall of a bridge that
        sends it there (RouterOS use-ip-firewall), with the bridge as in and out interface."""
        firewalls = self.l2_firewalls.get(did, [])
        if not firewalls:
            return [(P, certain, reason, path)]
        if len(firewalls) > 1:        # which bridges a frame crosses is not known
            why = reason or Text("reason.bridged_firewalls", bridges=", ".join(f"{d}:{b}" for d, b in firewalls))
            return [(P, False, why, path)]
        dev_name, bridge = firewalls[0]
        dev = self.topo.devices[dev_name]
        p1 = _extend(path, Step("enter", dev_name, bridge))
        out = []
        for Q, c, r in self.apply_filter(run, dev, dev.forward_filter, P, bridge, bridge):
            p2 = _extend(p1, Step("filter", dev_name, bridge, bridge, filter=dev.forward_filter,
                                  note="forward")) if dev.forward_filter else p1
            out.append((Q, certain and c, reason or r, p2))
        return out

    def _ingress(self, run: _Run, dev_name: str, ifn: str, P, certain, reason, path, queue):
        hs = self.hs
        dev = self.topo.devices[dev_name]
        itf = dev.interfaces[ifn]
        if itf.partial:
            certain, reason = False, reason or Text("reason.interface_partial", device=dev_name, interface=ifn,
                                                    detail=itf.partial)
        if itf.urpf:
            ok = P & self.urpf_sources(dev, itf)
            if ok != P:
                self._drop(run, dev_name, Text("drop.urpf", interface=ifn), P & ~ok)
            P = ok
            if P == hs.false:
                return
        for Q, c, r in self.apply_filter(run, dev, itf.filter_in, P, ifn, None):
            c, r = certain and c, reason or r
            p1 = _extend(path, Step("enter", dev_name, ifn))
            if itf.filter_in:
                p1 = _extend(p1, Step("filter", dev_name, ifn, None, filter=itf.filter_in, note="in"))
            for Q2, p2, why in self._dnat(dev, ifn, Q, p1):
                c2, r2 = c and why is None, r or why
                vkey = (dev_name, itf.vrf)
                own = Q2 & self.own[vkey]
                if own != hs.false:
                    run.control.setdefault((dev_name, ifn, c2, r2), []).append((own, p2))
                if vkey in self.runtime_by_vrf:
                    # May be for a run-time address: judged for every candidate at the end.
                    run.runtime.setdefault((dev_name, ifn, c2, r2), []).append((Q2, p2))
                # The representative of a run-time address stands for the device's own.
                rest = Q2 & ~own & ~self.runtime_own[vkey]
                if rest == hs.false:
                    continue
                if not dev.ip_routing:
                    self._drop(run, dev_name, Text("drop.routing_off"), rest)
                    continue
                self._route(run, dev, ifn, itf.vrf, rest, c2, r2, p2, queue)

    def _route(self, run, dev: Device, ifn, vrf, P, certain, reason, path, queue):
        hs = self.hs
        # Routers never forward limited broadcast, multicast (no multicast routing is
        # modelled), loopback or "this network" destinations.
        unroutable = P & self.unroutable
        if unroutable != hs.false:
            self._drop(run, dev.hostname, Text("drop.martian"), unroutable)
            P = P & ~self.unroutable
        if P == hs.false:
            return
        for R, table, fallback, c, r, p in self._policy_routing(run, dev, ifn, P, certain, reason, path):
            self._lookup(run, dev, ifn, vrf, R, c, r, p, queue, table, fallback)

    def _policy_routing(self, run, dev: Device, ifn, P, certain, reason, path):
        """Split ``P`` by the device's policy-routing rules (first match):
        [(set, table, fallback, certain, reason, path)]; dropped packets are recorded.

        A partially understood rule may or may not match: its packets are routed both
        ways, as uncertain packets."""
        hs = self.hs
        if not dev.policy_routes:
            return [(P, None, False, certain, reason, path)]
        out, rest = [], P
        for pr in dev.policy_routes:
            ms = [m for m in pr.matches if m.in_ifaces is None or ifn in m.in_ifaces]
            if not ms:
                continue
            hit = rest & hs.matches(ms)
            if hit == hs.false:
                continue
            c, r = certain, reason
            if pr.partial:
                c, r = False, reason or Text("reason.policy_route_partial", device=dev.hostname,
                                             rule=pr.source.text if pr.source else pr.name, detail=pr.partial)
                # … or the rule does not match: the main lookup, as uncertain packets
                # (later rules are not consulted for them: uncertain either way).
                out.append((hit, None, False, c, r, path))
            rest &= ~hit
            p = _extend(path, Step("pbr", dev.hostname, ifn, None, policy_route=pr))
            if pr.action == "drop":
                self._drop(run, dev.hostname, Text("drop.policy_route", rule=pr.source.text if pr.source
                                                   else pr.name), hit)
            elif pr.action == "table" and pr.table:
                out.append((hit, pr.table, pr.fallback, c, r, p))
            else:
                out.append((hit, None, False, c, r, p))
            if rest == hs.false:
                break
        if rest != hs.false:
            out.append((rest, None, False, certain, reason, path))
        return out

    def _lookup(self, run, dev: Device, ifn, vrf, P, certain, reason, path, queue, table=None, fallback=False):
        """Destination lookup in the VRF's main table (or a policy-routing table) and forwarding."""
        hs = self.hs
        for region, acts in self.fib(dev, vrf, table):
            R = P & region
            if R == hs.false:
                continue
            if acts == "noroute" and table is not None:
                if fallback:
                    self._lookup(run, dev, ifn, vrf, R, certain, reason, path, queue)
                else:
                    self._drop(run, dev.hostname, Text("drop.no_route_table", table=table), R)
                continue
            if acts == "noroute":
                if dev.facts.get("dynamic_routing") and not dev.facts.get("routing_state"):
                    why = Text("reason.dynamic_routing", device=dev.hostname)
                    self._leave(run, R, why)
                else:
                    self._drop(run, dev.hostname, Text("drop.no_route"), R)
                continue
            if isinstance(acts, tuple):          # ("drop", route)
                self._drop(run, dev.hostname, Text("drop.null_route"), R)
                continue
            for out_if, nh, route in acts:
                p1 = _extend(path, Step("route", dev.hostname, ifn, out_if, route=route))
                c_route = certain and not route.partial
                r_route = reason or (Text("reason.route_partial", device=dev.hostname,
                                          route=route.source.text if route.source else str(route.prefix),
                                          detail=route.partial) if route.partial else None)
                for S, c, r in self.apply_filter(run, dev, dev.forward_filter, R, ifn, out_if):
                    p2 = _extend(p1, Step("filter", dev.hostname, ifn, out_if, filter=dev.forward_filter,
                                          note="forward")) if dev.forward_filter else p1
                    out_itf = dev.interfaces[out_if]
                    if out_itf.partial:
                        c, r = False, r or Text("reason.interface_partial", device=dev.hostname,
                                                interface=out_if, detail=out_itf.partial)
                    for T, c2, r2 in self.apply_filter(run, dev, out_itf.filter_out, S, ifn, out_if):
                        p3 = _extend(p2, Step("filter", dev.hostname, ifn, out_if, filter=out_itf.filter_out,
                                              note="out")) if out_itf.filter_out else p2
                        for U, p4, why in self._snat(dev, ifn, out_if, T, p3):
                            self._emit(run, dev.hostname, out_if, nh, U, c_route and c and c2 and why is None,
                                       r_route or r or r2 or why, p4, queue)

    def _emit(self, run, dev_name, out_if, nh, P, certain, reason, path, queue):
        """A router sends ``P`` out of ``out_if`` toward ``nh`` (None = directly to dst)."""
        hs = self.hs
        did = self.topo.l3_domain(dev_name, out_if) or self.topo.port_domain(dev_name, out_if)
        if did is None:
            self._leave(run, P, Text("reason.no_segment", device=dev_name, interface=out_if))
            return
        dom = self.topo.domains[did]
        if nh == RUNTIME_GW:
            self._emit_runtime_gateway(run, dev_name, out_if, did, P, certain, reason, path, queue)
            return
        if nh is None:
            for key in dom.l3:
                if key == (dev_name, out_if):
                    continue
                Q = P & self.if_addr.get(key, hs.false)
                if Q != hs.false:
                    queue.append((key[0], key[1], Q, certain, reason, path))
            rest = P & ~self.dom_l3_addr[did]
            for zname in self.zones_in_domain.get(did, []):
                self._deliver(run, zname, rest, certain, reason, path)
            return
        owners = [k for k in self.owner_of.get(nh, []) if k in dom.l3 and k != (dev_name, out_if)]
        if owners:
            for key in owners:
                queue.append((key[0], key[1], P, certain, reason, path))
            return
        outside = [z for z in self.zones_in_domain.get(did, [])
                   if self.zones[z].kind in ("external", "wan")]
        if outside:
            for zname in outside:
                self._deliver(run, zname, P, certain, reason, _extend(path, Step(
                    "l2", dev_name, None, out_if,
                    note=Text("witness.note.next_hop", nh=str(IPAddress(nh)), zone=zname))))
            return
        self._leave(run, P, Text("reason.next_hop_outside", device=dev_name, interface=out_if,
                                 next_hop=str(IPAddress(nh))))

    def _emit_runtime_gateway(self, run, dev_name, out_if, did, P, certain, reason, path, queue):
        """Out of a route whose gateway is learned at run time (DHCP/PPPoE client).

        With no other device of the snapshot on the segment, the gateway is outside it:
        the packets enter the external/wan zone placed there (whatever address the
        interface and its gateway receive).  When devices of the snapshot share the
        segment, any of them (or an outside router) may be the gateway: uncertain."""
        dom = self.topo.domains[did]
        routers = [k for k in dom.l3 if k[0] != dev_name]
        outside = [z for z in self.zones_in_domain.get(did, []) if self.zones[z].kind in ("external", "wan")]
        if routers:
            why = reason or Text("reason.runtime_gateway_shared", device=dev_name, interface=out_if,
                                 routers=", ".join(f"{d}:{i}" for d, i in routers))
            for key in routers:
                queue.append((key[0], key[1], P, False, why, path))
            self._leave(run, P, why)
            return
        if outside:
            for zname in outside:
                self._deliver(run, zname, P, certain, reason, _extend(path, Step(
                    "l2", dev_name, None, out_if,
                    note=Text("witness.note.runtime_gateway", interface=out_if, zone=zname))))
            return
        self._leave(run, P, Text("reason.runtime_gateway_outside", device=dev_name, interface=out_if))

    def _leave(self, run: _Run, P, why: Text) -> None:
        """Packets go where the snapshot cannot follow: maybe delivered to any zone owning dst."""
        for zname in self.zone_addr:
            if zname != DEVICES_ZONE:
                self._deliver(run, zname, P, False, why, None)

    def _drop(self, run: _Run, dev: str, why: Text, P) -> None:
        key = (dev, why)
        run.drops[key] = run.drops.get(key, self.hs.false) | P

    def _control_plane(self, run, dev: Device, ifn, P, certain, reason, path, deliver=None):
        """Packets addressed to ``dev`` arriving on ``ifn``: input policy, listening
        services and their access lists; ``deliver(zone, set, certain, reason, path)``
        receives what gets through (default: the run's @devices delivery)."""
        hs = self.hs
        if deliver is None:
            def deliver(zone, S, c, r, p):
                self._deliver(run, zone, S, c, r, p)
        for Q, c, r in self.apply_filter(run, dev, dev.input_filter, P, ifn, None):
            p1 = _extend(path, Step("filter", dev.hostname, ifn, None, filter=dev.input_filter,
                                    note="input")) if dev.input_filter else path
            for svc in dev.services:
                if not svc.enabled or (svc.interfaces is not None and ifn not in svc.interfaces):
                    continue
                u = hs.eq("proto", svc.protocol)
                if svc.ports:
                    u &= hs.ports("dst_port", svc.ports)
                if svc.icmp_type is not None:
                    u &= hs.eq("icmp_type", svc.icmp_type)
                S = Q & u
                if S == hs.false:
                    continue
                p2 = _extend(p1, Step("service", dev.hostname, ifn, None, service=svc))
                if svc.acl:
                    for T, c2, r2 in self.apply_filter(run, dev, svc.acl, S, ifn, None):
                        p3 = _extend(p2, Step("filter", dev.hostname, ifn, None, filter=svc.acl, note="service"))
                        deliver(DEVICES_ZONE, T, certain and c and c2 and not svc.partial,
                                reason or r or r2 or _svc_partial(dev, svc), p3)
                else:
                    deliver(DEVICES_ZONE, S, certain and c and not svc.partial,
                            reason or r or _svc_partial(dev, svc), p2)

    # ------------------------------------------------------------------ NAT

    def _nat_match(self, dev: Device, rule: NatRule, P, in_if, out_if):
        hs = self.hs
        if rule.in_ifaces is not None and in_if not in rule.in_ifaces:
            return hs.false
        if rule.out_ifaces is not None and out_if not in rule.out_ifaces:
            return hs.false
        u = P & hs.match(rule.match)
        if rule.acl:
            flt = dev.filters.get(rule.acl)
            if flt is None:
                return hs.false
            sel = hs.false
            for Q, c, _ in self.apply_filter(_Run({}), dev, rule.acl, u, in_if, out_if):
                if c:
                    sel |= Q
            u = sel
        return u

    def _dnat(self, dev: Device, in_if: str, P, path):
        """Destination NAT on ingress, before routing."""
        return self._nat(dev, "destination", in_if, None, P, path)

    def _snat(self, dev: Device, in_if: str, out_if: str, P, path):
        """Source NAT after routing, on the way out."""
        return self._nat(dev, "source", in_if, out_if, P, path)

    def _rewrites(self, dev: Device, rule: NatRule) -> list[tuple[str, int]]:
        """(field, new value) pairs a rule writes; [] when its target is unknown."""
        if rule.kind == "destination":
            out = [("dst_ip", rule.to_ip)] if rule.to_ip is not None else []
            return out + ([("dst_port", rule.to_port)] if rule.to_port is not None else [])
        to = rule.to_ip
        if to is None and rule.to_interface:
            itf = dev.interfaces.get(rule.to_interface)
            to = int(itf.addresses[0].ip) if itf and itf.addresses else \
                self.runtime_address.get((dev.hostname, rule.to_interface))   # masquerade to a run-time address
        return [("src_ip", to)] if to is not None else []

    def _nat(self, dev: Device, kind: str, in_if: str, out_if: str | None, P, path):
        """Split ``P`` by the first matching NAT rule of ``kind`` and rewrite each part:
        [(set, path, reason)] where ``reason`` is set when the rule was not fully understood."""
        hs = self.hs
        rules = [r for r in dev.nat_rules if r.kind == kind]
        if not rules:
            return [(P, path, None)]
        out, rest = [], P
        for rule in rules:
            hit = self._nat_match(dev, rule, rest, in_if, out_if)
            if hit == hs.false:
                continue
            rest &= ~hit
            writes = self._rewrites(dev, rule)     # none: identity NAT, the packet is kept
            new = hit
            for fld, value in writes:
                new = hs.rewrite(new, fld, value)
            why = Text("reason.nat_partial", device=dev.hostname,
                       rule=rule.source.text if rule.source else kind, detail=rule.partial) if rule.partial else None
            out.append((new, _extend(path, Step("nat", dev.hostname, in_if, out_if, nat=rule,
                                                nat_fields=tuple(f for f, _ in writes), pre=hit)), why))
        if rest != hs.false:
            out.append((rest, path, None))
        return out

    # ------------------------------------------------------------------ witnesses

    def witness(self, path: Path, final_set, prefer=()) -> Witness:
        """A concrete packet of ``final_set`` and its hop-by-hop path with config lines."""
        hs = self.hs
        pkt = hs.pick(final_set, prefer)
        # Walk back to the source: through merges (the alternative holding the packet)
        # and NAT steps (pre-images), remembering the packet after each step.
        steps_rev: list[Step] = []
        after_rev: list[Packet] = []
        cur, node = pkt, path
        while node is not None:
            if isinstance(node, Merge):
                node = next(p for u, p in node.alts if hs.contains(u, cur))
                continue
            st = node.step
            steps_rev.append(st)
            after_rev.append(cur)
            if st.kind == "nat":
                keep = hs.exist(st.nat_fields, hs.packet(cur))
                cur = hs.pick(st.pre & keep, prefer)
            node = node.parent
        steps, packets_after = steps_rev[::-1], after_rev[::-1]
        origin = cur
        hops: list[dict] = []
        cur = origin
        hop: dict | None = None
        for i, st in enumerate(steps):
            if st.kind in ("inject", "deliver"):
                continue
            if st.kind == "enter":
                hop = {"device": st.device, "in": st.in_if, "out": None, "rules": []}
                hops.append(hop)
                continue
            if st.kind == "l2":
                if hop is not None and st.device == hop["device"]:
                    hop["note"] = st.note
                else:
                    hops.append({"device": None, "in": None, "out": None, "note": st.note,
                                 "rules": [s.cite() for s in st.cites]})
                continue
            if st.out_if:
                hop["out"] = st.out_if
            if st.kind == "filter":
                dev = self.topo.devices[st.device]
                hop["rules"].append(self._matching_line(dev, st.filter, cur, st.in_if, st.out_if))
            elif st.kind == "route" and st.route is not None and st.route.source is not None:
                hop["rules"].append(st.route.source.cite())
            elif st.kind == "pbr" and st.policy_route is not None and st.policy_route.source is not None:
                hop["rules"].append(st.policy_route.source.cite())
            elif st.kind == "service" and st.service is not None:
                hop["to"] = f"control plane ({st.service.name})"
                if st.service.source is not None:
                    hop["rules"].append(st.service.source.cite())
            elif st.kind == "nat":
                cur = packets_after[i]
                if st.nat is not None and st.nat.source is not None:
                    hop["rules"].append({**st.nat.source.cite(), "translated": cur.to_json()})
        return Witness(origin, hops)

    def _matching_line(self, dev: Device, name: str, pkt: Packet, in_if, out_if) -> dict:
        hs = self.hs
        flt = dev.filters[name]
        for idx, line, u in self._compiled(dev, name, in_if, out_if):
            if hs.contains(u, pkt):
                return line.source.cite()
        src = flt.source
        return {"file": src.file if src else dev.file, "line": src.line if src else None,
                "text": f"{name}: {flt.default_text} ({flt.default_action.value})"}

    def blocking_lines(self, run: _Run, target, limit: int = 10) -> list[dict]:
        """Filter lines (or implicit denies) that dropped packets of ``target``."""
        hs = self.hs
        found: dict[tuple, dict] = {}
        for (dev, name, in_if, out_if), sets in sorted(run.denials.items(), key=lambda kv: repr(kv[0])):
            denied = hs.false
            for u in sets:
                denied |= u & target
            if denied == hs.false:
                continue
            d = self.topo.devices[dev]
            flt = d.filters[name]
            for idx, line, u in self._compiled(d, name, in_if, out_if):
                hit = denied & u
                if hit == hs.false:
                    continue
                denied &= ~u
                if line.action == Action.DENY or line.partial:
                    found.setdefault((dev, name, idx), {"device": dev, **line.source.cite()})
            if denied != hs.false:
                src = flt.source
                found.setdefault((dev, name, -1), {
                    "device": dev, "file": src.file if src else d.file, "line": src.line if src else None,
                    "text": f"{name}: {flt.default_text}"})
        return [found[k] for k in sorted(found, key=lambda k: (k[0], k[1], k[2]))][:limit]

    def drop_reasons(self, run: _Run, target) -> list[Text]:
        """Non-filter drops (no route, null route, routing off) that hit ``target``."""
        return [Text("drop.at", device=dev, why=why) for (dev, why), u in sorted(run.drops.items())
                if (u & target) != self.hs.false]


def _svc_partial(dev: Device, svc: MgmtService) -> Text | None:
    if not svc.partial:
        return None
    return Text("reason.service_partial", device=dev.hostname, service=svc.name, detail=svc.partial)


# --------------------------------------------------------------------------- matrix


def compute_matrix(engine: Engine, zone_names: list[str]) -> list[Cell]:
    """Every ordered pair of distinct zones plus every zone → @devices."""
    hs = engine.hs
    cells: list[Cell] = []
    for src in zone_names:
        pz = engine.zones[src]
        run = engine.run_zone(src)
        row = [make_cell(engine, run, pz, dst) for dst in [z for z in zone_names if z != src] + [DEVICES_ZONE]]
        if engine.zone_sources(src) is not None and pz.domains and engine.source_sensitive():
            # Forged sources: what the zone delivers only by claiming others' addresses.
            forged = engine.run_zone(src, any_source=True)
            for c in row:
                d = forged.deliveries.get(c.dst)
                if d is None or d.certain == hs.false:
                    continue
                honest = hs.exist(["src_ip"], c.delivered) if c.delivered is not None else hs.false
                extra = d.certain & ~honest
                if extra != hs.false:
                    c.spoofed = extra
                    c.spoofed_chunks = [(u & extra, p) for u, p in d.chunks if (u & extra) != hs.false]
        if any(c.verdict == BLOCKED for c in row):
            # Blocked for new connections; do replies (TCP ACK/RST, conntrack
            # established) get through?  Reported, never a "reachable".
            replies = engine.run_zone(src, ~hs.new_connections)
            for c in row:
                d = replies.deliveries.get(c.dst)
                c.replies_only = c.verdict == BLOCKED and d is not None and d.certain != hs.false
        cells.extend(row)
    return cells


def make_cell(engine: Engine, run: _Run, pz: PlacedZone, dst: str) -> Cell:
    hs = engine.hs
    src = pz.name
    d = run.deliveries.get(dst)
    if not pz.domains:
        return Cell(src, dst, UNKNOWN, reason=unplaced_reason(pz))
    if d is not None and d.certain != hs.false:
        cell = Cell(src, dst, REACHABLE, services=hs.services(d.certain),
                    delivered=d.certain, maybe=d.maybe, chunks=d.chunks)
        cell.witness = witness_for(engine, cell, hs.true, pz)
        return cell
    if d is not None and d.maybe != hs.false:
        return Cell(src, dst, UNKNOWN, reason=d.maybe_reason, maybe=d.maybe,
                    services=hs.services(d.maybe))
    if dst != DEVICES_ZONE and not engine.zones[dst].domains:
        dz = engine.zones[dst]
        return Cell(src, dst, UNKNOWN, reason=unplaced_reason(dz))
    if engine.zone_addr[dst] == hs.false:
        # Nothing can be delivered to a zone that owns no address: not a proof of "blocked".
        return Cell(src, dst, UNKNOWN, reason=Text("reason.zone_no_addresses", zone=dst))
    return Cell(src, dst, BLOCKED, blocking=engine.blocking_lines(run, engine.zone_addr[dst]))


def unplaced_reason(pz: PlacedZone) -> Text:
    """Why flows from or to a zone without attachment points are unknown."""
    if pz.problems:
        return Text("reason.zone_unplaced_problems", zone=pz.name, problems=tuple(pz.problems))
    return Text("reason.zone_unplaced", zone=pz.name)


def witness_for(engine: Engine, cell: Cell, target, pz: PlacedZone) -> Witness | None:
    """A witness among the cell's delivered packets that lie in ``target``."""
    hs = engine.hs
    for chunk, path in cell.chunks:
        hit = chunk & target
        if hit != hs.false:
            return engine.witness(path, hit, _prefer(engine, pz, cell.dst))
    return None


def _prefer(engine: Engine, pz: PlacedZone, dst: str) -> list:
    """Witness preferences, applied in order while they leave packets: a source host of
    the zone that is not a router address, a destination host (not a network address),
    TCP first, then a well-known service port."""
    key = ("prefer", pz.name, dst)
    got = engine._cache.get(key)
    if got is None:
        got = engine._cache[key] = _preferences(engine, pz, dst)
    return got


def _preferences(engine: Engine, pz: PlacedZone, dst: str) -> list:
    hs = engine.hs
    prefs = []
    if pz.zone.subnets:
        u = hs.false
        for net in pz.zone.subnets:
            u |= hs.prefix("src_ip", net) & ~hs.eq("src_ip", int(net.network))
        prefs.append(u)
    prefs.append(~engine.device_src)
    if dst != DEVICES_ZONE:
        for net in engine.zones[dst].zone.subnets:
            if net.prefixlen < 31:
                prefs.append(~hs.eq("dst_ip", int(net.network)) & ~hs.eq("dst_ip", int(net.broadcast)))
    for proto in (6, 17, 1):
        prefs.append(hs.eq("proto", proto))
    well_known = hs.false
    for port in (22, 23, 53, 67, 80, 161, 443, 445, 3389):
        well_known |= hs.eq("dst_port", port)
    prefs.append(well_known)
    prefs.append(hs.eq("icmp_type", 8))
    return prefs
