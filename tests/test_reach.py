"""Engine semantics on hand-built, vendor-neutral devices (docs/semantics.md)."""

from __future__ import annotations

import pytest
from helpers import GUEST, STAFF, acl, assert_same_audit, l3, matrix, net, router, src
from netaddr import IPNetwork

from netaudit.headerspace import HeaderSpace, service_match
from netaudit.model import (
    Action,
    AddrMatch,
    Device,
    IfKind,
    Interface,
    L2Mode,
    Match,
    MgmtService,
    NatRule,
    PortRange,
    Route,
)
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone


def test_unfiltered_router_connects_zones_with_witness():
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    m, _ = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert cell.services == ["ip"]
    w = cell.witness.to_json()
    assert w["packet"]["dst_ip"].startswith("10.0.10.")
    assert w["packet"]["src_ip"].startswith("10.0.40.")  # preferred: a source inside the zone
    assert [(h["device"], h["in"], h["out"]) for h in w["hops"]] == [("R1", "Gi1", "Gi2")]


def test_inbound_acl_blocks_and_names_the_line():
    f = acl("GUEST-IN", ("deny", Match(dst=net("10.0.0.0/8"))), ("permit", Match()))
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="GUEST-IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["GUEST-IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == BLOCKED
    assert cell.blocking[0]["line"] == 10
    # staff -> guest is not filtered by the guest's inbound ACL
    assert m[("staff", "guest")].verdict == REACHABLE


def test_services_are_exact_ranges():
    f = acl(
        "IN",
        ("permit", Match(protocols=(6,), dst_ports=(PortRange(80, 80), PortRange(443, 443)))),
        ("permit", Match(protocols=(17,), dst_ports=(PortRange(1000, 2000),))),
    )
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].services == ["tcp/80", "tcp/443", "udp/1000-2000"]


def test_established_only_is_not_reachable():
    f = acl("IN", ("permit", Match(protocols=(6,), tcp_established=True)))
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED


def test_partial_line_makes_unknown_not_blocked():
    f = acl("IN", ("permit", Match(dst=net("10.0.10.0/24")), "dscp not modelled"))
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == UNKNOWN
    assert "dscp" in cell.reason


def test_unknown_names_the_partial_line_its_packets_meet():
    """The reason of an unknown cell is the first partial line that holds some of the
    cell's uncertain packets — not an earlier one about other addresses."""
    f = acl(
        "IN",
        ("permit", Match(dst=net("10.0.99.0/24")), "ttl not modelled"),
        ("permit", Match(dst=net("10.0.10.0/24")), "dscp not modelled"),
    )
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"), Gi3=l3("", "10.0.99.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == UNKNOWN
    assert "dscp" in cell.reason and "permit 11" in cell.reason and "ttl" not in cell.reason


def test_partial_deny_line_followed_by_deny_is_still_blocked():
    f = acl("IN", ("deny", Match(dst=net("10.0.10.0/24")), "dscp not modelled"), ("deny", Match()))
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED


def test_undefined_filter_is_unknown():
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="NOPE"), Gi2=l3("", "10.0.10.1/24"))
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == UNKNOWN


def test_routing_disabled_blocks():
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    r.ip_routing = False
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED


def test_same_vlan_is_reachable_without_router():
    sw = Device("SW", "test", "sw.cfg")
    sw.interfaces["Gi1"] = Interface("Gi1", mode=L2Mode.ACCESS, access_vlan=40)
    sw.interfaces["Gi2"] = Interface("Gi2", mode=L2Mode.ACCESS, access_vlan=40)
    g = Zone("guest", "guest", [IPNetwork("10.0.40.0/25")], vlans=[("SW", 40)])
    s = Zone("staff", "internal", [IPNetwork("10.0.40.128/25")], vlans=[("SW", 40)])
    m, _ = matrix([sw], [g, s])
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert "same L2 domain" in cell.witness.hops[0]["note"]


def test_next_hop_outside_snapshot_is_unknown_but_external_is_reachable():
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "192.0.2.2/30"), Gi3=l3("", "10.0.99.1/30"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip), source=src(50)))
    r.routes.append(Route(IPNetwork("10.0.10.0/24"), next_hop=int(IPNetwork("10.0.99.2/32").ip), source=src(51)))
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [GUEST, STAFF, internet])
    assert m[("guest", "internet")].verdict == REACHABLE
    staff_cell = m[("guest", "staff")]
    assert staff_cell.verdict == UNKNOWN
    assert "10.0.99.2" in staff_cell.reason


def test_longest_prefix_null_route_beats_default():
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "192.0.2.2/30"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip)))
    r.routes.append(Route(IPNetwork("10.0.10.0/24"), drop=True))
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    staff_far = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("R1", "Gi2")])
    m, _ = matrix([r], [GUEST, staff_far, internet])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("guest", "internet")].verdict == REACHABLE


def test_vrfs_do_not_leak():
    r = router(Gi1=l3("", "10.0.40.1/24", vrf="GUEST"), Gi2=l3("", "10.0.10.1/24"))
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED


def test_control_plane_services_and_access_class():
    mgmt_acl = acl("VTY", ("permit", Match(src=net("10.0.10.0/24"))))
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["VTY"] = mgmt_acl
    r.services = [
        MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY", source=src(70, "transport input ssh")),
        MgmtService("dhcp", 17, (PortRange(67, 67),), source=src(71, "ip dhcp pool G")),
    ]
    g = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], sources="subnets")
    m, _ = matrix([r], [g, STAFF])
    assert m[("guest", "@devices")].services == ["udp/67"]
    assert m[("staff", "@devices")].services == ["tcp/22", "udp/67"]
    w = m[("staff", "@devices")].witness.to_json()
    assert w["hops"][0]["to"].startswith("control plane")


def test_a_service_bound_to_some_addresses_answers_on_them_only():
    """``MgmtService.bound_to`` (VRP ``ssh server-source -i LoopBack0``): a packet to
    another address of the device is not delivered to the service, whichever interface
    it arrives on; one to the bound interface's address is, from any interface of its
    VPN instance.  The guest's inbound ACL keeps it off the loopback: its SSH to the
    gateway address is no longer delivered — before, a false "reachable"."""
    guest_in = acl("GUEST", ("deny", Match(dst=net("10.255.0.1/32"))), default=Action.PERMIT)
    r = router(
        Gi1=l3("", "10.0.40.1/24", filter_in="GUEST"),
        Gi2=l3("", "10.0.10.1/24"),
        Lo0=l3("", "10.255.0.1/32", kind=IfKind.LOOPBACK),
    )
    r.filters["GUEST"] = guest_in
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), bound_to=frozenset({"Lo0"}), source=src(70))]
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "@devices")].verdict == BLOCKED
    assert m[("staff", "@devices")].services == ["tcp/22"]
    assert m[("staff", "@devices")].witness.to_json()["hops"][-1]["to"].startswith("control plane")
    # unrestricted (None), as before: the guest reaches SSH at its gateway's address
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), source=src(70))]
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "@devices")].services == ["tcp/22"]
    # bound to no address: nobody
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), bound_to=frozenset(), source=src(70))]
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("staff", "@devices")].verdict == BLOCKED


