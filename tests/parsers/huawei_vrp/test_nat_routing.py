"""Huawei VRP NAT and routing (netaudit/parsers/huawei_vrp/nat.py, routing.py, convert.py;
docs/vendors/huawei_vrp.md, "NAT", "Routing"): the engine's verdicts through them."""

from __future__ import annotations

from pathlib import Path

from helpers import ip, matrix, parse_one
from netaddr import IPNetwork

from netaudit.model import PROTO_TCP, PortRange
from netaudit.parsers import huawei_vrp
from netaudit.zones import Zone

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "huawei_vrp"


def ar651(wan_filter: bool = False):
    path = FIXTURES / "ar651-buudien-pppoe.cfg"
    text = path.read_text(encoding="utf-8")
    if wan_filter:  # the Internet may open only the published port
        text = text.replace(" nat outbound 3000\n", " nat outbound 3000\n traffic-filter inbound acl 3200\n")
        text = text.replace(
            "#\nip pool", "acl number 3200\n rule 5 permit tcp destination-port eq 8000\n rule 100 deny ip\n#\nip pool"
        )
    return parse_one(huawei_vrp, text, path.name)


def test_pppoe_dialer_easy_ip_and_port_forward_on_the_run_time_address():
    """``nat outbound 3000`` on Dialer1 (``ip address ppp-negotiate``) translates what ACL
    3000 permits to the dialer's address; ``nat server protocol tcp global
    current-interface 8000 inside 192.168.10.50 80`` publishes the camera recorder's web
    page on the address the dialer receives at run time."""
    dev, rep = ar651()
    d1 = dev.interfaces["Dialer1"]
    assert d1.dynamic_address and not d1.addresses
    snat = [r for r in dev.nat_rules if r.kind == "source"]
    assert [(r.acl, r.to_interface, r.out_ifaces) for r in snat] == [("3000", "Dialer1", frozenset({"Dialer1"}))]
    (dnat,) = [r for r in dev.nat_rules if r.kind == "destination"]
    assert dnat.partial is None and dnat.match.dst_negate
    assert dnat.match.protocols == (PROTO_TCP,) and dnat.match.dst_ports == (PortRange(8000, 8000),)
    assert (dnat.to_ip, dnat.to_port) == (ip("192.168.10.50"), 80)
    assert [(str(r.prefix), r.interface) for r in dev.routes] == [("0.0.0.0/0", "Dialer1")]
    zones = [
        Zone("lan", "internal", [IPNetwork("192.168.10.0/24")], vlans=[("BuuDien-VH", 10)]),
        Zone("guest", "guest", [IPNetwork("192.168.20.0/24")], vlans=[("BuuDien-VH", 20)]),
        Zone("internet", "external", [], attach=[("BuuDien-VH", "Dialer1")]),
    ]
    cells, _ = matrix([dev], zones)
    # ACL 3100: rule 5 lets DHCP (udp/67) go anywhere, rule 15 stops the rest
    assert (cells[("guest", "lan")].verdict, cells[("guest", "lan")].services) == ("reachable", ["udp/67"])
    assert cells[("lan", "internet")].verdict == "reachable"
    # With the WAN admitting tcp/8000 only, what reaches the LAN is the forwarded port,
    # delivered as tcp/80 to 192.168.10.50.
    dev, rep = ar651(wan_filter=True)
    assert not rep.unrecognized
    cells, _ = matrix([dev], zones)
    assert cells[("internet", "lan")].verdict == "reachable", cells[("internet", "lan")].reason
    assert cells[("internet", "lan")].services == ["tcp/80"]
    assert cells[("internet", "guest")].verdict == "blocked"


def test_nat_server_on_the_lan_side_naming_the_dialer_is_a_hairpin_port_forward():
    """`nat server protocol tcp global interface Dialer 1 P inside B P'` on an inside
    interface (a published AR configuration: Vlanif1, so that LAN hosts reach their server
    by the public address): packets arriving there for the dialer's address and port P go
    to B.  Here the guests' Vlanif20 (its traffic-filter denies 192.168.0.0/16, seen before
    the translation) gets it: the guests reach the recorder's tcp/80 through the public
    address.  Before, the line was unrecognized and guest → lan unknown."""
    text = (FIXTURES / "ar651-buudien-pppoe.cfg").read_text(encoding="utf-8")
    text = text.replace(
        " traffic-filter inbound acl 3100\n",
        " traffic-filter inbound acl 3100\n nat server protocol tcp global interface Dialer 1 8000 inside 192.168.10.50 80\n",
    )
    dev, rep = parse_one(huawei_vrp, text, "ar651.cfg")
    assert not rep.unrecognized
    hairpin = [r for r in dev.nat_rules if r.kind == "destination" and r.in_ifaces == frozenset({"Vlanif20"})]
    assert len(hairpin) == 1 and hairpin[0].partial is None and hairpin[0].match.dst_negate
    assert (hairpin[0].to_ip, hairpin[0].to_port) == (ip("192.168.10.50"), 80)
    zones = [
        Zone("lan", "internal", [IPNetwork("192.168.10.0/24")], vlans=[("BuuDien-VH", 10)]),
        Zone("guest", "guest", [IPNetwork("192.168.20.0/24")], vlans=[("BuuDien-VH", 20)]),
        Zone("internet", "external", [], attach=[("BuuDien-VH", "Dialer1")]),
    ]
    cells, _ = matrix([dev], zones)
    c = cells[("guest", "lan")]
    assert c.verdict == "reachable" and c.services == ["tcp/80", "udp/67"], (c.verdict, c.services, c.reason)
    # naming an interface the file does not have: partial, an undefined reference, no crash
    dev, rep = parse_one(huawei_vrp, text.replace("interface Dialer 1 8000", "interface Dialer 7 8000"), "ar651.cfg")
    [rule] = [r for r in dev.nat_rules if r.kind == "destination" and r.in_ifaces == frozenset({"Vlanif20"})]
    assert "Dialer7" in str(rule.partial)
    assert [(r.kind, r.name, r.defined) for r in dev.references if r.kind == "interface"] == [
        ("interface", "Dialer7", False)
    ]


