"""Topology: L2 broadcast domains and the L3 interfaces attached to them.

An undirected graph (:class:`Graph`) whose nodes are

* ``("seg", dev, vlan)``      – a VLAN's segment inside one device,
* ``("port", dev, if, tag)``  – a physical port carrying VLAN ``tag`` (``None`` = untagged),
* ``("l3", dev, if)``         – an L3 interface (SVI, routed port, subinterface),
* ``("dev", dev)``            – the device itself (edges to its L3 interfaces, for display).

Connected components of the graph without ``dev`` nodes are **L2 domains**: every
L3 interface and every host in one domain can reach each other without a router.
Links between devices come from the site file's ``links:`` (cabling configs cannot
show) and are inferred between L3 interfaces whose connected subnets overlap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, KeysView, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from netaddr import IPNetwork

from .model import Device, IfKind, Interface, L2Mode, NatRule, Src

Node = tuple


class Graph:
    """An undirected graph: all the topology needs of one (nodes, edges, connected
    components).  networkx did this before; importing it cost ≈ 0.1 s of every run."""

    def __init__(self) -> None:
        self.adj: dict[Node, dict[Node, None]] = {}  # node -> neighbours, in insertion order

    def add_node(self, n: Node) -> None:
        self.adj.setdefault(n, {})

    def add_edge(self, a: Node, b: Node) -> None:
        self.adj.setdefault(a, {})[b] = None
        self.adj.setdefault(b, {})[a] = None

    @property
    def nodes(self) -> KeysView[Node]:
        return self.adj.keys()

    def edges(self) -> Iterator[tuple[Node, Node]]:
        """Every edge once (a self-loop too), as ``(a, b)``."""
        done: set[Node] = set()
        for a, nbrs in self.adj.items():
            for b in nbrs:
                if b not in done:
                    yield a, b
            done.add(a)

    def components(self, keep: Callable[[Node], bool]) -> list[set[Node]]:
        """Connected components of the subgraph of the nodes ``keep`` accepts."""
        seen: set[Node] = set()
        out: list[set[Node]] = []
        for start in self.adj:
            if start in seen or not keep(start):
                continue
            comp = {start}
            todo = [start]
            while todo:
                for m in self.adj[todo.pop()]:
                    if m not in comp and keep(m):
                        comp.add(m)
                        todo.append(m)
            seen |= comp
            out.append(comp)
        return out


@dataclass
class Domain:
    """One L2 broadcast domain."""

    id: str
    nodes: set[Node]
    l3: list[tuple[str, str]] = field(default_factory=list)  # (device, interface)
    label: str = ""


@dataclass
class Topology:
    graph: Graph
    devices: dict[str, Device]
    domains: dict[str, Domain]
    domain_of: dict[Node, str]
    warnings: list[str] = field(default_factory=list)
    cabled: set[tuple[str, str]] = field(default_factory=set)  # ports in the site's links: (device, port)

    def interface(self, dev: str, ifname: str) -> Interface:
        return self.devices[dev].interfaces[ifname]

    def networkx(self):
        """The topology as a ``networkx.Graph`` (imported here, on demand: the audit itself
        does not need it), each node carrying its L2 domain id as ``domain``."""
        import networkx as nx

        g: nx.Graph = nx.Graph()
        for n in self.graph.nodes:
            g.add_node(n, domain=self.domain_of.get(n))
        g.add_edges_from(self.graph.edges())
        return g

    def l3_domain(self, dev: str, ifname: str) -> str | None:
        return self.domain_of.get(("l3", dev, ifname))

    def vlan_domain(self, dev: str, vlan: int) -> str | None:
        return self.domain_of.get(("seg", dev, vlan))

    def open_segment(self, did: str) -> list[tuple[str, str]]:
        """The trunk ports by which domain ``did`` leaves its devices toward a far end the
        snapshot does not know (no ``links:`` entry), when the domain has no routed
        interface with a configured address: its hosts' gateway is then beyond one of
        them, or nowhere (empty list otherwise).  docs/semantics.md, "A segment without a gateway"."""
        dom = self.domains[did]
        # A gateway has a configured address: a switch or access point taking its own
        # management address by DHCP there is a host of the segment, not its router.
        if any(self.devices[dev].interfaces[ifn].addresses for dev, ifn in dom.l3):
            return []
        found: set[tuple[str, str]] = set()
        for n in dom.nodes:
            if n[0] != "port":
                continue
            itf = self.devices[n[1]].interfaces.get(n[2])
            if itf is None or (n[3] is None and itf.mode != L2Mode.TRUNK):
                continue  # an access port: the segment's own hosts
            if (n[1], n[2]) not in self.cabled:
                found.add((n[1], n[2]))
        return sorted(found)

    def shared_gateway(self, did: str) -> bool:
        """The routers of domain ``did`` share a virtual gateway address (HSRP, VRRP): a
        host segment with a redundant gateway, not a transit link between routers."""
        return any(self.devices[dev].interfaces[ifn].virtual_addresses for dev, ifn in self.domains[did].l3)

    def gateway_domain(self, dev: str, ifname: str) -> str | None:
        """Domain whose hosts routed interface ``dev:ifname`` serves when its address is
        not known (no L3 node of its own): an SVI's VLAN, a subinterface's tagged frames on
        its port, a routed port's untagged frames (:meth:`port_domain`)."""
        ifs = self.devices[dev].interfaces
        itf = ifs.get(ifname)
        if itf is None:
            return None
        if itf.kind == IfKind.SVI:
            return None if itf.svi_vlan is None else self.vlan_domain(dev, itf.svi_vlan)
        if itf.kind in (IfKind.SUBINTERFACE, IfKind.VLAN) and itf.parent and itf.encapsulation_vlan:
            port = itf.parent
            parent = ifs.get(port)
            if parent is not None and parent.parent in ifs and ifs[parent.parent].kind == IfKind.PORT_CHANNEL:
                port = parent.parent  # a channel member's frames are the channel's
            tag = None if itf.encapsulation_native else itf.encapsulation_vlan
            return self.domain_of.get(("port", dev, port, tag))
        return self.port_domain(dev, ifname)

    def port_domain(self, dev: str, ifname: str) -> str | None:
        """Domain a host plugged into ``dev:ifname`` sits in (untagged frames)."""
        itf = self.devices[dev].interfaces.get(ifname)
        if itf is not None and (itf.is_l3 or itf.dynamic_address) and ("l3", dev, ifname) in self.domain_of:
            return self.domain_of[("l3", dev, ifname)]
        return self.domain_of.get(("port", dev, ifname, None))


