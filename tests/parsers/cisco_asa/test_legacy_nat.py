"""Cisco ASA pre-8.3 NAT (``static``, ``nat``/``global``, ``nat-control``):
netaudit/parsers/cisco_asa/legacy_nat.py and its place in the forwarding policy.

In 8.2 an interface ACL sees a packet as it arrives, so on the side where NAT
untranslates destinations it names MAPPED addresses.  Only the ACL lines that may
match such a packet depend on the translation; what does not look at addresses
(management-only, ``no forward interface``, the same-security gate, the security-level
default) stays proven (docs/vendors/cisco_asa.md, "NAT (pre-8.3)")."""

from __future__ import annotations

import textwrap
from pathlib import Path

from netaddr import IPAddress, IPNetwork

from netaudit import topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.model import AddrMatch
from netaudit.parsers import cisco_asa
from netaudit.parsers.cisco_asa.policy import POLICY
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN, Engine, compute_matrix
from netaudit.zones import Site, Zone

from .helpers import OFFICE_IFACES

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cisco_asa"


def ip(a: str) -> int:
    return int(IPAddress(a))


def parse(text: str, file: str = "fw.cfg", unread: int = 0):
    result = cisco_asa.parse(textwrap.dedent(text).lstrip("\n"), file)
    assert len(result.devices) == 1
    assert len(result.report.unrecognized) == unread and result.report.warnings == []
    return result.devices[0], result.report


def audit(dev, zone_list: list[Zone]) -> dict:
    topo = topology.build([dev])
    placed, addrs, _ = zones.resolve(Site(unit="t", zones=zone_list), topo)
    cells = compute_matrix(Engine(topo, placed, addrs, HeaderSpace()), [z.name for z in zone_list])
    return {(c.src, c.dst): c for c in cells if c.dst != "@devices"}


def verdicts(cells: dict) -> dict:
    return {k: c.verdict for k, c in cells.items()}


# --------------------------------------------------------------------------- the fixture

FW = "XA-DONGLAM-FW"
STAFF = Zone("staff", "internal", [IPNetwork("192.168.10.0/24")], attach=[(FW, "Vlan1")])
DMZ = Zone("dmz", "dmz", [IPNetwork("172.16.50.0/24")], attach=[(FW, "Vlan3")])
INTERNET = Zone("internet", "external", attach=[(FW, "Vlan2")])
MGMT = Zone("mgmt", "management", [IPNetwork("10.0.0.0/24")], attach=[(FW, "Vlan12")])


def fixture():
    name = "asa5505-pre83-nat.cfg"
    return parse((FIXTURES / name).read_text(), name)


def test_fixture_verdicts_address_independent_denials_stay_proven():
    dev, _rep = fixture()
    assert dev.filters[POLICY].partial is None
    cells = audit(dev, [STAFF, DMZ, INTERNET, MGMT])
    assert verdicts(cells) == {
        # management-only Vlan12: no transit in or out, whatever NAT does
        ("staff", "mgmt"): BLOCKED,
        ("dmz", "mgmt"): BLOCKED,
        ("internet", "mgmt"): BLOCKED,
        ("mgmt", "staff"): BLOCKED,
        ("mgmt", "dmz"): BLOCKED,
        ("mgmt", "internet"): BLOCKED,
        # `no forward interface Vlan1` on the dmz VLAN
        ("dmz", "staff"): BLOCKED,
        # the outside ACL permits www to the static's MAPPED address only (its real one
        # is in the dmz) and https to a dmz address: nothing it may let in ends inside
        ("internet", "staff"): BLOCKED,
        # higher → lower, translated by `nat (…) 1` + `global (outside) 1 interface`
        ("staff", "internet"): REACHABLE,
        ("dmz", "internet"): REACHABLE,
        # truly NAT-dependent: www comes in through the static to WEB-DMZ, https names
        # the real address (rejected by 8.2 unless it comes through a translation)
        ("internet", "dmz"): UNKNOWN,
        # inside's `nat (inside) 1` has no `global (dmz) 1`: 8.2 drops those hosts
        # toward the dmz — not modelled exactly, so not "reachable"
        ("staff", "dmz"): UNKNOWN,
    }
    assert "pre-8.3 NAT" in str(cells[("internet", "dmz")].reason)
    assert "pre-8.3 NAT" in str(cells[("staff", "dmz")].reason)
    # the blocked cells cite address-independent lines, not the NAT
    assert any("management-only" in ln["text"] for ln in cells[("staff", "mgmt")].blocking)
    assert any("no forward interface Vlan1" in ln["text"] for ln in cells[("dmz", "staff")].blocking)


