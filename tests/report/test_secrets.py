"""Secrets never leave netaudit unless --show-secrets: every format, the sample configs and
the vendor fixtures (plain-text passwords, SNMP communities, keys)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import PDFTOTEXT, ROOT, cli

SOURCES = [ROOT / "sample_configs" / "cisco-commune-leaky", ROOT / "sample_configs" / "cisco-commune-compliant",
           ROOT / "tests" / "fixtures" / "ios"]
_SECRET_LINE = re.compile(
    r"\b(?:enable (?:secret|password)|username \S+ .*?(?:secret|password)|password|secret|key-string|key|"
    r"snmp-server community)\s+(?:(?:0|5|7|8|9)\s+)?(?P<val>\S+)", re.I)


def _secrets(folder: Path) -> set[str]:
    """Secret values read straight from the configs (independently of the parser)."""
    out = set()
    for cfg in folder.glob("*.cfg"):
        for line in cfg.read_text(encoding="utf-8", errors="replace").splitlines():
            s = line.strip()
            if s.startswith(("!", "service password-encryption", "no service")) or "rsakeypair" in s:
                continue
            m = _SECRET_LINE.search(s)
            if m and len(m.group("val")) >= 4 and m.group("val").lower() not in ("level", "encryption"):
                out.add(m.group("val"))
    return out


def test_secret_extraction_finds_the_fixtures_secrets():
    found = _secrets(ROOT / "tests" / "fixtures" / "ios")
    assert {"cisco123", "Admin@2023", "Tanphu-RO-2024", "Support@123", "Hsrp-Key-10", "public", "private"} <= found


@pytest.mark.parametrize("folder", SOURCES, ids=lambda p: p.name)
def test_no_secret_in_any_format(folder, tmp_path):
    secrets = _secrets(folder)
    assert secrets, folder
    outputs: dict[str, str] = {}
    for fmt in ("text", "json"):
        out = tmp_path / f"report.{fmt}"
        res = cli("audit", folder, "--format", fmt, "-o", out, "--lang", "en")
        assert res.returncode in (0, 1), res.stderr.decode()[-2000:]
        outputs[fmt] = out.read_text(encoding="utf-8")
    # Every other format renders from the JSON document (as `netaudit report` does).
    from netaudit.report import RenderOptions, load_doc, render_doc
    from netaudit.report.drawio import render as drawio
    doc = load_doc(tmp_path / "report.json")
    for fmt in ("html", "md", "sarif", "pdf"):
        data = render_doc(doc, fmt, RenderOptions(lang="vi"))
        if fmt == "pdf":
            if PDFTOTEXT is None:
                continue
            (tmp_path / "report.pdf").write_bytes(data)
            data = subprocess.run([PDFTOTEXT, str(tmp_path / "report.pdf"), "-"], capture_output=True,
                                  check=True).stdout.decode()
        outputs[fmt] = data
    outputs["drawio"] = drawio(doc, "en")
    html = tmp_path / "cli.html"
    assert cli("audit", folder, "--format", "html", "-o", html).returncode in (0, 1)
    outputs["cli-html"] = html.read_text(encoding="utf-8")
    for fmt, text in outputs.items():
        assert not [s for s in secrets if _leaks(s, text)], fmt
    if folder.name == "ios":
        assert "******" in outputs["json"] and "******" in outputs["html"]


def _leaks(secret: str, text: str) -> bool:
    """Plain words ("cisco", "public", "private") are also vendor names and English words:
    for them only a use as a secret counts; any other value must not appear at all."""
    if secret.isalpha():
        return re.search(rf"(?:password|secret|community|key)\s+(?:\d\s+)?{re.escape(secret)}\b", text, re.I) is not None
    return secret in text


def test_show_secrets_shows_them(tmp_path):
    out = tmp_path / "r.md"
    assert cli("audit", ROOT / "tests" / "fixtures" / "ios", "--format", "md", "-o", out,
               "--show-secrets").returncode in (0, 1)
    assert "snmp-server community public RO" in out.read_text(encoding="utf-8")
