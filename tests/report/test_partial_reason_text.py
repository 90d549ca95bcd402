"""A partially understood construct whose reason the parser wrote from the catalogue
(the Cisco ASA's IPsec tunnel reasons, the Linux parser's for a section and for a rule,
RouterOS's): English in the JSON ``reason``, both languages
in ``reason_text``, Vietnamese in a Vietnamese report — the cell's unknown reason and
the list of partially understood constructs alike."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, run_cli

ASA = ROOT / "tests" / "fixtures" / "cisco_asa"
CONFIG, SITE = ASA / "asa-l2tp-ipsec-ttyt.cfg", ASA / "asa-l2tp-ipsec-ttyt.site.yaml"
LINUX = ROOT / "sample_configs" / "linux-commune-leaky"
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


def _linux_dump(tmp_path, drop: str):
    """The Linux sample's dump without its section ``drop``."""
    text = (LINUX / "ubnd-xa-an-phu.txt").read_text()
    start = text.index(f"### {drop}")
    end = text.find("\n### ", start + 1)
    dump = tmp_path / "ubnd-xa-an-phu.txt"
    dump.write_text(text[:start] + (text[end + 1 :] if end >= 0 else ""))
    return dump


def test_linux_partial_reasons_are_worded_in_the_report_language(tmp_path):
    """A Linux dump without its ``ss`` section: every unknown cell to the device says why
    in Vietnamese; without its ruleset, the partially understood firewall too."""
    dump = _linux_dump(tmp_path, "ss -Htlnu")
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "md", "--lang", "vi")
    assert "dịch vụ any-tcp chưa được hiểu đầy đủ (không có mục 'ss -Htlnu': chưa xác định được các dịch vụ" in out
    assert "the device's listening services are unknown" not in out
    dump = _linux_dump(tmp_path, "nft list ruleset")
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "json")
    (p,) = [p for p in json.loads(out)["coverage"]["partially_understood"] if p["construct"] == "firewall"]
    assert p["reason"] == "no 'nft list ruleset' or 'iptables-save' section: the firewall is unknown"
    assert p["reason_text"] == {
        "vi": "không có mục 'nft list ruleset' hoặc 'iptables-save': tường lửa của thiết bị chưa xác định",
        "en": p["reason"],
    }
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "md", "--lang", "vi")
    assert "tường lửa của thiết bị chưa xác định" in out and "the firewall is unknown" not in out


@pytest.mark.parametrize(
    "sample,after,rule,reasons",
    [
        (
            "linux-commune-leaky-iptables",
            "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A FORWARD -i enp5s0 -m limit --limit 5/min -j ACCEPT",
            {"rate limit (-m limit) not modelled": "giới hạn tốc độ (-m limit) không được mô hình hóa"},
        ),
        (
            "linux-commune-leaky",
            '\t\tiifname "wifi-khach" ip daddr 10.20.99.0/24 drop',
            '\t\tiifname "wifi-khach" ct mark 0x1 limit rate 5/minute drop',
            {
                "'ct mark' not modelled": "'ct mark' không được mô hình hóa",
                "limit (rate or quota decided at run time)": "limit (tốc độ hoặc hạn mức được quyết định lúc chạy)",
            },
        ),
    ],
)
def test_linux_rule_reasons_are_worded_in_the_report_language(tmp_path, sample, after, rule, reasons):
    """A rule of a Linux sample the model does not fully capture (an iptables rate limit;
    an nft ``ct mark`` match with a ``limit`` statement): each of its reasons is a
    partially understood construct with ``reason_text``, the unknown cells it leaves say
    it in Vietnamese, and a Vietnamese report never in English."""
    folder = ROOT / "sample_configs" / sample
    (config,) = folder.glob("*.txt")
    text = config.read_text()
    assert text.count(f"{after}\n") == 1
    dump = tmp_path / config.name
    dump.write_text(text.replace(f"{after}\n", f"{after}\n{rule}\n"))
    _, out, _ = run_cli("audit", dump, "--site", folder / "site.yaml", "--format", "json")
    doc = json.loads(out)
    given = {p["reason"]: p.get("reason_text") for p in doc["coverage"]["partially_understood"]}
    for english, vietnamese in reasons.items():
        assert given[english] == {"vi": vietnamese, "en": english}
        cells = [c for c in doc["matrix"] if english in (c.get("reason") or "")]
        assert cells and all(vietnamese in c["reason_text"]["vi"] for c in cells)
    _, out, _ = run_cli("audit", dump, "--site", folder / "site.yaml", "--format", "md", "--lang", "vi")
    assert all(vietnamese in out for vietnamese in reasons.values())
    assert not any(english in out for english in reasons)


ROUTEROS = """# 2024-03-12 10:21:33 by RouterOS 7.14.1
/system identity
set name=UBND-Xa
/interface bridge
add name=br-lan
/interface bridge port
add bridge=br-lan interface=ether2
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br-lan
/ip route
add gateway=192.0.2.1
/ip firewall address-list
add address=dich-vu-cong.gov.vn list=cong-dvc
/ip firewall filter
add action=drop chain=forward connection-mark=khach limit=10,5:packet
add action=accept chain=forward dst-address-list=cong-dvc
add action=drop chain=forward src-address-list=chan-tam-thoi
"""


def test_routeros_partial_reasons_are_worded_in_the_report_language(tmp_path):
    """A RouterOS rule with a matcher the model does not capture, an address list holding
    a DNS name and one with no entry in the export: each reason in both languages, and a
    rule's reasons joined as one (input.joined)."""
    rsc = tmp_path / "ubnd-xa.rsc"
    rsc.write_text(ROUTEROS)
    _, out, _ = run_cli("audit", rsc, "--format", "json")
    reasons = {p["reason"]: p.get("reason_text") for p in json.loads(out)["coverage"]["partially_understood"]}
    assert reasons["connection-mark matcher not modelled; limit matcher not modelled"] == {
        "vi": "chưa mô hình hoá điều kiện connection-mark; chưa mô hình hoá điều kiện limit",
        "en": "connection-mark matcher not modelled; limit matcher not modelled",
    }
    dns = "address list cong-dvc holds 'dich-vu-cong.gov.vn', resolved at run time (DNS name)"
    assert (
        reasons[dns]["vi"] == "danh sách địa chỉ cong-dvc chứa 'dich-vu-cong.gov.vn', được phân giải khi chạy (tên DNS)"
    )
    empty = "address list chan-tam-thoi has no entry in the export (empty, or filled at run time)"
    assert reasons[empty]["vi"].startswith("danh sách địa chỉ chan-tam-thoi không có mục nào trong bản export")
    _, out, _ = run_cli("audit", rsc, "--format", "md", "--lang", "vi")
    assert "chưa mô hình hoá điều kiện connection-mark" in out
    assert "matcher not modelled" not in out and "has no entry in the export" not in out
