"""FortiGate sample offices: FortiOS-specific evidence, remediation and secrets.

The generic oracle checks (matrix and findings vs expected.yaml, witnesses citing
config lines, a config fully understood and detected, no finding where none is
expected) run for every sample office in ``tests/test_samples.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.audit import run_audit

SAMPLES = Path(__file__).resolve().parents[3] / "sample_configs"
OFFICES = ["fortigate-ttpvhcc-compliant", "fortigate-ttpvhcc-leaky-policy", "fortigate-ttpvhcc-leaky-admin"]

_audits: dict[str, object] = {}


def audit(name: str):
    if name not in _audits:
        _audits[name] = run_audit([SAMPLES / name])
    return _audits[name]


@pytest.mark.parametrize("name", OFFICES)
def test_inputs_parsed_as_one_fortios_config_mostly_ignored_by_design(name):
    a = audit(name)
    [inp] = [i for i in a.snapshot.inputs if i.kind == "config"]
    assert inp.vendor == "fortinet_fortios"
    [rep] = a.snapshot.reports
    assert rep.ignored > 0.3 * rep.lines


def test_leaky_policy_guest_witness_cites_the_guest_policy():
    a = audit("fortigate-ttpvhcc-leaky-policy")
    f = next(f for f in a.findings if f.check == "guest-isolation" and "staff" in f.zones)
    assert f.severity == "critical"
    assert {
        "file": "FGT-TTHCC-TH.conf",
        "line": 834,
        "text": 'policy 55 "KHACH-IN-TAI-LIEU": srcintf '
        '"WIFI-KHACH" → dstintf "VL10-CANBO", srcaddr "NET-WIFI-KHACH", dstaddr "all", service "ALL", '
        "action accept",
    } in f.evidence
    pkt = f.witness["packet"]
    assert pkt["src_ip"].startswith("10.20.50.") and pkt["dst_ip"].startswith("10.20.10.")


def test_leaky_policy_internet_rdp_goes_through_the_vip():
    a = audit("fortigate-ttpvhcc-leaky-policy")
    cell = next(c for c in a.matrix if (c.src, c.dst) == ("internet", "servers"))
    from netaudit.headerspace import service_match
    from netaudit.reach import witness_for

    pz = next(z for z in a.zones if z.name == "internet")
    w = witness_for(a.engine, cell, a.engine.hs.match(service_match("tcp/3389")), pz)
    hop = w.to_json()["hops"][0]
    pkt = w.packet.to_json()
    assert pkt["dst_ip"] == "198.51.100.3" and pkt["dst_port"] == 33890
    texts = [r["text"] for r in hop["rules"]]
    assert 'edit "VIP-RDP-KETOAN"' in texts and any(t.startswith('policy 31 "HO-TRO-TU-XA-KE-TOAN": ') for t in texts)
    nat = next(r for r in hop["rules"] if r["text"] == 'edit "VIP-RDP-KETOAN"')
    assert nat["translated"]["dst_ip"] == "10.20.20.15" and nat["translated"]["dst_port"] == 3389
    shadow = next(f for f in a.findings if f.check == "shadowed-acl-line")
    assert shadow.severity == "medium" and shadow.evidence[0]["line"] == 669


def test_leaky_admin_findings_name_the_interfaces_and_accounts():
    a = audit("fortigate-ttpvhcc-leaky-admin")
    aa = {f.detail["en"].split()[1]: f for f in a.findings if f.check == "fortigate-allowaccess-wan-guest"}
    assert set(aa) == {"wan1", "WIFI-KHACH"}
    assert all(f.severity == "critical" for f in aa.values())
    assert aa["wan1"].evidence[0]["line"] == 70 and "guest" in aa["wan1"].zones
    assert "unselect allowaccess https ssh http telnet" in aa["wan1"].remediation["en"]
    assert "guest" in aa["WIFI-KHACH"].zones and aa["WIFI-KHACH"].evidence[0]["line"] == 218
    [adm] = [f for f in a.findings if f.check == "fortigate-admin-no-trusthost"]
    assert adm.severity == "high" and adm.evidence[0]["line"] == 262
    assert 'edit "hotro.ncc"' in adm.remediation["en"]
    guest = next(f for f in a.findings if f.check == "guest-isolation")
    assert guest.severity == "critical" and "@devices" in guest.zones
    telnet = [f for f in a.findings if f.check == "mgmt-telnet"]
    assert sorted(f.evidence[0]["line"] for f in telnet) == [70, 218]
    assert all("unselect allowaccess telnet" in f.remediation["en"] for f in telnet)


def test_secrets_are_collected_for_masking():
    dev = audit("fortigate-ttpvhcc-leaky-admin").devices[0]
    assert "public" in dev.secrets
    assert any(s.startswith("SH2vR4nB8xK1") for s in dev.secrets)
    assert any(s.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----") for s in dev.secrets)
