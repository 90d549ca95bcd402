"""Lines of real Catalyst switch and ISR running-configs (a sweep of public configs,
rewritten here with made-up names and addresses) that the parser got wrong: ordinary
IOS syntax reported as unrecognized — or worse, read in a way that changes verdicts — and
a Catalyst switch that Smart Install's switch detection missed
(docs/vendors/cisco_ios.md)."""

from __future__ import annotations

import textwrap

from netaddr import IPAddress

from netaudit.model import L2Mode
from netaudit.parsers import cisco_ios


def parse(text: str, file: str = "sw.cfg"):
    result = cisco_ios.parse(textwrap.dedent(text).lstrip("\n"), file)
    assert len(result.devices) == 1
    return result.devices[0], result.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def smi(dev):
    found = [s for s in dev.services if s.name == "smart-install"]
    return found[0] if found else None


# A Catalyst 4500-E access switch (15.2(4)E5) with IP Source Guard on its access ports and
# static DHCP-snooping bindings for hosts with fixed addresses.
IPSG_SWITCH = """
version 15.2
hostname PX-SW-4500
ip dhcp snooping vlan 20,30
ip dhcp snooping
interface GigabitEthernet1/1
 description uplink to firewall
 ip arp inspection trust
 ip dhcp snooping trust
 ip verify source vlan dhcp-snooping port-security
interface GigabitEthernet1/43
 switchport access vlan 20
 switchport mode access
 ip verify source vlan dhcp-snooping port-security
interface GigabitEthernet1/44
 switchport access vlan 20
 switchport mode access
 ip verify source vlan dhcp-snooping
interface GigabitEthernet1/45
 switchport access vlan 30
 switchport mode access
 ip verify source
interface Vlan1
 ip address 10.60.1.253 255.255.255.0
ip default-gateway 10.60.1.1
ip source binding 0004.F239.BD05 vlan 20 10.60.20.200 interface Gi1/45
ip source binding 000C.E373.5B0A vlan 20 10.60.20.1 interface Gi1/43
no vstack
end
"""


def test_ip_source_guard_is_read_not_unrecognized():
    """``ip verify source [vlan dhcp-snooping] [port-security]`` (IP Source Guard) only drops
    packets whose source address (and MAC) is not bound to the port: a host of the segment
    keeps every flow it had, so the port is not partial; ``ip source binding`` is a static
    binding for it.  Both were unrecognized, and each port with IPSG was partial."""
    dev, rep = parse(IPSG_SWITCH)
    assert rep.unrecognized == []
    assert rep.partially_understood == []
    for name in ("GigabitEthernet1/1", "GigabitEthernet1/43", "GigabitEthernet1/44", "GigabitEthernet1/45"):
        assert dev.interfaces[name].partial is None, name
    # uRPF, the other `ip verify`, is still read as before
    dev, rep = parse(IPSG_SWITCH.replace(" ip verify source\n", " ip verify unicast source reachable-via rx\n"))
    assert dev.interfaces["GigabitEthernet1/45"].urpf == "strict"


def test_ip_verify_source_with_unknown_words_stays_unrecognized():
    dev, rep = parse(IPSG_SWITCH.replace(" ip verify source\n", " ip verify source frobnicate\n"))
    assert [u.text for u in rep.unrecognized] == ["ip verify source frobnicate"]
    assert dev.interfaces["GigabitEthernet1/45"].partial


# A Catalyst 3750-48P on 12.2 routing between two SVIs (ip routing, a default route).
L3_SWITCH = """
version 12.2
hostname PX-SW-3750
switch 1 provision ws-c3750-48p
ip routing
interface FastEthernet1/0/1
 switchport access vlan 20
interface Vlan1
 ip address 10.61.10.21 255.255.255.0
interface Vlan20
 ip address 10.61.20.20 255.255.255.0
ip classless
ip route profile
ip route 0.0.0.0 0.0.0.0 10.61.10.10
no vstack
end
"""


def test_ip_route_profile_is_not_an_unread_route():
    """``ip route profile`` turns on routing-table statistics: no route.  It was taken for a
    static route the parser could not read (``Device.unread_routes``), which makes every
    "no route" on the switch unknown and its routes mere possibilities."""
    dev, rep = parse(L3_SWITCH)
    assert rep.unrecognized == []
    assert dev.unread_routes == []
    assert [(str(r.prefix), r.next_hop) for r in dev.routes if r.origin == "static"] == [
        ("0.0.0.0/0", ip("10.61.10.10"))
    ]


def test_ip_route_with_profile_as_a_word_of_a_real_route_is_still_unread():
    dev, rep = parse(L3_SWITCH.replace("ip route profile\n", "ip route profile 10.0.0.0\n"))
    assert [u.text for u in rep.unrecognized] == ["ip route profile 10.0.0.0"]
    assert [s.text for s in dev.unread_routes] == ["ip route profile 10.0.0.0"]


def test_onboard_failure_logging_is_ignored():
    """``hw-switch switch N logging onboard message level L`` (Catalyst 3850 OBFL)."""
    _dev, rep = parse(L3_SWITCH.replace("ip classless\n", "hw-switch switch 1 logging onboard message level 3\n"))
    assert rep.unrecognized == []


