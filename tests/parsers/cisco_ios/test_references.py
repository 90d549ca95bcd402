"""Cisco IOS: ACLs used by class-maps and crypto maps are references, so the
unused-acl check does not tell the technician to delete them
(netaudit/parsers/cisco_ios/crypto.py; netaudit/checks/config.py, ``used_filter_names``)."""

from __future__ import annotations

import textwrap

from netaudit.checks.config import used_filter_names
from netaudit.parsers import cisco_ios

# IOSv 15.7 with a zone-based firewall, a QoS policy and a site-to-site crypto map
# (reseau-2020/projet-three R1, cut down; the QoS class-map as in ciscoconfparse
# sample_01.ios), plus numbered ACLs in a class-map and a dynamic crypto map.
ZBF_QOS_VPN_ROUTER = """\
version 15.7
hostname R1
!
class-map type inspect match-any remote-access-class
 match access-group name SSH
 match protocol ssh
class-map type inspect match-all dhcp-class
 match access-group 110
class-map match-any VOICE
 match access-group name VOICE-ACL
class-map match-all TO_ATM
 match not access-group name NOT_INTERNAL
class-map match-any TELEPHONY
 match access-group ipv6 name V6-VOICE
 match dscp ef
!
policy-map type inspect to-self-policy
 class type inspect remote-access-class
  pass
 class class-default
  drop log
policy-map QOS
 class VOICE
  priority percent 30
!
zone security internet
zone-pair security internet-self source internet destination self
 service-policy type inspect to-self-policy
!
crypto isakmp policy 1
 authentication pre-share
crypto ipsec transform-set TS esp-aes esp-sha-hmac
 mode tunnel
crypto dynamic-map DYN 10
 set transform-set TS
 match address 120
crypto map cisco-to-forti3 1 ipsec-isakmp
 set peer 192.168.122.55
 set transform-set TS
 match address crypto-acl
crypto map cisco-to-forti3 65535 ipsec-isakmp dynamic DYN
!
interface GigabitEthernet0/0
 ip address 192.168.122.10 255.255.255.0
 zone-member security internet
 crypto map cisco-to-forti3
 service-policy output QOS
!
ip access-list extended SSH
 permit tcp any any eq 22
 deny   tcp any any
ip access-list extended VOICE-ACL
 permit udp any any range 16384 32767
ip access-list extended NOT_INTERNAL
 deny   ip any 10.0.0.0 0.255.255.255
 permit ip any any
ip access-list extended crypto-acl
 permit ip 10.0.0.0 0.255.255.255 192.168.100.0 0.0.0.255
ip access-list extended LEFTOVER
 permit ip any any
access-list 110 permit udp any any eq bootps
access-list 120 permit ip 10.1.1.0 0.0.0.255 any
!
end
"""


def test_class_map_and_crypto_map_acls_are_references():
    """``match access-group name X`` / ``match access-group N`` / ``match not
    access-group …`` in ZBF and QoS class-maps, and ``match address X`` in crypto maps
    and dynamic maps, select the traffic a policy or the encryption acts on: each is a
    reference to a defined ACL, so none of these ACLs is "unused" (the check told the
    technician to delete the ZBF's and the VPN's ACLs).  An ACL nothing names still is."""
    result = cisco_ios.parse(textwrap.dedent(ZBF_QOS_VPN_ROUTER), "R1.cfg")
    (dev,) = result.devices
    refs = {(r.name, r.source.line, r.defined) for r in dev.references if r.kind == "acl"}
    assert {
        ("SSH", 5, True),
        ("110", 8, True),
        ("VOICE-ACL", 10, True),
        ("NOT_INTERNAL", 12, True),
        ("120", 36, True),
        ("crypto-acl", 40, True),
    } <= refs
    assert not any(r.name == "V6-VOICE" for r in dev.references)  # IPv6 ACLs are not read
    used = used_filter_names(dev)
    assert {"SSH", "110", "VOICE-ACL", "NOT_INTERNAL", "crypto-acl", "120"} <= used
    assert "LEFTOVER" not in used
    assert result.report.unrecognized == []


def test_a_class_map_naming_a_missing_acl_is_an_undefined_reference():
    result = cisco_ios.parse("class-map match-any VOICE\n match access-group name NO-SUCH-ACL\n", "R1.cfg")
    (dev,) = result.devices
    assert [(r.kind, r.name, r.defined) for r in dev.references] == [("acl", "NO-SUCH-ACL", False)]
