"""MikroTik RouterOS parser: one focused test per modelled rule (issue #4)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit import topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.model import Action, IfKind, L2Mode, PortRange, Src
from netaudit.parsers import cisco_ios, mikrotik_routeros
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "routeros"
V7 = "# 2024-03-12 10:21:33 by RouterOS 7.14.1\n"
V6 = "# mar/12/2024 10:21:33 by RouterOS 6.49.10\n"


def parse(text: str, file: str = "r.rsc", header: str = V7):
    res = mikrotik_routeros.parse(header + textwrap.dedent(text).lstrip("\n"), file)
    assert len(res.devices) == 1
    return res.devices[0], res.report


def ip(a: str) -> int:
    return int(IPAddress(a))


def svc(dev, name, proto=None):
    found = [s for s in dev.services if s.name == name and (proto is None or s.protocol == proto)]
    assert len(found) <= 1, found
    return found[0] if found else None


def matrix(devices, zone_list):
    topo = topology.build(devices)
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zone_list), topo)
    engine = Engine(topo, placed, addrs, HeaderSpace())
    return {(c.src, c.dst): c for c in compute_matrix(engine, [z.name for z in zone_list])}


# A small office used by the end-to-end rule tests: ether1 WAN, guest on vlan40.
OFFICE = """
/interface bridge
add name=br vlan-filtering=yes
/interface vlan
add interface=br name=v10 vlan-id=10
add interface=br name=v40 vlan-id=40
/interface list
add name=WAN
add name=LAN
/interface bridge port
add bridge=br interface=ether2 pvid=10
add bridge=br interface=ether3 pvid=40
/interface bridge vlan
add bridge=br tagged=br vlan-ids=10,40
/interface list member
add interface=ether1 list=WAN
add interface=v10 list=LAN
add interface=v40 list=LAN
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=v10
add address=10.0.40.1/24 interface=v40
/ip route
add gateway=192.0.2.1
"""
GUEST = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("r", "ether3")])
STAFF = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("r", "ether2")])
NET = Zone("internet", "external", attach=[("r", "ether1")])


def office(rules: str = "", header: str = V7):
    return parse(OFFICE + rules, header=header)


# --------------------------------------------------------------------------- syntax, accounting


def test_identity_version_model_and_vendor():
    dev, rep = parse("""
    # software id = 7KQX-ZP2M
    # model = RBD52G-5HacD2HnD
    /system identity
    set name=UBND-RT
    """)
    assert dev.hostname == "UBND-RT" and dev.vendor == "mikrotik_routeros"
    assert dev.os_version == "7.14.1" and dev.facts["model"] == "RBD52G-5HacD2HnD"
    assert dev.source == Src("r.rsc", 5, "set name=UBND-RT")
    assert rep.devices == ["UBND-RT"] and rep.vendor == "mikrotik_routeros"


def test_hostname_defaults_to_file_stem():
    dev, _ = parse("/ip dns\nset allow-remote-requests=no\n", file="configs/hap-xa.rsc")
    assert dev.hostname == "hap-xa"


def test_continuation_lines_join_and_cite_the_first_line():
    dev, rep = parse("""
    /ip firewall filter
    add action=drop chain=forward comment="defconf: drop all from WAN not DSTNAT\\
        ed" connection-state=\\
        new dst-port=\\
        8291 protocol=tcp
    add action=accept chain=forward
    """)
    lines = dev.filters["forward"].lines
    assert lines[0].source.line == 3
    assert lines[0].source.text == ('add action=drop chain=forward comment="defconf: drop all from '
                                    'WAN not DSTNATed" connection-state=new dst-port=8291 protocol=tcp')
    assert lines[0].matches[0].dst_ports == (PortRange(8291, 8291),)
    assert lines[1].source.line == 7
    assert rep.lines == 7 and rep.unrecognized == []


def test_line_accounting_recognized_ignored_unrecognized():
    dev, rep = parse("""
    # a comment
    /system clock
    set time-zone-name=Asia/Ho_Chi_Minh
    /ip address
    add address=10.0.0.1/24 interface=ether2

    /frobnicate widget
    add colour=blue
    :put "hello"
    /ip firewall filter
    print
    """)
    # 12 lines: version header, comment, clock header + set (ignored), address header
    # (ignored) + add (recognized), blank, unknown menu header + its add, script line,
    # filter header, a print command
    assert rep.lines == 12
    assert [(u.line, u.text) for u in rep.unrecognized] == [
        (8, "/frobnicate widget"), (9, "add colour=blue"), (10, ':put "hello"'), (12, "print")]
    assert rep.ignored == 7          # lines 1, 2, 3, 4, 5, 7, 11
    assert dev.interfaces["ether2"].addresses == [IPNetwork("10.0.0.1/24")]


def test_terse_export_full_path_on_each_line():
    dev, rep = parse("""
    /interface bridge add name=bridge1
    /interface bridge port add bridge=bridge1 interface=ether2
    /ip address add address=10.1.1.1/24 interface=bridge1 network=10.1.1.0
    /ip firewall filter add action=drop chain=input in-interface=ether1
    /ip/service set telnet disabled=yes
    """)
    assert rep.unrecognized == [] and rep.ignored == 1
    assert dev.interfaces["ether2"].mode == L2Mode.BRIDGE_PORT
    assert dev.filters["input"].lines[0].source.line == 5
    assert not svc(dev, "telnet").enabled


def test_verbose_export_defaults_are_understood():
    dev, rep = parse("""
    /ip firewall filter
    add action=accept chain=input comment="" connection-state=established disabled=no log=no \\
        log-prefix=""
    /ip service
    set telnet address="" disabled=yes port=23 vrf=main
    set ssh address="" disabled=no port=22 vrf=main
    """)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert dev.filters["input"].lines[0].matches[0].conn_established is True
    assert svc(dev, "ssh").acl is None and svc(dev, "ssh").enabled


def test_quoted_values_and_hex_escapes_and_v7_abbreviated_keys():
    dev, _rep = parse("""
    /interface wifi
    set [ find default-name=wifi1 ] configuration.mode=ap .ssid="Wi-Fi Ph\\C6\\B0\\E1\\BB\\9Dng" \\
        datapath.bridge=br disabled=no security.authentication-types=wpa2-psk \\
        .passphrase="abc def!123"
    /interface bridge
    add name=br
    """)
    (s,) = dev.ssids
    assert s.name == "Wi-Fi Phường" and s.open_auth is False and s.interface == "wifi1"
    assert "abc def!123" in dev.secrets
    assert dev.interfaces["wifi1"].mode == L2Mode.BRIDGE_PORT


def test_detect_routeros_and_not_ios():
    ros = (FIXTURES / "hap-ac2-defconf-v7.rsc").read_text()
    assert mikrotik_routeros.detect(ros) >= 90
    assert cisco_ios.detect(ros) == 0
    assert mikrotik_routeros.detect("/ip firewall filter\nadd chain=input action=drop\n") >= 50
    ios = "hostname R1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"
    assert mikrotik_routeros.detect(ios) == 0


# --------------------------------------------------------------------------- interfaces, bridges


def test_renamed_ethernet_and_disabled_port():
    dev, _ = parse("""
    /interface ethernet
    set [ find default-name=ether1 ] comment="WAN VNPT" name=ether1-wan
    set [ find default-name=ether5 ] disabled=yes
    /ip address
    add address=192.0.2.2/30 interface=ether1-wan
    """)
    assert "ether1" not in dev.interfaces
    wan = dev.interfaces["ether1-wan"]
    assert wan.description == "WAN VNPT" and wan.addresses == [IPNetwork("192.0.2.2/30")]
    assert dev.interfaces["ether5"].shutdown


def test_bridge_without_vlan_filtering_ignores_pvid_and_vlan_table():
    dev, _ = parse("""
    /interface bridge
    add name=bridge
    /interface vlan
    add interface=bridge name=vlan40 vlan-id=40
    /interface bridge port
    add bridge=bridge interface=ether2
    add bridge=bridge interface=ether5 pvid=40
    /interface bridge vlan
    add bridge=bridge tagged=bridge untagged=ether5 vlan-ids=40
    /ip address
    add address=10.0.10.1/24 interface=bridge
    add address=10.0.40.1/24 interface=vlan40
    """)
    br, e5, v40 = dev.interfaces["bridge"], dev.interfaces["ether5"], dev.interfaces["vlan40"]
    assert br.kind == IfKind.BRIDGE and br.mode == L2Mode.ROUTED
    assert e5.mode == L2Mode.BRIDGE_PORT and e5.parent == "bridge" and e5.access_vlan is None
    assert v40.kind == IfKind.VLAN and v40.parent == "bridge" and v40.encapsulation_vlan == 40
    (intent,) = dev.facts["bridges_no_vlan_filtering"]
    assert [p["port"] for p in intent["pvids"]] == ["ether5"]
    assert [v["interface"] for v in intent["vlan_interfaces"]] == ["vlan40"]
    assert intent["vlan_table"][0]["source"].line == 10


def test_no_vlan_filtering_puts_a_pvid_40_port_in_the_staff_domain():
    dev, _ = parse(OFFICE.replace("vlan-filtering=yes", "vlan-filtering=no"), file="r.rsc")
    m = matrix([dev], [GUEST, STAFF])
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert any("same L2 domain" in (h.get("note") or "") for h in cell.witness.hops)


def test_vlan_filtering_makes_access_ports_trunks_and_svis():
    dev, rep = parse("""
    /interface bridge
    add name=br vlan-filtering=yes pvid=1
    /interface vlan
    add interface=br name=v10 vlan-id=10
    add interface=br name=v99 vlan-id=99
    /interface bridge port
    add bridge=br interface=ether2 pvid=10 frame-types=admit-only-untagged-and-priority-tagged
    add bridge=br interface=ether8 pvid=99
    add bridge=br interface=ether9 frame-types=admit-only-vlan-tagged
    /interface bridge vlan
    add bridge=br tagged=br,ether8,ether9 vlan-ids=10,40-41
    add bridge=br tagged=br untagged=ether8 vlan-ids=99
    /ip address
    add address=10.0.10.1/24 interface=v10
    add address=10.0.1.1/24 interface=br
    """)
    e2, e8, e9 = (dev.interfaces[n] for n in ("ether2", "ether8", "ether9"))
    assert (e2.mode, e2.access_vlan) == (L2Mode.ACCESS, 10)
    assert (e8.mode, e8.native_vlan, e8.allowed_vlans) == (L2Mode.TRUNK, 99, frozenset({10, 40, 41, 99}))
    # admit-only-vlan-tagged: no untagged frames at all, only the tagged VLANs
    assert (e9.mode, e9.allowed_vlans) == (L2Mode.TRUNK, frozenset({10, 40, 41}))
    assert dev.interfaces["v10"].kind == IfKind.SVI and dev.interfaces["v10"].encapsulation_vlan == 10
    br = dev.interfaces["br"]
    assert br.kind == IfKind.SVI and br.encapsulation_vlan == 1
    # v99 exists but the bridge is tagged in VLAN 99: no warning; every VLAN known
    assert {10, 40, 41, 99, 1} <= set(dev.vlans)
    assert not any("not a tagged member" in w for w in rep.warnings)


def test_vlan_interface_whose_vlan_the_bridge_does_not_tag_is_warned():
    dev, rep = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface vlan
    add interface=br name=v20 vlan-id=20
    /interface bridge port
    add bridge=br interface=ether3 pvid=20
    """)
    assert any("not a tagged member of VLAN 20" in w for w in rep.warnings)
    assert dev.interfaces["v20"].kind == IfKind.SVI


