"""The vendor-neutral plan of ``netaudit fix`` (netaudit/remedy/plan.py, docs/remedy.md)."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.remedy import derive


@pytest.fixture(scope="module")
def leaky_plan():
    return derive(run_audit([SAMPLES / "cisco-commune-leaky"]))


def test_blocks_at_the_source_zones_gateway(leaky_plan):
    core = leaky_plan.devices["UBNDHB-CORE"]
    blocks = {(b.interface, b.direction, b.src_zone, b.dst_zone): b for b in core.blocks}
    guest = blocks[("Vlan40", "in", "guest", "staff")]
    assert [str(n) for n in guest.src] == ["10.10.40.0/24"] and [str(n) for n in guest.dst] == ["10.10.10.0/24"]
    assert guest.allow == () and guest.findings  # denied outright, closes its finding
    limited = blocks[("Vlan30", "in", "counter", "servers")]
    assert limited.allow == ("tcp/80", "tcp/443")  # the policy limits the flow: those stay open
    assert not [b for b in core.blocks if b.src_zone == "staff" and b.dst_zone == "servers"]  # allowed


def test_management_services_restricted(leaky_plan):
    core = leaky_plan.devices["UBNDHB-CORE"]
    restricts = {r.service: r for r in core.restricts}
    assert restricts["telnet"].insecure and restricts["telnet"].allow_from == []  # off
    assert [str(n) for n in restricts["ssh"].allow_from] == ["10.10.99.0/24"]  # management zone only
    assert {"guest", "counter"} <= set(restricts["ssh"].zones)


def test_same_l2_segment_is_listed_not_blocked():
    plan = derive(run_audit([SAMPLES / "routeros-commune-leaky-bridge"]))
    assert plan.unfixable
    assert all("L2" in u.reason["en"] for u in plan.unfixable)
    assert not [b for p in plan.devices.values() for b in p.blocks if {b.src_zone, b.dst_zone} == {"guest", "staff"}]
