"""The management plane: system services, SNMP, the lo0 filter, and the checks they feed
(netaudit/parsers/juniper_junos/management.py; docs/vendors/juniper_junos.md,
"Management plane")."""

from __future__ import annotations

import pytest
from helpers import cells, fixture_audit, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import juniper_junos
from netaudit.parsers.juniper_junos.facts import JunosFacts
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

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


EX = """\
set system host-name EX-XA
set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/30
set interfaces irb unit 10 family inet address 10.0.10.1/24
set vlans CANBO vlan-id 10
set vlans CANBO l3-interface irb.10
set routing-options static route 0.0.0.0/0 next-hop 203.0.113.1
set firewall family inet filter RE term icmp from protocol icmp
set firewall family inet filter RE term icmp then discard
set firewall family inet filter RE term rest then accept
set interfaces lo0 unit 0 family inet filter input RE
"""
EX_SITE = """\
unit: "UBND xa"
level: 2
zones:
  canbo: {kind: internal, subnets: [10.0.10.0/24], vlans: ["EX-XA:10"]}
  internet: {kind: external, attach: ["EX-XA:ge-0/0/0.0"]}
"""


def _devices(tmp_path, extra: str):
    (tmp_path / "ex.txt").write_text(EX + extra)
    (tmp_path / "site.yaml").write_text(EX_SITE)
    got = cells(run_audit([tmp_path]))
    return got[("internet", "@devices")], got[("canbo", "@devices")]


@pytest.mark.parametrize(
    ("extra", "internet", "canbo"),
    [
        ("", [], []),  # ping discarded by the lo0 filter, no service
        # SNMPv3 users only: the agent answers on udp/161 (no community, still the port)
        (
            'set snmp v3 usm local-engine user nms authentication-sha authentication-key "$9$x1Y2z3"\n',
            ["udp/161"],
            ["udp/161"],
        ),
        # `snmp interface`: requests accepted on that interface only
        ("set snmp community c1 authorization read-only\nset snmp interface irb.10\n", [], ["udp/161"]),
        # `web-management http interface ge-0/0/0`: the port's unit 0, never nowhere
        ("set system services web-management http interface ge-0/0/0\n", ["tcp/80"], []),
    ],
)
def test_where_snmp_and_web_management_answer(tmp_path, extra, internet, canbo):
    got = _devices(tmp_path, extra)
    assert [c.services for c in got] == [internet, canbo]
    assert [c.verdict for c in got] == [REACHABLE if s else BLOCKED for s in (internet, canbo)]


def test_a_trap_group_name_and_a_v3_community_name_are_secrets():
    # the trap group's name is the community string its traps carry
    text = (
        ROUTER
        + 'set snmp trap-group "BayTrap-1" targets 10.6.0.9\nset snmp v3 snmp-community I1 community-name "V3c-2"\n'
    )
    dev, _ = parse_one(juniper_junos, text, "j.txt")
    assert {"BayTrap-1", "V3c-2"} <= dev.secrets


def test_a_system_service_not_understood_is_unknown_never_blocked(tmp_path):
    # `rlogin` (older Junos) is no service netaudit holds: what else listens is not known
    internet, canbo = _devices(tmp_path, "set system services rlogin\n")
    assert internet.verdict == canbo.verdict == UNKNOWN
    # next to a service read exactly: that one is proven, the rest maybe
    internet, _ = _devices(tmp_path, "set system services ssh\nset system services rlogin\n")
    assert (internet.verdict, internet.services) == (REACHABLE, ["tcp/22"])
    assert internet.maybe_services and "system services rlogin" in str(internet.maybe_reason)


def test_a_service_in_a_chassis_cluster_node_group_is_unknown_never_blocked(tmp_path):
    # `apply-groups "${node}"`: which node group is in effect is not in the file — ssh
    # turned on there may listen; the fabric link (fab0) is no configuration that matters
    extra = (
        "set groups node0 system services ssh\nset groups node1 system services ssh\n"
        'set apply-groups "${node}"\nset interfaces fab0 fabric-options member-interfaces ge-0/0/1\n'
    )
    internet, _ = _devices(tmp_path, extra)
    assert internet.verdict == UNKNOWN
    _, rep = parse_one(juniper_junos, EX + extra, "ex.txt")
    assert [u.line for u in rep.unrecognized] == [11, 12]  # the node groups' lines only
