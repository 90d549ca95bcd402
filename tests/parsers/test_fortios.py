"""FortiOS parser (netaudit.parsers.fortinet_fortios): one test per modelled rule.

Model-level tests look at the Device the parser produces; semantic tests run the
engine on a small office (wan1 = Internet, lan = staff, srv = servers, guest = guest
Wi-Fi) so that each FortiOS rule is checked as a reachability verdict.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from netaddr import IPNetwork

from netaudit import topology
from netaudit.headerspace import HeaderSpace
from netaudit.model import (PROTO_ICMP, PROTO_TCP, PROTO_UDP, Action, AddrMatch, IfKind, L2Mode,
                            PortRange)
from netaudit.parsers import cisco_ios, fortinet_fortios as F
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN, Engine, compute_matrix
from netaudit.zones import resolve, site_from_dict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fortios"

HEAD = "#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin\n"

BASE = HEAD + '''config system global
    set hostname "FGT"
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.2 255.255.255.248
        set type physical
        set role wan
    next
    edit "lan"
        set vdom "root"
        set ip 10.0.10.1 255.255.255.0
        set type physical
        set role lan
    next
    edit "srv"
        set vdom "root"
        set ip 10.0.20.1/24
        set type physical
    next
    edit "guest"
        set vdom "root"
        set ip 10.0.50.1 255.255.255.0
        set type physical
    next
{ifaces}end
config firewall address
    edit "all"
    next
    edit "LAN"
        set subnet 10.0.10.0 255.255.255.0
    next
    edit "SRV"
        set subnet 10.0.20.0 255.255.255.0
    next
    edit "WEB"
        set subnet 10.0.20.10 255.255.255.255
    next
    edit "GUEST"
        set subnet 10.0.50.0 255.255.255.0
    next
end
config router static
    edit 1
        set gateway 203.0.113.1
        set device "wan1"
    next
end
'''

ZONES = {
    "staff": {"kind": "internal", "subnets": ["10.0.10.0/24"], "attach": ["FGT:lan"]},
    "servers": {"kind": "server", "subnets": ["10.0.20.0/24"], "attach": ["FGT:srv"]},
    "guest": {"kind": "guest", "subnets": ["10.0.50.0/24"], "attach": ["FGT:guest"]},
    "internet": {"kind": "external", "attach": ["FGT:wan1"]},
}


def cfg(*sections: str, ifaces: str = "") -> str:
    return BASE.replace("{ifaces}", ifaces) + "".join(s.strip("\n") + "\n" for s in sections)


def policy(pid, srcintf, dstintf, srcaddr="all", dstaddr="all", service="ALL", action="accept",
           extra="") -> str:
    return f'''    edit {pid}
        set srcintf {srcintf}
        set dstintf {dstintf}
        set srcaddr {srcaddr}
        set dstaddr {dstaddr}
        set action {action}
        set schedule "always"
        set service {service}
{extra}    next
'''


def policies(*items: str) -> str:
    return "config firewall policy\n" + "".join(items) + "end\n"


def parse(text: str, file: str = "fgt.conf"):
    return F.parse(text, file)


def dev_of(text: str):
    res = parse(text)
    assert len(res.devices) == 1
    return res.devices[0], res.report


def analyse(text: str, zones: dict | None = None, policy_overrides=None):
    res = parse(text)
    site = site_from_dict({"unit": "t", "level": 2, "zones": zones or ZONES,
                           "policy": policy_overrides or []})
    topo = topology.build(res.devices, site.links)
    placed, addrs, _ = resolve(site, topo)
    eng = Engine(topo, placed, addrs, HeaderSpace())
    cells = {(c.src, c.dst): c for c in compute_matrix(eng, [z.name for z in placed])}
    return res, cells


# =========================================================================== detection


def test_detect_fortios_not_ios():
    text = cfg()
    assert F.detect(text) == 100
    assert F.detect(text.replace(HEAD, "")) >= 80
    assert cisco_ios.detect(text) == 0
    ios = (Path(__file__).resolve().parents[1] / "fixtures" / "ios" / "core-l3.cfg").read_text()
    assert F.detect(ios) == 0
    assert F.detect("") == 0
    assert F.detect("set system host-name x\nedit interfaces\n") == 0


# =========================================================================== device, VDOMs


def test_hostname_version_and_model_from_header():
    dev, rep = dev_of(cfg())
    assert dev.hostname == "FGT" and dev.vendor == "fortinet_fortios"
    assert dev.os_version == "7.2.5 build1517" and dev.facts["model"] == "FG100F"
    assert dev.source.line == 3 and rep.devices == ["FGT"]
    assert not rep.unrecognized and not rep.partially_understood


def test_vdoms_give_one_device_each_with_their_interfaces():
    res = parse((FIXTURES / "multi-vdom.conf").read_text(), "multi-vdom.conf")
    names = [d.hostname for d in res.devices]
    assert names == ["FGT-SO-TTTT/root", "FGT-SO-TTTT/KHACH"]
    root, khach = res.devices
    assert set(root.interfaces) == {"port1", "port2", "vlink0"}
    assert set(khach.interfaces) == {"port3", "vlink1"}
    assert [line.name for line in khach.filters["firewall-policy"].lines] == ["1"]
    # global admin port applies to every VDOM
    ssh = [s for s in root.services if s.name == "ssh"]
    assert ssh and ssh[0].ports == (PortRange(2222, 2222),)
    assert not res.report.unrecognized


def test_vdoms_are_linked_by_their_vdom_link_subnet():
    zones = {"office": {"kind": "internal", "subnets": ["10.1.10.0/24"],
                        "attach": ["FGT-SO-TTTT/root:port2"]},
             "guest": {"kind": "guest", "subnets": ["10.9.50.0/24"],
                       "attach": ["FGT-SO-TTTT/KHACH:port3"]},
             "internet": {"kind": "external", "attach": ["FGT-SO-TTTT/root:port1"]}}
    _, cells = analyse((FIXTURES / "multi-vdom.conf").read_text(), zones)
    # guest VDOM → vlink → root VDOM policy 2 (HTTP, HTTPS, DNS only) → Internet
    assert cells[("guest", "internet")].verdict == REACHABLE
    assert cells[("guest", "internet")].services == ["tcp/53", "tcp/80", "tcp/443", "udp/53"]
    assert cells[("guest", "office")].verdict == BLOCKED


# =========================================================================== interfaces


def test_interface_forms_vlan_secondary_status_role_alias():
    dev, rep = dev_of(cfg(ifaces='''    edit "port5"
        set vdom "root"
        set type physical
    next
    edit "VL30"
        set vdom "root"
        set ip 10.0.30.1/24
        set alias "MOT-CUA"
        set role lan
        set secondary-IP enable
        config secondaryip
            edit 1
                set ip 10.0.31.1 255.255.255.0
                set allowaccess ping
            next
        end
        set interface "port5"
        set vlanid 30
    next
    edit "port6"
        set vdom "root"
        set status down
        set ip 10.0.60.1 255.255.255.0
    next
'''))
    vl = dev.interfaces["VL30"]
    assert vl.kind == IfKind.VLAN and vl.parent == "port5" and vl.encapsulation_vlan == 30
    assert vl.addresses == [IPNetwork("10.0.30.1/24"), IPNetwork("10.0.31.1/24")]
    assert vl.description == "MOT-CUA"
    assert dev.interfaces["port6"].shutdown
    assert dev.facts["interface_roles"]["wan1"] == "wan"
    # allowaccess of a secondary address applies to that address only
    acl = dev.filters["allowaccess VL30 ping"]
    assert acl.lines[0].matches[0].dst == (AddrMatch.host(int(IPNetwork("10.0.31.1/32").ip)),)
    assert not rep.unrecognized


def test_aggregate_switch_and_virtual_switch_members():
    dev, rep = dev_of(cfg('''
config system virtual-switch
    edit "internal"
        set physical-switch "sw0"
        config port
            edit "internal1"
            next
            edit "internal2"
            next
        end
    next
end
config system switch-interface
    edit "sw-khach"
        set vdom "root"
        set member "port9" "port10"
    next
end
''', ifaces='''    edit "internal"
        set vdom "root"
        set ip 192.168.1.99 255.255.255.0
        set type hard-switch
    next
    edit "internal1"
        set vdom "root"
        set type physical
    next
    edit "internal2"
        set vdom "root"
        set type physical
    next
    edit "port9"
        set vdom "root"
        set type physical
    next
    edit "port10"
        set vdom "root"
        set type physical
    next
    edit "sw-khach"
        set vdom "root"
        set ip 10.0.70.1/24
        set type switch
    next
    edit "x1"
        set vdom "root"
        set type physical
    next
    edit "x2"
        set vdom "root"
        set type physical
    next
    edit "uplink"
        set vdom "root"
        set type aggregate
        set member "x1" "x2"
    next
    edit "VL40"
        set vdom "root"
        set ip 10.0.40.1/24
        set interface "uplink"
        set vlanid 40
    next
'''))
    itf = dev.interfaces
    assert itf["internal"].kind == IfKind.BRIDGE
    assert itf["internal1"].mode == L2Mode.BRIDGE_PORT and itf["internal1"].parent == "internal"
    assert itf["sw-khach"].kind == IfKind.BRIDGE and itf["port10"].parent == "sw-khach"
    assert itf["uplink"].kind == IfKind.PORT_CHANNEL
    assert itf["x1"].parent == "uplink" and itf["x2"].parent == "uplink"
    topo = topology.build([dev])
    # a host on internal2 shares the L2 domain of the hard switch's address
    assert topo.port_domain("FGT", "internal2") == topo.l3_domain("FGT", "internal")
    assert topo.l3_domain("FGT", "VL40") is not None
    assert not rep.unrecognized


def test_dhcp_interface_has_a_run_time_address_and_default_route():
    dev, rep = dev_of(cfg(ifaces='''    edit "wan2"
        set vdom "root"
        set mode dhcp
        set role wan
    next
'''))
    wan2 = dev.interfaces["wan2"]
    assert wan2.dynamic_address and not wan2.partial and wan2.dynamic_source.text.strip() == "set mode dhcp"
    assert dev.facts["dynamic_address_interfaces"] == ["wan2"]
    assert not dev.facts.get("dynamic_routing")
    # `defaultgw enable` (the default): a default route via the DHCP gateway, distance 5
    [route] = [r for r in dev.routes if r.runtime_gateway]
    assert (str(route.prefix), route.interface, route.distance) == ("0.0.0.0/0", "wan2", 5)
    assert not any(p["construct"] == "interface wan2" for p in rep.partially_understood)


def test_tunnel_interfaces_are_partial_only_when_used():
    dev, rep = dev_of(cfg('''
config vpn ipsec phase1-interface
    edit "VPN-TINH"
        set interface "wan1"
        set peertype any
        set remote-gw 198.51.100.7
        set psksecret ENC Zm9vYmFyYmF6cXV4
    next
end
''', ifaces='''    edit "ssl.root"
        set vdom "root"
        set type tunnel
    next
    edit "VPN-TINH"
        set vdom "root"
        set type tunnel
        set interface "wan1"
    next
'''))
    constructs = [p["construct"] for p in rep.partially_understood]
    assert "interface VPN-TINH" in constructs and "interface ssl.root" not in constructs
    assert dev.interfaces["VPN-TINH"].partial and dev.interfaces["VPN-TINH"].kind == IfKind.TUNNEL
    ike = [s for s in dev.services if s.name == "ike"]
    assert ike and ike[0].ports == (PortRange(500, 500), PortRange(4500, 4500))
    assert "Zm9vYmFyYmF6cXV4" in dev.secrets


# =========================================================================== zones


ZONE = '''
config system zone
    edit "Z-NOIBO"
        set interface "lan" "srv"
    next
end
'''


def test_zone_membership_and_policy_on_a_zone_expands_to_members():
    text = cfg(ZONE, policies(policy(1, '"guest"', '"Z-NOIBO"', service='"HTTPS"')))
    dev, _ = dev_of(text)
    assert dev.interfaces["lan"].zone == "Z-NOIBO" and dev.interfaces["srv"].zone == "Z-NOIBO"
    [line] = dev.filters["firewall-policy"].lines
    assert line.matches[0].out_ifaces == frozenset({"lan", "srv"})
    _, cells = analyse(text)
    assert cells[("guest", "staff")].services == ["tcp/443"]
    assert cells[("guest", "servers")].services == ["tcp/443"]


def test_intrazone_deny_by_default_and_allow_as_the_zones_default_action():
    _, cells = analyse(cfg(ZONE))
    assert cells[("staff", "servers")].verdict == BLOCKED
    allow = ZONE.replace('set interface "lan" "srv"', 'set intrazone allow\n        set interface "lan" "srv"')
    dev, _ = dev_of(cfg(allow))
    assert dev.filters["firewall-policy"].lines[-1].name == "intrazone Z-NOIBO"
    _, cells = analyse(cfg(allow))
    assert cells[("staff", "servers")].verdict == REACHABLE
    assert cells[("staff", "servers")].services == ["ip"]
    # an explicit deny policy is matched before the intrazone setting (Fortinet KB 264457)
    _, cells = analyse(cfg(allow, policies(policy(99, '"any"', '"any"', action="deny"))))
    assert cells[("staff", "servers")].verdict == BLOCKED


# =========================================================================== policies


def test_policies_first_match_in_file_order_with_implicit_deny():
    text = cfg(policies(
        policy(7, '"lan"', '"srv"', '"LAN"', '"WEB"', '"RDP"', action="deny"),
        policy(3, '"lan"', '"srv"', '"LAN"', '"SRV"', '"RDP" "HTTPS"')))
    dev, _ = dev_of(text)
    flt = dev.filters["firewall-policy"]
    assert dev.forward_filter == "firewall-policy"
    assert [line.name for line in flt.lines] == ["7", "3"]
    assert flt.default_action == Action.DENY and flt.default_text == "implicit deny (policy 0)"
    # cited by the `edit N` line, the policy summed up as a whole
    assert flt.lines[0].source.text == ('policy 7: srcintf "lan" → dstintf "srv", srcaddr "LAN", '
                                        'dstaddr "WEB", service "RDP", action deny')
    assert flt.lines[1].source.text.endswith('service "RDP" "HTTPS", action accept')
    res, cells = analyse(text)
    c = cells[("staff", "servers")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443", "tcp/3389"]
    # RDP to the web server itself is denied by policy 7, the rest by nothing
    assert cells[("servers", "staff")].verdict == BLOCKED
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_policy_citation_names_the_policy_and_is_truncated_sensibly():
    many = " ".join(f'"H{i}"' for i in range(6))
    named = '        set name "LAN-to-WAN"\n        set nat enable\n'
    text = cfg(policies(
        policy(13, '"lan"', '"wan1"', '"LAN"', '"all"', extra=named),
        policy(14, '"lan" "guest"', '"srv"', many, '"WEB"', '"HTTPS"')),
        'config firewall address\n' + "".join(f'    edit "H{i}"\n        set subnet 10.0.10.{i} '
                                              '255.255.255.255\n    next\n' for i in range(6)) + 'end')
    dev, _ = dev_of(text)
    nat_line, wide = dev.filters["firewall-policy"].lines
    assert nat_line.source.text == ('policy 13 "LAN-to-WAN": srcintf "lan" → dstintf "wan1", srcaddr "LAN", '
                                    'dstaddr "all", service "ALL", action accept, nat enable')
    assert nat_line.source.line == text.splitlines().index("    edit 13") + 1
    assert wide.source.text == ('policy 14: srcintf "lan" "guest" → dstintf "srv", srcaddr "H0" "H1" "H2" … (+3), '
                                'dstaddr "WEB", service "HTTPS", action accept')
    # the source NAT it applies names its policy too
    nat = [r for r in dev.nat_rules if r.kind == "source"]
    assert nat and all(r.source.text == 'policy 13 "LAN-to-WAN": set nat enable' for r in nat)
    # the policy facts the FortiGate checks cite carry the same citation
    assert dev.facts["policies"][0]["source"] == nat_line.source


def test_local_in_default_is_cited_at_its_section():
    text = cfg(policies(policy(1, '"lan"', '"wan1"', '"LAN"', '"all"')))
    dev, _ = dev_of(text)
    fwd, local = dev.filters["firewall-policy"], dev.filters["local-in"]
    assert fwd.source.text == "config firewall policy"
    assert local.source == fwd.source                   # no local-in policies: the forward ones decide
    text += ('config firewall local-in-policy\n    edit 1\n        set intf "wan1"\n        set srcaddr "all"\n'
             '        set dstaddr "all"\n        set action deny\n        set service "ALL"\n'
             '        set schedule "always"\n    next\nend\n')
    dev, _ = dev_of(text)
    assert dev.filters["local-in"].source.text == "config firewall local-in-policy"


def test_move_reorders_policies():
    text = cfg('''
config firewall policy
''' + policy(1, '"lan"', '"srv"', service='"HTTPS"') + policy(2, '"lan"', '"srv"', action="deny") + '''    move 2 before 1
end
''')
    dev, rep = dev_of(text)
    assert [line.name for line in dev.filters["firewall-policy"].lines] == ["2", "1"]
    _, cells = analyse(text)
    assert cells[("staff", "servers")].verdict == BLOCKED


def test_disabled_policy_is_skipped():
    text = cfg(policies(policy(1, '"guest"', '"lan"', extra="        set status disable\n")))
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines == []
    assert not rep.unrecognized
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == BLOCKED


def test_srcintf_any_matches_every_interface():
    text = cfg(policies(policy(1, '"any"', '"srv"', dstaddr='"WEB"', service='"HTTPS"')))
    dev, _ = dev_of(text)
    m = dev.filters["firewall-policy"].lines[0].matches[0]
    assert m.in_ifaces is None and m.out_ifaces == frozenset({"srv"})
    _, cells = analyse(text)
    for zone in ("staff", "guest", "internet"):
        assert cells[(zone, "servers")].services == ["tcp/443"], zone


def test_address_unions_fit_one_match_and_services_split_by_protocol():
    text = cfg('''
config firewall addrgrp
    edit "G"
        set member "LAN" "GUEST"
    next
end
''', policies(policy(1, '"lan" "guest"', '"srv"', '"G" "WEB"', '"SRV"', '"DNS" "HTTPS" "PING"')))
    dev, _ = dev_of(text)
    ms = dev.filters["firewall-policy"].lines[0].matches
    assert all(m.src == (AddrMatch.prefix("10.0.10.0/24"), AddrMatch.prefix("10.0.50.0/24"),
                         AddrMatch.prefix("10.0.20.10/32")) for m in ms)
    got = sorted(((m.protocols, m.dst_ports, m.icmp_type) for m in ms), key=repr)
    assert got == sorted([((PROTO_ICMP,), None, 8),
                          ((PROTO_TCP,), (PortRange(53, 53), PortRange(443, 443)), None),
                          ((PROTO_UDP,), (PortRange(53, 53),), None)], key=repr)


def test_negated_addresses():
    text = cfg(policies(policy(1, '"guest"', '"any"', '"all"', '"LAN"',
                               extra="        set dstaddr-negate enable\n")))
    dev, _ = dev_of(text)
    m = dev.filters["firewall-policy"].lines[0].matches[0]
    assert m.dst_negate and m.dst == (AddrMatch.prefix("10.0.10.0/24"),)
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("guest", "servers")].verdict == REACHABLE
    # negating "all" matches nothing
    _, cells = analyse(cfg(policies(policy(1, '"guest"', '"any"', extra="        set srcaddr-negate enable\n"))))
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_iprange_wildcard_and_group_exclude_are_exact():
    text = cfg('''
config firewall address
    edit "R"
        set type iprange
        set start-ip 10.0.20.10
        set end-ip 10.0.20.12
    next
    edit "W"
        set type wildcard
        set wildcard 10.0.20.1 255.255.255.241
    next
    edit "HOST10"
        set subnet 10.0.20.10/32
    next
end
config firewall addrgrp
    edit "SRV-NO-10"
        set member "SRV"
        set exclude enable
        set exclude-member "HOST10"
    next
end
''', policies(policy(1, '"lan"', '"srv"', '"LAN"', '"R"', '"HTTPS"'),
              policy(2, '"lan"', '"srv"', '"LAN"', '"W"', '"SSH"'),
              policy(3, '"guest"', '"srv"', '"GUEST"', '"SRV-NO-10"', '"HTTP"')))
    dev, rep = dev_of(text)
    lines = dev.filters["firewall-policy"].lines
    assert lines[0].matches[0].dst == (AddrMatch.prefix("10.0.20.10/31"), AddrMatch.prefix("10.0.20.12/32"))
    w = lines[1].matches[0].dst[0]
    assert (w.value, w.wildcard) == (int(IPNetwork("10.0.20.1/32").ip), 0xE)
    excl = lines[2].matches[0].dst
    assert AddrMatch.prefix("10.0.20.10/32") not in excl and AddrMatch.prefix("10.0.20.11/32") in excl
    assert not any(line.partial for line in lines) and not rep.partially_understood


def test_unresolvable_addresses_make_the_line_partial_with_a_superset():
    text = cfg('''
config firewall address
    edit "google"
        set type fqdn
        set fqdn "www.google.com"
    next
    edit "VN"
        set type geography
        set country "VN"
    next
end
''', policies(policy(1, '"guest"', '"lan"', '"GUEST"', '"google"'),
              policy(2, '"guest"', '"srv"', '"VN"', '"all"', action="deny"),
              policy(3, '"guest"', '"srv"', '"GUEST"', '"all"')))
    dev, rep = dev_of(text)
    l1, l2, l3 = dev.filters["firewall-policy"].lines
    assert "fqdn" in l1.partial and l1.matches[0].dst is None        # superset: any
    assert "geography" in l2.partial and l2.matches[0].src is None
    assert not l3.partial
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == UNKNOWN               # fqdn may be a staff address
    assert "fqdn" in cells[("guest", "staff")].reason
    assert cells[("guest", "servers")].verdict == UNKNOWN             # deny may or may not match


def test_undefined_names_are_references_and_partial():
    dev, rep = dev_of(cfg(policies(policy(1, '"guest"', '"nowhere"', '"GUEST"', '"NOPE"', '"NO-SVC"'))))
    kinds = sorted((r.kind, r.name) for r in dev.references)
    assert kinds == [("address", "NOPE"), ("interface", "nowhere"), ("service", "NO-SVC")]
    assert all(not r.defined for r in dev.references)
    assert "not defined" in dev.filters["firewall-policy"].lines[0].partial


def test_predefined_services_when_the_backup_lacks_them():
    dev, _ = dev_of(cfg(policies(policy(1, '"lan"', '"srv"', service='"Windows AD" "RLOGIN" "ALL_ICMP" "GRE"'))))
    ms = dev.filters["firewall-policy"].lines[0].matches
    protos = sorted(p for m in ms for p in m.protocols)
    assert protos == [1, 6, 6, 17, 47]
    rlogin = [m for m in ms if m.src_ports]
    assert rlogin and rlogin[0].src_ports == (PortRange(512, 1023),) and rlogin[0].dst_ports == (PortRange(513, 513),)
    assert not dev.filters["firewall-policy"].lines[0].partial


def test_custom_service_port_ranges_and_protocols():
    text = cfg('''
config firewall service custom
    edit "APP"
        set tcp-portrange 8000-8010 9443:1024-65535
        set udp-portrange 5000
    next
    edit "PROTO-50"
        set protocol IP
        set protocol-number 50
    next
    edit "UNREACH"
        set protocol ICMP
        set icmptype 3
        set icmpcode 4
    next
end
''', policies(policy(1, '"lan"', '"srv"', service='"APP" "PROTO-50" "UNREACH"')))
    dev, rep = dev_of(text)
    ms = dev.filters["firewall-policy"].lines[0].matches
    keys = sorted(((m.protocols, m.dst_ports, m.src_ports, m.icmp_type, m.icmp_code) for m in ms),
                  key=repr)
    assert keys == sorted([
        ((1,), None, None, 3, 4),
        ((6,), (PortRange(8000, 8010),), None, None, None),
        ((6,), (PortRange(9443, 9443),), (PortRange(1024, 65535),), None, None),
        ((17,), (PortRange(5000, 5000),), None, None, None),
        ((50,), None, None, None, None)], key=repr)
    assert not rep.unrecognized


@pytest.mark.parametrize("extra,why", [
    ('        set schedule "gio-hanh-chinh"\n', "schedule"),
    ('        set groups "CAN-BO"\n', "identity-based"),
    ('        set internet-service enable\n        set internet-service-name "Google-Web"\n', "internet-service"),
    ('        set service-negate enable\n', "service-negate"),
    ('        set brand-new-knob 7\n', "settings not understood"),
])
def test_policy_features_not_modelled_make_the_line_partial(extra, why):
    dev, rep = dev_of(cfg(policies(policy(1, '"guest"', '"lan"', '"GUEST"', '"LAN"', '"HTTPS"', extra=extra))))
    line = dev.filters["firewall-policy"].lines[0]
    assert why in line.partial
    assert any(p["construct"] == "policy 1" for p in rep.partially_understood)


def test_action_ipsec_is_partial():
    dev, _ = dev_of(cfg(policies(policy(1, '"lan"', '"wan1"', action="ipsec"))))
    assert "ipsec" in dev.filters["firewall-policy"].lines[0].partial


def test_policy_without_action_denies():
    text = cfg(policies(policy(1, '"guest"', '"lan"').replace("        set action accept\n", "")))
    dev, _ = dev_of(text)
    assert dev.filters["firewall-policy"].lines[0].action == Action.DENY


def test_ipv6_only_consolidated_policy_is_ignored():
    text = cfg(policies('''    edit 5
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr6 "all"
        set dstaddr6 "all"
        set action accept
        set schedule "always"
        set service "ALL"
    next
'''))
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines == [] and not rep.unrecognized


# =========================================================================== NAT


VIP = '''
config firewall vip
    edit "VIP-WEB"
        set extip 203.0.113.3
        set mappedip "10.0.20.10"
        set extintf "wan1"
        set portforward enable
        set extport 8443
        set mappedport 443
    next
    edit "VIP-UNUSED"
        set extip 203.0.113.4
        set mappedip "10.0.20.11"
        set extintf "any"
    next
end
'''


def test_vip_is_destination_nat_and_the_policy_matches_the_mapped_address():
    text = cfg(VIP, policies(policy(1, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"ALL"')))
    dev, rep = dev_of(text)
    [rule] = [r for r in dev.nat_rules if r.kind == "destination"]     # unused VIP: no rule
    assert rule.in_ifaces == frozenset({"wan1"})
    assert rule.match.dst == (AddrMatch.host(int(IPNetwork("203.0.113.3/32").ip)),)
    assert rule.match.protocols == (PROTO_TCP,) and rule.match.dst_ports == (PortRange(8443, 8443),)
    assert rule.to_ip == int(IPNetwork("10.0.20.10/32").ip) and rule.to_port == 443
    [m] = dev.filters["firewall-policy"].lines[0].matches
    assert m.dst == (AddrMatch.host(int(IPNetwork("10.0.20.10/32").ip)),)
    assert m.protocols == (PROTO_TCP,) and m.dst_ports == (PortRange(443, 443),)
    _, cells = analyse(text)
    c = cells[("internet", "servers")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443"]
    hop = c.witness.to_json()["hops"][0]
    assert hop["rules"][0]["text"] == 'edit "VIP-WEB"' and hop["rules"][0]["translated"]["dst_port"] == 443
    # the guest is not on the VIP's external interface: no translation, nothing reaches
    assert cells[("guest", "servers")].verdict == BLOCKED


def test_central_nat_applies_every_vip():
    text = cfg(VIP, '''
config system settings
    set central-nat enable
end
''')
    dev, _ = dev_of(text)
    assert len([r for r in dev.nat_rules if r.kind == "destination"]) == 2


def test_vipgrp_in_dstaddr():
    text = cfg(VIP, '''
config firewall vipgrp
    edit "G"
        set interface "wan1"
        set member "VIP-WEB"
    next
end
''', policies(policy(1, '"wan1"', '"srv"', dstaddr='"G"', service='"HTTPS"')))
    _, cells = analyse(text)
    assert cells[("internet", "servers")].services == ["tcp/443"]


def test_deny_without_match_vip_before_a_vip_policy_is_partial():
    deny = policy(1, '"wan1"', '"srv"', action="deny")
    allow = policy(2, '"wan1"', '"srv"', dstaddr='"VIP-WEB"', service='"HTTPS"')
    dev, _ = dev_of(cfg(VIP, policies(deny, allow)))
    assert "match-vip" in dev.filters["firewall-policy"].lines[0].partial
    _, cells = analyse(cfg(VIP, policies(deny, allow)))
    assert cells[("internet", "servers")].verdict == UNKNOWN
    deny_mv = policy(1, '"wan1"', '"srv"', action="deny", extra="        set match-vip enable\n")
    dev, _ = dev_of(cfg(VIP, policies(deny_mv, allow)))
    assert dev.filters["firewall-policy"].lines[0].partial is None
    _, cells = analyse(cfg(VIP, policies(deny_mv, allow)))
    assert cells[("internet", "servers")].verdict == BLOCKED


def test_policy_nat_is_source_nat_to_the_egress_interface_or_pool():
    dev, rep = dev_of(cfg(policies(policy(1, '"lan"', '"wan1"', '"LAN"', extra="        set nat enable\n"))))
    [rule] = dev.nat_rules
    assert rule.kind == "source" and rule.to_interface == "wan1" and rule.out_ifaces == frozenset({"wan1"})
    assert rule.in_ifaces == frozenset({"lan"})
    pooled = cfg('''
config firewall ippool
    edit "POOL"
        set startip 203.0.113.5
        set endip 203.0.113.6
    next
end
''', policies(policy(1, '"lan"', '"wan1"', '"LAN"',
                     extra='        set nat enable\n        set ippool enable\n        set poolname "POOL"\n')))
    dev, rep = dev_of(pooled)
    [rule] = dev.nat_rules
    assert rule.to_ip == int(IPNetwork("203.0.113.5/32").ip)
    assert any("ippool POOL" in p["reason"] for p in rep.partially_understood)
    _, cells = analyse(pooled)
    hop = cells[("staff", "internet")].witness.to_json()["hops"][0]
    assert hop["rules"][-1]["translated"]["src_ip"] == "203.0.113.5"


# =========================================================================== routes


def test_static_routes():
    dev, rep = dev_of(cfg('''
config router static
    edit 2
        set dst 10.160.0.0 255.255.0.0
        set gateway 203.0.113.1
        set device "wan1"
        set distance 5
    next
    edit 3
        set dst 10.0.0.0/8
        set blackhole enable
        set distance 254
    next
    edit 4
        set dst 172.16.0.0 255.240.0.0
        set device "wan1"
        set status disable
    next
end
'''))
    routes = {str(r.prefix): r for r in dev.routes}
    assert set(routes) == {"0.0.0.0/0", "10.160.0.0/16", "10.0.0.0/8"}
    r = routes["10.160.0.0/16"]
    assert r.interface == "wan1" and r.next_hop == int(IPNetwork("203.0.113.1/32").ip) and r.distance == 5
    assert routes["10.0.0.0/8"].drop and routes["0.0.0.0/0"].distance == 10
    assert routes["0.0.0.0/0"].source.text == "set gateway 203.0.113.1"


def test_dynamic_routing_only_when_configured():
    skeleton = '''
config router bgp
    config redistribute "connected"
    end
end
config router ospf
    config redistribute "connected"
    end
end
'''
    dev, rep = dev_of(cfg(skeleton))
    assert not dev.facts.get("dynamic_routing") and not rep.unrecognized
    dev, _ = dev_of(cfg('''
config router bgp
    set as 65010
    config neighbor
        edit "10.250.12.1"
            set remote-as 65000
        next
    end
end
'''))
    assert [s.text for s in dev.facts["dynamic_routing"]] == ["config router bgp"]


# =========================================================================== control plane


ACCESS = '''    edit "mgmt"
        set vdom "root"
        set ip 10.0.99.1 255.255.255.0
        set allowaccess ping https ssh snmp
    next
'''


def test_allowaccess_services_are_pinned_to_their_interface():
    dev, _ = dev_of(cfg(ifaces=ACCESS))
    names = sorted(s.name for s in dev.services)
    assert names == ["https", "icmp-echo", "ssh"]        # no SNMP community: nothing answers
    https = next(s for s in dev.services if s.name == "https")
    assert https.ports == (PortRange(443, 443),) and https.interfaces is None
    assert https.acl == "allowaccess mgmt https"
    assert https.source.text == "set allowaccess ping https ssh snmp"
    acl = dev.filters[https.acl]
    assert acl.lines[0].matches[0].dst == (AddrMatch.host(int(IPNetwork("10.0.99.1/32").ip)),)
    assert dev.input_filter == "local-in"


def test_admin_ports_from_system_global_and_telnet_switch():
    text = cfg(ifaces=ACCESS.replace("ssh snmp", "ssh http telnet")).replace(
        'set hostname "FGT"', 'set hostname "FGT"\n    set admin-sport 10443\n    set admin-port 8080\n'
        '    set admin-ssh-port 2222\n    set admin-telnet disable')
    dev, _ = dev_of(text)
    ports = {s.name: s.ports for s in dev.services}
    assert ports["https"] == (PortRange(10443, 10443),) and ports["http"] == (PortRange(8080, 8080),)
    assert ports["ssh"] == (PortRange(2222, 2222),) and "telnet" not in ports
    assert next(s for s in dev.services if s.name == "http").insecure


def test_trusthosts_restrict_admin_sources_only_when_every_admin_has_them():
    admins = '''
config system admin
    edit "admin"
        set accprofile "super_admin"
        set trusthost1 10.0.99.0 255.255.255.0
        set password ENC SH2QWERTYUIOPASDFGHJKL
    next
    edit "ops"
        set accprofile "prof_admin"
        set trusthost1 10.0.99.10 255.255.255.255
        set trusthost2 10.0.10.50 255.255.255.255
    next
end
'''
    dev, _ = dev_of(cfg(admins, ifaces=ACCESS))
    acl = dev.filters["allowaccess mgmt https"]
    assert [line.matches[0].src for line in acl.lines] == [
        (AddrMatch.prefix("10.0.99.0/24"),), (AddrMatch.prefix("10.0.10.50/32"),)]
    assert dev.facts["admin_trusthosts"] == ["10.0.99.0/24", "10.0.10.50/32"]
    assert "SH2QWERTYUIOPASDFGHJKL" in dev.secrets
    # one account without trusted hosts opens the login service to every source
    open_admins = admins.replace('        set trusthost1 10.0.99.10 255.255.255.255\n'
                                 '        set trusthost2 10.0.10.50 255.255.255.255\n', "")
    dev, _ = dev_of(cfg(open_admins, ifaces=ACCESS))
    assert len(dev.filters["allowaccess mgmt https"].lines) == 1
    assert dev.filters["allowaccess mgmt https"].lines[0].matches[0].src is None
    assert dev.facts["admin_trusthosts"] is None


def test_admin_access_from_another_interface_needs_a_firewall_policy():
    """FortiOS: reaching interface Y's address from interface X is X → Y through traffic."""
    zones = dict(ZONES, mgmt={"kind": "management", "subnets": ["10.0.99.0/24"], "attach": ["FGT:mgmt"]})
    wan_https = cfg(ifaces=ACCESS).replace('        set role wan\n', '        set role wan\n        set allowaccess https\n')
    _, cells = analyse(wan_https, zones)
    assert cells[("staff", "@devices")].verdict == BLOCKED          # no policy lan → wan1
    assert cells[("internet", "@devices")].services == ["tcp/443"]  # same interface: allowaccess alone
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443"]
    text = wan_https + policies(policy(1, '"lan"', '"wan1"', '"LAN"', '"all"', extra="        set nat enable\n"))
    _, cells = analyse(text, zones)
    c = cells[("staff", "@devices")]
    assert c.verdict == REACHABLE and c.services == ["tcp/443"]
    rules = [r["text"] for r in c.witness.to_json()["hops"][0]["rules"]]
    assert rules[0].startswith("policy 1: srcintf \"lan\" → dstintf \"wan1\"") and rules[0].endswith("nat enable")
    assert rules[1].startswith("set allowaccess")
    # a policy towards another interface does not open wan1's address
    text = wan_https + policies(policy(1, '"lan"', '"srv"', '"LAN"', '"all"'))
    _, cells = analyse(text, zones)
    assert cells[("staff", "@devices")].verdict == BLOCKED


