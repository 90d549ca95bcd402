"""OpenWrt partial reasons are catalogue texts, worded in Vietnamese too.

Why a firewall rule, a redirect, an ipset, a route, an ``ip rule``, a service or an
interface is only partly understood is the reason of an "unknown" cell and a line of the
report's list of partially understood constructs: an English string there is English in
a Vietnamese report.  Every such reason of the OpenWrt parser must be a catalogue text
(several of one construct joined as one ``input.joined`` text) whose Vietnamese differs
from its English: on the fixtures and samples, and on the configurations below, written
so that every reason the parser words is given at least once.
"""

from __future__ import annotations

from helpers import partial_reasons, text_keys, untranslated, vendor_inputs

from netaudit.parsers import openwrt
from netaudit.parsers.openwrt.fw_conditions import IpSet, _ipset_match

# The reasons the parser words (input.openwrt.*), each given by the inputs below.
REASONS = (
    # the firewall
    "no_firewall_package",
    "zone_extra",
    "notrack",
    "port_range_first",
    "reflection_zones",
    "masq_no_devices",
    "include_script",
    "include_missing",
    # ipsets
    "ipset_disabled",
    "ipset_no_type",
    "ipset_not_created",
    "ipset_unmodelled",
    "ipset_loadfile",
    "ipset_timeout",
    "ipset_dnsmasq",
    "ipset_no_entry",
    "ipset_no_ipv4",
    "ipset_undefined",
    "ipset_members_unknown",
    # rule and redirect options
    "what_source",
    "what_destination",
    "what_ipset_entry",
    "what_source_port",
    "what_destination_port",
    "mask_noncontiguous",
    "value_unread",
    "host_name",
    "port_unread",
    "port_out_of_range",
    "protocol_negated",
    "protocol_unknown",
    "icmp_type_unknown",
    "option_narrowing",
    "narrow_src_mac",
    "narrow_limit",
    "narrow_time",
    "narrow_date",
    "narrow_weekdays",
    "narrow_monthdays",
    "narrow_mark",
    "narrow_dscp",
    "narrow_helper",
    "narrow_extra",
    # interfaces, routes, rules, wireless, packages
    "vpn_tunnel",
    "proto_unmodelled",
    "wireguard_port",
    "qinq_device",
    "device_type_unmodelled",
    "vlan_on_port",
    "switch_port_tagged",
    "ip4table",
    "route_no_device",
    "gateway_unread",
    "route_type",
    "wireguard_peer",
    "rule_priority_mix",
    "rule_value_unread",
    "rule_option",
    "rule_action",
    "none",
    "wifi_mode",
    "wifi_mode_links",
    "wifi_network_undefined",
    "wifi_bridge_no_vlan",
    "wifi_not_bridge",
    "package_broken",
    "package_unmodelled",
    "pkg_mwan3",
    "pkg_pbr",
    "pkg_vpn_policy_routing",
    "pkg_openvpn",
    "pkg_bcp38",
    "pkg_banip",
    "pkg_nft_qos",
    "pkg_tinc",
    # services and proxies
    "dropbear_runtime",
    "dnsmasq_listen",
    "package_unread",
    "squid_conf",
    "ss_package",
    "ss_rules",
    "proxy_port_unread",
    "proxy_host_name",
)

