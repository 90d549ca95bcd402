"""Cisco IOS control-plane policing (netaudit/parsers/cisco_ios/copp.py; docs/vendors/
cisco_ios.md, "Control-plane policing"): ``control-plane`` / ``service-policy input P``
becomes the device's input filter, applied to every packet for the router's own
addresses.  Before, ``control-plane`` and ``policy-map`` were ignored blocks: a policy
dropping ping to the router changed nothing."""

from __future__ import annotations

import textwrap

import pytest
from helpers import parse_one

from netaudit import filters
from netaudit.headerspace import HeaderSpace, Packet
from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP
from netaudit.parsers import cisco_ios
from netaudit.parsers.ip import ip_to_int

HS = HeaderSpace()

HEAD = """\
version 15.7
hostname rt-phuong-3
!
interface GigabitEthernet0/0
 description WAN VNPT
 ip address dhcp
!
interface GigabitEthernet0/1.10
 encapsulation dot1Q 10
 ip address 10.20.10.1 255.255.255.0
!
interface GigabitEthernet0/1.99
 encapsulation dot1Q 99
 ip address 10.20.99.1 255.255.255.0
!
ip access-list extended COPP-DNS
 permit udp 10.20.0.0 0.0.255.255 any eq domain
 permit udp any eq bootpc any eq bootps
ip access-list extended COPP-NOI-BO
 remark tu cac vung noi bo tru quan tri
 permit ip 10.20.10.0 0.0.0.255 any
!
class-map match-any COPP-CHO-PHEP
 match access-group name COPP-DNS
class-map match-all COPP-CHAN
 description chan ping, ssh tu vung nhan vien
 match access-group name COPP-NOI-BO
!
"""
POLICY = """\
policy-map COPP
 class COPP-CHO-PHEP
  police 64000 conform-action transmit exceed-action drop
 class COPP-CHAN
  drop
 class class-default
!
control-plane
 service-policy input COPP
!
"""


def parse(*parts: str):
    return parse_one(cisco_ios, HEAD + "".join(textwrap.dedent(p) for p in parts), "rt-phuong-3.cfg")


def verdict(dev, src: str, proto: int, dport: int = 0, icmp_type: int = 0, sport: int = 40000) -> str:
    """What the control-plane filter does to one packet for the router: pass, drop, maybe."""
    flt = dev.filters[dev.input_filter]
    if flt.partial:
        return "maybe"
    certain, maybe, _ = filters.permitted(HS, flt, filters.line_sets(HS, flt, None, None))
    pkt = HS.packet(
        Packet(ip_to_int(src), ip_to_int("203.0.113.7"), proto, sport, dport, icmp_type=icmp_type, syn=True)
    )
    if HS.meets(certain, pkt):
        return "pass"
    return "maybe" if HS.meets(maybe, pkt) else "drop"


def test_the_copp_policy_is_the_input_filter_first_class_decides():
    dev, rep = parse(POLICY)
    assert dev.input_filter is not None
    assert not rep.partially_understood
    # staff: ping and SSH to the router (any address of it) dropped, DNS passes (class 1 first)
    assert verdict(dev, "10.20.10.5", PROTO_ICMP, icmp_type=8) == "drop"
    assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == "drop"
    assert verdict(dev, "10.20.10.5", PROTO_UDP, 53) == "pass"
    # management zone and the Internet: class-default without action, transmitted
    assert verdict(dev, "10.20.99.5", PROTO_TCP, 22) == "pass"
    assert verdict(dev, "198.51.100.9", PROTO_ICMP, icmp_type=8) == "pass"


def test_class_default_drop_and_police_conform_drop():
    dev, _ = parse(
        """\
        policy-map COPP
         class COPP-CHO-PHEP
          police cir 8000
           conform-action drop
           exceed-action drop
         class class-default
          drop
        control-plane
         service-policy input COPP
        """
    )
    assert verdict(dev, "10.20.10.5", PROTO_UDP, 53) == "drop"
    assert verdict(dev, "198.51.100.9", PROTO_TCP, 22) == "drop"
    assert dev.filters[dev.input_filter].default_text.endswith("dropped")


def test_class_default_is_last_wherever_it_is_written():
    dev, _ = parse(
        """\
        policy-map COPP
         class class-default
          drop
         class COPP-CHO-PHEP
        control-plane
         service-policy input COPP
        """
    )
    assert verdict(dev, "10.20.10.5", PROTO_UDP, 53) == "pass"
    assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == "drop"


def test_a_class_acl_deny_line_means_not_this_class_maybe_never_dropped():
    """ACL deny lines skip the class; first-match lines cannot say it: the class's
    packets are maybe, and a packet the deny line takes is never a certain drop."""
    dev, rep = parse(
        """\
        ip access-list extended COPP-TRON
         deny   udp any any eq domain
         permit ip 10.20.10.0 0.0.0.255 any
        class-map COPP-TRON
         match access-group name COPP-TRON
        policy-map COPP
         class COPP-TRON
          drop
        control-plane
         service-policy input COPP
        """
    )
    assert verdict(dev, "10.20.10.5", PROTO_UDP, 53) == "maybe"  # truly: passes (class-default)
    assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == "maybe"
    assert verdict(dev, "10.20.99.5", PROTO_TCP, 22) == "pass"  # in no permit line: exact
    assert any("deny lines" in p["reason"] for p in rep.partially_understood)