# A trunk's allowed list up to this size names VLANs in use (`allowed vlan 10,20,99`, a
# voice port's two); a longer one is a bound (`allowed vlan 64-1000`), not a use.
_NAMED_ALLOWED = 64


def _vlans_in_use(dev: Device) -> set[int]:
    """VLANs a device has frames of: defined, VLAN 1, and those its SVIs, ports (voice
    VLANs and short trunk lists too) and subinterfaces (``encapsulation dot1Q N``) name
    (counted even where the VLAN database lacks them, so nothing is cut that might pass)."""
    used = set(dev.vlans) | {1}
    for itf in dev.interfaces.values():
        if itf.kind == IfKind.SVI:
            vid = itf.svi_vlan
            if vid is not None:
                used.add(vid)
        if itf.access_vlan is not None:
            used.add(itf.access_vlan)
        if itf.native_vlan is not None:
            used.add(itf.native_vlan)
        if itf.encapsulation_vlan is not None:
            used.add(itf.encapsulation_vlan)
        if itf.allowed_vlans is not None and len(itf.allowed_vlans) <= _NAMED_ALLOWED:
            used.update(itf.allowed_vlans)
    return used


def _vlans_carried(
    dev: Device, itf: Interface, in_use: set[int] | None = None, anywhere: AbstractSet[int] = frozenset()
) -> list[int | None]:
    """Tags a switch port carries: None for untagged frames, ints for tagged VLANs.
    ``in_use`` (:func:`_vlans_in_use`) bounds a trunk's allowed list on a device whose
    config is its whole VLAN database: ``allowed vlan 64-1000`` carries only the VLANs
    that exist there.  A trunk allowing every VLAN (no allowed list) on a device whose
    database is elsewhere (vlan.dat: VTP server or client, no ``vlan`` blocks) carries
    every VLAN any device of the snapshot uses (``anywhere``): one no device uses holds
    no zone's host, and listing all 4,094 would multiply the graph."""
    if itf.mode == L2Mode.ACCESS:
        return [None]
    if itf.mode == L2Mode.TRUNK:
        known = set(dev.vlans) | {itf.native_vlan or 1}
        if itf.allowed_vlans is None:
            allowed = known if in_use is not None else known | set(anywhere)
        else:
            allowed = set(itf.allowed_vlans)
        if in_use is not None:
            allowed &= in_use
        native = itf.native_vlan or 1
        tags: list[int | None] = [v for v in sorted(allowed) if v != native]
        if native in allowed:
            tags.append(None)
        return tags
    return []