# A Catalyst 3560-8PC distribution switch on 15.0: five routed uplinks (`no switchport`),
# three unused ports and an uplink port left at their (switch port) defaults, routing on.
DIST_3560 = (
    "version 15.0\nhostname PX-DIST-01\nip routing\n"
    "interface Loopback0\n ip address 10.62.0.193 255.255.255.255\n"
    + "".join(
        f"interface FastEthernet0/{n}\n no switchport\n ip address 10.62.254.{4 * n + 1} 255.255.255.252\n"
        for n in range(1, 6)
    )
    + "".join(f"interface FastEthernet0/{n}\n shutdown\n" for n in range(6, 9))
    + "interface GigabitEthernet0/1\n"
    + "interface Vlan1\n no ip address\n shutdown\n"
    + "router ospf 1\n passive-interface Loopback0\n"
    + "line vty 0 4\n transport input ssh\nend\n"
)


def test_routed_ports_of_a_fixed_catalyst_count_as_its_ports():
    """``no switchport`` exists on Catalyst switch ports only (a router's own ports are
    routed without it; its switch modules' ports are ``0/x/y``): a 3560-8PC whose uplinks
    are routed has its nine ports named like a fixed switch's.  Counting only the L2 ones
    (four) missed it, so a switch silent on vstack got no Smart Install doubt."""
    dev, rep = parse(DIST_3560)
    assert rep.unrecognized == []
    assert dev.interfaces["FastEthernet0/1"].mode == L2Mode.ROUTED
    assert dev.facts.smart_install == "unknown"
    assert [s.text for s in dev.facts.smart_install_basis] == ["interface FastEthernet0/1", "version 15.0"]
    assert smi(dev) is not None and smi(dev).partial


def test_a_router_with_few_routed_ports_is_still_not_a_switch():
    """Two routed ports named like a fixed switch's (a 2811's FastEthernet0/0-1) are far from
    eight, ``no switchport`` or not."""
    text = (
        "version 15.1\nhostname PX-RT-01\n"
        "interface FastEthernet0/0\n no switchport\n ip address 203.0.113.2 255.255.255.252\n"
        "interface FastEthernet0/1\n ip address 10.63.1.1 255.255.255.0\nend\n"
    )
    dev, _rep = parse(text)
    assert dev.facts.smart_install == ""
    assert smi(dev) is None


# A GET VPN key server at a provincial data centre (IOS 15.0): its groups' traffic and
# rekey ACLs are named only inside `crypto gdoi group` blocks.
GETVPN_KS = """
version 15.0
hostname PX-KS-01
crypto gdoi group GDOI-WAN
 identity number 1001
 server local
  rekey address ipv4 GDOI-REKEY
  rekey retransmit 40 number 3
  rekey authentication mypubkey rsa GDOI-KEYS
  sa ipsec 1
   profile GDOI-PROFILE
   match address ipv4 GDOI-WAN-TRAFFIC
  address ipv4 10.60.0.5
interface GigabitEthernet0/0
 ip address 10.60.0.5 255.255.255.0
ip access-list extended GDOI-WAN-TRAFFIC
 permit ip 10.61.0.0 0.0.255.255 10.61.0.0 0.0.255.255
ip access-list extended GDOI-REKEY
 permit udp host 10.60.0.5 eq 848 host 239.192.1.1 eq 848
"""


def test_acls_of_a_gdoi_key_server_are_in_use():
    """A key server's ``match address ipv4 ACL`` and ``rekey address ipv4 ACL`` use those
    ACLs: they were reported "defined but not applied anywhere" (a false finding)."""
    dev, rep = parse(GETVPN_KS)
    assert rep.unrecognized == []
    used = {r.name for r in dev.references if r.kind == "acl"}
    assert {"GDOI-WAN-TRAFFIC", "GDOI-REKEY"} <= used


def test_cbac_java_list_uses_its_acl():
    """``ip inspect name N http java-list ACL`` (CBAC, an IOS 12.4 branch router) uses the
    ACL: it was reported unused."""
    dev, rep = parse("""
    version 12.4
    hostname PX-RT-02
    ip inspect name OUTBOUND http java-list 11 alert on audit-trail off
    ip inspect name OUTBOUND dns
    access-list 11 remark Java applets allowed from
    access-list 11 permit 10.62.1.0 0.0.0.255
    """)
    assert rep.unrecognized == []
    assert ("acl", "11") in {(r.kind, r.name) for r in dev.references}


def test_serial_restart_delay_and_te_tunnel_routing_line_are_harmless():
    """``serial restart-delay 0`` (written on every serial port) and ``no routing dynamic``
    (an MPLS TE tunnel's default line) change no reachability: each left its interface
    partial."""
    dev, rep = parse("""
    version 15.0
    hostname PX-PE-01
    interface Serial1/0
     ip address 10.64.0.1 255.255.255.252
     serial restart-delay 0
    interface Tunnel100
     ip address 10.64.1.1 255.255.255.252
     tunnel mode mpls traffic-eng
     tunnel destination 10.64.9.9
     no routing dynamic
    """)
    assert rep.unrecognized == []
    assert dev.interfaces["Serial1/0"].partial is None and dev.interfaces["Tunnel100"].partial is None


def test_voice_ports_and_io_memory_share_are_harmless():
    """An ISR 4321 voice gateway's ``voice-port 0/2/0`` blocks and a 2901's ``memory-size
    iomem 5`` (real 16.6 / 15.4 exports) change no IP reachability: they were
    unrecognized."""
    _dev, rep = parse("""
    version 16.6
    hostname PX-VG-01
    memory-size iomem 5
    voice-card 0/2
     no watchdog
    voice-port 0/2/0
     caller-id enable
    !
    voice-port 0/2/1
    """)
    assert rep.unrecognized == []