def test_a_bound_service_answers_in_its_interfaces_vpn_instance_only():
    """Bound to Lo0 of VPN instance MGMT: the same address reached in the public
    instance is another host's, not the service's (one evaluation per arrival there)."""
    r = router(
        Gi1=l3("", "10.0.40.1/24"),
        Gi2=l3("", "10.0.10.1/24", vrf="MGMT"),
        Lo0=l3("", "10.255.0.1/32", kind=IfKind.LOOPBACK, vrf="MGMT"),
        Lo1=l3("", "10.255.0.1/32", kind=IfKind.LOOPBACK),
    )
    r.vrfs = {"MGMT"}
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), bound_to=frozenset({"Lo0"}), source=src(70))]
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("staff", "@devices")].services == ["tcp/22"]
    assert m[("guest", "@devices")].verdict == BLOCKED


def test_forged_source_is_not_a_connection_but_is_reported_as_spoofing():
    # The ACL trusts the staff range.  A guest host cannot open an SSH session with a
    # staff source (the reply goes to staff), so the cell is blocked; the forged
    # packets that get through are kept apart as ``spoofed`` (docs/semantics.md).
    mgmt_acl = acl("VTY", ("permit", Match(src=net("10.0.10.0/24"))))
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["VTY"] = mgmt_acl
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY")]
    m, engine = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "@devices")]
    assert cell.verdict == BLOCKED
    assert cell.spoofed is not None and engine.hs.services(cell.spoofed) == ["tcp/22"]
    w = engine.witness(cell.spoofed_chunks[0][1], cell.spoofed_chunks[0][0])
    assert w.packet.src_ip >> 8 == int(IPNetwork("10.0.10.0/24").network) >> 8
    # Staff's own hosts are trusted: nothing forged about their access.
    assert m[("staff", "@devices")].verdict == REACHABLE and m[("staff", "@devices")].spoofed is None


def test_a_forged_delivery_not_proven_either_way_is_kept_with_its_reason():
    """The staff range is trusted by a line not fully understood (a time-range): forged
    staff sources from the guest zone may or may not get through.  The guest's own
    sources are denied (blocked, proven); the forged ones are kept as ``spoofed_maybe``
    with the line's reason, not dropped as if nothing could be forged."""
    mgmt_acl = acl("VTY", ("permit", Match(src=net("10.0.10.0/24")), "time-range not modelled"))
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["VTY"] = mgmt_acl
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY")]
    m, engine = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "@devices")]
    assert cell.verdict == BLOCKED and cell.spoofed is None
    assert cell.spoofed_maybe is not None and engine.hs.services(cell.spoofed_maybe) == ["tcp/22"]
    assert "time-range not modelled" in cell.spoofed_maybe_reason.render("en")
    # What the staff zone may deliver itself is its own (unknown) cell, not a forgery.
    staff = m[("staff", "@devices")]
    assert staff.spoofed is None and staff.spoofed_maybe is None


def test_sources_any_in_the_site_file_counts_forged_sources():
    mgmt_acl = acl("VTY", ("permit", Match(src=net("10.0.10.0/24"))))
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["VTY"] = mgmt_acl
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY")]
    guest_any = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], sources="any")
    m, _ = matrix([r], [guest_any, STAFF])
    cell = m[("guest", "@devices")]
    assert cell.verdict == REACHABLE
    assert cell.witness.packet.src_ip >> 8 == int(IPNetwork("10.0.10.0/24").network) >> 8


def test_destination_nat_port_forward():
    r = router(Gi1=l3("", "10.0.20.1/24", nat_side="inside"), Gi2=l3("", "192.0.2.2/30", nat_side="outside"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip)))
    wan_ip = int(IPNetwork("192.0.2.2/32").ip)
    r.nat_rules.append(
        NatRule(
            "destination",
            Match(protocols=(6,), dst=(AddrMatch.host(wan_ip),), dst_ports=(PortRange(8080, 8080),)),
            to_ip=int(IPNetwork("10.0.20.5/32").ip),
            to_port=80,
            in_ifaces=frozenset({"Gi2"}),
            source=src(80, "ip nat inside source static tcp ..."),
        )
    )
    # The WAN ACL sees the packet before translation (public address, public port).
    r.interfaces["Gi2"].filter_in = "WAN-IN"
    r.filters["WAN-IN"] = acl(
        "WAN-IN", ("permit", Match(protocols=(6,), dst=(AddrMatch.host(wan_ip),), dst_ports=(PortRange(8080, 8080),)))
    )
    servers = Zone("servers", "server", [IPNetwork("10.0.20.0/24")])
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [servers, internet])
    cell = m[("internet", "servers")]
    assert cell.verdict == REACHABLE
    assert cell.services == ["tcp/80"]
    w = cell.witness.to_json()
    assert w["packet"]["dst_ip"] == "192.0.2.2" and w["packet"]["dst_port"] == 8080
    assert any(r.get("translated", {}).get("dst_ip") == "10.0.20.5" for r in w["hops"][0]["rules"])


def _overload_router(nat_line, filter_out=None):
    """R1: guest LAN on Gi1 (inside), the Internet on Gi2 (outside) by a default route,
    ``ip nat inside source list NAT interface Gi2 overload`` with NAT = ``nat_line``."""
    r = router(
        Gi1=l3("", "10.0.40.1/24", nat_side="inside"),
        Gi2=l3("", "192.0.2.2/30", nat_side="outside", filter_out=filter_out),
    )
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip)))
    r.filters["NAT"] = acl("NAT", nat_line)
    r.nat_rules.append(
        NatRule(
            "source",
            acl="NAT",
            to_interface="Gi2",
            in_ifaces=frozenset({"Gi1"}),
            out_ifaces=frozenset({"Gi2"}),
            source=src(81, "ip nat inside source list NAT interface Gi2 overload"),
        )
    )
    return r, Zone("internet", "external", attach=[("R1", "Gi2")])


def test_source_nat_overload_rewrites_source():
    r, internet = _overload_router(("permit", Match(src=net("10.0.0.0/8"))))
    m, engine = matrix([r], [GUEST, internet])
    cell = m[("guest", "internet")]
    assert cell.verdict == REACHABLE
    hs = engine.hs
    # Every delivered packet whose original source was in 10/8 now carries the WAN address.
    assert (cell.delivered & hs.prefix("src_ip", "10.0.0.0/8")) == hs.false


def test_source_nat_acl_not_fully_understood_translates_maybe_not_never():
    """A NAT rule selecting by an ACL whose line is not fully understood may or may not
    translate the packets of that line: both ways, each uncertain.  Taking them as
    untranslated made an outbound ACL admitting only the translated address say
    "blocked" (IOS filters outbound after NAT: Device.snat_before_out_filter)."""
    r, internet = _overload_router(("permit", Match(src=net("10.0.40.0/24")), "dscp not modelled"), "OUT")
    r.snat_before_out_filter = True
    r.filters["OUT"] = acl("OUT", ("permit", Match(src=net("192.0.2.2/32"))))
    m, _ = matrix([r], [GUEST, internet])
    cell = m[("guest", "internet")]
    assert cell.verdict == UNKNOWN and "dscp" in cell.reason


