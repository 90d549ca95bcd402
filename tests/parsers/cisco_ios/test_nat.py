"""Cisco IOS NAT onto an interface whose address is assigned at run time
(netaudit/parsers/cisco_ios/nat.py, convert.py; docs/semantics.md, "Run-time addresses")."""

from __future__ import annotations

import textwrap

from helpers import matrix
from netaddr import IPAddress, IPNetwork

from netaudit.model import PROTO_TCP, AddrMatch, PortRange
from netaudit.parsers import cisco_ios
from netaudit.zones import Zone

# The small-office edge: PPPoE on Gi0/1 (dialer pool 1), the public address negotiated
# on Dialer1, a camera recorder's SSH published on the dialer's address, port 1415.
PPPOE_PORT_FORWARD = """\
version 15.4
hostname Foo
!
interface GigabitEthernet0/0
 ip address 172.16.2.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/1
 no ip address
 pppoe enable group global
 pppoe-client dial-pool-number 1
!
interface Dialer1
 mtu 1492
 ip address negotiated
 ip access-group EXT_IN in
 ip nat outside
 encapsulation ppp
 dialer pool 1
 ppp chap hostname auser
 ppp chap password 7 107D3D232342041E3A
!
ip route 0.0.0.0 0.0.0.0 Dialer1
ip nat inside source list INTERNAL_NETWORKS interface Dialer1 overload
ip nat inside source static tcp 172.16.2.5 22 interface Dialer1 1415
!
ip access-list standard INTERNAL_NETWORKS
 permit 172.16.2.0 0.0.0.255
ip access-list extended EXT_IN
 permit tcp any any eq 1415
 deny ip any any
!
end
"""


def parse(text: str):
    result = cisco_ios.parse(textwrap.dedent(text), "Foo.cfg")
    (dev,) = result.devices
    return dev, result.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def zones(outside: str) -> list[Zone]:
    lan = Zone("lan", "internal", [IPNetwork("172.16.2.0/24")], attach=[("Foo", "GigabitEthernet0/0")])
    return [lan, Zone("internet", "external", [], attach=[("Foo", outside)])]


def test_port_forward_onto_a_negotiated_dialer_address_is_modelled():
    """``… static tcp L PL interface Dialer1 PG`` with ``ip address negotiated`` on Dialer1:
    the destination rule matches "the address Dialer1 receives at run time" (any address
    but the device's configured ones, as the ASA models ``nat … static interface`` on
    ``ip address dhcp|pppoe``), so the engine judges every candidate address.  It was a
    partial rule ("address of Dialer1 unknown"): internet -> lan came out unknown."""
    dev, rep = parse(PPPOE_PORT_FORWARD)
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.partial is None
    # not an address of the router's own subnets: the engine never takes a candidate there
    assert dnat.match.dst == (AddrMatch.prefix("172.16.2.0/24"),) and dnat.match.dst_negate
    assert dnat.match.protocols == (PROTO_TCP,) and dnat.match.dst_ports == (PortRange(1415, 1415),)
    assert (dnat.to_ip, dnat.to_port) == (ip("172.16.2.5"), 22)
    assert dnat.in_ifaces == frozenset({"Dialer1"})
    assert not any("Dialer1 unknown" in p["reason"] for p in rep.partially_understood)
    m, _ = matrix([dev], zones("Dialer1"))
    cell = m[("internet", "lan")]
    assert cell.verdict == "reachable", cell.reason
    # tcp/1415 to the dialer's address reaches 172.16.2.5:22; tcp/1415 sent to a LAN host
    # itself is routed untranslated (EXT_IN lets it in), as with a static outside address
    assert cell.services == ["tcp/22", "tcp/1415"]


def test_port_forward_onto_a_dhcp_interface_address_is_modelled():
    """The same on ``ip address dhcp`` (cable / fibre modem in bridge mode)."""
    text = PPPOE_PORT_FORWARD.replace("interface Dialer1\n", "interface GigabitEthernet0/2\n")
    text = text.replace(" ip address negotiated\n", " ip address dhcp\n").replace("Dialer1", "Gi0/2")
    dev, rep = parse(text)
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.partial is None and dnat.match.dst_negate
    assert not any("unknown" in p["reason"] for p in rep.partially_understood)
    m, _ = matrix([dev], zones("GigabitEthernet0/2"))
    assert m[("internet", "lan")].verdict == "reachable", m[("internet", "lan")].reason


