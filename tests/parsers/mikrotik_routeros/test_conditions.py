"""Firewall rule properties as packet conditions (:mod:`~netaudit.parsers.mikrotik_routeros.conditions`)."""

from __future__ import annotations

from netaudit.headerspace import HeaderSpace
from netaudit.model import PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import GUEST, NET, STAFF, ip, matrix, office, parse


def test_addresses_ranges_cidr_and_negation():
    dev, _ = parse("""
    /ip firewall filter
    add action=drop chain=forward src-address=10.0.0.5 dst-address=!10.0.0.0/8
    add action=drop chain=forward src-address=10.0.0.1-10.0.0.6
    """)
    l0, l1 = dev.filters["forward"].lines
    m0 = l0.matches[0]
    assert m0.src[0].value == ip("10.0.0.5") and m0.src[0].wildcard == 0
    assert m0.dst_negate and m0.dst[0].value == ip("10.0.0.0")
    pats = {(p.value, p.wildcard) for p in l1.matches[0].src}
    assert pats == {(ip("10.0.0.1"), 0), (ip("10.0.0.2"), 1), (ip("10.0.0.4"), 1), (ip("10.0.0.6"), 0)}


def test_protocol_and_port_lists():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward protocol=tcp dst-port=80,443,8000-8010
    add action=accept chain=forward protocol=udp port=53
    add action=accept chain=forward protocol=!icmp
    add action=accept chain=forward protocol=gre
    add action=accept chain=forward protocol=6 dst-port=!22
    """)
    lines = dev.filters["forward"].lines
    assert lines[0].matches[0].protocols == (6,)
    assert lines[0].matches[0].dst_ports == (PortRange(80, 80), PortRange(443, 443), PortRange(8000, 8010))
    assert [(m.src_ports, m.dst_ports) for m in lines[1].matches] == [
        ((PortRange(53, 53),), None),
        (None, (PortRange(53, 53),)),
    ]
    assert 1 not in lines[2].matches[0].protocols and len(lines[2].matches[0].protocols) == 255
    assert lines[3].matches[0].protocols == (47,)
    assert lines[4].matches[0].dst_ports == (PortRange(0, 21), PortRange(23, 65535))


def test_interface_lists_negation_include_exclude_builtins():
    dev, _ = parse("""
    /interface list
    add name=LAN
    add name=ALL-IN include=LAN,GUEST exclude=MGMT
    add name=GUEST
    add name=MGMT
    /interface list member
    add interface=ether2 list=LAN
    add interface=ether3 list=LAN
    add interface=ether4 list=GUEST
    add interface=ether3 list=MGMT
    /ip firewall filter
    add action=drop chain=forward in-interface-list=!LAN
    add action=drop chain=forward in-interface-list=ALL-IN
    add action=drop chain=forward in-interface-list=none
    add action=drop chain=forward in-interface-list=all
    add action=drop chain=forward out-interface=!ether2
    """)
    lines = dev.filters["forward"].lines
    assert lines[0].matches[0].in_ifaces == frozenset(dev.interfaces) - {"ether2", "ether3"}
    assert lines[1].matches[0].in_ifaces == frozenset({"ether2", "ether4"})
    # "none" matches nothing: the rule yields no line
    assert [x.source.line for x in lines] == [13, 14, 16, 17]
    assert lines[2].matches[0].in_ifaces is None  # "all" = no constraint
    assert lines[3].matches[0].out_ifaces == frozenset(dev.interfaces) - {"ether2"}
    assert dev.interface_lists["ALL-IN"] == ["ether2", "ether4"]


def test_address_lists_defined_undefined_and_dynamic():
    dev, _rep = parse("""
    /ip firewall address-list
    add address=10.0.0.0/8 list=PRIV
    add address=192.168.0.0/16 list=PRIV
    add address=10.9.9.9 disabled=yes list=PRIV
    add address=updates.example.com list=DNSLIST
    /ip firewall filter
    add action=accept chain=forward src-address-list=PRIV
    add action=accept chain=forward dst-address-list=!PRIV
    add action=accept chain=forward src-address-list=NOPE
    add action=add-src-to-address-list address-list=scanners chain=input protocol=tcp dst-port=23
    add action=drop chain=input src-address-list=scanners
    add action=accept chain=forward dst-address-list=DNSLIST
    """)
    fwd = dev.filters["forward"].lines
    assert {(p.value, p.wildcard) for p in fwd[0].matches[0].src} == {
        (ip("10.0.0.0"), 0xFFFFFF),
        (ip("192.168.0.0"), 0xFFFF),
    }
    assert fwd[1].matches[0].dst_negate
    # a list with no entry may be filled at run time: kept whole (superset), partial
    assert "no entry in the export" in fwd[2].partial and fwd[2].matches[0].src is None
    refs = {(r.kind, r.name): r.defined for r in dev.references}
    assert refs[("address-list", "NOPE")] is False and refs[("address-list", "PRIV")] is True
    (drop,) = dev.filters["input"].lines
    assert "filled at run time" in drop.partial  # dynamic list
    # a list with a DNS name may hold any address: the line is kept, whole, and partial
    assert "DNS name" in fwd[3].partial and fwd[3].matches[0].dst is None


def test_established_related_rules_match_no_new_connection():
    dev, _ = office("""
    /ip firewall filter
    add action=accept chain=forward connection-state=established,related,untracked
    add action=drop chain=forward in-interface=v40
    """)
    (est, _) = dev.filters["forward"].lines
    assert est.matches[0].conn_established is True
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("staff", "guest")].verdict == REACHABLE


def test_connection_state_new_and_invalid_follow_conntrack():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward connection-state=new
    add action=drop chain=forward connection-state=invalid
    add action=accept chain=forward connection-state=!established,related
    """)
    new, inv, notest = dev.filters["forward"].lines
    hs = HeaderSpace()
    new_set, inv_set = hs.matches(new.matches), hs.matches(inv.matches)
    echo_req = hs.eq("proto", 1) & hs.eq("icmp_type", 8) & hs.new_connections
    echo_rep = hs.eq("proto", 1) & hs.eq("icmp_type", 0) & hs.new_connections
    tcp_syn = hs.eq("proto", 6) & hs.new_connections
    assert (echo_req & ~new_set) == hs.false and (tcp_syn & ~new_set) == hs.false
    assert (echo_rep & new_set) == hs.false
    assert (echo_rep & ~inv_set) == hs.false and (tcp_syn & inv_set) == hs.false
    assert (hs.new_connections & ~hs.matches(notest.matches)) == hs.false