def test_local_in_policy_is_evaluated_before_allowaccess():
    text = cfg('''
config firewall local-in-policy
    edit 1
        set intf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action deny
        set service "HTTPS"
        set schedule "always"
    next
end
''').replace('        set role wan\n', '        set role wan\n        set allowaccess ping https\n')
    dev, rep = dev_of(text)
    assert dev.filters["local-in"].lines[0].name == "local-in 1"
    _, cells = analyse(text)
    assert cells[("internet", "@devices")].services == ["icmp/8"]
    assert not rep.unrecognized


def test_dhcp_server_and_snmp_with_hosts():
    text = cfg('''
config system dhcp server
    edit 1
        set default-gateway 10.0.50.1
        set netmask 255.255.255.0
        set interface "guest"
        config ip-range
            edit 1
                set start-ip 10.0.50.10
                set end-ip 10.0.50.200
            next
        end
    next
end
config system snmp sysinfo
    set status enable
end
config system snmp community
    edit 1
        set name "giam-sat-ro"
        config hosts
            edit 1
                set ip 10.0.10.20 255.255.255.255
            next
        end
    next
end
''', ifaces='''    edit "mgmt"
        set vdom "root"
        set ip 10.0.99.1 255.255.255.0
        set allowaccess snmp
    next
''')
    dev, rep = dev_of(text)
    snmp = next(s for s in dev.services if s.name == "snmp")
    assert dev.filters[snmp.acl].lines[0].matches[0].src == (AddrMatch.prefix("10.0.10.20/32"),)
    assert "giam-sat-ro" in dev.secrets
    _, cells = analyse(text)
    assert cells[("guest", "@devices")].services == ["udp/67"]
    assert not rep.unrecognized


