"""The partial reasons of the Cisco IOS and ASA parsers are catalogue texts, worded in
Vietnamese too.

A reason a construct is only partly understood reaches every report: the reason of an
"unknown" matrix cell and the list of partially understood constructs.  An English
string there is English in a Vietnamese report as well.  Every reason these parsers
store (on filters, filter lines, interfaces, routes, policy routes, NAT rules, services,
broadcast forwarding) or list (``ParseReport.partially_understood``) must be a catalogue
:class:`~netaudit.messages.Text` — several reasons of one construct an ``input.joined``
text of texts — whose Vietnamese differs from its English: the fixtures and samples, and
configurations written below to give every ``input.ios.*`` / ``input.asa.*`` reason.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SAMPLES

from netaudit import parsers
from netaudit.inputs import load_snapshot
from netaudit.messages import CATALOGUE, Text
from netaudit.parsers import cisco_asa, cisco_ios

COVERED = ("cisco_ios", "cisco_asa")
# Fields of a reason's text that hold reasons themselves (a joined list, "where: what" of
# a named block …): each must be a text too.
REASON_FIELDS = frozenset({"why", "what", "parts"})
# The input.ios.* / input.asa.* entries that are parser warnings, not partial reasons
# (tests/parsers/test_warning_texts.py), and the ASA's IPsec tunnel reasons, which have
# their own tests (tests/parsers/cisco_asa/test_vpn.py, tests/report/test_partial_reason_text.py).
NOT_HERE = frozenset({
    "input.ios.acl_empty", "input.ios.ip_routing_assumed",
    "input.asa.access_group_unusable", "input.asa.acl_standard",
    "input.asa.acl_undefined", "input.asa.nameif_twice", "input.asa.address_no_nameif",
    "input.asa.subinterface_no_vlan", "input.asa.resolution_failed", "input.asa.vpn_on_default",
    "input.asa.vpn_on_line", "input.asa.vpn_bypass", "input.asa.vpn_filter_permits",
    "input.asa.vpn_no_filter", "input.asa.vpn_filter_denies", "input.asa.l2tp_no_protocol",
    "input.asa.l2tp_no_transport",
})  # fmt: skip
DEFAULT_PREFIXES = ("input.ios.default.", "input.asa.default.")
# (input.ios.default.* / input.asa.default.* are filters' default actions, not reasons:
# tests/parsers/test_default_texts.py.)
PARTIAL_KEYS = {
    k
    for k in CATALOGUE
    if k.startswith(("input.ios.", "input.asa.")) and k not in NOT_HERE and not k.startswith(DEFAULT_PREFIXES)
}


def reasons(devices, reports) -> list:
    """Every partial reason the devices store and the reports list."""
    out: list = []
    for dev in devices:
        for flt in dev.filters.values():
            out += [flt.partial, *(line.partial for line in flt.lines)]
        out += [itf.partial for itf in dev.interfaces.values()]
        out += [r.partial for r in dev.routes] + [r.partial for r in dev.policy_routes]
        out += [r.partial for r in dev.nat_rules] + [s.partial for s in dev.services]
        if dev.broadcast_forwarding is not None:
            out += [dev.broadcast_forwarding.partial, dev.broadcast_forwarding.maybe_reason]
    out += [p["reason"] for rep in reports for p in rep.partially_understood]
    return [r for r in out if r]


def _plain(reason) -> list:
    """The reasons inside ``reason`` (itself included) that are not catalogue texts."""
    if not isinstance(reason, Text):
        return [reason]
    inner = [x for k, v in reason.fields if k in REASON_FIELDS for x in (v if isinstance(v, tuple) else (v,))]
    return [p for x in inner for p in _plain(x)]


def untranslated(found) -> list:
    """The reasons that are (or hold) an English string, or read the same in Vietnamese."""
    return [r for r in found if _plain(r) or r.render("vi") == r.render("en")]


def keys(found) -> set[str]:
    """The catalogue keys of the reasons and of every text inside them."""
    out, todo = set(), list(found)
    while todo:
        r = todo.pop()
        if isinstance(r, Text):
            out.add(r.key)
            todo += [x for _, v in r.fields for x in (v if isinstance(v, tuple) else (v,))]
    return out


def parse(module, text: str):
    """``text`` parsed as a user's file is (the dialect check included: it adds reasons)."""
    result = module.parse(text, "r.cfg")
    parsers.assess(result, text)
    return result


