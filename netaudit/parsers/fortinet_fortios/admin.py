"""FortiOS administrative access and the control plane: what reaches the FortiGate itself.

Read box-wide: administrators and their trusted hosts (``config system admin``), SNMP
(sysinfo, communities and their hosts, v3 users), probe-response, FortiManager push, NTP
server mode; per VDOM, the DHCP and DNS servers.  Converted per VDOM
(:class:`ControlPlane`): one ``MgmtService`` per ``allowaccess`` protocol and interface,
its ACL pinning the destination to that interface's addresses and, for admin logins, the
sources to the trusted hosts (only when every administrator has some); the other
listeners; and the ``local-in`` input filter — explicit local-in policies, then the
ingress interface's own addresses, then the forward policies restricted to the box's
own addresses (FortiOS: reaching another interface's address is through traffic).
See docs/vendors/fortinet_fortios.md, "Administrative access".
"""

from __future__ import annotations

from collections.abc import Iterable

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import (
    PROTO_ICMP,
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Filter,
    FilterLine,
    Match,
    MgmtService,
    PortRange,
    Src,
)
from netaudit.parsers.base import configured_hosts, evolve, join_reasons, runtime_address_match
from netaudit.parsers.fortinet_fortios.addresses import parse_prefix
from netaudit.parsers.fortinet_fortios.facts import Admin, SnmpCommunity
from netaudit.parsers.fortinet_fortios.policy import Policies, match_specs
from netaudit.parsers.fortinet_fortios.services import Piece
from netaudit.parsers.fortinet_fortios.state import ANY, INPUT_FILTER, SERVICE_NEGATE, ParseState, Vdom, settings_unread
from netaudit.parsers.fortinet_fortios.tables import ACCESS, ACCESS_UNMODELLED
from netaudit.parsers.fortinet_fortios.tree import IGNORE, MODEL, UNRECOGNIZED, Block
from netaudit.parsers.ip import prefix_of

_ADMIN = ("https", "http", "ssh", "telnet")
_ISDB_SOURCES_LOCAL = Text("input.fortios.isdb_sources_local")


# A firewall policy's copy in `local-in` (traffic to the FortiGate's own addresses from
# another interface): that it can never match there says nothing of the policy, whose
# own shadowing is checked on `firewall-policy` (line_reachability.shadowed_lines: no report, no proof).
_POLICY_COPY = Text("input.fortios.local_in_policy_copy")


