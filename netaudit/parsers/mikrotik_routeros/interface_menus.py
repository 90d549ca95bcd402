"""Reading the ``/interface`` menus: ethernet, bridges, VLANs, bonds, interface lists,
wireless and wifi, PPP/LTE clients, tunnels, VPN servers, switch chips, VRRP, Detect Internet.

Each handler takes ``(state, command, source)``, records what the line says and returns
None (understood), :data:`~.state.IGNORED` (understood, no effect) or raises
:class:`~.state.NotUnderstood`.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import IfKind, Src

from .reasons import CAPSMAN_CONFIG, CAPSMAN_MANAGED, SWITCH_CHIP
from .records import BridgePort, BridgeRecord, BridgeVlan, VlanIf, WirelessIf
from .state import IGNORED, NotUnderstood, State
from .syntax import Command
from .values import parse_vlan_ids, removed_item, split_list, to_int, yes


def ethernet(st: State, cmd: Command, src: Src):
    if cmd.verb != "set":
        raise NotUnderstood
    default, cur, name = st.set_rename(cmd)
    rec = st.iface(name, IfKind.PHYSICAL, src)
    rec.default_name = default or rec.default_name
    touched = name != cur
    if cmd.has("disabled"):
        rec.disabled = yes(cmd.get("disabled"))
        touched = True
    if cmd.has("comment"):
        rec.comment = cmd.get("comment") or ""
        touched = True
    mp = cmd.get("master-port")
    if mp and mp != "none":
        rec.master_port = mp
        touched = True
    return None if touched else IGNORED


# --------------------------------------------------------------------------- bridges


def bridge(st: State, cmd: Command, src: Src):
    name = cmd.get("name") if cmd.verb == "add" else (cmd.target or cmd.get("name"))
    if not name:
        raise NotUnderstood
    if cmd.verb == "set" and cmd.get("name") and cmd.target and cmd.target != cmd.get("name"):
        raise NotUnderstood  # rename by set: not produced by /export
    b = st.bridges.get(name)
    if b is None:
        b = st.bridges[name] = BridgeRecord(name, src)
    rec = st.iface(name, IfKind.BRIDGE, src)
    if cmd.has("vlan-filtering"):
        b.vlan_filtering = yes(cmd.get("vlan-filtering"))
        b.vf_src = src
    if cmd.has("pvid"):
        b.pvid = to_int(cmd.get("pvid"), 1)
    if cmd.has("frame-types"):
        b.frame_types = cmd.get("frame-types", "")
    if cmd.has("ingress-filtering"):
        b.ingress_filtering = yes(cmd.get("ingress-filtering"))
    if cmd.has("disabled"):
        b.disabled = rec.disabled = yes(cmd.get("disabled"))
    if cmd.has("comment"):
        rec.comment = cmd.get("comment") or ""


def bridge_port(st: State, cmd: Command, src: Src):
    """``/interface bridge port add bridge=B interface=I``.  An entry whose bridge no
    longer exists (no ``bridge=``, or the removed bridge's id ``*E``, as exports show it)
    puts the interface in no bridge; one whose interface no longer exists (no
    ``interface=``, or its id ``*7`` under the export's own ``# no interface`` comment)
    adds no port to the bridge."""
    if cmd.verb != "add":
        raise NotUnderstood
    bridge, iface = cmd.get("bridge"), cmd.get("interface")
    if iface is None or removed_item(iface):
        if not yes(cmd.get("disabled")):
            why = (
                Text("input.routeros.port_no_interface", bridge=bridge)
                if bridge
                else Text("input.routeros.port_no_interface_no_bridge")
            )
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    if bridge is None or removed_item(bridge):
        if not yes(cmd.get("disabled")):
            why = (
                Text("input.routeros.port_bridge_gone", iface=iface, bridge=bridge)
                if bridge
                else Text("input.routeros.port_no_bridge", iface=iface)
            )
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    p = BridgePort(bridge, iface, src)
    if cmd.has("pvid"):
        p.pvid = to_int(cmd.get("pvid"), 1)
        p.pvid_set = True
    p.frame_types = cmd.get("frame-types", "admit-all")
    if cmd.has("ingress-filtering"):
        p.ingress_filtering = yes(cmd.get("ingress-filtering"))
    p.disabled = yes(cmd.get("disabled"))
    h = cmd.get("horizon")
    p.horizon = None if h in (None, "none") else h
    st.bports.append(p)


def bridge_vlan(st: State, cmd: Command, src: Src):
    if cmd.verb != "add":
        raise NotUnderstood
    bridge = cmd.get("bridge")
    vids = parse_vlan_ids(cmd.props.get("vlan-ids", ""))
    if not bridge or not vids:
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.bvlans.append(
        BridgeVlan(bridge, vids, split_list(cmd.props.get("tagged")), split_list(cmd.props.get("untagged")), src)
    )


def bridge_settings(st: State, cmd: Command, src: Src):
    """use-ip-firewall(-for-vlan, -for-pppoe): recorded, applied to the bridges in
    :func:`.bridges.finish_bridge_firewall`."""
    touched = False
    for key in ("use-ip-firewall", "use-ip-firewall-for-vlan", "use-ip-firewall-for-pppoe"):
        if cmd.has(key):
            st.bridge_settings[key] = (yes(cmd.get(key)), src)
            touched = True
    return None if touched else IGNORED


def bridge_l2fw(st: State, cmd: Command, src: Src):
    """``/interface bridge filter|nat``: rules that may drop or rewrite bridged frames."""
    if yes(cmd.get("disabled")):
        return IGNORED
    action = cmd.get("action", "accept")
    if action in ("accept", "passthrough", "log", "mark-packet", "set-priority"):
        return IGNORED
    st.bridge_l2fw.append((cmd, src, action))


# --------------------------------------------------------------------------- VLANs, bonds, lists


def vlan(st: State, cmd: Command, src: Src):
    if cmd.verb != "add":
        raise NotUnderstood
    name, parent, vid = cmd.get("name"), cmd.get("interface"), to_int(cmd.get("vlan-id"))
    if not name or not parent or vid is None:
        raise NotUnderstood
    v = VlanIf(name, vid, parent, src, disabled=yes(cmd.get("disabled")), service_tag=yes(cmd.get("use-service-tag")))
    st.vlan_ifs[name] = v
    rec = st.iface(name, IfKind.VLAN, src)
    rec.disabled = v.disabled
    rec.comment = cmd.get("comment") or ""


def bonding(st: State, cmd: Command, src: Src):
    if cmd.verb != "add":
        raise NotUnderstood
    name = cmd.get("name")
    if not name:
        raise NotUnderstood
    st.bonds[name] = (split_list(cmd.props.get("slaves")), src)
    rec = st.iface(name, IfKind.PORT_CHANNEL, src)
    rec.disabled = yes(cmd.get("disabled"))


def iflist(st: State, cmd: Command, src: Src):
    if cmd.verb == "set":
        return IGNORED  # built-in lists (all, none …): comments only
    name = cmd.get("name")
    if not name:
        raise NotUnderstood
    st.lists[name] = {
        "include": split_list(cmd.props.get("include")),
        "exclude": split_list(cmd.props.get("exclude")),
        "src": src,
    }


def iflist_member(st: State, cmd: Command, src: Src):
    """``/interface list member add list=L interface=I``.  An entry without ``interface=``
    (an export shows it so once the interface it named no longer exists) adds no
    interface to the list; a disabled entry adds none either.  An entry without
    ``list=`` is not understood."""
    if cmd.verb != "add":
        raise NotUnderstood
    lst, iface = cmd.get("list"), cmd.get("interface")
    if not lst:
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    if iface is None or removed_item(iface):  # none, or a removed interface's id (*7)
        why = Text("input.routeros.list_member_no_interface", list=lst)
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    st.list_members.append((lst, iface, src))


# --------------------------------------------------------------------------- wireless, wifi


def _wl_record(st: State, family: str, cmd: Command, src: Src) -> WirelessIf:
    if cmd.verb == "set":
        default, cur, name = st.set_rename(cmd)
        w = st.wl.pop(cur, None) or st.wl.get(name)
        if w is None:
            w = WirelessIf(family, name, src, default_name=default)
    else:
        new_name = cmd.get("name")
        if not new_name:
            raise NotUnderstood
        name = new_name
        w = st.wl.get(name) or WirelessIf(family, name, src)
    w.name = name
    w.src = src if w.src is None else w.src
    for k, v in cmd.props.items():
        w.props[k] = v
    if cmd.verb == "add":
        w.props.setdefault("__added", "yes")
    st.wl[name] = w
    rec = st.iface(name, IfKind.PHYSICAL, src)
    rec.default_name = w.default_name
    return w


def wireless(st: State, cmd: Command, src: Src):
    _wl_record(st, "wireless", cmd, src)


def wifi(st: State, cmd: Command, src: Src):
    """A v7 wifi interface.  On a CAPsMAN controller the export lists the radios of its
    access points too, each after ``# operated by CAP A, traffic processing on CAP``:
    their frames are bridged on the access point, not here — not an interface of this
    device (with ``traffic processing on CAPsMAN``, 7.21, they are)."""
    note = st.comment_line
    if (
        cmd.verb == "add"
        and note is not None
        and note[0] == src.line - 1
        and "operated by CAP" in note[1]
        and not note[1].rstrip().endswith("CAPsMAN")
    ):
        return IGNORED
    _wl_record(st, "wifi", cmd, src)
    return None


def wireless_security(st: State, cmd: Command, src: Src):
    """Legacy ``/interface wireless security-profiles``."""
    if cmd.verb == "add":
        name = cmd.get("name")
        if not name:
            raise NotUnderstood
        st.wsec.setdefault(name, {}).update(cmd.props)
        return
    is_default = cmd.selects_default
    old = "default" if is_default else cmd.target
    if not old:
        raise NotUnderstood
    prof = st.wsec.setdefault(old, {})
    prof.update(cmd.props)
    new = cmd.get("name")
    if new and new != old:
        st.wsec[new] = prof  # renamed default profile keeps answering to both


def wireless_cap(st: State, cmd: Command, src: Src):
    if yes(cmd.get("enabled")):
        st.partial("wireless", CAPSMAN_MANAGED, src)
        return None
    return IGNORED


def capsman(st: State, cmd: Command, src: Src):
    st.partial("capsman", CAPSMAN_CONFIG, src)


def capsman_manager(st: State, cmd: Command, src: Src):
    """``/interface wifi capsman`` / ``/caps-man manager set enabled=yes``: this device is
    the controller — its access points' SSIDs are not modelled (the radios managed by a
    controller are a CAP's, ``/interface wifi cap``)."""
    if yes(cmd.get("enabled")):
        st.partial("capsman", CAPSMAN_CONFIG, src)
        return None
    return IGNORED


def wifi_profile(kind: str):
    """``/interface wifi configuration|security|datapath`` profiles."""

    def handler(st: State, cmd: Command, src: Src):
        name = cmd.get("name") if cmd.verb == "add" else cmd.target
        if not name:
            raise NotUnderstood
        st.wifi_profiles.setdefault((kind, name), {}).update(cmd.props)

    return handler


# --------------------------------------------------------------------------- clients, tunnels, servers


def dyn_client(kind: str):
    """PPPoE/L2TP/PPTP/SSTP/OVPN/LTE clients: an interface whose address is dynamic."""

    def handler(st: State, cmd: Command, src: Src):
        name: str | None
        if kind == "lte" and cmd.verb == "set":
            if cmd.find and "default-name" in cmd.find:
                name = st.set_rename(cmd)[2]
            else:  # set [ find ] name=lte1 (v6 defconf)
                name = st.set_target(cmd) or cmd.get("name")
        else:
            name = cmd.get("name")
        if not name:
            raise NotUnderstood
        rec = st.iface(name, IfKind.OTHER, src)
        rec.disabled = yes(cmd.get("disabled"), kind not in ("lte",) and st.major == 6)
        rec.dynamic_addr = f"{kind} client"
        st.dyn_clients.append((name, cmd, src))

    return handler


def zerotier(st: State, cmd: Command, src: Src):
    """``/zerotier`` (RouterOS 7 ZeroTier package): which instances are switched off."""
    if cmd.verb == "set" and cmd.target and cmd.has("disabled"):
        (st.zerotier_off.add if yes(cmd.get("disabled")) else st.zerotier_off.discard)(cmd.target)
    return IGNORED


def zerotier_interface(st: State, cmd: Command, src: Src):
    """``/zerotier interface add``: an interface on a ZeroTier network.  Its controller
    assigns its address at run time, and — with ``allow-managed`` (ZeroTier's "managed
    routes … to other networks via gateways on a ZeroTier network", on unless
    ``allow-managed=no``), ``allow-global`` or ``allow-default`` — routes the export does
    not hold: a dynamic-address interface, and dynamic routing on the device."""
    name = cmd.get("name")
    if cmd.verb != "add" or not name:
        raise NotUnderstood
    rec = st.iface(name, IfKind.TUNNEL, src)
    rec.disabled = yes(cmd.get("disabled")) or cmd.get("instance", "zt1") in st.zerotier_off
    rec.dynamic_addr = "ZeroTier"
    st.dyn_clients.append((name, cmd, src))
    routes = yes(cmd.get("allow-managed"), True) or yes(cmd.get("allow-global")) or yes(cmd.get("allow-default"))
    if routes and not rec.disabled:
        st.dev.dynamic_routing.append(src)


def tunnel(kind: IfKind):
    def handler(st: State, cmd: Command, src: Src):
        name = cmd.get("name") if cmd.verb == "add" else cmd.target
        if not name:
            raise NotUnderstood
        rec = st.iface(name, kind, src)
        rec.disabled = yes(cmd.get("disabled"))
        if cmd.path[-1] == "wireguard" and cmd.has("listen-port"):
            st.wireguard.append((name, to_int(cmd.get("listen-port"), 13231), src))
        elif cmd.path[-1] == "wireguard" and cmd.verb == "add":
            st.wireguard.append((name, 13231, src))
        elif cmd.path[-1] == "vxlan" and cmd.get("bridge"):
            # the bridge it joins as a (dynamic) port, with that port's pvid
            st.vxlan_ports.append((name, cmd.get("bridge", ""), to_int(cmd.get("bridge-pvid")), src))

    return handler


def vpn_server(st: State, cmd: Command, src: Src):
    key = " ".join(cmd.path[1:2])
    st.vpn_servers[key + (f":{cmd.get('name')}" if cmd.verb == "add" else "")] = (cmd, src)
    if cmd.get("enabled") is None and cmd.verb == "set":
        return IGNORED


def switch(st: State, cmd: Command, src: Src):
    """``/interface ethernet switch`` (``vlan``, ``rule``, ``port``): the switch chip's VLAN
    and rule tables, not modelled — partial on the L3 interfaces the named ports' frames
    reach, on every routed interface when no port is named (or only by its item number,
    as verbose exports do).  A port left with no VLAN processing (``vlan-mode=disabled``,
    ``vlan-header=leave-as-is``, no default VLAN ID: the defaults, which verbose exports
    print) changes nothing."""
    if yes(cmd.get("disabled")):
        return IGNORED
    if cmd.path[-1] == "port" and cmd.verb == "set" and _switch_port_untouched(cmd):
        return None
    if (cmd.path[-1] in ("vlan", "rule", "port") and cmd.verb == "add") or (
        cmd.path[-1] == "port" and cmd.has("vlan-mode")
    ):
        # the ports it names (the switch CPU port stands for the router itself,
        # reached through the other ports' bridge)
        ports = split_list(cmd.props.get("ports")) if cmd.verb == "add" else [st.set_target(cmd) or ""]
        ports = [x for x in ports if x and not x.endswith("-cpu") and not x.isdecimal()]
        for port in ports or ["@switch"]:
            st.partial_ifaces.append((f"@port={port}" if port != "@switch" else port, SWITCH_CHIP, src))
        return None
    return IGNORED


def switch_port_isolation(st: State, cmd: Command, src: Src):
    """``/interface ethernet switch port-isolation set PORT forwarding-override=PORTS``: the
    switch chip forwards PORT's frames only to PORTS (help.mikrotik.com "CRS3xx, CRS5xx
    series switches", port isolation; terraform-provider-routeros
    ``interface_ethernet_switch_port_isolation``): read by :func:`.bridges.finish_bridge_l2fw`.
    Without a value (``!forwarding-override``, as exports print the default) it changes
    nothing."""
    override = split_list(cmd.props.get("forwarding-override"))
    if cmd.verb != "set" or not override:
        return IGNORED
    port = st.set_target(cmd)
    if not port:
        raise NotUnderstood
    st.port_isolation.append((port, override, src))
    return None


def _switch_port_untouched(cmd: Command) -> bool:
    """Whether a switch port's VLAN settings are the chip's defaults: no VLAN table
    lookup on ingress ("disabled: no traffic is dropped"), egress frames left as they
    are, no tag added (help.mikrotik.com "Switch Chip Features", port settings)."""
    return (
        cmd.get("vlan-mode") == "disabled"
        and cmd.get("vlan-header", "leave-as-is") == "leave-as-is"
        and cmd.get("default-vlan-id", "auto") in ("auto", "0")
    )


def detect_internet(st: State, cmd: Command, src: Src):
    """``/interface detect-internet set``: the interfaces it watches
    (``detect-interface-list``, default ``none``: off) and the lists it puts each of them
    in at run time by the state it detects (``lan-``, ``wan-``, ``internet-interface-list``;
    :mod:`.lists`)."""
    if cmd.verb != "set":
        raise NotUnderstood
    props = dict(st.detect_internet[0]) if st.detect_internet is not None else {}
    props.update({k: cmd.get(k) or "" for k in cmd.props})
    st.detect_internet = (props, src)
    return None if props.get("detect-interface-list", "none") not in ("", "none") else IGNORED


def vrrp(st: State, cmd: Command, src: Src):
    name, parent = cmd.get("name"), cmd.get("interface")
    if cmd.verb != "add" or not name or not parent:
        raise NotUnderstood
    st.vrrp[name] = (parent, src)
    rec = st.iface(name, IfKind.OTHER, src)
    rec.disabled = yes(cmd.get("disabled"))


HANDLERS = {
    ("interface", "ethernet"): ethernet,
    ("interface", "bridge"): bridge,
    ("interface", "bridge", "port"): bridge_port,
    ("interface", "bridge", "vlan"): bridge_vlan,
    ("interface", "bridge", "settings"): bridge_settings,
    ("interface", "bridge", "filter"): bridge_l2fw,
    ("interface", "bridge", "nat"): bridge_l2fw,
    ("interface", "vlan"): vlan,
    ("interface", "bonding"): bonding,
    ("interface", "list"): iflist,
    ("interface", "list", "member"): iflist_member,
    ("interface", "wireless"): wireless,
    ("interface", "wireless", "security-profiles"): wireless_security,
    ("interface", "wireless", "cap"): wireless_cap,
    ("interface", "wifi"): wifi,
    ("interface", "wifi", "configuration"): wifi_profile("configuration"),
    ("interface", "wifi", "security"): wifi_profile("security"),
    ("interface", "wifi", "datapath"): wifi_profile("datapath"),
    ("interface", "wifi", "cap"): wireless_cap,
    ("interface", "wifi", "capsman"): capsman_manager,
    ("interface", "wifi", "provisioning"): capsman,
    ("caps-man", "configuration"): capsman,
    ("caps-man", "provisioning"): capsman,
    ("caps-man", "manager"): capsman_manager,
    ("zerotier",): zerotier,
    ("zerotier", "interface"): zerotier_interface,
    ("interface", "pppoe-client"): dyn_client("PPPoE"),
    ("interface", "ppp-client"): dyn_client("PPP"),  # a serial/USB modem's dial-up link
    ("interface", "l2tp-client"): dyn_client("L2TP"),
    ("interface", "pptp-client"): dyn_client("PPTP"),
    ("interface", "sstp-client"): dyn_client("SSTP"),
    ("interface", "ovpn-client"): dyn_client("OpenVPN"),
    ("interface", "lte"): dyn_client("lte"),
    ("interface", "eoip"): tunnel(IfKind.TUNNEL),
    ("interface", "gre"): tunnel(IfKind.TUNNEL),
    ("interface", "ipip"): tunnel(IfKind.TUNNEL),
    ("interface", "vxlan"): tunnel(IfKind.TUNNEL),
    ("interface", "6to4"): tunnel(IfKind.TUNNEL),
    ("interface", "wireguard"): tunnel(IfKind.TUNNEL),
    ("interface", "veth"): tunnel(IfKind.OTHER),
    ("interface", "pptp-server", "server"): vpn_server,
    ("interface", "l2tp-server", "server"): vpn_server,
    ("interface", "sstp-server", "server"): vpn_server,
    ("interface", "ovpn-server", "server"): vpn_server,
    ("interface", "pppoe-server", "server"): vpn_server,
    ("interface", "ethernet", "switch"): switch,
    ("interface", "ethernet", "switch", "vlan"): switch,
    ("interface", "ethernet", "switch", "port"): switch,
    ("interface", "ethernet", "switch", "rule"): switch,
    ("interface", "ethernet", "switch", "port-isolation"): switch_port_isolation,
    ("interface", "vrrp"): vrrp,
    ("interface", "detect-internet"): detect_internet,
}
