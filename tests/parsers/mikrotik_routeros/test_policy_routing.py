"""RouterOS policy routing, run-time addresses and bridged IP firewall at model level
(issue #7): what the parser puts in ``Device.policy_routes``, ``Route.table``,
``Route.runtime_gateway``, ``Interface.dynamic_address`` / ``bridge_ip_firewall``, and
which partial marks remain — each as narrow as its construct.

End-to-end verdicts on the same constructs: tests/test_routeros_policy_routing.py.
"""

from __future__ import annotations

import textwrap

from netaddr import IPAddress, IPNetwork

from netaudit.model import AddrMatch, Match, PolicyRoute, PortRange
from netaudit.parsers import mikrotik_routeros
from netaudit.parsers.packet_sets import from_match

V7 = "# 2025-03-18 08:41:07 by RouterOS 7.16.2\n"
V6 = "# feb/20/2024 09:12:41 by RouterOS 6.49.13\n"


def parse(text: str, header: str = V7, file: str = "r.rsc"):
    res = mikrotik_routeros.parse(header + textwrap.dedent(text).lstrip("\n"), file)
    return res.devices[0], res.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def net(s: str) -> tuple[AddrMatch, ...]:
    return (AddrMatch.prefix(s),)


def summary(pr: PolicyRoute) -> tuple:
    """(the config line it cites, action, table, fallback, partial?)"""
    return (pr.source.text if pr.source else None, pr.action, pr.table, pr.fallback, bool(pr.partial))


def covers(pr: PolicyRoute, **pkt) -> bool:
    """Whether a packet (src, dst, proto, dport, inif) matches one of ``pr.matches``."""
    for m in pr.matches:
        c = from_match(m)
        if c is None:
            continue
        ok = True
        for field, value in (
            ("src", pkt.get("src")),
            ("dst", pkt.get("dst")),
            ("proto", pkt.get("proto")),
            ("dport", pkt.get("dport")),
        ):
            rs = getattr(c, field)
            if value is None or rs is None:
                continue
            v = ip(value) if field in ("src", "dst") else value
            ok = ok and any(lo <= v <= hi for lo, hi in rs)
        if pkt.get("inif") is not None and c.inif is not None:
            ok = ok and pkt["inif"] in c.inif
        if ok:
            return True
    return False


def first(dev, **pkt) -> PolicyRoute | None:
    """The policy route that decides a packet (first match), None = main table."""
    return next((pr for pr in dev.policy_routes if covers(pr, **pkt)), None)


# A commune office, RouterOS 7: VNPT on ether1, Viettel on ether2, staff/camera/guest
# VLANs on a filtering bridge.
OFFICE7 = """
/interface bridge
add comment="LAN UBND" name=bridge-lan vlan-filtering=yes
/interface vlan
add interface=bridge-lan name=vlan10-canbo vlan-id=10
add interface=bridge-lan name=vlan20-camera vlan-id=20
add interface=bridge-lan name=vlan40-khach vlan-id=40
/routing table
add disabled=no fib name=qua-viettel
/interface bridge port
add bridge=bridge-lan interface=ether3 pvid=10
add bridge=bridge-lan interface=ether4 pvid=40
add bridge=bridge-lan interface=ether5 pvid=20
/interface bridge vlan
add bridge=bridge-lan tagged=bridge-lan vlan-ids=10,20,40
/ip address
add address=203.0.113.2/30 interface=ether1 network=203.0.113.0
add address=198.51.100.2/30 interface=ether2 network=198.51.100.0
add address=10.10.10.1/24 interface=vlan10-canbo network=10.10.10.0
add address=10.10.20.1/24 interface=vlan20-camera network=10.10.20.0
add address=10.10.40.1/24 interface=vlan40-khach network=10.10.40.0
/ip route
add dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-table=main
add dst-address=0.0.0.0/0 gateway=198.51.100.1 routing-table=qua-viettel
"""


def office7(extra: str):
    return parse(OFFICE7 + textwrap.dedent(extra))


# --------------------------------------------------------------------------- issue #7


def test_a_single_routing_rule_no_longer_taints_every_interface():
    dev, rep = office7("""
    /routing rule
    add action=lookup-only-in-table comment="Wi-Fi khach chi ra Viettel" \\
        src-address=10.10.40.0/24 table=qua-viettel
    """)
    assert all(i.partial is None for i in dev.interfaces.values())
    assert rep.partially_understood == []
    (pr,) = dev.policy_routes
    text = (
        'add action=lookup-only-in-table comment="Wi-Fi khach chi ra Viettel" '
        "src-address=10.10.40.0/24 table=qua-viettel"
    )
    assert summary(pr) == (text, "table", "qua-viettel", False, False)
    assert pr.name == "routing rule" and pr.source.line == 27
    assert pr.matches == [Match(src=net("10.10.40.0/24"))]


def test_routes_of_a_policy_table_carry_their_table():
    dev, _ = office7("""
    /ip route
    add blackhole dst-address=10.10.0.0/16 routing-table=qua-viettel
    """)
    by = {(str(r.prefix), r.table): r for r in dev.routes}
    assert by[("0.0.0.0/0", None)].next_hop == ip("203.0.113.1")
    assert by[("0.0.0.0/0", "qua-viettel")].next_hop == ip("198.51.100.1")
    assert by[("10.10.0.0/16", "qua-viettel")].drop
    assert all(r.vrf == "default" for r in dev.routes)
    assert [s.text.split()[1] for s in dev.facts.policy_routing_tables["qua-viettel"]] == [
        "dst-address=0.0.0.0/0",
        "blackhole",
    ]