def test_static_routes_preference_null_vpn_instance_and_track():
    path = FIXTURES / "ar1220-chinhanh-subif.cfg"
    dev, _rep = parse_one(huawei_vrp, path.read_text(encoding="utf-8"), path.name)
    routes = {(str(r.prefix), r.vrf): r for r in dev.routes if r.origin == "static"}
    assert routes[("10.60.0.0/16", "default")].distance == 100
    assert routes[("10.60.0.0/16", "default")].source in dev.conditional_routes or any(
        s.line == routes[("10.60.0.0/16", "default")].source.line for s in dev.conditional_routes
    )
    assert routes[("0.0.0.0/0", "CAMERA")].next_hop == ip("10.50.40.254")
    assert routes[("192.168.250.0/24", "default")].drop
    assert dev.dynamic_routing  # ospf 1 and `ospf enable` on GE0/0/2


def test_a_static_route_not_read_is_never_no_route():
    text = "sysname R\n#\nip route-static 10.9.0.0 255.255.0.0 vpn-instance OTHER 10.1.1.1\n#\nreturn\n"
    dev, rep = parse_one(huawei_vrp, text, "r.cfg")
    assert [s.line for s in rep.unrecognized] == [3]
    assert [s.line for s in dev.unread_routes] == [3]


def test_a_named_address_group_block_is_partial_not_unrecognized():
    """``nat address-group 1 name POOL`` opens the newer block form (its addresses in
    ``section`` lines): partial, as ``nat address-group 2`` is — never an unrecognized line."""
    text = (FIXTURES / "ar651-buudien-pppoe.cfg").read_text(encoding="utf-8")
    text = text.replace(
        "#\nip pool", "nat address-group 1 name POOL-WAN\n section 0 203.0.113.10 203.0.113.12\n#\nip pool"
    )
    _, rep = parse_one(huawei_vrp, text, "ar651.cfg")
    assert not [u for u in rep.unrecognized if "address-group" in u.text]
    assert any(p["construct"] == "nat address-group" for p in rep.partially_understood)


def test_nat_outbound_with_a_loopbacks_address_and_a_cellular_backup():
    """``nat outbound 3000 interface LoopBack 1`` (Easy IP with a loopback holding the
    public address) and a 4G ``Cellular0/0/0`` with ``ip address negotiate`` — as an ISP's
    published AR651 CPE template writes them.  Before, both lines were unrecognized: no
    source NAT on the WAN and no address on the Cellular interface."""
    text = (FIXTURES / "ar651-buudien-pppoe.cfg").read_text(encoding="utf-8")
    text = text.replace(" nat outbound 3000\n nat server", " nat outbound 3000 interface LoopBack 1\n nat server")
    loop = "interface LoopBack1\n ip address 203.0.113.9 255.255.255.255\n#\n"
    cell = "interface Cellular0/0/0\n ip address negotiate\n nat outbound 3000\n#\n"
    dev, rep = parse_one(huawei_vrp, text.replace("interface NULL0\n", loop + cell + "interface NULL0\n"), "ar.cfg")
    assert not rep.unrecognized and all(p["construct"] == "wlan" for p in rep.partially_understood)
    snat = sorted((r for r in dev.nat_rules if r.kind == "source"), key=lambda r: sorted(r.out_ifaces or ()))
    assert [(r.out_ifaces, r.to_ip, r.to_interface, r.partial) for r in snat] == [
        (frozenset({"Cellular0/0/0"}), None, "Cellular0/0/0", None),
        (frozenset({"Dialer1"}), ip("203.0.113.9"), None, None),  # the loopback's address
    ]
    assert dev.interfaces["Cellular0/0/0"].dynamic_address
    # a loopback the file does not have: its address is unknown — partial, named undefined
    dev, rep = parse_one(huawei_vrp, text, "ar.cfg")
    (rule,) = [r for r in dev.nat_rules if r.kind == "source"]
    assert rule.to_ip is None and rule.to_interface is None and "LoopBack1" in str(rule.partial)
    assert [r.name for r in dev.references if not r.defined] == ["LoopBack1"]
