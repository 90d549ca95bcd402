"""FortiOS interfaces, switches, zones, SD-WAN, tunnels and VDOM settings → ``Interface``s.

Box-wide, ``config system interface`` (each interface names its VDOM), hardware and
software switches, aggregates, VLANs, secondary and VRRP addresses and DHCP/PPPoE
(run-time) addresses are read into :class:`~.state.IfRec` records, and the wireless VAPs
collected; per VDOM, its settings (NAT/transparent mode, central NAT), zones, SD-WAN
members, IPsec/SSL-VPN tunnels and virtual wire pairs.  ``_build_interfaces`` then
turns the records of one VDOM into its ``Device.interfaces``
(docs/vendors/fortinet_fortios.md, §2 and §3).
"""

from __future__ import annotations

from typing import cast

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import Device, IfKind, Interface, L2Mode, Reference, Route, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.fortinet_fortios.addresses import parse_prefix
from netaudit.parsers.fortinet_fortios.facts import AllowAccess, FortiOSFacts
from netaudit.parsers.fortinet_fortios.state import DEDICATED_VRF, IfRec, ParseState, Vdom
from netaudit.parsers.fortinet_fortios.tables import (
    IFACE_IGNORED,
    IFACE_IGNORED_PREFIXES,
    IFACE_PARTIAL,
    IFACE_SECURITY_HARMLESS,
)
from netaudit.parsers.fortinet_fortios.tree import IGNORE, MODEL, UNRECOGNIZED, Block, Entry
from netaudit.parsers.ip import ip_to_int, prefix_of