# --------------------------------------------------------------------------- routing rules


def test_routing_rule_actions_in_order():
    dev, rep = office7("""
    /routing rule
    add action=drop dst-address=10.10.10.0/24 src-address=10.10.40.0/24
    add action=unreachable dst-address=10.10.20.0/24 interface=vlan40-khach
    add action=lookup-only-in-table src-address=10.10.10.0/24 table=main
    add action=lookup src-address=10.10.20.0/24 table=main
    add action=lookup-only-in-table src-address=10.10.40.0/24 table=qua-viettel
    add disabled=yes action=drop src-address=10.10.10.0/24
    """)
    assert [summary(p)[1:] for p in dev.policy_routes] == [
        ("drop", None, False, False),
        ("drop", None, False, False),
        ("main", None, False, False),
        ("main", None, False, False),
        ("table", "qua-viettel", False, False),
    ]
    assert [p.source.line for p in dev.policy_routes] == [27, 28, 29, 30, 31]
    assert dev.policy_routes[1].matches == [Match(dst=net("10.10.20.0/24"), in_ifaces=frozenset({"vlan40-khach"}))]
    assert first(dev, src="10.10.40.5", dst="10.10.10.5").action == "drop"
    assert first(dev, src="10.10.40.5", dst="8.8.8.8").table == "qua-viettel"
    assert first(dev, src="10.10.99.5", dst="8.8.8.8") is None  # main table
    assert rep.partially_understood == []


def test_lookup_continues_to_the_next_rule_where_the_table_has_no_route():
    """action=lookup: a destination without a route in the table goes on to the next
    rules, as RouterOS (Linux rule semantics) does; lookup-only-in-table stops there."""
    dev, _ = parse("""
    /routing table
    add fib name=tong-cuc
    /ip address
    add address=192.168.10.1/24 interface=ether2
    add address=172.31.5.2/30 interface=ether5
    /ip route
    add dst-address=10.0.0.0/8 gateway=172.31.5.1 routing-table=tong-cuc
    /routing rule
    add action=lookup src-address=192.168.10.0/24 table=tong-cuc
    add action=drop src-address=192.168.10.0/24
    """)
    look, drop = dev.policy_routes
    assert summary(look)[1:] == ("table", "tong-cuc", True, False)
    assert look.matches == [Match(src=net("192.168.10.0/24"), dst=net("10.0.0.0/8"))]
    assert first(dev, src="192.168.10.7", dst="10.1.2.3") is look
    assert first(dev, src="192.168.10.7", dst="8.8.8.8") is drop  # fell through


def test_lookup_into_a_table_dynamic_routing_may_fill_is_partial_beyond_its_routes():
    dev, _ = parse("""
    /routing table
    add fib name=tong-cuc
    /ip address
    add address=172.31.5.2/30 interface=ether5
    /ip route
    add dst-address=10.0.0.0/8 gateway=172.31.5.1 routing-table=tong-cuc
    /routing ospf interface-template
    add area=backbone interfaces=ether5
    /routing rule
    add action=lookup src-address=192.168.10.0/24 table=tong-cuc
    """)
    exact, tail = dev.policy_routes
    assert exact.partial is None and exact.matches[0].dst == net("10.0.0.0/8")
    assert "dynamic routing" in tail.partial and tail.matches[0].dst == net("10.0.0.0/8")
    assert tail.matches[0].dst_negate


def test_v6_route_rule_syntax_and_routing_marks_compose_with_mangle():
    dev, rep = parse(
        """
    /ip address
    add address=192.168.88.1/24 interface=bridge-lan
    add address=203.0.113.2/30 interface=ether1
    add address=198.51.100.2/30 interface=ether2
    /ip firewall mangle
    add action=accept chain=prerouting dst-address=192.168.88.0/24
    add action=mark-routing chain=prerouting in-interface=bridge-lan new-routing-mark=to-vnpt \\
        passthrough=no src-address=192.168.88.0/25
    add action=mark-routing chain=prerouting in-interface=bridge-lan \\
        new-routing-mark=to-viettel src-address=192.168.88.128/25
    /ip route
    add distance=1 gateway=203.0.113.1 routing-mark=to-vnpt
    add distance=1 gateway=198.51.100.1 routing-mark=to-viettel
    add distance=1 gateway=203.0.113.1
    /ip route rule
    add action=lookup-only-in-table routing-mark=to-viettel table=to-viettel
    add dst-address=10.0.0.0/8 action=unreachable
    """,
        header=V6,
    )
    assert rep.partially_understood == [] and rep.unrecognized == []
    assert all(p.partial is None for p in dev.policy_routes)
    # the rule with routing-mark=to-viettel: the packets the mangle chain marks so
    strict = first(dev, src="192.168.88.200", dst="8.8.8.8", inif="bridge-lan")
    text = "add action=lookup-only-in-table routing-mark=to-viettel table=to-viettel"
    assert summary(strict) == (text, "table", "to-viettel", False, False)
    assert strict.name == "routing rule routing-mark=to-viettel"
    # rules come before the implicit lookup of the mark's table (v6)
    unreach = first(dev, src="192.168.88.5", dst="10.1.1.1", inif="bridge-lan")
    assert unreach.action == "drop" and "unreachable" in unreach.source.text
    vnpt = first(dev, src="192.168.88.5", dst="8.8.8.8", inif="bridge-lan")
    assert summary(vnpt)[1:] == ("table", "to-vnpt", True, False)
    assert vnpt.name == "mangle mark-routing to-vnpt" and "passthrough=no" in vnpt.source.text
    # mangle accept: local destinations keep no mark (the main table, said explicitly)
    local = first(dev, src="192.168.88.5", dst="192.168.88.9", inif="bridge-lan")
    assert local.action == "main" and "action=accept" in local.source.text
    assert first(dev, src="192.168.88.5", dst="8.8.8.8", inif="ether1") is None
    assert first(dev, src="192.168.88.5", dst="10.1.1.1", inif="ether1").action == "drop"


