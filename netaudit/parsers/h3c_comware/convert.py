"""H3C Comware: what was read → the vendor-neutral model, once the whole file is read.

VRP's conversion (:class:`netaudit.parsers.huawei_vrp.convert.ModelBuilder`: port roles,
ACLs in rule-number order, NAT, the login services) is Comware's where the documented
behaviour is the same; what differs is here (docs/vendors/h3c_comware.md):

- ``packet-filter``: a packet no rule matches is permitted (``packet-filter default
  deny``: denied); an ACL that is not defined makes the interface partial;
- link aggregation: ``port link-aggregation group N`` names Bridge-AggregationN (or
  Route-AggregationN);
- ``nat outbound`` without an ACL translates every packet;
- the V7 defaults of the login servers (Telnet and SSH off), the web server's default
  (not established: partial), per-server web ACLs, the DHCP server;
- security zones: the forward filter of :mod:`.zones`.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import (
    PROTO_UDP,
    Action,
    Filter,
    FilterLine,
    IfKind,
    L2Mode,
    Match,
    MgmtService,
    NatRule,
    PortRange,
    Src,
)
from netaudit.parsers.base import configured_hosts
from netaudit.parsers.h3c_comware.syntax import hostname_of_file
from netaudit.parsers.h3c_comware.zones import ZoneBuilder
from netaudit.parsers.huawei_vrp.convert import ModelBuilder
from netaudit.parsers.huawei_vrp.state import UiState

PACKET_FILTER_DEFAULT = Text("input.comware.default.packet_filter")
PACKET_FILTER_DENY = Text("input.comware.default.packet_filter_deny")
LOGIN_DEFAULT = Text("input.comware.default.acl")


def _spans(numbers: list[int]) -> str:
    """``[0, 1, 2, 3, 4, 16]`` → ``0-4, 16``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


