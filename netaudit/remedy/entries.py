"""ACL entries the change-set generators whose filters are ordered access lists share
(docs/remedy.md): Cisco IOS (``remedy/cisco_ios.py``) and Huawei VRP
(``remedy/huawei_vrp.py``) plan the same entries per interface and direction — the blocks
(the services the policy still allows, TCP replies where the interface lets them through
today, then the deny), the device's own services without a knob of their own denied to
its addresses where the zones that reached them enter, and the management subnets denied
as a source where they cannot arrive — and each writes them in its own syntax.

:class:`Ace` is one entry (its model match, and its IOS text, which is also its identity
when entries are merged); :class:`EntryPlanner` plans them into ``entries``; the vendor
subclass says what filter an interface has now (:meth:`EntryPlanner.current_filter`),
which services it limits by a knob of their own (``knob_services``) and renders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netaddr import IPAddress, IPNetwork, IPSet

from .. import filters, model
from ..headerspace import Bdd, HeaderSpace, service_match
from ..messages import both
from ..model import PROTO_ICMP, PROTO_TCP, PROTO_UDP, Action, AddrMatch, Filter, FilterLine, Match, PortRange
from .plan import CLEARTEXT_TUNNELS, Block, DevicePlan, EdgeClose, Restrict, device_hosts

PROTO_WORDS = {PROTO_TCP: "tcp", PROTO_UDP: "udp", PROTO_ICMP: "icmp"}
ICMP_NAMES = {0: "echo-reply", 3: "unreachable", 8: "echo", 11: "time-exceeded"}


def _addr(net: IPNetwork | None) -> str:
    if net is None or net.prefixlen == 0:
        return "any"
    if net.prefixlen == 32:
        return f"host {net.ip}"
    return f"{net.network} {net.hostmask}"


def addr_match(net: IPNetwork | None) -> tuple[AddrMatch, ...] | None:
    if net is None or net.prefixlen == 0:
        return None
    return (AddrMatch.prefix(net),)


@dataclass(frozen=True)
class Ace:
    """One extended ACL entry the change set adds (its text and its model match)."""

    action: str  # permit | deny
    proto: int | None  # None = ip
    src: IPNetwork | None  # None = any
    dst: IPNetwork | None
    ports: tuple[int, int] | None = None  # destination ports (tcp/udp)
    icmp_type: int | None = None
    established: bool = False
    dst_group: str | None = None  # object-group network NAME instead of dst
    group_members: tuple[IPNetwork, ...] = ()

    def text(self) -> str:
        proto = "ip" if self.proto is None else PROTO_WORDS.get(self.proto, str(self.proto))
        dst = f"object-group {self.dst_group}" if self.dst_group else _addr(self.dst)
        out = f"{self.action} {proto} {_addr(self.src)} {dst}{service_words(self.ports, self.icmp_type)}"
        if self.established:
            out += " established"
        return out

    def match(self) -> Match:
        dst = tuple(AddrMatch.prefix(n) for n in self.group_members) if self.dst_group else addr_match(self.dst)
        return Match(
            src=addr_match(self.src),
            dst=dst,
            protocols=None if self.proto is None else (self.proto,),
            dst_ports=None if self.ports is None else (model.PortRange(*self.ports),),
            icmp_type=self.icmp_type,
            tcp_established=self.established,
        )

    def line(self) -> FilterLine:
        return FilterLine(Action(self.action), [self.match()], model.Src("netaudit", 0, self.text()))


def service_words(ports: tuple[int, int] | None, icmp_type: int | None) -> str:
    """What follows the addresses of a Cisco ACL entry: `` eq P`` / `` range A B``, the ICMP
    type's name (IOS and ASA spell them alike)."""
    out = ""
    if ports is not None:
        lo, hi = ports
        out += f" eq {lo}" if lo == hi else f" range {lo} {hi}"
    if icmp_type is not None:
        out += f" {ICMP_NAMES.get(icmp_type, icmp_type)}"
    return out


