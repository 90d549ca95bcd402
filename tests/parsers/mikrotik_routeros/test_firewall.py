"""The filter chains and raw prerouting (:mod:`~netaudit.parsers.mikrotik_routeros.firewall`)."""

from __future__ import annotations

from netaudit.model import Action
from netaudit.reach import REACHABLE

from .helpers import GUEST, STAFF, ip, matrix, office, parse


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


def test_no_rules_an_empty_forward_chain_that_says_so_and_no_input_filter():
    """No forward rule: the forward chain is empty, accepting — a witness through the
    router cites "no rule in this chain: RouterOS forwards every packet" instead of only
    the interfaces it crossed; it filters nothing, so the device is no firewall."""
    dev, _ = parse("/ip firewall filter\n")
    assert dev.input_filter is None
    fwd = dev.filters[dev.forward_filter]
    assert fwd.lines == [] and fwd.default_action == Action.PERMIT and fwd.source is None
    assert fwd.default_text == "no rule in this chain: RouterOS forwards every packet"
    from netaudit.report.json_report import _role

    assert _role(dev, edge=False) != "firewall"


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
    lines = dev.filters["forward"].lines
    assert [(x.source.line, x.action) for x in lines] == [(5, Action.DENY), (6, Action.DENY)]
    assert rep.ignored == 3  # version comment, menu header, disabled rule
    assert "output" not in dev.filters


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
    assert m[("guest", "staff")].verdict == REACHABLE  # only from 10.0.40.7
    assert m[("guest", "staff")].witness.packet.src_ip == ip("10.0.40.7")


def test_remove_in_firewall_and_unknown_property_are_partial():
    dev, rep = parse("""
    /ip firewall filter
    add action=accept chain=forward frobnicate=yes
    remove [ find comment=old ]
    """)
    assert "unknown property frobnicate" in dev.filters["forward"].lines[0].partial
    assert "'remove' command" in dev.filters["forward"].partial
    assert [u.line for u in rep.unrecognized] == [4]


def test_raw_drops_before_destination_nat_partial_only_on_the_destination():
    # Raw sees the header before dst-nat: a drop on the destination address or port may
    # meet other packets than the filters see (partial); one on the source address,
    # protocol and input interface meets the same packets (understood).
    dev, _ = office("""
    /ip firewall raw
    add action=drop chain=prerouting in-interface=v40 src-address=!10.0.40.0/24
    add action=drop chain=prerouting protocol=udp src-address-list=bad
    add action=drop chain=prerouting dst-address=203.0.113.10 protocol=tcp
    add action=drop chain=prerouting protocol=tcp dst-port=8291
    /ip firewall address-list
    add list=bad address=198.51.100.0/24
    /ip firewall nat
    add action=dst-nat chain=dstnat dst-address=203.0.113.10 protocol=tcp dst-port=443 to-addresses=10.0.10.5
    """)
    raw = {line.source.line: line.partial for line in dev.filters["forward"].lines if line.name.startswith("raw")}
    assert len(raw) == 4
    first, second, third, fourth = (raw[k] for k in sorted(raw))
    assert first is None and second is None
    assert third == fourth == "raw rule matches the header before destination NAT"