def build(devices: list[Device], links: Sequence[tuple[tuple[str, str], tuple[str, str]]] = ()) -> Topology:
    """Build the graph and its L2 domains from parsed devices and site links."""
    g = Graph()
    devmap = {d.hostname: d for d in devices}
    warnings: list[str] = []
    cabled: set[tuple[str, str]] = set()

    def port_node(dev: str, ifname: str, tag):
        # A port-channel member is cabled as part of its channel.
        ifs = devmap[dev].interfaces
        itf = ifs.get(ifname)
        if itf is not None and itf.parent and itf.parent in ifs and ifs[itf.parent].kind == IfKind.PORT_CHANNEL:
            ifname = itf.parent
        return ("port", dev, ifname, tag)

    def bridge_seg(dev: str, bridge: str, tag):
        # A bridge without VLAN filtering: one untagged domain, tagged frames pass through.
        return ("seg", dev, f"bridge:{bridge}" if tag is None else f"bridge:{bridge}:{tag}")

    anywhere = set().union(*(_vlans_in_use(d) for d in devices)) if devices else set()
    for d in devices:
        g.add_node(("dev", d.hostname))
        in_use = _vlans_in_use(d) if d.vlan_database else None
        for itf in d.interfaces.values():
            if itf.shutdown:
                continue
            if itf.kind == IfKind.SVI:
                vid = itf.svi_vlan
                if vid is not None and (itf.addresses or itf.dynamic_address):
                    g.add_edge(("l3", d.hostname, itf.name), ("seg", d.hostname, vid))
            elif itf.kind in (IfKind.SUBINTERFACE, IfKind.VLAN) and itf.parent and itf.encapsulation_vlan:
                tag = None if itf.encapsulation_native else itf.encapsulation_vlan
                if itf.addresses or itf.dynamic_address:
                    g.add_edge(("l3", d.hostname, itf.name), port_node(d.hostname, itf.parent, tag))
                else:
                    g.add_node(port_node(d.hostname, itf.parent, tag))
            elif itf.mode == L2Mode.ROUTED and itf.kind in (
                IfKind.PHYSICAL,
                IfKind.PORT_CHANNEL,
                IfKind.VLAN,
                IfKind.BRIDGE,
                IfKind.OTHER,
            ):
                if itf.addresses or itf.dynamic_address:
                    g.add_edge(("l3", d.hostname, itf.name), port_node(d.hostname, itf.name, None))
                else:  # parent of subinterfaces: the port exists, no IP endpoint
                    g.add_node(port_node(d.hostname, itf.name, None))
            elif itf.mode == L2Mode.ROUTED and (itf.addresses or itf.dynamic_address):
                g.add_node(("l3", d.hostname, itf.name))  # loopback, tunnel, PPPoE: a domain of its own
            elif itf.mode == L2Mode.ACCESS:
                g.add_edge(port_node(d.hostname, itf.name, None), ("seg", d.hostname, itf.access_vlan or 1))
            elif itf.mode == L2Mode.TRUNK:
                native = itf.native_vlan or 1
                for tag in _vlans_carried(d, itf, in_use, anywhere):
                    g.add_edge(
                        port_node(d.hostname, itf.name, tag), ("seg", d.hostname, native if tag is None else tag)
                    )
            elif itf.mode == L2Mode.BRIDGE_PORT and itf.parent:
                g.add_edge(port_node(d.hostname, itf.name, None), bridge_seg(d.hostname, itf.parent, None))
            if itf.is_l3:
                g.add_edge(("dev", d.hostname), ("l3", d.hostname, itf.name))
        # Bridges without VLAN filtering: the bridge port itself, and every VLAN tag used
        # on the bridge carried transparently by every member port.
        members: dict[str, list[str]] = defaultdict(list)
        for itf in d.interfaces.values():
            if itf.mode == L2Mode.BRIDGE_PORT and itf.parent and not itf.shutdown:
                members[itf.parent].append(itf.name)
        for bridge, ports in members.items():
            g.add_edge(port_node(d.hostname, bridge, None), bridge_seg(d.hostname, bridge, None))
            tags = {
                i.encapsulation_vlan
                for i in d.interfaces.values()
                if i.kind in (IfKind.VLAN, IfKind.SUBINTERFACE)
                and i.parent == bridge
                and i.encapsulation_vlan
                and not i.shutdown
            }
            for tag in tags:
                g.add_edge(port_node(d.hostname, bridge, tag), bridge_seg(d.hostname, bridge, tag))
                for port in ports:
                    g.add_edge(port_node(d.hostname, port, tag), bridge_seg(d.hostname, bridge, tag))

    for (a_dev, a_if), (b_dev, b_if) in links:
        for dev, ifn in ((a_dev, a_if), (b_dev, b_if)):
            if dev not in devmap or ifn not in devmap[dev].interfaces:
                warnings.append(f"site link {a_dev}:{a_if} - {b_dev}:{b_if}: no interface {dev}:{ifn} in the snapshot")
                break
        else:
            cabled.update((port_node(a_dev, a_if, None)[1:3], port_node(b_dev, b_if, None)[1:3]))
            tags_a = {n[3] for n in g.nodes if n[0] == "port" and n[1:3] == port_node(a_dev, a_if, None)[1:3]}
            tags_b = {n[3] for n in g.nodes if n[0] == "port" and n[1:3] == port_node(b_dev, b_if, None)[1:3]}
            if not tags_a & tags_b:
                warnings.append(f"site link {a_dev}:{a_if} - {b_dev}:{b_if}: the two ports share no VLAN")
            for tag in tags_a & tags_b:
                g.add_edge(port_node(a_dev, a_if, tag), port_node(b_dev, b_if, tag))

    # Inferred links: L3 interfaces of different devices whose subnets overlap.
    by_net: dict[IPNetwork, list[tuple[str, str]]] = defaultdict(list)
    for d in devices:
        for itf in d.l3_interfaces():
            for a in itf.addresses:
                if a.prefixlen < 32:
                    by_net[a.cidr].append((d.hostname, itf.name))
    nets = sorted(by_net, key=lambda n: (n.first, n.prefixlen))
    for i, n in enumerate(nets):
        owners = by_net[n]
        for j in range(i + 1, len(nets)):
            m = nets[j]
            if m.first > n.last:
                break
            owners = owners + by_net[m]
        devs_seen = {o[0] for o in owners}
        if len(devs_seen) > 1:
            first = owners[0]
            for other in owners[1:]:
                if other[0] != first[0] or other != first:
                    g.add_edge(("l3", *first), ("l3", *other))

    domains: dict[str, Domain] = {}
    domain_of: dict[Node, str] = {}
    l2 = g.components(lambda n: n[0] != "dev")  # device nodes join no L2 domain
    for comp in sorted((sorted(c, key=repr) for c in l2), key=lambda c: repr(c[0])):
        did = f"d{len(domains)}"
        dom = Domain(did, set(comp))
        dom.l3 = sorted((n[1], n[2]) for n in comp if n[0] == "l3")
        dom.label = _label(comp)
        domains[did] = dom
        for n in comp:
            domain_of[n] = did
    return Topology(g, devmap, domains, domain_of, warnings, cabled)