def test_port_forward_onto_an_interface_without_any_address_stays_partial():
    """An interface with no address at all (nor one received at run time), or one the
    file does not define, gives the rule no destination: still partial, never a guess."""
    text = PPPOE_PORT_FORWARD.replace(" ip address negotiated\n", "")
    dev, rep = parse(text)
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.partial == "address of Dialer1 unknown"
    assert any(p["reason"] == dnat.partial for p in rep.partially_understood)
    dev, _rep = parse(PPPOE_PORT_FORWARD.replace("interface Dialer1 1415", "interface Dialer9 1415"))
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.partial == "address of Dialer9 unknown"


def test_the_run_time_port_forward_applies_where_the_run_time_address_arrives():
    """With a second outside interface (a static fibre line), the rule is on Dialer1
    alone: "any address but the router's subnets" arriving on Gi0/2 is transit towards
    networks behind the router (the ISP routes the dialer's address to the dialer)."""
    text = PPPOE_PORT_FORWARD.replace(
        "ip route 0.0.0.0 0.0.0.0 Dialer1\n",
        "interface GigabitEthernet0/2\n ip address 203.0.113.2 255.255.255.252\n ip nat outside\n"
        "ip route 0.0.0.0 0.0.0.0 Dialer1\n",
    )
    dev, _rep = parse(text)
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.in_ifaces == frozenset({"Dialer1"})


# A branch with two ISPs: the recorder is published on ISP1's address only for the flows
# route-map TO_ISP1 selects (IOSv 15.6 shape); EXT_IN lets only that published port in.
STATIC_ROUTE_MAP = """\
version 15.6
hostname Foo
!
interface GigabitEthernet0/0
 ip address 172.16.2.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/1
 ip address 203.0.113.2 255.255.255.248
 ip access-group EXT_IN in
 ip nat outside
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
ip nat inside source static 172.16.2.5 203.0.113.5 route-map TO_ISP1
!
ip access-list extended EXT_IN
 permit tcp any host 203.0.113.5 eq 22
 deny ip any any
ip access-list extended ISP1_TELNET
 permit tcp host 172.16.2.5 host 198.51.100.2 eq telnet
!
route-map TO_ISP1 permit 10
 match ip address ISP1_TELNET
!
end
"""


def test_static_nat_limited_by_a_route_map_is_partial_both_ways():
    """``… static L G route-map M``: the mapping holds only for the flows M selects,
    which the model does not follow.  The route-map was dropped silently, so the host
    was published to every flow: internet -> lan "reachable" through the NAT, a false
    critical finding; now both rules are partial and the cell is unknown."""
    dev, rep = parse(STATIC_ROUTE_MAP)
    rules = {r.kind: r for r in dev.nat_rules}
    why = "static NAT applies only to the packets route-map TO_ISP1 selects; which packets those are is not modelled"
    assert rules["destination"].partial == why and rules["source"].partial == why
    assert any(p["reason"] == why for p in rep.partially_understood)
    assert rep.unrecognized == []
    m, _ = matrix([dev], zones("GigabitEthernet0/1"))
    assert m[("internet", "lan")].verdict == "unknown", m[("internet", "lan")].reason
    dev, rep = parse(STATIC_ROUTE_MAP.replace(" route-map TO_ISP1\n", " route-map TO_ISP1 reversible\n"))
    assert rep.unrecognized == [] and all(r.partial == why for r in dev.nat_rules)
    # without the route-map the same mapping publishes the host, surely
    dev, rep = parse(STATIC_ROUTE_MAP.replace(" route-map TO_ISP1\n", " extendable no-alias\n"))
    assert all(r.partial is None for r in dev.nat_rules) and rep.unrecognized == []
    m, _ = matrix([dev], zones("GigabitEthernet0/1"))
    assert m[("internet", "lan")].verdict == "reachable" and m[("internet", "lan")].services == ["tcp/22"]


def test_static_nat_with_an_option_not_understood_is_an_unrecognized_line():
    """A word after the mapping that the parser does not know is no longer dropped."""
    dev, rep = parse(STATIC_ROUTE_MAP.replace(" route-map TO_ISP1\n", " frobnicate\n"))
    assert [u.line for u in rep.unrecognized] == [14]
    assert not [r for r in dev.nat_rules if r.kind == "destination"]