def test_fixture_static_and_dynamic_translations_are_modelled():
    dev, rep = fixture()
    by_kind = {(r.kind, r.source.text.split()[0]) for r in dev.nat_rules}
    assert by_kind == {("source", "static"), ("destination", "static"), ("source", "nat")}
    dst = next(r for r in dev.nat_rules if r.kind == "destination")
    assert dst.partial is None and dst.match.dst == (AddrMatch(ip("203.0.113.11"), 0),)
    assert dst.to_ip == ip("172.16.50.10") and dst.in_ifaces == frozenset({"Vlan2"})
    pat = [r for r in dev.nat_rules if r.source.text.startswith("nat (inside)")]
    assert [(r.to_interface, r.out_ifaces, r.partial) for r in pat] == [("Vlan2", frozenset({"Vlan2"}), None)]
    # the outbound ACL of an 8.2 ASA sees addresses as on the egress side (translated)
    assert dev.snat_before_out_filter
    assert {p["text"].split()[0] for p in rep.partially_understood if p["construct"] == "nat"} >= {"nat", "static"}


def test_fixture_only_acl_lines_naming_a_mapped_address_are_partial():
    dev, _rep = fixture()
    acl = [ln for ln in dev.filters[POLICY].lines if ln.name == "outside_access_in"]
    partial = {ln.source.text.split(" extended ")[1].strip(): ln.partial for ln in acl}
    # the source-only deny and the line naming a real address are exact; the line
    # naming the static's mapped address is widened to what NAT may turn it into
    assert partial["deny ip host 198.51.100.66 any"] is None
    assert partial["permit tcp any host WEB-DMZ eq https"] is None
    assert "pre-8.3 NAT" in partial["permit tcp any host WEB-PUBLIC eq www"]
    widened = next(ln for ln in acl if "WEB-PUBLIC" in ln.source.text).matches[0]
    assert set(widened.dst or ()) == {AddrMatch(ip("203.0.113.11"), 0), AddrMatch(ip("172.16.50.10"), 0)}


# --------------------------------------------------------------------------- the field report

# ASA 5505, 8.2(1), from the Server Fault question "Configuring a Cisco ASA 5505 for
# routing": no ACL at all, a management-only VLAN, PAT of inside to the outside.
REPRO = """
ASA Version 8.2(1)
hostname AUS-FW-01
interface Vlan1
 nameif inside
 security-level 100
 ip address 192.168.1.3 255.255.255.0
interface Vlan2
 nameif outside
 security-level 0
 ip address 125.1.1.10 255.255.255.252
interface Vlan12
 no forward interface Vlan2
 nameif Management
 security-level 0
 ip address 10.0.0.1 255.255.255.0
 management-only
interface Ethernet0/0
 switchport access vlan 2
interface Ethernet0/7
 switchport access vlan 12
global (outside) 1 interface
nat (inside) 1 0.0.0.0 0.0.0.0
route outside 0.0.0.0 0.0.0.0 125.1.1.9 1
"""


def test_pat_does_not_hide_management_only_and_security_level_denials():
    dev, _rep = parse(REPRO)
    aus = "AUS-FW-01"
    cells = audit(
        dev,
        [
            Zone("internet", "external", attach=[(aus, "Vlan2")]),
            Zone("staff", "internal", [IPNetwork("192.168.1.0/24")], attach=[(aus, "Vlan1")]),
            Zone("mgmt", "management", [IPNetwork("10.0.0.0/24")], attach=[(aus, "Vlan12")]),
        ],
    )
    assert verdicts(cells) == {
        ("internet", "staff"): BLOCKED,  # 0 → 100 without an ACL: the level rule
        ("internet", "mgmt"): BLOCKED,
        ("staff", "mgmt"): BLOCKED,
        ("mgmt", "staff"): BLOCKED,
        ("mgmt", "internet"): BLOCKED,
        ("staff", "internet"): REACHABLE,  # PAT to the outside address
    }
    assert any("security-level" in ln["text"] for ln in cells[("internet", "staff")].blocking)


# --------------------------------------------------------------------------- semantics

IFACES = (
    "\nASA Version 8.2(5)\nhostname FW"
    + OFFICE_IFACES
    + "interface GigabitEthernet0/3\n nameif wifi\n security-level 50\n ip address 10.1.3.1 255.255.255.0\n"
)
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.1.1.0/24")], attach=[("FW", "GigabitEthernet0/1")]),
    Zone("dmz", "dmz", [IPNetwork("10.1.2.0/24")], attach=[("FW", "GigabitEthernet0/2")]),
    Zone("guest", "guest", [IPNetwork("10.1.3.0/24")], attach=[("FW", "GigabitEthernet0/3")]),
    Zone("internet", "external", attach=[("FW", "GigabitEthernet0/0")]),
]


