"""FortiOS partial reasons are catalogue texts, worded in Vietnamese too.

Why a policy, an address, a service, a VIP, a route, an interface or a section is only
partly understood is the reason of an "unknown" cell and a line of the report's list of
partially understood constructs: an English string there is English in a Vietnamese
report.  Every such reason of the FortiOS parser must be a catalogue text (several of one
construct joined as one ``input.joined`` text) whose Vietnamese differs from its English:
on the fixtures and samples, and on the configurations below, written so that every
reason the parser words is given at least once.
"""

from __future__ import annotations

from helpers import partial_reasons, text_keys, untranslated, vendor_inputs

from netaudit.parsers import fortinet_fortios as F
from netaudit.parsers.fortinet_fortios import parser as fortios_parser
from netaudit.parsers.fortinet_fortios.policy import Policies

from .helpers import cfg, policies, policy

# The reasons the parser words (input.fortios.*), each given by the inputs below.
REASONS = (
    # sections not modelled
    "policy6",
    "local_in6",
    "vip6",
    "vip46",
    "vip64",
    "policy46",
    "policy64",
    "identity_routes",
    "ttl_policies",
    "interface_acls",
    "ztna_proxy",
    "ipmac_binding",
    "policy_vpn",
    "ocvpn",
    "wccp",
    "nat64",
    "ztna",
    "central_snat",
    "not_understood",
    # interfaces and VDOM settings
    "iface_wccp",
    "iface_sniffer",
    "iface_qinq",
    "iface_l2tp_client",
    "vlan_id_unread",
    "address_unread",
    "unnumbered",
    "tunnel_iface",
    "iface_type_unmodelled",
    "set_unread",
    "switch_member_address",
    "transparent",
    "asymroute",
    "sdwan_rules",
    "ipsec_far_side",
    "vpn_clients",
    "tunnel_unmodelled",
    "wire_pair",
    "router_policy",
    "enforce_ipsec_unread",
    "server_status_unread",
    "captive_portal",
    "vap_captive_portal",
    "dot1x",
    "auth_groups",
    "auth_exempt",
    "security_mode_unread",
    # policies
    "policy_unread",
    "policies_unread",
    "policy_conversion_failed",
    "ngfw_policy_mode",
    "action_ipsec",
    "action_unread",
    "policy_lacks",
    "service_negate",
    "isdb_destinations",
    "isdb_sources",
    "isdb_sources_local",
    "schedule",
    "schedule_local",
    "identity_policy",
    "narrow_ztna",
    "narrow_expiry",
    "narrow_learning",
    "narrow_wccp",
    "narrow_http_redirect",
    "narrow_ssh_redirect",
    "narrow_nat46",
    "narrow_nat64",
    "narrow_reputation",
    "narrow_vendor_mac",
    "narrow_application",
    "narrow_app_category",
    "narrow_url_category",
    "narrow_app_group",
    "narrow_ztna_tags",
    "narrow_forward_server",
    "dstaddr_negate_vip",
    "vip_undefined",
    "settings_unread",
    "deny_without_match_vip",
    # addresses and services
    "address_undefined",
    "address_feed",
    "no_resource_url",
    "address_subnet_unread",
    "address_range_unread",
    "address_wildcard_unread",
    "address_iface_subnet",
    "address_fqdn",
    "address_geography",
    "address_mac",
    "address_dynamic",
    "address_type_unmodelled",
    "addrgrp_loop",
    "addrgrp_empty",
    "addrgrp_exclude_wildcard",
    "addrgrp_excluded_unread",
    "service_undefined",
    "svcgrp_loop",
    "service_proxy",
    "service_destinations",
    "service_app_type",
    "service_range_unread",
    "service_no_range",
    "service_icmp_unread",
    "service_protocol_number",
    "service_protocol",
    # VIPs, IP pools, source NAT
    "value_unread",
    "vip_type",
    "vip_extaddr",
    "vip_extip_interface",
    "vip_load_balance",
    "vip_no_mappedip",
    "vip_no_extport",
    "vip_services",
    "vip_range_mapping",
    "ippool_undefined",
    "ippool_first",
    "snat_earlier_policy",
    # static routes
    "route_dst_unread",
    "route_gateway_unread",
    "route_dstaddr",
    "route_isdb",
    "route_source",
    "route_sdwan_empty",
    "route_no_target",
    "dynamic_gateway",
    "no_device",
    # explicit proxies
    "proxy_policy_kind",
    "proxy_status_unread",
    "proxy_ports_unread",
    "proxy_incoming_ip",
    # the FortiGate's own services
    "allowaccess_port",
    "allowaccess_unread",
    "global_scope",
    "global_scope_many",
    "scope_port",
    "scope_telnet",
    "scope_trusthosts",
    "scope_snmp",
    "scope_ntp",
    "two",
    "series",
    "admin_ports",
    "l2tp_no_dialup",
    "l2tp_cleartext",
    "pptp_anywhere",
)