# A router doing a bit of everything the model does not capture.
ROUTER = """\
package network

config device
\toption name 'br-lan'
\toption type 'bridge'
\tlist ports 'lan1'
\tlist ports 'lan2'

config interface 'lan'
\toption device 'br-lan'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'
\toption ip4table '100'

config interface 'iot'
\toption device 'lan1.5'
\toption proto 'static'
\toption ipaddr '192.168.5.1/24'

config device
\toption name 'br-vl'
\toption type 'bridge'
\tlist ports 'lan3'
\tlist ports 'lan4'

config bridge-vlan
\toption device 'br-vl'
\toption vlan '30'
\tlist ports 'lan3'

config interface 'vl'
\toption device 'br-vl'
\toption proto 'static'
\toption ipaddr '192.168.30.1/24'

config device
\toption name 'qq0'
\toption type '8021ad'
\toption ifname 'eth9'
\toption vid '100'

config device
\toption name 'mv0'
\toption type 'macvlan'

config interface 'wan'
\toption device 'wan'
\toption proto 'dhcp'

config interface 'lte'
\toption device 'usb0'
\toption proto 'relay'

config interface 'wg0'
\toption proto 'wireguard'
\tlist addresses '10.200.0.1/24'

config wireguard_wg0
\toption description 'chi-nhanh'
\toption route_allowed_ips '1'
\tlist allowed_ips '10.201.0.0/24'

config interface 'eth1net'
\toption device 'eth1'
\toption proto 'static'
\toption ipaddr '192.168.8.1/24'

config route
\toption interface 'ghost'
\toption target '10.50.0.0/16'

config route
\toption interface 'lan'
\toption target '10.51.0.0/16'
\toption gateway 'bogus'

config route
\toption interface 'lan'
\toption target '10.52.0.0/16'
\toption type 'throw'

config rule
\toption priority '100'
\toption src 'bogus'
\toption lookup '100'

config rule
\toption mark '0x1'
\toption out 'wan'
\toption src '192.168.1.0/24'

package wireless

config wifi-iface 'p2p'
\toption device 'radio0'
\toption mode 'p2p'
\toption network 'lan'

config wifi-iface 'mesh'
\toption device 'radio0'
\toption mode 'mesh'
\toption network 'lan'

config wifi-iface 'ghost'
\toption device 'radio1'
\toption mode 'ap'
\toption network 'nowhere'
\toption ssid 'x'

config wifi-iface 'vl'
\toption device 'radio1'
\toption mode 'ap'
\toption network 'vl'
\toption ssid 'y'

config wifi-iface 'eth1'
\toption device 'radio1'
\toption mode 'ap'
\toption network 'eth1net'
\toption ssid 'z'

package dhcp

config dnsmasq
\toption listen_address '192.168.1.1'
\tlist ipset '/dichvucong.gov.vn/set-dns'

package dropbear

config dropbear
\toption Port '22'
\toption Interface 'wan'

package mwan3
config globals 'globals'
package pbr
config pbr 'config'
package vpn-policy-routing
config vpn-policy-routing 'config'
package openvpn
config openvpn 'x'
package bcp38
config bcp38
package banip
config banip 'global'
package nft-qos
config default 'default'
package tinc
config tinc-net 'x'
\toption enabled '1'

package samba4

config samba
\toption workgroup 'WORKGROUP'

package squid

config squid 'squid'
\toption http_port '3128'

package tinyproxy

config tinyproxy
\toption enabled '1'
\toption Port 'abc'
\toption Listen 'proxy.lan'

package shadowsocks-libev

config ss_local
\toption local_port '1080'

config ss_rules
\toption src_default 'checkdst'

package firewall

config defaults
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config zone
\toption name 'lan'
\tlist network 'lan'
\toption input 'ACCEPT'
\toption output 'ACCEPT'
\toption forward 'ACCEPT'
\toption extra '-m conntrack'

config zone
\toption name 'wan'
\tlist network 'wan'
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'
\toption masq '1'

config zone
\toption name 'empty'
\toption masq '1'

config ipset
\toption name 'set-off'
\toption enabled '0'

config ipset
\toption name 'set-type'
\tlist match 'bogus'

config ipset
\toption name 'set-mac'
\tlist match 'src_mac'

config ipset
\toption name 'set-file'
\tlist match 'src_net'
\toption loadfile '/etc/blocked.txt'

config ipset
\toption name 'set-timeout'
\tlist match 'src_ip'
\toption timeout '600'

config ipset
\toption name 'set-dns'
\tlist match 'dest_ip'
\tlist entry '10.0.0.1'

config ipset
\toption name 'set-empty'
\tlist match 'src_ip'

config ipset
\toption name 'set-v6'
\tlist match 'src_ip'
\tlist entry 'fd00::1'

config ipset
\toption name 'set-host'
\tlist match 'src_ip'
\tlist entry 'printer.lan'

config rule
\toption name 'Narrow'
\toption src 'wan'
\toption dest 'lan'
\toption target 'ACCEPT'
\toption src_mac '00:11:22:33:44:55'
\toption limit '10/sec'
\toption limit_burst '5'
\toption start_time '08:00:00'
\toption stop_time '17:00:00'
\toption start_date '2024-01-01'
\toption stop_date '2024-12-31'
\toption weekdays 'Mon Tue'
\toption monthdays '1 15'
\toption mark '0x10'
\toption dscp 'AF11'
\toption helper 'ftp'
\toption extra '-m foo'

config rule
\toption name 'Values'
\toption src 'wan'
\toption dest 'lan'
\toption target 'ACCEPT'
\toption src_ip '10.0.0.0/255.0.255.0 10.0.0.1-bogus'
\toption dest_ip 'printer.lan'
\toption src_port 'http'
\toption dest_port '70000'

config rule
\toption name 'NegProto'
\toption src 'wan'
\toption target 'ACCEPT'
\toption proto '!tcp'

config rule
\toption name 'OddProto'
\toption src 'wan'
\toption target 'ACCEPT'
\toption proto 'bogusproto'

config rule
\toption name 'OddIcmp'
\toption src 'wan'
\toption target 'ACCEPT'
\toption proto 'icmp'
\toption icmp_type 'weird'

config rule
\toption name 'Sets'
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-off'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-type'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-mac'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-file'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-timeout'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-dns'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-empty'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-v6'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-host'

config rule
\toption src 'wan'
\toption target 'DROP'
\toption ipset 'set-ghost'

config rule
\toption name 'NoTrack'
\toption src 'lan'
\toption target 'NOTRACK'

config redirect
\toption name 'Range'
\toption src 'wan'
\toption dest 'lan'
\toption target 'DNAT'
\toption src_dport '5000-5010'
\toption dest_ip '192.168.1.10'
\toption dest_port '6000-6010'
\tlist reflection_zone 'wan'

config include
\toption path '/etc/firewall.user'

==> /etc/firewall.user <==
iptables -A forwarding_rule -s 192.168.1.66 -j DROP
"""