def test_router_on_a_stick_through_site_link():
    sw = Device("SW", "test", "sw.cfg")
    sw.interfaces["Gi1"] = Interface("Gi1", mode=L2Mode.ACCESS, access_vlan=40)
    sw.interfaces["Gi2"] = Interface("Gi2", mode=L2Mode.ACCESS, access_vlan=10)
    sw.interfaces["Gi24"] = Interface("Gi24", mode=L2Mode.TRUNK)
    sw.vlans = {}
    rt = Device("RT", "test", "rt.cfg")
    rt.interfaces["Gi0"] = Interface("Gi0", mode=L2Mode.ROUTED)
    rt.interfaces["Gi0.40"] = Interface(
        "Gi0.40", kind=IfKind.SUBINTERFACE, parent="Gi0", encapsulation_vlan=40, addresses=[IPNetwork("10.0.40.1/24")]
    )
    rt.interfaces["Gi0.10"] = Interface(
        "Gi0.10", kind=IfKind.SUBINTERFACE, parent="Gi0", encapsulation_vlan=10, addresses=[IPNetwork("10.0.10.1/24")]
    )
    from netaudit.model import Vlan

    sw.vlans = {10: Vlan(10), 40: Vlan(40)}
    g = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], vlans=[("SW", 40)])
    s = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("SW", 10)])
    m, _ = matrix([sw, rt], [g, s], links=[(("SW", "Gi24"), ("RT", "Gi0"))])
    assert m[("guest", "staff")].verdict == REACHABLE
    # Without the cabling the router is not known to sit on the VLANs: the VLANs have no
    # gateway in the snapshot and leave the switch by Gi24, whose far end is not known —
    # not "blocked" (docs/semantics.md, "A segment without a gateway").
    m2, _ = matrix([sw, rt], [g, s])
    assert m2[("guest", "staff")].verdict == UNKNOWN
    assert "SW:Gi24" in str(m2[("guest", "staff")].reason)


def test_zone_without_attachment_is_unknown():
    r = router(Gi1=l3("", "10.0.40.1/24"))
    ghost = Zone("ghost", "internal", [IPNetwork("172.16.0.0/24")])
    m, _ = matrix([r], [GUEST, ghost])
    assert m[("guest", "ghost")].verdict == UNKNOWN
    assert m[("ghost", "guest")].verdict == UNKNOWN


@pytest.mark.parametrize(
    "svc,expected",
    [
        ("tcp/445", "tcp/445"),
        ("udp/1000-2000", "udp/1000-2000"),
        ("icmp/8", "icmp/8"),
        ("proto/47", "proto/47"),
        ("tcp", "tcp"),
    ],
)
def test_service_round_trip(svc, expected):
    hs = HeaderSpace()
    assert hs.services(hs.match(service_match(svc)) & hs.new_connections) == [expected]


def test_partial_interface_makes_unknown():
    r = router(Gi1=l3("", "10.0.40.1/24", partial="zone-based firewall not modelled"), Gi2=l3("", "10.0.10.1/24"))
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == UNKNOWN
    assert "zone-based firewall" in m[("guest", "staff")].reason
    # egress through a partial interface too
    m, _ = matrix(
        [router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "10.0.10.1/24", partial="crypto map"))], [GUEST, STAFF]
    )
    assert m[("guest", "staff")].verdict == UNKNOWN


def test_strict_urpf_drops_spoofed_sources_only():
    # Management SSH trusts 10.0.10.0/24; strict uRPF on the guest port stops a guest
    # from forging such a source, so only the genuine staff zone reaches SSH.
    vty = acl("VTY", ("permit", Match(src=net("10.0.10.0/24"))))
    r = router(Gi1=l3("", "10.0.40.1/24", urpf="strict"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["VTY"] = vty
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY")]
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "@devices")].verdict == BLOCKED
    assert m[("guest", "staff")].verdict == REACHABLE  # with its own addresses
    assert m[("guest", "staff")].witness.packet.src_ip >> 8 == int(IPNetwork("10.0.40.0/24").network) >> 8
    assert m[("staff", "@devices")].verdict == REACHABLE


@pytest.mark.parametrize("line", ["permit", "time-range not modelled", "urpf", "open"])
def test_a_cells_forgeries_are_its_forged_run_less_its_own_packets_from_any_source(line):
    """compute_row leaves out the quantification where the forged run delivers none but
    the cell's own packets (the guest port lets only its own sources in): each cell's
    ``spoofed`` and ``spoofed_maybe`` are those the general reading gives — the forged
    run's deliveries less the cell's packets from any source address."""
    vty_line = ("permit", Match(src=net("10.0.10.0/24"))) + ((line,) if line == "time-range not modelled" else ())
    # The guest's own hosts anywhere (not the router's .1), a forged staff source to the router only.
    own_sources = acl(
        "IN",
        ("permit", Match(src=net("10.0.40.128/25"))),
        ("permit", Match(src=net("10.0.10.0/24"), dst=net("10.0.40.1/32"))),
    )
    r = router(
        Gi1=l3("", "10.0.40.1/24", urpf="strict" if line == "urpf" else None, filter_in="IN"),
        Gi2=l3("", "10.0.10.1/24"),
    )
    r.filters["IN"] = own_sources
    if line != "open":
        r.filters["VTY"] = acl("VTY", vty_line)
        # SSH for staff sources; the web interface for anyone (a guest's cell to the
        # router is reachable, and forged staff sources add SSH to it).
        r.services = [
            MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY"),
            MgmtService("http", 6, (PortRange(80, 80),)),
        ]
    m, engine = matrix([r], [GUEST, STAFF])
    hs = engine.hs
    ways = set()
    for zone in ("guest", "staff"):
        forged = engine.run_zone(zone, any_source=True)
        for (cell_src, dst), c in m.items():
            d = forged.deliveries.get(dst)
            if cell_src != zone or d is None:
                continue
            ways.add(c.delivered is not None and hs.within(d.certain, c.delivered))
            honest = hs.exist(["src_ip"], c.delivered) if c.delivered is not None else hs.false
            extra = d.certain & ~honest
            assert c.spoofed == (extra if extra != hs.false else None)
            if c.maybe is not None:
                honest |= hs.exist(["src_ip"], c.maybe)
            unsure = d.maybe & ~honest & ~extra
            assert c.spoofed_maybe == (unsure if unsure != hs.false else None)
    assert ways == {True, False}  # the guest's cells by the fast path, the staff's not
    assert (m[("guest", "@devices")].spoofed is not None) == (line == "permit")  # uRPF drops it


@pytest.mark.parametrize("route_back", [False, True])
def test_feasible_path_bounds_an_unsure_reverse_path_check(route_back):
    """A check between strict and "any route back through the interface" (FortiOS
    src-check): a forged staff source on the guest port, with no route to staff through
    that port, is dropped for sure (not maybe); with a wider route through it (not the
    best), it may pass: kept as a maybe forgery, never delivered."""
    vty = acl("VTY", ("permit", Match(src=net("10.0.10.0/24"))))
    guest_port = l3("", "10.0.40.1/24", urpf="strict", urpf_allow_default=True)
    guest_port.urpf_unsure = "any route back through the interface, not only the best"
    r = router(Gi1=guest_port, Gi2=l3("", "10.0.10.1/24"))
    if route_back:
        r.routes.append(Route(IPNetwork("10.0.0.0/8"), next_hop=int(IPNetwork("10.0.40.254/32").ip)))
    r.filters["VTY"] = vty
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),), acl="VTY")]
    m, engine = matrix([r], [GUEST, STAFF])
    cell = m[("guest", "@devices")]
    assert cell.verdict == BLOCKED and cell.spoofed is None
    if route_back:
        assert engine.hs.services(cell.spoofed_maybe) == ["tcp/22"]
    else:
        assert cell.spoofed_maybe is None