def test_the_fixtures_and_samples_give_their_partial_reasons_in_vietnamese_too():
    folders = [FIXTURES / vendor for vendor in COVERED]
    folders += sorted(d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file())
    seen = []
    for folder in folders:
        snap = load_snapshot([folder])
        devices = [d for d in snap.devices if d.vendor in COVERED]
        found = reasons(devices, [rep for rep in snap.reports if rep.vendor in COVERED])
        assert untranslated(found) == [], folder
        seen += found
    # the fixtures do give reasons (the test is not vacuous)
    assert {
        "input.ios.unnumbered",
        "input.ios.crypto_tunnel",
        "input.ios.nat_port_static",
        "input.ios.smart_install_default",
        "input.asa.legacy_real",
        "input.asa.legacy_static",
        "input.asa.vpn_bypass",
    } <= keys(seen)


# --------------------------------------------------------------------------- IOS

IOS_LINES = """\
hostname r1
!
ip access-list extended PARTS
 permit ip any any dscp ef
 permit tcp any any bogus
 dynamic LOCK permit ip any any
ip access-list extended BROKEN
 permit ip any any
 frobnicate
object-group network OGBAD
 foo bar
access-list 102 permit ip object-group OGBAD any
access-list 103 permit ip object-group NOPE any
access-list 110 permit ip 10.0.1.0 0.0.0.255 10.9.0.0 0.0.255.255
access-list 111 permit ip any any dscp ef
access-list 112 permit gre host 192.0.2.2 host 198.51.100.1
access-list 113 permit ip 10.0.1.0 0.0.0.255 10.8.0.0 0.0.255.255
access-list 10 permit 10.0.0.0 0.255.255.255
!
interface GigabitEthernet0/0
 ip address 192.0.2.2 255.255.255.252
 ip nat outside
interface GigabitEthernet0/1
 ip address 10.0.1.1 255.255.255.0
 ip nat inside
 ip unnumbered Loopback0
 ip access-group 102
 ip verify unicast reverse-path 10
 ip vrf receive X
 service-policy input QOS
 xconnect 192.0.2.9 100 encapsulation mpls
 bridge-group 1
 ip nat enable
 ip wccp web-cache redirect in
 ip admission RULE
 ip auth-proxy PROXY
 ip audit AUDIT in
 ip ips IPS in
 mac access-group MAC in
 service instance 1 ethernet
 ip traffic-export apply EXPORT
 ip security dedicated confidential genser
 zone-member foo
 ip inspect FW
 crypto map VPN redundancy HSRP
 pppoe something
 pppoe-client foo
interface GigabitEthernet0/1.10
 encapsulation dot1Q 10 second-dot1q 20
interface GigabitEthernet0/2
 switchport mode private-vlan host
 switchport private-vlan host-association 10 20
interface GigabitEthernet0/3
 switchport mode dynamic desirable
interface GigabitEthernet0/6
 switchport mode access
 switchport access vlan 10
 ip access-group 10 in
interface GigabitEthernet0/4
 no switchport
 pppoe enable group global
interface Vlan10
 ip address 10.0.10.1 255.255.255.0
vlan access-map VMAP 10
vlan filter VMAP vlan-list 10
vlan 20
 private-vlan primary
!
ip route vrf X 10.9.0.0 255.255.0.0 10.0.0.1 global
ip route 0.0.0.0 0.0.0.0 dhcp
!
ip nat pool P 192.0.2.10 192.0.2.20 netmask 255.255.255.0
ip nat inside source route-map RM interface GigabitEthernet0/0 overload
ip nat inside source static network 10.0.0.0 192.0.2.0 /24
ip nat inside source static 10.0.1.7 192.0.2.7 route-map NAT-ONLY
ip nat outside source static tcp 198.51.100.1 80 10.0.1.9 80
ip nat inside source static tcp 10.0.1.5 443 interface GigabitEthernet0/0 8443
ip nat inside source static tcp 10.0.1.6 80 interface Dialer9 80
ip nat inside source list 10 pool NOPOOL overload
ip nat inside source list 10 pool P
!
interface GigabitEthernet0/5
 ip address 10.0.5.1 255.255.255.0
 ip policy route-map PBR
route-map PBR permit 10
 match ip address NOACL
 set ip next-hop 10.0.5.2 10.0.5.3
route-map PBR permit 20
 match ip address PARTS
 match length 10 100
 set ip next-hop 10.0.5.2
"""