class ComwareBuilder(ModelBuilder, ZoneBuilder):
    """:meth:`finish`: the conversion to the model, in Comware's words."""

    LOGIN_DEFAULT = LOGIN_DEFAULT

    def server_default(self, proto: str) -> Text:
        key = "input.comware.server_default_v5" if self.v5 else "input.comware.server_default"
        return Text(key, command=f"{proto} server enable")

    def vty_protocol_default(self) -> Text:
        return Text("input.comware.vty_protocol_default_v5" if self.v5 else "input.comware.vty_protocol_default")

    def _vty_allows(self, proto: str) -> tuple[bool | None, list]:
        """VRP's reading, except where no vty block of the file admits ``proto``: V7
        devices have the lines 0 to 63 (V5 switches 0 to 15), and one no block names
        keeps the default (Telnet and SSH admitted, no ACL); which line a connection
        takes is not established — the service is partial then, never absent."""
        ok, may = super()._vty_allows(proto)
        if ok is not False or set(range(16 if self.v5 else 64)) <= self.vty_numbers:
            return ok, may
        vty = [ui for ui in self.uis if ui.kind == "vty"]
        named = sorted(self.vty_numbers)
        why = Text("input.comware.vty_uncovered", proto=proto, lines=_spans(named))
        rest = UiState("vty", vty[0].src, protocols={"ssh", "telnet"}, partial=why)
        return True, [rest]

    def http_default(self, key: str) -> Text:
        return Text("input.comware.http_default", command=f"ip {key} enable")

    def server_source_default(self, proto: str) -> Text | None:
        """Comware's login servers answer on every address of the device unless bound by
        ``ssh-server source-ip|source-interface`` (H3C S5600 Operation Manual – SSH: "By
        default, the system determines the IP address for clients to access"): never
        VRP's release-dependent default."""
        return None

    def nat_and_filter(self) -> Text:
        return Text("input.comware.nat_and_filter")

    def acl_name(self, name: str) -> str:
        """The ACL a reference names: a number, a name (case-insensitive), or the name of
        ``acl number N name X``."""
        if name in self.acls:
            return name
        return self.acl_alias.get(name, self.acl_alias.get(name.lower(), name))

    def finish(self) -> None:
        if not self.dev.hostname:
            self.dev.hostname = hostname_of_file(self.file)
        self._comware_server_defaults()
        zone_members, self.zone_members = self.zone_members, []
        self._finish_aggregation()
        super().finish()
        self._finish_nat_server_filters()
        self._finish_svi_filters()
        self._finish_zones(zone_members)
        self._finish_comware_services()

    # ------------------------------------------------------------------ interfaces

    def _finish_aggregation(self) -> None:
        """``port link-aggregation group N`` on a member: Bridge-AggregationN, or
        Route-AggregationN for a routed member (``port link-mode route``)."""
        for st, group, src in self.agg_members:
            kind = "Route-Aggregation" if st.routed is not None else "Bridge-Aggregation"
            st.eth_trunk = (f"{kind}{group}", src)

    # ------------------------------------------------------------------ filters

    def _traffic_filter(self, name: str, src: Src) -> str:
        """The filter ``packet-filter NAME inbound|outbound`` applies: the ACL's rules in
        order, a packet no rule matches permitted (denied with ``packet-filter default
        deny``).  An ACL without rules leaves every packet to that default; one that is
        not defined is partial (what the device does then is not established)."""
        real = self.acl_name(name)
        base = self.dev.filters.get(real)
        deny = self.pf_default_deny is not None
        default = Action.DENY if deny else Action.PERMIT
        text = PACKET_FILTER_DENY if deny else PACKET_FILTER_DEFAULT
        if base is None:
            key = f"{name} (undefined)"
            if key not in self.dev.filters:
                why = Text("input.comware.packet_filter_undefined", acl=name)
                self.dev.filters[key] = Filter(
                    key, [], default, kind="synthesized", source=src, partial=why, default_text=text
                )
                self.rep.add_partial(f"packet-filter {name}", why, src)
            return key
        key = f"{real} (packet-filter)"
        if key not in self.dev.filters:
            self.dev.filters[key] = Filter(
                key,
                list(base.lines),
                default,
                kind="synthesized",
                source=base.source,
                partial=base.partial,
                default_text=text,
            )
        return key

    def _finish_nat_server_filters(self) -> None:
        """An interface with an inbound packet filter and a ``nat server``: whether the
        filter sees the packets the server mapping translates before the translation
        (their public address and port) or after (the inside host's) is not established
        — those packets, and those only, match first lines both denying and permitting
        them (never decided): never "reachable" nor "blocked" on one reading."""
        why = Text("input.comware.nat_server_filter")
        for st in self.ifs.values():
            iface = st.iface
            if iface.filter_in is None:
                continue
            rules = [
                r for r in self.dev.nat_rules if r.kind == "destination" and r.in_ifaces and iface.name in r.in_ifaces
            ]
            if not rules:
                continue
            key = f"{iface.filter_in} (nat server {iface.name})"
            first: list[FilterLine] = []
            for rule in rules:
                at = rule.source or iface.source or Src(self.file, 0, "")
                for action in (Action.DENY, Action.PERMIT):
                    first.append(FilterLine(action, [rule.match], at, name="", partial=why))
            iface.filter_in = self._with_first_lines(iface.filter_in, key, first)

    def _with_first_lines(self, name: str, key: str, first: list[FilterLine]) -> str:
        """Filter ``name`` with ``first`` lines read before its own, as filter ``key``
        (made once): an interface's view of a shared ACL."""
        if key not in self.dev.filters:
            base = self.dev.filters[name]
            self.dev.filters[key] = Filter(
                key,
                [*first, *base.lines],
                base.default_action,
                kind="synthesized",
                source=base.source,
                partial=base.partial,
                default_text=base.default_text,
            )
        return key

    def _finish_port_filters(self) -> None:
        """(VRP's reading, in Comware's words and with its filter forms; run by VRP's
        ``finish``.)  A packet filter on a Layer-2 port (bridge mode, or a Bridge-Aggregation) handles
        every packet the port receives or sends, switched ones too (H3C ACL and QoS
        configuration guide, "Configuring packet filtering with ACLs": on an Ethernet
        interface the packet filter handles all packets).  The engine places a zone's
        hosts in a VLAN, not behind one port, so the port is partial and so is the SVI of
        each VLAN it carries: verdicts through those hosts are unknown, never
        "reachable" past a filter the model does not apply."""
        for st in self.ifs.values():
            port = st.iface
            if port.mode not in (L2Mode.ACCESS, L2Mode.TRUNK):
                continue
            uses = [*st.filters_in, *st.filters_out, *self.port_filter_forms.get(port.name, ())]
            if not uses:
                continue
            acl, src = uses[-1]
            self.port_partial(port, Text("input.comware.port_packet_filter", acl=acl, interface=port.name), src)

    def _finish_svi_filters(self) -> None:
        """A VLAN interface's packet-filter filters the packets it forwards at Layer 3
        (H3C ACL configuration guide, "Configuring the applicable scope of packet
        filtering on a VLAN interface"); whether it also filters packets for the device
        itself is not established: those match a first, partial line (maybe passed)."""
        hosts = configured_hosts(self.dev)
        if not hosts:
            return
        why = Text("input.comware.svi_local")
        for st in self.ifs.values():
            iface = st.iface
            if iface.kind != IfKind.SVI or iface.filter_in is None:
                continue
            # cited at the interface's line: where the filter meets the packet
            at = iface.source or Src(self.file, 0, "")
            first = FilterLine(Action.PERMIT, [Match(dst=hosts)], at, name="", partial=why)
            iface.filter_in = self._with_first_lines(iface.filter_in, f"{iface.filter_in} ({iface.name})", [first])

    # ------------------------------------------------------------------ NAT

    def _finish_nat(self) -> None:
        """``nat outbound`` without an ACL translates every packet leaving by the
        interface; the rest is VRP's reading."""
        for st in self.ifs.values():
            # `address-group name X`: the group `nat address-group N name X` numbered N
            st.nat_outbound = [
                (acl, self.nat_group_names.get(group, group) if group is not None else None, src, via)
                for acl, group, src, via in st.nat_outbound
            ]
            every = [e for e in st.nat_outbound if e[0] is None]
            if not every:
                continue
            st.nat_outbound = [e for e in st.nat_outbound if e[0] is not None]
            for _acl, group, src, _via in every:
                kw: dict = {"to_interface": st.iface.name}
                partial = None
                if group is not None:
                    pool = self.nat_groups.get(group)
                    if pool is None or not pool[0]:
                        partial = Text("input.vrp.nat_group_unread", group=group)
                        kw = {}
                    else:
                        kw = {"to_ip": pool[0]}
                rule = NatRule(kind="source", out_ifaces=frozenset({st.iface.name}), source=src, partial=partial, **kw)
                if partial:
                    self.rep.add_partial("nat outbound", partial, src)
                self.dev.nat_rules.append(rule)
                if st.iface.filter_out is not None:
                    self.iface_partial(st.iface, self.nat_and_filter(), src)
        super()._finish_nat()

    # ------------------------------------------------------------------ services

    def _comware_server_defaults(self) -> None:
        """Comware V7: the Telnet and SSH servers are off unless enabled, and a vty line
        admits both unless ``protocol inbound`` says otherwise (H3C fundamentals
        configuration guide, "Login management"); V5 and a file whose release is not
        known: partial (VRP's reading of a missing line)."""
        if not self.v7:
            return
        off = self.version_src or Src(self.file, 1, "")
        for proto in ("telnet", "ssh"):
            self.mgmt.setdefault(proto, (False, off))
        if not any(ui.kind == "vty" for ui in self.uis):
            # no `line vty` block: the lines keep their defaults (Telnet and SSH admitted)
            self.uis.append(UiState("vty", off, protocols={"ssh", "telnet"}))

    def _finish_comware_services(self) -> None:
        """Per-server web ACLs (``ip http acl`` / ``ip https acl``), ``line class vty``,
        and the DHCP server (``dhcp enable`` with an ``ip-pool``)."""
        dev = self.dev
        for svc in dev.services:
            if svc.name in self.http_acls:
                svc.acl = self._login_acl(self.http_acls[svc.name][0])
            if svc.name in ("telnet", "ssh") and self.line_class is not None:
                why = Text("input.comware.line_class", line=self.line_class.text)
                svc.partial = Text("input.joined", parts=(svc.partial, why)) if svc.partial else why
        if self.dhcp_enable is not None and self.dhcp_pool is not None:
            # The server answers on an interface whose subnet a pool's `network` covers
            # (that pool gives the address); a pool without `network`: every interface.
            nets = [net for _, net in self.dhcp_pool_nets if net.prefixlen < 32]
            every = {name for name, net in self.dhcp_pool_nets if net.prefixlen < 32} >= set(self.dhcp_pools)
            served = frozenset(
                st.iface.name
                for st in self.ifs.values()
                if any(net.first <= a.value <= net.last for net in nets for a in st.iface.addresses)
            )
            dev.services.append(
                MgmtService(
                    "dhcp",
                    PROTO_UDP,
                    (PortRange(67, 67),),
                    interfaces=served if every else None,
                    source=self.dhcp_enable,
                )
            )

    # ------------------------------------------------------------------ zones

    def _finish_zones(self, members: list[tuple[str, Src]]) -> None:
        """Comware V5's firewall: every interface partial; V7's security zones: the
        forward filter (:meth:`.zones.ZoneBuilder.finish_zones`)."""
        if self.v5_firewall is not None:
            for st in self.ifs.values():
                self.iface_partial(st.iface, Text("input.comware.v5_firewall"), self.v5_firewall)
        self.zone_members = members
        self.finish_zones()
