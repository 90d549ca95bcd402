"""Cisco ASA change sets of ``netaudit fix`` (netaudit/remedy/cisco_asa.py, docs/remedy.md)."""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES as ALL_FIXTURES
from helpers import SAMPLES
from netaddr import IPNetwork

from netaudit.audit import run_audit
from netaudit.remedy import DevicePlan, Restrict, cisco_asa, derive
from netaudit.remedy.plan import AntiSpoof
from netaudit.remedy.prove import run_fix

LEVELS = SAMPLES / "asa-department-leaky-levels"
MGMT = SAMPLES / "asa-department-leaky-mgmt"
FIXTURES = ALL_FIXTURES / "cisco_asa"


@pytest.fixture(scope="module")
def levels_fix(tmp_path_factory):
    return run_fix([LEVELS], None, tmp_path_factory.mktemp("fix-levels"))


@pytest.fixture(scope="module")
def mgmt_fix(tmp_path_factory):
    return run_fix([MGMT], None, tmp_path_factory.mktemp("fix-mgmt"))


def _acl(text: str, name: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if re.match(rf"^access-list {re.escape(name)}\s", ln)]


# --------------------------------------------------------------------------- the proof


def test_levels_proof_holds(levels_fix):
    res = levels_fix
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    assert not [r for r in res.devices.values() if r.withdrawn]
    assert [f.check for f in res.closed].count("guest-isolation") == 3
    assert not res.new


def test_mgmt_proof_holds(mgmt_fix):
    res = mgmt_fix
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    assert not res.remaining and not res.new
    closed = {f.check for f in res.closed}
    assert {"asa-any-any-acl", "asa-mgmt-broad-source", "mgmt-telnet", "guest-isolation", "policy-violation"} <= closed


# --------------------------------------------------------------------------- the change set


def test_denies_on_top_of_the_existing_acl(mgmt_fix):
    r = mgmt_fix.devices["SVHTTDL-FW01"].rendered
    assert r is not None
    acl = _acl(r.patched, "OUTSIDE_IN")
    # The three blocks first, then the old entries; the any-any is gone.
    assert acl[:3] == [
        "access-list OUTSIDE_IN extended deny ip any object OBJ-CAN-BO",
        "access-list OUTSIDE_IN extended deny ip any object OBJ-MAY-CHU",
        "access-list OUTSIDE_IN extended deny ip any object OBJ-WIFI-KHACH",
    ]
    assert acl[3].startswith("access-list OUTSIDE_IN remark")
    assert "access-list OUTSIDE_IN extended permit ip any any" not in acl
    cs = r.change_set.splitlines()
    assert "access-list OUTSIDE_IN line 1 extended deny ip any object OBJ-CAN-BO" in cs
    assert "access-list OUTSIDE_IN line 3 extended deny ip any object OBJ-WIFI-KHACH" in cs
    # denies before the any-any goes: never a moment more open than before
    assert cs.index("no access-list OUTSIDE_IN extended permit ip any any") > cs.index(
        "access-list OUTSIDE_IN line 3 extended deny ip any object OBJ-WIFI-KHACH"
    )
    for line in (
        "no http 0.0.0.0 0.0.0.0 outside",
        "no telnet 0.0.0.0 0.0.0.0 guest-wifi",
        "no ssh 0.0.0.0 0.0.0.0 inside",
    ):
        assert line in cs
    assert "ssh 10.40.99.0 255.255.255.0 management" in r.patched.splitlines()  # kept
    assert cs[0].startswith("! netaudit fix") and "configure terminal" in cs and cs[-1] == "end"