@pytest.mark.parametrize(
    ("body", "doubt"),
    [
        ("class-map COPP-X\n match protocol arp\n", "match protocol"),
        ("class-map COPP-X\n match ip dscp cs6\n", "match ip dscp"),
        ("class-map match-all COPP-X\n match access-group name COPP-DNS\n match any\n", "match-all"),
        ("class-map type inspect COPP-X\n match access-group name COPP-DNS\n", "type inspect"),
        ("class-map COPP-X\n match access-group name KHONG-CO\n", "KHONG-CO"),
    ],
)
def test_a_class_match_not_modelled_leaves_its_action_maybe(body, doubt):
    dev, rep = parse(
        body,
        """\
        policy-map COPP
         class COPP-X
          drop
        control-plane
         service-policy input COPP
        """,
    )
    assert verdict(dev, "10.20.10.5", PROTO_ICMP, icmp_type=8) == "maybe"
    assert verdict(dev, "198.51.100.9", PROTO_TCP, 22) == "maybe"
    assert any(doubt in p["reason"] for p in rep.partially_understood)


@pytest.mark.parametrize(
    "action", ["set ip dscp cs1", "service-policy CHILD", "police 8000 conform-action set-dscp-transmit af11"]
)
def test_a_class_action_not_modelled_is_maybe_both_ways(action):
    """Over a class-default drop and a class-default pass alike: never certain."""
    for default in ("drop", ""):
        dev, rep = parse(
            f"""\
            policy-map COPP
             class COPP-CHO-PHEP
              {action}
             class class-default
              {default}
            control-plane
             service-policy input COPP
            """
        )
        assert verdict(dev, "10.20.10.5", PROTO_UDP, 53) == "maybe"
        assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == ("drop" if default else "pass")
        assert rep.partially_understood


@pytest.mark.parametrize(
    "control",
    [
        "control-plane\n service-policy input COPP\n service-policy output COPP\n",
        "control-plane host\n service-policy input COPP\n",
        "control-plane\n service-policy input KHONG-CO\n",
        "policy-map type inspect COPP\n class COPP-CHAN\n  drop\ncontrol-plane\n service-policy input COPP\n",
    ],
)
def test_what_changes_the_whole_policy_makes_it_partial(control):
    dev, rep = parse(control if "policy-map" in control else POLICY.split("control-plane")[0] + control)
    assert dev.input_filter is not None
    assert dev.filters[dev.input_filter].partial
    assert any(p["construct"] == "control-plane" for p in rep.partially_understood)


def test_without_control_plane_policy_no_input_filter_and_qos_policies_change_nothing():
    """Guard: a QoS policy-map on no control plane (the common case) leaves the device
    as before — no input filter, no partial, its lines counted as understood."""
    dev, rep = parse(
        """\
        policy-map GIOI-HAN-KHACH
         class class-default
          shape average 20000000
          fair-queue
        control-plane
        """
    )
    assert dev.input_filter is None
    assert not rep.partially_understood and not rep.unrecognized


def test_numbered_acl_and_match_any_classes():
    """``match access-group 120`` (a numbered ACL) and ``match any`` (every packet)."""
    dev, rep = parse(
        """\
        access-list 120 permit icmp 10.20.99.0 0.0.0.255 any echo
        class-map match-any COPP-PING-QUANTRI
         match access-group 120
        class-map COPP-CON-LAI
         match any
        policy-map COPP
         class COPP-PING-QUANTRI
         class COPP-CON-LAI
          police rate 100 pps
           conform-action drop
        control-plane
         service-policy input COPP
        """
    )
    assert not rep.partially_understood
    assert verdict(dev, "10.20.99.5", PROTO_ICMP, icmp_type=8) == "pass"
    assert verdict(dev, "10.20.10.5", PROTO_ICMP, icmp_type=8) == "drop"
    assert verdict(dev, "198.51.100.9", PROTO_UDP, 53) == "drop"


def test_a_dual_stack_class_gets_no_ipv4_packet_from_its_ipv6_access_list():
    """IOS-XE dual-stack CoPP classes name an IPv4 and an IPv6 ACL (``match-any``): the
    IPv6 one adds no IPv4 packet, the class is what the IPv4 ACL says (it was partial:
    an ACL the parser did not know) — in a ``match-all`` the class holds no IPv4 packet."""
    v6 = """\
    ipv6 access-list COPP-NOI-BO-V6
     permit ipv6 2001:db8:10::/64 any
    class-map match-{kind} COPP-CHAN-V6
     match access-group name COPP-NOI-BO
     match access-group name COPP-NOI-BO-V6
    policy-map COPP
     class COPP-CHAN-V6
      drop
     class class-default
    control-plane
     service-policy input COPP
    """
    dev, rep = parse(v6.format(kind="any"))
    assert not rep.partially_understood and not rep.unrecognized
    assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == "drop"  # the IPv4 ACL's packets
    assert verdict(dev, "10.20.99.5", PROTO_TCP, 22) == "pass"
    dev, rep = parse(v6.format(kind="all"))
    assert not rep.partially_understood
    assert verdict(dev, "10.20.10.5", PROTO_TCP, 22) == "pass"  # no IPv4 packet in the class
