"""FortiOS interfaces, switches, zones, SD-WAN, tunnels and wireless VAPs
(netaudit.parsers.fortinet_fortios.interfaces)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit import topology
from netaudit.audit import run_audit
from netaudit.model import AddrMatch, IfKind, L2Mode, PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import FIXTURES, ZONES, analyse, cfg, dev_of, policies, policy


def test_interface_forms_vlan_secondary_status_role_alias():
    dev, rep = dev_of(
        cfg(
            ifaces="""    edit "port5"
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
"""
        )
    )
    vl = dev.interfaces["VL30"]
    assert vl.kind == IfKind.VLAN and vl.parent == "port5" and vl.encapsulation_vlan == 30
    assert vl.addresses == [IPNetwork("10.0.30.1/24"), IPNetwork("10.0.31.1/24")]
    assert vl.description == "MOT-CUA"
    assert dev.interfaces["port6"].shutdown
    assert dev.interface_roles["wan1"] == "wan"
    # allowaccess of a secondary address applies to that address only
    acl = dev.filters["allowaccess VL30 ping"]
    assert acl.lines[0].matches[0].dst == (AddrMatch.host(int(IPNetwork("10.0.31.1/32").ip)),)
    assert not rep.unrecognized


def test_aggregate_switch_and_virtual_switch_members():
    dev, rep = dev_of(
        cfg(
            """
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
""",
            ifaces="""    edit "internal"
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
""",
        )
    )
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
    dev, rep = dev_of(
        cfg(
            ifaces="""    edit "wan2"
        set vdom "root"
        set mode dhcp
        set role wan
    next
"""
        )
    )
    wan2 = dev.interfaces["wan2"]
    assert wan2.dynamic_address and not wan2.partial and wan2.dynamic_source.text.strip() == "set mode dhcp"
    assert dev.facts.dynamic_address_interfaces == ["wan2"]
    assert not dev.dynamic_routing
    # `defaultgw enable` (the default): a default route via the DHCP gateway, distance 5
    [route] = [r for r in dev.routes if r.runtime_gateway]
    assert (str(route.prefix), route.interface, route.distance) == ("0.0.0.0/0", "wan2", 5)
    assert not any(p["construct"] == "interface wan2" for p in rep.partially_understood)


def test_tunnel_interfaces_are_partial_only_when_used():
    dev, rep = dev_of(
        cfg(
            """
config vpn ipsec phase1-interface
    edit "VPN-TINH"
        set interface "wan1"
        set peertype any
        set remote-gw 198.51.100.7
        set psksecret ENC Zm9vYmFyYmF6cXV4
    next
end
""",
            ifaces="""    edit "ssl.root"
        set vdom "root"
        set type tunnel
    next
    edit "VPN-TINH"
        set vdom "root"
        set type tunnel
        set interface "wan1"
    next
""",
        )
    )
    constructs = [p["construct"] for p in rep.partially_understood]
    assert "interface VPN-TINH" in constructs and "interface ssl.root" not in constructs
    assert dev.interfaces["VPN-TINH"].partial and dev.interfaces["VPN-TINH"].kind == IfKind.TUNNEL
    ike = [s for s in dev.services if s.name == "ike"]
    assert ike and ike[0].ports == (PortRange(500, 500), PortRange(4500, 4500))
    assert "Zm9vYmFyYmF6cXV4" in dev.secrets


ZONE = """
config system zone
    edit "Z-NOIBO"
        set interface "lan" "srv"
    next
end
"""


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


def test_sdwan_zone_in_policies_and_routes():
    text = cfg(
        """
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
""",
        policies(policy(1, '"lan"', '"virtual-wan-link"', '"LAN"')),
        ifaces="""    edit "wan2"
        set vdom "root"
        set ip 198.51.100.2 255.255.255.252
        set role wan
    next
""",
    )
    dev, rep = dev_of(text)
    assert dev.filters["firewall-policy"].lines[0].matches[0].out_ifaces == frozenset({"wan1", "wan2"})
    sd = sorted((r.interface, r.next_hop) for r in dev.routes if str(r.prefix) == "8.8.8.0/24")
    assert [i for i, _ in sd] == ["wan1", "wan2"]
    assert any("SD-WAN" in p["reason"] for p in rep.partially_understood)


def test_vap_ssids_are_tied_to_their_interface_or_vlan():
    dev, _rep = dev_of(
        cfg("""
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
""")
    )
    s = {x.name: x for x in dev.ssids}
    assert s["Wifi-Nguoi-Dan"].interface == "guest" and s["Wifi-Nguoi-Dan"].open_auth
    assert s["CanBo"].interface is None and s["CanBo"].vlan == 10 and not s["CanBo"].open_auth
    assert "c2VjcmV0LXBhc3NwaHJhc2U=" in dev.secrets


def test_reverse_path_check_is_on_by_default_and_between_strict_and_loose():
    # FortiOS checks every session's first packet: its source must have a route back
    # through the interface it came in by (any such route, the default route included).
    # That is strict-or-loose for the engine: what only loose passes is uncertain.
    dev, rep = dev_of(
        cfg(
            ifaces="""    edit "dmz"
        set vdom "root"
        set ip 10.0.30.1 255.255.255.0
        set src-check disable
    next
