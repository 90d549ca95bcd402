"""Address facts the change-set generators share: what may arrive on an interface, which
interfaces face the outside, and whether a destination set stands for "the Internet"."""

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
