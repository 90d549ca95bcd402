"""Configuration groups and inheritance (netaudit/parsers/juniper_junos/syntax.py,
``_apply_groups``; docs/vendors/juniper_junos.md, "Groups").  Checked as the engine's verdicts
through an SRX whose zones or policies come from groups."""

from __future__ import annotations

from helpers import parse_one

from netaudit.parsers import juniper_junos
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .test_security import TRUST, audit, policy

DENY = "set security policies default-policy deny-all"


def group(name: str, lines: str) -> str:
    return "\n".join(f"set groups {name} {line[4:]}" for line in lines.splitlines())


def test_the_configuration_s_one_value_wins_over_a_group_s(tmp_path):
    """default-policy holds one value: the group's permit-all fills in only where the
    configuration says nothing — beside its deny-all, guest → staff stays blocked."""
    both = group("G", "set security policies default-policy permit-all") + "\nset apply-groups G\n"
    got = audit(tmp_path, policies=DENY, extra=both)
    assert got[("khach", "canbo")].verdict == BLOCKED
    got = audit(tmp_path, extra=both)  # the configuration silent: the group's value is in effect
    assert got[("khach", "canbo")].verdict == REACHABLE


def test_the_first_group_listed_wins(tmp_path):
    groups = group("MO", "set security policies default-policy permit-all") + "\n" + group("DONG", DENY) + "\n"
    got = audit(tmp_path, extra=groups + "set apply-groups [ DONG MO ]\n")
    assert got[("khach", "canbo")].verdict == BLOCKED
    got = audit(tmp_path, extra=groups + "set apply-groups [ MO DONG ]\n")
    assert got[("khach", "canbo")].verdict == REACHABLE


def test_sets_add_up(tmp_path):
    """system-services is a set: the group's ssh adds to the zone's ping."""
    zones = TRUST + "\nset security zones security-zone trust host-inbound-traffic system-services ping"
    extra = (
        group("QL", "set security zones security-zone trust host-inbound-traffic system-services ssh")
        + "\nset apply-groups QL\n"
    )
    got = audit(tmp_path, zones=zones, extra=extra)
    assert "tcp/22" in got[("canbo", "@devices")].services


def test_a_wildcard_matches_existing_names_and_apply_groups_except_takes_it_back(tmp_path):
    extra = (
        group("MO", "set security zones security-zone <*> host-inbound-traffic system-services all")
        + "\nset apply-groups MO\nset security zones security-zone guest apply-groups-except MO\n"
    )
    got = audit(tmp_path, extra=extra)
    assert "tcp/22" in got[("canbo", "@devices")].services  # trust matched <*>
    assert got[("khach", "@devices")].verdict == BLOCKED  # guest excepted


def test_a_group_applied_below_the_top(tmp_path):
    extra = group("MO", "set security policies default-policy permit-all") + "\nset security policies apply-groups MO\n"
    got = audit(tmp_path, extra=extra)
    assert got[("khach", "canbo")].verdict == REACHABLE


def test_a_group_applied_deeper_wins_over_one_applied_above(tmp_path):
    groups = group("MO", "set security policies default-policy permit-all") + "\n" + group("DONG", DENY) + "\n"
    got = audit(tmp_path, extra=groups + "set apply-groups MO\nset security policies apply-groups DONG\n")
    assert got[("khach", "canbo")].verdict == BLOCKED


def test_a_policy_a_group_adds_beside_the_configuration_s_is_unknown_never_guessed(tmp_path):
    """Where a group's policy sits among the configuration's of the same zone pair is not
    established: the pair's verdict through it is unknown, neither blocked nor reachable."""
    deny = policy("guest", "trust", "CHAN", action="deny")
    extra = group("MO", policy("guest", "trust", "MO-WEB", app="junos-http")) + "\nset apply-groups MO\n"
    got = audit(tmp_path, policies=deny, extra=extra)
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_a_value_of_a_statement_not_known_as_one_or_a_set_is_partial():
    text = (
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.1.1/24\n"
        "set interfaces ge-0/0/1 unit 0 family inet filter input A\n"
        "set groups G interfaces ge-0/0/1 unit 0 family inet filter input B\n"
        "set apply-groups G\n"
    )
    dev, rep = parse_one(juniper_junos, text, "r.txt")
    assert dev.interfaces["ge-0/0/1.0"].partial
    assert any(p["construct"] == "groups" for p in rep.partially_understood)


def test_two_wildcard_entries_of_one_group_giving_one_value_twice_are_partial():
    text = (
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.1.1/24\n"
        "set groups G interfaces <ge-*> description MOT\n"
        "set groups G interfaces <ge-0/*> description HAI\n"
        "set apply-groups G\n"
    )
    _dev, rep = parse_one(juniper_junos, text, "r.txt")
    assert [p["line"] for p in rep.partially_understood if p["construct"] == "groups"] == [3]


def test_a_choice_not_known_here_is_partial_never_both_exact():
    """`source-nat interface` in the configuration, `source-nat pool P` from a group: one
    of the two is in effect — which, netaudit does not know as a choice: the rule is partial."""
    text = (
        "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30\n"
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.1.1/24\n"
        "set security zones security-zone untrust interfaces ge-0/0/0.0\n"
        "set security zones security-zone trust interfaces ge-0/0/1.0\n"
        "set security nat source pool P address 203.0.113.9/32\n"
        "set security nat source rule-set RS from zone trust\n"
        "set security nat source rule-set RS to zone untrust\n"
        "set security nat source rule-set RS rule R match source-address 10.0.1.0/24\n"
        "set security nat source rule-set RS rule R then source-nat interface\n"
        "set groups G security nat source rule-set RS rule R then source-nat pool P\n"
        "set apply-groups G\n"
    )
    dev, rep = parse_one(juniper_junos, text, "srx.txt")
    assert [p["line"] for p in rep.partially_understood if p["construct"] == "groups"] == [10]
    assert all(r.partial for r in dev.nat_rules)


def test_a_group_s_value_under_an_inactive_statement_is_unknown_never_blocked(tmp_path):
    """deny-all deactivated, permit-all from a group: whether Junos inherits under an inactive
    statement is not established — guest → staff is unknown, never "blocked"."""
    extra = (
        group("MO", "set security policies default-policy permit-all")
        + "\nset apply-groups MO\ndeactivate security policies default-policy\n"
    )
    got = audit(tmp_path, policies=DENY, extra=extra)
    assert got[("khach", "canbo")].verdict == UNKNOWN


def test_a_group_s_values_of_a_filter_condition_add_up(tmp_path):
    """A term's `from protocol` is a list: the group's udp adds to the configuration's tcp —
    exact, not partial."""
    text = (
        "set interfaces ge-0/0/1 unit 0 family inet address 10.0.1.1/24\n"
        "set firewall family inet filter F term T from protocol tcp\n"
        "set firewall family inet filter F term T then accept\n"
        "set interfaces ge-0/0/1 unit 0 family inet filter input F\n"
        "set groups G firewall family inet filter F term T from protocol udp\n"
        "set apply-groups G\n"
    )
    dev, rep = parse_one(juniper_junos, text, "r.txt")
    assert not [p for p in rep.partially_understood if p["construct"] == "groups"]
    assert not any(line.partial for flt in dev.filters.values() for line in flt.lines)
