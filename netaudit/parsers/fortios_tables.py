"""What each FortiOS configuration section means to netaudit (data only).

A section path is the text after ``config`` (``firewall policy``, ``system replacemsg
http "url-block"`` …).  Look-up is by longest matching word prefix.  An entry is:

* a handler name (a method of the interpreter that models the section),
* :data:`IGNORE` — the section cannot change what reaches what (logging, GUI,
  replacement messages, certificates, UTM profiles, IPv6-only objects …),
* a :class:`Partial` reason — the section affects forwarding in ways not modelled;
  its ``config`` line is listed as partially understood.

A section not listed at all is *unrecognized*: every line of it is reported.
"""
from __future__ import annotations

from typing import NamedTuple

from netaudit.model import PROTO_ICMP, PROTO_TCP, PROTO_UDP


class Partial(NamedTuple):
    reason: str


IGNORE = "ignore"

# Handlers (interpreter method names).  Scope: "global" sections are read once for
# the whole box, "vdom" ones once per VDOM (in a file without VDOMs both are top level).
HANDLERS = {
    "system global": ("global", "h_global"),
    "system interface": ("global", "h_interfaces"),
    "system admin": ("global", "h_admins"),
    "system virtual-switch": ("global", "h_virtual_switch"),
    "system switch-interface": ("any", "h_switch_interface"),
    "system snmp community": ("global", "h_snmp_community"),
    "system snmp user": ("global", "h_snmp_user"),
    "system snmp sysinfo": ("global", "h_snmp_sysinfo"),
    "system probe-response": ("global", "h_probe_response"),
    "system ftm-push": ("global", "h_ftm_push"),
    "system ntp": ("global", "h_ntp"),
    "system vdom-link": ("global", "h_recognized"),
    "system settings": ("vdom", "h_settings"),
    "system zone": ("vdom", "h_zones"),
    "system dhcp server": ("vdom", "h_dhcp_server"),
    "system dns-server": ("vdom", "h_dns_server"),
    "system sdwan": ("vdom", "h_sdwan"),
    "system virtual-wan-link": ("vdom", "h_sdwan"),
    "firewall address": ("vdom", "h_objects"),
    "firewall addrgrp": ("vdom", "h_objects"),
    "firewall service custom": ("vdom", "h_objects"),
    "firewall service group": ("vdom", "h_objects"),
    "firewall vip": ("vdom", "h_objects"),
    "firewall vipgrp": ("vdom", "h_objects"),
    "firewall ippool": ("vdom", "h_objects"),
    "firewall schedule": ("vdom", "h_objects"),
    "firewall policy": ("vdom", "h_objects"),
    "firewall local-in-policy": ("vdom", "h_objects"),
    "firewall security-policy": ("vdom", "h_security_policy"),
    "firewall central-snat-map": ("vdom", "h_central_snat"),
    "router static": ("vdom", "h_objects"),
    "router bgp": ("vdom", "h_dynamic_routing"),
    "router ospf": ("vdom", "h_dynamic_routing"),
    "router ospf6": ("vdom", "h_dynamic_routing"),
    "router rip": ("vdom", "h_dynamic_routing"),
    "router ripng": ("vdom", "h_dynamic_routing"),
    "router isis": ("vdom", "h_dynamic_routing"),
    "router policy": ("vdom", "h_router_policy"),
    "vpn ipsec phase1-interface": ("vdom", "h_ipsec_phase1"),
    "vpn ssl settings": ("vdom", "h_sslvpn"),
    "wireless-controller vap": ("any", "h_vaps"),
    "system gre-tunnel": ("vdom", "h_tunnel_ifaces"),
    "system ipip-tunnel": ("vdom", "h_tunnel_ifaces"),
    "system sit-tunnel": ("vdom", "h_tunnel_ifaces"),
    "system vxlan": ("vdom", "h_tunnel_ifaces"),
    "system geneve": ("vdom", "h_tunnel_ifaces"),
    "system ipsec-aggregate": ("vdom", "h_tunnel_ifaces"),
    "system pppoe-interface": ("vdom", "h_tunnel_ifaces"),
    "system mobile-tunnel": ("vdom", "h_tunnel_ifaces"),
    "system vne-tunnel": ("vdom", "h_tunnel_ifaces"),
    "system virtual-wire-pair": ("vdom", "h_wire_pair"),
}

