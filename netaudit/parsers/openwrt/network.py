"""The ``network`` package into the model: devices, bridges (DSA ``bridge-vlan`` and
plain), swconfig switches, logical interfaces and their addresses, static routes and
policy-routing rules.

Model interface names are the Linux device names netifd creates (``br-lan``,
``lan1``, ``eth0.2``, ``br-lan.10``, ``pppoe-wan``), because firewall zones and
services resolve to them; each routed interface carries its logical name
(``lan``, ``guest``) as description.

* A bridge with ``bridge-vlan`` sections filters VLANs (netifd turns
  ``vlan_filtering`` on when they exist): its ports become access or trunk ports
  (``lan1:t`` tagged, ``lan2`` / ``lan2:u`` untagged, ``*`` the port VLAN; without
  ``*`` the first untagged VLAN is the port VLAN, as netifd does), ``br-lan.10``
  is the SVI of VLAN 10.  Without them the bridge is one untagged domain.
* swconfig (``config switch_vlan``): the CPU port is the port tagged in every VLAN
  of the switch that an ``ethX.V`` interface uses; the other ports untagged in VLAN *V* are bridge ports of the
  segment of ``ethX.V`` (its bridge, or ``ethX.V`` itself when it routes).  A
  tagged port that is not the CPU port carries VLANs to another device: the
  interfaces of those VLANs are partial (declare a site link and its device).
"""

from __future__ import annotations

import re

from netaddr import AddrFormatError, IPAddress, IPNetwork

from netaudit.messages import Text
from netaudit.model import PROTO_UDP, IfKind, L2Mode, Match, MgmtService, PolicyRoute, PortRange, Route, Src, Vlan
from netaudit.parsers.base import join_reasons
from netaudit.parsers.packet_sets import cond, to_matches

from .state import Logical, State
from .uci import Section

# protocols whose address the router receives at run time
DYNAMIC_PROTOS = {"dhcp": None, "pppoe": "pppoe", "pppoa": "pppoa", "3g": "3g", "qmi": "wwan", "ncm": "wwan"}
DYNAMIC_PROTOS |= {"mbim": "wwan", "modemmanager": "wwan", "ppp": "ppp", "l2tp": "l2tp", "pptp": "pptp"}
# IPv6-only protocols: no IPv4 address, nothing for the IPv4 model
V6_PROTOS = {"dhcpv6", "6in4", "6to4", "6rd", "dslite", "map", "464xlat"}
VPN_PROTOS = {"wireguard", "openvpn", "vxlan", "gre", "gretap", "ipip", "vti", "zerotier"}


def parse_cidr(value: str, netmask: str | None = None) -> IPNetwork | None:
    """``192.168.1.1/24``, or an address with a dotted ``netmask``; None if not IPv4."""
    try:
        if "/" in value:
            net = IPNetwork(value)
        elif netmask:
            net = IPNetwork(f"{value}/{netmask}")
        else:
            net = IPNetwork(f"{value}/32")
    except (AddrFormatError, ValueError, TypeError):
        return None
    return net if net.version == 4 else None


def kind_of(name: str) -> IfKind:
    if name.startswith("br-"):
        return IfKind.BRIDGE if "." not in name else IfKind.VLAN
    if "." in name:
        return IfKind.VLAN
    if name.startswith(("lo",)):
        return IfKind.LOOPBACK
    return IfKind.PHYSICAL


def finish_l2(st: State) -> None:
    """Logical interfaces, bridges and switches (before the radios join them)."""
    devices = {s.get("name"): s for s in st.text.of("network", "device") if s.get("name")}
    for s in st.text.of("network", "device"):
        if not s.get("name"):
            st.warn(s.src, Text("input.openwrt.device_no_name"))
    _logical(st, devices)
    _switch_netdevs(st)
    _bridges(st, devices)
    _switches(st)


def finish_l3(st: State) -> None:
    """Addresses, routes and rules (after the radios gave wireless-only networks a device)."""
    _addresses(st)
    _routes(st)
    _tunnel_peer_routes(st)
    _rules(st)


# --------------------------------------------------------------------------- logical interfaces


