"""H3C Comware interfaces, ports and VLANs (netaudit/parsers/h3c_comware/interfaces.py,
convert.py; docs/vendors/h3c_comware.md, "Interfaces and VLANs")."""

from __future__ import annotations

from helpers import matrix
from netaddr import IPNetwork

from netaudit.model import IfKind, L2Mode
from netaudit.reach import BLOCKED, REACHABLE
from netaudit.zones import Zone

from .helpers import GUEST, STAFF, core, parse

PORTS = """\
interface Bridge-Aggregation1
 port link-type trunk
 undo port trunk permit vlan 1
 port trunk permit vlan 10 20 to 22
#
interface Ten-GigabitEthernet1/0/49
 port link-mode bridge
 port link-type trunk
 undo port trunk permit vlan 1
 port trunk permit vlan 10 20 to 22
 port link-aggregation group 1
#
interface GigabitEthernet1/0/10
 port link-mode bridge
 port link-type hybrid
 undo port hybrid vlan 1
 port hybrid vlan 40 tagged
 port hybrid vlan 99 untagged
 port hybrid pvid vlan 99
#
interface GigabitEthernet1/0/11
 port link-mode bridge
 port link-type trunk
 port trunk permit vlan all
 port trunk pvid vlan 40
#
interface GigabitEthernet1/0/12
 port link-mode bridge
#
interface GigabitEthernet1/0/24
 port link-mode route
 ip address 192.0.2.2 255.255.255.252
#
interface M-GigabitEthernet0/0/0
 ip address 192.168.0.233 255.255.255.0
#
interface LoopBack0
 ip address 10.0.255.1 255.255.255.255
#
 ip route-static 0.0.0.0 0 M-GigabitEthernet0/0/0 192.168.0.1
"""


def test_port_roles_and_vlans():
    dev, rep = parse(core(tail=PORTS))
    assert not rep.unrecognized and not rep.partially_understood
    i = dev.interfaces
    assert i["Vlan-interface10"].kind == IfKind.SVI and i["Vlan-interface10"].svi_vlan == 10
    assert (i["GigabitEthernet1/0/1"].mode, i["GigabitEthernet1/0/1"].access_vlan) == (L2Mode.ACCESS, 10)
    # a trunk permits VLAN 1 unless undone; `A to B` ranges; `all`
    assert i["Bridge-Aggregation1"].allowed_vlans == frozenset({10, 20, 21, 22})
    assert i["GigabitEthernet1/0/11"].allowed_vlans is None and i["GigabitEthernet1/0/11"].native_vlan == 40
    # hybrid: tagged and untagged VLANs, untagged frames into the pvid
    hyb = i["GigabitEthernet1/0/10"]
    assert (hyb.mode, hyb.allowed_vlans, hyb.native_vlan) == (L2Mode.TRUNK, frozenset({40, 99}), 99)
    # a bridge port with no other line: access, VLAN 1
    assert (i["GigabitEthernet1/0/12"].mode, i["GigabitEthernet1/0/12"].access_vlan) == (L2Mode.ACCESS, 1)
    assert i["GigabitEthernet1/0/24"].mode == L2Mode.ROUTED
    assert i["LoopBack0"].kind == IfKind.LOOPBACK


def test_aggregation_members_take_the_bundles_settings():
    dev, _ = parse(core(tail=PORTS))
    member = dev.interfaces["Ten-GigabitEthernet1/0/49"]
    assert member.parent == "Bridge-Aggregation1" and member.allowed_vlans == frozenset({10, 20, 21, 22})
    assert dev.interfaces["Bridge-Aggregation1"].kind == IfKind.PORT_CHANNEL


def test_the_management_port_is_out_of_band():
    dev, _ = parse(core(tail=PORTS))
    mge = dev.interfaces["M-GigabitEthernet0/0/0"]
    assert mge.out_of_band is not None and mge.out_of_band.text == "interface M-GigabitEthernet0/0/0"
    assert dev.interfaces["GigabitEthernet1/0/24"].out_of_band is None
    assert [r.interface for r in dev.routes] == ["M-GigabitEthernet0/0/0"]


def test_a_router_port_without_link_mode_is_routed():
    text = core(tail="interface GigabitEthernet0/0\n ip address 198.51.100.2 255.255.255.252\n")
    dev, _ = parse(text)
    assert dev.interfaces["GigabitEthernet0/0"].mode == L2Mode.ROUTED


def test_subinterfaces_take_their_dot1q_tag():
    text = core(
        tail="interface GigabitEthernet0/1\n port link-mode route\n#\ninterface GigabitEthernet0/1.30\n"
        " ip address 10.0.30.1 255.255.255.0\n vlan-type dot1q vid 30\n"
    )
    dev, rep = parse(text)
    sub = dev.interfaces["GigabitEthernet0/1.30"]
    assert (sub.kind, sub.encapsulation_vlan, sub.parent) == (IfKind.SUBINTERFACE, 30, "GigabitEthernet0/1")
    assert not rep.unrecognized


def test_two_vlan_interfaces_route_between_their_vlans():
    cells, _ = matrix([parse(core())[0]], [GUEST, STAFF])
    assert cells[("guest", "staff")].verdict == REACHABLE


def test_vlan_ranges_and_names():
    dev, rep = parse(core(globals="vlan 100 to 102\n#\nvlan 20\n name Khach\n description wifi tiep dan"))
    assert {100, 101, 102, 20} <= set(dev.vlans) and dev.vlans[20].name == "Khach"
    assert not rep.unrecognized


def test_a_line_not_understood_makes_the_interface_partial():
    dev, rep = parse(core(apply=" port foo bar"))
    assert [u.text for u in rep.unrecognized] == ["port foo bar"]
    assert dev.interfaces["Vlan-interface40"].partial
    zone = Zone("x", "internal", [IPNetwork("10.0.10.0/24")])
    assert matrix([dev], [GUEST, zone])[0][("guest", "x")].verdict != BLOCKED


def test_interface_range_sets_every_interface_of_the_list():
    tail = (
        "interface range GigabitEthernet 1/0/3 to GigabitEthernet 1/0/5 GigabitEthernet1/0/9\n"
        " port link-mode bridge\n port access vlan 40\n"
    )
    dev, rep = parse(core(tail=tail))
    assert not rep.unrecognized
    for n in (3, 4, 5, 9):
        itf = dev.interfaces[f"GigabitEthernet1/0/{n}"]
        assert (itf.mode, itf.access_vlan) == (L2Mode.ACCESS, 40)
    assert "GigabitEthernet1/0/6" not in dev.interfaces
