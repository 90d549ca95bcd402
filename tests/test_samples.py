"""Sample offices against their hand-derived oracles (expected.yaml)."""

from __future__ import annotations

import pytest
import yaml
from helpers import SAMPLES, cells

from netaudit.audit import run_audit

OFFICES = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.yaml").is_file())


@pytest.fixture(scope="module", params=OFFICES)
def office(request):
    folder = SAMPLES / request.param
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    return request.param, run_audit([folder]), expected


def test_matrix_matches_oracle(office):
    name, audit, expected = office
    got = cells(audit)
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


def test_office_without_expected_findings_has_none(office):
    name, audit, expected = office
    if not (expected.get("findings") or {}).get("present"):
        assert not audit.findings, f"{name}: " + str([f.title["en"] for f in audit.findings])


def test_reachable_cells_carry_witness_with_rule_lines(office):
    _name, audit, _ = office
    configs = {i.path for i in audit.snapshot.inputs if i.kind == "config"}
    for c in audit.matrix:
        if c.verdict == "reachable":
            assert c.witness is not None, (c.src, c.dst)
            assert c.witness.hops, (c.src, c.dst)
            rules = [r for h in c.witness.hops for r in h["rules"]]
            assert all(r["file"] in configs and r["line"] for r in rules), (c.src, c.dst)


# The vendor every config of an office is written for, by folder-name prefix.
OFFICE_VENDORS = {
    "asa": "cisco_asa",
    "cisco": "cisco_ios",
    "fortigate": "fortinet_fortios",
    "routeros": "mikrotik_routeros",
    "linux": "linux",
    "openwrt": "openwrt",
    "huawei": "huawei_vrp",
    "ruijie": "ruijie_rgos",
    "h3c": "h3c_comware",
    "juniper": "juniper_junos",
}


def test_configs_are_detected_and_fully_understood(office):
    name, audit, expected = office
    vendor = OFFICE_VENDORS[name.split("-")[0]]
    configs = [i for i in audit.snapshot.inputs if i.kind == "config"]
    assert configs and all(i.vendor == vendor for i in configs), (name, configs)
    assert audit.snapshot.reports
    # What a vendor's reading leaves partial on purpose (Ruijie RGOS NAT, docs/vendors/
    # ruijie_rgos.md) is listed in the oracle by catalogue key, file by file: nothing else.
    on_purpose = expected.get("partial_on_purpose") or {}
    parse_warnings = expected.get("parse_warnings") or {}
    for rep in audit.snapshot.reports:
        assert rep.vendor == vendor, (name, rep.file)
        assert rep.unrecognized == [], (name, rep.file, rep.unrecognized)
        keys = sorted({getattr(p["reason"], "key", str(p["reason"])) for p in rep.partially_understood})
        assert keys == sorted(on_purpose.get(rep.file, [])), (name, rep.file, rep.partially_understood)
        warned = [getattr(w, "key", str(w)) for w in rep.warnings]
        assert warned == parse_warnings.get(rep.file, []), (name, rep.file, rep.warnings)
    # The audit's own warnings are the oracle's (a segment left out of every zone on purpose).
    assert [str(w) for w in audit.warnings] == expected.get("warnings", []), (name, audit.warnings)


def test_compliant_office_has_no_high_finding():
    audit = run_audit([SAMPLES / "cisco-commune-compliant"])
    serious = [f for f in audit.findings if f.severity in ("critical", "high")]
    assert not serious, [f.title["en"] for f in serious]


def test_leaky_guest_witness_cites_the_leaking_acl_line():
    audit = run_audit([SAMPLES / "cisco-commune-leaky"])
    finding = next(f for f in audit.findings if f.check == "guest-isolation" and "staff" in f.zones)
    assert finding.severity == "critical"
    texts = [e["text"] for e in finding.evidence]
    assert "permit ip 10.10.40.0 0.0.0.255 10.10.0.0 0.0.255.255" in texts
    pkt = finding.witness["packet"]
    assert pkt["src_ip"].startswith("10.10.40.") and pkt["dst_ip"].startswith("10.10.10.")
