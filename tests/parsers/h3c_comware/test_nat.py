"""H3C Comware NAT and routing (netaudit/parsers/h3c_comware/nat.py, interfaces.py,
convert.py; docs/vendors/h3c_comware.md, "NAT", "Routing"): verdicts through each rule."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.model import Action
from netaudit.parsers import h3c_comware
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone

EDGE = """\
#
 version 7.1.064, Release 0821P11
#
 sysname MSR
#
{groups}
interface GigabitEthernet0/0
 port link-mode route
 ip address 203.0.113.10 255.255.255.248
{wan}
#
interface GigabitEthernet0/1
 port link-mode route
 ip address 10.30.30.1 255.255.255.0
#
 ip route-static 0.0.0.0 0 203.0.113.9
 ip route-static 10.99.0.0 16 NULL0
 ip route-static vpn-instance khach 0.0.0.0 0 203.0.113.9 preference 70
#
acl advanced 3000
 rule 0 permit ip source 10.30.0.0 0.0.255.255
#
acl advanced 3100
 rule 0 deny ip destination 10.0.0.0 0.255.255.255
 rule 5 permit ip
#
return
"""
CAMERA = Zone("camera", "internal", [IPNetwork("10.30.30.0/24")])
INTERNET = Zone("internet", "external", [], attach=[("MSR", "GigabitEthernet0/0")])


def edge(wan: str, groups: str = ""):
    dev, rep = parse_one(h3c_comware, EDGE.format(wan=wan, groups=groups), "msr.cfg")
    return dev, rep


def test_nat_server_publishes_one_port():
    # the LAN port's outbound filter lets only tcp/80 to the recorder: what the mapping
    # translates (tcp/8000 → 80) is all that reaches it from the Internet
    lan = " ip address 10.30.30.1 255.255.255.0\n"
    acl = "acl advanced 3101\n rule 0 permit tcp destination 10.30.30.10 0 destination-port eq 80\n rule 5 deny ip\n#\n"
    text = EDGE.format(
        wan=" nat server protocol tcp global current-interface 8000 inside 10.30.30.10 80 rule CAM", groups=acl
    )
    dev, rep = parse_one(h3c_comware, text.replace(lan, lan + " packet-filter 3101 outbound\n"), "msr.cfg")
    assert not rep.unrecognized
    cell = matrix([dev], [CAMERA, INTERNET])[0][("internet", "camera")]
    assert cell.verdict == REACHABLE and cell.services == ["tcp/80"]


def test_nat_server_behind_an_inbound_packet_filter_is_unknown():
    # whether the WAN's inbound packet-filter sees the mapping's packets before the nat
    # server (public address: passed) or after (10.30.30.10: rule 0 denies 10.0.0.0/8) is
    # not established — never "reachable" nor "blocked" on one reading
    dev, _ = edge(
        " packet-filter 3100 inbound\n nat server protocol tcp global current-interface 8000 inside 10.30.30.10 80"
        " rule CAM"
    )
    cell = matrix([dev], [CAMERA, INTERNET])[0][("internet", "camera")]
    assert cell.verdict == UNKNOWN and "nat server" in str(cell.reason)
    # what the mapping does not translate keeps the filter's exact verdict
    first = dev.filters[dev.interfaces["GigabitEthernet0/0"].filter_in].lines[:2]
    assert [ln.action for ln in first] == [Action.DENY, Action.PERMIT] and all(ln.partial for ln in first)


def test_an_undefined_wan_filter_is_never_blocked():
    dev, _ = edge(" packet-filter 3199 inbound\n nat outbound 3000")
    # ACL 3199 not defined: unknown, never "blocked" by a filter that is not there
    assert matrix([dev], [CAMERA, INTERNET])[0][("internet", "camera")].verdict != BLOCKED


def test_nat_outbound_with_and_without_acl():
    dev, _ = edge(" nat outbound 3000")
    [rule] = dev.nat_rules
    assert rule.acl == "3000" and rule.to_interface == "GigabitEthernet0/0" and not rule.partial
    dev, _ = edge(" nat outbound")
    [rule] = dev.nat_rules
    assert rule.acl is None and rule.to_interface == "GigabitEthernet0/0" and not rule.partial


def test_nat_outbound_address_group_block():
    dev, rep = edge(
        " nat outbound 3000 address-group 1", "nat address-group 1 name POOL\n address 203.0.113.12 203.0.113.13\n#"
    )
    assert not rep.unrecognized
    [rule] = dev.nat_rules
    assert rule.to_ip == int(IPNetwork("203.0.113.12/32").ip) and not rule.partial


def test_nat_server_without_protocol_maps_back_only_when_reversible():
    dev, _ = edge(" nat server global 203.0.113.11 inside 10.30.30.10")
    assert [r.kind for r in dev.nat_rules] == ["destination"]
    dev, _ = edge(" nat server global 203.0.113.11 inside 10.30.30.10 reversible")
    assert sorted(r.kind for r in dev.nat_rules) == ["destination", "source"]


def test_static_routes():
    dev, rep = edge("")
    assert not rep.unrecognized
    default, null, vrf = dev.routes
    assert default.next_hop is not None and default.distance == 60
    assert null.drop
    assert (vrf.vrf, vrf.distance) == ("khach", 70)


def test_nat_outbound_options():
    dev, rep = edge(
        " nat outbound 3000 address-group 1 no-pat port-preserved",
        "nat address-group 1\n address 203.0.113.12 203.0.113.12\n#",
    )
    assert not rep.unrecognized and len(dev.nat_rules) == 1 and not dev.interfaces["GigabitEthernet0/0"].partial
    dev, _ = edge(" nat outbound 3000 disable")
    assert dev.nat_rules == []
    dev, _ = edge(
        " nat outbound 3000 address-group 1 no-pat reversible",
        "nat address-group 1\n address 203.0.113.12 203.0.113.12\n#",
    )
    assert dev.interfaces["GigabitEthernet0/0"].partial


def test_nat_server_with_vpn_instances_is_partial_not_unrecognized():
    dev, rep = edge(
        " nat server protocol tcp global current-interface 8443 vpn-instance top inside 10.30.30.5 443"
        " vpn-instance top description BT"
    )
    assert not rep.unrecognized
    [rule] = dev.nat_rules
    assert rule.kind == "destination" and rule.partial


def test_an_address_group_named_by_its_name():
    groups = "nat address-group 2 name VNPT\n address 203.0.113.13 203.0.113.13\n#"
    dev, _ = edge(" nat outbound 3000 address-group name VNPT", groups)
    [rule] = dev.nat_rules
    assert rule.to_ip == int(IPNetwork("203.0.113.13/32").ip) and not rule.partial