@pytest.mark.parametrize("header, explicit, hopping", [
    (V6, "", True),                          # v6 default ingress-filtering=no
    (V7, "", False),                         # v7 default yes
    (V7, " ingress-filtering=no", True),
    (V6, " ingress-filtering=no frame-types=admit-only-untagged-and-priority-tagged", False),
])
def test_vlan_hopping_ports_depend_on_ingress_filtering_defaults(header, explicit, hopping):
    dev, _ = parse(f"""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface bridge port
    add bridge=br interface=ether3 pvid=40{explicit}
    """, header=header)
    assert bool(dev.facts["vlan_hopping_ports"]) is hopping


def test_vlan_filtering_separates_the_guest_port_from_staff():
    dev, _ = office()
    m = matrix([dev], [GUEST, STAFF])
    # no firewall at all: routed through the router (default accept), not one L2 domain
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    assert [h["in"] for h in cell.witness.to_json()["hops"]] == ["v40"]


def test_wireless_use_tag_and_virtual_ap_ssids():
    dev, _ = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface wireless security-profiles
    set [ find default=yes ] supplicant-identity=MikroTik
    add authentication-types=wpa2-psk mode=dynamic-keys name=staff wpa2-pre-shared-key=Secr3tKey
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge security-profile=staff ssid=STAFF \\
        vlan-id=10 vlan-mode=use-tag
    add disabled=no master-interface=wlan1 name=wlan-guest ssid=KHACH vlan-id=40 vlan-mode=use-tag
    set [ find default-name=wlan2 ] ssid=OFF
    /interface bridge port
    add bridge=br interface=wlan1
    add bridge=br interface=wlan-guest
    """)
    by = {s.name: s for s in dev.ssids}
    assert set(by) == {"STAFF", "KHACH"}             # wlan2 is disabled by default
    assert by["STAFF"].vlan == 10 and by["STAFF"].open_auth is False
    assert by["KHACH"].vlan == 40 and by["KHACH"].open_auth is True   # default profile: mode none
    assert dev.interfaces["wlan-guest"].access_vlan == 40
    assert "Secr3tKey" in dev.secrets


def test_wifi_datapath_makes_a_dynamic_bridge_port_with_its_vlan():
    dev, _ = parse("""
    /interface bridge
    add name=br vlan-filtering=yes
    /interface wifi datapath
    add bridge=br name=dp-guest vlan-id=40
    /interface wifi configuration
    add datapath=dp-guest mode=ap name=cfg-guest ssid="Free WiFi"
    /interface wifi
    set [ find default-name=wifi2 ] configuration=cfg-guest disabled=no
    """)
    assert dev.interfaces["wifi2"].mode == L2Mode.ACCESS and dev.interfaces["wifi2"].access_vlan == 40
    (s,) = dev.ssids
    assert (s.name, s.vlan, s.open_auth) == ("Free WiFi", 40, True)


def test_wireless_tagging_on_a_plain_bridge_is_warned():
    dev, rep = parse("""
    /interface bridge
    add name=br
    /interface wireless
    set [ find default-name=wlan1 ] disabled=no mode=ap-bridge ssid=G vlan-id=40 vlan-mode=use-tag
    /interface bridge port
    add bridge=br interface=wlan1
    """)
    assert any("tags its wireless clients into VLAN 40" in w for w in rep.warnings)
    assert dev.facts["bridges_no_vlan_filtering"] == []


def test_vrrp_address_is_a_virtual_address_of_its_parent():
    dev, _ = parse("""
    /interface vrrp
    add interface=v10 name=vrrp10 vrid=10
    /ip address
    add address=10.0.10.2/24 interface=v10
    add address=10.0.10.1/32 interface=vrrp10
    """)
    assert dev.interfaces["v10"].virtual_addresses == [IPNetwork("10.0.10.1/24")]
    assert dev.interfaces["vrrp10"].addresses == []


def test_ppp_profile_address_list_is_filled_at_run_time():
    dev, _ = parse("""
    /ppp profile
    add address-list=VPN-USERS name=vpn
    /ip firewall filter
    add action=accept chain=forward src-address-list=VPN-USERS
    """)
    assert "filled at run time" in dev.filters["forward"].lines[0].partial


def test_router_on_a_stick_vlan_on_ethernet():
    dev, _ = parse("""
    /interface vlan
    add interface=ether2 name=ether2.40 vlan-id=40
    /ip address
    add address=10.0.40.1/24 interface=ether2.40
    """)
    v = dev.interfaces["ether2.40"]
    assert (v.kind, v.parent, v.encapsulation_vlan) == (IfKind.VLAN, "ether2", 40)
    assert v.partial is None


def test_bonding_members_follow_the_bond():
    dev, _ = parse("""
    /interface bonding
    add name=bond1 slaves=ether7,ether8
    /interface bridge
    add name=br vlan-filtering=yes
    /interface bridge port
    add bridge=br interface=bond1 pvid=20
    """)
    assert dev.interfaces["bond1"].kind == IfKind.PORT_CHANNEL
    assert dev.interfaces["ether7"].parent == "bond1"
    assert dev.interfaces["ether7"].access_vlan == 20


# --------------------------------------------------------------------------- firewall


def test_chains_default_accept_with_named_default():
    dev, _ = parse("""
    /ip firewall filter
    add action=drop chain=forward protocol=tcp dst-port=23
    add action=drop chain=input in-interface=ether1
    """)
    assert dev.forward_filter == "forward" and dev.input_filter == "input"
    f = dev.filters["forward"]
    assert f.default_action == Action.PERMIT and "implicit accept" in f.default_text
    assert f.lines[0].name == "0" and dev.filters["input"].lines[0].name == "1"


def test_no_rules_no_filter():
    dev, _ = parse("/ip firewall filter\n")
    assert dev.forward_filter is None and dev.input_filter is None


def test_addresses_ranges_cidr_and_negation():
    dev, _ = parse("""
    /ip firewall filter
    add action=drop chain=forward src-address=10.0.0.5 dst-address=!10.0.0.0/8
    add action=drop chain=forward src-address=10.0.0.1-10.0.0.6
    """)
    l0, l1 = dev.filters["forward"].lines
    m0 = l0.matches[0]
    assert m0.src[0].value == ip("10.0.0.5") and m0.src[0].wildcard == 0
    assert m0.dst_negate and m0.dst[0].value == ip("10.0.0.0")
    pats = {(p.value, p.wildcard) for p in l1.matches[0].src}
    assert pats == {(ip("10.0.0.1"), 0), (ip("10.0.0.2"), 1), (ip("10.0.0.4"), 1), (ip("10.0.0.6"), 0)}


def test_protocol_and_port_lists():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward protocol=tcp dst-port=80,443,8000-8010
    add action=accept chain=forward protocol=udp port=53
    add action=accept chain=forward protocol=!icmp
    add action=accept chain=forward protocol=gre
    add action=accept chain=forward protocol=6 dst-port=!22
    """)
    l = dev.filters["forward"].lines
    assert l[0].matches[0].protocols == (6,)
    assert l[0].matches[0].dst_ports == (PortRange(80, 80), PortRange(443, 443), PortRange(8000, 8010))
    assert [(m.src_ports, m.dst_ports) for m in l[1].matches] == [
        ((PortRange(53, 53),), None), (None, (PortRange(53, 53),))]
    assert 1 not in l[2].matches[0].protocols and len(l[2].matches[0].protocols) == 255
    assert l[3].matches[0].protocols == (47,)
    assert l[4].matches[0].dst_ports == (PortRange(0, 21), PortRange(23, 65535))