# =========================================================================== wireless


def test_vap_ssids_are_tied_to_their_interface_or_vlan():
    dev, rep = dev_of(cfg('''
config wireless-controller vap
    edit "guest"
        set ssid "Wifi-Nguoi-Dan"
        set security open
    next
    edit "staff-wifi"
        set ssid "CanBo"
        set security wpa2-only-personal
        set passphrase ENC c2VjcmV0LXBhc3NwaHJhc2U=
        set local-bridging enable
        set vlanid 10
    next
end
'''))
    s = {x.name: x for x in dev.ssids}
    assert s["Wifi-Nguoi-Dan"].interface == "guest" and s["Wifi-Nguoi-Dan"].open_auth
    assert s["CanBo"].interface is None and s["CanBo"].vlan == 10 and not s["CanBo"].open_auth
    assert "c2VjcmV0LXBhc3NwaHJhc2U=" in dev.secrets


# =========================================================================== robustness


def test_unknown_sections_are_reported_not_raised():
    text = cfg('''
config system brand-new-feature
    edit 1
        set knob on
    next
end
config firewall policy
    edit 1
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set service "ALL"
        set mystery-setting 42
    next
''')
    res = parse(text)
    unrec = [u.text for u in res.report.unrecognized]
    assert unrec[:5] == ["config system brand-new-feature", "edit 1", "set knob on", "next", "end"]
    assert "set mystery-setting 42" in unrec
    assert any("truncated" in w for w in res.report.warnings)
    assert any("not recognized" in w for w in res.report.warnings)
    line = res.devices[0].filters["firewall-policy"].lines[0]
    assert "mystery-setting" in line.partial


