"""The ASA sample offices end to end against their hand-derived oracles (expected.yaml).

The ASA parser and checks are registered here with monkeypatch (the registries in
``netaudit.parsers`` / ``netaudit.checks`` are the lead's to edit), so these tests run
the same pipeline ``netaudit audit`` will run once the registry lines are in.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import netaudit.checks
import netaudit.parsers
from netaudit.audit import run_audit
from netaudit.parsers import cisco_asa, cisco_ios

SAMPLES = Path(__file__).resolve().parents[2] / "sample_configs"
OFFICES = sorted(p.name for p in SAMPLES.glob("asa-*") if (p / "expected.yaml").is_file())
ASA_PARSER = "netaudit.parsers.cisco_asa"
ASA_CHECKS = "netaudit.checks.asa"


@pytest.fixture
def registered(monkeypatch):
    vendors = list(netaudit.parsers.VENDOR_MODULES)
    checks = list(netaudit.checks.CHECK_MODULES)
    if ASA_PARSER not in vendors:
        vendors.append(ASA_PARSER)
    if ASA_CHECKS not in checks:
        checks.append(ASA_CHECKS)
    monkeypatch.setattr(netaudit.parsers, "VENDOR_MODULES", vendors)
    monkeypatch.setattr(netaudit.checks, "CHECK_MODULES", checks)


_audits: dict[str, object] = {}


def audit_of(name: str):
    if name not in _audits:
        _audits[name] = run_audit([SAMPLES / name])
    return _audits[name]


@pytest.fixture(params=OFFICES)
def office(request, registered):
    folder = SAMPLES / request.param
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    return request.param, audit_of(request.param), expected


def test_three_offices():
    assert OFFICES == ["asa-department-compliant", "asa-department-leaky-levels",
                       "asa-department-leaky-mgmt"]


def test_config_is_fully_understood_and_detected(office):
    name, audit, _ = office
    (inp,) = [i for i in audit.snapshot.reports]
    assert inp.vendor == "cisco_asa"
    assert inp.unrecognized == [] and inp.partially_understood == [] and inp.warnings == []
    assert not audit.warnings, audit.warnings


def test_matrix_matches_oracle(office):
    name, audit, expected = office
    got = {(c.src, c.dst): c for c in audit.matrix}
    want = {(e["src"], e["dst"]): e for e in expected["matrix"]}
    assert set(got) == set(want), f"{name}: matrix pairs differ"
    wrong = []
    for key, e in want.items():
        c = got[key]
        if c.verdict != e["verdict"]:
            wrong.append(f"{key}: {c.verdict} != {e['verdict']} ({c.reason})")
        elif "services" in e and c.services != e["services"]:
            wrong.append(f"{key}: services {c.services} != {e['services']}")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


def test_findings_match_oracle(office):
    name, audit, expected = office
    checks = {f.check for f in audit.findings}
    findings = expected.get("findings") or {}
    missing = set(findings.get("present", [])) - checks
    unexpected = set(findings.get("absent", [])) & checks
    assert not missing, f"{name}: expected findings missing: {missing}"
    assert not unexpected, f"{name}: findings that must be absent: {unexpected}"
    if not findings.get("present"):
        assert not audit.findings, [f.title["en"] for f in audit.findings]


def test_reachable_cells_carry_witness_with_rule_lines(office):
    name, audit, _ = office
    for c in audit.matrix:
        if c.verdict == "reachable":
            assert c.witness is not None and c.witness.hops, (c.src, c.dst)
            assert any(r.get("line") for h in c.witness.hops for r in h["rules"]), (c.src, c.dst)


NOT_CONFIGS = {"site.yaml", "expected.yaml", "README.md"}


def test_detection_on_every_sample_config():
    """The ASA parser claims exactly the ASA offices' configs, among every sample
    office's files (IOS ones and other vendors' too); IOS stays low on ASA files."""
    seen = 0
    for cfg in sorted(p for p in SAMPLES.glob("*/*") if p.is_file() and p.name not in NOT_CONFIGS):
        text = cfg.read_text(encoding="utf-8", errors="replace")
        asa, ios = cisco_asa.detect(text), cisco_ios.detect(text)
        if cfg.parent.name.startswith("asa-"):
            assert asa >= 80 and ios <= 20, cfg
            seen += 1
        else:
            assert asa <= 20, cfg
            if cfg.parent.name.startswith("cisco-"):
                assert ios >= 80, cfg
    assert seen == 3


# --------------------------------------------------------------------------- concrete evidence


def test_leaky_levels_witness_cites_the_level_and_same_security_lines(registered):
    audit = audit_of("asa-department-leaky-levels")
    by = {(f.check, tuple(f.zones)): f for f in audit.findings}
    staff = by[("guest-isolation", ("guest", "staff"))]
    assert staff.severity == "critical"
    assert {"file": "stnmt-fw01.cfg", "line": 100,
            "text": "same-security-traffic permit inter-interface"} in staff.evidence
    servers = by[("guest-isolation", ("guest", "servers"))]
    assert {"file": "stnmt-fw01.cfg", "line": 47, "text": "security-level 100"} in servers.evidence
    pkt = staff.witness["packet"]
    assert pkt["src_ip"].startswith("10.30.40.") and pkt["dst_ip"].startswith("10.30.10.")


def test_leaky_mgmt_findings_and_severities(registered):
    audit = audit_of("asa-department-leaky-mgmt")
    broad = sorted((f.evidence[0]["line"], f.severity) for f in audit.findings
                   if f.check == "asa-mgmt-broad-source")
    assert broad == [(209, "critical"), (218, "critical"), (222, "high")]
    (anyany,) = [f for f in audit.findings if f.check == "asa-any-any-acl"]
    assert anyany.severity == "critical"
    assert [e["line"] for e in anyany.evidence] == [127, 186]
    (telnet,) = [f for f in audit.findings if f.check == "mgmt-telnet"]
    assert telnet.evidence[0]["line"] == 218                       # not the ineffective 217
    assert "Cisco ASA" in telnet.remediation["en"]
    dev = audit.devices[0]
    assert [s.line for s in dev.facts["telnet_ineffective"]] == [217]


def test_compliant_office_secrets_are_known(registered):
    audit = audit_of("asa-department-compliant")
    dev = audit.devices[0]
    assert any(s.startswith("$sha512$") for s in dev.secrets)
    assert "*****" not in dev.secrets
