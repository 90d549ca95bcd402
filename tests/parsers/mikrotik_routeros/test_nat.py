"""Source and destination NAT (:mod:`~netaudit.parsers.mikrotik_routeros.nat`)."""

from __future__ import annotations

from netaddr import IPNetwork

from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone

from .helpers import GUEST, STAFF, ip, matrix, office, parse


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


# An upstream router (hq) that forwards to its LAN only what comes from the branch's
# staff subnet: what source address the branch's source NAT leaves on the packets
# decides the staff -> hq verdict.
HQ = """
/ip address
add address=192.0.2.1/30 interface=ether1
add address=10.20.0.1/24 interface=ether2
/ip route
add dst-address=10.0.0.0/16 gateway=192.0.2.2
/ip firewall filter
add action=accept chain=forward src-address=10.0.10.0/24
add action=drop chain=forward
"""
HQ_ZONE = Zone("hq", "internal", [IPNetwork("10.20.0.0/24")], attach=[("hq", "ether2")])


def test_srcnat_accept_exempts_later_rules():
    """``accept`` in srcnat leaves the packets untranslated and ends the chain for them
    (no later masquerade): staff keeps its address towards hq, which admits it."""
    dev, _ = office("""
    /ip firewall nat
    add action=accept chain=srcnat dst-address=10.20.0.0/16
    add action=masquerade chain=srcnat out-interface=ether1
    """)
    exempt, masq = [r for r in dev.nat_rules if r.kind == "source"]
    assert (exempt.to_ip, exempt.to_interface, exempt.partial) == (None, None, None)
    assert exempt.match.dst[0].value == ip("10.20.0.0") and masq.to_interface == "ether1"
    hq, _ = parse(HQ, "hq.rsc")
    cells = matrix([dev, hq], [GUEST, STAFF, HQ_ZONE])
    assert cells[("staff", "hq")].verdict == REACHABLE
    assert cells[("guest", "hq")].verdict == BLOCKED


def test_src_nat_without_to_addresses_is_not_masquerade():
    """``src-nat`` with only ``to-ports`` (a real export: NTP moved off port 123): the
    reference gives the out-interface's address to masquerade only, and does not say
    what src-nat without an address writes — partial, never the router's address (that
    made staff -> hq "blocked" at a router admitting only staff's own addresses)."""
    dev, rep = office("""
    /ip firewall nat
    add action=src-nat chain=srcnat comment="NTP off 123" protocol=udp src-port=123 \\
        to-ports=12300
    add action=src-nat chain=srcnat out-interface=ether1 to-addresses=0.0.0.0
    """)
    ntp, plain = [r for r in dev.nat_rules if r.kind == "source"]
    for rule in (ntp, plain):
        assert (rule.to_ip, rule.to_interface) == (None, None)
        assert "src-nat without to-addresses" in rule.partial
    assert ntp.match.src_ports[0].lo == 123 and ntp.out_ifaces is None
    assert any("src-nat without to-addresses" in p["reason"] for p in rep.partially_understood)
    hq, _ = parse(HQ, "hq.rsc")
    cells = matrix([dev, hq], [GUEST, STAFF, HQ_ZONE])
    assert cells[("staff", "hq")].verdict == UNKNOWN  # was "blocked"
