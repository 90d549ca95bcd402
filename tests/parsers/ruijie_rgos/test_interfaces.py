"""Ruijie RGOS interfaces and VLANs (netaudit/parsers/ruijie_rgos/interfaces.py;
docs/vendors/ruijie_rgos.md, "Interfaces"): names with a space, aggregates, ``vlan
range``, trunk lists — read into the same model as IOS's, and what the engine then says."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.model import IfKind, L2Mode
from netaudit.parsers import ruijie_rgos
from netaudit.zones import Zone

from .core_text import ZONES, core

ACCESS = """\
version RGOS 10.4(3b19)p3
hostname SW
!
vlan 10
 name VanPhong
!
vlan range 20,30-31
!
interface GigabitEthernet 0/1
 switchport access vlan 10
!
interface GigabitEthernet 0/2
 port-group 1
!
interface GigabitEthernet 0/3
 port-group 1
!
interface AggregatePort 1
 switchport mode trunk
 switchport trunk allowed vlan only 10,20
!
interface TenGigabitEthernet 0/49
 switchport mode trunk
 switchport trunk allowed vlan remove 2-9,11-4094
!
interface GigabitEthernet 0/4
 no switchport
 ip address dhcp
!
interface GigabitEthernet 0/5
 switchport access vlan 30
 shutdown
!
interface VLAN 10
 ip address 10.0.10.1 255.255.255.0
!
end
"""


def test_names_with_a_space_come_out_as_on_ios():
    dev, rep = parse_one(ruijie_rgos, ACCESS, "sw.cfg")
    assert not rep.unrecognized, rep.unrecognized
    itf = dev.interfaces
    assert itf["GigabitEthernet0/1"].mode == L2Mode.ACCESS and itf["GigabitEthernet0/1"].access_vlan == 10
    assert itf["Vlan10"].kind == IfKind.SVI and itf["Vlan10"].addresses == [IPNetwork("10.0.10.1/24")]
    assert itf["TenGigabitEthernet0/49"].allowed_vlans == frozenset({1, 10})
    assert itf["GigabitEthernet0/4"].mode == L2Mode.ROUTED and itf["GigabitEthernet0/4"].dynamic_address
    assert itf["GigabitEthernet0/5"].shutdown
    assert sorted(dev.vlans) == [10, 20, 30, 31]
    assert dev.vlans[10].name == "VanPhong"


def test_aggregate_port_members_take_its_trunk_list_only():
    dev, _ = parse_one(ruijie_rgos, ACCESS, "sw.cfg")
    agg = dev.interfaces["AggregatePort1"]
    assert agg.kind == IfKind.PORT_CHANNEL and agg.allowed_vlans == frozenset({10, 20})
    for member in ("GigabitEthernet0/2", "GigabitEthernet0/3"):
        m = dev.interfaces[member]
        assert m.parent == "AggregatePort1" and m.mode == L2Mode.TRUNK and m.allowed_vlans == frozenset({10, 20})


ACC = """\
version RGOS 10.4(3b19)p3
hostname ACC
vlan range 10,20
interface GigabitEthernet 0/1
 switchport mode trunk
 switchport trunk allowed vlan only 10,20
interface GigabitEthernet 0/2
 switchport access vlan 20
interface GigabitEthernet 0/3
 switchport access vlan 10
end
"""


def trunk_cells(core_allows: str):
    """guest and staff on the access switch ACC, their gateways the core's SVIs, the two
    joined by a trunk whose core end carries ``core_allows``."""
    text = core().replace(
        "interface GigabitEthernet 0/2\n switchport access vlan 20\n",
        f"interface GigabitEthernet 0/2\n switchport mode trunk\n switchport trunk allowed vlan only {core_allows}\n",
    )
    d1, _ = parse_one(ruijie_rgos, text, "core.cfg")
    d2, _ = parse_one(ruijie_rgos, ACC, "acc.cfg")
    zones = [
        Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("ACC", 10)]),
        Zone("guest", "guest", [IPNetwork("10.0.20.0/24")], vlans=[("ACC", 20)]),
    ]
    cells, _ = matrix([d1, d2], zones, links=[(("CORE", "GigabitEthernet0/2"), ("ACC", "GigabitEthernet0/1"))])
    return cells


def test_a_trunk_only_list_decides_which_vlans_meet():
    # `only 10`: the guest VLAN never reaches its gateway on the core — nothing routes it
    assert trunk_cells("10")[("guest", "staff")].verdict == "blocked"
    assert trunk_cells("10,20")[("guest", "staff")].verdict == "reachable"


def test_svi_routes_between_vlans_as_on_ios():
    dev, _ = parse_one(ruijie_rgos, core(), "core.cfg")
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "reachable"
    assert cells[("staff", "guest")].verdict == "reachable"


def test_a_hybrid_port_makes_every_svi_unknown():
    # `switchport mode hybrid` is not modelled: which VLANs the port carries is not known,
    # so every SVI's routed verdicts are unknown — never "blocked" for want of a VLAN
    text = core(port2=" switchport mode hybrid\n switchport hybrid native vlan 20")
    dev, _ = parse_one(ruijie_rgos, text, "core.cfg")
    assert dev.interfaces["Vlan10"].partial and dev.interfaces["Vlan20"].partial
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "guest")].verdict == "unknown"


def test_interface_range_names_the_type_once():
    text = ACCESS.replace(
        "interface GigabitEthernet 0/1\n switchport access vlan 10\n",
        "interface range GigabitEthernet 0/1,0/6-7\n switchport access vlan 10\n",
    )
    dev, rep = parse_one(ruijie_rgos, text, "sw.cfg")
    assert not rep.unrecognized
    assert [n for n, i in dev.interfaces.items() if i.access_vlan == 10 and n.startswith("Gig")] == [
        "GigabitEthernet0/1",
        "GigabitEthernet0/6",
        "GigabitEthernet0/7",
    ]
    assert "0/6" not in dev.interfaces
