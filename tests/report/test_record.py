"""The report as the inspection record needs it (issue 14, "The record"): the national
header, the report's number and the record it is attached to; blank dotted lines for what
is filled in by hand; the site file hashed and shown in an annex; out-of-scope rows that do
not read "does not apply"; the level's name under each regime; internal ids, service syntax
and vendor defaults in words; cross-references by section, never to the JSON.

Checked in the HTML (and Markdown), in Vietnamese and English, and in the PDF text where the
paper is what matters."""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import re
import subprocess

import pytest
from helpers import ROOT, audit_cli, copy_sample

from .conftest import PDFTOTEXT, cli, render, sample_doc

RECORD = {"doc_number": "15/BC-ĐKT", "record_number": "07/BB-ĐKT", "record_date": "2026-09-02"}
DOTS = "……………………………"


def _text(html: str) -> str:
    """The visible text of a report, one space between words (no SVG, no style)."""
    html = re.sub(r"<(svg|style|head)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _section(html: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}".*?</section>', html, flags=re.S)
    assert m, sid
    return _text(m.group(0))


def _routeros_doc() -> dict:
    """The JSON document of the RouterOS firewall sample (proto/ runs, RouterOS defaults)."""
    import os

    from netaudit.audit import run_audit
    from netaudit.report import RenderOptions
    from netaudit.report.json_report import audit_dict

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return audit_dict(run_audit(["sample_configs/routeros-commune-leaky-firewall"]), RenderOptions())
    finally:
        os.chdir(old)


# --------------------------------------------------------------------------- 1. national header, number, record


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 15/BC-ĐKT",
                "Kèm theo Biên bản kiểm tra số 07/BB-ĐKT ngày 02 tháng 9 năm 2026",
            ],
        ),
        (
            "en",
            [
                "SOCIALIST REPUBLIC OF VIET NAM",
                "Independence - Freedom - Happiness",
                "No.: 15/BC-ĐKT",
                "Annex to inspection record No. 07/BB-ĐKT of 2026-09-02",
            ],
        ),
    ],
)
def test_national_header_html(lang, expected):
    html = render("leaky", "html", lang, **RECORD)
    header = re.search(r'<table class="national">.*?</table>', html, flags=re.S)
    assert header, "no national header"
    # Two columns: the issuing unit and its number left, Quốc hiệu and Tiêu ngữ right.
    issuer, state = re.findall(r"<td class=\"(?:issuer|state)\">(.*?)</td>", header.group(0), flags=re.S)
    assert "UBND XÃ HÒA BÌNH" in _text(issuer) and expected[2] in _text(issuer)
    assert expected[0] in _text(state) and expected[1] in _text(state)
    cover = _text(html.split("<h1>", 1)[1].split("</table>", 1)[0])
    assert expected[3] in cover
    # the header comes before the title
    assert html.index('class="national"') < html.index("<h1>")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_national_header_markdown(lang):
    md = render("leaky", "md", lang, **RECORD)
    head = md.split("\n# ", 1)[0]
    assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if lang == "vi" else "SOCIALIST REPUBLIC OF VIET NAM") in head
    assert "15/BC-ĐKT" in head
    assert "07/BB-ĐKT" in md.split("\n# ", 1)[1].split("\n\n", 2)[1]


def test_record_fields_from_site_file(tmp_path):
    folder = copy_sample(tmp_path, "cisco-commune-leaky")
    site = folder / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8")
        + 'doc_number: "21/BC-CAX"\nrecord_number: "09/BB-ĐKT"\nrecord_date: 2026-09-03\n',
        encoding="utf-8",
    )
    code, out, err = audit_cli(folder, fmt="json")
    assert code == 1, err
    doc = json.loads(out)
    assert {k: doc["site"][k] for k in RECORD} == {
        "doc_number": "21/BC-CAX",
        "record_number": "09/BB-ĐKT",
        "record_date": "2026-09-03",
    }
    # the command line wins over the site file
    code, out, err = audit_cli(folder, "--doc-number", "22/BC-CAX", "--record-date", "2026-09-04", fmt="json")
    doc = json.loads(out)
    assert doc["site"]["doc_number"] == "22/BC-CAX" and doc["site"]["record_date"] == "2026-09-04"
    assert doc["site"]["record_number"] == "09/BB-ĐKT"


