"""VRFs, routes and ``/ip settings`` into the model.

``/ip route`` (gateway IP, interface, ``ip%iface``, ECMP lists, blackhole); v7
``routing-table`` naming a ``/ip vrf`` is that VRF, ``main`` is the default VRF;
routes in other tables (v6 ``routing-mark``) keep their table (``Route.table``) and
are used only through policy routing.  ``/ip dhcp-client``, ``/interface
pppoe-client`` (and the other PPP clients, LTE) give a dynamic-address interface
and, when asked for, a default route whose gateway is learned at run time
(``Route.runtime_gateway``).
"""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Interface, L2Mode, Route, Src
from netaudit.parsers.ip import prefix_of

from .reasons import reason
from .state import State
from .syntax import Command, unquote
from .values import parse_addr, quad, split_list, to_int, yes


def finish_vrfs(st: State) -> None:
    for name, (ifaces, src) in st.vrfs.items():
        st.dev.vrfs.add(name)
        for i in ifaces:
            itf = st.dev.interfaces.get(i)
            if itf is None:
                st.refs.append(("interface", i, src, False))
                continue
            itf.vrf = name


def vrf_of_table(st: State, table: str | None) -> tuple[str, str | None]:
    """(model VRF, policy table or None for the VRF's main table) of a RouterOS
    routing table: ``main`` is the default VRF, a ``/ip vrf`` (v6 ``/ip route vrf``)
    name is that VRF, any other table a policy-routing table of the default VRF."""
    if table in (None, "", "main"):
        return "default", None
    if table in st.vrfs:
        return table, None
    return "default", table


def finish_routes(st: State) -> None:
    dev = st.dev
    st.policy_tables = {}
    # the remote end of a point-to-point /32 address (`network=`): a connected route to it
    for ptp_if, peer, ptp_src in st.ptp_peers:
        if ptp_if in dev.interfaces:
            vrf = dev.interfaces[ptp_if].vrf
            dev.routes.append(
                Route(prefix_of(peer, 32), vrf, interface=ptp_if, origin="connected", distance=0, source=ptp_src)
            )
    for cmd, src in st.routes:
        dst = cmd.get("dst-address") or "0.0.0.0/0"
        r = parse_addr(dst)
        if r is None or "-" in dst:
            unread_route(st, src)
            continue
        lo, hi = r
        plen = 32 - (hi - lo).bit_length()
        prefix = prefix_of(lo, plen)
        vrf, table = vrf_of_table(st, cmd.get("routing-table") or cmd.get("routing-mark"))
        if table is not None:
            st.policy_tables.setdefault(table, []).append(src)
        distance = to_int(cmd.get("distance"), 1)
        rtype = (cmd.get("type") or "").lower()
        if "blackhole" in cmd.words or yes(cmd.get("blackhole")) or rtype in ("blackhole", "unreachable", "prohibit"):
            dev.routes.append(Route(prefix, vrf, drop=True, distance=distance, source=src, table=table))
            continue
        gws = split_list(cmd.props.get("gateway"))
        if not gws:  # gateway="" (seen in a real 7.20 export), or none at all
            unread_route(st, src)
            continue
        for gw in gws:
            partial = None
            iface = nh = None
            if "@" in gw:
                gw, _, via = gw.partition("@")
                if via not in ("main", vrf) and not (via == "main" and vrf == "default"):
                    partial = reason("input.routeros.gateway_other_table", table=via)
            if "%" in gw:
                a, _, iface = gw.partition("%")
                nh = quad(a)
            elif quad(gw) is not None:
                nh = quad(gw)
            else:
                iface = gw
            if iface is not None and iface not in dev.interfaces:
                st.refs.append(("interface", iface, src, False))
                partial = partial or reason("input.routeros.gateway_iface_undefined", iface=iface)
            route = Route(
                prefix, vrf, next_hop=nh, interface=iface, distance=distance, source=src, partial=partial, table=table
            )
            dev.routes.append(route)
            if partial:
                st.partial(f"route {prefix}", partial, src)
    # default routes learned at run time: DHCP / PPP / LTE clients.  The address is
    # dynamic (the engine reasons over every address the interface may get); the
    # route's next hop is whoever answers on that segment, outside the snapshot.
    for cmd, src in st.dhcp_clients:
        iface = cmd.get("interface", "")  # dhcp_client() kept only lines with interface=
        if yes(cmd.get("disabled"), st.major == 6):
            continue
        itf = dev.interfaces.get(iface)
        if itf is None:
            continue
        if itf.mode != L2Mode.ROUTED and itf.parent in st.bridges:
            # RouterOS marks it invalid ("DHCP client can not run on slave interface!"):
            # no address, no route — as a static address on a bridge port.  A port of a
            # VLAN-filtering bridge (an access or trunk port here) is a slave too.
            why = Text("input.routeros.dhcp_client_on_port", iface=iface)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
            continue
        st.facts.dhcp_client_interfaces.append(iface)
        dynamic_address(itf, src)
        # add-default-route: yes (default) | special-classless | no
        if (cmd.get("add-default-route") or "yes") != "no" and not itf.shutdown:
            runtime_default(st, itf, cmd, src, to_int(cmd.get("default-route-distance"), 1))
    for name, cmd, src in st.dyn_clients:
        itf = dev.interfaces[name]
        if itf.shutdown:
            continue
        dynamic_address(itf, src)
        if st.ifs[name].dynamic_addr == "lte client":
            # the APN profile decides (v7, v6 >= 6.41): default route on, distance 2
            prof = st.lte_apn.get(unquote(cmd.get("apn-profiles") or "default").split(",")[0], {})
            add = cmd.get("add-default-route") or prof.get("add-default-route")
            dist = cmd.get("default-route-distance") or prof.get("default-route-distance")
            if yes(add, True):
                runtime_default(st, itf, cmd, src, to_int(dist, 2))
        elif yes(cmd.get("add-default-route")):  # PPP clients: off by default
            runtime_default(st, itf, cmd, src, to_int(cmd.get("default-route-distance"), 1))
    for table, srcs in st.policy_tables.items():
        st.facts.policy_routing_tables[table] = srcs