def _logical(st: State, devices: dict) -> None:
    for s in st.text.of("network", "interface"):
        name = s.name
        proto = (s.get("proto") or "none").lower()
        dev_opt = s.get("device")
        ifname_words = s.values("ifname")
        legacy_bridge = (s.get("type") or "") == "bridge"
        l2: str | None
        if legacy_bridge:  # 19.07: option type 'bridge' + option ifname 'eth0.1 eth0.3'
            l2 = f"br-{name}"
            st.bridges.setdefault(l2, [])
            for w in ifname_words + ([dev_opt] if dev_opt else []):
                if w not in st.bridges[l2]:
                    st.bridges[l2].append(w)
            st.iface(l2, IfKind.BRIDGE, s.src)
        elif dev_opt:
            l2 = dev_opt
        elif ifname_words:
            l2 = ifname_words[0]
            if len(ifname_words) > 1:
                st.warn(s.line("ifname"), Text("input.openwrt.ifnames_no_bridge", name=name))
        else:
            l2 = None
        lg = Logical(name, s, proto, l2, None, disabled=s.flag("disabled") or proto in V6_PROTOS)
        st.logical[name] = lg
        if name == "loopback" or l2 == "lo":
            lg.l3 = None
            lg.disabled = True  # the loopback is not a zone's door
            s.consume_all()
            continue
        if lg.disabled:
            s.consume_all()
            continue
        if l2 and l2.startswith("@"):
            continue  # alias: resolved in _addresses
        if DYNAMIC_PROTOS.get(proto):
            # PPP-style: a device of its own (pppoe-wan) over the L2 device
            l3 = f"{DYNAMIC_PROTOS[proto]}-{name}"
            itf = st.iface(l3, IfKind.TUNNEL, s.src)
            itf.description = name
            lg.l3 = l3
            if l2:
                st.iface(l2, kind_of(l2), s.src)
            continue
        if proto in VPN_PROTOS:
            l3 = l2 or name
            itf = st.iface(l3, IfKind.TUNNEL, s.src)
            itf.description = name
            lg.l3 = l3
            st.iface_partial(itf, Text("input.openwrt.vpn_tunnel", proto=proto), s.src)
            if proto == "wireguard":
                _wireguard(st, s, itf)
            continue
        if proto not in ("static", "dhcp", "none"):
            if l2:
                itf = st.iface(l2, kind_of(l2), s.src)
                lg.l3 = l2
                st.iface_partial(itf, Text("input.openwrt.proto_unmodelled", proto=proto), s.line("proto"))
            continue
        if l2:
            itf = st.iface(l2, kind_of(l2), s.src)
            lg.l3 = l2
            if not itf.description:
                itf.description = name
        # no device at all: a wireless-only network; wireless.py gives it its device


def _wireguard(st: State, s: Section, itf) -> None:
    """``proto wireguard``: its ``addresses`` are the tunnel interface's (the router's own
    address there), and ``listen_port`` is a UDP port the kernel opens on every address
    of the router (wireguard.sh: ``wg set … listen-port``), which the firewall's input
    rules then filter; without it the port is chosen at random: any UDP port, maybe."""
    for value, src in s.items("addresses"):
        net = parse_cidr(value)
        if net is not None:
            itf.addresses.append(net)
        else:
            st.warn(src, Text("input.openwrt.address_not_ipv4", name=s.name, value=repr(value)))
    port = s.get("listen_port")
    if port is not None and port.isdecimal() and 0 < int(port) <= 65535:
        svc = MgmtService("wireguard", PROTO_UDP, (PortRange(int(port), int(port)),), source=s.line("listen_port"))
    else:
        svc = MgmtService(
            "wireguard",
            PROTO_UDP,
            (PortRange(1, 65535),),
            source=s.line("listen_port") if port is not None else s.src,
            partial=Text("input.openwrt.wireguard_port"),
        )
    st.dev.services.append(svc)


# --------------------------------------------------------------------------- bridges


