"""DOCX report (--format docx): read back with python-docx (headings, the matrix table's
cells, findings, VI and EN), the command line, and converted to PDF by LibreOffice and
read with pdftotext."""

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


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_headings_in_word_styles(rendered, lang):
    d = _open(rendered[lang])
    heads = _headings(d)
    assert heads[0] == ("Title", _t("report.title", lang))
    level1 = [text for style, text in heads if style == "Heading 1"]
    sections = ("scope", "diagram", "matrix", "findings", "compliance", "inventory", "signatures")
    assert level1 == [f"{n}. {_t(f'section.{s}', lang)}" for n, s in enumerate(sections, 1)]
    # Subsections and findings are Heading 2, numbered as in the HTML (4.1, 4.2 … 6.1, 6.2).
    level2 = [text for style, text in heads if style == "Heading 2"]
    assert f"6.1. {_t('inventory.devices', lang)}" in level2 and f"6.2. {_t('inventory.ipplan', lang)}" in level2
    findings = [text for text in level2 if re.match(r"4\.\d+\. ", text)]
    assert len(findings) == len(sample_doc("leaky")["findings"])
    # Flow details are Heading 3: "src → dst: verdict".
    assert any(text.startswith("guest → staff: ") for style, text in heads if style == "Heading 3")
    # Each major section starts a page, as in the PDF.
    breaks = [p for p in d.paragraphs if p.style.name == "Heading 1" and p.paragraph_format.page_break_before]
    assert len(breaks) == 6  # all but the signatures


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
    header = [c.text for c in tab.rows[0].cells[1:]]
    assert [h.lstrip("■ ") for h in header] == [*names, "@devices"]
    assert len(tab.rows) == len(names) + 1
    rows = {r.cells[0].text.lstrip("■ "): r.cells for r in tab.rows[1:]}
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
    comp = [tab for tab in d.tables if tab.rows[0].cells[0].text == _t("compliance.col.no", "vi")]
    assert comp and len(comp[0].rows) > 5
    assert {_cell_text(r.cells[3]) for r in comp[0].rows[1:]} & {_t("status.not_met", "vi")}
    footer = d.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and doc["unit"] in footer
    # Times New Roman for every script (Vietnamese included), theme fonts dropped.
    normal = d.styles["Normal"].element.rPr.rFonts
    assert {normal.get(docx.oxml.ns.qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}


def test_without_graphviz_a_line_says_so(monkeypatch):
    from netaudit.report import docx_report

    monkeypatch.setattr(docx_report.shutil, "which", lambda _name: None)
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
        res = cli(*args)
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
    vi = texts["report-vi"]
    for word in ("Kết luận chung: Không đạt", "Tồn tại, hạn chế", "Nghiêm trọng", "Đại úy Nguyễn Văn Đức", "Hòa Bình"):
        assert word in vi, word
    assert "Fail" in texts["report-en"] and "Findings and remediation" in texts["report-en"]