def test_unmodelled_matcher_is_partial_and_makes_the_verdict_unknown():
    dev, rep = office("""
    /ip firewall filter
    add action=accept chain=forward in-interface=v40 layer7-protocol=printing
    add action=drop chain=forward in-interface=v40
    """)
    line = dev.filters["forward"].lines[0]
    assert "layer7-protocol" in line.partial
    assert any(p["construct"] == "firewall forward" for p in rep.partially_understood)
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == UNKNOWN
    assert "layer7" in m[("guest", "staff")].reason


def test_ipsec_policy_matchers_without_policies():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward ipsec-policy=in,ipsec
    add action=accept chain=forward ipsec-policy=out,none protocol=tcp
    """)
    (line,) = dev.filters["forward"].lines  # in,ipsec matches no zone packet
    assert line.source.line == 4 and line.partial is None


def test_dst_address_type_local_is_the_routers_own_addresses():
    dev, _ = office("""
    /ip firewall filter
    add action=drop chain=input dst-address-type=local protocol=tcp dst-port=8291
    """)
    (line,) = dev.filters["input"].lines
    owned = {p.value for m in line.matches for p in m.dst}
    assert {ip("192.0.2.2"), ip("10.0.10.1"), ip("10.0.40.1")} <= owned


def test_rule_naming_a_bridge_port_never_matches_routed_traffic_and_is_warned():
    dev, rep = office("""
    /ip firewall filter
    add action=drop chain=forward in-interface=ether3
    """)
    assert dev.facts.interface_rule_on_bridge_port[0] == "ether3"
    assert any("bridge/switch port" in w for w in rep.warnings)
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == REACHABLE  # the engine sees in-interface v40


def test_connection_nat_state_dstnat_through_the_dnat_image():
    dev, rep = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=!dstnat connection-state=new \\
        in-interface-list=WAN
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8080 in-interface-list=WAN protocol=tcp \\
        to-addresses=10.0.10.5 to-ports=80
    """)
    assert rep.partially_understood == []
    m = matrix([dev], [NET, STAFF])
    cell = m[("internet", "staff")]
    # new connections only: ICMP types conntrack calls invalid are not "new" and pass
    # this rule (no "drop invalid" here); of TCP/UDP only the forwarded port
    assert cell.verdict == REACHABLE
    assert [s for s in cell.services if not s.startswith("icmp")] == ["tcp/80"]
    w = cell.witness.to_json()
    assert w["packet"]["dst_port"] == 8080
    assert any(r.get("translated", {}).get("dst_ip") == "10.0.10.5" for r in w["hops"][0]["rules"])