def test_unmodelled_rule_properties_make_only_that_rule_partial_and_ipv6_rules_are_skipped():
    dev, rep = office7("""
    /routing rule
    add action=lookup-only-in-table min-prefix=0 src-address=10.10.40.0/24 table=qua-viettel
    add action=lookup-only-in-table dst-address=2001:db8::/32 table=qua-viettel
    add action=lookup-only-in-table src-address=10.10.20.0/24 table=qua-viettel
    """)
    partial, exact = dev.policy_routes
    assert "min-prefix=0" in partial.partial and "min-prefix" in partial.source.text
    assert exact.partial is None and "10.10.20.0/24" in exact.source.text
    assert [p["text"] for p in rep.partially_understood] == [partial.source.text]


def test_lookup_with_min_prefix_hides_the_short_routes_exactly():
    """``/routing rule add action=lookup min-prefix=0 table=main`` first, then the LAN to
    an ECMP table: the v7 idiom ("to suppress the default route in the routing decision
    set the value to 0", help.mikrotik.com "routing rule"; a real office's ECMP guide).
    Main decides where it has a route longer than /0 (the LANs, the WAN links), the rest
    goes on to the next rules — it was partial for every packet."""
    dev, rep = office7("""
    /routing rule
    add action=lookup min-prefix=0 table=main
    add action=lookup src-address=10.10.10.0/24 table=qua-viettel
    """)
    assert rep.partially_understood == []
    lan = first(dev, src="10.10.10.5", dst="10.10.20.9", inif="vlan10-canbo")
    assert summary(lan)[1:] == ("main", None, False, False) and "min-prefix=0" in lan.source.text
    out = first(dev, src="10.10.10.5", dst="8.8.8.8", inif="vlan10-canbo")
    assert summary(out)[1:] == ("table", "qua-viettel", True, False)
    assert first(dev, src="10.10.40.5", dst="8.8.8.8", inif="vlan40-khach") is None  # main, its default
    # min-prefix=24: the /24 LANs are hidden too, the /30 WAN links are not
    dev, _ = office7("""
    /routing rule
    add action=lookup min-prefix=24 table=main
    add action=lookup src-address=10.10.10.0/24 table=qua-viettel
    """)
    assert first(dev, src="10.10.10.5", dst="10.10.20.9", inif="vlan10-canbo").table == "qua-viettel"
    assert first(dev, src="10.10.10.5", dst="203.0.113.1", inif="vlan10-canbo").action == "main"


def test_table_without_fib_and_vrf_tables_are_partial():
    dev, _ = office7("""
    /routing table
    add name=chi-rib
    /ip vrf
    add interfaces=ether6 name=camera-vrf
    /routing rule
    add action=lookup-only-in-table src-address=10.10.40.0/24 table=chi-rib
    add action=lookup src-address=10.10.20.0/24 table=camera-vrf
    """)
    fib = [p for p in dev.policy_routes if "chi-rib" in p.source.text]
    vrf = [p for p in dev.policy_routes if "table=camera-vrf" in p.source.text]
    assert fib and all("no fib flag" in p.partial for p in fib)
    assert vrf and all("VRF camera-vrf" in p.partial for p in vrf)


def test_packets_arriving_in_a_vrf_are_partial_the_main_vrf_exact():
    dev, _ = office7("""
    /ip vrf
    add interfaces=ether6 name=camera-vrf
    /routing rule
    add action=lookup-only-in-table src-address=10.10.40.0/24 table=qua-viettel
    """)
    in_vrf, main = dev.policy_routes
    assert "VRF" in in_vrf.partial and in_vrf.matches[0].in_ifaces == frozenset({"ether6"})
    assert main.partial is None and "ether6" not in main.matches[0].in_ifaces


# --------------------------------------------------------------------------- mangle