def test_urpf_default_route_counts_only_with_allow_default():
    def build(allow):
        r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "192.0.2.2/30", urpf="strict", urpf_allow_default=allow))
        r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip)))
        internet = Zone("internet", "external", attach=[("R1", "Gi2")])
        m, engine = matrix([r], [GUEST, internet])
        cell = m[("internet", "guest")]
        assert cell.verdict == REACHABLE
        outside_link = cell.delivered & ~engine.hs.prefix("src_ip", "192.0.2.0/30")
        return outside_link != engine.hs.false

    # Without allow-default only the connected link's own sources route back via Gi2.
    assert build(False) is False
    assert build(True) is True


def _bridge_router(filtering: bool) -> Device:
    """A RouterOS-style office router: ether2-4 in bridge1, VLAN 40 for guests."""
    d = Device("MT", "test", "mt.rsc")
    d.interfaces["ether1"] = Interface("ether1", addresses=[IPNetwork("192.0.2.2/30")])
    if filtering:
        # Translated by the parser: ports become switch ports, VLAN interfaces SVIs.
        d.interfaces["bridge1"] = Interface("bridge1", IfKind.SVI, [IPNetwork("10.0.10.1/24")], encapsulation_vlan=1)
        d.interfaces["ether2"] = Interface("ether2", mode=L2Mode.ACCESS, access_vlan=1)
        d.interfaces["ether3"] = Interface("ether3", mode=L2Mode.ACCESS, access_vlan=40)
        d.interfaces["vlan40"] = Interface("vlan40", IfKind.SVI, [IPNetwork("10.0.40.1/24")], encapsulation_vlan=40)
    else:
        d.interfaces["bridge1"] = Interface("bridge1", IfKind.BRIDGE, [IPNetwork("10.0.10.1/24")])
        for port in ("ether2", "ether3"):
            d.interfaces[port] = Interface(port, mode=L2Mode.BRIDGE_PORT, parent="bridge1")
        d.interfaces["vlan40"] = Interface(
            "vlan40", IfKind.VLAN, [IPNetwork("10.0.40.1/24")], parent="bridge1", encapsulation_vlan=40
        )
    return d


def test_bridge_without_vlan_filtering_is_one_domain():
    # Guests plugged into ether3 (meant for VLAN 40) sit in the staff's untagged domain.
    d = _bridge_router(filtering=False)
    g = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("MT", "ether3")])
    s = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("MT", "ether2")])
    m, _engine = matrix([d], [g, s])
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert any("same L2 domain" in (h.get("note") or "") for h in cell.witness.hops)


def test_bridge_with_vlan_filtering_separates_vlans():
    d = _bridge_router(filtering=True)
    d.interfaces["vlan40"].filter_in = "GUEST"
    d.filters["GUEST"] = acl("GUEST", ("deny", Match(dst=net("10.0.0.0/8"))), ("permit", Match()))
    g = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("MT", "ether3")])
    s = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("MT", "ether2")])
    m, _ = matrix([d], [g, s])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("staff", "guest")].verdict == REACHABLE


def test_replies_only_is_reported_on_blocked_cells():
    f = acl("IN", ("permit", Match(protocols=(6,), tcp_established=True)))
    r = router(Gi1=l3("", "10.0.40.1/24", filter_in="IN"), Gi2=l3("", "10.0.10.1/24"))
    r.filters["IN"] = f
    m, _ = matrix([r], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("guest", "staff")].replies_only is True
    assert m[("staff", "guest")].replies_only is False  # reachable, not "replies only"


def test_partial_nat_rule_makes_unknown_and_identity_nat_consumes():
    r = router(Gi1=l3("", "10.0.20.1/24"), Gi2=l3("", "192.0.2.2/30"))
    wan_ip = int(IPNetwork("192.0.2.2/32").ip)
    # An identity rule first: it matches port 8080 and translates nothing.
    r.nat_rules.append(
        NatRule(
            "destination",
            Match(protocols=(6,), dst=(AddrMatch.host(wan_ip),), dst_ports=(PortRange(8080, 8080),)),
            in_ifaces=frozenset({"Gi2"}),
        )
    )
    r.nat_rules.append(
        NatRule(
            "destination",
            Match(protocols=(6,), dst=(AddrMatch.host(wan_ip),)),
            to_ip=int(IPNetwork("10.0.20.5/32").ip),
            in_ifaces=frozenset({"Gi2"}),
            partial="pool approximated",
        )
    )
    r.interfaces["Gi2"].filter_in = "WAN-IN"
    r.filters["WAN-IN"] = acl("WAN-IN", ("permit", Match(protocols=(6,), dst=(AddrMatch.host(wan_ip),))))
    servers = Zone("servers", "server", [IPNetwork("10.0.20.0/24")])
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [servers, internet])
    cell = m[("internet", "servers")]
    assert cell.verdict == UNKNOWN and "pool approximated" in cell.reason
    assert "tcp/8080" not in cell.services  # the identity rule kept 8080 for the router


def test_a_partial_nat_rule_leaves_the_packets_it_may_not_match_untranslated_too():
    """A dst-nat rule whose destination netaudit cannot read (an address list naming a
    DNS name: the hairpin recipe) is matched wider than it is: the packets of that wider
    match may be translated or not.  Taking them all as translated made the flow to any
    Internet host on that port "blocked" (a false blocked)."""
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "192.0.2.2/30"), Gi3=l3("", "10.0.20.1/24"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip)))
    r.nat_rules.append(
        NatRule(
            "destination",
            Match(protocols=(6,), dst_ports=(PortRange(80, 80),)),  # its destination not read
            to_ip=int(IPNetwork("10.0.20.5/32").ip),
            partial="address list WANIP holds a DNS name",
        )
    )
    servers = Zone("servers", "server", [IPNetwork("10.0.20.0/24")])
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, engine = matrix([r], [GUEST, servers, internet])
    hs = engine.hs
    web = hs.match(service_match("tcp/80"))
    out = m[("guest", "internet")]
    assert out.verdict == REACHABLE  # other services surely
    assert hs.meets(out.maybe, web) and not hs.meets(out.delivered, web)  # port 80: may be translated


def test_a_static_route_of_a_device_that_learns_routes_is_one_way_among_others():
    """A router running OSPF without its routing state: a longer prefix it learns beats
    its static default route, so packets the default route sends back out are not
    proven lost ("blocked") — unknown; a connected destination stays certain."""
    edge = router(Fa4=l3("", "10.0.0.250/24"), Gi0=l3("", "10.0.5.2/30"), Gi5=l3("", "10.0.10.1/24"))
    edge.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("10.0.0.1/32").ip)))
    edge.dynamic_routing = [src(30, "router ospf 1")]
    core = Device("CORE", "test", "core.cfg")
    for name, addr in (("Gi0", "10.0.5.1/30"), ("Gi1", "10.40.0.1/24")):
        core.interfaces[name] = l3(name, addr)
    core.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("10.0.5.2/32").ip)))
    core.dynamic_routing = [src(12, "router ospf 1")]
    camera = Zone("camera", "camera", [IPNetwork("10.40.0.0/24")], attach=[("CORE", "Gi1")])
    internet = Zone("internet", "external", attach=[("R1", "Fa4")])
    m, engine = matrix([edge, core], [camera, STAFF, internet])
    cell = m[("internet", "camera")]
    assert cell.verdict == UNKNOWN and "learns routes dynamically" in cell.reason
    staff = m[("internet", "staff")]
    assert staff.verdict == REACHABLE and staff.maybe in (None, engine.hs.false)