def test_record_date_validated(tmp_path):
    folder = copy_sample(tmp_path, "cisco-commune-leaky")
    site = folder / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "record_date: 2026-13-40\n", encoding="utf-8")
    code, _out, err = audit_cli(folder, fmt="json")
    assert code == 2 and "record_date" in err
    res = cli("audit", "sample_configs/cisco-commune-leaky", "--format", "json", "--record-date", "2.9.2026")
    assert res.returncode == 2 and b"--record-date" in res.stderr


# --------------------------------------------------------------------------- 2. blanks to fill in by hand


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_fields_are_dotted_lines(lang):
    html = render("leaky", "html", lang)
    text = _text(html)
    assert "(chưa ghi)" not in text and "(not given)" not in text
    cover = _text(html.split('<table class="cover-table">', 1)[1].split("</table>", 1)[0])
    # address, inspected by, prepared by: three dotted lines; the number and the record too
    assert cover.count(DOTS) == 3
    assert "………/………" in _text(html.split("<h1>", 1)[0] + html.split("</h1>", 1)[1].split("</p>", 1)[0])
    inventory = _section(html, "inventory")
    assert DOTS in inventory  # locations not declared in site.yaml
    md = render("leaky", "md", lang)
    assert "(chưa ghi)" not in md and "(not given)" not in md and DOTS in md


# --------------------------------------------------------------------------- 3. the site file as evidence


def test_site_file_hashed_in_json():
    doc = sample_doc("leaky")
    raw = (ROOT / "sample_configs/cisco-commune-leaky/site.yaml").read_bytes()
    assert doc["site"]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert doc["site"]["policy"][0] == {
        "from": "counter",
        "to": "servers",
        "services": ["tcp/80", "tcp/443"],
        "line": 31,
    }
    assert {p["to"]: p.get("allow") for p in doc["site"]["policy"][1:]} == {"staff": False, "counter": False}
    assert all(isinstance(z.get("line"), int) for z in doc["zones"])


@pytest.mark.parametrize(
    ("lang", "title", "deny", "only"),
    [
        ("vi", "Phụ lục A. Tệp khai báo vùng mạng và chính sách", "cấm", "chỉ cho phép tcp/80, tcp/443"),
        ("en", "Annex A. Zone and policy declaration", "deny", "allow only tcp/80, tcp/443"),
    ],
)
def test_site_file_listed_and_annexed(lang, title, deny, only):
    doc = sample_doc("leaky")
    digest = doc["site"]["sha256"]
    html = render("leaky", "html", lang)
    scope = _section(html, "scope")
    assert "sample_configs/cisco-commune-leaky/site.yaml" in scope and digest in scope
    annex = _section(html, "annex-site")
    assert annex.startswith(title) and digest in annex
    for zone, line in (("staff", 6), ("guest", 18), ("internet", 26)):
        assert re.search(rf"\b{zone}\b.*?\b{line}\b", annex), zone
    assert f"counter servers {only} 31" in annex
    assert f"servers staff {deny} 33" in annex
    md = render("leaky", "md", lang)
    assert f"## {title}" in md and digest in md and f"| counter | servers | {only} | 31 |" in md


# --------------------------------------------------------------------------- 4. out of scope is not "does not apply"


@pytest.mark.parametrize(
    ("lang", "label", "why"),
    [
        ("vi", "Ngoài phạm vi kiểm tra cấu hình", "Yêu cầu vẫn áp dụng với đơn vị"),
        ("en", "Outside the configuration inspection", "The requirement does apply to the unit"),
    ],
)
def test_out_of_scope_rows(lang, label, why):
    html = render("leaky", "html", lang)
    rows = re.findall(r'<td class="s-out_of_scope">(.*?)</td><td class="small">(.*?)</td>', html)
    assert len(rows) == 5
    assert all(status == label and why in htmllib.unescape(ev) for status, ev in rows)
    assert "Không áp dụng – ngoài" not in html and "N/A – outside" not in html