"""
        )
    )
    lan = dev.interfaces["lan"]
    assert (lan.urpf, lan.urpf_allow_default) == ("strict", True) and "src-check" in (lan.urpf_unsure or "")
    assert dev.interfaces["dmz"].urpf is None  # set src-check disable: no check there
    assert not rep.unrecognized
    dev, _ = dev_of(cfg("config system settings\n    set strict-src-check enable\nend"))
    assert dev.interfaces["lan"].urpf == "strict" and dev.interfaces["lan"].urpf_unsure is None


def test_forged_source_is_not_delivered_while_src_check_is_on():
    # A policy that trusts the server subnet as source from the guest interface: a guest
    # host forging a server address passes it only where src-check is off.
    pol = "config firewall policy\n" + policy(1, "guest", "lan", srcaddr="SRV") + "end"
    off = 'config system interface\n    edit "guest"\n        set src-check disable\n    next\nend'
    _, checked = analyse(cfg(pol))
    _, unchecked = analyse(cfg(pol, off))
    assert checked[("guest", "staff")].spoofed is None
    forged = unchecked[("guest", "staff")].spoofed
    assert forged is not None and forged != forged.bdd.false


# --------------------------------------------------------------------------- dedicated management port

MGMT_PORT = """    edit "mgmt"
        set vdom "root"
        set ip 10.99.0.1 255.255.255.0
        set allowaccess ping https ssh
        set type physical
        set dedicated-to management
        set role lan
    next
"""
# IT staff's host may go anywhere (dstintf "any"); every interface may resolve outside.
WIDE_POLICIES = policies(
    policy(1, '"lan"', '"any"', '"LAN"'),
    policy(2, '"any"', '"wan1"', service='"DNS"', extra="        set nat enable\n"),
)
MGMT_ZONES = {
    **ZONES,
    "quantri": {"kind": "management", "subnets": ["10.99.0.0/24"], "attach": ["FGT:mgmt"]},
}


def test_dedicated_management_port_forwards_nothing_and_answers_its_own_subnet():
    """``set dedicated-to management`` takes the port out of the data plane: FortiOS puts
    it in a VDOM of its own (dmgmt-vdom), which no policy reaches, not even through
    ``any``.  Before, ``lan → any`` delivered staff to the management subnet and to the
    port's HTTPS/SSH, and ``any → wan1`` let the management subnet out to the Internet."""
    res, cells = analyse(cfg(WIDE_POLICIES, ifaces=MGMT_PORT), MGMT_ZONES)
    assert res.report.unrecognized == [] and not any("mgmt" in p["construct"] for p in res.report.partially_understood)
    assert cells[("staff", "quantri")].verdict == BLOCKED
    assert cells[("quantri", "internet")].verdict == BLOCKED
    assert cells[("guest", "quantri")].verdict == BLOCKED
    # The port's own services answer its own subnet, per allowaccess, and nobody else.
    mgmt = cells[("quantri", "@devices")]
    assert mgmt.verdict == REACHABLE and {"icmp/8", "tcp/22", "tcp/443"} <= set(mgmt.services)
    assert not {"tcp/22", "tcp/443"} & set(cells[("staff", "@devices")].services)
    # The rest of the unit forwards as before.
    assert cells[("staff", "guest")].verdict == REACHABLE
    assert cells[("staff", "internet")].verdict == REACHABLE
    assert cells[("guest", "internet")].verdict == REACHABLE