INTERFACES = """\
    edit "port5"
        set vdom "root"
        set type vlan
        set interface "lan"
        set vlanid abc
        set wccp enable
        set ips-sniffer-mode enable
        set vlan-protocol 8021ad
        set l2tp-client enable
        set ipunnumbered 10.0.10.1
        set dedicated-to sniffing
        set explicit-web-proxy sometimes
    next
    edit "vx1"
        set vdom "root"
        set type vxlan
        set ip 10.9.9.1 255.255.255.0
    next
    edit "sw1"
        set vdom "root"
        set type switch
    next
    edit "port6"
        set vdom "root"
        set ip 10.0.60.1 255.255.255.0
    next
    edit "t1"
        set vdom "root"
        set type tunnel
        set ip 10.255.0.1 255.255.255.255
    next
    edit "l2t.root"
        set vdom "root"
        set type tunnel
    next
    edit "ssl.root"
        set vdom "root"
        set type tunnel
    next
    edit "gre1"
        set vdom "root"
        set type tunnel
    next
    edit "port7"
        set vdom "root"
    next
    edit "port8"
        set vdom "root"
    next
    edit "cp"
        set vdom "root"
        set ip 10.0.70.1 255.255.255.0
        set security-mode captive-portal
        set security-groups "khach"
        set security-exempt-list "mien-tru"
    next
    edit "x1"
        set vdom "root"
        set ip 10.0.80.1 255.255.255.0
        set security-mode 802.1X
        set security-groups "nhan-vien"
    next
    edit "odd"
        set vdom "root"
        set ip 10.0.90.1 255.255.255.0
        set security-mode magic
        set allowaccess ping bogus speed-test
    next
    edit "redacted"
        set vdom "root"
        set ip x.x.x.x 255.255.255.0
    next
"""

# Interfaces, VDOM settings, tunnels and the sections FortiOS reads that are not modelled.
SECTIONS = cfg(
    "\n".join(
        f"config {path}\n    edit 1\n    next\nend"
        for path in (
            "firewall policy6",
            "firewall local-in-policy6",
            "firewall vip6",
            "firewall vip46",
            "firewall vip64",
            "firewall policy46",
            "firewall policy64",
            "firewall identity-based-route",
            "firewall ttl-policy",
            "firewall acl",
            "firewall access-proxy",
            "firewall ipmacbinding table",
            "vpn ipsec phase1",
            "vpn ocvpn",
            "system wccp",
            "system nat64",
            "ztna web-proxy",
            "firewall central-snat-map",
            "firewall security-policy",
        )
    ),
    """
config system switch-interface
    edit "sw1"
        set member "port6"
    next
end
config system settings
    set opmode transparent
    set asymroute enable
end
config system sdwan
    set status enable
end
config vpn ipsec phase1-interface
    edit "t1"
        set interface "wan1"
    next
end
config vpn l2tp
    set status enable
    set enforce-ipsec maybe
end
config vpn pptp
    set status perhaps
end
config vpn ssl settings
    set source-interface "wan1"
end
config system gre-tunnel
    edit "gre1"
    next
end
config system virtual-wire-pair
    edit "vwp1"
        set member "port7" "port8"
    next
end
config router policy
    edit 1
        set input-device "lan"
    next
end
"""
    + policies(
        policy(1, '"cp" "x1" "odd"', '"wan1"'),
        policy(2, '"lan"', '"wan1"', action="ipsec"),
        policy(3, '"lan"', '"wan1"', action="teleport"),
        '    edit 4\n        set srcintf "lan"\n        set action accept\n    next\n',
    ),
    ifaces=INTERFACES,
)