def test_line_accounting_adds_up():
    res = parse((FIXTURES / "multi-vdom.conf").read_text())
    rep = res.report
    assert rep.lines == 131 and rep.ignored + len(rep.unrecognized) <= rep.lines


@pytest.mark.parametrize("junk", ["", "\n\n", "config\n", "edit\nnext\nend\n", "set\n",
                                  'config system interface\n    edit "a\n', "\x00\x01 config x\n",
                                  "config firewall policy\n    edit 1\n        set srcintf\n"
                                  "        set service\n    next\nend\n"])
def test_garbage_never_raises(junk):
    res = parse(junk)
    assert res.report.lines == len(junk.splitlines())


def test_rename_after_a_reference_keeps_the_reference():
    # renamed before the policy names it: the old name no longer exists
    text = cfg('''
config firewall address
    edit "OLD"
        set subnet 10.0.20.10/32
    next
    rename "OLD" to "NEW"
end
''', policies(policy(1, '"lan"', '"srv"', '"LAN"', '"OLD"', '"HTTPS"')))
    dev, _ = dev_of(text)
    assert "not defined" in dev.filters["firewall-policy"].lines[0].partial
    # renamed after the policy named it: FortiOS renames the reference too
    text = cfg('''
config firewall address
    edit "OLD"
        set subnet 10.0.20.10/32
    next
end
''', policies(policy(1, '"lan"', '"srv"', '"LAN"', '"OLD"', '"HTTPS"')), '''
config firewall address
    rename "OLD" to "NEW"
end
''')
    dev, _ = dev_of(text)
    line = dev.filters["firewall-policy"].lines[0]
    assert line.partial is None
    assert line.matches[0].dst == (AddrMatch.prefix("10.0.20.10/32"),)