def test_interface_lists_negation_include_exclude_builtins():
    dev, _ = parse("""
    /interface list
    add name=LAN
    add name=ALL-IN include=LAN,GUEST exclude=MGMT
    add name=GUEST
    add name=MGMT
    /interface list member
    add interface=ether2 list=LAN
    add interface=ether3 list=LAN
    add interface=ether4 list=GUEST
    add interface=ether3 list=MGMT
    /ip firewall filter
    add action=drop chain=forward in-interface-list=!LAN
    add action=drop chain=forward in-interface-list=ALL-IN
    add action=drop chain=forward in-interface-list=none
    add action=drop chain=forward in-interface-list=all
    add action=drop chain=forward out-interface=!ether2
    """)
    l = dev.filters["forward"].lines
    assert l[0].matches[0].in_ifaces == frozenset(dev.interfaces) - {"ether2", "ether3"}
    assert l[1].matches[0].in_ifaces == frozenset({"ether2", "ether4"})
    # "none" matches nothing: the rule yields no line
    assert [x.source.line for x in l] == [13, 14, 16, 17]
    assert l[2].matches[0].in_ifaces is None          # "all" = no constraint
    assert l[3].matches[0].out_ifaces == frozenset(dev.interfaces) - {"ether2"}
    assert dev.facts["interface_lists"]["ALL-IN"] == ["ether2", "ether4"]


