"""Benchmark (make bench): ``netaudit blueprint`` for each sample intent, whole process
(interpreter start, generation, self-audit, document, diagram; PDF excluded), target
≤ 2 s (issue #12).  Numbers in docs/performance.md, "Blueprint"."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INTENTS = sorted((ROOT / "sample_configs" / "blueprints").glob("*.yaml"))
NETAUDIT = str(Path(sys.executable).with_name("netaudit"))
TARGET = 2.0


@pytest.mark.parametrize("intent", INTENTS, ids=lambda p: p.stem)
def test_blueprint_whole_process(benchmark, intent, tmp_path):
    def once() -> float:
        t0 = time.monotonic()
        r = subprocess.run(
            [NETAUDIT, "blueprint", str(intent), "-o", str(tmp_path / "out"), "--no-pdf"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert r.returncode == 0, r.stderr
        return time.monotonic() - t0

    elapsed = benchmark.pedantic(once, rounds=3, iterations=1)
    print(f"\n{intent.stem}: {elapsed:.2f} s (last of 3 rounds; target ≤ {TARGET} s)")
