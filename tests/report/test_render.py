"""Report content and determinism (HTML, Markdown, JSON, SARIF, drawio) from the JSON document."""

from __future__ import annotations

import copy
import json
import re
import string
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.report import RenderOptions, prepare_doc, render_doc
from netaudit.report.markdown import code, md, tcode

from .conftest import ROOT, cli, render, sample_doc


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


@pytest.mark.parametrize("fmt", ["html", "md", "sarif", "json"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deterministic(fmt, lang):
    assert render("leaky", fmt, lang) == render("leaky", fmt, lang)


def test_html_is_self_contained():
    html = render("leaky", "html", "vi")
    p = _parse(html)
    tags = {t for t, _ in p.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    for _, attrs in p.tags:
        for k, val in attrs.items():
            assert not k.startswith("on"), k
            if k in ("src", "href") and val:
                assert val.startswith("#"), (k, val)  # in-page anchors only
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<svg" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
    )
    assert "https://" not in html


def test_html_content_vi():
    doc = sample_doc("leaky")
    html = render("leaky", "html", "vi")
    text = " ".join(_parse(html).text)
    for heading in (
        "BÁO CÁO KẾT QUẢ KIỂM TRA PHÂN VÙNG MẠNG",
        "Phạm vi kiểm tra và bằng chứng",
        "Sơ đồ mạng lô-gic",
        "Ma trận truy cập giữa các vùng mạng",
        "Tồn tại, hạn chế và kiến nghị khắc phục",
        "Đánh giá mức độ đáp ứng yêu cầu theo cấp độ",
        "Danh mục thiết bị",
        "Xác nhận",
    ):
        assert heading in text, heading
    assert "Không đạt" in text and "UBND xã Hòa Bình" in text and "ngày 02 tháng 9 năm 2026" in text
    for f in doc["inputs"]:
        assert f["sha256"] in text
    for sev in ("Nghiêm trọng", "Cao", "Trung bình", "Thấp"):
        assert sev in text
    assert "Mạng Wi-Fi khách truy cập được vào vùng mạng nội bộ" in text
    assert "core-sw.cfg:372" in text and "permit ip 10.10.40.0 0.0.0.255 10.10.0.0 0.0.255.255" in text
    assert "Đáp ứng" in text and "Không đáp ứng" in text and "Không áp dụng" in text
    assert "IP Private" in text and "IP Public" in text and "203.0.113.6/30" in text
    assert "(Ký, ghi rõ họ tên, chức vụ)" in text
    # matrix: violations highlighted, services shown as "chỉ …"
    assert html.count('class="v-violation"') == sum(1 for c in doc["matrix"] if c["violation"])
    assert "chỉ tcp/80, tcp/443" in text
    # the diagram draws leaking paths in red
    assert 'stroke="#c62828"' in html


def test_findings_most_severe_first_with_witness_paths():
    html = render("leaky", "html", "en")
    sevs = re.findall(r'<article class="finding (\w+)"', html)
    order = ["critical", "high", "medium", "low", "info"]
    assert sevs == sorted(sevs, key=order.index) and sevs[0] == "critical"
    first = html[html.index('<article class="finding critical"') :]
    first = first[: first.index("</article>")]
    assert '<ol class="hops">' in first and "UBNDHB-CORE: in Vlan40" in first
    # The device has a change-set generator: the finding points to the plan instead of
    # proposing a fragment of its own (issue #13: fragments competed for one interface).
    assert "in device UBNDHB-CORE&#39;s change set" in first or "in device UBNDHB-CORE's change set" in first
    assert 'href="#remedy-UBNDHB-CORE"' in first
    assert "Example configuration" not in first and "ip access-group" not in first


def test_every_reachable_cell_has_an_ordered_witness_path():
    doc = sample_doc("leaky")
    html = render("leaky", "html", "en")
    for c in doc["matrix"]:
        if c["verdict"] != "reachable":
            continue
        anchor = "flow-" + "".join(ch if ch.isalnum() else "-" for ch in f"{c['src']}--{c['dst']}")
        block = html[html.index(f'id="{anchor}"') :]
        block = block[: block.index('</div>\n<div class="flow') if '</div>\n<div class="flow' in block else None]
        assert '<ol class="hops">' in block, anchor


def test_english_report_is_english():
    text = " ".join(_parse(render("compliant", "html", "en")).text)
    assert "NETWORK SEGMENTATION AND DEVICE CONFIGURATION INSPECTION REPORT" in text
    assert "Overall conclusion" in text and "Pass" in text and "2026-09-02" in text
    assert "Báo cáo" not in text and "Kết luận" not in text


def test_compliant_report_concludes_pass():
    for lang, word in (("vi", "Đạt"), ("en", "Pass")):
        html = render("compliant", "html", lang)
        assert f'<span class="verdict">{word}</span>' in html
        md_text = render("compliant", "md", lang)
        assert f"{word.upper()}**" in md_text


def test_standard_option_switches_regime():
    html = render("leaky", "html", "vi", standard="tt12-2022")
    assert "Thông tư 12/2022/TT-BTTTT (Nghị định 85/2016/NĐ-CP, TCVN 11930:2017)" in html
    assert "TT 12/2022/TT-BTTTT, Phụ lục II, Mục II.1.a" in html
    default = render("leaky", "html", "vi")
    assert "TCVN 14423:2026 (tham khảo), mục 4.12.2.2.b" in default
    assert "--standard tt12-2022" in default  # the other regime is still listed


def test_cover_fields_from_options_and_site():
    doc = sample_doc("leaky")
    doc["site"].update(address="Thôn 2, xã Hòa Bình", prepared_by="Lê Thị B")
    html = render_doc(
        doc, "html", RenderOptions(lang="vi", inspected_by="Đại úy Trần Văn C", inspection_date="2026-09-05")
    )
    text = " ".join(_parse(html).text)
    for want in ("Thôn 2, xã Hòa Bình", "Lê Thị B", "Đại úy Trần Văn C", "ngày 05 tháng 9 năm 2026"):
        assert want in text


def test_site_devices_feed_the_inventory():
    doc = sample_doc("leaky")
    doc["site"]["devices"] = {
        "UBNDHB-CORE": {
            "location": "Phòng máy chủ, tầng 1",
            "purpose": "Chuyển mạch trung tâm",
            "type": "Cisco Catalyst WS-C3750X-24P",
        }
    }
    text = " ".join(_parse(render_doc(doc, "html", RenderOptions(lang="vi"))).text)
    assert "Phòng máy chủ, tầng 1" in text and "Cisco Catalyst WS-C3750X-24P" in text


def test_report_from_saved_json_equals_direct_render(tmp_path):
    """`netaudit report audit.json` is load-and-render: same bytes as `netaudit audit --format …`."""
    sample = "sample_configs/cisco-commune-leaky"
    saved = tmp_path / "audit.json"
    assert cli("audit", sample, "--format", "json", "-o", saved).returncode == 1
    for fmt in ("html", "md", "sarif"):
        direct, again = tmp_path / f"direct.{fmt}", tmp_path / f"again.{fmt}"
        assert cli("audit", sample, "--format", fmt, "-o", direct, "--lang", "en").returncode == 1
        assert cli("report", saved, "--format", fmt, "-o", again, "--lang", "en").returncode == 0
        assert direct.read_bytes() != b""
        if fmt == "sarif":
            assert direct.read_bytes() == again.read_bytes()
        else:  # the .drawio name differs (direct.drawio / again.drawio)
            assert direct.read_text().replace("direct.drawio", "X") == again.read_text().replace("again.drawio", "X")


def test_old_json_without_compliance_is_evaluated():
    doc = sample_doc("compliant")
    for key in ("compliance", "conclusion", "topology", "generated"):
        doc.pop(key)
    html = render_doc(doc, "html", RenderOptions(lang="en"))
    # Without the topology the devices' management services are unknown: no "Pass" on faith.
    assert '<span class="verdict">Needs further checking</span>' in html
    assert "No management service was found" in html
    assert "the JSON has no topology section" in html
    doc = sample_doc("leaky")
    doc.pop("compliance")
    assert '<span class="verdict">Fail</span>' in render_doc(doc, "html", RenderOptions(lang="en"))


def test_markdown_structure_and_escaping():
    text = render("leaky", "md", "vi")
    # the national header (a two-column table) comes first, then the title
    assert text.startswith("| **UBND XÃ HÒA BÌNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |")
    assert "\n# BÁO CÁO KẾT QUẢ KIỂM TRA" in text
    assert (
        "| Từ ↓ / Đến → | Vùng mạng nội bộ (staff) | Vùng máy chủ nội bộ (servers) | Vùng Bộ phận Một cửa (counter) "
        "| Vùng mạng Wi-Fi khách (guest) | Vùng quản trị (mgmt) | Internet | Thiết bị mạng (giao diện quản trị) |"
        in text
    )
    assert re.search(r"^## 4\. Tồn tại, hạn chế", text, re.M)
    # tables: every row of the matrix has the same number of cells
    rows = [ln for ln in text.splitlines() if ln.startswith("| **") and "Truy cập được" in ln]
    assert rows and len({ln.count(" |") for ln in rows}) == 1
    # Findings in a change set point to the plan instead of a fragment of their own ...
    assert "```\nno ip http server" not in text
    assert "Câu lệnh: trong bộ thay đổi của thiết bị UBNDHB-CORE (Kế hoạch khắc phục)" in text
    # ... and a document without a plan (an older JSON) still shows them, as code blocks.
    from netaudit.report import RenderOptions, render_doc

    planless = {k: v for k, v in sample_doc("leaky").items() if k != "remedy"}
    assert "```\nno ip http server" in render_doc(planless, "md", RenderOptions(lang="vi"))
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md("a|b *c* _d_ [e](f)") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f)"
    assert md("1. item") == "1\\. item" and md("# x") == "\\# x"
    assert code("a`b") == "`` a`b ``" and tcode("x|y") == "`x\\|y`"


@pytest.mark.parametrize("sample", ["leaky", "compliant"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_matrix_table_at_the_front(sample, lang):
    """Issue #14: the zone matrix table (with its intro) follows the conclusion and the
    root causes, before section 1; section 3 keeps its number, title and flow details and
    points back to the table; the table is printed once, and every in-page link resolves."""
    from netaudit.messages import t

    title, section = t("matrix.summary.title", lang), t("section.matrix", lang)
    md_text = render(sample, "md", lang)
    corner = f"| {md(t('matrix.corner', lang))} |"
    assert md_text.count(corner) == 1  # printed once (no reference model in the samples)
    table, scope = md_text.index(corner), md_text.index("\n## 1. ")
    assert md_text.index(f"\n## {md(title)}\n") < table < scope
    if sample == "leaky":
        assert md_text.index(f"\n## {md(t('rootcause.title', lang))}\n") < md_text.index(f"\n## {md(title)}\n")
    assert md_text.index(md(t("matrix.intro", lang))) < table
    sec3 = md_text[md_text.index(f"\n## 3. {md(section)}\n") :]
    sec3 = sec3[: sec3.index("\n## 4. ")]
    assert sec3.split("\n")[3] == md(t("matrix.summary.back", lang, title=title))
    assert f"### {md(t('matrix.details', lang))}" in sec3 and md(t("matrix.intro", lang)) not in sec3

    html = render(sample, "html", lang)
    assert html.count('<table class="matrix">') == 1 and html.count(t("matrix.intro", lang)) == 1
    front = html.index('<section id="matrix-summary">')
    assert front < html.index('<table class="matrix">') < html.index('<section id="scope"')
    assert html.index("</header>") < front
    if sample == "leaky":
        assert html.index('<section id="root-causes">') < front
    matrix = html[html.index('<section id="matrix"') :]
    matrix = matrix[: matrix.index("</section>")]
    assert f"<h2>3. {section}</h2>" in matrix
    assert matrix.index('<a href="#matrix-summary">') < matrix.index(f"<h3>{t('matrix.details', lang)}</h3>")
    assert '<a href="#matrix">' in html[front : html.index('<section id="scope"')]
    p = _parse(html)
    ids = {a["id"] for _, a in p.tags if a.get("id")}
    hrefs = {a["href"][1:] for tag, a in p.tags if tag == "a" and a.get("href", "").startswith("#")}
    assert {"matrix", "matrix-summary"} <= hrefs and hrefs - ids == set()
    cells = re.findall(r'<td class="v-\w+"><a href="#(flow-[^"]+)">', html)
    assert len(cells) == len(sample_doc(sample)["matrix"]) and set(cells) <= ids


def test_json_additions_are_additive():
    doc = sample_doc("leaky")
    assert list(doc)[:12] == [
        "schema",
        "tool",
        "generated",
        "unit",
        "level",
        "site",
        "inputs",
        "zones",
        "matrix",
        "findings",
        "coverage",
        "warnings",
    ]
    assert doc["generated"] == "2026-09-02"
    topo = doc["topology"]
    core = next(d for d in topo["devices"] if d["name"] == "UBNDHB-CORE")
    assert core["role"] == "l3-switch" and core["vendor"] == "cisco_ios"
    vlan40 = next(i for i in core["interfaces"] if i["name"] == "Vlan40")
    assert vlan40["addresses"] == ["10.10.40.1/24"] and vlan40["filter_in"] == "ACL-WIFI-KHACH-IN"
    guest_dom = next(d for d in topo["domains"] if "guest" in d["zones"])
    assert guest_dom["id"] == vlan40["domain"] and "UBNDHB-CORE:Vlan40" in guest_dom["interfaces"]
    assert topo["links"] == [
        {
            "a": "UBNDHB-CORE:GigabitEthernet1/0/24",
            "b": "UBNDHB-RT:GigabitEthernet0/1",
            "domain": topo["links"][0]["domain"],
        }
    ]
    assert all("domains" in z for z in doc["zones"])
    assert doc["conclusion"]["verdict"] == "fail"


def test_drawio_is_valid_xml_with_escaped_labels():
    from netaudit.report.drawio import render as drawio

    doc = sample_doc("leaky")
    doc["zones"][0]["name"] = 'st<a>"ff{0}'
    for dom in doc["topology"]["domains"]:
        dom["zones"] = ['st<a>"ff{0}' if z == "staff" else z for z in dom["zones"]]
    xml = drawio(doc, "vi")
    root = ET.fromstring(xml)
    labels = [o.get("label") for o in root.iter("object")]
    assert any(lbl and 'st<a>"ff{0}' in lbl for lbl in labels)
    assert "html=1" not in xml.split("<object", 1)[1]  # plain-text labels
    assert any("UBNDHB-CORE" in (lbl or "") for lbl in labels)
    reds = [c.get("style") for c in root.iter("mxCell") if "c62828" in (c.get("style") or "")]
    assert reds  # leaking paths in red


def test_prepare_doc_masks_keyword_secrets_again():
    doc = sample_doc("leaky")
    doc["coverage"]["unrecognized_lines"] = [
        {"file": "x.cfg", "line": 1, "text": "snmp-server community Bad-Secret RO"}
    ]
    out = prepare_doc(doc, RenderOptions())
    assert "Bad-Secret" not in json.dumps(out)
    assert "Bad-Secret" in json.dumps(prepare_doc(doc, RenderOptions(show_secrets=True)))


def test_sample_paths_are_relative():
    doc = sample_doc("leaky")
    assert str(ROOT) not in json.dumps(doc)


def test_markdown_renders_with_a_commonmark_renderer(tmp_path):
    """Rendered by markdown-it (CommonMark + GFM tables, raw HTML allowed, as most viewers do)."""
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is in the test extra")
    md_renderer = markdown_it.MarkdownIt("commonmark").enable("table")
    html = md_renderer.render(render("leaky", "md", "vi"))
    # + the national header, the root causes and annex A's two tables; their headings, and
    # the matrix table's own heading at the front (issue #14: the table is still printed once)
    assert html.count("<table>") == 13 and html.count("<h2>") == 10
    assert "<ol>" in html and "<pre><code>" not in html  # commands: in the change sets
    planless = {k: v for k, v in sample_doc("leaky").items() if k != "remedy"}
    from netaudit.report import RenderOptions, render_doc

    html = md_renderer.render(render_doc(planless, "md", RenderOptions(lang="vi")))
    assert "<pre><code>ip access-list extended ACL-WIFI-KHACH-IN-V2" in html
    from .test_browser import PAYLOAD, _xss_sample

    sample = tmp_path / "xss"
    _xss_sample(sample, with_site=True)
    out = tmp_path / "xss.md"
    assert cli("audit", sample, "--format", "md", "-o", out, "--inspector", PAYLOAD).returncode in (0, 1)
    rendered = md_renderer.render(out.read_text(encoding="utf-8"))
    assert "<script" not in rendered and "<img" not in rendered and "<i>" not in rendered
    assert "&lt;script&gt;" in rendered


def test_json_lists_a_bounded_number_of_unrecognized_lines():
    """A file of garbage must not make a JSON many times its size (docs/limits.md)."""
    from netaudit.audit import run_audit
    from netaudit.model import Src
    from netaudit.report import RenderOptions
    from netaudit.report.json_report import MAX_LINE_CHARS, MAX_LISTED_PER_FILE, audit_dict
    from netaudit.report.view import build as build_view

    audit = run_audit([ROOT / "sample_configs" / "cisco-commune-leaky"])
    rep = audit.snapshot.reports[0]
    rep.unrecognized[:] = [Src(rep.file, i, f"garbage {i} " + "x" * (i % 3) * 400) for i in range(5000)]
    for f in audit.snapshot.inputs:
        if f.path == rep.file:
            f.unrecognized = 5000
    doc = audit_dict(audit, RenderOptions(lang="en"))
    cov = doc["coverage"]
    mine = [u for u in cov["unrecognized_lines"] if u["file"] == rep.file]
    assert len(mine) == MAX_LISTED_PER_FILE and cov["omitted"] == 5000 - MAX_LISTED_PER_FILE
    assert max(len(u["text"]) for u in mine) <= MAX_LINE_CHARS + 1
    view = build_view(doc, RenderOptions(lang="en"))
    [listed] = [u for u in view.limits["unrecognized"] if u["file"] == rep.file]
    assert listed["more"] == 5000 - len(listed["lines"])  # the total, not the listed count


def _leaky_view(lang: str):
    from netaudit.report.view import build

    options = RenderOptions(lang=lang)
    return build(prepare_doc(sample_doc("leaky"), options), options)


def _group_of(view, fid: str) -> dict:
    f = next(f for f in view.findings if f["id"] == fid)
    return view.root_causes[f["root"] - 1]


def test_root_cause_lines_each_once_defaults_told_by_their_text():
    """A finding citing three vendor defaults (no line number, different texts) and one
    line twice (a witness path through it twice): its root cause names each once."""
    from netaudit.report.view import build

    doc = copy.deepcopy(sample_doc("leaky"))
    f = doc["findings"][0]
    f["evidence"] = [
        {"file": "r.rsc", "line": None, "text": "/tool mac-server mac-telnet (default)"},
        {"file": "r.rsc", "line": None, "text": "/tool mac-server mac-winbox (default)"},
        {"file": "r.rsc", "line": None, "text": "/ip neighbor discovery-settings (default)"},
        {"file": "r.rsc", "line": 7, "text": "set ssh address=10.99.0.0/16"},
        {"file": "r.rsc", "line": 7, "text": "set ssh address=10.99.0.0/16"},
    ]
    f.pop("witness", None)
    options = RenderOptions(lang="en")
    view = build(prepare_doc(doc, options), options)
    rc = view.root_causes[next(g for g in view.findings if g["id"] == f["id"])["root"] - 1]
    assert [e["text"] for e in rc["lines"]] == [e["text"] for e in f["evidence"][:4]]


def test_root_causes_group_findings_by_their_decisive_lines():
    """The five guest findings cite one ACL line: one root cause; Telnet and the two vty
    findings cite one `transport input` line: one root cause (docs/report.md, "Root causes")."""
    doc = sample_doc("leaky")
    view = _leaky_view("vi")
    ids = {f["check"]: [] for f in doc["findings"]}
    for f in doc["findings"]:
        ids[f["check"]].append(f["id"])
    guest = {_group_of(view, fid)["no"] for fid in ids["guest-isolation"]}
    assert len(ids["guest-isolation"]) == 5 and len(guest) == 1
    rc = view.root_causes[guest.pop() - 1]
    assert [(e["loc"], e["text"]) for e in rc["lines"]] == [
        ("core-sw.cfg:372", "permit ip 10.10.40.0 0.0.0.255 10.10.0.0 0.0.255.255")
    ]
    assert len(rc["findings"]) == 5 and rc["severity"] == "critical" and rc["no"] == 1
    mgmt = {_group_of(view, fid)["no"] for fid in ids["mgmt-telnet"] + ids["mgmt-vty-no-access-class"]}
    assert len(mgmt) == 1
    rc = view.root_causes[mgmt.pop() - 1]
    assert [e["loc"] for e in rc["lines"]] == ["core-sw.cfg:408"] and len(rc["findings"]) == 3
    # the undefined ACL and the flows it lets through; an unrelated line stays on its own
    assert _group_of(view, ids["undefined-reference"][0]) is _group_of(view, ids["policy-violation"][0])
    assert len(_group_of(view, ids["mgmt-http-server"][0])["findings"]) == 1
    # every finding in exactly one root cause, numbered in print order, the lead first and most severe
    assert [f["no"] for f in view.findings] == list(range(1, len(doc["findings"]) + 1))
    assert sorted(c["no"] for r in view.root_causes for c in r["findings"]) == [f["no"] for f in view.findings]
    order = ["critical", "high", "medium", "low", "info"]
    for r in view.root_causes:
        members = [view.findings[c["no"] - 1] for c in r["findings"]]
        assert members[0]["lead"] and not any(m["lead"] for m in members[1:])
        assert all(m["lead_no"] == members[0]["no"] for m in members)
        assert r["severity"] == min((m["severity"] for m in members), key=order.index)
    # the cover counts them
    assert {"label": "Nguyên nhân gốc", "n": len(view.root_causes)} in view.summary


def test_root_causes_never_merge_lines_of_different_devices():
    from netaudit.report.findings_view import cited_lines, root_cause_key

    a = {"check": "mgmt-telnet", "evidence": [{"file": "a.cfg", "line": 10, "text": "transport input telnet"}]}
    b = {"check": "mgmt-telnet", "evidence": [{"file": "b.cfg", "line": 10, "text": "transport input telnet"}]}
    header = {"check": "x", "evidence": [{"file": "a.cfg", "line": 3, "text": "interface Vlan10"}]}
    flow = {
        "check": "guest-isolation",
        "witness": {"hops": []},
        "evidence": [
            {"file": "a.cfg", "line": 3, "text": "interface Vlan10"},
            {"file": "a.cfg", "line": 10, "text": "x"},
        ],
    }
    cited = cited_lines([a, b, header, flow])
    assert root_cause_key(a, 0, cited) != root_cause_key(b, 1, cited)
    # an interface header is context: the flow's root cause is the permitting line
    assert root_cause_key(flow, 3, cited) == root_cause_key(a, 0, cited)
    # without evidence: a root cause of its own
    assert root_cause_key({"check": "x"}, 5, cited) != root_cause_key({"check": "x"}, 6, cited)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_section_4_prints_consequences_compactly_and_every_href_resolves(lang):
    html = render("leaky", "html", lang)
    p = _parse(html)
    ids = {a.get("id") for _, a in p.tags if a.get("id")}
    hrefs = [a["href"] for t, a in p.tags if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and all(h[1:] in ids for h in hrefs), sorted({h for h in hrefs if h[1:] not in ids})
    # the root-cause table comes before section 1 and links to every finding
    assert html.index('id="root-causes"') < html.index('id="scope"')
    table = html[html.index('id="root-causes"') : html.index('id="scope"')]
    view = _leaky_view(lang)
    for f in view.findings:
        assert f'href="#finding-{f["no"]}"' in table
    # a consequence: no evidence, witness or remediation of its own; it refers to its lead
    for f in view.findings:
        start = html.index(f'id="finding-{f["no"]}"')
        entry = html[start : html.index("</article>", start)]
        if f["lead"]:
            assert "consequence" not in html[start - 60 : start]
        else:
            assert 'class="hops"' not in entry and "<pre>" not in entry and 'class="ev"' not in entry
            assert f'href="#finding-{f["lead_no"]}"' in entry
    md = render("leaky", "md", lang)
    assert md.index("## " + ("Nguyên nhân gốc" if lang == "vi" else "Root causes")) < md.index("## 1. ")


def test_compact_consequences_shorten_the_report():
    """Section 4 of the leaky sample: 21 findings, 10 root causes (the Smart Install state its
    core switch does not show is one of its own); no evidence block is repeated."""
    view = _leaky_view("vi")
    assert len(view.findings) == 21 and len(view.root_causes) == 10
    md = render("leaky", "md", "vi")
    section = md[md.index("## 4. ") : md.index("## 5. ")]
    assert section.count("core-sw.cfg:372") == 2  # the lead's evidence and its witness path


def test_remediation_plan_says_cleartext_only_of_cleartext_services():
    """A plan that turns off every management service (no management zone) names SSH
    plainly and only Telnet and HTTP as cleartext (the plan carries the model's flag)."""
    doc = json.loads(json.dumps(sample_doc("leaky")))
    device = doc["remedy"]["devices"][0]
    device["restricts"] = [
        {"service": "ssh", "off": True, "cleartext": False, "allow_from": [], "zones": ["guest"]},
        {"service": "telnet", "off": True, "cleartext": True, "allow_from": [], "zones": ["guest"]},
    ]
    text = render_doc(doc, "md", RenderOptions(lang="en"))
    assert "turn off ssh" in text and "turn off ssh (cleartext)" not in text
    assert "turn off telnet (cleartext)" in text
    vi = render_doc(doc, "md", RenderOptions(lang="vi"))
    assert "tắt dịch vụ quản trị ssh" in vi and "ssh (không mã hóa)" not in vi


def _md_every_pass(value) -> str:
    """markdown.md without its shortcut: every escape applied in turn."""
    from netaudit.report import markdown

    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = markdown._MD_SPECIAL.sub(r"\\\1", text)
    text = markdown._UNDERSCORE.sub(r"\\_", text)
    text = markdown._ORDERED.sub(r"\1\\\2", text)
    return markdown._LINE_START.sub(r"\\\1", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*string.printable, "Ủ", "đ", "—", "\u202e"]), max_size=14))
def test_markdown_inline_shortcut_escapes_as_every_pass(text):
    """md() returns text with nothing to escape as it is (most strings of a report: the
    Markdown of an audit of 50,000 findings spent 11 s in escaping passes, issue #15);
    the result is always what every escaping pass gives."""
    assert md(text) == _md_every_pass(text)


def test_a_blocked_flow_no_line_stops_says_why(tmp_path):
    """A flow blocked by no route (a DHCP client RouterOS does not run: on a bridge port)
    cites no filter line: the cell carries the drop reason, in both languages, and every
    format prints it where the blocking lines go (it printed "-")."""
    from netaudit.audit import run_audit
    from netaudit.report.json_report import audit_dict

    (tmp_path / "r.rsc").write_text(
        "# dec/27/2023 11:50:57 by RouterOS 6.49.7\n/interface bridge\nadd name=bridge\nadd name=wan\n"
        "/interface bridge port\nadd bridge=bridge interface=ether2\nadd bridge=wan interface=ether5\n"
        "/ip address\nadd address=192.168.3.1/24 interface=bridge network=192.168.3.0\n"
        "/ip dhcp-client\nadd disabled=no interface=ether5\n"
    )
    (tmp_path / "site.yaml").write_text(
        "unit: t\nlevel: 2\nzones:\n  staff: {kind: internal, subnets: [192.168.3.0/24], attach: ['r:bridge']}\n"
        "  internet: {kind: external, attach: ['r:ether5']}\n"
    )
    doc = audit_dict(run_audit([tmp_path]), RenderOptions())
    cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("staff", "internet"))
    assert cell["verdict"] == "blocked" and "blocked_by" not in cell
    assert cell["dropped"] == ["r: no route"]  # not the broadcast/multicast drops of every router
    assert cell["dropped_text"][0]["vi"] == "r: không có tuyến"
    for fmt, lang, want in (
        ("md", "en", "| r: no route |"),
        ("md", "vi", "| r: không có tuyến |"),
        ("html", "en", "r: no route"),
    ):
        assert want in render_doc(doc, fmt, RenderOptions(lang=lang))