# Policies, with the addresses, services and VIPs they name.
OBJECTS = """
config system external-resource
    edit "feed-a"
        set type address
        set resource "https://feeds.example/bad.txt"
    next
    edit "feed-b"
        set type address
    next
end
config firewall address
    edit "bad-subnet"
        set subnet 10.0.0.0 255.0.255.0
    next
    edit "bad-range"
        set type iprange
        set start-ip 10.0.0.9
        set end-ip 10.0.0.1
    next
    edit "bad-wildcard"
        set type wildcard
        set wildcard x y
    next
    edit "wild"
        set type wildcard
        set wildcard 10.0.0.0 255.0.255.0
    next
    edit "no-iface"
        set type interface-subnet
        set interface "ghost"
    next
    edit "dichvucong"
        set type fqdn
        set fqdn "dichvucong.gov.vn"
    next
    edit "geo"
        set type geography
        set country "VN"
    next
    edit "mac"
        set type mac
    next
    edit "sdn"
        set type dynamic
    next
    edit "odd-type"
        set type quantum
    next
end
config firewall addrgrp
    edit "loop"
        set member "loop"
    next
    edit "empty"
    next
    edit "excl-wild"
        set member "wild"
        set exclude enable
        set exclude-member "LAN"
    next
    edit "excl-ghost"
        set member "SRV"
        set exclude enable
        set exclude-member "ghost"
    next
end
config firewall service custom
    edit "proxy"
        set proxy enable
    next
    edit "iprange"
        set tcp-portrange 80
        set iprange 10.0.0.1
    next
    edit "app"
        set app-service-type app-id
    next
    edit "bad-range"
        set tcp-portrange 8x
    next
    edit "no-range"
        set protocol TCP/UDP/SCTP
    next
    edit "bad-icmp"
        set protocol ICMP
        set icmptype x
    next
    edit "bad-number"
        set protocol IP
        set protocol-number 300
    next
    edit "http-proto"
        set protocol HTTP
    next
end
config firewall service group
    edit "svc-loop"
        set member "svc-loop"
    next
end
config firewall schedule recurring
    edit "workhours"
    next
end
config firewall vip
    edit "vip-odd"
        set type dns-translation
        set extaddr "WEB"
        set extip bogus
        set mappedip "10.0.20.10"
        set service "HTTP"
    next
    edit "vip-any"
        set extintf "any"
        set mappedip bogus
    next
    edit "vip-lb"
        set type load-balance
        set extip 203.0.113.5
        set extintf "wan1"
        config realservers
            edit 1
                set ip 10.0.20.11
            next
        end
    next
    edit "vip-ports"
        set extip 203.0.113.6
        set extintf "wan1"
        set portforward enable
        set mappedip "10.0.20.12"
        set mappedport 8x
        set src-filter "nonsense"
    next
    edit "vip-bad-extport"
        set extip 203.0.113.7
        set extintf "wan1"
        set portforward enable
        set extport 9x
        set mappedip "10.0.20.13"
    next
    edit "vip-range"
        set extip 203.0.113.8-203.0.113.9
        set extintf "wan1"
        set mappedip "10.0.20.14-10.0.20.16"
    next
end
config firewall vipgrp
    edit "vg"
        set member "vip-ghost"
    next
end
config firewall ippool
    edit "pool-range"
        set startip 203.0.113.20
        set endip 203.0.113.21
    next
end
"""

NARROWING = "".join(
    f"        set {key} {value}\n"
    for key, value in (
        ("ztna-status", "enable"),
        ("policy-expiry", "enable"),
        ("learning-mode", "enable"),
        ("wccp", "enable"),
        ("http-policy-redirect", "enable"),
        ("ssh-policy-redirect", "enable"),
        ("nat46", "enable"),
        ("nat64", "enable"),
        ("reputation-minimum", "10"),
        ("src-vendor-mac", "1"),
        ("application", "15832"),
        ("app-category", "2"),
        ("url-category", "3"),
        ("app-group", '"mxh"'),
        ("ztna-ems-tag", '"tag"'),
        ("webproxy-forward-server", '"fwd"'),
    )
)

POLICIES = cfg(
    OBJECTS,
    policies(
        policy(
            1,
            '"lan"',
            '"wan1"',
            srcaddr='"feed-a" "feed-b" "bad-subnet" "bad-range" "bad-wildcard" "no-iface" "ghost"',
            dstaddr='"dichvucong" "geo" "mac" "sdn" "odd-type" "loop" "empty" "excl-wild" "excl-ghost"',
            service='"ghost-svc" "svc-loop" "proxy" "iprange" "app" "bad-range" "no-range" "bad-icmp"',
            extra='        set service-negate enable\n        set schedule "workhours"\n        set groups "nv"\n'
            "        set internet-service enable\n        set internet-service-src enable\n"
            "        set bogus-setting 1\n" + NARROWING,
        ),
        policy(2, '"lan"', '"srv"', service='"bad-number" "http-proto"'),
        policy(3, '"wan1"', '"srv"', action="deny"),
        policy(4, '"wan1"', '"srv"', dstaddr='"vip-odd" "vg"', extra="        set dstaddr-negate enable\n"),
        policy(5, '"wan1"', '"srv"', dstaddr='"vip-any" "vip-lb" "vip-ports" "vip-bad-extport" "vip-range"'),
        policy(6, '"lan"', '"wan1"'),
        policy(
            7,
            '"lan"',
            '"wan1"',
            extra='        set nat enable\n        set ippool enable\n        set poolname "pool-range"\n',
        ),
        policy(
            8,
            '"srv"',
            '"wan1"',
            extra='        set nat enable\n        set ippool enable\n        set poolname "pool-ghost"\n',
        ),
    ),
    """
config firewall local-in-policy
    edit 1
        set intf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set service "ALL"
        set schedule "workhours"
        set service-negate enable
        set internet-service-src enable
        set bogus-setting 1
    next
end
config router static
    edit 19
        set device "wan1"
        set gateway x.x.x.x
    next
    edit 2
        set dst 10.1.0.0 255.0.255.0
        set device "lan"
        set gateway 10.0.10.254
    next
    edit 3
        set dstaddr "ghost"
        set device "lan"
    next
    edit 4
        set internet-service 123
        set device "wan1"
    next
    edit 5
        set dst 10.2.0.0 255.255.0.0
        set src 10.0.10.0 255.255.255.0
        set gateway 10.0.10.254
        set device "lan"
    next
    edit 6
        set dst 10.3.0.0 255.255.0.0
        set sdwan enable
    next
    edit 7
        set dst 10.4.0.0 255.255.0.0
    next
    edit 8
        set dst 10.5.0.0 255.255.0.0
        set device "lan"
        set dynamic-gateway enable
    next
    edit 9
        set dst 10.6.0.0 255.255.0.0
        set dynamic-gateway enable
    next
end
""",
)