def test_address_lists_defined_undefined_and_dynamic():
    dev, _rep = parse("""
    /ip firewall address-list
    add address=10.0.0.0/8 list=PRIV
    add address=192.168.0.0/16 list=PRIV
    add address=10.9.9.9 disabled=yes list=PRIV
    add address=updates.example.com list=DNSLIST
    /ip firewall filter
    add action=accept chain=forward src-address-list=PRIV
    add action=accept chain=forward dst-address-list=!PRIV
    add action=accept chain=forward src-address-list=NOPE
    add action=add-src-to-address-list address-list=scanners chain=input protocol=tcp dst-port=23
    add action=drop chain=input src-address-list=scanners
    add action=accept chain=forward dst-address-list=DNSLIST
    """)
    fwd = dev.filters["forward"].lines
    assert {(p.value, p.wildcard) for p in fwd[0].matches[0].src} == {
        (ip("10.0.0.0"), 0xFFFFFF), (ip("192.168.0.0"), 0xFFFF)}
    assert fwd[1].matches[0].dst_negate
    # a list with no entry may be filled at run time: kept whole (superset), partial
    assert "no entry in the export" in fwd[2].partial and fwd[2].matches[0].src is None
    refs = {(r.kind, r.name): r.defined for r in dev.references}
    assert refs[("address-list", "NOPE")] is False and refs[("address-list", "PRIV")] is True
    (drop,) = dev.filters["input"].lines
    assert "filled at run time" in drop.partial                   # dynamic list
    # a list with a DNS name may hold any address: the line is kept, whole, and partial
    assert "DNS name" in fwd[3].partial and fwd[3].matches[0].dst is None


