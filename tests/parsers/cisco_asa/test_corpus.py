"""The ASA parser against Batfish's public ASA test snippets (../shared/corpus).

Every file parses without an exception, unrecognized lines are reported (never
raised), and vendor detection picks the right parser for every file.  Run with
``-s`` to see the per-file coverage table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.parsers import cisco_asa, cisco_ios

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "batfish-snippets" / "cisco_asa"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")

FILES = sorted(p for p in CORPUS.iterdir() if p.is_file()) if CORPUS.is_dir() else []

# Files in the directory that are not ASA configurations: Batfish's build file, and two
# snippets written in IOS syntax (`ip ospf …` under `interface Ethernet0/x`, no ASA
# marker at all) — the IOS parser must claim those, the ASA parser must not.
NOT_CONFIG = {"BUILD.bazel"}
IOS_SYNTAX = {"ospf-intervals", "ospf-network-types"}
CLAIM = 50  # netaudit.inputs.CLAIM: the minimum score that claims a file

_cache: dict[Path, object] = {}


def parsed(path: Path):
    if path not in _cache:
        _cache[path] = cisco_asa.parse(path.read_text(), path.name)
    return _cache[path]


def test_corpus_present():
    assert len(FILES) >= 60


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_parses_and_reports_instead_of_raising(path):
    res = parsed(path)  # any exception fails the test
    assert len(res.devices) == 1
    rep = res.report
    assert rep.lines == len(path.read_text().splitlines())
    assert rep.devices == [res.devices[0].hostname]
    assert not any("line not understood (" in w or "resolution failed" in w for w in rep.warnings)
    for src in rep.unrecognized:
        assert 1 <= src.line <= rep.lines and src.text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_vendor_detection_is_right(path):
    text = path.read_text()
    asa, ios = cisco_asa.detect(text), cisco_ios.detect(text)
    if path.name in NOT_CONFIG:
        assert asa < CLAIM and ios < CLAIM
    elif path.name in IOS_SYNTAX:
        assert asa <= 20 and ios >= CLAIM
    else:
        assert asa >= 80 and ios <= 20


@pytest.mark.parametrize("path", [p for p in FILES if p.name not in NOT_CONFIG | IOS_SYNTAX], ids=lambda p: p.name)
def test_asa_file_is_understood(path):
    rep = parsed(path).report
    assert rep.unrecognized == [], [(u.line, u.text) for u in rep.unrecognized]


def test_coverage_table():
    """Per-file coverage (shown with ``pytest -s``)."""
    rows = []
    for path in FILES:
        rep = parsed(path).report
        rows.append((path.name, rep.lines, rep.ignored, len(rep.unrecognized), len(rep.partially_understood)))
    print(f"\n{'file':40} {'lines':>6} {'ignored':>8} {'unrec':>6} {'partial':>8}")
    for name, lines, ign, unrec, part in rows:
        print(f"{name:40} {lines:6} {ign:8} {unrec:6} {part:8}  {100 * (1 - unrec / lines):6.2f}% understood")
    asa_rows = [r for r in rows if r[0] not in NOT_CONFIG | IOS_SYNTAX]
    total = sum(r[1] for r in asa_rows)
    print(
        f"{'ASA files':40} {total:6} {sum(r[2] for r in asa_rows):8} "
        f"{sum(r[3] for r in asa_rows):6} {sum(r[4] for r in asa_rows):8}"
    )
    assert sum(r[3] for r in asa_rows) == 0


# --------------------------------------------------------------------------- concrete facts


def dev(name: str):
    return parsed(CORPUS / name).devices[0]


def test_filters_snippet_bindings():
    d = dev("asa-filters")
    assert d.interfaces["GigabitEthernet0/1"].filter_out == "FILTER_OUT"
    assert d.interfaces["GigabitEthernet0/5"].filter_out == "FILTER_OUT5"
    assert d.interfaces["GigabitEthernet0/2"].filter_out is None  # FILTER_UNDEF: rejected
    assert any(r.name == "FILTER_UNDEF" and not r.defined for r in d.references)


def test_security_level_snippet_defaults():
    d = dev("asa-security-level")
    levels = {i.zone: i.security_level for i in d.interfaces.values()}
    assert levels == {"all-trust": 100, "inside": 100, "some-trust": 45, "outside": 1}


def test_encapsulation_vlan_and_interface_ospf_snippets():
    d = dev("asa_interface_encapsulation_vlan")
    itf = d.interfaces["GigabitEthernet0/1.100"]
    assert itf.encapsulation_vlan == 100 and itf.parent == "GigabitEthernet0/1"
    assert dev("asa-interface-ospf").interfaces["Port-channel1.1"].encapsulation_vlan == 1


def test_static_route_snippets():
    d = dev("asa-static-route")
    assert [(str(r.prefix), r.distance) for r in d.routes] == [("0.0.0.0/0", 2), ("1.0.0.0/8", 3)]
    d = dev("asa-static-gh-5729")
    assert d.routes == []  # every nameif is undefined
    assert {r.name for r in d.references if not r.defined} == {"management", "iad-xxx", "iad-xxxn"}


def test_nested_object_group_snippets_report_undefined_members():
    d = dev("asa-nested-network-object-group")
    assert {r.name for r in d.references if not r.defined} == {"UNDEFINED_GROUP", "UNDEFINED_GROUP_MIXED"}


def test_failover_and_ntp_snippets():
    assert len(dev("asa-failover").facts.failover) == 5
    d = dev("asa-ntp")
    assert {"aNiceKey", "aCmacKey", "aSha256Key"} <= d.secrets
