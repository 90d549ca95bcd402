"""Cisco IOS: what was read → the vendor-neutral model, once the whole file is read.

Cross-references are resolved here: object-groups expanded into ACL entries, ACLs
applied (an ``ip access-group`` / ``access-class`` / SNMP ACL naming an undefined or
empty ACL permits everything), interface L2/L3 roles and port-channel members, ``ip
routing`` defaults, NAT inside/outside sets and pools, management services, references.
The documented defaults are in the package docstring (:mod:`netaudit.parsers.cisco_ios`).
"""

from __future__ import annotations

import re

from netaddr import IPNetwork

from netaudit.lazy_re import lazy_compile
from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Device,
    Filter,
    FilterLine,
    IfKind,
    Interface,
    L2Mode,
    Match,
    MgmtService,
    NatRule,
    PolicyRoute,
    PortRange,
    Reference,
    Route,
    Src,
)
from netaudit.parsers.base import evolve, join_reasons, login_access_lists
from netaudit.parsers.cisco_ios.acl_entries import OG, expand_ace, resolve_groups
from netaudit.parsers.cisco_ios.broadcasts import BroadcastBuilder
from netaudit.parsers.cisco_ios.crypto_maps import CryptoMapBuilder
from netaudit.parsers.cisco_ios.reasons import unmodelled_line
from netaudit.parsers.cisco_ios.state import Acl, IfState, IosState
from netaudit.parsers.cisco_ios.syntax import hostname_of_file
from netaudit.parsers.cisco_ios.vpdn import ACCEPTED_SERVICES
from netaudit.parsers.cisco_ios.zone_firewall import ZoneBuilder
from netaudit.parsers.ip import int_to_ip, ip_to_int, prefix_of


