"""netaudit scan with real packets in the netns lab (tests/lab/netns.py; root needed)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from netaddr import IPAddress, IPNetwork

from netaudit.cli import main
from netaudit.live import probe as probe_mod
from netaudit.live.evidence import run_from_dict
from netaudit.live.scan import sweep_addresses
from tests.lab import netns

NETAUDIT = str(Path(sys.executable).with_name("netaudit"))
SITE = Path(__file__).resolve().parents[1] / "lab" / "office" / "site.yaml"
OFFICE = SITE.parent
ZONES = [IPNetwork(n) for n in ("10.77.40.0/24", "10.77.10.0/24", "10.77.20.0/24", "10.77.99.0/24")]

_why = netns.available()
lab_only = pytest.mark.skipif(_why is not None, reason=_why or "")


@pytest.fixture(scope="module")
def lab():
    lab = netns.build_lab()
    try:
        yield lab
    finally:
        lab.teardown()


def scan(lab, zone: str, out: Path, *extra: str) -> tuple[dict, subprocess.CompletedProcess]:
    r = lab.exec(zone, NETAUDIT, "scan", "-o", str(out), "--rate", "500/s", *extra, check=False)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text())
    run_from_dict(doc, str(out))  # a valid netaudit/probes/v1 document
    return doc, r


@lab_only
def test_scan_from_guest_finds_router_traces_zones_stays_in_scope(lab, tmp_path):
    pcap = tmp_path / "scan.pcap"
    cap = subprocess.Popen(
        ["ip", "netns", "exec", lab.ns("guest"), "tcpdump", "-n", "-i", "eth0", "-U", "-w", str(pcap)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        doc, _r = scan(lab, "guest", tmp_path / "g.json", "--site", str(SITE))
        time.sleep(0.2)
    finally:
        cap.terminate()
        cap.wait(5)
    mac = json.loads(netns.sh("ip", "-n", lab.router, "-j", "link", "show", "r-guest").stdout)[0]["address"]
    v = doc["vantage"]
    assert (v["zone"], v["interface"], v["address"], v["gateway"]) == ("guest", "eth0", "10.77.40.23/24", "10.77.40.1")
    assert v["source"] == "netaudit scan" and v["dhcp_server"] is None and "note" not in v
    assert doc["hosts"] == [{"address": "10.77.40.1", "mac": mac, "how": "arp"}]
    assert doc["plan"]["subnet"] == "10.77.40.0/24" and doc["plan"]["arp_asked"] == 253
    # traces: one per other zone of the site, first hop the router
    traces = {t["zone"]: t for t in doc["traces"]}
    assert set(traces) == {"staff", "servers", "mgmt"}
    for t in traces.values():
        assert t["hops"][0] == "10.77.40.1"
        assert any(IPAddress(t["dst"]) in n for n in ZONES)
    # service check on the host found: the router answers ping, ssh dropped by its input rule
    res = {(p["dst"], p["service"]): p["result"] for p in doc["probes"]}
    assert {d for d, _ in res} == {"10.77.40.1"} and len(res) == 13
    assert res[("10.77.40.1", "icmp/8")] == "answered" and res[("10.77.40.1", "tcp/22")] == "no_answer"
    assert doc["refused_targets"] == []
    # on the wire: IP only toward the site's zones, ARP only inside the local subnet
    from scapy.layers.inet import IP
    from scapy.layers.l2 import ARP
    from scapy.utils import rdpcap

    packets = rdpcap(str(pcap))
    ours = [p for p in packets if IP in p and p[IP].src == "10.77.40.23"]
    assert len(ours) >= len(doc["probes"]) + 3
    assert all(any(IPAddress(p[IP].dst) in n for n in ZONES) for p in ours)
    arps = [p for p in packets if ARP in p and p[ARP].op == 1 and p[ARP].psrc == "10.77.40.23"]
    assert len(arps) >= 253
    assert all(IPAddress(p[ARP].pdst) in IPNetwork("10.77.40.0/24") for p in arps)
    # the file merges: audit --probes accepts it
    assert main(["audit", str(OFFICE), "--probes", str(tmp_path / "g.json"), "--format", "json", "-o", "-"]) in (0, 1)


@lab_only
def test_scan_without_site_unknown_zone_local_only(lab, tmp_path):
    doc, r = scan(lab, "mgmt", tmp_path / "m.json", "--max-hosts", "5", "--timeout", "0.5")
    v = doc["vantage"]
    assert v["zone"] == "unknown" and "refuses" in v["note"]
    assert "vantage zone unknown" in r.stderr
    assert doc["plan"]["arp_asked"] == 5 and doc["traces"] == []
    assert [h["address"] for h in doc["hosts"]] == ["10.77.99.1"]
    assert {p["dst"] for p in doc["probes"]} == {"10.77.99.1"}
    res = {p["service"]: p["result"] for p in doc["probes"]}
    assert res["tcp/22"] == "answered"  # the router's ssh from mgmt
    # audit --probes refuses a file whose vantage zone is unknown (exit 2)
    assert main(["audit", str(OFFICE), "--probes", str(tmp_path / "m.json"), "--format", "json", "-o", "-"]) == 2


@lab_only
def test_scan_sweep_fits_max_time_and_records_the_ssid_given(lab, tmp_path):
    """A /24 at 40 packets/s does not fit in half of a 3 s bound: the sweep is cut to the
    addresses that fit (and says so), and the whole run ends within the bound."""
    t0 = time.monotonic()
    doc, _ = scan(
        lab,
        "staff",
        tmp_path / "s.json",
        "--site",
        str(SITE),
        "--rate",
        "40/s",
        "--timeout",
        "0.5",
        "--max-time",
        "3",
        "--ssid",
        "UBND-CanBo",
    )
    elapsed = time.monotonic() - t0
    assert doc["plan"]["arp_asked"] == 40 and doc["plan"]["arp_limited_by_time"] is True
    assert doc["vantage"]["ssid"] == "UBND-CanBo"
    assert elapsed < 3 + 2.5  # the bound, plus the interpreter's and scapy's start-up


def test_sweep_bounded():
    net, addrs = sweep_addresses("10.1.5.9/16", "10.1.0.1", 256)
    assert str(net) == "10.1.4.0/22" and len(addrs) == 256 and addrs[0] == "10.1.4.1"
    assert "10.1.0.1" not in addrs  # a gateway outside the swept /22 is not added
    net, addrs = sweep_addresses("10.1.5.9/24", "10.1.5.254", 3)
    assert addrs == ["10.1.5.254", "10.1.5.1", "10.1.5.2"]
    assert "10.1.5.9" not in sweep_addresses("10.1.5.9/28", None, 256)[1]


def test_non_root_one_line_exit_2(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(probe_mod.os, "geteuid", lambda: 1000)
    monkeypatch.setattr("netaudit.live.scan.can_send_raw", lambda: False)
    assert main(["scan", "-o", str(tmp_path / "s.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "root or CAP_NET_RAW" in err
    assert not (tmp_path / "s.json").exists()
