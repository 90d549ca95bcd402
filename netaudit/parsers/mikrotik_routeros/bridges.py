"""Bridges into the model.

``vlan-filtering=yes``: member ports become switch ports — an access port in its
``pvid`` VLAN, or a trunk (native = pvid, allowed = the VLANs the ``/interface bridge
vlan`` table tags on it); the bridge's own address becomes an SVI in the bridge
``pvid`` (default 1) and ``/interface vlan`` on the bridge SVIs of their VLAN ID.
``vlan-filtering=no``: ``pvid`` and the VLAN table are ignored (as RouterOS does) —
member ports are bridge ports of one untagged domain, the bridge is a routed bridge
interface, and VLAN interfaces on it terminate their tag carried transparently across
every member port; the VLAN intent is kept as ``Device.unfiltered_bridges``.
"""

from __future__ import annotations

from dataclasses import replace

from netaudit.messages import Text
from netaudit.model import IfKind, Interface, L2Mode, UnfilteredBridge, Vlan, VlanUse

from .facts import HoppingPort
from .lists import expand_list, expand_names
from .reasons import reason
from .records import BridgePort, BridgeRecord
from .state import State
from .values import removed_item
from .wireless import wireless_tag


def port_ingress_default(st: State) -> bool | None:
    """Bridge port ``ingress-filtering`` when not set: v6 no, v7 yes (no header: no)."""
    return bool(st.major is not None and st.major >= 7)


def finish_bridges(st: State) -> None:
    dev = st.dev
    by_bridge: dict[str, list[BridgePort]] = {}
    for p in st.bports:
        if p.disabled:
            continue
        members = [p.iface]
        if p.iface in st.lists or p.iface in ("all", "dynamic", "static"):
            members = sorted(expand_list(st, p.iface, p.src)[0] or [])
        for name in members:
            if name not in dev.interfaces or name == p.bridge:
                continue
            q = replace(p, iface=name)
            by_bridge.setdefault(p.bridge, []).append(q)
    for bname, b in st.bridges.items():
        bitf = dev.interfaces[bname]
        ports = [p for p in by_bridge.get(bname, []) if not b.disabled]
        if b.vlan_filtering:
            filtering_bridge(st, b, bitf, ports)
        else:
            plain_bridge(st, b, bitf, ports)
    for bname in by_bridge:
        if bname not in st.bridges:
            src = by_bridge[bname][0].src
            names = ", ".join(p.iface for p in by_bridge[bname])
            why = Text("input.routeros.bridge_undefined", bridge=bname, names=names)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
            st.refs.append(("bridge", bname, src, False))


def plain_bridge(st: State, b: BridgeRecord, bitf: Interface, ports: list[BridgePort]) -> None:
    """A bridge without VLAN filtering: one untagged domain, its VLAN intent recorded."""
    dev = st.dev
    bitf.kind, bitf.mode = IfKind.BRIDGE, L2Mode.ROUTED
    intent = UnfilteredBridge(b.name, b.vf_src or b.src)
    for p in ports:
        itf = dev.interfaces[p.iface]
        itf.mode, itf.parent = L2Mode.BRIDGE_PORT, b.name
        if p.pvid_set and p.pvid != 1 and not p.dynamic:
            intent.pvids.append(VlanUse(p.iface, (p.pvid,), p.src))
        wvid = wireless_tag(st, p.iface)
        if wvid is not None:
            intent.tagged_wireless.append(VlanUse(p.iface, (wvid,), p.src))
            why = Text("input.routeros.wireless_vlan_unfiltered", iface=p.iface, vid=wvid, bridge=b.name)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{p.src.line}", what=why))
    for v in st.vlan_ifs.values():
        if v.parent == b.name and not v.disabled:
            intent.vlan_interfaces.append(VlanUse(v.name, (v.vid,), v.src))
    for bv in st.bvlans:
        if bv.bridge == b.name:
            intent.vlan_table.append(VlanUse("", tuple(sorted(bv.vids)), bv.src))
    if intent.vlan_interfaces or intent.pvids or intent.vlan_table:
        dev.unfiltered_bridges.append(intent)


