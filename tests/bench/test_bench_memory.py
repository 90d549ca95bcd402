"""Memory across many audits in one process (issue #15 item 1, issue #8 "memory bounded"):
a province audit runs hundreds of units in one process, so the memory one audit leaves
behind must not grow with the number of audits.  40 audits of the leaky Cisco office;
prints the peak RSS after the first 10 and after all 40."""

from __future__ import annotations

import gc
import resource
from pathlib import Path

from netaudit.audit import run_audit

OFFICE = Path(__file__).resolve().parents[2] / "sample_configs" / "cisco-commune-leaky"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_memory_flat_across_audits(benchmark):
    def campaign():
        peaks = []
        for i in range(40):
            run_audit([OFFICE])
            gc.collect()
            if i in (9, 39):
                peaks.append(_peak_mib())
        return peaks

    after_10, after_40 = benchmark.pedantic(campaign, rounds=1, iterations=1)
    print(f"\npeak RSS after 10 audits {after_10:.0f} MiB, after 40 {after_40:.0f} MiB")
    # Before the shared manager each audit kept ≈ 10 MiB (30 more audits: +300 MiB).
    assert after_40 - after_10 < 30
