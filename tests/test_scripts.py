"""The development scripts under scripts/ run as documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from helpers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


def test_ab_times_both_trees_from_a_directory_of_its_own(tmp_path):
    """scripts/ab.py runs the command under each tree and prints wall, CPU, peak memory and
    the audit's exit code per tree, with the reference program before and after; a tree
    without the package is refused with a one-line message."""
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "ab.py"),
            "--rounds",
            "1",
            str(ROOT),
            str(ROOT),
            "--",
            "audit",
            str(SAMPLES / "cisco-commune-leaky"),
            "--format",
            "json",
            "-o",
            str(tmp_path / "out.json"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len([line for line in lines if "reference program" in line]) == 2
    for label in "AB":
        row = next(line for line in lines if line.startswith(f"{label} "))
        # The leaky sample fails its audit: exit 1, from netaudit itself, not the wrapper.
        assert re.search(r"wall [\d.]+ \(median [\d.]+\), CPU [\d.]+ \(median [\d.]+\), peak \d+ MiB, exit 1$", row)
    assert (tmp_path / "out.json").is_file()
    refused = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ab.py"), str(tmp_path), str(ROOT), "--", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "no netaudit package there" in refused.stderr