def service_aces(action: str, service: str, src: Any, dst: Any, entry: Callable[..., Any] | None = None) -> list:
    """Entries for one service string of the policy (``tcp/80``, ``udp``, ``icmp/8``, ``ip``):
    :class:`Ace` by default, or ``entry``'s — a vendor's entry of the same fields (the ASA's,
    whose addresses are object references)."""
    make = entry or Ace
    m = service_match(service)
    if m.protocols is None:
        return [make(action, None, src, dst)]
    proto = m.protocols[0]
    if m.dst_ports:
        return [make(action, proto, src, dst, (r.lo, r.hi)) for r in m.dst_ports]
    return [make(action, proto, src, dst, icmp_type=m.icmp_type)]


@dataclass
class _Out:
    """The change set, its rollback and notes being built."""

    config: list[str] = field(default_factory=list)
    rollback: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    left: dict[str, dict[str, str]] = field(default_factory=dict)  # finding id -> why still open

    def leave(self, findings: list[str], why: dict[str, str]) -> None:
        """The ``findings`` stay open after the change set, for ``why``."""
        for i in findings:
            self.left.setdefault(i, why)

    def leave_also(self, findings: list[str], why: dict[str, str]) -> None:
        """As :meth:`leave`, ``why`` said beside what else leaves a finding open (DHCP on
        the same run-time address …)."""
        for i in findings:
            had = self.left.get(i)
            if had is None:
                self.left[i] = dict(why)
            elif why["en"] not in had["en"]:
                self.left[i] = {lang: f"{had[lang]}; {why[lang]}" for lang in why}

    def note(self, vi: str, en: str) -> None:
        if not any(n["en"] == en for n in self.notes):
            self.notes.append({"vi": vi, "en": en})