class InterfaceSections(ParseState):
    """Readers of the interface and VDOM sections, and the interfaces of one VDOM."""

    # ------------------------------------------------------------------ box-wide sections

    def h_interfaces(self, blk: Block) -> None:
        blk.ignore_prefixes = ()
        for e in blk.entries.values():
            self._interface(e)

    def _interface(self, e: Entry) -> None:
        rec = IfRec(e.name, e)
        self.ifs[e.name] = rec
        rec.vdom = e.first("vdom", "root") or "root"
        typ = e.low("type")
        if typ is None:
            typ = "vlan" if e.has("vlanid") and e.has("interface") else "physical"
        rec.typ = typ
        rec.shutdown = e.low("status", "up") == "down"
        rec.mode = e.low("mode", "static") or "static"
        rec.role = e.low("role")
        desc = e.first("description") or ""
        alias = e.first("alias") or ""
        rec.description = desc or alias
        vrf = e.first("vrf")
        if vrf is not None and vrf != "0":
            rec.vrf = vrf
        if typ == "vlan" or (e.has("vlanid") and e.has("interface")):
            rec.parent = e.first("interface")
            vid = e.first("vlanid")
            if vid and vid.isdecimal() and 1 <= int(vid) <= 4094:
                rec.vlanid = int(vid)
            else:
                rec.partial.append(Text("input.fortios.vlan_id_unread", vid=repr(vid)))
        else:
            e.mark("interface")
            e.mark("vlanid")
        rec.members = list(e.get("member") or [])
        rec.src_check = e.low("src-check", "enable") != "disable"
        access = [a.lower() for a in (e.get("allowaccess") or [])]
        rec.access = access
        rec.access_src = self.set_src(e, "allowaccess")
        ip_vals = e.get("ip")
        ip = parse_prefix(ip_vals)
        if e.has("ip") and ip is None:
            e.mark("ip", UNRECOGNIZED)
            # An address the line does not say (`set ip x.x.x.x 255.255.255.0`, a
            # poster's redaction, a template's placeholder): the interface has one, not
            # none — its addresses are not known (never "blocked" for want of them).
            rec.partial.append(Text("input.fortios.address_unread", value=" ".join(ip_vals or [])))
        if ip is not None and int(ip.ip) != 0:
            rec.addresses.append((ip, access, rec.access_src))
        sec = e.child("secondaryip")
        if sec is not None:
            sec.disp = MODEL
            for se in sec.entries.values():
                sip_vals = se.get("ip")
                sip = parse_prefix(sip_vals)
                if se.has("ip") and sip is None:
                    se.mark("ip", UNRECOGNIZED)
                    rec.partial.append(Text("input.fortios.address_unread", value=" ".join(sip_vals or [])))
                if sip is not None and int(sip.ip) != 0:
                    sacc = [a.lower() for a in (se.get("allowaccess") or [])]
                    rec.addresses.append((sip, sacc, self.set_src(se, "allowaccess")))
                se.leftover(
                    frozenset({"detectserver", "gwdetect", "ha-priority", "detectprotocol", "ping-serv-status"})
                )
        vrrp = e.child("vrrp")
        if vrrp is not None:
            vrrp.disp = MODEL
            for ve in vrrp.entries.values():
                vip = ip_to_int(ve.first("vrip", "") or "")
                if vip is not None and ve.low("status", "enable") != "disable":
                    rec.vrrp.append(vip)
                ve.leftover(ignore_prefixes=("",))
        for name in (
            "ipv6",
            "tagging",
            "l2tp-client-settings",
            "egress-queues",
            "client-options",
            "dhcp-snooping-server-list",
            "wifi-networks",
            "mirroring-filter",
        ):
            child = e.child(name)
            if child is not None:
                child.disp = IGNORE
        for (key, value), reason in IFACE_PARTIAL.items():
            if e.low(key) == value:
                rec.partial.append(reason)
        if e.has("ipunnumbered") and (e.first("ipunnumbered") or "0.0.0.0") != "0.0.0.0":
            e.get("ipunnumbered")
            rec.partial.append(Text("input.fortios.unnumbered"))
        if typ in ("tunnel", "ssl"):
            rec.partial.append(Text("input.fortios.tunnel_iface", type=typ))
        elif typ in (
            "emac-vlan",
            "fext-wan",
            "fctrl-trunk",
            "wl-mesh",
            "geneve",
            "vxlan",
            "lan-extension",
            "vne-tunnel",
            "gre",
        ):
            rec.partial.append(Text("input.fortios.iface_type_unmodelled", type=typ))
        rec.auth = _authentication(e)
        dedicated = e.low("dedicated-to", "none")
        if dedicated == "management":
            self._dedicate(rec, self.set_src(e, "dedicated-to"))
        elif dedicated != "none":  # a purpose this parser does not know: not forwarding as read
            e.mark("dedicated-to", UNRECOGNIZED)
            rec.partial.append(_set_unread("dedicated-to", dedicated))
        for key, kind in (("explicit-web-proxy", "web"), ("explicit-ftp-proxy", "ftp")):
            value = e.low(key, "disable")
            if value != "disable":  # the proxy listens here when it runs (proxy.py)
                why = None if value == "enable" else _set_unread(key, value)
                rec.explicit_proxy[kind] = (self.set_src(e, key), why)
        # Unknown interface settings are reported as unrecognized lines; like the IOS
        # parser, they do not make the interface partial (IFACE_PARTIAL lists those that do).
        e.leftover(IFACE_IGNORED | IFACE_SECURITY_HARMLESS, IFACE_IGNORED_PREFIXES)

    def _dedicate(self, rec: IfRec, src: Src | None) -> None:
        """Interface ``rec`` is dedicated to management: FortiOS moves it to a hidden VDOM
        (``dmgmt-vdom``) with a routing table of its own — its connected subnet and the
        routes through it (its DHCP/PPPoE default route, static routes on it) — and keeps
        it out of firewall policies: nothing is forwarded to or from it, only the
        FortiGate's own administrative services answer there
        (docs/vendors/fortinet_fortios.md, "Dedicated management interface")."""
        rec.dedicated = src or self.src(rec.entry.edit_line)
        rec.vrf = DEDICATED_VRF

    def h_dedicated_mgmt(self, blk: Block) -> None:
        """FortiOS 5.x/6.0 ``config system dedicated-mgmt`` (still accepted on some models):
        ``status enable`` dedicates ``interface`` to management, ``default-gateway`` is the
        default route of that table, ``dhcp-server enable`` serves DHCP on it."""
        if blk.low("status", "disable") != "enable":
            blk.ignore_prefixes = ("",)
            return
        ifn = blk.first("interface")
        rec = self.ifs.get(ifn or "")
        if rec is None:
            if ifn:
                blk.mark("interface", UNRECOGNIZED)  # an interface the backup does not define
            blk.ignore_prefixes = ("",)
            return
        self._dedicate(rec, self.set_src(blk, "status"))
        gw = ip_to_int(blk.first("default-gateway", "0.0.0.0") or "")
        if gw:
            rec.dedicated_gateway = (gw, self.set_src(blk, "default-gateway"))
        elif blk.has("default-gateway") and gw is None:
            blk.mark("default-gateway", UNRECOGNIZED)
        if blk.low("dhcp-server", "disable") == "enable":
            rec.dedicated_dhcp = self.set_src(blk, "dhcp-server")
        blk.ignore_prefixes = ("dhcp-",)  # the pool's range and mask

    def h_virtual_switch(self, blk: Block) -> None:
        blk.ignore_prefixes = ()
        for e in blk.entries.values():
            port = e.child("port")
            members = []
            if port is not None:
                port.disp = MODEL
                for pe in port.entries.values():
                    members.append(pe.name)
                    pe.leftover(ignore_prefixes=("",))
            self.switch_members.setdefault(e.name, []).extend(members)
            e.leftover(ignore_prefixes=("",))

    def h_switch_interface(self, blk: Block) -> None:
        for e in blk.entries.values():
            members = e.get("member") or []
            self.switch_members.setdefault(e.name, []).extend(members)
            e.leftover(
                frozenset(
                    {
                        "vdom",
                        "span",
                        "span-dest-port",
                        "span-source-port",
                        "span-direction",
                        "intra-switch-policy",
                        "mac-ttl",
                        "type",
                    }
                )
            )

    def h_vaps(self, blk: Block) -> None:
        for e in blk.entries.values():
            self.vaps.append((e, blk))

    # ------------------------------------------------------------------ per-VDOM sections

    def h_settings(self, blk: Block, v: Vdom) -> None:
        blk.ignore_prefixes = ("",)
        if blk.low("central-nat", "disable") == "enable":
            v.central_nat = True
        opmode = blk.low("opmode", "nat")
        v.opmode = opmode
        if opmode == "transparent":
            self.partial(f"vdom {v.name}", Text("input.fortios.transparent"), self.set_src(blk, "opmode"))
        blk.get("ngfw-mode")  # policy-based mode: see h_security_policy
        v.strict_src_check = blk.low("strict-src-check", "disable") == "enable"
        if blk.low("asymroute", "disable") == "enable":
            # asymmetric routing turns stateful inspection off: replies are no longer
            # implied and unsolicited packets may pass - not modelled
            self.partial(f"vdom {v.name}", Text("input.fortios.asymroute"), self.set_src(blk, "asymroute"))

    def h_zones(self, blk: Block, v: Vdom) -> None:
        for e in blk.entries.values():
            members = list(e.get("interface") or [])
            intrazone = e.low("intrazone", "deny")
            v.zones[e.name] = (members, intrazone, self.src(e.edit_line), self.set_src(e, "intrazone"))
            e.leftover(frozenset({"description", "tagging"}))
            for child in e.children.values():
                child.disp = IGNORE

    def h_sdwan(self, blk: Block, v: Vdom) -> None:
        blk.ignore_prefixes = ("",)
        status = blk.low("status", "disable")
        for child in blk.children.values():
            child.disp = IGNORE
        if status != "enable":
            return
        zone_names = {"virtual-wan-link"}
        zb = blk.child("zone")
        if zb is not None:
            zb.disp = MODEL
            for ze in zb.entries.values():
                zone_names.add(ze.name)
                ze.leftover(ignore_prefixes=("",))
        mb = blk.child("members")
        if mb is not None:
            mb.disp = MODEL
            for me in mb.entries.values():
                ifn = me.first("interface")
                zone = me.first("zone", "virtual-wan-link")
                gw = ip_to_int(me.first("gateway", "0.0.0.0") or "")
                if ifn and me.low("status", "enable") != "disable":
                    v.sdwan.setdefault(zone, []).append((ifn, gw or None, self.src(me.edit_line)))
                me.leftover(ignore_prefixes=("",))
        for zn in zone_names:
            v.sdwan.setdefault(zn, [])
        self.partial("config system sdwan", Text("input.fortios.sdwan_rules"), self.src(blk.config_line))

    def h_ipsec_phase1(self, blk: Block, v: Vdom) -> None:
        for e in blk.entries.values():
            ifn = e.first("interface")
            if ifn:
                v.blocks.setdefault("_ike", []).append((ifn, self.src(e.edit_line)))
                if e.low("type", "static") == "dynamic":  # dial-up: where remote clients connect
                    v.blocks.setdefault("_dialup", []).append((e.name, ifn, self.src(e.edit_line)))
            v.blocks.setdefault("_tunnels", []).append(
                (e.name, self.src(e.edit_line), Text("input.fortios.ipsec_far_side"))
            )
            if e.low("type", "static") != "dynamic":  # a dial-up one is left as it was
                v.blocks.setdefault("_phase1", set()).add(e.name)
            e.leftover(ignore_prefixes=("",))
            for child in e.children.values():
                child.disp = IGNORE

    def h_ipsec_phase2(self, blk: Block, v: Vdom) -> None:
        """Only which phase1s have a transport-mode phase2 (L2TP over IPsec runs in
        transport mode); selectors and proposals do not decide what reaches what."""
        for e in blk.entries.values():
            if e.low("encapsulation", "tunnel-mode") == "transport-mode" and e.first("phase1name"):
                v.blocks.setdefault("_transport", set()).add(e.first("phase1name"))
            e.leftover(ignore_prefixes=("",))

    def h_l2tp(self, blk: Block, v: Vdom) -> None:
        """``config vpn l2tp``: the FortiGate as L2TP server (LNS) when ``status enable``
        (default disable); ``enforce-ipsec enable`` refuses L2TP outside IPsec (admin.py
        makes the listeners).  The address range, user group and PPP timers grant no
        reach to the FortiGate itself."""
        running, why = self._server_status(blk, "L2TP")
        if not running:
            return
        enforce = blk.low("enforce-ipsec", "disable") or "disable"
        if enforce not in ("enable", "disable"):
            blk.mark("enforce-ipsec", UNRECOGNIZED)
            why = why or Text("input.fortios.enforce_ipsec_unread", value=enforce)
        src = self.set_src(blk, "status")
        v.blocks["_l2tp"] = [(enforce == "enable" and why is None, self.set_src(blk, "enforce-ipsec") or src, why)]
        v.blocks.setdefault("_tunnels", []).append(("l2t.root", src, _vpn_clients("L2TP")))

    def h_pptp(self, blk: Block, v: Vdom) -> None:
        """``config vpn pptp``: the FortiGate as PPTP server when ``status enable``
        (default disable); the address range and user group grant no reach to it."""
        running, why = self._server_status(blk, "PPTP")
        if running:
            v.blocks["_pptp"] = [(self.set_src(blk, "status"), why)]

    @staticmethod
    def _server_status(blk: Block, server: str) -> tuple[bool, Text | None]:
        """Whether a VPN server block (``status``, default disable) may run, and why not
        surely (a value not understood: it may)."""
        blk.ignore_prefixes = ("",)
        status = blk.low("status", "disable")
        if status == "disable":
            return False, None
        if status == "enable":
            return True, None
        blk.mark("status", UNRECOGNIZED)
        return True, Text("input.fortios.server_status_unread", value=status, server=server)

    def h_sslvpn(self, blk: Block, v: Vdom) -> None:
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE
        if blk.low("status", "enable") == "disable":
            return
        ifaces = blk.get("source-interface") or []
        if not ifaces:
            return
        port = blk.first("port", "10443")
        try:
            p = int(port)
        except (TypeError, ValueError):
            p = 10443
        srcs = blk.get("source-address") or ["all"]
        neg = blk.low("source-address-negate", "disable") == "enable"
        v.blocks["_sslvpn"] = [(ifaces, p, srcs, neg, self.set_src(blk, "source-interface"))]
        v.blocks.setdefault("_tunnels", []).append(
            ("ssl.root", self.set_src(blk, "source-interface"), _vpn_clients("SSL-VPN"))
        )

    def h_tunnel_ifaces(self, blk: Block, v: Vdom) -> None:
        kind = blk.path.split()[-1]
        for e in blk.entries.values():
            v.blocks.setdefault("_tunnels", []).append(
                (e.name, self.src(e.edit_line), Text("input.fortios.tunnel_unmodelled", kind=kind))
            )
            e.leftover(ignore_prefixes=("",))

    def h_wire_pair(self, blk: Block, v: Vdom) -> None:
        for e in blk.entries.values():
            for ifn in e.get("member") or []:
                v.blocks.setdefault("_tunnels", []).append(
                    (ifn, self.src(e.edit_line), Text("input.fortios.wire_pair"))
                )
            e.leftover(ignore_prefixes=("",))

    # ------------------------------------------------------------------ the interfaces of one VDOM

    def _build_interfaces(self, v: Vdom) -> None:
        dev = cast(Device, v.dev)  # made by the parser (_run_vdom)
        # without VDOMs every interface is the one device's (a stray `set vdom` is ignored)
        recs = [r for r in self.ifs.values() if r.vdom == v.name or not self.vdom_mode]
        facts = cast(FortiOSFacts, dev.facts)
        bridge_of: dict[str, str] = {}
        for sw, members in self.switch_members.items():
            for mname in members:
                bridge_of[mname] = sw
        agg_of: dict[str, str] = {}
        for r in recs:
            if r.typ in ("aggregate", "redundant"):
                for mname in r.members:
                    agg_of[mname] = r.name
        zone_of: dict[str, str] = {}
        for zname, (members, _, _, _) in v.zones.items():
            for mname in members:
                zone_of[mname] = zname
        for r in recs:
            kind = {
                "vlan": IfKind.VLAN,
                "loopback": IfKind.LOOPBACK,
                "tunnel": IfKind.TUNNEL,
                "ssl": IfKind.TUNNEL,
                "aggregate": IfKind.PORT_CHANNEL,
                "redundant": IfKind.PORT_CHANNEL,
                "hard-switch": IfKind.BRIDGE,
                "switch": IfKind.BRIDGE,
                "physical": IfKind.PHYSICAL,
            }.get(r.typ, IfKind.OTHER)
            if r.name in self.switch_members and kind in (IfKind.PHYSICAL, IfKind.OTHER):
                kind = IfKind.BRIDGE
            itf = Interface(
                name=r.name,
                kind=kind,
                source=self.src(r.entry.edit_line),
                description=r.description,
                shutdown=r.shutdown,
                vrf=r.vrf,
            )
            itf.addresses = [a for a, _, _ in r.addresses]
            itf.virtual_addresses = [prefix_of(x, 32) for x in r.vrrp]
            if r.src_check:
                # FortiOS drops a packet whose source has no route back through the interface
                # it came in by (the default route counts). By default any such route will do,
                # not only the best one: between strict and loose, so what only loose would
                # pass is uncertain, never assumed (docs/vendors/fortinet_fortios.md).
                itf.urpf, itf.urpf_allow_default = "strict", True
                if not v.strict_src_check:
                    itf.urpf_unsure = Text("input.fortios.src_check_any_route")
            if kind == IfKind.VLAN:
                itf.parent = r.parent
                itf.encapsulation_vlan = r.vlanid
                if r.parent and r.parent not in self.ifs:
                    parent_src = self.set_src(r.entry, "interface")
                    assert parent_src is not None, "the parent was read from this entry's set interface"
                    dev.references.append(Reference("interface", r.parent, parent_src, False))
            if r.name in bridge_of:
                itf.mode = L2Mode.BRIDGE_PORT
                itf.parent = bridge_of[r.name]
                if itf.addresses:
                    r.partial.append(Text("input.fortios.switch_member_address"))
            elif r.name in agg_of:
                itf.parent = agg_of[r.name]
            itf.zone = zone_of.get(r.name)
            if r.partial:
                itf.partial = join_reasons(r.partial)
                # FortiOS creates address-less system tunnels (ssl.root, naf.root, l2t.root)
                # in every VDOM: listed only when used (see the _tunnels pass below).
                if itf.addresses or r.typ not in ("tunnel", "ssl"):
                    self.partial(f"interface {r.name}", itf.partial, self.src(r.entry.edit_line))
            if r.mode in ("dhcp", "pppoe"):
                # Assigned at run time: the engine reasons over every address the
                # interface could receive (docs/semantics.md).
                itf.dynamic_address = True
                mode_src = self.set_src(r.entry, "mode") or self.src(r.entry.edit_line)
                itf.dynamic_source = mode_src
                facts.dynamic_address_interfaces.append(r.name)
                if r.entry.low("defaultgw", "enable") == "enable":
                    # `set defaultgw enable` (the default): the server's / peer's gateway
                    # becomes a default route, distance `set distance` (default 5).
                    dist = r.entry.first("distance", "5")
                    dev.routes.append(
                        Route(
                            IPNetwork("0.0.0.0/0"),
                            itf.vrf,
                            interface=r.name,
                            distance=int(dist) if dist.isdecimal() else 5,
                            origin="dhcp",
                            runtime_gateway=True,
                            source=mode_src,
                        )
                    )
            if r.dedicated is not None:
                itf.out_of_band = r.dedicated
                dev.vrfs.add(itf.vrf)
                if r.dedicated_gateway is not None:
                    gw, gw_src = r.dedicated_gateway
                    dev.routes.append(
                        Route(
                            IPNetwork("0.0.0.0/0"),
                            itf.vrf,
                            next_hop=gw,
                            interface=r.name,
                            origin="static",
                            source=gw_src,
                        )
                    )
                if r.dedicated_dhcp is not None:
                    v.blocks.setdefault("_dhcp", []).append((r.name, r.dedicated_dhcp))
            if r.role:
                dev.interface_roles[r.name] = r.role
            if r.access:
                facts.allowaccess[r.name] = AllowAccess(list(r.access), r.access_src, r.role)
            dev.interfaces[r.name] = itf
        if v.opmode == "transparent":
            # A transparent VDOM bridges its ports (the policies decide between them) and
            # its interfaces have no addresses: read as routed ports, nothing would reach
            # anything. Each is partial, so what crosses the VDOM is unknown, never blocked.
            why = Text("input.fortios.transparent")
            for itf in dev.interfaces.values():
                if why not in (itf.partial or ""):
                    itf.partial = join_reasons((itf.partial, why))
        # SD-WAN member interfaces of this VDOM must exist
        for members in v.sdwan.values():
            for ifn, _, src in members:
                if ifn not in dev.interfaces:
                    dev.references.append(Reference("interface", ifn, src, False))
        for ifn, src, reason in v.blocks.get("_tunnels", []):
            tun = dev.interfaces.get(ifn)
            if tun is None and ifn in v.blocks.get("_phase1", ()):
                # FortiOS creates a phase1-interface's tunnel interface itself; a script
                # or a published excerpt may lack its `config system interface` entry,
                # which then only sets its addresses: the tunnel exists all the same.
                tun = dev.interfaces[ifn] = Interface(ifn, IfKind.TUNNEL, source=src)
            if tun is not None:
                tun.kind = IfKind.TUNNEL if tun.kind in (IfKind.OTHER, IfKind.PHYSICAL) else tun.kind
                if reason not in (tun.partial or ""):
                    tun.partial = join_reasons((tun.partial, reason))
                self.partial(f"interface {ifn}", reason, src)
        for ifn, src in v.blocks.get("_pbr", []):
            targets = (
                [dev.interfaces[ifn]]
                if ifn in dev.interfaces
                else (list(dev.interfaces.values()) if ifn is None else [])
            )
            for itf in targets:
                reason = _ROUTER_POLICY
                if reason not in (itf.partial or ""):
                    itf.partial = join_reasons((itf.partial, reason))
                    self.partial(f"interface {itf.name}", reason, src)
        dyn = v.blocks.get("_dynamic", [])
        if dyn:
            dev.dynamic_routing.extend(dyn)


