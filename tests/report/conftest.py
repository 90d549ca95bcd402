"""Shared helpers for the report tests: sample audits with a fixed date, browsers, tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT
from helpers import cli as shared_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
ARTIFACTS = ROOT / "tests" / "artifacts"
SAMPLES = {"leaky": "sample_configs/cisco-commune-leaky", "compliant": "sample_configs/cisco-commune-compliant"}
# 2026-09-02 00:00 UTC, the day the sample configs were exported.
EPOCH = "1788307200"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
PDFTOTEXT = shutil.which("pdftotext")

_DOCS: dict[str, dict] = {}


def sample_doc(name: str) -> dict:
    """The JSON audit document of a sample (relative paths, SOURCE_DATE_EPOCH fixed), cached."""
    if name not in _DOCS:
        from netaudit.audit import run_audit
        from netaudit.report import RenderOptions
        from netaudit.report.json_report import audit_dict

        old_cwd, old_env = os.getcwd(), os.environ.get("SOURCE_DATE_EPOCH")
        os.chdir(ROOT)
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        try:
            _DOCS[name] = audit_dict(run_audit([SAMPLES[name]]), RenderOptions())
        finally:
            os.chdir(old_cwd)
            if old_env is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
            else:
                os.environ["SOURCE_DATE_EPOCH"] = old_env
    import copy

    return copy.deepcopy(_DOCS[name])


def render(name: str, fmt: str, lang: str = "vi", **opts) -> str | bytes:
    from netaudit.report import RenderOptions, render_doc

    return render_doc(sample_doc(name), fmt, RenderOptions(lang=lang, **opts))


def cli(*args, cwd: Path = ROOT, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """The command line (output as bytes) with the sample date fixed."""
    return shared_cli(*args, cwd=cwd, env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})}, timeout=timeout, text=False)


def chromium(tmp_path: Path, *args, timeout: int = 90) -> subprocess.CompletedProcess:
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (make sysdeps installs it)")
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *map(str, args),
    ]
    return subprocess.run(cmd, capture_output=True, timeout=timeout, text=True)


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


@pytest.fixture(scope="session")
def leaky_doc():
    return sample_doc("leaky")


@pytest.fixture(scope="session")
def compliant_doc():
    return sample_doc("compliant")
