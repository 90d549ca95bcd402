"""Huawei VRP: what was read → the vendor-neutral model, once the whole file is read.

Cross-references are resolved here: port roles and their defaults, Eth-Trunk members,
ACLs (rule-number order) and where they are applied (``traffic-filter`` on interfaces,
VLANs or the whole device; ``traffic-policy`` classifier/behavior pairs), NAT, the
management services, references.  The VRP rules and defaults are in
docs/vendors/huawei_vrp.md; each errs towards *more* reachability or marks the
construct partial — a "blocked" never rests on a guess.
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Filter,
    FilterLine,
    IfKind,
    Interface,
    L2Mode,
    Match,
    MgmtService,
    NatRule,
    PortRange,
    Reference,
    Src,
)
from netaudit.parsers.base import join_reasons, login_access_lists, runtime_address_match
from netaudit.parsers.huawei_vrp.state import IfState, VrpState, in_block
from netaudit.parsers.huawei_vrp.syntax import hostname_of_file
from netaudit.parsers.ip import ip_to_int, prefix_of

TRAFFIC_FILTER_DEFAULT = Text("input.vrp.default.traffic_filter")
# `V200R019C10SPC500` → (200, 19): the releases whose login servers answer on every
# address without a `server-source` line (docs/vendors/huawei_vrp.md, "Management plane")
_RELEASE = re.compile(r"V(\d{3})R(\d{3})", re.I)
POLICY_DEFAULT = Text("input.vrp.default.traffic_policy")
LOGIN_DEFAULT = Text("input.vrp.default.acl")


class ModelBuilder(VrpState):
    """:meth:`finish`: the conversion to the model."""

    # What a login / SNMP / NAT use of an ACL does with a packet no rule matches, and why
    # an unwritten service default is partial, in VRP's words; a dialect of the same
    # skeleton (H3C Comware: parsers/h3c_comware/) says them in its own.
    LOGIN_DEFAULT = LOGIN_DEFAULT

    def server_default(self, proto: str) -> Text:
        """Why a login service without its ``… server enable`` line is partial."""
        return Text("input.vrp.server_default", command="telnet" if proto == "telnet" else "stelnet")

    def vty_protocol_default(self) -> Text:
        """Why a vty without ``protocol inbound`` makes the login service partial."""
        return Text("input.vrp.vty_protocol_default")

    def nat_and_filter(self) -> Text:
        """Why an interface with ``nat outbound`` and an outbound filter is partial."""
        return Text("input.vrp.nat_and_filter")

    def server_source_default(self, proto: str) -> Text | None:
        """Why a login server (``ssh`` — STelnet, SFTP, SNETCONF — or ``telnet``) without a
        ``server-source`` line, or the SNMP agent (``snmp``) without a ``snmp-agent
        protocol source-interface|source-status`` line, may answer on no address, or None
        where it answers on every address: VRP V100 and V200R001–V200R019 (not a CloudEngine
        / VRP8 form).  On V200R020 and later, V300, V600 and CloudEngine releases the
        documented default is "no interface" on some and "every interface" on others;
        without a version line the release is not known: partial
        (docs/vendors/huawei_vrp.md, "Management plane")."""
        version = self.facts.software_version or ""
        m = _RELEASE.match(version)
        if m and self.vrp8_form is None:
            major, release = int(m.group(1)), int(m.group(2))
            if major == 100 or (major == 200 and release < 20):
                return None
        if proto == "snmp":
            if not m:
                return Text("input.vrp.snmp_source_no_version")
            return Text("input.vrp.snmp_source_default", version=version)
        command = "ssh" if proto == "ssh" else "telnet"
        if not m:
            return Text("input.vrp.server_source_no_version", command=command)
        return Text("input.vrp.server_source_default", command=command, version=version)

    def http_default(self, key: str) -> Text:
        """Why the web server (``http`` / ``https``) without its enable line is partial."""
        return Text("input.vrp.http_default", command="http server" if key == "http" else "http secure-server")

    def finish(self) -> None:
        dev = self.dev
        if not dev.hostname:
            dev.hostname = hostname_of_file(self.file)
        self.rep.devices = [dev.hostname]
        for name, src in self.zone_members:
            st = self.ifs.get(name)
            if st is not None:
                self.iface_partial(st.iface, Text("input.vrp.zone_member"), src)
        if self.security_policy is None and self.usg_zone is not None:
            self.security_policy, self.security_policy_why = self.usg_zone, Text("input.vrp.usg_zones")
        if self.security_policy is not None:
            for st in self.ifs.values():
                self.iface_partial(st.iface, self.security_policy_why, self.security_policy)
        self._finish_acls()
        self._finish_interfaces()
        self._finish_filters()
        self._finish_port_filters()
        self._finish_nat()
        self._finish_services()
        self.finish_wlan()
        defined = {"acl": set(self.acls) | set(self.acl_alias), "vrf": dev.vrfs, "traffic-policy": set(self.policies)}
        for kind, name, src in self.refs:
            dev.references.append(Reference(kind, name, src, name in defined.get(kind, ())))

    # ------------------------------------------------------------------ ACLs

    def acl_name(self, name: str) -> str:
        """The ACL a reference names (``3001`` may be the number of ``acl name X 3001``)."""
        return name if name in self.acls else self.acl_alias.get(name, name)

    def _finish_acls(self) -> None:
        """Every ACL as a filter, rules in rule-number order, ending in deny (how login,
        SNMP and NAT read an ACL; a traffic-filter reads it ending in permit:
        :meth:`_traffic_filter`)."""
        for name, acl in self.acls.items():
            lines = [acl.rules[n] for n in sorted(acl.rules)]
            partial = acl.partial
            if acl.auto_order and len({ln.action for ln in lines}) > 1:
                # Depth-first order (the most specific rule first, then rule number):
                # with permits and denies both, which rule decides is not modelled.
                partial = Text("input.vrp.match_order_auto")
                self.rep.add_partial(f"acl {name}", partial, acl.src)
            self.dev.filters[name] = Filter(
                name, lines, Action.DENY, kind="acl", source=acl.src, partial=partial, default_text=self.LOGIN_DEFAULT
            )

    def _login_acl(self, name: str | None) -> str | None:
        """The filter restricting a service by ACL ``name``: None when there is none to
        apply — no ACL, an undefined one, or one without rules (VRP: login rights are
        not restricted then)."""
        if name is None:
            return None
        real = self.acl_name(name)
        flt = self.dev.filters.get(real)
        if flt is None or (not flt.lines and not flt.partial):
            return None
        return real

    # ------------------------------------------------------------------ interfaces

    def _finish_interfaces(self) -> None:
        dev = self.dev
        parents = {st.iface.parent for st in self.ifs.values() if st.iface.parent}
        for name in sorted(parents):  # a sub-interface's parent is a routed port
            if name and name not in self.ifs:
                self._iface(name, self.ifs[next(n for n in self.ifs if n.startswith(name + "."))].iface.source)
        for name, st in list(self.ifs.items()):
            iface = st.iface
            iface.addresses = ([st.primary] if st.primary else []) + st.subs
            self._resolve_mode(st, routed_parent=name in parents)
        for st, vip, _ in self.vrrp:
            plen = next((a.prefixlen for a in st.iface.addresses if int(a.first) <= vip <= int(a.last)), 32)
            st.iface.virtual_addresses.append(prefix_of(vip, plen))
        for pool, net in self.dhcp_pool_nets:  # the segment a global DHCP pool serves is named by it
            for st in self.ifs.values():
                itf = st.iface
                if pool not in itf.segment_names and any(net.first <= a.value <= net.last for a in itf.addresses):
                    itf.segment_names.append(pool)
        for name, st in list(self.ifs.items()):
            if st.eth_trunk is None:
                continue
            bundle, member_src = st.eth_trunk
            if bundle not in self.ifs:
                self._iface(bundle, member_src)
                self._resolve_mode(self.ifs[bundle], routed_parent=False)
            m, p = st.iface, dev.interfaces[bundle]
            m.parent = bundle
            m.mode, m.access_vlan = p.mode, p.access_vlan
            m.allowed_vlans, m.native_vlan = p.allowed_vlans, p.native_vlan
            self.facts.eth_trunk_members[name] = bundle

    def _resolve_mode(self, st: IfState, routed_parent: bool) -> None:
        """The port's role: ``undo portswitch`` or an address (and no ``port`` line) →
        routed; ``port`` lines, or an Ethernet port with neither on a device that switches
        (VLANs, other L2 ports) → L2.  The default link type (hybrid on early V200
        releases, negotiation on later S-series) carries VLAN 1 untagged only in every
        release: an L2 port without ``port`` lines is an access port of VLAN 1."""
        iface = st.iface
        if iface.kind not in (IfKind.PHYSICAL, IfKind.PORT_CHANNEL) or not self.switchable(iface.name):
            iface.mode = L2Mode.ROUTED
            return
        if st.routed is not None or routed_parent or (st.l3_cmd and not st.l2_cmd):
            iface.mode = L2Mode.ROUTED
            return
        if not st.l2_cmd and not self.switch_like:
            iface.mode = L2Mode.ROUTED
            return
        link = st.link_type
        if link is None:
            hybrid = st.hybrid_tagged or st.hybrid_untagged != {1}
            trunk = st.trunk_all or st.trunk_allowed != {1}
            link = "hybrid" if hybrid else "trunk" if trunk else "access"
        if link == "trunk":
            iface.mode = L2Mode.TRUNK
            iface.allowed_vlans = None if st.trunk_all else frozenset(st.trunk_allowed)
            iface.native_vlan = st.pvid or 1
        elif link == "hybrid":
            # Untagged frames enter the pvid VLAN (dropped when it is not allowed);
            # tagged frames of an allowed VLAN enter it: the model's trunk.
            iface.mode = L2Mode.TRUNK
            iface.allowed_vlans = frozenset(st.hybrid_untagged | st.hybrid_tagged)
            iface.native_vlan = st.pvid or 1
        else:
            iface.mode = L2Mode.ACCESS
            iface.access_vlan = st.default_vlan or 1
            if link == "dot1q-tunnel" and st.link_src is not None:
                self.iface_partial(iface, Text("input.vrp.dot1q_tunnel"), st.link_src)
            elif link.startswith("negotiation") and st.link_src is not None:
                self.iface_partial(iface, Text("input.vrp.lnp"), st.link_src)

    # ------------------------------------------------------------------ filters

    def _traffic_filter(self, name: str, src: Src) -> str:
        """The filter a ``traffic-filter … acl NAME`` applies: the ACL's rules, a packet no
        rule matches passing.  An ACL not defined (or without rules) filters nothing: a
        permit-all filter citing the traffic-filter line, so a witness names the cause."""
        real = self.acl_name(name)
        base = self.dev.filters.get(real)
        if base is not None and (base.lines or base.partial):
            key = f"{real} (traffic-filter)"
            if key not in self.dev.filters:
                self.dev.filters[key] = Filter(
                    key,
                    list(base.lines),
                    Action.PERMIT,
                    kind="synthesized",
                    source=base.source,
                    partial=base.partial,
                    default_text=TRAFFIC_FILTER_DEFAULT,
                )
            return key
        what = Text("input.vrp.default.acl_empty" if base is not None else "input.vrp.default.acl_undefined", acl=name)
        key = f"{name} ({'no rules' if base is not None else 'undefined'})"
        # the line as cited: the configuration line, then the note in the report's language
        cite = Src(src.file, src.line, Text("input.vrp.default.annotated_line", line=src.text, note=what))
        flt = self.dev.filters.get(key)
        if flt is None:
            flt = self.dev.filters[key] = Filter(
                key, [], Action.PERMIT, kind="synthesized", source=src, default_text=what
            )
        flt.lines.append(FilterLine(Action.PERMIT, [Match()], cite, name=key))
        return key

    def _behavior_passes(self, name: str) -> bool:
        """Whether ``traffic behavior NAME`` is defined, permits and does nothing that
        changes where a packet goes."""
        beh = self.behaviors.get(name)
        return beh is not None and beh.action == "permit" and not beh.unread

    def _traffic_policy(self, name: str, src: Src) -> tuple[str, str | None]:
        """``traffic-policy NAME``: its classifier/behavior pairs in order as one filter —
        a packet matching a classifier's ACL (a permit rule of it) gets the behavior's
        ``deny`` or ``permit``; no classifier matched: it passes.  What is not modelled
        (other if-match clauses, ``operator and`` over several ACLs, deny rules in a
        classifier's ACL, behaviors such as redirect) makes the filter partial."""
        key = f"traffic-policy {name}"
        if key in self.dev.filters:
            return key, self.dev.filters[key].partial
        why: list[str] = []
        lines: list[FilterLine] = []
        if name not in self.policies:
            why.append(Text("input.vrp.policy_undefined", name=name))
        pairs = self.policies.get(name, [])
        # A policy whose every behavior permits and does nothing else (a QoS policy:
        # queueing, marking, counting) passes every packet, whatever its classifiers match
        # — but for the deny rules of a classifier's ACL, which the S-series drops whatever
        # the behavior: those (or an ACL not fully read) keep it partial.
        passes = all(self._behavior_passes(bn) for _, bn, _ in pairs)
        for cname, bname, _ in pairs:
            cls, beh = self.classifiers.get(cname), self.behaviors.get(bname)
            if passes:
                for acl_name in cls.acls if cls is not None else ():
                    base = self.dev.filters.get(self.acl_name(acl_name))
                    if base is not None and base.partial:
                        why.append(Text("input.at", where=f"ACL {acl_name}", what=base.partial))
                    for ln in base.lines if base is not None else ():
                        if ln.action == Action.DENY:
                            why.append(Text("input.vrp.classifier_deny", acl=acl_name, rule=ln.name))
                continue
            if cls is None and cname == "default-class" and beh is not None:
                # the built-in class of the packets no other classifier matched (AR CBQ)
                if beh.unread:
                    why.append(Text("input.vrp.behavior_unread", behavior=bname, lines="; ".join(beh.unread)))
                act = Action.DENY if beh.action == "deny" else Action.PERMIT
                lines.append(FilterLine(act, [Match()], src, name=f"{cname}/{bname}"))
                continue
            if cls is None or beh is None:
                why.append(Text("input.vrp.pair_undefined", classifier=cname, behavior=bname))
                continue
            if cls.unread:
                # the clauses as written (configuration text, never translated)
                why.append(Text("input.vrp.classifier_unread", classifier=cname, lines="; ".join(cls.unread)))
            if beh.unread:
                why.append(Text("input.vrp.behavior_unread", behavior=bname, lines="; ".join(beh.unread)))
            if cls.operator == "and" and len(cls.acls) > 1:
                why.append(Text("input.vrp.classifier_and", classifier=cname))
            action = Action.DENY if beh.action == "deny" else Action.PERMIT
            for acl_name in cls.acls:
                base = self.dev.filters.get(self.acl_name(acl_name))
                if base is None:
                    why.append(Text("input.vrp.classifier_acl_undefined", classifier=cname, acl=acl_name))
                    continue
                if base.partial:
                    why.append(Text("input.at", where=f"ACL {acl_name}", what=base.partial))
                for ln in base.lines:
                    if ln.action == Action.DENY:
                        why.append(Text("input.vrp.classifier_deny", acl=acl_name, rule=ln.name))
                        continue
                    lines.append(
                        FilterLine(action, ln.matches, ln.source, name=f"{cname}/{bname} {ln.name}", partial=ln.partial)
                    )
        used = {f"traffic policy {name}"} | (
            set() if passes else {f"traffic classifier {c}" for c, _, _ in self.policies.get(name, [])}
        )
        why += [in_block(label, reason) for label, reason in self.unread_mqc if label in used]
        partial = join_reasons(list(dict.fromkeys(why))) or None
        self.dev.filters[key] = Filter(
            key, lines, Action.PERMIT, kind="synthesized", source=src, partial=partial, default_text=POLICY_DEFAULT
        )
        if partial:
            self.rep.add_partial(key, partial, src)
        return key, partial

    def _finish_filters(self) -> None:
        for st in self.ifs.values():
            iface = st.iface
            for attr, filters, policies in (
                ("filter_in", st.filters_in, st.policies_in),
                ("filter_out", st.filters_out, st.policies_out),
            ):
                if filters:
                    name, src = filters[-1]  # VRP keeps the last IPv4 traffic-filter of a direction
                    setattr(iface, attr, self._traffic_filter(name, src))
                if policies:
                    pname, psrc = policies[-1]
                    self.ref("traffic-policy", pname, psrc)
                    if filters:
                        self.iface_partial(iface, Text("input.vrp.filter_and_policy"), psrc)
                    else:
                        key, part = self._traffic_policy(pname, psrc)
                        if self.dev.filters[key].lines or part:
                            setattr(iface, attr, key)  # (a policy passing every packet filters nothing)
        # traffic-filter vlan V …: on the VLAN's routed interface (the packets it routes
        # are those received in the VLAN); traffic-filter … (system view): every one.
        vlanifs = {i.svi_vlan: i for i in self.dev.interfaces.values() if i.kind == IfKind.SVI}
        targets: list[tuple[Interface, str, str, Src]] = [
            (vlanifs[v], d, n, s) for v, d, n, s in self.vlan_ifaces_filters if v in vlanifs
        ]
        for d, n, s in self.global_filters:
            targets += [(i, d, n, s) for i in self.dev.interfaces.values() if i.mode == L2Mode.ROUTED]
        for iface, direction, name, src in targets:
            attr = "filter_in" if direction == "inbound" else "filter_out"
            if getattr(iface, attr) is not None:
                self.iface_partial(iface, Text("input.vrp.filter_order"), src)
                continue
            setattr(iface, attr, self._traffic_filter(name, src))

    def _finish_port_filters(self) -> None:
        """A ``traffic-filter`` or ``traffic-policy`` on a Layer-2 port filters what the port
        receives or sends, switched packets too, where the engine applies filters only on
        routed interfaces: the port and the VLANs it carries are partial (parsers.base
        ``port_partial``), never "reachable" past a filter that is not applied."""
        for st in self.ifs.values():
            port = st.iface
            if port.mode not in (L2Mode.ACCESS, L2Mode.TRUNK):
                continue
            uses = [*st.filters_in, *st.filters_out]
            policies = [*st.policies_in, *st.policies_out]
            if uses:
                command = f"traffic-filter acl {uses[-1][0]}"
                src = uses[-1][1]
            elif policies:
                command = f"traffic-policy {policies[-1][0]}"
                src = policies[-1][1]
            else:
                continue
            self.port_partial(port, Text("input.vrp.port_filter", command=command, interface=port.name), src)

    # ------------------------------------------------------------------ NAT

    def _finish_nat(self) -> None:
        dev = self.dev
        for st in self.ifs.values():
            iface = st.iface
            for acl, group, src, via in st.nat_outbound:
                real = self.acl_name(acl) if acl else None
                rule_kw: dict = {"to_interface": iface.name}
                partial = None
                if via is not None:
                    # Another interface's address (a loopback holding the public one): an
                    # address, not an exit — the packets still leave by this interface.
                    other = dev.interfaces.get(via)
                    if other is None:
                        self.ref("interface", via, src)
                    if other is not None and other.addresses and not other.dynamic_address:
                        rule_kw = {"to_ip": int(other.addresses[0].ip)}
                    else:
                        partial = Text("input.vrp.nat_server_address", iface=via)
                        rule_kw = {}
                elif group is not None:
                    pool = self.nat_groups.get(group)
                    if pool is None or not pool[0]:
                        partial = Text("input.vrp.nat_group_unread", group=group)
                        rule_kw = {}
                    else:
                        rule_kw = {"to_ip": pool[0]}
                        if pool[0] != pool[1]:
                            first = Text("input.vrp.nat_group_first", group=group)
                            self.rep.add_partial("nat outbound", first, src)
                if acl:
                    self.ref("acl", acl, src)
                if real is None or real not in dev.filters:
                    partial = partial or Text("input.vrp.nat_acl_undefined", acl=acl)
                rule = NatRule(
                    kind="source",
                    acl=real if real in dev.filters else None,
                    out_ifaces=frozenset({iface.name}),
                    source=src,
                    partial=partial,
                    **rule_kw,
                )
                if partial:
                    self.rep.add_partial("nat outbound", partial, src)
                dev.nat_rules.append(rule)
                if iface.filter_out is not None:
                    # Whether the outbound traffic-filter sees the packet before or after
                    # the translation is not established: its verdicts are uncertain.
                    self.iface_partial(iface, self.nat_and_filter(), src)
        for rule, glob_iface in self.nat_rules:
            if glob_iface is not None:
                glob = dev.interfaces.get(glob_iface)
                if glob is None:
                    # `global interface X` naming an interface the file does not have
                    assert rule.source is not None
                    self.ref("interface", glob_iface, rule.source)
                    rule.partial = Text("input.vrp.nat_server_address", iface=glob_iface)
                    self.rep.add_partial("nat server", rule.partial, rule.source)
                elif glob.addresses:
                    rule.match = Match(
                        dst=(AddrMatch.host(int(glob.addresses[0].ip)),),
                        protocols=rule.match.protocols,
                        dst_ports=rule.match.dst_ports,
                    )
                elif glob.dynamic_address:
                    rule.match = Match(
                        **runtime_address_match(dev), protocols=rule.match.protocols, dst_ports=rule.match.dst_ports
                    )
                else:
                    rule.partial = Text("input.vrp.nat_server_address", iface=glob_iface)
                    assert rule.source is not None
                    self.rep.add_partial("nat server", rule.partial, rule.source)
            dev.nat_rules.append(rule)

    # ------------------------------------------------------------------ services

    def _vty_allows(self, proto: str) -> tuple[bool | None, list]:
        """Whether some vty admits ``proto`` (True / False / None: the release's default
        ``protocol inbound`` decides), and the vty blocks that may."""
        vty = [ui for ui in self.uis if ui.kind == "vty"]
        if not vty:
            return None, []
        may = [ui for ui in vty if ui.protocols is None or proto in ui.protocols]
        if any(ui.protocols is not None and proto in ui.protocols for ui in vty):
            return True, may
        if not may:
            return False, []
        return None, may

    def _binding(self, proto: str) -> tuple[frozenset[str] | None, list]:
        """The interfaces whose addresses the ``proto`` server answers on (None: every
        address) and why that is not exact, from its ``server-source`` lines: ``-i IF``
        and ``-a A`` (the interface owning A) each add an interface; ``all-interface`` —
        alone or with ``-i`` (the ``-i`` interface first, then any other: Huawei) — every
        address; ``undo … all-interface`` without ``-i`` / ``-a``: none.  What cannot be
        placed (an interface not in the file, an address no interface or several own, a
        VPN instance not the owner's, a form not modelled) leaves it unrestricted, partial;
        an address beside others on its interface binds the interface, partial.  Without
        a line, the release's default (:meth:`server_source_default`)."""
        ss = self.server_sources.get(proto)
        if ss is None or (ss.all_interface is None and not ss.interfaces and not ss.addresses and not ss.unread):
            default = self.server_source_default(proto)
            return None, [default] if default else []
        why: list = [Text("input.vrp.server_source_unread", line=u.text) for u in ss.unread]
        if ss.all_interface:
            return None, why
        names: set[str] = set()
        unrestricted = bool(ss.unread)
        ifaces = self.dev.interfaces
        for name in ss.interfaces:
            if name in ifaces:
                names.add(name)
            else:
                missing = "input.vrp.snmp_source_missing" if proto == "snmp" else "input.vrp.server_source_missing"
                why.append(Text(missing, iface=name))
                unrestricted = True
        for addr, vpn, _ in ss.addresses:
            ip = ip_to_int(addr)
            owners = [i for i in ifaces.values() if any(int(a.ip) == ip for a in i.owns())]
            if len(owners) != 1 or (vpn is not None and vpn != owners[0].vrf):
                why.append(Text("input.vrp.server_source_address_unknown", address=addr))
                unrestricted = True
                continue
            names.add(owners[0].name)
            if len(owners[0].owns()) > 1:
                why.append(Text("input.vrp.server_source_address_more", address=addr, iface=owners[0].name))
        return (None if unrestricted else frozenset(names)), why

    def _remote_login(self, proto: str, port: int) -> None:
        dev = self.dev
        server = self.mgmt.get(proto)
        vty_ok, vtys = self._vty_allows(proto)
        if (server is not None and not server[0]) or vty_ok is False:
            return
        why: list[str] = []
        if server is None:
            why.append(self.server_default(proto))
        if vty_ok is None:
            why.append(self.vty_protocol_default())
        why += [in_block(ui.src.text, ui.partial) for ui in vtys if ui.partial]
        # vty blocks with different ACLs: whoever one of them admits may log in (a
        # session is given any free vty), a source none admits never can
        logins = [(self._login_acl(ui.acl[0]) if ui.acl else None, ui.protocol_src or ui.src) for ui in vtys]
        admitted: list[tuple[str | None, Src | None]] = login_access_lists(logins) if logins else [(None, None)]
        server_acl = self.server_acls.get(proto)
        own = self._login_acl(server_acl[0]) if server_acl else None
        if own is not None:
            # `ssh|telnet server acl N` restricts every login by the protocol; with a vty
            # ACL too both apply, and only one is modelled: the service is partial
            vty_acl = next((acl for acl, _ in admitted if acl is not None and acl != own), None)
            if vty_acl is not None:
                why.append(Text("input.vrp.two_login_acls", proto=proto, vty=vty_acl, server=own))
            admitted = [(own, None)]
        first = server[1] if server is not None else logins[0][1] if logins else None
        bound_to, bound_why = self._binding(proto)
        why += bound_why
        permit = self.permit_interfaces.get(proto)
        if permit is not None:
            why.append(Text("input.vrp.permit_interface", line=permit.text))
        partial = join_reasons(why) or None
        for acl, line in admitted:
            dev.services.append(
                MgmtService(
                    proto,
                    PROTO_TCP,
                    (PortRange(port, port),),
                    acl=acl,
                    insecure=proto == "telnet",
                    source=first if len(admitted) == 1 else line,
                    partial=partial,
                    bound_to=bound_to,
                )
            )

    def _netconf(self, port: int, src: Src) -> None:
        """NETCONF over SSH on tcp/``port`` (CloudEngine ``netconf`` / ``protocol inbound
        ssh port N``): a login path, as SSH is.  Off with ``undo snetconf server enable``;
        without a ``snetconf server enable`` line whether it answers depends on the release
        (partial).  ``ssh server acl N`` is taken as its ACL, partial: that it applies to
        NETCONF sessions too is not established."""
        server = self.mgmt.get("netconf")
        if server is not None and not server[0]:
            return
        why: list[str] = []
        if server is None:
            why.append(Text("input.vrp.netconf_default"))
        server_acl = self.server_acls.get("ssh")
        acl = self._login_acl(server_acl[0]) if server_acl else None
        if acl is not None:
            why.append(Text("input.vrp.netconf_acl", acl=acl))
        # `ssh server-source` binds SNETCONF logins too (Huawei: "SFTP, STelnet, SCP, and
        # SNETCONF users")
        bound_to, bound_why = self._binding("ssh")
        why += bound_why
        self.dev.services.append(
            MgmtService(
                "netconf",
                PROTO_TCP,
                (PortRange(port, port),),
                acl=acl,
                source=server[1] if server is not None else src,
                partial=join_reasons(why) or None,
                bound_to=bound_to,
            )
        )

    def web_source_reason(self) -> Text:
        """Why the web server is partial when a ``server-source`` line binds it: which
        addresses it then answers on is not established (the first such line named)."""
        return Text("input.vrp.web_server_source", line=self.web_sources[0].text)

    def _finish_services(self) -> None:
        dev = self.dev
        self._remote_login("telnet", self.telnet_port)
        self._remote_login("ssh", self.ssh_port)
        http_acl = self._login_acl(self.http_acl[0]) if self.http_acl else None
        for key, port, insecure in (("http", self.http_port, True), ("https", self.https_port, False)):
            state = self.mgmt.get(key)
            if state is not None and not state[0]:
                continue
            if state is None and self.web_manager is not None:
                continue  # a `web-manager` release has no `http server`: its web server is below
            partial: str | None = None
            ports: tuple[PortRange, ...] = (PortRange(port, port),)
            if state is None:
                partial = self.http_default(key)
            elif key == "https" and not self.web_port_given:
                # `web-manager enable` without its port: 443 or 8443 by release
                partial = Text("input.vrp.web_manager_port")
                ports = (PortRange(443, 443), PortRange(8443, 8443))
            if self.web_sources:
                partial = join_reasons([partial, self.web_source_reason()]) or None
            dev.services.append(
                MgmtService(
                    key,
                    PROTO_TCP,
                    ports,
                    acl=http_acl,
                    insecure=insecure,
                    source=state[1] if state else self.version_src,
                    partial=partial,
                )
            )
        https = self.mgmt.get("https")
        if self.web_redirect is not None and https is not None and https[0]:
            # answers tcp/80 with a redirect to HTTPS: no login over cleartext HTTP
            dev.services.append(
                MgmtService(
                    "http-redirect",
                    PROTO_TCP,
                    (PortRange(80, 80),),
                    source=self.web_redirect,
                    partial=self.web_source_reason() if self.web_sources else None,
                )
            )
        if self.netconf is not None:
            self._netconf(*self.netconf)
        if self.snmp_agent is not None:
            general = self.snmp_acl[0] if self.snmp_acl else None
            logins = [(self._login_acl(a or general), src) for a, src in self.snmp]
            admitted = login_access_lists(logins) if logins else [(self._login_acl(general), self.snmp_agent)]
            # The agent listens once any `snmp-agent` line is there; without a community, a
            # v3 group or a v3 user nobody can query it (`snmp-agent local-engineid …`,
            # `snmp-agent trap enable` alone): the port, not an SNMP login.
            name = "snmp" if self.snmp or self.snmp_users else "snmp-agent"
            # where the agent answers: `snmp-agent protocol source-interface|source-status …`,
            # else the release's default; `snmp-agent protocol server disable`: nowhere
            bound_to, bound_why = self._binding("snmp")
            if self.snmp_server_off is not None:
                bound_to, bound_why = frozenset(), []
            bound_why = [*self.snmp_unread, *bound_why]
            for acl, src in admitted:
                dev.services.append(
                    MgmtService(
                        name,
                        PROTO_UDP,
                        (PortRange(161, 161),),
                        acl=acl,
                        insecure=True,
                        source=src,
                        partial=join_reasons(bound_why) or None,
                        bound_to=bound_to,
                    )
                )
        ftp = self.mgmt.get("ftp")
        if ftp is not None and ftp[0]:
            self.facts.ftp_server = ftp[1]
            dev.services.append(
                MgmtService(
                    "ftp",
                    PROTO_TCP,
                    (PortRange(21, 21),),
                    acl=self._login_acl(self.ftp_acl),
                    insecure=True,
                    source=ftp[1],
                )
            )
        dhcp_ifs = frozenset(st.iface.name for st in self.ifs.values() if st.dhcp_select is not None)
        if self.dhcp_enable is not None and dhcp_ifs:
            dev.services.append(
                MgmtService("dhcp", PROTO_UDP, (PortRange(67, 67),), interfaces=dhcp_ifs, source=self.dhcp_enable)
            )
        if self.dns_proxy is not None:
            dev.services.append(MgmtService("dns", PROTO_UDP, (PortRange(53, 53),), source=self.dns_proxy))
        dev.services.append(MgmtService("icmp-echo", PROTO_ICMP, icmp_type=8))