# --------------------------------------------------------------------------- helpers


_ROUTER_POLICY = Text("input.fortios.router_policy")


def _set_unread(key: str, value: str) -> Text:
    """Why ``set KEY VALUE`` makes its interface partial: a value not understood."""
    return Text("input.fortios.set_unread", setting=key, value=value)


def _vpn_clients(vpn: str) -> Text:
    """Why the tunnel interface of a VPN server (L2TP, SSL-VPN) is partial."""
    return Text("input.fortios.vpn_clients", vpn=vpn)


def _authentication(e: Entry) -> Text | None:
    """Why traffic from interface ``e`` passes its accept policies only once its user or
    host authenticated, or None.  ``security-mode captive-portal``: FortiOS redirects
    every new session to the portal until a user of ``security-groups`` logs in
    (``security-exempt-list`` destinations excepted); ``802.1X``: the port forwards only
    an authenticated host's frames.  Who logs in is not in a configuration, so those
    policies are the "authenticated users only" of ``set groups`` (policy.py)."""
    mode = e.low("security-mode", "none")
    groups = e.get("security-groups") or []
    exempt = e.get("security-exempt-list") or []
    if mode == "none":
        return None
    if mode not in ("captive-portal", "802.1x"):  # a mode not known may hold traffic back too: never certain
        e.mark("security-mode", UNRECOGNIZED)
        return Text("input.fortios.security_mode_unread", mode=mode, name=e.name)
    in_groups = Text("input.fortios.auth_groups", names=", ".join(groups)) if groups else ""
    if mode == "802.1x":
        return Text("input.fortios.dot1x", name=e.name, groups=in_groups)
    exempted = Text("input.fortios.auth_exempt", names=", ".join(exempt)) if exempt else ""
    return Text("input.fortios.captive_portal", name=e.name, groups=in_groups, exempt=exempted)