def _bridges(st: State, devices: dict) -> None:
    dev = st.dev
    for name, s in devices.items():
        t = (s.get("type") or "").lower()
        if t == "bridge":
            st.iface(name, IfKind.BRIDGE, s.src)
            ports = st.bridges.setdefault(name, [])
            for p in s.values("ports") + s.values("ifname"):
                if p not in ports:
                    ports.append(p)
            if s.flag("disabled") or s.get("enabled") == "0":
                dev.interfaces[name].shutdown = True
        elif t in ("8021q", "8021ad"):
            parent = s.get("ifname") or s.get("device") or ""
            vid = _int(s.get("vid"))
            itf = st.iface(name, IfKind.VLAN, s.src)
            itf.parent, itf.encapsulation_vlan = parent or None, vid
            if t == "8021ad":
                st.iface_partial(itf, Text("input.openwrt.qinq_device"), s.src)
        elif t in ("macvlan", "veth", "vrf"):
            itf = st.iface(name, IfKind.OTHER, s.src)
            st.iface_partial(itf, Text("input.openwrt.device_type_unmodelled", type=t), s.line("type"))
        elif t and t not in ("tunnel",):
            st.warn(s.line("type"), Text("input.openwrt.device_type_unknown", type=t))
    vlans_by_bridge: dict[str, list[Section]] = {}
    for s in st.text.of("network", "bridge-vlan"):
        b = s.get("device") or ""
        vlans_by_bridge.setdefault(b, []).append(s)
    for b, secs in vlans_by_bridge.items():
        if b not in st.bridges:
            st.refs.append(("bridge", b, secs[0].src, False))
            st.warn(secs[0].src, Text("input.openwrt.bridge_vlan_not_bridge", device=b))
            continue
        off = devices.get(b)
        if off is not None and off.has("vlan_filtering") and not off.flag("vlan_filtering"):
            st.warn(off.line("vlan_filtering"), Text("input.openwrt.vlan_filtering_off", device=b))
            continue
        st.filtering.add(b)
        _filtering_bridge(st, b, secs)
    for b, ports in st.bridges.items():
        if b in st.filtering:
            continue
        bitf = st.iface(b, IfKind.BRIDGE)
        bitf.kind, bitf.mode = IfKind.BRIDGE, L2Mode.ROUTED
        for p in ports:
            itf = st.iface(p, kind_of(p) if kind_of(p) != IfKind.VLAN else IfKind.PHYSICAL, bitf.source)
            if kind_of(p) == IfKind.VLAN and not _is_switch_vlan(st, p) and bitf.source is not None:
                # eth0.3 in a bridge: frames tagged 3 on eth0 join the bridge untagged
                vparent, _, vtag = p.rpartition(".")
                if vtag.isdecimal():
                    st.iface(vparent, kind_of(vparent), bitf.source)
                    st.facts.vlan_ports[p] = (vparent, int(vtag))
            itf.kind = IfKind.PHYSICAL
            itf.mode, itf.parent = L2Mode.BRIDGE_PORT, b
    # VLAN devices named NAME.VID not declared as devices
    for name in list(dev.interfaces):
        itf = dev.interfaces[name]
        m = re.fullmatch(r"(.+)\.(\d{1,4})", name)
        if not m or itf.mode == L2Mode.BRIDGE_PORT or _is_switch_vlan(st, name):
            continue
        parent, vid = m.group(1), int(m.group(2))
        if parent in st.filtering:
            itf.kind, itf.mode, itf.parent, itf.encapsulation_vlan = IfKind.SVI, L2Mode.ROUTED, None, vid
            dev.vlans.setdefault(vid, Vlan(vid, "", itf.source))
        elif itf.kind == IfKind.VLAN and itf.encapsulation_vlan is None:
            itf.parent, itf.encapsulation_vlan = parent, vid
            p = st.iface(parent, kind_of(parent), itf.source)
            if p.mode == L2Mode.BRIDGE_PORT and itf.source is not None:
                st.iface_partial(itf, Text("input.openwrt.vlan_on_port", parent=parent), itf.source)


