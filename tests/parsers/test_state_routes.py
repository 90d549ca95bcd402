"""Routing-table state parser."""

from __future__ import annotations

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit.model import Src
from netaudit.parsers import cisco_ios, state_routes
from netaudit.parsers.state_routes import StateResult, parse_state


def ip(a: str) -> int:
    return int(IPAddress(a))


CEF = """\
Prefix               Next Hop             Interface
0.0.0.0/0            172.20.4.2           Vlan2
0.0.0.0/8            drop
0.0.0.0/32           receive             \x20
10.0.0.0/8           attached             Null0
10.3.0.0/16          172.20.4.129         Vlan2
171.64.0.107/32      172.20.10.3          Vlan11
                     172.20.10.6          Vlan11
171.64.0.124/32      receive              Loopback0
172.20.4.0/25        attached             Vlan2
172.20.5.0/24        glean                Te1/1.5
224.0.0.0/4          multicast
9.9.9.0/24           10.0.0.1
8.8.8.0/24           GigabitEthernet0/1
not a row at all
"""


def test_stanford_format_rows():
    res = parse_state(CEF, "bbra_rtr_route.txt")
    assert isinstance(res, StateResult) and res.device_hint == "bbra_rtr"
    r = {str(x.prefix): x for x in res.routes if str(x.prefix) != "171.64.0.107/32"}
    assert r["0.0.0.0/0"].next_hop == ip("172.20.4.2") and r["0.0.0.0/0"].interface == "Vlan2"
    assert r["0.0.0.0/8"].drop and r["0.0.0.0/8"].interface is None
    assert "0.0.0.0/32" not in r and "171.64.0.124/32" not in r  # own addresses
    assert r["10.0.0.0/8"].drop and r["10.0.0.0/8"].interface == "Null0"
    assert r["172.20.4.0/25"].interface == "Vlan2" and r["172.20.4.0/25"].next_hop is None
    assert r["172.20.5.0/24"].interface == "TenGigabitEthernet1/1.5"
    assert "224.0.0.0/4" not in r
    assert r["9.9.9.0/24"].next_hop == ip("10.0.0.1") and r["9.9.9.0/24"].interface is None
    assert r["8.8.8.0/24"].interface == "GigabitEthernet0/1"
    assert all(x.origin == "state" and x.vrf == "default" for x in res.routes)
    assert r["0.0.0.0/0"].source == Src("bbra_rtr_route.txt", 2, "0.0.0.0/0            172.20.4.2           Vlan2")
    assert res.report.unrecognized == [Src("bbra_rtr_route.txt", 15, "not a row at all")]
    assert res.report.lines == 15
    assert res.report.ignored == 4  # header, 2 receive, multicast
    assert res.report.devices == ["bbra_rtr"]


def test_stanford_ecmp_continuation_rows():
    res = parse_state(CEF, "x_route.txt")
    ecmp = [x for x in res.routes if x.prefix == IPNetwork("171.64.0.107/32")]
    assert [(x.next_hop, x.interface) for x in ecmp] == [(ip("172.20.10.3"), "Vlan11"), (ip("172.20.10.6"), "Vlan11")]
    assert ecmp[1].source.line == 8


@pytest.mark.parametrize(
    "file, hint",
    [
        ("bbra_rtr_route.txt", "bbra_rtr"),
        ("core-1-routes.txt", "core-1"),
        ("sw_routes.txt", "sw"),
        ("dir/edge-route.log", "edge"),
        ("plain.txt", "plain"),
    ],
)
def test_device_hint(file, hint):
    assert parse_state("", file).device_hint == hint


SHOW_IP_ROUTE = """\
R1#show ip route
Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area
       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
       E1 - OSPF external type 1, E2 - OSPF external type 2
       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
       ia - IS-IS inter area, * - candidate default, U - per-user static route
       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP
       + - replicated route, % - next hop override

Gateway of last resort is 203.0.113.1 to network 0.0.0.0

S*    0.0.0.0/0 [1/0] via 203.0.113.1
      10.0.0.0/8 is variably subnetted, 5 subnets, 3 masks
C        10.0.0.0/24 is directly connected, GigabitEthernet0/1
L        10.0.0.1/32 is directly connected, GigabitEthernet0/1
O        10.1.0.0/24 [110/2] via 10.0.0.3, 00:01:02, GigabitEthernet0/1
                     [110/2] via 10.0.0.4, 00:01:02, GigabitEthernet0/2
O E2     10.2.0.0/16 [110/20] via 10.0.0.3, 1w2d, GigabitEthernet0/1
S        10.9.0.0/16 is directly connected, Null0
B        172.16.0.0/16
           [20/0] via 192.0.2.1, 3d04h
      192.168.1.0/24 is subnetted, 2 subnets
D        192.168.1.0 [90/156160] via 10.0.0.5, 00:00:10, Gi0/1
D EX     192.168.2.0/24 [170/2816] via 10.0.0.5, 00:00:10, Vlan10

Routing Table: MGMT
S*    0.0.0.0/0 [1/0] via 192.168.0.254
C        192.168.0.0/24 is directly connected, GigabitEthernet0/0
"""


def test_show_ip_route():
    res = parse_state(SHOW_IP_ROUTE, "r1_route.txt")
    assert res.report.unrecognized == []
    got = [
        (str(r.prefix), r.vrf, r.next_hop and str(IPAddress(r.next_hop)), r.interface, r.drop, r.distance)
        for r in res.routes
    ]
    assert got == [
        ("0.0.0.0/0", "default", "203.0.113.1", None, False, 1),
        ("10.0.0.0/24", "default", None, "GigabitEthernet0/1", False, 0),
        ("10.1.0.0/24", "default", "10.0.0.3", "GigabitEthernet0/1", False, 110),
        ("10.1.0.0/24", "default", "10.0.0.4", "GigabitEthernet0/2", False, 110),
        ("10.2.0.0/16", "default", "10.0.0.3", "GigabitEthernet0/1", False, 110),
        ("10.9.0.0/16", "default", None, "Null0", True, 0),
        ("172.16.0.0/16", "default", "192.0.2.1", None, False, 20),
        ("192.168.1.0/24", "default", "10.0.0.5", "GigabitEthernet0/1", False, 90),
        ("192.168.2.0/24", "default", "10.0.0.5", "Vlan10", False, 170),
        ("0.0.0.0/0", "MGMT", "192.168.0.254", None, False, 1),
        ("192.168.0.0/24", "MGMT", None, "GigabitEthernet0/0", False, 0),
    ]
    assert all(r.origin == "state" for r in res.routes)


def test_detect():
    assert state_routes.detect(CEF) >= 90
    assert state_routes.detect(SHOW_IP_ROUTE) >= 90
    assert state_routes.detect("hostname R1\ninterface Gi0/1\n") == 0
    assert state_routes.detect("") == 0
    # a routing table is not a config
    assert cisco_ios.detect(CEF) == 0 and cisco_ios.detect(SHOW_IP_ROUTE) < 50


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "Prefix Next Hop Interface\n",
        "   \x00\x01 \n",
        "1.2.3.4/99 1.1.1.1 Vlan1\n",
        "       10.0.0.1 Vlan1\n",
        "Codes: x\nS 1.2.3.0/24 [1/0] via\n",
    ],
)
def test_robust(text):
    res = parse_state(text, "x_route.txt")
    assert res.report.lines == len(text.splitlines())
