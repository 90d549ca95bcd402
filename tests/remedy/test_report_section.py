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


# An open resolver closed where the Internet enters (plan.EdgeClose): the OpenWrt office
# whose wan rule accepts DNS (tests/remedy/leaky/owrt5-wan-dns-rule) has no other change
# that names the Internet's finding on @devices.
OPEN_RESOLVER = SAMPLES.parent / "tests" / "remedy" / "leaky" / "owrt5-wan-dns-rule"


def _audit(folder, *extra: str) -> tuple[int, str]:
    code, out, err = run_cli("audit", folder, "--site", folder / "site.yaml", *extra)
    assert code in (0, 1), err
    return code, out


def test_json_plan_lists_the_edge_close_and_its_finding_points_to_it():
    doc = json.loads(_audit(OPEN_RESOLVER, "--format", "json", "--lang", "en")[1])
    router = next(d for d in doc["remedy"]["devices"] if d["device"] == "UBND-LongPhuoc")
    assert {"interfaces": ["eth1"], "service": "udp/53"} in router["closes"]
    resolver = next(f for f in doc["findings"] if f["zones"][:2] == ["internet", "@devices"])
    assert "udp/53" in json.dumps(resolver)  # the finding the close is for
    assert resolver["id"] in router["findings"]
    assert resolver["id"] not in [u["finding"] for u in doc["remedy"]["unfixable"]]


def test_json_plan_without_edge_close_says_so_with_an_empty_list():
    doc = _json("cisco-commune-leaky")
    assert doc["remedy"]["devices"] and all(d["closes"] == [] for d in doc["remedy"]["devices"])


def test_reports_show_the_edge_close_in_both_languages(tmp_path):
    from html import escape

    from netaudit.messages import t

    for lang in ("vi", "en"):
        line = t("remedy.close", lang, service="udp/53", device="UBND-LongPhuoc", interfaces="eth1")
        md = tmp_path / f"r.{lang}.md"
        _audit(OPEN_RESOLVER, "--format", "md", "-o", md, "--lang", lang)
        text = md.read_text(encoding="utf-8")
        assert line.split(" udp/53")[0] in text and "UBND-LongPhuoc:eth1" in text
        html = tmp_path / f"r.{lang}.html"
        _audit(OPEN_RESOLVER, "--format", "html", "-o", html, "--lang", lang)
        page = html.read_text(encoding="utf-8")
        assert "UBND-LongPhuoc:eth1" in page
        # the open-resolver finding points to the change set (it did not: no link at all)
        see = escape(t("remedy.see_plan", lang, device="UBND-LongPhuoc")).replace("&#x27;", "&#39;")
        # both findings on @devices (internet's and staff's) point there, not staff's alone
        assert page.count(f'href="#remedy-UBND-LongPhuoc">{see}') >= 2