class ModelBuilder(CryptoMapBuilder, ZoneBuilder, BroadcastBuilder, IosState):
    """:meth:`finish`: the conversion to the model."""

    def finish(self) -> None:
        dev = self.dev
        if not dev.hostname:
            dev.hostname = hostname_of_file(self.file)
        self.rep.devices = [dev.hostname]
        self._finish_groups()
        self._finish_unread_acls()
        defined_acls = {name for name, acl in self.acls.items()}
        usable = {name for name, acl in self.acls.items() if acl.filter.lines or acl.filter.partial}
        self._finish_interfaces(usable)
        self._finish_crypto_maps()
        for pool, net in self.dhcp_pool_nets:  # the segment a DHCP pool serves is named by it
            for itf in dev.interfaces.values():
                if pool not in itf.segment_names and any(a.ip in net for a in itf.addresses):
                    itf.segment_names.append(pool)
        # IOS writes `vlan N` blocks into the running config only in VTP transparent or
        # off mode, where the config is the whole VLAN database; in server or client mode
        # (or VTP version 3) the database lives in vlan.dat and the config shows none.
        dev.vlan_database = bool(dev.vlans) and self.vtp_mode not in ("server", "client")
        self._finish_routing()
        self._finish_nat()
        # Inside to outside, IOS translates after routing and before the output ACL
        # (Cisco, "NAT Order of Operation"): an ACL out on the outside interface sees
        # the translated source (docs/vendors/cisco_ios.md).
        dev.snat_before_out_filter = True
        self._finish_services(usable)
        self.finish_copp()
        self.finish_zone_firewall()  # after CoPP: a zone-pair to self makes its input filter partial
        # references, resolved against the whole file
        defined = {
            "acl": defined_acls,
            "object-group": set(self.groups),
            "route-map": self.route_maps,
            "vrf": dev.vrfs,
            "nat-pool": set(self.pools),
        }
        for kind, name, src in self.refs:
            dev.references.append(Reference(kind, name, src, name in defined.get(kind, ())))
        for name in sorted(defined_acls - usable):
            self.rep.warnings.append(Text("input.ios.acl_empty", name=name))

    def _finish_groups(self) -> None:
        net_items = {n: g.items for n, g in self.groups.items() if g.kind in ("network", "nxos-address")}
        svc_items = {n: g.items for n, g in self.groups.items() if g.kind == "service"}
        port_items = {n: g.items for n, g in self.groups.items() if g.kind == "port"}
        net, miss1 = resolve_groups(net_items, "network")
        svc, miss2 = resolve_groups(svc_items, "service")
        ports, _ = resolve_groups(port_items, "port")
        for group, member in miss1 + miss2:
            og = self.groups[group]
            # Only a flag (never shown): the lines naming the group say "object-group G
            # partially understood", and the missing member is a reference of its own.
            og.partial = og.partial or f"group-object {member} undefined"
        self._nested_partial()
        for flt, line, ace in self.deferred:
            matches, missing = expand_ace(ace, net, svc, ports)
            line.matches = matches
            reasons = [Text("input.ios.og_undefined", name=m) for m in missing]
            reasons += [
                Text("input.ios.og_partial", name=g) for g in ace.groups if g in self.groups and self.groups[g].partial
            ]
            if reasons:
                why = join_reasons(reasons)
                line.partial = join_reasons((line.partial, why))
                self.rep.add_partial(f"acl {flt.name}", why, line.source)

    def _nested_partial(self) -> None:
        """A group holding (through ``group-object``, at any depth) a partial group is
        partial: its members include what the inner group's unread line may name, and
        only the groups a line names directly are looked at for its reason.  Walked up
        from the partial groups (linear, whatever the depth of the nesting)."""
        parents: dict[str, list[str]] = {}
        for name, og in self.groups.items():
            for item in og.items:
                if isinstance(item, OG):
                    parents.setdefault(item.name, []).append(name)
        todo = [name for name, og in self.groups.items() if og.partial]
        while todo:
            inner = todo.pop()
            for outer in parents.get(inner, ()):
                og = self.groups[outer]
                if not og.partial:
                    og.partial = f"group-object {inner} partial"  # a flag, as above
                    todo.append(outer)

    def _finish_unread_acls(self) -> None:
        """An ACL used by name whose definition is in the file but was not read (another
        dialect's header, e.g. ``ipv4 access-list X``) is a partial filter: never
        "undefined", which IOS semantics would turn into "permits everything"."""
        wanted = {name for kind, name, _ in self.refs if kind == "acl" and name not in self.acls}
        for src in self.rep.unrecognized if wanted else ():
            words = src.text.split()
            at = next((k for k, w in enumerate(words) if w.lower() == "access-list"), None)
            if at is None:
                continue
            for name in wanted.intersection(words[at + 1 :]):
                why = Text("input.ios.acl_definition_unread", line=src.line, text=src.text)
                flt = Filter(name=name, kind="extended", source=src, partial=why)
                self.acls[name] = Acl(flt, False)
                self.dev.filters[name] = flt
                self.rep.add_partial(f"acl {name}", why, src)
                wanted.discard(name)

    def _fail_open_filters(self, uses: list[tuple[Interface, str, tuple[str, Src]]]) -> None:
        """IOS: ``ip access-group X`` naming an undefined (or empty) ACL filters nothing.

        Modelled as a synthesized permit-all filter (named X, or "X (no entries)" when X
        exists empty) whose line is the access-group line itself, saying so: a witness
        through the interface then cites the root cause, not only ``interface …``.  With
        several uses of X each line is restricted to its own interface and direction, so
        every interface cites its own access-group line (egress lines first: an egress
        evaluation also knows the ingress interface)."""
        by_key: dict[str, list[tuple[Interface, str, Src]]] = {}
        for iface, attr, (name, src) in uses:
            key = f"{name} (no entries)" if name in self.acls else name
            by_key.setdefault(key, []).append((iface, attr, src))
            setattr(iface, attr, key)
        for key, items in by_key.items():
            name = key.removesuffix(" (no entries)")
            # What IOS does with every packet there: the filter's default, and the note after
            # each access-group line as cited (the configuration line, then the note in the
            # report's language).
            note = Text("input.ios.default.acl_empty" if key != name else "input.ios.default.acl_undefined", acl=name)
            items.sort(key=lambda it: it[1] != "filter_out")
            lines = []
            for iface, attr, src in items:
                only = frozenset({iface.name})
                match = (
                    Match()
                    if len(items) == 1
                    else (Match(in_ifaces=only) if attr == "filter_in" else Match(out_ifaces=only))
                )
                cite = Src(src.file, src.line, Text("input.commented_line", line=src.text, note=note))
                lines.append(FilterLine(Action.PERMIT, [match], cite, name=key))
            self.dev.filters[key] = Filter(
                name=key,
                lines=lines,
                default_action=Action.PERMIT,
                kind="synthesized",
                source=items[0][2],
                default_text=note,
            )

    def _policy_routes(self, iface: Interface, name: str, src: Src) -> None:
        """``ip policy route-map NAME`` on ``iface``: for the packets it receives, the
        map's entries in sequence order (first match) → :class:`PolicyRoute`.  ``match ip
        address`` ACLs select (an ACL with deny or partial lines: its permits, the entry
        partial); ``set ip next-hop A`` sends to A when A is on a connected subnet (a
        table of one default route to A, falling back to the routing table as IOS does
        when A is not adjacent), ``set interface Null0`` drops; a ``deny`` entry or one
        without ``set`` routes normally; an entry with a clause not modelled sends its
        packets where the model does not follow (partial ``elsewhere``)."""
        ins = frozenset({iface.name})
        for e in sorted(self.route_map_entries.get(name, []), key=lambda e: e.seq):
            label = f"route-map {name} {'permit' if e.permit else 'deny'} {e.seq}"
            why: list[str] = [unmodelled_line(t) for t in e.unread]
            open_match = True  # the only doubt so far: which packets the ACLs select
            matches: list[Match] = []
            for acl_name in e.acls:
                acl = self.acls.get(acl_name)
                if acl is None:
                    why.append(Text("input.ios.acl_undefined", name=acl_name))
                    open_match = False
                    continue
                lines = acl.filter.lines
                if any(ln.action != Action.PERMIT or ln.partial for ln in lines) or acl.filter.partial:
                    why.append(Text("input.ios.pbr_acl_permits", name=acl_name))
                matches += [m for ln in lines if ln.action == Action.PERMIT for m in ln.matches]
            if not e.acls:
                matches = [Match()]
            elif not matches:
                if not why:
                    continue  # an ACL that permits nothing: the entry never matches
                matches = [Match()]
            matches = [evolve(m, in_ifaces=ins) for m in matches]
            if len(e.next_hops) > 1:  # IOS takes the first adjacent one: which, at run time
                why.append(Text("input.ios.pbr_next_hops"))
                open_match = False
            partial = join_reasons(why) or None
            if e.unread and e.permit:  # a clause that may send them anywhere
                action, table = "elsewhere", None
            elif not e.permit or not (e.next_hops or e.null):
                action, table = "main", None
            elif e.null:
                action, table = "drop", None
            else:
                action, table = "table", label
                if not any(r.table == table for r in self.dev.routes):  # one per entry, shared by its interfaces
                    self.dev.routes.append(
                        Route(IPNetwork("0.0.0.0/0"), iface.vrf, next_hop=e.next_hops[0], table=table, source=e.src)
                    )
            self.dev.policy_routes.append(
                PolicyRoute(
                    matches,
                    action,
                    table=table,
                    fallback=True,
                    source=e.src,
                    partial=partial,
                    name=label,
                    open_match=bool(partial) and open_match and not e.unread,
                )
            )
            if partial:
                self.rep.add_partial(label, partial, e.src)

    def _finish_interfaces(self, usable: set[str]) -> None:
        dev = self.dev
        members: dict[str, tuple[str, Src]] = {}  # member -> (its port-channel, channel-group line)
        fail_open: list[tuple[Interface, str, tuple[str, Src]]] = []
        for name, st in self.ifs.items():
            iface = st.iface
            iface.addresses = ([st.primary] if st.primary else []) + st.secondaries
            for vip in st.vips:
                plen = 32
                for net in iface.addresses:
                    if int(net.first) <= vip <= int(net.last):
                        plen = net.prefixlen
                        break
                else:
                    if st.primary is not None:
                        plen = st.primary.prefixlen
                iface.virtual_addresses.append(prefix_of(vip, plen))
            self._resolve_mode(st)
            for attr, spec in (("filter_in", st.acl_in), ("filter_out", st.acl_out)):
                if spec is not None:
                    if spec[0] in usable:
                        setattr(iface, attr, spec[0])
                        if iface.mode in (L2Mode.ACCESS, L2Mode.TRUNK):
                            # a port ACL filters what enters the port, switched or routed,
                            # where the engine filters on routed interfaces only
                            why = Text("input.ios.port_acl", acl=spec[0], interface=iface.name)
                            self.port_partial(iface, why, spec[1])
                    else:  # IOS: an undefined (or empty) ACL permits all
                        fail_open.append((iface, attr, spec))
            vacl = self.vacls.get(iface.svi_vlan or 0)
            if vacl is not None:
                self.iface_partial(iface, Text("input.ios.vacl_applied", name=vacl[0]), vacl[1])
            if st.policy is not None and st.policy[0] in self.route_maps:
                # IOS routes normally when the route-map does not exist (no effect).
                self._policy_routes(iface, *st.policy)
            if st.channel_group is not None:
                members[name] = st.channel_group
            if st.pppoe_enable is not None and not st.pppoe_client:
                self.iface_partial(iface, Text("input.ios.pppoe_server"), st.pppoe_enable)
        self._fail_open_filters(fail_open)
        # port-channel members take their L2 settings from the bundle
        for member, (pc, pc_src) in members.items():
            if pc not in self.ifs:
                self._iface(pc, pc_src)
                self._resolve_mode(self.ifs[pc])
            m, p = dev.interfaces[member], dev.interfaces[pc]
            m.parent = pc
            m.mode, m.access_vlan = p.mode, p.access_vlan
            m.allowed_vlans, m.native_vlan = p.allowed_vlans, p.native_vlan
            self.facts.port_channel_members[member] = pc

    def _resolve_mode(self, st: IfState) -> None:
        """L2/L3 role of an interface (the documented defaults, package docstring):
        ``no switchport`` → routed; any ``switchport`` command → L2; an explicit
        ``ip address``/``no ip address`` → routed; otherwise an Ethernet port on a
        device that uses ``switchport`` anywhere is an access port in VLAN 1."""
        iface = st.iface
        l2 = False
        if (
            iface.kind in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL)
            and not st.no_switchport
            and (st.sw_any or (not st.l3_cmd and self.uses_switchport and st.ethernet_like))
        ):
            l2 = True
        if not l2:
            iface.mode = L2Mode.ROUTED
            return
        mode = st.mode or "access"
        if mode == "trunk":
            iface.mode = L2Mode.TRUNK
            iface.allowed_vlans = st.allowed
            iface.native_vlan = st.native if st.native is not None else 1
            return
        iface.mode = L2Mode.ACCESS
        iface.access_vlan = st.access_vlan if st.access_vlan is not None else 1
        if mode == "dynamic desirable":
            assert st.mode_src is not None  # set with the mode
            self.iface_partial(iface, Text("input.ios.dtp_desirable"), st.mode_src)
        if st.voice_vlan is not None and st.voice_vlan != iface.access_vlan:
            # An access port with a voice VLAN carries that VLAN tagged: model it as a
            # two-VLAN trunk whose native VLAN is the data VLAN (what a host can reach).
            self.facts.voice_vlans[iface.name] = st.voice_vlan
            iface.mode = L2Mode.TRUNK
            iface.native_vlan = iface.access_vlan
            iface.allowed_vlans = frozenset({iface.access_vlan, st.voice_vlan})
            iface.access_vlan = None

    def _finish_routing(self) -> None:
        dev = self.dev
        for vrf, iface, gw, src in self.static_bfd:
            # Static routes with this interface and gateway exist only while the BFD session
            # is up: the table is then one of several, as with `track` (docs/semantics.md).
            if any(
                r.origin == "static" and r.vrf == vrf and r.interface == iface and r.next_hop == gw for r in dev.routes
            ):
                dev.conditional_routes.append(src)
        if self.routing_line is not None:
            dev.ip_routing = self.routing_line[0]
            self.facts.ip_routing_source = self.routing_line[1]
        elif self.default_gw is not None or self.switch_provision is not None:
            dev.ip_routing = False  # ip default-gateway or switch provision present
        else:
            dev.ip_routing = True
            # It decides something only where the switch could route between two of its
            # own subnets (a switch with one management SVI, or none addressed, routes nothing).
            routed = [i for i in dev.interfaces.values() if i.kind == IfKind.SVI and not i.shutdown and i.addresses]
            if self.uses_switchport and len(routed) > 1:
                self.rep.warnings.append(Text("input.ios.ip_routing_assumed"))

    def _route_map_nat(self, rule: NatRule) -> list[tuple[NatRule, frozenset[str] | None]]:
        """The rules of one NAT line: itself, or for ``ip nat inside source route-map M
        interface IF overload`` one rule per entry of M in sequence order (first match
        wins, as IOS evaluates a route-map): a ``permit`` entry PATs the packets its
        ``match ip address`` ACLs permit (all, with none) that leave through its
        ``match interface`` list (any outside interface, with none) to IF's address;
        past the last entry nothing is translated by this line.  An undefined M, a ``deny`` entry or an entry with
        another clause keeps the line partial (between inside and outside)."""
        ref = self.nat_route_maps.get(id(rule))
        if ref is None:
            return [(rule, None)]
        name, iface = ref
        entries = sorted(self.route_map_entries.get(name, []), key=lambda e: e.seq)
        odd = [
            u
            for e in entries
            for u in e.unread
            if not u.lower().startswith("match interface")  # read into match_ifaces
        ]
        # a `deny` entry means "not this NAT line" — IOS then tries the next line, which
        # a first-match list of rules cannot say: partial
        if not entries or odd or any(e.next_hops or e.null or not e.permit for e in entries):
            rule.partial = Text("input.ios.nat_form", side="inside", form="route-map")
            assert rule.source is not None
            self.rep.add_partial("nat", rule.partial, rule.source)
            return [(rule, None)]
        out: list[tuple[NatRule, frozenset[str] | None]] = []
        for e in entries:
            only = frozenset(e.match_ifaces) if e.match_ifaces else None
            acls: list[str | None] = list(e.acls) or [None]
            for acl in acls:
                r = NatRule(
                    kind="source",
                    acl=acl,
                    to_interface=iface if e.permit else None,
                    source=rule.source,
                )
                out.append((r, only))
        return out

    def _finish_nat(self) -> None:
        dev = self.dev
        sides = {
            "inside": frozenset(n for n, i in dev.interfaces.items() if i.nat_side == "inside"),
            "outside": frozenset(n for n, i in dev.interfaces.items() if i.nat_side == "outside"),
        }

        def cited(rule: NatRule) -> Src:
            assert rule.source is not None  # every IOS NAT rule cites its line
            return rule.source

        for placeholder, in_side, out_side in self.nat_pending:
            for rule, only_out in self._route_map_nat(placeholder):
                rule.in_ifaces = sides[in_side] if in_side else None
                rule.out_ifaces = sides[out_side] if out_side else None
                if only_out is not None and rule.out_ifaces is not None:
                    rule.out_ifaces = rule.out_ifaces & only_out
                dev.nat_rules.append(rule)
        for rule, pool in self.nat_pool_rules:
            if pool in self.pools:
                first = self.pools[pool][0]
                rule.to_ip = first
                why = Text("input.ios.nat_pool_first", pool=pool, address=int_to_ip(first))
                self.rep.add_partial("nat", why, cited(rule))
            else:
                rule.partial = Text("input.ios.nat_pool_undefined", pool=pool)
                self.rep.add_partial("nat", rule.partial, cited(rule))
        runtime_dst: dict | None = None
        for rule, ifname in self.nat_iface_dst:
            iface = dev.interfaces.get(ifname)
            if iface is not None and iface.addresses:
                rule.match = Match(
                    dst=(AddrMatch.host(int(iface.addresses[0].ip)),),
                    protocols=rule.match.protocols,
                    dst_ports=rule.match.dst_ports,
                )
            elif iface is not None and iface.dynamic_address:
                # `ip address negotiated|dhcp`: the port forward is to the address the
                # interface receives at run time, which the engine judges for every
                # candidate (docs/semantics.md, "Run-time addresses"; the ASA's `static
                # interface` NAT is modelled alike).  Matched as "no address of the
                # device's connected subnets": the engine never takes a candidate there,
                # and a packet routed through to a host of those subnets keeps its port
                # (with the device's addresses only, tcp/1415 to a LAN host was
                # translated as well, a false "blocked" for that service).
                if runtime_dst is None:
                    runtime_dst = _not_connected(dev)
                rule.match = Match(**runtime_dst, protocols=rule.match.protocols, dst_ports=rule.match.dst_ports)
                if rule.in_ifaces and ifname in rule.in_ifaces:
                    # "Any address but the configured ones" is only the run-time address
                    # where that address arrives: on another outside interface it would
                    # translate transit packets too (the ASA's rule, too, is on the mapped
                    # interface alone).
                    rule.in_ifaces = frozenset({ifname})
            else:
                rule.partial = Text("input.ios.nat_iface_address", interface=ifname)
                self.rep.add_partial("nat", rule.partial, cited(rule))

    def _finish_ike(self) -> None:
        """IKE (udp/500, udp/4500 for NAT traversal) on every interface once IPsec is
        applied to one (crypto.py); configured but applied nowhere, or with ISAKMP
        switched off, whether IOS answers is not established: the service is partial,
        so a cell only IKE reaches is "unknown", never "blocked"."""
        src = self.ipsec_applied[0] if self.ipsec_applied else self.crypto_config
        if src is None:
            return
        why = []
        if not self.ipsec_applied:
            why.append(Text("input.ios.ike_unapplied"))
        if self.isakmp_off is not None:
            why.append(Text("input.ios.isakmp_off", line=self.isakmp_off.line))
        partial = join_reasons(why) or None
        ports = (PortRange(500, 500), PortRange(4500, 4500))
        self.dev.services.append(MgmtService("ike", PROTO_UDP, ports, source=src, partial=partial))
        if partial:
            self.rep.add_partial("ike", partial, src)

    def _finish_vpdn(self) -> None:
        """The tunnel servers of the ``vpdn-group``s accepting tunnels (vpdn.py): ``l2tp``
        (udp/1701), ``pptp`` (tcp/1723), ``l2f`` (udp/1701), cleartext, on every
        interface — the interface ACLs filter them.  Partial when the group has a line not
        modelled, names no protocol that was read, or the configuration lacks ``vpdn
        enable``; none with ``no vpdn enable`` (docs/vendors/cisco_ios.md, "L2TP and PPTP
        servers")."""
        enable = self.vpdn_enable
        if enable is not None and not enable[0]:
            return  # `no vpdn enable`: VPDN off, its groups inert
        for group in self.vpdn_groups:
            if group.accept_src is None:
                continue  # a LAC, a PPPoE client, or a group with no subgroup: no server
            doubts = [reason for reason, _src in (*self.vpdn_doubts, *group.doubts)]
            if enable is None:
                doubts.insert(0, Text("input.ios.vpdn_no_enable", group=group.name))
            accepted = [(name, src) for word, src in group.accepts for name in ACCEPTED_SERVICES[word]]
            if not group.accepts:
                doubts.append(Text("input.ios.vpdn_no_protocol", group=group.name))
                accepted = [("l2tp", group.accept_src), ("pptp", group.accept_src)]
            partial = join_reasons(list(dict.fromkeys(doubts))) or None
            for name, src in accepted:
                proto, port = VPDN_PORTS[name]
                self.dev.services.append(
                    MgmtService(name, proto, (PortRange(port, port),), source=src, partial=partial)
                )
                if partial:
                    self.rep.add_partial(name, partial, src)

    def _catalyst_switch(self) -> Src | None:
        """The line that shows this config is a Catalyst switch's (a possible Smart Install
        client; routers are directors at most), or None: ``switch N provision`` (a stack
        member); else, among switch ports named as Catalyst switches name them — L2 ports,
        and routed ones with an explicit ``no switchport`` (only a switch port takes it: a
        router's own ports are routed without it) — any with routing off (``no ip
        routing`` / ``ip default-gateway``), a stack member's port, or at least
        :data:`FIXED_PORTS` ports named like a fixed switch's."""
        dev = self.dev
        if self.switch_provision is not None:
            return self.switch_provision
        l2 = [
            i
            for name, i in dev.interfaces.items()
            if i.kind == IfKind.PHYSICAL
            and (i.mode in (L2Mode.ACCESS, L2Mode.TRUNK) or (name in self.ifs and self.ifs[name].no_switchport))
            and i.source is not None
            and _CATALYST_PORT.match(i.name)
        ]
        if not l2:
            return None
        if not dev.ip_routing:
            off = self.routing_line[1] if self.routing_line is not None else self.default_gw
            if off is not None:
                return off
        for i in l2:
            if _STACK_PORT.match(i.name):
                return i.source
        fixed = [i for i in l2 if _FIXED_PORT.match(i.name)]
        return fixed[0].source if len(fixed) >= FIXED_PORTS else None

    def _finish_smart_install(self) -> None:
        """Smart Install (``vstack``, tcp/4786; docs/vendors/cisco_ios.md, "Smart Install").

        ``no vstack`` (the last bare ``[no] vstack`` line wins): off, no service.  ``vstack``
        or other ``vstack …`` settings: on — a client (the service, certain), or a director
        (``vstack director`` naming one of this device's addresses, or ``vstack basic``:
        the service is partial, what a director accepts being not modelled).  No vstack line
        on what looks like a Catalyst switch whose release may have the client on by default:
        partial, so a cell that only tcp/4786 reaches is unknown, never "blocked"."""
        dev, facts = self.dev, self.facts
        port = (PortRange(4786, 4786),)
        switch = self.vstack_switch
        if switch is not None and not switch[0]:
            facts.smart_install, facts.smart_install_lines = "off", [switch[1]]
            return
        lines = sorted([*self.vstack_lines, *([switch[1]] if switch else [])], key=lambda s: s.line)
        if lines:
            own = {int(a.ip) for itf in dev.interfaces.values() for a in itf.addresses}
            director = self.vstack_director
            if self.vstack_basic is not None or (director is not None and ip_to_int(director[0]) in own):
                src = self.vstack_basic or (director[1] if director is not None else lines[0])
                why = Text("input.ios.smart_install_director")
                facts.smart_install = "director"
                dev.services.append(
                    MgmtService("smart-install", PROTO_TCP, port, insecure=True, source=src, partial=why)
                )
                self.rep.add_partial("smart-install", why, src)
            else:
                facts.smart_install = "client"
                src = switch[1] if switch else lines[0]
                dev.services.append(MgmtService("smart-install", PROTO_TCP, port, insecure=True, source=src))
            facts.smart_install_lines = lines
            return
        basis = self._catalyst_switch()
        if basis is None or not _catalyst_release(dev.os_version):
            return
        facts.smart_install = "unknown"
        facts.smart_install_basis = [basis, *([self.version_src] if self.version_src else [])]
        why = Text("input.ios.smart_install_default")
        # An absence, not a construct read in part: said by the cells and the finding, not
        # listed among the partially understood lines.
        dev.services.append(MgmtService("smart-install", PROTO_TCP, port, insecure=True, source=basis, partial=why))

    def _finish_services(self, usable: set[str]) -> None:
        dev, facts = self.dev, self.facts

        def acl_of(name: str | None) -> str | None:
            # IOS: an access-class / community ACL that does not exist permits all
            return name if name is not None and name in usable else None

        vty = [ln for ln in self.lines_cfg if ln.kind == "vty"]
        for ln in vty:
            allows = ln.transports if ln.transports is not None else {"telnet", "ssh"}
            if allows and (ln.acl is None or acl_of(ln.acl[0]) is None):
                facts.vty_without_access_class.append(ln.src)
            if ln.no_login is not None and allows:
                facts.vty_no_login.append(ln.no_login)
        for proto, port, insecure in (("telnet", 23, True), ("ssh", 22, False)):
            if not vty:
                # no `line vty` at all: IOS still has vty 0 4 with its defaults
                dev.services.append(
                    MgmtService(proto, PROTO_TCP, (PortRange(port, port),), insecure=insecure, source=None)
                )
                continue
            allowing = [
                ln for ln in vty if proto in (ln.transports if ln.transports is not None else {"telnet", "ssh"})
            ]
            if not allowing:
                continue
            # Lines with different access-classes: whoever one of them admits may log in
            # (a session is given any free line), a source none admits never can.
            logins = [(acl_of(ln.acl[0]) if ln.acl else None, ln.transport_src or ln.src) for ln in allowing]
            for acl, line in login_access_lists(logins):
                dev.services.append(
                    MgmtService(proto, PROTO_TCP, (PortRange(port, port),), acl=acl, insecure=insecure, source=line)
                )
            if proto == "telnet":
                facts.telnet_vty = logins[0][1]
        http_acl = acl_of(self.http["acl"][0]) if self.http["acl"] else None
        if self.http["http"] is not None:
            p = self.http["port"]
            dev.services.append(
                MgmtService(
                    "http", PROTO_TCP, (PortRange(p, p),), acl=http_acl, insecure=True, source=self.http["http"]
                )
            )
        if self.http["https"] is not None:
            p = self.http["secure_port"]
            dev.services.append(
                MgmtService("https", PROTO_TCP, (PortRange(p, p),), acl=http_acl, source=self.http["https"])
            )
        facts.http_server = self.http["http"]
        facts.https_server = self.http["https"]
        for acl, line in login_access_lists([(acl_of(a), s) for a, s in self.snmp]):
            dev.services.append(
                MgmtService("snmp", PROTO_UDP, (PortRange(161, 161),), acl=acl, insecure=True, source=line)
            )
        if self.dhcp_pool is not None and self.service_dhcp:
            dev.services.append(MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),), source=self.dhcp_pool))
        if self.dns_server is not None:
            dev.services.append(MgmtService("dns", PROTO_UDP, (PortRange(53, 53),), source=self.dns_server))
        for name, ip_proto, ports, src in self.small_servers:
            dev.services.append(
                MgmtService(name, ip_proto, tuple(PortRange(p, p) for p in ports), insecure=True, source=src)
            )
        self._finish_ike()
        self._finish_vpdn()
        self._finish_smart_install()
        self._finish_broadcast_forwarding()
        # routers answer ping unless something above filters it
        dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8))


