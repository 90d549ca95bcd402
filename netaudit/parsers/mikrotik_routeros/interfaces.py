"""Interfaces into the model: every interface the export defines or names, addresses
(VRRP addresses as virtual addresses of their parent), bonds, bridges
(:mod:`.bridges`), VLAN interfaces, v6 switch groups, and the partial marks of
constructs that affect what an interface's frames reach.
"""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import IfKind, Interface, L2Mode, Vlan

from .bridges import finish_bridges
from .lists import expand_list
from .reasons import QINQ, SERVICE_TAG, reason
from .records import BridgePort
from .state import State
from .values import to_int
from .wireless import wifi_prop, wl_disabled


def finish_interfaces(st: State) -> None:
    dev = st.dev
    # interfaces only named by other sections
    for p in st.bports:
        if p.iface not in st.lists:
            st.iface(p.iface)
        st.iface(p.bridge, IfKind.BRIDGE)
    for v in st.vlan_ifs.values():
        st.iface(v.parent)
    for vrrp_parent, _ in st.vrrp.values():
        st.iface(vrrp_parent)
    for slaves, _ in st.bonds.values():
        for s in slaves:
            st.iface(s)
    for iface, _, _ in st.addrs:
        st.iface(iface)
    for _lst, iface, _ in st.list_members:
        if iface not in st.lists and iface not in ("all", "none", "static", "dynamic"):
            st.iface(iface)
    for cmd, _ in st.dhcp_clients + st.dhcp_servers + st.dhcp_relays:
        st.iface(cmd.get("interface", ""))  # the handlers kept only lines with interface=
    for _, cmd, _ in st.dyn_clients:
        if cmd.get("interface"):
            st.iface(cmd.get("interface", ""))
    for ifaces, _ in st.vrfs.values():
        for i in ifaces:
            st.iface(i)
    for rec in list(st.ifs.values()):
        if rec.master_port:
            st.iface(rec.master_port)
    # wifi interfaces joining a bridge through their datapath
    for w in st.wl.values():
        if w.family == "wifi":
            br = wifi_prop(st, w, "datapath", "bridge")
            if br:
                vid = to_int(wifi_prop(st, w, "datapath", "vlan-id"))
                p = BridgePort(br, w.name, w.src, pvid=vid or 1, pvid_set=vid is not None, dynamic=True)
                st.bports.append(p)
                st.iface(br, IfKind.BRIDGE)
    # a VXLAN joining a bridge by its own `bridge=` and `bridge-pvid=` (v7.18+): RouterOS
    # adds it as a dynamic port (not in /interface bridge port)
    for name, br, vid, src in st.vxlan_ports:
        st.bports.append(BridgePort(br, name, src, pvid=vid or 1, pvid_set=vid is not None, dynamic=True))
        st.iface(br, IfKind.BRIDGE)
    for rec in st.ifs.values():
        itf = Interface(name=rec.name, kind=rec.kind, source=rec.src, shutdown=rec.disabled, description=rec.comment)
        if rec.name in st.wl:
            itf.shutdown = wl_disabled(st.wl[rec.name])
        dev.interfaces[rec.name] = itf
    for iface, net, _ in st.addrs:
        if iface in st.vrrp and st.vrrp[iface][0] in dev.interfaces:
            parent = dev.interfaces[st.vrrp[iface][0]]
            plen = next(
                (n.prefixlen for i, n, _ in st.addrs if i == parent.name and n.first <= int(net.ip) <= n.last), 32
            )
            if not dev.interfaces[iface].shutdown:
                parent.virtual_addresses.append(IPNetwork(f"{net.ip}/{plen}"))
            continue
        dev.interfaces[iface].addresses.append(net)
    for name, names in st.segment_names.items():
        if name in dev.interfaces:
            dev.interfaces[name].segment_names.extend(dict.fromkeys(names))
    for net, comment in st.dhcp_network_names:
        for itf in dev.interfaces.values():
            if any(a.ip in net for a in itf.addresses) and comment not in itf.segment_names:
                itf.segment_names.append(comment)
    for name, (slaves, _) in st.bonds.items():
        for s in slaves:
            dev.interfaces[s].parent = name
    finish_bridges(st)
    _addresses_on_bridge_ports(st)
    for v in st.vlan_ifs.values():
        itf = dev.interfaces[v.name]
        if itf.kind == IfKind.VLAN:  # not turned into an SVI by a filtering bridge
            itf.parent = v.parent
            itf.encapsulation_vlan = v.vid
            parent_itf = dev.interfaces.get(v.parent)
            if parent_itf is not None and parent_itf.mode == L2Mode.BRIDGE_PORT:
                st.iface_partial(itf, reason("input.routeros.vlan_on_bridge_port", port=v.parent), v.src)
            elif parent_itf is not None and parent_itf.mode in (L2Mode.ACCESS, L2Mode.TRUNK):
                st.iface_partial(itf, reason("input.routeros.vlan_on_switch_port", port=v.parent), v.src)
            elif parent_itf is not None and parent_itf.kind == IfKind.VLAN:
                st.iface_partial(itf, QINQ, v.src)
        if v.service_tag:
            st.iface_partial(dev.interfaces[v.name], SERVICE_TAG, v.src)
        dev.vlans.setdefault(v.vid, Vlan(v.vid, v.name, v.src))
    # v6 switch groups: master-port
    for rec in st.ifs.values():
        if rec.master_port and rec.master_port in dev.interfaces:
            itf = dev.interfaces[rec.name]
            if itf.mode == L2Mode.ROUTED:
                itf.mode, itf.parent = L2Mode.BRIDGE_PORT, rec.master_port
    # bond members take the bond's L2 settings
    for name, (slaves, _) in st.bonds.items():
        b = dev.interfaces[name]
        for s in slaves:
            m = dev.interfaces[s]
            m.mode, m.access_vlan = b.mode, b.access_vlan
            m.allowed_vlans, m.native_vlan = b.allowed_vlans, b.native_vlan
    for rec in st.ifs.values():
        for why in rec.partial:
            st.iface_partial(dev.interfaces[rec.name], why, rec.src)


