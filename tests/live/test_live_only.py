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

    # the same usage error as a missing DIR always gave, in the command's language
    assert main(["audit", *[str(probes) if a == "PROBES" else a for a in extra]]) == 2
    assert capsys.readouterr().err == "netaudit: lỗi: thiếu tham số bắt buộc: paths\n"
    assert main(["audit", "--lang", "en", *[str(probes) if a == "PROBES" else a for a in extra]]) == 2
    assert capsys.readouterr().err == "netaudit: error: the following arguments are required: paths\n"


def test_unprobed_cells_are_one_finding_not_one_each(doc):
    """Every unprobed cell is unknown for the same reason: said once (live-not-observed),
    with the cells listed, instead of an unknown-verdict finding per cell."""
    assert not [f for f in doc["findings"] if f["check"] == "unknown-verdict"]
    [f] = [f for f in doc["findings"] if f["check"] == "live-not-observed"]
    unknown = [c for c in doc["matrix"] if c["verdict"] == "unknown"]
    assert f["detail"]["en"].count("→") == len(unknown) > 10
    assert "guest → staff" not in f["detail"]["en"]  # reached: not in the list


@pytest.fixture(scope="module")
def gateway_doc(tmp_path_factory):
    """A guest run whose gateway answered DNS (the policy allows guests DNS and DHCP from the
    gateway) and SSH (it does not), and whose trace crossed a second router."""
    path = tmp_path_factory.mktemp("live_only_gw") / "guest.json"
    doc = {
        "schema": "netaudit/probes/v1",
        "vantage": {"zone": "guest", "source": "test", "address": "10.10.40.23/24", "gateway": "10.10.40.1"},
        "probes": [
            {"dst": "10.10.40.1", "service": "udp/53", "result": "answered", "detail": "DNS reply"},
            {"dst": "10.10.10.5", "service": "tcp/445", "result": "no_answer"},
        ],
        "traces": [{"zone": "staff", "dst": "10.10.10.2", "hops": ["10.10.40.1", None]}],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run_cli("audit", "--site", SITE, "--probes", path, "--format", "json")
    assert code == 1, err
    with_ssh = json.loads(json.dumps(doc))
    with_ssh["probes"].append({"dst": "10.10.40.1", "service": "tcp/22", "result": "answered", "detail": "SYN-ACK"})
    path.write_text(json.dumps(with_ssh), encoding="utf-8")
    code2, out2, err2 = run_cli("audit", "--site", SITE, "--probes", path, "--format", "json")
    assert code2 == 1, err2
    return json.loads(out), json.loads(out2)


def test_the_gateway_seen_live_is_a_device(gateway_doc):
    """The vantage gateway is @devices, not a host of the guest zone: the probe that reached it
    makes guest → @devices reachable (live-only), no longer unknown."""
    dns_only, _ = gateway_doc
    c = _cell(dns_only, "guest", "@devices")
    assert c["verdict"] == "reachable" and c["services"] == ["udp/53"]
    assert c["live"]["status"] == "resolved"


def test_limited_cell_violated_only_by_a_service_outside_the_policy(gateway_doc):
    dns_only, with_ssh = gateway_doc
    assert _cell(dns_only, "guest", "@devices")["violation"] is False  # DNS to the gateway is allowed
    assert not [f for f in dns_only["findings"] if f["check"] == "live-violation"]
    assert _cell(with_ssh, "guest", "@devices")["violation"] is True
    [f] = [f for f in with_ssh["findings"] if f["check"] == "live-violation"]
    assert f["zones"] == ["guest", "@devices"] and "tcp/22" in f["detail"]["en"]
