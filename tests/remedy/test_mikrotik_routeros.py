"""MikroTik RouterOS change sets of ``netaudit fix`` (netaudit/remedy/mikrotik_routeros.py)."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.remedy import prove as prove_mod

FIREWALL = SAMPLES / "routeros-commune-leaky-firewall"
BRIDGE = SAMPLES / "routeros-commune-leaky-bridge"


@pytest.fixture(scope="module")
def fixes(tmp_path_factory):
    return {
        "firewall": prove_mod.run_fix([FIREWALL], None, tmp_path_factory.mktemp("ros-fw")),
        "bridge": prove_mod.run_fix([BRIDGE], None, tmp_path_factory.mktemp("ros-br")),
    }


def test_firewall_proof_holds(fixes):
    res = fixes["firewall"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    assert not [r for r in res.devices.values() if r.withdrawn]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("guest-isolation", ("guest", "staff")) in closed
    checks = {f.check for f in res.closed}
    assert {
        "routeros-winbox-from-guest",
        "routeros-insecure-service",
        "routeros-service-no-address",
        "mgmt-http-server",
        "mgmt-vty-no-access-class",
        "mgmt-snmp-community",
    } <= checks
    assert not [f for f in res.new if f.severity in ("critical", "high", "medium")]


def test_firewall_block_before_drop_rules(fixes):
    rendered = fixes["firewall"].devices["UBNDBM-RT"].rendered
    lines = rendered.patched.splitlines()
    jump = next(i for i, ln in enumerate(lines) if "jump-target=netaudit-forward" in ln)
    drops = [i for i, ln in enumerate(lines) if "chain=forward" in ln and "action=drop" in ln and "invalid" not in ln]
    assert drops and jump < min(drops)
    assert "place-before=[ find where chain=forward and comment=" in rendered.change_set
    assert "set www disabled=yes" in rendered.change_set
    assert "set winbox address=10.10.99.0/24" in rendered.change_set
    assert rendered.change_set.startswith("# netaudit") and "/export file=before-fix" in rendered.change_set
    # rollback: the added rules and lists removed, the services restored
    assert 'remove [ find where comment~"^netaudit:" ]' in rendered.rollback
    assert "/ip service set www disabled=no" in rendered.rollback
    assert any("Safe Mode" in n["en"] for n in rendered.notes)


def test_firewall_patched_parses_cleanly(fixes, tmp_path):
    rendered = fixes["firewall"].devices["UBNDBM-RT"].rendered
    (tmp_path / "r.rsc").write_text(rendered.patched)
    audit = run_audit([tmp_path])
    rep = audit.snapshot.reports[0]
    assert rep.unrecognized == []
    assert rep.partially_understood == []


def test_bridge_l2_closed_by_vlan_filtering(fixes):
    res = fixes["bridge"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    # the plan lists these two as Unfixable (one L2 segment); vlan-filtering closes them
    assert ("guest-isolation", ("guest", "staff")) in closed
    assert ("policy-violation", ("staff", "guest")) in closed
    assert "routeros-bridge-no-vlan-filtering" in {f.check for f in res.closed}
    rendered = res.devices["UBNDTS-HAP"].rendered
    cs = rendered.change_set
    assert cs.index("/interface bridge port") < cs.index("vlan-filtering=yes")
    assert rendered.rollback.splitlines()[1].endswith("vlan-filtering=no")
    assert "name=bridge vlan-filtering=yes" in rendered.patched