def test_mark_routing_passthrough_last_mark_wins_and_passthrough_no_stops():
    dev, rep = office7("""
    /routing table
    add fib name=qua-vnpt
    /ip route
    add dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-table=qua-vnpt
    /ip firewall mangle
    add action=mark-routing chain=prerouting new-routing-mark=qua-vnpt src-address=10.10.0.0/16
    add action=mark-routing chain=prerouting new-routing-mark=qua-viettel protocol=tcp \\
        dst-port=443 src-address=10.10.0.0/16
    add action=mark-routing chain=prerouting new-routing-mark=qua-vnpt passthrough=no \\
        src-address=10.10.20.0/24
    add action=mark-routing chain=prerouting new-routing-mark=qua-viettel \\
        src-address=10.10.20.0/24
    """)
    assert rep.partially_understood == []
    web = first(dev, src="10.10.10.5", dst="8.8.8.8", proto=6, dport=443)
    assert web.table == "qua-viettel" and "dst-port=443" in web.source.text  # later mark wins
    other = first(dev, src="10.10.10.5", dst="8.8.8.8", proto=17, dport=53)
    assert other.table == "qua-vnpt" and "10.10.0.0/16" in other.source.text
    cam = first(dev, src="10.10.20.5", dst="8.8.8.8", proto=6, dport=443)
    assert cam.table == "qua-vnpt" and "passthrough=no" in cam.source.text  # no: it stops
    assert all(p.fallback and p.partial is None for p in dev.policy_routes)
    assert first(dev, src="192.168.1.1", dst="8.8.8.8") is None


def test_jump_and_return_in_mangle_are_flattened():
    dev, _ = office7("""
    /ip firewall mangle
    add action=jump chain=prerouting in-interface=vlan40-khach jump-target=khach
    add action=return chain=khach dst-address=10.10.0.0/16
    add action=mark-routing chain=khach new-routing-mark=qua-viettel
    """)
    (pr,) = dev.policy_routes
    assert pr.table == "qua-viettel" and pr.partial is None
    assert covers(pr, src="10.10.40.9", dst="8.8.8.8", inif="vlan40-khach")
    assert not covers(pr, src="10.10.40.9", dst="10.10.10.9", inif="vlan40-khach")
    assert not covers(pr, src="10.10.10.9", dst="8.8.8.8", inif="vlan10-canbo")


def test_output_marks_are_the_routers_own_traffic_and_forward_marks_come_too_late():
    dev, rep = office7("""
    /ip firewall mangle
    add action=mark-routing chain=output new-routing-mark=qua-viettel src-address=198.51.100.2
    add action=mark-routing chain=forward new-routing-mark=qua-viettel
    """)
    assert dev.policy_routes == [] and rep.partially_understood == []


def test_connection_mark_makes_only_the_packets_it_may_mark_partial():
    dev, rep = office7("""
    /ip firewall mangle
    add action=mark-connection chain=prerouting connection-mark=no-mark \\
        in-interface=vlan40-khach new-connection-mark=khach-conn \\
        per-connection-classifier=both-addresses:2/0
    add action=mark-routing chain=prerouting connection-mark=khach-conn \\
        in-interface=vlan40-khach new-routing-mark=qua-viettel passthrough=no
    add action=mark-routing chain=prerouting in-interface=vlan20-camera \\
        new-routing-mark=qua-viettel passthrough=no
    """)
    guest = first(dev, src="10.10.40.5", dst="8.8.8.8", inif="vlan40-khach")
    cam = first(dev, src="10.10.20.5", dst="8.8.8.8", inif="vlan20-camera")
    assert "connection-mark" in guest.partial and "connection-mark=khach-conn" in guest.source.text
    assert cam.partial is None and "vlan20-camera" in cam.source.text
    assert first(dev, src="10.10.10.5", dst="8.8.8.8", inif="vlan10-canbo") is None
    assert [p["text"] for p in rep.partially_understood] == [guest.source.text]
    assert all(i.partial is None for i in dev.interfaces.values())


def test_rule_on_a_mark_the_mangle_chain_may_set_is_partial_on_those_packets_only():
    dev, _ = office7("""
    /ip firewall mangle
    add action=mark-routing chain=prerouting in-interface=vlan40-khach \\
        new-routing-mark=qua-viettel packet-mark=video
    /routing rule
    add action=lookup-only-in-table routing-mark=qua-viettel table=qua-viettel
    """)
    rule = [p for p in dev.policy_routes if p.name == "routing rule routing-mark=qua-viettel"]
    assert rule and all("routing mark of these packets not certain" in p.partial for p in rule)
    assert all(covers(p, inif="vlan40-khach", src="10.10.40.1", dst="1.1.1.1") for p in rule)
    assert not any(covers(p, inif="vlan10-canbo", src="10.10.10.1", dst="1.1.1.1") for p in rule)


def test_v7_rule_sending_marked_packets_elsewhere_is_partial_v6_exact():
    extra = """
    /ip firewall mangle
    add action=mark-routing chain=prerouting in-interface=vlan20-camera \\
        new-routing-mark=qua-viettel passthrough=no
    /routing rule
    add action=lookup-only-in-table src-address=10.10.20.0/24 table=main
    """
    dev, _ = office7(extra)
    unsure = first(dev, src="10.10.20.5", dst="8.8.8.8", inif="vlan20-camera")
    assert unsure.action == "main" and "v7 may resolve packets marked qua-viettel" in unsure.partial
    assert first(dev, src="10.10.20.5", dst="8.8.8.8", inif="vlan10-canbo").partial is None
    dev6, _ = parse(
        OFFICE7.replace("routing-table=", "routing-mark=")
        + textwrap.dedent(extra).replace("/routing rule", "/ip route rule"),
        header=V6,
    )
    decided = first(dev6, src="10.10.20.5", dst="8.8.8.8", inif="vlan20-camera")
    assert decided.action == "main" and decided.partial is None


