"""Huawei VRP partial reasons are catalogue texts, worded in Vietnamese too.

Why a command, an ACL, a traffic policy, a NAT rule, a service or an interface is only
partly understood is the reason of an "unknown" cell and a line of the report's list of
partially understood constructs: an English string there is English in a Vietnamese
report.  Every such reason of the VRP parser must be a catalogue text (several of one
construct joined as one ``input.joined`` text) whose Vietnamese differs from its English:
on the fixtures and samples, and on the configuration below, written so that every reason
the parser words is given at least once.
"""

from __future__ import annotations

from helpers import partial_reasons, text_keys, untranslated, vendor_inputs

from netaudit.parsers import huawei_vrp

# The reasons the parser words (input.vrp.*), each given by the inputs below.
REASONS = (
    # commands not modelled (syntax.TOP_PARTIAL, IFACE_PARTIAL, VLAN_PARTIAL)
    "firewall_interzone",
    "firewall_default",
    "pbr",
    "mpls",
    "vsi",
    "l2tp_group",
    "ipsec",
    "ike",
    "super_vlans",
    "super_vlan",
    "mux_vlans",
    "mux_vlan",
    "vlan_mapping",
    "qinq",
    "vlan_stacking",
    "qinq_termination",
    "ipsec_policy_iface",
    "vsi_binding",
    "zone_member",
    "mac_vlan",
    "subnet_vlan",
    "protocol_vlan",
    "ip_unnumbered",
    "ppp_ipcp",
    "firewall_zones",
    "security_policy",
    "policy_interzone",
    "service_manage",
    "line_unread",
    # ACLs and traffic policies
    "wildcard_prefix",
    "tcp_flag",
    "option_unmodelled",
    "acl_kind",
    "match_order_auto",
    "policy_undefined",
    "pair_undefined",
    "classifier_unread",
    "behavior_unread",
    "classifier_and",
    "classifier_acl_undefined",
    "classifier_deny",
    # interfaces
    "unnumbered",
    "dot1q_form",
    "l2_acl_filter",
    "filter_option",
    "packet_filter",
    "dot1q_tunnel",
    "lnp",
    "filter_and_policy",
    "filter_order",
    # NAT
    "nat_group_sections",
    "nat_group_unread",
    "nat_group_first",
    "nat_acl_undefined",
    "nat_and_filter",
    "nat_server_address",
    "nat_server_vpn",
    "nat_server_ports",
    # services, WLAN
    "server_default",
    "vty_protocol_default",
    "http_default",
    "server_source_default",  # (the AR651 V300R019 fixtures)
    "server_source_no_version",
    "server_source_unread",
    "server_source_missing",
    "server_source_address_unknown",
    "server_source_address_more",
    "snmp_source_default",  # (the AR651 V300R019 PPPoE fixture's agent)
    "snmp_source_missing",
    "permit_interface",
    "web_server_source",
    "wlan_vlans",
)