def test_an_action_routeros_does_not_have_is_unknown_not_dropped():
    """``action=acept`` (a hand-edited export) vanished: the guest → staff accept it was
    meant to be was gone, the filter's drop decided, "proven blocked", 0 partial lines."""
    from netaudit.reach import BLOCKED, UNKNOWN

    rules = """
    /ip firewall filter
    add action=accept chain=forward connection-state=established,related
    add action=%s chain=forward in-interface=v40 out-interface=v10
    add action=drop chain=forward in-interface=v40
    """
    dev, rep = office(rules % "acept")
    first, second = dev.filters["forward"].lines[1:3]
    assert (first.action, second.action) == (Action.PERMIT, Action.DENY)
    assert first.partial == second.partial == "action 'acept' not understood"
    assert [p["reason"] for p in rep.partially_understood] == ["action 'acept' not understood"]
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == UNKNOWN
    dev, _ = office(rules % "drop")  # a real action: as before
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == BLOCKED
    # In raw: the drop it may be, and what follows may not be reached (an accept ends raw).
    dev, _ = office("""
    /ip firewall raw
    add action=drp chain=prerouting in-interface=v40
    add action=drop chain=prerouting in-interface=v40
    """)
    raw = [x for x in dev.filters["forward"].lines if x.name.startswith("raw")]
    assert "action 'drp' not understood" in raw[0].partial and "follows a raw rule not understood" in raw[1].partial
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == UNKNOWN
    # NAT: the table's conversion is partial.
    dev, rep = office("/ip firewall nat\nadd action=dstnatt chain=dstnat dst-port=80 protocol=tcp\n")
    assert any("action 'dstnatt' not understood" in p["reason"] for p in rep.partially_understood)


# The defconf "advanced" raw chain (help.mikrotik.com "Building Advanced Firewall"), as a
# real 7.10 RB3011 export keeps it: accepts of ICMP types before "drop other icmp", and
# "accept everything else from LAN/WAN" before "drop the rest".
DEFCONF_RAW = """
/ip firewall raw
add action=accept chain=prerouting comment="defconf: accept DHCP discover" dst-address=255.255.255.255 dst-port=67 in-interface-list=LAN protocol=udp src-address=0.0.0.0 src-port=68
add action=drop chain=prerouting comment="defconf: drop local if not from default IP range" in-interface-list=LAN src-address=!10.0.0.0/16
add action=drop chain=prerouting comment="defconf: drop bad UDP" port=0 protocol=udp
add action=jump chain=prerouting comment="defconf: jump to ICMP chain" jump-target=icmp4 protocol=icmp
add action=jump chain=prerouting comment="defconf: jump to TCP chain" jump-target=bad_tcp protocol=tcp
add action=accept chain=prerouting comment="defconf: accept everything else from LAN" in-interface-list=LAN
add action=accept chain=prerouting comment="defconf: accept everything else from WAN" in-interface-list=WAN
add action=drop chain=prerouting comment="defconf: drop the rest"
add action=drop chain=bad_tcp comment="defconf: TCP port 0 drop" port=0 protocol=tcp
add action=accept chain=icmp4 comment="defconf: echo reply" icmp-options=0:0 protocol=icmp
add action=accept chain=icmp4 comment="defconf: net unreachable" icmp-options=3:0 protocol=icmp
add action=accept chain=icmp4 comment="defconf: port unreachable" icmp-options=3:3 protocol=icmp
add action=accept chain=icmp4 comment="defconf: fragmentation needed" icmp-options=3:4 protocol=icmp
add action=accept chain=icmp4 comment="defconf: echo" icmp-options=8:0 protocol=icmp
add action=accept chain=icmp4 comment="defconf: time exceeded " icmp-options=11:0-255 protocol=icmp
add action=drop chain=icmp4 comment="defconf: drop other icmp" protocol=icmp
"""


def test_defconf_raw_icmp_chain_stays_small_and_exact_for_other_protocols():
    # Found on a real RouterOS 7.10.1 RB3011 export keeping this chain: the complements of
    # the ICMP accepts grew as the product of their pieces and each piece became one Match
    # per ICMP type and code — millions of Matches; init and audit were killed for memory.
    dev, _ = office(DEFCONF_RAW)
    raw = [ln for ln in dev.filters["forward"].lines if ln.name.startswith("raw")]
    assert raw and sum(len(ln.matches) for ln in raw) < 20000  # millions before
    # exact: every ICMP type and code a piece leaves is one Match per type (or per code of
    # a type not wholly left), no line widened
    assert not any(ln.partial for ln in raw)
    m = matrix([dev], [GUEST, STAFF])
    assert m[("staff", "guest")].verdict == REACHABLE and "tcp/1-65535" in m[("staff", "guest")].services  # not port 0
    assert "icmp/8" in m[("staff", "guest")].services  # echo is accepted by the raw ICMP chain
