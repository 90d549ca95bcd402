"""Huawei VRP ACLs and where they apply (netaudit/parsers/huawei_vrp/acls.py, convert.py;
docs/vendors/huawei_vrp.md, "ACLs"): the engine's verdict through each rule."""

from __future__ import annotations

from helpers import ip, matrix, parse_one
from netaddr import IPNetwork

from netaudit.model import Action, AddrMatch, PortRange
from netaudit.parsers import huawei_vrp
from netaudit.zones import Zone

# A core switch routing two VLANs, the guest VLAN filtered inbound by ACL 3040.
CORE = """\
#
sysname CORE
#
vlan batch 10 40
#
acl number 3040
{rules}
#
interface Vlanif10
 ip address 10.0.10.1 255.255.255.0
#
interface Vlanif40
 ip address 10.0.40.1 255.255.255.0
{apply}
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
#
interface GigabitEthernet0/0/2
 port link-type access
 port default vlan 40
#
undo telnet server enable
undo http server enable
undo http secure-server enable
#
return
"""
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("CORE", 10)]),
    Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], vlans=[("CORE", 40)]),
]


def core(rules: str, apply: str = " traffic-filter inbound acl 3040"):
    return parse_one(huawei_vrp, CORE.format(rules=rules, apply=apply), "core.cfg")


def guest_to_staff(rules: str, apply: str = " traffic-filter inbound acl 3040"):
    dev, _rep = core(rules, apply)
    cells, _ = matrix([dev], ZONES)
    return cells[("guest", "staff")]


def test_traffic_filter_passes_what_no_rule_matches():
    """VRP: a packet no rule of a traffic-filter's ACL matches is forwarded.  A whitelist
    written the Cisco way (permits only) therefore filters nothing."""
    cell = guest_to_staff(" rule 5 permit udp destination-port eq dns")
    assert cell.verdict == "reachable", cell.reason
    assert cell.services == ["ip"]
    cell = guest_to_staff(" rule 5 permit udp destination 10.0.40.1 0 destination-port eq dns\n rule 100 deny ip")
    assert cell.verdict == "blocked", cell.reason


def test_rules_match_in_rule_number_order_not_typing_order():
    """``rule 10 deny`` typed before ``rule 5 permit``: rule 5 decides first."""
    cell = guest_to_staff(
        " rule 10 deny ip\n rule 5 permit tcp destination 10.0.10.0 0.0.0.255 destination-port eq 443"
    )
    assert cell.verdict == "reachable" and cell.services == ["tcp/443"], (cell.verdict, cell.services)


def test_rule_without_number_takes_the_next_multiple_of_the_step():
    dev, _ = core(" rule 7 deny ip destination 10.0.10.5 0\n rule permit ip\n step 10\n rule deny ip")
    assert [ln.name for ln in dev.filters["3040"].lines] == ["rule 7", "rule 10", "rule 20"]


def test_wildcards_hosts_ports_and_icmp_names():
    dev, _ = core(
        " rule 5 permit tcp source 10.0.40.0 0.0.0.255 destination 10.0.10.7 0 destination-port range 8000 8080\n"
        " rule 10 permit udp source-port eq bootpc destination-port lt 1024\n"
        " rule 15 permit icmp icmp-type echo\n"
        " rule 20 permit tcp tcp-flag established\n"
        " rule 25 deny ip source any destination 10.0.0.0 0.255.255.255"
    )
    lines = dev.filters["3040"].lines
    m = [ln.matches[0] for ln in lines]
    assert m[0].src == (AddrMatch(ip("10.0.40.0"), 0xFF),) and m[0].dst == (AddrMatch.host(ip("10.0.10.7")),)
    assert m[0].dst_ports == (PortRange(8000, 8080),) and m[0].protocols == (6,)
    assert m[1].src_ports == (PortRange(68, 68),) and m[1].dst_ports == (PortRange(0, 1023),)
    assert (m[2].icmp_type, m[2].icmp_code) == (8, 0)
    assert m[3].tcp_established
    assert m[4].src is None and lines[4].action == Action.DENY
    assert not any(ln.partial for ln in lines)


def test_unmodelled_options_make_the_rule_partial_never_dropped():
    """``time-range``: the permit may or may not hold: guest -> staff is unknown."""
    rules = " rule 5 permit ip destination 10.0.10.0 0.0.0.255 time-range gio-hanh-chinh\n rule 100 deny ip"
    dev, rep = core(rules)
    assert dev.filters["3040"].lines[0].partial == "'time-range gio-hanh-chinh' not modelled"
    assert any("time-range" in p["reason"] for p in rep.partially_understood)
    assert guest_to_staff(rules).verdict == "unknown"


