"""The management plane: system services, SNMP, the lo0 filter, and the checks they feed
(netaudit/parsers/juniper_junos/management.py; docs/vendors/juniper_junos.md,
"Management plane")."""

from __future__ import annotations

from helpers import fixture_audit, parse_one

from netaudit.parsers import juniper_junos
from netaudit.parsers.juniper_junos.facts import JunosFacts

ROUTER = """\
set system host-name J-XA
set system services telnet
set system services ftp
set system services web-management http interface ge-0/0/1.0
set system services netconf ssh port 8300
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30
set interfaces ge-0/0/1 unit 0 family inet address 10.6.0.1/24
set snmp community congkhai authorization read-only
set snmp community congkhai clients 10.6.0.0/24
set snmp community congkhai clients 10.6.0.128/25 restrict
"""


def test_services():
    dev, rep = parse_one(juniper_junos, ROUTER, "j.txt")
    assert not rep.unrecognized
    by = {s.name: s for s in dev.services}
    assert by["telnet"].insecure and by["ftp"].insecure
    assert by["http"].interfaces == frozenset({"ge-0/0/1.0"})  # `web-management http interface`
    assert by["netconf"].ports[0].lo == 8300
    snmp = by["snmp"]
    flt = dev.filters[snmp.acl]
    (m,) = flt.lines[0].matches
    assert [str(p.network) for p in m.src] == ["10.6.0.0/25"]  # `restrict` takes the upper half out
    assert "congkhai" in dev.secret_lines[8] and "congkhai" in dev.secrets
    assert isinstance(dev.facts, JunosFacts) and dev.facts.telnet is not None


def test_findings_on_the_fixtures(tmp_path_factory):
    a = fixture_audit("juniper_junos", "srx300-ubnd-huyen", tmp_path_factory)
    ids = {f.check for f in a.findings}
    assert {"mgmt-telnet", "mgmt-http-server"} <= ids
    telnet = next(f for f in a.findings if f.check == "mgmt-telnet")
    # host-inbound `all` with `telnet except`: enabled, yet reachable from no zone
    assert telnet.severity == "medium"
    ex = fixture_audit("juniper_junos", "ex2300-soyte-tang3", tmp_path_factory)
    http = next(f for f in ex.findings if f.check == "mgmt-http-server")
    assert http.severity in ("medium", "low")


def test_ssh_root_login_allowed(tmp_path_factory):
    from helpers import SAMPLES

    from netaudit.audit import run_audit

    leaky = run_audit([SAMPLES / "juniper-commune-leaky"])
    (f,) = [f for f in leaky.findings if f.check == "junos-ssh-root-login"]
    assert f.severity == "high" and "internet" in f.zones  # the WAN lets every system service in
    compliant = run_audit([SAMPLES / "juniper-commune-compliant"])
    assert not [f for f in compliant.findings if f.check == "junos-ssh-root-login"]  # root-login deny
