"""Routing: static routes (``routing-options static``, per routing instance), routing
instances as VRFs, dynamic protocols as routes the configuration cannot show, and the
default route a DHCP client learns (docs/vendors/juniper_junos.md, "Routing")."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Route, Src
from netaudit.parsers.ip import ip_to_int, prefix_of
from netaudit.parsers.juniper_junos.names import address
from netaudit.parsers.juniper_junos.state import ParseState, add_reason
from netaudit.parsers.juniper_junos.syntax import Stmt

STATIC_PREFERENCE = 5  # Junos' preference of a static route
DHCP_PREFERENCE = 12  # … of the default route a DHCP client installs (Junos "access-internal")

# Protocols whose routes are learned at run time.
DYNAMIC = frozenset({"ospf", "ospf3", "bgp", "rip", "isis", "ldp", "rsvp", "mpls", "pim", "msdp", "evpn"})
# Protocols that move no IPv4 route and no packet across a zone boundary.
IGNORED_PROTOCOLS = frozenset(
    {
        "lldp",
        "lldp-med",
        "rstp",
        "stp",
        "mstp",
        "vstp",
        "igmp-snooping",
        "mld-snooping",
        "router-advertisement",
        "sflow",
        "dot1x",
        "l2-learning",
        "layer2-control",
        "vrrp",
        "ethernet-switching",
        "uplink-failure-detection",
        "neighbor-discovery",
        "igmp",
        "bfd",
        "connections",
        "oam",
        "mvrp",
        "ptp",
        "authentication-access-control",
        "link-management",
    }
)
# Route attributes that change nothing the model holds.
_ROUTE_IGNORED = frozenset(
    {
        "metric",
        "tag",
        "no-readvertise",
        "readvertise",
        "retain",
        "no-retain",
        "install",
        "active",
        "passive",
        "community",
        "as-path",
        "color",
        "no-resolve",
        "bfd-liveness-detection",
        "description",
    }
)
_INSTANCE_TYPES = frozenset({"virtual-router", "vrf"})


class Routing(ParseState):
    """Routing instances, static routes, dynamic protocols."""

    def read_instances(self) -> None:
        """``routing-instances``: the interfaces of a virtual-router or VRF instance are in
        that VRF; another instance type (forwarding, virtual-switch …) is partial."""
        self.instance_type: dict[str, tuple[str, Stmt]] = {}
        self.instance_ifaces: dict[str, tuple[str, Stmt]] = {}
        for rest, st in self.conf.under("routing-instances"):
            if len(rest) < 2:
                self.read(st)
                continue
            name, key = rest[0], rest[1]
            if key == "instance-type" and len(rest) == 3:
                self.instance_type[name] = (rest[2], st)
                self.read(st)
            elif key == "interface" and len(rest) >= 3:
                self.instance_ifaces[rest[2]] = (name, st)
                self.read(st)
            elif key == "routing-options":
                self._routing_options(rest[2:], st, name)
            elif key == "protocols":
                self._protocol(rest[2:], st, name)
            elif key in ("description", "route-distinguisher", "vrf-table-label", "apply-groups"):
                self.read(st)
            elif key in ("vrf-target", "vrf-import", "vrf-export"):
                self.dev.dynamic_routing.append(self.src(st))
                self.read(st)
        for ifn, (inst, st) in self.instance_ifaces.items():
            itype = self.instance_type.get(inst, ("forwarding", st))[0]
            itf = self.dev.interfaces.get(ifn)
            if (
                itf is None
                and "." not in ifn
                and [n for n in self.dev.interfaces if n.startswith(ifn + ".")] == [f"{ifn}.0"]
            ):
                # named without its unit: unit 0, partial (never left in the main table silently)
                itf = self.dev.interfaces[f"{ifn}.0"]
                why = Text("input.junos.instance_no_unit", interface=ifn, instance=inst)
                add_reason(itf, why)
                self.partial(f"routing-instance {inst}", why, st)
            if itf is None:
                continue
            if itype in _INSTANCE_TYPES:
                itf.vrf = inst
                self.dev.vrfs.add(inst)
            else:
                why = Text("input.junos.instance_type", instance=inst, type=itype)
                add_reason(itf, why)
                self.partial(f"routing-instance {inst}", why, st)

    def read_routing(self) -> None:
        for rest, st in self.conf.under("routing-options"):
            self._routing_options(rest, st, None)
        for rest, st in self.conf.under("protocols"):
            self._protocol(rest, st, None)

    def _routing_options(self, rest: tuple[str, ...], st: Stmt, instance: str | None) -> None:
        if not rest:
            self.read(st)
            return
        key = rest[0]
        if key == "static":
            self._static(rest[1:], st, instance)
        elif key in (
            "router-id",
            "autonomous-system",
            "forwarding-table",
            "graceful-restart",
            "nonstop-routing",
            "options",
            "ppm",
            "traceoptions",
            "route-distinguisher-id",
            "apply-groups",
            "resolution",
            "dynamic-tunnels",
            "multipath",
            "instance-import",
            "instance-export",
            "confederation",
            "validation",
            "auto-export",
            "flow",
            "rib",
        ) or (key == "interface-routes" and "rib-group" not in rest):
            # `rib inet6.0 …`: IPv6 tables (not modelled: docs/limits.md)
            if key == "rib" and (len(rest) < 2 or not rest[1].startswith("inet6")):
                self.dev.unread_routes.append(self.src(st))
                self.partial("routing-options rib", Text("input.junos.rib", what=" ".join(rest)), st)
                return
            self.read(st)
        elif key in ("aggregate", "generate", "rib-groups", "interface-routes"):
            self.dev.unread_routes.append(self.src(st))
            self.partial(f"routing-options {key}", Text("input.junos.route_kind", kind=key), st)
        # anything else: unread

    def _static(self, rest: tuple[str, ...], st: Stmt, instance: str | None) -> None:
        vrf = instance or "default"
        if not rest:
            self.read(st)
            return
        if rest[0] in ("defaults", "rib-group", "apply-groups"):
            if rest[0] == "defaults" and len(rest) >= 2 and (rest[1] == "no-install" or rest[1] not in _ROUTE_IGNORED):
                # every static route's default (preference, no-install …): not modelled
                self.dev.unread_routes.append(self.src(st))
                why = Text("input.junos.route_attr", attr=" ".join(rest))
                self.partial("routing-options static defaults", why, st)
                return
            if rest[0] == "rib-group":
                self.dev.unread_routes.append(self.src(st))
                self.partial("routing-options static rib-group", Text("input.junos.route_kind", kind="rib-group"), st)
                return
            self.read(st)
            return
        if rest[0] != "route" or len(rest) < 3:
            return
        pfx = address(rest[1])
        if pfx is None:
            return  # an IPv6 route is unread as well: `rib inet6.0 static` holds those
        routes = self.__dict__.setdefault("_routes", {})
        key = (vrf, *pfx)  # (a route's statements: its prefix built once)
        rec = routes.get(key)
        if rec is None:
            rec = routes[key] = {
                "prefix": prefix_of(*pfx),
                "vrf": vrf,
                "hops": [],
                "drop": None,
                "pref": None,
                "qualified": [],
                "src": st,
                "partial": [],
            }
        attr = rest[2]
        if attr == "next-hop" and len(rest) == 4:
            rec["hops"].append((rest[3], st))
        elif attr in ("discard", "reject"):
            rec["drop"] = st
        elif attr == "preference" and len(rest) == 4 and rest[3].isdecimal():
            rec["pref"] = int(rest[3])
        elif attr == "qualified-next-hop" and len(rest) >= 4:
            if len(rest) == 4:
                rec["qualified"].append([rest[3], None, st])
            elif len(rest) == 6 and rest[4] == "preference" and rest[5].isdecimal():
                for q in rec["qualified"]:
                    if q[0] == rest[3]:
                        q[1] = int(rest[5])
                        break
                else:
                    rec["qualified"].append([rest[3], int(rest[5]), st])
            elif rest[4] in ("metric", "tag", "interface", "bfd-liveness-detection"):
                pass
            else:
                return
        elif attr in (
            "next-table",
            "resolve",
            "lsp-next-hop",
            "static-lsp-next-hop",
            "p2mp-lsp-next-hop",
            "no-install",  # in the routing table, not the forwarding table
        ):
            self.dev.unread_routes.append(self.src(st))
            rec["partial"].append(Text("input.junos.route_attr", attr=attr))
            self.partial(f"route {rec['prefix']}", Text("input.junos.route_attr", attr=attr), st)
            return
        elif attr not in _ROUTE_IGNORED:
            return
        self.read(st)

    def build_routes(self) -> None:
        """The collected static routes → model routes (one per next hop)."""
        for rec in self.__dict__.get("_routes", {}).values():
            pref = rec["pref"] or STATIC_PREFERENCE
            base = {"vrf": rec["vrf"], "source": self.src(rec["src"])}
            reason = None
            for r in rec["partial"]:
                reason = r
            if rec["drop"] is not None:
                self.dev.routes.append(
                    Route(
                        rec["prefix"],
                        drop=True,
                        distance=pref,
                        partial=reason,
                        **{**base, "source": self.src(rec["drop"])},
                    )
                )
                continue
            hops = [(h, pref, s) for h, s in rec["hops"]] + [(q, p or pref, s) for q, p, s in rec["qualified"]]
            if not hops and reason is None:
                reason = Text("input.junos.route_no_next_hop")
                self.rep.add_partial(f"route {rec['prefix']}", reason, base["source"])
            for hop, dist, s in hops:
                ip = ip_to_int(hop)
                src = self.src(s)
                if ip is not None:
                    self.dev.routes.append(
                        Route(rec["prefix"], rec["vrf"], next_hop=ip, distance=dist, source=src, partial=reason)
                    )
                else:
                    self.dev.routes.append(
                        Route(rec["prefix"], rec["vrf"], interface=hop, distance=dist, source=src, partial=reason)
                    )
            if not hops:
                self.dev.unread_routes.append(base["source"])

    def dhcp_routes(self) -> None:
        """A Junos DHCP client installs the default route the server offers."""
        for name in self.__dict__.get("dhcp_clients", ()):
            itf = self.dev.interfaces[name]
            if itf.dynamic_source is not None:
                self.dev.routes.append(
                    Route(
                        IPNetwork("0.0.0.0/0"),
                        itf.vrf,
                        interface=itf.name,
                        distance=DHCP_PREFERENCE,
                        origin="dhcp",
                        runtime_gateway=True,
                        source=itf.dynamic_source,
                    )
                )

    def _protocol(self, rest: tuple[str, ...], st: Stmt, instance: str | None) -> None:
        if not rest:
            self.read(st)
            return
        name = rest[0]
        if name in DYNAMIC:
            seen = self.__dict__.setdefault("_dynamic_seen", set())
            if (instance, name) not in seen:
                seen.add((instance, name))
                where = f"routing-instances {instance} protocols {name}" if instance else f"protocols {name}"
                self.dev.dynamic_routing.append(Src(self.file, st.line, where))
            self.read(st)
        elif name in IGNORED_PROTOCOLS:
            self.read(st)