# --------------------------------------------------------------------------- partial interfaces


def _addresses_on_bridge_ports(st: State) -> None:
    """An address put on a bridge port is the bridge's: "Putting an IP address to a
    physical interface included in a bridge would mean actually putting it on the bridge
    interface itself" (MikroTik wiki, Manual:IP/Address; ``/ip address print detail``
    shows the bridge as its actual interface).  Left on the port, the router had no
    address on the bridge's segment: its hosts found no gateway (everything "blocked")."""
    dev = st.dev
    for iface, net, src in st.addrs:
        itf = dev.interfaces.get(iface)
        if itf is None or itf.mode == L2Mode.ROUTED or not itf.parent or net not in itf.addresses:
            continue
        bridge = dev.interfaces.get(itf.parent)
        if bridge is None or itf.parent not in st.bridges:
            continue
        itf.addresses.remove(net)
        bridge.addresses.append(net)
        why = Text("input.routeros.address_on_port", address=str(net), iface=iface, bridge=itf.parent)
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))


def bridge_l3(st: State, bridge: str) -> list[Interface]:
    """A bridge's own interface and the VLAN interfaces on it."""
    dev = st.dev
    out = [dev.interfaces[bridge]] if bridge in dev.interfaces else []
    out += [dev.interfaces[v.name] for v in st.vlan_ifs.values() if v.parent == bridge and v.name in dev.interfaces]
    return out


def port_l3(st: State, port: str) -> list[Interface]:
    """The L3 interfaces a (switch) port's frames reach: the port itself and VLAN
    interfaces on it when it routes, else those of its bridge or master port."""
    dev = st.dev
    itf = dev.interfaces.get(port)
    if itf is None:
        return []
    if itf.parent in st.bridges:  # bridge or switch port of a bridge
        return bridge_l3(st, itf.parent)
    if itf.parent in dev.interfaces and itf.parent != port:
        # bond member, or a port of a v6 switch group (master-port)
        return port_l3(st, itf.parent)
    master = st.ifs[port].master_port if port in st.ifs else None
    if master:
        return port_l3(st, master) if master != port else []
    return [itf] + [
        dev.interfaces[v.name] for v in st.vlan_ifs.values() if v.parent == port and v.name in dev.interfaces
    ]


def finish_partial_ifaces(st: State) -> None:
    """Constructs recorded against interfaces, lists, bridges or ports (HotSpot, switch
    chip, bridge filters, UPnP …) → partial marks on the L3 interfaces they affect."""
    dev = st.dev
    for iface, why, src in st.partial_ifaces:
        if iface == "@bridges":
            targets = [i for n in st.bridges for i in bridge_l3(st, n)]
        elif iface.startswith("@bridge="):
            targets = bridge_l3(st, iface.split("=", 1)[1])
        elif iface.startswith("@port="):
            targets = port_l3(st, iface.split("=", 1)[1])
        elif iface == "@switch":
            # switch-chip configuration naming no port: every routed interface
            targets = [i for i in dev.interfaces.values() if i.is_l3 or (i.dynamic_address and i.mode == L2Mode.ROUTED)]
        else:
            itf = dev.interfaces.get(iface)
            targets = [itf] if itf is not None else []
            if not targets and iface in st.lists:
                targets = [dev.interfaces[n] for n in expand_list(st, iface, src)[0] or () if n in dev.interfaces]
        if not targets:
            st.partial("device", why, src)
        for itf in targets:
            st.iface_partial(itf, why, src)
