"""netaudit probe with real packets in the netns lab (tests/lab/netns.py; root needed).

The lab is the network of tests/lab/office: the plan comes from its static audit."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netaudit.cli import main
from netaudit.live.evidence import run_from_dict
from tests.lab import netns

NETAUDIT = str(Path(sys.executable).with_name("netaudit"))
OFFICE = Path(__file__).resolve().parents[1] / "lab" / "office"

_why = netns.available()
pytestmark = pytest.mark.skipif(_why is not None, reason=_why or "")


@pytest.fixture(scope="module")
def lab():
    lab = netns.build_lab()
    try:
        yield lab
    finally:
        lab.teardown()


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lab") / "audit.json"
    assert main(["audit", str(OFFICE), "--format", "json", "-o", str(out)]) in (0, 1)
    return out


def probe(lab, zone: str, plan: Path, out: Path, *extra: str) -> tuple[dict, float]:
    t0 = time.monotonic()
    r = lab.exec(zone, NETAUDIT, "probe", "--zone", zone, "--plan", str(plan), "-o", str(out), *extra, check=False)
    elapsed = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text())
    run_from_dict(doc, str(out))  # a valid netaudit/probes/v1 document
    return doc, elapsed


@contextlib.contextmanager
def rule_not_in_config(lab):
    """A rule on the lab router that tests/lab/office/lab-rt.cfg does not have: guest may
    open tcp/8080 on the server 10.77.20.10.  The router's rules are restored after."""
    lab.nft(
        "insert",
        "rule",
        "inet",
        "lab",
        "forward",
        "iifname",
        "r-guest",
        "ip",
        "daddr",
        "10.77.20.10",
        "tcp",
        "dport",
        "8080",
        "accept",
    )
    try:
        yield
    finally:
        lab.nft("flush", "ruleset")
        netns.sh("ip", "netns", "exec", lab.router, "nft", "-f", "-", input=netns.RULES)


def results(doc: dict) -> dict[tuple[str, str], dict]:
    return {(p["dst"], p["service"]): p for p in doc["probes"]}