# One crypto map per interface: a map is not modelled for its first doubt only.
CRYPTO_MAPS = {
    "M1": "crypto map M1 isakmp-profile P1\ncrypto map M1 10 ipsec-isakmp\n",
    "M2": "crypto map M2 10 ipsec-isakmp dynamic DYN\n",
    "M3": "crypto map M3 10 gdoi\n",
    "M4": "crypto map M4 10 ipsec-isakmp\n set peer 192.0.2.9\n match address 110\n reverse-route\n",
    "M5": "crypto map M5 10 ipsec-isakmp\n set peer 192.0.2.9\n",
    "M6": "crypto map M6 10 ipsec-isakmp\n set peer 192.0.2.9\n match address NOCRYPTO\n",
    "M7": "crypto map M7 10 ipsec-isakmp\n set peer 192.0.2.9\n match address 10\n",
    "M8": "crypto map M8 10 ipsec-isakmp\n set peer 192.0.2.9\n match address BROKEN\n",
    "M9": "crypto map M9 10 ipsec-isakmp\n set peer 192.0.2.9\n match address 111\n",
    "M10": "crypto map M10 10 ipsec-isakmp\n set peer 192.0.2.9\n match address 112\n",
    "M11": "",
    "M12": "crypto map M12 10 ipsec-isakmp\n set peer 192.0.2.9\n match address 113\n",
}
IOS_CRYPTO = IOS_LINES + "".join(
    f"{body}interface GigabitEthernet1/{n}\n ip address 172.16.{n}.1 255.255.255.0\n crypto map {name}\n"
    for n, (name, body) in enumerate(CRYPTO_MAPS.items())
)

# An ACL used whose definition is another dialect's (a config that looks like IOS-XR
# as a whole would make every construct partial: kept apart).
IOS_UNREAD_ACL = """\
hostname r9
ipv4 access-list UNREAD
interface GigabitEthernet0/0
 ip address 192.0.2.2 255.255.255.252
 ip access-group UNREAD in
"""

IOS_IKE = """\
hostname r2
crypto isakmp policy 10
 encryption aes
no crypto isakmp
"""

IOS_VPDN = """\
hostname r3
vpdn softshut
vpdn-group G1
 accept-dialin
  protocol l2tp
  virtual-template 1
 vpn vrf X
 l2tp security crypto-profile P
 bogus line here
vpdn-group G2
 accept-dialin
vpdn-template T
 vpn vrf X
interface GigabitEthernet0/0
 ip address 10.0.0.1 255.255.255.0
vstack director 10.0.0.1
"""

IOS_BROADCASTS = """\
hostname r4
no service dhcp
interface GigabitEthernet0/0
 ip address 10.0.0.1 255.255.255.0
 ip helper-address 10.9.9.9
no ip forward-protocol udp
ip forward-protocol udp bogusport
ip forward-protocol spanning-tree
ip forward-protocol any-local-broadcast
ip forward-protocol sdns
ip forward-protocol weird thing
"""

IOS_COPP = """\
hostname r5
access-list 120 permit tcp any any eq 22
access-list 121 permit udp any any eq 161
access-list 122 deny tcp any any eq 23
access-list 122 permit tcp any any
class-map match-all CM1
 match access-group 120
 match access-group 121
class-map CM2
 match ip dscp ef
class-map type inspect CM3
 match protocol http
class-map CM4
 match access-group name NOACL
class-map CM5
 match access-group 122
class-map CM6
 description nothing matched
class-map CM8
 match access-group 120
policy-map COPP
 class CM1
  police 8000 conform-action transmit exceed-action drop
 class CM2
  drop
 class CM3
 class CM4
  police 8000 conform-action set-dscp-transmit af11
 class CM5
 class CM6
 class NOCM
 class CM7
  set dscp ef
 class CM8
  police 8000 conform-action drop exceed-action transmit
control-plane
 service-policy input COPP
 service-policy output OUT
control-plane host
"""

IOS_COPP_UNDEFINED = "hostname r6\ncontrol-plane\n service-policy input NOPM\n"
IOS_COPP_TYPED = (
    "hostname r7\npolicy-map type inspect PMI\n class class-default\ncontrol-plane\n service-policy input PMI\n"
)