def test_mgmt_rollback(mgmt_fix):
    r = mgmt_fix.devices["SVHTTDL-FW01"].rendered
    assert r is not None
    rb = r.rollback.splitlines()
    assert "no access-list OUTSIDE_IN extended deny ip any object OBJ-CAN-BO" in rb
    # the removed line goes back where it was (remarks count), after the new entries are gone
    restore = "access-list OUTSIDE_IN line 4 extended permit ip any any"
    assert restore in rb
    assert rb.index(restore) > rb.index("no access-list OUTSIDE_IN extended deny ip any object OBJ-WIFI-KHACH")
    assert {"http 0.0.0.0 0.0.0.0 outside", "telnet 0.0.0.0 0.0.0.0 guest-wifi", "ssh 0.0.0.0 0.0.0.0 inside"} <= set(
        rb
    )
    assert any("write memory" in n["en"] for n in r.notes) and all(n["vi"] for n in r.notes)
    assert any("copy running-config" in n["en"] for n in r.notes)


def test_levels_new_acl_keeps_the_level_semantics(levels_fix):
    r = levels_fix.devices["STNMT-FW01"].rendered
    assert r is not None
    acl = _acl(r.patched, "NETAUDIT-GUEST-WIFI-IN")
    assert acl == [
        "access-list NETAUDIT-GUEST-WIFI-IN extended deny ip any object OBJ-CAN-BO",
        "access-list NETAUDIT-GUEST-WIFI-IN extended deny ip any object OBJ-MAY-CHU",
        "access-list NETAUDIT-GUEST-WIFI-IN extended deny ip any object NETAUDIT-PORTAL",
        # what level 100 allowed, from the interface's own subnet: never permit ip any any
        "access-list NETAUDIT-GUEST-WIFI-IN extended permit ip object OBJ-WIFI-KHACH any",
    ]
    lines = r.patched.splitlines()
    assert "access-group NETAUDIT-GUEST-WIFI-IN in interface guest-wifi" in lines
    assert lines.index("object network NETAUDIT-PORTAL") < lines.index(acl[0])
    rb = r.rollback.splitlines()
    assert rb.index("no access-group NETAUDIT-GUEST-WIFI-IN in interface guest-wifi") < rb.index(
        "clear configure access-list NETAUDIT-GUEST-WIFI-IN"
    )
    assert rb.index("clear configure access-list NETAUDIT-GUEST-WIFI-IN") < rb.index(
        "no object network NETAUDIT-PORTAL"
    )


def test_patched_parses_fully(levels_fix, mgmt_fix, tmp_path):
    for res, name in ((levels_fix, "STNMT-FW01"), (mgmt_fix, "SVHTTDL-FW01")):
        r = res.devices[name].rendered
        assert r is not None
        (tmp_path / f"{name}.cfg").write_text(r.patched)
    audit = run_audit([tmp_path])
    assert len(audit.snapshot.reports) == 2
    for rep in audit.snapshot.reports:
        assert not rep.unrecognized


# --------------------------------------------------------------------------- restrictions


def test_icmp_and_snmp_restricted():
    audit = run_audit([MGMT])
    dev = audit.topology.devices["SVHTTDL-FW01"]
    text = (MGMT / "svhttdl-fw01.cfg").read_text()
    text = (
        text.replace("icmp deny any inside\n", "icmp permit any inside\n")
        + "snmp-server host inside 10.40.10.5 community ***** version 2c\n"
    )
    mg = [IPNetwork("10.40.99.0/24")]
    plan = DevicePlan(
        "SVHTTDL-FW01",
        "cisco_asa",
        "svhttdl-fw01.cfg",
        restricts=[
            Restrict("SVHTTDL-FW01", "icmp-echo", 1, (), mg, zones=["staff"]),
            Restrict("SVHTTDL-FW01", "snmp", 17, ((161, 161),), mg, zones=["staff"]),
        ],
    )
    r = cisco_asa.render(plan, dev, text)
    cs = r.change_set.splitlines()
    assert "no icmp permit any inside" in cs
    assert "icmp permit 10.40.99.0 255.255.255.0 management" not in cs  # the management one stays
    assert "no snmp-server host inside 10.40.10.5" in cs
    assert "no snmp-server host management 10.40.99.20" not in cs
    lines = r.patched.splitlines()
    assert "icmp permit 10.40.99.0 255.255.255.0 management" in lines
    # echo is denied first; every other ICMP type (unreachables: path MTU discovery) stays
    # permitted as before, after it — not left to the implicit deny
    assert lines.index("icmp deny any echo inside") < lines.index("icmp permit any inside")
    assert (
        cs.index("no icmp permit any inside")
        < cs.index("icmp deny any echo inside")
        < cs.index("icmp permit any inside")
    )
    rb = r.rollback.splitlines()
    assert rb.index("no icmp permit any inside") < rb.index("icmp permit any inside")
    assert "no icmp deny any echo inside" in rb