def test_jump_flattening_conjoins_and_return_guards():
    dev, rep = parse("""
    /ip firewall filter
    add action=jump chain=forward in-interface=ether3 jump-target=guest
    add action=accept chain=forward
    add action=return chain=guest protocol=udp dst-port=53
    add action=drop chain=guest dst-address=10.0.0.0/8
    add action=passthrough chain=guest
    add action=accept chain=guest protocol=tcp
    add action=drop chain=guest
    """)
    l = dev.filters["forward"].lines
    assert [(x.source.line, x.action) for x in l] == [
        (6, Action.DENY), (8, Action.PERMIT), (9, Action.DENY), (4, Action.PERMIT)]
    # every inlined line carries the jump's in-interface and excludes the returned udp/53
    for x in l[:3]:
        assert all(m.in_ifaces == frozenset({"ether3"}) for m in x.matches)
    hs = HeaderSpace()
    returned = hs.match(l[0].matches[0].__class__(protocols=(17,), dst_ports=(PortRange(53, 53),)))
    for x in l[:3]:
        assert (hs.matches(x.matches) & returned) == hs.false
    assert rep.partially_understood == []


def test_jump_loop_makes_the_filter_partial():
    dev, rep = parse("""
    /ip firewall filter
    add action=jump chain=forward jump-target=a
    add action=jump chain=a jump-target=b
    add action=jump chain=b jump-target=a
    """)
    assert "jump loop" in dev.filters["forward"].partial
    assert rep.partially_understood


def test_return_in_builtin_chain_is_the_default_accept():
    dev, _ = parse("""
    /ip firewall filter
    add action=return chain=forward in-interface=ether9
    add action=drop chain=forward
    /ip address
    add address=10.0.0.1/24 interface=ether2
    """)
    l = dev.filters["forward"].lines
    assert [x.action for x in l] == [Action.PERMIT, Action.DENY]


def test_established_related_rules_match_no_new_connection():
    dev, _ = office("""
    /ip firewall filter
    add action=accept chain=forward connection-state=established,related,untracked
    add action=drop chain=forward in-interface=v40
    """)
    (est, _) = dev.filters["forward"].lines
    assert est.matches[0].conn_established is True
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == BLOCKED
    assert m[("staff", "guest")].verdict == REACHABLE


def test_connection_state_new_and_invalid_follow_conntrack():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward connection-state=new
    add action=drop chain=forward connection-state=invalid
    add action=accept chain=forward connection-state=!established,related
    """)
    new, inv, notest = dev.filters["forward"].lines
    hs = HeaderSpace()
    new_set, inv_set = hs.matches(new.matches), hs.matches(inv.matches)
    echo_req = hs.eq("proto", 1) & hs.eq("icmp_type", 8) & hs.new_connections
    echo_rep = hs.eq("proto", 1) & hs.eq("icmp_type", 0) & hs.new_connections
    tcp_syn = hs.eq("proto", 6) & hs.new_connections
    assert (echo_req & ~new_set) == hs.false and (tcp_syn & ~new_set) == hs.false
    assert (echo_rep & new_set) == hs.false
    assert (echo_rep & ~inv_set) == hs.false and (tcp_syn & inv_set) == hs.false
    assert (hs.new_connections & ~hs.matches(notest.matches)) == hs.false


def test_fasttrack_on_established_has_no_line_and_on_new_is_partial():
    dev, _ = parse("""
    /ip firewall filter
    add action=fasttrack-connection chain=forward connection-state=established,related
    add action=fasttrack-connection chain=forward protocol=tcp
    """)
    (line,) = dev.filters["forward"].lines
    assert line.source.line == 4 and "fasttrack" in line.partial


def test_actions_disabled_and_passthrough_rules():
    dev, rep = parse("""
    /ip firewall filter
    add action=drop chain=forward disabled=yes
    add action=log chain=forward log-prefix=X
    add action=reject chain=forward protocol=tcp reject-with=tcp-reset
    add action=tarpit chain=forward protocol=tcp
    add action=accept chain=output
    """)
    l = dev.filters["forward"].lines
    assert [(x.source.line, x.action) for x in l] == [(5, Action.DENY), (6, Action.DENY)]
    assert rep.ignored == 3                   # version comment, menu header, disabled rule
    assert "output" not in dev.filters


def test_unmodelled_matcher_is_partial_and_makes_the_verdict_unknown():
    dev, rep = office("""
    /ip firewall filter
    add action=accept chain=forward in-interface=v40 layer7-protocol=printing
    add action=drop chain=forward in-interface=v40
    """)
    line = dev.filters["forward"].lines[0]
    assert "layer7-protocol" in line.partial
    assert any(p["construct"] == "firewall forward" for p in rep.partially_understood)
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == UNKNOWN
    assert "layer7" in m[("guest", "staff")].reason


def test_ipsec_policy_matchers_without_policies():
    dev, _ = parse("""
    /ip firewall filter
    add action=accept chain=forward ipsec-policy=in,ipsec
    add action=accept chain=forward ipsec-policy=out,none protocol=tcp
    """)
    (line,) = dev.filters["forward"].lines            # in,ipsec matches no zone packet
    assert line.source.line == 4 and line.partial is None


def test_dst_address_type_local_is_the_routers_own_addresses():
    dev, _ = office("""
    /ip firewall filter
    add action=drop chain=input dst-address-type=local protocol=tcp dst-port=8291
    """)
    (line,) = dev.filters["input"].lines
    owned = {p.value for m in line.matches for p in m.dst}
    assert {ip("192.0.2.2"), ip("10.0.10.1"), ip("10.0.40.1")} <= owned


def test_rule_naming_a_bridge_port_never_matches_routed_traffic_and_is_warned():
    dev, rep = office("""
    /ip firewall filter
    add action=drop chain=forward in-interface=ether3
    """)
    assert dev.facts["interface_rule_on_bridge_port"][0]["interface"] == "ether3"
    assert any("bridge/switch port" in w for w in rep.warnings)
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == REACHABLE      # the engine sees in-interface v40


def test_connection_nat_state_dstnat_through_the_dnat_image():
    dev, rep = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=!dstnat connection-state=new \\
        in-interface-list=WAN
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8080 in-interface-list=WAN protocol=tcp \\
        to-addresses=10.0.10.5 to-ports=80
    """)
    assert rep.partially_understood == []
    m = matrix([dev], [NET, STAFF])
    cell = m[("internet", "staff")]
    # new connections only: ICMP types conntrack calls invalid are not "new" and pass
    # this rule (no "drop invalid" here); of TCP/UDP only the forwarded port
    assert cell.verdict == REACHABLE
    assert [s for s in cell.services if not s.startswith("icmp")] == ["tcp/80"]
    w = cell.witness.to_json()
    assert w["packet"]["dst_port"] == 8080
    assert any(r.get("translated", {}).get("dst_ip") == "10.0.10.5" for r in w["hops"][0]["rules"])


