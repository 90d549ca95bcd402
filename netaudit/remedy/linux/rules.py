"""The rules netaudit adds to a Linux host, before any syntax: blocks, restrictions of the
host's own services, the forward chain's end (docs/remedy.md, Linux)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaddr import IPNetwork, IPSet

from ...headerspace import service_match
from ...model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Device
from ..addresses import behind, is_outside, outward_interfaces, planned_inside
from ..plan import Block, DevicePlan

TAG = "netaudit"  # every chain, set and comment netaudit adds starts with it
PROTO_WORD = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}
IPT_NAME_MAX = 28  # iptables chain names: at most 28 characters
DELAY = 300  # seconds before the automatic rollback restores the saved ruleset

# Logical chains (nftables names); iptables spells them ``IPT_CHAIN``.
FWD = f"{TAG}_forward"
FWD_END = f"{TAG}_forward_end"
INP = f"{TAG}_input"
MGMT_ONLY = f"{TAG}_mgmt_only"
IPT_CHAIN = {FWD: f"{TAG}-fwd", FWD_END: f"{TAG}-fwd-end", INP: f"{TAG}-in", MGMT_ONLY: f"{TAG}-mgmt-only"}
INSIDE = f"{TAG}_inside"
MGMT_SET = f"{TAG}_mgmt"
SYSCTL_FILE = "/etc/sysctl.d/90-netaudit.conf"
SYSCTL_SAVED = "/root/netaudit-before.sysctl"
MAIN_TABLES = {None, "main", "254", "local", "255", "default", "253"}


@dataclass(frozen=True)
class Addr:
    """Addresses a rule matches: a zone's (``name`` = its nftables set), or every address
    outside them (``negate``)."""

    nets: tuple[IPNetwork, ...]
    name: str = ""
    negate: bool = False


@dataclass
class Rule:
    """One rule netaudit adds, in neither syntax yet."""

    chain: str  # logical chain name (nftables spelling)
    verdict: str  # drop | accept | return | jump
    target: str = ""  # logical chain of a jump
    iif: str = ""
    oif: str = ""
    src: Addr | None = None
    dst: Addr | None = None
    proto: int | None = None
    ports: tuple[tuple[int, int], ...] = ()
    icmp_type: int | None = None
    ct: str = ""  # "est" (established,related) | "dnat" (a DNAT'ed connection)
    ipv6: bool = False  # IPv6 packets only (nftables inet tables)
    comment: str = ""


@dataclass
class Change:
    """Everything one device's change set adds, before it is spelled."""

    sets: dict[str, tuple[IPNetwork, ...]] = field(default_factory=dict)  # nftables named sets
    chains: dict[str, list[Rule]] = field(default_factory=dict)  # logical chain -> its rules, in order
    turned_off: list[str] = field(default_factory=list)  # services dropped for everyone
    limited: list[str] = field(default_factory=list)  # services left to the management network
    stopped: list[str] = field(default_factory=list)  # services kept from the zones that reached them
    mgmt_ifaces: list[str] = field(default_factory=list)
    # (service, its drop): gateway services dropped where the Internet enters
    closed: list[tuple[str, Rule]] = field(default_factory=list)
    # (table, chain, line of its ``type … hook input`` line) of the dump's ip6 input chains:
    # the closes go at their top too (IPv6 is not audited: docs/remedy.md)
    ip6_inputs: list[tuple[str, str, int]] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        """Append ``rule`` to its chain (the chain is created on its first rule)."""
        self.chains.setdefault(rule.chain, []).append(rule)


