"""Huawei VRP checks (netaudit/checks/huawei_vrp.py) and the VRP remediation examples of
the vendor-neutral management checks, on the leaky Huawei sample office."""

from __future__ import annotations

import pytest
from helpers import SAMPLES, copy_sample

from netaudit.audit import run_audit


@pytest.fixture(scope="module")
def leaky():
    return run_audit([SAMPLES / "huawei-commune-leaky"])


def by_check(audit, check: str):
    return [f for f in audit.findings if f.check == check]


def test_reversible_local_user_password(leaky):
    (f,) = by_check(leaky, "huawei-reversible-password")
    assert f.severity == "medium" and f.evidence[0]["line"] == 117
    assert "irreversible-cipher" in f.remediation["en"] and "(Huawei VRP)" in f.remediation["en"]
    assert "%^%#" not in f.detail["en"] + f.detail["vi"]  # the value itself is never quoted


def test_management_findings_carry_the_vrp_example(leaky):
    (telnet,) = by_check(leaky, "mgmt-telnet")
    assert telnet.evidence[0]["text"] == "telnet server enable"
    assert "undo telnet server enable" in telnet.remediation["en"]
    assert "undo telnet server enable" in telnet.remediation["vi"]  # commands the same in both
    (http,) = by_check(leaky, "mgmt-http-server")
    assert "undo http server enable" in http.remediation["en"]
    (snmp,) = by_check(leaky, "mgmt-snmp-community")
    assert "snmp-agent community read cipher" in snmp.remediation["en"]
    vty = by_check(leaky, "mgmt-vty-no-access-class")
    assert {f.evidence[0]["text"] for f in vty} == {"telnet server enable", "stelnet server enable"}
    assert all(" acl 2000 inbound" in f.remediation["en"] for f in vty)


def test_compliant_office_has_no_huawei_finding():
    audit = run_audit([SAMPLES / "huawei-commune-compliant"])
    assert not [f for f in audit.findings if f.check.startswith("huawei-")]


def test_vty_without_authentication_and_ftp_server(tmp_path):
    office = copy_sample(tmp_path, "huawei-commune-leaky")
    cfg = office / "core-sw.cfg"
    text = cfg.read_text(encoding="utf-8")
    text = text.replace(
        "user-interface vty 0 4\n authentication-mode aaa\n", "user-interface vty 0 4\n authentication-mode none\n"
    )
    text = text.replace("stelnet server enable\n", "stelnet server enable\nftp server enable\n")
    cfg.write_text(text, encoding="utf-8")
    audit = run_audit([office])
    (noauth,) = by_check(audit, "huawei-vty-no-authentication")
    assert noauth.severity == "high" and noauth.evidence[0]["text"] == "authentication-mode none"
    (ftp,) = by_check(audit, "huawei-ftp-server")
    # the guest zone reaches tcp/21 on the core through rule 1 of ACL 3040
    assert ftp.severity == "high" and "guest" in ftp.zones


def test_a_proven_tcp_spoofing_does_not_hide_an_unproven_snmp_one():
    # AR651 V300R019 with no `snmp-agent protocol source-…` line: where its SNMP agent
    # answers depends on the release's default (partial), its SSH answer is proven.  A
    # forged source from the Internet then reaches SSH for sure (low: TCP only) and SNMP
    # maybe; the unproven part is its own finding beside the proven one, never dropped
    # because the zone already has a (milder) proven finding.
    from helpers import FIXTURES

    audit = run_audit([FIXTURES / "huawei_vrp" / "ar651-buudien-pppoe.cfg"])
    spoof = {f.key: f for f in by_check(audit, "spoofing")}
    proven, maybe = spoof["internet"], spoof["internet|maybe"]
    assert proven.severity == "low" and "udp/161" not in proven.detail["en"]
    assert maybe.severity == "medium" and "udp/161" in maybe.detail["en"]
    assert maybe.title["en"].startswith("Zone internet may be able to forge")