def test_connection_nat_state_used_against_reachability_is_partial():
    dev, _rep = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=dstnat
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-port=8080 in-interface=ether1 protocol=tcp \\
        to-addresses=10.0.10.5
    """)
    assert "connection-nat-state approximated" in dev.filters["forward"].lines[0].partial


def test_connection_nat_state_without_dnat_is_exact():
    dev, _ = office("""
    /ip firewall filter
    add action=drop chain=forward connection-nat-state=!dstnat in-interface-list=WAN
    """)
    assert dev.filters["forward"].lines[0].partial is None
    assert matrix([dev], [NET, STAFF])[("internet", "staff")].verdict == BLOCKED


def test_raw_prerouting_drops_precede_both_chains():
    dev, _ = office("""
    /ip firewall raw
    add action=accept chain=prerouting src-address=10.0.40.7
    add action=drop chain=prerouting in-interface=v40
    /ip firewall filter
    add action=accept chain=forward
    """)
    fwd, inp = dev.filters["forward"].lines, dev.filters["input"].lines
    assert fwd[0].name == "raw 1" and fwd[0].action == Action.DENY and inp[0].name == "raw 1"
    m = matrix([dev], [GUEST, STAFF])
    assert m[("guest", "staff")].verdict == REACHABLE          # only from 10.0.40.7
    assert m[("guest", "staff")].witness.packet.src_ip == ip("10.0.40.7")


# --------------------------------------------------------------------------- NAT


def test_masquerade_per_out_interface_and_src_nat():
    dev, _ = office("""
    /ip firewall nat
    add action=masquerade chain=srcnat out-interface-list=WAN src-address=10.0.0.0/16
    add action=src-nat chain=srcnat out-interface=ether1 to-addresses=192.0.2.2
    """)
    masq, snat = dev.nat_rules
    assert (masq.kind, masq.to_interface, masq.out_ifaces) == ("source", "ether1", frozenset({"ether1"}))
    assert masq.match.src[0].value == ip("10.0.0.0") and masq.match.in_ifaces is None
    assert snat.to_ip == ip("192.0.2.2")


def test_dstnat_forms_redirect_local_and_exemption():
    dev, _ = office("""
    /ip firewall nat
    add action=accept chain=dstnat src-address=10.0.10.0/24
    add action=dst-nat chain=dstnat dst-address-type=local dst-port=80 protocol=tcp \\
        to-addresses=10.0.10.9
    add action=redirect chain=dstnat in-interface=v40 dst-port=53 protocol=udp to-ports=53
    """)
    exempt, dnat, redirect = [r for r in dev.nat_rules if r.kind == "destination"]
    assert exempt.to_ip is None and exempt.to_port is None
    assert dnat.to_ip == ip("10.0.10.9") and {p.value for p in dnat.match.dst} >= {ip("192.0.2.2")}
    assert redirect.to_ip == ip("10.0.40.1") and redirect.to_port == 53
    assert redirect.in_ifaces == frozenset({"v40"})


# --------------------------------------------------------------------------- services


def test_ip_service_defaults_v6_v7():
    for header in (V6, V7):
        dev, _ = parse("/system identity\nset name=R\n", header=header)
        on = {s.name: (s.ports[0].lo if s.ports else None) for s in dev.services if s.enabled}
        assert on == {"telnet": 23, "ftp": 21, "http": 80, "ssh": 22, "api": 8728,
                      "api-ssl": 8729, "winbox": 8291, "btest": 2000, "icmp-echo": None}
        assert not svc(dev, "https").enabled
        assert svc(dev, "telnet").insecure and svc(dev, "api").insecure and not svc(dev, "winbox").insecure


def test_ip_service_address_port_and_disable():
    dev, _ = parse("""
    /ip service
    set telnet disabled=yes
    set ssh address=10.10.99.0/24,2001:db8::/32 port=2222
    set winbox address=10.10.99.5/32,10.10.98.0/24
    set www-ssl certificate=web disabled=no
    """)
    assert not svc(dev, "telnet").enabled
    ssh = svc(dev, "ssh")
    assert ssh.ports == (PortRange(2222, 2222),) and ssh.acl == "ip-service-ssh"
    acl = dev.filters["ip-service-ssh"]
    assert acl.default_action == Action.DENY and acl.lines[0].matches[0].src[0].value == ip("10.10.99.0")
    assert len(dev.filters["ip-service-winbox"].lines) == 2
    assert svc(dev, "https").enabled
    assert dev.facts["ip_services"]["ssh"]["source"].line == 4


def test_other_control_plane_services():
    dev, _ = parse("""
    /ip dns
    set allow-remote-requests=yes
    /ip dhcp-server
    add interface=v10 name=d1
    add interface=v40 name=d2 disabled=yes
    /snmp
    set enabled=yes
    /snmp community
    set [ find default=yes ] addresses=10.10.99.10/32 name=s3cretComm
    /tool bandwidth-server
    set enabled=no
    /ip proxy
    set enabled=yes port=3128
    """)
    assert svc(dev, "dns", 17) and svc(dev, "dns", 6)
    assert svc(dev, "dhcp").interfaces == frozenset({"v10"})
    snmp = svc(dev, "snmp")
    assert snmp.acl == "snmp-community" and "s3cretComm" in dev.secrets
    assert svc(dev, "btest") is None
    assert svc(dev, "proxy").ports == (PortRange(3128, 3128),)
    assert svc(dev, "icmp-echo").icmp_type == 8


def test_snmp_default_public_community_is_unrestricted_and_not_a_secret():
    dev, _ = parse("/snmp\nset enabled=yes\n")
    assert svc(dev, "snmp").acl is None
    assert "public" not in dev.secrets and dev.facts["snmp_default_community"]


def test_v6_dhcp_server_add_defaults_to_disabled():
    dev, _ = parse("/ip dhcp-server\nadd interface=bridge name=d\n", header=V6)
    assert svc(dev, "dhcp") is None
    dev, _ = parse("/ip dhcp-server\nadd disabled=no interface=bridge name=d\n", header=V6)
    assert svc(dev, "dhcp") is not None


def test_routers_own_addresses_are_reached_through_the_input_chain():
    dev, _ = office("""
    /ip service
    set telnet disabled=yes
    set ftp disabled=yes
    set www disabled=yes
    set api disabled=yes
    set api-ssl disabled=yes
    /ip firewall filter
    add action=accept chain=input in-interface-list=LAN protocol=tcp dst-port=8291
    add action=drop chain=input
    """)
    m = matrix([dev], [GUEST, STAFF, NET])
    # v40 is in LAN: winbox on every router address (10.0.10.1, 192.0.2.2 too)
    assert m[("guest", "@devices")].services == ["tcp/8291"]
    assert m[("internet", "@devices")].verdict == BLOCKED
    w = m[("guest", "@devices")].witness.to_json()
    assert w["hops"][0]["to"] == "control plane (winbox)"


# --------------------------------------------------------------------------- routes


def test_routes_gateway_forms_blackhole_vrf_and_policy_tables():
    dev, _rep = parse("""
    /ip vrf
    add interfaces=ether5 name=khach
    /routing table
    add fib name=isp2
    /ip address
    add address=192.0.2.2/30 interface=ether1
    /ip route
    add dst-address=0.0.0.0/0 gateway=192.0.2.1
    add dst-address=10.20.0.0/16 gateway=10.0.0.1%ether2 distance=5
    add dst-address=10.30.0.0/16 gateway=ether3
    add blackhole dst-address=10.99.0.0/16
    add dst-address=10.98.0.0/16 type=blackhole
    add dst-address=0.0.0.0/0 gateway=198.51.100.1 routing-table=khach
    add dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-table=isp2
    add dst-address=10.40.0.0/16 gateway=192.0.2.1 disabled=yes
    add dst-address=10.50.0.0/16 gateway=192.0.2.1,192.0.2.5
    """)
    r = {(str(x.prefix), x.vrf, x.next_hop, x.interface): x for x in dev.routes}
    assert ("0.0.0.0/0", "default", ip("192.0.2.1"), None) in r
    assert r[("10.20.0.0/16", "default", ip("10.0.0.1"), "ether2")].distance == 5
    assert ("10.30.0.0/16", "default", None, "ether3") in r
    assert sum(1 for x in dev.routes if x.drop) == 2
    assert ("0.0.0.0/0", "khach", ip("198.51.100.1"), None) in r
    (isp2,) = [x for x in dev.routes if x.next_hop == ip("203.0.113.1")]   # policy table
    assert isp2.table == "isp2" and isp2.vrf == "default"
    assert all(x.table is None for x in dev.routes if x is not isp2)
    assert not any(str(x.prefix) == "10.40.0.0/16" for x in dev.routes)
    assert sum(1 for x in dev.routes if str(x.prefix) == "10.50.0.0/16") == 2
    assert dev.interfaces["ether5"].vrf == "khach" and "khach" in dev.vrfs
    assert dev.facts["policy_routing_tables"]["isp2"][0].line == 15


def test_dhcp_and_pppoe_clients_have_dynamic_addresses_and_runtime_default_routes():
    dev, rep = parse("""
    /interface pppoe-client
    add add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 password=Pw0rdXYZ user=u
    /ip dhcp-client
    add interface=ether2
    """)
    pppoe, dhcp = dev.interfaces["pppoe-out1"], dev.interfaces["ether2"]
    assert pppoe.partial is None and dhcp.partial is None and rep.partially_understood == []
    assert pppoe.dynamic_address and pppoe.dynamic_source.line == 3
    assert dhcp.dynamic_address and dhcp.dynamic_source.line == 5
    assert dev.facts["dhcp_client_interfaces"] == ["ether2"]
    assert {r.interface for r in dev.routes} == {"ether2", "pppoe-out1"}
    assert all(r.runtime_gateway and r.origin == "dhcp" and r.partial is None
               and r.next_hop is None and str(r.prefix) == "0.0.0.0/0" for r in dev.routes)
    assert "Pw0rdXYZ" in dev.secrets


def test_ip_settings_rp_filter_and_ip_forward():
    dev, _ = office("""
    /ip settings
    set ip-forward=no rp-filter=strict
    """)
    assert dev.ip_routing is False
    assert all(i.urpf == "strict" and i.urpf_allow_default for i in dev.interfaces.values())


def test_mark_routing_is_a_policy_route_not_a_partial_interface():
    dev, _rep = office("""
    /ip firewall mangle
    add action=mark-routing chain=prerouting in-interface=v40 new-routing-mark=isp2
    """, header=V6)
    assert all(i.partial is None for i in dev.interfaces.values())
    (pr,) = dev.policy_routes
    assert (pr.action, pr.table, pr.fallback, pr.partial) == ("table", "isp2", True, None)
    assert [m.in_ifaces for m in pr.matches] == [frozenset({"v40"})]


# --------------------------------------------------------------------------- secrets, facts


def test_secrets_are_collected():
    dev, _ = parse("""
    /ppp secret
    add name=vpn1 password=PppPass99 service=l2tp
    /radius
    add address=10.0.0.5 secret=RadSecret7 service=login
    /interface l2tp-server server
    set enabled=yes ipsec-secret=IpsecPSK55 use-ipsec=yes
    /interface wireguard
    add listen-port=13231 name=wg0 private-key="cHJpdmF0ZWtleWJhc2U2NA=="
    /user
    add name=admin group=full password=""
    add name=quantri group=full password=Adm1nPass
    """)
    assert {"PppPass99", "RadSecret7", "IpsecPSK55", "cHJpdmF0ZWtleWJhc2U2NA==",
            "Adm1nPass"} <= dev.secrets
    assert svc(dev, "l2tp") and svc(dev, "ipsec") and svc(dev, "wireguard")
    users = {u["name"]: u for u in dev.facts["users"]}
    assert users["admin"]["password"] is False and users["quantri"]["password"] is True


def test_discovery_and_mac_server_facts():
    dev, _ = parse("""
    /interface list
    add name=MGMT
    /interface list member
    add interface=ether9 list=MGMT
    /ip neighbor discovery-settings
    set discover-interface-list=MGMT
    /tool mac-server mac-winbox
    set allowed-interface-list=MGMT
    """)
    assert dev.facts["neighbor_discovery"]["interfaces"] == ["ether9"]
    assert dev.facts["mac_server"]["mac-winbox"][0]["list"] == "MGMT"
    assert dev.facts["mac_server"]["mac-telnet"][0]["list"] == "all"     # default


# --------------------------------------------------------------------------- fixtures


def test_defconf_fixture_is_fully_understood():
    res = mikrotik_routeros.parse((FIXTURES / "hap-ac2-defconf-v7.rsc").read_text(), "hap.rsc")
    dev, rep = res.devices[0], res.report
    assert rep.unrecognized == []
    assert rep.partially_understood == []
    assert "Ch4ngeMe2024" in dev.secrets
    assert dev.interfaces["ether1"].dynamic_address and dev.interfaces["ether1"].partial is None
    (dflt,) = [r for r in dev.routes if r.runtime_gateway]
    assert dflt.interface == "ether1" and dflt.origin == "dhcp"
    # defconf input: ICMP accepted, everything not from LAN dropped
    texts = [l.source.text for l in dev.filters["input"].lines]
    assert any("drop all not coming from LAN" in t for t in texts)


def test_remove_in_firewall_and_unknown_property_are_partial():
    dev, rep = parse("""
    /ip firewall filter
    add action=accept chain=forward frobnicate=yes
    remove [ find comment=old ]
    """)
    assert "unknown property frobnicate" in dev.filters["forward"].lines[0].partial
    assert "'remove' command" in dev.filters["forward"].partial
    assert [u.line for u in rep.unrecognized] == [4]


def test_dynamic_interface_list_is_partial_only_with_dynamic_interfaces():
    dev, _ = parse("/ip firewall filter\nadd action=drop chain=input in-interface-list=dynamic\n")
    assert dev.input_filter is None          # no PPP server: no such interface, nothing matches
    dev, _ = parse("""
    /interface l2tp-server server
    set enabled=yes
    /ip firewall filter
    add action=drop chain=input in-interface-list=dynamic
    """)
    (line,) = dev.filters["input"].lines
    assert "dynamic" in line.partial and line.matches[0].in_ifaces is None


def test_interface_list_as_bridge_port_and_old_discovery():
    dev, _ = parse("""
    /interface bridge
    add name=br
    /interface list
    add name=ACCESS
    /interface list member
    add interface=ether3 list=ACCESS
    add interface=ether4 list=ACCESS
    /interface bridge port
    add bridge=br interface=ACCESS
    /ip neighbor discovery
    set ether1 discover=no
    """, header=V6)
    assert {n for n, i in dev.interfaces.items() if i.mode == L2Mode.BRIDGE_PORT} == {"ether3", "ether4"}
    nd = dev.facts["neighbor_discovery"]
    assert "ether1" not in nd["interfaces"] and "ether3" in nd["interfaces"]
