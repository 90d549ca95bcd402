"""H3C Comware ACLs and packet filters (netaudit/parsers/h3c_comware/acls.py, convert.py;
docs/vendors/h3c_comware.md, "ACLs"): the engine's verdict through each rule."""

from __future__ import annotations

from netaudit.model import Action, PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import core, parse, verdicts

DENY_STAFF = "acl advanced 3040\n rule 5 deny ip destination 10.0.10.0 0.0.0.255\n"
PERMIT_WEB = "acl advanced 3040\n rule 0 permit tcp destination 10.0.10.0 0.0.0.255 destination-port eq 80\n"


def test_packet_filter_denies_what_its_rule_denies():
    cells = verdicts(core(DENY_STAFF, " packet-filter 3040 inbound"))
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("staff", "guest")].verdict == REACHABLE  # inbound on the guest side only


def test_a_packet_no_rule_matches_passes_by_default():
    # a whitelist written Cisco-style (permits, no final deny) filters nothing else
    cell = verdicts(core(PERMIT_WEB, " packet-filter 3040 inbound"))[("guest", "staff")]
    assert cell.verdict == REACHABLE and cell.services == ["ip"]


def test_packet_filter_default_deny_denies_what_no_rule_permits():
    cells = verdicts(core(PERMIT_WEB, " packet-filter 3040 inbound", globals=" packet-filter default deny"))
    assert cells[("guest", "staff")].verdict == REACHABLE
    assert cells[("guest", "staff")].services == ["tcp/80"]
    dev, _ = parse(core(PERMIT_WEB, " packet-filter 3040 inbound", globals=" packet-filter default deny"))
    assert dev.filters["3040 (packet-filter)"].default_action == Action.DENY


