"""Cisco IOS IPsec: the IKE service a VPN router answers on, and the ACLs crypto maps
use (netaudit/parsers/cisco_ios/crypto.py; docs/vendors/cisco_ios.md, "IKE")."""

from __future__ import annotations

import textwrap

import pytest
from helpers import matrix
from netaddr import IPNetwork

from netaudit.model import PROTO_UDP, PortRange
from netaudit.parsers import cisco_ios
from netaudit.zones import Zone

# A DMVPN spoke (ICT377 RO-ZBPF-FW1, cut down): IKEv2 profile and keyring, an IPsec
# profile protecting Tunnel11, whose source is the ISP link; the ISP link's ACL lets IKE,
# NAT-T, GRE and ESP in and nothing else.
DMVPN_SPOKE = """\
version 15.7
hostname RO-ZBP-FW1
!
crypto ikev2 keyring DMVPN-KEYRING-1
 peer ANY
  address 0.0.0.0 0.0.0.0
  pre-shared-key Sup3rS3cretPSK
 !
crypto ikev2 profile DMVPN-IKEv2-PROFILE-1
 match fvrf any
 match identity remote address 0.0.0.0
 authentication remote pre-share
 authentication local pre-share
 keyring local DMVPN-KEYRING-1
!
crypto ipsec transform-set AES256/GCM/TRANSFORM esp-gcm 256
 mode transport
!
crypto ipsec profile DMVPN-IPSEC-PROFILE-1
 set transform-set AES256/GCM/TRANSFORM
 set ikev2-profile DMVPN-IKEv2-PROFILE-1
!
interface Tunnel11
 ip address 10.66.64.2 255.255.255.0
 ip nhrp map 10.66.64.1 11.11.11.151
 ip nhrp network-id 10001
 ip nhrp nhs 10.66.64.1
 tunnel source Ethernet0/1
 tunnel mode gre multipoint
 tunnel key 10001
 tunnel protection ipsec profile DMVPN-IPSEC-PROFILE-1
!
interface Ethernet0/1
 description *** PRIMARY ISP LINK ***
 ip address 21.21.21.2 255.255.255.0
 ip access-group ACL-INTERNET-TO-ROUTER-DMVPN in
!
interface Ethernet0/2.101
 encapsulation dot1Q 101
 ip address 10.7.1.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 21.21.21.101
!
ip access-list extended ACL-INTERNET-TO-ROUTER-DMVPN
 permit udp any any eq isakmp
 permit udp any any eq non500-isakmp
 permit gre any any
 permit esp any any
 deny   ip any any log
!
end
"""

# A site-to-site IKEv1 crypto map on the outside interface (IOSv 15.7, cut down).
CRYPTO_MAP_ROUTER = """\
hostname R1
crypto isakmp policy 1
 encr aes
 authentication pre-share
 group 14
crypto isakmp key Fort1Key!2020 address 192.168.122.55
crypto ipsec transform-set TS esp-aes esp-sha-hmac
 mode tunnel
crypto map cisco-to-forti3 1 ipsec-isakmp
 set peer 192.168.122.55
 set transform-set TS
 match address crypto-acl
interface GigabitEthernet0/0
 ip address 192.168.122.10 255.255.255.0
 ip access-group FROM-WAN in
 crypto map cisco-to-forti3
interface GigabitEthernet0/2
 ip address 10.1.1.1 255.255.255.0
ip route 0.0.0.0 0.0.0.0 192.168.122.1
ip access-list extended FROM-WAN
 permit udp host 192.168.122.55 any eq isakmp
 permit esp host 192.168.122.55 any
 deny   ip any any
ip access-list extended crypto-acl
 permit ip 10.1.1.0 0.0.0.255 192.168.100.0 0.0.0.255
"""


def parse(text: str):
    result = cisco_ios.parse(textwrap.dedent(text), "r.cfg")
    (dev,) = result.devices
    return dev, result.report


def ike(dev):
    found = [s for s in dev.services if s.name == "ike"]
    assert len(found) <= 1
    return found[0] if found else None