def _label(comp: list[Node]) -> str:
    segs = sorted(f"{n[1]} vlan {n[2]}" for n in comp if n[0] == "seg")
    if segs:
        return ", ".join(segs[:3]) + (" …" if len(segs) > 3 else "")
    l3 = sorted(f"{n[1]}:{n[2]}" for n in comp if n[0] == "l3")
    return ", ".join(l3[:3]) + (" …" if len(l3) > 3 else "")


@dataclass(frozen=True)
class Exit:
    """An interface where traffic leaves the snapshot toward addresses no device of it
    owns: where an ``external`` zone without ``attach`` is attached (docs/semantics.md)."""

    device: str
    interface: str
    why: str  # default-route | runtime-default-route | nat-outside | wan-role | wan-list | interface-nat
    source: Src | None = None


def exits(topo: Topology) -> list[Exit]:
    """Exits of the snapshot, in a stable order, one per (device, interface).

    Evidence, strongest first: a default route whose next hop no device of the
    snapshot owns (or a DHCP/PPPoE client default route), a NAT-outside interface,
    a FortiGate ``role wan`` interface, a RouterOS interface list named WAN.  An
    interface whose segment holds another device of the snapshot is a transit link,
    unless the default route's next hop is outside the snapshot.
    """
    owned: set[int] = set()
    for d in topo.devices.values():
        for itf in d.interfaces.values():
            if not itf.shutdown:
                owned.update(int(a.ip) for a in itf.owns())
    found: dict[tuple[str, str], Exit] = {}

    def shared(dev: str, ifn: str) -> bool:
        did = topo.l3_domain(dev, ifn) or topo.port_domain(dev, ifn)
        return did is not None and any(o != dev for o, _ in topo.domains[did].l3)

    def add(dev: Device, ifn: str | None, why: str, src: Src | None) -> None:
        itf = dev.interfaces.get(ifn or "")
        if itf is None or itf.shutdown or itf.out_of_band or (dev.hostname, ifn) in found:
            return  # a management port's default route leads to the management network
        if topo.l3_domain(dev.hostname, itf.name) is None and topo.port_domain(dev.hostname, itf.name) is None:
            return
        found[(dev.hostname, itf.name)] = Exit(dev.hostname, itf.name, why, src)

    for d in sorted(topo.devices.values(), key=lambda d: d.hostname):
        for r in d.routes:
            if r.prefix.prefixlen or r.drop or r.table is not None or r.partial:
                continue
            if r.runtime_gateway:
                if not shared(d.hostname, r.interface or ""):
                    add(d, r.interface, "runtime-default-route", r.source)
                continue
            out = r.interface or _connected_interface(d, r.next_hop)
            if out is None:
                continue
            if r.next_hop is not None:
                if r.next_hop not in owned:
                    add(d, out, "default-route", r.source)
            elif not shared(d.hostname, out):
                add(d, out, "default-route", r.source)
        roles = d.interface_roles
        lists = d.interface_lists
        for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
            if shared(d.hostname, itf.name):
                continue
            if itf.nat_side == "outside":
                add(d, itf.name, "nat-outside", itf.source)
            elif isinstance(roles, dict) and roles.get(itf.name) == "wan":
                add(d, itf.name, "wan-role", itf.source)
            elif isinstance(lists, dict) and any(
                str(name).upper() == "WAN" and itf.name in members for name, members in lists.items()
            ):
                add(d, itf.name, "wan-list", itf.source)
        for ifn, src in nat_exits(d).items():
            if not shared(d.hostname, ifn):
                add(d, ifn, "interface-nat", src)
    return list(found.values())


