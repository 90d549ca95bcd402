"""Cisco IOS interface lines: what is read as harmless and what still makes an
interface partial (netaudit/parsers/cisco_ios/interfaces.py, syntax.py)."""

from __future__ import annotations

import textwrap

import pytest
from helpers import matrix
from netaddr import IPNetwork

from netaudit.parsers import cisco_ios
from netaudit.zones import Zone

# A 12.4 ADSL router as published (ciscoconfparse sample_01.ios, Cisco 871/1800): PPPoA
# on an ATM PVC whose sessions belong to dialer pool 1, the address on Dialer1; a LAN
# port on an old Fast Ethernet port adapter that writes `full-duplex`.
PPPOA_ROUTER = """\
version 12.4
hostname Foo
!
interface ATM0/0
 no ip address
 no ip redirects
 no ip unreachables
 no ip proxy-arp
 load-interval 30
 carrier-delay msec 100
 no atm ilmi-keepalive
 bundle-enable
 dsl operating-mode auto
 max-reserved-bandwidth 100
 hold-queue 500 in
!
interface ATM0/0.32 point-to-point
 no ip redirects
 ip accounting access-violations
 pvc 0/32
  vbr-nrt 704 704
  dialer pool-member 1
  protocol ppp dialer
 !
!
interface ATM0/1
 no ip address
 no atm ilmi-keepalive
 dsl operating-mode adsl2+
 pvc 8/35
  ubr 1024
  oam-pvc manage
  encapsulation aal5mux ppp dialer
  dialer pool-member 2
 !
!
interface FastEthernet0/0
 ip address 172.16.2.1 255.255.255.0
 ip access-group ETH0_0_IN in
 ip nat inside
 ip virtual-reassembly
 ip tcp adjust-mss 1452
 speed 100
 full-duplex
 no keepalive
 no cdp log mismatch duplex
!
interface FastEthernet0/1
 no ip address
 half-duplex
 shutdown
!
interface Dialer1
 ip address negotiated
 ip nat outside
 encapsulation ppp
 dialer pool 1
 dialer-group 1
 max-reserved-bandwidth 100
 ppp chap hostname auser
 ppp chap password 7 107D3D232342041E3A
!
ip route 0.0.0.0 0.0.0.0 Dialer1
ip nat inside source list INTERNAL_NETWORKS interface Dialer1 overload
!
ip access-list standard INTERNAL_NETWORKS
 permit 172.16.2.0 0.0.0.255
ip access-list extended ETH0_0_IN
 remark deny Windows Media Player Updates
 deny   tcp any 207.46.248.0 0.0.0.255 eq www
 remark permit anything else
 permit ip any any
!
end
"""


def parse(text: str):
    result = cisco_ios.parse(textwrap.dedent(text), "Foo.cfg")
    (dev,) = result.devices
    return dev, result.report


def test_duplex_qos_reservation_and_pppoa_pvc_lines_leave_interfaces_whole():
    """``full-duplex`` / ``half-duplex`` (duplex of old port adapters), ``max-reserved-
    bandwidth`` (the share of bandwidth QoS may reserve), the ADSL line settings
    (``bundle-enable``, ``dsl operating-mode``, ``no atm ilmi-keepalive``) and the lines
    of a PPPoA PVC (its ATM shaping class, OAM, ``protocol ppp dialer``,
    ``encapsulation aal5mux ppp dialer``, ``dialer pool-member``) change no IP
    reachability: the address lives on the Dialer.  They made their interfaces partial,
    so every verdict through FastEthernet0/0 was "unknown" instead of reachable."""
    dev, rep = parse(PPPOA_ROUTER)
    assert rep.unrecognized == []
    assert rep.partially_understood == []
    assert {n: i.partial for n, i in dev.interfaces.items() if i.partial} == {}
    lan = Zone("lan", "internal", [IPNetwork("172.16.2.0/24")], attach=[("Foo", "FastEthernet0/0")])
    internet = Zone("internet", "external", [], attach=[("Foo", "Dialer1")])
    m, _ = matrix([dev], [lan, internet])
    assert m[("lan", "internet")].verdict == "reachable", m[("lan", "internet")].reason


@pytest.mark.parametrize(
    "line",
    [
        "protocol ppp virtual-template 1",  # PPPoA ends on a virtual template: not modelled
        "protocol ip 10.0.0.2 broadcast",
        "atm route-bridged ip",  # RBE: the PVC bridges into the routed subinterface
    ],
)
def test_other_pvc_and_atm_lines_still_make_the_interface_partial(line):
    """Only the PVC and ATM lines known to be link-layer settings are read as harmless;
    any other line of the block still leaves the interface partial (fail-closed)."""
    dev, rep = parse(f"interface ATM0/0.1 point-to-point\n pvc 0/35\n  {line}\n")
    assert "line 3 of the interface not understood" in dev.interfaces["ATM0/0.1"].partial
    assert [s.line for s in rep.unrecognized] == [3]