# --------------------------------------------------------------------------- 5. the level's name per regime


@pytest.mark.parametrize(
    ("standard", "lang", "label"),
    [
        ("tt12-2022", "vi", "Cấp độ an toàn hệ thống thông tin"),
        ("nd331-2026", "vi", "Cấp độ an ninh mạng của hệ thống thông tin"),
        ("tt12-2022", "en", "cấp độ an toàn hệ thống thông tin"),
        ("nd331-2026", "en", "cấp độ an ninh mạng"),
    ],
)
def test_level_term_follows_the_regime(standard, lang, label):
    html = render("leaky", "html", lang, standard=standard)
    cover = _text(html.split('<table class="cover-table">', 1)[1].split("</table>", 1)[0])
    assert label in cover
    if standard == "tt12-2022":
        assert "an ninh mạng" not in cover


# --------------------------------------------------------------------------- 6. ids, services, defaults in words


@pytest.mark.parametrize(
    ("lang", "devices", "all_but"),
    [
        ("vi", "Thiết bị mạng (giao diện quản trị)", "mọi dịch vụ trừ tcp/80, tcp/443"),
        ("en", "Network devices (management interfaces)", "all traffic except tcp/80, tcp/443"),
    ],
)
def test_internal_ids_and_service_syntax_in_words(lang, devices, all_but):
    html = render("leaky", "html", lang)
    findings, compliance = _section(html, "findings"), _section(html, "compliance")
    assert devices in findings and devices in compliance
    # "@devices" survives only inside finding ids and evidence code, never in prose
    prose = re.sub(r"<code>.*?</code>", " ", html.split('id="findings"', 1)[1], flags=re.S)
    assert "@devices" not in _text(prose)
    assert all_but in findings and "ip except" not in _text(html)
    matrix_head = re.search(r'<table class="matrix">\s*<thead>(.*?)</thead>', html, flags=re.S)
    assert matrix_head and devices in _text(matrix_head.group(1))


@pytest.mark.parametrize(
    ("lang", "guest", "staff", "sentence"),
    [
        (
            "vi",
            "Vùng mạng Wi-Fi khách",
            "Vùng mạng nội bộ",
            "Thiết bị trong vùng mạng Wi-Fi khách mở được kết nối tới vùng mạng nội bộ (mọi dịch vụ).",
        ),
        ("en", "Guest Wi-Fi zone", "Internal zone", "Hosts in guest Wi-Fi zone can open connections to internal zone"),
    ],
)
def test_zone_display_names(lang, guest, staff, sentence):
    """Declared zones by their display names in prose and headings (findings, flows, the
    plan, compliance evidence), by their ids in the tables that identify them: the scope's
    zone table (id, then the display name), the matrix headers (display name, then the id)
    and annex A (the site file as written)."""
    html = render("leaky", "html", lang)
    findings = _section(html, "findings")
    assert sentence in findings
    for part in ("findings", "compliance"):
        text = _section(html, part)
        assert not re.search(r"\b(vùng|[Zz]one|→) (staff|guest|counter|mgmt|servers|internet)\b", text), part
    assert f"<h4>{guest} → {staff}: " in html
    scope = re.search(r"<tr><td><span class=\"chip\"[^>]*></span><b>guest</b>(.*?)</td>", html)
    assert scope and guest in scope.group(1)
    head = re.search(r'<table class="matrix">\s*<thead>(.*?)</thead>', html, flags=re.S)
    assert head and f'{guest}<br><span class="small muted">guest</span>' in head.group(1)
    annex = _section(html, "annex-site")
    assert re.search(r"\bcounter servers\b", annex) and guest not in annex
    md = render("leaky", "md", lang)
    assert f"| **guest** ({guest}) |" in md and f"#### {guest} → {staff}: " in md


