"""Live probe benchmark (make bench).  Numbers are recorded in docs/performance.md, "Live probes".

Target (issue #10): a commune-size plan (the lab's plan from its static audit, from the guest
zone) sent at the default rate (200/s) in ≤ 30 s.  Needs root and network namespaces
(tests/lab/netns.py); skipped with the reason otherwise.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netaudit.cli import main
from tests.lab import netns

NETAUDIT = str(Path(sys.executable).with_name("netaudit"))
OFFICE = Path(__file__).resolve().parents[1] / "lab" / "office"
TARGET = 30.0
RATE = 200.0  # the default of netaudit probe

_why = netns.available()
pytestmark = pytest.mark.skipif(_why is not None, reason=_why or "")


@pytest.mark.parametrize(
    "extra",
    [[], ["--per-zone", "64"]],
    ids=["commune-plan", "max-probes-2000"],  # the plan as planned; one cut at the default --max-probes
)
def test_probe_commune_plan_default_rate(benchmark, tmp_path, extra):
    plan = tmp_path / "audit.json"
    assert main(["audit", str(OFFICE), "--format", "json", "-o", str(plan)]) in (0, 1)
    lab = netns.build_lab()
    pcap = tmp_path / "guest.pcap"
    try:
        cap = subprocess.Popen(
            ["ip", "netns", "exec", lab.ns("guest"), "tcpdump", "-n", "-i", "eth0", "-U", "-w", str(pcap), "ip"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)
        out = tmp_path / "guest.json"

        def once() -> float:
            t0 = time.monotonic()
            r = lab.exec(
                "guest", NETAUDIT, "probe", "--zone", "guest", "--plan", str(plan), "-o", str(out), *extra, check=False
            )
            assert r.returncode == 0, r.stderr
            return time.monotonic() - t0

        elapsed = benchmark.pedantic(once, rounds=1, iterations=1)
        time.sleep(0.2)
        cap.terminate()
        cap.wait(5)
    finally:
        lab.teardown()
    doc = json.loads(out.read_text())
    n = len(doc["probes"])
    assert n == doc["plan"]["planned"] and doc["plan"]["not_sent"] == 0
    from scapy.layers.inet import IP
    from scapy.utils import rdpcap

    times = [float(p.time) for p in rdpcap(str(pcap)) if IP in p and p[IP].src == "10.77.40.23"]
    assert len(times) >= n
    sending = times[-1] - times[0]
    achieved = (len(times) - 1) / sending
    print(
        f"\n{n} probes from guest at {RATE:.0f}/s requested: {achieved:.1f} probes/s achieved, "
        f"sending {sending:.2f} s, whole process {elapsed:.2f} s (target ≤ {TARGET:.0f} s)"
    )
    assert achieved <= RATE * 1.05 + 1  # the token bucket holds the rate
    assert elapsed <= TARGET
