"""Report benchmarks (make bench).  Numbers are recorded in docs/performance.md, "Reports".

Targets: rendering the leaky commune report to PDF ≤ 3 s (issue #3); the Stanford backbone's
PDF from its JSON document ≤ 5 s and ≤ 40 pages, summarised by default (issue #15:
341 pages and 37 s before; ``--detail full`` still gives every entry), and so is the PDF of
a 51-zone RouterOS router (58 pages and 10.5 s before the matrix was printed by zone
kind).  The Stanford audit itself (≈ 4-8 s) is not timed; it runs under ``make bench`` only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netaudit.report import RenderOptions, render_doc

ROOT = Path(__file__).resolve().parents[2]
LEAKY = "sample_configs/cisco-commune-leaky"
EPOCH = "1788307200"
TARGET = 3.0
STANFORD_TARGET = 5.0
STANFORD_PAGES = 40


def _fresh(doc: dict, fmt: str) -> bytes | str:
    """``render_doc`` as a new process would run it: Graphviz's kept layouts
    (report/dot.py) forgotten first, so every round lays the diagram out."""
    from netaudit.report import dot

    dot.forget()
    return render_doc(doc, fmt, RenderOptions(lang="vi"))


@pytest.fixture(scope="module")
def leaky_doc():
    from netaudit.audit import run_audit
    from netaudit.report.json_report import audit_dict

    return audit_dict(run_audit([ROOT / LEAKY]), RenderOptions())


def test_pdf_render_leaky(benchmark, leaky_doc):
    """JSON document → PDF (Jinja2 + Graphviz + WeasyPrint), in process."""
    doc = leaky_doc
    t0 = time.perf_counter()
    first = render_doc(doc, "pdf", RenderOptions(lang="vi"))  # includes the WeasyPrint import
    cold = time.perf_counter() - t0
    assert first.startswith(b"%PDF-")
    result = benchmark.pedantic(lambda: _fresh(doc, "pdf"), rounds=5, iterations=1)
    assert result.startswith(b"%PDF-")
    if benchmark.enabled:
        print(f"\ncold render (with imports): {cold:.2f} s")
        assert benchmark.stats.stats.median <= TARGET


def test_html_render_leaky(benchmark, leaky_doc):
    doc = leaky_doc
    result = benchmark.pedantic(lambda: _fresh(doc, "html"), rounds=10, iterations=1)
    assert result.startswith("<!DOCTYPE html>")


def test_pdf_process_leaky(benchmark, tmp_path):
    """The whole `netaudit audit DIR --format pdf -o report.pdf` process (audit + drawio + PDF)."""
    out = tmp_path / "report.pdf"
    cmd = [sys.executable, "-m", "netaudit.cli", "audit", LEAKY, "--format", "pdf", "-o", str(out)]
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = benchmark.pedantic(
        lambda: subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env), rounds=3, iterations=1
    )
    assert result.returncode == 1, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.fixture(scope="module")
def stanford_doc(tmp_path_factory):
    """The Stanford backbone's JSON document by its number of zones (8: one per building,
    16: one per half building), each audited once."""
    import yaml

    from netaudit.audit import run_audit
    from netaudit.inputs import load_snapshot
    from netaudit.report.json_report import audit_dict

    from .stanford import CORPUS, site_dict

    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not present at {CORPUS}")
    docs: dict[int, dict] = {}

    def doc(zones: int) -> dict:
        if zones not in docs:
            site = tmp_path_factory.mktemp("stanford") / "stanford-site.yaml"
            devices = load_snapshot([CORPUS]).devices
            site.write_text(yaml.safe_dump(site_dict(devices, halves=zones == 16)), encoding="utf-8")
            docs[zones] = audit_dict(run_audit([CORPUS], site), RenderOptions())
        return docs[zones]

    return doc


@pytest.mark.parametrize("zones", [8, 16])
def test_pdf_render_stanford(benchmark, request, tmp_path, zones):
    """JSON document → PDF of the Stanford backbone (16 devices; 8 zones and 537 findings, or
    16 zones and 592 findings: the compact matrix), the default summary, in process; the
    page count is printed."""
    if not benchmark.enabled:
        pytest.skip("the Stanford audit runs under make bench only")
    doc = request.getfixturevalue("stanford_doc")(zones)
    render_doc(doc, "pdf", RenderOptions(lang="vi"))  # warm: imports, fonts
    result = benchmark.pedantic(lambda: _fresh(doc, "pdf"), rounds=5, iterations=1)
    assert result.startswith(b"%PDF-")
    median = benchmark.stats.stats.median
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:  # the page count, as poppler reads it
        pdf = tmp_path / "stanford.pdf"
        pdf.write_bytes(result)
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        print(f"\nStanford {zones}-zone PDF: {pages} pages, {len(result) / 1e6:.2f} MB, median {median:.2f} s")
        assert pages <= STANFORD_PAGES
    assert median <= STANFORD_TARGET


@pytest.mark.parametrize("network", ["routeros", "rooms"])
def test_pdf_render_many_zones(benchmark, tmp_path, network):
    """JSON document → PDF, the default summary, in process, of a RouterOS router with 50
    VLAN zones, a guest and the Internet (2,601 zone pairs; 20,000 forward rules under
    make bench, 1,000 otherwise) and of an IOS core with 80 rooms, servers and the
    Internet (82 zones): at most 40 pages in at most 5 s, the matrix printed by zone kind
    and by source zone."""
    from netaudit.audit import run_audit
    from netaudit.messages import t
    from netaudit.report.json_report import audit_dict

    from .test_bench_scale import routeros_rules, zones_office

    folder = tmp_path / network
    folder.mkdir()
    if network == "routeros":
        routeros_rules(folder, 20_000 if benchmark.enabled else 1_000)
        site = None
    else:
        zones_office(folder, 80)
        site = folder / "site.yaml"
    doc = audit_dict(run_audit([folder], site), RenderOptions())
    assert len(doc["zones"]) > 50
    render_doc(doc, "pdf", RenderOptions(lang="vi"))  # warm: imports, fonts
    result = benchmark.pedantic(lambda: _fresh(doc, "pdf"), rounds=3, iterations=1)
    pdf = tmp_path / "many-zones.pdf"
    pdf.write_bytes(result)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    pages = text.count("\f")
    flat = " ".join(text.split())
    for key in ("matrix.grouped.title", "matrix.sources.title"):
        assert t(key, "vi") in flat, key
    if network == "routeros":
        assert t("matrix.grouped.pairs", "vi", n=225) in flat  # guest → internal: 5 guest by 45 internal
    median = benchmark.stats.stats.median if benchmark.enabled else 0.0
    print(f"\n{len(doc['zones'])}-zone {network} PDF: {pages} pages, median {median:.2f} s")
    assert 0 < pages <= STANFORD_PAGES
    assert median <= STANFORD_TARGET
