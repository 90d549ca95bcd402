"""FortiOS routing: static routes (``config router static``: gateway, device, distance,
blackhole, SD-WAN members, address-object destinations) → ``Route``s.  Dynamic routing
(BGP, OSPF, RIP, IS-IS with neighbours, areas or networks) and policy routes cannot be
followed from a configuration: they are recorded where they make verdicts unknown.
"""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Route, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.fortinet_fortios.addresses import parse_prefix, pattern_net
from netaudit.parsers.fortinet_fortios.state import ParseState, Vdom, VdomState
from netaudit.parsers.fortinet_fortios.tables import ROUTE_IGNORED
from netaudit.parsers.fortinet_fortios.tree import IGNORE, UNRECOGNIZED, Block, Entry
from netaudit.parsers.ip import ip_to_int


class RoutingSections(ParseState):
    """Readers of the dynamic-routing and policy-route sections of a VDOM."""

    def h_dynamic_routing(self, blk: Block, v: Vdom) -> None:
        """Default skeletons (``config redistribute``, ``set as 0``) run nothing; a
        protocol with an AS and neighbours, areas or networks makes routing dynamic."""
        blk.ignore_prefixes = ("",)
        proto = blk.path.split()[-1]
        active = False
        if proto == "bgp":
            asn = blk.first("as", "0")
            active = asn not in ("0", None) and any(
                (ch := blk.child(c)) is not None and ch.entries
                for c in ("neighbor", "neighbor-group", "neighbor-range", "network")
            )
        elif proto in ("ospf", "ospf6"):
            active = any(
                (ch := blk.child(c)) is not None and ch.entries
                for c in ("area", "network", "ospf-interface", "ospf6-interface")
            )
        elif proto in ("rip", "ripng"):
            active = any((ch := blk.child(c)) is not None and ch.entries for c in ("network", "interface", "neighbor"))
        elif proto == "isis":
            active = any((ch := blk.child(c)) is not None and ch.entries for c in ("isis-net", "isis-interface"))
        for child in blk.children.values():
            child.disp = IGNORE
        if active:
            v.blocks.setdefault("_dynamic", []).append(self.src(blk.config_line))

    def h_router_policy(self, blk: Block, v: Vdom) -> None:
        for e in blk.entries.values():
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            for ifn in e.get("input-device") or []:
                v.blocks.setdefault("_pbr", []).append((ifn, self.src(e.edit_line)))
            if not e.get("input-device"):
                v.blocks.setdefault("_pbr", []).append((None, self.src(e.edit_line)))
            e.leftover(ignore_prefixes=("",))


