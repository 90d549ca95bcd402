"""Interfaces into the model (:mod:`~netaudit.parsers.mikrotik_routeros.interfaces`): renames, VRRP,
VLANs on ethernet, bonds."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.model import IfKind
from netaudit.reach import UNKNOWN
from netaudit.zones import Zone

from .helpers import matrix, parse


def test_renamed_ethernet_and_disabled_port():
    dev, _ = parse("""
    /interface ethernet
    set [ find default-name=ether1 ] comment="WAN VNPT" name=ether1-wan
    set [ find default-name=ether5 ] disabled=yes
    /ip address
    add address=192.0.2.2/30 interface=ether1-wan
    """)
    assert "ether1" not in dev.interfaces
    wan = dev.interfaces["ether1-wan"]
    assert wan.description == "WAN VNPT" and wan.addresses == [IPNetwork("192.0.2.2/30")]
    assert dev.interfaces["ether5"].shutdown


def test_vrrp_address_is_a_virtual_address_of_its_parent():
    dev, _ = parse("""
    /interface vrrp
    add interface=v10 name=vrrp10 vrid=10
    /ip address
    add address=10.0.10.2/24 interface=v10
    add address=10.0.10.1/32 interface=vrrp10
    """)
    assert dev.interfaces["v10"].virtual_addresses == [IPNetwork("10.0.10.1/24")]
    assert dev.interfaces["vrrp10"].addresses == []


def test_router_on_a_stick_vlan_on_ethernet():
    dev, _ = parse("""
    /interface vlan
    add interface=ether2 name=ether2.40 vlan-id=40
    /ip address
    add address=10.0.40.1/24 interface=ether2.40
    """)
    v = dev.interfaces["ether2.40"]
    assert (v.kind, v.parent, v.encapsulation_vlan) == (IfKind.VLAN, "ether2", 40)
    assert v.partial is None


def test_bonding_members_follow_the_bond():
    dev, _ = parse("""
    /interface bonding
    add name=bond1 slaves=ether7,ether8
    /interface bridge
    add name=br vlan-filtering=yes
    /interface bridge port
    add bridge=br interface=bond1 pvid=20
    """)
    assert dev.interfaces["bond1"].kind == IfKind.PORT_CHANNEL
    assert dev.interfaces["ether7"].parent == "bond1"
    assert dev.interfaces["ether7"].access_vlan == 20


def test_entries_whose_interface_no_longer_exists_give_nothing():
    """A RouterOS 6.49.19 export whose Q-in-Q VLAN interfaces were removed keeps their
    addresses and DHCP servers without ``interface=`` (v7 writes the removed interface's
    id, ``*14``): the router has none of those addresses, the servers serve nowhere —
    read (warned), not unrecognized; no interface ``*14`` appears."""
    dev, rep = parse("""
    /ip dhcp-server
    add address-pool=pool-vlan10 disabled=no lease-time=1h name=dhcp-qinq-vlan10
    add address-pool=pool-vlan10 interface=*14 name=dhcp-old
    /ip address
    add address=192.168.10.1/24 comment="Gateway remoto VLAN 10 via Q-in-Q" \\
        network=192.168.10.0
    add address=10.200.1.1/24 interface=*14 network=10.200.1.0
    add address=10.200.2.1/24 interface=ether2
    /ip dhcp-client
    add disabled=no interface=*5
    /interface list member
    add interface=*7 list=LAN
    """)
    assert rep.unrecognized == []
    assert set(dev.interfaces) == {"ether2"} and dev.routes == []
    assert [s for s in dev.services if s.name == "dhcp"] == []
    assert sum("is on no interface" in w for w in rep.warnings) == 4
    assert any("DHCP client on *5" in w for w in rep.warnings)
    assert any("member of LAN names no interface" in w for w in rep.warnings)


def test_an_address_line_not_understood_leaves_the_interface_unknown_not_addressless():
    # found on a real RouterOS 7 export posted to a forum with the WAN address redacted
    # (`add address=XXX interface=ether1 network=XXX`): ether1 had no address, so nothing
    # from the Internet reached the router or the LAN — "blocked", though the input chain
    # accepted everything (its drop disabled)
    dev, rep = parse("""
    /ip address
    add address=XXX interface=ether1 network=XXX
    add address=192.168.5.1/24 interface=ether2 network=192.168.5.0
    /ip firewall filter
    add action=accept chain=input connection-state=established,related,untracked
    add action=drop chain=input disabled=yes in-interface=ether1
    add action=drop chain=forward connection-state=new in-interface=ether1
    """)
    assert [s.line for s in rep.unrecognized] == [3]
    assert "ether1" in str(dev.interfaces["ether1"].partial)
    assert not dev.interfaces["ether2"].partial
    lan = Zone("lan", "internal", [IPNetwork("192.168.5.0/24")], attach=[("r", "ether2")])
    net = Zone("internet", "external", attach=[("r", "ether1")])
    assert matrix([dev], [lan, net])[("internet", "@devices")].verdict == UNKNOWN