def test_packets_leaving_by_a_partial_interface_may_reach_any_zone():
    """A crypto map (not modelled: the interface is partial) tunnels the site-to-site
    traffic to its peer; the modelled next hop (the ISP) leads nowhere for a private
    destination.  Leaving by that interface, the packets may reach any zone owning their
    destination: unknown, not "blocked"."""
    devices = []
    for name, wan, lan in (("R1", "203.0.113.10/24", "10.1.0.1/24"), ("R2", "203.0.113.20/24", "10.2.0.1/24")):
        d = Device(name, "test", f"{name.lower()}.cfg")
        d.interfaces["Fa0"] = l3("Fa0", wan, partial="IPsec crypto map not modelled")
        d.interfaces["Fa1"] = l3("Fa1", lan)
        d.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("203.0.113.1/32").ip)))
        devices.append(d)
    lan1 = Zone("lan1", "internal", [IPNetwork("10.1.0.0/24")], attach=[("R1", "Fa1")])
    lan2 = Zone("lan2", "guest", [IPNetwork("10.2.0.0/24")], attach=[("R2", "Fa1")])
    internet = Zone("internet", "external", attach=[("R1", "Fa0"), ("R2", "Fa0")])
    m, _ = matrix(devices, [lan1, lan2, internet])
    cell = m[("lan2", "lan1")]
    assert cell.verdict == UNKNOWN and "crypto map" in cell.reason


def test_a_static_gateway_on_the_subnet_of_a_run_time_address_is_unknown_not_no_route():
    """``ip route 0.0.0.0/0 192.168.100.1`` with the WAN on DHCP (RouterOS: a DHCP client
    with add-default-route=no): the gateway is on-link only if the lease is in its
    subnet.  The matrix said "blocked" (no route) while the trace, judging every
    candidate address, said unknown: both say unknown."""
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=Interface("", dynamic_address=True, dynamic_source=src(5, "dhcp")))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.168.100.1/32").ip), source=src(9, "r")))
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [GUEST, internet])
    cell = m[("guest", "internet")]
    assert cell.verdict == UNKNOWN and "192.168.100.1" in cell.reason


def _two_routers(link: str) -> list[Device]:
    """RA (LAN 10.1.1.0/24) -- link 10.0.0.0/30 -- RB (LAN 10.2.2.0/24); RA routes RB's
    LAN to the link interface, without a next hop; RB routes back by next hop."""
    ra, rb = Device("RA", "test", "ra.cfg"), Device("RB", "test", "rb.cfg")
    ra.interfaces["Gi0/0"] = l3("Gi0/0", "10.1.1.1/24")
    ra.interfaces[link] = l3(link, "10.0.0.1/30")
    rb.interfaces["Gi0/0"] = l3("Gi0/0", "10.2.2.1/24")
    rb.interfaces[link] = l3(link, "10.0.0.2/30")
    ra.routes.append(Route(IPNetwork("10.2.2.0/24"), interface=link, source=src(9, f"ip route 10.2.2.0 … {link}")))
    rb.routes.append(Route(IPNetwork("10.1.1.0/24"), next_hop=int(IPNetwork("10.0.0.1/32").ip)))
    return [ra, rb]


def test_a_static_route_to_a_point_to_point_interface_reaches_the_router_at_its_other_end():
    """``ip route 10.2.2.0 255.255.255.0 Serial0/0/0``: every packet goes to the one
    peer of the link, which delivers it (it was "blocked": delivered on the /30, where
    no zone owns the destination)."""
    a = Zone("lanA", "internal", [IPNetwork("10.1.1.0/24")], attach=[("RA", "Gi0/0")])
    b = Zone("lanB", "server", [IPNetwork("10.2.2.0/24")], attach=[("RB", "Gi0/0")])
    m, _ = matrix(_two_routers("Serial0/0/0"), [a, b])
    assert m[("lanA", "lanB")].verdict == REACHABLE and m[("lanB", "lanA")].verdict == REACHABLE
    # on Ethernet the peer answers only by proxy ARP (IOS's default, not every vendor's)
    m, _ = matrix(_two_routers("Gi0/1"), [a, b])
    assert m[("lanA", "lanB")].verdict == UNKNOWN and "proxy ARP" in m[("lanA", "lanB")].reason


def test_a_partial_route_keeps_its_doubt_beside_a_connected_route_of_the_same_interface():
    """The FIB merges destinations by egress: a partial static route out of the link and
    the link's connected route share it, and the merged region took the connected
    route — certain, citing the interface line — for the static route's packets."""
    devices = _two_routers("Serial0/0/0")
    devices[0].routes[0].partial = "route option not understood"
    a = Zone("lanA", "internal", [IPNetwork("10.1.1.0/24")], attach=[("RA", "Gi0/0")])
    b = Zone("lanB", "server", [IPNetwork("10.2.2.0/24")], attach=[("RB", "Gi0/0")])
    m, _ = matrix(devices, [a, b])
    cell = m[("lanA", "lanB")]
    assert cell.verdict == UNKNOWN and "route option not understood" in cell.reason


def test_dynamic_wan_address_is_unknown_not_blocked():
    # A PPPoE/DHCP WAN: the Internet zone sits there, the address is not in the config.
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=Interface("", dynamic_address=True, partial="address from DHCP"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), interface="Gi2", partial="default route from DHCP"))
    r.services = [MgmtService("ssh", 6, (PortRange(22, 22),))]
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [GUEST, internet])
    assert m[("guest", "internet")].verdict == UNKNOWN
    assert m[("internet", "guest")].verdict == UNKNOWN
    cell = m[("internet", "@devices")]
    assert cell.verdict == UNKNOWN and "DHCP" in cell.reason


def bridged_router(tagged: bool, firewall: bool = True) -> Device:
    """A router bridging ether2/ether3 (no VLAN filtering) with VLAN 40 on the bridge;
    its forward filter drops everything."""
    r = router(
        br=l3("", "10.0.0.1/24", kind=IfKind.BRIDGE),
        e2=Interface("", mode=L2Mode.BRIDGE_PORT, parent="br"),
        e3=Interface("", mode=L2Mode.BRIDGE_PORT, parent="br"),
        v40=l3("", "10.0.40.1/24", kind=IfKind.VLAN, parent="br", encapsulation_vlan=40),
    )
    r.filters["fwd"] = acl("fwd", ("deny", Match()))
    r.forward_filter = "fwd"
    if firewall:
        r.interfaces["br"].bridge_ip_firewall = src(3, "set use-ip-firewall=yes")
        r.interfaces["br"].bridge_ip_firewall_tagged = tagged
    return r


BR_ZONES = [
    Zone("a", "internal", [IPNetwork("10.0.0.0/25")], attach=[("R1", "e2")]),
    Zone("b", "server", [IPNetwork("10.0.0.128/25")], attach=[("R1", "e3")]),
    Zone("c", "internal", [IPNetwork("10.0.40.0/25")], attach=[("R1", "v40")]),
    Zone("d", "server", [IPNetwork("10.0.40.128/25")], attach=[("R1", "v40")]),
]


@pytest.mark.parametrize("tagged", [False, True])
def test_bridged_traffic_through_the_ip_firewall(tagged):
    m, _ = matrix([bridged_router(tagged)], BR_ZONES)
    # untagged bridged frames always pass the forward filter (use-ip-firewall=yes) …
    assert m[("a", "b")].verdict == BLOCKED
    assert m[("a", "b")].blocking[0]["line"] == 10
    # … VLAN-tagged ones only with use-ip-firewall-for-vlan
    assert m[("c", "d")].verdict == (BLOCKED if tagged else REACHABLE)
    plain, _ = matrix([bridged_router(tagged, firewall=False)], BR_ZONES)
    assert plain[("a", "b")].verdict == REACHABLE and plain[("c", "d")].verdict == REACHABLE