PARTIAL_SECTIONS = {
    "firewall policy6": "IPv6 firewall policies not modelled (the engine is IPv4 only)",
    "firewall local-in-policy6": "IPv6 local-in policies not modelled (IPv4 only)",
    "firewall vip6": "IPv6 virtual IPs not modelled (IPv4 only)",
    "firewall vip46": "NAT46 virtual IPs not modelled",
    "firewall vip64": "NAT64 virtual IPs not modelled",
    "firewall policy46": "NAT46 policies not modelled",
    "firewall policy64": "NAT64 policies not modelled",
    "firewall proxy-policy": "explicit-proxy policies not modelled",
    "firewall identity-based-route": "identity-based routes not modelled",
    "firewall ttl-policy": "TTL policies not modelled",
    "firewall acl": "interface ACLs (deny-only, hardware) not modelled: they can only "
                    "block more than stated here",
    "firewall access-proxy": "ZTNA access proxy not modelled",
    "firewall access-proxy-virtual-host": "ZTNA access proxy not modelled",
    "firewall ipmacbinding table": "IP/MAC binding not modelled",
    "vpn ipsec phase1": "policy-based IPsec VPN not modelled",
    "vpn ipsec phase2": "policy-based IPsec VPN not modelled",
    "vpn l2tp": "L2TP VPN not modelled",
    "vpn pptp": "PPTP VPN not modelled",
    "vpn ocvpn": "overlay-controller VPN not modelled",
    "system wccp": "WCCP redirection not modelled",
    "system nat64": "NAT64 not modelled",
    "ztna": "ZTNA not modelled",
}