def test_zone_names_and_prose_rules():
    """zone_names: a declared title first, else the kind's name; equal names told apart by
    the ids.  prose: ids after "vùng"/"zone", around arrows and in whole lists after a
    colon, never inside other tokens (finding ids, device:interface, longer words)."""
    from netaudit.report.words import prose, zone_names

    zones = [
        {"name": "lan", "kind": "internal"},
        {"name": "lan2", "kind": "internal"},
        {"name": "khach", "kind": "guest", "title": {"vi": "Wi-Fi người dân", "en": "Citizens' Wi-Fi"}},
        {"name": "a.b+c", "kind": "server"},
        {"name": "internet", "kind": "external"},
    ]
    vi, en = zone_names(zones, "vi"), zone_names(zones, "en")
    assert vi["lan"] == "Vùng mạng nội bộ “lan”" and vi["lan2"] == "Vùng mạng nội bộ “lan2”"
    assert vi["khach"] == "Wi-Fi người dân" and en["khach"] == "Citizens' Wi-Fi"
    assert vi["a.b+c"] == "Vùng máy chủ nội bộ" and en["internet"] == "Internet"
    assert (
        prose("Vùng a.b+c mở được kết nối tới vùng khach (ip).", "vi", vi)
        == "Vùng máy chủ nội bộ mở được kết nối tới vùng Wi-Fi người dân (mọi dịch vụ)."
    )
    assert prose("Luồng lan2 → @devices; lan → internet.", "vi", vi) == (
        "Luồng Vùng mạng nội bộ “lan2” → Thiết bị mạng (giao diện quản trị); Vùng mạng nội bộ “lan” → Internet."
    )
    assert prose("Các vùng truy cập được: khach, lan.", "vi", vi) == (
        "Các vùng truy cập được: Wi-Fi người dân, Vùng mạng nội bộ “lan”."
    )
    # A list cut by the check ("… (+N)", messages.named_list) is still a list.
    assert prose("Các vùng truy cập được: khach, lan … (+43).", "vi", vi) == (
        "Các vùng truy cập được: Wi-Fi người dân, Vùng mạng nội bộ “lan” … (+43)."
    )
    assert prose("Zone a.b+c reaches zone internet", "en", en) == "Server zone reaches zone Internet"
    untouched = "lan-isolation:1a2b, SW:lan, lanx → lanyard, a.b+cd, vùng lanh đạo: lan x"
    assert prose(untouched, "vi", vi) == untouched
    assert prose("vùng lan", "vi", None) == "vùng lan"  # without names: ids stay


@pytest.mark.parametrize(
    ("lang", "other", "default"),
    [
        ("vi", "mọi giao thức IP khác", "không có quy tắc nào khớp: RouterOS mặc định cho qua"),
        ("en", "every other IP protocol", "no rule matched, RouterOS accepts"),
    ],
)
def test_protocol_runs_and_vendor_defaults_in_words(lang, other, default):
    from netaudit.report import RenderOptions, render_doc

    html = render_doc(_routeros_doc(), "html", RenderOptions(lang=lang))
    text = _text(html)
    assert other in text and not re.search(r"proto/\d", text)
    assert default in text
    # a default is prose, not a configuration line in code
    assert not re.search(r"<code>[^<]*no rule matched", html)
    if lang == "vi":
        assert "no rule matched" not in text and "RouterOS accepts" not in text


def test_counts_read_as_english():
    text = _text(render("leaky", "html", "en"))
    assert "Requirements of the level not met: 5." in text
    assert "Findings of critical or high severity: 11." in text
    assert not re.search(r"\b1 requirements\b", text)


# --------------------------------------------------------------------------- 7. cross-references for paper


@pytest.mark.parametrize(("lang", "ref"), [("vi", "mục 4.1"), ("en", "section 4.1")])
def test_cross_references_by_section(lang, ref):
    doc = sample_doc("leaky")
    html = render("leaky", "html", lang)
    compliance = _section(html, "compliance")
    assert f"{ref}," in compliance
    for f in doc["findings"]:
        assert f["id"] not in compliance, f["id"]
    text = _text(html)
    assert "bản JSON" not in text and "see the JSON" not in text
    # the blocking lines left out of the table are named by where they are
    blocked = re.search(r'<tr id="flow-internet--staff">.*?</tr>', html, flags=re.S)
    assert blocked and "edge-rt.cfg:98" in _text(blocked.group(0))


