"""Live evidence merged with the static verdicts (netaudit/live/merge.py, checks/live.py)."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLES, cells, run_cli

from netaudit.audit import failures, run_audit
from netaudit.checks import AuditContext, load_checks
from netaudit.live.evidence import Probe, ProbeRun, run_from_dict
from netaudit.live.merge import merge

COMPLIANT = SAMPLES / "cisco-commune-compliant"


def _run(*probes, zone="guest"):
    return ProbeRun(file="guest.json", sha256="0" * 64, vantage={"zone": zone}, probes=list(probes))


def _doc(*probes, zone="guest"):
    return {"schema": "netaudit/probes/v1", "vantage": {"zone": zone, "source": "test"}, "probes": list(probes)}


@pytest.fixture(scope="module")
def base():
    return run_audit([COMPLIANT])


def test_no_probes_no_live(base):
    assert base.live is None
    assert not any(f.check.startswith("live-") for f in base.findings)


def test_answer_on_blocked_cell_is_a_contradiction():
    probe = Probe("10.10.10.5", "tcp/445", "answered", zone="staff", detail="SYN-ACK")
    silent = Probe("10.10.20.10", "tcp/3389", "no_answer")
    dev = Probe("10.10.40.1", "udp/53", "answered", detail="DNS reply")
    out = Probe("8.8.8.8", "udp/53", "answered")
    own = Probe("10.10.40.7", "icmp/8", "answered")
    a = run_audit([COMPLIANT], probes=[_run(probe, silent, dev, out, own)])
    c = cells(a)
    assert c[("guest", "staff")].verdict == "blocked"  # the static verdict is unchanged
    assert a.live.cell("guest", "staff").status == "contradiction"
    assert a.live.cell("guest", "servers").status == "consistent"  # blocked and silent
    assert a.live.cell("guest", "@devices").status == "confirmed"  # a device's own address
    assert a.live.cell("guest", "internet").status == "confirmed"
    assert a.live.cell("guest", "mgmt").status == "not_observed"  # no probe
    assert a.live.cell("staff", "guest").status == "not_observed"  # not a vantage zone
    assert [(p.dst, why) for _, p, why in a.live.unplaced] == [("10.10.40.7", "address inside the vantage zone itself")]
    f = [f for f in a.findings if f.check == "live-contradiction"]
    assert len(f) == 1 and f[0].severity == "critical" and f[0].zones == ["guest", "staff"]
    assert "10.10.10.5" in f[0].detail["en"] and "tcp/445" in f[0].detail["en"] and "SYN-ACK" in f[0].detail["en"]
    assert "ISP modem" in f[0].remediation["en"] and f[0].detail["vi"] != f[0].detail["en"]
    assert f[0].evidence  # the lines that should have stopped it
    assert any("finding" in why for why in failures(a))  # a contradiction fails the audit


def test_probe_zone_field_is_only_a_hint():
    # The probe says "servers", the address belongs to staff: the owner decides.
    a = run_audit([COMPLIANT], probes=[_run(Probe("10.10.10.5", "tcp/445", "refused", zone="servers"))])
    assert a.live.cell("guest", "staff").status == "contradiction"  # refused: the target answered
    assert a.live.cell("guest", "servers").status == "not_observed"


def test_prohibited_and_silence_never_contradict():
    a = run_audit(
        [COMPLIANT],
        probes=[
            _run(
                Probe("10.10.10.5", "tcp/445", "prohibited", hop="10.10.40.1"),
                Probe("10.10.10.6", "udp/161", "no_answer"),
            )
        ],
    )
    lc = a.live.cell("guest", "staff")
    assert lc.status == "consistent" and lc.counts == {"answered": 0, "refused": 0, "prohibited": 1, "no_answer": 1}
    assert not any(f.check.startswith("live-") for f in a.findings)


def test_unknown_cell_resolved_by_answer_never_blocked_by_silence(base):
    matrix = [c for c in base.matrix]
    cell = next(c for c in matrix if (c.src, c.dst) == ("guest", "staff"))
    saved, saved_maybe = cell.verdict, cell.maybe
    try:
        # What the engine leaves an unknown cell: packets that may be delivered.
        cell.verdict, cell.maybe = "unknown", base.engine.hs.true
        silent = merge(matrix, base.engine, [_run(Probe("10.10.10.5", "tcp/445", "no_answer"))])
        assert silent.cell("guest", "staff").status == "not_observed"
        prohibited = merge(matrix, base.engine, [_run(Probe("10.10.10.5", "tcp/445", "prohibited", hop="10.10.40.1"))])
        assert prohibited.cell("guest", "staff").status == "not_observed"
        live = merge(matrix, base.engine, [_run(Probe("10.10.10.5", "tcp/445", "answered", detail="SYN-ACK"))])
        assert live.cell("guest", "staff").status == "resolved"
        assert cell.verdict == "unknown"  # the static verdict is never changed
        # The policy denies guest -> staff: a violation proven live.
        ctx = AuditContext(
            base.devices,
            base.snapshot.reports,
            base.topology,
            base.site,
            base.zones,
            matrix,
            base.engine.hs,
            base.engine,
            live,
        )
        found = list(load_checks()["live-violation"].func(ctx, load_checks()["live-violation"]))
        assert len(found) == 1 and found[0].severity == cell.expectation.severity == "critical"
        assert not list(load_checks()["live-contradiction"].func(ctx, load_checks()["live-contradiction"]))
    finally:
        cell.verdict, cell.maybe = saved, saved_maybe


def test_json_has_probes_section_and_live_cells(tmp_path):
    f = tmp_path / "guest.json"
    f.write_text(
        json.dumps(_doc({"dst": "10.10.10.5", "service": "tcp/445", "result": "answered", "detail": "SYN-ACK"}))
    )
    code, out, err = run_cli("audit", COMPLIANT, "--format", "json", "--probes", str(f))
    assert code == 1, err
    doc = json.loads(out)
    run = doc["probes"]["runs"][0]
    assert run["file"] == str(f) and len(run["sha256"]) == 64 and run["vantage"]["zone"] == "guest"
    assert run["counts"] == {"answered": 1, "refused": 0, "prohibited": 0, "no_answer": 0}
    assert doc["probes"]["statuses"]["contradiction"] == 1 and doc["probes"]["unplaced"] == []
    live = {(c["src"], c["dst"]): c["live"] for c in doc["matrix"]}
    assert live[("guest", "staff")]["status"] == "contradiction"
    assert live[("guest", "staff")]["examples"][0]["dst"] == "10.10.10.5"
    assert live[("staff", "servers")] == {
        "status": "not_observed",
        "counts": {"answered": 0, "refused": 0, "prohibited": 0, "no_answer": 0},
        "examples": [],
    }
    assert [x["check"] for x in doc["findings"]].count("live-contradiction") == 1
    # Without probes: no additions, and the compliant office passes.
    code, out, _ = run_cli("audit", COMPLIANT, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and "probes" not in doc and not any("live" in c for c in doc["matrix"])


def test_cli_text_and_nmap(tmp_path):
    from helpers import FIXTURES

    f = tmp_path / "guest.json"
    f.write_text(json.dumps(_doc({"dst": "10.10.20.10", "service": "tcp/445", "result": "no_answer"})))
    code, out, err = run_cli(
        "audit",
        COMPLIANT,
        "--lang",
        "en",
        "--probes",
        str(f),
        "--probes",
        f"{FIXTURES / 'nmap' / 'guest-scan.xml'}@guest",
    )
    assert code == 1, err  # the nmap scan reached staff (10.10.10.5 tcp/445 open)
    assert "Live evidence" in out and "CONTRADICTION" in out and "Vantage point: zone guest" in out
    assert out.index("CONTRADICTION") < out.index("consistent")  # contradictions first
    code, out, err = run_cli("audit", COMPLIANT, "--lang", "en", "--probes", str(f))
    assert code == 0, err  # silence on blocked cells: consistent, and the audit passes


def test_run_from_dict_schema():
    run = run_from_dict(_doc({"dst": "10.10.10.5", "service": "tcp/445", "result": "answered"}), "x.json")
    assert run.zone == "guest" and run.probes[0].reached


def test_a_service_the_configs_block_contradicts_even_in_a_reachable_cell(base):
    """The comparison is per probe: guest reaches the devices for DNS/DHCP only, so a telnet
    answer from the gateway is a contradiction although the cell guest → @devices is
    reachable; the DNS answer on its own is only confirmed."""
    matrix = list(base.matrix)
    cell = next(c for c in matrix if (c.src, c.dst) == ("guest", "@devices"))
    assert cell.verdict == "reachable"
    gateway = "10.10.40.1"
    dns = merge(matrix, base.engine, [_run(Probe(gateway, "udp/53", "answered"))])
    assert dns.cell("guest", "@devices").status == "confirmed"
    telnet = Probe(gateway, "tcp/23", "answered", detail="SYN-ACK")
    live = merge(matrix, base.engine, [_run(Probe(gateway, "udp/53", "answered"), telnet)])
    lc = live.cell("guest", "@devices")
    assert lc.status == "contradiction" and lc.static[telnet] == "blocked" and lc.decisive[0] == telnet
