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