def pbr_router(*rules) -> Device:
    """Staff and guest behind one router with two uplinks: a main default route via
    Gi3 (ISP 1) and a table "isp2" whose only route, to ISP 2's range, leaves via Gi4."""
    from netaudit.model import PolicyRoute

    r = router(
        Gi1=l3("", "10.0.40.1/24"),
        Gi2=l3("", "10.0.10.1/24"),
        Gi3=l3("", "192.0.2.2/30"),
        Gi4=l3("", "198.51.100.2/30"),
    )
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip), source=src(20)))
    r.routes.append(
        Route(IPNetwork("203.0.113.0/24"), next_hop=int(IPNetwork("198.51.100.1/32").ip), table="isp2", source=src(21))
    )
    r.policy_routes = [PolicyRoute(**kw) for kw in rules]
    return r


ISP1 = Zone("isp1", "external", attach=[("R1", "Gi3")])
ISP2 = Zone("isp2", "wan", [IPNetwork("203.0.113.0/24")], attach=[("R1", "Gi4")])


def test_policy_route_to_a_table_sends_only_its_packets_there():
    guest_to_isp2 = {
        "matches": [Match(src=net("10.0.40.0/24"))],
        "action": "table",
        "table": "isp2",
        "source": src(30, "add src-address=10.0.40.0/24 action=lookup-only-in-table table=isp2"),
    }
    m, _ = matrix([pbr_router(guest_to_isp2)], [GUEST, STAFF, ISP1, ISP2])
    assert m[("guest", "isp2")].verdict == REACHABLE
    hops = m[("guest", "isp2")].witness.to_json()["hops"]
    assert any(r["line"] == 30 for r in hops[0]["rules"])  # the rule is cited
    # only the guest's packets: staff's leave by the main default route, into ISP 1
    assert m[("staff", "isp2")].verdict == BLOCKED
    assert m[("staff", "isp1")].verdict == REACHABLE
    # the table has no route back inside: without fallback the guest no longer reaches staff
    assert m[("guest", "staff")].verdict == BLOCKED


def test_policy_route_fallback_and_drop():
    fallback = {
        "matches": [Match(src=net("10.0.40.0/24"))],
        "action": "table",
        "table": "isp2",
        "fallback": True,
        "source": src(30),
    }
    m, _ = matrix([pbr_router(fallback)], [GUEST, STAFF, ISP1, ISP2])
    assert m[("guest", "staff")].verdict == REACHABLE  # no route in isp2: main table
    drop = {
        "matches": [Match(src=net("10.0.40.0/24"), dst=net("10.0.0.0/8"))],
        "action": "drop",
        "source": src(31, "add src-address=10.0.40.0/24 dst-address=10.0.0.0/8 action=unreachable"),
    }
    m, _ = matrix([pbr_router(drop)], [GUEST, STAFF, ISP1, ISP2])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("staff", "guest")].verdict == REACHABLE


def test_partial_policy_route_taints_only_the_packets_it_matches():
    partial = {
        "matches": [Match(src=net("10.0.40.0/24"))],
        "action": "table",
        "table": "isp2",
        "partial": "per-connection classifier not modelled",
        "source": src(30),
    }
    m, _ = matrix([pbr_router(partial)], [GUEST, STAFF, ISP1, ISP2])
    assert m[("guest", "staff")].verdict == UNKNOWN
    assert "per-connection classifier" in str(m[("guest", "staff")].reason)
    assert m[("staff", "guest")].verdict == REACHABLE  # staff's packets: untouched


def test_analyses_share_one_bdd_manager():
    """Memory stays flat across audits in one process: every analysis uses the one
    process-wide BDD manager instead of keeping a new one alive per audit."""
    from netaudit.headerspace import HeaderSpace

    first, second = HeaderSpace(), HeaderSpace()
    assert first.bdd is second.bdd
    # Same variables, so a set built by one analysis means the same in the other.
    assert first.prefix("dst_ip", "10.0.0.0/8") == second.prefix("dst_ip", "10.0.0.0/8")


@pytest.mark.parametrize(
    "sample",
    [
        "cisco-commune-leaky",
        "asa-department-leaky-levels",
        "fortigate-ttpvhcc-leaky-policy",
        "linux-commune-leaky",
        "routeros-commune-leaky-firewall",
        "openwrt-commune-leaky-rules",
    ],
)
def test_one_lookup_per_device_gives_what_one_per_interface_gives(sample, monkeypatch):
    """Arrivals on several interfaces of a router whose forwarding (control plane) ignores
    the ingress interface share one lookup (paths.Work.append_route) and one control
    plane evaluation, and a filter reads the interfaces it treats alike once
    (filters.interface_classes): every cell, delivered set, witness and blocking line is
    what one per interface gives."""
    from helpers import SAMPLES

    from netaudit import filters
    from netaudit.audit import run_audit
    from netaudit.reach.engine import Engine

    shared = run_audit([SAMPLES / sample])
    batched = [d for d in shared.devices if shared.engine._cache.get(("ingress-free", d.hostname))]
    monkeypatch.setattr(Engine, "_routing_ignores_ingress", lambda self, dev: False)
    monkeypatch.setattr(Engine, "_control_at", lambda self, dev, ifn: ifn)
    shared_key = Engine._iface_key

    def every_interface_apart(self, dev, name, in_if, out_if):
        shared_key(self, dev, name, in_if, out_if)  # fills the cache _compiled reads
        return (in_if, out_if) if filters.interface_dependent(dev.filters[name]) else (None, None)

    monkeypatch.setattr(Engine, "_iface_key", every_interface_apart)
    alone = run_audit([SAMPLES / sample])
    assert_same_audit(shared, alone)
    if sample == "cisco-commune-leaky":
        assert batched  # the router's routing takes the shared lookup


UNREAD_ROUTE_IOS = """version 15.2
hostname R1
!
interface GigabitEthernet0/0
 description LAN can bo
 ip address 192.168.1.1 255.255.255.0
!
interface GigabitEthernet0/1
 description WAN to ISP
 ip address 203.0.113.2 255.255.255.252
!
{route}
!
end
"""


@pytest.mark.parametrize(
    "route,verdict",
    [
        ("ip route 0.0.0.0 0.0.0.0 203.0.113.1", "reachable"),
        # The same default route in a form the parser does not read: unknown, not "no route".
        ("ip route 0.0.0.0 0.0.0.0 203.0.113.1 frobnicate 7", "unknown"),
        # No route line at all: no route is proven.
        ("ip route static bfd GigabitEthernet0/1 203.0.113.1", "blocked"),
    ],
)
def test_an_unread_static_route_makes_no_route_unknown(tmp_path, route, verdict):
    """Beyond the connected WAN subnet only the default route leads to the Internet: read,
    the flow is delivered; written in a form the parser does not read, it is unknown —
    never the "no route" a missing route proves."""
    from netaudit.trace import trace

    (tmp_path / "r1.cfg").write_text(UNREAD_ROUTE_IOS.format(route=route), encoding="utf-8")
    (tmp_path / "site.yaml").write_text(
        "unit: U\nlevel: 2\nzones:\n"
        "  staff: {kind: internal, subnets: [192.168.1.0/24], attach: ['R1:GigabitEthernet0/0']}\n"
        "  internet: {kind: external, attach: ['R1:GigabitEthernet0/1']}\n",
        encoding="utf-8",
    )
    got = trace([tmp_path], None, "staff", "8.8.8.8", "https")
    assert got["verdict"] == verdict, got
    if verdict == "unknown":
        [u] = got["unknown"]
        assert "static route line that was not understood" in u["reason"] and "frobnicate" in u["reason"]