def _catalyst_release(version: str) -> bool:
    """Whether ``version`` (the config's ``version`` line) may be a Catalyst release whose
    Smart Install client is on by default: Smart Install came with 12.2(52)SE, and a
    release with the fix for Cisco bug CSCvd36820 turns the client off when it is not used
    — taken to be every IOS-XE 17 release (an inference: the fix is from 2017, 17.1 from
    2019).  ``15.2`` names a train, not whether its rebuild has the fix: it may.  No
    version line: not known, so it may.  Not an IOS release number (NX-OS ``9.3(8)``): no."""
    if not version:
        return True
    m = re.fullmatch(r"(\d+)\.(\d+)", version)
    if m is None:
        return False
    major, minor = int(m.group(1)), int(m.group(2))
    return (major, minor) >= (12, 2) and major < 17


# Switch ports as Catalyst switches name them (Arista's and Nexus's are Ethernet…): a stack
# member's (GigabitEthernet1/0/1, TenGigabitEthernet2/1/1: member 1 or more; an ISR 4000's
# own ports are 0/x/y) or a fixed switch's (FastEthernet0/1 … 0/48: two numbers, slot 0; an
# ISR G2's switch modules are 0/x/y, its own ports routed).
_CATALYST_PORT = lazy_compile(
    r"^(Fast|Gigabit|TwoGigabit|FiveGigabit|TenGigabit|FortyGigabit|AppGigabit)Ethernet\d|^(TwentyFive|Hundred)GigE\d"
)
_STACK_PORT = lazy_compile(r"^\D+[1-9]\d?/[01]/\d+$")
_FIXED_PORT = lazy_compile(r"^(FastEthernet|GigabitEthernet)0/\d+$")
# The port each VPDN tunnel server answers on (RFC 2661 L2TP and RFC 2341 L2F: udp/1701;
# RFC 2637 PPTP: its control connection, tcp/1723 — the GRE packets that carry its
# sessions belong to a call opened there and open nothing by themselves).
VPDN_PORTS = {"l2tp": (PROTO_UDP, 1701), "l2f": (PROTO_UDP, 1701), "pptp": (PROTO_TCP, 1723)}
FIXED_PORTS = 8  # switch ports named like a Catalyst 2960's, from which it looks like one


def _not_connected(dev: Device) -> dict:
    """Match fields selecting "an address the device receives at run time" for a port
    forward onto it: any address outside the subnets its interfaces hold (configured and
    virtual, shut down or not), as the engine's candidates are (netaudit/reach/runtime.py:
    never an address of a configured subnet); with no subnet at all, any address."""
    nets = sorted({a.cidr for itf in dev.interfaces.values() for a in itf.owns()})
    return {"dst": tuple(AddrMatch.prefix(n) for n in nets), "dst_negate": True} if nets else {"dst": None}