IOS_ZBF = """\
hostname r8
zone security in
zone security out
zone security default
zone bogus
zone-pair security P1 source in destination out
 service-policy type inspect PM1
zone-pair security P4 source out destination out
 bogus
zone-pair security P2 source out destination in
 service-policy type inspect NOPM
zone-pair security P3 source in destination self
 service-policy type inspect PM1
interface GigabitEthernet0/0
 ip address 10.0.1.1 255.255.255.0
 ip nat inside
 zone-member security in
interface GigabitEthernet0/1
 ip address 192.0.2.2 255.255.255.252
 ip nat outside
 zone-member security out
interface GigabitEthernet0/2
 zone-member security in
 zone-member security out
interface GigabitEthernet0/3
 zone-member security ghost
interface GigabitEthernet0/4
 zone-member security a b
ip port-map http port tcp 8080
access-list 130 permit ip host 10.0.1.7 any
access-list 131 permit ip 10.0.1.0 0.0.0.255 any
access-list 132 permit ip host 10.0.1.5 any
ip nat inside source static 10.0.1.5 192.0.2.5
class-map type inspect match-any C1
 match protocol ftp
 match protocol bogusproto
 match protocol http
class-map type inspect C2
 match access-group 130
 match access-group 131
class-map C3
 match access-group 130
class-map type inspect C4
 match class-map C4
class-map type inspect C5
 description nothing matched
class-map type inspect C6
 match access-group name NOACL
class-map type inspect C7
 match access-group 132
class-map type inspect C8
 match protocol tcp
policy-map type inspect PM1
 class type inspect C1
  inspect
 class type inspect C2
  inspect
 class C3
  inspect
 class type inspect C4
  inspect
 class type inspect C5
  inspect
 class type inspect C6
  inspect
 class type inspect C7
  inspect
 class type inspect C8
 class type inspect NOCLASS
  inspect
 class class-default
  drop
access-list 140 permit ip any any
class-map CP
 match access-group 140
policy-map COPP
 class CP
control-plane
 service-policy input COPP
"""

# A Catalyst access switch (routing off) without a vstack line, on a release that may have
# the Smart Install client on by default.
IOS_SWITCH = """\
version 15.2
hostname sw1
interface FastEthernet0/1
 switchport mode access
ip default-gateway 10.0.0.254
"""

IOS_CONFIGS = {
    "ios-lines-crypto": IOS_CRYPTO,
    "ios-unread-acl": IOS_UNREAD_ACL,
    "ios-ike": IOS_IKE,
    "ios-vpdn": IOS_VPDN,
    "ios-broadcasts": IOS_BROADCASTS,
    "ios-copp": IOS_COPP,
    "ios-copp-undefined": IOS_COPP_UNDEFINED,
    "ios-copp-typed": IOS_COPP_TYPED,
    "ios-zbf": IOS_ZBF,
    "ios-switch": IOS_SWITCH,
}

# --------------------------------------------------------------------------- ASA

ASA_HEAD = """\
: Saved
ASA Version 9.8(4)
hostname fw
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.252
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 10.0.0.1 255.255.255.0
interface GigabitEthernet0/3
 nameif noaddr
 security-level 50
"""