class AdminSections(ParseState):
    """Readers of the administrative sections (box-wide) and of a VDOM's DHCP/DNS servers."""

    def h_admins(self, blk: Block) -> None:
        for e in blk.entries.values():
            hosts = []
            any_host = False
            for k in range(1, 11):
                key = f"trusthost{k}"
                vals = e.get(key)
                if vals is None:
                    continue
                net = parse_prefix(vals)
                if net is None:
                    e.mark(key, UNRECOGNIZED)
                    continue
                if net.prefixlen == 0:
                    any_host = True
                    continue
                hosts.append((net.cidr, self.set_src(e, key)))
            for child in e.children.values():
                child.disp = IGNORE
            e.mark("vdom")  # read: the account's scope and profile grant no access
            e.mark("accprofile")
            self.admins.append(
                Admin(e.name, self.src(e.edit_line), [] if any_host else hosts, bool(hosts) and not any_host)
            )
            e.leftover(ignore_prefixes=("",))

    def h_snmp_sysinfo(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        self.snmp_enabled = blk.low("status", "disable") == "enable"

    def h_snmp_community(self, blk: Block) -> None:
        for e in blk.entries.values():
            name = e.first("name", "")
            if name:
                self.secrets.add(name)
                self.secret_on_lines(e.settings["name"].lines, name)
            hosts = []
            open_host = False
            hb = e.child("hosts")
            if hb is not None:
                hb.disp = MODEL
                for he in hb.entries.values():
                    net = parse_prefix(he.get("ip"))
                    if net is None or net.prefixlen == 0:
                        open_host = True
                    else:
                        hosts.append((net.cidr, self.set_src(he, "ip")))
                    he.leftover(ignore_prefixes=("",))
            for child in e.children.values():
                if child is not hb:
                    child.disp = IGNORE
            enabled = e.low("status", "enable") == "enable"
            queries = e.low("query-v1-status", "enable") == "enable" or e.low("query-v2c-status", "enable") == "enable"
            if enabled and queries:
                self.snmp_communities.append(
                    SnmpCommunity(self.src(e.edit_line), [] if open_host else hosts, bool(hosts) and not open_host)
                )
            e.leftover(ignore_prefixes=("",))

    def h_snmp_user(self, blk: Block) -> None:
        for e in blk.entries.values():
            if e.low("status", "enable") == "enable" and e.low("queries", "enable") == "enable":
                self.snmp_users.append({"source": self.src(e.edit_line)})
            e.leftover(ignore_prefixes=("",))

    def h_probe_response(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        port = blk.first("port")
        if port and port.isdecimal():
            self.ports["probe-response"] = int(port)
        self.probe_udp = blk.low("mode", "http-probe") == "twamp"

    def h_ftm_push(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        port = blk.first("server-port")
        if port and port.isdecimal():
            self.ports["ftm"] = int(port)

    def h_ntp(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE
        if blk.low("server-mode", "disable") == "enable":
            for ifn in blk.get("interface") or []:
                self.ntp_ifaces.append((ifn, self.set_src(blk, "server-mode")))

    def h_dhcp_server(self, blk: Block, v: Vdom) -> None:
        v.blocks.setdefault("_dhcp", [])
        for e in blk.entries.values():
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            ifn = e.first("interface")
            if ifn:
                v.blocks["_dhcp"].append((ifn, self.set_src(e, "interface")))
            for child in e.children.values():
                child.disp = IGNORE
            e.leftover(ignore_prefixes=("",))

    def h_dns_server(self, blk: Block, v: Vdom) -> None:
        v.blocks.setdefault("_dns", [])
        for e in blk.entries.values():
            v.blocks["_dns"].append((e.name, self.src(e.edit_line)))
            e.leftover(ignore_prefixes=("",))


class ControlPlane(Policies):
    """The services and the ``local-in`` input filter of one VDOM (local-in policies are
    policies: resolved like the forward ones)."""

    def _owners(self):
        """(interface, [(IPNetwork, [access], Src)]) for the VDOM's live L3 interfaces."""
        out = []
        for name, itf in self.dev.interfaces.items():
            rec = self.p.ifs.get(name)
            if rec is None or itf.shutdown:
                continue
            addrs = list(rec.addresses)
            for x in rec.vrrp:
                addrs.append((prefix_of(x, 32), rec.access, rec.access_src))
            if addrs:
                out.append((name, addrs, rec))
            elif itf.dynamic_address:
                # Its address is assigned at run time: "an address of this interface" is
                # any address that is not one of the box's configured ones (the engine
                # judges every candidate, docs/semantics.md).
                out.append((name, [(None, rec.access, rec.access_src)], rec))
        return out

    def _own_dst(self, ifn: str, hosts: tuple) -> dict:
        """Match fields selecting "an address of interface ``ifn``" (``hosts`` if static)."""
        if self.dev.interfaces[ifn].dynamic_address and not hosts:
            return runtime_address_match(self.dev)
        return {"dst": hosts}

    def _acl(self, name: str, lines: list[FilterLine], src: Src | None) -> str:
        self.dev.filters[name] = Filter(
            name,
            lines,
            default_action=Action.DENY,
            kind="acl",
            source=src,
            default_text=Text("input.fortios.default.allowaccess"),
        )
        return name

    def _services(self) -> None:
        p, dev = self.p, self.dev
        trust = _trust(p.admins)
        snmp_hosts = None
        if p.snmp_communities and not p.snmp_users and all(c.restricted for c in p.snmp_communities):
            snmp_hosts = [h for c in p.snmp_communities for h in c.hosts]
        snmp_live = p.snmp_enabled and (p.snmp_communities or p.snmp_users)
        self.owner_hosts: dict[str, tuple] = {}
        services: list[MgmtService] = []
        for ifn, addrs, rec in self._owners():
            self.owner_hosts[ifn] = tuple(AddrMatch.host(a.value) for a, _, _ in addrs if a is not None)
            words: list[str] = []
            for _, acc, _ in addrs:
                for w in acc:
                    if w not in words:
                        words.append(w)
            moved: list[str] = []  # admin protocols whose port the file does not set
            for w in words:
                hosts = tuple(AddrMatch.host(a.value) for a, acc, _ in addrs if w in acc and a is not None)
                own = self._own_dst(ifn, hosts)
                asrc = next((s for _, acc, s in addrs if w in acc and s), rec.access_src)
                spec = ACCESS.get(w)
                if spec is None:
                    why = (
                        Text("input.fortios.allowaccess_port", word=w)
                        if w in ACCESS_UNMODELLED
                        else Text("input.fortios.allowaccess_unread", word=w)
                    )
                    services.append(
                        MgmtService(
                            w,
                            PROTO_TCP,
                            (),
                            acl=self._acl(
                                f"allowaccess {ifn} {w}", [FilterLine(Action.PERMIT, [Match(**own)], asrc)], asrc
                            ),
                            source=asrc,
                            partial=why,
                        )
                    )
                    p.partial(f"interface {ifn}", why, asrc)
                    continue
                sname, proto, ports, insecure = spec
                # What the global configuration sets is unknown in a single-VDOM backup:
                # the service may answer on any port, from any source (never "blocked").
                unknown, any_port, any_source = _scope_unknowns(p, w)
                if w == "telnet" and not p.admin_telnet:
                    continue
                if w == "snmp" and not snmp_live and not unknown:
                    continue
                if any_port and w in _ADMIN:
                    # its default port here, partial; any other port: one service below
                    moved.append(w)
                elif any_port:
                    ports = ()
                if ports is None:
                    port = p.ports.get(w)
                    ports = ((port, port),) if port else ()
                if w == "probe-response" and p.probe_udp:
                    proto = PROTO_UDP
                restrict = None
                if any_source:
                    pass  # which sources the global configuration admits is not known
                elif w in _ADMIN and trust is not None:
                    restrict = trust
                elif w == "snmp" and snmp_hosts is not None:
                    restrict = snmp_hosts
                acl = self._acl(f"allowaccess {ifn} {w}", _permit(own, restrict, asrc, self.p.file), asrc)
                services.append(
                    MgmtService(
                        sname,
                        proto,
                        tuple(PortRange(a, b) for a, b in ports),
                        icmp_type=8 if proto == PROTO_ICMP else None,
                        acl=acl,
                        source=asrc,
                        insecure=insecure,
                        partial=unknown,
                    )
                )
                if unknown:
                    p.partial(f"allowaccess {ifn} {w}", unknown, asrc)
            if moved:
                services.append(self._moved_admin_ports(ifn, addrs, moved, trust, rec.access_src))
        # listeners that are not allowaccess
        v = self.v
        # (name, protocol, port ranges, interface, src[, source names, negate])
        extra: list[tuple] = []
        for ifn, src in v.blocks.get("_dhcp", []):
            extra.append(("dhcp", PROTO_UDP, ((67, 67),), ifn, src))
        for ifn, src in v.blocks.get("_dns", []):
            extra.append(("dns", PROTO_UDP, ((53, 53),), ifn, src))
            extra.append(("dns", PROTO_TCP, ((53, 53),), ifn, src))
        for ifn, src in p.ntp_ifaces:
            extra.append(("ntp", PROTO_UDP, ((123, 123),), ifn, src))
        for ifn, src in v.blocks.get("_ike", []):
            extra.append(("ike", PROTO_UDP, ((500, 500), (4500, 4500)), ifn, src))
        for ifaces, port, srcs, neg, src in v.blocks.get("_sslvpn", []):
            # `source-interface` names interfaces, zones, SD-WAN zones or "any"
            listen = self.expand(ifaces, src)
            for ifn in sorted(self.dev.interfaces if listen is None else listen):
                extra.append(("sslvpn", PROTO_TCP, ((port, port),), ifn, src, srcs, neg))
        for item in extra:
            name, proto, ports, ifn, src = item[:5]
            listen_hosts = self.owner_hosts.get(ifn)
            if listen_hosts is None or (not listen_hosts and not self.dev.interfaces[ifn].dynamic_address):
                continue
            own = self._own_dst(ifn, listen_hosts)
            lines = [FilterLine(Action.PERMIT, [Match(**own)], src)]
            partial = None
            if len(item) > 5:
                srcs, neg = item[5], item[6]
                pats, neg2, reasons, _ = self._named_addrs(srcs, neg)
                if reasons and not neg:
                    # The names read exactly admit exactly; those not read (a geography
                    # address …) make the rest of the sources maybe, not the whole service.
                    known, any_flag, _ = self._resolve_names(srcs)
                    if any_flag:  # "all" among them: every source, exactly
                        lines = [FilterLine(Action.PERMIT, [Match(**own)], src)]
                    else:
                        lines = [FilterLine(Action.PERMIT, [Match(src=known, **own)], src)] if known else []
                        lines.append(FilterLine(Action.PERMIT, [Match(**own)], src, partial=join_reasons(reasons)))
                else:
                    if reasons:
                        partial = join_reasons(reasons)
                    lines = [FilterLine(Action.PERMIT, [Match(src=pats, src_negate=neg2, **own)], src)]
            key = f"{name} {ifn}" + ("" if proto == PROTO_UDP or name != "dns" else " tcp")
            acl = self._acl(key, lines, src)
            services.append(
                MgmtService(name, proto, tuple(PortRange(a, b) for a, b in ports), acl=acl, source=src, partial=partial)
            )
        services.extend(self._scope_ntp())
        services.extend(self._l2tp_pptp())
        dev.services.extend(services)
        self.facts.admins = p.admins
        self.facts.admin_trusthosts = [str(n) for n, _ in trust] if trust else None
        self.facts.snmp_communities = p.snmp_communities

    def _moved_admin_ports(self, ifn: str, addrs: list, words: list[str], trust, asrc: Src | None) -> MgmtService:
        """The administrative protocols ``words`` of interface ``ifn`` may answer on any
        TCP port: their ports (``admin-sport`` …) are set in ``config system global``,
        which a single-VDOM backup lacks — a partial service on every other port."""
        hosts = tuple(AddrMatch.host(a.value) for a, acc, _ in addrs if a is not None and any(w in acc for w in words))
        own = self._own_dst(ifn, hosts)
        restrict = trust if trust is not None and not self.p.scope_gap("h_admins") else None
        why = Text("input.fortios.admin_ports", words=", ".join(words))
        self.p.partial(f"allowaccess {ifn} {' '.join(words)}", why, asrc)
        return MgmtService(
            f"{'/'.join(words)} (other port)",
            PROTO_TCP,
            (),
            acl=self._acl(f"allowaccess {ifn} admin ports", _permit(own, restrict, asrc, self.p.file), asrc),
            source=asrc,
            partial=why,
        )

    def _listener(self, name: str, proto: int, port: int, ifn: str, src: Src | None, why: Text | None):
        """Service ``name`` on ``port`` of interface ``ifn``'s addresses (partial: ``why``)."""
        own = self._own_dst(ifn, self.owner_hosts[ifn])
        acl = self._acl(f"{name} {ifn}", _permit(own, None, src, self.p.file), src)
        return MgmtService(name, proto, (PortRange(port, port),), acl=acl, source=src, partial=why)

    def _data_plane_owners(self) -> list[str]:
        """The VDOM's addressed interfaces but a dedicated management port (whose VDOM,
        dmgmt-vdom, runs no VPN server)."""
        return [
            ifn
            for ifn, hosts in self.owner_hosts.items()
            if (hosts or self.dev.interfaces[ifn].dynamic_address)
            and (rec := self.p.ifs.get(ifn)) is not None
            and rec.dedicated is None
        ]

    def _l2tp_pptp(self) -> list[MgmtService]:
        """The L2TP (udp/1701) and PPTP (tcp/1723) servers (docs/vendors/fortinet_fortios.md,
        "L2TP and PPTP").  L2TP over IPsec terminates where a dial-up phase1-interface
        with a transport-mode phase2 listens: ``l2tp-ipsec`` there, a VPN endpoint, when
        ``enforce-ipsec enable``; otherwise cleartext L2TP is taken too (``l2tp``).  Neither
        server has an interface setting: cleartext L2TP and PPTP answer where remote
        clients connect — the dial-up interfaces and the ``role wan`` ones — and, for all
        the configuration says, elsewhere too: partial listeners there, never absent."""
        p, v = self.p, self.v
        out: list[MgmtService] = []
        anywhere = self._data_plane_owners()
        wan = {ifn for ifn in anywhere if (rec := p.ifs.get(ifn)) is not None and rec.role == "wan"}
        for enforced, src, why in v.blocks.get("_l2tp", []):
            transport = v.blocks.get("_transport", set())
            ends = {ifn for ph1, ifn, _ in v.blocks.get("_dialup", []) if ph1 in transport and ifn in anywhere}
            if enforced:
                sure = ends
                rest_why = None if ends else Text("input.fortios.l2tp_no_dialup")
            else:
                sure = set() if why else ends | wan
                rest_why = why or Text("input.fortios.l2tp_cleartext")
            out.extend(self._vpn_listeners("l2tp-ipsec" if enforced else "l2tp", PROTO_UDP, 1701, sure, src))
            if rest_why:
                rest = [ifn for ifn in anywhere if ifn not in sure]
                out.extend(
                    self._vpn_listeners("l2tp-ipsec" if enforced else "l2tp", PROTO_UDP, 1701, rest, src, rest_why)
                )
                if rest:
                    p.partial("config vpn l2tp", rest_why, src)
        for src, why in v.blocks.get("_pptp", []):
            sure = set() if why else wan
            rest_why = why or Text("input.fortios.pptp_anywhere")
            out.extend(self._vpn_listeners("pptp", PROTO_TCP, 1723, sure, src))
            rest = [ifn for ifn in anywhere if ifn not in sure]
            out.extend(self._vpn_listeners("pptp", PROTO_TCP, 1723, rest, src, rest_why))
            if rest:
                p.partial("config vpn pptp", rest_why, src)
        return out

    def _vpn_listeners(self, name, proto, port, ifaces, src, why=None) -> list[MgmtService]:
        return [self._listener(name, proto, port, ifn, src, why) for ifn in sorted(ifaces)]

    def _scope_ntp(self) -> list[MgmtService]:
        """A single-VDOM backup without ``config system ntp``: whether the FortiGate serves
        NTP (``server-mode``) and on which interfaces is set globally, so it may answer
        udp/123 on any of the VDOM's addresses — partial listeners, never "blocked"."""
        p = self.p
        gap = p.scope_gap("h_ntp")
        if not gap:
            return []
        why = _global_scope([Text("input.fortios.scope_ntp")], gap[:1])
        out = []
        for ifn, hosts in self.owner_hosts.items():
            if not hosts and not self.dev.interfaces[ifn].dynamic_address:
                continue
            own = self._own_dst(ifn, hosts)
            src = p.vdom_scope_src
            acl = self._acl(f"ntp {ifn}", _permit(own, None, src, p.file), src)
            out.append(MgmtService("ntp", PROTO_UDP, (PortRange(123, 123),), acl=acl, source=src, partial=why))
        return out

    def _resolve_names(self, names: list[str]) -> tuple[tuple[AddrMatch, ...], bool, list[str]]:
        """(the addresses of the names read exactly, whether one is "all", why the others
        could not be read)."""
        known: list[AddrMatch] = []
        any_flag = False
        reasons: list[str] = []
        for n in names:
            o = self.addr.resolve(n)
            if o.unknown:
                reasons.append(o.unknown)
            elif o.pats is None:
                any_flag = True
            else:
                known.extend(o.pats)
        return tuple(known), any_flag, reasons

    def _named_addrs(self, names: list[str], negate: bool):
        known, any_flag, reasons = self._resolve_names(names)
        if not negate:
            return (None if any_flag or reasons else known), False, reasons, []
        if any_flag:
            return (ANY,), True, [], []
        return known, True, reasons, []

    # ------------------------------------------------------------------ input filter

    def _input_filter(self) -> None:
        """Local traffic: explicit local-in policies, then the ingress interface's own
        addresses, then the forward policies restricted to the box's own addresses
        (reaching interface Y's address from interface X is X → Y through traffic)."""
        dev, p = self.dev, self.p
        flt = Filter(
            INPUT_FILTER,
            kind="policy",
            default_action=Action.DENY,
            default_text=Text("input.fortios.default.local_in"),
        )
        # Its default is cited at the section it belongs to: local-in policies, else
        # the firewall policies that decide reaching another interface's address.
        blk = self.block_of("firewall local-in-policy")
        flt.source = self.src(blk.config_line) if blk is not None else self.filter.source
        for e in self.entries("firewall local-in-policy"):
            src = self.src(e.edit_line)
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            reasons = []
            action = Action.PERMIT if e.low("action", "deny") == "accept" else Action.DENY
            ins = self.expand_setting(e, "intf")
            sneg = e.low("srcaddr-negate", "disable") == "enable"
            dneg = e.low("dstaddr-negate", "disable") == "enable"
            spats, sneg, r1, _ = self._addr_side(e, "srcaddr", sneg, False)
            dpats, dneg, r2, _ = self._addr_side(e, "dstaddr", dneg, False)
            pieces, r3 = self._svc_list(e)
            reasons += r1 + r2 + r3
            if e.low("service-negate", "disable") == "enable":
                reasons.append(SERVICE_NEGATE)
                pieces = [Piece(None)]
            if e.low("internet-service-src", "disable") == "enable":
                reasons.append(_ISDB_SOURCES_LOCAL)
                spats, sneg = None, False
            sched = e.first("schedule", "always")
            if sched != "always":
                reasons.append(Text("input.fortios.schedule_local", name=sched))
            if not e.get("service"):
                pieces = pieces if pieces else [Piece(None)]
            ms = [
                Match(src=spats, dst=dpats, src_negate=sneg, dst_negate=dneg, in_ifaces=ins, **sp)
                for sp in match_specs(pieces)
            ]
            unknown = e.leftover(
                frozenset({"uuid", "comments", "comment", "ha-mgmt-intf-only", "virtual-patch", "policyid"}),
                ("internet-service-src",),
            )
            if unknown:
                reasons.append(settings_unread(unknown))
            reason = join_reasons(reasons) or None
            flt.lines.append(FilterLine(action, ms, src, name=f"local-in {e.name}", partial=reason))
            if reason:
                p.partial(f"local-in-policy {e.name}", reason, src)
        owners = {ifn: hosts for ifn, hosts in self.owner_hosts.items() if hosts}
        dynamic = [ifn for ifn, hosts in self.owner_hosts.items() if not hosts]
        for ifn in list(owners) + dynamic:
            itf = dev.interfaces[ifn]
            flt.lines.append(
                FilterLine(
                    Action.PERMIT,
                    [Match(**self._own_dst(ifn, owners.get(ifn, ())), in_ifaces=frozenset({ifn}))],
                    itf.dynamic_source or itf.source or Src(p.file, 0, ifn),
                    name=f"own address of {ifn}",
                )
            )
        fwd = self.filter
        if fwd.partial:
            flt.lines.append(
                FilterLine(
                    Action.PERMIT,
                    [Match()],
                    fwd.source or Src(p.file, 0, ""),
                    name="forward policies",
                    partial=fwd.partial,
                )
            )
        else:
            rank = {ifn: k for k, ifn in enumerate(owners)}
            # Asked per distinct value, not per match (a policy's matches share their
            # interface sets and destinations; policies repeat interface sets): the owners
            # a set of out-interfaces reaches, and the hosts of an owner a destination keeps
            # (by the destination's identity: the matches hold it for the whole loop).
            owners_of: dict[frozenset, list[str]] = {}
            kept_of: dict[tuple, tuple] = {}
            for line in fwd.lines:
                ms = []
                for m in line.matches:
                    # the owners the line may go out to, in the owners' order (a policy
                    # names one or a few of the many interfaces: not a test of each)
                    outs: Iterable[str] | None
                    if m.out_ifaces is None:
                        outs = owners
                    else:
                        outs = owners_of.get(m.out_ifaces)
                        if outs is None:
                            outs = owners_of[m.out_ifaces] = sorted(
                                (ifn for ifn in m.out_ifaces if ifn in rank), key=rank.__getitem__
                            )
                    for ifn in outs:
                        ins = (m.in_ifaces if m.in_ifaces is not None else self.all_ifaces) - {ifn}
                        if not ins:
                            continue
                        k = (id(m.dst), m.dst_negate, ifn)
                        kept = kept_of.get(k)
                        if kept is None:
                            hosts = owners[ifn]
                            kept = kept_of[k] = tuple(h for h in hosts if _addr_in(h.value, m.dst, m.dst_negate))
                        if not kept:
                            continue
                        ms.append(evolve(m, dst=kept, dst_negate=False, in_ifaces=frozenset(ins), out_ifaces=None))
                if ms:
                    flt.lines.append(
                        FilterLine(
                            line.action,
                            ms,
                            line.source,
                            name=f"policy {line.name} to own address",
                            partial=line.partial,
                            approximated=_POLICY_COPY,
                        )
                    )
            if dynamic:
                # Run-time addresses are any address but the configured ones: those
                # were decided above, the rest reach a run-time address through the
                # policies toward its interface.
                static = configured_hosts(self.dev)
                if static:
                    flt.lines.append(
                        FilterLine(
                            Action.DENY,
                            [Match(dst=static)],
                            fwd.source or Src(p.file, 0, ""),
                            name="configured addresses: no policy above",
                        )
                    )
                for line in fwd.lines:
                    ms = []
                    for m in line.matches:
                        for ifn in dynamic:
                            if m.out_ifaces is not None and ifn not in m.out_ifaces:
                                continue
                            ins = (m.in_ifaces if m.in_ifaces is not None else self.all_ifaces) - {ifn}
                            if ins:
                                ms.append(evolve(m, in_ifaces=frozenset(ins), out_ifaces=None))
                    if ms:
                        flt.lines.append(
                            FilterLine(
                                line.action,
                                ms,
                                line.source,
                                name=f"policy {line.name} to run-time address",
                                partial=line.partial,
                                approximated=_POLICY_COPY,
                            )
                        )
        dev.filters[INPUT_FILTER] = flt
        dev.input_filter = INPUT_FILTER


# --------------------------------------------------------------------------- helpers


def _permit(own: dict, restrict, src: Src | None, file: str) -> list[FilterLine]:
    """The lines of a service ACL: to ``own`` (its interface's addresses), from the
    prefixes of ``restrict`` [(IPNetwork, Src)] or, None, from anywhere; cited at
    ``src`` (the file of the backup when no line says it)."""
    src = src or Src(file, 0, "")
    if restrict is None:
        return [FilterLine(Action.PERMIT, [Match(**own)], src)]
    return [
        FilterLine(Action.PERMIT, [Match(src=(AddrMatch.prefix(net),), **own)], tsrc or src) for net, tsrc in restrict
    ]


def _scope_unknowns(p: ParseState, word: str) -> tuple[Text | None, bool, bool]:
    """For ``allowaccess`` ``word`` in a single-VDOM backup: (why the service is not
    known or None, any port?, any source?) — what the global sections it depends on
    would say, when the file lacks them (:meth:`ParseState.scope_gap`)."""
    parts: list[Text] = []
    gaps: list[str] = []
    any_port = any_source = False
    if word in _ADMIN:
        if g := p.scope_gap("h_global"):
            parts.append(_SCOPE_PORT)
            if word == "telnet":
                parts.append(Text("input.fortios.scope_telnet"))
            gaps += g
            any_port = True
        if g := p.scope_gap("h_admins"):
            parts.append(Text("input.fortios.scope_trusthosts"))
            gaps += g
            any_source = True
    elif word == "snmp":
        if g := p.scope_gap("h_snmp_sysinfo", "h_snmp_community"):
            parts.append(Text("input.fortios.scope_snmp"))
            gaps += g
            any_source = True
    elif word in ("ftm", "probe-response") and (
        g := p.scope_gap("h_ftm_push" if word == "ftm" else "h_probe_response")
    ):
        parts.append(_SCOPE_PORT)
        gaps += g
        any_port = True
    if not parts:
        return None, False, False
    return _global_scope(parts, gaps), any_port, any_source


_SCOPE_PORT = Text("input.fortios.scope_port")


def _global_scope(parts: list[Text], gaps: list[str]) -> Text:
    """Why a service is not known in a single-VDOM backup: what of it (``parts``) is set
    in the global sections ``gaps`` the file lacks."""
    key = "input.fortios.global_scope" if len(parts) == 1 else "input.fortios.global_scope_many"
    return Text(key, what=_listed(parts), gaps=", ".join(gaps))


def _listed(parts: list[Text]) -> Text:
    """``a``, ``a and b``, ``a, b and c`` … in the report's language."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Text("input.fortios.two", a=parts[0], b=parts[1])
    return Text("input.fortios.series", a=parts[0], rest=_listed(parts[1:]))


def _trust(admins: list[Admin]):
    """Trusted-host prefixes [(IPNetwork, Src)] if every administrator has some, else None."""
    if not admins or not all(a.restricted for a in admins):
        return None
    out: list[tuple[IPNetwork, Src | None]] = []
    for a in admins:
        for net, src in a.trusthosts:
            if any(net in o for o, _ in out):
                continue
            out = [(o, s) for o, s in out if o not in net]
            out.append((net, src))
    return out


def _addr_in(ip: int, pats, negate: bool) -> bool:
    if pats is None:
        return not negate
    # (the bits the pattern cares about are equal: one exclusive or, not two masked copies)
    hit = any(not ((ip ^ p.value) & ~p.wildcard & 0xFFFFFFFF) for p in pats)
    return hit != negate