# A dual-WAN branch (ISR 4331 16.x shape): PAT to each ISP chosen by route-maps that match
# the LAN ACL and the output interface; the guest VLAN's ACL keeps it off the LAN.
DUAL_WAN = """\
version 16.9
hostname Foo
!
interface GigabitEthernet0/0/0
 ip address 203.0.113.2 255.255.255.248
 ip access-group WAN_IN in
 ip nat outside
!
interface GigabitEthernet0/0/1
 ip address 198.51.100.2 255.255.255.252
 ip access-group WAN_IN in
 ip nat outside
!
interface GigabitEthernet0/0/2
 ip address 172.16.2.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/0/3
 ip address 172.16.30.1 255.255.255.0
 ip access-group GUEST_IN in
 ip nat inside
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
ip route 0.0.0.0 0.0.0.0 198.51.100.1 10
ip nat inside source route-map NAT_ISP1 interface GigabitEthernet0/0/0 overload
ip nat inside source route-map NAT_ISP2 interface GigabitEthernet0/0/1 overload
!
ip access-list standard NAT_ALL
 permit 172.16.0.0 0.0.255.255
ip access-list extended GUEST_IN
 deny ip any 172.16.2.0 0.0.0.255
 permit ip any any
ip access-list extended WAN_IN
 deny ip any any
!
route-map NAT_ISP1 permit 10
 match ip address NAT_ALL
 match interface GigabitEthernet0/0/0
route-map NAT_ISP2 permit 10
 match ip address NAT_ALL
 match interface GigabitEthernet0/0/1
!
ip access-list extended NAT_SKIP
 permit ip 172.16.30.0 0.0.0.255 host 192.0.2.10
end
"""


def dual_wan_zones() -> list[Zone]:
    lan = Zone("lan", "internal", [IPNetwork("172.16.2.0/24")], attach=[("Foo", "GigabitEthernet0/0/2")])
    guest = Zone("guest", "guest", [IPNetwork("172.16.30.0/24")], attach=[("Foo", "GigabitEthernet0/0/3")])
    wan = [("Foo", "GigabitEthernet0/0/0"), ("Foo", "GigabitEthernet0/0/1")]
    return [lan, guest, Zone("internet", "external", [], attach=wan)]


def test_route_map_pat_to_two_isps_is_modelled():
    """``ip nat inside source route-map M interface IF overload`` whose entries hold only
    ``match ip address`` and ``match interface``: one rule per entry, in sequence order,
    each PAT to IF's address on the interfaces the entry matches.  The line was a partial rule on every path, so every
    cell of the router — guest -> lan too, which no NAT touches — was unknown."""
    dev, rep = parse(DUAL_WAN)
    assert rep.partially_understood == [] and rep.unrecognized == []
    src = [r for r in dev.nat_rules if r.kind == "source"]
    assert [(r.acl, r.to_interface, sorted(r.out_ifaces or ())) for r in src] == [
        ("NAT_ALL", "GigabitEthernet0/0/0", ["GigabitEthernet0/0/0"]),
        ("NAT_ALL", "GigabitEthernet0/0/1", ["GigabitEthernet0/0/1"]),
    ]
    assert all(r.in_ifaces == {"GigabitEthernet0/0/2", "GigabitEthernet0/0/3"} for r in src)
    m, _ = matrix([dev], dual_wan_zones())
    assert m[("guest", "lan")].verdict == "blocked", m[("guest", "lan")].reason
    assert m[("lan", "internet")].verdict == "reachable", m[("lan", "internet")].reason
    assert m[("internet", "lan")].verdict == "blocked", m[("internet", "lan")].reason


def test_route_map_nat_not_read_whole_stays_partial_between_inside_and_outside():
    """A route-map with another clause (here ``set ip next-hop``), a ``deny`` entry ("not
    this line": IOS tries the next one), an undefined route-map, or a pool target: the
    line stays partial, but only on the inside -> outside path (outside hosts open no
    dynamic translation): guest -> lan is still decided."""
    for text in (
        DUAL_WAN.replace(
            "route-map NAT_ISP1 permit 10\n",
            "route-map NAT_ISP1 deny 5\n match ip address NAT_SKIP\nroute-map NAT_ISP1 permit 10\n",
        ),
        DUAL_WAN.replace(" match interface GigabitEthernet0/0/1\n", " set ip next-hop 198.51.100.1\n"),
        DUAL_WAN.replace("route-map NAT_ISP2 interface", "route-map NAT_NONE interface"),
        DUAL_WAN.replace("route-map NAT_ISP2 interface GigabitEthernet0/0/1 overload", "route-map NAT_ISP2 pool P"),
    ):
        dev, rep = parse(text)
        assert any("route-map not modelled" in p["reason"] for p in rep.partially_understood)
        (partial,) = [r for r in dev.nat_rules if r.partial]
        assert partial.in_ifaces == {"GigabitEthernet0/0/2", "GigabitEthernet0/0/3"}
        m, _ = matrix([dev], dual_wan_zones())
        assert m[("guest", "lan")].verdict == "blocked", m[("guest", "lan")].reason
        assert m[("lan", "internet")].verdict != "blocked", m[("lan", "internet")].reason