def test_match_order_auto_with_mixed_actions_is_partial_and_uniform_is_exact():
    """``match-order auto`` (depth-first: the most specific rule first): with permits and
    denies both, which rule decides is not modelled — guest -> staff is unknown, never a
    guess; with one action only the order cannot matter."""
    rules = " rule 5 permit ip\n rule 10 deny ip destination 10.0.10.0 0.0.0.255"
    text = CORE.format(rules=rules, apply=" traffic-filter inbound acl 3040")
    dev, _ = parse_one(huawei_vrp, text, "core.cfg")
    assert dev.filters["3040"].partial is None  # config order (the default): exact
    auto = text.replace("acl number 3040", "acl number 3040 match-order auto")
    dev, _ = parse_one(huawei_vrp, auto, "core.cfg")
    assert "match-order auto" in (dev.filters["3040"].partial or "")
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"
    dev, _ = parse_one(huawei_vrp, auto.replace(" rule 10 deny ip destination", " rule 10 permit ip destination"), "c")
    assert dev.filters["3040"].partial is None


def test_undefined_acl_in_traffic_filter_filters_nothing_and_is_named():
    dev, _ = core(" rule 100 deny ip", apply=" traffic-filter inbound acl 3999")
    itf = dev.interfaces["Vlanif40"]
    flt = dev.filters[itf.filter_in]
    assert flt.default_action == Action.PERMIT and "3999 is not defined" in flt.lines[0].source.text
    assert any(r.name == "3999" and not r.defined for r in dev.references)
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "reachable"


def test_traffic_filter_of_a_vlan_filters_its_routed_interface():
    """``traffic-filter vlan 40 inbound acl 3040`` (system view)."""
    text = CORE.format(rules=" rule 100 deny ip", apply="").replace(
        "#\ninterface Vlanif10", "traffic-filter vlan 40 inbound acl 3040\n#\ninterface Vlanif10"
    )
    dev, _ = parse_one(huawei_vrp, text, "core.cfg")
    assert dev.interfaces["Vlanif40"].filter_in == "3040 (traffic-filter)"
    assert dev.interfaces["Vlanif10"].filter_in is None
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "blocked"


def test_a_traffic_filter_on_a_layer2_port_makes_its_vlans_unknown_never_reachable():
    """``traffic-filter inbound`` on the guest access port filters what its hosts send,
    switched or routed; the engine places the guest zone in VLAN 40, not behind the port,
    and applies filters on routed interfaces only: the guest → staff cell was "reachable"
    past a filter that denies it (found reviewing the H3C reader built on this one).  The
    port and VLAN 40's routed interface are partial now: unknown, never reachable."""
    text = CORE.format(rules=" rule 5 deny ip destination 10.0.10.0 0.0.0.255\n rule 10 permit ip", apply="")
    text = text.replace(" port default vlan 40\n", " port default vlan 40\n traffic-filter inbound acl 3040\n")
    dev, rep = parse_one(huawei_vrp, text, "core.cfg")
    assert dev.interfaces["GigabitEthernet0/0/2"].partial and dev.interfaces["Vlanif40"].partial
    assert dev.interfaces["Vlanif10"].partial is None  # VLAN 10's ports carry no filter
    assert any("Layer-2 port GigabitEthernet0/0/2" in str(p["reason"]) for p in rep.partially_understood)
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"


def test_traffic_policy_classifier_deny_behavior():
    """``traffic-policy`` with a classifier (``if-match acl``) and a ``deny`` behavior:
    the ACL's permit rules select what the behavior drops; the rest passes."""
    text = CORE.format(
        rules=" rule 5 permit ip destination 10.0.10.0 0.0.0.255",
        apply=" traffic-policy P-KHACH inbound",
    ).replace(
        "#\ninterface Vlanif10",
        "traffic classifier C-LAN operator or\n if-match acl 3040\ntraffic behavior B-CHAN\n deny\n"
        "traffic policy P-KHACH\n classifier C-LAN behavior B-CHAN\n#\ninterface Vlanif10",
    )
    dev, rep = parse_one(huawei_vrp, text, "core.cfg")
    assert dev.interfaces["Vlanif40"].filter_in == "traffic-policy P-KHACH"
    assert not rep.unrecognized and not rep.partially_understood
    assert all(r.defined for r in dev.references)  # the policy and its ACL are defined
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "blocked"
    # a classifier clause not modelled makes the policy partial: unknown, never blocked
    dev, rep = parse_one(
        huawei_vrp, text.replace(" if-match acl 3040", " if-match acl 3040\n if-match vlan-id 40"), "c.cfg"
    )
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"


