"""Engine reasons and zone problems are catalogue Texts: English in the JSON "reason",
both languages in "reason_text", the report language in HTML/Markdown/terminal."""

from __future__ import annotations

import json
import pickle

import pytest
from helpers import GUEST, STAFF, l3, matrix, router, src
from netaddr import IPNetwork

from netaudit import messages
from netaudit.messages import Text
from netaudit.model import Route
from netaudit.reach import UNKNOWN
from netaudit.zones import Zone

NEXT_HOP_VI = "không có trong tập cấu hình được cung cấp"


def test_text_is_its_english_string_and_immutable():
    x = Text("reason.filter_undefined", filter="ACL-X", device="R1")
    assert x == "filter ACL-X on R1 is referenced but not defined"
    assert hash(x) == hash(str(x)) and "ACL-X" in x and json.dumps(x) == json.dumps(str(x))
    assert x.render("vi") == "bộ lọc ACL-X trên R1 được tham chiếu nhưng không được khai báo"
    assert x.both() == {"vi": x.render("vi"), "en": str(x)}
    assert pickle.loads(pickle.dumps(x)).render("vi") == x.render("vi")
    with pytest.raises(AttributeError):
        x.key = "other"
    with pytest.raises(KeyError):
        Text("reason.no_such_key")
    # A Text field of a catalogue sentence is worded in the sentence's language.
    assert messages.t("trace.unknown", "vi", reason=x) == f"Chưa xác định: {x.render('vi')}"


def test_parser_detail_stays_untranslated():
    x = Text(
        "reason.line_partial",
        device="R1",
        filter="GUEST-IN",
        line="permit ip any any dscp ef",
        detail="dscp not modelled",
    )
    assert str(x) == "R1 GUEST-IN: 'permit ip any any dscp ef' not fully understood (dscp not modelled)"
    assert x.render("vi") == "R1 GUEST-IN: dòng 'permit ip any any dscp ef' chưa được hiểu đầy đủ (dscp not modelled)"


def test_unknown_cell_reason_in_both_languages():
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "192.0.2.2/30"), Gi3=l3("", "10.0.99.1/30"))
    r.routes.append(Route(IPNetwork("0.0.0.0/0"), next_hop=int(IPNetwork("192.0.2.1/32").ip), source=src(50)))
    r.routes.append(Route(IPNetwork("10.0.10.0/24"), next_hop=int(IPNetwork("10.0.99.2/32").ip), source=src(51)))
    internet = Zone("internet", "external", attach=[("R1", "Gi2")])
    m, _ = matrix([r], [GUEST, STAFF, internet])
    cell = m[("guest", "staff")]
    assert cell.verdict == UNKNOWN
    assert isinstance(cell.reason, Text) and cell.reason.key == "reason.next_hop_outside"
    assert cell.reason == (
        "the path leaves the snapshot at R1:Gi3 toward next hop 10.0.99.2, which is not in the snapshot"
    )
    vi = cell.reason.render("vi")
    assert "R1:Gi3" in vi and "10.0.99.2" in vi and NEXT_HOP_VI in vi
    assert cell.reason.both() == {"vi": vi, "en": str(cell.reason)}


def test_unplaced_zone_problems_are_texts():
    r = router(Gi1=l3("", "10.0.40.1/24"))
    lost = Zone("servers", "server", vlans=[("SW9", 20)])
    m, _placed = matrix([r], [GUEST, lost])
    cell = m[("guest", "servers")]
    assert cell.verdict == UNKNOWN
    assert cell.reason == "zone servers has no attachment point in the snapshot (vlan SW9:20 not found in the snapshot)"
    assert cell.reason.render("vi") == (
        "vùng servers không có điểm kết nối nào trong tập cấu hình được cung cấp "
        "(không tìm thấy vlan SW9:20 trong tập cấu hình được cung cấp)"
    )


ROUTER_CFG = """\
hostname R1
!
interface GigabitEthernet0/0
 description Internet
 ip address 192.0.2.2 255.255.255.252
!
interface GigabitEthernet0/1
 description WIFI-KHACH
 ip address 10.0.40.1 255.255.255.0
!
interface GigabitEthernet0/2
 description link to the core switch (not supplied)
 ip address 10.0.99.1 255.255.255.252
!
ip route 0.0.0.0 0.0.0.0 192.0.2.1
ip route 10.0.10.0 255.255.255.0 10.0.99.2
!
end
"""

SITE = """\
unit: "UBND xã Thử Nghiệm"
level: 2
zones:
  guest: {kind: guest, subnets: [10.0.40.0/24], attach: ["R1:GigabitEthernet0/1"]}
  staff: {kind: internal, subnets: [10.0.10.0/24]}
  internet: {kind: external, attach: ["R1:GigabitEthernet0/0"]}
"""