# An AR router doing a bit of everything the model does not capture.
AR = """\
#
sysname AR-XA
#
vlan batch 10 20 100 101
#
vlan 100
 aggregate-vlan
vlan 101
 mux-vlan
#
firewall zone trust
 priority 85
#
firewall interzone trust untrust
firewall packet-filter default permit interzone trust untrust
security-policy
 rule name lan-to-dmz
  action permit
policy interzone trust untrust outbound
 policy 10
  action permit
policy-based-route PBR permit node 10
mpls lsr-id 1.1.1.1
vsi V1
l2tp-group 1
ipsec proposal P1
ike peer PEER
super-vlan 100
mux-vlan 101
vlan-mapping enable
#
nat address-group 1 203.0.113.10 203.0.113.12
nat address-group 2
 section 0 203.0.113.20 203.0.113.21
#
acl number 2000
 rule 5 permit source 10.0.10.0 24
#
acl number 3000
 rule 5 permit tcp destination-port eq 80 tcp-flag syn
 rule 10 permit ip source 10.0.20.0 0.0.0.255 time-range GIO-HC
 rule 15 permit ip fragment
 rule 20 permit bogus
#
acl number 3001 match-order auto
 rule 5 deny ip source 10.0.20.5 0
 rule 10 permit ip
#
acl number 3002
 rule 5 permit ip source 10.0.10.0 0.0.0.255
 rule 10 deny ip
#
acl number 4000
 rule 5 permit
#
traffic classifier C1 operator and
 if-match acl 3001
 if-match acl 3002
 if-match vlan-id 10
 bogus clause
traffic classifier C3 operator or
 if-match acl 3999
traffic behavior B1
 deny
 redirect ip-nexthop 10.0.0.9
traffic policy P1
 classifier C1 behavior B1
 classifier C2 behavior B2
 classifier C3 behavior B1
 nonsense here
#
traffic-filter inbound acl 3000
#
interface Vlanif10
 ip address 10.0.10.1 255.255.255.0
 traffic-filter inbound acl 3000
 traffic-policy P1 inbound
#
interface Vlanif20
 ip address 10.0.20.1 255.255.255.0
 ip address 10.0.21.1 255.255.255.0 sub
 traffic-policy P1 inbound
 traffic-policy P-GHOST outbound
 traffic-filter outbound acl 4000
#
interface GigabitEthernet0/0/1
 ip address 203.0.113.2 255.255.255.0
 nat outbound 3000 address-group 1
 nat outbound 3000 address-group 2
 nat outbound 3999
 traffic-filter outbound acl 3000
 nat server protocol tcp global 203.0.113.5 80 inside 10.0.20.5 80 vpn-instance V
 nat server protocol tcp global 203.0.113.6 1000 1010 inside 10.0.20.6 2000 2010
 firewall packet-filter 3000 inbound
 ip policy-based-route PBR
 mpls
 ipsec policy P
 zone trust
#
interface GigabitEthernet0/0/2
 service-manage ping permit
 nat server protocol tcp global current-interface 8080 inside 10.0.20.7 80
#
interface GigabitEthernet0/0/3
 port link-type dot1q-tunnel
 qinq vlan-translation enable
 port vlan-stacking vlan 10 stack-vlan 100
 port vlan-mapping vlan 20 map-vlan 200
 l2 binding vsi V1
 mux-vlan enable
 firewall zone trust
 mac-vlan enable
 ip-subnet-vlan enable
 protocol-vlan 1
 port protocol-vlan vlan 10 0
#
interface GigabitEthernet0/0/4
 port link-type negotiation-desirable
#
interface GigabitEthernet0/0/5.10
 dot1q termination vid 10 20
 qinq termination pe-vid 100 ce-vid 10
#
interface Dialer1
 ip address unnumbered interface LoopBack0
 ip unnumbered interface LoopBack0
 ppp ipcp dns admit-any
#
interface LoopBack0
 ip address 10.255.0.1 255.255.255.255
 traffic-filter inbound acl 3000 rule 5
#
ssh server-source physic-isolate -i GigabitEthernet0/0/1 -a 203.0.113.2
telnet server permit interface GigabitEthernet0/0/1
ssh server-source -i LoopBack9
ssh server-source -a 192.0.2.77
ssh server-source -a 10.0.20.1
http server-source -i LoopBack0
snmp-agent community read cipher %^%#Qz8kL1mN3pR5tV7x%^%#
snmp-agent protocol source-interface LoopBack9
#
user-interface vty 0 4
 authentication-mode aaa
 bogus vty line
#
return
"""


def _given() -> list[str]:
    """The reasons of the configuration above."""
    res = huawei_vrp.parse(AR, "ar.cfg")
    return partial_reasons(res.devices, [res.report])


def test_the_fixtures_and_samples_say_why_in_vietnamese_too():
    reasons = partial_reasons(*vendor_inputs("huawei_vrp"))
    assert reasons  # the fixtures have partial constructs (not vacuous)
    assert untranslated(reasons) == []


def test_every_partial_reason_is_worded_in_vietnamese():
    given = _given()
    assert untranslated(given) == []
    seen = text_keys(given + partial_reasons(*vendor_inputs("huawei_vrp")))
    assert {k for k in seen if k.startswith("input.vrp.")} == {f"input.vrp.{k}" for k in REASONS}
