"""The engine: propagates packet sets over a topology with placed zones.

For each source zone, the connection-opening packets its hosts can send are injected
into the L2 domains the zone sits in and propagated: ingress filter → destination NAT
→ own address? control plane : routing → device forwarding policy → egress filter →
source NAT → next L2 domain.  Packet sets are BDDs (:mod:`netaudit.headerspace`), so
every verdict is a statement about all packets.  Work items carry the path they took;
a location only processes packets it has not seen before, so the propagation
terminates and every delivered chunk has one concrete path, from which a witness
packet and the config lines that let it through are reconstructed (:mod:`.witness`).

Packets whose fate depends on something not understood (a partially parsed filter
line, a path leaving the snapshot, routes learned dynamically without routing
state) travel as *maybe* packets: they can make a cell ``unknown`` but never
``reachable`` or ``blocked`` (docs/semantics.md).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import cast

from netaddr import IPAddress, IPSet

from .. import filters
from ..headerspace import Bdd, HeaderSpace, value_block
from ..messages import Text
from ..model import CAPTIVE_PORTAL_SERVICES, VPN_ENDPOINTS, Device, IfKind, L2Mode
from ..topology import Topology
from ..vocabulary import DEVICES_ZONE
from ..zones import PlacedZone
from .broadcasts import BroadcastHelpers
from .control import ControlPlane
from .ipsec import IpsecTunnels
from .nat import Nat
from .paths import ROUTE, Delivery, Merge, Path, Run, Step, Work, extend, sent_before
from .routing import MARTIANS, RUNTIME_GW, Routing
from .runtime import RuntimeAddresses
from .witness import Witnesses

# At most this many policy-routing rules that may or may not match, met by one zone's
# packets, are settled case by case (2**N propagations more); past it they stay uncertain.
OPEN_CHOICES_MAX = 4
# A filter's uncertain packets travel in at most this many parts, each with the partial
# line that makes it uncertain (Engine.apply_filter).
REASON_PIECES = 4


class Engine(Routing, Nat, RuntimeAddresses, IpsecTunnels, BroadcastHelpers, ControlPlane, Witnesses):
    """Propagates packet sets over a topology with placed zones."""

    def __init__(self, topo: Topology, zones: list[PlacedZone], device_addrs: IPSet, hs: HeaderSpace | None = None):
        self.topo = topo
        self.zones = {z.name: z for z in zones}
        self.hs = hs or HeaderSpace()
        hs = self.hs
        # Room at once for the filters' line sets and the routing tables' regions (most of
        # a large analysis's BDD nodes).
        hs.make_room(sum(len(d.routes) + sum(len(f.lines) for f in d.filters.values()) for d in topo.devices.values()))
        # The devices' own addresses belong to @devices, never to a zone's hosts.
        devices_dst = self._ipset(device_addrs)
        self.zone_addr = {z.name: self._ipset(z.owned) & ~devices_dst for z in zones}
        self.zone_addr[DEVICES_ZONE] = devices_dst
        self.zones_in_domain: dict[str, list[str]] = defaultdict(list)
        for z in zones:
            for did in z.domains:
                self.zones_in_domain[did].append(z.name)
        self._tunnel_zones_setup(zones)  # zones behind an interface's tunnels (ipsec.py)
        # What each zone's new connections reach on segments no zone covers (Run.unzoned of
        # the zone's run in matrix.compute_row): no cell is about them; the unzoned-reach
        # check and the guest conclusion are.
        self.strays: dict[str, dict[tuple[str, str], Bdd]] = {}
        # Addresses per L3 interface and per (device, vrf).
        self.if_addr: dict[tuple[str, str], Bdd] = {}
        self.own: dict[tuple[str, str], Bdd] = defaultdict(lambda: hs.false)
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
        # Domains whose bridged traffic crosses a device's IP firewall: did -> [(dev, bridge)];
        # and those whose bridged frames pass a bridge filter not modelled: did -> why.
        self.l2_firewalls: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.l2_unsure: dict[str, Text] = {}
        for d in topo.devices.values():
            for itf in d.interfaces.values():
                if itf.shutdown or (itf.bridge_ip_firewall is None and itf.bridged_unsure is None):
                    continue
                vlan_filtering = any(
                    i.parent == itf.name and i.mode in (L2Mode.ACCESS, L2Mode.TRUNK) for i in d.interfaces.values()
                )
                for did, dom in topo.domains.items():
                    if (
                        itf.bridged_unsure is not None
                        and did not in self.l2_unsure
                        and _bridge_segment(dom, d.hostname, itf.name, vlan_filtering, True)
                    ):
                        self.l2_unsure[did] = itf.bridged_unsure
                    # Untagged frames of a plain bridge; its tagged frames and a VLAN-filtering
                    # bridge's VLANs only with the tagged setting (use-ip-firewall-for-vlan).
                    if (
                        itf.bridge_ip_firewall is not None
                        and _bridge_segment(dom, d.hostname, itf.name, vlan_filtering, itf.bridge_ip_firewall_tagged)
                        and (d.hostname, itf.name) not in self.l2_firewalls[did]
                    ):
                        self.l2_firewalls[did].append((d.hostname, itf.name))
        # Device addresses as *source* addresses (witnesses avoid impersonating routers).
        self.device_src = hs.false
        for ip in self.owner_of:
            self.device_src |= hs.eq("src_ip", ip)
        self.dom_l3_addr: dict[str, Bdd] = {}
        for did, dom in topo.domains.items():
            u = hs.false
            for key in dom.l3:
                u |= self.if_addr.get(key, hs.false)
            self.dom_l3_addr[did] = u
        # A routed interface with no address the parser understood, itself partial (a
        # line of it not understood — its address, say): hosts of its segment may be
        # routed by it, which the snapshot cannot follow (never "blocked").
        self.unread_gateways: dict[str, list[tuple[str, str, str]]] = {}
        for d in topo.devices.values():
            for itf in d.interfaces.values():
                if not itf.partial or itf.shutdown or itf.is_l3 or itf.dynamic_address:
                    continue
                if itf.mode != L2Mode.ROUTED or itf.kind in (IfKind.LOOPBACK, IfKind.NULL):
                    continue
                home = topo.gateway_domain(d.hostname, itf.name)  # an SVI's or subinterface's too
                if home is not None:
                    self.unread_gateways.setdefault(home, []).append((d.hostname, itf.name, itf.partial))
        # A zone's segment with no gateway in the snapshot and a trunk whose far end is not
        # known (Topology.open_segment): its hosts' gateway may be beyond it, so what
        # they send off the segment, and what is sent to them from elsewhere, may arrive.
        self.open_segments: dict[str, Text] = {}
        self.zones_open: dict[str, Text] = {}  # zone -> the first such segment's reason
        for did, all_names in self.zones_in_domain.items():
            # The outside (external, wan) is where the snapshot's exits lead, not hosts
            # behind a gateway.
            names = [n for n in all_names if self.zones[n].kind not in ("external", "wan")]
            ports = topo.open_segment(did) if names else []
            if ports and did not in self.unread_gateways:
                why = Text(
                    "reason.open_segment",
                    segment=topo.domains[did].label,
                    ports=", ".join(f"{dev}:{ifn}" for dev, ifn in ports),
                )
                self.open_segments[did] = why
                for name in names:
                    self.zones_open.setdefault(name, why)
        self._fib: dict[tuple[str, str], list] = {}
        # (device, vrf[, table]) -> (regions by best egress, default region, feasible-path
        # destinations per interface with and without the default route)
        self._urpf_via: dict[tuple, tuple] = {}
        self._cache: dict = {}  # compiled filters, semantics, uRPF, witness prefs
        # The case being followed of each policy-routing rule that may or may not match
        # (PolicyRoute.open_match, by id): set only while run_zone settles them.
        self._world: dict[int, bool] | None = None

    def _ipset(self, s: IPSet):
        u = self.hs.false
        for cidr in s.iter_cidrs():
            if cidr.version == 4:
                u |= self.hs.prefix("dst_ip", cidr)
        return u

    # ------------------------------------------------------------------ filters

    def _iface_key(self, dev: Device, name: str, in_if, out_if):
        """(in, out) as far as the filter cares: most filters never look at interfaces,
        and those that do treat the interfaces their matches name alike as one (a
        forward chain with a rule per VLAN interface is read once per VLAN, not once per
        pair of interfaces: filters.interface_classes)."""
        key = ("ifdep", dev.hostname, name)
        dep = self._cache.get(key)
        if dep is None:
            flt = dev.filters[name]
            dep = self._cache[key] = (
                filters.filter_interfaces(self.hs, flt) if filters.interface_dependent(flt) else False
            )
        if dep is False:
            return (None, None)
        read = cast(filters.FilterInterfaces, dep)
        return (
            in_if if in_if is None else read.ins.get(in_if, filters.OTHER_IFACE),
            out_if if out_if is None else read.outs.get(out_if, filters.OTHER_IFACE),
        )

    def _compiled(self, dev: Device, name: str, in_if: str | None, out_if: str | None) -> filters.LineSets:
        """The filter's line sets for packets entering ``in_if`` and leaving ``out_if``."""
        in_if, out_if = self._iface_key(dev, name, in_if, out_if)
        key = (dev.hostname, name, in_if, out_if)
        got = self._cache.get(key)
        if got is None:
            dep = self._cache[("ifdep", dev.hostname, name)]
            got = self._cache[key] = filters.line_sets(
                self.hs, dev.filters[name], in_if, out_if, dep.line_index.candidates(in_if, out_if) if dep else None
            )
        return got

    def apply_filter(self, run: Run, dev: Device, name: str | None, P, in_if, out_if, span=None):
        """Split ``P`` by a filter: [(permitted set, certain?, reason)].  Records denials.
        ``span``: a range of destination addresses that holds ``P``'s, when one is known
        (the block of the routing table's entry ``P`` was routed by: filters.BlocksOutside.holds)."""
        hs = self.hs
        if name is None:
            return [(P, True, None)]
        flt = dev.filters.get(name)
        if flt is None:
            return [(P, False, Text("reason.filter_undefined", filter=name, device=dev.hostname))]
        if flt.partial:
            return [(P, False, Text("reason.filter_partial", filter=name, device=dev.hostname, detail=flt.partial))]
        outside = self._outside(dev, name, in_if, out_if)
        if outside is not None and outside.holds(hs, P, span):
            # P's destinations lie outside every block of the filter's lines: its lines of
            # no single block decide them (filters.BlocksOutside), the rest is not read.
            certain, maybe, reasons, whole = outside.permitted, hs.false, [], False
        else:
            certain, maybe, reasons = self._semantics(dev, name, in_if, out_if)
            whole = True
        # One operation with each of the filter's (large) sets; the denied packets from
        # the (small) parts of P they leave.
        c = P & certain
        m = P & maybe if maybe != hs.false else hs.false
        if c != P:  # some denied: attributed to lines only when a blocked cell asks (blocking_lines)
            key = (dev.hostname, name, in_if, out_if)
            allowed = certain | maybe if maybe != hs.false else certain
            got = run.denials.get(key)
            if got is None:
                got = run.denials[key] = [allowed, [], whole]
            elif whole and not got[2]:  # the whole filter's set: right for every packet recorded
                got[0], got[2] = allowed, True
            got[1].append(P)
        out = []
        if c != hs.false:
            out.append((c, True, None))
        if m != hs.false:
            # Each uncertain packet with the partial line that makes it so (the lines'
            # sets are disjoint), the first few lines apart: a cell's reason names a line
            # its packets meet, not an earlier one about other addresses.
            for u, why in reasons[: REASON_PIECES - 1]:
                part = m & u
                if part != hs.false:
                    out.append((part, False, why))
                    m &= ~u
                    if m == hs.false:
                        break
            if m != hs.false:
                out.append((m, False, next((why for u, why in reasons if hs.meets(u, m)), reasons[-1][1])))
        return out

    def _region_span(self, region) -> tuple[int, int]:
        """A range of destination addresses holding a routing region's
        (headerspace.value_block), read once per region: an entry of a routing table
        (routing.fib) merges the prefixes of one egress, so its routes' prefixes do not
        bound it."""
        key = ("span", region)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = value_block(region, self.hs.field_levels("dst_ip"), self.hs.false)
        return got

    def _outside(self, dev: Device, name: str, in_if, out_if) -> filters.BlocksOutside | None:
        """The filter in this combination read for the packets outside its destination
        blocks (:func:`netaudit.filters.outside_blocks`), or None."""
        in_if, out_if = self._iface_key(dev, name, in_if, out_if)
        key = ("outside", dev.hostname, name, in_if, out_if)
        if key not in self._cache:
            sets = self._compiled(dev, name, in_if, out_if)
            self._cache[key] = filters.outside_blocks(self.hs, dev.filters[name], sets)
        return self._cache[key]

    def _semantics(self, dev: Device, name: str, in_if, out_if):
        """(certainly permitted, maybe permitted, [(packets, reason)]) of a filter over all
        packets (:func:`netaudit.filters.permitted`: a partial line's packets are maybe
        permitted where matching it or not decides differently; the reason names the line)."""
        in_if, out_if = self._iface_key(dev, name, in_if, out_if)
        key = ("sem", dev.hostname, name, in_if, out_if)
        got = self._cache.get(key)
        if got is None:
            flt = dev.filters[name]
            certain, maybe, uncertain = filters.permitted(self.hs, flt, self._compiled(dev, name, in_if, out_if))
            reasons = [
                (
                    u,
                    Text(
                        "reason.line_partial",
                        device=dev.hostname,
                        filter=name,
                        line=flt.lines[idx].source.text,
                        detail=flt.lines[idx].partial,
                    ),
                )
                for idx, u in uncertain
            ]
            got = self._cache[key] = (certain, maybe, reasons)
        return got

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

    def sent_to(self, zones: Iterable[str]):
        """The packets among which are all those surely delivered to ``zones``: the ones
        addressed to them (and, for @devices, to any candidate of a device's run-time
        address), or None (every packet) where the snapshot rewrites destinations on the
        way (destination NAT, UDP helpers).  A delivery to a zone is of packets addressed
        to it (:meth:`_deliver`), so a propagation of these alone surely delivers there
        what one of every packet does; packets only maybe delivered may differ (a
        proxy's onward connections, a route the snapshot cannot follow)."""
        got = self._cache.get("rewrites-destinations")
        if got is None:
            got = self._cache["rewrites-destinations"] = any(
                any(r.kind == "destination" for r in d.nat_rules) or any(i.udp_helpers for i in d.interfaces.values())
                for d in self.topo.devices.values()
            )
        if got:
            return None
        hs = self.hs
        sent = hs.false
        for zone in zones:
            sent |= self.zone_addr[zone]
            if zone == DEVICES_ZONE:
                for cand in self.runtime_cand.values():
                    sent |= cand
        return sent

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

    def run_zone(self, src: str, initial=None, any_source: bool = False) -> Run:
        """Propagate everything zone ``src`` can send (from its own addresses unless
        ``any_source`` or the site says ``sources: any``).

        Packets that met a policy-routing rule which may or may not match them
        (PolicyRoute.open_match) travel both ways as uncertain packets; when only a few
        such rules were met, each combination of their cases is followed too, and what
        every combination delivers surely is surely delivered (docs/semantics.md)."""
        run = self._propagate(src, initial, any_source)
        if (
            self._world is None
            and 0 < len(run.open_choices) <= OPEN_CHOICES_MAX
            and any(d.maybe != self.hs.false for d in run.deliveries.values())
        ):
            self._settle_open_matches(run, src, initial, any_source)
        return run

    def _settle_open_matches(self, run: Run, src: str, initial, any_source: bool) -> None:
        """Follow ``src``'s packets once per combination of the cases (matches / does not)
        of the open-match rules ``run`` met.  A packet *as sent* that every combination
        delivers surely to a zone is surely delivered there (whichever case is real for
        it); the others stay as they were.  Its witness is the first combination's (every
        rule matching), followed again from those packets alone."""
        hs = self.hs
        choices = list(run.open_choices)
        sure: dict[str, Bdd] = {}
        try:
            settled = False
            while not settled:
                sure = {z: hs.true for z, d in run.deliveries.items() if d.maybe != hs.false}
                settled = True
                for case in itertools.product((True, False), repeat=len(choices)):
                    self._world = dict(zip(choices, case, strict=True))
                    w = self._propagate(src, initial, any_source)
                    met = [c for c in w.open_choices if c not in self._world]
                    if met:
                        # A case sent packets on to rules no earlier case reached: start
                        # again with them among the choices (or leave it uncertain).
                        choices.extend(met)
                        if len(choices) > OPEN_CHOICES_MAX:
                            return
                        settled = False
                        break
                    got = {}
                    for zone, u in sure.items():
                        d = w.deliveries.get(zone)
                        sent = sent_before(hs, d.chunks) if d is not None else None
                        if sent is not None and (u := u & sent) != hs.false:
                            got[zone] = u
                    sure = got
                    if not sure:
                        return
            self._world = dict.fromkeys(choices, True)
            for zone, sent in sure.items():
                again = self._propagate(src, sent, any_source).deliveries.get(zone)
                d = run.deliveries[zone]
                if again is None or (extra := again.certain & d.maybe & ~d.certain) == hs.false:
                    continue
                d.certain |= extra
                d.maybe &= ~extra
                if d.maybe == hs.false:
                    d.maybe_reason = None
                d.chunks.extend((u & extra, p) for u, p in again.chunks if hs.meets(u, extra))
        finally:
            self._world = None

    def _propagate(self, src: str, initial, any_source: bool) -> Run:
        """One propagation of ``src``'s packets (see :meth:`run_zone`)."""
        hs = self.hs
        z = self.zones[src]
        run = Run(deliveries={})
        P0 = hs.new_connections if initial is None else initial
        own = None if any_source else self.zone_sources(src)
        if own is not None:
            P0 &= own
        queue = Work()
        seen_c: dict[tuple, Bdd] = {}
        seen_m: dict[tuple, Bdd] = {}
        path: Path | Merge
        for did in z.domains:
            path = extend(None, Step("inject", note=f"{src} hosts in {self.topo.domains[did].label}"))
            self._emit_hosts(run, did, P0, True, None, path, src, queue)
        for dev, ifn in z.tunnels:
            self._inject_behind_tunnel(run, src, dev, ifn, P0, queue)
        while queue:
            dev, ifn, P, certain, reason, path = queue.popleft()
            if dev is ROUTE:  # past ingress: (ROUTE, device, vrf, …), see Work
                device, vrf = ifn
                self._route(run, self.topo.devices[device], None, vrf, P, True, None, path, queue)
                continue
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
        control: dict[tuple, list] = {}
        for (dev, ifn, certain, reason), alts in run.control.items():
            # One evaluation per device, or per class of interfaces the same services listen
            # on, where nothing else looks at the interface (each packet keeps its path: Merge).
            at = self._control_at(self.topo.devices[dev], ifn)
            control.setdefault((dev, at, certain, reason), []).extend(alts)
        for (dev, ifn, certain, reason), alts in control.items():
            P = hs.false
            for u, _ in alts:
                P |= u
            path = alts[0][1] if len(alts) == 1 else Merge(tuple(alts))
            self._control_plane(run, self.topo.devices[dev], ifn, P, certain, reason, path)
        for (dev, ifn, certain, reason), alts in run.runtime.items():
            self._runtime_control_plane(run, self.topo.devices[dev], ifn, alts, certain, reason)
        return run

    def _deliver(self, run: Run, zone: str, P, certain: bool, reason, path: Path | Merge | None, service=None):
        """Record ``P`` delivered to ``zone`` (to @devices: by ``service``, None when the
        snapshot cannot tell which)."""
        hs = self.hs
        P = P & self.zone_addr[zone]
        if P == hs.false:
            return
        if zone == DEVICES_ZONE:
            vpn = service is not None and service.name in VPN_ENDPOINTS
            run.devices_by_vpn[vpn] = run.devices_by_vpn.get(vpn, hs.false) | P
            if certain:  # a proxy's onward connections (maybe, any port) are not a service
                portal = service is not None and service.name in CAPTIVE_PORTAL_SERVICES
                run.devices_by_portal[portal] = run.devices_by_portal.get(portal, hs.false) | P
        d = run.deliveries.get(zone)
        if d is None:
            d = run.deliveries[zone] = Delivery(hs.false, hs.false)
        if certain:
            d.chunks.append((P, extend(path, Step("deliver", note=zone))))
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
            same = extend(
                path,
                Step(
                    "l2", note=Text("note.same_l2", domain=self.topo.domains[did].label), cites=self._segment_cites(did)
                ),
            )
            for Q, c, r, p in self._bridged(run, did, P & ~l3, certain, reason, same):
                for zname in others:
                    self._deliver(run, zname, Q, c, r, p)
        for dev, ifn in self.topo.domains[did].l3:
            queue.append((dev, ifn, P, certain, reason, path))
        self._in_clear_beside(run, did, P & ~l3, reason, src_zone)  # reach/ipsec.py
        for dev, ifn, detail in self.unread_gateways.get(did, ()):
            why = reason or Text("reason.interface_partial", device=dev, interface=ifn, detail=detail)
            # the gateway's own addresses too (the unread one among them): as beyond an
            # open segment, what a router of the snapshot answers may be reached
            self._leave(run, P & ~self._zoned_addr(did), why, devices=True)
        if did in self.open_segments and src_zone in self.zones_open:
            # The gateway may be any router of the snapshot, its own addresses included.
            off, why = P & ~self._zoned_addr(did), reason or self.open_segments[did]
            self._leave(run, off, why)
            self._deliver(run, DEVICES_ZONE, off, False, why, None)

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
        sends it there (RouterOS use-ip-firewall), with the bridge as in and out interface;
        unknown where a bridge filter not modelled may drop it."""
        if did in self.l2_unsure:
            return [(P, False, reason or self.l2_unsure[did], path)]
        firewalls = self.l2_firewalls.get(did, [])
        if not firewalls:
            return [(P, certain, reason, path)]
        if len(firewalls) > 1:  # which bridges a frame crosses is not known
            why = reason or Text("reason.bridged_firewalls", bridges=", ".join(f"{d}:{b}" for d, b in firewalls))
            return [(P, False, why, path)]
        dev_name, bridge = firewalls[0]
        dev = self.topo.devices[dev_name]
        p1 = extend(path, Step("enter", dev_name, bridge))
        out = []
        for Q, c, r in self.apply_filter(run, dev, dev.forward_filter, P, bridge, bridge):
            p2 = (
                extend(p1, Step("filter", dev_name, bridge, bridge, filter=dev.forward_filter, note="forward"))
                if dev.forward_filter
                else p1
            )
            out.append((Q, certain and c, reason or r, p2))
        return out

    def _ingress(self, run: Run, dev_name: str, ifn: str, P, certain, reason, path, queue, decrypted=None):
        """``P`` arriving on ``ifn`` (``decrypted``: a step, out of a tunnel: no inbound filter)."""
        hs = self.hs
        dev = self.topo.devices[dev_name]
        itf = dev.interfaces[ifn]
        if itf.partial:
            certain, reason = (
                False,
                reason or Text("reason.interface_partial", device=dev_name, interface=ifn, detail=itf.partial),
            )
        if dev.martian_own_source:
            forged = P & self._own_sources(dev, itf.vrf)
            if forged != hs.false:
                self._drop(run, dev_name, Text("drop.martian_source", interface=ifn), forged)
                P = P & ~forged
                if P == hs.false:
                    return
        parts = [(P, certain, reason)] if dev.urpf_after_dnat else self._reverse_path(run, dev, ifn, P, certain, reason)
        for P1, certain1, reason1 in parts:
            self._ingress_filtered(run, dev, ifn, itf, P1, certain1, reason1, path, queue, decrypted)

    def _reverse_path(self, run: Run, dev: Device, ifn: str, P, certain, reason) -> list[tuple]:
        """[(packets, certain, reason)] of ``P`` that unicast RPF on ``ifn`` lets in — surely
        (as ``certain``), or maybe (uncertain, with why); the rest is dropped."""
        hs = self.hs
        itf = dev.interfaces[ifn]
        if not itf.urpf:
            return [(P, certain, reason)]
        sure, maybe = self.urpf_bounds(dev, itf)
        ok = P & maybe
        if ok != P:
            self._drop(run, dev.hostname, Text("drop.urpf", interface=ifn), P & ~ok)
        parts = [(ok & sure, certain, reason)]
        unsure = ok & ~sure
        if unsure != hs.false:  # the reverse-path check may pass or drop these
            why = reason or Text(
                "reason.urpf_unsure",
                device=dev.hostname,
                interface=ifn,
                detail=itf.urpf_unsure or Text("reason.urpf_policy_routing"),
            )
            parts.append((unsure, False, why))
        return [part for part in parts if part[0] != hs.false]

    def _own_sources(self, dev: Device, vrf: str):
        """The device's own addresses as a source-address set."""
        key = ("own-src", dev.hostname, vrf)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = self.hs.dst_to_src(self.own[(dev.hostname, vrf)])
        return got

    def _ingress_filtered(self, run: Run, dev: Device, ifn: str, itf, P, certain, reason, path, queue, decrypted):
        """Ingress after the reverse-path check: the inbound filter, DNAT, the device's
        own addresses, then routing."""
        hs = self.hs
        dev_name = dev.hostname
        entered = extend(path, Step("enter", dev_name, ifn))
        arrivals = []  # (packets, certain, reason, path) past the inbound filter
        if decrypted is not None:
            arrivals.append((P, certain, reason, extend(entered, decrypted)))
            P = hs.false
        elif itf.ipsec_tunnels:
            # What may come decrypted out of a tunnel passes without the inbound filter,
            # maybe (the same packets in clear are dropped): model.IpsecTunnel.
            for T, why, _ in self._tunnel_parts(dev, itf, P, inbound=True):
                P = P & ~T
                arrivals.append((T, False, reason or why, entered))
        if P != hs.false:
            for Q, c, r in self.apply_filter(run, dev, itf.filter_in, P, ifn, None):
                p1 = entered
                if itf.filter_in:
                    p1 = extend(p1, Step("filter", dev_name, ifn, None, filter=itf.filter_in, note="in"))
                arrivals.append((Q, certain and c, reason or r, p1))
        for Q, c, r, p1 in arrivals:
            self._forward_broadcasts(run, dev, itf, Q, c, r, p1, queue)  # to ip helper-address
            for Q1, p2, why in self._dnat(dev, ifn, Q, p1):
                checked = (
                    self._reverse_path(run, dev, ifn, Q1, c and why is None, r or why)
                    if dev.urpf_after_dnat
                    else [(Q1, c and why is None, r or why)]
                )
                for Q2, c2, r2 in checked:
                    self._arrived(run, dev, ifn, itf, Q2, c2, r2, p2, queue)

    def _arrived(self, run: Run, dev: Device, ifn: str, itf, Q, certain, reason, path, queue) -> None:
        """Packets past the ingress (filter, DNAT, reverse-path check): the device's own
        addresses, run-time addresses and forwards, then routing."""
        hs = self.hs
        dev_name = dev.hostname
        vkey = (dev_name, itf.vrf)
        own = Q & self.own[vkey]
        if own != hs.false:
            run.control.setdefault((dev_name, ifn, certain, reason), []).append((own, path))
        if dev.runtime_forwards:
            self._runtime_forwards(run, dev, ifn, Q & (self.own[vkey] | self.runtime_own[vkey]), reason, path)
        if vkey in self.runtime_by_vrf:
            # May be for a run-time address: judged for every candidate at the end.
            run.runtime.setdefault((dev_name, ifn, certain, reason), []).append((Q, path))
        # The representative of a run-time address stands for the device's own.
        rest = Q & ~own & ~self.runtime_own[vkey]
        if rest == hs.false:
            return
        if not dev.ip_routing:
            self._drop(run, dev_name, Text("drop.routing_off"), rest)
            return
        if certain and self._routing_ignores_ingress(dev):
            queue.append_route(dev_name, itf.vrf, rest, path)
        else:
            self._route(run, dev, ifn, itf.vrf, rest, certain, reason, path, queue)

    def _routing_ignores_ingress(self, dev: Device) -> bool:
        """Whether what ``dev`` does with a packet past its ingress (policy routing, the
        lookup, forward and outbound filters, source NAT) never depends on the interface
        it arrived on: then arrivals on several interfaces share one lookup (Work)."""
        key = ("ingress-free", dev.hostname)
        got = self._cache.get(key)
        if got is None:
            snat = [r for r in dev.nat_rules if r.kind == "source"]
            names = [dev.forward_filter, *(i.filter_out for i in dev.interfaces.values()), *(r.acl for r in snat)]
            matches = [m for n in names if n in dev.filters for line in dev.filters[n].lines for m in line.matches]
            matches += [m for pr in dev.policy_routes for m in pr.matches] + [r.match for r in snat]
            got = all(m.in_ifaces is None for m in matches) and all(r.in_ifaces is None for r in snat)
            self._cache[key] = got
        return got

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

    def _lookup(
        self, run, dev: Device, ifn, vrf, P, certain, reason, path, queue, table=None, fallback=False, runtime=True
    ):
        """Destination lookup in the VRF's main table (or a policy-routing table) and forwarding."""
        hs = self.hs
        if runtime and table is None and (dev.hostname, vrf) in self.runtime_connected:
            # The connected route of an address received at run time from a zone's
            # subnet: it may take these packets out of its interface, or (a narrower
            # mask) leave them to the other routes — each way "maybe".
            taken, why = hs.false, None
            for dyn_if, dsts, route in self.runtime_connected[(dev.hostname, vrf)]:
                R = P & dsts
                if R != hs.false:
                    self._forward(run, dev, ifn, R, [(dyn_if, None, route)], certain, reason, path, queue)
                    taken |= R
                    why = why or _route_partial(dev, route)
            if taken != hs.false:
                self._lookup(run, dev, ifn, vrf, P & taken, False, reason or why, path, queue, runtime=False)
                P = P & ~taken
                if P == hs.false:
                    return
        unsure = self._table_unsure(dev)
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
                if unsure is not None:
                    self._leave_routed(run, dev, ifn, vrf, R, unsure)
                else:
                    self._drop(run, dev.hostname, Text("drop.no_route"), R)
                continue
            if isinstance(acts, tuple):  # ("drop", route)
                if unsure is not None:  # a longer route learned may take some of them
                    self._leave_routed(run, dev, ifn, vrf, R, unsure)
                self._drop(run, dev.hostname, Text("drop.null_route"), R)
                continue
            if unsure is not None and any(route.origin != "connected" for _, _, route in acts):
                # A longer prefix the device learns (or reads from a line not understood)
                # may take these packets elsewhere: the configured route is one way.
                self._leave_routed(run, dev, ifn, vrf, R, unsure)
            self._forward(run, dev, ifn, R, acts, certain, reason, path, queue, unsure, self._region_span(region))

    def _leave_routed(self, run: Run, dev: Device, ifn, vrf: str, R, why: Text) -> None:
        """Packets a route the snapshot does not know may take (learned, or on a line not
        understood): out of any interface of the VRF, so through the forward filter and
        that interface's out filter and source NAT — what no egress lets through stays
        dropped (an ASA's inbound ACL does not depend on the route) — then wherever the
        snapshot cannot follow."""
        hs = self.hs
        outs = [i.name for i in dev.interfaces.values() if i.vrf == vrf and (i.is_l3 or i.dynamic_address)]
        if not outs or (dev.forward_filter is None and all(dev.interfaces[o].filter_out is None for o in outs)):
            passed = R
        else:
            passed = self._passed_somewhere(run, dev, ifn, outs, R)
        if passed != hs.false:
            # Such a route leads within the network (a learned or backup route to another
            # router of the snapshot): its own addresses too.
            self._leave(run, passed, why, devices=True)

    def _passed_somewhere(self, run: Run, dev: Device, ifn, outs: list[str], R):
        """What of ``R`` the forward filter, and the out filter and source NAT of some
        interface of ``outs``, let through."""
        hs = self.hs
        passed = hs.false
        for out_if in outs:
            for S, _, _ in self.apply_filter(run, dev, dev.forward_filter, R, ifn, out_if):
                for T, _, _, _ in self._egress(run, dev, ifn, out_if, S, None):  # source NAT in its place
                    passed |= T
            if passed == R:
                break
        return passed

    def _forward(self, run, dev: Device, ifn, R, acts, certain, reason, path, queue, unsure=None, span=None):
        """Forward ``R`` along each of a lookup's actions ``(out_if, next_hop, route)``:
        the forward filter, the out-interface, its filter and source NAT, the next hop
        (``span``: a range of destination addresses holding ``R``'s, when known)."""
        for out_if, nh, route in acts:
            p1 = extend(path, Step("route", dev.hostname, ifn, out_if, route=route))
            maybe_other = unsure is not None and route.origin != "connected"
            c_route = certain and not route.partial and not maybe_other
            r_route = reason or (_route_partial(dev, route) if route.partial else (unsure if maybe_other else None))
            for S, c, r in self.apply_filter(run, dev, dev.forward_filter, R, ifn, out_if, span):
                p2 = (
                    extend(p1, Step("filter", dev.hostname, ifn, out_if, filter=dev.forward_filter, note="forward"))
                    if dev.forward_filter
                    else p1
                )
                out_itf = dev.interfaces[out_if]
                if out_itf.partial:
                    why = Text(
                        "reason.interface_partial", device=dev.hostname, interface=out_if, detail=out_itf.partial
                    )
                    c, r = False, r or why
                for U, p4, c2, r2 in self._egress(run, dev, ifn, out_if, S, p2):
                    c3, r3 = c_route and c and c2, r_route or r or r2
                    if out_itf.ipsec_tunnels or (dev.hostname, out_if) in self.tunnel_zones:
                        # Into a tunnel, to its peer: not onward in clear (reach/ipsec.py).
                        U = self._tunnel_egress(run, dev, out_if, U, c3, r3, p4)
                        if U == self.hs.false:
                            continue
                    self._emit(run, dev.hostname, out_if, nh, U, c3, r3, p4, queue)
                    if out_itf.partial:
                        # What the interface does with them is not all understood (a
                        # crypto map tunnels some to its peer): beyond the modelled next
                        # hop they may reach any zone owning their destination.
                        self._leave(run, U, r3)

    def _egress(self, run: Run, dev: Device, ifn: str, out_if: str, P, path) -> list[tuple]:
        """The out-interface's filter and source NAT, in the device's order (IOS: NAT
        first, the output ACL sees the translated source): [(set, path, certain, reason)]."""
        flt = dev.interfaces[out_if].filter_out
        out: list[tuple] = []

        def filtered(Q, p, why):
            for T, c, r in self.apply_filter(run, dev, flt, Q, ifn, out_if):
                step = Step("filter", dev.hostname, ifn, out_if, filter=flt, note="out")
                yield T, extend(p, step) if flt else p, c and why is None, why or r

        if dev.snat_before_out_filter:
            for U, p1, why in self._snat(dev, ifn, out_if, P, path):
                out.extend(filtered(U, p1, why))
            return out
        for T, p1, c, r in filtered(P, path, None):
            out.extend((U, p2, c and why is None, r or why) for U, p2, why in self._snat(dev, ifn, out_if, T, p1))
        return out

    def _table_unsure(self, dev: Device) -> Text | None:
        """Why ``dev``'s routing table is not all known, or None: it learns routes
        (OSPF, BGP …) and its routing state is not in the snapshot, or a static route
        line was not understood.  Any route but a connected one may then be overridden
        by a longer prefix (docs/semantics.md)."""
        if dev.routing_state is not None:
            return None
        if dev.dynamic_routing:
            return Text("reason.dynamic_routing", device=dev.hostname)
        for routes, key in (
            (dev.unread_routes, "reason.unread_routes"),
            (dev.conditional_routes, "reason.conditional_routes"),
        ):
            if routes:
                first = routes[0]
                where = f"{first.file.rsplit('/', 1)[-1]}:{first.line}"
                return Text(key, device=dev.hostname, line=first.text, where=where)
        return None

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
            stray = rest & ~self._zoned_addr(did)
            if stray != hs.false:
                stray = self._beyond_the_segment(dev_name, out_if, did, stray, certain, reason, path, queue)
            if stray != hs.false:
                for zname, why in self.zones_open.items():  # this segment may be theirs
                    self._deliver(run, zname, stray, False, reason or why, None)
            if stray != hs.false:
                key = (dev_name, out_if)
                run.unzoned[key] = run.unzoned.get(key, hs.false) | stray
            return
        owners = [k for k in self.owner_of.get(nh, []) if k in dom.l3 and k != (dev_name, out_if)]
        if owners:
            for key in owners:
                queue.append((key[0], key[1], P, certain, reason, path))
            return
        outside = self._outside_zones(did)
        if outside:
            note = {z: Text("witness.note.next_hop", nh=str(IPAddress(nh)), zone=z) for z in outside}
            self._deliver_outside(run, note, P, certain, reason, path, dev_name, out_if)
            return
        self._leave(
            run, P, Text("reason.next_hop_outside", device=dev_name, interface=out_if, next_hop=str(IPAddress(nh)))
        )

    def _beyond_the_segment(self, dev_name, out_if, did, P, certain, reason, path, queue):
        """Packets a route sends out of an interface with no next hop (``ip route
        10.2.2.0 255.255.255.0 Serial0/0/0``) for destinations outside every subnet of
        the segment: a point-to-point link hands them to the router at its other end;
        on a shared segment a router answers for them only by proxy ARP (IOS's default,
        not every vendor's), so they go to each router there as "maybe".  What is left
        (no router there, or within the segment's subnets): returned."""
        hs = self.hs
        beyond = P & ~self._segment_subnets(did)
        peers = [k for k in self.topo.domains[did].l3 if k[0] != dev_name]
        if beyond == hs.false or not peers:
            return P
        p2p = len(peers) == 1 and _point_to_point(self.topo.devices[dev_name].interfaces[out_if])
        why = reason or Text("reason.proxy_arp", device=dev_name, interface=out_if)
        for key in peers:
            queue.append((key[0], key[1], beyond, certain and p2p, reason if p2p else why, path))
        return P & ~beyond

    def _segment_subnets(self, did):
        """The subnets of the L3 interfaces of domain ``did`` (as a destination set)."""
        key = ("segment-subnets", did)
        got = self._cache.get(key)
        if got is None:
            got = self.hs.false
            for dev, ifn in self.topo.domains[did].l3:
                for a in self.topo.devices[dev].interfaces[ifn].addresses:
                    got |= self.hs.prefix("dst_ip", a.cidr)
            self._cache[key] = got
        return got

    def _zoned_addr(self, did):
        """The addresses the zones placed in domain ``did`` own (their union, kept)."""
        key = ("zoned", did)
        got = self._cache.get(key)
        if got is None:
            got = self.hs.false
            for zname in self.zones_in_domain.get(did, []):
                got |= self.zone_addr[zname]
            self._cache[key] = got
        return got

    def _outside_zones(self, did) -> list[str]:
        """The external/wan zones placed in domain ``did``: where traffic to a gateway the
        snapshot does not hold goes."""
        return [z for z in self.zones_in_domain.get(did, []) if self.zones[z].kind in ("external", "wan")]

    def _deliver_outside(
        self, run: Run, notes: dict[str, Text], P, certain: bool, reason, path, dev_name: str, out_if: str
    ) -> None:
        """Deliver ``P`` to each outside zone of ``notes``, the witness ending in an L2 step
        out of ``dev_name:out_if`` with that zone's note."""
        for zname, note in notes.items():
            self._deliver(run, zname, P, certain, reason, extend(path, Step("l2", dev_name, None, out_if, note=note)))

    def _leave(self, run: Run, P, why: Text, devices: bool = False) -> None:
        """Packets go where the snapshot cannot follow: maybe delivered to any zone owning
        dst (and, with ``devices``, to the devices' own addresses)."""
        for zname in self.zone_addr:
            if devices or zname != DEVICES_ZONE:
                self._deliver(run, zname, P, False, why, None)

    def _drop(self, run: Run, dev: str, why: Text, P) -> None:
        key = (dev, why)
        run.drops[key] = run.drops.get(key, self.hs.false) | P


def _point_to_point(itf) -> bool:
    """A link with exactly one peer by nature (serial HDLC/PPP, tunnels, dialers): what
    goes out of it reaches the other end whatever its destination."""
    name = itf.name.lower()
    return itf.kind == IfKind.TUNNEL or name.startswith(("serial", "se", "dialer", "multilink", "pos", "virtual-"))


def _route_partial(dev: Device, route) -> Text:
    """Why packets along a route not fully understood are uncertain."""
    where = route.source.text if route.source else str(route.prefix)
    return Text("reason.route_partial", device=dev.hostname, route=where, detail=route.partial)


def _bridge_segment(dom, dev: str, bridge: str, vlan_filtering: bool, tagged: bool) -> bool:
    """Whether domain ``dom`` holds frames bridge ``dev:bridge`` switches: its untagged
    segment; its tagged segments, or (a VLAN-filtering bridge) the device's VLANs, when
    ``tagged``."""
    return any(
        n[0] == "seg"
        and n[1] == dev
        and (
            str(n[2]) == f"bridge:{bridge}"
            or (tagged and str(n[2]).startswith(f"bridge:{bridge}:"))
            or (vlan_filtering and tagged and isinstance(n[2], int))
        )
        for n in dom.nodes
    )