def test_same_security_gate_and_level_default_hold_with_statics_and_pools():
    dev, _rep = parse(
        IFACES
        + """
global (outside) 1 198.51.100.20-198.51.100.30 netmask 255.255.255.0
global (dmz) 1 interface
nat (inside) 1 10.1.1.0 255.255.255.0
nat (wifi) 1 10.1.3.0 255.255.255.0
static (dmz,outside) 198.51.100.5 10.1.2.5 netmask 255.255.255.255
static (inside,dmz) 10.1.2.200 10.1.1.200 netmask 255.255.255.255
"""
    )
    v = verdicts(audit(dev, ZONES))
    # dmz and wifi share level 50 without same-security-traffic: denied both ways
    assert v[("dmz", "guest")] == BLOCKED and v[("guest", "dmz")] == BLOCKED
    # no ACL on outside / dmz: lower → higher denied by the level rule
    assert v[("internet", "staff")] == BLOCKED and v[("internet", "dmz")] == BLOCKED
    assert v[("internet", "guest")] == BLOCKED and v[("dmz", "staff")] == BLOCKED
    assert v[("guest", "staff")] == BLOCKED
    # staff has `global (dmz) 1` and `global (outside) 1`: translated, reachable
    assert v[("staff", "dmz")] == REACHABLE
    # the pool is approximated by its first address (reported), still reachable
    assert v[("staff", "internet")] == REACHABLE
    # wifi's hosts must be translated toward outside (lower) and have a pool there
    assert v[("guest", "internet")] == REACHABLE


def test_acl_naming_a_real_address_of_a_translated_host_is_not_proof_of_reach():
    # 8.2: the outside ACL must name the MAPPED address; naming the real one lets
    # nothing through a static (the ASA rejects connections to the real address), so
    # the permit is no proof — unknown, never "reachable"
    dev, _rep = parse(
        IFACES
        + """
access-list OUT extended permit tcp any host 10.1.2.5 eq www
access-group OUT in interface outside
static (dmz,outside) 198.51.100.5 10.1.2.5 netmask 255.255.255.255
"""
    )
    cells = audit(dev, ZONES)
    assert cells[("internet", "dmz")].verdict == UNKNOWN
    assert "real address" in str(cells[("internet", "dmz")].reason)
    assert cells[("internet", "staff")].verdict == BLOCKED


def test_acl_naming_a_dynamic_pool_address_may_reach_a_translated_host():
    # while a dynamic translation lives, a remote host may open a connection to its
    # mapped address if the ACL permits it: that line's packets may go to a host of the
    # `nat` using the pool, on any port
    dev, _rep = parse(
        IFACES
        + """
access-list OUT extended permit tcp any host 198.51.100.25 eq 3389
access-list OUT extended permit tcp any host 198.51.100.99 eq www
access-group OUT in interface outside
global (outside) 1 198.51.100.20-198.51.100.30
nat (inside) 1 10.1.1.0 255.255.255.0
"""
    )
    lines = [ln for ln in dev.filters[POLICY].lines if ln.name == "OUT"]
    assert [ln.partial is not None for ln in lines] == [True, False]
    wide = lines[0].matches[0]
    assert set(wide.dst or ()) == {AddrMatch(ip("198.51.100.25"), 0), AddrMatch(ip("10.1.1.0"), 255)}
    assert wide.dst_ports is None
    v = verdicts(audit(dev, ZONES))
    assert v[("internet", "staff")] == UNKNOWN
    assert v[("internet", "guest")] == BLOCKED  # wifi has no NAT: no translation to it


def test_nat_control_makes_untranslated_permits_unknown_not_denials():
    dev, rep = parse(IFACES + "nat-control\nno nat-control\nnat-control\n")
    assert rep.unrecognized == []
    v = verdicts(audit(dev, ZONES))
    assert v[("staff", "internet")] == UNKNOWN  # no NAT rule: dropped under nat-control
    assert v[("internet", "staff")] == BLOCKED
    assert v[("dmz", "guest")] == BLOCKED


def test_nat_exemption_keeps_the_real_source():
    dev, _rep = parse(
        IFACES
        + """
access-list NONAT extended permit ip 10.1.1.0 255.255.255.0 10.1.2.0 255.255.255.0
global (outside) 1 interface
nat (inside) 0 access-list NONAT
nat (inside) 1 0.0.0.0 0.0.0.0
"""
    )
    kinds = [(r.source.text.split()[2], r.acl, r.to_interface, r.partial) for r in dev.nat_rules]
    assert kinds[0] == ("0", "NONAT", None, None)  # exemption first: identity
    assert ("1", None, "GigabitEthernet0/0", None) in kinds
    v = verdicts(audit(dev, ZONES))
    assert v[("staff", "internet")] == REACHABLE
    # exempt toward the dmz, but other inside traffic to the dmz (and to wifi) has no
    # `global (dmz) 1`: dropped by 8.2 — not modelled exactly
    assert v[("staff", "dmz")] == UNKNOWN


def test_unparsed_legacy_nat_line_leaves_the_policy_partial_only_where_it_can():
    dev, rep = parse(IFACES + "global (outside) 1 interface\nstatic (dmz,outside) frobnicate\n", unread=1)
    assert any(p["text"].startswith("static (dmz,outside) frobnicate") for p in rep.partially_understood)
    first = dev.nat_rules[0]  # whatever it was, it may translate any packet
    assert first.partial and first.source.text.startswith("static (dmz,outside) frobnicate")
    v = verdicts(audit(dev, ZONES))
    assert v[("internet", "staff")] == BLOCKED  # the level rule still decides
    assert v[("dmz", "guest")] == BLOCKED
    assert v[("staff", "internet")] == UNKNOWN  # any packet may be translated or dropped
