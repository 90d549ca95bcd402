"""Source and destination NAT (:mod:`~netaudit.parsers.mikrotik_routeros.nat`)."""

from __future__ import annotations

from .helpers import ip, office


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
