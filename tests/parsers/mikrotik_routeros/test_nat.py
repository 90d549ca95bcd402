"""Source and destination NAT (:mod:`~netaudit.parsers.mikrotik_routeros.nat`)."""

from __future__ import annotations

import random

import pytest
from netaddr import IPNetwork

from netaudit.parsers.mikrotik_routeros.conditions import NOT_PLAIN
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone

from .helpers import GUEST, OFFICE, STAFF, V7, ip, matrix, office, parse


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


# ----------------------------------------------------------------------- plain port forwards read straight

# Pieces of dstnat rules: what nat.plain_nat reads straight and what it must leave to
# flattening — rewrites to ranges, lists, the default address, quoted or not understood
# values; negations, whole and empty ranges, a field set twice, unknown lists and
# interfaces, a bridge port, connection states, ICMP, partial matchers.
NAT_MATCHERS = [
    "dst-port=8080", "dst-port=0", "dst-port=65535", "dst-port=65536", "dst-port=0-65535",
    "dst-port=80,443", "dst-port=!22", "dst-port=080", 'dst-port="8443"', "src-port=1024-2048",
    "protocol=tcp", "protocol=udp", "protocol=!tcp", "protocol=6", "protocol=bogus",
    "dst-address=192.0.2.2", "dst-address=0.0.0.0/0", "dst-address=!192.0.2.0/30",
    "dst-address=10.0.0.1-10.0.0.9", "dst-address=10.0.0.300",
    "src-address=203.0.113.0/24", "src-address=!0.0.0.0/1", "dst-address=!0.0.0.0/0", "dst-port=!0-65535",
    "in-interface-list=NOPE2",
    "in-interface-list=WAN", "in-interface-list=!WAN", "in-interface-list=LAN",
    "in-interface-list=NOPE", "in-interface=ether1", "in-interface=ether9", "in-interface=ether2",
    "out-interface=v10", "src-address-list=BAD", "src-address-list=!BAD", "dst-address-list=NONE",
    "connection-state=new", "connection-state=established", "icmp-options=8:0", "port=80",
    "dst-address-type=local", "limit=10,5:packet", "log=yes", 'comment="port forward"', "",
]  # fmt: skip
NAT_TARGETS = [
    "to-addresses=10.0.10.5", "to-addresses=10.0.10.5 to-ports=80", "to-ports=8080",
    "to-addresses=10.0.10.5-10.0.10.9", "to-addresses=0.0.0.0 to-ports=22", 'to-addresses="10.0.10.6"',
    "to-addresses=bogus", "to-ports=80-90", "to-ports=80,81", "to-ports=x", 'to-ports=""', "",
]  # fmt: skip


def _nat_export(rnd) -> str:
    out = [
        OFFICE.strip("\n"),
        "/interface list\nadd name=NOPE2",
        "/ip firewall address-list\nadd address=198.51.100.0/24 list=BAD",
        "/ip firewall nat",
    ]
    chains = ["dstnat"] * 6 + ["fw"]
    if rnd.random() < 0.25:  # another chain jumps into dstnat (its rules then flattened)
        out.append("add action=jump chain=fw2 jump-target=dstnat")
    for _ in range(60):
        chain = rnd.choice(chains)
        r = rnd.random()
        if r < 0.05:
            out.append(f"add action=jump chain=dstnat jump-target=fw {rnd.choice(NAT_MATCHERS)}")
            continue
        if r < 0.08:
            out.append(f"add action=return chain=fw {rnd.choice(NAT_MATCHERS)}")
            continue
        action = rnd.choice(["dst-nat"] * 8 + ["accept", "redirect", "netmap", "masquerade"])
        words = [f"action={action}", f"chain={chain}", *rnd.sample(NAT_MATCHERS, rnd.randint(0, 4))]
        words.append(rnd.choice(NAT_TARGETS))
        if rnd.random() < 0.05:
            words.append("disabled=yes")
        rnd.shuffle(words)
        out.append("add " + " ".join(w for w in words if w))
    out.append("add action=masquerade chain=srcnat out-interface-list=WAN")
    out.append("/ip firewall filter")
    out.append("add action=accept chain=forward connection-nat-state=dstnat")
    out.append("add action=drop chain=forward in-interface-list=WAN")
    return "\n".join(out) + "\n"


def _nat_state(text: str):
    from netaudit.parsers.mikrotik_routeros.parser import RouterOSParser

    p = RouterOSParser(text, "r.rsc")
    res = p.run()
    st = p.st
    return repr((res.devices, res.report)), (
        st.dnat_image,
        st.dnat_bound,
        st.dnat_uncertain,
        st.dnat_unbounded,
        st.refs,
    )


@pytest.mark.parametrize("seed", range(40))
def test_plain_port_forwards_parse_as_flattened_ones(monkeypatch, seed):
    # nat.plain_nat against the flattening path (rule_fields, FlatRule, nat_rules)
    from netaudit.parsers.mikrotik_routeros import nat

    text = V7 + _nat_export(random.Random(seed))
    direct = _nat_state(text)
    with monkeypatch.context() as m:
        m.setattr(nat, "_DIRECT_NAT", frozenset())  # no rule read straight
        flattened = _nat_state(text)
    assert direct == flattened


def test_the_random_port_forwards_reach_both_paths(monkeypatch):
    from netaudit.parsers.mikrotik_routeros import nat

    seen = {"rule": 0, "none": 0, "not plain": 0}
    plain_nat = nat.plain_nat

    def counting(st, rule):
        got = plain_nat(st, rule)
        seen["none" if got is None else "not plain" if got is NOT_PLAIN else "rule"] += 1
        return got

    monkeypatch.setattr(nat, "plain_nat", counting)
    for seed in range(40):
        _nat_state(V7 + _nat_export(random.Random(seed)))
    assert seen["rule"] > 200 and seen["none"] > 10 and seen["not plain"] > 500, seen