def _filtering_bridge(st: State, b: str, secs: list[Section]) -> None:
    """A VLAN-filtering bridge: ports → access/trunk, the bridge's own untagged use partial."""
    dev = st.dev
    tagged: dict[str, set[int]] = {}
    untagged: dict[str, list[int]] = {}
    pvid: dict[str, int] = {}
    srcs: dict[str, Src] = {}
    for s in secs:
        vid = _int(s.get("vlan"))
        if vid is None:
            st.warn(s.src, Text("input.openwrt.bridge_vlan_no_number"))
            continue
        dev.vlans.setdefault(vid, Vlan(vid, s.name if not s.anonymous else "", s.src))
        for word, src in s.items("ports"):
            port, _, flags = word.partition(":")
            srcs.setdefault(port, src)
            if "t" in flags:
                tagged.setdefault(port, set()).add(vid)
            else:
                untagged.setdefault(port, []).append(vid)
            if "*" in flags:
                pvid[port] = vid
        s.get("local")
    bitf = st.iface(b, IfKind.BRIDGE)
    bitf.kind, bitf.mode = IfKind.OTHER, L2Mode.ROUTED
    ports = list(dict.fromkeys(st.bridges.get(b, []) + list(srcs)))
    for p in ports:
        itf = st.iface(p, IfKind.PHYSICAL, srcs.get(p, bitf.source))
        itf.parent = b
        u = untagged.get(p, [])
        pv = pvid.get(p, u[0] if u else None)
        if len(u) > 1 and p not in pvid:
            st.warn(srcs[p], Text("input.openwrt.untagged_several", port=p, vlans=str(u)))
        T = tagged.get(p, set()) - ({pv} if pv is not None else set())
        if pv is not None and not T:
            itf.mode, itf.access_vlan = L2Mode.ACCESS, pv
        else:
            itf.mode, itf.native_vlan = L2Mode.TRUNK, pv
            itf.allowed_vlans = frozenset(T | ({pv} if pv is not None else set()))
            if pv is None:
                itf.native_vlan = 4095  # no untagged VLAN: untagged frames go nowhere
        st.facts.bridge_ports[p] = b


def _is_switch_vlan(st: State, name: str) -> bool:
    return name in st.switch_netdevs


# --------------------------------------------------------------------------- swconfig


def _switch_netdevs(st: State) -> None:
    """The ``ethX.V`` devices that are a swconfig switch's VLANs seen by the CPU."""
    tags = set()
    for s in st.text.of("network", "switch_vlan"):
        vid = _switch_vid(s)
        if vid is not None:
            tags.add(vid)
    if not tags:
        return
    names = {lg.l2 for lg in st.logical.values() if lg.l2} | {p for ps in st.bridges.values() for p in ps}
    for n in names:
        m = re.fullmatch(r"([^.]+)\.(\d{1,4})", n or "")
        if m and not m.group(1).startswith("br-") and int(m.group(2)) in tags:
            st.switch_netdevs[n] = int(m.group(2))


def _switch_vid(s: Section) -> int | None:
    """A ``switch_vlan``'s VLAN id: ``vid``, else the VLAN number ``vlan`` (both read)."""
    vid, number = _int(s.get("vid")), _int(s.get("vlan"))
    return vid if vid is not None else number


def _switches(st: State) -> None:
    secs = st.text.of("network", "switch_vlan")
    if not secs:
        return
    dev = st.dev
    by_switch: dict[str, list[tuple[int, Section, list[tuple[str, bool]]]]] = {}
    for s in secs:
        sw = s.get("device") or "switch0"
        vid = _switch_vid(s)
        if vid is None:
            st.warn(s.src, Text("input.openwrt.switch_vlan_no_vlan"))
            continue
        ports = [(w.rstrip("t*u"), w.endswith("t") or "t" in w[1:]) for w in s.values("ports")]
        by_switch.setdefault(sw, []).append((vid, s, ports))
    used = set(st.switch_netdevs.values())
    for sw, vlans in by_switch.items():
        # How many VLANs each port carries: a port that carries one VLAN, even tagged (an
        # ISP's FTTH VLAN toward its ONT), takes the device beyond into that segment only,
        # as an untagged port does; one that carries several may be bridged beyond.
        carried: dict[str, int] = {}
        for _, _, ports in vlans:
            for port, _ in ports:
                carried[port] = carried.get(port, 0) + 1
        # The CPU port: tagged in every VLAN the CPU has an ethX.V of (a VLAN of external
        # ports only, no ethX.V, does not reach it and says nothing of it).
        tagged_sets = [{p for p, t in ports if t} for vid, _, ports in vlans if vid in used]
        cpu = set.intersection(*tagged_sets) if tagged_sets else set()
        for vid, s, ports in vlans:
            dev.vlans.setdefault(vid, Vlan(vid, "", s.src))
            netdev = next((n for n, v in st.switch_netdevs.items() if v == vid and n in dev.interfaces), None)
            if netdev is None:
                continue  # a VLAN no interface uses: its ports reach nothing of the router
            seg = st.dev.interfaces[netdev].parent if st.dev.interfaces[netdev].mode == L2Mode.BRIDGE_PORT else None
            if seg is None:
                n = st.dev.interfaces[netdev]
                n.kind, n.parent, n.encapsulation_vlan = IfKind.BRIDGE, None, None
                seg = netdev
            for p, t in ports:
                if p in cpu:
                    continue
                pname = f"{sw}.port{p}"
                itf = st.iface(pname, IfKind.PHYSICAL, s.line("ports"))
                if t and carried[p] > 1:
                    for lg in st.logical.values():
                        if lg.l3 == seg or lg.l2 == seg:
                            target = st.dev.interfaces.get(lg.l3 or "")
                            if target is not None:
                                why = Text("input.openwrt.switch_port_tagged", port=p, vid=vid)
                                st.iface_partial(target, why, s.line("ports"))
                    continue
                itf.mode, itf.parent = L2Mode.BRIDGE_PORT, seg
                itf.description = f"switch {sw} port {p} (VLAN {vid})"


