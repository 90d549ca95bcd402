"""Address facts the change-set generators share: what may arrive on an interface, which
interfaces face the outside, whether a destination set stands for "the Internet", and by
which interfaces packets to some prefixes leave (:func:`egress`; FortiOS and Junos name the
egress side of a policy by it — moved here from ``fortinet_fortios.py``)."""

from __future__ import annotations

from netaddr import IPAddress, IPNetwork, IPSet

from ..model import Device
from .plan import DevicePlan

HALF_SPACE = 2**31  # a destination set larger than this is "every address no inside zone owns"


def is_outside(nets: list[IPNetwork]) -> bool:
    """Whether ``nets`` is an external zone's set (the complement of the inside zones)."""
    return IPSet(nets).size > HALF_SPACE


def behind(dev: Device, name: str) -> IPSet:
    """Every source address a packet arriving on interface ``name`` can legitimately carry:
    its connected subnets and the prefixes routed out of it (a run-time address or a
    default route: everything)."""
    itf = dev.interfaces.get(name)
    if itf is None or itf.dynamic_address:
        return IPSet(["0.0.0.0/0"])
    out = IPSet(a.cidr for a in itf.addresses)
    for r in dev.routes:
        if r.drop:
            continue
        via = r.interface == name or (
            r.next_hop is not None and any(IPAddress(r.next_hop) in a.cidr for a in itf.addresses)
        )
        if via:
            out.add(r.prefix.cidr)
    return out


def outward_interfaces(dev: Device) -> list[str]:
    """Interfaces a default route leaves by (or with a run-time address): the outside."""
    return [n for n in dev.interfaces if IPNetwork("0.0.0.0/0") in list(behind(dev, n).iter_cidrs())]


def planned_inside(plan: DevicePlan) -> tuple[IPSet, bool]:
    """Every address an inside zone owns, as the device's plan shows it, and whether that
    is exact: it is when a block goes to the external zone (whose set is the complement);
    otherwise it is the plan's own zones and the management subnets, which the vendor
    completes from the device (a block from the external zone carries no source set)."""
    for b in plan.blocks:
        if b.dst and is_outside(b.dst):
            return IPSet(["0.0.0.0/0"]) - IPSet(b.dst), True
    inside = IPSet()
    for b in plan.blocks:
        for nets in (b.src, b.dst):
            if nets and not is_outside(nets):
                inside |= IPSet(nets)
    for r in plan.restricts:
        inside |= IPSet(r.allow_from)
    return inside, False


def connected(device: Device) -> list[tuple[IPNetwork, str]]:
    """(subnet, interface) of every connected subnet of the interfaces not shut down."""
    out: list[tuple[IPNetwork, str]] = []
    for itf in device.interfaces.values():
        if itf.shutdown:
            continue
        for a in itf.addresses:
            out.append((IPNetwork(f"{a.network}/{a.prefixlen}"), itf.name))
    return out


def routes(device: Device) -> list[tuple[IPNetwork, str | None, int]]:
    """(prefix, egress interface or None = drop/unknown, distance) of connected and static routes."""
    conn = connected(device)
    out: list[tuple[IPNetwork, str | None, int]] = [(n, i, 0) for n, i in conn]
    for r in device.routes:
        ifn = r.interface
        if r.drop:
            ifn = None
        elif ifn is None and r.next_hop is not None:
            ifn = next((i for n, i in conn if n.first <= r.next_hop <= n.last), None)
        out.append((IPNetwork(str(r.prefix)), ifn, r.distance))
    return out


def egress(device: Device, nets: list[IPNetwork]) -> set[str] | None:
    """The interfaces packets to ``nets`` leave by; None when some part is not known."""
    table = routes(device)
    found: set[str] = set()
    for net in nets:
        cover = [(r, i, d) for r, i, d in table if r.first <= net.first and net.last <= r.last]
        inner = [(r, i) for r, i, _ in table if net.first <= r.first and r.last <= net.last and r != net]
        if cover:
            best = max(r.prefixlen for r, _, _ in cover)
            tops = [(d, i) for r, i, d in cover if r.prefixlen == best]
            dmin = min(d for d, _ in tops)
            for d, i in tops:
                if d == dmin and i is not None:
                    found.add(i)
            if all(i is None for d, i in tops if d == dmin) and not inner:
                continue  # dropped: nothing leaves
        elif not inner:
            return None
        for _, i in inner:
            if i is not None:
                found.add(i)
    return found
