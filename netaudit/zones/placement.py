"""Where each zone's hosts sit: the site file held against the topology.

:func:`check_references` refuses a site file that names a device, VLAN or interface
the snapshot does not have; :func:`resolve` places each zone in the topology's L2
domains and computes the addresses it owns (an ``external`` zone without subnets owns
every address no other zone owns, and is attached at the snapshot's exits:
docs/semantics.md, "The external zone").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NoReturn

from netaddr import IPNetwork, IPSet

from ..messages import Text
from ..model import Device, IfKind, InputError, Interface
from ..topology import Topology, exits
from .site import Site, Zone, did_you_mean

# --------------------------------------------------------------------------- references


def _device_for(topo: Topology, dev: str, what: Text, err: Callable[[Text, int | None], NoReturn], line) -> Device:
    d = topo.devices.get(dev)
    if d is None:
        err(Text("site.error.no_device", what=what, device=repr(dev), hint=did_you_mean(dev, topo.devices)), line)
    return d


def _interface_exists(d: Device, ifn: str) -> bool:
    return ifn in d.interfaces or _canonical(ifn, d) in d.interfaces


def _missing_interface(d: Device, ifn: str, what: Text, err, line) -> None:
    hint = did_you_mean(ifn, d.interfaces)
    full = _canonical(ifn, d)
    named = sorted(i.name for i in d.interfaces.values() if i.zone and i.zone.lower() == ifn.lower())
    if full in d.interfaces:
        hint = Text("site.error.full_name", name=repr(full))
    elif named:
        # People name ASA interfaces by nameif and FortiGate ones by zone; the site file wants the interface.
        label = "nameif" if any(i.security_level is not None for i in d.interfaces.values()) else "zone"
        hint = Text("site.error.label_of", name=repr(ifn), label=label, interfaces=", ".join(named))
    err(Text("site.error.no_interface", what=what, interface=repr(ifn), device=d.hostname, hint=hint), line)


def check_references(site: Site, topo: Topology) -> None:
    """Every device, VLAN and interface a site file names must exist in the snapshot.

    A typo there would otherwise not fail: the zone is just not placed and its cells
    turn "unknown", or a link goes missing.  Raises InputError naming the file, the
    entry's line and the closest names.  A reference that exists but carries no
    traffic (a shut port, a VLAN no port uses) stays a placement problem of the zone.
    An ``attach`` entry whose device name holds a colon is re-split here, against the
    devices of the snapshot.
    """

    def err(msg: Text, line: int | None) -> NoReturn:
        raise InputError(msg, site.file, line)

    for z in site.zones:
        for i, (dev, vid) in enumerate(z.vlans):
            line = z.ref_lines.get(("vlans", i), z.line)
            what = Text("site.in.zone_entry", zone=repr(z.name), key="vlans", entry=f"'{dev}:{vid}'")
            d = _device_for(topo, dev, what, err, line)
            if topo.vlan_domain(dev, vid) is not None:
                continue
            terminating = sorted(
                itf.name
                for itf in d.interfaces.values()
                if itf.encapsulation_vlan == vid and itf.kind in (IfKind.VLAN, IfKind.SUBINTERFACE)
            )
            if terminating:
                refs = ", ".join(f'"{dev}:{n}"' for n in terminating)
                err(
                    Text(
                        "site.error.vlan_is_interface",
                        what=what,
                        vlan=vid,
                        device=dev,
                        interfaces=", ".join(terminating),
                        refs=refs,
                    ),
                    line,
                )
            known = set(d.vlans) | {svi_vid(itf) for itf in d.interfaces.values() if itf.kind == IfKind.SVI}
            if vid not in known:
                hint = did_you_mean(f"{dev}:{vid}", [f"{dev}:{v}" for v in known if v])
                err(Text("site.error.no_vlan", what=what, vlan=vid, device=dev, hint=hint), line)
        for i, (dev, ifn) in enumerate(z.attach):
            line = z.ref_lines.get(("attach", i), z.line)
            if dev not in topo.devices:
                dev, ifn = _resplit(topo, dev, ifn)
                z.attach[i] = (dev, ifn)
            what = Text("site.in.zone_entry", zone=repr(z.name), key="attach", entry=f"'{dev}:{ifn}'")
            d = _device_for(topo, dev, what, err, line)
            if not _interface_exists(d, ifn):
                _missing_interface(d, ifn, what, err, line)
    for i, pair in enumerate(site.links):
        line = site.link_lines[i] if i < len(site.link_lines) else None
        for dev, ifn in pair:
            what = Text("site.in.links_entry", entry=f"'{dev}:{ifn}'")
            d = _device_for(topo, dev, what, err, line)
            if ifn not in d.interfaces:
                _missing_interface(d, ifn, what, err, line)


def _resplit(topo: Topology, dev: str, ifn: str) -> tuple[str, str]:
    """``DEV:IF`` split at the colon that names a device of the snapshot, if one does."""
    whole = f"{dev}:{ifn}"
    for k, ch in enumerate(whole):
        if ch == ":" and whole[:k] in topo.devices and whole[k + 1 :]:
            return whole[:k], whole[k + 1 :]
    return dev, ifn


# --------------------------------------------------------------------------- placement


@dataclass
class PlacedZone:
    """A zone with the L2 domains its hosts sit in and the addresses it owns."""

    zone: Zone
    domains: list[str]
    owned: IPSet
    problems: list[Text] = field(default_factory=list)  # English as str; .render(lang) / .both()
    # Where an external zone without attach: was attached automatically, and why.
    attached: list[Text] = field(default_factory=list)
    # The host subnets of its segments when none of them is a subnet the zone declares
    # (a typo in the site file, or hosts taking the segment's addresses): its hosts may
    # send from either, and a verdict must hold for both (reach.matrix.compute_row).
    segment_sources: IPSet | None = None
    # A zone behind tunnels (site ``via: tunnel``): the (device, interface) whose IPsec
    # tunnels lead to it; it sits in no L2 domain (docs/semantics.md, "A zone behind a tunnel").
    tunnels: list[tuple[str, str]] = field(default_factory=list)

    @property
    def placed(self) -> bool:
        """Whether the zone has somewhere to be: an L2 domain or a tunnel."""
        return bool(self.domains or self.tunnels)

    @property
    def name(self) -> str:
        return self.zone.name

    @property
    def kind(self) -> str:
        return self.zone.kind


def resolve(site: Site, topo: Topology) -> tuple[list[PlacedZone], IPSet, list[str]]:
    """Place zones in domains; return (placed zones, all device addresses, warnings)."""
    warnings: list[str] = []
    # IPSets built in one go: adding addresses one by one re-compacts the set each time.
    device_addrs = IPSet(
        a.ip for d in topo.devices.values() for itf in d.interfaces.values() if not itf.shutdown for a in itf.owns()
    )
    # Every L3 interface address as (first, last, device, interface), by first address.
    l3_spans = sorted(
        (a.first, a.last, dev, itf.name)
        for dev, d in topo.devices.items()
        for itf in d.l3_interfaces()
        for a in itf.addresses
    )
    placed: list[PlacedZone] = []
    for z in site.zones:
        doms: list[str] = []
        problems: list[Text] = []
        tunnels: list[tuple[str, str]] = []
        for dev, vid in z.vlans:
            did = topo.vlan_domain(dev, vid)
            if did is None:
                problems.append(Text("problem.vlan_missing", device=dev, vlan=vid))
            elif did not in doms:
                doms.append(did)
        for dev, ifn in z.attach:
            at_dev = topo.devices.get(dev)
            name = ifn
            if at_dev is not None and ifn not in at_dev.interfaces:
                name = _canonical(ifn, at_dev)
            if z.via == "tunnel":
                _tunnel_attach(topo, dev, name, tunnels, problems)
                continue
            did = topo.port_domain(dev, name) if at_dev is not None else None
            if did is None:
                problems.append(Text("problem.attach_missing", device=dev, interface=ifn))
            elif did not in doms:
                doms.append(did)
        if z.subnets and not z.vlans and not z.attach:
            for dev, ifn in _overlapping(l3_spans, z.subnets):
                did = topo.l3_domain(dev, ifn)
                if did is not None and did not in doms:
                    doms.append(did)
            if not doms:
                problems.append(Text("problem.no_interface"))
        for did in doms if z.kind not in ("external", "wan") else ():
            ports = topo.open_segment(did)
            if ports:
                problems.append(
                    Text(
                        "problem.open_segment",
                        segment=topo.domains[did].label,
                        ports=", ".join(f"{dev}:{ifn}" for dev, ifn in ports),
                    )
                )
        segment_sources = _segment_sources(topo, z, doms)
        if segment_sources is not None:
            problems.append(
                Text(
                    "problem.subnets_off_segment",
                    subnets=", ".join(str(n) for n in z.subnets),
                    segment_subnets=", ".join(str(n) for n in segment_sources.iter_cidrs()),
                )
            )
        owned = IPSet(z.subnets)
        if not z.subnets and z.kind not in ("external",):
            owned = IPSet(
                a.cidr for did in doms for dev, ifn in topo.domains[did].l3 for a in topo.interface(dev, ifn).addresses
            )
        placed.append(PlacedZone(z, sorted(doms, key=lambda x: int(x[1:])), owned, problems))
        placed[-1].segment_sources = segment_sources
        placed[-1].tunnels = tunnels
        warnings.extend(Text("warn.zone_problem", zone=z.name, problem=p) for p in problems)
    _attach_external(placed, topo, warnings)
    # A zone without subnets of kind external owns every address no other zone owns.
    claimed = claimed_addresses(placed)
    for pz in placed:
        if pz.kind == "external" and not pz.zone.subnets:
            pz.owned = IPSet(["0.0.0.0/0"]) - claimed
    unzoned = unzoned_segments(placed, topo, claimed)
    if unzoned:
        warnings.append(Text("warn.unzoned_segments", count=len(unzoned), segments=", ".join(unzoned)))
    return placed, device_addrs, warnings


def _tunnel_attach(topo: Topology, dev: str, ifn: str, tunnels: list, problems: list[Text]) -> None:
    """A ``via: tunnel`` attachment: the interface goes to ``tunnels`` when it is up (a
    shut interface terminates nothing); one whose tunnels are not modelled (no static
    tunnel read whole: a crypto map with a dynamic entry, a vendor whose tunnels the
    parser does not give) stays, its cells unknown (the engine), and is said here."""
    itf = topo.devices[dev].interfaces.get(ifn) if dev in topo.devices else None
    if itf is None:
        problems.append(Text("problem.attach_missing", device=dev, interface=ifn))
        return
    if itf.shutdown:
        problems.append(Text("problem.tunnel_shutdown", device=dev, interface=ifn))
        return
    if (dev, ifn) not in tunnels:
        tunnels.append((dev, ifn))
    if not itf.ipsec_tunnels:
        problems.append(Text("problem.tunnel_unmodelled", gap=tunnel_gap(dev, itf)))


def tunnel_gap(dev: str, itf: Interface) -> Text:
    """Why no tunnel of ``itf`` on ``dev`` is modelled: its partial detail (a crypto map
    not read whole), or that the parser gives none (docs/semantics.md, "A zone behind a tunnel")."""
    if itf.partial:
        return Text("tunnel.partial", device=dev, interface=itf.name, detail=itf.partial)
    return Text("tunnel.none", device=dev, interface=itf.name)


def _segment_sources(topo: Topology, z, doms: list[str]) -> IPSet | None:
    """The host subnets (room for hosts: a transit link may lead to a network routed
    behind it) of the routed interfaces on a zone's segments, when the zone declares
    subnets and none of them meets these; else None.  External and wan zones are the
    outside, not hosts of a segment."""
    if not z.subnets or not doms or z.kind in ("external", "wan"):
        return None
    on_segment = IPSet(
        a.cidr
        for did in doms
        for dev, ifn in topo.domains[did].l3
        for a in topo.interface(dev, ifn).addresses
        if a.prefixlen <= 29
    )
    if not on_segment or on_segment & IPSet(z.subnets):
        return None
    return on_segment


# Interfaces no host sits behind: loopbacks, tunnels, the null interface (by kind, and by
# the names Linux and RouterOS give tunnels the parsers may leave of kind "other").
_NO_HOST_KINDS = frozenset({IfKind.LOOPBACK, IfKind.TUNNEL, IfKind.NULL})
_NO_HOST_NAMES = re.compile(r"^(?:lo|wg|tun|tap|gre|ipip|vti|l2tp|pptp|sstp|ovpn)", re.IGNORECASE)


def claimed_addresses(placed: list[PlacedZone]) -> IPSet:
    """The addresses the zones own, the Internet's catch-all excluded (an external zone
    without subnets owns what no other zone does)."""
    claimed = IPSet()
    for pz in placed:
        if pz.zone.subnets or pz.kind != "external":
            claimed |= pz.owned
    return claimed


def unzoned_segments(placed: list[PlacedZone], topo: Topology, claimed: IPSet) -> list[str]:
    """:func:`unzoned_host_segments` as "device:interface (subnets)"."""
    return [
        f"{dev}:{ifn} ({', '.join(str(n) for n in subnets)})"
        for dev, ifn, subnets in unzoned_host_segments(placed, topo, claimed)
    ]


def unzoned_host_segments(
    placed: list[PlacedZone], topo: Topology, claimed: IPSet | None = None
) -> list[tuple[str, str, list[IPNetwork]]]:
    """Host segments no zone covers, as (device, interface, subnets): a device's connected
    subnet with room for hosts (/29 or wider) that no zone's subnets reach, in an L2
    domain where no zone is placed and no other device of the snapshot routes (a transit
    link between routers is no host segment) unless its routers share an HSRP/VRRP
    gateway.  No matrix cell is about their hosts, so the report says so instead of
    leaving them out silently (and the ``unzoned-reach`` check says which untrusted zone
    sends there).  ``claimed``: the addresses the zones own (:func:`claimed_addresses`,
    the default)."""
    if claimed is None:
        claimed = claimed_addresses(placed)
    held = {did for pz in placed for did in pz.domains}
    out: list[tuple[str, str, list[IPNetwork]]] = []
    for did, dom in topo.domains.items():
        shared = topo.shared_gateway(did)  # an HSRP/VRRP pair's host segment: said once
        if did in held or (len({dev for dev, _ in dom.l3}) != 1 and not shared):
            continue
        for dev, ifn in dom.l3:
            itf = topo.interface(dev, ifn)
            if itf.shutdown or itf.kind in _NO_HOST_KINDS or _NO_HOST_NAMES.match(ifn):
                continue
            subnets = [a.cidr for a in itf.addresses if a.prefixlen <= 29]
            if subnets and not any(claimed & IPSet([net]) for net in subnets):
                out.append((dev, ifn, subnets))
                if shared:
                    break
    return out


def _overlapping(l3_spans: list[tuple[int, int, str, str]], subnets) -> list[tuple[str, str]]:
    """(device, interface) of the addresses in ``l3_spans`` (sorted by first address)
    that overlap one of ``subnets``."""
    found: list[tuple[str, str]] = []
    firsts = [s[0] for s in l3_spans]
    reach = list(accumulate((s[1] for s in l3_spans), max))  # the highest last address so far
    for net in subnets:
        lo, hi = net.first, net.last
        # Candidates start at or before hi; going back, stop once nothing before
        # reaches lo.
        i = bisect_right(firsts, hi) - 1
        while i >= 0 and reach[i] >= lo:
            _, last, dev, ifn = l3_spans[i]
            if last >= lo:
                found.append((dev, ifn))
            i -= 1
    return found


def _attach_external(placed: list[PlacedZone], topo: Topology, warnings: list[str]) -> None:
    """Attach ``external`` zones declared with no subnets, vlans or attach at the
    snapshot's exits (topology.exits), except segments another zone already holds."""
    auto = [pz for pz in placed if pz.kind == "external" and not (pz.zone.subnets or pz.zone.vlans or pz.zone.attach)]
    if not auto:
        return
    held = {did for pz in placed if pz not in auto for did in pz.domains}
    found = exits(topo)
    for pz in auto:
        for ex in found:
            did = topo.l3_domain(ex.device, ex.interface) or topo.port_domain(ex.device, ex.interface)
            if did is None or did in held:
                continue
            if did not in pz.domains:
                pz.domains.append(did)
            where = f"{ex.source.file}:{ex.source.line}" if ex.source else ""
            pz.attached.append(Text(f"attach.{ex.why}", device=ex.device, interface=ex.interface, where=where))
        pz.domains.sort(key=lambda x: int(x[1:]))
        if not pz.domains:
            pz.problems.append(Text("problem.no_exit"))
            warnings.append(Text("warn.zone_problem", zone=pz.name, problem=Text("problem.no_exit")))


def _canonical(ifn: str, d: Device) -> str:
    try:
        from netutils.interface import canonical_interface_name

        name = canonical_interface_name(ifn)
    except Exception:  # netutils raises on names it does not know; keep the user's text
        name = ifn
    if name in d.interfaces:
        return name
    low = {k.lower(): k for k in d.interfaces}
    return low.get(ifn.lower(), name)


def svi_vid(itf: Interface) -> int | None:
    """The VLAN an SVI routes (its encapsulation, else the digits of ``VlanNN``)."""
    digits = "".join(c for c in itf.name if c.isdecimal())
    if itf.encapsulation_vlan:
        return itf.encapsulation_vlan
    return int(digits) if digits and itf.name.lower().startswith("vlan") else None