class StaticRoutes(VdomState):
    """The static routes of one VDOM."""

    def _routes(self) -> None:
        v, dev, p = self.v, self.dev, self.p
        for e in self.entries("router static"):
            src = (
                self.p.set_src(e, "gateway")
                or self.p.set_src(e, "device")
                or self.p.set_src(e, "dst")
                or self.src(e.edit_line)
            )
            if e.low("status", "enable") == "disable":
                e.leftover(ignore_prefixes=("",))
                continue
            dst_vals = e.get("dst")
            prefixes: list[IPNetwork] = []
            partial: list[str] = []
            if dst_vals:
                net = parse_prefix(dst_vals)
                if net is None:
                    e.mark("dst", UNRECOGNIZED)
                    partial.append(Text("input.fortios.route_dst_unread"))
                else:
                    prefixes.append(net.cidr)
            elif e.has("dstaddr"):
                # "" for a bare "set dstaddr": not defined, as the name None was
                o = self.addr.resolve(e.first("dstaddr", ""))
                if o.unknown or o.pats is None or not o.prefix_only:
                    partial.append(Text("input.fortios.route_dstaddr", name=e.first("dstaddr")))
                else:
                    prefixes.extend(pattern_net(pt) for pt in o.pats)
            elif e.has("internet-service") or e.has("internet-service-custom"):
                e.get("internet-service"), e.get("internet-service-custom")
                partial.append(Text("input.fortios.route_isdb"))
            else:
                prefixes.append(IPNetwork("0.0.0.0/0"))
            gw_text = e.first("gateway", "0.0.0.0") or ""
            gw = ip_to_int(gw_text)
            # a gateway the line does not say (a redaction, a template's placeholder): not
            # a route straight out of the interface, its next hop is not known
            gw_unread = gw is None and e.has("gateway")
            if gw_unread:
                e.mark("gateway", UNRECOGNIZED)
            gw = gw or None
            ifn = e.first("device")
            try:
                distance = int(e.first("distance", "10"))
            except ValueError:
                distance = 10
            blackhole = e.low("blackhole", "disable") == "enable"
            sdwan = (
                e.low("sdwan", "disable") == "enable"
                or e.low("virtual-wan-link", "disable") == "enable"
                or e.has("sdwan-zone")
            )
            e.get("sdwan-zone")
            runtime_gw = False
            # What only this route does not understand: the interface is read exactly.
            route_only: list[str] = []
            if gw_unread:
                route_only.append(Text("input.fortios.route_gateway_unread", value=gw_text))
            if e.low("dynamic-gateway", "disable") == "enable" and not blackhole and not sdwan:
                runtime_gw, why = self._dynamic_gateway(e, ifn)
                if why:
                    route_only.append(why)
                gw = None  # FortiOS takes the learned gateway, not `set gateway`
            if e.has("src") and (e.first("src") or "0.0.0.0").split("/")[0] != "0.0.0.0":
                e.get("src")
                partial.append(Text("input.fortios.route_source"))
            vrf = e.first("vrf")
            e.leftover(ROUTE_IGNORED)
            if partial or route_only:
                p.partial(f"static route {e.name}", join_reasons(partial + route_only), src)
            if partial:
                reason = join_reasons(partial)
                # the egress interface can no longer be trusted for a verdict
                itf = dev.interfaces.get(ifn) if ifn else None
                if itf is not None and reason not in (itf.partial or ""):
                    itf.partial = join_reasons((itf.partial, reason))
                if not prefixes:
                    continue
            partial += route_only
            targets: list[tuple[str | None, int | None]] = []
            if blackhole:
                targets = [(None, None)]
            elif sdwan:
                zones = e.get("sdwan-zone") or ["virtual-wan-link"]
                for z in zones:
                    targets.extend((i, g) for i, g, _ in v.sdwan.get(z, []))
                if not targets:
                    p.partial(f"static route {e.name}", Text("input.fortios.route_sdwan_empty"), src)
                    continue
            else:
                if ifn and ifn not in dev.interfaces:
                    self.ref("interface", ifn, self.p.set_src(e, "device"))
                if not ifn and gw is None:
                    p.partial(f"static route {e.name}", Text("input.fortios.route_no_target"), src)
                    continue
                targets = [(ifn, gw)]
            rvrf = vrf if vrf not in (None, "0") else None
            for prefix in prefixes:
                for out_if, nh in targets:
                    itf = dev.interfaces.get(out_if) if out_if else None
                    r = Route(
                        prefix,
                        vrf=rvrf or (itf.vrf if itf else "default"),
                        next_hop=nh,
                        interface=out_if,
                        drop=blackhole,
                        distance=distance,
                        origin="static",
                        source=src,
                        partial=join_reasons(partial) or None,
                        runtime_gateway=runtime_gw,
                    )
                    dev.routes.append(r)

    def _dynamic_gateway(self, e: Entry, ifn: str | None) -> tuple[bool, Text | None]:
        """``set dynamic-gateway enable``: the gateway the DHCP or PPP server gave on
        ``device``.  (runtime gateway?, why the route is not understood or None).

        On a DHCP/PPPoE client interface it is the run-time gateway netaudit models for
        the client's own default route (docs/semantics.md, "Run-time addresses"), with
        this route's destination and distance: exact.  On any other interface (an LTE
        modem, a dial-up IPsec mode-cfg tunnel …) where the gateway comes from, and
        whether FortiOS installs the route at all, is not known: the route is partial
        and the table may lack it (``Device.unread_routes``: "no route" is never
        concluded), while the interface itself stays understood."""
        itf = self.dev.interfaces.get(ifn) if ifn else None
        e.get("gateway")
        if itf is not None and itf.dynamic_address:
            return True, None
        self.dev.unread_routes.append(
            self.p.set_src(e, "dynamic-gateway") or self.src(e.edit_line) or Src(self.p.file, 0, "dynamic-gateway")
        )
        return False, Text("input.fortios.dynamic_gateway", device=ifn or Text("input.fortios.no_device"))
