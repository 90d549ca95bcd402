"""Stateless firewall filters on an interface and on lo0
(netaudit/parsers/juniper_junos/filters.py; docs/vendors/juniper_junos.md, "Firewall
filters").  Checked as the engine's verdicts through an EX switch routing two VLANs."""

from __future__ import annotations

import pytest
from helpers import cells, check_cells, fixture_audit, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import juniper_junos
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

EX = """\
set system host-name EX-XA
set system services ssh
set interfaces irb unit 10 family inet address 10.1.10.1/24
set interfaces irb unit 20 family inet address 10.1.20.1/24
set interfaces irb unit 20 family inet filter input {filters}
set vlans CANBO vlan-id 10
set vlans CANBO l3-interface irb.10
set vlans KHACH vlan-id 20
set vlans KHACH l3-interface irb.20
"""
SITE = """\
unit: "UBND xa"
level: 2
zones:
  canbo: {kind: internal, subnets: [10.1.10.0/24], vlans: ["EX-XA:10"]}
  khach: {kind: guest, subnets: [10.1.20.0/24], vlans: ["EX-XA:20"]}
"""


def audit(tmp_path, terms: str, filters: str = "F"):
    (tmp_path / "ex.txt").write_text(EX.format(filters=filters) + terms)
    (tmp_path / "site.yaml").write_text(SITE)
    return cells(run_audit([tmp_path]))


def term(name: str, *lines: str, flt: str = "F") -> str:
    return "".join(f"set firewall family inet filter {flt} term {name} {x}\n" for x in lines)


def test_a_packet_no_term_takes_is_discarded(tmp_path):
    got = audit(tmp_path, term("WEB", "from protocol tcp", "from destination-port http", "then accept"))
    assert got[("khach", "canbo")].verdict == REACHABLE
    assert got[("khach", "canbo")].services == ["tcp/80"]


def test_a_term_without_action_accepts_and_next_term_goes_on(tmp_path):
    terms = term("DEM", "then count tong", "then next term") + term("CHAN", "from protocol udp", "then discard")
    terms += term("CON-LAI", "from protocol tcp")  # no `then`: accept
    got = audit(tmp_path, terms)
    assert got[("khach", "canbo")].verdict == REACHABLE
    assert got[("khach", "canbo")].services == ["tcp"]


def test_except_is_longest_match(tmp_path):
    """10.1.0.0/16 except 10.1.10.0/24, but 10.1.10.128/25 again: the longest prefix decides."""
    terms = term(
        "T",
        "from destination-address 10.1.0.0/16",
        "from destination-address 10.1.10.0/24 except",
        "from destination-address 10.1.10.128/25",
        "then accept",
    )
    (tmp_path / "ex.txt").write_text(EX.format(filters="F") + terms)
    (tmp_path / "site.yaml").write_text(
        SITE.replace(
            '  canbo: {kind: internal, subnets: [10.1.10.0/24], vlans: ["EX-XA:10"]}',
            '  canbo: {kind: internal, subnets: [10.1.10.0/25], vlans: ["EX-XA:10"]}\n'
            '  canbo2: {kind: internal, subnets: [10.1.10.128/25], vlans: ["EX-XA:10"]}',
        )
    )
    got = cells(run_audit([tmp_path]))
    assert got[("khach", "canbo")].verdict == BLOCKED
    assert got[("khach", "canbo2")].verdict == REACHABLE


def test_input_list_order(tmp_path):
    text = EX.replace("family inet filter input {filters}", "family inet filter input-list [ A B ]")
    text += term("CHAN-SSH", "from protocol tcp", "from destination-port 22", "then discard", flt="A")
    text += term("TAT-CA", "then accept", flt="B")
    (tmp_path / "ex.txt").write_text(text)
    (tmp_path / "site.yaml").write_text(SITE)
    c = cells(run_audit([tmp_path]))[("khach", "canbo")]
    assert c.verdict == REACHABLE and "tcp/22" not in c.services and "udp" in c.services


@pytest.mark.parametrize(
    "terms",
    [
        term("T", "from destination-port 80", "then accept"),  # a port without protocol
        term("T", "from source-prefix-list KHONG-CO", "then accept"),  # an undefined prefix list
        term("T", "from dscp ef", "then accept"),  # a condition not modelled
        term("T", "then routing-instance KHAC"),  # filter-based forwarding
    ],
)
def test_what_is_not_read_is_unknown_never_blocked(tmp_path, terms):
    assert audit(tmp_path, terms)[("khach", "canbo")].verdict == UNKNOWN


def test_an_undefined_filter_is_unknown(tmp_path):
    assert audit(tmp_path, "", filters="KHONG-CO")[("khach", "canbo")].verdict == UNKNOWN


def test_either_side_conditions():
    text = EX.format(filters="F") + term("T", "from address 10.1.10.5/32", "from protocol tcp", "then accept")
    dev, _ = parse_one(juniper_junos, text, "ex.txt")
    ms = dev.filters["F"].lines[0].matches
    assert len(ms) == 2 and {m.src is None for m in ms} == {True, False}


EX2300 = {
    ("khach", "canbo"): (REACHABLE, ["udp/53", "udp/67"]),  # term CHO-DHCP-DNS accepts them anywhere
    ("khach", "maychu"): BLOCKED,  # CHAN-NOI-BO, and the servers' filter excepts the guest range
    ("khach", "internet"): REACHABLE,
    ("canbo", "maychu"): (REACHABLE, ["icmp/8", "tcp/443", "tcp/445"]),  # PING has no `then`: accept
    ("quanly", "@devices"): (REACHABLE, ["icmp/8", "tcp/22", "udp/161"]),  # the lo0 filter
    ("canbo", "@devices"): (REACHABLE, ["icmp/8"]),  # web-management http: the lo0 filter drops it
}


def test_ex2300_fixture(tmp_path_factory):
    check_cells(fixture_audit("juniper_junos", "ex2300-soyte-tang3", tmp_path_factory), EX2300)


def test_a_prefix_list_entry_not_understood_is_unknown_never_blocked(tmp_path):
    # the list may hold more than was read: what the term accepts is not known
    terms = (
        "set policy-options prefix-list CANBO 10.1.10.0/25\n"
        "set policy-options prefix-list CANBO 10.1.10.128/25 exact\n"
        + term("CANBO", "from destination-prefix-list CANBO", "then accept")
    )
    got = audit(tmp_path, terms)
    assert got[("khach", "canbo")].verdict == UNKNOWN
