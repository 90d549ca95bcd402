"""The RouterOS sample offices end to end against their hand-derived oracles, and
vendor auto-detection on every sample and corpus file.

The RouterOS parser and checks are registered here with monkeypatch (the registries
in ``netaudit.parsers`` / ``netaudit.checks`` are the lead's to edit), so these tests
run the pipeline ``netaudit audit`` will run once the registry lines are in.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
import yaml

import netaudit.checks
import netaudit.parsers
from netaudit.audit import run_audit
from netaudit.parsers import mikrotik_routeros

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_configs"
CORPUS = ROOT.parent / "shared" / "corpus"
OFFICES = sorted(p.name for p in SAMPLES.glob("routeros-*") if (p / "expected.yaml").is_file())
PARSER = "netaudit.parsers.mikrotik_routeros"
CHECKS = "netaudit.checks.routeros"


@pytest.fixture
def registered(monkeypatch):
    vendors = list(netaudit.parsers.VENDOR_MODULES)
    checks = list(netaudit.checks.CHECK_MODULES)
    if PARSER not in vendors:
        vendors.append(PARSER)
    if CHECKS not in checks:
        checks.append(CHECKS)
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
    assert OFFICES == ["routeros-commune-compliant", "routeros-commune-leaky-bridge",
                       "routeros-commune-leaky-firewall"]
    for name in OFFICES:
        readme = (SAMPLES / name / "README.md").read_text(encoding="utf-8")
        assert "Tiếng Việt" in readme and "English" in readme


def test_config_is_fully_understood_and_detected(office):
    name, audit, _ = office
    (rep,) = audit.snapshot.reports
    assert rep.vendor == "mikrotik_routeros"
    assert rep.unrecognized == [] and rep.partially_understood == [] and rep.warnings == []
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


def test_reachable_cells_carry_witness(office):
    name, audit, _ = office
    for c in audit.matrix:
        if c.verdict == "reachable":
            assert c.witness is not None and c.witness.hops, (c.src, c.dst)


def test_compliant_office_has_no_finding(registered):
    audit = audit_of("routeros-commune-compliant")
    assert audit.findings == []


def test_leaky_bridge_cites_the_bridge_and_the_ignored_pvids(registered):
    audit = audit_of("routeros-commune-leaky-bridge")
    (f,) = [f for f in audit.findings if f.check == "routeros-bridge-no-vlan-filtering"]
    assert f.severity == "high"
    assert [e["line"] for e in f.evidence] == [7, 15, 54, 57, 61]
    assert "vlan-filtering=yes" in f.remediation["en"] and "vlan-filtering=yes" in f.remediation["vi"]
    guest = next(c for c in audit.matrix if (c.src, c.dst) == ("guest", "staff"))
    assert any("same L2 domain" in (h.get("note") or "") for h in guest.witness.hops)
    winbox = next(f for f in audit.findings if f.check == "routeros-winbox-from-guest")
    assert winbox.severity == "critical" and winbox.zones == ["guest"]


def test_leaky_firewall_witness_cites_the_temporary_accept(registered):
    audit = audit_of("routeros-commune-leaky-firewall")
    f = next(f for f in audit.findings if f.check == "guest-isolation" and "staff" in f.zones)
    assert f.severity == "critical"
    assert any(e["line"] == 65 and "Tam thoi" in e["text"] for e in f.evidence)
    pkt = f.witness["packet"]
    assert pkt["src_ip"].startswith("10.10.40.") and pkt["dst_ip"].startswith("10.10.10.")
    cam = next(c for c in audit.matrix if (c.src, c.dst) == ("internet", "camera"))
    rules = [r for h in cam.witness.to_json()["hops"] for r in h["rules"]]
    assert any(r.get("line") == 71 and r.get("translated", {}).get("dst_ip") == "10.10.20.50"
               for r in rules)
    secrets = audit.devices[0].secrets
    assert "BinhMinh@2026!CB" in secrets


# --------------------------------------------------------------------------- detection


def _files(folder: Path) -> list[Path]:
    skip = {"site.yaml", "expected.yaml", "README.md"}
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in skip
                  and not p.name.startswith(".") and p.suffix not in (".md", ".json"))


SAMPLE_FILES = _files(SAMPLES)
CORPUS_FILES = _files(CORPUS) if CORPUS.is_dir() else []


def _vendor_modules():
    """Every vendor parser in the package, registered or not yet."""
    out = []
    for info in pkgutil.iter_modules(netaudit.parsers.__path__):
        try:
            mod = importlib.import_module(f"netaudit.parsers.{info.name}")
        except Exception:  # noqa: BLE001 - a colleague's half-written module
            continue
        if hasattr(mod, "VENDOR") and hasattr(mod, "detect"):
            out.append(mod)
    return out


VENDOR_MODS = _vendor_modules()


@pytest.mark.parametrize("path", SAMPLE_FILES + CORPUS_FILES,
                         ids=lambda p: str(p.relative_to(p.parents[1])))
def test_detection_is_right_on_every_sample_and_corpus_file(path, registered):
    text = path.read_text(encoding="utf-8", errors="replace")
    is_routeros = path.suffix == ".rsc"
    score = mikrotik_routeros.detect(text)
    others = max((m.detect(text) for m in VENDOR_MODS if m.VENDOR != "mikrotik_routeros"),
                 default=0)
    vendor, best = netaudit.parsers.detect_vendor(text)
    if is_routeros:
        assert score >= 90 and score > others and vendor == "mikrotik_routeros"
    else:
        assert score == 0 and vendor != "mikrotik_routeros"


def test_corpus_present_or_skipped():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    assert len(CORPUS_FILES) > 100
