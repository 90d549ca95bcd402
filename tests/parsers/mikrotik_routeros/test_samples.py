"""The RouterOS sample offices (RouterOS-specific evidence and secrets), and vendor
auto-detection on every sample and corpus file.

The generic oracle checks (matrix and findings vs expected.yaml, witnesses, a config
fully understood and detected, no finding where none is expected) run for every
sample office in ``tests/test_samples.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import netaudit.parsers
from netaudit.audit import run_audit
from netaudit.parsers import mikrotik_routeros

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "sample_configs"
CORPUS = ROOT.parent / "shared" / "corpus"
OFFICES = sorted(p.name for p in SAMPLES.glob("routeros-*") if (p / "expected.yaml").is_file())

_audits: dict[str, object] = {}


def audit_of(name: str):
    if name not in _audits:
        _audits[name] = run_audit([SAMPLES / name])
    return _audits[name]


def test_three_offices():
    assert OFFICES == ["routeros-commune-compliant", "routeros-commune-leaky-bridge", "routeros-commune-leaky-firewall"]
    for name in OFFICES:
        readme = (SAMPLES / name / "README.md").read_text(encoding="utf-8")
        assert "Tiếng Việt" in readme and "English" in readme


def test_leaky_bridge_cites_the_bridge_and_the_ignored_pvids():
    audit = audit_of("routeros-commune-leaky-bridge")
    (f,) = [f for f in audit.findings if f.check == "routeros-bridge-no-vlan-filtering"]
    assert f.severity == "high"
    assert [e["line"] for e in f.evidence] == [7, 15, 54, 57, 61]
    assert "vlan-filtering=yes" in f.remediation["en"] and "vlan-filtering=yes" in f.remediation["vi"]
    guest = next(c for c in audit.matrix if (c.src, c.dst) == ("guest", "staff"))
    assert any("same L2 domain" in (h.get("note") or "") for h in guest.witness.hops)
    winbox = next(f for f in audit.findings if f.check == "routeros-winbox-from-guest")
    assert winbox.severity == "critical" and winbox.zones == ["guest"]


def test_leaky_firewall_witness_cites_the_temporary_accept():
    audit = audit_of("routeros-commune-leaky-firewall")
    f = next(f for f in audit.findings if f.check == "guest-isolation" and "staff" in f.zones)
    assert f.severity == "critical"
    assert any(e["line"] == 65 and "Tam thoi" in e["text"] for e in f.evidence)
    pkt = f.witness["packet"]
    assert pkt["src_ip"].startswith("10.10.40.") and pkt["dst_ip"].startswith("10.10.10.")
    cam = next(c for c in audit.matrix if (c.src, c.dst) == ("internet", "camera"))
    rules = [r for h in cam.witness.to_json()["hops"] for r in h["rules"]]
    assert any(r.get("line") == 71 and r.get("translated", {}).get("dst_ip") == "10.10.20.50" for r in rules)
    secrets = audit.devices[0].secrets
    assert "BinhMinh@2026!CB" in secrets


# --------------------------------------------------------------------------- detection


def _files(folder: Path) -> list[Path]:
    skip = {"site.yaml", "expected.yaml", "README.md"}
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name not in skip and not p.name.startswith(".") and p.suffix not in (".md", ".json")
    )


SAMPLE_FILES = _files(SAMPLES)
CORPUS_FILES = _files(CORPUS) if CORPUS.is_dir() else []


def _vendor_modules():
    """Every vendor parser in the package, registered or not yet."""
    out = []
    for info in pkgutil.iter_modules(netaudit.parsers.__path__):
        try:
            mod = importlib.import_module(f"netaudit.parsers.{info.name}")
        except Exception:  # a colleague's half-written module
            continue
        if hasattr(mod, "VENDOR") and hasattr(mod, "detect"):
            out.append(mod)
    return out


VENDOR_MODS = _vendor_modules()


@pytest.mark.parametrize("path", SAMPLE_FILES + CORPUS_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_detection_is_right_on_every_sample_and_corpus_file(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    is_routeros = path.suffix == ".rsc"
    score = mikrotik_routeros.detect(text)
    others = max((m.detect(text) for m in VENDOR_MODS if m.VENDOR != "mikrotik_routeros"), default=0)
    vendor, _best = netaudit.parsers.detect_vendor(text)
    if is_routeros:
        assert score >= 90 and score > others and vendor == "mikrotik_routeros"
    else:
        assert score == 0 and vendor != "mikrotik_routeros"


def test_corpus_present_or_skipped():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    assert len(CORPUS_FILES) > 100