@pytest.mark.parametrize(
    "text,vi",
    [
        # an IOS access-group naming a missing ACL: the line, then the note in the reader's language
        (
            "ip access-group ACL-MOT-CUA-IN in  ! ACL ACL-MOT-CUA-IN is not defined: IOS permits every packet",
            "ip access-group ACL-MOT-CUA-IN in — ACL ACL-MOT-CUA-IN không tồn tại: IOS cho qua mọi gói tin",
        ),
        (
            "allowaccess VL99-QUANTRI capwap: not an address of this interface, or source not allowed",
            "allowaccess VL99-QUANTRI capwap: không phải địa chỉ của giao diện này, hoặc nguồn không được phép",
        ),
        (
            "asa-forward-policy: implicit deny (no access rule or security level permits it) (deny)",
            "asa-forward-policy: chặn ngầm định (không có quy tắc truy cập hay mức bảo mật nào cho phép) (chặn)",
        ),
    ],
)
def test_vendor_notes_in_cited_lines_are_in_the_reader_s_language(text, vi):
    """The Vietnamese report printed these English notes as configuration lines.  (A
    default action is cited in both languages now, ``text_text``: these are the English
    citations of an older JSON document, and the IOS parser's note on a line.)"""
    from netaudit.report.words import cite_view

    got = cite_view({"file": "x.cfg", "line": 9, "text": text}, "vi")
    assert got["default"] and got["text"] == vi
    assert cite_view({"file": "x.cfg", "line": 9, "text": text}, "en")["default"]