def test_dedicated_management_port_keeps_its_routes_in_a_table_of_its_own():
    """Its connected subnet, its DHCP default route (``defaultgw``, distance 5) and static
    routes on it are in the dmgmt-vdom table, not in the one the office forwards with.
    Before, staff → the management subnet was unknown (the DHCP address's mask) and the
    management subnet reached the Internet through ``any → wan1``."""
    port = MGMT_PORT.replace("        set ip 10.99.0.1 255.255.255.0\n", "        set mode dhcp\n")
    route = """config router static
    edit 2
        set dst 10.200.0.0 255.255.0.0
        set gateway 10.99.0.254
        set device "mgmt"
    next
end
"""
    text = cfg(WIDE_POLICIES, route, ifaces=port)
    dev, _ = dev_of(text)
    assert dev.interfaces["mgmt"].vrf == "dmgmt-vdom" and "dmgmt-vdom" in dev.vrfs
    by_vrf = {(str(r.prefix), r.interface): r.vrf for r in dev.routes}
    assert by_vrf == {
        ("0.0.0.0/0", "wan1"): "default",
        ("0.0.0.0/0", "mgmt"): "dmgmt-vdom",
        ("10.200.0.0/16", "mgmt"): "dmgmt-vdom",
    }
    _, cells = analyse(text, MGMT_ZONES)
    assert cells[("staff", "quantri")].verdict == BLOCKED
    assert cells[("quantri", "internet")].verdict == BLOCKED
    assert cells[("quantri", "@devices")].verdict == REACHABLE
    assert not {"tcp/22", "tcp/443"} & set(cells[("staff", "@devices")].services)
    assert cells[("staff", "internet")].verdict == REACHABLE
    assert cells[("guest", "internet")].verdict == REACHABLE


def test_fortios_5_dedicated_mgmt_section_dedicates_the_port():
    """FortiOS 5.x/6.0 ``config system dedicated-mgmt``: the same port out of the data
    plane, its ``default-gateway`` a default route of its own table, ``dhcp-server
    enable`` a DHCP server on it; ``status disable`` (the default) leaves the port as
    any other."""
    port = MGMT_PORT.replace("        set dedicated-to management\n", "")
    section = """config system dedicated-mgmt
    set status enable
    set interface "mgmt"
    set default-gateway 10.99.0.254
    set dhcp-server enable
    set dhcp-netmask 255.255.255.0
    set dhcp-start-ip 10.99.0.100
    set dhcp-end-ip 10.99.0.150
end
"""
    text = cfg(WIDE_POLICIES, ifaces=port).replace("config firewall address\n", section + "config firewall address\n")
    dev, rep = dev_of(text)
    assert rep.unrecognized == []
    assert dev.interfaces["mgmt"].vrf == "dmgmt-vdom"
    [gw] = [r for r in dev.routes if r.interface == "mgmt"]
    assert (str(gw.prefix), gw.vrf, gw.source.text) == ("0.0.0.0/0", "dmgmt-vdom", "set default-gateway 10.99.0.254")
    # Its default route leads to the management network, not to the Internet: no exit.
    assert dev.interfaces["mgmt"].out_of_band is not None
    assert "mgmt" not in {e.interface for e in topology.exits(topology.build([dev]))}
    assert any(s.name == "dhcp" and s.acl == "dhcp mgmt" for s in dev.services)
    _, cells = analyse(text, MGMT_ZONES)
    assert cells[("staff", "quantri")].verdict == BLOCKED
    assert cells[("quantri", "internet")].verdict == BLOCKED
    # status disable: an ordinary port, reached through lan → any as before
    off = text.replace("    set status enable\n    set interface", "    set status disable\n    set interface")
    dev, _ = dev_of(off)
    assert dev.interfaces["mgmt"].vrf == "default"
    _, cells = analyse(off, MGMT_ZONES)
    assert cells[("staff", "quantri")].verdict == REACHABLE


def test_commune_fortigate_administered_through_its_dedicated_port():
    """The People's Committee's FortiGate 100F (fixture ubnd-xa-mgmt-rieng): the IT
    host's ``port1 → any`` policy and ``any → wan1`` DNS/NTP no longer reach into or out of
    the dedicated management port — before, staff → quantri was a high finding (reachable)
    and quantri → internet a medium one; the IT workstations on mgmt still administer the
    unit (HTTPS on admin-sport 8443, SSH, ping)."""
    a = run_audit([FIXTURES / "ubnd-xa-mgmt-rieng.conf"], FIXTURES / "ubnd-xa-mgmt-rieng.site.yaml")
    cells = {(c.src, c.dst): c for c in a.matrix}
    [rep] = a.snapshot.reports
    assert rep.unrecognized == []
    assert cells[("canbo", "quantri")].verdict == BLOCKED
    assert cells[("quantri", "internet")].verdict == BLOCKED
    assert cells[("quantri", "@devices")].verdict == REACHABLE
    assert set(cells[("quantri", "@devices")].services) == {"icmp/8", "tcp/22", "tcp/8443"}
    assert set(cells[("canbo", "@devices")].services) == {"icmp/8", "udp/67"}  # wan1's ping, DHCP
    assert cells[("canbo", "wifi-dan")].verdict == REACHABLE  # the IT host's "any" still holds
    found = {tuple(f.zones) for f in a.findings if f.check == "policy-violation"}
    assert ("canbo", "quantri") not in found and ("quantri", "internet") not in found