def test_mangle_by_destination_before_dnat_is_partial_on_the_dnat_image_only():
    extra = """
    /ip firewall mangle
    add action=mark-routing chain=prerouting dst-port=443 protocol=tcp \\
        new-routing-mark=qua-viettel passthrough=no
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8443 in-interface=ether1 protocol=tcp \\
        to-addresses=10.10.20.50 to-ports=443
    """
    dev, _ = office7(extra)
    dnat, web = dev.policy_routes
    assert "before destination NAT" in dnat.partial
    assert dnat.matches == [
        Match(
            dst=(AddrMatch.host(ip("10.10.20.50")),),
            protocols=(6,),
            dst_ports=(PortRange(443, 443),),
            in_ifaces=frozenset({"ether1"}),
        )
    ]
    assert web.partial is None and web.table == "qua-viettel"
    # marks by in-interface only: DNAT rewrites nothing they look at
    dev, _ = office7(extra.replace("dst-port=443 protocol=tcp", "in-interface=vlan20-camera"))
    assert [p.partial for p in dev.policy_routes] == [None]


def test_mangle_by_destination_on_the_lan_leaves_a_wan_port_forward_exact():
    """The PCC recipe marks by ``dst-address-type=!local`` / ``dst-address-list`` on the
    LAN's interface; a port forward arrives on the WAN: no such rule can see it, before
    or after DNAT (a real 6.47.4 export with four PPPoE WANs and a camera port forward
    read 'unknown' from the Internet to its LAN).  A forward without ``in-interface``
    (hairpin from the LAN) stays partial, on the LAN's packets only."""
    extra = """
    /ip firewall mangle
    add action=mark-routing chain=prerouting dst-port=443 in-interface=vlan20-camera \\
        protocol=tcp new-routing-mark=qua-viettel passthrough=no
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8443 in-interface=ether1 protocol=tcp \\
        to-addresses=10.10.20.50 to-ports=443
    """
    dev, _ = office7(extra)
    assert [p.partial for p in dev.policy_routes] == [None]
    dev, _ = office7(extra.replace("in-interface=ether1 ", ""))
    dnat, web = dev.policy_routes
    assert "before destination NAT" in dnat.partial
    assert [m.in_ifaces for m in dnat.matches] == [frozenset({"vlan20-camera"})]
    assert web.partial is None and web.table == "qua-viettel"


def test_a_lan_bypass_by_destination_leaves_a_port_forward_exact():
    """The PCC recipes start with 'accept dst-address=<LAN>' and no in-interface (the
    LAN-to-LAN bypass; real 6.48.6 and 5-ISP exports): a port forward's packets meet it
    after DNAT, not before, yet no rule can mark them either way — unmarked, the main
    table, exact.  A marking rule they may meet (no in-interface) keeps them partial."""
    extra = """
    /ip firewall mangle
    add action=accept chain=prerouting dst-address=10.10.20.0/24
    add action=mark-routing chain=prerouting dst-address-type=!local in-interface=vlan10-canbo \\
        new-routing-mark=qua-viettel passthrough=no
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=37777 in-interface=ether1 protocol=tcp \\
        to-addresses=10.10.20.50
    """
    dev, _ = office7(extra)
    assert not any("before destination NAT" in str(pr.partial) for pr in dev.policy_routes)
    assert first(dev, src="8.8.8.8", dst="10.10.20.50", dport=37777, inif="ether1").action == "main"
    dev, _ = office7(extra.replace("in-interface=vlan10-canbo ", ""))
    assert "before destination NAT" in str(dev.policy_routes[0].partial)


def test_a_port_forward_unsure_whether_it_matches_still_bounds_its_image():
    """A redirect of blocked subscribers (UCRM: ``src-address-list=BLOCKED_USERS``, a
    list the export does not fill) is unsure whether it matches, not where it sends:
    the mangle rules by destination are in doubt on its image (tcp/80 to the portal)
    only.  Every packet was partial (a real 6.48.6 RB1100x4 export: internet → staff
    'unknown' for every service); a port range bounds it too (a real 6.47 export's SMB
    forward to-ports=135-139); a translation not understood does not."""
    extra = """
    /ip firewall mangle
    add action=accept chain=prerouting dst-address=192.168.2.0/24
    add action=mark-routing chain=prerouting new-routing-mark=qua-viettel passthrough=no \\
        src-address=10.10.20.0/24
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=80 protocol=tcp src-address-list=BLOCKED \\
        to-addresses=192.168.2.197 to-ports=80
    """
    dev, _ = office7(extra)
    dnat = dev.policy_routes[0]
    assert "before destination NAT" in dnat.partial
    assert dnat.matches == [
        Match(dst=(AddrMatch.host(ip("192.168.2.197")),), protocols=(6,), dst_ports=(PortRange(80, 80),))
    ]
    # a port range: every port of it (the NatRule keeps the first one, partial)
    dev, _ = office7(extra.replace("to-ports=80", "to-ports=80-81"))
    assert dev.policy_routes[0].matches == [
        Match(dst=(AddrMatch.host(ip("192.168.2.197")),), protocols=(6,), dst_ports=(PortRange(80, 81),))
    ]
    # a rewrite not understood: any header
    dev, _ = office7(extra.replace("to-ports=80", "to-ports=www"))
    assert dev.policy_routes[0].matches == [Match()]


