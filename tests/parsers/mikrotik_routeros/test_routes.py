"""Routes, run-time default routes and ``/ip settings`` (:mod:`~netaudit.parsers.mikrotik_routeros.routes`)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.zones import Zone

from .helpers import V6, ip, matrix, office, parse


def test_routes_gateway_forms_blackhole_vrf_and_policy_tables():
    dev, _rep = parse("""
    /ip vrf
    add interfaces=ether5 name=khach
    /routing table
    add fib name=isp2
    /ip address
    add address=192.0.2.2/30 interface=ether1
    /ip route
    add dst-address=0.0.0.0/0 gateway=192.0.2.1
    add dst-address=10.20.0.0/16 gateway=10.0.0.1%ether2 distance=5
    add dst-address=10.30.0.0/16 gateway=ether3
    add blackhole dst-address=10.99.0.0/16
    add dst-address=10.98.0.0/16 type=blackhole
    add dst-address=0.0.0.0/0 gateway=198.51.100.1 routing-table=khach
    add dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-table=isp2
    add dst-address=10.40.0.0/16 gateway=192.0.2.1 disabled=yes
    add dst-address=10.50.0.0/16 gateway=192.0.2.1,192.0.2.5
    """)
    r = {(str(x.prefix), x.vrf, x.next_hop, x.interface): x for x in dev.routes}
    assert ("0.0.0.0/0", "default", ip("192.0.2.1"), None) in r
    assert r[("10.20.0.0/16", "default", ip("10.0.0.1"), "ether2")].distance == 5
    assert ("10.30.0.0/16", "default", None, "ether3") in r
    assert sum(1 for x in dev.routes if x.drop) == 2
    assert ("0.0.0.0/0", "khach", ip("198.51.100.1"), None) in r
    (isp2,) = [x for x in dev.routes if x.next_hop == ip("203.0.113.1")]  # policy table
    assert isp2.table == "isp2" and isp2.vrf == "default"
    assert all(x.table is None for x in dev.routes if x is not isp2)
    assert not any(str(x.prefix) == "10.40.0.0/16" for x in dev.routes)
    assert sum(1 for x in dev.routes if str(x.prefix) == "10.50.0.0/16") == 2
    assert dev.interfaces["ether5"].vrf == "khach" and "khach" in dev.vrfs
    assert dev.facts.policy_routing_tables["isp2"][0].line == 15


def test_dhcp_and_pppoe_clients_have_dynamic_addresses_and_runtime_default_routes():
    dev, rep = parse("""
    /interface pppoe-client
    add add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 password=Pw0rdXYZ user=u
    /ip dhcp-client
    add interface=ether2
    """)
    pppoe, dhcp = dev.interfaces["pppoe-out1"], dev.interfaces["ether2"]
    assert pppoe.partial is None and dhcp.partial is None and rep.partially_understood == []
    assert pppoe.dynamic_address and pppoe.dynamic_source.line == 3
    assert dhcp.dynamic_address and dhcp.dynamic_source.line == 5
    assert dev.facts.dhcp_client_interfaces == ["ether2"]
    assert {r.interface for r in dev.routes} == {"ether2", "pppoe-out1"}
    assert all(
        r.runtime_gateway
        and r.origin == "dhcp"
        and r.partial is None
        and r.next_hop is None
        and str(r.prefix) == "0.0.0.0/0"
        for r in dev.routes
    )
    assert "Pw0rdXYZ" in dev.secrets


def test_a_dhcp_client_on_a_bridge_port_does_not_run():
    """RouterOS does not run a DHCP client on a bridge port (its own export says "DHCP
    client can not run on slave interface!"): no run-time address, no default route —
    as a static address on a port — and a warning naming the line."""
    dev, rep = parse("""
    /interface bridge
    add name=wan
    /interface bridge port
    add bridge=wan interface=ether5
    /ip dhcp-client
    # DHCP client can not run on slave interface!
    add disabled=no interface=ether5
    """)
    assert not dev.interfaces["ether5"].dynamic_address and dev.routes == []
    assert any("r.rsc:8: DHCP client on ether5, a bridge port" in w for w in rep.warnings)


def test_a_dhcp_client_on_a_port_of_a_vlan_filtering_bridge_does_not_run():
    # found on a real RouterOS 7.19 export (RB750Gr3, "# DHCP client can not run on
    # slave or passthrough interface!" above the line): the port of a VLAN-filtering
    # bridge (an access port in the model) kept a run-time address and a default route
    # out of it — init drafted the Internet there and LAN → Internet read "reachable"
    dev, rep = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface vlan
    add interface=br name=v10 vlan-id=10
    /interface bridge port
    add bridge=br interface=ether1
    add bridge=br interface=ether2 pvid=10
    /interface bridge vlan
    add bridge=br tagged=br vlan-ids=10
    /ip address
    add address=10.10.0.1/24 interface=v10
    /ip dhcp-client
    # DHCP client can not run on slave or passthrough interface!
    add interface=ether1 use-peer-dns=no
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface=br
    """)
    assert not dev.interfaces["ether1"].dynamic_address and dev.routes == []
    assert any("r.rsc:15: DHCP client on ether1, a bridge port" in w for w in rep.warnings)
    mgmt = Zone("mgmt", "management", [IPNetwork("10.10.0.0/24")], attach=[("r", "ether2")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    assert matrix([dev], [mgmt, net])[("mgmt", "internet")].verdict == "blocked"


def test_ip_settings_rp_filter_and_ip_forward():
    dev, _ = office("""
    /ip settings
    set ip-forward=no rp-filter=strict
    """)
    assert dev.ip_routing is False
    assert all(i.urpf == "strict" and i.urpf_allow_default for i in dev.interfaces.values())


def test_mark_routing_is_a_policy_route_not_a_partial_interface():
    dev, _rep = office(
        """
    /ip firewall mangle
    add action=mark-routing chain=prerouting in-interface=v40 new-routing-mark=isp2
    """,
        header=V6,
    )
    assert all(i.partial is None for i in dev.interfaces.values())
    (pr,) = dev.policy_routes
    assert (pr.action, pr.table, pr.fallback, pr.partial) == ("table", "isp2", True, None)
    assert [m.in_ifaces for m in pr.matches] == [frozenset({"v40"})]


def test_isis_interface_template_is_dynamic_routing_no_route_is_unknown():
    # found on a real RouterOS 7.20 export (VXLAN/EVPN with IS-IS as the underlay): the
    # IS-IS template was read as an ignored /routing line, so a destination reached only
    # through IS-IS routes had "no route" on this router — a false "blocked"
    lan = """
    /ip address
    add address=10.0.10.1/24 interface=ether2
    add address=192.0.2.2/30 interface=ether1
    /routing isis instance
    add afi=ip areas=49.0001 name=isis-1 system-id=0100.0000.0002
    """
    isis = """
    /routing isis interface-template
    add instance=isis-1 interfaces=ether1 levels=l2
    """
    far = parse(
        """
        /system identity
        set name=far
        /ip address
        add address=192.0.2.1/30 interface=ether1
        add address=10.0.20.1/24 interface=ether2
        /ip route
        add dst-address=10.0.10.0/24 gateway=192.0.2.2
        """
    )[0]
    zones = [
        Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")]),
        Zone("branch", "internal", [IPNetwork("10.0.20.0/24")], attach=[("far", "ether2")]),
    ]
    without = parse(lan)[0]
    assert matrix([without, far], zones)[("staff", "branch")].verdict == "blocked"
    dev, _ = parse(lan + isis)
    assert [s.line for s in dev.dynamic_routing] == [9]
    assert matrix([dev, far], zones)[("staff", "branch")].verdict == "unknown"
    disabled, _ = parse(lan + isis.replace("add instance", "add disabled=yes instance"))
    assert disabled.dynamic_routing == []


def test_a_route_line_not_understood_makes_no_route_unknown():
    # found on a real RouterOS 7.20 export (`add dst-address=0.0.0.0/0 gateway="" …`): a
    # route line the parser cannot read was only counted unrecognized, and "no route"
    # through the router stayed a proof — a false "blocked" when the line is a route
    base = """
    /ip address
    add address=10.0.10.1/24 interface=ether2
    add address=192.0.2.2/30 interface=ether1
    /ip route
    """
    far = parse(
        """
        /system identity
        set name=far
        /ip address
        add address=192.0.2.1/30 interface=ether1
        add address=10.0.20.1/24 interface=ether2
        /ip route
        add dst-address=10.0.10.0/24 gateway=192.0.2.2
        """
    )[0]
    zones = [
        Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")]),
        Zone("branch", "internal", [IPNetwork("10.0.20.0/24")], attach=[("far", "ether2")]),
    ]
    assert matrix([parse(base)[0], far], zones)[("staff", "branch")].verdict == "blocked"
    for line in (
        'add dst-address=10.0.20.0/24 gateway=""',
        "add dst-address=10.0.20.0-10.0.20.255 gateway=192.0.2.1",
        "set [ find dst-address=10.0.20.0/24 ] gateway=192.0.2.1",
    ):
        dev, rep = parse(base + line)
        assert [s.line for s in rep.unrecognized] == [6], line
        assert [s.line for s in dev.unread_routes] == [6], line
        assert matrix([dev, far], zones)[("staff", "branch")].verdict == "unknown", line
    dev, rep = parse(base + 'add disabled=yes dst-address=10.0.20.0/24 gateway=""')
    assert (rep.unrecognized, dev.unread_routes) == ([], [])


def test_a_zerotier_interface_has_a_runtime_address_and_learns_routes():
    # found on real RouterOS 7 exports (`/zerotier interface add allow-managed=yes
    # instance=zt1 name=zerotier1 network=…`): the menu was ignored, so the interface did
    # not exist and the managed routes its controller pushes were missing — a branch
    # reached over ZeroTier had "no route" ("blocked")
    base = """
    /ip address
    add address=10.0.10.1/24 interface=ether2
    /zerotier
    set zt1 disabled=no
    /zerotier interface
    add allow-default=no allow-global=no allow-managed=yes instance=zt1 name=zerotier1 network=1d71939404d61032
    /ip firewall filter
    add action=accept chain=forward in-interface=ether2 out-interface=zerotier1
    """
    dev, rep = parse(base)
    zt = dev.interfaces["zerotier1"]
    assert zt.dynamic_address and not zt.shutdown and rep.unrecognized == []
    assert [s.line for s in dev.dynamic_routing] == [7]
    far = parse("/system identity\nset name=far\n/ip address\nadd address=10.50.0.1/24 interface=ether2\n")[0]
    staff = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")])
    branch = Zone("branch", "internal", [IPNetwork("10.50.0.0/24")], attach=[("far", "ether2")])
    assert matrix([dev, far], [staff, branch])[("staff", "branch")].verdict == "unknown"
    # addresses only (allow-managed=no): no route of its own; a switched-off instance: nothing
    dev, _ = parse(base.replace("allow-managed=yes", "allow-managed=no"))
    assert dev.interfaces["zerotier1"].dynamic_address and dev.dynamic_routing == []
    dev, _ = parse(base.replace("set zt1 disabled=no", "set zt1 disabled=yes"))
    assert dev.interfaces["zerotier1"].shutdown and dev.dynamic_routing == []


def test_a_point_to_point_address_routes_its_remote_end():
    # an /ip address with a /32 mask and `network=` the other end ("For point-to-point
    # links it should be the address of the remote end", wiki Manual:IP/Address): the
    # peer was unknown, so a default route through it had no next hop and the LAN's
    # Internet read "blocked" (found reviewing how the sweep's /32 addresses are read)
    text = """
    /ip address
    add address=192.168.88.1/24 interface=ether2 network=192.168.88.0
    add address=100.64.1.2 interface=ether1 network=%s
    /ip route
    add distance=1 gateway=100.64.1.1
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface=ether1
    """
    lan = Zone("lan", "internal", [IPNetwork("192.168.88.0/24")], attach=[("r", "ether2")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    dev, _ = parse(text % "100.64.1.1")
    peer = [r for r in dev.routes if r.origin == "connected"]
    assert [(str(r.prefix), r.interface, r.source.line) for r in peer] == [("100.64.1.1/32", "ether1", 4)]
    assert matrix([dev], [lan, net])[("lan", "internet")].verdict == "reachable"
    # network= the address itself (what an export writes for any /32): no peer
    dev, _ = parse(text % "100.64.1.2")
    assert not [r for r in dev.routes if r.origin == "connected"]


def test_a_verbose_export_unset_property_is_no_item_name():
    """``/export verbose`` writes a property without value as ``!prop`` (a real RBLHGR
    6.49.2 export: ``set [ find ] … !band … name=lte1``): the LTE interface is ``lte1``,
    with the APN's run-time default route.  Read as the item's name, it made a phantom
    ``!band`` carrying the default route, and lte1 had none: the office reached the
    Internet only "unknown" and the Internet → router "blocked"."""
    dev, rep = parse(
        """
        /interface lte apn
        set [ find default=yes ] add-default-route=yes apn=internet default-route-distance=2 name=default
        /interface lte
        set [ find ] allow-roaming=no apn-profiles=default !band disabled=no mtu=1500 name=lte1 network-mode=lte
        /ip address
        add address=192.168.88.1/24 interface=ether1 network=192.168.88.0
        """,
        header=V6,
    )
    assert sorted(dev.interfaces) == ["ether1", "lte1"] and rep.unrecognized == []
    (default,) = [r for r in dev.routes if r.prefix == IPNetwork("0.0.0.0/0")]
    assert default.interface == "lte1" and default.runtime_gateway and default.distance == 2
