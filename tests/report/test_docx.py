"""DOCX report (--format docx): read back with python-docx (national header, record line,
blanks, headings, the matrix table's cells, findings, the remediation plan, annex A, zone
display names, VI and EN), the command line, and converted to PDF by LibreOffice and read
with pdftotext."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest

from .conftest import EPOCH, PDFTOTEXT, ROOT, cli, render, sample_doc

docx = pytest.importorskip("docx", reason="python-docx is not installed (pip install -e .)")

LEAKY = "sample_configs/cisco-commune-leaky"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
INSPECTOR = "Đại úy Nguyễn Văn Đức"
PREPARER = "Trần Thị Ánh"


def _t(key: str, lang: str, **fields) -> str:
    from netaudit.messages import t

    return t(key, lang, **fields)


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {lang: render("leaky", "docx", lang, inspected_by=INSPECTOR, prepared_by=PREPARER) for lang in ("vi", "en")}


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _headings(d) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def _all_text(d) -> str:
    """Body paragraphs and every table cell (nested tables included)."""
    out = [p.text for p in d.paragraphs]

    def cells(tables):
        for tab in tables:
            for row in tab.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    cells(d.tables)
    return "\n".join(out)


def _matrix_table(d, lang: str):
    corner = _t("matrix.corner", lang)
    found = [tab for tab in d.tables if tab.rows[0].cells[0].text == corner]
    assert found, "no matrix table"
    return found[0]


def _cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def _view(lang: str, **opts):
    from netaudit.report import RenderOptions, prepare_doc
    from netaudit.report.view import build

    options = RenderOptions(lang=lang, **opts)
    return build(prepare_doc(sample_doc("leaky"), options), options)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_headings_in_word_styles(rendered, lang):
    d = _open(rendered[lang])
    heads = _headings(d)
    assert heads[0] == ("Title", _t("report.title", lang))
    level1 = [text for style, text in heads if style == "Heading 1"]
    sections = ("scope", "diagram", "matrix", "findings", "compliance", "inventory", "signatures")
    annex = _t("annex.site.title", lang)
    assert level1 == [*(f"{n}. {_t(f'section.{s}', lang)}" for n, s in enumerate(sections, 1)), annex]
    # Subsections and findings are Heading 2, numbered as in the HTML (4.1, 4.2 … 6.1, 6.2).
    level2 = [text for style, text in heads if style == "Heading 2"]
    assert f"6.1. {_t('inventory.devices', lang)}" in level2 and f"6.2. {_t('inventory.ipplan', lang)}" in level2
    findings = [text for text in level2 if re.match(r"4\.\d+\. ", text)]
    assert len(findings) == len(sample_doc("leaky")["findings"])
    # Flow details are Heading 3: "src → dst: verdict", the zones by their display names.
    names = _view(lang).names
    level3 = [text for style, text in heads if style == "Heading 3"]
    assert any(text.startswith(f"{names['guest']} → {names['staff']}: ") for text in level3), level3[:5]
    assert not [text for text in level3 if re.match(r"(staff|guest|counter|mgmt|servers|internet|@devices)\b", text)]
    # The remediation plan: a Heading 2 after the findings, a Heading 3 per device.
    assert _t("remedy.title", lang) in level2 and "UBNDHB-CORE" in level3
    # Each major section starts a page, as in the PDF, annex A too.
    breaks = [p for p in d.paragraphs if p.style.name == "Heading 1" and p.paragraph_format.page_break_before]
    assert len(breaks) == 7  # all but the signatures


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cover(rendered, lang):
    d = _open(rendered[lang])
    text = _all_text(d)
    doc = sample_doc("leaky")
    assert doc["unit"] == "UBND xã Hòa Bình" and doc["unit"] in text
    for want in (
        f"{_t('cover.conclusion', lang)}: {_t('conclusion.fail', lang)}",  # Không đạt / Fail
        _t("cover.level_value", lang, level=doc["level"]),
        _t("standard.nd331-2026", lang),  # the legal basis
        _t("date.long", lang, dd="02", mm="9", y=2026, iso="2026-09-02"),
        INSPECTOR,
        PREPARER,
        _t("sign.hint", lang),
    ):
        assert want in text, want
    if lang == "vi":
        assert "Kết luận chung: Không đạt" in text and "Cấp độ 2" in text
    # The cover table: the level's label of the regime, an empty field a dotted line.
    cover = next(tab for tab in d.tables if tab.rows[0].cells[0].text == _t("cover.unit", lang))
    fields = {r.cells[0].text: r.cells[1].text for r in cover.rows}
    assert fields[_t("cover.level.nd331-2026", lang)] == _t("cover.level_value", lang, level=doc["level"])
    assert fields[_t("cover.address", lang)] == _t("cover.blank", lang)
    assert _t("cover.not_given", lang) not in text
    # Core properties: language and a date from the document, never "now".
    cp = d.core_properties
    assert cp.language == {"vi": "vi-VN", "en": "en-GB"}[lang]
    assert cp.created.date().isoformat() == doc["generated"] and doc["unit"] in cp.title


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_matrix_table_cells(rendered, lang):
    d = _open(rendered[lang])
    tab = _matrix_table(d, lang)
    doc = sample_doc("leaky")
    names = [z["name"] for z in doc["zones"]]
    label = _view(lang).names
    # Headers: the display name, the id under it (the devices by their display name only).
    header = [[p.text for p in c.paragraphs] for c in tab.rows[0].cells[1:]]
    want = [[f"■ {label[n]}", n] if label[n].casefold() != n.casefold() else [f"■ {label[n]}"] for n in names]
    assert header == [*want, [f"■ {_t('zone.devices', lang)}"]]
    assert len(tab.rows) == len(names) + 1
    rows = {r.cells[0].paragraphs[-1].text.lstrip("■ ").lower(): r.cells for r in tab.rows[1:]}
    cols = [*names, "@devices"]
    for c in doc["matrix"]:
        text = _cell_text(rows[c["src"]][cols.index(c["dst"]) + 1])
        assert text.startswith(_t(f"verdict.{c['verdict']}.cap", lang)), (c["src"], c["dst"], text)
        assert (_t("matrix.violation", lang) in text) == bool(c.get("violation")), (c["src"], c["dst"])
    assert _cell_text(rows["guest"][1 + cols.index("guest")]) == _t("matrix.self", lang)
    # guest → staff: reachable, a violation, all traffic.
    guest_staff = _cell_text(rows["guest"][1 + cols.index("staff")])
    assert _t("matrix.violation", lang) in guest_staff and _t("matrix.all", lang) in guest_staff
    # The header row repeats on every page the table runs over.
    assert tab.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_finding_text_evidence_and_witness(rendered, lang):
    from netaudit.report import RenderOptions
    from netaudit.report.view import build

    d = _open(rendered[lang])
    paras = [p.text for p in d.paragraphs]
    first = build(sample_doc("leaky"), RenderOptions(lang=lang)).findings[0]
    head = f"4.1.  {first['severity_label']}  {first['title']}"
    assert head in paras, head
    start = paras.index(head)
    body = "\n".join(paras[start : start + 60])
    assert first["id"] in body and first["detail"] in body
    for e in first["evidence"]:
        assert f"{e['loc']} {e['text']}" in body, e
    assert _t("witness.title", lang) in body
    assert _t("witness.packet", lang, packet=first["witness"]["packet"]) in body
    assert f"1.\t{first['witness']['hops'][0]['head']}" in body
    if lang == "vi":
        assert "Bằng chứng" in body and "Kiến nghị, biện pháp khắc phục" in body


def test_diagram_inventory_compliance_and_footer(rendered):
    d = _open(rendered["vi"])
    text = _all_text(d)
    doc = sample_doc("leaky")
    if shutil.which("dot"):
        assert len(d.inline_shapes) == 1 and d.inline_shapes[0].width <= docx.shared.Cm(16.01)
    for f in doc["inputs"]:
        assert f["sha256"] in text
    for dev in doc["topology"]["devices"]:
        assert dev["name"] in text
    comp = [
        tab
        for tab in d.tables
        if len(tab.columns) == 5 and tab.rows[0].cells[1].text == _t("compliance.col.requirement", "vi")
    ]
    assert comp and len(comp[0].rows) > 5
    assert {_cell_text(r.cells[3]) for r in comp[0].rows[1:]} & {_t("status.not_met", "vi")}
    footer = d.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and doc["unit"] in footer
    # Times New Roman for every script (Vietnamese included), theme fonts dropped.
    normal = d.styles["Normal"].element.rPr.rFonts
    assert {normal.get(docx.oxml.ns.qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_national_header_and_record_line(rendered, lang):
    """Issuing unit, a short rule and the number left; Quốc hiệu, the underlined Tiêu
    ngữ, place and date right (ND 30/2020); then the title and the record it is attached
    to, every empty field a dotted line."""
    d = _open(rendered[lang])
    body = d.element.body
    first = body[0]
    assert first.tag == docx.oxml.ns.qn("w:tbl"), "the national header is the first thing on the page"
    head = d.tables[0]
    assert len(head.rows) == 1 and len(head.columns) == 2
    assert head._tbl.tblPr.find(docx.oxml.ns.qn("w:tblStyle")) is None  # no grid: no borders
    issuer, state = (list(c.paragraphs) for c in head.rows[0].cells)
    assert [p.text for p in issuer] == ["UBND XÃ HÒA BÌNH", "", _t("header.doc_number", lang, number="………/………")]
    assert issuer[0].runs[0].bold and issuer[1]._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None
    date = _t("date.long", lang, dd="02", mm="9", y=2026, iso="2026-09-02")
    assert [p.text for p in state] == [
        _t("header.nation", lang),
        _t("header.motto", lang),
        _t("sign.place_date", lang, date=date),
    ]
    assert state[1].runs[0].underline and state[1].runs[0].bold and state[2].runs[0].italic
    if lang == "vi":
        assert state[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and state[1].text == "Độc lập - Tự do - Hạnh phúc"
    # The title, then "Kèm theo Biên bản kiểm tra số … ngày …" in place of a subtitle.
    paras = [p.text for p in d.paragraphs]
    title = paras.index(_t("report.title", lang))
    record = _t("header.record", lang, number="………/………", date=_t("date.blank", lang))
    assert paras[title + 1] == record
    if lang == "vi":
        assert record == "Kèm theo Biên bản kiểm tra số ………/……… ngày …… tháng …… năm ………"


def test_header_with_numbers_given():
    data = render("leaky", "docx", "vi", doc_number="12/BC-UBND", record_number="05/BB-KT", record_date="2026-09-01")
    d = _open(data)
    issuer = [p.text for p in d.tables[0].rows[0].cells[0].paragraphs]
    assert issuer[-1] == "Số: 12/BC-UBND"
    assert "Kèm theo Biên bản kiểm tra số 05/BB-KT ngày 01 tháng 9 năm 2026" in [p.text for p in d.paragraphs]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_annex_site_file(rendered, lang):
    """Annex A: a Heading 1 on a page of its own, the site file's SHA-256, its zones by id
    and its overrides of the reference policy — the same rows as the HTML's annex."""
    d = _open(rendered[lang])
    v = _view(lang)
    a = v.site_annex
    paras = d.paragraphs
    toc, at = (i for i, p in enumerate(paras) if p.text == a["title"])  # the contents' link, the heading
    assert paras[toc].style.name == "Netaudit Small" and paras[toc]._p.find(docx.oxml.ns.qn("w:hyperlink")) is not None
    assert paras[at].style.name == "Heading 1" and paras[at].paragraph_format.page_break_before
    after = "\n".join(p.text for p in paras[at:])
    site = sample_doc("leaky")["site"]
    assert len(site["sha256"]) == 64 and f"{_t('scope.col.sha256', lang)}: {site['sha256']}" in after
    assert a["intro"] in after and "site.yaml" in a["intro"]
    assert _t("annex.site.zones", lang) in after and _t("annex.site.policy", lang) in after
    zones = next(tab for tab in d.tables if tab.rows[0].cells[-1].text == _t("annex.col.line", lang)
                 and tab.rows[0].cells[0].text == _t("scope.col.zone", lang))  # fmt: skip
    assert [r.cells[0].text.lstrip("■ ") for r in zones.rows[1:]] == [z["name"] for z in a["zones"]]
    assert [r.cells[-1].text for r in zones.rows[1:]] == [str(z["line"]) for z in a["zones"]]
    policy = next(tab for tab in d.tables if tab.rows[0].cells[0].text == _t("annex.col.from", lang))
    rows = [[c.text for c in r.cells] for r in policy.rows[1:]]
    assert rows == [[p["from"], p["to"], p["rule"], str(p["line"])] for p in a["policy"]]
    assert ["counter", "servers", _t("annex.rule.services", lang, services="tcp/80, tcp/443"), "31"] in rows
    # The tool line closes the document, after the annex (as the HTML's footer).
    assert paras[-1].text.startswith(v.cover["tool"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_zone_display_names_in_prose(rendered, lang):
    """Zones by their display names in findings, flows and the plan; their ids in the zone
    tables (scope: the id with the display name under it)."""
    d = _open(rendered[lang])
    v = _view(lang)
    text = _all_text(d)
    for f in v.findings:
        assert f"{f['title']}" in text and f["detail"] in text
    body = "\n".join(p.text for p in d.paragraphs)
    for zone in ("staff", "guest", "counter", "mgmt", "servers", "@devices"):
        assert not re.search(rf"(vùng|[Zz]one|→) {re.escape(zone)}\b", body), zone
    if lang == "vi":
        assert "Mạng Wi-Fi khách truy cập được vào vùng mạng nội bộ" in body
        assert "Thiết bị trong vùng mạng Wi-Fi khách mở được kết nối tới vùng quản trị (mọi dịch vụ)" in body
        assert "chặn Vùng mạng Wi-Fi khách → Vùng mạng nội bộ tại UBNDHB-CORE:Vlan40 (chiều vào)" in body
    scope = next(tab for tab in d.tables if tab.rows[0].cells[0].text == _t("scope.col.zone", lang)
                 and len(tab.columns) == 4)  # fmt: skip
    first = [[p.text for p in r.cells[0].paragraphs] for r in scope.rows[1:]]
    assert ["■ guest", v.names["guest"]] in first and ["■ internet"] in first


def test_finding_points_to_its_change_set(rendered):
    """A finding the plan closes links to its device's change set (a bookmark on the
    device's heading), as the HTML's "Kế hoạch khắc phục" entry."""
    d = _open(rendered["vi"])
    qn = docx.oxml.ns.qn

    def text(el) -> str:
        return "".join(t.text or "" for t in el.iter(qn("w:t")))

    marks = {b.get(qn("w:name")): b for b in d.element.body.iter(qn("w:bookmarkStart"))}
    see = _t("remedy.see_plan", "vi", device="UBNDHB-CORE")
    links = [h for h in d.element.body.iter(qn("w:hyperlink")) if text(h) == see]
    # every finding printed in full, and a consequence whose change set is not its lead's
    assert len(links) == sum(1 for f in _view("vi").findings if f["plan"] and f["plan_shown"]) > 0
    assert {h.get(qn("w:anchor")) for h in links} <= set(marks)
    device = marks[links[0].get(qn("w:anchor"))].getparent()
    assert text(device) == "UBNDHB-CORE" and device.style == "Heading3"


def test_vendor_defaults_are_sentences_not_code():
    """A cited vendor default (RouterOS implicit accept) is a sentence in the reader's
    language in italics, as in the HTML — not a configuration line in Courier."""
    from netaudit.report import RenderOptions, render_doc

    from .test_record import _routeros_doc

    d = _open(render_doc(_routeros_doc(), "docx", RenderOptions(lang="vi")))
    words = "không có quy tắc nào khớp: RouterOS mặc định cho qua"
    runs = [r for p in d.paragraphs for r in p.runs if words in r.text]
    for tab in d.tables:
        runs += [r for row in tab.rows for c in row.cells for p in c.paragraphs for r in p.runs if words in r.text]
    assert runs and all(r.italic and r.style.name != "Netaudit Config" for r in runs)
    assert "no rule matched" not in _all_text(d)


def test_without_graphviz_a_line_says_so(monkeypatch):
    from netaudit.report import dot

    monkeypatch.setattr(dot.shutil, "which", lambda _name: None)
    d = _open(render("compliant", "docx", "en"))
    assert len(d.inline_shapes) == 0
    want = _t("diagram.unavailable", "en", reason=_t("diagram.no_dot", "en"))
    assert want in [p.text for p in d.paragraphs]


def test_deterministic(rendered):
    again = render("leaky", "docx", "vi", inspected_by=INSPECTOR, prepared_by=PREPARER)
    assert again == rendered["vi"]
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_control_characters_and_markup_stay_text():
    doc = sample_doc("compliant")
    evil = "guest\x1b[31m\u202e<b>&"
    for z in doc["zones"]:
        if z["name"] == "guest":
            z["name"] = evil
    for c in doc["matrix"]:
        for key in ("src", "dst"):
            if c[key] == "guest":
                c[key] = evil
    doc["unit"] = "UBND \x07xã <script>alert(1)</script>"
    from netaudit.report import RenderOptions, render_doc

    d = _open(render_doc(doc, "docx", RenderOptions(lang="vi")))
    text = _all_text(d)
    assert "guest\\x1b[31m\\u202e<b>&" in text and "UBND \\x07xã <script>alert(1)</script>" in text
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text


def test_cli_audit_and_report(tmp_path):
    out = tmp_path / "report.docx"
    res = cli("audit", LEAKY, "--format", "docx", "-o", out, "--lang", "en")
    assert res.returncode == 1, res.stderr.decode()[-2000:]  # high findings, as with every format
    assert out.read_bytes().startswith(b"PK") and out.with_suffix(".drawio").exists()
    d = _open(out.read_bytes())
    assert _t("diagram.drawio", "en", file="report.drawio") in [p.text for p in d.paragraphs]
    saved = tmp_path / "audit.json"
    assert cli("audit", LEAKY, "--format", "json", "-o", saved).returncode == 1
    again = tmp_path / "r.docx"
    res = cli("report", saved, "--format", "docx", "-o", again, "--standard", "tt12-2022")
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert _t("standard.tt12-2022", "vi") in _all_text(_open(again.read_bytes()))
    for args in (("audit", LEAKY, "--format", "docx"), ("report", saved, "--format", "docx", "-o", "-")):
        res = cli(*args, "--lang", "en")
        assert res.returncode == 2 and b"--format docx writes a binary file" in res.stderr, res.stderr


def test_no_secret_in_docx(tmp_path):
    """Built from the masked JSON like every format: no secret of the IOS fixtures in the
    text, the tables or anywhere in the package's XML; the lines are there, masked."""
    from .test_secrets import _leaks, _secrets

    folder = ROOT / "tests" / "fixtures" / "cisco_ios"
    secrets = _secrets(folder)
    assert secrets
    out = tmp_path / "r.docx"
    assert cli("audit", folder, "--format", "docx", "-o", out, "--lang", "en").returncode in (0, 1)
    with zipfile.ZipFile(out) as z:
        xml = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    text = _all_text(_open(out.read_bytes()))
    assert "snmp-server community ****** RO" in text
    assert not [s for s in secrets if _leaks(s, text) or _leaks(s, xml)]


# --------------------------------------------------------------------------- LibreOffice → PDF


def _soffice_pdf(tmp_path, files) -> dict:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: Debian libreoffice-writer-nogui (make sysdeps)")
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    profile = tmp_path / "lo-profile"
    cmd = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
    res = subprocess.run(
        [*cmd, "--outdir", str(tmp_path), *map(str, files)],
        capture_output=True,
        timeout=240,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SOURCE_DATE_EPOCH": EPOCH},
    )
    out = {}
    for f in files:
        pdf = f.with_suffix(".pdf")
        assert pdf.exists(), res.stderr.decode()[-2000:]
        text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, check=True).stdout.decode()
        out[f.stem] = " ".join(text.split())
    return out


def test_libreoffice_pdf_text(tmp_path, rendered):
    files = []
    for lang, data in rendered.items():
        f = tmp_path / f"report-{lang}.docx"
        f.write_bytes(data)
        files.append(f)
    texts = _soffice_pdf(tmp_path, files)
    doc = sample_doc("leaky")
    for lang in ("vi", "en"):
        text = texts[f"report-{lang}"]
        sections = ("scope", "diagram", "matrix", "findings", "compliance", "inventory", "signatures")
        for n, s in enumerate(sections, 1):
            assert f"{n}. {_t(f'section.{s}', lang)}" in text, (lang, s)
        assert f"{_t('cover.conclusion', lang)}: {_t('conclusion.fail', lang)}" in text
        for f in doc["inputs"]:
            assert f["sha256"] in text
        assert INSPECTOR in text and doc["unit"] in text
        pages = re.findall(r"\b(\d+) / (\d+)\b", text)  # the footer's page fields, computed
        assert ("1", pages[0][1]) in pages and int(pages[0][1]) > 5, pages[:3]
        # The national header, the record line, annex A with the site file's hash.
        for want in (
            _t("header.nation", lang),
            _t("header.motto", lang),
            _t("header.record", lang, number="………/………", date=_t("date.blank", lang)),
            _t("annex.site.title", lang),
            doc["site"]["sha256"],
        ):
            assert " ".join(want.split()) in text, (lang, want)
        assert text.index(_t("header.nation", lang)) < text.index(_t("report.title", lang).split()[0])
        assert _t("cover.not_given", lang) not in text
    vi = texts["report-vi"]
    for word in (
        "Kết luận chung: Không đạt",
        "Tồn tại, hạn chế",
        "Nghiêm trọng",
        "Đại úy Nguyễn Văn Đức",
        "Hòa Bình",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kèm theo Biên bản kiểm tra số",
        "Phụ lục A. Tệp khai báo vùng mạng và chính sách",
        "Mạng Wi-Fi khách truy cập được vào vùng mạng nội bộ",
    ):
        assert word in vi, word
    assert "Fail" in texts["report-en"] and "Findings and remediation" in texts["report-en"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_root_causes_table_and_consequences(rendered, lang):
    """The root-cause table after the cover (before section 1), each consequence a link to
    a bookmark; a consequence refers to the finding printed in full."""
    d = _open(rendered[lang])
    qn = docx.oxml.ns.qn
    view = _view(lang)
    tabs = [t for t in d.tables if len(t.columns) == 5 and t.rows[0].cells[1].text == _t("rootcause.col.lines", lang)]
    assert len(tabs) == 1 and len(tabs[0].rows) == len(view.root_causes) + 1
    first = tabs[0].rows[1]
    assert "core-sw.cfg:372" in first.cells[1].text and first.cells[3].text.count("4.") == 5
    marks = {b.get(qn("w:name")) for b in d.element.body.iter(qn("w:bookmarkStart"))}
    links = [h.get(qn("w:anchor")) for h in d.element.body.iter(qn("w:hyperlink"))]
    assert links and set(links) <= marks
    text = _all_text(d)
    # after the contents (which name section 1 too), before section 1's heading
    assert text.index(_t("rootcause.intro", lang, sec=4)) < text.rindex(f"1. {_t('section.scope', lang)}")
    lead = next(f for f in view.findings if not f["lead"])["lead_no"]
    assert _t("finding.same_cause", lang, sec=4, no=lead) in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_matrix_table_before_the_scope(rendered, lang):
    """Issue #14: the matrix table (Heading 2 "… (tóm tắt)" and its intro) right after the
    root-cause table, before section 1's heading; printed once; section 3 starts with a
    link back to it, and the link after the table leads to section 3."""
    d = _open(rendered[lang])
    qn = docx.oxml.ns.qn
    body = list(d.element.body)
    matrix = _matrix_table(d, lang)
    assert sum(1 for tab in d.tables if tab.rows[0].cells[0].text == _t("matrix.corner", lang)) == 1
    roots = next(
        t for t in d.tables if len(t.columns) == 5 and t.rows[0].cells[1].text == _t("rootcause.col.lines", lang)
    )
    paras = {p._p: p for p in d.paragraphs}

    def at(text: str, style: str) -> int:
        return next(
            i for i, el in enumerate(body) if el in paras and paras[el].text == text and paras[el].style.name == style
        )

    title = at(_t("matrix.summary.title", lang), "Heading 2")
    scope = at(f"1. {_t('section.scope', lang)}", "Heading 1")
    assert body.index(roots._tbl) < title < body.index(matrix._tbl) < scope
    assert paras[body[title + 1]].text == _t("matrix.intro", lang)
    marks = {b.get(qn("w:name")): b.getparent() for b in d.element.body.iter(qn("w:bookmarkStart"))}

    def target(p) -> str:
        (link,) = p._p.findall(qn("w:hyperlink"))
        return paras[marks[link.get(qn("w:anchor"))]].text

    after = paras[body[body.index(matrix._tbl) + 1]]
    assert after.text == _t("matrix.summary.details", lang, sec=3)
    assert target(after) == f"3. {_t('section.matrix', lang)}"
    sec3 = at(f"3. {_t('section.matrix', lang)}", "Heading 1")
    back = paras[body[sec3 + 1]]
    assert back.text == _t("matrix.summary.back", lang, title=_t("matrix.summary.title", lang))
    assert target(back) == _t("matrix.summary.title", lang)
    assert paras[body[sec3 + 2]].text == _t("matrix.details", lang)
    # every cell's link still has its bookmark (a flow of section 3 or the blocked-flows table)
    links = [h.get(qn("w:anchor")) for h in matrix._tbl.iter(qn("w:hyperlink"))]
    assert len(links) == len(sample_doc("leaky")["matrix"]) and set(links) <= set(marks)
