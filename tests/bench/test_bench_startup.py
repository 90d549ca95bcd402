"""Lean start-up (issue #15 item 2): ``netaudit audit SAMPLE --format json`` as a whole
process for every sample office, target ≤ 0.3 s (``python -c pass`` is the floor).

Imports only what the input needs: no networkx (topology has its own graph; dd's
import of it is kept out), no report library, no nmap loader without probes.
``make bench``: every sample, 5 rounds, interleaved; as a plain test, three samples once.
Prints each sample's median and the floor measured in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "sample_configs").iterdir() if (p / "site.yaml").is_file())


def _run(cmd: list[str]) -> float:
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, cwd=ROOT)
    took = time.perf_counter() - t
    assert res.returncode in (0, 1), res.stderr[-2000:]
    return took


def test_every_sample_audit_process(benchmark):
    samples = SAMPLES if benchmark.enabled else SAMPLES[::6]
    rounds = 5 if benchmark.enabled else 1

    def campaign():
        times: dict[str, list[float]] = {s.name: [] for s in samples}
        floor = []
        for _ in range(rounds):
            floor.append(_run([sys.executable, "-c", "pass"]))
            for s in samples:
                times[s.name].append(
                    _run([sys.executable, "-m", "netaudit.cli", "audit", str(s.relative_to(ROOT)), "--format", "json"])
                )
        return times, floor

    times, floor = benchmark.pedantic(campaign, rounds=1, iterations=1)
    print(f"\nload {os.getloadavg()[0]:.2f}; python -c pass: median {statistics.median(floor):.3f} s")
    for name, ts in times.items():
        print(f"{name:36s} median {statistics.median(ts):.3f} s (min {min(ts):.3f}, max {max(ts):.3f})")