# A swconfig switch whose port 5 carries VLANs 1 and 2 tagged to a device beyond.
SWITCH = """\
package network

config switch_vlan
\toption device 'switch0'
\toption vlan '1'
\toption ports '0t 1 5t'

config switch_vlan
\toption device 'switch0'
\toption vlan '2'
\toption ports '0t 5t'

config switch_vlan
\toption device 'switch0'
\toption vlan '3'
\toption ports '0t 4'

config interface 'lan'
\toption device 'eth0.1'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

config interface 'cam'
\toption device 'eth0.2'
\toption proto 'static'
\toption ipaddr '192.168.2.1/24'

config interface 'wan'
\toption device 'eth0.3'
\toption proto 'dhcp'

config rule
\toption lookup '100'
"""

# No firewall package; a package libuci cannot load (a typo).
BROKEN = """\
package network

config interface 'lan'
\toption device 'eth0'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

onfig interface 'typo'
"""


def _given() -> list[str]:
    """The reasons of the configurations above, and of a rule naming an ipset whose
    members are not known (no ipset section gives that: each says why)."""
    out = []
    for text in (ROUTER, SWITCH, BROKEN):
        res = openwrt.parse(text, "gw.txt")
        out += partial_reasons(res.devices, [res.report])
    why: list[str] = []
    _ipset_match("set-x", {"set-x": IpSet(None, "src", None)}, None, None, why)
    return out + why


def test_the_fixtures_and_samples_say_why_in_vietnamese_too():
    reasons = partial_reasons(*vendor_inputs("openwrt"))
    assert reasons  # the fixtures have partial constructs (not vacuous)
    assert untranslated(reasons) == []


def test_every_partial_reason_is_worded_in_vietnamese():
    given = _given()
    assert untranslated(given) == []
    seen = text_keys(given + partial_reasons(*vendor_inputs("openwrt")))
    assert {k for k in seen if k.startswith("input.openwrt.")} == {f"input.openwrt.{k}" for k in REASONS}