PAT_EDGE = """\
version 15.4
hostname R
!
interface GigabitEthernet0/0
 ip address 192.168.1.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/1
 ip address 203.0.113.2 255.255.255.252
 ip access-group EDGE-OUT out
 ip nat outside
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
ip nat inside source list 1 interface GigabitEthernet0/1 overload
access-list 1 permit 192.168.1.0 0.0.0.255
ip access-list extended EDGE-OUT
%s
!
end
"""


@pytest.mark.parametrize(
    "acl_lines,lan_to_internet,cameras_to_internet",
    [
        # Meant to keep the cameras off the Internet: it sees 203.0.113.2, not them.
        (" deny   ip 192.168.1.128 0.0.0.127 any\n permit ip any any", REACHABLE, REACHABLE),
        # Meant to let the LAN out: no translated packet matches, the implicit deny drops all.
        (" permit ip 192.168.1.0 0.0.0.255 any", BLOCKED, BLOCKED),
        # Written for the translated source: the Internet is reached.
        (" permit ip host 203.0.113.2 any", REACHABLE, REACHABLE),
    ],
)
def test_ios_output_acl_on_the_nat_outside_interface_sees_the_translated_source(
    acl_lines, lan_to_internet, cameras_to_internet
):
    """IOS translates inside → outside after routing and before the output ACL (Cisco,
    "NAT Order of Operation"); the ACL was applied to the untranslated packet: a false
    "blocked" for the first ACL, a false "reachable" for the second."""
    from helpers import parse_one

    from netaudit.parsers import cisco_ios

    r, _ = parse_one(cisco_ios, PAT_EDGE % acl_lines, "r.cfg")
    lan = Zone("lan", "internal", [IPNetwork("192.168.1.0/25")], attach=[("R", "GigabitEthernet0/0")])
    cams = Zone("cameras", "camera", [IPNetwork("192.168.1.128/25")], attach=[("R", "GigabitEthernet0/0")])
    wan = Zone("internet", "external", attach=[("R", "GigabitEthernet0/1")])
    m, _ = matrix([r], [lan, cams, wan])
    assert m[("lan", "internet")].verdict == lan_to_internet
    assert m[("cameras", "internet")].verdict == cameras_to_internet
    if lan_to_internet == REACHABLE:
        # The witness cites the translation, then the ACL line that lets it out.
        texts = [rule["text"] for rule in m[("lan", "internet")].witness.hops[0]["rules"]]
        assert texts.index("ip nat inside source list 1 interface GigabitEthernet0/1 overload") < len(texts) - 1
        assert texts[-1].startswith(("permit ip any any", "permit ip host 203.0.113.2 any"))


ASA_OSPF = """\
: Saved
ASA Version 9.8(1)
!
hostname HQ-ASA-FW1
!
interface GigabitEthernet0/0
 nameif OUTSIDE-1
 security-level 0
 ip address 11.11.11.1 255.255.255.0
!
interface GigabitEthernet0/3
 nameif INSIDE
 security-level 100
 ip address 10.6.24.30 255.255.255.224
!
access-list FROM_ISP101 extended permit tcp any4 host 10.6.24.5 eq ssh
access-group FROM_ISP101 in interface OUTSIDE-1
router ospf 1
 network 10.6.24.0 255.255.255.224 area 0
!
route OUTSIDE-1 0.0.0.0 0.0.0.0 11.11.11.101 1
: end
"""


def test_a_route_learned_at_run_time_still_goes_through_the_inbound_acl():
    """An ASA running OSPF without routing state (josh-waller/ICT377 HQ-ASA-FW1): packets a
    learned route may take were "anywhere, maybe" before the forward policy, so the
    inbound ACL's implicit deny — whatever the egress — left internet → inside unknown.
    They now pass the policy for every egress first: blocked, except what it permits."""
    from helpers import parse_one

    from netaudit.parsers import cisco_asa

    fw, _ = parse_one(cisco_asa, ASA_OSPF, "fw.cfg")
    inside = Zone("inside", "internal", [IPNetwork("10.6.0.0/16")], attach=[("HQ-ASA-FW1", "GigabitEthernet0/3")])
    wan = Zone("internet", "external", attach=[("HQ-ASA-FW1", "GigabitEthernet0/0")])
    m, _ = matrix([fw], [inside, wan])
    cell = m[("internet", "inside")]
    # ssh to 10.6.24.5 (connected: certain) is let in; the rest of 10.6/16 only by a
    # learned route, through the same ACL: nothing else
    assert cell.verdict == REACHABLE and cell.services == ["tcp/22"]
    fw2, _ = parse_one(
        cisco_asa,
        ASA_OSPF.replace("permit tcp any4 host 10.6.24.5 eq ssh", "permit tcp any4 host 11.11.11.1 eq ssh"),
        "fw.cfg",
    )
    m, _ = matrix([fw2], [inside, wan])
    assert m[("internet", "inside")].verdict == BLOCKED
    assert m[("inside", "internet")].verdict == REACHABLE  # the outside subnet, connected


TRACKED = """\
hostname R12
!
track 1 ip sla 1 reachability
!
interface Ethernet0/0
 ip address 10.12.0.2 255.255.255.0
!
interface Ethernet0/2
 ip address 10.10.0.14 255.255.255.252
!
interface Ethernet0/3
 ip address 10.10.0.26 255.255.255.252
!
ip route 0.0.0.0 0.0.0.0 10.10.0.13 40 track 1
ip route 0.0.0.0 0.0.0.0 10.10.0.25 100
!
ip sla 1
 icmp-echo 10.10.0.6 source-interface Ethernet0/2
ip sla schedule 1 start-time now
end
"""
VIA_R14 = "hostname R14\ninterface Ethernet0/0\n ip address 10.10.0.13 255.255.255.252\nend\n"
VIA_R15 = (
    "hostname R15\ninterface Ethernet0/1\n ip address 10.10.0.25 255.255.255.252\n"
    "interface Ethernet0/3\n ip address 10.10.0.16 255.255.255.252\nend\n"
)


def test_a_tracked_static_route_may_be_withdrawn_for_its_backup():
    """JohnB83435/My_OTUS R12: ``ip route 0.0.0.0 0.0.0.0 10.10.0.13 40 track 1`` and a
    floating backup at distance 100 through R15.  ``track`` was a harmless flag: only the
    tracked route existed, and servers → R15's far side was "proven" blocked (R14: no
    route).  While the IP SLA is down the backup carries it: unknown."""
    from helpers import parse_one

    from netaudit.parsers import cisco_ios

    devs = [parse_one(cisco_ios, t, f"r{i}.cfg")[0] for i, t in enumerate((TRACKED, VIA_R14, VIA_R15))]
    assert [r.line for r in devs[0].conditional_routes] == [14]
    servers = Zone("servers", "server", [IPNetwork("10.12.0.0/24")], attach=[("R12", "Ethernet0/0")])
    far = Zone("far", "internal", [IPNetwork("10.10.0.16/30")], attach=[("R15", "Ethernet0/3")])
    m, _ = matrix(devs, [servers, far])
    assert m[("servers", "far")].verdict == UNKNOWN
    assert "installed only while its tracked object is up" in str(m[("servers", "far")].reason)