def test_tunnel_protection_makes_the_router_answer_ike_from_the_internet():
    """IOS answers IKE (udp/500, udp/4500 for NAT-T) on every interface once IPsec is
    applied (here ``tunnel protection ipsec profile`` on a DMVPN tunnel), subject to the
    interface ACLs like its other services.  No IKE service was modelled: internet ->
    @devices came out "blocked", the Internet-facing IKE daemon proven unreachable."""
    dev, rep = parse(DMVPN_SPOKE)
    svc = ike(dev)
    assert svc is not None and svc.partial is None
    assert (svc.protocol, svc.ports) == (PROTO_UDP, (PortRange(500, 500), PortRange(4500, 4500)))
    assert svc.interfaces is None and svc.acl is None
    assert svc.source.line == 31 and svc.source.text.startswith("tunnel protection ipsec profile")
    assert "Sup3rS3cretPSK" in dev.secrets
    assert rep.unrecognized == [] and rep.partially_understood == []
    users = Zone("users", "internal", [IPNetwork("10.7.1.0/24")], attach=[("RO-ZBP-FW1", "Ethernet0/2.101")])
    internet = Zone("internet", "external", [], attach=[("RO-ZBP-FW1", "Ethernet0/1")])
    m, _ = matrix([dev], [users, internet])
    cell = m[("internet", "@devices")]
    assert cell.verdict == "reachable", cell.reason
    assert cell.services == ["udp/500", "udp/4500"]


def test_a_crypto_map_on_an_interface_makes_the_router_answer_ike():
    """A crypto map applied to an interface: IKE listens; the ACL in front of it decides
    who reaches it.  A static entry read whole is a tunnel of the interface, which is
    not partial (what the tunnel carries: test_crypto_maps.py)."""
    dev, rep = parse(CRYPTO_MAP_ROUTER)
    svc = ike(dev)
    assert svc is not None and svc.partial is None
    assert svc.source.text == "crypto map cisco-to-forti3"
    wan = dev.interfaces["GigabitEthernet0/0"]
    assert wan.partial is None and [t.encrypts for t in wan.ipsec_tunnels] == ["crypto-acl"]
    assert "Fort1Key!2020" in dev.secrets
    assert rep.unrecognized == []


@pytest.mark.parametrize(
    "applied",
    [
        "crypto map VPN",
        "tunnel protection ipsec profile P shared",
        "crypto ipsec client ezvpn EZ outside",
        "crypto ipsec client ezvpn EZ",
    ],
)
def test_each_way_of_applying_ipsec_to_an_interface_starts_ike(applied):
    dev, _rep = parse(f"interface GigabitEthernet0/0\n ip address 198.51.100.2 255.255.255.252\n {applied}\n")
    svc = ike(dev)
    assert svc is not None and svc.partial is None and svc.source.line == 3


def test_crypto_configured_but_applied_nowhere_is_an_uncertain_ike_service():
    """IKE policies, keys and crypto maps that no interface uses: whether IOS answers
    IKE then is not established, so the service is partial — "unknown" where only IKE
    gets through, never "blocked"."""
    dev, rep = parse(CRYPTO_MAP_ROUTER.replace(" crypto map cisco-to-forti3\n", ""))
    svc = ike(dev)
    assert svc is not None and svc.partial and "applied to no interface" in svc.partial
    assert svc.source.text == "crypto isakmp policy 1"
    assert any(p["construct"] == "ike" for p in rep.partially_understood)
    lan = Zone("lan", "internal", [IPNetwork("10.1.1.0/24")], attach=[("R1", "GigabitEthernet0/2")])
    wan = Zone("wan", "external", [IPNetwork("192.168.122.0/24")], attach=[("R1", "GigabitEthernet0/0")])
    m, _ = matrix([dev], [lan, wan])
    assert m[("wan", "@devices")].verdict == "unknown"  # the peer's udp/500 may be answered


def test_ike_switched_off_with_no_crypto_isakmp_is_uncertain():
    dev, _rep = parse("no crypto isakmp\n" + CRYPTO_MAP_ROUTER)
    svc = ike(dev)
    assert svc is not None and "no crypto isakmp" in svc.partial


def test_pki_and_ssh_keys_alone_start_no_ike():
    """``crypto pki`` (the self-signed HTTPS trustpoint IOS creates) and ``crypto key``
    (SSH host keys) are no VPN: no IKE service."""
    dev, rep = parse("""
    hostname SW1
    crypto pki trustpoint TP-self-signed-1234567890
     enrollment selfsigned
     revocation-check none
    crypto key generate rsa modulus 2048
    interface Vlan1
     ip address 10.0.0.2 255.255.255.0
    """)
    assert ike(dev) is None
    assert rep.unrecognized == []
