"""Live-only audit: no configurations, the matrix from probes alone (audit.run_live_only, docs/live.md)."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLES, run_cli

SITE = SAMPLES / "cisco-commune-compliant" / "site.yaml"


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    path = tmp_path_factory.mktemp("live_only") / "guest.json"
    doc = {
        "schema": "netaudit/probes/v1",
        "vantage": {"zone": "guest", "source": "test", "address": "10.10.40.23/24"},
        "probes": [
            {"dst": "10.10.10.5", "service": "tcp/445", "result": "answered", "detail": "SYN-ACK"},
            {"dst": "10.10.20.10", "service": "tcp/3389", "result": "no_answer"},
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def doc(probes):
    code, out, err = run_cli("audit", "--site", SITE, "--probes", probes, "--format", "json")
    assert code == 1, err  # unknown cells the policy denies, and a live violation
    return json.loads(out)


def _cell(doc, src, dst):
    return next(c for c in doc["matrix"] if c["src"] == src and c["dst"] == dst)


def test_reached_cell_is_reachable_live(doc):
    c = _cell(doc, "guest", "staff")
    assert c["verdict"] == "reachable" and c["services"] == ["tcp/445"] and c["violation"] is True
    assert c["live"]["status"] == "resolved"
    checks = {(f["check"], tuple(f["zones"])) for f in doc["findings"]}
    assert ("live-violation", ("guest", "staff")) in checks
    assert ("unknown-verdict", ("guest", "staff")) not in checks


def test_silence_is_unknown_never_blocked(doc):
    c = _cell(doc, "guest", "servers")
    assert c["verdict"] == "unknown" and c["live"]["status"] == "not_observed"
    assert c["reason_text"]["en"] == "not observed live; no configuration" and c["reason_text"]["vi"]
    assert _cell(doc, "staff", "guest")["verdict"] == "unknown"  # no probe run from staff
    assert not any(c["verdict"] == "blocked" for c in doc["matrix"])


def test_marked_live_only_and_never_passes(doc):
    assert doc["live_only"] is True
    assert any("LIVE ONLY" in w["en"] for w in doc["warnings_text"])
    assert doc["conclusion"]["verdict"] != "pass"
    reg = next(r for r in doc["compliance"]["regimes"] if r["id"] == doc["compliance"]["default"])
    assert any("No device configurations" in r["en"] for r in reg["reasons"])


def test_text_report_says_live_only(probes):
    code, out, _ = run_cli("audit", "--site", SITE, "--probes", probes, "--lang", "en")
    assert code == 1
    assert out.splitlines()[2].startswith("LIVE ONLY")
    assert "LIVE ONLY: no device configurations" in out  # the warning line


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_document_formats_render(probes, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    code, _, err = run_cli("audit", "--site", SITE, "--probes", probes, "--format", fmt, "-o", out, "--lang", "en")
    assert code == 1, err
    text = out.read_text(encoding="utf-8")
    assert "LIVE ONLY" in text and "guest" in text


@pytest.mark.parametrize("extra", [["--probes", "PROBES"], ["--site", str(SITE)]])
def test_usage_error_without_site_or_probes(probes, capsys, extra):
    from netaudit.cli import main

    with pytest.raises(SystemExit) as e:  # the same usage error as a missing DIR always gave
        main(["audit", *[str(probes) if a == "PROBES" else a for a in extra]])
    assert e.value.code == 2
    assert capsys.readouterr().err == "netaudit: error: the following arguments are required: paths\n"