# Sections (or section families) without effect on IPv4 reachability or exposure.
IGNORED_SECTIONS = [
    # families
    "log", "report", "antivirus", "webfilter", "ips", "application", "dlp", "spamfilter",
    "emailfilter", "dnsfilter", "waf", "icap", "wanopt", "web-proxy", "ftp-proxy",
    "endpoint-control", "certificate", "user", "voip", "videofilter", "file-filter",
    "ssh-filter", "cifs", "credential-store", "authentication", "switch-controller",
    "extender-controller", "extension-controller", "alertemail", "dpdk", "sctp-filter",
    "virtual-patch", "diameter-filter", "casb", "automation", "gtp", "pfcp", "monitoring",
    "ethernet-oam", "rule", "wireless-controller", "extender", "nsxt", "sdn",
    # router objects used by dynamic routing only, IPv6 / multicast routing
    "router access-list", "router access-list6", "router prefix-list", "router prefix-list6",
    "router route-map", "router aspath-list", "router community-list",
    "router extcommunity-list", "router key-chain", "router setting", "router auth-path",
    "router bfd", "router bfd6", "router gwdetect", "router static6", "router multicast",
    "router multicast6", "router multicast-flow", "router policy6",
    # vpn pieces that do not forward by themselves
    "vpn certificate", "vpn ssl web", "vpn ssl client", "vpn ipsec phase2-interface",
    "vpn ipsec concentrator", "vpn ipsec forticlient", "vpn ipsec manualkey",
    "vpn ipsec manualkey-interface", "vpn kmip-server", "vpn qkd",
    # firewall objects and UTM glue
    "firewall address6", "firewall address6-template", "firewall addrgrp6",
    "firewall multicast-address", "firewall multicast-address6", "firewall multicast-policy",
    "firewall multicast-policy6", "firewall wildcard-fqdn", "firewall service category",
    "firewall ssl-ssh-profile", "firewall profile-protocol-options", "firewall profile-group",
    "firewall shaper", "firewall shaping-policy", "firewall shaping-profile",
    "firewall traffic-class", "firewall DoS-policy", "firewall DoS-policy6",
    "firewall dos-policy", "firewall dos-policy6", "firewall sniffer",
    "firewall on-demand-sniffer", "firewall ssh", "firewall decrypted-traffic-mirror",
    "firewall internet-service-addition", "firewall internet-service-append",
    "firewall internet-service-botnet", "firewall internet-service-custom",
    "firewall internet-service-custom-group", "firewall internet-service-definition",
    "firewall internet-service-extension", "firewall internet-service-group",
    "firewall internet-service-ipbl-reason", "firewall internet-service-ipbl-vendor",
    "firewall internet-service-list", "firewall internet-service-name",
    "firewall internet-service-owner", "firewall internet-service-reputation",
    "firewall internet-service-sld", "firewall internet-service-subapp",
    "firewall ldb-monitor", "firewall auth-portal", "firewall ippool6", "firewall vipgrp6",
    "firewall vipgrp46", "firewall vipgrp64", "firewall city", "firewall country",
    "firewall region", "firewall vendor-mac", "firewall ssl", "firewall global",
    "firewall proxy-address", "firewall proxy-addrgrp", "firewall interface-policy",
    "firewall interface-policy6", "firewall ipmacbinding setting",
    "firewall mms-profile", "firewall gtp", "firewall ipv6-eh-filter",
    # system sections about the box itself (logging, time, GUI, licensing, HA …)
    "system replacemsg", "system replacemsg-group", "system replacemsg-image",
    "system accprofile", "system api-user", "system storage", "system np6", "system np6xlite",
    "system np7", "system npu", "system npu-vlink", "system console", "system fortiguard",
    "system central-management", "system csf", "system automation-action",
    "system automation-destination", "system automation-stitch", "system automation-trigger",
    "system autoupdate", "system auto-update", "system dns", "system ddns", "system fips-cc",
    "system sflow", "system netflow", "system vdom-netflow", "system vdom-sflow",
    "system resource-limits", "system vdom-property", "system password-policy",
    "system password-policy-guest-admin", "system email-server", "system sms-server",
    "system alarm", "system alias", "system custom-language", "system object-tagging",
    "system external-resource", "system ips-urlfilter-dns", "system ips-urlfilter-dns6",
    "system fortisandbox", "system fortimanager", "system fm", "system sso-admin",
    "system sso-forticloud-admin", "system sso-fortigate-cloud-admin", "system session-ttl",
    "system tos-based-priority", "system dscp-based-priority", "system ipv6-neighbor-cache",
    "system mac-address-table", "system modem", "system lte-modem", "system 3g-modem",
    "system ptp", "system smc-ntp", "system stp", "system ha", "system ha-monitor",
    "system cluster-sync", "system standalone-cluster", "system geoip-override",
    "system geoip-country", "system fsso-polling", "system saml", "system federated-upgrade",
    "system ike", "system network-visibility", "system ipam", "system lldp",
    "system physical-switch", "system vdom-exception", "system vdom-dns",
    "system vdom-radius-server", "system affinity-interrupt", "system affinity-packet-redistribution",
    "system speed-test-schedule", "system speed-test-server", "system fortiai",
    "system fortindr", "system dedicated-mgmt", "system auto-install", "system auto-script",
    "system link-monitor", "system session-helper", "system proxy-arp", "system arp-table",
    "system gi-gk", "system evpn", "system sdn-connector", "system dhcp6 server",
    "system nd-proxy", "system vdom", "system dns-database", "system fabric-vpn",
    "system ssh-config", "system snmp mib-view", "system snmp rmon-stat", "system digital-io",
    "system sov-sase", "system device-upgrade", "system ngfw-settings",
    "system ipsec-aggregate-member", "system pcp-server", "system sdn-proxy",
    "system sdn-vpn", "system ssd", "system security-rating", "system 5g-modem",
    "system fortiguard-service", "system password-policy-admin", "system acme",
    "system vne-interface", "system gre-tunnel6", "system ipv6-tunnel", "system cmdb",
    "system mem-mgr", "system storage-group", "system interface-policy",
    "system netflow-v9", "system ftm-push-setting", "system fortitoken-cloud",
    "system fortiextender", "system timezone", "system lte", "system health-check-fortiguard",
]


