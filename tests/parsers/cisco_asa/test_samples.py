"""The ASA sample offices: ASA-specific evidence, detection and secrets.

The generic oracle checks (matrix and findings vs expected.yaml, witnesses, a config
fully understood and detected) run for every sample office in ``tests/test_samples.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.audit import run_audit
from netaudit.parsers import cisco_asa, cisco_ios

SAMPLES = Path(__file__).resolve().parents[3] / "sample_configs"
OFFICES = sorted(p.name for p in SAMPLES.glob("asa-*") if (p / "expected.yaml").is_file())

_audits: dict[str, object] = {}


def audit_of(name: str):
    if name not in _audits:
        _audits[name] = run_audit([SAMPLES / name])
    return _audits[name]


def test_three_offices():
    assert OFFICES == ["asa-department-compliant", "asa-department-leaky-levels", "asa-department-leaky-mgmt"]


@pytest.mark.parametrize("name", OFFICES)
def test_reachable_cells_witness_cites_an_asa_rule_line(name):
    """Transit through an ASA always passes its forwarding policy: a witness names at
    least one rule line (an L2-only path, possible on other vendors, is not)."""
    for c in audit_of(name).matrix:
        if c.verdict == "reachable":
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


def test_leaky_levels_witness_cites_the_level_and_same_security_lines():
    audit = audit_of("asa-department-leaky-levels")
    by = {(f.check, tuple(f.zones)): f for f in audit.findings}
    staff = by[("guest-isolation", ("guest", "staff"))]
    assert staff.severity == "critical"
    assert {
        "file": "stnmt-fw01.cfg",
        "line": 100,
        "text": "same-security-traffic permit inter-interface",
    } in staff.evidence
    servers = by[("guest-isolation", ("guest", "servers"))]
    assert {"file": "stnmt-fw01.cfg", "line": 47, "text": "security-level 100"} in servers.evidence
    pkt = staff.witness["packet"]
    assert pkt["src_ip"].startswith("10.30.40.") and pkt["dst_ip"].startswith("10.30.10.")


def test_leaky_mgmt_findings_and_severities():
    audit = audit_of("asa-department-leaky-mgmt")
    broad = sorted((f.evidence[0]["line"], f.severity) for f in audit.findings if f.check == "asa-mgmt-broad-source")
    assert broad == [(209, "critical"), (218, "critical"), (222, "high")]
    (anyany,) = [f for f in audit.findings if f.check == "asa-any-any-acl"]
    assert anyany.severity == "critical"
    assert [e["line"] for e in anyany.evidence] == [127, 186]
    (telnet,) = [f for f in audit.findings if f.check == "mgmt-telnet"]
    assert telnet.evidence[0]["line"] == 218  # not the ineffective 217
    assert "Cisco ASA" in telnet.remediation["en"]
    dev = audit.devices[0]
    assert [s.line for s in dev.facts.telnet_ineffective] == [217]


def test_compliant_office_secrets_are_known():
    audit = audit_of("asa-department-compliant")
    dev = audit.devices[0]
    assert any(s.startswith("$sha512$") for s in dev.secrets)
    assert "*****" not in dev.secrets
