"""Run-time addresses (DHCP, PPPoE, LTE): candidates and a representative per
interface, deliveries to the device's own run-time address judged for every candidate,
and routes whose gateway is learned at run time (docs/semantics.md, "Run-time
addresses")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from netaddr import IPAddress, IPNetwork, IPSet

from ..headerspace import Bdd, HeaderSpace
from ..messages import Text
from ..model import Device, Route
from ..topology import Topology
from ..vocabulary import DEVICES_ZONE
from ..zones import PlacedZone
from .paths import Merge, Run, Step, extend
from .routing import MARTIANS

# Where the representative of a run-time address is taken from, when free: the
# shared address space ISPs hand out behind carrier-grade NAT (RFC 6598).
RUNTIME_REPRESENTATIVES = IPNetwork("100.64.0.0/10")


class RuntimeAddresses:
    """The engine's run-time addresses (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    topo: Topology
    zones: dict
    zones_in_domain: dict
    owner_of: dict
    zone_addr: dict
    if_addr: dict
    _ipset: Callable
    _deliver: Callable[..., None]
    _leave: Callable[..., None]
    _outside_zones: Callable[..., list[str]]
    _deliver_outside: Callable[..., None]
    _control_plane: Callable[..., None]

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
        self.runtime_candidates: dict[tuple[str, str], IPSet] = {}
        self.runtime_cand: dict[tuple[str, str], Bdd] = {}  # (dev, if) -> dst set
        self.runtime_address: dict[tuple[str, str], int] = {}  # (dev, if) -> representative
        self.runtime_by_vrf: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.runtime_own: dict[tuple[str, str], Bdd] = defaultdict(lambda: hs.false)
        # (dev, vrf) -> [(interface, destinations, its connected route)] for run-time
        # addresses taken from a zone's subnets on the interface's segment: the subnet
        # the address arrives with is a connected route whose extent the mask decides.
        self.runtime_connected: dict[tuple[str, str], list[tuple[str, Bdd, Route]]] = defaultdict(list)
        runtime = [
            (d, itf)
            for d in sorted(self.topo.devices.values(), key=lambda d: d.hostname)
            for itf in sorted(d.interfaces.values(), key=lambda i: i.name)
            if not itf.shutdown and itf.dynamic_address and not itf.addresses
        ]
        if not runtime:
            return
        plan: list[IPNetwork] = []  # one IPSet built at the end: adding one by one is quadratic
        for d in self.topo.devices.values():
            for itf in d.interfaces.values():
                plan.extend(a.cidr for a in itf.owns())
            # Addresses the device translates (VIPs, static NAT, port forwards) are part of
            # the office's own plan too: a run-time address is never one of them.
            for rule in d.nat_rules:
                if rule.kind == "destination" and rule.match.dst and not rule.match.dst_negate:
                    for pat in rule.match.dst:
                        net = pat.network
                        if not pat.is_any and net is not None:
                            plan.append(net)
        configured = IPSet(plan)
        # On a zone's segment the address comes from the zone's subnet, which routers of
        # the office hold too (a switch or access point taking its management address
        # from the router's DHCP): only their own addresses are taken.
        taken_addresses = IPSet(
            str(a.ip) for d in self.topo.devices.values() for itf in d.interfaces.values() for a in itf.owns()
        )
        declared = IPSet(n for z in zones for n in z.zone.subnets)
        base = IPSet(["0.0.0.0/0"]) - IPSet(MARTIANS) - configured - declared
        taken: set[int] = set()
        for d, itf in runtime:
            did = self.topo.l3_domain(d.hostname, itf.name) or self.topo.port_domain(d.hostname, itf.name)
            segment = IPSet()
            for zname in self.zones_in_domain.get(did, []) if did else []:
                segment.update(self.zones[zname].zone.subnets)
            if segment:
                # no host takes a subnet's network or broadcast address
                ends = IPSet(str(a) for n in segment.iter_cidrs() if n.prefixlen < 31 for a in (n.network, n.broadcast))
                cands = segment - taken_addresses - ends
            else:
                cands = base
            if not cands:
                continue
            rep = (
                next(
                    (
                        int(a)
                        for cidr in (cands & IPSet([RUNTIME_REPRESENTATIVES])).iter_cidrs()
                        for a in cidr
                        if int(a) not in taken and a not in (cidr.network, cidr.broadcast)
                    ),
                    None,
                )
                if cands & IPSet([RUNTIME_REPRESENTATIVES])
                else None
            )
            if rep is None:
                rep = next(int(a) for cidr in cands.iter_cidrs() for a in cidr if int(a) not in taken)
            taken.add(rep)
            key = (d.hostname, itf.name)
            self.runtime_candidates[key] = cands
            self.runtime_cand[key] = self._ipset(cands)
            self.runtime_address[key] = rep
            self.runtime_by_vrf[(d.hostname, itf.vrf)].append(itf.name)
            if segment:
                route = Route(
                    cands.iter_cidrs()[0],
                    itf.vrf,
                    None,
                    itf.name,
                    origin="connected",
                    distance=0,
                    source=itf.dynamic_source,
                    partial="the subnet of the address received at run time: its mask decides which addresses it holds",
                )
                self.runtime_connected[(d.hostname, itf.vrf)].append(
                    (itf.name, self.runtime_cand[key] & ~hs.eq("dst_ip", rep), route)
                )
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

    def with_runtime_candidates(self, target):
        """``target`` (a dst set) with the candidates of every run-time address whose
        representative it holds: a flow toward "the address the interface receives" is
        judged for every candidate (:meth:`_runtime_control_plane`), so the flow must
        hold them all, not the representative alone (``netaudit trace --to @devices``)."""
        hs = self.hs
        out = target
        for key, rep in self.runtime_address.items():
            if hs.meets(target, hs.eq("dst_ip", rep)):
                out |= self.runtime_cand[key]
        return out

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
            out.append(
                {
                    "device": dev,
                    "interface": ifn,
                    "shown_as": str(IPAddress(rep)),
                    "candidates": what,
                    "source": itf.dynamic_source.cite() if itf.dynamic_source else None,
                }
            )
        return out

    def _runtime_control_plane(self, run: Run, dev: Device, ifn: str, alts: list, certain, reason) -> None:
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
            parts = [(u & cand, p) for u, p in alts if hs.meets(u, cand)]
            if not parts:
                continue
            P = hs.false
            for u, _ in parts:
                P |= u
            path = parts[0][1] if len(parts) == 1 else Merge(tuple(parts))
            got: list = []
            self._control_plane(
                run,
                dev,
                ifn,
                P,
                certain,
                reason,
                path,
                deliver=lambda zone, S, c, r, p, svc, got=got: got.append((S, c, r, p, svc)),
            )
            delivered = hs.false
            for S, c, _, _, _ in got:
                if c:
                    delivered |= S
            # Fields delivered for every candidate destination address.
            for_all = ~hs.exist(["dst_ip"], cand & ~delivered)
            for_some = hs.false
            note = Step(
                "l2",
                dev.hostname,
                None,
                None,
                note=Text(
                    "witness.note.runtime_address",
                    device=dev.hostname,
                    interface=dyn_if,
                    address=str(IPAddress(self.runtime_address[key])),
                ),
            )
            for S, c, _r, p, svc in got:
                for_some |= hs.exist(["dst_ip"], S)
                if c and hs.meets(S, for_all):
                    self._deliver(
                        run, DEVICES_ZONE, hs.exist(["dst_ip"], S & for_all) & rep, True, None, extend(p, note), svc
                    )
            maybe = for_some & ~for_all
            if maybe != hs.false:
                why = next((r for _, c, r, _, _ in got if not c and r), None) or Text(
                    "reason.runtime_address", device=dev.hostname, interface=dyn_if
                )
                self._deliver(run, DEVICES_ZONE, maybe & rep, False, why, None)

    def _emit_runtime_gateway(self, run, dev_name, out_if, did, P, certain, reason, path, queue):
        """Out of a route whose gateway is learned at run time (DHCP/PPPoE client).

        With no other device of the snapshot on the segment, the gateway is outside it:
        the packets enter the external/wan zone placed there (whatever address the
        interface and its gateway receive).  When devices of the snapshot share the
        segment, the gateway is one of them — as for the hosts of a zone, whose gateway
        is a router of their segment, and the outside where an external or wan zone is
        placed there too: the only one surely, one of several each "maybe" (a managed
        switch or access point taking its address from the office router: that router)."""
        dom = self.topo.domains[did]
        routers = [k for k in dom.l3 if k[0] != dev_name]
        outside = self._outside_zones(did)
        if routers:
            alone = len(routers) == 1 and not outside
            why = reason or Text(
                "reason.runtime_gateway_shared",
                device=dev_name,
                interface=out_if,
                routers=", ".join([*(f"{d}:{i}" for d, i in routers), *outside]),
            )
            for key in routers:
                queue.append((key[0], key[1], P, certain and alone, reason if alone else why, path))
            if outside:
                notes = {z: Text("witness.note.runtime_gateway", interface=out_if, zone=z) for z in outside}
                self._deliver_outside(run, notes, P, False, why, path, dev_name, out_if)
            return
        if outside:
            notes = {z: Text("witness.note.runtime_gateway", interface=out_if, zone=z) for z in outside}
            self._deliver_outside(run, notes, P, certain, reason, path, dev_name, out_if)
            return
        self._leave(run, P, Text("reason.runtime_gateway_outside", device=dev_name, interface=out_if))
