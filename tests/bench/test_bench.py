"""Benchmarks (make bench).  Numbers are recorded in docs/performance.md.

Targets (issue #2): a sample commune office, whole `netaudit audit --format json`
process ≤ 0.5 s; Stanford backbone parse + full matrix ≤ 10 s.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netaudit import topology, zones
from netaudit.headerspace import HeaderSpace
from netaudit.inputs import load_snapshot
from netaudit.reach import Engine, compute_matrix

from .stanford import CORPUS, site_dict

ROOT = Path(__file__).resolve().parents[2]


def test_commune_audit_process(benchmark):
    cmd = [
        sys.executable,
        "-m",
        "netaudit.cli",
        "audit",
        str(ROOT / "sample_configs/cisco-commune-leaky"),
        "--format",
        "json",
    ]
    result = benchmark.pedantic(lambda: subprocess.run(cmd, capture_output=True), rounds=10, iterations=1)
    assert result.returncode in (0, 1), result.stderr


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_stanford_parse_and_matrix(benchmark):
    def run():
        snap = load_snapshot([CORPUS])
        site = zones.site_from_dict(site_dict(snap.devices), "stanford-site")
        topo = topology.build(snap.devices, site.links)
        placed, addrs, _ = zones.resolve(site, topo)
        engine = Engine(topo, placed, addrs, HeaderSpace())
        return compute_matrix(engine, [z.name for z in placed])

    cells = benchmark.pedantic(run, rounds=1, iterations=1)
    assert cells