def filtering_bridge(st: State, b: BridgeRecord, bitf: Interface, ports: list[BridgePort]) -> None:
    """A VLAN-filtering bridge: access and trunk ports, SVIs."""
    dev = st.dev
    tagged: dict[int, set[str]] = {}
    untagged: dict[int, set[str]] = {}
    for bv in st.bvlans:
        if bv.bridge != b.name:
            continue
        tnames = expand_names(st, bv.tagged, bv.src)
        unames = expand_names(st, bv.untagged, bv.src)
        for vid in bv.vids:
            tagged.setdefault(vid, set()).update(tnames)
            untagged.setdefault(vid, set()).update(unames)
            dev.vlans.setdefault(vid, Vlan(vid, "", bv.src))
    ingress_default = port_ingress_default(st)
    for p in ports:
        itf = dev.interfaces[p.iface]
        itf.parent = b.name  # the switch port's bridge
        wvid = wireless_tag(st, p.iface)
        pvid = wvid if wvid is not None else p.pvid
        dev.vlans.setdefault(pvid, Vlan(pvid, "", p.src))
        T = {vid for vid, s in tagged.items() if p.iface in s and vid != pvid}
        extra_untagged = {vid for vid, s in untagged.items() if p.iface in s and vid != pvid}
        if extra_untagged:
            vlans = ", ".join(map(str, sorted(extra_untagged)))
            why = Text("input.routeros.untagged_besides_pvid", iface=p.iface, vlans=vlans, pvid=pvid)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{p.src.line}", what=why))
        ft = p.frame_types
        untag_ok = ft != "admit-only-vlan-tagged"
        tag_ok = ft != "admit-only-untagged-and-priority-tagged"
        if wvid is not None:
            T, untag_ok = set(), True  # the radio tags its clients itself
        if not tag_ok:
            T = set()
        if not T:
            if untag_ok:
                itf.mode, itf.access_vlan = L2Mode.ACCESS, pvid
            else:
                itf.mode, itf.native_vlan, itf.allowed_vlans = L2Mode.TRUNK, pvid, frozenset()
        else:
            itf.mode, itf.native_vlan = L2Mode.TRUNK, pvid
            itf.allowed_vlans = frozenset(T | ({pvid} if untag_ok else set()))
        ingress = p.ingress_filtering if p.ingress_filtering is not None else ingress_default
        if not ingress and tag_ok and wvid is None:
            st.facts.vlan_hopping_ports.append(HoppingPort(b.name, p.iface, pvid, sorted(T), p.src))
        if p.horizon is not None:
            why = Text("input.routeros.horizon", iface=p.iface)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{p.src.line}", what=why))
    # the bridge itself (CPU port) and VLAN interfaces on it
    bitf.kind, bitf.mode = IfKind.SVI, L2Mode.ROUTED
    bitf.encapsulation_vlan = b.pvid if b.frame_types != "admit-only-vlan-tagged" else None
    dev.vlans.setdefault(b.pvid, Vlan(b.pvid, "", b.src))
    for v in st.vlan_ifs.values():
        if v.parent != b.name:
            continue
        itf = dev.interfaces[v.name]
        itf.kind, itf.mode, itf.parent = IfKind.SVI, L2Mode.ROUTED, None
        itf.encapsulation_vlan = v.vid
        vl = dev.vlans.get(v.vid)
        if vl is None or not vl.name:
            dev.vlans[v.vid] = Vlan(v.vid, v.name, v.src)
        if not v.disabled and b.name not in tagged.get(v.vid, set()):
            why = Text("input.routeros.vlan_if_untagged_bridge", name=v.name, vid=v.vid, bridge=b.name)
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{v.src.line}", what=why))


def finish_bridge_firewall(st: State) -> None:
    """``/interface bridge settings use-ip-firewall=yes``: bridged IPv4 traffic passes
    the IP firewall (prerouting, forward, postrouting) with in/out-interface = the
    bridge → ``Interface.bridge_ip_firewall`` on the bridge.  A VLAN-filtering bridge
    also needs ``use-ip-firewall-for-vlan=yes`` ("required in case bridge
    vlan-filtering is used", RouterOS bridge settings); on a bridge without VLAN
    filtering that setting adds the VLAN-tagged frames carried across it.
    ``-for-pppoe`` concerns PPPoE-encapsulated frames, which no zone sends here."""
    on, src = st.bridge_settings.get("use-ip-firewall", (False, None))
    st.use_ip_firewall = on
    if not on:
        return
    for_vlan = st.bridge_settings.get("use-ip-firewall-for-vlan", (False, None))[0]
    for name, b in st.bridges.items():
        if b.disabled or (b.vlan_filtering and not for_vlan):
            continue
        st.dev.interfaces[name].bridge_ip_firewall = src
        st.dev.interfaces[name].bridge_ip_firewall_tagged = bool(for_vlan)
        st.facts.ip_firewall_bridges.append(name)