# --------------------------------------------------------------------------- other inputs


@pytest.mark.parametrize("cfg", sorted(p.name for p in FIXTURES.glob("*.cfg")))
def test_fixtures_run(cfg, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / cfg).write_text((FIXTURES / cfg).read_text())
    res = run_fix([tmp_path / "in"], None, tmp_path / "out")
    assert res.lost == []
    for dr in res.devices.values():
        if dr.rendered is not None and dr.rendered.change_set:
            assert dr.rendered.rollback


def test_forging_zone_gets_reverse_path_check(tmp_path):
    # An anti-spoofing entry of the plan: ip verify reverse-path on the zone's nameif,
    # read back by the parser as strict uRPF on that interface; rollback removes it.
    audit = run_audit([MGMT])
    dev = audit.topology.devices["SVHTTDL-FW01"]
    inside = next(i for i in dev.interfaces.values() if i.zone == "inside")
    plan = DevicePlan(
        "SVHTTDL-FW01",
        "cisco_asa",
        "svhttdl-fw01.cfg",
        antispoofs=[AntiSpoof("SVHTTDL-FW01", inside.name, "staff", ["spoofing:x"])],
    )
    r = cisco_asa.render(plan, dev, (MGMT / "svhttdl-fw01.cfg").read_text())
    assert "ip verify reverse-path interface inside" in r.change_set.splitlines()
    assert "no ip verify reverse-path interface inside" in r.rollback.splitlines()
    (tmp_path / "svhttdl-fw01.cfg").write_text(r.patched)
    after = run_audit([tmp_path]).topology.devices["SVHTTDL-FW01"]
    assert after.interfaces[inside.name].urpf == "strict"


def test_echo_denied_on_an_interface_without_icmp_rules_keeps_the_other_types():
    """The first ``icmp`` rule of an ASA interface ends its default permit: ``icmp deny any
    echo inside`` alone denied every ICMP type to the box there — unreachables (path MTU
    discovery) included (Cisco ASA CLI guide, "Configuring ICMP Access")."""
    from pathlib import Path

    folder = Path(__file__).parent / "leaky" / "asa2-mgmt-any"
    audit = run_audit([folder], folder / "site.yaml")
    dp = derive(audit).devices["ASA-SOYTE"]
    text = (folder / "asa-so-yte.cfg").read_text()
    assert not re.search(r"^icmp ", text, re.M)
    r = cisco_asa.render(dp, audit.topology.devices["ASA-SOYTE"], text)
    cs = r.change_set.splitlines()
    for nif in ("inside", "wifi", "outside"):
        assert cs.index(f"icmp deny any echo {nif}") < cs.index(f"icmp permit any {nif}")
        assert f"no icmp permit any {nif}" in r.rollback.splitlines()
    patched = r.patched.splitlines()
    assert patched.index("icmp deny any echo inside") < patched.index("icmp permit any inside")


def test_without_management_zone_the_console_is_said():
    """No management zone and Telnet/ASDM the only ways in: every line goes, and the note
    told the technician to "manage over SSH from the management zone" — neither exists."""
    from pathlib import Path

    folder = Path(__file__).parent / "leaky" / "asa4-levels-nomgmt"
    audit = run_audit([folder], folder / "site.yaml")
    dp = derive(audit).devices["ASA-XA"]
    r = cisco_asa.render(dp, audit.topology.devices["ASA-XA"], (folder / "asa-ubnd-xa.cfg").read_text())
    notes = [n["en"] for n in r.notes]
    assert not any("from the management zone" in n for n in notes)
    assert any("only the console is left" in n and "telnet/http" in n for n in notes)
