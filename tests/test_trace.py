"""``netaudit trace`` (:mod:`netaudit.trace`) against the matrix it must agree with."""

from __future__ import annotations

import pytest
from helpers import SAMPLES, cells

from netaudit.audit import run_audit
from netaudit.trace import trace

# Samples with destination NAT (port forwards, VIPs): the packets are addressed to the
# router, not to the zone they reach.
NAT_SAMPLES = [
    "routeros-commune-leaky-firewall",
    "fortigate-ttpvhcc-compliant",
    "fortigate-ttpvhcc-leaky-policy",
    "linux-commune-leaky-iptables",
]


@pytest.mark.parametrize("sample", NAT_SAMPLES)
def test_trace_to_a_zone_answers_what_the_matrix_cell_says(sample):
    """From every external zone to every zone: trace's verdict is the cell's (a trace
    that kept only packets addressed to the zone missed every port forward)."""
    audit = run_audit([SAMPLES / sample])
    matrix = cells(audit)
    external = [z.name for z in audit.zones if z.kind in ("external", "wan")]
    assert external
    for src in external:
        for (s, dst), cell in matrix.items():
            if s != src or dst == "@devices":
                continue
            got = trace([SAMPLES / sample], None, src, dst, "ip")
            assert got["verdict"] == cell.verdict, (src, dst, got, cell.verdict)


def test_a_upnp_port_forward_makes_wan_to_inside_unknown_and_leaves_outbound_alone(tmp_path):
    """RouterOS ``/ip upnp`` with an external interface: inside hosts create dst-nat
    entries at run time (help.mikrotik.com, UPnP), which pass the default firewall's
    "drop … connection-nat-state=!dstnat" — the WAN → LAN cell is unknown, not "blocked";
    outbound traffic is not made unknown by it (the interface is not partial)."""
    (tmp_path / "r.rsc").write_text(
        "# 1970-01-02 00:01:25 by RouterOS 7.12.1\n"
        "/interface bridge\nadd name=bridge\n"
        "/interface list\nadd name=WAN\nadd name=LAN\n"
        "/interface bridge port\nadd bridge=bridge interface=ether2\n"
        "/interface list member\nadd interface=bridge list=LAN\nadd interface=ether1 list=WAN\n"
        "/ip address\nadd address=192.168.88.1/24 interface=bridge network=192.168.88.0\n"
        "/ip dhcp-client\nadd interface=ether1\n"
        "/ip firewall filter\n"
        "add action=accept chain=forward connection-state=established,related,untracked\n"
        "add action=drop chain=forward connection-state=invalid\n"
        "add action=drop chain=forward connection-nat-state=!dstnat connection-state=new in-interface-list=WAN\n"
        "/ip firewall nat\nadd action=masquerade chain=srcnat out-interface-list=WAN\n"
        "/ip upnp\nset enabled=yes\n"
        "/ip upnp interfaces\nadd interface=bridge type=internal\nadd interface=ether1 type=external\n"
    )
    (tmp_path / "site.yaml").write_text(
        "unit: t\nlevel: 2\nzones:\n"
        "  staff: {kind: internal, subnets: [192.168.88.0/24], attach: ['r:bridge']}\n"
        "  internet: {kind: external, attach: ['r:ether1']}\n"
    )
    matrix = cells(run_audit([tmp_path]))
    inbound = matrix[("internet", "staff")]
    assert inbound.verdict == "unknown" and "UPnP" in inbound.reason
    assert matrix[("staff", "internet")].verdict == "reachable"
    got = trace([tmp_path], None, "internet", "staff", "tcp/8080")
    assert got["verdict"] == "unknown"


PAT_ROUTER = """\
version 12.4
hostname Foo
!
interface FastEthernet0/0
 ip address 172.16.2.1 255.255.255.0
 ip nat inside
!
interface FastEthernet0/1
 ip address 203.0.113.2 255.255.255.252
 ip access-group EXT_IN in
 ip nat outside
!
ip route 0.0.0.0 0.0.0.0 203.0.113.1
ip nat inside source list INTERNAL_NETWORKS interface FastEthernet0/1 overload
ip nat inside source static tcp 172.16.2.5 22 interface FastEthernet0/1 1415
!
ip access-list standard INTERNAL_NETWORKS
 permit 172.16.2.0 0.0.0.255
ip access-list extended EXT_IN
 permit tcp any any eq 1415
 deny ip any any
!
end
"""