# --------------------------------------------------------------------------- addresses


def _addresses(st: State) -> None:
    dev = st.dev
    for lg in st.logical.values():
        s = lg.sec
        if lg.disabled:
            continue
        target = lg.l3
        if lg.l2 and lg.l2.startswith("@"):
            base = st.logical.get(lg.l2[1:])
            target = base.l3 if base is not None else None
            lg.l3 = target
            if base is None:
                st.refs.append(("interface", lg.l2[1:], s.line("device"), False))
        if target is None:
            continue
        itf = dev.interfaces[target]
        if lg.proto == "static":
            mask = s.get("netmask")
            for value, src in s.items("ipaddr"):
                net = parse_cidr(value, mask)
                if net is None:
                    if ":" not in value:
                        st.warn(src, Text("input.openwrt.address_unread", value=repr(value)))
                    continue
                itf.addresses.append(net)
            gw = s.get("gateway")
            # netifd drops every default route of an interface with `defaultroute '0'`
            # (interface-ip.c `enable_route`), the static gateway's too.
            if not s.flag("defaultroute", True):
                gw = None
            if gw and gw not in ("0.0.0.0",):
                try:
                    nh = int(IPAddress(gw))
                except (AddrFormatError, ValueError):
                    nh = None
                if nh is not None:
                    rt = Route(
                        IPNetwork("0.0.0.0/0"),
                        next_hop=nh,
                        interface=target,
                        distance=_int(s.get("metric")) or 0,
                        source=s.line("gateway"),
                    )
                    _table(st, rt, s.get("ip4table"), s.line("ip4table"))
                    dev.routes.append(rt)
        elif lg.proto in DYNAMIC_PROTOS:
            itf.dynamic_address = True
            itf.dynamic_source = s.line("proto")
            st.facts.dynamic_interfaces.append(lg.name)
            if s.flag("defaultroute", True):
                rt = Route(
                    IPNetwork("0.0.0.0/0"),
                    interface=target,
                    distance=_int(s.get("metric")) or 0,
                    origin="dhcp",
                    source=s.line("proto"),
                    runtime_gateway=True,
                )
                _table(st, rt, s.get("ip4table"), s.line("ip4table"))
                dev.routes.append(rt)
        if s.get("ip4table"):
            st.iface_partial(itf, Text("input.openwrt.ip4table"), s.line("ip4table"))
        if s.flag("disabled"):
            itf.shutdown = True


def _table(st: State, rt: Route, table: str | None, src: Src) -> None:
    if table and table not in ("main", "254"):
        rt.table = table


# --------------------------------------------------------------------------- routes and rules


def _routes(st: State) -> None:
    dev = st.dev
    for s in st.text.of("network", "route"):
        if s.flag("disabled"):
            continue
        target = s.get("target") or ""
        net = parse_cidr(target, s.get("netmask") or ("0.0.0.0" if target == "0.0.0.0" else None))
        if net is None:
            st.warn(s.src, Text("input.openwrt.route_target_unread", target=repr(target)))
            continue
        net = net.cidr
        iface_name = s.get("interface")
        out = None
        why: list[Text] = []  # every reason the route is partial (one construct, one joined text)
        if iface_name:
            names = st.l3_names(iface_name)
            out = names[0] if names else None
            if out is None:
                st.refs.append(("interface", iface_name, s.line("interface"), iface_name in st.logical))
                why.append(Text("input.openwrt.route_no_device", name=iface_name))
        nh = None
        gw = s.get("gateway")
        if gw and gw != "0.0.0.0":
            try:
                nh = int(IPAddress(gw))
            except (AddrFormatError, ValueError):
                why.append(Text("input.openwrt.gateway_unread", gateway=repr(gw)))
        rtype = (s.get("type") or "unicast").lower()
        if rtype not in ("unicast", "blackhole", "unreachable", "prohibit", "local"):
            why.append(Text("input.openwrt.route_type", type=rtype))
        rt = Route(
            net,
            next_hop=nh,
            interface=out,
            distance=_int(s.get("metric")) or 0,
            drop=rtype in ("blackhole", "unreachable", "prohibit"),
            source=s.src,
            partial=join_reasons(why) or None,
        )
        _table(st, rt, s.get("table"), s.line("table"))
        if rt.partial:
            st.partial(f"route {net}", rt.partial, s.src)
        dev.routes.append(rt)