def test_mangle_route_action_forces_a_gateway():
    dev, _ = office7("""
    /ip firewall mangle
    add action=route chain=prerouting passthrough=no route-dst=198.51.100.1 \\
        src-address=10.10.20.0/24
    """)
    (pr,) = dev.policy_routes
    assert summary(pr)[1:] == ("table", "route-dst=198.51.100.1", False, False)
    assert pr.name == "mangle route"
    (forced,) = [r for r in dev.routes if r.table == "route-dst=198.51.100.1"]
    assert forced.next_hop == ip("198.51.100.1") and str(forced.prefix) == "0.0.0.0/0"


# --------------------------------------------------------------------------- run-time addresses


def test_dhcp_client_default_route_is_a_runtime_gateway_not_partial():
    dev, rep = parse("""
    /ip dhcp-client
    add comment="Internet VNPT" interface=ether1
    add add-default-route=no interface=ether2
    add default-route-distance=5 interface=ether3
    add default-route-tables=qua-viettel interface=ether4
    """)
    assert rep.partially_understood == []
    for name in ("ether1", "ether2", "ether3", "ether4"):
        itf = dev.interfaces[name]
        assert itf.dynamic_address and itf.partial is None and itf.dynamic_source is not None
    routes = {r.interface: r for r in dev.routes}
    assert set(routes) == {"ether1", "ether3", "ether4"}
    r1 = routes["ether1"]
    assert (r1.prefix, r1.next_hop, r1.distance, r1.origin, r1.runtime_gateway, r1.partial, r1.table) == (
        IPNetwork("0.0.0.0/0"),
        None,
        1,
        "dhcp",
        True,
        None,
        None,
    )
    assert r1.source.line == 3 and r1.source.text.startswith('add comment="Internet VNPT"')
    assert routes["ether3"].distance == 5
    assert routes["ether4"].table == "qua-viettel"
    assert dev.facts.dhcp_client_interfaces == ["ether1", "ether2", "ether3", "ether4"]


def test_v6_dhcp_client_is_disabled_unless_the_export_says_otherwise():
    dev, _ = parse("/ip dhcp-client\nadd interface=ether1\n", header=V6)
    assert not dev.interfaces["ether1"].dynamic_address and dev.routes == []
    dev, _ = parse("/ip dhcp-client\nadd disabled=no interface=ether1\n", header=V6)
    assert dev.interfaces["ether1"].dynamic_address and len(dev.routes) == 1


def test_pppoe_adds_a_default_route_only_when_asked_lte_by_its_apn_profile():
    dev, rep = parse(
        """
    /interface lte
    set [ find ] name=lte1
    /interface lte apn
    set [ find default=yes ] default-route-distance=5
    /interface pppoe-client
    add disabled=no interface=ether1 name=pppoe-vnpt password=Mk2024xyz user=ubnd@vnpt
    add add-default-route=yes default-route-distance=2 disabled=no interface=ether2 \\
        name=pppoe-viettel password=Vt2024xyz user=ubnd@viettel
    """,
        header=V6,
    )
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert all(
        dev.interfaces[n].dynamic_address and dev.interfaces[n].partial is None
        for n in ("lte1", "pppoe-vnpt", "pppoe-viettel")
    )
    routes = {r.interface: r.distance for r in dev.routes if r.runtime_gateway}
    assert routes == {"lte1": 5, "pppoe-viettel": 2}


def test_v7_lte_default_route_follows_its_apn_profile():
    dev, rep = parse("""
    /interface lte apn
    add apn=m3-world name=viettel-4g
    add add-default-route=no apn=internet name=chi-du-phong
    /interface lte
    set [ find default-name=lte1 ] apn-profiles=viettel-4g
    set [ find default-name=lte2 ] apn-profiles=chi-du-phong name=lte-du-phong
    """)
    assert rep.unrecognized == []
    assert [(r.interface, r.distance) for r in dev.routes] == [("lte1", 2)]
    assert dev.interfaces["lte-du-phong"].dynamic_address


# --------------------------------------------------------------------------- bridges


def test_use_ip_firewall_flags_plain_bridges_instead_of_partial():
    dev, rep = parse(
        """
    /interface bridge
    add name=bridge
    add name=bridge-vlan vlan-filtering=yes
    /interface bridge port
    add bridge=bridge interface=ether2
    add bridge=bridge-vlan interface=ether3 pvid=10
    /interface bridge settings
    set use-ip-firewall=yes use-ip-firewall-for-pppoe=yes
    /ip address
    add address=192.168.88.1/24 interface=bridge
    add address=192.168.99.1/24 interface=bridge-vlan
    """,
        header=V6,
    )
    assert dev.interfaces["bridge"].bridge_ip_firewall.line == 9
    # "use-ip-firewall-for-vlan is required in case bridge vlan-filtering is used"
    assert dev.interfaces["bridge-vlan"].bridge_ip_firewall is None
    assert all(i.partial is None for i in dev.interfaces.values())
    assert rep.partially_understood == []
    assert dev.interfaces["ether3"].parent == "bridge-vlan"  # switch port's bridge