# --------------------------------------------------------------------------- settings

# allowaccess keyword → (service name, protocol, ports or None = from config, insecure)
ADMIN_PROTOS = ("https", "http", "ssh", "telnet")
ACCESS = {
    "ping": ("icmp-echo", PROTO_ICMP, None, False),
    "https": ("https", PROTO_TCP, None, False),
    "http": ("http", PROTO_TCP, None, True),
    "ssh": ("ssh", PROTO_TCP, None, False),
    "telnet": ("telnet", PROTO_TCP, None, True),
    "snmp": ("snmp", PROTO_UDP, ((161, 161),), True),
    "fgfm": ("fgfm", PROTO_TCP, ((541, 541),), False),
    "capwap": ("capwap", PROTO_UDP, ((5246, 5247),), False),
    "radius-acct": ("radius-acct", PROTO_UDP, ((1813, 1813),), False),
    "fabric": ("fabric", PROTO_TCP, ((8013, 8013),), False),
    "ftm": ("ftm", PROTO_TCP, None, False),
    "probe-response": ("probe-response", PROTO_TCP, None, False),
}
# allowaccess words FortiOS knows but whose listening port is not modelled here.
ACCESS_UNMODELLED = {"speed-test", "dnp", "auto-ipsec", "scim"}

IFACE_IGNORED = frozenset({
    "snmp-index", "alias", "description", "speed", "macaddr", "color", "icon",
    "src-check", "drop-fragment", "drop-overlapped-fragment", "secondary-ip", "defaultgw",
    "distance", "priority", "weight", "vindex", "autogen", "ident-accept", "netbios-forward",
    "broadcast-forward", "l2forward", "arpforward", "ndiscforward", "vlanforward",
    "gwdetect", "detectserver", "detectprotocol", "interconnect-profile",
    "preserve-session-route", "ap-discover", "captive-portal", "tcp-mss", "mediatype",
    "forward-domain", "algorithm", "priority-override", "aggregate-type", "system-id",
    "system-id-type", "sample-rate", "sample-direction", "polling-interval", "remote-ip",
    "username", "password", "auth-type", "idle-timeout", "lcp-echo-interval",
    "lcp-max-echo-fails", "disc-retry-timeout", "padt-retry-timeout",
    "pppoe-unnumbered-negotiate", "dial-on-demand", "ipmac", "subst", "substitute-dst-mac",
    "endpoint-compliance", "external", "forward-error-correction", "cli-conn-status",
    "bandwidth-measure-time", "reachable-time", "replacemsg-override-group", "outbandwidth",
    "inbandwidth", "spillover-threshold", "np-qos-profile", "internal", "managed-subnetwork-size",
    "ip-managed-by-fortiipam", "trunk", "vlan-op-mode", "eip", "dedicated-to",
    "monitor-bandwidth", "role", "link-up-delay", "management-ip", "dhcp-relay-service",
    "status-check", "keepalive", "wins-ip", "lacp-mode", "vrrp-virtual-mac", "switch",
    "switch-controller-access-vlan", "member", "stp", "stpforward", "stpforward-mode",
    "ring-rx", "ring-tx", "l2tp-client-settings", "mtu", "mtu-override", "virtual-switch-vlan",
    "proxy-captive-portal", "netflow-sampler", "sflow-sampler", "measured-upstream-bandwidth",
    "measured-downstream-bandwidth", "interface", "vlanid", "port-mirroring", "mode",
    "physical", "dns-query",
})
IFACE_IGNORED_PREFIXES = (
    "dhcp-", "lldp-", "fortilink", "switch-controller-", "swc-", "security-", "lacp-",
    "fail-", "estimated-", "measured-", "sflow-", "netflow-", "eap-", "trust-ip", "pptp-",
    "ring-", "bfd", "mirroring", "snmp-", "device-", "explicit-", "auto-", "mtu", "min-links",
    "egress-", "ingress-", "dns-server", "vrrp", "ha-", "fortiheartbeat", "ip6-", "ipv6-",
    "wifi-", "virtual-", "lte-", "modem-", "pvc-", "atm-", "dsl-", "vci", "vpi", "qos-",
)
# Interface settings that change forwarding in ways not modelled (value → reason).
IFACE_PARTIAL = {
    ("wccp", "enable"): "WCCP redirection on the interface not modelled",
    ("ips-sniffer-mode", "enable"): "one-arm sniffer interface (does not forward)",
    ("vlan-protocol", "8021ad"): "QinQ (802.1ad) VLAN not modelled",
    ("l2tp-client", "enable"): "L2TP client interface not modelled",
}

