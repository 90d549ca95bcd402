"""Memory across many audits in one process (issue #15 item 1, issue #8 "memory bounded"):
a province audit runs hundreds of units in one process, so the memory one audit leaves
behind must not grow with the number of audits.

Targets (issue #15): 300 sequential audits grow the resident memory by ≤ 100 MiB; 1,000
audits with a peak ≤ 200 MiB.  One fresh process audits every sample office in turn and
renders each audit as the JSON document (what a province run writes), with no
``gc.collect()`` between audits (a real run has none); it reports its resident memory
after the first audit, after the first round of samples, after 300 and after all
audits, and its peak.  ``make bench``: 1,000 audits; as a plain test (``make test``) 20, or one round of the
samples when there are more.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CAMPAIGN = r"""
import json, sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
from netaudit.audit import run_audit
from netaudit.report import RenderOptions, render

def status(key):  # VmRSS: resident now; VmHWM: the peak of this program (getrusage's
    # ru_maxrss would count the parent's memory copied by fork, before exec)
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0

def rss():
    return status("VmRSS")

total = int(sys.argv[1])
samples = sorted(p for p in Path("sample_configs").iterdir() if (p / "site.yaml").is_file())
marks = {"start": rss()}
for i in range(total):
    render(run_audit([samples[i % len(samples)]]), "json", RenderOptions())
    n = i + 1
    if n in (1, len(samples), 300, total):
        marks[str(n)] = rss()
marks["peak"] = status("VmHWM")
marks["samples"] = len(samples)
print(json.dumps(marks))
"""


def test_memory_flat_across_audits(benchmark):
    # as a plain test, one round of every sample office at least (its mark is printed)
    samples = sum(1 for p in (ROOT / "sample_configs").iterdir() if (p / "site.yaml").is_file())
    total = 1000 if benchmark.enabled else max(20, samples)

    def campaign():
        out = subprocess.run(
            [sys.executable, "-c", CAMPAIGN, str(total)], capture_output=True, text=True, cwd=ROOT, check=True
        )
        return json.loads(out.stdout)

    m = benchmark.pedantic(campaign, rounds=1, iterations=1)
    at_300 = m.get("300", m[str(total)])
    print(
        f"\n{total} audits (+ JSON) of {m['samples']} samples in one process: RSS {m['start']:.0f} MiB before, "
        f"{m['1']:.0f} after the first audit, {m[str(m['samples'])]:.0f} after one round, "
        f"{at_300:.0f} after {min(total, 300)}, {m[str(total)]:.0f} after {total}; peak {m['peak']:.0f} MiB"
    )
    # Before the shared BDD manager each audit kept ≈ 10 MiB (300 audits: +2.6 GiB).
    assert at_300 - m["1"] <= 100
    assert m["peak"] <= 200
