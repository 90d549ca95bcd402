"""FortiOS static and dynamic routing (netaudit.parsers.fortinet_fortios.routes)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.reach import REACHABLE, UNKNOWN

from .helpers import analyse, cfg, dev_of, policies, policy


def test_static_routes():
    dev, _rep = dev_of(
        cfg("""
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
""")
    )
    routes = {str(r.prefix): r for r in dev.routes}
    assert set(routes) == {"0.0.0.0/0", "10.160.0.0/16", "10.0.0.0/8"}
    r = routes["10.160.0.0/16"]
    assert r.interface == "wan1" and r.next_hop == int(IPNetwork("203.0.113.1/32").ip) and r.distance == 5
    assert routes["10.0.0.0/8"].drop and routes["0.0.0.0/0"].distance == 10
    assert routes["0.0.0.0/0"].source.text == "set gateway 203.0.113.1"


def test_dynamic_routing_only_when_configured():
    skeleton = """
config router bgp
    config redistribute "connected"
    end
end
config router ospf
    config redistribute "connected"
    end
end
"""
    dev, rep = dev_of(cfg(skeleton))
    assert not dev.dynamic_routing and not rep.unrecognized
    dev, _ = dev_of(
        cfg("""
config router bgp
    set as 65010
    config neighbor
        edit "10.250.12.1"
            set remote-as 65000
        next
    end
end
""")
    )
    assert [s.text for s in dev.dynamic_routing] == ["config router bgp"]


# A 61F as MSPs ship it: wan1 a DHCP client, and a static default route "through
# whatever gateway the DHCP server hands out" (set dynamic-gateway enable).
DYNGW = """#config-version=FGT61F-7.0.14-FW-build0601-240206:opmode=0:vdom=0:user=admin
#conf_file_ver=8503124714986121
#buildno=0601
#global_vdom=1
config system global
    set hostname "FGT-CH-07"
end
config system interface
    edit "wan1"
        set vdom "root"
        set mode dhcp
        set distance 14
        set allowaccess ping
        set type physical
        set role wan
    next
    edit "wan2"
        set vdom "root"
        set ip 198.51.100.2 255.255.255.252
        set type physical
        set role wan
    next
    edit "V100_POS"
        set vdom "root"
        set ip 10.25.87.100 255.255.255.128
        set allowaccess ping
        set role lan
        set interface "internal1"
        set vlanid 100
    next
    edit "internal1"
        set vdom "root"
        set type physical
    next
end
config firewall policy
    edit 260
        set name "POS to WAN"
        set srcintf "V100_POS"
        set dstintf "wan1" "wan2"
        set action accept
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
        set nat enable
    next
end
config router static
{routes}end
"""

DYNGW_ZONES = {
    "pos": {"kind": "internal", "subnets": ["10.25.87.0/25"], "attach": ["FGT-CH-07:V100_POS"]},
    "internet": {"kind": "external", "attach": ["FGT-CH-07:wan1"]},
}


def _dyngw(routes: str):
    from netaudit.zones import site_from_dict

    from .helpers import parse, run_engine

    res = parse(DYNGW.replace("{routes}", routes))
    [dev] = res.devices
    site = site_from_dict({"unit": "t", "level": 2, "zones": DYNGW_ZONES})
    return dev, res.report, run_engine(res.devices, site)


def test_dynamic_gateway_route_on_a_dhcp_interface_uses_the_run_time_gateway():
    """`set dynamic-gateway enable` = the gateway the DHCP/PPP server gave: the run-time
    gateway netaudit models for the client's own default route, with the route's own
    distance; neither the route nor wan1 is "not understood"."""
    dev, rep, a = _dyngw(
        """    edit 1
        set distance 3
        set priority 5
        set device "wan1"
        set dynamic-gateway enable
    next
    edit 2
        set dst 100.64.0.0 255.192.0.0
        set device "wan1"
        set dynamic-gateway enable
    next
"""
    )
    static = [r for r in dev.routes if r.origin == "static"]
    assert [(str(r.prefix), r.interface, r.distance, r.runtime_gateway, r.partial) for r in static] == [
        ("0.0.0.0/0", "wan1", 3, True, None),
        ("100.64.0.0/10", "wan1", 10, True, None),
    ]
    assert static[0].source.text == 'set device "wan1"'
    assert dev.interfaces["wan1"].partial is None
    assert not any("static route" in p["construct"] for p in rep.partially_understood)
    assert not dev.unread_routes and not rep.unrecognized
    c = a.cells[("pos", "internet")]
    assert c.verdict == REACHABLE and c.services == ["ip"]
    # wan1's own admin access does not use the route: certain too
    assert a.cells[("internet", "@devices")].verdict == REACHABLE


def test_dynamic_gateway_route_on_a_static_interface_is_unknown_not_the_interface():
    """On an interface that is not a DHCP/PPPoE client netaudit does not know where the
    gateway comes from (LTE, modem, IPsec mode-cfg …) or whether the route is installed:
    the route is partial and the table may lack it, but wan2 itself is understood."""
    dev, _, a = _dyngw(
        """    edit 1
        set device "wan2"
        set dynamic-gateway enable
        set distance 3
    next
"""
    )
    [route] = [r for r in dev.routes if r.origin == "static"]
    assert route.interface == "wan2" and route.partial and "not a DHCP/PPPoE client" in route.partial
    assert dev.interfaces["wan2"].partial is None
    assert [s.text for s in dev.unread_routes] == ["set dynamic-gateway enable"]
    c = a.cells[("pos", "internet")]
    assert c.verdict == UNKNOWN  # installed or not, the DHCP default route may take them


def test_a_gateway_the_line_does_not_say_is_not_a_route_straight_out_of_the_interface():
    # Found on a real FortiGate 40F 6.0.6 backup kept as a template (`set gateway
    # <?=$wan_ip_static?>`): it was read as a default route with no next hop.
    text = cfg(policies(policy(1, '"lan"', '"wan1"', extra="        set nat enable\n"))).replace(
        "set gateway 203.0.113.1", "set gateway <?=$wan_ip_static?>"
    )
    dev, rep = dev_of(text)
    [route] = [r for r in dev.routes if r.origin == "static"]
    assert route.next_hop is None and "<?=$wan_ip_static?>" in str(route.partial)
    assert any("set gateway <?=$wan_ip_static?>" in u.text for u in rep.unrecognized)
    assert not dev.interfaces["wan1"].partial  # only this route is not understood
    _, cells = analyse(text)
    # the hosts of wan1's own subnet are reached for sure; the rest of the Internet
    # only maybe, through the route not understood (it was certain before)
    cell = cells[("staff", "internet")]
    assert cell.verdict == REACHABLE and "route_gateway_unread" in repr(cell.maybe_reason)
