"""Report benchmarks (make bench).  Numbers are recorded in docs/performance.md, "Reports".

Target (issue #3): rendering the leaky commune report to PDF ≤ 3 s.
"""

from __future__ import annotations

import os
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
    result = benchmark.pedantic(lambda: render_doc(doc, "pdf", RenderOptions(lang="vi")), rounds=5, iterations=1)
    assert result.startswith(b"%PDF-")
    if benchmark.enabled:
        print(f"\ncold render (with imports): {cold:.2f} s")
        assert benchmark.stats.stats.median <= TARGET


def test_html_render_leaky(benchmark, leaky_doc):
    doc = leaky_doc
    result = benchmark.pedantic(lambda: render_doc(doc, "html", RenderOptions(lang="vi")), rounds=10, iterations=1)
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