@pytest.fixture(scope="module")
def next_hop_doc(tmp_path_factory):
    from netaudit.audit import run_audit
    from netaudit.report import RenderOptions
    from netaudit.report.json_report import audit_dict

    d = tmp_path_factory.mktemp("nexthop")
    (d / "r1.cfg").write_text(ROUTER_CFG, encoding="utf-8")
    (d / "site.yaml").write_text(SITE, encoding="utf-8")
    audit = run_audit([str(d)])
    return audit, json.loads(json.dumps(audit_dict(audit, RenderOptions())))


def test_json_keeps_english_reason_and_adds_reason_text(next_hop_doc):
    _, doc = next_hop_doc
    cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("guest", "staff"))
    assert cell["verdict"] == "unknown"
    assert isinstance(cell["reason"], str) and "10.0.99.2" in cell["reason"]
    assert cell["reason_text"]["en"] == cell["reason"]
    assert NEXT_HOP_VI in cell["reason_text"]["vi"]
    staff = next(z for z in doc["zones"] if z["name"] == "staff")
    assert staff["problems"] == ["no interface in the snapshot is connected to its subnets"]
    assert staff["problems_text"] == [
        {
            "vi": "không có giao diện nào trong tập cấu hình được cung cấp nối với dải địa chỉ của vùng",
            "en": "no interface in the snapshot is connected to its subnets",
        }
    ]
    finding = next(f for f in doc["findings"] if f["check"] == "unknown-verdict" and f["zones"] == ["guest", "staff"])
    assert cell["reason_text"]["vi"] in finding["detail"]["vi"]
    assert cell["reason"] in finding["detail"]["en"]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_vietnamese_report_shows_vietnamese_reason(next_hop_doc, fmt):
    from netaudit.report import RenderOptions, render_doc

    _, doc = next_hop_doc
    cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("guest", "staff"))
    vi = render_doc(doc, fmt, RenderOptions(lang="vi"))
    en = render_doc(doc, fmt, RenderOptions(lang="en"))
    if fmt == "html":
        import html

        vi, en = html.unescape(vi), html.unescape(en)
    assert "10.0.99.2" in vi and NEXT_HOP_VI in vi
    assert "which is not in the snapshot" not in vi
    assert "không có giao diện nào trong tập cấu hình được cung cấp" in vi
    assert cell["reason"] in en.replace("\\", "")


def test_old_json_without_reason_text_falls_back_to_english(next_hop_doc):
    from netaudit.report import RenderOptions, render_doc

    _, doc = next_hop_doc
    for c in doc["matrix"]:
        c.pop("reason_text", None)
    for z in doc["zones"]:
        z.pop("problems_text", None)
    out = render_doc(doc, "md", RenderOptions(lang="vi"))
    assert "which is not in the snapshot" in out


def test_terminal_summary_in_vietnamese(next_hop_doc):
    from netaudit.report import RenderOptions
    from netaudit.report.text import render

    audit, _ = next_hop_doc
    out = render(audit, RenderOptions(lang="vi"))
    assert "không có giao diện nào trong tập cấu hình được cung cấp" in out
    assert NEXT_HOP_VI in out  # the unknown-verdict finding's detail
    assert "which is not in the snapshot" not in out


def test_a_text_may_have_fields_named_key_and_lang(monkeypatch):
    """The catalogue's own arguments are positional: a configuration's "key" or "lang"
    setting quoted in a reason is a field like any other (it made Text() raise)."""
    monkeypatch.setitem(messages.CATALOGUE, "test.fields", {"vi": "{key} / {lang}", "en": "{key} - {lang}"})
    text = messages.Text("test.fields", key="psk", lang="vi-VN")
    assert str(text) == "psk - vi-VN" and text.render("vi") == "psk / vi-VN"
    assert messages.both("test.fields", key="a", lang="b") == {"vi": "a / b", "en": "a - b"}


def test_the_reverse_path_check_detail_is_worded_in_both_languages(tmp_path):
    """The detail of "the reverse-path check may pass or drop these packets" (Linux
    rp_filter strict for all but not given per interface; FortiOS src-check) is a
    catalogue text: a Vietnamese report says it in Vietnamese."""
    from helpers import SAMPLES

    from netaudit.inputs import load_snapshot

    sample = SAMPLES / "linux-commune-leaky" / "ubnd-xa-an-phu.txt"
    dump = tmp_path / sample.name
    dump.write_text(sample.read_text().replace("net.ipv4.conf.all.rp_filter = 2", "net.ipv4.conf.all.rp_filter = 1"))
    fgt = next((SAMPLES / "fortigate-ttpvhcc-leaky-admin").glob("*.conf"))
    snap = load_snapshot([dump, fgt])
    details = [i.urpf_unsure for d in snap.devices for i in d.interfaces.values() if i.urpf_unsure]
    keys = {t.key for t in details if isinstance(t, Text)}
    assert keys == {"input.linux.rp_filter_unsure", "input.fortios.src_check_any_route"}
    assert all(isinstance(t, Text) and t.render("vi") != str(t) for t in details)
