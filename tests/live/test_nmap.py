"""nmap XML import (netaudit/live/nmap.py) and the ``--probes FILE[@ZONE]`` loader."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, SAMPLES, run_cli

from netaudit.live.evidence import ANSWERED, NO_ANSWER, PROHIBITED, REFUSED
from netaudit.live.nmap import load
from netaudit.model import InputError

SCAN = FIXTURES / "nmap" / "guest-scan.xml"
COMPLIANT = SAMPLES / "cisco-commune-compliant"


def _by(run):
    return {(p.dst, p.service): p for p in run.probes}


def test_states_map_to_results():
    run = load(f"{SCAN}@guest")
    assert run.zone == "guest" and run.vantage["source"].startswith("nmap 7.93")
    assert run.vantage["started"] == "2024-06-11T09:14:02Z" and len(run.sha256) == 64
    p = _by(run)
    assert p[("10.10.10.5", "tcp/445")].result == ANSWERED  # open / syn-ack
    assert p[("10.10.10.5", "tcp/3389")].result == REFUSED  # closed / reset
    assert p[("10.10.10.5", "tcp/22")].result == NO_ANSWER  # extraports filtered, no-response
    assert p[("10.10.10.5", "icmp/8")].result == ANSWERED  # host up by echo-reply
    adm = p[("10.10.20.10", "tcp/22")]
    assert adm.result == PROHIBITED and adm.hop == "10.10.40.1"  # admin-prohibited, reason_ip
    unreach = p[("10.10.20.10", "tcp/445")]  # host-unreach from a hop, not the target
    assert unreach.result == PROHIBITED and unreach.hop == "10.10.40.1"
    assert p[("10.10.20.10", "tcp/80")].result == NO_ANSWER
    assert ("10.10.20.10", "icmp/8") not in p  # up by user-set (-Pn): no echo evidence
    assert p[("10.10.40.1", "icmp/8")].result == ANSWERED  # arp-response
    assert p[("10.10.40.1", "tcp/445")].result == REFUSED  # extraports closed, listed ports
    assert not any(d == "10.10.99.1" for d, _ in p)  # host down: no probes
    assert {h["address"] for h in run.hosts} == {"10.10.10.5", "10.10.20.10", "10.10.40.1"}


def test_open_filtered_is_no_answer(tmp_path):
    f = tmp_path / "udp.xml"
    f.write_text(
        '<?xml version="1.0"?><nmaprun scanner="nmap" version="7.93"><host><status state="up" reason="echo-reply"/>'
        '<address addr="10.10.10.5" addrtype="ipv4"/><ports>'
        '<port protocol="udp" portid="161"><state state="open|filtered" reason="no-response" reason_ttl="0"/></port>'
        '<port protocol="tcp" portid="80"><state state="unfiltered" reason="reset" reason_ttl="63"/></port>'
        "</ports></host></nmaprun>"
    )
    p = _by(load(f"{f}@guest"))
    assert p[("10.10.10.5", "udp/161")].result == NO_ANSWER
    assert ("10.10.10.5", "tcp/80") not in p  # ACK scan: says nothing about new connections


def test_bad_xml_names_file_and_line(tmp_path):
    f = tmp_path / "cut.xml"
    f.write_text('<?xml version="1.0"?>\n<nmaprun>\n<host>\n<address addr="10.0.0.1"\n')
    with pytest.raises(InputError) as e:
        load(f"{f}@guest")
    assert str(e.value).startswith(f"{f}:") and "not valid XML" in str(e.value)
    assert e.value.line is not None and e.value.line >= 4


def test_entities_are_refused(tmp_path):
    f = tmp_path / "bomb.xml"
    f.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE nmaprun [\n<!ENTITY a "aaaaaaaaaa">\n'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<nmaprun>&b;</nmaprun>\n'
    )
    with pytest.raises(InputError, match=r"bomb.xml:3: XML refused"):
        load(f"{f}@guest")
    f.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<nmaprun>&x;</nmaprun>'
    )
    with pytest.raises(InputError, match="XML refused"):
        load(f"{f}@guest")


def test_nmap_needs_zone_and_root(tmp_path):
    with pytest.raises(InputError, match="FILE@ZONE"):
        load(str(SCAN))
    f = tmp_path / "other.xml"
    f.write_text("<html/>")
    with pytest.raises(InputError, match="not an nmap XML report"):
        load(f"{f}@guest")


def test_cli_bad_probe_files_exit_2_one_line(tmp_path):
    bad_xml = tmp_path / "scan.xml"
    bad_xml.write_text("<nmaprun><host></nmaprun>\n")
    wrong = tmp_path / "other.json"
    wrong.write_text(json.dumps({"schema": "netaudit/audit/v1", "vantage": {"zone": "guest"}}))
    nozone = tmp_path / "nozone.json"
    nozone.write_text(json.dumps({"schema": "netaudit/probes/v1", "vantage": {"zone": "lobby"}, "probes": []}))
    for spec, want in (
        (f"{bad_xml}@guest", f"{bad_xml}:1: not valid XML"),
        (str(wrong), "not a netaudit probe result"),
        (str(tmp_path / "missing.json"), "cannot read"),
        (str(nozone), "vantage zone 'lobby' is not a zone of this audit"),
    ):
        code, out, err = run_cli("audit", COMPLIANT, "--probes", spec, "--lang", "en")
        assert code == 2 and out == "", spec
        assert len(err.strip().splitlines()) == 1 and want in err and "Traceback" not in err, err


def test_real_nmap_scan_from_the_lab_merges_as_consistent(tmp_path):
    """A real nmap 7.93 -sS -sU report, made from the lab's guest namespace against a staff
    host and the router (tests/lab): every port filtered — silence, which never proves a cell
    blocked nor contradicts one: guest → staff stays "consistent", and the audit with it has
    no live finding."""
    from helpers import ROOT

    from netaudit.audit import run_audit

    xml = FIXTURES / "nmap" / "lab-guest-to-staff.xml"
    office = ROOT / "tests" / "lab" / "office"
    run = load(f"{xml}@guest")
    assert run.zone == "guest" and run.probes
    assert {p.result for p in run.probes if p.dst == "10.77.10.5"} <= {"no_answer", "prohibited"}
    audit = run_audit([office], probes=[run])
    assert audit.live is not None
    assert audit.live.cell("guest", "staff").status == "consistent"
    assert not [f for f in audit.findings if f.check.startswith("live-")]


def test_a_port_that_is_no_number_is_an_error_not_skipped(tmp_path):
    """An open port with ``portid="abc"`` (a damaged or edited report) was dropped: the
    audit passed where the same scan with 445 is a critical finding."""
    f = tmp_path / "scan.xml"
    f.write_text(
        '<?xml version="1.0"?><nmaprun scanner="nmap" version="7.93"><host><status state="up" reason="echo-reply"/>'
        '<address addr="10.10.10.5" addrtype="ipv4"/><ports>'
        '<port protocol="tcp" portid="abc"><state state="open" reason="syn-ack" reason_ttl="63"/></port>'
        "</ports></host></nmaprun>"
    )
    with pytest.raises(InputError, match=r"host\[0\] 10\.10\.10\.5: port 'abc' is not a port number"):
        load(f"{f}@guest")
