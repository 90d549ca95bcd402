"""The PDF (WeasyPrint) read back with pdftotext: headings, Vietnamese diacritics,
SHA-256 values, findings; fonts embedded."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import PDFTOTEXT, cli, sample_doc

pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")


@pytest.fixture(scope="module")
def leaky_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    res = cli(
        "audit",
        "sample_configs/cisco-commune-leaky",
        "--format",
        "pdf",
        "-o",
        out,
        "--inspector",
        "Đại úy Nguyễn Văn Đức",
        "--prepared-by",
        "Trần Thị Ánh",
    )
    assert res.returncode == 1, res.stderr.decode()[-2000:]
    assert out.read_bytes().startswith(b"%PDF-")
    assert out.with_suffix(".drawio").exists()
    return out


def _text(pdf, *args) -> str:
    return subprocess.run([PDFTOTEXT, *args, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def test_pdf_text_vi(leaky_pdf):
    text = _text(leaky_pdf)
    flat = " ".join(text.split())
    for heading in (
        "BÁO CÁO KẾT QUẢ KIỂM TRA PHÂN VÙNG MẠNG",
        "1. Phạm vi kiểm tra và bằng chứng",
        "2. Sơ đồ mạng lô-gic",
        "3. Ma trận truy cập giữa các vùng mạng",
        "4. Tồn tại, hạn chế và kiến nghị khắc phục",
        "5. Đánh giá mức độ đáp ứng yêu cầu theo cấp độ",
        "6. Danh mục thiết bị, quy hoạch vùng mạng và địa chỉ IP",
        "7. Xác nhận",
    ):
        assert heading in flat, heading
    # diacritics survive typesetting (precomposed and stacked marks: ạ ế ữ ặ ỗ Đ)
    for word in (
        "Không đạt",
        "Kết luận chung",
        "Nghiêm trọng",
        "Đại úy Nguyễn Văn Đức",
        "Trần Thị Ánh",
        "kiến nghị",
        "biện pháp khắc phục",
        "ngày 02 tháng 9 năm 2026",
        "UBND xã Hòa Bình",
    ):
        assert word in flat, word
    doc = sample_doc("leaky")
    for f in doc["inputs"]:
        assert f["sha256"] in text.split() or f["sha256"] in flat.replace(" ", ""), f["path"]
        assert f"SHA-256: {f['sha256']}" in flat
    from netaudit.report.words import prose, zone_names

    names = zone_names(doc["zones"], "vi")
    for f in doc["findings"]:  # as printed: internal ids in words (zones and "@devices" by their display names)
        title = " ".join(prose(f["title"]["vi"], "vi", names).split())
        assert title in flat, title
    assert "core-sw.cfg:372" in flat


def test_pdf_embeds_fonts(leaky_pdf):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run(["pdffonts", str(leaky_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [ln.split() for ln in out.splitlines()[2:] if ln.strip()]
    assert rows
    for row in rows:
        emb = row[-5]  # name type encoding emb sub uni object ID
        assert emb == "yes", row
    assert any("Noto-Sans" in r[0] or "DejaVu" in r[0] for r in rows)


def test_pdf_english_and_standard(tmp_path):
    saved = tmp_path / "a.json"
    assert cli("audit", "sample_configs/cisco-commune-compliant", "--format", "json", "-o", saved).returncode == 0
    pdf = tmp_path / "r.pdf"
    res = cli("report", saved, "--format", "pdf", "-o", pdf, "--lang", "en", "--standard", "tt12-2022")
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    flat = " ".join(_text(pdf).split())
    assert "Overall conclusion: Pass" in flat
    assert (
        "Circular 12/2022/TT-BTTTT" in flat and "TT 12/2022/TT-BTTTT, Appendix II, Section II." in flat
    )  # the reference worded in English


def test_pdf_requires_output_file():
    res = cli("audit", "sample_configs/cisco-commune-leaky", "--format", "pdf")
    assert res.returncode == 2 and res.stdout == b""
    assert res.stderr.decode().count("\n") == 1 and "-o" in res.stderr.decode()


def test_root_causes_in_the_first_pages(leaky_pdf):
    """The conclusion on page 1 and the root-cause table right after it (pages 2-3), with
    the guest ACL line and its five consequences, before section 1 (page 4)."""
    first = " ".join(_text(leaky_pdf, "-f", "1", "-l", "3").split())
    assert "Không đạt" in first and "1. Phạm vi kiểm tra và bằng chứng Kết quả" not in first
    assert "Nguyên nhân gốc" in first and "core-sw.cfg:372" in first
    for no in range(1, 6):
        assert f"mục 4.{no}:" in first
    assert "core-sw.cfg:408" in first and "core-sw.cfg:281" in first
    # after the conclusion; section 1 (also named in the contents on page 1) starts later
    assert first.index("Không đạt") < first.index("Nguyên nhân gốc Các tồn tại")


@pytest.fixture(scope="module")
def leaky_pdf_en(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf-en") / "report.pdf"
    res = cli("audit", "sample_configs/cisco-commune-leaky", "--format", "pdf", "-o", out, "--lang", "en")
    assert res.returncode == 1, res.stderr.decode()[-2000:]
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_matrix_table_in_the_first_pages(lang, leaky_pdf, leaky_pdf_en):
    """Issue #14: the zone matrix table follows the conclusion and the root causes; its
    header row (the corner, the zones' names and ids) starts within the first 4 pages
    (page 3 in docs/report.md), before section 1; section 3 points back to it."""
    from netaudit.messages import t

    pdf = leaky_pdf if lang == "vi" else leaky_pdf_en
    pages = [" ".join(_text(pdf, "-f", str(n), "-l", str(n)).split()) for n in range(1, 5)]
    corner = t("matrix.corner", lang)
    start = next((n for n, page in enumerate(pages, 1) if corner in page), None)
    assert start is not None and start <= 4, f"the matrix header row is not in the first 4 pages ({lang})"
    page = pages[start - 1]
    assert t("matrix.summary.title", lang) in page
    assert page.index(t("matrix.summary.title", lang)) < page.index(corner)
    header = page[page.index(corner) :]
    for zone in ("staff", "servers", "counter", "guest", "mgmt", "Internet"):
        assert zone in header.split(), zone
    front = " ".join(pages)
    assert front.index(t("rootcause.title", lang) + " " + t("rootcause.intro", lang, sec=4)[:20]) < front.index(corner)
    # section 1 starts on a later page (its heading is also in the contents, page 1)
    assert f"1. {t('section.scope', lang)} {t('scope.intro', lang)[:20]}" not in " ".join(pages[:start])
    flat = " ".join(_text(pdf).split())
    heading = f"3. {t('section.matrix', lang)}"
    back = t("matrix.summary.back", lang, title=t("matrix.summary.title", lang))
    assert flat[flat.rindex(heading) :].startswith(f"{heading} {back}")


def test_pdf_typeset_with_the_collector_paused(monkeypatch, tmp_path):
    """WeasyPrint typesets with the cyclic collector paused (report/pdf.py): the collector
    is on again afterwards, and the PDF reads the same as one typeset with the collector
    running throughout (the pause replaced by a no-op)."""
    import contextlib
    import gc

    from netaudit.report import RenderOptions, pdf

    doc = sample_doc("leaky")
    inside: list[bool] = []
    real_paused = pdf.paused

    @contextlib.contextmanager
    def spy():
        with real_paused():
            inside.append(gc.isenabled())
            yield

    monkeypatch.setattr(pdf, "paused", spy)
    paused_pdf = pdf.render_doc(doc, RenderOptions(lang="vi"))
    assert inside == [False]
    assert gc.isenabled()
    monkeypatch.setattr(pdf, "paused", contextlib.nullcontext)
    running_pdf = pdf.render_doc(doc, RenderOptions(lang="vi"))
    texts = []
    for name, data in (("paused.pdf", paused_pdf), ("running.pdf", running_pdf)):
        (tmp_path / name).write_bytes(data)
        texts.append(_text(tmp_path / name, "-layout"))
    assert texts[0] == texts[1]
    assert texts[0].count("\f") > 20