POLICY_IGNORED = frozenset({
    "uuid", "name", "comments", "comment", "global-label", "label", "logtraffic",
    "logtraffic-start", "log-http-transaction", "capture-packet", "auto-asic-offload",
    "np-acceleration", "inspection-mode", "utm-status", "profile-type", "profile-group",
    "profile-protocol-options", "ssl-ssh-profile", "session-ttl", "vlan-cos-fwd",
    "vlan-cos-rev", "tcp-session-without-syn", "anti-replay", "dsri", "send-deny-packet",
    "block-notification", "timeout-send-rst", "disclaimer", "email-collect",
    "replacemsg-override-group", "custom-log-fields", "geoip-anycast", "geoip-match",
    "rtp-nat", "rtp-addr", "passive-wan-health-measurement", "decrypted-traffic-mirror",
    "delay-tcp-npu-session", "captive-portal-exempt", "radius-mac-auth-bypass",
    "dynamic-shaping", "policy-behaviour-type", "fixedport", "permit-any-host",
    "permit-stun-host", "match-vip-only", "sgt-check", "sgt", "vlan-filter", "color",
    "policyid", "status", "cgn-log-server-grp", "cgn-eif", "cgn-eim", "cgn-session-quota",
    "cgn-resource-quota", "nat-source-vip", "natinbound", "natoutbound", "outbound",
    "inbound", "wsso", "auth-cert", "auth-path", "auth-redirect-addr", "diffserv-copy",
    "app-monitor", "reputation-direction", "reputation-direction6", "internet-service-src6",
    "internet-service6", "srcaddr6", "dstaddr6", "srcaddr6-negate", "dstaddr6-negate",
    "internet-service6-negate", "internet-service6-src-negate", "network-service-dynamic",
    "network-service-src-dynamic", "port-preserve", "port-random", "tos", "tos-mask",
    "tos-negate", "identity-based-route", "ztna-tags-match-logic", "ztna-device-ownership",
    "ztna-policy-redirect", "ztna-ems-tag-negate", "webproxy-profile", "webcache",
    "webcache-https", "casb-profile", "learning-mode-profile", "eif-check", "eif-learn",
})
POLICY_IGNORED_PREFIXES = ("log", "utm", "diffserv", "traffic-shaper", "per-ip-shaper",
                           "tcp-mss", "ntlm", "fsso-agent", "rsso", "vlan-", "cgn-", "av-",
                           "webfilter-", "dnsfilter-", "emailfilter-", "spamfilter-", "dlp-",
                           "ips-", "application-list", "waf-", "voip-", "icap-", "cifs-",
                           "ssh-filter", "file-filter", "videofilter", "sctp-filter",
                           "virtual-patch", "diameter-filter", "wanopt", "ssl-mirror",
                           "timeout-", "email-", "mms-", "emailfilter")
POLICY_IGNORED_SUFFIXES = ("-profile", "-sensor", "-list")

ROUTE_IGNORED = frozenset({"comment", "comments", "weight", "priority", "seq-num",
                           "link-monitor-exempt", "bfd", "tag", "preferred-source"})

