"""Static routes (netaudit/parsers/juniper_junos/routing.py; docs/vendors/juniper_junos.md,
"Routing").  Checked as the engine's verdicts through an EX switch with a default route."""

from __future__ import annotations

import pytest
from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import juniper_junos
from netaudit.reach import BLOCKED, UNKNOWN

EX = """\
set system host-name EX-XA
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30
set interfaces irb unit 10 family inet address 10.0.10.1/24
set vlans CANBO vlan-id 10
set vlans CANBO l3-interface irb.10
set routing-options static route 0.0.0.0/0 next-hop 203.0.113.1
set routing-options static route 172.16.0.0/16 discard
"""
SITE = """\
unit: "UBND xa"
level: 2
zones:
  canbo: {kind: internal, subnets: [10.0.10.0/24], vlans: ["EX-XA:10"]}
  tinh: {kind: internal, subnets: [172.16.0.0/16], attach: ["EX-XA:ge-0/0/0.0"]}
"""


def audit(tmp_path, extra: str = ""):
    (tmp_path / "ex.txt").write_text(EX + extra)
    (tmp_path / "site.yaml").write_text(SITE)
    return cells(run_audit([tmp_path]))


def test_a_discard_route_blocks(tmp_path):
    assert audit(tmp_path)[("canbo", "tinh")].verdict == BLOCKED


@pytest.mark.parametrize(
    "extra",
    [
        "set routing-options static route 172.16.0.0/16 no-install\n",
        "set routing-options static defaults no-install\n",
        "set routing-options static defaults preference 200\n",
    ],
)
def test_a_route_kept_out_of_the_forwarding_table_is_never_a_false_blocked(tmp_path, extra):
    # `no-install`: the discard route is in the routing table only — packets follow the
    # default route; not modelled, so unknown (never "blocked")
    assert audit(tmp_path, extra)[("canbo", "tinh")].verdict == UNKNOWN


def test_a_routing_instance_interface_named_without_its_unit_is_unit_0_partial(tmp_path):
    # `routing-instances TINH interface ge-0/0/1`: not left in the main table silently
    extra = (
        "set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/30\n"
        "set routing-instances TINH instance-type virtual-router\n"
        "set routing-instances TINH interface ge-0/0/1\n"
        "set routing-instances TINH routing-options static route 172.16.0.0/16 next-hop 192.0.2.2\n"
    )
    dev, _ = parse_one(juniper_junos, EX + extra, "ex.txt")
    itf = dev.interfaces["ge-0/0/1.0"]
    assert itf.vrf == "TINH" and "without a unit" in str(itf.partial)
