"""A partially understood construct whose reason the parser wrote from the catalogue
(the Cisco ASA's IPsec tunnel reasons): English in the JSON ``reason``, both languages
in ``reason_text``, Vietnamese in a Vietnamese report — the cell's unknown reason and
the list of partially understood constructs alike."""

from __future__ import annotations

import json

from helpers import ROOT, run_cli

ASA = ROOT / "tests" / "fixtures" / "cisco_asa"
CONFIG, SITE = ASA / "asa-l2tp-ipsec-ttyt.cfg", ASA / "asa-l2tp-ipsec-ttyt.site.yaml"
BYPASS_EN = "sysopt connection permit-vpn is on by default, so packets decrypted from this IPsec tunnel"
BYPASS_VI = "sysopt connection permit-vpn được bật theo mặc định, nên các gói tin được giải mã từ đường hầm IPsec"


def test_json_keeps_the_english_reason_and_adds_both_languages():
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "json")
    doc = json.loads(out)
    tunnel = [p for p in doc["coverage"]["partially_understood"] if BYPASS_EN in p["reason"]]
    assert tunnel, "the fixture's dynamic crypto map entry is a partially understood construct"
    for p in tunnel:
        assert p["reason_text"]["en"] == p["reason"]
        assert p["reason_text"]["vi"].startswith(BYPASS_VI)
    # A reason still written as a plain string carries no reason_text.
    plain = [p for p in doc["coverage"]["partially_understood"] if "reason_text" not in p]
    assert all(BYPASS_EN not in p["reason"] for p in plain)
    cells = [c for c in doc["matrix"] if c.get("reason") and BYPASS_EN in c["reason"]]
    assert cells and all(BYPASS_VI in c["reason_text"]["vi"] for c in cells)


def test_vietnamese_report_says_the_tunnel_reason_in_vietnamese():
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "md", "--lang", "vi")
    assert BYPASS_VI in out
    assert BYPASS_EN not in out
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "md", "--lang", "en")
    assert BYPASS_EN in out and BYPASS_VI not in out