def test_an_undefined_acl_leaves_the_verdict_unknown():
    cell = verdicts(core("", " packet-filter 3999 inbound"))[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "3999" in str(cell.reason)


def test_an_acl_without_rules_leaves_every_packet_to_the_default():
    cells = verdicts(core("acl advanced 3040\n description trong", " packet-filter 3040 inbound"))
    assert cells[("guest", "staff")].verdict == REACHABLE


def test_rules_match_in_rule_number_order_not_typed_order():
    rules = "acl advanced 3040\n rule 10 permit ip\n rule 5 deny ip destination 10.0.10.0 0.0.0.255\n"
    assert verdicts(core(rules, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == BLOCKED


def test_rules_without_numbers_are_numbered_from_0_by_5():
    rules = "acl advanced name KHACH\n rule deny ip destination 10.0.10.0 0.0.0.255\n rule permit ip counting\n"
    dev, rep = parse(core(rules, " packet-filter name khach inbound"))
    assert not rep.unrecognized
    assert [ln.name for ln in dev.filters["KHACH"].lines] == ["rule 0", "rule 5"]
    assert verdicts(core(rules, " packet-filter name khach inbound"))[("guest", "staff")].verdict == BLOCKED


def test_acl_number_with_a_name_is_referenced_by_either():
    rules = "acl number 3040 name KHACH-VAO\n rule 0 deny ip destination 10.0.10.0 0.0.0.255\n"
    for apply in (" packet-filter 3040 inbound", " packet-filter name KHACH-VAO inbound"):
        assert verdicts(core(rules, apply))[("guest", "staff")].verdict == BLOCKED


def test_basic_acl_matches_the_source():
    rules = "acl basic 2040\n rule 0 deny source 10.0.40.0 0.0.0.255\n"
    assert verdicts(core(rules, " packet-filter 2040 inbound"))[("guest", "staff")].verdict == BLOCKED


def test_established_matches_ack_or_rst_only():
    rules = "acl advanced 3040\n rule 0 permit tcp established\n rule 5 deny ip\n"
    dev, _ = parse(core(rules, " packet-filter 3040 inbound"))
    [line, _deny] = dev.filters["3040"].lines
    assert line.matches[0].tcp_established and not line.partial
    assert verdicts(core(rules, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == BLOCKED


def test_ports_icmp_and_strict_lt():
    rules = (
        "acl advanced 3040\n rule 0 permit udp destination-port lt 1024\n rule 1 permit icmp icmp-type echo\n"
        " rule 2 permit tcp source-port range 1024 65535 destination-port eq www\n rule 5 deny ip\n"
    )
    dev, rep = parse(core(rules, " packet-filter 3040 inbound"))
    assert not rep.unrecognized
    udp, icmp, tcp, _ = dev.filters["3040"].lines
    assert udp.matches[0].dst_ports == (PortRange(0, 1023),)
    assert icmp.matches[0].icmp_type == 8
    assert tcp.matches[0].dst_ports == (PortRange(80, 80),) and tcp.matches[0].src_ports == (PortRange(1024, 65535),)


def test_unmodelled_conditions_make_the_rule_partial_never_dropped():
    for cond in ("time-range GIO-LAM", "vpn-instance khach", "syn 1", "fragment", "destination-port neq 80"):
        rules = (
            f"acl advanced 3040\n rule 0 deny tcp destination 10.0.10.0 0.0.0.255 {cond}\n rule 5 permit tcp\n"
            " rule 10 deny ip\n"
        )
        dev, rep = parse(core(rules, " packet-filter 3040 inbound"))
        assert not rep.unrecognized, cond
        assert dev.filters["3040"].lines[0].partial, cond
        assert verdicts(core(rules, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == UNKNOWN, cond


def test_a_rule_not_understood_makes_the_acl_partial():
    rules = "acl advanced 3040\n rule 0 deny ip destination 10.0.10.0 0.0.0.255\n rule 5 permit ip foo bar\n"
    dev, rep = parse(core(rules, " packet-filter 3040 inbound"))
    assert [u.text for u in rep.unrecognized] == ["rule 5 permit ip foo bar"]
    assert dev.filters["3040"].partial
    assert verdicts(core(rules, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == UNKNOWN


def test_match_order_auto_with_permits_and_denies_is_partial():
    rules = "acl advanced 3040 match-order auto\n rule 0 permit ip\n rule 5 deny ip destination 10.0.10.0 0.0.0.255\n"
    assert verdicts(core(rules, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == UNKNOWN
    same = "acl advanced 3040 match-order auto\n rule 0 deny ip destination 10.0.10.0 0.0.0.255\n rule 5 deny ip\n"
    assert verdicts(core(same, " packet-filter 3040 inbound"))[("guest", "staff")].verdict == BLOCKED


def test_layer2_and_v5_forms_are_partial():
    for apply in (" packet-filter mac 4000 inbound", " packet-filter inbound ip-group 3040"):
        dev, _ = parse(core(DENY_STAFF, apply))
        assert dev.interfaces["Vlan-interface40"].partial, apply
    dev, rep = parse(core("acl mac 4000\n rule 0 deny", ""))
    assert dev.filters["4000"].partial and not rep.unrecognized


def test_ipv6_packet_filter_and_acls_are_ignored():
    text = core("acl ipv6 advanced 3600\n rule 0 deny ipv6", " packet-filter ipv6 3600 inbound")
    dev, rep = parse(text)
    assert not rep.unrecognized and dev.interfaces["Vlan-interface40"].filter_in is None
    assert verdicts(text)[("guest", "staff")].verdict == REACHABLE


def test_a_vlan_interface_filter_leaves_packets_for_the_device_maybe():
    """The VLAN interface's packet-filter filters what it routes; whether it filters what is
    for the switch itself is not established: never "blocked" there."""
    rules = "acl advanced 3040\n rule 5 deny ip\n"
    text = core(rules, " packet-filter 3040 inbound", globals=" ssh server enable")
    cells = verdicts(text)
    assert cells[("guest", "staff")].verdict == BLOCKED
    devices = cells[("guest", "@devices")]
    assert devices.verdict == UNKNOWN and "tcp/22" in devices.services
    dev, _ = parse(core(rules, " packet-filter 3040 inbound\n packet-filter filter all"))
    assert dev.interfaces["Vlan-interface40"].partial


def test_a_packet_filter_on_a_layer2_port_leaves_its_vlan_unknown():
    # on an Ethernet (bridge-mode) port the filter handles every packet, switched ones too;
    # the guest hosts sit in VLAN 40, not behind one port: never "reachable" past it
    port = " port access vlan 40\n"
    text = core(DENY_STAFF).replace(port, port + " packet-filter 3040 inbound\n")
    cells = verdicts(text)
    assert cells[("guest", "staff")].verdict == UNKNOWN
    assert "GigabitEthernet1/0/2" in str(cells[("guest", "staff")].reason)
    dev, _ = parse(text)
    assert dev.interfaces["Vlan-interface40"].partial and not dev.interfaces["Vlan-interface10"].partial


def test_undo_forms_of_a_hand_made_file_take_the_filter_off():
    # typed in order: what an `undo` takes back no longer filters (was: the undo ignored,
    # the rule or filter kept — "blocked" where the device passes)
    deny = "acl advanced 3040\n rule 5 deny ip destination 10.0.10.0 0.0.0.255\n"
    cases = [
        core(deny + " undo rule 5\n", " packet-filter 3040 inbound"),
        core(deny, " packet-filter 3040 inbound\n undo packet-filter 3040 inbound"),
        core(
            PERMIT_WEB,
            " packet-filter 3040 inbound",
            globals=" packet-filter default deny\n undo packet-filter default deny",
        ),
    ]
    for text in cases:
        cell = verdicts(text)[("guest", "staff")]
        assert cell.verdict == REACHABLE and cell.services == ["ip"], text
    # `undo rule N logging` takes only the word off; `undo acl` leaves an undefined ACL
    kept = core(
        deny.replace("0.0.0.255", "0.0.0.255 logging") + " undo rule 5 logging\n", " packet-filter 3040 inbound"
    )
    assert verdicts(kept)[("guest", "staff")].verdict == BLOCKED
    gone = core(deny + "#\nundo acl advanced 3040\n", " packet-filter 3040 inbound")
    assert verdicts(gone)[("guest", "staff")].verdict == UNKNOWN
