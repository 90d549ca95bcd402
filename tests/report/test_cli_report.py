"""CLI: report formats on `audit`, the `report` subcommand, exit codes, lazy imports."""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import EPOCH, ROOT, cli

LEAKY = "sample_configs/cisco-commune-leaky"
COMPLIANT = "sample_configs/cisco-commune-compliant"
HEAVY = ("jinja2", "markupsafe", "weasyprint", "N2G", "jsonschema", "pydyf", "tinycss2")


def _imported(*args) -> set[str]:
    """Top-level packages imported by one CLI run (python -X importtime)."""
    import subprocess

    res = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "netaudit.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode in (0, 1), res.stderr[-2000:]
    mods = set()
    for line in res.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return mods


def test_json_audit_does_not_import_report_dependencies():
    mods = _imported("audit", LEAKY, "--format", "json")
    assert "netaudit" in mods
    assert not mods & set(HEAVY), mods & set(HEAVY)


def test_html_does_not_import_weasyprint(tmp_path):
    mods = _imported("audit", LEAKY, "--format", "html", "-o", str(tmp_path / "r.html"))
    assert "jinja2" in mods and "weasyprint" not in mods and "jsonschema" not in mods


def test_formats_write_files_and_keep_exit_codes(tmp_path):
    for fmt in ("html", "md", "sarif", "json"):
        out = tmp_path / f"leaky-{fmt}.{fmt}"
        res = cli("audit", LEAKY, "--format", fmt, "-o", out)
        assert res.returncode == 1, res.stderr.decode()[-2000:]  # high findings, as before
        assert out.stat().st_size > 1000
        assert out.with_suffix(".drawio").exists() == (fmt in ("html", "md"))
    res = cli("audit", COMPLIANT, "--format", "md", "-o", tmp_path / "ok.md")
    assert res.returncode == 0
    assert cli("audit", LEAKY, "--format", "html", "-o", tmp_path / "x.html", "--fail-on", "critical").returncode == 1


def test_html_to_stdout_and_diagram_option(tmp_path):
    drawio = tmp_path / "sodo.drawio"
    res = cli("audit", COMPLIANT, "--format", "html", "--diagram", drawio, "--lang", "en")
    assert res.returncode == 0 and res.stdout.startswith(b"<!DOCTYPE html>")
    assert b"Editable diagram (draw.io): sodo.drawio" in res.stdout
    assert drawio.read_text(encoding="utf-8").startswith("<mxfile")


def test_report_subcommand(tmp_path):
    saved = tmp_path / "audit.json"
    assert cli("audit", LEAKY, "--format", "json", "-o", saved).returncode == 1
    for fmt in ("html", "md", "sarif", "json", "pdf"):
        out = tmp_path / f"r.{fmt}"
        res = cli("report", saved, "--format", fmt, "-o", out, "--standard", "tt12-2022")
        assert res.returncode == 0, res.stderr.decode()[-2000:]
    again = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert again["conclusion"]["standard"] == "tt12-2022"
    assert again["findings"] == json.loads(saved.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize(
    "content,expect",
    [
        (b"not json at all", "not valid JSON"),
        (b'{"schema": "other/v1"}', "not a netaudit audit document"),
        (b"[1, 2]", "not a netaudit audit document"),
        (b'{"schema": "netaudit/audit/v1", "zones": {}}', "without a valid"),
        (b"\xff\xfe\x00bad", "not"),
        # a value of a newer version (or a hand edit), hostile nesting and numbers: tracebacks were
        (
            b'{"schema": "netaudit/audit/v1", "zones": [], "inputs": [], "findings": [], '
            b'"matrix": [{"src": "a", "dst": "b", "verdict": "partial"}]}',
            "matrix[0].verdict is 'partial', which this version of netaudit does not know",
        ),
        (
            b'{"schema": "netaudit/audit/v1", "zones": [], "inputs": [], "matrix": [], '
            b'"findings": [{"severity": "urgent"}]}',
            "findings[0].severity is 'urgent'",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "RecursionError"),
        (b'{"schema": "netaudit/audit/v1", "level": 1' + b"0" * 5000 + b"}", "ValueError"),
    ],
)
def test_report_rejects_foreign_files(tmp_path, content, expect):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    res = cli("report", bad, "--format", "html", "-o", tmp_path / "r.html", "--lang", "en")
    err = res.stderr.decode()
    assert res.returncode == 2 and err.count("\n") == 1 and expect in err and str(bad) in err, err
    assert not (tmp_path / "r.html").exists()


def test_usage_errors_exit_2(tmp_path):
    for args in (
        ("report", tmp_path / "missing.json"),
        ("audit", LEAKY, "--format", "pdf"),
        ("audit", LEAKY, "--format", "pdf", "-o", "-"),
        ("audit", LEAKY, "--format", "html", "-o", tmp_path / "no" / "such" / "dir.html"),
        ("audit", LEAKY, "--date", "02/09/2026"),
        ("audit", LEAKY, "--standard", "iso27001"),
    ):
        res = cli(*args)
        assert res.returncode == 2, args
        assert res.stderr.decode().count("\n") == 1, res.stderr


def test_site_file_cover_fields_and_dates(tmp_path):
    import shutil

    folder = tmp_path / "office"
    shutil.copytree(ROOT / COMPLIANT, folder)
    with open(folder / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write(
            'address: "Thôn Đông, xã Tân Phú"\ninspected_by: "Đoàn kiểm tra Công an tỉnh"\n'
            "inspection_date: 2026-09-03\n"
            'devices:\n  UBNDTP-CORE: {location: "Phòng máy, tầng 1", purpose: "Chuyển mạch trung tâm"}\n'
        )
    out = tmp_path / "r.json"
    assert cli("audit", folder, "--format", "json", "-o", out).returncode == 0
    site = json.loads(out.read_text(encoding="utf-8"))["site"]
    assert site["inspection_date"] == "2026-09-03" and "__line__" not in json.dumps(site)
    md = tmp_path / "r.md"
    assert cli("report", out, "--format", "md", "-o", md, "--prepared-by", "Lê Văn D").returncode == 0
    text = md.read_text(encoding="utf-8")
    for want in (
        "Thôn Đông, xã Tân Phú",
        "Đoàn kiểm tra Công an tỉnh",
        "ngày 03 tháng 9 năm 2026",
        "Lê Văn D",
        "Phòng máy, tầng 1",
    ):
        assert want in text


def _usable_samples() -> list[str]:
    out = []
    for d in sorted((ROOT / "sample_configs").iterdir()):
        if (d / "site.yaml").is_file():  # an office (blueprints/ holds intent files)
            out.append(d.name)
    return out


@pytest.mark.parametrize("sample", _usable_samples())
def test_every_sample_renders(sample, tmp_path):
    """Reports render for every sample office the parsers can read (other vendors included)."""
    saved = tmp_path / "a.json"
    res = cli("audit", ROOT / "sample_configs" / sample, "--format", "json", "-o", saved)
    # Every sample is auditable: exit 2 here is a parser or site regression, not a skip.
    assert res.returncode in (0, 1), res.stderr.decode()[-2000:]
    for fmt in ("html", "md", "sarif"):
        r = cli("report", saved, "--format", fmt, "-o", tmp_path / f"r.{fmt}")
        assert r.returncode == 0, (fmt, r.stderr.decode()[-2000:])
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == len(json.loads(saved.read_text(encoding="utf-8"))["findings"])