class EntryPlanner:
    """The entries of one device's change set, per (interface, direction), in order.
    A vendor subclass sets ``knob_services`` (services it limits by their own setting, not
    by ACL entries), ``self_group`` (an object-group name for the device's own addresses
    beyond ``hosts_before_group`` of them, or None), ``dynamic_address_key`` (the catalogue
    reason for an address learned at run time) and :meth:`current_filter`; it calls
    :meth:`plan_blocks` (with :meth:`external_block`), :meth:`plan_control_plane` and
    :meth:`plan_mgmt_antispoof`, then writes ``entries``."""

    knob_services: frozenset[str] = frozenset()
    self_group: str | None = None
    hosts_before_group = 8  # own addresses above this: one object-group instead of host entries
    dynamic_address_key = "fix.left.dynamic_address"

    def __init__(self, plan: DevicePlan, device: model.Device):
        self.plan, self.dev = plan, device
        self.out = _Out()
        self.hs = HeaderSpace()
        self._permitted_sets: dict[int, tuple[Filter, Bdd]] = {}  # id of a filter -> (it, _permitted)
        self.mgmt: list[IPNetwork] = []
        for r in plan.restricts:
            for n in r.allow_from:
                if n not in self.mgmt:
                    self.mgmt.append(n)
        self.group_needed = False
        # (interface, direction) -> entries, in order
        self.entries: dict[tuple[str, str], list[Ace]] = {}
        self.tunnels_closed: list[str] = []  # cleartext tunnel servers closed where the Internet enters

    def plan_blocks(self) -> None:
        for b in self.plan.blocks:
            if not b.src:
                self.external_block(b)
                continue
            key = (b.interface, b.direction)
            acl = self.entries.setdefault(key, [])
            for ace in self.block_aces(b):
                if ace not in acl:
                    acl.append(ace)

    def external_block(self, b: Block) -> None:
        """A block from an external zone (the plan gives no source: ``src == []``).
        Denying ``ip any DST`` where the plan puts it (outbound toward the destination)
        would cut every other zone's traffic to DST there, and — stateless — the UDP and
        ICMP replies of the sessions the destination opens to the Internet.  IOS checks
        an outside interface's inbound ACL before NAT (VRP: an inbound traffic-filter sees
        a packet before ``nat server``): there, replies of translated sessions carry the
        public address, so ``deny ip any DST`` stops only packets
        sent straight to the inside addresses.  Translated flows (static NAT into DST)
        are named in a note: the static NAT itself must go or be narrowed."""
        outside = self.outside_interfaces()
        dst = IPSet(b.dst)
        if outside:
            for ifname in outside:
                acl = self.entries.setdefault((ifname, "in"), [])
                for d in b.dst:
                    # The services the policy still allows into DST (the DMZ's web ports)
                    # first: a deny of all of DST alone broke them, and the proof then
                    # withdrew the device's whole change set.
                    aces = [a for svc in b.allow for a in service_aces("permit", svc, None, d)]
                    for ace in [*aces, Ace("deny", None, None, d)]:
                        if ace not in acl:
                            acl.append(ace)
        else:
            self.out.leave(b.findings, both("fix.left.needs_stateful", src=b.src_zone, dst=b.dst_zone))
            self.out.note(
                f"Chặn {b.src_zone} → {b.dst_zone} cần lọc có trạng thái (không có giao diện ip nat outside để đặt ACL "
                "an toàn): chưa đề xuất thay đổi.",
                f"Blocking {b.src_zone} → {b.dst_zone} needs stateful filtering (no ip nat outside interface to put a "
                "safe ACL on): no change proposed.",
            )
        for rule in self.dev.nat_rules:
            if rule.kind == "destination" and rule.to_ip is not None and IPAddress(rule.to_ip) in dst:
                where = f"{rule.source.file}:{rule.source.line} {rule.source.text.strip()}" if rule.source else ""
                self.out.leave(b.findings, both("fix.left.static_nat", src=b.src_zone, dst=b.dst_zone, where=where))
                self.out.note(
                    f"NAT tĩnh đưa {b.src_zone} vào {b.dst_zone} ({where}): gỡ bỏ hoặc thu hẹp nó; ACL không chặn "
                    "được mà không cắt cả lưu lượng trả về.",
                    f"Static NAT lets {b.src_zone} into {b.dst_zone} ({where}): remove or narrow it; no stateless ACL "
                    "stops it without cutting its replies too.",
                )

    def plan_closes(self) -> None:
        """Gateway services that answered the Internet (plan.EdgeClose: an open resolver, a
        cleartext L2TP/PPTP server) closed where the Internet enters (:meth:`close_at_edge`);
        the inside zones keep them."""
        own = self.own_addresses()
        for c in self.plan.closes:
            dynamic = [n for n in c.interfaces if n in self.dev.interfaces and self.dev.interfaces[n].dynamic_address]
            tunnels = self.tunnel_names(c)
            if self.close_at_edge(c, own, dynamic):
                self.tunnels_closed += [n for n in tunnels if n not in self.tunnels_closed]
                continue
            if tunnels:
                why = both("fix.left.tunnel_dynamic_nat", device=self.dev.hostname, services=", ".join(tunnels))
            else:
                why = both("fix.left.edge_dynamic_nat", device=self.dev.hostname, services=c.service)
            self.out.leave_also(c.findings, why)

    def tunnel_names(self, c: EdgeClose) -> list[str]:
        """The cleartext tunnel servers (l2tp, pptp …) of the device ``c`` closes."""
        m = service_match(c.service)
        return [
            svc.name
            for svc in self.dev.services
            if svc.enabled
            and svc.name in CLEARTEXT_TUNNELS
            and m.protocols == (svc.protocol,)
            and m.dst_ports == tuple(svc.ports)
        ]

    def close_at_edge(self, c: EdgeClose, own: list[IPNetwork], dynamic: list[str]) -> bool:
        """The service's port (udp/53, udp/1701, tcp/1723 …) denied at the top of the
        inbound ACL where the Internet enters (a new one ending in ``permit ip any any``
        where there is none) — to the device's own addresses it still reaches there, or,
        on an interface whose address comes at run time (a PPPoE Dialer), to any address:
        IOS checks an outside interface's inbound ACL before NAT (VRP an inbound
        traffic-filter before ``nat server``), so what arrives there for that port is for
        the router itself or for a host behind a static NAT, and without one there is no
        such host (replies to the inside hosts' own queries come *from* port 53, not to
        it).  False when it cannot be closed so (a run-time address beside a static NAT,
        or no address known).  For PPTP, GRE is left alone:
        a session's GRE belongs to a call opened on tcp/1723 and opens nothing by itself,
        while a GRE deny there would stop the replies of the inside hosts' own PPTP
        sessions through NAT (they carry the router's public address)."""
        published = [r for r in self.dev.nat_rules if r.kind == "destination"]
        if (dynamic and published) or not (own or dynamic):
            return False
        match = service_match(c.service)
        for ifname in c.interfaces:
            if ifname in dynamic:
                self.prepend_in(ifname, [ace_of("deny", match, None, None, None, ())])
                self.note_dead_permits(ifname, match)
                continue
            base = self.current_filter(ifname, "in")
            later = [a.line() for a in self.entries.get((ifname, "in"), [])]
            hit = [x for x in own if self.permits(later, base, self.hs.match(with_dst(match, x)))]
            self.prepend_in(ifname, [ace_of("deny", match, None, x, None, ()) for x in hit])
        return True

    def note_dead_permits(self, ifname: str, match: Match) -> None:
        """The old permits of ``ifname``'s inbound ACL the new deny of ``match`` leaves
        matching nothing (``permit udp any any eq 1701``): named for the technician to
        delete once the change is checked (the re-audit reports them shadowed)."""
        base = self.current_filter(ifname, "in")
        if base is None:
            return
        denied = self.hs.match(match)
        hs = self.hs
        for line in base.lines:
            if line.action != Action.PERMIT or line.partial or not line.matches:
                continue
            packets = hs.false
            for m in line.matches:
                packets |= hs.match(m)
            if hs.within(packets, denied):
                where = f"{line.source.file}:{line.source.line} {line.source.text.strip()}"
                self.out.note(**both("fix.note.dead_permit", acl=base.name, line=where))

    def outside_interfaces(self) -> list[str]:
        """The interfaces where translated sessions leave (the vendor's NAT outside)."""
        raise NotImplementedError

    def current_filter(self, ifname: str, direction: str) -> Filter | None:
        """The filter ``ifname`` applies in ``direction`` now, None where it passes every packet."""
        raise NotImplementedError

    def bound_filter(self, ifname: str, direction: str) -> Filter | None:
        """The model's filter of ``ifname`` in ``direction`` (``in`` / ``out``), if any."""
        iface = self.dev.interfaces.get(ifname)
        name = None if iface is None else iface.filter_in if direction == "in" else iface.filter_out
        return self.dev.filters.get(name) if name else None

    def permits(self, lines: list[FilterLine], base: Filter | None, packets) -> bool:
        """Whether ``lines`` followed by ``base`` (None: permit all) let some of ``packets``
        through (certainly or maybe).  ``lines`` (netaudit's own entries, fully understood)
        are read on ``packets`` by first match; what they leave meets ``base``'s permitted
        set, computed once per ACL: a 50,000-line ACL read whole for each question made
        ``fix`` take half a minute (issue #15)."""
        hs = self.hs
        if base is not None and base.partial:
            return True
        if any(line.partial for line in lines):  # not netaudit's own: read as one filter
            flt = Filter(
                "probe", [*lines, *(base.lines if base else [])], base.default_action if base else Action.PERMIT
            )
            sure, maybe, _ = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
            return ((sure | maybe) & packets) != hs.false
        own = Filter("probe", list(lines))
        taken, rest = filters.line_tree(hs, own, filters.line_sets(hs, own, None, None)).first_match(packets)
        if any(lines[idx].action == Action.PERMIT for idx, _ in taken):
            return True
        if rest == hs.false or base is None:
            return rest != hs.false
        return (self._permitted(base) & rest) != hs.false

    def _permitted(self, flt: Filter):
        """``flt``'s certainly or maybe permitted packets, computed once per filter."""
        got = self._permitted_sets.get(id(flt))
        if got is None or got[0] is not flt:
            sure, maybe, _ = filters.permitted(self.hs, flt, filters.line_sets(self.hs, flt, None, None))
            got = self._permitted_sets[id(flt)] = (flt, sure | maybe)
        return got[1]

    def own_addresses(self) -> list[IPNetwork]:
        return device_hosts(self.dev)

    def only_connected(self, ifname: str) -> bool:
        """Whether only hosts of the interface's own segment send through it: no static
        route points behind it and no dynamic routing could (then any other source is forged)."""
        iface = self.dev.interfaces.get(ifname)
        if iface is None or self.dev.dynamic_routing or not iface.addresses:
            return False
        for rt in self.dev.routes:
            if rt.origin == "connected":
                continue
            if rt.interface == ifname or (rt.interface is None and self.iface_of_hop(rt.next_hop) == ifname):
                return False
        return True

    def block_aces(self, b: Block) -> list[Ace]:
        srcs: list[IPNetwork | None] = list(b.src) or [None]
        if b.direction == "in" and self.only_connected(b.interface):
            srcs = [None]  # any source: a forged one is stopped too (no spoofing past the block)
        dsts: list[IPNetwork | None] = list(b.dst) or [None]
        base = self.current_filter(b.interface, b.direction)
        out: list[Ace] = []
        for s in srcs:
            out += self.broadcast_aces(b, s)
            for d in dsts:
                for svc in b.allow:
                    out += service_aces("permit", svc, s, d)
                est = Ace("permit", PROTO_TCP, s, d, established=True)
                if self.permits([], base, self.hs.match(est.match())):
                    out.append(est)
                out.append(Ace("deny", None, s, d))
        return self._devices_first(b, out, base)

    def _devices_first(self, b: Block, aces: list[Ace], base: Filter | None) -> list[Ace]:
        """``aces`` after a permit of each network device's own address inside the block's
        destination (``Block.devices``) that the interface lets through whole today: a
        block to the Internet (every address no inside zone owns) denied a router's
        transit-link and WAN addresses too, and with them the management zone's SSH to that
        router — its only remote path.  What a zone may reach on the devices is the
        @devices cell's to decide (vty, SNMP, HTTPS ACLs), as it was before the change.  A
        device address the interface filters in part today gets no permit (it would open
        what the filter closes, or may close: a line not fully read); the proof then says
        whether the deny cut an allowed flow."""
        if not b.devices or not aces:
            return aces
        if base is not None and (base.partial or any(line.partial for line in base.lines)):
            return aces
        hs = self.hs
        first: list[Ace] = []
        for src in dict.fromkeys(a.src for a in aces):
            for host in b.devices:
                permit = Ace("permit", None, src, host)
                if base is None or hs.within(hs.match(permit.match()), self._permitted(base)):
                    first.append(permit)
        return [*first, *aces]

    def broadcast_aces(self, b: Block, src: IPNetwork | None) -> list[Ace]:
        """Entries stopping the UDP broadcasts the block's interface sends on to a helper in
        the destination zone (IOS ``ip helper-address``): the copies keep the client's
        source but the ACL saw them addressed to a broadcast, so a deny of the zone's
        addresses never meets them (docs/semantics.md, "UDP broadcast forwarding").  The
        ports the policy still allows between the zones and the DHCP relay's stay open."""
        itf = self.dev.interfaces.get(b.interface)
        fwd = self.dev.broadcast_forwarding
        if b.direction != "in" or itf is None or fwd is None or not itf.udp_helpers:
            return []
        zone = IPSet(b.dst)
        if not any(IPAddress(h.address) in zone for h in itf.udp_helpers):
            return []
        hs = self.hs
        allowed = hs.false
        for svc in b.allow:
            allowed |= hs.match(service_match(svc))
        # DHCP stays whether the relay agent answers it or (no service dhcp) it may be
        # forwarded as sent: it is how the zone's hosts get their addresses.
        kept = allowed | (hs.eq("proto", PROTO_UDP) & hs.ports("dst_port", [PortRange(67, 67), *fwd.relayed_ports]))
        # 255.255.255.255 and the directed broadcast of each of the interface's subnets
        targets = [IPNetwork("255.255.255.255/32")]
        targets += [IPNetwork(f"{a.broadcast}/32") for a in itf.addresses if a.prefixlen <= 30]
        out: list[Ace] = []
        for bcast in targets:
            forwarded = [Ace("deny", PROTO_UDP, src, bcast, (r.lo, r.hi)) for r in (*fwd.ports, *fwd.maybe_ports)]
            forwarded += [Ace("deny", proto, src, bcast) for proto in fwd.protocols]
            out += [a for a in forwarded if not hs.meets(hs.match(a.match()), kept) and a not in out]
        return out

    def plan_control_plane(self) -> None:
        """Services the device has no knob for (ICMP echo …): denied to the device's own
        addresses at the top of the ingress ACLs where the zones that reached them enter."""
        # Without a management zone the vty/HTTP knobs have nothing to limit SSH/HTTPS to:
        # the zones that reached them are stopped at their gateways instead.
        acl_restricts = [
            r
            for r in self.plan.restricts
            if r.service not in self.knob_services or (not self.mgmt and not r.insecure and r.zones)
        ]
        if not acl_restricts:
            return
        dynamic = sorted(i.name for i in self.dev.interfaces.values() if i.dynamic_address and not i.shutdown)
        if dynamic:
            # An address learned at run time (DHCP, PPP) cannot be named in an ACL entry:
            # what reaches the device there is said, not pretended closed.
            services = sorted({r.service for r in acl_restricts})
            others = [n for n in services if n not in CLEARTEXT_TUNNELS]
            tunnels = [n for n in services if n in CLEARTEXT_TUNNELS]
            where = {"device": self.dev.hostname, "interfaces": ", ".join(dynamic)}
            # A vpdn-group has no access-class: its servers are said apart.
            texts = [both(self.dynamic_address_key, services=", ".join(others), **where)] if others else []
            if tunnels:
                texts.append(both("fix.left.dynamic_address_tunnel", services=", ".join(tunnels), **where))
            why = {lang: "; ".join(t[lang] for t in texts) for lang in texts[0]}
            for r in acl_restricts:
                self.out.leave(r.findings, why)
        own = self.own_addresses()
        if not own:
            return
        use_group = self.self_group is not None and len(own) > self.hosts_before_group
        not_mgmt = ~self.hs.addr("src_ip", prefixes(IPSet(self.mgmt)))
        for r in acl_restricts:
            for ifname, mgmt_here, sources in self.entry_interfaces(r):
                srcs = self.hs.addr("src_ip", prefixes(sources)) if sources is not None else not_mgmt
                cp: list[Ace] = []
                base = self.current_filter(ifname, "in")
                later = [a.line() for a in self.entries.get((ifname, "in"), [])]
                for match in self.restrict_matches(r):
                    hit = [x for x in own if self.permits(later, base, self.hs.match(with_dst(match, x)) & srcs)]
                    if not hit:
                        continue
                    if use_group:
                        self.group_needed = True
                        targets: list[tuple[IPNetwork | None, str | None]] = [(None, self.self_group)]
                    else:
                        targets = [(x, None) for x in hit]
                    for dst, grp in targets:
                        members = tuple(own) if grp else ()
                        for m in self.mgmt if mgmt_here else []:
                            cp.append(ace_of("permit", match, m, dst, grp, members))
                        cp.append(ace_of("deny", match, None, dst, grp, members))
                if cp:
                    self.prepend_in(ifname, cp)

    def prepend_in(self, ifname: str, aces: list[Ace]) -> None:
        """``aces`` at the top of ``ifname``'s new inbound entries (each once)."""
        lst = self.entries.setdefault((ifname, "in"), [])
        self.entries[(ifname, "in")] = [a for a in aces if a not in lst] + lst

    def plan_mgmt_antispoof(self) -> None:
        """Services limited to the management subnets by source (vty access-class, SNMP
        community ACL, HTTP access-class, the entries above): a host elsewhere that
        claims a management address gets past them — SNMP takes a single forged UDP
        packet. Where the management subnets cannot arrive (every up interface but the
        ones the device reaches them by), packets claiming them are denied first."""
        if not self.mgmt or not any(r.allow_from for r in self.plan.restricts):
            return
        via = self.mgmt_interfaces()
        if not via:
            return  # no route says where the management subnets are: nothing to infer
        forged = [Ace("deny", None, m, None) for m in IPSet(self.mgmt).iter_cidrs()]
        for iface in self.dev.interfaces.values():
            if iface.shutdown or not iface.is_l3 or iface.kind == model.IfKind.LOOPBACK or iface.name in via:
                continue
            lst = self.entries.setdefault((iface.name, "in"), [])
            self.entries[(iface.name, "in")] = [a for a in forged if a not in lst] + lst

    def restrict_matches(self, r: Restrict) -> list[Match]:
        if r.protocol == PROTO_ICMP:
            return [Match(protocols=(PROTO_ICMP,), icmp_type=8 if r.service == "icmp-echo" else None)]
        if r.ports:
            return [Match(protocols=(r.protocol,), dst_ports=(model.PortRange(lo, hi),)) for lo, hi in r.ports]
        return [Match(protocols=(r.protocol,))]

    def entry_interfaces(self, r: Restrict) -> list[tuple[str, bool, IPSet | None]]:
        """(interface, whether management packets may arrive there, the sources to stop
        there: None = every one outside the management subnets) where the zones that
        reached ``r`` enter this device: their gateway interfaces (the plan's blocks), or —
        for a zone with no block here — every up L3 interface outside the management subnets."""
        by_zone: dict[str, dict[str, IPSet]] = {}
        for b in self.plan.blocks:
            if b.direction == "in" and b.src:
                zone = by_zone.setdefault(b.src_zone, {})
                zone[b.interface] = zone.get(b.interface, IPSet()) | IPSet(b.src)
        if r.zones and all(z in by_zone for z in r.zones):
            merged: dict[str, IPSet] = {}
            for z in r.zones:
                for ifname, srcs in by_zone[z].items():
                    merged[ifname] = merged.get(ifname, IPSet()) | srcs
            return [(n, False, merged[n]) for n in sorted(merged)]
        out: list[tuple[str, bool, IPSet | None]] = []
        mgmt = IPSet(self.mgmt)
        via = self.mgmt_interfaces()
        for iface in self.dev.interfaces.values():
            if iface.shutdown or not iface.is_l3 or iface.kind == model.IfKind.LOOPBACK:
                continue  # no packet enters through a loopback: an ACL there filters nothing
            nets = IPSet([a.cidr for a in iface.addresses])
            if mgmt and nets.issubset(mgmt):
                continue  # the management segment itself
            out.append((iface.name, via is None or iface.name in via, None))
        return out

    def mgmt_interfaces(self) -> set[str] | None:
        """Interfaces the device reaches the management subnets by (connected or a static
        route more specific than the default); None when no such route says."""
        if not self.mgmt:
            return set()
        found: set[str] = set()
        for m in self.mgmt:
            best, names = -1, set[str]()
            for iface in self.dev.interfaces.values():
                for a in iface.addresses:
                    if a.cidr.prefixlen > best - 1 and (m in a.cidr or a.cidr in m):
                        if a.cidr.prefixlen > best:
                            best, names = a.cidr.prefixlen, set()
                        names.add(iface.name)
            for rt in self.dev.routes:
                if rt.prefix.prefixlen == 0 or not (m in rt.prefix or rt.prefix in m):
                    continue
                name = rt.interface or self.iface_of_hop(rt.next_hop)
                if name is None:
                    continue
                if rt.prefix.prefixlen > best:
                    best, names = rt.prefix.prefixlen, set()
                if rt.prefix.prefixlen == best:
                    names.add(name)
            if best < 0:
                return None
            found |= names
        return found

    def iface_of_hop(self, hop: int | None) -> str | None:
        if hop is None:
            return None
        for iface in self.dev.interfaces.values():
            for a in iface.addresses:
                if IPAddress(hop) in a.cidr:
                    return iface.name
        return None

    def console_only(self) -> list[str]:
        """Without a management zone, the zones whose SSH/HTTPS to the device the ACLs stop
        (plan_control_plane): then nothing but the console is left to manage it."""
        if self.mgmt:
            return []
        return sorted(
            {z for r in self.plan.restricts if r.service in ("ssh", "https") and not r.insecure for z in r.zones}
        )


def prefixes(s: IPSet) -> list[AddrMatch]:
    return [AddrMatch.prefix(c) for c in s.iter_cidrs()]


def with_dst(m: Match, host: IPNetwork) -> Match:
    return Match(
        dst=(AddrMatch.prefix(host),),
        protocols=m.protocols,
        dst_ports=m.dst_ports,
        icmp_type=m.icmp_type,
    )


def ace_of(action: str, m: Match, src: IPNetwork | None, dst: IPNetwork | None, grp: str | None, members: tuple) -> Ace:
    proto = m.protocols[0] if m.protocols else None
    ports = (m.dst_ports[0].lo, m.dst_ports[0].hi) if m.dst_ports else None
    return Ace(action, proto, src, dst, ports, m.icmp_type, dst_group=grp, group_members=members)