def test_trace_with_a_service_to_a_zone_judges_the_service_where_it_is_delivered(tmp_path):
    """``--service ssh`` through a static PAT (the router's tcp/1415 → the host's
    tcp/22, mpenning/ciscoconfparse sample_01.ios): the service arrives as ssh, as the
    matrix cell lists it.  The trace filtered the packets as sent (tcp/22 at the router,
    which EXT_IN drops) and answered "blocked", exit 1."""
    (tmp_path / "foo.cfg").write_text(PAT_ROUTER)
    (tmp_path / "site.yaml").write_text(
        "zones:\n  lan: {kind: internal, subnets: [172.16.2.0/24], attach: ['Foo:FastEthernet0/0']}\n"
        "  internet: {kind: external, attach: ['Foo:FastEthernet0/1']}\n"
    )
    assert cells(run_audit([tmp_path]))[("internet", "lan")].services == ["tcp/22", "tcp/1415"]
    got = trace([tmp_path], None, "internet", "lan", "ssh")
    assert got["verdict"] == "reachable" and got["delivered"][0]["services"] == ["tcp/22"]
    assert got["delivered"][0]["witness"]["packet"]["dst_port"] == 1415  # as sent, to the router
    assert trace([tmp_path], None, "internet", "lan", "rdp")["verdict"] == "blocked"
    rdp = trace([tmp_path], None, "internet", "lan", "rdp")
    assert any("deny ip any any" in line["text"] for line in rdp["blocked_by"])


@pytest.mark.parametrize("sample", NAT_SAMPLES)
def test_every_service_a_cell_lists_is_delivered_when_traced(sample):
    """Each service of a reachable cell from the outside, traced on its own, is
    delivered to the zone (the cell's services are those delivered)."""
    audit = run_audit([SAMPLES / sample])
    external = {z.name for z in audit.zones if z.kind in ("external", "wan")}
    for (src, dst), cell in cells(audit).items():
        if src not in external or dst == "@devices" or cell.verdict != "reachable":
            continue
        for service in cell.services:
            got = trace([SAMPLES / sample], None, src, dst, service)
            assert got["verdict"] == "reachable", (src, dst, service)


def test_the_witness_of_a_service_traced_to_a_zone_is_of_that_service():
    """To a zone, every packet runs; the witness was picked among all of them (an ICMP
    packet for ``--service https``)."""
    sample = SAMPLES / "linux-commune-leaky-iptables"
    for service, sent_to in (("https", 443), ("ssh", 2222), ("tcp/80", 80)):  # ssh: the router's 2222
        got = trace([sample], None, "internet", "portal", service)
        assert got["delivered"][0]["witness"]["packet"]["dst_port"] == sent_to, service


def test_an_unknown_service_traced_gives_its_own_reason(tmp_path):
    """The zone's first uncertain delivery may be another service's: a telnet trace
    quoted "https service not fully understood"."""
    from parsers.fortinet_fortios.test_parser import VDOM_SCOPE

    (tmp_path / "fw-cn-hanoi.conf").write_text(VDOM_SCOPE)
    (tmp_path / "site.yaml").write_text(
        "zones:\n  outside: {kind: external, attach: ['fw-cn-hanoi:port1']}\n"
        "  lan: {kind: internal, subnets: [10.0.0.0/16], attach: ['fw-cn-hanoi:port2']}\n"
    )
    for service in ("telnet", "https", "ssh"):
        got = trace([tmp_path], None, "outside", "@devices", service)
        assert got["verdict"] == "unknown", service
        assert f"{service} service not fully understood" in str(got["unknown"][0]["reason"]), service


def test_trace_toward_a_zone_that_could_not_be_placed_is_unknown(tmp_path):
    """A VPN peer's LAN declared by its subnet only (no interface holds it): the matrix
    says unknown, trace said "Blocked" (exit 1) — to the zone and to an address in it."""
    (tmp_path / "fw.cfg").write_text(
        ": Saved\nASA Version 9.1(7)\n!\nhostname FW1\n!\ninterface GigabitEthernet0/0\n nameif outside\n"
        " security-level 0\n ip address 203.0.113.2 255.255.255.0\n!\ninterface GigabitEthernet0/1\n nameif inside\n"
        " security-level 100\n ip address 10.1.1.1 255.255.255.0\n!\nroute outside 0.0.0.0 0.0.0.0 203.0.113.1 1\n: end\n"
    )
    (tmp_path / "site.yaml").write_text(
        "zones:\n  internet: {kind: external, attach: ['FW1:GigabitEthernet0/0']}\n"
        "  partner: {kind: wan, subnets: [198.51.100.0/24]}\n"
        "  staff: {kind: internal, subnets: [10.1.1.0/24], attach: ['FW1:GigabitEthernet0/1']}\n"
    )
    assert cells(run_audit([tmp_path]))[("staff", "partner")].verdict == "unknown"
    for to in ("partner", "198.51.100.9"):
        got = trace([tmp_path], None, "staff", to, "tcp/80")
        assert got["verdict"] == "unknown" and "no attachment point" in str(got["unknown"][-1]["reason"]), to