def _tunnel_peer_routes(st: State) -> None:
    """WireGuard peers (``config wireguard_<interface>``) with ``route_allowed_ips``:
    netifd routes their ``allowed_ips`` into the tunnel.  The tunnel is partial (its
    peers are outside the snapshot), so what it carries is unknown — without these
    routes it was "no route", a proof of "blocked" for a remote office's networks."""
    for s in st.text.sections:
        if s.package != "network" or not s.type.startswith("wireguard_"):
            continue
        s.consume_all()  # keys, endpoints, keepalive: nothing the model reads
        if s.flag("disabled") or not s.flag("route_allowed_ips"):
            continue
        names = st.l3_names(s.type[len("wireguard_") :])
        if not names:
            continue
        for ip, src in s.items("allowed_ips"):
            net = parse_cidr(ip)
            if net is None:
                continue  # IPv6
            st.dev.routes.append(
                Route(
                    net.cidr,
                    interface=names[0],
                    source=src,
                    partial=Text("input.openwrt.wireguard_peer", name=s.get("description") or s.name),
                )
            )


def _rules(st: State) -> None:
    dev = st.dev
    secs = [s for s in st.text.of("network", "rule") if not s.flag("disabled")]
    prio = [(_int(s.get("priority")), i, s) for i, s in enumerate(secs)]
    if any(p is not None for p, _, _ in prio) and any(p is None for p, _, _ in prio):
        for _, _, s in prio:
            st.partial("policy routing", Text("input.openwrt.rule_priority_mix"), s.src)
    prio.sort(key=lambda t: (t[0] if t[0] is not None else 30000, t[1]))
    for _, _, s in prio:
        reasons: list[str] = []
        kw: dict = {}
        src_v = s.get("src")
        dst_v = s.get("dest")
        for key, val in (("src", src_v), ("dst", dst_v)):
            if val:
                n = parse_cidr(val)
                if n is None:
                    reasons.append(Text("input.openwrt.rule_value_unread", option=key, value=repr(val)))
                else:
                    kw[key] = ((n.first, n.last),)
        inif = s.get("in")
        if inif:
            names = st.l3_names(inif)
            kw["inif"] = frozenset(names)
        for key in ("mark", "invert", "tos", "uidrange", "suppress_prefixlength", "ipproto", "sport", "dport"):
            if s.get(key):
                reasons.append(_rule_option(key))
        if s.get("out"):
            reasons.append(_rule_option("out"))
        c = cond(**kw)
        matches = to_matches(c) if c is not None else []
        action = (s.get("action") or "").lower()
        lookup = s.get("lookup")
        if action in ("blackhole", "unreachable", "prohibit"):
            pr = PolicyRoute(matches, "drop", source=s.src, name="ip rule")
        elif lookup in ("main", "254", "default", "253", "local", "255"):
            pr = PolicyRoute(matches, "main", source=s.src, name="ip rule")
        elif lookup:
            pr = PolicyRoute(matches, "table", table=lookup, fallback=True, source=s.src, name="ip rule")
        else:
            reasons.append(Text("input.openwrt.rule_action", action=action or Text("input.openwrt.none")))
            pr = PolicyRoute(matches or [Match()], "main", source=s.src, name="ip rule")
        if reasons:
            pr.partial = join_reasons(reasons)
            st.partial("policy routing", pr.partial, s.src)
        if c is not None:
            dev.policy_routes.append(pr)


def _rule_option(option: str) -> Text:
    """Why an ``ip rule`` with this option is partial."""
    return Text("input.openwrt.rule_option", option=option)


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None
