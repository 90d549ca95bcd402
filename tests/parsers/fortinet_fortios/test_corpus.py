"""The FortiOS parser against configs nobody on this project wrote, and vendor detection.

Corpus: ../shared/corpus/batfish-snippets/fortios — Batfish's FortiOS grammar test
resources (one feature per file, some deliberately broken).  Every file must parse
without an exception and report what it did not understand.  Run with ``-s`` to see
the per-file coverage table.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest

import netaudit.parsers as registry
from netaudit.parsers import fortinet_fortios as F

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
FORTIOS = CORPUS / "batfish-snippets" / "fortios"
SAMPLES = ROOT / "sample_configs"

pytestmark = pytest.mark.skipif(not FORTIOS.is_dir(), reason=f"corpus not found at {FORTIOS}")

SNIPPETS = sorted(p for p in FORTIOS.iterdir() if p.is_file() and p.name != "BUILD.bazel") if FORTIOS.is_dir() else []

_cache: dict[Path, object] = {}


def parsed(path: Path):
    if path not in _cache:
        _cache[path] = F.parse(path.read_text(encoding="utf-8", errors="replace"), path.name)
    return _cache[path]


def test_corpus_present():
    assert len(SNIPPETS) == 55


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.name)
def test_snippet_parses_and_reports_what_it_did_not_understand(path):
    res = parsed(path)
    rep = res.report
    assert res.devices, "at least one device"
    assert rep.lines == len(path.read_text().splitlines())
    assert rep.ignored + len(rep.unrecognized) <= rep.lines
    assert all(1 <= u.line <= rep.lines and u.text for u in rep.unrecognized)
    assert rep.devices == [d.hostname for d in res.devices]
    # no handler crashed on the content (those would be warnings "not understood (…Error")
    assert not any("Error" in w or "Exception" in w for w in rep.warnings), rep.warnings


def test_coverage_table():
    """Per-file coverage (shown with ``pytest -s``)."""
    rows = []
    for path in SNIPPETS:
        rep = parsed(path).report
        rows.append((path.name, rep.lines, rep.ignored, len(rep.unrecognized), len(rep.partially_understood)))
    print(f"\n{'file':28} {'lines':>6} {'ignored':>8} {'unrec':>6} {'partial':>8}")
    for name, lines, ign, unrec, part in rows:
        print(f"{name:28} {lines:6} {ign:8} {unrec:6} {part:8}  {100 * (1 - unrec / lines):6.2f}% understood")
    total, unrec = sum(r[1] for r in rows), sum(r[3] for r in rows)
    print(
        f"{'TOTAL':28} {total:6} {sum(r[2] for r in rows):8} {unrec:6} "
        f"{sum(r[4] for r in rows):8}  {100 * (1 - unrec / total):6.2f}% understood"
    )
    # the unrecognized lines are the snippets' deliberate errors (UNDEFINED_* props,
    # invalid renames/moves, settings invalid for an object's type)
    assert unrec < 0.05 * total


def test_deliberately_broken_snippets_are_reported_line_by_line():
    rep = parsed(FORTIOS / "edit_recovery").report
    assert [u.text.split()[1] for u in rep.unrecognized] == [
        "UNDEFINED_IFACE_PROP",
        "UNDEFINED_ADDR_PROP",
        "UNDEFINED_SERVICE_PROP",
        "UNDEFINED_POLICY_PROP",
    ]
    assert any(p["construct"] == "policy 1" for p in rep.partially_understood)
    rep = parsed(FORTIOS / "firewall_policy_warn").report
    assert {u.text for u in rep.unrecognized} >= {"move 3 before 99999", "clone 3 to 1"}


def test_snippet_semantics():
    move = parsed(FORTIOS / "policy_move").devices[0]
    assert [line.name for line in move.filters["firewall-policy"].lines] == ["5", "1", "2", "4", "3"]
    delete = parsed(FORTIOS / "policy_delete").devices[0]
    assert [line.name for line in delete.filters["firewall-policy"].lines] == ["2", "1"]
    clone = parsed(FORTIOS / "policy_clone").devices[0]
    assert [(line.name, line.action.value) for line in clone.filters["firewall-policy"].lines] == [
        ("1", "permit"),
        ("2", "deny"),
        ("3", "permit"),
        ("4", "deny"),
    ]
    fw = parsed(FORTIOS / "firewall_policy").devices[0]
    lines = {line.name: line for line in fw.filters["firewall-policy"].lines}
    assert "0" not in lines  # status disable
    assert lines["1"].matches[0].in_ifaces == frozenset({"port1", "port2"})  # append
    assert lines["3"].matches[0].out_ifaces == frozenset({"port3", "port5"})  # zones
    assert lines["2"].matches[0].in_ifaces is None  # any
    repl = parsed(FORTIOS / "fortios_replacemsg")
    assert not repl.report.unrecognized
    iface = parsed(FORTIOS / "iface").devices[0]
    assert iface.interfaces["longest if name"].encapsulation_vlan == 1235
    assert iface.interfaces["tunnel"].shutdown


def _vendor_modules() -> list[str]:
    mods = list(registry.VENDOR_MODULES)
    for name in ("netaudit.parsers.cisco_asa", "netaudit.parsers.mikrotik_routeros"):
        try:
            import_module(name)
        except Exception:
            continue
        if name not in mods:
            mods.append(name)
    return [*mods, "netaudit.parsers.fortinet_fortios"]


def _config_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix not in (".yaml", ".yml", ".md")
        and p.name not in ("BUILD.bazel", "LICENSE", "LICENSE.txt", "LICENSE_EXCEPTION.txt")
        and "reference-answers" not in p.parts
    )


def test_vendor_detection_on_every_sample_and_corpus_file(monkeypatch):
    monkeypatch.setattr(registry, "VENDOR_MODULES", _vendor_modules())
    files = _config_files(SAMPLES) + _config_files(CORPUS)
    fortios = [p for p in files if "fortios" in p.parts or p.parent.name.startswith("fortigate-")]
    assert len(fortios) == len(SNIPPETS) + 3
    wrong = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        vendor, score = registry.detect_vendor(text[: 1 << 20])
        if p in fortios:
            if vendor != F.VENDOR or score < 50:
                wrong.append(f"{p}: {vendor} {score}")
        elif F.detect(text) != 0 or vendor == F.VENDOR:
            wrong.append(f"{p}: FortiOS claims it ({F.detect(text)})")
    assert not wrong, "\n".join(wrong)
