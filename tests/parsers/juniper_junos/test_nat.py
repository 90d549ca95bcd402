"""SRX NAT (netaudit/parsers/juniper_junos/nat.py; docs/vendors/juniper_junos.md, "NAT")."""

from __future__ import annotations

from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import juniper_junos
from netaudit.reach import REACHABLE

SRX = """\
set system host-name SRX-NAT
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/29
set interfaces irb unit 10 family inet address 10.5.10.1/24
set vlans MAYCHU vlan-id 10
set vlans MAYCHU l3-interface irb.10
set routing-options static route 0.0.0.0/0 next-hop 203.0.113.1
set security zones security-zone untrust interfaces ge-0/0/0.0
set security zones security-zone dmz interfaces irb.10
set security address-book global address WEB 10.5.10.20/32
set security policies from-zone untrust to-zone dmz policy WEB match source-address any
set security policies from-zone untrust to-zone dmz policy WEB match destination-address WEB
set security policies from-zone untrust to-zone dmz policy WEB match application junos-https
set security policies from-zone untrust to-zone dmz policy WEB then permit
set security policies from-zone dmz to-zone untrust policy RA match source-address any
set security policies from-zone dmz to-zone untrust policy RA match destination-address any
set security policies from-zone dmz to-zone untrust policy RA match application any
set security policies from-zone dmz to-zone untrust policy RA then permit
{nat}
"""
SITE = """\
unit: "x"
level: 2
zones:
  maychu: {kind: server, subnets: [10.5.10.0/24], vlans: ["SRX-NAT:10"]}
  internet: {kind: external, attach: ["SRX-NAT:ge-0/0/0.0"]}
"""
STATIC = """\
set security nat static rule-set TINH from zone untrust
set security nat static rule-set TINH rule WEB match destination-address 203.0.113.5/32
set security nat static rule-set TINH rule WEB then static-nat prefix 10.5.10.20/32
"""


def audit(tmp_path, nat: str):
    (tmp_path / "srx.txt").write_text(SRX.format(nat=nat))
    (tmp_path / "site.yaml").write_text(SITE)
    return cells(run_audit([tmp_path]))


def test_without_nat_the_private_server_is_not_published(tmp_path):
    got = audit(tmp_path, "")
    # the policy permits it, and the Internet reaches it only by its private address
    assert got[("internet", "maychu")].verdict == REACHABLE


def test_static_nat_both_ways():
    dev, _ = parse_one(juniper_junos, SRX.format(nat=STATIC), "srx.txt")
    kinds = {(r.kind, r.to_ip) for r in dev.nat_rules}
    assert ("destination", int.from_bytes(bytes([10, 5, 10, 20]), "big")) in kinds
    assert ("source", int.from_bytes(bytes([203, 0, 113, 5]), "big")) in kinds
    assert all(r.partial is None for r in dev.nat_rules)


def test_source_nat_off_keeps_the_address():
    nat = (
        "set security nat source rule-set RA from zone dmz\n"
        "set security nat source rule-set RA to zone untrust\n"
        "set security nat source rule-set RA rule GIU match destination-address 198.51.100.0/24\n"
        "set security nat source rule-set RA rule GIU then source-nat off\n"
        "set security nat source rule-set RA rule PAT match source-address 0.0.0.0/0\n"
        "set security nat source rule-set RA rule PAT then source-nat interface\n"
    )
    dev, rep = parse_one(juniper_junos, SRX.format(nat=nat), "srx.txt")
    assert not rep.unrecognized and not rep.partially_understood
    off, pat = dev.nat_rules
    assert off.to_ip is None and off.to_interface is None and off.partial is None
    assert pat.to_interface == "ge-0/0/0.0" and pat.out_ifaces == frozenset({"ge-0/0/0.0"})


def test_a_pool_of_several_addresses_is_partial():
    nat = (
        "set security nat source pool P address 203.0.113.3/32 to 203.0.113.6/32\n"
        "set security nat source rule-set RA from zone dmz\n"
        "set security nat source rule-set RA to zone untrust\n"
        "set security nat source rule-set RA rule R match source-address 10.5.10.0/24\n"
        "set security nat source rule-set RA rule R then source-nat pool P\n"
    )
    dev, _ = parse_one(juniper_junos, SRX.format(nat=nat), "srx.txt")
    (rule,) = dev.nat_rules
    assert rule.partial and rule.to_ip is not None


def test_destination_nat_blocked_without_policy(tmp_path):
    nat = (
        "set security nat destination pool SSH address 10.5.10.30/32 port 22\n"
        "set security nat destination rule-set VAO from zone untrust\n"
        "set security nat destination rule-set VAO rule SSH match destination-address 203.0.113.2/32\n"
        "set security nat destination rule-set VAO rule SSH match destination-port 2222\n"
        "set security nat destination rule-set VAO rule SSH then destination-nat pool SSH\n"
    )
    got = audit(tmp_path, nat)
    # the policy WEB permits https to 10.5.10.20 only: the translated ssh to .30 is denied
    assert got[("internet", "maychu")].services == ["tcp/443"]
    assert got[("maychu", "internet")].verdict == REACHABLE


def test_a_pool_line_not_understood_makes_the_rules_using_the_pool_partial():
    # the unread line may change what the pool translates to: never an exact translation
    nat = (
        "set security nat destination pool SSH address 10.5.10.30/32\n"
        "set security nat destination pool SSH address-mapping ssh-only\n"
        "set security nat destination rule-set VAO from zone untrust\n"
        "set security nat destination rule-set VAO rule SSH match destination-address 203.0.113.2/32\n"
        "set security nat destination rule-set VAO rule SSH then destination-nat pool SSH\n"
    )
    dev, rep = parse_one(juniper_junos, SRX.format(nat=nat), "srx.txt")
    (rule,) = dev.nat_rules
    assert rule.partial and "line 19 of this construct was not understood" in rule.partial
    assert [u.line for u in rep.unrecognized] == [19]


def test_in_packet_mode_nat_is_partial():
    # NAT needs flow mode: with `family mpls mode packet-based` no translation is exact
    nat = STATIC + "set security forwarding-options family mpls mode packet-based\n"
    dev, _ = parse_one(juniper_junos, SRX.format(nat=nat), "srx.txt")
    assert dev.nat_rules and all("packet mode" in str(r.partial) for r in dev.nat_rules)