def test_connection_nat_state_used_against_reachability_is_partial():
    dev, _rep = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=dstnat
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8080 in-interface=ether1 protocol=tcp \\
        to-addresses=10.0.10.5
    """)
    assert "connection-nat-state approximated" in dev.filters["forward"].lines[0].partial


def test_connection_nat_state_without_dnat_is_exact():
    dev, _ = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=!dstnat in-interface-list=WAN
    """)
    assert dev.filters["forward"].lines[0].partial is None
    assert matrix([dev], [NET, STAFF])[("internet", "staff")].verdict == BLOCKED


def test_a_value_read_once_gives_every_rule_its_ranges_and_its_reason():
    # Values are read once per export (conditions.value_ranges, the interface lists'
    # sets): each rule naming one still gets its own ranges and its own partial reason.
    dev, rep = parse("""
    /interface list
    add name=LAN
    add name=WAN
    /interface list member
    add interface=ether2 list=LAN
    add interface=ether1 list=WAN
    /ip firewall filter
    add action=drop chain=forward dst-port=80-abc protocol=tcp
    add action=drop chain=forward dst-port=80-abc protocol=tcp src-address=10.1.0.0/16
    add action=accept chain=forward in-interface-list=KHONG-CO
    add action=accept chain=forward in-interface-list=KHONG-CO protocol=udp
    add action=accept chain=forward in-interface-list=!LAN dst-address=10.1.0.0/16
    add action=accept chain=forward in-interface-list=!LAN src-address=10.1.0.0/16 protocol=tcp
    """)
    lines = dev.filters["forward"].lines
    assert [ln.partial for ln in lines[:4]] == ["dst-port '80-abc' not understood"] * 2 + [
        "interface list KHONG-CO is not defined"
    ] * 2
    assert [p["line"] for p in rep.partially_understood] == [9, 10, 11, 12]
    assert [ln.matches[0].protocols for ln in lines[:4]] == [(6,), (6,), None, (17,)]
    m4, m5 = lines[4].matches[0], lines[5].matches[0]
    assert m4.in_ifaces == m5.in_ifaces == frozenset({"ether1"})
    assert (m4.dst, m4.src) == (m5.src, None) and m5.dst is None and m5.protocols == (6,)
    assert lines[4].partial is None and lines[5].partial is None


def test_an_interface_read_once_gives_every_rule_its_reference_and_warning():
    # One interface's set is worked out once per value (conditions.iface_field): each rule
    # naming an undefined one still references it, each naming a bridge port still warns.
    dev, rep = parse("""
    /interface bridge
    add name=bridge1
    /interface bridge port
    add bridge=bridge1 interface=ether3
    /ip firewall filter
    add action=drop chain=forward in-interface=ether9
    add action=drop chain=forward in-interface=ether9 protocol=tcp
    add action=accept chain=forward in-interface=ether3
    add action=accept chain=forward out-interface=!ether3 protocol=udp
    add action=drop chain=forward in-interface=*14
    add action=drop chain=forward in-interface=*14 protocol=tcp
    """)
    lines = dev.filters["forward"].lines
    undefined = [r.source.line for r in dev.references if r.kind == "interface" and r.name == "ether9"]
    assert undefined == [7, 8] and all(not r.defined for r in dev.references if r.name == "ether9")
    assert [str(w).split(":")[1] for w in rep.warnings if "ether3" in str(w)] == ["9", "10"]
    assert dev.facts.interface_rule_on_bridge_port == ["ether3", "ether3"]
    assert lines[0].matches[0].in_ifaces == lines[1].matches[0].in_ifaces == frozenset({"ether9"})
    assert "ether3" not in lines[3].matches[0].out_ifaces
    assert [ln.partial for ln in lines[4:6]] == [lines[4].partial] * 2 and lines[4].partial
