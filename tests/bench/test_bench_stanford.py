"""The Stanford backbone at scale (issue #15): 16 routers, 12 routing tables (≈ 22,000
routes), one internal zone per building (8 zones) or per half building (16 zones).

Targets: ``netaudit audit … --format json`` as a whole process ≤ 4 s with 8 zones and
≤ 6 s with 16; every source zone's row of the matrix (its propagation, the forged-source
and reply runs, its cells and witnesses) ≤ 0.5 s — Hassel-C's one-port-to-all time on
this network.  The rows are timed once the forwarding tables are built (timed apart:
the counterpart of Hassel-C loading its transfer functions).  Numbers in
docs/performance.md; ``make bench`` runs 3 rounds, ``make test`` one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from netaudit.audit import prepare
from netaudit.inputs import load_snapshot
from netaudit.reach.matrix import compute_matrix, compute_row

from .stanford import CORPUS, site_dict

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (Stanford backbone) not present")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    devices = load_snapshot([CORPUS]).devices
    out = {}
    for n, halves in ((8, False), (16, True)):
        path = tmp_path_factory.mktemp("stanford") / f"site-{n}.yaml"
        path.write_text(yaml.safe_dump(site_dict(devices, halves=halves)), encoding="utf-8")
        out[n] = path
    return out


@pytest.mark.parametrize("zones", [8, 16])
def test_stanford_audit_process(benchmark, sites, zones, tmp_path):
    out = tmp_path / "audit.json"
    cmd = [sys.executable, "-m", "netaudit.cli", "audit", str(CORPUS), "--site", str(sites[zones])]
    cmd += ["--format", "json", "-o", str(out)]
    rounds = 3 if benchmark.enabled else 1
    result = benchmark.pedantic(lambda: subprocess.run(cmd, capture_output=True, text=True), rounds=rounds)
    assert result.returncode in (0, 1), result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["zones"]) >= zones
    assert len(doc["matrix"]) == zones * zones  # every ordered pair and each zone → @devices


@pytest.mark.parametrize("zones", [8, 16])
def test_stanford_row_per_source_zone(sites, zones):
    snap, _site, topo, placed, engine, _ = prepare([CORPUS], sites[zones])
    t = time.perf_counter()
    for dev in topo.devices.values():
        for vrf in sorted(dev.vrfs):
            engine.fib(dev, vrf)
    tables = time.perf_counter() - t
    names = [z.name for z in placed]
    rows, times = [], {}
    for src in names:
        t = time.perf_counter()
        rows.extend(compute_row(engine, src, names))
        times[src] = time.perf_counter() - t
    worst = max(times, key=times.__getitem__)
    print(
        f"\nStanford, {zones} zones: forwarding tables {tables:.2f} s; rows {sum(times.values()):.2f} s, "
        f"slowest {worst} {times[worst]:.3f} s; " + " ".join(f"{z} {s:.3f}" for z, s in times.items())
    )
    # The rows are the matrix: the same verdicts as computing it in one go.
    again = compute_matrix(engine, names)
    assert [(c.src, c.dst, c.verdict) for c in rows] == [(c.src, c.dst, c.verdict) for c in again]
    assert len(snap.devices) == 16 and len(rows) == zones * zones