def test_shut_and_no_shut_as_typed_in_a_lab_config():
    """Rodrigo-Serpa/Project's router: ``no shut`` (IOS takes the abbreviation) made the
    interface not understood, every verdict through it unknown."""
    dev, rep = parse(
        "hostname ENTA\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n no shut\n"
        "interface GigabitEthernet0/1\n ip address 10.0.1.1 255.255.255.0\n shut\nend\n"
    )
    assert not dev.interfaces["GigabitEthernet0/0"].shutdown and not dev.interfaces["GigabitEthernet0/0"].partial
    assert dev.interfaces["GigabitEthernet0/1"].shutdown
    assert not rep.unrecognized and not rep.partially_understood


def test_an_interface_mac_address_leaves_the_interface_whole():
    """``mac-address H.H.H`` (a lab host's port, an ISP's MAC cloned onto the WAN port:
    found on a real IOSv 15.6 lab export) sets the port's own MAC and changes no IP
    path; it was not understood, so the interface was partial and every verdict through
    it unknown."""
    text = PPPOA_ROUTER.replace(
        "interface FastEthernet0/0\n", "interface FastEthernet0/0\n mac-address aaaa.bbbb.dddd\n"
    )
    assert "mac-address aaaa.bbbb.dddd" in text
    dev, rep = parse(text)
    assert rep.unrecognized == [] and not dev.interfaces["FastEthernet0/0"].partial


def test_dmvpn_qos_groups_and_eigrp_next_hop_leave_the_tunnel_whole():
    """A DMVPN spoke's ``nhrp group G``, the hub's ``nhrp map group G service-policy
    output P`` (per-tunnel QoS, IOS 15.2+ spelling) and ``no ip next-hop-self eigrp N``
    (phase 2 hub) shape or tune routing, never filter — found on real IOSv 15.5 DMVPN
    exports: each made the Tunnel partial, every verdict over the DMVPN unknown."""
    dev, rep = parse(
        "hostname Hub\ninterface Tunnel0\n ip address 172.16.123.1 255.255.255.0\n"
        " no ip next-hop-self eigrp 123\n ip nhrp network-id 1\n nhrp map group SHAPE_1M service-policy output SHAPE_1M\n"
        " nhrp group HUB\n tunnel source GigabitEthernet0/1\n tunnel mode gre multipoint\nend\n"
    )
    assert rep.unrecognized == [] and not dev.interfaces["Tunnel0"].partial
    # another nhrp word still leaves the interface partial
    dev, rep = parse("hostname Hub\ninterface Tunnel0\n ip address 172.16.123.1 255.255.255.0\n nhrp frob\nend\n")
    assert dev.interfaces["Tunnel0"].partial


def test_transparent_bridging_global_lines_are_read_and_its_interfaces_stay_partial():
    """A router bridging two ports with CBAC (a real IOSv 15.x lab export): ``bridge crb``,
    ``bridge 1 protocol ieee`` and the type-code list ``access-list 200`` (bridged frames
    only) were unrecognized; they are read, and the ports in ``bridge-group 1`` stay
    partial, so nothing through them is decided."""
    dev, rep = parse(
        "hostname R2\nbridge crb\ninterface GigabitEthernet0/1\n no ip address\n bridge-group 1\n"
        " bridge-group 1 input-type-list 200\naccess-list 200 deny   0x86DD 0x0000\n"
        "access-list 200 permit 0x0000 0xFFFF\nbridge 1 protocol ieee\nend\n"
    )
    assert rep.unrecognized == []
    assert "bridge-group" in dev.interfaces["GigabitEthernet0/1"].partial
    assert "200" not in dev.filters


# A Catalyst L3 switch: staff and guest VLANs routed by SVIs, the guest access port
# carrying a port ACL (PACL) that denies the staff range.
PORT_ACL_SWITCH = """\
hostname SW-PACL
!
ip routing
!
vlan 10
vlan 40
!
ip access-list extended GUEST-IN
 deny ip any 10.1.10.0 0.0.0.255
 permit ip any any
!
interface GigabitEthernet1/0/1
 switchport mode access
 switchport access vlan 10
!
interface GigabitEthernet1/0/2
 switchport mode access
 switchport access vlan 40
 ip access-group GUEST-IN in
!
interface Vlan10
 ip address 10.1.10.1 255.255.255.0
!
interface Vlan40
 ip address 10.1.40.1 255.255.255.0
!
end
"""


def test_a_port_acl_on_an_access_port_makes_its_vlan_unknown_never_reachable():
    """``ip access-group`` on a switchport (a port ACL) filters what the guest's hosts send,
    switched or routed; the engine places the guest zone in VLAN 40, not behind the port,
    and filters on routed interfaces only: guest → staff read "reachable" past an ACL
    denying it (a false critical).  The port and Vlan40 are partial: unknown."""
    res = cisco_ios.parse(PORT_ACL_SWITCH, "sw.cfg")
    dev = res.devices[0]
    assert dev.interfaces["GigabitEthernet1/0/2"].partial and dev.interfaces["Vlan40"].partial
    assert dev.interfaces["Vlan10"].partial is None
    staff = Zone("staff", "internal", [IPNetwork("10.1.10.0/24")], vlans=[("SW-PACL", 10)])
    guest = Zone("guest", "guest", [IPNetwork("10.1.40.0/24")], vlans=[("SW-PACL", 40)])
    m, _ = matrix([dev], [staff, guest])
    assert m[("guest", "staff")].verdict == "unknown"