def test_use_ip_firewall_for_vlan_flags_vlan_filtering_bridges():
    dev, _ = parse("""
    /interface bridge
    add name=bridge-vlan vlan-filtering=yes
    /interface bridge port
    add bridge=bridge-vlan interface=ether3 pvid=10
    /interface bridge settings
    set use-ip-firewall=yes use-ip-firewall-for-vlan=yes
    """)
    assert dev.interfaces["bridge-vlan"].bridge_ip_firewall.line == 7
    assert dev.facts.ip_firewall_bridges == ["bridge-vlan"]


def test_bridge_port_matchers_never_match_without_use_ip_firewall():
    rules = """
    /ip firewall filter
    add action=drop chain=forward in-bridge-port=ether4
    add action=drop chain=forward out-bridge-port=!ether4 src-address=10.0.0.1
    """
    dev, _ = parse(rules)
    (line,) = dev.filters["forward"].lines  # the first one matches nothing
    assert line.source.line == 4 and line.partial is None
    assert line.matches == [Match(src=(AddrMatch.host(ip("10.0.0.1")),))]
    dev, _ = parse("/interface bridge settings\nset use-ip-firewall=yes\n" + textwrap.dedent(rules))
    assert ["in-bridge-port" in (ln.partial or "") for ln in dev.filters["forward"].lines] == [True, False]
    assert "out-bridge-port" in dev.filters["forward"].lines[1].partial


# --------------------------------------------------------------------------- what stays partial


def test_switch_chip_vlans_make_the_ports_bridge_partial_not_every_interface():
    dev, _ = parse(
        """
    /interface bridge
    add name=bridge-canbo
    add name=bridge-khach
    /interface vlan
    add interface=bridge-canbo name=vlan-camera vlan-id=20
    /interface bridge port
    add bridge=bridge-canbo interface=ether2
    add bridge=bridge-khach interface=ether4
    /interface ethernet switch vlan
    add ports=ether2,switch1-cpu switch=switch1 vlan-id=20
    /ip address
    add address=10.0.10.1/24 interface=bridge-canbo
    add address=10.0.40.1/24 interface=bridge-khach
    add address=10.0.20.1/24 interface=vlan-camera
    add address=203.0.113.2/30 interface=ether1
    """,
        header=V6,
    )
    partial = {n for n, i in dev.interfaces.items() if i.partial}
    assert partial == {"bridge-canbo", "vlan-camera"}


def test_switch_rule_naming_no_known_port_stays_device_wide():
    dev, _ = parse(
        """
    /interface ethernet switch rule
    add switch=switch1 ports=switch1-cpu new-dst-ports=""
    /ip address
    add address=10.0.10.1/24 interface=ether2
    add address=203.0.113.2/30 interface=ether1
    """,
        header=V6,
    )
    assert {n for n, i in dev.interfaces.items() if i.partial} == {"ether1", "ether2"}


def test_bridge_filter_rule_makes_its_bridge_partial_only():
    dev, _ = parse("""
    /interface bridge
    add name=bridge-canbo
    add name=bridge-khach
    /interface bridge port
    add bridge=bridge-canbo interface=ether2
    add bridge=bridge-khach interface=ether4
    /interface bridge filter
    add action=drop chain=input in-interface=ether4 mac-protocol=ip
    add action=accept chain=input
    /ip address
    add address=10.0.10.1/24 interface=bridge-canbo
    add address=10.0.40.1/24 interface=bridge-khach
    """)
    assert {n for n, i in dev.interfaces.items() if i.partial} == {"bridge-khach"}
    dev, _ = parse("""
    /interface bridge
    add name=bridge-canbo
    add name=bridge-khach
    /interface bridge nat
    add action=dst-nat chain=dstnat to-dst-mac-address=AA:BB:CC:DD:EE:FF
    """)
    assert {n for n, i in dev.interfaces.items() if i.partial} == {"bridge-canbo", "bridge-khach"}


# --------------------------------------------------------------------------- against a simulator


def _simulate(mangle, rules, tables, pkt):
    """RouterOS v6 semantics, packet by packet: the mangle chain (last mark before the
    first passthrough=no wins), then the routing rules in order, then the mark's table."""

    def hit(conds):
        return all(pkt[k] in v for k, v in conds.items())

    mark = None
    for conds, new, passthrough in mangle:
        if hit(conds):
            mark = new
            if not passthrough:
                break
    for conds, rmark, action, table in rules:
        if (rmark is not None and rmark != mark) or not hit(conds):
            continue
        if action == "unreachable":
            return ("drop", None)
        if action == "lookup" and pkt["dst"] not in tables.get(table, ()):
            continue
        return ("main", None) if table == "main" else ("table", table)
    return ("table", mark) if mark else ("main", None)