def test_an_address_the_line_does_not_say_leaves_the_interface_unknown_not_addressless():
    # Found on a real FortiGate 40F 6.0.6 backup kept as a template (`set ip
    # <?=$wan_ip?> 255.255.255.248`); forum posts redact it the same way (x.x.x.x).
    text = cfg(policies(policy(1, '"lan"', '"srv"'))).replace(
        "set ip 10.0.10.1 255.255.255.0", "set ip x.x.x.x 255.255.255.0\n        set allowaccess ping https"
    )
    dev, rep = dev_of(text)
    lan = dev.interfaces["lan"]
    assert not lan.addresses and "x.x.x.x 255.255.255.0" in str(lan.partial)
    assert any(p["construct"] == "interface lan" for p in rep.partially_understood)
    assert any("set ip x.x.x.x" in u.text for u in rep.unrecognized)
    _, cells = analyse(text)
    # the staff's gateway is there, its address unread: neither the servers nor the
    # FortiGate's own services are out of the staff's reach for sure
    assert cells[("staff", "servers")].verdict == UNKNOWN
    assert cells[("staff", "@devices")].verdict == UNKNOWN
    # secondary addresses likewise
    sec = cfg().replace(
        "set ip 10.0.20.1/24",
        "set ip 10.0.20.1/24\n        set secondary-IP enable\n        config secondaryip\n"
        "            edit 1\n                set ip <REDACTED> 255.255.255.0\n            next\n        end",
    )
    dev, rep = dev_of(sec)
    assert "<REDACTED> 255.255.255.0" in str(dev.interfaces["srv"].partial)


def test_a_phase1_interface_is_a_tunnel_interface_even_without_its_interface_entry():
    # Found on a real published FortiGate → Azure VPN configuration (phase1-interface
    # "toAzure", a route `set device "toAzure"`, no `config system interface` entry for
    # it, as in CLI scripts): the route's device was an undefined reference (a false
    # finding) and the tunnel did not exist.
    dev, _rep = dev_of(
        cfg(
            """
config vpn ipsec phase1-interface
    edit "toAzure"
        set interface "wan1"
        set ike-version 2
        set peertype any
        set remote-gw 198.51.100.7
        set psksecret ENC Zm9vYmFyYmF6cXV4
    next
end
config router static
    edit 10
        set dst 169.254.21.1 255.255.255.255
        set device "toAzure"
    next
end
"""
        )
    )
    tun = dev.interfaces["toAzure"]
    assert tun.kind == IfKind.TUNNEL and tun.partial and not tun.addresses
    assert not [r for r in dev.references if r.name == "toAzure"]
    assert any(str(r.prefix) == "169.254.21.1/32" and r.interface == "toAzure" for r in dev.routes)


TRANSPARENT = """#config-version=FG100E-6.0.2-FW-build0163-180725:opmode=1:vdom=0:user=admin
config system global
    set hostname "FGT"
end
config system settings
    set opmode transparent
    set manageip 192.168.1.99 255.255.255.0
    set gateway 192.168.1.1
end
config system interface
    edit "port1"
        set vdom "root"
        set allowaccess ping https ssh
        set type physical
    next
    edit "port2"
        set vdom "root"
        set type physical
    next
end
config firewall policy
    edit 1
        set srcintf "port2"
        set dstintf "port1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL"
    next
end
"""


def test_a_transparent_vdom_is_unknown_never_blocked():
    """Checked while sweeping published transparent-mode FortiGates (FortiOS 5.6–7.0 lab
    notes, `set opmode transparent`): the VDOM was listed as not modelled, but its ports,
    without addresses, read as routed ports with no route, so staff → internet through a
    policy that accepts it was 'blocked'.  Every interface of a transparent VDOM is now
    partial: unknown both ways."""
    dev, _rep = dev_of(TRANSPARENT)
    assert all("transparent" in str(i.partial) for i in dev.interfaces.values())
    zones = {
        "staff": {"kind": "internal", "subnets": ["192.168.1.0/24"], "attach": ["FGT:port2"]},
        "internet": {"kind": "external", "attach": ["FGT:port1"]},
    }
    _, cells = analyse(TRANSPARENT, zones)
    assert cells[("staff", "internet")].verdict == UNKNOWN
    assert cells[("internet", "staff")].verdict == UNKNOWN