def unread_route(st: State, src: Src) -> None:
    """A route line not understood: unrecognized, and a route the table may lack, so
    that "no route" through the router is not concluded (docs/semantics.md)."""
    st.unrecognized(src)
    st.dev.unread_routes.append(src)


def dynamic_address(itf: Interface, src: Src) -> None:
    itf.dynamic_address = True
    if itf.dynamic_source is None:
        itf.dynamic_source = src


def runtime_default(st: State, itf: Interface, cmd: Command, src: Src, distance: int) -> None:
    """The default route a DHCP / PPP / LTE client installs (not partial: its next
    hop is the run-time gateway on ``itf``'s segment); ``default-route-tables``
    (v7 DHCP client) puts it in other tables."""
    tables = split_list(cmd.props.get("default-route-tables")) or ["main"]
    for t in tables:
        # "main" is the main table of the client interface's own VRF
        vrf, table = (itf.vrf, None) if t in ("main", "") else vrf_of_table(st, t)
        st.dev.routes.append(
            Route(
                IPNetwork("0.0.0.0/0"),
                vrf,
                interface=itf.name,
                distance=distance,
                origin="dhcp",
                source=src,
                runtime_gateway=True,
                table=table,
            )
        )


def finish_settings(st: State) -> None:
    """``/ip settings``: ``ip-forward`` and ``rp-filter`` (Linux rp_filter, which
    counts the default route)."""
    dev = st.dev
    s = st.singletons.get("ip settings")
    if s is not None:
        cmd, _src = s
        if cmd.has("ip-forward"):
            dev.ip_routing = yes(cmd.get("ip-forward"), True)
        rp = cmd.get("rp-filter")
        if rp in ("strict", "loose"):
            dev.urpf_after_dnat = True  # Linux's rp_filter: in the routing decision, after dstnat
            for itf in dev.interfaces.values():
                itf.urpf = rp
                itf.urpf_allow_default = True  # Linux rp_filter counts the default route