def test_sdwan_zone_in_policies_and_routes():
    text = cfg('''
config system sdwan
    set status enable
    config zone
        edit "virtual-wan-link"
        next
    end
    config members
        edit 1
            set interface "wan1"
            set gateway 203.0.113.1
        next
        edit 2
            set interface "wan2"
            set gateway 198.51.100.1
        next
    end
end
config router static
    edit 9
        set dst 8.8.8.0 255.255.255.0
        set sdwan-zone "virtual-wan-link"
    next
end
''', policies(policy(1, '"lan"', '"virtual-wan-link"', '"LAN"')), ifaces='''    edit "wan2"
        set vdom "root"
        set ip 198.51.100.2 255.255.255.252
        set role wan
    next
''')
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines[0].matches[0].out_ifaces == frozenset({"wan1", "wan2"})
    sd = sorted((r.interface, r.next_hop) for r in dev.routes if str(r.prefix) == "8.8.8.0/24")
    assert [i for i, _ in sd] == ["wan1", "wan2"]
    assert any("SD-WAN" in p["reason"] for p in rep.partially_understood)


def test_source_nat_after_an_overlapping_non_nat_policy_is_reported():
    text = cfg(policies(policy(1, '"lan"', '"wan1"', '"LAN"', '"all"', '"HTTPS"'),
                        policy(2, '"lan"', '"wan1"', '"LAN"', extra="        set nat enable\n")))
    dev, rep = dev_of(text)
    assert len(dev.nat_rules) == 1
    assert any("earlier policy without NAT" in p["reason"] for p in rep.partially_understood)