def test_a_qos_traffic_policy_filters_nothing():
    """A QoS policy — ``if-match dscp`` classifiers, ``queue ef|af|wfq`` behaviors and the
    built-in ``classifier default-class`` (AR CBQ), as an ISP's AR651 template puts on its
    WAN ports — passes every packet.  Before, it was a partial filter (the dscp clauses,
    the queues, "default-class not defined") and, beside ``nat outbound``, made the WAN
    interface partial: every verdict through it unknown."""
    qos = (
        "traffic classifier C-RT operator or\n if-match dscp ef\ntraffic behavior B-RT\n"
        " queue ef bandwidth pct 10\n statistic enable\ntraffic behavior B-BE\n queue wfq\n"
        "traffic policy QOS\n classifier C-RT behavior B-RT\n classifier default-class behavior B-BE\n"
    )
    text = CORE.format(rules=" rule 5 deny ip", apply=" traffic-policy QOS outbound")
    dev, rep = parse_one(huawei_vrp, text.replace("#\ninterface Vlanif10", qos + "#\ninterface Vlanif10"), "c.cfg")
    assert dev.interfaces["Vlanif40"].filter_out is None
    assert not rep.unrecognized and not rep.partially_understood
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "guest")].verdict == "reachable"
    # a deny rule in a classifier's ACL: the S-series drops what it matches whatever the
    # behavior — never "passes everything", unknown
    mark = "traffic classifier C-ACL operator or\n if-match acl 3040\ntraffic behavior B-MARK\n remark dscp af21\n"
    mark += "traffic policy MARK\n classifier C-ACL behavior B-MARK\n"
    text = CORE.format(rules=" rule 5 deny ip destination 10.0.10.0 0.0.0.255", apply=" traffic-policy MARK inbound")
    dev, rep = parse_one(huawei_vrp, text.replace("#\ninterface Vlanif10", mark + "#\ninterface Vlanif10"), "c.cfg")
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"
    # default-class with a deny behavior: what no other classifier took is dropped
    deny = (
        "traffic classifier C-LAN operator or\n if-match acl 3040\ntraffic behavior B-OK\n permit\n"
        "traffic behavior B-CHAN\n deny\n"
        "traffic policy P\n classifier C-LAN behavior B-OK\n classifier default-class behavior B-CHAN\n"
    )
    text = CORE.format(rules=" rule 5 permit udp destination-port eq dns", apply=" traffic-policy P inbound")
    dev, rep = parse_one(huawei_vrp, text.replace("#\ninterface Vlanif10", deny + "#\ninterface Vlanif10"), "c.cfg")
    assert dev.interfaces["Vlanif40"].filter_in == "traffic-policy P" and not rep.partially_understood
    cells, _ = matrix([dev], ZONES)
    assert (cells[("guest", "staff")].verdict, cells[("guest", "staff")].services) == ("reachable", ["udp/53"])


def test_a_rule_not_understood_makes_the_acl_partial_never_empty():
    """An ACL whose only rule was not read is not "without rules" (which would filter
    nothing): it is partial, and guest -> staff is unknown."""
    dev, rep = core(" rule 5 permit source 10.0.99.0 0.0.0.255")  # a basic rule in an advanced ACL
    assert [s.line for s in rep.unrecognized] == [7]
    assert dev.filters["3040"].partial == "line 7 not understood"
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"


def test_login_use_of_an_acl_ends_in_deny():
    dev, _ = core(" rule 5 permit ip source 10.0.99.0 0.0.0.255")
    assert dev.filters["3040"].default_action == Action.DENY
    assert dev.filters["3040 (traffic-filter)"].default_action == Action.PERMIT


def test_a_repeated_address_reads_alike_and_a_bad_one_is_never_guessed():
    """Sources and destinations are read once per distinct pair of words: the second rule
    naming the same pair gets the same pattern and the same doubt; a pair that is not an
    address and a wildcard leaves its rule unrecognized, every time."""
    dev, rep = core(
        " rule 5 permit ip source 10.0.40.0 24 destination 10.0.10.0 0.0.0.255\n"
        " rule 10 permit ip source 10.0.40.0 24 destination 10.0.10.0 0.0.0.255\n"
        " rule 15 deny ip destination 10.0.10.300 0.0.0.255\n"
        " rule 20 deny ip destination 10.0.10.0 0.0.0.256\n"
        " rule 25 deny ip destination 10.0.10.300 0.0.0.255"
    )
    lines = dev.filters["3040"].lines
    assert [ln.name for ln in lines] == ["rule 5", "rule 10"]
    for ln in lines:
        (m,) = ln.matches
        assert m.src == (AddrMatch(ip("10.0.40.0"), 0xFF),) and m.dst == (AddrMatch(ip("10.0.10.0"), 0xFF),)
        assert ln.partial == "wildcard '24' read as a prefix length"
    bad = [s.text for s in rep.unrecognized]
    assert bad == [
        "rule 15 deny ip destination 10.0.10.300 0.0.0.255",
        "rule 20 deny ip destination 10.0.10.0 0.0.0.256",
        "rule 25 deny ip destination 10.0.10.300 0.0.0.255",
    ]