ASA_MAIN = (
    ASA_HEAD
    + """\
interface GigabitEthernet0/2
 nameif dmz
 security-level 50
 ip address 10.0.2.1 255.255.255.0
 bridge-group 1
 pppoe client route distance 10
 policy-route route-map X
 wccp web-cache redirect in
 vlan secondary 20
interface Ethernet0/5
 switchport mode dot1q-tunnel
object network FQDN
 fqdn www.example.com
 nat (inside,outside) static 192.0.2.9
object network OBJ1
 host 10.0.0.5
object network OBJ2
 host 10.0.0.6
object network OBJ3
 host 10.0.0.7
object network OBJ4
 host 192.0.2.20
object network OBJNET2
 range 10.0.0.10 10.0.0.11
object network OBJNET3
 range 192.0.2.30 192.0.2.32
object network RANGE
 range 192.0.2.40 192.0.2.50
object network V6
 host 2001:db8::1
object network BIG
 subnet 10.1.0.0 255.255.254.0
object network BIG2
 subnet 192.0.4.0 255.255.254.0
object service SVC80
 service tcp destination eq 80
object service SVC8080
 service tcp destination eq 8080
object service SVCANY
 service tcp destination range 1 100
object-group service SG
 port-object eq 80
object-group service PG tcp
 port-object eq 443
 service-object tcp destination eq 22
object-group network BADG
 network-object bogus
access-list ACL1 extended permit ip user LOCAL\\bob any any
access-list ACL1 extended permit ip any interface noaddr
access-list ACL1 extended permit ip any any time-range TR
access-list ACL1 extended permit ip object NOOBJ any
access-list ACL1 extended permit ip object-group NOGRP any
access-list ACL1 extended permit ip any interface ghost
access-list ACL1 extended permit tcp any any bogus
access-list ACL1 extended permit ip object FQDN any
access-list ACL1 extended permit tcp any any object-group PG
access-list ACL1 extended permit ip object-group BADG any
access-group ACL1 in interface inside
nat (inside,outside) source static OBJ1 OBJ1 destination static OBJ2 OBJ3
nat (inside,outside) source static OBJ1 OBJ4 destination static OBJ2 OBJ3
nat (inside,outside) source static OBJ1 OBJ4 service SVCANY SVC80
nat (inside,any) source dynamic OBJ1 interface
nat (inside,outside) source dynamic OBJ2 V6
nat (inside,outside) source dynamic OBJ3 RANGE
nat (inside,outside) source static OBJNET2 interface
nat (inside,any) source static OBJ1 interface
nat (inside,noaddr) source static OBJ2 interface
nat (inside,outside) source static OBJ3 OBJ4 service SVC80 SVC8080
nat (inside,outside) source static any OBJ4
nat (inside,outside) source static BIG BIG2
nat (inside,outside) source static OBJNET2 OBJ4
nat (inside,outside) source static OBJNET2 OBJNET3
nat (inside,outside) source static NOOBJ OBJ4
nat (inside,outside) source static FQDN OBJ4
nat (inside,outside) source static OBJ1 OBJ4 bogus
cluster group C
policy-route route-map X
wccp web-cache
established tcp 80
conduit permit tcp any any
outbound 10 permit 0 0 0
context admin
management-access inside
route outside 0.0.0.0 0.0.0.0 192.0.2.1 tunneled
: end
"""
)

ASA_TRANSPARENT = ASA_HEAD.replace("hostname fw\n", "hostname fw\nfirewall transparent\n") + ": end\n"

ASA_LEGACY = """\
: Saved
ASA Version 8.2(5)
hostname fw82
interface Vlan1
 nameif inside
 security-level 100
 ip address 10.0.0.1 255.255.255.0
interface Vlan2
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.0
interface Vlan3
 nameif dmz
 security-level 50
 ip address 10.0.3.1 255.255.255.0
nat-control
access-list OUT extended permit tcp any host 192.0.2.5 eq www
access-group OUT in interface outside
static (inside,outside) 192.0.2.5 10.0.0.5 netmask 255.255.255.255
static (inside,outside) 192.0.2.6 access-list PNAT
nat (inside) 1 10.0.0.0 255.255.255.0
global (outside) 1 interface
nat (inside) 0 access-list NONAT
nat (dmz) 2 10.0.3.0 255.255.255.0
global (inside) 2 10.0.0.200
nat (inside) 3 access-list PNAT2
global (outside) 3 192.0.2.7
static (inside) 192.0.2.8 10.0.0.8
: end
"""

ASA_CONFIGS = {"asa-main": ASA_MAIN, "asa-transparent": ASA_TRANSPARENT, "asa-pre83-nat": ASA_LEGACY}
CONFIGS = [(cisco_ios, name, text) for name, text in IOS_CONFIGS.items()]
CONFIGS += [(cisco_asa, name, text) for name, text in ASA_CONFIGS.items()]


@pytest.mark.parametrize(("module", "text"), [pytest.param(m, t, id=name) for m, name, t in CONFIGS])
def test_each_configuration_gives_its_partial_reasons_in_vietnamese(module, text):
    result = parse(module, text)
    found = reasons(result.devices, [result.report])
    assert found  # each gives some
    assert untranslated(found) == []


def test_every_ios_and_asa_partial_reason_is_given_in_vietnamese():
    """The configurations above give every input.ios.* / input.asa.* partial reason of
    the catalogue: a reason added there without a configuration giving it fails here."""
    found = []
    for module, _name, text in CONFIGS:
        result = parse(module, text)
        found += reasons(result.devices, [result.report])
    assert untranslated(found) == []
    assert sorted(PARTIAL_KEYS - keys(found)) == []