def nat_exits(d: Device) -> dict[str, Src | None]:
    """Interfaces whose own address a source NAT gives the packets leaving them
    (masquerade, interface overload/PAT, a FortiGate policy's NAT, OpenWrt ``masq``) → the
    NAT's line.  They face the Internet, as NAT outside does; a tunnel does not, nor an
    interface whose NAT only serves hosts of its own subnets (hairpin NAT: the LAN
    reaching its server by the public address), nor the interfaces of a NAT line that
    names none (RouterOS ``action=masquerade`` or iptables ``-j MASQUERADE`` without an
    out-interface: one rule per interface of the device, the LAN's included)."""
    exits_of_line: dict[Src | None, set[str]] = {}
    for rule in d.nat_rules:
        if rule.kind == "source" and rule.to_interface:
            exits_of_line.setdefault(rule.source, set()).add(rule.to_interface)
    out: dict[str, Src | None] = {}
    for rule in d.nat_rules:
        itf = d.interfaces.get(rule.to_interface or "") if rule.kind == "source" else None
        if itf is None or itf.kind == IfKind.TUNNEL or itf.name in out or _hairpin(rule, itf):
            continue
        if rule.source is None or len(exits_of_line[rule.source]) > 1:
            continue  # the line does not name one exit
        out[itf.name] = rule.source
    return out


def _hairpin(rule: NatRule, itf: Interface) -> bool:
    """Whether source NAT ``rule`` translates only packets for hosts of ``itf``'s own subnets."""
    m = rule.match
    if m.dst is None or m.dst_negate or not itf.addresses:
        return False
    return all(any(net.first <= p.value and (p.value | p.wildcard) <= net.last for net in itf.addresses) for p in m.dst)


def _connected_interface(d: Device, nh: int | None) -> str | None:
    """The L3 interface whose connected subnet holds ``nh``."""
    if nh is None:
        return None
    for itf in d.l3_interfaces():
        if any(a.first <= nh <= a.last for a in itf.addresses):
            return itf.name
    return None