def test_composition_agrees_with_a_packet_by_packet_simulation():
    import random

    rnd = random.Random(7)
    srcs = ["10.1.0.5", "10.1.1.5", "10.2.0.5"]
    dsts = ["8.8.8.8", "172.16.0.9", "10.2.0.5", "192.0.2.1"]
    ifaces = ["ether2", "ether3", "ether4"]
    ports = [53, 80, 443]
    src_nets = {"10.1.0.0/16": srcs[:2], "10.1.1.0/24": srcs[1:2], "10.2.0.0/24": srcs[2:]}
    dst_nets = {"172.16.0.0/12": dsts[1:2], "10.2.0.0/24": dsts[2:3], "192.0.2.0/24": dsts[3:]}
    tables = {"t1": {"172.16.0.9"}, "t2": set(dsts), "t3": {"192.0.2.1"}}
    routes = [
        "add dst-address=172.16.0.0/12 gateway=10.9.0.1 routing-mark=t1",
        "add gateway=10.9.0.1 routing-mark=t2",
        "add dst-address=192.0.2.0/24 gateway=10.9.0.1 routing-mark=t3",
        "add gateway=10.9.0.1",
    ]

    def conds():
        out, text = {}, []
        if rnd.random() < 0.5:
            n = rnd.choice(list(src_nets))
            out["src"], text = set(src_nets[n]), [*text, f"src-address={n}"]
        if rnd.random() < 0.4:
            n = rnd.choice(list(dst_nets))
            out["dst"], text = set(dst_nets[n]), [*text, f"dst-address={n}"]
        if rnd.random() < 0.4:
            i = rnd.choice(ifaces)
            out["inif"], text = {i}, [*text, f"in-interface={i}"]
        if rnd.random() < 0.3:
            p = rnd.choice(ports)
            out["dport"], text = {p}, [*text, f"protocol=tcp dst-port={p}"]
            out["proto"] = {6}
        return out, " ".join(text)

    for _ in range(40):
        mangle, lines = (
            [],
            ["/ip address", "add address=10.9.0.2/24 interface=ether1", "/ip route", *routes, "/ip firewall mangle"],
        )
        for _ in range(rnd.randint(1, 5)):
            c, text = conds()
            new = rnd.choice(["t1", "t2", "t3"])
            pt = rnd.random() < 0.6
            mangle.append((c, new, pt))
            lines.append(
                f"add action=mark-routing chain=prerouting {text} new-routing-mark={new}"
                + ("" if pt else " passthrough=no")
            )
        rules = []
        lines.append("/ip route rule")
        for _ in range(rnd.randint(0, 4)):
            c, text = {}, ""
            if rnd.random() < 0.7:
                c, text = conds()
                c.pop("dport", None), c.pop("proto", None)
                text = " ".join(
                    t.replace("in-interface=", "interface=")
                    for t in text.split()
                    if not t.startswith(("protocol", "dst-port"))
                )
            mark = rnd.choice([None, "t1", "t2", "t3"])
            action = rnd.choice(["lookup", "lookup-only-in-table", "unreachable"])
            table = rnd.choice(["t1", "t2", "t3", "main"])
            rules.append((c, mark, action, table))
            lines.append(f"add {text} action={action} table={table}" + (f" routing-mark={mark}" if mark else ""))
        dev, rep = parse("\n".join(lines) + "\n", header=V6)
        assert all(p.partial is None for p in dev.policy_routes), rep.partially_understood
        tbl = {**tables, "main": set(dsts)}
        for s in srcs:
            for d in dsts:
                for i in ifaces:
                    for port in ports:
                        pkt = {"src": s, "dst": d, "inif": i, "dport": port, "proto": 6}
                        want = _simulate(mangle, rules, tbl, pkt)
                        pr = first(dev, src=s, dst=d, inif=i, proto=6, dport=port)
                        got = ("main", None) if pr is None or pr.action == "main" else (pr.action, pr.table)
                        assert got == want, ("\n".join(lines), pkt)


def test_switch_port_left_at_the_chip_defaults_changes_nothing():
    """A v6 verbose export prints every switch port's defaults (``vlan-mode=disabled``:
    no VLAN table lookup, nothing dropped; ``vlan-header=leave-as-is``; no default VLAN):
    understood, nothing partial.  A port named by its item number with a VLAN mode that
    filters is no known port: every routed interface is partial (it was only a note)."""
    verbose = """
    /interface ethernet switch port
    set 0 default-vlan-id=0 vlan-header=leave-as-is vlan-mode=disabled
    set 1 default-vlan-id=0 vlan-header=leave-as-is vlan-mode=disabled
    /ip address
    add address=10.0.10.1/24 interface=ether2
    add address=203.0.113.2/30 interface=ether1
    """
    dev, rep = parse(verbose, header=V6)
    assert rep.partially_understood == [] and rep.unrecognized == []
    assert not any(i.partial for i in dev.interfaces.values())
    dev, rep = parse(
        verbose.replace(
            "set 1 default-vlan-id=0 vlan-header=leave-as-is vlan-mode=disabled",
            "set 1 default-vlan-id=20 vlan-header=always-strip vlan-mode=secure",
        ),
        header=V6,
    )
    assert {n for n, i in dev.interfaces.items() if i.partial} == {"ether1", "ether2"}