_L2FW_IFACE_KEYS = ("in-bridge", "out-bridge", "in-interface", "out-interface")


def finish_bridge_l2fw(st: State) -> None:
    """``/interface bridge filter|nat`` rules that may drop or rewrite bridged frames:
    the bridges they name (``in/out-bridge``, or the bridge of their
    ``in/out-interface`` ports) become partial — every bridge when they name none.  A
    rule whose ``in/out-interface`` or ``in/out-bridge`` is an interface that no longer
    exists (its id, ``*7``, under the export's ``# no interface`` comment) sees no frame:
    it changes nothing.  A filter rule of the ``forward`` chain sees only the frames the
    bridge forwards between its ports, never the ones it takes to or sends from the
    router (its ``input``/``output`` chains): the routed traffic is exact, what the
    bridge's hosts send each other unknown (``Interface.bridged_unsure`` on the bridges it
    names; docs/vendors/mikrotik_routeros.md)."""
    port_bridge = {p.iface: p.bridge for p in st.bports if not p.disabled}
    for cmd, src, action in st.bridge_l2fw:
        if any(cmd.get(k) and removed_item(cmd.get(k)) for k in _L2FW_IFACE_KEYS):
            continue
        forward = cmd.path[-1] == "filter" and (cmd.get("chain") or "").strip('"') == "forward"
        if forward:
            why = reason("input.routeros.bridge_filter_forward", action=action)
            st.partial("bridge filter", why, src)
            named = _bridges_named(st, cmd, src, port_bridge)
            for b in sorted(st.bridges) if named == ["@bridges"] else named:
                itf = st.dev.interfaces.get(b)
                if itf is not None and itf.bridged_unsure is None:  # the first rule's reason
                    itf.bridged_unsure = why
            continue
        why = reason("input.routeros.bridge_filter", action=action)
        for b in _bridges_named(st, cmd, src, port_bridge):
            st.partial_ifaces.append((f"@bridge={b}" if b != "@bridges" else b, why, src))
    _port_isolation(st, port_bridge)


def _port_isolation(st: State, port_bridge: dict[str, str]) -> None:
    """Switch-chip port isolation (``forwarding-override``) drops the frames a port sends
    to any port it does not list: what the hosts of its bridge send each other is unknown
    (``Interface.bridged_unsure``, as a bridge filter's forward drops), and — when the
    switch CPU port is not listed — what the port sends the router too (the L3 interfaces
    its frames reach are partial).  A port named by its item number (``set 8 …``) may be
    any: every bridge, every routed interface."""
    for port, override, src in st.port_isolation:
        why = reason("input.routeros.port_isolation", port=port, ports=",".join(override))
        st.partial("switch port isolation", why, src)
        known = not port.isdecimal()
        named = [port_bridge[port]] if known and port in port_bridge else [] if known else sorted(st.bridges)
        for b in named:
            itf = st.dev.interfaces.get(b)
            if itf is not None and itf.bridged_unsure is None:
                itf.bridged_unsure = why
        if not any(x.endswith("-cpu") for x in override):
            st.partial_ifaces.append((f"@port={port}" if known else "@switch", why, src))


def _bridges_named(st: State, cmd, src, port_bridge: dict[str, str]) -> list[str]:
    """The bridges a bridge filter/nat rule applies to: those it names (``in/out-bridge``,
    the bridge of a port it names, of a list's members), every bridge when it names none
    or negates one."""
    names: set[str] = set()
    for key in (
        "in-bridge",
        "out-bridge",
        "in-interface",
        "out-interface",
        "in-bridge-list",
        "out-bridge-list",
        "in-interface-list",
        "out-interface-list",
    ):
        v = cmd.get(key)
        if not v:
            continue
        if v.startswith("!"):
            names = set()
            break
        members = [v]
        if key.endswith("-list"):
            members = sorted(expand_list(st, v, src)[0] or ())
        for m in members:
            names.add(m if m in st.bridges else port_bridge.get(m, ""))
    names.discard("")
    if names:
        return sorted(names)
    return ["@bridges"]