def test_legal_references_are_worded_in_english_in_an_english_report():
    """The English report printed the references' Vietnamese notes ("(tham khảo)", "(số
    mục suy luận)": a caveat an English reader could not read)."""
    from netaudit.checks import REF_ND331
    from netaudit.report.words import reference_words

    en = reference_words(REF_ND331, "en")
    assert en.startswith("Decree 331/2026/NĐ-CP, Article 27.2.c–đ (configuration check, device hardening)")
    assert "(for reference)" in en and "tham khảo" not in en
    assert reference_words("TCVN 14423:2026 (tham khảo), mục 4.12.2.4 (số mục suy luận)", "en") == (
        "TCVN 14423:2026 (for reference), clause 4.12.2.4 (clause number inferred)"
    )
    assert reference_words(REF_ND331, "vi") == REF_ND331


def test_ios_fallback_snippets_are_one_configuration_in_either_language():
    """A segmentation finding whose check carries no configuration example gets a Cisco
    IOS one (report/findings_view.py): the configuration is the same text in both
    languages, only its remark/comment is translated — and the isolation example keeps
    DNS to the gateway over TCP too (answers too large for UDP, RFC 7766)."""
    from netaudit.report.findings_view import _extra_snippet
    from netaudit.report.view import View

    doc = {
        "topology": {
            "devices": [
                {
                    "name": "UBND-RT",
                    "vendor": "cisco_ios",
                    "interfaces": [{"name": "Vlan40", "addresses": ["10.10.40.1/24"], "filter_in": None}],
                }
            ]
        }
    }
    hops = {"hops": [{"device": "UBND-RT", "in": "Vlan40"}]}
    isolate = {"check": "guest-isolation", "zones": ["guest", "staff"], "remediation": "x", "witness": hops}
    deny = {"check": "policy-violation", "zones": ["guest", "staff"], "remediation": "x", "witness": hops}
    got = {}
    for lang in ("vi", "en"):
        v = View(lang, doc, RenderOptions(lang=lang))
        got[lang] = (
            _extra_snippet(v, isolate, {})["code"],
            _extra_snippet(v, deny, {"staff": ["10.10.10.0/24"]})["code"],
        )
    assert " remark Chi cho phep DHCP/DNS toi gateway va truy cap Internet" in got["vi"][0]
    assert " remark Allow only DHCP/DNS to the gateway and Internet access" in got["en"][0]
    assert " ! dat TRUOC cac dong permit rong hon:" in got["vi"][1]
    assert " ! place BEFORE any broader permit:" in got["en"][1]
    for i in (0, 1):  # one configuration: the lines but the remark/comment are the same
        strip = [[ln for ln in got[lang][i].splitlines() if not ln.startswith((" remark", " !"))] for lang in got]
        assert strip[0] == strip[1]
    assert " permit tcp any host 10.10.40.1 eq domain" in got["en"][0]
    assert " deny   ip any 10.10.10.0 0.0.0.255" in got["en"][1]
    assert "ip access-list extended ACL-GUEST-IN" in got["vi"][0]