def test_a_static_route_bound_to_bfd_may_be_withdrawn_for_its_backup():
    """The same router with the primary default route bound to a BFD session
    (``ip route static bfd Ethernet0/2 10.10.0.13``, public lab switches) instead of an
    IP SLA: while the session is down the backup carries the traffic — unknown, not
    blocked (the BFD line was unrecognized and the table taken as fixed)."""
    from helpers import parse_one

    from netaudit.parsers import cisco_ios

    bfd = TRACKED.replace("track 1 ip sla 1 reachability\n", "").replace(
        "ip route 0.0.0.0 0.0.0.0 10.10.0.13 40 track 1",
        "ip route static bfd Ethernet0/2 10.10.0.13\nip route 0.0.0.0 0.0.0.0 Ethernet0/2 10.10.0.13 40",
    )
    devs = [parse_one(cisco_ios, t, f"r{i}.cfg")[0] for i, t in enumerate((bfd, VIA_R14, VIA_R15))]
    assert [r.text for r in devs[0].conditional_routes] == ["ip route static bfd Ethernet0/2 10.10.0.13"]
    servers = Zone("servers", "server", [IPNetwork("10.12.0.0/24")], attach=[("R12", "Ethernet0/0")])
    far = Zone("far", "internal", [IPNetwork("10.10.0.16/30")], attach=[("R15", "Ethernet0/3")])
    m, _ = matrix(devs, [servers, far])
    assert m[("servers", "far")].verdict == UNKNOWN


def test_two_zones_on_one_segment_get_a_witness_between_two_hosts():
    """A guest zone attached at a port of the staff's segment, without subnets (a guest
    SSID bridged into the LAN): its witness source is a host, not the subnet's network
    address, and never the destination itself (a real draft's finding read
    "tcp 192.168.217.0:1024 -> 192.168.217.2:22", then "… .2 -> … .2")."""
    r = router(Gi1=l3("", "192.168.217.1/24"))
    guest = Zone("guest", "guest", attach=[("R1", "Gi1")])
    staff = Zone("staff", "internal", [IPNetwork("192.168.217.0/24")], attach=[("R1", "Gi1")])
    m, _ = matrix([r], [guest, staff])
    pkt = m[("guest", "staff")].witness.to_json()["packet"]
    assert pkt["src_ip"] != "192.168.217.0" and pkt["src_ip"] != pkt["dst_ip"]
    assert pkt["src_ip"].startswith("192.168.217.") and pkt["dst_ip"].startswith("192.168.217.")


@pytest.mark.parametrize("after_dnat,exact", [(False, True), (True, False), (True, True)])
def test_reverse_path_check_sees_the_translated_destination_on_linux(after_dnat, exact):
    """Linux checks the source (rp_filter) in the routing decision, after prerouting DNAT:
    the reverse lookup's policy rules match the *translated* destination.  Here a rule
    ``from 10.0.20.0/24 lookup 100`` sends the reverse lookup of what is forwarded to the
    server (10.0.20.5, the DNAT target of the router's own staff address) into table 100,
    whose default is a blackhole: the kernel drops it (differential seed 267).  Checked
    before DNAT (a device whose check comes first), the rule does not apply and the
    forward is delivered."""
    from netaudit.model import PolicyRoute

    guest = l3("", "10.0.40.1/24", urpf="loose", urpf_allow_default=True)
    r = router(Gi1=guest, Gi2=l3("", "10.0.10.1/24"), Gi3=l3("", "10.0.20.1/24"))
    r.urpf_after_dnat = after_dnat
    staff_addr = int(IPNetwork("10.0.10.1/32").ip)
    r.nat_rules.append(
        NatRule(
            "destination",
            Match(dst=(AddrMatch.host(staff_addr),), protocols=(6,), dst_ports=(PortRange(443, 443),)),
            to_ip=int(IPNetwork("10.0.20.5/32").ip),
        )
    )
    rule = PolicyRoute([Match(src=net("10.0.20.0/24"))], "table", table="100", reverse_exact=exact)
    r.policy_routes.append(rule)
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), drop=True, table="100"))
    servers = Zone("servers", "server", [IPNetwork("10.0.20.0/24")])
    m, _ = matrix([r], [GUEST, STAFF, servers])
    cell = m[("guest", "servers")]
    if not after_dnat:
        # Checked before DNAT, the reverse lookup sees 10.0.10.1: only the port forward
        # gets through, and the witness goes through it.
        assert cell.verdict == REACHABLE and cell.services == ["tcp/443"]
        w = cell.witness.to_json()
        assert w["packet"]["dst_ip"] == "10.0.10.1" and [(h["in"], h["out"]) for h in w["hops"]] == [("Gi1", "Gi3")]
    elif exact:
        # The rule surely meets every reverse lookup of a packet to the servers — sent
        # there or translated there — and its table blackholes it: all dropped, as Linux does.
        assert cell.verdict == BLOCKED
    else:
        # A rule that may meet the reverse lookup or not (a mark it does not carry): the
        # main table stays a possible outcome — unknown, never reachable.
        assert cell.verdict == UNKNOWN and cell.witness is None


def test_reverse_lookup_follows_the_rules_in_order():
    """The reverse lookup goes through the rules as the forward one does: the first rule
    that surely meets it with a route for the source decides, the later rules and the
    main table are no outcome of it; a rule that only may meet it adds its answer."""
    from netaudit.model import PolicyRoute

    def cell(rules, routes):
        guest = l3("", "10.0.40.1/24", urpf="loose", urpf_allow_default=True)
        r = router(Gi1=guest, Gi2=l3("", "10.0.10.1/24"))
        r.urpf_after_dnat = True
        r.policy_routes = rules
        r.routes += routes
        m, _ = matrix([r], [GUEST, STAFF])
        return m[("guest", "staff")].verdict

    to_staff = [Match(src=net("10.0.10.0/24"))]  # the reverse lookup of packets to staff
    good = Route(IPNetwork("10.0.40.0/24"), interface="Gi1", table="200")
    hole = Route(IPNetwork("0.0.0.0/0"), drop=True, table="100")
    # first the good table, then the blackhole: decided by the first
    assert (
        cell(
            [
                PolicyRoute(to_staff, "table", table="200", reverse_exact=True),
                PolicyRoute(to_staff, "table", table="100", reverse_exact=True),
            ],
            [good, hole],
        )
        == REACHABLE
    )
    # the other way round: dropped
    assert (
        cell(
            [
                PolicyRoute(to_staff, "table", table="100", reverse_exact=True),
                PolicyRoute(to_staff, "table", table="200", reverse_exact=True),
            ],
            [good, hole],
        )
        == BLOCKED
    )
    # a rule on the in-interface (the reverse lookup's is not known here) only may meet it
    on_iface = [Match(src=net("10.0.10.0/24"), in_ifaces=frozenset({"Gi2"}))]
    assert cell([PolicyRoute(on_iface, "table", table="100", reverse_exact=True)], [hole]) == UNKNOWN
    # a drop rule that surely meets it
    assert cell([PolicyRoute(to_staff, "drop", reverse_exact=True)], []) == BLOCKED