# The explicit web and FTP proxies.
PROXIES = cfg(
    """
config web-proxy explicit
    set status enable
    set http-incoming-port 80a
    set incoming-ip 10.0.50.1
end
config ftp-proxy explicit
    set status maybe
end
config firewall proxy-policy
    edit 1
        set proxy ssh
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set service "webproxy"
        set action accept
    next
end
""",
).replace(
    '    edit "guest"\n        set vdom "root"\n',
    '    edit "guest"\n        set vdom "root"\n        set explicit-web-proxy enable\n        set explicit-ftp-proxy enable\n',
)

# A single-VDOM backup: the global sections the FortiGate's own services depend on are
# not in it; an L2TP server refusing cleartext but no dial-up tunnel, a PPTP server.
ONE_VDOM = """\
#config-version=FGVM64-6.4.9-FW-build1966-220421:opmode=0:vdom=1:user=admin-cn
#conf_file_ver=15442654067111466602
#buildno=1966
#global_vdom=0:vd_name=CN-HANOI
config system interface
    edit "port1"
        set vdom "CN-HANOI"
        set ip 172.16.19.2 255.255.255.0
        set allowaccess ping https ssh http telnet snmp ftm
        set type physical
        set role wan
    next
    edit "port2"
        set vdom "CN-HANOI"
        set ip 10.0.0.1 255.255.0.0
        set type physical
    next
end
config vpn l2tp
    set status enable
    set enforce-ipsec enable
end
config vpn pptp
    set status enable
end
"""

L2TP_CLEARTEXT = cfg("config vpn l2tp\n    set status enable\nend\n")

VAP_PORTAL = cfg(
    'config wireless-controller vap\n    edit "khach"\n        set ssid "Khach"\n'
    "        set security captive-portal\n    next\nend\n",
    policies(policy(1, '"khach"', '"wan1"')),
    ifaces='    edit "khach"\n        set vdom "root"\n        set ip 10.0.60.1 255.255.255.0\n'
    "        set type vap-switch\n    next\n",
)


def _parse(text: str) -> tuple[list, list]:
    res = F.parse(text, "fgt.conf")
    return res.devices, [res.report]


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def _given(monkeypatch) -> list[str]:
    """The reasons of the configurations above, and of reading failures (a section
    handler, a policy, a whole VDOM's policies that raise)."""
    out = []
    for text in (SECTIONS, POLICIES, PROXIES, ONE_VDOM, L2TP_CLEARTEXT, VAP_PORTAL):
        out += partial_reasons(*_parse(text))
    with monkeypatch.context() as m:
        m.setattr(fortios_parser._FortiParser, "h_zones", _boom)
        m.setattr(Policies, "_policy", _boom)
        out += partial_reasons(
            *_parse(cfg("config system zone\n    edit z\n    next\nend\n", policies(policy(1, '"lan"', '"wan1"'))))
        )
    with monkeypatch.context() as m:
        m.setattr(fortios_parser, "build_vdom", _boom)
        out += partial_reasons(*_parse(cfg()))
    return out


def test_the_fixtures_and_samples_say_why_in_vietnamese_too():
    reasons = partial_reasons(*vendor_inputs("fortinet_fortios"))
    assert reasons  # the fixtures have partial constructs (not vacuous)
    assert untranslated(reasons) == []


def test_every_partial_reason_is_worded_in_vietnamese(monkeypatch):
    given = _given(monkeypatch)
    assert untranslated(given) == []
    seen = text_keys(given + partial_reasons(*vendor_inputs("fortinet_fortios")))
    assert {k for k in seen if k.startswith("input.fortios.")} == {f"input.fortios.{k}" for k in REASONS}
