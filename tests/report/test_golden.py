"""Golden files: the samples' reports, byte for byte, in both languages.

Regenerate after an intended change (and review the diff):

    NETAUDIT_REGEN_GOLDEN=1 python -m pytest tests/report/test_golden.py

The HTML embeds the Graphviz SVG; when the installed Graphviz differs from the one that
produced the golden files (golden/graphviz-version.txt) the diagram section is compared
with its SVG left out, since layout coordinates vary between Graphviz releases.
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from .conftest import GOLDEN, render, sample_doc

REGEN = os.environ.get("NETAUDIT_REGEN_GOLDEN") == "1"
CASES = [(s, lang, fmt) for s in ("leaky", "compliant") for lang in ("vi", "en") for fmt in ("html", "md", "sarif")]
_SECTION = re.compile(r'<section id="diagram".*?</section>', re.S)


def _dot_version() -> str:
    try:
        out = subprocess.run(["dot", "-V"], capture_output=True, text=True, timeout=10)
    except OSError:
        return "none"
    return (out.stderr or out.stdout).strip()


def _compare(path, text: str, html: bool = False) -> None:
    if REGEN:
        path.write_text(text, encoding="utf-8")
        if html:
            (GOLDEN / "graphviz-version.txt").write_text(_dot_version() + "\n", encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path.name}: run NETAUDIT_REGEN_GOLDEN=1 pytest tests/report"
    want = path.read_text(encoding="utf-8")
    recorded = (
        (GOLDEN / "graphviz-version.txt").read_text(encoding="utf-8").strip()
        if (GOLDEN / "graphviz-version.txt").exists()
        else ""
    )
    if html and recorded != _dot_version():
        want, text = _SECTION.sub("", want), _SECTION.sub("", text)
    if text != want:
        got = path.with_suffix(path.suffix + ".got")
        got.write_text(text, encoding="utf-8")
        pytest.fail(
            f"{path.name} differs from the golden file; actual output in {got} "
            f"(regenerate with NETAUDIT_REGEN_GOLDEN=1 if the change is intended)"
        )


@pytest.mark.parametrize("sample,lang,fmt", CASES)
def test_golden_report(sample, lang, fmt):
    text = render(sample, fmt, lang)
    _compare(GOLDEN / f"{sample}.{lang}.{fmt}", text, html=fmt == "html")


@pytest.mark.parametrize("sample", ["leaky", "compliant"])
def test_golden_json(sample):
    """The JSON document carries both languages, so there is one golden file per sample."""
    from netaudit.report import RenderOptions, render_doc

    text = render_doc(sample_doc(sample), "json", RenderOptions())
    _compare(GOLDEN / f"{sample}.json", text)
