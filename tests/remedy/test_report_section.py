"""The remediation plan in every report (JSON ``remedy``, the "Kế hoạch khắc phục" part of the
findings section), and each finding pointing to the change set it belongs to."""

from __future__ import annotations

import json

from helpers import SAMPLES, run_cli


def _json(sample: str) -> dict:
    code, out, err = run_cli("audit", SAMPLES / sample, "--format", "json", "--lang", "en")
    assert code in (0, 1), err
    return json.loads(out)


def test_json_plan_per_device():
    doc = _json("cisco-commune-leaky")
    core = next(d for d in doc["remedy"]["devices"] if d["device"] == "UBNDHB-CORE")
    assert core["generator"] is True
    assert {"interface": "Vlan40", "direction": "in", "from": "guest", "to": "staff", "allow": []} in core["blocks"]
    assert any(r["service"] == "telnet" and r["off"] for r in core["restricts"])
    guest = next(f for f in doc["findings"] if f["check"] == "guest-isolation" and f["zones"][:2] == ["guest", "staff"])
    assert guest["id"] in core["findings"]


def test_html_and_markdown_show_it_and_findings_point_to_it(tmp_path):
    html = tmp_path / "r.html"
    assert run_cli("audit", SAMPLES / "cisco-commune-leaky", "--format", "html", "-o", html)[0] == 1
    text = html.read_text(encoding="utf-8")
    assert '<h3 id="remedy">Kế hoạch khắc phục</h3>' in text
    assert 'href="#remedy-UBNDHB-CORE">Thuộc bộ thay đổi của thiết bị UBNDHB-CORE' in text
    md = tmp_path / "r.md"
    assert run_cli("audit", SAMPLES / "cisco-commune-leaky", "--format", "md", "-o", md, "--lang", "en")[0] == 1
    assert "### Remediation plan" in md.read_text(encoding="utf-8")


def test_vendor_without_generator_is_said(monkeypatch):
    # Every vendor has a generator now: take Linux's away to see the path without one.
    from netaudit import remedy

    monkeypatch.delitem(remedy.VENDORS, "linux")
    doc = _json("linux-commune-leaky")
    assert doc["remedy"]["devices"] and not any(d["generator"] for d in doc["remedy"]["devices"])


def test_compliant_office_has_no_change_set():
    assert not _json("cisco-commune-compliant").get("remedy", {}).get("devices")
