"""Interfaces, VLANs, routing instances and static routes
(netaudit/parsers/juniper_junos/interfaces.py, routing.py; docs/vendors/juniper_junos.md,
"Interfaces" and "Routing")."""

from __future__ import annotations

from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.model import IfKind, L2Mode
from netaudit.parsers import juniper_junos
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

ROUTER = """\
set system host-name MX-TINH
set interfaces ge-0/0/0 unit 0 family inet dhcp
set interfaces ge-0/0/1 vlan-tagging
set interfaces ge-0/0/1 unit 10 vlan-id 10
set interfaces ge-0/0/1 unit 10 family inet address 10.2.10.1/24
set interfaces ge-0/0/1 unit 20 vlan-id 20
set interfaces ge-0/0/1 unit 20 family inet address 10.2.20.1/24
set interfaces ge-0/0/2 gigether-options 802.3ad ae0
set interfaces ae0 unit 0 family inet address 10.2.30.1/24
set interfaces fxp0 unit 0 family inet address 192.168.1.1/24
set interfaces lo0 unit 0 family inet address 10.2.255.1/32
set routing-options static route 10.9.0.0/16 discard
set routing-options static route 10.8.0.0/16 qualified-next-hop 10.2.30.9 preference 7
set protocols ospf area 0.0.0.0 interface ae0.0
"""


def test_units_ports_and_bundles():
    dev, rep = parse_one(juniper_junos, ROUTER, "mx.txt")
    assert not rep.unrecognized, rep.unrecognized
    sub = dev.interfaces["ge-0/0/1.20"]
    assert sub.kind == IfKind.SUBINTERFACE and sub.parent == "ge-0/0/1" and sub.encapsulation_vlan == 20
    assert dev.interfaces["ae0.0"].kind == IfKind.PORT_CHANNEL
    assert dev.interfaces["ge-0/0/2"].parent == "ae0.0"  # a member of the untagged bundle
    assert dev.interfaces["fxp0.0"].out_of_band is not None  # the out-of-band management port
    assert dev.interfaces["lo0.0"].kind == IfKind.LOOPBACK


def test_dhcp_client_and_routes():
    dev, _ = parse_one(juniper_junos, ROUTER, "mx.txt")
    wan = dev.interfaces["ge-0/0/0.0"]
    assert wan.dynamic_address and not wan.addresses
    dflt = [r for r in dev.routes if str(r.prefix) == "0.0.0.0/0"]
    assert len(dflt) == 1 and dflt[0].runtime_gateway and dflt[0].interface == "ge-0/0/0.0"
    by = {str(r.prefix): r for r in dev.routes}
    assert by["10.9.0.0/16"].drop
    assert by["10.8.0.0/16"].distance == 7
    assert [s.text for s in dev.dynamic_routing] == ["protocols ospf"]


def test_switch_ports_of_the_ex_fixture():
    from helpers import FIXTURES

    text = (FIXTURES / "juniper_junos" / "ex2300-soyte-tang3.conf").read_text()
    dev, rep = parse_one(juniper_junos, text, "ex2300-soyte-tang3.conf")
    assert not rep.unrecognized
    # interface ranges: member-range and member with a [12-15] pattern
    assert all(dev.interfaces[f"ge-0/0/{n}"].access_vlan == 10 for n in range(12))
    ap = dev.interfaces["ge-0/0/13"]
    assert ap.mode == L2Mode.TRUNK and ap.allowed_vlans == frozenset({30, 99})
    assert dev.interfaces["ge-0/0/16"].mode == L2Mode.ACCESS  # no interface-mode: access
    assert dev.interfaces["irb.30"].svi_vlan == 30
    assert dev.interfaces["me0.0"].out_of_band is not None


INSTANCES = """\
set system host-name SRX-HAI-MANG
set interfaces irb unit 10 family inet address 10.3.10.1/24
set interfaces irb unit 20 family inet address 10.3.20.1/24
set interfaces irb unit 30 family inet address 10.3.30.1/24
set vlans A vlan-id 10
set vlans A l3-interface irb.10
set vlans B vlan-id 20
set vlans B l3-interface irb.20
set vlans C vlan-id 30
set vlans C l3-interface irb.30
set routing-instances KHACH instance-type virtual-router
set routing-instances KHACH interface irb.20
set routing-instances LOC instance-type forwarding
set routing-instances LOC interface irb.30
"""
SITE = """\
unit: "x"
level: 1
zones:
  canbo: {kind: internal, subnets: [10.3.10.0/24], vlans: ["SRX-HAI-MANG:10"]}
  khach: {kind: guest, subnets: [10.3.20.0/24], vlans: ["SRX-HAI-MANG:20"]}
  loc: {kind: internal, subnets: [10.3.30.0/24], vlans: ["SRX-HAI-MANG:30"]}
"""


def test_a_virtual_router_is_a_table_of_its_own(tmp_path):
    (tmp_path / "r.txt").write_text(INSTANCES)
    (tmp_path / "site.yaml").write_text(SITE)
    got = cells(run_audit([tmp_path]))
    assert got[("khach", "canbo")].verdict == BLOCKED  # no route between the tables
    assert got[("canbo", "khach")].verdict == BLOCKED
    # a forwarding instance (filter-based forwarding) is not modelled: unknown, never blocked
    assert got[("canbo", "loc")].verdict == UNKNOWN
    dev, _ = parse_one(juniper_junos, INSTANCES, "r.txt")
    assert dev.interfaces["irb.20"].vrf == "KHACH" and "KHACH" in dev.vrfs


def test_no_instances_route_between_vlans(tmp_path):
    text = INSTANCES.split("set routing-instances")[0]
    (tmp_path / "r.txt").write_text(text)
    (tmp_path / "site.yaml").write_text(SITE)
    assert cells(run_audit([tmp_path]))[("khach", "canbo")].verdict == REACHABLE


def test_an_out_of_band_port_forwards_no_transit_traffic(tmp_path):
    """A router without zones routes between its units, never through fxp0/me0."""
    (tmp_path / "mx.txt").write_text(ROUTER.replace("set protocols ospf area 0.0.0.0 interface ae0.0\n", ""))
    (tmp_path / "site.yaml").write_text(
        'unit: "x"\nlevel: 1\nzones:\n'
        '  a: {kind: internal, subnets: [10.2.10.0/24], attach: ["MX-TINH:ge-0/0/1.10"]}\n'
        '  b: {kind: internal, subnets: [10.2.20.0/24], attach: ["MX-TINH:ge-0/0/1.20"]}\n'
        '  oob: {kind: management, subnets: [192.168.1.0/24], attach: ["MX-TINH:fxp0.0"]}\n'
    )
    got = cells(run_audit([tmp_path]))
    assert got[("a", "b")].verdict == REACHABLE
    assert got[("a", "oob")].verdict == BLOCKED and got[("oob", "a")].verdict == BLOCKED
    assert got[("oob", "@devices")].verdict == REACHABLE  # the device itself answers there