def test_guest_blocked_and_out_of_scope_never_sent(lab, plan, tmp_path):
    pcap = tmp_path / "guest.pcap"
    cap = subprocess.Popen(
        ["ip", "netns", "exec", lab.ns("guest"), "tcpdump", "-n", "-i", "eth0", "-U", "-w", str(pcap), "ip"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        doc, elapsed = probe(
            lab, "guest", plan, tmp_path / "g.json", "--target", "8.8.8.8", "--rate", "500/s", "--trace"
        )
        time.sleep(0.2)
    finally:
        cap.terminate()
        cap.wait(5)
    assert elapsed < 30
    r = results(doc)
    v = doc["vantage"]
    assert v["zone"] == "guest" and v["interface"] == "eth0" and v["address"] == "10.77.40.23/24"
    assert v["gateway"] == "10.77.40.1" and v["mac"] and v["started"] and v["finished"]
    # guest → staff: rejected by the router with ICMP 3/13, named as the hop
    p = r[("10.77.10.5", "tcp/445")]
    assert (p["result"], p["hop"]) == ("prohibited", "10.77.40.1") and p["detail"] == "ICMP 3/13 from 10.77.40.1"
    # guest → servers / mgmt: dropped, nothing comes back (even where a listener runs)
    for dst, svc in (("10.77.20.10", "tcp/80"), ("10.77.20.10", "udp/53"), ("10.77.99.10", "icmp/8")):
        assert r[(dst, svc)]["result"] == "no_answer"
    # the router: ping allowed on the guest side, ssh (listening) blocked by the input rule
    assert r[("10.77.40.1", "icmp/8")]["result"] == "answered"
    assert r[("10.77.40.1", "tcp/22")]["result"] == "no_answer"
    assert {p["result"] for p in doc["probes"]} <= {"prohibited", "no_answer", "answered"}
    assert [p for p in doc["probes"] if p["result"] == "answered"] == [r[("10.77.40.1", "icmp/8")]]
    # out of scope: refused, not probed, not a single packet on the wire
    assert {"dst": "8.8.8.8", "why": "outside every zone of the site file"} in doc["refused_targets"]
    assert all(p["dst"] != "8.8.8.8" for p in doc["probes"])
    from scapy.layers.inet import IP
    from scapy.utils import rdpcap

    packets = rdpcap(str(pcap))
    sent = [pk for pk in packets if IP in pk and pk[IP].src == "10.77.40.23"]
    assert len(sent) >= len(doc["probes"])  # the capture saw the run
    assert not [pk for pk in packets if IP in pk and "8.8.8.8" in (pk[IP].dst, pk[IP].src)]
    trace = next(t for t in doc["traces"] if t["zone"] == "@devices")
    assert trace == {"zone": "@devices", "dst": "10.77.40.1", "hops": ["10.77.40.1"], "ended": "destination"}
    # toward staff the router says "time exceeded" at TTL 1, then rejects (3/13): the trace
    # stops there instead of listing silence up to the hop limit
    trace = next(t for t in doc["traces"] if t["zone"] == "staff")
    assert trace["hops"] == ["10.77.40.1", "10.77.40.1"]
    assert trace["ended"] == "unreachable (icmp 3/13) at 10.77.40.1"
    # toward servers the router drops silently after the first hop
    trace = next(t for t in doc["traces"] if t["zone"] == "servers")
    assert trace["hops"] == ["10.77.40.1"] and trace["ended"] == "silent"
    # no SSID on a veth; no lease file names a DHCP server in the lab
    assert v["ssid"] is None and v["dhcp_server"] is None


def test_mgmt_answered_and_refused(lab, plan, tmp_path):
    doc, elapsed = probe(lab, "mgmt", plan, tmp_path / "m.json", "--rate", "500/s")
    r = results(doc)
    assert r[("10.77.20.10", "tcp/80")]["result"] == "answered"  # listener reached
    assert r[("10.77.20.10", "tcp/80")]["detail"] == "SYN-ACK"
    assert r[("10.77.20.10", "udp/53")]["result"] == "answered"
    assert (r[("10.77.20.10", "tcp/23")]["result"], r[("10.77.20.10", "tcp/23")]["detail"]) == ("refused", "RST")
    assert r[("10.77.20.10", "udp/161")]["result"] == "refused"  # ICMP port unreachable from the target
    assert r[("10.77.10.5", "tcp/445")]["result"] == "answered"
    assert r[("10.77.20.1", "tcp/22")]["result"] == "answered"  # the router's ssh from mgmt
    assert r[("10.77.20.64", "tcp/80")]["result"] == "no_answer"  # nobody there
    assert elapsed < 30


def test_rate_limit_holds(lab, plan, tmp_path):
    doc, elapsed = probe(
        lab, "mgmt", plan, tmp_path / "r.json", "--max-probes", "100", "--rate", "50/s", "--timeout", "0.2"
    )
    assert len(doc["probes"]) == 100
    assert elapsed >= 1.9  # 100 probes at 50/s, a burst of at most 2.5
    print(f"100 probes at 50/s: {elapsed:.2f} s wall")


def test_global_time_bound_stops_the_run(lab, plan, tmp_path):
    doc, elapsed = probe(
        lab, "mgmt", plan, tmp_path / "t.json", "--rate", "50/s", "--max-time", "2", "--timeout", "0.5"
    )
    assert elapsed < 4.5  # interpreter start + 2 s bound
    assert 0 < len(doc["probes"]) < doc["plan"]["planned"]
    assert doc["plan"]["not_sent"] == doc["plan"]["planned"] - len(doc["probes"])


def test_rule_not_in_config_makes_blocked_service_answer(lab, plan, tmp_path):
    """A rule added on the router (not in lab-rt.cfg): the probe shows guest → servers tcp/8080
    answered where the static audit says blocked (the merge calls it a contradiction)."""
    audit = json.loads(plan.read_text())
    cell = next(c for c in audit["matrix"] if c["src"] == "guest" and c["dst"] == "servers")
    assert cell["verdict"] == "blocked"
    with rule_not_in_config(lab):
        doc, _ = probe(lab, "guest", plan, tmp_path / "i.json", "--rate", "500/s")
    r = results(doc)
    assert r[("10.77.20.10", "tcp/8080")]["result"] == "answered"
    assert r[("10.77.20.10", "tcp/80")]["result"] == "no_answer"
    # The technician's workflow, last step: the audit with the probes says the configs do
    # not describe the network — a critical contradiction naming the probe — and fails.
    merged = tmp_path / "merged.json"
    rc = main(["audit", str(OFFICE), "--probes", str(tmp_path / "i.json"), "--format", "json", "-o", str(merged)])
    assert rc == 1
    out = json.loads(merged.read_text())
    live = next(c for c in out["matrix"] if c["src"] == "guest" and c["dst"] == "servers")["live"]
    assert live["status"] == "contradiction"
    assert any(e["dst"] == "10.77.20.10" and e["service"] == "tcp/8080" for e in live["examples"])
    found = [f for f in out["findings"] if f["check"] == "live-contradiction"]
    assert len(found) == 1 and found[0]["severity"] == "critical"
    assert "tcp/8080" in json.dumps(found[0], ensure_ascii=False)
    # Cells the probes did not contradict stay as they were: guest -> staff is consistent.
    staff = next(c for c in out["matrix"] if c["src"] == "guest" and c["dst"] == "staff")["live"]
    assert staff["status"] == "consistent"


def test_real_nmap_from_guest_imports_and_merges(lab, plan, tmp_path):
    """An inspector's own nmap run (Debian nmap, -oX) from the guest namespace: the open
    management port is blocked for guest (filtered: silence, consistent), and with the
    injected rule the server's tcp/8080 answers — the import makes it a contradiction."""
    if shutil.which("nmap") is None:
        pytest.skip("nmap is not installed (the Makefile installs it)")
    xml = tmp_path / "scan.xml"
    with rule_not_in_config(lab):
        r = lab.exec(
            "guest",
            "nmap",
            "-n",
            "-Pn",
            "-sS",
            "-p",
            "22,80,8080",
            "--max-retries",
            "1",
            "--host-timeout",
            "20s",
            "-oX",
            str(xml),
            "10.77.20.10",
            "10.77.99.10",
            check=False,
        )
    assert r.returncode == 0, r.stderr
    merged = tmp_path / "merged.json"
    rc = main(["audit", str(OFFICE), "--probes", f"{xml}@guest", "--format", "json", "-o", str(merged)])
    assert rc == 1
    out = json.loads(merged.read_text())
    cells = {(c["src"], c["dst"]): c.get("live", {}) for c in out["matrix"]}
    assert cells[("guest", "servers")]["status"] == "contradiction"
    assert cells[("guest", "mgmt")]["status"] == "consistent"
    assert any(f["check"] == "live-contradiction" for f in out["findings"])