def test_interface_of_an_undeclared_vdom_is_left_out_with_a_warning():
    text = (FIXTURES / "multi-vdom.conf").read_text().replace('edit "port3"\n        set vdom "KHACH"',
                                                             'edit "port3"\n        set vdom "GHOST"')
    res = parse(text)
    assert all("port3" not in d.interfaces for d in res.devices)
    assert any("VDOM 'GHOST'" in w for w in res.report.warnings)


def test_small_office_60f_with_pppoe_wan_and_hardware_switch():
    res = parse((FIXTURES / "commune-60f-pppoe.conf").read_text(), "commune-60f-pppoe.conf")
    dev, rep = res.devices[0], res.report
    assert dev.hostname == "FGT60F-UBND-XA" and dev.os_version == "7.0.12 build0523"
    assert not rep.unrecognized
    assert rep.partially_understood == []           # PPPoE: a run-time address, modelled
    assert dev.interfaces["internal"].kind == IfKind.BRIDGE
    assert dev.interfaces["internal3"].parent == "internal"
    assert dev.interfaces["VL40-KHACH"].parent == "internal"
    [ssid] = dev.ssids
    assert ssid.vlan == 40 and ssid.interface is None and ssid.open_auth
    assert "q1w2e3r4t5y6u7i8o9p0" in dev.secrets
    zones = {"staff": {"kind": "internal", "subnets": ["192.168.10.0/24"],
                       "attach": ["FGT60F-UBND-XA:internal2"]},
             "guest": {"kind": "guest", "subnets": ["192.168.40.0/24"],
                       "attach": ["FGT60F-UBND-XA:VL40-KHACH"]},
             "internet": {"kind": "external", "attach": ["FGT60F-UBND-XA:wan1"]}}
    _, cells = analyse((FIXTURES / "commune-60f-pppoe.conf").read_text(), zones)
    # no static default route: the PPPoE peer's default route leads into the Internet zone
    assert cells[("staff", "internet")].verdict == REACHABLE
    assert cells[("guest", "staff")].verdict == BLOCKED
    # icmp/8: the guest → wan1 policy and `allowaccess ping` on wan1 answer pings to the
    # PPPoE address, whatever it is (as they would to a fixed address)
    assert cells[("guest", "@devices")].services == ["icmp/8", "udp/67"]
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443", "udp/67"]