def _safe(zone: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", zone).strip("_") or "zone"


def _comment(text: str) -> str:
    """A comment both syntaxes carry inside double quotes, in a shell command too."""
    return re.sub(r"[^A-Za-z0-9 _.,:/>()+-]", "_", f"{TAG}: {text}")[:120]


def _set_addr(ch: Change, base: str, nets: list[IPNetwork] | tuple[IPNetwork, ...], negate: bool = False) -> Addr:
    """The Addr of a named set (created on first use; a name already holding other
    addresses gets a suffix)."""
    value = tuple(IPSet(nets).iter_cidrs())
    name, k = base, 2
    while name in ch.sets and ch.sets[name] != value:
        name, k = f"{base}_{k}", k + 1
    ch.sets[name] = value
    return Addr(value, name, negate)


def _inside_set(plan: DevicePlan, dev: Device) -> IPSet:
    """Every address an inside zone owns: exact when a block goes to the external zone (its
    destination is the complement); otherwise the plan's zones, the management subnets
    and the subnets behind the interfaces that do not face the outside."""
    inside, exact = planned_inside(plan)
    if exact:
        return inside
    inside |= IPSet(plan.mgmt)
    outward = set(outward_interfaces(dev))
    for name in dev.interfaces:
        if name not in outward and name != "lo":
            inside |= behind(dev, name)
    return inside


def _service(service: str) -> tuple[int | None, tuple[tuple[int, int], ...], int | None]:
    """(protocol, destination port ranges, ICMP type) of a policy service (``tcp/443``)."""
    m = service_match(service)
    if m.protocols is None:
        return None, (), None
    ports = tuple((r.lo, r.hi) for r in m.dst_ports) if m.dst_ports else ()
    return m.protocols[0], ports, m.icmp_type


def _block_rules(plan: DevicePlan, dev: Device, ch: Change, nft: bool) -> None:
    """The zone blocks in ``netaudit_forward``: plain drops first (a packet of a denied cell
    is never let go by another block's allowance), then the blocks with allowances."""
    inside_set: IPSet | None = None

    def inside() -> Addr:
        nonlocal inside_set
        if inside_set is None:
            inside_set = _inside_set(plan, dev)
        return _set_addr(ch, INSIDE, list(inside_set.iter_cidrs()), negate=True)

    outward = outward_interfaces(dev)
    subs: set[str] = set()
    for b in sorted(plan.blocks, key=lambda b: bool(b.allow)):
        what = f"{b.src_zone} -> {b.dst_zone}"
        iif, oif = (b.interface, "") if b.direction == "in" else ("", b.interface)
        src: Addr | None
        if b.src and b.direction == "in" and behind(dev, b.interface) <= IPSet(b.src):
            src = None  # only the source zone lives behind the interface: forged sources are stopped too
        elif b.src:
            src = _set_addr(ch, f"{TAG}_{_safe(b.src_zone)}", b.src)
        else:
            src = inside()
        dst: Addr | None = None
        if b.dst and is_outside(b.dst):
            dst = inside()
        elif b.dst:
            dst = _set_addr(ch, f"{TAG}_{_safe(b.dst_zone)}", b.dst)
        # from the outside: also whatever arrives on an interface facing it, forged inside
        # sources included
        also = [w for w in outward if w != b.interface] if not b.src else []
        negated = (src is not None and src.negate) or (dst is not None and dst.negate)
        if nft:
            matches = [Rule(FWD, "drop", iif=iif, oif=oif, src=src, dst=dst, comment=what)]
            matches += [Rule(FWD, "drop", iif=w, oif=oif, dst=dst, comment=what) for w in also]
            if not b.allow:
                for m in matches:
                    ch.add(m)
                continue
            sub = _sub_name(subs, b)
            for m in matches:
                m.verdict, m.target = "jump", sub
                ch.add(m)
            _allowances(ch, sub, b, what)
            ch.add(Rule(sub, "drop", comment=f"{what}: everything else"))
            continue
        # iptables: no negation of an address list — a chain of its own
        if not negated and not b.allow:
            ch.add(Rule(FWD, "drop", iif=iif, oif=oif, src=src, dst=dst, comment=what))
            continue
        sub = _sub_name(subs, b)
        ch.add(
            Rule(
                FWD,
                "jump",
                sub,
                iif=iif,
                oif=oif,
                src=src if src is not None and not src.negate else None,
                dst=dst if dst is not None and not dst.negate else None,
                comment=what,
            )
        )
        _allowances(ch, sub, b, what)
        for w in also:
            ch.add(Rule(sub, "drop", iif=w, comment=f"{what}: from {w}, any source"))
        if src is not None and src.negate:
            ch.add(Rule(sub, "return", src=Addr(src.nets), comment=f"{what}: an inside source"))
        if dst is not None and dst.negate:
            ch.add(Rule(sub, "return", dst=Addr(dst.nets), comment=f"{what}: an inside destination"))
        ch.add(Rule(sub, "drop", comment=f"{what}: everything else"))


def _sub_name(used: set[str], b: Block) -> str:
    name = f"{TAG}_{_safe(b.src_zone)}_{_safe(b.dst_zone)}"
    if name in used:
        name = f"{name}_{_safe(b.interface)}"
    used.add(name)
    return name


def _allowances(ch: Change, sub: str, b: Block, what: str) -> None:
    for svc in b.allow:
        proto, ports, icmp = _service(svc)
        ch.add(Rule(sub, "return", proto=proto, ports=ports, icmp_type=icmp, comment=f"{what}: {svc} allowed"))


def _mgmt_interfaces(dev: Device, mgmt: list[IPNetwork]) -> list[str]:
    """Interfaces the management subnets reach the host by (connected, or routed there by
    a route more specific than a default route)."""
    want = IPSet(mgmt)
    out = []
    for name, itf in dev.interfaces.items():
        b = behind(dev, name)
        if IPNetwork("0.0.0.0/0") in list(b.iter_cidrs()):
            b = IPSet(a.cidr for a in itf.addresses)
        if b & want:
            out.append(name)
    return out


def _restrict_rules(plan: DevicePlan, dev: Device, ch: Change) -> None:
    """The host's own services in ``netaudit_input``: to ``netaudit_mgmt_only`` (from a
    management interface and address, else dropped) or dropped outright."""
    mgmt_addr: Addr | None = None
    zone_nets: dict[str, list[IPNetwork]] = {}  # the zones the plan's blocks name, inside ones
    for b in plan.blocks:
        for zone, nets in ((b.src_zone, b.src), (b.dst_zone, b.dst)):
            if nets and not is_outside(nets):
                zone_nets.setdefault(zone, list(nets))
    for r in plan.restricts:
        ports: tuple[tuple[int, int], ...] = ()
        icmp: int | None = None
        if r.protocol == PROTO_ICMP:
            icmp, label = 8, "icmp echo"
        else:
            ports, label = tuple(r.ports), r.service
        proto = r.protocol
        if r.allow_from:
            if mgmt_addr is None:
                mgmt_addr = _set_addr(ch, MGMT_SET, r.allow_from)
                ch.mgmt_ifaces = _mgmt_interfaces(dev, list(r.allow_from))
                for itf in ch.mgmt_ifaces or [""]:
                    ch.add(Rule(MGMT_ONLY, "return", iif=itf, src=mgmt_addr, comment="from the management network"))
                ch.add(Rule(MGMT_ONLY, "drop", comment="management service from elsewhere"))
            ch.add(
                Rule(INP, "jump", MGMT_ONLY, proto=proto, ports=ports, icmp_type=icmp, comment=f"{label}: mgmt only")
            )
            ch.limited.append(label)
        elif not r.insecure and r.zones and all(z in zone_nets for z in r.zones):
            # no management zone to limit it to: the zones that reached it are stopped (the
            # plan's word), the host stays reachable from elsewhere (an unzoned admin PC)
            for z in r.zones:
                src = _set_addr(ch, f"{TAG}_{_safe(z)}", zone_nets[z])
                what = f"{label}: not from {z}"
                ch.add(Rule(INP, "drop", src=src, proto=proto, ports=ports, icmp_type=icmp, comment=what))
            ch.stopped.append(label)
        else:
            why = "off (cleartext)" if r.insecure else "off (no management zone)"
            ch.add(Rule(INP, "drop", proto=proto, ports=ports, icmp_type=icmp, comment=f"{label}: {why}"))
            ch.turned_off.append(label)


def _close_rules(plan: DevicePlan, ch: Change) -> None:
    """Gateway services that answered the Internet (plan.EdgeClose, an open resolver):
    dropped first in ``netaudit_input`` for packets arriving on the Internet-facing
    interfaces; the resolver keeps answering the inside interfaces.  No address match:
    in an ``inet`` table the drop holds for IPv6 too."""
    for c in plan.closes:
        proto, ports, icmp = _service(c.service)
        for ifn in c.interfaces:
            rule = Rule(
                INP, "drop", iif=ifn, proto=proto, ports=ports, icmp_type=icmp, comment=f"{c.service} from {ifn}: off"
            )
            ch.add(rule)
            ch.closed.append((c.service, rule))


def _tail_rules(dev: Device, ch: Change, established_first: bool, family: str) -> None:
    """``netaudit_forward_end``: what the forward policy accepted before and still may —
    from each inside interface with its own addresses; to a published (DNAT) service from
    an interface facing the outside.  In an inet table IPv6 goes on as before: the audit
    models IPv4 only, so nothing here may decide IPv6."""
    if not established_first:
        ch.add(Rule(FWD_END, "accept", ct="est", comment="replies"))
    if family == "inet":
        ch.add(Rule(FWD_END, "accept", ipv6=True, comment="IPv6 as before (not audited)"))
    outward = outward_interfaces(dev)
    for name in dev.interfaces:
        if name == "lo" or name in outward:
            continue
        nets = tuple(behind(dev, name).iter_cidrs())
        if nets:
            ch.add(Rule(FWD_END, "accept", iif=name, src=Addr(nets), comment=f"from {name}, its own addresses"))
    for name in outward:
        ch.add(Rule(FWD_END, "accept", iif=name, ct="dnat", comment=f"published services (DNAT) from {name}"))