# --------------------------------------------------------------------------- on paper (PDF text)


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pdf_record_on_paper(tmp_path, lang):
    out = tmp_path / "r.pdf"
    res = cli(
        "audit",
        "sample_configs/cisco-commune-leaky",
        "--format",
        "pdf",
        "--lang",
        lang,
        "--standard",
        "tt12-2022",
        "--record-number",
        "07/BB-ĐKT",
        "--record-date",
        "2026-09-02",
        "-o",
        out,
    )
    assert res.returncode == 1, res.stderr.decode()[-2000:]
    layout = subprocess.run([PDFTOTEXT, "-layout", str(out), "-"], capture_output=True, check=True).stdout.decode()
    first = layout.split("\f", 1)[0]
    lines = first.splitlines()
    # two columns: the unit and the nation on one line, the number and the date below
    top = next(line for line in lines if "UBND XÃ HÒA BÌNH" in line)
    nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if lang == "vi" else "SOCIALIST REPUBLIC OF VIET NAM"
    assert nation in top and top.index("UBND") < top.index(nation[:5])
    number = "Số: ………/………" if lang == "vi" else "No.: ………/………"
    assert any(number in line for line in lines)
    flat = " ".join(first.split())
    record = "Kèm theo Biên bản kiểm tra số 07/BB-ĐKT ngày 02 tháng 9 năm 2026" if lang == "vi" else "No. 07/BB-ĐKT"
    assert record in flat
    assert DOTS in flat and "(chưa ghi)" not in flat and "(not given)" not in flat
    level = "Cấp độ an toàn hệ thống thông tin" if lang == "vi" else "cấp độ an toàn hệ thống thông"
    assert level in flat
    whole = " ".join(
        subprocess.run([PDFTOTEXT, str(out), "-"], capture_output=True, check=True).stdout.decode().split()
    )
    annex = "Phụ lục A." if lang == "vi" else "Annex A."
    assert annex in whole and sample_doc("leaky")["site"]["sha256"] in whole.replace(" ", "")
    # (the English label wraps in its narrow column: its first words and the reason)
    assert ("Ngoài phạm vi kiểm tra cấu hình" if lang == "vi" else "Outside the") in whole
    assert ("Yêu cầu vẫn áp dụng với đơn vị" if lang == "vi" else "The requirement does apply to the unit") in whole
    assert "guest-isolation:" not in whole.split("5. ", 1)[-1].split("Phụ lục" if lang == "vi" else "Annex", 1)[0]


def test_site_title_names_the_zone_in_prose(tmp_path):
    # A unit names its zones in site.yaml (title:, text or per language): the JSON carries
    # it and the report's prose and headings use it; tables keep the id beside it.
    folder = copy_sample(tmp_path, "cisco-commune-leaky")
    site = folder / "site.yaml"
    text = site.read_text(encoding="utf-8")
    text = re.sub(
        r"(\n  counter:[^\n]*\n)(    kind:)",
        r"\1    title: {vi: Bộ phận Một cửa UBND, en: One-stop desk of the People's Committee}\n\2",
        text,
        count=1,
    )
    assert "title:" in text
    site.write_text(text, encoding="utf-8")
    code, out, _ = audit_cli(folder)
    assert code == 1  # the leaky office: findings at high or above
    doc = json.loads(out)
    counter = next(z for z in doc["zones"] if z["name"] == "counter")
    assert counter["title"] == {"vi": "Bộ phận Một cửa UBND", "en": "One-stop desk of the People's Committee"}
    _, out, _ = audit_cli(folder, fmt="md", lang="vi")
    assert "Bộ phận Một cửa UBND" in out
    _, out, _ = audit_cli(folder, fmt="md", lang="en")
    assert "One-stop desk of the People's Committee" in out
